"""Activations: values and derivatives against closed forms, and numerical stability."""

import math

import numpy as np
import pytest

from core.activations import (
    ACTIVATIONS,
    KINKS,
    OUTPUT_ACTIVATIONS,
    elu,
    gelu,
    get_activation,
    get_output_activation,
    relu,
    sigmoid,
    softmax,
    softplus,
    swish,
)

EXTREME_INPUTS = np.array(
    [1e308, -1e308, 1234.1, -1234.1, 0.0, 745.0, -745.0, 708.5, -708.5, 40.0, -40.0, 1e-3, -1e-3]
)
# Smooth test points, away from the kink at 0.
MODERATE = [-4.0, -2.5, -1.0, -0.3, 0.2, 0.7, 1.5, 3.0, 4.0]


def _sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _gelu_tanh(z: float) -> float:
    """PyTorch's GELU(approximate="tanh") formula, written out."""
    return 0.5 * z * (1.0 + math.tanh(math.sqrt(2.0 / math.pi) * (z + 0.044715 * z**3)))


def _gelu_tanh_prime(z: float) -> float:
    """PyTorch's tanh-GELU backward formula, written out."""
    inner = math.sqrt(2.0 / math.pi) * (z + 0.044715 * z**3)
    t = math.tanh(inner)
    inner_prime = math.sqrt(2.0 / math.pi) * (1.0 + 3.0 * 0.044715 * z * z)
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * inner_prime


CLOSED_FORMS = {
    "linear": (lambda z: z, lambda z: 1.0),
    "relu": (lambda z: max(0.0, z), lambda z: 1.0 if z > 0 else 0.0),
    "leaky_relu": (lambda z: z if z > 0 else 0.01 * z, lambda z: 1.0 if z > 0 else 0.01),
    "elu": (lambda z: z if z > 0 else math.expm1(z), lambda z: 1.0 if z > 0 else math.exp(z)),
    "tanh": (math.tanh, lambda z: 1.0 / math.cosh(z) ** 2),
    "sigmoid": (_sig, lambda z: math.exp(-z) / (1.0 + math.exp(-z)) ** 2),
    "softplus": (lambda z: math.log1p(math.exp(z)), _sig),
    "gelu": (_gelu_tanh, _gelu_tanh_prime),
    "swish": (lambda z: z * _sig(z), lambda z: _sig(z) * (1.0 + z * (1.0 - _sig(z)))),
}


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_values_match_closed_form(name):
    f, _ = CLOSED_FORMS[name]
    expected = np.array([f(z) for z in MODERATE])
    # 1e-11, not 1e-15: PyTorch's ½z(1 + tanh u) itself loses ~1e-12 to cancellation at z = −4.
    np.testing.assert_allclose(ACTIVATIONS[name].f(np.array(MODERATE)), expected, rtol=1e-11)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_derivatives_match_closed_form(name):
    _, df = CLOSED_FORMS[name]
    expected = np.array([df(z) for z in MODERATE])
    np.testing.assert_allclose(ACTIVATIONS[name].df(np.array(MODERATE)), expected, rtol=1e-11)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_derivatives_match_central_differences(name):
    z = np.array(MODERATE)
    f = ACTIVATIONS[name].f
    h = 1e-6
    numeric = (f(z + h) - f(z - h)) / (2 * h)
    np.testing.assert_allclose(ACTIVATIONS[name].df(z), numeric, rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_derivative_from_output_equals_derivative_from_pre_activation(name):
    act = ACTIVATIONS[name]
    z = np.concatenate([EXTREME_INPUTS, np.linspace(-6, 6, 101)])
    np.testing.assert_array_equal(act.derivative(z, act.f(z)), act.df(z))


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_raises_no_floating_point_error_for_extreme_inputs(name):
    act = ACTIVATIONS[name]
    with np.errstate(all="raise"):
        values = act.f(EXTREME_INPUTS)
        derivatives = act.df(EXTREME_INPUTS)
    assert np.all(np.isfinite(values)) and np.all(np.isfinite(derivatives))


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_never_overflows_over_the_whole_float_range(name):
    largest = np.finfo(np.float64).max
    magnitudes = np.concatenate([np.logspace(-300, 308, 4000), [largest]])
    z = np.concatenate([-magnitudes[::-1], [0.0], magnitudes])
    act = ACTIVATIONS[name]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = act.f(z)
        derivatives = act.df(z)
    assert np.all(np.isfinite(values)) and np.all(np.isfinite(derivatives))


def test_sigmoid_of_reference_values_is_exact_and_underflows_to_zero():
    with np.errstate(all="raise"):
        result = sigmoid([0.12, 0.34, -1234.1])
    np.testing.assert_allclose(result, [0.52996405, 0.58419052, 0.0], rtol=1e-8, atol=0)
    np.testing.assert_allclose(result[:2], [_sig(0.12), _sig(0.34)], rtol=1e-15)
    assert result[2] == 0.0


def test_sigmoid_saturates_exactly_at_huge_inputs():
    with np.errstate(all="raise"):
        assert sigmoid(1e308) == 1.0
        assert sigmoid(-1e308) == 0.0


def test_sigmoid_keeps_relative_precision_in_the_left_tail():
    expected = math.exp(-40.0) / (1.0 + math.exp(-40.0))
    np.testing.assert_allclose(sigmoid(-40.0), expected, rtol=1e-14)


def test_softplus_of_1000_is_exactly_1000():
    with np.errstate(all="raise"):
        assert softplus(1000.0) == 1000.0
        assert softplus(-1000.0) == 0.0


def test_softplus_keeps_relative_precision_for_negative_inputs():
    np.testing.assert_allclose(softplus(-30.0), math.log1p(math.exp(-30.0)), rtol=1e-14)


def test_relu_derivative_at_zero_is_zero_as_in_pytorch():
    assert ACTIVATIONS["relu"].df(np.array([0.0]))[0] == 0.0


def test_leaky_relu_derivative_at_zero_is_the_negative_slope():
    assert ACTIVATIONS["leaky_relu"].df(np.array([0.0]))[0] == 0.01


def test_elu_saturates_at_minus_one_and_its_derivative_at_zero():
    with np.errstate(all="raise"):
        assert elu(-1e308) == -1.0
        assert ACTIVATIONS["elu"].df(np.array([-1234.1]))[0] == 0.0


def test_gelu_tanh_approximation_at_huge_inputs():
    with np.errstate(all="raise"):
        assert gelu(1e308) == 1e308
        assert gelu(-1e308) == 0.0
        np.testing.assert_array_equal(ACTIVATIONS["gelu"].df(np.array([1e308, -1e308])), [1, 0])


def test_gelu_is_accurate_where_the_tanh_formula_cancels():
    # 1 + tanh(u) cancels for z ≪ 0; z·σ(2u) does not. Reference: ½z(1 + tanh u) = z·σ(2u).
    z = -8.0
    u = math.sqrt(2.0 / math.pi) * (z + 0.044715 * z**3)
    exact = z * math.exp(2 * u) / (1.0 + math.exp(2 * u))
    np.testing.assert_allclose(gelu(z), exact, rtol=1e-13)


def test_swish_at_huge_inputs():
    with np.errstate(all="raise"):
        np.testing.assert_array_equal(swish(np.array([1e308, -1e308])), [1e308, 0.0])
        np.testing.assert_array_equal(ACTIVATIONS["swish"].df(np.array([1e308, -1e308])), [1, 0])


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_integer_inputs_give_float64(name):
    assert ACTIVATIONS[name].f(np.array([1, -2, 0])).dtype == np.float64
    assert ACTIVATIONS[name].df(np.array([1, -2, 0])).dtype == np.float64


def test_relu_returns_a_new_array():
    z = np.array([1.0, -1.0])
    assert relu(z) is not z


def test_softmax_with_max_shift_is_exact_for_a_huge_logit():
    with np.errstate(all="raise"):
        result = softmax(np.array([1.0, -10.0, 1000.0]))
    np.testing.assert_array_equal(result, [0.0, 0.0, 1.0])


def test_softmax_matches_closed_form_row_by_row():
    z = np.array([[0.5, -1.0, 2.0], [3.0, 3.0, -0.25]])
    for row, result in zip(z, softmax(z), strict=True):
        exps = [math.exp(v) for v in row]
        np.testing.assert_allclose(result, [e / sum(exps) for e in exps], rtol=1e-15)


def test_softmax_rows_sum_to_one_and_ignore_a_constant_shift():
    z = np.random.default_rng(0).normal(size=(5, 4)) * 10
    np.testing.assert_allclose(softmax(z).sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(softmax(z + 123.0), softmax(z), rtol=1e-12)


def test_softmax_of_opposite_extreme_logits_is_finite():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        result = softmax(np.array([[1e308, -1e308, 0.0]]))
    np.testing.assert_array_equal(result, [[1.0, 0.0, 0.0]])


def test_unknown_activation_name_lists_allowed_names():
    with pytest.raises(ValueError) as info:
        get_activation("sine")
    for name in ACTIVATIONS:
        assert name in str(info.value)


def test_unknown_output_activation_name_raises():
    with pytest.raises(ValueError, match="softmax"):
        get_output_activation("relu")


def test_all_required_activations_are_available():
    required = {
        "linear", "relu", "leaky_relu", "elu", "tanh", "sigmoid", "softplus", "gelu", "swish"
    }
    assert set(ACTIVATIONS) == required
    assert set(OUTPUT_ACTIVATIONS) == {"sigmoid", "softmax", "linear"}
    assert all(get_activation(name).name == name for name in required)


def test_kinks_are_declared_for_piecewise_activations_only():
    assert set(KINKS) == set(ACTIVATIONS)
    assert KINKS["relu"] == (0.0,) and KINKS["leaky_relu"] == (0.0,) and KINKS["elu"] == (0.0,)
    for name in ("linear", "tanh", "sigmoid", "softplus", "gelu", "swish"):
        assert KINKS[name] == ()
