"""Loss-surface dock: the landscape over a plane of parameter space, with the optimizer's path.

``SurfacePlot`` (the 2-D tab) draws, on a viridis heatmap (``ImageItem(axisOrder="row-major")``,
float32, levels set by its colour bar; non-finite cells are transparent over grey) with contour
lines (:class:`ContourItem`, an ``IsocurveItem`` parented to the image; the levels are computed
once per surface): the path so far, the current point, the grid minimum, the closed-form optimum of
a linear model and the paths of an optimizer race, with a legend. Every item is created once
and updated with ``setData``/``setImage``. For a 2-parameter model the current point can be
dragged (``startPointMoved``). :class:`LossSurfaceView` puts it in tabs next to the 1-D slices
and the optional 3-D view (its parts, gui/surface/slices_view.py and surface_3d.py), under
the controls. The view never changes the model: the presenter (gui/surface/dock.py) does.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from gui.surface.contours import SurfaceLayer
from gui.common.display_names import display_name
from gui.common.i18n import manager, translate
from gui.common.legible_axes import set_axis_title, space_ticks_by_font
from gui.common.legend_corner import anchor_in_corner, corner_for
from gui.common.number_format import number
from gui.common.refit import RefitSoon
from gui.surface.slices_view import LossSlicesView
from gui.surface.surface_3d import Surface3DView
from gui.surface.controls import SurfaceControls

N_CONTOURS = 10
NAN_GREY = "#9E9E9E"
CONTOUR_PEN = pg.mkPen(255, 255, 255, 110, width=1)
PATH_PEN = pg.mkPen("#FFFFFF", width=2)
SHADOW_PEN = pg.mkPen(0, 0, 0, 170, width=4)
#: Race colours (Okabe–Ito), drawn with a dark shadow so they read on every viridis shade.
RACE_COLOURS = {"sgd": "#56B4E9", "momentum": "#E69F00", "adam": "#CC79A7"}
def race_name(name: str) -> str:
    """The name of a racing optimizer (a ``core.optimizers`` code) in the interface language,
    as the Training panel's optimizer box shows it."""
    return display_name(name)


class ContourItem(pg.IsocurveItem):
    """An ``IsocurveItem`` drawing precomputed segments (gui.surface.contours, pixel coordinates of the
    parent image), so a new surface costs the GUI thread only the path upload. The path is
    built at once, not lazily at paint time as the base class does: a bounding rectangle that
    changed during a paint would make Qt paint the whole plot a second time."""

    def set_segments(self, level, segments) -> None:
        """Show the contour ``level`` from segments (k, 2, 2); None hides the item."""
        self.prepareGeometryChange()
        self.level = level
        self.segments = segments
        self.data = None if segments is None else segments  # base class: "has data"
        self.generatePath()
        self.update()

    def generatePath(self):  # noqa: N802 (pyqtgraph naming)
        segments = getattr(self, "segments", None)
        self.path = QtGui.QPainterPath()
        if segments is not None and len(segments):
            self.path = pg.arrayToQPath(segments[:, :, 0].ravel(), segments[:, :, 1].ravel(),
                                        connect="pairs")


#: Legend text colour: light, on the legend's always-dark box.
LEGEND_TEXT = "#FFFFFF"


class DarkBoxLegend(pg.LegendItem):
    """A legend on a fixed dark box whose text stays light. Themes recolour every legend's text
    to the plot foreground (dark in the light theme), which would be dark on dark here."""

    def setLabelTextColor(self, *_args, **_kwargs) -> None:  # noqa: N802 (pyqtgraph API)
        super().setLabelTextColor(LEGEND_TEXT)


class SurfacePlot(pg.PlotWidget):
    """The 2-D view. Signal ``startPointMoved(x, y)``: the current point was dragged to
    display coordinates (x, y) (only while :meth:`set_draggable` is on)."""

    startPointMoved = Signal(float, float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.setMinimumSize(200, 120)
        item = self.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setTextPen(pg.mkPen("#202020"))
            item.getAxis(axis).enableAutoSIPrefix(False)
            space_ticks_by_font(item.getAxis(axis))  # presenter fonts: labels never run together
        self.nan_background = QtWidgets.QGraphicsRectItem()
        self.nan_background.setBrush(pg.mkBrush(NAN_GREY))
        self.nan_background.setPen(pg.mkPen(None))
        self.nan_background.setZValue(-20)
        item.addItem(self.nan_background)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.colour_map = pg.colormap.get("viridis")
        self.image.setLookupTable(self.colour_map.getLookupTable(nPts=256))
        item.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=self.colour_map,
                                          interactive=False, rounding=1e-12, width=14)
        self.colour_bar.setImageItem(self.image, insert_in=item)
        self.colour_bar.axis.enableAutoSIPrefix(False)
        self.colour_bar.axis.setTextPen(pg.mkPen("#202020"))
        space_ticks_by_font(self.colour_bar.axis)
        # as wide as its labels and title (pyqtgraph fixes 45 px: at presenter fonts the
        # title "loss" was drawn over the tick labels)
        self.colour_bar.axis.setWidth(None)
        self.contours = [ContourItem(level=0.0, pen=CONTOUR_PEN, axisOrder="row-major")
                         for _ in range(N_CONTOURS)]
        for contour in self.contours:
            contour.setParentItem(self.image)

        # a bare curve: PlotDataItem's extra machinery costs milliseconds per update
        self.path = pg.PlotCurveItem([], [], pen=PATH_PEN, shadowPen=SHADOW_PEN)
        item.addItem(self.path)
        self.race = {name: item.plot([], [], pen=pg.mkPen(colour, width=2.5),
                                     shadowPen=SHADOW_PEN, symbol="o", symbolSize=4,
                                     symbolBrush=colour, symbolPen=None)
                     for name, colour in RACE_COLOURS.items()}
        self.minimum = pg.ScatterPlotItem(symbol="star", size=16, brush=pg.mkBrush("#FFFFFF"),
                                          pen=pg.mkPen("#000000", width=1.2))
        self.optimum = pg.ScatterPlotItem(symbol="+", size=24, brush=pg.mkBrush("#D55E00"),
                                          pen=pg.mkPen("#000000", width=1))
        self.current = pg.TargetItem(pos=(0, 0), size=13, symbol="o", movable=False,
                                     pen=pg.mkPen("#000000", width=2), brush="#FFFFFF",
                                     hoverPen=pg.mkPen("#D55E00", width=2), hoverBrush="#FFFFFF")
        for marker in (self.minimum, self.optimum):
            marker.setData([0.0], [0.0])  # one spot at the item's origin; moved with setPos
            marker.setVisible(False)
            item.addItem(marker)
        item.addItem(self.current)
        self.current.setZValue(5)
        self.optimum.setZValue(6)  # the cross stays readable when training reaches it
        self.current.setVisible(False)
        self.current.sigPositionChangeFinished.connect(self._dragged)

        # dark box: the white path and markers read in it, and it sits well on viridis
        self.legend = DarkBoxLegend(offset=(-6, 6), labelTextColor=LEGEND_TEXT,
                                    brush=pg.mkBrush(20, 20, 30, 190),
                                    pen=pg.mkPen(None), labelTextSize="7.5pt",
                                    verSpacing=-6)
        self.legend.setParentItem(item.vb)
        self._legend_entries: tuple = ()
        #: the corner the legend sits in (gui.common.legend_corner): it moves away from the
        #: current θ, the markers and the path when they come under it
        self.legend_corner = "top_right"
        item.vb.sigResized.connect(self.place_legend)
        item.vb.sigResized.connect(self.fit_axis_titles)
        item.vb.sigRangeChanged.connect(self.place_legend)
        # a new size (presenter mode scales its text) may cover other points: placed again
        # once the event loop runs (its own moves change its position, not its size)
        self._legend_size = QtCore.QSizeF()
        self._place_timer = QtCore.QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.place_legend)
        self.legend.geometryChanged.connect(self._legend_resized)
        self._rect: tuple | None = None
        self.surface_values: np.ndarray | None = None  # what the colours show (nb, na)
        self._log = False
        self.current_position: tuple[float, float] | None = None
        self.hover_text = pg.TextItem(color="#FFFFFF", fill=pg.mkBrush(20, 20, 30, 190),
                                      anchor=(0, 0))
        self.hover_text.setVisible(False)
        item.addItem(self.hover_text, ignoreBounds=True)
        self._mouse_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        """Legend, colour-bar title and tool tip in the interface language (the axis titles
        come from the presenter, which redraws them)."""
        if self.surface_values is not None:
            self._label_colour_bar()
        self.set_draggable(self.current.movable)
        self._update_legend()

    def _label_colour_bar(self) -> None:
        set_axis_title(self.colour_bar.axis, translate("LossSurface", "log₁₀ loss") if self._log
                   else translate("LossSurface", "loss"))

    # ------------------------------------------------------------------ surface
    def set_surface(self, layer: SurfaceLayer, xs, ys, log: bool = False,
                    labels: tuple[str, str] = ("", ""), minimum=None, optimum=None,
                    shape: tuple[int, int] | None = None,
                    short_labels: tuple[str, str] | None = None) -> None:
        """Show a :class:`gui.surface.contours.SurfaceLayer` (values (nb, na), levels, contours,
        computed once per surface) at grid points xs (na,) × ys (nb,) in display units.
        ``minimum``/``optimum``: (x, y) markers or None. ``short_labels``: the axis titles'
        short forms (:meth:`set_axis_labels`). ``shape``: draw on a grid of this
        shape (a coarse preview is repeated to the final resolution), so the image keeps its
        shape from preview to final surface; a new shape would cost Qt a second full paint."""
        layer, xs, ys = _resampled(layer, np.asarray(xs, dtype=np.float64),
                                   np.asarray(ys, dtype=np.float64), shape)
        shown = layer.values
        low, high = layer.levels
        self.surface_values = shown
        self._log = bool(log)
        # The colour bar owns the levels and hands them to the image. (Levels passed to the
        # image directly are overridden by the bar's first (0, 1), which pyqtgraph holds back
        # until the image has data: the first surface of a view would be coloured 0–1.)
        self.image.setImage(shown, autoLevels=False)
        self.colour_bar.setLevels((low, high))
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1) or 1.0
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1) or 1.0
        rect = QtCore.QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys))
        self.image.setRect(rect)
        self.nan_background.setRect(rect)
        self._label_colour_bar()
        for k, contour in enumerate(self.contours):
            level, segments = layer.contours[k] if k < len(layer.contours) else (0.0, None)
            contour.set_segments(level, segments)
        self.image.setVisible(True)
        self.nan_background.setVisible(True)
        self._show_marker(self.minimum, minimum)
        self._show_marker(self.optimum, optimum)
        item = self.getPlotItem()
        self.set_axis_labels(labels, short_labels)
        key = (rect.x(), rect.y(), rect.width(), rect.height())
        if key != self._rect:
            self._rect = key
            item.vb.setRange(rect=rect, padding=0.0)
        self._update_legend()

    def set_axis_labels(self, labels: tuple[str, str],
                        short: tuple[str, str] | None = None) -> None:
        """Titles of the horizontal and vertical axes; ``short``: their designed short forms
        (e.g. "b" for "b (bias)"), shown while a full title is longer than its axis (a short
        plot at presenter size cut "b (bias)" at the view's edge)."""
        short = short or labels
        self._titles = {"bottom": (labels[0], short[0]), "left": (labels[1], short[1])}
        self.fit_axis_titles()

    def fit_axis_titles(self, *_args) -> None:
        """Each axis shows its full title when it fits along the axis, else its short form.
        The title item keeps both forms (data 0: the full text; data 1: the forms), as the
        layout report (``_designed_short_form``) reads them."""
        item = self.getPlotItem()
        box = item.vb
        for name, (full, short) in getattr(self, "_titles", {}).items():
            axis = item.getAxis(name)
            text = full
            if short != full and axis.label is not None:
                metrics = QtGui.QFontMetricsF(axis.label.font())
                room = box.height() if name == "left" else box.width()
                if metrics.horizontalAdvance(f"{full} ") > room:
                    text = short
            set_axis_title(axis, text)
            if axis.label is not None:  # the plain texts pyqtgraph shows ("text units")
                axis.label.setData(0, f"{full} ")
                axis.label.setData(1, (f"{full} ", f"{short} "))

    def clear_surface(self) -> None:
        """Hide the surface and everything drawn on it (e.g. the network was rebuilt)."""
        self.image.setVisible(False)
        self.nan_background.setVisible(False)
        for contour in self.contours:
            contour.set_segments(0.0, None)
        self.surface_values = None
        self._show_marker(self.minimum, None)
        self._show_marker(self.optimum, None)
        self.set_path(None)
        self.set_race({})
        self._rect = None
        self._update_legend()

    # ------------------------------------------------------------------ overlays
    def set_path(self, coords, current=None) -> None:
        """Path (m, 2) in display units (None hides it) and the current point (2,) or None."""
        if coords is None or len(coords) == 0:
            self.path.setData([], [])
        else:
            self.path.setData(coords[:, 0], coords[:, 1])
        self.current.setVisible(current is not None)
        if current is not None and not self.current.moving:
            self.current.setPos(float(current[0]), float(current[1]))
            self.current_position = (float(current[0]), float(current[1]))
        elif current is None:
            self.current_position = None
        self._update_legend()

    def set_race(self, paths: dict) -> None:
        """Race paths {optimizer name: (m, 2)} in display units; names not given are hidden."""
        for name, line in self.race.items():
            coords = paths.get(name)
            if coords is None or len(coords) == 0:
                line.setData([], [])
            else:  # a dot per step (its spacing shows the speed), a big one where it ends
                sizes = np.full(len(coords), 4.0)
                sizes[-1] = 11.0
                line.setData(coords[:, 0], coords[:, 1], symbolSize=sizes)
        self._update_legend()

    def _on_mouse_moved(self, event) -> None:
        """Read-out of the loss under the cursor (nearest grid point)."""
        values = self.surface_values
        vb = self.getPlotItem().vb
        pos = event[0]
        if values is None or not self.image.isVisible() or not vb.sceneBoundingRect().contains(
                pos):
            self.hover_text.setVisible(False)
            return
        point = vb.mapSceneToView(pos)
        pixel = self.image.mapFromScene(pos)
        row, col = int(np.floor(pixel.y())), int(np.floor(pixel.x()))
        if not (0 <= row < values.shape[0] and 0 <= col < values.shape[1]):
            self.hover_text.setVisible(False)
            return
        value = float(values[row, col])
        loss = 10.0**value if self._log else value
        self.hover_text.setText(translate("LossSurface", "({0}, {1})  loss {2}").format(
            number(point.x(), 3), number(point.y(), 3), number(loss, 4)))
        view_rect = vb.viewRect()
        self.hover_text.setPos(view_rect.left(), view_rect.bottom())
        self.hover_text.setVisible(True)

    def set_draggable(self, on: bool) -> None:
        self.current.movable = bool(on)
        self.current.setToolTip(translate("LossSurface", "Drag to move the start point (w, b)")
                                if on else "")

    def _dragged(self, target) -> None:
        if self.current.movable:
            pos = target.pos()
            self.startPointMoved.emit(float(pos.x()), float(pos.y()))

    @staticmethod
    def _show_marker(marker: pg.ScatterPlotItem, position) -> None:
        """Move a one-spot marker (setPos is far cheaper than rebuilding it with setData)."""
        marker.setVisible(position is not None)
        if position is not None:
            marker.setPos(float(position[0]), float(position[1]))

    @staticmethod
    def marker_position(marker: pg.ScatterPlotItem) -> tuple[float, float] | None:
        """Where a marker is drawn (display units), or None when hidden."""
        if not marker.isVisible():
            return None
        return float(marker.pos().x()), float(marker.pos().y())

    def _update_legend(self) -> None:
        """Rebuild the legend rows only when the set of shown items changes."""
        entries = []
        if len(self.path.xData if self.path.xData is not None else ()) > 1:
            entries.append((self.path, translate("LossSurface", "path so far")))
        if self.current.isVisible():
            entries.append((self.current_sample(), translate("LossSurface", "current θ")))
        for marker, label in ((self.minimum, translate("LossSurface", "grid minimum")),
                              (self.optimum, translate("LossSurface", "lstsq optimum"))):
            if marker.isVisible():
                entries.append((marker, label))
        for name, line in self.race.items():
            if line.xData is not None and len(line.xData):
                entries.append((line, race_name(name)))
        key = tuple(label for _, label in entries)
        if key == self._legend_entries:
            self.place_legend()  # the same rows; what they mark may have moved
            return
        self._legend_entries = key
        self.legend.clear()
        for item, label in entries:
            self.legend.addItem(item, label)
        self.legend.setVisible(bool(entries))
        self.place_legend()

    def _legend_resized(self) -> None:
        size = self.legend.geometry().size()
        if size != self._legend_size:
            self._legend_size = size
            self._place_timer.start()

    def place_legend(self, *_args) -> None:
        """Keep the legend off what the surface shows: it moves to another corner when that
        covers less of the current θ (weight 100), the grid minimum and lstsq optimum (20
        each), the newest 200 points of the path and the race paths (1 each); on a tie it
        stays where it is, so it does not jump about while the path grows."""
        vb = self.getPlotItem().vb
        area = vb.boundingRect()
        if not self.legend.isVisible() or area.width() <= 0 or area.height() <= 0:
            return
        points, weights = [], []
        if self.current.isVisible() and self.current_position is not None:
            points.append([self.current_position])
            weights.append([100.0])
        for marker in (self.minimum, self.optimum):
            position = self.marker_position(marker)
            if position is not None:
                points.append([position])
                weights.append([20.0])
        for line in (self.path, *self.race.values()):
            if line.xData is not None and len(line.xData):
                xy = np.column_stack([line.xData[-200:], line.yData[-200:]])
                points.append(xy)
                weights.append(np.ones(len(xy)))
        if not points:
            return
        xy, weight = np.concatenate(points), np.concatenate(weights)
        view = vb.viewRect()  # data units; y grows upwards, pixels downwards
        if view.width() <= 0 or view.height() <= 0:
            return
        pixels = np.column_stack([
            (xy[:, 0] - view.left()) / view.width() * area.width(),
            (view.bottom() - xy[:, 1]) / view.height() * area.height()])
        size = self.legend.boundingRect()
        best = corner_for((size.width(), size.height()), (area.width(), area.height()),
                          pixels, weight, current=self.legend_corner)
        if best != self.legend_corner:
            self.legend_corner = best
            anchor_in_corner(self.legend, best)

    def current_sample(self) -> pg.ScatterPlotItem:
        """A stand-in item for the legend row of the current point (TargetItem has none)."""
        if not hasattr(self, "_current_sample"):
            self._current_sample = pg.ScatterPlotItem(symbol="o", size=10,
                                                      brush=pg.mkBrush("#FFFFFF"),
                                                      pen=pg.mkPen("#000000", width=2))
        return self._current_sample


def _resampled(layer: SurfaceLayer, xs: np.ndarray, ys: np.ndarray, shape):
    """(layer, xs, ys) on a grid of ``shape`` (nb, na): nearest grid point for the colours,
    contour end points rescaled to the new pixel coordinates. Unchanged if shape is None or
    already the layer's."""
    if shape is None or tuple(shape) == layer.values.shape:
        return layer, xs, ys
    (nb, na), (cb, ca) = shape, layer.values.shape
    rows = np.rint(np.linspace(0, cb - 1, nb)).astype(np.intp)
    cols = np.rint(np.linspace(0, ca - 1, na)).astype(np.intp)
    values = np.ascontiguousarray(layer.values[rows][:, cols])
    scale = np.array([(na - 1) / max(ca - 1, 1), (nb - 1) / max(cb - 1, 1)])
    contours = [(level, (segments - 0.5) * scale + 0.5) for level, segments in layer.contours]
    return (SurfaceLayer(values, layer.levels, contours), np.linspace(xs[0], xs[-1], na),
            np.linspace(ys[0], ys[-1], nb))


class _FlexibleHeight(QtWidgets.QWidget):
    """Content of a resizable QScrollArea that fills the viewport down to its minimum height.
    (With height-for-width, e.g. a word-wrapped label inside, the scroll area would give the
    content its full preferred height and scroll even when the plot could just shrink.)"""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return False


#: Least height of the plot tabs, in lines of the view's font, for the controls to stay above
#: them: in a shorter view (a lesson's column at presenter 2x) they move into a pop-up.
PLOT_LINES = 8


class LossSurfaceView(QtWidgets.QWidget):
    """Controls on top; tabs "2-D" (:class:`SurfacePlot`), "1-D" (slices) and "3-D"; progress
    and status at the bottom. Falls back to the 2-D tab, with a message, when the 3-D view
    cannot get an OpenGL context.

    When the controls, wrapped at the view's width, would leave the tabs less than
    :data:`PLOT_LINES` lines of the font (at presenter 2x in a lesson's column they wrap onto
    four rows and left the plot 70 px), they move, whole and in the same order, into a pop-up
    opened by the "Settings" button beside the tabs (:attr:`compact`); they come back when
    the view is tall enough again. The status, progress and Cancel stay under the plot."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.controls = SurfaceControls()
        self.plot = SurfacePlot()
        self.slices = LossSlicesView()
        self.view_3d = Surface3DView()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plot, "2-D")
        self.tabs.addTab(self.slices, "1-D slices")
        self.tabs.addTab(self.view_3d, "3-D")
        self.settings_button = QtWidgets.QToolButton()
        self.settings_button.setArrowType(QtCore.Qt.ArrowType.NoArrow)
        self.settings_button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.settings_button.clicked.connect(self.show_settings)
        self.tabs.setCornerWidget(self.settings_button, QtCore.Qt.Corner.TopRightCorner)
        self.settings_button.hide()
        #: the pop-up holding the controls while the view is too short for them (compact)
        self.popup = QtWidgets.QFrame(self, QtCore.Qt.WindowType.Popup)
        self.popup.setFrameShape(QtWidgets.QFrame.Shape.Box)
        popup_layout = QtWidgets.QVBoxLayout(self.popup)
        popup_layout.setContentsMargins(2, 2, 2, 2)
        self.compact = False
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)
        self.tabs.currentChanged.connect(self._tab_changed)
        # Controls, plot and status scroll together when the dock is short, so the dock's
        # minimum height stays small and the window fits a 1000 px screen with every dock open.
        content = _FlexibleHeight()
        self.content_layout = layout = QtWidgets.QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.controls)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.controls.bottom)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        holder = QtWidgets.QWidget()  # its layout asks content.hasHeightForWidth() (False)
        holder_layout = QtWidgets.QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(content)
        self.scroll.setWidget(holder)
        outer = QtWidgets.QVBoxLayout(self)
        # a 1 px strip of the view itself stays uncovered: is_shown(view) (gui.common.refresh)
        # reads the view's visible region, which the opaque scroll area would otherwise empty
        outer.setContentsMargins(0, 1, 0, 0)
        outer.addWidget(self.scroll)
        self._fit_timer = RefitSoon(self, self.fit_controls)  # after a resize or a new font

    # ------------------------------------------------------------------ controls' place
    def controls_height(self, width: int) -> int:
        """Height (px) of the controls wrapped at ``width`` in the view's font."""
        return self.controls.layout().heightForWidth(width)

    def wants_compact(self) -> bool:
        """Whether the controls above the tabs would leave them under PLOT_LINES lines."""
        width = self.scroll.viewport().width() or self.width()
        spacing = self.content_layout.spacing()
        chrome = (self.tabs.tabBar().sizeHint().height() + self.controls.bottom.sizeHint().height()
                  + 2 * spacing + self.layout().contentsMargins().top())
        room = self.height() - chrome - self.controls_height(width) - spacing
        return room < PLOT_LINES * self.fontMetrics().lineSpacing()

    def fit_controls(self) -> None:
        """Controls above the tabs, or in the pop-up when the view is too short for them."""
        if self.height() <= 0 or self.width() <= 0:
            return
        self.set_compact(self.wants_compact())

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        if compact:
            self.content_layout.removeWidget(self.controls)
            self.popup.layout().addWidget(self.controls)
        else:
            self.popup.hide()
            self.popup.layout().removeWidget(self.controls)
            self.content_layout.insertWidget(0, self.controls)
        self.controls.show()
        self.settings_button.setVisible(compact)

    def show_settings(self) -> None:
        """Open the pop-up with the controls under the tabs' row, as wide as the view."""
        if not self.compact:
            return
        self.popup.setFont(self.font())
        self.popup.setStyleSheet(self._style_sheets())
        width = self.width()
        margins = self.popup.layout().contentsMargins()
        inner = width - margins.left() - margins.right()
        height = self.controls_height(inner) + margins.top() + margins.bottom()
        self.popup.resize(width, height)
        corner = self.tabs.mapToGlobal(QtCore.QPoint(0, self.tabs.tabBar().height()))
        self.popup.move(self.mapToGlobal(QtCore.QPoint(0, 0)).x(), corner.y())
        self.popup.show()

    def _style_sheets(self) -> str:
        """The style sheets of the view's ancestors (presenter fonts), for the pop-up window,
        which Qt does not cascade them into."""
        sheets, widget = [], self
        while widget is not None:
            if widget.styleSheet():
                sheets.append(widget.styleSheet())
            widget = widget.parentWidget()
        return "\n".join(reversed(sheets))

    def retranslate(self, _language: str = "") -> None:
        self.tabs.setTabText(0, translate("LossSurface", "2-D"))
        self.tabs.setTabText(1, translate("LossSurface", "1-D slices"))
        self.tabs.setTabText(2, translate("LossSurface", "3-D"))
        self.settings_button.setText(translate("LossSurface", "Settings…"))
        self.settings_button.setToolTip(translate(
            "LossSurface", "The plane, grid, colouring, recompute and optimizer race (above the "
                           "plot when the view is tall enough)"))

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.view_3d and not self.view_3d.ensure_ready():
            view_3d = self.view_3d
            self.controls.show_status(lambda: translate(
                "LossSurface", "{0} — showing the 2-D view.").format(view_3d.message))
            self.tabs.setCurrentWidget(self.plot)

    def figure_part(self) -> QtWidgets.QGraphicsView:
        """What File ▸ Export and the headless figures draw: the 2-D plot or the slices,
        whichever tab is on screen; the 2-D plot while the 3-D tab is."""
        current = self.tabs.currentWidget()
        return current if isinstance(current, QtWidgets.QGraphicsView) else self.plot

    def showing(self, part: QtWidgets.QWidget) -> bool:
        """True when ``part`` (plot, slices or 3-D) is the tab on screen."""
        return self.tabs.currentWidget() is part
