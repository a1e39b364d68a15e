"""What the loss-surface dock computes, as plain functions of a snapshot (no Qt here).

The GUI thread takes a :class:`SurfaceInputs` snapshot of the session (a copy of the network,
the training data, the trajectory) or, for an optimizer race, a :class:`RaceInputs` copy of the
trainer (``Trainer.copy``), so a worker thread can compute from it while training goes on.
:func:`surface_job` and :func:`race_job` build the callables that ``gui.common.workers.JobRunner``
runs; they yield their results one by one (coarse preview, full surface, 1-D slices).

Display coordinates: for the chosen-parameters and linear planes the axes show the two
parameters' absolute values, so a trajectory is drawn exactly (its two columns), whatever
surface is on screen. For the random and PCA planes they are plane coordinates (α, β), and
points are projected by least squares, with the pseudo-inverse of [d₁ d₂] computed once per
plane (the same numbers as ``Plane.project``, about 30× faster for long paths).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from core.directions import (
    Plane,
    PlaneProblem,
    PlaneUnavailable,
    covering_ranges,
    is_linear_lesson,
    linear_model_plane,
    linear_optimum,
    parameter_plane,
    pca_plane,
    random_plane,
)
from core.loss_surface import (
    Cancelled,
    SliceResult,
    SurfaceResult,
    coarse_then_fine,
    linear_interpolation,
    loss_slice,
)
from core.parameters import ParamRef
from core.training import EmptyTrainingSet, TrainingDiverged
from gui.surface.contours import SurfaceLayer, nice_range, surface_layer

MODES = ("parameters", "random", "pca", "linear")
MODE_LABELS = {
    "parameters": "Two parameters",
    "random": "Random (filter-normalized)",
    "pca": "PCA of the path",
    "linear": "(w, b) of a linear model",
}
RACE_OPTIMIZERS = ("sgd", "momentum", "adam")
RESOLUTION_RANGE = (21, 101)
SLICE_POINTS = 101
#: Path points (the start and at least two steps) before a PCA plane is drawn: with two, the
#: second component would be arbitrary.
PCA_MIN_PATH = 3
#: The coarse 21×21 preview is shown only when the full surface is expected to take longer.
PREVIEW_WORTH_SECONDS = 0.1

Progress = Callable[[float], "bool | None"]
#: ``estimate(coarse, resolution)``: expected seconds of the full resolution² surface, given
#: the coarse pass (:func:`full_surface_seconds`; tests pass a stand-in).
CostEstimate = Callable[[SurfaceResult, int], float]


@dataclass(frozen=True)
class SurfaceSettings:
    """User choices of the dock. ``parameters``: two flat indices (mode "parameters");
    ``extent``: half-width of the grid in display units (parameter values, or α/β);
    ``fit_path``: widen the grid so it covers the whole path (and the optimum)."""

    mode: str = "parameters"
    parameters: tuple[int, int] | None = None
    resolution: int = 51
    extent: float = 1.0
    fit_path: bool = True
    seed: int = 0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {self.mode!r}")
        low, high = RESOLUTION_RANGE
        if not low <= int(self.resolution) <= high:
            raise ValueError(f"resolution must be between {low} and {high}, got {self.resolution}")
        if not (np.isfinite(self.extent) and self.extent > 0):
            raise ValueError(f"extent must be a positive number, got {self.extent}")


@dataclass(frozen=True, eq=False)
class SurfaceInputs:
    """A snapshot of what a surface needs; nothing here is shared with the live session."""

    net: object  # core.network.MLP (a copy)
    X: np.ndarray
    y: np.ndarray
    loss: str
    l1: float
    l2: float
    steps: np.ndarray  # (m,) trajectory steps, oldest first
    trajectory: np.ndarray  # (m, P); the last row is the current parameters
    extra_paths: tuple = ()  # more (k, P) paths the grid should cover (an optimizer race)

    @property
    def params(self) -> np.ndarray:
        return self.trajectory[-1]

    @property
    def step(self) -> int:
        return int(self.steps[-1])

    @property
    def linear_lesson(self) -> bool:
        return is_linear_lesson(self.net, self.loss)


def capture(session, extra_paths=()) -> SurfaceInputs:
    """Snapshot of ``session`` (core.session.Session) for a worker thread; ``extra_paths``:
    (k, P) parameter paths that "fit path" should also cover."""
    trainer = session.trainer
    steps, trajectory = trainer.trajectory()
    current = session.net.get_params()
    if not np.array_equal(trajectory[-1], current):  # edited after the last snapshot
        steps, trajectory = np.append(steps, trainer.step_count), np.vstack([trajectory, current])
    return SurfaceInputs(session.net.copy(), np.array(session.X_train), np.array(session.y_train),
                         session.loss, trainer.l1, trainer.l2, np.array(steps),
                         np.array(trajectory), tuple(np.array(path) for path in extra_paths))


@dataclass(frozen=True, eq=False)
class RaceInputs:
    """What a race needs: ``trainer``, a copy of the session's trainer (``Trainer.copy``) that
    only the race's worker uses."""

    trainer: object  # core.training.Trainer (a copy)


def race_inputs(session) -> RaceInputs:
    """Snapshot of ``session``'s trainer for :func:`race_job` (taken in the GUI thread)."""
    return RaceInputs(session.trainer.copy(snapshot_capacity=1))


def default_parameters(layer_sizes, batch_norm: bool = False) -> tuple[int, int]:
    """Two weights of the last layer (the fastest surface, and they move visibly): W[0, 0] and
    W[0, 1], or W[0, 0] and the bias when that layer has a single input. Flat indices into
    ``get_params()``, whose order depends on ``batch_norm`` (core.parameters)."""
    last = len(layer_sizes) - 2
    first = ParamRef(last, "W", 0, 0).flat_index(layer_sizes, batch_norm)
    second = ParamRef(last, "W", 0, 1) if layer_sizes[-2] > 1 else ParamRef(last, "b", 0)
    return first, second.flat_index(layer_sizes, batch_norm)


def make_plane(inputs: SurfaceInputs, settings: SurfaceSettings) -> Plane:
    """The plane of ``settings.mode`` through the current parameters (origin 0 for "linear").

    Raises ``core.directions.PlaneUnavailable`` (a ValueError with a ``PlaneProblem`` code)
    when the mode cannot be built now: "linear" on a model that is not the linear lesson,
    "pca" on a path of fewer than ``PCA_MIN_PATH`` points or one that has not moved, "random"
    when every weight is 0, "parameters" with one parameter chosen twice.
    """
    if settings.mode == "linear":
        if not inputs.linear_lesson:
            raise PlaneUnavailable(
                PlaneProblem.NOT_LINEAR_MODEL,
                "the (w, b) plane needs a 1-input linear model trained with mse")
        return linear_model_plane()
    if settings.mode == "random":
        return random_plane(inputs.net, seed=settings.seed, origin=inputs.params)
    if settings.mode == "pca":
        return pca_plane(inputs.trajectory, min_rows=PCA_MIN_PATH)
    indices = settings.parameters or default_parameters(
        inputs.net.layer_sizes, bool(getattr(inputs.net, "batch_norm", False)))
    return parameter_plane(inputs.net, *indices, origin=inputs.params)


class Projector:
    """Display coordinates of parameter vectors on ``plane`` (see the module docstring)."""

    def __init__(self, plane: Plane) -> None:
        self.plane = plane
        self.exact = plane.indices is not None
        self.offset = np.asarray(plane.axis_offset)
        if not self.exact:
            self._pinv = np.linalg.pinv(plane.directions.T)  # (2, P)

    def __call__(self, params) -> np.ndarray:
        """(P,) → (2,) or (m, P) → (m, 2) float64; ValueError if P does not match the plane."""
        params = np.asarray(params, dtype=np.float64)
        if params.shape[-1] != self.plane.origin.size:
            raise ValueError(f"parameters have {params.shape[-1]} entries, the plane "
                             f"{self.plane.origin.size}")
        if self.exact:
            return params[..., list(self.plane.indices)].copy()
        return (params - self.plane.origin) @ self._pinv.T

    def display(self, alphas, betas) -> tuple[np.ndarray, np.ndarray]:
        """Grid axes in display units (plane coordinates plus the origin's values if exact)."""
        return np.asarray(alphas) + self.offset[0], np.asarray(betas) + self.offset[1]


def grid_ranges(plane: Plane, inputs: SurfaceInputs, settings: SurfaceSettings,
                optimum=None) -> tuple[tuple[float, float], tuple[float, float]]:
    """(alpha_range, beta_range) in plane coordinates: ±extent around the current point, or with
    ``fit_path`` wide enough for the whole path (and the optimum), at least ±extent.

    The ends are rounded outwards to a tenth-of-width grid in display units (:func:`nice_range`),
    so successive automatic refreshes keep the same axes instead of jittering with every step.
    """
    projector = Projector(plane)
    current = projector(inputs.params) - projector.offset
    if settings.fit_path:
        paths = [inputs.trajectory, *(p for p in inputs.extra_paths
                                      if p.shape[1:] == (plane.origin.size,))]
        points = projector(np.vstack(paths)) - projector.offset
        if optimum is not None:
            points = np.vstack([points, np.asarray(optimum, dtype=np.float64)[None, :]])
        points = points[np.isfinite(points).all(axis=1)]
        shifted = covering_ranges(points - current, margin=0.15,
                                  min_half_width=settings.extent)
        ranges = [(low + c, high + c) for (low, high), c in zip(shifted, current, strict=True)]
    else:
        e = settings.extent
        ranges = [(current[0] - e, current[0] + e), (current[1] - e, current[1] + e)]
    offset = projector.offset
    return tuple(tuple(np.asarray(nice_range(low + o, high + o)) - o)
                 for (low, high), o in zip(ranges, offset, strict=True))


@dataclass
class SurfaceUpdate:
    """One surface from the worker: ``preview`` is True for the coarse 21×21 pass; ``layers``
    the ready-to-draw colour values and contours per (loss kind "data"/"total", log colour)."""

    surface: SurfaceResult
    plane: Plane
    step: int
    preview: bool
    optimum: tuple[float, float] | None = None
    layers: dict = field(default_factory=dict)
    resolution: int = 0  # of the final surface of this request

    def layer(self, loss_kind: str, log: bool) -> SurfaceLayer:
        """The drawable layer, made here (in the calling thread) if the worker did not."""
        key = (loss_kind, bool(log))
        if key not in self.layers:
            values = self.surface.total_loss if loss_kind == "total" else self.surface.data_loss
            self.layers[key] = surface_layer(values, log)
        return self.layers[key]


def drawable_layers(surface: SurfaceResult) -> dict:
    """Layers for both loss kinds and both colour scales (``total`` shares ``data``'s when
    there is no penalty)."""
    layers = {}
    for log in (False, True):
        layers["data", log] = surface_layer(surface.data_loss, log)
        layers["total", log] = (surface_layer(surface.total_loss, log)
                                if np.any(surface.penalty) else layers["data", log])
    return layers


@dataclass
class SliceUpdate:
    """1-D views: the slice along d₁ through the current point (``along.ts`` relative to it;
    add ``along_offset`` for the first axis' display units) and the interpolation from the
    oldest kept parameters (``start_step``; 0 = initialization) to the current ones."""

    along: SliceResult
    along_offset: float  # display coordinate of the current point on the first axis
    interpolation: SliceResult | None
    start_step: int


def full_surface_seconds(coarse: SurfaceResult, resolution: int) -> float:
    """Expected seconds of the full ``resolution``² surface: the coarse pass's measured
    ``seconds`` scaled by the number of grid points (the evaluation is linear in them)."""
    return coarse.seconds * (resolution / coarse.alphas.size) ** 2


def surface_job(inputs: SurfaceInputs, settings: SurfaceSettings,
                estimate: CostEstimate = full_surface_seconds) -> Callable[[Progress], Iterator]:
    """A job for ``JobRunner.submit``: yields SurfaceUpdate (a coarse 21×21 preview when
    ``estimate`` expects the full surface to take ``PREVIEW_WORTH_SECONDS`` or more, then the
    full one), then a SliceUpdate. Raises PlaneUnavailable (see :func:`make_plane`), another
    ValueError for bad inputs, or Cancelled."""

    def job(progress: Progress) -> Iterator:
        plane = make_plane(inputs, settings)
        linear = plane.kind == "linear"
        optimum = linear_optimum(inputs.X, inputs.y) if linear else None
        alpha_range, beta_range = grid_ranges(plane, inputs, settings, optimum)
        options = {"l1": inputs.l1, "l2": inputs.l2,
                   "dtype": np.float64 if linear else np.float32}
        passes = coarse_then_fine(inputs.net, inputs.X, inputs.y, inputs.loss, plane,
                                  alpha_range, beta_range, settings.resolution,
                                  progress=lambda f: progress(0.95 * f), **options)
        for surface in passes:
            preview = surface.alphas.size < settings.resolution
            if preview and estimate(surface, settings.resolution) < PREVIEW_WORTH_SECONDS:
                continue  # the full surface follows at once: drawing twice costs more
            yield SurfaceUpdate(surface, plane, inputs.step, preview=preview,
                                optimum=optimum, layers=drawable_layers(surface),
                                resolution=settings.resolution)
        projector = Projector(plane)
        current = projector(inputs.params)
        ts = np.linspace(*alpha_range, SLICE_POINTS) - (current[0] - projector.offset[0])
        along = loss_slice(inputs.net, inputs.X, inputs.y, inputs.loss, inputs.params,
                           plane.directions[0], ts, **options)
        interpolation = None
        if len(inputs.trajectory) >= 2:
            interpolation = linear_interpolation(inputs.net, inputs.X, inputs.y, inputs.loss,
                                                 inputs.trajectory[0], inputs.params, **options)
        if progress(1.0) is False:
            raise Cancelled("cancelled before the slices were shown")
        yield SliceUpdate(along, float(current[0]), interpolation, int(inputs.steps[0]))

    return job


@dataclass
class RaceResult:
    """Parameter paths (steps + 1, P) per optimizer from the same start, and the final data
    loss of each on the training set (NaN if it diverged; its path then ends at the last
    finite parameters)."""

    paths: dict[str, np.ndarray]
    final_loss: dict[str, float]
    steps: int
    learning_rate: float


def race_job(inputs: RaceInputs, steps: int,
             optimizers=RACE_OPTIMIZERS) -> Callable[[Progress], RaceResult]:
    """A job running each optimizer for ``steps`` real Steps (``Trainer.step``) from the
    current state, each on its own copy of the trainer (the session's trainer is never
    touched): the same data, mini-batches, dropout masks, η, penalties and clipping as the
    session. The session's own optimizer keeps its state, so its path is exactly what Step
    would do next; the others start with a fresh state and the hyperparameters of the
    training settings. Optimizers: core.optimizers (sgd; momentum, Polyak 1964; adam, Kingma
    & Ba 2015)."""
    def job(progress: Progress) -> RaceResult:
        paths, final = {}, {}
        total = max(1, steps * len(optimizers))
        for k, name in enumerate(optimizers):
            racer = inputs.trainer.copy(snapshot_capacity=1)
            if racer.settings.optimizer != name:
                racer.apply_settings(racer.settings.updated(optimizer=name, check_ranges=False))
            path = [racer.net.get_params()]
            diverged = False
            for s in range(steps):
                try:
                    racer.step()
                except (TrainingDiverged, EmptyTrainingSet):
                    diverged = True  # a racer that blows up is reported, its path ends here
                    break
                path.append(racer.net.get_params())
                if progress((k * steps + s + 1) / total) is False:
                    raise Cancelled(f"race cancelled during {name}")
            # the final training loss: the racer's newest row, evaluated (a cadence copy)
            loss = np.nan if diverged else racer.evaluate_now()["train_loss"]
            paths[name], final[name] = np.array(path), float(loss)
        return RaceResult(paths, final, steps, inputs.trainer.learning_rate)

    return job
