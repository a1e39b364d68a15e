"""A/B runs (core.comparison): run B starts where run A starts, differs only in the settings it
was given, and bad keys or values are refused with codes."""

from __future__ import annotations

import numpy as np
import pytest

from core.comparison import (
    Comparison,
    ComparisonError,
    make_run_b,
    parse_changes,
    setting_key,
    settings_that_differ,
)
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import BATCH_NORM_BATCH_OF_ONE
from tests.nested_equal import assert_same


def _session(**training) -> Session:
    return Session(DataSettings(preset="spiral", n_points=80, seed=1),
                   NetworkSettings(hidden_sizes=(6, 4), dropout=0.2, seed=5),
                   TrainingSettings(**{"batch_size": 8, **training}))


def _record(session) -> dict:
    trainer = session.trainer
    return {"history": trainer.history.arrays(), "norms": trainer.grad_norm_history.arrays(),
            "params": trainer.net.get_params(), "step": trainer.step_count,
            "epoch": trainer.epoch_count}


def test_with_nothing_changed_b_trains_bit_for_bit_as_a_from_a_s_step_0():
    a = _session(optimizer="adam")
    a.trainer.step()
    a.trainer.step()  # A has trained: the comparison starts both again at step 0
    comparison = Comparison.start(a, {})
    assert a.trainer.step_count == comparison.b.trainer.step_count == 0
    assert comparison.step(25) == (25, 25)
    assert_same(_record(comparison.a), _record(comparison.b))
    assert comparison.differences() == []
    fresh = _session(optimizer="adam")
    fresh.trainer.step()
    assert comparison.a.trainer.history.arrays()["train_loss"][1] \
        == fresh.trainer.history.arrays()["train_loss"][1]


def test_b_has_a_s_points_split_initial_weights_and_batch_order():
    a = _session()
    b = make_run_b(a, {"learning_rate": 0.3})
    assert np.array_equal(a.points.X, b.points.X)
    assert np.array_equal(a.points.split, b.points.split)
    assert np.array_equal(a.net.get_params(), b.net.get_params())
    a.trainer.forward()
    b.trainer.forward()
    assert np.array_equal(a.trainer.batch_indices, b.trainer.batch_indices)
    assert a.trainer.learning_rate == 0.03 and b.trainer.learning_rate == 0.3


def test_the_differ_list_names_each_changed_setting_with_both_values():
    a = _session()
    b = make_run_b(a, {"activation": "relu", "training.learning_rate": 0.3,
                       "network.seed": 9})
    assert settings_that_differ(a, b) == [("network.activation", "tanh", "relu"),
                                          ("network.seed", 5, 9),
                                          ("training.learning_rate", 0.03, 0.3)]


def test_same_architecture_shares_a_s_initial_weights_even_hand_set_ones():
    a = _session()
    params = a.net.get_params()
    params[0] = 0.75  # a hand-set weight (a lesson, the inspector)
    a.net.set_params(params)
    a.trainer = type(a.trainer)(a.net, a.loss, a.X_train, a.y_train, a.X_test, a.y_test,
                                X_validation=a.X_validation, y_validation=a.y_validation,
                                settings=a.training)
    b = make_run_b(a, {"activation": "relu"})
    assert np.array_equal(b.trainer.initial_network_state()[0], params)
    b.trainer.step()
    b.reset()
    assert np.array_equal(b.net.get_params(), params)


def test_a_different_architecture_gives_b_its_own_weights_from_the_same_seed():
    a = _session()
    b = make_run_b(a, {"hidden_sizes": (3,)})
    assert b.net.layer_sizes == (2, 3, 1)
    assert b.network.seed == a.network.seed
    expected = Session(a.data, a.network.updated(hidden_sizes=(3,)), a.training, a.points)
    assert np.array_equal(b.net.get_params(), expected.net.get_params())
    assert settings_that_differ(a, b) == [("network.hidden_sizes", (6, 4), (3,))]
    assert a.net.layer_sizes == (2, 6, 4, 1)  # A untouched
    comparison = Comparison(a, b)
    assert comparison.step(3) == (3, 3)


def test_b_changes_only_b():
    a = _session()
    before = a.net.get_params()
    make_run_b(a, {"optimizer": "sgd", "batch_norm": True, "features": ("x1", "x2", "x1*x2")})
    assert np.array_equal(a.net.get_params(), before)
    assert not a.network.batch_norm and a.data.features == ("x1", "x2")


@pytest.mark.parametrize(("changes", "code"), [
    ({"no_such_setting": 1}, "unknown_setting"),
    ({"seed": 1}, "ambiguous_setting"),
    ({"noise": 0.3}, "changes_points"),
    ({"data.seed": 3}, "changes_points"),
    ({"learning_rate": 1000.0}, "invalid_value"),
    ({"activation": "swish-ish"}, "invalid_value"),
    ({"hidden_sizes": (4, 99)}, "invalid_value"),
    ({"batch_norm": True, "batch_size": 1}, "refused"),
])
def test_bad_keys_and_values_are_refused_with_a_code_and_a_changes_nothing(changes, code):
    a = _session()
    before = a.net.get_params()
    with pytest.raises(ComparisonError) as caught:
        Comparison.start(a, changes)
    assert caught.value.code == code
    assert "\n" not in str(caught.value)
    assert np.array_equal(a.net.get_params(), before)
    if code == "refused":
        assert caught.value.values["reason_code"] == BATCH_NORM_BATCH_OF_ONE


def test_text_values_are_converted_by_the_setting_kind():
    assert parse_changes({"learning_rate": "0.3",
                          "hidden_sizes": "4/4", "network.activation": "relu/tanh",
                          "batch_norm": "on", "loss_override": "none",
                          "training.seed": "7"}) == {
        "network.activation": ("relu", "tanh"),
        "training.learning_rate": 0.3, "network.hidden_sizes": (4, 4),
        "network.batch_norm": True, "network.loss_override": None, "training.seed": 7}
    for texts in ({"learning_rate": "fast"}, {"hidden_sizes": "4/x"}, {"batch_norm": "maybe"}):
        with pytest.raises(ComparisonError) as caught:
            parse_changes(texts)
        assert caught.value.code == "invalid_value"
    assert setting_key("learning_rate") == "training.learning_rate"


def test_a_diverging_run_stops_while_the_other_goes_on():
    a = Session(DataSettings(task="regression", preset="sine", n_points=80),
                NetworkSettings(hidden_sizes=(6,), activation="relu"))
    comparison = Comparison.start(a, {"learning_rate": 100.0})
    taken_a, taken_b = comparison.step(50)
    assert taken_a == 50 and taken_b < 50
    assert comparison.a.trainer.divergence is None
    assert comparison.b.trainer.divergence is not None
    assert comparison.step(5) == (5, 0)
    comparison.reset()
    assert comparison.a.trainer.step_count == comparison.b.trainer.step_count == 0
    assert comparison.b.trainer.divergence is None


def test_a_scene_holds_both_runs_and_both_continue_bit_for_bit(tmp_path):
    from core.scene import load_scene, save_scene, scene_from_dict, scene_to_dict
    from core.scene_comparison import comparison_from_scene, comparison_section

    comparison = Comparison.start(_session(), {"activation": "relu", "hidden_sizes": (5,)})
    comparison.step(6)
    path = tmp_path / "ab.json"
    save_scene(path, scene_to_dict(comparison.a, comparison=comparison_section(comparison)))
    d = load_scene(path)
    a, _views = scene_from_dict(d)
    loaded = comparison_from_scene(d, a)
    assert loaded.a is a and loaded.changes == comparison.changes
    comparison.step(4)
    loaded.step(4)
    for before, after in zip(comparison.runs, loaded.runs, strict=True):
        assert_same(_record(before), _record(after))
    plain = scene_to_dict(_session())  # a file without the section: no comparison
    assert comparison_from_scene(plain, scene_from_dict(plain)[0]) is None


def test_a_bad_comparison_section_is_a_scene_error_naming_the_field():
    from core.scene import scene_from_dict, scene_to_dict
    from core.scene_comparison import comparison_from_scene, comparison_section
    from core.scene_validation import SceneError

    comparison = Comparison.start(_session(), {"learning_rate": 0.1})
    d = scene_to_dict(comparison.a, comparison=comparison_section(comparison))
    a = scene_from_dict(d)[0]
    bad_key = {**d, "comparison": {**d["comparison"], "changes": {"noise": 0.3}}}
    other_points = scene_to_dict(Session(DataSettings(preset="spiral", n_points=80, seed=2),
                                         NetworkSettings(hidden_sizes=(6, 4), seed=5)))
    moved = {**d, "comparison": {**d["comparison"], "b": other_points}}
    broken = {**d, "comparison": {**d["comparison"], "b": {**d["comparison"]["b"],
                                                           "network": "x"}}}
    # hand-edited changes that run B does not have (the table showed B's real settings)
    banana = {**d, "comparison": {**d["comparison"],
                                  "changes": {"network.activation": "banana"}}}
    other_rate = {**d, "comparison": {**d["comparison"], "changes": {"learning_rate": 0.5}}}
    for scene, where in ((bad_key, "comparison.changes.noise"),
                         (moved, "comparison.b.points"), (broken, "comparison.b.network"),
                         (banana, "comparison.changes.network.activation"),
                         (other_rate, "comparison.changes.training.learning_rate")):
        with pytest.raises(SceneError) as caught:
            comparison_from_scene(scene, a)
        assert str(caught.value).startswith(where)


def test_an_invalid_value_carries_the_setting_and_the_declaration_s_code():
    with pytest.raises(ComparisonError) as caught:
        Comparison.start(_session(), {"hidden_sizes": (4, 99)})
    values = caught.value.values
    assert values["setting"] == "network.hidden_sizes" and values["entry"] == 2
    assert values["reason_code"] == "out_of_range"
    assert (values["reason_values"]["minimum"], values["reason_values"]["maximum"]) == (1, 16)
    assert values["settings"] == ("network.hidden_sizes",)
    with pytest.raises(ComparisonError) as caught:
        parse_changes({"learning_rate": "fast"})
    assert caught.value.values["reason_code"] == "not_number"
    assert caught.value.values["setting"] == "training.learning_rate"


def test_the_command_line_refuses_a_bad_comparison_section_as_the_window_does(tmp_path):
    """One owner (core.scene_comparison.scene_and_comparison) decides for File ▸ Open and for
    ``--scene``: a malformed section refuses the whole file, with the same message, and no
    summary is written."""
    from core.headless import run_headless
    from core.scene import load_scene, save_scene, scene_to_dict
    from core.scene_comparison import comparison_section, scene_and_comparison
    from core.scene_validation import SceneError

    comparison = Comparison.start(_session(), {"hidden_sizes": (4,)})
    d = scene_to_dict(comparison.a, comparison=comparison_section(comparison))
    d["comparison"]["changes"] = {"network.hidden_sizes": "x"}
    save_scene(tmp_path / "bad.json", d)
    with pytest.raises(SceneError) as window:  # what the window's File ▸ Open reads with
        scene_and_comparison(load_scene(tmp_path / "bad.json"))
    assert str(window.value).startswith("comparison.changes.network.hidden_sizes: ")
    with pytest.raises(SceneError) as headless:
        run_headless(scene_path=tmp_path / "bad.json", steps=3, export_dir=tmp_path / "out")
    assert str(headless.value) == str(window.value)
    assert not (tmp_path / "out" / "summary.json").exists()
