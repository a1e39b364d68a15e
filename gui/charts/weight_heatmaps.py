"""Weight and gradient heatmaps: one image per weight matrix, rows = neurons out, columns = in.

Each W^k (core ``net.weights[k−1]``, shape (out, in)) is an ``ImageItem(axisOrder="row-major")``
on the diverging blue–white–orange map with symmetric levels ±max|W^k|, row 0 at the top as in
the matrix. After Backward the images switch to ∂J/∂W^k (``trainer.last_gradients``); after
Update they show the weights again. Non-finite cells are transparent over a grey background.
Hover a cell for its value; click it to select that weight. Items are created once per network
shape and updated with ``setImage``; only a visible view redraws.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal

from gui.common import colors
from gui.common.i18n import translate
from core.parameters import ParamRef, sup
from gui.common.number_format import number
from gui.common.refresh import RefreshGate, connect_redraws

NAN_BACKGROUND = "#9E9E9E"


class WeightHeatmaps(pg.GraphicsLayoutWidget):
    """Signal parameterClicked((layer, "W", i, j)) with core's 0-based indices."""

    #: Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry
    #: (gui.app_window.view_registry) reads this.
    REDRAWS_ON = ("stepped", "phaseCompleted", "weightsChanged", "dataChanged")

    parameterClicked = Signal(object)

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent=parent)
        self.setBackground("w")
        self.setMinimumSize(240, 140)
        self.controller = None
        self.images: list[pg.ImageItem] = []
        self.boxes: list[pg.ViewBox] = []
        self.titles: list[pg.LabelItem] = []
        self.mode = "weights"
        self.arrays: list[np.ndarray] = []
        self._shapes: tuple | None = None
        self._lut = colors.diverging_lut(256)
        self.scene().sigMouseMoved.connect(self._on_move)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.gate = RefreshGate(self, self.redraw, min_interval=0.1)
        if controller is not None:
            self.set_controller(controller)

    def set_controller(self, controller) -> None:
        self.controller = controller
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        self.gate.request()

    def _build(self, shapes: tuple) -> None:
        """One title + view box + image per weight matrix (only when the shapes change)."""
        self.ci.clear()
        self.images, self.boxes, self.titles = [], [], []
        for l, (n_out, n_in) in enumerate(shapes):
            title = self.addLabel(f"W{sup(l + 1)}", row=0, col=l, size="9pt", color="#202020")
            box = self.addViewBox(row=1, col=l, lockAspect=True, enableMouse=False,
                                  enableMenu=False, invertY=True)
            box.setBackgroundColor(NAN_BACKGROUND)
            image = pg.ImageItem(axisOrder="row-major")
            image.setLookupTable(self._lut)
            # setRect scales by the current image size, so it needs an image of the final shape
            image.setImage(np.zeros((n_out, n_in), dtype=np.float32), levels=(-1.0, 1.0),
                           autoLevels=False)
            image.setRect(QtCore.QRectF(0, 0, n_in, n_out))
            box.addItem(image)
            box.setRange(xRange=(0, n_in), yRange=(0, n_out), padding=0.02)
            self.titles.append(title)
            self.boxes.append(box)
            self.images.append(image)
        self._shapes = shapes

    def redraw(self) -> None:
        c = self.controller
        if c is None:
            return
        trainer = c.trainer
        shapes = tuple(w.shape for w in trainer.net.weights)
        if shapes != self._shapes:
            self._build(shapes)
        gradients = trainer.last_gradients
        if trainer.phase == "backward" and gradients is not None:
            self.mode, arrays, symbol = "gradients", gradients.weights, "∂J/∂W"
        else:
            self.mode, arrays, symbol = "weights", trainer.net.weights, "W"
        self.arrays = [np.array(a, dtype=np.float64) for a in arrays]
        for l, (array, image, title) in enumerate(zip(self.arrays, self.images, self.titles,
                                                      strict=True)):
            image.setImage(np.ascontiguousarray(array, dtype=np.float32),
                           levels=colors.symmetric_levels(array), autoLevels=False)
            n_out, n_in = array.shape
            # the true extent: all-zero weights read ±0 (the levels are floored for drawing)
            extent = number(colors.max_abs_finite(array), 3)
            title.setText(f"{symbol}{sup(l + 1)} ({n_out}×{n_in}) ±{extent}")

    # ------------------------------------------------------------- interaction
    def cell_at(self, scene_pos) -> tuple[int, int, int] | None:
        """(layer, i, j) of the matrix cell under a scene position, or None."""
        for l, box in enumerate(self.boxes):
            if not box.sceneBoundingRect().contains(scene_pos):
                continue
            point = box.mapSceneToView(scene_pos)
            n_out, n_in = self._shapes[l]
            i, j = int(np.floor(point.y())), int(np.floor(point.x()))
            if 0 <= i < n_out and 0 <= j < n_in:
                return l, i, j
        return None

    def _on_move(self, scene_pos) -> None:
        cell = self.cell_at(scene_pos)
        if cell is None or not self.arrays:
            QtWidgets.QToolTip.hideText()
            return
        l, i, j = cell
        name = ParamRef(l, "W", i, j).label()
        symbol = f"∂J/∂{name}" if self.mode == "gradients" else name
        text = (f"{symbol} = {number(self.arrays[l][i, j], 6)}\n"
                + translate("WeightHeatmaps", "from unit {0} of layer {1} to unit {2} of layer "
                            "{3} · click to select").format(j, l, i, l + 1))
        view_pos = self.mapFromScene(scene_pos)
        QtWidgets.QToolTip.showText(self.mapToGlobal(view_pos), text, self)

    def _on_click(self, event) -> None:
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            l, i, j = cell
            self.parameterClicked.emit((l, "W", i, j))
