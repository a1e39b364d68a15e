"""What the inspector shows: the step's forward, backward and update with the engine's numbers.

Every number comes from the trainer's own arrays (``last_forward``, ``last_gradients``,
``last_update``, ``optimizer.terms``). Where the board shows an intermediate the engine does not
keep — (W^{k+1})ᵀ δ^{k+1}, f′(z^k), the data part of ∂J/∂W — it is computed with the very
operation ``MLP.backward`` uses, on the same arrays, so it is bit-identical.

Notation (the same in the diagram): layers k = 1 … L; a⁰ = x; z^k = W^k a^{k−1} + b^k and
a^k = f(z^k) with W^k = ``net.weights[k−1]``, b^k = ``net.biases[k−1]``, z^k =
``pre_activations[k−1]``, a^k = ``activations[k]``, δ^k = ``deltas[k−1]`` = ∂J/∂z^k. Element
indices are 0-based as in NumPy: W¹[i, j] connects input unit j to unit i of layer 1.
Backpropagation as in Goodfellow et al. 2016, §6.5; optimizer rules as in ``core.optimizers``.
With batch norm (Ioffe & Szegedy 2015) a hidden layer shows u^k = W^k a^{k−1} + b^k
(``linear_outputs``), û^k = (u^k − μ)/√(σ² + ε) (``bn_normalized``), z^k = γ ⊙ û^k + β, and its
backward ∂J/∂γ, ∂J/∂β and ∂J/∂u^k (``linear_deltas``), all the engine's own arrays.
"""

from __future__ import annotations

import numpy as np

from core.activations import ACTIVATIONS
from core.losses import per_sample_loss
from gui.common.display_names import display_name
from gui.common.i18n import translate
from core.parameters import ParamRef, sup
from core.network import BN_EPS
from core.selected_sample import forward_arrays, forward_parameters, sample_forward, sample_row
from gui.inspector.render import Arr, Num, Section
from gui.common.number_format import number

LOSS_FORMULAS = {
    "bce": "ℓ = −[y log p + (1 − y) log(1 − p)]",
    "cross_entropy": "ℓ = −log p<sub>y</sub>",
    "mse": "ℓ = mean<sub>k</sub> (ŷ<sub>k</sub> − y<sub>k</sub>)²",
}


def loss_formula(loss: str) -> str:
    """The per-sample loss formula of ``loss`` in the current language (symbols kept)."""
    if loss == "mse":
        return translate("Inspector", "ℓ = mean<sub>k</sub> (ŷ<sub>k</sub> − y<sub>k</sub>)²")
    return LOSS_FORMULAS[loss]


def _valid_parameter(net, parameter) -> bool:
    """True if ``parameter`` = (layer, "W"/"b", i, j) names an element of ``net``."""
    try:
        return ParamRef(*parameter).is_valid(net.layer_sizes, getattr(net, "batch_norm", False))
    except TypeError:
        return False


def _highlight(neuron, k: int) -> set:
    return {(neuron[1], 0)} if neuron is not None and neuron[0] == k else set()


def forward_sections(trainer, sample: int, row, neuron=None) -> list[Section]:
    """Forward section (z = W a + b, a = f(z) per layer) and the output/loss section."""
    net = trainer.net
    arrays = forward_arrays(trainer)
    weights, biases = arrays["W"], arrays["b"]
    n = len(trainer.batch_indices)
    note = translate("Inspector", "Training sample #{0}, row {1} of the mini-batch of {2}."
                     ).format(sample, row, n)
    if row is None:
        note = translate("Inspector", "Training sample #{0} is <b>not in this mini-batch</b>: "
                         "it does not contribute to this step. Its forward pass with the same "
                         "parameters:").format(sample)
    fp, row = sample_forward(trainer, sample, row)
    lines: list = [[translate("Inspector", "input x (the network's features):"),
                    Arr("a⁰", fp.activations[0][row], highlight=_highlight(neuron, 0))]]
    names = [*net.hidden_activations, net.output_activation]
    for l, name in enumerate(names):
        k = sup(l + 1)
        a_in_label = f"a{sup(l)}"
        if l > 0 and fp.dropout_masks[l - 1] is not None:
            a_in_label = f"a{sup(l)} ⊙ m/(1−p)"  # inverted dropout mask applied
        width = net.layer_sizes[l + 1]
        units = (translate("Inspector", "{0} units") if width > 1 else
                 translate("Inspector", "{0} unit")).format(width)
        if fp.linear_outputs and fp.linear_outputs[l] is not None:
            lines += _batch_norm_forward_lines(fp, arrays, l, row, name, units, a_in_label,
                                               neuron)
            continue
        lines.append(translate("Inspector", "<b>Layer {0}</b> ({1}, {2}): {3}").format(
            l + 1, display_name(name), units,
            f"z{k} = W{k} a{sup(l)} + b{k},  a{k} = {name}(z{k})"))
        lines.append([
            Arr(f"W{k}", weights[l]), Arr(a_in_label, fp.layer_inputs[l][row], key=f"a{sup(l)}in"),
            "+", Arr(f"b{k}", biases[l]), "=",
            Arr(f"z{k}", fp.pre_activations[l][row], highlight=_highlight(neuron, l + 1)),
            f"→ {name} →",
            Arr(f"a{k}", fp.activations[l + 1][row], highlight=_highlight(neuron, l + 1)),
        ])
    title = (translate("Inspector", "Forward") if trainer.phase == "forward" else
             translate("Inspector", "Forward (this step)"))
    sections = [Section(title, lines, note, phase="forward")]
    sections.append(output_section(trainer, fp, row, sample))
    return sections


def _batch_norm_forward_lines(fp, arrays, l: int, row: int, name: str, units: str,
                              a_in_label: str, neuron) -> list:
    """u = W a + b → û = (u − μ)/√(σ² + ε) → z = γ ⊙ û + β → a = f(z) of a normalized layer."""
    k = sup(l + 1)
    stats = (translate("Inspector", "batch statistics") if fp.training else
             translate("Inspector", "running statistics"))
    return [
        translate("Inspector", "<b>Layer {0}</b> ({1}, {2}, batch norm): {3}").format(
            l + 1, display_name(name), units,
            f"u{k} = W{k} a{sup(l)} + b{k},  û{k} = (u{k} − μ{k})/√(σ{k}² + ε),  "
            f"z{k} = γ{k} ⊙ û{k} + β{k},  a{k} = {name}(z{k})"),
        [Arr(f"W{k}", arrays["W"][l]),
         Arr(a_in_label, fp.layer_inputs[l][row], key=f"a{sup(l)}in"),
         "+", Arr(f"b{k}", arrays["b"][l]), "=", Arr(f"u{k}", fp.linear_outputs[l][row])],
        translate("Inspector", "μ and σ² over the mini-batch ({0}), ε = {1}:").format(
            stats, number(BN_EPS)),
        [Arr(f"u{k}", fp.linear_outputs[l][row], key=f"u{k}2"), "−",
         Arr(f"μ{k}", fp.bn_mean[l]), "÷ √(", Arr(f"σ{k}²", fp.bn_var[l]), "+ ε ) =",
         Arr(f"û{k}", fp.bn_normalized[l][row])],
        [Arr(f"γ{k}", arrays["gamma"][l]), "⊙", Arr(f"û{k}", fp.bn_normalized[l][row],
                                                   key=f"û{k}2"),
         "+", Arr(f"β{k}", arrays["beta"][l]), "=",
         Arr(f"z{k}", fp.pre_activations[l][row], highlight=_highlight(neuron, l + 1)),
         f"→ {name} →",
         Arr(f"a{k}", fp.activations[l + 1][row], highlight=_highlight(neuron, l + 1))],
    ]


def _targets_row(trainer, sample: int) -> np.ndarray:
    y = np.asarray(trainer.y_train[sample], dtype=np.float64)
    return y.reshape(-1)


def output_section(trainer, fp, row: int, sample: int) -> Section:
    """ŷ, y, the sample's loss and the batch's mean loss."""
    loss = trainer.loss
    logits, output = fp.pre_activations[-1][row:row + 1], fp.output[row:row + 1]
    y_row = trainer.y_train[sample:sample + 1]
    sample_loss = float(per_sample_loss(loss, logits, output, y_row)[0])
    lines: list = [["ŷ =", Arr("ŷ", output[0])]]
    if loss == "cross_entropy":
        label = int(np.asarray(y_row).reshape(-1)[0])
        lines.append([translate("Inspector", "y = class {0}, one-hot").format(label),
                      Arr("y", _one_hot(label, output.shape[1]))])
    else:
        lines.append(["y =", Arr("y", _targets_row(trainer, sample))])
    lines.append(loss_formula(loss))  # a paragraph: real subscripts, not flattened in a board
    lines.append([Num(translate("Inspector", "sample loss ℓ"), sample_loss)])
    gradients = trainer.last_gradients if trainer.phase != "forward" else None
    batch_loss = gradients.data_loss if gradients is not None else trainer.batch_loss
    lines.append([translate("Inspector", "mean over the n = {0} samples of the batch:").format(
        len(trainer.batch_indices)), Num(translate("Inspector", "J_data"), batch_loss)])
    if gradients is not None and gradients.penalty:
        lines.append([translate("Inspector", "J = J_data + penalty:"),
                      Num(translate("Inspector", "penalty"), gradients.penalty),
                      Num("J", gradients.loss)])
    return Section(translate("Inspector", "Output and loss"), lines, phase="forward")


def _one_hot(label: int, k: int) -> np.ndarray:
    v = np.zeros(k)
    v[label] = 1.0
    return v


def _output_delta_lines(trainer, fp, g, row: int, sample: int, neuron) -> list:
    """δ^L of the sample, from ŷ − y (or p − y) by the very steps of ``core.losses``.

    bce / cross-entropy: the fused δ = (p − y)/n. mse: ∂J/∂ŷ = 2(ŷ − y)/(n·d), then through the
    output activation: × 1 (linear), ⊙ ŷ(1 − ŷ) (sigmoid), or J_softmaxᵀ · (softmax, which has
    no element-wise f′: J_softmax = diag(p) − p pᵀ, Goodfellow et al. 2016, §6.2.2.3)."""
    net, L, n = trainer.net, trainer.net.n_layers, len(trainer.batch_indices)
    output, y = fp.output[row], trainer.y_train[sample]
    if trainer.loss == "cross_entropy":
        y = _one_hot(int(y), output.shape[0])
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    residual = output - y
    kL, d = sup(L), output.shape[0]
    delta = Arr(f"δ{kL}", g.deltas[L - 1][row], highlight=_highlight(neuron, L))
    if trainer.loss != "mse":
        return [translate("Inspector", "δ{0} = ∂J/∂z{0} = (p − y)/n with n = {1} (the 1/n "
                          "of the batch mean)").format(kL, n),
                [Arr("p − y", residual), f"÷ {n} =", delta]]
    grad_output = residual * (2.0 / (n * d))  # ∂J/∂ŷ, as in core.losses
    times = f"× 2/({n}·{d}) ="
    if net.output_activation == "linear":
        return [translate("Inspector", "δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) with n = {1}, d = {2} "
                          "(linear output: f′ = 1)").format(kL, n, d),
                [Arr("ŷ − y", residual), times, delta]]
    if net.output_activation == "sigmoid":
        slope = output * (1.0 - output)  # σ′(z) = ŷ(1 − ŷ), as in core.losses
        return [translate("Inspector", "δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) ⊙ f′(z{0}) with "
                          "n = {1}, d = {2}, f′(z) = ŷ(1 − ŷ)").format(kL, n, d),
                [Arr("ŷ − y", residual), times, Arr("∂J/∂ŷ", grad_output), "⊙",
                 Arr(f"f′(z{kL})", slope), "=", delta]]
    jacobian = np.diag(output) - np.outer(output, output)  # ∂p_i/∂z_j = p_i(δ_ij − p_j)
    return [translate("Inspector", "δ{0} = ∂J/∂z{0} = J_softmaxᵀ · 2(ŷ − y)/(n·d) with n = {1}, "
                      "d = {2}. Softmax has no element-wise f′: every output depends on every z, "
                      "through its Jacobian J_softmax = ∂p/∂z = diag(p) − p pᵀ (symmetric)."
                      ).format(kL, n, d),
            [Arr("ŷ − y", residual), times, Arr("∂J/∂ŷ", grad_output)],
            [Arr("J_softmaxᵀ", jacobian.T), Arr("∂J/∂ŷ", grad_output), "=", delta]]


def _hidden_delta_lines(trainer, fp, g, weights, l: int, row: int, neuron) -> list:
    """δ^k = (W^{k+1})ᵀ δ^{k+1} [⊙ m^k/(1−p)] ⊙ f′(z^k) for hidden layer k = l + 1, each factor
    computed as ``MLP.backward`` computes it (the dropout mask only when the layer used one)."""
    net = trainer.net
    k, above = sup(l + 1), sup(l + 2)
    act = ACTIVATIONS[net.hidden_activations[l]]
    above_delta = g.linear_deltas[l + 1] if g.linear_deltas else g.deltas[l + 1]
    upstream = (above_delta @ weights[l + 1])[row]  # as in MLP.backward
    slope = act.derivative(fp.pre_activations[l], fp.activations[l + 1])[row]
    mask = fp.dropout_masks[l]
    # the layer above passes back ∂J/∂u (= δ unless it is normalized)
    d_above = f"∂J/∂u{above}" if above_delta is not g.deltas[l + 1] else f"δ{above}"
    line: list = [Arr(f"(W{above})ᵀ", weights[l + 1].T), Arr(d_above, above_delta[row]),
                  "=", Arr(f"(W{above})ᵀ {d_above}", upstream)]
    if mask is None:
        head = f"δ{k} = (W{above})ᵀ {d_above} ⊙ f′(z{k}),  f = {act.name}"
    else:
        head = (f"δ{k} = (W{above})ᵀ {d_above} ⊙ m{k}/(1−p) ⊙ f′(z{k}),  f = {act.name},  "
                + translate("Inspector", "dropout p = {0}: m{1} is this step's mask of "
                            "layer {2} (0 = dropped)").format(number(net.dropout[l]), k, l + 1))
        line += ["⊙", Arr(f"m{k}/(1−p)", net.dropout_scale(mask, l)[row])]
    line += ["⊙", Arr(f"f′(z{k})", slope), "=",
             Arr(f"δ{k}", g.deltas[l][row], highlight=_highlight(neuron, l + 1))]
    lines = [head, line]
    if g.bn_gamma and l < len(g.bn_gamma):
        lines += _batch_norm_backward_lines(fp, g, l, row)
    return lines


def _batch_norm_backward_lines(fp, g, l: int, row: int) -> list:
    """∂J/∂u^k of a normalized layer (Ioffe & Szegedy 2015, §3), from the engine's arrays."""
    k = sup(l + 1)
    if fp.training:
        head = translate(
            "Inspector", "through the batch norm: g = δ{0} ⊙ γ{0}, ∂J/∂u{0} = (g − mean(g) − "
            "û{0} ⊙ mean(g ⊙ û{0}))/√(σ{0}² + ε), means over the mini-batch (μ and σ² "
            "depend on every sample)").format(k)
    else:
        head = translate("Inspector", "through the batch norm (running statistics): "
                         "∂J/∂u{0} = δ{0} ⊙ γ{0}/√(σ{0}² + ε)").format(k)
    return [head, [Arr(f"δ{k}", g.deltas[l][row], key=f"δ{k}bn"), "→",
                   Arr(f"∂J/∂u{k}", g.linear_deltas[l][row])]]


def backward_section(trainer, sample: int, row, neuron=None) -> Section:
    """δ^L, δ^k = (W^{k+1})ᵀ δ^{k+1} ⊙ f′(z^k), ∂J/∂W^k and ∂J/∂b^k (penalty shown apart)."""
    net, fp, g = trainer.net, trainer.last_forward, trainer.last_gradients
    weights, _ = forward_parameters(trainer)
    L = net.n_layers
    linear_deltas = g.linear_deltas or g.deltas
    lines: list = []
    if row is None:
        lines.append(translate("Inspector", "Sample #{0} is not in this mini-batch, so it has no "
                               "δ in this step (it adds nothing to ∂J/∂W). The batch's "
                               "gradients:").format(sample))
    else:
        lines += _output_delta_lines(trainer, fp, g, row, sample, neuron)
        for l in range(L - 2, -1, -1):  # hidden layer k = l + 1, from the output back
            lines += _hidden_delta_lines(trainer, fp, g, weights, l, row, neuron)
    lines.append(translate("Inspector", "<b>Gradients of the batch</b>: ∂J/∂W<sup>k</sup> = "
                           "Σ<sub>batch</sub> δ<sup>k</sup> (a<sup>k−1</sup>)ᵀ — δ already "
                           "carries the 1/n, so this is the mean over the batch of n·δ aᵀ — "
                           "plus the penalty term; ∂J/∂b<sup>k</sup> = Σ<sub>batch</sub> "
                           "δ<sup>k</sup>."))
    if g.bn_gamma:
        lines.append(translate(
            "Inspector", "With batch norm, W<sup>k</sup> and b<sup>k</sup> of a normalized "
            "layer get ∂J/∂u<sup>k</sup> in place of δ<sup>k</sup>; ∂J/∂γ<sup>k</sup> = "
            "Σ<sub>batch</sub> δ<sup>k</sup> ⊙ û<sup>k</sup>, ∂J/∂β<sup>k</sup> = "
            "Σ<sub>batch</sub> δ<sup>k</sup>. The bias b<sup>k</sup> of a normalized layer has "
            "a zero gradient in exact arithmetic (subtracting μ cancels it): what is shown is "
            "rounding noise."))
    for l in range(L - 1, -1, -1):
        k = sup(l + 1)
        parts: list = [Arr(f"∂J/∂W{k}", g.weights[l])]
        if trainer.l1 or trainer.l2:
            data = linear_deltas[l].T @ fp.layer_inputs[l]  # the data term, as in MLP.backward
            d_name = f"∂J/∂u{k}" if linear_deltas[l] is not g.deltas[l] else f"δ{k}"
            parts = [Arr(f"Σ {d_name}(a{sup(l)})ᵀ", data)]
            if trainer.l2:
                parts += ["+", Arr(f"λ₂W{k} (λ₂ = {number(trainer.l2)})", trainer.l2 * weights[l],
                                   key=f"λ₂W{k}")]
            if trainer.l1:
                parts += ["+", Arr(f"λ₁ sign(W{k}) (λ₁ = {number(trainer.l1)})",
                                   trainer.l1 * np.sign(weights[l]), key=f"λ₁sign(W{k})")]
            parts += ["=", Arr(f"∂J/∂W{k}", g.weights[l])]
        lines.append([*parts, "  ", Arr(f"∂J/∂b{k}", g.biases[l])])
        if g.bn_gamma and l < len(g.bn_gamma):
            lines.append([Arr(f"∂J/∂γ{k}", g.bn_gamma[l]), "  ",
                          Arr(f"∂J/∂β{k}", g.bn_beta[l])])
    return Section(translate("Inspector", "Backward"), lines, phase="backward")


_RULES = {
    "sgd": "θ ← θ − η g",
    "momentum": "v ← μ v + g;  θ ← θ − η v",
    "nesterov": "v ← μ v + g;  θ ← θ − η (g + μ v)",
    "rmsprop": "s ← α s + (1 − α) g²;  θ ← θ − η g / (√s + ε)",
    "adam": ("m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;  m̂ = m/(1 − β₁ᵗ);  "
             "v̂ = v/(1 − β₂ᵗ);  θ ← θ − η m̂ / (√v̂ + ε)"),
}
_TERM_LABELS = {"v": "v", "s": "s", "m": "m", "m_hat": "m̂", "v_hat": "v̂",
                "direction": "g + μ v"}


def hyper_name(key: str) -> str:
    """An optimizer hyperparameter's name as shown (English: core's key, e.g. "beta1")."""
    names = {"momentum": translate("Inspector", "momentum"),
             "alpha": translate("Inspector", "alpha"), "eps": translate("Inspector", "eps"),
             "beta1": translate("Inspector", "beta1"), "beta2": translate("Inspector", "beta2")}
    return names.get(key, key)


def update_section(trainer, parameter, hand_edit: tuple[float, float] | None = None
                   ) -> Section:
    """Old value, gradient, the optimizer's internal terms and the new value of one parameter,
    and the whole matrix after the update. ``hand_edit``: (value after the update, value set
    by hand since) when the parameter was set by hand after the update
    (``TrainingController.hand_edit``): θ new is then the update's result, followed by the
    edit θ → θ set by hand, and the matrix is the one now."""
    ref = ParamRef(*parameter)
    layer, kind, i, j = ref
    batch_norm = getattr(trainer.net, "batch_norm", False)
    position = ref.array_position(batch_norm)
    index = ref.array_index(trainer.net.layer_sizes, batch_norm)
    record, optimizer, settings = trainer.last_update, trainer.optimizer, trainer.settings
    old_array, new_array = record.old_params[position], record.new_params[position]
    name = ref.label()
    g = trainer.last_gradients
    gradient = {"W": g.weights, "b": g.biases, "gamma": g.bn_gamma,
                "beta": g.bn_beta}[kind][layer].reshape(-1)[index]
    hyper = ", ".join(f"{hyper_name(key)} = {number(value)}"
                      for key, value in settings.optimizer_hyper().items())
    eta = number(settings.learning_rate)
    optimizer_name = display_name(settings.optimizer)
    lines: list = [f"{optimizer_name} (η = {eta}{', ' + hyper if hyper else ''}): "
                   f"{_RULES.get(settings.optimizer, '')}"]
    terms = optimizer.terms(position, index) if hasattr(optimizer, "terms") else {}
    lines.append([f"θ = {name}:", Num(translate("Inspector", "θ old"),
                                      old_array.reshape(-1)[index]),
                  Num("∂J/∂θ", gradient)])
    if terms:
        if trainer.clip_norm > 0 and terms["g"] != gradient:
            lines.append(translate("Inspector", "The gradients were clipped to global norm {0}:"
                                   ).format(number(trainer.clip_norm)))
        shown = [Num("g", terms["g"])]
        shown += [Num(label, terms[key]) for key, label in _TERM_LABELS.items() if key in terms]
        lines.append([translate("Inspector", "terms of step t = {0}:").format(int(terms['t'])),
                      *shown])
        lines.append([translate("Inspector", "θ new = θ old + Δθ:"), Num("Δθ", terms["update"])])
    else:
        lines.append(translate("Inspector", "The optimizer's state was reset since this update; "
                               "its terms are gone."))
    updated = new_array.reshape(-1)[index] if hand_edit is None else hand_edit[0]
    lines.append([Num(translate("Inspector", "θ new"), updated)])
    symbol = {"W": "W", "b": "b", "gamma": "γ", "beta": "β"}[kind]
    label = f"{symbol}{sup(layer + 1)}"
    cell = {(i, j)} if kind == "W" else {(i, 0)}
    if hand_edit is None:
        lines.append([translate("Inspector", "{0} after the update:").format(label),
                      Arr(translate("Inspector", "{0} new").format(label), new_array,
                          highlight=cell)])
    else:
        lines.append([translate("Inspector", "then set by hand:"),
                      Num(translate("Inspector", "θ new"), hand_edit[0]), "→",
                      Num(translate("Inspector", "θ set by hand"), hand_edit[1])])
        lines.append([translate("Inspector", "{0} now (set by hand after the update):"
                                ).format(label),
                      Arr(translate("Inspector", "{0} now").format(label), new_array,
                          highlight=cell)])
    if batch_norm and layer < trainer.net.n_hidden:
        lines += _batch_norm_update_lines(trainer, layer, kind)
    return Section(translate("Inspector", "Update of {0}").format(name), lines,
                   phase="update")


def _batch_norm_update_lines(trainer, layer: int, kind: str) -> list:
    """γ and β of a normalized layer old → new; the note on its bias."""
    k = sup(layer + 1)
    record = trainer.last_update
    lines: list = []
    for name, symbol in (("gamma", "γ"), ("beta", "β")):
        position = ParamRef(layer, name, 0).array_position(True)
        lines.append([Arr(translate("Inspector", "{0} old").format(f"{symbol}{k}"),
                          record.old_params[position]), "→",
                      Arr(translate("Inspector", "{0} new").format(f"{symbol}{k}"),
                          record.new_params[position])])
    if kind == "b":
        lines.append(translate(
            "Inspector", "Layer {0} is batch-normalized: its bias b has a zero gradient in "
            "exact arithmetic (μ subtracts it again), so only rounding noise moves it; β does "
            "the bias's job.").format(layer + 1))
    return lines


def inspector_sections(trainer, selected_sample=None, selected_parameter=None,
                       selected_neuron=None, hand_edit=None) -> list[Section]:
    """The whole page for the trainer's current phase.

    selected_sample: training-set index (None = first sample of the mini-batch);
    selected_parameter: core's (layer, "W"/"b", i, j) (None = W¹[0, 0]);
    selected_neuron: (k, unit) with k = 0 … L as in a^k, highlighted in the vectors;
    hand_edit: callable ref → (value after the update, value set by hand) or None
    (``TrainingController.hand_edit``); None: no hand edits are known.
    """
    if trainer.last_forward is None or trainer.batch_indices is None:
        return [Section(translate("Inspector", "Nothing computed yet"), [
            translate("Inspector", "Press <b>Forward</b> (F) to run the network on the next "
                      "mini-batch, then <b>Backward</b> (B) and <b>Update</b> (U) — or "
                      "<b>Step</b> (S) for all three.")])]
    sample, row = sample_row(trainer, selected_sample)
    sections = forward_sections(trainer, sample, row, selected_neuron)
    if trainer.phase in ("backward", "ready") and trainer.last_gradients is not None:
        sections.append(backward_section(trainer, sample, row, selected_neuron))
    if trainer.phase == "ready" and trainer.last_update is not None:
        if not _valid_parameter(trainer.net, selected_parameter):
            selected_parameter = (0, "W", 0, 0)
        edit = hand_edit(selected_parameter) if hand_edit is not None else None
        sections.append(update_section(trainer, selected_parameter, edit))
    return sections
