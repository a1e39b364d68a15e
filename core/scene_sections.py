"""Checks for the sections of a scene dict (see :mod:`core.scene`), one function per section.

Each function takes the decoded JSON of one section, raises :class:`SceneError` naming the
field (``"optimizer.state.m[2]: expected shape (8, 8), got (8, 2)"``) and returns checked
values (NumPy arrays, PointSet, settings) or plain data ready for ``Trainer.load_state_dict``.
Nothing here builds a Session.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from core import scene_validation as checks
from core.data_types import MAX_FEATURE_MAGNITUDE
from core.datasets import GENERATORS, MAX_CLASSES, TEST, TRAIN, VALIDATION, PointSet
from core.divergence import DIVERGENCE_CODES, MAX_PARAMETER_ABS, PARAMETER_LIMIT
from core.history import HISTORY_COLUMNS, LEGACY_HISTORY_WIDTHS
from core.optimizers import DEFAULT_HYPER, SETTING_OF_KEYWORD, STATE_BUFFERS
from core.scene_validation import (
    SceneError,
    as_array,
    as_dict,
    as_float,
    as_int,
    as_str,
    decode_float,
    decode_plain,
    join,
    require,
)
from core.session import task_head
from core.settings import DataSettings, NetworkSettings, TrainingSettings, features_for_dim

TRAINER_KEYS = ("step_count", "epoch_count", "sampler", "net_rng", "initial_params",
                "initial_net_rng", "history", "grad_norm_history", "divergence")
HYPER_SETTING = SETTING_OF_KEYWORD
"""Optimizer hyperparameter name → TrainingSettings field (core.optimizers' table)."""
_PHASES = ("forward", "backward", "update")
#: What to do about a feature or target beyond ±MAX_FEATURE_MAGNITUDE (the end of the message).
_RESCALE = ("rescale that column (e.g. divide it by a power of ten) or delete the point; "
            "the app standardizes features itself")
#: What to do about a parameter beyond ±PARAMETER_LIMIT, the largest training can leave.
_PARAMETER_ADVICE = (f"training stops (diverges) before any parameter gets there, and a "
                     f"weight set by hand stays within ±{MAX_PARAMETER_ABS:g}: correct the number")
_PARAMETER_RANGE = {"max_abs": PARAMETER_LIMIT, "advice": _PARAMETER_ADVICE}


def check_settings(cls, d: dict, section: str, state_keys=()):
    values = {k: v for k, v in as_dict(d, section).items() if k not in state_keys}
    try:
        return cls.from_dict(values)
    except (ValueError, TypeError) as error:
        raise SceneError(f"{section}: {error}") from None


def check_points(d: Any, data: DataSettings) -> PointSet:
    where = "points"
    d = as_dict(d, where, allowed=("task", "dim", "X", "y", "train", "split"))
    task = as_str(require(d, "task", where), "points.task", choices=("classification",
                                                                      "regression"))
    if task != data.task:
        raise SceneError(f"points.task: {task!r} does not match data.task {data.task!r}")
    dim = as_int(require(d, "dim", where), "points.dim", minimum=1, maximum=2)
    limit = checks.MAX_POINTS
    X = require(d, "X", where)
    if isinstance(X, list) and len(X) > limit:
        raise SceneError(f"points.X: too many points ({len(X):,}; the limit is {limit:,})")
    X = as_array(X, "points.X", ndim=2, shape=(None, dim), max_abs=MAX_FEATURE_MAGNITUDE,
                 advice=_RESCALE)
    n = X.shape[0]
    kind = "int" if task == "classification" else "float"
    y = as_array(require(d, "y", where), "points.y", shape=(n,), kind=kind,
                 max_abs=MAX_FEATURE_MAGNITUDE, advice=_RESCALE)
    if task == "classification" and n and (y.min() < 0 or y.max() >= MAX_CLASSES):
        bad = int(np.flatnonzero((y < 0) | (y >= MAX_CLASSES))[0])
        raise SceneError(f"points.y[{bad}]: class label {int(y[bad])} is outside "
                         f"0..{MAX_CLASSES - 1}")
    train = as_array(require(d, "train", where), "points.train", shape=(n,), kind="bool")
    if d.get("split") is None:  # older files, and files without validation points
        return PointSet(X, y, task, train, dim)
    split = as_array(d["split"], "points.split", shape=(n,), kind="int")
    if n and not np.all(np.isin(split, (TRAIN, VALIDATION, TEST))):
        bad = int(np.flatnonzero(~np.isin(split, (TRAIN, VALIDATION, TEST)))[0])
        raise SceneError(f"points.split[{bad}]: split code {int(split[bad])} is not 0 (train), "
                         f"1 (validation) or 2 (test)")
    if not np.array_equal(split == TRAIN, train):
        bad = int(np.flatnonzero((split == TRAIN) != train)[0])
        raise SceneError(f"points.split[{bad}]: disagrees with points.train[{bad}]")
    return PointSet(X, y, task, None, dim, split=split)


def check_names(value: Any, where: str, count: int | None) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or (count is not None and len(value) != count):
        expected = f"a list of {count} names" if count is not None else "a list of names"
        raise SceneError(f"{where}: expected {expected}, got {checks.type_name(value)}"
                         + (f" of {len(value)}" if isinstance(value, list) else ""))
    return [as_str(name, join(where, i))[:200] for i, name in enumerate(value)]


def expected_layer_sizes(data: DataSettings, network: NetworkSettings,
                          points: PointSet | None) -> tuple[tuple[int, ...], str, str]:
    if points is None:
        spec = GENERATORS[data.preset]
        task, dim, n_classes = spec.task, spec.dim, spec.n_classes
    else:
        task, dim, n_classes = points.task, points.dim, points.n_classes
    output, loss, d_out = task_head(task, n_classes, network.loss_override)
    d_in = len(features_for_dim(data.features, dim))
    return (d_in, *network.hidden_sizes, d_out), output, loss


def _labels_text(points: PointSet) -> str:
    """"the labels give 3 classes (the largest, points.y[4], is 2)"."""
    largest = int(np.argmax(points.y)) if len(points) else 0
    detail = (f" (the largest, points.y[{largest}], is {int(points.y[largest])})"
              if len(points) else "")
    return f"the labels give {points.n_classes} classes{detail}"


def layer_sizes_mismatch(declared: tuple[int, ...], sizes: tuple[int, ...],
                         data: DataSettings, network: NetworkSettings,
                         points: PointSet | None) -> str:
    """The message for a stored ``network.layer_sizes`` that differs from ``sizes``, the sizes
    the settings and data give (:func:`expected_layer_sizes`), naming the field that decides
    the differing size: ``data.features`` (inputs), ``points.y`` (outputs: the labels),
    ``data.task``/``data.preset`` (outputs without points); the layer list itself when the
    hidden layers differ or no number of classes gives its output width."""
    shown = f"network.layer_sizes {list(declared)}"
    if len(declared) != len(sizes) or declared[1:-1] != sizes[1:-1]:
        return (f"network.layer_sizes: {list(declared)} does not match the settings and data, "
                f"which give {list(sizes)}")
    problems = []
    if declared[0] != sizes[0]:
        dim = points.dim if points is not None else GENERATORS[data.preset].dim
        features = list(features_for_dim(data.features, dim))
        problems.append(f"data.features: the features {features} of the {dim}-D points give "
                        f"{sizes[0]} input(s), but {shown} starts with {declared[0]}")
    if declared[-1] != sizes[-1]:
        classes = [k for k in range(2, MAX_CLASSES + 1)
                   if task_head("classification", k, network.loss_override)[2] == declared[-1]]
        if (points is not None and points.task == "classification"
                and not classes):  # no labels would fit that network: the network is wrong
            problems.append(f"network.layer_sizes: {list(declared)} does not match the "
                            f"settings and data, which give {list(sizes)}")
        elif points is None:
            spec = GENERATORS[data.preset]
            problems.append(f"data.preset: {data.preset!r} ({spec.task}) needs {sizes[-1]} "
                            f"output(s), but {shown} ends with {declared[-1]}")
        elif points.task == "classification":
            problems.append(f"points.y: {_labels_text(points)}, which need {sizes[-1]} "
                            f"output(s), but {shown} ends with {declared[-1]} (a network for "
                            f"{classes[0]} classes); check the labels")
        else:
            problems.append(f"data.task: a {points.task} scene has {sizes[-1]} output, but "
                            f"{shown} ends with {declared[-1]}")
    return "; ".join(problems)


def head_mismatch(key: str, stored: Any, expected: str, points: PointSet | None) -> str:
    """The message for a stored ``network.output_activation`` or ``network.loss`` that is
    not ``expected``: with class-labelled points, the labels decide it (``points.y``)."""
    if points is not None and points.task == "classification":
        return (f"points.y: {_labels_text(points)}, which need network.{key} {expected!r}, "
                f"but the file has {stored!r:.40}; check the labels")
    return f"network.{key}: {stored!r:.40} does not match the task, which needs {expected!r}"


def check_parameters(d: dict, sizes: tuple[int, ...],
                     batch_norm: bool = False) -> list[np.ndarray]:
    """Weights and biases checked against the layer sizes, as [W₀, b₀, W₁, b₁, …]; with
    ``batch_norm`` also ``bn_gamma``, ``bn_beta`` (one list per hidden layer), as [W₀, b₀, γ₀,
    β₀, W₁, …] (``MLP.parameters()`` order)."""
    n_layers = len(sizes) - 1
    total = sum(o * (i + 1) for i, o in zip(sizes, sizes[1:], strict=False))
    if total > checks.MAX_NUMBERS:
        raise SceneError(f"network.layer_sizes: {total:,} parameters (limit "
                         f"{checks.MAX_NUMBERS:,})")
    weights, biases = require(d, "weights", "network"), require(d, "biases", "network")
    for name, value in (("weights", weights), ("biases", biases)):
        if not isinstance(value, list) or len(value) != n_layers:
            got = f"{len(value)}" if isinstance(value, list) else checks.type_name(value)
            raise SceneError(f"network.{name}: expected a list of {n_layers} layers, got {got}")
    params = []
    for layer in range(n_layers):
        params.append(as_array(weights[layer], f"network.weights[{layer}]", ndim=2,
                               shape=(sizes[layer + 1], sizes[layer]), **_PARAMETER_RANGE))
        params.append(as_array(biases[layer], f"network.biases[{layer}]",
                               shape=(sizes[layer + 1],), **_PARAMETER_RANGE))
        if batch_norm and layer < n_layers - 1:
            for name in ("bn_gamma", "bn_beta"):
                value = require(d, name, "network")
                if not isinstance(value, list) or len(value) != n_layers - 1:
                    raise SceneError(f"network.{name}: expected a list of {n_layers - 1} hidden "
                                     f"layers")
                params.append(as_array(value[layer], f"network.{name}[{layer}]",
                                       shape=(sizes[layer + 1],), **_PARAMETER_RANGE))
    return params


def legacy_training(d: Any, training: TrainingSettings) -> TrainingSettings:
    """The training settings of a version-1 scene, whose ``optimizer`` section kept its own
    ``name``, ``learning_rate`` and ``hyper``: where they differ from ``training`` they win,
    since the optimizer is what trained the saved weights. Raises SceneError naming the
    optimizer's field for a malformed value or one outside the settings' ranges."""
    where = "optimizer"
    d = as_dict(d, where)
    changes: dict[str, Any] = {}
    name = training.optimizer
    if "name" in d:
        name = changes["optimizer"] = as_str(d["name"], "optimizer.name",
                                             choices=tuple(DEFAULT_HYPER))
    if "learning_rate" in d:
        changes["learning_rate"] = as_float(d["learning_rate"], "optimizer.learning_rate")
    hyper = as_dict(d.get("hyper", {}), "optimizer.hyper", allowed=DEFAULT_HYPER[name])
    for key, value in hyper.items():
        changes[HYPER_SETTING[key]] = as_float(value, f"optimizer.hyper.{key}")
    try:
        return training.updated(**changes)
    except ValueError as error:
        raise SceneError(f"optimizer: {error}") from None


def check_optimizer(d: Any, training: TrainingSettings, shapes: list[tuple[int, ...]],
                    version: int = 2) -> dict:
    """The optimizer state (``t`` and the buffers of ``training.optimizer``), as
    ``Trainer.load_state_dict`` takes it (name, η and hyperparameters from ``training``).
    Version 1 also had ``name``, ``learning_rate`` and ``hyper`` (see :func:`legacy_training`,
    applied to ``training`` before)."""
    where = "optimizer"
    allowed = ("name", "learning_rate", "hyper", "t", "state") if version == 1 else ("t", "state")
    d = as_dict(d, where, allowed=allowed)
    name = training.optimizer
    t = as_int(require(d, "t", where), "optimizer.t", minimum=0)
    state = as_dict(require(d, "state", where), "optimizer.state",
                    allowed=STATE_BUFFERS[name])
    buffers = {}
    for key in STATE_BUFFERS[name]:
        arrays = require(state, key, "optimizer.state")
        if not isinstance(arrays, list) or len(arrays) not in (0, len(shapes)):
            raise SceneError(f"optimizer.state.{key}: expected a list of {len(shapes)} arrays "
                             f"(one per parameter W₀, b₀, W₁, …) or an empty list")
        buffers[key] = [as_array(a, f"optimizer.state.{key}[{i}]", ndim=len(shape),
                                 shape=shape).tolist() for i, (a, shape) in
                        enumerate(zip(arrays, shapes, strict=False))]
    return {"name": name, "lr": training.learning_rate, "hyper": training.optimizer_hyper(),
            "t": t, "state": buffers}


def check_rng_state(value: Any, where: str) -> dict:
    d = as_dict(value, where, allowed=("bit_generator", "state", "has_uint32", "uinteger"))
    as_str(require(d, "bit_generator", where), join(where, "bit_generator"), choices=("PCG64",))
    inner = as_dict(require(d, "state", where), join(where, "state"), allowed=("state", "inc"))
    for key in ("state", "inc"):
        as_int(require(inner, key, join(where, "state")), f"{where}.state.{key}", minimum=0,
               maximum=2**128 - 1)
    as_int(require(d, "has_uint32", where), join(where, "has_uint32"), minimum=0, maximum=1)
    as_int(require(d, "uinteger", where), join(where, "uinteger"), minimum=0, maximum=2**32 - 1)
    return d


def check_series(value: Any, where: str, widths: tuple[int, ...], lengths: tuple[int, ...]
                 ) -> dict:
    """A saved ``core.history.DecimatedSeries``: ``length`` (steps covered) one of
    ``lengths``, rows of one of ``widths`` values, increasing steps ending at length − 1."""
    d = as_dict(value, where, allowed=("length", "capacity", "steps", "values"))
    got = as_int(require(d, "length", where), join(where, "length"), minimum=0)
    if got not in lengths:
        raise SceneError(f"{where}.length: {got} entries for {lengths[0]} steps")
    capacity = as_int(d.get("capacity", 20_000), join(where, "capacity"), minimum=8)
    steps = as_array(require(d, "steps", where), join(where, "steps"), kind="int")
    raw = require(d, "values", where)
    if not isinstance(raw, list) or len(raw) != len(steps):
        raise SceneError(f"{where}.values: expected {len(steps)} rows")
    rows = [[checks.decode_float(v, f"{where}.values[{i}][{j}]") for j, v in enumerate(row)]
            if isinstance(row, list) else row for i, row in enumerate(raw)]
    width = len(rows[0]) if rows and isinstance(rows[0], list) and len(rows[0]) in widths \
        else widths[-1]
    values = as_array(rows, join(where, "values"), ndim=2, shape=(len(steps), width),
                      finite=False)
    if len(steps) and (np.any(np.diff(steps) <= 0) or steps[0] < 0 or steps[-1] != got - 1):
        raise SceneError(f"{where}.steps: must increase and end at step {got - 1}")
    if got and not len(steps):
        raise SceneError(f"{where}.steps: no row for {got} steps")
    return {"length": got, "capacity": capacity, "steps": steps.tolist(),
            "values": values.tolist()}


def check_trainer(d: Any, n_params: int, n_layers: int) -> dict:
    where = "trainer"
    d = as_dict(d, where)
    unknown = {k: decode_plain(v, join(where, k)) for k, v in d.items() if k not in TRAINER_KEYS}
    step = as_int(require(d, "step_count", where), "trainer.step_count", minimum=0)
    out = {**unknown, "step_count": step,
           "epoch_count": as_int(require(d, "epoch_count", where), "trainer.epoch_count",
                                 minimum=0)}
    sampler = require(d, "sampler", where)
    if sampler is not None:
        sampler = as_dict(sampler, "trainer.sampler", allowed=("kind", "rng", "position"))
        kind = as_str(require(sampler, "kind", "trainer.sampler"), "trainer.sampler.kind",
                      choices=("fresh", "epoch"))
        sampler = {"kind": kind, "rng": check_rng_state(require(sampler, "rng", "trainer.sampler"),
                                                   "trainer.sampler.rng")}
        if kind == "epoch":
            sampler["position"] = as_int(require(d["sampler"], "position", "trainer.sampler"),
                                         "trainer.sampler.position", minimum=0)
    out["sampler"] = sampler
    for key in ("net_rng", "initial_net_rng"):
        out[key] = check_rng_state(require(d, key, where), join(where, key))
    out["initial_params"] = as_array(require(d, "initial_params", where),
                                     "trainer.initial_params", shape=(n_params,),
                                     **_PARAMETER_RANGE).tolist()
    # The history covers steps 0..step_count (older files: 0..step_count − 1, without the
    # penalty or the validation columns); the gradient norms cover 0..step_count − 1 (core.history).
    out["history"] = check_series(require(d, "history", where), "trainer.history",
                                  (*LEGACY_HISTORY_WIDTHS, len(HISTORY_COLUMNS)), (step, step + 1))
    out["grad_norm_history"] = check_series(require(d, "grad_norm_history", where),
                                            "trainer.grad_norm_history", (n_layers,), (step,))
    divergence = d.get("divergence")
    out["divergence"] = None if divergence is None else _check_divergence(divergence)
    return out


def _check_divergence(divergence: Any) -> dict:
    """The trainer's divergence record (``core.divergence.Divergence.to_dict``). A record of an
    older version has no "code" (only step, phase and an English cause): it loads as code
    "unknown" with that sentence."""
    where = "trainer.divergence"
    div = as_dict(divergence, where, allowed=("step", "phase", "code", "layer", "value",
                                              "cause"))
    out = {"step": as_int(require(div, "step", where), f"{where}.step", minimum=1),
           "phase": as_str(require(div, "phase", where), f"{where}.phase", choices=_PHASES)}
    if div.get("code") is None:
        out["cause"] = as_str(require(div, "cause", where), f"{where}.cause")[:500]
        return out
    out["code"] = as_str(div["code"], f"{where}.code", choices=DIVERGENCE_CODES)
    layer = div.get("layer")
    out["layer"] = None if layer is None else as_int(layer, f"{where}.layer", minimum=1)
    value = div.get("value")
    value = None if value is None else decode_float(value, f"{where}.value")
    out["value"] = None if value is None or math.isnan(value) else value
    if "cause" in div:
        out["cause"] = as_str(div["cause"], f"{where}.cause")[:500]
    return out
