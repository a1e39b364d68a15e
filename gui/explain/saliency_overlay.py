"""The saliency map on the data canvas: ‖∂f/∂x‖ over the plane of the raw inputs (2-D only),
f being the probability of the selected sample's predicted class (ŷ for regression), from
``core.attribution_report.saliency_grid`` — bright where moving a point changes the
prediction fastest, i.e. along the decision boundary.

A viridis image (perceptual; NaN cells grey) drawn above the decision boundary and below the
points, with a caption giving the scale. It takes a ``DataCanvas``-like object
(``plot_item``, ``visible_range()``, ``plot_pixels()``,
``visibleRangeChanged``) and the controller; items are created
once and updated with ``setImage``. The grid is computed in a worker thread (newest request
wins), redrawn through a ``RefreshGate`` on the canvas, only while enabled.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from core.attribution_report import AttributionInputs, output_function, saliency_grid
from core.attributions import AttributionError
from gui.common.i18n import translate
from gui.common.number_format import number
from gui.common.refresh import RefreshGate, connect_redraws
from gui.common.workers import JobRunner

#: At most RESOLUTION² grid cells (one backward pass each), square on screen.
RESOLUTION = 100
NAN_RGBA = (158, 158, 158, 200)
ALPHA = 215


def grid_cells(pixels, limit: int = RESOLUTION) -> tuple[int, int]:
    """(res_x, res_y): about square cells for a plot of ``pixels`` (w, h), at most
    ``limit``² cells, at least 2 along each axis."""
    w, h = (max(float(p), 1.0) for p in pixels)
    scale = limit / np.sqrt(w * h)
    return max(2, int(w * scale)), max(2, int(h * scale))


def saliency_job(inputs: AttributionInputs, visible_range, cells: tuple[int, int]):
    """Worker job: (xs, ys, norms, k) of the saliency grid whose cells tile
    ``visible_range`` ((x0, x1), (y0, y1)) — cell centres, as the decision boundary — or the
    AttributionError that prevents it."""
    (x0, x1), (y0, y1) = visible_range
    res_x, res_y = cells
    half_x, half_y = (x1 - x0) / (2 * res_x), (y1 - y0) / (2 * res_y)

    def job(_progress):
        if inputs.sample is None:
            return AttributionError("empty_background")
        _f, k = output_function(inputs.net, inputs.X_train[inputs.sample])
        try:
            return (*saliency_grid(inputs, (x0 + half_x, x1 - half_x),
                                   (y0 + half_y, y1 - half_y), (res_x, res_y), k), k)
        except AttributionError as error:
            return error

    return job


def saliency_rgba(norms: np.ndarray) -> tuple[np.ndarray, float]:
    """(RGBA uint8 (h, w, 4) on viridis scaled 0 … max, the max); NaN cells grey."""
    finite = np.isfinite(norms)
    top = float(norms[finite].max()) if finite.any() else 0.0
    scaled = np.where(finite, norms / top if top > 0 else 0.0, 0.0)
    rgba = pg.colormap.get("viridis").map(scaled.ravel(), mode="byte").reshape(
        *norms.shape, 4).astype(np.uint8)
    rgba[..., 3] = ALPHA
    rgba[~finite] = NAN_RGBA
    return np.ascontiguousarray(rgba), top


class SaliencyOverlay(QtCore.QObject):
    """‖∂f/∂x‖ over the canvas while enabled (:meth:`set_enabled`)."""

    REDRAWS_ON = ("stepped", "weightsChanged", "dataChanged", "pointsReplaced",
                  "selectionChanged")

    def __init__(self, canvas, controller, synchronous: bool = False) -> None:
        super().__init__(canvas)
        self.canvas, self.controller = canvas, controller
        self.enabled = False
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-9)  # above the decision boundary (-10), below the points
        self.caption = pg.TextItem(color="#202020", fill=pg.mkBrush(255, 255, 255, 210),
                                   anchor=(0, 1))  # bottom left: the legend sits at the top
        self.caption.setZValue(14)
        for item in (self.image, self.caption):
            canvas.plot_item.addItem(item)
            item.setVisible(False)
        self.maximum: float | None = None
        self.runner = None if synchronous else JobRunner("saliency", self)
        if self.runner is not None:
            self.runner.resultReady.connect(lambda _id, result: self.show_result(result))
        self.gate = RefreshGate(canvas, self.redraw, min_interval=0.3)
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        canvas.visibleRangeChanged.connect(self.gate.request)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = bool(enabled)
        if self.enabled:
            self.gate.request()
        else:
            if self.runner is not None:
                self.runner.cancel()
            self.hide()

    def hide(self) -> None:
        self.image.setVisible(False)
        self.caption.setVisible(False)

    def redraw(self) -> None:
        if not self.enabled:
            return
        session = self.controller.session
        if session.points.dim != 2:
            self.hide()
            return
        inputs = AttributionInputs.from_session(session, self.controller.selected_sample)
        job = saliency_job(inputs, self.canvas.visible_range(),
                           grid_cells(self.canvas.plot_pixels()))
        if self.runner is None:
            self.show_result(job(lambda _fraction: None))
        else:
            self.runner.submit(job)

    def show_result(self, result) -> None:
        if not self.enabled or isinstance(result, AttributionError):
            self.hide()
            return
        xs, ys, norms, k = result
        rgba, self.maximum = saliency_rgba(norms)
        self.image.setImage(rgba, levels=(0, 255), autoLevels=False)
        dx, dy = (xs[-1] - xs[0]) / (xs.size - 1), (ys[-1] - ys[0]) / (ys.size - 1)
        self.image.setRect(QtCore.QRectF(xs[0] - dx / 2, ys[0] - dy / 2,
                                         xs[-1] - xs[0] + dx, ys[-1] - ys[0] + dy))
        what = "ŷ" if k is None else f"p{k}"
        self.caption.setText(translate("Attributions", "saliency ‖∂{0}/∂x‖: 0 (dark) … {1} "
                                                       "(yellow)").format(what,
                                                                          number(self.maximum, 3)))
        self.caption.setPos(xs[0] - dx / 2, ys[0] - dy / 2)
        self.image.setVisible(True)
        self.caption.setVisible(True)

    def shutdown(self) -> None:
        if self.runner is not None:
            self.runner.shutdown()
