"""Two classes: the scores with a draggable decision threshold, the ROC and the
precision–recall curves, each with the operating point of the threshold.

The curves are ``core.metrics.roc_curve`` and ``core.metrics.precision_recall_curve``
(thresholds at the distinct scores, ties together); the operating point is the rates of the
rule ``p(class 1) > threshold`` (``core.metrics.threshold_classes``). Items are created once
and updated with ``setData``; the threshold is a ``pg.InfiniteLine`` on the score strip.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtWidgets
from PySide6.QtCore import Signal

from core.metrics import average_precision, precision_recall_curve, roc_auc, roc_curve
from gui.common import colors
from gui.common.i18n import translate
from gui.common.legible_axes import TextHighAxis, keep_axis_titles_fitting, space_ticks_by_font
from gui.common.number_format import fixed


def _plot(parent=None) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent=parent, axisItems={"bottom": TextHighAxis("bottom")})
    plot.setBackground("w")
    plot.setMinimumSize(110, 110)
    item = plot.getPlotItem()
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    item.showGrid(x=True, y=True, alpha=0.15)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setTextPen(pg.mkPen("#202020"))
        axis.enableAutoSIPrefix(False)
        space_ticks_by_font(axis)  # small plots at presenter size: labels never run together
    keep_axis_titles_fitting(item, ("left", "bottom"))
    return plot


def _set_points(scatter: pg.ScatterPlotItem, x, y) -> None:
    """``scatter.setData(x, y)``, shown only with at least one point: pyqtgraph 0.14 paints an
    empty scatter with ``drawPixmapFragments(None, 0, …)``, which PySide refuses (a TypeError
    it prints as "Ignored exception" on every paint: an empty class strip, an undefined
    operating point, or before the first scores)."""
    scatter.setData(x, y)
    scatter.setVisible(len(x) > 0)


def spread(n: int) -> np.ndarray:
    """(n,) deterministic vertical offsets in [-0.3, 0.3] for a strip plot (golden ratio)."""
    return (np.modf(np.arange(n) * 0.6180339887498949)[0] - 0.5) * 0.6


def operating_point(y_true: np.ndarray, p1: np.ndarray, threshold: float
                    ) -> tuple[float, float, float]:
    """(fpr, tpr, precision) of the rule p > threshold; precision 0 with no predicted
    positives (core.metrics' zero-division rule); NaN rates where a class is absent."""
    called = p1 > threshold
    tp = float(np.sum(called & (y_true == 1)))
    fp = float(np.sum(called & (y_true == 0)))
    positives, negatives = float(np.sum(y_true == 1)), float(np.sum(y_true == 0))
    tpr = tp / positives if positives else float("nan")
    fpr = fp / negatives if negatives else float("nan")
    precision = tp / (tp + fp) if tp + fp else 0.0
    return fpr, tpr, precision


class ThresholdCurves(QtWidgets.QWidget):
    """Score strip + ROC + PR. Signal ``thresholdChanged(float)`` while the line is dragged."""

    thresholdChanged = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.scores, self.roc, self.pr = _plot(), _plot(), _plot()
        for plot in (self.scores, self.roc, self.pr):
            layout.addWidget(plot, 1)
        self.scores.getPlotItem().setRange(xRange=(0, 1), yRange=(-0.5, 1.5), padding=0.02)
        self.strips = []
        for k in (0, 1):
            strip = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(colors.class_hex(k)))
            strip.setVisible(False)  # empty until set_scores (_set_points)
            self.scores.addItem(strip)
            self.strips.append(strip)
        self.scores.getPlotItem().getAxis("left").setTicks([[(0, "0"), (1, "1")]])
        self.line = pg.InfiniteLine(pos=0.5, angle=90, movable=True, bounds=(0.0, 1.0),
                                    pen=pg.mkPen("#CC0000", width=2),
                                    hoverPen=pg.mkPen("#FF3030", width=3))
        self.scores.addItem(self.line)
        self.line.sigPositionChanged.connect(self._on_line_moved)
        self.roc_curve = pg.PlotDataItem(pen=pg.mkPen("#0072B2", width=2))
        self.roc_chance = pg.PlotDataItem([0, 1], [0, 1], pen=pg.mkPen("#A0A0A0", width=1,
                                                                          style=pg.QtCore.Qt.PenStyle.DashLine))
        self.pr_curve = pg.PlotDataItem(pen=pg.mkPen("#009E73", width=2), stepMode=None)
        self.roc_point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush("#CC0000"), pen=None)
        self.pr_point = pg.ScatterPlotItem(size=10, brush=pg.mkBrush("#CC0000"), pen=None)
        self.roc_point.setVisible(False)  # empty until set_scores (_set_points)
        self.pr_point.setVisible(False)
        for plot, items in ((self.roc, (self.roc_chance, self.roc_curve, self.roc_point)),
                            (self.pr, (self.pr_curve, self.pr_point))):
            for item in items:
                plot.addItem(item)
            plot.getPlotItem().setRange(xRange=(0, 1), yRange=(0, 1), padding=0.04)
        self.auc = self.ap = float("nan")
        self._data: tuple[np.ndarray, np.ndarray] | None = None
        self.retranslate()

    @property
    def threshold(self) -> float:
        return float(self.line.value())

    def set_threshold(self, value: float) -> None:
        """Move the line (emits ``thresholdChanged``)."""
        self.line.setValue(float(np.clip(value, 0.0, 1.0)))

    def _on_line_moved(self, _line=None) -> None:
        self._draw_points()
        self.thresholdChanged.emit(self.threshold)

    def retranslate(self) -> None:
        self.scores.getPlotItem().setLabel("bottom", translate("MetricsView", "p(class 1)"))
        self.scores.getPlotItem().setLabel("left", translate("MetricsView", "true class"))
        self.roc.getPlotItem().setLabel("bottom", translate("MetricsView", "false positive rate"))
        self.roc.getPlotItem().setLabel("left", translate("MetricsView", "true positive rate"))
        self.pr.getPlotItem().setLabel("bottom", translate("MetricsView", "recall"))
        self.pr.getPlotItem().setLabel("left", translate("MetricsView", "precision"))
        self._titles()

    def _titles(self) -> None:
        def value(v: float) -> str:
            return "—" if np.isnan(v) else fixed(v, 3)
        self.roc.getPlotItem().setTitle(translate("MetricsView", "ROC, AUC = {0}").format(
            value(self.auc)), color="#202020", size="9pt")
        self.pr.getPlotItem().setTitle(translate("MetricsView", "Precision–recall, AP = {0}")
                                       .format(value(self.ap)), color="#202020", size="9pt")
        self.scores.getPlotItem().setTitle(
            translate("MetricsView", "Threshold {0} (drag)").format(fixed(self.threshold, 2)),
            color="#202020", size="9pt")

    def set_scores(self, y_true: np.ndarray, p1: np.ndarray) -> None:
        """New labels (n,) 0/1 and scores p(class 1) (n,). Non-finite scores or a missing class
        leave the curves empty (their AUC/AP read "—")."""
        y_true = np.asarray(y_true, dtype=np.int64)
        p1 = np.asarray(p1, dtype=np.float64)
        self._data = (y_true, p1)
        for k, strip in enumerate(self.strips):
            mask = y_true == k
            _set_points(strip, np.clip(p1[mask], 0, 1), k + spread(int(mask.sum())))
        self.auc = self.ap = float("nan")
        if np.all(np.isfinite(p1)) and p1.size:
            fpr, tpr, _ = roc_curve(y_true, p1)
            precision, recall, _ = precision_recall_curve(y_true, p1)
            self.auc, self.ap = roc_auc(y_true, p1), average_precision(y_true, p1)
            ok_roc = not (np.isnan(fpr).any() or np.isnan(tpr).any())
            self.roc_curve.setData(fpr if ok_roc else [], tpr if ok_roc else [])
            ok_pr = not np.isnan(recall).any()
            self.pr_curve.setData(recall if ok_pr else [], precision if ok_pr else [])
        else:
            self.roc_curve.setData([], [])
            self.pr_curve.setData([], [])
        self._draw_points()

    def _draw_points(self) -> None:
        self._titles()
        if self._data is None:
            return
        fpr, tpr, precision = operating_point(*self._data, self.threshold)
        roc_ok = not (np.isnan(fpr) or np.isnan(tpr))
        _set_points(self.roc_point, [fpr] if roc_ok else [], [tpr] if roc_ok else [])
        pr_ok = not np.isnan(tpr)
        _set_points(self.pr_point, [tpr] if pr_ok else [], [precision] if pr_ok else [])
