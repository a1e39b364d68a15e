"""The network diagram the diagram tests share: shown on its own, on a fresh controller."""

from gui.controller import TrainingController
from gui.diagram.network_diagram import NetworkDiagram


def shown_diagram(qtbot, size=(820, 560)):
    """``(view, controller)``: a ``NetworkDiagram`` on a new ``TrainingController``, animations
    off (every redraw lands at once), shown and exposed at ``size`` (None: Qt's default size).
    qtbot closes the view after the test."""
    controller = TrainingController()
    view = NetworkDiagram(controller)
    view.set_animation_ms(0)
    qtbot.addWidget(view)
    if size is not None:
        view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view, controller
