"""A visible banner shown when training diverges: at which step, why, and what to try.

Every text is in the current language and follows a language switch while shown; the cause
comes from ``core.training`` in English and its known forms are translated here
(:func:`cause_text`), anything else is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from PySide6 import QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal

from core.optimizers import weight_decay_stability
from gui.i18n import manager, translate
from gui.widgets.decay_warning import banner_advice

#: Unbounded ReLU-like hidden activations: a bounded one (tanh) can calm an explosion.
RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu", "gelu", "swish", "softplus"})

#: Phase names as shown in the banner title.
PHASE_NAMES = {
    "forward": QT_TRANSLATE_NOOP("DivergenceBanner", "forward"),
    "backward": QT_TRANSLATE_NOOP("DivergenceBanner", "backward"),
    "update": QT_TRANSLATE_NOOP("DivergenceBanner", "update"),
}
#: The causes ``core.training`` reports (regular expression → English text with {0}…).
CAUSES = (
    (re.compile(r"the training output is not finite"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "the training output is not finite")),
    (re.compile(r"the training loss is not finite"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "the training loss is not finite")),
    (re.compile(r"the training loss is (\S+)"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "the training loss is {0}")),
    (re.compile(r"the loss J on the batch is (\S+)"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "the loss J on the batch is {0}")),
    (re.compile(r"the gradient of layer (\d+) is not finite"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "the gradient of layer {0} is not finite")),
    (re.compile(r"a parameter became infinite or NaN"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "a parameter became infinite or NaN")),
    (re.compile(r"a parameter exceeded (\S+): the weights exploded \(the loss can stay finite "
                r"once every unit is dead\)"),
     QT_TRANSLATE_NOOP("DivergenceBanner", "a parameter exceeded {0}: the weights exploded "
                                           "(the loss can stay finite once every unit is dead)")),
)


def phase_text(phase: str) -> str:
    """A phase name ("forward", …) in the current language."""
    return translate("DivergenceBanner", PHASE_NAMES[phase]) if phase in PHASE_NAMES else phase


def cause_text(cause: str) -> str:
    """A divergence cause of ``core.training`` in the current language (unknown ones as
    they are)."""
    for pattern, source in CAUSES:
        match = pattern.fullmatch(cause)
        if match:
            return translate("DivergenceBanner", source).format(*match.groups())
    return cause


def suggested_learning_rate(learning_rate: float, l2: float = 0.0, optimizer: str = "sgd",
                            hyper: Mapping | None = None) -> float:
    """η/10, lowered further to half the optimizer's limit, bound/(2λ), if needed so that ηλ
    stays inside the stability bound of L2 weight decay
    (``core.optimizers.weight_decay_stability``: SGD ηλ < 2, so 1/λ; momentum ηλ < 2(1 + μ);
    Nesterov ηλ < 2(1 + μ)/(1 + 2μ); RMSprop and Adam have no such bound)."""
    rate = learning_rate / 10.0
    if l2 > 0.0:
        bound = weight_decay_stability(optimizer, learning_rate, l2, hyper).bound
        if bound is not None:
            rate = min(rate, bound / (2.0 * l2))
    return rate


def divergence_advice(learning_rate: float, l2: float = 0.0, clip_norm: float | None = None,
                      activations: Iterable[str] | None = None, optimizer: str = "sgd",
                      hyper: Mapping | None = None) -> list[str]:
    """What to try after a divergence, from the settings actually in use.

    Args:
        learning_rate: current η (> 0). l2: L2 rate λ (≥ 0). clip_norm: max global gradient
        norm, 0 = off, None = unknown. activations: hidden activation names, None = unknown.
        optimizer, hyper: the optimizer's name and hyperparameters (μ), for its ηλ bound.

    Returns one sentence per suggestion: lower η (with a concrete value), the optimizer's ηλ
    bound when ηλ reaches it, gradient clipping when it is off, a bounded activation only
    when a ReLU-family activation is in use, and always Rewind.
    """
    advice = []
    target = suggested_learning_rate(learning_rate, l2, optimizer, hyper)
    advice.append(translate("DivergenceBanner",
                            "Lower the learning rate: try η = {0} (now {1}).").format(
        f"{target:g}", f"{learning_rate:g}"))
    limit = banner_advice(weight_decay_stability(optimizer, learning_rate, l2, hyper),
                          learning_rate, l2)
    if limit:
        advice.append(limit)
    if clip_norm is not None and clip_norm <= 0.0:
        advice.append(translate(
            "DivergenceBanner",
            "Turn on gradient clipping (e.g. max norm 1) to cap the step size."))
    relu_like = sorted(set(activations or ()) & RELU_FAMILY)
    if relu_like:
        advice.append(translate(
            "DivergenceBanner", "Use a bounded activation such as tanh instead of {0}.").format(
            ", ".join(relu_like)))
    advice.append(translate(
        "DivergenceBanner", "Rewind a few steps (←) to go back to weights before the blow-up."))
    return advice


class DivergenceBanner(QtWidgets.QFrame):
    """Hidden until `show_divergence` is called. Buttons request actions; the banner does none.

    Signals: rewindRequested(), lowerLearningRateRequested(), resetRequested().
    """

    rewindRequested = Signal()
    lowerLearningRateRequested = Signal()
    resetRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setStyleSheet(
            "#divergenceBanner { background: #FDECEA; border: 2px solid #C0392B;"
            " border-radius: 4px; }"
            "#divergenceBanner QLabel { color: #5A1A12; }"
        )
        self.title = QtWidgets.QLabel()
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.rewind_button = QtWidgets.QPushButton()
        self.lower_button = QtWidgets.QPushButton()
        self.reset_button = QtWidgets.QPushButton()
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.rewind_button.clicked.connect(self.rewindRequested)
        self.lower_button.clicked.connect(self.lowerLearningRateRequested)
        self.reset_button.clicked.connect(self.resetRequested)
        self.close_button.clicked.connect(self.hide)

        text = QtWidgets.QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.message)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.lower_button, self.rewind_button, self.reset_button):
            buttons.addWidget(button)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._shown: tuple | None = None  # the last show_divergence arguments
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the banner
        self.hide()

    def retranslate(self, _language: str = "") -> None:
        """Every text in the current language (the divergence shown, if any, again)."""
        self.rewind_button.setText(translate("DivergenceBanner", "Rewind"))
        self.rewind_button.setToolTip(translate("DivergenceBanner", "Go back one more step (←)"))
        self.lower_button.setText(translate("DivergenceBanner", "Lower η ÷10"))
        self.lower_button.setToolTip(
            translate("DivergenceBanner", "Divide the learning rate by 10 (keeps the weights)"))
        self.reset_button.setText(translate("DivergenceBanner", "Reset"))
        self.reset_button.setToolTip(
            translate("DivergenceBanner", "Re-initialize the network from its seed (R)"))
        self.close_button.setToolTip(translate("DivergenceBanner", "Hide this message"))
        if self._shown is not None:
            self._render(*self._shown)

    def show_divergence(self, step: int, phase: str, cause: str, learning_rate: float, *,
                        l2: float | None = None, clip_norm: float | None = None,
                        activations: Iterable[str] | None = None,
                        optimizer: str | None = None, hyper: Mapping | None = None) -> None:
        """Show: 'Training diverged at step N' + cause + advice fitted to the settings.

        Settings not passed are read from the main window's controller session if there is
        one (``self.window().controller.session``); otherwise that advice is left out (the
        optimizer is then taken as SGD with its own defaults).
        """
        l2, clip_norm, activations, optimizer, hyper = self._fill_settings(
            l2, clip_norm, activations, optimizer, hyper)
        self._shown = (step, phase, cause, learning_rate, l2, clip_norm,
                       None if activations is None else tuple(activations),
                       optimizer or "sgd", dict(hyper or {}))
        self._render(*self._shown)
        self.show()

    def _render(self, step, phase, cause, learning_rate, l2, clip_norm, activations,
                optimizer, hyper) -> None:
        self.title.setText(translate("DivergenceBanner", "⚠  Training diverged at step {0} ({1})")
                           .format(step, phase_text(phase)))
        cause = cause_text(cause)
        cause = cause[:1].upper() + cause[1:]
        advice = divergence_advice(learning_rate, l2 or 0.0, clip_norm, activations,
                                   optimizer, hyper)
        self.message.setText(
            translate("DivergenceBanner",
                      "{0}. Playback stopped; the last finite weights were kept.").format(cause)
            + "\n" + "\n".join(f"• {line}" for line in advice))
        self.lower_button.setText(
            translate("DivergenceBanner", "Lower η ÷10 (→ {0})").format(f"{learning_rate / 10:g}"))

    def _fill_settings(self, l2, clip_norm, activations, optimizer, hyper):
        session = getattr(getattr(self.window(), "controller", None), "session", None)
        if session is None:
            return l2, clip_norm, activations, optimizer, hyper
        training = session.training
        if l2 is None:
            l2 = training.l2
        if clip_norm is None:
            clip_norm = training.clip_norm
        if activations is None:
            activations = session.network.activations_per_layer()
        if optimizer is None:
            optimizer, hyper = training.optimizer, training.optimizer_hyper()
        return l2, clip_norm, activations, optimizer, hyper
