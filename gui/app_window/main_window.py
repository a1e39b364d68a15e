"""Main window: layout, menus, toolbars, docks, status bar; redraws views from controller signals.

Layout: the data canvas in the centre (with the divergence banner above it), the step and
draw toolbars on top, the Data and Network panels docked left, Training and the loss curve
right. Other views (diagram, inspector, loss surface) join with ``add_dock``.
Only views the user can see are redrawn; hidden ones catch up when shown.
Texts the window builds at run time (panel read-outs, the phase line, messages) are in the
current language; ``retranslateUi`` (called by View ▸ Language) shows them again.
"""

from __future__ import annotations

import os
import time

import numpy as np
import shiboken6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt

from core.data_source import DataSource
from gui.canvas.presenter import CanvasPresenter, canvas_positions
from gui.app_window.classroom import install_classroom
from gui.controller import TrainingController
from gui.canvas.drawing import DrawingController
from gui.common.i18n import translate
from gui.surface.dock import install_loss_surface_dock
from gui.canvas.data_canvas import DataCanvas
from gui.charts.loss_curve import LossCurve
from gui.app_window.recording import record_training
from gui.export.menu import install_export_menu
from gui.files.scene_files import install_file_menu
from gui.classroom.shortcuts import show_shortcuts_dialog
from gui.app_window.step_views import StepViews
from gui.panels.data_panel import DataPanel
from gui.app_window.divergence_banner import DivergenceBanner, ModelFacts
from gui.canvas.draw_toolbar import DrawToolbar
from gui.files.import_dialog import ImportDialog, limit_rows
from gui.panels.network_panel import NetworkPanel, output_text
from gui.app_window.status_bar import TrainingStatus
from gui.app_window.step_toolbar import StepToolbar
from gui.panels.training_panel import TrainingPanel

#: Seconds between status-bar updates during Play (numbers changing faster are unreadable).
STATUS_INTERVAL = 0.25
#: Seconds between loss-curve updates during Play (~20 Hz; the canvas redraws every frame).
#: Pausing always draws the complete curve.
CURVE_INTERVAL = 0.05
def describe_source(source) -> str:
    """Where the points came from (a core.data_source.DataSource, or None for generated or
    drawn points: "") in the current language, worded from its numbers."""
    if source is None:
        return ""
    name = source.file or "CSV"
    if source.sampled_of is None:
        text = translate("MainWindow", "{0}: {1} rows, {2} dropped").format(
            name, source.rows, source.dropped)
    else:
        text = translate("MainWindow", "{0}: random sample of {1} of {2} rows, {3} dropped").format(
            name, source.rows, source.sampled_of, source.dropped)
    if source.class_names:
        text += translate("MainWindow", "; classes {0}").format(", ".join(source.class_names))
    return text


def is_shown(widget: QtWidgets.QWidget) -> bool:
    """True when the user can see the widget: visible (not closed, not a background tab of a
    dock area) in a window that is not minimized. (QWidget.visibleRegion() is no help here:
    it subtracts opaque children, so it is empty for a plot whose viewport fills it.)"""
    return widget.isVisible() and not widget.window().isMinimized()


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, controller: TrainingController | None = None, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller or TrainingController()
        self.setWindowTitle("Backprop Playground")
        self.resize(1440, 880)
        self.undo_stack = QtGui.QUndoStack(self)

        # --- central: banner + canvas
        self.canvas = DataCanvas()
        self.presenter = CanvasPresenter(self.canvas)
        self.banner = DivergenceBanner()
        central = QtWidgets.QWidget()
        central_layout = QtWidgets.QVBoxLayout(central)
        central_layout.setContentsMargins(4, 4, 4, 4)
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

        # --- docks
        self.data_panel = DataPanel()
        self.network_panel = NetworkPanel()
        self.training_panel = TrainingPanel()
        self.loss_curve = LossCurve()
        self.docks: dict[str, QtWidgets.QDockWidget] = {}
        self.add_dock("Data", self.data_panel, Qt.DockWidgetArea.LeftDockWidgetArea, scroll=True)
        self.add_dock("Network", self.network_panel, Qt.DockWidgetArea.LeftDockWidgetArea,
                      scroll=True)
        self.add_dock("Training", self.training_panel, Qt.DockWidgetArea.RightDockWidgetArea,
                      scroll=True)
        self.add_dock("Loss curve", self.loss_curve, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.docks["Data"], self.docks["Training"]], [330, 360],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["Training"], self.docks["Loss curve"]], [340, 460],
                         Qt.Orientation.Vertical)
        self.docks["Loss curve"].visibilityChanged.connect(
            lambda shown: shown and self.redraw_loss_curve())

        self.status = TrainingStatus(self.statusBar())
        self._build_menus()
        self._connect()
        self.step_views = StepViews(self)  # diagram, inspector, heatmaps, gradient norms
        # View ▸ Loss surface: hidden by default, tabbed with the loss curve
        self.loss_surface = install_loss_surface_dock(self, self.controller)
        # File ▸ New/Open/Save…/Export ▸; autosave starts with scene_files.start() (app.py)
        self.scene_files = install_file_menu(self)
        # File ▸ Export before the separator above Quit
        actions = self.file_menu.actions()
        index = actions.index(self.quit_action)
        before = actions[index - 1] if index and actions[index - 1].isSeparator() \
            else self.quit_action
        install_export_menu(self, self.file_menu, before, record_training)
        # Lessons, presenter mode (F5), the shortcut table, predict-then-reveal, language, theme
        install_classroom(self)
        self._points_dirty = True
        self._fresh_range = True
        self._status_time = self._curve_time = 0.0
        self._canvas_stale = True
        self.refresh_panels()
        self.flush()

    # ---------------------------------------------------------------- layout
    def add_dock(self, title: str, widget: QtWidgets.QWidget, area: Qt.DockWidgetArea,
                 scroll: bool = False) -> QtWidgets.QDockWidget:
        """Dock `widget` under `title` and list it in the View menu (once menus exist)."""
        dock = QtWidgets.QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.replace(' ', '_').lower()}")
        if scroll:
            area_widget = QtWidgets.QScrollArea()
            area_widget.setWidgetResizable(True)
            area_widget.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
            area_widget.setWidget(widget)
            dock.setWidget(area_widget)
        else:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[title] = dock
        # the tab of a tabbed dock shows its title (also after a language switch)
        dock.windowTitleChanged.connect(self._sync_dock_tabs)
        if hasattr(self, "view_menu"):
            self.view_menu.addAction(dock.toggleViewAction())
        return dock

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
        self.view_menu.addSeparator()
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())

        train_menu.addSeparator()
        self.next_phase_action = train_menu.addAction("Next phase", self.next_phase)
        self.next_phase_action.setShortcut(QtGui.QKeySequence("Right"))
        self.help_menu = help_menu = bar.addMenu("&Help")
        self.shortcuts_action = help_menu.addAction("Keyboard shortcuts", self.show_shortcuts)
        self.shortcuts_action.setShortcut(QtGui.QKeySequence("F1"))

    def _connect(self) -> None:
        c = self.controller
        tb = self.step_toolbar
        tb.forward_action.triggered.connect(c.forward)
        tb.backward_action.triggered.connect(c.backward)
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
        self.banner.rewindRequested.connect(lambda: c.rewind(1))
        self.banner.resetRequested.connect(c.reset)
        self.banner.lowerLearningRateRequested.connect(self.lower_learning_rate)
        self.discretize_action.toggled.connect(self.set_discretize)
        self.log_action.toggled.connect(self.loss_curve.set_log_scale)
        self.loss_curve.logScaleChanged.connect(self._sync_log_action)

        c.phaseCompleted.connect(lambda _phase: self.flush())
        c.stepped.connect(self.flush)
        c.dataChanged.connect(self._mark_points_dirty)
        c.pointsReplaced.connect(self._mark_range_fresh)
        c.settingsChanged.connect(self.refresh_panels)
        c.playingChanged.connect(self._playing_changed)
        c.diverged.connect(self.show_divergence)
        c.selectionChanged.connect(self.draw_selection)
        c.errorOccurred.connect(lambda text: self.statusBar().showMessage(text, 6000))

    # --------------------------------------------------------------- actions
    def set_discretize(self, on: bool) -> None:
        self.canvas.discretize = bool(on)
        self.presenter.draw_prediction(self.controller.session)

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
        self._fresh_range = True
        self.flush()
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

    def show_shortcuts(self) -> None:
        """Help ▸ Shortcuts: the table of gui/classroom/shortcuts.py (the same one that set the keys)."""
        show_shortcuts_dialog(self)

    # ---------------------------------------------------------------- redraw
    def _playing_changed(self, playing: bool) -> None:
        self.loss_curve.set_playing(playing)
        self.flush()

    def _mark_points_dirty(self) -> None:
        self._points_dirty = True

    def _mark_range_fresh(self) -> None:
        self._fresh_range = True

    def refresh_panels(self) -> None:
        """Push the session's settings into the panels (signals blocked inside the panels)."""
        s = self.controller.session
        self.data_panel.show_settings(s.data, s.points.dim,
                                      describe_source(s.data_source))
        self.network_panel.show_settings(s.network, output_text(s.output_activation, s.loss))
        self.training_panel.show_settings(s.training, int(np.count_nonzero(s.points.train)))
        self.draw_toolbar.show_task(s.points.task, s.points.dim)

    def draw_selection(self) -> None:
        """Ring the selected training sample (controller.selected_sample), if any."""
        c = self.controller
        index = c.selected_sample
        train_indices = c.session.train_indices
        if index is None or not 0 <= index < train_indices.size:
            self.canvas.set_selected(None)
            return
        self.canvas.set_selected(canvas_positions(c.session.points, train_indices[[index]])[0])

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
        self.loss_curve.set_history(session.trainer.history.arrays(),
                                    session.points.task == "classification")

    def flush(self) -> None:
        """Redraw what changed, once: points (if edited), prediction, batch, curve, status."""
        c = self.controller
        session = c.session
        if not is_shown(self.canvas):  # minimized: catch up in showEvent / changeEvent
            self._canvas_stale = True
        else:
            self._draw_canvas()
        now = time.perf_counter()
        if is_shown(self.loss_curve) and (not c.playing
                                          or now - self._curve_time >= CURVE_INTERVAL):
            self._curve_time = now
            self.redraw_loss_curve()
        if not c.playing or now - self._status_time >= STATUS_INTERVAL:
            self._status_time = now
            self.status.show_trainer(c.trainer, session.points.task == "classification",
                                     c.steps_per_second if c.playing else None)
        if c.trainer.divergence is None and self.banner.isVisible():
            self.banner.hide()
        self.refresh_toolbar()

    def _draw_canvas(self) -> None:
        c, session = self.controller, self.controller.session
        if self._points_dirty or self._fresh_range:
            self.presenter.fit_range(session, fresh=self._fresh_range)
            self.presenter.draw_points(session)
            self._points_dirty = self._fresh_range = False
        self.presenter.draw_prediction(session, playing=c.playing)
        # the rings show a real mini-batch (not every training point) while stepping by hand
        show_batch = c.is_mini_batch() and not c.playing and (
            c.trainer.phase != "ready" or c.trainer.step_count > 0)
        self.presenter.draw_batch(session, c.batch_point_indices() if show_batch else None)
        self.draw_selection()
        self._canvas_stale = False

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if (event.type() == QtCore.QEvent.Type.WindowStateChange
                and self._canvas_stale and not self.isMinimized()):
            self._draw_canvas()

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._canvas_stale:
            self._draw_canvas()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        self.controller.shutdown()
        self.loss_surface.shutdown()  # its worker threads: quit() + wait()
        super().closeEvent(event)

