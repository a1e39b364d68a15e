"""Health warnings for the network diagram: dead ReLU units, saturated units, exploding gradients.

Pure NumPy on the engine's own arrays (Qt only translates the texts), so the rules are easy to
test:

- **Dead ReLU**: a ReLU unit whose activation is exactly 0 on every training point. Its
  derivative f′(z) = 0 there too (PyTorch convention f′(0) = 0), so δ = 0 and its incoming
  weights and bias never change again: gradient descent cannot revive it.
- **Saturated sigmoid/tanh**: |z| > 4 on more than 90% of the training points. There
  σ′(z) < 0.018 and tanh′(z) < 0.0014, so almost no gradient flows through the unit
  (the vanishing-gradient problem, Glorot & Bengio 2010 §4).
- **Exploding gradients**: a layer's gradient norm grew more than 1000× since the previous
  step (Pascanu et al. 2013 §3): the next update is likely to overshoot; lower the learning
  rate or turn on gradient clipping.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from gui.common.display_names import display_name
from gui.common.number_format import fixed, number

translate = QCoreApplication.translate
SATURATION_Z = 4.0
SATURATED_FRACTION = 0.9
EXPLODING_RATIO = 1e3
SATURATING = ("sigmoid", "tanh")


@dataclass(frozen=True)
class UnitWarning:
    """One warning. ``kind`` is "dead_relu", "saturated" or "exploding".

    For units, ``layer`` is the hidden weight layer l (0-based, ``net.weights[l]`` feeds it, its
    activation is ``activations[l + 1]``) and ``unit`` the row; for "exploding" ``unit`` is -1
    and ``layer`` is the weight layer whose gradient norm jumped. ``text`` explains it.
    """

    kind: str
    layer: int
    unit: int
    text: str


def unit_warnings(pre_activations, activations, hidden_activations) -> list[UnitWarning]:
    """Dead-ReLU and saturation warnings from a forward pass over the training set.

    pre_activations, activations: the lists of ``MLP.forward(X_train)`` (evaluation mode);
    hidden_activations: ``net.hidden_activations`` (one name per hidden layer). Units of the
    output layer are not checked (their saturation is the loss's business). An empty training
    set gives no warnings.
    """
    warnings: list[UnitWarning] = []
    for l, name in enumerate(hidden_activations):
        z = pre_activations[l]
        n = z.shape[0]
        if n == 0:
            return []
        if name == "relu":
            dead = ~np.any(activations[l + 1] != 0.0, axis=0)
            for unit in np.flatnonzero(dead):
                warnings.append(UnitWarning("dead_relu", l, int(unit), translate(
                    "UnitHealth", "Dead ReLU: this unit outputs 0 on all {0} training points, "
                    "so f′(z) = 0, δ = 0 and its weights and bias get no gradient — it cannot "
                    "recover. Its largest z is {1}. Try a smaller learning rate, He "
                    "initialization or leaky ReLU.").format(n, number(z[:, unit].max(), 3))))
        elif name in SATURATING:
            fraction = np.count_nonzero(np.abs(z) > SATURATION_Z, axis=0) / n
            for unit in np.flatnonzero(fraction > SATURATED_FRACTION):
                slope = "σ′(z) < 0.018" if name == "sigmoid" else "tanh′(z) < 0.0014"
                warnings.append(UnitWarning("saturated", l, int(unit), translate(
                    "UnitHealth", "Saturated {0}: |z| > {1} on {2}% of the training points, "
                    "where {3}: almost no gradient flows through this unit (vanishing "
                    "gradients). Try standardized inputs, smaller initial weights or a smaller "
                    "learning rate.").format(display_name(name), number(SATURATION_Z),
                                             fixed(100 * fraction[unit], 0), slope)))
    return warnings


def exploding_layers(previous_norms, current_norms) -> list[UnitWarning]:
    """Layers whose gradient norm grew more than EXPLODING_RATIO× between two steps.

    previous_norms, current_norms: (L,) per-layer norms (``Gradients.per_layer_norms()`` or rows
    of ``trainer.grad_norm_history``); None or a shape mismatch gives no warnings, and a
    previous norm of 0 none either (no ratio is defined).
    """
    if previous_norms is None or current_norms is None:
        return []
    previous = np.asarray(previous_norms, dtype=np.float64).reshape(-1)
    current = np.asarray(current_norms, dtype=np.float64).reshape(-1)
    if previous.shape != current.shape:
        return []
    warnings = []
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(previous > 0, current / previous, 0.0)
    for l in np.flatnonzero(ratio > EXPLODING_RATIO):
        warnings.append(UnitWarning("exploding", int(l), -1, translate(
            "UnitHealth", "Exploding gradient in layer {0}: ‖∂J/∂θ‖ went from {1} to {2} in "
            "one step (more than {3}×). The next update may overshoot and diverge: lower the "
            "learning rate or turn on gradient clipping.").format(
                l + 1, number(previous[l], 3), number(current[l], 3), number(EXPLODING_RATIO))))
    return warnings


def latest_norm_pair(trainer) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(previous, current) per-layer gradient norms of the trainer's last two gradients.

    In the backward phase the current norms are those just computed (``last_gradients``) and
    the previous ones the last history row; otherwise the last two history rows.
    """
    history = trainer.grad_norm_history
    values = history.values() if len(history) else np.empty((0, trainer.net.n_layers))
    gradients = getattr(trainer, "last_gradients", None)
    if trainer.phase == "backward" and gradients is not None:
        current = gradients.per_layer_norms()
        return (values[-1] if len(values) else None), current
    if len(values) >= 2:
        return values[-2], values[-1]
    return None, None
