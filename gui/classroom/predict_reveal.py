""""Predict, then reveal" (Train ▸ Predict, then reveal): a pause before the Backward phase.

With the option on, Backward (button, B, or → at the forward phase) first asks which way the
selected parameter θ (the inspector's choice; W¹[0, 0] by default) will move in this step — up or
down. Then the real backward pass runs, and the answer is revealed: the sign of ∂J/∂θ and the
update Δθ the optimizer is about to apply. For plain SGD, Δθ = −η·∂J/∂θ (Goodfellow et al. 2016,
§8.3.1), so θ goes down when the gradient is positive. For momentum, RMSprop or Adam, Δθ also
depends on the optimizer's state (and on gradient clipping, if on); it is computed by running
the real Update on a copy of the trainer (``Trainer.copy``), so it is exactly the Update that
follows. The model is never changed by the reveal.

``ask`` and ``show_reveal`` are attributes so tests (and a future classroom-response tool) can
replace the dialogs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, Signal

from core.parameters import ParamRef
from core.training import TrainingDiverged
from gui.common.display_names import display_name
from gui.common.number_format import number

translate = QCoreApplication.translate
UP, DOWN, STAYS = "up", "down", "stays"


@dataclass(frozen=True)
class Reveal:
    """The answer for one parameter after a backward pass.

    parameter: (layer, "W"/"b", i, j), 0-based; name: e.g. "W¹[0, 0]"; old: θ before the step;
    gradient: ∂J/∂θ (penalty included, before clipping); update: Δθ the optimizer will add;
    direction: "up" / "down" / "stays" (sign of Δθ); prediction: what the class said (or None);
    optimizer, learning_rate: for the explanation.
    """

    parameter: tuple
    name: str
    old: float
    gradient: float
    update: float
    direction: str
    prediction: str | None
    optimizer: str
    learning_rate: float

    @property
    def correct(self) -> bool | None:
        return None if self.prediction is None else self.prediction == self.direction


def parameter_name(parameter) -> str:
    return ParamRef(*parameter).label()


def chosen_parameter(trainer, selected) -> tuple:
    """``selected`` if it names an element of the network, else W¹[0, 0]."""
    try:
        ref = ParamRef(*selected)
        if ref.is_valid(trainer.net.layer_sizes):
            return ref.position
    except TypeError:
        pass
    return (0, "W", 0, 0)


def flat_index(trainer, parameter) -> tuple[int, int]:
    """(position in ``net.parameters()``, flat index in that array)."""
    ref = ParamRef(*parameter)
    batch_norm = getattr(trainer.net, "batch_norm", False)
    return ref.array_position(batch_norm), ref.array_index(trainer.net.layer_sizes, batch_norm)


def predicted_parameters(trainer):
    """The parameter arrays (``net.parameters()`` order: W₀, b₀, W₁, …, float64 copies) the
    trainer's next Update will produce, computed by that Update on a copy of the trainer
    (``Trainer.copy``); None if that Update diverges (the real one then keeps the parameters
    and stops training). Nothing of ``trainer`` changes. Raises RuntimeError unless the trainer is at the "backward"
    phase."""
    if trainer.phase != "backward" or trainer.last_gradients is None:
        raise RuntimeError("the reveal needs a completed backward pass")
    twin = trainer.copy(snapshot_capacity=1)
    try:
        twin.update()
    except TrainingDiverged:
        return None
    return [np.array(p) for p in twin.net.parameters()]


def dry_run_update(trainer, parameter) -> tuple[float, float, float]:
    """(θ, ∂J/∂θ, Δθ) for ``parameter`` after a backward pass, without changing anything.

    Δθ is what ``trainer.update()`` will add (:func:`predicted_parameters`; NaN when that
    Update diverges); ∂J/∂θ is before clipping. Raises RuntimeError if the trainer is not at
    the "backward" phase.
    """
    predicted = predicted_parameters(trainer)
    position, index = flat_index(trainer, parameter)
    old = float(trainer.net.parameters()[position].reshape(-1)[index])
    gradient = float(trainer.last_gradients.as_list()[position].reshape(-1)[index])
    if predicted is None:
        return old, gradient, math.nan
    new = float(predicted[position].reshape(-1)[index])
    return old, gradient, new - old


def direction_of(update: float) -> str:
    if not np.isfinite(update) or update == 0.0:
        return STAYS
    return UP if update > 0 else DOWN


# ---------------------------------------------------------------------------------- dialogs
def ask_box(parent, name: str, old: float):
    """The question as a QMessageBox with ↑ Up / ↓ Down / Cancel: (box, up, down)."""
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName("predictDialog")
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(translate("PredictReveal", "Predict, then reveal"))
    box.setText(translate("PredictReveal", "Before the backward pass: which way will %1 move "
                          "in this step?").replace("%1", name))
    box.setInformativeText(translate("PredictReveal", "Now %1 = %2. Think about the sign of "
                                     "∂J/∂θ, then choose.").replace("%1", name)
                           .replace("%2", number(old, 4)))
    up = box.addButton(translate("PredictReveal", "↑ Up"), QtWidgets.QMessageBox.ButtonRole.YesRole)
    down = box.addButton(translate("PredictReveal", "↓ Down"),
                         QtWidgets.QMessageBox.ButtonRole.NoRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    return box, up, down


def ask_dialog(parent, name: str, old: float) -> str | None:
    """Ask "up or down?" (modal); returns "up", "down" or None (cancelled)."""
    box, up, down = ask_box(parent, name, old)
    box.exec()
    clicked = box.clickedButton()
    return UP if clicked is up else DOWN if clicked is down else None


def reveal_text(result: Reveal) -> str:
    """The explanation shown after the backward pass (HTML, translated)."""
    words = {UP: translate("PredictReveal", "up"), DOWN: translate("PredictReveal", "down"),
             STAYS: translate("PredictReveal", "stays where it is")}
    lines = [translate("PredictReveal", "∂J/∂%1 = %2 (%3).").replace("%1", result.name)
             .replace("%2", number(result.gradient, 4, sign=True))
             .replace("%3", translate("PredictReveal", "positive") if result.gradient > 0 else
                      translate("PredictReveal", "negative") if result.gradient < 0 else
                      translate("PredictReveal", "zero"))]
    if result.optimizer == "sgd":
        lines.append(translate("PredictReveal", "SGD moves θ against the gradient: Δθ = −η·∂J/∂θ "
                               "= −%1 × %2 = %3.").replace("%1", number(result.learning_rate))
                     .replace("%2", number(result.gradient, 4, sign=True))
                     .replace("%3", number(result.update, 4, sign=True)))
    else:
        lines.append(translate("PredictReveal", "%1 also uses its running averages: "
                               "the update will be Δθ = %2.").replace("%1",
                                                                display_name(result.optimizer))
                     .replace("%2", number(result.update, 4, sign=True)))
    lines.append(translate("PredictReveal", "So %1 goes <b>%2</b>: %3 → %4.")
                 .replace("%1", result.name).replace("%2", words[result.direction])
                 .replace("%3", number(result.old, 4))
                 .replace("%4", number(result.old + result.update, 4)))
    if result.prediction is not None:
        verdict = (translate("PredictReveal", "Your prediction (%1) was right.")
                   if result.correct else
                   translate("PredictReveal", "Your prediction (%1) was not right this time."))
        lines.append(f"<b>{verdict.replace('%1', words[result.prediction])}</b>")
    return "<br>".join(lines)


def reveal_dialog(parent, result: Reveal) -> None:
    box = QtWidgets.QMessageBox(parent)
    box.setObjectName("revealDialog")
    box.setWindowTitle(translate("PredictReveal", "The answer"))
    box.setTextFormat(QtCore.Qt.TextFormat.RichText)
    box.setText(reveal_text(result))
    box.setIcon(QtWidgets.QMessageBox.Icon.Information)
    box.exec()


# ----------------------------------------------------------------------------------- switch
class PredictReveal(QtCore.QObject):
    """Routes the Backward action through the pause when ``action`` is checked.

    Signal ``revealed(Reveal)``; ``last`` holds the latest answer.
    """

    revealed = Signal(object)

    def __init__(self, window: QtWidgets.QWidget, controller) -> None:
        super().__init__(window)
        self.window = window  # the parent of the dialogs
        self.controller = controller
        self.ask = ask_dialog
        self.show_reveal = reveal_dialog
        self.last: Reveal | None = None
        self.action = QtGui.QAction(self)
        self.action.setObjectName("predictRevealAction")
        self.action.setCheckable(True)
        self.retranslate()
        from gui.common.i18n import manager

        manager().languageChanged.connect(self.retranslate)

    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def retranslate(self, _language: str = "") -> None:
        self.action.setText(translate("PredictReveal", "Predict, then reveal"))
        self.action.setToolTip(translate(
            "PredictReveal", "Before each Backward phase, ask which way the selected weight "
            "will move, then reveal the answer"))

    def backward(self, *_args) -> None:
        """The Backward request: ask first when enabled, then run backward and reveal."""
        controller = self.controller
        if not self.enabled or controller.phase != "forward" or controller.playing:
            controller.backward()
            return
        trainer = controller.trainer
        parameter = chosen_parameter(trainer, controller.selected_parameter)
        position, index = flat_index(trainer, parameter)
        old = float(trainer.net.parameters()[position].reshape(-1)[index])
        prediction = self.ask(self.window, parameter_name(parameter), old)
        if prediction is None:
            return  # cancelled: no backward pass, the class can think again
        controller.backward()
        if trainer.phase != "backward" or trainer.divergence is not None:
            return
        old, gradient, update = dry_run_update(trainer, parameter)
        self.last = Reveal(parameter, parameter_name(parameter), old, gradient, update,
                           direction_of(update), prediction, trainer.settings.optimizer,
                           trainer.learning_rate)
        self.revealed.emit(self.last)
        self.show_reveal(self.window, self.last)
