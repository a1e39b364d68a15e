"""The network diagram dock: neurons with activation thumbnails, one edge per weight, bias markers,
the three phases animated, and warnings for dead, saturated and exploding units.

Notation as in the inspector (``gui.inspector.content``): columns are a⁰ (inputs) … a^L
(outputs); the edge W^k[i, j] (core ``net.weights[k−1][i, j]``) joins unit j of column k−1 to
unit i of column k; the marker at a neuron's lower left is its bias b^k[i]. Thumbnails show
each unit's activation over the input plane, +y up (``gui.common.neuron_images``).

Phases (``controller.phaseCompleted``): Forward lights the columns in order and writes the
selected sample's activations under the neurons; Backward recolours the edges by ∂J/∂W, writes
δ under the neurons and runs from the output back to the input; Update morphs every edge from
its old to its new width. ``animation_ms`` is the time per column; 0 is instant, and Play is
always instant. Only a visible diagram redraws (``gui.common.refresh``); items are created once
per network shape and restyled in place.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from core.datasets import FEATURE_LABELS
from gui.diagram import items, weight_edits
from gui.diagram.value_editor import ValueEditor
from gui.diagram.items import symmetric_scale as span
from gui.diagram.view import DiagramView
from gui.common.display_names import display_name
from gui.common.i18n import manager, translate
from core.selected_sample import forward_parameters, sample_forward, sample_row
from core.parameters import sup
from gui.common.neuron_images import grid_activations, layer_images, output_role
from gui.common.number_format import number
from gui.common.themes import view_look
from gui.diagram.unit_health import exploding_layers, latest_norm_pair, unit_warnings
from gui.common.refresh import RefreshGate, connect_redraws, is_shown

COLUMN_SPACING, ROW_SPACING = 150.0, 62.0
THUMBNAIL_RESOLUTION = 20
DEFAULT_ANIMATION_MS = 300
PLAY_SLOW_INTERVAL = 0.4  # seconds between thumbnail/warning/legend refreshes while playing
PLAY_INTERVAL = 0.05  # at most 20 redraws per second while playing
#: Pixels between a layer title and the top of the diagram, and beside the diagram
TITLE_GAP_PX, SIDE_PX = 4.0, 4.0
#: Smallest distance between columns (scene units; a neuron is NODE_SIZE = 32 wide)
MIN_COLUMN_SPACING = 80.0
#: Scene units kept free right of the last column and above the top row (warning badges)
BADGE_ROOM = 8.0


def _ltrb(rect: QtCore.QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _intersecting(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(len(a), len(b)) bool: rectangles (left, top, right, bottom) that overlap."""
    return (a[:, None, 0] < b[None, :, 2]) & (b[None, :, 0] < a[:, None, 2]) & \
        (a[:, None, 1] < b[None, :, 3]) & (b[None, :, 1] < a[:, None, 3])


class NetworkDiagram(QtWidgets.QWidget):
    """Signals: parameterClicked((layer, "W"/"b", i, j)) in core's 0-based indices;
    neuronClicked(k, unit); nodeHovered(k, unit), (-1, -1) when the pointer leaves a node."""

    #: Controller signals it redraws on (the registry reads this): what the diagram draws is the
    #: weights (edges, thumbnails, warnings), the data (the thumbnails' standardized input
    #: plane), the phases and the selection — not settings such as η (networkChanged is always
    #: followed by weightsChanged). OWN_HANDLERS: the ones it handles itself (a phase animation,
    #: the edges' antialiasing); the others go through gui.common.refresh.connect_redraws.
    REDRAWS_ON = ("stepped", "phaseCompleted", "weightsChanged", "dataChanged",
                  "selectionChanged", "playingChanged")
    OWN_HANDLERS = ("stepped", "phaseCompleted", "playingChanged")

    parameterClicked = Signal(object)
    neuronClicked = Signal(int, int)
    nodeHovered = Signal(int, int)

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self.controller = None
        self.scene = QtWidgets.QGraphicsScene(self)
        self.view = DiagramView(self.scene, self)
        self.legend = QtWidgets.QLabel("")
        self.legend.setStyleSheet("color:#404040")
        # wrapping, its minimum width is a word's: a long legend (gradients, "no room for the
        # numbers") never widens the dock and takes the canvas's width (issue 13, item 2)
        self.legend.setWordWrap(True)
        self.legend.installEventFilter(self)
        self.speed = QtWidgets.QSpinBox()
        self.speed.setRange(0, 3000)
        self.speed.setSingleStep(50)
        self._retranslate_speed()
        self.speed.setValue(DEFAULT_ANIMATION_MS)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.legend, 1)
        top.addWidget(QtWidgets.QLabel("Animation:"))
        top.addWidget(self.speed)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.nodes: list[list[items.NodeItem]] = []
        self.edges: list[list[items.EdgeItem]] = []
        self.biases: list[list[items.BiasItem]] = []
        #: one list per hidden layer when the network has batch norm, else empty
        self.bn_stages: list[list[items.BatchNormItem]] = []
        self.headers: list[QtWidgets.QGraphicsSimpleTextItem] = []
        self.badges: dict[tuple, items.WarningBadge] = {}
        self.warnings: list = []
        self.mode = "weights"
        self.input_range: tuple | None = None
        self._signature: tuple | None = None
        self._pens = items.PenCache()
        self._data: dict = {}
        self._kind: str | None = None  # running animation: "forward" | "backward" | "update"
        self._pending_kind: str | None = None
        self._progress = 0.0
        self._slow_time = -1e9
        self._legend_due = True
        self._column_spacing: float | None = None
        self._scale = 1.0
        self._layout_key: tuple | None = None
        #: False while the numbers under the neurons are dropped because they would overlap
        self.numbers_shown = True
        self.animation = QtCore.QVariantAnimation(self)
        self.animation.setStartValue(0.0)
        self.animation.valueChanged.connect(lambda v: self._apply(float(v)))
        self.animation.finished.connect(self._finish_animation)
        self.gate = RefreshGate(self, self.redraw, min_interval=PLAY_INTERVAL)
        self.undo_stack: QtGui.QUndoStack | None = None
        self.editor = ValueEditor(self, self.view.viewport())
        manager().languageChanged.connect(self.retranslate)
        if controller is not None:
            self.set_controller(controller)

    # ------------------------------------------------------------------ language
    def _retranslate_speed(self) -> None:
        self.speed.setSuffix(translate("NetworkDiagram", " ms/layer"))
        self.speed.setSpecialValueText(translate("NetworkDiagram", "instant"))
        self.speed.setToolTip(translate(
            "NetworkDiagram", "Animation time per layer for Forward, Backward and Update "
            "(0 = instant; Play is always instant)"))

    def retranslate(self, _language: str = "") -> None:
        """Texts in the new language: layer titles at once; legend, warnings and node
        tooltips with the next redraw (at once when shown)."""
        self._retranslate_speed()
        if self._signature is not None and self.headers:
            _, hidden, output, features, _ = self._signature  # what the headers were built for
            for k, header in enumerate(self.headers):
                titles = self._header_titles(k, hidden, output, features)
                header.setText(titles[0])
                header.setData(0, titles[0])
                header.setData(1, titles)
            self.relayout(force=True)
        self._legend_due = True
        self._slow_time = -1e9  # warnings are rebuilt with their texts
        self.gate.request()

    @staticmethod
    def _header_titles(k: int, hidden_activations, output_activation, feature_names
                       ) -> list[str]:
        """Column k's title, longest first (translated), for ``DiagramView.fit_headers``:
        ['a¹  layer 1 · tanh', 'a¹  tanh', 'a¹'] or ['a⁰  input X₁, X₂', 'a⁰  input', 'a⁰']."""
        symbol = f"a{sup(k)}"
        if k == 0:
            full = translate("NetworkDiagram", "input {0}").format(
                ", ".join(FEATURE_LABELS.get(f, f) for f in feature_names))
            short = translate("NetworkDiagram", "input")
        else:
            short = display_name(hidden_activations[k - 1] if k <= len(hidden_activations)
                                 else output_activation)
            full = translate("NetworkDiagram", "layer {0} · {1}").format(k, short)
        return [f"{symbol}  {full}", f"{symbol}  {short}", symbol]

    # ------------------------------------------------------------------ wiring
    def set_controller(self, controller) -> None:
        self.controller = controller
        connect_redraws(self.gate, controller, self.REDRAWS_ON, own=self.OWN_HANDLERS)
        controller.phaseCompleted.connect(self._on_phase)  # may animate the phase
        controller.stepped.connect(self._on_stepped)  # not while an animation runs
        controller.playingChanged.connect(self._on_playing)  # aliased edges while playing
        self.gate.request()

    def set_undo_stack(self, stack: QtGui.QUndoStack | None) -> None:
        """The window's undo stack for the hands-on weights (None: edits are not undoable)."""
        self.undo_stack = stack

    # ------------------------------------------------------- hands-on weights
    def open_editor(self, ref, at: QtCore.QPoint) -> bool:
        """Open the in-place field for parameter ``ref`` at viewport position ``at``; refused
        (False, the reason to ``errorOccurred``) while Play runs or mid-step."""
        c = self.controller
        reason = weight_edits.can_edit(c)
        if reason is not None:
            c.errorOccurred.emit(reason)
            return False
        self.editor.open(ref, c.parameter_value(ref), at)
        return True

    def edit_parameter(self, ref, value: float) -> bool:
        """Set ``ref`` to ``value`` as one undoable command (see ``weight_edits``)."""
        return weight_edits.edit_parameter(self.undo_stack, self.controller, ref, value)

    def nudge_parameter(self, ref, steps: float, fine: bool = False) -> bool:
        """Add ``steps`` × NUDGE_STEP (``fine``: FINE_NUDGE_STEP) to ``ref``; consecutive nudges
        of one parameter are one undo command."""
        if self.editor.isVisible():
            self.editor.cancel()
        step = weight_edits.FINE_NUDGE_STEP if fine else weight_edits.NUDGE_STEP
        value = self.controller.parameter_value(ref) + steps * step
        return weight_edits.edit_parameter(self.undo_stack, self.controller, ref, value,
                                           nudge=True)

    def _on_playing(self, playing: bool) -> None:
        # Antialiased wide lines cost ~10× more to rasterize; while training plays the edges
        # change every frame anyway, so they are drawn aliased to keep the frame rate.
        self.view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, not playing)
        if playing:
            self.editor.cancel()
        self.gate.request()

    @property
    def animation_ms(self) -> int:
        return self.speed.value()

    def set_animation_ms(self, ms: int) -> None:
        """Time per layer of the phase animations; 0 = instant."""
        self.speed.setValue(max(0, int(ms)))

    def set_input_range(self, x_range, y_range) -> None:
        """Raw input range of the thumbnails (the canvas's range); None = from the points."""
        self.input_range = None if x_range is None else (tuple(x_range), tuple(y_range))
        self.gate.request()

    def _on_phase(self, phase: str) -> None:
        c = self.controller
        animate = self.animation_ms > 0 and not c.playing and is_shown(self)
        self._pending_kind = phase if animate else None
        self.gate.request()

    def _on_stepped(self, _n: int = 0) -> None:
        if self._kind is None and self._pending_kind is None:
            self.gate.request(throttle=self.controller.playing)

    # ----------------------------------------------------------------- building
    def _build(self, net, feature_names) -> None:
        """(Re)create every item for a network shape; called only when the shape changes."""
        self.animation.stop()
        self.scene.clear()
        self.nodes, self.edges, self.biases, self.headers = [], [], [], []
        self.bn_stages = []
        self.badges = {}
        self._slow_time = -1e9  # new items: thumbnails and warnings are due at once
        sizes = net.layer_sizes
        L = len(sizes) - 1
        origin = QtCore.QPointF(0, 0)
        for k, width in enumerate(sizes):
            column = [items.NodeItem(k, unit, origin) for unit in range(width)]
            for node in column:
                self.scene.addItem(node)
            self.nodes.append(column)
            titles = self._header_titles(k, net.hidden_activations, net.output_activation,
                                         feature_names)
            header = QtWidgets.QGraphicsSimpleTextItem(titles[0])
            header.setData(0, titles[0])  # the full title
            header.setData(1, titles)  # DiagramView.fit_headers shows the longest that fits
            self._style_header(header)
            header.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            # pixels: centred over its column; the outer ones aligned inwards to stay in view
            width = header.boundingRect().width()
            shift = 0.0 if k == 0 else -width if k == L else -width / 2
            header.setTransform(QtGui.QTransform.fromTranslate(shift, 0))
            self.scene.addItem(header)
            self.headers.append(header)
        for l in range(L):
            layer_edges = [items.EdgeItem(l, i, j, origin, origin)
                           for i in range(sizes[l + 1]) for j in range(sizes[l])]
            layer_biases = [items.BiasItem(l, i, origin) for i in range(sizes[l + 1])]
            for item in (*layer_edges, *layer_biases):
                self.scene.addItem(item)
            self.edges.append(layer_edges)
            self.biases.append(layer_biases)
            if getattr(net, "batch_norm", False) and l < L - 1:
                stages = [items.BatchNormItem(l, i) for i in range(sizes[l + 1])]
                for stage in stages:
                    self.scene.addItem(stage)
                self.bn_stages.append(stages)
        self.view.create_marks()
        self.relayout(force=True)

    def relayout(self, force: bool = False) -> None:
        """Place every item so the diagram fills the view, with room in pixels for the titles
        above and the numbers below (they keep their pixel size at any zoom): the column
        spacing follows the view's aspect ratio (wide docks spread the layers out). Items are
        moved, not rebuilt; then titles are fitted and numbers dropped where they would
        overlap (:meth:`_fit_numbers`). Only redone when the view size, shape or fonts change
        (or ``force``)."""
        if not self.nodes:
            return
        sizes = [len(column) for column in self.nodes]
        L = len(sizes) - 1
        half = items.NODE_SIZE / 2
        header_px = QtGui.QFontMetricsF(self.headers[0].font()).height()
        label_px = QtGui.QFontMetricsF(self.nodes[0][0].label.font()).height()
        width_px = max(self.view.viewport().width(), 1)
        height_px = max(self.view.viewport().height(), 1)
        key = (width_px, height_px, tuple(sizes), header_px, label_px)
        if key == self._layout_key and not force:
            return
        self._layout_key = key
        top_px, bottom_px = header_px + TITLE_GAP_PX + 1, label_px + 2
        rows = (max(sizes) - 1) / 2 * ROW_SPACING
        y0, y1 = -rows - half - BADGE_ROOM, rows + half
        s_v = max(height_px - top_px - bottom_px, 1.0) / (y1 - y0)
        room = max(width_px - 2 * SIDE_PX, 1.0) / s_v  # scene width at the vertical scale
        spacing = COLUMN_SPACING if L == 0 else float(np.clip(
            (room - 2 * half - BADGE_ROOM) / L, MIN_COLUMN_SPACING, 900.0))
        x0, x1 = -half, L * spacing + half + BADGE_ROOM
        scale = min(s_v, max(width_px - 2 * SIDE_PX, 1.0) / (x1 - x0))
        self._column_spacing, self._scale = spacing, scale
        for k, column in enumerate(self.nodes):
            x = k * spacing
            for node in column:
                node.move_to(QtCore.QPointF(x, (node.unit - (sizes[k] - 1) / 2) * ROW_SPACING))
            edge_offset = -half if k == 0 else half if k == L else 0.0
            self.headers[k].setPos(x + edge_offset, y0 - (header_px + TITLE_GAP_PX) / scale)
        for l, layer_edges in enumerate(self.edges):
            for edge in layer_edges:
                _, _, i, j = edge.parameter
                edge.setLine(QtCore.QLineF(self.nodes[l][j].centre + QtCore.QPointF(half, 0),
                                           self.nodes[l + 1][i].centre + QtCore.QPointF(-half, 0)))
            for bias in self.biases[l]:
                bias.move_to(self.nodes[l + 1][bias.parameter[2]].centre
                             + QtCore.QPointF(-half - 7, half - 6))
        for stages in self.bn_stages:
            for stage in stages:
                stage.move_to(self.nodes[stage.layer + 1][stage.unit].centre)
        for badge_key, badge in self.badges.items():
            badge.setPos(self._badge_position(*badge_key))
        self.view.set_edges([e for layer in self.edges for e in layer])
        # the scene rect is exactly the viewport at this scale, the content centred in it
        spare = height_px - top_px - bottom_px - (y1 - y0) * scale
        top = y0 - (top_px + spare / 2) / scale
        centre_x = (x0 + x1) / 2
        self.scene.setSceneRect(centre_x - width_px / scale / 2, top,
                                width_px / scale, height_px / scale)
        self.view.show_scene(scale)
        self.view.set_selected_edge(self.controller.selected_parameter, self.edges)
        self.view.fit_headers()
        self._fit_numbers()

    def _fit_numbers(self) -> None:
        """Show the numbers under the neurons (activations or δ) only when all of them fit:
        inside the view, clear of each other, of the titles and of the neurons; else drop
        them all (hovering a neuron still shows them; the legend says so)."""
        labels = [node.label for column in self.nodes for node in column
                  if node.label.text()]
        shown = True
        if labels:
            view = self.view
            rects = np.array([_ltrb(view.text_rect_px(label)) for label in labels])
            obstacles = [_ltrb(view.text_rect_px(h)) for h in self.headers
                         if h.isVisible() and h.text()]
            obstacles += [_ltrb(QtCore.QRectF(view.mapFromScene(node.rect()).boundingRect()))
                          for column in self.nodes for node in column]
            viewport = view.viewport().rect()
            inside = (rects[:, 0] >= 0) & (rects[:, 1] >= 0) & \
                (rects[:, 2] <= viewport.width()) & (rects[:, 3] <= viewport.height())
            shrunk = rects + np.array([0.5, 0.5, -0.5, -0.5])  # touching is not overlapping
            crossing = _intersecting(shrunk, shrunk)
            np.fill_diagonal(crossing, False)
            shown = bool(inside.all() and not crossing.any() and not _intersecting(
                shrunk, np.array(obstacles).reshape(-1, 4)).any())
        for column in self.nodes:
            for node in column:
                node.label.setVisible(shown)
        if shown != self.numbers_shown:
            self.numbers_shown = shown
            self._legend_due = True

    def text_rects(self) -> list[tuple[str, QtCore.QRectF]]:
        """The visible text items of the diagram (layer titles and the numbers under the
        neurons) as (text, rectangle in scene coordinates); for layout checks. The items keep
        their pixel size, so the rectangles depend on the current zoom."""
        inverse, _ = self.view.viewportTransform().inverted()
        texts = [h for h in self.headers if h.isVisible() and h.text()]
        texts += [node.label for column in self.nodes for node in column
                  if node.label.isVisible() and node.label.text()]
        return [(item.text(), inverse.mapRect(self.view.text_rect_px(item))) for item in texts]

    def _badge_position(self, kind: str, layer: int, unit: int) -> QtCore.QPointF:
        half = items.NODE_SIZE / 2
        if kind == "exploding":  # in the room above the column's top neuron
            return self.nodes[layer + 1][0].centre + QtCore.QPointF(0, -half - 1)
        return self.nodes[layer + 1][unit].centre + QtCore.QPointF(half, -half)

    # ------------------------------------------------------------------- looks
    @staticmethod
    def _style_header(header: QtWidgets.QGraphicsSimpleTextItem) -> None:
        """A layer title in the theme's colour at the presenter font scale (``view_look``)."""
        look = view_look()
        font = QtGui.QFont()
        font.setPointSizeF(font.pointSizeF() * look["font_scale"])
        header.setFont(font)
        header.setBrush(QtGui.QBrush(QtGui.QColor(look["diagram_title"])))

    def apply_view_look(self) -> None:
        """Follow the theme and the presenter font scale (``gui.common.themes.apply_theme`` calls it):
        background, titles, values, neuron frames, bias markers and edges restyled in place."""
        look = view_look()
        self.view.setBackgroundBrush(QtGui.QBrush(QtGui.QColor(look["diagram_background"])))
        self._set_legend_text()
        for header in self.headers:
            self._style_header(header)
        for item in (*(n for column in self.nodes for n in column),
                     *(b for layer in self.biases for b in layer),
                     *(s for layer in self.bn_stages for s in layer)):
            item.restyle()
        self._pens = items.PenCache()  # its pens were blended with the old background
        for layer in self.edges:
            for edge in layer:
                edge.style_key = -1
        self.relayout(force=True)  # the titles and numbers have a new pixel size
        if self._data:
            self._apply(self._progress)

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        c = self.controller
        if c is None:
            return
        session, trainer = c.session, c.trainer
        net = trainer.net
        signature = (net.layer_sizes, tuple(net.hidden_activations), net.output_activation,
                     tuple(session.input_features), bool(getattr(net, "batch_norm", False)))
        if signature != self._signature:
            self._build(net, session.input_features)
            self._signature = signature
        self._data = self._collect(session, trainer)
        now = time.perf_counter()
        if not c.playing or now - self._slow_time >= PLAY_SLOW_INTERVAL:
            # Thumbnails and warnings evaluate the network on a grid and on the training set;
            # during Play they change slowly, so they refresh a few times per second.
            self._slow_time = now
            self._legend_due = True
            self._draw_thumbnails(session, net)
            self._draw_warnings(trainer)
        kind, self._pending_kind = self._pending_kind, None
        if kind is not None and self._can_animate(kind, trainer):
            self._kind = kind
            self.animation.stop()
            self.animation.setEndValue(float(net.n_layers + 1))
            self.animation.setDuration(self.animation_ms * (net.n_layers + 1))
            self._apply(0.0)
            self.animation.start()
        elif self._kind is not None and self.animation.state() == \
                QtCore.QAbstractAnimation.State.Running:
            self._apply(self._progress)  # e.g. a new selection during an animation
        else:
            self._kind = None
            self._apply(float(net.n_layers + 1))

    @staticmethod
    def _can_animate(kind: str, trainer) -> bool:
        if kind == "update":
            return trainer.last_update is not None and trainer.phase == "ready"
        return trainer.last_forward is not None and trainer.phase == kind

    def _finish_animation(self) -> None:
        self._kind = None
        if self.controller is not None:
            self._apply(float(self.controller.trainer.net.n_layers + 1))

    def _collect(self, session, trainer) -> dict:
        """The numbers of this redraw, all read from the trainer's arrays."""
        net = trainer.net
        data = {"weights": [w.copy() for w in net.weights],
                "biases": [b.copy() for b in net.biases],
                "phase": trainer.phase, "values": None, "deltas": None, "grads": None,
                "step": trainer.step_count}
        if trainer.phase == "ready" and trainer.last_update is not None:
            data["old"] = forward_parameters(trainer)  # the old W and b (also with batch norm)
        if trainer.last_forward is not None and trainer.phase in ("forward", "backward"):
            sample, row = sample_row(trainer, self.controller.selected_sample)
            fp, fp_row = sample_forward(trainer, sample, row)
            data["sample"] = sample
            data["values"] = [a[fp_row] for a in fp.activations]
            data["pre"] = [z[fp_row] for z in fp.pre_activations]
            g = trainer.last_gradients
            if trainer.phase == "backward" and g is not None:
                data["grads"] = (list(g.weights), list(g.biases))
                if row is not None:
                    data["deltas"] = [d[row] for d in g.deltas]
        return data

    def _thumbnail_range(self, session):
        if self.input_range is not None:
            return self.input_range
        points = session.points
        if len(points) == 0:
            return (-6.0, 6.0), (-6.0, 6.0)
        lo, hi = points.X.min(axis=0), points.X.max(axis=0)
        if lo.min() >= -6.0 and hi.max() <= 6.0:
            return (-6.0, 6.0), (-6.0, 6.0)
        pad = 0.08 * np.maximum(hi - lo, 1e-9)
        x_range = (lo[0] - pad[0], hi[0] + pad[0])
        y_range = (lo[1] - pad[1], hi[1] + pad[1]) if points.dim > 1 else x_range
        return x_range, y_range

    def _draw_thumbnails(self, session, net) -> None:
        x_range, y_range = self._thumbnail_range(session)
        grids = grid_activations(session, x_range, y_range, THUMBNAIL_RESOLUTION)
        y = session.points.y
        levels = (float(np.min(y)), float(np.max(y))) if len(y) else (-1.0, 1.0)
        L = net.n_layers
        for k, grid in enumerate(grids):
            role = "input" if k == 0 else "hidden" if k < L else output_role(net.output_activation)
            for node, image in zip(self.nodes[k], layer_images(grid, role, levels), strict=True):
                node.set_thumbnail(image)

    def _draw_warnings(self, trainer) -> None:
        net = trainer.net
        warnings = []
        if trainer.n_train and net.n_hidden:
            with np.errstate(all="ignore"):
                fp = net.forward(trainer.X_train)
            warnings = unit_warnings(fp.pre_activations, fp.activations, net.hidden_activations)
        warnings += exploding_layers(*latest_norm_pair(trainer))
        self.warnings = warnings
        active = set()
        for warning in warnings:
            key = (warning.kind, warning.layer, warning.unit)
            active.add(key)
            badge = self.badges.get(key)
            if badge is None:
                badge = self.badges[key] = items.WarningBadge(self._badge_position(*key))
                self.scene.addItem(badge)
            badge.text = warning.text
            badge.setToolTip(warning.text)
            badge.setVisible(True)
        for key, badge in self.badges.items():
            if key not in active:
                badge.setVisible(False)

    def visible_warnings(self) -> list:
        """The warnings currently drawn (for tests and the status bar)."""
        return [w for w in self.warnings
                if self.badges.get((w.kind, w.layer, w.unit)) is not None]

    # -------------------------------------------------------------- one frame
    def _apply(self, progress: float) -> None:
        """Style every item for animation progress ∈ [0, L+1] (L+1 = the final state)."""
        self._progress = progress
        data, c = self._data, self.controller
        if not data or c is None:
            return
        L = len(self.edges)
        kind = self._kind
        grads = data["grads"]
        gradient_mode = grads is not None and data["phase"] == "backward"
        weights, biases = data["weights"], data["biases"]
        # Weights and biases each get their own symmetric scale: one large bias (a unit
        # switched off with b = −100) must not make every edge vanish.
        if kind == "update" and "old" in data:
            t = min(progress / (L + 1), 1.0)
            old_w, old_b = data["old"]
            weights = [o + t * (n - o) for o, n in zip(old_w, data["weights"], strict=True)]
            biases = [o + t * (n - o) for o, n in zip(old_b, data["biases"], strict=True)]
            scale = (span([*old_w, *data["weights"]]), span([*old_b, *data["biases"]]))
        else:
            scale = (span(weights), span(biases))
        grad_scale = (span(grads[0]), span(grads[1])) if gradient_mode else (1.0, 1.0)
        selected = c.selected_parameter
        for l in range(L):
            lit = progress >= l + 0.5 if kind == "forward" else True
            use_grad = gradient_mode and (kind != "backward" or progress >= L - 1 - l + 0.5)
            values = (grads[0][l] if use_grad else weights[l]).ravel()
            bias_values = grads[1][l] if use_grad else biases[l]
            weight_scale, bias_scale = grad_scale if use_grad else scale
            keys = items.parameter_style_keys(values, weight_scale, dim=not lit)
            for edge, value, key in zip(self.edges[l], values.tolist(), keys.tolist(),
                                        strict=True):
                edge.value = value
                if key != edge.style_key:
                    edge.style_key = key
                    edge.setPen(self._pens.pen_for_key(key))
            for bias, value in zip(self.biases[l], bias_values, strict=True):
                bias.set_value(value, bias_scale)
        self.view.set_selected_edge(selected, self.edges)
        self._apply_nodes(progress, L, data)
        self._fit_numbers()
        self.mode = "gradients" if gradient_mode else "weights"
        if not c.playing or self._legend_due:  # a new label text relayouts the dock's header
            self._legend_due = False
            self._show_legend(scale, grad_scale)
        self.view.refresh_tooltip()

    def _apply_nodes(self, progress: float, L: int, data: dict) -> None:
        kind, values, deltas = self._kind, data["values"], data["deltas"]
        neuron = self.controller.selected_neuron
        for k, column in enumerate(self.nodes):
            lit = progress >= k if kind == "forward" else True
            active = (kind == "forward" and int(progress) == k) or \
                (kind == "backward" and k >= 1 and int(progress) == L - k)
            show_delta = deltas is not None and k >= 1 and \
                (kind != "backward" or progress >= L - k)
            for node in column:
                text = ""
                if show_delta:
                    text = f"δ {number(deltas[k - 1][node.unit], 3)}"
                elif values is not None and lit:
                    text = number(values[k][node.unit], 3)
                node.set_text(text)
                node.set_state(lit=lit, active=active,
                               selected=neuron is not None and tuple(neuron) == (k, node.unit))

    def _show_legend(self, scale: tuple, grad_scale: tuple) -> None:
        numbers = self._data.get("values") is not None and self.numbers_shown
        if self.mode == "gradients":
            parts = [translate("NetworkDiagram", "Edges: ∂J/∂W (±{0}), dots: ∂J/∂b (±{1})").format(
                number(grad_scale[0], 3), number(grad_scale[1], 3))]
            if numbers and self._data.get("deltas") is not None:
                parts.append(translate("NetworkDiagram", " · under neurons: δ"))
        else:
            parts = [translate("NetworkDiagram", "Edges: W (±{0}), dots: b (±{1})").format(
                number(scale[0], 3), number(scale[1], 3))]
            if numbers:
                parts.append(translate("NetworkDiagram", " · under neurons: a for sample #{0}"
                                       ).format(self._data['sample']))
        self._legend_hint = None
        if self._data.get("values") is not None and not self.numbers_shown:
            self._legend_hint = len(parts)
            parts.append(translate("NetworkDiagram", " · no room for the numbers: hover a neuron"))
        parts.append(translate("NetworkDiagram", " · orange > 0, blue < 0, width ∝ |value|"))
        self._legend_parts = tuple(parts)
        self._set_legend_text()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.legend and event.type() == QtCore.QEvent.Type.Resize:
            self._set_legend_text()  # more or fewer of its parts fit on its line now
        return super().eventFilter(watched, event)

    def _set_legend_text(self) -> None:
        """The legend: as many of its parts (scales; what the numbers under the neurons are,
        or that there is no room for them; the colour key) as fit on one line of the legend —
        at least the scales, wrapped if need be, or, when there is no room for the numbers and
        that hint does not fit after the scales, the hint alone — and, when some are left out,
        the whole in the tooltip. So a long legend (gradients, presenter scale) never widens the dock nor
        takes the drawing's height."""
        parts = getattr(self, "_legend_parts", None)
        if parts is None:
            return
        whole = "".join(parts)
        room = self.legend.contentsRect().width() - 2 * self.legend.margin()
        metrics = self.legend.fontMetrics()
        shown = 1
        while shown < len(parts) and \
                metrics.horizontalAdvance("".join(parts[:shown + 1])) <= room:
            shown += 1
        text = "".join(parts[:shown])
        hint = getattr(self, "_legend_hint", None)
        if hint is not None and shown <= hint:  # how to see the numbers matters most
            text = parts[hint].lstrip(" ·")
        if self.legend.text() != text:
            self.legend.setText(text)
        self.legend.setToolTip(whole if text != whole else "")
