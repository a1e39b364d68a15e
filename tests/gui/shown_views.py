"""Showing a widget on its own for a GUI test; the network diagram and the inspector, each on a
fresh controller."""

from PySide6 import QtWidgets

from gui.controller import TrainingController
from gui.diagram.network_diagram import NetworkDiagram
from gui.inspector.widget import Inspector
from tests.waiting import PATIENCE_MS


def show(qtbot, widget, size=None, first_redraw=False):
    """``widget`` registered with qtbot (closed after the test), resized to ``size`` (None: Qt's
    default size), shown and exposed; with ``first_redraw``, also its first redraw done
    (``widget.gate``, a ``RefreshGate``: the first redraw runs right after the widget is
    shown). Returns ``widget``."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    if first_redraw:
        qtbot.waitUntil(lambda: widget.gate.redraw_count > 0, timeout=PATIENCE_MS)
    return widget


def settle_window(window):
    """Handle a main window's posted events (its 0 ms layout timers too) and its pending
    redraws."""
    app = QtWidgets.QApplication.instance()
    for _ in range(3):
        app.processEvents()
    window.flush()
    app.processEvents()


def comparing_window(qtbot, steps: int):
    """``(window, controller)``: a shown main window on a new controller comparing ReLU at
    η = 0.1 (run B) with the default scene (run A), both trained ``steps`` steps."""
    from gui.app_window.main_window import MainWindow

    controller = TrainingController()
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    assert controller.start_comparison({"activation": "relu", "learning_rate": 0.1})
    controller.run_steps(steps)
    return window, controller


def shown_diagram(qtbot, size=(820, 560)):
    """``(view, controller)``: a ``NetworkDiagram`` on a new ``TrainingController``, animations
    off (every redraw lands at once), shown at ``size`` (None: Qt's default size)."""
    controller = TrainingController()
    view = NetworkDiagram(controller)
    view.set_animation_ms(0)
    show(qtbot, view, size)
    return view, controller


def shown_inspector(qtbot, size=(900, 1100)):
    """``(view, controller)``: an ``Inspector`` on a new ``TrainingController``, shown at
    ``size``."""
    controller = TrainingController()
    view = Inspector(controller)
    show(qtbot, view, size)
    return view, controller


def shown_hidden_space(window, qtbot):
    """The hidden-space view of ``window`` (a ``MainWindow``), its dock shown and raised, once
    it has drawn its stages (its redraw gate no longer dirty)."""
    view = window.views["hidden_space"]
    dock = window.docks["Hidden space"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: view.space is not None and not view.gate.dirty, timeout=5000)
    return view
