"""Settings: declared once, validated with clear messages, round-tripped as plain data."""

import dataclasses
import json

import numpy as np
import pytest

from core.settings import (
    HIDDEN_ACTIVATIONS,
    PRESETS_BY_TASK,
    DataSettings,
    NetworkSettings,
    TrainingSettings,
    features_for_dim,
    fields_of,
)

ALL_CLASSES = (DataSettings, NetworkSettings, TrainingSettings)


def test_defaults_are_those_of_the_spec():
    data, network, training = DataSettings(), NetworkSettings(), TrainingSettings()
    assert (data.task, data.preset, data.n_points, data.noise) == ("classification", "circle",
                                                                   500, 0.1)
    assert (data.train_fraction, data.validation_fraction, data.seed, data.features,
            data.standardize) == (0.6, 0.2, 0, ("x1", "x2"), True)
    assert (network.hidden_sizes, network.activation, network.init) == ((8, 8), "tanh", "xavier")
    assert (network.seed, network.dropout, network.loss_override) == (0, 0.0, None)
    assert (training.learning_rate, training.optimizer, training.momentum) == (0.03, "sgd", 0.9)
    assert (training.beta1, training.beta2, training.rmsprop_alpha, training.eps) == (
        0.9, 0.999, 0.99, 1e-8)
    assert (training.batch_size, training.l1, training.l2, training.clip_norm, training.seed) == (
        0, 0.0, 0.0, 0.0, 0)
    assert training.patience == 0


def test_out_of_range_message_names_setting_range_and_value():
    with pytest.raises(ValueError) as error:
        TrainingSettings(learning_rate=1000)
    assert str(error.value) == "Learning rate must be between 1e-06 and 100, got 1000"


@pytest.mark.parametrize("cls, name, value, expected_text", [
    (DataSettings, "n_points", 9, "between 10 and 10000, got 9"),
    (DataSettings, "n_points", 10_001, "got 10001"),
    (DataSettings, "noise", 0.6, "Noise must be between 0 and 0.5, got 0.6"),
    (DataSettings, "train_fraction", 1.05, "between 0.1 and 1,"),
    (DataSettings, "seed", -1, "Data seed must be between 0"),
    (DataSettings, "features", ("x1", "x3"), "x3"),
    (DataSettings, "features", (), "between 1 and 7 entries, got 0"),
    (DataSettings, "features", ("x1", "x1"), "must not repeat"),
    (DataSettings, "standardize", 1, "Standardize must be True or False"),
    (DataSettings, "task", "clustering", "Task must be one of classification, regression"),
    (NetworkSettings, "hidden_sizes", (8,) * 9, "between 0 and 8 entries, got 9"),
    (NetworkSettings, "hidden_sizes", (8, 17), "entry 2 must be between 1 and 16, got 17"),
    (NetworkSettings, "hidden_sizes", (8, 0), "entry 2 must be between 1 and 16, got 0"),
    (NetworkSettings, "activation", "softmax", "Activation must be one of"),
    (NetworkSettings, "init", "orthogonal", "Initialization must be one of xavier, he"),
    (NetworkSettings, "dropout", 0.95, "Dropout must be between 0 and 0.9, got 0.95"),
    (NetworkSettings, "loss_override", "bce", "Loss must be one of None, mse, got 'bce'"),
    (TrainingSettings, "optimizer", "lbfgs", "Optimizer must be one of sgd, momentum"),
    (TrainingSettings, "batch_size", 2.5, "Batch size must be a whole number, got 2.5"),
    (TrainingSettings, "batch_size", -1, "Batch size must be between 0 and 10000, got -1"),
    (TrainingSettings, "l2", -0.1, "L2 rate must be between 0 and 100, got -0.1"),
    (TrainingSettings, "l1", float("nan"), "L1 rate must be between 0 and 100, got nan"),
    (TrainingSettings, "learning_rate", "fast", "Learning rate must be a number, got 'fast'"),
    (TrainingSettings, "clip_norm", True, "must be a number, got True"),
])
def test_invalid_values_are_rejected_with_the_setting_named(cls, name, value, expected_text):
    with pytest.raises(ValueError, match=None) as error:
        cls(**{name: value})
    assert expected_text in str(error.value)


def test_preset_must_belong_to_the_task():
    with pytest.raises(ValueError, match="'circle' is a classification data set"):
        DataSettings(task="regression")
    assert DataSettings(task="regression", preset="sine").preset == "sine"


def test_per_layer_activation_needs_one_name_per_hidden_layer():
    with pytest.raises(ValueError, match="2 name"):
        NetworkSettings(hidden_sizes=(4, 4, 4), activation=("relu", "tanh"))
    settings = NetworkSettings(hidden_sizes=(4, 3), activation=["relu", "tanh"])
    assert settings.activation == ("relu", "tanh")
    assert settings.activations_per_layer() == ("relu", "tanh")
    assert NetworkSettings(hidden_sizes=(4, 3)).activations_per_layer() == ("tanh", "tanh")


def test_zero_hidden_layers_is_allowed():
    assert NetworkSettings(hidden_sizes=()).hidden_sizes == ()


def test_settings_are_immutable_and_updated_returns_a_validated_copy():
    training = TrainingSettings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        training.learning_rate = 1.0
    faster = training.updated(learning_rate=0.3)
    assert faster.learning_rate == 0.3 and training.learning_rate == 0.03
    with pytest.raises(ValueError, match="Unknown setting"):
        training.updated(learning_rat=0.3)
    with pytest.raises(ValueError, match="Learning rate"):
        training.updated(learning_rate=0.0)


def test_values_are_normalized_to_plain_python_types():
    training = TrainingSettings(learning_rate=np.float32(0.5), batch_size=np.int64(10), l2=1)
    assert type(training.learning_rate) is float and type(training.batch_size) is int
    assert type(training.l2) is float
    network = NetworkSettings(hidden_sizes=[np.int64(3), 2])
    assert network.hidden_sizes == (3, 2) and all(type(v) is int for v in network.hidden_sizes)


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_to_dict_from_dict_round_trip_through_json(cls):
    changed = {DataSettings: {"features": ("x1", "x1^2"), "noise": 0.25},
               NetworkSettings: {"hidden_sizes": (3, 5), "activation": ("relu", "gelu")},
               TrainingSettings: {"optimizer": "adam", "batch_size": 16}}[cls]
    settings = cls(**changed)
    plain = json.loads(json.dumps(settings.to_dict()))
    assert cls.from_dict(plain) == settings
    assert cls.from_dict({}) == cls()


def test_from_dict_rejects_unknown_keys_and_invalid_values():
    with pytest.raises(ValueError, match="Unknown setting.*colour.*allowed: learning_rate"):
        TrainingSettings.from_dict({"colour": "red"})
    with pytest.raises(ValueError, match="Momentum must be between 0 and 0.999, got 1.5"):
        TrainingSettings.from_dict({"momentum": 1.5})
    with pytest.raises(ValueError, match="mapping"):
        DataSettings.from_dict(["task"])


@pytest.mark.parametrize("cls", ALL_CLASSES)
def test_fields_of_describes_every_setting_in_order(cls):
    infos = fields_of(cls)
    assert [info.name for info in infos] == [f.name for f in dataclasses.fields(cls)]
    instance = cls()
    for info in infos:
        assert info.label and info.doc
        assert getattr(instance, info.name) == info.default
        if info.kind in ("int", "float"):
            assert info.minimum <= info.default <= info.maximum
    assert fields_of(instance) == infos


def test_fields_of_carries_display_hints():
    by_name = {info.name: info for info in fields_of(TrainingSettings)}
    assert by_name["learning_rate"].log_scale
    assert by_name["batch_size"].zero_text == "full batch"
    assert by_name["optimizer"].choices == ("sgd", "momentum", "nesterov", "rmsprop", "adam")
    hidden = {info.name: info for info in fields_of(NetworkSettings)}["hidden_sizes"]
    assert (hidden.kind, hidden.length, hidden.minimum, hidden.maximum) == ("int_tuple", (0, 8),
                                                                             1, 16)


def test_optimizer_hyper_picks_what_the_optimizer_takes():
    settings = TrainingSettings(momentum=0.5, beta1=0.8, beta2=0.99, rmsprop_alpha=0.9, eps=1e-6)
    assert settings.updated(optimizer="sgd").optimizer_hyper() == {}
    assert settings.updated(optimizer="nesterov").optimizer_hyper() == {"momentum": 0.5}
    assert settings.updated(optimizer="rmsprop").optimizer_hyper() == {"alpha": 0.9, "eps": 1e-6}
    assert settings.updated(optimizer="adam").optimizer_hyper() == {
        "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}


def test_presets_are_grouped_by_task_and_softmax_is_not_a_hidden_activation():
    assert "circle" in PRESETS_BY_TASK["classification"]
    assert PRESETS_BY_TASK["regression"][:2] == ("sine", "line")
    assert "softmax" not in HIDDEN_ACTIVATIONS and "relu" in HIDDEN_ACTIVATIONS


def test_features_for_one_dimensional_points_drop_those_needing_x2():
    assert features_for_dim(("x1", "x2", "sin(x1)", "x1*x2"), 1) == ("x1", "sin(x1)")
    assert features_for_dim(("x2",), 1) == ("x1",)
    assert features_for_dim(("x2", "x1"), 2) == ("x2", "x1")
