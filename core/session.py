"""The Session: settings + points → prepared data → network → Trainer, in one object.

Used by the GUI controller, the headless CLI, scene files and lessons. The pipeline is

    points (raw inputs, dim 1 or 2)  →  input features (core.datasets.expand_features)
        →  standardization (z-score fitted on the training points)
        →  train/validation/test split (the points' split codes, ``PointSet.split``)
        →  MLP(d_in = number of features, hidden sizes, d_out)  →  Trainer

and the output layer and loss follow the task (:func:`task_head`): two classes → sigmoid +
bce; three or more → softmax + cross-entropy; regression → linear + mse. With
``NetworkSettings.loss_override == "mse"`` a classifier keeps its sigmoid/softmax output but
is trained with mse on 0/1 (binary) or one-hot (K ≥ 3) targets.

What each change does to the network (the GUI's "networkChanged" vs "dataChanged"):

* :meth:`Session.set_training_settings` — never rebuilds; the Trainer's setters keep θ.
* :meth:`Session.points_edited` (by hand: the source becomes "drawn"), :meth:`Session.clear`,
  :meth:`Session.points_changed` / :meth:`Session.set_points` and data settings that only
  re-prepare (features, standardize, training and validation shares) — keep θ, history and step count when the
  number of inputs and the output head are unchanged; otherwise rebuild from the network seed.
* :meth:`Session.regenerate`, :meth:`Session.load_dataset`, data settings that regenerate
  (task, preset, number of points, noise, seed) and :meth:`Session.set_network_settings` —
  rebuild the network from its seed (a new experiment starts at step 0).

The setters return a frozenset naming what happened: ``"points"`` (the points or their
preparation changed), ``"network"`` (network and trainer were rebuilt), ``"training"``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import numpy as np

from core.data_source import DataSource
from core.datasets import GENERATORS, Dataset, PointSet, Standardizer, expand_features
from core.network import MLP
from core.session_prediction import PredictionMixin
from core.settings import (
    PRESETS_BY_TASK,
    DataSettings,
    NetworkSettings,
    TrainingSettings,
    features_for_dim,
)
from core.training import Trainer

__all__ = ["Session", "task_head"]
_REGENERATING = ("task", "preset", "n_points", "noise", "seed")


def task_head(task: str, n_classes: int, loss_override: str | None = None
              ) -> tuple[str, str, int]:
    """(output activation, loss, d_out) for a task.

    classification with 2 classes → ("sigmoid", "bce", 1); with K ≥ 3 → ("softmax",
    "cross_entropy", K); regression → ("linear", "mse", 1). ``loss_override="mse"`` replaces
    the loss by mse and keeps the output. Raises ValueError for an unknown task or override.
    """
    if loss_override not in (None, "mse"):
        raise ValueError(f"loss_override must be None or 'mse', got {loss_override!r}")
    if task == "regression":
        return "linear", "mse", 1
    if task != "classification":
        raise ValueError(f"task must be classification or regression, got {task!r}")
    if n_classes <= 2:
        return "sigmoid", loss_override or "bce", 1
    return "softmax", loss_override or "cross_entropy", int(n_classes)


def _targets(y: np.ndarray, loss: str, output_activation: str, d_out: int) -> np.ndarray:
    """Targets in the form the loss wants: labels, 0/1 floats, one-hot (mse on softmax)."""
    if loss == "mse" and output_activation == "softmax":
        return np.eye(d_out)[y]
    return y


class Session(PredictionMixin):
    """Settings, points and the Trainer built from them.

    Arguments: ``data``, ``network``, ``training`` settings (defaults when None) and
    optionally ``points`` (a PointSet whose task must equal ``data.task``; when None the
    preset is generated), ``class_names`` and ``feature_names`` (for display, e.g. from a
    CSV), ``snapshot_capacity``, ``history_capacity`` and ``evaluation`` ("every_step" or
    "cadence", ``core.training.EVALUATION_MODES``; passed to every Trainer it builds; see
    :meth:`set_evaluation`).

    Attributes: ``points``, ``data``, ``network``, ``training``, ``trainer``, ``net``,
    ``standardizer`` (identity when standardization is off), ``loss``, ``output_activation``,
    ``n_classes`` (0 for regression), ``input_features`` (feature names in use),
    ``feature_names`` (raw input names), ``class_names`` (or None), and the prepared arrays
    ``X_train``, ``y_train``, ``X_validation``, ``y_validation``, ``X_test``, ``y_test``
    (features → standardized; y as the loss wants it) plus ``train_indices``,
    ``validation_indices`` and ``test_indices`` into ``points`` (increasing int64).

    Raises ValueError for invalid settings or points that do not fit them.
    """

    def __init__(self, data: DataSettings | None = None, network: NetworkSettings | None = None,
                 training: TrainingSettings | None = None, points: PointSet | None = None, *,
                 class_names: Sequence[str] | None = None,
                 feature_names: Sequence[str] | None = None,
                 data_source: DataSource | None = None,
                 snapshot_capacity: int = 2000, history_capacity: int = 20_000,
                 evaluation: str = "every_step"):
        self.data = _checked(data, DataSettings)
        if data_source is not None and not isinstance(data_source, DataSource):
            raise TypeError(f"data_source must be a DataSource or None, got "
                            f"{type(data_source).__name__}")
        #: where the points came from (core.data_source.DataSource: imported or drawn),
        #: None = generated from the data settings
        self.data_source = data_source if points is not None else None
        self.network = _checked(network, NetworkSettings)
        training = _checked(training, TrainingSettings)
        self._trainer_options = {"snapshot_capacity": snapshot_capacity,
                                 "history_capacity": history_capacity,
                                 "evaluation": evaluation}
        if points is None:
            self._generate()
        else:
            if not isinstance(points, PointSet):
                raise TypeError(f"points must be a PointSet, got {type(points).__name__}")
            if points.task != self.data.task:
                raise ValueError(f"the points are for {points.task} but the data settings "
                                 f"say {self.data.task}")
            self.points = points
            self._set_names(class_names, feature_names)
        self._prepare()
        self._build(training)

    # -- the pipeline ------------------------------------------------------------------------
    def _generate(self) -> None:
        d = self.data
        dataset = GENERATORS[d.preset].fn(d.n_points, d.noise, d.seed)
        self.points = PointSet.from_dataset(dataset, d.train_fraction, d.seed,
                                            d.validation_fraction)
        self._set_names(dataset.class_names, dataset.feature_names)

    def _set_names(self, class_names, feature_names) -> None:
        dim = self.points.dim
        self.class_names = None if class_names is None else tuple(map(str, class_names))
        names = ("x1", "x2")[:dim] if feature_names is None else tuple(map(str, feature_names))
        if len(names) != dim:
            raise ValueError(f"{len(names)} feature names for {dim}-dimensional points")
        self.feature_names = names

    def _prepare(self) -> None:
        """Features → standardization → split, and the output head for the current points."""
        points = self.points
        if points.task != self.data.task:  # the points were edited to another task
            self.data = _with_task(self.data, points.task)
        self.input_features = features_for_dim(self.data.features, points.dim)
        features = expand_features(points.X, self.input_features)
        train = points.train
        if self.data.standardize and train.any():
            self.standardizer = Standardizer.fit(features[train])
        else:
            self.standardizer = Standardizer.identity(len(self.input_features))
        prepared = self.standardizer.transform(features)
        self.n_classes = points.n_classes
        self.output_activation, self.loss, self.d_out = task_head(
            points.task, self.n_classes, self.network.loss_override)
        y = _targets(points.y, self.loss, self.output_activation, self.d_out)
        validation, test = points.validation, points.test
        self.train_indices = np.flatnonzero(train)
        self.validation_indices = np.flatnonzero(validation)
        self.test_indices = np.flatnonzero(test)
        self.X_train, self.y_train = prepared[train], y[train]
        self.X_validation, self.y_validation = prepared[validation], y[validation]
        self.X_test, self.y_test = prepared[test], y[test]

    def _signature(self) -> tuple:
        return (len(self.input_features), self.d_out, self.loss, self.output_activation)

    def _build(self, training: TrainingSettings | None = None) -> None:
        """A new network from the network seed and a new Trainer on the prepared data, with
        ``training`` (default: the current trainer's settings)."""
        n = self.network
        net = MLP((len(self.input_features), *n.hidden_sizes, self.d_out),
                  activation=list(n.activations_per_layer()),
                  output_activation=self.output_activation, init=n.init, seed=n.seed,
                  dropout=n.dropout, batch_norm=n.batch_norm)
        self.trainer = Trainer(
            net, self.loss, self.X_train, self.y_train, self.X_test, self.y_test,
            X_validation=self.X_validation, y_validation=self.y_validation,
            settings=self.training if training is None else training, **self._trainer_options)
        self._built_signature = self._signature()

    @property
    def net(self):
        """The trainer's network (``core.network.MLP``)."""
        return self.trainer.net

    @property
    def training(self) -> TrainingSettings:
        """The training settings: the trainer's own ``settings`` (one owner; not a copy)."""
        return self.trainer.settings

    # -- changing the data -----------------------------------------------------------------------
    def regenerate(self) -> frozenset[str]:
        """Draw the preset's points again (``data`` settings) and rebuild the network; the
        data source becomes None (generated)."""
        self.data_source = None
        self._generate()
        self._prepare()
        self._build()
        return frozenset({"points", "network"})

    def points_changed(self) -> frozenset[str]:
        """Re-prepare after ``points`` was edited in place. Keeps θ, history and step count if
        the number of inputs and the output head are unchanged; otherwise rebuilds."""
        self._prepare()
        if self._signature() == self._built_signature:
            self.trainer.set_data(self.X_train, self.y_train, self.X_test, self.y_test,
                                  X_validation=self.X_validation,
                                  y_validation=self.y_validation)
            return frozenset({"points"})
        self._build()
        return frozenset({"points", "network"})

    def points_edited(self) -> frozenset[str]:
        """After a hand edit of ``points`` in place (a point added, inserted or removed): the
        data source becomes "drawn" with the new count (keeping an imported file's name), then
        as :meth:`points_changed`."""
        self.data_source = DataSource.drawn(len(self.points), self.data_source)
        return self.points_changed()

    def clear(self) -> frozenset[str]:
        """Remove every point to start a new drawing: the source becomes "drawn" (0 points),
        then as :meth:`points_changed`. Points drawn from now on keep the training and
        validation shares (``data.train_fraction``, ``data.validation_fraction``) per class."""
        self.points.clear()
        return self.points_edited()

    def set_points(self, points: PointSet, class_names: Sequence[str] | None = None,
                   feature_names: Sequence[str] | None = None) -> frozenset[str]:
        """Replace the points (undo/redo, lessons), then as :meth:`points_changed`; the data
        task follows the points. ValueError if the names do not fit (nothing changes then)."""
        if not isinstance(points, PointSet):
            raise TypeError(f"points must be a PointSet, got {type(points).__name__}")
        old = (self.points, self.class_names, self.feature_names)
        self.points = points
        try:
            self._set_names(class_names, feature_names)
        except ValueError:
            self.points, self.class_names, self.feature_names = old
            raise
        return self.points_changed()

    def load_dataset(self, dataset: Dataset, source: DataSource | None = None
                     ) -> frozenset[str]:
        """Use an imported data set (1 or 2 features, e.g. from ``read_csv``): split by the
        data settings' train share and seed, the task taken from the data set, class and
        feature names kept for display; rebuilds the network; ``source`` (where it came from)
        becomes ``data_source``. ValueError (nothing changes) for more than 2 features or more
        than one regression target."""
        points = PointSet.from_dataset(dataset, self.data.train_fraction, self.data.seed,
                                       self.data.validation_fraction)
        self.points = points
        self._set_names(dataset.class_names, dataset.feature_names)
        self.data_source = source
        self._prepare()
        self._build()
        return frozenset({"points", "network"})

    def set_data_settings(self, **changes) -> frozenset[str]:
        """Apply data settings. Task, preset, number of points, noise or seed regenerate the
        points (and rebuild the network); features, standardize and the training and
        validation shares re-prepare the current points (:meth:`points_changed`; new shares
        draw the split again with the data seed, ``core.datasets.split_codes``). Changing the task alone also switches
        the preset to the task's first one when needed. ValueError (nothing changes) for an
        invalid value."""
        old = self.data
        task = changes.get("task", old.task)
        if ("preset" not in changes and task in PRESETS_BY_TASK
                and GENERATORS[old.preset].task != task):
            changes["preset"] = PRESETS_BY_TASK[task][0]
        new = old.updated(**changes)
        self.data = new
        if any(getattr(new, key) != getattr(old, key) for key in _REGENERATING):
            return self.regenerate()
        if (new.train_fraction, new.validation_fraction) != (old.train_fraction,
                                                             old.validation_fraction):
            self.points.resplit(new.train_fraction, new.seed, new.validation_fraction)
        if new != old:
            return self.points_changed()
        return frozenset()

    # -- changing the network and the training ----------------------------------------------------
    def set_network_settings(self, **changes) -> frozenset[str]:
        """Apply architecture settings and rebuild the network from its seed. When only the
        hidden sizes change and the activation is per layer, the list is cut or extended with
        its last name. ValueError (nothing changes) for an invalid value."""
        old = self.network
        if ("hidden_sizes" in changes and "activation" not in changes
                and isinstance(old.activation, tuple)):
            depth = len(changes["hidden_sizes"])
            names = old.activation or ("tanh",)
            changes["activation"] = tuple(names[:depth]) + (names[-1],) * (depth - len(names))
        self.network = old.updated(**changes)
        try:
            self._prepare()  # the head depends on loss_override
            self._build()
        except ValueError:
            self.network = old
            self._prepare()
            raise
        return frozenset({"network"})

    def set_training_settings(self, **changes) -> frozenset[str]:
        """Apply training settings to the running Trainer (``Trainer.update_settings``); θ,
        history and step count are kept. ValueError (nothing changes) for an invalid value."""
        self.trainer.update_settings(**changes)
        return frozenset({"training"})

    def set_evaluation(self, evaluation: str) -> None:
        """Evaluation mode of this trainer and of every trainer built from now on
        (``Trainer.set_evaluation``). ValueError (nothing changes) for an unknown mode."""
        self.trainer.set_evaluation(evaluation)
        self._trainer_options["evaluation"] = evaluation

    def copy(self) -> Session:
        """An independent deep copy: points, settings, names, data source and the trainer
        (through ``Trainer.copy``: weights, optimizer state, generators, the step in progress,
        histories, snapshots). Training the copy never changes this session."""
        return copy.deepcopy(self)

    def reset(self) -> None:
        """Back to the initial network of the seed, step 0 (``Trainer.reset``)."""
        self.trainer.reset()

    def start_from(self, params: np.ndarray, rng_state: dict) -> None:
        """Start again at step 0 from θ ``params`` ((P,) float64, ``net.parameters()`` order)
        and the dropout generator state ``rng_state`` (as ``Trainer.initial_network_state``
        gives them): a new Trainer with the current training settings, for which they are the
        initial network (what reset returns to). Used to give an A/B run B run A's start
        (``core.comparison``). Batch-norm running statistics stay those of the current
        network. ValueError (nothing changes) if ``params`` has the wrong size."""
        params = np.asarray(params, dtype=np.float64).reshape(-1)
        if params.size != self.net.n_params:
            raise ValueError(f"expected {self.net.n_params} parameters, got {params.size}")
        net = self.net
        net.set_params(params)
        net.rng.bit_generator.state = copy.deepcopy(rng_state)
        self.trainer = Trainer(
            net, self.loss, self.X_train, self.y_train, self.X_test, self.y_test,
            X_validation=self.X_validation, y_validation=self.y_validation,
            settings=self.training, **self._trainer_options)

    def batch_point_indices(self) -> np.ndarray | None:
        """Indices into ``points`` of the trainer's current (or last) mini-batch, for
        highlighting it on the canvas; None before the first forward pass."""
        batch = self.trainer.batch_indices
        return None if batch is None else self.train_indices[batch]

    def class_label(self, k: int) -> str:
        """Display name of class k: the imported name, or "class k"."""
        if self.class_names is not None and 0 <= k < len(self.class_names):
            return self.class_names[k]
        return f"class {k}"


def _checked(value, cls):
    if value is None:
        return cls()
    if not isinstance(value, cls):
        raise TypeError(f"expected {cls.__name__}, got {type(value).__name__}")
    return value


def _with_task(data: DataSettings, task: str) -> DataSettings:
    preset = data.preset if GENERATORS[data.preset].task == task else PRESETS_BY_TASK[task][0]
    return data.updated(task=task, preset=preset)
