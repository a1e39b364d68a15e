"""The Trainer: the classroom cycle forward → backward → update on a real network.

One training step is three phases, each a method that can be called on its own so the GUI can
show what it computed (design.md, "The classroom cycle"):

1. :meth:`Trainer.forward` draws the next mini-batch and runs the network on it (z and a of
   every layer).
2. :meth:`Trainer.backward` backpropagates J = data loss + penalty through the cached forward
   pass: δ of every layer, ∂J/∂W and ∂J/∂b (Goodfellow et al. 2016, §6.5).
3. :meth:`Trainer.update` (optionally clips the gradients by their global norm, Pascanu et al.
   2013) applies the optimizer and completes the step; the new parameters are measured at
   once (the new row of the history).

**Steps.** Step t means the parameters after t updates: step 0 is the initial network, and
``step_count`` = N after N completed updates. The history row of step t holds the data losses
and accuracies on the full training and test sets and the weight penalty *at the parameters
of step t* (``core.history``), so the row of the current parameters, step N, always exists:
it is measured when the trainer is made, after every update, and again whenever the current
parameters, the data or the penalty rates change (``params_changed``, ``set_data``,
``set_regularization``, ``rewind``, ``reset``, loading). The loss curve, status bar and CSV
export all show a value under the step of its row.

**Evaluation cadence.** ``Trainer(evaluation="every_step")`` (the default) measures the full
sets after every update, as above. ``evaluation="cadence"`` measures them only at the end of
every epoch and when asked (:meth:`Trainer.evaluate_now`, which fills the row of the current
step); the rows of the other steps are *batch-only* (``evaluated`` = 0.0, NaN in the full-set
columns, the penalty measured). Every row records ``batch_loss`` (the mini-batch data loss of
the update that reached it), so the cost of a step no longer grows with the number of points.
The history still has one row per step; readers of full-set values use
``History.last_evaluated_row()`` and show its step. The rows measured when the parameters, the
data or the penalty change (above) are always evaluated, and so is step 0.

``phase`` is the last completed phase ("ready" = the next one is forward). Calling a phase out
of order raises :class:`PhaseError`. :meth:`Trainer.step` runs whatever phases remain of the
current step; :meth:`Trainer.epoch` runs steps until the shuffled pass over the data ends.

Mini-batch stochastic gradient descent follows Goodfellow et al. 2016, §8.1.3 (Algorithm 8.1):
each epoch is a fresh shuffle of the training set cut into batches of ``batch_size``.

Reproducibility: mini-batches come from ``np.random.default_rng(seed)`` (core.snapshots), the
dropout masks from the network's own generator, and after every update a snapshot (θ, the
optimizer state, the sampler position, the epoch and the dropout generator) is kept in a ring
of ``snapshot_capacity`` steps, so :meth:`Trainer.rewind` followed by training reproduces the
original losses bit for bit, and :meth:`Trainer.reset` restarts from the initial parameters.

Divergence: a non-finite training loss of the current parameters (found by forward, or by update
for the parameters it produced; with ``evaluation="cadence"`` the full training loss is only
known at an evaluation, so a non-finite one is found by the update that evaluates, or for a row
filled by :meth:`Trainer.evaluate_now` by the next forward — the batch loss, the gradients and
the parameters are still checked at every step), a non-finite J or gradient after backward, or a
non-finite parameter after update stops training, and so does a parameter whose magnitude passes
``PARAMETER_LIMIT`` (1e10): with ReLU such an explosion kills every unit and the loss then stays
finite and flat, hiding the divergence: the state of the start of the step is restored (so the
parameters are the last finite ones), :attr:`Trainer.divergence` records the step, phase, code,
layer and value (:class:`core.divergence.Divergence`; codes, not sentences), and
:class:`TrainingDiverged` is raised — by that phase and by every phase after it — until
:meth:`rewind`, :meth:`reset` or a hyperparameter setter is called.

Copies: :meth:`Trainer.copy` (also what ``copy.deepcopy`` of a trainer or a Session does) is an
independent trainer in exactly the same state — network, optimizer state, settings, sampler and
dropout generators, the step in progress, histories — so its steps are bit for bit the steps
this trainer would take, and nothing it does reaches the original. The optimizer race, the
predict-then-reveal dry run and the animation export train such copies.
"""

from __future__ import annotations

import copy
import math

import numpy as np

from core import divergence as codes
from core.divergence import PARAMETER_LIMIT
from core.history import GradNormHistory, History
from core.losses import LOSSES, OUTPUT_FOR_LOSS, check_targets, per_sample_loss
from core.metrics import accuracy, predicted_classes
from core.optimizers import (
    SETTING_OF_KEYWORD,
    clip_by_global_norm,
    hyper_settings,
    make_optimizer,
    validate_learning_rate,
)
from core.parameters import array_position
from core.settings import TrainingSettings
from core.snapshots import BatchSampler, SnapshotRing
from core.early_stopping import EarlyStoppingMixin
from core.training_state import TrainerStateMixin
from core.training_types import (
    BATCH_NORM_BATCH_OF_ONE,
    Divergence,
    EmptyTrainingSet,
    PhaseError,
    SettingRefused,
    StepRecord,
    TrainingDiverged,
    UpdateRecord,
    slice_forward_pass,
)

__all__ = ["Trainer", "EVALUATION_MODES", "PhaseError", "TrainingDiverged", "EmptyTrainingSet",
           "SettingRefused", "BATCH_NORM_BATCH_OF_ONE", "Divergence",
           "StepRecord", "UpdateRecord", "History", "GradNormHistory", "PHASES",
           "PARAMETER_LIMIT"]

PHASES = ("ready", "forward", "backward")
_NEXT_PHASE = {"ready": "forward", "forward": "backward", "backward": "update"}
_NAN = math.nan
#: ``Trainer(evaluation=…)``: measure the full sets after every update, or at epoch ends and
#: on :meth:`Trainer.evaluate_now` only (module docstring, "Evaluation cadence").
EVALUATION_MODES = ("every_step", "cadence")


def _nonnegative(name: str, value) -> float:
    value = float(value)
    if not (math.isfinite(value) and value >= 0.0):
        raise ValueError(f"{name} must be a finite number >= 0, got {value}")
    return value


def _extreme_parameter(net) -> tuple[int, float]:
    """(layer k, value) of the first NaN parameter, else of the one with the largest |θ|
    (±inf included); k is 1-based as in W^k and counts weights and biases of that layer."""
    layer, extreme = 1, 0.0
    for l, arrays in enumerate(zip(net.weights, net.biases, strict=True)):
        for array in arrays:
            if np.isnan(array).any():
                return l + 1, math.nan
            value = float(array.flat[int(np.argmax(np.abs(array)))]) if array.size else 0.0
            if abs(value) > abs(extreme):
                layer, extreme = l + 1, value
    return layer, extreme


class Trainer(TrainerStateMixin, EarlyStoppingMixin):
    """Trains ``net`` on (X_train, y_train) step by step; see the module docstring.

    Arguments:
        net: a ``core.network.MLP``. Its parameters at construction are the ones :meth:`reset`
            returns to.
        loss: "mse", "bce" (needs a sigmoid output) or "cross_entropy" (needs softmax).
        X_train: (n, d_in) float64; y_train: targets for ``loss`` (``core.losses.check_targets``).
            n may be 0; :meth:`forward` then raises :class:`EmptyTrainingSet`.
        X_test, y_test: optional held-out set, same conventions (None = no test set).
        X_validation, y_validation: optional validation set, same conventions (None = none):
            measured like the test set; its loss decides the best step and early stopping
            (``core.early_stopping``).
        settings: the ``core.settings.TrainingSettings`` to train with (default: the
            defaults). The keywords below, when given (not None), override single fields:
        learning_rate, optimizer, optimizer_hyper: as ``core.optimizers.make_optimizer`` takes
            them (``optimizer_hyper`` keyed by its keywords, e.g. ``{"alpha": 0.9}``).
        batch_size: 0 or ≥ n = full batch.
        l1, l2: weight penalties (≥ 0); clip_norm: max global gradient norm, 0 = off.
        seed: seed of the mini-batch shuffling.
        snapshot_capacity: how many steps back :meth:`rewind` can go (≥ 1; default 2000).
        history_capacity: stored points of the loss curve before old ones are thinned (≥ 8).
        evaluation: "every_step" (default) or "cadence" (:data:`EVALUATION_MODES`; module
            docstring); ValueError for anything else. :meth:`set_evaluation` changes it.

    Raises ValueError for inconsistent shapes, an unknown loss, a loss that does not fit the
    network's output activation, or invalid hyperparameters.

    **One owner of the hyperparameters.** :attr:`settings` (a frozen ``TrainingSettings``) is
    the only record of η, the optimizer and its hyperparameters, the batch size, l1, l2, the
    clipping norm and the batch seed; ``learning_rate``, ``l1`` … read it, and a Session's
    ``training`` is this same object. The optimizer's ``lr`` and ``hyper`` are written only by
    the trainer, from it (set them with :meth:`update_settings` or the ``set_*`` methods, never
    on the optimizer). The setters accept what the engine can run (any finite η > 0, …);
    :meth:`update_settings` also enforces the declared ranges of the settings (what the GUI,
    the CLI and scene files accept).

    Readable state: ``phase``, ``next_phase``, ``step_count``, ``epoch_count`` (completed
    epochs), ``steps_per_epoch``, ``batch_indices``, ``last_forward``, ``last_gradients``,
    ``last_update``, ``last_record``, ``divergence``, ``history``, ``grad_norm_history``,
    ``evaluation``,
    ``net``, ``optimizer``, ``loss``, ``settings``, ``learning_rate``, ``batch_size`` (the
    batch size in use: n for full batch), ``l1``, ``l2``, ``clip_norm``, ``seed``,
    ``can_rewind``, ``oldest_step``.
    """

    def __init__(self, net, loss: str, X_train, y_train, X_test=None, y_test=None, *,
                 X_validation=None, y_validation=None,
                 settings: TrainingSettings | None = None, learning_rate: float | None = None,
                 optimizer: str | None = None, optimizer_hyper=None,
                 batch_size: int | None = None, l1: float | None = None,
                 l2: float | None = None, clip_norm: float | None = None,
                 seed: int | None = None, snapshot_capacity: int = 2000,
                 history_capacity: int = 20_000, evaluation: str = "every_step"):
        self._evaluation_mode = _evaluation_mode(evaluation)
        if loss not in LOSSES:
            raise ValueError(f"Unknown loss {loss!r}; allowed: {', '.join(LOSSES)}")
        required = OUTPUT_FOR_LOSS[loss]
        if loss != "mse" and net.output_activation != required:
            raise ValueError(f"Loss {loss} needs a {required} output layer, the network has "
                             f"{net.output_activation!r}")
        self.net = net
        self.loss = loss
        if settings is None:
            settings = TrainingSettings()
        if not isinstance(settings, TrainingSettings):
            raise TypeError(f"settings must be a TrainingSettings, got {type(settings).__name__}")
        given = {"learning_rate": learning_rate, "optimizer": optimizer, "l1": l1, "l2": l2,
                 "clip_norm": clip_norm, "batch_size": batch_size, "seed": seed}
        changes = {key: value for key, value in given.items() if value is not None}
        name = changes.get("optimizer", settings.optimizer)
        hyper_settings(name)  # ValueError naming the optimizers for an unknown one
        hyper = {**settings.updated(optimizer=name, check_ranges=False).optimizer_hyper(),
                 **(optimizer_hyper or {})}
        self._settings = _engine_settings(settings, changes, name, hyper)
        self.optimizer = self._new_optimizer(self._settings)
        self._initial_params = net.get_params()
        self._initial_rng_state = net.rng.bit_generator.state
        self.history = History(history_capacity)
        self.grad_norm_history = GradNormHistory(net.n_layers, history_capacity)
        self._check_batch_norm_batch(self._settings.batch_size)
        self._initial_bn_buffers = net.bn_buffers() if self._batch_norm else []
        self._ring = SnapshotRing(int(snapshot_capacity) + 1, net.n_params)  # + the current step
        self._sampler = BatchSampler(0, self._requested_batch_size, self.seed, self._min_batch)
        self.step_count = 0
        self.epoch_count = 0
        self.divergence: Divergence | None = None
        self._clear_best()
        self._install_data(X_train, y_train, X_test, y_test, X_validation, y_validation)
        self._clear_step()
        self._save_snapshot()
        self._record_current_row()

    # -- data ------------------------------------------------------------------------------
    def _install_data(self, X_train, y_train, X_test, y_test, X_validation=None,
                      y_validation=None) -> None:
        d_in, d_out = self.net.layer_sizes[0], self.net.layer_sizes[-1]
        X_train, y_train = self._checked_pair(X_train, y_train, d_in, d_out, "training")
        if X_test is None:
            X_test, y_test = np.empty((0, d_in)), y_train[:0]
        else:
            X_test, y_test = self._checked_pair(X_test, y_test, d_in, d_out, "test")
        if X_validation is None:
            X_validation, y_validation = np.empty((0, d_in)), y_train[:0]
        else:
            X_validation, y_validation = self._checked_pair(X_validation, y_validation, d_in,
                                                            d_out, "validation")
        self.X_train, self.y_train, self.X_test, self.y_test = X_train, y_train, X_test, y_test
        self.X_validation, self.y_validation = X_validation, y_validation
        self.n_train, self.n_test = len(X_train), len(X_test)
        self.n_validation = len(X_validation)
        if self.n_test or self.n_validation:  # training rows first, then test, then validation
            self._X_all = np.concatenate([X_train, X_test, X_validation])
            self._y_all = np.concatenate([y_train, y_test, y_validation])
        else:
            self._X_all, self._y_all = X_train, y_train
        self._labels_all = self._class_labels(self._y_all)
        self._uses_dropout = any(p > 0 for p in getattr(self.net, "dropout", ()))
        # Evaluation = training mode (and the full batch may reuse it) only without dropout and
        # batch norm; with batch norm the training batch uses its own statistics.
        self._eval_is_training = not (self._uses_dropout or self._batch_norm)
        self._sampler.configure(self.n_train, self._requested_batch_size)
        self._all_indices = np.arange(self.n_train)

    def _checked_pair(self, X, y, d_in, d_out, which):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != d_in:
            raise ValueError(f"X_{which} must have shape (n, {d_in}), got {X.shape}")
        if not np.all(np.isfinite(X)):
            raise ValueError(f"X_{which} must be finite")
        try:
            y = check_targets(self.loss, y, len(X), d_out)
        except ValueError as error:
            raise ValueError(f"{which} targets: {error}") from None
        return X, y

    def _class_labels(self, y: np.ndarray) -> np.ndarray | None:
        """(n,) int64 class labels for accuracy: the labels themselves (cross-entropy) or the
        class of probability targets by :func:`core.metrics.predicted_classes`; None for
        regression (a linear output)."""
        if self.net.output_activation == "linear":
            return None
        if y.ndim == 1:
            return y
        return predicted_classes(y)

    def set_data(self, X_train, y_train, X_test=None, y_test=None, *, X_validation=None,
                 y_validation=None) -> None:
        """Replace the data, keeping the weights, optimizer state, step count and history (the
        row of the current step is measured again on the new data; older rows keep the values
        measured on the data of their time).

        A step in progress is abandoned; snapshots before this point are dropped (they refer to
        the old data order), and the next batch starts a new epoch. Clears a divergence and
        the best validation step (the validation set is new). Raises ValueError (state
        unchanged) for shapes that do not fit the network.
        """
        self._install_data(X_train, y_train, X_test, y_test, X_validation, y_validation)
        self._clear_best()
        self._clear_step()
        self._ring.clear()
        self._save_snapshot()
        self._record_current_row()
        self.divergence = None

    # -- readable state ----------------------------------------------------------------------
    @property
    def next_phase(self) -> str:
        """"forward", "backward" or "update"."""
        return _NEXT_PHASE[self.phase]

    @property
    def steps_per_epoch(self) -> int:
        return self._sampler.steps_per_epoch

    @property
    def batch_size(self) -> int:
        """Current mini-batch size (n for full batch)."""
        return self._sampler.batch_size

    @property
    def full_batch(self) -> bool:
        return self._sampler.full

    @property
    def settings(self) -> TrainingSettings:
        """The hyperparameters (frozen; change them with :meth:`update_settings`)."""
        return self._settings

    @property
    def learning_rate(self) -> float:
        """η (``settings.learning_rate``)."""
        return self._settings.learning_rate

    @property
    def l1(self) -> float:
        return self._settings.l1

    @property
    def l2(self) -> float:
        return self._settings.l2

    @property
    def clip_norm(self) -> float:
        """Largest global gradient norm (0 = off)."""
        return self._settings.clip_norm

    @property
    def seed(self) -> int:
        """Seed of the mini-batch shuffling."""
        return self._settings.seed

    @property
    def _requested_batch_size(self) -> int | None:
        return self._settings.batch_size or None

    @property
    def batch_indices(self) -> np.ndarray | None:
        """(b,) int indices into the training set of the current (or last) mini-batch; None
        before the first forward."""
        if self._batch is None:
            return None
        return self._all_indices if self._batch is _FULL else self._batch

    @property
    def batch_loss(self) -> float:
        """Data loss of the current mini-batch at the current parameters (NaN before forward)."""
        fp = self.last_forward
        if fp is None:
            return _NAN
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # a Divergence says it
            return float(np.mean(per_sample_loss(self.loss, fp.pre_activations[-1], fp.output,
                                                 self._batch_targets())))

    def param_position(self, layer: int, kind: str) -> int:
        """Index of W_layer ("W") or b_layer ("b") — with batch norm also "gamma", "beta" — in
        ``net.parameters()`` and in the lists of :class:`UpdateRecord` and
        ``optimizer.terms(position, index)``; ValueError for an unknown kind. Same as
        ``ParamRef(layer, kind, 0).array_position(net.batch_norm)``."""
        return array_position(layer, kind, self._batch_norm)

    @property
    def _batch_norm(self) -> bool:
        return bool(getattr(self.net, "batch_norm", False))

    @property
    def _min_batch(self) -> int:
        """Smallest mini-batch the network can train on (2 with batch norm)."""
        return 2 if self._batch_norm else 1

    def _check_batch_norm_batch(self, batch_size: int) -> None:
        """SettingRefused (code BATCH_NORM_BATCH_OF_ONE) for batch size 1 with batch norm."""
        if self._batch_norm and batch_size == 1:
            raise SettingRefused(
                BATCH_NORM_BATCH_OF_ONE,
                "Batch size 1 is not possible with batch normalization: it normalizes with the "
                "mean and variance of the mini-batch, and one sample has no variance. Choose a "
                "batch size of at least 2, or turn batch norm off.")

    def _batch_targets(self) -> np.ndarray:
        return self.y_train if self._batch is _FULL else self.y_train[self._batch]

    # -- the three phases --------------------------------------------------------------------
    def _expect(self, phase: str, name: str) -> None:
        if self.divergence is not None:
            raise TrainingDiverged(self.divergence)
        if self.phase != phase:
            raise PhaseError(f"Cannot run {name} now: the next phase is {self.next_phase} "
                             f"(last completed: {self.phase})")

    def _forward(self):
        """Phase 1: draw the next mini-batch and run the network on it (training mode).

        The full-set losses of the current parameters are already in the history (the row of step
        ``step_count``), unless that row is batch-only (``evaluation="cadence"``). For full
        batch without dropout the batch's forward pass is that measurement's evaluation of the
        training set, so all points go through the network once per step.

        Returns the batch's ``ForwardPass`` (also ``last_forward``). Raises PhaseError unless
        ``phase == "ready"``, EmptyTrainingSet without training points (with batch norm: with
        fewer than 2), TrainingDiverged if
        the loss on the training set is not finite (or training had already diverged).
        """
        self._expect("ready", "forward")
        if self.n_train == 0:
            raise EmptyTrainingSet("There are no training points: add points or regenerate")
        if self.n_train < self._min_batch:
            raise EmptyTrainingSet("Batch norm needs at least 2 training points: add points "
                                   "or turn batch norm off")
        if not np.array_equal(self.net.get_params(), self._measured_params):
            self._record_current_row()  # edited from outside without params_changed()
        indices, ends_epoch = self._sampler.next()
        full = indices is None
        if full and self._eval_is_training and self._evaluation is not None:
            everything = self._evaluation
            batch_pass = slice_forward_pass(everything, self.n_train) \
                if self.n_test or self.n_validation else everything
        else:
            X_batch = self.X_train if full else self.X_train[indices]
            batch_pass = self.net.forward(X_batch, training=True)
        self._batch = _FULL if full else indices
        self._ends_epoch = ends_epoch
        self.last_forward = batch_pass
        self.phase = "forward"
        last = self.history.last_row()
        train_loss = last["train_loss"]
        if last["evaluated"] == 1.0 and not math.isfinite(train_loss):
            self._diverge("forward", *self._loss_divergence(train_loss, self._evaluation))
        return batch_pass

    # -- measuring the current parameters --------------------------------------------------------
    def _evaluate_all(self) -> tuple[list, object, np.ndarray]:
        """Measure the current parameters: (row of :data:`core.history.HISTORY_COLUMNS`, the
        evaluation of all points (training rows first) or None, the parameter vector).

        Without dropout and batch norm the evaluation runs in training mode — numerically the
        same as evaluation mode, and it can then serve as the next full batch's forward pass;
        with batch norm it uses the running statistics (``training=False``)."""
        net = self.net
        penalty = net.penalty(self.l1, self.l2)
        if len(self._X_all) == 0:
            return [_NAN, _NAN, _NAN, _NAN, penalty, _NAN, _NAN], None, net.get_params()
        fp = net.forward(self._X_all, training=self._eval_is_training)
        train_loss, test_loss, train_accuracy, test_accuracy, validation = self._measure(fp)
        return ([train_loss, test_loss, train_accuracy, test_accuracy, penalty, *validation],
                fp, net.get_params())

    def _record_current_row(self) -> None:
        """(Re)measure the row of step ``step_count`` at the current parameters (a full
        evaluation); the batch loss of a row already there for that step is kept."""
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            row, self._evaluation, self._measured_params = self._evaluate_all()
        history = self.history
        history.truncate(min(len(history), self.step_count + 1))
        old = history.last_row()
        batch_loss = old["batch_loss"] if old and old["step"] == self.step_count else _NAN
        history.truncate(self.step_count)
        row = [*row, batch_loss, 1.0]
        history.append(row)
        self._observe_validation(self.step_count, row)

    @property
    def evaluation(self) -> str:
        """"every_step" or "cadence" (:data:`EVALUATION_MODES`)."""
        return self._evaluation_mode

    def set_evaluation(self, evaluation: str) -> None:
        """Switch the evaluation mode (:data:`EVALUATION_MODES`); switching to "every_step"
        evaluates the current row (:meth:`evaluate_now`). ValueError for an unknown mode."""
        self._evaluation_mode = _evaluation_mode(evaluation)
        if evaluation == "every_step":
            self.evaluate_now()

    def evaluate_now(self) -> dict[str, float]:
        """Measure the current parameters on the full sets and fill the row of the current
        step ``step_count`` with it (its batch loss is kept; ``evaluated`` becomes 1.0; the
        best validation step sees it); returns that row (``History.last_row()`` form). Nothing
        is computed when the row is already an evaluation of the current parameters. Never
        raises for a non-finite loss: the row records it and the next :meth:`forward` reports
        the divergence. Callable in any phase (the parameters do not change before update)."""
        last = self.history.last_row()
        if last["evaluated"] == 1.0 and np.array_equal(self.net.get_params(),
                                                       self._measured_params):
            return last
        self._record_current_row()
        return self.history.last_row()

    def _measure(self, fp) -> list:
        """[train loss, test loss, train accuracy, test accuracy, (validation loss, validation
        accuracy)] from an evaluation of all points (training rows first, then test, then
        validation); NaN where undefined (no points, regression). Every accuracy is
        :func:`core.metrics.predicted_classes` against the labels."""
        n, n_test, n_validation = self.n_train, self.n_test, self.n_validation
        parts = (slice(0, n), slice(n, n + n_test), slice(n + n_test, None))
        counts = (n, n_test, n_validation)
        losses = per_sample_loss(self.loss, fp.pre_activations[-1], fp.output, self._y_all)
        mean_losses = [float(np.mean(losses[part])) if count else _NAN
                       for part, count in zip(parts, counts, strict=True)]
        labels = self._labels_all
        if labels is None:
            accuracies = [_NAN, _NAN, _NAN]
        else:
            predicted = predicted_classes(fp.output)  # accuracy: the one rule of core.metrics
            accuracies = [accuracy(labels[part], predicted[part]) if count else _NAN
                          for part, count in zip(parts, counts, strict=True)]
        return [mean_losses[0], mean_losses[1], accuracies[0], accuracies[1],
                (mean_losses[2], accuracies[2])]

    def _backward(self):
        """Phase 2: backpropagate J through ``last_forward``; returns (and keeps as
        ``last_gradients``) the ``Gradients``. Raises PhaseError unless ``phase == "forward"``,
        TrainingDiverged if the loss, J or a gradient is not finite."""
        self._expect("forward", "backward")
        gradients = self.net.backward(self.last_forward, self._batch_targets(), self.loss,
                                      self.l1, self.l2)
        norms = gradients.per_layer_norms()
        self.last_gradients = gradients
        self._grad_norms = norms
        self.phase = "backward"
        if not math.isfinite(gradients.loss):
            self._diverge("backward", codes.nonfinite_code(
                gradients.loss, codes.BATCH_LOSS_NAN, codes.BATCH_LOSS_INF),
                value=gradients.loss)
        bad = np.flatnonzero(~np.isfinite(norms))
        if bad.size:
            self._diverge("backward", codes.GRADIENT_NONFINITE, layer=int(bad[0]) + 1)
        return gradients

    def _update(self) -> None:
        """Phase 3: (clip and) apply the optimizer to the parameters in place; completes the
        step: ``step_count`` += 1, the history row of the new parameters (evaluated, or
        batch-only with ``evaluation="cadence"`` except at the end of an epoch), a snapshot.
        Raises PhaseError unless ``phase == "backward"``, TrainingDiverged if a parameter
        became inf or NaN or too large, or the training loss of the new parameters (when
        evaluated) is not finite (the parameters of the start of the step are then
        restored)."""
        self._expect("backward", "update")
        net, gradients = self.net, self.last_gradients
        params = net.parameters()
        grads = gradients.as_list()
        if self.clip_norm > 0:
            grads, _ = clip_by_global_norm(grads, self.clip_norm)
        self.optimizer.step(params, grads)
        old_step = self.step_count
        row = self._save_snapshot(old_step + 1, self.epoch_count + self._ends_epoch)
        if not math.isfinite(row.sum()) or np.abs(row).max() > PARAMETER_LIMIT:
            layer, value = _extreme_parameter(net)  # before _diverge restores the old ones
            self._ring.truncate(old_step)
            code = (codes.PARAM_LIMIT if math.isfinite(value) else
                    codes.nonfinite_code(value, codes.PARAM_NAN, codes.PARAM_INF))
            self._diverge("update", code, layer=layer, value=value)
        evaluated = self._evaluation_mode == "every_step" or self._ends_epoch
        if evaluated:
            measured = self._evaluate_all()
            train_loss = measured[0][0]
            if not math.isfinite(train_loss):
                self._ring.truncate(old_step)
                self._diverge("update", *self._loss_divergence(train_loss, measured[1]))
            row, self._evaluation, self._measured_params = measured
        else:  # batch-only row: the penalty is cheap, the full sets are not measured
            row = [_NAN, _NAN, _NAN, _NAN, net.penalty(self.l1, self.l2), _NAN, _NAN]
            self._evaluation, self._measured_params = None, net.get_params()
        row = [*row, gradients.data_loss, float(evaluated)]
        self.step_count = old_step + 1
        self.epoch_count += self._ends_epoch
        self.history.append(row)
        self._observe_validation(self.step_count, row)
        self.grad_norm_history.append(self._grad_norms)
        self.last_update = UpdateRecord(self._ring.params(old_step), params)
        self.last_record = StepRecord(self.step_count, self.epoch_count, *row[:4],
                                      gradients.data_loss, gradients.penalty, self._grad_norms,
                                      self._ends_epoch, *row[5:7], evaluated)
        self.phase = "ready"

    # Overflow on the way to a divergence is reported by the Divergence, not by NumPy warnings.
    def forward(self):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return self._forward()

    def backward(self):
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return self._backward()

    def update(self) -> None:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self._update()

    forward.__doc__, backward.__doc__ = _forward.__doc__, _backward.__doc__
    update.__doc__ = _update.__doc__

    def step(self) -> StepRecord:
        """Run the remaining phases of the current step (all three from "ready"); returns its
        :class:`StepRecord`. Raises what the phases raise."""
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            if self.phase == "ready":
                self._forward()
            if self.phase == "forward":
                self._backward()
            self._update()
        return self.last_record

    def epoch(self) -> list[StepRecord]:
        """Run steps until the current pass over the shuffled training set ends (one step for
        full batch; the rest of the epoch if one is under way). Returns their records."""
        records = [self.step()]
        while not records[-1].epoch_ended:
            records.append(self.step())
        return records

    # -- divergence ------------------------------------------------------------------------
    def _loss_divergence(self, train_loss: float, evaluation) -> tuple[str, None, float | None]:
        """(code, layer, value) for a training loss that is not finite: the network's output
        itself overflowed (``output_nonfinite``), else the loss is NaN or inf."""
        if evaluation is not None and not np.isfinite(evaluation.output[:self.n_train]).all():
            return codes.OUTPUT_NONFINITE, None, None
        return codes.nonfinite_code(train_loss, codes.LOSS_NAN, codes.LOSS_INF), None, train_loss

    def _diverge(self, phase: str, code: str, layer: int | None = None,
                 value: float | None = None):
        if value is not None and math.isnan(value):
            value = None  # the code says NaN; a NaN field would make records unequal
        self.divergence = Divergence(self.step_count + 1, phase, code, layer,
                                     None if value is None else float(value))
        self._restore(self.step_count)
        self._clear_step()
        raise TrainingDiverged(self.divergence)

    def _clear_step(self) -> None:
        self.phase = "ready"
        self.last_forward = self.last_gradients = self.last_update = self.last_record = None
        self._batch = None
        self._grad_norms = None
        self._ends_epoch = False

    # -- hyperparameters (all keep the weights and clear a divergence) ---------------------------
    def update_settings(self, **changes) -> frozenset[str]:
        """Apply ``changes`` to :attr:`settings` (field names of ``TrainingSettings``), within
        the declared ranges; returns the names of the fields that changed. A new optimizer
        or new hyperparameters of the optimizer in use start a fresh optimizer state; the
        weights, history and step count are kept. ValueError (nothing changes) for an unknown
        name or a value outside its declaration."""
        return self.apply_settings(self._settings.updated(**changes))

    def apply_settings(self, new: TrainingSettings) -> frozenset[str]:
        """Train with ``new`` from now on (as :meth:`update_settings`, with a whole
        ``TrainingSettings``, checked only against the engine's limits); returns the names of
        the fields that differ from the current settings."""
        if not isinstance(new, TrainingSettings):
            raise TypeError(f"expected TrainingSettings, got {type(new).__name__}")
        old = self._settings
        _engine_settings(new, {}, new.optimizer, new.optimizer_hyper())  # ValueError first
        self._check_batch_norm_batch(new.batch_size)
        if new.patience != old.patience:
            self.check_patience(new.patience)
        if new.learning_rate != old.learning_rate:
            self.set_learning_rate(new.learning_rate)
        if (new.optimizer, new.optimizer_hyper()) != (old.optimizer, old.optimizer_hyper()):
            self.set_optimizer(new.optimizer, **new.optimizer_hyper())
        if (new.l1, new.l2) != (old.l1, old.l2):
            self.set_regularization(new.l1, new.l2)
        if new.clip_norm != old.clip_norm:
            self.set_clip_norm(new.clip_norm)
        if new.batch_size != old.batch_size:
            self.set_batch_size(new.batch_size)
        if new.seed != old.seed:
            self.set_seed(new.seed)
        self._settings = new  # also the hyperparameters of the optimizers not in use
        return frozenset(name for name in old.to_dict() if getattr(new, name) != getattr(old, name))

    def _new_optimizer(self, settings: TrainingSettings):
        return make_optimizer(settings.optimizer, settings.learning_rate,
                              **settings.optimizer_hyper())

    def set_learning_rate(self, learning_rate: float) -> None:
        """η for the next updates. ValueError unless finite and > 0."""
        learning_rate = validate_learning_rate(learning_rate)
        self._settings = self._settings.updated(learning_rate=learning_rate,
                                                check_ranges=False)
        self.optimizer.lr = learning_rate
        self.divergence = None

    def set_optimizer(self, name: str, **hyper) -> None:
        """Switch to optimizer ``name`` (fresh state, current η); ``hyper`` keyed as
        make_optimizer takes it, missing ones get PyTorch's defaults. ValueError as
        make_optimizer."""
        optimizer = make_optimizer(name, self.learning_rate, **hyper)
        self._settings = self._settings.updated(
            optimizer=name, check_ranges=False,
            **{SETTING_OF_KEYWORD[key]: value for key, value in optimizer.hyper.items()})
        self.optimizer = optimizer
        self._after_setting()

    def set_regularization(self, l1: float = 0.0, l2: float = 0.0) -> None:
        """Penalty rates for the next backward passes (the current row's penalty is measured
        again with them). ValueError if negative or not finite."""
        self._settings = self._settings.updated(l1=_nonnegative("l1", l1),
                                                l2=_nonnegative("l2", l2), check_ranges=False)
        self._record_current_row()
        self.divergence = None

    def set_clip_norm(self, clip_norm: float) -> None:
        """Largest global gradient norm for the next updates; 0 = off."""
        self._settings = self._settings.updated(clip_norm=_nonnegative("clip_norm", clip_norm),
                                                check_ranges=False)
        self.divergence = None

    def set_batch_size(self, batch_size: int | None) -> None:
        """New mini-batch size (None/0/≥ n = full batch); the next batch starts a new epoch."""
        batch_size = _batch_size(batch_size)
        self._check_batch_norm_batch(batch_size)
        self._sampler.configure(self.n_train, batch_size or None)
        self._settings = self._settings.updated(batch_size=batch_size, check_ranges=False)
        self._after_setting()

    def set_seed(self, seed: int) -> None:
        """Reseed the batch shuffling; the next batch starts a new epoch from the new seed."""
        sampler = BatchSampler(self.n_train, self._requested_batch_size, int(seed),
                               self._min_batch)
        self._settings = self._settings.updated(seed=int(seed), check_ranges=False)
        self._sampler = sampler
        self._after_setting()

    def _after_setting(self) -> None:
        if self.phase == "ready":
            self._save_snapshot()
        self.divergence = None

    # -- copies --------------------------------------------------------------------------------
    def copy(self, snapshot_capacity: int | None = None) -> Trainer:
        """An independent Trainer in exactly this state (a deep copy; see the module docstring):
        ``copy.step()`` gives bit for bit the parameters, losses and generator states
        ``self.step()`` would give, and the original is never changed by the copy.

        ``snapshot_capacity``: None keeps every snapshot (the copy can rewind as far as this
        trainer, and its ``trajectory`` is the same); an int k ≥ 1 keeps only the current
        step's snapshot, and the copy can rewind at most k of its own steps — much cheaper for
        a short look ahead (a race, a predicted update). ValueError if k < 1.
        """
        memo: dict = {}
        if snapshot_capacity is not None:
            if int(snapshot_capacity) < 1:
                raise ValueError(f"snapshot_capacity must be >= 1, got {snapshot_capacity}")
            memo[id(self._ring)] = self._ring.tail(int(snapshot_capacity) + 1, memo)
        return copy.deepcopy(self, memo)

    def __deepcopy__(self, memo: dict) -> Trainer:
        memo[id(_FULL)] = _FULL  # the full-batch marker is compared by identity
        clone = object.__new__(type(self))
        memo[id(self)] = clone
        clone.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return clone

    # -- evaluation ----------------------------------------------------------------------------
    def evaluate(self, X, y) -> tuple[float, float]:
        """(mean data loss, accuracy) of the current network on (X, y), no dropout; accuracy is
        NaN for regression and both are NaN for an empty set. ValueError on bad shapes."""
        X, y = self._checked_pair(X, y, self.net.layer_sizes[0], self.net.layer_sizes[-1], "eval")
        if len(X) == 0:
            return _NAN, _NAN
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # inf/NaN is the answer
            fp = self.net.forward(X)
            loss = float(np.mean(per_sample_loss(self.loss, fp.pre_activations[-1], fp.output, y)))
        labels = self._class_labels(y)
        if labels is None:
            return loss, _NAN
        return loss, accuracy(labels, predicted_classes(fp.output))



def _evaluation_mode(value) -> str:
    if value not in EVALUATION_MODES:
        raise ValueError(f"evaluation must be one of {', '.join(EVALUATION_MODES)}, "
                         f"got {value!r}")
    return value


def _batch_size(value) -> int:
    """A requested batch size as the settings hold it: None → 0 (full batch); ValueError if
    negative."""
    value = 0 if value is None else int(value)
    if value < 0:
        raise ValueError(f"batch_size must be >= 0 (0 = full batch), got {value}")
    return value


def _engine_settings(settings: TrainingSettings, changes: dict, optimizer: str,
                     hyper: dict) -> TrainingSettings:
    """``settings`` with ``changes`` and optimizer ``optimizer`` with ``hyper`` (make_optimizer
    keywords), checked against the engine's limits only (η finite and > 0, penalties and the
    clipping norm finite and ≥ 0, hyperparameters as make_optimizer checks them)."""
    changes = dict(changes)
    if "learning_rate" in changes:
        changes["learning_rate"] = validate_learning_rate(changes["learning_rate"])
    for key in ("l1", "l2", "clip_norm"):
        if key in changes:
            changes[key] = _nonnegative(key, changes[key])
    if "batch_size" in changes:
        changes["batch_size"] = _batch_size(changes["batch_size"])
    if "seed" in changes:
        changes["seed"] = int(changes["seed"])
    result = settings.updated(check_ranges=False, **changes)
    checked = make_optimizer(optimizer, result.learning_rate, **hyper)
    for key in ("l1", "l2", "clip_norm"):
        _nonnegative(key, getattr(result, key))
    return result.updated(optimizer=optimizer, check_ranges=False, **{
        SETTING_OF_KEYWORD[key]: value for key, value in checked.hyper.items()})


_FULL = object()  # marks "the batch is the whole training set"
