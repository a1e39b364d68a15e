"""The Trainer's state over time, mixed into ``core.training.Trainer``: snapshots after every
update, ``rewind`` / ``rewind_to`` / ``reset``, ``trajectory``, and saving and loading as plain
data (for scene files): ``state_dict`` / ``load_state_dict``.

A snapshot of step k (θ_k, the optimizer state, the sampler position, the epoch count and, with
dropout, the network's generator) exists for the current step whenever no step is in progress,
and for up to ``snapshot_capacity`` steps before it.

``state_dict`` is the state of the *start* of the current step (a step in progress is not
saved), and holds everything that decides the continuation: θ, the batch-norm running statistics
(with batch norm), the optimizer (name, η,
hyperparameters, t and buffers; loading sets the trainer's ``settings`` from them), the
sampler position and generator state, the dropout generator, step and epoch counters, the
initial parameters (for reset), the histories and a divergence. The data itself is not
included: load into a Trainer built on the same data (the number of training points is
checked). Snapshots are not saved, so a loaded trainer cannot rewind past its step.

Values are dicts, lists, str, int, float, bool and None; history values may be NaN (an
accuracy in regression), which a strict-JSON writer must encode.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping

import numpy as np

from core.history import GradNormHistory, History
from core.optimizers import SETTING_OF_KEYWORD, make_optimizer
from core.snapshots import BatchSampler
from core.training_types import Divergence

STATE_FORMAT = "backprop-playground/trainer"
STATE_VERSION = 1


def _plain_optimizer_state(state: Mapping, optimizer) -> dict:
    return {"name": state["name"], "lr": optimizer.lr, "hyper": dict(optimizer.hyper),
            "t": int(state["t"]),
            "state": {key: [np.asarray(b).tolist() for b in buffers]
                      for key, buffers in state["state"].items()}}


def _vector(value, size: int, what: str) -> np.ndarray:
    try:
        vector = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a list of {size} numbers") from None
    if vector.shape != (size,) or not np.all(np.isfinite(vector)):
        raise ValueError(f"{what} must be a list of {size} finite numbers, got shape "
                         f"{vector.shape}")
    return vector


def _buffer_list(value, sizes: list[int]) -> list:
    """The list of batch-norm buffers of a state, checked for its length."""
    if not isinstance(value, list) or len(value) != len(sizes):
        raise ValueError(f"bn_buffers must be a list of {len(sizes)} lists of numbers")
    return value


def _rng_state(value, what: str) -> dict:
    try:
        np.random.default_rng().bit_generator.state = value
    except (TypeError, ValueError, KeyError) as error:
        raise ValueError(f"{what} is not a valid generator state: {error!r}") from None
    return value


class TrainerStateMixin:
    """Snapshots, rewind, reset and ``state_dict`` / ``load_state_dict`` for
    :class:`core.training.Trainer` (which provides ``_ring``, ``_sampler``, ``_clear_step``)."""

    @property
    def can_rewind(self) -> bool:
        return self.phase != "ready" or self._ring.oldest < self.step_count

    @property
    def oldest_step(self) -> int:
        """The earliest step :meth:`rewind_to` can reach."""
        return self._ring.oldest

    def snapshot_params(self, step: int) -> np.ndarray:
        """θ of step ``step`` as the snapshots hold it: a read-only (P,) float64 view in
        ``get_params()`` order, for ``oldest_step`` ≤ step ≤ ``step_count`` (what a timeline
        can show without rewinding). ValueError outside that range."""
        step = int(step)
        if step not in self._ring or step > self.step_count:
            raise ValueError(f"Snapshots hold steps {self._ring.oldest}..{self.step_count}, "
                             f"got {step}")
        return self._ring.params(step)

    def snapshot_epoch(self, step: int) -> int:
        """The completed-epoch count (``epoch_count``) at step ``step`` as the snapshots hold
        it, for ``oldest_step`` ≤ step ≤ ``step_count`` (what a timeline shows for a step of
        the past). ValueError outside that range."""
        step = int(step)
        if step not in self._ring or step > self.step_count:
            raise ValueError(f"Snapshots hold steps {self._ring.oldest}..{self.step_count}, "
                             f"got {step}")
        return int(self._ring.extra(step)[2])

    def _save_snapshot(self, step: int | None = None, epoch: int | None = None) -> np.ndarray:
        net_rng = self.net.rng.bit_generator.state if self._uses_dropout else None
        extra = (self.optimizer.state_dict(plain=False), self._sampler.state(),
                 self.epoch_count if epoch is None else epoch, net_rng,
                 self.net.bn_buffers() if self._batch_norm else None)
        return self._ring.save(self.step_count if step is None else step,
                               self.net.parameters(), extra)

    def _restore(self, step: int) -> None:
        """Put θ, the optimizer state, the sampler, the dropout generator and the batch-norm
        running statistics back to ``step``."""
        optimizer_state, sampler_state, epoch, net_rng, bn_buffers = self._ring.extra(step)
        self.net.set_params(self._ring.params(step))
        if bn_buffers is not None:
            self.net.set_bn_buffers(bn_buffers)
        optimizer = self.optimizer
        if optimizer_state["name"] == optimizer.name:
            optimizer.load_state_dict({**optimizer_state, "lr": optimizer.lr,
                                       "hyper": optimizer.hyper})
        else:
            optimizer.reset()
        self._sampler.restore(sampler_state)
        if net_rng is not None:
            self.net.rng.bit_generator.state = net_rng
        self.epoch_count = epoch

    def params_changed(self) -> None:
        """Tell the trainer that the network's parameters were edited from outside between
        steps (inspector, lesson): the current snapshot is retaken so rewind, divergence
        recovery and ``last_update.old_params`` see the edit, and the history row of the
        current step is measured again."""
        if self.phase == "ready":
            self._save_snapshot()
        self._record_current_row()

    def rewind(self, n: int = 1) -> int:
        """Go back ``n`` steps (a step in progress counts as one), or as far as the snapshots
        reach; returns the step reached. Parameters, optimizer state, data order and epoch are
        restored, the history is cut back to the rows up to the step reached (whose row is
        measured again), a divergence is cleared; hyperparameters are kept,
        so training on reproduces the original losses bit for bit. ValueError if n < 1."""
        if int(n) < 1:
            raise ValueError(f"rewind needs n >= 1, got {n}")
        target = self.step_count - int(n) + (self.phase != "ready")
        self.rewind_to(max(target, self._ring.oldest))
        return self.step_count

    def rewind_to(self, step: int) -> None:
        """Go back to the start of step ``step`` (``oldest_step`` ≤ step ≤ ``step_count``);
        see :meth:`rewind`. Raises ValueError outside that range."""
        step = int(step)
        if step not in self._ring or step > self.step_count:
            raise ValueError(f"Can rewind to steps {self._ring.oldest}..{self.step_count}, "
                             f"got {step}")
        self._restore(step)
        self._ring.truncate(step)
        self.step_count = step
        self.grad_norm_history.truncate(step)
        self._clear_step()
        self._record_current_row()
        self.divergence = None

    def reset(self) -> None:
        """Back to step 0: the initial parameters and dropout generator (bit-identical), a fresh
        optimizer state and batch order from ``seed``, a history of the initial row only, no
        snapshots but the current one. Current hyperparameters are kept."""
        self.net.set_params(self._initial_params)
        self.net.set_bn_buffers(self._initial_bn_buffers)
        self.net.rng.bit_generator.state = self._initial_rng_state
        self.optimizer.reset()
        self._sampler = BatchSampler(self.n_train, self._requested_batch_size, self.seed,
                                     self._min_batch)
        self.step_count = self.epoch_count = 0
        self.history.clear()
        self.grad_norm_history.clear()
        self._ring.clear()
        self._clear_step()
        self._save_snapshot()
        self._record_current_row()
        self.divergence = None

    def initial_network_state(self) -> tuple[np.ndarray, dict]:
        """(θ (P,) float64, dropout generator state): copies of what :meth:`reset` returns
        the network to — the parameters and generator the trainer started from (for training
        fresh copies from the same start, e.g. ``core.cross_validation``)."""
        return self._initial_params.copy(), copy.deepcopy(self._initial_rng_state)

    def trajectory(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps (m,) int64, params (m, P) float64): θ at every step the snapshots still hold,
        oldest first, ending with the current step (for loss-surface paths)."""
        return self._ring.steps(), self._ring.matrix()

    # -- persistence ---------------------------------------------------------------------------
    def state_dict(self) -> dict:
        """The trainer's state at the start of the current step, as plain data."""
        step = self.step_count
        optimizer_state, sampler_state, epoch, net_rng, bn_buffers = self._ring.extra(step)
        if optimizer_state["name"] != self.optimizer.name:  # switched optimizer since
            optimizer_state = self.optimizer.state_dict(plain=False)
        return {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "loss": self.loss,
            "layer_sizes": list(self.net.layer_sizes),
            "n_train": self.n_train,
            "step_count": step,
            "epoch_count": int(epoch),
            "params": self._ring.params(step).tolist(),
            "initial_params": self._initial_params.tolist(),
            "initial_net_rng": self._initial_rng_state,
            "net_rng": net_rng if net_rng is not None else self.net.rng.bit_generator.state,
            "optimizer": _plain_optimizer_state(optimizer_state, self.optimizer),
            "batch_size": self._requested_batch_size,
            "seed": self.seed,
            "sampler": BatchSampler.state_to_plain(sampler_state),
            "l1": self.l1,
            "l2": self.l2,
            "clip_norm": self.clip_norm,
            "history": self.history.to_dict(),
            "grad_norm_history": self.grad_norm_history.to_dict(),
            "divergence": None if self.divergence is None else self.divergence.to_dict(),
            "batch_norm": self._batch_norm,
            "bn_buffers": [b.tolist() for b in bn_buffers or []],
            "initial_bn_buffers": [b.tolist() for b in self._initial_bn_buffers],
        }

    def load_state_dict(self, d: Mapping) -> None:
        """Restore :meth:`state_dict` output, hyperparameters included.

        Raises ValueError, leaving the trainer unchanged, if ``d`` is malformed or was saved
        for another architecture, loss or number of training points.
        """
        if not isinstance(d, Mapping) or d.get("format") != STATE_FORMAT:
            raise ValueError("not a trainer state (missing format marker)")
        if d.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported trainer state version {d.get('version')!r}")
        try:
            layer_sizes = tuple(int(s) for s in d["layer_sizes"])
            loss, n_train = d["loss"], int(d["n_train"])
            step, epoch = int(d["step_count"]), int(d["epoch_count"])
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"malformed trainer state: {error!r}") from None
        if layer_sizes != tuple(self.net.layer_sizes) or loss != self.loss:
            raise ValueError(f"the state is for layers {layer_sizes} with loss {loss}; this "
                             f"trainer has {tuple(self.net.layer_sizes)} with {self.loss}")
        if n_train != self.n_train:
            raise ValueError(f"the state is for {n_train} training points, this trainer has "
                             f"{self.n_train}")
        if step < 0 or epoch < 0:
            raise ValueError("step_count and epoch_count must be >= 0")
        if bool(d.get("batch_norm", False)) != self._batch_norm:
            raise ValueError(f"the state is for a network with batch norm "
                             f"{'on' if d.get('batch_norm') else 'off'}; this trainer's is "
                             f"{'on' if self._batch_norm else 'off'}")
        n_params = self.net.n_params
        params = _vector(d.get("params"), n_params, "params")
        bn_sizes = [size for size in self.net.layer_sizes[1:-1] for _ in range(2)] \
            if self._batch_norm else []
        bn_buffers = [_vector(b, size, "bn_buffers") for b, size in
                      zip(_buffer_list(d.get("bn_buffers", []), bn_sizes), bn_sizes, strict=True)]
        initial_bn = [_vector(b, size, "initial_bn_buffers") for b, size in
                      zip(_buffer_list(d.get("initial_bn_buffers", []), bn_sizes), bn_sizes,
                          strict=True)]
        initial = _vector(d.get("initial_params"), n_params, "initial_params")
        net_rng = _rng_state(d.get("net_rng"), "net_rng")
        initial_rng = _rng_state(d.get("initial_net_rng"), "initial_net_rng")
        try:
            saved = d["optimizer"]
            optimizer = make_optimizer(saved["name"], saved["lr"], **saved.get("hyper", {}))
            optimizer.load_state_dict(saved)
            batch_size = d["batch_size"]
            batch_size = None if batch_size is None else int(batch_size)
            sampler = BatchSampler(self.n_train, batch_size, int(d["seed"]), self._min_batch)
            self._check_batch_norm_batch(batch_size or 0)
            sampler.restore(sampler.state_from_plain(d["sampler"]))
            l1, l2, clip = float(d["l1"]), float(d["l2"]), float(d["clip_norm"])
            if not all(math.isfinite(v) and v >= 0 for v in (l1, l2, clip)):
                raise ValueError("l1, l2 and clip_norm must be finite and >= 0")
            settings = self.settings.updated(
                check_ranges=False, learning_rate=optimizer.lr, optimizer=optimizer.name,
                batch_size=batch_size or 0, seed=int(d["seed"]), l1=l1, l2=l2, clip_norm=clip,
                **{SETTING_OF_KEYWORD[key]: value for key, value in optimizer.hyper.items()})
            history = History(self.history.capacity)
            history.load_dict(d["history"])
            grad_norms = GradNormHistory(self.net.n_layers, self.grad_norm_history.capacity)
            grad_norms.load_dict(d["grad_norm_history"])
            divergence = d.get("divergence")
            divergence = None if divergence is None else Divergence.from_dict(divergence)
        except (KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"malformed trainer state: {error!r}") from None
        if len(history) not in (step, step + 1) or len(grad_norms) != step:
            raise ValueError(f"the histories cover {len(history)} and {len(grad_norms)} "
                             f"steps for {step} updates")
        # Everything is checked: apply.
        self.net.set_params(params)
        self.net.set_bn_buffers(bn_buffers)
        self.net.rng.bit_generator.state = net_rng
        self._initial_params, self._initial_rng_state = initial, initial_rng
        self._initial_bn_buffers = initial_bn
        self.optimizer, self._sampler, self._settings = optimizer, sampler, settings
        self.step_count, self.epoch_count = step, epoch
        self.history.load_dict(d["history"])  # into the same objects the GUI may hold;
        self.grad_norm_history.load_dict(d["grad_norm_history"])  # checked above, cannot fail
        self._ring.clear()
        self._clear_step()
        self._save_snapshot()
        self._rebuild_best_from_history()  # core.early_stopping
        self._record_current_row()  # files before the row of the current step lacked it
        self.divergence = divergence
