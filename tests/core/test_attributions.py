"""Attributions (core.attributions): gradient × input against finite differences, integrated
gradients' completeness, exact Shapley values' efficiency, symmetry and dummy properties,
permutation importance's determinism, and bad input."""

from functools import cache
from itertools import permutations
from math import factorial

import numpy as np
import pytest

from core.attributions import (
    MAX_SHAPLEY_FEATURES,
    AttributionError,
    OutputFunction,
    background_sample,
    finite_difference_gradient,
    gradient_x_input,
    integrated_gradients,
    permutation_importance,
    predicted_class,
    shapley_values,
)
from core.lesson_outcomes import train
from core.lessons import get_lesson, load_lesson_scene
from core.network import MLP

SMOOTH = ("tanh", "sigmoid", "softplus", "gelu", "swish", "elu", "linear")
HEADS = {"sigmoid": 1, "softmax": 3, "linear": 1}


def random_net(d, activation="tanh", head="sigmoid", seed=0, hidden=(6, 5)):
    net = MLP((d, *hidden, HEADS[head]), activation=activation, output_activation=head,
              init="normal", seed=seed)
    rng = np.random.default_rng(seed + 100)
    net.set_params(rng.normal(0, 0.8, net.n_params))  # curved, not near-linear
    return net


@cache
def trained(lesson_id, steps=400):
    """The lesson's scene trained for ``steps`` (at most its stated steps; cached; tests only
    read it)."""
    session, _views = load_lesson_scene(lesson_id)
    train(session, min(steps, get_lesson(lesson_id).expect["steps"]))
    return session


def brute_force_shapley(value, x, background):
    """φ by the permutation definition: the mean marginal contribution over all d! orders."""
    d = x.size

    def v(members):
        rows = background.copy()
        rows[:, list(members)] = x[list(members)]
        return value(rows).mean()

    phi = np.zeros(d)
    for order in permutations(range(d)):
        before = []
        for i in order:
            phi[i] += v(before + [i]) - v(before)
            before.append(i)
    return phi / factorial(d)


# ------------------------------------------------------------------------------ gradient × input
@pytest.mark.parametrize("activation", SMOOTH)
@pytest.mark.parametrize("head", sorted(HEADS))
def test_output_gradient_matches_central_differences(activation, head):
    net = random_net(3, activation, head, seed=len(activation))
    rng = np.random.default_rng(1)
    for k in range(2 if head == "sigmoid" else HEADS[head]):
        f = OutputFunction(net, k)
        for x in rng.normal(size=(4, 3)):
            analytic = f.gradient(x[None, :])[0]
            numeric = finite_difference_gradient(f, x)
            scale = np.maximum(1e-8, np.abs(analytic) + np.abs(numeric))
            assert np.max(np.abs(analytic - numeric) / scale) < 1e-6 or \
                np.max(np.abs(analytic - numeric)) < 1e-9


def test_gradient_x_input_is_input_times_the_finite_difference_gradient():
    net = random_net(4, "tanh", "softmax")
    x = np.array([0.5, -1.2, 2.0, 0.1])
    f = OutputFunction(net, predicted_class(net, x))
    np.testing.assert_allclose(gradient_x_input(f, x), x * finite_difference_gradient(f, x),
                               rtol=1e-6, atol=1e-10)


def test_sigmoid_class_zero_explains_one_minus_p():
    net = random_net(2, "tanh", "sigmoid")
    X = np.random.default_rng(2).normal(size=(5, 2))
    p = net.predict(X)[:, 0]
    np.testing.assert_allclose(OutputFunction(net, 0).value(X), 1 - p)
    np.testing.assert_allclose(OutputFunction(net, 0).gradient(X),
                               -OutputFunction(net, 1).gradient(X))


@pytest.mark.parametrize("head,k", [("sigmoid", 2), ("softmax", 3), ("linear", 1),
                                    ("sigmoid", -1)])
def test_output_function_refuses_a_class_the_network_does_not_have(head, k):
    with pytest.raises(AttributionError) as error:
        OutputFunction(random_net(2, head=head), k)
    assert error.value.code == "bad_input"


# ------------------------------------------------------------------------- integrated gradients
@pytest.mark.parametrize("lesson_id", ["penguins-standardized", "xor-hidden", "spiral-softmax",
                                       "optimizers-adam"])
def test_integrated_gradients_complete_to_1e6_at_256_steps(lesson_id):
    session = trained(lesson_id)
    net, X = session.net, session.X_train
    baseline = X.mean(axis=0)
    for x in X[:25]:
        f = OutputFunction(net, predicted_class(net, x))
        ig = integrated_gradients(f, x, baseline, 256)
        assert ig.steps == 256 and ig.rule == "gauss_legendre"
        assert abs(ig.completeness_error) < 1e-6
        assert ig.f_x == pytest.approx(f.value(x[None, :])[0], abs=1e-12)
        assert ig.total - (ig.f_x - ig.f_baseline) == pytest.approx(ig.completeness_error,
                                                                    abs=1e-15)


def test_integrated_gradients_of_a_linear_model_are_weight_times_distance():
    net = MLP((3, 1), output_activation="linear", seed=0)
    net.weights[0][:] = [[2.0, -1.0, 0.5]]
    x, baseline = np.array([1.0, 2.0, -4.0]), np.array([0.5, 0.0, 0.0])
    for rule in ("gauss_legendre", "trapezoid", "riemann_right"):
        ig = integrated_gradients(OutputFunction(net), x, baseline, 16, rule)
        np.testing.assert_allclose(ig.attributions, [1.0, -2.0, -2.0], atol=1e-13)


def test_integrated_gradients_trapezoid_error_shrinks_as_one_over_m_squared():
    net = random_net(2, "tanh", "sigmoid", seed=4)
    f, x, b = OutputFunction(net, 1), np.array([1.5, -0.7]), np.zeros(2)
    e64 = abs(integrated_gradients(f, x, b, 64, "trapezoid").completeness_error)
    e128 = abs(integrated_gradients(f, x, b, 128, "trapezoid").completeness_error)
    assert 3.0 < e64 / e128 < 5.0


@pytest.mark.parametrize("kwargs", [{"steps": 0}, {"steps": 2.5}, {"steps": True},
                                    {"rule": "simpson"}])
def test_integrated_gradients_refuses_bad_options(kwargs):
    f = OutputFunction(random_net(2))
    with pytest.raises(AttributionError) as error:
        integrated_gradients(f, np.ones(2), np.zeros(2), **kwargs)
    assert error.value.code == "bad_input"


@pytest.mark.parametrize("x,baseline", [(np.ones(3), np.zeros(2)), (np.ones(2), np.zeros(3)),
                                        (np.array([np.nan, 1.0]), np.zeros(2)),
                                        (np.ones((1, 2)), np.zeros(2))])
def test_integrated_gradients_refuses_bad_input(x, baseline):
    with pytest.raises(AttributionError, match="must"):
        integrated_gradients(OutputFunction(random_net(2)), x, baseline)


# ------------------------------------------------------------------------------ Shapley values
@pytest.mark.parametrize("d", [1, 2, 3, 5])
def test_shapley_values_agree_with_the_permutation_definition(d):
    net = random_net(d, "tanh", "softmax", seed=d)
    rng = np.random.default_rng(d)
    x, background = rng.normal(size=d), rng.normal(size=(7, d))
    f = OutputFunction(net, 2)
    result = shapley_values(f.value, x, background)
    np.testing.assert_allclose(result.values, brute_force_shapley(f.value, x, background),
                               atol=1e-12)


@pytest.mark.parametrize("d", [2, 4, 8])
def test_shapley_efficiency_sums_to_f_x_minus_background_mean(d):
    net = random_net(d, "swish", "sigmoid", seed=d)
    rng = np.random.default_rng(3)
    x, X = rng.normal(size=d), rng.normal(size=(300, d))
    background = background_sample(X, 100, seed=0)
    f = OutputFunction(net, 1)
    result = shapley_values(f.value, x, background)
    expected = f.value(background).mean()
    assert result.n_coalitions == 2 ** d and result.n_background == 100
    assert result.values.sum() == pytest.approx(f.value(x[None])[0] - expected, abs=1e-12)
    assert result.expected == pytest.approx(expected, abs=1e-15)
    assert abs(result.efficiency_error) < 1e-12


def hand_made_model():
    """3 inputs → 4 tanh → 1 linear: inputs 0 and 1 enter through identical weight columns
    (interchangeable), input 2 has zero weights everywhere (ignored)."""
    net = MLP((3, 4, 1), activation="tanh", output_activation="linear", seed=0)
    column = np.array([0.9, -1.3, 0.4, 2.0])
    net.weights[0][:] = np.column_stack([column, column, np.zeros(4)])
    net.biases[0][:] = [0.1, -0.2, 0.3, 0.0]
    net.weights[1][:] = [[1.5, -0.7, 2.2, 0.8]]
    return net


def test_shapley_symmetry_gives_interchangeable_features_equal_values():
    f = OutputFunction(hand_made_model())
    rows = np.random.default_rng(5).normal(size=(6, 3))
    background = np.vstack([rows, rows[:, [1, 0, 2]]])  # symmetric under swapping 0 and 1
    x = np.array([0.8, 0.8, -1.0])
    phi = shapley_values(f.value, x, background).values
    assert phi[0] == pytest.approx(phi[1], abs=1e-14)
    assert abs(phi[0]) > 1e-3


def test_shapley_dummy_feature_gets_zero():
    f = OutputFunction(hand_made_model())
    rng = np.random.default_rng(6)
    phi = shapley_values(f.value, rng.normal(size=3), rng.normal(size=(9, 3))).values
    assert phi[2] == 0.0
    assert np.all(np.abs(phi[:2]) > 0)


def test_shapley_of_a_linear_model_is_weight_times_distance_from_the_background_mean():
    net = MLP((3, 1), output_activation="linear", seed=0)
    net.weights[0][:] = [[2.0, -1.0, 0.5]]
    rng = np.random.default_rng(7)
    x, background = rng.normal(size=3), rng.normal(size=(11, 3))
    phi = shapley_values(OutputFunction(net).value, x, background).values
    np.testing.assert_allclose(phi, [2.0, -1.0, 0.5] * (x - background.mean(axis=0)),
                               atol=1e-13)


def test_shapley_refuses_more_than_8_features_with_a_code():
    d = MAX_SHAPLEY_FEATURES + 1
    net = random_net(d)
    with pytest.raises(AttributionError) as error:
        shapley_values(OutputFunction(net, 1).value, np.zeros(d), np.zeros((3, d)))
    assert error.value.code == "too_many_features"
    assert error.value.details == {"limit": 8, "d": 9}
    assert "at most 8 features, got 9" in str(error.value)


@pytest.mark.parametrize("background,code", [(np.zeros((0, 2)), "empty_background"),
                                             (np.zeros((3, 3)), "bad_input"),
                                             (np.full((3, 2), np.inf), "bad_input")])
def test_shapley_refuses_a_bad_background(background, code):
    with pytest.raises(AttributionError) as error:
        shapley_values(OutputFunction(random_net(2), 1).value, np.zeros(2), background)
    assert error.value.code == code


def test_background_sample_is_seeded_and_small():
    X = np.arange(500.0).reshape(250, 2)
    a, b = background_sample(X, 100, seed=3), background_sample(X, 100, seed=3)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (100, 2) and len(np.unique(a[:, 0])) == 100
    assert not np.array_equal(a, background_sample(X, 100, seed=4))
    np.testing.assert_array_equal(background_sample(X[:30], 100), X[:30])
    with pytest.raises(AttributionError) as error:
        background_sample(X[:0])
    assert error.value.code == "empty_background"


# ------------------------------------------------------------------------ permutation importance
def test_permutation_importance_is_deterministic_for_a_seed():
    session = trained("penguins-standardized")
    y = session.points.y[session.test_indices]
    a = permutation_importance(session.net, session.X_test, y, "accuracy", 5, seed=11)
    b = permutation_importance(session.net, session.X_test, y, "accuracy", 5, seed=11)
    c = permutation_importance(session.net, session.X_test, y, "accuracy", 5, seed=12)
    np.testing.assert_array_equal(a.importances, b.importances)
    assert not np.array_equal(a.importances, c.importances)
    assert a.importances.shape == (5, 2)
    np.testing.assert_allclose(a.mean, a.importances.mean(axis=0))
    np.testing.assert_allclose(a.std, a.importances.std(axis=0))
    assert np.all(a.mean > 0.1)  # both measurements matter to tell three species apart


def test_permutation_importance_of_an_ignored_feature_is_zero_and_mse_rises():
    net = hand_made_model()
    rng = np.random.default_rng(8)
    X = rng.normal(size=(40, 3))
    y = net.predict(X)[:, 0]  # a perfect fit: MSE 0
    result = permutation_importance(net, X, y, "mse", repeats=4, seed=0)
    assert result.score == 0.0
    np.testing.assert_array_equal(result.importances[:, 2], 0.0)
    assert np.all(result.importances[:, :2] > 0)


@pytest.mark.parametrize("args,code", [
    ((np.zeros((0, 3)), np.zeros(0), "mse"), "empty_split"),
    ((np.zeros((4, 2)), np.zeros(4), "mse"), "bad_input"),
    ((np.zeros((4, 3)), np.zeros(5), "mse"), "bad_input"),
    ((np.zeros((4, 3)), np.zeros(4), "f1"), "bad_input"),
])
def test_permutation_importance_refuses_bad_input(args, code):
    with pytest.raises(AttributionError) as error:
        permutation_importance(hand_made_model(), *args)
    assert error.value.code == code


def test_permutation_importance_refuses_zero_repeats():
    with pytest.raises(AttributionError, match="repeats"):
        permutation_importance(hand_made_model(), np.zeros((4, 3)), np.zeros(4), "mse", 0)
