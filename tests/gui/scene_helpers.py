"""Fixtures of the scene-file and export-menu tests: the window's SceneFiles on a temporary
QSettings file and autosave folder (never the user's), and message boxes that never block."""

import os

import pytest
from PySide6 import QtCore, QtWidgets

from gui.files.autosave import DATA_DIR_ENV, NO_RECOVERY_ENV


@pytest.fixture(autouse=True)
def private_storage(tmp_path, monkeypatch, qapp):
    """Qt's test locations, and QSettings/autosave in tmp_path for anything built here."""
    QtCore.QStandardPaths.setTestModeEnabled(True)
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat,
                             QtCore.QSettings.Scope.UserScope, str(tmp_path / "config"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv(NO_RECOVERY_ENV, raising=False)
    yield


class MessageBoxes:
    """Replaces QMessageBox.question/warning/information; records the calls; ``answer`` is
    what question() returns (Discard unless a test says otherwise)."""

    def __init__(self, monkeypatch):
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answer = QtWidgets.QMessageBox.StandardButton.Discard
        box = QtWidgets.QMessageBox
        monkeypatch.setattr(box, "question", self._question)
        monkeypatch.setattr(box, "warning", self._warning)
        monkeypatch.setattr(box, "information", lambda *a, **k: box.StandardButton.Ok)

    def _question(self, _parent, _title, text, *_args, **_kwargs):
        self.questions.append(text)
        return self.answer

    def _warning(self, _parent, _title, text, *_args, **_kwargs):
        self.warnings.append(text)
        return QtWidgets.QMessageBox.StandardButton.Ok


@pytest.fixture
def boxes(monkeypatch):
    return MessageBoxes(monkeypatch)


def settings_file(tmp_path) -> QtCore.QSettings:
    return QtCore.QSettings(os.fspath(tmp_path / "scene-test.ini"),
                            QtCore.QSettings.Format.IniFormat)


def scene_files_of(window, tmp_path):
    """The window's SceneFiles on temporary storage."""
    files = window.scene_files
    files.redirect(settings_file(tmp_path), tmp_path / "data")
    return files


def export_menu_of(window):
    return window.export_menu
