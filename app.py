"""Backprop Playground: `python app.py` (or the `backprop-playground` command) opens the window.

Window options:
  --preset NAME      start with another generated data set (e.g. xor, spiral, blobs, sine)
  --steps N          train N steps before the window opens
  --screenshot PATH  draw the window, save it as a PNG and exit (docs, CI)

Headless mode (no window): with ``--lesson ID`` or ``--scene FILE`` the command line of
``core.headless`` is used (train, then write figures and a summary; see ``--lesson x --help``).
"""

from __future__ import annotations

import argparse
import os
import sys

# Every matrix here is tiny (≤ 16 wide): BLAS worker threads only compete with the GUI thread
# (3-4x slower Play on a busy 2-core machine). Must be set before NumPy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="backprop-playground",
        description="Watch a neural network learn, step by step. (Headless figures: "
                    "--lesson ID or --scene FILE, see core.headless.)")
    parser.add_argument("--preset", help="generated data set to start with (default: circle)")
    parser.add_argument("--steps", type=int, default=0,
                        help="training steps to run before showing the window")
    parser.add_argument("--screenshot", metavar="PATH",
                        help="save a PNG of the window and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python app.py` and the `backprop-playground` console script."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if any(arg.split("=")[0] in HEADLESS_OPTIONS for arg in argv):
        return run_headless(argv)
    args = build_parser().parse_args(argv)
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    app.setApplicationName("Backprop Playground")
    app.setOrganizationName("Backprop Playground")
    app.setStyle("Fusion")

    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    from gui.controller import TrainingController
    from gui.main_window import MainWindow

    controller = TrainingController()
    if args.preset:
        if not controller.set_data_settings(**preset_changes(args.preset)):
            print(f"unknown preset {args.preset!r}", file=sys.stderr)
            return 2
    for _ in range(max(0, args.steps)):
        controller.trainer.step()
    window = MainWindow(controller)
    window.show()
    if args.screenshot:
        app.processEvents()
        window.flush()
        app.processEvents()
        ok = window.grab().save(args.screenshot)
        window.close()
        return 0 if ok else 1
    return app.exec()


HEADLESS_OPTIONS = ("--lesson", "--scene")


def run_headless(argv: list[str]) -> int:
    """Train a lesson or scene without a window and export figures (core.headless CLI)."""
    from core.headless import make_parser
    from gui.headless_export import run_command_line

    return run_command_line(make_parser().parse_args(argv))


def preset_changes(name: str) -> dict:
    """Data-setting changes that select generator `name` (its task included)."""
    from core.datasets import GENERATORS

    spec = GENERATORS.get(name)
    if spec is None:
        return {"preset": name}
    return {"task": spec.task, "preset": name}


if __name__ == "__main__":
    sys.exit(main())
