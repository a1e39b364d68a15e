"""Status bar read-out: step, epoch, train loss, validation loss (only with validation points),
test loss, accuracy labelled with its set ("test accuracy", or "train accuracy" without test
points; the loss curve's accuracy line is the validation accuracy when there are validation
points, so the read-out names its set), steps/s.

The step and the numbers next to it come from one history row, the newest *evaluated* one
(``History.last_evaluated_row()``; the controller evaluates the newest row before views draw, so
it is the newest row during Play): step N is the network after N updates (step 0 = the initial
weights), and the losses and accuracy are measured at those weights — the last point of the loss
curve and the last evaluated row of the history CSV. The losses are data losses (no L1/L2
penalty); the accuracy follows ``core.metrics.predicted_classes``. The tooltips say so.

While the timeline shows a past step k (``TrainingController.viewed_step``), the read-out is
the history row of step k and one more label says "step k of N (viewing the past)".
"""

from __future__ import annotations

import math

import numpy as np
from PySide6 import QtCore, QtWidgets

from gui.common.i18n import manager, translate
from gui.common.number_format import percent


def _fmt(value, digits: int = 4) -> str:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return "—"
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return translate("StatusBar", "∞ (diverged)")
    return f"{value:.{digits}g}"


class TrainingStatus(QtCore.QObject):
    """Permanent labels added to a QStatusBar (texts in the current language; a language
    switch re-renders the numbers last shown)."""

    #: Widest text of each field: labels get a fixed width, so a changing number does not
    #: relayout (and repaint) the whole status bar and window every frame during Play.
    TEMPLATES = {
        "step": "step 00000000", "epoch": "epoch 0000000", "train_loss": "train loss 0.00000e-00",
        "validation_loss": "validation loss 0.00000e-00", "test_loss": "test loss 0.00000e-00",
        "accuracy": "train accuracy 100.0 %",
        "speed": "000,000 steps/s",
    }
    FIELDS = tuple(TEMPLATES)

    def __init__(self, status_bar: QtWidgets.QStatusBar) -> None:
        super().__init__(status_bar)
        self.status_bar = status_bar
        self.labels: dict[str, QtWidgets.QLabel] = {}
        for name in self.TEMPLATES:
            label = QtWidgets.QLabel()
            label.setObjectName(f"status_{name}")
            status_bar.addPermanentWidget(label)
            self.labels[name] = label
        #: "step k of N (viewing the past)"; hidden at the present
        self.past_label = QtWidgets.QLabel()
        self.past_label.setObjectName("status_past")
        self.past_label.setStyleSheet("color: #B45F06; font-weight: bold;")
        self.past_label.hide()
        status_bar.insertPermanentWidget(0, self.past_label)
        self._fitting = False
        self._fit_widths()
        for label in (*self.labels.values(), self.past_label):
            label.installEventFilter(self)  # a new font (presenter mode): heights again
        self._set_tooltips()
        self.values: dict[str, str] = {}
        self._shown: tuple | None = None  # the numbers last shown (for a language switch)
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the status bar

    def _fit_widths(self) -> None:
        """Fixed label widths: the widest of the English and the translated template; and the
        fixed heights (:meth:`_fit_heights`)."""
        metrics = self.status_bar.fontMetrics()
        for name, template in self.TEMPLATES.items():
            width = max(metrics.horizontalAdvance(template),
                        metrics.horizontalAdvance(self._translated()[name]))
            self.labels[name].setFixedWidth(width + 12)
        self._fit_heights()

    def _translated(self) -> dict[str, str]:
        """The widest text of each field in the interface language."""
        return {
            "step": translate("StatusBar", "step {0}").format("00000000"),
            "epoch": translate("StatusBar", "epoch {0}").format("0000000"),
            "train_loss": translate("StatusBar", "train loss {0}").format("0.00000e-00"),
            "validation_loss": translate("StatusBar", "validation loss {0}").format(
                "0.00000e-00"),
            "test_loss": translate("StatusBar", "test loss {0}").format("0.00000e-00"),
            "accuracy": max((translate("StatusBar", "test accuracy {0}").format("100.0 %"),
                             translate("StatusBar", "train accuracy {0}").format("100.0 %")),
                            key=self.status_bar.fontMetrics().horizontalAdvance),
            "speed": translate("StatusBar", "{0} steps/s").format("000,000"),
        }

    def _fit_heights(self) -> None:
        """Every label's height fixed at its tallest line among the English and translated
        texts, at its current font: a Chinese text falls back to a taller font, so a label
        sized by its text grew the status bar (and moved every view) when its text changed.
        Measured again when a label's font or style changes (presenter mode's fonts)."""
        if self._fitting:
            return
        self._fitting = True
        try:
            samples = [*self.TEMPLATES.values(), *self._translated().values(),
                       translate("StatusBar", "paused"), translate("StatusBar", "∞ (diverged)"),
                       translate("StatusBar", "step {0} of {1} (viewing the past)").format(
                           0, 0)]
            for label in (*self.labels.values(), self.past_label):
                label.setFixedHeight(_line_height(label, samples))
        finally:
            self._fitting = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._fit_heights()
        return False

    def _set_tooltips(self) -> None:
        at_step = translate("StatusBar", "Step N is the network after N updates (step 0: the "
                                         "initial weights). The numbers next to it are measured "
                                         "at those weights: the last point of the loss curve.")
        data_loss = translate("StatusBar", "Data loss: the mean loss over the whole {0} at the "
                                           "weights of the step shown, without the L1/L2 "
                                           "penalty.")
        tips = {
            "step": at_step,
            "train_loss": data_loss.format(translate("StatusBar", "training set")),
            "validation_loss": data_loss.format(translate("StatusBar", "validation set")),
            "test_loss": data_loss.format(translate("StatusBar", "test set")),
            "accuracy": translate(
                "StatusBar", "Test accuracy: the share of the test points whose predicted "
                             "class is right, at the weights of the step shown (train "
                             "accuracy, on the training points, when there is no test set). "
                             "The loss curve's accuracy line is the validation accuracy when "
                             "there are validation points, so it can differ. Two classes: "
                             "class 1 when p > 0.5, so p = 0.5 counts as class 0. More "
                             "classes: the most probable class; a tie goes to the lower class "
                             "number."),
        }
        for name, tip in tips.items():
            self.labels[name].setToolTip(tip)

    def _show_past(self) -> None:
        past = getattr(self, "_past", None)
        if past is not None:
            self.past_label.setText(translate(
                "StatusBar", "step {0} of {1} (viewing the past)").format(*past))
        self.past_label.setVisible(past is not None)

    def retranslate(self, _language: str = "") -> None:
        self._fit_widths()
        self._set_tooltips()
        self._show_past()
        if self._shown is not None:
            self._render(*self._shown)

    def show_trainer(self, trainer, classification: bool, steps_per_second: float | None,
                     viewed_step: int | None = None) -> None:
        """Show the newest evaluated history row: its step (normally ``step_count``) with the losses
        and accuracy measured at that step, and the trainer's epoch count; with
        ``viewed_step`` k (the timeline in the past) the row of step k instead (dashes if the
        history was thinned there), the epoch count at step k (``Trainer.snapshot_epoch``) and
        "step k of N (viewing the past)"."""
        self._past = None if viewed_step is None else (int(viewed_step), trainer.step_count)
        self._show_past()
        row = trainer.history.last_evaluated_row() or {}
        if viewed_step is not None:
            row = _row_of(trainer.history, int(viewed_step))
        step = row.get("step", trainer.step_count)
        accuracy_set = "test" if trainer.n_test else "train"  # the set the number is of
        accuracy = row.get(f"{accuracy_set}_accuracy", math.nan) if classification else math.nan
        epoch = trainer.epoch_count if viewed_step is None \
            else trainer.snapshot_epoch(int(viewed_step))
        self._shown = (step, epoch, row.get("train_loss"), row.get("test_loss"),
                       classification, accuracy, steps_per_second,
                       row.get("validation_loss") if trainer.n_validation else None,
                       accuracy_set)
        self._render(*self._shown)

    def _render(self, step, epoch, train_loss, test_loss, classification, accuracy,
                steps_per_second, validation_loss=None, accuracy_set="test") -> None:
        if not classification:
            accuracy_text = translate("StatusBar", "accuracy —")
        else:
            shown = "—" if math.isnan(accuracy) else percent(accuracy)
            accuracy_text = (translate("StatusBar", "test accuracy {0}") if accuracy_set == "test"
                             else translate("StatusBar", "train accuracy {0}")).format(shown)
        self.values = {
            "step": translate("StatusBar", "step {0}").format(step),
            "epoch": translate("StatusBar", "epoch {0}").format(epoch),
            "train_loss": translate("StatusBar", "train loss {0}").format(_fmt(train_loss)),
            "validation_loss": translate("StatusBar", "validation loss {0}").format(
                _fmt(validation_loss)),
            "test_loss": translate("StatusBar", "test loss {0}").format(_fmt(test_loss)),
            "accuracy": accuracy_text,
            "speed": translate("StatusBar", "paused") if steps_per_second is None else
            translate("StatusBar", "{0} steps/s").format(f"{steps_per_second:,.0f}"),
        }
        for name, text in self.values.items():
            if self.labels[name].text() != text:
                self.labels[name].setText(text)
        shown = validation_loss is not None  # None: no validation points
        if self.labels["validation_loss"].isVisibleTo(self.status_bar) != shown:
            self.labels["validation_loss"].setVisible(shown)


def _line_height(label: QtWidgets.QLabel, texts) -> int:
    """The tallest size-hint height (px) ``label`` has with any of ``texts`` (its own text is
    kept)."""
    kept = label.text()
    heights = []
    for text in texts:
        label.setText(text)
        heights.append(label.sizeHint().height())
    label.setText(kept)
    return max(heights)


def _row_of(history, step: int) -> dict:
    """The history row of ``step`` as ``History.last_row`` gives the newest ({"step": step}
    only when thinning dropped it)."""
    arrays = history.arrays()
    index = int(np.searchsorted(arrays["step"], step))
    if index >= arrays["step"].size or arrays["step"][index] != step:
        return {"step": step}
    return {name: (int(values[index]) if name == "step" else float(values[index]))
            for name, values in arrays.items()}
