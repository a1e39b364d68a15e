"""Figures for the headless CLI: the views of a Session, built offscreen, one file per view.

``python app.py --lesson xor-hidden --steps 500 --export-dir out/ --format svg --gif`` trains
in ``core.headless.run_headless`` and then calls the callback made by :func:`make_exporter`,
which builds the views here without a main window (Qt's offscreen platform: nothing appears on
screen), draws the trained session once and writes ``canvas.png``, ``loss_curve.png``,
``network.png``, ``weights.png``, ``gradient_norms.png`` (or .svg/.pdf) at the chosen width.

With ``--gif`` it also writes ``training.gif``: the run is *replayed* from its start (the same
lesson or scene file, re-loaded) with the canvas and the loss curve recorded every few steps and
a caption with the settings. Training is seeded, so the replay ends in exactly the state that
was summarized (the test checks the final losses agree).
"""

from __future__ import annotations

import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6 import QtWidgets

from gui.export.animation import export_animation, training_frame_source
from gui.canvas.presenter import CanvasPresenter
from gui.controller import TrainingController
from gui.export.figures import MAX_WIDTH, MIN_WIDTH, export_pdf, export_png, export_svg
from gui.export.menu import caption_for, export_target, run_steps
from gui.canvas.data_canvas import DataCanvas
from gui.charts.gradient_norms import GradientNorms
from gui.charts.loss_curve import LossCurve
from gui.diagram.network_diagram import NetworkDiagram
from gui.charts.weight_heatmaps import WeightHeatmaps

#: On-screen size of each view before export (the exported width is --width; the aspect ratio
#: of these sizes is kept).
VIEW_SIZES = {"canvas": (640, 600), "loss_curve": (800, 450), "loss_surface": (700, 640),
              "network": (900, 540), "weights": (900, 360), "gradient_norms": (800, 450)}
#: Longest wait for the loss surface's worker thread (seconds); without a surface by then,
#: the figure shows what is there.
SURFACE_TIMEOUT = 60.0
GIF_VIEWS = ("canvas", "loss_curve")
GIF_FRAMES = 60
GIF_FPS = 10
GIF_MAX_WIDTH = 1200
GIF_WIDTH = 800
FORMATS = ("png", "svg", "pdf")


def ensure_application() -> QtWidgets.QApplication:
    """The QApplication, created on Qt's offscreen platform if none exists yet (pyqtgraph's
    light theme, as in the app)."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QtWidgets.QApplication(["backprop-playground"])
    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    return app


class OffscreenViews:
    """The app's views for one Session, each a hidden-from-the-user top-level widget.

    ``views`` maps a view id (as in scene files: canvas, loss_curve, network, weights,
    gradient_norms) to its widget; :meth:`refresh` redraws them from the session.
    """

    def __init__(self, session, only: tuple[str, ...] | None = None,
                 sizes: dict[str, tuple[int, int]] | None = None) -> None:
        ensure_application()
        self.controller = TrainingController(session)
        self.canvas = DataCanvas()
        self.presenter = CanvasPresenter(self.canvas)
        self.loss_curve = LossCurve()
        # The option row (a key made of QLabels) is not exported: give the plot its own legend.
        self.loss_curve.add_export_legend(offset=(-10, 10), labelTextColor="#202020")
        self.views: dict[str, QtWidgets.QWidget] = {
            "canvas": self.canvas, "loss_curve": self.loss_curve}
        wanted = tuple(VIEW_SIZES) if only is None else only
        self.surface = None
        self.problems: dict[str, str] = {}  # view id → why it is missing
        if "loss_surface" in wanted:
            try:
                from gui.surface.dock import LossSurfacePresenter

                self.surface = LossSurfacePresenter(self.controller)
                self.views["loss_surface"] = self.surface.view
            except Exception as error:  # noqa: BLE001 — an optional view must not stop the rest
                self.problems["loss_surface"] = f"{type(error).__name__}: {error}"
        if "network" in wanted:
            self.views["network"] = NetworkDiagram(self.controller)
            self.views["network"].set_animation_ms(0)
        if "weights" in wanted:
            self.views["weights"] = WeightHeatmaps(self.controller)
        if "gradient_norms" in wanted:
            self.views["gradient_norms"] = GradientNorms(self.controller)
        self.views = {view_id: self.views[view_id] for view_id in VIEW_SIZES
                      if view_id in wanted}
        sizes = {**VIEW_SIZES, **(sizes or {})}
        for view_id, widget in self.views.items():
            widget.resize(*sizes[view_id])
            widget.setWindowTitle(view_id)
            widget.show()  # offscreen: shown to Qt (so the views redraw), never on a screen
        self.controller.stepped.connect(self._redraw_own)
        self.refresh(fresh=True)
        self.wait_for_surface()

    def wait_for_surface(self, timeout: float = SURFACE_TIMEOUT) -> bool:
        """Let the loss-surface worker finish its grid (the view shows it); True if done."""
        if self.surface is None:
            return True
        app = QtWidgets.QApplication.instance()
        runner = self.surface.surface_runner
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            app.processEvents()
            if self.surface.update is not None and not self.surface.update.preview \
                    and not runner.busy:
                break
            time.sleep(0.005)
        for _ in range(3):
            app.processEvents()
        return self.surface.update is not None

    @property
    def session(self):
        return self.controller.session

    def _redraw_own(self) -> None:
        self.refresh(fresh=False, process_events=False)  # the frame grab processes them

    def refresh(self, fresh: bool = False, process_events: bool = True) -> None:
        """Redraw the canvas and the loss curve (the other views follow the controller)."""
        session = self.session
        self.presenter.fit_range(session, fresh=fresh)
        self.presenter.draw_points(session)
        self.presenter.draw_prediction(session)
        self.loss_curve.set_history(session.trainer.history.arrays(),
                                    session.points.task == "classification")
        if process_events:
            app = QtWidgets.QApplication.instance()
            for _ in range(3):  # layouts, then the views' deferred redraws
                app.processEvents()

    def export(self, folder: str | os.PathLike, fmt: str = "png",
               width: int = 1600) -> list[Path]:
        """Write one file per view into ``folder`` as ``<view id>.<fmt>``; returns the paths.

        PNG and SVG are exactly ``width`` px wide; a PDF page is ``width`` × 0.75 pt wide (the
        same size at 96 dpi). Raises ValueError for an unknown format or a width outside
        [16, 16384], ``gui.export.figures.ExportError`` when a file cannot be written.
        """
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        if not MIN_WIDTH <= int(width) <= MAX_WIDTH:
            raise ValueError(f"width must be between {MIN_WIDTH} and {MAX_WIDTH} pixels, "
                             f"got {width}")
        self.refresh()
        folder = Path(folder)
        written = []
        for view_id, widget in self.views.items():
            path = folder / f"{view_id}.{fmt}"
            target = export_target(widget)
            if fmt == "png":
                export_png(target, path, int(width))
            elif fmt == "svg":
                export_svg(target, path, int(width))
            else:
                export_pdf(target, path, width_pt=min(max(width * 0.75, 36.0), 14400.0))
            written.append(path)
        return written

    def close(self) -> None:
        self.controller.shutdown()
        if self.surface is not None:
            self.surface.shutdown()
        for widget in self.views.values():
            widget.close()
            widget.deleteLater()
        QtWidgets.QApplication.instance().processEvents()


def record_gif(start_session, steps: int, path: str | os.PathLike, *, width: int = 800,
               frames: int = GIF_FRAMES, fps: int = GIF_FPS) -> Path:
    """Train ``start_session`` for ``steps`` steps while recording the canvas and the loss curve
    side by side, with a caption, into a GIF at ``path`` about ``width`` px wide.

    Frame 0 is the start; then one frame every ``ceil(steps / (frames - 1))`` steps, the last
    one at the final step. Stops early when training diverges. Returns the path.
    """
    # Both views get the same height, so each frame is one render per view (no re-render to
    # match heights); GIF encoding cost grows with the pixels, hence the modest width.
    aspect = sum(VIEW_SIZES[v][0] / VIEW_SIZES[v][1] for v in GIF_VIEWS)
    height = max(120, round(min(width, GIF_MAX_WIDTH) / aspect))
    sizes = {v: (round(height * VIEW_SIZES[v][0] / VIEW_SIZES[v][1]), height) for v in GIF_VIEWS}
    views = OffscreenViews(start_session, only=GIF_VIEWS, sizes=sizes)
    try:
        targets = [export_target(views.views[view_id]) for view_id in GIF_VIEWS]
        steps = max(0, int(steps))
        per_frame = max(1, math.ceil(steps / max(1, frames - 1))) if steps else 1
        count = 1 + (math.ceil(steps / per_frame) if steps else 0)
        done = {"steps": 0}

        def advance(n: int) -> bool:
            n = min(n, steps - done["steps"])
            done["steps"] += n
            return run_steps(views.controller, n)

        source = training_frame_source(advance, targets, steps_per_frame=per_frame,
                                       caption=lambda: caption_for(views.controller))
        export_animation(source, path, fps=fps, frame_count=count)
    finally:
        views.close()
    return Path(path)


def make_exporter(fmt: str = "png", width: int = 1600,
                  replay: Callable[[], object] | None = None
                  ) -> Callable[[object, Path], list[Path]]:
    """The ``export_views(session, folder)`` callback for ``core.headless.run_cli``.

    ``replay()`` returns a fresh Session at the run's start (the lesson or scene re-loaded);
    when given, ``training.gif`` is recorded by training it to the trained session's step.
    """
    def export_views(session, folder: Path) -> list[Path]:
        views = OffscreenViews(session)
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


def run_command_line(args) -> int:
    """``app.py`` in headless mode (``--lesson`` or ``--scene``): train, write the figures and
    ``summary.json``; returns the exit status (0, or 2 with a one-line message on stderr)."""
    from core.headless import run_cli
    from core.lessons import load_lesson_scene
    from core.scene import open_scene
    from gui.export.figures import ExportError

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

    exporter = make_exporter(args.format, args.width, replay if args.gif else None)

    def export_views(session, folder):
        try:
            return exporter(session, folder)
        except ExportError as error:  # e.g. an unwritable folder: a "bad file" for the CLI
            raise ValueError(str(error)) from None

    return run_cli(args, export_views=export_views)
