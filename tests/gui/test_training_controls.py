"""Step toolbar, Play/Pause, Reset/Rewind, divergence banner, settings panels (pytest-qt)."""

import numpy as np
from PySide6.QtCore import Qt

from tests.waiting import PATIENCE_MS


def press(qtbot, toolbar, action):
    """Click the tool button of `action` like a user would."""
    button = toolbar.widgetForAction(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def enabled(toolbar):
    return (toolbar.forward_action.isEnabled(), toolbar.backward_action.isEnabled(),
            toolbar.update_action.isEnabled())


def test_phase_buttons_enforce_the_order_and_only_update_changes_weights(qtbot, window):
    toolbar, trainer = window.step_toolbar, window.controller.trainer
    params = trainer.net.get_params()
    assert enabled(toolbar) == (True, False, False)
    press(qtbot, toolbar, toolbar.backward_action)  # disabled: nothing happens
    press(qtbot, toolbar, toolbar.update_action)
    assert trainer.phase == "ready"
    press(qtbot, toolbar, toolbar.forward_action)
    assert trainer.phase == "forward"
    assert enabled(toolbar) == (False, True, False)
    assert "Backward" in toolbar.phase_label.text()
    np.testing.assert_array_equal(trainer.net.get_params(), params)
    press(qtbot, toolbar, toolbar.backward_action)
    assert trainer.phase == "backward"
    assert enabled(toolbar) == (False, False, True)
    np.testing.assert_array_equal(trainer.net.get_params(), params)
    press(qtbot, toolbar, toolbar.update_action)
    assert trainer.phase == "ready" and trainer.step_count == 1
    assert enabled(toolbar) == (True, False, False)
    assert not np.array_equal(trainer.net.get_params(), params)


def test_out_of_order_calls_are_reported_not_raised(window):
    messages = []
    window.controller.errorOccurred.connect(messages.append)
    window.controller.backward()
    window.controller.update()
    assert window.controller.trainer.step_count == 0
    assert len(messages) == 2


def test_mini_batch_is_ringed_on_the_canvas_during_a_step(window):
    window.controller.set_training_settings(batch_size=10)
    window.controller.forward()
    assert window.canvas.batch_scatter.isVisible()
    assert len(window.canvas.batch_scatter.data) == 10
    window.controller.backward()
    window.controller.update()


def test_play_for_n_ticks_then_pause_keeps_history_equal_to_step_count(qtbot, window):
    controller = window.controller
    ticks = []
    controller.stepped.connect(ticks.append)
    controller.play()
    assert window.step_toolbar.play_action.text() == "Pause"
    qtbot.waitUntil(lambda: len(ticks) >= 8, timeout=PATIENCE_MS)
    controller.pause()
    trainer = controller.trainer
    assert not controller.playing
    assert trainer.step_count >= 8 and ticks[-1] == trainer.step_count  # stepped(n)
    assert trainer.history.last_step == trainer.step_count  # rows 0..step_count
    assert window.loss_curve.n_points == len(trainer.history.arrays()["step"])
    assert window.loss_curve.values_at(trainer.step_count)[1] == trainer.step_count


def test_speed_limit_runs_the_chosen_steps_per_second_of_the_clock(window):
    """Below full speed the steps follow the controller's clock (a fake one here: 1/16 s per
    frame, 8 steps/s, so half a step is due each frame) whatever the machine's speed."""
    from gui.controller import FRAME_SECONDS
    from tests.reliability.ui import FakeClock

    controller = window.controller
    clock = controller.clock = FakeClock()
    controller.set_speed(8)
    controller.play()
    assert controller.timer.interval() == round(FRAME_SECONDS * 1000)  # a timer per frame
    counts = []
    for _ in range(33):  # the first tick, then 2 s of the clock
        controller._tick()  # what the Play timer calls
        counts.append(controller.trainer.step_count)
        clock.now += 1 / 16
    controller.pause()
    assert counts[0] == 1  # the first step comes at once
    assert counts[-1] == 1 + 16  # 8 steps per second of the clock
    assert set(np.diff(counts)) == {0, 1}  # evenly: every other frame


def test_reset_restores_the_initial_weights_and_rewind_steps_back(window):
    controller = window.controller
    initial = controller.trainer.net.get_params()
    for _ in range(3):
        controller.step()
    after_two = None
    controller.rewind()
    assert controller.trainer.step_count == 2
    after_two = controller.trainer.net.get_params()
    controller.step()
    controller.rewind()
    np.testing.assert_array_equal(controller.trainer.net.get_params(), after_two)
    controller.reset()
    assert controller.trainer.step_count == 0
    np.testing.assert_array_equal(controller.trainer.net.get_params(), initial)


def test_divergence_shows_the_banner_stops_play_and_the_app_stays_alive(qtbot, window):
    controller = window.controller
    # mse on a regression set is unbounded, so η = 10 overflows within a few steps (with bce
    # the loss stays finite even when the weights explode)
    assert controller.set_data_settings(task="regression", preset="line")
    assert controller.set_network_settings(hidden_sizes=(8,) * 6, activation="relu")
    assert controller.set_training_settings(learning_rate=10.0)
    controller.play()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=PATIENCE_MS)
    assert not controller.playing
    assert controller.divergence is not None
    assert f"step {controller.divergence.step}" in window.banner.title.text()
    assert "learning rate" in window.banner.whole_text()
    assert not window.step_toolbar.step_action.isEnabled()
    controller.step()  # refused, not raised
    assert controller.trainer.history.last_step == controller.trainer.step_count
    window.banner.lower_button.click()
    assert controller.session.training.learning_rate == 1.0
    assert controller.divergence is None and not window.banner.isVisible()
    controller.step()
    assert window.isVisible()


def test_panels_push_changes_to_the_session(window):
    session = window.controller.session
    window.network_panel.add_layer.click()
    assert session.network.hidden_sizes == (8, 8, 8)
    assert session.net.layer_sizes == (2, 8, 8, 8, 1)
    window.network_panel.rows[0].plus.click()
    assert session.net.layer_sizes == (2, 9, 8, 8, 1)
    window.controller.step()
    weights = session.net.get_params()
    rate = window.training_panel.controls["learning_rate"]
    rate.widget.setEditText("0.3")
    rate.widget.lineEdit().editingFinished.emit()
    assert session.training.learning_rate == 0.3
    np.testing.assert_array_equal(session.net.get_params(), weights)  # kept
    window.training_panel.controls["optimizer"].widget.setCurrentIndex(4)  # adam
    assert session.trainer.optimizer.name == "adam"
    np.testing.assert_array_equal(session.net.get_params(), weights)
    window.data_panel.controls["noise"].widget.setValue(30)
    assert session.data.noise == 0.3
    window.data_panel.feature_checks["x1^2"].setChecked(True)
    assert session.input_features == ("x1", "x2", "x1^2")


def test_pushing_settings_into_panels_emits_no_requests(window):
    requests = []
    for panel in (window.data_panel, window.network_panel, window.training_panel):
        panel.changesRequested.connect(requests.append)
    session = window.controller.session
    window.controller.set_training_settings(learning_rate=0.1, optimizer="momentum")
    window.controller.set_network_settings(hidden_sizes=(4,), activation="relu")
    window.refresh_panels()
    assert requests == []
    assert window.training_panel.controls["learning_rate"].value() == 0.1
    assert session.network.hidden_sizes == (4,)
    assert window.network_panel.rows[0].isVisibleTo(window.network_panel)
    assert not window.network_panel.rows[1].isVisibleTo(window.network_panel)
