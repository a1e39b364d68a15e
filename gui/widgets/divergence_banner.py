"""A visible banner shown when training diverges: at which step, why, and what to try."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, Signal


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

    def show_divergence(self, step: int, phase: str, cause: str, learning_rate: float) -> None:
        """Show: 'Training diverged at step N' + cause + what to try."""
        self.title.setText(f"⚠  Training diverged at step {step} ({phase})")
        cause = cause[:1].upper() + cause[1:]
        self.message.setText(
            f"{cause}. Playback stopped; the last finite weights were kept.\n"
            f"Try a lower learning rate (η = {learning_rate:g} now), rewind a few steps, "
            "clip gradients, or use a smoother activation (tanh)."
        )
        self.show()
