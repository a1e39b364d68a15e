"""Every training step goes through a Trainer: the optimizer race, the predicted update of
"predict, then reveal" and the animation export train copies of the session's trainer
(``Trainer.copy``), so what they show is bit for bit what Step would do, and the session is
left exactly as it was."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from gui.classroom.predict_reveal import dry_run_update, predicted_parameters
from gui.surface.jobs import RACE_OPTIMIZERS, race_inputs, race_job
from tests.nested_equal import assert_same


def _session(**training) -> Session:
    return Session(DataSettings(preset="spiral", n_points=80, seed=1),
                   NetworkSettings(hidden_sizes=(6, 4), dropout=0.2, seed=5),
                   TrainingSettings(**training))


def _state(trainer) -> list:
    return [trainer.net.get_params(), trainer.phase, trainer.step_count, trainer.epoch_count,
            trainer.history.arrays(), trainer.grad_norm_history.arrays(),
            trainer.net.rng.bit_generator.state, copy.deepcopy(trainer._sampler.state()),
            trainer.optimizer.state_dict(), trainer.settings]


@pytest.mark.parametrize("training", [
    {"optimizer": "adam", "learning_rate": 0.05, "batch_size": 8, "clip_norm": 0.5, "l2": 0.01},
    {"optimizer": "momentum", "momentum": 0.8, "batch_size": 0},
])
def test_the_race_path_of_the_sessions_optimizer_is_k_real_steps(training):
    session = _session(**training)
    trainer = session.trainer
    for _ in range(4):  # an optimizer with state, mid-epoch
        trainer.step()
    before = _state(trainer)
    k = 6
    result = race_job(race_inputs(session), k)(lambda fraction: None)
    assert_same(_state(trainer), before)  # the race left the session alone
    path = result.paths[training["optimizer"]]
    assert path.shape == (k + 1, trainer.net.n_params)
    assert np.array_equal(path[0], trainer.net.get_params())
    for s in range(1, k + 1):
        trainer.step()
        assert np.array_equal(path[s], trainer.net.get_params()), s
    assert result.final_loss[training["optimizer"]] == trainer.history.last_row()["train_loss"]
    assert result.learning_rate == trainer.learning_rate
    others = [name for name in RACE_OPTIMIZERS if name != training["optimizer"]]
    assert all(not np.array_equal(result.paths[name][-1], path[-1]) for name in others)


def test_a_racer_that_diverges_has_a_nan_loss_and_a_finite_path():
    session = Session(DataSettings(task="regression", preset="line", n_points=30,
                                   features=("x1",), standardize=False),
                      NetworkSettings(hidden_sizes=()), TrainingSettings(learning_rate=100.0))
    result = race_job(race_inputs(session), 40)(lambda fraction: None)
    assert np.isnan(result.final_loss["sgd"]) and len(result.paths["sgd"]) < 41
    assert all(np.isfinite(path).all() for path in result.paths.values())


@pytest.mark.parametrize("training", [
    {"optimizer": "sgd"},
    {"optimizer": "adam", "learning_rate": 0.05, "batch_size": 8, "clip_norm": 0.5},
    {"optimizer": "rmsprop", "batch_size": 16, "l1": 0.01},
])
def test_the_predicted_update_is_the_real_update_and_changes_nothing(training):
    trainer = _session(**training).trainer
    for _ in range(3):
        trainer.step()
    trainer.forward()
    trainer.backward()
    before = _state(trainer)
    gradients = trainer.last_gradients
    predicted = predicted_parameters(trainer)
    old, gradient, update = dry_run_update(trainer, (1, "W", 2, 1))
    assert_same(_state(trainer), before)
    assert trainer.last_gradients is gradients
    trainer.update()
    for mine, real in zip(predicted, trainer.net.parameters(), strict=True):
        assert np.array_equal(mine, real)
    assert old + update == trainer.net.weights[1][2, 1]


def test_the_animation_export_copies_through_session_copy(qapp, monkeypatch):
    from gui.app_window import recording

    session = _session(optimizer="sgd", batch_size=0)
    session.trainer.forward()  # a full-batch step in progress
    before = _state(session.trainer)
    calls = []
    original_copy = Session.copy
    monkeypatch.setattr(Session, "copy", lambda self: calls.append(self) or original_copy(self))
    with recording.TrainingRecorder(session, ["loss_curve"], {"loss_curve": (320, 200)}) as rec:
        assert calls == [session]
        assert rec.controller.run_steps(3)
        copied = rec.session.trainer
        assert copied.step_count == 3
    assert_same(_state(session.trainer), before)
    for _ in range(3):
        session.trainer.step()
    assert np.array_equal(session.net.get_params(), copied.net.get_params())
