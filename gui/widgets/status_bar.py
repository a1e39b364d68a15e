"""Status bar read-out: step, epoch, train loss, test loss, accuracy, steps/s."""

from __future__ import annotations

import math

import numpy as np
from PySide6 import QtWidgets


def _fmt(value, digits: int = 4) -> str:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return "—"
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return "∞ (diverged)"
    return f"{value:.{digits}g}"


class TrainingStatus:
    """Permanent labels added to a QStatusBar."""

    #: Widest text of each field: labels get a fixed width, so a changing number does not
    #: relayout (and repaint) the whole status bar and window every frame during Play.
    TEMPLATES = {
        "step": "step 00000000", "epoch": "epoch 0000000", "train_loss": "train loss 0.00000e-00",
        "test_loss": "test loss 0.00000e-00", "accuracy": "accuracy 100.0 %",
        "speed": "000,000 steps/s",
    }
    FIELDS = tuple(TEMPLATES)

    def __init__(self, status_bar: QtWidgets.QStatusBar) -> None:
        self.labels: dict[str, QtWidgets.QLabel] = {}
        metrics = status_bar.fontMetrics()
        for name, template in self.TEMPLATES.items():
            label = QtWidgets.QLabel()
            label.setObjectName(f"status_{name}")
            label.setFixedWidth(metrics.horizontalAdvance(template) + 12)
            status_bar.addPermanentWidget(label)
            self.labels[name] = label
        self.values: dict[str, str] = {}

    def show_trainer(self, trainer, classification: bool, steps_per_second: float | None) -> None:
        """Read the trainer's counters and the last history entry."""
        arrays = trainer.history.arrays()
        last = {key: (values[-1] if len(values) else math.nan) for key, values in arrays.items()}
        accuracy = last.get("test_accuracy", math.nan) if classification else math.nan
        if classification and len(arrays.get("test_accuracy", ())) and np.isnan(accuracy):
            accuracy = last.get("train_accuracy", math.nan)
        self.values = {
            "step": f"step {trainer.step_count}",
            "epoch": f"epoch {trainer.epoch_count}",
            "train_loss": f"train loss {_fmt(last.get('train_loss'))}",
            "test_loss": f"test loss {_fmt(last.get('test_loss'))}",
            "accuracy": f"accuracy {_fmt(accuracy * 100, 3)} %" if classification and
            not math.isnan(accuracy) else "accuracy —",
            "speed": "paused" if steps_per_second is None else
            f"{steps_per_second:,.0f} steps/s",
        }
        for name, text in self.values.items():
            if self.labels[name].text() != text:
                self.labels[name].setText(text)
