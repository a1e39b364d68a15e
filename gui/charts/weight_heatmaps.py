"""Weight and gradient heatmaps: one image per weight matrix, rows = neurons out, columns = in.

Each W^k (core ``net.weights[k−1]``, shape (out, in)) is an ``ImageItem(axisOrder="row-major")``
on the diverging blue–white–orange map with symmetric levels ±max|W^k|, row 0 at the top as in
the matrix. After Backward the images switch to ∂J/∂W^k (``trainer.last_gradients``); after
Update they show the weights again. Non-finite cells are transparent over a grey background.
Hover a cell for its value; click it to select that weight. Items are created once per network
shape and updated with ``setImage``; only a visible view redraws.

With batch normalization each hidden layer's box also holds two one-column images right of
W^k, γ^k and β^k (core ``net.bn_gamma[k−1]``, ``net.bn_beta[k−1]``; row i is unit i, as in
W^k's rows), each with its own symmetric levels ±max|γ^k|, ±max|β^k|; after Backward they show
∂J/∂γ^k and ∂J/∂β^k. Their cells are hovered and selected like the weights'.
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
#: Columns of space between W^k and the γ^k, β^k columns of a batch-normalized layer
BN_GAP = 0.6


class WeightHeatmaps(pg.GraphicsLayoutWidget):
    """Signal parameterClicked((layer, kind, i, j)) with core's 0-based indices; kind is "W",
    or with batch norm "gamma" / "beta" (j = 0)."""

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
        #: per hidden layer with batch norm: {"gamma": ImageItem, "beta": ImageItem}
        self.bn_images: list[dict[str, pg.ImageItem]] = []
        self.bn_arrays: list[dict[str, np.ndarray]] = []
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

    def _build(self, shapes: tuple, batch_norm: bool = False) -> None:
        """One title + view box + image per weight matrix, plus the γ and β columns of every
        hidden layer with ``batch_norm`` (only when the shapes change)."""
        self.ci.clear()
        self.images, self.boxes, self.titles, self.bn_images = [], [], [], []
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
            width = n_in
            if batch_norm and l < len(shapes) - 1:
                columns = {}
                for c, kind in enumerate(("gamma", "beta")):
                    column = pg.ImageItem(axisOrder="row-major")
                    column.setLookupTable(self._lut)
                    column.setImage(np.zeros((n_out, 1), dtype=np.float32), levels=(-1.0, 1.0),
                                    autoLevels=False)
                    column.setRect(QtCore.QRectF(n_in + BN_GAP + c, 0, 1, n_out))
                    box.addItem(column)
                    columns[kind] = column
                self.bn_images.append(columns)
                width = n_in + BN_GAP + 2
            box.setRange(xRange=(0, width), yRange=(0, n_out), padding=0.02)
            self.titles.append(title)
            self.boxes.append(box)
            self.images.append(image)
        self._shapes = shapes
        self._batch_norm = batch_norm

    def redraw(self) -> None:
        c = self.controller
        if c is None:
            return
        trainer = c.trainer
        net = trainer.net
        shapes = tuple(w.shape for w in net.weights)
        batch_norm = bool(getattr(net, "batch_norm", False))
        if shapes != self._shapes or batch_norm != getattr(self, "_batch_norm", False):
            self._build(shapes, batch_norm)
        gradients = trainer.last_gradients
        if trainer.phase == "backward" and gradients is not None:
            self.mode, arrays, symbol = "gradients", gradients.weights, "∂J/∂W"
            bn_arrays, prefix = (gradients.bn_gamma, gradients.bn_beta), "∂J/∂"
        else:
            self.mode, arrays, symbol = "weights", net.weights, "W"
            bn_arrays, prefix = ((net.bn_gamma, net.bn_beta) if batch_norm else ([], [])), ""
        self.arrays = [np.array(a, dtype=np.float64) for a in arrays]
        self.bn_arrays = [{"gamma": np.array(g, dtype=np.float64),
                           "beta": np.array(b, dtype=np.float64)}
                          for g, b in zip(*bn_arrays, strict=True)][:len(self.bn_images)]
        for l, (array, image, title) in enumerate(zip(self.arrays, self.images, self.titles,
                                                      strict=True)):
            image.setImage(np.ascontiguousarray(array, dtype=np.float32),
                           levels=colors.symmetric_levels(array), autoLevels=False)
            n_out, n_in = array.shape
            # the true extent: all-zero weights read ±0 (the levels are floored for drawing)
            extent = number(colors.max_abs_finite(array), 3)
            text = f"{symbol}{sup(l + 1)} ({n_out}×{n_in}) ±{extent}"
            if l < len(self.bn_arrays):  # lines of their own: the title stays as narrow as W's
                extents = []
                for kind, letter in (("gamma", "γ"), ("beta", "β")):
                    values = self.bn_arrays[l][kind]
                    self.bn_images[l][kind].setImage(
                        np.ascontiguousarray(values.reshape(-1, 1), dtype=np.float32),
                        levels=colors.symmetric_levels(values), autoLevels=False)
                    extents.append(f"{prefix}{letter} ±{number(colors.max_abs_finite(values), 3)}")
                text += "<br>" + "<br>".join(extents)
            title.setText(text)

    # ------------------------------------------------------------- interaction
    def cell_at(self, scene_pos) -> tuple[int, int, int] | None:
        """(layer, i, j) of the weight-matrix cell under a scene position, or None."""
        parameter = self.parameter_at(scene_pos)
        if parameter is None or parameter[1] != "W":
            return None
        return parameter[0], parameter[2], parameter[3]

    def parameter_at(self, scene_pos) -> tuple[int, str, int, int] | None:
        """(layer, kind, i, j) of the cell under a scene position — a weight ("W") or, with
        batch norm, a γ or β cell ("gamma" / "beta", j = 0) — or None."""
        for l, box in enumerate(self.boxes):
            if not box.sceneBoundingRect().contains(scene_pos):
                continue
            point = box.mapSceneToView(scene_pos)
            n_out, n_in = self._shapes[l]
            i, j = int(np.floor(point.y())), int(np.floor(point.x()))
            if 0 <= i < n_out and 0 <= j < n_in:
                return l, "W", i, j
            column = int(np.floor(point.x() - n_in - BN_GAP))
            if l < len(self.bn_images) and 0 <= i < n_out and column in (0, 1):
                return l, ("gamma", "beta")[column], i, 0
        return None

    def _on_move(self, scene_pos) -> None:
        parameter = self.parameter_at(scene_pos)
        if parameter is None or not self.arrays:
            QtWidgets.QToolTip.hideText()
            return
        l, kind, i, j = parameter
        name = ParamRef(*parameter).label()
        symbol = f"∂J/∂{name}" if self.mode == "gradients" else name
        if kind == "W":
            value = self.arrays[l][i, j]
            where = translate("WeightHeatmaps", "from unit {0} of layer {1} to unit {2} of "
                              "layer {3} · click to select").format(j, l, i, l + 1)
        else:
            if l >= len(self.bn_arrays):
                QtWidgets.QToolTip.hideText()
                return
            value = self.bn_arrays[l][kind][i]
            where = translate("WeightHeatmaps", "batch norm of unit {0} of layer {1} · click "
                              "to select").format(i, l + 1)
        text = f"{symbol} = {number(value, 6)}\n" + where
        view_pos = self.mapFromScene(scene_pos)
        QtWidgets.QToolTip.showText(self.mapToGlobal(view_pos), text, self)

    def _on_click(self, event) -> None:
        parameter = self.parameter_at(event.scenePos())
        if parameter is not None:
            self.parameterClicked.emit(parameter)
