"""One horizontal bar per network input, with its value written at the bar's end and optional
±error bars: the chart of every attribution method. Items are created once (the bar item, the
error bars) or once per number of features (the value labels) and updated with ``setOpts`` /
``setData``; non-finite values draw no bar and the label "—".

Sizes follow the view's font (presenter mode scales it): the value labels are drawn in it, the
rows and the bottom axis are as tall as its lines need, and the x range leaves room for the
labels in it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from gui.common.legible_axes import TextHighAxis, space_ticks_by_font
from gui.common.number_format import number

POSITIVE = "#E69F00"  # the diverging map's ends (gui.common.colors.DIVERGING_HEX)
NEGATIVE = "#0072B2"
BAR_HEIGHT = 0.62
#: Height (px) of a bar's row, and of the chart's bottom axis and margins, at least, and in
#: lines of the view's font (at presenter scale the lines are taller than the least).
ROW_PX, ROW_LINES = 30, 1.25
AXIS_PX, AXIS_LINES = 48, 2.0


class _FontFollowingAxis(TextHighAxis):
    """An axis that tells its chart when its tick font changes (presenter mode sets it)."""

    def __init__(self, orientation: str, on_font=None) -> None:
        super().__init__(orientation)
        self.on_font = on_font

    def setTickFont(self, font) -> None:  # noqa: N802 (pyqtgraph naming)
        super().setTickFont(font)
        if self.on_font is not None:
            self.on_font()

    def _updateHeight(self) -> None:  # noqa: N802 (pyqtgraph naming)
        if self.orientation in ("bottom", "top"):  # TextHighAxis: as tall as its labels
            super()._updateHeight()
        else:
            pg.AxisItem._updateHeight(self)


class FeatureBars(pg.PlotWidget):
    """Bars of ``values`` (d,) per feature name, feature 0 at the top."""

    def __init__(self, parent=None) -> None:
        self._refit_timer = QtCore.QTimer()
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        super().__init__(parent=parent, axisItems={
            name: _FontFollowingAxis(name, self._refit_timer.start)
            for name in ("left", "bottom")})
        self._refit_timer.setParent(self)
        self._refit_timer.timeout.connect(self.refit)
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
        space_ticks_by_font(plot.getAxis("bottom"))  # no "0.10.2" in a narrow chart at 2x
        self.bars = pg.BarGraphItem(x0=[0], y=[0], width=[0], height=BAR_HEIGHT)
        self.errors = pg.ErrorBarItem(x=np.zeros(1), y=np.zeros(1), beam=0.2,
                                      pen=pg.mkPen("#202020", width=1.5))
        self.errors.setVisible(False)
        self.zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#606060", width=1))
        for item in (self.bars, self.errors, self.zero):
            plot.addItem(item)
        self.labels: list[pg.TextItem] = []
        self.values = np.zeros(0)
        self._names: list[str] = []
        # the labels' room in data units depends on the plot's width, which pyqtgraph's
        # layout sets after the view's own resize event
        plot.vb.sigResized.connect(lambda *_: self._fit_x())

    def _value_font(self) -> QtGui.QFont:
        """The font of the value labels and names: the bottom axis's tick font (presenter
        mode's) if it has one, else the view's."""
        return QtGui.QFont(self.plot_item.getAxis("bottom").style.get("tickFont")
                           or self.font())

    def least_width(self) -> int:
        """Pixels the chart needs across: its names, a value label on each side of the bars
        and some bar length."""
        metrics = QtGui.QFontMetrics(self._value_font())
        labels = [label.textItem.toPlainText() for label in self.labels if label.isVisible()]
        label = max([metrics.horizontalAdvance(text) for text in labels] + [0]) + 12
        return self.plot_item.getAxis("left").width() + 2 * label + 4 * metrics.height()

    def _fit_height(self, d: int) -> None:
        """Bars of one thickness, whatever the dock: rows and axis as tall as the font needs."""
        line = QtGui.QFontMetricsF(self._value_font()).height()
        row = max(ROW_PX, ROW_LINES * line)
        self.setFixedHeight(int(round(max(AXIS_PX, AXIS_LINES * line) + row * max(d, 1))))

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
        self._names = [str(n) for n in names]
        self._fit_names()
        self._fit_height(d)
        self._ensure_labels(d)
        reach = float(np.max(np.abs(shown) + spread)) if d else 1.0
        reach = reach if reach > 0 else 1.0
        for i, label in enumerate(self.labels[:d]):
            value = values[i]
            text = number(value, digits) if np.isfinite(value) else "—"
            if errors is not None:
                text += f" ± {number(spread[i], 2)}"
            label.setText(text)
            label.setFont(self._value_font())
            end = shown[i] + (spread[i] if shown[i] >= 0 else -spread[i])
            label.setAnchor((0.0, 0.5) if shown[i] >= 0 else (1.0, 0.5))
            label.setPos(end + (0.03 if shown[i] >= 0 else -0.03) * reach, rows[i])
        self.plot_item.setYRange(-(d - 1) - 0.6 if d else -1, 0.6, padding=0)
        self._reach = (shown, spread, d)
        self._fit_x()

    def _fit_names(self) -> None:
        metrics = QtGui.QFontMetrics(self._value_font())
        self.plot_item.getAxis("left").setWidth(
            max([metrics.horizontalAdvance(n) for n in self._names] + [20]) + 14)

    def refit(self) -> None:
        """Sizes again for the current font (presenter mode scaled the view's or the axes')."""
        if getattr(self, "closed", False):
            return
        font = self._value_font()
        for label in self.labels:
            label.setFont(font)
        self._fit_names()
        self._fit_height(self._reach[2] if hasattr(self, "_reach") else 0)
        self._fit_x()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange and hasattr(self, "labels"):
            self.refit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if hasattr(self, "labels") and not getattr(self, "closed", False):  # built, not closed
            self._fit_x()  # the labels' room in data units depends on the width

    def _fit_x(self) -> None:
        """x range: the bars and the labels' offsets from them (data units), plus room in
        pixels for every value label on its side of 0."""
        shown, spread, d = getattr(self, "_reach", (np.zeros(0), np.zeros(0), 0))
        low = min(0.0, float(np.min(shown - spread))) if d else 0.0
        high = max(0.0, float(np.max(shown + spread))) if d else 1.0
        left = right = 0.0
        for i in range(d):  # where each label starts (set_values), and its drawn width
            start = self.labels[i].pos().x()
            width = self.labels[i].textItem.boundingRect().width() + 2
            if shown[i] >= 0:
                high, right = max(high, start), max(right, width)
            else:
                low, left = min(low, start), max(left, width)
        span = high - low or 1.0
        pixels = max(self.plot_item.vb.width(), 120.0)  # before the first layout: a guess
        # data units per pixel u: span + (left + right)·u = pixels·u
        free = pixels - left - right
        unit = span / free if free > 0.25 * pixels else 4.0 * span / pixels
        self.plot_item.setXRange(low - max(left * unit, 0.03 * span),
                                 high + max(right * unit, 0.03 * span), padding=0)
