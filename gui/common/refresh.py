"""Redraw a view only when the user can see it, and not more often than it is useful.

design.md: "Only the views the user can see are redrawn." A :class:`RefreshGate` sits between
the controller's signals and a view's redraw method; every view of the application redraws
through one (the main window's canvas, loss curve and status bar included):

* while the view is hidden (closed dock, background tab, minimized window) a request only
  marks it dirty, and it redraws once when it is shown again (its Show event, its dock's
  ``visibilityChanged`` through :meth:`RefreshGate.became_visible`, or its window leaving the
  minimized state);
* a request without ``throttle`` (paused, stepping by hand) redraws at once, completely;
* a request with ``throttle`` (during Play) redraws at most once per :meth:`RefreshGate.interval`
  — ``min_interval``, stretched to ``cost_factor`` × the view's own last redraw time for
  costly views — and a trailing redraw always follows, so the last state is never missed.

Durations are read from the gate's ``clock`` (default ``time.perf_counter``; tests put in a
fake one). The one visibility rule is :func:`is_shown`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6 import QtCore, QtWidgets

#: A throttled view waits at least this many times its own last redraw time between redraws
#: (never less than its ``min_interval``), so a costly view — the diagram or the equations of
#: a deep, wide network — takes at most ~1/COST_FACTOR of the time during Play and cannot
#: push frames past the budget; cheap views keep their ``min_interval``.
COST_FACTOR = 20.0


def is_shown(widget: QtWidgets.QWidget) -> bool:
    """True when the widget is visible on screen (not hidden, not a background tab, not in a
    minimized window).

    A scroll area (every QGraphicsView, so every pyqtgraph plot) is covered by its viewport,
    which leaves its own visible region empty: the viewport's region is the one that counts.
    """
    if not widget.isVisible() or widget.window().isMinimized():
        return False
    if isinstance(widget, QtWidgets.QAbstractScrollArea):
        widget = widget.viewport()
    return not widget.visibleRegion().isEmpty()


class RefreshGate(QtCore.QObject):
    """Calls ``redraw()`` on :meth:`request` when ``widget`` is shown, else on its next show.

    Arguments: ``widget`` (whose visibility counts; the gate is its child), ``redraw`` (no
    arguments), ``min_interval`` (seconds ≥ 0 between throttled redraws; 0 = no throttle),
    ``cost_factor`` (the interval is at least this × the last redraw's duration; 0 = a plain
    ``min_interval``), ``clock`` (monotonic seconds; default ``time.perf_counter``).

    ``redraw_count`` counts the redraws that ran, ``dirty`` says a redraw is owed.
    """

    def __init__(self, widget: QtWidgets.QWidget, redraw: Callable[[], None],
                 min_interval: float = 0.0, cost_factor: float = COST_FACTOR,
                 clock: Callable[[], float] | None = None) -> None:
        super().__init__(widget)
        self.widget = widget
        self.redraw = redraw
        self.min_interval = float(min_interval)
        self.cost_factor = float(cost_factor)
        #: Seconds, monotonic: throttle intervals and redraw costs (injectable).
        self.clock: Callable[[], float] = clock or time.perf_counter
        self.dirty = True
        self.redraw_count = 0
        self.cost = 0.0  # seconds the last redraw took
        self._last: float | None = None  # clock() at the start of the last redraw
        self._window: QtWidgets.QWidget | None = None  # watched for leaving "minimized"
        self._trailing = QtCore.QTimer(self)
        self._trailing.setSingleShot(True)
        self._trailing.timeout.connect(self._run)
        widget.installEventFilter(self)

    def interval(self) -> float:
        """Seconds between throttled redraws: ``min_interval``, or ``cost_factor`` × the last
        redraw's duration when that is longer (only for gates with a ``min_interval``)."""
        if self.min_interval <= 0:
            return 0.0
        return max(self.min_interval, self.cost_factor * self.cost)

    @property
    def pending(self) -> bool:
        """A throttled request waits for its trailing redraw."""
        return self._trailing.isActive()

    def request(self, throttle: bool = False) -> None:
        """Ask for a redraw. With ``throttle`` it may be delayed up to :meth:`interval` (a
        trailing redraw then follows); without, a shown view redraws now."""
        self.dirty = True
        if not is_shown(self.widget):
            self._watch_window()
            return
        wait = 0.0
        if throttle and self._last is not None:
            wait = self.interval() - (self.clock() - self._last)
        if wait > 0:
            if not self._trailing.isActive():
                self._trailing.start(int(wait * 1000) + 1)
            return
        self._run()

    def became_visible(self, visible: bool = True) -> None:
        """Connect to ``QDockWidget.visibilityChanged``: a dock brought to the front of a tab
        group gets no Show event, yet it must catch up."""
        if visible and self.dirty:
            QtCore.QTimer.singleShot(0, self._catch_up)

    def _catch_up(self) -> None:
        """A deferred redraw after a show: only if still owed (the Show event and the dock's
        visibilityChanged both ask for it; a request may have drawn meanwhile)."""
        if self.dirty:
            self._run()

    def _run(self) -> None:
        self._trailing.stop()
        if not is_shown(self.widget):
            self._watch_window()
            return
        self.dirty = False
        self._last = start = self.clock()
        self.redraw_count += 1
        self.redraw()
        self.cost = max(0.0, self.clock() - start)

    def _watch_window(self) -> None:
        """Watch the widget's current window, so a dirty view catches up when the window
        is restored from the minimized state (its widgets get no Show event then)."""
        window = self.widget.window()
        if window is self._window or window is self.widget:
            return
        if self._window is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        kind = event.type()
        if watched is self.widget:
            if kind == QtCore.QEvent.Type.Show and self.dirty:
                # after the show, when the region is known
                QtCore.QTimer.singleShot(0, self._catch_up)
            elif kind == QtCore.QEvent.Type.Hide and self._trailing.isActive():
                # hidden (closed dock, closed window): no pending redraw keeps a timer running;
                # the view stays dirty and catches up when shown again
                self._trailing.stop()
                self.dirty = True
        elif (watched is self._window and kind == QtCore.QEvent.Type.WindowStateChange
              and self.dirty and not watched.isMinimized()):
            self._run()  # restored: at once, as the window repaints
            if self.dirty:  # not on screen yet: once the event loop has shown it
                QtCore.QTimer.singleShot(0, self._catch_up)
        return False


def redraw_matches(entry: str, signal: str, args: tuple = ()) -> bool:
    """Whether a ``redraws_on`` entry asks for a redraw when ``signal`` is emitted with ``args``.

    An entry is a controller signal name (``"weightsChanged"``), or ``"settingsChanged:"``
    followed by a prefix of the changed setting names it cares about (``"settingsChanged:
    training."`` for every training setting, ``"settingsChanged:training.l2"`` for L2 only).
    """
    name, _, prefix = entry.partition(":")
    if name != signal:
        return False
    if not prefix:
        return True
    names = args[0] if args else ()
    return any(str(changed).startswith(prefix) for changed in names)


class _Relay(QtCore.QObject):
    """Forwards one controller signal to a gate; a child of the gate, so the connection (to a
    bound method of a QObject) ends when the gate's view is deleted."""

    def __init__(self, gate: RefreshGate, controller, entry: str) -> None:
        super().__init__(gate)
        self.gate, self.controller, self.entry = gate, controller, entry
        self.name = entry.partition(":")[0]

    def fire(self, *args) -> None:
        if self.name == "stepped":
            self.gate.request(throttle=self.controller.playing)
        elif redraw_matches(self.entry, self.name, args):
            self.gate.request()


def connect_redraws(gate: RefreshGate, controller, entries: tuple[str, ...],
                    own: tuple[str, ...] = ()) -> None:
    """Connect the controller signals named by ``entries`` (see :func:`redraw_matches`) to
    ``gate.request``: ``stepped`` throttled while the controller plays, the others at once.
    Signals in ``own`` are skipped: the view connects them itself because they mean more than a
    redraw (e.g. the diagram's phase animation). AttributeError for a name the controller does
    not have."""
    for entry in entries:
        name = entry.partition(":")[0]
        if name not in own:
            getattr(controller, name).connect(_Relay(gate, controller, entry).fire)
