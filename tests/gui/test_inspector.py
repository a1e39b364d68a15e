"""The inspector shows the engine's own numbers: what is displayed parses back to z, a, δ,
∂J/∂W and the new W to the displayed precision, and the copied text is bit-identical."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest

from gui.inspector.render import DISPLAY_DIGITS, MAX_SHOWN, parse_text_arrays
from tests.gui.shown_views import shown_inspector


@pytest.fixture
def inspector(qtbot):
    return shown_inspector(qtbot)


def _shown(view, key) -> np.ndarray:
    """The displayed strings of one array, parsed back to floats."""
    texts = view.shown[key]
    return np.vectorize(float, otypes=[np.float64])(texts)


def _assert_displayed(view, key, engine):
    """Displayed numbers equal the engine's rounded to DISPLAY_DIGITS significant digits, and
    every displayed row is really in the rendered text."""
    shown = _shown(view, key)
    engine = np.asarray(engine, dtype=np.float64)
    engine = engine.reshape(-1, 1) if engine.ndim == 1 else engine
    engine = engine[:shown.shape[0], :shown.shape[1]]
    assert shown.shape == engine.shape, key
    exponent = np.floor(np.log10(np.where(engine == 0, 1.0, np.abs(engine))))
    half_unit = 0.5 * 10.0 ** (exponent - (DISPLAY_DIGITS - 1))
    assert np.all(np.abs(shown - engine) <= half_unit * (1 + 1e-9)), key
    rendered = view.browser.toPlainText()
    for text in view.shown[key].ravel():
        assert text in rendered


def _sample_with_batch(controller, batch_size):
    controller.set_training_settings(batch_size=batch_size)
    controller.forward()
    batch = controller.trainer.batch_indices
    controller.select_sample(int(batch[3]))
    return 3  # its row in the mini-batch


def test_inspector_numbers_parse_back_to_the_engine_in_every_phase(inspector):
    view, controller = inspector
    row = _sample_with_batch(controller, 32)
    trainer = controller.trainer
    fp, net = trainer.last_forward, trainer.net
    for l in range(net.n_layers):
        k = "¹²³⁴"[l]
        _assert_displayed(view, f"z{k}", fp.pre_activations[l][row])
        _assert_displayed(view, f"a{k}", fp.activations[l + 1][row])
        _assert_displayed(view, f"W{k}", net.weights[l])
    assert "Backward" not in view.browser.toPlainText()

    controller.backward()
    g = trainer.last_gradients
    for l in range(net.n_layers):
        k = "¹²³⁴"[l]
        _assert_displayed(view, f"δ{k}", g.deltas[l][row])
        _assert_displayed(view, f"∂J/∂W{k}", g.weights[l])
        _assert_displayed(view, f"∂J/∂b{k}", g.biases[l])
    assert "Update" not in view.browser.toPlainText()

    controller.select_parameter((1, "W", 2, 5))
    controller.update()
    _assert_displayed(view, "W² new", trainer.net.weights[1])
    text = view.text()
    new_value = float(text.split("θ new = ")[-1].split()[0])
    assert new_value == trainer.net.weights[1][2, 5]  # full precision in the copy
    # The forward part still shows the weights the forward pass used (before the update).
    _assert_displayed(view, "W²", trainer.last_update.old_params[2])


def test_copied_text_is_bit_identical_to_the_engine(inspector):
    view, controller = inspector
    controller.forward()
    controller.backward()
    controller.update()
    arrays = parse_text_arrays(view.text())
    trainer = controller.trainer
    fp, g = trainer.last_forward, trainer.last_gradients
    assert np.array_equal(arrays["z²"], fp.pre_activations[1][0])
    assert np.array_equal(arrays["a¹"], fp.activations[1][0])
    assert np.array_equal(arrays["δ¹"], g.deltas[0][0])
    assert np.array_equal(arrays["∂J/∂W²"], g.weights[1])
    assert np.array_equal(arrays["W¹ new"], trainer.net.weights[0])
    assert np.array_equal(arrays["ŷ"], fp.output[0])


def test_wide_layers_are_truncated_with_full_values_on_hover(inspector):
    view, controller = inspector
    controller.set_network_settings(hidden_sizes=(12,))
    controller.forward()
    shown = view.shown["W¹"]
    assert shown.shape == (MAX_SHOWN, 2)
    assert "⋮" in view.browser.toPlainText()
    full_text = next(t for t in view.links.values() if t.startswith("W¹ (12×2)"))
    values = full_text.split(" = ", 1)[1]
    assert values.count(",") == 12 * 2 - 1
    assert repr(float(controller.trainer.net.weights[0][11, 1])) in values
    assert view.shown["W²"].shape == (1, MAX_SHOWN)  # 1×12 row: columns truncated
    assert "…" in view.browser.toPlainText()


def test_penalty_term_is_shown_apart_and_adds_up(inspector):
    view, controller = inspector
    controller.set_training_settings(l2=0.5)
    controller.forward()
    controller.backward()
    arrays = parse_text_arrays(view.text())
    total = controller.trainer.last_gradients.weights[0]
    assert np.array_equal(arrays["λ₂W¹"], 0.5 * controller.trainer.net.weights[0])
    assert np.array_equal(arrays["Σ δ¹(a⁰)ᵀ"] + arrays["λ₂W¹"], total)
    assert "J = J_data + penalty" in view.browser.toPlainText()


@pytest.mark.parametrize("optimizer, terms", [("momentum", ["v ="]),
                                              ("adam", ["m̂ =", "v̂ ="])])
def test_update_shows_the_optimizer_terms(inspector, optimizer, terms):
    view, controller = inspector
    controller.set_training_settings(optimizer=optimizer)
    controller.step()
    controller.step()
    text = view.browser.toPlainText()
    for term in terms:
        assert term in text
    expected = controller.trainer.optimizer.terms(0, 0)
    copied = view.text()
    for key, label in (("m_hat", "m̂"), ("v_hat", "v̂"), ("v", "v")):
        if key in expected:
            assert f"{label} = {expected[key]!r}" in copied


def test_sample_outside_the_batch_is_explained(inspector):
    view, controller = inspector
    controller.set_training_settings(batch_size=4)
    controller.forward()
    batch = set(controller.trainer.batch_indices.tolist())
    outside = next(i for i in range(controller.trainer.n_train) if i not in batch)
    controller.select_sample(outside)
    assert "not in this mini-batch" in view.browser.toPlainText()
    expected = controller.trainer.net.forward(controller.trainer.X_train[outside:outside + 1])
    _assert_displayed(view, "z¹", expected.pre_activations[0][0])
    assert math.isfinite(float(view.shown["a³"][0, 0]))


def test_screenshots_of_each_phase(inspector, tmp_path):
    view, controller = inspector
    controller.select_parameter((2, "W", 0, 4))
    for phase, action in (("forward", controller.forward), ("backward", controller.backward),
                          ("update", controller.update)):
        action()
        bar = view.browser.verticalScrollBar()
        bar.setValue(bar.maximum() if phase != "forward" else 0)
        path = f"{tmp_path}/inspector_{phase}.png"
        assert view.grab().save(path)
        assert os.path.getsize(path) > 10_000


def test_selected_neuron_is_highlighted_in_its_vectors(inspector):
    view, controller = inspector
    controller.forward()
    assert "background-color:#FFE08A" not in view.html
    controller.select_neuron((1, 2))
    highlighted = view.html.split("background-color:#FFE08A\">")[1:]
    texts = [h.split("<")[0] for h in highlighted]
    fp = controller.trainer.last_forward
    assert texts == [f"{fp.pre_activations[0][0, 2]:.4g}", f"{fp.activations[1][0, 2]:.4g}"]


@pytest.mark.parametrize("preset, task", [("spiral3", "classification"), ("sine", "regression")])
def test_softmax_and_regression_pages_show_the_engine_numbers(inspector, preset, task):
    view, controller = inspector
    controller.set_data_settings(task=task, preset=preset)
    controller.forward()
    controller.backward()
    trainer = controller.trainer
    L = trainer.net.n_layers
    k = "¹²³⁴⁵"[L - 1]
    _assert_displayed(view, f"δ{k}", trainer.last_gradients.deltas[-1][0])
    _assert_displayed(view, "ŷ", trainer.last_forward.output[0])
    text = view.browser.toPlainText()
    assert ("(p − y)/n" in text) == (task == "classification")
    assert ("2(ŷ − y)/(n·d)" in text) == (task == "regression")
    controller.update()
    assert "Update of W¹[0, 0]" in view.browser.toPlainText()
