"""Graphics items of the network diagram: neurons with thumbnails, weight edges, bias markers,
warning badges — and the one rule that styles a parameter (colour by sign, width by |value|).

Strength is drawn as an opaque colour faded towards the background (white, dark in the dark
theme: ``gui.common.themes.view_look``; not as alpha, which is slower to paint). Scale: all edges of
one view share a symmetric scale ±m (m = the largest |value| shown), so widths compare across
layers, as on a diverging colour map with symmetric levels; bias markers share their own.
Colours are the diverging map's ends: orange for positive, blue for negative
(``gui.common.colors.DIVERGING_HEX``); exact zeros are grey.
"""

from __future__ import annotations

import functools

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from gui.common import colors
from gui.common.themes import view_look

POSITIVE_HEX, NEGATIVE_HEX, ZERO_HEX = colors.DIVERGING_HEX[2], colors.DIVERGING_HEX[0], "#B8B8B8"
MIN_WIDTH, MAX_WIDTH = 0.5, 6.0
MIN_ALPHA, MAX_ALPHA = 70, 235
NODE_SIZE = 32.0
BIAS_MIN_RADIUS, BIAS_MAX_RADIUS = 3.0, 7.0
#: Widths of a neuron's frame, lit and dimmed; colours follow the theme (``view_look``)
LIT_WIDTH, DIM_WIDTH = 1.6, 1.0
#: Point size of the value under a neuron, times the presenter font scale
VALUE_POINT_SIZE = 7.5
#: The selection's colour (a neuron's frame, the halo of an edge, the ring of a bias) and the
#: halo's extra width on each side of the selected edge's own pen, in scene units
HIGHLIGHT_HEX, HIGHLIGHT_PIXELS = "#CC0000", 3.0
SELECTED_PEN = QtGui.QPen(QtGui.QColor(HIGHLIGHT_HEX), 3.0)
ACTIVE_PEN = QtGui.QPen(QtGui.QColor("#F0B000"), 3.4)


def header_widths(natural: list[float], anchors: list[float], gap: float = 10.0
                  ) -> list[float]:
    """Largest pixel width each layer title may take so neighbours never overlap.

    ``natural``: the titles' full widths; ``anchors``: their anchor x in view pixels, ascending.
    The first title is left-aligned at its anchor, the last right-aligned, the others centred
    (as the diagram draws them). Between two anchors the room minus ``gap`` is shared: each
    side gets up to half, and whatever one side does not need goes to the other.
    """
    n = len(natural)
    if n < 2:
        return list(natural)
    left = [0.0 if k == 0 else w if k == n - 1 else w / 2 for k, w in enumerate(natural)]
    right = [w if k == 0 else 0.0 if k == n - 1 else w / 2 for k, w in enumerate(natural)]
    for k in range(n - 1):
        room = max(anchors[k + 1] - anchors[k] - gap, 0.0)
        if right[k] + left[k + 1] <= room:
            continue
        right_k = min(right[k], room / 2)
        left_next = min(left[k + 1], room - right_k)
        right[k], left[k + 1] = min(right[k], room - left_next), left_next
    return [right[0], *(2 * min(left[k], right[k]) for k in range(1, n - 1)), left[-1]]


def symmetric_scale(arrays) -> float:
    """Largest finite |value| over a list of arrays: the half-width ±m of a view, as its legend
    shows it — 0.0 when every value is 0 (``parameter_style`` draws 0 on a 0 scale as thin grey,
    so no floor is needed)."""
    return colors.max_abs_finite(*arrays)


def parameter_style(value: float, scale: float) -> tuple[str, int, float]:
    """(colour hex, alpha 0–255, width px) of a parameter drawn on the symmetric scale ±scale.

    Width and alpha grow linearly with |value|/scale (clipped to 1): MIN_WIDTH … MAX_WIDTH and
    MIN_ALPHA … MAX_ALPHA. Non-finite values are drawn grey at full width.
    """
    value = float(value)
    if not np.isfinite(value):
        return ZERO_HEX, MAX_ALPHA, MAX_WIDTH
    t = min(abs(value) / max(float(scale), 1e-300), 1.0)
    colour = POSITIVE_HEX if value > 0 else NEGATIVE_HEX if value < 0 else ZERO_HEX
    return (colour, int(round(MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * t)),
            MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * t)


_STYLE_COLOURS = (NEGATIVE_HEX, ZERO_HEX, POSITIVE_HEX)


@functools.lru_cache(maxsize=2048)
def blend_with_background(colour: str, alpha: int, background: str = "#FFFFFF") -> QtGui.QColor:
    """The opaque colour that ``colour`` at ``alpha`` would give over ``background`` (the
    diagram's: white, or dark in the dark theme — weak parameters fade into it either way).

    Opaque pens rasterize about 3× faster than translucent ones, which keeps Play fluid.
    Cached: callers must not modify the returned colour."""
    rgb = np.array(QtGui.QColor(colour).getRgb()[:3], dtype=np.float64)
    paper = np.array(QtGui.QColor(background).getRgb()[:3], dtype=np.float64)
    mixed = paper - (paper - rgb) * (alpha / 255.0)
    return QtGui.QColor(*(int(round(v)) for v in mixed))


def parameter_style_keys(values, scale: float, dim: bool = False) -> np.ndarray:
    """Vectorized :func:`parameter_style` for many values: (n,) int keys for
    :meth:`PenCache.pen_for_key` — colour code × 10⁶ + alpha × 10³ + width in 1/8 px. Alpha
    is quantized to steps of 8 and width to 1/8 px: during Play most edges then keep their pen
    from one frame to the next, and setPen is skipped.
    ``dim`` quarters the alpha (layers not reached yet by the forward animation)."""
    v = np.asarray(values, dtype=np.float64).ravel()
    finite = np.isfinite(v)
    safe = np.where(finite, v, 0.0)
    t = np.minimum(np.abs(safe) / max(float(scale), 1e-300), 1.0)
    t[~finite] = 1.0
    code = (np.sign(safe) + 1).astype(np.int64)
    alpha = np.rint((MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * t) / 8).astype(np.int64) * 8
    if dim:
        alpha //= 4
    width = np.rint((MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * t) * 8).astype(np.int64)
    return code * 1_000_000 + alpha * 1000 + width


class PenCache:
    """QPens shared by edges, keyed by colour, alpha and width (see parameter_style_keys)."""

    def __init__(self) -> None:
        self._pens: dict[int, QtGui.QPen] = {}

    def pen_for_key(self, key: int) -> QtGui.QPen:
        pen = self._pens.get(key)
        if pen is None:
            code, rest = divmod(int(key), 1_000_000)
            alpha, width = divmod(rest, 1000)
            pen = QtGui.QPen(blend_with_background(_STYLE_COLOURS[code], min(alpha, 255),
                                                   view_look()["diagram_background"]),
                             width / 8.0)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
            if len(self._pens) > 4000:
                self._pens.clear()
            self._pens[key] = pen
        return pen


class EdgeItem(QtWidgets.QGraphicsLineItem):
    """The edge of weight W^{layer+1}[i, j] (core: ``net.weights[layer][i, j]``)."""

    def __init__(self, layer: int, i: int, j: int, start: QtCore.QPointF, end: QtCore.QPointF):
        super().__init__(QtCore.QLineF(start, end))
        self.parameter = (layer, "W", i, j)
        self.value = 0.0
        self.style_key = -1
        self.setZValue(0)
        self.setAcceptHoverEvents(False)


class BiasItem(QtWidgets.QGraphicsEllipseItem):
    """Marker of bias b^{layer+1}[i] at the lower left of its neuron; radius and colour follow
    the same rule as the edges."""

    def __init__(self, layer: int, i: int, centre: QtCore.QPointF):
        super().__init__()
        self.parameter = (layer, "b", i, 0)
        self.centre = centre
        self.value, self.scale = 0.0, 1.0
        self.setZValue(3)
        self.style: tuple | None = None

    def move_to(self, centre: QtCore.QPointF) -> None:
        self.centre = centre
        self.style = None  # forces set_value to re-place the circle
        self.set_value(self.value, self.scale)

    def set_value(self, value: float, scale: float) -> None:
        self.value, self.scale = float(value), float(scale)
        colour, alpha, width = parameter_style(value, scale)
        if self.style == (colour, alpha, width):
            return
        self.style = (colour, alpha, width)
        t = (width - MIN_WIDTH) / (MAX_WIDTH - MIN_WIDTH)
        radius = BIAS_MIN_RADIUS + (BIAS_MAX_RADIUS - BIAS_MIN_RADIUS) * t
        self.setRect(self.centre.x() - radius, self.centre.y() - radius, 2 * radius, 2 * radius)
        look = view_look()
        self.setBrush(QtGui.QBrush(blend_with_background(colour, alpha,
                                                         look["diagram_background"])))
        self.setPen(QtGui.QPen(QtGui.QColor(look["diagram_outline"]), 0.8))

    def restyle(self) -> None:
        """Redraw with the current theme's colours."""
        self.style = None
        self.set_value(self.value, self.scale)


class NodeItem(QtWidgets.QGraphicsRectItem):
    """A neuron: thumbnail of its activation over the input plane, a frame and a value label.

    ``k`` is the layer as in a^k (0 = input), ``unit`` the row in that layer.
    """

    def __init__(self, k: int, unit: int, centre: QtCore.QPointF):
        half = NODE_SIZE / 2
        super().__init__(centre.x() - half, centre.y() - half, NODE_SIZE, NODE_SIZE)
        self.k, self.unit, self.centre = k, unit, centre
        self.setZValue(2)
        self.thumbnail = QtWidgets.QGraphicsPixmapItem(self)
        self.thumbnail.setPos(centre.x() - half, centre.y() - half)
        self.thumbnail.setTransformationMode(QtCore.Qt.TransformationMode.SmoothTransformation)
        self.label = QtWidgets.QGraphicsSimpleTextItem("", self)
        # the value stays legible however far the view zooms out to fit the dock
        self.label.setFlag(
            QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.lit = True
        self.selected = False
        self.active = False
        self.restyle()

    def restyle(self) -> None:
        """Colours of the current theme, value font × the presenter font scale (``view_look``)."""
        look = view_look()
        self.setBrush(QtGui.QBrush(QtGui.QColor(look["node_fill"])))
        font = QtGui.QFont()
        font.setPointSizeF(VALUE_POINT_SIZE * look["font_scale"])
        self.label.setFont(font)
        self.label.setBrush(QtGui.QBrush(QtGui.QColor(look["diagram_value"])))
        width = self.label.boundingRect().width()  # re-centre the text under the node
        self.label.setTransform(QtGui.QTransform.fromTranslate(-width / 2, 0))
        self._apply_pen()

    def move_to(self, centre: QtCore.QPointF) -> None:
        half = NODE_SIZE / 2
        self.centre = centre
        self.setRect(centre.x() - half, centre.y() - half, NODE_SIZE, NODE_SIZE)
        self.thumbnail.setPos(centre.x() - half, centre.y() - half)
        self.label.setPos(centre.x(), centre.y() + half + 1)

    def set_thumbnail(self, rgba: np.ndarray) -> None:
        """rgba: (h, w, 4) uint8 with row 0 = the LOWEST y; painted flipped so +y is up."""
        image = np.ascontiguousarray(rgba[::-1])
        h, w = image.shape[:2]
        qimage = QtGui.QImage(image.data, w, h, 4 * w, QtGui.QImage.Format.Format_RGBA8888)
        pixmap = QtGui.QPixmap.fromImage(qimage)  # copies the pixels
        self.thumbnail.setPixmap(pixmap)
        self.thumbnail.setTransform(QtGui.QTransform.fromScale(NODE_SIZE / w, NODE_SIZE / h))

    def set_text(self, text: str) -> None:
        if text != self.label.text():
            self.label.setText(text)
            width = self.label.boundingRect().width()  # in pixels: centre it under the node
            self.label.setTransform(QtGui.QTransform.fromTranslate(-width / 2, 0))

    def set_state(self, lit: bool | None = None, selected: bool | None = None,
                  active: bool | None = None) -> None:
        changed = False
        for name, value in (("lit", lit), ("selected", selected), ("active", active)):
            if value is not None and getattr(self, name) != value:
                setattr(self, name, value)
                changed = True
        if changed:
            self._apply_pen()

    def _apply_pen(self) -> None:
        if self.selected or self.active:
            pen = SELECTED_PEN if self.selected else ACTIVE_PEN
        else:
            look = view_look()
            pen = QtGui.QPen(QtGui.QColor(look["node_lit"]), LIT_WIDTH) if self.lit else \
                QtGui.QPen(QtGui.QColor(look["node_dim"]), DIM_WIDTH)
        self.setPen(pen)
        self.thumbnail.setOpacity(1.0 if self.lit else 0.3)


class WarningBadge(QtWidgets.QGraphicsPolygonItem):
    """A small red triangle with "!" whose tooltip explains the warning."""

    def __init__(self, position: QtCore.QPointF):
        triangle = QtGui.QPolygonF([QtCore.QPointF(0, -7), QtCore.QPointF(7, 5),
                                    QtCore.QPointF(-7, 5)])
        super().__init__(triangle)
        self.setPos(position)
        self.setBrush(QtGui.QBrush(QtGui.QColor("#D55E00")))
        self.setPen(QtGui.QPen(QtGui.QColor("#FFFFFF"), 1.0))
        self.setZValue(6)
        mark = QtWidgets.QGraphicsSimpleTextItem("!", self)
        font = QtGui.QFont()
        font.setPointSizeF(7)
        font.setBold(True)
        mark.setFont(font)
        mark.setBrush(QtGui.QBrush(QtGui.QColor("#FFFFFF")))
        rect = mark.boundingRect()
        mark.setPos(-rect.width() / 2, -rect.height() / 2 + 1)
        self.text = ""


#: Size of a batch-norm stage marker (scene units), left of its neuron above the incoming edges
BN_WIDTH, BN_HEIGHT = 15.0, 9.0


class BatchNormItem(QtWidgets.QGraphicsRectItem):
    """The batch-norm stage of unit ``unit`` of hidden layer ``layer`` (core's 0-based
    ``net.bn_gamma[layer][unit]``): a small "BN" box at the upper left of the neuron, between
    the linear map u = Wa + b and the activation; its tooltip gives μ, σ², γ, β and the running
    statistics (``gui.diagram.view.hover_text``)."""

    def __init__(self, layer: int, unit: int):
        super().__init__(0.0, 0.0, BN_WIDTH, BN_HEIGHT)
        self.layer, self.unit = layer, unit
        self.setZValue(3)
        self.mark = QtWidgets.QGraphicsSimpleTextItem("BN", self)
        self.restyle()

    def move_to(self, node_centre: QtCore.QPointF) -> None:
        half = NODE_SIZE / 2
        self.setPos(node_centre.x() - half - self.rect().width() - 1.0, node_centre.y() - half)

    def restyle(self) -> None:
        """Colours of the current theme; box and text × the presenter font scale
        (``view_look``), like the diagram's values (at 2x the 7 px "BN" was unreadable). The
        diagram moves the box again after a restyle (``relayout``)."""
        look = view_look()
        scale = float(look.get("font_scale", 1.0))
        self.setRect(0.0, 0.0, BN_WIDTH * scale, BN_HEIGHT * scale)
        self.setBrush(QtGui.QBrush(QtGui.QColor(look["node_fill"])))
        self.setPen(QtGui.QPen(QtGui.QColor(look["diagram_outline"]), 0.8))
        font = QtGui.QFont()
        font.setPixelSize(round(7 * scale))
        font.setBold(True)
        self.mark.setFont(font)
        self.mark.setBrush(QtGui.QBrush(QtGui.QColor(look["diagram_value"])))
        rect = self.mark.boundingRect()
        self.mark.setPos((self.rect().width() - rect.width()) / 2,
                         (self.rect().height() - rect.height()) / 2)
