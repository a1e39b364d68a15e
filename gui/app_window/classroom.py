"""One call that adds the classroom features to the main window: Lessons menu and notes,
presenter mode and full screen, the shortcut table and Help ▸ Shortcuts, "predict, then
reveal", View ▸ Language and View ▸ Theme.

``install_classroom(window)`` needs from the window: ``controller``, ``step_toolbar``,
``draw_toolbar``, ``view_menu`` and the menu bar; ``train_menu`` / ``help_menu`` are used when
present (else found by their English titles, else created).
"""

from __future__ import annotations

from PySide6 import QtWidgets

from gui.common.i18n import install_language, remembered_language
from gui.classroom.lessons_menu import install_lessons
from gui.classroom.predict_reveal import install_predict_reveal
from gui.classroom.presenter import install_presenter
from gui.classroom.shortcuts import install_shortcuts
from gui.common.themes import install_themes, remembered_theme


def _menu(window, attribute: str, title: str, before: QtWidgets.QMenu | None = None):
    menu = getattr(window, attribute, None)
    if isinstance(menu, QtWidgets.QMenu):
        return menu
    bar = window.menuBar()
    for action in bar.actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()
    menu = QtWidgets.QMenu(f"&{title}", bar)
    if before is not None:
        bar.insertMenu(before.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu


def install_classroom(window, language: str | None = None, theme: str | None = None) -> None:
    """Install every classroom feature on ``window`` (call once, after its menus exist).

    ``language`` / ``theme`` default to the ones remembered from the last run.
    """
    help_menu = _menu(window, "help_menu", "Help")
    train_menu = _menu(window, "train_menu", "Train", before=help_menu)
    lessons_menu = QtWidgets.QMenu("&Lessons", window.menuBar())
    window.menuBar().insertMenu(help_menu.menuAction(), lessons_menu)
    view_menu = window.view_menu

    install_presenter(window, view_menu)
    view_menu.addSeparator()
    install_themes(window, view_menu, initial=theme or remembered_theme())
    gate = install_predict_reveal(window)
    install_lessons(window, lessons_menu)
    install_shortcuts(window)

    if window.next_phase_action not in train_menu.actions():
        train_menu.addAction(window.next_phase_action)
    train_menu.addSeparator()
    train_menu.addAction(gate.action)
    if window.shortcuts_action not in help_menu.actions():
        help_menu.addAction(window.shortcuts_action)

    install_language(window, view_menu, initial=language or remembered_language())
