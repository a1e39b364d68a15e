"""Session: settings + points → features → standardization → split → network → Trainer."""

from pathlib import Path

import numpy as np
import pytest

from core.datasets import PointSet, read_csv
from core.network import MLP
from core.session import Session, task_head
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import EmptyTrainingSet

PENGUINS = str(Path(__file__).resolve().parents[2] / "resources" / "data" / "penguins.csv")


def small(preset="circle", task="classification", **data):
    return Session(DataSettings(task=task, preset=preset, n_points=data.pop("n_points", 80),
                                **data))


# -- task → output layer and loss ------------------------------------------------------------
@pytest.mark.parametrize("task, n_classes, override, expected", [
    ("classification", 2, None, ("sigmoid", "bce", 1)),
    ("classification", 3, None, ("softmax", "cross_entropy", 3)),
    ("classification", 5, None, ("softmax", "cross_entropy", 5)),
    ("regression", 0, None, ("linear", "mse", 1)),
    ("classification", 2, "mse", ("sigmoid", "mse", 1)),
    ("classification", 3, "mse", ("softmax", "mse", 3)),
    ("regression", 0, "mse", ("linear", "mse", 1)),
])
def test_task_head_follows_the_task(task, n_classes, override, expected):
    assert task_head(task, n_classes, override) == expected


def test_default_session_is_a_standardized_binary_classifier():
    session = Session()
    assert (session.output_activation, session.loss, session.n_classes) == ("sigmoid", "bce", 2)
    assert session.net.layer_sizes == (2, 8, 8, 1)
    assert (len(session.X_train), len(session.X_validation), len(session.X_test)) == (
        300, 100, 100)  # the default shares 60 / 20 / 20 %
    assert np.allclose(session.X_train.mean(axis=0), 0, atol=1e-12)
    assert np.allclose(session.X_train.std(axis=0), 1)
    fresh = MLP((2, 8, 8, 1), "tanh", "sigmoid", init="xavier", seed=0)
    assert np.array_equal(session.net.get_params(), fresh.get_params())


def test_three_classes_use_softmax_and_cross_entropy():
    session = small("blobs")
    assert (session.output_activation, session.loss, session.net.layer_sizes[-1]) == (
        "softmax", "cross_entropy", 3)
    assert session.y_train.dtype.kind == "i"


def test_regression_uses_a_linear_output_and_mse_on_one_input():
    session = small("sine", task="regression")
    assert (session.output_activation, session.loss) == ("linear", "mse")
    assert session.points.dim == 1 and session.input_features == ("x1",)
    assert session.net.layer_sizes == (1, 8, 8, 1)
    assert np.isnan(session.trainer.step().train_accuracy)


def test_mse_override_trains_one_hot_targets_with_softmax():
    session = Session(DataSettings(preset="blobs", n_points=60),
                      NetworkSettings(loss_override="mse"))
    assert (session.output_activation, session.loss) == ("softmax", "mse")
    labels = session.points.y[session.train_indices]
    assert np.array_equal(session.y_train, np.eye(3)[labels])
    record = session.trainer.step()
    assert 0.0 <= record.train_accuracy <= 1.0


def test_transform_maps_raw_points_like_the_training_data():
    session = small(features=("x1", "x2", "x1*x2", "sin(x1)"))
    raw_train = session.points.X[session.train_indices]
    assert np.allclose(session.transform(raw_train), session.X_train, rtol=0, atol=1e-15)
    assert session.net.layer_sizes[0] == 4
    without = small(standardize=False)
    assert np.array_equal(without.X_train, without.points.X[without.train_indices])


# -- changes -----------------------------------------------------------------------------------
def test_editing_points_keeps_weights_when_dimensions_are_unchanged():
    session = small()
    for _ in range(5):
        session.trainer.step()
    params = session.net.get_params()
    session.points.add([1.0, 2.0], 1)
    changes = session.points_changed()
    assert changes == {"points"}
    assert np.array_equal(session.net.get_params(), params)
    assert session.trainer.step_count == 5 and session.trainer.history.last_step == 5
    assert session.trainer.n_train == len(session.train_indices)
    session.trainer.step()


def test_a_third_class_rebuilds_the_network_as_softmax():
    session = small()
    session.trainer.step()
    session.points.add([0.0, 0.0], 2)
    assert session.points_changed() == {"points", "network"}
    assert session.loss == "cross_entropy" and session.net.layer_sizes[-1] == 3
    assert session.trainer.step_count == 0


def test_batch_point_indices_name_training_points():
    session = small()
    session.set_training_settings(batch_size=5)
    assert session.batch_point_indices() is None
    session.trainer.forward()
    indices = session.batch_point_indices()
    assert len(indices) == 5 and session.points.train[indices].all()
    raw = session.points.X[indices]
    assert np.allclose(session.transform(raw), session.trainer.last_forward.activations[0])


def test_training_settings_apply_mid_run_and_keep_weights():
    session = small()
    for _ in range(3):
        session.trainer.step()
    params = session.net.get_params()
    session.set_training_settings(learning_rate=0.5, optimizer="adam", beta1=0.8, l2=0.01,
                                  batch_size=16, clip_norm=1.0)
    trainer = session.trainer
    assert np.array_equal(session.net.get_params(), params) and trainer.step_count == 3
    assert (trainer.learning_rate, trainer.optimizer.name, trainer.l2) == (0.5, "adam", 0.01)
    assert (trainer.optimizer.hyper["beta1"], trainer.batch_size, trainer.clip_norm) == (
        0.8, 16, 1.0)
    with pytest.raises(ValueError, match="Learning rate"):
        session.set_training_settings(learning_rate=1000)
    assert session.training.learning_rate == 0.5


def test_network_settings_rebuild_from_the_seed():
    session = small()
    session.trainer.step()
    assert session.set_network_settings(hidden_sizes=(3,), activation="relu",
                                        seed=4) == {"network"}
    expected = MLP((2, 3, 1), "relu", "sigmoid", seed=4)
    assert np.array_equal(session.net.get_params(), expected.get_params())
    assert session.trainer.step_count == 0
    session.set_network_settings(activation=("relu",))
    session.set_network_settings(hidden_sizes=(3, 4, 5))  # per-layer list follows the depth
    assert session.network.activation == ("relu", "relu", "relu")
    with pytest.raises(ValueError, match="Hidden layer sizes"):
        session.set_network_settings(hidden_sizes=(30,))
    assert session.net.layer_sizes == (2, 3, 4, 5, 1)


def test_data_settings_regenerate_or_reprepare():
    session = small()
    params = session.net.get_params()
    assert session.set_data_settings(standardize=False) == {"points"}
    assert np.array_equal(session.net.get_params(), params)
    assert session.set_data_settings(train_fraction=0.5) == {"points"}
    assert session.trainer.n_train == 40
    assert session.set_data_settings(features=("x1", "x2", "x1^2")) == {"points", "network"}
    assert session.set_data_settings(noise=0.3) == {"points", "network"}
    assert session.set_data_settings(task="regression") == {"points", "network"}
    assert (session.data.preset, session.loss) == ("sine", "mse")
    with pytest.raises(ValueError, match="Noise"):
        session.set_data_settings(noise=2.0)
    with pytest.raises(ValueError, match="Task must be one of"):
        session.set_data_settings(task="clustering")
    assert session.data.noise == 0.3


def test_regenerating_is_deterministic():
    first, second = small("spiral"), small("spiral")
    assert np.array_equal(first.points.X, second.points.X)
    assert np.array_equal(first.points.train, second.points.train)
    other = small("spiral", seed=1)
    assert not np.array_equal(first.points.X, other.points.X)


def test_an_empty_point_set_builds_but_cannot_train():
    session = Session(points=PointSet())
    with pytest.raises(EmptyTrainingSet):
        session.trainer.step()
    xs, ys, values = session.grid_prediction((-6, 6), (-6, 6), 5)
    assert values.shape == (5, 5, 1)
    session.points.add([1.0, 1.0], 0)
    session.points.add([-1.0, -1.0], 1)
    session.points_changed()
    session.trainer.step()


def test_points_must_match_the_data_task():
    with pytest.raises(ValueError, match="regression"):
        Session(points=PointSet(task="regression"))


# -- predictions for the canvas --------------------------------------------------------------------
def test_grid_prediction_is_row_major_in_raw_coordinates():
    session = small("blobs")
    for _ in range(10):
        session.trainer.step()
    xs, ys, values = session.grid_prediction((-6, 6), (-4, 5), (7, 5))
    assert xs.shape == (7,) and ys.shape == (5,) and values.shape == (5, 7, 3)
    assert (xs[0], xs[-1], ys[0], ys[-1]) == (-6, 6, -4, 5)
    i, j = 3, 1
    single = session.predict_raw([[xs[j], ys[i]]])[0]
    assert np.allclose(values[i, j], single, rtol=0, atol=1e-12)
    assert np.allclose(values.sum(axis=2), 1.0)


def test_binary_grid_gives_the_probability_of_class_one():
    session = small()
    _, _, values = session.grid_prediction((-6, 6), (-6, 6), 20)
    assert values.shape == (20, 20, 1) and np.all((values > 0) & (values < 1))


def test_one_dimensional_prediction_curve_and_grid():
    session = small("line", task="regression")
    xs = np.linspace(-5, 5, 11)
    curve = session.curve_prediction(xs)
    assert curve.shape == (11,)
    assert np.allclose(curve, session.predict_raw(xs)[:, 0])
    _, _, values = session.grid_prediction((-5, 5), (0, 1), (11, 4))
    assert np.allclose(values[2, :, 0], curve)
    with pytest.raises(ValueError, match="1-D"):
        small().curve_prediction(xs)


# -- CSV data ------------------------------------------------------------------------------------
def test_penguins_session_reaches_ninety_percent_test_accuracy():
    dataset = read_csv(PENGUINS, ["bill_length_mm", "flipper_length_mm"], "species")
    session = Session()
    assert session.load_dataset(dataset) == {"points", "network"}
    assert session.class_names == ("Adelie", "Chinstrap", "Gentoo")
    assert session.feature_names == ("bill_length_mm", "flipper_length_mm")
    assert (session.loss, session.n_classes) == ("cross_entropy", 3)
    assert session.data.standardize
    for _ in range(300):
        record = session.trainer.step()
    assert record.test_accuracy >= 0.9
    assert session.class_label(2) == "Gentoo" and session.class_label(5) == "class 5"


def test_load_dataset_rejects_three_features_and_keeps_the_points():
    dataset = read_csv(PENGUINS, ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"],
                       "species")
    session = small()
    points = session.points
    with pytest.raises(ValueError, match="1 or 2"):
        session.load_dataset(dataset)
    assert session.points is points
