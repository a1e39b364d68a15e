"""A short random-action run over the controls this module owns (the long monkey test lives in
tests/reliability): nothing raises, undo never acts on points it does not know, and the
history length always equals the step count."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tests.gui.test_canvas_drawing import click

CONTROL = Qt.KeyboardModifier.ControlModifier


def actions(qtbot, window, rng):
    c = window.controller

    def preset():
        names = (["circle", "xor", "spiral3", "blobs"] if c.session.data.task == "classification"
                 else ["sine", "plane", "line", "bumps"])
        c.set_data_settings(preset=str(rng.choice(names)))

    def play_briefly():
        c.play()
        qtbot.wait(30)
        c.pause()

    return [
        lambda: click(qtbot, window.canvas, *rng.uniform(-6, 6, 2)),
        lambda: click(qtbot, window.canvas, *rng.uniform(-6, 6, 2), Qt.MouseButton.RightButton),
        lambda: click(qtbot, window.canvas, *rng.uniform(-6, 6, 2), modifiers=CONTROL),
        lambda: qtbot.keyClick(window, [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3][rng.integers(3)]),
        window.undo_stack.undo, window.undo_stack.redo, window.drawing.clear,
        c.step, c.forward, c.backward, c.update, c.epoch, c.reset, c.rewind, play_briefly,
        lambda: c.set_data_settings(task=["classification", "regression"][rng.integers(2)]),
        preset, window.data_panel.regenerate_button.click,
        lambda: c.set_network_settings(
            hidden_sizes=tuple(rng.integers(1, 17, rng.integers(0, 9)).tolist())),
        lambda: c.set_network_settings(activation=str(rng.choice(["relu", "tanh", "elu"]))),
        lambda: c.set_training_settings(learning_rate=float(rng.choice([1e-5, 0.03, 10, 100]))),
        lambda: c.set_training_settings(batch_size=int(rng.choice([0, 1, 10, 10000]))),
        lambda: c.set_training_settings(optimizer=str(rng.choice(["sgd", "adam", "nesterov"]))),
        lambda: c.set_network_settings(loss_override=[None, "mse"][rng.integers(2)]),
        window.discretize_action.toggle, window.log_action.toggle,
        window.banner.lower_button.click,
    ]


@pytest.mark.parametrize("seed", [3])
def test_random_actions_never_raise_and_keep_history_equal_to_steps(qtbot, window, seed):
    rng = np.random.default_rng(seed)
    choices = actions(qtbot, window, rng)
    trainer_of = lambda: window.controller.trainer  # noqa: E731
    for _ in range(150):
        choices[rng.integers(len(choices))]()
        assert trainer_of().history.last_step == trainer_of().step_count
    while window.undo_stack.canUndo():  # the whole history still undoes cleanly
        window.undo_stack.undo()


def test_a_point_set_replaced_outside_the_history_clears_it(window):
    window.drawing.add_at(1.0, 1.0)
    assert window.undo_stack.canUndo()
    window.controller.set_data_settings(task="regression")  # e.g. a lesson or a script
    assert not window.undo_stack.canUndo()
