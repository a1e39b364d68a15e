"""The app's command line: one argparse parser for the window and the headless runs, and the
headless run's one-line report.

``python app.py [FILE] [--preset NAME] [--steps N] [--open-lesson ID] [--workspace NAME]
[--size WxH] [--presenter 1.5|2] [--student] [--screenshot PNG] [--layout-report JSON]`` opens
the window (with ``--size``, ``--screenshot`` or ``--layout-report``: offscreen, at exactly that
size, and exits after saving the screenshot and the report of ``gui.app_window.layout_report``;
with ``--student``: FILE in Student mode, with its classroom locks; FILE is required);
``python app.py --lesson ID | --scene FILE [--steps N] [--export-dir DIR] [--format png|svg|pdf]
[--width PX] [--gif] [--cv K] [--compare KEY=VALUE[,…]]`` trains without a window (with
``--cv K``: k-fold cross-validation instead, ``core.headless.run_cross_validation_headless``,
writing cv.json; with ``--compare``: A/B runs, ``core.headless.run_compare_headless``, writing
compare.png and summary.json with "a" and "b"):
the lesson runner is
``core.headless.run_headless`` (no argparse in ``core``), the figures come from
``gui.app_window.headless_figures``. Any argument error is one line on stderr and exit status 2.
That includes a ``--screenshot``/``--layout-report`` path that cannot be written (its folder
is missing or read-only, or it is a folder): it is refused while parsing, before the window is
built; a write that still fails later (a full disk) is one line and exit status 1.

``--version`` prints ``core.app_info.version_line()`` and exits 0 (no Qt imported);
``--install-desktop-entry`` / ``--uninstall-desktop-entry`` run
``gui.app_window.desktop_entry.run_desktop_entry``; :func:`display_problem` says why the window
cannot open (Linux without a display) before Qt would abort the process.

Importing this module imports no Qt (and no NumPy: ``app.py`` sets the BLAS thread count
first); the window, the figures and the engine are imported only when needed.
"""

from __future__ import annotations

import argparse
import os
import sys

from core.workspace_names import WORKSPACES

__all__ = ["build_parser", "run_cli", "display_problem", "HEADLESS_HINT", "preset_names",
           "preset_name", "unknown_preset",
           "preset_changes", "FORMATS", "DEFAULT_WIDTH", "window_size", "workspace_name",
           "lesson_id", "output_file", "PRESENTER_SCALES", "MIN_WINDOW", "compare_pairs"]

FORMATS = ("png", "svg", "pdf")
"""Figure formats of ``--format``."""
DEFAULT_WIDTH = 1600
"""``--width`` when not given (pixels)."""
DEFAULT_EXPORT_DIR = "out"
PRESENTER_SCALES = {"1.5": 1.5, "2": 2.0}
"""``--presenter`` values → presenter-mode font scale."""
MIN_WINDOW = (640, 480)
"""Smallest ``--size`` (pixels): the window cannot lay its views out in less."""
MAX_WINDOW = 8192


def window_size(text: str) -> tuple[int, int]:
    """argparse type of ``--size``: "WxH" (e.g. 1440x900) with W ≥ 640, H ≥ 480, both ≤ 8192."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        raise argparse.ArgumentTypeError(f"--size must look like 1440x900, got {text!r}")
    width, height = (int(part) for part in parts)
    if not (MIN_WINDOW[0] <= width <= MAX_WINDOW and MIN_WINDOW[1] <= height <= MAX_WINDOW):
        raise argparse.ArgumentTypeError(
            f"--size {text} is out of range: from {MIN_WINDOW[0]}x{MIN_WINDOW[1]} "
            f"to {MAX_WINDOW}x{MAX_WINDOW}")
    return width, height


def output_file(path: str) -> str:
    """argparse type of ``--screenshot`` and ``--layout-report``: a file that can be written.
    ArgumentTypeError (one line, exit status 2) naming the reason when its folder does not
    exist or is not writable, or when the path is a folder."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise argparse.ArgumentTypeError(f"cannot write {path}: it is a folder")
    if not os.path.isdir(folder):
        raise argparse.ArgumentTypeError(f"cannot write {path}: the folder {folder} does not "
                                         f"exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise argparse.ArgumentTypeError(f"cannot write {path}: no permission to write in "
                                         f"{folder}")
    return path


def workspace_name(name: str) -> str:
    """argparse type of ``--workspace``: an unknown name lists the known ones."""
    from core.workspace_names import check_workspace

    try:
        return check_workspace(name)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def lesson_id(name: str) -> str:
    """argparse type of ``--open-lesson``: an unknown id lists the lessons."""
    from core.lessons import lesson_ids

    ids = lesson_ids()
    if name not in ids:
        raise argparse.ArgumentTypeError(f"unknown lesson {name!r}; lessons: {', '.join(ids)}")
    return name


def compare_pairs(text: str) -> dict[str, str]:
    """argparse type of ``--compare``: "KEY=VALUE[,KEY=VALUE…]" → {key: value text}, in order.
    Only the form is checked here (ArgumentTypeError: one line, exit status 2); the keys and
    values are checked by the engine (``core.comparison.parse_changes``). Lists inside a
    value are written with "/" (``hidden_sizes=4/4``)."""
    pairs: dict[str, str] = {}
    for part in str(text).split(","):
        key, equals, value = part.partition("=")
        key = key.strip()
        if not equals or not key:
            raise argparse.ArgumentTypeError(
                f"--compare wants KEY=VALUE pairs separated by commas (e.g. "
                f"activation=relu,learning_rate=0.3), got {part.strip()!r}")
        if key in pairs:
            raise argparse.ArgumentTypeError(f"--compare names {key!r} twice")
        pairs[key] = value.strip()
    return pairs


def build_parser(prog: str = "app.py") -> argparse.ArgumentParser:
    """The parser of ``app.py`` (and the ``backprop-playground`` command): the headless options
    ``--lesson``, ``--scene``, ``--steps``, ``--export-dir``, ``--format``, ``--width``,
    ``--gif`` (``--help`` lists the lessons) and the window's ``FILE``, ``--preset``,
    ``--screenshot``, ``--no-recovery``. A bad argument prints one line on stderr and exits
    with status 2."""
    from core.headless import DEFAULT_SCENE_STEPS, lessons_help

    parser = argparse.ArgumentParser(
        prog=prog, formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Backprop Playground: watch a neural network learn, step by step. Without --lesson "
            "or --scene the window opens (optionally with a scene FILE); with one of them it "
            "trains headlessly, offscreen, and writes one figure per view plus summary.json "
            "and model.json to --export-dir."),
        epilog="lessons:\n" + lessons_help())
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--lesson", metavar="ID", help="a built-in lesson (listed below)")
    source.add_argument("--scene", metavar="FILE", help="a scene file saved by the app")
    parser.add_argument("--steps", type=int, metavar="N",
                        help=f"training steps (default: the lesson's own, or "
                             f"{DEFAULT_SCENE_STEPS} for a scene)")
    parser.add_argument("--export-dir", metavar="DIR", help="folder for figures, model.json and "
                                                              "summary.json (default: out)")
    parser.add_argument("--format", choices=FORMATS, default="png", help="figure format")
    parser.add_argument("--width", type=int, default=DEFAULT_WIDTH, metavar="PX",
                        help=f"figure width in pixels (default {DEFAULT_WIDTH})")
    parser.add_argument("--gif", action="store_true", help="also write an animation of training")
    parser.add_argument("--cv", type=int, metavar="K",
                        help="k-fold cross-validation (K = 2..10) of the lesson's or scene's "
                             "settings instead of one run, --steps per fold; writes cv.json "
                             "(and cv.png)")
    parser.add_argument("--compare", type=compare_pairs, metavar="KEY=VALUE[,KEY=VALUE…]",
                        help="A/B runs: train the lesson or scene (A) and a copy with these "
                             "settings changed (B) from the same start, e.g. "
                             "activation=relu,learning_rate=0.3 (lists with /: "
                             "hidden_sizes=4/4); writes compare.png and summary.json with "
                             "\"a\" and \"b\"")
    window = parser.add_argument_group("window options")
    window.add_argument("file", nargs="?", metavar="FILE", help="scene file to open in the window")
    window.add_argument("--preset", metavar="NAME", type=preset_name,
                        help=f"generated data set to start with: {', '.join(preset_names())} "
                             "(default: circle)")
    window.add_argument("--open-lesson", metavar="ID", type=lesson_id,
                        help="open the window with a built-in lesson (listed below)")
    window.add_argument("--workspace", metavar="NAME", type=workspace_name,
                        help=f"workspace to show: {', '.join(WORKSPACES)}")
    window.add_argument("--size", metavar="WxH", type=window_size,
                        help="window size in pixels, e.g. 1440x900 (offscreen)")
    window.add_argument("--presenter", choices=tuple(PRESENTER_SCALES),
                        help="presenter mode at this font scale")
    window.add_argument("--student", action="store_true",
                        help="open FILE in Student mode, with the scene's classroom locks "
                             "(needs FILE)")
    window.add_argument("--screenshot", metavar="PATH", type=output_file,
                        help="save a PNG of the window and exit (its folder must exist)")
    window.add_argument("--layout-report", metavar="JSON", type=output_file,
                        help="save a JSON report of the layout (view sizes, cut-off texts, "
                             "overlaps, scrolling) and exit")
    window.add_argument("--no-recovery", action="store_true",
                        help="do not offer to restore the autosave after a crash")
    install = parser.add_argument_group("installation (Linux desktops)")
    entry = install.add_mutually_exclusive_group()
    entry.add_argument("--install-desktop-entry", action="store_true",
                       help="add the app and its icon to the desktop's menu (files under "
                            "$XDG_DATA_HOME, by default ~/.local/share) and exit")
    entry.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="remove exactly the files --install-desktop-entry wrote and exit")
    from core.app_info import version_line

    parser.add_argument("--version", action="version", version=version_line(),
                        help="print the name and version and exit")

    def one_line_error(message: str):
        print(f"error: {' '.join(message.split())} (see --help)", file=sys.stderr)
        sys.exit(2)

    parser.error = one_line_error
    return parser


def run_cli(args: argparse.Namespace, export_views=None, stdout=None, stderr=None,
            export_cv_figure=None, export_compare_figure=None, export_figure=None) -> int:
    """Run ``core.headless.run_headless`` for parsed ``args`` (``--lesson``/``--scene``,
    ``--steps``, ``--export-dir``; ``export_views(session, folder)`` writes the figures,
    ``export_figure(view_id, state, folder)`` those of ``core.headless.lesson_figures``) and
    print a one-line result; with ``--cv K`` run
    ``core.headless.run_cross_validation_headless`` instead (``export_cv_figure(result,
    folder)`` writes the fold curves). Returns the exit status: 0 on success, 2 on a bad
    argument or file (one line on stderr)."""
    from core.headless import run_headless

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    folder = args.export_dir or DEFAULT_EXPORT_DIR
    if getattr(args, "compare", None) is not None:
        return _run_compare(args, folder, export_compare_figure, stdout, stderr)
    if getattr(args, "cv", None) is not None:
        return _run_cv(args, folder, export_cv_figure, stdout, stderr)
    try:
        if args.width is not None and not 16 <= args.width <= 20_000:
            raise ValueError(f"--width must be between 16 and 20000 pixels, got {args.width}")
        summary = run_headless(lesson=args.lesson, scene_path=args.scene, steps=args.steps,
                               export_dir=folder, export_views=export_views,
                               export_figure=export_figure)
    except (ValueError, OSError) as error:
        message = " ".join(str(error).split())  # one line
        print(f"error: {message}", file=stderr)
        return 2
    accuracy = summary["test_accuracy"]
    extra = "" if accuracy is None else f", test accuracy {accuracy:.3f}"
    divergence = summary["divergence"]
    diverged = "" if divergence is None else \
        f" (diverged at step {divergence['step']}: {divergence['cause']})"
    print(f"trained {summary['steps_run']} steps{diverged}"
          f"{extra}; wrote {', '.join(summary['files'])} to {folder}", file=stdout)
    return 0


def _run_cv(args, folder, export_figure, stdout, stderr) -> int:
    """``--cv K``: cross-validate, write cv.json (+ figure), print one line; 0 or 2."""
    from core.headless import run_cross_validation_headless
    from gui.common.number_format import number

    try:
        if args.gif:
            raise ValueError("--gif cannot be used with --cv")
        data = run_cross_validation_headless(args.cv, lesson=args.lesson,
                                             scene_path=args.scene, steps=args.steps,
                                             export_dir=folder, export_figure=export_figure)
    except (ValueError, OSError) as error:
        print(f"error: {' '.join(str(error).split())}", file=stderr)
        return 2
    loss, spread = data["mean"]["val_loss"][-1], data["std"]["val_loss"][-1]
    final = "n/a" if loss is None or spread is None else f"{number(loss, 4)} ± {number(spread, 2)}"
    print(f"cross-validated {data['k']} folds × {data['steps']} steps, final validation loss "
          f"{final}; wrote {', '.join(data['files'])} to {folder}", file=stdout)
    return 0


#: The variable a headless run sets; named in the no-display message.
HEADLESS_HINT = "QT_QPA_PLATFORM=offscreen"


def display_problem(environ, platform: str = sys.platform) -> str:
    """Why the window cannot open here (one line naming ``QT_QPA_PLATFORM=offscreen`` for
    headless use), or "" when it can. Only Linux is checked: without a display Qt's xcb or
    wayland platform aborts the whole process (exit status 134, a core dump) before Python can
    say anything. ``environ`` is a mapping like ``os.environ``; the platform of
    ``QT_QPA_PLATFORM`` (the part before ":") decides which display is needed: xcb needs
    ``DISPLAY``, wayland needs ``WAYLAND_DISPLAY``, none given needs either; others (offscreen,
    vnc, eglfs, …) need none."""
    if not platform.startswith("linux"):
        return ""
    qpa = (environ.get("QT_QPA_PLATFORM") or "").split(":")[0].strip().lower()
    has_x = bool(environ.get("DISPLAY"))
    has_wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if qpa == "xcb":
        missing = "" if has_x else "DISPLAY is not set"
    elif qpa.startswith("wayland"):
        missing = "" if has_wayland else "WAYLAND_DISPLAY is not set"
    elif qpa:
        missing = ""
    else:
        missing = "" if has_x or has_wayland else "neither DISPLAY nor WAYLAND_DISPLAY is set"
    if not missing:
        return ""
    return (f"no display to open the window on ({missing}). For headless use, set "
            f"{HEADLESS_HINT} (e.g. with --screenshot PNG), or train without a window with "
            f"--lesson ID --export-dir DIR (see --help)")


def _run_compare(args, folder, export_figure, stdout, stderr) -> int:
    """``--compare``: train A and B, write compare.png and summary.json, print one line; 0 or
    2 (a bad key or value: one line on stderr)."""
    from core.headless import run_compare_headless

    try:
        if args.gif or args.cv is not None:
            raise ValueError("--compare cannot be used with --gif or --cv")
        summary = run_compare_headless(args.compare, lesson=args.lesson, scene_path=args.scene,
                                       steps=args.steps, export_dir=folder,
                                       export_figure=export_figure)
    except (ValueError, OSError) as error:
        print(f"error: {' '.join(str(error).split())}", file=stderr)
        return 2
    parts = []
    for run in ("a", "b"):
        entry = summary[run]
        accuracy = entry["test_accuracy"]
        text = f"{run.upper()} {entry['steps_run']} steps"
        if entry["divergence"] is not None:
            text += f" (diverged at step {entry['divergence']['step']})"
        if accuracy is not None:
            text += f", test accuracy {accuracy:.3f}"
        parts.append(text)
    print(f"compared {'; '.join(parts)}; wrote {', '.join(summary['files'])} to {folder}",
          file=stdout)
    return 0


def preset_names() -> list[str]:
    """The generated data sets ``--preset`` accepts."""
    from core.datasets import GENERATORS

    return list(GENERATORS)


def unknown_preset(name: str) -> str:
    return f"unknown preset {name!r}; known presets: {', '.join(preset_names())}"


def preset_name(name: str) -> str:
    """argparse type of ``--preset``: an unknown name is a one-line error listing the known."""
    if name not in preset_names():
        raise argparse.ArgumentTypeError(unknown_preset(name))
    return name


def preset_changes(name: str) -> dict:
    """Data-setting changes that select generator ``name`` (its task included)."""
    from core.datasets import GENERATORS

    spec = GENERATORS.get(name)
    if spec is None:
        return {"preset": name}
    return {"task": spec.task, "preset": name}
