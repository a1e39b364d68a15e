"""A vertical axis's top tick label is not cut by the view's edge (gui.common.legible_axes.
room_for_top_tick): pyqtgraph centres it on the plot's top edge, so "1.0" lost its top half at
presenter fonts; presenter mode gives the plots that room and takes it back on leaving."""

import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets

from gui.app_window import layout_report as lr
from gui.common.legible_axes import room_for_top_tick
from tests.gui.presenter_fonts import presenter_axis_fonts, settle


def _plot(qtbot, scale):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.plot([0, 1], [0, 1])
    widget.setYRange(0, 1, padding=0)  # a tick at the plot's top edge
    presenter_axis_fonts((widget.getPlotItem().getAxis("left"),), scale, titles=False)
    widget.resize(400, 300)
    widget.show()
    settle()
    return widget


def test_the_top_tick_label_of_a_vertical_axis_gets_room_at_presenter_size(qtbot):
    widget = _plot(qtbot, 2.0)
    axis = widget.getPlotItem().getAxis("left")
    assert lr.axis_ticks_clipped(widget)  # pyqtgraph alone: "1.0" half outside the view
    room_for_top_tick(axis)
    settle()
    assert lr.axis_ticks_clipped(widget) == []
    top = widget.getPlotItem().layout.getContentsMargins()[1]
    assert top >= QtGui.QFontMetricsF(axis.style["tickFont"]).height() / 2 - 0.5
    # a smaller font again: the margin shrinks back, never below the plot's own
    presenter_axis_fonts((axis,), 1.0, titles=False)
    room_for_top_tick(axis)
    assert widget.getPlotItem().layout.getContentsMargins()[1] < top


def test_presenter_mode_gives_every_plot_the_room_and_takes_it_back(window):
    curve = window.views["loss_curve"]
    plot = curve.plot_item if hasattr(curve, "plot_item") else curve.getPlotItem()
    plain = plot.layout.getContentsMargins()[1]
    window.presenter_mode.set_scale(2.0)
    window.presenter_mode.set_active(True)
    settle()
    assert plot.layout.getContentsMargins()[1] > plain
    assert lr.axis_ticks_clipped(lr.view_widget(curve)) == []
    window.presenter_mode.set_active(False)
    settle()
    assert plot.layout.getContentsMargins()[1] == plain
