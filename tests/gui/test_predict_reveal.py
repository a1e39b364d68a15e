""""Predict, then reveal": Backward asks first, then reveals the real direction of the update."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.classroom.predict_reveal import DOWN, UP, dry_run_update, reveal_text
from tests.gui import classroom_helpers

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window


@pytest.fixture
def gate(classroom):
    gate = classroom.predict_reveal
    gate.action.setChecked(True)
    gate.asked, gate.shown = [], []
    gate.ask = lambda _parent, name, old: gate.asked.append((name, old)) or gate.answer
    gate.show_reveal = lambda _parent, result: gate.shown.append(result)
    gate.answer = UP
    return gate


def element(arrays, layer, kind, i, j):
    position = 2 * layer + (kind == "b")
    array = arrays[position]
    return float(array[i, j] if kind == "W" else array[i])


def test_backward_asks_then_reveals_the_sign_of_minus_eta_times_the_gradient(
        classroom, gate, qtbot):
    controller = classroom.controller
    for parameter in [(0, "W", 0, 0), (1, "W", 0, 3), (2, "b", 0, 0)]:
        controller.select_parameter(parameter)
        qtbot.keyClick(classroom, Qt.Key.Key_Right)  # forward
        assert not gate.asked
        qtbot.keyClick(classroom, Qt.Key.Key_Right)  # backward: asks first
        assert len(gate.asked) == 1
        assert controller.trainer.phase == "backward"
        result = gate.shown[-1]
        trainer = controller.trainer
        gradient = element(trainer.last_gradients.as_list(), *parameter)
        eta = trainer.optimizer.lr
        expected = UP if -eta * gradient > 0 else DOWN
        assert result.parameter == parameter
        assert result.gradient == gradient
        assert result.direction == expected
        assert result.correct == (expected == UP)
        old = element(trainer.net.parameters(), *parameter)
        qtbot.keyClick(classroom, Qt.Key.Key_Right)  # update: the revealed move happens
        new = element(trainer.net.parameters(), *parameter)
        assert old + result.update == new  # bit-exact: the same arithmetic as the optimizer
        assert np.sign(new - old) == (1 if expected == UP else -1)
        gate.asked.clear()


def test_the_reveal_is_exact_for_adam_with_state_and_clipping(classroom, gate):
    controller = classroom.controller
    controller.set_training_settings(optimizer="adam", learning_rate=0.05, clip_norm=0.5)
    for _ in range(4):
        controller.step()
    controller.select_parameter((1, "W", 2, 1))
    controller.forward()
    classroom.step_toolbar.backward_action.trigger()
    result = gate.shown[-1]
    assert result.optimizer == "adam"
    old = element(controller.trainer.net.parameters(), 1, "W", 2, 1)
    controller.update()
    new = element(controller.trainer.net.parameters(), 1, "W", 2, 1)
    assert old + result.update == new  # the dry run is bit-exact: same arithmetic


def test_cancelling_the_question_runs_no_backward_pass(classroom, gate):
    gate.answer = None
    controller = classroom.controller
    controller.forward()
    classroom.step_toolbar.backward_action.trigger()
    assert controller.trainer.phase == "forward"
    assert not gate.shown


def test_without_the_pause_backward_runs_once_and_asks_nothing(classroom, gate):
    gate.action.setChecked(False)
    controller = classroom.controller
    calls = []
    controller.phaseCompleted.connect(calls.append)
    controller.forward()
    classroom.step_toolbar.backward_action.trigger()
    assert calls == ["forward", "backward"]  # exactly one backward pass
    assert not gate.asked and not gate.shown


def test_dry_run_changes_nothing(classroom):
    controller = classroom.controller
    controller.set_training_settings(optimizer="momentum")
    controller.step()
    controller.forward()
    controller.backward()
    trainer = controller.trainer
    params = [p.copy() for p in trainer.net.parameters()]
    state = trainer.optimizer.state_dict()
    dry_run_update(trainer, (0, "W", 1, 0))
    assert all(np.array_equal(a, b) for a, b in zip(params, trainer.net.parameters(),
                                                    strict=True))
    assert trainer.optimizer.state_dict() == state


def test_reveal_text_names_the_direction_and_the_verdict(classroom, gate):
    controller = classroom.controller
    controller.forward()
    classroom.step_toolbar.backward_action.trigger()
    result = gate.shown[-1]
    text = reveal_text(result)
    assert "∂J/∂" + result.name in text
    if result.correct:
        assert "was right" in text and "not right" not in text
    else:
        assert "not right" in text
    assert f"{result.gradient:+.4g}" in text
