"""Every equation the inspector shows multiplies out: the numbers displayed on the left of each
"=" give the numbers displayed on its right (to display precision), the copied full-precision
numbers give them exactly (to rounding), and δ is the engine's δ. Covers dropout (the mask is
a term of the hidden-layer equation) and every output/loss pairing, softmax with the MSE
override included (the Jacobian form, softmax has no element-wise f′)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from gui.inspector.render import Arr, parse_text_arrays
from tests.gui.shown_views import shown_inspector

_SCALE = re.compile(r"^\s*([×÷])\s*(.+?)\s*=\s*$")


@pytest.fixture
def inspector(qtbot):
    return shown_inspector(qtbot)


def _scale_factor(text: str) -> float:
    """'× 2/(16·3) =' → 2/48, '÷ 16 =' → 1/16."""
    op, expression = _SCALE.match(text).groups()
    value = eval(expression.replace("·", "*"), {"__builtins__": {}})  # digits and * / ( ) only
    return float(value) if op == "×" else 1.0 / float(value)


def _chains(line) -> list[list]:
    """Split a board line into chains ``[expr, expr, …]`` joined by "=" (each expr a list of
    Arr and operator strings). Any other text ("→ tanh →", "  ", "ŷ =") ends a chain."""
    chains, chain, expr = [], [], []

    def close():
        nonlocal chain, expr
        if expr:
            chain.append(expr)
        if len(chain) > 1:
            chains.append(chain)
        chain, expr = [], []

    for part in line:
        if isinstance(part, Arr):
            expr.append(part)
        elif part in ("⊙", "+"):
            expr.append(part)
        elif part == "=":
            chain.append(expr)
            expr = []
        elif isinstance(part, str) and _SCALE.match(part):
            expr.append(("scale", _scale_factor(part)))
            chain.append(expr)
            expr = []
        else:
            close()
    close()
    return chains


def _evaluate(expr, values, absolute=False) -> np.ndarray:
    """Value of an expression: adjacent arrays multiply as matrices, ⊙ element-wise, + adds,
    a trailing scale multiplies everything. ``absolute`` evaluates |·| of every number (an
    upper bound on the size of the rounding error)."""
    total, product, op = None, None, None
    scale = 1.0
    for token in expr:
        if isinstance(token, tuple):
            scale = token[1]
        elif isinstance(token, Arr):
            m = values[token.key]
            m = np.abs(m) if absolute else m
            if product is None:
                product = m
            elif op == "⊙":
                product = product * m
            else:
                product = product @ m
            op = None
        elif token == "⊙":
            op = "⊙"
        elif token == "+":
            total = product if total is None else total + product
            product, op = None, None
    total = product if total is None else total + product
    return total * (abs(scale) if absolute else scale)


def _shown_values(view) -> dict[str, np.ndarray]:
    return {key: np.vectorize(float, otypes=[np.float64])(texts)
            for key, texts in view.shown.items()}


def _copied_values(view) -> dict[str, np.ndarray]:
    arrays = parse_text_arrays(view.text())
    out = {}
    for section in view.sections:
        for line in section.lines:
            for part in line if isinstance(line, list) else []:
                if isinstance(part, Arr):
                    m = part.matrix()
                    out[part.key] = np.asarray(arrays[part.key], dtype=np.float64).reshape(
                        m.shape)
    return out


def check_equations(view) -> set[str]:
    """Assert every "=" on the page holds, with the displayed numbers (to display precision)
    and the copied ones (to 1e-12 relative); return the keys of the arrays proved as results."""
    shown, copied = _shown_values(view), _copied_values(view)
    proved = set()
    for section in view.sections:
        for line in section.lines:
            if not isinstance(line, list):
                continue
            for chain in _chains(line):
                # a board chain "A B = C ⊙ D = E" reads "A B = C, then C ⊙ D = E": each "="
                # gives the array right after it, which the next expression goes on from
                for left, right in zip(chain, chain[1:], strict=False):
                    assert isinstance(right[0], Arr), (section.title, right)
                    for values, relative in ((shown, 2.5e-3), (copied, 1e-12)):
                        lhs, rhs = _evaluate(left, values), values[right[0].key]
                        size = _evaluate(left, values, absolute=True)
                        assert lhs.shape == rhs.shape, (section.title, left, right[0])
                        tolerance = relative * (size + np.abs(rhs)) + 1e-300
                        bad = np.abs(lhs - rhs) > tolerance
                        assert not bad.any(), (
                            f"{[getattr(t, 'key', t) for t in left]} = {right[0].key}: "
                            f"{lhs.ravel()} vs "
                            f"{rhs.ravel()}")
                    proved.add(right[0].key)
    return proved


def _deltas_are_proved(view, controller, row: int) -> None:
    """Each δ^k shown is the result of an equation that holds, and is the engine's δ."""
    proved = check_equations(view)
    g = controller.trainer.last_gradients
    copied = _copied_values(view)
    for l in range(controller.trainer.net.n_layers):
        key = f"δ{'¹²³⁴⁵'[l]}"
        assert key in proved, f"{key} is shown without an equation that multiplies out"
        np.testing.assert_array_equal(copied[key].ravel(), g.deltas[l][row])


def test_dropout_mask_is_a_term_of_the_hidden_delta_equation(inspector):
    view, controller = inspector
    assert controller.set_network_settings(dropout=0.5)
    assert controller.set_training_settings(batch_size=16)
    controller.forward()
    controller.backward()
    fp = controller.trainer.last_forward
    masks = [m for m in fp.dropout_masks if m is not None]
    assert masks and any((m[0] == 0).any() for m in masks), "no unit dropped: nothing tested"
    _deltas_are_proved(view, controller, row=0)
    net = controller.trainer.net
    copied = _copied_values(view)
    for l, mask in enumerate(fp.dropout_masks):
        k = "¹²³"[l]
        np.testing.assert_array_equal(copied[f"m{k}/(1−p)"].ravel(),
                                      mask[0] / (1.0 - net.dropout[l]))
    assert "m¹/(1−p)" in view.browser.toPlainText()


@pytest.mark.parametrize("settings", [
    {"data": {"task": "classification", "preset": "spiral3"}, "network": {"loss_override": "mse"}},
    {"data": {}, "network": {"loss_override": "mse"}},  # sigmoid + mse
    {"data": {"task": "regression", "preset": "sine"}, "network": {}},  # linear + mse
    {"data": {"task": "classification", "preset": "spiral3"}, "network": {}},  # softmax + CE
    {"data": {}, "network": {}},  # sigmoid + bce
], ids=["softmax-mse", "sigmoid-mse", "linear-mse", "softmax-ce", "sigmoid-bce"])
def test_every_delta_equation_multiplies_out(inspector, settings):
    view, controller = inspector
    if settings["data"]:
        assert controller.set_data_settings(**settings["data"])
    if settings["network"]:
        assert controller.set_network_settings(**settings["network"])
    assert controller.set_training_settings(batch_size=16, l2=0.01)
    controller.forward()
    check_equations(view)  # forward: z = W a + b
    controller.backward()
    _deltas_are_proved(view, controller, row=0)


def test_softmax_with_mse_shows_its_jacobian_not_an_elementwise_derivative(inspector):
    view, controller = inspector
    assert controller.set_data_settings(task="classification", preset="spiral3")
    assert controller.set_network_settings(loss_override="mse")
    controller.forward()
    controller.backward()
    trainer = controller.trainer
    assert trainer.net.output_activation == "softmax" and trainer.loss == "mse"
    p = trainer.last_forward.output[0]
    copied = _copied_values(view)
    np.testing.assert_allclose(copied["J_softmaxᵀ"], np.diag(p) - np.outer(p, p),
                               rtol=0, atol=1e-15)
    L = trainer.net.n_layers
    k = "¹²³⁴"[L - 1]
    text = view.browser.toPlainText()
    delta_formula = next(line for line in text.splitlines() if line.startswith(f"δ{k} = "))
    assert "f′" not in delta_formula.split("Softmax")[0]  # no "⊙ f′(z)" in the formula
    assert "diag(p) − p pᵀ" in text
    _deltas_are_proved(view, controller, row=0)


def test_loss_formula_has_real_subscripts_not_run_together_letters(inspector):
    view, controller = inspector
    assert controller.set_data_settings(task="regression", preset="sine")
    controller.forward()
    boards = re.findall(r"<pre[^>]*>(.*?)</pre>", view.html, re.DOTALL)
    assert boards
    for board in boards:
        assert "meank" not in board and "ŷk" not in board
    assert "mean<sub>k</sub>" in view.html  # rich text: a real subscript
    assert "ℓ = mean_k (ŷ_k − y_k)²" in view.text()  # copied text: TeX-style
    assert "meank" not in view.text()


def test_a_hand_edit_after_an_update_is_shown_as_an_edit_not_as_the_update(qtbot):
    """θ new = θ old + Δθ must multiply out to the θ new shown next to it; a later hand edit is
    shown as θ new → θ set by hand (issue 13 item 7)."""
    view, controller = shown_inspector(qtbot)
    controller.step()
    ref = (0, "W", 0, 0)
    controller.select_parameter(ref)
    updated = controller.parameter_value(ref)
    assert controller.set_parameter(ref, 5.0)
    view.redraw()
    copied = view.text()

    def number(label):
        match = re.search(re.escape(label) + r" = ([-+0-9.eE]+)", copied)
        assert match, (label, copied)
        return float(match.group(1))

    old, delta, new = number("θ old"), number("Δθ"), number("θ new")
    assert old + delta == new == updated
    assert number("θ set by hand") == 5.0
    assert "set by hand" in view.browser.toPlainText()
    # undoing the edit (setting the value back) shows the plain update again
    assert controller.set_parameter(ref, updated)
    view.redraw()
    assert "set by hand" not in view.text()
    # a new step: the edit is history
    controller.set_parameter(ref, 5.0)
    controller.step()
    view.redraw()
    assert "set by hand" not in view.text()
