"""Batch normalization in the Trainer, the Session and scene files: training batches in
training mode, every evaluation with the running statistics, batch size 1 refused, rewind /
reset / save → load restoring γ, β and the running statistics bit for bit."""

import json
from pathlib import Path

import numpy as np
import pytest

from core.losses import per_sample_loss
from core.network import MLP
from core.scene import open_scene, save_scene, scene_from_dict, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.snapshots import BatchSampler
from core.training import BATCH_NORM_BATCH_OF_ONE, SettingRefused, Trainer
from tests import batch_norm_net

FIXTURES = Path(__file__).parent / "fixtures"


def bn_trainer(batch_size=0, n=20):
    """The shared batch-normalized network's trainer, with Adam."""
    return batch_norm_net.bn_trainer(batch_size, n, optimizer="adam")


def bn_session(batch_size=4):
    return Session(DataSettings(preset="xor", n_points=40, seed=3),
                   NetworkSettings(hidden_sizes=(4, 3), seed=2, batch_norm=True),
                   TrainingSettings(optimizer="adam", learning_rate=0.05, batch_size=batch_size,
                                    seed=4))


def state_of(trainer):
    return (trainer.net.get_params(), trainer.net.bn_buffers(),
            trainer.history.arrays()["train_loss"])


def assert_same(a, b):
    params_a, buffers_a, history_a = a
    params_b, buffers_b, history_b = b
    assert np.array_equal(params_a, params_b)
    assert len(buffers_a) == len(buffers_b) and len(buffers_a) > 0
    assert all(np.array_equal(x, y) for x, y in zip(buffers_a, buffers_b, strict=True))
    assert np.array_equal(history_a, history_b, equal_nan=True)


# --- training and evaluation modes -------------------------------------------------------------
@pytest.mark.parametrize("batch_size", [0, 5])
def test_training_batches_use_batch_statistics_and_evaluations_the_running_ones(batch_size):
    trainer = bn_trainer(batch_size)
    for _ in range(3):
        trainer.step()
    buffers = trainer.net.bn_buffers()
    fp = trainer.forward()
    assert fp.training
    X_batch = trainer.X_train[trainer.batch_indices]
    u = X_batch @ trainer.net.weights[0].T + trainer.net.biases[0]
    np.testing.assert_allclose(fp.bn_mean[0], u.mean(axis=0), rtol=1e-13)
    assert not np.array_equal(trainer.net.bn_running_mean[0], buffers[0])  # updated
    trainer.backward()
    trainer.update()
    # The history row of the new step is the evaluation with the running statistics.
    net = trainer.net
    X_all = np.concatenate([trainer.X_train, trainer.X_test])
    evaluation = net.forward(X_all, training=False)
    losses = per_sample_loss("bce", evaluation.pre_activations[-1], evaluation.output,
                             np.concatenate([trainer.y_train, trainer.y_test]))
    row = trainer.history.last_row()
    assert row["train_loss"] == pytest.approx(losses[:14].mean(), rel=1e-13)
    assert row["test_loss"] == pytest.approx(losses[14:].mean(), rel=1e-13)
    batch_mode = net.copy().forward(X_all[:14], training=True)
    batch_loss = per_sample_loss("bce", batch_mode.pre_activations[-1], batch_mode.output,
                                 trainer.y_train).mean()
    assert row["train_loss"] != pytest.approx(batch_loss, rel=1e-9)
    # Evaluating does not move the running statistics.
    buffers = net.bn_buffers()
    trainer.evaluate(trainer.X_test, trainer.y_test)
    trainer.params_changed()
    assert all(np.array_equal(a, b) for a, b in zip(buffers, net.bn_buffers(), strict=True))


def test_the_batch_norm_gradient_norms_include_gamma_and_beta():
    trainer = bn_trainer(5)
    record = trainer.step()
    gradients = trainer.last_gradients
    np.testing.assert_array_equal(record.grad_norms, gradients.per_layer_norms())
    assert len(gradients.bn_gamma) == 2


# --- batch size 1 ------------------------------------------------------------------------------
def test_batch_size_one_is_refused_with_a_code_and_nothing_changes():
    trainer = bn_trainer(5)
    trainer.step()
    before = trainer.settings
    with pytest.raises(SettingRefused, match="one sample has no variance") as caught:
        trainer.update_settings(batch_size=1)
    assert caught.value.code == BATCH_NORM_BATCH_OF_ONE
    assert isinstance(caught.value, ValueError)
    assert trainer.settings is before
    with pytest.raises(SettingRefused):
        trainer.set_batch_size(1)
    assert trainer.batch_size == 5
    with pytest.raises(SettingRefused):
        bn_trainer(1)


def test_batch_size_one_without_batch_norm_is_still_allowed():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(6, 2))
    trainer = Trainer(MLP((2, 3, 1)), "bce", X, (X[:, :1] > 0).astype(float))
    trainer.update_settings(batch_size=1)
    trainer.step()


def test_turning_batch_norm_on_with_batch_size_one_is_refused_by_the_session():
    session = Session(
        DataSettings(preset="xor", n_points=20, seed=3), NetworkSettings(hidden_sizes=(3,)),
        TrainingSettings(batch_size=1))
    with pytest.raises(SettingRefused) as caught:
        session.set_network_settings(batch_norm=True)
    assert caught.value.code == BATCH_NORM_BATCH_OF_ONE
    assert session.network.batch_norm is False and session.net.batch_norm is False


def test_a_last_batch_of_one_sample_is_left_out_of_the_epoch_with_batch_norm():
    trainer = bn_trainer(batch_size=13, n=20)  # 14 training points: batches 13, then 1
    assert trainer.steps_per_epoch == 1
    for _ in range(4):
        record = trainer.step()
        assert len(trainer.batch_indices) == 13 and record.epoch_ended
    sampler = BatchSampler(9, 4, seed=0, min_batch=2)
    sizes = []
    for _ in range(6):
        indices, ends = sampler.next()
        sizes.append((len(indices), ends))
    assert sizes == [(4, False), (4, True)] * 3
    plain = BatchSampler(9, 4, seed=0)
    assert [len(plain.next()[0]) for _ in range(3)] == [4, 4, 1]


# --- rewind, reset, copies ---------------------------------------------------------------------
def test_rewind_restores_gamma_beta_and_running_statistics_bit_for_bit():
    trainer = bn_trainer(5)
    trainer.step()
    at_one = state_of(trainer)
    for _ in range(3):
        trainer.step()
    later = state_of(trainer)
    trainer.forward()  # a step in progress has already moved the running statistics
    trainer.rewind_to(1)
    assert_same(state_of(trainer), at_one)
    for _ in range(3):
        trainer.step()
    assert_same(state_of(trainer), later)


def test_reset_restores_the_initial_running_statistics():
    trainer = bn_trainer(5)
    initial = trainer.net.bn_buffers()
    for _ in range(3):
        trainer.step()
    trainer.reset()
    assert all(np.array_equal(a, b) for a, b in zip(initial, trainer.net.bn_buffers(),
                                                    strict=True))
    assert np.array_equal(trainer.net.bn_gamma[0], np.ones(5))


def test_a_copy_continues_like_the_original():
    trainer = bn_trainer(5)
    trainer.step()
    twin = trainer.copy()
    for _ in range(3):
        trainer.step()
        twin.step()
    assert_same(state_of(trainer), state_of(twin))


def test_state_dict_for_another_batch_norm_setting_is_refused():
    trainer = bn_trainer(5)
    state = trainer.state_dict()
    X = trainer.X_train
    plain = Trainer(MLP((2, 5, 4, 1), seed=2), "bce", X, trainer.y_train)
    with pytest.raises(ValueError, match="batch norm"):
        plain.load_state_dict(state)


# --- scene files -------------------------------------------------------------------------------
def test_scene_save_load_continue_is_bit_identical(tmp_path):
    session = bn_session()
    for _ in range(5):
        session.trainer.step()
    path = tmp_path / "bn.json"
    save_scene(path, scene_to_dict(session))
    stored = json.loads(path.read_text())
    assert stored["network"]["batch_norm"] is True
    assert len(stored["network"]["bn_gamma"]) == 2
    assert len(stored["trainer"]["bn_buffers"]) == 4
    loaded, _ = open_scene(path)
    assert_same(state_of(loaded.trainer), state_of(session.trainer))
    for _ in range(4):
        session.trainer.step()
        loaded.trainer.step()
    assert_same(state_of(loaded.trainer), state_of(session.trainer))
    loaded.trainer.reset()
    session.trainer.reset()
    assert_same(state_of(loaded.trainer), state_of(session.trainer))


def test_scene_without_batch_norm_has_no_batch_norm_fields():
    session = Session(DataSettings(preset="xor", n_points=20, seed=3),
                      NetworkSettings(hidden_sizes=(3,)))
    scene = scene_to_dict(session)
    assert "bn_gamma" not in scene["network"] and scene["trainer"]["bn_buffers"] == []


def test_an_older_scene_loads_with_batch_norm_off():
    session, _ = open_scene(FIXTURES / "scene_v1_adam.json")
    assert session.network.batch_norm is False and session.net.batch_norm is False
    after = json.loads((FIXTURES / "scene_v1_adam_after4.json").read_text())
    for _ in range(4):
        session.trainer.step()
    assert np.array_equal(session.net.get_params(), after["params"])


def test_a_scene_with_batch_norm_but_without_gamma_is_refused():
    scene = scene_to_dict(bn_session())
    del scene["network"]["bn_gamma"]
    with pytest.raises(ValueError, match="network.bn_gamma"):
        scene_from_dict(scene)


def test_one_training_point_with_batch_norm_cannot_train():
    from core.training import EmptyTrainingSet

    trainer = bn_trainer(0, n=15)  # 14 training points
    trainer.set_data(trainer.X_train[:1], trainer.y_train[:1])
    with pytest.raises(EmptyTrainingSet, match="at least 2 training points"):
        trainer.forward()


def test_the_model_json_recomputes_the_predictions_with_batch_norm():
    from core.model_description import describe_model

    session = bn_session()
    for _ in range(5):
        session.trainer.step()
    model = describe_model(session)
    a = session.X_train
    for layer in model["layers"]:
        z = a @ np.array(layer["weights"]).T + np.array(layer["biases"])
        bn = layer.get("batch_norm")
        if bn is not None:
            z = np.array(bn["gamma"]) * (z - np.array(bn["running_mean"])) / np.sqrt(
                np.array(bn["running_var"]) + bn["eps"]) + np.array(bn["beta"])
        a = np.tanh(z) if layer["activation"] == "tanh" else z
    logits = a
    expected = session.net.forward(session.X_train).pre_activations[-1]
    np.testing.assert_allclose(logits, expected, rtol=1e-12, atol=1e-14)
    assert "batch_norm" not in model["layers"][-1]
