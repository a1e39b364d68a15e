"""Per-layer gradient norm against step, log y: vanishing and exploding gradients at a glance.

The curves are ``trainer.grad_norm_history`` — ‖∂J/∂θ^k‖ = √(‖∂J/∂W^k‖²_F + ‖∂J/∂b^k‖²) of
each weight layer k, before clipping — one colour per layer (Okabe–Ito). With batch norm a
hidden layer's norm also has ‖∂J/∂γ^k‖² + ‖∂J/∂β^k‖² under the root
(``core.network.Gradients.per_layer_norms``), and its legend entry says so. Deep sigmoid networks
show the early layers' curves orders of magnitude below the last one (vanishing gradients,
Glorot & Bengio 2010); too large a learning rate shows curves shooting up (exploding).
Zero norms cannot be drawn on a log axis and leave gaps. One curve item per layer, created
when the number of layers changes and updated with ``setData``.

A short run is legible too: while the history has at most :data:`MAX_SYMBOL_ROWS` rows every
measured step is a dot (after one update a curve is a single point, which a line alone does
not draw), and the step axis runs from 0 to at least step 1, in whole steps, like the loss
curve's (``gui.charts.loss_curve``), not around a lone point at step 0.

The legend's text follows the presenter scale (``gui.classroom.presenter``); where the whole
legend would take more than half the plot (presenter scale, small dock) it names the layers
by their numbers alone, in columns (:data:`LEGEND_FORMS`), so it stays inside the plot.

Legible in a small plot at presenter size: the log axis labels only the minor ticks that fit
(``gui.charts.log_axis``), and the axis title "‖∂J/∂θ‖ per layer" takes its designed short
form "‖∂J/∂θ‖" (the legend names the layers) while the whole title is longer than the plot
is high.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.charts.log_axis import LegibleLogAxis
from gui.charts.loss_curve import nice_ceiling
from gui.common import colors
from gui.common.i18n import UI_CONTEXT, manager, translate
from gui.common.legend_corner import fit_legend_box, show_fitting_form
from gui.common.legible_axes import integer_ticks, set_axis_title
from gui.common.refresh import RefreshGate, connect_redraws

#: The legend's forms, in the order tried: (layer numbers only?, columns). The whole names in
#: one column; the layer numbers (the left axis says "per layer") in two, then four columns.
LEGEND_FORMS = ((False, 1), (True, 2), (True, 4))
#: The left axis's title (translated with the window's axis titles, context "ui") and its
#: short form, shown while the title is longer than the plot is high.
TITLE = QT_TRANSLATE_NOOP("ui", "‖∂J/∂θ‖ per layer")
SHORT_TITLE = "‖∂J/∂θ‖"
#: Every measured step is a dot while the history has at most this many rows (a single point
#: has no line to draw; a few dots show which steps were measured).
MAX_SYMBOL_ROWS = 20


class GradientNorms(pg.PlotWidget):
    """The gradient norm of every layer over the steps (one curve per layer)."""

    #: Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry
    #: (gui.app_window.view_registry) reads this.
    REDRAWS_ON = ("stepped", "phaseCompleted", "weightsChanged", "dataChanged")

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent=parent, axisItems={"left": LegibleLogAxis("left")})
        self.setBackground("w")
        self.setMinimumSize(240, 160)
        self.plot_item = self.getPlotItem()
        self.plot_item.setLogMode(x=False, y=True)
        self.plot_item.showGrid(x=True, y=True, alpha=0.15)
        self.plot_item.setLabel("bottom", "step")
        self.plot_item.setLabel("left", TITLE)
        self.plot_item.setMenuEnabled(False)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setTextPen(pg.mkPen("#202020"))
            axis.enableAutoSIPrefix(False)
        integer_ticks(self.plot_item.getAxis("bottom"))  # steps: no 0.1 ticks at step 1
        # the step axis is set in redraw (0 … a nice step ≥ 1); the norms' axis follows them
        self.plot_item.vb.enableAutoRange(x=False, y=True)
        self._x_range: tuple[float, float] | None = None
        # the title is fitted once the event loop runs after a resize or a new title font
        # (presenter mode sets it on the label), not inside the resize itself
        self._title_timer = QtCore.QTimer(self)
        self._title_timer.setSingleShot(True)
        self._title_timer.setInterval(0)
        self._title_timer.timeout.connect(self.fit_title)
        self.plot_item.vb.sigResized.connect(self._title_timer.start)
        self.plot_item.getAxis("left").label.document().documentLayout() \
            .documentSizeChanged.connect(self._title_timer.start)
        self.legend = self.plot_item.addLegend(offset=(-10, 10), labelTextColor="#202020")
        self.legend_form = LEGEND_FORMS[0]
        # the legend's text grows in presenter mode, the plot shrinks with its dock: its form
        # is chosen again once the event loop runs (not inside the resize itself)
        self._legend_size = QtCore.QSizeF()
        self._fitting = False
        self._fit_timer = QtCore.QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_legend)
        self.legend.geometryChanged.connect(self._legend_resized)
        self.plot_item.vb.sigResized.connect(self._fit_timer.start)
        self.curves: list[pg.PlotDataItem] = []
        self._curves_key: tuple | None = None
        self.controller = None
        self.gate = RefreshGate(self, self.redraw, min_interval=0.1)
        manager().languageChanged.connect(self.retranslate)
        if controller is not None:
            self.set_controller(controller)

    @staticmethod
    def curve_name(l: int, batch_norm: bool = False) -> str:
        """Legend entry of weight layer ``l`` (0-based): 'layer 1', or for a batch-normalized
        layer (``batch_norm``) 'layer 1 (W, b, γ, β)'."""
        if batch_norm:
            return translate("GradientNorms", "layer {0} (W, b, γ, β)").format(l + 1)
        return translate("GradientNorms", "layer {0}").format(l + 1)

    def fit_title(self) -> None:
        """The left axis's whole title (in the current language) while it fits the plot's
        height, else SHORT_TITLE; the label keeps its full text as data 0 and both forms as
        data 1 (``gui.app_window.layout_report``: a designed short form, not a cut one)."""
        view_box = self.plot_item.vb
        if view_box is None:  # the plot was closed
            return
        axis = self.plot_item.getAxis("left")
        full = translate(UI_CONTEXT, TITLE)
        # the texts as drawn: pyqtgraph adds a units part (a space without units)
        drawn = axis.label.toPlainText()
        forms = [drawn.replace(axis.labelText, form, 1) if axis.labelText in drawn else form
                 for form in (full, SHORT_TITLE)]
        fits = QtGui.QFontMetricsF(axis.label.font()).horizontalAdvance(forms[0]) \
            <= view_box.height()
        text = full if fits else SHORT_TITLE
        set_axis_title(axis, text)
        axis.label.setData(0, forms[0])
        axis.label.setData(1, forms)

    def _normalized(self, l: int) -> bool:
        """True when weight layer ``l`` is a batch-normalized hidden layer."""
        key = self._curves_key
        return key is not None and key[1] and l < key[0] - 1

    def retranslate(self, _language: str = "") -> None:
        """Rename the legend entries in the new language (axis titles: ``gui.common.i18n``)."""
        for l, curve in enumerate(self.curves):
            name = self.curve_name(l, self._normalized(l))
            curve.opts["name"] = name
            for sample, label in self.legend.items:
                if sample.item is curve:
                    label.setText(name)
        self.fit_legend()
        self._title_timer.start()

    def _legend_resized(self) -> None:
        if not self._fitting and self.legend.geometry().size() != self._legend_size:
            self._fit_timer.start()

    def fit_legend(self) -> None:
        """The first of LEGEND_FORMS that takes at most half the plot's width and height (else
        the one that overshoots least)."""
        view_box = self.plot_item.vb
        if view_box is None:  # the plot was closed (a language change may still come)
            return
        self._fitting = True
        try:
            show_fitting_form(self.legend, view_box.boundingRect(), LEGEND_FORMS,
                              self._show_legend_form)
        finally:
            self._fitting = False
            self._legend_size = self.legend.geometry().size()

    def _show_legend_form(self, form: tuple[bool, int]) -> None:
        numbers, columns = form
        for sample, label in self.legend.items:
            if sample.item not in self.curves:
                continue
            l = self.curves.index(sample.item)
            text = str(l + 1) if numbers else self.curve_name(l, self._normalized(l))
            if label.text != text:
                label.setText(text)
        self.legend.setColumnCount(columns)
        self.legend_form = form
        fit_legend_box(self.legend)

    def set_controller(self, controller) -> None:
        self.controller = controller
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        self.gate.request()

    def _ensure_curves(self, n_layers: int, batch_norm: bool = False) -> None:
        if self._curves_key == (n_layers, batch_norm):
            return
        for curve in self.curves:  # only when the architecture changes
            self.plot_item.removeItem(curve)
            self.legend.removeItem(curve)
        self.curves = []
        self._curves_key = (n_layers, batch_norm)
        for l in range(n_layers):
            colour = colors.CLASS_HEX[l % colors.MAX_CLASSES]
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=2), symbolSize=6,
                                    symbolPen=None, symbolBrush=pg.mkBrush(colour),
                                    name=self.curve_name(l, self._normalized(l)))
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.plot_item.addItem(curve)
            self.curves.append(curve)
        self._fit_timer.start()  # new rows, whole names

    def redraw(self) -> None:
        c = self.controller
        if c is None:
            return
        trainer = c.trainer
        self._ensure_curves(trainer.net.n_layers, bool(getattr(trainer.net, "batch_norm", False)))
        arrays = trainer.grad_norm_history.arrays()
        steps, norms = arrays["step"].astype(np.float64), arrays["norms"]
        symbol = "o" if steps.size <= MAX_SYMBOL_ROWS else None
        for l, curve in enumerate(self.curves):
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)
            if norms.shape[0] == 0 or l >= norms.shape[1]:
                curve.setData([], [])
                continue
            values = np.where(norms[:, l] > 0, norms[:, l], np.nan)
            curve.setData(steps, values, connect="finite")
        self._set_x_range(float(trainer.step_count))

    def _set_x_range(self, current_step: float) -> None:
        """Steps 0 … a nice number ≥ the current step and ≥ 1 (the last row is the gradient
        update ``current_step`` applied, at step ``current_step`` − 1); set only when it
        changes, so the axis is not rebuilt every frame during Play."""
        x_range = (0.0, nice_ceiling(max(current_step, 1.0)))
        if x_range != self._x_range:
            self._x_range = x_range
            self.plot_item.vb.setXRange(*x_range, padding=0.02)
