"""Work a Play frame does not repeat (issue 13, item 10: Step through at 1920×1080).

Behaviour, not timing: the selection ring is not placed again when nothing moved; the timeline
read-out follows Play at the status bar's rate (not every frame) and at once on Pause, and not
while hidden; the inspector lays its page out once per redraw (its scroll bars do not hide and
come back) and not at all when the page did not change; the canvas's texts are blitted from
pixmaps while the heatmap under them changes."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtWidgets

from gui.app_window import timeline
from gui.canvas.data_canvas import DataCanvas
from gui.canvas.marks import LegendEntry
from gui.controller import TrainingController
from gui.inspector.widget import Inspector

CACHED = QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_the_selection_ring_is_not_placed_again_when_nothing_moved(qtbot):
    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    canvas.show()
    calls = []
    original = canvas.place_marks
    canvas.place_marks = lambda *args: (calls.append(1), original(*args))
    canvas.set_selected(np.array([1.0, 2.0]), "#3")
    assert len(calls) == 1
    for _ in range(5):  # every Play frame asks again with the same sample
        canvas.set_selected(np.array([1.0, 2.0]), "#3")
    assert len(calls) == 1
    assert canvas.selected_label.toPlainText() == "#3" and canvas.selected_label.isVisible()
    canvas.set_selected(np.array([1.5, 2.0]), "#3")  # another position: placed again
    canvas.set_selected(np.array([1.5, 2.0]), "#4")  # another label: placed again
    assert len(calls) == 3
    np.testing.assert_array_equal(canvas.selected_position(), [1.5, 2.0])
    assert canvas.selected_label.toPlainText() == "#4"
    canvas.set_selected(None)
    canvas.set_selected(np.array([1.5, 2.0]), "#4")  # shown again after hiding
    assert canvas.selected_scatter.isVisible() and len(calls) == 4


def test_the_timeline_follows_play_at_its_interval_and_at_once_on_pause(qtbot, window):
    c, bar = window.controller, window.timeline
    now = [100.0]
    bar.gate.clock = lambda: now[0]
    c.step()
    qtbot.waitUntil(lambda: bar.readout.text() == "step 1 / 1")
    c.timer.setInterval(10**6)  # "playing" without ticks: the test steps by hand
    c.timer.start()
    try:
        for _ in range(5):  # five Play frames within one interval: no new read-out
            c.trainer.step()
            c.stepped.emit(1)
        assert bar.readout.text() == "step 1 / 1"
        assert bar.gate.pending  # a trailing redraw is owed
        now[0] += timeline.TIMELINE_INTERVAL
        c.trainer.step()
        c.stepped.emit(1)  # the interval has passed: the newest step
        assert bar.readout.text() == "step 7 / 7"
        c.trainer.step()
        c.stepped.emit(1)
    finally:
        c.pause()  # playingChanged: at once, unthrottled
    assert bar.readout.text() == f"step {c.trainer.step_count} / {c.trainer.step_count}" \
        == "step 8 / 8"


def test_a_hidden_timeline_does_not_redraw_and_catches_up_when_shown(qtbot, window):
    c, bar = window.controller, window.timeline
    bar.hide()
    before = bar.gate.redraw_count
    for _ in range(3):
        c.step()
    assert bar.gate.redraw_count == before
    bar.show()
    qtbot.waitUntil(lambda: bar.readout.text() == "step 3 / 3")


def test_an_inspector_redraw_lays_the_page_out_at_one_size(qtbot):
    controller = TrainingController()
    controller.step()
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.resize(420, 260)  # short: the page scrolls
    inspector.show()
    qtbot.waitExposed(inspector)
    qtbot.waitUntil(lambda: inspector.browser.verticalScrollBar().isVisible())  # step 1 shown
    viewport = inspector.browser.viewport()
    resizes = []

    class Resizes(QtCore.QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QtCore.QEvent.Type.Resize:
                resizes.append((event.oldSize().toTuple(), event.size().toTuple()))
            return False

    spy = Resizes()
    viewport.installEventFilter(spy)
    for _ in range(3):
        controller.step()
        inspector.redraw()
        QtWidgets.QApplication.processEvents()
    viewport.removeEventFilter(spy)
    assert resizes == []  # the scroll bars stay: the page is laid out once, at one size
    assert inspector.browser.verticalScrollBar().isVisible()
    assert f"Step {controller.trainer.step_count} " in inspector.status.text()
    controller.shutdown()


def _tree(item):
    yield item
    for child in item.childItems():
        yield from _tree(child)


def test_the_canvas_texts_are_blitted_from_pixmaps(qtbot):
    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    canvas.set_legend([LegendEntry("class", "class 0", (230, 159, 0, 255)),
                       LegendEntry("test", "hollow: test point")])
    canvas.set_axis_labels("x1", "x2")
    for name in ("left", "bottom"):
        axis = canvas.plot_item.getAxis(name)
        assert all(item.cacheMode() == CACHED for item in _tree(axis))
    legend_items = list(_tree(canvas.legend.item))
    assert len(legend_items) > 4 and all(item.cacheMode() == CACHED for item in legend_items)
    for label in (canvas.selected_label, canvas.hover_label):
        assert label.textItem.cacheMode() == CACHED
    # new rows (a new data set) are cached as well
    canvas.set_legend([LegendEntry("class", f"class {k}", (0, 0, 0, 255)) for k in range(3)])
    assert all(item.cacheMode() == CACHED for item in _tree(canvas.legend.item))
    assert canvas.legend.texts() == ["class 0", "class 1", "class 2"]


def test_the_inspector_gives_the_browser_a_page_only_when_it_changed(qtbot):
    controller = TrainingController()
    controller.step()
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.show()
    qtbot.waitExposed(inspector)
    qtbot.waitUntil(lambda: "Step 1 " in inspector.status.text())
    pages = []
    original = inspector.browser.setHtml
    inspector.browser.setHtml = lambda page: (pages.append(page), original(page))
    inspector.redraw()  # the page of step 1 is shown already: nothing new
    inspector.redraw()
    assert pages == []
    controller.step()  # new numbers: a new page (its redraw comes from the signals)
    qtbot.waitUntil(lambda: len(pages) == 1)
    assert "Step 2 " in inspector.status.text()
    inspector.redraw()
    assert len(pages) == 1
    controller.timer.setInterval(10**6)  # Play and Pause without a step: the status line
    controller.timer.start()  # follows, the page stays
    controller.playingChanged.emit(True)
    assert "playing" in inspector.status.text()
    controller.pause()
    assert "playing" not in inspector.status.text() and len(pages) == 1
    controller.shutdown()
