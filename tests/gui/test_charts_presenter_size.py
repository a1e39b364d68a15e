"""The gradient-norm plot at presenter size in a lesson column (about 640 × 300 px at 2×
fonts): its log-axis tick labels do not run together and its axis title is whole or in its
designed short form, never cut."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtWidgets

from gui.app_window import layout_report as lr
from gui.charts.gradient_norms import SHORT_TITLE, GradientNorms
from gui.charts.log_axis import MANTISSA_SETS
from tests.gui.presenter_fonts import presenter_axis_fonts


def _presenter_fonts(plot_item, scale: float) -> None:
    presenter_axis_fonts((plot_item.getAxis("left"), plot_item.getAxis("bottom")), scale)


def _norms_view(qtbot, size, low, high, layers=7) -> GradientNorms:
    view = GradientNorms()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    view._ensure_curves(layers)
    steps = np.arange(50.0)
    for l, curve in enumerate(view.curves):  # norms within one decade: only minor ticks
        curve.setData(steps, np.geomspace(low, high, steps.size) * (1 + 0.01 * l))
    return view


def _settle(view) -> None:
    for _ in range(3):
        QtWidgets.QApplication.processEvents()
    view.plot_item.vb.autoRange()
    QtWidgets.QApplication.processEvents()


@pytest.mark.parametrize("size", [(640, 220), (640, 300), (640, 420), (400, 260)])
def test_gradient_norm_ticks_and_title_are_legible_at_presenter_size(qtbot, size):
    view = _norms_view(qtbot, size, 1.5, 8.0)
    _presenter_fonts(view.plot_item, 2.0)
    _settle(view)
    assert lr.axis_tick_overlaps(view) == []
    assert lr.elided_items(view) == []
    labels = [text for _view, axis, texts in lr._axis_texts(view) if axis.orientation == "left"
              for text, _rect, _box in texts if text]
    assert len(labels) >= 2  # thinned, not gone


def test_the_title_takes_its_short_form_only_when_the_whole_does_not_fit(qtbot):
    view = _norms_view(qtbot, (640, 220), 1.5, 8.0)
    _presenter_fonts(view.plot_item, 2.0)
    _settle(view)
    axis = view.plot_item.getAxis("left")
    assert axis.labelText == SHORT_TITLE
    assert axis.label.data(0).strip() == "‖∂J/∂θ‖ per layer"
    view.resize(640, 300)  # just room for the whole title: it must be centred again
    _settle(view)
    assert axis.labelText == "‖∂J/∂θ‖ per layer"
    assert lr.elided_items(view) == []


def test_a_tall_plot_labels_every_minor_tick(qtbot):
    view = _norms_view(qtbot, (640, 900), 1.5, 8.0)
    _settle(view)
    axis = view.plot_item.getAxis("left")
    low, high = view.plot_item.vb.viewRange()[1]
    assert axis.labelled_mantissas(low, high, axis.height()) == MANTISSA_SETS[0]
    assert lr.axis_tick_overlaps(view) == []


def test_the_title_is_never_cut_as_the_plot_grows_past_it(qtbot):
    """Every plot height around the whole title's length: the title is measured as drawn
    (pyqtgraph adds a space for the units), so at a few px more than the bare text it was
    still cut at 1920x1080 2x."""
    view = _norms_view(qtbot, (640, 230), 1.5, 8.0)
    _presenter_fonts(view.plot_item, 2.0)
    for height in range(230, 330, 2):
        view.resize(640, height)
        _settle(view)
        assert lr.elided_items(view) == [], height
