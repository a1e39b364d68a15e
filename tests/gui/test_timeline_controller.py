"""The timeline's controller side: viewing a past step shows its snapshot bit for bit and
keeps the future; training from the past asks first (Continue / Return / Cancel); fixed
settings are refused by the controller, whoever asks."""

from __future__ import annotations

import numpy as np
import pytest

from core.session import Session
from core.settings import DataSettings, TrainingSettings
from gui.controller import TrainingController


@pytest.fixture
def controller(qtbot):
    c = TrainingController(Session(DataSettings(n_points=60, seed=3),
                                   training=TrainingSettings(batch_size=8, learning_rate=0.1)))
    yield c
    c.shutdown()


def _trained(c: TrainingController, steps: int = 6) -> list[np.ndarray]:
    thetas = [c.trainer.net.get_params().copy()]
    for _ in range(steps):
        c.step()
        thetas.append(c.trainer.net.get_params().copy())
    return thetas


def _state(c):
    t = c.trainer
    return (t.step_count, t.net.get_params().tobytes(), len(t.history),
            t.history.values().tobytes(), t.oldest_step)


def test_viewing_step_k_shows_its_snapshot_bit_exact_and_keeps_the_future(controller):
    c = controller
    thetas = _trained(c)
    seen = []
    c.viewedStepChanged.connect(seen.append)
    assert c.view_step(2)
    assert c.trainer.net.get_params().tobytes() == thetas[2].tobytes()
    assert c.trainer.net.get_params().tobytes() == c.trainer.snapshot_params(2).tobytes()
    assert c.trainer.step_count == 6 and c.timeline_range() == (0, 6)
    assert len(c.trainer.history) == 7
    c.return_to_present()
    assert c.trainer.net.get_params().tobytes() == thetas[6].tobytes()
    assert seen == [2, -1] and c.viewed_step is None


def test_step_from_the_past_with_cancel_changes_nothing(controller):
    c = controller
    _trained(c)
    c.view_step(3)
    before = _state(c)
    asked = []
    c.confirm_continue = lambda k, n: asked.append((k, n)) or "cancel"
    for action in (c.step, c.play, c.epoch, c.forward):
        action()
    assert not c.playing
    assert asked == [(3, 6)] * 4
    assert _state(c) == before and c.viewed_step == 3


def test_step_from_the_past_with_continue_truncates_then_steps_once(controller):
    c = controller
    thetas = _trained(c)
    reference = Session(DataSettings(n_points=60, seed=3),
                        training=TrainingSettings(batch_size=8, learning_rate=0.1)).trainer
    for _ in range(4):  # the same run: steps 1..3, then the fourth
        reference.step()
    c.view_step(3)
    c.confirm_continue = lambda k, n: "continue"
    c.step()
    assert c.viewed_step is None
    assert c.trainer.step_count == 4
    assert len(c.trainer.history) == 5
    assert c.timeline_range() == (0, 4)
    assert c.trainer.net.get_params().tobytes() == reference.net.get_params().tobytes()
    assert c.trainer.net.get_params().tobytes() == thetas[4].tobytes()  # rewind reproduces


def test_return_answer_goes_back_to_the_newest_step_without_training(controller):
    c = controller
    thetas = _trained(c)
    c.view_step(1)
    c.confirm_continue = lambda k, n: "return"
    c.step()
    assert c.viewed_step is None and c.trainer.step_count == 6
    assert c.trainer.net.get_params().tobytes() == thetas[6].tobytes()


def test_nobody_to_ask_means_cancel(controller):
    c = controller
    _trained(c, 3)
    c.view_step(0)
    before = _state(c)
    assert c.run_steps(5) is False
    assert _state(c) == before


def test_a_setting_change_returns_to_the_present_first(controller):
    c = controller
    thetas = _trained(c)
    c.view_step(2)
    assert c.set_training_settings(learning_rate=0.05)
    assert c.viewed_step is None
    assert c.trainer.net.get_params().tobytes() == thetas[6].tobytes()
    assert c.trainer.step_count == 6


def test_rewind_while_viewing_moves_the_view_back(controller):
    c = controller
    thetas = _trained(c)
    c.view_step(4)
    c.rewind(1)
    assert c.viewed_step == 3 and c.trainer.step_count == 6
    assert c.trainer.net.get_params().tobytes() == thetas[3].tobytes()


def test_viewing_is_refused_during_a_step(controller):
    c = controller
    _trained(c, 2)
    c.forward()
    errors = []
    c.errorOccurred.connect(errors.append)
    assert not c.view_step(1)
    assert errors and c.viewed_step is None


def test_timeline_range_follows_the_ring_as_training_proceeds(qtbot):
    session = Session(DataSettings(n_points=40, seed=1))
    session.trainer._ring.__init__(5, session.net.n_params)  # a short ring: 4 steps back
    session.trainer._save_snapshot()
    c = TrainingController(session)
    ranges = []
    for _ in range(7):
        c.step()
        ranges.append(c.timeline_range())
    assert ranges == [(0, 1), (0, 2), (0, 3), (0, 4), (1, 5), (2, 6), (3, 7)]
    c.shutdown()


def test_a_fixed_setting_is_refused_by_the_controller(controller):
    c = controller
    c.set_fixed_settings(["training.learning_rate", "network.hidden_sizes"])
    errors, changed = [], []
    c.errorOccurred.connect(errors.append)
    c.settingsChanged.connect(changed.append)
    assert not c.set_training_settings(learning_rate=0.5)
    assert c.session.training.learning_rate == 0.1
    assert errors and "Learning rate" in errors[0]
    assert changed == [()]
    assert not c.set_network_settings(hidden_sizes=(3,))
    assert c.set_training_settings(learning_rate=0.1, l2=0.01)  # same value: allowed
    assert c.session.training.l2 == 0.01
    c.set_fixed_settings(())
    assert c.set_training_settings(learning_rate=0.5)
