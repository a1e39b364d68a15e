"""Trainer.copy (and Session.copy / copy.deepcopy, which go through it): a copy's steps are bit
for bit the steps of the original, and nothing done to the copy reaches the original."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import TrainingDiverged
from tests.nested_equal import assert_same


def _session(**training) -> Session:
    return Session(DataSettings(preset="spiral", n_points=80, seed=1),
                   NetworkSettings(hidden_sizes=(6, 4), dropout=0.2, seed=5),
                   TrainingSettings(**training))


def _state(trainer) -> dict:
    """Everything a copy must not change, as plain comparable values."""
    return {"params": trainer.net.get_params(), "phase": trainer.phase,
            "step": trainer.step_count, "epoch": trainer.epoch_count,
            "history": trainer.history.arrays(), "norms": trainer.grad_norm_history.arrays(),
            "net_rng": trainer.net.rng.bit_generator.state,
            "sampler": copy.deepcopy(trainer._sampler.state()),
            "optimizer": trainer.optimizer.state_dict(), "settings": trainer.settings,
            "trajectory": trainer.trajectory()}


@pytest.mark.parametrize("snapshot_capacity", [None, 1])
@pytest.mark.parametrize("training", [
    {"optimizer": "adam", "batch_size": 8, "l2": 0.01, "clip_norm": 0.5},
    {"optimizer": "momentum", "batch_size": 0},
])
def test_a_copy_steps_exactly_as_the_original_and_leaves_it_alone(training, snapshot_capacity):
    original = _session(**training).trainer
    for _ in range(3):
        original.step()
    original.forward()  # a step in progress is copied too
    before = _state(original)
    twin = original.copy(snapshot_capacity=snapshot_capacity)
    for _ in range(5):
        twin.step()
    assert_same(_state(original), before)
    for _ in range(5):
        original.step()
    assert np.array_equal(twin.net.get_params(), original.net.get_params())
    assert_same(twin.history.arrays(), original.history.arrays())
    assert twin.net.rng.bit_generator.state == original.net.rng.bit_generator.state
    assert_same(twin.optimizer.state_dict(), original.optimizer.state_dict())


def test_a_full_batch_step_in_progress_survives_a_deep_copy_of_the_session():
    """The full-batch marker is compared by identity: a plain deepcopy used to lose it, and the
    copy of a session after Forward then failed in Backward (the animation export's copy)."""
    session = _session(optimizer="sgd", batch_size=0)
    session.trainer.forward()
    for twin in (session.copy(), copy.deepcopy(session)):
        assert twin.trainer is not session.trainer and twin.net is not session.net
        twin.trainer.step()
    session.trainer.step()
    assert np.array_equal(twin.net.get_params(), session.net.get_params())


def test_a_short_copy_keeps_only_the_snapshot_it_needs():
    original = _session(batch_size=8).trainer
    for _ in range(6):
        original.step()
    twin = original.copy(snapshot_capacity=2)
    assert twin.oldest_step == 6 and original.oldest_step == 0
    twin.step()
    twin.step()
    twin.step()
    assert twin.rewind(5) == 7  # at most 2 of its own steps back
    with pytest.raises(ValueError, match="snapshot_capacity must be >= 1"):
        original.copy(snapshot_capacity=0)


def test_a_copy_that_diverges_restores_its_own_parameters_only():
    original = _session(learning_rate=1.0).trainer
    original.step()
    before = _state(original)
    twin = original.copy(snapshot_capacity=1)
    twin.set_learning_rate(1e300)
    with pytest.raises(TrainingDiverged):
        for _ in range(5):
            twin.step()
    assert np.array_equal(twin.net.get_params(), twin.trajectory()[1][-1])
    assert_same(_state(original), before)
