"""Workspaces × window sizes × presenter scales are legible (issue 13, items 1–3): the layout
report (gui.app_window.layout_report) finds no view under 300×180, no cut text, no overlapping
diagram/canvas texts and no panel that needs scrolling; each checker can fail; the command
line writes the report and rejects bad values."""

import json
import os
import subprocess
import sys

import pytest
from PySide6 import QtCore, QtWidgets

from core.workspace_names import WORKSPACES
from gui.app_window import layout_report as lr

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SIZES = ((1280, 720), (1440, 900), (1920, 1080))
SCALES = (None, 1.5, 2.0)
#: Combinations whose layout is not yet legible (see the report of branch i-ws); remove an
#: entry once the layout test passes for it.
KNOWN_GAPS: dict = {}


@pytest.fixture(scope="module")
def windows():
    """One main window per (size, scale), built on first use and kept for the module."""
    from gui.app_window.main_window import MainWindow
    from gui.controller import TrainingController

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    built = {}

    def get(size, scale):
        key = (size, scale)
        if key not in built:
            for other in built.values():  # one at a time on the 2-core machine
                other.hide()
            built[key] = MainWindow(TrainingController())
        window = built[key]
        window.show()
        return window

    yield get
    for window in built.values():
        window.controller.shutdown()
        window.close()
        window.deleteLater()
    app.processEvents()


@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"presenter{s or 0}")
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("workspace", WORKSPACES)
def test_workspace_is_legible(windows, workspace, size, scale):
    window = windows(size, scale)
    lr.prepare_window(window, size, workspace, scale)
    report = lr.layout_report(window)
    gap = KNOWN_GAPS.get((workspace, size, scale))
    assert report["window"] == list(size)
    assert report["workspace"] == workspace
    shown = {view["id"] for view in report["views"] if view["visible"]}
    assert "canvas" in shown
    if gap and (lr.too_small(report) or report["scroll_needed"] or report["elided"]
                or report["overlaps"]):
        pytest.xfail(gap)
    assert lr.too_small(report) == []
    assert report["scroll_needed"] == []
    assert report["elided"] == []
    assert report["overlaps"] == []
    assert lr.cramped(window) == []


def test_workspace_is_legible_in_chinese(windows):
    window = windows((1440, 900), None)
    try:
        window.language_menu.actions["zh_CN"].trigger()
        for workspace in WORKSPACES:
            lr.prepare_window(window, (1440, 900), workspace)
            report = lr.layout_report(window)
            assert lr.too_small(report) == [], workspace
            assert report["elided"] == [], workspace
            assert report["overlaps"] == [], workspace
            assert report["scroll_needed"] == [], workspace
    finally:
        window.language_menu.actions["en"].trigger()


def test_switching_workspaces_in_chinese_presenter_2x_keeps_the_window_size(windows):
    """简体中文, presenter 2x, 1280×720: a teacher clicks through the workspace tabs; the
    window keeps its size (Landscape's docks, all shown before presenter mode hid the locked
    ones, grew it to 1280×731 for good) and every workspace stays legible (the loss
    surface's status line, one line of Chinese, was cut)."""
    window = windows((1280, 720), 2.0)
    try:
        window.language_menu.actions["zh_CN"].trigger()
        lr.prepare_window(window, (1280, 720), WORKSPACES[0], 2.0)
        for workspace in (*WORKSPACES[1:], *reversed(WORKSPACES[:-1])):  # there and back
            window.workspaces.apply(workspace)
            QtWidgets.QApplication.processEvents()
            window.flush()
            QtWidgets.QApplication.processEvents()
            report = lr.layout_report(window)
            counts = {key: len(report[key]) for key in ("elided", "overlaps", "scroll_needed")}
            assert (workspace, report["window"]) == (workspace, [1280, 720])
            assert (workspace, counts) == \
                (workspace, {"elided": 0, "overlaps": 0, "scroll_needed": 0}), report
            assert (workspace, lr.too_small(report)) == (workspace, [])
    finally:
        window.language_menu.actions["en"].trigger()
        window.presenter_mode.set_active(False)


def test_the_surface_status_line_is_not_cut_in_chinese_at_presenter_size(qtbot):
    """The loss surface's status line fits its text in the font it has now: a box of two
    lines at the normal font cut one line of Chinese at 2x (taller CJK fallback lines)."""
    from gui.surface.controls import SurfaceControls

    controls = SurfaceControls()
    qtbot.addWidget(controls)
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    layout = QtWidgets.QVBoxLayout(box)
    layout.addWidget(controls.bottom)
    layout.addStretch(1)
    box.resize(666, 400)
    box.show()
    controls.show_status("曲面 51×51，第 0 步 · 85 ms（float32）")
    for scale in (1.0, 2.0):  # as presenter mode scales fonts (gui.common.themes.apply_theme)
        size = QtWidgets.QApplication.font().pointSizeF() * scale
        box.setStyleSheet(f"QWidget {{ font-size: {size:.1f}pt; }}")
        QtWidgets.QApplication.processEvents()
        assert controls.status_label.font().pointSizeF() == pytest.approx(size, abs=0.1)
        assert lr.elided_widgets(box) == [], scale


# ------------------------------------------------------------ each checker can fail
def test_an_elided_label_is_reported(qtbot):
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    label = QtWidgets.QLabel("A label far too long for forty pixels", box)
    label.setGeometry(0, 0, 40, 30)
    box.resize(800, 100)
    box.show()
    found = lr.elided_widgets(box)
    assert [(e["kind"], e["text"]) for e in found] == \
        [("label", "A label far too long for forty pixels")]
    label.setGeometry(0, 0, 790, 30)
    assert lr.elided_widgets(box) == []


def test_a_cut_combo_box_and_dock_title_are_reported(qtbot):
    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    combo = QtWidgets.QComboBox()
    combo.addItem("an option with a long long name")
    combo.setFixedWidth(60)
    dock = QtWidgets.QDockWidget("A dock title that cannot fit", window)
    dock.setWidget(combo)
    window.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.setCentralWidget(QtWidgets.QWidget())
    window.resize(400, 300)
    window.show()
    window.resizeDocks([dock], [60], QtCore.Qt.Orientation.Horizontal)
    QtWidgets.QApplication.processEvents()
    kinds = {e["kind"] for e in lr.elided_widgets(window)}
    assert {"combo", "dock title"} <= kinds


def test_a_cut_table_header_and_cell_are_reported(qtbot):
    table = QtWidgets.QTableWidget(1, 2)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["precision of the class", "F1"])
    table.setVerticalHeaderLabels(["weighted average of all"])
    table.setItem(0, 0, QtWidgets.QTableWidgetItem("0.5"))
    table.setItem(0, 1, QtWidgets.QTableWidgetItem("a cell text far too long"))
    table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setFixedWidth(40)
    table.setColumnWidth(0, 40)
    table.setColumnWidth(1, 40)
    table.resize(400, 200)
    table.show()
    QtWidgets.QApplication.processEvents()
    found = {(e["kind"], e["text"]) for e in lr.elided_widgets(table)}
    assert found == {("table header", "precision of the class"),
                     ("table header", "weighted average of all"),
                     ("table cell", "a cell text far too long")}
    table.verticalHeader().setMinimumWidth(0)
    table.verticalHeader().setMaximumWidth(10_000)
    table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(
        QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    table.resize(900, 200)
    QtWidgets.QApplication.processEvents()
    assert lr.elided_widgets(table) == []


def test_a_cut_status_bar_message_is_reported(qtbot):
    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QtWidgets.QWidget())
    readout = QtWidgets.QLabel("a wide read-out")
    readout.setFixedWidth(300)
    window.statusBar().addPermanentWidget(readout)
    window.resize(400, 200)
    window.show()
    QtWidgets.QApplication.processEvents()
    window.statusBar().showMessage("Opened a scene file with a long name.json")
    assert [(e["kind"], e["text"]) for e in lr.elided_widgets(window)] == \
        [("status message", "Opened a scene file with a long name.json")]
    window.statusBar().showMessage("ok")
    assert lr.elided_widgets(window) == []


def _controls_under(window, widget) -> list[str]:
    """Visible controls of ``window`` (buttons, tab bars, sliders, combo and spin boxes,
    docks, graphics views, the status bar) whose rectangle meets ``widget``'s, other than
    ``widget``, its ancestors and its children."""
    kinds = (QtWidgets.QAbstractButton, QtWidgets.QTabBar, QtWidgets.QAbstractSlider,
             QtWidgets.QComboBox, QtWidgets.QAbstractSpinBox, QtWidgets.QDockWidget,
             QtWidgets.QGraphicsView, QtWidgets.QStatusBar)
    rect = QtCore.QRect(widget.mapTo(window, QtCore.QPoint(0, 0)), widget.size())
    found = []
    for other in window.findChildren(QtWidgets.QWidget):
        if not isinstance(other, kinds) or not other.isVisible() or other is widget \
                or other.isAncestorOf(widget) or widget.isAncestorOf(other):
            continue
        if other.window() is not window:
            continue
        other_rect = QtCore.QRect(other.mapTo(window, QtCore.QPoint(0, 0)), other.size())
        if rect.intersects(other_rect):
            found.append(f"{type(other).__name__} {other.objectName()}".strip())
    return found


LONG_MESSAGE = ("Early stopping: the validation loss has not improved for 100 steps (best "
                "validation: step 6). Restore best brings its weights back; Play trains on.  ·  "
                "Opened a scene file with a rather long name.json")


@pytest.mark.parametrize("size, workspace, scale", [
    ((1280, 720), "train", None), ((1440, 900), "evaluate", None),
    ((1920, 1080), "landscape", None), ((1280, 720), "evaluate", 2.0)],
    ids=["1280x720-train", "1440x900-evaluate", "1920x1080-landscape", "1280x720-evaluate-2x"])
def test_a_long_status_message_moves_to_a_notice_that_covers_nothing(windows, size, workspace,
                                                                      scale):
    """The notice sits in the window's central column under the canvas: it covers no tab
    bar, check box or other control (it floated over the bottom docks' tabs and the loss
    curve's check boxes), and it is shown whole."""
    window = windows(size, scale)
    lr.prepare_window(window, size, workspace, scale)
    window.statusBar().showMessage(LONG_MESSAGE, 5000)
    QtWidgets.QApplication.processEvents()
    notice = window.status_notice.label
    try:
        assert notice.isVisible() and notice.text() == LONG_MESSAGE
        assert window.statusBar().currentMessage() == ""
        assert lr.layout_report(window)["elided"] == []
        assert _controls_under(window, notice) == []
        assert notice.height() >= notice.heightForWidth(notice.width())  # not cut
        assert window.centralWidget().isAncestorOf(notice)
        window.statusBar().showMessage("ok", 5000)  # fits: stays in the status bar, and the
        assert window.statusBar().currentMessage() == "ok"  # newer message replaces the notice
        assert not notice.isVisible()
    finally:
        notice.hide()
        window.statusBar().clearMessage()


def test_a_cramped_drawing_and_text_are_reported(qtbot):
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    drawing = QtWidgets.QGraphicsView(QtWidgets.QGraphicsScene(), box)
    text = QtWidgets.QTextBrowser(box)
    text.setPlainText("line\n" * 20)
    drawing.setGeometry(0, 0, 400, 100)
    text.setGeometry(0, 100, 400, 2 * text.fontMetrics().lineSpacing())
    box.resize(400, 400)
    box.show()
    QtWidgets.QApplication.processEvents()
    found = {(e["view"], e["what"]) for e in lr.cramped_view("network", box)}
    assert found == {("network", "drawing height"), ("network", "text lines")}
    assert [e["what"] for e in lr.cramped_view("inspector", box)] == ["text lines"]
    drawing.setGeometry(0, 0, 400, lr.MIN_DRAWING_HEIGHT + 10)
    text.setGeometry(0, 200, 400, (lr.MIN_TEXT_LINES + 1) * text.fontMetrics().lineSpacing()
                     + 2 * text.frameWidth())
    QtWidgets.QApplication.processEvents()
    assert lr.cramped_view("network", box) == []


def test_a_table_that_needs_scrolling_is_reported_cramped(qtbot):
    table = QtWidgets.QTableWidget(8, 2)
    qtbot.addWidget(table)
    table.resize(300, 4 * table.verticalHeader().defaultSectionSize())
    table.show()
    QtWidgets.QApplication.processEvents()
    assert [e["what"] for e in lr.cramped_view("metrics", table)] == ["table rows"]
    table.resize(300, 12 * table.verticalHeader().defaultSectionSize())
    QtWidgets.QApplication.processEvents()
    assert lr.cramped_view("metrics", table) == []


@pytest.mark.parametrize("lesson", ["early-stopping", "precision-recall"])
def test_the_evaluate_lessons_leave_the_metrics_view_room(window, lesson):
    """Lessons 9 and 10 open the Evaluate workspace with the lesson notes: at 1440×900 the
    Metrics view beside the notes shows its whole table and every title (its table scrolled
    and the small plots' axis titles were cut: the notes took half of the right column,
    whose height the full-width loss curve had already halved)."""
    assert window.lessons_menu.load(lesson)
    lr.prepare_window(window, (1440, 900))
    window.lesson_bar.show_step_views()
    QtWidgets.QApplication.processEvents()
    report = lr.layout_report(window)
    assert report["workspace"] == "evaluate"
    shown = {view["id"] for view in report["views"] if view["visible"]}
    assert {"canvas", "metrics", "loss_curve"} <= shown
    assert lr.too_small(report) == []
    assert report["elided"] == []
    assert report["overlaps"] == []
    assert report["scroll_needed"] == []
    assert lr.cramped(window) == []


@pytest.mark.parametrize("size, scale", [((1280, 720), 2.0), ((1440, 900), 2.0),
                                         ((1920, 1080), 2.0), ((1280, 720), None)],
                         ids=["1280x720-2x", "1440x900-2x", "1920x1080-2x", "1280x720"])
def test_a_cross_validation_result_is_legible(window, size, scale):
    """Train ▸ Cross-validate… shows its result in the Evaluate workspace beside the metrics:
    every fold's row and a loss axis with several ticks, nothing cut (beside the loss curve
    at presenter 2x the table scrolled to one row, its headers were cut and the axis had one
    tick), and no scrolling: at presenter size chart and table are two tabs (at 2x below
    1920×1080 the view scrolled)."""
    from core.cross_validation import run_cross_validation

    result = run_cross_validation(window.controller.session, 5, 20)
    lr.prepare_window(window, size, "train", scale)
    cv = window.cross_validation
    cv.dialog.session = window.controller.session  # as the dialog's run leaves it
    cv.show_result(result)
    QtWidgets.QApplication.processEvents()
    report = lr.layout_report(window)
    assert report["workspace"] == "evaluate"
    view = window.views["cross_validation"]
    assert any(v["id"] == "cross_validation" and v["visible"] for v in report["views"])
    assert lr.too_small(report) == []
    assert [e for e in report["elided"] if e["where"] == "cross_validation"] == []
    assert lr.cramped(window) == []
    assert view.plot_widget.height() >= lr.MIN_DRAWING_HEIGHT  # the report's least drawing
    assert report["scroll_needed"] == []
    assert report["window"] == list(size)
    if scale is not None:  # the table's tab: every row shown, nothing cut, no scrolling
        view.tabs.setCurrentIndex(1)
        QtWidgets.QApplication.processEvents()
        report = lr.layout_report(window)
        assert report["scroll_needed"] == [] and lr.cramped(window) == []
        assert [e for e in report["elided"] if e["where"] == "cross_validation"] == []
        view.tabs.setCurrentIndex(0)


def test_two_overlapping_texts_are_reported(qtbot):
    scene = QtWidgets.QGraphicsScene()
    first = scene.addSimpleText("0.52")
    second = scene.addSimpleText("−1.30")
    view = QtWidgets.QGraphicsView(scene)
    qtbot.addWidget(view)
    second.setPos(first.boundingRect().width() / 2, 0)
    assert lr.overlapping(lr.text_rects(view)) == [["−1.30", "0.52"]] or \
        lr.overlapping(lr.text_rects(view)) == [["0.52", "−1.30"]]
    second.setPos(first.boundingRect().width() + 5, 0)
    assert lr.overlapping(lr.text_rects(view)) == []


def test_an_elided_diagram_title_is_reported(qtbot):
    scene = QtWidgets.QGraphicsScene()
    title = scene.addSimpleText("a⁰ inp…")
    title.setData(0, "a⁰  input X₁, X₂")
    view = QtWidgets.QGraphicsView(scene)
    qtbot.addWidget(view)
    view.show()
    assert lr.elided_items(view) == [("view title", "a⁰  input X₁, X₂")]


def test_a_designed_short_title_is_not_elided(qtbot):
    """The diagram shortens a title to a complete short form ('a¹  tanh', 'a¹'), listed in
    data(1): that is by design, not a cut text; a form not in the list still is."""
    scene = QtWidgets.QGraphicsScene()
    title = scene.addSimpleText("a¹  tanh")
    title.setData(0, "a¹  layer 1 · tanh")
    title.setData(1, ["a¹  layer 1 · tanh", "a¹  tanh", "a¹"])
    view = QtWidgets.QGraphicsView(scene)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    assert lr.elided_items(view) == []
    title.setText("a¹  lay")
    assert lr.elided_items(view) == [("view title", "a¹  layer 1 · tanh")]


def test_a_text_clipped_by_the_view_edge_is_reported(qtbot):
    scene = QtWidgets.QGraphicsScene(0, 0, 200, 100)
    text = scene.addSimpleText("a label near the edge")
    view = QtWidgets.QGraphicsView(scene)
    view.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    qtbot.addWidget(view)
    view.resize(220, 120)
    view.show()
    view.setSceneRect(0, 0, 200, 100)
    view.centerOn(100, 50)
    QtWidgets.QApplication.processEvents()
    assert lr.elided_items(view) == []
    text.setPos(view.mapToScene(view.viewport().width() - 20, 10))
    assert lr.elided_items(view) == [("clipped text", "a label near the edge")]
    text.setPos(view.mapToScene(view.viewport().width() + 50, 10))  # out of sight: not cut
    assert lr.elided_items(view) == []


def test_a_too_small_view_and_a_scrolled_panel_are_reported(windows):
    window = windows((1280, 720), None)
    lr.prepare_window(window, (1280, 720), "train")
    window.resizeDocks([window.docks["Training"], window.docks["Loss curve"]], [600, 100],
                       QtCore.Qt.Orientation.Vertical)
    QtWidgets.QApplication.processEvents()
    report = lr.layout_report(window)
    assert "loss_curve" in lr.too_small(report)
    window.resizeDocks([window.docks["Training"], window.docks["Loss curve"]], [120, 500],
                       QtCore.Qt.Orientation.Vertical)
    QtWidgets.QApplication.processEvents()
    assert "training_panel" in lr.layout_report(window)["scroll_needed"]
    window.workspaces.reset()


# ------------------------------------------------------------ the command line
def _run(*args, timeout=240):
    env = dict(os.environ, PYTHONPATH=ROOT, QT_QPA_PLATFORM="offscreen",
               BACKPROP_PLAYGROUND_NO_PROMPTS="1")
    return subprocess.run([sys.executable, os.path.join(ROOT, "app.py"), *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def test_the_command_line_writes_screenshot_and_report(tmp_path):
    png, report = tmp_path / "w.png", tmp_path / "w.json"
    done = _run("--workspace", "landscape", "--size", "1440x900", "--screenshot", str(png),
                "--layout-report", str(report))
    assert done.returncode == 0, done.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["window"] == [1440, 900] and data["workspace"] == "landscape"
    assert set(data) == {"window", "workspace", "views", "elided", "overlaps", "scroll_needed"}
    assert {"id", "visible", "width", "height"} == set(data["views"][0])
    assert {v["id"] for v in data["views"] if v["visible"]} == \
        {"canvas", "loss_surface", "loss_curve"}
    assert png.stat().st_size > 0


@pytest.mark.parametrize("args, words", [
    (("--size", "12x7"), "out of range"),
    (("--size", "abc"), "1440x900"),
    (("--workspace", "nope"), "train, step-through, landscape"),
    (("--open-lesson", "nope"), "xor-hidden"),
    (("--presenter", "3"), "1.5"),
])
def test_bad_window_options_are_one_line_errors(args, words):
    done = _run(*args, timeout=60)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]


def test_the_diagram_legend_is_compact_at_presenter_scale(windows):
    """Presenter 2x at 1280x720, Step through: the legend is its first part (at most two
    lines), the colour key moves to its tooltip; the drawing keeps its height."""
    window = windows((1280, 720), 2.0)
    lr.prepare_window(window, (1280, 720), "step-through", 2.0)
    legend = window.views["network"].legend
    assert "orange > 0" not in legend.text() and "orange > 0" in legend.toolTip()
    assert legend.toolTip().startswith(legend.text())
    assert legend.height() <= 2 * legend.fontMetrics().lineSpacing() + 4
    window.presenter_mode.set_active(False)
    QtWidgets.QApplication.processEvents()
    # the legend shows what fits on one line, the whole in its tooltip if not all fits
    assert legend.heightForWidth(legend.width()) <= legend.fontMetrics().lineSpacing() + 4
    assert "orange > 0" in legend.text() + legend.toolTip()


def test_the_loss_curve_keys_do_not_wrap_inside_a_key(windows):
    """Presenter 2x at 1280x720, Train: the loss curve's dock is narrow; its keys (short names,
    each unbreakable) take at most two lines."""
    window = windows((1280, 720), 2.0)
    lr.prepare_window(window, (1280, 720), "train", 2.0)
    curve = window.views["loss_curve"]
    keys = curve.key_label
    assert keys.isVisible()
    assert keys.height() <= 2 * keys.fontMetrics().lineSpacing() + 4
