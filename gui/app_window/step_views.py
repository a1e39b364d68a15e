"""Docks the step-through views into the main window and wires them to the controller.

Views: the network diagram and the inspector (bottom, side by side, shown by default), the
weight/gradient heatmaps and the per-layer gradient norms (tabbed behind the loss curve), and
two canvas overlays: the input-gradient arrow of the selected sample and the enlarged map of a
hovered neuron. Each dock has a View-menu toggle with a shortcut.

Selection: clicking an edge or bias marker (diagram) or a heatmap cell selects that parameter;
clicking a neuron selects it (again: clears); Shift+click on the canvas selects a sample
(``gui.canvas.drawing``). Views only read the controller; changes go through its ``select_*`` methods.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui
from PySide6.QtCore import Qt

from gui.canvas.overlays import InputGradientArrow, NeuronPreview
from gui.canvas.presenter import canvas_positions
from gui.charts.gradient_norms import GradientNorms
from gui.diagram.network_diagram import NetworkDiagram
from gui.charts.weight_heatmaps import WeightHeatmaps
from gui.common.refresh import is_shown
from gui.inspector.widget import Inspector

SHORTCUTS = {"Network diagram": "Ctrl+Shift+N", "Inspector": "Ctrl+Shift+I",
             "Weights": "Ctrl+Shift+W", "Gradient norms": "Ctrl+Shift+G"}


class StepViews:
    """Creates the views and docks in ``window`` (a MainWindow: controller, canvas, add_dock,
    docks, view_menu)."""

    def __init__(self, window) -> None:
        self.window = window
        c = self.controller = window.controller
        self.diagram = NetworkDiagram(c)
        self.inspector = Inspector(c)
        self.heatmaps = WeightHeatmaps(c)
        self.norms = GradientNorms(c)
        self.arrow = InputGradientArrow(window.canvas)
        self.preview = NeuronPreview(window.canvas)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        diagram_dock = window.add_dock("Network diagram", self.diagram, bottom)
        inspector_dock = window.add_dock("Inspector", self.inspector, bottom)
        window.splitDockWidget(diagram_dock, inspector_dock, Qt.Orientation.Horizontal)
        loss_dock = window.docks.get("Loss curve")
        for title, view in (("Weights", self.heatmaps), ("Gradient norms", self.norms)):
            dock = window.add_dock(title, view, right)
            if loss_dock is not None:
                window.tabifyDockWidget(loss_dock, dock)
        if loss_dock is not None:
            loss_dock.raise_()
        window.resizeDocks([diagram_dock, inspector_dock], [620, 560], Qt.Orientation.Horizontal)
        # the bottom row needs the height once the window has its final size
        QtCore.QTimer.singleShot(0, lambda: window.resizeDocks(
            [diagram_dock], [340], Qt.Orientation.Vertical))
        views = {"Network diagram": self.diagram, "Inspector": self.inspector,
                 "Weights": self.heatmaps, "Gradient norms": self.norms}
        for title, keys in SHORTCUTS.items():
            dock = window.docks[title]
            dock.toggleViewAction().setShortcut(QtGui.QKeySequence(keys))
            dock.visibilityChanged.connect(views[title].gate.became_visible)
        copy = window.view_menu.addAction("Copy inspector as text", self.inspector.copy_text)
        copy.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
        self._range = None

        self.diagram.parameterClicked.connect(c.select_parameter)
        self.heatmaps.parameterClicked.connect(c.select_parameter)
        self.diagram.neuronClicked.connect(self._toggle_neuron)
        self.diagram.nodeHovered.connect(self._preview_neuron)
        for signal in (c.selectionChanged, c.phaseCompleted, c.stepped, c.dataChanged,
                       c.weightsChanged):
            signal.connect(lambda *_: self.draw_arrow())
        # the thumbnails follow the canvas's range when it is set, not at the next step
        window.canvas.visibleRangeChanged.connect(self._sync_range)
        self.draw_arrow()

    def _toggle_neuron(self, k: int, unit: int) -> None:
        c = self.controller
        c.select_neuron(None if c.selected_neuron == (k, unit) else (k, unit))

    def _preview_neuron(self, k: int, unit: int) -> None:
        if k < 0:
            self.preview.hide()
        else:
            self.preview.show_neuron(self.controller.session, k, unit)

    def _sync_range(self) -> None:
        """The diagram's thumbnails cover the canvas's (requested) range."""
        view_range = self.window.canvas.view_range()
        if view_range != self._range:
            self._range = view_range
            self.diagram.set_input_range(*view_range)

    def draw_arrow(self) -> None:
        """Input-gradient arrow at the selected sample; also keeps the diagram's thumbnails on
        the canvas's range."""
        canvas, c = self.window.canvas, self.controller
        self._sync_range()
        session, index = c.session, c.selected_sample
        if index is None or not 0 <= index < session.train_indices.size or not is_shown(canvas):
            self.arrow.hide()
            return
        point = session.train_indices[index]
        self.arrow.update(session, session.points.X[point],
                          canvas_positions(session.points, [point])[0])
