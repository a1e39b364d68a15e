"""Trainer(evaluation="cadence"): batch loss on every step, full evaluation at epoch ends and on
evaluate_now (core.training, core.history, core.early_stopping)."""

import math

import numpy as np
import pytest

from core.history import HISTORY_COLUMNS, History
from core.network import MLP
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import EVALUATION_MODES, Trainer, TrainingDiverged

from tests.core.test_training import circle_data

FULL_SET_COLUMNS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy",
                    "validation_loss", "validation_accuracy")


def make_trainer(evaluation, batch_size=10, n=40, **options):
    """2-6-1 tanh/sigmoid/bce on 28 training points (40 × 0.7), validation = the test points."""
    X_train, y_train, X_test, y_test = circle_data(n)
    net = MLP((2, 6, 1), "tanh", "sigmoid", seed=0, dropout=options.pop("dropout", 0.0))
    return Trainer(net, "bce", X_train, y_train, X_test, y_test, X_validation=X_test,
                   y_validation=y_test, batch_size=batch_size, evaluation=evaluation,
                   **options)


def test_unknown_evaluation_mode_is_refused_with_the_allowed_names():
    with pytest.raises(ValueError, match="every_step, cadence"):
        make_trainer("sometimes")
    assert EVALUATION_MODES == ("every_step", "cadence")


def test_cadence_rows_are_batch_only_except_at_epoch_ends():
    trainer = make_trainer("cadence")  # 28 points, batch 10: 3 steps per epoch
    records = [trainer.step() for _ in range(8)]
    arrays = trainer.history.arrays()
    assert len(trainer.history) == 9 and list(arrays["step"]) == list(range(9))  # one per step
    epoch_ends = [r.step for r in records if r.epoch_ended]
    assert epoch_ends == [3, 6]
    evaluated = arrays["evaluated"] == 1.0
    assert list(np.flatnonzero(evaluated)) == [0, 3, 6]
    assert [r.evaluated for r in records] == [r.epoch_ended for r in records]
    for name in FULL_SET_COLUMNS:
        assert np.isnan(arrays[name][~evaluated]).all(), name
        assert np.isfinite(arrays[name][evaluated]).all(), name
    assert np.isfinite(arrays["penalty"]).all()
    assert math.isnan(arrays["batch_loss"][0])  # step 0 was not reached by an update
    assert np.array_equal(arrays["batch_loss"][1:], [r.batch_loss for r in records])
    assert math.isnan(records[0].train_loss) and not records[0].evaluated


def test_evaluated_numbers_are_bit_identical_to_an_every_step_run():
    cadence, every = make_trainer("cadence"), make_trainer("every_step")
    for _ in range(10):
        cadence.step()
        every.step()
    cadence.evaluate_now()
    assert np.array_equal(cadence.net.get_params(), every.net.get_params())
    a, b = cadence.history.arrays(), every.history.arrays()
    evaluated = a["evaluated"] == 1.0
    assert list(a["step"][evaluated]) == [0, 3, 6, 9, 10]
    assert (b["evaluated"] == 1.0).all()
    for name in (*FULL_SET_COLUMNS, "penalty"):
        assert np.array_equal(a[name][evaluated], b[name][evaluated]), name
    assert np.array_equal(a["batch_loss"], b["batch_loss"], equal_nan=True)
    seen = b["validation_loss"][evaluated]  # the best of the evaluated steps, earliest on a tie
    k = int(np.argmin(seen))
    assert cadence.best_validation.step == a["step"][evaluated][k]
    assert cadence.best_validation.loss == seen[k]


def test_evaluate_now_fills_the_current_row_and_keeps_its_batch_loss():
    trainer = make_trainer("cadence")
    trainer.step()
    before = trainer.history.last_row()
    assert before["evaluated"] == 0.0 and trainer.history.last_evaluated_row()["step"] == 0
    row = trainer.evaluate_now()
    assert row["step"] == 1 and row["evaluated"] == 1.0
    assert row["batch_loss"] == before["batch_loss"]
    loss, acc = trainer.evaluate(trainer.X_train, trainer.y_train)
    assert row["train_loss"] == pytest.approx(loss, rel=1e-12)
    assert row["train_accuracy"] == acc
    assert trainer.history.last_evaluated_row() == trainer.history.last_row()
    assert len(trainer.history) == 2  # filled, not appended
    assert trainer.evaluate_now() == row  # nothing new to measure


def test_every_step_is_the_default_and_evaluates_every_row():
    X_train, y_train, X_test, y_test = circle_data(40)
    trainer = Trainer(MLP((2, 3, 1), "tanh", "sigmoid", seed=0), "bce", X_train, y_train,
                      batch_size=5)
    assert trainer.evaluation == "every_step"
    records = [trainer.step() for _ in range(4)]
    assert all(r.evaluated for r in records)
    assert (trainer.history.arrays()["evaluated"] == 1.0).all()


def test_switching_to_every_step_evaluates_the_current_row():
    trainer = make_trainer("cadence")
    trainer.step()
    trainer.set_evaluation("every_step")
    assert trainer.history.last_row()["evaluated"] == 1.0
    assert trainer.step().evaluated
    with pytest.raises(ValueError):
        trainer.set_evaluation("never")


def test_full_batch_cadence_evaluates_every_step_and_reuses_the_evaluation():
    cadence, every = make_trainer("cadence", batch_size=0), make_trainer("every_step",
                                                                          batch_size=0)
    for _ in range(5):
        assert cadence.step().evaluated
        every.step()
    assert np.array_equal(cadence.net.get_params(), every.net.get_params())


def test_cadence_with_a_switch_to_full_batch_after_a_batch_only_row():
    trainer = make_trainer("cadence")
    trainer.step()
    trainer.set_batch_size(0)  # the last row is batch-only: the full batch runs its own forward
    record = trainer.step()
    assert record.evaluated and math.isfinite(record.train_loss)


def test_rewind_re_measures_a_batch_only_row_and_training_on_is_bit_identical():
    trainer = make_trainer("cadence")
    for _ in range(5):
        trainer.step()
    reference = trainer.history.arrays()
    trainer.rewind_to(2)
    row = trainer.history.last_row()
    assert row["step"] == 2 and row["evaluated"] == 1.0
    assert row["batch_loss"] == reference["batch_loss"][2]
    for _ in range(3):
        trainer.step()
    again = trainer.history.arrays()
    assert np.array_equal(again["batch_loss"], reference["batch_loss"], equal_nan=True)


def test_divergence_is_still_caught_at_once_in_cadence():
    every = make_trainer("every_step", learning_rate=1e12, optimizer="sgd")
    cadence = make_trainer("cadence", learning_rate=1e12, optimizer="sgd")
    caught = []
    for trainer in (every, cadence):
        with pytest.raises(TrainingDiverged) as raised:
            for _ in range(50):
                trainer.step()
        caught.append(raised.value.divergence)
        assert np.isfinite(trainer.net.get_params()).all()
    assert caught[0] == caught[1]  # same step, phase and code: the parameter check fired


def test_a_non_finite_full_loss_recorded_by_evaluate_now_is_found_by_the_next_forward():
    X = np.array([[0.0], [1.0], [1e200]])  # the third point's output overflows
    y = np.array([0.0, 1.0, 1.0])
    net = MLP((1, 1), output_activation="linear", seed=0)
    net.weights[0][:] = 0.5
    trainer = Trainer(net, "mse", X[:2], y[:2], evaluation="cadence", batch_size=1,
                      learning_rate=1e-3)
    trainer.step()
    trainer.set_data(X, y)  # re-measures: the training loss is now inf
    with pytest.raises(TrainingDiverged) as raised:
        trainer.forward()
    assert raised.value.divergence.code in ("loss_inf", "output_nonfinite")


def test_early_stopping_observes_evaluated_rows_only():
    trainer = make_trainer("cadence", learning_rate=0.5, optimizer="adam")
    for _ in range(30):
        trainer.step()
    arrays = trainer.history.arrays()
    evaluated = arrays["evaluated"] == 1.0
    best = trainer.best_validation
    assert evaluated[best.step]
    losses = arrays["validation_loss"][evaluated]
    assert best.loss == losses.min()
    later = arrays["step"][evaluated] > best.step
    assert trainer.evaluations_since_best == int(later.sum())


def test_old_history_widths_load_as_evaluated_rows_without_batch_loss():
    for width in (4, 5, 7):
        history = History(capacity=16)
        history.load_dict({"length": 2, "capacity": 16, "steps": [0, 1],
                           "values": [[0.5] * width, [0.25] * width]})
        arrays = history.arrays()
        assert (arrays["evaluated"] == 1.0).all() and np.isnan(arrays["batch_loss"]).all()
        assert history.last_evaluated_row()["step"] == 1
    assert len(HISTORY_COLUMNS) == 9


def _cadence_row(step, evaluated, batch_loss):
    value = 1.0 / (step + 1) if evaluated else math.nan
    return [value, 2 * value, value, value, 0.01 * step, 3 * value, value, batch_loss,
            float(evaluated)]


def test_thinning_keeps_evaluated_rows_whole_before_batch_rows():
    history = History(capacity=16)
    rows = {}
    for step in range(17):  # the 17th append thins the older 8 rows: buckets 0-3 and 4-7
        evaluated = step in (0, 5, 6, 7)
        batch_loss = 9.0 if step == 2 else 1.0 + 0.01 * step
        rows[step] = _cadence_row(step, evaluated, batch_loss)
        history.append(rows[step])
    steps = list(history.steps())
    assert 0 in steps and 2 in steps  # the one evaluated row + the batch-loss spike
    assert {5, 7} <= set(steps) and 4 not in steps  # two evaluated rows: the loss extremes
    values = history.values()
    for i, step in enumerate(steps):  # whole rows: every value still at its own step
        assert np.array_equal(values[i], rows[step], equal_nan=True)


def test_thinning_drops_an_evaluated_row_only_for_another_evaluated_row():
    """Each bucket of four keeps min(evaluated rows in it, 2) evaluated rows (random buckets)."""
    rng = np.random.default_rng(0)
    for _ in range(200):
        history = History(capacity=16)
        flags = rng.random(16) < rng.random()
        for step in range(16):
            batch = math.nan if rng.random() < 0.2 else float(rng.normal())
            history.append(_cadence_row(step, flags[step], batch))
        history.append(_cadence_row(16, False, 1.0))  # thins steps 0..7
        steps = history.steps()
        for bucket in (range(0, 4), range(4, 8)):
            kept = [s for s in steps if s in bucket]
            assert len(kept) == 2
            n_evaluated = int(flags[list(bucket)].sum())
            assert int(flags[kept].sum()) == min(n_evaluated, 2)
        assert list(steps[4:]) == list(range(8, 17))


def test_session_builds_cadence_trainers_and_keeps_the_mode_on_rebuild():
    session = Session(DataSettings(n_points=40, seed=0), NetworkSettings(hidden_sizes=(4,)),
                      TrainingSettings(batch_size=5), evaluation="cadence")
    assert session.trainer.evaluation == "cadence"
    session.set_network_settings(hidden_sizes=(3,))
    assert session.trainer.evaluation == "cadence"
    session.set_evaluation("every_step")
    session.regenerate()
    assert session.trainer.evaluation == "every_step"
    assert session.copy().trainer.evaluation == "every_step"


def test_patience_counts_steps_not_evaluations_in_cadence_mode():
    """A patience of N is N steps whatever the number of evaluations (the frame rate of Play)."""
    trainer = make_trainer("cadence", learning_rate=0.5, optimizer="adam")
    for _ in range(600):  # until the best lies a few steps back (an epoch is 3 steps)
        trainer.step()
        best = trainer.best_validation
        if trainer.step_count - best.step >= 5:
            break
    since = trainer.step_count - best.step
    assert since >= 5
    assert trainer.steps_since_best == since
    assert trainer.evaluations_since_best < since  # batch-only rows lie between evaluations
    trainer.update_settings(patience=since)
    assert trainer.patience_exhausted
    trainer.update_settings(patience=since + 1)
    assert not trainer.patience_exhausted
