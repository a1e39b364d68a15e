"""Autosave and crash recovery with the real app in subprocesses: start it, Play until an
autosave of a trained scene was written, SIGKILL it; the next start offers to restore, and
the restored scene has exactly the points and weights of the last autosave."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

from core.scene import load_scene, scene_from_dict
from tests.reliability.test_shutdown import LAUNCHER, app_env, launch
from tests.waiting import PATIENCE_S

AUTOSAVE_MS = 300  # shortened for the test (the app's default is 30 s)


def _reader(stream, lines: list[str]) -> threading.Thread:
    def read() -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _wait(condition, timeout: float, what: str, log) -> None:
    """Poll until `condition()`; `timeout` (s) is only an upper bound against a hang."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}\n{log()}")


def _autosaved_step(path: Path) -> int:
    try:
        with open(path, encoding="utf-8") as f:
            scene = json.load(f)
        return int(scene["trainer"]["step_count"])
    except (OSError, ValueError, KeyError, TypeError):
        return -1


def test_sigkilled_app_offers_restore_with_the_last_autosave(tmp_path):
    autosave = tmp_path / "appdata" / "autosave.json"
    process = subprocess.Popen(
        [sys.executable, str(LAUNCHER), "play", "--autosave-ms", str(AUTOSAVE_MS)],
        env=app_env(tmp_path), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    out: list[str] = []
    err: list[str] = []
    readers = [_reader(process.stdout, out), _reader(process.stderr, err)]

    def log() -> str:
        return "stdout:\n" + "\n".join(out) + "\nstderr:\n" + "\n".join(err)

    try:
        _wait(lambda: "PLAYING True" in out, PATIENCE_S, "Play to start", log)
        # an autosave of a trained scene, then a later one (the app keeps saving mid-play)
        _wait(lambda: _autosaved_step(autosave) > 0, PATIENCE_S, "an autosave mid-play", log)
        first = _autosaved_step(autosave)
        _wait(lambda: _autosaved_step(autosave) > first, PATIENCE_S, "a second autosave",
              log)
        assert process.poll() is None, log()
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=PATIENCE_S)
        for reader in readers:
            reader.join(timeout=5)
    assert process.returncode == -signal.SIGKILL

    # the last autosave, as written before the kill (writes are atomic: a whole file)
    session, _views = scene_from_dict(load_scene(autosave))
    assert session.trainer.step_count > 0

    dump = tmp_path / "restored.json"
    result = launch("dump", tmp_path, "--answer", "yes", "--out", str(dump))
    report = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, report
    assert "QUESTION:" in result.stdout and "restore" in result.stdout.lower(), \
        f"the restart did not offer to restore\n{report}"
    assert "DUMPED" in result.stdout, report
    restored = json.loads(dump.read_text(encoding="utf-8"))
    np.testing.assert_array_equal(np.array(restored["X"]), session.points.X)
    np.testing.assert_array_equal(np.array(restored["y"]), session.points.y)
    np.testing.assert_array_equal(np.array(restored["train"]), session.points.train)
    np.testing.assert_array_equal(np.array(restored["params"]), session.trainer.net.get_params())
    assert restored["step"] == session.trainer.step_count
