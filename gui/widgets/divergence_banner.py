"""A visible banner shown when training diverges: at which step, why, and what to try."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, Signal

#: Unbounded ReLU-like hidden activations: a bounded one (tanh) can calm an explosion.
RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu", "gelu", "swish", "softplus"})


def suggested_learning_rate(learning_rate: float, l2: float = 0.0) -> float:
    """η/10, lowered further to 1/λ if needed so that η·λ < 2 (L2 weight decay
    W ← (1 − ηλ)W − η∇J is only contracting for ηλ < 2)."""
    rate = learning_rate / 10.0
    if l2 > 0.0:
        rate = min(rate, 1.0 / l2)
    return rate


def divergence_advice(learning_rate: float, l2: float = 0.0, clip_norm: float | None = None,
                      activations: Iterable[str] | None = None) -> list[str]:
    """What to try after a divergence, from the settings actually in use.

    Args:
        learning_rate: current η (> 0). l2: L2 rate λ (≥ 0). clip_norm: max global gradient
        norm, 0 = off, None = unknown. activations: hidden activation names, None = unknown.

    Returns one sentence per suggestion: lower η (with a concrete value), the η·λ < 2 rule
    when η·λ ≥ 2, gradient clipping when it is off, a bounded activation only when a
    ReLU-family activation is in use, and always Rewind.
    """
    advice = []
    target = suggested_learning_rate(learning_rate, l2)
    advice.append(f"Lower the learning rate: try η = {target:g} (now {learning_rate:g}).")
    product = learning_rate * l2
    if product >= 2.0:
        advice.append(
            f"With L2 weight decay, η·λ must stay below 2 (now {learning_rate:g} × {l2:g} = "
            f"{product:g}): lower η below {2.0 / l2:g} or reduce the L2 rate.")
    if clip_norm is not None and clip_norm <= 0.0:
        advice.append("Turn on gradient clipping (e.g. max norm 1) to cap the step size.")
    relu_like = sorted(set(activations or ()) & RELU_FAMILY)
    if relu_like:
        advice.append(f"Use a bounded activation such as tanh instead of {', '.join(relu_like)}.")
    advice.append("Rewind a few steps (←) to go back to weights before the blow-up.")
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
        self.rewind_button = QtWidgets.QPushButton("Rewind")
        self.rewind_button.setToolTip("Go back one more step (←)")
        self.lower_button = QtWidgets.QPushButton("Lower η ÷10")
        self.lower_button.setToolTip("Divide the learning rate by 10 (keeps the weights)")
        self.reset_button = QtWidgets.QPushButton("Reset")
        self.reset_button.setToolTip("Re-initialize the network from its seed (R)")
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Hide this message")
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
        self.hide()

    def show_divergence(self, step: int, phase: str, cause: str, learning_rate: float, *,
                        l2: float | None = None, clip_norm: float | None = None,
                        activations: Iterable[str] | None = None) -> None:
        """Show: 'Training diverged at step N' + cause + advice fitted to the settings.

        Settings not passed are read from the main window's controller session if there is
        one (``self.window().controller.session``); otherwise that advice is left out.
        """
        l2, clip_norm, activations = self._fill_settings(l2, clip_norm, activations)
        self.title.setText(f"⚠  Training diverged at step {step} ({phase})")
        cause = cause[:1].upper() + cause[1:]
        advice = divergence_advice(learning_rate, l2 or 0.0, clip_norm, activations)
        self.message.setText(
            f"{cause}. Playback stopped; the last finite weights were kept.\n"
            + "\n".join(f"• {line}" for line in advice))
        self.lower_button.setText(f"Lower η ÷10 (→ {learning_rate / 10:g})")
        self.show()

    def _fill_settings(self, l2, clip_norm, activations):
        session = getattr(getattr(self.window(), "controller", None), "session", None)
        if session is None:
            return l2, clip_norm, activations
        if l2 is None:
            l2 = session.training.l2
        if clip_norm is None:
            clip_norm = session.training.clip_norm
        if activations is None:
            activations = session.network.activations_per_layer()
        return l2, clip_norm, activations
