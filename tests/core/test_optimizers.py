"""Optimizers: PyTorch update rules checked against sequences written out longhand."""

import json
import math

import numpy as np
import pytest

from core.optimizers import (
    DEFAULT_HYPER,
    OPTIMIZERS,
    clip_by_global_norm,
    make_optimizer,
    select_hyper,
    weight_decay_stability,
)

GRADIENTS = [0.5, -0.2, 0.3]  # a fixed gradient sequence g₁, g₂, g₃ for one scalar parameter


def run_scalar(name, lr, gradients, p0=1.0, **hyper):
    """Feed the given gradients to a one-element parameter; return p after each step."""
    optimizer = make_optimizer(name, lr, **hyper)
    p = np.array([p0])
    trajectory = []
    for g in gradients:
        optimizer.step([p], [np.array([g])])
        trajectory.append(float(p[0]))
    return trajectory


def test_sgd_first_three_updates_match_hand_values():
    # p ← p − η g with η = 0.1: 1 − 0.05 = 0.95; 0.95 + 0.02 = 0.97; 0.97 − 0.03 = 0.94
    assert run_scalar("sgd", 0.1, GRADIENTS) == pytest.approx([0.95, 0.97, 0.94], abs=1e-15)


def test_momentum_first_three_updates_match_hand_values():
    # g = 1 each step, μ = 0.9, η = 0.1: v = 1, 1.9, 2.71; p = −0.1, −0.29, −0.561
    assert run_scalar("momentum", 0.1, [1, 1, 1], p0=0.0) == pytest.approx(
        [-0.1, -0.29, -0.561], abs=1e-15)


def test_nesterov_first_three_updates_match_hand_values():
    # v = 1, 1.9, 2.71; direction g + μv = 1.9, 2.71, 3.439; p = −0.19, −0.461, −0.8049
    assert run_scalar("nesterov", 0.1, [1, 1, 1], p0=0.0) == pytest.approx(
        [-0.19, -0.461, -0.8049], abs=1e-15)


def test_momentum_and_nesterov_with_varying_gradients_match_longhand():
    for name in ("momentum", "nesterov"):
        mu, lr, p, v, expected = 0.8, 0.05, 1.0, 0.0, []
        for g in GRADIENTS:
            v = mu * v + g
            p = p - lr * (v if name == "momentum" else g + mu * v)
            expected.append(p)
        got = run_scalar(name, lr, GRADIENTS, momentum=mu)
        assert got == pytest.approx(expected, rel=1e-14), name


def test_rmsprop_first_three_updates_match_longhand():
    alpha, eps, lr = 0.99, 1e-8, 0.01
    s, p, expected = 0.0, 1.0, []
    for g in GRADIENTS:
        s = alpha * s + (1 - alpha) * g * g
        p = p - lr * g / (math.sqrt(s) + eps)
        expected.append(p)
    assert run_scalar("rmsprop", lr, GRADIENTS) == pytest.approx(expected, rel=1e-14)
    # First step by hand: s = 0.01·0.25 = 0.0025, √s = 0.05, step = 0.01·0.5/0.05 = 0.1
    assert expected[0] == pytest.approx(0.9, abs=1e-7)


def test_adam_with_constant_gradient_moves_lr_per_step():
    # With g constant, bias correction makes m̂ = g and v̂ = g² exactly, so each step is
    # η·g/(|g| + ε) (Kingma & Ba 2015, §2.1: the effective step is bounded by η).
    got = run_scalar("adam", 0.01, [2.0, 2.0, 2.0], p0=0.0)
    step = 0.01 * 2.0 / (2.0 + 1e-8)
    assert got == pytest.approx([-step, -2 * step, -3 * step], rel=1e-13)


def test_adam_first_three_updates_match_longhand():
    beta1, beta2, eps, lr = 0.9, 0.999, 1e-8, 0.001
    m = v = 0.0
    p, expected = 1.0, []
    for t, g in enumerate(GRADIENTS, start=1):
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        p = p - lr * m_hat / (math.sqrt(v_hat) + eps)
        expected.append(p)
    assert run_scalar("adam", lr, GRADIENTS) == pytest.approx(expected, rel=1e-14)


def test_adam_custom_betas_on_a_vector_match_longhand():
    beta1, beta2, eps, lr = 0.5, 0.75, 1e-3, 0.1
    gradients = [[1.0, -2.0, 0.0], [0.5, 0.5, 3.0], [-1.0, 4.0, 2.0]]
    start = [0.0, 1.0, -1.0]
    expected = []
    for k, q in enumerate(start):  # each element is an independent scalar Adam
        m = v = 0.0
        for t, g in enumerate(gradients, start=1):
            m = beta1 * m + (1 - beta1) * g[k]
            v = beta2 * v + (1 - beta2) * g[k] ** 2
            q -= lr * (m / (1 - beta1**t)) / (math.sqrt(v / (1 - beta2**t)) + eps)
        expected.append(q)
    optimizer = make_optimizer("adam", lr, beta1=beta1, beta2=beta2, eps=eps)
    p = np.array(start)
    for g in gradients:
        optimizer.step([p], [np.array(g)])
    np.testing.assert_allclose(p, expected, rtol=1e-14)


def test_defaults_are_pytorchs():
    assert DEFAULT_HYPER["momentum"] == {"momentum": 0.9}
    assert DEFAULT_HYPER["nesterov"] == {"momentum": 0.9}
    assert DEFAULT_HYPER["rmsprop"] == {"alpha": 0.99, "eps": 1e-8}
    assert DEFAULT_HYPER["adam"] == {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    for name in OPTIMIZERS:
        assert make_optimizer(name, 0.1).hyper == DEFAULT_HYPER[name]


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_step_updates_the_given_arrays_in_place(name):
    W, b = np.ones((2, 3)), np.zeros(2)
    ids = (id(W), id(b))
    optimizer = make_optimizer(name, 0.1)
    optimizer.step([W, b], [np.full((2, 3), 0.5), np.array([1.0, -1.0])])
    assert (id(W), id(b)) == ids
    assert np.all(W < 1.0) and b[0] < 0 < b[1]
    assert optimizer.t == 1


def test_state_is_kept_per_parameter_position():
    optimizer = make_optimizer("momentum", 1.0, momentum=0.5)
    a, b = np.zeros(1), np.zeros(1)
    for _ in range(2):
        optimizer.step([a, b], [np.array([1.0]), np.array([10.0])])
    # v_a = 0.5·1 + 1 = 1.5, v_b = 15; p = −(1 + 1.5), −(10 + 15)
    assert a[0] == -2.5 and b[0] == -25.0
    assert optimizer.terms(0, 0)["v"] == 1.5 and optimizer.terms(1, 0)["v"] == 15.0


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_state_dict_round_trip_continues_identically(name):
    rng = np.random.default_rng(1)
    gradients = [[rng.normal(size=(3, 2)), rng.normal(size=3)] for _ in range(6)]
    original = make_optimizer(name, 0.05)
    params = [np.ones((3, 2)), np.zeros(3)]
    for g in gradients[:3]:
        original.step(params, g)
    saved = json.loads(json.dumps(original.state_dict()))  # must be plain, JSON-able data
    restored = make_optimizer(name, 0.5)  # different lr: load must restore it
    restored.load_state_dict(saved)
    assert restored.lr == 0.05 and restored.t == 3
    params_copy = [p.copy() for p in params]
    for g in gradients[3:]:
        original.step(params, g)
        restored.step(params_copy, g)
    for p, q in zip(params, params_copy, strict=True):
        np.testing.assert_array_equal(p, q)


def test_state_dict_array_form_is_a_copy():
    optimizer = make_optimizer("adam", 0.1)
    p = np.zeros(2)
    optimizer.step([p], [np.ones(2)])
    snapshot = optimizer.state_dict(plain=False)
    m_before = snapshot["state"]["m"][0].copy()
    optimizer.step([p], [np.ones(2)])
    np.testing.assert_array_equal(snapshot["state"]["m"][0], m_before)


def test_load_state_dict_rejects_other_optimizer_and_malformed_state():
    adam = make_optimizer("adam", 0.1)
    with pytest.raises(ValueError, match="'adam'"):
        make_optimizer("sgd", 0.1).load_state_dict(adam.state_dict())
    with pytest.raises(ValueError, match="Malformed"):
        adam.load_state_dict({"name": "adam"})
    bad = adam.state_dict()
    bad["state"] = {"m": [[1.0]]}
    with pytest.raises(ValueError):
        adam.load_state_dict(bad)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_reset_makes_the_next_step_a_first_step(name):
    optimizer = make_optimizer(name, 0.1)
    p = np.array([1.0, 2.0])
    for _ in range(3):
        optimizer.step([p], [np.array([0.3, -0.7])])
    optimizer.reset()
    assert optimizer.t == 0 and optimizer.terms(0, 0) == {}
    p1, p2 = np.array([1.0, 2.0]), np.array([1.0, 2.0])
    optimizer.step([p1], [np.array([0.3, -0.7])])
    make_optimizer(name, 0.1).step([p2], [np.array([0.3, -0.7])])
    np.testing.assert_array_equal(p1, p2)


def test_learning_rate_is_mutable_and_validated():
    optimizer = make_optimizer("sgd", 0.1)
    optimizer.lr = 0.5
    p = np.array([1.0])
    optimizer.step([p], [np.array([1.0])])
    assert p[0] == 0.5
    for bad in (0, -1, float("nan"), float("inf"), "fast"):
        with pytest.raises(ValueError, match="Learning rate"):
            optimizer.lr = bad
    assert optimizer.lr == 0.5


@pytest.mark.parametrize(("name", "hyper", "fragment"), [
    ("momentum", {"momentum": 1.0}, r"momentum must be in \[0, 1\)"),
    ("nesterov", {"momentum": -0.1}, r"momentum must be in \[0, 1\)"),
    ("adam", {"beta1": 1.0}, r"beta1 must be in \[0, 1\)"),
    ("adam", {"beta2": -0.5}, r"beta2 must be in \[0, 1\)"),
    ("adam", {"eps": 0.0}, "eps must be a finite number > 0"),
    ("rmsprop", {"eps": -1e-8}, "eps must be a finite number > 0"),
    ("rmsprop", {"alpha": 1.5}, r"alpha must be in \[0, 1\)"),
    ("sgd", {"momentum": 0.9}, "allowed: none"),
    ("adam", {"betas": (0.9, 0.99)}, "allowed: beta1, beta2, eps"),
])
def test_invalid_hyperparameters_raise_with_allowed_values(name, hyper, fragment):
    with pytest.raises(ValueError, match=fragment):
        make_optimizer(name, 0.1, **hyper)


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
def test_invalid_learning_rate_raises(lr):
    with pytest.raises(ValueError, match="Learning rate"):
        make_optimizer("sgd", lr)


def test_unknown_optimizer_lists_allowed_names():
    with pytest.raises(ValueError, match="sgd, momentum, nesterov, rmsprop, adam"):
        make_optimizer("adagrad", 0.1)


def test_step_rejects_mismatched_or_non_float64_inputs():
    optimizer = make_optimizer("momentum", 0.1)
    with pytest.raises(ValueError, match="float64"):
        optimizer.step([np.zeros(2, dtype=np.int64)], [np.ones(2)])
    with pytest.raises(ValueError, match="shape"):
        optimizer.step([np.zeros(2)], [np.ones(3)])
    with pytest.raises(ValueError, match="2 parameter arrays but 1"):
        optimizer.step([np.zeros(2), np.zeros(1)], [np.ones(2)])
    optimizer.step([np.zeros(2)], [np.ones(2)])
    with pytest.raises(ValueError, match="reset"):
        optimizer.step([np.zeros(3)], [np.ones(3)])


def test_terms_expose_the_last_adam_step():
    optimizer = make_optimizer("adam", 0.01)
    W = np.array([[0.5, -0.5]])
    optimizer.step([W], [np.array([[0.2, 0.4]])])
    before = W.copy()
    optimizer.step([W], [np.array([[0.1, -0.3]])])
    terms = optimizer.terms(0, 1)
    m = 0.9 * (0.1 * 0.4) + 0.1 * -0.3
    v = 0.999 * (0.001 * 0.16) + 0.001 * 0.09
    assert terms["g"] == -0.3 and terms["t"] == 2.0 and terms["lr"] == 0.01
    assert terms["m"] == pytest.approx(m, rel=1e-14)
    assert terms["v"] == pytest.approx(v, rel=1e-14)
    assert terms["m_hat"] == pytest.approx(m / (1 - 0.9**2), rel=1e-14)
    assert terms["v_hat"] == pytest.approx(v / (1 - 0.999**2), rel=1e-14)
    assert W[0, 1] == before[0, 1] + terms["update"]
    assert terms["update"] == pytest.approx(-0.01 * terms["m_hat"] / (terms["v_hat"] ** 0.5
                                                                      + 1e-8), rel=1e-12)


def test_terms_for_each_optimizer_name_the_documented_keys():
    expected = {"sgd": set(), "momentum": {"v"}, "nesterov": {"v", "direction"},
                "rmsprop": {"s"}, "adam": {"m", "v", "m_hat", "v_hat"}}
    for name, keys in expected.items():
        optimizer = make_optimizer(name, 0.1)
        assert optimizer.terms(0, 0) == {}
        optimizer.step([np.zeros(2)], [np.ones(2)])
        assert set(optimizer.terms(0, 1)) == keys | {"g", "update", "lr", "t"}
        with pytest.raises(IndexError):
            optimizer.terms(1, 0)
        with pytest.raises(IndexError):
            optimizer.terms(0, 2)


def test_select_hyper_picks_only_what_the_optimizer_takes():
    settings = {"momentum": 0.8, "beta1": 0.5, "beta2": 0.6, "rmsprop_alpha": 0.7, "eps": 1e-6}
    assert select_hyper("sgd", settings) == {}
    assert select_hyper("nesterov", settings) == {"momentum": 0.8}
    assert select_hyper("rmsprop", settings) == {"alpha": 0.7, "eps": 1e-6}
    assert select_hyper("adam", settings) == {"beta1": 0.5, "beta2": 0.6, "eps": 1e-6}


# -- clipping by global norm --------------------------------------------------------------
def test_clip_scales_all_gradients_by_one_global_factor():
    grads = [np.array([3.0]), np.array([[4.0, 0.0]])]  # global norm 5
    clipped, norm = clip_by_global_norm(grads, 1.0)
    assert norm == 5.0
    np.testing.assert_allclose(clipped[0], [0.6], rtol=1e-6)
    np.testing.assert_allclose(clipped[1], [[0.8, 0.0]], rtol=1e-6)
    assert grads[0][0] == 3.0  # inputs untouched


def test_clip_leaves_small_gradients_and_is_off_for_nonpositive_max_norm():
    grads = [np.array([0.3, 0.4])]
    clipped, norm = clip_by_global_norm(grads, 1.0)
    np.testing.assert_array_equal(clipped[0], grads[0])
    assert norm == pytest.approx(0.5, rel=1e-15)
    for off in (0.0, -1.0):
        clipped, norm = clip_by_global_norm([np.array([30.0, 40.0])], off)
        np.testing.assert_array_equal(clipped[0], [30.0, 40.0])
        assert norm == 50.0


def test_clip_norm_of_huge_gradients_does_not_overflow():
    with np.errstate(all="raise"):
        clipped, norm = clip_by_global_norm([np.array([3e200, 4e200])], 1.0)
    assert norm == pytest.approx(5e200, rel=1e-15)
    assert np.linalg.norm(clipped[0]) == pytest.approx(1.0, rel=1e-6)


def test_clip_returns_nonfinite_gradients_unclipped():
    clipped, norm = clip_by_global_norm([np.array([np.nan, 1.0])], 1.0)
    assert math.isnan(norm) and math.isnan(clipped[0][0]) and clipped[0][1] == 1.0
    with pytest.raises(ValueError):
        clip_by_global_norm([np.ones(2)], float("nan"))


# -- stability bound of L2 weight decay alone ---------------------------------------------
def l2_only_run(name, eta, lam, steps, w0=1.0, **hyper):
    """|w| after each of ``steps`` updates of the real optimizer on J = (λ/2)w² (g = λw)."""
    optimizer = make_optimizer(name, eta, **hyper)
    w = np.array([w0])
    sizes = []
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            optimizer.step([w], [lam * w])
            sizes.append(abs(float(w[0])))
    return np.array(sizes)


@pytest.mark.parametrize("name, mu", [("sgd", None), ("momentum", 0.0), ("momentum", 0.5),
                                      ("momentum", 0.9), ("momentum", 0.99),
                                      ("nesterov", 0.0), ("nesterov", 0.5),
                                      ("nesterov", 0.9), ("nesterov", 0.99)])
@pytest.mark.parametrize("lam", [1.0, 10.0])
def test_weight_decay_bound_separates_converging_from_diverging_runs(name, mu, lam):
    hyper = {} if mu is None else {"momentum": mu}
    bound = weight_decay_stability(name, 1.0, lam, hyper).bound
    for factor, converges in ((0.97, True), (1.03, False)):
        eta = factor * bound / lam
        check = weight_decay_stability(name, eta, lam, hyper)
        assert check.product == pytest.approx(factor * bound)
        assert check.unstable is not converges
        sizes = l2_only_run(name, eta, lam, 6000, **hyper)
        if converges:
            assert sizes[-1] < 1e-6, f"{name} μ={mu}: ηλ = {factor} × bound did not converge"
        else:
            assert not sizes[-1] < 1e6, f"{name} μ={mu}: ηλ = {factor} × bound did not diverge"


def test_weight_decay_bounds_have_the_derived_values():
    assert weight_decay_stability("sgd", 0.1, 1.0).bound == 2.0
    assert weight_decay_stability("momentum", 0.1, 1.0, {"momentum": 0.5}).bound == 3.0
    assert weight_decay_stability("nesterov", 0.1, 1.0, {"momentum": 0.5}).bound == 1.5
    # μ comes from the settings, with the default 0.9 when none is given
    assert weight_decay_stability("momentum", 0.1, 1.0).bound == pytest.approx(3.8)
    assert weight_decay_stability("nesterov", 0.1, 1.0).bound == pytest.approx(3.8 / 2.8)
    # other settings (as TrainingSettings holds them) are ignored
    everything = {"momentum": 0.5, "beta1": 0.8, "rmsprop_alpha": 0.9, "eps": 1e-6}
    assert weight_decay_stability("nesterov", 0.1, 1.0, everything).bound == 1.5


def test_nesterov_at_eta_015_and_l2_10_is_flagged_and_diverges():
    check = weight_decay_stability("nesterov", 0.15, 10.0, {"momentum": 0.9})
    assert check.unstable and check.product == pytest.approx(1.5) and check.product > 1.0
    assert l2_only_run("nesterov", 0.15, 10.0, 2000, momentum=0.9)[-1] > 1e6


def test_momentum_at_product_2_5_is_not_flagged_and_converges():
    check = weight_decay_stability("momentum", 0.25, 10.0, {"momentum": 0.9})
    assert check.product == pytest.approx(2.5) and not check.unstable
    assert l2_only_run("momentum", 0.25, 10.0, 3000, momentum=0.9)[-1] < 1e-6


@pytest.mark.parametrize("name", ["rmsprop", "adam"])
@pytest.mark.parametrize("eta, lam", [(0.25, 10.0), (1.0, 10.0), (10.0, 10.0), (1.0, 1000.0)])
def test_rmsprop_and_adam_have_no_bound_and_stay_bounded(name, eta, lam):
    check = weight_decay_stability(name, eta, lam)
    assert check.bound is None and not check.unstable  # no false ηλ alarm
    sizes = l2_only_run(name, eta, lam, 3000)
    assert np.isfinite(sizes).all()
    hyper = DEFAULT_HYPER[name]
    if name == "rmsprop":  # a step is at most η/√(1 − α), always towards 0
        limit = max(1.0, eta / math.sqrt(1.0 - hyper["alpha"]))
    else:  # |m|/√v ≤ K = (1 − β₁)/(√(1 − β₂)(1 − β₁/√β₂)); the bias corrections add at most
        # a factor 1/(1 − β₁): no step exceeds ηK/(1 − β₁), and |w| stays within one such step
        b1, b2 = hyper["beta1"], hyper["beta2"]
        limit = 1.0 + eta * (1 - b1) / (math.sqrt(1 - b2) * (1 - b1 / math.sqrt(b2))) / (1 - b1)
    assert sizes.max() <= limit * (1 + 1e-9)


def test_weight_decay_stability_rejects_bad_input():
    with pytest.raises(ValueError, match="Unknown optimizer"):
        weight_decay_stability("lbfgs", 0.1, 1.0)
    with pytest.raises(ValueError, match="Learning rate"):
        weight_decay_stability("sgd", 0.0, 1.0)
    with pytest.raises(ValueError, match="l2"):
        weight_decay_stability("sgd", 0.1, -1.0)
    with pytest.raises(ValueError, match="momentum"):
        weight_decay_stability("momentum", 0.1, 1.0, {"momentum": 1.5})


# -- the one hyperparameter table ---------------------------------------------------------
def test_every_reader_of_the_hyperparameter_table_agrees_with_it():
    from core.optimizers import (
        HYPER_SETTINGS,
        OPTIMIZER_HYPER,
        OPTIMIZERS,
        SETTING_OF_KEYWORD,
        hyper_settings,
    )
    from core.scene_sections import HYPER_SETTING
    from core.settings import TrainingSettings, fields_of

    assert OPTIMIZERS == tuple(OPTIMIZER_HYPER)
    assert HYPER_SETTING == SETTING_OF_KEYWORD
    field_names = {info.name for info in fields_of(TrainingSettings)}
    assert set(HYPER_SETTINGS) <= field_names
    defaults = TrainingSettings()
    # distinct values per setting, so a mix-up of fields shows
    values = {setting: 0.1 + 0.1 * k for k, setting in enumerate(HYPER_SETTINGS)}
    for name, hypers in OPTIMIZER_HYPER.items():
        assert hyper_settings(name) == tuple(h.setting for h in hypers)
        assert DEFAULT_HYPER[name] == {h.keyword: h.default for h in hypers}
        assert make_optimizer(name, 0.1).hyper == DEFAULT_HYPER[name]
        for h in hypers:
            assert getattr(defaults, h.setting) == h.default
            assert HYPER_SETTING[h.keyword] == h.setting
        settings = TrainingSettings(optimizer=name, **values)
        expected = {h.keyword: values[h.setting] for h in hypers}
        assert settings.optimizer_hyper() == expected
        assert select_hyper(name, values) == expected
        assert make_optimizer(name, 0.1, **settings.optimizer_hyper()).hyper == expected
    with pytest.raises(ValueError, match="Unknown optimizer"):
        hyper_settings("lbfgs")
