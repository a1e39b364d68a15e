"""Scene files: a whole playground state as plain, versioned JSON data.

A *scene* is everything needed to continue a session bit for bit (the glue idea of state as
plain data, ``as_dict`` / ``update_from_dict``):

========================  ===================================================================
key                       content
========================  ===================================================================
``format``                ``"backprop-playground/scene"`` (optional marker)
``schema_version``        :data:`SCHEMA_VERSION`
``data``                  ``DataSettings.to_dict()``: task, preset, input features, standardize,
                          training and validation shares (a file without
                          ``validation_fraction`` has none: :func:`legacy_shares`)…
``network``               ``NetworkSettings.to_dict()`` plus ``layer_sizes``,
                          ``output_activation``, ``loss`` and the current ``weights`` (list of
                          (out, in) nested lists) and ``biases`` (list of (out,) lists);
                          with ``batch_norm`` also ``bn_gamma``, ``bn_beta`` (one list per
                          hidden layer; older files have no ``batch_norm``: off)
``training``              ``TrainingSettings.to_dict()`` (η, optimizer and its
                          hyperparameters, batch size, L1/L2 …): the trainer's ``settings``,
                          the only copy of them in the file
``points``                ``{"task", "dim", "X" (n, dim), "y" (n,), "train" (n,) booleans}``
                          and, with validation points, ``"split"`` (n,) codes 0 train,
                          1 validation, 2 test (``core.datasets.split_codes``)
``class_names``           class names (e.g. from a CSV) or null; ``feature_names``: raw input names
``data_source``           ``DataSource.to_dict()`` of imported points (file, rows, sampled_of,
                          dropped, class_names) or null; older files kept an English sentence
                          in ``extra.data_source``, parsed once on load
``standardizer``          ``{"mean", "std"}`` of the input features (derived: written for
                          readers and checked, recomputed from the training points on load)
``optimizer``             ``{"t", "state"}``: the state of ``training.optimizer``; ``state``
                          maps each buffer (``v``, ``s``, ``m``) to one array per parameter
                          W₀, b₀, W₁ …
``trainer``               step and epoch counters, mini-batch sampler and dropout generator
                          states, initial parameters, loss/gradient-norm histories, divergence;
                          ``batch_norm``, ``bn_buffers`` (running mean and variance of each
                          hidden layer) and ``initial_bn_buffers``
``views``, ``extra``      free-form plain JSON from the GUI (open views, layout, selection)
``comparison``            optional: run B of A/B runs (settings changed and B's own scene;
                          :mod:`core.scene_comparison`, which checks and builds it); a
                          malformed one refuses the file, in the window and the CLI alike
``classroom``             optional lock lists (hidden views and controls, fixed settings,
                          presenter panels; :mod:`core.classroom`): checked as plain JSON
                          here, its names by :func:`core.classroom.locks_from_dict`, so an
                          invalid lock list never stops the scene from opening
========================  ===================================================================

**Versions.** Version 2 stores every training hyperparameter once, in ``training``.
Version 1 files also kept the optimizer's ``name``, ``learning_rate`` and ``hyper`` in
``optimizer`` (the same values, or — written by a trainer changed behind the settings' back —
different ones). They still load; where the two copies disagree the optimizer's wins, since
that is what trained the saved weights (:func:`core.scene_sections.legacy_training`), and they
are saved again as version 2.

Only ``schema_version``, ``data``, ``network`` and ``training`` are required: a scene without
``points`` generates them from the preset, one without ``weights`` starts from the network seed,
one without ``optimizer``/``trainer`` starts at step 0. That is how lessons describe their
starting point (:mod:`core.lessons`).

Floats are written with ``repr`` (``json``), which round-trips float64 exactly; generator states
are plain ints; the few non-finite values a history may hold (NaN accuracy for regression) are
written as the strings ``"NaN"``/``"Infinity"``, so files are strict JSON. Loading never uses
pickle or eval, checks everything before building anything (:class:`SceneError` names the
field), and builds a *new* Session, so a failed load leaves the current one untouched. Numbers
are held to what the app can compute with: features and regression targets to
±``core.data_types.MAX_FEATURE_MAGNITUDE`` (as a CSV import), weights, biases, γ, β and the
initial parameters to ±``core.divergence.PARAMETER_LIMIT``, the largest value training can
leave (not the hand editor's ±``MAX_PARAMETER_ABS``: trained weights may pass that, and every
file the app saves must open again).
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

import numpy as np

from core import scene_validation as checks
from core.data_source import DataSource
from core.datasets import GENERATORS
from core.scene_sections import (
    check_names,
    check_optimizer,
    check_parameters,
    check_points,
    check_settings,
    check_trainer,
    expected_layer_sizes,
    head_mismatch,
    layer_sizes_mismatch,
    legacy_training,
)
from core.scene_validation import SceneError, as_array, as_dict, as_int, encode_plain, require
from core.parameters import parameter_blocks
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training_state import STATE_FORMAT, STATE_VERSION

__all__ = ["SCHEMA_VERSION", "SCENE_FORMAT", "SceneError", "scene_to_dict", "scene_from_dict",
           "save_scene", "load_scene", "open_scene"]

SCHEMA_VERSION = 2
READABLE_VERSIONS = (1, 2)
SCENE_FORMAT = "backprop-playground/scene"
TOP_LEVEL_KEYS = ("format", "schema_version", "data", "network", "training", "points",
                  "class_names", "feature_names", "standardizer", "optimizer", "trainer",
                  "views", "extra", "data_source", "classroom", "comparison")
NETWORK_STATE_KEYS = ("layer_sizes", "output_activation", "loss", "weights", "biases", "bn_gamma",
                      "bn_beta")
# Trainer.state_dict keys the scene stores elsewhere (network, optimizer, training settings)
# or recomputes from the session on load.
_TRAINER_DERIVED = ("format", "version", "loss", "layer_sizes", "n_train", "params",
                    "optimizer", "batch_size", "seed", "l1", "l2", "clip_norm")


# ---------------------------------------------------------------------------------------------
# Session → plain data
# ---------------------------------------------------------------------------------------------
def scene_to_dict(session: Session, views: Any = None, extra: Any = None,
                  classroom: Any = None, comparison: Any = None) -> dict:
    """The scene of ``session`` as plain JSON-ready data (see the module docstring).

    ``views`` and ``extra`` are stored as given (plain JSON: dicts, lists, str, numbers, bool,
    None) — the GUI's open views and anything else it wants back; ``classroom`` (the lock
    lists, ``core.classroom.ClassroomLocks.to_dict()``, or a section kept as read) likewise,
    omitted when None; ``comparison`` (``core.scene_comparison.comparison_section``) likewise.
    A step in progress (after
    forward or backward) is saved as the start of that step. Raises TypeError if ``views`` or
    ``extra`` hold something that is not plain data.
    """
    trainer = session.trainer
    net = session.net
    state = trainer.state_dict()
    n_layers = net.n_layers
    flat = np.asarray(state["params"], dtype=np.float64)
    arrays: dict[str, list] = {"W": [], "b": [], "gamma": [], "beta": []}
    for block in parameter_blocks(net.layer_sizes, net.batch_norm):
        arrays[block.kind].append(
            flat[block.start:block.start + block.size].reshape(block.shape).tolist())
    weights, biases = arrays["W"], arrays["b"]
    saved_optimizer = state["optimizer"]
    network = {**session.network.to_dict(), "layer_sizes": list(net.layer_sizes),
               "output_activation": net.output_activation, "loss": trainer.loss,
               "weights": weights, "biases": biases}
    if net.batch_norm:  # the running statistics are in the trainer section (bn_buffers)
        network["bn_gamma"], network["bn_beta"] = arrays["gamma"], arrays["beta"]
    assert len(weights) == n_layers
    scene = {
        "format": SCENE_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "data": session.data.to_dict(),
        "network": network,
        "training": trainer.settings.to_dict(),
        "points": session.points.to_dict(),
        "class_names": None if session.class_names is None else list(session.class_names),
        "feature_names": list(session.feature_names),
        "data_source": (None if session.data_source is None
                        else session.data_source.to_dict()),
        "standardizer": session.standardizer.to_dict(),
        "optimizer": {"t": saved_optimizer["t"], "state": saved_optimizer["state"]},
        "trainer": {key: value for key, value in state.items() if key not in _TRAINER_DERIVED},
    }
    if views is not None:
        scene["views"] = views
    if extra is not None:
        scene["extra"] = extra
    if classroom is not None:
        scene["classroom"] = classroom
    if comparison is not None:
        scene["comparison"] = comparison
    return encode_plain(scene)


# ---------------------------------------------------------------------------------------------
# plain data → Session (validate first)
# ---------------------------------------------------------------------------------------------
#: The shares of a scene written before the validation share existed: its training share (the
#: default of that time when missing) and no validation points, so its split stays exactly.
LEGACY_SHARES = {"train_fraction": 0.7, "validation_fraction": 0.0}


def legacy_shares(data: Any) -> Any:
    """The ``data`` section with :data:`LEGACY_SHARES` filled in when it has no
    ``validation_fraction`` (older scenes and lessons: 0 % validation); a new dict, ``data``
    is not changed. Anything but a dict is returned as it is (the checks name it)."""
    if not isinstance(data, dict) or "validation_fraction" in data:
        return data
    return {**LEGACY_SHARES, **data}


def _data_source_of(d: dict) -> DataSource | None:
    """The scene's ``data_source``; a scene written before it existed kept an English sentence
    in ``extra.data_source``, parsed here once (other text, or none: None)."""
    if d.get("data_source") is not None:
        try:
            return DataSource.from_dict(d["data_source"])
        except ValueError as error:
            raise SceneError(f"data_source: {error}") from None
    extra = d.get("extra")
    if "data_source" not in d and isinstance(extra, dict) and isinstance(
            extra.get("data_source"), str):
        return DataSource.from_legacy_text(extra["data_source"])
    return None


def scene_from_dict(d: Any) -> tuple[Session, Any]:
    """Validate a decoded scene and build a new Session from it; returns ``(session, views)``.

    ``views`` is the stored ``views`` block (or None); ``d["extra"]`` is validated as plain JSON
    and can be read by the caller afterwards. Raises :class:`SceneError` (a ValueError) whose
    message starts with the offending field, e.g. ``"network.weights[1]: expected shape (1, 8),
    got (8, 8)"``; nothing is built until every field has been checked, and ``d`` is never
    modified.
    """
    d = as_dict(d, "scene", allowed=TOP_LEVEL_KEYS)
    version = as_int(require(d, "schema_version", ""), "schema_version", minimum=1)
    if version not in READABLE_VERSIONS:
        raise SceneError(f"schema_version: this app reads versions {READABLE_VERSIONS[0]} to "
                         f"{READABLE_VERSIONS[-1]}, the file has version {version}"
                         + (" (written by a newer app)" if version > SCHEMA_VERSION else ""))
    if "format" in d and d["format"] != SCENE_FORMAT:
        raise SceneError(f"format: expected {SCENE_FORMAT!r}, got {d['format']!r:.60}")
    network_d = as_dict(require(d, "network", ""), "network")
    data = check_settings(DataSettings, legacy_shares(require(d, "data", "")), "data")
    network = check_settings(NetworkSettings, network_d, "network", NETWORK_STATE_KEYS)
    training = check_settings(TrainingSettings, require(d, "training", ""), "training")
    if version == 1 and d.get("optimizer") is not None:
        training = legacy_training(d["optimizer"], training)
    points = check_points(d["points"], data) if d.get("points") is not None else None
    dim = points.dim if points is not None else GENERATORS[data.preset].dim
    class_names = check_names(d.get("class_names"), "class_names", None)
    feature_names = check_names(d.get("feature_names"), "feature_names", dim)
    if class_names is not None and points is not None and len(class_names) < points.n_classes:
        raise SceneError(f"class_names: {len(class_names)} names for {points.n_classes} classes")
    views = copy.deepcopy(checks.check_plain_json(d.get("views"), "views"))
    checks.check_plain_json(d.get("extra"), "extra")
    checks.check_plain_json(d.get("classroom"), "classroom", max_items=10_000)
    data_source = _data_source_of(d)

    sizes, output, loss = expected_layer_sizes(data, network, points)
    if "layer_sizes" in network_d:
        declared = network_d["layer_sizes"]
        if not isinstance(declared, list):
            raise SceneError(f"network.layer_sizes: expected a list, got "
                             f"{checks.type_name(declared)}")
        declared = tuple(as_int(s, f"network.layer_sizes[{i}]", minimum=1)
                         for i, s in enumerate(declared))
        if declared != sizes:
            raise SceneError(layer_sizes_mismatch(declared, sizes, data, network, points))
    for key, expected in (("output_activation", output), ("loss", loss)):
        if key in network_d and network_d[key] != expected:
            raise SceneError(head_mismatch(key, network_d[key], expected, points))
    has_weights = "weights" in network_d or "biases" in network_d
    params = check_parameters(network_d, sizes, network.batch_norm) if has_weights else None
    shapes = [p.shape for p in params] if params is not None else None
    has_trainer = "trainer" in d or "optimizer" in d
    if has_trainer:
        if params is None:
            raise SceneError("network.weights: missing required field (a scene with a trainer "
                             "state needs the weights)")
        optimizer = check_optimizer(require(d, "optimizer", ""), training, shapes, version)
        n_params = sum(p.size for p in params)
        trainer_state = check_trainer(require(d, "trainer", ""), n_params, len(sizes) - 1)
    if d.get("standardizer") is not None:
        std = as_dict(d["standardizer"], "standardizer", allowed=("mean", "std"))
        width = sizes[0]
        as_array(require(std, "mean", "standardizer"), "standardizer.mean", shape=(width,))
        spread = as_array(require(std, "std", "standardizer"), "standardizer.std", shape=(width,))
        if np.any(spread <= 0):
            raise SceneError("standardizer.std: every entry must be > 0")

    # Everything is checked: build.
    try:
        session = Session(data, network, training, points, class_names=class_names,
                          feature_names=feature_names, data_source=data_source)
    except (ValueError, TypeError) as error:
        raise SceneError(f"scene: {error}") from None
    trainer, net = session.trainer, session.net
    if tuple(net.layer_sizes) != sizes:  # defensive: the derivation above must agree
        raise SceneError(f"network.layer_sizes: the session built {list(net.layer_sizes)}, "
                         f"expected {list(sizes)}")
    if params is not None:
        flat = np.concatenate([p.ravel() for p in params])
        if not has_trainer:
            net.set_params(flat)
            trainer.params_changed()
        else:
            state = {"format": STATE_FORMAT, "version": STATE_VERSION, "loss": trainer.loss,
                     "layer_sizes": list(net.layer_sizes), "n_train": trainer.n_train,
                     "params": flat.tolist(), "optimizer": optimizer,
                     "batch_size": training.batch_size, "seed": training.seed,
                     "l1": training.l1, "l2": training.l2, "clip_norm": training.clip_norm,
                     **trainer_state}
            try:
                trainer.load_state_dict(state)
            except (ValueError, TypeError, KeyError) as error:
                raise SceneError(f"trainer: {error}") from None
    return session, views


# ---------------------------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------------------------
def save_scene(path: str | os.PathLike, d: dict, *, indent: int | None = None) -> None:
    """Write scene dict ``d`` to ``path`` atomically (compact JSON, or ``indent`` spaces).

    The JSON text is produced first (strict JSON, ``allow_nan=False``), written to a temporary
    file in the same folder, flushed and fsynced, then moved over ``path`` with ``os.replace``
    (atomic on POSIX and Windows). On any error the old file is left intact, the temporary file
    is removed and the exception propagates (OSError for disk problems, ValueError/TypeError
    for data that is not plain JSON).
    """
    text = json.dumps(d, ensure_ascii=False, allow_nan=False, indent=indent,
                      separators=(",", ": ") if indent is not None else (",", ":"))
    path = Path(path)
    folder = path.resolve().parent
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        try:
            mode = os.stat(path).st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            fd = -1  # now owned by the file object
            handle.write(text)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        with suppress(OSError):
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if fd >= 0:
            with suppress(OSError):
                os.close(fd)
        with suppress(OSError):
            os.unlink(temp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def load_scene(path: str | os.PathLike) -> dict:
    """Read a scene file into plain data (not yet validated: pass it to :func:`scene_from_dict`).

    Reads at most :data:`core.scene_validation.MAX_FILE_BYTES`, decodes UTF-8 (a byte-order mark
    is accepted) and parses with ``json.loads`` — never pickle or eval. Raises SceneError for a
    file that is too large, empty, not UTF-8 text, not JSON or not a JSON object; OSError if it
    cannot be read.
    """
    limit = checks.MAX_FILE_BYTES
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise SceneError(f"file: larger than {limit // (1024 * 1024)} MB; not a scene file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SceneError(f"file: not UTF-8 text (byte {error.start}); is it a scene "
                         f"file?") from None
    if not text.strip():
        raise SceneError("file: the file is empty")
    try:
        d = json.loads(text)
    except json.JSONDecodeError as error:
        at_end = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        hint = " (the file looks truncated)" if at_end else ""
        raise SceneError(f"file: not valid JSON: {error.msg} at line {error.lineno} column "
                         f"{error.colno}{hint}") from None
    except RecursionError:
        raise SceneError("file: JSON nested too deeply") from None
    if not isinstance(d, dict):
        raise SceneError(f"file: expected a JSON object at the top, got {checks.type_name(d)}")
    return d


def open_scene(path: str | os.PathLike) -> tuple[Session, Any]:
    """``scene_from_dict(load_scene(path))`` with the ``comparison`` section checked as well
    (:func:`core.scene_comparison.scene_and_comparison`, which the window's File ▸ Open uses):
    the CLI's ``--scene`` refuses exactly the files the window refuses, with the same
    SceneError. Returns (session, views); OSError if the file cannot be read."""
    from core.scene_comparison import scene_and_comparison

    session, views, _comparison = scene_and_comparison(load_scene(path))
    return session, views
