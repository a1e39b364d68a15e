"""Starts the real app (``app.main``) in a subprocess and drives one scenario from inside it.

Used by the shutdown and crash-recovery tests, which check the exit code and stderr of this
process. Run as ``python tests/reliability/app_launcher.py SCENARIO [options]``; the caller
sets QT_QPA_PLATFORM=offscreen and points HOME / XDG_* / BACKPROP_PLAYGROUND_DATA_DIR at a
temporary folder.

Scenarios (each starts once the event loop runs, i.e. after the window is shown and started):
- ``close-playing``: Play, then close the window mid-play.
- ``close-surface``: open the loss-surface view, start a fine surface, close while it computes.
- ``close-exporting``: record a long training animation (File ▸ Export ▸ Animation), close
  the window while frames are being written.
- ``play``: Play until killed (prints ``PLAYING`` once playing).
- ``dump``: write the current scene (points, weights, step) as JSON to ``--out``, then quit.

Message boxes never block: ``question`` answers ``--answer`` (yes/no) and prints
``QUESTION: <title>`` so the caller sees that recovery was offered; others print ``MESSAGE``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)


def say(text: str) -> None:
    print(text, flush=True)


def patch_dialogs(answer_yes: bool, out_dir: str) -> None:
    from PySide6 import QtWidgets

    box = QtWidgets.QMessageBox

    def question(parent, title, text, *args, **kwargs):
        say(f"QUESTION: {title} | {text!r}")
        return box.StandardButton.Yes if answer_yes else box.StandardButton.No

    def message(parent, title, text, *args, **kwargs):
        say(f"MESSAGE: {title} | {text!r}")
        return box.StandardButton.Ok

    box.question = staticmethod(question)
    for name in ("information", "warning", "critical"):
        setattr(box, name, staticmethod(message))
    QtWidgets.QFileDialog.getSaveFileName = staticmethod(
        lambda *a, **k: (os.path.join(out_dir, "training.gif"), ""))

    def accept(dialog, *args):  # settings dialogs: a long animation, the defaults otherwise
        frames = getattr(dialog, "frame_count", None)
        if isinstance(frames, QtWidgets.QSpinBox):
            frames.setValue(min(frames.maximum(), 500))
        dialog.accept()
        return QtWidgets.QDialog.DialogCode.Accepted

    QtWidgets.QDialog.exec = accept


def main_window():
    from PySide6 import QtWidgets

    from gui.app_window.main_window import MainWindow

    for widget in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    raise RuntimeError("no main window")


def scenario(name: str, out: str | None) -> None:
    from PySide6 import QtCore, QtWidgets

    window = main_window()
    controller = window.controller
    if name == "close-playing":
        controller.play()
        QtCore.QTimer.singleShot(600, lambda: (say(f"CLOSING playing={controller.playing}"),
                                               window.close()))
    elif name == "close-surface":
        presenter = window.loss_surface
        dock = window.docks["Loss surface"]
        dock.show()
        dock.raise_()
        QtWidgets.QApplication.processEvents()
        spin = presenter.controls.resolution_spin
        spin.setValue(spin.maximum())  # the finest grid: still computing when the window closes
        presenter.recompute()

        def close_when_busy(tries=[0]):  # noqa: B006 - a counter across calls
            busy = presenter.surface_runner.busy
            if busy or tries[0] > 200:
                say(f"CLOSING surface_busy={busy}")
                window.close()
                return
            tries[0] += 1
            QtCore.QTimer.singleShot(5, close_when_busy)

        QtCore.QTimer.singleShot(0, close_when_busy)
    elif name == "close-exporting":
        export_menu = window.export_menu
        QtCore.QTimer.singleShot(1500, lambda: (say("CLOSING exporting"), window.close()))
        say("EXPORTING")
        start = time.perf_counter()
        written = export_menu.export_animation()
        say(f"EXPORT RETURNED {written} after {time.perf_counter() - start:.1f} s")
    elif name == "play":
        controller.play()
        say(f"PLAYING {controller.playing}")
    elif name == "dump":
        session = controller.session
        data = {"X": session.points.X.tolist(), "y": session.points.y.tolist(),
                "train": session.points.train.tolist(),
                "params": session.trainer.net.get_params().tolist(),
                "step": session.trainer.step_count}
        with open(out, "w", encoding="utf-8") as f:
            json.dump(data, f)
        say("DUMPED")
        window.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--out")
    parser.add_argument("--answer", choices=("yes", "no"), default="yes")
    parser.add_argument("--autosave-ms", type=int, default=0)
    args = parser.parse_args()
    from PySide6 import QtCore, QtWidgets

    import app

    qt_app = QtWidgets.QApplication(sys.argv[:1])
    out_dir = os.path.dirname(args.out) if args.out else os.environ.get("TMPDIR", "/tmp")
    patch_dialogs(args.answer == "yes", out_dir)
    if args.autosave_ms:
        import gui.files.autosave

        gui.files.autosave.AUTOSAVE_MS = args.autosave_ms
    QtCore.QTimer.singleShot(0, lambda: scenario(args.scenario, args.out))
    code = app.main([])
    say(f"EXIT {code}")
    del qt_app
    return code


if __name__ == "__main__":
    sys.exit(main())
