"""The hidden-space view at presenter size in a lesson's column (about 640 × 284 px at 2x
fonts, tabbed with the loss curve): its axes' tick labels are not cut by the view's edge and
do not run together, and its least height stays that of its tab group."""

from PySide6 import QtWidgets

from core.session import Session
from core.settings import DataSettings, NetworkSettings
from gui.app_window import layout_report as lr
from gui.canvas.presenter import CanvasPresenter
from gui.controller import TrainingController
from gui.hidden_space.view import HiddenSpaceView
from tests.gui.presenter_fonts import presenter_axis_fonts, presenter_style, settle


def test_at_presenter_2x_the_axes_are_legible_and_the_least_height_is_small(qtbot):
    controller = TrainingController()
    controller.set_session(Session(DataSettings(preset="xor", n_points=120),
                                   NetworkSettings(hidden_sizes=(8,), activation="tanh")))
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    layout = QtWidgets.QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    view = HiddenSpaceView(controller, CanvasPresenter.needed_range)
    layout.addWidget(view)
    scale = 2.0
    presenter_style(box, scale)
    box.resize(640, 284)
    box.show()
    plot = view.plot_widget.getPlotItem()
    presenter_axis_fonts((plot.getAxis("left"), plot.getAxis("bottom")), scale, titles=False)
    view.redraw()
    settle()
    assert view.space is not None and view.space.stages
    assert lr.elided_items(view) == []
    assert lr.axis_tick_overlaps(view) == []
    assert lr.elided_widgets(box) == []
    # the least height its tab group's place allows (gui.app_window.lesson_layout.MIN_PLACE)
    assert box.minimumSizeHint().height() <= 180
    controller.shutdown()
