"""One horizontal bar per network input, with its value written at the bar's end and optional
±error bars: the chart of every attribution method. Items are created once (the bar item, the
error bars) or once per number of features (the value labels) and updated with ``setOpts`` /
``setData``; non-finite values draw no bar and the label "—"."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtGui

from gui.common.number_format import number

POSITIVE = "#E69F00"  # the diverging map's ends (gui.common.colors.DIVERGING_HEX)
NEGATIVE = "#0072B2"
BAR_HEIGHT = 0.62


class FeatureBars(pg.PlotWidget):
    """Bars of ``values`` (d,) per feature name, feature 0 at the top."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setMinimumSize(200, 110)
        plot = self.plot_item = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, y=False, alpha=0.2)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setTextPen(pg.mkPen("#202020"))
            axis.enableAutoSIPrefix(False)
        self.bars = pg.BarGraphItem(x0=[0], y=[0], width=[0], height=BAR_HEIGHT)
        self.errors = pg.ErrorBarItem(x=np.zeros(1), y=np.zeros(1), beam=0.2,
                                      pen=pg.mkPen("#202020", width=1.5))
        self.errors.setVisible(False)
        self.zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#606060", width=1))
        for item in (self.bars, self.errors, self.zero):
            plot.addItem(item)
        self.labels: list[pg.TextItem] = []
        self.values = np.zeros(0)

    def _ensure_labels(self, d: int) -> None:
        while len(self.labels) < d:  # grows only when the network gets more inputs
            label = pg.TextItem(color="#202020")
            self.plot_item.addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            label.setVisible(i < d)

    def set_values(self, names, values, errors=None, digits: int = 3) -> None:
        """Draw ``values`` (d,) for ``names`` (d,), with ±``errors`` (d,) when given."""
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        d = values.size
        self.values = values
        rows = -np.arange(d, dtype=np.float64)  # feature 0 on top
        shown = np.where(np.isfinite(values), values, 0.0)
        brushes = [pg.mkBrush(POSITIVE if v >= 0 else NEGATIVE) for v in shown] or None
        self.bars.setOpts(x0=np.minimum(shown, 0.0), y=rows, width=np.abs(shown),
                          height=BAR_HEIGHT, brushes=brushes, brush=POSITIVE,
                          pen=pg.mkPen(None), pens=None)
        self.bars.setVisible(d > 0)
        spread = np.zeros(d) if errors is None else np.nan_to_num(
            np.asarray(errors, dtype=np.float64).reshape(-1))
        self.errors.setData(x=shown, y=rows, left=spread, right=spread, beam=0.25)
        self.errors.setVisible(errors is not None and d > 0)
        axis = self.plot_item.getAxis("left")
        axis.setTicks([[(float(r), str(n)) for r, n in zip(rows, names, strict=True)]])
        metrics = QtGui.QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setWidth(max([metrics.horizontalAdvance(str(n)) for n in names] + [20]) + 14)
        self.setFixedHeight(48 + 30 * max(d, 1))  # bars of one thickness, whatever the dock
        self._ensure_labels(d)
        reach = float(np.max(np.abs(shown) + spread)) if d else 1.0
        reach = reach if reach > 0 else 1.0
        for i, label in enumerate(self.labels[:d]):
            value = values[i]
            text = number(value, digits) if np.isfinite(value) else "—"
            if errors is not None:
                text += f" ± {number(spread[i], 2)}"
            label.setText(text)
            end = shown[i] + (spread[i] if shown[i] >= 0 else -spread[i])
            label.setAnchor((0.0, 0.5) if shown[i] >= 0 else (1.0, 0.5))
            label.setPos(end + (0.03 if shown[i] >= 0 else -0.03) * reach, rows[i])
        self.plot_item.setYRange(-(d - 1) - 0.6 if d else -1, 0.6, padding=0)
        self._reach = (shown, spread, d)
        self._fit_x()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if hasattr(self, "labels") and not getattr(self, "closed", False):  # built, not closed
            self._fit_x()  # the labels' room in data units depends on the width

    def _fit_x(self) -> None:
        """x range: the bars, plus room in pixels for every value label on its side of 0."""
        shown, spread, d = getattr(self, "_reach", (np.zeros(0), np.zeros(0), 0))
        low = min(0.0, float(np.min(shown - spread))) if d else 0.0
        high = max(0.0, float(np.max(shown + spread))) if d else 1.0
        span = high - low or 1.0
        metrics = QtGui.QFontMetrics(self.labels[0].textItem.font()) if d else None
        left = right = 0
        for i in range(d):
            width = metrics.horizontalAdvance(self.labels[i].textItem.toPlainText()) + 12
            if shown[i] >= 0:
                right = max(right, width)
            else:
                left = max(left, width)
        pixels = max(self.plot_item.vb.width(), 120.0)  # before the first layout: a guess
        # data units per pixel u: span + (left + right)·u = pixels·u
        free = pixels - left - right
        unit = span / free if free > 0.25 * pixels else 4.0 * span / pixels
        self.plot_item.setXRange(low - max(left * unit, 0.03 * span),
                                 high + max(right * unit, 0.03 * span), padding=0)
