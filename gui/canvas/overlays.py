"""Overlays on the data canvas: the input-gradient arrow and the enlarged neuron map.

- :class:`InputGradientArrow`: for the selected sample, an arrow along ∂ŷ/∂x in raw input
  coordinates — the direction in which moving the point changes the prediction fastest.
  ``MLP.input_gradient`` backpropagates to the network's inputs (the expanded, standardized
  features); the chain rule through the standardizer (1/std) and the feature map (its
  Jacobian, ``core.feature_jacobians``) brings it back to the raw coordinates the canvas shows.
- :class:`NeuronPreview`: while a diagram node is hovered, that unit's activation over the
  canvas range, drawn over the decision boundary.

Both take a ``DataCanvas``-like object (``plot_item``, ``view_range()``, ``pixel_size()``; the
arrow also ``add_overlay`` and ``place_marks``: the canvas's legend keeps clear of it) and
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


#: Anchors (``pg.TextItem.setAnchor``) of the arrow's label at the tip: to the right, left,
#: centred; above, below.
_RIGHT, _LEFT, _CENTRE, _ABOVE, _BELOW = -0.05, 1.05, 0.5, 1.1, -0.1
#: Points sampled along the shaft for the canvas legend to keep clear of.
_SHAFT_SAMPLES = 9


class InputGradientArrow:
    """An arrow from the selected point along ∂ŷ/∂x. Its length is a quarter of the canvas
    times tanh(3·|∂ŷ/∂x|·span): it grows with the gradient but saturates, so the direction stays
    readable; the label gives the exact components. The label opens beyond the tip, in the
    arrow's direction (off the shaft), else to a side clear of the canvas's legend and inside
    the plot; the legend keeps clear of the arrow and its label (``DataCanvas.add_overlay``)."""

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
        self._start = self._tip = None
        self._placements: list[tuple[str, tuple[float, float]]] = []
        self.hide()
        canvas.add_overlay(self)

    def keep_clear(self) -> tuple[np.ndarray, list]:
        """What the canvas's legend keeps clear of (``DataCanvas.add_overlay``): points along
        the shown shaft (canvas coordinates) and the label with its placements (text, anchor),
        best first."""
        if self._tip is None or not self.shaft.isVisible():
            return np.empty((0, 2)), []
        along = np.linspace(0.0, 1.0, _SHAFT_SAMPLES)[:, None]
        return self._start + along * (self._tip - self._start), [(self.label, self._placements)]

    def labels(self) -> list[pg.TextItem]:
        """The arrow's text items (the canvas gives them its label font)."""
        return [self.label]

    def hide(self) -> None:
        shown = self.shaft.isVisible()
        for item in (self.shaft, self.head, self.label):
            item.setVisible(False)
        self.gradient = None
        self._start = self._tip = None
        if shown:
            self.canvas.place_marks()  # the legend may take the arrow's place again

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
        # one line, else (a small canvas at presenter size) the value under the name; beyond
        # the tip in the arrow's direction (+y up) first, off the shaft, then the other sides
        texts = (f"∂{what}/∂x = ({values})", f"∂{what}/∂x =\n({values})")
        h, v = (_RIGHT, _LEFT) if direction[0] >= 0 else (_LEFT, _RIGHT)
        up, down = (_ABOVE, _BELOW) if direction[1] >= 0 else (_BELOW, _ABOVE)
        # centred over or under the tip where neither side leaves room in the plot
        self._placements = [(text, anchor) for text in texts for anchor in (
            (h, up), (h, down), (v, up), (v, down), (_CENTRE, up), (_CENTRE, down))]
        self.label.setText(texts[0])
        self.label.setPos(tip[0], tip[1])
        self._start, self._tip = start, tip
        for item in (self.shaft, self.head, self.label):
            item.setVisible(True)
        self.canvas.place_marks()


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
        canvas.add_overlay(self)  # the caption takes the canvas's label font (presenter scale)

    def keep_clear(self) -> tuple[np.ndarray, list]:
        """Nothing for the legend to move away from (``DataCanvas.add_overlay``): the preview
        shows only while the pointer is on a neuron, and its caption takes the top corner
        the legend leaves free (:meth:`show_neuron`)."""
        return np.empty((0, 2)), []

    def labels(self) -> list[pg.TextItem]:
        """The caption (the canvas gives it its label font)."""
        return [self.caption]

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
        if self.canvas.legend.corner == "top_left":  # the other top corner
            self.caption.setAnchor((1, 0))
            self.caption.setPos(x1, y1)
        else:
            self.caption.setAnchor((0, 0))
            self.caption.setPos(x0, y1)
        self.image.setVisible(True)
        self.caption.setVisible(True)
        self.shown = (k, unit)
