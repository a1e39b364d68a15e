"""The three pictures of the linear-systems view, each a ``pg.PlotWidget`` whose items are made
once and updated with ``setData``/``setImage``:

* :class:`LinesPlot`: each equation's line (one item per line), the answer marker, the
  least-squares residuals as segments, b + δb's lines and answer, and two draggable handles
  per line; dragging a handle redefines that line through both handles
  (:func:`row_through`), signal ``rowDragged(row, a, b)``;
* :class:`TransformPlot`: the grid of ``core.plane_grid`` and its image under x ↦ Ax (a square
  A), with Ae₁ and Ae₂;
* :class:`DescentPlot`: log(1 + ‖Ax − b‖²) over the plane (viridis) with the gradient-descent
  path and the least-squares point.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore
from PySide6.QtCore import Signal

from core.linear_systems import line_points, loss_grid, mapped_grid
from core.plane_grid import grid_lines, polylines_to_path
from gui.common import colors
from gui.common.i18n import translate
from gui.linear_systems.editor import MAX_ROWS

ANSWER_COLOUR = "#D55E00"  # Okabe–Ito vermillion: the answer point
GRID_COLOUR = (160, 160, 160, 110)
RESIDUAL_COLOUR = "#CC79A7"  # Okabe–Ito reddish purple: the least-squares residuals
#: Entries written by a drag are rounded to this many decimals (the editor shows them).
DRAG_DECIMALS = 2
#: Half-width of the lines plot around its centre when nothing asks for more.
BASE_RADIUS = 5.0
IMAGE_SIZE = 121


def _plot_widget(widget: pg.PlotWidget, x_label: str = "x₁", y_label: str = "x₂") -> None:
    widget.setBackground("w")
    widget.setMinimumSize(220, 90)  # 3 views stacked at 1280×720: the system had 235 px
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    widget.setAspectLocked(True)


def row_through(p, q, old_row) -> tuple[np.ndarray, float] | None:
    """The row (a, b) of the line through points ``p`` and ``q``: a ⟂ (q − p), scaled to the
    length of ``old_row`` and turned to its side (so the equation keeps its look), b = a·p;
    rounded to :data:`DRAG_DECIMALS`. None when p and q (nearly) coincide or the rounded row
    would be 0."""
    p, q, old = (np.asarray(v, dtype=float) for v in (p, q, old_row))
    along = q - p
    length = float(np.hypot(*along))
    if length < 1e-6 or not np.isfinite(length):
        return None
    a = np.array([-along[1], along[0]]) / length * max(float(np.hypot(*old)), 1e-3)
    if a @ old < 0:
        a = -a
    a = np.round(a, DRAG_DECIMALS) + 0.0  # + 0.0: no −0
    if not a.any():
        return None
    return a, float(np.round(a @ p, DRAG_DECIMALS)) + 0.0


class LinesPlot(pg.PlotWidget):
    """The row picture: one line per equation, the answer, residuals, handles."""

    rowDragged = Signal(int, object, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        _plot_widget(self)
        self.lines = [self.plot([], [], pen=pg.mkPen(colors.class_hex(i), width=2.5))
                      for i in range(MAX_ROWS)]
        self.moved_lines = [self.plot([], [], pen=pg.mkPen(colors.class_hex(i), width=1.5,
                                                           style=QtCore.Qt.PenStyle.DashLine))
                            for i in range(MAX_ROWS)]
        self.residuals = self.plot([], [], pen=pg.mkPen(RESIDUAL_COLOUR, width=3.5),
                                   connect="finite")
        self.answer = pg.ScatterPlotItem(size=10, pen=pg.mkPen("#202020", width=1.5),
                                         brush=pg.mkBrush(ANSWER_COLOUR))
        self.moved_answer = pg.ScatterPlotItem(size=13, pen=pg.mkPen(ANSWER_COLOUR, width=2),
                                               brush=pg.mkBrush(255, 255, 255, 0))
        self.addItem(self.answer)
        self.addItem(self.moved_answer)
        self.handles: list[tuple[pg.TargetItem, pg.TargetItem]] = []
        for i in range(MAX_ROWS):
            pair = tuple(pg.TargetItem(pos=(0, 0), size=11, symbol="s", movable=True,
                                       pen=pg.mkPen(colors.class_hex(i), width=2),
                                       brush=pg.mkBrush(255, 255, 255, 200))
                         for _ in range(2))
            for handle in pair:
                handle.setVisible(False)
                handle.setZValue(10)
                handle.sigPositionChanged.connect(
                    lambda _item, row=i: self._handle_moved(row))
                self.addItem(handle)
            self.handles.append(pair)
        self._placing = False
        self._rows: list[np.ndarray] = []
        self._dragged: int | None = None
        self.center = np.zeros(2)
        self.radius = BASE_RADIUS

    def retranslate(self) -> None:
        for i, pair in enumerate(self.handles):
            for handle in pair:
                handle.setToolTip(translate(
                    "LinearSystem", "Drag to move line ({0}); the equation follows").format(i + 1))

    def show_system(self, system, moved=None, keep_handles: int | None = None) -> None:
        """Draw ``system`` (a ``core.linear_systems.LinearSystem``) and, when given, ``moved``
        (the same A with b + δb). ``keep_handles``: the row being dragged, whose handles stay
        where the mouse put them."""
        valid = system.case != "bad_input"
        rows = system.A.shape[0] if valid else 0
        points = [system.solution] if system.solution is not None else []
        if moved is not None and moved.solution is not None:
            points.append(moved.solution)
        finite = [p for p in points if np.all(np.isfinite(p)) and np.max(np.abs(p)) < 1e6]
        self.center = finite[0] if finite else np.zeros(2)
        spread = max((float(np.linalg.norm(p - self.center)) for p in finite), default=0.0)
        self.radius = max(BASE_RADIUS, 1.3 * spread)
        if system.case == "overdetermined":  # close enough for the residuals to show
            distances = np.abs(system.residuals) / np.linalg.norm(system.A, axis=1)
            self.radius = float(np.clip(8 * distances.max(), 1.5, BASE_RADIUS))
        self._rows = [system.A[r] for r in range(rows)]
        for r in range(MAX_ROWS):
            shown = r < rows
            if shown:
                xy = line_points(system.A[r], system.b[r], self.center, 4 * self.radius)
                self.lines[r].setData(xy[:, 0], xy[:, 1])
            else:
                self.lines[r].setData([], [])
            show_moved = shown and moved is not None and moved.case != "bad_input"
            if show_moved:
                xy = line_points(moved.A[r], moved.b[r], self.center, 4 * self.radius)
                self.moved_lines[r].setData(xy[:, 0], xy[:, 1])
            else:
                self.moved_lines[r].setData([], [])
            for handle in self.handles[r]:
                handle.setVisible(shown)
            if shown and r != keep_handles:
                self._place_handles(r, system.A[r], system.b[r])
        answer = system.solution if system.has_point else None
        self.answer.setData(*([[answer[0]], [answer[1]]] if answer is not None else [[], []]))
        moved_answer = moved.solution if moved is not None and moved.has_point else None
        self.moved_answer.setData(*([[moved_answer[0]], [moved_answer[1]]]
                                    if moved_answer is not None else [[], []]))
        self._show_residuals(system)
        if keep_handles is None:
            self.setRange(xRange=(self.center[0] - self.radius, self.center[0] + self.radius),
                          yRange=(self.center[1] - self.radius, self.center[1] + self.radius),
                          padding=0.02)

    def _show_residuals(self, system) -> None:
        """For least squares: from x̂ straight to each line (its distance is |rᵢ|/‖aᵢ‖)."""
        if system.case != "overdetermined":
            self.residuals.setData([], [])
            return
        x, A = system.solution, system.A
        feet = x - (system.residuals / np.einsum("ij,ij->i", A, A))[:, None] * A
        segments = np.full((A.shape[0], 3, 2), np.nan)
        segments[:, 0], segments[:, 1] = x, feet
        flat = segments.reshape(-1, 2)
        self.residuals.setData(flat[:, 0], flat[:, 1], connect="finite")

    def _place_handles(self, r: int, a, b) -> None:
        foot = line_points(a, b, self.center, 0.45 * self.radius)
        self._placing = True
        try:
            for handle, point in zip(self.handles[r], foot):
                handle.setPos(float(point[0]), float(point[1]))
        finally:
            self._placing = False

    def _handle_moved(self, r: int) -> None:
        if self._placing or r >= len(self._rows):
            return
        p, q = (np.array([h.pos().x(), h.pos().y()]) for h in self.handles[r])
        row = row_through(p, q, self._rows[r])
        if row is not None:
            self.rowDragged.emit(r, row[0], row[1])

    def drag_handle(self, r: int, k: int, x: float, y: float) -> None:
        """Move handle ``k`` (0, 1) of line ``r`` to (x, y), as a mouse drag does."""
        self.handles[r][k].setPos(x, y)


class TransformPlot(pg.PlotWidget):
    """The unit grid and its image under A (square A only); Ae₁ and Ae₂ as arrows' shafts."""

    EXTENT = (-3.0, 3.0, -3.0, 3.0)
    LINES = 13

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        _plot_widget(self)
        x, y = polylines_to_path(grid_lines(self.EXTENT, self.LINES, 2))
        self.grid = self.plot(x, y, pen=pg.mkPen(GRID_COLOUR, width=1), connect="finite")
        self.mapped = self.plot([], [], pen=pg.mkPen(colors.class_hex(1), width=1.2),
                                connect="finite")
        self.columns = [self.plot([], [], pen=pg.mkPen(colour, width=3))
                        for colour in (colors.class_hex(0), "#009E73")]
        self.note = pg.TextItem(anchor=(0.5, 0.5), color="#202020")
        self.note.setParentItem(self.getPlotItem().vb)
        self.note.setPos(0, 0)

    def show_system(self, system) -> bool:
        """Draw A's grid; False (and a note) when A is not a finite 2×2 matrix."""
        if system.case == "bad_input" or system.A.shape != (2, 2):
            self.mapped.setData([], [])
            for column in self.columns:
                column.setData([], [])
            self.note.setText(translate(
                "LinearSystem", "A has {0} rows: it maps the plane into {0}-D space, not "
                "drawn here.").format(system.A.shape[0]) if system.case != "bad_input" else "")
            self._centre_note()
            return False
        self.note.setText("")
        x, y = polylines_to_path(mapped_grid(system.A, self.EXTENT, self.LINES, 2))
        self.mapped.setData(x, y, connect="finite")
        for column, j in zip(self.columns, (0, 1)):
            column.setData([0.0, system.A[0, j]], [0.0, system.A[1, j]])
        reach = max(3.0, 1.05 * float(np.nanmax(np.abs(np.column_stack([x, y])))))
        self.setRange(xRange=(-reach, reach), yRange=(-reach, reach), padding=0.02)
        return True

    def _centre_note(self) -> None:
        rect = self.getPlotItem().vb.boundingRect()
        self.note.setPos(rect.center())


def _shown_part(path: np.ndarray, target) -> np.ndarray:
    """The iterates worth framing: a diverging path is cut after the first point more than
    20 times as far from the target (or start) as the start was, so the bowl stays visible."""
    ref = path[0] if target is None else target
    start = max(1.0, float(np.linalg.norm(path[0] - ref)))
    far = np.flatnonzero(np.linalg.norm(path - ref, axis=1) > 20 * start)
    return path if far.size == 0 else path[:far[0] + 1]


class DescentPlot(pg.PlotWidget):
    """log(1 + ‖Ax − b‖²) as an image, the descent path, its start and the lstsq point."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        _plot_widget(self)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.image.setZValue(-10)
        self.addItem(self.image)
        self.path = self.plot([], [], pen=pg.mkPen("w", width=2), symbol="o", symbolSize=5,
                              symbolBrush="w", symbolPen=pg.mkPen("#202020"))
        self.start = pg.ScatterPlotItem(size=11, symbol="s", pen=pg.mkPen("#202020"),
                                        brush=pg.mkBrush("w"))
        self.target = pg.ScatterPlotItem(size=16, symbol="x", pen=pg.mkPen(ANSWER_COLOUR),
                                         brush=pg.mkBrush(ANSWER_COLOUR))
        self.addItem(self.start)
        self.addItem(self.target)

    def show_descent(self, system, run) -> None:
        """``run``: a ``core.linear_systems.DescentPath`` (None: nothing to walk)."""
        if run is None or system.case == "bad_input":
            for item in (self.path, self.start, self.target):
                item.setData([], [])
            self.image.setImage(np.zeros((2, 2), dtype=np.float32), levels=(0.0, 1.0))
            return
        target = system.solution if system.has_point else None
        points = _shown_part(run.path, target)
        around = points if target is None else np.vstack([points, target])
        low, high = around.min(axis=0), around.max(axis=0)
        half = max(1.0, 0.6 * float(np.max(high - low)))
        centre = (low + high) / 2
        x0s = np.linspace(centre[0] - half, centre[0] + half, IMAGE_SIZE)
        x1s = np.linspace(centre[1] - half, centre[1] + half, IMAGE_SIZE)
        values = np.log1p(loss_grid(system.A, system.b, x0s, x1s)).astype(np.float32)
        levels = (float(values.min()), max(float(values.max()), float(values.min()) + 1e-9))
        self.image.setImage(np.ascontiguousarray(values), levels=levels, autoLevels=False)
        step = x0s[1] - x0s[0]
        self.image.setRect(QtCore.QRectF(x0s[0] - step / 2, x1s[0] - step / 2,
                                         IMAGE_SIZE * step, IMAGE_SIZE * step))
        self.path.setData(points[:, 0], points[:, 1])
        self.start.setData([points[0, 0]], [points[0, 1]])
        self.target.setData(*([[target[0]], [target[1]]] if target is not None else [[], []]))
        self.setRange(xRange=(x0s[0], x0s[-1]), yRange=(x1s[0], x1s[-1]), padding=0.0)


__all__ = ["LinesPlot", "TransformPlot", "DescentPlot", "row_through"]
