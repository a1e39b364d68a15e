"""Feeds the data canvas from the session: points, prediction heatmap or curve, mini-batch.

Kept apart from the canvas (a pure view of arrays) and the main window (layout and actions).
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from core.point_losses import point_losses
from core.selected_sample import shown_sample
from gui.canvas.data_canvas import DataCanvas, loss_size_factors
from gui.canvas.marks import LegendEntry
from gui.common import colors
from gui.common.display_names import class_name
from gui.common.i18n import translate
from gui.common.number_format import number

#: Significant digits of the hover label's numbers.
HOVER_DIGITS = 4

#: Canvas range for generated data (inputs in [-6, 6]); the margin keeps the ±6 tick labels whole.
GENERATED_RANGE = (-6.25, 6.25)
MAX_RESOLUTION = 96
MIN_RESOLUTION = 24
PIXELS_PER_CELL = 5
#: Grid cells per axis while playing: the boundary is redrawn every frame, so it must be cheap
#: (one forward pass over PLAY_RESOLUTION² points); bilinear scaling keeps it smooth.
PLAY_RESOLUTION = 40
#: Points inside ±6 whose widest axis spans less than this are not generated-scale data (e.g.
#: imported features in 0–1): the view is fitted to them instead of showing a tiny blob in ±6.
#: The smallest generated preset spans ~5.6 (gaussians, 20 points, no noise).
MIN_GENERATED_SPAN = 4.0
#: 2-D inputs are drawn to scale (1:1, a circle stays round) unless the range to show is more
#: than this many times wider than high or vice versa — e.g. imported columns in unlike units
#: (grams against millimetres), which at 1:1 would be squeezed into a thin strip.
MAX_EQUAL_ASPECT_RATIO = 4.0


def _padded(lo: float, hi: float, fraction: float = 0.08) -> tuple[float, float]:
    if not np.isfinite(lo) or not np.isfinite(hi):
        return GENERATED_RANGE
    span = hi - lo
    if span <= 1e-9:
        span = max(abs(lo), 1.0)
    return lo - fraction * span, hi + fraction * span


def jitter(x: np.ndarray) -> np.ndarray:
    """A deterministic vertical spread in [-1, 1] for 1-D classification points, a function
    of x only, so a point, its batch ring and the eraser agree on where it is drawn."""
    frac = np.modf(np.abs(np.sin(np.asarray(x, dtype=np.float64) * 12.9898) * 43758.5453))[0]
    return 2.0 * frac - 1.0


def canvas_positions(points, indices=None) -> np.ndarray:
    """Where points are drawn, (m, 2): 2-D inputs (x1, x2); 1-D regression (x1, target);
    1-D classification (x1, jitter(x1))."""
    X = points.X if indices is None else points.X[indices]
    if points.dim == 2:
        return X
    y = points.y if indices is None else points.y[indices]
    if points.task == "regression":
        return np.column_stack([X[:, 0], y.astype(np.float64)])
    return np.column_stack([X[:, 0], jitter(X[:, 0])])


def _inside(positions: np.ndarray, ranges) -> bool:
    (x0, x1), (y0, y1) = ranges
    return bool(np.all((positions[:, 0] >= x0) & (positions[:, 0] <= x1))
                and np.all((positions[:, 1] >= y0) & (positions[:, 1] <= y1)))


def equal_aspect(dim: int, x_range: tuple[float, float], y_range: tuple[float, float]) -> bool:
    """Whether the canvas locks one x unit to one y unit: for 2-D inputs whose ranges' widths
    differ by at most MAX_EQUAL_ASPECT_RATIO. 1-D data plots x against a target or a jitter,
    which are not the same quantity, so it is never locked."""
    if dim != 2:
        return False
    width, height = x_range[1] - x_range[0], y_range[1] - y_range[0]
    if not (np.isfinite(width) and np.isfinite(height)) or min(width, height) <= 0:
        return False
    return max(width, height) / min(width, height) <= MAX_EQUAL_ASPECT_RATIO


def grid_resolution(pixels: tuple[float, float], limit: int) -> tuple[int, int]:
    """Grid cells (along x, along y) for a plot of ``pixels`` (width, height): about one cell
    per PIXELS_PER_CELL pixels, so cells are square on screen, with at most ``limit`` ² cells in
    all (one forward pass each), at least MIN_RESOLUTION and at most 4·limit along each axis."""
    cells = np.array([max(float(p), 1.0) for p in pixels]) / PIXELS_PER_CELL
    budget = float(limit) ** 2
    if cells.prod() > budget:
        cells *= np.sqrt(budget / cells.prod())
    res_x, res_y = (int(np.clip(np.floor(c + 1e-9), MIN_RESOLUTION, 4 * limit)) for c in cells)
    return res_x, res_y


class CanvasPresenter:
    """Draws a ``Session`` on a ``DataCanvas``.

    When the canvas's visible range changes (a resize while the aspect ratio is locked), the
    last prediction is drawn again over the new range, once the event loop runs (so many
    resize events cost one redraw); a draw_prediction call in between makes that redraw moot.
    """

    def __init__(self, canvas: DataCanvas) -> None:
        self.canvas = canvas
        self.value_levels = (-1.0, 1.0)
        #: points drawn with a diameter growing with their own loss (View ▸ Size points by loss)
        self.size_by_loss = False
        self._session = None  # the session last drawn: the hover label reads it
        canvas.hover_text = self.hover_text
        canvas.legend_entries = lambda: [] if self._session is None else \
            legend_entries(self._session)
        self._last_prediction: tuple | None = None  # (session, playing) of the last draw
        self._redraw_timer = QtCore.QTimer(canvas)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(0)
        self._redraw_timer.timeout.connect(self._redraw_prediction)
        canvas.visibleRangeChanged.connect(self._redraw_timer.start)

    def _redraw_prediction(self) -> None:
        if self._last_prediction is not None:
            self.draw_prediction(*self._last_prediction)

    # ------------------------------------------------------------------ ranges
    @staticmethod
    def needed_range(session) -> tuple[tuple[float, float], tuple[float, float]]:
        """The data range that shows every point: ±6 for generated-scale data (inside ±6 and
        spanning at least MIN_GENERATED_SPAN), else the data's bounding box plus a margin.
        Static: the hidden-space view grids the same extent (given it by the view registry)."""
        points = session.points
        positions = canvas_positions(points)
        regression_1d = points.task == "regression" and points.dim == 1
        if points.dim == 1 and not regression_1d:
            y_fixed = (-1.5, 1.5)
        else:
            y_fixed = None
        if len(points) == 0:
            return GENERATED_RANGE, ((-2.0, 2.0) if regression_1d else y_fixed or GENERATED_RANGE)

        spans = [float(np.ptp(positions[:, 0]))]
        if y_fixed is None and not regression_1d:
            spans.append(float(np.ptp(positions[:, 1])))
        generated_scale = max(spans) >= MIN_GENERATED_SPAN

        def axis(values: np.ndarray) -> tuple[float, float]:
            lo, hi = float(np.min(values)), float(np.max(values))
            if generated_scale and lo >= GENERATED_RANGE[0] and hi <= GENERATED_RANGE[1]:
                return GENERATED_RANGE
            return _padded(lo, hi)

        x_range = axis(positions[:, 0])
        if regression_1d:
            y_range = _padded(float(np.min(positions[:, 1])), float(np.max(positions[:, 1])),
                              0.15)
        else:
            y_range = y_fixed or axis(positions[:, 1])
        return x_range, y_range

    def fit_range(self, session, fresh: bool) -> None:
        """Set the canvas range: recomputed when `fresh`, else only grown to show new points.

        A point drawn outside the requested range but inside the visible one (the margin of a
        canvas locked to scale) makes the visible range the requested one: nothing moves now,
        and the point stays in view at any later window shape.
        """
        x_needed, y_needed = self.needed_range(session)
        if not fresh:
            positions = canvas_positions(session.points)
            if _inside(positions, self.canvas.view_range()):
                return
            if _inside(positions, self.canvas.visible_range()):
                self.canvas.set_view_range(*self.canvas.visible_range(),
                                           equal_aspect=self.canvas.equal_aspect)
                return
        self.canvas.set_view_range(x_needed, y_needed,
                                   equal_aspect(session.points.dim, x_needed, y_needed))

    # ------------------------------------------------------------------ points
    def draw_points(self, session) -> None:
        points = session.points
        self.canvas.set_mode(points.task, points.dim)
        names = self.axis_names(session)
        self.canvas.set_axis_labels(*names)
        if points.task == "regression":
            if len(points):
                self.value_levels = (float(np.min(points.y)), float(np.max(points.y)))
            else:
                self.value_levels = (-1.0, 1.0)
        if points.task == "regression" and points.dim == 1:
            rgba = np.tile(np.array([[0x33, 0x33, 0x33, 255]], dtype=np.uint8), (len(points), 1))
        elif points.task == "regression":
            rgba = colors.value_rgba_u8(points.y, self.value_levels)
        else:
            rgba = colors.class_rgba_u8(points.y)
        self._session = session
        self.canvas.set_points(canvas_positions(points), rgba, points.split)
        self.canvas.set_legend(legend_entries(session))
        self.draw_sizes(session)

    # ---------------------------------------------------------- hover, sizes
    def hover_text(self, index: int) -> str:
        """The hover label of point ``index`` (into ``session.points``) of the last drawn
        session: see :func:`point_text`."""
        return "" if self._session is None else point_text(self._session, index)

    def set_size_by_loss(self, on: bool, session=None) -> None:
        """Size points by their own loss (on) or draw them all alike."""
        self.size_by_loss = bool(on)
        self.draw_sizes(session if session is not None else self._session)

    def draw_sizes(self, session) -> None:
        """Point diameters: by each point's loss at the current parameters when
        ``size_by_loss`` (gui.canvas.data_canvas.loss_size_factors), else all alike."""
        if session is None or not self.size_by_loss or len(session.points) == 0:
            self.canvas.set_size_factors(None)
            return
        self.canvas.set_size_factors(loss_size_factors(point_losses(session).loss))

    # -------------------------------------------------------------- selection
    def draw_selection(self, session, selected_sample) -> int | None:
        """Ring and label "#k" the training sample the inspector and diagram show
        (core.selected_sample.shown_sample: the selected one, else the first of the
        mini-batch); returns k (training-set index) or None (no training points)."""
        sample = shown_sample(session.trainer, selected_sample)
        if sample is None or not 0 <= sample < session.train_indices.size:
            self.canvas.set_selected(None)
            return None
        point = session.train_indices[[sample]]
        self.canvas.set_selected(canvas_positions(session.points, point)[0],
                                 translate("DataCanvas", "#{0}").format(sample))
        return sample

    def axis_names(self, session) -> tuple[str, str]:
        names = tuple(session.feature_names)
        if session.points.dim == 1:
            return names[0], ("y" if session.points.task == "regression" else "")
        return names[0], names[1]

    # -------------------------------------------------------------- prediction
    def resolution(self, playing: bool = False) -> tuple[int, int]:
        """Grid cells (along x, along y) for the canvas's plot area (see grid_resolution):
        at most MAX_RESOLUTION² cells, PLAY_RESOLUTION² while playing."""
        limit = PLAY_RESOLUTION if playing else MAX_RESOLUTION
        return grid_resolution(self.canvas.plot_pixels(), limit)

    def draw_prediction(self, session, playing: bool = False) -> None:
        """Heatmap (classification, 2-D regression) or curve (1-D regression) over the whole
        visible range. Never raises for non-finite network outputs: those cells are grey /
        curve gaps."""
        self._redraw_timer.stop()
        self._last_prediction = (session, playing)
        self._session = session
        if self.size_by_loss:
            self.draw_sizes(session)
        self.canvas.refresh_hover()
        points = session.points
        (x0, x1), (y0, y1) = self.canvas.visible_range()
        if points.task == "regression" and points.dim == 1:
            xs = np.linspace(x0, x1, 200)
            with np.errstate(all="ignore"):
                predictions = session.curve_prediction(xs)
            self.canvas.set_curve(xs, predictions)
            return
        res_x, res_y = self.resolution(playing)
        # cell centres, so the image covers exactly the visible range (not half a cell beyond
        # it, which would make every redraw repaint the axes too)
        half_x, half_y = (x1 - x0) / (2 * res_x), (y1 - y0) / (2 * res_y)
        with np.errstate(all="ignore"):
            xs, ys, values = session.grid_prediction(
                (x0 + half_x, x1 - half_x), (y0 + half_y, y1 - half_y), (res_x, res_y))
        if points.task == "regression":
            self.canvas.set_value_grid(xs, ys, values, self.value_levels)
        else:
            self.canvas.set_probability_grid(xs, ys, values)

    def draw_batch(self, session, point_indices) -> None:
        """Ring the mini-batch (indices into ``session.points``), or hide the rings (None)."""
        if point_indices is None or len(point_indices) == 0:
            self.canvas.set_batch(None)
            return
        self.canvas.set_batch(canvas_positions(session.points, point_indices))


    def draw_highlight(self, session, point_indices) -> None:
        """Light up points (indices into ``session.points``; e.g. a metrics-matrix cell), or
        turn the light off (None or empty)."""
        if point_indices is None or len(point_indices) == 0:
            self.canvas.set_highlighted(None)
            return
        indices = np.asarray(point_indices, dtype=np.int64)
        indices = indices[(indices >= 0) & (indices < len(session.points.X))]
        self.canvas.set_highlighted(canvas_positions(session.points, indices))


# --------------------------------------------------------------------------- texts


def legend_entries(session) -> list[LegendEntry]:
    """The canvas legend: one row per class (classification), then what a filled, a square
    (validation, when there are validation points or a validation share) and a hollow point
    is, with the shares of points that go to the validation and test sets (a drawn point too:
    gui.canvas.drawing keeps those shares per class), each also in fewer words for the
    legend's compact form. No rows without points."""
    points = session.points
    if len(points) == 0:
        return []
    entries = []
    if points.task == "classification":
        k = max(2, int(points.n_classes), len(session.class_names or ()))
        rgba = colors.class_rgba_u8(np.arange(k))
        entries += [LegendEntry("class", class_name(session, i), tuple(int(c) for c in rgba[i]))
                    for i in range(k)]
    fraction = float(session.data.train_fraction)
    validation_share = float(session.data.validation_fraction)
    has_validation = bool(np.any(points.validation)) or validation_share > 0.0
    has_test = bool(np.any(points.test)) or fraction + validation_share < 1.0 - 1e-9
    entries.append(LegendEntry("train", translate("DataCanvas", "filled: training point"),
                               short=translate("DataCanvas", "training")))
    if has_validation:
        share = int(round(100.0 * validation_share))
        entries.append(LegendEntry("validation", translate(
            "DataCanvas", "square: validation point ({0}% of points)").format(share),
            short=translate("DataCanvas", "validation ({0}%)").format(share)))
    if has_test:
        share = int(round(100.0 * (1.0 - fraction - validation_share)))
        entries.append(LegendEntry("test", translate(
            "DataCanvas", "hollow: test point ({0}% of points)").format(share),
            short=translate("DataCanvas", "test ({0}%)").format(share)))
    return entries


def point_text(session, index: int) -> str:
    """Hover label of point ``index`` of ``session.points``: its class (or target), whether it
    is a training point (#k as in the inspector), a validation point or a test point, the prediction (class and
    its probability, or ŷ) and its own loss at the current step (core.point_losses)."""
    points = session.points
    info = point_losses(session)
    train = bool(points.train[index])
    if train:
        k = int(np.searchsorted(session.train_indices, index))
        where = translate("DataCanvas", "training point #{0}").format(k)
    elif points.validation[index]:
        where = translate("DataCanvas", "validation point")
    else:
        where = translate("DataCanvas", "test point")
    if points.task == "classification":
        label = int(points.y[index])
        first = f"{class_name(session, label)} · {where}"
        second = translate("DataCanvas", "prediction: {0} (p = {1})").format(
            class_name(session, int(info.predicted[index])),
            number(info.probability[index], HOVER_DIGITS))
    else:
        first = translate("DataCanvas", "target y = {0} · {1}").format(
            number(points.y[index], HOVER_DIGITS), where)
        second = translate("DataCanvas", "prediction: ŷ = {0}").format(
            number(info.output[index, 0], HOVER_DIGITS))
    third = translate("DataCanvas", "own loss at step {0}: {1}").format(
        info.step, number(info.loss[index], HOVER_DIGITS))
    return "\n".join((first, second, third))
