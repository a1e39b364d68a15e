"""The loss surface's legend keeps off the current θ, the markers and the path: it moves to
the corner that covers least of them (gui.common.legend_corner) and stays put on a tie. In
lesson "η too large" the legend hid θ at w = 2.64 and the right end of the zig-zag."""

import types

import numpy as np
import pyqtgraph as pg

from gui.common.legend_corner import CORNERS, corner_covers, corner_for
from gui.surface.contours import surface_layer
from gui.surface.surface_view import SurfacePlot


def _plot(qtbot) -> SurfacePlot:
    plot = SurfacePlot()
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    qtbot.waitExposed(plot)
    xs, ys = np.linspace(-3.0, 3.0, 21), np.linspace(-3.0, 3.0, 21)
    plot.set_surface(surface_layer(xs[None, :] ** 2 + ys[:, None] ** 2, log=False), xs, ys)
    return plot


def _covers_theta(plot: SurfacePlot) -> bool:
    theta = plot.getPlotItem().vb.mapViewToScene(pg.Point(*plot.current_position))
    return plot.legend.sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(theta)


def test_the_legend_moves_off_the_current_point_and_the_path(qtbot):
    plot = _plot(qtbot)
    path = np.array([[-1.0, 0.5], [1.2, 0.6], [-1.6, 0.7], [2.64, 2.7]])  # ends top right
    plot.set_path(path, current=path[-1])
    qtbot.wait(10)
    assert plot.legend.isVisible()
    assert plot.legend_corner != "top_right"
    assert not _covers_theta(plot)


def test_the_legend_stays_top_right_when_nothing_is_under_it(qtbot):
    plot = _plot(qtbot)
    path = np.array([[-2.5, -2.5], [-2.0, -2.2]])
    plot.set_path(path, current=path[-1])
    qtbot.wait(10)
    assert plot.legend_corner == "top_right"
    assert not _covers_theta(plot)


def test_the_legend_does_not_jump_back_on_a_tie(qtbot):
    plot = _plot(qtbot)
    plot.set_path(np.array([[0.0, 0.0], [2.7, 2.7]]), current=(2.7, 2.7))
    moved_to = plot.legend_corner
    assert moved_to != "top_right"
    plot.set_path(np.array([[0.0, 0.0], [0.1, 0.1]]), current=(0.1, 0.1))  # nothing covered
    assert plot.legend_corner == moved_to


def test_corner_covers_weighs_the_points_in_each_corner():
    area, size = (200.0, 100.0), (50.0, 30.0)
    pixels = np.array([[190.0, 10.0], [10.0, 90.0], [100.0, 50.0], [np.nan, 5.0]])
    covers = corner_covers(size, area, pixels, np.array([5.0, 2.0, 7.0, 9.0]))
    assert covers == {"top_right": 5.0, "top_left": 0.0, "bottom_right": 0.0,
                      "bottom_left": 2.0}
    assert corner_for(size, area, pixels) == "top_left"  # first of the empty corners
    # a legend stays in its corner while no other is better (Play moving the points)
    assert corner_for(size, area, pixels, current="bottom_right") == "bottom_right"
    assert corner_for(size, area, pixels, current="top_right") == "top_left"
    assert list(CORNERS)[0] == "top_right"


def test_with_no_fitting_form_the_legend_takes_the_one_covering_least():
    """A canvas 238 px tall at presenter 2x in Chinese: every form overshoots; the whole
    texts (447×233) and the short texts (247×233) were equally "0.98 of the height", so the
    whole texts hid almost all points; the short texts cover half as much."""
    from PySide6 import QtCore

    from gui.common.legend_corner import show_fitting_form

    boxes = {"whole": (447, 233), "short": (247, 233), "columns": (485, 147)}
    legend = types.SimpleNamespace(form=None)
    legend.boundingRect = lambda: QtCore.QRectF(0, 0, *boxes[legend.form])

    def show(form):
        legend.form = form

    area = QtCore.QRectF(0, 0, 490, 238)
    assert show_fitting_form(legend, area, list(boxes), show) == "short"
    assert legend.form == "short"
    # one overshooting clearly less is taken, whatever it covers: not a band across the plot
    boxes.update(whole=(258, 106), columns=(415, 62))
    assert show_fitting_form(legend, area, list(boxes), show) == "whole"
    boxes["whole"] = (200, 100)  # a form that fits is taken first
    assert show_fitting_form(legend, area, list(boxes), show) == "whole"
