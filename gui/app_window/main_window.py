"""Main window: layout, menus, toolbars, docks, status bar; redraws views from controller signals.

Layout: the data canvas in the centre (with the CJK-font notice and the divergence banner above
it), the step and draw toolbars on top, the Data and Network panels docked left, Training and
the loss curve right, the diagram and inspector below; every view and dock comes from the view registry
(``gui.app_window.view_registry``).
Only views the user can see are redrawn; hidden ones catch up when shown: the canvas, the loss
curve and the status bar redraw through ``gui.common.refresh.RefreshGate`` like every other view,
each for the controller signals that change what it draws (see ``_connect_redraws``).
Texts the window builds at run time (panel read-outs, the phase line, messages) are in the
current language; ``retranslateUi`` (called by View ▸ Language) shows them again.
"""

from __future__ import annotations

import os
from functools import partial

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt

from core.data_source import DataSource
from core.datasets import TEST, TRAIN, VALIDATION
from gui.canvas.presenter import CanvasPresenter, canvas_positions
from gui.controller import PENALTY_SETTINGS, TrainingController
from gui.canvas.drawing import DrawingController
from gui.common.i18n import translate
from gui.common.refresh import RefreshGate
from gui.app_window.about_dialog import AboutDialog
from gui.app_window.recording import record_training
from gui.common.app_icon import app_icon
from gui.classroom.lesson_bar import LessonBar
from gui.classroom.lessons_menu import LessonsMenu
from gui.classroom.predict_reveal import PredictReveal
from gui.classroom.presenter import PresenterMode
from gui.classroom.shortcuts import ShortcutKeys, table_rows, view_rows
from gui.common.i18n import LanguageMenu, remembered_language
from gui.common.legible_axes import room_for_top_ticks
from gui.common.themes import ThemeMenu, remembered_theme
from gui.common.views import WindowView
from gui.compare.compare_dialog import CompareActions
from gui.evaluate.cross_validation_dialog import CrossValidation
from gui.evaluate.cross_validation_view import FoldOutlines
from gui.export.menu import ExportMenu
from gui.files.scene_files import SceneFiles
from gui.canvas.canvas_options import CanvasOptions
from gui.app_window.docks import build_views, dock_views, view_menu_entries
from gui.app_window.step_views import StepViews
from gui.panels.network_panel import output_text
from gui.app_window.view_registry import SETTINGS_PANELS, SETTINGS_STRIP, VIEWS, WORKSPACE_LAYOUTS
from gui.app_window.workspaces import Workspaces, docks_by_id
from gui.app_window.lesson_layout import LessonLayout
from core.workspace_names import DEFAULT_WORKSPACE
from gui.panels.settings_strip import SettingsStrip
from gui.common.view_spec import ViewRegistry, view_widget
from gui.app_window.divergence_banner import DivergenceBanner, ModelFacts
from gui.app_window.font_notice import FontNotice
from gui.canvas.draw_toolbar import DrawToolbar
from gui.files.import_dialog import ImportDialog, limit_rows
from gui.app_window.status_bar import TrainingStatus
from gui.app_window.status_notice import StatusNotice
from gui.app_window.step_toolbar import StepToolbar
from gui.app_window.student_mode import StudentMode
from gui.app_window.timeline import TimelineBar
from gui.panels.data_panel import source_text, split_text

#: Seconds between status-bar updates during Play (numbers changing faster are unreadable).
STATUS_INTERVAL = 0.25
#: Seconds between loss-curve updates during Play (~20 Hz; the canvas redraws every frame).
#: Pausing always draws the complete curve.
CURVE_INTERVAL = 0.05
#: What the canvas redraws on request (the rings are always redrawn): "range" fits the view
#: to the points (a new point set), "points", "prediction" (decision boundary / curve).
CANVAS_PARTS = ("range", "points", "prediction")
def describe_source(source) -> str:
    """An imported file's source (core.data_source.DataSource) in the current language, for
    the status bar and the undo text (gui.panels.data_panel.source_text)."""
    return source_text(source, source.rows, "")


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, controller: TrainingController | None = None, parent=None,
                 registry: ViewRegistry = VIEWS) -> None:
        super().__init__(parent)
        self.controller = controller or TrainingController()
        self.setWindowTitle("Backprop Playground")
        self.resize(1440, 880)
        self.undo_stack = QtGui.QUndoStack(self)

        # --- views, each built once from the registry (gui.app_window.view_registry)
        self.registry = registry
        self.views = build_views(registry, self.controller, self)
        self.canvas = self.views["canvas"]
        self.data_panel = self.views["data_panel"]
        self.network_panel = self.views["network_panel"]
        self.training_panel = self.views["training_panel"]
        self.loss_curve = self.views["loss_curve"]
        self.loss_surface = self.views["loss_surface"]  # the presenter of its view

        self.setWindowIcon(app_icon())  # also the application's (app.main), for other windows
        self.about_dialog: AboutDialog | None = None
        # --- central: the CJK-font notice, the divergence banner, the canvas
        self.presenter = CanvasPresenter(self.canvas)
        self.font_notice = FontNotice()
        self.banner = DivergenceBanner()
        central = QtWidgets.QWidget()
        central_layout = QtWidgets.QVBoxLayout(central)
        central_layout.setContentsMargins(4, 4, 4, 4)
        central_layout.addWidget(self.font_notice)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.drawing = DrawingController(self.controller, self.canvas, self.undo_stack, self)

        # --- toolbars
        self.step_toolbar = StepToolbar(self)
        self.draw_toolbar = DrawToolbar(self.undo_stack, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.step_toolbar)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.draw_toolbar)
        # the compact settings strip (Step-through workspace), on its own tool bar row
        self.settings_strip = SettingsStrip()
        self.strip_bar = QtWidgets.QToolBar("Settings strip", self)  # its name in lists
        self.strip_bar.setObjectName(SETTINGS_STRIP)
        self.strip_bar.setMovable(False)
        self.strip_bar.addWidget(self.settings_strip)
        self.timeline = TimelineBar(self.controller, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.timeline)

        # --- docks, in registry order (title → dock), the status bar and the menus; the
        # default sizes of the side columns are set before the status bar, menu bar and
        # bottom row take their share of the window (Qt keeps the proportions)
        self.docks: dict[str, QtWidgets.QDockWidget] = {}
        for spec, dock in dock_views(self, registry, self.views, self._sync_dock_tabs):
            self.docks[spec.title] = dock
            if spec.id == "loss_curve":
                self.status = TrainingStatus(self.statusBar())
                self._build_menus()
        # messages too wide for the status bar: under the canvas, covering nothing
        self.status_notice = StatusNotice(self, central_layout)
        for action in view_menu_entries(registry, self.views, self.docks, self):
            self.view_menu.addAction(action)
        # workspaces (gui.app_window.workspaces): tabs next to the drawing tools, View menu
        self.workspaces = Workspaces(self, *docks_by_id(registry, self.docks),
                                     WORKSPACE_LAYOUTS, {SETTINGS_STRIP: self.strip_bar})
        # the workspace tabs: top right of the menu bar, always whole (a tool bar row is
        # shared with the drawing tools and the timeline, and was cut to one tab at 1280 px)
        self.menuBar().setCornerWidget(self.workspaces.tab_bar, Qt.Corner.TopRightCorner)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.strip_bar)
        self.view_menu.insertMenu(self.discretize_action, self.workspaces.menu)
        self.view_menu.insertSeparator(self.discretize_action)
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.loss_surface.shutdown)

        # Train ▸ Predict, then reveal: the Backward action goes through it (see _connect)
        self.predict_reveal = PredictReveal(self, self.controller)
        self._connect()
        # selection wiring of the diagram, inspector, heatmaps, gradient norms; canvas overlays
        self.step_views = StepViews(self.controller, self.canvas, self.views)
        # a hovered cell of the metrics view lights its points up on the canvas
        self.views["metrics"].pointsHovered.connect(
            lambda points: self.presenter.draw_highlight(self.controller.session, points))
        self.views["network"].set_undo_stack(self.undo_stack)  # hands-on weights are undoable
        self.workspaces.apply(DEFAULT_WORKSPACE)
        self._fit_due = True  # the workspace's sizes need the window's final size (showEvent)
        placed = {spec.id: WindowView(spec, view_widget(self.views[spec.id]),
                                      self.docks.get(spec.title)) for spec in registry}
        # File ▸ New/Open…/Open Recent/Save/Save As… at the top of the File menu; autosave and
        # recovery start with scene_files.start() (app.py)
        self.scene_files = SceneFiles(self, self.controller,
                                      [placed[spec.id] for spec in registry.scene_views()],
                                      self.undo_stack)
        self.scene_files.add_to_menu(self.file_menu)
        # File ▸ Export before the separator above Quit
        self.export_menu = ExportMenu(
            self, self.controller, [placed[spec.id] for spec in registry.exported()],
            self.file_menu, self._before_quit(), partial(record_training, registry=registry))
        # Lessons, presenter mode (F5), themes, the shortcut table, language
        lessons = QtWidgets.QMenu("&Lessons", self.menuBar())
        self.menuBar().insertMenu(self.help_menu.menuAction(), lessons)
        self.presenter_mode = PresenterMode(self, self.controller, self.step_toolbar,
                                            self.draw_toolbar, self.canvas,
                                            user_theme=lambda: self.theme_menu.theme,
                                            kept_docks=self._presenter_docks)
        self.workspaces.set_presenter(self.presenter_mode)
        self.presenter_mode.add_to_menu(self.view_menu)
        # the scene's classroom locks: View ▸ Student mode, File ▸ Classroom locks…
        self.student_mode = StudentMode(
            self, self.controller, self.scene_files, self.presenter_mode, self.views,
            {spec.id: self.docks[spec.title] for spec in registry.docked()},
            {spec.id: spec.title for spec in registry}, lessons.menuAction(), self.workspaces,
            withdraw_message=self.status_notice.withdraw)
        self.view_menu.addAction(self.student_mode.action)
        for action in self.view_menu.actions():  # a view's own menu actions go with it
            if action.property("view_id"):
                self.student_mode.add_view_action(action.property("view_id"), action)
        self.workspaces.changed.connect(self.student_mode.workspace_changed)
        self.file_menu.insertAction(self._before_quit(), self.student_mode.edit_action)
        self.view_menu.addSeparator()
        self.theme_menu = ThemeMenu(self, self.view_menu,
                                    presenting=lambda: self.presenter_mode.active,
                                    initial=remembered_theme())
        self.lessons_menu = LessonsMenu(self, lessons, self.controller, self.scene_files,
                                        [placed[spec.id] for spec in registry.scene_views()],
                                        self.loss_surface.show_plane,
                                        lambda speed: self.step_toolbar.set_speed(speed,
                                                                                  emit=True))
        self.lesson_bar = LessonBar(self, self.lessons_menu)  # a guided lesson's steps
        # during a lesson: the step's views in a column beside the canvas
        self.lesson_layout = LessonLayout(
            self, *docks_by_id(registry, self.docks), self.lessons_menu.dock,
            self.presenter_mode, self.lesson_bar.step_views, self.lesson_bar.step_workspace,
            self.workspaces, SETTINGS_PANELS)
        self.lessons_menu.viewsApplied.connect(self.lesson_layout.fit_soon)
        self.lesson_bar.stepShown.connect(self.lesson_layout.fit_soon)
        self.workspaces.changed.connect(self.lesson_layout.workspace_changed)
        self.workspaces.reset_action.triggered.connect(self.lesson_layout.workspace_changed)
        self.lessons_menu.lessonLoaded.connect(self.lesson_layout.workspace_changed)
        self.lessons_menu.lessonLoaded.connect(self.status_notice.clear)
        self.presenter_mode.toggled.connect(self.lesson_layout.presenter_toggled)
        self.lessons_menu.lessonEnded.connect(self.lesson_layout.end)
        self.workspaces.changed.connect(  # a step's workspace re-arranges the docks
            lambda _name: QtCore.QTimer.singleShot(0, self.lessons_menu,
                                                   self.lessons_menu.fit_notes))
        self.shortcuts = ShortcutKeys(
            self, self.next_phase_action, self.shortcuts_action,
            table_rows(view_rows([placed[spec.id] for spec in registry.docked()])))
        self.train_menu.addSeparator()
        self.train_menu.addAction(self.predict_reveal.action)
        self.train_menu.addAction(self.loss_curve.restore_best_action)
        # Train ▸ Cross-validate…: a worker-thread run shown in the Cross-validation view
        self.cross_validation = None
        if "cross_validation" in registry:
            cv_dock = self.docks[registry["cross_validation"].title]
            self.cross_validation = CrossValidation(
                self, self.controller, self.views["cross_validation"],
                FoldOutlines(self.canvas), show_view=partial(self._show_cross_validation, cv_dock),
                positions=canvas_positions)
            cv_dock.visibilityChanged.connect(lambda _v: self.cross_validation.sync_outlines())
            self.train_menu.addAction(self.cross_validation.action)
            self.student_mode.add_view_action("cross_validation", self.cross_validation.action)
        # Train ▸ Compare… / End compare: run B beside run A (the Compare workspace shows both)
        self.compare_actions = CompareActions(self, self.controller,
                                              lambda: self.workspaces.apply("compare"))
        self.train_menu.addAction(self.compare_actions.action)
        self.train_menu.addAction(self.compare_actions.end_action)
        self.language_menu = LanguageMenu(self, self.view_menu, self.controller,
                                          self.retranslateUi, initial=remembered_language())
        self.refresh_panels()
        self.flush()

    # ---------------------------------------------------------------- layout
    def _presenter_docks(self) -> set[str]:
        """Object names of the docks presenter mode keeps by default: the views of the open
        lesson's step (gui.app_window.lesson_layout), else the current workspace's main views
        (gui.app_window.workspaces.Layout.presenter_views)."""
        lesson_bar = getattr(self, "lesson_bar", None)
        views = (lesson_bar.step_views() if lesson_bar is not None else []) \
            or self.workspaces.layout().presenter_views
        return {self.registry[view_id].dock_name for view_id in views
                if view_id in self.registry and self.registry[view_id].dock_name}

    def _before_quit(self) -> QtGui.QAction:
        """The File menu's separator above Quit (else Quit): File ▸ Export goes before it."""
        actions = self.file_menu.actions()
        index = actions.index(self.quit_action)
        return actions[index - 1] if index and actions[index - 1].isSeparator() \
            else self.quit_action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("&File")
        self.import_action = file_menu.addAction("Import CSV…", self.import_csv)
        self.import_action.setShortcut(QtGui.QKeySequence("Ctrl+I"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction("Quit", self.close)
        self.quit_action.setShortcut(QtGui.QKeySequence("Ctrl+Q"))

        self.edit_menu = edit_menu = bar.addMenu("&Edit")
        for act in (self.draw_toolbar.undo_action, self.draw_toolbar.redo_action, None,
                    self.draw_toolbar.clear_action):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)

        self.draw_menu = draw_menu = bar.addMenu("&Draw")
        for act in self.draw_toolbar.tool_actions.values():
            draw_menu.addAction(act)
        draw_menu.addSeparator()
        for act in self.draw_toolbar.class_actions:
            draw_menu.addAction(act)

        self.train_menu = train_menu = bar.addMenu("&Train")
        for act in self.step_toolbar.actions_for_menu():
            train_menu.addSeparator() if act is None else train_menu.addAction(act)

        self.view_menu = bar.addMenu("&View")
        self.discretize_action = self.view_menu.addAction("Discretize boundary")
        self.discretize_action.setCheckable(True)
        self.discretize_action.setShortcut(QtGui.QKeySequence("D"))
        self.log_action = self.view_menu.addAction("Log-scale loss")
        self.log_action.setCheckable(True)
        self.log_action.setShortcut(QtGui.QKeySequence("L"))
        self.canvas_options = CanvasOptions(self, self.presenter, self.view_menu,
                                            lambda: self.controller.session)
        self.view_menu.addSeparator()  # the views' entries follow (__init__)

        train_menu.addSeparator()
        self.next_phase_action = train_menu.addAction("Next phase", self.next_phase)
        self.next_phase_action.setShortcut(QtGui.QKeySequence("Right"))
        self.help_menu = help_menu = bar.addMenu("&Help")
        self.shortcuts_action = help_menu.addAction("Keyboard shortcuts", self.show_shortcuts)
        self.shortcuts_action.setShortcut(QtGui.QKeySequence("F1"))
        help_menu.addSeparator()
        self.about_action = help_menu.addAction("About Backprop Playground", self.show_about)
        self.about_action.setMenuRole(QtGui.QAction.MenuRole.AboutRole)  # macOS: app menu

    def _connect(self) -> None:
        c = self.controller
        tb = self.step_toolbar
        tb.forward_action.triggered.connect(c.forward)
        tb.backward_action.triggered.connect(self.predict_reveal.backward)
        tb.update_action.triggered.connect(c.update)
        tb.step_action.triggered.connect(c.step)
        tb.epoch_action.triggered.connect(c.epoch)
        tb.play_action.triggered.connect(lambda _=False: c.toggle_play())
        tb.rewind_action.triggered.connect(lambda: c.rewind(1))
        tb.reset_action.triggered.connect(c.reset)
        tb.speedChanged.connect(c.set_speed)
        dt = self.draw_toolbar
        dt.toolChanged.connect(self.canvas.set_tool)
        dt.classChanged.connect(self.drawing.set_class)
        self.drawing.classChanged.connect(dt.show_class)
        dt.clear_action.triggered.connect(self.drawing.clear)

        self.data_panel.changesRequested.connect(self.drawing.change_data_settings)
        self.data_panel.regenerateRequested.connect(self.drawing.regenerate)
        self.data_panel.importRequested.connect(self.import_csv)
        self.network_panel.changesRequested.connect(lambda d: c.set_network_settings(**d))
        self.training_panel.changesRequested.connect(lambda d: c.set_training_settings(**d))
        self.settings_strip.trainingChanges.connect(lambda d: c.set_training_settings(**d))
        self.settings_strip.networkChanges.connect(lambda d: c.set_network_settings(**d))
        self.banner.rewindRequested.connect(lambda: c.rewind(1))
        self.banner.resetRequested.connect(c.reset)
        self.banner.lowerLearningRateRequested.connect(self.lower_learning_rate)
        self.discretize_action.toggled.connect(self.set_discretize)
        self.log_action.toggled.connect(self.loss_curve.set_log_scale)
        self.loss_curve.logScaleChanged.connect(self._sync_log_action)
        self.loss_curve.restoreBestRequested.connect(c.restore_best)
        c.earlyStopped.connect(self.show_early_stop)
        c.bestRestored.connect(self.show_best_restored)

        c.diverged.connect(self.show_divergence)
        c.errorOccurred.connect(lambda text: self.statusBar().showMessage(text, 6000))
        c.errorWithdrawn.connect(self.status_notice.withdraw)
        self._connect_redraws()

    def _connect_redraws(self) -> None:
        """One RefreshGate per view of the window, each requested by the signals that change
        what it draws (gui.controller.TrainingController lists what each signal means):

        - canvas: points on data edits; the prediction on steps, new weights, data edits and
          Play/Pause (coarse while playing); the mini-batch rings also on phases and a new
          batch size; the selection ring on selection. Every frame during Play.
        - loss curve: steps (~20 Hz during Play), new weights, data edits, L1/L2 (the
          newest row's penalty), Pause (the complete curve).
        - status bar: steps (4 Hz during Play), new weights, data edits, Play/Pause.
        - panels: settings; the step toolbar and banner: anything that changes the phase, the
          divergence or what can be rewound.
        A settings change that keeps the weights (η, optimizer, …) redraws none of the three.
        """
        c = self.controller
        self._canvas_parts = set(CANVAS_PARTS)
        self.canvas_gate = RefreshGate(self.canvas, self._draw_canvas)
        self.curve_gate = RefreshGate(self.loss_curve, self.redraw_loss_curve,
                                      min_interval=CURVE_INTERVAL, cost_factor=0.0)
        self.status_gate = RefreshGate(self.statusBar(), self.redraw_status,
                                       min_interval=STATUS_INTERVAL, cost_factor=0.0)
        self.docks["Loss curve"].visibilityChanged.connect(self.curve_gate.became_visible)

        c.stepped.connect(self._stepped)
        c.weightsChanged.connect(self._weights_changed)
        c.dataChanged.connect(self._data_changed)
        c.pointsReplaced.connect(self._points_replaced)
        c.phaseCompleted.connect(self._phase_completed)
        c.settingsChanged.connect(self._settings_changed)
        c.playingChanged.connect(self._playing_changed)
        c.selectionChanged.connect(self.canvas_gate.request)
        c.viewedStepChanged.connect(lambda _step: self.status_gate.request())

    # --------------------------------------------------------------- actions
    def set_discretize(self, on: bool) -> None:
        self.canvas.discretize = bool(on)
        self.request_canvas("prediction")

    def _sync_log_action(self, on: bool) -> None:
        self.log_action.blockSignals(True)
        self.log_action.setChecked(on)
        self.log_action.blockSignals(False)

    def next_phase(self) -> None:
        """Run whichever of Forward / Backward / Update is due (→)."""
        toolbar = self.step_toolbar
        for action in (toolbar.forward_action, toolbar.backward_action, toolbar.update_action):
            if action.isEnabled():
                action.trigger()
                return

    def lower_learning_rate(self) -> None:
        rate = self.controller.session.training.learning_rate
        self.controller.set_training_settings(learning_rate=max(rate / 10.0, 1e-6))

    def import_csv(self, path: str | None = None) -> None:
        """File ▸ Import CSV…: run the dialog; errors go to a message box, points stay."""
        self.controller.pause()
        dialog = ImportDialog(self, path=path or None)
        try:
            if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.dataset:
                self.apply_import(dialog.dataset, dialog.path or "")
        finally:
            dialog.deleteLater()  # one per import: do not keep them (and their tables) alive

    def apply_import(self, dataset, path: str) -> bool:
        """Load an imported Dataset (undoable); on ValueError show it and keep the points."""
        name = os.path.basename(path) or "CSV"
        rows = dataset.X.shape[0]
        dataset = limit_rows(dataset)  # a huge file: a random sample the canvas can handle
        kept = dataset.X.shape[0]
        classes = dataset.class_names if dataset.task == "classification" else None
        source = DataSource(os.path.basename(path) or None, kept,
                            rows if kept < rows else None, dataset.dropped_rows,
                            tuple(classes or ()))
        try:
            self.drawing.import_dataset(dataset, source, describe_source)
        except ValueError as error:
            QtWidgets.QMessageBox.warning(
                self, translate("MainWindow", "Import CSV"),
                translate("MainWindow", "Cannot use {0}:\n{1}").format(name, error))
            return False
        self.request_canvas("range")
        self.statusBar().showMessage(
            translate("MainWindow", "Imported {0}").format(describe_source(source)), 8000)
        return True

    def show_divergence(self, _text: str) -> None:
        info = self.controller.divergence
        if info is None:
            return
        self.banner.show_divergence(info, ModelFacts.of_session(self.controller.session))
        self.refresh_toolbar()

    def retranslateUi(self) -> None:  # noqa: N802 (called by gui.common.i18n.LanguageMenu)
        """Show the texts the window builds again, in the current language (the widgets
        translate their own texts on ``languageChanged``; this runs after them)."""
        self.refresh_panels()
        self.refresh_toolbar()
        self.draw_toolbar.show_undo_texts()  # the shortcut table has just reset the tips
        self._sync_dock_tabs()
        # a passing message (or a hovered action's status tip) was in the other language
        self.statusBar().clearMessage()

    def _sync_dock_tabs(self, _title: str = "") -> None:
        """Tabs of tabbed docks show their dock's current title (Qt may keep a tab bar it
        made before a restoreState with old texts)."""
        docks = {}
        for dock in self.findChildren(QtWidgets.QDockWidget):
            try:
                docks[shiboken6.getCppPointer(dock)[0]] = dock.windowTitle()
            except RuntimeError:  # being destroyed
                continue
        for bar in self.findChildren(QtWidgets.QTabBar):
            if bar.parentWidget() is not self:
                continue
            for i in range(bar.count()):
                title = docks.get(bar.tabData(i))
                if title is not None and bar.tabText(i) != title:
                    bar.setTabText(i, title)

    def show_about(self) -> AboutDialog:
        """Help ▸ About (gui.app_window.about_dialog), modeless; a new one each time, in the
        current language."""
        if self.about_dialog is not None:
            self.about_dialog.close()
            self.about_dialog.deleteLater()
        self.about_dialog = AboutDialog(self)
        self.about_dialog.show()
        return self.about_dialog

    def show_shortcuts(self) -> None:
        """Help ▸ Shortcuts: the table of gui/classroom/shortcuts.py (the same one that set the keys)."""
        self.shortcuts.show_dialog()

    # ---------------------------------------------------------------- redraw
    def _stepped(self, _n: int) -> None:
        playing = self.controller.playing
        self.request_canvas("prediction")
        self.curve_gate.request(throttle=playing)
        self.status_gate.request(throttle=playing)
        self.refresh_training_state()

    def _weights_changed(self) -> None:
        self.request_canvas("prediction")
        self.curve_gate.request()
        self.status_gate.request()
        self.refresh_training_state()

    def _data_changed(self) -> None:
        # new points; the prediction follows the refitted standardization; the current
        # history row is measured again on the new data
        self.request_canvas("points", "prediction")
        self.curve_gate.request()
        self.status_gate.request()
        self.show_data_source()
        self.refresh_training_state()

    def _points_replaced(self) -> None:
        self.request_canvas("range", "points")  # a new point set: fit the view to it

    def _phase_completed(self, _phase: str) -> None:
        self.canvas_gate.request()  # the mini-batch rings (the weights have not moved)
        self.refresh_training_state()

    def _settings_changed(self, names: tuple) -> None:
        self.refresh_panels()
        if "training.batch_size" in names:
            self.canvas_gate.request()  # rings only for a proper mini-batch
        if PENALTY_SETTINGS.intersection(names):
            self.curve_gate.request()
        self.refresh_training_state()  # a divergence cleared; a new snapshot to rewind to

    def _playing_changed(self, playing: bool) -> None:
        self.loss_curve.set_playing(playing)
        self.request_canvas("prediction")  # full resolution once paused; rings only then
        self.curve_gate.request()
        self.status_gate.request()
        self.refresh_training_state()

    def request_canvas(self, *parts: str) -> None:
        """Redraw the canvas (now, or when it is shown again): the mini-batch and selection
        rings always, plus ``parts`` of CANVAS_PARTS ("range" refits the view to the points,
        "points", "prediction"); parts asked for while hidden add up."""
        self._canvas_parts.update(parts)
        self.canvas_gate.request()

    def refresh_training_state(self) -> None:
        """The step toolbar (phase, Play, Rewind) and the banner (hidden once the divergence
        is cleared); cheap, so at once."""
        if self.controller.trainer.divergence is None and self.banner.isVisible():
            self.banner.hide()
        self.refresh_toolbar()

    def refresh_panels(self) -> None:
        """Push the session's settings into the panels (signals blocked inside the panels)."""
        s = self.controller.session
        self.data_panel.show_settings(s.data, s.points.dim)
        self.show_data_source()
        self.network_panel.show_settings(s.network, output_text(s.output_activation, s.loss))
        n_train = int(np.count_nonzero(s.points.train))
        self.training_panel.show_settings(s.training, n_train, s.trainer.n_validation)
        self.settings_strip.show_settings(s.training, s.network, n_train)
        self.draw_toolbar.show_task(s.points.task, s.points.dim)

    def show_data_source(self) -> None:
        """The Data panel's lines on what the points are and where they go (the session's
        DataSource, counts and training share)."""
        s = self.controller.session
        counts = np.bincount(s.points.split, minlength=3)
        self.data_panel.show_data(
            source_text(s.data_source, len(s.points), s.data.preset),
            split_text(int(counts[TRAIN]), int(counts[TEST]), s.data.train_fraction,
                       int(counts[VALIDATION]), s.data.validation_fraction),
            generated=s.data_source is None)

    def draw_selection(self) -> None:
        """Ring the training sample the inspector shows (gui.canvas.presenter.draw_selection)."""
        c = self.controller
        self.presenter.draw_selection(c.session, c.selected_sample)

    def refresh_toolbar(self) -> None:
        c = self.controller
        trainer = c.trainer
        batch = c.batch_point_indices() if trainer.phase != "ready" else None
        if batch is None:
            batch_text = ""
        elif trainer.full_batch:
            batch_text = translate("MainWindow", "batch: all {0} training points").format(
                len(batch))
        else:
            batch_text = translate("MainWindow", "batch of {0}").format(len(batch))
        self.step_toolbar.show_state(trainer.phase, c.playing, trainer.divergence is not None,
                                     bool(trainer.can_rewind), batch_text)

    def redraw_loss_curve(self) -> None:
        session = self.controller.session
        trainer = session.trainer
        self.loss_curve.set_history(trainer.history.arrays(),
                                    session.points.task == "classification")
        best = trainer.best_validation
        self.loss_curve.set_best(None if best is None else best.step,
                                 best is not None and trainer.best_params() is not None,
                                 trainer.n_validation > 0)

    def show_early_stop(self, best_step: int, since: int) -> None:
        """Say in the status bar why Play stopped (early stopping)."""
        self.statusBar().showMessage(translate(
            "MainWindow", "Early stopping: the validation loss has not improved for {0} steps "
                          "(best validation: step {1}). Restore best brings its weights back; "
                          "Play trains on.").format(since, best_step), 15000)

    def show_best_restored(self, step: int, how: str) -> None:
        """Say where Restore best took the weights from."""
        text = (translate("MainWindow", "Restored the weights of step {0}: rewound to it")
                if how == "ring" else
                translate("MainWindow", "Restored the weights of step {0} from the kept copy "
                                        "(the snapshots no longer reach it)"))
        self.statusBar().showMessage(text.format(step), 8000)

    def _show_cross_validation(self, dock: QtWidgets.QDockWidget) -> None:
        """A cross-validation result: the Evaluate workspace, with the Cross-validation view
        in front of the Metrics view's tab group (the registry's home for it)."""
        self.workspaces.apply("evaluate")
        metrics = self.docks.get(self.registry["metrics"].title) if "metrics" in self.registry \
            else None
        if metrics is not None and metrics.isVisible():
            self.tabifyDockWidget(metrics, dock)
        dock.show()
        dock.raise_()

    def redraw_status(self) -> None:
        c = self.controller
        self.status.show_trainer(c.trainer, c.session.points.task == "classification",
                                 c.steps_per_second if c.playing else None, c.viewed_step)

    def flush(self) -> None:
        """Redraw everything now, completely (hidden views when shown again): canvas, loss
        curve, status bar, step toolbar and banner."""
        self.request_canvas(*CANVAS_PARTS[1:])
        self.curve_gate.request()
        self.status_gate.request()
        self.refresh_training_state()

    def _draw_canvas(self) -> None:
        c, session = self.controller, self.controller.session
        parts, self._canvas_parts = self._canvas_parts, set()
        if parts & {"range", "points"}:
            self.presenter.fit_range(session, fresh="range" in parts)
            self.presenter.draw_points(session)
        if "prediction" in parts:
            self.presenter.draw_prediction(session, playing=c.playing)
        # the rings show a real mini-batch (not every training point) while stepping by hand
        show_batch = c.is_mini_batch() and not c.playing and (
            c.trainer.phase != "ready" or c.trainer.step_count > 0)
        self.presenter.draw_batch(session, c.batch_point_indices() if show_batch else None)
        self.draw_selection()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        self.workspaces.shut_down()  # remembers the layout (only once started: app.py)
        self.controller.shutdown()
        self.loss_surface.shutdown()  # its worker threads: quit() + wait()
        self.views["attributions"].shutdown()
        self.step_views.saliency.shutdown()
        if self.cross_validation is not None:
            self.cross_validation.shutdown()
        super().closeEvent(event)

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        room_for_top_ticks(self.findChildren(pg.GraphicsView))  # top tick labels not cut
        if self._fit_due:  # the workspace's shares need the window's final size
            self._fit_due = False
            self.workspaces.fit()
