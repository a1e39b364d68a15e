"""Trainer: phases, mini-batches, history, snapshots/rewind, reset, divergence, persistence."""

import json
import math

import numpy as np
import pytest

from core.datasets import GENERATORS, train_test_split
from core.history import HISTORY_COLUMNS, History
from core.linear_models import least_squares
from core.network import MLP
from core.training import (
    EmptyTrainingSet,
    PhaseError,
    Trainer,
    TrainingDiverged,
)


def circle_data(n=120, seed=0):
    ds = GENERATORS["circle"].fn(n, 0.1, seed)
    train = train_test_split(n, 0.7, seed)
    return ds.X[train], ds.y[train], ds.X[~train], ds.y[~train]


def make_trainer(hidden=(6, 6), net_seed=0, n=120, **options):
    """A 2-6-6-1 tanh/sigmoid/bce trainer on circle data; options go to Trainer."""
    X_train, y_train, X_test, y_test = circle_data(n)
    net = MLP((2, *hidden, 1), "tanh", "sigmoid", seed=net_seed,
              dropout=options.pop("dropout", 0.0))
    return Trainer(net, "bce", X_train, y_train, X_test, y_test, **options)


def losses_of(trainer, steps):
    return [trainer.step().train_loss for _ in range(steps)]


# -- phases ------------------------------------------------------------------------------------
def test_phases_out_of_order_raise_phase_error_naming_the_next_phase():
    trainer = make_trainer()
    with pytest.raises(PhaseError, match="next phase is forward"):
        trainer.backward()
    with pytest.raises(PhaseError, match="next phase is forward"):
        trainer.update()
    trainer.forward()
    assert (trainer.phase, trainer.next_phase) == ("forward", "backward")
    with pytest.raises(PhaseError, match="next phase is backward"):
        trainer.forward()
    with pytest.raises(PhaseError, match="next phase is backward"):
        trainer.update()
    trainer.backward()
    with pytest.raises(PhaseError, match="next phase is update"):
        trainer.backward()
    trainer.update()
    assert (trainer.phase, trainer.step_count) == ("ready", 1)


def test_step_is_exactly_the_three_phases():
    by_phase, by_step = make_trainer(batch_size=16), make_trainer(batch_size=16)
    for _ in range(12):
        by_phase.forward()
        by_phase.backward()
        by_phase.update()
        by_step.step()
    assert np.array_equal(by_phase.net.get_params(), by_step.net.get_params())
    assert np.array_equal(by_phase.history.arrays()["train_loss"],
                          by_step.history.arrays()["train_loss"])


def test_step_finishes_a_step_in_progress():
    trainer = make_trainer()
    trainer.forward()
    record = trainer.step()
    assert record.step == 1 and trainer.step_count == 1 and trainer.phase == "ready"


def test_parameters_change_only_in_update():
    trainer = make_trainer()
    before = trainer.net.get_params()
    trainer.forward()
    trainer.backward()
    assert np.array_equal(trainer.net.get_params(), before)
    trainer.update()
    assert not np.array_equal(trainer.net.get_params(), before)
    record = trainer.last_update
    assert np.array_equal(np.concatenate([p.ravel() for p in record.old_params]), before)
    assert all(new is live for new, live in zip(record.new_params, trainer.net.parameters(),
                                                strict=True))


def test_update_record_and_gradients_follow_the_sgd_rule():
    trainer = make_trainer(learning_rate=0.5)
    trainer.forward()
    gradients = trainer.backward()
    trainer.update()
    record = trainer.last_update
    for old, new, grad in zip(record.old_params, record.new_params, gradients.as_list(),
                              strict=True):
        assert np.allclose(new, old - 0.5 * grad, rtol=0, atol=1e-15)


# -- mini-batches and epochs -----------------------------------------------------------------------
def test_epoch_covers_every_training_index_exactly_once():
    trainer = make_trainer(batch_size=13)
    n = trainer.n_train
    assert trainer.steps_per_epoch == math.ceil(n / 13)
    orders = []
    for _ in range(2):
        seen = []
        start = trainer.step_count
        for _ in range(trainer.steps_per_epoch):
            trainer.forward()
            seen.extend(trainer.batch_indices.tolist())
            trainer.backward()
            trainer.update()
        assert sorted(seen) == list(range(n))
        assert trainer.epoch_count == start // trainer.steps_per_epoch + 1
        orders.append(seen)
    assert orders[0] != orders[1]  # reshuffled every epoch
    assert orders[0] != list(range(n))


def test_epoch_runs_one_pass_and_full_batch_is_one_step():
    trainer = make_trainer(batch_size=20)
    records = trainer.epoch()
    assert len(records) == trainer.steps_per_epoch and records[-1].epoch_ended
    assert trainer.epoch_count == 1
    full = make_trainer()
    assert len(full.epoch()) == 1 and full.epoch_count == 1
    full.forward()
    assert np.array_equal(full.batch_indices, np.arange(full.n_train))


def test_batch_order_is_fixed_by_the_seed():
    first, second, other = (make_trainer(batch_size=10, seed=s)
                            for s in (3, 3, 4))
    batches = []
    for trainer in (first, second, other):
        trainer.forward()
        batches.append(trainer.batch_indices.copy())
    assert np.array_equal(batches[0], batches[1])
    assert not np.array_equal(batches[0], batches[2])


# -- history -----------------------------------------------------------------------------------
def test_history_row_of_step_t_is_measured_at_the_parameters_after_t_updates():
    trainer = make_trainer(batch_size=8, l2=0.01)
    expected = [trainer.evaluate(trainer.X_train, trainer.y_train)]
    expected_test = [trainer.evaluate(trainer.X_test, trainer.y_test)]
    penalties = [trainer.net.penalty(0.0, 0.01)]
    for _ in range(3):
        trainer.step()
        expected.append(trainer.evaluate(trainer.X_train, trainer.y_train))
        expected_test.append(trainer.evaluate(trainer.X_test, trainer.y_test))
        penalties.append(trainer.net.penalty(0.0, 0.01))
    arrays = trainer.history.arrays()
    assert np.array_equal(arrays["step"], [0, 1, 2, 3])  # step 0 = the initial network
    assert np.allclose(arrays["train_loss"], [e[0] for e in expected], rtol=1e-12)
    assert np.allclose(arrays["train_accuracy"], [e[1] for e in expected], rtol=1e-12)
    assert np.allclose(arrays["test_loss"], [e[0] for e in expected_test], rtol=1e-12)
    assert np.array_equal(arrays["penalty"], penalties)
    assert np.array_equal(arrays["train_objective"], arrays["train_loss"] + arrays["penalty"])


def test_step_record_pairs_the_new_row_with_the_batch_loss_before_the_update():
    trainer = make_trainer()
    before = trainer.evaluate(trainer.X_train, trainer.y_train)[0]
    record = trainer.step()
    after = trainer.evaluate(trainer.X_train, trainer.y_train)[0]
    assert math.isclose(record.batch_loss, before, rel_tol=1e-12)  # full batch, before
    assert math.isclose(record.train_loss, after, rel_tol=1e-12)  # the row of step 1
    assert record.train_loss == trainer.history.last_row()["train_loss"]


def test_history_covers_every_step_up_to_the_current_one():
    trainer = make_trainer(batch_size=10, history_capacity=16)
    assert trainer.history.last_step == 0 and len(trainer.grad_norm_history) == 0
    for _ in range(7):
        trainer.step()
        assert trainer.history.last_step == len(trainer.grad_norm_history) == trainer.step_count
    trainer.forward()  # a phase alone adds nothing
    assert trainer.history.last_step == trainer.step_count == 7
    trainer.rewind(3)
    assert trainer.history.last_step == trainer.step_count == 5
    for _ in range(95):
        trainer.step()
    assert trainer.history.last_step == trainer.step_count == 100
    assert len(trainer.history) == 101
    arrays = trainer.history.arrays()
    assert trainer.history.stored_size <= 16 and len(arrays["step"]) <= 16
    assert arrays["step"][-1] == 100
    assert np.all(np.diff(arrays["step"]) > 0)
    assert trainer.grad_norm_history.arrays()["norms"].shape[1] == 3


def test_history_thinning_keeps_whole_rows_and_the_envelope_of_the_training_loss():
    history = History(capacity=16)
    rng = np.random.default_rng(0)
    values = 1.0 + 0.01 * rng.standard_normal(500)
    values[37], values[250] = 9.0, -4.0  # a spike and a dip early in the run
    for step, v in enumerate(values):
        history.append([v, 2 * v, math.nan, step, 0.5 * step, 3 * v, math.nan])
    arrays = history.arrays()
    assert len(history) == 500 and history.stored_size <= 16
    assert arrays["train_loss"].max() == 9.0 and arrays["train_loss"].min() == -4.0
    steps = arrays["step"]
    # every value of a kept row was measured at that row's step
    assert np.array_equal(arrays["train_loss"], values[steps])
    assert np.array_equal(arrays["test_loss"], 2 * values[steps])
    assert np.array_equal(arrays["test_accuracy"], steps)
    assert np.array_equal(arrays["penalty"], 0.5 * steps)
    assert np.isnan(arrays["train_accuracy"]).all()
    assert steps[-1] == 499 and arrays["train_loss"][-1] == values[-1]  # the newest row stays
    left_out = arrays["steps_left_out_before"]
    assert np.array_equal(left_out, np.diff(steps, prepend=-1) - 1)
    assert left_out.sum() == 500 - len(steps)


def test_history_truncate_drops_later_steps():
    history = History(capacity=16)
    for v in range(40):
        history.append([v] * len(HISTORY_COLUMNS))
    history.truncate(30)
    assert len(history) == 30 and history.arrays()["step"].max() < 30


# -- snapshots, rewind, reset ----------------------------------------------------------------
def test_rewind_then_continue_reproduces_losses_bit_for_bit():
    trainer = make_trainer(batch_size=9, optimizer="adam", learning_rate=0.01, dropout=0.2)
    losses_of(trainer, 20)
    original = losses_of(trainer, 40)
    params_after = trainer.net.get_params()
    assert trainer.rewind(40) == 20
    assert trainer.history.last_step == 20
    assert losses_of(trainer, 40) == original
    assert np.array_equal(trainer.net.get_params(), params_after)


def test_rewind_to_restores_the_parameters_of_that_step():
    trainer = make_trainer(batch_size=16, optimizer="momentum")
    params = [trainer.net.get_params()]
    for _ in range(10):
        trainer.step()
        params.append(trainer.net.get_params())
    trainer.rewind_to(4)
    assert trainer.step_count == 4 and np.array_equal(trainer.net.get_params(), params[4])
    steps, trajectory = trainer.trajectory()
    assert np.array_equal(steps, np.arange(5))
    assert np.array_equal(trajectory, np.array(params[:5]))
    with pytest.raises(ValueError, match="Can rewind to steps 0..4"):
        trainer.rewind_to(5)


def test_rewind_mid_step_abandons_the_step_in_progress():
    trainer = make_trainer()
    trainer.step()
    before = trainer.net.get_params()
    trainer.forward()
    trainer.backward()
    trainer.rewind()
    assert (trainer.phase, trainer.step_count) == ("ready", 1)
    assert np.array_equal(trainer.net.get_params(), before)


def test_snapshot_capacity_bounds_how_far_rewind_reaches():
    trainer = make_trainer(snapshot_capacity=5)
    losses_of(trainer, 12)
    assert trainer.oldest_step == 7
    assert trainer.rewind(100) == 7
    assert not trainer.can_rewind
    assert trainer.history.last_step == 7


def test_default_snapshots_reach_two_thousand_steps_back():
    X = np.linspace(-1, 1, 8)[:, None]
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", X, 0.5 * X[:, 0], learning_rate=0.1)
    losses_of(trainer, 2100)
    assert trainer.step_count - trainer.oldest_step >= 2000


def test_reset_reproduces_initial_parameters_and_first_hundred_losses():
    trainer = make_trainer(batch_size=10, optimizer="adam", learning_rate=0.02, dropout=0.1)
    initial = trainer.net.get_params()
    first = losses_of(trainer, 100)
    trainer.reset()
    assert trainer.step_count == trainer.epoch_count == 0 and len(trainer.history) == 1
    assert np.array_equal(trainer.net.get_params(), initial)
    assert losses_of(trainer, 100) == first
    fresh = make_trainer(batch_size=10, optimizer="adam", learning_rate=0.02, dropout=0.1)
    assert losses_of(fresh, 100) == first


# -- divergence -----------------------------------------------------------------------------------
def test_divergence_of_a_deep_relu_net_at_lr_10_stops_at_the_first_non_finite_step():
    ds = GENERATORS["circle"].fn(200, 0.1, 0)
    net = MLP((2,) + (8,) * 6 + (1,), "relu", "linear", init="he", seed=1)
    trainer = Trainer(net, "mse", ds.X, ds.y.astype(float), learning_rate=10.0)
    with pytest.raises(TrainingDiverged) as error:
        for _ in range(1000):
            trainer.step()
    divergence = trainer.divergence
    assert error.value.divergence is divergence
    assert divergence.step == trainer.step_count + 1 and divergence.phase in (
        "forward", "backward", "update")
    assert f"step {divergence.step}" in str(error.value)
    params = trainer.net.get_params()
    assert np.all(np.isfinite(params))
    assert trainer.history.last_step == trainer.step_count
    assert np.all(np.isfinite(trainer.history.arrays()["train_loss"]))
    with pytest.raises(TrainingDiverged):
        trainer.step()
    with pytest.raises(TrainingDiverged):
        trainer.forward()
    assert np.array_equal(trainer.net.get_params(), params)
    trainer.rewind(1)
    assert trainer.divergence is None
    trainer.step()  # training can go on from the rewound state


def test_exploding_relu_classifier_counts_as_divergence_although_its_loss_stays_finite():
    # lr = 10, relu, 6 layers on the circle: the weights pass 1e50 within 20 steps, every
    # unit dies and the bce loss stays finite and flat, so only the parameter limit sees it.
    from core.session import Session
    from core.settings import DataSettings, NetworkSettings, TrainingSettings
    from core.training import PARAMETER_LIMIT

    # the 70/30 train/test split of the circle this case was found on
    session = Session(data=DataSettings(train_fraction=0.7, validation_fraction=0.0),
                      network=NetworkSettings(hidden_sizes=(8,) * 6, activation="relu"),
                      training=TrainingSettings(learning_rate=10.0))
    trainer = session.trainer
    with pytest.raises(TrainingDiverged, match="exploded"):
        for _ in range(200):
            trainer.step()
    params = trainer.net.get_params()
    assert np.all(np.isfinite(params)) and np.abs(params).max() <= PARAMETER_LIMIT
    assert trainer.divergence.phase == "update"
    assert trainer.history.last_step == trainer.step_count


def test_hand_made_overflow_in_the_forward_pass_is_caught():
    X = np.array([[1e10], [2e10]])
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", X, [0.0, 1.0])
    net.weights[0][:] = 1e300
    trainer.params_changed()
    with pytest.raises(TrainingDiverged, match="step 1 \\(forward\\)"):
        trainer.step()
    assert trainer.step_count == 0 and trainer.phase == "ready"
    assert net.weights[0][0, 0] == 1e300


def test_non_finite_parameters_after_update_are_not_kept():
    X = np.array([[1e3], [-2e3]])
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", X, [0.0, 1.0], learning_rate=1e-3)
    trainer.step()
    finite = net.get_params()
    trainer.set_learning_rate(1e308)
    with pytest.raises(TrainingDiverged) as error:
        trainer.step()
    assert error.value.divergence.phase == "update" and error.value.divergence.step == 2
    assert np.array_equal(net.get_params(), finite) and trainer.step_count == 1
    with pytest.raises(TrainingDiverged):
        trainer.step()
    trainer.set_learning_rate(1e-3)  # a hyperparameter change clears the divergence
    trainer.step()
    assert trainer.step_count == 2 and np.all(np.isfinite(net.get_params()))


# -- mid-run changes ------------------------------------------------------------------------------
#: Every setter of a training hyperparameter (also used by test_training_settings_owner).
MID_RUN_CHANGES = [
    lambda t: t.set_learning_rate(0.5),
    lambda t: t.set_optimizer("adam", beta1=0.8),
    lambda t: t.set_optimizer("rmsprop"),
    lambda t: t.set_regularization(l1=0.01, l2=0.1),
    lambda t: t.set_batch_size(7),
    lambda t: t.set_clip_norm(0.5),
    lambda t: t.set_seed(9),
]


@pytest.mark.parametrize("change", MID_RUN_CHANGES)
def test_changing_hyperparameters_mid_run_keeps_the_weights(change):
    trainer = make_trainer(batch_size=10)
    losses_of(trainer, 15)
    params = trainer.net.get_params()
    change(trainer)
    assert np.array_equal(trainer.net.get_params(), params)
    assert trainer.step_count == 15 and trainer.history.last_step == 15
    trainer.step()
    assert trainer.step_count == 16


def test_new_hyperparameters_take_effect():
    trainer = make_trainer()
    trainer.set_regularization(l2=0.5)
    trainer.set_optimizer("momentum", momentum=0.5)
    trainer.set_learning_rate(0.2)
    record = trainer.step()
    assert record.penalty == pytest.approx(0.25 * sum(
        float(np.sum(W * W)) for W in trainer.last_update.old_params[::2]))
    assert trainer.optimizer.name == "momentum" and trainer.optimizer.hyper["momentum"] == 0.5
    assert trainer.learning_rate == 0.2
    with pytest.raises(ValueError):
        trainer.set_learning_rate(-1)
    with pytest.raises(ValueError):
        trainer.set_regularization(l1=-1)


def test_gradient_clipping_bounds_the_sgd_step():
    trainer = make_trainer(learning_rate=1.0, clip_norm=0.01)
    record = trainer.step()
    assert record.grad_norm > 0.01
    old, new = trainer.last_update.old_params, trainer.last_update.new_params
    step = math.sqrt(sum(float(np.sum((o - n) ** 2)) for o, n in zip(old, new, strict=True)))
    assert step == pytest.approx(0.01, rel=1e-4)


def test_set_data_keeps_weights_and_counters():
    trainer = make_trainer()
    losses_of(trainer, 5)
    params = trainer.net.get_params()
    X_train, y_train, _, _ = circle_data(60, seed=3)
    trainer.set_data(X_train, y_train)
    assert np.array_equal(trainer.net.get_params(), params)
    assert (trainer.step_count, trainer.n_train, trainer.n_test) == (5, len(X_train), 0)
    record = trainer.step()
    assert math.isnan(record.test_loss) and math.isnan(record.test_accuracy)
    with pytest.raises(ValueError, match="shape"):
        trainer.set_data(np.zeros((4, 3)), np.zeros(4))


# -- learning results -----------------------------------------------------------------------------
def test_linear_model_trained_by_sgd_converges_to_least_squares():
    ds = GENERATORS["line"].fn(200, 0.2, 0)
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", ds.X, ds.y, learning_rate=0.05)
    for _ in range(1500):
        trainer.step()
    w, b = least_squares(ds.X, ds.y)
    assert abs(net.weights[0][0, 0] - w[0]) < 1e-6
    assert abs(net.biases[0][0] - b) < 1e-6


def test_xor_with_four_tanh_hidden_units_reaches_95_percent_accuracy():
    ds = GENERATORS["xor"].fn(300, 0.0, 0)
    net = MLP((2, 4, 1), "tanh", "sigmoid", seed=0)
    trainer = Trainer(net, "bce", ds.X, ds.y, learning_rate=0.03, optimizer="adam")
    for _ in range(400):
        trainer.step()
    loss, accuracy = trainer.evaluate(ds.X, ds.y)
    assert accuracy >= 0.95


def test_evaluate_gives_nan_accuracy_for_regression_and_empty_sets():
    X = np.linspace(-1, 1, 5)[:, None]
    trainer = Trainer(MLP((1, 1), output_activation="linear"), "mse", X, X[:, 0])
    loss, accuracy = trainer.evaluate(X, X[:, 0])
    assert math.isfinite(loss) and math.isnan(accuracy)
    assert all(math.isnan(v) for v in trainer.evaluate(np.empty((0, 1)), np.empty(0)))


def test_empty_training_set_raises_a_clear_error():
    trainer = Trainer(MLP((2, 3, 1)), "bce", np.empty((0, 2)), np.empty(0))
    with pytest.raises(EmptyTrainingSet, match="no training points"):
        trainer.step()


def test_constructor_rejects_a_loss_that_does_not_fit_the_output():
    with pytest.raises(ValueError, match="softmax output"):
        Trainer(MLP((2, 3)), "cross_entropy", np.zeros((2, 2)), [0, 1])
    with pytest.raises(ValueError, match="Unknown loss"):
        Trainer(MLP((2, 1)), "hinge", np.zeros((2, 2)), [0, 1])


# -- persistence ----------------------------------------------------------------------------------
def test_state_dict_round_trip_continues_bit_identically():
    trainer = make_trainer(batch_size=11, optimizer="adam", learning_rate=0.01, l2=0.01,
                           dropout=0.1)
    losses_of(trainer, 23)
    trainer.forward()  # a step in progress is saved as the start of that step
    state = json.loads(json.dumps(trainer.state_dict()))
    expected = losses_of(trainer, 30)
    other = make_trainer(net_seed=7, dropout=0.1)  # other initial weights and hyperparameters
    other.load_state_dict(state)
    assert other.step_count == 23 and other.history.last_step == 23
    for key, values in trainer.history.arrays().items():  # including the current row
        assert np.array_equal(values[:24], other.history.arrays()[key], equal_nan=True), key
    assert losses_of(other, 30) == expected
    assert np.array_equal(other.net.get_params(), trainer.net.get_params())
    other.reset()
    trainer.reset()
    assert losses_of(other, 5) == losses_of(trainer, 5)


def test_load_state_dict_rejects_another_architecture_and_leaves_state_alone():
    trainer = make_trainer()
    losses_of(trainer, 3)
    state = trainer.state_dict()
    other = make_trainer(hidden=(5,))
    params = other.net.get_params()
    with pytest.raises(ValueError, match="layers"):
        other.load_state_dict(state)
    broken = dict(state, params=state["params"][:-1])
    with pytest.raises(ValueError, match="params"):
        make_trainer().load_state_dict(broken)
    assert np.array_equal(other.net.get_params(), params)


# -- the epoch of a past step (the timeline's status bar) ----------------------------------------
def test_snapshot_epoch_is_the_epoch_count_each_step_had():
    trainer = make_trainer(batch_size=16)
    epochs = [trainer.epoch_count]
    for _ in range(2 * trainer.steps_per_epoch + 3):
        trainer.step()
        epochs.append(trainer.epoch_count)
    assert [trainer.snapshot_epoch(k) for k in range(len(epochs))] == epochs
    with pytest.raises(ValueError, match="Snapshots hold steps"):
        trainer.snapshot_epoch(len(epochs))
