"""Loss over a plane (or a line) in parameter space, evaluated for many points at once.

``loss_surface`` gives J(θ₀ + α d₁ + β d₂) on an (α, β) grid (Li et al. 2018, "Visualizing the
Loss Landscape of Neural Nets"), ``loss_slice`` J(θ₀ + t d) along one direction, and
``linear_interpolation`` J on the segment from the initial to the current parameters (Goodfellow,
Vinyals & Saxe 2015, "Qualitatively characterizing neural network optimization problems").
Planes, parameter indices, grid axes and the linear lesson's optimum live in core.directions.

Speed (NumPy only, never one Python-level forward per grid point):
- grid points go in chunks of g as stacked (g, n, width) arrays; a layer whose parameters vary
  over the chunk is one batched matmul (g, n, in) @ (g, in, out), a layer whose parameters do not
  is one GEMM on (g·n, in); elementwise work is in place;
- layers before the first layer a direction touches are computed once, and that layer's
  pre-activation, linear in the coefficients, is Z₀ + α U + β V with U = A d_Wᵀ + d_b precomputed;
  for two chosen parameters in the last layer only the loss is left per grid point;
- a chunk holds about ``CHUNK_TARGET_BYTES`` of activations (cache-sized, fastest), and its
  buffers and temporaries never exceed ``max_bytes`` (default 200 MB; at least one point per
  chunk), besides O(n·width) arrays fixed per surface.

Precision: float64 (default) agrees with ``MLP.backward(MLP.forward(X), y, loss, l1, l2)`` to
~1e-15 relative (tested at 1e-12). float32 runs the per-point layers in float32 after a float64
set-up; its documented tolerance is ``FLOAT32_RTOL`` = 1e-5 relative error against float64 on
the data and the total loss, for logits within about ±50 (measured: ≤ 1e-6 on the default scene,
trained or not). Penalties are float64 and loss means are accumulated in float64. Evaluation is
in inference mode (no dropout), like ``MLP.forward(X)``.

Batch normalization (``MLP(batch_norm=True)``): evaluation mode, as the Trainer evaluates, so
hidden layer l computes z = γ ⊙ (u − running_mean)/√(running_var + ε) + β with the network's
*current* running statistics (buffers, the same at every grid point; only parameters move).
γ and β are parameters like the others: a direction may move them (core.directions zeroes them
in random directions by default, like biases). A layer whose γ, β do not move is folded into
the set-up as above; one whose γ or β move gets γ(c), β(c) per grid point.

Cancellation: evaluators take ``progress(fraction) -> bool | None``, called after every chunk
with the fraction done in (0, 1]; returning ``False`` (exactly) raises :class:`Cancelled`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np

from core.activations import LEAKY_RELU_SLOPE, get_activation, get_output_activation
from core.directions import (  # noqa: F401  (grid helpers re-exported for callers)
    Plane,
    PlaneProblem,
    PlaneUnavailable,
    covering_ranges,
    grid_axes,
    is_linear_lesson,
    linear_model_plane,
    linear_optimum,
    parameter_blocks,
)
from core.losses import check_targets
from core.network import BN_EPS

FLOAT32_RTOL = 1e-5
DEFAULT_MAX_BYTES = 200_000_000
#: Activations per chunk buffer; about an L2 cache, where elementwise NumPy work runs fastest.
CHUNK_TARGET_BYTES = 512 * 1024
COARSE_RESOLUTION = 21

Progress = Callable[[float], "bool | None"]


class Cancelled(Exception):
    """Raised when a ``progress`` callback returns False; nothing partial is returned."""


@dataclass
class SurfaceResult:
    """Loss on a grid; ``data_loss[j, i]`` is at (alphas[i], betas[j]): rows are β.

    alphas (na,), betas (nb,), data_loss and penalty (nb, na), all float64. ``dtype`` is the
    evaluation dtype name, ``seconds`` the wall time of the evaluation.
    """

    alphas: np.ndarray
    betas: np.ndarray
    data_loss: np.ndarray
    penalty: np.ndarray
    dtype: str = "float64"
    seconds: float = 0.0
    plane: Plane | None = field(default=None, repr=False)

    @property
    def total_loss(self) -> np.ndarray:
        """J = data loss + penalty, (nb, na)."""
        return self.data_loss + self.penalty

    def minimum(self, total: bool = True) -> tuple[float, float, float]:
        """(α, β, J) of the smallest finite grid value; ValueError if no value is finite."""
        values = self.total_loss if total else self.data_loss
        masked = np.where(np.isfinite(values), values, np.inf)
        if not np.isfinite(masked).any():
            raise ValueError("no grid value is finite")
        j, i = np.unravel_index(np.argmin(masked), masked.shape)
        return float(self.alphas[i]), float(self.betas[j]), float(values[j, i])


@dataclass
class SliceResult:
    """Loss along θ₀ + t d: ts (k,), data_loss and penalty (k,) float64."""

    ts: np.ndarray
    data_loss: np.ndarray
    penalty: np.ndarray
    dtype: str = "float64"
    seconds: float = 0.0

    @property
    def total_loss(self) -> np.ndarray:
        return self.data_loss + self.penalty


# --- in-place elementwise pieces ------------------------------------------------------------------
def _activate_(name: str, z: np.ndarray) -> None:
    """Apply hidden activation ``name`` to z in place; float64 results match core.activations."""
    if name == "tanh":
        np.tanh(z, out=z)
    elif name == "relu":
        np.maximum(z, 0.0, out=z)
    elif name == "leaky_relu":  # slope < 1, so max(z, slope·z) is z for z > 0 and slope·z otherwise
        np.maximum(z, LEAKY_RELU_SLOPE * z, out=z)
    elif name == "sigmoid" and z.dtype == np.float32:
        _sigmoid_(z)
    elif name != "linear":
        z[...] = get_activation(name).f(z)


def _sigmoid_(z: np.ndarray) -> None:
    """σ(z) = (1 + tanh(z/2))/2 in place: no overflow, and float32 tanh is vectorized."""
    z *= 0.5
    np.tanh(z, out=z)
    z += 1.0
    z *= 0.5


def _softplus_neg_abs_(z: np.ndarray, out: np.ndarray, spare: np.ndarray) -> np.ndarray:
    """out = log1p(e) with e = exp(−|z|), the small term of a stable softplus.

    float64 uses ``np.log1p``. float32 uses the vectorized ``np.log`` with a first-order
    compensation, log1p(e) ≈ log(u) + (e − (u − 1))/u with u = fl(1 + e), which stays accurate to a
    few ulp when 1 + e rounds (u = 1 gives exactly e); ``np.log1p`` has no SIMD float32 loop.
    """
    np.abs(z, out=out)
    np.negative(out, out=out)
    np.exp(out, out=out)
    if z.dtype == np.float64:
        return np.log1p(out, out=out)
    u = np.add(out, 1.0, out=spare)
    out += 1.0 - u  # e − (u − 1): exact, since u − 1 is exact for e in [0, 1]
    out /= u
    return np.add(out, np.log(u, out=u), out=out)


def _mean_loss(loss: str, output_activation: str, logits: np.ndarray, targets: np.ndarray,
               scratch: np.ndarray) -> np.ndarray:
    """Mean loss over samples (and outputs) of each grid point: logits (g, n, d_out) → (g,) float64.

    The formulas of core.losses: bce = max(z, 0) − z·y + log1p(e^{−|z|}) from the logits,
    cross_entropy = logsumexp(z) − z_y with the max shift, mse = mean of (f_out(z) − y)².
    ``logits`` is overwritten; ``scratch`` holds at least 2·logits.size elements.
    """
    g = logits.shape[0]
    if loss == "bce":
        small, spare = (scratch[i * logits.size : (i + 1) * logits.size].reshape(logits.shape)
                        for i in range(2))
        _softplus_neg_abs_(logits, small, spare)
        product = np.multiply(logits, targets, out=spare)
        np.maximum(logits, 0.0, out=logits)
        logits -= product
        logits += small
    elif loss == "cross_entropy":
        logits -= logits.max(axis=2, keepdims=True)
        picked = np.take_along_axis(logits, targets[None, :, None], axis=2)[..., 0]
        np.exp(logits, out=logits)
        per_sample = np.log(logits.sum(axis=2))
        per_sample -= picked
        return per_sample.mean(axis=1, dtype=np.float64)
    else:  # mse
        if output_activation == "sigmoid" and logits.dtype == np.float32:
            _sigmoid_(logits)
        elif output_activation != "linear":
            flat = logits.reshape(-1, logits.shape[-1])
            flat[...] = get_output_activation(output_activation)(flat)
        logits -= targets
        np.square(logits, out=logits)
    return logits.reshape(g, -1).mean(axis=1, dtype=np.float64)


def _normalize_(u: np.ndarray, mean: np.ndarray, inv_std: np.ndarray, gamma: np.ndarray,
                beta: np.ndarray) -> None:
    """z = (u − mean)·inv_std·γ + β in place over the last axis: batch norm in evaluation mode,
    in the order of operations of ``MLP.forward(X)`` (core.network)."""
    u -= mean
    u *= inv_std
    u *= gamma
    u += beta


def _combine(coefficients: np.ndarray, directions: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """offset + Σ_k c[:, k] d_k, (g, M), elementwise so each row is bit-identical for any g
    (a GEMM (g, k) @ (k, M) may round differently for different g)."""
    total = coefficients[:, :1] * directions[0]
    for k in range(1, len(directions)):
        total += coefficients[:, k : k + 1] * directions[k]
    total += offset
    return total


_REQUIRED_OUTPUT = {"bce": "sigmoid", "cross_entropy": "softmax"}


class _PlaneEvaluator:
    """Loss and penalty at θ₀ + Σ_k c_k d_k for many coefficient rows c (one network, one data set).

    Set-up (once): the layers before the first layer any direction touches, that layer's base
    pre-activation Z₀ (n, out) and its slopes U_k = A d_{W,k}ᵀ + d_{b,k} (k, n, out), in float64.
    With batch norm and fixed γ, β of that layer, Z₀ and U_k are those of z (the normalization is
    affine in u); with γ or β moving, of u, normalized per grid point in ``_chunk``.
    """

    def __init__(self, net, X, y, loss: str, origin, directions, dtype, l1: float, l2: float):
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(f"dtype must be float32 or float64, got {self.dtype}")
        batch_norm = bool(getattr(net, "batch_norm", False))
        sizes = tuple(int(s) for s in net.layer_sizes)
        self.n_layers = len(sizes) - 1
        self.hidden = list(net.hidden_activations)
        self.output_activation = net.output_activation
        required = _REQUIRED_OUTPUT.get(loss)
        if required is not None and self.output_activation != required:
            raise ValueError(f"{loss} needs a {required} output, got {self.output_activation!r}")
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != sizes[0] or X.shape[0] == 0:
            raise ValueError(f"X must have shape (n >= 1, {sizes[0]}), got {X.shape}")
        self.n = X.shape[0]
        targets = check_targets(loss, y, self.n, sizes[-1])
        self.targets = targets if loss == "cross_entropy" else targets.astype(self.dtype)
        self.loss = loss
        origin = np.asarray(origin, dtype=np.float64).reshape(-1)
        directions = np.atleast_2d(np.asarray(directions, dtype=np.float64))
        blocks = parameter_blocks(sizes, batch_norm)
        if origin.size != blocks[-1].start + blocks[-1].size or directions.shape[1] != origin.size:
            raise ValueError(f"origin and directions must have {blocks[-1].start + blocks[-1].size}"
                             f" entries, got {origin.size} and {directions.shape[1]}")
        self.k = directions.shape[0]

        def split(vector, kind):  # (..., P) → [(..., *block.shape) per layer with that kind]
            return [vector[..., blk.start : blk.start + blk.size].reshape(
                vector.shape[:-1] + blk.shape) for blk in blocks if blk.kind == kind]

        weights, biases, d_weights, d_biases = (split(origin, "W"), split(origin, "b"),
                                                split(directions, "W"), split(directions, "b"))
        # Batch norm of hidden layer l (None elsewhere): (γ, β, d_γ, d_β, running_mean,
        # 1/√(running_var + ε)) — the engine's evaluation-mode formula (core.network).
        norms = [None] * self.n_layers
        if batch_norm:
            for l, (g, b, dg, db) in enumerate(zip(split(origin, "gamma"), split(origin, "beta"),
                                                   split(directions, "gamma"),
                                                   split(directions, "beta"), strict=True)):
                inv_std = 1.0 / np.sqrt(np.asarray(net.bn_running_var[l], np.float64) + BN_EPS)
                norms[l] = (g, b, dg, db, np.asarray(net.bn_running_mean[l], np.float64),
                            inv_std)
        moves_norm = [n is not None and bool(np.any(n[2]) or np.any(n[3])) for n in norms]
        touched = [bool(np.any(dw) or np.any(db)) or moved
                   for dw, db, moved in zip(d_weights, d_biases, moves_norm, strict=True)]
        self.first = next((l for l, t in enumerate(touched) if t), self.n_layers - 1)
        a = X
        for l in range(self.first):  # unchanged by every direction: computed once, in float64
            a = a @ weights[l].T
            a += biases[l]
            if norms[l] is not None:
                _normalize_(a, *norms[l][4:], norms[l][0], norms[l][1])
            _activate_(self.hidden[l], a)
        f = self.first
        base = a @ weights[f].T + biases[f]
        slopes = a @ d_weights[f].transpose(0, 2, 1) + d_biases[f][:, None, :]
        self.first_norm = None
        if norms[f] is not None and not moves_norm[f]:  # z = (u − m)·s·γ + β, affine in u
            gamma, beta, _, _, mean, inv_std = norms[f]
            _normalize_(base, mean, inv_std, gamma, beta)
            slopes *= inv_std
            slopes *= gamma
        elif norms[f] is not None:
            self.first_norm = self._varied_norm(norms[f])
        self.base, self.slopes = base.astype(self.dtype), slopes.astype(self.dtype)
        # Later layers: (W, b, d_W or None, d_b, norm) in the evaluation dtype; norm is None,
        # ("fixed", m, s, γ, β) or ("varied", m, s, γ, β, d_γ, d_β).
        self.later = []
        for l in range(f + 1, self.n_layers):
            dw = d_weights[l].reshape(self.k, -1).astype(self.dtype) if touched[l] else None
            norm = None
            if norms[l] is not None:
                norm = self._varied_norm(norms[l]) if moves_norm[l] else \
                    ("fixed", *(v.astype(self.dtype) for v in (norms[l][4], norms[l][5],
                                                                norms[l][0], norms[l][1])))
            self.later.append((weights[l].astype(self.dtype), biases[l].astype(self.dtype), dw,
                               d_biases[l].astype(self.dtype), norm))
        self.widths = sizes[f + 1 :]
        self.d_out = sizes[-1]
        mask = np.zeros(origin.size, dtype=bool)
        for blk in blocks:
            if blk.kind == "W":
                mask[blk.start : blk.start + blk.size] = True
        self.l1, self.l2 = float(l1), float(l2)
        if not (np.isfinite(self.l1) and np.isfinite(self.l2) and self.l1 >= 0 and self.l2 >= 0):
            raise ValueError(f"l1 and l2 must be finite numbers >= 0, got {l1} and {l2}")
        self.penalty_origin, self.penalty_directions = origin[mask], directions[:, mask]

    def _varied_norm(self, norm) -> tuple:
        gamma, beta, d_gamma, d_beta, mean, inv_std = norm
        return ("varied", *(v.astype(self.dtype) for v in (mean, inv_std, gamma, beta, d_gamma,
                                                            d_beta)))

    @staticmethod
    def _apply_norm(z: np.ndarray, norm: tuple, c: np.ndarray) -> None:
        """Batch norm in evaluation mode on z (g, n, width) in place; γ, β per grid point when
        the directions move them."""
        if norm[0] == "fixed":
            _normalize_(z, *norm[1:])
            return
        _, mean, inv_std, gamma, beta, d_gamma, d_beta = norm
        z -= mean
        z *= inv_std
        z *= _combine(c, d_gamma, gamma)[:, None, :]
        z += _combine(c, d_beta, beta)[:, None, :]

    def chunk_points(self, max_bytes: float) -> int:
        """Grid points per chunk: cache-sized, ≥ 1, and within ``max_bytes``.

        Bytes per point, counted conservatively: two activation buffers (n, width) and loss scratch
        in the evaluation dtype, up to four float64 temporaries (n, width) of a fallback activation,
        the per-point weights of varied layers and the penalty's weight vectors.
        """
        item, width = self.dtype.itemsize, max(self.widths)
        per_point = (self.n * (width * (2 * item + 32) + self.d_out * (4 * item + 16))
                     + 16 * self.penalty_origin.size
                     + 2 * item * sum(w.size for w, _, dw, _, _ in self.later if dw is not None))
        fits = max(1, int(max_bytes // per_point))
        return min(fits, max(1, CHUNK_TARGET_BYTES // (item * self.n * width)))

    def penalty(self, coefficients: np.ndarray) -> np.ndarray:
        """(g,) float64 l1·Σ|W| + (l2/2)·Σ W² at each point (biases are not penalized)."""
        if not (self.l1 or self.l2):
            return np.zeros(len(coefficients))
        w = _combine(coefficients, self.penalty_directions, self.penalty_origin)
        total = np.zeros(len(coefficients))
        if self.l1:
            total += self.l1 * np.abs(w).sum(axis=1)
        if self.l2:
            total += 0.5 * self.l2 * np.einsum("gp,gp->g", w, w)
        return total

    def evaluate(self, coefficients, max_bytes: float = DEFAULT_MAX_BYTES,
                 progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Data loss and penalty, each (G,) float64, at the coefficient rows (G, k)."""
        coefficients = np.asarray(coefficients, dtype=np.float64).reshape(-1, self.k)
        if not np.isfinite(coefficients).all():
            raise ValueError("grid coordinates must be finite")
        total = len(coefficients)
        data_loss, penalty = np.empty(total), np.empty(total)
        chunk = self.chunk_points(max_bytes)
        n, width = self.n, max(self.widths)
        buffers = [np.empty(min(chunk, max(total, 1)) * n * width, dtype=self.dtype) for _ in "ab"]
        scratch = np.empty(2 * min(chunk, max(total, 1)) * n * self.d_out, dtype=self.dtype)
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            for start in range(0, total, chunk):
                stop = min(start + chunk, total)
                data_loss[start:stop] = self._chunk(coefficients[start:stop], buffers, scratch)
                penalty[start:stop] = self.penalty(coefficients[start:stop])
                if progress is not None and progress(stop / total) is False:
                    raise Cancelled(f"cancelled after {stop} of {total} points")
        return data_loss, penalty

    def _chunk(self, coefficients: np.ndarray, buffers, scratch) -> np.ndarray:
        g, n = len(coefficients), self.n
        c = coefficients.astype(self.dtype)
        z = buffers[0][: g * n * self.widths[0]].reshape(g, n, self.widths[0])
        spare = buffers[1][: z.size].reshape(z.shape)
        np.multiply(c[:, 0, None, None], self.slopes[0], out=z)
        for j in range(1, self.k):
            z += np.multiply(c[:, j, None, None], self.slopes[j], out=spare)
        z += self.base
        if self.first_norm is not None:
            self._apply_norm(z, self.first_norm, c)
        layer = self.first
        for step, (weights, biases, d_weights, d_biases, norm) in enumerate(self.later):
            _activate_(self.hidden[layer], z)
            fan_out, fan_in = weights.shape
            target = buffers[(step + 1) % 2][: g * n * fan_out].reshape(g, n, fan_out)
            if d_weights is None:  # the same weights for every grid point: one GEMM
                np.matmul(z.reshape(g * n, fan_in), weights.T, out=target.reshape(g * n, fan_out))
                target += biases
            else:  # per-point weights W + Σ c_k d_k: one batched matmul
                varied = _combine(c, d_weights, weights.reshape(-1)).reshape(g, fan_out, fan_in)
                np.matmul(z, varied.transpose(0, 2, 1), out=target)
                target += _combine(c, d_biases, biases)[:, None, :]
            if norm is not None:
                self._apply_norm(target, norm, c)
            z = target
            layer += 1
        return _mean_loss(self.loss, self.output_activation, z, self.targets, scratch)


# --- public API -----------------------------------------------------------------------------------
def loss_surface(net, X, y, loss: str, plane: Plane, alphas, betas, *, l1: float = 0.0,
                 l2: float = 0.0, dtype=np.float64, max_bytes: float = DEFAULT_MAX_BYTES,
                 progress: Progress | None = None) -> SurfaceResult:
    """J(θ₀ + α d₁ + β d₂) for every α in ``alphas`` (na,) and β in ``betas`` (nb,).

    ``net`` supplies only the architecture (layer sizes, activations); the parameters are
    ``plane.origin`` and the plane's directions, so the network is never modified. X (n, d_in),
    y as for ``net.backward``. Returns a :class:`SurfaceResult` with (nb, na) float64 arrays.
    ``dtype``: np.float64 or np.float32 (see the module docstring for tolerances); ``max_bytes``:
    memory bound of a chunk. Raises ValueError for bad shapes, targets, dtype or penalty
    strengths, and :class:`Cancelled` when ``progress`` returns False.
    """
    started = time.perf_counter()
    alphas = np.asarray(alphas, dtype=np.float64).reshape(-1)
    betas = np.asarray(betas, dtype=np.float64).reshape(-1)
    evaluator = _PlaneEvaluator(net, X, y, loss, plane.origin, plane.directions, dtype, l1, l2)
    grid_alpha, grid_beta = np.meshgrid(alphas, betas)  # (nb, na): rows are β
    coefficients = np.column_stack([grid_alpha.ravel(), grid_beta.ravel()])
    data_loss, penalty = evaluator.evaluate(coefficients, max_bytes, progress)
    shape = (betas.size, alphas.size)
    return SurfaceResult(alphas, betas, data_loss.reshape(shape), penalty.reshape(shape),
                         evaluator.dtype.name, time.perf_counter() - started, plane)


def coarse_then_fine(net, X, y, loss: str, plane: Plane, alpha_range, beta_range,
                     resolution: int, *, coarse_resolution: int = COARSE_RESOLUTION,
                     progress: Progress | None = None, **options) -> Iterator[SurfaceResult]:
    """Yield a quick ``coarse_resolution``² preview, then the full ``resolution``² surface.

    Only the full surface is yielded when ``resolution`` ≤ ``coarse_resolution``. ``progress``
    sees one fraction in [0, 1] over both passes (weighted by grid size); ``options`` go to
    :func:`loss_surface`.
    """
    passes = [coarse_resolution, resolution] if resolution > coarse_resolution else [resolution]
    sizes = [r * r for r in passes]
    done = 0
    for res, size in zip(passes, sizes, strict=True):
        def scaled(fraction, done=done, size=size):
            return None if progress is None else progress((done + fraction * size) / sum(sizes))

        yield loss_surface(net, X, y, loss, plane, *grid_axes(alpha_range, beta_range, res),
                           progress=scaled, **options)
        done += size


def loss_slice(net, X, y, loss: str, origin, direction, ts, *, l1: float = 0.0, l2: float = 0.0,
               dtype=np.float64, max_bytes: float = DEFAULT_MAX_BYTES,
               progress: Progress | None = None) -> SliceResult:
    """J(θ₀ + t d) for every t in ``ts`` (k,): a 1-D slice. origin, direction: (P,) float64."""
    started = time.perf_counter()
    ts = np.asarray(ts, dtype=np.float64).reshape(-1)
    evaluator = _PlaneEvaluator(net, X, y, loss, origin, np.atleast_2d(direction), dtype, l1, l2)
    data_loss, penalty = evaluator.evaluate(ts[:, None], max_bytes, progress)
    return SliceResult(ts, data_loss, penalty, evaluator.dtype.name, time.perf_counter() - started)


def linear_interpolation(net, X, y, loss: str, initial, final, ts=None, **options) -> SliceResult:
    """J((1 − t) θ_initial + t θ_final) (Goodfellow, Vinyals & Saxe 2015), t = 0 initial, 1 final.

    ``ts`` defaults to 61 points in [−0.25, 1.25], a little beyond both ends, as in the paper.
    """
    initial = np.asarray(initial, dtype=np.float64)
    ts = np.linspace(-0.25, 1.25, 61) if ts is None else ts
    return loss_slice(net, X, y, loss, initial, np.asarray(final, dtype=np.float64) - initial, ts,
                      **options)


# --- the linear-regression lesson -----------------------------------------------------------------
def linear_lesson_surface(net, X, y, w_range, b_range, resolution: int = 51,
                          **options) -> tuple[SurfaceResult, tuple[float, float]]:
    """The exact mse surface over (w, b) of a 1-input linear model and the lstsq optimum (w*, b*).

    Coordinates are absolute: α = w, β = b (:func:`core.directions.linear_model_plane`).
    Raises ValueError unless ``is_linear_lesson(net, "mse")``.
    """
    if not is_linear_lesson(net, "mse"):
        raise ValueError("the linear lesson needs layer sizes (1, 1) with a linear output and mse")
    surface = loss_surface(net, X, y, "mse", linear_model_plane(),
                           *grid_axes(w_range, b_range, resolution), **options)
    return surface, linear_optimum(X, y)
