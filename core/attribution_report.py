"""Attributions of a Session's model, for the attribution view and ``summary.json``.

Ties :mod:`core.attributions` to a :class:`core.session.Session`: which sample (the one the
inspector shows, ``core.selected_sample.shown_sample``), which output (the predicted class's
probability, or ŷ), which space (the network's inputs: expanded features after z-score
standardization, ``Session.X_train``), which baseline (the mean of the training inputs, in
that space; 0 when standardized) and which background (a seeded sample of the training
inputs). Everything is returned as numbers and codes; the GUI words them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.attributions import (
    DEFAULT_BACKGROUND_SIZE,
    DEFAULT_IG_STEPS,
    AttributionError,
    IntegratedGradients,
    OutputFunction,
    PermutationImportance,
    ShapleyValues,
    background_sample,
    gradient_x_input,
    integrated_gradients,
    permutation_importance,
    predicted_class,
    shapley_values,
)
from core.datasets import FEATURE_LABELS, expand_features
from core.feature_jacobians import raw_jacobian
from core.selected_sample import shown_sample

__all__ = ["AttributionInputs", "SampleAttributions", "explain_sample", "explain", "feature_labels", "session_permutation",
           "saliency_grid", "summary_entry", "BASELINE_NAME", "PERMUTATION_REPEATS"]

#: The baseline of integrated gradients, as ``summary.json`` names it.
BASELINE_NAME = "training mean"
PERMUTATION_REPEATS = 10
_DEFAULT_RAW = ("x1", "x2")
_RAW_TEMPLATES = {"x1": "{0}", "x2": "{1}", "x1^2": "{0}²", "x2^2": "{1}²",
                  "x1*x2": "{0}·{1}", "sin(x1)": "sin({0})", "sin(x2)": "sin({1})"}


def feature_labels(input_features, raw_names) -> list[str]:
    """Display names of the network's inputs, as the app names them: the network diagram's
    labels (X₁, X₂², X₁X₂, sin(X₁) — ``core.datasets.FEATURE_LABELS``) for generated or drawn
    data, and the raw column names put into the feature (bill_length_mm, bill_length_mm²,
    …) when the raw inputs have names of their own (an imported CSV)."""
    raw = tuple(raw_names)
    if raw == _DEFAULT_RAW[:len(raw)]:
        return [FEATURE_LABELS.get(name, name) for name in input_features]
    padded = raw + ("x2",) * (2 - len(raw))
    return [_RAW_TEMPLATES[name].format(*padded) for name in input_features]


@dataclass(frozen=True)
class AttributionInputs:
    """Everything the attributions read, copied out of a Session so that a worker thread can
    compute while the Session trains on (:meth:`from_session`).

    ``net``: a copy of the network; ``sample``: the training index explained (None without
    training points); ``X_train``, ``X_test`` (network inputs), ``y_test`` (labels or
    targets of the test points, as ``points.y``); ``train_indices``; ``input_features``,
    ``labels`` (:func:`feature_labels`); ``mean``, ``std`` (the standardizer); ``dim``
    (raw input dimension), ``task``, ``standardized``."""

    net: object
    sample: int | None
    X_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    train_indices: np.ndarray
    input_features: tuple[str, ...]
    labels: tuple[str, ...]
    mean: np.ndarray
    std: np.ndarray
    dim: int
    task: str
    standardized: bool

    @classmethod
    def from_session(cls, session, selected_sample: int | None = None) -> AttributionInputs:
        """A copy of what ``session`` holds now; the sample is the inspector's
        (``core.selected_sample.shown_sample`` of ``selected_sample``, the controller's
        choice; None = default)."""
        return cls(
            net=session.net.copy(), sample=shown_sample(session.trainer, selected_sample),
            X_train=np.array(session.X_train, dtype=np.float64),
            X_test=np.array(session.X_test, dtype=np.float64),
            y_test=np.array(session.points.y[session.test_indices]),
            train_indices=np.array(session.train_indices),
            input_features=tuple(session.input_features),
            labels=tuple(feature_labels(session.input_features, session.feature_names)),
            mean=session.standardizer.mean.copy(), std=session.standardizer.std.copy(),
            dim=int(session.points.dim), task=session.points.task,
            standardized=bool(session.data.standardize))

    def transform(self, raw_X) -> np.ndarray:
        """Raw inputs (n, dim) → network inputs, as ``Session.transform``."""
        return (expand_features(raw_X, self.input_features) - self.mean) / self.std


@dataclass(frozen=True)
class SampleAttributions:
    """The attributions of one training sample.

    ``sample``: training-set index (the inspector's #k); ``point``: its index in
    ``session.points``; ``k``: the class explained (None for regression); ``features``:
    input names (:func:`feature_labels`); ``x``: the network input (d,) (standardized
    features); ``f_x``: f(x) (probability of class k, or ŷ); ``gradient``: ∂f/∂x (d,);
    ``gradient_x_input`` (d,); ``baseline``: (d,) the training mean; ``ig``:
    :class:`core.attributions.IntegratedGradients`; ``shapley``:
    :class:`core.attributions.ShapleyValues` or None with ``shapley_error`` (an
    :class:`core.attributions.AttributionError`, e.g. code "too_many_features");
    ``standardized``: whether the inputs are z-scores."""

    sample: int
    point: int
    k: int | None
    features: list[str]
    x: np.ndarray
    f_x: float
    gradient: np.ndarray
    gradient_x_input: np.ndarray
    baseline: np.ndarray
    ig: IntegratedGradients
    shapley: ShapleyValues | None
    shapley_error: AttributionError | None
    standardized: bool


def output_function(net, x) -> tuple[OutputFunction, int | None]:
    """(f, k): f explains the predicted class k of input x (the app's class rule), or ŷ
    (k None) for regression."""
    if net.output_activation == "linear":
        return OutputFunction(net, 0), None
    k = predicted_class(net, x)
    return OutputFunction(net, k), k


def explain_sample(session, selected_sample: int | None = None,
                   steps: int = DEFAULT_IG_STEPS, background_size: int = DEFAULT_BACKGROUND_SIZE,
                   seed: int = 0) -> SampleAttributions:
    """:func:`explain` of the sample the inspector shows (``selected_sample``: the
    controller's choice, None = default) in ``session``."""
    return explain(AttributionInputs.from_session(session, selected_sample), steps,
                   background_size, seed)


def explain(inputs: AttributionInputs, steps: int = DEFAULT_IG_STEPS,
            background_size: int = DEFAULT_BACKGROUND_SIZE, seed: int = 0
            ) -> SampleAttributions:
    """Gradient × input, integrated gradients (from the training mean, ``steps`` nodes) and
    exact Shapley values (background: ``background_size`` training rows drawn with ``seed``)
    of ``inputs.sample``. Raises AttributionError("empty_background") without training
    points and ("not_finite") when the network's output is not finite there."""
    sample = inputs.sample
    if sample is None or inputs.X_train.shape[0] == 0:
        raise AttributionError("empty_background")
    X_train = inputs.X_train
    x = X_train[sample]
    f, k = output_function(inputs.net, x)
    with np.errstate(all="ignore"):
        f_x = float(f.value(x[None, :])[0])
        gradient = f.gradient(x[None, :])[0]
    if not (np.isfinite(f_x) and np.all(np.isfinite(gradient))):
        raise AttributionError("not_finite")
    baseline = X_train.mean(axis=0)
    ig = integrated_gradients(f, x, baseline, steps)
    shapley, shapley_error = None, None
    try:
        shapley = shapley_values(f.value, x, background_sample(X_train, background_size, seed))
    except AttributionError as error:
        shapley_error = error
    return SampleAttributions(
        sample=sample, point=int(inputs.train_indices[sample]), k=k,
        features=list(inputs.labels), x=x.copy(), f_x=f_x, gradient=gradient,
        gradient_x_input=gradient_x_input(f, x), baseline=baseline, ig=ig, shapley=shapley,
        shapley_error=shapley_error, standardized=inputs.standardized)


def session_permutation(session, repeats: int = PERMUTATION_REPEATS, seed: int = 0
                        ) -> PermutationImportance:
    """Permutation importance of the network's inputs over the test split (accuracy for
    classification, MSE for regression); ``session``: a Session or
    :class:`AttributionInputs`. Raises AttributionError("empty_split") without test
    points."""
    inputs = _inputs(session)
    metric = "mse" if inputs.task == "regression" else "accuracy"
    return permutation_importance(inputs.net, inputs.X_test, inputs.y_test, metric, repeats,
                                  seed)


def _inputs(source) -> AttributionInputs:
    return source if isinstance(source, AttributionInputs) else \
        AttributionInputs.from_session(source)


def saliency_grid(session, x_range, y_range, resolution, k: int | None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """‖∂f/∂x‖ over a grid of raw input coordinates (2-D points only), the plane of the
    decision boundary (``Session.grid_prediction``): f is the probability of class k (the
    selected sample's predicted class; for a sigmoid both classes have the same norm) or ŷ;
    x are the raw coordinates, so the chain rule goes through the standardizer and the
    feature map (``core.feature_jacobians``).

    Returns ``(xs (res_x,), ys (res_y,), norms (res_y, res_x))`` float64, row i = ys[i];
    non-finite gradients give NaN. Raises AttributionError("bad_input") for 1-D points or a
    resolution < 2. ``session``: a Session or :class:`AttributionInputs`."""
    session = _inputs(session)
    if session.dim != 2:
        raise AttributionError("bad_input", what="the saliency map needs 2-D inputs")
    res_x, res_y = (int(resolution), int(resolution)) if np.ndim(resolution) == 0 else \
        (int(resolution[0]), int(resolution[1]))
    if min(res_x, res_y) < 2:
        raise AttributionError("bad_input", what=f"grid resolution must be at least 2, got "
                                                 f"{resolution}")
    xs = np.linspace(*x_range, res_x)
    ys = np.linspace(*y_range, res_y)
    grid_x, grid_y = np.meshgrid(xs, ys)
    raw = np.column_stack([grid_x.ravel(), grid_y.ravel()])
    f = OutputFunction(session.net, 0 if k is None else int(k))
    with np.errstate(all="ignore"):
        du = f.gradient(session.transform(raw))  # (n, d)
        jac = raw_jacobian(raw, session.input_features, session.std)
        norms = np.linalg.norm(np.einsum("nf,nfd->nd", du, jac), axis=1)
    norms[~np.isfinite(norms)] = np.nan
    return xs, ys, norms.reshape(res_y, res_x)


def summary_entry(result: SampleAttributions) -> dict:
    """The ``attributions`` entry of ``summary.json`` (plain lists and numbers)."""
    entry = {
        "sample": result.sample, "class": result.k, "features": list(result.features),
        "space": "standardized_features" if result.standardized else "features",
        "output": result.f_x,
        "gradient_x_input": result.gradient_x_input.tolist(),
        "integrated_gradients": result.ig.attributions.tolist(),
        "ig_steps": result.ig.steps, "ig_rule": result.ig.rule,
        "ig_completeness_error": abs(result.ig.completeness_error),
        "baseline": BASELINE_NAME, "baseline_values": result.baseline.tolist(),
        "baseline_output": result.ig.f_baseline,
        "shapley": None if result.shapley is None else result.shapley.values.tolist(),
        "shapley_expected": None if result.shapley is None else result.shapley.expected,
        "shapley_error": None if result.shapley_error is None else result.shapley_error.code,
    }
    return entry
