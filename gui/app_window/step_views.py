"""Wires the step-through views to each other, to the canvas and to the controller.

Views (built and docked by the main window from ``gui.app_window.view_registry``): the network
diagram and the inspector, the weight/gradient heatmaps and the per-layer gradient norms; and
canvas overlays made here: the input-gradient arrow of the selected sample, the
enlarged map of a hovered neuron and the saliency map the Attributions view switches on.

Selection: clicking an edge or bias marker (diagram) or a heatmap cell selects that parameter;
clicking a neuron selects it (again: clears); Shift+click on the canvas selects a sample
(``gui.canvas.drawing``). Views only read the controller; changes go through its ``select_*`` methods.
"""

from __future__ import annotations

from collections.abc import Mapping

from gui.canvas.data_canvas import DataCanvas
from gui.canvas.overlays import InputGradientArrow, NeuronPreview
from gui.canvas.presenter import canvas_positions
from gui.common.refresh import is_shown
from gui.explain.saliency_overlay import SaliencyOverlay


class StepViews:
    """The selection wiring of the step-through views in ``views`` (by view id: "network",
    "inspector", "weights", "gradient_norms") and the overlays they put on ``canvas``."""

    def __init__(self, controller, canvas: DataCanvas, views: Mapping[str, object]) -> None:
        c = self.controller = controller
        self.canvas = canvas
        self.diagram = views["network"]
        self.inspector = views["inspector"]
        self.heatmaps = views["weights"]
        self.norms = views["gradient_norms"]
        self.arrow = InputGradientArrow(canvas)
        self.preview = NeuronPreview(canvas)
        self.saliency = SaliencyOverlay(canvas, controller)  # the Attributions view's toggle
        if "attributions" in views:
            views["attributions"].saliencyToggled.connect(self.saliency.set_enabled)
        self._range = None

        self.diagram.parameterClicked.connect(c.select_parameter)
        self.heatmaps.parameterClicked.connect(c.select_parameter)
        self.diagram.neuronClicked.connect(self._toggle_neuron)
        self.diagram.nodeHovered.connect(self._preview_neuron)
        for signal in (c.selectionChanged, c.phaseCompleted, c.stepped, c.dataChanged,
                       c.weightsChanged):
            signal.connect(lambda *_: self.draw_arrow())
        # the thumbnails follow the canvas's range when it is set, not at the next step
        canvas.visibleRangeChanged.connect(self._sync_range)
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
        view_range = self.canvas.view_range()
        if view_range != self._range:
            self._range = view_range
            self.diagram.set_input_range(*view_range)

    def draw_arrow(self) -> None:
        """Input-gradient arrow at the selected sample; also keeps the diagram's thumbnails on
        the canvas's range."""
        canvas, c = self.canvas, self.controller
        self._sync_range()
        session, index = c.session, c.selected_sample
        if index is None or not 0 <= index < session.train_indices.size or not is_shown(canvas):
            self.arrow.hide()
            return
        point = session.train_indices[index]
        self.arrow.update(session, session.points.X[point],
                          canvas_positions(session.points, [point])[0])
