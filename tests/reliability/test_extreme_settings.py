"""Extreme settings never crash the window: 8 hidden layers × 16 neurons, 10,000 points, batch
size 1 at full speed, η = 10 with relu, and L2 rate 10 with η = 1. A long Epoch runs in slices
with the event loop in between (shown with a fake clock: every step "takes" a fixed time, so
the slicing is the same on any machine). Frame times of these settings are measured by
``python benchmarks/bench_play.py --extremes``, not asserted here."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6 import QtCore

from gui.controller import EPOCH_BLOCK_SECONDS, STEP_BUDGET
from tests.reliability.ui import play_ticks, responds, steps_take, unmarked_non_finite
from tests.waiting import PATIENCE_MS

#: name → (data, network, training) settings changes.
EXTREMES = {
    "8x16 hidden": ({}, {"hidden_sizes": (16,) * 8}, {}),
    "10000 points": ({"n_points": 10_000}, {}, {}),
    "batch 1 full speed": ({}, {}, {"batch_size": 1}),
    "eta 10 relu": ({}, {"activation": "relu"}, {"learning_rate": 10.0}),
    "L2 10 eta 1": ({}, {}, {"learning_rate": 1.0, "l2": 10.0}),
}
#: Fake time one training step takes in the Epoch tests: four steps fill a Play tick's budget.
STEP_COST = STEP_BUDGET / 4


def apply_extreme(controller, name: str) -> None:
    data, network, training = EXTREMES[name]
    if data:
        assert controller.set_data_settings(**data)
    if network:
        assert controller.set_network_settings(**network)
    if training:
        assert controller.set_training_settings(**training)
    controller.set_speed(0)  # as fast as possible


def _check_window(qtbot, window) -> None:
    trainer = window.controller.trainer
    assert trainer.history.last_step == trainer.step_count
    assert np.isfinite(trainer.net.get_params()).all()
    diverged = trainer.divergence is not None and window.banner.isVisible()
    assert not unmarked_non_finite(window, diverged)
    assert responds(qtbot, window)


@pytest.mark.parametrize("name", list(EXTREMES))
def test_extreme_setting_plays_without_crashing(qtbot, window, name):
    apply_extreme(window.controller, name)
    ticks = play_ticks(window.controller, 5, reset_on_divergence=True)
    assert ticks == 5, f"only {ticks} Play ticks ran"
    assert window.controller.trainer.step_count > 0 or window.controller.divergence is None
    _check_window(qtbot, window)


def _run_epoch(qtbot, window, timeout_ms: int = PATIENCE_MS):
    """Press Epoch with a slow trainer (STEP_COST of fake time per step) and wait until it
    ends (``timeout_ms``: only an upper bound against a hang). Returns (step count at each redraw, step count when a timer queued just before
    Epoch ran)."""
    controller = window.controller
    trainer = controller.trainer
    steps_take(controller, STEP_COST)
    slices: list[int] = []
    controller.stepped.connect(slices.append)  # stepped(n): the step count after the slice
    queued: list[int] = []
    QtCore.QTimer.singleShot(0, lambda: queued.append(trainer.step_count))
    window.step_toolbar.epoch_action.trigger()
    qtbot.waitUntil(lambda: not controller.playing and bool(queued), timeout=timeout_ms)
    return slices, queued


def _check_slices(slices: list[int], steps: int) -> None:
    """The epoch ran as one block of at most EPOCH_BLOCK_SECONDS, then Play ticks of at most
    STEP_BUDGET each (of fake time), with a redraw after each."""
    sizes = np.diff([0, *slices])
    first_block = math.ceil(EPOCH_BLOCK_SECONDS / STEP_COST + 1e-9)
    per_tick = math.ceil(STEP_BUDGET / STEP_COST + 1e-9)
    assert slices[-1] == steps and (sizes > 0).all()
    assert sizes[0] <= first_block, f"Epoch blocked for {sizes[0]} steps at once"
    assert sizes[1:].max() <= per_tick, f"a tick ran {sizes[1:].max()} steps"
    assert len(slices) >= 1 + math.ceil((steps - first_block) / per_tick)


def test_a_long_epoch_runs_in_slices_with_the_event_loop_in_between(qtbot, window):
    """Batch size 1 on the default 350 training points: 350 steps of 5 ms (fake) take 1.75 s,
    far longer than a frame. A timer queued before Epoch runs mid-epoch, and no slice between
    two passes of the event loop is longer than its budget."""
    controller = window.controller
    assert controller.set_training_settings(batch_size=1)
    trainer = controller.trainer
    steps = trainer.steps_per_epoch
    slices, queued = _run_epoch(qtbot, window)
    assert trainer.epoch_count == 1 and trainer.step_count == steps
    assert trainer.history.last_step == steps
    assert 0 < queued[0] < steps, "the event loop did not run before the epoch ended"
    _check_slices(slices, steps)
    assert responds(qtbot, window)


@pytest.mark.slow
def test_epoch_at_batch_size_1_on_10000_points_keeps_the_window_responsive(qtbot, window):
    """An epoch of 7,000 single-sample steps (each also evaluating 10,000 points for the
    history): it runs in budgeted slices to its end and the history stays complete."""
    controller = window.controller
    apply_extreme(controller, "10000 points")
    assert controller.set_training_settings(batch_size=1)
    trainer = controller.trainer
    steps = trainer.steps_per_epoch
    assert steps == 7000
    # 7,000 real steps that each evaluate 10,000 points: minutes on a loaded machine
    slices, queued = _run_epoch(qtbot, window, timeout_ms=30 * PATIENCE_MS)
    assert trainer.epoch_count == 1 and trainer.step_count == steps
    assert not controller.playing
    assert trainer.history.last_step == trainer.step_count
    assert 0 < queued[0] < steps
    _check_slices(slices, steps)


def test_a_long_epoch_ends_by_itself_at_the_epoch_end_and_pause_stops_it(qtbot, window):
    controller = window.controller
    trainer = controller.trainer
    assert controller.set_training_settings(batch_size=1)
    steps = trainer.steps_per_epoch  # 350 single-sample steps of 5 ms (fake): many frames
    steps_take(controller, STEP_COST)
    window.step_toolbar.epoch_action.trigger()
    assert controller.playing  # went on in Play ticks after its first block
    controller.toggle_play()  # Pause stops it early, mid-epoch
    assert not controller.playing
    assert trainer.epoch_count == 0 and 0 < trainer.step_count < steps
    window.step_toolbar.epoch_action.trigger()  # Epoch again finishes the same epoch
    qtbot.waitUntil(lambda: not controller.playing, timeout=PATIENCE_MS)
    assert trainer.epoch_count == 1
    assert trainer.step_count == steps
    assert trainer.history.last_step == steps
