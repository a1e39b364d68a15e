"""Run a session headlessly, measure it, and check a lesson's stated outcome (``expect``).

Used by the headless CLI (``summary.json``) and by the lesson tests: every built-in lesson must
reach what its ``expect`` block says when trained for ``expect["steps"]`` steps.

Metrics (all plain floats/ints/bools; NaN where undefined, e.g. accuracy for regression):

* ``train_loss``, ``test_loss``, ``train_accuracy``, ``test_accuracy`` — data loss (no penalty)
  and accuracy of the *final* parameters on the full training and test sets
  (``Trainer.evaluate``);
* ``steps`` — steps taken; ``diverged`` — training stopped on a non-finite value;
* ``first_layer_grad_ratio`` — ‖∂J/∂θ₁‖ / ‖∂J/∂θ_L‖ at the first step (the initial weights),
  first over last layer gradient norm, weights and biases together: ≪ 1 means vanishing
  gradients (Glorot & Bengio 2010; Goodfellow et al. 2016 §8.2.5). Measured at the start
  because once a deep sigmoid net outputs a constant, the last layer's gradient vanishes too;
* ``loss_increase_fraction`` — share of steps whose training loss is higher than the previous
  step's by more than a relative 1e-9 (rounding noise at convergence does not count): 0 for
  smooth full-batch descent, large for noisy SGD;
* ``test_loss_rise`` — final test loss ÷ lowest test loss seen (> 1: the test loss went back up,
  the mark of overfitting);
* ``least_squares_error`` — for a linear model trained with mse, the largest absolute
  difference between (w, b) and the closed-form least-squares optimum (``np.linalg.lstsq``).
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np

from core.lessons import get_lesson, load_lesson
from core.linear_models import least_squares
from core.training import TrainingDiverged

_MIN_MAX = {  # expect key → (metric, "min" or "max")
    "train_accuracy_min": ("train_accuracy", "min"),
    "train_accuracy_max": ("train_accuracy", "max"),
    "test_accuracy_min": ("test_accuracy", "min"), "test_accuracy_max": ("test_accuracy", "max"),
    "train_loss_max": ("train_loss", "max"), "test_loss_max": ("test_loss", "max"),
    "matches_least_squares": ("least_squares_error", "max"),
    "first_layer_grad_ratio_max": ("first_layer_grad_ratio", "max"),
    "first_layer_grad_ratio_min": ("first_layer_grad_ratio", "min"),
    "loss_increase_fraction_min": ("loss_increase_fraction", "min"),
    "loss_increase_fraction_max": ("loss_increase_fraction", "max"),
    "test_loss_rise_min": ("test_loss_rise", "min"),
}
_HIGHER_IS_BETTER = {"train_accuracy", "test_accuracy"}
_NOISE = 1e-9


def train(session, steps: int) -> int:
    """Run up to ``steps`` training steps; stop early if training diverges. Returns the number
    of steps taken. Raises ValueError for a negative ``steps`` and whatever the trainer raises
    besides divergence (e.g. ``EmptyTrainingSet``, a ValueError)."""
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0, got {steps!r}")
    trainer = session.trainer
    if trainer.divergence is not None:
        return 0
    taken = 0
    for _ in range(steps):
        try:
            trainer.step()
        except TrainingDiverged:
            break
        taken += 1
    return taken


def _ratio(numerator: float, denominator: float) -> float:
    if not (math.isfinite(numerator) and math.isfinite(denominator)) or denominator <= 0:
        return math.nan
    return numerator / denominator


def measure(session) -> dict[str, Any]:
    """The metrics listed in the module docstring for the session's current state."""
    trainer, net = session.trainer, session.net
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run's huge weights
        train_loss, train_accuracy = trainer.evaluate(session.X_train, session.y_train)
        test_loss, test_accuracy = trainer.evaluate(session.X_test, session.y_test)
    history = trainer.history.arrays()
    losses = history["train_loss"]
    finite = losses[np.isfinite(losses)]
    increase = (float(np.mean(np.diff(finite) > _NOISE * np.abs(finite[:-1])))
                if finite.size > 1 else math.nan)
    test_losses = history["test_loss"][np.isfinite(history["test_loss"])]
    lowest = float(min(test_losses.min(), test_loss)) if test_losses.size else math.nan
    norms = trainer.grad_norm_history.arrays()["norms"]
    ratio = _ratio(float(norms[0, 0]), float(norms[0, -1])) if norms.shape[0] else math.nan
    lstsq_error = math.nan
    if net.n_layers == 1 and net.output_activation == "linear" and trainer.loss == "mse" \
            and session.X_train.shape[0] > 0:
        w, b = least_squares(session.X_train, session.y_train)
        lstsq_error = float(max(np.max(np.abs(net.weights[0][0] - w)),
                                abs(float(net.biases[0][0]) - b)))
    return {
        "steps": int(trainer.step_count),
        "epochs": int(trainer.epoch_count),
        "train_loss": float(train_loss), "test_loss": float(test_loss),
        "train_accuracy": float(train_accuracy), "test_accuracy": float(test_accuracy),
        "diverged": trainer.divergence is not None,
        "divergence": None if trainer.divergence is None else trainer.divergence.to_dict(),
        "first_layer_grad_ratio": ratio,
        "loss_increase_fraction": increase,
        "test_loss_rise": _ratio(float(test_loss), lowest),
        "least_squares_error": lstsq_error,
    }


@functools.lru_cache(maxsize=32)
def _lesson_metrics(lesson_id: str, steps: int) -> tuple[tuple[str, Any], ...]:
    session = load_lesson(lesson_id)
    train(session, steps)
    return tuple(measure(session).items())


def lesson_metrics(lesson_id: str, steps: int | None = None) -> dict[str, Any]:
    """Metrics of a lesson trained from its start for ``steps`` (default: its expect.steps).
    Cached per (id, steps) within the process, since runs are deterministic."""
    lesson = get_lesson(lesson_id)
    return dict(_lesson_metrics(lesson_id, lesson.expect["steps"] if steps is None else steps))


def check_expectations(expect: dict[str, Any], metrics: dict[str, Any]) -> list[str]:
    """Compare ``metrics`` with an ``expect`` block; returns one sentence per unmet
    expectation (empty when all hold). ``better_than`` runs the other lesson (cached)."""
    failures = []
    for key, wanted in expect.items():
        if key == "steps":
            continue
        if key == "diverged":
            if metrics["diverged"] != wanted:
                failures.append(f"expected diverged={wanted}, got {metrics['diverged']}")
        elif key == "better_than":
            metric = wanted["metric"]
            other = lesson_metrics(wanted["lesson"])[metric]
            mine = metrics[metric]
            better = mine > other if metric in _HIGHER_IS_BETTER else mine < other
            if not better:
                failures.append(f"expected {metric} better than lesson {wanted['lesson']!r} "
                                f"({other:.6g}), got {mine:.6g}")
        else:
            metric, side = _MIN_MAX[key]
            value = metrics[metric]
            ok = math.isfinite(value) and (value >= wanted if side == "min" else value <= wanted)
            if not ok:
                relation = "≥" if side == "min" else "≤"
                failures.append(f"expected {metric} {relation} {wanted:g}, got {value:.6g}")
    return failures


def run_lesson(lesson_id: str) -> tuple[dict[str, Any], list[str]]:
    """Train lesson ``lesson_id`` for its expect.steps; returns (metrics, unmet expectations)."""
    lesson = get_lesson(lesson_id)
    metrics = lesson_metrics(lesson_id)
    return metrics, check_expectations(lesson.expect, metrics)
