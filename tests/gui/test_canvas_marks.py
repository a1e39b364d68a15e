"""What the canvas's marks are about: the ring and label of the sample the inspector shows,
the hover label with the point's own loss, points sized by loss, the class legend (on the canvas
and in exports, its compact form), the train/test share of drawn points, and text_rects."""

import numpy as np
import pytest
from PySide6 import QtCore, QtGui

from core.point_losses import point_losses
from gui.canvas.data_canvas import DataCanvas, loss_size_factors
from gui.canvas.marks import LegendEntry
from gui.canvas.presenter import canvas_positions
from gui.common.number_format import number
from tests.gui.penguins_import import import_penguins
from tests.point_loss_helpers import by_hand
from tests.waiting import PATIENCE_MS


def _position_of(session, training_index):
    return canvas_positions(session.points, session.train_indices[[training_index]])[0]


def test_the_ring_marks_the_first_sample_of_the_batch_then_the_selected_one(window, qtbot):
    c, canvas = window.controller, window.canvas
    session = c.session
    # before any step: the first training point, labelled as in the inspector
    np.testing.assert_allclose(canvas.selected_position(), _position_of(session, 0))
    assert canvas.selected_label.isVisible() and canvas.selected_label.toPlainText() == "#0"
    c.set_training_settings(batch_size=16)
    c.step()
    window.flush()
    first = int(c.trainer.batch_indices[0])
    np.testing.assert_allclose(canvas.selected_position(), _position_of(c.session, first))
    assert canvas.selected_label.toPlainText() == f"#{first}"
    # Shift+click on training sample 7 selects it: the ring moves there
    x, y = _position_of(c.session, 7)
    qtbot.mouseClick(canvas.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     QtCore.Qt.KeyboardModifier.ShiftModifier,
                     canvas.data_to_widget(x, y).toPoint())
    assert c.selected_sample == 7
    np.testing.assert_allclose(canvas.selected_position(), [x, y])
    assert canvas.selected_label.toPlainText() == "#7"


def test_hover_shows_class_prediction_and_the_points_own_loss(window):
    c, canvas = window.controller, window.canvas
    for _ in range(5):
        c.step()
    session = c.session
    probabilities, losses = by_hand(session)
    point = int(session.test_indices[3])
    x, y = canvas_positions(session.points, [point])[0]
    assert canvas.hover_at(x, y) == point
    text = canvas.hover_label.toPlainText()
    label = int(session.points.y[point])
    p1 = probabilities[point, 0]
    predicted = int(p1 > 0.5)
    assert text.splitlines()[0] == f"class {label} · test point"
    assert text.splitlines()[1] == (
        f"prediction: class {predicted} (p = {number(max(p1, 1 - p1), 4)})")
    assert text.splitlines()[2] == f"own loss at step 5: {number(losses[point], 4)}"
    assert canvas.hover_at(x + 1e3, y) is None and not canvas.hover_label.isVisible()


def test_size_by_loss_gives_bigger_losses_bigger_symbols_and_is_remembered(window):
    c, canvas = window.controller, window.canvas
    for _ in range(3):
        c.step()
    action = window.canvas_options.size_action
    action.setChecked(True)
    assert QtCore.QSettings().value("canvas/size_by_loss") in (True, "true")
    sizes = canvas.point_sizes()
    loss = point_losses(c.session).loss
    order = np.argsort(loss)
    assert np.all(np.diff(sizes[order]) >= 0)
    assert sizes[order[-1]] > sizes[order[0]]
    action.setChecked(False)
    assert np.ptp(canvas.point_sizes()) == 0


def test_loss_size_factors_grow_with_the_loss():
    factors = loss_size_factors([0.0, 0.1, 0.5, 2.0, np.inf])
    assert np.all(np.diff(factors) > 0)
    np.testing.assert_array_equal(loss_size_factors([0.0, 0.0]), [1.0, 1.0])


def test_legend_names_generated_classes_and_the_test_share(window):
    assert window.canvas.legend.texts() == [
        "class 0", "class 1", "filled: training point",
        "square: validation point (20% of points)", "hollow: test point (20% of points)"]


def test_legend_names_imported_classes(qtbot, window, penguins_path):
    assert import_penguins(qtbot, window, penguins_path)
    window.flush()
    assert window.canvas.legend.texts()[:3] == ["Adelie", "Chinstrap", "Gentoo"]


def test_drawn_points_with_full_training_share_are_filled_and_the_legend_says_so(window):
    c = window.controller
    c.set_data_settings(train_fraction=1.0, validation_fraction=0.0)
    window.flush()
    assert window.canvas.legend.texts()[-1] == "filled: training point"  # no test row
    before = len(c.session.points)
    window.drawing.add_at(1.0, 1.0)
    window.flush()
    assert len(c.session.points) == before + 1
    assert bool(c.session.points.train[-1])
    c.set_data_settings(train_fraction=0.5)
    window.flush()
    assert window.canvas.legend.texts()[-1] == "hollow: test point (50% of points)"


def test_a_legend_too_big_for_the_plot_takes_a_compact_form(window, qtbot):
    """At presenter 2× the whole legend fits half of a wide canvas's width and height; in a
    1280×720 window it would not, and it takes a compact form: the same rows, short texts (in
    two columns if need be), whole inside the plot (it used to shrink its text back to 1×).
    In a wide window again, after leaving presenter mode, the whole texts come back."""
    from gui.common.legend_corner import MAX_SHARE

    legend = window.canvas.legend
    whole = [entry.text for entry in legend.entries]
    short = [entry.short or entry.text for entry in legend.entries]
    assert short != whole
    window.presenter_mode.set_scale(2.0)
    window.presenter_mode.action.setChecked(True)
    for width, compact in ((3800, False), (1280, True)):
        window.resize(width, 720)
        qtbot.waitUntil(lambda: legend.compact == compact, timeout=PATIENCE_MS)
        assert legend.shown_texts() == (short if compact else whole)
        plot, size = legend.view_box.boundingRect(), legend.item.boundingRect()
        if not compact:
            assert size.width() <= MAX_SHARE * plot.width()
            assert size.height() <= MAX_SHARE * plot.height()
        assert plot.contains(legend.rect_in_view_box())
    window.presenter_mode.action.setChecked(False)
    window.resize(3800, 720)
    qtbot.waitUntil(lambda: not legend.compact, timeout=PATIENCE_MS)
    assert legend.shown_texts() == whole


def test_the_exported_canvas_contains_the_legend(window):
    from gui.export.figures import render_image

    canvas = window.canvas
    with_legend = render_image(canvas)
    canvas.legend.item.setVisible(False)
    without = render_image(canvas)
    canvas.legend.item.setVisible(True)
    rect = canvas.legend.item.mapRectToScene(canvas.legend.item.boundingRect()).toRect()
    assert with_legend.copy(rect) != without.copy(rect)


def test_headless_figures_and_gif_frames_draw_the_legend_and_the_sample(qtbot):
    from core.session import Session
    from gui.app_window.headless_figures import OffscreenViews

    session = Session()
    session.trainer.step()
    views = OffscreenViews(session, only=("canvas", "loss_curve"))
    canvas = views.canvas
    assert canvas.legend.item.isVisible()
    assert canvas.legend.texts()[:2] == ["class 0", "class 1"]
    np.testing.assert_allclose(canvas.selected_position(), _position_of(session, 0))
    views.container.deleteLater()


@pytest.mark.parametrize("corner", [(5.8, 5.8), (-5.8, 5.8), (5.8, -5.8), (-5.8, -5.8)])
def test_text_rects_legend_and_sample_label_never_overlap(qtbot, corner):
    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(500, 420)
    canvas.show()
    qtbot.waitExposed(canvas)
    rng = np.random.default_rng(0)
    positions = rng.uniform(-6, 6, size=(200, 2))
    canvas.set_points(positions, np.tile([[0, 114, 178, 255]], (200, 1)).astype(np.uint8),
                      np.ones(200, bool))
    canvas.set_legend([LegendEntry("class", "Chinstrap", (0, 114, 178, 255)),
                       LegendEntry("class", "Gentoo", (230, 159, 0, 255)),
                       LegendEntry("train", "filled: training point"),
                       LegendEntry("test", "hollow: test point (30% of points)")])
    canvas.set_selected(np.array(corner), "#123")
    rects = dict(canvas.text_rects())
    assert "#123" in rects and "Gentoo" in rects
    label = rects.pop("#123")
    for text, rect in rects.items():
        assert not rect.intersects(label), (text, rect, label)
    viewport = QtCore.QRectF(canvas.viewport().rect())
    assert viewport.contains(label)


def test_the_hover_label_goes_when_the_pointer_leaves_and_a_step_does_not_bring_it_back(
        window, qtbot):
    from PySide6 import QtCore, QtWidgets

    c, canvas = window.controller, window.canvas
    session = c.session
    point = int(session.train_indices[0])
    x, y = canvas_positions(session.points, [point])[0]
    assert canvas.hover_at(x, y) == point and canvas.hover_label.isVisible()
    QtWidgets.QApplication.sendEvent(canvas, QtCore.QEvent(QtCore.QEvent.Type.Leave))
    assert canvas.hovered is None and not canvas.hover_label.isVisible()
    c.step()  # F (Forward) … a whole step later: the label stays hidden
    c.step()
    assert not canvas.hover_label.isVisible()
    assert canvas.hover_at(x, y) == point  # hovering again shows it again
    canvas.hide()  # another workspace
    assert not canvas.hover_label.isVisible() and canvas.hovered is None
    canvas.show()
    c.step()
    assert not canvas.hover_label.isVisible()


def test_the_gradient_arrows_label_stays_clear_of_the_legend(qtbot):
    """The input-gradient arrow's label opens up and to the right of the tip unless that covers
    the legend (lesson 11 at 1280×720: '∂p1/∂x = (0.0262, 0.0191)' ran into the legend's 'test
    (30%)'); it is placed again when the legend changes."""
    from gui.canvas.overlays import LABEL_ANCHORS, InputGradientArrow
    from gui.controller import TrainingController

    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(500, 420)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_view_range((-6, 6), (-6, 6))
    rows = [LegendEntry("class", "Chinstrap", (0, 114, 178, 255)),
            LegendEntry("class", "Gentoo", (230, 159, 0, 255)),
            LegendEntry("test", "test (30%)")]
    canvas.set_legend(rows)
    assert canvas.legend.corner == "top_right"  # no points: the first corner
    session = TrainingController().session
    arrow = InputGradientArrow(canvas)
    raw = session.points.X[session.train_indices[0]]
    arrow.update(session, raw, (0.0, 0.0))
    tip = np.array(arrow.shaft.getData())[:, 1]
    legend = canvas.legend.rect_in_view_box()

    def tip_at(x: float, y: float) -> None:
        """The arrow moved so that its tip is at (x, y) pixels of the plot."""
        target = canvas.view_box.mapToView(QtCore.QPointF(x, y))
        arrow.update(session, raw, (target.x() - tip[0], target.y() - tip[1]))
        assert arrow.label.isVisible()

    def clear() -> bool:
        rects = dict(canvas.text_rects())
        label = rects.pop(arrow.label.toPlainText())
        viewport = QtCore.QRectF(canvas.viewport().rect())
        return viewport.contains(label) and not any(
            rect.intersects(label) for rect in rects.values())

    tip_at(legend.left() + 10, legend.bottom() + 8)  # just under the legend's left end
    assert clear() and tuple(arrow.label.anchor) != LABEL_ANCHORS[0]
    tip_at(legend.left() - 100, legend.bottom() + 30)  # left of and below the legend
    assert clear() and tuple(arrow.label.anchor) == LABEL_ANCHORS[0]
    # a taller legend (two more rows) reaches down over the label: the label moves again
    canvas.set_legend([LegendEntry("class", "Adelie", (0, 158, 115, 255)), *rows,
                       LegendEntry("train", "training")])
    assert canvas.legend.rect_in_view_box().bottom() > legend.bottom() + 30
    assert clear()
