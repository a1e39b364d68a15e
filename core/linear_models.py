"""Closed-form least squares: the reference optimum for the linear-regression lessons.

A network with no hidden layer, a linear output and the mse loss is the linear model
ŷ = X w + b; minimising the mean squared error has the closed-form solution of the normal
equations (Goodfellow et al. 2016 §5.1.4), computed here stably with ``np.linalg.lstsq``
(SVD) on the design matrix [X 1]. Gradient descent on the same data should converge to it.
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
