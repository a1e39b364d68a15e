"""Backpropagation against central finite differences (core.gradcheck)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from core.activations import ACTIVATIONS
from core.gradcheck import check_gradients
from core.network import MLP

LOSS_SETUPS = {  # loss → (output activation, number of outputs)
    "mse": ("linear", 2),
    "bce": ("sigmoid", 1),
    "cross_entropy": ("softmax", 3),
}
DROPOUT_RATE = 0.25


def make_targets(loss, rng, n):
    _, d_out = LOSS_SETUPS[loss]
    if loss == "mse":
        return rng.normal(size=(n, d_out))
    return rng.integers(0, max(d_out, 2), n)


def build_case(activation, loss, depth, regularizer, seed):
    """A small network, data and options for one cell of the gradient-check matrix."""
    rng = np.random.default_rng(seed)
    n = 8
    output_activation, d_out = LOSS_SETUPS[loss]
    sizes = (2,) + (4,) * depth + (d_out,)
    dropout = DROPOUT_RATE if regularizer == "dropout" else 0.0
    net = MLP(sizes, activation=activation, output_activation=output_activation, seed=seed,
              dropout=dropout)
    X = rng.uniform(-2.0, 2.0, size=(n, 2))
    y = make_targets(loss, rng, n)
    options = {"l1": 0.01} if regularizer == "l1" else {"l2": 0.1} if regularizer == "l2" else {}
    if regularizer == "dropout":
        options["dropout_masks"] = [
            (rng.random((n, width)) >= DROPOUT_RATE).astype(float) for width in sizes[1:-1]
        ]
    return net, X, y, options


def is_well_conditioned(net, X, y, loss, options):
    """Whether every nonzero analytic gradient is ≥ 1e-4·max(1, J).

    Central differences carry a rounding noise of about ε·J/h ≈ 2e-11·J, so the contract's relative
    error < 1e-6 can only be verified for gradients well above ~1e-5·J. Deep random networks
    sometimes have a few smaller entries; such draws prove nothing either way and are passed over.
    """
    masks = options.get("dropout_masks")
    fp = net.forward(X, training=masks is not None, dropout_masks=masks)
    grads = net.backward(fp, y, loss, l1=options.get("l1", 0.0), l2=options.get("l2", 0.0))
    magnitudes = np.abs(grads.flat())
    magnitudes = magnitudes[magnitudes > 0]
    return magnitudes.size > 0 and magnitudes.min() >= 1e-4 * max(1.0, grads.loss)


@pytest.mark.parametrize("regularizer", ["l1", "l2", "dropout"])
@pytest.mark.parametrize("depth", [0, 1, 3])
@pytest.mark.parametrize("loss", sorted(LOSS_SETUPS))
@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_backprop_matches_finite_differences(activation, loss, depth, regularizer):
    for seed in range(20):
        net, X, y, options = build_case(activation, loss, depth, regularizer, seed)
        if is_well_conditioned(net, X, y, loss, options):
            break
    else:
        pytest.fail("no well-conditioned draw among 20 seeds")
    result = check_gradients(net, X, y, loss, **options)
    assert result.passed, (result.max_rel_error, result.skipped)
    assert result.n_checked + len(result.skipped) == net.n_params
    assert len(result.skipped) <= net.n_params // 4


@pytest.mark.parametrize(
    "output_activation, d_out", [("sigmoid", 1), ("sigmoid", 2), ("softmax", 3)]
)
def test_mse_through_a_nonlinear_output_matches_finite_differences(output_activation, d_out):
    rng = np.random.default_rng(8)
    net = MLP((2, 4, d_out), activation="tanh", output_activation=output_activation, seed=8)
    X = rng.uniform(-2, 2, size=(6, 2))
    y = rng.uniform(0, 1, size=(6, d_out))
    result = check_gradients(net, X, y, "mse", l2=0.1)
    assert result.passed and not result.skipped


def test_check_fails_for_a_wrong_gradient():
    class OffByAThousandth(MLP):
        def backward(self, *args, **kwargs):
            grads = super().backward(*args, **kwargs)
            grads.weights[0] *= 1.001
            return grads

    net = OffByAThousandth((2, 3, 1), activation="tanh", seed=0)
    X = np.random.default_rng(0).normal(size=(5, 2))
    result = check_gradients(net, X, [0, 1, 1, 0, 1], "bce")
    assert not result.passed
    assert result.max_rel_error == pytest.approx(0.0005, rel=1e-3)


def test_check_fails_when_the_penalty_gradient_is_missing():
    class NoWeightDecay(MLP):
        def backward(self, forward_pass, y, loss, l1=0.0, l2=0.0):
            grads = super().backward(forward_pass, y, loss)
            grads.penalty = self.penalty(l1, l2)
            return grads

    net = NoWeightDecay((2, 3, 1), seed=1)
    X = np.random.default_rng(1).normal(size=(5, 2))
    assert not check_gradients(net, X, [0, 1, 1, 0, 1], "bce", l2=0.5).passed


def relu_net_with_a_unit_at_its_kink():
    """2-2-1 relu network whose first hidden unit has z = 0 exactly for the first sample."""
    net = MLP((2, 2, 1), activation="relu", output_activation="linear")
    net.weights = [[[1.0, -1.0], [0.5, 0.25]], [[2.0, -1.5]]]
    net.biases = [[0.0, 0.1], [0.3]]
    X = np.array([[0.5, 0.5], [1.0, -2.0], [-0.5, 1.5]])  # z₀ = 0, 3, −2 for unit 0
    return net, X, np.array([0.2, -1.0, 0.7])


def test_parameters_that_move_a_pre_activation_across_a_kink_are_skipped():
    net, X, y = relu_net_with_a_unit_at_its_kink()
    result = check_gradients(net, X, y, "mse")
    assert result.passed
    skipped = {(layer, index) for layer, index, _ in result.skipped}
    # W₀[0, ·] and b₀[0] move unit 0's z for sample 0 off 0; nothing else touches it.
    assert skipped == {(0, ("W", 0, 0)), (0, ("W", 0, 1)), (0, ("b", 0))}
    assert all("relu kink" in reason for _, _, reason in result.skipped)
    assert np.isnan(result.numeric[[0, 1, 4]]).all()
    assert result.n_checked == net.n_params - 3


def test_skipping_at_a_kink_is_necessary():
    # At z = 0, relu′(0) = 0 but the central difference sees slope ½: the two must disagree.
    net, X, y = relu_net_with_a_unit_at_its_kink()
    grads = net.backward(net.forward(X), y, "mse")
    h = 1e-5
    net.biases[0][0] = h
    plus = net.backward(net.forward(X), y, "mse").loss
    net.biases[0][0] = -h
    minus = net.backward(net.forward(X), y, "mse").loss
    assert abs((plus - minus) / (2 * h) - grads.biases[0][0]) > 1e-3


def test_weights_within_h_of_zero_are_skipped_under_l1():
    net = MLP((2, 3, 1), activation="tanh", seed=2)
    net.weights[0][2, 1] = 0.0
    net.weights[0][0, 0] = 3e-6
    X = np.random.default_rng(2).normal(size=(6, 2))
    result = check_gradients(net, X, [1, 0, 1, 1, 0, 0], "bce", l1=0.05)
    assert result.passed
    assert {(layer, index) for layer, index, _ in result.skipped} == {(0, ("W", 2, 1)),
                                                                      (0, ("W", 0, 0))}
    assert all("L1" in reason for _, _, reason in result.skipped)
    assert not check_gradients(net, X, [1, 0, 1, 1, 0, 0], "bce", l2=0.05).skipped


def test_check_restores_parameters_and_leaves_the_generator_alone():
    net = MLP((2, 3, 3, 1), activation="elu", dropout=0.5, seed=5)
    X = np.random.default_rng(5).normal(size=(4, 2))
    before, state = net.get_params(), net.rng.bit_generator.state
    masks = [np.array([[1, 0, 1]] * 4), np.ones((4, 3))]
    check_gradients(net, X, [0, 1, 0, 1], "bce", l1=0.01, l2=0.01, dropout_masks=masks)
    np.testing.assert_array_equal(net.get_params(), before)
    assert net.rng.bit_generator.state == state


def test_result_reports_analytic_and_numeric_vectors():
    net = MLP((2, 2, 2), activation="tanh", output_activation="softmax", seed=0)
    X = np.random.default_rng(0).normal(size=(3, 2))
    result = check_gradients(net, X, [0, 1, 1], "cross_entropy")
    assert result.analytic.shape == result.numeric.shape == (net.n_params,)
    np.testing.assert_allclose(result.numeric, result.analytic, rtol=1e-6)
    assert 0.0 < result.max_rel_error < 1e-6


# --- property test -----------------------------------------------------------------------------
@st.composite
def gradient_cases(draw):
    depth = draw(st.integers(0, 3))
    loss = draw(st.sampled_from(sorted(LOSS_SETUPS)))
    output_activation = LOSS_SETUPS[loss][0]
    d_out = 1 if loss == "bce" else draw(st.integers(2, 4))
    d_in = draw(st.integers(1, 3))
    widths = draw(st.lists(st.integers(1, 5), min_size=depth, max_size=depth))
    activations = draw(st.lists(st.sampled_from(sorted(ACTIVATIONS)), min_size=depth,
                                max_size=depth))
    n = draw(st.integers(1, 6))
    sizes = (d_in, *widths, d_out)
    init = draw(st.sampled_from(["xavier", "he", "normal"]))
    net = MLP(sizes, activation=activations, output_activation=output_activation, init=init,
              seed=draw(st.integers(0, 999)))
    X = draw(arrays(np.float64, (n, d_in), elements=st.floats(-3, 3)))
    if loss == "mse":
        y = draw(arrays(np.float64, (n, d_out), elements=st.floats(-2, 2)))
    else:
        y = np.array(draw(st.lists(st.integers(0, max(d_out, 2) - 1), min_size=n, max_size=n)))
    options = {"l1": draw(st.sampled_from([0.0, 0.01])), "l2": draw(st.sampled_from([0.0, 0.1]))}
    if depth and draw(st.booleans()):
        masks_rng = np.random.default_rng(draw(st.integers(0, 999)))
        options["dropout_masks"] = [(masks_rng.random((n, w)) >= 0.3).astype(float) for w in widths]
    return net, X, y, loss, options


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gradient_cases())
def test_backprop_agrees_with_finite_differences_for_random_networks(case):
    net, X, y, loss, options = case
    result = check_gradients(net, X, y, loss, **options)
    checked = ~np.isnan(result.numeric)
    analytic, numeric = result.analytic[checked], result.numeric[checked]
    objective = net.backward(
        net.forward(X, training="dropout_masks" in options,
                    dropout_masks=options.get("dropout_masks")),
        y, loss, l1=options["l1"], l2=options["l2"],
    ).loss
    # The contract's relative criterion, plus an absolute floor for the finite-difference rounding
    # noise (≈ ε·J/h ≈ 2e-11·J) that dominates when a gradient entry is itself tiny.
    relative = 1e-6 * np.maximum(1e-8, np.abs(analytic) + np.abs(numeric))
    tolerance = relative + 1e-9 * max(1.0, objective)
    assert np.all(np.abs(analytic - numeric) <= tolerance)
