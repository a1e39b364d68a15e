"""Scene files: save → load → continue is bit-identical; bad files are refused with a message
naming the field and leave the current scene alone; saving is atomic."""

from __future__ import annotations

import copy
import json
import math
import os

import numpy as np
import pytest

from core import scene as scene_module
from core import scene_validation
from core.history import HISTORY_COLUMNS
from core.scene import (
    SCHEMA_VERSION,
    SceneError,
    load_scene,
    open_scene,
    save_scene,
    scene_from_dict,
    scene_to_dict,
)
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings


def _strict_json(text: str):
    """json.loads that refuses NaN/Infinity tokens (what other JSON readers do)."""
    def refuse(token):
        raise AssertionError(f"non-standard JSON token {token}")
    return json.loads(text, parse_constant=refuse)


def _session(kind: str) -> Session:
    if kind == "adam-minibatch-dropout":
        return Session(DataSettings(n_points=120, seed=2),
                       NetworkSettings(hidden_sizes=(6, 5), dropout=0.2, seed=4),
                       TrainingSettings(optimizer="adam", learning_rate=0.01, batch_size=16,
                                        seed=7))
    if kind == "momentum-regression":
        return Session(DataSettings(task="regression", preset="sine", n_points=60, seed=1,
                                    features=("x1",)),
                       NetworkSettings(hidden_sizes=(8,), activation="relu", init="he"),
                       TrainingSettings(optimizer="momentum", learning_rate=0.01))
    if kind == "rmsprop-3class-l2":
        return Session(DataSettings(preset="blobs", n_points=90, seed=3),
                       NetworkSettings(hidden_sizes=(7,), activation=("elu",)),
                       TrainingSettings(optimizer="rmsprop", learning_rate=0.003, batch_size=7,
                                        l2=0.01, l1=0.001, clip_norm=1.0, seed=5))
    raise ValueError(kind)


KINDS = ("adam-minibatch-dropout", "momentum-regression", "rmsprop-3class-l2")


def _continue(session: Session, steps: int) -> list[tuple]:
    records = []
    for _ in range(steps):
        r = session.trainer.step()
        records.append((r.train_loss, r.test_loss, r.train_accuracy, r.test_accuracy,
                        r.batch_loss))
    return records


def _same_floats(a, b) -> bool:
    """Bit-for-bit equality of nested sequences of floats (NaN equals NaN)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("kind", KINDS)
def test_save_load_continue_gives_bit_identical_losses(tmp_path, kind):
    original = _session(kind)
    _continue(original, 23)  # mid-epoch for the mini-batch runs
    path = tmp_path / "scene.json"
    save_scene(path, scene_to_dict(original))
    loaded, _ = open_scene(path)
    never_saved = _continue(original, 40)
    after_load = _continue(loaded, 40)
    assert _same_floats(never_saved, after_load)
    assert _same_floats(original.net.get_params(), loaded.net.get_params())
    assert original.trainer.optimizer.t == loaded.trainer.optimizer.t
    for key, values in original.trainer.history.arrays().items():
        assert _same_floats(values, loaded.trainer.history.arrays()[key]), key
    assert loaded.trainer.step_count == original.trainer.step_count == 63
    assert loaded.trainer.epoch_count == original.trainer.epoch_count


def test_scene_saved_mid_step_continues_from_the_start_of_that_step(tmp_path):
    original = _session("adam-minibatch-dropout")
    _continue(original, 5)
    original.trainer.forward()  # draws a batch and dropout masks
    d = scene_to_dict(original)
    loaded, _ = scene_from_dict(json.loads(json.dumps(d)))
    assert loaded.trainer.phase == "ready"
    assert _same_floats(_continue(original, 10), _continue(loaded, 10))


def test_adam_state_round_trips_exactly():
    original = _session("adam-minibatch-dropout")
    _continue(original, 9)
    loaded, _ = scene_from_dict(json.loads(json.dumps(scene_to_dict(original))))
    a = original.trainer.optimizer.state_dict()
    b = loaded.trainer.optimizer.state_dict()
    assert a["t"] == b["t"] == 9
    for key in ("m", "v"):
        for x, y in zip(a["state"][key], b["state"][key], strict=True):
            assert _same_floats(x, y)


def test_scene_file_is_strict_json_with_the_documented_sections(tmp_path):
    session = _session("momentum-regression")  # regression: NaN accuracies in the history
    _continue(session, 3)
    path = tmp_path / "s.json"
    save_scene(path, scene_to_dict(session, views={"open": ["canvas", "loss_curve"]},
                                   extra={"selected_sample": 4}))
    d = _strict_json(path.read_text(encoding="utf-8"))
    assert d["schema_version"] == SCHEMA_VERSION
    for key in ("data", "network", "training", "points", "standardizer", "optimizer",
                "trainer", "views", "extra"):
        assert key in d
    assert d["network"]["layer_sizes"] == [1, 8, 1]
    assert np.asarray(d["network"]["weights"][0]).shape == (8, 1)
    assert d["trainer"]["history"]["values"][0][2] == "NaN"  # accuracy of a regression
    assert len(d["points"]["train"]) == 60
    _, views = open_scene(path)
    assert views == {"open": ["canvas", "loss_curve"]}


def test_diverged_trainer_round_trips_with_its_divergence(tmp_path):
    session = Session(DataSettings(task="regression", preset="line", n_points=30,
                                   features=("x1",), standardize=False),
                      NetworkSettings(hidden_sizes=(), init="zeros"),
                      TrainingSettings(learning_rate=1.0))
    for _ in range(2000):
        try:
            session.trainer.step()
        except RuntimeError:
            break
    assert session.trainer.divergence is not None
    path = tmp_path / "d.json"
    save_scene(path, scene_to_dict(session))
    loaded, _ = open_scene(path)
    assert loaded.trainer.divergence == session.trainer.divergence
    assert _same_floats(loaded.net.get_params(), session.net.get_params())
    assert all(math.isfinite(v) for v in loaded.net.get_params())


def test_template_scene_without_state_starts_from_the_seeds():
    d = {"schema_version": 1, "data": {"preset": "xor", "n_points": 50},
         "network": {"hidden_sizes": [3], "seed": 5}, "training": {"learning_rate": 0.1}}
    session, views = scene_from_dict(d)
    reference = Session(DataSettings(preset="xor", n_points=50),
                        NetworkSettings(hidden_sizes=(3,), seed=5),
                        TrainingSettings(learning_rate=0.1))
    assert views is None
    assert session.trainer.step_count == 0
    assert _same_floats(session.net.get_params(), reference.net.get_params())
    assert _same_floats(session.points.X, reference.points.X)


def test_scene_with_weights_but_no_trainer_uses_those_weights():
    weights = [[[0.5, -0.25]]]
    d = {"schema_version": 1, "data": {"preset": "linear", "n_points": 20},
         "network": {"hidden_sizes": [], "layer_sizes": [2, 1], "weights": weights,
                     "biases": [[0.125]]}, "training": {}}
    session, _ = scene_from_dict(d)
    assert session.net.weights[0].tolist() == weights[0]
    assert session.net.biases[0].tolist() == [0.125]


def test_byte_order_mark_is_accepted(tmp_path):
    session = _session("momentum-regression")
    path = tmp_path / "bom.json"
    text = json.dumps(scene_to_dict(session))
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    loaded, _ = open_scene(path)
    assert _same_floats(loaded.net.get_params(), session.net.get_params())


# ---------------------------------------------------------------------------------------------
# malformed files
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def good_scene() -> dict:
    session = Session(DataSettings(n_points=40), NetworkSettings(hidden_sizes=(8,)),
                      TrainingSettings(optimizer="adam", batch_size=8))
    _continue(session, 6)
    return scene_to_dict(session, views={"open": ["canvas"]})


def _edit(path_and_value):
    """A mutation setting d[a][b]… = value (or deleting it when value is _DELETE)."""
    *keys, value = path_and_value

    def mutate(d):
        target = d
        for key in keys[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
        return d
    return mutate


_DELETE = object()


def _nested(depth: int):
    value = [1]
    for _ in range(depth):
        value = [value]
    return value

BAD_TEXT = [  # (id, raw bytes, expected words in the message)
    ("empty file", b"", "empty"),
    ("only whitespace", b"  \n\t ", "empty"),
    ("not JSON", b"this is not a scene", "not valid JSON"),
    ("binary garbage", bytes(range(128, 256)) * 4, "not UTF-8"),
    ("top-level list", b"[1, 2, 3]", "expected a JSON object"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "JSON"),
]

BAD_EDITS = [  # (id, mutation, expected words in the message)
    ("newer version", _edit(("schema_version", 3)),
     "schema_version: this app reads versions 1 to 2, the file has version 3 (written by a "
     "newer app)"),
    ("version as text", _edit(("schema_version", "1")), "schema_version: expected an integer"),
    ("missing version", _edit(("schema_version", _DELETE)), "schema_version: missing"),
    ("missing network", _edit(("network", _DELETE)), "network: missing"),
    ("missing labels", _edit(("points", "y", _DELETE)), "points.y: missing"),
    ("missing history", _edit(("trainer", "history", _DELETE)), "trainer.history: missing"),
    ("points X is text", _edit(("points", "X", "abc")), "points.X: expected a 2-D list"),
    ("learning rate is text", _edit(("training", "learning_rate", "fast")),
     "training: Learning rate must be a number"),
    ("train flags as 0/1", _edit(("points", "train", 0, 1)),
     "points.train[0]: expected true or false"),
    ("ragged points", _edit(("points", "X", 3, [1.0])), "points.X[3]: ragged"),
    ("wrong weight shape", _edit(("network", "weights", 1, [[0.0] * 8] * 8)),
     "network.weights[1]: expected shape (1, 8), got (8, 8)"),
    ("NaN weight", _edit(("network", "weights", 0, 0, 0, float("nan"))),
     "network.weights[0][0][0]: expected a finite number, got nan"),
    ("infinite bias", _edit(("network", "biases", 0, 2, float("inf"))),
     "network.biases[0][2]: expected a finite number, got inf"),
    ("weight as text", _edit(("network", "weights", 0, 1, 1, "0.5")),
     "network.weights[0][1][1]: expected a number, got a string"),
    ("unknown activation", _edit(("network", "activation", "swoosh")),
     "network: Activation must be one of"),
    ("unknown optimizer setting", _edit(("training", "optimizer", "adamw")),
     "training: Optimizer must be one of"),
    ("optimizer name twice", _edit(("optimizer", "name", "adam")),
     "optimizer: unknown field 'name'"),
    ("negative hidden size", _edit(("network", "hidden_sizes", [-3])),
     "network: Hidden layer sizes entry 1 must be between 1 and 16, got -3"),
    ("negative layer size", _edit(("network", "layer_sizes", [2, -3, 1])),
     "network.layer_sizes[1]: must be at least 1, got -3"),
    ("zero hidden size", _edit(("network", "hidden_sizes", [0])),
     "network: Hidden layer sizes entry 1 must be between 1 and 16, got 0"),
    ("label out of range", _edit(("points", "y", 0, 9)),
     "points.y[0]: class label 9 is outside 0..7"),
    ("fractional label", _edit(("points", "y", 1, 0.5)),
     "points.y[1]: expected an integer"),
    ("optimizer buffer shape", _edit(("optimizer", "state", "m", 0, [[0.0, 0.0]])),
     "optimizer.state.m[0]: expected shape (8, 2), got (1, 2)"),
    ("learning rate twice", _edit(("optimizer", "learning_rate", 0.5)),
     "optimizer: unknown field 'learning_rate'"),
    ("history too short", _edit(("trainer", "history", "length", 2)),
     "trainer.history.length: 2 entries for 6 steps"),
    ("foreign generator", _edit(("trainer", "net_rng", "bit_generator", "MT19937")),
     "trainer.net_rng.bit_generator: unknown value 'MT19937'"),
    ("unknown top-level field", _edit(("colour", "red")), "unknown field 'colour'"),
    ("task mismatch", _edit(("points", "task", "regression")),
     "points.task: 'regression' does not match data.task 'classification'"),
    ("layer sizes disagree", _edit(("network", "layer_sizes", [2, 8, 2])),
     "network.layer_sizes: [2, 8, 2] does not match"),
    ("views nested too deeply", _edit(("views", _nested(40))), "views: nested too deeply"),
    ("a label the network has no output for", _edit(("points", "y", 3, 2)),
     "points.y: the labels give 3 classes (the largest, points.y[3], is 2), which need 3 "
     "output(s), but network.layer_sizes [2, 8, 1] ends with 1 (a network for 2 classes)"),
    ("a label the output activation does not fit",
     lambda d: _edit(("points", "y", 3, 2))(_edit(("network", "layer_sizes", _DELETE))(d)),
     "points.y: the labels give 3 classes (the largest, points.y[3], is 2), which need "
     "network.output_activation 'softmax', but the file has 'sigmoid'"),
    ("features the network has no inputs for", _edit(("data", "features", ["x1", "x2", "x1^2"])),
     "data.features: the features ['x1', 'x2', 'x1^2'] of the 2-D points give 3 input(s), but "
     "network.layer_sizes [2, 8, 1] starts with 2"),
]


def _check_refused(path, expected: str, good_path) -> None:
    current, _ = open_scene(good_path)
    before = current.net.get_params().copy(), current.trainer.step_count
    with pytest.raises(SceneError) as info:
        open_scene(path)
    message = str(info.value)
    assert expected in message, message
    assert "\n" not in message
    assert _same_floats(current.net.get_params(), before[0])
    assert current.trainer.step_count == before[1]
    _continue(current, 1)  # the current scene still works


@pytest.fixture()
def good_path(tmp_path, good_scene):
    path = tmp_path / "good.json"
    save_scene(path, good_scene)
    return path


@pytest.mark.parametrize("name, raw, expected", BAD_TEXT, ids=[c[0] for c in BAD_TEXT])
def test_unreadable_scene_file_is_refused_with_a_clear_message(tmp_path, good_path, name, raw,
                                                              expected):
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    _check_refused(path, expected, good_path)


@pytest.mark.parametrize("name, mutate, expected", BAD_EDITS, ids=[c[0] for c in BAD_EDITS])
def test_malformed_scene_is_refused_naming_the_field(tmp_path, good_path, good_scene, name,
                                                     mutate, expected):
    path = tmp_path / "bad.json"
    d = mutate(copy.deepcopy(good_scene))
    path.write_text(json.dumps(d), encoding="utf-8")  # NaN/inf as JSON tokens on purpose
    _check_refused(path, expected, good_path)


def test_truncated_scene_file_says_it_looks_truncated(tmp_path, good_path):
    path = tmp_path / "cut.json"
    text = good_path.read_bytes()
    path.write_bytes(text[: len(text) // 2])
    _check_refused(path, "truncated", good_path)


def test_a_million_and_one_points_are_refused_before_building(tmp_path, good_path, good_scene):
    d = copy.deepcopy(good_scene)
    d["points"]["X"] = "HUGE"
    n = scene_validation.MAX_POINTS + 1
    text = json.dumps(d).replace('"HUGE"', "[" + ",".join(["[0,0]"] * n) + "]")
    path = tmp_path / "huge.json"
    path.write_text(text, encoding="utf-8")
    _check_refused(path, "points.X: too many points (1,000,001; the limit is 1,000,000)",
                   good_path)


def test_too_many_numbers_in_one_array_are_refused():
    with pytest.raises(SceneError, match=r"x: too many numbers \(12; the limit is 10\)"):
        scene_validation.as_array([[0.0] * 4] * 3, "x", ndim=2, max_numbers=10)


def test_oversized_file_is_refused_without_parsing(tmp_path, good_path, monkeypatch):
    current, _ = open_scene(good_path)
    before = current.net.get_params().copy()
    monkeypatch.setattr(scene_validation, "MAX_FILE_BYTES", 1024)
    with pytest.raises(SceneError, match="file: larger than"):
        load_scene(good_path)
    assert _same_floats(current.net.get_params(), before)


def test_scene_dict_given_to_scene_from_dict_is_not_modified(good_scene):
    d = copy.deepcopy(good_scene)
    scene_from_dict(d)
    assert d == good_scene


# ---------------------------------------------------------------------------------------------
# atomic save
# ---------------------------------------------------------------------------------------------
def _folder_state(folder):
    return sorted(p.name for p in folder.iterdir())


class _DiskFullFile:
    """A text file whose write stores half of the text and then fails, like a full disk."""

    def __init__(self, handle):
        self._handle = handle

    def write(self, text):
        self._handle.write(text[: len(text) // 2])
        self._handle.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._handle.close()
        return False


@pytest.mark.parametrize("failure", ["write", "fsync", "replace", "interrupt"])
def test_interrupted_save_leaves_the_old_file_intact_and_no_temp_file(tmp_path, good_scene,
                                                                      monkeypatch, failure):
    path = tmp_path / "scene.json"
    save_scene(path, good_scene)
    old_bytes = path.read_bytes()
    newer = copy.deepcopy(good_scene)
    newer["extra"] = {"note": "a newer scene"}
    if failure == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(scene_module.os, "fdopen",
                            lambda *a, **k: _DiskFullFile(real_fdopen(*a, **k)))
        error = OSError
    elif failure == "fsync":
        def fail_fsync(fd):
            raise OSError(5, "Input/output error")
        monkeypatch.setattr(scene_module.os, "fsync", fail_fsync)
        error = OSError
    elif failure == "replace":
        def fail_replace(src, dst):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(scene_module.os, "replace", fail_replace)
        error = PermissionError
    else:
        def interrupt(src, dst):
            raise KeyboardInterrupt
        monkeypatch.setattr(scene_module.os, "replace", interrupt)
        error = KeyboardInterrupt
    with pytest.raises(error):
        save_scene(path, newer)
    assert path.read_bytes() == old_bytes
    assert _folder_state(tmp_path) == ["scene.json"]
    monkeypatch.undo()
    save_scene(path, newer)  # and a later save works
    assert load_scene(path)["extra"] == {"note": "a newer scene"}


def test_unserializable_scene_is_refused_before_touching_the_file(tmp_path, good_scene):
    path = tmp_path / "scene.json"
    save_scene(path, good_scene)
    old_bytes = path.read_bytes()
    bad = copy.deepcopy(good_scene)
    bad["extra"] = {"x": float("nan")}
    with pytest.raises(ValueError):
        save_scene(path, bad)
    assert path.read_bytes() == old_bytes
    assert _folder_state(tmp_path) == ["scene.json"]


def test_save_keeps_the_permissions_of_the_file_it_replaces(tmp_path, good_scene):
    path = tmp_path / "scene.json"
    save_scene(path, good_scene)
    os.chmod(path, 0o640)
    save_scene(path, good_scene)
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_scene_to_dict_refuses_views_that_are_not_plain_data():
    with pytest.raises(TypeError):
        scene_to_dict(_session("momentum-regression"), views={"widget": object()})


def test_scene_saved_before_the_history_held_the_current_step_still_loads():
    """Older files: the history covers steps 0..step_count − 1 and has no penalty column."""
    original = _session("rmsprop-3class-l2")
    _continue(original, 9)
    d = scene_to_dict(original)
    history = d["trainer"]["history"]
    assert history["length"] == 10 and len(history["values"][0]) == len(HISTORY_COLUMNS)
    history["length"], history["steps"] = 9, history["steps"][:-1]
    history["values"] = [row[:4] for row in history["values"][:-1]]
    loaded, _extras = scene_from_dict(json.loads(json.dumps(d)))
    rows, expected = loaded.trainer.history.arrays(), original.trainer.history.arrays()
    assert loaded.trainer.history.last_step == 9 and np.array_equal(rows["step"], np.arange(10))
    assert np.isnan(rows["penalty"][:-1]).all()  # not recorded by the old file
    for key in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        assert _same_floats(rows[key], expected[key]), key
    assert rows["penalty"][-1] == expected["penalty"][-1]  # the current row is measured


# -- the scene format is the one plain-data form of a Session (moved from Session.to_dict) ----
def test_scene_dict_round_trip_rebuilds_the_same_session():
    session = Session(DataSettings(preset="moons", n_points=60),
                      NetworkSettings(hidden_sizes=(5,)),
                      TrainingSettings(optimizer="momentum", batch_size=8))
    session.points.add([0.5, 0.5], 1)
    session.points_changed()
    plain = json.loads(json.dumps(scene_to_dict(session)))
    loaded, _views = scene_from_dict(plain)
    assert (loaded.data, loaded.network, loaded.training) == (
        session.data, session.network, session.training)
    assert np.array_equal(loaded.points.X, session.points.X)
    assert np.array_equal(loaded.points.y, session.points.y)
    assert loaded.class_names == session.class_names
    assert loaded.feature_names == session.feature_names
    assert np.array_equal(loaded.net.get_params(), session.net.get_params())


def test_scene_dict_with_trainer_state_continues_bit_identically():
    session = Session(DataSettings(preset="xor", n_points=100),
                      training=TrainingSettings(optimizer="adam", learning_rate=0.01,
                                                batch_size=10))
    for _ in range(17):
        session.trainer.step()
    plain = json.loads(json.dumps(scene_to_dict(session)))
    expected = [session.trainer.step().train_loss for _ in range(20)]
    loaded, _views = scene_from_dict(plain)
    assert loaded.trainer.step_count == 17
    assert [loaded.trainer.step().train_loss for _ in range(20)] == expected


def test_scene_dict_rejects_unknown_keys_and_bad_settings():
    plain = scene_to_dict(Session(DataSettings(preset="circle", n_points=40)))
    with pytest.raises(SceneError):
        scene_from_dict({**plain, "colour": "red"})
    bad = copy.deepcopy(plain)
    bad["training"]["learning_rate"] = 0
    with pytest.raises(SceneError, match="Learning rate"):
        scene_from_dict(bad)
