"""∂feature/∂(x1, x2): the derivative of every input feature of ``core.datasets.FEATURES``.

Used to bring a gradient with respect to the network's inputs (expanded, standardized
features) back to the raw input coordinates the canvas shows: the input-gradient arrow
(``gui.canvas.overlays``) and the saliency map (``core.attribution_report``).
"""

from __future__ import annotations

import numpy as np

__all__ = ["FEATURE_JACOBIANS", "raw_jacobian"]

#: ∂feature/∂(x1, x2) at raw points X (n, 2) → (n, 2), one entry per feature of
#: ``core.datasets.FEATURE_DEFINITIONS`` (sin in radians).
FEATURE_JACOBIANS = {
    "x1": lambda X: np.column_stack([np.ones(len(X)), np.zeros(len(X))]),
    "x2": lambda X: np.column_stack([np.zeros(len(X)), np.ones(len(X))]),
    "x1^2": lambda X: np.column_stack([2.0 * X[:, 0], np.zeros(len(X))]),
    "x2^2": lambda X: np.column_stack([np.zeros(len(X)), 2.0 * X[:, 1]]),
    "x1*x2": lambda X: np.column_stack([X[:, 1], X[:, 0]]),
    "sin(x1)": lambda X: np.column_stack([np.cos(X[:, 0]), np.zeros(len(X))]),
    "sin(x2)": lambda X: np.column_stack([np.zeros(len(X)), np.cos(X[:, 1])]),
}


def raw_jacobian(raw_X, features, std) -> np.ndarray:
    """∂u/∂x_raw of the standardized features u = (feature(x) − mean)/std at raw points
    ``raw_X`` (n, dim), dim 1 or 2: (n, n_features, dim) float64. ``features``: the feature
    names in use; ``std``: (n_features,) standardization scales."""
    raw_X = np.asarray(raw_X, dtype=np.float64)
    n, dim = raw_X.shape
    padded = np.column_stack([raw_X, np.zeros((n, 2 - dim))])  # maps read x2 only if dim 2
    jac = np.stack([FEATURE_JACOBIANS[name](padded) for name in features], axis=1)
    return jac[:, :, :dim] / np.asarray(std, dtype=np.float64)[None, :, None]
