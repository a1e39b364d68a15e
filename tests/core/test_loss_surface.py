"""Loss surfaces: directions, grid values against MLP.backward, projections, the linear lesson."""

import pickle
import tracemalloc

import numpy as np
import pytest

import core.loss_surface
from core.directions import (
    PlaneProblem,
    PlaneUnavailable,
    filter_normalized_direction,
    flat_index,
    linear_model_plane,
    parameter_address,
    parameter_blocks,
    parameter_label,
    parameter_plane,
    pca_plane,
    random_plane,
)
from core.loss_surface import (
    FLOAT32_RTOL,
    Cancelled,
    coarse_then_fine,
    covering_ranges,
    grid_axes,
    is_linear_lesson,
    linear_interpolation,
    linear_lesson_surface,
    linear_optimum,
    loss_slice,
    loss_surface,
)
from core.network import MLP

L1, L2 = 1e-3, 1e-2


def _train(net, X, y, loss, steps=150, learning_rate=0.3):
    """Plain full-batch gradient descent, so the surfaces are taken at a non-initial point."""
    for _ in range(steps):
        grads = net.backward(net.forward(X), y, loss, L1, L2)
        for param, grad in zip(net.parameters(), grads.as_list(), strict=True):
            param -= learning_rate * grad
    return net


def _scene(name):
    """(net, X, y, loss) for a few architectures that exercise every code path."""
    rng = np.random.default_rng(7)
    if name == "tanh-bce":  # the default scene: 2-8-8-1 tanh, sigmoid + bce
        X = rng.uniform(-2, 2, (300, 2))
        y = (np.hypot(X[:, 0], X[:, 1]) < 1.2).astype(np.float64)
        net, loss = MLP((2, 8, 8, 1), "tanh", "sigmoid", seed=0), "bce"
    elif name == "mixed-softmax":  # fallback activations, 3 classes, two hidden layers
        X = rng.normal(size=(200, 2))
        y = np.digitize(X[:, 0] + 0.5 * X[:, 1], [-0.5, 0.5])
        net, loss = MLP((2, 6, 5, 3), ["elu", "leaky_relu"], "softmax", seed=1), "cross_entropy"
    elif name == "relu-regression":
        X = rng.uniform(-3, 3, (150, 1))
        y = np.sin(X[:, 0]) + 0.1 * rng.normal(size=150)
        net, loss = MLP((1, 10, 1), "relu", "linear", init="he", seed=2), "mse"
    elif name == "mse-sigmoid":  # mse on 0/1 targets through a sigmoid output (loss_override)
        X = rng.normal(size=(120, 2))
        y = (X[:, 0] > X[:, 1]).astype(np.float64)
        net, loss = MLP((2, 4, 4, 1), ["gelu", "sigmoid"], "sigmoid", seed=3), "mse"
    else:  # mse on one-hot targets through a softmax output, swish and softplus hidden
        X = rng.normal(size=(120, 2))
        y = np.eye(3)[np.digitize(X[:, 0], [-0.4, 0.4])]
        net, loss = MLP((2, 5, 4, 3), ["swish", "softplus"], "softmax", seed=4), "mse"
    learning_rate = 0.05 if loss == "mse" else 0.3
    return _train(net, X, y, loss, steps=60, learning_rate=learning_rate), X, y, loss


SCENES = ["tanh-bce", "mixed-softmax", "relu-regression", "mse-sigmoid", "mse-softmax"]


def _planes(net):
    sizes, last = net.layer_sizes, net.n_layers - 1
    trajectory = net.get_params() + np.cumsum(
        np.random.default_rng(4).normal(scale=0.05, size=(30, net.n_params)), axis=0)
    return {
        "random": random_plane(net, seed=11, include_biases=True),
        "first-and-last": parameter_plane(
            net, flat_index(sizes, 0, "W", 0, 0), flat_index(sizes, last, "b", 0)),
        "both-last": parameter_plane(
            net, flat_index(sizes, last, "W", 0, 1), flat_index(sizes, last, "b", 0)),
        "pca": pca_plane(trajectory, origin=net.get_params()),
    }


def _direct(net, plane, alpha, beta, X, y, loss):
    twin = net.copy()
    twin.set_params(plane.point(alpha, beta))
    grads = twin.backward(twin.forward(X), y, loss, L1, L2)
    return grads.data_loss, grads.loss


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("scene", SCENES)
def test_surface_equals_backward_loss_at_random_grid_points(scene, dtype):
    net, X, y, loss = _scene(scene)
    rtol = 1e-12 if dtype == np.float64 else FLOAT32_RTOL
    alphas, betas = grid_axes((-1.0, 1.5), (-0.8, 1.2), 17)
    rng = np.random.default_rng(5)
    for name, plane in _planes(net).items():
        surface = loss_surface(net, X, y, loss, plane, alphas, betas, l1=L1, l2=L2, dtype=dtype)
        assert surface.data_loss.shape == (17, 17) and surface.dtype == np.dtype(dtype).name
        for j, i in zip(rng.integers(0, 17, 10), rng.integers(0, 17, 10), strict=True):
            data_loss, total = _direct(net, plane, alphas[i], betas[j], X, y, loss)
            np.testing.assert_allclose(surface.data_loss[j, i], data_loss, rtol=rtol, err_msg=name)
            np.testing.assert_allclose(surface.total_loss[j, i], total, rtol=rtol, err_msg=name)


def test_surface_leaves_the_network_unchanged():
    net, X, y, loss = _scene("tanh-bce")
    before = net.get_params()
    loss_surface(net, X, y, loss, random_plane(net, seed=0), [-1, 0, 1], [-1, 0, 1])
    np.testing.assert_array_equal(net.get_params(), before)


def test_centre_of_surface_is_the_current_loss():
    net, X, y, loss = _scene("tanh-bce")
    surface = loss_surface(net, X, y, loss, random_plane(net, seed=0), [-0.5, 0.0, 0.5], [0.0],
                           l1=L1, l2=L2)
    grads = net.backward(net.forward(X), y, loss, L1, L2)
    np.testing.assert_allclose(surface.total_loss[0, 1], grads.loss, rtol=1e-12)
    assert surface.penalty[0, 1] == pytest.approx(net.penalty(L1, L2), rel=1e-12)


def test_flat_index_and_address_follow_get_params_order():
    net = MLP((3, 4, 2), "tanh", "softmax", seed=0)
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        W[...] = 100 * l + np.arange(W.size).reshape(W.shape)
        b[...] = -1 - 100 * l - np.arange(b.size)
    params = net.get_params()
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        for (i, j), value in np.ndenumerate(W):
            index = flat_index(net.layer_sizes, l, "W", i, j)
            assert params[index] == value
            assert parameter_address(net.layer_sizes, index) == (l, "W", i, j)
        for i, value in enumerate(b):
            index = flat_index(net.layer_sizes, l, "b", i)
            assert params[index] == value
            assert parameter_address(net.layer_sizes, index) == (l, "b", i, 0)
    assert parameter_label(net.layer_sizes, flat_index(net.layer_sizes, 1, "W", 1, 3)) == "W²[1, 3]"
    with pytest.raises(ValueError):
        flat_index(net.layer_sizes, 0, "W", 4, 0)
    with pytest.raises(ValueError):
        parameter_address(net.layer_sizes, net.n_params)


@pytest.mark.parametrize("include_biases", [False, True])
def test_filter_normalized_rows_have_their_weight_rows_norms(include_biases):
    net, *_ = _scene("tanh-bce")
    direction = filter_normalized_direction(net, np.random.default_rng(0), include_biases)
    blocks = parameter_blocks(net.layer_sizes)
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        w_blk, b_blk = blocks[2 * l], blocks[2 * l + 1]
        d_w = direction[w_blk.start : w_blk.start + w_blk.size].reshape(W.shape)
        d_b = direction[b_blk.start : b_blk.start + b_blk.size]
        if include_biases:
            np.testing.assert_allclose(np.hypot(np.linalg.norm(d_w, axis=1), d_b),
                                       np.hypot(np.linalg.norm(W, axis=1), b), rtol=1e-12)
        else:
            np.testing.assert_allclose(np.linalg.norm(d_w, axis=1), np.linalg.norm(W, axis=1),
                                       rtol=1e-12)
            assert not d_b.any()
    assert not np.allclose(direction, filter_normalized_direction(
        net, np.random.default_rng(1), include_biases))


def test_random_plane_of_all_zero_weights_is_rejected():
    with pytest.raises(ValueError, match="all weights are 0"):
        random_plane(MLP((2, 3, 1), init="zeros"), seed=0)


def test_a_plane_that_cannot_be_built_now_says_why_with_a_code():
    net = MLP((2, 3, 1), seed=0)
    start = net.get_params()
    moved = np.vstack([start, start + 0.1, start + np.arange(start.size) * 0.01])
    cases = [
        (lambda: pca_plane(start[None, :]), PlaneProblem.PATH_TOO_SHORT),
        (lambda: pca_plane(moved[:2], min_rows=3), PlaneProblem.PATH_TOO_SHORT),
        (lambda: pca_plane(np.vstack([start] * 4)), PlaneProblem.PATH_DOES_NOT_MOVE),
        (lambda: random_plane(MLP((2, 3, 1), init="zeros")), PlaneProblem.WEIGHTS_ALL_ZERO),
        (lambda: parameter_plane(net, 3, 3), PlaneProblem.SAME_PARAMETER),
    ]
    for build, problem in cases:
        with pytest.raises(PlaneUnavailable) as caught:
            build()
        assert caught.value.problem is problem
        assert isinstance(caught.value, ValueError)  # callers catching ValueError still do
        copy = pickle.loads(pickle.dumps(caught.value))
        assert copy.problem is problem and str(copy) == str(caught.value)
    assert pca_plane(moved, min_rows=3).kind == "pca"
    with pytest.raises(ValueError) as caught:  # a bad shape is a bad call, not a problem code
        pca_plane(start)
    assert not isinstance(caught.value, PlaneUnavailable)


def test_pca_directions_are_orthonormal_and_follow_the_path():
    net, X, y, loss = _scene("tanh-bce")
    from core.training import Trainer

    trainer = Trainer(net.copy(), loss, X, y, learning_rate=0.5, optimizer="momentum")
    for _ in range(40):
        trainer.step()
    _, trajectory = trainer.trajectory()
    plane = pca_plane(trajectory)
    np.testing.assert_allclose(plane.directions @ plane.directions.T, np.eye(2), atol=1e-12)
    np.testing.assert_array_equal(plane.origin, trainer.net.get_params())
    start = plane.project(trajectory[0])
    assert start[0] <= 0 and start[1] <= 0
    ratio = plane.explained_variance_ratio
    assert 0 < ratio[1] <= ratio[0] <= 1 and ratio[0] + ratio[1] <= 1 + 1e-12


@pytest.mark.parametrize("m, n_params", [(30, 113), (200, 5)])
def test_pca_axes_are_the_top_right_singular_vectors(m, n_params):
    rng = np.random.default_rng(m)
    steps = rng.normal(size=(m, n_params)) * np.linspace(3.0, 0.1, n_params)  # distinct variances
    trajectory = np.cumsum(steps, axis=0)
    plane = pca_plane(trajectory)
    differences = trajectory - trajectory[-1]
    _, singular_values, vt = np.linalg.svd(differences - differences.mean(axis=0))
    np.testing.assert_allclose(np.abs(np.sum(plane.directions * vt[:2], axis=1)), 1.0, atol=1e-8)
    variance = singular_values**2
    np.testing.assert_allclose(plane.explained_variance_ratio, variance[:2] / variance.sum(),
                               rtol=1e-10)


def test_projection_recovers_plane_coordinates():
    net, *_ = _scene("tanh-bce")
    rng = np.random.default_rng(3)
    for plane in (random_plane(net, seed=2), _planes(net)["pca"]):
        coords = rng.normal(size=(6, 2))
        points = plane.origin + coords @ plane.directions
        np.testing.assert_allclose(plane.project(points), coords, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(plane.project(plane.origin), [0.0, 0.0], atol=1e-15)
        off_plane = points[0] + rng.normal(size=points.shape[1])
        residual = off_plane - plane.point(*plane.project(off_plane))
        np.testing.assert_allclose(plane.directions @ residual, [0.0, 0.0], atol=1e-10)


def test_parameter_plane_coordinates_are_the_exact_offsets():
    net, X, y, loss = _scene("tanh-bce")
    i, j = flat_index(net.layer_sizes, 1, "W", 2, 5), flat_index(net.layer_sizes, 0, "b", 3)
    plane = parameter_plane(net, i, j)
    start = net.get_params()
    _train(net, X, y, loss, steps=20)
    current = net.get_params()
    path = np.vstack([start, current])
    coords = plane.project(path)
    np.testing.assert_array_equal(coords, path[:, [i, j]] - start[[i, j]])
    np.testing.assert_array_equal(plane.project(current), [current[i] - start[i],
                                                           current[j] - start[j]])
    assert plane.axis_offset == (start[i], start[j])
    assert plane.labels == ("W²[2, 5]", "b¹[3]")


def _line_data(n=200, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-2, 2, n)
    return x[:, None], 0.7 * x - 0.4 + 0.3 * rng.normal(size=n)


def test_linear_lesson_grid_minimum_is_within_one_cell_of_lstsq():
    X, y = _line_data()
    net = MLP((1, 1), output_activation="linear", seed=0)
    assert is_linear_lesson(net, "mse") and not is_linear_lesson(net, "bce")
    surface, (w_star, b_star) = linear_lesson_surface(net, X, y, (-1.0, 2.0), (-2.0, 1.0), 41)
    slope, intercept = np.polyfit(X[:, 0], y, 1)  # an independent closed form
    assert (w_star, b_star) == pytest.approx((slope, intercept), abs=1e-10)
    w_min, b_min, value = surface.minimum()
    assert abs(w_min - w_star) <= surface.alphas[1] - surface.alphas[0]
    assert abs(b_min - b_star) <= surface.betas[1] - surface.betas[0]
    # α, β are the absolute (w, b): the surface is exactly mean((w x + b − y)²)
    W, B = np.meshgrid(surface.alphas, surface.betas)
    exact = np.mean((W[..., None] * X[:, 0] + B[..., None] - y) ** 2, axis=-1)
    np.testing.assert_allclose(surface.data_loss, exact, rtol=1e-12)
    assert value == surface.total_loss.min()


def test_linear_lesson_sgd_path_ends_at_the_lstsq_optimum():
    from core.training import Trainer

    X, y = _line_data()
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", X, y, learning_rate=0.2, optimizer="sgd")
    for _ in range(300):
        trainer.step()
    _, trajectory = trainer.trajectory()
    path = linear_model_plane().project(trajectory)
    np.testing.assert_array_equal(path[:, 0], trajectory[:, 0])  # exact (w, b) coordinates
    assert np.hypot(*(path[-1] - linear_optimum(X, y))) < 1e-3


def test_progress_reports_fractions_and_can_cancel():
    net, X, y, loss = _scene("tanh-bce")
    plane = random_plane(net, seed=0)
    alphas, betas = grid_axes((-1, 1), (-1, 1), 21)
    seen = []
    loss_surface(net, X, y, loss, plane, alphas, betas, max_bytes=50_000,
                 progress=lambda f: seen.append(f))  # None means "go on"
    assert len(seen) > 1 and seen == sorted(seen) and seen[-1] == 1.0
    calls = []

    def cancel_second(fraction):
        calls.append(fraction)
        return len(calls) < 2

    with pytest.raises(Cancelled):
        loss_surface(net, X, y, loss, plane, alphas, betas, max_bytes=50_000,
                     progress=cancel_second)
    assert len(calls) == 2


def test_tiny_memory_budget_gives_identical_values():
    net, X, y, loss = _scene("mixed-softmax")
    alphas, betas = grid_axes((-1, 1), (-1, 1), 9)
    for plane in _planes(net).values():
        for dtype in (np.float64, np.float32):
            chunks = []
            small = loss_surface(net, X, y, loss, plane, alphas, betas, l1=L1, l2=L2, dtype=dtype,
                                 max_bytes=1, progress=chunks.append)
            large = loss_surface(net, X, y, loss, plane, alphas, betas, l1=L1, l2=L2, dtype=dtype)
            assert len(chunks) == alphas.size * betas.size  # one grid point per chunk
            np.testing.assert_array_equal(small.data_loss, large.data_loss)
            np.testing.assert_array_equal(small.penalty, large.penalty)


def test_memory_stays_within_the_budget(monkeypatch):
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(2000, 2)), rng.integers(0, 2, 2000).astype(np.float64)
    net = MLP((2, 16, 16, 1), "tanh", "sigmoid", seed=0)
    plane = random_plane(net, seed=0)
    alphas, betas = grid_axes((-1, 1), (-1, 1), 7)  # unchunked: 49 × 2000 × 16 × 8 B ≈ 12.5 MB
    reference = loss_surface(net, X, y, "bce", plane, alphas, betas)
    monkeypatch.setattr(core.loss_surface, "CHUNK_TARGET_BYTES", 1 << 40)  # only max_bytes limits
    budget, fixed = 2_000_000, 3 * 2000 * 16 * 8 + 2 * X.nbytes  # + base, slopes, inputs
    tracemalloc.start()
    try:
        surface = loss_surface(net, X, y, "bce", plane, alphas, betas, max_bytes=budget)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < budget + fixed
    np.testing.assert_array_equal(surface.data_loss, reference.data_loss)


def test_coarse_then_fine_yields_preview_then_full_resolution():
    net, X, y, loss = _scene("tanh-bce")
    seen = []
    surfaces = list(coarse_then_fine(net, X, y, loss, random_plane(net, seed=0), (-1, 1), (-1, 1),
                                     41, progress=seen.append, dtype=np.float32))
    assert [s.data_loss.shape for s in surfaces] == [(21, 21), (41, 41)]
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    np.testing.assert_array_equal(surfaces[0].data_loss[10, 10], surfaces[1].data_loss[20, 20])
    assert len(list(coarse_then_fine(net, X, y, loss, random_plane(net), (-1, 1), (-1, 1),
                                     15))) == 1


def _total_at(net, params, X, y, loss):
    twin = net.copy()
    twin.set_params(params)
    return twin.backward(twin.forward(X), y, loss, L1, L2).loss


def test_slice_and_interpolation_match_backward():
    net, X, y, loss = _scene("relu-regression")
    initial = MLP((1, 10, 1), "relu", "linear", init="he", seed=2).get_params()
    current = net.get_params()
    curve = linear_interpolation(net, X, y, loss, initial, current, l1=L1, l2=L2)
    assert curve.ts[0] < 0 and curve.ts[-1] > 1
    for t in (curve.ts[0], 0.0, 0.37, 1.0, curve.ts[-1]):
        expected = _total_at(net, (1 - t) * initial + t * current, X, y, loss)
        value = loss_slice(net, X, y, loss, initial, current - initial, [t], l1=L1, l2=L2)
        np.testing.assert_allclose(value.total_loss[0], expected, rtol=1e-12)
    ends = [int(np.argmin(np.abs(curve.ts - t))) for t in (0.0, 1.0)]
    np.testing.assert_allclose(curve.total_loss[ends], [_total_at(net, p, X, y, loss)
                                                        for p in (initial, current)], rtol=1e-12)


def test_invalid_requests_raise_value_error():
    net, X, y, loss = _scene("tanh-bce")
    plane = random_plane(net, seed=0)
    with pytest.raises(ValueError, match="dtype"):
        loss_surface(net, X, y, loss, plane, [0], [0], dtype=np.float16)
    with pytest.raises(ValueError, match="X must have shape"):
        loss_surface(net, X[:, :1], y, loss, plane, [0], [0])
    with pytest.raises(ValueError):
        loss_surface(net, X, y[:-1], loss, plane, [0], [0])
    linear_net = MLP((2, 1), output_activation="linear")
    with pytest.raises(ValueError, match="sigmoid"):
        loss_surface(linear_net, X, y, "bce", random_plane(linear_net), [0], [0])
    with pytest.raises(ValueError, match="different parameters"):
        parameter_plane(net, 3, 3)


def test_covering_ranges_contain_origin_and_path():
    coords = np.array([[-3.0, 0.5], [-1.0, 0.2], [0.5, 0.1]])
    (a_low, a_high), (b_low, b_high) = covering_ranges(coords, margin=0.1, min_half_width=0.5)
    assert a_low < -3.0 and a_high > 0.5 and b_low <= 0.0 and b_high >= 0.5
    assert b_high - b_low >= 1.0
