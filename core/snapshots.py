"""Building blocks of the Trainer's reproducibility: the mini-batch sampler and the snapshot ring.

:class:`BatchSampler` draws shuffled mini-batches from ``np.random.default_rng(seed)``: each epoch
is one permutation of the training indices cut into consecutive batches (the last one may be
smaller, like PyTorch's ``DataLoader(shuffle=True, drop_last=False)``). Its whole state is the
generator state *before* the current epoch's permutation was drawn plus the position inside
that permutation, so a snapshot costs no copy per step: the permutation is redrawn on restore.

:class:`SnapshotRing` keeps, for the last ``capacity`` steps k, the flat parameter vector θ_k
(in ``MLP.get_params()`` order) in one preallocated (capacity, P) float64 array, plus a small
tuple of everything else needed to continue bit for bit from step k.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["BatchSampler", "SnapshotRing"]


class BatchSampler:
    """Shuffled mini-batches of ``batch_size`` indices out of ``n``.

    ``batch_size`` None, 0 or ≥ n means full batch: every batch is all of 0..n−1 in order (no
    shuffling; the generator is not touched) and every step completes an epoch.
    ``min_batch``: a mini-batch smaller than this at the end of an epoch is left out of that
    epoch (batch normalization needs 2 samples; the default 1 never leaves anything out).
    """

    __slots__ = ("n", "batch_size", "full", "rng", "order", "position", "epoch_state",
                 "min_batch")

    def __init__(self, n: int, batch_size: int | None, seed: int, min_batch: int = 1):
        self.rng = np.random.default_rng(seed)
        self.min_batch = max(1, int(min_batch))
        self.configure(n, batch_size)

    def configure(self, n: int, batch_size: int | None) -> None:
        """Change n or the batch size; the next batch starts a new epoch (the generator goes on)."""
        if batch_size is not None and int(batch_size) < 0:
            raise ValueError(f"Batch size must be 0 (full batch) or more, got {batch_size}")
        self.n = int(n)
        self.full = batch_size is None or int(batch_size) == 0 or int(batch_size) >= self.n
        self.batch_size = self.n if self.full else int(batch_size)
        self.order: np.ndarray | None = None
        self.position = 0
        self.epoch_state: dict | None = None

    @property
    def steps_per_epoch(self) -> int:
        """⌈n / batch_size⌉ (1 for full batch, 0 when n is 0), less a last batch smaller than
        ``min_batch``."""
        if not self.n:
            return 0
        steps = -(-self.n // self.batch_size)
        rest = self.n % self.batch_size
        return steps - 1 if not self.full and 0 < rest < self.min_batch else steps

    def next(self) -> tuple[np.ndarray | None, bool]:
        """The next batch's indices (None for full batch) and whether it ends the epoch."""
        if self.full:
            return None, True
        if self.order is None or self.n - self.position < self.min_batch:
            self.epoch_state = self.rng.bit_generator.state
            self.order = self.rng.permutation(self.n)
            self.position = 0
        start = self.position
        self.position = end = min(start + self.batch_size, self.n)
        return self.order[start:end], self.n - end < self.min_batch

    def state(self) -> tuple | None:
        """An immutable token of the sampler's position, for :meth:`restore`."""
        if self.full:
            return None
        if self.order is None:
            return ("fresh", self.rng.bit_generator.state)
        return ("epoch", self.epoch_state, self.position)

    def restore(self, state: tuple | None) -> None:
        """Go back to a :meth:`state` token (the batch size and n stay the current ones)."""
        if state is None:
            self.order, self.position = None, 0
        elif state[0] == "fresh":
            self.rng.bit_generator.state = state[1]
            self.order, self.position = None, 0
        else:
            self.rng.bit_generator.state = state[1]
            self.epoch_state = state[1]
            self.order = self.rng.permutation(self.n)
            self.position = min(int(state[2]), self.n)

    # -- plain data ------------------------------------------------------------------------
    @staticmethod
    def state_to_plain(state: tuple | None) -> dict | None:
        """A :meth:`state` token as plain data (dicts, str, int) for scene files."""
        if state is None:
            return None
        if state[0] == "fresh":
            return {"kind": "fresh", "rng": state[1]}
        return {"kind": "epoch", "rng": state[1], "position": int(state[2])}

    def state_from_plain(self, plain: Any) -> tuple | None:
        """Inverse of :meth:`state_to_plain`, checked: ValueError if malformed."""
        if plain is None:
            return None
        try:
            kind, rng_state = plain["kind"], plain["rng"]
            np.random.default_rng().bit_generator.state = rng_state  # validates the dict
            if kind == "fresh":
                return ("fresh", rng_state)
            position = int(plain["position"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"malformed batch sampler state: {error!r}") from None
        if kind != "epoch" or not 0 <= position <= self.n:
            raise ValueError(f"malformed batch sampler state: kind {kind!r}, position {position}")
        return ("epoch", rng_state, position)


class SnapshotRing:
    """θ_k and an ``extra`` tuple for the steps k in ``oldest..newest`` (at most ``capacity``).

    Saving step k drops every snapshot after k (they belong to a future that was rewound) and,
    once full, the oldest one.
    """

    def __init__(self, capacity: int, n_params: int):
        capacity = int(capacity)
        if capacity < 2:
            raise ValueError(f"snapshot capacity must be at least 2, got {capacity}")
        self.capacity = capacity
        self._params = np.empty((capacity, int(n_params)), dtype=np.float64)
        self._extra: list[Any] = [None] * capacity
        self.oldest, self.newest = 0, -1

    def __contains__(self, step: int) -> bool:
        return self.oldest <= step <= self.newest

    def clear(self) -> None:
        self.oldest, self.newest = 0, -1

    def save(self, step: int, parameters: Sequence[np.ndarray], extra: Any) -> np.ndarray:
        """Store the parameter arrays (concatenated, copied) and ``extra`` as step ``step``.

        Returns the stored row (a view into the ring; read it before ``capacity`` more saves).
        """
        slot = step % self.capacity
        row = self._params[slot]
        np.concatenate([p.reshape(-1) for p in parameters], out=row)
        self._extra[slot] = extra
        if self.newest < self.oldest or step < self.oldest or step > self.newest + 1:
            self.oldest = step
        self.newest = step
        self.oldest = max(self.oldest, step - self.capacity + 1)
        return row

    def tail(self, capacity: int, memo: dict | None = None) -> SnapshotRing:
        """A new ring of ``capacity`` holding a copy of the newest snapshot only (its
        ``extra`` deep-copied with ``memo``), e.g. for a trainer copy that looks a few steps
        ahead."""
        ring = SnapshotRing(capacity, self._params.shape[1])
        if self.newest >= self.oldest:
            ring.save(self.newest, [self._params[self.newest % self.capacity]],
                      copy.deepcopy(self.extra(self.newest), memo))
        return ring

    def params(self, step: int) -> np.ndarray:
        """The stored θ_step (a read-only view). KeyError if not stored."""
        self._check(step)
        row = self._params[step % self.capacity].view()
        row.flags.writeable = False
        return row

    def extra(self, step: int) -> Any:
        self._check(step)
        return self._extra[step % self.capacity]

    def truncate(self, step: int) -> None:
        """Forget every snapshot after ``step``."""
        self.newest = min(self.newest, step)
        if self.newest < self.oldest:
            self.clear()

    def steps(self) -> np.ndarray:
        """(m,) int64: the stored steps, oldest first."""
        return np.arange(self.oldest, self.newest + 1, dtype=np.int64)

    def matrix(self) -> np.ndarray:
        """(m, P) copy of the stored parameter vectors, oldest first."""
        return self._params[self.steps() % self.capacity]

    def _check(self, step: int) -> None:
        if step not in self:
            raise KeyError(f"no snapshot of step {step}; stored: {self.oldest}..{self.newest}")
