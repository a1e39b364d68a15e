"""The GUI trains with the evaluation cadence: batch-only rows between frames, the newest row
evaluated before every ``stepped`` (gui.controller), read-outs from the newest evaluated row
(gui.app_window.status_bar), the race's final loss evaluated (gui.surface.jobs)."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from gui.app_window.status_bar import TrainingStatus
from gui.controller import PLAY_EVALUATION, STEP_BUDGET, TrainingController
from gui.surface.jobs import RaceInputs, race_job


def _session(batch_size=2):
    return Session(DataSettings(preset="moons", n_points=60, noise=0.3, seed=0),
                   NetworkSettings(hidden_sizes=(4,)),
                   TrainingSettings(batch_size=batch_size, learning_rate=0.1))


class StepClock:
    """A stand-in clock: every reading advances by a fifth of the step budget, so a Play tick
    runs a few steps whatever the machine's speed."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += STEP_BUDGET / 5
        return self.now


def test_play_ticks_evaluate_the_newest_row_once_per_frame(qtbot):
    controller = TrainingController(_session())
    trainer = controller.trainer
    assert trainer.evaluation == PLAY_EVALUATION == "cadence"
    controller.clock = StepClock()
    controller.set_speed(0)  # full speed: steps until the (fake) budget is spent
    emitted = []
    controller.stepped.connect(lambda n: emitted.append(
        (n, trainer.history.last_row()["evaluated"])))
    for _ in range(6):
        controller._tick()
    arrays = trainer.history.arrays()
    evaluated = set(arrays["step"][arrays["evaluated"] == 1.0].tolist())
    frame_ends = {n for n, _ in emitted}
    assert len(emitted) == 6 and all(flag == 1.0 for _, flag in emitted)
    assert trainer.step_count > 6 * 2  # several steps per frame
    epoch_ends = set(range(0, trainer.step_count + 1, trainer.steps_per_epoch))
    assert evaluated == {0} | frame_ends | (epoch_ends & set(arrays["step"].tolist()))


def test_step_and_epoch_leave_the_newest_row_evaluated(qtbot):
    controller = TrainingController(_session())
    trainer = controller.trainer
    controller.step()
    assert trainer.history.last_row()["evaluated"] == 1.0
    controller.run_steps(7)
    assert trainer.history.last_row()["evaluated"] == 1.0
    assert trainer.history.arrays()["evaluated"][-2] == 0.0  # a step inside the run


def test_a_replaced_session_trains_with_the_cadence_too(qtbot):
    controller = TrainingController(_session())
    other = _session()
    assert other.trainer.evaluation == "every_step"
    controller.replace_session(other)
    assert other.trainer.evaluation == "cadence"


def test_status_bar_shows_the_newest_evaluated_row_and_its_step(qtbot):
    bar = QtWidgets.QStatusBar()
    qtbot.addWidget(bar)
    status = TrainingStatus(bar)
    session = _session()
    session.set_evaluation("cadence")
    trainer = session.trainer
    for _ in range(3):
        trainer.step()  # 48 training points, batch 2: no epoch end yet, rows 1..3 batch-only
    assert trainer.history.last_row()["evaluated"] == 0.0
    status.show_trainer(trainer, True, None)
    row = trainer.history.last_evaluated_row()
    assert row["step"] == 0
    assert status.values["step"] == "step 0"
    assert "—" not in status.values["train_loss"]


def test_the_race_reports_the_evaluated_final_loss_of_a_cadence_copy():
    session = _session()
    session.set_evaluation("cadence")
    job = race_job(RaceInputs(session.trainer.copy(snapshot_capacity=1)), 5, ("sgd",))
    result = job(lambda fraction: True)
    twin = session.trainer.copy()
    for _ in range(5):
        twin.step()
    loss, _accuracy = twin.evaluate(twin.X_train, twin.y_train)
    assert result.final_loss["sgd"] == pytest.approx(loss, rel=1e-12)
    assert np.isfinite(result.final_loss["sgd"])
