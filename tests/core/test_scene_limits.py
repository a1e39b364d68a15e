"""Scene files with absurd numbers are refused with a message naming the field (and what to
do), before any arithmetic can overflow; numbers the app itself can save still open."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from core.data_types import MAX_FEATURE_MAGNITUDE
from core.divergence import MAX_PARAMETER_ABS, PARAMETER_LIMIT
from core.scene import SceneError, open_scene, save_scene, scene_from_dict, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings


def _scene(task: str = "classification") -> dict:
    if task == "regression":
        session = Session(DataSettings(task="regression", preset="sine", n_points=30, seed=1,
                                       features=("x1",)), NetworkSettings(hidden_sizes=(4,)))
    else:
        session = Session(DataSettings(preset="xor", n_points=40, seed=0),
                          NetworkSettings(hidden_sizes=(4,)))
    session.trainer.step()  # with a trainer state (initial_params, history)
    return scene_to_dict(session)


def _refused(scene: dict) -> str:
    """The SceneError message of ``scene``; any warning (NumPy overflow…) fails the test."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(SceneError) as error:
            scene_from_dict(scene)
    return str(error.value)


@pytest.mark.parametrize("field", ["weights", "biases"])
def test_a_parameter_beyond_the_divergence_limit_is_refused_naming_it(field):
    scene = _scene()
    block = scene["network"][field][1]
    if field == "weights":
        block[0][2] = 1e300
        where = "network.weights[1][0][2]"
    else:
        block[0] = -1e11
        where = "network.biases[1][0]"
    message = _refused(scene)
    assert message.startswith(f"{where}: ")
    assert f"±{PARAMETER_LIMIT:g}" in message and "correct the number" in message


def test_trainer_initial_parameters_beyond_the_limit_are_refused():
    scene = _scene()
    scene["trainer"]["initial_params"][3] = 1e200
    assert _refused(scene).startswith("trainer.initial_params[3]: 1e+200 is beyond")


def test_a_parameter_at_the_limit_opens():
    scene = _scene()
    scene["network"]["weights"][0][0][0] = PARAMETER_LIMIT
    session, _ = scene_from_dict(scene)
    assert session.net.weights[0][0, 0] == PARAMETER_LIMIT


def test_weights_training_left_beyond_the_hand_edit_cap_still_open(tmp_path):
    """Training (η = 100, ReLU) takes a weight past the hand editor's ±1e6 without diverging:
    the app must open the file it saved, so scene files are held to PARAMETER_LIMIT."""
    session = Session(DataSettings(preset="xor", n_points=60, seed=0),
                      NetworkSettings(hidden_sizes=(4,), activation="relu"),
                      TrainingSettings(learning_rate=100.0))
    for _ in range(300):
        session.trainer.step()
    largest = max(float(np.abs(p).max()) for p in session.net.parameters())
    assert session.trainer.divergence is None and largest > MAX_PARAMETER_ABS
    save_scene(tmp_path / "big.json", scene_to_dict(session))
    loaded, _ = open_scene(tmp_path / "big.json")
    assert max(float(np.abs(p).max()) for p in loaded.net.parameters()) == largest


def test_a_feature_beyond_the_csv_limit_is_refused_without_overflow_warnings():
    scene = _scene()
    scene["points"]["X"][0][0] = 1e308
    message = _refused(scene)
    assert message.startswith("points.X[0][0]: 1e+308 is beyond ")
    assert f"±{MAX_FEATURE_MAGNITUDE:g}" in message and "rescale that column" in message


def test_a_regression_target_beyond_the_limit_is_refused():
    scene = _scene("regression")
    scene["points"]["y"][5] = -1e300
    assert _refused(scene).startswith("points.y[5]: -1e+300 is beyond ")


def test_a_feature_at_the_limit_opens():
    scene = _scene()
    scene["points"]["X"][0][0] = MAX_FEATURE_MAGNITUDE
    scene.pop("trainer")  # the history was measured on the old points
    scene.pop("optimizer", None)
    session, _ = scene_from_dict(scene)
    assert session.points.X[0, 0] == MAX_FEATURE_MAGNITUDE
