"""Dialogs in an offscreen run (``--screenshot`` / ``--layout-report``): nobody can click them.

A modal dialog (a warning when a scene opens, for example) would wait forever for a click that
never comes offscreen, and the command would hang. :class:`DialogAnswerer`, installed on the
application for the run, writes each dialog's title and text to stderr as one line and closes it
(reject, the dialog's "Cancel"/"OK" default) as soon as it is shown, so the run goes on exactly
as a user who dismissed it would see it.
"""

from __future__ import annotations

import sys

from PySide6 import QtCore, QtWidgets

__all__ = ["DialogAnswerer"]


class DialogAnswerer(QtCore.QObject):
    """Event filter: every QDialog shown is reported on ``stream`` and rejected at once.
    ``answered`` lists the (title, text) pairs, for tests."""

    def __init__(self, parent: QtCore.QObject | None = None, stream=None) -> None:
        super().__init__(parent)
        self.stream = stream
        self.answered: list[tuple[str, str]] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if (event.type() == QtCore.QEvent.Type.Show
                and isinstance(watched, QtWidgets.QDialog)):
            title = watched.windowTitle()
            text = watched.text() if isinstance(watched, QtWidgets.QMessageBox) else ""
            self.answered.append((title, text))
            line = " ".join(f"{title}: {text}".split())
            print(f"note: a dialog was dismissed (offscreen): {line}",
                  file=self.stream or sys.stderr)
            QtCore.QTimer.singleShot(0, watched.reject)
        return False
