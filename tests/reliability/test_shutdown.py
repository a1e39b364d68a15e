"""Clean shutdown: closing the window while playing, while a loss surface is computing, or
while an animation is being exported ends the process with exit code 0 and without
"QThread: Destroyed while thread is still running" or "already deleted" on stderr (the real
app in a subprocess); and closeEvent leaves no QTimer of the window or controller running."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from tests.reliability.ui import run_events_for
from tests.waiting import PATIENCE_S

LAUNCHER = Path(__file__).with_name("app_launcher.py")
BAD_STDERR = ("QThread: Destroyed while thread is still running", "already deleted",
              "Traceback", "Segmentation fault", "Fatal Python error")


def app_env(folder: Path) -> dict[str, str]:
    """Environment of a subprocess app: offscreen, every user folder inside `folder`."""
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "HOME": str(folder / "home"),
        "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CACHE_HOME": str(folder / "cache"), "XDG_RUNTIME_DIR": str(folder / "runtime"),
        "BACKPROP_PLAYGROUND_DATA_DIR": str(folder / "appdata"), "TMPDIR": str(folder),
        "OPENBLAS_NUM_THREADS": "1", "PYTHONFAULTHANDLER": "1",
    })
    for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                "XDG_RUNTIME_DIR"):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    os.chmod(env["XDG_RUNTIME_DIR"], 0o700)
    return env


def launch(scenario: str, folder: Path, *args: str, timeout: float = 2 * PATIENCE_S,
           extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = app_env(folder)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, str(LAUNCHER), scenario, *args], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=folder)


@pytest.mark.parametrize(("scenario", "marker"), [
    ("close-playing", "CLOSING playing=True"),
    ("close-surface", "CLOSING surface_busy=True"),
    ("close-exporting", "CLOSING exporting"),
])
def test_closing_mid_activity_exits_cleanly(tmp_path, scenario, marker):
    result = launch(scenario, tmp_path, "--out", str(tmp_path / "out.json"),
                    extra_env={"BACKPROP_PLAYGROUND_NO_RECOVERY": "1"})
    report = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert marker in result.stdout, f"the scenario did not reach its state\n{report}"
    assert result.returncode == 0, report
    assert "EXIT 0" in result.stdout, report
    for text in BAD_STDERR:
        assert text not in result.stderr, report


def _active_timers(*owners) -> list[str]:
    active = []
    for owner in owners:
        for timer in owner.findChildren(QtCore.QTimer):
            if timer.isActive():
                parent = timer.parent()
                active.append(f"{type(parent).__name__}.{timer.objectName() or 'QTimer'} "
                              f"(interval {timer.interval()} ms)")
    return active


def test_close_event_leaves_no_timer_running(window):
    controller = window.controller
    presenter = getattr(window, "loss_surface", None)
    if presenter is not None:  # a surface computing too
        window.docks["Loss surface"].show()
        run_events_for(0.05)
        presenter.recompute()
    controller.play()
    run_events_for(0.3)
    assert controller.playing
    assert _active_timers(window, controller), "nothing was running before the close"
    window.close()
    assert not controller.playing
    assert _active_timers(window, controller) == []
    if presenter is not None:
        assert not presenter.surface_runner.worker_thread.isRunning()
        assert not presenter.race_runner.worker_thread.isRunning()


def _export_and_close(window, dialogs, tmp_path, monkeypatch, close_at):
    """File ▸ Export ▸ animation (6 frames) of ``window``, which is closed at ``close_at``:
    "recorder" = once the recorder is built (the close lands in one of its event-loop passes,
    before any frame or progress dialog exists), or a frame index (from inside the frame
    source, i.e. mid-export). Returns (the export's result, indices of the frames rendered)."""
    from tests.gui.scene_helpers import export_menu_of

    menu = export_menu_of(window)
    dialogs.save_paths.append(str(tmp_path / "training.gif"))

    def six_frames(dialog):
        if isinstance(getattr(dialog, "frame_count", None), QtWidgets.QSpinBox):
            dialog.frame_count.setValue(6)

    dialogs.configure = six_frames
    rendered: list[int] = []
    record_training = menu.record_training

    def record(*args, **kwargs):
        recorder = record_training(*args, **kwargs)
        if close_at == "recorder":
            window.close()
        frame_source = recorder.frame_source

        def counting_source(*a, **k):
            source = frame_source(*a, **k)

            def frame(index):
                rendered.append(index)
                if index == close_at:
                    window.close()
                return source(index)

            return frame

        recorder.frame_source = counting_source
        return recorder

    monkeypatch.setattr(menu, "record_training", record)
    return menu.export_animation(), rendered


@pytest.mark.parametrize(("close_at", "frames_rendered"), [("recorder", []), (2, [0, 1, 2])])
def test_closing_the_window_cancels_the_animation_export(window, dialogs, tmp_path, monkeypatch,
                                                         close_at, frames_rendered):
    """Closing the window ends the export at its next frame and leaves no file; a close that
    comes before the progress dialog exists (the recorder is built first, in event-loop passes
    of its own) counts too: Qt's quit closes only windows that are open by then."""
    written, rendered = _export_and_close(window, dialogs, tmp_path, monkeypatch, close_at)
    assert not window.isVisible()
    assert written is None
    assert rendered == frames_rendered
    assert [name for name in os.listdir(tmp_path) if "training" in name] == []
    assert [kind for kind, _title, _text in dialogs.messages if kind != "question"] == []
