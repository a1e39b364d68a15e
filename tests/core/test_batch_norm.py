"""Batch normalization in the engine (docs/core-api.md, "Batch normalization"): PyTorch
BatchNorm1d conventions, gradients against central differences, running statistics by hand,
parameter order, optimizers and penalties, and bit-identical results with batch norm off."""

from pathlib import Path

import numpy as np
import pytest

from core.gradcheck import check_gradients
from core.losses import loss_value
from core.network import BN_EPS, MLP
from core.optimizers import OPTIMIZERS, make_optimizer
from core.parameters import ParamRef, array_position, n_parameters, parameter_blocks
from tests.core.stored_results import assert_matches_stored

FIXTURE = Path(__file__).parent / "fixtures" / "mlp_before_batch_norm.npz"


def bn_net(sizes=(2, 4, 3, 1), activation="tanh", output="sigmoid", seed=1, rng_seed=0):
    """A batch-normalized net whose γ, β are not at their initial 1, 0 (so both matter)."""
    net = MLP(sizes, activation=activation, output_activation=output, batch_norm=True, seed=seed)
    rng = np.random.default_rng(rng_seed)
    for gamma, beta in zip(net.bn_gamma, net.bn_beta, strict=True):
        gamma[...] = rng.uniform(0.5, 1.5, gamma.shape)
        beta[...] = rng.normal(0.0, 0.3, beta.shape)
    return net


def data(n=9, d_out=1, loss="bce", seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    if loss == "cross_entropy":
        return X, rng.integers(0, d_out, n)
    if loss == "bce":
        return X, rng.integers(0, 2, (n, d_out)).astype(np.float64)
    return X, rng.normal(size=(n, d_out))


# --- gradients ---------------------------------------------------------------------------------
@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "elu"])
@pytest.mark.parametrize("loss,output,d_out", [("bce", "sigmoid", 1),
                                               ("cross_entropy", "softmax", 3),
                                               ("mse", "linear", 2)])
def test_gradients_of_w_b_gamma_beta_match_central_differences(training, activation, loss,
                                                               output, d_out):
    net = bn_net((2, 4, 3, d_out), activation, output)
    X, y = data(d_out=d_out, loss=loss)
    net.forward(X + 0.5, training=True)  # running statistics away from 0 and 1
    result = check_gradients(net, X, y, loss, l2=0.01, training=training)
    assert result.passed, result.max_rel_error
    kinds = {ParamRef.at(net.layer_sizes, k, batch_norm=True).kind for k in range(net.n_params)}
    assert kinds == {"W", "b", "gamma", "beta"}
    assert result.n_checked + len(result.skipped) == net.n_params


def test_gradient_check_fails_for_a_wrong_gamma_gradient(monkeypatch):
    net = bn_net()
    X, y = data()
    original = MLP.backward

    def wrong(self, *args, **kwargs):
        gradients = original(self, *args, **kwargs)
        gradients.bn_gamma[0] = gradients.bn_gamma[0] * 1.01
        return gradients

    monkeypatch.setattr(MLP, "backward", wrong)
    assert not check_gradients(net, X, y, "bce", training=True).passed


def test_gradient_check_restores_running_statistics():
    net = bn_net()
    X, y = data()
    before = net.bn_buffers()
    check_gradients(net, X, y, "bce", training=True)
    for kept, now in zip(before, net.bn_buffers(), strict=True):
        assert np.array_equal(kept, now)


@pytest.mark.parametrize("training", [True, False])
def test_gradient_with_respect_to_the_inputs_of_a_normalized_layer(training):
    """∂J/∂X = linear_deltas[0] W₀ (layer 0 is normalized) against central differences."""
    net = bn_net((2, 5, 4, 1), "tanh")
    X, y = data(n=7)
    net.forward(X - 0.3, training=True)
    buffers = net.bn_buffers()
    gradients = net.backward(net.forward(X, training=training), y, "bce")
    analytic = gradients.linear_deltas[0] @ net.weights[0]
    numeric = np.zeros_like(X)
    h = 1e-6
    for index in np.ndindex(X.shape):
        values = []
        for sign in (1.0, -1.0):
            shifted = X.copy()
            shifted[index] += sign * h
            fp = net.forward(shifted, training=training)
            values.append(loss_value("bce", fp.pre_activations[-1], fp.output, y))
        numeric[index] = (values[0] - values[1]) / (2 * h)
    net.set_bn_buffers(buffers)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-10)


def test_bias_of_a_normalized_layer_gets_zero_gradient_in_training_mode():
    net = bn_net((2, 6, 5, 1))
    X, y = data(n=12)
    gradients = net.backward(net.forward(X, training=True), y, "bce")
    scale = max(np.abs(g).max() for g in gradients.weights)
    for l in range(net.n_hidden):
        assert np.abs(gradients.biases[l]).max() <= 1e-14 * scale
        assert np.abs(gradients.weights[l]).max() > 1e-6
        assert np.abs(gradients.bn_beta[l]).max() > 1e-6
    assert np.abs(gradients.biases[-1]).max() > 1e-6  # the output layer is not normalized


def test_backward_formula_fields():
    """∂J/∂γ = Σ δ ⊙ û, ∂J/∂β = Σ δ, deltas stay ∂J/∂z, linear_deltas is ∂J/∂u."""
    net = bn_net()
    X, y = data()
    fp = net.forward(X, training=True)
    gradients = net.backward(fp, y, "bce")
    for l in range(net.n_hidden):
        np.testing.assert_allclose(gradients.bn_gamma[l],
                                   (gradients.deltas[l] * fp.bn_normalized[l]).sum(axis=0))
        np.testing.assert_allclose(gradients.bn_beta[l], gradients.deltas[l].sum(axis=0))
        np.testing.assert_allclose(gradients.weights[l],
                                   gradients.linear_deltas[l].T @ fp.layer_inputs[l])
    assert gradients.linear_deltas[-1] is gradients.deltas[-1]
    assert len(gradients.linear_deltas) == net.n_layers


# --- forward and running statistics ------------------------------------------------------------
def test_forward_fields_and_training_normalization():
    net = bn_net()
    X, _ = data(n=10)
    fp = net.forward(X, training=True)
    for field in (fp.linear_outputs, fp.bn_normalized, fp.bn_mean, fp.bn_var):
        assert len(field) == net.n_layers and field[-1] is None
    for l in range(net.n_hidden):
        u = fp.layer_inputs[l] @ net.weights[l].T + net.biases[l]
        np.testing.assert_allclose(fp.linear_outputs[l], u)
        np.testing.assert_allclose(fp.bn_mean[l], u.sum(axis=0) / len(u))
        np.testing.assert_allclose(fp.bn_var[l], ((u - u.mean(axis=0)) ** 2).sum(axis=0) / len(u))
        u_hat = (u - fp.bn_mean[l]) / np.sqrt(fp.bn_var[l] + BN_EPS)
        np.testing.assert_allclose(fp.bn_normalized[l], u_hat)
        np.testing.assert_allclose(fp.pre_activations[l],
                                   net.bn_gamma[l] * u_hat + net.bn_beta[l])


def test_batch_norm_off_has_no_batch_norm_fields():
    net = MLP((2, 3, 1))
    fp = net.forward(np.zeros((4, 2)), training=True)
    assert fp.linear_outputs == [] and fp.bn_mean == []
    assert list(net.bn_gamma) == [] and list(net.bn_running_var) == []


def test_running_statistics_follow_pytorch_conventions_by_hand():
    net = MLP((2, 3, 1), batch_norm=True, seed=4)
    assert all(np.array_equal(m, np.zeros(3)) for m in net.bn_running_mean)
    assert all(np.array_equal(v, np.ones(3)) for v in net.bn_running_var)
    rng = np.random.default_rng(2)
    expected_mean, expected_var = np.zeros(3), np.ones(3)
    for n in (5, 2, 8):
        X = rng.normal(size=(n, 2))
        u = X @ net.weights[0].T + net.biases[0]
        for unit in range(3):
            column = [float(u[i, unit]) for i in range(n)]
            mu = sum(column) / n
            unbiased = sum((c - mu) ** 2 for c in column) / (n - 1)
            expected_mean[unit] = 0.9 * expected_mean[unit] + 0.1 * mu
            expected_var[unit] = 0.9 * expected_var[unit] + 0.1 * unbiased
        net.forward(X, training=True)
        np.testing.assert_allclose(net.bn_running_mean[0], expected_mean, rtol=1e-13)
        np.testing.assert_allclose(net.bn_running_var[0], expected_var, rtol=1e-13)


def test_evaluation_uses_the_running_statistics_and_leaves_them_alone():
    net = bn_net((2, 3, 1))
    net.bn_running_mean[0] = [0.5, -1.0, 2.0]
    net.bn_running_var[0] = [4.0, 0.25, 1.0]
    X, _ = data(n=3)
    fp = net.forward(X)
    u = X @ net.weights[0].T + net.biases[0]
    z = net.bn_gamma[0] * (u - [0.5, -1.0, 2.0]) / np.sqrt(np.array([4.0, 0.25, 1.0]) + BN_EPS) \
        + net.bn_beta[0]
    np.testing.assert_allclose(fp.pre_activations[0], z, rtol=1e-14)
    np.testing.assert_array_equal(net.bn_running_mean[0], [0.5, -1.0, 2.0])
    np.testing.assert_array_equal(fp.bn_var[0], [4.0, 0.25, 1.0])
    # One sample is fine in evaluation mode
    np.testing.assert_allclose(net.predict(X[:1]), fp.output[:1], rtol=1e-14)


def test_training_with_one_sample_raises_and_says_why():
    net = MLP((2, 3, 1), batch_norm=True)
    before = net.bn_buffers()
    with pytest.raises(ValueError, match="at least 2 samples.*variance.*undefined"):
        net.forward(np.zeros((1, 2)), training=True)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.bn_buffers(), strict=True))


def test_input_gradient_with_batch_norm_matches_finite_differences():
    net = bn_net((2, 4, 3, 1))
    net.forward(np.random.default_rng(5).normal(size=(6, 2)), training=True)
    X, _ = data(n=4)
    analytic = net.input_gradient(X)
    h = 1e-6
    numeric = np.stack([(net.predict(X + h * e)[:, 0] - net.predict(X - h * e)[:, 0]) / (2 * h)
                        for e in np.eye(2)], axis=1)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-10)


# --- parameters --------------------------------------------------------------------------------
def test_parameter_order_and_addressing():
    net = bn_net((2, 4, 3, 2), output="softmax")
    params = net.parameters()
    expected = [net.weights[0], net.biases[0], net.bn_gamma[0], net.bn_beta[0],
                net.weights[1], net.biases[1], net.bn_gamma[1], net.bn_beta[1],
                net.weights[2], net.biases[2]]
    assert len(params) == len(expected)
    assert all(p is e for p, e in zip(params, expected, strict=True))
    assert net.n_params == n_parameters(net.layer_sizes, batch_norm=True) == sum(
        p.size for p in expected)
    vector = net.get_params()
    blocks = parameter_blocks(net.layer_sizes, batch_norm=True)
    for block, array in zip(blocks, params, strict=True):
        assert block.shape == array.shape
        assert np.array_equal(vector[block.start:block.start + block.size], array.ravel())
        assert array_position(block.layer, block.kind, batch_norm=True) == blocks.index(block)
    for k in range(net.n_params):
        ref = ParamRef.at(net.layer_sizes, k, batch_norm=True)
        assert ref.flat_index(net.layer_sizes, batch_norm=True) == k
        array = params[ref.array_position(batch_norm=True)]
        assert array.ravel()[ref.array_index(net.layer_sizes, batch_norm=True)] == vector[k]
    assert ParamRef(1, "gamma", 2).label() == "γ²[2]"
    with pytest.raises(ValueError, match="output layer"):
        ParamRef(2, "beta", 0).flat_index(net.layer_sizes, batch_norm=True)
    net.set_params(vector * 2)
    assert np.array_equal(net.get_params(), vector * 2)


def test_gamma_and_beta_start_at_one_and_zero_and_are_assignable():
    net = MLP((2, 3, 2, 1), batch_norm=True)
    assert [g.tolist() for g in net.bn_gamma] == [[1.0] * 3, [1.0] * 2]
    assert [b.tolist() for b in net.bn_beta] == [[0.0] * 3, [0.0] * 2]
    net.bn_gamma[1] = [2, 3]
    assert net.bn_gamma[1].dtype == np.float64 and net.get_params()[23:25].tolist() == [2.0, 3.0]
    with pytest.raises(ValueError, match="shape"):
        net.bn_beta[0] = [1.0, 2.0]


def test_copy_is_independent_including_buffers():
    net = bn_net()
    twin = net.copy()
    twin.forward(np.random.default_rng(0).normal(size=(5, 2)), training=True)
    twin.bn_gamma[0] += 1.0
    assert np.array_equal(net.bn_running_mean[0], np.zeros(4))
    assert not np.array_equal(net.bn_gamma[0], twin.bn_gamma[0])


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_steps_gamma_and_beta(name):
    net = bn_net()
    X, y = data()
    gamma, beta = [g.copy() for g in net.bn_gamma], [b.copy() for b in net.bn_beta]
    optimizer = make_optimizer(name, 0.1)
    gradients = net.backward(net.forward(X, training=True), y, "bce")
    optimizer.step(net.parameters(), gradients.as_list())
    for l in range(net.n_hidden):
        assert not np.array_equal(net.bn_gamma[l], gamma[l])
        assert not np.array_equal(net.bn_beta[l], beta[l])


def test_l1_and_l2_never_touch_gamma_or_beta():
    net = bn_net()
    X, y = data()
    plain = net.backward(net.forward(X), y, "bce")
    penalized = net.backward(net.forward(X), y, "bce", l1=0.3, l2=0.7)
    for l in range(net.n_hidden):
        assert np.array_equal(plain.bn_gamma[l], penalized.bn_gamma[l])
        assert np.array_equal(plain.bn_beta[l], penalized.bn_beta[l])
    weights_only = sum(0.3 * np.abs(W).sum() + 0.35 * np.vdot(W, W) for W in net.weights)
    assert penalized.penalty == pytest.approx(weights_only, rel=1e-14)


def test_per_layer_norms_include_gamma_and_beta():
    net = bn_net()
    X, y = data()
    gradients = net.backward(net.forward(X, training=True), y, "bce")
    norms = gradients.per_layer_norms()
    for l in range(net.n_hidden):
        parts = [gradients.weights[l], gradients.biases[l], gradients.bn_gamma[l],
                 gradients.bn_beta[l]]
        assert norms[l] == pytest.approx(np.sqrt(sum(np.vdot(p, p) for p in parts)), rel=1e-14)
    assert gradients.flat().size == net.n_params


# --- batch norm off: the engine before batch norm, to its rounding --------------------------------
def test_batch_norm_off_matches_the_engine_before_it():
    """The fixture was written by the engine of commit bd0534d (tests/core/fixtures/README.md);
    equal to the last bits on that NumPy build, to 1e-12 on others (tests/core/stored_results)."""
    reference = np.load(FIXTURE)
    rng = np.random.default_rng(7)
    X = rng.normal(size=(13, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.float64)[:, None]
    for name, options in {"tanh": dict(activation="tanh"),
                          "relu_drop": dict(activation="relu", dropout=0.2)}.items():
        net = MLP((2, 5, 4, 1), seed=3, batch_norm=False, **options)
        optimizer = make_optimizer("adam", 0.05)
        for step in range(5):
            gradients = net.backward(net.forward(X, training=True), y, "bce", l1=1e-3, l2=1e-2)
            optimizer.step(net.parameters(), gradients.as_list())
            for key, value in ((f"{name}_grad_{step}", gradients.flat()),
                               (f"{name}_norms_{step}", gradients.per_layer_norms())):
                assert_matches_stored(value, reference[key], key)
        for key, value in ((f"{name}_params", net.get_params()), (f"{name}_predict", net.predict(X)),
                           (f"{name}_input_gradient", net.input_gradient(X))):
            assert_matches_stored(value, reference[key], key)


def _textbook_step(params, buffers, X, y, training):
    """One forward/backward of a 2-h-h-1 tanh/sigmoid/bce BN net written out the slow, plain way
    (Ioffe & Szegedy 2015, Algorithm 1 and its backward), updating ``buffers`` in place."""
    W0, b0, g0, be0, W1, b1, g1, be1, W2, b2 = params
    n = len(X)
    a, cache = X, []
    for l, (W, b, g, be) in enumerate(((W0, b0, g0, be0), (W1, b1, g1, be1))):
        u = a @ W.T + b
        if training:
            mu, var = u.mean(axis=0), u.var(axis=0)
            buffers[2 * l] = 0.9 * buffers[2 * l] + 0.1 * mu
            buffers[2 * l + 1] = 0.9 * buffers[2 * l + 1] + 0.1 * var * n / (n - 1)
        else:
            mu, var = buffers[2 * l], buffers[2 * l + 1]
        u_hat = (u - mu) / np.sqrt(var + BN_EPS)
        cache.append((a, u_hat, var, g))
        a = np.tanh(g * u_hat + be)
    z = a @ W2.T + b2
    delta = (1 / (1 + np.exp(-z)) - y) / n
    grads = [delta.T @ a, delta.sum(axis=0)]
    W_next = W2
    for a_in, u_hat, var, g in reversed(cache):
        a_out = np.tanh(g * u_hat + (params[3] if a_in is X else params[7]))
        delta = (delta @ W_next) * (1 - a_out ** 2)
        d_gamma, d_beta = (delta * u_hat).sum(axis=0), delta.sum(axis=0)
        d_hat = delta * g
        if training:
            d_u = (d_hat - d_hat.mean(axis=0) - u_hat * (d_hat * u_hat).mean(axis=0))
            d_u = d_u / np.sqrt(var + BN_EPS)
        else:
            d_u = d_hat / np.sqrt(var + BN_EPS)
        W = params[0] if a_in is X else params[4]
        grads = [d_u.T @ a_in, d_u.sum(axis=0), d_gamma, d_beta] + grads
        delta, W_next = d_u, W
    return grads


def test_the_engine_matches_a_textbook_batch_norm_to_1e_12_over_many_steps():
    """The engine's fused batch-norm arithmetic (few NumPy calls, column-major u) agrees with
    the formulas written out plainly, in training and evaluation mode, step after step."""
    net = bn_net(sizes=(2, 5, 4, 1))
    rng = np.random.default_rng(4)
    X = rng.normal(size=(23, 2)) * 2.0
    y = rng.integers(0, 2, (23, 1)).astype(np.float64)
    params = [p.copy() for p in net.parameters()]
    buffers = net.bn_buffers()
    for step in range(25):
        training = step % 4 != 3
        expected = _textbook_step(params, buffers, X, y, training)
        fp = net.forward(X, training=training)
        got = net.backward(fp, y, "bce").as_list()
        for e, g in zip(expected, got, strict=True):
            np.testing.assert_allclose(g, e, rtol=0, atol=1e-12)
        for e, g in zip(buffers, net.bn_buffers(), strict=True):
            np.testing.assert_allclose(g, e, rtol=0, atol=1e-12)
        for p, q, grad in zip(net.parameters(), params, got, strict=True):
            p -= 0.2 * grad
            q -= 0.2 * grad


def test_a_forward_pass_without_the_kept_inverse_deviation_backpropagates_the_same():
    """ForwardPass.bn_inv_std is a cache: a pass built without it gives the same gradients."""
    from dataclasses import replace

    net = bn_net()
    X, y = data()
    fp = net.forward(X, training=True)
    with_cache = net.backward(fp, y, "bce").flat()
    without = net.backward(replace(fp, bn_inv_std=[]), y, "bce").flat()
    np.testing.assert_array_equal(with_cache, without)
    for l in range(net.n_hidden):
        np.testing.assert_allclose(fp.bn_inv_std[l], 1.0 / np.sqrt(fp.bn_var[l] + BN_EPS))
