"""Recording training on a copy (gui.app_window.recording): the session given is never changed, the
copy is trained through its own controller, and every view of a frame has one height."""

import pickle
import threading

import numpy as np
import pytest
from PySide6 import QtCore

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from gui.export.animation import export_animation
from gui.controller import TrainingController
from gui.export.figures import native_size
from gui.app_window import recording
from gui.app_window.recording import TrainingRecorder, frame_sizes


def test_frame_sizes_give_one_height_and_keep_each_aspect():
    sizes = frame_sizes({"canvas": (570, 357), "loss_surface": (360, 164)})
    assert sizes["canvas"] == (570, 357)
    assert sizes["loss_surface"] == (round(357 * 360 / 164), 357)
    wide = {"a": (1000, 500), "b": (1000, 500)}
    assert frame_sizes(wide, max_width=806, spacing=6, min_height=100) == \
        {"a": (400, 200), "b": (400, 200)}  # the row fits 806 px with its 6-px gap
    assert frame_sizes(wide, max_width=806, spacing=6) == \
        {"a": (480, 240), "b": (480, 240)}  # but never below the 240-px minimum
    assert frame_sizes({"a": (100, 50)}, height=300) == {"a": (600, 300)}
    with pytest.raises(ValueError, match="positive"):
        frame_sizes({"a": (0, 10)})


def _session() -> Session:
    session = Session(DataSettings(preset="xor", n_points=80),
                      NetworkSettings(hidden_sizes=(4,), dropout=0.2),
                      TrainingSettings(learning_rate=0.1, optimizer="adam", batch_size=8))
    for _ in range(5):
        session.trainer.step()
    return session


def test_the_recorder_trains_a_copy_and_never_the_session(qapp, tmp_path):
    session = _session()
    before = pickle.dumps(session)
    with TrainingRecorder(session, ("canvas", "loss_curve"),
                          {"canvas": (300, 240), "loss_curve": (400, 240)}) as recorder:
        assert recorder.session is not session
        written = export_animation(recorder.frame_source(4), tmp_path / "run.gif", fps=5,
                                   frame_count=3)
        copy = recorder.session
    assert written == 3
    assert pickle.dumps(session) == before  # weights, Adam state, generators, history …
    assert copy.trainer.step_count == session.trainer.step_count + 2 * 4
    # the copy continues exactly as the session would have: same batches, dropout, updates
    for _ in range(8):
        session.trainer.step()
    np.testing.assert_array_equal(copy.net.get_params(), session.net.get_params())


def test_recorded_views_have_the_requested_plot_sizes(qapp):
    sizes = {"canvas": (330, 250), "loss_curve": (410, 250)}
    with TrainingRecorder(_session(), tuple(sizes), sizes) as recorder:
        targets = recorder.views.targets()
        assert {view_id: native_size(target) for view_id, target in targets.items()} == \
            {view_id: (float(w), float(h)) for view_id, (w, h) in sizes.items()}
        container = recorder.views.container
        assert container.testAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)


def test_run_steps_trains_then_announces_once(qapp):
    controller = TrainingController(_session())
    announced = []
    controller.stepped.connect(announced.append)  # stepped(n): the step count after them
    start = controller.trainer.step_count
    assert controller.run_steps(7) is True
    assert announced == [start + 7]


def test_run_steps_stops_at_a_divergence(qapp):
    session = Session(DataSettings(task="regression", preset="line", n_points=30),
                      NetworkSettings(hidden_sizes=()), TrainingSettings(learning_rate=100.0))
    controller = TrainingController(session)
    reports = []
    controller.diverged.connect(reports.append)
    assert controller.run_steps(500) is False
    assert session.trainer.divergence is not None and reports
    assert session.trainer.step_count < 500
    assert controller.run_steps(3) is False  # nothing more to train


def test_a_cancelled_recorder_stops_waiting_for_the_loss_surface(qapp, monkeypatch):
    """The recorded loss surface never finishes (a stand-in job that only stops when
    cancelled); with ``cancelled()`` True (the recorded window was closed) every wait for the
    surface ends at its first event-loop pass instead of after SURFACE_TIMEOUT seconds."""
    import gui.surface.dock as dock
    from core.loss_surface import Cancelled

    never = threading.Event()

    def never_done(*_args, **_kwargs):
        def job(progress):
            while progress(0.0) is not False:
                never.wait(0.001)
            raise Cancelled("stand-in")

        return job

    monkeypatch.setattr(dock, "surface_job", never_done)
    waits, asked = [], []
    real_wait = recording.OffscreenViews.wait_for_surface

    def counting_wait(self, *args, **kwargs):
        waits.append(1)
        return real_wait(self, *args, **kwargs)

    monkeypatch.setattr(recording.OffscreenViews, "wait_for_surface", counting_wait)
    sizes = {"canvas": (300, 240), "loss_surface": (300, 240)}
    with TrainingRecorder(_session(), tuple(sizes), sizes,
                          cancelled=lambda: asked.append(1) or True) as recorder:
        assert recorder.views.surface.update is None  # the surface never came
    assert waits and len(asked) == len(waits)  # one pass per wait, then it gave up
