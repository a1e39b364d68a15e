"""Closed-form least squares: the reference optimum for the linear-regression lessons.

A network with no hidden layer, a linear output and the mse loss is the linear model
ŷ = X w + b; minimising the mean squared error has the closed-form solution of the normal
equations (Goodfellow et al. 2016 §5.1.4), computed here stably with ``np.linalg.lstsq``
(SVD) on the design matrix [X 1]. Gradient descent on the same data should converge to it.

Also the references the lesson texts quote: the mse's Hessian in (w, b) (how long and narrow
the bowl is, and the largest stable learning rate) and the best accuracy any straight line
reaches on 2-D points of two classes (what a perceptron is up against on XOR).
"""

from __future__ import annotations

import numpy as np


def _inputs(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] < 1:
        raise ValueError(f"X must have shape (n, d) with n >= 1, got {X.shape}")
    if y.shape == (X.shape[0], 1):
        y = y[:, 0]
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},) or ({X.shape[0]}, 1), got {y.shape}")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise ValueError("X and y must be finite")
    return X, y


def least_squares(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights w (d,) float64 and bias b minimising mean((X w + b − y)²).

    X (n, d), y (n,) or (n, 1). When the minimiser is not unique (n ≤ d, or collinear
    columns) the minimum-norm solution of [X 1] is returned, as ``lstsq`` does. Raises
    ValueError for bad shapes or non-finite values.
    """
    X, y = _inputs(X, y)
    design = np.column_stack([X, np.ones(X.shape[0])])
    solution, *_ = np.linalg.lstsq(design, y, rcond=None)
    return solution[:-1].copy(), float(solution[-1])


def mean_squared_error(X: np.ndarray, y: np.ndarray, w: np.ndarray, b: float) -> float:
    """mean((X w + b − y)²) — the mse loss of the linear model (w, b) on (X, y)."""
    X, y = _inputs(X, y)
    w = np.asarray(w, dtype=np.float64).reshape(-1)
    if w.shape != (X.shape[1],):
        raise ValueError(f"w must have shape ({X.shape[1]},), got {w.shape}")
    residual = X @ w + float(b) - y
    return float(np.mean(residual * residual))


def mse_hessian(X: np.ndarray) -> np.ndarray:
    """Hessian (d+1, d+1) of mean((X w + b − y)²) in (w, b): (2/n)·[X 1]ᵀ[X 1].

    It does not depend on y or on (w, b): the mse of a linear model is a quadratic bowl.
    Gradient descent with step η converges on it iff η < 2/λ_max (Goodfellow et al. 2016
    §4.3.1); λ_max/λ_min (the condition number) says how long and narrow the bowl is.
    ValueError for bad shapes or non-finite values.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] < 1 or not np.all(np.isfinite(X)):
        raise ValueError(f"X must be a finite (n, d) array with n >= 1, got shape {X.shape}")
    design = np.column_stack([X, np.ones(X.shape[0])])
    return 2.0 * design.T @ design / X.shape[0]


def best_line_accuracy(X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray, float]:
    """The highest accuracy any straight line reaches on 2-D points with labels 0/1.

    X (n, 2) float, y (n,) or (n, 1) of 0/1. Returns (accuracy, normal (2,), offset): the
    line predicts class 1 where ``X @ normal > offset``, and reaches ``accuracy`` on (X, y).

    Exact search: the order of the points along a direction u only changes where u is
    perpendicular to the difference of two points, so one direction inside each arc between
    those critical directions (plus the reversed direction, via ``max(c, n − c)``) and every
    threshold between two consecutive distinct projections covers every split of the points
    a line can make. O(n² log n) time, O(n²) memory in chunks; about 0.3 s for n = 140.
    ValueError for bad shapes, non-finite values or labels other than 0/1.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    if X.ndim != 2 or X.shape[1] != 2 or X.shape[0] < 1 or y.shape != (X.shape[0],):
        raise ValueError(f"X must be (n, 2) and y (n,) with n >= 1, got {X.shape}, {y.shape}")
    if not (np.all(np.isfinite(X)) and np.all((y == 0) | (y == 1))):
        raise ValueError("X must be finite and y 0 or 1")
    n, positives = X.shape[0], float(y.sum())
    pairs = np.triu_indices(n, 1)
    diff = X[pairs[0]] - X[pairs[1]]
    diff = diff[np.any(diff != 0, axis=1)]
    critical = np.sort(np.mod(np.arctan2(diff[:, 1], diff[:, 0]) + np.pi / 2, np.pi))
    if critical.size == 0:
        angles = np.array([0.0])
    else:  # the middle of every arc between critical directions, the wrap-around arc too
        angles = np.concatenate([(critical[:-1] + critical[1:]) / 2,
                                 [(critical[-1] + critical[0] + np.pi) / 2]])
    best = (-1.0, np.array([1.0, 0.0]), 0.0)
    for chunk in np.array_split(angles, max(1, angles.size // 2000)):
        normals = np.column_stack([np.cos(chunk), np.sin(chunk)])
        projections = normals @ X.T  # (k, n)
        order = np.argsort(projections, axis=1, kind="stable")
        sorted_proj = np.take_along_axis(projections, order, axis=1)
        ones_below = np.concatenate([np.zeros((chunk.size, 1)),
                                     np.cumsum(y[order], axis=1)], axis=1)  # (k, n + 1)
        below = np.arange(n + 1)
        correct = (below - ones_below) + (positives - ones_below)  # 0 below, 1 above
        # a threshold between two equal projections cannot split those points
        tied = np.zeros((chunk.size, n + 1), dtype=bool)
        tied[:, 1:n] = sorted_proj[:, 1:] == sorted_proj[:, :-1]
        correct = np.where(tied, -1.0, correct)
        flipped = np.where(tied, -1.0, n - correct)
        for counts, sign in ((correct, 1.0), (flipped, -1.0)):
            row, cut = np.unravel_index(int(np.argmax(counts)), counts.shape)
            if counts[row, cut] / n > best[0]:
                proj = sorted_proj[row]
                low = proj[cut - 1] if cut > 0 else proj[0] - 1.0
                high = proj[cut] if cut < n else proj[-1] + 1.0
                best = (float(counts[row, cut] / n), sign * normals[row],
                        sign * float((low + high) / 2))
    return best
