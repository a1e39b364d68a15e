"""The controller's signals say what changed, and each view redraws only for what it draws
(gui.controller.TrainingController, gui.common.refresh.RefreshGate)."""

import numpy as np
import pytest

from gui.app_window.main_window import CURVE_INTERVAL, STATUS_INTERVAL
from gui.controller import TrainingController
from tests.reliability.ui import FakeClock
from tests.waiting import PATIENCE_MS

SIGNALS = ("stepped", "weightsChanged", "networkChanged", "dataChanged", "pointsReplaced",
           "settingsChanged", "selectionChanged", "phaseCompleted", "errorOccurred")


def record(controller) -> list:
    """(signal name, arguments) of every signal of SIGNALS, in order."""
    emitted = []
    for name in SIGNALS:
        getattr(controller, name).connect(lambda *args, name=name: emitted.append((name, args)))
    return emitted


def names(emitted) -> list[str]:
    return [name for name, _ in emitted]


# --------------------------------------------------------------------- the controller
def test_a_training_setting_emits_settings_changed_with_its_name_only(qapp):
    controller = TrainingController()
    controller.step()
    emitted = record(controller)
    params = controller.trainer.net.get_params().copy()
    assert controller.set_training_settings(learning_rate=0.1)
    assert emitted == [("settingsChanged", (("training.learning_rate",),))]
    np.testing.assert_array_equal(controller.trainer.net.get_params(), params)


@pytest.mark.parametrize("changes, expected", [
    ({"optimizer": "adam"}, ("training.optimizer",)),
    ({"batch_size": 10, "l2": 0.01}, ("training.batch_size", "training.l2")),
    ({"clip_norm": 1.0}, ("training.clip_norm",)),
])
def test_no_training_setting_claims_the_weights_changed(qapp, changes, expected):
    controller = TrainingController()
    emitted = record(controller)
    assert controller.set_training_settings(**changes)
    assert emitted == [("settingsChanged", (expected,))]


def test_a_refused_setting_reports_and_asks_the_panels_to_show_the_valid_values(qapp):
    controller = TrainingController()
    emitted = record(controller)
    assert not controller.set_training_settings(learning_rate=-1.0)
    assert names(emitted) == ["errorOccurred", "settingsChanged"]
    assert emitted[1][1] == ((),)


def test_a_step_emits_stepped_with_the_step_count(qapp):
    controller = TrainingController()
    emitted = record(controller)
    controller.step()
    controller.step()
    assert emitted == [("stepped", (1,)), ("stepped", (2,))]


def test_the_update_phase_completes_a_step(qapp):
    controller = TrainingController()
    controller.forward()
    controller.backward()
    emitted = record(controller)
    controller.update()
    assert emitted == [("phaseCompleted", ("update",)), ("stepped", (1,))]


def test_rewind_reset_and_a_dragged_point_replace_the_weights_without_a_step(qapp):
    controller = TrainingController()
    for _ in range(3):
        controller.step()
    emitted = record(controller)
    controller.rewind(1)
    assert names(emitted) == ["weightsChanged"]
    emitted.clear()
    params = controller.trainer.net.get_params() + 0.5
    assert controller.set_parameters(params)
    assert names(emitted) == ["weightsChanged"]
    emitted.clear()
    controller.reset()
    assert names(emitted) == ["networkChanged", "weightsChanged"]


def test_an_architecture_change_names_its_setting_and_rebuilds(qapp):
    controller = TrainingController()
    emitted = record(controller)
    assert controller.set_network_settings(hidden_sizes=(4,))
    assert emitted == [("settingsChanged", (("network.hidden_sizes",),)),
                       ("networkChanged", ()), ("weightsChanged", ())]


def test_a_new_data_seed_names_the_data_seed_and_replaces_points_and_network(qapp):
    controller = TrainingController()
    emitted = record(controller)
    assert controller.set_data_settings(seed=5)
    assert emitted == [("settingsChanged", (("data.seed",),)), ("pointsReplaced", ()),
                       ("dataChanged", ()), ("networkChanged", ()), ("weightsChanged", ())]


def test_a_point_edit_changes_the_data_and_keeps_the_weights(qapp):
    controller = TrainingController()
    emitted = record(controller)
    controller.add_point(np.array([0.5, 0.5]), 1)
    assert names(emitted) == ["dataChanged"]


# --------------------------------------------------------------------- the views
def count_calls(monkeypatch, obj, name: str) -> list:
    """Count the calls of ``obj.name`` (still calling it)."""
    calls = []
    original = getattr(obj, name)

    def spy(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, spy)
    return calls


@pytest.fixture
def counted(window, qtbot, monkeypatch):
    """The window with its views drawn once; the redraw counts of the diagram, the canvas
    (gate and prediction), the loss curve and the status bar, read by ``counts()``."""
    # every counted view shown: Train (the default) hides the diagram and the inspector,
    # Step through the loss curve
    window.workspaces.apply("step-through")
    window.docks["Loss curve"].show()
    views = window.step_views
    gates = {"diagram": views.diagram.gate, "inspector": views.inspector.gate,
             "canvas": window.canvas_gate, "curve": window.curve_gate,
             "status": window.status_gate}
    qtbot.waitUntil(lambda: not any(gate.dirty for gate in gates.values()),
                    timeout=PATIENCE_MS)
    prediction = count_calls(monkeypatch, window.presenter, "draw_prediction")
    points = count_calls(monkeypatch, window.presenter, "draw_points")

    def counts() -> dict:
        result = {name: gate.redraw_count for name, gate in gates.items()}
        result.update(prediction=len(prediction), points=len(points))
        return result

    return window, counts


def test_a_learning_rate_change_redraws_neither_the_diagram_nor_the_canvas(counted, qtbot):
    window, counts = counted
    window.controller.step()
    before = counts()
    window.controller.set_training_settings(learning_rate=0.1)
    qtbot.wait(10)  # a deferred redraw would run now
    after = counts()
    for view in ("diagram", "canvas", "prediction", "points", "curve", "status"):
        assert after[view] == before[view], view
    assert after["inspector"] == before["inspector"] + 1  # its update rule shows η
    assert window.training_panel.controls["learning_rate"].value() == pytest.approx(0.1)


def test_a_step_redraws_the_diagram_and_the_canvas_prediction_once(counted):
    window, counts = counted
    before = counts()
    window.controller.step()
    after = counts()
    for view in ("diagram", "canvas", "prediction", "curve", "status"):
        assert after[view] == before[view] + 1, view
    assert after["points"] == before["points"]


def test_a_point_edit_redraws_the_canvas_points_and_prediction(counted):
    window, counts = counted
    before = counts()
    n = len(window.controller.session.points)
    window.controller.add_point(np.array([0.5, 0.5]), 1)
    after = counts()
    assert after["points"] == before["points"] + 1
    assert after["prediction"] == before["prediction"] + 1  # the standardization moved
    assert len(window.canvas.points_scatter.data) == n + 1


def test_a_new_batch_size_redraws_the_rings_but_not_the_prediction(counted):
    window, counts = counted
    controller = window.controller
    controller.set_training_settings(batch_size=10)
    controller.forward()
    assert window.canvas.batch_scatter.isVisible()
    before = counts()
    controller.set_training_settings(batch_size=0)  # full batch: no rings
    after = counts()
    assert not window.canvas.batch_scatter.isVisible()
    assert after["canvas"] == before["canvas"] + 1
    assert after["prediction"] == before["prediction"]


def test_an_l2_change_redraws_the_loss_curve_with_the_penalty(counted):
    window, counts = counted
    before = counts()
    window.controller.set_training_settings(l2=0.01)
    after = counts()
    assert after["curve"] == before["curve"] + 1
    assert after["prediction"] == before["prediction"] and after["diagram"] == before["diagram"]


def test_during_play_the_curve_and_status_are_throttled_and_pause_draws_them_complete(counted):
    window, counts = counted
    controller = window.controller
    clock = FakeClock()
    window.curve_gate.clock = window.status_gate.clock = clock
    window.flush()  # their last redraws at t = 0 of the fake clock
    controller.timer.start(10 ** 6)  # "playing" with no tick of its own: the test steps
    try:
        assert controller.playing
        first = counts()
        clock.now = CURVE_INTERVAL / 2
        controller.step()
        assert counts()["curve"] == first["curve"] and counts()["status"] == first["status"]
        assert counts()["canvas"] == first["canvas"] + 1  # the canvas: every frame
        clock.now = CURVE_INTERVAL
        controller.step()
        assert counts()["curve"] == first["curve"] + 1
        assert counts()["status"] == first["status"]
        clock.now = STATUS_INTERVAL
        controller.step()
        assert counts()["status"] == first["status"] + 1
        before_pause = counts()
    finally:
        controller.pause()
    after = counts()
    assert after["curve"] == before_pause["curve"] + 1  # complete, not throttled
    assert after["status"] == before_pause["status"] + 1
    assert window.status.values["step"] == f"step {controller.trainer.step_count}"
    assert window.loss_curve.n_points == controller.trainer.step_count + 1


@pytest.mark.parametrize("title, view", [
    ("Network diagram", lambda w: w.step_views.diagram),
    ("Inspector", lambda w: w.step_views.inspector),
    ("Weights", lambda w: w.step_views.heatmaps),
    ("Gradient norms", lambda w: w.step_views.norms),
    ("Loss curve", lambda w: w.loss_curve),
])
def test_every_view_catches_up_after_being_hidden(window, qtbot, title, view):
    widget = view(window)
    gate = window.curve_gate if widget is window.loss_curve else widget.gate
    dock = window.docks[title]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: not gate.dirty, timeout=PATIENCE_MS)
    dock.hide()
    before = gate.redraw_count
    for _ in range(3):
        window.controller.step()
    window.controller.rewind(1)
    assert gate.redraw_count == before and gate.dirty
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: not gate.dirty, timeout=PATIENCE_MS)
    assert gate.redraw_count == before + 1


def test_a_minimized_window_catches_up_on_canvas_curve_and_status(window, qtbot):
    gates = (window.canvas_gate, window.curve_gate, window.status_gate)
    qtbot.waitUntil(lambda: not any(gate.dirty for gate in gates), timeout=PATIENCE_MS)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=PATIENCE_MS)
    before = [gate.redraw_count for gate in gates]
    for _ in range(5):
        window.controller.step()
    assert [gate.redraw_count for gate in gates] == before
    window.showNormal()
    qtbot.waitUntil(lambda: not any(gate.dirty for gate in gates), timeout=PATIENCE_MS)
    assert [gate.redraw_count for gate in gates] == [count + 1 for count in before]
    assert window.status.values["step"] == "step 5"
    assert window.loss_curve.n_points == 6
