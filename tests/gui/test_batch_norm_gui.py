"""Batch norm in the GUI: the Network panel's check box rebuilds the network, batch size 1 is
refused with the message, and the app steps with batch norm through forward, backward and update
with the inspector and the diagram showing the engine's own numbers."""

from __future__ import annotations

import numpy as np
import pytest

from gui.inspector.render import parse_text_arrays


def _turn_on(window, qtbot, batch_size=16):
    controller = window.controller
    controller.set_training_settings(batch_size=batch_size)
    box = window.network_panel.controls["batch_norm"].widget
    assert not box.isChecked()
    box.click()  # a real click: the panel asks, the controller rebuilds
    return controller


def test_the_check_box_rebuilds_the_network_with_batch_norm(window, qtbot):
    controller = window.controller
    controller.run_steps(2)
    controller = _turn_on(window, qtbot)
    assert controller.session.network.batch_norm is True
    assert controller.trainer.net.batch_norm is True
    assert controller.trainer.step_count == 0  # an architecture change starts again
    assert window.network_panel.controls["batch_norm"].widget.isChecked()


def test_batch_size_one_is_refused_with_the_message(window, qtbot):
    controller = _turn_on(window, qtbot)
    messages = []
    controller.errorOccurred.connect(messages.append)
    assert not controller.set_training_settings(batch_size=1)
    assert controller.trainer.batch_size == 16
    assert len(messages) == 1 and "one sample has no variance" in messages[0]


def test_turning_batch_norm_on_with_batch_size_one_is_refused(window, qtbot):
    controller = window.controller
    controller.set_training_settings(batch_size=1)
    messages = []
    controller.errorOccurred.connect(messages.append)
    window.network_panel.controls["batch_norm"].widget.click()
    assert controller.trainer.net.batch_norm is False
    assert not window.network_panel.controls["batch_norm"].widget.isChecked()
    assert messages and "batch norm" in messages[0]


@pytest.mark.parametrize("parameter", [(0, "b", 1, 0), (1, "W", 2, 3)])
def test_stepping_with_batch_norm_shows_the_engines_numbers(window, qtbot, parameter):
    controller = _turn_on(window, qtbot)
    window.workspaces.apply("step-through")
    views = window.step_views
    assert views.inspector.isVisible() and views.diagram.isVisible()
    controller.run_steps(3)
    controller.select_parameter(parameter)
    controller.forward()
    trainer = controller.trainer
    fp = trainer.last_forward
    assert fp.training and fp.bn_normalized[0] is not None
    controller.backward()
    g = trainer.last_gradients
    controller.update()
    assert trainer.step_count == 4
    text = views.inspector.text()
    arrays = parse_text_arrays(text)
    row = 0  # the default sample is the first of the mini-batch
    for l, k in enumerate("¹²"):
        assert np.array_equal(arrays[f"u{k}"], fp.linear_outputs[l][row])
        assert np.array_equal(arrays[f"μ{k}"], fp.bn_mean[l])
        assert np.array_equal(arrays[f"σ{k}²"], fp.bn_var[l])
        assert np.array_equal(arrays[f"û{k}"], fp.bn_normalized[l][row])
        assert np.array_equal(arrays[f"z{k}"], fp.pre_activations[l][row])
        assert np.array_equal(arrays[f"∂J/∂γ{k}"], g.bn_gamma[l])
        assert np.array_equal(arrays[f"∂J/∂β{k}"], g.bn_beta[l])
        assert np.array_equal(arrays[f"∂J/∂u{k}"], g.linear_deltas[l][row])
    layer = parameter[0]
    k = "¹²"[layer]
    old = trainer.last_update.old_params
    assert np.array_equal(arrays[f"γ{k} old"], old[4 * layer + 2])
    assert np.array_equal(arrays[f"γ{k} new"], trainer.net.bn_gamma[layer])
    assert np.array_equal(arrays[f"β{k} new"], trainer.net.bn_beta[layer])
    assert ("zero gradient in exact arithmetic" in text.split("Update of")[-1]) == (
        parameter[1] == "b")
    # The update's θ old, ∂J/∂θ and θ new are the selected parameter's own.
    _, kind, i, j = parameter
    new_value = trainer.net.weights[layer][i, j] if kind == "W" else trainer.net.biases[layer][i]
    assert float(text.split("θ new = ")[-1].split()[0]) == new_value
    # The diagram redrew without trouble and other views keep working on a new step.
    controller.step()
    assert trainer.step_count == 5
