"""The loss-surface dock inside the main window: View menu, hidden by default, clean close."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.app_window.main_window import MainWindow
from tests.waiting import PATIENCE_MS

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
import os, sys, threading, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6 import QtWidgets
import gui.surface.dock as dock
from gui.app_window.main_window import MainWindow

# The real surface job, held at its first progress report until it is cancelled: the window
# closes mid-computation however fast this machine computes.
started = threading.Event()
real_job = dock.surface_job
def held_job(*args, **kwargs):
    job = real_job(*args, **kwargs)
    def run(progress):
        def held(fraction):
            started.set()
            while progress(fraction) is not False:
                time.sleep(0.005)
            return False
        return job(held)
    return run
dock.surface_job = held_job

app = QtWidgets.QApplication([])
window = MainWindow()
window.show()
window.loss_surface.controls.resolution_spin.setValue(101)
window.loss_surface.controls.set_mode("random")
window.docks["Loss surface"].toggleViewAction().trigger()
app.processEvents()
window.loss_surface.recompute()
window.loss_surface.start_race(3000)
assert started.wait(60), "the surface job did not start"
app.processEvents()
assert window.loss_surface.surface_runner.busy
window.close()
del window
app.processEvents()
print("clean exit")
"""


def test_closing_the_window_mid_computation_exits_cleanly():
    done = subprocess.run([sys.executable, "-c", CLOSE_SCRIPT.format(root=str(ROOT))],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "clean exit" in done.stdout
    assert "Destroyed while thread" not in done.stderr
