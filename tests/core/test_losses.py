"""Losses: values, stability, target validation and the output-layer δ."""

import math

import numpy as np
import pytest

from core.activations import sigmoid, softmax
from core.losses import (
    LOSSES,
    OUTPUT_FOR_LOSS,
    check_targets,
    log_softmax,
    loss_value,
    output_delta,
    per_sample_loss,
)

OUTPUT_FUNCTIONS = {"linear": lambda z: z.copy(), "sigmoid": sigmoid, "softmax": softmax}


def _bce(z, y):
    return loss_value("bce", np.array([[z]]), sigmoid(np.array([[z]])), np.array([y]))


def test_loss_names_and_their_output_activations():
    assert LOSSES == ("mse", "bce", "cross_entropy")
    assert OUTPUT_FOR_LOSS == {"mse": "linear", "bce": "sigmoid", "cross_entropy": "softmax"}


def test_bce_of_confident_wrong_logit_is_exactly_40():
    assert _bce(40.0, 0) == 40.0


def test_bce_of_confident_right_logit_keeps_its_tiny_value():
    value = _bce(40.0, 1)
    assert value == pytest.approx(4.25e-18, rel=1e-3)
    assert value == pytest.approx(math.log1p(math.exp(-40.0)), rel=1e-14)


@pytest.mark.parametrize("z", [1e308, -1e308, 1234.1, -1234.1, 745.0, -745.0, 0.0])
@pytest.mark.parametrize("y", [0, 1])
def test_bce_is_finite_for_saturated_logits(z, y):
    with np.errstate(all="raise"):
        value = _bce(z, y)
        logits = np.array([[z]])
        delta = output_delta("bce", logits, sigmoid(logits), np.array([y]), "sigmoid")
    assert np.isfinite(delta).all()
    assert math.isfinite(value)
    # The exact value: log(1 + e^z) − y·z, with the tiny log1p tail negligible here.
    expected = max(z, 0.0) - y * z + math.log1p(math.exp(-abs(z)))
    assert value == pytest.approx(expected, rel=1e-15)


def test_bce_matches_textbook_formula_for_moderate_logits():
    z = np.array([[-2.0], [-0.5], [0.0], [0.3], [2.5]])
    y = np.array([1, 0, 1, 0, 1])
    p = [1 / (1 + math.exp(-v)) for v in z.ravel()]
    expected = [-(t * math.log(q) + (1 - t) * math.log(1 - q)) for t, q in zip(y, p, strict=True)]
    np.testing.assert_allclose(per_sample_loss("bce", z, sigmoid(z), y), expected, rtol=1e-13)
    assert loss_value("bce", z, sigmoid(z), y) == pytest.approx(sum(expected) / 5, rel=1e-13)


def test_cross_entropy_uses_log_sum_exp_for_huge_logits():
    logits = np.array([[1.0, -10.0, 1000.0]] * 3)
    with np.errstate(all="raise"):
        losses = per_sample_loss("cross_entropy", logits, softmax(logits), np.array([2, 0, 1]))
    # −log softmax: 0 for the dominant class, 1000 − z_k otherwise (e^{−999} vanishes next to 1).
    np.testing.assert_array_equal(losses, [0.0, 999.0, 1010.0])


def test_cross_entropy_matches_closed_form():
    logits = np.array([[0.5, -1.0, 2.0], [3.0, 3.0, -0.25]])
    labels = np.array([0, 2])
    expected = []
    for row, k in zip(logits, labels, strict=True):
        expected.append(-math.log(math.exp(row[k]) / sum(math.exp(v) for v in row)))
    np.testing.assert_allclose(
        per_sample_loss("cross_entropy", logits, softmax(logits), labels), expected, rtol=1e-14
    )


def test_log_softmax_equals_log_of_softmax():
    z = np.random.default_rng(3).normal(size=(4, 5)) * 3
    # log(p) for p ≈ 1 is only absolutely accurate, hence atol.
    np.testing.assert_allclose(log_softmax(z), np.log(softmax(z)), rtol=1e-13, atol=1e-15)


def test_mse_is_the_mean_over_samples_and_outputs():
    output = np.array([[1.0, 2.0], [0.0, -1.0], [0.5, 0.5]])
    y = np.array([[0.0, 2.0], [1.0, 1.0], [0.5, -0.5]])
    squares = [1.0, 0.0, 1.0, 4.0, 0.0, 1.0]
    assert loss_value("mse", output, output, y) == pytest.approx(sum(squares) / 6, rel=1e-15)
    np.testing.assert_allclose(per_sample_loss("mse", output, output, y), [0.5, 2.5, 0.5])


def test_mse_with_flat_targets_for_one_output_never_broadcasts_to_n_by_n():
    output = np.array([[1.0], [2.0], [4.0]])
    y = np.array([1.0, 1.0, 1.0])
    # Hand value: ((1−1)² + (2−1)² + (4−1)²)/3 = 10/3. Broadcasting to (3, 3) would give 26/9.
    assert loss_value("mse", output, output, y) == pytest.approx(10 / 3, rel=1e-15)
    as_column = loss_value("mse", output, output, y.reshape(3, 1))
    assert as_column == loss_value("mse", output, output, y)


@pytest.mark.parametrize("loss", ["mse", "bce"])
@pytest.mark.parametrize(
    "d_out, y_shape",
    [(1, (4, 2)), (1, (3,)), (1, (1, 4)), (1, (4, 1, 1)), (2, (4,)), (2, (4, 1)), (2, (2, 4))],
)
def test_mismatching_target_shapes_raise_value_error(loss, d_out, y_shape):
    logits = np.zeros((4, d_out))
    with pytest.raises(ValueError, match="shape"):
        loss_value(loss, logits, sigmoid(logits), np.zeros(y_shape))


@pytest.mark.parametrize("y_shape", [(4, 1), (4, 3), (3,), (1, 4)])
def test_cross_entropy_labels_must_be_a_flat_vector(y_shape):
    logits = np.zeros((4, 3))
    with pytest.raises(ValueError, match="shape"):
        loss_value("cross_entropy", logits, softmax(logits), np.zeros(y_shape, dtype=int))


@pytest.mark.parametrize("labels", [[0, 1, 3], [-1, 0, 1], [0.5, 1.0, 2.0], [0.0, np.nan, 1.0]])
def test_cross_entropy_rejects_invalid_labels(labels):
    logits = np.zeros((3, 3))
    with pytest.raises(ValueError, match="Labels"):
        loss_value("cross_entropy", logits, softmax(logits), np.array(labels))


def test_cross_entropy_accepts_integral_float_labels():
    logits = np.array([[0.0, 1.0], [2.0, 0.0]])
    as_float = loss_value("cross_entropy", logits, softmax(logits), np.array([1.0, 0.0]))
    assert as_float == loss_value("cross_entropy", logits, softmax(logits), np.array([1, 0]))


def test_cross_entropy_needs_at_least_two_classes():
    with pytest.raises(ValueError, match="K ≥ 2"):
        check_targets("cross_entropy", np.array([0, 0]), 2, 1)


@pytest.mark.parametrize("bad", [[0.0, 1.5], [-0.1, 1.0], [np.nan, 1.0]])
def test_bce_rejects_targets_outside_zero_one(bad):
    with pytest.raises(ValueError, match="bce"):
        check_targets("bce", np.array(bad), 2, 1)


def test_mse_rejects_non_finite_targets():
    with pytest.raises(ValueError, match="finite"):
        check_targets("mse", np.array([0.0, np.inf]), 2, 1)


def test_string_targets_are_rejected():
    with pytest.raises(ValueError, match="numeric"):
        check_targets("mse", np.array(["a", "b"]), 2, 1)


def test_unknown_loss_lists_allowed_names():
    with pytest.raises(ValueError, match="mse, bce, cross_entropy"):
        check_targets("hinge", np.zeros(2), 2, 1)


def test_check_targets_normalizes_shapes_and_dtypes():
    assert check_targets("mse", np.array([1, 2]), 2, 1).shape == (2, 1)
    assert check_targets("bce", np.array([True, False]), 2, 1).dtype == np.float64
    labels = check_targets("cross_entropy", np.array([2.0, 0.0]), 2, 3)
    assert labels.dtype == np.int64 and labels.tolist() == [2, 0]


@pytest.mark.parametrize("loss", LOSSES)
def test_loss_is_the_mean_of_per_sample_losses(loss):
    rng = np.random.default_rng(5)
    d_out = {"mse": 2, "bce": 1, "cross_entropy": 3}[loss]
    logits = rng.normal(size=(7, d_out))
    output = OUTPUT_FUNCTIONS[OUTPUT_FOR_LOSS[loss]](logits)
    y = {"mse": rng.normal(size=(7, 2)), "bce": rng.integers(0, 2, 7),
         "cross_entropy": rng.integers(0, 3, 7)}[loss]
    per_sample = per_sample_loss(loss, logits, output, y)
    assert per_sample.shape == (7,)
    assert loss_value(loss, logits, output, y) == pytest.approx(per_sample.mean(), rel=1e-15)


def test_fused_bce_delta_is_p_minus_y_over_n():
    logits = np.array([[0.3], [-1.2], [2.0], [0.0]])
    y = np.array([1, 0, 0, 1])
    p = [1 / (1 + math.exp(-v)) for v in logits.ravel()]
    expected = [[(q - t) / 4] for q, t in zip(p, y, strict=True)]
    np.testing.assert_allclose(
        output_delta("bce", logits, sigmoid(logits), y, "sigmoid"), expected, rtol=1e-14
    )


def test_fused_cross_entropy_delta_is_p_minus_one_hot_over_n():
    logits = np.array([[0.3, -1.0, 2.0], [1.0, 1.0, 1.0]])
    p = softmax(logits)
    one_hot = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    np.testing.assert_allclose(
        output_delta("cross_entropy", logits, p, np.array([1, 2]), "softmax"),
        (p - one_hot) / 2,
        rtol=1e-15,
    )


def test_mse_delta_with_linear_output_is_two_residuals_over_n_d():
    output = np.array([[1.0, 2.0], [0.0, -1.0], [0.5, 0.5]])
    y = np.array([[0.0, 2.0], [1.0, 1.0], [0.5, -0.5]])
    np.testing.assert_allclose(
        output_delta("mse", output, output, y, "linear"), 2 * (output - y) / 6, rtol=1e-15
    )


@pytest.mark.parametrize(
    "loss, activation, d_out",
    [
        ("mse", "linear", 2),
        ("mse", "sigmoid", 1),
        ("mse", "sigmoid", 2),
        ("mse", "softmax", 3),
        ("bce", "sigmoid", 1),
        ("bce", "sigmoid", 2),
        ("cross_entropy", "softmax", 3),
    ],
)
def test_output_delta_is_the_gradient_of_the_mean_loss_wrt_logits(loss, activation, d_out):
    rng = np.random.default_rng(11)
    n = 5
    logits = rng.normal(size=(n, d_out))
    if loss == "cross_entropy":
        y = rng.integers(0, d_out, n)
    elif loss == "bce":
        y = rng.integers(0, 2, (n, d_out))
    else:
        y = rng.uniform(0, 1, (n, d_out))
    f = OUTPUT_FUNCTIONS[activation]
    delta = output_delta(loss, logits, f(logits), y, activation)
    numeric = np.zeros_like(logits)
    h = 1e-6
    for index in np.ndindex(*logits.shape):
        plus, minus = logits.copy(), logits.copy()
        plus[index] += h
        minus[index] -= h
        numeric[index] = (loss_value(loss, plus, f(plus), y) - loss_value(loss, minus, f(minus), y))
        numeric[index] /= 2 * h
    np.testing.assert_allclose(delta, numeric, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("loss, wrong", [("bce", "linear"), ("bce", "softmax"),
                                         ("cross_entropy", "sigmoid")])
def test_fused_losses_reject_other_output_activations(loss, wrong):
    logits = np.zeros((2, 2 if loss == "cross_entropy" else 1))
    y = np.array([0, 1])
    with pytest.raises(ValueError, match="needs a"):
        output_delta(loss, logits, logits, y, wrong)


def test_logits_and_output_must_be_two_dimensional_and_alike():
    with pytest.raises(ValueError, match=r"\(n, d_out\)"):
        loss_value("mse", np.zeros(3), np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match=r"\(n, d_out\)"):
        loss_value("mse", np.zeros((3, 1)), np.zeros((3, 2)), np.zeros(3))
