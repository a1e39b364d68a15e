"""Run a session headlessly, measure it, and check a lesson's claims (``expect.claims``).

Used by the headless CLI (``summary.json``) and by the lesson tests: every claim of every
built-in lesson must hold when it is trained for ``expect["steps"]`` steps from its start
(:mod:`core.lesson_claims` says what a claim is; its :data:`~core.lesson_claims.METRICS`
lists the names). How the less obvious metrics are measured (all plain floats/ints/bools;
NaN where undefined, e.g. accuracy for regression):

* ``train_loss``, ``test_loss``, ``train_accuracy``, ``test_accuracy`` — data loss (no penalty)
  and accuracy of the *final* parameters on the full training and test sets
  (``Trainer.evaluate``);
* ``first_layer_grad_ratio`` — ‖∂J/∂θ₁‖ / ‖∂J/∂θ_L‖ at the first step (the initial weights),
  first over last layer gradient norm, weights and biases together: ≪ 1 means vanishing
  gradients (Glorot & Bengio 2010; Goodfellow et al. 2016 §8.2.5). Measured at the start
  because once a deep sigmoid net outputs a constant, the last layer's gradient vanishes too;
* ``first_layer_weight_change`` — ‖W₁ − W₁⁽⁰⁾‖_F / ‖W₁⁽⁰⁾‖_F with W₁⁽⁰⁾ the first layer's
  weights at step 0 (from the trainer's snapshots; NaN once they no longer reach step 0);
* ``loss_increase_fraction`` — share of steps whose training loss is higher than the previous
  step's by more than a relative 1e-9 (rounding noise at convergence does not count): 0 for
  smooth full-batch descent, large for noisy SGD;
* ``train_loss_ratio`` — final training loss ÷ the training loss recorded at step 0;
* ``test_loss_rise`` — final test loss ÷ lowest test loss seen (> 1: the test loss went back up,
  the mark of overfitting); ``lowest_test_loss_step`` — the step count at which it was lowest;
* ``least_squares_error`` — for a linear model trained with mse, the largest absolute
  difference between (w, b) and the closed-form least-squares optimum (``np.linalg.lstsq``);
  ``hessian_condition`` and ``stable_learning_rate`` — λ_max/λ_min and 2/λ_max of that model's
  mse Hessian (``core.linear_models.mse_hessian``);
* ``majority_fraction`` — share of the most common class among the training points;
  ``predicted_classes`` — number of distinct classes the final network predicts for them;
* ``best_line_accuracy`` — ``core.linear_models.best_line_accuracy`` on the training points
  (2 inputs, 2 classes); costly, so measured only when asked for (``include``);
* ``hidden_space_separated`` — share of the training points on their class's side of the
  output's decision line, drawn in the last stage of the hidden-space view with its default
  projection (``core.hidden_space``; class 1 where the line's function is > 0); NaN without
  such a line (regression, three or more classes, non-finite numbers);
* ``validation_loss``, ``validation_accuracy`` — as the train and test ones, on the validation
  points (NaN without them); ``best_validation_step`` and ``validation_loss_rise`` — the
  trainer's best validation step (``core.early_stopping``) and the final validation loss ÷ its
  loss; ``stopped_early`` — ``Trainer.patience_exhausted``;
* ``test_precision``, ``test_recall`` — of class 1 on the test points at the decision
  ``threshold`` (p(class 1) > t; ``core.evaluation.split_metrics``, the metrics view's numbers;
  NaN unless two classes); ``test_positive_fraction`` — share of class 1 among them;
* ``attribution_class``, ``*_top``, ``shapley_top_share``,
  ``integrated_gradients_completeness`` — of the ``sample`` the inspector shows
  (``core.attribution_report.explain_sample``, the attribution view's numbers): the explained
  class, the feature index of the largest |attribution| per method, the largest |Shapley
  value|'s share of Σ|φ|, and |Σ IG − (f(x) − f(baseline))|; costly (``include``).
  ``sample_class`` — the selected sample's true class.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np

from core.attribution_report import explain_sample
from core.attributions import AttributionError
from core.evaluation import split_metrics, task_of
from core.hidden_space import hidden_space
from core.lesson_claims import COSTLY_METRICS, check_claims
from core.lesson_steps import StepOutcome, run_lesson_steps
from core.lessons import get_lesson, list_lessons, load_lesson
from core.linear_models import best_line_accuracy, least_squares, mse_hessian
from core.linear_systems import system_metrics
from core.metrics import DEFAULT_THRESHOLD
from core.selected_sample import shown_sample
from core.training import TrainingDiverged

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


def _class_labels(session, y: np.ndarray) -> np.ndarray | None:
    """Class labels (n,) of targets y as ``Trainer.evaluate`` counts them (int labels, or 0/1
    for one sigmoid unit), or None for regression."""
    if session.net.output_activation == "linear":
        return None
    if y.ndim == 1:
        return y
    return (y[:, 0] >= 0.5).astype(np.int64) if y.shape[1] == 1 else np.argmax(y, axis=1)


def _linear_metrics(session) -> dict[str, float]:
    """least_squares_error, hessian_condition, stable_learning_rate (NaN unless the network
    is one linear layer trained with mse on at least one point)."""
    net, X, y = session.net, session.X_train, session.y_train
    out = dict.fromkeys(("least_squares_error", "hessian_condition", "stable_learning_rate"),
                        math.nan)
    if net.n_layers != 1 or net.output_activation != "linear" or session.trainer.loss != "mse" \
            or X.shape[0] == 0 or net.layer_sizes[-1] != 1:
        return out
    w, b = least_squares(X, y)
    with np.errstate(over="ignore", invalid="ignore"):
        out["least_squares_error"] = float(max(np.max(np.abs(net.weights[0][0] - w)),
                                               abs(float(net.biases[0][0]) - b)))
    eigenvalues = np.linalg.eigvalsh(mse_hessian(X))
    out["hessian_condition"] = _ratio(float(eigenvalues[-1]), float(eigenvalues[0]))
    out["stable_learning_rate"] = _ratio(2.0, float(eigenvalues[-1]))
    return out


def _first_layer_change(session) -> float:
    steps, trajectory = session.trainer.trajectory()
    if steps.size == 0 or steps[0] != 0:
        return math.nan
    shape = session.net.weights[0].shape
    start = trajectory[0, :shape[0] * shape[1]]  # W₀ comes first in get_params()
    with np.errstate(over="ignore", invalid="ignore"):
        return _ratio(float(np.linalg.norm(session.net.weights[0].reshape(-1) - start)),
                      float(np.linalg.norm(start)))


def _class_metrics(session, include) -> dict[str, float]:
    """majority_fraction, predicted_classes, and best_line_accuracy if included."""
    out = dict.fromkeys(("majority_fraction", "predicted_classes", "best_line_accuracy"),
                        math.nan)
    labels = _class_labels(session, session.y_train)
    if labels is None or labels.size == 0:
        return out
    counts = np.unique(labels, return_counts=True)[1]
    out["majority_fraction"] = float(counts.max() / labels.size)
    with np.errstate(over="ignore", invalid="ignore"):
        output = session.net.forward(session.X_train).output
    if np.all(np.isfinite(output)):
        predicted = output[:, 0] >= 0.5 if output.shape[1] == 1 else np.argmax(output, axis=1)
        out["predicted_classes"] = int(np.unique(predicted).size)
    if "best_line_accuracy" in include and session.X_train.shape[1] == 2 \
            and session.n_classes == 2:
        out["best_line_accuracy"] = best_line_accuracy(session.X_train, labels)[0]
    return out


def _hidden_space_separated(session) -> float:
    """hidden_space_separated (see the module docstring)."""
    labels = _class_labels(session, session.y_train)
    if labels is None or labels.size == 0:
        return math.nan
    no_grid = np.empty((0, 2, session.X_train.shape[1]))
    space = hidden_space(session.net, no_grid, session.X_train)
    line = space.decision_line
    if space.status != "ok" or line.coefficients is None:
        return math.nan
    side = line.side(space.stages[-1].points_2d)
    return float(np.mean((side > 0) == (labels == 1)))


def _validation_metrics(session) -> dict[str, Any]:
    """n_validation, validation_loss/accuracy, best_validation_step, validation_loss_rise,
    stopped_early."""
    trainer = session.trainer
    X, y = session.X_validation, session.y_validation
    loss, accuracy = math.nan, math.nan
    if X.shape[0]:
        with np.errstate(over="ignore", invalid="ignore"):
            loss, accuracy = trainer.evaluate(X, y)
    best = trainer.best_validation
    return {"n_validation": int(X.shape[0]),
            "validation_loss": float(loss), "validation_accuracy": float(accuracy),
            "best_validation_step": math.nan if best is None else int(best.step),
            "validation_loss_rise": math.nan if best is None else _ratio(float(loss), best.loss),
            "stopped_early": bool(trainer.patience_exhausted)}


def _threshold_metrics(session, threshold: float) -> dict[str, float]:
    """test_precision, test_recall (class 1, at ``threshold``), test_positive_fraction."""
    out = dict.fromkeys(("test_precision", "test_recall", "test_positive_fraction"), math.nan)
    task, n_classes = task_of(session)
    if task != "classification" or n_classes != 2:
        return out
    with np.errstate(over="ignore", invalid="ignore"):
        report = split_metrics(session, threshold, splits=("test",))["test"]
    if report is None:
        return out
    matrix = np.asarray(report["confusion_matrix"])
    out["test_precision"] = float(report["precision"][1])
    out["test_recall"] = float(report["recall"][1])
    out["test_positive_fraction"] = float(matrix[1].sum() / matrix.sum())
    return out


def _top(values) -> int:
    return int(np.argmax(np.abs(np.asarray(values))))


def _attribution_metrics(session, include, sample: int | None) -> dict[str, Any]:
    """The attributions of the sample the inspector shows (see the module docstring)."""
    names = ("attribution_class", "gradient_x_input_top", "integrated_gradients_top",
             "shapley_top", "shapley_top_share", "integrated_gradients_completeness")
    out: dict[str, Any] = dict.fromkeys(names, math.nan)
    shown = shown_sample(session.trainer, sample)
    labels = _class_labels(session, session.y_train)
    out["sample_class"] = math.nan if shown is None or labels is None else int(labels[shown])
    if not set(names) & set(include):
        return out
    try:
        result = explain_sample(session, sample)
    except AttributionError:
        return out
    out["attribution_class"] = math.nan if result.k is None else int(result.k)
    out["gradient_x_input_top"] = _top(result.gradient_x_input)
    out["integrated_gradients_top"] = _top(result.ig.attributions)
    out["integrated_gradients_completeness"] = abs(float(result.ig.completeness_error))
    if result.shapley is not None:
        phi = np.abs(result.shapley.values)
        out["shapley_top"] = _top(phi)
        out["shapley_top_share"] = _ratio(float(phi.max()), float(phi.sum()))
    return out


def measure(session, include=(), *, threshold: float = DEFAULT_THRESHOLD,
            sample: int | None = None) -> dict[str, Any]:
    """The metrics of :data:`core.lesson_claims.METRICS` for the session's current state
    (see the module docstring), plus ``divergence`` (a dict, or None). Costly metrics
    (:data:`core.lesson_claims.COSTLY_METRICS`) are NaN unless named in ``include``.
    ``threshold`` (0–1) is the decision threshold of ``test_precision``/``test_recall``;
    ``sample`` the selected training sample (None: the inspector's default,
    ``core.selected_sample.shown_sample``)."""
    trainer, net = session.trainer, session.net
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging run's huge weights
        train_loss, train_accuracy = trainer.evaluate(session.X_train, session.y_train)
        test_loss, test_accuracy = trainer.evaluate(session.X_test, session.y_test)
    history = trainer.history.arrays()
    losses = history["train_loss"]
    finite = losses[np.isfinite(losses)]
    increase = (float(np.mean(np.diff(finite) > _NOISE * np.abs(finite[:-1])))
                if finite.size > 1 else math.nan)
    started = history["step"].size > 0 and history["step"][0] == 0
    start_loss = float(losses[0]) if started else math.nan
    test_history = history["test_loss"]
    test_steps = np.append(history["step"], trainer.step_count)
    test_losses = np.append(test_history, test_loss)
    test_finite = np.isfinite(test_losses)
    lowest, lowest_step = math.nan, math.nan
    if test_finite.any():
        k = int(np.argmin(np.where(test_finite, test_losses, np.inf)))
        lowest, lowest_step = float(test_losses[k]), int(test_steps[k])
    norms = trainer.grad_norm_history.arrays()["norms"]
    ratio = _ratio(float(norms[0, 0]), float(norms[0, -1])) if norms.shape[0] else math.nan
    divergence = trainer.divergence
    return {
        "steps": int(trainer.step_count),
        "epochs": int(trainer.epoch_count),
        "train_loss": float(train_loss), "test_loss": float(test_loss),
        "train_accuracy": float(train_accuracy), "test_accuracy": float(test_accuracy),
        "diverged": divergence is not None,
        "divergence": None if divergence is None else divergence.to_dict(),
        "divergence_step": math.nan if divergence is None else int(divergence.step),
        "n_train": int(session.X_train.shape[0]),
        "n_parameters": int(net.n_params),
        **_class_metrics(session, include),
        "hidden_space_separated": _hidden_space_separated(session),
        "first_layer_grad_ratio": ratio,
        "first_layer_weight_change": _first_layer_change(session),
        "loss_increase_fraction": increase,
        "train_loss_ratio": _ratio(float(train_loss), start_loss),
        "test_loss_rise": _ratio(float(test_loss), lowest),
        "lowest_test_loss_step": lowest_step,
        **_linear_metrics(session),
        **_validation_metrics(session),
        **_threshold_metrics(session, threshold),
        **_attribution_metrics(session, include, sample),
        **system_metrics(None),  # a lesson step's linear system: core.lesson_steps sets them
    }


def _costly_claimed(lesson_id: str) -> tuple[str, ...]:
    """The costly metrics any lesson's claims ask of lesson ``lesson_id``'s run."""
    wanted = set()
    for lesson in list_lessons():
        for claim in lesson.expect["claims"]:
            if claim.get("lesson", lesson.id) == lesson_id or claim.get("than") == lesson_id:
                wanted.add(claim["metric"])
    return tuple(sorted(wanted & set(COSTLY_METRICS)))


@functools.lru_cache(maxsize=32)
def _lesson_metrics(lesson_id: str, steps: int, include: tuple[str, ...]
                    ) -> tuple[tuple[str, Any], ...]:
    session = load_lesson(lesson_id)
    train(session, steps)
    return tuple(measure(session, include).items())


def lesson_metrics(lesson_id: str, steps: int | None = None) -> dict[str, Any]:
    """Metrics of a lesson trained from its start for ``steps`` (default: its expect.steps),
    with the costly metrics its claims (or other lessons' claims about it) ask for.
    Cached per (id, steps) within the process, since runs are deterministic."""
    lesson = get_lesson(lesson_id)
    steps = lesson.expect["steps"] if steps is None else steps
    return dict(_lesson_metrics(lesson_id, steps, _costly_claimed(lesson_id)))


def check_expectations(expect: dict[str, Any], metrics: dict[str, Any]) -> list[str]:
    """Check an ``expect`` block's claims against ``metrics`` (another lesson's run, for
    ``lesson``/``than``, comes from :func:`lesson_metrics`, cached); one sentence per claim
    that does not hold, empty when all hold."""
    return check_claims(expect["claims"], metrics, lesson_metrics)


def run_lesson(lesson_id: str) -> tuple[dict[str, Any], list[str]]:
    """Train lesson ``lesson_id`` for its expect.steps; returns (metrics, unmet claims)."""
    lesson = get_lesson(lesson_id)
    metrics = lesson_metrics(lesson_id)
    return metrics, check_expectations(lesson.expect, metrics)


def costly_metrics_for(expect: dict[str, Any]) -> tuple[str, ...]:
    """The costly metrics an ``expect`` block's own claims need (for :func:`measure`)."""
    own = {c["metric"] for c in expect["claims"] if "lesson" not in c}
    return tuple(sorted(own & set(COSTLY_METRICS)))


@functools.lru_cache(maxsize=32)
def _step_outcomes(lesson_id: str) -> tuple[StepOutcome, ...]:
    return tuple(run_lesson_steps(get_lesson(lesson_id), measure, lesson_metrics, load_lesson))


def lesson_step_outcomes(lesson_id: str) -> list[StepOutcome]:
    """Every guided step of lesson ``lesson_id`` run once from its start
    (:func:`core.lesson_steps.run_lesson_steps`): per step the step count, the metrics after its
    action, the right answers of its question and its unmet claims. Cached per id within the
    process (runs are deterministic); the outcomes are shared, do not change them."""
    return list(_step_outcomes(lesson_id))
