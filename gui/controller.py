"""TrainingController: the one place where the GUI changes the model.

It owns the ``core.session.Session`` and the ONE playback ``QTimer``. Widgets call its methods;
it changes the core state and emits signals; views redraw from those signals.

Signals say what changed (the list and the exact meaning of each: :class:`TrainingController`),
so each view redraws only for what it draws: a new learning rate does not redraw the decision
boundary or the diagram's thumbnails.

Playback: each timer tick runs as many training steps as fit in the step budget — at most
``STEP_BUDGET`` (60% of a 33 ms frame, design.md), less when the window's redraw and painting
take more than the rest of the frame (:meth:`TrainingController.step_budget`) — or, below full
speed, the steps that are due at the chosen rate — then emits ``stepped`` once, so every view
redraws once per frame. A step that would not fit in what is left of the budget waits for the
next frame.

Evaluation cadence: the controller's sessions train with ``Trainer(evaluation="cadence")``
(:data:`PLAY_EVALUATION`): a step measures only its mini-batch, and the full sets are measured
at epoch ends and by ``Trainer.evaluate_now`` right before every ``stepped`` — at most once per
frame, and after Step, Epoch, a lesson action and the last tick before a pause — so the newest
history row is always an evaluated one when views draw. Between ticks the event
loop runs (input, painting, other timers): that is what keeps the window responsive during a
long Play or Epoch. Budgets are measured with ``TrainingController.clock`` (default
``time.perf_counter``; a test may put in a fake clock).
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Callable

import numpy as np
from PySide6 import QtCore
from PySide6.QtCore import Signal

from core.comparison import Comparison, ComparisonError
from core.divergence import MAX_PARAMETER_ABS
from core.early_stopping import play_stops_early, stopped_best
from core.parameters import ParamRef
from core.session import Session
from core.settings import SettingValueError, fields_of
from core.training import (
    BATCH_NORM_BATCH_OF_ONE,
    EmptyTrainingSet,
    PhaseError,
    TrainingDiverged,
)
from gui.common import setting_errors
from gui.common.divergence_text import cause_text, phase_text
from gui.common.i18n import translate
from gui.common.number_format import number

FRAME_SECONDS = 1.0 / 30.0
STEP_BUDGET = 0.6 * FRAME_SECONDS
#: At full speed a frame (steps + redraw + painting) aims at this length, a little under
#: FRAME_SECONDS so that jitter still leaves 30 frames/s: when the measured redraw and painting
#: take more than TARGET_FRAME_SECONDS − STEP_BUDGET (a large window), the steps get less.
TARGET_FRAME_SECONDS = 0.95 * FRAME_SECONDS
#: ... but never less than this, so training still moves when a redraw is very slow.
MIN_STEP_BUDGET = 0.3 * FRAME_SECONDS
#: How many recent frames' redraw-and-paint times the step budget looks at (their median).
REDRAW_WINDOW = 15
#: Evaluation mode of the sessions the controller trains (core.training.EVALUATION_MODES).
PLAY_EVALUATION = "cadence"
#: An Epoch still running after this many seconds goes on in Play ticks (redrawing between
#: them) and stops at the end of the epoch, so a long one — batch size 1 on 10,000 points is
#: 7,000 steps — never freezes the window.
EPOCH_BLOCK_SECONDS = 0.25
#: Play's rate (steps/s) until someone chooses another: calm enough that a class can follow
#: each step on the canvas and the loss surface (issue 13); 0 (as fast as possible) is one
#: click or key away (the step toolbar's "max").
DEFAULT_PLAY_SPEED = 10.0
#: The sections of a Session's settings, in the order of :func:`settings_of`; a setting is
#: named "<section>.<field>" in ``settingsChanged`` (a bare field name is ambiguous: each
#: section has a ``seed``).
SETTINGS_SECTIONS = ("data", "network", "training")
#: Settings that change the training objective J = data loss + penalty without touching the
#: weights: the newest history row is measured again (``Trainer.set_regularization``) and the
#: loss surface's total loss changes, so the views of J redraw for them.
PENALTY_SETTINGS = frozenset({"training.l1", "training.l2"})


def settings_of(session: Session) -> tuple:
    """(data, network, training) settings of ``session`` (immutable dataclasses)."""
    return session.data, session.network, session.training


def changed_settings(before: tuple, after: tuple) -> tuple[str, ...]:
    """Names "<section>.<field>" of the settings that differ between two :func:`settings_of`
    snapshots, in declaration order; () when none differs."""
    names = []
    for section, old, new in zip(SETTINGS_SECTIONS, before, after, strict=True):
        if old == new:
            continue
        names += [f"{section}.{field.name}" for field in dataclasses.fields(new)
                  if getattr(old, field.name) != getattr(new, field.name)]
    return tuple(names)


def parameter_range_text() -> str:
    """The message for a hand-set weight or bias outside the allowed range (non-finite or
    |value| > MAX_PARAMETER_ABS), in the current language."""
    return translate("Controller", "A weight must be a finite number between −{0} and {0}"
                     ).format(number(MAX_PARAMETER_ABS))


def comparison_error_text(error: ComparisonError) -> str:
    """The message for a refused run B (``core.comparison.ComparisonError``), in the current
    language, from its code and the settings' labels (``gui.common.setting_errors``)."""
    return setting_errors.comparison_error_text(error, refusal_code_text)


def refusal_code_text(code) -> str | None:
    """The message for an engine refusal code (``core.training_types.SettingRefused``) in the
    current language; None for a code without one."""
    if code == BATCH_NORM_BATCH_OF_ONE:
        return translate(
            "Controller", "Batch size 1 is not possible with batch norm: it normalizes with the "
                          "mean and variance of the mini-batch, and one sample has no variance. "
                          "Choose a batch size of at least 2, or turn batch norm off.")
    return None


def refusal_text(error: ValueError, section: str | None = None) -> str:
    """The message for a refused setting, in the current language where the engine gives a
    code (``core.training.SettingRefused``, ``core.settings.SettingValueError``; ``section``:
    the settings section the value was for), else the engine's own message."""
    text = refusal_code_text(getattr(error, "code", None))
    if text is not None:
        return text
    if isinstance(error, SettingValueError):
        return setting_errors.setting_value_text(error, section)
    return str(error)


class TrainingController(QtCore.QObject):
    """The GUI's one way to change the model; its signals say exactly what changed.

    Signals (each change emits the narrowest true ones, once; views subscribe to what they
    draw):

    - ``stepped(int n)``: training ran — one or more whole steps through the Trainer (Step,
      the Update phase, Epoch, one Play tick, :meth:`run_steps`); ``n`` is the step count
      after them. The weights moved by the optimizer and the history grew. Never emitted for
      anything else.
    - ``weightsChanged()``: the weights were replaced without a training step — Reset, Rewind,
      the network rebuilt (architecture, data that change its inputs or outputs, a new
      session: scene, lesson, recovery), or set by hand (:meth:`set_parameters`,
      :meth:`set_parameter`). The history and step count may have gone back. Views that
      draw θ redraw on ``stepped`` and on this.
    - ``networkChanged()``: a new network was built or re-initialized (Reset): shapes,
      activations and seed may differ. Always followed by ``weightsChanged``; views rebuild
      their per-shape items here and redraw on ``weightsChanged``.
    - ``dataChanged()``: the points or their preparation changed (edit, regenerate, import,
      features, standardization, training share, undo of those). The weights are kept unless
      ``networkChanged``/``weightsChanged`` follow; predictions over the input plane change
      anyway (the standardization is fitted to the training points).
    - ``pointsReplaced()``: the whole point set was replaced (regenerate, import, a new
      session, undo of those; also a rebuild by data settings): the canvas fits its range
      again. Emitted just before ``dataChanged``.
    - ``settingsChanged(tuple names)``: the panels must show the session's settings again;
      ``names`` are the "<section>.<field>" settings whose values changed (e.g.
      ``("training.learning_rate",)``), () when none did (a refused value shown back as the
      valid one; a rebuilt output head). A training setting (η, optimizer and its
      hyperparameters, batch size, L1/L2, clipping, batch seed) keeps the weights: it emits
      this signal only — no ``stepped``, no ``weightsChanged`` — and clears a divergence.
    - ``selectionChanged()``: the selected sample, parameter or neuron changed.
    - ``phaseCompleted(str)``: "forward" | "backward" | "update" after a single phase (after
      "update", ``stepped`` follows).
    - ``playingChanged(bool)``, ``diverged(str)`` (training produced a non-finite loss or
      parameter; the text explains it), ``errorOccurred(str)``.
    - ``viewedStepChanged(int)``: the timeline shows step k of the snapshots (the past: the
      network holds θ_k, the history and step count are kept), or −1 back at the present;
      ``weightsChanged`` follows.
    - ``comparisonChanged()``: A/B runs started, were loaded with a scene or ended
      (:attr:`comparison`); while comparing, run B follows every training action of the
      session (run A) before ``stepped`` or ``weightsChanged`` is emitted (:meth:`_follow`).

    **Viewing the past** (:meth:`view_step`): training from there discards steps k+1…N, so
    every training action (Forward, Step, Epoch, Play, :meth:`run_steps`) first asks
    ``confirm_continue(k, N)`` (set by the window; None answers "cancel"): "continue" rewinds
    the trainer to k (``Trainer.rewind_to``, the one owner of history truncation) and trains,
    "return" goes back to step N, "cancel" changes nothing. Every other change (settings,
    points, Reset, a new session, hand-set parameters) returns to the present first; Rewind
    moves the view back instead.

    **Fixed settings** (:meth:`set_fixed_settings`, a scene's classroom locks in Student
    mode): a change of one of them is refused here, whoever asks (panels, shortcuts, lessons),
    with ``errorOccurred`` and ``settingsChanged(())``.

    Speed settings (:meth:`set_speed`) are the controller's own and emit nothing.
    """

    phaseCompleted = Signal(str)
    stepped = Signal(int)  # the newest history row is evaluated (module docstring)
    weightsChanged = Signal()
    dataChanged = Signal()
    pointsReplaced = Signal()
    networkChanged = Signal()
    settingsChanged = Signal(tuple)
    diverged = Signal(str)
    playingChanged = Signal(bool)
    selectionChanged = Signal()
    errorOccurred = Signal(str)
    #: an ``errorOccurred`` message containing this text is no longer true (it was corrected)
    errorWithdrawn = Signal(str)
    viewedStepChanged = Signal(int)
    #: Play stopped by early stopping: (best validation step, evaluated steps since it)
    earlyStopped = Signal(int, int)
    #: Restore best brought back the best validation step's weights: (step, "ring" / "copy")
    bestRestored = Signal(int, str)
    comparisonChanged = Signal()

    def __init__(self, session: Session | None = None, parent=None) -> None:
        super().__init__(parent)
        self.session = session if session is not None else Session()
        self.session.set_evaluation(PLAY_EVALUATION)
        #: hand edits since the last update: (the update record they follow, {ref: (value
        #: before the first edit, value set)}); read through :meth:`hand_edit`
        self._hand_edits: tuple[object, dict] = (None, {})
        self.timer = QtCore.QTimer(self)
        self.timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        #: Seconds, monotonic: measures the step budgets and frame times (injectable).
        self.clock: Callable[[], float] = time.perf_counter
        self.speed = DEFAULT_PLAY_SPEED  # steps per second; 0 = as fast as possible
        self._until_epoch_end = False  # playing only to finish an Epoch
        self.stop_at: int | None = None  # Play pauses at this step count (play_until)
        self._due = 0.0
        self._last_tick: float | None = None
        #: seconds the last full-speed tick spent in its steps (None: no such tick just before)
        self._last_steps_seconds: float | None = None
        #: recent full-speed frames' seconds outside the steps: redraw, painting, event loop
        self._redraw_costs: deque[float] = deque(maxlen=REDRAW_WINDOW)
        self._rate_window: deque[tuple[float, int]] = deque(maxlen=60)
        self.frame_times: deque[float] = deque(maxlen=2000)  # seconds between frames
        self.redraw_times: deque[float] = deque(maxlen=2000)  # seconds in views per frame
        self.steps_per_second = 0.0
        self.selected_sample: int | None = None
        self.selected_parameter: tuple[int, str, int, int] | None = None
        #: (k, unit) of the neuron clicked in the network diagram: a^k[unit], k = 0 … L
        self.selected_neuron: tuple[int, int] | None = None
        #: > 0 while an undo command changes the points (gui.canvas.commands); a whole-set change
        #: outside of one (lesson, scene, direct setting) invalidates the drawing undo history
        self.undo_depth = 0
        self._divergence_reported = False
        #: "<section>.<field>" settings no setter may change (Student mode's fixed settings)
        self.fixed_settings: frozenset[str] = frozenset()
        #: the step the timeline shows, when it is in the past (else None)
        self.viewed_step: int | None = None
        self._present_params: np.ndarray | None = None
        #: asked before training from the past discards the future: (k, N) → "continue",
        #: "return" or "cancel" (gui.app_window.timeline installs a dialog)
        self.confirm_continue: Callable[[int, int], str] | None = None
        #: the best validation step Play last stopped at (early stopping), None before: Play
        #: pressed again trains on until a new best runs out of patience
        self._stopped_at_best: int | None = None
        #: the A/B runs (core.comparison.Comparison) while comparing: A is ``session``; run B
        #: follows every training action of A (:meth:`_follow`); None when not comparing
        self.comparison: Comparison | None = None

    # ------------------------------------------------------------ properties
    @property
    def trainer(self):
        return self.session.trainer

    @property
    def phase(self) -> str:
        """Last completed phase: "ready" (next is forward), "forward" or "backward"."""
        return self.trainer.phase

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    @property
    def divergence(self):
        return self.trainer.divergence

    # ----------------------------------------------------------- phase steps
    def _guard(self, action, *args):
        """Run a trainer action; divergence and phase errors become signals, not crashes."""
        try:
            return action(*args)
        except TrainingDiverged:
            self._report_divergence()
        except EmptyTrainingSet:
            self.errorOccurred.emit(self._empty_training_text())
        except PhaseError as error:
            self.errorOccurred.emit(str(error))
        return None

    def _trained(self, steps_before: int, diverged_before: bool) -> None:
        """Say what a training action changed: ``stepped(n)`` when steps completed (after a
        divergence the trainer keeps the last good step's weights, so that is still true);
        ``weightsChanged`` when none did but a divergence appeared (the step in progress was
        abandoned and the last snapshot's weights restored); nothing otherwise."""
        trainer = self.trainer
        if trainer.step_count != steps_before:
            trainer.evaluate_now()  # nothing to do when the newest row is already evaluated
            self._follow()
            self.stepped.emit(trainer.step_count)
        elif trainer.divergence is not None and not diverged_before:
            self.weightsChanged.emit()

    def _state(self) -> tuple[int, bool]:
        return self.trainer.step_count, self.trainer.divergence is not None

    def forward(self) -> None:
        if not self._may_train():
            return
        before = self._state()
        if self._guard(self.trainer.forward) is not None:
            self._after_phase("forward")
        else:
            self._trained(*before)

    def backward(self) -> None:
        before = self._state()
        if self._guard(self.trainer.backward) is not None:
            self._after_phase("backward")
        else:
            self._trained(*before)

    def update(self) -> None:
        if self.trainer.phase != "backward":
            self.errorOccurred.emit(translate("Controller", "Update needs a backward pass first"))
            return
        before = self._state()
        self._guard(self.trainer.update)
        self.phaseCompleted.emit("update")
        self._trained(*before)
        if self.trainer.divergence is not None:
            self._report_divergence()

    def _after_phase(self, phase: str) -> None:
        self.phaseCompleted.emit(phase)
        if self.trainer.divergence is not None:
            self._report_divergence()

    def step(self) -> None:
        if not self._may_train():
            return
        before = self._state()
        self._guard(self.trainer.step)
        self._trained(*before)
        if self.trainer.divergence is not None:
            self._report_divergence()

    def epoch(self) -> None:
        """Steps until the current pass over the training set ends. A short epoch runs at
        once; one still running after EPOCH_BLOCK_SECONDS continues in Play ticks at full
        speed (the window stays responsive, Pause stops it early) and stops at its end."""
        if not self._may_train():
            return
        trainer = self.trainer
        before = self._state()
        start = self.clock()
        while True:
            record = self._guard(trainer.step)
            if record is None or record.epoch_ended or trainer.divergence is not None:
                break
            if self.clock() - start >= EPOCH_BLOCK_SECONDS:
                self._trained(*before)
                self.play(until_epoch_end=True)
                return
        self._trained(*before)
        if trainer.divergence is not None:
            self._report_divergence()

    def run_steps(self, steps: int, early_stopping: bool = False) -> bool:
        """Scripted training (the animation export's private copy, the headless GIF): up to
        ``steps`` whole steps through the Trainer, then ``stepped(n)`` once (when a step ran),
        so views redraw once;
        training stops at a divergence (reported with ``diverged``) or when there are no
        training points (``errorOccurred``), and with ``early_stopping`` where Play would stop
        for early stopping (``core.lesson_steps.play_stops_early``; a lesson's replay of Play).
        Pauses Play first. Returns False when it stopped early, or training had already
        diverged: nothing more can be trained."""
        self.pause()
        if not self._may_train():
            return False
        trainer = self.trainer
        before = self._state()
        completed = True
        stopped_at = stopped_best(trainer)
        for _ in range(max(0, int(steps))):
            if trainer.divergence is not None or self._guard(trainer.step) is None:
                completed = False
                break
            if early_stopping and play_stops_early(trainer, stopped_at):
                completed = False
                break
        self._trained(*before)
        return completed

    def run_epochs(self, epochs: int) -> bool:
        """Scripted training (a lesson step's action): ``epochs`` whole passes over the
        training set (the rest of the current one first, as :meth:`epoch`), at once, then
        ``stepped(n)`` once. Pauses Play first; stops at a divergence. Returns False when it
        stopped early or training had already diverged."""
        self.pause()
        trainer = self.trainer
        before = self._state()
        completed = True
        for _ in range(max(0, int(epochs))):
            while True:
                record = None if trainer.divergence is not None else self._guard(trainer.step)
                if record is None:
                    completed = False
                    break
                if record.epoch_ended:
                    break
            if not completed:
                break
        self._trained(*before)
        return completed

    # -------------------------------------------------------------- playback
    def set_speed(self, steps_per_second: float) -> None:
        """Playback rate in steps/s (≥ 0); 0 means as fast as possible."""
        self.speed = max(0.0, float(steps_per_second))
        self._due = 0.0
        if self.playing and not self._until_epoch_end:
            self.timer.setInterval(self._interval_ms())

    def _interval_ms(self) -> int:
        # Full speed: back-to-back ticks (Qt runs zero timers after pending paint events).
        return 0 if self.speed <= 0 else int(round(FRAME_SECONDS * 1000))

    def play(self, until_epoch_end: bool = False) -> None:
        """Start playback; ``until_epoch_end``: at full speed, stopping when the epoch ends
        (how :meth:`epoch` finishes a long epoch)."""
        if self.playing:
            return
        if not self._may_train():
            return
        if self.trainer.divergence is not None:
            self._report_divergence()
            return
        self._due = 1.0 if self.speed > 0 else 0.0  # the first step comes at once
        self._last_tick = None
        self._rate_window.clear()
        self._until_epoch_end = bool(until_epoch_end)
        self.timer.start(0 if until_epoch_end else self._interval_ms())
        self.playingChanged.emit(True)

    def play_until(self, step: int) -> None:
        """Play (at the current speed) and pause exactly when the step count reaches ``step``
        (a lesson step's action); nothing happens if it has already."""
        if self.trainer.step_count >= step:
            return
        self.stop_at = int(step)
        self.play()
        if not self.playing:
            self.stop_at = None

    def pause(self) -> None:
        self.stop_at = None
        if not self.playing:
            return
        self.timer.stop()
        self._until_epoch_end = False
        self.steps_per_second = 0.0
        self.playingChanged.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def step_budget(self) -> float:
        """Seconds of training steps the next full-speed tick may run: ``STEP_BUDGET``, or less
        when the median of the recent frames' redraw-and-paint time (:data:`REDRAW_WINDOW`
        frames, measured with ``clock``) leaves less than that of TARGET_FRAME_SECONDS, and
        never less than MIN_STEP_BUDGET."""
        if not self._redraw_costs:
            return STEP_BUDGET
        redraw = float(np.median(self._redraw_costs))
        return float(np.clip(TARGET_FRAME_SECONDS - redraw, MIN_STEP_BUDGET, STEP_BUDGET))

    def _tick(self) -> None:
        """One frame: run the steps that fit (or are due), then notify views once."""
        start = self.clock()
        if self._last_tick is not None:
            self.frame_times.append(start - self._last_tick)
            if self.speed > 0:
                self._due += (start - self._last_tick) * self.speed
            if self._last_steps_seconds is not None:  # back-to-back full-speed ticks
                self._redraw_costs.append(start - self._last_tick - self._last_steps_seconds)
        self._last_tick = start
        full_speed = self.speed <= 0 or self._until_epoch_end
        budget = self.step_budget()
        steps = 0
        trainer = self.trainer
        before = self._state()
        epoch_ended = stopped_early = False
        now = start
        while True:
            if self.speed > 0 and not self._until_epoch_end and self._due < 1.0:
                break
            if self.stop_at is not None and trainer.step_count >= self.stop_at:
                break
            try:
                epoch_ended = trainer.step().epoch_ended
            except TrainingDiverged:
                break
            except EmptyTrainingSet:
                self.pause()
                self.errorOccurred.emit(self._empty_training_text())
                break
            self._follow(evaluate=False)  # run B's step inside the frame's budget
            steps += 1
            if self.speed > 0:
                self._due -= 1.0
            if trainer.divergence is not None or (epoch_ended and self._until_epoch_end):
                break
            if self._patience_says_stop():
                stopped_early = True
                break
            previous, now = now, self.clock()
            step_seconds = now - previous
            if now - start + step_seconds > budget:  # another such step would not fit
                if self.speed > 0:
                    self._due = min(self._due, 1.0)  # cannot keep up: do not pile up a backlog
                break
        self._last_steps_seconds = (self.clock() - start) if full_speed and steps else None
        self._rate_window.append((start, steps))
        if len(self._rate_window) >= 2:
            elapsed = self.clock() - self._rate_window[0][0]
            counted = sum(n for _, n in self._rate_window)
            self.steps_per_second = counted / elapsed if elapsed > 0 else 0.0
        if steps:
            trainer.evaluate_now()  # once per frame (module docstring)
            stopped_early = stopped_early or (trainer.divergence is None
                                              and self._patience_says_stop())
        redraw_start = self.clock()
        self._trained(*before)
        if steps:
            self.redraw_times.append(self.clock() - redraw_start)
        if trainer.divergence is not None:
            self.pause()
            self._report_divergence()
        elif epoch_ended and self._until_epoch_end:
            self.pause()
        elif self.stop_at is not None and trainer.step_count >= self.stop_at:
            self.pause()
        elif stopped_early:
            self.pause()
            best = trainer.best_validation
            self._stopped_at_best = best.step
            self.earlyStopped.emit(best.step, trainer.steps_since_best)

    def _patience_says_stop(self) -> bool:
        """Early stopping: the validation loss has not improved for ``patience``
        steps (``Trainer.patience_exhausted``) — unless Play was already stopped for this same
        best step and the user pressed Play again to train on."""
        return play_stops_early(self.trainer, self._stopped_at_best)

    def restore_best(self) -> bool:
        """Bring back the weights of the best validation step (``Trainer.restore_best``: a
        rewind through the snapshots, or the kept copy when they have moved on). Pauses Play;
        ``weightsChanged``; errorOccurred and False when there is no best to restore."""
        self.pause()
        self.return_to_present()
        try:
            how = self.trainer.restore_best()
        except ValueError as error:
            self.errorOccurred.emit(str(error))
            return False
        self._follow()
        self.bestRestored.emit(self.trainer.best_validation.step, how)
        self.weightsChanged.emit()
        return True

    def _empty_training_text(self) -> str:
        """Why training cannot start: no training points, or (batch norm) only one."""
        if self.trainer.n_train == 0:
            return translate("Controller",
                             "There are no training points: add points or regenerate")
        return translate("Controller", "Batch norm needs at least 2 training points: add "
                                       "points or turn batch norm off")

    def _report_divergence(self) -> None:
        self.pause()
        self.diverged.emit(self.divergence_text())

    def divergence_text(self) -> str:
        info = self.trainer.divergence
        if info is None:
            return ""
        return translate("Controller", "Training diverged at step {0} ({1}): {2}").format(
            info.step, phase_text(info.phase), cause_text(info))

    # ------------------------------------------------------- reset & rewind
    def reset(self) -> None:
        """Re-initialize the network from its seed; clears history, snapshots, divergence
        (``networkChanged``, ``weightsChanged``)."""
        self.pause()
        self.return_to_present()
        self.trainer.reset()
        if self.comparison is not None:
            self.comparison.b.reset()
        self._weights_replaced(rebuilt=True)

    def rewind(self, n: int = 1) -> None:
        """Go back `n` steps through the snapshots (also clears a divergence);
        ``weightsChanged``."""
        self.pause()
        if self.viewed_step is not None:  # move the view back; the future stays
            self.view_step(max(self.trainer.oldest_step, self.viewed_step - max(1, int(n))))
            return
        trainer = self.trainer
        if not trainer.can_rewind and trainer.divergence is None:
            self.errorOccurred.emit(translate("Controller", "Nothing to rewind"))
            return
        try:
            self.trainer.rewind(n)
        except (ValueError, RuntimeError) as error:
            self.errorOccurred.emit(str(error))
            return
        self._follow()
        self.weightsChanged.emit()

    # ----------------------------------------------------------- A/B runs
    def start_comparison(self, changes: dict) -> bool:
        """Compare: run B is the session with ``changes`` ({setting key: value},
        ``core.comparison.make_run_b``), from the same start; the session (run A) goes back to
        its step 0 (as Reset) and both train together from then on. Pauses Play. Refused
        (errorOccurred, False, nothing changes) for a bad key or value."""
        self.pause()
        self.return_to_present()
        try:
            comparison = Comparison.start(self.session, changes)
        except ComparisonError as error:
            self.errorOccurred.emit(comparison_error_text(error))
            return False
        comparison.b.set_evaluation(PLAY_EVALUATION)
        self.comparison = comparison
        self._weights_replaced(rebuilt=True)
        self.comparisonChanged.emit()
        return True

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show ``comparison`` (whose ``a`` must be the session, e.g. from a scene file), or
        end comparing (None): ``comparisonChanged``."""
        if comparison is not None and comparison.a is not self.session:
            raise ValueError("run A of a comparison must be the controller's session")
        if comparison is not None:
            comparison.b.set_evaluation(PLAY_EVALUATION)
        if comparison is self.comparison:
            return
        self.comparison = comparison
        self.comparisonChanged.emit()

    def end_comparison(self) -> None:
        """Back to run A alone (run B is dropped; A keeps its training):
        ``comparisonChanged``."""
        self.set_comparison(None)

    def _follow(self, evaluate: bool = True) -> None:
        """Run B takes the step count of run A: steps forward (until it diverges) or rewinds
        (as far as its snapshots reach); ``evaluate``: measure its newest row (once a
        frame)."""
        if self.comparison is None:
            return
        target, b = self.trainer.step_count, self.comparison.b.trainer
        if b.step_count > target:
            b.rewind_to(max(target, b.oldest_step))
        while b.step_count < target and b.divergence is None:
            try:
                b.step()
            except (TrainingDiverged, EmptyTrainingSet):
                break
        if evaluate:
            b.evaluate_now()

    # -------------------------------------------------------------- timeline
    def timeline_range(self) -> tuple[int, int]:
        """(oldest, newest): the steps the timeline can show — the trainer's snapshots,
        ``oldest_step`` … ``step_count``."""
        return self.trainer.oldest_step, self.trainer.step_count

    def view_step(self, step: int) -> bool:
        """Show step ``step`` of the snapshots: the network holds θ_step (bit for bit the
        snapshot), the history, step count and snapshots are kept; step N (the newest) is
        the present (:meth:`return_to_present`). Pauses Play; refused (errorOccurred, False)
        during a step or outside :meth:`timeline_range`. Emits ``viewedStepChanged(step)``
        and ``weightsChanged``."""
        self.pause()
        trainer = self.trainer
        step = int(step)
        oldest, newest = self.timeline_range()
        if step == newest:
            self.return_to_present()
            return True
        if trainer.phase != "ready":
            self.errorOccurred.emit(translate(
                "Controller", "Finish the current step before looking at the past"))
            return False
        if not oldest <= step < newest:
            self.errorOccurred.emit(translate(
                "Controller", "Steps {0}…{1} can be shown, not step {2}").format(
                    oldest, newest, step))
            return False
        if step == self.viewed_step:
            return True
        if self.viewed_step is None:
            self._present_params = trainer.net.get_params().copy()
        trainer.net.set_params(trainer.snapshot_params(step))
        self.viewed_step = step
        self.viewedStepChanged.emit(step)
        self.weightsChanged.emit()
        return True

    def return_to_present(self) -> None:
        """Back from the past to the newest step N with nothing lost (no-op at the present):
        ``viewedStepChanged(-1)``, ``weightsChanged``."""
        if self.viewed_step is None:
            return
        self.trainer.net.set_params(self._present_params)
        self.viewed_step, self._present_params = None, None
        self.viewedStepChanged.emit(-1)
        self.weightsChanged.emit()

    def continue_from_past(self) -> None:
        """Make the viewed step k the present: the trainer rewinds to k
        (``Trainer.rewind_to``), discarding steps k+1…N (``viewedStepChanged(-1)``,
        ``weightsChanged``). No-op at the present."""
        step = self.viewed_step
        if step is None:
            return
        self.viewed_step, self._present_params = None, None
        self.trainer.rewind_to(step)
        self._follow()
        self.viewedStepChanged.emit(-1)
        self.weightsChanged.emit()

    def _may_train(self) -> bool:
        """True when training may go on: at the present, or after ``confirm_continue`` said
        "continue" (then rewound to the viewed step); "return" goes back to the present and
        "cancel" (or no one to ask) leaves everything as it was — both: False."""
        step = self.viewed_step
        if step is None:
            return True
        self.pause()
        answer = "cancel" if self.confirm_continue is None else \
            self.confirm_continue(step, self.trainer.step_count)
        if answer == "continue":
            self.continue_from_past()
            return True
        if answer == "return":
            self.return_to_present()
        return False

    def _drop_comparison(self) -> None:
        """Run A got other points or another network: run B no longer shares its start."""
        if self.comparison is not None:
            self.comparison = None
            self.comparisonChanged.emit()

    def _weights_replaced(self, rebuilt: bool) -> None:
        if rebuilt:
            self.networkChanged.emit()
        self.weightsChanged.emit()

    # -------------------------------------------------------------- settings
    def set_fixed_settings(self, names) -> None:
        """The "<section>.<field>" settings no setter may change from now on (() frees all)."""
        self.fixed_settings = frozenset(str(name) for name in names)

    def _refused_fixed(self, section: str, changes: dict) -> bool:
        """True (after errorOccurred and ``settingsChanged(())``) when ``changes`` would
        change a fixed setting of ``section``; setting its current value again is allowed."""
        current = getattr(self.session, section)
        fixed = [name for name, value in changes.items()
                 if f"{section}.{name}" in self.fixed_settings
                 and getattr(current, name, value) != value]
        if not fixed:
            return False
        labels = {info.name: info.label for info in fields_of(current)}
        self.errorOccurred.emit(translate("Controller", "{0} is fixed in this scene").format(
            ", ".join(translate("Settings", labels.get(name, name)) for name in fixed)))
        self.settingsChanged.emit(())
        return True

    def _apply(self, method, changes: dict, section: str) -> frozenset | None:
        """Call a Session setter; a ValueError becomes errorOccurred and ``settingsChanged(())``
        (nothing changed: the panels show the valid settings again), and so does a change of
        a fixed setting. Returns the setter's result (what happened: "points", "network",
        "training"), or None when refused."""
        if self._refused_fixed(section, changes):
            return None
        self.return_to_present()
        before = settings_of(self.session)
        try:
            result = method(**changes)
        except ValueError as error:
            self.errorOccurred.emit(refusal_text(error, section))
            self.settingsChanged.emit(())
            return None
        self.settingsChanged.emit(changed_settings(before, settings_of(self.session)))
        return result

    def set_data_settings(self, **changes) -> bool:
        """Data settings: task/preset/n/noise/seed regenerate (new network), the rest keep it
        (features, standardization and training share re-prepare the points; the network is
        rebuilt only when the number of inputs changes). Emits ``settingsChanged``, then, when
        the points changed, ``pointsReplaced`` (new network only), ``dataChanged`` and, for
        a new network, ``networkChanged`` + ``weightsChanged``. False when refused."""
        result = self._apply(self.session.set_data_settings, changes, "data")
        if result is None:
            return False
        if result:
            self._drop_comparison()
        if "network" in result:
            self.pointsReplaced.emit()
        if "points" in result:
            self.dataChanged.emit()
        if "network" in result:
            self._weights_replaced(rebuilt=True)
        return True

    def set_network_settings(self, **changes) -> bool:
        """Architecture settings: the network is rebuilt from its seed (step 0):
        ``settingsChanged``, ``networkChanged``, ``weightsChanged``. False when refused."""
        result = self._apply(self.session.set_network_settings, changes, "network")
        if result is None:
            return False
        self._drop_comparison()
        self._weights_replaced(rebuilt=True)
        return True

    def set_training_settings(self, **changes) -> bool:
        """Optimization settings: the weights, history and step count are kept (a divergence
        is cleared); emits ``settingsChanged(names)`` only. False when refused."""
        return self._apply(self.session.set_training_settings, changes,
                           "training") is not None

    # ----------------------------------------------------------- point edits
    def _points_edited(self, result: frozenset, before: tuple | None = None) -> None:
        """After the points changed: ``dataChanged``; for a rebuilt network (new inputs or
        output head) also ``settingsChanged`` (the panels show the head; names of the settings
        that differ from ``before``, a :func:`settings_of` snapshot), ``networkChanged`` and
        ``weightsChanged``."""
        self._drop_comparison()
        self.dataChanged.emit()
        if "network" in result:
            after = settings_of(self.session)
            self.settingsChanged.emit(() if before is None else changed_settings(before, after))
            self._weights_replaced(rebuilt=True)

    def add_point(self, x, label, train: bool = True, split: int | None = None) -> int:
        """Add a point; ``split`` (a ``core.datasets`` split code) wins over ``train``."""
        self.return_to_present()
        before = settings_of(self.session)
        index = self.session.points.add(x, label, train, split)
        self._points_edited(self.session.points_edited(), before)
        return index

    def insert_point(self, index: int, x, label, train: bool = True,
                     split: int | None = None) -> None:
        self.return_to_present()
        before = settings_of(self.session)
        self.session.points.insert(index, x, label, train, split)
        self._points_edited(self.session.points_edited(), before)

    def remove_point(self, index: int):
        """Remove point ``index``; returns ``(x, label, split code)`` for
        ``insert_point(index, x, label, split=…)``."""
        self.return_to_present()
        before = settings_of(self.session)
        points = self.session.points
        split = int(points.split[index]) if 0 <= index < len(points) else None
        x, label, _train = points.remove(index)
        self._points_edited(self.session.points_edited(), before)
        return x, label, split

    def clear_points(self) -> None:
        self.return_to_present()
        before = settings_of(self.session)
        self._points_edited(self.session.clear(), before)

    def points_state(self) -> dict:
        """Snapshot of the whole session for the undo of a whole-point-set edit (Clear,
        Regenerate, Import): ``{"session": a deep copy (Session.copy: points, settings, names,
        source, weights, optimizer state, history, step)}`` plus, for reading, its
        ``"points"``, ``"data"``, ``"class_names"``, ``"feature_names"`` and ``"source"``."""
        kept = self.session.copy()
        return {"session": kept, "points": kept.points, "data": kept.data,
                "class_names": kept.class_names, "feature_names": kept.feature_names,
                "source": kept.data_source}

    def restore_points_state(self, state: dict) -> None:
        """Put a :meth:`points_state` snapshot back (undo/redo of Clear, Regenerate, Import):
        the session as it was — points and settings, and the training too (weights, history,
        step count), so undoing Clear loses nothing. The snapshot itself is not used up (a
        copy goes in). The selection is kept where it still fits (the sample is dropped)."""
        parameter, neuron = self.selected_parameter, self.selected_neuron
        self.pause()
        self.set_session(state["session"].copy())
        sizes = self.trainer.net.layer_sizes
        if parameter is not None and not ParamRef(*parameter).is_valid(sizes):
            self.selected_parameter = None
        if neuron is not None and not (0 <= neuron[0] < len(sizes)
                                       and 0 <= neuron[1] < sizes[neuron[0]]):
            self.selected_neuron = None
        self.selectionChanged.emit()
        if self.session.trainer.divergence is not None:
            self._report_divergence()

    def _points_replaced(self, result: frozenset, before: tuple) -> None:
        """After a whole new point set (and maybe data settings and source): the panels show
        the settings and the source again (``settingsChanged``), the canvas fits the new
        points (``pointsReplaced``), then as :meth:`_points_edited`."""
        self._drop_comparison()
        self.settingsChanged.emit(changed_settings(before, settings_of(self.session)))
        self.pointsReplaced.emit()
        self.dataChanged.emit()
        if "network" in result:
            self._weights_replaced(rebuilt=True)

    def set_session(self, session: Session) -> None:
        """Replace the whole session (scene file, lesson); views and panels follow: every
        signal but ``stepped`` (a new network, new points, new settings)."""
        self.pause()
        self.return_to_present()
        before = settings_of(self.session)
        self.session = session
        session.set_evaluation(PLAY_EVALUATION)
        self.selected_sample = None
        self._points_replaced(frozenset({"points", "network"}), before)

    def replace_session(self, session: Session) -> None:
        """Swap in another, already validated Session (File ▸ New/Open, recovery, a lesson):
        one assignment, so a failed load never touches the current one. The whole selection
        is cleared first (its indices may not exist in the new network), then every view
        redraws; a session saved after a divergence reports it again."""
        self.selected_parameter = None
        self.selected_neuron = None
        self.set_session(session)
        self.selectionChanged.emit()
        if session.trainer.divergence is not None:
            self._report_divergence()

    def regenerate(self) -> None:
        """New points from the preset (data settings); the network is rebuilt."""
        self.return_to_present()
        before = settings_of(self.session)
        result = self.session.regenerate()
        self._points_replaced(result, before)

    def load_dataset(self, dataset, source=None) -> None:
        """Replace the points by an imported Dataset (1 or 2 features); ``source`` is its
        core.data_source.DataSource. Raises ValueError."""
        self.return_to_present()
        before = settings_of(self.session)
        result = self.session.load_dataset(dataset, source)
        self._points_replaced(result, before)

    # ------------------------------------------------------------- selection
    def select_sample(self, index: int | None) -> None:
        self.selected_sample = index
        self.selectionChanged.emit()

    def select_parameter(self, parameter: tuple[int, str, int, int] | None) -> None:
        self.selected_parameter = parameter
        self.selectionChanged.emit()

    def select_neuron(self, neuron: tuple[int, int] | None) -> None:
        """Select a^k[unit] as (k, unit) (diagram, inspector highlight), or None."""
        self.selected_neuron = None if neuron is None else (int(neuron[0]), int(neuron[1]))
        self.selectionChanged.emit()

    # ------------------------------------------------------------ parameters
    def set_parameters(self, params) -> bool:
        """Put a whole parameter vector (``get_params`` order) into the network between two
        steps (the loss surface's draggable start point); rewind and the next step start from
        it (``weightsChanged``). Pauses Play; refused (errorOccurred) in the middle of a step.
        ValueError on a wrong length."""
        self.pause()
        if self.trainer.phase != "ready":
            self.errorOccurred.emit(
                translate("Controller", "Finish the current step before moving the parameters"))
            return False
        self.return_to_present()
        self.trainer.net.set_params(params)
        self.trainer.params_changed()
        self.weightsChanged.emit()
        return True

    def parameter_value(self, ref) -> float:
        """Current value of one weight or bias ``ref`` = (layer, "W"/"b", row, col)
        (``core.parameters.ParamRef``): ``net.weights[layer][row, col]`` or
        ``net.biases[layer][row]``. IndexError/ValueError when ``ref`` is not in the network."""
        layer, kind, row, col = ref
        net = self.trainer.net
        if kind == "W":
            return float(net.weights[layer][row, col])
        if kind == "b":
            return float(net.biases[layer][row])
        raise ValueError(f"kind must be 'W' or 'b', got {kind!r}")

    def set_parameter(self, ref, value: float) -> bool:
        """Set one weight or bias by hand (the diagram's hands-on weights; their undo), between
        two steps: not a training step — the step count and history length stay, the current
        snapshot and history row follow the edit (``Trainer.params_changed``), as for
        :meth:`set_parameters`; emits ``weightsChanged``. Pauses Play. ``ref``: (layer,
        "W"/"b", row, col). Refused with ``errorOccurred`` and False: in the middle of a step,
        a non-finite value or |value| > MAX_PARAMETER_ABS. ValueError when ``ref`` is not a
        parameter of the network."""
        layer, kind, row, col = ref
        if not ParamRef(layer, kind, row, col).is_valid(self.trainer.net.layer_sizes):
            raise ValueError(f"no parameter {tuple(ref)!r} in a network of "
                             f"{self.trainer.net.layer_sizes}")
        value = float(value)
        if not np.isfinite(value) or abs(value) > MAX_PARAMETER_ABS:
            self.errorOccurred.emit(parameter_range_text())
            return False
        self.pause()
        if self.trainer.phase != "ready":
            self.errorOccurred.emit(
                translate("Controller", "Finish the current step before moving the parameters"))
            return False
        before = self.parameter_value(ref)
        record, edits = self._hand_edits
        if record is not self.trainer.last_update:
            edits = {}
        key = (int(layer), kind, int(row), int(col))
        edits[key] = (edits.get(key, (before,))[0], value)
        self._hand_edits = (self.trainer.last_update, edits)
        net = self.trainer.net
        if kind == "W":
            net.weights[layer][row, col] = value
        else:
            net.biases[layer][row] = value
        self.trainer.params_changed()
        self.weightsChanged.emit()
        return True

    def hand_edit(self, ref) -> tuple[float, float] | None:
        """(value after the last update, value now) of parameter ``ref`` = (layer, "W"/"b",
        row, col) when it was set by hand (:meth:`set_parameter`) since the trainer's last
        update and still holds the value set; None otherwise (not edited, edited back, or
        trained / rewound / rebuilt since)."""
        record, edits = self._hand_edits
        if record is None or record is not self.trainer.last_update:
            return None
        layer, kind, row, col = ref
        edit = edits.get((int(layer), kind, int(row), int(col)))
        if edit is None or edit[0] == edit[1]:
            return None
        try:
            if self.parameter_value(ref) != edit[1]:
                return None
        except (IndexError, ValueError):
            return None
        return edit

    # ----------------------------------------------------------------- views
    def batch_point_indices(self) -> np.ndarray | None:
        """Indices into ``session.points`` of the current (or last) mini-batch, or None."""
        indices = self.trainer.batch_indices
        if indices is None or len(indices) == 0:
            return None
        train_indices = self.session.train_indices
        indices = np.asarray(indices, dtype=np.int64)
        return train_indices[indices[indices < train_indices.size]]

    def is_mini_batch(self) -> bool:
        """True when a batch is a proper subset of the training set (not full batch)."""
        return not self.trainer.full_batch

    def shutdown(self) -> None:
        """Stop the timer (called when the window closes)."""
        self.timer.stop()
