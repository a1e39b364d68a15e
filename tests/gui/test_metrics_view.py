"""The metrics view (issue 14 part 2): numbers recomputed from the model here, the draggable
threshold changes the matrix and table (not the app's 0.5 rule), a class never predicted gets
precision 0 and a note, regression shows MSE/MAE/R², hovering a cell lights its points up on
the canvas, and the Evaluate workspace shows the view."""

from __future__ import annotations

import numpy as np
import pytest

from core.datasets import PointSet
from core.lessons import load_lesson_scene
from core.metrics import predicted_classes
from core.session import Session
from core.settings import DataSettings, NetworkSettings


def _view(window, qtbot):
    window.workspaces.apply("evaluate")
    view = window.views["metrics"]
    qtbot.waitUntil(lambda: view.report is not None or view.regression is not None,
                    timeout=5000)
    return view


def _test_outputs(session):
    return session.net.forward(session.X_test).output, session.points.y[session.test_indices]


def test_two_classes_matrix_table_and_curves_follow_the_model(window, qtbot):
    c = window.controller
    c.run_steps(20)
    view = _view(window, qtbot)
    assert view.current_split() == "test" and view.n_classes == 2
    output, y = _test_outputs(c.session)
    predicted = (output[:, 0] > 0.5).astype(int)
    counts = [[int(np.sum((y == i) & (predicted == j))) for j in (0, 1)] for i in (0, 1)]
    assert view.matrix.texts() == [[str(n) for n in row] for row in counts]
    accuracy_row = view.table_texts()[-1]
    assert accuracy_row[3] == f"{np.mean(predicted == y):.3f}"
    # the status bar's accuracy (history) is the same number
    assert c.trainer.history.arrays()["test_accuracy"][-1] == np.mean(predicted == y)
    assert view.curves.roc_curve.xData is not None and view.curves.roc_curve.xData.size > 1
    view.normalized.setChecked(True)
    shares = np.array(counts) / np.array(counts).sum(axis=1, keepdims=True)
    assert view.matrix.texts()[0] == [f"{v:.2f}" for v in shares[0]]


def test_the_threshold_moves_the_matrix_but_not_the_app_rule(window, qtbot):
    c = window.controller
    c.run_steps(20)
    view = _view(window, qtbot)
    output, y = _test_outputs(c.session)
    view.curves.set_threshold(0.0)       # every point with p > 0 is called class 1
    called = (output[:, 0] > 0.0).astype(int)
    assert view.matrix.texts()[0][1] == str(int(np.sum((y == 0) & (called == 1))))
    assert view.threshold == 0.0
    assert view.report["accuracy"] == np.mean(called == y)
    # the app keeps 0.5: history, status bar
    history = c.trainer.history.arrays()["test_accuracy"][-1]
    assert history == np.mean(predicted_classes(output) == y)
    view.curves.set_threshold(1.0)       # nothing is called class 1
    assert view.report["unpredicted"] == [1]
    assert view.note.isVisible() and "Precision is 0" in view.note.text()
    assert view.table_texts()[1][1] == "0.000"


def test_three_penguin_classes_use_the_data_source_names(window, qtbot):
    session, _views = load_lesson_scene("penguins-raw")
    window.controller.set_session(session)
    view = _view(window, qtbot)
    assert view.n_classes == 3 and not view.curves.isVisible()
    names = [session.class_label(k) for k in range(3)]
    assert [row[0] for row in view.table_texts()[:3]] == names
    output, y = _test_outputs(session)
    predicted = np.argmax(output, axis=1)
    assert view.report["confusion"] == [[int(np.sum((y == i) & (predicted == j)))
                                         for j in range(3)] for i in range(3)]


def test_hovering_a_cell_lights_its_points_up_on_the_canvas(window, qtbot):
    c = window.controller
    c.run_steps(10)
    view = _view(window, qtbot)
    output, y = _test_outputs(c.session)
    predicted = (output[:, 0] > 0.5).astype(int)
    i, j = 1, int(predicted[np.flatnonzero(y == 1)[0]])
    expected = c.session.test_indices[(y == i) & (predicted == j)]
    with qtbot.waitSignal(view.pointsHovered) as signal:
        view.matrix.hover_cell(i, j)
    np.testing.assert_array_equal(signal.args[0], expected)
    canvas = window.canvas
    assert canvas.highlight_scatter.isVisible()
    np.testing.assert_allclose(canvas.highlight_scatter.data["x"],
                               c.session.points.X[expected, 0])
    assert f"n = {len(expected)}" in view.hover_line.text()
    view.matrix.hover_cell(-1, -1)
    assert not canvas.highlight_scatter.isVisible()


def test_regression_shows_errors_and_a_scatter(window, qtbot):
    session = Session(DataSettings(task="regression", preset="sine", n_points=60,
                                   features=("x1",)), NetworkSettings(hidden_sizes=(4,)))
    window.controller.set_session(session)
    view = _view(window, qtbot)
    assert view.pages.currentWidget() is view.regression_page
    output, _ = _test_outputs(session)
    y = session.y_test
    assert view.regression["mse"] == pytest.approx(np.mean((output[:, 0] - y) ** 2))
    assert "R²" in view.regression_label.text()
    np.testing.assert_allclose(view.scatter.data["y"], output[:, 0])


def test_a_split_without_points_says_so(window, qtbot):
    points = PointSet(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]]), np.array([0, 1, 0]),
                      "classification", np.array([True, True, True]))
    window.controller.set_session(Session(DataSettings(), points=points))
    window.workspaces.apply("evaluate")
    view = window.views["metrics"]
    qtbot.waitUntil(lambda: view.note.isVisible(), timeout=5000)
    assert view.split is None and not view.pages.isVisible()
    view.select_split("train")
    qtbot.waitUntil(lambda: view.report is not None, timeout=5000)
    assert view.report["n"] == 3


def test_ctrl_4_is_the_evaluate_workspace(window, qtbot):
    from core.workspace_names import WORKSPACES

    assert WORKSPACES.index("evaluate") == 3
    window.workspaces.apply("evaluate")
    assert window.workspaces.current() == "evaluate"
    assert window.docks["Metrics"].isVisible() and window.docks["Loss curve"].isVisible()


def test_the_matrix_numbers_grow_with_presenter_mode(window, qtbot):
    """The cell numbers use the view's font, which presenter mode scales (they stayed 9 pt)."""
    window.controller.run_steps(5)
    view = _view(window, qtbot)
    cell = view.matrix.cell_texts[0][0]
    normal = cell.textItem.font().pointSizeF()
    presenter = window.presenter_mode
    presenter.set_scale(2.0)
    presenter.set_active(True)
    try:
        window.controller.run_steps(1)  # a redraw in presenter mode
        qtbot.waitUntil(lambda: cell.textItem.font().pointSizeF() >= 1.5 * normal, timeout=5000)
        assert cell.textItem.font().pointSizeF() == pytest.approx(view.matrix.font().pointSizeF())
    finally:
        presenter.set_active(False)


def test_empty_threshold_scatters_paint_without_an_ignored_exception(qtbot, capfd):
    """An empty scatter (a class with no points in the split, an undefined operating point,
    or no scores yet) is hidden: pyqtgraph painted it with drawPixmapFragments(None, 0, …),
    which PySide refuses, printing "Ignored exception" on every paint (21 times in the
    layout tests)."""
    from PySide6 import QtWidgets

    from gui.evaluate.threshold_curves import ThresholdCurves

    curves = ThresholdCurves()
    qtbot.addWidget(curves)
    curves.resize(900, 200)
    curves.show()
    QtWidgets.QApplication.processEvents()
    curves.grab()  # before any scores
    curves.set_scores(np.array([1, 1, 1]), np.array([0.2, 0.6, 0.9]))  # no class-0 point
    QtWidgets.QApplication.processEvents()
    curves.grab()
    err = capfd.readouterr().err
    assert "Ignored exception" not in err and "drawPixmapFragments" not in err
    assert not curves.strips[0].isVisible() and curves.strips[1].isVisible()
    assert not curves.roc_point.isVisible()  # no negatives: no false-positive rate


def _presenter_font(widget, scale: float) -> None:
    """The fonts of presenter mode at ``scale`` (gui.common.themes.apply_theme's style sheet)."""
    from PySide6 import QtWidgets

    size = QtWidgets.QApplication.font().pointSizeF() * scale
    widget.setStyleSheet(f"QWidget {{ font-size: {size:.1f}pt; }}")
    for _ in range(3):
        QtWidgets.QApplication.processEvents()


@pytest.fixture
def imbalanced_view(qtbot):
    """The metrics view alone on the precision–recall lesson's scene (two classes)."""
    from gui.controller import TrainingController
    from gui.evaluate.metrics_view import MetricsView

    session, _views = load_lesson_scene("precision-recall")
    view = MetricsView(TrainingController(session))
    qtbot.addWidget(view)
    return view


def _shown_at(qtbot, view, size, scale):
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    _presenter_font(view, scale)
    qtbot.waitUntil(lambda: view.report is not None, timeout=5000)
    qtbot.wait(20)  # the deferred layout fit


def test_a_short_view_pages_matrix_and_curves_and_shows_every_table_row(qtbot,
                                                                         imbalanced_view):
    """In a lesson column at presenter 2x (640 × 400 px) the matrix, the whole table and the
    curves do not fit together: the page box shows the matrix and table (every row, no
    scrolling) or the curves (titles whole); in a tall view all are shown together."""
    from gui.app_window import layout_report as lr

    view = imbalanced_view
    _shown_at(qtbot, view, (640, 400), 2.0)
    assert view.paged and view.page_box.isVisible()
    view.show_page("matrix")
    qtbot.wait(10)
    assert view.table.isVisible() and not view.curves.isVisible()
    assert lr.cramped_view("metrics", view) == []
    assert lr.elided_widgets(view) == [] and lr.elided_items(view) == []
    view.show_page("curves")
    qtbot.wait(20)
    assert view.curves.isVisible() and not view.table.isVisible()
    assert lr.elided_items(view) == [] and lr.axis_tick_overlaps(view) == []
    view.resize(640, 900)
    qtbot.waitUntil(lambda: not view.paged, timeout=5000)
    assert view.table.isVisible() and view.curves.isVisible()
    assert not view.page_box.isVisible()
    assert lr.cramped_view("metrics", view) == [] and lr.elided_items(view) == []


def test_curve_titles_take_a_designed_short_form_in_narrow_plots(qtbot, imbalanced_view):
    """'Precision–recall, AP = 0.061' was cut in a 200 px plot at 1280×720: a narrow plot
    shows 'AP = …', a wide one the whole title."""
    from gui.app_window import layout_report as lr

    view = imbalanced_view
    _shown_at(qtbot, view, (560, 700), 1.0)
    assert lr.elided_items(view.curves) == []
    ap = view.curves.titles()[2]
    assert ap.startswith("AP = ") or ap.startswith("Precision–recall, AP = ")
    view.resize(1500, 700)
    qtbot.wait(30)
    assert view.curves.titles()[2].startswith("Precision–recall, AP = ")
    _presenter_font(view, 2.0)
    view.resize(640, 900)
    qtbot.waitUntil(lambda: view.curves.titles()[2].startswith("AP = "), timeout=5000)
    qtbot.waitUntil(lambda: lr.elided_items(view.curves) == [], timeout=5000)


def test_the_cell_numbers_follow_a_font_change_without_a_redraw(qtbot, imbalanced_view):
    """A lesson shown before presenter mode goes on is not redrawn: the numbers stayed 9 pt."""
    view = imbalanced_view
    _shown_at(qtbot, view, (900, 700), 1.0)
    cell = view.matrix.cell_texts[0][0]
    normal = cell.textItem.font().pointSizeF()
    _presenter_font(view, 2.0)
    assert cell.textItem.font().pointSizeF() == pytest.approx(2 * normal, rel=0.05)


def test_the_class_names_under_a_short_wide_matrix_stand_apart(qtbot, imbalanced_view):
    """Under a two-line lesson question in Chinese at 1280×720 2x the view was 717 × 238 px:
    square cells were narrower than the class names under them ("类别 0类别 1"); the cells now
    fill the plot's width."""
    from gui.app_window import layout_report as lr

    view = imbalanced_view
    _shown_at(qtbot, view, (717, 238), 2.0)
    view.show_page("matrix")
    qtbot.wait(10)
    assert view.matrix.isVisible()
    assert lr.axis_tick_overlaps(view.matrix) == []
    image = view.matrix.image
    drawn = image.mapRectToScene(image.boundingRect())
    assert drawn.width() > drawn.height() + 40  # the cells fill the width: not squares
