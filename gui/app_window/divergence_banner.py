"""A visible banner shown when training diverges: at which step, why, and what to try.

The cause comes from ``core`` as a :class:`core.divergence.Divergence` record (a code, the
layer and the offending value); this module words it in the current language per code
(``gui.common.divergence_text.cause_text``) — nothing here reads or parses English. The advice
(:func:`divergence_advice`) is chosen from the code and the model's facts
(:class:`ModelFacts`: η, L2, clipping, hidden activations — none when there is no hidden
layer), passed in explicitly. Every text follows a language switch while shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, Signal

from core import divergence as codes
from core.divergence import Divergence
from core.optimizers import weight_decay_stability
from gui.common.display_names import display_names
from gui.common.i18n import manager, translate
from gui.common.divergence_text import cause_text, phase_text
from gui.common.number_format import number
from gui.panels.decay_warning import banner_advice

#: Unbounded ReLU-like hidden activations: a bounded one (tanh) can calm an explosion.
RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu", "gelu", "swish", "softplus"})
#: Hidden activations whose units can die: output 0 with f′ = 0 for every input.
DYING = frozenset({"relu"})

@dataclass(frozen=True)
class ModelFacts:
    """What the advice after a divergence depends on.

    learning_rate: η (> 0). l2: L2 rate λ (≥ 0). clip_norm: max global gradient norm, 0 = off,
    None = unknown. hidden_activations: one name per hidden layer — empty for a model without
    hidden layers (perceptron, linear or logistic regression). optimizer, hyper: the
    optimizer's name and hyperparameters (μ), for its ηλ stability bound.
    """

    learning_rate: float
    l2: float = 0.0
    clip_norm: float | None = None
    hidden_activations: tuple[str, ...] = ()
    optimizer: str = "sgd"
    hyper: Mapping = field(default_factory=dict)

    @classmethod
    def of_session(cls, session) -> ModelFacts:
        """The facts of a ``core.session.Session`` (its current settings)."""
        training = session.training
        return cls(float(training.learning_rate), float(training.l2),
                   float(training.clip_norm), tuple(session.network.activations_per_layer()),
                   training.optimizer, dict(training.optimizer_hyper()))


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


def divergence_advice(divergence: Divergence, facts: ModelFacts) -> list[str]:
    """What to try after ``divergence``, one translated sentence per suggestion.

    From the facts: lower η (with a concrete value); the optimizer's η·λ bound when η·λ reaches it (``core.optimizers.weight_decay_stability``); gradient
    clipping when it is off; a bounded activation only when a hidden layer uses a ReLU-family
    activation; always Rewind. From the code: after ``param_limit``, what the explosion means
    for this model — dead ReLU units (the loss can stay finite and flat) only when a hidden
    layer uses ReLU, too large steps when there is no hidden layer — never a remark about
    units the model does not have.
    """
    advice = []
    rate, l2 = facts.learning_rate, facts.l2
    target = suggested_learning_rate(rate, l2, facts.optimizer, facts.hyper)
    activations = set(facts.hidden_activations)
    if divergence.code == codes.PARAM_LIMIT:
        if not facts.hidden_activations:
            advice.append(translate(
                "DivergenceBanner", "This model has no hidden layer: its weights grew past "
                "the limit because the steps are too large for this data."))
        elif activations & DYING:
            advice.append(translate(
                "DivergenceBanner", "With exploding weights every ReLU unit can die (output 0 "
                "for every input): the loss then stays finite and flat, hiding the blow-up."))
    advice.append(translate("DivergenceBanner",
                            "Lower the learning rate: try η = {0} (now {1}).").format(
        number(target), number(rate)))
    limit = banner_advice(weight_decay_stability(facts.optimizer, rate, l2, facts.hyper),
                          rate, l2)
    if limit:
        advice.append(limit)
    if facts.clip_norm is not None and facts.clip_norm <= 0.0:
        advice.append(translate(
            "DivergenceBanner",
            "Turn on gradient clipping (e.g. max norm 1) to cap the step size."))
    relu_like = sorted(activations & RELU_FAMILY)
    if relu_like:
        advice.append(translate(
            "DivergenceBanner", "Use a bounded activation such as tanh instead of {0}.").format(
            display_names(relu_like)))
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

    def show_divergence(self, divergence: Divergence, facts: ModelFacts) -> None:
        """Show: 'Training diverged at step N (phase)' + the cause + advice fitted to the code
        and the model (``facts``)."""
        self._shown = (divergence, facts)
        self._render(divergence, facts)
        self.show()

    def _render(self, divergence: Divergence, facts: ModelFacts) -> None:
        self.title.setText(translate("DivergenceBanner", "⚠  Training diverged at step {0} ({1})")
                           .format(divergence.step, phase_text(divergence.phase)))
        cause = cause_text(divergence)
        cause = cause[:1].upper() + cause[1:]
        advice = divergence_advice(divergence, facts)
        self.message.setText(
            translate("DivergenceBanner",
                      "{0}. Playback stopped; the last finite weights were kept.").format(cause)
            + "\n" + "\n".join(f"• {line}" for line in advice))
        self.lower_button.setText(translate("DivergenceBanner", "Lower η ÷10 (→ {0})").format(
            number(facts.learning_rate / 10)))
