"""Undo-command texts in the current language, for every QUndoStack of the window.

A command's text is given as :class:`CommandText` (an English source in context
"UndoCommands" + arguments) and kept on the command as ``command.i18n``;
:func:`retranslate_stack` renders every command of a stack again after a language switch.
Used by the canvas's point edits (``gui.canvas.commands``) and the diagram's hands-on
weights (``gui.diagram.weight_edits``).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QUndoCommand, QUndoStack

from gui.common.i18n import translate


class CommandText(NamedTuple):
    """An undo text: ``source`` (English, marked with QT_TRANSLATE_NOOP in context
    "UndoCommands", with ``{0}``… placeholders) and its arguments (a callable argument is
    called at each rendering, e.g. to describe imported data in the current language)."""

    source: str
    args: tuple = ()

    def render(self) -> str:
        values = [arg() if callable(arg) else arg for arg in self.args]
        return translate("UndoCommands", self.source).format(*values)


def init_text(command: QUndoCommand, text) -> str:
    """The text to show for ``text`` (str or CommandText); remembers a CommandText."""
    if isinstance(text, CommandText):
        command.i18n = text
        return text.render()
    return text


def retranslate_stack(stack: QUndoStack) -> None:
    """Render the texts of every command on ``stack`` in the current language (a macro takes
    the ``macro_i18n`` of its first child, see DrawingController.stroke)."""
    for i in range(stack.count()):
        command = stack.command(i)
        text = getattr(command, "i18n", None)
        if text is None and command.childCount():
            text = getattr(command.child(0), "macro_i18n", None)
        if text is not None:
            command.setText(text.render())
