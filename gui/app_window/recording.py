"""Recording training without touching the scene: offscreen views of a deep copy.

The animation export (File ▸ Export ▸ Animation of training…) and the headless ``--gif`` both
record through :class:`TrainingRecorder`: the session is copied with ``Session.copy`` (through
``Trainer.copy``: weights, optimizer state, data and split, mini-batch and dropout generators,
history, snapshots), a private
:class:`gui.controller.TrainingController` trains the copy through its Trainer
(``TrainingController.run_steps``), and views drawn from the copy — built by
:class:`OffscreenViews`, never shown on a screen — are grabbed for each frame. The window's
controller, session and views are only read, so the scene stays exactly as it was.

Every view of a frame is laid out at the frame's height and rendered at scale 1
(:func:`frame_sizes`, :func:`gui.export.animation.grab_views`), so text has the same pixel
size in every panel: rescaling the picture of a view would rescale its fonts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from core.datasets import GENERATORS
from gui.common.display_names import display_name
from gui.app_window.cli import FORMATS
from gui.export.animation import (  # noqa: F401
    FRAME_SPACING,
    MAX_FRAME_WIDTH,
    MIN_FRAME_HEIGHT,
    format_caption,
    frame_sizes,
    training_frame_source,
)
from gui.app_window.view_registry import VIEWS
from gui.canvas.presenter import CanvasPresenter
from gui.common.i18n import SOURCE_LANGUAGE, current_language, retranslate_widgets
from gui.common.themes import DEFAULT_THEME, style_plots
from gui.common.view_spec import ViewContext, ViewRegistry, view_widget
from gui.controller import TrainingController
from gui.export.figures import MAX_WIDTH, MIN_WIDTH, export_figure, native_size


def view_sizes(registry: ViewRegistry = VIEWS) -> dict[str, tuple[int, int]]:
    """View id → on-screen (width, height) px of each headless figure before export (the
    exported width is --width; the aspect ratio is kept): the registry's ``headless_size`` values,
    in export order."""
    return {spec.id: spec.headless_size for spec in registry.headless()}


#: The headless figures of the app's registry (see :func:`view_sizes`).
VIEW_SIZES = view_sizes()
#: Longest wait for the loss surface's worker thread (seconds); without a surface by then,
#: the figure shows what is there.
SURFACE_TIMEOUT = 60.0
#: Frame limits of an animation (px): wide frames make large, slow GIFs; tiny ones are
#: unreadable.
FIGURE_FORMATS = FORMATS  # the command line's --format choices


def caption_for(controller) -> str:
    """One line of settings for the current state (data set, architecture, η, … step)."""
    session = controller.session
    trainer = session.trainer
    network, training = session.network, session.training
    source = session.data_source
    presets = {name: spec.label for name, spec in GENERATORS.items()}
    if source is None:
        dataset = display_name(session.data.preset, presets)
    elif source.kind == "drawn":  # the caption's words are codes, as the preset's name
        dataset = f"{source.file}, edited" if source.file else "drawn"
    else:
        dataset = source.file or "CSV"
    activations = network.activation if isinstance(network.activation, tuple) else (
        network.activation,)
    return format_caption(dataset=dataset, architecture=session.net.layer_sizes,
                          activation="/".join(display_name(name) for name in activations),
                          learning_rate=training.learning_rate,
                          optimizer=display_name(training.optimizer),
                          batch_size=training.batch_size,
                          l1=training.l1, l2=training.l2, dropout=network.dropout,
                          step=trainer.step_count)


def mirror_views(views: OffscreenViews, controller, shown: Mapping[str, QtWidgets.QWidget],
                 theme: str | None = None) -> None:
    """Give offscreen ``views`` what the window's views show besides the session (the data
    source is the session's, copied with it): the selection of the window's ``controller``,
    the discretized boundary, the log-scale loss and accuracy curve, the loss surface's plane,
    settings and tab (views in ``shown``, by view id) and the plot colours of ``theme``. Only
    ``views`` change."""
    own = views.controller
    own.select_sample(controller.selected_sample)
    own.select_parameter(controller.selected_parameter)
    own.select_neuron(controller.selected_neuron)
    canvas = shown.get("canvas")
    if canvas is not None:
        views.canvas.discretize = bool(canvas.discretize)
    curve = shown.get("loss_curve")
    if curve is not None:
        views.loss_curve.set_log_scale(curve.log_check.isChecked())
        views.loss_curve.accuracy_check.setChecked(curve.accuracy_check.isChecked())
    surface = shown.get("loss_surface")
    if surface is not None and views.surface is not None:
        _mirror_surface(surface, views.surface)
    if theme and theme != DEFAULT_THEME:  # the views are built in the default theme's colours
        style_plots(views.container, theme)


def _mirror_surface(source, presenter) -> None:
    """The loss-surface controls and tab of the window's view ``source`` on ``presenter``."""
    mine, theirs = presenter.controls, source.controls
    mine.set_mode(theirs.mode)
    parameters = theirs.parameters()
    if parameters is not None:
        mine.choose_parameters(*parameters)
    for name in ("resolution_spin", "extent_spin", "auto_spin"):
        with QtCore.QSignalBlocker(getattr(mine, name)):
            getattr(mine, name).setValue(getattr(theirs, name).value())
    for name in ("fit_check", "log_check", "follow_check"):
        with QtCore.QSignalBlocker(getattr(mine, name)):
            getattr(mine, name).setChecked(getattr(theirs, name).isChecked())
    with QtCore.QSignalBlocker(mine.loss_combo):
        mine.loss_combo.setCurrentIndex(theirs.loss_combo.currentIndex())
    presenter.view.tabs.setCurrentIndex(source.tabs.currentIndex())
    presenter.recompute()
    presenter.redisplay()


class OffscreenViews:
    """The app's views for one Session, inside one container widget that is never shown on a
    screen (``WA_DontShowOnScreen``: Qt treats the views as visible, so they redraw).

    The views are those of ``registry`` with a ``headless_size`` (``only``: some of them), each
    built by its factory for offscreen use. ``views`` maps a view id (as in scene files:
    canvas, loss_curve, loss_surface, network, weights, gradient_norms …) to its widget;
    ``controller`` is their own TrainingController on ``session``; :meth:`refresh` redraws the
    canvas and the loss curve (the other views follow the controller's signals). ``sizes``:
    widget size per view id (default the registry's); ``target_sizes``: the size the exported
    part of a view must have (see :meth:`fit_targets`), which wins over ``sizes``. A view whose
    factory fails is left out, with the reason in ``problems``. ``cancelled()`` True ends any
    wait for the loss surface at once (:meth:`wait_for_surface`). Needs a QApplication.
    """

    def __init__(self, session, only: Sequence[str] | None = None,
                 sizes: Mapping[str, tuple[int, int]] | None = None,
                 target_sizes: Mapping[str, tuple[int, int]] | None = None,
                 controller: TrainingController | None = None,
                 registry: ViewRegistry = VIEWS,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.registry = registry
        self.cancelled = cancelled
        default_sizes = view_sizes(registry)
        self.controller = controller or TrainingController(session)
        self.container = QtWidgets.QWidget()
        self.container.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        # never keeps the app running: closing the main window mid-recording still quits (and
        # Qt's quit closes the progress dialog, which cancels the recording)
        self.container.setAttribute(QtCore.Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.container.setWindowTitle("offscreen views")
        wanted = tuple(default_sizes) if only is None else tuple(only)
        self.problems: dict[str, str] = {}  # view id → why it is missing
        context = ViewContext(offscreen=True)
        parts: dict[str, object] = {}
        for spec in registry.headless():  # the canvas and the loss curve: always (refresh)
            if spec.id not in wanted and spec.id not in ("canvas", "loss_curve"):
                continue
            try:
                parts[spec.id] = spec.factory(self.controller, context)
            except Exception as error:  # noqa: BLE001 — an optional view must not stop the rest
                if spec.id in ("canvas", "loss_curve"):
                    raise
                self.problems[spec.id] = f"{type(error).__name__}: {error}"
                continue
            if spec.id == "canvas":
                self.canvas = parts["canvas"]
                self.presenter = CanvasPresenter(self.canvas)
        self.loss_curve = parts["loss_curve"]
        self.surface = parts.get("loss_surface")  # the loss surface's presenter, if recorded
        views = {view_id: view_widget(part) for view_id, part in parts.items()}
        self.views = {view_id: views[view_id] for view_id in default_sizes
                      if view_id in wanted and view_id in views}
        sizes = {**default_sizes, **(sizes or {})}
        for view_id, widget in views.items():
            widget.setParent(self.container)
            if view_id not in self.views:  # built but not wanted (canvas, loss curve)
                widget.hide()
        for view_id, widget in self.views.items():
            widget.resize(*sizes[view_id])
        self._stack()
        self.container.show()  # shown to Qt (so the views redraw), never on a screen
        if current_language() != SOURCE_LANGUAGE:  # texts the views set in English, as the window
            retranslate_widgets(self.container)
        if target_sizes:
            self.fit_targets(target_sizes)
        self.controller.stepped.connect(self._redraw_own)
        self.refresh(fresh=True)
        self.wait_for_surface()

    def _stack(self) -> None:
        """Views one below the other in the container (they never overlap)."""
        y, width = 0, 1
        for widget in self.views.values():
            widget.move(0, y)
            y += widget.height()
            width = max(width, widget.width())
        self.container.resize(width, max(1, y))

    def targets(self) -> dict[str, object]:
        """The exported part of each view (its spec's ``export_target``), by view id."""
        return {view_id: self.registry[view_id].target(widget)
                for view_id, widget in self.views.items()}

    def fit_targets(self, target_sizes: Mapping[str, tuple[int, int]]) -> None:
        """Resize the views so that the exported part of each (the plot without option rows or
        controls) is ``target_sizes[id]`` px: the widget grows by what its other parts take."""
        app = QtWidgets.QApplication.instance()
        for _attempt in range(2):  # the second pass absorbs layouts that react to the size
            for view_id, (width, height) in target_sizes.items():
                widget = self.views.get(view_id)
                if widget is None:
                    continue
                target_w, target_h = native_size(self.registry[view_id].target(widget))
                widget.resize(max(1, round(widget.width() + width - target_w)),
                              max(1, round(widget.height() + height - target_h)))
            self._stack()
            for _ in range(3):  # layouts, then the views' deferred redraws
                app.processEvents()

    def wait_for_surface(self, timeout: float = SURFACE_TIMEOUT) -> bool:
        """Let the loss-surface worker finish its grid (the view shows it); True if done.
        Stops waiting after ``timeout`` seconds or as soon as ``cancelled()`` is True."""
        if self.surface is None:
            return True
        app = QtWidgets.QApplication.instance()
        runner = self.surface.surface_runner
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            app.processEvents()
            if self.cancelled is not None and self.cancelled():
                break
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
        """Redraw the canvas and the loss curve when recorded (the other views follow the
        controller's signals)."""
        session = self.session
        if "canvas" in self.views:
            self.presenter.fit_range(session, fresh=fresh)
            self.presenter.draw_points(session)
            self.presenter.draw_prediction(session)
            self.presenter.draw_selection(session, self.controller.selected_sample)
        if "loss_curve" in self.views:
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
        if fmt not in FIGURE_FORMATS:
            raise ValueError(f"format must be one of {', '.join(FIGURE_FORMATS)}, got {fmt!r}")
        if not MIN_WIDTH <= int(width) <= MAX_WIDTH:
            raise ValueError(f"width must be between {MIN_WIDTH} and {MAX_WIDTH} pixels, "
                             f"got {width}")
        self.refresh()
        folder = Path(folder)
        written = []
        for view_id, target in self.targets().items():
            path = folder / f"{view_id}.{fmt}"
            export_figure(target, path, fmt, width)
            written.append(path)
        return written

    def close(self) -> None:
        """Stop the controller and the loss surface's threads; delete the widgets."""
        self.controller.shutdown()
        if self.surface is not None:
            self.surface.shutdown()
        self.container.close()
        self.container.deleteLater()
        QtWidgets.QApplication.instance().processEvents()


class TrainingRecorder:
    """Frames of training on a deep copy of ``session``, drawn by :class:`OffscreenViews`.

    ``view_ids``: the views to record, in frame order. ``target_sizes``: the size of each
    recorded view in the frame (e.g. from :func:`frame_sizes`). ``configure(views)`` runs once
    the views exist, before the first frame (the export menu copies the window's view options
    and selection there). ``cancelled()`` True cuts short the waits for the loss surface (the
    window being recorded was closed). Use as a context manager, or call :meth:`close`.

    ``session`` is never changed: ``recorder.session`` is the copy, ``recorder.controller``
    its private controller. Raises ValueError for an unknown view id.
    """

    def __init__(self, session, view_ids: Sequence[str],
                 target_sizes: Mapping[str, tuple[int, int]], *,
                 configure: Callable[[OffscreenViews], None] | None = None,
                 registry: ViewRegistry = VIEWS,
                 cancelled: Callable[[], bool] | None = None) -> None:
        known = view_sizes(registry)
        unknown = [view_id for view_id in view_ids if view_id not in known]
        if unknown or not view_ids:
            raise ValueError(f"views to record must be some of {', '.join(known)}, got "
                             f"{list(view_ids)}")
        self.view_ids = tuple(view_ids)
        self.session = session.copy()  # Session.copy → Trainer.copy: the one copy method
        self.controller = TrainingController(self.session)
        self.views = OffscreenViews(self.session, only=self.view_ids,
                                    target_sizes=target_sizes, controller=self.controller,
                                    registry=registry, cancelled=cancelled)
        try:
            if configure is not None:
                configure(self.views)
            self.views.fit_targets(target_sizes)
            self.views.refresh()
            self.views.wait_for_surface()
        except BaseException:
            self.close()
            raise

    def frame_source(self, steps_per_frame: int, total_steps: int | None = None
                     ) -> Callable[[int], tuple | None]:
        """A frame callback for :func:`gui.export.animation.export_animation`: frame 0 is the
        copy's current state; before each later frame the copy trains ``steps_per_frame``
        steps (at most ``total_steps`` in all, when given). A divergence ends the animation."""
        done = {"steps": 0}

        def advance(steps: int) -> bool:
            if total_steps is not None:
                steps = min(steps, total_steps - done["steps"])
            done["steps"] += steps
            return self.controller.run_steps(steps)

        targets = self.views.targets()
        targets = [targets[view_id] for view_id in self.view_ids if view_id in targets]
        return training_frame_source(advance, targets, steps_per_frame=steps_per_frame,
                                     caption=lambda: caption_for(self.controller))

    def close(self) -> None:
        self.views.close()

    def __enter__(self) -> TrainingRecorder:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def record_training(controller, chosen: Mapping[str, QtWidgets.QWidget],
                    sizes: Mapping[str, tuple[int, int]], theme: str,
                    registry: ViewRegistry = VIEWS,
                    cancelled: Callable[[], bool] | None = None) -> TrainingRecorder:
    """A :class:`TrainingRecorder` of a copy of ``controller``'s session with the views
    ``chosen`` (id → the window's widget, mirrored: settings, theme, selection) at ``sizes``;
    ``cancelled`` as for TrainingRecorder. File ▸ Export's animation gets this from the main
    window (gui.export stays independent of the views)."""
    return TrainingRecorder(controller.session, list(chosen), sizes, cancelled=cancelled,
                            configure=lambda views: mirror_views(views, controller, chosen, theme),
                            registry=registry)
