"""A square grid of lines over the input plane, to be mapped through a transformation.

Shared by the hidden-space view (the grid carried through Wa + b and f, layer by layer) and the
linear-systems view (the grid carried through a 2×2 matrix A). A line is a polyline of sample
points, so a nonlinear map (tanh, sigmoid) bends it; an affine map keeps it straight.
"""

from __future__ import annotations

import numpy as np

__all__ = ["grid_lines", "polylines_to_path"]


def grid_lines(extent: tuple[float, float, float, float], lines: int = 21,
               samples: int = 41) -> np.ndarray:
    """The grid over ``extent = (x_min, x_max, y_min, y_max)``.

    Returns float64 of shape ``(2 * lines, samples, 2)``: first the ``lines`` vertical lines
    (constant x, from x_min to x_max), then the ``lines`` horizontal ones (constant y), each
    sampled at ``samples`` evenly spaced points from its low end to its high end.

    Raises ValueError for ``lines < 2``, ``samples < 2``, a non-finite extent or an empty one
    (x_max <= x_min or y_max <= y_min).
    """
    x_min, x_max, y_min, y_max = (float(v) for v in extent)
    if lines < 2 or samples < 2:
        raise ValueError(f"a grid needs at least 2 lines and 2 samples, got {lines}, {samples}")
    if not np.all(np.isfinite([x_min, x_max, y_min, y_max])):
        raise ValueError(f"grid extent must be finite, got {extent!r}")
    if x_max <= x_min or y_max <= y_min:
        raise ValueError(f"grid extent is empty: {extent!r}")
    xs = np.linspace(x_min, x_max, lines)
    ys = np.linspace(y_min, y_max, lines)
    t_x = np.linspace(x_min, x_max, samples)
    t_y = np.linspace(y_min, y_max, samples)
    grid = np.empty((2 * lines, samples, 2))
    grid[:lines, :, 0] = xs[:, None]
    grid[:lines, :, 1] = t_y[None, :]
    grid[lines:, :, 0] = t_x[None, :]
    grid[lines:, :, 1] = ys[:, None]
    return grid


def polylines_to_path(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flatten polylines of shape ``(L, S, 2)`` into ``(x, y)`` arrays of length ``L * (S + 1)``
    with a NaN after each line, the form a single plot item draws as separate lines
    (pyqtgraph ``PlotDataItem(x, y, connect="finite")``). Raises ValueError on another shape."""
    lines = np.asarray(lines, dtype=float)
    if lines.ndim != 3 or lines.shape[2] != 2:
        raise ValueError(f"polylines must have shape (L, S, 2), got {lines.shape}")
    count, samples, _ = lines.shape
    padded = np.full((count, samples + 1, 2), np.nan)
    padded[:, :samples] = lines
    flat = padded.reshape(-1, 2)
    return flat[:, 0].copy(), flat[:, 1].copy()
