"""Autosave, crash recovery, and the window's geometry and dock layout between runs.

Owned by :class:`gui.files.scene_files.SceneFiles` (``scene_files.autosaver``). Nothing touches the
user's folders until :meth:`Autosaver.start` — the app calls it once the window is shown — so
tests and scripts that build a window never write there.

* **Autosave** every :data:`AUTOSAVE_MS` if the scene changed, and on quit, to
  ``<AppDataLocation>/autosave.json`` (override the folder with :data:`DATA_DIR_ENV`). The scene
  is captured on the GUI thread (one consistent state) and its JSON text written by a worker
  thread, atomically (``core.scene.save_scene``); a new write waits for the previous one, so an
  older scene can never replace a newer one.
* **Crash recovery**: ``start`` sets the QSettings key ``session/clean_exit`` to false, a normal
  quit sets it to true. Still false at the next start (the app was killed) and an autosave
  exists → the user is offered to restore it. :data:`NO_RECOVERY_ENV` (any value) or
  ``start(offer_recovery=False)`` skips the question.
* **Layout**: ``window/geometry`` and ``window/state`` (``saveGeometry`` / ``saveState``).
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from core.scene import save_scene
from gui.common.i18n import translate

AUTOSAVE_MS = 30_000
AUTOSAVE_NAME = "autosave.json"
DATA_DIR_ENV = "BACKPROP_PLAYGROUND_DATA_DIR"
NO_RECOVERY_ENV = "BACKPROP_PLAYGROUND_NO_RECOVERY"
KEY_CLEAN_EXIT = "session/clean_exit"
KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"


def app_data_dir() -> Path:
    """Folder of the autosave: ``$BACKPROP_PLAYGROUND_DATA_DIR`` or Qt's AppDataLocation."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    location = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location) if location else Path.home() / ".backprop-playground"


def as_bool(value, default: bool) -> bool:
    """A QSettings value as bool: INI files give back the strings "true"/"false"."""
    if value is None:
        return default
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _byte_array(value) -> QtCore.QByteArray | None:
    if isinstance(value, QtCore.QByteArray | bytes | bytearray) and len(value):
        return QtCore.QByteArray(value)
    return None


class Autosaver(QtCore.QObject):
    """The autosave timer, the clean-exit marker and the window layout of ``files.window``.

    ``files``: the window's :class:`gui.files.scene_files.SceneFiles` (gives ``scene_dict()``,
    ``changes`` counter, ``path``, ``load_path()``); ``settings``: a QSettings; ``data_dir``:
    the autosave folder (default :func:`app_data_dir`).
    """

    def __init__(self, files, settings: QtCore.QSettings,
                 data_dir: str | os.PathLike | None = None) -> None:
        super().__init__(files)
        self.files = files
        self.window = files.window
        self.settings = settings
        self.data_dir = Path(data_dir) if data_dir is not None else app_data_dir()
        self.started = False
        self.saved_changes = -1  # the files.changes value the last autosave captured
        self.last_error: str | None = None
        self._writer: threading.Thread | None = None
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)

    @property
    def path(self) -> Path:
        return self.data_dir / AUTOSAVE_NAME

    # ------------------------------------------------------------------ start & quit
    def start(self, offer_recovery: bool = True) -> bool:
        """Restore the geometry and dock layout, offer the autosave if the last run did not
        end cleanly, mark this run as running, start the timer. True if a scene was restored."""
        geometry = _byte_array(self.settings.value(KEY_GEOMETRY))
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        state = _byte_array(self.settings.value(KEY_STATE))
        if state is not None:
            self.window.restoreState(state)
        crashed = not as_bool(self.settings.value(KEY_CLEAN_EXIT), True)
        self.settings.setValue(KEY_CLEAN_EXIT, False)
        self.settings.sync()
        self.started = True
        self.saved_changes = self.files.changes  # nothing new to autosave yet
        self.timer.start()
        if crashed and offer_recovery and not os.environ.get(NO_RECOVERY_ENV) \
                and self.path.is_file():
            return self.offer_recovery()
        return False

    def shut_down(self) -> None:
        """On quit: stop the timer, autosave and wait for it, store geometry and layout, mark
        the exit clean. Does nothing (but stop the timer) before :meth:`start`."""
        self.timer.stop()
        if not self.started:
            return
        self.autosave(force=True, wait=True)
        self.settings.setValue(KEY_GEOMETRY, self.window.saveGeometry())
        self.settings.setValue(KEY_STATE, self.window.saveState())
        self.settings.setValue(KEY_CLEAN_EXIT, True)
        self.settings.sync()
        self.started = False

    # ------------------------------------------------------------------ recovery
    def offer_recovery(self) -> bool:
        """Ask whether to restore the autosave; True when it was restored."""
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.path.stat().st_mtime))
        buttons = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            self.window, translate("Autosave", "Restore the last session?"),
            translate("Autosave", "Backprop Playground did not close properly last time.\n"
                                  "Restore the scene autosaved at {0}?").format(stamp),
            buttons.Yes | buttons.No, buttons.Yes)
        if answer != buttons.Yes:
            return False
        return self.files.restore(self.path)

    # ------------------------------------------------------------------ autosave
    def autosave(self, force: bool = False, wait: bool = False) -> Path | None:
        """Write the autosave if the scene changed since the last one (or ``force``).

        The scene is captured now; the file is written by a worker thread unless ``wait``.
        Returns the path, or None when nothing was written. Errors go to the status bar.
        """
        if not force and self.files.changes == self.saved_changes:
            return None
        self._join()
        try:
            scene = self.files.scene_dict()
        except (ValueError, TypeError) as error:
            self._failed(error)
            return None
        scene.setdefault("extra", {})["autosave_of"] = self.files.path
        self.saved_changes = self.files.changes
        path = self.path

        def write() -> None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                save_scene(path, scene)
                self.last_error = None
            except (OSError, ValueError, TypeError) as error:
                self.last_error = str(error)

        if not wait:
            self._writer = threading.Thread(target=write, name="autosave", daemon=True)
            self._writer.start()
            return path
        write()
        if self.last_error:
            self._failed(self.last_error)
            return None
        return path

    def wait(self) -> None:
        """Wait for a background autosave write to finish."""
        self._join()

    def _join(self) -> None:
        if self._writer is not None:
            self._writer.join()
            self._writer = None
            if self.last_error:
                self._failed(self.last_error)

    def _failed(self, error) -> None:
        self.window.statusBar().showMessage(
            translate("Autosave", "Autosave failed: {0}").format(error), 8000)
