"""Backprop Playground: `python app.py` (or the `backprop-playground` command) opens the window.

The options are parsed by ``gui.app_window.cli.build_parser``.

Window options:
  FILE               a scene file to open
  --preset NAME      start with another generated data set (e.g. xor, spiral, blobs, sine)
  --steps N          train N steps before the window opens
  --open-lesson ID   open a built-in lesson
  --workspace NAME   train, step-through, landscape, evaluate or compare
  --compare K=V,...  A/B runs: run B with these settings beside the scene (Compare workspace)
  --size WxH         window size (offscreen with --screenshot / --layout-report)
  --presenter 1.5|2  presenter mode at that scale
  --student          open FILE in Student mode, with its classroom locks (needs FILE)
  --screenshot PATH  draw the window, save it as a PNG and exit (docs, CI)
  --layout-report JSON  save the layout report (gui.app_window.layout_report) and exit
  --version          print "backprop-playground X.Y.Z" and exit (no Qt is imported)
  --install-desktop-entry / --uninstall-desktop-entry   (Linux) the app in the desktop's menu,
                     gui.app_window.desktop_entry
On Linux without a display (no DISPLAY / WAYLAND_DISPLAY and no QT_QPA_PLATFORM) the window is
not attempted: one line naming QT_QPA_PLATFORM=offscreen, exit 2 (Qt would abort the process).
A --screenshot or --layout-report path whose folder is missing or read-only is refused before
the window opens (one line, exit 2, like any bad argument); a write that fails later exits 1.

Headless mode (no window, offscreen):
  python app.py --lesson xor-hidden --steps 500 --export-dir out/ [--format png|svg|pdf]
                [--width 1600] [--gif]
  python app.py --scene my.json --steps 200 --export-dir out/
  python app.py --lesson xor-hidden --cv 5 --steps 300 --export-dir out/   (cv.json)
  python app.py --lesson xor-hidden --compare activation=relu,learning_rate=0.3 --export-dir out/
                (A/B runs: compare.png and summary.json with "a" and "b")
trains, then writes one figure per view plus summary.json and model.json; exit 0, or 2 with a
one-line message for a bad argument or file. ``--help`` lists the lessons.
"""

from __future__ import annotations

import argparse
import os
import sys

# Every matrix here is tiny (≤ 16 wide): BLAS worker threads only compete with the GUI thread
# (3-4x slower Play on a busy 2-core machine). Must be set before NumPy is first imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# The parser and its helpers (no Qt, no NumPy at import): gui/app_window/cli.py.
from gui.app_window.cli import (  # noqa: E402
    PRESENTER_SCALES,
    build_parser,
    display_problem,
    preset_changes,
    preset_name,
    preset_names,
    unknown_preset,
)

__all__ = ["main", "build_parser", "scene_file_error", "run_headless", "preset_names",
           "preset_name", "preset_changes", "unknown_preset"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python app.py` and the `backprop-playground` console script."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from gui.app_window.desktop_entry import run_desktop_entry

        return run_desktop_entry(install=args.install_desktop_entry)
    if args.lesson or args.scene or args.export_dir or args.gif or args.cv is not None:
        return run_headless(args)
    if args.student and not args.file:
        parser.error("--student opens a scene FILE in Student mode: give the FILE, "
                     "e.g. app.py lesson.json --student")
    offscreen = bool(args.screenshot or args.layout_report)
    if offscreen:  # "opens the window offscreen at exactly that size"
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6 import QtWidgets

    from gui.common.qt_messages import install_message_filter

    install_message_filter()  # drops Qt's offscreen "propagateSizeHints()" noise, nothing else
    app = QtWidgets.QApplication.instance()
    if app is None:
        problem = display_problem(os.environ)
        if problem:  # Qt would abort the process without a word
            print(f"error: {problem}", file=sys.stderr)
            return 2
        app = QtWidgets.QApplication(sys.argv[:1])
    _set_identity(app)

    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    controller = TrainingController()
    if args.preset:
        if not controller.set_data_settings(**preset_changes(args.preset)):
            print(f"error: {unknown_preset(args.preset)}", file=sys.stderr)
            return 2
    for _ in range(max(0, args.steps or 0)):
        controller.trainer.step()
    if offscreen:
        return _offscreen_main(app, controller, args)
    window = MainWindow(controller)
    if args.size:
        window.resize(*args.size)
    window.show()
    # autosave, crash recovery, saved geometry/layout (gui.files.scene_files / gui.files.autosave)
    window.scene_files.start(offer_recovery=not (args.no_recovery or args.file))
    window.workspaces.start()  # the last run's workspace and its layouts (QSettings)
    if args.file:
        window.scene_files.open_file(args.file, ask_to_save=False)
    if args.open_lesson:
        window.lessons_menu.load(args.open_lesson)
    if args.compare is not None:
        error = start_compare(window, args)
        if error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    if args.workspace:
        window.workspaces.apply(args.workspace)
    if args.presenter:
        window.presenter_mode.set_scale(PRESENTER_SCALES[args.presenter])
        window.presenter_mode.set_active(True)
    if args.student:
        window.student_mode.set_active(True)
    return app.exec()


def _set_identity(app) -> None:
    """Name, version, icon and desktop-file name of the application (core.app_info)."""
    from core.app_info import APP_ID, APP_NAME, app_version
    from gui.common.app_icon import app_icon

    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(app_version().number)
    app.setDesktopFileName(APP_ID)  # Wayland matches the window to backprop-playground.desktop
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")


def _offscreen_main(app, controller, args: argparse.Namespace) -> int:
    """The window offscreen (``--screenshot`` / ``--layout-report``). Nobody can click a dialog
    there, so each one is reported and closed for this run only: the answerer is removed again
    (the application outlives the run when app.main is called in-process, e.g. by tests)."""
    from gui.app_window.main_window import MainWindow
    from gui.app_window.offscreen_dialogs import DialogAnswerer

    answerer = DialogAnswerer(app)
    app.installEventFilter(answerer)
    try:
        window = MainWindow(controller)
        if args.size:
            window.resize(*args.size)
        window.show()
        return _offscreen_run(app, window, args)
    finally:
        app.removeEventFilter(answerer)
        answerer.deleteLater()


def _offscreen_run(app, window, args: argparse.Namespace) -> int:
    """--screenshot / --layout-report: the scene file or lesson, the workspace, the size and
    presenter scale, then the PNG and the JSON report; 0, or 2 for a bad scene file."""
    import json

    from gui.app_window.layout_report import layout_report, prepare_window, settle

    if args.file:  # the screenshot shows the scene file, not the default scene
        error = scene_file_error(args.file)
        if error:
            print(f"error: {error}", file=sys.stderr)
            window.close()
            return 2
        window.scene_files.open_file(args.file, ask_to_save=False)
    if args.open_lesson:
        window.lessons_menu.load(args.open_lesson)
    if args.compare is not None:
        error = start_compare(window, args)
        if error:
            print(f"error: {error}", file=sys.stderr)
            window.close()
            return 2
    size = args.size or (window.width(), window.height())
    prepare_window(window, size, args.workspace,
                   PRESENTER_SCALES[args.presenter] if args.presenter else None)
    if args.open_lesson and not args.workspace:
        window.lesson_bar.show_step_views()  # the step's views, in front of their tab groups
        settle(window)  # the lesson layout and the views fitted to it before the picture
    if args.student:  # after the workspace's designed layout, which shows its own views
        window.student_mode.set_active(True)
        app.processEvents()
    ok = True
    if args.screenshot:
        ok = window.grab().save(args.screenshot, "PNG")  # PNG whatever the file name ends in
        if not ok:
            print(f"error: cannot write {args.screenshot}: saving the PNG failed (disk full?)",
                  file=sys.stderr)
    if args.layout_report:
        try:
            with open(args.layout_report, "w", encoding="utf-8") as file:
                json.dump(layout_report(window), file, ensure_ascii=False, indent=1)
        except OSError as error:
            print(f"error: cannot write {args.layout_report}: {error.strerror or error}",
                  file=sys.stderr)
            ok = False
    window.close()
    return 0 if ok else 1


def start_compare(window, args: argparse.Namespace) -> str:
    """``--compare`` in the window: run B of the scene with the changes of ``args.compare``
    (``TrainingController.start_comparison``), both trained ``--steps`` steps, the Compare
    workspace shown (unless ``--workspace`` names another). Returns "" or the one-line
    reason B could not be made."""
    from core.comparison import ComparisonError, parse_changes

    controller = window.controller
    try:
        changes = parse_changes(args.compare)
    except ComparisonError as error:
        return " ".join(str(error).split())
    messages: list[str] = []
    controller.errorOccurred.connect(messages.append)
    try:
        started = controller.start_comparison(changes)
    finally:
        controller.errorOccurred.disconnect(messages.append)
    if not started:
        return " ".join(" ".join(messages).split())
    if args.steps:
        controller.run_steps(args.steps)
    if not args.workspace:
        window.workspaces.apply("compare")
    return ""


def scene_file_error(path: str) -> str:
    """Why ``path`` is not a usable scene file (one line), or "" when it is."""
    from core.scene import SceneError, load_scene, scene_from_dict

    try:
        scene_from_dict(load_scene(path))
    except OSError as error:
        return f"cannot read {path}: {error.strerror or error}"
    except (SceneError, ValueError, TypeError) as error:
        hint = " (to load the points of a CSV file, open the window and use File ▸ Import " \
            "CSV…)" if path.lower().endswith((".csv", ".tsv")) else ""
        return f"{path} is not a usable scene file: {' '.join(str(error).split())}{hint}"
    return ""


def run_headless(args: argparse.Namespace) -> int:
    """Train a lesson or scene without a window, export the figures and summary.json."""
    if args.file or args.preset or args.screenshot or args.layout_report or args.size \
            or args.workspace or args.presenter or args.open_lesson or args.student:
        print("error: FILE, --preset, --open-lesson, --workspace, --size, --presenter, "
              "--student, --screenshot and --layout-report open the window; they cannot be used "
              "with --lesson/--scene (see --help)", file=sys.stderr)
        return 2
    from gui.app_window.headless_figures import run_command_line

    return run_command_line(args)


if __name__ == "__main__":
    sys.exit(main())
