"""What the canvas draws: the model evaluated on raw input coordinates (mixed into Session).

Raw coordinates go through exactly the pipeline of the training data — feature expansion,
then the standardizer fitted on the training points — so the decision boundary drawn in raw
coordinates is the one the network learned. Each call is one vectorized forward pass in
evaluation mode (no dropout).
"""

from __future__ import annotations

import numpy as np

from core.datasets import expand_features


class PredictionMixin:
    """``transform``, ``grid_prediction`` and ``curve_prediction`` of
    :class:`core.session.Session` (which provides ``points``, ``input_features``,
    ``standardizer`` and ``net``)."""

    def transform(self, raw_X) -> np.ndarray:
        """Raw inputs (n, dim) — or (n,) for 1-D points — to network inputs (n, n_features):
        feature expansion, then standardization. ValueError for a wrong shape."""
        raw_X = np.asarray(raw_X, dtype=np.float64)
        dim = self.points.dim
        if raw_X.ndim == 1 and dim == 1:
            raw_X = raw_X[:, None]
        if raw_X.ndim != 2 or raw_X.shape[1] != dim:
            raise ValueError(f"raw inputs must have shape (n, {dim}), got {raw_X.shape}")
        return self.standardizer.transform(expand_features(raw_X, self.input_features))

    def predict_raw(self, raw_X) -> np.ndarray:
        """Network output (n, d_out) for raw inputs: probabilities (sigmoid / softmax) or
        predicted values (regression)."""
        return self.net.forward(self.transform(raw_X)).output

    def grid_prediction(self, x_range, y_range, resolution
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The model on a regular grid of raw coordinates, for the decision-boundary heatmap.

        x_range, y_range: (low, high) of raw x1 and x2 (for 1-D points the prediction does
        not depend on the vertical coordinate). resolution: an int ≥ 2 for both axes, or
        (res_x, res_y). Returns ``(xs (res_x,), ys (res_y,), values (res_y, res_x, K))``,
        float64, row i = ys[i] (row-major, as ``ImageItem(axisOrder="row-major")``), where K
        is 1 for two classes (p(class 1)) and for regression (the predicted value), and the
        number of classes for softmax (probabilities). One forward pass over all the grid.
        Raises ValueError for a resolution < 2 or a non-finite range.
        """
        if np.ndim(resolution) == 0:
            res_x = res_y = int(resolution)
        else:
            res_x, res_y = (int(r) for r in resolution)
        if min(res_x, res_y) < 2:
            raise ValueError(f"grid resolution must be at least 2, got {resolution}")
        bounds = np.asarray([*x_range, *y_range], dtype=np.float64)
        if bounds.shape != (4,) or not np.all(np.isfinite(bounds)):
            raise ValueError(f"grid ranges must be two finite (low, high) pairs, got "
                             f"{x_range}, {y_range}")
        xs = np.linspace(bounds[0], bounds[1], res_x)
        ys = np.linspace(bounds[2], bounds[3], res_y)
        if self.points.dim == 1:
            row = self.predict_raw(xs[:, None])
            values = np.repeat(row[None, :, :], res_y, axis=0)
        else:
            grid_x, grid_y = np.meshgrid(xs, ys)  # (res_y, res_x) each
            raw = np.column_stack([grid_x.ravel(), grid_y.ravel()])
            values = self.predict_raw(raw).reshape(res_y, res_x, -1)
        return xs, ys, values

    def curve_prediction(self, xs) -> np.ndarray:
        """The model along raw x1 for 1-D points (the regression curve ŷ(x)).

        xs: (m,) raw inputs. Returns (m,) float64 for one output (the prediction, or p(class 1))
        and (m, K) for softmax. Raises ValueError if the points are 2-D.
        """
        if self.points.dim != 1:
            raise ValueError("curve_prediction needs 1-D points; use grid_prediction")
        xs = np.asarray(xs, dtype=np.float64).reshape(-1)
        output = self.predict_raw(xs[:, None])
        return output[:, 0].copy() if output.shape[1] == 1 else output
