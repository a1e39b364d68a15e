"""Gradient-descent optimizers with PyTorch's update rules and defaults.

Every optimizer updates a list of float64 parameter arrays **in place** and keeps its state
(velocity, running averages) per parameter *position* in that list. ``g`` is the gradient
∂J/∂p, ``η`` the learning rate and ``t`` the number of steps taken (1 on the first step).

=========  ==============================================================  ======================
name       update                                                          defaults
=========  ==============================================================  ======================
sgd        p ← p − η g
momentum   v ← μ v + g;  p ← p − η v                                       μ = 0.9
nesterov   v ← μ v + g;  p ← p − η (g + μ v)                               μ = 0.9
rmsprop    s ← α s + (1−α) g²;  p ← p − η g / (√s + ε)                     α = 0.99, ε = 1e-8
adam       m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;                         β₁ = 0.9, β₂ = 0.999,
           m̂ = m/(1−β₁ᵗ);  v̂ = v/(1−β₂ᵗ);  p ← p − η m̂/(√v̂ + ε)            ε = 1e-8
=========  ==============================================================  ======================

Sources: the conventions (velocity without dampening, ε outside the square root, Nesterov as
"g + μ v") are those of the PyTorch documentation of ``torch.optim.SGD``, ``RMSprop`` and
``Adam``; Adam is Kingma & Ba 2015 (Algorithm 1), RMSprop is Tieleman & Hinton 2012 (Coursera
lecture 6.5), Nesterov momentum is Sutskever et al. 2013 in PyTorch's reformulation, and
clipping by global norm is Pascanu et al. 2013 / ``torch.nn.utils.clip_grad_norm_``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

class Hyper(NamedTuple):
    """One hyperparameter an optimizer takes: the ``TrainingSettings`` field that holds it,
    the :func:`make_optimizer` keyword, and its default (PyTorch's)."""

    setting: str
    keyword: str
    default: float


_MOMENTUM = Hyper("momentum", "momentum", 0.9)
_EPS = Hyper("eps", "eps", 1e-8)

OPTIMIZER_HYPER: dict[str, tuple[Hyper, ...]] = {
    "sgd": (),
    "momentum": (_MOMENTUM,),
    "nesterov": (_MOMENTUM,),
    "rmsprop": (Hyper("rmsprop_alpha", "alpha", 0.99), _EPS),
    "adam": (Hyper("beta1", "beta1", 0.9), Hyper("beta2", "beta2", 0.999), _EPS),
}
"""The one table of which hyperparameters each optimizer uses: optimizer name → its
:class:`Hyper` entries (setting name, make_optimizer keyword, default). Everything else
(:data:`DEFAULT_HYPER`, :data:`HYPER_SETTINGS`, :func:`select_hyper`, the settings, the scene
file, the Training panel, the loss-surface race) reads it."""

OPTIMIZERS = tuple(OPTIMIZER_HYPER)

DEFAULT_HYPER: dict[str, dict[str, float]] = {
    name: {h.keyword: h.default for h in hypers} for name, hypers in OPTIMIZER_HYPER.items()}
"""Optimizer → {make_optimizer keyword: default}."""

HYPER_SETTINGS: tuple[str, ...] = tuple(dict.fromkeys(
    h.setting for hypers in OPTIMIZER_HYPER.values() for h in hypers))
"""Every settings field that holds some optimizer's hyperparameter."""

SETTING_OF_KEYWORD: dict[str, str] = {
    h.keyword: h.setting for hypers in OPTIMIZER_HYPER.values() for h in hypers}
"""make_optimizer keyword → settings field (e.g. "alpha" → "rmsprop_alpha")."""


def hyper_settings(name: str) -> tuple[str, ...]:
    """The settings fields optimizer ``name`` uses, in table order; ValueError if unknown."""
    if name not in OPTIMIZER_HYPER:
        raise ValueError(f"Unknown optimizer '{name}'; allowed: {', '.join(OPTIMIZERS)}")
    return tuple(h.setting for h in OPTIMIZER_HYPER[name])


def hyper_default(setting: str) -> float:
    """Default of settings field ``setting`` (the table's); KeyError if no optimizer uses it."""
    for hypers in OPTIMIZER_HYPER.values():
        for h in hypers:
            if h.setting == setting:
                return h.default
    raise KeyError(setting)

# Names of the per-parameter state buffers each optimizer keeps.
STATE_BUFFERS: dict[str, tuple[str, ...]] = {
    "sgd": (),
    "momentum": ("v",),
    "nesterov": ("v",),
    "rmsprop": ("s",),
    "adam": ("m", "v"),
}


def validate_learning_rate(lr) -> float:
    """Return ``lr`` as a float; raise ValueError unless it is finite and > 0."""
    try:
        value = float(lr)
    except (TypeError, ValueError):
        raise ValueError(f"Learning rate must be a finite number > 0, got {lr!r}") from None
    if not math.isfinite(value) or value <= 0.0:
        raise ValueError(f"Learning rate must be a finite number > 0, got {lr!r}")
    return value


def _validate_hyper(name: str, hyper: Mapping) -> dict[str, float]:
    allowed = DEFAULT_HYPER[name]
    unknown = sorted(set(hyper) - set(allowed))
    if unknown:
        allowed_text = ", ".join(allowed) if allowed else "none"
        raise ValueError(
            f"Unknown hyperparameter(s) {', '.join(unknown)} for optimizer '{name}'; "
            f"allowed: {allowed_text}"
        )
    result = dict(allowed)
    for key, raw in hyper.items():
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{key} must be a number, got {raw!r}") from None
        if key == "eps":
            if not math.isfinite(value) or value <= 0.0:
                raise ValueError(f"eps must be a finite number > 0, got {raw!r}")
        elif not (0.0 <= value < 1.0):  # momentum, alpha, beta1, beta2
            raise ValueError(f"{key} must be in [0, 1), got {raw!r}")
        result[key] = value
    return result


def select_hyper(name: str, candidates: Mapping) -> dict[str, float]:
    """Pick from ``candidates`` only the hyperparameters optimizer ``name`` takes, keyed as
    :func:`make_optimizer` wants.

    Lets a caller holding every setting (momentum, beta1, ``rmsprop_alpha`` …) build any
    optimizer: a candidate may be keyed by its settings field (``rmsprop_alpha``) or by its
    keyword (``alpha``), per :data:`OPTIMIZER_HYPER`. ValueError for an unknown optimizer.
    """
    if name not in OPTIMIZER_HYPER:
        raise ValueError(f"Unknown optimizer '{name}'; allowed: {', '.join(OPTIMIZERS)}")
    picked = {}
    for h in OPTIMIZER_HYPER[name]:
        for key in (h.keyword, h.setting):
            if key in candidates:
                picked[h.keyword] = candidates[key]
    return picked


class Optimizer:
    """One optimizer of :data:`OPTIMIZERS`; build it with :func:`make_optimizer`.

    Attributes: ``name``; ``lr`` (η, mutable, validated on assignment); ``hyper`` (dict of the
    hyperparameters in use, defaults filled in); ``t`` (steps taken since the last reset).
    """

    def __init__(self, name: str, lr: float, **hyper):
        if name not in DEFAULT_HYPER:
            raise ValueError(f"Unknown optimizer '{name}'; allowed: {', '.join(OPTIMIZERS)}")
        self.name = name
        self.lr = lr
        self.hyper = _validate_hyper(name, hyper)
        self.reset()

    @property
    def lr(self) -> float:
        return self._lr

    @lr.setter
    def lr(self, value) -> None:
        self._lr = validate_learning_rate(value)

    def reset(self) -> None:
        """Forget all state: step count, buffers and the terms of the last step."""
        self.t = 0
        self.state: dict[str, list[np.ndarray]] = {key: [] for key in STATE_BUFFERS[self.name]}
        self._last: dict[str, list[np.ndarray]] | None = None

    # -- the update ------------------------------------------------------------------------
    def step(self, params: Sequence[np.ndarray], grads: Sequence[np.ndarray]) -> None:
        """Apply one update to ``params`` in place.

        ``params`` and ``grads`` are equally long lists of arrays with matching shapes;
        every parameter array must be float64 (the network casts its parameters). Raises
        ValueError on a length, shape or dtype mismatch, or when the list of shapes differs
        from the one the state was built for (call :meth:`reset` after changing the model).
        """
        self._check(params, grads)
        if self.t == 0 or not any(self.state.values()):
            self.state = {key: [np.zeros_like(p) for p in params] for key in self.state}
        self.t += 1
        last: dict[str, list[np.ndarray]] = {"g": [], "update": []}
        for position, (p, g) in enumerate(zip(params, grads, strict=True)):
            g = np.array(g, dtype=np.float64)  # a copy, so terms() survives caller edits
            update = self._update(position, g, last)
            p += update
            last["g"].append(g)
            last["update"].append(update)
        self._last = last

    def _update(self, position: int, g: np.ndarray, last: dict) -> np.ndarray:
        """Advance the state of one parameter; return the step Δp to add to it.

        Δp is formed as (−η)·direction, so p + Δp is bit for bit p − η·direction.
        """
        lr, h = self.lr, self.hyper
        if self.name == "sgd":
            return g * -lr
        if self.name in ("momentum", "nesterov"):
            v = self.state["v"][position]
            v *= h["momentum"]
            v += g
            if self.name == "momentum":
                return v * -lr
            direction = g + h["momentum"] * v
            last.setdefault("direction", []).append(direction)
            return direction * -lr
        if self.name == "rmsprop":
            s = self.state["s"][position]
            alpha = h["alpha"]
            s *= alpha
            s += (1.0 - alpha) * g * g
            return (g / (np.sqrt(s) + h["eps"])) * -lr
        # adam, with the bias corrections applied as torch.optim.Adam does
        m, v = self.state["m"][position], self.state["v"][position]
        beta1, beta2 = h["beta1"], h["beta2"]
        m *= beta1
        m += (1.0 - beta1) * g
        v *= beta2
        v += (1.0 - beta2) * g * g
        step_size = lr / (1.0 - beta1**self.t)
        denominator = np.sqrt(v) / math.sqrt(1.0 - beta2**self.t) + h["eps"]
        return (m / denominator) * -step_size

    def _check(self, params, grads) -> None:
        if len(params) != len(grads):
            raise ValueError(f"Got {len(params)} parameter arrays but {len(grads)} gradients")
        for position, (p, g) in enumerate(zip(params, grads, strict=True)):
            if not isinstance(p, np.ndarray) or p.dtype != np.float64:
                dtype = getattr(p, "dtype", type(p).__name__)
                raise ValueError(
                    f"Parameter {position} must be a float64 array to be updated in place, "
                    f"got {dtype}"
                )
            g_shape = g.shape if isinstance(g, np.ndarray) else np.shape(g)
            if g_shape != p.shape:
                raise ValueError(
                    f"Gradient {position} has shape {g_shape}, parameter has {p.shape}"
                )
        buffers = next(iter(self.state.values()), [])
        if self.t > 0 and buffers:
            shapes = [b.shape for b in buffers]
            if shapes != [p.shape for p in params]:
                raise ValueError(
                    "Parameter shapes changed since the optimizer state was built; "
                    "call reset() after changing the model"
                )

    # -- inspection ------------------------------------------------------------------------
    def terms(self, position: int, index: int) -> dict[str, float]:
        """The terms the LAST step used for one element of one parameter array.

        ``position`` is the array's index in the params list, ``index`` the flat (row-major)
        element index. Keys: ``g`` (gradient), ``update`` (the step Δp added to p), ``lr``,
        ``t``, and by optimizer ``v`` (momentum), ``v`` and ``direction`` = g + μ v
        (nesterov), ``s`` (rmsprop), ``m``, ``v``, ``m_hat``, ``v_hat`` (adam).
        Returns ``{}`` before the first step and after :meth:`reset` / :meth:`load_state_dict`.
        Raises IndexError for an out-of-range position or index.
        """
        if self._last is None:
            return {}
        gradients = self._last["g"]
        if not 0 <= position < len(gradients):
            raise IndexError(f"position {position} out of range 0..{len(gradients) - 1}")
        size = gradients[position].size
        if not 0 <= index < size:
            raise IndexError(f"index {index} out of range 0..{size - 1}")

        def element(array: np.ndarray) -> float:
            return float(array.reshape(-1)[index])

        result = {"g": element(gradients[position])}
        for key, buffers in self.state.items():
            result[key] = element(buffers[position])
        if "direction" in self._last:
            result["direction"] = element(self._last["direction"][position])
        if self.name == "adam":
            result["m_hat"] = result["m"] / (1.0 - self.hyper["beta1"] ** self.t)
            result["v_hat"] = result["v"] / (1.0 - self.hyper["beta2"] ** self.t)
        result["update"] = element(self._last["update"][position])
        result["lr"] = self.lr
        result["t"] = float(self.t)
        return result

    # -- persistence -----------------------------------------------------------------------
    def state_dict(self, plain: bool = True) -> dict:
        """Everything needed to continue identically: name, lr, hyper, t and the buffers.

        With ``plain=True`` (default) buffers are nested lists of floats (JSON-ready, for
        scene files). ``plain=False`` returns NumPy copies instead — compact and fast, for
        in-memory snapshots. :meth:`load_state_dict` accepts both.
        """
        if plain:
            buffers = {k: [b.tolist() for b in v] for k, v in self.state.items()}
        else:
            buffers = {k: [b.copy() for b in v] for k, v in self.state.items()}
        return {
            "name": self.name,
            "lr": self.lr,
            "hyper": dict(self.hyper),
            "t": self.t,
            "state": buffers,
        }

    def load_state_dict(self, d: Mapping) -> None:
        """Restore a :meth:`state_dict` (also lr and hyper, as PyTorch does).

        Raises ValueError if the dict is for another optimizer or is malformed; the current
        state is left unchanged in that case.
        """
        name = d.get("name") if isinstance(d, Mapping) else None
        if name != self.name:
            raise ValueError(f"State is for optimizer {name!r}, this is '{self.name}'")
        try:
            lr = validate_learning_rate(d["lr"])
            hyper = _validate_hyper(self.name, d.get("hyper", {}))
            t = int(d["t"])
            raw_state = d["state"]
        except (KeyError, TypeError) as error:
            raise ValueError(f"Malformed optimizer state: {error!r}") from None
        if t < 0 or set(raw_state) != set(STATE_BUFFERS[self.name]):
            raise ValueError(
                f"Malformed optimizer state: expected t >= 0 and buffers "
                f"{list(STATE_BUFFERS[self.name])}"
            )
        try:
            state = {
                key: [np.array(b, dtype=np.float64) for b in raw_state[key]]
                for key in STATE_BUFFERS[self.name]
            }
        except (TypeError, ValueError) as error:
            raise ValueError(f"Malformed optimizer state buffers: {error}") from None
        lengths = {len(v) for v in state.values()}
        if len(lengths) > 1:
            raise ValueError("Malformed optimizer state: buffers have different lengths")
        self._lr, self.hyper, self.t, self.state = lr, hyper, t, state
        self._last = None

    def __repr__(self) -> str:
        hyper = ", ".join(f"{k}={v:g}" for k, v in self.hyper.items())
        return f"Optimizer({self.name!r}, lr={self.lr:g}{', ' if hyper else ''}{hyper}, t={self.t})"


def make_optimizer(name: str, lr: float, **hyper) -> Optimizer:
    """Build optimizer ``name`` (one of :data:`OPTIMIZERS`) with learning rate ``lr``.

    ``hyper`` takes the keys of :data:`DEFAULT_HYPER[name]`; missing ones get PyTorch's
    defaults. Raises ValueError for an unknown name or key, lr ≤ 0 or non-finite, momentum /
    alpha / beta1 / beta2 outside [0, 1), or eps ≤ 0; the message lists the allowed values.
    """
    return Optimizer(name, lr, **hyper)


@dataclass(frozen=True)
class DecayStability:
    """Whether L2 weight decay alone lets the weights settle, for one optimizer's settings.

    ``product`` is ηλ (learning rate × L2 rate, ≥ 0); ``bound`` the value of ηλ below which
    the L2-only iteration converges to 0 for this optimizer, or None when the optimizer has no
    such bound (RMSprop, Adam); ``momentum`` the μ the bound was computed with (momentum and
    Nesterov; None otherwise); ``unstable`` is True when ``bound`` is not None and
    ``product ≥ bound``. Codes and numbers only: the GUI words and translates them.
    """

    optimizer: str
    product: float
    bound: float | None
    momentum: float | None = None

    @property
    def unstable(self) -> bool:
        return self.bound is not None and self.product >= self.bound


def weight_decay_stability(name: str, learning_rate: float, l2: float,
                           hyper: Mapping | None = None) -> DecayStability:
    """The stability bound on ηλ of optimizer ``name`` under L2 weight decay alone.

    ``learning_rate`` η > 0 and ``l2`` λ ≥ 0 (finite floats); ``hyper`` may hold every
    setting (``momentum``, ``beta1``, ``rmsprop_alpha`` …): :func:`select_hyper` keeps those
    ``name`` takes and missing ones get their defaults (μ = 0.9). Raises ValueError for an
    unknown optimizer, η ≤ 0, a negative or non-finite λ, or a hyperparameter out of range.

    Derivation. With only the L2 term J = (λ/2)w² the gradient is g = λw, the same for every
    weight independently, so one scalar iteration decides; write a = ηλ > 0.

    - sgd: w ← w − ηλw = (1 − a)w converges iff |1 − a| < 1, i.e. **a < 2**.
    - momentum (heavy ball, PyTorch form v ← μv + g, w ← w − ηv): the state (w, v) maps as
      v' = λw + μv, w' = (1 − a)w − ημv, a linear map with trace 1 + μ − a and determinant
      (1 − a)μ + aμ = μ, so its characteristic polynomial is p(z) = z² − (1 + μ − a)z + μ.
    - nesterov (PyTorch form v ← μv + g, w ← w − η(g + μv)): v' = λw + μv,
      w' = w − η(λw + μ(λw + μv)) = (1 − a(1 + μ))w − ημ²v; trace (1 + μ)(1 − a), determinant
      μ(1 − a(1 + μ)) + aμ² = μ(1 − a), so p(z) = z² − (1 + μ)(1 − a)z + μ(1 − a).

    Both roots of a real z² + bz + c lie strictly inside the unit circle iff p(1) > 0,
    p(−1) > 0 and |c| < 1 (the Jury / Schur–Cohn conditions for degree 2). Momentum:
    p(1) = a > 0, p(−1) = 2(1 + μ) − a and |c| = μ < 1, so **a < 2(1 + μ)**. Nesterov:
    p(1) = a > 0, p(−1) = 1 + (1 + 2μ)(1 − a) > 0 iff **a < 2(1 + μ)/(1 + 2μ)**, and
    |μ(1 − a)| < 1 iff a < 1 + 1/μ, which is weaker (1/(1 + 2μ) < 1/μ). At μ = 0 both reduce
    to the SGD bound 2. At the bound a root sits at z = −1: the weights oscillate without
    decaying, so ``unstable`` includes equality.

    RMSprop and Adam divide the step by a running root-mean-square of g, which makes the step
    size independent of λ: RMSprop's s ≥ (1 − α)g² bounds a step by η/√(1 − α), and it points
    towards 0, so |w| ≤ max(|w₀|, η/√(1 − α)) for every ηλ; Adam's |m̂|/√v̂ is bounded too
    (by (1 − β₁)/(√(1 − β₂)(1 − β₁/√β₂)) for β₁ < √β₂), so its steps do not grow with λ
    either, and simulated runs settle within about η of 0. Neither has a bound on ηλ
    (``bound`` None). With a data loss whose Hessian H is positive semi-definite, the
    eigenvalues of H + λI are ≥ λ, so ηλ ≥ bound also makes SGD, momentum and Nesterov
    unstable along every direction of the full problem.

    Sources: Polyak 1964 (heavy ball); Sutskever et al. 2013 and the PyTorch ``torch.optim.SGD``
    documentation (update forms); Jury, *Theory and Application of the z-Transform Method*
    (1964) for the stability conditions.
    """
    if name not in DEFAULT_HYPER:
        raise ValueError(f"Unknown optimizer '{name}'; allowed: {', '.join(OPTIMIZERS)}")
    eta = validate_learning_rate(learning_rate)
    lam = float(l2)
    if not math.isfinite(lam) or lam < 0.0:
        raise ValueError(f"l2 must be a finite number >= 0, got {l2!r}")
    values = _validate_hyper(name, select_hyper(name, hyper or {}))
    mu = values.get("momentum")
    if name == "sgd":
        bound = 2.0
    elif name == "momentum":
        bound = 2.0 * (1.0 + mu)
    elif name == "nesterov":
        bound = 2.0 * (1.0 + mu) / (1.0 + 2.0 * mu)
    else:  # rmsprop, adam: normalized steps, no bound on ηλ
        bound = None
    return DecayStability(name, eta * lam, bound, mu)


def global_norm(arrays: Sequence[np.ndarray]) -> float:
    """√(Σᵢ ‖aᵢ‖²) over all arrays, scaled by the largest |a| so huge values do not overflow."""
    with np.errstate(invalid="ignore"):
        largest = max((float(np.max(np.abs(a))) for a in arrays if np.size(a)), default=0.0)
    if largest == 0.0 or not math.isfinite(largest):
        return largest
    return largest * math.sqrt(sum(float(np.sum((a / largest) ** 2)) for a in arrays))


def clip_by_global_norm(grads: Sequence[np.ndarray], max_norm: float):
    """Scale all gradients together so that their global L2 norm is at most ``max_norm``.

    total_norm = √(Σᵢ ‖gᵢ‖²) over every array. If ``max_norm > 0`` and
    ``total_norm > max_norm`` every gradient is multiplied by max_norm / (total_norm + 1e-6),
    as ``torch.nn.utils.clip_grad_norm_`` does (Pascanu et al. 2013). ``max_norm <= 0``
    means clipping is off. A non-finite total norm is returned unclipped, so the caller's
    divergence check sees it. Returns ``(clipped, total_norm)``: new float64 arrays (the
    inputs are not modified) and the norm before clipping. Raises ValueError if max_norm
    is NaN.
    """
    max_norm = float(max_norm)
    if math.isnan(max_norm):
        raise ValueError("max_norm must be a number (<= 0 turns clipping off), got nan")
    clipped = [np.array(g, dtype=np.float64, copy=True) for g in grads]
    total_norm = global_norm(clipped)
    if max_norm > 0 and math.isfinite(total_norm) and total_norm > max_norm:
        scale = max_norm / (total_norm + 1e-6)
        for g in clipped:
            g *= scale
    return clipped, total_norm
