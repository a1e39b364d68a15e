"""Why training stopped: the :class:`Divergence` record and its codes.

The Trainer reports a divergence as data — a short code, the step, the phase, the layer and
the offending value — never as a sentence to be parsed. Readers choose their own words from the
code: the GUI translates per code and fits its advice to the model; :attr:`Divergence.cause`
is the English sentence for the command line, logs and exceptions.

Codes (``phase`` in brackets; ``layer`` is k as in W^k, 1-based; ``value`` is None unless
given):

- ``output_nonfinite`` [forward]: the network's output on the training set is inf or NaN.
- ``loss_nan`` / ``loss_inf`` [forward]: the mean training loss is NaN / ±inf (value: ±inf).
- ``batch_loss_nan`` / ``batch_loss_inf`` [backward]: J = data loss + penalty on the
  mini-batch is NaN / ±inf (value: ±inf).
- ``gradient_nonfinite`` [backward]: a gradient of weight layer ``layer`` is inf or NaN.
- ``param_nan`` / ``param_inf`` [update]: a parameter of layer ``layer`` became NaN / ±inf
  (value: ±inf).
- ``param_limit`` [update]: a parameter of layer ``layer`` passed ±:data:`PARAMETER_LIMIT`
  (value: that parameter, the largest |θ|). With ReLU units such an explosion can kill every
  unit, after which the loss stays finite and flat: only this check sees it.
- ``unknown``: a divergence read from a scene saved before codes existed; only its English
  sentence (``legacy_cause``) is known.

A NaN value is stored as None, so records compare equal and round-trip through JSON.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

#: |θ| above this counts as divergence. Standardized inputs keep healthy weights many orders
#: of magnitude below it; only an exploding run gets there.
PARAMETER_LIMIT = 1e10
#: Largest |value| a single weight or bias may be set to by hand (the diagram's weight edits,
#: ``TrainingController.set_parameter``): a typo such as 1e30 would overflow the next forward
#: pass; no lesson needs more than this. Training itself may go further, up to
#: :data:`PARAMETER_LIMIT`, so scene files (which keep trained weights) are held to that.
MAX_PARAMETER_ABS = 1e6

OUTPUT_NONFINITE = "output_nonfinite"
LOSS_NAN = "loss_nan"
LOSS_INF = "loss_inf"
BATCH_LOSS_NAN = "batch_loss_nan"
BATCH_LOSS_INF = "batch_loss_inf"
GRADIENT_NONFINITE = "gradient_nonfinite"
PARAM_NAN = "param_nan"
PARAM_INF = "param_inf"
PARAM_LIMIT = "param_limit"
UNKNOWN = "unknown"

#: Every code, in the order of a step's checks.
DIVERGENCE_CODES = (OUTPUT_NONFINITE, LOSS_NAN, LOSS_INF, BATCH_LOSS_NAN, BATCH_LOSS_INF,
                    GRADIENT_NONFINITE, PARAM_NAN, PARAM_INF, PARAM_LIMIT, UNKNOWN)
PHASES = ("forward", "backward", "update")

#: English cause per code, for ``Divergence.cause`` ({layer}, {value}, {limit} filled in).
_CAUSES = {
    OUTPUT_NONFINITE: "the training output is not finite",
    LOSS_NAN: "the training loss is nan",
    LOSS_INF: "the training loss is {value}",
    BATCH_LOSS_NAN: "the loss J on the batch is nan",
    BATCH_LOSS_INF: "the loss J on the batch is {value}",
    GRADIENT_NONFINITE: "the gradient of layer {layer} is not finite",
    PARAM_NAN: "a parameter of layer {layer} became NaN",
    PARAM_INF: "a parameter of layer {layer} became infinite",
    PARAM_LIMIT: "a parameter of layer {layer} reached {value}, beyond ±{limit}: the weights "
                 "exploded",
}


def nonfinite_code(value: float, nan_code: str, inf_code: str) -> str:
    """``nan_code`` if ``value`` is NaN, else ``inf_code`` (for a value known not finite)."""
    return nan_code if math.isnan(value) else inf_code


@dataclass(frozen=True)
class Divergence:
    """Where and why training stopped (see the module docstring for the codes).

    step: the 1-based number of the step that failed (``step_count + 1`` at that moment; the
        parameters are those after step − 1 updates).
    phase: "forward", "backward" or "update".
    code: one of :data:`DIVERGENCE_CODES`.
    layer: the weight layer k (1-based, as in W^k) the code is about, or None.
    value: the offending number (a loss of inf, the parameter past the limit), or None.
    legacy_cause: only for ``unknown``: the sentence a scene of an older version stored.

    Raises ValueError for an unknown code or phase, a layer < 1, or a NaN value.
    """

    step: int
    phase: str
    code: str
    layer: int | None = None
    value: float | None = None
    legacy_cause: str = ""

    def __post_init__(self) -> None:
        if self.code not in DIVERGENCE_CODES:
            raise ValueError(f"unknown divergence code {self.code!r}; allowed: "
                             f"{', '.join(DIVERGENCE_CODES)}")
        if self.phase not in PHASES:
            raise ValueError(f"unknown phase {self.phase!r}; allowed: {', '.join(PHASES)}")
        if self.layer is not None and (isinstance(self.layer, bool) or int(self.layer) < 1):
            raise ValueError(f"layer must be None or >= 1, got {self.layer!r}")
        if self.value is not None and math.isnan(float(self.value)):
            raise ValueError("a NaN value is stored as None")

    @property
    def cause(self) -> str:
        """The cause as a short English sentence, e.g. "the training loss is inf"."""
        if self.code == UNKNOWN:
            return self.legacy_cause or "training stopped on a value that is not finite"
        value = "?" if self.value is None else f"{self.value:.3g}"
        return _CAUSES[self.code].format(layer=self.layer, value=value,
                                         limit=f"{PARAMETER_LIMIT:.0e}")

    def message(self) -> str:
        """One English sentence with where, why and what to try (exceptions, logs)."""
        return (f"Training diverged at step {self.step} ({self.phase}): {self.cause}. "
                f"Try a lower learning rate or gradient clipping, or rewind.")

    def to_dict(self) -> dict:
        """Plain data: step, phase, code, layer, value (a float or None; may be ±inf) and the
        English ``cause`` (kept for older readers and for people reading the file)."""
        return {"step": self.step, "phase": self.phase, "code": self.code,
                "layer": self.layer, "value": self.value, "cause": self.cause}

    @classmethod
    def from_dict(cls, d: Mapping) -> Divergence:
        """Inverse of :meth:`to_dict`. A dict without "code" (saved before codes existed,
        {"step", "phase", "cause"}) gives an ``unknown`` record that keeps its sentence.
        Raises KeyError for a missing field, ValueError/TypeError for a bad one."""
        step, phase = int(d["step"]), str(d["phase"])
        if d.get("code") is None:
            return cls(step, phase, UNKNOWN, legacy_cause=str(d["cause"]))
        layer, value = d.get("layer"), d.get("value")
        value = None if value is None or math.isnan(float(value)) else float(value)
        legacy = str(d.get("cause", "")) if d["code"] == UNKNOWN else ""
        return cls(step, phase, str(d["code"]), None if layer is None else int(layer), value,
                   legacy)
