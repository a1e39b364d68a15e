"""The data canvas: points, decision boundary / prediction heatmap, 1-D regression curve, drawing.

The canvas is a view: it draws what it is given and turns mouse input into *requests*
(signals); it never edits the point set itself. Coordinates are raw input coordinates
(before feature expansion and standardization), +y up.

Two ranges: ``view_range()`` is the data range the caller asked to see (it always stays in view);
``visible_range()`` is what the plot shows. They are equal unless the aspect ratio is locked
(``set_view_range(..., equal_aspect=True)``: one data unit is as many pixels in x as in y), when
the plot widens one of them to the widget's shape; ``visibleRangeChanged`` then fires on resize.

Every plot item is created once in ``__init__`` and updated with ``setData``/``setImage``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal

from core.datasets import TEST, TRAIN, VALIDATION
from gui.canvas.marks import VALIDATION_ALPHA, VALIDATION_SYMBOL, CanvasLegend
from gui.common import colors
from gui.common.i18n import manager
from gui.common.themes import view_look

TOOLS = ("draw", "brush", "erase")

_TRAIN_SIZE = 9
_TEST_SIZE = 9
_OUTLINE = pg.mkPen("#FFFFFF", width=1.0)
_DARK_OUTLINE = pg.mkPen("#303030", width=1.0)
_HOLLOW = pg.mkBrush(255, 255, 255, 150)  # test points (one brush: the symbol atlas keys on it)
#: A point within this many screen pixels of the pointer is hovered (its label is shown).
HOVER_REACH_PX = 10
#: Size by loss: a point's diameter is its normal size times 0.6 … 2.2, growing with
#: loss / (loss + median loss), so the median-loss point keeps about its normal size.
LOSS_SIZE_RANGE = (0.6, 2.2)


def loss_size_factors(loss) -> np.ndarray:
    """(n,) diameter factors in LOSS_SIZE_RANGE for per-point losses ``loss`` (n,) ≥ 0:
    strictly increasing in the loss (monotone: a bigger loss gets a bigger symbol), 1 for all
    when every loss is 0; a non-finite loss gets the largest size."""
    loss = np.asarray(loss, dtype=np.float64).reshape(-1)
    lo, hi = LOSS_SIZE_RANGE
    finite = np.isfinite(loss)
    if loss.size == 0 or not finite.any():
        return np.full(loss.size, hi if loss.size else 1.0)
    scale = float(np.median(loss[finite]))
    if scale <= 0.0:
        scale = float(np.max(loss[finite]))
    if scale <= 0.0:
        return np.ones(loss.size)
    clipped = np.clip(np.where(finite, loss, 0.0), 0.0, None)
    share = np.where(finite, clipped / (clipped + scale), 1.0)
    return lo + (hi - lo) * share


#: The prediction image is upsampled (bilinear, in NumPy) by this factor before drawing, so a
#: coarse grid — cheap to compute every frame during Play — still shows a smooth boundary,
#: while Qt scales the result with fast nearest-neighbour sampling.
UPSAMPLE = 4


def _interpolation_matrix(n: int, factor: int) -> np.ndarray:
    """(n·factor, n) weights of linear interpolation from n cell centres to n·factor
    sub-cell centres covering the same extent (edge values held)."""
    fine = (np.arange(n * factor) + 0.5) / factor - 0.5  # sub-cell centres in cell units
    fine = np.clip(fine, 0.0, n - 1.0)
    lower = np.floor(fine).astype(int)
    upper = np.minimum(lower + 1, n - 1)
    weight = fine - lower
    matrix = np.zeros((n * factor, n))
    rows = np.arange(n * factor)
    matrix[rows, lower] += 1.0 - weight
    matrix[rows, upper] += weight
    return matrix


def upsample(image: np.ndarray, factor: int = UPSAMPLE) -> np.ndarray:
    """Bilinear upsampling of an opaque (h, w, 4) uint8 image to (h·factor, w·factor, 4)."""
    h, w = image.shape[:2]
    rows = _interpolation_matrix(h, factor).astype(np.float32)
    cols = _interpolation_matrix(w, factor).T.astype(np.float32)
    out = np.empty((h * factor, w * factor, 4), dtype=np.uint8)
    for channel in range(3):
        plane = rows @ image[..., channel].astype(np.float32) @ cols
        out[..., channel] = np.clip(plane + 0.5, 0, 255)
    out[..., 3] = 255
    return out


def cache_as_pixmaps(item: QtWidgets.QGraphicsItem) -> None:
    """Let Qt keep ``item`` and its descendants as pixmaps in device coordinates
    (``DeviceCoordinateCache``), so a repaint blits them instead of laying out their text again.

    For the canvas's text and frame items (axes, legend, labels): the heatmap under them changes
    every Play frame, which repaints the whole plot; they themselves rarely change, and each
    change (``update()``) renders the cache again. ``pg.TextItem`` itself is skipped (its paint
    sets the painter's scene transform, which a cache pixmap cannot take); its text child is
    cached. Exports render without the cache (it needs a view), so they are unaffected."""
    if not isinstance(item, pg.TextItem):
        item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
    for child in item.childItems():
        cache_as_pixmaps(child)


class PassiveScatter(pg.ScatterPlotItem):
    """Scatter that lets clicks through to the ViewBox: a click on an existing point must
    still add, erase or select (pyqtgraph's scatter would otherwise swallow it)."""

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        ev.ignore()


class DrawingViewBox(pg.ViewBox):
    """A ViewBox that turns clicks and brush drags into signals instead of panning/zooming.

    sigCanvasClicked(QPointF data_pos, Qt.MouseButton, Qt.KeyboardModifiers)
    sigStroke(QPointF data_pos, str phase) with phase in {"start", "move", "finish"}
    """

    sigCanvasClicked = Signal(object, object, object)
    sigStroke = Signal(object, str)
    sigHover = Signal(object)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=False)
        self.tool = "draw"

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        if ev.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            ev.accept()
            self.sigCanvasClicked.emit(
                self.mapSceneToView(ev.scenePos()), ev.button(), ev.modifiers()
            )
        else:
            ev.ignore()

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802
        if self.tool != "brush" or ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        phase = "start" if ev.isStart() else "finish" if ev.isFinish() else "move"
        self.sigStroke.emit(self.mapSceneToView(ev.scenePos()), phase)

    def wheelEvent(self, ev, axis=None) -> None:  # noqa: N802
        ev.ignore()  # the canvas range is fixed: zooming would hide the data


class DataCanvas(pg.PlotWidget):
    """Central plot: training points filled, test points hollow, prediction heatmap behind.

    Signals (requests for the main window, which turns them into undo commands):
    - addRequested(x, y, alternate): left click (alternate=False) or right click (True).
    - eraseRequested(x, y): Ctrl+click, or a click with the eraser tool.
    - strokeRequested(x, y, phase): brush drag; phase "start" | "move" | "finish".
    - selectRequested(x, y): Shift+click, to select the nearest sample (inspector).
    """

    addRequested = Signal(float, float, bool)
    eraseRequested = Signal(float, float)
    strokeRequested = Signal(float, float, str)
    selectRequested = Signal(float, float)
    #: the visible range changed (a resize while the aspect ratio is locked, or a new range)
    visibleRangeChanged = Signal()
    #: the legend and the sample label were placed (marks of overlays place theirs after them)
    marksPlaced = Signal()

    def __init__(self, parent=None) -> None:
        self.view_box = DrawingViewBox()
        super().__init__(parent=parent, viewBox=self.view_box)
        self.setBackground("w")
        self.plot_item = self.getPlotItem()
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen("#404040"))
            axis.setTextPen(pg.mkPen("#202020"))
            axis.enableAutoSIPrefix(False)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(260, 240)

        self.heatmap = pg.ImageItem(axisOrder="row-major")
        self.heatmap.setZValue(-10)
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#D55E00", width=3))
        self.curve.setZValue(5)
        # One item for training (filled) and test (hollow) points, with per-point brush and
        # pen. The points rarely change but the heatmap under them does every frame, so the
        # item is cached as one pixmap and only blitted. (train_scatter / test_scatter are the
        # same item, kept as names for code that scales or inspects "the points".)
        self.points_scatter = PassiveScatter(size=_TRAIN_SIZE, pxMode=True)
        self.points_scatter.setZValue(10)
        self.points_scatter.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.train_scatter = self.test_scatter = self.points_scatter
        self.batch_scatter = PassiveScatter(
            size=_TRAIN_SIZE + 8, pxMode=True, brush=None,
            pen=pg.mkPen("#111111", width=1.6), symbol="o",
        )
        self.batch_scatter.setZValue(9)
        self.selected_scatter = PassiveScatter(
            size=_TRAIN_SIZE + 14, pxMode=True, brush=None,
            pen=pg.mkPen("#CC0000", width=2.5), symbol="o",
        )
        self.selected_scatter.setZValue(12)
        #: points lit up from another view (the metrics view's hovered matrix cell)
        self.highlight_scatter = PassiveScatter(
            size=_TRAIN_SIZE + 10, pxMode=True, brush=pg.mkBrush(255, 200, 0, 110),
            pen=pg.mkPen("#E69F00", width=2.5), symbol="o",
        )
        self.highlight_scatter.setZValue(11)
        self.highlight_scatter.setVisible(False)
        #: "#k" next to the selected sample's ring (k: its training-set index, as the inspector)
        self.selected_label = pg.TextItem(color="#CC0000", anchor=(-0.15, 1.0),
                                          fill=pg.mkBrush(255, 255, 255, 190))
        self.selected_label.setZValue(15)
        #: the hovered point's class, prediction and loss (text from ``hover_text``)
        self.hover_label = pg.TextItem(color="#202020", anchor=(0.0, 1.0),
                                       fill=pg.mkBrush(255, 255, 240, 235),
                                       border=pg.mkPen("#808080"))
        for item in (self.heatmap, self.curve, self.points_scatter, self.batch_scatter,
                     self.highlight_scatter, self.selected_scatter, self.selected_label):
            self.plot_item.addItem(item)
        # on the view box itself (pixel coordinates), above the legend
        self.hover_label.setParentItem(self.view_box)
        self.hover_label.setZValue(40)
        self.selected_label.setVisible(False)
        self.hover_label.setVisible(False)
        self.legend = CanvasLegend(self.view_box)
        # the presenter's scaling pass resizes the legend's text and samples: placed again
        # (corner, compact form, sample label) once the event loop runs
        self._placed_legend_size = QtCore.QSizeF()
        self._placing = False
        self._place_timer = QtCore.QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.place_marks)
        self.legend.item.geometryChanged.connect(self._legend_resized)
        for item in (self.plot_item.getAxis("left"), self.plot_item.getAxis("bottom"),
                     self.selected_label, self.hover_label, self.legend.item):
            cache_as_pixmaps(item)
        #: hover_text(index into the points) -> str, set by the presenter; None: no hover label
        self.hover_text = None
        #: legend_entries() -> the legend's rows in the current language, set by the presenter
        self.legend_entries = None
        self.hovered: int | None = None
        self._positions = np.empty((0, 2))
        self._order = np.empty(0, dtype=np.int64)
        self._size_factors: np.ndarray | None = None
        self._selected_position: np.ndarray | None = None
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        manager().languageChanged.connect(self.retranslate)
        self.apply_view_look()

        self.view_box.sigCanvasClicked.connect(self._on_click)
        self.view_box.sigStroke.connect(self._on_stroke)

        self.discretize = False
        self.task = "classification"
        self.dim = 2
        self._last_grid: tuple | None = None
        self._brushes: dict[tuple, QtGui.QBrush] = {}
        self._pens: dict[tuple, QtGui.QPen] = {}
        self._visible: tuple | None = None
        self.view_box.sigRangeChanged.connect(self._on_range_changed)
        self.view_box.sigResized.connect(self.place_marks)
        self.set_view_range((-6.0, 6.0), (-6.0, 6.0))

    # ----------------------------------------------------------------- geometry
    def set_view_range(self, x_range: tuple[float, float], y_range: tuple[float, float],
                       equal_aspect: bool = False) -> None:
        """Fix the data range to show (no auto-range, no padding, no zoom).

        With ``equal_aspect`` one data unit spans the same number of pixels along x and y (the
        data is drawn to scale): the plot then shows at least ``x_range`` × ``y_range``, widened
        along one axis to the widget's shape (see :meth:`visible_range`).
        """
        self.view_box.disableAutoRange()
        self.view_box.setAspectLocked(bool(equal_aspect), ratio=1.0)
        self.view_box.setRange(xRange=x_range, yRange=y_range, padding=0.0)
        self._x_range = (float(x_range[0]), float(x_range[1]))
        self._y_range = (float(y_range[0]), float(y_range[1]))
        self._on_range_changed()

    @property
    def equal_aspect(self) -> bool:
        """True while the aspect ratio is locked to 1:1."""
        return bool(self.view_box.state["aspectLocked"])

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The requested data range ((x0, x1), (y0, y1)), always inside the visible range."""
        return self._x_range, self._y_range

    def visible_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The data range the plot shows ((x0, x1), (y0, y1)); the prediction map covers it.
        Equals :meth:`view_range` unless the aspect ratio is locked."""
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        return (float(x0), float(x1)), (float(y0), float(y1))

    def plot_pixels(self) -> tuple[float, float]:
        """Width and height (screen pixels) of the plotting area inside the axes."""
        rect = self.view_box.boundingRect()
        return float(rect.width()), float(rect.height())

    def _on_range_changed(self, *_args) -> None:
        visible = self.visible_range()
        if visible != self._visible:
            self._visible = visible
            self.place_marks()
            self.visibleRangeChanged.emit()

    def set_axis_labels(self, x_label: str, y_label: str) -> None:
        self.plot_item.setLabel("bottom", x_label)
        self.plot_item.setLabel("left", y_label)

    def data_to_widget(self, x: float, y: float) -> QtCore.QPointF:
        """Data coordinates → viewport pixel position (float), for tests and tooltips."""
        scene_pos = self.view_box.mapViewToScene(QtCore.QPointF(x, y))
        return self.viewportTransform().map(scene_pos)

    def pixel_size(self) -> tuple[float, float]:
        """Data units per screen pixel along x and y."""
        px = self.view_box.viewPixelSize()
        return float(px[0]), float(px[1])

    def set_tool(self, tool: str) -> None:
        if tool not in TOOLS:
            raise ValueError(f"tool must be one of {TOOLS}, got {tool!r}")
        self.view_box.tool = tool
        shape = {"draw": Qt.CursorShape.CrossCursor, "brush": Qt.CursorShape.PointingHandCursor,
                 "erase": Qt.CursorShape.ForbiddenCursor}[tool]
        self.setCursor(shape)

    # ------------------------------------------------------------------- input
    def _on_click(self, pos: QtCore.QPointF, button, modifiers) -> None:
        x, y = float(pos.x()), float(pos.y())
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.selectRequested.emit(x, y)
        elif ctrl or self.view_box.tool == "erase":
            self.eraseRequested.emit(x, y)
        else:
            self.addRequested.emit(x, y, button == Qt.MouseButton.RightButton)

    def _on_stroke(self, pos: QtCore.QPointF, phase: str) -> None:
        self.strokeRequested.emit(float(pos.x()), float(pos.y()), phase)

    # ------------------------------------------------------------------ points
    def _brush(self, rgba: tuple) -> QtGui.QBrush:
        brush = self._brushes.get(rgba)
        if brush is None:
            brush = self._brushes[rgba] = pg.mkBrush(*rgba)
        return brush

    def _pen(self, rgba: tuple, width: float) -> QtGui.QPen:
        key = (*rgba, width)
        pen = self._pens.get(key)
        if pen is None:
            pen = self._pens[key] = pg.mkPen(color=rgba, width=width)
        return pen

    def set_points(self, positions: np.ndarray, colours: np.ndarray, split: np.ndarray) -> None:
        """Draw points. positions (n, 2) canvas coordinates; colours (n, 4) uint8; split (n,)
        split codes (``core.datasets.TRAIN`` / ``VALIDATION`` / ``TEST``) or a bool training
        mask (the rest test points).

        Training points are filled discs with a thin white outline; validation points are
        half-transparent squares with a ring in their colour; test points are hollow rings.
        """
        positions = np.asarray(positions, dtype=np.float64).reshape(-1, 2)
        split = np.asarray(split).reshape(-1)
        if split.dtype == bool:
            split = np.where(split, TRAIN, TEST)
        train = split == TRAIN
        validation = split == VALIDATION
        test = ~train & ~validation
        fill, validation_fill, ring, inverse = self._styles_by_colour(colours)
        brushes = fill[inverse]
        brushes[validation] = validation_fill[inverse[validation]]
        brushes[test] = _HOLLOW
        pens = ring[inverse]
        pens[train] = _DARK_OUTLINE if self.task == "regression" else _OUTLINE
        symbols = np.where(validation, VALIDATION_SYMBOL, "o").astype(object)
        # validation above training, test on top
        order = np.concatenate([np.flatnonzero(train), np.flatnonzero(validation),
                                np.flatnonzero(test)])
        self._positions, self._order = positions, order
        if self._size_factors is not None and len(self._size_factors) != len(positions):
            self._size_factors = None
        # one setData with the sizes: a later setSize would lay out every symbol again
        self.points_scatter.setData(pos=positions[order], brush=brushes[order],
                                    pen=pens[order], symbol=symbols[order],
                                    size=self._drawn_sizes())
        self.hover_at(None)
        self.place_marks()

    def _styles_by_colour(self, colours) -> tuple[np.ndarray, ...]:
        """Per distinct colour of ``colours`` (n, 4) uint8 RGBA: the training fill, the
        validation fill and the ring pen (object arrays of cached brushes/pens), and (n,) the
        index of each point's colour in them. A scene has a few class colours (a regression
        one can have a colour per point); each distinct colour makes its brushes and pen once."""
        rgba = np.asarray(colours).reshape(-1, 4).astype(np.int64)
        packed = ((rgba[:, 0] * 256 + rgba[:, 1]) * 256 + rgba[:, 2]) * 256 + rgba[:, 3]
        distinct, first, inverse = np.unique(packed, return_index=True, return_inverse=True)
        fill = np.empty(len(distinct), dtype=object)
        validation_fill = np.empty(len(distinct), dtype=object)
        ring = np.empty(len(distinct), dtype=object)
        for i, row in enumerate(rgba[first]):
            key = tuple(int(c) for c in row)
            fill[i] = self._brush(key)
            validation_fill[i] = self._brush((*key[:3], VALIDATION_ALPHA))
            ring_rgba = row.astype(float)
            if self.task == "regression":  # a near-white target colour would leave no ring
                ring_rgba[:3] = 0.55 * ring_rgba[:3] + 0.45 * 0x40
            ring[i] = self._pen(tuple(int(c) for c in ring_rgba), 2.2)
        return fill, validation_fill, ring, inverse.reshape(-1)

    # ------------------------------------------------------------ size by loss
    def set_size_factors(self, factors: np.ndarray | None) -> None:
        """Size points by ``factors`` (n,) (one per point, in set_points order: e.g.
        :func:`loss_size_factors`), or all at the normal size (None)."""
        self._size_factors = None if factors is None else np.asarray(
            factors, dtype=np.float64).reshape(-1)
        if self._size_factors is not None and len(self._size_factors) != len(self._positions):
            raise ValueError(f"need {len(self._positions)} size factors, "
                             f"got {len(self._size_factors)}")
        self._apply_sizes()

    def point_sizes(self) -> np.ndarray:
        """(n,) diameters (pixels) the points are drawn with, in set_points order."""
        base = float(self.points_scatter.opts["size"])
        drawn = np.asarray(self.points_scatter.data["size"], dtype=np.float64)
        sizes = np.where(drawn < 0, base, drawn)
        out = np.empty(len(self._order))
        out[self._order] = sizes
        return out

    def _drawn_sizes(self) -> np.ndarray:
        """(n,) per-point sizes for the scatter, in drawing order: -1 (the item's default size,
        which presenter mode scales) unless sizes by loss are set."""
        if self._size_factors is None:
            return np.full(len(self._order), -1.0)
        return float(self.points_scatter.opts["size"]) * self._size_factors[self._order]

    def _apply_sizes(self) -> None:
        if len(self._order) == 0:
            return
        self.points_scatter.setSize(self._drawn_sizes())

    # ------------------------------------------------------------------ hover
    def _on_mouse_moved(self, scene_pos) -> None:
        if not self.view_box.sceneBoundingRect().contains(scene_pos):
            self.hover_at(None)
            return
        pos = self.view_box.mapSceneToView(scene_pos)
        self.hover_at(float(pos.x()), float(pos.y()))

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """The pointer left the canvas (a tool bar button, a menu, a dialog): no point is
        hovered any more, so its label goes (a step would otherwise refresh it for good)."""
        super().leaveEvent(event)
        self.hover_at(None)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """Hidden (another workspace, a view in front): the hover ends with it."""
        super().hideEvent(event)
        self.hover_at(None)

    def nearest_point(self, x: float, y: float, reach_px: float = HOVER_REACH_PX) -> int | None:
        """Index (set_points order) of the point nearest to data position (x, y) on screen, or
        None if none lies within ``reach_px`` pixels."""
        if len(self._positions) == 0:
            return None
        px, py = self.pixel_size()
        distance = np.hypot((self._positions[:, 0] - x) / max(px, 1e-300),
                            (self._positions[:, 1] - y) / max(py, 1e-300))
        best = int(np.argmin(distance))
        return best if distance[best] <= reach_px else None

    def hover_at(self, x: float | None, y: float | None = None) -> int | None:
        """Show the hover label of the point nearest to data position (x, y) (within
        HOVER_REACH_PX pixels), or hide it (x None or no point near); returns the point's
        index or None."""
        index = None if x is None or self.hover_text is None else self.nearest_point(x, y)
        self.hovered = index
        if index is None:
            self.hover_label.setVisible(False)
            return None
        self.refresh_hover()
        return index

    def refresh_hover(self) -> None:
        """Redraw the hover label's text (after a step: a new prediction and loss)."""
        if self.hovered is None or self.hover_text is None:
            return
        if self.hovered >= len(self._positions):
            self.hover_at(None)
            return
        x, y = self._positions[self.hovered]
        self.hover_label.setText(self.hover_text(self.hovered))
        (x0, x1), (y0, y1) = self.visible_range()
        # open towards the plot's centre, so the label stays inside the plot
        self.hover_label.setAnchor((1.05 if x > (x0 + x1) / 2 else -0.05,
                                    -0.1 if y > (y0 + y1) / 2 else 1.1))
        self.hover_label.setPos(self.view_box.mapFromView(QtCore.QPointF(x, y)))
        self.hover_label.setVisible(True)

    def set_batch(self, positions: np.ndarray | None) -> None:
        """Ring the current mini-batch (canvas coordinates, (m, 2)); None or empty hides it."""
        if positions is None or len(positions) == 0:
            if self.batch_scatter.isVisible():
                self.batch_scatter.setData(pos=np.empty((0, 2)))
                self.batch_scatter.setVisible(False)
            return
        self.batch_scatter.setData(pos=np.asarray(positions, dtype=np.float64).reshape(-1, 2))
        self.batch_scatter.setVisible(True)

    def set_highlighted(self, positions: np.ndarray | None) -> None:
        """Light up points (canvas coordinates, (m, 2)); None or empty turns the light off."""
        if positions is None or len(positions) == 0:
            if self.highlight_scatter.isVisible():
                self.highlight_scatter.setData(pos=np.empty((0, 2)))
                self.highlight_scatter.setVisible(False)
            return
        self.highlight_scatter.setData(pos=np.asarray(positions, dtype=np.float64).reshape(-1, 2))
        self.highlight_scatter.setVisible(True)

    def set_selected(self, position: np.ndarray | None, label: str = "") -> None:
        """Mark the selected sample (canvas coordinates (2,)) with a ring and ``label`` (e.g.
        "#3"), or hide the marker (None)."""
        if position is None:
            self._selected_position = None
            if self.selected_scatter.isVisible():
                self.selected_scatter.setData(pos=np.empty((0, 2)))
                self.selected_scatter.setVisible(False)
            self.selected_label.setVisible(False)
            return
        position = np.asarray(position, dtype=np.float64).reshape(2)
        if (self._selected_position is not None and self.selected_scatter.isVisible()
                and np.array_equal(position, self._selected_position)
                and label == self.selected_label.toPlainText()):
            return  # every Play frame asks again: the ring, label and legend stay placed
        self._selected_position = position
        self.selected_scatter.setData(pos=position.reshape(1, 2))
        self.selected_scatter.setVisible(True)
        self.selected_label.setText(label)
        self.selected_label.setPos(float(position[0]), float(position[1]))
        self.selected_label.setVisible(bool(label))
        self.place_marks()

    def selected_position(self) -> np.ndarray | None:
        """Canvas coordinates (2,) of the selected-sample ring, or None when hidden."""
        return None if self._selected_position is None else self._selected_position.copy()

    # ----------------------------------------------------------------- legend
    def set_legend(self, entries) -> None:
        """The legend's rows (a sequence of gui.canvas.marks.LegendEntry); empty hides it."""
        self.legend.set_entries(entries)
        cache_as_pixmaps(self.legend.item)  # its new rows
        self.place_marks()

    def _plot_pixels_of(self, positions: np.ndarray) -> np.ndarray:
        """Data positions (n, 2) → view-box-local pixels (x right, y down)."""
        (x0, x1), (y0, y1) = self.visible_range()
        w, h = self.plot_pixels()
        positions = np.asarray(positions, dtype=np.float64).reshape(-1, 2)
        return np.column_stack([(positions[:, 0] - x0) / max(x1 - x0, 1e-300) * w,
                                (y1 - positions[:, 1]) / max(y1 - y0, 1e-300) * h])

    def _legend_resized(self) -> None:
        if not self._placing and self.legend.item.geometry().size() != self._placed_legend_size:
            self._place_timer.start()

    def place_marks(self, *_args) -> None:
        """Legend to the corner hiding the fewest points (the selected one counts most); the
        sample label to the side of its ring away from the legend."""
        self._placing = True
        try:
            self._place_marks()
        finally:
            self._placing = False
            self._placed_legend_size = self.legend.item.geometry().size()
        self.marksPlaced.emit()

    def _place_marks(self) -> None:
        if self.legend.item.isVisible():
            pixels, weights = self._positions, np.ones(len(self._positions))
            if self._selected_position is not None:
                pixels = np.vstack([pixels, self._selected_position])
                weights = np.append(weights, 1e6)
            self.legend.place(self._plot_pixels_of(pixels), weights)
        if self._selected_position is None:
            return
        # the label opens towards the plot's centre, else to the first side the legend leaves
        # free (a small canvas at presenter size: the legend may reach past the centre)
        x, y = self._selected_position
        (x0, x1), (y0, y1) = self.visible_range()
        right, top = x <= (x0 + x1) / 2, y <= (y0 + y1) / 2
        sides = [(right, top), (not right, top), (right, not top), (not right, not top)]
        legend = self.legend.rect_in_view_box() if self.legend.item.isVisible() else None
        fits = False
        for right, top in sides:
            self.selected_label.setAnchor((-0.15 if right else 1.15, 1.0 if top else 0.0))
            if legend is None or not legend.intersects(self.selected_label.mapRectToItem(
                    self.view_box, self.selected_label.boundingRect())):
                fits = True
                break
        # no free side (a small canvas at presenter size): the label is dropped before it
        # overlaps the legend; the ring still marks the sample, hovering it names it
        self.selected_label.setVisible(fits and bool(self.selected_label.toPlainText()))

    # ------------------------------------------------------------ text layout
    def text_rects(self) -> list[tuple[str, QtCore.QRectF]]:
        """Every visible text on the canvas as (text, rectangle) in this widget's viewport
        pixels: axis labels, legend rows, the sample label, the hover label, overlay captions
        (any visible ``pg.TextItem`` on the plot). For layout reports (overlap checks)."""
        out: list[tuple[str, QtCore.QRectF]] = []
        self.view_box.childTransform()  # brings a view-range change not yet painted in

        def add(text: str, item) -> None:
            if text and item.isVisible():
                rect = item.mapRectToScene(item.boundingRect())
                out.append((text, self.viewportTransform().mapRect(rect)))

        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            if axis.isVisible() and axis.label is not None and axis.label.isVisible():
                add(axis.label.toPlainText(), axis.label)
        for label in self.legend.label_items():
            add(label.text, label.item)  # the text itself, not its layout cell
        for item in [*self.view_box.addedItems, self.hover_label]:
            if isinstance(item, pg.TextItem):
                item.updateTransform(force=True)  # else placed at the last paint's scale
                add(item.toPlainText(), item)
        return out

    def retranslate(self, _language: str = "") -> None:
        """The legend (and an open hover label) in the new language."""
        if self.legend_entries is not None:
            self.set_legend(self.legend_entries())
        self.refresh_hover()

    def apply_view_look(self) -> None:
        """Presenter font scale (``gui.common.themes.apply_theme`` calls it): the sample's and
        the hover labels' fonts grow with it (the legend's: the presenter's scaling pass)."""
        scale = float(view_look().get("font_scale", 1.0))
        font = QtGui.QFont(self.font())
        font.setPointSizeF(9.0 * scale)
        for item in (self.selected_label, self.hover_label):
            item.setFont(font)
        self.place_marks()

    # --------------------------------------------------------------- heatmaps
    def _place_grid(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Stretch the current image over the grid: cell (j, i) centred on (xs[i], ys[j]), row 0
        at the bottom (+y up). Call after ``setImage``: the transform scales image pixels to data
        units, so it depends on the image size too (a discretized image is not upsampled)."""
        key = (xs[0], xs[-1], len(xs), ys[0], ys[-1], len(ys), self.heatmap.image.shape[:2])
        if key == self._last_grid:
            return
        self._last_grid = key
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        self.heatmap.setRect(QtCore.QRectF(
            xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))

    def set_probability_grid(self, xs: np.ndarray, ys: np.ndarray, values: np.ndarray) -> None:
        """Decision boundary: values (len(ys), len(xs), K) probabilities (K = 1 → p(class 1))."""
        image = colors.probability_image(values, discretize=self.discretize)
        if not self.discretize:  # keep class regions crisp when discretized
            image = upsample(image)
        self.heatmap.setImage(image, levels=(0, 255), autoLevels=False)
        self._place_grid(np.asarray(xs, float), np.asarray(ys, float))
        self.heatmap.setVisible(True)

    def set_value_grid(self, xs: np.ndarray, ys: np.ndarray, values: np.ndarray,
                       levels: tuple[float, float]) -> None:
        """2-D regression: values (len(ys), len(xs)) predicted values on the diverging map."""
        image = upsample(colors.value_image(values, levels))
        self.heatmap.setImage(image, levels=(0, 255), autoLevels=False)
        self._place_grid(np.asarray(xs, float), np.asarray(ys, float))
        self.heatmap.setVisible(True)

    def hide_grid(self) -> None:
        self.heatmap.setVisible(False)

    def set_curve(self, xs: np.ndarray | None, predictions: np.ndarray | None) -> None:
        """1-D regression: the model's curve ŷ(x); non-finite values leave gaps. None hides it."""
        if xs is None or predictions is None:
            self.curve.setData([], [])
            self.curve.setVisible(False)
            return
        y = np.asarray(predictions, dtype=np.float64).reshape(-1)
        self.curve.setData(np.asarray(xs, dtype=np.float64), y, connect="finite")
        self.curve.setVisible(True)

    def set_mode(self, task: str, dim: int) -> None:
        """Remember how to draw: classification/regression, 1-D or 2-D inputs."""
        self.task = task
        self.dim = int(dim)
        if not (task == "regression" and self.dim == 1):
            self.set_curve(None, None)
        else:
            self.hide_grid()
