"""The hidden-space view: the input plane's grid and the points carried through the network.

Draws :func:`core.hidden_space.session_hidden_space` of the controller's session: the grid of
the canvas's extent (21×21 lines) as ONE ``PlotCurveItem`` (``polylines_to_path``,
``connect="finite"``), the points coloured by class as on the canvas (training points filled,
held-out points hollow) in ONE :class:`~gui.hidden_space.points_item.PointsItem`, and in the
last stage the output layer's decision line. A slider moves
smoothly between stages (``HiddenSpace.interpolate``; :data:`SUB_STEPS` positions per stage) and
Play animates it. The projection chooser acts on the layer of the shown stage when it is
wider than 2: principal components, the output's direction (the last layer) or two neurons.

Plot items are created once and updated with ``setData``. The stages are recomputed when the
model, the points or the network change (:attr:`HiddenSpaceView.REDRAWS_ON`) through a
``RefreshGate`` (only when shown; throttled during Play); moving the slider only blends and
redraws.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.hidden_space import HiddenSpace, session_hidden_space
from core.plane_grid import polylines_to_path
from gui.common import colors
from gui.common.display_names import class_name
from gui.common.i18n import manager, translate
from gui.common.legible_axes import TextHighAxis, space_ticks_by_font
from gui.common.refresh import RefreshGate, connect_redraws
from gui.hidden_space import texts
from gui.hidden_space.points_item import PointsItem

#: Slider positions per stage: the blend moves in 1/SUB_STEPS of a stage.
SUB_STEPS = 24
#: Milliseconds between animation frames (about 25 frames per second; a stage per second).
FRAME_MS = 40
GRID_PEN = (90, 90, 90, 150)
#: The view range is kept while the drawing fills at least this share of it along each axis
#: (and fits inside): small moves after a training step do not rescale the axes, whose text
#: is the costliest part of a repaint.
KEEP_RANGE_FILL = 0.6
RANGE_PADDING = 0.05
LINE_PEN = "#202020"
#: The projection chooser's entries: (request code, English label).
CHOICES = (("pca", QT_TRANSLATE_NOOP("HiddenSpace", "Principal components")),
           ("output", QT_TRANSLATE_NOOP("HiddenSpace", "Output direction")),
           ("neurons", QT_TRANSLATE_NOOP("HiddenSpace", "Two neurons")))
HELD_OUT_WIDTH = 1.6


class HiddenSpaceView(QtWidgets.QWidget):
    """See the module docstring. ``extent(session)`` → ((x_min, x_max), (y_min, y_max)), the
    canvas's data range in raw coordinates; ``offscreen``: built for a figure (no animation)."""

    REDRAWS_ON = ("stepped", "weightsChanged", "networkChanged", "dataChanged",
                  "pointsReplaced")

    def __init__(self, controller, extent: Callable, offscreen: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(280, 170)  # tabbed with the loss curve: no taller than its group
        self.controller = controller
        self.extent = extent
        self.offscreen = offscreen
        self.space: HiddenSpace | None = None
        self.requests: dict[int, object] = {}  # layer → "pca" | "output" | (i, j)
        self._dim = 2

        self.stage_label = QtWidgets.QLabel()
        font = self.stage_label.font()
        font.setBold(True)
        self.stage_label.setFont(font)
        # axes legible at presenter fonts: a bottom axis as tall as its labels (they were cut
        # by the view's edge at 2x), ticks spaced by the font (no labels running together)
        self.plot_widget = pg.PlotWidget(axisItems={
            "bottom": space_ticks_by_font(TextHighAxis("bottom")),
            "left": space_ticks_by_font(pg.AxisItem("left"))})
        self.plot_widget.setBackground("w")
        self.plot_widget.setMinimumSize(160, 80)
        plot = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.setAspectLocked(True)
        plot.disableAutoRange()  # _fit_range: rescaled only when the drawing outgrows it
        self._range: tuple[float, float, float, float] | None = None
        plot.showGrid(x=False, y=False)
        for name in ("left", "bottom"):  # a repaint blits the axes unless their range changed
            plot.getAxis(name).setCacheMode(
                QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # a bare curve item (no PlotDataItem layer: its display-data pass costs per redraw)
        self.grid_item = pg.PlotCurveItem(pen=pg.mkPen(GRID_PEN, width=1), connect="finite")
        plot.addItem(self.grid_item)
        # per class: training points filled, held-out points hollow (style 2k, 2k + 1)
        styles = []
        for hex_colour in colors.CLASS_HEX:
            styles.append(("o", 7, pg.mkPen("w", width=0.8), pg.mkBrush(hex_colour)))
            styles.append(("o", 7, pg.mkPen(hex_colour, width=HELD_OUT_WIDTH), pg.mkBrush(None)))
        self.points_item = PointsItem(styles)
        plot.addItem(self.points_item)
        self.line_item = pg.InfiniteLine(pen=pg.mkPen(LINE_PEN, width=2.5,
                                                      style=QtCore.Qt.PenStyle.DashLine))
        plot.addItem(self.line_item, ignoreBounds=True)
        self.line_item.setVisible(False)

        self.play_button = QtWidgets.QPushButton()
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play_toggled)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.setMinimumWidth(80)
        self.slider.valueChanged.connect(self._slider_moved)
        self.count_label = QtWidgets.QLabel()
        self.projection_label = QtWidgets.QLabel()
        self.projection_combo = QtWidgets.QComboBox()
        self.projection_combo.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.projection_combo.setMinimumContentsLength(12)
        self.projection_combo.activated.connect(self._projection_chosen)
        self.neuron_spins = [QtWidgets.QSpinBox(), QtWidgets.QSpinBox()]
        for spin in self.neuron_spins:
            spin.setMinimum(1)
            spin.valueChanged.connect(self._neurons_chosen)
        self.caption = QtWidgets.QLabel()
        self.caption.setWordWrap(True)
        self.line_label = QtWidgets.QLabel()
        self.line_label.setWordWrap(True)

        # compact: tabbed with the loss curve the view may get ~240 px of height
        controls = QtWidgets.QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.projection_label)
        controls.addWidget(self.projection_combo)
        for spin in self.neuron_spins:
            controls.addWidget(spin)
        #: the exported figure: stage name, plot and captions (not the controls)
        self.figure = QtWidgets.QWidget()
        title = QtWidgets.QHBoxLayout()
        title.addWidget(self.stage_label, 1)
        title.addWidget(self.count_label)
        figure = QtWidgets.QVBoxLayout(self.figure)
        figure.setContentsMargins(0, 0, 0, 0)
        figure.setSpacing(2)
        figure.addLayout(title)
        figure.addWidget(self.plot_widget, 1)
        figure.addWidget(self.caption)
        figure.addWidget(self.line_label)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.figure, 1)
        layout.addLayout(controls)

        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.advance)
        self.gate = RefreshGate(self, self.redraw, min_interval=0.1)
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        controller.networkChanged.connect(self.requests.clear)  # layers changed meaning
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        self.gate.request()

    # ------------------------------------------------------------------ texts
    def retranslate(self, _language: str = "") -> None:
        self.play_button.setText(translate("HiddenSpace", "Play"))
        self.play_button.setToolTip(translate("HiddenSpace", "Move through the stages"))
        self.slider.setToolTip(translate("HiddenSpace", "Stage: the input, then Wa + b and f "
                                                         "of each hidden layer"))
        self.projection_label.setText(translate("HiddenSpace", "Projection:"))
        with QtCore.QSignalBlocker(self.projection_combo):
            index = self.projection_combo.currentIndex()
            self.projection_combo.clear()
            for code, label in CHOICES:
                self.projection_combo.addItem(translate("HiddenSpace", label), code)
            self.projection_combo.setCurrentIndex(max(index, 0))
        for spin, axis in zip(self.neuron_spins, ("x", "y"), strict=True):
            spin.setPrefix(translate("HiddenSpace", "neuron ({0}) ").format(axis))
        self._show_texts()

    # ------------------------------------------------------------------ data
    @property
    def t(self) -> float:
        """The slider's stage position (0 … stages − 1)."""
        return self.slider.value() / SUB_STEPS

    def redraw(self) -> None:
        """Recompute the stages for the session's current state and draw the shown stage; a
        projection request that no longer fits the layers falls back to the defaults."""
        try:
            self._recompute()
        except ValueError:
            self.requests.clear()
            self._recompute()

    def _recompute(self) -> None:
        session = self.controller.session
        (x_min, x_max), (y_min, y_max) = self.extent(session)
        space = session_hidden_space(session, (x_min, x_max, y_min, y_max),
                                     projections=self.requests)
        previous = self.space
        self.space = space
        self._dim = session.points.dim
        points = session.points
        labels = (np.asarray(points.y, dtype=np.int64) if points.task == "classification"
                  else np.zeros(len(points), dtype=np.int64))
        train = np.asarray(points.train, dtype=bool)
        # each point's style: its class's (labels beyond the palette wrap), filled or hollow
        self.points_item.set_styles(2 * (labels % len(colors.CLASS_HEX)) + ~train)
        count = len(space.stages)
        with QtCore.QSignalBlocker(self.slider):
            was_count = 0 if previous is None else len(previous.stages)
            self.slider.setRange(0, max(count - 1, 0) * SUB_STEPS)
            if count != was_count:  # a new architecture: the last stage, the one that matters
                self.slider.setValue(self.slider.maximum())
        self.show_stage()

    def show_stage(self) -> None:
        """Draw the blend at the slider's position (no recomputation)."""
        space = self.space
        if space is None or not space.stages:
            self.grid_item.setData([], [])
            self.points_item.set_positions(np.zeros((0, 2)))
            self.line_item.setVisible(False)
            self._show_texts()
            return
        grid_2d, points_2d = space.interpolate(self.t)
        x, y = polylines_to_path(grid_2d)
        self.grid_item.setData(x, y, connect="finite")
        self.points_item.set_positions(points_2d)
        self._fit_range(grid_2d, points_2d)
        self._place_line()
        self._show_texts()

    def _fit_range(self, grid_2d: np.ndarray, points_2d: np.ndarray) -> None:
        """Show all the grid and points: keep the current range while they fit inside it and
        fill at least KEEP_RANGE_FILL of it along each axis, else fit it to them."""
        both = np.concatenate([grid_2d.reshape(-1, 2), points_2d])
        low, high = both.min(axis=0), both.max(axis=0)
        span = np.maximum(high - low, 1e-9 * max(1.0, float(np.max(np.abs(both)))))
        if self._range is not None:
            x0, x1, y0, y1 = self._range
            inside = x0 <= low[0] and high[0] <= x1 and y0 <= low[1] and high[1] <= y1
            if inside and span[0] >= KEEP_RANGE_FILL * (x1 - x0) \
                    and span[1] >= KEEP_RANGE_FILL * (y1 - y0):
                return
        if span[1] <= 1e-9 * span[0]:  # drawn on a line: some height for the points
            span[1] = 0.25 * span[0]
            low[1], high[1] = -0.5 * span[1], 0.5 * span[1]
        pad = RANGE_PADDING * span
        self._range = (low[0] - pad[0], high[0] + pad[0], low[1] - pad[1], high[1] + pad[1])
        self.plot_widget.getPlotItem().getViewBox().setRange(
            xRange=self._range[:2], yRange=self._range[2:], padding=0)

    def _place_line(self) -> None:
        space = self.space
        line = space.decision_line
        last = self.slider.value() == self.slider.maximum()
        shown = last and line.coefficients is not None and line.status in ("exact", "slice")
        self.line_item.setVisible(shown)
        if shown:
            c0, c1, c2 = (float(c) for c in line.coefficients)
            norm2 = c1 * c1 + c2 * c2
            self.line_item.setPos(QtCore.QPointF(-c0 * c1 / norm2, -c0 * c2 / norm2))
            self.line_item.setAngle(float(np.degrees(np.arctan2(c1, -c2))))

    def current_stage(self):
        """The stage nearest the slider (its name and projection are shown), or None."""
        if self.space is None or not self.space.stages:
            return None
        return self.space.stages[int(round(self.t))]

    def _show_texts(self) -> None:
        space, stage = self.space, self.current_stage()
        if space is None:
            return
        if stage is None:
            self.stage_label.setText("")
            self.caption.setText(texts.status_text(space.status))
            self.line_label.setText("")
            self.count_label.setText("")
            self._show_chooser(None)
            return
        self.stage_label.setText(texts.stage_name(stage, self._dim))
        self.count_label.setText(translate("HiddenSpace", "stage {0} of {1}").format(
            int(round(self.t)) + 1, len(space.stages)))
        self.caption.setText(texts.projection_text(stage))
        at_last = self.slider.value() == self.slider.maximum()
        line = space.decision_line
        side = (None if line.side_class is None
                else class_name(self.controller.session, line.side_class))
        self.line_label.setText(texts.line_text(line.status, side) if at_last
                                else translate("HiddenSpace", "The output's decision line is "
                                                               "drawn in the last stage."))
        self._show_chooser(stage)

    def _show_chooser(self, stage) -> None:
        """The projection chooser shows the shown layer's projection; it is enabled for a
        layer wider than 2 (the plane and width ≤ 2 are drawn as they are)."""
        wide = stage is not None and stage.kind != "plane" and stage.width > 2
        self.projection_combo.setEnabled(wide)
        mode = stage.projection.mode if stage is not None else "pca"
        with QtCore.QSignalBlocker(self.projection_combo):
            # blank where there is no choice (the plane, width ≤ 2)
            self.projection_combo.setCurrentIndex(self.projection_combo.findData(mode)
                                                  if wide else -1)
        # the output's direction exists on the layer the output reads, for a decision line
        space = self.space
        readable = (stage is not None and space is not None
                    and stage.layer == space.stages[-1].layer
                    and space.decision_line.coefficients is not None)
        output_item = self.projection_combo.model().item(self.projection_combo.findData("output"))
        if output_item is not None:
            output_item.setEnabled(readable)
        neurons = wide and mode == "neurons"
        for spin, value in zip(self.neuron_spins, (stage.projection.neurons or (0, 1))
                               if neurons else (0, 1), strict=True):
            spin.setVisible(neurons)
            with QtCore.QSignalBlocker(spin):
                spin.setMaximum(stage.width if stage is not None else 1)
                spin.setValue(value + 1)

    # ------------------------------------------------------------------ actions
    def _slider_moved(self, _value: int) -> None:
        self.show_stage()

    def _choose(self, request) -> None:
        stage = self.current_stage()
        if stage is None or stage.kind == "plane" or stage.width <= 2:
            return
        self.requests[stage.layer] = request
        try:
            self._recompute()
        except ValueError:  # e.g. the output's direction on a layer it does not read
            self.requests.pop(stage.layer, None)
            self.redraw()

    def _projection_chosen(self, index: int) -> None:
        code = self.projection_combo.itemData(index)
        if code == "neurons":
            self._choose((0, 1))
        else:
            self._choose(code)

    def _neurons_chosen(self, _value: int) -> None:
        i, j = (spin.value() - 1 for spin in self.neuron_spins)
        if i != j:
            self._choose((i, j))

    def _play_toggled(self, on: bool) -> None:
        if on and not self.offscreen:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self.timer.start()
        else:
            self.timer.stop()
            with QtCore.QSignalBlocker(self.play_button):
                self.play_button.setChecked(False)

    def advance(self) -> None:
        """One animation frame: 1/SUB_STEPS of a stage further; stops at the last stage."""
        self.slider.setValue(self.slider.value() + 1)
        if self.slider.value() >= self.slider.maximum():
            self._play_toggled(False)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self._play_toggled(False)  # no timer runs for a hidden view
        super().hideEvent(event)
