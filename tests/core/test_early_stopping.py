"""Early stopping: the best validation step, patience and Restore best (core.early_stopping)."""

import json

import numpy as np
import pytest

from core.early_stopping import NO_VALIDATION_FOR_PATIENCE
from core.scene import scene_from_dict, scene_to_dict
from core.session import Session
from core.settings import DataSettings
from tests.overfitting_session import overfitting_session


def _expected_stop_step(validation_losses, patience):
    """First step s with s − (step of the lowest validation loss up to s, earliest on a tie)
    ≥ patience; computed here from the history column alone."""
    best_step, best = None, np.inf
    for step, loss in enumerate(validation_losses):
        if loss < best:
            best_step, best = step, loss
        if step - best_step >= patience:
            return step, best_step
    return None, best_step


def test_patience_stops_at_the_step_computed_from_the_validation_losses():
    patience = 25
    session = overfitting_session(patience)
    trainer = session.trainer
    steps = 0
    while not trainer.patience_exhausted:
        trainer.step()
        steps += 1
        assert steps < 3000, "the validation loss never stopped improving"
    losses = trainer.history.arrays()["validation_loss"]
    stop, best_step = _expected_stop_step(losses, patience)
    assert trainer.step_count == stop
    assert trainer.best_validation.step == best_step
    assert trainer.best_validation.loss == losses[best_step]
    assert trainer.evaluations_since_best == patience


def test_best_step_follows_a_rewind_to_before_it():
    session = overfitting_session()
    trainer = session.trainer
    for _ in range(200):
        trainer.step()
    losses = trainer.history.arrays()["validation_loss"]
    target = 20
    trainer.rewind_to(target)
    expected = int(np.argmin(losses[:target + 1]))  # argmin: the earliest on a tie
    assert trainer.best_validation.step == expected


def _train_keeping_params(trainer, steps):
    """Train ``steps`` steps; the flat parameters at step 0, 1, …, ``steps`` (copies)."""
    params = [trainer.net.get_params().copy()]
    for _ in range(steps):
        trainer.step()
        params.append(trainer.net.get_params().copy())
    return params


def test_restore_best_from_the_ring_is_bit_exact_and_rewinds_there():
    session = overfitting_session()
    trainer = session.trainer
    params = _train_keeping_params(trainer, 150)
    best = trainer.best_validation
    losses = trainer.history.arrays()["validation_loss"]
    assert best.step == int(np.argmin(losses)) and best.step < 150
    assert trainer.restore_best() == "ring"
    assert trainer.step_count == best.step
    assert np.array_equal(trainer.net.get_params(), params[best.step])
    assert trainer.history.last_row()["validation_loss"] == best.loss


def test_restore_best_from_the_kept_copy_when_the_ring_has_moved_on():
    session = overfitting_session(snapshot_capacity=5)
    trainer = session.trainer
    params = _train_keeping_params(trainer, 150)
    best = trainer.best_validation
    assert best.step < trainer.oldest_step  # the ring no longer holds it
    assert trainer.best_params()[1] == "copy"
    assert trainer.restore_best() == "copy"
    assert trainer.step_count == 150  # kept: the copy is written at the current step
    assert np.array_equal(trainer.net.get_params(), params[best.step])
    assert trainer.history.last_row()["validation_loss"] == best.loss
    assert trainer.best_validation == best  # equal, not lower: the best step stays


def test_restore_best_during_a_step_abandons_it():
    session = overfitting_session(snapshot_capacity=5)
    trainer = session.trainer
    for _ in range(60):
        trainer.step()
    trainer.forward()
    expected = trainer.best_params()[0]
    trainer.restore_best()
    assert trainer.phase == "ready"
    assert np.array_equal(trainer.net.get_params(), expected)


def test_patience_is_refused_without_validation_points():
    session = Session(DataSettings(train_fraction=0.7, validation_fraction=0.0))
    with pytest.raises(ValueError, match="validation share above 0 %"):
        session.set_training_settings(patience=10)
    assert session.training.patience == 0
    assert NO_VALIDATION_FOR_PATIENCE.startswith("Patience")
    with pytest.raises(ValueError, match="no best validation step"):
        session.trainer.restore_best()
    assert not session.trainer.patience_exhausted


def test_patience_is_off_when_the_validation_share_goes_to_zero():
    session = overfitting_session(patience=1)
    for _ in range(80):
        session.trainer.step()
    session.set_data_settings(validation_fraction=0.0)
    assert session.training.patience == 1  # kept, but there is nothing to watch
    assert session.trainer.best_validation is None and not session.trainer.patience_exhausted


def test_a_saved_scene_keeps_the_best_step_and_the_patience():
    session = overfitting_session(patience=40)
    for _ in range(120):
        session.trainer.step()
    loaded, _ = scene_from_dict(json.loads(json.dumps(scene_to_dict(session))))
    assert loaded.training.patience == 40
    assert loaded.trainer.best_validation == session.trainer.best_validation
