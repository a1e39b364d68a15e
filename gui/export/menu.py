"""File ▸ Export: every view of the window, the whole window, the training animation, the data.

The main window builds one :class:`ExportMenu` with the views to export (``WindowView`` objects
from its view registry, in export order); the entries are rebuilt each time the menu opens:

========================  ========================================================================
entry                     what it does
========================  ========================================================================
<view> ▸ PNG/SVG/PDF/…    ``gui.export.actions.export_view`` (asks for the file, and the width for
                          PNG); the same four actions go in the view's right-click menu;
                          disabled while the view has nothing to show (``ViewSpec.export_ready``:
                          Cross-validation before a run, Compare without run B)
Whole window…             ``export_window``: PNG as shown, or SVG/PDF
Copy window               the window as an image on the clipboard
Animation of training…    ``AnimationSettingsDialog`` → GIF/MP4 of the chosen (visible) views,
                          recorded on a copy of the session (``gui.app_window.recording``): the
                          scene, its step count and history stay exactly as they were
Points / History / …      CSV tables, and the model as self-contained JSON (``gui.export.data``)
========================  ========================================================================

The views come from the window's view registry (``gui.common.view_spec``), so this module
needs no attribute names from the main window. Each view's ``export_target`` (in its
``ViewSpec``) picks the part that makes a clean figure (the plot of the loss curve without its
option row, the diagram's scene without the animation spin box); the headless CLI uses the
same choice.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from gui.export import actions as export_actions
from gui.export.data import (
    export_history_csv,
    export_model_json,
    export_points_csv,
    export_weights_csv,
)
from gui.export.animation import frame_sizes
from gui.export.figures import ExportError, copy_to_clipboard, native_size
from gui.export.actions import (
    VIEW_EXPORT_KINDS,
    AnimationProgress,
    AnimationSettingsDialog,
    ask_export_path,
    export_animation_with_dialog,
    export_window,
    install_context_export,
    retranslate_actions,
    show_export_error,
)
from gui.common.i18n import manager, translate
from gui.common.refresh import is_shown
from gui.common.themes import current_theme
from gui.common.views import WindowView, dock_of


class ExportMenu(QtCore.QObject):
    """Builds and runs File ▸ Export for ``window``: the submenu goes into ``file_menu``
    before ``before`` (at the end when None); ``views`` are the views to export, in menu
    order; ``controller`` owns the session whose data and animation are exported."""

    def __init__(self, window: QtWidgets.QMainWindow, controller, views: Sequence[WindowView],
                 file_menu: QtWidgets.QMenu, before: QtGui.QAction | None = None,
                 record_training=None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.views = tuple(views)
        #: view id → its PNG/SVG/PDF/clipboard actions (also in the view's right-click menu)
        self.view_actions: dict[str, list[QtGui.QAction]] = {}
        #: (controller, chosen views, sizes, theme) → a recorder of a copy of the session
        #: (gui.app_window.recording.record_training); None: no animation entry.
        self.record_training = record_training
        self.menu = QtWidgets.QMenu(window)
        self.menu.setObjectName("export_menu")
        if before is not None:
            file_menu.insertMenu(before, self.menu)
        else:
            file_menu.addMenu(self.menu)
        self.menu.aboutToShow.connect(self.rebuild)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        """The menu (rebuilt) and the views' right-click entries in the interface language."""
        self.menu.setTitle(translate("ExportMenu", "&Export"))
        self.rebuild()
        for actions in self.view_actions.values():
            retranslate_actions(actions)

    def actions_of(self, view: WindowView) -> list[QtGui.QAction]:
        """The PNG/SVG/PDF/clipboard actions of ``view``, created (and put in its right-click
        menu) on the first call, reused after."""
        if view.id not in self.view_actions:  # they export as File ▸ Export does
            self.view_actions[view.id] = install_context_export(
                view.target(), view.id, self.window,
                export=lambda kind, v=view: self.export_view(v, kind))
        return self.view_actions[view.id]

    def rebuild(self) -> None:
        """(Re)fill the menu from the views the window has now."""
        menu = self.menu
        old_submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
        menu.clear()  # deletes the menu's own actions, but not the submenus it created
        for sub in old_submenus:  # else every rebuild (each language switch) leaks six menus
            sub.setObjectName("")
            sub.deleteLater()
        labels = {"png": translate("ExportMenu", "PNG image…"),
                  "svg": translate("ExportMenu", "SVG image…"),
                  "pdf": translate("ExportMenu", "PDF…"),
                  "clipboard": translate("ExportMenu", "Copy to clipboard")}
        for view in self.views:
            self.actions_of(view)  # the right-click entries, once
            sub = menu.addMenu(view.label())
            sub.setObjectName(f"export_{view.id}_menu")
            ready = view.ready()  # e.g. Compare without run B: nothing to draw
            sub.setEnabled(ready)
            for kind in VIEW_EXPORT_KINDS:
                self._add(sub, labels[kind], f"export_{kind}_{view.id}",
                          lambda v=view, k=kind: self.export_view(v, k)).setEnabled(ready)
        menu.addSeparator()
        self._add(menu, translate("ExportMenu", "Whole window…"), "export_window",
                  lambda: export_window(self.window, "backprop-playground"))
        self._add(menu, translate("ExportMenu", "Copy window to clipboard"), "copy_window",
                  self.copy_window)
        menu.addSeparator()
        if self.record_training is not None:
            self._add(menu, translate("ExportMenu", "Animation of training (GIF/MP4)…"),
                      "export_animation", self.export_animation)
        menu.addSeparator()
        self._add(menu, translate("ExportMenu", "Points (CSV)…"), "export_points",
                  lambda: self.export_data("points"))
        self._add(menu, translate("ExportMenu", "History (CSV)…"), "export_history",
                  lambda: self.export_data("history"))
        self._add(menu, translate("ExportMenu", "Model with weights (JSON)…"),
                  "export_weights_json", lambda: self.export_data("weights_json"))
        self._add(menu, translate("ExportMenu", "Weights (CSV)…"), "export_weights_csv",
                  lambda: self.export_data("weights_csv"))

    def _add(self, menu: QtWidgets.QMenu, text: str, name: str, slot) -> QtGui.QAction:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def action(self, name: str) -> QtGui.QAction | None:
        """The menu action with object name ``name`` (also inside view submenus), or None."""
        for action in self.menu.actions():
            if action.objectName() == name:
                return action
            sub = action.menu()
            if sub is not None:
                for inner in sub.actions():
                    if inner.objectName() == name:
                        return inner
        return None

    # ------------------------------------------------------------------ actions
    def view(self, view_id: str) -> WindowView:
        """The exported view with id ``view_id`` (KeyError if there is none)."""
        for view in self.views:
            if view.id == view_id:
                return view
        raise KeyError(view_id)

    def export_view(self, view: WindowView, kind: str) -> str | None:
        """Export one view (``kind``: png, svg, pdf or clipboard). A view with a figure of
        its own (``ViewSpec.figure``: Compare, Cross-validation) is drawn anew offscreen at
        the figure's size. Any other view whose dock is closed or behind another tab is
        brought to the front first: hidden views are not redrawn, so they would export an
        outdated or empty picture."""
        if view.spec.figure is None and not is_shown(view.widget):
            dock = view.dock or dock_of(view.widget)
            if dock is not None:
                dock.show()
                dock.raise_()
            for _ in range(3):  # show, lay out, then the view's deferred redraw
                QtWidgets.QApplication.processEvents()
        with view.figure() as target:
            return export_actions.export_view(target, kind, view.id, self.window)

    def copy_window(self) -> None:
        try:
            copy_to_clipboard(self.window)
        except ExportError as error:
            show_export_error(self.window, error)
            return
        self.window.statusBar().showMessage(
            translate("ExportMenu", "Window copied to the clipboard"), 4000)

    def export_data(self, kind: str, path: str | None = None) -> str | None:
        """Write the points, the history or the weights; asks for ``path`` when None.
        Returns the path written, or None (cancelled, or the error was shown)."""
        session = self.controller.session
        trainer, net = session.trainer, session.net
        extension, default_name = {"points": ("csv", "points"), "history": ("csv", "history"),
                                   "weights_json": ("json", "model"),
                                   "weights_csv": ("csv", "weights")}[kind]
        if path is None:
            path = ask_export_path(self.window, default_name, (extension,))
            if path is None:
                return None
        points = session.points
        try:
            if kind == "points":
                label = "target" if points.task == "regression" else "label"
                y = points.y
                if session.class_names and points.task == "classification":
                    y = [session.class_label(int(k)) for k in points.y]
                return export_points_csv(path, points.X, np.asarray(y), points.train,
                                         list(session.feature_names), label)
            if kind == "history":
                return export_history_csv(path, trainer.history.arrays())
            if kind == "weights_json":
                return export_model_json(path, session)
            return export_weights_csv(path, net.weights, net.biases, net.layer_sizes)
        except (ExportError, ValueError) as error:
            show_export_error(self.window, error)
            return None

    def export_animation(self) -> str | None:
        """Ask for the views, steps per frame, frame count and format, then record."""
        # only views the recorder redraws on a copy of the session (a headless size); the
        # cross-validation result, run B and the linear system are not part of that copy
        shown = [view for view in self.views
                 if is_shown(view.widget) and view.spec.headless_size is not None]
        if not shown:
            show_export_error(self.window, ExportError(
                translate("ExportMenu", "No view is visible to record.")))
            return None
        labels = [view.label() for view in shown]
        dialog = AnimationSettingsDialog(labels, self.window, selected=labels[:2],
                                         start_step=self.controller.trainer.step_count)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        settings = dialog.settings()
        chosen = {view.id: view.widget for view in shown if view.label() in settings["views"]}
        targets = {view.id: view.target() for view in shown if view.id in chosen}
        if not chosen:
            return None
        path = ask_export_path(self.window, "training", (settings["format"],))
        if path is None:
            return None
        controller = self.controller
        controller.pause()
        window_closed = _closed_from_now_on(self.window)
        # The views of the frame get one height; each keeps the aspect it has on screen.
        sizes = frame_sizes({view_id: native_size(target) for view_id, target in targets.items()})
        theme = current_theme(self.window)
        # the start, then one frame after every steps_per_frame steps: the last shows the end
        frames = settings["frames"]
        progress = AnimationProgress(self.window, frames)  # at once: preparing takes a while
        written = None
        try:
            QtWidgets.QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
            try:  # a copy of the session is trained, in views of its own: the scene is untouched
                recorder = self.record_training(controller, chosen, sizes, theme,
                                                cancelled=window_closed)
            finally:
                QtWidgets.QApplication.restoreOverrideCursor()
            with recorder:
                if window_closed():  # closed while the recorder was built: the quit is under way
                    return None
                written = export_animation_with_dialog(
                    self.window, recorder.frame_source(settings["steps_per_frame"]), path,
                    fps=settings["fps"], frame_count=frames, cancelled=window_closed,
                    progress=progress)
        finally:
            progress.close()
        if written:
            self.window.statusBar().showMessage(
                translate("ExportMenu", "Animation written to {0}").format(
                    os.path.basename(written)), 6000)
        return written


def _closed_from_now_on(window: QtWidgets.QWidget) -> Callable[[], bool]:
    """A predicate: True once ``window``, open now, has been closed (hidden). An export must
    not outlive its window: Qt's quit after the close only closes the windows open by then, so
    a progress dialog shown later would keep the process recording."""
    was_open = window.isVisible()
    return lambda: was_open and not window.isVisible()
