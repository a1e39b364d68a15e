"""Per-step training curves with bounded memory: :class:`History` and :class:`GradNormHistory`.

Both hold one entry per training step. Entry ``i`` has ``step == i``: the number of updates
applied before the values were measured, so the first entry is the untrained network.
``len(history)`` is therefore always the number of steps taken, however many points are
actually stored.

Memory is bounded by ``capacity`` stored points. When the buffer is full, its older half is
thinned by a factor of two with min/max decimation: every bucket of four consecutive stored
points becomes two points that keep, column by column, the bucket's minimum and maximum in the
order they occurred (placed at the bucket's first and last step). A curve drawn from the
stored points keeps its envelope — spikes survive — which is how pyqtgraph's "peak"
downsampling draws long curves. Repeated thinning makes old parts of the curve progressively
coarser while the most recent half always stays at full resolution.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

__all__ = ["DecimatedSeries", "History", "GradNormHistory", "HISTORY_COLUMNS"]

HISTORY_COLUMNS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
_BUCKET = 4  # stored points per bucket; each bucket becomes 2 points when thinned


class DecimatedSeries:
    """Append-only series of rows of ``width`` floats, one per step, at most ``capacity``
    stored points.

    ``capacity`` must be at least 8. Values are float64; NaN is allowed (e.g. accuracy for
    regression) and survives decimation as NaN only if a whole bucket is NaN.
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
        """Number of entries appended (= training steps), not the number stored."""
        return self._length

    @property
    def stored_size(self) -> int:
        """Number of points actually held in memory (≤ capacity)."""
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
        """(m,) int64 copy of the stored steps, increasing."""
        return self._steps[: self._stored].copy()

    def values(self) -> np.ndarray:
        """(m, width) float64 copy of the stored values."""
        return self._values[: self._stored].copy()

    def last(self) -> np.ndarray | None:
        """(width,) copy of the newest entry, or None when empty."""
        return self._values[self._stored - 1].copy() if self._stored else None

    def _decimate(self) -> None:
        """Thin the older half of the stored points by two (min/max per bucket of four)."""
        old = (self._stored // 2) // _BUCKET * _BUCKET
        buckets = old // _BUCKET
        values = self._values[:old].reshape(buckets, _BUCKET, self.width)
        steps = self._steps[:old].reshape(buckets, _BUCKET)
        not_nan = ~np.isnan(values)
        low_index = np.argmin(np.where(not_nan, values, np.inf), axis=1)     # (buckets, width)
        high_index = np.argmax(np.where(not_nan, values, -np.inf), axis=1)
        low = np.take_along_axis(values, low_index[:, None, :], axis=1)[:, 0, :]
        high = np.take_along_axis(values, high_index[:, None, :], axis=1)[:, 0, :]
        low_first = low_index <= high_index
        thinned = np.empty((buckets, 2, self.width))
        thinned[:, 0, :] = np.where(low_first, low, high)
        thinned[:, 1, :] = np.where(low_first, high, low)
        new_old = 2 * buckets
        rest = self._stored - old
        self._values[:new_old] = thinned.reshape(new_old, self.width)
        self._steps[:new_old] = np.column_stack([steps[:, 0], steps[:, -1]]).reshape(-1)
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
    """Loss and accuracy per step: columns :data:`HISTORY_COLUMNS`.

    Entry t holds the data losses (mean over the full training set / test set, no penalty)
    and accuracies measured at the parameters *before* update t. Accuracy is NaN for
    regression; test values are NaN when there is no test set.
    """

    def __init__(self, capacity: int = 20_000):
        super().__init__(len(HISTORY_COLUMNS), capacity)

    def arrays(self) -> dict[str, np.ndarray]:
        """Copies of the stored points: ``step`` (m,) int64 and one (m,) float64 array per
        column of :data:`HISTORY_COLUMNS`. m ≤ capacity; ``len(self)`` may be larger."""
        values = self._values[: self._stored]
        result = {"step": self.steps()}
        for column, name in enumerate(HISTORY_COLUMNS):
            result[name] = values[:, column].copy()
        return result


class GradNormHistory(DecimatedSeries):
    """The Euclidean norm of each layer's gradient (‖∂J/∂W_l‖ and ‖∂J/∂b_l‖ together) per
    step, before clipping; bounded like :class:`History`."""

    def __init__(self, n_layers: int, capacity: int = 20_000):
        super().__init__(n_layers, capacity)

    def arrays(self) -> dict[str, np.ndarray]:
        """``step`` (m,) int64 and ``norms`` (m, L) float64, column l = weight layer l."""
        return {"step": self.steps(), "norms": self.values()}

