"""Directions in parameter space for loss-surface plots, and projection onto their plane.

A *plane* is an origin θ₀ (P,) and two directions d₁, d₂ (P,), all float64, in the order of
``MLP.get_params()``: W₀, b₀, W₁, b₁, … each flattened row-major. The point with plane coordinates
(α, β) is θ₀ + α d₁ + β d₂; every kind of plane uses coordinates that are offsets from its origin.

Kinds of plane:

- ``"parameters"``: d₁, d₂ are unit vectors of two chosen parameters, so α and β are exactly those
  two parameters' offsets from the origin (``Plane.axis_offset`` adds the origin's values back).
- ``"random"``: two Gaussian directions, filter-normalized (Li et al. 2018, "Visualizing the Loss
  Landscape of Neural Nets", §4): for a dense layer a filter is one neuron's incoming weight row,
  and each row of the direction is rescaled to the norm of the matching weight row, so the plot's
  scale is comparable across layers and networks. Bias directions are zero unless asked for.
- ``"pca"``: the first two principal components of a parameter trajectory (Li et al. 2018, §6),
  orthonormal, with the trajectory's last point (the current parameters) as origin.
- ``"linear"``: the (w, b) plane of a one-input linear model; α = w and β = b exactly.

A parameter is addressed either by its flat index into ``get_params()`` or by (layer, kind, i, j)
with kind "W" (``weights[layer][i, j]``) or "b" (``biases[layer][i]``; j is ignored and reported 0).

Batch normalization (``MLP(batch_norm=True)``): ``get_params()`` then also holds γ and β of every
hidden layer (W₀, b₀, γ₀, β₀, W₁, …; core.parameters). Random directions treat γ and β like
biases, as Li et al. 2018 do (their ``ignore='biasbn'``): zero unless biases are asked for. The
running statistics are buffers, not parameters: no direction moves them.

Also here: grid axes and ranges in plane coordinates, and the linear lesson's closed-form optimum.

A plane that cannot be built from the model or the path *as they are now* (a PCA plane before
training has moved, random directions of an all-zero network, …) raises :class:`PlaneUnavailable`,
a ``ValueError`` whose ``problem`` is a :class:`PlaneProblem` code: a front end puts the code in
words (and says what to do), never the English message, which is for logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from core.linear_models import least_squares
from core.parameters import (  # noqa: F401 (re-exported: the addresses' old home)
    ParameterBlock,
    ParamRef,
    flat_index,
    n_parameters,
    parameter_address,
    parameter_blocks,
)

PLANE_KINDS = ("parameters", "random", "pca", "linear")
#: Rows of a trajectory used for PCA; longer paths are thinned evenly (the path's shape is kept).
PCA_MAX_ROWS = 300


class PlaneProblem(StrEnum):
    """Why a plane cannot be built now (codes of :class:`PlaneUnavailable`)."""

    PATH_TOO_SHORT = "path_too_short"  # PCA: fewer path points than the plane needs
    PATH_DOES_NOT_MOVE = "path_does_not_move"  # PCA: every point of the path is the same
    WEIGHTS_ALL_ZERO = "weights_all_zero"  # random: filter normalization has nothing to scale to
    SAME_PARAMETER = "same_parameter"  # two parameters: the same one chosen twice
    NOT_LINEAR_MODEL = "not_linear_model"  # (w, b): not a 1-input linear model trained with mse


class PlaneUnavailable(ValueError):
    """A plane cannot be built from the model or path as they are now. ``problem``: a
    :class:`PlaneProblem`; the message is English, for logs and developers."""

    def __init__(self, problem: PlaneProblem | str, message: str) -> None:
        super().__init__(message)
        self.problem = PlaneProblem(problem)

    def __reduce__(self):  # picklable with its code (exceptions pickle their args only)
        return type(self), (self.problem.value, str(self))


def parameter_label(layer_sizes: Sequence[int], index: int, batch_norm: bool = False) -> str:
    """Axis label of flat parameter ``index``: :meth:`core.parameters.ParamRef.label`, e.g.
    ``W²[0, 3]`` for ``weights[1][0, 3]`` (the inspector's and the diagram's notation), or
    ``γ¹[2]`` with ``batch_norm``."""
    return ParamRef.at(layer_sizes, index, batch_norm).label()


@dataclass(frozen=True, eq=False)
class Plane:
    """Origin θ₀ (P,) and directions (2, P), read-only float64; (α, β) is θ₀ + α d₁ + β d₂.

    ``indices`` holds the two flat indices for kind "parameters"; ``explained_variance_ratio`` the
    fraction of the trajectory's variance along each principal component for kind "pca".
    """

    origin: np.ndarray
    directions: np.ndarray
    kind: str
    labels: tuple[str, str]
    indices: tuple[int, int] | None = None
    explained_variance_ratio: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        origin = np.array(self.origin, dtype=np.float64).reshape(-1)
        directions = np.array(self.directions, dtype=np.float64)
        if directions.shape != (2, origin.size):
            raise ValueError(
                f"directions must have shape (2, {origin.size}), got {directions.shape}")
        if self.kind not in PLANE_KINDS:
            raise ValueError(f"kind must be one of {PLANE_KINDS}, got {self.kind!r}")
        origin.setflags(write=False)
        directions.setflags(write=False)
        object.__setattr__(self, "origin", origin)
        object.__setattr__(self, "directions", directions)

    @property
    def axis_offset(self) -> tuple[float, float]:
        """What to add to (α, β) for absolute parameter values (with ``indices``), else (0, 0)."""
        if self.indices is None:
            return 0.0, 0.0
        return float(self.origin[self.indices[0]]), float(self.origin[self.indices[1]])

    def point(self, alpha: float, beta: float) -> np.ndarray:
        """θ₀ + α d₁ + β d₂ as a new (P,) float64 vector."""
        return self.origin + alpha * self.directions[0] + beta * self.directions[1]

    def project(self, params) -> np.ndarray:
        """Plane coordinates of parameter vectors: (P,) → (2,), (m, P) → (m, 2), float64.

        Kinds "parameters" and "linear" (unit directions): the exact offsets θ[i] − θ₀[i].
        Otherwise the least-squares solution of [d₁ d₂] c ≈ θ − θ₀ (``np.linalg.lstsq``): for a
        point in the plane its exact coordinates, for any other point its orthogonal projection.
        """
        params = np.asarray(params, dtype=np.float64)
        single = params.ndim == 1
        offsets = np.atleast_2d(params) - self.origin
        if offsets.shape[1] != self.origin.size:
            raise ValueError(f"params must have {self.origin.size} entries, got {offsets.shape[1]}")
        if self.indices is not None:
            coords = offsets[:, list(self.indices)]
        else:
            coords = np.linalg.lstsq(self.directions.T, offsets.T, rcond=None)[0].T
        return coords[0] if single else coords


def _params_and_sizes(net) -> tuple[np.ndarray, tuple[int, ...]]:
    return np.asarray(net.get_params(), dtype=np.float64), tuple(net.layer_sizes)


def _batch_norm(net) -> bool:
    return bool(getattr(net, "batch_norm", False))


def parameter_plane(net, index1: int, index2: int, origin=None) -> Plane:
    """Plane of two distinct chosen parameters (flat indices) through ``origin`` (default: now).

    Raises ValueError for an index out of range, :class:`PlaneUnavailable` (SAME_PARAMETER)
    when both indices are the same.
    """
    params, sizes = _params_and_sizes(net)
    labels = (parameter_label(sizes, index1, _batch_norm(net)),
              parameter_label(sizes, index2, _batch_norm(net)))
    if index1 == index2:
        raise PlaneUnavailable(PlaneProblem.SAME_PARAMETER,
                               f"choose two different parameters, got {labels[0]} twice")
    directions = np.zeros((2, params.size))
    directions[0, index1] = directions[1, index2] = 1.0
    origin = params if origin is None else origin
    return Plane(origin, directions, "parameters", labels, indices=(int(index1), int(index2)))


def filter_normalized_direction(
    net, rng: np.random.Generator, include_biases: bool = False, params=None
) -> np.ndarray:
    """One random direction d (P,) with every filter rescaled to its weights' norm (Li et al. 2018).

    d is drawn from N(0, I) with ``rng``; then for each layer l and neuron i the row d_{W_l}[i, :]
    (together with d_{b_l}[i] when ``include_biases``) is scaled to ‖W_l[i, :]‖ (resp. the norm of
    (W_l[i, :], b_l[i])). With ``include_biases=False`` bias entries are 0, as in the authors' code
    (``ignore='biasbn'``); with True each bias joins its neuron's filter (our choice: that code
    would copy the bias values instead, which are 0 at initialization). A filter whose weights are
    all 0 gets a zero direction row. With batch norm, γ_l[i] and β_l[i] are treated like the bias
    b_l[i]: 0 unless ``include_biases``, else part of neuron i's filter.
    """
    if params is None:
        params, sizes = _params_and_sizes(net)
    else:
        params, sizes = np.asarray(params, dtype=np.float64), tuple(net.layer_sizes)
    direction = rng.standard_normal(params.size)
    blocks = parameter_blocks(sizes, _batch_norm(net))
    for layer in range(len(sizes) - 1):
        w_block, *vector_blocks = [b for b in blocks if b.layer == layer]  # W, b (, γ, β)
        w_slice = slice(w_block.start, w_block.start + w_block.size)
        weights = params[w_slice].reshape(w_block.shape)
        d_weights = direction[w_slice].reshape(w_block.shape)  # views into direction
        vector_slices = [slice(b.start, b.start + b.size) for b in vector_blocks]
        if include_biases:  # each neuron's filter: its W row with its b (and γ, β)
            target = np.sqrt(np.sum(weights**2, axis=1)
                             + sum(params[v] ** 2 for v in vector_slices))
            current = np.sqrt(np.sum(d_weights**2, axis=1)
                              + sum(direction[v] ** 2 for v in vector_slices))
        else:
            target = np.linalg.norm(weights, axis=1)
            current = np.linalg.norm(d_weights, axis=1)
            for v in vector_slices:
                direction[v] = 0.0
        scale = np.divide(target, current, out=np.zeros_like(target), where=current > 0)
        d_weights *= scale[:, None]
        if include_biases:
            for v in vector_slices:
                direction[v] *= scale
    return direction


def random_plane(net, seed=0, include_biases: bool = False, origin=None) -> Plane:
    """Plane of two filter-normalized random directions through ``origin`` (default: current).

    ``seed`` is an int or a ``np.random.Generator``. Raises :class:`PlaneUnavailable`
    (WEIGHTS_ALL_ZERO) when both directions are 0 (all weights 0, e.g. ``init="zeros"``): filter
    normalization then has nothing to scale to.
    """
    params, _ = _params_and_sizes(net)
    origin = params if origin is None else np.asarray(origin, dtype=np.float64)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    directions = np.stack(
        [filter_normalized_direction(net, rng, include_biases, params=origin) for _ in range(2)]
    )
    if not np.any(directions):
        raise PlaneUnavailable(PlaneProblem.WEIGHTS_ALL_ZERO,
                               "all weights are 0, so filter-normalized random directions are 0")
    return Plane(origin, directions, "random", ("random direction 1", "random direction 2"))


def pca_plane(trajectory, origin=None, max_rows: int = PCA_MAX_ROWS,
              min_rows: int = 2) -> Plane:
    """Plane of the first two principal components of a trajectory (Li et al. 2018, §6).

    ``trajectory``: (m, P), P ≥ 2, parameter vectors in time order (``Trainer.trajectory()[1]``);
    fewer than ``min_rows`` (≥ 2) rows raise :class:`PlaneUnavailable` (PATH_TOO_SHORT), a path
    whose points are all the same PlaneUnavailable (PATH_DOES_NOT_MOVE), another shape
    ValueError. The origin defaults to the last row. The components are the top two principal axes of the
    column-centred matrix [θ_k − θ_origin] (PCA, as in the authors' code), orthonormal. Long paths
    are thinned to ``max_rows`` evenly spaced rows (first and last kept), and the eigenproblem is
    solved on the smaller Gram matrix, so a 2000-step path of a 2000-parameter net stays fast.
    Signs are fixed so that the first trajectory point has coordinates ≤ 0, i.e. the path runs
    towards +α, +β; this keeps the picture from flipping between refreshes.
    """
    trajectory = np.asarray(trajectory, dtype=np.float64)
    if trajectory.ndim != 2 or trajectory.shape[1] < 2:
        raise ValueError(f"trajectory must be (m >= 2, P >= 2), got {trajectory.shape}")
    needed = max(2, int(min_rows))
    if trajectory.shape[0] < needed:
        raise PlaneUnavailable(PlaneProblem.PATH_TOO_SHORT,
                               f"the PCA plane needs a path of at least {needed} points, got "
                               f"{trajectory.shape[0]}: train a few steps first")
    origin = trajectory[-1] if origin is None else np.asarray(origin, dtype=np.float64)
    rows = np.unique(np.linspace(0, len(trajectory) - 1, max(2, int(max_rows))).round())
    differences = trajectory[rows.astype(np.intp)] - origin
    centred = differences - differences.mean(axis=0)
    if centred.shape[0] <= centred.shape[1]:  # eigenvectors u of C Cᵀ give the axes Cᵀu
        variances, vectors = np.linalg.eigh(centred @ centred.T)
        components = vectors[:, :-3:-1].T @ centred
    else:
        variances, vectors = np.linalg.eigh(centred.T @ centred)
        components = vectors[:, :-3:-1].T
    variances = np.clip(variances[::-1], 0.0, None)
    if not variances[0] > 0:
        raise PlaneUnavailable(PlaneProblem.PATH_DOES_NOT_MOVE,
                               "the trajectory does not move, so it has no principal components")
    components = np.linalg.qr(components.T)[0].T  # exactly orthonormal, even if PC2 is ~0
    components[differences[0] @ components.T > 0] *= -1.0
    ratio = variances[:2] / variances.sum()
    labels = (f"PC1 ({100 * ratio[0]:.0f}% var.)", f"PC2 ({100 * ratio[1]:.0f}% var.)")
    return Plane(origin, components, "pca", labels,
                 explained_variance_ratio=(float(ratio[0]), float(ratio[1])))


def linear_model_plane() -> Plane:
    """The (w, b) plane of a 1-input linear model: origin 0, so α = w and β = b exactly."""
    return Plane(np.zeros(2), np.eye(2), "linear", ("w", "b"), indices=(0, 1))


# --- plane coordinates ----------------------------------------------------------------------------
def grid_axes(alpha_range, beta_range, resolution: int) -> tuple[np.ndarray, np.ndarray]:
    """Evenly spaced α and β values, ``resolution`` each (≥ 2), both ends included."""
    if int(resolution) < 2:
        raise ValueError(f"resolution must be at least 2, got {resolution}")
    return np.linspace(*alpha_range, int(resolution)), np.linspace(*beta_range, int(resolution))


def covering_ranges(coords, margin: float = 0.25, min_half_width: float = 1.0):
    """(alpha_range, beta_range) that contain the plane origin and all path ``coords`` (m, 2).

    Each range is widened by ``margin`` times its width on both sides and is at least
    2·``min_half_width`` wide, centred on the points' midpoint.
    """
    coords = np.vstack([np.zeros((1, 2)), np.asarray(coords, dtype=np.float64).reshape(-1, 2)])
    ranges = []
    for column in coords.T:
        low, high = float(column.min()), float(column.max())
        half = max(0.5 * (high - low) * (1.0 + 2.0 * margin), min_half_width)
        middle = 0.5 * (low + high)
        ranges.append((middle - half, middle + half))
    return tuple(ranges)


# --- the linear-regression lesson -----------------------------------------------------------------
def is_linear_lesson(net, loss: str) -> bool:
    """True for y = w x + b trained with mse: layer sizes (1, 1), linear output."""
    return tuple(net.layer_sizes) == (1, 1) and net.output_activation == "linear" and loss == "mse"


def linear_optimum(X, y) -> tuple[float, float]:
    """Closed-form least-squares (w, b) for one input: the minimizer of the data loss (mse).

    X (n, 1) or (n,), y (n,) float64. Uses ``core.linear_models.least_squares`` (``np.linalg.lstsq``
    on [x 1]); ValueError for bad shapes or non-finite values.
    """
    w, b = least_squares(np.asarray(X, dtype=np.float64).reshape(-1, 1), y)
    return float(w[0]), float(b)
