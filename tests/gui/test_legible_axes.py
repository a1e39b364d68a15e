"""Plot axes stay legible at presenter size (issue 13, item 2): tick labels spaced by font
metrics never run together ("0.20.40.60.8"), the layout report finds overlapping tick labels,
and presenter mode scales the tick font by its scale once (2×, not 4×)."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtGui, QtWidgets

from gui.app_window import layout_report as lr
from gui.common.legible_axes import legible_spacing, space_ticks_by_font


def big_plot(qtbot, legible: bool) -> pg.PlotWidget:
    """A short, narrow plot with a 2× tick font, like the loss curve at presenter size."""
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    font = QtGui.QFont(QtWidgets.QApplication.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    for name in ("left", "bottom"):
        axis = plot.getPlotItem().getAxis(name)
        axis.setTickFont(font)
        if legible:
            space_ticks_by_font(axis)
    plot.setXRange(0, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    plot.resize(300, 120)
    plot.show()
    qtbot.waitExposed(plot)
    plot.grab()  # lays the axes out for their final size
    QtWidgets.QApplication.processEvents()
    return plot


def test_the_report_finds_tick_labels_running_together(qtbot):
    assert lr.axis_tick_overlaps(big_plot(qtbot, legible=False)) != []


def test_ticks_spaced_by_font_metrics_never_overlap(qtbot):
    plot = big_plot(qtbot, legible=True)
    assert lr.axis_tick_overlaps(plot) == []
    for name, least in (("left", 2), ("bottom", 1)):  # and labels are still drawn
        axis = plot.getPlotItem().getAxis(name)
        image = QtGui.QImage(8, 8, QtGui.QImage.Format.Format_ARGB32)
        painter = QtGui.QPainter(image)
        texts = axis.generateDrawSpecs(painter)[2]
        painter.end()
        assert len(texts) >= least, name


def test_legible_spacing_keeps_levels_that_fit(qtbot):
    plot = big_plot(qtbot, legible=False)
    axis = plot.getPlotItem().getAxis("bottom")
    levels = [(0.2, 0.0), (0.1, 0.0)]
    assert legible_spacing(axis, levels, 0.0, 1.0, 5000.0) == levels  # plenty of room
    wider = legible_spacing(axis, levels, 0.0, 1.0, 150.0)  # "0.2" labels 30 px apart: no
    assert len(wider) == 1 and wider[0][0] > 0.2
    assert legible_spacing(axis, levels, 0.0, 1.0, 0.0) == levels  # no size yet: untouched


def test_presenter_mode_scales_the_tick_font_once(window):
    axis = window.views["loss_curve"].plot_item.getAxis("bottom")
    base = QtWidgets.QApplication.font().pointSizeF()
    presenter = window.presenter_mode
    presenter.set_scale(2.0)
    presenter.set_active(True)
    try:
        assert axis.style["tickFont"].pointSizeF() == pytest.approx(2 * base)
    finally:
        presenter.set_active(False)
    assert axis.style["tickFont"] is None


def test_a_diverged_loss_of_1e30_still_gets_ticks(qtbot):
    """The spacing is a float: 10 ** 20 as a Python int made pyqtgraph's tickValues raise
    OverflowError on every repaint of a diverged run's loss curve (no ticks, grab() failed)."""
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    axis = space_ticks_by_font(plot.getPlotItem().getAxis("left"))
    plot.resize(300, 120)
    plot.getPlotItem().setRange(yRange=(0.0, 1e30), padding=0)
    plot.show()
    qtbot.waitExposed(plot)
    levels = axis.tickSpacing(0.0, 1e30, 100)
    assert all(isinstance(step, float) for step, _offset in levels)
    assert axis.tickValues(0.0, 1e30, 100)
    assert not plot.grab().isNull()


@pytest.mark.parametrize("last_step", [1, 3, 7])
def test_the_loss_curve_ticks_whole_steps_only(qtbot, last_step):
    from gui.charts.loss_curve import LossCurve

    curve = LossCurve()
    qtbot.addWidget(curve)
    curve.resize(600, 300)
    curve.show()
    qtbot.waitExposed(curve)
    steps = np.arange(last_step + 1, dtype=np.float64)
    losses = 1.0 / (1.0 + steps)
    curve.set_history({"step": steps, "train_loss": losses, "test_loss": losses,
                       "train_accuracy": 0.5 + 0 * steps, "test_accuracy": 0.5 + 0 * steps},
                      classification=True)
    axis = curve.plot_item.getAxis("bottom")
    low, high = curve.plot_item.vb.viewRange()[0]
    ticks = [value for _spacing, values in axis.tickValues(low, high, axis.width())
             for value in values]
    assert ticks and all(float(value).is_integer() for value in ticks), ticks
