"""The loss surface of a batch-normalized network: evaluated in evaluation mode with the running
statistics (as the Trainer evaluates), γ and β treated like biases by random directions (zero by
default; Li et al. 2018), and any direction, also one that moves γ or β, agreeing with the
engine to 1e-12."""

import numpy as np
import pytest

from core.directions import (
    filter_normalized_direction,
    parameter_label,
    parameter_plane,
    pca_plane,
    random_plane,
)
from core.loss_surface import FLOAT32_RTOL, loss_slice, loss_surface
from core.losses import loss_value
from core.network import MLP
from core.parameters import ParamRef, parameter_blocks


@pytest.fixture
def trained():
    """A 2-5-4-1 BN net after a few training-mode steps (γ, β and running statistics moved)."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 2))
    y = (X[:, :1] * X[:, 1:] > 0).astype(np.float64)
    net = MLP((2, 5, 4, 1), batch_norm=True, seed=1)
    path = [net.get_params()]
    for _ in range(12):
        gradients = net.backward(net.forward(X, training=True), y, "bce")
        for param, grad in zip(net.parameters(), gradients.as_list(), strict=True):
            param -= 0.3 * grad
        path.append(net.get_params())
    return net, X, y, np.array(path)


def engine_loss(net, X, y, params) -> float:
    """J of the engine at ``params`` with the network's running statistics (evaluation mode)."""
    twin = net.copy()
    twin.set_params(params)
    fp = twin.forward(X)
    return loss_value("bce", fp.pre_activations[-1], fp.output, y)


def test_random_directions_zero_gamma_and_beta_by_default():
    net = MLP((2, 5, 4, 1), batch_norm=True, seed=1)
    blocks = parameter_blocks(net.layer_sizes, batch_norm=True)
    default = filter_normalized_direction(net, np.random.default_rng(0))
    with_biases = filter_normalized_direction(net, np.random.default_rng(0), include_biases=True)
    for block in blocks:
        part = slice(block.start, block.start + block.size)
        if block.kind == "W":
            assert np.any(default[part])
        else:  # b, γ, β: zero, like biases, unless asked for
            assert not np.any(default[part])
            assert np.all(with_biases[part] != 0)
    # each neuron's filter (W row, b, γ, β) is scaled to the norm of its parameters
    params = net.get_params()
    for layer in range(net.n_layers):
        mine = [b for b in blocks if b.layer == layer]
        rows = mine[0].shape[0]
        for i in range(rows):
            idx = [mine[0].start + i * mine[0].shape[1] + j for j in range(mine[0].shape[1])]
            idx += [b.start + i for b in mine[1:]]
            assert np.linalg.norm(with_biases[idx]) == pytest.approx(np.linalg.norm(params[idx]))


def test_the_surface_at_the_origin_is_the_networks_evaluation_loss(trained):
    net, X, y, path = trained
    expected = engine_loss(net, X, y, net.get_params())
    for plane in (random_plane(net, seed=3), pca_plane(path)):
        result = loss_surface(net, X, y, "bce", plane, [0.0], [0.0])
        assert result.data_loss[0, 0] == pytest.approx(expected, rel=1e-12, abs=0)


@pytest.mark.parametrize("make_plane", ["random", "gamma_beta", "gamma_first_layer", "pca"])
def test_every_grid_point_agrees_with_the_engine(trained, make_plane):
    net, X, y, path = trained
    sizes = net.layer_sizes
    if make_plane == "random":
        plane = random_plane(net, seed=5, include_biases=True)  # moves b, γ and β too
    elif make_plane == "gamma_beta":
        plane = parameter_plane(net, ParamRef(1, "gamma", 2).flat_index(sizes, True),
                                ParamRef(1, "beta", 0).flat_index(sizes, True))
        assert plane.labels == ("γ²[2]", "β²[0]")
    elif make_plane == "gamma_first_layer":
        plane = parameter_plane(net, ParamRef(0, "gamma", 1).flat_index(sizes, True),
                                ParamRef(2, "W", 0, 3).flat_index(sizes, True))
    else:
        plane = pca_plane(path)
    alphas, betas = np.linspace(-0.8, 0.6, 4), np.linspace(-0.5, 0.9, 3)
    result = loss_surface(net, X, y, "bce", plane, alphas, betas)
    for j, b in enumerate(betas):
        for i, a in enumerate(alphas):
            expected = engine_loss(net, X, y, plane.point(a, b))
            assert result.data_loss[j, i] == pytest.approx(expected, rel=1e-12, abs=1e-15)
    single = loss_surface(net, X, y, "bce", plane, alphas, betas, dtype=np.float32)
    np.testing.assert_allclose(single.data_loss, result.data_loss, rtol=FLOAT32_RTOL)


def test_a_slice_and_the_penalty_with_batch_norm(trained):
    net, X, y, _ = trained
    direction = filter_normalized_direction(net, np.random.default_rng(1), include_biases=True)
    ts = np.linspace(-1.0, 1.0, 5)
    result = loss_slice(net, X, y, "bce", net.get_params(), direction, ts, l2=0.1)
    for t, data, penalty in zip(ts, result.data_loss, result.penalty, strict=True):
        params = net.get_params() + t * direction
        assert data == pytest.approx(engine_loss(net, X, y, params), rel=1e-12)
        twin = net.copy()
        twin.set_params(params)
        weights = sum(np.vdot(W, W) for W in twin.weights)  # L2 never touches b, γ or β
        assert penalty == pytest.approx(0.05 * weights, rel=1e-12)


def test_parameter_labels_name_gamma_and_beta():
    sizes = (2, 5, 4, 1)
    assert parameter_label(sizes, ParamRef(0, "beta", 4).flat_index(sizes, True), True) == "β¹[4]"
