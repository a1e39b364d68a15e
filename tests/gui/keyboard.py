"""Typing into a widget as a user does (shared by the GUI tests)."""

from PySide6.QtCore import Qt


def type_into(qtbot, combo, text):
    """Select the box's text, type `text` key by key and press Enter, like a user."""
    edit = combo.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
