"""Views keep a legible place through what the user does (issue 13, new-user trial, item 2):
Forward / Backward / Update in Step through keep the canvas's width; every view stays at
least 300×180 (gui.app_window.layout_report)."""

import pytest
from PySide6 import QtWidgets

from gui.app_window import layout_report as lr
from tests.gui.shown_views import settle_window

#: Pixels the canvas's width (and the drawing's height) may change by across the phases.
WIDTH_SLACK = 4


@pytest.fixture
def window(new_window):
    return new_window


def _sizes(window):
    settle_window(window)
    report = lr.layout_report(window)
    return report, {v["id"]: (v["width"], v["height"]) for v in report["views"] if v["visible"]}


@pytest.mark.parametrize("scale", (None, 2.0), ids=("plain", "presenter2"))
def test_step_phases_keep_the_canvas_width(window, scale):
    """Lessons ▸ XOR with one hidden layer, Step through at 1280×720, then F, B, U: the
    canvas keeps its width, no view gets narrower than 300 px and the diagram's drawing keeps
    its height (the diagram's gradients legend
    once widened its dock and took ~260 px of the canvas)."""
    window.lessons_menu.load("xor-hidden")
    lr.prepare_window(window, (1280, 720), "step-through", scale)
    report, start = _sizes(window)
    # during a lesson the chosen workspace's views come first (gui.app_window.lesson_layout):
    # at 2x under the lesson bar there is room for one, the inspector is the tab behind it
    assert {"canvas", "network"} | ({"inspector"} if scale is None else set()) <= set(start)
    assert window.docks["Inspector"].isVisible() or scale is not None
    drawing = window.views["network"].view.viewport().height()
    toolbar = window.step_toolbar
    for action in (toolbar.forward_action, toolbar.backward_action, toolbar.update_action):
        assert action.isEnabled()
        action.trigger()
        report, now = _sizes(window)
        assert abs(now["canvas"][0] - start["canvas"][0]) <= WIDTH_SLACK, action.text()
        assert lr.too_small(report, (lr.MIN_VIEW[0], 0)) == [], (action.text(), now)
        assert window.views["network"].view.viewport().height() >= drawing - WIDTH_SLACK, \
            action.text()


def test_step_through_under_lesson_notes_keeps_views_180_tall(window):
    """Step through during a lesson at 1280×720: the inspector was ~160 px tall under the
    lesson notes; the lesson layout stacks only what fits and tabs the rest."""
    window.lessons_menu.load("xor-hidden")
    lr.prepare_window(window, (1280, 720), "step-through")
    report, _sizes_now = _sizes(window)
    assert lr.too_small(report) == []


def test_clipped_axis_tick_labels_are_reported(qtbot):
    """A plain pyqtgraph plot with class names under it at a presenter font (13.5 pt):
    pyqtgraph's bottom axis is 0.8 of the text's height, the layout report names the labels
    whose descenders it cuts ("clipped tick label"), measured with the axis's tick font."""
    import pyqtgraph as pg
    from PySide6 import QtGui

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    item = plot.getPlotItem()
    names = [[(i + 0.5, name) for i, name in enumerate(("Adelie", "Chinstrap", "Gentoo"))]]
    item.getAxis("bottom").setTicks(names)
    item.getAxis("left").setTicks(names)
    item.setRange(xRange=(0, 3), yRange=(0, 3), padding=0.02)
    font = QtGui.QFont()
    font.setPointSizeF(13.5)
    item.getAxis("bottom").setTickFont(font)
    plot.resize(380, 380)
    plot.show()
    qtbot.waitExposed(plot)
    QtWidgets.QApplication.processEvents()
    assert ("clipped tick label", "Chinstrap") in lr.elided_items(plot)


def test_confusion_matrix_class_names_are_not_clipped_at_presenter_size(qtbot):
    """The confusion matrix's bottom axis is as tall as its class names, at a presenter font
    (1.5× 13.5 pt) too (issue 13: "Chinstrap" lost its descenders)."""
    import numpy as np
    from PySide6 import QtGui

    from gui.evaluate.confusion_plot import ConfusionPlot

    plot = ConfusionPlot()
    qtbot.addWidget(plot)
    plot.resize(380, 380)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_matrix(np.array([[44, 0, 0], [3, 12, 10], [0, 34, 0]]),
                    ["Adelie", "Chinstrap", "Gentoo"], normalized=False)
    for name in ("left", "bottom"):
        font = QtGui.QFont()
        font.setPointSizeF(13.5)
        plot.plot_item.getAxis(name).setTickFont(font)
    QtWidgets.QApplication.processEvents()
    assert [e for e in lr.elided_items(plot) if e[0] == "clipped tick label"] == []
