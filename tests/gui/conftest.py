"""Shared fixtures of the GUI tests: a shown MainWindow on a fresh TrainingController."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The app ships a copy of the shared Palmer penguins file (CC0), so a clean clone has it.
PENGUINS = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "data", "penguins.csv")


@pytest.fixture
def window(qtbot):
    """A shown, active main window with the default scene (circle, 500 points, 2-8-8-1)."""
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    controller = TrainingController()
    win = MainWindow(controller)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    controller.shutdown()


@pytest.fixture
def new_window():
    """A new main window, not shown yet (loading a lesson in a used one may ask to save it);
    presenter mode off and the window closed after the test."""
    from PySide6 import QtWidgets

    from gui.app_window.main_window import MainWindow
    from gui.controller import TrainingController

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    built = MainWindow(TrainingController())
    yield built
    built.presenter_mode.set_active(False)
    built.controller.shutdown()
    built.close()
    built.deleteLater()
    app.processEvents()


@pytest.fixture
def warnings(monkeypatch):
    """The texts of the warning message boxes shown, recorded instead of blocking on them."""
    from PySide6 import QtWidgets

    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture
def penguins_path():
    path = os.path.abspath(PENGUINS)
    if not os.path.exists(path):
        pytest.fail("resources/data/penguins.csv is missing from the repository")
    return path


@pytest.fixture(scope="session", autouse=True)
def isolated_user_files(tmp_path_factory):
    """QSettings (recent files, language, layout) and the autosave folder go to a temporary
    folder: the GUI tests never read or write the settings of the user running them."""
    from PySide6 import QtCore

    root = tmp_path_factory.mktemp("user")
    QtCore.QSettings.setDefaultFormat(QtCore.QSettings.Format.IniFormat)
    QtCore.QSettings.setPath(QtCore.QSettings.Format.IniFormat,
                             QtCore.QSettings.Scope.UserScope, str(root / "settings"))
    previous = os.environ.get("BACKPROP_PLAYGROUND_DATA_DIR")
    os.environ["BACKPROP_PLAYGROUND_DATA_DIR"] = str(root / "data")
    yield
    if previous is None:
        os.environ.pop("BACKPROP_PLAYGROUND_DATA_DIR", None)
    else:
        os.environ["BACKPROP_PLAYGROUND_DATA_DIR"] = previous


@pytest.fixture(scope="session", autouse=True)
def neutral_system(isolated_user_files):
    """The tests never follow the machine they run on: the simulated system is English, light,
    with a Chinese font installed. Tests of first-start behaviour replace these hooks
    (``gui.common.i18n.system_ui_languages``, ``gui.common.themes.system_color_scheme``,
    ``gui.app_window.font_notice.cjk_font_families``) with ``monkeypatch``."""
    from PySide6.QtCore import Qt

    from gui.app_window import font_notice
    from gui.common import i18n, themes

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "system_ui_languages", lambda: ["en-US"])
        patch.setattr(themes, "system_color_scheme", lambda: Qt.ColorScheme.Light)
        patch.setattr(font_notice, "cjk_font_families", lambda: ["Simulated CJK Sans"])
        yield
