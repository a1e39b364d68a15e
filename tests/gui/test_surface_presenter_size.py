"""The loss surface at presenter size in a lesson's column (about 640 × 370 px at 2x fonts):
its controls move into a pop-up so the plot keeps its room, nothing is cut, and the axes'
tick labels do not run together."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from gui.app_window import layout_report as lr
from gui.surface.contours import SurfaceLayer
from gui.surface.surface_view import PLOT_LINES, LossSurfaceView
from tests.gui.presenter_fonts import presenter_axis_fonts, presenter_style
from tests.gui.presenter_fonts import settle as _settle


def _view_at(qtbot, scale: float, size=(640, 368)):
    """A view in a box with the presenter's font (as gui.common.themes scales it: a style
    sheet) and its plot's axis fonts scaled as presenter mode does (_scale_items)."""
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    layout = QtWidgets.QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    view = LossSurfaceView()
    layout.addWidget(view)
    presenter_style(box, scale)
    box.resize(*size)
    box.show()
    _settle()
    plot = view.plot.getPlotItem()
    presenter_axis_fonts((plot.getAxis("left"), plot.getAxis("bottom"),
                          view.plot.colour_bar.axis), scale)
    return box, view


def _show_surface(view):
    xs, ys = np.linspace(-0.8, 1.4, 51), np.linspace(-0.6, 1.6, 51)
    values = (xs[None, :] - 0.5) ** 2 * 10 + (ys[:, None] - 1.0) ** 2 * 8
    layer = SurfaceLayer(values.astype(np.float32), (float(values.min()), float(values.max())),
                         [])
    view.plot.set_surface(layer, xs, ys, labels=("w (weight)", "b (bias)"))
    _settle()


def test_at_presenter_2x_the_controls_go_into_a_popup_and_the_plot_keeps_its_room(qtbot):
    box, view = _view_at(qtbot, 2.0)
    _show_surface(view)
    line = view.fontMetrics().lineSpacing()
    assert view.tabs.currentWidget().height() >= PLOT_LINES * line
    assert view.compact and view.settings_button.isVisible()
    assert not view.controls.isVisible()  # in the closed pop-up, not above the plot
    assert lr.elided_widgets(box) == [] and not lr.scroll_needed(view)
    assert lr.elided_items(view) == []
    assert lr.axis_tick_overlaps(view) == []
    # every control is in the pop-up, in the presenter's font, none cut
    view.settings_button.click()
    _settle()
    assert view.popup.isVisible() and view.controls.isVisible()
    assert view.controls.race_button.isVisible() and view.controls.mode_combo.isVisible()
    assert view.controls.mode_combo.font().pointSizeF() == pytest.approx(
        view.font().pointSizeF(), abs=0.1)
    inside = QtWidgets.QWidget.rect(view.popup)
    for widget in view.controls.findChildren(QtWidgets.QWidget):
        if widget.isVisible() and widget.parentWidget() is view.controls:
            corner = widget.mapTo(view.popup, widget.rect().topLeft())
            assert inside.contains(corner) and inside.contains(
                widget.mapTo(view.popup, widget.rect().bottomRight())), widget
    assert lr.elided_widgets(view.popup) == []
    view.popup.hide()


def test_the_controls_stay_above_the_plot_at_plain_size_and_come_back_when_taller(qtbot):
    box, view = _view_at(qtbot, 1.0)
    assert not view.compact and not view.settings_button.isVisible()
    assert view.controls.isVisible() and view.controls.parentWidget() is not view.popup
    presenter_style(box, 2.0)
    _settle()
    assert view.compact
    box.resize(640, 1000)  # tall enough for the wrapped controls and the plot
    _settle()
    assert not view.compact and view.controls.isVisible()
    assert view.controls.geometry().bottom() < view.tabs.geometry().top()


def test_the_axes_space_their_ticks_by_the_presenter_font(qtbot):
    """pyqtgraph always drew the major labels: at 2x in a short plot "-0.5", "0", "0.5"…
    ran together (the colour bar's "0", "5", "10"… too)."""
    box, view = _view_at(qtbot, 2.0, size=(640, 1000))
    view.controls.hide()  # the controls' place given to nothing: a short plot of its own
    view.tabs.setFixedHeight(190)
    _settle()
    _show_surface(view)
    assert view.plot.height() < 160
    assert lr.axis_tick_overlaps(view) == []


def _titled_surface(qtbot, tabs_height=None):
    """(box, view, its plot's left axis): a surface at 2x titled "w (weight)" / "b (bias)" with
    the short forms "w" / "b", its tabs ``tabs_height`` px tall (None: as tall as they get)."""
    box, view = _view_at(qtbot, 2.0, size=(640, 1000))
    view.controls.hide()
    if tabs_height is not None:
        view.tabs.setFixedHeight(tabs_height)
    _settle()
    _show_surface(view)
    view.plot.set_axis_labels(("w (weight)", "b (bias)"), ("w", "b"))
    _settle()
    return box, view, view.plot.getPlotItem().getAxis("left")


def test_a_short_plot_shows_the_designed_short_axis_titles(qtbot):
    """In a short plot at 2x "b (bias)" is longer than its axis (it was cut at the view's
    edge): the axis shows its short form "b", which the layout report accepts as designed;
    a tall plot shows the full title again."""
    _box, view, left = _titled_surface(qtbot, tabs_height=170)
    assert left.label.toPlainText().strip() == "b"
    assert lr.elided_items(view) == []
    view.tabs.setMinimumHeight(0)
    view.tabs.setMaximumHeight(16777215)
    _settle()
    assert left.label.toPlainText().strip() == "b (bias)"
    assert lr.elided_items(view) == []


def test_the_colour_bar_title_does_not_cover_its_tick_labels(qtbot):
    box, view = _view_at(qtbot, 2.0)
    _show_surface(view)
    axis = view.plot.colour_bar.axis
    title = axis.label.mapRectToParent(lr._ink_rect(axis.label))
    boxes = [drawn for found_view, found_axis, texts in lr._axis_texts(view)
             if found_axis is axis for _text, _rect, drawn in texts]
    assert boxes
    assert all(not title.intersects(drawn) for drawn in boxes), (title, boxes)


def test_a_longer_axis_title_is_centred_along_its_axis_again(qtbot):
    """pyqtgraph centres an axis title only when the axis is resized: when the plot had
    grown (its axis resized with "b" as the title) and the fit then chose "b (bias)", the long
    title stayed where "b" was centred and ran off the top of the plot (the η-too-large lesson
    at 1280×720 in presenter mode at 2x)."""
    _box, view, left = _titled_surface(qtbot)
    left.setLabel("b")  # the short form, placed for the axis's size (as after a resize)
    left.resizeEvent()
    view.plot.fit_axis_titles()  # the fit that follows the resize: the full title fits
    assert left.label.toPlainText().strip() == "b (bias)"
    assert lr.elided_items(view) == []
    title = left.label.mapRectToParent(lr._ink_rect(left.label))
    assert abs(title.center().y() - left.boundingRect().center().y()) <= 2
