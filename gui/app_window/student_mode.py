"""Student mode and the scene's classroom locks (View ▸ Student mode, File ▸ Classroom locks…).

A scene's ``classroom`` section (``core.classroom``) lists hidden views, hidden controls,
fixed settings and the panels presenter mode hides. :class:`StudentMode` reads it when a scene
is opened (``SceneFiles.classroomLoaded``), checks its names against the window's views and
panels (an invalid list: a message naming every unknown name; the scene opens without locks
and the section is kept as read, so saving loses nothing) and writes it back on save, with
the presenter's current hide list (``PresenterMode.locked_panels``).

In Student mode:
- the hidden views' docks are closed and their View-menu entries (and shortcuts) removed;
- the hidden controls' widgets (and labels) are hidden in the panels;
- the fixed settings' controls are disabled, and the controller refuses them
  (``TrainingController.set_fixed_settings``: panels, shortcuts and lessons alike);
- File ▸ New/Open…/Open Recent, the Lessons menu and File ▸ Classroom locks… are disabled, so
  another scene cannot lift the locks.
Leaving asks "Leave student mode?" (no password). While it is on, a "Student mode" badge sits in the
menu bar's left corner (:attr:`StudentMode.badge`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.classroom import NO_LOCKS, ClassroomLocks, locks_from_dict, setting_names
from core.scene_validation import SceneError
from core.settings import fields_of
from gui.classroom.locks_dialog import LocksDialog
from gui.classroom.presenter import UNLOCKABLE_TOOLBARS
from gui.common.i18n import manager, translate
from gui.common.view_spec import view_widget

#: The settings sections as the lock dialog names them.
SECTION_NAMES = {"data": QT_TRANSLATE_NOOP("StudentMode", "Data"),
                 "network": QT_TRANSLATE_NOOP("StudentMode", "Network"),
                 "training": QT_TRANSLATE_NOOP("StudentMode", "Training")}
#: The panel of each settings section (view ids of the registry).
PANELS = {"data": "data_panel", "network": "network_panel", "training": "training_panel"}


def setting_widgets(views: Mapping[str, object], strip=None
                    ) -> dict[str, list[QtWidgets.QWidget]]:
    """"<section>.<field>" → the widgets that show that setting in the panels (control and
    form label; the features box; the hidden-layer buttons; the activation choosers) and in
    the Step-through settings strip ``strip`` (a ``gui.panels.settings_strip.SettingsStrip``;
    None: no strip)."""
    out: dict[str, list[QtWidgets.QWidget]] = {}
    for section, view_id in PANELS.items():
        for name, control in view_widget(views[view_id]).controls.items():
            out[f"{section}.{name}"] = [w for w in (control.widget, control.label) if w]
    if strip is not None:
        for name, control in strip.controls.items():
            out[f"training.{name}"] += [w for w in (control.widget, control.label) if w]
        out["network.activation"] = [strip.activation.widget, strip.activation.label]
        out["network.hidden_sizes"] = [strip.layers, strip.layers_label]
    data, network = views["data_panel"], views["network_panel"]
    out["data.features"] = [data.features_box]
    out["network.activation"] = out.get("network.activation", []) + [
        network.activation.widget, network.per_layer, network.activation_label,
        *(r.activation for r in network.rows)]
    out["network.hidden_sizes"] = out.get("network.hidden_sizes", []) + [
        network.remove_layer, network.add_layer, *(r.minus for r in network.rows),
        *(r.plus for r in network.rows)]
    return out


class StudentMode(QtCore.QObject):
    """The locks of the current scene and Student mode (see the module docstring).

    ``docks``: view id → its QDockWidget (views without a dock are left out); ``lessons``:
    the Lessons menu's action (disabled in Student mode); ``workspaces``: the window's
    workspaces, whose layouts are held while Student mode is on (``hold_layouts``);
    ``withdraw_message(text)`` takes a status message containing ``text`` away (the locks
    notice, no longer true once Student mode is on: ``StatusNotice.withdraw``).
    """

    def __init__(self, window: QtWidgets.QMainWindow, controller, scene_files, presenter_mode,
                 views: Mapping[str, object], docks: Mapping[str, QtWidgets.QDockWidget],
                 titles: Mapping[str, str], lessons: QtGui.QAction | None = None,
                 workspaces=None,
                 withdraw_message: Callable[[str], None] = lambda _text: None) -> None:
        super().__init__(window)
        self.window, self.controller = window, controller
        self.scene_files, self.presenter_mode = scene_files, presenter_mode
        self.views, self.docks, self.titles = views, docks, titles
        self.lessons = lessons
        self.workspaces = workspaces  # gui.app_window.workspaces.Workspaces, or None
        self.withdraw_message = withdraw_message
        self.notice = ""  # the locks notice of the scene last opened ("": none)
        self.locks: ClassroomLocks = NO_LOCKS
        self.kept_section = None  # an invalid section, saved back as read
        #: view id -> other actions that would show that view (Train ▸ Cross-validate… shows
        #: the Cross-validation view): hidden with the view's own toggle (add_view_action)
        self.view_actions: dict[str, list[QtGui.QAction]] = {}
        self.active = False
        self._shown_docks: dict[str, bool] = {}
        self.action = QtGui.QAction(window)
        self.action.setObjectName("studentMode")
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggled)
        self.edit_action = QtGui.QAction(window)
        self.edit_action.setObjectName("classroomLocks")
        self.edit_action.triggered.connect(lambda _=False: self.edit())
        #: "Student mode" in the menu bar's left corner while the mode is on
        self.badge = QtWidgets.QLabel()
        self.badge.setObjectName("studentModeBadge")
        self.badge.setStyleSheet("QLabel { background: #B45F06; color: white; "
                                 "font-weight: bold; padding: 1px 6px; border-radius: 3px; }")
        self.badge.hide()
        window.menuBar().setCornerWidget(self.badge, QtCore.Qt.Corner.TopLeftCorner)
        scene_files.classroom = self.scene_section
        scene_files.classroomLoaded.connect(self.load_section)
        controller.settingsChanged.connect(self._reapply_controls)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        self.action.setText(translate("StudentMode", "Student mode"))
        self.action.setStatusTip(translate(
            "StudentMode", "Hide and fix what the scene's classroom locks list"))
        self.edit_action.setText(translate("StudentMode", "Classroom locks…"))
        self.badge.setText(translate("StudentMode", "Student mode"))
        self.badge.setToolTip(translate(
            "StudentMode", "The scene's classroom locks are applied. View ▸ Student mode "
                           "leaves it."))

    # ------------------------------------------------------------- names
    def panel_names(self) -> list[str]:
        """Object names of the docks and tool bars presenter mode can hide."""
        docks = [dock.objectName() for dock in self.window.findChildren(QtWidgets.QDockWidget)
                 if dock.objectName()]
        bars = [bar.objectName() for bar in self.window.findChildren(QtWidgets.QToolBar)
                if bar.objectName() and bar.objectName() not in UNLOCKABLE_TOOLBARS]
        return docks + bars

    def _choices(self):
        views = [(view_id, translate("ui", self.titles[view_id])) for view_id in self.titles]
        settings = []
        for name in setting_names():
            section, field = name.split(".")
            labels = {i.name: i.label for i in _fields(self.controller.session, section)}
            settings.append((name, f"{translate('StudentMode', SECTION_NAMES[section])} · "
                                   f"{translate('Settings', labels[field])}"))
        panels = []
        for name in self.panel_names():
            panel = self.window.findChild(QtWidgets.QWidget, name)
            panels.append((name, (panel.windowTitle() if panel else "").replace("&", "") or name))
        return views, settings, panels

    # ------------------------------------------------------------- scene section
    def scene_section(self):
        """The ``classroom`` section to save: the locks with the presenter's hide list, or an
        invalid section as it was read."""
        if self.kept_section is not None:
            return self.kept_section
        section = self.locks.to_dict()
        section["presenter_hidden"] = sorted(self.presenter_mode.locked_panels())
        return section

    def load_section(self, section) -> None:
        """A new scene: its locks (None: none), Student mode left without asking."""
        self.set_active(False, ask=False)
        self.kept_section = None
        try:
            # older scenes may name the lesson bar, offered before: known, and ignored
            locks = locks_from_dict(section, view_ids=list(self.titles),
                                    panel_names=[*self.panel_names(), *UNLOCKABLE_TOOLBARS])
        except SceneError as error:
            self.locks = NO_LOCKS
            self.kept_section = section
            QtWidgets.QMessageBox.warning(
                self.window, translate("StudentMode", "Classroom locks"),
                translate("StudentMode", "The scene opened without its classroom locks, "
                                         "which are not valid:\n{0}").format(error))
            return
        self.locks = locks
        if isinstance(section, dict) and "presenter_hidden" in section:
            self._set_presenter_hidden(locks.presenter_hidden)
        self.notice = ""
        if not locks.empty:  # shown with "Opened …", not overwritten by it
            self.notice = translate("StudentMode", "This scene has classroom locks: "
                                                   "View ▸ Student mode applies them")
            self.scene_files.note(self.notice)

    def _set_presenter_hidden(self, names) -> None:
        current = self.presenter_mode.locked_panels()
        for name in self.panel_names():
            if (name in names) != (name in current):
                self.presenter_mode.set_locked(name, name in names)

    def edit(self) -> bool:
        """File ▸ Classroom locks…: the dialog; OK sets the locks (the scene changed)."""
        views, settings, panels = self._choices()
        locks = ClassroomLocks.of(**{**self.locks.to_dict(), "presenter_hidden":
                                     self.presenter_mode.locked_panels()})
        dialog = LocksDialog(self.window, locks, views=views, settings=settings, panels=panels)
        try:
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return False
            self.set_locks(dialog.locks())
        finally:
            dialog.deleteLater()
        return True

    def set_locks(self, locks: ClassroomLocks) -> None:
        """New locks for the current scene (marks it changed)."""
        self.locks, self.kept_section = locks, None
        self._set_presenter_hidden(locks.presenter_hidden)
        self.scene_files._mark_dirty()

    # ------------------------------------------------------------- the mode
    def _toggled(self, on: bool) -> None:
        if on != self.active and not self.set_active(on):
            self.action.blockSignals(True)
            self.action.setChecked(self.active)
            self.action.blockSignals(False)

    def set_active(self, on: bool, ask: bool = True) -> bool:
        """Enter or leave Student mode; leaving asks first when ``ask``. False when the
        user said No."""
        if on == self.active:
            return True
        if not on and ask:
            answer = QtWidgets.QMessageBox.question(
                self.window, translate("StudentMode", "Student mode"),
                translate("StudentMode", "Leave student mode?"))
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return False
        self.active = on
        if on and self.workspaces is not None:
            self.workspaces.hold_layouts(True)
        self._apply_views(on)
        if not on and self.workspaces is not None:
            self.workspaces.hold_layouts(False)
        self._apply_controls(on)
        self.controller.set_fixed_settings(self.locks.fixed_settings if on else ())
        for action in (self.scene_files.new_action, self.scene_files.open_action,
                       self.scene_files.recent_menu.menuAction(), self.edit_action,
                       self.lessons):
            if action is not None:
                action.setEnabled(not on)
        self.action.blockSignals(True)
        self.action.setChecked(on)
        self.action.blockSignals(False)
        self.badge.setVisible(on)
        if on:  # "View ▸ Student mode applies them" is done: the notice goes
            self.withdraw_message(self.notice)
        return True

    def _apply_views(self, on: bool) -> None:
        for view_id in self.locks.hidden_views:
            dock = self.docks.get(view_id)
            if dock is None:  # the central canvas
                view_widget(self.views[view_id]).setVisible(not on)
                continue
            toggle = dock.toggleViewAction()
            if on:
                self._shown_docks[view_id] = dock.isVisible()
                dock.hide()
            else:
                dock.setVisible(self._shown_docks.pop(view_id, False))
            for action in (toggle, *self.view_actions.get(view_id, ())):
                action.setVisible(not on)
                action.setEnabled(not on)

    def add_view_action(self, view_id: str, action: QtGui.QAction) -> None:
        """``action`` shows the view ``view_id``: Student mode hides it while that view is
        hidden, like the view's own entry in the View menu."""
        self.view_actions.setdefault(view_id, []).append(action)
        if self.active and view_id in self.locks.hidden_views:
            action.setVisible(False)
            action.setEnabled(False)

    def workspace_changed(self, _name: str = "") -> None:
        """A workspace shows its own views: hide the locked ones again (what leaving Student
        mode restores is what the new workspace showed)."""
        if not self.active:
            return
        for view_id in self.locks.hidden_views:
            dock = self.docks.get(view_id)
            if dock is not None:
                self._shown_docks[view_id] = dock.isVisible()
                dock.hide()

    def _setting_widgets(self) -> dict[str, list[QtWidgets.QWidget]]:
        return setting_widgets(self.views, getattr(self.window, "settings_strip", None))

    def _apply_controls(self, on: bool) -> None:
        widgets = self._setting_widgets()
        for name in self.locks.hidden_controls:
            for widget in widgets.get(name, ()):
                widget.setVisible(not on)
        for name in self.locks.fixed_settings:
            for widget in widgets.get(name, ()):
                widget.setEnabled(not on)
        if not on:
            self.window.refresh_panels()  # the panels decide again which rows they show

    def _reapply_controls(self, _names=()) -> None:
        """The panels and the strip show their rows (and enable their controls) again on every
        settings change: hide and disable ours again."""
        if self.active:
            widgets = self._setting_widgets()
            for name in self.locks.hidden_controls:
                for widget in widgets.get(name, ()):
                    widget.setVisible(False)
            for name in self.locks.fixed_settings:
                for widget in widgets.get(name, ()):
                    widget.setEnabled(False)

    def hidden_now(self) -> dict[str, list[str]]:
        """What Student mode hides right now (tests, --layout-report style checks): view ids
        whose dock or widget is hidden and View-menu entry gone, and settings whose widgets
        are all hidden (with the rows a panel hides itself, e.g. another optimizer's
        hyperparameters)."""
        views = []
        for view_id in self.titles:
            dock = self.docks.get(view_id)
            if dock is None:
                if not view_widget(self.views[view_id]).isVisible():
                    views.append(view_id)
            elif not dock.isVisible() and not dock.toggleViewAction().isVisible():
                views.append(view_id)
        controls = [name for name, ws in self._setting_widgets().items()
                    if ws and all(w.isHidden() for w in ws)]
        return {"views": views, "controls": controls}


def _fields(session, section: str):
    return fields_of(getattr(session, section))
