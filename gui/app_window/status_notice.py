"""Status-bar messages too wide for their room move to a notice above the status bar.

QStatusBar draws a temporary message (``showMessage``) on one line, in the room its read-outs
leave; at presenter scale that is about 130 px of a 1280 px window, so "Opened lesson.json"
would be cut. :class:`StatusNotice` watches ``messageChanged``: a message wider than
:func:`message_room` (when shown, or later, before the status bar is painted) is taken off
the status bar and shown whole (one line, or wrapped when wider than the window) in a label
floating at the bottom-left of the window (over the views, above the status bar) for
:data:`NOTICE_MS`; a message that fits stays in the status bar. The texts are the callers'
(already translated).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

#: How long (ms) a moved message stays (QStatusBar's callers use 6–10 s).
NOTICE_MS = 8000
#: Gap (px) between the notice and the window's edges.
MARGIN = 6


def message_room(status_bar: QtWidgets.QStatusBar) -> int:
    """Width (px) QStatusBar has for a temporary message: from its left edge to the first shown
    read-out widget, less the size grip and a small margin."""
    right = status_bar.width()
    for child in status_bar.findChildren(QtWidgets.QWidget,
                                         options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isVisible() and not isinstance(child, QtWidgets.QSizeGrip):
            right = min(right, child.x())
    return max(0, right - 8)


def message_cut(status_bar: QtWidgets.QStatusBar) -> bool:
    """Whether the status bar's current temporary message is wider than its room."""
    text = status_bar.currentMessage()
    return bool(text) and status_bar.fontMetrics().horizontalAdvance(text) > \
        message_room(status_bar)


class StatusNotice(QtCore.QObject):
    """Moves too-wide status-bar messages of ``window`` into :attr:`label` (see the module
    docstring)."""

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.status_bar = window.statusBar()
        self.label = QtWidgets.QLabel(window)
        self.label.setObjectName("statusNotice")
        self.label.setWordWrap(True)
        self.label.setAutoFillBackground(True)
        self.label.setStyleSheet("QLabel#statusNotice { background: #FFF8DC; color: #202020; }")
        self.label.setFrameShape(QtWidgets.QFrame.Shape.Box)
        self.label.setContentsMargins(8, 4, 8, 4)
        self.label.hide()
        self.label.installEventFilter(self)  # its font grows with presenter mode
        self.timer = QtCore.QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTICE_MS)
        self.timer.timeout.connect(self.label.hide)
        self.status_bar.messageChanged.connect(self._on_message)
        window.installEventFilter(self)
        # a message that fitted may stop fitting (presenter scale, read-outs shown, a smaller
        # window): checked again before each paint of the status bar
        self.status_bar.installEventFilter(self)

    def message(self) -> str:
        """The status message the user sees now: the status bar's, or the notice's."""
        current = self.status_bar.currentMessage()
        return current or (self.label.text() if self.label.isVisible() else "")

    def _on_message(self, text: str) -> None:
        if not text or not message_cut(self.status_bar):
            return
        self.status_bar.clearMessage()  # messageChanged(""): returns above
        self.label.setText(text)
        self._place()
        self.label.show()
        self.label.raise_()
        self.timer.start()

    def _place(self) -> None:
        window = self.window
        self.label.ensurePolished()  # the style sheet's (presenter) font
        room = window.width() - 2 * MARGIN
        self.label.setWordWrap(False)
        width, height = self.label.sizeHint().width(), self.label.sizeHint().height()
        if width > room:  # one line when it fits, else wrapped to the window's width
            self.label.setWordWrap(True)
            width, height = room, self.label.heightForWidth(room)
        bottom = self.status_bar.y() if self.status_bar.isVisible() else window.height()
        self.label.setGeometry(MARGIN, bottom - height - MARGIN, width, height)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.status_bar and event.type() == QtCore.QEvent.Type.Paint:
            self._on_message(self.status_bar.currentMessage())
        elif self.label.isVisible() and (
                watched is self.window and event.type() == QtCore.QEvent.Type.Resize
                or watched is self.label and event.type() in (
                    QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange)):
            self._place()
        return False
