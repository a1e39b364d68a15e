"""Overlays on the data canvas: the input-gradient arrow and the enlarged neuron map.

- :class:`InputGradientArrow`: for the selected sample, an arrow along ∂ŷ/∂x in raw input
  coordinates — the direction in which moving the point changes the prediction fastest.
  ``MLP.input_gradient`` backpropagates to the network's inputs (the expanded, standardized
  features); the chain rule through the standardizer (1/std) and the feature map (its
  Jacobian, ``core.feature_jacobians``) brings it back to the raw coordinates the canvas shows.
- :class:`NeuronPreview`: while a diagram node is hovered, that unit's activation over the
  canvas range, drawn over the decision boundary.

Both take a ``DataCanvas``-like object (``plot_item``, ``view_range()``, ``pixel_size()``) and
create their items once; ``update``/``show`` restyle them.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from core.feature_jacobians import raw_jacobian
from core.metrics import predicted_classes
from gui.common.i18n import translate
from core.parameters import sup
from gui.common.neuron_images import grid_activations, layer_images, output_role
from gui.common.number_format import number

def gradient_output_index(session, features: np.ndarray) -> int:
    """Which output ŷ the arrow differentiates: p(class 1) for a sigmoid, the first output for
    regression, the predicted class's probability for softmax."""
    if session.net.output_activation == "softmax":
        return int(predicted_classes(session.net.forward(features).output)[0])
    return 0


def raw_input_gradient(session, raw_x) -> tuple[np.ndarray, int]:
    """(∂ŷ_k/∂x (dim,), k) at one raw point ``raw_x`` (dim,) of the session's point set.

    ∂ŷ/∂x_raw = Σ_f ∂ŷ/∂u_f · (1/std_f) · ∂feature_f/∂x_raw, with u the standardized features
    (``session.transform``) and ∂ŷ/∂u from ``MLP.input_gradient``. Raises ValueError for a
    wrong shape.
    """
    raw = np.asarray(raw_x, dtype=np.float64).reshape(1, -1)
    dim = session.points.dim
    if raw.shape[1] != dim:
        raise ValueError(f"raw_x must have {dim} coordinates, got {raw.shape[1]}")
    features = session.transform(raw)
    k = gradient_output_index(session, features)
    du = session.net.input_gradient(features, k)[0]
    return du @ raw_jacobian(raw, session.input_features, session.standardizer.std)[0], k


#: Where the arrow's label may sit at its tip (TextItem anchors), in order: up and to the
#: right of it, up and to the left, down and to the right, down and to the left.
LABEL_ANCHORS = ((-0.05, 1.1), (1.05, 1.1), (-0.05, -0.1), (1.05, -0.1))


class InputGradientArrow:
    """An arrow from the selected point along ∂ŷ/∂x. Its length is a quarter of the canvas
    times tanh(3·|∂ŷ/∂x|·span): it grows with the gradient but saturates, so the direction stays
    readable; the label gives the exact components. The label sits at the tip on the first
    side of it (:data:`LABEL_ANCHORS`) where it stays inside the plot and clear of the
    canvas's legend and sample label; it is placed again whenever the canvas places those
    (``marksPlaced``: a resize, presenter fonts, another legend corner)."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        pen = pg.mkPen("#CC0000", width=2.5)
        self.shaft = pg.PlotDataItem(pen=pen)
        self.head = pg.ArrowItem(pen=pen, brush=pg.mkBrush("#CC0000"), headLen=14, tailLen=0)
        self.label = pg.TextItem(color="#990000", anchor=(-0.05, 1.1),
                                 fill=pg.mkBrush(255, 255, 255, 190))
        for item in (self.shaft, self.head, self.label):
            item.setZValue(13)
            canvas.plot_item.addItem(item)
        self.gradient: np.ndarray | None = None
        self.hide()
        placed = getattr(canvas, "marksPlaced", None)
        if placed is not None:
            placed.connect(self.place_label)

    def hide(self) -> None:
        for item in (self.shaft, self.head, self.label):
            item.setVisible(False)
        self.gradient = None

    def update(self, session, raw_point, canvas_position=None) -> None:
        """Draw the arrow for the raw input ``raw_point`` (dim,) placed at ``canvas_position``
        (defaults to the raw point; for 1-D data pass (x, y target)). None hides it."""
        if raw_point is None:
            self.hide()
            return
        with np.errstate(all="ignore"):
            gradient, k = raw_input_gradient(session, raw_point)
        if not np.all(np.isfinite(gradient)):
            self.hide()
            return
        self.gradient = gradient
        start = np.asarray(canvas_position if canvas_position is not None else raw_point,
                           dtype=np.float64).reshape(-1)[:2]
        (x0, x1), (y0, y1) = self.canvas.view_range()
        span = min(x1 - x0, y1 - y0)
        direction = np.zeros(2)
        direction[:gradient.size] = gradient
        norm = float(np.hypot(*direction))
        if norm == 0.0:
            self.hide()
            self.gradient = gradient
            return
        length = 0.25 * span * np.tanh(3.0 * norm * span)
        tip = start + direction / norm * length
        self.shaft.setData([start[0], tip[0]], [start[1], tip[1]])
        px, py = self.canvas.pixel_size()
        screen_angle = np.degrees(np.arctan2(-direction[1] / max(py, 1e-12),
                                             direction[0] / max(px, 1e-12)))
        self.head.setStyle(angle=screen_angle - 180.0)
        self.head.setPos(tip[0], tip[1])
        what = "ŷ" if session.net.output_activation != "softmax" else f"p{k}"
        values = ", ".join(number(v, 3) for v in gradient)
        self.label.setText(f"∂{what}/∂x = ({values})")
        self.label.setPos(tip[0], tip[1])
        for item in (self.shaft, self.head, self.label):
            item.setVisible(True)
        self.place_label()

    def place_label(self) -> None:
        """The label on the first side of the tip where it is inside the plot and covers no
        other mark (legend, sample label), else where it covers the least of them."""
        label = self.label
        if not label.isVisible():
            return
        view_box = self.canvas.plot_item.vb
        view_box.childTransform()  # brings a resize or a new range not yet painted in
        plot = view_box.boundingRect()
        marks = []
        legend = getattr(self.canvas, "legend", None)
        if legend is not None and legend.item.isVisible():
            marks.append(legend.rect_in_view_box())
        sample = getattr(self.canvas, "selected_label", None)
        if sample is not None and sample.isVisible():
            sample.updateTransform(force=True)
            marks.append(sample.mapRectToItem(view_box, sample.boundingRect()))

        def covered(anchor) -> float:
            """Pixels² of the label outside the plot or over another mark at ``anchor``."""
            label.setAnchor(anchor)
            label.updateTransform(force=True)
            rect = label.mapRectToItem(view_box, label.boundingRect())

            def area(part) -> float:
                return part.width() * part.height()

            outside = 0.0 if plot.contains(rect) else area(rect) - area(rect.intersected(plot))
            return outside + sum(area(rect.intersected(mark)) for mark in marks
                                 if rect.intersects(mark))

        best, least = LABEL_ANCHORS[0], None
        for anchor in LABEL_ANCHORS:
            cover = covered(anchor)
            if least is None or cover < least:
                best, least = anchor, cover
            if cover == 0:
                break
        label.setAnchor(best)
        label.updateTransform(force=True)


class NeuronPreview:
    """A hovered neuron's activation map over the whole canvas (the diagram's thumbnail,
    enlarged), with a caption; hidden when the pointer leaves the node."""

    RESOLUTION = 72

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-9)  # above the decision boundary (-10), below the points
        self.image.setOpacity(0.92)
        self.caption = pg.TextItem(color="#202020", fill=pg.mkBrush(255, 255, 255, 200),
                                   anchor=(0, 0))
        self.caption.setZValue(14)
        for item in (self.image, self.caption):
            canvas.plot_item.addItem(item)
            item.setVisible(False)
        self.shown: tuple[int, int] | None = None

    def hide(self) -> None:
        self.image.setVisible(False)
        self.caption.setVisible(False)
        self.shown = None

    def show_neuron(self, session, k: int, unit: int) -> None:
        """Show a^k[unit] over the canvas range; k < 0 hides the preview."""
        net = session.net
        if k < 0 or k > net.n_layers or not 0 <= unit < net.layer_sizes[k]:
            self.hide()
            return
        (x0, x1), (y0, y1) = self.canvas.view_range()
        grids = grid_activations(session, (x0, x1), (y0, y1), self.RESOLUTION)
        role = "input" if k == 0 else "hidden" if k < net.n_layers else \
            output_role(net.output_activation)
        y = session.points.y
        levels = (float(np.min(y)), float(np.max(y))) if len(y) else (-1.0, 1.0)
        rgba = layer_images(grids[k], role, levels)[unit]
        h, w = rgba.shape[:2]
        self.image.setImage(np.ascontiguousarray(rgba), levels=(0, 255), autoLevels=False)
        dx, dy = (x1 - x0) / (w - 1), (y1 - y0) / max(h - 1, 1)
        height = (y1 - y0) + dy if h > 1 else (y1 - y0)
        self.image.setRect(QtCore.QRectF(x0 - dx / 2, y0 - (dy / 2 if h > 1 else 0),
                                         (x1 - x0) + dx, height))
        self.caption.setText(f"a{sup(k)}[{unit}]" + (
            translate("NetworkDiagram", " (input feature)") if k == 0 else ""))
        self.caption.setPos(x0, y1)
        self.image.setVisible(True)
        self.caption.setVisible(True)
        self.shown = (k, unit)
