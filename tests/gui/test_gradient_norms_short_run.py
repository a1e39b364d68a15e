"""A short run is visible on the gradient-norm chart and the loss curve: after one update each
layer's norm is a single point, drawn as a dot, on a step axis 0 … 1 (not −0.5 … 0.5 around
it); at step 0 the loss curve's lone point is a dot (gui.charts.gradient_norms, loss_curve)."""

import numpy as np
import pytest
from PySide6 import QtGui

from gui.charts.gradient_norms import MAX_SYMBOL_ROWS, GradientNorms
from gui.charts.loss_curve import ACCURACY_COLOUR, LossCurve
from gui.common import colors
from gui.controller import TrainingController
from tests.gui.shown_views import show


def _has_colour(widget, hex_colour: str) -> bool:
    """The widget, as drawn, has a pixel of ``hex_colour`` (a dot's centre is exact)."""
    image = widget.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                                image.bytesPerLine() // 4, 4)
    colour = QtGui.QColor(hex_colour)
    bgr = np.array([colour.blue(), colour.green(), colour.red()])
    return bool(np.any(np.all(np.abs(pixels[..., :3].astype(int) - bgr) <= 2, axis=-1)))


@pytest.fixture
def chart(qtbot):
    controller = TrainingController()
    view = show(qtbot, GradientNorms(controller), (500, 300), first_redraw=True)
    return view, controller


def test_one_update_shows_a_dot_per_layer_on_steps_0_to_1(chart):
    view, controller = chart
    controller.step()
    view.redraw()
    (x0, x1), _ = view.plot_item.vb.viewRange()
    assert -0.1 < x0 <= 0.0 and 1.0 <= x1 < 1.1
    for l, curve in enumerate(view.curves):
        x, y = curve.getData()
        assert x.tolist() == [0.0] and np.isfinite(y).all()
        assert curve.opts["symbol"] == "o"
        assert _has_colour(view, colors.CLASS_HEX[l % colors.MAX_CLASSES])


def test_a_long_history_is_lines_alone_on_a_growing_step_axis(chart):
    view, controller = chart
    for _ in range(MAX_SYMBOL_ROWS + 1):
        controller.step()
    view.redraw()
    assert all(curve.opts["symbol"] is None for curve in view.curves)
    (x0, x1), _ = view.plot_item.vb.viewRange()
    assert x0 <= 0.0 and x1 >= controller.trainer.step_count


def test_the_loss_curve_at_step_0_shows_its_one_point(qtbot):
    controller = TrainingController()
    curve = show(qtbot, LossCurve(), (600, 300))
    curve.set_history(controller.trainer.history.arrays(), True)
    assert curve.n_points == 1
    assert curve.train_line.opts["symbol"] == "o"
    # (the test loss's dot may cover the training loss's: the accuracy's stands apart)
    assert _has_colour(curve.plot_widget, ACCURACY_COLOUR)
    controller.step()
    curve.set_history(controller.trainer.history.arrays(), True)
    assert curve.train_line.opts["symbol"] is None  # two points: a line
