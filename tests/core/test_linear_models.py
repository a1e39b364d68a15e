"""Closed-form least squares against the textbook 1-D formula."""

import numpy as np
import pytest

from core.datasets import LINE_INTERCEPT, LINE_SLOPE, generate
from core.linear_models import least_squares, mean_squared_error


def test_one_input_matches_the_covariance_formula():
    # Simple linear regression: w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², b = ȳ − w x̄.
    x = [0.0, 1.0, 2.0, 4.0]
    y = [1.0, 2.0, 2.0, 5.0]
    x_mean, y_mean = sum(x) / 4, sum(y) / 4
    w_ref = (sum((a - x_mean) * (c - y_mean) for a, c in zip(x, y, strict=True))
             / sum((a - x_mean) ** 2 for a in x))
    b_ref = y_mean - w_ref * x_mean
    w, b = least_squares(np.array(x)[:, None], np.array(y))
    assert w.shape == (1,) and w.dtype == np.float64 and isinstance(b, float)
    assert w[0] == pytest.approx(w_ref, rel=1e-12) and b == pytest.approx(b_ref, rel=1e-12)
    assert (w_ref, b_ref) == pytest.approx((34 / 35, 0.8), rel=1e-15)  # by hand: 2.5 − 1.7


def test_noise_free_line_data_recovers_slope_and_intercept():
    ds = generate("line", 200, 0.0, 3)
    w, b = least_squares(ds.X, ds.y)
    assert w[0] == pytest.approx(LINE_SLOPE, abs=1e-12)
    assert b == pytest.approx(LINE_INTERCEPT, abs=1e-12)
    assert mean_squared_error(ds.X, ds.y, w, b) < 1e-25


def test_two_inputs_and_column_targets():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2))
    y = X @ np.array([2.0, -3.0]) + 0.5
    w, b = least_squares(X, y[:, None])
    np.testing.assert_allclose(w, [2.0, -3.0], atol=1e-12)
    assert b == pytest.approx(0.5, abs=1e-12)


def test_solution_is_the_minimum_of_the_mse():
    ds = generate("line", 100, 0.5, 1)
    w, b = least_squares(ds.X, ds.y)
    best = mean_squared_error(ds.X, ds.y, w, b)
    for dw, db in ((1e-3, 0), (-1e-3, 0), (0, 1e-3), (0, -1e-3)):
        assert mean_squared_error(ds.X, ds.y, w + dw, b + db) > best


def test_bad_inputs_raise():
    with pytest.raises(ValueError, match="shape"):
        least_squares(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="shape"):
        least_squares(np.zeros((3, 1)), np.zeros(2))
    with pytest.raises(ValueError, match="finite"):
        least_squares(np.array([[np.nan], [1.0]]), np.zeros(2))
    with pytest.raises(ValueError, match="w must"):
        mean_squared_error(np.zeros((3, 1)), np.zeros(3), np.zeros(2), 0.0)


def test_mse_hessian_matches_finite_differences_of_the_mse():
    from core.linear_models import mse_hessian

    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), rng.normal(size=30)
    theta = rng.normal(size=3)

    def mse(t):
        return mean_squared_error(X, y, t[:2], t[2])

    h = 1e-4
    numeric = np.zeros((3, 3))
    for i in range(3):
        for j in range(3):
            e_i, e_j = np.eye(3)[i] * h, np.eye(3)[j] * h
            numeric[i, j] = (mse(theta + e_i + e_j) - mse(theta + e_i - e_j)
                             - mse(theta - e_i + e_j) + mse(theta - e_i - e_j)) / (4 * h * h)
    np.testing.assert_allclose(mse_hessian(X), numeric, rtol=1e-5, atol=1e-6)
