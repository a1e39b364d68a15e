"""Two classes: the scores with a draggable decision threshold, the ROC and the
precision–recall curves, each with the operating point of the threshold.

The curves are ``core.metrics.roc_curve`` and ``core.metrics.precision_recall_curve``
(thresholds at the distinct scores, ties together); the operating point is the rates of the
rule ``p(class 1) > threshold`` (``core.metrics.threshold_classes``). Items are created once
and updated with ``setData``; the threshold is a ``pg.InfiniteLine`` on the score strip.

Each plot's title takes the longest of its designed forms that fits the plot's width (e.g.
"Precision–recall, AP = 0.061", then "AP = 0.061": the axes name the curve), so a narrow plot
never cuts it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
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
    # the title over the whole plot, axes included (pyqtgraph puts it over the view box's
    # column, which a title wider than the view box widens past the widget)
    item.layout.removeItem(item.titleLabel)
    item.layout.addItem(item.titleLabel, 0, 0, 1, 3)
    return plot


#: Pixels of the plot's width a title leaves free (the plot's margins).
TITLE_SLACK = 12


def show_title(plot: pg.PlotWidget, forms: list[str]) -> str:
    """Show the longest of ``forms`` (complete titles, longest first) that fits ``plot``'s
    width (``_plot`` puts the title over the whole plot), else the last, in the plot's font
    (presenter mode scales it); the title item keeps the first as its full text (data 0) and
    all of them as its designed forms (data 1, ``gui.app_window.layout_report``). Returns
    it."""
    plot_item = plot.getPlotItem()
    item = plot_item.titleLabel
    font = QtGui.QFont(plot.font())
    metrics = QtGui.QFontMetricsF(font)
    room = plot.width() - 2 * item.item.document().documentMargin() - TITLE_SLACK
    shown = next((form for form in forms if metrics.horizontalAdvance(form) <= room), forms[-1])
    size = f"{font.pointSizeF():g}pt"
    if item.text != shown or item.opts.get("size") != size:
        plot_item.setTitle(shown, color="#202020", size=size)
        # pyqtgraph fixes the title's row at 30 px: too low for a presenter-size title
        height = max(30.0, item.item.boundingRect().height())
        item.setMaximumHeight(height)
        plot_item.layout.setRowFixedHeight(0, height)
        # the plot as wide as its view again: a wider title had widened it past the view
        # (the view sets its plot's geometry only when it is resized itself)
        plot_item.setGeometry(QtCore.QRectF(plot.range))
    item.item.setData(0, forms[0])
    item.item.setData(1, list(forms))
    return shown


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
        # titles fitted again once the event loop runs after a plot's resize or a new font
        self._title_timer = QtCore.QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(0)
        self._title_timer.timeout.connect(self._titles)
        for plot in (self.scores, self.roc, self.pr):
            plot.getPlotItem().vb.sigResized.connect(self._title_timer.start)
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
        auc, ap = value(self.auc), value(self.ap)
        show_title(self.roc, [translate("MetricsView", "ROC, AUC = {0}").format(auc),
                              translate("MetricsView", "AUC = {0}").format(auc)])
        show_title(self.pr, [translate("MetricsView", "Precision–recall, AP = {0}").format(ap),
                             translate("MetricsView", "AP = {0}").format(ap)])
        threshold = fixed(self.threshold, 2)
        show_title(self.scores, [translate("MetricsView", "Threshold {0} (drag)").format(threshold),
                                 translate("MetricsView", "Threshold {0}").format(threshold),
                                 translate("MetricsView", "t = {0}").format(threshold)])

    def titles(self) -> list[str]:
        """The titles shown: threshold, ROC, precision–recall (for tests)."""
        return [plot.getPlotItem().titleLabel.text for plot in (self.scores, self.roc, self.pr)]

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
