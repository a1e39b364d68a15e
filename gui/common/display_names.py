"""Display names of the engine's code names, in the current language: the one table.

The engine names its choices with codes ("linear", "mse", "leaky_relu", "momentum", …). The
combo boxes of the setting panels show them through this table, and so must every sentence
that shows such a value ("Output: linear · loss: mse" would contradict a combo box that says
线性 and 均方误差). The English names are data, translated in context "Settings" (the context of
all texts that come from ``core``); a code without an entry is shown as it is (names such as
tanh, sigmoid and softmax are written the same way in Chinese teaching material).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.common.i18n import translate
from gui.common.number_format import number

#: Translation context of the names (shared with the texts of ``core.settings``).
CONTEXT = "Settings"

#: Code → English display name (shown translated in context "Settings"). Codes: activations
#: (``core.activations``), losses (``core.losses.LOSSES``; None = automatic), optimizers
#: (``core.optimizers``), initializations (``core.network.INITS``), tasks.
CHOICE_LABELS = {
    None: QT_TRANSLATE_NOOP("Settings", "automatic"),
    # losses
    "mse": QT_TRANSLATE_NOOP("Settings", "mean squared error"),
    "bce": QT_TRANSLATE_NOOP("Settings", "binary cross-entropy"),
    "cross_entropy": QT_TRANSLATE_NOOP("Settings", "cross-entropy"),
    # initializations
    "xavier": QT_TRANSLATE_NOOP("Settings", "Xavier (Glorot uniform)"),
    "he": QT_TRANSLATE_NOOP("Settings", "He (Kaiming normal)"),
    "normal": QT_TRANSLATE_NOOP("Settings", "normal (σ = 0.1)"),
    "zeros": QT_TRANSLATE_NOOP("Settings", "zeros"),
    # optimizers
    "sgd": "SGD", "momentum": QT_TRANSLATE_NOOP("Settings", "momentum"), "nesterov": "Nesterov",
    "rmsprop": "RMSprop", "adam": "Adam",
    # activations
    "linear": QT_TRANSLATE_NOOP("Settings", "linear"),
    "leaky_relu": "leaky ReLU", "relu": "ReLU", "elu": "ELU", "gelu": "GELU",
}


def display_name(code, labels: dict | None = None) -> str:
    """The display name of a code in the current language: ``labels`` first (a caller's own
    table of English names), then :data:`CHOICE_LABELS`, else the code itself as text."""
    text = (labels or {}).get(code) or CHOICE_LABELS.get(code, str(code))
    return translate(CONTEXT, text) if text else ""


def display_names(codes: Iterable) -> str:
    """Several display names, joined by ", " ("leaky ReLU, ReLU")."""
    return ", ".join(display_name(code) for code in codes)


def setting_label(key: str) -> str:
    """The translated label of setting ``key``: qualified ("training.learning_rate", the keys
    of ``core.comparison``) or a bare field name (the first section that has it); the key
    itself when no setting has that name (e.g. a typo in a scene file)."""
    from core.comparison import SECTIONS
    from core.settings import fields_of

    infos = {f"{section}.{info.name}": info for section, cls in SECTIONS
             for info in fields_of(cls)}
    info = infos.get(key) or next((info for qualified, info in infos.items()
                                   if qualified.split(".", 1)[1] == key), None)
    return key if info is None else translate(CONTEXT, info.label)


def value_text(key: str, value) -> str:
    """A setting's value as the setting panels show it: numbers with ``number``, choices by
    their display names, lists joined by " / ", booleans on/off (``key``: the setting)."""
    if isinstance(value, bool):
        return translate("CompareView", "on") if value else translate("CompareView", "off")
    if isinstance(value, tuple):
        if not value:
            return translate("CompareView", "none")
        return " / ".join(value_text(key, v) for v in value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, int):
        return str(value)
    return display_name(value)


def class_name(session, k: int) -> str:
    """Display name of class k of ``session``'s data: the imported name (penguin species), else
    "class k" in the current language — the one rule for the canvas legend, the metrics view,
    the attributions and cross-validation messages (``core.session.Session.class_label`` is
    the English form for files)."""
    names = session.class_names
    if names is not None and 0 <= k < len(names):
        return names[k]
    return translate("DataCanvas", "class {0}").format(k)
