"""Application-wide state that one test must not leave to the next (used by tests/conftest.py).

The QApplication lives as long as the test process, so whatever a test changes on it, or in a
module global, reaches every later test on that worker, and which test that is depends on the
order (xdist, ``-p randomly``). :func:`snapshot` records, and :func:`restore` puts back:

- the interface language (``gui.common.i18n.manager``): a failed assertion between switching
  to 简体中文 and back left every later window in Chinese;
- the contents of ``QSettings()`` (remembered language, theme, layouts, presenter locks …):
  a new ``MainWindow`` starts with the remembered language and theme;
- pyqtgraph's global options (``pg.setConfigOptions``: the theme sets the plot colours), the
  application palette and style sheet, and the theme's module-level view look;
- top-level windows a test showed and left open (not given to ``qtbot.addWidget``): they
  would keep redrawing (and painting over later screenshots) during later tests. They are
  hidden, not closed or deleted: a module-scoped fixture may keep a window it built during a
  test and show it again in the next (tests/gui/test_layout_report.py); a window nobody
  holds is freed by Python as usual.

Nothing here imports Qt unless a QApplication already exists (the core tests run without Qt).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field


@dataclass
class AppState:
    """What :func:`snapshot` saw (fields are None where there was nothing to see)."""

    settings: dict | None = None
    pg_options: dict | None = None
    language: str | None = None
    palette: object = None
    style_sheet: str | None = None
    view_look: dict | None = None
    windows: set = field(default_factory=set)


def _app():
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6 import QtWidgets

    return QtWidgets.QApplication.instance()


def _language_manager(app):
    """The app's LanguageManager if one was made (never creates it)."""
    if "gui.common.i18n" not in sys.modules:
        return None
    from gui.common.i18n import LanguageManager

    return app.findChild(LanguageManager, "languageManager")


def _settings_values() -> dict:
    from PySide6 import QtCore

    settings = QtCore.QSettings()
    return {key: settings.value(key) for key in settings.allKeys()}


def snapshot() -> AppState:
    """The application-wide state now (empty when no QApplication exists yet)."""
    app = _app()
    state = AppState()
    if app is None:
        return state
    state.settings = _settings_values()
    if "pyqtgraph" in sys.modules:
        import pyqtgraph as pg

        state.pg_options = dict(pg.CONFIG_OPTIONS)
    manager = _language_manager(app)
    state.language = manager.language if manager is not None else None
    state.palette = app.palette()
    state.style_sheet = app.styleSheet()
    themes = sys.modules.get("gui.common.themes")
    state.view_look = dict(themes._view_look) if themes is not None else None
    state.windows = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
    return state


def restore(state: AppState) -> list[str]:
    """Put back what :func:`snapshot` recorded; returns what had to be put back (names)."""
    app = _app()
    if app is None:
        return []
    from PySide6 import QtCore

    restored = []
    leftover = [w for w in app.topLevelWidgets()
                if w.isVisible() and id(w) not in state.windows
                and not isinstance(w, _transient_types())]
    for window in leftover:  # hidden only (module docstring)
        restored.append(f"window {type(window).__name__}")
        window.hide()
    manager = _language_manager(app)
    wanted = state.language or "en"
    if manager is not None and manager.language != wanted:
        restored.append(f"language {manager.language}")
        manager.set_language(wanted)
    if state.settings is not None and _settings_values() != state.settings:
        restored.append("QSettings")
        settings = QtCore.QSettings()
        settings.clear()
        for key, value in state.settings.items():
            settings.setValue(key, value)
        settings.sync()
    if state.pg_options is not None:
        import pyqtgraph as pg

        if pg.CONFIG_OPTIONS != state.pg_options:
            restored.append("pyqtgraph options")
            pg.setConfigOptions(**state.pg_options)
    if state.palette is not None and app.palette() != state.palette:
        restored.append("palette")
        app.setPalette(state.palette)
    if state.style_sheet is not None and app.styleSheet() != state.style_sheet:
        restored.append("style sheet")
        app.setStyleSheet(state.style_sheet)
    themes = sys.modules.get("gui.common.themes")
    if state.view_look is not None and themes is not None and themes._view_look != state.view_look:
        restored.append("view look")
        themes._view_look = dict(state.view_look)
    return restored


def _transient_types() -> tuple:
    """Top-level widgets Qt shows and hides by itself (menus, tool tips): not windows."""
    from PySide6 import QtWidgets

    return (QtWidgets.QMenu,)
