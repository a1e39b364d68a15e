"""Play's step budget (gui.controller.TrainingController.step_budget): at full speed a tick runs
steps for at most STEP_BUDGET, less when the measured redraw and painting leave less of the
frame, never less than MIN_STEP_BUDGET; a step that would not fit waits for the next frame.
Time here is a fake clock (tests/reliability/ui.py): slow steps and slow painting are stand-ins,
so nothing depends on the machine's speed."""

import pytest

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from gui.controller import (
    MIN_STEP_BUDGET,
    REDRAW_WINDOW,
    STEP_BUDGET,
    TARGET_FRAME_SECONDS,
    TrainingController,
)
from tests.reliability.ui import steps_take


def _controller(step_seconds: float):
    session = Session(DataSettings(preset="moons", n_points=60, seed=0),
                      NetworkSettings(hidden_sizes=(4,)), TrainingSettings(batch_size=60))
    controller = TrainingController(session)
    clock = steps_take(controller, step_seconds)
    controller.set_speed(0)
    return controller, clock


def _frames(controller, clock, redraw_seconds: float, frames: int) -> list[tuple[int, float]]:
    """Run `frames` back-to-back Play ticks whose views and painting take `redraw_seconds` of
    fake time (half in the views' slots, half between ticks); (steps, step seconds) per tick."""
    controller.stepped.connect(lambda _n: setattr(clock, "now", clock.now + redraw_seconds / 2))
    controller.play()
    controller.timer.stop()  # the test drives the ticks itself
    ticks = []
    for _ in range(frames):
        before_steps, before = controller.trainer.step_count, clock.now
        controller._tick()
        steps = controller.trainer.step_count - before_steps
        ticks.append((steps, clock.now - before - redraw_seconds / 2))
        clock.now += redraw_seconds / 2  # painting, between two ticks
    controller.pause()
    return ticks


def test_a_cheap_redraw_leaves_the_whole_step_budget(qtbot):
    step = 2.0 ** -9  # binary fractions: the fake clock's sums are exact
    controller, clock = _controller(step)
    ticks = _frames(controller, clock, redraw_seconds=2 * step, frames=REDRAW_WINDOW + 3)
    fit = int(STEP_BUDGET // step)
    assert fit == 10
    assert controller.step_budget() == STEP_BUDGET
    assert all(steps == fit for steps, _ in ticks)


def test_a_step_that_would_not_fit_waits_for_the_next_frame(qtbot):
    """Steps of 0.3 budget: three fit (0.9), a fourth would end at 1.2 budgets. The old loop
    checked only after a step and so ran four, overrunning the budget by a fifth."""
    controller, clock = _controller(0.3 * STEP_BUDGET)
    ticks = _frames(controller, clock, redraw_seconds=0.0, frames=5)
    assert [steps for steps, _ in ticks] == [3] * 5
    assert max(seconds for _, seconds in ticks) <= STEP_BUDGET


def test_a_slow_redraw_gets_the_rest_of_the_frame_and_the_frame_rate_holds(qtbot):
    """Redraw + painting of 16 ms (a large window): after the first frames measure it, the
    steps get TARGET_FRAME_SECONDS − 16 ms, so a whole frame fits in the target."""
    redraw = 0.016
    step = 0.0005
    controller, clock = _controller(step)
    ticks = _frames(controller, clock, redraw_seconds=redraw, frames=REDRAW_WINDOW + 5)
    expected = TARGET_FRAME_SECONDS - redraw
    assert expected < STEP_BUDGET
    assert controller.step_budget() == pytest.approx(expected)
    first, last = ticks[0], ticks[-1]
    assert STEP_BUDGET - 0.0005 - 1e-12 <= first[1] <= STEP_BUDGET  # nothing measured yet
    assert expected - step - 1e-12 <= last[1] <= expected + 1e-12
    assert last[1] + redraw <= TARGET_FRAME_SECONDS + 1e-12


def test_a_very_slow_redraw_still_leaves_the_steps_their_floor(qtbot):
    controller, clock = _controller(MIN_STEP_BUDGET / 4)
    ticks = _frames(controller, clock, redraw_seconds=0.2, frames=REDRAW_WINDOW + 2)
    assert controller.step_budget() == pytest.approx(MIN_STEP_BUDGET)
    assert ticks[-1][0] == 4  # training still moves: four steps of a quarter of the floor


def test_a_calm_play_speed_is_not_taken_for_a_slow_redraw(qtbot):
    """Below full speed the timer waits a frame between ticks; that wait is not redraw time."""
    controller, clock = _controller(0.001)
    controller.set_speed(10.0)
    controller.play()
    controller.timer.stop()
    for _ in range(REDRAW_WINDOW + 2):
        controller._tick()
        clock.now += 1.0 / 30.0  # the timer's interval
    controller.pause()
    assert controller.step_budget() == STEP_BUDGET
