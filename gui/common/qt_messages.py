"""Qt's own log messages: one known-harmless message of the offscreen platform is dropped.

Qt's offscreen platform (the command line's figures, ``--screenshot``, ``--layout-report``)
logs "This plugin does not support propagateSizeHints()" whenever a window's size hints change;
it means nothing to a user and hid real errors on stderr. :func:`install_message_filter`
installs a Qt message handler that drops exactly that text (:data:`DROPPED_MESSAGES`) and hands
every other message on unchanged: to the handler installed before it, or, when that is Qt's
default, to stderr formatted as Qt formats it (``qFormatLogMessage``).
"""

from __future__ import annotations

import sys

from PySide6 import QtCore

#: Messages dropped, compared with the whole text (nothing else is ever filtered).
DROPPED_MESSAGES = frozenset({"This plugin does not support propagateSizeHints()"})

_installed = False
_previous = None


def _handler(kind: QtCore.QtMsgType, context: QtCore.QMessageLogContext, text: str) -> None:
    if text in DROPPED_MESSAGES:
        return
    if _previous is not None:
        _previous(kind, context, text)
        return
    print(QtCore.qFormatLogMessage(kind, context, text), file=sys.stderr, flush=True)


def install_message_filter() -> None:
    """Install the filter (once per process; later calls do nothing). Call it before the
    QApplication exists so that the platform plugin's first messages pass through it too."""
    global _installed, _previous
    if _installed:
        return
    _previous = QtCore.qInstallMessageHandler(_handler)
    _installed = True
