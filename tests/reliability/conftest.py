"""Fixtures of the reliability tests: a shown main window whose dialogs never block.

pytest-qt's exception capture stays on: an exception that reaches Qt's event loop (a slot,
a timer tick, a paint) fails the test that caused it.
"""

from __future__ import annotations

import os

import pytest
from PySide6 import QtCore

from tests.reliability.ui import DialogStub


@pytest.fixture(scope="session", autouse=True)
def _private_settings(tmp_path_factory):
    """QSettings (recent files, theme, language, layout) and the autosave folder of these
    tests live in a temporary folder, never in the user's own configuration."""
    folder = tmp_path_factory.mktemp("settings")
    for settings_format in (QtCore.QSettings.Format.NativeFormat,
                            QtCore.QSettings.Format.IniFormat):
        QtCore.QSettings.setPath(settings_format, QtCore.QSettings.Scope.UserScope, str(folder))
    os.environ.setdefault("BACKPROP_PLAYGROUND_DATA_DIR", str(folder / "appdata"))
    yield folder


@pytest.fixture
def dialogs(monkeypatch) -> DialogStub:
    """Every blocking dialog answers at once; what they showed is recorded."""
    return DialogStub().install(monkeypatch)


@pytest.fixture
def make_window(qtbot, dialogs):
    """Factory: a MainWindow (new controller unless given), 1280×800, shown and exposed."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    from gui.app_window.main_window import MainWindow

    made = []

    def make(controller=None):
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.controller.pause()
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()

