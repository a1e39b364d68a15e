"""Early stopping, mixed into ``core.training.Trainer``: the best validation step, patience, and
"Restore best".

**The best validation step** is the step whose history row has the lowest validation data loss
so far; a later row must be strictly lower to replace it, so on a tie the earlier step stays
best (Prechelt 1998, "Early stopping — but when?", and Goodfellow et al. 2016, §7.8,
Algorithm 7.1, which keep the parameters of the lowest validation error seen). Only evaluated
rows are observed (a batch-only row of ``Trainer(evaluation="cadence")`` has no validation
loss). With ``evaluation="every_step"`` every row is evaluated, so "evaluated steps since the
best" is ``step_count − best.step``; with "cadence" it is the number of stored evaluated rows
after the best step.

The trainer keeps the list of improvements (step, loss), oldest first: each row recorded for
step t first drops the improvements at steps ≥ t (a rewind, a reset or a re-measured row
replaces them) and is then compared with the last one. So after a rewind the best is the best
of the steps that remain. A copy of the parameters of the newest improvement is kept (one
vector), so "Restore best" works even when the snapshot ring no longer holds that step.

**Patience** (``TrainingSettings.patience``, 0 = off): :attr:`patience_exhausted` is true once
``patience`` steps have passed since the best validation step (improvements are seen at
evaluated steps: every step, or with ``evaluation="cadence"`` the evaluated ones); the GUI's
Play stops there. Counting steps, not evaluations, keeps a patience of N the same N steps
whatever the frame rate.
Setting a patience above 0 without validation points raises ValueError (:meth:`check_patience`).

Loading a saved state rebuilds the improvements from the stored history rows (thinned rows of
a long history are not seen); the parameters of a best step older than the loaded step are not
in the file, so that best can be shown but not restored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["BestValidation", "EarlyStoppingMixin", "NO_VALIDATION_FOR_PATIENCE", "play_stops_early",
           "stopped_best"]

#: Message of the ValueError for a patience without validation points.
NO_VALIDATION_FOR_PATIENCE = ("Patience (early stopping) needs validation points: set a "
                              "validation share above 0 %")
_VALIDATION_LOSS = 5  # column of core.history.HISTORY_COLUMNS


@dataclass(frozen=True)
class BestValidation:
    """The best validation step: ``step`` (int ≥ 0) and its validation data ``loss``."""

    step: int
    loss: float


class EarlyStoppingMixin:
    """Best validation step, patience and Restore best for :class:`core.training.Trainer`
    (which provides ``history``, ``net``, ``_ring``, ``rewind_to``, ``params_changed``)."""

    def _clear_best(self) -> None:
        self._improvements: list[tuple[int, float]] = []
        self._best_params: np.ndarray | None = None
        self._best_params_step = -1

    def _observe_validation(self, step: int, row) -> None:
        """The history row of ``step`` (values of ``HISTORY_COLUMNS``) was just recorded."""
        improvements = self._improvements
        while improvements and improvements[-1][0] >= step:
            improvements.pop()
        loss = float(row[_VALIDATION_LOSS])
        if math.isfinite(loss) and (not improvements or loss < improvements[-1][1]):
            improvements.append((int(step), loss))
            self._best_params = self.net.get_params().copy()
            self._best_params_step = int(step)

    def _rebuild_best_from_history(self) -> None:
        """The improvements of the stored history rows (after loading a state)."""
        self._clear_best()
        arrays = self.history.arrays()
        improvements = self._improvements
        for step, loss in zip(arrays["step"], arrays["validation_loss"], strict=True):
            if math.isfinite(loss) and (not improvements or loss < improvements[-1][1]):
                improvements.append((int(step), float(loss)))

    @property
    def best_validation(self) -> BestValidation | None:
        """The best validation step so far, or None (no validation points, or no finite
        validation loss yet)."""
        if not self._improvements:
            return None
        return BestValidation(*self._improvements[-1])

    @property
    def evaluations_since_best(self) -> int | None:
        """Evaluated steps since the best validation step (module docstring: with
        ``evaluation="every_step"`` ``step_count − best.step``, else the stored evaluated rows
        after it); None without a best."""
        best = self.best_validation
        if best is None:
            return None
        if self.evaluation == "every_step":
            return self.step_count - best.step
        history = self.history
        return int(np.count_nonzero(history.evaluated_mask() & (history.steps() > best.step)))

    @property
    def steps_since_best(self) -> int | None:
        """Training steps since the best validation step (``step_count − best.step``) in
        either evaluation mode; None without a best. Patience counts these, so it means the
        same number of steps whatever the frame rate of a cadence (GUI) run."""
        best = self.best_validation
        return None if best is None else self.step_count - best.step

    @property
    def patience_exhausted(self) -> bool:
        """True when early stopping is on (``settings.patience`` > 0, validation points) and the
        validation loss has not improved for ``patience`` steps (:attr:`steps_since_best`; with
        ``evaluation="cadence"`` an improvement is seen only at an evaluated step)."""
        patience = self.settings.patience
        since = self.steps_since_best
        return patience > 0 and self.n_validation > 0 and since is not None and since >= patience

    def check_patience(self, patience: int) -> None:
        """ValueError (:data:`NO_VALIDATION_FOR_PATIENCE`) for a patience above 0 without
        validation points; ValueError for a negative patience."""
        if int(patience) < 0:
            raise ValueError(f"Patience must be at least 0, got {patience}")
        if int(patience) > 0 and self.n_validation == 0:
            raise ValueError(NO_VALIDATION_FOR_PATIENCE)

    def best_params(self) -> tuple[np.ndarray, str] | None:
        """(θ of the best validation step as a (P,) float64 copy, source) where source is
        "ring" (the snapshot of that step) or "copy" (the kept copy); None when there is no
        best or neither holds its parameters any more (an older best after loading a file)."""
        best = self.best_validation
        if best is None:
            return None
        if best.step in self._ring and best.step <= self.step_count:
            return self._ring.params(best.step).copy(), "ring"
        if self._best_params_step == best.step and self._best_params is not None:
            return self._best_params.copy(), "copy"
        return None

    def restore_best(self) -> str:
        """Bring back the parameters of the best validation step; returns how: "ring" —
        :meth:`rewind_to` that step (the steps after it are discarded, as a rewind; training on
        continues from there bit for bit); "copy" — the ring has moved on, so the kept copy is
        written into the network at the current step (``params_changed``: the row of the
        current step is measured again; the optimizer state and step count stay). A step in
        progress is abandoned. Raises ValueError when there is no best or its parameters are
        no longer kept."""
        best = self.best_validation
        if best is None:
            raise ValueError("There is no best validation step: add validation points and train")
        found = self.best_params()
        if found is None:
            raise ValueError(f"The parameters of the best validation step {best.step} are no "
                             f"longer kept")
        params, source = found
        if source == "ring":
            self.rewind_to(best.step)
            return source
        if self.phase != "ready":
            self._restore(self.step_count)
            self._clear_step()
        self.net.set_params(params)
        self.params_changed()
        self.divergence = None
        return source


def stopped_best(trainer) -> int | None:
    """The best validation step for which patience has already run out (Play stopped there
    before; pressing Play again trains on), else None."""
    best = trainer.best_validation
    return best.step if trainer.patience_exhausted and best is not None else None


def play_stops_early(trainer, stopped_at: int | None) -> bool:
    """Whether Play stops here for early stopping: patience has run out
    (``Trainer.patience_exhausted``) for a best validation step other than ``stopped_at``
    (:func:`stopped_best` when Play started). The rule of ``gui.controller``'s Play and of a
    lesson's ``play_until`` (``core.lesson_steps.perform``)."""
    return trainer.patience_exhausted and trainer.best_validation.step != stopped_at
