"""η and every training hyperparameter have one owner: the Trainer's ``settings``.

The Session reads them from there (``session.training is session.trainer.settings``), the
optimizer's ``lr``/``hyper`` follow them, and a scene file stores them once (``training``).
Scenes of schema version 1 stored η and the optimizer's hyperparameters twice; they still load,
and where the copies disagree the optimizer's wins (it trained the saved weights).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np
import pytest

from core.network import MLP
from core.scene import SCHEMA_VERSION, SceneError, open_scene, scene_from_dict, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from tests.core.test_training import MID_RUN_CHANGES
from core.training import Trainer
from tests.core.stored_results import assert_matches_stored

FIXTURES = Path(__file__).parent / "fixtures"


def _session(**training) -> Session:
    return Session(DataSettings(preset="xor", n_points=40, seed=3),
                   NetworkSettings(hidden_sizes=(3,), seed=2), TrainingSettings(**training))


def _assert_one_copy(trainer: Trainer) -> None:
    settings, optimizer = trainer.settings, trainer.optimizer
    assert optimizer.name == settings.optimizer
    assert optimizer.lr == settings.learning_rate == trainer.learning_rate
    assert optimizer.hyper == settings.optimizer_hyper()
    assert (trainer.l1, trainer.l2, trainer.clip_norm, trainer.seed) == (
        settings.l1, settings.l2, settings.clip_norm, settings.seed)


def test_the_session_reads_the_trainers_settings_not_a_copy():
    session = _session(learning_rate=0.1)
    assert session.training is session.trainer.settings
    session.trainer.set_learning_rate(0.2)  # e.g. a lesson or a test acting on the trainer
    assert session.training.learning_rate == 0.2
    session.set_training_settings(optimizer="momentum", momentum=0.5, l2=0.01)
    assert session.training is session.trainer.settings
    assert (session.training.optimizer, session.training.momentum) == ("momentum", 0.5)
    _assert_one_copy(session.trainer)


def test_a_rebuilt_network_keeps_the_training_settings():
    session = _session(learning_rate=0.07, optimizer="rmsprop", rmsprop_alpha=0.9)
    settings = session.training
    session.set_network_settings(hidden_sizes=(4, 2))
    assert session.training == settings
    _assert_one_copy(session.trainer)


@pytest.mark.parametrize("change", [
    *MID_RUN_CHANGES,
    lambda t: t.update_settings(optimizer="nesterov", momentum=0.7, learning_rate=0.01),
    lambda t: (t.step(), t.rewind(1)),
    lambda t: (t.step(), t.reset()),
    lambda t: t.load_state_dict(_session(optimizer="adam", learning_rate=0.004, beta2=0.99,
                                         batch_size=5, l1=0.02).trainer.state_dict()),
])
def test_the_optimizer_follows_the_settings_after_every_change(change):
    trainer = _session(batch_size=8).trainer
    trainer.step()
    change(trainer)
    _assert_one_copy(trainer)


def test_load_state_dict_takes_the_saved_hyperparameters_into_the_settings():
    source = _session(optimizer="adam", learning_rate=0.004, beta2=0.99, batch_size=5,
                      l1=0.02, seed=6).trainer
    target = _session().trainer
    target.load_state_dict(source.state_dict())
    assert target.settings == source.settings


def test_update_settings_enforces_the_declared_ranges_and_changes_nothing_on_error():
    trainer = _session(learning_rate=0.1).trainer
    before = trainer.settings
    with pytest.raises(ValueError, match="Learning rate must be between"):
        trainer.update_settings(learning_rate=1000.0, l2=0.5)
    assert trainer.settings is before and trainer.l2 == 0.0


def test_the_engine_setters_accept_any_positive_learning_rate():
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", np.array([[1.0], [2.0]]), [0.0, 1.0], learning_rate=1e-9)
    assert trainer.settings.learning_rate == 1e-9
    trainer.set_learning_rate(1e308)
    _assert_one_copy(trainer)
    with pytest.raises(ValueError, match="finite number > 0"):
        trainer.set_learning_rate(0.0)
    assert trainer.learning_rate == 1e308


def test_a_scene_stores_the_training_settings_once():
    session = _session(optimizer="adam", learning_rate=0.02, beta1=0.85, batch_size=8)
    for _ in range(3):
        session.trainer.step()
    scene = scene_to_dict(session)
    assert scene["schema_version"] == SCHEMA_VERSION == 2
    assert scene["training"] == session.training.to_dict()
    assert set(scene["optimizer"]) == {"t", "state"}
    text = json.dumps({key: value for key, value in scene.items() if key != "training"})
    for name in ("learning_rate", "beta1", "batch_size", '"lr"', "clip_norm", '"l2"'):
        assert name not in text, name
    loaded, _ = scene_from_dict(json.loads(json.dumps(scene)))
    assert loaded.training == session.training
    session.trainer.step()
    loaded.trainer.step()
    assert np.array_equal(loaded.net.get_params(), session.net.get_params())


def _old_scene() -> dict:
    return json.loads((FIXTURES / "scene_v1_adam.json").read_text(encoding="utf-8"))


def _expected_after_four() -> dict:
    return json.loads((FIXTURES / "scene_v1_adam_after4.json").read_text(encoding="utf-8"))


def _four_more_steps(session) -> None:
    for _ in range(4):
        session.trainer.step()
    expected = _expected_after_four()
    assert_matches_stored(session.net.get_params(), expected["params"], "params")
    assert_matches_stored(session.trainer.history.arrays()["train_loss"],
                          expected["history_train_loss"], "train_loss")


def test_a_version_1_scene_still_loads_and_trains_on_as_before():
    """The fixture was saved by the code before this change (tests/core/fixtures/README.md);
    so were the parameters after 4 more steps (equal to the build's rounding:
    tests/core/stored_results)."""
    scene = _old_scene()
    assert scene["schema_version"] == 1 and scene["optimizer"]["learning_rate"] == 0.02
    session, _ = open_scene(FIXTURES / "scene_v1_adam.json")
    assert (session.training.optimizer, session.training.learning_rate,
            session.training.beta1) == ("adam", 0.02, 0.85)
    _assert_one_copy(session.trainer)
    _four_more_steps(session)


def test_in_a_version_1_scene_the_optimizers_copy_wins_where_the_copies_disagree():
    scene = _old_scene()
    scene["training"].update(learning_rate=0.5, beta1=0.7, optimizer="momentum")
    session, _ = scene_from_dict(scene)
    training = session.training
    assert (training.optimizer, training.learning_rate, training.beta1) == ("adam", 0.02, 0.85)
    _assert_one_copy(session.trainer)
    _four_more_steps(session)  # what trained the saved weights trains on
    resaved = scene_to_dict(session)
    assert resaved["schema_version"] == 2 and resaved["training"]["learning_rate"] == 0.02


def test_a_version_1_optimizer_copy_outside_the_settings_ranges_is_refused_by_name():
    scene = _old_scene()
    scene["optimizer"]["learning_rate"] = 1000.0
    with pytest.raises(SceneError, match=r"^optimizer: Learning rate must be between"):
        scene_from_dict(scene)
    scene = _old_scene()
    scene["optimizer"]["hyper"]["momentum"] = 0.5  # adam takes no momentum
    with pytest.raises(SceneError, match=r"^optimizer.hyper: unknown field 'momentum'"):
        scene_from_dict(scene)


def test_a_version_2_scene_may_not_store_eta_twice():
    session, _ = open_scene(FIXTURES / "scene_v1_adam.json")
    scene = scene_to_dict(session)
    bad = copy.deepcopy(scene)
    bad["optimizer"]["learning_rate"] = 0.02
    with pytest.raises(SceneError, match=r"^optimizer: unknown field 'learning_rate'"):
        scene_from_dict(bad)
