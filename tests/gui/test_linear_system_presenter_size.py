"""The Linear system view at presenter size in a lesson's column (about 640 × 380 px at 2x
fonts, in its dock's scroll area): the system becomes the first tab so the plot keeps its
room; nothing is cut and nothing scrolls, with two or three equations."""

import pytest
from PySide6 import QtWidgets

from core.linear_systems import EXAMPLES
from gui.app_window import layout_report as lr
from gui.app_window.docks import ViewScrollArea
from gui.linear_systems.view import PLOT_LINES, LinearSystemView
from tests.gui.presenter_fonts import presenter_style
from tests.gui.presenter_fonts import settle as _settle


def _view_at(qtbot, scale: float, size=(640, 380)):
    """The view in a dock's scroll area, with the presenter's font (a style sheet, as
    gui.common.themes scales it)."""
    area = ViewScrollArea()
    qtbot.addWidget(area)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    view = LinearSystemView()
    area.setWidget(view)
    presenter_style(area, scale)
    area.resize(*size)
    area.show()
    _settle()
    return area, view


@pytest.mark.parametrize("example", ["ill_conditioned", "overdetermined"])
def test_at_presenter_2x_the_system_is_a_tab_and_the_plot_keeps_its_room(qtbot, example):
    area, view = _view_at(qtbot, 2.0)
    view.set_system(*EXAMPLES[example], delta=0.001)
    view.show_plot("lines")
    _settle()
    assert view.compact and view.tabs.indexOf(view.system_box) == 0
    assert view.lines_plot.height() >= PLOT_LINES * view.fontMetrics().lineSpacing()
    assert view.width() <= area.viewport().width()  # no sideways scrolling either
    assert not lr.scroll_needed(area) and lr.elided_widgets(area) == []
    assert view.caption.isVisible()
    view.tabs.setCurrentIndex(0)  # the equations, numbers and message, none cut
    _settle()
    assert view.message.isVisible() and not view.caption.isVisible()
    assert not lr.scroll_needed(area) and lr.elided_widgets(area) == []
    view.show_plot("descent")  # the lesson's tabs still find their plots
    assert view.tabs.currentWidget() is view.pages[2]


def test_at_plain_size_the_system_stays_above_the_plots(qtbot):
    area, view = _view_at(qtbot, 1.0)
    assert not view.compact and view.tabs.count() == 3
    assert view.system_box.geometry().bottom() < view.tabs.geometry().top()
    view.show_plot("transformation")
    _settle()
    assert view.tabs.currentIndex() == 1
    assert not lr.scroll_needed(area) and lr.elided_widgets(area) == []
    # taller presenter fonts make it a tab; a taller view brings it back
    presenter_style(area, 2.0)
    _settle()
    assert view.compact and view.tabs.currentWidget() is view.pages[1]
    area.resize(640, 1100)
    _settle()
    assert not view.compact and view.tabs.count() == 3


@pytest.mark.parametrize("size", [(946, 353), (640, 235)])
def test_the_descent_tab_does_not_make_the_dock_scroll(qtbot, size):
    """Lesson step 7 (three views stacked, plain fonts): the descent page's plot took its
    preferred height as the tab widget's least height (714 px in a 353 px dock)."""
    area, view = _view_at(qtbot, 1.0, size=size)
    view.show_plot("descent")
    _settle()
    _settle()
    assert not lr.scroll_needed(area) and lr.elided_widgets(area) == []
    assert view.descent_plot.height() >= view.descent_plot.minimumHeight()
    assert view.descent_plot.height() >= PLOT_LINES * view.fontMetrics().lineSpacing()
