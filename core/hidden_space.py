"""The input plane carried through the network, one stage at a time: the hidden-space view.

A grid of lines over the input plane (``core.plane_grid.grid_lines``) and the data points are
mapped through an MLP stage by stage — the linear map u = W a + b of a hidden layer, then its
activation a = f(z) — and each stage is projected to two dimensions for drawing. This is the
picture of Olah 2014, "Neural Networks, Manifolds, and Topology" (a layer shears, rotates and
scales the plane, the bias shifts it and f bends it), and of Goodfellow et al. 2016, §6.1: in
the hidden space of a trained XOR network the two classes are linearly separable, so the output
layer's single line separates them there.

Stages (:data:`STAGE_KINDS`), in order:

* ``"plane"``: the raw input plane as the canvas shows it (only when the network's input differs
  from it: feature expansion or standardization; see :func:`session_hidden_space`);
* ``"input"``: the network's input x (what W¹ multiplies), layer 0;
* per hidden layer ℓ = 1 … H: ``"linear"``, u = W a + b; with batch normalization also
  ``"normalized"``, z = γ ⊙ (u − running_mean)/√(running_var + ε) + β — evaluation mode
  (``training=False``: the running statistics, as every evaluation in the app); then
  ``"activation"``, a = f(z).

Every stage's values are the engine's own: one ``MLP.forward(X, training=False)`` over the grid
samples and the points (``linear_outputs``, ``pre_activations``, ``activations``).

Projection to 2-D (:data:`PROJECTIONS`), coordinates = (values − center) @ basis:

* width 2: ``"identity"``, drawn as it is;
* width 1: ``"line"``, the value on x and y = 0;
* width ≥ 3: ``"pca"``, the first two principal components of the mapped data points (of the
  grid samples when there are fewer than 2 points), signs fixed so that each component's
  largest entry is positive; ``"neurons"``, two chosen neurons (i, j) as (x, y); or, on the
  last hidden layer of a two-class network, ``"output"``: x along the output layer's weight
  direction w (the sigmoid's logit w·a + b, or z₁ − z₀ of a two-class softmax), y the first
  principal component across it. "output" is the last layer's default (where it exists) and
  "pca" every other wide layer's: along w the output's decision line is exact for every
  point, so the picture shows whether one line separates the classes (Goodfellow et al. 2016,
  §6.1), which a PCA plane need not. ``"neurons"`` may also be asked for a width-2 layer
  (e.g. (1, 0) swaps the axes), and "pca" or "output" for a width-2 layer (a rotation).

The stages of one layer (linear, normalized, activation) share one projection — a PCA basis is
computed from the layer's activation (the input layer: from its input) — so that the blend
between two of them (:meth:`HiddenSpace.interpolate`) is exactly the projection of the blend of
their full vectors. Each stage reports ``explained``: the fraction of its data points' total
variance along each drawn axis (for the stage the PCA basis came from, the explained-variance
ratios of the first two components).

The output layer's decision line (:class:`DecisionLine`) is given in the last stage's 2-D
coordinates: exact when that stage is drawn whole (width ≤ 2) or along w ("output"); otherwise
a slice (the output's hyperplane cut by the drawn plane: for PCA the plane through the points'
mean spanned by the two components, for chosen neurons the plane where the other neurons keep
their mean over the points), so a drawn point's side of a sliced line is an approximation.

Everything here is codes and numbers; the GUI names them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from core.plane_grid import grid_lines

__all__ = ["DEFAULT_LINES", "DEFAULT_SAMPLES", "DIRECTION_TOLERANCE", "LINE_STATUSES",
           "PROJECTIONS", "STAGE_KINDS",
           "STATUSES", "DecisionLine", "HiddenSpace", "Projection", "Stage", "hidden_space",
           "plane_grid", "session_hidden_space"]

STAGE_KINDS = ("plane", "input", "linear", "normalized", "activation")
PROJECTIONS = ("identity", "line", "neurons", "pca", "output")
#: ``HiddenSpace.status``: "ok"; "non_finite_parameters" (a weight, bias, γ, β or running
#: statistic is NaN or ±inf: a diverged network, nothing is mapped); "non_finite_values" (finite
#: parameters, yet a stage overflowed on the grid or the points).
STATUSES = ("ok", "non_finite_parameters", "non_finite_values")
#: ``DecisionLine.status``: "exact" (the last stage is drawn whole, or along the output's
#: direction: every point keeps its side); "slice" (a wider last stage by PCA or neurons:
#: see the module docstring); "regression" (a linear output has no decision line); "multiclass"
#: (softmax with K ≥ 3 classes: no single line); "degenerate" (the line's direction is zero in
#: the drawn plane — below 1e-12·‖w‖ —, e.g. all-zero output weights, or weights only on
#: neurons the plane does not show); "outside" (the line exists in the plane but misses the
#: drawn grid and points: all of them lie on one side, class ``DecisionLine.side_class`` —
#: e.g. dead ReLUs put every point at one spot; exact or a slice as the stage is).
LINE_STATUSES = ("exact", "slice", "regression", "multiclass", "degenerate", "outside")
#: A line direction shorter than this fraction of ‖w‖ counts as zero ("degenerate"): rounding
#: of ``basis.T @ w`` must not place a line 1e16 away.
DIRECTION_TOLERANCE = 1e-12
DEFAULT_LINES = 21
DEFAULT_SAMPLES = 41


@dataclass(frozen=True)
class Projection:
    """How one stage is drawn: ``coords = (values − center) @ basis``.

    mode: one of :data:`PROJECTIONS`. neurons: the two drawn neuron indices for "neurons"
    ((0, 1) for "identity", (0,) for "line"), None for "pca". center: (width,) float64.
    basis: (width, 2) float64 (for "line" its second column is 0). source: "points" or "grid",
    what a PCA basis was computed from (None otherwise).
    """

    mode: str
    neurons: tuple[int, ...] | None
    center: np.ndarray
    basis: np.ndarray
    source: str | None = None


@dataclass(frozen=True)
class Stage:
    """One stage of the input plane's journey through the network.

    kind: one of :data:`STAGE_KINDS`. layer: 0 for "plane" and "input", ℓ = 1 … H (1-based, as
    displayed; ``net.weights[ℓ − 1]``) for a hidden layer's stages. activation: the hidden
    activation's name (``core.activations``) for an "activation" stage, else None.
    width: the number of values per point. grid: (lines, samples, width) float64, the mapped
    grid; points: (n, width) float64, the mapped points (in the order given). projection: the
    :class:`Projection`. grid_2d (lines, samples, 2), points_2d (n, 2): their drawn
    coordinates; explained: (2,) float64, the fraction of the points' total variance along
    each drawn axis (NaN with fewer than 2 points or zero variance). These three are computed
    from ``projection`` on first use and kept (a view draws one or two stages at a time).
    """

    kind: str
    layer: int
    activation: str | None
    width: int
    grid: np.ndarray
    points: np.ndarray
    projection: Projection

    @cached_property
    def grid_2d(self) -> np.ndarray:
        return _project(self.grid, self.projection)

    @cached_property
    def points_2d(self) -> np.ndarray:
        return _project(self.points, self.projection)

    @cached_property
    def explained(self) -> np.ndarray:
        return _explained(self.points, self.projection.basis)


@dataclass(frozen=True)
class DecisionLine:
    """The output layer's decision line c0 + c1·x + c2·y = 0 in the last stage's 2-D coordinates.

    status: one of :data:`LINE_STATUSES`. coefficients: (3,) float64 (c0, c1, c2), or None when
    there is no line (regression, multiclass). Class 1 (the sigmoid's p > 0.5, or softmax
    class 1 over class 0) lies where c0 + c1·x + c2·y > 0. side_class: for "outside" and
    "degenerate" with coefficients, the class (0 or 1) of the side every drawn grid sample
    and point is on (class 1 where c0 + … > 0; c0 = 0 exactly counts as class 0, as
    ``core.metrics.predicted_classes``), else None.
    """

    status: str
    coefficients: np.ndarray | None = None
    side_class: int | None = None

    def side(self, coords: np.ndarray) -> np.ndarray:
        """c0 + c1·x + c2·y for coords (..., 2): > 0 on class 1's side. ValueError without a
        line."""
        if self.coefficients is None:
            raise ValueError(f"no decision line ({self.status})")
        c0, c1, c2 = self.coefficients
        coords = np.asarray(coords, dtype=np.float64)
        return c0 + c1 * coords[..., 0] + c2 * coords[..., 1]


@dataclass(frozen=True)
class HiddenSpace:
    """All the stages, the decision line and a status code (:data:`STATUSES`; with a status
    other than "ok", ``stages`` is empty and the line's status is "degenerate")."""

    status: str
    stages: tuple[Stage, ...]
    decision_line: DecisionLine

    def interpolate(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """Drawn (grid_2d, points_2d) at slider value t ∈ [0, len(stages) − 1]: stage ⌊t⌋
        blended linearly towards the next one, (1 − s)·stage_k + s·stage_{k+1}, s = t − k.

        Within a layer (same width, same projection) this is exactly the projection of the
        blend of the full vectors; between layers it blends the drawn coordinates. Raises
        ValueError for a non-finite t, t outside the range, or no stages.
        """
        t = float(t)
        last = len(self.stages) - 1
        if last < 0:
            raise ValueError(f"nothing to interpolate: status {self.status}")
        if not np.isfinite(t) or t < 0.0 or t > last:
            raise ValueError(f"t must lie in [0, {last}], got {t}")
        k = min(int(np.floor(t)), last)
        s = t - k
        here = self.stages[k]
        if s == 0.0:
            return here.grid_2d, here.points_2d
        there = self.stages[k + 1]
        return ((1.0 - s) * here.grid_2d + s * there.grid_2d,
                (1.0 - s) * here.points_2d + s * there.points_2d)


# --------------------------------------------------------------------------- projections
def _fix_signs(basis: np.ndarray, start: int = 0) -> np.ndarray:
    """Each column from ``start`` on with its largest-magnitude entry positive (in place), so
    the picture does not flip between redraws."""
    for c in range(start, basis.shape[1]):
        if basis[np.argmax(np.abs(basis[:, c])), c] < 0:
            basis[:, c] *= -1.0
    return basis


def _covariance(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(mean (w,), covariance (w, w), biased) of the rows of ``values``."""
    center = values.mean(axis=0)
    centered = values - center
    return center, centered.T @ centered / values.shape[0]


def _pca_basis(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(center (w,), basis (w, 2)): mean and first two principal axes (eigenvectors of the
    covariance, largest eigenvalues first; signs fixed)."""
    center, covariance = _covariance(values)
    eigenvectors = np.linalg.eigh(covariance)[1]  # ascending eigenvalues
    return center, _fix_signs(eigenvectors[:, ::-1][:, :2].copy())


def _output_basis(values: np.ndarray, direction: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(center (w,), basis (w, 2)): x along the output layer's direction ``direction`` (unit),
    y the first principal axis of the values within the orthogonal complement of it."""
    center, covariance = _covariance(values)
    across = np.eye(direction.size) - np.outer(direction, direction)
    eigenvectors = np.linalg.eigh(across @ covariance @ across)[1]
    # the complement's eigenvectors (those ⟂ direction), largest eigenvalue first
    candidates = [v for v in eigenvectors.T[::-1] if abs(float(v @ direction)) < 0.5]
    second = candidates[0] - (candidates[0] @ direction) * direction
    basis = np.column_stack([direction, second / np.linalg.norm(second)])
    return center, _fix_signs(basis, start=1)


def _projection(request, width: int, points: np.ndarray, grid: np.ndarray,
                direction: np.ndarray | None = None) -> Projection:
    """The projection for a layer of ``width`` from a request (None, "pca", "output" or
    (i, j)). A fitted basis comes from ``points`` (n, width), or from ``grid`` (…, width) with
    fewer than 2 points. ``direction``: the output layer's unit direction on this layer (the
    last one), None elsewhere or when there is none; without a request a layer of width ≥ 3
    is drawn along it ("output") if there is one, else by PCA."""
    zero = np.zeros(width)
    if isinstance(request, str) and request not in ("pca", "output"):
        raise ValueError(f"a projection is 'pca', 'output' or two neuron indices, got "
                         f"{request!r}")
    if request is not None and not isinstance(request, str):
        try:
            i, j = (int(k) for k in request)
        except (TypeError, ValueError):
            raise ValueError(f"a projection is 'pca', 'output' or two neuron indices (i, j), "
                             f"got {request!r}") from None
        if width < 2:
            raise ValueError(f"a layer of width {width} is drawn on a line: no neuron pair")
        if not (0 <= i < width and 0 <= j < width) or i == j:
            raise ValueError(f"neurons must be two different indices in [0, {width}), got "
                             f"({i}, {j})")
        basis = np.zeros((width, 2))
        basis[i, 0] = basis[j, 1] = 1.0
        return Projection("neurons", (i, j), zero, basis)
    if request == "output" and direction is None:
        raise ValueError("the output direction exists only on the last layer before a "
                         "two-class output with nonzero output weights")
    if width == 1:
        return Projection("line", (0,), zero, np.array([[1.0, 0.0]]))
    if width == 2 and request is None:
        return Projection("identity", (0, 1), zero, np.eye(2))
    source = "points" if points.shape[0] >= 2 else "grid"
    sample = points if source == "points" else grid.reshape(-1, width)
    if sample.shape[0] < 2:  # nothing to fit a basis to: the first two neurons
        return Projection("neurons", (0, 1), zero, np.eye(width)[:, :2].copy())
    if request == "output" or (request is None and direction is not None):
        center, basis = _output_basis(sample, direction)
        return Projection("output", None, center, basis, source)
    center, basis = _pca_basis(sample)
    return Projection("pca", None, center, basis, source)


def _project(values: np.ndarray, projection: Projection) -> np.ndarray:
    """(values − center) @ basis for values (..., width): (..., 2) float64."""
    flat = values.reshape(-1, values.shape[-1])
    return ((flat - projection.center) @ projection.basis).reshape(*values.shape[:-1], 2)


def _explained(points: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """Fraction of the points' total variance along each column of ``basis`` (NaN when
    undefined)."""
    if points.shape[0] < 2:
        return np.full(2, np.nan)
    centered = points - points.mean(axis=0)
    total = float(np.sum(centered * centered))
    if not total > 0.0:
        return np.full(2, np.nan)
    along = centered @ basis
    return np.sum(along * along, axis=0) / total


# --------------------------------------------------------------------------- the stages
def _finite_parameters(net) -> bool:
    arrays = [*net.weights, *net.biases, *net.bn_gamma, *net.bn_beta, *net.bn_running_mean,
              *net.bn_running_var]
    return all(bool(np.all(np.isfinite(a))) for a in arrays)


def _raw_stages(net, grid: np.ndarray, points: np.ndarray) -> list[tuple]:
    """(kind, layer, activation, grid values, point values) of every stage after "plane"."""
    lines, samples, _ = grid.shape
    n_grid = lines * samples
    stacked = np.concatenate([grid.reshape(n_grid, grid.shape[2]), points], axis=0)
    fp = net.forward(stacked, training=False)

    def split(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return values[:n_grid].reshape(lines, samples, values.shape[1]), values[n_grid:]

    stages = [("input", 0, None, *split(fp.activations[0]))]
    for l in range(net.n_hidden):
        if net.batch_norm:
            stages.append(("linear", l + 1, None, *split(fp.linear_outputs[l])))
            stages.append(("normalized", l + 1, None, *split(fp.pre_activations[l])))
        else:
            stages.append(("linear", l + 1, None, *split(fp.pre_activations[l])))
        stages.append(("activation", l + 1, net.hidden_activations[l],
                       *split(fp.activations[l + 1])))
    return stages


def _output_direction(net) -> tuple[str, np.ndarray | None, float]:
    """(status, w, c) of the output layer's decision function g(a) = w·a + c, class 1 where
    g > 0: the sigmoid's logit, or z₁ − z₀ of a two-class softmax. status is "exact" when
    there is such a g, else "regression" or "multiclass" (w None)."""
    if net.output_activation == "linear":
        return "regression", None, 0.0
    W, b = net.weights[-1], net.biases[-1]
    if W.shape[0] == 1:  # sigmoid: p > 0.5 ⇔ z = w·a + b > 0
        return "exact", W[0].copy(), float(b[0])
    if W.shape[0] == 2:  # softmax, K = 2: class 1 ⇔ z₁ − z₀ > 0
        return "exact", W[1] - W[0], float(b[1] - b[0])
    return "multiclass", None, 0.0


def _decision_line(net, last: Stage) -> DecisionLine:
    """The output layer's line in ``last``'s drawn coordinates (see :class:`DecisionLine`)."""
    status, w, c = _output_direction(net)
    if w is None:
        return DecisionLine(status)
    projection = last.projection
    # the drawn plane a = anchor + basis·t (t the 2-D coordinates)
    if projection.mode == "neurons" and last.width > 2:
        source = last.points if last.points.shape[0] else last.grid.reshape(-1, last.width)
        anchor = source.mean(axis=0) if source.shape[0] else np.zeros(last.width)
        anchor[list(projection.neurons)] = 0.0
    else:
        anchor = projection.center
    c1, c2 = projection.basis.T @ w
    coefficients = np.array([c + float(w @ anchor), c1, c2])
    if np.hypot(c1, c2) <= DIRECTION_TOLERANCE * float(np.linalg.norm(w)):
        coefficients[1:] = 0.0  # no direction: the same value c0 all over the plane
        return DecisionLine("degenerate", coefficients, int(coefficients[0] > 0.0))
    line = DecisionLine("exact", coefficients)
    drawn = np.concatenate([last.grid_2d.reshape(-1, 2), last.points_2d])
    side = line.side(drawn)
    if side.size and (np.all(side > 0.0) or np.all(side < 0.0)):  # the line misses them all
        return DecisionLine("outside", coefficients, int(side[0] > 0.0))
    whole = last.width <= 2 or projection.mode == "output"  # every point keeps its side
    return DecisionLine("exact" if whole else "slice", coefficients)


def hidden_space(net, grid, points, *, plane_grid=None, plane_points=None,
                 projections: Mapping[int, object] | None = None) -> HiddenSpace:
    """Map ``grid`` and ``points`` through ``net`` stage by stage (module docstring).

    net: a ``core.network.MLP``. grid: (lines, samples, d_in) network inputs along the grid
    lines; points: (n, d_in) network inputs (n may be 0). plane_grid (lines, samples, d_raw)
    and plane_points (n, d_raw), d_raw 1 or 2: the same grid and points in raw plane
    coordinates, drawn as a first "plane" stage (both or neither). projections: layer →
    "pca", "output" or (i, j) neuron indices, for layers of width ≥ 2 (layer 0 = the input,
    ℓ = the hidden layer ℓ, 1-based); unspecified layers use the defaults (module docstring).
    The grid may have 0 lines (points only).

    Returns a :class:`HiddenSpace`. Non-finite parameters or values give a status code
    (:data:`STATUSES`), not an error. Raises ValueError for wrong shapes, a request for a
    layer that does not exist, bad neuron indices (out of range or equal), or "output" on
    a layer without an output direction.
    """
    grid = np.asarray(grid, dtype=np.float64)
    points = np.asarray(points, dtype=np.float64)
    d_in = net.layer_sizes[0]
    if grid.ndim != 3 or grid.shape[2] != d_in or grid.shape[1] < 2:
        raise ValueError(f"grid must have shape (lines, samples ≥ 2, {d_in}), got {grid.shape}")
    if points.ndim != 2 or points.shape[1] != d_in:
        raise ValueError(f"points must have shape (n, {d_in}), got {points.shape}")
    projections = dict(projections or {})
    for layer in projections:
        if not (isinstance(layer, (int, np.integer)) and 0 <= layer <= net.n_hidden):
            raise ValueError(f"projection layers are 0 … {net.n_hidden}, got {layer!r}")
    if (plane_grid is None) != (plane_points is None):
        raise ValueError("plane_grid and plane_points come together")
    if plane_grid is not None:
        plane_grid = np.asarray(plane_grid, dtype=np.float64)
        plane_points = np.asarray(plane_points, dtype=np.float64)
        if (plane_grid.ndim != 3 or plane_grid.shape[:2] != grid.shape[:2]
                or plane_grid.shape[2] not in (1, 2)
                or plane_points.shape != (points.shape[0], plane_grid.shape[2])):
            raise ValueError(f"plane grid {plane_grid.shape} and points {plane_points.shape} "
                             f"must match the grid {grid.shape} and points {points.shape}, "
                             f"with 1 or 2 raw coordinates")
    if not _finite_parameters(net):
        return HiddenSpace("non_finite_parameters", (), DecisionLine("degenerate"))
    with np.errstate(over="ignore", invalid="ignore"):
        raw = _raw_stages(net, grid, points)
    if not all(np.all(np.isfinite(g)) and np.all(np.isfinite(p)) for *_, g, p in raw):
        return HiddenSpace("non_finite_values", (), DecisionLine("degenerate"))
    if plane_grid is not None:
        raw.insert(0, ("plane", 0, None, plane_grid, plane_points))
    # one projection per layer, from its last stage (the activation; the input for layer 0)
    chosen: dict[int, Projection] = {}
    for kind, layer, _, g, p in reversed(raw):
        if kind != "plane" and layer not in chosen:
            direction = None
            if layer == net.n_hidden and g.shape[2] >= 2:
                w = _output_direction(net)[1]
                if w is not None and np.any(w != 0.0):
                    direction = w / np.linalg.norm(w)
            chosen[layer] = _projection(projections.get(layer), g.shape[2], p, g, direction)
    stages = []
    for kind, layer, activation, g, p in raw:
        projection = (chosen[layer] if kind != "plane"
                      else _projection(None, g.shape[2], p, g))
        stages.append(Stage(kind, layer, activation, g.shape[2], g, p, projection))
    return HiddenSpace("ok", tuple(stages), _decision_line(net, stages[-1]))


# --------------------------------------------------------------------------- from a session
def plane_grid(extent, dim: int, lines: int = DEFAULT_LINES,
               samples: int = DEFAULT_SAMPLES) -> np.ndarray:
    """The raw grid over ``extent = (x_min, x_max, y_min, y_max)``: for 2-D inputs
    ``grid_lines(extent, lines, samples)`` (2·lines, samples, 2); for 1-D inputs the x axis as
    one line of m = max(2, (lines − 1)·(samples − 1)//2 + 1) samples, shape (1, m, 1) (the
    input plane is a line). ValueError as ``grid_lines``, or for dim not 1 or 2."""
    grid = grid_lines(extent, lines, samples)
    if dim == 2:
        return grid
    if dim != 1:
        raise ValueError(f"raw inputs are 1- or 2-dimensional, got {dim}")
    count = max(2, (lines - 1) * (samples - 1) // 2 + 1)
    return np.linspace(extent[0], extent[1], count).reshape(1, count, 1)


def session_hidden_space(session, extent, *, lines: int = DEFAULT_LINES,
                         samples: int = DEFAULT_SAMPLES,
                         projections: Mapping[int, object] | None = None) -> HiddenSpace:
    """:func:`hidden_space` of a ``core.session.Session``: the grid over ``extent`` (raw
    coordinates, as the canvas; :func:`plane_grid`) and all the session's points
    (``session.points.X``, in their order), through ``session.transform`` (feature expansion,
    standardization). A "plane" stage comes first when the network's input is not the raw
    plane itself. ValueError as :func:`hidden_space` and :func:`plane_grid`."""
    raw_grid = plane_grid(extent, session.points.dim, lines, samples)
    raw_points = np.asarray(session.points.X, dtype=np.float64)
    count, per_line, dim = raw_grid.shape
    grid = session.transform(raw_grid.reshape(-1, dim)).reshape(count, per_line, -1)
    inputs = session.transform(raw_points)
    same = grid.shape == raw_grid.shape and np.array_equal(grid, raw_grid)
    plane = {} if same else {"plane_grid": raw_grid, "plane_points": raw_points}
    return hidden_space(session.net, grid, inputs, projections=projections, **plane)
