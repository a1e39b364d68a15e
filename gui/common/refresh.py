"""Redraw a view only when the user can see it, and not more often than it is useful.

design.md: "Only the views the user can see are redrawn." A :class:`RefreshGate` sits between
the controller's signals and a view's redraw method: while the view is hidden (closed dock,
background tab, minimized) requests only mark it dirty, and it redraws once when it is shown
again. An optional ``min_interval`` throttles redraws (e.g. the inspector's rich text during
Play), stretched to COST_FACTOR × the view's own redraw time for costly views; a trailing
redraw always follows, so the last state is never missed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6 import QtCore, QtWidgets

#: A throttled view waits at least this many times its own last redraw time between redraws
#: (never less than its ``min_interval``), so a costly view — the diagram or the equations of
#: a deep, wide network — takes at most ~1/COST_FACTOR of the time during Play and cannot
#: push frames past the budget; cheap views keep their ``min_interval``.
COST_FACTOR = 20.0


def is_shown(widget: QtWidgets.QWidget) -> bool:
    """True when the widget is visible on screen (not hidden, not a background tab).

    A scroll area (every QGraphicsView, so every pyqtgraph plot) is covered by its viewport,
    which leaves its own visible region empty: the viewport's region is the one that counts.
    """
    if not widget.isVisible() or widget.window().isMinimized():
        return False
    if isinstance(widget, QtWidgets.QAbstractScrollArea):
        widget = widget.viewport()
    return not widget.visibleRegion().isEmpty()


class RefreshGate(QtCore.QObject):
    """Calls ``redraw()`` on :meth:`request` when ``widget`` is shown, else on its next show."""

    def __init__(self, widget: QtWidgets.QWidget, redraw: Callable[[], None],
                 min_interval: float = 0.0) -> None:
        super().__init__(widget)
        self.widget = widget
        self.redraw = redraw
        self.min_interval = float(min_interval)
        self.dirty = True
        self.redraw_count = 0
        self.cost = 0.0  # seconds the last redraw took
        self._last = -1e9
        self._trailing = QtCore.QTimer(self)
        self._trailing.setSingleShot(True)
        self._trailing.timeout.connect(self._run)
        widget.installEventFilter(self)

    def interval(self) -> float:
        """Seconds between throttled redraws: ``min_interval``, or COST_FACTOR × the last
        redraw's duration when that is longer (only for gates with a ``min_interval``)."""
        if self.min_interval <= 0:
            return 0.0
        return max(self.min_interval, COST_FACTOR * self.cost)

    def request(self, throttle: bool = False) -> None:
        """Ask for a redraw. With ``throttle`` it may be delayed up to :meth:`interval`."""
        self.dirty = True
        if not is_shown(self.widget):
            return
        wait = self.interval() - (time.perf_counter() - self._last) if throttle else 0.0
        if wait > 0:
            if not self._trailing.isActive():
                self._trailing.start(int(wait * 1000) + 1)
            return
        self._run()

    def became_visible(self, visible: bool = True) -> None:
        """Connect to ``QDockWidget.visibilityChanged``: a dock brought to the front of a tab
        group gets no Show event, yet it must catch up."""
        if visible and self.dirty:
            QtCore.QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self._trailing.stop()
        if not is_shown(self.widget):
            return
        self.dirty = False
        self._last = time.perf_counter()
        self.redraw_count += 1
        self.redraw()
        self.cost = time.perf_counter() - self._last

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.widget and event.type() == QtCore.QEvent.Type.Show and self.dirty:
            QtCore.QTimer.singleShot(0, self._run)  # after the show, when the region is known
        elif watched is self.widget and event.type() == QtCore.QEvent.Type.Hide:
            # hidden (closed dock, closed window): no pending redraw keeps a timer running;
            # the view stays dirty and catches up when shown again
            if self._trailing.isActive():
                self._trailing.stop()
                self.dirty = True
        return False
