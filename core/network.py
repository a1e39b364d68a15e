"""A fully connected network (MLP) whose forward pass and backpropagation can be inspected.

Conventions (docs/core-api.md): ``weights[l]`` is (layer_sizes[l+1], layer_sizes[l]) —
W ∈ ℝ^{out×in} as in ``torch.nn.Linear`` — and ``biases[l]`` is (layer_sizes[l+1],). For a batch
A of row vectors, layer l computes Z = A @ Wᵀ + b, i.e. z = Wx + b for one sample.
Backpropagation follows Goodfellow et al. 2016, §6.5 (Algorithm 6.4), with the batch mean already
inside the output δ.

Batch normalization (``batch_norm=True``; Ioffe & Szegedy 2015, with PyTorch ``BatchNorm1d``
conventions: momentum 0.1, ε = 1e-5, affine γ and β, unbiased running variance) sits between each
hidden layer's linear map u = A Wᵀ + b and its activation: z = γ ⊙ û + β with
û = (u − μ)/√(σ² + ε). The output layer is never normalized. See docs/core-api.md.
"""

from __future__ import annotations

import copy as _copy
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from core.activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, get_activation
from core.losses import check_targets, loss_and_delta
from core.parameter_list import ParameterList

__all__ = ["INITS", "MLP", "ForwardPass", "Gradients", "ParameterList"]

INITS = ("xavier", "he", "normal", "zeros")
NORMAL_INIT_STD = 0.1
BN_MOMENTUM = 0.1  # PyTorch BatchNorm1d: running ← (1 − momentum)·running + momentum·batch
BN_EPS = 1e-5  # PyTorch BatchNorm1d's ε in √(σ² + ε)


@dataclass(slots=True)
class ForwardPass:
    """Everything the forward pass computed, kept for backpropagation and for display.

    pre_activations[l]: (n, layer_sizes[l+1]) z of layer l; the last one holds the logits.
    activations: L+1 arrays, activations[0] is X and activations[l+1] = f(pre_activations[l]).
    output: the same array as activations[-1].
    dropout_masks: one entry per hidden layer, None or the 0/1 mask (n, width) on its output.
    layer_inputs[l]: what layer l actually multiplied by Wᵀ — activations[l] itself, or with dropout
        activations[l] ⊙ mask / (1 − p) (inverted dropout).
    Batch normalization (one entry per weight layer; None for the output layer and for every layer
    when batch norm is off): linear_outputs[l] is u = A Wᵀ + b (n, h); bn_normalized[l] is
    û = (u − bn_mean[l]) / √(bn_var[l] + ε) (n, h); bn_mean[l], bn_var[l] (h,) are the statistics
    used — the batch mean and biased variance with ``training``, copies of the running statistics
    without. pre_activations[l] is then z = γ ⊙ û + β. bn_inv_std[l] (h,) is 1/√(bn_var[l] + ε),
    kept so that backward need not recompute it (an addition to core-api.md's fields; a pass
    built without it still backpropagates).
    """

    pre_activations: list[np.ndarray]
    activations: list[np.ndarray]
    output: np.ndarray
    dropout_masks: list[np.ndarray | None]
    layer_inputs: list[np.ndarray]
    training: bool = False
    linear_outputs: list[np.ndarray | None] = field(default_factory=list)
    bn_normalized: list[np.ndarray | None] = field(default_factory=list)
    bn_mean: list[np.ndarray | None] = field(default_factory=list)
    bn_var: list[np.ndarray | None] = field(default_factory=list)
    bn_inv_std: list[np.ndarray | None] = field(default_factory=list, repr=False)


@dataclass(slots=True)
class Gradients:
    """∂J/∂θ for J = data_loss + penalty, plus the δ of every layer.

    weights[l], biases[l]: shaped like net.weights[l], net.biases[l]. deltas[l] = ∂J/∂z of layer l,
    shaped like pre_activations[l]. data_loss: mean loss over the batch; loss = data_loss + penalty.
    With batch normalization: bn_gamma[l], bn_beta[l] (h_l,) are ∂J/∂γ, ∂J/∂β of hidden layer l
    (empty lists when batch norm is off). linear_deltas[l] = ∂J/∂u of every weight layer l (the
    same array as deltas[l] where the layer is not normalized, as then u = z).
    """

    weights: list[np.ndarray]
    biases: list[np.ndarray]
    deltas: list[np.ndarray]
    data_loss: float
    penalty: float
    loss: float = field(init=False)
    bn_gamma: list[np.ndarray] = field(default_factory=list)
    bn_beta: list[np.ndarray] = field(default_factory=list)
    linear_deltas: list[np.ndarray] = field(default_factory=list)

    def __post_init__(self):
        self.loss = self.data_loss + self.penalty

    def as_list(self) -> list[np.ndarray]:
        """[∂J/∂W₀, ∂J/∂b₀, (∂J/∂γ₀, ∂J/∂β₀,) ∂J/∂W₁, …] — the order of ``MLP.parameters()`` and
        ``get_params()``."""
        if not self.bn_gamma:
            return [g for pair in zip(self.weights, self.biases, strict=True) for g in pair]
        grads: list[np.ndarray] = []
        for l, (gw, gb) in enumerate(zip(self.weights, self.biases, strict=True)):
            grads += [gw, gb]
            if l < len(self.bn_gamma):
                grads += [self.bn_gamma[l], self.bn_beta[l]]
        return grads

    def flat(self) -> np.ndarray:
        """All gradients as one vector in ``get_params()`` order."""
        return np.concatenate([g.ravel() for g in self.as_list()])

    def per_layer_norms(self) -> np.ndarray:
        """(L,) Euclidean norm of each layer's gradient, √(‖∂J/∂W^l‖²_F + ‖∂J/∂b^l‖²), plus
        ‖∂J/∂γ^l‖² + ‖∂J/∂β^l‖² under the root for a batch-normalized layer."""
        norms = np.array(
            [
                np.sqrt(np.vdot(gw, gw) + np.vdot(gb, gb))
                for gw, gb in zip(self.weights, self.biases, strict=True)
            ]
        )
        for l, (gg, gbeta) in enumerate(zip(self.bn_gamma, self.bn_beta, strict=True)):
            norms[l] = np.sqrt(np.vdot(self.weights[l], self.weights[l])
                               + np.vdot(self.biases[l], self.biases[l])
                               + np.vdot(gg, gg) + np.vdot(gbeta, gbeta))
        return norms


def _check_penalty_strength(name: str, value) -> float:
    value = float(value)
    if not (math.isfinite(value) and value >= 0.0):
        raise ValueError(f"{name} must be a finite number ≥ 0, got {value}")
    return value


class MLP:
    """Multi-layer perceptron y = f_out(W_L … f(W₁x + b₁) … + b_L) with cached z and a.

    Parameters
    ----------
    layer_sizes: (d_in, h₁, …, d_out), ints ≥ 1, length ≥ 2 (``(2, 1)`` has no hidden layer).
    activation: hidden activation name (see core.activations.ACTIVATIONS), or one per hidden layer.
    output_activation: "sigmoid", "softmax" (needs d_out ≥ 2) or "linear".
    init: "xavier" (Glorot uniform, limit √(6/(fan_in+fan_out)); Glorot & Bengio 2010),
        "he" (Kaiming normal, std √(2/fan_in); He et al. 2015), "normal" (std 0.1) or "zeros".
        Biases start at 0. Weights are drawn layer by layer from ``np.random.default_rng(seed)``.
    seed: seed of ``self.rng``, which also draws the dropout masks.
    dropout: drop probability p in [0, 1) for every hidden layer, or one per hidden layer.
    batch_norm: normalize every hidden layer between its linear map and its activation (see the
        module docstring); adds ``bn_gamma``, ``bn_beta`` (parameters) and ``bn_running_mean``,
        ``bn_running_var`` (buffers, not parameters).

    Raises ValueError (naming the allowed values) for any invalid argument.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int] = (2, 8, 8, 1),
        activation: str | Sequence[str] = "tanh",
        output_activation: str = "sigmoid",
        init: str = "xavier",
        seed: int | None = 0,
        dropout: float | Sequence[float] = 0.0,
        batch_norm: bool = False,
    ):
        self.layer_sizes = self._check_layer_sizes(layer_sizes)
        n_hidden = len(self.layer_sizes) - 2
        names = [activation] * n_hidden if isinstance(activation, str) else list(activation)
        if len(names) != n_hidden:
            raise ValueError(f"Expected {n_hidden} hidden activations, got {len(names)}")
        self.hidden_activations = [get_activation(name).name for name in names]
        if output_activation not in OUTPUT_ACTIVATIONS:
            allowed = ", ".join(OUTPUT_ACTIVATIONS)
            raise ValueError(
                f"Unknown output activation {output_activation!r}; allowed: {allowed}"
            )
        if output_activation == "softmax" and self.layer_sizes[-1] < 2:
            raise ValueError("A softmax output needs at least 2 output units")
        self.output_activation = output_activation
        if init not in INITS:
            raise ValueError(f"Unknown init {init!r}; allowed: {', '.join(INITS)}")
        self.init = init
        self.dropout = self._check_dropout(dropout, n_hidden)
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self._weight_shapes = [
            (fan_out, fan_in)
            for fan_in, fan_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:], strict=True)
        ]
        self._weights = ParameterList(
            [self._initial_weights(shape) for shape in self._weight_shapes], self._weight_shapes,
            "weights",
        )
        self._biases = ParameterList(
            [np.zeros(shape[0]) for shape in self._weight_shapes],
            [(shape[0],) for shape in self._weight_shapes], "biases",
        )
        self.batch_norm = bool(batch_norm)
        self._bn_shapes = [(h,) for h in self.layer_sizes[1:-1]] if self.batch_norm else []
        self._bn_gamma = self._bn_list([np.ones(s) for s in self._bn_shapes], "bn_gamma")
        self._bn_beta = self._bn_list([np.zeros(s) for s in self._bn_shapes], "bn_beta")
        self._bn_running_mean = self._bn_list([np.zeros(s) for s in self._bn_shapes],
                                              "bn_running_mean")
        self._bn_running_var = self._bn_list([np.ones(s) for s in self._bn_shapes],
                                             "bn_running_var")
        self._activations = [ACTIVATIONS[name] for name in self.hidden_activations]
        self._layer_functions = [act.f for act in self._activations]
        self._layer_functions.append(OUTPUT_ACTIVATIONS[output_activation])
        self._ones: np.ndarray | None = None
        self._mean_weights: np.ndarray | None = None

    # --- construction ---------------------------------------------------------------------------
    @staticmethod
    def _check_layer_sizes(layer_sizes) -> tuple[int, ...]:
        try:
            sizes = tuple(operator.index(size) for size in layer_sizes)
        except TypeError:
            raise ValueError(
                f"layer_sizes must be a sequence of ints, got {layer_sizes!r}"
            ) from None
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(
                f"layer_sizes needs at least 2 entries, each ≥ 1 (input and output), got {sizes}"
            )
        return sizes

    @staticmethod
    def _check_dropout(dropout, n_hidden: int) -> tuple[float, ...]:
        if np.ndim(dropout) > 0:
            rates = tuple(float(p) for p in dropout)
            if len(rates) != n_hidden:
                raise ValueError(f"Expected {n_hidden} dropout rates, got {len(rates)}")
        else:
            rates = (float(dropout),) * n_hidden
            if not 0.0 <= float(dropout) < 1.0:
                raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        for p in rates:
            if not 0.0 <= p < 1.0:
                raise ValueError(f"dropout must be in [0, 1), got {p}")
        return rates

    def _initial_weights(self, shape: tuple[int, int]) -> np.ndarray:
        fan_out, fan_in = shape
        if self.init == "xavier":
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            return self.rng.uniform(-limit, limit, size=shape)
        if self.init == "he":
            return self.rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape)
        if self.init == "normal":
            return self.rng.normal(0.0, NORMAL_INIT_STD, size=shape)
        return np.zeros(shape)

    # --- parameters -----------------------------------------------------------------------------
    @property
    def weights(self) -> ParameterList:
        """L arrays, weights[l] of shape (layer_sizes[l+1], layer_sizes[l]); assignable."""
        return self._weights

    @weights.setter
    def weights(self, arrays) -> None:
        self._weights = ParameterList(arrays, self._weight_shapes, "weights")

    @property
    def biases(self) -> ParameterList:
        """L arrays, biases[l] of shape (layer_sizes[l+1],); assignable."""
        return self._biases

    @biases.setter
    def biases(self, arrays) -> None:
        self._biases = ParameterList(arrays, [(s[0],) for s in self._weight_shapes], "biases")

    def _bn_list(self, arrays, kind: str) -> ParameterList:
        return ParameterList(arrays, self._bn_shapes, kind)

    @property
    def bn_gamma(self) -> ParameterList:
        """Batch-norm scales γ: one (layer_sizes[l+1],) array per hidden layer l, starting at 1
        (an empty list when batch norm is off); assignable."""
        return self._bn_gamma

    @bn_gamma.setter
    def bn_gamma(self, arrays) -> None:
        self._bn_gamma = self._bn_list(arrays, "bn_gamma")

    @property
    def bn_beta(self) -> ParameterList:
        """Batch-norm shifts β: one (layer_sizes[l+1],) array per hidden layer, starting at 0."""
        return self._bn_beta

    @bn_beta.setter
    def bn_beta(self, arrays) -> None:
        self._bn_beta = self._bn_list(arrays, "bn_beta")

    @property
    def bn_running_mean(self) -> ParameterList:
        """Buffer (not a parameter): running mean of u per hidden layer, starting at 0; updated
        by ``forward(training=True)``."""
        return self._bn_running_mean

    @bn_running_mean.setter
    def bn_running_mean(self, arrays) -> None:
        self._bn_running_mean = self._bn_list(arrays, "bn_running_mean")

    @property
    def bn_running_var(self) -> ParameterList:
        """Buffer (not a parameter): running unbiased variance of u per hidden layer, starting
        at 1; updated by ``forward(training=True)``."""
        return self._bn_running_var

    @bn_running_var.setter
    def bn_running_var(self, arrays) -> None:
        self._bn_running_var = self._bn_list(arrays, "bn_running_var")

    def bn_buffers(self) -> list[np.ndarray]:
        """Copies of the buffers [running_mean₀, running_var₀, running_mean₁, …] (empty when
        batch norm is off), for snapshots; :meth:`set_bn_buffers` writes them back."""
        return [a.copy() for pair in zip(self._bn_running_mean, self._bn_running_var,
                                         strict=True) for a in pair]

    def set_bn_buffers(self, arrays) -> None:
        """Inverse of :meth:`bn_buffers` (copies into the existing arrays). ValueError on a wrong
        number of arrays or a wrong shape."""
        arrays = list(arrays)
        if len(arrays) != 2 * len(self._bn_shapes):
            raise ValueError(f"Expected {2 * len(self._bn_shapes)} batch-norm buffers, "
                             f"got {len(arrays)}")
        for l, (mean, var) in enumerate(zip(self._bn_running_mean, self._bn_running_var,
                                            strict=True)):
            for target, value in ((mean, arrays[2 * l]), (var, arrays[2 * l + 1])):
                value = np.asarray(value, dtype=np.float64)
                if value.shape != target.shape:
                    raise ValueError(f"batch-norm buffer of hidden layer {l} must have shape "
                                     f"{target.shape}, got {value.shape}")
                target[...] = value

    @property
    def n_layers(self) -> int:
        """L, the number of weight layers."""
        return len(self.layer_sizes) - 1

    @property
    def n_hidden(self) -> int:
        return len(self.layer_sizes) - 2

    @property
    def n_params(self) -> int:
        return (sum(out * (fan_in + 1) for out, fan_in in self._weight_shapes)
                + 2 * sum(shape[0] for shape in self._bn_shapes))

    def parameters(self) -> list[np.ndarray]:
        """The live arrays [W₀, b₀, W₁, b₁, …]; with batch norm [W₀, b₀, γ₀, β₀, W₁, b₁, γ₁, β₁,
        …, W_{L−1}, b_{L−1}] (γ, β after each hidden layer). Updating them in place updates the
        network."""
        if not self.batch_norm:
            return [p for pair in zip(self._weights, self._biases, strict=True) for p in pair]
        params: list[np.ndarray] = []
        for l, (W, b) in enumerate(zip(self._weights, self._biases, strict=True)):
            params += [W, b]
            if l < self.n_hidden:
                params += [self._bn_gamma[l], self._bn_beta[l]]
        return params

    def get_params(self) -> np.ndarray:
        """All parameters as a new 1-D float64 vector in :meth:`parameters` order, each
        row-major."""
        return np.concatenate([p.ravel() for p in self.parameters()])

    def set_params(self, vector) -> None:
        """Inverse of get_params; writes into the existing arrays. ValueError on a wrong length."""
        vector = np.asarray(vector, dtype=np.float64)
        if vector.shape != (self.n_params,):
            raise ValueError(f"Expected a vector of {self.n_params} parameters, got {vector.shape}")
        start = 0
        for p in self.parameters():
            p[...] = vector[start : start + p.size].reshape(p.shape)
            start += p.size

    def copy(self) -> MLP:
        """An independent deep copy (parameters, configuration and generator state)."""
        twin = _copy.copy(self)
        twin.rng = _copy.deepcopy(self.rng)
        twin.hidden_activations = list(self.hidden_activations)
        twin._activations = list(self._activations)
        twin._layer_functions = list(self._layer_functions)
        twin._weights = ParameterList([w.copy() for w in self._weights], self._weight_shapes,
                                      "weights")
        twin.biases = [b.copy() for b in self._biases]
        twin.bn_gamma = [g.copy() for g in self._bn_gamma]
        twin.bn_beta = [b.copy() for b in self._bn_beta]
        twin.bn_running_mean = [m.copy() for m in self._bn_running_mean]
        twin.bn_running_var = [v.copy() for v in self._bn_running_var]
        return twin

    def penalty(self, l1: float = 0.0, l2: float = 0.0) -> float:
        """Weight penalty l1·Σ|W| + (l2/2)·Σ‖W‖²_F over all weight matrices (biases excluded)."""
        return self._penalty(_check_penalty_strength("l1", l1), _check_penalty_strength("l2", l2))

    def _penalty(self, l1: float, l2: float) -> float:
        total = 0.0
        for W in self._weights:
            if l1:
                total += l1 * float(np.abs(W).sum())
            if l2:
                total += 0.5 * l2 * float(np.vdot(W, W))
        return total

    # --- forward --------------------------------------------------------------------------------
    def _check_inputs(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.layer_sizes[0]:
            raise ValueError(f"X must have shape (n, {self.layer_sizes[0]}), got {X.shape}")
        return X

    def _dropout_masks(self, n: int, training: bool, dropout_masks) -> list[np.ndarray | None]:
        """One entry per hidden layer: the 0/1 float64 mask to apply, or None."""
        if dropout_masks is not None:
            if not training:
                raise ValueError("dropout_masks are only used with training=True")
            masks = list(dropout_masks)
            if len(masks) != self.n_hidden:
                raise ValueError(f"Expected {self.n_hidden} dropout masks, got {len(masks)}")
            checked = []
            for l, mask in enumerate(masks):
                if mask is not None:
                    mask = np.asarray(mask, dtype=np.float64)
                    shape = (n, self.layer_sizes[l + 1])
                    if mask.shape != shape or not np.all((mask == 0.0) | (mask == 1.0)):
                        raise ValueError(f"dropout_masks[{l}] must be a 0/1 array of shape {shape}")
                checked.append(mask)
            return checked
        if not training:
            return [None] * self.n_hidden
        return [
            (self.rng.random((n, width)) >= p).astype(np.float64) if p > 0.0 else None
            for p, width in zip(self.dropout, self.layer_sizes[1:-1], strict=True)
        ]

    def dropout_scale(self, mask: np.ndarray, hidden_layer: int) -> np.ndarray:
        """mask / (1 − p) of hidden layer ``hidden_layer`` (0-based; p = ``dropout[hidden_layer]``):
        the factor inverted dropout multiplies that layer's output by, in forward and in backward
        (Srivastava et al. 2014). mask: a 0/1 float64 array, e.g. ``ForwardPass.dropout_masks``;
        returns a new float64 array of its shape, with values 0 or 1/(1 − p)."""
        return mask * (1.0 / (1.0 - self.dropout[hidden_layer]))

    def forward(self, X, training: bool = False, dropout_masks=None) -> ForwardPass:
        """Run X (n, d_in) through the network, keeping z and a of every layer.

        Inverted dropout (Srivastava et al. 2014) acts on hidden outputs only when ``training``:
        the next layer sees a ⊙ mask / (1 − p). Masks are drawn from ``self.rng`` unless
        ``dropout_masks`` (one 0/1 array or None per hidden layer) fixes them.
        Batch norm (if on) normalizes with the batch statistics and updates the running ones when
        ``training``, and uses the running statistics otherwise (see the module docstring).
        Raises ValueError for a wrong X shape or invalid masks, and with batch norm for
        ``training`` with fewer than 2 samples (the batch variance is undefined).
        """
        X = self._check_inputs(X)
        n = X.shape[0]
        if self.batch_norm and training and self.n_hidden and n < 2:
            raise ValueError(
                f"Batch normalization in training mode needs at least 2 samples per batch: the "
                f"variance of a batch of {n} sample{'s' if n != 1 else ''} is undefined"
            )
        masks = self._dropout_masks(n, training, dropout_masks)
        pre_activations, activations, layer_inputs = [], [X], []
        # u, û, μ, σ², 1/√(σ² + ε) per layer (empty lists without batch norm)
        bn = [[None] * self.n_layers if self.batch_norm else [] for _ in range(5)]
        a = X
        layers = zip(self._weights, self._biases, self._layer_functions, strict=True)
        for l, (W, b, f) in enumerate(layers):
            if l > 0 and masks[l - 1] is not None:
                a = a * self.dropout_scale(masks[l - 1], l - 1)
            layer_inputs.append(a)
            if self.batch_norm and l < self.n_hidden:
                # u = (W Aᵀ)ᵀ, a column-major (n, h) array: the per-unit row vectors that batch
                # norm adds and multiplies then run along its columns, twice as fast in NumPy
                z = (W @ a.T).T
                z += b
                z = self._normalize(l, z, training, bn)
            else:
                z = a @ W.T  # Z = A Wᵀ + b
                z += b
            a = f(z)
            pre_activations.append(z)
            activations.append(a)
        return ForwardPass(pre_activations, activations, a, masks, layer_inputs, training, *bn)

    def _normalize(self, l: int, u: np.ndarray, training: bool, bn: list) -> np.ndarray:
        """z = γ ⊙ û + β of hidden layer l from its linear output u (n, h), recording u, û, μ, σ²
        (and 1/√(σ² + ε) for backward) in ``bn`` and, when ``training``, updating the running
        statistics (PyTorch BatchNorm1d: biased σ² to normalize, unbiased σ²·n/(n − 1) in the
        running variance). Written with few NumPy calls: on a (500, 8) batch each call costs
        about as much as the arithmetic, so this is what makes a batch-norm step cheap."""
        if training:
            n = u.shape[0]
            weights = self._batch_mean_weights(n)
            mean = weights @ u  # (1/n)·1ᵀu: BLAS, faster than u.mean(axis=0)
            centered = u - mean
            var = weights @ np.square(centered)
            running_mean, running_var = self._bn_running_mean[l], self._bn_running_var[l]
            running_mean *= 1.0 - BN_MOMENTUM
            running_mean += BN_MOMENTUM * mean
            running_var *= 1.0 - BN_MOMENTUM
            running_var += var * (BN_MOMENTUM * n / (n - 1))
        else:
            mean = self._bn_running_mean[l].copy()
            var = self._bn_running_var[l].copy()
            centered = u - mean
        inv_std = np.sqrt(var + BN_EPS)
        np.divide(1.0, inv_std, out=inv_std)
        normalized = centered
        normalized *= inv_std  # in place: centered is not kept
        linear_outputs, bn_normalized, bn_mean, bn_var, bn_inv_std = bn
        linear_outputs[l], bn_normalized[l], bn_mean[l], bn_var[l] = u, normalized, mean, var
        bn_inv_std[l] = inv_std
        z = normalized * self._bn_gamma[l]
        z += self._bn_beta[l]
        return z

    def predict(self, X) -> np.ndarray:
        """forward(X).output: (n, d_out), evaluation mode (no dropout)."""
        return self.forward(X).output

    # --- backward -------------------------------------------------------------------------------
    def backward(self, forward_pass: ForwardPass, y, loss: str, l1: float = 0.0,
                 l2: float = 0.0) -> Gradients:
        """Backpropagate J = mean loss + penalty through the cached ``forward_pass``.

        y: targets for ``loss`` (see core.losses.check_targets; ValueError on a shape mismatch).
        For weight layers l = L−1 … 0, with a^{l−1} = ``layer_inputs[l]`` (the input of layer l):
            ∂J/∂W^l = δ^lᵀ a^{l−1},  ∂J/∂b^l = Σ_samples δ^l,
            δ^{l−1} = (W^l)ᵀ δ^l ⊙ f′(z^{l−1})   (computed as (δ^l W^l) ⊙ f′ for row batches),
        starting from the output δ of core.losses, whose 1/n makes every sum a batch mean.
        L2 adds l2·W and L1 adds l1·sign(W) (sign(0) = 0) to the weight gradients; never to
        biases, γ or β.
        For a batch-normalized layer (Ioffe & Szegedy 2015, §3, backward of Algorithm 1) δ = ∂J/∂z
        gives ∂J/∂γ = Σ_samples δ ⊙ û, ∂J/∂β = Σ_samples δ and, with g = δ ⊙ γ and
        s = 1/√(σ² + ε), in training mode ∂J/∂u = s ⊙ (g − mean(g) − û ⊙ mean(g ⊙ û))
        (means over the batch), in evaluation mode ∂J/∂u = s ⊙ g; the W and b gradients and
        the δ of the layer below then use ∂J/∂u in place of δ. (In training mode Σ_samples ∂J/∂u
        is 0, so b of a normalized layer gets a zero gradient in exact arithmetic.)
        """
        fp = forward_pass
        logits, output = fp.pre_activations[-1], fp.output
        n, d_out = output.shape
        if n == 0:
            raise ValueError("backward needs at least one sample")
        targets = check_targets(loss, y, n, d_out)
        data_loss, delta = loss_and_delta(loss, logits, output, targets, self.output_activation)
        n_layers = self.n_layers
        batch_ones = self._batch_ones(n)
        deltas: list = [None] * n_layers
        grad_weights: list = [None] * n_layers
        grad_biases: list = [None] * n_layers
        linear_deltas: list = [None] * n_layers
        bn_gamma: list = [None] * len(self._bn_shapes)
        bn_beta: list = [None] * len(self._bn_shapes)
        deltas[-1] = delta
        for l in reversed(range(n_layers)):
            delta = deltas[l]
            if self.batch_norm and l < self.n_hidden:
                delta = self._normalize_backward(l, fp, delta, batch_ones, bn_gamma, bn_beta)
            linear_deltas[l] = delta
            grad_weights[l] = delta.T @ fp.layer_inputs[l]  # ∂J/∂W^l = δ^lᵀ a^{l−1}
            grad_biases[l] = batch_ones @ delta  # ∂J/∂b^l = Σ_samples δ^l (1ᵀδ: BLAS, fast)
            if l > 0:  # δ^{l−1} = (W^l)ᵀ δ^l ⊙ f′(z^{l−1}); rows are samples, so δ^l W^l
                if self.batch_norm:  # column-major like z^{l−1} (see forward)
                    upstream = (self._weights[l].T @ delta.T).T
                else:
                    upstream = delta @ self._weights[l]
                mask = fp.dropout_masks[l - 1]
                if mask is not None:  # layer l saw a ⊙ mask/(1 − p)
                    upstream *= self.dropout_scale(mask, l - 1)
                f_prime = self._activations[l - 1].derivative(
                    fp.pre_activations[l - 1], fp.activations[l]
                )
                deltas[l - 1] = upstream * f_prime
        l1 = _check_penalty_strength("l1", l1)
        l2 = _check_penalty_strength("l2", l2)
        penalty = self._penalty(l1, l2)
        if l1 or l2:
            for gw, W in zip(grad_weights, self._weights, strict=True):
                if l2:
                    gw += l2 * W
                if l1:
                    gw += l1 * np.sign(W)
        if not self.batch_norm:
            return Gradients(grad_weights, grad_biases, deltas, data_loss, penalty,
                             linear_deltas=linear_deltas)
        return Gradients(grad_weights, grad_biases, deltas, data_loss, penalty, bn_gamma, bn_beta,
                         linear_deltas)

    def _normalize_backward(self, l: int, fp: ForwardPass, delta: np.ndarray, batch_ones,
                            bn_gamma: list, bn_beta: list) -> np.ndarray:
        """∂J/∂u of hidden layer l from δ = ∂J/∂z; stores ∂J/∂γ, ∂J/∂β (see :meth:`backward`)."""
        normalized = fp.bn_normalized[l]
        if normalized is None:
            raise ValueError("the forward pass was computed without batch normalization")
        inv_std = fp.bn_inv_std[l] if l < len(fp.bn_inv_std) else None
        if inv_std is None:  # a ForwardPass built by hand
            inv_std = 1.0 / np.sqrt(fp.bn_var[l] + BN_EPS)
        product = delta * normalized
        bn_gamma[l] = grad_gamma = batch_ones @ product  # Σ δ ⊙ û
        bn_beta[l] = grad_beta = batch_ones @ delta  # Σ δ
        scale = self._bn_gamma[l] * inv_std  # γ/√(σ² + ε), per unit
        if not fp.training:
            return delta * scale
        # With g = δ ⊙ γ: mean(g) = γ ⊙ Σδ/n and mean(g ⊙ û) = γ ⊙ Σδ⊙û/n, so
        # ∂J/∂u = s ⊙ (g − mean(g) − û ⊙ mean(g ⊙ û)) = (γ s̃) ⊙ (δ − Σδ/n − û ⊙ Σδ⊙û/n)
        n = delta.shape[0]
        out = np.multiply(normalized, grad_gamma * (-1.0 / n), out=product)
        out += delta
        out -= grad_beta * (1.0 / n)
        out *= scale
        return out

    def _batch_mean_weights(self, n: int) -> np.ndarray:
        """A cached (n,) vector of 1/n, so that w @ x is the batch mean of x's rows."""
        if self._mean_weights is None or self._mean_weights.shape[0] != n:
            self._mean_weights = np.full(n, 1.0 / n)
        return self._mean_weights

    def _batch_ones(self, n: int) -> np.ndarray:
        """A cached (n,) vector of ones (np.ones costs more than the product it feeds)."""
        if self._ones is None or self._ones.shape[0] != n:
            self._ones = np.ones(n)
        return self._ones

    def input_gradient(self, X, output_index: int = 0) -> np.ndarray:
        """∂ŷ_k/∂x for every row of X: (n, d_in), k = output_index.

        For a sigmoid output with one unit this is the gradient of p(class 1); for softmax it is
        ∂p_k/∂x. Computed by backpropagating e_k through f_out′ and every layer to the input.
        """
        fp = self.forward(X)
        d_out = self.layer_sizes[-1]
        if not 0 <= output_index < d_out:
            raise ValueError(f"output_index must be in [0, {d_out}), got {output_index}")
        p = fp.output
        delta = np.zeros_like(p)
        if self.output_activation == "sigmoid":
            delta[:, output_index] = p[:, output_index] * (1.0 - p[:, output_index])
        elif self.output_activation == "softmax":
            delta = -p[:, [output_index]] * p
            delta[:, output_index] += p[:, output_index]
        else:
            delta[:, output_index] = 1.0
        for l in range(self.n_layers - 1, 0, -1):
            delta = (delta @ self._weights[l]) * self._activations[l - 1].derivative(
                fp.pre_activations[l - 1], fp.activations[l]
            )
            if self.batch_norm:  # evaluation mode: z = γ (u − running mean)/√(running var + ε) + β
                delta = delta * (self._bn_gamma[l - 1] / np.sqrt(fp.bn_var[l - 1] + BN_EPS))
        return delta @ self._weights[0]

    def __repr__(self) -> str:
        return (
            f"MLP(layer_sizes={self.layer_sizes}, activation={self.hidden_activations}, "
            f"output_activation={self.output_activation!r}, init={self.init!r}, seed={self.seed}, "
            f"dropout={self.dropout}{', batch_norm=True' if self.batch_norm else ''})"
        )
