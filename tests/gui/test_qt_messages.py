"""Qt's offscreen "propagateSizeHints()" message is dropped; every other Qt message still
reaches stderr. Run in child processes: a Qt message handler is process-wide."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.waiting import PATIENCE_S

ROOT = Path(__file__).resolve().parents[2]
NOISE = "This plugin does not support propagateSizeHints()"

CHILD = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from PySide6 import QtCore, QtWidgets
from gui.common.qt_messages import install_message_filter
install_message_filter()
install_message_filter()  # twice: still one filter
app = QtWidgets.QApplication([])
window = QtWidgets.QMainWindow()
window.setCentralWidget(QtWidgets.QLabel("x"))
window.show()
window.resize(300, 200)
window.setMinimumSize(250, 150)
app.processEvents()
QtCore.qWarning({NOISE!r})
QtCore.qWarning("a real problem")
QtCore.qWarning({NOISE + " (not exactly)"!r})
"""


def _env(tmp_path: Path) -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                BACKPROP_PLAYGROUND_DATA_DIR=str(tmp_path / "app"))


def test_only_the_exact_offscreen_message_is_dropped(tmp_path):
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=tmp_path, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=PATIENCE_S)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert NOISE not in lines
    assert "a real problem" in result.stderr
    assert NOISE + " (not exactly)" in result.stderr


def test_a_screenshot_run_prints_nothing_on_stderr(tmp_path):
    """The trial's `app.py --screenshot` printed the message once per window resize."""
    result = subprocess.run([sys.executable, str(ROOT / "app.py"), "--screenshot", "s.png",
                             "--no-recovery"], cwd=tmp_path, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=2 * PATIENCE_S)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.png").exists()
    assert NOISE not in result.stderr
