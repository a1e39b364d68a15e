"""On Linux without a display, opening the window is not attempted (Qt would abort the process
with a core dump): one line naming QT_QPA_PLATFORM=offscreen, exit status 2."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.app_window.cli import HEADLESS_HINT, display_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("environ, problem", [
    ({}, "neither DISPLAY nor WAYLAND_DISPLAY is set"),
    ({"QT_QPA_PLATFORM": ""}, "neither DISPLAY nor WAYLAND_DISPLAY is set"),
    ({"QT_QPA_PLATFORM": "xcb"}, "DISPLAY is not set"),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "DISPLAY is not set"),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "WAYLAND_DISPLAY is not set"),
    ({"DISPLAY": ":0"}, ""),
    ({"WAYLAND_DISPLAY": "wayland-0"}, ""),
    ({"QT_QPA_PLATFORM": "offscreen"}, ""),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, ""),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, ""),
])
def test_which_environments_have_no_display(environ, problem):
    text = display_problem(environ, "linux")
    if problem:
        assert problem in text and HEADLESS_HINT in text and "\n" not in text
    else:
        assert text == ""


def test_only_linux_is_checked():
    assert display_problem({}, "win32") == display_problem({}, "darwin") == ""


def test_the_window_without_a_display_says_how_to_run_headless(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"),
               BACKPROP_PLAYGROUND_DATA_DIR=str(tmp_path / "app"))
    result = subprocess.run([sys.executable, str(ROOT / "app.py"), "--no-recovery"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: no display to open the window on")
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr and result.stderr.count("\n") == 1
