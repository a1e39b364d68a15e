"""Figures for the headless CLI: the views of a Session, built offscreen, one file per view.

``python app.py --lesson xor-hidden --steps 500 --export-dir out/ --format svg --gif`` trains
in ``core.headless.run_headless`` and then calls the callback made by :func:`make_exporter`,
which builds the views (``gui.app_window.recording.OffscreenViews``) without a main window
(nothing appears on a screen), draws the trained session once and writes one file per view of
the view registry that has a ``headless_size`` (``gui.app_window.view_registry``):
``canvas.png``, ``loss_curve.png``, ``loss_surface.png``, ``network.png``, ``weights.png``,
``gradient_norms.png`` (or .svg/.pdf) at the chosen width.

With ``--gif`` it also writes ``training.gif``: the run is *replayed* from its start (the same
lesson or scene file, re-loaded) with the canvas and the loss curve recorded every few steps and
a caption with the settings (``gui.app_window.recording``: a copy is trained, as in the window).
Training is seeded, so the replay ends in exactly the state that was summarized (the test
checks the final losses agree).

With ``--cv K`` (cross-validation instead of one run) :func:`make_cv_exporter` writes
``cv.png`` (or .svg/.pdf): the Cross-validation view (``gui.evaluate.cross_validation_view``)
showing the result, at :data:`CV_SIZE`.

With ``--compare KEY=VALUE[,…]`` (A/B runs) :func:`make_compare_exporter` writes
``compare.png`` (or .svg/.pdf): the Compare view (``gui.compare.compare_view``).

A lesson that shows the Linear system view (``core.headless.lesson_figures``) also gets
``linear_system.png`` from :func:`make_figure_exporter`: the view with the lesson's Ax = b, at
:data:`LINEAR_SYSTEM_SIZE`.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6 import QtWidgets

from gui.export.animation import export_animation
from gui.export.figures import (
    MAX_WIDTH,
    MIN_WIDTH,
    ExportError,
    export_figure,
    offscreen_figure,
    settle,
)
from gui.app_window.recording import (  # noqa: F401 (VIEW_SIZES: importable from here)
    VIEW_SIZES,
    OffscreenViews,
    TrainingRecorder,
    frame_sizes,
    view_sizes,
)
from gui.app_window.view_figures import (  # noqa: F401 (CV_SIZE: importable from here)
    CV_SIZE,
    compare_figure,
    cross_validation_figure,
)
from gui.app_window.view_registry import VIEWS
from gui.common.view_spec import ViewRegistry
from gui.common.qt_messages import install_message_filter

GIF_VIEWS = ("canvas", "loss_curve")
GIF_FRAMES = 60
GIF_FPS = 10
GIF_MAX_WIDTH = 1200
GIF_WIDTH = 800
LINEAR_SYSTEM_SIZE = (820, 640)
"""On-screen size (px) of the Linear system view drawn for ``linear_system.png``."""


def ensure_application() -> QtWidgets.QApplication:
    """The QApplication, created on Qt's offscreen platform if none exists yet (pyqtgraph's
    light theme, as in the app), with Qt's offscreen noise filtered
    (:func:`gui.common.qt_messages.install_message_filter`)."""
    install_message_filter()
    app = QtWidgets.QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QtWidgets.QApplication(["backprop-playground"])
    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    return app


def record_gif(start_session, steps: int, path: str | os.PathLike, *, width: int = 800,
               frames: int = GIF_FRAMES, fps: int = GIF_FPS) -> Path:
    """Record ``steps`` steps of training from ``start_session`` — on a copy of it
    (:class:`gui.app_window.recording.TrainingRecorder`; ``start_session`` is not changed) — with
    the canvas and the loss curve side by side, at one height, and a caption, into a GIF at
    ``path`` about ``width`` px wide.

    Frame 0 is the start; then one frame every ``ceil(steps / (frames - 1))`` steps, the last
    one at the final step. Stops early when training diverges. Returns the path.
    """
    ensure_application()
    # GIF encoding cost grows with the pixels, hence the modest width.
    sizes = frame_sizes({view_id: view_sizes()[view_id] for view_id in GIF_VIEWS},
                        max_width=min(width, GIF_MAX_WIDTH), min_height=120)
    steps = max(0, int(steps))
    per_frame = max(1, math.ceil(steps / max(1, frames - 1))) if steps else 1
    count = 1 + (math.ceil(steps / per_frame) if steps else 0)
    with TrainingRecorder(start_session, GIF_VIEWS, sizes) as recorder:
        export_animation(recorder.frame_source(per_frame, total_steps=steps), path, fps=fps,
                         frame_count=count)
    return Path(path)


def make_exporter(fmt: str = "png", width: int = 1600,
                  replay: Callable[[], object] | None = None, registry: ViewRegistry = VIEWS
                  ) -> Callable[[object, Path], list[Path]]:
    """The ``export_views(session, folder)`` callback for ``gui.app_window.cli.run_cli``: one
    figure per view of ``registry`` that has a ``headless_size``.

    ``replay()`` returns a fresh Session at the run's start (the lesson or scene re-loaded);
    when given, ``training.gif`` is recorded by training it to the trained session's step.
    """
    def export_views(session, folder: Path) -> list[Path]:
        ensure_application()
        views = OffscreenViews(session, registry=registry)
        try:
            written = views.export(folder, fmt, width)
        finally:
            views.close()
        for view_id, reason in views.problems.items():
            print(f"warning: no {view_id} figure ({reason})", file=sys.stderr)
        if replay is not None:
            start = replay()
            steps = session.trainer.step_count - start.trainer.step_count
            written.append(record_gif(start, steps, Path(folder) / "training.gif",
                                      width=min(width, GIF_WIDTH)))
        return written

    return export_views


def make_cv_exporter(fmt: str = "png", width: int = 1600
                     ) -> Callable[[object, Path], Path]:
    """The ``export_cv_figure(result, folder)`` callback of ``gui.app_window.cli.run_cli``:
    the Cross-validation view of ``result`` (``gui.app_window.view_figures``, as File ▸
    Export draws it) as ``cv.<fmt>`` at ``width`` px (PDF: × 0.75 pt); returns the path."""
    def export_cv_figure(result, folder: Path) -> Path:
        ensure_application()
        path = Path(folder) / f"cv.{fmt}"
        with cross_validation_figure(result) as view:
            export_figure(view, path, fmt, width)
        return path

    return export_cv_figure


def make_compare_exporter(fmt: str = "png", width: int = 1600
                          ) -> Callable[[object, Path], Path]:
    """The ``export_figure(comparison, folder)`` callback of ``--compare``
    (``core.headless.run_compare_headless``): the Compare view
    (``gui.compare.compare_view.CompareView``: both boundaries side by side, the loss curves
    overlaid, A solid and B dashed, the settings that differ, the final numbers) drawn
    offscreen at its figure size (``gui.app_window.view_figures``, as File ▸ Export draws it)
    as ``compare.<fmt>`` at ``width`` px; returns the path."""
    def export_compare_figure(comparison, folder: Path) -> Path:
        from core.headless import COMPARE_NAME

        ensure_application()
        path = Path(folder) / f"{COMPARE_NAME}.{fmt}"
        with compare_figure(comparison) as view:
            export_figure(view, path, fmt, width)
        return path

    return export_compare_figure


def make_figure_exporter(fmt: str = "png", width: int = 1600
                         ) -> Callable[[str, object, Path], Path | None]:
    """The ``export_figure(view_id, state, folder)`` callback of ``core.headless.run_headless``
    for the views of ``core.headless.lesson_figures``: "linear_system" draws the Linear system
    view offscreen with ``state`` (``LinearSystemView.apply_setup``: the lesson's Ax = b, its
    descent and the tab it shows) as ``linear_system.<fmt>`` at ``width`` px; returns the
    path (None for a view id it does not draw)."""
    def export_view_figure(view_id: str, state, folder: Path) -> Path | None:
        if view_id != "linear_system":
            return None
        from gui.linear_systems.view import LinearSystemView

        ensure_application()
        path = Path(folder) / f"linear_system.{fmt}"
        with offscreen_figure(LinearSystemView(), LINEAR_SYSTEM_SIZE) as view:
            view.apply_setup(state)
            settle()  # layouts, then the redraw at the final size
            view.redraw()
            export_figure(view, path, fmt, width)
        return path

    return export_view_figure


def _as_bad_file(export: Callable[..., object]) -> Callable[..., object]:
    """The figure callback ``export(..., folder)`` with an ExportError (e.g. an unwritable
    folder) raised as ValueError: a "bad file" for the command line (exit status 2)."""
    def call(*args):
        try:
            return export(*args)
        except ExportError as error:
            raise ValueError(str(error)) from None
    return call


def run_command_line(args) -> int:
    """``app.py`` in headless mode (``--lesson`` or ``--scene``): train, write the figures and
    ``summary.json``; returns the exit status (0, or 2 with a one-line message on stderr)."""
    from core.lessons import load_lesson_scene
    from core.scene import open_scene
    from gui.app_window.cli import run_cli

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window, even on a desktop
    if args.width is not None and not MIN_WIDTH <= args.width <= MAX_WIDTH:
        print(f"error: --width must be between {MIN_WIDTH} and {MAX_WIDTH} pixels, got "
              f"{args.width}", file=sys.stderr)
        return 2
    ensure_application()

    def replay():
        if args.lesson is not None:
            return load_lesson_scene(args.lesson)[0]
        return open_scene(args.scene)[0]

    return run_cli(
        args,
        export_views=_as_bad_file(make_exporter(args.format, args.width,
                                                replay if args.gif else None)),
        export_cv_figure=_as_bad_file(make_cv_exporter(args.format, args.width)),
        export_compare_figure=_as_bad_file(make_compare_exporter(args.format, args.width)),
        export_figure=_as_bad_file(make_figure_exporter(args.format, args.width)))
