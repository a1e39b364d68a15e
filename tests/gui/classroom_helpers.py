"""Fixtures shared by the classroom tests (lessons, languages, presenter, shortcuts, reveal).

Building the full main window costs about a second, so each test module shares one window
(``classroom``) and every test gets it back in the starting state: a fresh default Session,
English, light theme, presenter mode off, the first dock layout, class 1, no pause before
Backward. QSettings go to a temporary folder, never to the user's settings.
"""

import pytest
from PySide6 import QtCore, QtWidgets


@pytest.fixture(scope="module", autouse=True)
def isolated_settings(tmp_path_factory, qapp):
    """Remembered language/theme/locks go to a temporary INI file, not the user's settings."""
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat,
                             QtCore.QSettings.Scope.UserScope,
                             str(tmp_path_factory.mktemp("settings")))
    QtCore.QSettings().clear()
    yield
    QtCore.QSettings().clear()


@pytest.fixture(scope="module")
def shared_window(isolated_settings, qapp):
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    controller = TrainingController()
    window = MainWindow(controller)
    window.resize(1280, 820)
    window.show()
    window.initial_layout = window.saveState()
    yield window
    controller.shutdown()
    window.close()
    window.deleteLater()
    qapp.processEvents()


def reset(window) -> None:
    """Put the shared window back to the starting state (see the module docstring)."""
    from core.session import Session
    from gui.classroom import predict_reveal
    from gui.common.i18n import manager

    presenter = window.presenter_mode
    presenter.set_active(False)
    presenter.set_full_screen(False)
    presenter.set_scale(1.5)
    presenter.locked = None
    QtCore.QSettings().remove("presenter/locked")
    manager().set_language("en")
    window.theme_menu.choose("light", remember=False)
    controller = window.controller
    controller.pause()
    controller.replace_session(Session())
    controller.select_sample(None)
    window.undo_stack.clear()
    window.drawing.set_class(0)
    gate = window.predict_reveal
    gate.action.setChecked(False)
    gate.ask, gate.show_reveal = predict_reveal.ask_dialog, predict_reveal.reveal_dialog
    window.lessons_menu.notes.both.setChecked(False)
    window.restoreState(window.initial_layout)


@pytest.fixture
def classroom(shared_window, qtbot):
    """The module's window, reset, shown and active; reset again afterwards."""
    reset(shared_window)
    qtbot.waitExposed(shared_window)
    shared_window.activateWindow()
    yield shared_window
    reset(shared_window)


def record_questions(monkeypatch) -> list:
    """Every QMessageBox.question is recorded (its text) and answered Discard."""
    asked = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QtWidgets.QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", question)
    return asked
