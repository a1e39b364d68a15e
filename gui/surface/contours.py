"""Contour lines and colour scale of a loss grid (marching squares, vectorized), for the loss
surface view; pure NumPy, so the worker thread prepares them.

``pyqtgraph.functions.isocurve`` walks the grid in Python and joins the segments into lines;
on a 101×101 surface that costs about 30 ms per level, far too long for the GUI thread. Here
every cell is handled at once with NumPy (about 1 ms for ten levels on 101×101), and the
segments are drawn unjoined (``connect="pairs"``), which looks the same.

Coordinates are image pixel coordinates of a row-major image (``values[row, col]``): the value
of cell (row, col) sits at the pixel centre (col + 0.5, row + 0.5), so an item parented to
an ``ImageItem(axisOrder="row-major")`` lines up with the image. Cells with a non-finite
corner draw nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Edges of a cell as pairs of corner numbers; corners: 0 (r, c), 1 (r, c+1), 2 (r+1, c+1),
# 3 (r+1, c). Marching squares (Lorensen & Cline 1987, in 2-D).
_EDGES = ((0, 1), (1, 2), (3, 2), (0, 3))
_CORNER_OFFSETS = np.array([[0, 0], [0, 1], [1, 1], [1, 0]], dtype=np.float64)  # (d_row, d_col)


def contour_segments(values: np.ndarray, level: float) -> np.ndarray:
    """Segments of the contour ``values == level``: (k, 2, 2) float64, each [[x0, y0], [x1, y1]]
    in pixel coordinates (x = column + 0.5, y = row + 0.5), linearly interpolated on cell edges.

    values: (rows ≥ 2, cols ≥ 2). A saddle cell (diagonal corners on the same side) is split
    by the mean of its corners, as in the usual asymptotic decider. Raises ValueError for a
    grid smaller than 2×2.
    """
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 2 or min(values.shape) < 2:
        raise ValueError(f"values must be a 2-D grid of at least 2x2, got shape {values.shape}")
    with np.errstate(invalid="ignore"):
        above = values >= level
    finite = np.isfinite(values)
    corner_above = [above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]]
    corner_finite = finite[:-1, :-1] & finite[:-1, 1:] & finite[1:, 1:] & finite[1:, :-1]
    n_above = sum(a.astype(np.int8) for a in corner_above)
    rows, cols = np.nonzero((n_above > 0) & (n_above < 4) & corner_finite)  # crossed cells only
    if rows.size == 0:
        return np.zeros((0, 2, 2))
    corners = np.stack([values[rows + dr, cols + dc] for dr, dc in _CORNER_OFFSETS.astype(int)])
    side = corners >= level  # (4, m)
    crossings = np.empty((4, rows.size), dtype=bool)
    points = np.empty((4, rows.size, 2))
    for e, (a, b) in enumerate(_EDGES):
        crossings[e] = side[a] != side[b]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.clip((level - corners[a]) / (corners[b] - corners[a]), 0.0, 1.0)
        t = np.where(crossings[e], t, 0.0)
        start, stop = _CORNER_OFFSETS[a], _CORNER_OFFSETS[b]
        points[e, :, 0] = cols + start[1] + t * (stop[1] - start[1]) + 0.5
        points[e, :, 1] = rows + start[0] + t * (stop[0] - start[0]) + 0.5
    count = crossings.sum(axis=0)

    segments = []
    two = count == 2
    if two.any():
        order = np.argsort(~crossings[:, two], axis=0, kind="stable")[:2]  # the two crossed edges
        chosen = points[:, two]  # (4, m, 2)
        m = np.arange(chosen.shape[1])
        segments.append(np.stack([chosen[order[0], m], chosen[order[1], m]], axis=1))
    four = count == 4
    if four.any():
        # edges: 0 (corners 0-1), 1 (1-2), 2 (3-2), 3 (0-3). If the centre is on corner 0's side,
        # corners 0 and 2 are joined through it: cut off corners 1 and 3, else corners 0 and 2.
        joined = ((corners[:, four].mean(axis=0) >= level) == side[0, four])[:, None]
        p = points[:, four]
        segments.append(np.stack([p[0], np.where(joined, p[1], p[3])], axis=1))
        segments.append(np.stack([np.where(joined, p[2], p[1]), np.where(joined, p[3], p[2])],
                                 axis=1))
    return np.concatenate(segments) if segments else np.zeros((0, 2, 2))


def contour_levels(low: float, high: float, count: int = 10) -> np.ndarray:
    """``count`` evenly spaced levels strictly inside (low, high); empty if low ≥ high or
    either is not finite."""
    if not (np.isfinite(low) and np.isfinite(high)) or high <= low or count < 1:
        return np.zeros(0)
    return np.linspace(low, high, count + 2)[1:-1]


def display_values(values: np.ndarray, log: bool) -> np.ndarray:
    """What the colours show: the loss, or log₁₀ of it (losses ≤ 1e-12 clipped), float32,
    C-contiguous (for ``ImageItem``)."""
    values = np.asarray(values, dtype=np.float64)
    if log:
        with np.errstate(invalid="ignore", divide="ignore"):
            values = np.log10(np.maximum(values, 1e-12))
    return np.ascontiguousarray(values, dtype=np.float32)


def colour_levels(values: np.ndarray) -> tuple[float, float]:
    """(low, high) of the finite values; a constant (or empty) grid gets a small width, so
    the colour map and the contour levels never divide by zero."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    if high - low <= 1e-12 * max(1.0, abs(low)):
        high = low + max(1e-6, 1e-6 * abs(low))
    return low, high


def nice_range(low: float, high: float, divisions: int = 10) -> tuple[float, float]:
    """[low, high] widened to multiples of a 1-2-5 step of about (high − low)/``divisions``."""
    width = high - low
    if not (np.isfinite(width) and width > 0):
        return low, high
    raw = width / divisions
    magnitude = 10.0 ** np.floor(np.log10(raw))
    step = next(m * magnitude for m in (1.0, 2.0, 5.0, 10.0) if m * magnitude >= raw)
    return float(np.floor(low / step) * step), float(np.ceil(high / step) * step)


@dataclass
class SurfaceLayer:
    """Everything the 2-D view draws for one surface in one colour scale: the image values
    (nb, na) float32, their colour levels, and ``contours`` [(level, segments (k, 2, 2))]."""

    values: np.ndarray
    levels: tuple[float, float]
    contours: list


def surface_layer(values: np.ndarray, log: bool, n_contours: int = 10) -> SurfaceLayer:
    """Colour values, levels and contour lines of a loss grid (nb, na), ready to draw. Built in
    the worker thread, so the GUI thread only uploads them. Levels are evenly spaced in the
    colour scale (so in log₁₀ loss with ``log``); the colour range is rounded outwards to
    round numbers (:func:`nice_range`), so successive refreshes of a surface mostly keep the
    same colours, contour levels and colour-bar ticks."""
    shown = display_values(values, log)
    low, high = nice_range(*colour_levels(shown))
    contours = [(float(level), contour_segments(shown, level))
                for level in contour_levels(low, high, n_contours)]
    return SurfaceLayer(shown, (low, high), contours)
