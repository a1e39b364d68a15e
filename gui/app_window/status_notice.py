"""Status-bar messages too wide for their room move to a notice below the canvas.

QStatusBar draws a temporary message (``showMessage``) on one line, in the room its read-outs
leave; at presenter scale that is about 130 px of a 1280 px window, so "Opened lesson.json"
would be cut. :class:`StatusNotice` watches ``messageChanged``: a message wider than
:func:`message_room` (when shown, or later, before the status bar is painted) is taken off
the status bar and shown whole (wrapped to the width it has) in :attr:`StatusNotice.label`
for :data:`NOTICE_MS`; a message that fits stays in the status bar and replaces the notice
(the newest message wins, as in QStatusBar). The label sits in the layout it is given (the
main window's central column, under the canvas), so it takes room from the canvas while it is
shown and never covers another control (it once floated over the bottom docks' tab bar and
the loss curve's check boxes). The texts are the callers' (already translated);
:meth:`StatusNotice.withdraw` takes a message back once it is no longer true.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

#: How long (ms) a moved message stays (QStatusBar's callers use 6–10 s).
NOTICE_MS = 8000


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
    """Moves too-wide status-bar messages of ``window`` into :attr:`label`, which is added to
    ``host`` (a box layout of the window, e.g. its central column; see the module
    docstring)."""

    def __init__(self, window: QtWidgets.QMainWindow, host: QtWidgets.QBoxLayout) -> None:
        super().__init__(window)
        self.window = window
        self.status_bar = window.statusBar()
        self.label = QtWidgets.QLabel()
        self.label.setObjectName("statusNotice")
        self.label.setWordWrap(True)
        self.label.setAutoFillBackground(True)
        # box and padding in the style sheet, which the label's height for its width counts
        self.label.setStyleSheet("QLabel#statusNotice { background: #FFF8DC; color: #202020; "
                                 "border: 1px solid #808080; padding: 4px 8px; }")
        self.label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                 QtWidgets.QSizePolicy.Policy.Preferred)  # wraps, never widens
        self.label.hide()
        host.addWidget(self.label)
        self.timer = QtCore.QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTICE_MS)
        self.timer.timeout.connect(self.label.hide)
        self.status_bar.messageChanged.connect(self._on_message)
        # a message that fitted may stop fitting (presenter scale, read-outs shown, a smaller
        # window): checked again before each paint of the status bar
        self.status_bar.installEventFilter(self)

    def message(self) -> str:
        """The status message the user sees now: the status bar's, or the notice's."""
        current = self.status_bar.currentMessage()
        return current or (self.label.text() if self.label.isVisible() else "")

    def withdraw(self, text: str) -> None:
        """Take the status message the user sees away (status bar or notice) when it contains
        ``text``: a note that is no longer true (e.g. "View ▸ Student mode applies the locks"
        once Student mode is on)."""
        if not text:
            return
        if text in self.status_bar.currentMessage():
            self.status_bar.clearMessage()
        if self.label.isVisible() and text in self.label.text():
            self._hide()

    def clear(self, *_args) -> None:
        """Take every status message away (status bar and notice): a new lesson's scene makes
        the last one's notes untrue ("Restored the weights of step 6…" stayed over the next
        lesson's canvas)."""
        self.status_bar.clearMessage()
        self._hide()

    def _hide(self) -> None:
        self.timer.stop()
        self.label.hide()

    def _on_message(self, text: str) -> None:
        if not text:
            return
        if not message_cut(self.status_bar):  # fits: the newest message, the notice goes
            if self.label.isVisible():
                self._hide()
            return
        self.status_bar.clearMessage()  # messageChanged(""): returns above
        self.label.setText(text)
        self.label.show()
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.status_bar and event.type() == QtCore.QEvent.Type.Paint:
            self._on_message(self.status_bar.currentMessage())
        return False
