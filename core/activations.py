"""Activation functions and their derivatives, each value next to its derivative.

Every function takes an array-like of pre-activations z (any shape, cast to float64) and returns a
new float64 array of the same shape (``linear`` returns its float64 input itself, without a copy).
The derivative ``df(z)`` is the elementwise f′(z) used in backpropagation,
δ^l = (W^{l+1})ᵀ δ^{l+1} ⊙ f′(z^l) (Goodfellow et al. 2016, §6.5.4).

Numerical stability: for every finite input no function raises an overflow, invalid-value or
divide-by-zero floating-point error. Exponentials are only taken of non-positive arguments, and
arguments below ``EXP_UNDERFLOW`` map to an exact 0 instead of being passed to ``np.exp``, so
inputs such as ±1e308, ±1234.1 and 0 raise nothing even under ``np.errstate(all="raise")``.
(Gradual underflow of an ordinary product, e.g. leaky_relu(−1e-307), is IEEE behaviour.)

Conventions follow PyTorch: relu′(0) = 0, leaky_relu slope 0.01, elu α = 1, gelu is the tanh
approximation (``torch.nn.GELU(approximate="tanh")``, Hendrycks & Gimpel 2016), swish is SiLU
(Ramachandran et al. 2017). Derivatives of tanh and sigmoid are computed from the output, as
PyTorch's autograd does: tanh′ = 1 − a², σ′ = a(1 − a).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

# exp(-708) ≈ 3.3e-308 is still a normal float64; below this the result would underflow.
EXP_UNDERFLOW = -708.0
_SQRT_2_OVER_PI = float(np.sqrt(2.0 / np.pi))
_GELU_CUBIC = 0.044715
# Beyond |z| = 50 the gelu gate σ(2u) is exactly 0 or 1 in float64, so clipping z there (to keep z³
# finite) does not change any result.
_GELU_CLIP = 50.0
LEAKY_RELU_SLOPE = 0.01

Array = np.ndarray


def _as_float(z) -> Array:
    return np.asarray(z, dtype=np.float64)


def exp_nonpositive(x: Array) -> Array:
    """exp(x) for x ≤ 0 without underflow: exactly 0.0 where x < EXP_UNDERFLOW (float64)."""
    out = np.zeros(x.shape)  # x is float64 here; np.zeros is much cheaper than zeros_like
    np.exp(x, out=out, where=x >= EXP_UNDERFLOW)
    return out


# --- linear ------------------------------------------------------------------------------------
def linear(z) -> Array:
    """f(z) = z (returns the float64 input itself, no copy)."""
    return _as_float(z)


def linear_prime(z) -> Array:
    """f′(z) = 1."""
    return np.ones_like(_as_float(z))


# --- relu --------------------------------------------------------------------------------------
def relu(z) -> Array:
    """f(z) = max(0, z)."""
    return np.maximum(_as_float(z), 0.0)


def relu_prime(z) -> Array:
    """f′(z) = 1 if z > 0 else 0; f′(0) = 0 as in PyTorch."""
    return (_as_float(z) > 0.0).astype(np.float64)


# --- leaky relu --------------------------------------------------------------------------------
def leaky_relu(z) -> Array:
    """f(z) = z if z > 0 else 0.01·z."""
    z = _as_float(z)
    return np.where(z > 0.0, z, LEAKY_RELU_SLOPE * z)


def leaky_relu_prime(z) -> Array:
    """f′(z) = 1 if z > 0 else 0.01 (0.01 at z = 0, as in PyTorch)."""
    return np.where(_as_float(z) > 0.0, 1.0, LEAKY_RELU_SLOPE)


# --- elu (α = 1) -------------------------------------------------------------------------------
def elu(z) -> Array:
    """f(z) = z if z > 0 else eᶻ − 1 (Clevert et al. 2016, α = 1)."""
    z = _as_float(z)
    return np.where(z > 0.0, z, np.expm1(np.minimum(z, 0.0)))


def elu_prime(z) -> Array:
    """f′(z) = 1 if z > 0 else eᶻ."""
    z = _as_float(z)
    return np.where(z > 0.0, 1.0, exp_nonpositive(np.minimum(z, 0.0)))


# --- tanh --------------------------------------------------------------------------------------
def tanh(z) -> Array:
    """f(z) = tanh z."""
    return np.tanh(_as_float(z))


def tanh_prime_from_output(a: Array) -> Array:
    """f′ = 1 − a² with a = tanh z."""
    return 1.0 - a * a


def tanh_prime(z) -> Array:
    """f′(z) = 1 − tanh² z."""
    return tanh_prime_from_output(tanh(z))


# --- sigmoid -----------------------------------------------------------------------------------
def sigmoid(z) -> Array:
    """σ(z) = 1/(1 + e^{−z}), evaluated with e^{−|z|} only, so it never overflows.

    σ(z) = 1/(1 + e^{−|z|}) for z ≥ 0 and e^{−|z|}/(1 + e^{−|z|}) for z < 0;
    sigmoid([0.12, 0.34, −1234.1]) = [0.52996405, 0.58419052, 0.0].
    """
    z = _as_float(z)
    e = exp_nonpositive(-np.abs(z))
    return np.where(z >= 0.0, 1.0, e) / (1.0 + e)


def sigmoid_prime_from_output(a: Array) -> Array:
    """σ′ = a(1 − a) with a = σ(z)."""
    return a * (1.0 - a)


def sigmoid_prime(z) -> Array:
    """σ′(z) = σ(z)(1 − σ(z))."""
    return sigmoid_prime_from_output(sigmoid(z))


# --- softplus ----------------------------------------------------------------------------------
def softplus(z) -> Array:
    """f(z) = log(1 + eᶻ) = max(z, 0) + log1p(e^{−|z|}); softplus(1000) = 1000 exactly."""
    z = _as_float(z)
    return np.maximum(z, 0.0) + np.log1p(exp_nonpositive(-np.abs(z)))


def softplus_prime(z) -> Array:
    """f′(z) = σ(z)."""
    return sigmoid(z)


# --- gelu (tanh approximation) -----------------------------------------------------------------
def _gelu_inner(z: Array) -> tuple[Array, Array]:
    """u = √(2/π)(z + 0.044715 z³) and du/dz, with z clipped to ±50 so z³ stays finite."""
    zc = np.clip(z, -_GELU_CLIP, _GELU_CLIP)
    zc2 = zc * zc
    u = _SQRT_2_OVER_PI * (zc + _GELU_CUBIC * zc2 * zc)
    du = _SQRT_2_OVER_PI * (1.0 + 3.0 * _GELU_CUBIC * zc2)
    return u, du


def gelu(z) -> Array:
    """f(z) = ½ z (1 + tanh u), u = √(2/π)(z + 0.044715 z³) — PyTorch ``approximate="tanh"``.

    Evaluated as z·σ(2u), the same function (1 + tanh u = 2σ(2u)) without cancellation for z ≪ 0.
    """
    z = _as_float(z)
    u, _ = _gelu_inner(z)
    return z * sigmoid(2.0 * u)


def gelu_prime(z) -> Array:
    """f′(z) = σ(2u) + z·2u′·σ(2u)(1 − σ(2u)), i.e. ½(1 + tanh u) + ½ z (1 − tanh² u) u′."""
    z = _as_float(z)
    u, du = _gelu_inner(z)
    gate = sigmoid(2.0 * u)
    # The bracket is exactly 0 where the gate saturates, so z = ±1e308 never overflows.
    return gate + (gate * (1.0 - gate) * (2.0 * du)) * z


# --- swish / SiLU ------------------------------------------------------------------------------
def swish(z) -> Array:
    """f(z) = z·σ(z) (SiLU)."""
    z = _as_float(z)
    return z * sigmoid(z)


def swish_prime(z) -> Array:
    """f′(z) = σ(z)(1 + z(1 − σ(z)))."""
    z = _as_float(z)
    s = sigmoid(z)
    return s * (1.0 + z * (1.0 - s))


# --- softmax (output layer only) ---------------------------------------------------------------
def softmax(z) -> Array:
    """Row-wise softmax over the last axis with the max-shift: softmax([1, −10, 1000]) = [0, 0, 1].

    z: (..., K) float64. Returns the same shape; every row sums to 1. Entries more than ~708 below
    the row maximum are exactly 0, and no floating-point error is raised for any finite input.
    """
    z = _as_float(z)
    shifted = shift_by_row_max(z)
    e = exp_nonpositive(shifted)
    e /= e.sum(axis=-1, keepdims=True)
    return e


def shift_by_row_max(z: Array) -> Array:
    """z − max(z) along the last axis (all entries ≤ 0), without overflow for any finite z.

    Entries so far below the maximum that the difference would overflow are set to −1000: their
    exponential is 0 either way.
    """
    row_max = z.max(axis=-1, keepdims=True)
    if np.abs(z).max(initial=0.0) < 8e307:
        return z - row_max
    near = z >= row_max - 1000.0
    return np.subtract(z, row_max, out=np.full_like(z, -1000.0), where=near)


class Activation(NamedTuple):
    """An elementwise activation: ``f(z)`` and its derivative ``df(z)``.

    ``df_from_output(a)`` (optional) gives the same f′ from the output a = f(z), bit for bit, which
    saves re-evaluating f during backpropagation.
    """

    name: str
    f: Callable[[Array], Array]
    df: Callable[[Array], Array]
    df_from_output: Callable[[Array], Array] | None = None

    def derivative(self, z: Array, a: Array) -> Array:
        """f′(z), using the cached output a = f(z) when that is cheaper."""
        if self.df_from_output is not None:
            return self.df_from_output(a)
        return self.df(z)


def _relu_prime_from_output(a: Array) -> Array:
    return (a > 0.0).astype(np.float64)


def _leaky_relu_prime_from_output(a: Array) -> Array:
    return np.where(a > 0.0, 1.0, LEAKY_RELU_SLOPE)


ACTIVATIONS: dict[str, Activation] = {
    "linear": Activation("linear", linear, linear_prime, linear_prime),
    "relu": Activation("relu", relu, relu_prime, _relu_prime_from_output),
    "leaky_relu": Activation(
        "leaky_relu", leaky_relu, leaky_relu_prime, _leaky_relu_prime_from_output
    ),
    "elu": Activation("elu", elu, elu_prime),
    "tanh": Activation("tanh", tanh, tanh_prime, tanh_prime_from_output),
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime, sigmoid_prime_from_output),
    "softplus": Activation("softplus", softplus, softplus_prime),
    "gelu": Activation("gelu", gelu, gelu_prime),
    "swish": Activation("swish", swish, swish_prime),
}

#: Output-layer activations. softmax is not elementwise; its Jacobian is handled in core.losses.
OUTPUT_ACTIVATIONS: dict[str, Callable[[Array], Array]] = {
    "sigmoid": sigmoid,
    "softmax": softmax,
    "linear": linear,
}

#: Each activation (hidden and output) as a formula in NumPy notation, elementwise in z except
#: softmax (over the last axis, one row per sample); written into exported models
#: (``core.model_description``) so that a reader can re-implement the network. Built from the
#: same constants as the functions above.
FORMULAS: dict[str, str] = {
    "linear": "z",
    "relu": "maximum(z, 0)",
    "leaky_relu": f"where(z > 0, z, {LEAKY_RELU_SLOPE!r} * z)",
    "elu": "where(z > 0, z, exp(z) - 1)",
    "tanh": "tanh(z)",
    "sigmoid": "1 / (1 + exp(-z))",
    "softplus": "log(1 + exp(z))",
    "gelu": f"0.5 * z * (1 + tanh(sqrt(2 / pi) * (z + {_GELU_CUBIC!r} * z**3)))",
    "swish": "z / (1 + exp(-z))",
    "softmax": "exp(z - max(z)) / sum(exp(z - max(z)))  (over the K outputs of one sample)",
}

#: Points where f′ jumps (relu, leaky_relu) or, for elu with α = 1, where f″ jumps: central
#: differences straddling them are not O(h²)-accurate, so core.gradcheck skips such points.
KINKS: dict[str, tuple[float, ...]] = {name: () for name in ACTIVATIONS}
KINKS.update({"relu": (0.0,), "leaky_relu": (0.0,), "elu": (0.0,)})


def get_activation(name: str) -> Activation:
    """The hidden-layer activation ``name``; ValueError listing the allowed names otherwise."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        allowed = ", ".join(ACTIVATIONS)
        raise ValueError(f"Unknown activation {name!r}; allowed: {allowed}") from None


def get_output_activation(name: str) -> Callable[[Array], Array]:
    """The output activation ``name`` (sigmoid, softmax or linear); ValueError otherwise."""
    try:
        return OUTPUT_ACTIVATIONS[name]
    except (KeyError, TypeError):
        allowed = ", ".join(OUTPUT_ACTIVATIONS)
        raise ValueError(f"Unknown output activation {name!r}; allowed: {allowed}") from None
