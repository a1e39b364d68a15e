"""All the hidden-space view's points in ONE light plot item: a few fixed symbol styles.

``pg.ScatterPlotItem`` keeps a record per spot (styles, hover state, source rectangles) that
``setData`` rebuilds and ``paint`` re-culls every time; for 500 points redrawn after every
training step that cost several times the engine's forward pass. Here each point has a style
index chosen once per data change (:meth:`PointsItem.set_styles`) and a redraw only replaces the
(n, 2) positions (:meth:`PointsItem.set_positions`). Painting maps the positions to device
pixels and draws each style's pre-rendered symbol (``pyqtgraph``'s ``renderSymbol``, the
pixmaps ``ScatterPlotItem`` draws) with one ``QPainter.drawPixmapFragments`` per style, in
style order (a later style is drawn on top), at the symbol's pixel size whatever the zoom.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6 import QtCore, QtGui


class PointsItem(pg.GraphicsObject):
    """styles: one (symbol, size in px, QPen, QBrush) per style index, drawn in that order."""

    def __init__(self, styles) -> None:
        super().__init__()
        self._styles = tuple(styles)
        self._pixmaps: dict[float, list[QtGui.QPixmap]] = {}  # device pixel ratio → pixmaps
        self._pos = np.zeros((0, 2))
        self._order: list[np.ndarray] = [np.zeros(0, dtype=np.int64) for _ in self._styles]
        self._rect = QtCore.QRectF()
        # the symbols' half extent in pixels (pen included): the bounding rectangle's margin
        self._margin_px = max(size + pen.widthF() for _, size, pen, _ in self._styles) / 2 + 1
        # pyqtgraph's own fragment array (as ScatterPlotItem): PySide's drawPixmapFragments
        # takes a pointer to packed fragments
        self._fragments = PrimitiveArray(QtGui.QPainter.PixmapFragment, 10)

    # ------------------------------------------------------------------ data
    def set_styles(self, style_of_point: np.ndarray) -> None:
        """style_of_point: (n,) int, each point's style index (0 … len(styles) − 1)."""
        style_of_point = np.asarray(style_of_point, dtype=np.int64)
        self._order = [np.flatnonzero(style_of_point == k) for k in range(len(self._styles))]

    def set_positions(self, pos: np.ndarray) -> None:
        """pos: (n, 2) float, the points' (x, y) in data coordinates, in the order of the
        style indices given to :meth:`set_styles`."""
        pos = np.asarray(pos, dtype=np.float64).reshape(-1, 2)
        self.prepareGeometryChange()
        self._pos = pos
        if pos.shape[0]:
            (x0, y0), (x1, y1) = pos.min(axis=0), pos.max(axis=0)
            self._rect = QtCore.QRectF(x0, y0, x1 - x0, y1 - y0)
        else:
            self._rect = QtCore.QRectF()
        self.informViewBoundsChanged()
        self.update()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:  # noqa: N802 (pyqtgraph naming)
        """The drawn (x (n,), y (n,)) in the order given (as ``ScatterPlotItem.getData``)."""
        return self._pos[:, 0], self._pos[:, 1]

    # ------------------------------------------------------------------ geometry
    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # noqa: N802,N803 (pyqtgraph naming)
        if not self._pos.shape[0]:
            return (None, None)
        column = self._pos[:, ax]
        return (float(column.min()), float(column.max()))

    def boundingRect(self):  # noqa: N802 (Qt naming)
        if not self._pos.shape[0]:
            return QtCore.QRectF()
        px, py = self.pixelVectors()
        mx = 0.0 if px is None else px.length() * self._margin_px
        my = 0.0 if py is None else py.length() * self._margin_px
        return self._rect.adjusted(-mx, -my, mx, my)

    def viewTransformChanged(self):  # noqa: N802 (pyqtgraph naming)
        self.prepareGeometryChange()  # the pixel margin changed size in data units
        super().viewTransformChanged()

    # ------------------------------------------------------------------ paint
    def _symbol_pixmaps(self, dpr: float) -> list[QtGui.QPixmap]:
        if dpr not in self._pixmaps:
            self._pixmaps[dpr] = [QtGui.QPixmap.fromImage(renderSymbol(*style, dpr=dpr))
                                  for style in self._styles]
        return self._pixmaps[dpr]

    def paint(self, painter, option, widget=None) -> None:
        if not self._pos.shape[0]:
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        device = fn.transformCoordinates(painter.transform(), self._pos.T)
        device = fn.clip_array(device, -2 ** 30, 2 ** 30).T  # (n, 2) px; Qt fails far out
        painter.resetTransform()
        for pixmap, indices in zip(self._symbol_pixmaps(dpr), self._order, strict=True):
            if not indices.size:
                continue
            self._fragments.resize(indices.size)
            frags = self._fragments.ndarray()
            frags[:, 0:2] = device[indices]  # the fragment's centre
            frags[:, 2:6] = (0.0, 0.0, pixmap.width(), pixmap.height())  # source rectangle
            frags[:, 6:10] = (1.0 / dpr, 1.0 / dpr, 0.0, 1.0)  # scale x, y, rotation, opacity
            painter.drawPixmapFragments(*self._fragments.drawargs(), pixmap)
