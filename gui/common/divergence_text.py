"""A divergence in words: the cause of a ``core.divergence.Divergence`` and the phase names, in
the current language, worded per code (nothing parses English). Shared by the divergence
banner (app_window) and the controller's ``diverged`` signal text.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core import divergence as codes
from core.divergence import PARAMETER_LIMIT, Divergence
from gui.common.i18n import translate
from gui.common.number_format import number

#: Phase names as shown in the banner title.
PHASE_NAMES = {
    "forward": QT_TRANSLATE_NOOP("DivergenceBanner", "forward"),
    "backward": QT_TRANSLATE_NOOP("DivergenceBanner", "backward"),
    "update": QT_TRANSLATE_NOOP("DivergenceBanner", "update"),
}
#: The cause of each ``core.divergence`` code: {0} = layer k, {1} = value, {2} = the limit.
CAUSES = {
    codes.OUTPUT_NONFINITE: QT_TRANSLATE_NOOP(
        "DivergenceBanner", "the training output is not finite"),
    codes.LOSS_NAN: QT_TRANSLATE_NOOP("DivergenceBanner", "the training loss is nan"),
    codes.LOSS_INF: QT_TRANSLATE_NOOP("DivergenceBanner", "the training loss is {1}"),
    codes.BATCH_LOSS_NAN: QT_TRANSLATE_NOOP("DivergenceBanner", "the loss J on the batch is nan"),
    codes.BATCH_LOSS_INF: QT_TRANSLATE_NOOP("DivergenceBanner", "the loss J on the batch is {1}"),
    codes.GRADIENT_NONFINITE: QT_TRANSLATE_NOOP(
        "DivergenceBanner", "the gradient of layer {0} is not finite"),
    codes.PARAM_NAN: QT_TRANSLATE_NOOP("DivergenceBanner", "a parameter of layer {0} became NaN"),
    codes.PARAM_INF: QT_TRANSLATE_NOOP(
        "DivergenceBanner", "a parameter of layer {0} became infinite"),
    codes.PARAM_LIMIT: QT_TRANSLATE_NOOP(
        "DivergenceBanner", "a parameter of layer {0} reached {1}, beyond ±{2}: the weights "
                            "exploded"),
    codes.UNKNOWN: QT_TRANSLATE_NOOP(
        "DivergenceBanner", "a value stopped being finite (saved by an older version)"),
}


def phase_text(phase: str) -> str:
    """A phase name ("forward", …) in the current language."""
    return translate("DivergenceBanner", PHASE_NAMES[phase]) if phase in PHASE_NAMES else phase


def cause_text(divergence: Divergence) -> str:
    """The cause of ``divergence`` in the current language, worded from its code, layer and
    value (numbers through ``gui.common.number_format``)."""
    value = "?" if divergence.value is None else number(divergence.value, 3)
    return translate("DivergenceBanner", CAUSES[divergence.code]).format(
        divergence.layer, value, number(PARAMETER_LIMIT))
