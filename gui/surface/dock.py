"""Wiring of the loss-surface dock: controller signals → worker jobs → the view.

:class:`LossSurfacePresenter` owns two ``JobRunner`` threads (surfaces, optimizer races). It
takes a snapshot of the session in the GUI thread (``gui.surface.jobs.capture``), lets the
worker compute, and draws what comes back. Policy:

- A request from the user (Recompute, a new plane, grid or selection) cancels the running one
  (newest wins). An automatic recompute, every N steps while the dock is visible, never
  interrupts a running job: it waits until that one is done, so during fast Play a surface is
  always finished and shown rather than restarted forever; and it starts at most once per
  ``AUTO_MIN_INTERVAL`` seconds, so training keeps most of the CPU.
- The path and the current point are redrawn at every step (throttled during Play) from the
  trainer's trajectory. For the chosen-parameters and linear planes they are the parameters'
  exact values, whatever surface is on screen; otherwise they are projected on the plane.
- Nothing is drawn while the dock is hidden; it catches up when shown (``RefreshGate``).

The main window builds it from its entry in ``gui.app_window.view_registry`` (docked hidden,
tabbed with the loss curve) and stops its threads when it closes (:meth:`shutdown`).
"""

from __future__ import annotations

import math
import re
import time

import shiboken6
from PySide6 import QtCore, QtWidgets

from core.directions import (
    PlaneProblem,
    PlaneUnavailable,
    is_linear_lesson,
    parameter_label,
)
from core.parameters import ParamRef, n_parameters
from gui.common.i18n import manager, translate
from gui.common.number_format import fixed, number
from gui.surface.surface_view import LossSurfaceView, race_name
from gui.surface.jobs import (
    Projector,
    RaceResult,
    SliceUpdate,
    SurfaceUpdate,
    capture,
    default_parameters,
    full_surface_seconds,
    race_inputs,
    race_job,
    surface_job,
)
from gui.common.refresh import RefreshGate, is_shown
from gui.common.workers import JobRunner, describe
from gui.controller import PENALTY_SETTINGS

REDRAW_INTERVAL = 0.05  # seconds between overlay redraws during Play
#: Automatic refreshes start at most this often (s), so Play keeps most of the CPU.
AUTO_MIN_INTERVAL = 1.0
_PCA_LABEL = re.compile(r"PC([12]) \((\d+)% var\.\)")


def axis_labels(plane, layer_sizes, batch_norm: bool = False) -> tuple[str, str]:
    """Axis titles for a plane: the two parameters (γ, β too with ``batch_norm``), 'random
    filter-normalized d₁', 'PC1 (..)'."""
    if plane.kind == "parameters":
        return tuple(parameter_label(layer_sizes, k, batch_norm) for k in plane.indices)
    if plane.kind == "random":
        return (translate("LossSurface", "random filter-normalized d₁"),
                translate("LossSurface", "random filter-normalized d₂"))
    if plane.kind == "linear":
        return translate("LossSurface", "w (weight)"), translate("LossSurface", "b (bias)")
    return tuple(_pca_label(label) for label in plane.labels)


def short_axis_labels(plane, layer_sizes, batch_norm: bool = False) -> tuple[str, str]:
    """The designed short forms of :func:`axis_labels` for a short plot: 'w' and 'b',
    'd₁' and 'd₂', 'PC1' and 'PC2'; a parameter's label is short already."""
    if plane.kind == "random":
        return "d₁", "d₂"
    if plane.kind == "linear":
        return "w", "b"
    if plane.kind == "pca":
        return "PC1", "PC2"
    return axis_labels(plane, layer_sizes, batch_norm)


def _pca_label(label: str) -> str:
    """'PC1 (87% var.)' (core.directions.pca_plane) in the interface language."""
    match = _PCA_LABEL.fullmatch(label)
    if match is None:
        return label
    return translate("LossSurface", "PC{0} ({1}% var.)").format(*match.groups())


def plane_problem_text(problem: PlaneProblem) -> str:
    """Why a plane cannot be drawn now, and what to do, in the interface language."""
    texts = {
        PlaneProblem.PATH_TOO_SHORT: lambda: translate(
            "LossSurface", "The PCA plane needs a path: train a few steps first (Step or Play), "
                           "or choose another plane."),
        PlaneProblem.PATH_DOES_NOT_MOVE: lambda: translate(
            "LossSurface", "The PCA plane needs a path that moves, but the parameters have not "
                           "changed yet: train a few steps with a learning rate above 0."),
        PlaneProblem.WEIGHTS_ALL_ZERO: lambda: translate(
            "LossSurface", "All weights are 0, so random filter-normalized directions are 0: "
                           "choose another weight initialization or another plane."),
        PlaneProblem.SAME_PARAMETER: lambda: translate(
            "LossSurface", "Both axes show the same parameter: choose two different ones."),
        PlaneProblem.NOT_LINEAR_MODEL: lambda: translate(
            "LossSurface", "The (w, b) plane needs a 1-input linear model trained with mse: "
                           "choose another plane."),
    }
    return texts[PlaneProblem(problem)]()


def failure_text(error: BaseException) -> str:
    """A failed job in the interface language: a plane that cannot be built now
    (``core.directions.PlaneUnavailable``, told apart by its code) says why and what to do;
    anything else is unforeseen and shown inside a translated sentence."""
    if isinstance(error, PlaneUnavailable):
        return plane_problem_text(error.problem)
    return translate("LossSurface", "The computation failed: {0}").format(describe(error))


class LossSurfacePresenter(QtCore.QObject):
    def __init__(self, controller, view: LossSurfaceView | None = None, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.view = view or LossSurfaceView()
        self.controls = self.view.controls
        self.surface_runner = JobRunner("loss-surface", self, hold_results=True)
        self.race_runner = JobRunner("optimizer-race", self)
        self.update: SurfaceUpdate | None = None
        self.projector: Projector | None = None
        self.race: RaceResult | None = None
        self.computed_step: int | None = None
        self._stale = True  # the surface on screen (if any) needs replacing
        self._failed = False  # the last request failed (e.g. PCA before the path moved)
        self._cancelled = False  # the user cancelled: wait for the next reason to compute
        self._layer_sizes: tuple | None = None
        self._batch_norm = False  # of the network the parameter lists were made for
        self._seed = 0
        self._texts = {"surface": "", "race": ""}  # strings, or functions giving them
        self._overlay_key: tuple | None = None
        #: Expected seconds of a full surface from its coarse pass (decides on the preview).
        self.estimate_seconds = full_surface_seconds
        #: Seconds for the AUTO_MIN_INTERVAL throttle (a monotonic clock; tests may replace it).
        self.clock = time.perf_counter
        self._last_submit = -1e9
        self._auto_timer = QtCore.QTimer(self)
        self._auto_timer.setSingleShot(True)
        self._auto_timer.timeout.connect(self._submit_if_due)
        self.gate = RefreshGate(self.view, self.redraw, min_interval=REDRAW_INTERVAL)
        self._paint_watch = _PaintWatch(self.view.plot.viewport(),
                                        self.surface_runner.release_worker)

        c = controller
        c.stepped.connect(lambda _n: self.gate.request(throttle=c.playing))
        c.phaseCompleted.connect(lambda _phase: self.gate.request())
        c.weightsChanged.connect(self.gate.request)
        c.networkChanged.connect(self.network_changed)
        c.dataChanged.connect(self.mark_stale)
        c.settingsChanged.connect(self._settings_changed)
        c.selectionChanged.connect(self.selection_changed)
        ctl = self.controls
        ctl.planeChanged.connect(self.recompute)
        ctl.displayChanged.connect(self.redisplay)
        ctl.recomputeRequested.connect(self.recompute)
        ctl.cancelRequested.connect(self.cancel)
        ctl.raceRequested.connect(self.start_race)
        ctl.raceCleared.connect(self.clear_race)
        ctl.autoEveryChanged.connect(lambda _n: self.gate.request())
        self.view.plot.startPointMoved.connect(self.move_start_point)
        self.view.tabs.currentChanged.connect(
            lambda _i: self.view.showing(self.view.slices) and self._draw_slices())
        for key, runner in (("surface", self.surface_runner), ("race", self.race_runner)):
            runner.progressChanged.connect(lambda _id, f: self.controls.set_progress(f))
            runner.busyChanged.connect(lambda _busy: self._show_busy())
            runner.failed.connect(lambda _id, error, key=key: self._failure(key, error))
        self.surface_runner.resultReady.connect(self._surface_result)
        self.surface_runner.finished.connect(lambda _id: self._submit_if_due())
        self.race_runner.resultReady.connect(self._race_result)
        self.network_changed()
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        """Axis titles in the interface language (the status, legend and controls follow by
        themselves; the dock's title is translated with every dock title)."""
        if not shiboken6.isValid(self.view):  # a presenter without parent outlived its view
            return
        if self.update is None:
            return
        labels = axis_labels(self.update.plane, self._layer_sizes, self._batch_norm)
        self.view.plot.set_axis_labels(labels, short_axis_labels(
            self.update.plane, self._layer_sizes, self._batch_norm))
        data = self.view.slices._data
        if data is not None:
            self.view.slices.set_slices(data[0], labels[0])
            self._draw_slices()

    # ------------------------------------------------------------------ requests
    @property
    def session(self):
        return self.controller.session

    def recompute(self) -> None:
        """A new surface now (newest wins: a running one is cancelled)."""
        self._stale = True
        if is_shown(self.view):
            self._submit()
        else:
            self.gate.dirty = True

    def _submit(self) -> None:
        if self.controller.trainer.n_train == 0:
            # nothing to average the loss over: say what to do instead of a raw ValueError
            self._stale, self._failed = False, True
            self.computed_step = self.controller.trainer.step_count
            self._status("surface", lambda: translate(
                "LossSurface", "No training points: draw or load some to see the loss surface."))
            return
        settings = self.controls.settings(seed=self._seed)
        self.computed_step = self.controller.trainer.step_count
        self._stale = self._failed = self._cancelled = False
        self._last_submit = self.clock()
        self._status("surface", lambda: translate("LossSurface", "computing …"))
        race = tuple(self.race.paths.values()) if self.race is not None else ()
        self.surface_runner.submit(surface_job(capture(self.session, race), settings,
                                               self.estimate_seconds))

    def show_plane(self, plane) -> None:
        """Show ``plane`` (a ``core.lessons.surface_plane``: its kind and, for "parameters",
        the two parameter indices), then ask for a new surface (computed now if the view is
        shown, else when it is)."""
        if plane.parameters is not None:
            self.controls.choose_parameters(*plane.parameters)
        self.controls.set_mode(plane.kind)
        self.recompute()

    def cancel(self) -> None:
        self.surface_runner.cancel()
        self.race_runner.cancel()
        self._cancelled = True
        self._status("surface", lambda: translate("LossSurface", "cancelled"))

    def mark_stale(self) -> None:
        self._stale = True
        self.gate.request()

    def _auto_due(self) -> bool:
        """A surface is due: the one on screen is stale, none was made yet, the last request
        failed and training moved on, or ``auto_every`` steps have passed since the last."""
        step = self.controller.trainer.step_count
        if self._stale or (self._failed and step != self.computed_step):
            return True
        if self.update is None:
            return not (self._cancelled or self._failed)
        every = self.controls.auto_every
        if every <= 0 or abs(step - (self.computed_step or 0)) < every:
            return False
        wait = AUTO_MIN_INTERVAL - (self.clock() - self._last_submit)
        if wait > 0:  # due, but not yet: look again then (Play may have stopped by then)
            if not self._auto_timer.isActive():
                self._auto_timer.start(int(wait * 1000) + 1)
            return False
        return True

    def start_race(self, steps: int) -> None:
        self._status("race", lambda: translate(
            "LossSurface", "racing SGD, momentum and Adam for {0} steps …").format(steps))
        self.race_runner.submit(race_job(race_inputs(self.session), int(steps)))

    def clear_race(self) -> None:
        self.race_runner.cancel()
        self.race = None
        self.view.plot.set_race({})
        self._status("race", "")

    # ------------------------------------------------------------------ controller
    def network_changed(self) -> None:
        """New shapes (or re-initialized weights): new parameter lists, drop old results."""
        net = self.session.net
        sizes = tuple(net.layer_sizes)
        linear = is_linear_lesson(net, self.session.loss)
        self.controls.set_linear_available(linear)
        batch_norm = bool(getattr(net, "batch_norm", False))
        if sizes != self._layer_sizes or batch_norm != self._batch_norm:
            self._layer_sizes, self._batch_norm = sizes, batch_norm
            # get_params() order: W₀, b₀ (, γ₀, β₀), W₁, … (core.parameters)
            labels = [parameter_label(sizes, k, batch_norm)
                      for k in range(n_parameters(sizes, batch_norm))]
            self.controls.set_parameter_choices(labels, default_parameters(sizes, batch_norm))
            self.surface_runner.cancel()
            self.update = self.projector = None
            self.view.plot.clear_surface()
            self.view.slices.clear_slices()
            if linear:
                self.controls.set_mode("linear")
        if not linear and self.controls.mode == "linear":  # e.g. same sizes, now bce
            self.controls.set_mode("parameters")
        self.clear_race()
        self.mark_stale()

    def _settings_changed(self, names: tuple = ()) -> None:
        """L1/L2 change the total loss J on the grid: the surface is stale. (Data and
        network changes arrive as dataChanged/networkChanged; η and the optimizer change no
        loss value — the race reads them when it starts.)"""
        if PENALTY_SETTINGS.intersection(names):
            self.mark_stale()

    def selection_changed(self) -> None:
        """Follow the diagram: the clicked parameter becomes the horizontal axis, the previous
        horizontal one the vertical axis."""
        selected = self.controller.selected_parameter
        chosen = self.controls.parameters()
        if selected is None or chosen is None or not self.controls.follow_check.isChecked():
            return
        try:
            index = ParamRef(*selected).flat_index(self._layer_sizes, self._batch_norm)
        except (ValueError, TypeError):
            return
        first = chosen[0]
        if index == first:
            return
        self.controls.choose_parameters(index, first)
        if self.controls.mode == "parameters":
            self.recompute()

    def move_start_point(self, x: float, y: float) -> None:
        """The current point of a 2-parameter model was dragged to (x, y): set θ there."""
        if self.projector is None or not self.projector.exact:
            return
        params = self.session.net.get_params()
        params[list(self.projector.plane.indices)] = (x, y)
        self.controller.set_parameters(params)
        if self.race is not None:
            self.start_race(self.race.steps)

    # ------------------------------------------------------------------ results
    def _surface_result(self, _request_id: int, result) -> None:
        if isinstance(result, SurfaceUpdate):
            if result.plane.origin.size != self.session.net.n_params:
                return
            self.update = result
            self.projector = Projector(result.plane)
            self._draw_surface()
            surface = result.surface
            size = f"{surface.alphas.size}×{surface.betas.size}"
            ms = fixed(surface.seconds * 1e3, 0)
            preview, step, dtype = result.preview, result.step, surface.dtype
            self._status("surface", lambda: (
                translate("LossSurface", "preview {0} at step {1} · {2} ms ({3})") if preview
                else translate("LossSurface", "surface {0} at step {1} · {2} ms ({3})")
            ).format(size, step, ms, dtype))
            self.redraw_overlays()
            if is_shown(self.view.plot):
                self._paint_watch.arm()  # the worker goes on once the plot has painted this
                return
        elif isinstance(result, SliceUpdate) and self.update is not None:
            labels = axis_labels(self.update.plane, self._layer_sizes, self._batch_norm)
            self.view.slices.set_slices(result, labels[0])
            if is_shown(self.view.slices):
                self._draw_slices()
        self.surface_runner.release_worker()

    def _race_result(self, _request_id: int, result: RaceResult) -> None:
        self.race = result
        # a racer whose loss or parameters stopped being finite (NaN) says so in words
        final = dict(result.final_loss)
        steps, rate = result.steps, number(result.learning_rate)

        def text() -> str:
            losses = " · ".join(f"{race_name(name)} {number(loss, 3)}" if math.isfinite(loss)
                                else translate("LossSurface", "{0} diverged").format(
                                    race_name(name))
                                for name, loss in final.items())
            return translate("LossSurface", "race, {0} steps at η = {1}: loss {2}").format(
                steps, rate, losses)

        self._status("race", text)
        self.redraw_overlays()
        if self.controls.settings().fit_path and not self._grid_covers_race():
            self.recompute()  # widen the grid so the whole race is on the surface

    def _grid_covers_race(self) -> bool:
        if self.update is None or self.race is None:
            return True
        xs, ys = self.projector.display(self.update.surface.alphas, self.update.surface.betas)
        for path in self.race.paths.values():
            coords = self.projector(path)
            if not ((coords[:, 0] >= xs.min()).all() and (coords[:, 0] <= xs.max()).all()
                    and (coords[:, 1] >= ys.min()).all() and (coords[:, 1] <= ys.max()).all()):
                return False
        return True

    # ------------------------------------------------------------------ drawing
    def redisplay(self) -> None:
        """Loss kind or log colour changed: redraw from the stored results (no recompute)."""
        self._draw_surface()
        self._draw_slices()

    def _draw_surface(self) -> None:
        if self.update is None:
            return
        surface, projector = self.update.surface, self.projector
        xs, ys = projector.display(surface.alphas, surface.betas)
        try:
            alpha, beta, _ = surface.minimum(total=self.controls.loss_kind == "total")
            minimum = projector.display(alpha, beta)
        except ValueError:
            minimum = None
        layer = self.update.layer(self.controls.loss_kind, self.controls.log_colour)
        resolution = self.update.resolution
        labels = axis_labels(self.update.plane, self._layer_sizes, self._batch_norm)
        short = short_axis_labels(self.update.plane, self._layer_sizes, self._batch_norm)
        self.view.plot.set_surface(layer, xs, ys, log=self.controls.log_colour, labels=labels,
                                   minimum=minimum, optimum=self.update.optimum,
                                   shape=(resolution, resolution) if resolution else None,
                                   short_labels=short)
        if self.view.view_3d.available or not self.view.view_3d.message:
            self.view.view_3d.set_surface(layer.values, xs, ys)
        net = self.session.net
        self.view.plot.set_draggable(net.n_params == 2 and projector.exact)

    def _draw_slices(self) -> None:
        self.view.slices.redraw(self.controls.loss_kind, self.controls.log_colour)

    def redraw(self) -> None:
        """Visible and asked to redraw: overlays now; a new surface if one is due."""
        self.redraw_overlays()
        self._submit_if_due()

    def _submit_if_due(self) -> None:
        if is_shown(self.view) and self._auto_due() and not self.surface_runner.busy:
            self._submit()

    def redraw_overlays(self) -> None:
        """Path, current point and race paths in the coordinates of the surface on screen."""
        projector, plot = self.projector, self.view.plot
        trainer = self.controller.trainer
        if projector is None or projector.plane.origin.size != trainer.net.n_params:
            plot.set_path(None)
            return
        current = trainer.net.get_params()
        key = (id(projector), id(self.race), trainer.step_count, trainer.oldest_step,
               current.tobytes())
        if key == self._overlay_key:
            return  # nothing moved: do not make the plot paint again
        self._overlay_key = key
        _steps, trajectory = trainer.trajectory()
        plot.set_path(projector(trajectory), projector(current))
        if self.race is not None:
            plot.set_race({name: projector(path) for name, path in self.race.paths.items()
                           if path.shape[1] == projector.plane.origin.size})

    def _failure(self, key: str, error: BaseException) -> None:
        self._status(key, lambda: failure_text(error))
        if key == "surface":
            self._failed = True
            self.gate.request()  # training may have moved on while it ran: try again then

    def _status(self, key: str, text) -> None:
        """Set the ``key`` line of the status: a string or a function giving it in the
        interface language (shown again in the new language after a switch)."""
        self._texts[key] = text
        self.controls.show_status(self.status_text)

    def status_text(self) -> str:
        texts = (text() if callable(text) else text for text in self._texts.values())
        return "\n".join(t for t in texts if t)

    def _show_busy(self) -> None:
        self.controls.set_busy(self.surface_runner.busy or self.race_runner.busy)

    def shutdown(self) -> None:
        """Stop both worker threads (quit + wait) and the automatic refresh; call when the
        window closes."""
        self._auto_timer.stop()
        self.surface_runner.shutdown()
        self.race_runner.shutdown()


class _PaintWatch(QtCore.QObject):
    """Calls ``callback`` right after the next paint of ``widget`` once armed."""

    def __init__(self, widget: QtWidgets.QWidget, callback) -> None:
        super().__init__(widget)
        self.callback = callback
        self.armed = False
        widget.installEventFilter(self)

    def arm(self) -> None:
        self.armed = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if self.armed and event.type() == QtCore.QEvent.Type.Paint:
            self.armed = False
            QtCore.QTimer.singleShot(0, self.callback)  # runs after this paint has finished
        return False
