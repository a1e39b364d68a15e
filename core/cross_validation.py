"""k-fold cross-validation of a session's current settings — pure NumPy, no Qt.

**k-fold cross-validation** (Hastie, Tibshirani & Friedman, *The Elements of Statistical
Learning*, 2nd ed., §7.10): the rows are cut into k roughly equal folds; for each fold f the
model is trained on the other k − 1 folds and validated on fold f, and the k validation
results are averaged. Here the rows are the session's training **and** validation points (the
test points are left alone), and every fold trains a fresh copy of the current network **from
the same initial weights** (``Trainer.initial_network_state``) with the same training
settings for the same number of steps, so the folds differ only in their data.

**Stratification** (classification; ESL §7.10 and Kohavi 1995, "A study of cross-validation
and bootstrap for accuracy estimation and model selection"): every fold keeps each class's
proportion to within one sample — a class with n_c rows has ⌊n_c/k⌋ or ⌈n_c/k⌉ of them in every
fold — and the fold sizes differ by at most one. Regression folds are a shuffled cut into
equal folds (sizes differ by at most one).

**Preparation per fold:** each fold's data goes through the session's own pipeline
(``core.session.Session``: features, then standardization fitted on the fold's *training*
rows, so the held-out fold never leaks into the preparation), with the held-out fold as the
trainer's validation set. Its per-step losses are the trainer's own history
(:func:`fold_losses`), its final metrics those of ``summary.json``
(``core.evaluation.split_metrics`` → ``core.metrics.metrics_report``: one rule).

**Summary over folds:** the mean and the sample standard deviation (ddof = 1, as ESL §7.10's
standard error of the CV estimate uses) per step and of every final metric (element-wise for
lists such as per-class F1 and the confusion matrix). A fold that diverged keeps NaN losses
from the step of divergence on, and its final accuracy and metrics are NaN (undefined: it has no
weights at the last step), so the mean and std there are NaN too (honest, never a mean over
fewer folds).

Bad input raises :class:`CrossValidationError` (a ValueError with a ``code`` from
:data:`CV_MESSAGES` and the numbers its message cites), so the GUI words it per code.
Deterministic for a seed: the folds come from ``np.random.default_rng(seed)``, and training
uses the session's batch seed and initial network state.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.datasets import TEST, TRAIN, VALIDATION, PointSet
from core.evaluation import split_metrics
from core.loss_surface import Cancelled
from core.training import Trainer, TrainingDiverged

__all__ = ["K_MIN", "K_MAX", "K_DEFAULT", "CV_MESSAGES", "CrossValidationError",
           "CrossValidationResult", "stratified_folds", "run_cross_validation", "fold_losses",
           "CV_NAME", "Cancelled"]

K_MIN, K_MAX, K_DEFAULT = 2, 10, 5
CV_NAME = "cv.json"
"""File name of :meth:`CrossValidationResult.to_json` in a headless export folder."""

#: English message per error code ({names} filled from the error's ``values``).
CV_MESSAGES = {
    "k_out_of_range": "k must be a whole number from {k_min} to {k_max}, got {k}",
    "class_too_small": "k = {k} folds need at least {k} points of every class, but class "
                       "{label} has only {count} training and validation points",
    "too_few_rows": "k = {k} folds need at least {k} training and validation points, "
                    "there are {count}",
    "bad_steps": "steps must be a whole number of at least 1, got {steps}",
}


class CrossValidationError(ValueError):
    """Cross-validation cannot run. ``code``: a key of :data:`CV_MESSAGES`; ``values``: the
    numbers its message cites (``k``, ``label``, ``count``, …); ``str()``: the English
    sentence (command line, logs)."""

    def __init__(self, code: str, **values) -> None:
        self.code = code
        self.values = values
        super().__init__(CV_MESSAGES[code].format(**values))


def _check_k(k) -> int:
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not K_MIN <= k <= K_MAX:
        raise CrossValidationError("k_out_of_range", k=k, k_min=K_MIN, k_max=K_MAX)
    return int(k)


def stratified_folds(labels, k: int, seed: int = 0, n: int | None = None) -> list[np.ndarray]:
    """Cut rows 0..n−1 into k folds; returns k increasing int64 arrays of row positions,
    disjoint and together covering every row.

    ``labels``: (n,) int class labels (classification: stratified, see the module
    docstring), or None for regression (a shuffled cut into equal folds; then ``n`` must be
    given). ``k``: 2..10. ``seed``: seed of ``np.random.default_rng``.

    Method: one random permutation; for classification it is stably sorted by label (each
    class in random order, class after class), then position j of that order goes to fold
    j mod k — so each class is dealt round-robin (⌊n_c/k⌋ or ⌈n_c/k⌉ per fold) and the fold
    sizes differ by at most one.

    Raises :class:`CrossValidationError`: ``k_out_of_range``; ``class_too_small`` when a
    class present in ``labels`` has fewer than k rows (naming the first such class and its
    count); ``too_few_rows`` when n < k.
    """
    k = _check_k(k)
    if labels is not None:
        labels = np.asarray(labels).reshape(-1).astype(np.int64)
        n = labels.size
        classes, counts = np.unique(labels, return_counts=True)
        for label, count in zip(classes.tolist(), counts.tolist(), strict=True):
            if count < k:
                raise CrossValidationError("class_too_small", k=k, label=label, count=count)
    if n is None:
        raise ValueError("give the number of rows n for regression (labels None)")
    if n < k:
        raise CrossValidationError("too_few_rows", k=k, count=int(n))
    order = np.random.default_rng(seed).permutation(n)
    if labels is not None:
        order = order[np.argsort(labels[order], kind="stable")]
    fold_of = np.empty(n, dtype=np.int64)
    fold_of[order] = np.arange(n) % k
    return [np.flatnonzero(fold_of == f) for f in range(k)]


def fold_losses(trainer: Trainer, steps: int) -> tuple[np.ndarray, np.ndarray, float]:
    """(train_loss (steps+1,), val_loss (steps+1,), final validation accuracy) of a fold's
    trainer, indexed by step 0..``steps`` (NaN at steps the history does not hold, e.g. after
    a divergence). Losses are the data losses on the full training folds and the held-out
    fold (``core.history.HISTORY_COLUMNS`` train_loss and validation_loss); the accuracy is
    the newest row's validation_accuracy (NaN for regression). The one place that reads the
    history for cross-validation."""
    arrays = trainer.history.arrays()
    train, val = np.full(steps + 1, np.nan), np.full(steps + 1, np.nan)
    at = arrays["step"]
    keep = at <= steps
    train[at[keep]] = arrays["train_loss"][keep]
    val[at[keep]] = arrays["validation_loss"][keep]
    last = trainer.history.last_row() or {}
    return train, val, float(last.get("validation_accuracy", np.nan))


def _undefined_like(value):
    """``value`` (a number, or nested dicts and lists of numbers) with every number NaN: the
    final metrics of a fold that diverged before its last step."""
    if isinstance(value, dict):
        return {key: _undefined_like(v) for key, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_undefined_like(v) for v in value]
    return math.nan


def _mean_std(values: list) -> tuple:
    """Element-wise (mean, sample std) over folds of equal-shaped numbers or nested lists;
    dicts key by key."""
    if isinstance(values[0], dict):
        pairs = {key: _mean_std([v[key] for v in values]) for key in values[0]}
        return ({key: m for key, (m, _) in pairs.items()},
                {key: s for key, (_, s) in pairs.items()})
    array = np.asarray(values, dtype=np.float64)
    mean, std = array.mean(axis=0), array.std(axis=0, ddof=1)
    return (mean.tolist(), std.tolist()) if mean.ndim else (float(mean), float(std))


@dataclass
class CrossValidationResult:
    """Everything a cross-validation run computed.

    ``folds``: k increasing int64 arrays of row indices into ``session.points`` (disjoint,
    covering the training and validation points). ``train_loss``, ``val_loss``: (k, steps+1)
    float64, fold f's data loss at step t on its training folds and its held-out fold.
    ``val_accuracy``: (k,) float64 final held-out accuracy (NaN for regression).
    ``metrics``: k dicts, ``core.metrics.metrics_report`` of each held-out fold with the final
    parameters. ``diverged``: per fold the step at which training diverged, or None.
    ``mean``, ``std``: {"train_loss": (steps+1,), "val_loss": (steps+1,), "val_accuracy",
    "metrics"} over the folds (module docstring).
    """

    k: int
    steps: int
    seed: int
    task: str
    n_classes: int
    folds: list[np.ndarray]
    train_loss: np.ndarray
    val_loss: np.ndarray
    val_accuracy: np.ndarray
    metrics: list[dict]
    diverged: list[int | None]
    mean: dict = field(default_factory=dict)
    std: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """Plain data for ``cv.json``: ``k``, ``steps``, ``seed``, ``task``, ``n_classes``,
        ``folds`` (lists of row indices into the scene's points), ``fold_results`` (per fold
        ``train_loss`` and ``val_loss`` lists indexed by step, ``val_accuracy``, ``metrics``,
        ``diverged_at``), ``mean`` and ``std`` (same keys as a fold result, without
        ``diverged_at``). Floats may be NaN (undefined); a strict-JSON writer encodes them
        (``core.headless`` writes null)."""
        def accuracy(value):
            return None if self.task == "regression" else float(value)

        results = [{"train_loss": self.train_loss[f].tolist(),
                    "val_loss": self.val_loss[f].tolist(),
                    "val_accuracy": accuracy(self.val_accuracy[f]),
                    "metrics": self.metrics[f], "diverged_at": self.diverged[f]}
                   for f in range(self.k)]

        def summary(d):
            return {"train_loss": np.asarray(d["train_loss"]).tolist(),
                    "val_loss": np.asarray(d["val_loss"]).tolist(),
                    "val_accuracy": (None if self.task == "regression"
                                     else float(d["val_accuracy"])),
                    "metrics": d["metrics"]}

        return {"k": self.k, "steps": self.steps, "seed": self.seed, "task": self.task,
                "n_classes": self.n_classes, "folds": [f.tolist() for f in self.folds],
                "fold_results": results, "mean": summary(self.mean),
                "std": summary(self.std)}


def _fold_session(session, rows: np.ndarray, fold_rows: np.ndarray, steps: int):
    """A Session on the same points with ``fold_rows`` as validation, the other CV ``rows``
    as training points (test points kept as test), trained by a fresh Trainer from the
    current network's initial state."""
    from core.session import Session  # core.session imports the trainer; keep imports light

    points = session.points
    split = np.full(len(points), TEST, dtype=np.int8)
    split[rows] = TRAIN
    split[fold_rows] = VALIDATION
    fold_points = PointSet(points.X, points.y, points.task, dim=points.dim, split=split)
    fold = Session(session.data, session.network, session.training, fold_points,
                   class_names=session.class_names, feature_names=session.feature_names,
                   snapshot_capacity=1)
    net = fold.net
    params, rng_state = session.trainer.initial_network_state()
    net.set_params(params)
    net.rng.bit_generator.state = rng_state
    fold.trainer = Trainer(net, fold.loss, fold.X_train, fold.y_train,
                           X_validation=fold.X_validation, y_validation=fold.y_validation,
                           settings=session.training, snapshot_capacity=1,
                           history_capacity=max(20_000, steps + 8))
    return fold


def cv_rows(session) -> np.ndarray:
    """(n,) increasing int64 indices into ``session.points`` of the rows cross-validation
    uses: the training and validation points."""
    return np.union1d(session.train_indices, session.validation_indices).astype(np.int64)


def make_folds(session, k: int, seed: int) -> list[np.ndarray]:
    """The k folds of ``session`` as row indices into ``session.points``
    (:func:`stratified_folds` of the training and validation points; stratified by class for
    classification). Raises :class:`CrossValidationError` as that function does."""
    rows = cv_rows(session)
    if session.points.task == "regression":
        positions = stratified_folds(None, k, seed, n=len(rows))
    else:
        positions = stratified_folds(session.points.y[rows], k, seed)
    return [rows[p] for p in positions]


def run_cross_validation(session, k: int = K_DEFAULT, steps: int = 200, seed: int | None = None,
                         progress: Callable[[int, int], object] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> CrossValidationResult:
    """k-fold cross-validation of ``session``'s current settings (module docstring).

    ``session``: a ``core.session.Session`` (not changed). ``k``: 2..10. ``steps``: ≥ 1
    training steps per fold. ``seed``: seed of the folds (default the data seed,
    ``session.data.seed``). ``progress(fold, step)`` is called after every step (fold
    0-based, step 1..steps). ``cancelled()`` is asked before every step; True raises
    :class:`Cancelled` (``core.loss_surface.Cancelled``; nothing partial is returned).

    Raises :class:`CrossValidationError` for k out of range, a class with fewer than k
    training and validation points, fewer than k such points, or bad ``steps``.
    """
    k = _check_k(k)
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 1:
        raise CrossValidationError("bad_steps", steps=steps)
    steps = int(steps)
    seed = int(session.data.seed if seed is None else seed)
    folds = make_folds(session, k, seed)
    rows = cv_rows(session)
    task = session.points.task
    n_classes = 0 if task == "regression" else int(session.n_classes)
    train_loss = np.full((k, steps + 1), np.nan)
    val_loss = np.full((k, steps + 1), np.nan)
    val_accuracy = np.full(k, np.nan)
    metrics: list[dict] = []
    diverged: list[int | None] = []
    for f, fold_rows in enumerate(folds):
        fold = _fold_session(session, rows, fold_rows, steps)
        trainer = fold.trainer
        diverged_at = None
        for step in range(1, steps + 1):
            if cancelled is not None and cancelled():
                raise Cancelled
            try:
                trainer.step()
            except TrainingDiverged:
                diverged_at = trainer.step_count + 1
                break
            if progress is not None:
                progress(f, step)
        train_loss[f], val_loss[f], val_accuracy[f] = fold_losses(trainer, steps)
        fold_metrics = split_metrics(fold, splits=("validation",))["validation"]
        if diverged_at is not None:  # its final numbers are undefined, not its last finite ones
            val_accuracy[f] = np.nan
            fold_metrics = _undefined_like(fold_metrics)
        metrics.append(fold_metrics)
        diverged.append(diverged_at)
    mean_metrics, std_metrics = _mean_std(metrics)
    std = {"train_loss": train_loss.std(axis=0, ddof=1), "val_loss": val_loss.std(axis=0, ddof=1),
           "val_accuracy": float(val_accuracy.std(ddof=1)), "metrics": std_metrics}
    mean = {"train_loss": train_loss.mean(axis=0), "val_loss": val_loss.mean(axis=0),
            "val_accuracy": float(val_accuracy.mean()), "metrics": mean_metrics}
    return CrossValidationResult(k, steps, seed, task, n_classes, folds, train_loss, val_loss,
                                 val_accuracy, metrics, diverged, mean, std)
