"""Hands-on weights: one weight or bias typed or nudged in the network diagram, as an undoable
command on the window's QUndoStack, executed through ``TrainingController.set_parameter``.

- Double-click an edge, a bias marker or a neuron (its bias) to type a value
  (:func:`parse_value` reads it; errors are codes, shown as :func:`error_text`).
- Scroll over it to nudge it by ±NUDGE_STEP (with Shift ±FINE_NUDGE_STEP); consecutive nudges of
  one parameter merge into one command (``QUndoCommand.id``/``mergeWith``), so one Ctrl+Z
  takes the whole scroll back.

Undo/redo put the exact old/new float back (bit for bit). Each checks that the parameter still
holds the value it expects first (the network may have been rebuilt or trained since): if not,
it does nothing rather than overwrite a weight the history does not know.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from core.divergence import MAX_PARAMETER_ABS
from core.parameters import ParamRef
from gui.common.undo_text import CommandText
from gui.common.i18n import translate
from gui.common.number_format import parse_number
from gui.controller import parameter_range_text

NUDGE_STEP, FINE_NUDGE_STEP = 0.1, 0.01
SET_PARAMETER = QT_TRANSLATE_NOOP("UndoCommands", "Set {0}")
NUDGE_PARAMETER = QT_TRANSLATE_NOOP("UndoCommands", "Nudge {0}")
#: QUndoCommand.id of the nudges: the stack merges a nudge only into a nudge
NUDGE_ID = 1301


def parse_value(text: str) -> tuple[float | None, str | None]:
    """(value, None) for a typed weight, or (None, error code): "empty", "not_a_number",
    "not_finite" (inf, nan) or "too_large" (|value| > MAX_PARAMETER_ABS). Accepts Python float
    syntax ("-0.5", "1e-3"), a decimal comma ("0,5"), a group separator ("1,000" = 1000) and
    the minus sign "−" (``gui.common.number_format.parse_number``)."""
    if not text.strip():
        return None, "empty"
    try:
        value = parse_number(text)
    except ValueError:
        return None, "not_a_number"
    if not math.isfinite(value):
        return None, "not_finite"
    if abs(value) > MAX_PARAMETER_ABS:
        return None, "too_large"
    return value, None


def error_text(code: str, text: str) -> str:
    """The message for a :func:`parse_value` error ``code`` about the typed ``text``."""
    if code == "empty":
        return translate("WeightEdits", "Type a number, e.g. 0.5 or -1.2e-3")
    if code == "not_a_number":
        return translate("WeightEdits", "“{0}” is not a number; type e.g. 0.5 or -1.2e-3"
                         ).format(text.strip())
    return parameter_range_text()


def can_edit(controller) -> str | None:
    """None when a parameter may be edited now, else the reason as a message: not while Play
    runs, not in the middle of a step (the forward values would no longer match)."""
    if controller.playing:
        return translate("WeightEdits", "Pause training to edit a weight")
    if controller.trainer.phase != "ready":
        return translate("WeightEdits", "Finish the current step before editing a weight")
    return None


class SetParameterCommand(QUndoCommand):
    """Set parameter ``ref`` = (layer, "W"/"b", row, col) to ``value``; ``nudge``: a scroll
    nudge, merged with the next nudge of the same parameter."""

    def __init__(self, controller, ref, value: float, nudge: bool = False) -> None:
        super().__init__()
        self.controller = controller
        self.ref = tuple(ref)
        self.nudge = bool(nudge)
        self.old = controller.parameter_value(self.ref)
        self.new = float(value)
        self.shape = tuple(controller.trainer.net.layer_sizes)
        label = ParamRef(*self.ref).label()
        self.i18n = CommandText(NUDGE_PARAMETER if nudge else SET_PARAMETER, (label,))
        self.setText(self.i18n.render())  # rendered again by retranslate_stack

    def _holds(self, value: float) -> bool:
        c = self.controller
        return tuple(c.trainer.net.layer_sizes) == self.shape and \
            c.parameter_value(self.ref) == value

    def redo(self) -> None:
        if self._holds(self.old):
            self.controller.set_parameter(self.ref, self.new)

    def undo(self) -> None:
        if self._holds(self.new):
            self.controller.set_parameter(self.ref, self.old)

    def id(self) -> int:  # noqa: A003 (Qt naming)
        return NUDGE_ID if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, SetParameterCommand) and other.nudge and self.nudge
                and other.ref == self.ref and other.old == self.new):
            return False
        self.new = other.new
        return True


def edit_parameter(stack, controller, ref, value: float, nudge: bool = False) -> bool:
    """Set ``ref`` to ``value`` as one undoable command on ``stack`` (None: directly, without
    undo). False, with nothing pushed or changed, when :func:`can_edit` refuses (the reason goes
    to ``controller.errorOccurred``) or the value is refused by ``set_parameter``."""
    reason = can_edit(controller)
    if reason is not None:
        controller.errorOccurred.emit(reason)
        return False
    value = float(value)
    if not math.isfinite(value) or abs(value) > MAX_PARAMETER_ABS:
        controller.errorOccurred.emit(parameter_range_text())
        return False
    if stack is None:
        return controller.set_parameter(ref, value)
    stack.push(SetParameterCommand(controller, ref, value, nudge))
    return True
