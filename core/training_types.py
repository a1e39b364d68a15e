"""Small records and exceptions of the Trainer (re-exported by ``core.training``)."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from core.divergence import Divergence

__all__ = ["PhaseError", "TrainingDiverged", "EmptyTrainingSet", "SettingRefused",
           "BATCH_NORM_BATCH_OF_ONE", "Divergence", "StepRecord", "UpdateRecord",
           "slice_forward_pass"]

BATCH_NORM_BATCH_OF_ONE = "batch_norm_batch_of_one"  # SettingRefused.code


class SettingRefused(ValueError):
    """A setting the engine could run alone but not with the rest: ``code`` says which rule
    (:data:`BATCH_NORM_BATCH_OF_ONE`: batch size 1 with batch normalization), for the GUI to
    word; the message says it in English."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class PhaseError(RuntimeError):
    """A phase was called out of order; the message names the phase that is due."""


class EmptyTrainingSet(ValueError):
    """Training was asked for while the training set is empty."""


class TrainingDiverged(RuntimeError):
    """Raised by the phase that found a non-finite value, and by every phase after it until
    rewind, reset or a hyperparameter change. ``.divergence`` is the :class:`Divergence`."""

    def __init__(self, divergence: Divergence):
        super().__init__(divergence.message())
        self.divergence = divergence


@dataclass(slots=True)
class StepRecord:
    """What one completed step measured.

    step: ``step_count`` after the step; epoch: ``epoch_count`` after it.
    train_loss, test_loss, train_accuracy, test_accuracy: the history row of ``step`` — data
        losses (no penalty) and accuracies on the full sets at the parameters *after* the
        update (NaN when undefined).
    batch_loss: data loss of the mini-batch at the parameters *before* the update (training
        mode, so with dropout if any); penalty: the weight penalty of those parameters;
        J = batch_loss + penalty is what the gradients of this update were gradients of.
    grad_norms: (L,) gradient norm per weight layer, before clipping.
    epoch_ended: this step used the last batch of its epoch.
    validation_loss, validation_accuracy: the validation set's values of the history row of
        ``step`` (NaN without validation points).
    evaluated: the row of ``step`` was measured on the full sets; False for a batch-only row
        (``Trainer(evaluation="cadence")``), whose full-set values above are NaN.
    """

    step: int
    epoch: int
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float
    batch_loss: float
    penalty: float
    grad_norms: np.ndarray
    epoch_ended: bool
    validation_loss: float = math.nan
    validation_accuracy: float = math.nan
    evaluated: bool = True

    @property
    def grad_norm(self) -> float:
        """Global gradient norm √(Σ_l ‖∇_l‖²) before clipping."""
        return math.sqrt(float(np.dot(self.grad_norms, self.grad_norms)))


class UpdateRecord:
    """The parameters around the last update, for the inspector's W_old → W_new.

    ``old_params`` and ``new_params`` are lists [W₀, b₀, W₁, b₁, …] (``net.parameters()``
    order; ``Trainer.param_position`` maps (layer, "W"/"b") to the index). ``old_params`` are
    read-only views of the snapshot taken before the update; ``new_params`` are the network's
    live arrays, so they are only "new" until the next update.
    """

    __slots__ = ("_old_vector", "new_params", "_old_params")

    def __init__(self, old_vector: np.ndarray, new_params: list[np.ndarray]):
        self._old_vector = old_vector
        self.new_params = new_params
        self._old_params = None

    @property
    def old_params(self) -> list[np.ndarray]:
        if self._old_params is None:
            arrays, start = [], 0
            for p in self.new_params:
                arrays.append(self._old_vector[start:start + p.size].reshape(p.shape))
                start += p.size
            self._old_params = arrays
        return self._old_params


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def slice_forward_pass(fp, n: int):
    """A copy of a ``ForwardPass`` restricted to its first ``n`` samples (views, no copies).

    Every array field and every array inside a list field is sliced along the sample axis;
    ``output`` stays the same object as ``activations[-1]``.
    """
    cls = type(fp)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    sliced = object.__new__(cls)  # every field is set below; ForwardPass has no __post_init__
    for name in names:
        value = getattr(fp, name)
        if isinstance(value, np.ndarray):
            value = value[:n]
        elif isinstance(value, list):
            value = [v[:n] if isinstance(v, np.ndarray) else v for v in value]
        object.__setattr__(sliced, name, value)
    if "activations" in names and "output" in names:
        object.__setattr__(sliced, "output", sliced.activations[-1])
    return sliced
