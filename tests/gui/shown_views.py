"""Views the GUI tests show on their own, each on a fresh controller: the network diagram and
the inspector."""

from gui.controller import TrainingController
from gui.diagram.network_diagram import NetworkDiagram
from gui.inspector.widget import Inspector


def _show(qtbot, view, size):
    """``view`` registered with qtbot (closed after the test), resized to ``size`` (None: Qt's
    default size), shown and exposed."""
    qtbot.addWidget(view)
    if size is not None:
        view.resize(*size)
    view.show()
    qtbot.waitExposed(view)


def shown_diagram(qtbot, size=(820, 560)):
    """``(view, controller)``: a ``NetworkDiagram`` on a new ``TrainingController``, animations
    off (every redraw lands at once), shown at ``size`` (None: Qt's default size)."""
    controller = TrainingController()
    view = NetworkDiagram(controller)
    view.set_animation_ms(0)
    _show(qtbot, view, size)
    return view, controller


def shown_inspector(qtbot, size=(900, 1100)):
    """``(view, controller)``: an ``Inspector`` on a new ``TrainingController``, shown at
    ``size``."""
    controller = TrainingController()
    view = Inspector(controller)
    _show(qtbot, view, size)
    return view, controller
