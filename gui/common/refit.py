"""Fit a view's contents again once the event loop runs after its size or font changed.

Views that choose a compact form by the room they have (the loss surface's controls, the
linear system's tabs, the metrics pages, the attribution charts) measure after a resize or a
new font (presenter mode sets one through a style sheet), not inside the resize itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtWidgets

#: Events of the watched widget that ask for a new fit.
REFIT_EVENTS = (QtCore.QEvent.Type.Resize, QtCore.QEvent.Type.FontChange,
                QtCore.QEvent.Type.StyleChange)


class RefitSoon(QtCore.QObject):
    """Calls ``fit()`` once, at the next pass of the event loop, after ``widget`` was resized
    or its font or style changed, or after :meth:`start` (several requests, one fit)."""

    def __init__(self, widget: QtWidgets.QWidget, fit: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(fit)
        widget.installEventFilter(self)

    def start(self) -> None:
        """Ask for a fit (e.g. the contents changed)."""
        self._timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.widget and event.type() in REFIT_EVENTS:
            self._timer.start()
        return False
