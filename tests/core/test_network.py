"""MLP: contract conventions, hand-computed backprop, parameters, dropout, symmetry, determinism."""

import math

import numpy as np
import pytest

from core.activations import ACTIVATIONS, relu
from core.losses import loss_value
from core.network import MLP, ForwardPass, Gradients


def sgd_train(net, X, y, loss, steps, learning_rate, training=False, **penalties):
    """Plain full-batch SGD written inline (p ← p − η g); returns the loss of every step."""
    losses = []
    for _ in range(steps):
        gradients = net.backward(net.forward(X, training=training), y, loss, **penalties)
        for param, grad in zip(net.parameters(), gradients.as_list(), strict=True):
            param -= learning_rate * grad
        losses.append(gradients.loss)
    return losses


def circle_data(n=40, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, (X[:, 0] ** 2 + X[:, 1] ** 2 < 1.0).astype(np.int64)


# --- hand-computed networks --------------------------------------------------------------------
def test_hand_computed_2_2_1_forward_backward_and_sgd_update():
    samples = [(0.5, -1.0), (-0.3, 0.8)]
    targets = [1.0, 0.0]
    w11, w12, w21, w22 = 0.1, -0.2, 0.4, 0.3  # hidden weights, row i = hidden unit i
    c1, c2 = 0.05, -0.1  # hidden biases
    v1, v2 = 0.7, -0.5  # output weights
    c3 = 0.2  # output bias
    learning_rate = 0.5

    # Forward pass, one scalar at a time.
    z1 = [w11 * a + w12 * b + c1 for a, b in samples]
    z2 = [w21 * a + w22 * b + c2 for a, b in samples]
    h1 = [math.tanh(z) for z in z1]
    h2 = [math.tanh(z) for z in z2]
    z3 = [v1 * p + v2 * q + c3 for p, q in zip(h1, h2, strict=True)]
    out = [1.0 / (1.0 + math.exp(-z)) for z in z3]
    per_sample = [-(t * math.log(p) + (1 - t) * math.log(1 - p))
                  for t, p in zip(targets, out, strict=True)]
    loss = sum(per_sample) / 2

    # Backward pass: δ3 = (p − y)/n, then δ_hidden = δ3 · v · (1 − h²).
    d3 = [(p - t) / 2 for p, t in zip(out, targets, strict=True)]
    dv1 = sum(d * h for d, h in zip(d3, h1, strict=True))
    dv2 = sum(d * h for d, h in zip(d3, h2, strict=True))
    dc3 = sum(d3)
    d1 = [d * v1 * (1 - h * h) for d, h in zip(d3, h1, strict=True)]
    d2 = [d * v2 * (1 - h * h) for d, h in zip(d3, h2, strict=True)]
    dw11 = sum(d * a for d, (a, _) in zip(d1, samples, strict=True))
    dw12 = sum(d * b for d, (_, b) in zip(d1, samples, strict=True))
    dw21 = sum(d * a for d, (a, _) in zip(d2, samples, strict=True))
    dw22 = sum(d * b for d, (_, b) in zip(d2, samples, strict=True))
    dc1, dc2 = sum(d1), sum(d2)

    net = MLP((2, 2, 1), activation="tanh", output_activation="sigmoid")
    net.weights = [[[w11, w12], [w21, w22]], [[v1, v2]]]
    net.biases = [[c1, c2], [c3]]
    fp = net.forward(np.array(samples))
    grads = net.backward(fp, np.array(targets), "bce")

    def close(actual, expected):
        np.testing.assert_allclose(actual, expected, rtol=0, atol=1e-12)

    close(fp.pre_activations[0], np.column_stack([z1, z2]))
    close(fp.activations[1], np.column_stack([h1, h2]))
    close(fp.pre_activations[1], np.array(z3).reshape(2, 1))
    close(fp.output, np.array(out).reshape(2, 1))
    close(grads.data_loss, loss)
    close(grads.loss, loss)
    assert grads.penalty == 0.0
    close(grads.deltas[1], np.array(d3).reshape(2, 1))
    close(grads.deltas[0], np.column_stack([d1, d2]))
    close(grads.weights[1], [[dv1, dv2]])
    close(grads.biases[1], [dc3])
    close(grads.weights[0], [[dw11, dw12], [dw21, dw22]])
    close(grads.biases[0], [dc1, dc2])

    for param, grad in zip(net.parameters(), grads.as_list(), strict=True):
        param -= learning_rate * grad
    close(net.weights[0], [[w11 - learning_rate * dw11, w12 - learning_rate * dw12],
                           [w21 - learning_rate * dw21, w22 - learning_rate * dw22]])
    close(net.biases[0], [c1 - learning_rate * dc1, c2 - learning_rate * dc2])
    close(net.weights[1], [[v1 - learning_rate * dv1, v2 - learning_rate * dv2]])
    close(net.biases[1], [c3 - learning_rate * dc3])


def test_hand_computed_relu_regression_with_l1_and_l2_penalties():
    # One sample x = (2, −1), target 0.5; relu hidden, linear output, mse.
    x1, x2, target = 2.0, -1.0, 0.5
    w11, w12, w21, w22, c1, c2 = 0.3, 0.2, -0.4, 0.1, 0.0, 0.1
    v1, v2, c3 = 1.5, 0.0, -0.2
    l1, l2 = 0.01, 0.1
    z1 = w11 * x1 + w12 * x2 + c1  # 0.4 > 0: active
    z2 = w21 * x1 + w22 * x2 + c2  # −0.8 < 0: inactive
    a1, a2 = max(z1, 0.0), max(z2, 0.0)
    out = v1 * a1 + v2 * a2 + c3
    weights = [w11, w12, w21, w22, v1, v2]
    penalty = l1 * sum(abs(w) for w in weights) + l2 / 2 * sum(w * w for w in weights)
    d3 = 2 * (out - target)  # mse, n = 1, one output
    d1 = d3 * v1 * (1.0 if z1 > 0 else 0.0)
    d2 = d3 * v2 * (1.0 if z2 > 0 else 0.0)

    def reg(w):  # l2·w + l1·sign(w), sign(0) = 0
        return l2 * w + l1 * (0.0 if w == 0 else math.copysign(1.0, w))

    net = MLP((2, 2, 1), activation="relu", output_activation="linear")
    net.weights = [[[w11, w12], [w21, w22]], [[v1, v2]]]
    net.biases = [[c1, c2], [c3]]
    grads = net.backward(net.forward([[x1, x2]]), [target], "mse", l1=l1, l2=l2)
    np.testing.assert_allclose(grads.data_loss, (out - target) ** 2, rtol=0, atol=1e-12)
    np.testing.assert_allclose(grads.penalty, penalty, rtol=0, atol=1e-12)
    np.testing.assert_allclose(grads.loss, (out - target) ** 2 + penalty, rtol=0, atol=1e-12)
    np.testing.assert_allclose(
        grads.weights[0],
        [[d1 * x1 + reg(w11), d1 * x2 + reg(w12)], [d2 * x1 + reg(w21), d2 * x2 + reg(w22)]],
        rtol=0, atol=1e-12,
    )
    np.testing.assert_allclose(grads.weights[1], [[d3 * a1 + reg(v1), d3 * a2 + reg(v2)]],
                               rtol=0, atol=1e-12)
    np.testing.assert_allclose(grads.biases[0], [d1, d2], rtol=0, atol=1e-12)
    np.testing.assert_allclose(grads.biases[1], [d3], rtol=0, atol=1e-12)


# --- contract conventions ----------------------------------------------------------------------
def test_weights_are_out_by_in_and_biases_per_output():
    net = MLP((3, 5, 4, 2), output_activation="softmax")
    assert [w.shape for w in net.weights] == [(5, 3), (4, 5), (2, 4)]
    assert [b.shape for b in net.biases] == [(5,), (4,), (2,)]
    assert all(w.dtype == np.float64 for w in net.weights)
    assert net.n_layers == 3 and net.n_hidden == 2
    assert net.layer_sizes == (3, 5, 4, 2)


def test_forward_computes_z_equals_a_w_transpose_plus_b_per_unit():
    rng = np.random.default_rng(2)
    net = MLP((3, 4, 2), activation="relu", output_activation="linear", init="normal")
    for b in net.biases:
        b[:] = rng.normal(size=b.shape)
    X = rng.normal(size=(5, 3))
    fp = net.forward(X)
    W, b = net.weights[0], net.biases[0]
    for s in range(5):
        for i in range(4):
            z = sum(W[i, j] * X[s, j] for j in range(3)) + b[i]
            assert fp.pre_activations[0][s, i] == pytest.approx(z, rel=1e-14)
            assert fp.activations[1][s, i] == max(fp.pre_activations[0][s, i], 0.0)


def test_forward_pass_keeps_every_layer():
    net = MLP((2, 3, 3, 1))
    X = np.ones((4, 2))
    fp = net.forward(X)
    assert isinstance(fp, ForwardPass)
    assert fp.activations[0] is X
    assert fp.output is fp.activations[-1]
    assert len(fp.pre_activations) == 3 and len(fp.activations) == 4
    assert [z.shape for z in fp.pre_activations] == [(4, 3), (4, 3), (4, 1)]
    assert fp.dropout_masks == [None, None]
    np.testing.assert_array_equal(net.predict(X), fp.output)


def test_forward_casts_integer_inputs_to_float64():
    fp = MLP((2, 1)).forward(np.array([[1, 2]]))
    assert fp.activations[0].dtype == np.float64


@pytest.mark.parametrize("shape", [(4,), (4, 3), (2, 2, 2)])
def test_forward_rejects_wrong_input_shapes(shape):
    with pytest.raises(ValueError, match=r"\(n, 2\)"):
        MLP((2, 3, 1)).forward(np.zeros(shape))


def test_network_without_hidden_layers_is_a_perceptron():
    net = MLP((2, 1), activation="relu", output_activation="sigmoid")
    X = np.array([[1.0, -2.0], [0.5, 0.5]])
    net.weights[0] = [[0.3, 0.4]]
    net.biases[0] = [0.1]
    fp = net.forward(X)
    z = X @ np.array([0.3, 0.4]) + 0.1
    np.testing.assert_allclose(fp.output.ravel(), 1 / (1 + np.exp(-z)), rtol=1e-15)
    grads = net.backward(fp, [1, 0], "bce")
    p = fp.output.ravel()
    np.testing.assert_allclose(grads.weights[0].ravel(), ((p - [1, 0]) / 2) @ X, rtol=1e-14)


def test_per_layer_activations_are_applied_in_order():
    net = MLP((2, 3, 3, 1), activation=["relu", "tanh"], output_activation="linear")
    assert net.hidden_activations == ["relu", "tanh"]
    fp = net.forward(np.random.default_rng(0).normal(size=(6, 2)))
    np.testing.assert_array_equal(fp.activations[1], relu(fp.pre_activations[0]))
    np.testing.assert_array_equal(fp.activations[2], np.tanh(fp.pre_activations[1]))
    np.testing.assert_array_equal(fp.output, fp.pre_activations[2])


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"layer_sizes": (2,)}, "at least 2"),
        ({"layer_sizes": (2, 0, 1)}, "≥ 1"),
        ({"layer_sizes": (2, 2.5, 1)}, "ints"),
        ({"activation": "sine"}, "relu"),
        ({"activation": ["relu"]}, "Expected 2 hidden activations"),
        ({"output_activation": "tanh"}, "sigmoid, softmax, linear"),
        ({"output_activation": "softmax"}, "at least 2 output"),
        ({"init": "glorot"}, "xavier, he, normal, zeros"),
        ({"dropout": 1.0}, r"\[0, 1\)"),
        ({"dropout": -0.1}, r"\[0, 1\)"),
        ({"dropout": [0.1]}, "Expected 2 dropout rates"),
        ({"dropout": [0.1, 1.5]}, r"\[0, 1\)"),
    ],
)
def test_constructor_rejects_invalid_arguments_with_allowed_values(kwargs, message):
    arguments = {"layer_sizes": (2, 3, 3, 1)} | kwargs
    with pytest.raises(ValueError, match=message):
        MLP(**arguments)


# --- parameters --------------------------------------------------------------------------------
def test_get_params_order_is_w0_b0_w1_b1_row_major():
    net = MLP((2, 2, 1))
    net.weights = [[[1, 2], [3, 4]], [[7, 8]]]
    net.biases = [[5, 6], [9]]
    np.testing.assert_array_equal(net.get_params(), np.arange(1, 10, dtype=float))
    assert net.n_params == 9
    assert MLP((2, 8, 8, 1)).n_params == 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1


def test_set_params_is_the_inverse_and_writes_in_place():
    net = MLP((3, 4, 2), output_activation="softmax", seed=4)
    arrays_before = [id(p) for p in net.parameters()]
    vector = np.random.default_rng(1).normal(size=net.n_params)
    net.set_params(vector)
    np.testing.assert_array_equal(net.get_params(), vector)
    assert [id(p) for p in net.parameters()] == arrays_before
    with pytest.raises(ValueError, match=str(net.n_params)):
        net.set_params(vector[:-1])


def test_integer_weights_are_cast_so_an_update_of_a_tenth_is_kept():
    net = MLP((2, 2, 1))
    net.weights[0] = np.array([[0, 0], [0, 0]])
    assert net.weights[0].dtype == np.float64
    net.weights[0] += 0.1 * np.array([1, 2])
    np.testing.assert_array_equal(net.weights[0], [[0.1, 0.2], [0.1, 0.2]])


def test_whole_list_assignment_casts_every_array():
    net = MLP((2, 2, 1))
    net.weights = [np.array([[0, 0], [0, 0]]), np.array([[1, 2]])]
    net.biases = [np.array([0, 0]), np.array([3])]
    assert all(w.dtype == np.float64 for w in net.weights)
    assert all(b.dtype == np.float64 for b in net.biases)
    net.weights[1] -= 0.1 * np.array([1, 2])
    np.testing.assert_allclose(net.weights[1], [[0.9, 1.8]], rtol=1e-15)
    net.biases[1] += 0.5
    np.testing.assert_array_equal(net.predict([[0.0, 0.0]]), [[1 / (1 + math.exp(-3.5))]])


def test_in_place_updates_keep_the_array_and_change_the_network():
    net = MLP((2, 2, 1), output_activation="linear", init="zeros")
    weights = net.weights[0]
    net.weights[0] += 1.0
    assert net.weights[0] is weights
    net.weights[1][0, 1] = 2.0
    # hidden = tanh(x1 + x2) for both units; output = 2·hidden₂
    np.testing.assert_allclose(net.predict([[0.25, 0.25]]), [[2 * math.tanh(0.5)]], rtol=1e-15)


def test_assigned_arrays_are_copied():
    net = MLP((2, 1))
    source = np.array([[1.0, 2.0]])
    net.weights[0] = source
    source[0, 0] = 99.0
    assert net.weights[0][0, 0] == 1.0


@pytest.mark.parametrize("kind", ["weights", "biases"])
def test_shape_mismatch_on_assignment_raises_value_error(kind):
    net = MLP((2, 3, 1))
    with pytest.raises(ValueError, match="shape"):
        getattr(net, kind)[0] = np.zeros((7, 7))
    with pytest.raises(ValueError, match="shape"):
        setattr(net, kind, [np.zeros((7, 7)), np.zeros((7, 7))])
    with pytest.raises(ValueError, match="Expected 2"):
        setattr(net, kind, [getattr(net, kind)[0]])
    with pytest.raises(TypeError, match="fixed"):
        getattr(net, kind).append(np.zeros(3))


def test_slice_assignment_validates_each_array():
    net = MLP((2, 3, 1))
    net.weights[:] = [np.ones((3, 2), dtype=int), np.ones((1, 3), dtype=int)]
    assert all(w.dtype == np.float64 for w in net.weights)
    with pytest.raises(ValueError):
        net.weights[:] = [np.ones((3, 2))]


def test_copy_is_independent_and_equal():
    net = MLP((2, 4, 1), seed=3, dropout=0.5)
    twin = net.copy()
    np.testing.assert_array_equal(twin.get_params(), net.get_params())
    twin.weights[0][0, 0] += 1.0
    assert twin.weights[0][0, 0] != net.weights[0][0, 0]
    # Same generator state: the next dropout masks agree, and drawing from one leaves the other.
    X = np.ones((3, 2))
    mask_copy = twin.forward(X, training=True).dropout_masks[0]
    np.testing.assert_array_equal(net.forward(X, training=True).dropout_masks[0], mask_copy)
    assert twin.layer_sizes == net.layer_sizes and twin.dropout == net.dropout


# --- initialization and determinism ------------------------------------------------------------
def test_xavier_init_is_uniform_within_glorot_limit():
    net = MLP((300, 500, 1), init="xavier", seed=0)
    limit = math.sqrt(6 / 800)
    W = net.weights[0]
    assert np.abs(W).max() <= limit
    assert W.std() == pytest.approx(limit / math.sqrt(3), rel=0.02)
    assert all(np.all(b == 0) for b in net.biases)


@pytest.mark.parametrize("init, std", [("he", math.sqrt(2 / 300)), ("normal", 0.1)])
def test_normal_inits_have_the_contract_standard_deviation(init, std):
    W = MLP((300, 500, 1), init=init, seed=0).weights[0]
    assert W.std() == pytest.approx(std, rel=0.02)
    assert abs(W.mean()) < 0.05 * std


def test_zeros_init_gives_all_zero_parameters():
    assert not np.any(MLP((2, 4, 3, 1), init="zeros").get_params())


def test_same_seed_gives_bit_identical_parameters_and_losses():
    X, y = circle_data()
    runs = []
    for _ in range(2):
        net = MLP((2, 6, 6, 1), activation="relu", dropout=0.3, seed=42)
        initial = net.get_params()
        losses = sgd_train(net, X, y, "bce", 30, 0.1, training=True)
        runs.append((initial, losses, net.get_params()))
    np.testing.assert_array_equal(runs[0][0], runs[1][0])
    assert runs[0][1] == runs[1][1]
    np.testing.assert_array_equal(runs[0][2], runs[1][2])
    other = MLP((2, 6, 6, 1), activation="relu", dropout=0.3, seed=43)
    assert not np.array_equal(other.get_params(), runs[0][0])


# --- zero-init symmetry ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "activation", ["relu", "tanh", "leaky_relu", "elu", "gelu", "swish", "linear"]
)
def test_zero_init_with_f_of_zero_equal_zero_only_moves_the_output_bias(activation):
    X, y = circle_data()
    net = MLP((2, 4, 1), activation=activation, output_activation="sigmoid", init="zeros")
    sgd_train(net, X, y, "bce", 200, 0.5)
    # Hidden outputs f(0) = 0 make ∂J/∂W₁ = δᵀa = 0, and W₁ = 0 blocks every hidden δ.
    assert not np.any(net.weights[0]) and not np.any(net.weights[1])
    assert not np.any(net.biases[0])
    assert net.biases[1][0] != 0.0


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_zero_init_keeps_all_hidden_units_identical(activation):
    X, y = circle_data()
    net = MLP((2, 4, 1), activation=activation, output_activation="sigmoid", init="zeros")
    sgd_train(net, X, y, "bce", 200, 0.5)
    W0, b0, W1 = net.weights[0], net.biases[0], net.weights[1]
    for unit in range(1, 4):
        np.testing.assert_array_equal(W0[unit], W0[0])
        assert b0[unit] == b0[0]
        assert W1[0, unit] == W1[0, 0]


@pytest.mark.parametrize("activation", ["sigmoid", "softplus"])
def test_zero_init_with_nonzero_f_of_zero_moves_weights_but_symmetrically(activation):
    X, y = circle_data()
    net = MLP((2, 4, 1), activation=activation, output_activation="sigmoid", init="zeros")
    sgd_train(net, X, y, "bce", 200, 0.5)
    assert np.all(net.weights[1] != 0.0) and np.all(net.weights[0] != 0.0)


# --- dropout -----------------------------------------------------------------------------------
def test_dropout_is_off_outside_training():
    net = MLP((2, 8, 1), dropout=0.5, seed=0)
    X = np.ones((5, 2))
    state = net.rng.bit_generator.state
    fp = net.forward(X)
    assert fp.dropout_masks == [None] and fp.layer_inputs[1] is fp.activations[1]
    assert net.rng.bit_generator.state == state  # evaluation draws nothing


def test_dropout_is_inverted_and_drawn_from_the_network_generator():
    p = 0.25
    net = MLP((2, 50, 1), dropout=p, seed=7)
    X = np.random.default_rng(0).normal(size=(400, 2))
    fp = net.forward(X, training=True)
    mask = fp.dropout_masks[0]
    assert mask.shape == (400, 50) and set(np.unique(mask)) == {0.0, 1.0}
    assert mask.mean() == pytest.approx(1 - p, abs=0.01)
    np.testing.assert_allclose(fp.layer_inputs[1], fp.activations[1] * mask / (1 - p), rtol=1e-15)
    # Same seed → same mask, and the generator moves on.
    again = MLP((2, 50, 1), dropout=p, seed=7).forward(X, training=True)
    np.testing.assert_array_equal(again.dropout_masks[0], mask)
    assert not np.array_equal(net.forward(X, training=True).dropout_masks[0], mask)


def test_explicit_dropout_masks_are_used_as_given():
    net = MLP((2, 3, 3, 1), dropout=[0.5, 0.0], seed=1)
    X = np.ones((2, 2))
    mask = np.array([[1, 0, 1], [0, 1, 1]])
    fp = net.forward(X, training=True, dropout_masks=[mask, None])
    np.testing.assert_array_equal(fp.dropout_masks[0], mask)
    np.testing.assert_allclose(fp.layer_inputs[1], fp.activations[1] * mask * 2.0, rtol=1e-15)
    assert fp.layer_inputs[2] is fp.activations[2]


@pytest.mark.parametrize(
    "masks, training",
    [([np.ones((2, 3))], True), ([np.ones((2, 4)), None], True),
     ([np.full((2, 3), 0.5), None], True), ([np.ones((2, 3)), None], False)],
)
def test_invalid_explicit_masks_raise(masks, training):
    net = MLP((2, 3, 3, 1), dropout=0.5)
    with pytest.raises(ValueError):
        net.forward(np.ones((2, 2)), training=training, dropout_masks=masks)


def test_dropped_units_receive_no_gradient():
    net = MLP((2, 3, 1), dropout=0.5, seed=2)
    X = np.random.default_rng(1).normal(size=(4, 2))
    mask = np.array([[1, 0, 1]] * 4)
    grads = net.backward(net.forward(X, training=True, dropout_masks=[mask]), [0, 1, 1, 0], "bce")
    assert np.all(grads.weights[0][1] == 0.0) and grads.biases[0][1] == 0.0
    assert np.all(grads.deltas[0][:, 1] == 0.0) and grads.weights[1][0, 1] == 0.0


# --- backward details --------------------------------------------------------------------------
def test_backward_returns_contract_fields():
    net = MLP((2, 3, 3), output_activation="softmax")
    X = np.random.default_rng(0).normal(size=(5, 2))
    y = np.array([0, 1, 2, 1, 0])
    fp = net.forward(X)
    grads = net.backward(fp, y, "cross_entropy")
    assert isinstance(grads, Gradients)
    assert [g.shape for g in grads.weights] == [w.shape for w in net.weights]
    assert [g.shape for g in grads.biases] == [b.shape for b in net.biases]
    assert [d.shape for d in grads.deltas] == [z.shape for z in fp.pre_activations]
    assert grads.data_loss == loss_value("cross_entropy", fp.pre_activations[-1], fp.output, y)
    assert grads.loss == grads.data_loss + grads.penalty
    flat = np.concatenate([g.ravel() for g in grads.as_list()])
    np.testing.assert_array_equal(grads.flat(), flat)


def test_backward_rejects_mismatching_targets():
    net = MLP((2, 3, 1))
    fp = net.forward(np.zeros((4, 2)))
    with pytest.raises(ValueError, match="shape"):
        net.backward(fp, np.zeros((4, 2)), "bce")
    with pytest.raises(ValueError, match="mse, bce, cross_entropy"):
        net.backward(fp, np.zeros(4), "hinge")
    with pytest.raises(ValueError, match="≥ 0"):
        net.backward(fp, np.zeros(4), "bce", l2=-1.0)


def test_l1_subgradient_of_a_zero_weight_is_zero_and_biases_are_not_penalized():
    net = MLP((2, 3, 1), seed=5)
    net.weights[0][1, 0] = 0.0
    X = np.random.default_rng(2).normal(size=(6, 2))
    y = np.array([0, 1, 0, 1, 1, 0])
    fp = net.forward(X)
    plain = net.backward(fp, y, "bce")
    penalized = net.backward(fp, y, "bce", l1=0.3, l2=0.2)
    for l, W in enumerate(net.weights):
        expected = plain.weights[l] + 0.2 * W + 0.3 * np.sign(W)
        np.testing.assert_allclose(penalized.weights[l], expected, rtol=1e-14, atol=1e-16)
        np.testing.assert_array_equal(penalized.biases[l], plain.biases[l])
    assert penalized.weights[0][1, 0] == plain.weights[0][1, 0]
    expected = sum(0.3 * np.abs(W).sum() + 0.1 * (W * W).sum() for W in net.weights)
    assert penalized.penalty == pytest.approx(expected, rel=1e-14)
    assert net.penalty(0.3, 0.2) == penalized.penalty


def test_per_layer_norms_are_the_euclidean_norms_of_each_layer():
    net = MLP((2, 3, 1), seed=1)
    grads = net.backward(net.forward(np.ones((2, 2))), [0, 1], "bce")
    for l, norm in enumerate(grads.per_layer_norms()):
        squares = sum(v * v for v in grads.weights[l].ravel()) + sum(v * v for v in grads.biases[l])
        assert norm == pytest.approx(math.sqrt(squares), rel=1e-14)


@pytest.mark.parametrize(
    "sizes, output_activation, index",
    [((2, 4, 1), "sigmoid", 0), ((2, 4, 3), "softmax", 2), ((2, 3, 3, 2), "linear", 1),
     ((2, 1), "sigmoid", 0)],
)
def test_input_gradient_matches_central_differences(sizes, output_activation, index):
    net = MLP(sizes, activation="tanh", output_activation=output_activation, seed=3)
    X = np.random.default_rng(4).normal(size=(5, 2))
    analytic = net.input_gradient(X, output_index=index)
    numeric = np.zeros_like(X)
    h = 1e-6
    for j in range(2):
        step = np.zeros(2)
        step[j] = h
        difference = net.predict(X + step)[:, index] - net.predict(X - step)[:, index]
        numeric[:, j] = difference / (2 * h)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-7, atol=1e-10)


def test_input_gradient_of_a_logistic_unit_is_p_times_one_minus_p_times_w():
    net = MLP((2, 1), output_activation="sigmoid")
    net.weights[0] = [[0.5, -2.0]]
    p = net.predict([[1.0, 1.0]])[0, 0]
    np.testing.assert_allclose(net.input_gradient([[1.0, 1.0]]), [[p * (1 - p) * 0.5,
                                                                  p * (1 - p) * -2.0]], rtol=1e-15)
