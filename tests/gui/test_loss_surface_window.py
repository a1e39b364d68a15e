"""The loss-surface dock inside the main window: View menu, hidden by default, clean close."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.main_window import MainWindow
from tests.waiting import PATIENCE_MS, PATIENCE_S

ROOT = Path(__file__).resolve().parents[2]


def test_dock_is_listed_in_the_view_menu_and_hidden_until_chosen(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dock = window.docks["Loss surface"]
    assert not dock.isVisible()
    assert dock.toggleViewAction() in window.view_menu.actions()
    window.controller.step()
    assert window.loss_surface.surface_runner.current_request is None  # hidden: no work
    dock.toggleViewAction().trigger()
    presenter = window.loss_surface
    qtbot.waitUntil(lambda: presenter.update is not None and not presenter.update.preview,
                    timeout=PATIENCE_MS)
    window.close()
    assert not presenter.surface_runner.worker_thread.isRunning()
    assert not presenter.race_runner.worker_thread.isRunning()


CLOSE_SCRIPT = """
import os, sys, threading
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6 import QtCore, QtWidgets
from gui.main_window import MainWindow
app = QtWidgets.QApplication([])
window = MainWindow()
window.show()
computing = threading.Event()  # set in the worker thread by a job's progress report
window.loss_surface.surface_runner._worker.progress.connect(
    lambda *_: computing.set(), QtCore.Qt.ConnectionType.DirectConnection)
window.loss_surface.controls.resolution_spin.setValue(101)
window.loss_surface.controls.set_mode("random")
window.docks["Loss surface"].toggleViewAction().trigger()
app.processEvents()
window.loss_surface.recompute()
window.loss_surface.start_race(3000)
assert computing.wait({patience})  # a surface job is under way on the worker thread
app.processEvents()
assert window.loss_surface.surface_runner.busy
window.close()
del window
app.processEvents()
print("clean exit")
"""


def test_closing_the_window_mid_computation_exits_cleanly():
    script = CLOSE_SCRIPT.format(root=str(ROOT), patience=PATIENCE_S)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=2 * PATIENCE_S)
    assert done.returncode == 0, done.stderr
    assert "clean exit" in done.stdout
    assert "Destroyed while thread" not in done.stderr
