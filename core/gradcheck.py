"""Gradient check: backpropagation against central finite differences.

For every parameter θᵢ the numeric derivative is (J(θᵢ + h) − J(θᵢ − h)) / (2h) in float64 with
h = 1e-5, where J = mean data loss + penalty — the same J that ``MLP.backward`` differentiates
(the step actually taken, (θᵢ + h) − (θᵢ − h), is used as the denominator so that rounding of θᵢ ± h
does not bias the quotient). The check passes when

    max_i |aᵢ − nᵢ| / max(1e-8, |aᵢ| + |nᵢ|) < rtol (1e-6)

over all checked parameters (CS231n's relative error with an absolute floor for exact zeros).

Kinks: central differences are only O(h²)-accurate where J is smooth on [θᵢ − h, θᵢ + h]. A
parameter is skipped (and reported, never failed) when perturbing it moves a pre-activation of a
kinked activation (core.activations.KINKS: relu, leaky_relu, elu at 0) to within h of a kink, or
across it, for any sample; and, with l1 > 0, when it is a weight with |w| < h (|w| has a kink at 0).

Batch normalization: γ and β are checked like every other parameter (labels ("gamma", i),
("beta", i)); with ``training=True`` the batch statistics are differentiated through (Ioffe &
Szegedy 2015), and the running statistics, which those forward passes update, are restored.
The bias b of a normalized layer then has the exact gradient 0 (shifting u shifts μ by the same
amount), so both derivatives are only rounding noise: such an entry passes when
max(|aᵢ|, |nᵢ|) ≤ ZERO_GRADIENT_ATOL · max(1, J) (noise of central differences ≈ ε·J/h ≈ 2e-11·J)
and otherwise counts with its relative error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.activations import KINKS
from core.losses import check_targets, loss_value
from core.network import MLP
from core.parameters import ParamRef

DEFAULT_H = 1e-5
DEFAULT_RTOL = 1e-6
ABSOLUTE_FLOOR = 1e-8
ZERO_GRADIENT_ATOL = 1e-8


@dataclass
class GradCheckResult:
    """Outcome of :func:`check_gradients`.

    passed: n_checked > 0 and max_rel_error < rtol.
    max_rel_error: largest relative error over the checked parameters (0.0 if none).
    n_checked: number of scalar parameters compared.
    skipped: (layer, index, reason) per skipped parameter; index is ("W", i, j), ("b", i),
        ("gamma", i) or ("beta", i).
    analytic, numeric: (n_params,) vectors in get_params() order (numeric is nan where skipped).
    """

    passed: bool
    max_rel_error: float
    n_checked: int
    skipped: list[tuple[int, tuple, str]] = field(default_factory=list)
    analytic: np.ndarray | None = None
    numeric: np.ndarray | None = None


def _parameter_labels(net: MLP) -> list[tuple[int, tuple]]:
    """(layer, index) for every entry of get_params(), in order; index is ("W", i, j) or
    (kind, i) for "b", "gamma", "beta", from :meth:`ParamRef.at`."""
    batch_norm = getattr(net, "batch_norm", False)
    refs = (ParamRef.at(net.layer_sizes, k, batch_norm) for k in range(net.n_params))
    return [(ref.layer, (ref.kind, ref.row, ref.col) if ref.kind == "W" else (ref.kind, ref.row))
            for ref in refs]


def _kink_reason(net: MLP, plus, minus, h: float) -> str | None:
    """Why the segment between two forward passes meets a kink, or None if it does not."""
    for layer, name in enumerate(net.hidden_activations):
        z_plus, z_minus = plus.pre_activations[layer], minus.pre_activations[layer]
        moved = z_plus != z_minus
        if not moved.any():
            continue
        low = np.minimum(z_plus, z_minus) - h
        high = np.maximum(z_plus, z_minus) + h
        for kink in KINKS[name]:
            hit = moved & (low <= kink) & (kink <= high)
            if hit.any():
                sample, unit = np.argwhere(hit)[0]
                return (
                    f"pre-activation of layer {layer} unit {unit} (sample {sample}) within h of "
                    f"the {name} kink at {kink:g}"
                )
    return None


def check_gradients(
    net: MLP,
    X,
    y,
    loss: str,
    l1: float = 0.0,
    l2: float = 0.0,
    dropout_masks=None,
    h: float = DEFAULT_H,
    rtol: float = DEFAULT_RTOL,
    training: bool | None = None,
) -> GradCheckResult:
    """Compare ``net.backward`` with central differences for every parameter of ``net``.

    X: (n, d_in); y: targets for ``loss``; l1, l2: weight penalties; dropout_masks: one 0/1 array
    (n, width) or None per hidden layer — with masks the check runs in training mode with those
    fixed masks, without them in evaluation mode (no dropout). ``training`` (default: whether
    masks are given) chooses the mode explicitly, e.g. True for batch statistics with batch
    norm (then without masks every hidden dropout rate must be 0). The network's parameters and
    batch-norm running statistics are restored exactly afterwards. Raises ValueError for invalid
    shapes, targets or masks.
    """
    if training is None:
        training = dropout_masks is not None
    if training and dropout_masks is None and any(getattr(net, "dropout", ())):
        raise ValueError("training=True with dropout needs fixed dropout_masks")
    buffers = net.bn_buffers() if getattr(net, "batch_norm", False) else None
    try:
        return _check(net, X, y, loss, l1, l2, dropout_masks, h, rtol, training)
    finally:
        if buffers is not None:
            net.set_bn_buffers(buffers)


def _check(net, X, y, loss, l1, l2, dropout_masks, h, rtol, training) -> GradCheckResult:
    forward_pass = net.forward(X, training=training, dropout_masks=dropout_masks)
    masks = forward_pass.dropout_masks if dropout_masks is not None else None
    n, d_out = forward_pass.output.shape
    targets = check_targets(loss, y, n, d_out)
    gradients = net.backward(forward_pass, targets, loss, l1=l1, l2=l2)
    analytic, forward_loss = gradients.flat(), gradients.loss

    def objective():
        fp = net.forward(forward_pass.activations[0], training=training, dropout_masks=masks)
        data_loss = loss_value(loss, fp.pre_activations[-1], fp.output, targets)
        return data_loss + net.penalty(l1, l2), fp

    labels = _parameter_labels(net)
    numeric = np.full(analytic.shape, np.nan)
    checked = np.zeros(analytic.shape, dtype=bool)
    skipped: list[tuple[int, tuple, str]] = []
    position = 0
    for array in net.parameters():
        flat = array.flat  # writing through it perturbs the network in place
        for k in range(array.size):
            layer, index = labels[position]
            original = flat[k]
            try:
                flat[k] = original + h
                j_plus, fp_plus = objective()
                step = flat[k]
                flat[k] = original - h
                j_minus, fp_minus = objective()
                step -= flat[k]
            finally:
                flat[k] = original
            reason = _kink_reason(net, fp_plus, fp_minus, h)
            if reason is None and l1 > 0 and index[0] == "W" and abs(original) < h:
                reason = f"|w| = {abs(original):.1e} within h of the L1 kink at 0"
            if reason is None:
                numeric[position] = (j_plus - j_minus) / step
                checked[position] = True
            else:
                skipped.append((layer, index, reason))
            position += 1

    a, num = analytic[checked], numeric[checked]
    errors = np.abs(a - num) / np.maximum(ABSOLUTE_FLOOR, np.abs(a) + np.abs(num))
    if training and getattr(net, "batch_norm", False):  # exact zeros: b of normalized layers
        exact_zero = np.array([index[0] == "b" and layer < net.n_hidden
                               for layer, index in labels])[checked]
        atol = ZERO_GRADIENT_ATOL * max(1.0, abs(forward_loss))
        noise = exact_zero & (np.maximum(np.abs(a), np.abs(num)) <= atol)
        errors[noise] = 0.0
    max_error = float(errors.max()) if errors.size else 0.0
    n_checked = int(checked.sum())
    return GradCheckResult(
        passed=n_checked > 0 and max_error < rtol,
        max_rel_error=max_error,
        n_checked=n_checked,
        skipped=skipped,
        analytic=analytic,
        numeric=numeric,
    )
