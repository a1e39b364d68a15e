"""1-D views of the loss surface (a part of the loss-surface dock).

Top: J along the first axis of the plane, through the current parameters (a 1-D slice, Li et
al. 2018). Bottom: J on the straight line from the oldest kept parameters (step 0 =
initialization) to the current ones, t = 0 … 1 and a little beyond (Goodfellow, Vinyals & Saxe
2015): a monotone curve means training could have walked straight downhill. Curves are created
once and updated with ``setData``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.common.i18n import manager, translate

CURVE_PEN = pg.mkPen("#0072B2", width=2)
MARK_PEN = pg.mkPen("#D55E00", width=1.5)


class LossSlicesView(pg.GraphicsLayoutWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setMinimumSize(240, 120)  # as the 2-D plot: the tabs' height is the larger
        self.along_plot = self.addPlot(row=0, col=0)
        self.interpolation_plot = self.addPlot(row=1, col=0)
        for plot in (self.along_plot, self.interpolation_plot):
            plot.hideButtons()
            plot.setMenuEnabled(False)
            plot.showGrid(x=True, y=True, alpha=0.15)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setTextPen(pg.mkPen("#202020"))
                plot.getAxis(axis).enableAutoSIPrefix(False)
        self.along_curve = self.along_plot.plot([], [], pen=CURVE_PEN)
        self.along_mark = pg.InfiniteLine(angle=90, movable=False, pen=MARK_PEN)
        self.along_plot.addItem(self.along_mark, ignoreBounds=True)
        self.interpolation_curve = self.interpolation_plot.plot([], [], pen=CURVE_PEN)
        self.interpolation_marks = [pg.InfiniteLine(pos=t, angle=90, movable=False, pen=MARK_PEN)
                                    for t in (0.0, 1.0)]
        for mark in self.interpolation_marks:
            self.interpolation_plot.addItem(mark, ignoreBounds=True)
        self._data = None
        self._shown = ("data", False)  # loss kind and log scale of the last redraw
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        for plot in (self.along_plot, self.interpolation_plot):
            plot.setLabel("left", translate("LossSurface", "loss"))
        self.interpolation_plot.setLabel(
            "bottom", translate("LossSurface", "t on the line θ(t) = (1 − t) θ_start + t θ_now"))
        self.redraw(*self._shown)

    def set_slices(self, update, axis_label: str) -> None:
        """Keep a ``gui.surface.jobs.SliceUpdate`` and draw it (see :meth:`redraw`)."""
        self._data = (update, axis_label)

    def redraw(self, loss_kind: str = "data", log: bool = False) -> None:
        if self._data is None:
            return
        self._shown = (loss_kind, log)
        update, axis_label = self._data
        along = update.along
        values = along.total_loss if loss_kind == "total" else along.data_loss
        self.along_curve.setData(along.ts + update.along_offset, _finite(values))
        self.along_mark.setPos(update.along_offset)
        self.along_plot.setLabel("bottom", translate(
            "LossSurface", "{0} (through the current θ)").format(axis_label))
        for plot in (self.along_plot, self.interpolation_plot):
            plot.setLogMode(x=False, y=log)
        interpolation = update.interpolation
        if interpolation is None:
            self.interpolation_curve.setData([], [])
            self.interpolation_plot.setTitle(
                translate("LossSurface", "interpolation: needs at least one step"), size="9pt")
            return
        values = (interpolation.total_loss if loss_kind == "total"
                  else interpolation.data_loss)
        self.interpolation_curve.setData(interpolation.ts, _finite(values))
        if update.start_step == 0:
            title = translate("LossSurface", "from initialization (t = 0) to now (t = 1)")
        else:
            title = translate("LossSurface", "from step {0} (t = 0) to now (t = 1)").format(
                update.start_step)
        self.interpolation_plot.setTitle(title, size="9pt", color="#202020")

    def clear_slices(self) -> None:
        self._data = None
        self.along_curve.setData([], [])
        self.interpolation_curve.setData([], [])


def _finite(values: np.ndarray) -> np.ndarray:
    """Non-finite losses become NaN (a gap), not an exception in the log axis."""
    values = np.asarray(values, dtype=np.float64)
    return np.where(np.isfinite(values), values, np.nan)
