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


def test_the_status_line_wraps_instead_of_widening_the_dock(qtbot):
    """At presenter 2x "Step 12 · forward complete · next: backward · playing: refreshed
    every 2 s" on one line asked 1025 px of the inspector's dock, so Qt grew a 1280 px
    window during a lesson's Play; the line wraps, and the dock asks no more than before."""
    from gui.inspector.widget import Inspector
    from tests.gui.presenter_fonts import presenter_style, settle

    inspector = Inspector()
    qtbot.addWidget(inspector)
    presenter_style(inspector, 2.0)
    inspector.status.setText("Step 12 · forward complete · next: backward"
                             " · playing: refreshed every 2 s")
    inspector.resize(500, 400)
    inspector.show()
    settle()
    assert inspector.minimumSizeHint().width() <= 500
    assert inspector.status.height() >= 2 * inspector.status.fontMetrics().height()  # wrapped
