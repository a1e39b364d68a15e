"""gui.hidden_space.points_item.PointsItem: the hidden-space view's points in one item draw
exactly what one pyqtgraph ScatterPlotItem per style drew (same symbols, same places, same
stacking), and the view gives each point its class's style (training filled, held-out hollow)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtGui

from gui.common import colors
from gui.hidden_space.points_item import PointsItem
from tests.gui.shown_views import shown_hidden_space

RNG = np.random.default_rng(5)


def _styles():
    styles = []
    for hex_colour in colors.CLASS_HEX[:3]:
        styles.append(("o", 7, pg.mkPen("w", width=0.8), pg.mkBrush(hex_colour)))
        styles.append(("o", 7, pg.mkPen(hex_colour, width=1.6), pg.mkBrush(None)))
    return styles


def _plot(qtbot):
    widget = pg.PlotWidget()
    widget.setBackground("w")
    qtbot.addWidget(widget)
    widget.resize(300, 240)
    plot = widget.getPlotItem()
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.disableAutoRange()
    plot.getViewBox().setRange(xRange=(-2, 2), yRange=(-2, 2), padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, plot


def _pixels(widget) -> np.ndarray:
    image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.width(), 4).copy()


def test_one_points_item_draws_what_a_scatter_item_per_style_drew(qtbot):
    pos = RNG.normal(0.0, 0.8, (200, 2))
    style = RNG.integers(0, 6, 200)
    styles = _styles()
    old, old_plot = _plot(qtbot)
    for k, (symbol, size, pen, brush) in enumerate(styles):  # stacked in style order
        old_plot.addItem(pg.ScatterPlotItem(pos=pos[style == k], symbol=symbol, size=size,
                                            pen=pen, brush=brush))
    new, new_plot = _plot(qtbot)
    item = PointsItem(styles)
    item.set_styles(style)
    item.set_positions(pos)
    new_plot.addItem(item)
    np.testing.assert_array_equal(np.column_stack(item.getData()), pos)
    drawn = _pixels(new)
    assert (drawn[..., :3] != 255).any()  # something is drawn
    np.testing.assert_array_equal(drawn, _pixels(old))


def test_the_view_styles_points_by_class_and_split(window, qtbot):
    view = shown_hidden_space(window, qtbot)
    points = window.controller.session.points
    order = view.points_item._order
    for k in range(2):
        for hollow in (False, True):
            expected = np.flatnonzero((points.y == k) & (points.train != hollow))
            np.testing.assert_array_equal(order[2 * k + hollow], expected)
    assert sum(indices.size for indices in order) == len(points)
