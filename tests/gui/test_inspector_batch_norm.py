"""The inspector's Backward page for a batch-normalized network says that the bias b of a
normalized layer has a zero gradient in exact arithmetic and still shows b's gradient (the
engine's rounding noise), next to ∂J/∂γ, ∂J/∂β and ∂J/∂u."""

from __future__ import annotations

import numpy as np

from gui.inspector.content import inspector_sections
from gui.inspector.render import parse_text_arrays, to_text
from tests.batch_norm_net import bn_trainer


def test_backward_says_b_has_zero_gradient_and_shows_it():
    trainer = bn_trainer(7)
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
