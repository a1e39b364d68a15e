"""Attributions: why did the network give this output? Pure NumPy, no Qt.

Every method explains one scalar output f of the network for one input x, in the space of
the **network's inputs**: the expanded features after z-score standardization (the ``a⁰`` of
the network diagram, ``Session.X_train`` rows), never the raw canvas coordinates. What f is
(:class:`OutputFunction`): the probability of class k for classification — p(class 1) = σ(z)
for a sigmoid output, 1 − p for class 0; pₖ of the softmax for K ≥ 3 classes — and the
predicted value ŷ for regression.

Methods (each cites its source in its docstring):

* :func:`gradient_x_input` — x ⊙ ∇f(x), with ∇f from the engine's backward pass
  (``MLP.input_gradient``); :func:`finite_difference_gradient` is the independent check.
* :func:`integrated_gradients` — Sundararajan, Taly & Yan 2017, with the completeness check.
* :func:`shapley_values` — exact interventional Shapley values over all 2^d coalitions
  (Štrumbelj & Kononenko 2014; Lundberg & Lee 2017), with the efficiency check.
* :func:`permutation_importance` — Breiman 2001, over a held-out split.

Errors are :class:`AttributionError` (a ValueError) with a ``code`` from :data:`ERROR_CODES`
and the numbers in ``details``, so the GUI words them per code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import factorial

import numpy as np

from core.metrics import accuracy, predicted_classes

__all__ = ["AttributionError", "ERROR_CODES", "MAX_SHAPLEY_FEATURES", "DEFAULT_IG_STEPS",
           "IG_RULES", "OutputFunction", "IntegratedGradients", "ShapleyValues",
           "PermutationImportance", "gradient_x_input", "finite_difference_gradient",
           "integrated_gradients", "shapley_values", "background_sample",
           "permutation_importance"]

#: Exact Shapley values evaluate all 2^d coalitions; above this d they are refused.
MAX_SHAPLEY_FEATURES = 8
DEFAULT_IG_STEPS = 256
DEFAULT_BACKGROUND_SIZE = 100
#: Quadrature rules of :func:`integrated_gradients` over α ∈ [0, 1] with m intervals.
IG_RULES = ("gauss_legendre", "trapezoid", "riemann_right")
#: Ids of the four methods, in the order the Attributions view shows them (gradient × input,
#: integrated gradients, Shapley values, permutation importance); a lesson step's
#: ``setup.attribution_method`` is one of them.
METHOD_IDS = ("gradient", "ig", "shapley", "permutation")

#: code → English message template (``details`` fill the braces); the GUI translates per code.
ERROR_CODES = {
    "too_many_features": "exact Shapley values need at most {limit} features, got {d}",
    "bad_input": "{what}",
    "empty_background": "the background sample is empty (no training points)",
    "empty_split": "permutation importance needs at least one held-out point",
    "not_finite": "the network's output is not finite at this input",
}


class AttributionError(ValueError):
    """An attribution cannot be computed. ``code``: a key of :data:`ERROR_CODES`;
    ``details``: the numbers of the message (e.g. ``{"limit": 8, "d": 9}``)."""

    def __init__(self, code: str, **details):
        super().__init__(ERROR_CODES[code].format(**details))
        self.code = code
        self.details = details


def _vector(x, d: int, name: str) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.shape[0] != d:
        raise AttributionError("bad_input", what=f"{name} must have shape ({d},), got "
                                                 f"{x.shape}")
    if not np.all(np.isfinite(x)):
        raise AttributionError("bad_input", what=f"{name} must be finite")
    return x


# ------------------------------------------------------------------------------ what is explained
@dataclass(frozen=True)
class OutputFunction:
    """The scalar f explained: output ``k`` of ``net`` as a probability or value.

    ``net``: a ``core.network.MLP`` (evaluation mode, no dropout). ``k``: the class for a
    sigmoid (0 or 1: f = 1 − p or p, p = p(class 1)) or softmax output (0 ≤ k < K: f = pₖ);
    must be 0 for a linear output (f = ŷ₀). Raises AttributionError("bad_input") otherwise.
    """

    net: object
    k: int = 0

    def __post_init__(self):
        net, k = self.net, int(self.k)
        limit = 2 if net.output_activation == "sigmoid" else net.layer_sizes[-1]
        if net.output_activation == "linear":
            limit = 1
        if not 0 <= k < limit:
            raise AttributionError("bad_input", what=f"class k must be in [0, {limit}), got "
                                                     f"{self.k}")

    @property
    def d(self) -> int:
        """Number of network inputs."""
        return int(self.net.layer_sizes[0])

    @property
    def _column(self) -> int:
        return 0 if self.net.output_activation == "sigmoid" else int(self.k)

    @property
    def _flipped(self) -> bool:  # sigmoid class 0: f = 1 − p
        return self.net.output_activation == "sigmoid" and int(self.k) == 0

    def value(self, X) -> np.ndarray:
        """f at the rows of X (n, d) → (n,) float64."""
        out = self.net.predict(X)[:, self._column]
        return 1.0 - out if self._flipped else out

    def gradient(self, X) -> np.ndarray:
        """∇ₓf at the rows of X (n, d) → (n, d) float64, by backpropagation
        (``MLP.input_gradient``)."""
        grad = self.net.input_gradient(X, self._column)
        return -grad if self._flipped else grad


def predicted_class(net, x) -> int:
    """The class the network predicts for one input x (d,) (``core.metrics.predicted_classes``,
    the app's one rule); 0 for regression (the only output)."""
    if net.output_activation == "linear":
        return 0
    return int(predicted_classes(net.predict(np.asarray(x, dtype=np.float64)[None, :]))[0])


# ------------------------------------------------------------------------------ gradient × input
def gradient_x_input(f: OutputFunction, x) -> np.ndarray:
    """Gradient × input, xᵢ · ∂f/∂xᵢ (Shrikumar et al. 2016; Baehrens et al. 2010 for the
    gradient): (d,) float64. With standardized features x = 0 is the training mean, so this is
    the first-order (Taylor) share of f(x) − f(mean) of each feature. ∂f/∂x is the engine's
    backward pass. Raises AttributionError("bad_input") for a wrong shape or non-finite x."""
    x = _vector(x, f.d, "x")
    return x * f.gradient(x[None, :])[0]


def finite_difference_gradient(f: OutputFunction, x, h: float = 1e-5) -> np.ndarray:
    """∂f/∂x by central differences (f(x + h eᵢ) − f(x − h eᵢ)) / 2h in float64: (d,); the
    independent check of the backward pass (as ``core.gradcheck``; error O(h²))."""
    x = _vector(x, f.d, "x")
    steps = np.eye(f.d) * h
    return (f.value(x + steps) - f.value(x - steps)) / (2.0 * h)


# ------------------------------------------------------------------------- integrated gradients
@dataclass(frozen=True)
class IntegratedGradients:
    """Result of :func:`integrated_gradients`. ``attributions`` (d,); ``f_x`` = f(x),
    ``f_baseline`` = f(x′); ``completeness_error`` = Σ attributions − (f(x) − f(x′)) (signed);
    ``steps`` m and ``rule``."""

    attributions: np.ndarray
    f_x: float
    f_baseline: float
    completeness_error: float
    steps: int
    rule: str

    @property
    def total(self) -> float:
        """Σ attributions."""
        return float(self.attributions.sum())


@lru_cache(maxsize=8)
def _gauss_legendre(steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss–Legendre nodes and weights mapped to [0, 1] (cached: the eigenvalue problem
    behind ``leggauss`` costs more than the integral). Read-only arrays."""
    nodes, weights = np.polynomial.legendre.leggauss(steps)
    nodes, weights = (nodes + 1.0) / 2.0, weights / 2.0
    nodes.setflags(write=False)
    weights.setflags(write=False)
    return nodes, weights


def _quadrature(steps: int, rule: str) -> tuple[np.ndarray, np.ndarray]:
    """(nodes α, weights) on [0, 1] of ``rule`` with ``steps`` nodes/intervals; Σ weights = 1."""
    if rule == "gauss_legendre":
        return _gauss_legendre(steps)
    alphas = np.arange(steps + 1) / steps
    weights = np.full(steps + 1, 1.0 / steps)
    if rule == "trapezoid":
        weights[[0, -1]] *= 0.5
    else:
        weights[0] = 0.0
    return alphas, weights


def integrated_gradients(f: OutputFunction, x, baseline, steps: int = DEFAULT_IG_STEPS,
                         rule: str = "gauss_legendre") -> IntegratedGradients:
    """Integrated gradients (Sundararajan, Taly & Yan 2017, "Axiomatic Attribution for Deep
    Networks", eq. 1 and its Riemann approximation, §3):

        IGᵢ(x) = (xᵢ − x′ᵢ) ∫₀¹ ∂f/∂xᵢ (x′ + α (x − x′)) dα

    along the straight path from ``baseline`` x′ to x, integrated with m = ``steps`` nodes or
    intervals: ``"gauss_legendre"`` (default; m Gauss–Legendre nodes on [0, 1], Captum's
    default method), ``"trapezoid"`` (α = j/m, j = 0…m, end nodes weighted ½) or
    ``"riemann_right"`` (α = j/m, j = 1…m, the paper's sum). Completeness (the paper's
    Proposition 1): Σᵢ IGᵢ = f(x) − f(x′) exactly for the integral; ``completeness_error``
    reports how far the quadrature is from it. For smooth activations Gauss–Legendre with 256
    nodes meets it to 1e-6 (tested; the trapezoid's O(1/m²) error leaves 1e-6 … 1e-4 on
    trained networks); kinks (ReLU) limit every rule to O(1/m) — the error says so.

    x, baseline: (d,) finite float64. steps: int ≥ 1. Returns :class:`IntegratedGradients`.
    Raises AttributionError("bad_input") for bad shapes, steps or rule. One backward pass over
    m + 1 points."""
    x = _vector(x, f.d, "x")
    baseline = _vector(baseline, f.d, "baseline")
    if isinstance(steps, bool) or not isinstance(steps, int | np.integer) or steps < 1:
        raise AttributionError("bad_input", what=f"steps must be an integer ≥ 1, got {steps!r}")
    if rule not in IG_RULES:
        raise AttributionError("bad_input", what=f"rule must be one of {', '.join(IG_RULES)}, "
                                                 f"got {rule!r}")
    alphas, weights = _quadrature(int(steps), rule)
    path = baseline[None, :] + alphas[:, None] * (x - baseline)[None, :]
    mean_gradient = weights @ f.gradient(path)
    attributions = (x - baseline) * mean_gradient
    f_x, f_base = (float(v) for v in f.value(np.vstack([x, baseline])))
    return IntegratedGradients(attributions, f_x, f_base,
                               float(attributions.sum() - (f_x - f_base)), steps, rule)


# ------------------------------------------------------------------------------- Shapley values
@dataclass(frozen=True)
class ShapleyValues:
    """Result of :func:`shapley_values`. ``values`` φ (d,); ``f_x`` = f(x); ``expected`` =
    E_background[f]; ``efficiency_error`` = Σφ − (f(x) − expected) (signed, rounding only);
    ``n_background`` rows, ``n_coalitions`` = 2^d."""

    values: np.ndarray
    f_x: float
    expected: float
    efficiency_error: float
    n_background: int
    n_coalitions: int


def background_sample(X, size: int = DEFAULT_BACKGROUND_SIZE, seed: int = 0) -> np.ndarray:
    """Up to ``size`` rows of X (n, d) drawn without replacement with
    ``np.random.default_rng(seed)`` (all rows, in order, when n ≤ size): (m, d) float64.
    Raises AttributionError("empty_background") for n = 0, ("bad_input") for size < 1."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise AttributionError("bad_input", what=f"X must be 2-D, got shape {X.shape}")
    if X.shape[0] == 0:
        raise AttributionError("empty_background")
    if size < 1:
        raise AttributionError("bad_input", what=f"background size must be ≥ 1, got {size}")
    if X.shape[0] <= size:
        return X.copy()
    rows = np.sort(np.random.default_rng(seed).choice(X.shape[0], size, replace=False))
    return X[rows]


def shapley_values(value, x, background) -> ShapleyValues:
    """Exact Shapley values of f at x over the d input features (Shapley 1953), with the
    coalition value of Štrumbelj & Kononenko 2014 and Lundberg & Lee 2017 (the
    "interventional" SHAP value function):

        v(S) = mean over background rows b of f(x_S, b_{S̄})   (absent features from b),
        φᵢ = Σ_{S ⊆ N∖{i}} |S|! (d − |S| − 1)! / d! · (v(S ∪ {i}) − v(S)).

    All 2^d coalitions are evaluated, in one batch of 2^d × m rows. Properties (tested):
    efficiency Σφ = v(N) − v(∅) = f(x) − E_background[f]; symmetry (features that are
    interchangeable in f, x and the background get equal φ); dummy (a feature f ignores gets
    φ = 0).

    value: callable, (n, d) → (n,) (e.g. :meth:`OutputFunction.value`). x: (d,).
    background: (m, d), m ≥ 1 (see :func:`background_sample`). Returns
    :class:`ShapleyValues`. Raises AttributionError: "too_many_features" for d >
    :data:`MAX_SHAPLEY_FEATURES`, "empty_background", "bad_input" for shapes or non-finite
    values, "not_finite" when f is not finite there."""
    x = np.asarray(x, dtype=np.float64).reshape(-1)
    d = x.shape[0]
    if d > MAX_SHAPLEY_FEATURES:
        raise AttributionError("too_many_features", limit=MAX_SHAPLEY_FEATURES, d=d)
    x = _vector(x, d, "x")
    background = np.asarray(background, dtype=np.float64)
    if background.ndim != 2 or background.shape[1] != d:
        raise AttributionError("bad_input", what=f"background must have shape (m, {d}), got "
                                                 f"{background.shape}")
    if background.shape[0] == 0:
        raise AttributionError("empty_background")
    if not np.all(np.isfinite(background)):
        raise AttributionError("bad_input", what="background must be finite")
    n_coalitions = 1 << d
    members = (np.arange(n_coalitions)[:, None] >> np.arange(d)[None, :]) & 1  # (2^d, d)
    present = members.astype(bool)[:, None, :]  # (2^d, 1, d)
    rows = np.where(present, x[None, None, :], background[None, :, :])  # (2^d, m, d)
    v = value(rows.reshape(-1, d)).reshape(n_coalitions, background.shape[0]).mean(axis=1)
    if not np.all(np.isfinite(v)):
        raise AttributionError("not_finite")
    sizes = members.sum(axis=1)
    weight_by_size = np.array([factorial(s) * factorial(d - s - 1) / factorial(d)
                               for s in range(d)])
    phi = np.zeros(d)
    for i in range(d):
        without = np.flatnonzero(members[:, i] == 0)
        phi[i] = weight_by_size[sizes[without]] @ (v[without | (1 << i)] - v[without])
    f_x, expected = float(v[-1]), float(v[0])
    return ShapleyValues(phi, f_x, expected, float(phi.sum() - (f_x - expected)),
                         int(background.shape[0]), n_coalitions)


# ------------------------------------------------------------------------ permutation importance
@dataclass(frozen=True)
class PermutationImportance:
    """Result of :func:`permutation_importance`. ``metric``: "accuracy" or "mse";
    ``score``: the metric on the unpermuted split; ``importances`` (repeats, d): the drop of
    accuracy (score − permuted) or the rise of MSE (permuted − score) per repeat, so larger
    means more important for both; ``mean`` and ``std`` (d,) over the repeats (population std,
    ddof = 0, as scikit-learn)."""

    metric: str
    score: float
    importances: np.ndarray
    mean: np.ndarray
    std: np.ndarray


def _score(net, X, y, metric: str) -> float:
    output = net.predict(X)
    if metric == "accuracy":
        return accuracy(y, predicted_classes(output))
    return float(np.mean((output[:, 0] - y) ** 2))


def permutation_importance(net, X, y, metric: str, repeats: int = 10,
                           seed: int = 0) -> PermutationImportance:
    """Permutation importance (Breiman 2001, "Random Forests", §10; the model-agnostic form of
    Fisher, Rudin & Dominici 2019 and scikit-learn's ``permutation_importance``): shuffle
    column j of the held-out inputs, re-score, repeat ``repeats`` times per feature with
    permutations from ``np.random.default_rng(seed)`` (same seed → same numbers).

    net: an MLP; X: (n, d) network inputs of the held-out split, n ≥ 1; y: (n,) class labels
    (metric "accuracy", the app's one rule ``core.metrics``) or regression targets (metric
    "mse", one output). repeats: int ≥ 1. Returns :class:`PermutationImportance`. Raises
    AttributionError: "empty_split" for n = 0, "bad_input" for shapes, metric or repeats."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if metric not in ("accuracy", "mse"):
        raise AttributionError("bad_input", what=f"metric must be accuracy or mse, got "
                                                 f"{metric!r}")
    if X.ndim != 2 or X.shape[1] != net.layer_sizes[0]:
        raise AttributionError("bad_input", what=f"X must have shape (n, "
                                                 f"{net.layer_sizes[0]}), got {X.shape}")
    if X.shape[0] == 0:
        raise AttributionError("empty_split")
    if y.shape != (X.shape[0],):
        raise AttributionError("bad_input", what=f"y must have shape ({X.shape[0]},), got "
                                                 f"{y.shape}")
    if isinstance(repeats, bool) or not isinstance(repeats, int | np.integer) or repeats < 1:
        raise AttributionError("bad_input", what=f"repeats must be an integer ≥ 1, got "
                                                 f"{repeats!r}")
    rng = np.random.default_rng(seed)
    score = _score(net, X, y, metric)
    n, d = X.shape
    importances = np.empty((int(repeats), d))
    for j in range(d):
        shuffled = np.repeat(X[None, :, :], repeats, axis=0)  # (repeats, n, d)
        for r in range(repeats):
            shuffled[r, :, j] = X[rng.permutation(n), j]
        output = net.predict(shuffled.reshape(-1, d)).reshape(repeats, n, -1)
        for r in range(repeats):
            if metric == "accuracy":
                permuted = accuracy(y, predicted_classes(output[r]))
                importances[r, j] = score - permuted
            else:
                importances[r, j] = float(np.mean((output[r, :, 0] - y) ** 2)) - score
    return PermutationImportance(metric, score, importances, importances.mean(axis=0),
                                 importances.std(axis=0))
