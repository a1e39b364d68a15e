"""The one redraw gate (gui.common.refresh.RefreshGate) driven by a fake clock: throttling,
trailing redraws, cost scaling and catching up after being hidden or minimized."""

import pytest
from PySide6 import QtWidgets

from gui.common.refresh import RefreshGate, is_shown
from tests.reliability.ui import FakeClock
from tests.waiting import PATIENCE_MS


@pytest.fixture
def shown(qtbot):
    widget = QtWidgets.QWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make_gate(widget, min_interval=0.1, cost_factor=0.0, cost=0.0):
    """A gate on a fake clock whose redraw takes ``cost`` seconds of that clock."""
    clock = FakeClock()
    drawn = []

    def redraw():
        drawn.append(clock.now)
        clock.now += cost

    gate = RefreshGate(widget, redraw, min_interval=min_interval, cost_factor=cost_factor,
                       clock=clock)
    return gate, clock, drawn


def test_unthrottled_requests_redraw_at_once_every_time(shown):
    gate, clock, drawn = make_gate(shown)
    for _ in range(3):
        gate.request()
    assert drawn == [0.0, 0.0, 0.0] and gate.redraw_count == 3 and not gate.dirty


def test_throttled_requests_redraw_at_most_once_per_interval_of_the_clock(shown):
    gate, clock, drawn = make_gate(shown, min_interval=0.1)
    gate.request(throttle=True)  # the first one: at once
    clock.now = 0.05
    gate.request(throttle=True)  # too soon: owed, a trailing redraw is due
    assert drawn == [0.0] and gate.dirty and gate.pending
    clock.now = 0.1
    gate.request(throttle=True)  # the interval has passed: at once, the trailing one is void
    assert drawn == [0.0, 0.1] and not gate.dirty and not gate.pending


def test_a_trailing_redraw_draws_the_last_state(qtbot, shown):
    gate, clock, drawn = make_gate(shown, min_interval=0.1)
    gate.request(throttle=True)
    clock.now = 0.01
    gate.request(throttle=True)
    assert gate.redraw_count == 1 and gate.pending
    qtbot.waitUntil(lambda: gate.redraw_count == 2, timeout=PATIENCE_MS)
    assert not gate.dirty and not gate.pending


def test_a_costly_view_waits_cost_factor_times_its_redraw(shown):
    gate, clock, drawn = make_gate(shown, min_interval=0.05, cost_factor=20.0, cost=0.01)
    gate.request(throttle=True)
    assert gate.cost == pytest.approx(0.01) and gate.interval() == pytest.approx(0.2)
    clock.now = 0.15  # past min_interval, not past 20 × the cost
    gate.request(throttle=True)
    assert gate.redraw_count == 1
    clock.now = 0.21
    gate.request(throttle=True)
    assert gate.redraw_count == 2


def test_a_plain_gate_keeps_its_min_interval_whatever_the_cost(shown):
    gate, clock, drawn = make_gate(shown, min_interval=0.05, cost_factor=0.0, cost=0.04)
    gate.request(throttle=True)
    assert gate.interval() == pytest.approx(0.05)


def test_a_hidden_view_only_becomes_dirty_and_redraws_once_when_shown(qtbot, shown):
    gate, clock, drawn = make_gate(shown)
    shown.hide()
    for _ in range(5):
        gate.request()
    assert gate.redraw_count == 0 and gate.dirty
    shown.show()
    qtbot.waitUntil(lambda: gate.redraw_count == 1, timeout=PATIENCE_MS)
    assert not gate.dirty


def test_a_view_in_a_minimized_window_catches_up_when_restored(qtbot):
    window = QtWidgets.QMainWindow()
    qtbot.addWidget(window)
    child = QtWidgets.QLabel("view")
    window.setCentralWidget(child)
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    gate, clock, drawn = make_gate(child)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=PATIENCE_MS)
    assert not is_shown(child)
    gate.request()
    gate.request()
    assert gate.redraw_count == 0 and gate.dirty
    window.showNormal()
    qtbot.waitUntil(lambda: gate.redraw_count == 1, timeout=PATIENCE_MS)
    assert not gate.dirty
