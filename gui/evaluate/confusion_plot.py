"""The confusion matrix as a heatmap with a number in every cell, and cell hovering.

Rows are true classes (top row = class 0), columns predicted classes, as
``core.metrics.confusion_matrix``. The image and one text item per cell are created when the
number of classes changes and updated with ``setImage``/``setText``; the colour is the
row-normalized share (so a small class's mistakes show as clearly as a large class's).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore
from PySide6.QtCore import Signal

from core.metrics import row_normalized
from gui.common.legible_axes import TextHighAxis
from gui.common.number_format import fixed


class ConfusionPlot(pg.PlotWidget):
    """Signal ``cellHovered(i, j)``: the mouse is over cell (true i, predicted j); (-1, -1)
    when it leaves the matrix."""

    cellHovered = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, axisItems={"bottom": TextHighAxis("bottom")})
        self.setBackground("w")
        self.setMinimumSize(150, 120)
        self.plot_item = self.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.invertY(True)
        # cells fill the plot, not squares: in a short, wide view (a lesson column at presenter
        # 2x) square cells were narrower than the class names under them, which ran together
        self.plot_item.setAspectLocked(False)
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setTextPen(pg.mkPen("#202020"))
            axis.setPen(pg.mkPen("#606060"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(pg.ColorMap([0.0, 1.0], ["#FFFFFF", "#2166AC"]).getLookupTable(
            nPts=256))
        self.image.setLevels((0.0, 1.0))
        self.plot_item.addItem(self.image)
        self.cell_texts: list[list[pg.TextItem]] = []
        self.hovered: tuple[int, int] = (-1, -1)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _ensure_cells(self, k: int, names: list[str]) -> None:
        if len(self.cell_texts) != k:
            for row in self.cell_texts:  # only when the number of classes changes
                for item in row:
                    self.plot_item.removeItem(item)
            self.cell_texts = []
            for i in range(k):
                row = []
                for j in range(k):
                    item = pg.TextItem(anchor=(0.5, 0.5), color="#202020")
                    item.setPos(j + 0.5, i + 0.5)
                    self.plot_item.addItem(item)
                    row.append(item)
                self.cell_texts.append(row)
            self.plot_item.setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        ticks = [[(i + 0.5, name) for i, name in enumerate(names)]]
        self.plot_item.getAxis("left").setTicks(ticks)
        self.plot_item.getAxis("bottom").setTicks(ticks)

    def set_matrix(self, counts: np.ndarray, names: list[str], normalized: bool) -> None:
        """Show ``counts`` (K, K) ints: the numbers as counts, or as row shares when
        ``normalized`` (``core.metrics.row_normalized``)."""
        counts = np.asarray(counts)
        k = counts.shape[0]
        self._ensure_cells(k, names)
        shares = row_normalized(counts)
        self.image.setImage(shares, levels=(0.0, 1.0), autoLevels=False)
        self.image.setRect(QtCore.QRectF(0, 0, k, k))
        for i in range(k):
            for j in range(k):
                text = fixed(shares[i, j], 2) if normalized else str(int(counts[i, j]))
                item = self.cell_texts[i][j]
                item.setFont(self.font())  # the view's font: presenter mode scales it
                item.setText(text)
                item.setColor("#FFFFFF" if shares[i, j] > 0.55 else "#202020")

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        """The cell numbers follow the view's font at once (presenter mode scales it), not
        only at the next redraw."""
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            for row in getattr(self, "cell_texts", []):
                for item in row:
                    item.setFont(self.font())

    def texts(self) -> list[list[str]]:
        """The numbers shown, row by row (for tests)."""
        return [[item.textItem.toPlainText() for item in row] for row in self.cell_texts]

    def cell_at(self, x: float, y: float) -> tuple[int, int]:
        """(true i, predicted j) of the data point (x, y), or (-1, -1) outside."""
        k = len(self.cell_texts)
        i, j = int(np.floor(y)), int(np.floor(x))
        return (i, j) if 0 <= i < k and 0 <= j < k else (-1, -1)

    def hover_cell(self, i: int, j: int) -> None:
        """Make (i, j) the hovered cell (the mouse does this; tests call it)."""
        if (i, j) != self.hovered:
            self.hovered = (i, j)
            self.cellHovered.emit(i, j)

    def _on_mouse_moved(self, scene_pos) -> None:
        view_box = self.plot_item.getViewBox()
        if not view_box.sceneBoundingRect().contains(scene_pos):
            self.hover_cell(-1, -1)
            return
        point = view_box.mapSceneToView(scene_pos)
        self.hover_cell(*self.cell_at(point.x(), point.y()))

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.hover_cell(-1, -1)
        super().leaveEvent(event)
