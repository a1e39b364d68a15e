"""Loss curve: train, validation and test data loss against step, J, accuracy on a right axis,
the best validation step, Restore best, hover read-out.

Fed with the arrays of ``Trainer.history.arrays()``. Every point is drawn at the step of its
history row, and step N means the network after N updates (step 0 = the initial weights), so
the curve ends at the current step and its last point is what the status bar shows. The
loss lines are *data* losses (no penalty). With L1 or L2 on (a penalty in the history) a
third line shows J = training data loss + penalty, the quantity the optimizer minimizes; its
check box (shown only then, and the line's key) is remembered (QSettings
:data:`SHOW_OBJECTIVE_KEY`). With validation points the validation loss is a line of its own,
the accuracy line is the validation accuracy (else the test accuracy), and the best validation
step (``Trainer.best_validation``, given by :meth:`LossCurve.set_best`) is a vertical marker
labelled "best validation: step k"; :attr:`LossCurve.restore_best_action` (its button sits
under the curve, the window adds it to the Train menu) asks for its weights back
(``restoreBestRequested``).

**Two kinds of rows** (``core.history.History``). The full-set losses and accuracies exist
only on *evaluated* rows (every row with ``Trainer(evaluation="every_step")``; at epoch ends
and on ``Trainer.evaluate_now`` with "cadence"): their lines join the evaluated rows only, with
a dot on each while some rows are batch-only, so a line never suggests a measurement between
two evaluations; a lone evaluated row (step 0) is a dot too, as a line of one point is not
drawn. The mini-batch data loss of every update is a faint line of its own (:data:`BATCH_LABEL`), drawn at step t − 1 for the update t — the parameters it was measured
at (for full batch without dropout it therefore lies on the training loss).

Items are created once and updated with ``setData``; nothing is cleared and re-added. The
read-out, the J key and the legend rows this widget adds are in the current language (the
axis titles and the static check boxes are translated with the window).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from gui.common.legible_axes import fit_axis_titles, integer_ticks, space_ticks_by_font
from gui.common.i18n import manager, translate
from gui.common.number_format import number

TRAIN_COLOUR, TEST_COLOUR, ACCURACY_COLOUR = "#0072B2", "#D55E00", "#009E73"
VALIDATION_COLOUR = "#E69F00"  # Okabe–Ito orange
BEST_COLOUR = "#6A3D9A"  # the best-validation marker
OBJECTIVE_COLOUR = "#CC79A7"  # Okabe–Ito reddish purple
BATCH_COLOUR = (0, 114, 178, 80)  # TRAIN_COLOUR, faint: noisy, one value per update
#: Dots mark the evaluated rows while some rows are batch-only, up to this many (beyond it the
#: joined line alone is drawn: dots would merge and cost every frame).
MAX_SYMBOLS = 400
#: QSettings key of the "J" check box (bool; default on).
SHOW_OBJECTIVE_KEY = "loss_curve/show_objective"
#: Line width when paused; during Play 1-px lines are used, because Qt strokes wider
#: antialiased polylines several times slower (the curve is redrawn every frame). Solid lines
#: only: dashed polylines are slow too.
PAUSED_WIDTH = 2.0


#: Names of the lines in keys and legends.
ACCURACY_LABEL = QT_TRANSLATE_NOOP("LossCurve", "test accuracy")
VALIDATION_ACCURACY_LABEL = QT_TRANSLATE_NOOP("LossCurve", "validation accuracy")
TRAIN_LABEL = QT_TRANSLATE_NOOP("LossCurve", "train data loss")
VALIDATION_LABEL = QT_TRANSLATE_NOOP("LossCurve", "validation data loss")
TEST_LABEL = QT_TRANSLATE_NOOP("LossCurve", "test data loss")
BEST_LABEL = QT_TRANSLATE_NOOP("LossCurve", "best validation: step {0}")
OBJECTIVE_LABEL = QT_TRANSLATE_NOOP("LossCurve", "J = train data loss + penalty")
BATCH_LABEL = QT_TRANSLATE_NOOP("LossCurve", "mini-batch data loss")
#: Short names in the key row above the plot (its axes say "data loss" and "… accuracy"):
#: they fit a narrow dock at presenter scale.
KEY_LABELS = {"train": QT_TRANSLATE_NOOP("LossCurve", "train"),
              "validation": QT_TRANSLATE_NOOP("LossCurve", "validation"),
              "test": QT_TRANSLATE_NOOP("LossCurve", "test"),
              "batch": QT_TRANSLATE_NOOP("LossCurve", "mini-batch"),
              "accuracy": QT_TRANSLATE_NOOP("LossCurve", "accuracy")}


def _unbreakable(text: str) -> str:
    """``text`` for rich text with no line break inside it: no-break spaces, and word joiners
    (U+2060) between its characters (Chinese may otherwise break between any two)."""
    return "\u2060".join(text).replace(" ", "&nbsp;")


class LossCurve(QtWidgets.QWidget):
    """Plot widget + a small option row (log y, show accuracy, Restore best).

    Signals: logScaleChanged(bool) — a view option; restoreBestRequested() — the user asked
    for the best validation step's weights (the window passes it to the controller).
    """

    logScaleChanged = Signal(bool)
    restoreBestRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w")
        self.plot_widget.setMinimumHeight(90)  # small: all docks must fit a 1000 px screen
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.setLabel("bottom", "step")
        self.plot_item.setLabel("left", "data loss")
        self.batch_line = self.plot_item.plot([], [])  # first: drawn under the others
        self.train_line = self.plot_item.plot([], [])
        self.validation_line = self.plot_item.plot([], [])
        self.test_line = self.plot_item.plot([], [])
        self.objective_line = self.plot_item.plot([], [])  # J, shown with a penalty only

        # accuracy on a second ViewBox sharing x, range [0, 1], right axis
        self.accuracy_box = pg.ViewBox(enableMenu=False)
        self.accuracy_box.setMouseEnabled(x=False, y=False)
        self.plot_item.showAxis("right")
        self.plot_item.scene().addItem(self.accuracy_box)
        self.plot_item.getAxis("right").linkToView(self.accuracy_box)
        self.accuracy_box.setXLink(self.plot_item)
        self.accuracy_box.setYRange(0.0, 1.02, padding=0)
        self.accuracy_line = pg.PlotDataItem([], [])
        self.accuracy_box.addItem(self.accuracy_line)
        self.plot_item.vb.disableAutoRange()
        self.plot_item.vb.sigResized.connect(self._sync_accuracy_box)
        self.plot_item.vb.sigResized.connect(self._fit_axis_titles)
        for axis in ("left", "bottom", "right"):
            self.plot_item.getAxis(axis).setTextPen(pg.mkPen("#202020"))
            self.plot_item.getAxis(axis).enableAutoSIPrefix(False)
            space_ticks_by_font(self.plot_item.getAxis(axis))  # no "0.20.40.60.8" at 2×
        integer_ticks(self.plot_item.getAxis("bottom"))  # steps: no 0.5 ticks at step 3

        self.hover_line = pg.InfiniteLine(angle=90, movable=False,
                                          pen=pg.mkPen("#888888", width=1))
        self.hover_text = pg.TextItem(color="#202020", fill=pg.mkBrush(255, 255, 255, 220),
                                      anchor=(0, 1))
        self.hover_line.setVisible(False)
        self.hover_text.setVisible(False)
        self.plot_item.addItem(self.hover_line, ignoreBounds=True)
        self.plot_item.addItem(self.hover_text, ignoreBounds=True)
        self.best_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(BEST_COLOUR, width=1.5), label="",
            labelOpts={"position": 0.92, "color": BEST_COLOUR, "anchors": [(0, 0.5), (0, 0.5)],
                       "fill": pg.mkBrush(255, 255, 255, 210)})
        self.best_line.setVisible(False)
        self.plot_item.addItem(self.best_line, ignoreBounds=True)
        #: the best validation step shown (None: none) and whether its weights can come back
        self.best_step: int | None = None
        self._best_restorable = False
        self._mouse_proxy = pg.SignalProxy(self.plot_widget.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)

        self.log_check = QtWidgets.QCheckBox("log y")
        self.log_check.setToolTip("Logarithmic loss axis (L)")
        self.log_check.toggled.connect(self.set_log_scale)
        self.accuracy_check = QtWidgets.QCheckBox("accuracy")
        self.accuracy_check.setChecked(True)
        self.accuracy_check.toggled.connect(self._update_accuracy_visibility)
        # The J box is also the key of the J line (in its colour); it is only there while the
        # history has a penalty, so without L1/L2 nothing about J clutters the view.
        self.objective_check = QtWidgets.QCheckBox()
        self.objective_check.setObjectName("loss_curve_objective")
        self.objective_check.setStyleSheet(f"QCheckBox {{ color: {OBJECTIVE_COLOUR}; }}")
        self.objective_check.setChecked(_stored_bool(SHOW_OBJECTIVE_KEY, True))
        self.objective_check.toggled.connect(self._on_objective_toggled)
        # one row of keys ("━ train  ━ validation  ━ test  ━ accuracy"): short names, each
        # key unbreakable, wrapped between keys only when the dock is too narrow
        self.key_label = QtWidgets.QLabel()
        self.key_label.setObjectName("loss_curve_keys")
        self.key_label.setWordWrap(True)
        self._accuracy_key_shown = True
        keys = QtWidgets.QHBoxLayout()
        keys.setContentsMargins(6, 2, 4, 0)
        keys.addWidget(self.key_label, 1)
        options = QtWidgets.QHBoxLayout()
        options.setContentsMargins(6, 0, 4, 0)
        options.addWidget(self.log_check)
        options.addWidget(self.accuracy_check)
        options.addWidget(self.objective_check)
        options.addStretch(1)
        self.restore_best_action = QtGui.QAction(self)
        self.restore_best_action.setObjectName("restore_best")
        self.restore_best_action.triggered.connect(self.restoreBestRequested)
        self.restore_button = QtWidgets.QToolButton()
        self.restore_button.setDefaultAction(self.restore_best_action)
        # never widens the dock's minimum: a narrow dock squeezes the button first
        self.restore_button.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                          QtWidgets.QSizePolicy.Policy.Fixed)
        options.addWidget(self.restore_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(keys)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(options)

        self._arrays: dict[str, np.ndarray] = {}
        self._classification = True
        self._has_validation = False
        self._has_penalty = False
        self._has_batch = False
        self._symbols = None  # the symbol the evaluated lines have now (None: no dots)
        self.n_points = 0
        self._range: tuple | None = None
        self.set_playing(False)
        self.retranslate()
        self._update_objective_visibility()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the widget

    def _labels(self) -> dict:
        """Line → its name in the current language."""
        accuracy = VALIDATION_ACCURACY_LABEL if self._has_validation else ACCURACY_LABEL
        return {self.batch_line: translate("LossCurve", BATCH_LABEL),
                self.train_line: translate("LossCurve", TRAIN_LABEL),
                self.validation_line: translate("LossCurve", VALIDATION_LABEL),
                self.test_line: translate("LossCurve", TEST_LABEL),
                self.objective_line: translate("LossCurve", OBJECTIVE_LABEL),
                self.accuracy_line: translate("LossCurve", accuracy)}

    def retranslate(self, _language: str = "") -> None:
        """Keys, tooltips and the legend rows (exports) in the current language."""
        names = self._labels()
        self._show_keys()
        self.plot_item.getAxis("right").setLabel(names[self.accuracy_line],
                                                 color=ACCURACY_COLOUR)
        self.restore_best_action.setText(translate("LossCurve", "Restore best"))
        self.restore_button.setMaximumWidth(self.restore_button.sizeHint().width())
        self._show_best()
        self.key_label.setToolTip(translate(
            "LossCurve", "Step N is the network after N updates (step 0: the initial weights). "
                         "Each point is the mean loss over the whole training or test set at "
                         "those weights, without the L1/L2 penalty (the data loss). The faint "
                         "line is the loss of each update's mini-batch, drawn at the step whose "
                         "weights it was measured at; dots mark the steps measured on the "
                         "whole sets when not every step is."))
        self.objective_check.setText(f"━ {names[self.objective_line]}")
        self.objective_check.setToolTip(translate(
            "LossCurve", "Show J = training data loss + L1/L2 penalty: the quantity the "
                         "optimizer minimizes. The other lines are data losses, without the "
                         "penalty."))
        legend = self.plot_item.legend
        if legend is None:
            return
        for sample, label in legend.items:
            if sample.item in names:
                label.setText(names[sample.item])

    def _show_keys(self) -> None:
        """The key row: train, validation (with validation points), test and accuracy (while
        its line is shown), each in its line's colour."""
        keys = [(TRAIN_COLOUR, "train")]
        if self._has_validation:
            keys.append((VALIDATION_COLOUR, "validation"))
        keys.append((TEST_COLOUR, "test"))
        if self._has_batch:  # faint on the plot; the key's text stays legible
            keys.append(("rgba({0},{1},{2},0.6)".format(*BATCH_COLOUR[:3]), "batch"))
        if self._accuracy_key_shown:
            keys.append((ACCURACY_COLOUR, "accuracy"))
        self.key_label.setText(" &nbsp;".join(
            f"<span style='color:{colour}; white-space:nowrap'>━&nbsp;"
            f"{_unbreakable(translate('LossCurve', KEY_LABELS[name]))}</span>"
            for colour, name in keys))

    def add_export_legend(self, **options):
        """A legend inside the plot (for exports, where the key row above the plot is not
        drawn): the data-loss lines, and J and the accuracy while they are shown. ``options``
        go to ``PlotItem.addLegend``. Returns the legend."""
        legend = self.plot_item.addLegend(**options)
        names = self._labels()
        legend.addItem(self.train_line, names[self.train_line])
        if self._has_validation:
            legend.addItem(self.validation_line, names[self.validation_line])
        legend.addItem(self.test_line, names[self.test_line])
        if self._has_batch:
            legend.addItem(self.batch_line, names[self.batch_line])
        self._update_objective_visibility()
        self._update_accuracy_visibility()
        return legend

    # ----------------------------------------------------------------- updates
    def _fit_axis_titles(self, *_args) -> None:
        """A vertical axis's title only while it fits the plot's height (in a short plot at
        presenter size "test accuracy" would be clipped; the key row names the lines)."""
        fit_axis_titles(self.plot_item, ("left", "right"))

    def _sync_accuracy_box(self) -> None:
        self.accuracy_box.setGeometry(self.plot_item.vb.sceneBoundingRect())
        self.accuracy_box.linkedViewChanged(self.plot_item.vb, self.accuracy_box.XAxis)

    def set_playing(self, playing: bool) -> None:
        """Thin (fast) lines while playing, thicker ones when paused."""
        width = 1.0 if playing else PAUSED_WIDTH
        for line, colour in ((self.train_line, TRAIN_COLOUR), (self.test_line, TEST_COLOUR),
                             (self.validation_line, VALIDATION_COLOUR),
                             (self.objective_line, OBJECTIVE_COLOUR),
                             (self.accuracy_line, ACCURACY_COLOUR)):
            line.setPen(pg.mkPen(colour, width=width))
            line.setSymbolPen(None)
            line.setSymbolBrush(pg.mkBrush(colour))
        self.batch_line.setPen(pg.mkPen(BATCH_COLOUR, width=1.0))

    def set_log_scale(self, on: bool) -> None:
        """Switch the loss axis between linear and log10 (non-positive losses are not drawn)."""
        if self.log_check.isChecked() != on:
            self.log_check.blockSignals(True)
            self.log_check.setChecked(on)
            self.log_check.blockSignals(False)
        self.plot_item.setLogMode(x=False, y=on)
        self.set_history(self._arrays, self._classification)
        self.logScaleChanged.emit(on)

    def _update_accuracy_visibility(self) -> None:
        shown = self._classification and self.accuracy_check.isChecked()
        self.accuracy_line.setVisible(shown)
        self.plot_item.getAxis("right").setVisible(shown)
        self.accuracy_check.setEnabled(self._classification)
        if shown != self._accuracy_key_shown:
            self._accuracy_key_shown = shown
            self._show_keys()
        self._sync_plot_legend(self.accuracy_line, shown)

    @property
    def objective_shown(self) -> bool:
        """The J line is drawn: the history has a penalty and the J box is checked."""
        return self._has_penalty and self.objective_check.isChecked()

    def _on_objective_toggled(self, checked: bool) -> None:
        QtCore.QSettings().setValue(SHOW_OBJECTIVE_KEY, bool(checked))
        self.set_history(self._arrays, self._classification)

    def _update_objective_visibility(self) -> None:
        shown = self.objective_shown
        self.objective_line.setVisible(shown)
        self.objective_check.setVisible(self._has_penalty)
        self._sync_plot_legend(self.objective_line, shown)

    def _sync_plot_legend(self, line, shown: bool) -> None:
        """Keep a row for ``line`` in the plot's legend (``plot_item.addLegend``, used by
        exports, where the QLabel key row above the plot is not drawn) exactly while the line
        is shown. Without a legend, nothing to do."""
        legend = self.plot_item.legend
        if legend is None:
            return
        listed = any(sample.item is line for sample, _label in legend.items)
        if shown and not listed:
            legend.addItem(line, self._labels()[line])
        elif listed and not shown:
            legend.removeItem(line)

    def set_history(self, arrays: dict[str, np.ndarray], classification: bool) -> None:
        """Show the history: keys step, train_loss, test_loss, train_accuracy, test_accuracy
        and, optional, penalty, train_objective, validation_loss, validation_accuracy,
        batch_loss and evaluated (``History.arrays()``). Each point is drawn at its row's
        ``step``; the full-set lines join the evaluated rows only (all rows without an
        ``evaluated`` column), the batch loss of row t is drawn at t − 1 (module docstring).

        Non-finite losses (divergence) and, in log mode, non-positive ones are left as gaps.
        """
        self._arrays = arrays
        self._classification = bool(classification)
        steps = np.asarray(arrays.get("step", ()), dtype=np.float64)
        penalty = np.asarray(arrays.get("penalty", ()), dtype=np.float64)
        self._has_penalty = bool(penalty.size == steps.size and np.any(penalty > 0))
        self.n_points = int(steps.size)
        last_step = float(steps[-1]) if steps.size else 0.0
        log = self.log_check.isChecked()
        validation = np.asarray(arrays.get("validation_loss", ()), dtype=np.float64)
        has_validation = bool(np.any(np.isfinite(validation)))
        if has_validation != self._has_validation:
            self._has_validation = has_validation
            self.retranslate()
        accuracy_key = "validation_accuracy" if has_validation else "test_accuracy"
        keys = ("train_loss", "test_loss", "train_objective", "validation_loss", accuracy_key)
        columns = [np.asarray(arrays.get(key, ()), dtype=np.float64) for key in keys]
        # bounded work per frame however long the run: ~2 samples per pixel column
        width = max(int(self.plot_item.vb.width()), 200)
        low, high = self._draw_batch_loss(arrays, steps, width, log)
        flags = np.asarray(arrays.get("evaluated", ()), dtype=np.float64)
        evaluated = flags == 1.0 if flags.size == steps.size else np.ones(steps.size, bool)
        if not evaluated.all():
            columns = [column[evaluated] if column.size == steps.size else column
                       for column in columns]
            steps = steps[evaluated]
        # dots while some rows are batch-only, and on a lone point (step 0), which a line
        # alone does not draw
        self._show_symbols((not evaluated.all() and steps.size <= MAX_SYMBOLS)
                           or steps.size == 1)
        if all(column.size in (0, steps.size) for column in columns):
            sized = [column for column in columns if column.size]
            steps, thinned = peak_decimate(steps, sized, 4 * width)
            it = iter(thinned)
            columns = [next(it) if column.size else column for column in columns]
        drawn = dict(zip(keys, columns, strict=True))
        objective = drawn["train_objective"] if self.objective_shown else np.empty(0)
        for values, line in ((drawn["train_loss"], self.train_line),
                             (drawn["validation_loss"], self.validation_line),
                             (drawn["test_loss"], self.test_line),
                             (objective, self.objective_line)):
            if values.size != steps.size or not np.any(np.isfinite(values)):
                line.setData([], [])
                continue
            if log:
                values = np.where(values > 0, values, np.nan)
            line.setData(steps, values, connect="finite")
            finite = values[np.isfinite(values)]
            if finite.size:
                low, high = min(low, float(finite.min())), max(high, float(finite.max()))
        self._set_range(last_step, low, high, log)
        self._show_best()  # visible from step 1 on; its label away from the new range's edge
        self._update_objective_visibility()
        accuracy = drawn[accuracy_key]
        if self._classification and accuracy.size == steps.size and np.any(np.isfinite(accuracy)):
            self.accuracy_line.setData(steps, accuracy, connect="finite")
        else:
            self.accuracy_line.setData([], [])
        self._update_accuracy_visibility()
        if self.n_points == 0:
            self.hover_line.setVisible(False)
            self.hover_text.setVisible(False)

    def _draw_batch_loss(self, arrays, steps: np.ndarray, width: int, log: bool
                         ) -> tuple[float, float]:
        """The faint mini-batch loss line (row t at step t − 1); returns its (low, high) for
        the view range, (inf, −inf) without one."""
        batch = np.asarray(arrays.get("batch_loss", ()), dtype=np.float64)
        has_batch = bool(batch.size == steps.size and np.any(np.isfinite(batch)))
        if has_batch != self._has_batch:
            self._has_batch = has_batch
            self.retranslate()
        if not has_batch:
            self.batch_line.setData([], [])
            return np.inf, -np.inf
        x, (batch,) = peak_decimate(steps - 1.0, [batch], 4 * width)
        if log:
            batch = np.where(batch > 0, batch, np.nan)
        self.batch_line.setData(x, batch, connect="finite")
        finite = batch[np.isfinite(batch)]
        if not finite.size:
            return np.inf, -np.inf
        return float(finite.min()), float(finite.max())

    def _show_symbols(self, shown: bool) -> None:
        """A dot on every drawn evaluated row (on while some rows are batch-only)."""
        symbol = "o" if shown else None
        if symbol == self._symbols:
            return
        self._symbols = symbol
        for line in (self.train_line, self.validation_line, self.test_line,
                     self.objective_line, self.accuracy_line):
            line.setSymbol(symbol)
            line.setSymbolSize(5)

    def set_best(self, step: int | None, restorable: bool = False,
                 has_validation: bool = True) -> None:
        """Mark the best validation step (``Trainer.best_validation.step``; None: no marker)
        and enable Restore best when its weights can come back (``restorable``); without
        validation points (``has_validation`` False) the button says why it is off."""
        self.best_step = None if step is None else int(step)
        self._best_restorable = bool(restorable) and self.best_step is not None
        self._validation_points = bool(has_validation)
        self._show_best()

    def _show_best(self) -> None:
        step = self.best_step
        # at step 0 alone there is nothing to be best against: no marker yet
        self.best_line.setVisible(step is not None and self.n_points > 1)
        if step is not None:
            self.best_line.setPos(step)
            self.best_line.label.setFormat(translate("LossCurve", BEST_LABEL).format(step))
            # the label opens away from the nearer edge: right of the line in the left half,
            # left of it in the right half (where it would be cut off by the plot's edge)
            (x0, x1), _ = self.plot_item.vb.viewRange()
            side = 1.0 if step > (x0 + x1) / 2 else 0.0
            self.best_line.label.anchors = [(side, 0.5), (side, 0.5)]
            self.best_line.label.updatePosition()
        self.restore_best_action.setEnabled(self._best_restorable)
        if not getattr(self, "_validation_points", True):
            tip = translate("LossCurve", "Early stopping is off: there are no validation points "
                                         "(validation share 0 %).")
        elif step is None:
            tip = translate("LossCurve", "No best validation step yet: train first.")
        else:
            tip = translate("LossCurve", "Bring back the weights of the best validation step "
                                         "(step {0}).").format(step)
        self.restore_best_action.setToolTip(tip)
        self.restore_button.setToolTip(tip)

    def _set_range(self, last_step: float, low: float, high: float, log: bool) -> None:
        """Set the view range rounded outward to 'nice' numbers, so it (and the axes, whose
        tick labels are costly to regenerate) changes only now and then during Play."""
        x_range = (0.0, nice_ceiling(max(last_step, 1.0)))
        if not np.isfinite(low):
            y_range = (-1.0, 1.0) if log else (0.0, 1.0)
        elif log:
            y_range = (np.floor(np.log10(low) * 2) / 2, np.ceil(np.log10(high) * 2) / 2 + 1e-9)
        else:
            top = nice_ceiling(high * 1.05) if high > 0 else 1.0
            bottom = 0.0 if low >= 0 else -nice_ceiling(-low * 1.05)
            y_range = (bottom, top)
        if (x_range, y_range) != self._range:
            self._range = (x_range, y_range)
            self.plot_item.vb.setRange(xRange=x_range, yRange=y_range, padding=0.02)

    # ------------------------------------------------------------------- hover
    def _on_mouse_moved(self, event) -> None:
        scene_pos = event[0]
        if self.n_points == 0 or not self.plot_item.sceneBoundingRect().contains(scene_pos):
            self.hover_line.setVisible(False)
            self.hover_text.setVisible(False)
            return
        x = self.plot_item.vb.mapSceneToView(scene_pos).x()
        text, step = self.values_at(x)
        if text is None:
            return
        self.hover_line.setPos(step)
        view = self.plot_item.vb.viewRange()
        self.hover_text.setText(text)
        self.hover_text.setPos(step, view[1][0])
        self.hover_text.setAnchor((1, 1) if step > (view[0][0] + view[0][1]) / 2 else (0, 1))
        self.hover_line.setVisible(True)
        self.hover_text.setVisible(True)

    def values_at(self, x: float) -> tuple[str | None, float]:
        """Read-out text for the history point nearest to step x: (text, step)."""
        steps = np.asarray(self._arrays.get("step", ()), dtype=np.float64)
        if steps.size == 0:
            return None, 0.0
        i = int(np.clip(np.searchsorted(steps, x), 0, steps.size - 1))
        if i > 0 and abs(steps[i - 1] - x) < abs(steps[i] - x):
            i -= 1
        lines = [translate("LossCurve", "step {0}").format(int(steps[i]))]
        rows = [("train_loss", translate("LossCurve", "train data loss {0}"))]
        if self._has_validation:
            rows.append(("validation_loss", translate("LossCurve", "validation data loss {0}")))
        rows.append(("test_loss", translate("LossCurve", "test data loss {0}")))
        if self.objective_shown:
            rows += [("penalty", translate("LossCurve", "penalty {0}")),
                     ("train_objective", translate("LossCurve", "J {0}"))]
        if self._classification:
            rows.append(("train_accuracy", translate("LossCurve", "train acc {0}")))
            if self._has_validation:
                rows.append(("validation_accuracy",
                             translate("LossCurve", "validation acc {0}")))
            rows.append(("test_accuracy", translate("LossCurve", "test acc {0}")))
        for key, template in rows:
            values = self._arrays.get(key)
            if values is not None and len(values) == steps.size:
                lines.append(template.format(_fmt(values[i])))
        return "\n".join(lines), float(steps[i])


def peak_decimate(steps: np.ndarray, columns: list[np.ndarray], max_points: int
                  ) -> tuple[np.ndarray, list[np.ndarray]]:
    """Thin a long curve for drawing, keeping its shape: in each of max_points/2 buckets keep
    the first sample and the minimum and maximum of every column (peak decimation). Returns
    (steps, columns) with at most ~1.5·max_points samples; short input is returned as is.
    Non-finite values are kept where a bucket has nothing else, so gaps stay visible."""
    n = steps.size
    if n <= max_points:
        return steps, columns
    bucket = int(np.ceil(n / (max_points // 2)))
    usable = (n // bucket) * bucket
    starts = np.arange(0, usable, bucket)
    keep = [starts]
    for values in columns:
        block = values[:usable].reshape(-1, bucket)
        finite = np.isfinite(block)
        low = np.argmin(np.where(finite, block, np.inf), axis=1)
        high = np.argmax(np.where(finite, block, -np.inf), axis=1)
        keep += [starts + low, starts + high]
    keep.append(np.arange(usable, n))
    keep.append(np.array([n - 1]))  # the newest sample is always drawn
    index = np.unique(np.concatenate(keep))
    return steps[index], [values[index] for values in columns]


def nice_ceiling(value: float) -> float:
    """Smallest number ≥ value of the form m·10^k with m in 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8."""
    if not np.isfinite(value) or value <= 0:
        return 1.0
    exponent = np.floor(np.log10(value))
    for mantissa in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        candidate = mantissa * 10.0**exponent
        if candidate >= value * (1 - 1e-12):
            return float(candidate)
    return float(10.0 ** (exponent + 1))


def _stored_bool(key: str, default: bool) -> bool:
    """A QSettings value as bool (INI files give back the strings "true"/"false")."""
    value = QtCore.QSettings().value(key, default)
    return value.lower() == "true" if isinstance(value, str) else bool(value)


def _fmt(value: float) -> str:
    value = float(value)
    if not np.isfinite(value):
        return "—"
    return number(value, 4)
