"""Per-step training curves with bounded memory: :class:`History` and :class:`GradNormHistory`.

**Rows carry their own step.** A row is a whole measurement: every value in it was measured at
the same step (except ``batch_loss``, documented on :class:`History`), and ``steps()[i]`` is
that step. Step t means "the parameters after t updates" (step 0 = the initial parameters; see
``core.training``). Every consumer (loss curve, status bar, CSV export, lessons) reads the step
of a row from the row, never from its position.

``len(series)`` is the number of steps covered (the last step + 1), however many rows are
actually stored. :class:`History` covers steps 0..``step_count`` (one row more than updates:
the row of the current parameters); :class:`GradNormHistory` covers 0..``step_count`` − 1 (the
gradient at step t is the one update t + 1 applied).

Memory is bounded by ``capacity`` stored rows. When the buffer is full, its older half is
thinned by a factor of two **by keeping whole rows**: of every bucket of four consecutive stored
rows, the two whose *rank value* is smallest and largest are kept, in step order (the first and
last row of the bucket if those coincide, e.g. a constant or NaN bucket). The rank value is the
training loss for :class:`History` (so its spikes survive, which is how pyqtgraph's "peak"
downsampling keeps a long curve's envelope; with batch-only rows, evaluated rows are kept first
and batch rows are ranked by their batch loss: :class:`History`) and the global gradient norm
for :class:`GradNormHistory`. No value is ever moved to another step. Repeated thinning makes
old parts of the curve progressively coarser while the most recent half always stays at full
resolution; :meth:`DecimatedSeries.left_out_before` says how many steps were left out before
each stored row.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

__all__ = ["DecimatedSeries", "History", "GradNormHistory", "HISTORY_COLUMNS",
           "LEGACY_HISTORY_WIDTH", "LEGACY_HISTORY_WIDTHS"]

#: Columns of :class:`History`: data losses (mean over the full training / test set, no
#: penalty), accuracies, the weight penalty l1·Σ|W| + (l2/2)·Σ‖W‖² of the same parameters,
#: and the validation set's data loss and accuracy (NaN without validation points).
#: ``batch_loss`` is the data loss of the mini-batch of the update that reached the row's step
#: (see :class:`History`) and ``evaluated`` is 1.0 for a row measured on the full sets, 0.0 for a
#: batch-only row (``Trainer(evaluation="cadence")``), whose full-set columns are NaN.
HISTORY_COLUMNS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy", "penalty",
                   "validation_loss", "validation_accuracy", "batch_loss", "evaluated")
#: Columns of histories saved before the penalty was recorded (their penalty loads as NaN).
LEGACY_HISTORY_WIDTH = 4
#: Row widths of older histories: without the penalty (4), without validation (5), without the
#: batch loss and the evaluated flag (7); the missing columns load as NaN, except ``evaluated``,
#: which loads as 1.0 (every row of those files was a full evaluation).
LEGACY_HISTORY_WIDTHS = (4, 5, 7)
_EVALUATED = HISTORY_COLUMNS.index("evaluated")
_BATCH_LOSS = HISTORY_COLUMNS.index("batch_loss")
_BUCKET = 4  # stored rows per bucket; each bucket keeps 2 whole rows when thinned


def _low_high(rank: np.ndarray) -> np.ndarray:
    """(k, 2) increasing positions of the smallest and largest non-NaN value of each row of
    ``rank`` (k, m); the first and last position where they coincide (constant or all NaN)."""
    valid = ~np.isnan(rank)
    low = np.argmin(np.where(valid, rank, np.inf), axis=1)
    high = np.argmax(np.where(valid, rank, -np.inf), axis=1)
    same = low == high
    first = np.where(same, 0, np.minimum(low, high))
    second = np.where(same, rank.shape[1] - 1, np.maximum(low, high))
    return np.column_stack([first, second])


def _padded(row, width: int) -> list:
    """A history row of a legacy width filled up to ``width``: NaN for the missing columns,
    1.0 for ``evaluated`` (older files and callers recorded full evaluations only)."""
    return [*row, *[np.nan] * (width - len(row) - 1), 1.0]


class DecimatedSeries:
    """Append-only series of rows of ``width`` floats, one per step, at most ``capacity``
    stored rows, thinned by whole rows (module docstring).

    ``capacity`` must be at least 8 (ValueError otherwise); it is the threshold at which
    thinning starts, so tests can make it small. Values are float64; NaN is allowed (e.g.
    accuracy for regression). Subclasses choose the rank value of a row (:meth:`_rank`).
    """

    def __init__(self, width: int, capacity: int = 20_000):
        capacity = int(capacity)
        if capacity < 2 * _BUCKET:
            raise ValueError(f"history capacity must be at least {2 * _BUCKET}, got {capacity}")
        self.width = int(width)
        self.capacity = capacity
        self._steps = np.zeros(capacity, dtype=np.int64)
        self._values = np.zeros((capacity, self.width), dtype=np.float64)
        self._stored = 0
        self._length = 0

    def __len__(self) -> int:
        """Number of steps covered (the last step + 1), not the number of rows stored."""
        return self._length

    @property
    def last_step(self) -> int:
        """Step of the newest row (always stored), −1 when empty."""
        return self._length - 1

    @property
    def stored_size(self) -> int:
        """Number of rows actually held in memory (≤ capacity)."""
        return self._stored

    def append(self, values) -> None:
        """Add the entry for step ``len(self)``; ``values`` is a sequence of ``width`` floats."""
        if self._stored == self.capacity:
            self._decimate()
        i = self._stored
        self._steps[i] = self._length
        self._values[i] = values
        self._stored = i + 1
        self._length += 1

    def truncate(self, length: int) -> None:
        """Keep only the entries of steps < ``length`` (used when training is rewound)."""
        length = int(length)
        if not 0 <= length <= self._length:
            raise ValueError(f"cannot truncate a history of {self._length} entries to {length}")
        self._stored = int(np.searchsorted(self._steps[: self._stored], length, side="left"))
        self._length = length

    def clear(self) -> None:
        """Forget every entry."""
        self._stored = 0
        self._length = 0

    def steps(self) -> np.ndarray:
        """(m,) int64 copy of the stored steps, increasing: the step of each stored row."""
        return self._steps[: self._stored].copy()

    def left_out_before(self) -> np.ndarray:
        """(m,) int64: for each stored row, how many steps right before it have no stored row
        (left out by thinning); 0 everywhere while nothing was thinned."""
        steps = self._steps[: self._stored]
        return np.diff(steps, prepend=-1) - 1

    def values(self) -> np.ndarray:
        """(m, width) float64 copy of the stored values."""
        return self._values[: self._stored].copy()

    def last(self) -> np.ndarray | None:
        """(width,) copy of the newest entry, or None when empty."""
        return self._values[self._stored - 1].copy() if self._stored else None

    def _rank(self, values: np.ndarray) -> np.ndarray:
        """Rank value of each row of ``values`` (k, width) → (k,): thinning keeps the rows with
        the smallest and largest rank of each bucket. Default: the first column."""
        return values[:, 0]

    def _keep(self, buckets: np.ndarray) -> np.ndarray:
        """(k, 2) increasing positions (0..3) of the two rows to keep of each bucket of
        ``buckets`` (k, 4, width): the rows of smallest and largest rank, or the first and last
        row where those coincide (a constant or NaN bucket)."""
        k = len(buckets)
        rank = self._rank(buckets.reshape(k * _BUCKET, self.width)).reshape(k, _BUCKET)
        return _low_high(rank)

    def _decimate(self) -> None:
        """Thin the older half of the stored rows by two, keeping whole rows: per bucket of
        four, the rows of smallest and largest rank (first and last row if they coincide)."""
        old = (self._stored // 2) // _BUCKET * _BUCKET
        buckets = old // _BUCKET
        chosen = self._keep(self._values[:old].reshape(buckets, _BUCKET, self.width))
        keep = (np.arange(buckets)[:, None] * _BUCKET + chosen).reshape(-1)
        new_old = 2 * buckets
        rest = self._stored - old
        self._values[:new_old] = self._values[keep]
        self._steps[:new_old] = self._steps[keep]
        self._values[new_old:new_old + rest] = self._values[old:self._stored]
        self._steps[new_old:new_old + rest] = self._steps[old:self._stored]
        self._stored = new_old + rest

    # -- plain data ------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain data: length, capacity and the stored points (NaN stays float NaN)."""
        return {"length": self._length, "capacity": self.capacity,
                "steps": self._steps[: self._stored].tolist(),
                "values": self._values[: self._stored].tolist()}

    def load_dict(self, d: Mapping) -> None:
        """Restore :meth:`to_dict` output (the capacity stays this object's). Raises
        ValueError if the data is malformed: wrong widths, steps not increasing or ≥ length."""
        try:
            length = int(d["length"])
            steps = np.asarray(d["steps"], dtype=np.int64).reshape(-1)
            values = np.asarray(d["values"], dtype=np.float64)
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"malformed history: {error!r}") from None
        if len(steps) == 0:
            values = values.reshape(0, self.width)
        if values.shape != (len(steps), self.width):
            raise ValueError(f"history values must have shape ({len(steps)}, {self.width}), "
                             f"got {values.shape}")
        if len(steps) and (np.any(np.diff(steps) <= 0) or steps[0] < 0 or steps[-1] >= length):
            raise ValueError("history steps must increase and lie in [0, length)")
        if length < 0 or (length > 0 and len(steps) == 0):
            raise ValueError(f"history of length {length} has no stored points")
        if len(steps) and steps[-1] != length - 1:
            raise ValueError(f"the newest step {length - 1} of the history has no row")
        capacity = self.capacity
        self._steps, self._values = steps.copy(), values.copy()  # may exceed the capacity
        self._stored, self._length = len(steps), length
        while self._stored > capacity:  # saved by a history with a larger capacity
            self._decimate()
        steps_kept = self._steps[: self._stored].copy()
        values_kept = self._values[: self._stored].copy()
        m = self._stored
        self._steps = np.zeros(capacity, dtype=np.int64)
        self._values = np.zeros((capacity, self.width), dtype=np.float64)
        self._steps[:m], self._values[:m] = steps_kept, values_kept


class History(DecimatedSeries):
    """Loss, accuracy and penalty per step: columns :data:`HISTORY_COLUMNS`.

    The row of step t was measured at the parameters after t updates (step 0 = the initial
    parameters): the data losses (mean over the full training / test set, no penalty), the
    accuracies (``core.metrics.predicted_classes``) and the weight penalty of those
    parameters with the L1/L2 rates in force, and the validation loss and accuracy. Accuracy
    is NaN for regression; test (validation) values are NaN without test (validation) points;
    a penalty or validation value loaded from an older file is NaN.

    **Evaluated and batch-only rows.** ``evaluated`` = 1.0 marks a row measured on the full
    sets (every row of a ``Trainer(evaluation="every_step")``); 0.0 marks a batch-only row
    (``evaluation="cadence"`` between evaluations): its train/test/validation losses and
    accuracies are NaN, its penalty is measured. ``batch_loss`` is on every row of a step
    t ≥ 1 reached by an update: the data loss of the mini-batch that update t was computed on,
    measured at the parameters *before* it (step t − 1, training mode, so with dropout) —
    ``StepRecord.batch_loss`` of step t; NaN for step 0 and for rows loaded from older files.

    **Thinning** (``_keep``) keeps two whole rows of each bucket of four, evaluated rows first:
    with two or more evaluated rows, the evaluated rows of smallest and largest training loss
    (the first and last evaluated row if those coincide); with one, that row and the batch
    row of largest batch loss (the spike); with none, the rows of smallest and largest batch
    loss. So an evaluated row is only thinned away in favour of other evaluated rows, and a
    history of evaluated rows only is thinned exactly as before (by the training loss).
    """

    def __init__(self, capacity: int = 20_000):
        super().__init__(len(HISTORY_COLUMNS), capacity)

    def append(self, values) -> None:
        """Add the row of step ``len(self)``: ``width`` floats in :data:`HISTORY_COLUMNS`
        order, or a row of a legacy width (:data:`LEGACY_HISTORY_WIDTHS`), padded as
        :meth:`load_dict` pads it (an evaluated row without a batch loss)."""
        if len(values) in LEGACY_HISTORY_WIDTHS:
            values = _padded(values, self.width)
        super().append(values)

    def replace_last(self, values) -> None:
        """Measure the newest step again (e.g. after the weights were edited): its row
        becomes ``values``. ValueError when the history is empty."""
        if not self._length:
            raise ValueError("an empty history has no row to replace")
        self._values[self._stored - 1] = values

    def load_dict(self, d: Mapping) -> None:
        """As :meth:`DecimatedSeries.load_dict`; rows saved without the penalty or the
        validation columns (:data:`LEGACY_HISTORY_WIDTHS`) get NaN there."""
        values = d.get("values") if isinstance(d, Mapping) else None
        if isinstance(values, list) and values and isinstance(values[0], list) \
                and len(values[0]) in LEGACY_HISTORY_WIDTHS:
            d = {**d, "values": [_padded(row, self.width) for row in values]}
        super().load_dict(d)

    def _keep(self, buckets: np.ndarray) -> np.ndarray:
        """Evaluated rows first (class docstring)."""
        evaluated = buckets[:, :, _EVALUATED] == 1.0
        chosen = _low_high(np.where(evaluated, buckets[:, :, 0], np.nan))  # train loss
        n_evaluated = evaluated.sum(axis=1)
        batch = buckets[:, :, _BATCH_LOSS]
        none = n_evaluated == 0
        chosen[none] = _low_high(batch[none])
        for b in np.flatnonzero(n_evaluated >= 2):  # ends = first and last *evaluated* row
            positions = np.flatnonzero(evaluated[b])
            low, high = sorted(chosen[b])
            if not (evaluated[b, low] and evaluated[b, high]) or low == high:
                chosen[b] = positions[0], positions[-1]
        for b in np.flatnonzero(n_evaluated == 1):
            kept = int(np.flatnonzero(evaluated[b])[0])
            others = np.where(evaluated[b], -np.inf, np.nan_to_num(batch[b], nan=-np.inf))
            spike = int(np.argmax(others)) if np.isfinite(others.max()) else (
                _BUCKET - 1 if kept == 0 else 0)
            chosen[b] = sorted((kept, spike))
        return chosen

    def evaluated_mask(self) -> np.ndarray:
        """(m,) bool: which stored rows are full evaluations."""
        return self._values[: self._stored, _EVALUATED] == 1.0

    def arrays(self) -> dict[str, np.ndarray]:
        """Copies of the stored rows, each (m,), m ≤ capacity (``len(self)`` may be larger):

        * ``step`` int64 — the step at which the row was measured;
        * one float64 array per column of :data:`HISTORY_COLUMNS`;
        * ``train_objective`` float64 — J = train_loss + penalty, the quantity the optimizer
          minimizes, on the full training set;
        * ``steps_left_out_before`` int64 — :meth:`left_out_before` (thinned steps).
        """
        values = self._values[: self._stored]
        result = {"step": self.steps()}
        for column, name in enumerate(HISTORY_COLUMNS):
            result[name] = values[:, column].copy()
        result["train_objective"] = result["train_loss"] + result["penalty"]
        result["steps_left_out_before"] = self.left_out_before()
        return result

    def last_row(self) -> dict[str, float] | None:
        """The newest row as {"step": int, column: float, "train_objective": float}, or None
        when empty. Its step is ``len(self) - 1`` (the trainer's ``step_count``)."""
        if not self._length:
            return None
        row = {"step": int(self._steps[self._stored - 1])}
        row.update(zip(HISTORY_COLUMNS, map(float, self._values[self._stored - 1]),
                       strict=True))
        row["train_objective"] = row["train_loss"] + row["penalty"]
        return row

    def last_evaluated_row(self) -> dict[str, float] | None:
        """The newest stored evaluated row (``evaluated`` = 1.0), in the form of
        :meth:`last_row`, with its own ``step`` (older than ``len(self) - 1`` when the newest
        rows are batch-only); None when no stored row is evaluated. Every reader of full-set
        losses and accuracies (status bar, summaries, lessons) reads this row and shows its
        step."""
        rows = np.flatnonzero(self.evaluated_mask())
        if not rows.size:
            return None
        i = int(rows[-1])
        row = {"step": int(self._steps[i])}
        row.update(zip(HISTORY_COLUMNS, map(float, self._values[i]), strict=True))
        row["train_objective"] = row["train_loss"] + row["penalty"]
        return row


class GradNormHistory(DecimatedSeries):
    """The Euclidean norm of each layer's gradient (‖∂J/∂W_l‖ and ‖∂J/∂b_l‖ together) per
    step, before clipping: the row of step t is the gradient at the parameters after t
    updates, which update t + 1 applied. Bounded like :class:`History`; thinning keeps the
    rows of smallest and largest global norm."""

    def __init__(self, n_layers: int, capacity: int = 20_000):
        super().__init__(n_layers, capacity)

    def _rank(self, values: np.ndarray) -> np.ndarray:
        return np.einsum("ij,ij->i", values, values)  # squared global norm

    def arrays(self) -> dict[str, np.ndarray]:
        """``step`` (m,) int64 and ``norms`` (m, L) float64, column l = weight layer l."""
        return {"step": self.steps(), "norms": self.values()}

