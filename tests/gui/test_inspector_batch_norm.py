"""The inspector's Backward page for a batch-normalized network says that the bias b of a
normalized layer has a zero gradient in exact arithmetic and still shows b's gradient (the
engine's rounding noise), next to ∂J/∂γ, ∂J/∂β and ∂J/∂u."""

from __future__ import annotations

import numpy as np

from core.network import MLP
from core.settings import TrainingSettings
from core.training import Trainer
from gui.inspector.content import inspector_sections
from gui.inspector.render import parse_text_arrays, to_text


def bn_trainer():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(20, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.float64)[:, None]
    net = MLP((2, 5, 4, 1), batch_norm=True, seed=2)
    return Trainer(net, "bce", X[:14], y[:14], X[14:], y[14:],
                   settings=TrainingSettings(batch_size=7, learning_rate=0.1))


def test_backward_says_b_has_zero_gradient_and_shows_it():
    trainer = bn_trainer()
    trainer.step()
    trainer.forward()
    g = trainer.backward()
    text = to_text(inspector_sections(trainer))
    backward = text.split("Backward", 1)[1]
    assert "zero gradient in exact arithmetic" in backward
    arrays = parse_text_arrays(text)
    for l, k in enumerate("¹²"):
        shown = arrays[f"∂J/∂b{k}"]
        assert np.array_equal(shown, g.biases[l])  # shown, not hidden
        assert np.max(np.abs(shown)) < 1e-12  # rounding noise around the exact 0
        assert np.array_equal(arrays[f"∂J/∂γ{k}"], g.bn_gamma[l])
        assert np.array_equal(arrays[f"∂J/∂β{k}"], g.bn_beta[l])
    assert np.max(np.abs(g.biases[2])) > 1e-6  # the output layer is not normalized
