"""The Attributions view (gui.explain): its bars and lines are core's numbers, computed in a
worker thread or at once, errors are worded per code, and the saliency overlay on the canvas."""

from __future__ import annotations

import numpy as np
import pytest

from core.attribution_report import explain_sample, session_permutation
from core.attributions import AttributionError
from core.lesson_outcomes import train
from core.lessons import load_lesson_scene
from core.session import Session
from core.settings import DataSettings
from gui.canvas.data_canvas import DataCanvas
from gui.common.number_format import number
from gui.controller import TrainingController
from gui.explain.attribution_view import AttributionView, error_text
from gui.explain.saliency_overlay import SaliencyOverlay, grid_cells
from tests.gui.shown_views import show
from tests.waiting import PATIENCE_MS


@pytest.fixture(scope="module")
def penguins():
    session, _views = load_lesson_scene("penguins-standardized")
    train(session, 200)
    return session


def _show(qtbot, widget, size=(700, 900)):
    return show(qtbot, widget, size)


def test_bars_and_lines_are_the_engines_numbers(qtbot, penguins):
    controller = TrainingController(penguins.copy())
    controller.select_sample(5)
    view = _show(qtbot, AttributionView(controller, synchronous=True))
    qtbot.waitUntil(lambda: "permutation" in view.results, timeout=PATIENCE_MS)
    expected = explain_sample(controller.session, 5)
    panels = view.panels
    np.testing.assert_array_equal(panels["gradient"].bars.values, expected.gradient_x_input)
    np.testing.assert_array_equal(panels["ig"].bars.values, expected.ig.attributions)
    np.testing.assert_array_equal(panels["shapley"].bars.values, expected.shapley.values)
    permutation = session_permutation(controller.session)
    np.testing.assert_array_equal(panels["permutation"].bars.values, permutation.mean)
    assert "#5" in view.header.text()
    name = controller.session.class_label(expected.k)
    assert f"p({name}) = {number(expected.f_x, 4)}" in view.header.text()
    ig = expected.ig
    assert panels["ig"].caption.text() == (
        f"Σ = f(x) − f(baseline): {number(ig.total, 6)} vs {number(ig.f_x, 6)} − "
        f"{number(ig.f_baseline, 6)} = {number(ig.f_x - ig.f_baseline, 6)}, error "
        f"{number(abs(ig.completeness_error), 2)}")
    assert abs(ig.completeness_error) < 1e-6
    shapley = expected.shapley
    assert f"{number(shapley.values.sum(), 6)} vs {number(shapley.f_x, 6)} − " \
           f"{number(shapley.expected, 6)}" in panels["shapley"].caption.text()
    assert "standardized features" in view.header.text()
    labels = [label.toPlainText() for label in panels["ig"].bars.labels[:2]]
    assert labels == [number(v, 3) for v in ig.attributions]


def test_the_worker_delivers_the_same_numbers(qtbot, penguins):
    controller = TrainingController(penguins.copy())
    view = _show(qtbot, AttributionView(controller))
    qtbot.waitUntil(lambda: "permutation" in view.results and not view.runner.busy,
                    timeout=PATIENCE_MS)
    expected = explain_sample(controller.session)
    np.testing.assert_array_equal(view.panels["shapley"].bars.values, expected.shapley.values)
    controller.select_sample(9)  # a new request: the view follows the selection
    qtbot.waitUntil(lambda: view.results["sample"].sample == 9, timeout=PATIENCE_MS)
    view.shutdown()
    assert not view.runner.worker_thread.isRunning()


def test_no_test_points_is_said_in_words(qtbot):
    controller = TrainingController(Session(DataSettings(preset="circle", n_points=60,
                                                         train_fraction=1.0,
                                                         validation_fraction=0.0)))
    view = _show(qtbot, AttributionView(controller, synchronous=True))
    qtbot.waitUntil(lambda: "permutation" in view.results, timeout=PATIENCE_MS)
    assert "No test points" in view.panels["permutation"].caption.text()
    assert view.panels["permutation"].bars.values.size == 0
    assert view.panels["ig"].bars.values.size == 2  # the sample's attributions still show


def test_error_texts_name_the_numbers():
    text = error_text(AttributionError("too_many_features", limit=8, d=9))
    assert "8" in text and "9" in text
    assert error_text(AttributionError("not_finite"))


def test_saliency_overlay_shows_the_norm_map_and_hides(qtbot):
    controller = TrainingController(Session(DataSettings(preset="circle", n_points=80)))
    canvas = _show(qtbot, DataCanvas(), (500, 400))
    canvas.set_view_range((-6, 6), (-6, 6))
    overlay = SaliencyOverlay(canvas, controller, synchronous=True)
    assert not overlay.image.isVisible()
    overlay.set_enabled(True)
    qtbot.waitUntil(lambda: overlay.image.isVisible(), timeout=PATIENCE_MS)
    image = overlay.image.image
    res_x, res_y = grid_cells(canvas.plot_pixels())
    assert image.shape == (res_y, res_x, 4) and image.dtype == np.uint8
    assert overlay.maximum > 0 and "‖∂p" in overlay.caption.toPlainText()
    overlay.set_enabled(False)
    assert not overlay.image.isVisible() and not overlay.caption.isVisible()


def test_saliency_toggle_is_off_for_1d_inputs(qtbot):
    controller = TrainingController(Session(DataSettings(task="regression", preset="sine",
                                                         n_points=40)))
    view = _show(qtbot, AttributionView(controller, synchronous=True))
    qtbot.waitUntil(lambda: "sample" in view.results, timeout=PATIENCE_MS)
    assert not view.saliency.isEnabled()
    assert "ŷ" in view.header.text()
    assert "MSE" in view.panels["permutation"].caption.text()


def test_window_wires_the_toggle_to_the_canvas(window, qtbot):
    view = window.views["attributions"]
    view.saliency.setChecked(True)
    assert window.step_views.saliency.enabled
    view.saliency.setChecked(False)
    assert not window.step_views.saliency.enabled


@pytest.mark.parametrize("values", [[0.243, -0.0427], [-0.5, -0.01], [0.3, 0.001]])
def test_every_value_label_lies_inside_its_chart(qtbot, values):
    """The x range leaves room in pixels for the labels on both sides of 0 (a negative bar's
    "−0.0427 ± 0.027" was cut at the left edge)."""
    from gui.explain.feature_bars import FeatureBars

    bars = FeatureBars()
    qtbot.addWidget(bars)
    bars.resize(460, 140)  # a chart of the Attributions view at 1440×900 (~330 px) and up
    bars.show()
    qtbot.waitExposed(bars)
    bars.set_values(["bill_length_mm", "flipper_length_mm"], values, errors=[0.023, 0.027])
    qtbot.wait(10)
    box = bars.plot_item.vb.sceneBoundingRect()
    for label in bars.labels[:2]:
        rect = label.sceneBoundingRect()
        assert box.left() <= rect.left() and rect.right() <= box.right(), (values, rect, box)


def _font_scale(widget, scale: float) -> None:
    """The fonts of presenter mode at ``scale`` (gui.common.themes.apply_theme's style sheet)."""
    from PySide6 import QtWidgets

    size = QtWidgets.QApplication.font().pointSizeF() * scale
    widget.setStyleSheet(f"QWidget {{ font-size: {size:.1f}pt; }}")
    for _ in range(3):
        QtWidgets.QApplication.processEvents()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_value_labels_and_ticks_are_whole_at_presenter_fonts(qtbot, scale):
    """The value labels are drawn in the view's (presenter) font and the x range leaves room
    for them, the bottom axis is as tall as its labels and its ticks do not run together
    (a 2x chart in a lesson column cut "0.224" and its ticks "0.1", "0.2")."""
    from gui.app_window import layout_report as lr
    from gui.explain.feature_bars import FeatureBars

    bars = FeatureBars()
    qtbot.addWidget(bars)
    bars.resize(420, 140)
    bars.show()
    qtbot.waitExposed(bars)
    _font_scale(bars, scale)
    bars.set_values(["bill_length_mm", "flipper_length_mm"], [0.0709, 0.224])
    qtbot.wait(10)
    assert bars.labels[0].textItem.font().pointSizeF() == pytest.approx(bars.font().pointSizeF())
    assert lr.elided_items(bars) == []
    assert lr.axis_tick_overlaps(bars) == []


def test_the_view_shows_one_method_at_a_time_when_the_four_do_not_fit(qtbot, penguins):
    """In a lesson column at presenter 2x (about 640 × 400 px) the four charts do not fit: one
    is shown, chosen in the method box, in one column, with nothing cut or overflowing across;
    in a large dock all four are shown in two columns."""
    from gui.app_window import layout_report as lr

    controller = TrainingController(penguins.copy())
    controller.select_sample(5)
    view = _show(qtbot, AttributionView(controller, synchronous=True), (640, 400))
    qtbot.waitUntil(lambda: "permutation" in view.results, timeout=PATIENCE_MS)
    _font_scale(view, 2.0)
    qtbot.waitUntil(lambda: view.one_method, timeout=PATIENCE_MS)
    assert view.columns == 1 and view.method_box.isVisible()
    for name in ("ig", "permutation"):
        view.show_method(name)
        qtbot.wait(10)
        assert [n for n, panel in view.panels.items() if panel.isVisible()] == [name]
        assert lr.elided_items(view) == [] and lr.elided_widgets(view) == []
        assert view.scroll.horizontalScrollBar().maximum() == 0
    _font_scale(view, 1.0)
    view.resize(1400, 1000)
    qtbot.waitUntil(lambda: not view.one_method, timeout=PATIENCE_MS)
    assert view.columns == 2 and not view.method_box.isVisible()
    assert all(panel.isVisible() for panel in view.panels.values())
    assert view.scroll.verticalScrollBar().maximum() == 0
    assert lr.elided_items(view) == []


@pytest.mark.parametrize("height", [341, 380])
def test_the_lesson_column_at_presenter_2x_shows_the_view_without_scrolling(qtbot, height):
    """Lesson 11 at 1280×720 in presenter mode at 2x gives the view about 717 × 341 px (the
    first step, with the question's choices) or 717 × 380 px: the view scrolled 77 and 38 px.
    The saliency box takes its short form and goes on one line with the method box, the
    sample's sentence and the bars' space are one paragraph, and the shown chart's title is
    left out while it says no more than the method box; nothing is cut and nothing scrolls."""
    from PySide6 import QtCore

    from gui.app_window import layout_report as lr

    session, _views = load_lesson_scene("penguins-attributions")
    controller = TrainingController(session)
    controller.select_sample(107)
    view = _show(qtbot, AttributionView(controller, synchronous=True), (717, height))
    qtbot.waitUntil(lambda: "permutation" in view.results, timeout=PATIENCE_MS)
    _font_scale(view, 2.0)
    qtbot.waitUntil(lambda: view.one_method, timeout=PATIENCE_MS)
    qtbot.wait(10)
    assert view.scroll.verticalScrollBar().maximum() == 0  # 77 and 38 px before
    assert view.scroll.horizontalScrollBar().maximum() == 0
    assert lr.elided_items(view) == [] and lr.elided_widgets(view) == []
    assert view.method_box.currentData() == "gradient"
    assert view.saliency.text() == "Saliency on the canvas"
    assert view.saliency.geometry().top() == view.method_box.geometry().top() == 0
    assert not view.panels["gradient"].title.isVisible()
    assert "#107" in view.header.text() and "standardized features" in view.header.text()
    # measuring the other arrangement does not hide the method box (its focus, its pop-up)
    hidden = []

    class HideSpy(QtCore.QObject):
        def eventFilter(self, _watched, event):  # noqa: N802 (Qt naming)
            if event.type() == QtCore.QEvent.Type.Hide:
                hidden.append(event.type())
            return False

    spy = HideSpy()
    view.method_box.installEventFilter(spy)
    view.redraw()  # new numbers: the view fits again
    qtbot.wait(10)
    assert hidden == [] and view.method_box.isVisible()
    view.method_box.removeEventFilter(spy)
    # a chart whose title says more than the method box keeps it
    view.show_method("ig")
    qtbot.wait(10)
    assert view.panels["ig"].title.isVisible()
    assert view.panels["ig"].title.text().startswith(view.method_box.currentText())
    # with the room for the four charts, the saliency box says it all again
    _font_scale(view, 1.0)
    view.resize(1400, 1000)
    qtbot.waitUntil(lambda: not view.one_method, timeout=PATIENCE_MS)
    assert view.saliency.text() == "Saliency ‖∂f/∂x‖ on the canvas"
    assert all(panel.title.isVisible() for panel in view.panels.values())


def test_at_presenter_2x_no_height_of_a_lesson_column_makes_the_view_scroll(qtbot):
    """Taller and taller, the view at 2x fonts as wide as the lesson column at 1280×720 and at
    1920×1080 never scrolls: one method at a time until the four charts fit, measured as they
    would be shown (with the titles one method at a time leaves out; in 简体中文 at 1920×1080
    the four were chosen 29 px too early and scrolled 13 px)."""
    from PySide6 import QtWidgets

    session, _views = load_lesson_scene("penguins-attributions")
    controller = TrainingController(session)
    controller.select_sample(107)
    view = _show(qtbot, AttributionView(controller, synchronous=True), (717, 341))
    qtbot.waitUntil(lambda: "permutation" in view.results, timeout=PATIENCE_MS)
    _font_scale(view, 2.0)
    qtbot.waitUntil(lambda: view.one_method, timeout=PATIENCE_MS)
    scrolled, shapes = [], set()
    for width in (717, 1075):
        for height in range(341, 1100, 6):
            view.resize(width, height)
            qtbot.wait(1)  # the refit (RefitSoon) and the layouts
            for _ in range(3):
                QtWidgets.QApplication.processEvents()
            shapes.add(view.one_method)
            if view.scroll.verticalScrollBar().maximum() > 0:
                scrolled.append((width, height, view.scroll.verticalScrollBar().maximum()))
    assert shapes == {True, False}  # both forms were shown
    assert scrolled == []


def test_computing_shows_only_when_a_computation_takes_long(qtbot):
    """The usual computations take a few ms: "computing…" would flash at every redraw during
    Play and, where the controls have no room for it (a lesson column at 2x), move the charts
    down a line. It shows once a computation has run STATUS_DELAY_MS, until it ends."""
    controller = TrainingController(Session(DataSettings(preset="circle", n_points=60)))
    view = _show(qtbot, AttributionView(controller))
    qtbot.waitUntil(lambda: "permutation" in view.results and not view.runner.busy,
                    timeout=PATIENCE_MS)
    assert not view.status.isVisible()
    view._show_busy(True)  # a computation starts
    assert not view.status.isVisible()
    view._show_busy(False)  # and ends soon: nothing was shown, nothing will be
    assert not view.status.isVisible() and not view._status_timer.isActive()
    view._show_busy(True)  # one that takes long
    qtbot.waitUntil(view.status.isVisible, timeout=PATIENCE_MS)
    assert view.status.text() == "computing…"
    view._show_busy(False)
    assert not view.status.isVisible()
    view.shutdown()
