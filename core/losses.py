"""Loss functions (means over the batch), their per-sample values and the output-layer δ.

Shapes: ``logits`` z_L and ``output`` ŷ = f_out(z_L) are (n, d_out) float64. Targets ``y`` are
normalized by :func:`check_targets` and never broadcast: a mismatching shape raises ValueError.

- "mse": any output; y (n, d_out) float, or (n,) when d_out = 1; mean over outputs of (ŷ − y)².
- "bce": sigmoid output; y 0/1 (or in [0, 1]), (n,) or (n, d_out); max(z,0) − z·y + log1p(e^{−|z|}).
- "cross_entropy": softmax output, K ≥ 2; y int labels in [0, K), shape (n,); logsumexp(z) − z_y.

mse is PyTorch ``MSELoss`` (mean over samples and outputs); bce is ``BCEWithLogitsLoss``, computed
from the logits so that z = 40, y = 0 gives exactly 40.0 and z = 40, y = 1 gives ≈ 4.25e-18, never
inf or nan for finite z; cross_entropy is ``CrossEntropyLoss`` via the log-sum-exp / max-shift.

The output δ = ∂(mean loss)/∂z_L is the fused (p − y)/n for sigmoid+bce and softmax+cross-entropy
(Goodfellow et al. 2016, §6.2.2.2–6.2.2.3); for mse it is 2(ŷ − y)/(n·d_out) chained through f_out′.
"""

from __future__ import annotations

import numpy as np

from core.activations import exp_nonpositive, shift_by_row_max, sigmoid, softmax

__all__ = [
    "LOSSES",
    "OUTPUT_FOR_LOSS",
    "check_targets",
    "log_softmax",
    "loss_and_delta",
    "loss_value",
    "output_delta",
    "per_sample_loss",
    "sigmoid",
    "softmax",
]

LOSSES = ("mse", "bce", "cross_entropy")
OUTPUT_FOR_LOSS = {"mse": "linear", "bce": "sigmoid", "cross_entropy": "softmax"}
# Fused (p − y)/n needs exactly this output activation.
_REQUIRED_OUTPUT = {"bce": "sigmoid", "cross_entropy": "softmax"}


def log_softmax(z) -> np.ndarray:
    """Row-wise log softmax over the last axis: (z − m) − log Σ exp(z − m), m = row max.

    z: (..., K) float64; returns the same shape, every entry ≤ 0.
    """
    shifted = shift_by_row_max(np.asarray(z, dtype=np.float64))
    return shifted - np.log(exp_nonpositive(shifted).sum(axis=-1, keepdims=True))


def _check_loss_name(loss: str) -> None:
    if loss not in LOSSES:
        raise ValueError(f"Unknown loss {loss!r}; allowed: {', '.join(LOSSES)}")


def check_targets(loss: str, y, n: int, d_out: int) -> np.ndarray:
    """Validate and normalize targets for ``loss`` with n samples and d_out outputs.

    Returns (n, d_out) float64 for mse and bce, (n,) int64 class labels for cross_entropy.
    Raises ValueError on an unknown loss, a shape other than the documented ones (no broadcasting:
    (n,) is accepted only when d_out = 1 and is reshaped, never broadcast to (n, n)), non-finite
    targets, bce targets outside [0, 1], or labels that are not integers in [0, d_out).
    """
    _check_loss_name(loss)
    y = np.asarray(y)
    if y.dtype.kind not in "biuf":
        raise ValueError(f"Targets must be numeric, got dtype {y.dtype}")
    if loss == "cross_entropy":
        return _check_labels(y, n, d_out)
    if y.ndim == 1 and d_out == 1 and y.shape[0] == n:
        y = y.reshape(n, 1)
    if y.shape != (n, d_out):
        expected = f"({n}, {d_out})" + (f" or ({n},)" if d_out == 1 else "")
        raise ValueError(f"Targets for {loss} must have shape {expected}, got {y.shape}")
    y = y.astype(np.float64, copy=False)
    if loss == "bce":
        if y.size and not (y.min() >= 0.0 and y.max() <= 1.0):  # also rejects nan
            raise ValueError("Targets for bce must be 0/1 labels (or probabilities in [0, 1])")
    elif not np.isfinite(y).all():
        raise ValueError("Targets for mse must be finite")
    return y


def _check_labels(y: np.ndarray, n: int, d_out: int) -> np.ndarray:
    if d_out < 2:
        raise ValueError(f"cross_entropy needs a softmax output with K ≥ 2 classes, got {d_out}")
    if y.shape != (n,):
        raise ValueError(f"Labels for cross_entropy must have shape ({n},), got {y.shape}")
    if y.dtype.kind == "f":
        if not np.all(np.isfinite(y)) or not np.array_equal(y, np.round(y)):
            raise ValueError("Labels for cross_entropy must be integer class indices")
    labels = y.astype(np.int64, copy=False)
    if n and (labels.min() < 0 or labels.max() >= d_out):
        raise ValueError(
            f"Labels for cross_entropy must lie in [0, {d_out}), "
            f"got values from {labels.min()} to {labels.max()}"
        )
    return labels


def _check_outputs(logits, output) -> tuple[np.ndarray, np.ndarray]:
    logits = np.asarray(logits, dtype=np.float64)
    output = np.asarray(output, dtype=np.float64)
    if logits.ndim != 2 or logits.shape != output.shape:
        raise ValueError(
            f"logits and output must both be (n, d_out), got {logits.shape} and {output.shape}"
        )
    return logits, output


def _mean(per_sample: np.ndarray) -> float:
    """The batch mean as a Python float (np.mean's result, without its Python-level overhead)."""
    return float(per_sample.sum() / per_sample.shape[0])


def _per_sample(loss: str, logits: np.ndarray, output: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(n,) per-sample losses from already-normalized targets."""
    if loss == "mse":
        residual = output - y
        return np.mean(residual * residual, axis=1)
    if loss == "bce":
        # max(z, 0) − z·y first, then the small log1p term, so z = 40, y = 1 keeps its 4.25e-18.
        per_output = np.maximum(logits, 0.0) - logits * y
        per_output += np.log1p(exp_nonpositive(-np.abs(logits)))
        return per_output[:, 0] if per_output.shape[1] == 1 else per_output.mean(axis=1)
    # cross_entropy: logsumexp(z) − z_y = log Σ exp(z − m) − (z_y − m)
    shifted = shift_by_row_max(logits)
    log_norm = np.log(exp_nonpositive(shifted).sum(axis=1))
    return log_norm - shifted[np.arange(len(y)), y]


def _delta(loss: str, output: np.ndarray, y: np.ndarray, output_activation: str) -> np.ndarray:
    """∂(mean loss)/∂z_L, (n, d_out), from already-normalized targets."""
    n, d_out = output.shape
    if loss in _REQUIRED_OUTPUT:
        required = _REQUIRED_OUTPUT[loss]
        if output_activation != required:
            raise ValueError(
                f"{loss} needs a {required} output (fused δ = (p − y)/n), got {output_activation!r}"
            )
        if loss == "bce":
            return (output - y) * (1.0 / (n * d_out))
        delta = output.copy()
        delta[np.arange(n), y] -= 1.0
        delta *= 1.0 / n
        return delta
    # mse: ∂L/∂ŷ = 2(ŷ − y)/(n·d_out), then through the output activation's Jacobian.
    grad_output = (output - y) * (2.0 / (n * d_out))
    if output_activation == "linear":
        return grad_output
    if output_activation == "sigmoid":
        return grad_output * (output * (1.0 - output))
    if output_activation == "softmax":
        # Jᵀg for J = diag(p) − p pᵀ: p ⊙ (g − (g·p))
        return output * (grad_output - np.sum(grad_output * output, axis=1, keepdims=True))
    raise ValueError(
        f"Unknown output activation {output_activation!r}; allowed: sigmoid, softmax, linear"
    )


def per_sample_loss(loss: str, logits, output, y) -> np.ndarray:
    """Loss of each sample, (n,) float64 (mean over outputs for mse and multi-output bce).

    logits, output: (n, d_out). Raises ValueError for an unknown loss or mismatching shapes.
    """
    logits, output = _check_outputs(logits, output)
    y = check_targets(loss, y, *output.shape)
    return _per_sample(loss, logits, output, y)


def loss_value(loss: str, logits, output, y) -> float:
    """Mean loss over the batch (a Python float); see the list in the module docstring."""
    return _mean(per_sample_loss(loss, logits, output, y))


def output_delta(loss: str, logits, output, y, output_activation: str) -> np.ndarray:
    """δ_L = ∂(mean loss)/∂z_L, (n, d_out) float64.

    (p − y)/n for sigmoid+bce and softmax+cross_entropy (one-hot y); for mse
    2(ŷ − y)/(n·d_out) ⊙ f_out′. Raises ValueError when bce/cross_entropy is paired with another
    output activation, or for bad shapes/targets.
    """
    logits, output = _check_outputs(logits, output)
    y = check_targets(loss, y, *output.shape)
    return _delta(loss, output, y, output_activation)


def loss_and_delta(
    loss: str, logits: np.ndarray, output: np.ndarray, y: np.ndarray, output_activation: str
) -> tuple[float, np.ndarray]:
    """(mean loss, δ_L) in one call, for targets already normalized by :func:`check_targets`.

    This is the fast path used by ``MLP.backward``; logits and output must be (n, d_out) float64.
    """
    return _mean(_per_sample(loss, logits, output, y)), _delta(loss, output, y, output_activation)
