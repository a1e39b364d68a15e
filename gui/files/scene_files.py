"""Scene files in the window: File ▸ New / Open… / Open Recent / Save / Save As….

The main window builds one :class:`SceneFiles` and puts its actions at the top of its File
menu (:meth:`SceneFiles.add_to_menu`); the app then calls :meth:`SceneFiles.start` once the
window is shown, which starts the autosave and crash recovery of :mod:`gui.files.autosave`. Until ``start``
nothing is read from or written to the user's folders except by an explicit Open/Save, so
tests and scripts that build a window stay away from them.

* **Open** reads with ``core.scene.load_scene`` + ``core.scene_comparison.scene_and_comparison``
  (the same check as the command line's ``--scene``), which validate everything
  and build a *new* Session; only then is it swapped in with ``controller.replace_session``
  (one assignment). A bad file shows a message naming the problem (and the field) and leaves
  the current scene — points, weights, step — exactly as it was.
* **Save** writes ``core.scene.scene_to_dict`` atomically (``core.scene.save_scene``: temp file
  + ``os.replace``), with the open views and the selection.
* **Unsaved changes** (any step, edit or setting) are asked about before New, Open, a lesson
  and quit (Save / Discard / Cancel; Play is paused first). Quitting does not ask when
  :data:`NO_PROMPTS_ENV` is set (automated runs; the autosave keeps the scene) or on the
  offscreen/minimal Qt platforms, where nobody could answer — unless it is set to "0".
* A scene swapped in by someone else (a lesson) is untitled and unchanged, like File ▸ New.
* **Only trained** (:meth:`SceneFiles.only_trained`): the scene is one the app makes again (the
  window's first scene, File ▸ New, a lesson) and nothing but training (steps, Play, rewinds)
  happened to it since: no change of its data, network or settings. Loading a lesson does not
  ask to save such a scene (training it again gives the same steps); New, Open and quit still
  ask about its steps.
* **Recent files**: QSettings key ``files/recent`` (at most :data:`MAX_RECENT`).
* **Classroom locks** (the scene's ``classroom`` section, :mod:`core.classroom`): the section
  as read is sent with ``classroomLoaded`` (None for New and a lesson) for whoever applies
  it; saving writes what the ``classroom`` callable returns (None: no section).
* **Notes on opening**: whoever handles ``classroomLoaded`` adds a line for the status bar
  with :meth:`SceneFiles.note` (the locks notice); view ids of ``views["open"]`` this
  version does not know are noted too (the scene still opens, and saving keeps them). They
  are shown with "Opened …" in one status message (notes first), so neither hides the other.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from core.scene import SceneError, load_scene, save_scene, scene_to_dict
from core.scene_comparison import comparison_section, scene_and_comparison
from core.session import Session
from gui.files.autosave import Autosaver
from gui.common.views import WindowView
from gui.common.i18n import manager, translate

MAX_RECENT = 8
SCENE_FILTER = "Backprop Playground scene (*.json);;All files (*)"
KEY_RECENT = "files/recent"
#: Environment variable: any value but "0" turns off the "save changes?" question on quit;
#: "0" asks even on the offscreen/minimal platforms (tests).
NO_PROMPTS_ENV = "BACKPROP_PLAYGROUND_NO_PROMPTS"
APP_TITLE = "Backprop Playground"
# How long "Opened …" stays in the status bar, and longer with notes (ms).
OPENED_MS, NOTE_MS = 5000, 10000

def scene_filter() -> str:
    """The file-dialog filter of scene files, in the interface language."""
    return translate("SceneFiles", "Backprop Playground scene (*.json);;All files (*)")


def quit_prompt_enabled() -> bool:
    """Whether quitting with unsaved changes asks to save (see :data:`NO_PROMPTS_ENV`)."""
    value = os.environ.get(NO_PROMPTS_ENV, "")
    if value:
        return value == "0"
    return QtGui.QGuiApplication.platformName() not in ("offscreen", "minimal")


class SceneFiles(QtCore.QObject):
    """Scene-file actions of ``window`` (the QMainWindow whose title, status bar and layout
    they manage) for the session of ``controller``.

    ``views``: the views a scene opens or closes (its ``views["open"]``), in the order saved;
    views without a dock (the central canvas) always count as open. ``undo_stack`` is cleared
    when another scene comes in.

    ``settings``: the QSettings to use (default: the application's); ``data_dir``: folder of
    the autosave (default ``gui.files.autosave.app_data_dir()``). Attributes: ``path`` of the current
    file or None (untitled); ``dirty`` (changed since opened/saved); ``changes`` (a counter
    bumped on every change, for the autosave); ``autosaver``; the QActions ``new_action``,
    ``open_action``, ``save_action``, ``save_as_action`` and the ``recent_menu``.
    """

    #: the ``classroom`` section of the scene just swapped in, as read (None: none)
    classroomLoaded = Signal(object)

    def __init__(self, window: QtWidgets.QMainWindow, controller,
                 views: Sequence[WindowView] = (), undo_stack: QtGui.QUndoStack | None = None,
                 settings: QtCore.QSettings | None = None,
                 data_dir: str | os.PathLike | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.views = tuple(views)
        self.undo_stack = undo_stack
        self.settings = settings if settings is not None else QtCore.QSettings()
        self.path: str | None = None
        self.dirty = False
        self.changes = 0
        self._loading = False
        self._settling = False  # a scene swapped in elsewhere is still sending its signals
        self._session = controller.session  # the scene that ``path`` holds
        #: the scene is one the app makes again and only trained since (see :meth:`only_trained`)
        self._fresh = True
        self.autosaver = Autosaver(self, self.settings, data_dir)
        #: () → the ``classroom`` section to save (plain JSON) or None
        self.classroom = lambda: None
        self._classroom_read = None
        self._comparison_read = None  # the A/B runs of the scene being opened (or None)
        self._notes: list[str] | None = None  # status lines of the scene being swapped in
        self.unknown_views: list[str] = []  # views["open"] ids not in ``views``, kept on save

        self.new_action = self._action(QtGui.QKeySequence.StandardKey.New, self.new_scene,
                                       "scene_new")
        self.open_action = self._action(QtGui.QKeySequence.StandardKey.Open, self.open_file,
                                        "scene_open")
        self.save_action = self._action(QtGui.QKeySequence.StandardKey.Save, self.save,
                                        "scene_save")
        self.save_as_action = self._action(QtGui.QKeySequence.StandardKey.SaveAs, self.save_as,
                                           "scene_save_as")
        self.recent_menu = QtWidgets.QMenu(window)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self.rebuild_recent_menu)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

        for signal in (controller.stepped, controller.weightsChanged, controller.phaseCompleted,
                       controller.dataChanged, controller.networkChanged,
                       controller.settingsChanged, controller.comparisonChanged):
            signal.connect(self._mark_dirty)
        for signal in (controller.dataChanged, controller.networkChanged,
                       controller.settingsChanged):
            signal.connect(self._edited)
        window.installEventFilter(self)

    def redirect(self, settings: QtCore.QSettings, data_dir: str | os.PathLike) -> None:
        """Use other QSettings and autosave folder (tests: temporary ones)."""
        self.settings = self.autosaver.settings = settings
        self.autosaver.data_dir = Path(data_dir)
        self.rebuild_recent_menu()

    def retranslate(self, _language: str = "") -> None:
        """Action texts, the recent-files menu and the window title in the interface
        language."""
        self.new_action.setText(translate("SceneFiles", "&New"))
        self.open_action.setText(translate("SceneFiles", "&Open…"))
        self.save_action.setText(translate("SceneFiles", "&Save"))
        self.save_as_action.setText(translate("SceneFiles", "Save &As…"))
        self.recent_menu.setTitle(translate("SceneFiles", "Open &Recent"))
        self.rebuild_recent_menu()
        self._show_title()

    def _action(self, key, slot, name: str) -> QtGui.QAction:
        action = QtGui.QAction(self.window)
        action.setShortcut(QtGui.QKeySequence(key))
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def add_to_menu(self, menu: QtWidgets.QMenu, before: QtGui.QAction | None = None) -> None:
        """Put New, Open…, Open Recent, Save, Save As… (and a separator) into ``menu``."""
        if before is None and menu.actions():
            before = menu.actions()[0]
        items = [self.new_action, self.open_action, self.recent_menu.menuAction(),
                 self.save_action, self.save_as_action]
        for item in items:
            menu.insertAction(before, item) if before is not None else menu.addAction(item)
        separator = QtGui.QAction(menu)
        separator.setSeparator(True)
        menu.insertAction(before, separator) if before is not None else menu.addAction(separator)

    # ------------------------------------------------------------------ state
    def _mark_dirty(self, *_args) -> None:
        if self._loading:
            return
        self.changes += 1
        session = self.controller.session
        if session is not self._session:
            # swapped in by someone else (a lesson): no longer the scene of ``path``, so
            # Save must not overwrite that file; a fresh scene, unchanged until edited (the
            # rest of the swap's signals, sent before the event loop runs again, are ignored)
            self._session = session
            self._fresh = True
            self._set_clean(None)
            self._settling = True
            QtCore.QTimer.singleShot(0, self._settled)
            return
        if self._settling:
            return
        if not self.dirty:
            self.dirty = True
            self._show_title()

    def _settled(self) -> None:
        self._settling = False

    def _edited(self, *_args) -> None:
        """The data, network or settings of the current scene changed (not a swap)."""
        if not self._loading and not self._settling \
                and self.controller.session is self._session:
            self._fresh = False

    def only_trained(self) -> bool:
        """True while the scene is one the app makes again (the window's first scene,
        File ▸ New, a lesson: :meth:`replace_untitled`) and only trained since (stepped,
        played, rewound): no edit of its data, network or settings. An opened or restored
        scene is never "only trained" (its file, or the autosave, holds what was there)."""
        return self._fresh and self.controller.session is self._session

    def replace_untitled(self, session: Session) -> None:
        """Swap in ``session`` (a lesson) as an untitled, unchanged scene; the undo history
        of the old scene is dropped. Ask :meth:`maybe_save` first."""
        self._loading = True
        try:
            self.controller.replace_session(session)
            if self.undo_stack is not None:
                self.undo_stack.clear()
        finally:
            self._loading = False
            self._session = self.controller.session
        self._fresh = True
        self.changes += 1
        self.unknown_views = []
        self._set_clean(None)
        self.classroomLoaded.emit(None)

    def _set_clean(self, path: str | None) -> None:
        self.path = path
        self.dirty = False
        self._show_title()

    def _show_title(self) -> None:
        name = os.path.basename(self.path) if self.path else translate("SceneFiles", "Untitled")
        self.window.setWindowTitle(f"{name}[*] — {APP_TITLE}")
        self.window.setWindowModified(self.dirty)

    def scene_dict(self) -> dict:
        """The current scene as plain data, with the open views and the selection."""
        controller = self.controller
        selected = controller.selected_parameter
        extra = {"selected_sample": controller.selected_sample,
                 "selected_parameter": list(selected) if selected is not None else None}
        comparison = controller.comparison
        return scene_to_dict(controller.session,
                             views={"open": self.open_views() + self.unknown_views},
                             extra=extra, classroom=self.classroom(),
                             comparison=None if comparison is None
                             else comparison_section(comparison))

    def open_views(self) -> list[str]:
        """Ids of the views that are open (their dock is not closed)."""
        return [view.id for view in self.views
                if view.dock is None or view.dock.toggleViewAction().isChecked()]

    def apply_views(self, views) -> list[str]:
        """Open the docks of the views listed in ``views["open"]`` and close the other views'
        docks (views without a dock, like the central canvas, are left alone). Returns the
        listed ids that are no view of this window, in file order without repeats."""
        if not isinstance(views, dict) or not isinstance(views.get("open"), list):
            return []
        wanted = list(dict.fromkeys(str(v) for v in views["open"]))
        for view in self.views:
            if view.dock is not None:
                view.dock.setVisible(view.id in wanted)
        known = {view.id for view in self.views}
        return [view_id for view_id in wanted if view_id not in known]

    def note(self, text: str) -> None:
        """A line about the scene being opened, shown in the status bar with "Opened …"
        (outside an open: shown at once)."""
        if self._notes is not None:
            self._notes.append(text)
        else:
            self.window.statusBar().showMessage(text, NOTE_MS)

    def _show_opened(self, opened: str | None, notes: list[str]) -> None:
        """The notes and ``opened`` ("Opened …"; None: none) in one status message, the
        notes first: the status bar's read-outs leave room for a sentence or so, and the
        window title already names the file."""
        lines = notes + ([opened] if opened else [])
        if lines:
            self.window.statusBar().showMessage("  ·  ".join(lines),
                                                NOTE_MS if notes else OPENED_MS)

    # ------------------------------------------------------------------ actions
    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False when the user cancels."""
        if not self.dirty:
            return True
        name = os.path.basename(self.path) if self.path else translate("SceneFiles", "Untitled")
        buttons = (QtWidgets.QMessageBox.StandardButton.Save
                   | QtWidgets.QMessageBox.StandardButton.Discard
                   | QtWidgets.QMessageBox.StandardButton.Cancel)
        answer = QtWidgets.QMessageBox.question(
            self.window, APP_TITLE,
            translate("SceneFiles", "Save the changes to {0}?").format(name), buttons,
            QtWidgets.QMessageBox.StandardButton.Save)
        if answer == QtWidgets.QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QtWidgets.QMessageBox.StandardButton.Discard

    def new_scene(self) -> bool:
        """File ▸ New: the default scene (after asking to save changes)."""
        if not self.maybe_save():
            return False
        self._swap(Session(), None)
        self._fresh = True
        self._set_clean(None)
        return True

    def open_file(self, path: str | os.PathLike | None = None, ask_to_save: bool = True) -> bool:
        """File ▸ Open…: ask for a file when ``path`` is None. Returns True if it was loaded;
        on a bad file shows why and keeps the current scene."""
        if ask_to_save and not self.maybe_save():
            return False
        if path is None:
            start = os.path.dirname(self.path) if self.path else str(Path.home())
            path, _ = QtWidgets.QFileDialog.getOpenFileName(
                self.window, translate("SceneFiles", "Open scene"), start, scene_filter())
            if not path:
                return False
        path = os.fspath(path)
        loaded = self._read(path, translate("SceneFiles", "Open scene"))
        if loaded is None:
            return False
        session, views, extra = loaded
        notes = self._swap(session, views, extra)
        self._set_clean(os.path.abspath(path))
        self.add_recent(self.path)
        self._show_opened(translate("SceneFiles", "Opened {0}").format(os.path.basename(path)),
                          notes)
        return True

    def _read(self, path: str, title: str):
        """(session, views, extra) from ``path``, or None after showing what is wrong."""
        try:
            scene = load_scene(path)
            # validates every section (the comparison too), builds a new one: one owner with
            # the command line's --scene (core.scene.open_scene)
            session, views, self._comparison_read = scene_and_comparison(scene)
            extra = scene.get("extra")
            self._classroom_read = scene.get("classroom")
        except (SceneError, ValueError, TypeError) as error:  # SceneError names the field
            text = translate("SceneFiles", "{0} is not a usable scene file:\n{1}").format(
                os.path.basename(path), error)
            if path.lower().endswith((".csv", ".tsv")):  # data, not a scene
                text += "\n\n" + translate(
                    "SceneFiles", "To load the points of a CSV file, use File ▸ Import CSV….")
            self._warn(title, text)
            return None
        except OSError as error:
            self._warn(title, translate("SceneFiles", "Cannot read {0}:\n{1}").format(
                path, error.strerror or error))
            return None
        return session, views, extra

    def _warn(self, title: str, text: str) -> None:
        QtWidgets.QMessageBox.warning(self.window, title, text)

    def _swap(self, session: Session, views, extra=None) -> list[str]:
        """Put ``session`` in place (one assignment in the controller), then the views.
        Returns the notes about it for the status bar (see :meth:`note`)."""
        self._loading = True
        try:
            controller = self.controller
            controller.replace_session(session)
            comparison, self._comparison_read = self._comparison_read, None
            if comparison is not None and comparison.a is session:
                controller.set_comparison(comparison)
            if isinstance(extra, dict):
                self._restore_selection(extra)
            self.unknown_views = self.apply_views(views)
            if self.undo_stack is not None:
                self.undo_stack.clear()  # undo entries belong to the old scene
        finally:
            self._loading = False
            self._session = self.controller.session
        self._fresh = False  # an opened or restored scene (File ▸ New makes it fresh again)
        self.changes += 1
        classroom, self._classroom_read = self._classroom_read, None
        self._notes = []
        try:
            self.classroomLoaded.emit(classroom)
            notes = self._notes
        finally:
            self._notes = None
        if self.unknown_views:
            notes.append(translate(
                "SceneFiles", "Views this version does not have (kept, not shown): {0}").format(
                ", ".join(view_id[:40] for view_id in self.unknown_views[:10])
                + (", …" if len(self.unknown_views) > 10 else "")))
        return notes

    def _restore_selection(self, extra: dict) -> None:
        controller = self.controller
        n_train = int(controller.session.X_train.shape[0])
        sample = extra.get("selected_sample")
        if isinstance(sample, int) and not isinstance(sample, bool) and 0 <= sample < n_train:
            controller.select_sample(sample)
        parameter = extra.get("selected_parameter")
        sizes = controller.session.net.layer_sizes
        if (isinstance(parameter, list) and len(parameter) == 4
                and isinstance(parameter[0], int) and parameter[1] in ("W", "b")
                and all(isinstance(v, int) for v in parameter[2:])
                and 0 <= parameter[0] < len(sizes) - 1
                and 0 <= parameter[2] < sizes[parameter[0] + 1]
                and (parameter[1] == "b" or 0 <= parameter[3] < sizes[parameter[0]])):
            controller.select_parameter(tuple(parameter))

    def save(self) -> bool:
        """File ▸ Save (Save As… for an untitled scene). True when written."""
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self, path: str | os.PathLike | None = None) -> bool:
        """File ▸ Save As…: ask for a file when ``path`` is None (".json" is added)."""
        if path is None:
            start = self.path or os.path.join(str(Path.home()), "scene.json")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.window, translate("SceneFiles", "Save scene"), start, scene_filter())
            if not path:
                return False
            if not os.path.splitext(path)[1]:
                path += ".json"
        return self._write(os.path.abspath(os.fspath(path)))

    def _write(self, path: str) -> bool:
        try:
            save_scene(path, self.scene_dict())
        except (OSError, ValueError, TypeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self._warn(translate("SceneFiles", "Save scene"),
                       translate("SceneFiles", "Cannot save {0}:\n{1}").format(path, reason))
            return False
        self._set_clean(path)
        self.add_recent(path)
        self.window.statusBar().showMessage(
            translate("SceneFiles", "Saved {0}").format(os.path.basename(path)), 4000)
        return True

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.settings.value(KEY_RECENT, [])
        if value is None:
            return []
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        path = os.path.abspath(path)
        files = [path] + [f for f in self.recent_files() if f != path]
        self.settings.setValue(KEY_RECENT, files[:MAX_RECENT])
        self.settings.sync()
        self.rebuild_recent_menu()

    def clear_recent(self) -> None:
        self.settings.setValue(KEY_RECENT, [])
        self.settings.sync()
        self.rebuild_recent_menu()

    def rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for index, path in enumerate(files):
            action = menu.addAction(f"&{index + 1} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.setEnabled(os.path.isfile(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        if files:
            menu.addSeparator()
        clear = menu.addAction(translate("SceneFiles", "Clear list"), self.clear_recent)
        clear.setEnabled(bool(files))

    # ------------------------------------------------------------------ autosave & quit
    def start(self, offer_recovery: bool = True) -> bool:
        """Start autosave and crash recovery (see :meth:`gui.files.autosave.Autosaver.start`)."""
        return self.autosaver.start(offer_recovery)

    def restore(self, path: str | os.PathLike) -> bool:
        """Load an autosave file: its original file (if any) becomes the current path and the
        scene counts as changed. False, after a message, if it cannot be read."""
        loaded = self._read(os.fspath(path), translate("SceneFiles", "Restore the last session"))
        if loaded is None:
            return False
        session, views, extra = loaded
        notes = self._swap(session, views, extra)
        original = extra.get("autosave_of") if isinstance(extra, dict) else None
        self.path = original if isinstance(original, str) and original else None
        self.dirty = True
        self._show_title()
        self._show_opened(None, notes)
        return True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        """Before the window closes (once started): unsaved changes, untitled or not, are
        asked about (Save / Discard / Cancel) after pausing Play; Cancel keeps the window open
        and the training paused. Then the autosave is written, the layout stored and the exit
        marked clean. No question when :func:`quit_prompt_enabled` says so."""
        if watched is self.window and event.type() == QtCore.QEvent.Type.Close:
            if self.autosaver.started and self.dirty and quit_prompt_enabled():
                self.controller.pause()  # no training behind the question
                if not self.maybe_save():
                    event.ignore()
                    return True
            self.autosaver.shut_down()
        return False
