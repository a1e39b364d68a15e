"""The inspector scrolls to the phase just run: Forward → the forward pass, Backward → the δ
section, Update → the old and new parameter."""

from gui.controller import TrainingController
from gui.inspector.widget import Inspector


def test_each_phase_brings_its_section_into_view(qtbot):
    controller = TrainingController()
    inspector = Inspector(controller)
    qtbot.addWidget(inspector)
    inspector.resize(420, 260)  # short: the page scrolls
    inspector.show()
    qtbot.waitExposed(inspector)
    bar = inspector.browser.verticalScrollBar()
    for phase, run in (("forward", controller.forward), ("backward", controller.backward),
                       ("update", controller.update)):
        run()
        qtbot.waitUntil(lambda phase=phase: inspector.anchor_top(phase) is not None)
        assert inspector.visible_phase() == phase
        top = inspector.anchor_top(phase)
        assert bar.value() == min(int(top), bar.maximum())
    assert bar.value() > 0
    # scrolling away by hand is kept until the next phase
    bar.setValue(0)
    inspector.redraw()
    assert bar.value() == 0
    controller.shutdown()
