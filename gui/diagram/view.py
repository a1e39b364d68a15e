"""The QGraphicsView of the network diagram: fitting, picking, live tooltips and the selection mark.

Picking is done here rather than by Qt's item shapes: edges are thin and cross each other, so
the nearest edge within a few pixels of the pointer wins (one vectorized distance computation
over all segments); neurons, bias markers and warning badges take precedence over edges.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from gui.diagram import items, weight_edits
from gui.common.i18n import translate
from core.batch_norm_stage import batch_norm_stage
from core.parameters import ParamRef, sup
from gui.common.number_format import number

PICK_PIXELS = 5.0
#: Pixels kept free between two layer titles
TITLE_GAP = 6.0


class DiagramView(QtWidgets.QGraphicsView):
    def __init__(self, scene: QtWidgets.QGraphicsScene, diagram) -> None:
        super().__init__(scene)
        self.diagram = diagram
        self.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QtWidgets.QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QtGui.QBrush(QtGui.QColor("#FFFFFF")))
        self.setMouseTracking(True)
        self.setMinimumSize(200, 90)  # small: the window must fit a 1000 px screen
        self.edges: list = []
        self._segments = np.empty((0, 4))
        self.hovered = None
        self._global_pos = None
        self.selection_line = None
        self.selection_ring = None

    def set_edges(self, edges: list) -> None:
        """Register the edge items and their current segments (for picking)."""
        self.edges = edges
        self._segments = np.array([[e.line().x1(), e.line().y1(), e.line().x2(), e.line().y2()]
                                   for e in edges], dtype=np.float64).reshape(-1, 4)

    def create_marks(self) -> None:
        """(Re)create the selection marks after the scene was cleared: a halo in
        ``items.HIGHLIGHT_HEX`` under the selected edge, a ring around the selected bias."""
        self.selection_line = QtWidgets.QGraphicsLineItem()
        self.selection_line.setZValue(-1)  # under the edges: an outline around the selected one
        self.selection_ring = QtWidgets.QGraphicsEllipseItem()
        self.selection_ring.setPen(QtGui.QPen(QtGui.QColor(items.HIGHLIGHT_HEX), 3.0))
        self.selection_ring.setZValue(5)
        for mark in (self.selection_line, self.selection_ring):
            mark.setVisible(False)
            self.scene().addItem(mark)
        self.hovered = None

    def fit(self) -> None:
        """Lay the diagram out for the current view size again (``NetworkDiagram.relayout``)."""
        self.diagram.relayout(force=True)

    def show_scene(self, scale: float) -> None:
        """Show the scene rect (the viewport's size at ``scale``) at zoom ``scale``."""
        self.setTransform(QtGui.QTransform.fromScale(scale, scale))
        self.centerOn(self.sceneRect().center())

    def text_rect_px(self, item: QtWidgets.QGraphicsItem) -> QtCore.QRectF:
        """A (pixel-sized) text item's rectangle in viewport pixels."""
        return item.deviceTransform(self.viewportTransform()).mapRect(item.boundingRect())

    def fit_headers(self) -> None:
        """Give each layer title (fixed pixel size; its variants, longest first, in
        ``data(1)``) the longest variant that fits the room between its neighbours at the
        current zoom (``items.header_widths``): 'a¹  layer 1 · tanh', 'a¹  tanh', 'a¹' — never
        an elided word. A title whose shortest variant does not fit either is hidden. Each is
        re-aligned (first left, last right, others centred)."""
        headers = getattr(self.diagram, "headers", [])
        if not headers:
            return
        variants = [header.data(1) or [header.data(0) or header.text()] for header in headers]
        metrics = QtGui.QFontMetricsF(headers[0].font())
        widths = [[metrics.horizontalAdvance(text) for text in texts] for texts in variants]
        anchors = [self.mapFromScene(header.pos()).x() for header in headers]
        room = self.viewport().width()
        level = [0] * len(headers)
        shown = [True] * len(headers)
        for _ in range(sum(len(v) for v in variants) + 1):
            natural = [widths[k][level[k]] if shown[k] else 0.0 for k in range(len(headers))]
            limits = items.header_widths(natural, anchors, gap=TITLE_GAP)
            too_wide = [k for k in range(len(headers)) if shown[k] and (
                natural[k] > limits[k] + 0.01 or natural[k] > room)]
            if not too_wide:
                break
            for k in too_wide:
                if level[k] + 1 < len(variants[k]):
                    level[k] += 1
                else:
                    shown[k] = False
        last = len(headers) - 1
        for k, header in enumerate(headers):
            text = variants[k][level[k]]
            if header.text() != text:
                header.setText(text)
            header.setVisible(shown[k])
            width = header.boundingRect().width()
            shift = 0.0 if k == 0 else -width if k == last else -width / 2
            header.setTransform(QtGui.QTransform.fromTranslate(shift, 0))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self.diagram.relayout()

    # ----------------------------------------------------------------- picking
    def target_at(self, pos: QtCore.QPoint):
        """("node" | "bias" | "bn" | "badge" | "edge", item) under the viewport position, or
        None ("bn": a batch-norm stage marker)."""
        scene_pos = self.mapToScene(pos)
        for item in self.scene().items(scene_pos):
            while item.parentItem() is not None:
                item = item.parentItem()
            if isinstance(item, items.NodeItem):
                return ("node", item)
            if isinstance(item, items.BiasItem):
                return ("bias", item)
            if isinstance(item, items.BatchNormItem):
                return ("bn", item)
            if isinstance(item, items.WarningBadge) and item.isVisible():
                return ("badge", item)
        if not len(self._segments):
            return None
        tolerance = PICK_PIXELS / max(self.transform().m11(), 1e-9)
        p = np.array([scene_pos.x(), scene_pos.y()])
        a, b = self._segments[:, :2], self._segments[:, 2:]
        ab = b - a
        t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.maximum(np.einsum("ij,ij->i", ab, ab),
                                                                   1e-12), 0.0, 1.0)
        distance = np.hypot(*(a + t[:, None] * ab - p).T)
        best = int(np.argmin(distance))
        return ("edge", self.edges[best]) if distance[best] <= tolerance else None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        target = self.target_at(event.position().toPoint())
        self._global_pos = event.globalPosition().toPoint()
        if target != self.hovered:
            old_node = self.hovered[1] if self.hovered and self.hovered[0] == "node" else None
            new_node = target[1] if target and target[0] == "node" else None
            self.hovered = target
            if new_node is not old_node:
                self.diagram.nodeHovered.emit(*((new_node.k, new_node.unit) if new_node
                                                else (-1, -1)))
        self.refresh_tooltip(force=True)

    def leaveEvent(self, event) -> None:  # noqa: N802
        super().leaveEvent(event)
        if self.hovered and self.hovered[0] == "node":
            self.diagram.nodeHovered.emit(-1, -1)
        self.hovered = None
        QtWidgets.QToolTip.hideText()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        target = self.target_at(event.position().toPoint())
        if target is None:
            return
        kind, item = target
        if kind == "node":
            self.diagram.neuronClicked.emit(item.k, item.unit)
        elif kind in ("edge", "bias"):
            self.diagram.parameterClicked.emit(item.parameter)
        elif kind == "bn":  # the stage's learned scale γ (the inspector shows γ and β)
            self.diagram.parameterClicked.emit((item.layer, "gamma", item.unit, 0))
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        """Double-click an edge, a bias marker or a neuron (its bias): type its value."""
        if event.button() != QtCore.Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        ref = editable_parameter(self.target_at(event.position().toPoint()))
        if ref is not None:
            self.diagram.open_editor(ref, event.position().toPoint())
        event.accept()

    def wheelEvent(self, event) -> None:  # noqa: N802
        """Scroll over an edge, bias marker or neuron: nudge it (``weight_edits``)."""
        ref = editable_parameter(self.target_at(event.position().toPoint()))
        steps = event.angleDelta().y() / 120.0
        if ref is None or steps == 0:
            super().wheelEvent(event)
            return
        fine = bool(event.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier)
        self.diagram.nudge_parameter(ref, steps, fine)
        event.accept()

    def refresh_tooltip(self, force: bool = False) -> None:
        """Re-show the hovered item's tooltip with current values (live during Play)."""
        if self.hovered is None or self._global_pos is None:
            return
        if not force and not QtWidgets.QToolTip.isVisible():
            return
        QtWidgets.QToolTip.showText(self._global_pos, hover_text(self.diagram, self.hovered),
                                    self.viewport())

    # --------------------------------------------------------------- selection
    def set_selected_edge(self, parameter, edges) -> None:
        """Highlight the selected parameter (layer, "W"/"b", i, j): its edge gets a halo
        HIGHLIGHT_PIXELS wider than its own pen on each side, its bias marker a ring; None or
        a parameter not in the network: no mark."""
        if self.selection_line is None:
            return
        self.selection_line.setVisible(False)
        self.selection_ring.setVisible(False)
        if parameter is None:
            return
        layer, kind, i, j = parameter
        if not 0 <= layer < len(edges):
            return
        biases = self.diagram.biases[layer]
        if kind == "b" and 0 <= i < len(biases):
            rect = biases[i].rect()
            pad = items.HIGHLIGHT_PIXELS
            self.selection_ring.setRect(rect.adjusted(-pad, -pad, pad, pad))
            self.selection_ring.setVisible(True)
            return
        n_in = len(self.diagram.nodes[layer])
        index = i * n_in + j
        if kind == "W" and 0 <= j < n_in and 0 <= index < len(edges[layer]):
            edge = edges[layer][index]
            pen = QtGui.QPen(QtGui.QColor(items.HIGHLIGHT_HEX),
                             edge.pen().widthF() + 2 * items.HIGHLIGHT_PIXELS)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
            self.selection_line.setPen(pen)
            self.selection_line.setLine(edge.line())
            self.selection_line.setVisible(True)


def editable_parameter(target) -> tuple | None:
    """The parameter (layer, "W"/"b", row, col) a picked target edits: an edge's weight, a bias
    marker's bias, a neuron's bias (none for an input)."""
    if target is None:
        return None
    kind, item = target
    if kind in ("edge", "bias"):
        return tuple(item.parameter)
    if kind == "node" and item.k >= 1:
        return (item.k - 1, "b", item.unit, 0)
    return None


def _g(value) -> str:
    return number(value, 6)


def hover_text(diagram, target) -> str:
    """The tooltip of a hovered item, from the diagram's current numbers."""
    kind, item = target
    data = diagram._data
    if kind == "badge":
        return item.text
    if kind == "bn":
        return batch_norm_text(diagram.controller.trainer, item.layer, item.unit)
    if kind == "node":
        k, unit = item.k, item.unit
        L = len(diagram.edges)
        if k == 0:
            what = translate("NetworkDiagram", "input feature")
        elif k == L:
            what = translate("NetworkDiagram", "layer {0}, unit {1} (output)").format(k, unit)
        else:
            what = translate("NetworkDiagram", "layer {0}, unit {1}").format(k, unit)
        lines = [f"a{sup(k)}[{unit}] — " + what]
        if data.get("values") is not None:
            lines.append(translate("NetworkDiagram", "forward pass of step {0}").format(
                data["step"] + 1))
            lines.append(translate("NetworkDiagram", "a = {0} for sample #{1}").format(
                _g(data['values'][k][unit]), data['sample']))
            if k >= 1:
                lines.append(f"z = {_g(data['pre'][k - 1][unit])}")
        if data.get("deltas") is not None and k >= 1:
            lines.append(f"δ = ∂J/∂z = {_g(data['deltas'][k - 1][unit])}")
        if k >= 1:
            lines.append(translate("NetworkDiagram", "bias {0} = {1} (after step {2})").format(
                ParamRef(k - 1, "b", unit).label(), _g(data["biases"][k - 1][unit]),
                data["step"]))
        for warning in diagram.warnings:
            if warning.kind != "exploding" and (warning.layer + 1, warning.unit) == (k, unit):
                lines.append("⚠ " + warning.text)
        lines.append(translate("NetworkDiagram", "Click to select this neuron; hovering shows "
                               "its map on the canvas."))
        if k >= 1:
            lines.append(edit_hint())
        return "\n".join(lines)
    layer, which, i, j = item.parameter
    arrays = data["weights"] if which == "W" else data["biases"]
    value = arrays[layer][i, j] if which == "W" else arrays[layer][i]
    name = ParamRef(*item.parameter).label()
    core = f"net.weights[{layer}][{i}, {j}]" if which == "W" else f"net.biases[{layer}][{i}]"
    lines = [f"{name} = {_g(value)}   ({core})",
             translate("NetworkDiagram", "after step {0}").format(data["step"])]
    if which == "W":
        lines.append(translate("NetworkDiagram", "from {0} to {1}").format(
            f"a{sup(layer)}[{j}]", f"z{sup(layer + 1)}[{i}]"))
    if data.get("grads") is not None:
        grads = data["grads"][0 if which == "W" else 1][layer]
        lines.append(f"∂J/∂{name} = {_g(grads[i, j] if which == 'W' else grads[i])}")
    if "old" in data:
        old = data["old"][0 if which == "W" else 1][layer]
        lines.append(translate("NetworkDiagram", "before the last update: {0}").format(
            _g(old[i, j] if which == 'W' else old[i])))
    lines.append(translate("NetworkDiagram", "Click to select this parameter (inspector, loss "
                           "surface)."))
    lines.append(edit_hint())
    return "\n".join(lines)


def batch_norm_text(trainer, layer: int, unit: int) -> str:
    """The tooltip of the batch-norm stage of unit ``unit`` of hidden layer ``layer`` (0-based):
    the engine's μ, σ², γ, β and running statistics with the steps they belong to
    (``core.batch_norm_stage``)."""
    stage = batch_norm_stage(trainer, layer, unit)
    if stage is None:
        return ""
    k = sup(layer + 1)
    lines = [translate("NetworkDiagram", "batch norm of layer {0}, unit {1}").format(
                 layer + 1, unit),
             f"û{k} = (u{k} − μ)/√(σ² + ε),  z{k} = γ û{k} + β"]
    if stage.batch_step is None:
        lines.append(translate("NetworkDiagram", "μ, σ²: no mini-batch in this step yet"))
    else:
        lines.append(translate("NetworkDiagram", "mini-batch of step {0}: μ = {1}, σ² = {2}"
                               ).format(stage.batch_step, _g(stage.batch_mean),
                                        _g(stage.batch_var)))
    lines.append(translate("NetworkDiagram", "γ = {0}, β = {1} (after step {2})").format(
        _g(stage.gamma), _g(stage.beta), stage.params_step))
    if stage.running_step == 0:
        running = translate("NetworkDiagram", "running_mean = {0}, running_var = {1} (initial "
                            "values; used to evaluate)")
    else:
        running = translate("NetworkDiagram", "running_mean = {0}, running_var = {1} (after the "
                            "batch of step {2}; used to evaluate)")
    lines.append(running.format(_g(stage.running_mean), _g(stage.running_var),
                                stage.running_step))
    lines.append(translate("NetworkDiagram", "Click to select γ (inspector: γ and β old → new; "
                           "loss surface)."))
    return "\n".join(lines)


def edit_hint() -> str:
    """How to change a weight or bias by hand (``gui.diagram.weight_edits``)."""
    return translate("NetworkDiagram", "Double-click to type a value; scroll to nudge it by "
                     "±{0} (Shift: ±{1}). Ctrl+Z undoes.").format(
        weight_edits.NUDGE_STEP, weight_edits.FINE_NUDGE_STEP)
