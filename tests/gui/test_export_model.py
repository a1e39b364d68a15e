"""The model JSON export is self-contained: an independent NumPy reader (tests/gui/model_json.py,
which imports nothing of the app) recomputes the app's predictions from the file alone."""

import json
import os

import numpy as np
import pytest

from core.datasets import Dataset
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from gui.export.data import export_model_json
from gui.export.figures import ExportError
from tests.gui import model_json

CASES = {
    # two classes, squared and sine features, standardized: sigmoid + bce
    "circle-x1^2-sin": (
        DataSettings(preset="circle", n_points=200, features=("x1", "x2", "x1^2", "sin(x1)"),
                     standardize=True),
        NetworkSettings(hidden_sizes=(6, 5), activation="tanh"),
        TrainingSettings(learning_rate=0.1, optimizer="adam")),
    # three classes: softmax + cross-entropy, per-layer activations, a product feature
    "spiral3-softmax": (
        DataSettings(preset="spiral3", n_points=240, features=("x1", "x2", "x1*x2", "sin(x2)",
                                                               "x2^2"), standardize=True),
        NetworkSettings(hidden_sizes=(8, 6), activation=("relu", "leaky_relu")),
        TrainingSettings(learning_rate=0.05, optimizer="momentum")),
    # 1-D regression: linear + mse; sin(x1) and x1² of the single input
    "sine-regression": (
        DataSettings(task="regression", preset="sine", n_points=80,
                     features=("x1", "x1^2", "sin(x1)"), standardize=True),
        NetworkSettings(hidden_sizes=(7,), activation="tanh"),
        TrainingSettings(learning_rate=0.05)),
    # standardization off: mean 0 and std 1 are written, and the raw features go in
    "xor-unstandardized": (
        DataSettings(preset="xor", n_points=120, features=("x1", "x2", "x1*x2"),
                     standardize=False),
        NetworkSettings(hidden_sizes=(4,), activation="sigmoid"),
        TrainingSettings(learning_rate=0.3)),
}


def _trained(data, network, training, steps=40) -> Session:
    session = Session(data, network, training)
    for _ in range(steps):
        session.trainer.step()
    return session


def _inputs(session) -> np.ndarray:
    """The session's own points and a grid beyond them (features far from the training range)."""
    raw = session.points.X
    if session.points.dim == 1:
        return np.concatenate([raw[:, 0], np.linspace(-8, 8, 97)])[:, None]
    grid = np.stack(np.meshgrid(np.linspace(-7, 7, 23), np.linspace(-7, 7, 19)), -1)
    return np.concatenate([raw, grid.reshape(-1, 2)])


@pytest.mark.parametrize("case", list(CASES))
def test_predictions_rebuilt_from_the_json_alone_match_the_app(tmp_path, case):
    session = _trained(*CASES[case])
    path = export_model_json(tmp_path / "model.json", session)
    model = model_json.load(path)

    raw = _inputs(session)
    expected = session.predict_raw(raw)  # what the canvas draws (PredictionMixin)
    rebuilt = model_json.predict(model, raw)
    assert rebuilt.shape == expected.shape
    np.testing.assert_allclose(rebuilt, expected, rtol=0, atol=1e-12)
    if model["task"] == "classification":
        from core.metrics import predicted_classes

        np.testing.assert_array_equal(model_json.predicted_classes(model, rebuilt),
                                      predicted_classes(expected))
    # the documented facts are the session's own
    assert model["format"] == "backprop-playground-model" and model["version"] == 1
    assert [f["name"] for f in model["features"]] == list(session.input_features)
    assert model["layer_sizes"] == list(session.net.layer_sizes)
    assert model["output"]["loss"] == session.loss
    assert model["step"] == session.trainer.step_count
    np.testing.assert_array_equal(model["standardization"]["mean"], session.standardizer.mean)
    np.testing.assert_array_equal(model["standardization"]["std"], session.standardizer.std)
    assert model["standardization"]["enabled"] == session.data.standardize


def test_the_canvas_grid_is_reproduced_too(tmp_path):
    session = _trained(*CASES["spiral3-softmax"])
    model = model_json.load(export_model_json(tmp_path / "model.json", session))
    xs, ys, values = session.grid_prediction((-6, 6), (-5, 5), (31, 17))
    grid_x, grid_y = np.meshgrid(xs, ys)
    rebuilt = model_json.predict(model, np.column_stack([grid_x.ravel(), grid_y.ravel()]))
    np.testing.assert_allclose(rebuilt.reshape(values.shape), values, rtol=0, atol=1e-12)
    assert model["output"]["classes"] == ["class 0", "class 1", "class 2"]
    assert model["output"]["meaning"] == "class_probabilities"


def test_imported_data_keeps_its_input_and_class_names(tmp_path):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 2)) * [5.0, 30.0] + [40.0, 200.0]
    y = (X[:, 0] / 5 + X[:, 1] / 30 > 48).astype(np.int64)
    dataset = Dataset(X, y, "classification", 2, ("bill_length_mm", "flipper_length_mm"),
                      class_names=("Adelie", "Gentoo"))
    session = Session(DataSettings(features=("x1", "x2", "x1^2")))
    session.load_dataset(dataset)
    for _ in range(25):
        session.trainer.step()
    model = model_json.load(export_model_json(tmp_path / "model.json", session))
    assert model["inputs"] == {"names": ["bill_length_mm", "flipper_length_mm"], "dim": 2}
    assert model["output"]["classes"] == ["Adelie", "Gentoo"]
    assert model["features"][2] == {"name": "x1^2", "label": "X₁²", "operation": "square",
                                    "columns": [0], "formula": "x[:, 0] ** 2"}
    np.testing.assert_allclose(model_json.predict(model, X), session.predict_raw(X),
                               rtol=0, atol=1e-12)


def test_floats_round_trip_exactly(tmp_path):
    session = _trained(*CASES["circle-x1^2-sin"])
    model = model_json.load(export_model_json(tmp_path / "model.json", session))
    for layer, w, b in zip(model["layers"], session.net.weights, session.net.biases,
                           strict=True):
        assert np.array_equal(np.array(layer["weights"]), w)
        assert np.array_equal(np.array(layer["biases"]), b)


def test_the_json_names_every_activation_and_feature_operation_it_uses(tmp_path):
    session = _trained(*CASES["spiral3-softmax"], steps=1)
    model = model_json.load(export_model_json(tmp_path / "model.json", session))
    used = [layer["activation"] for layer in model["layers"]]
    assert used == ["relu", "leaky_relu", "softmax"]
    assert set(model["activation_formulas"]) == set(used)
    assert model["activation_formulas"]["leaky_relu"] == "where(z > 0, z, 0.01 * z)"
    assert {f["operation"] for f in model["features"]} <= set(model["feature_operations"])
    assert [layer["name"] for layer in model["layers"]] == [
        "input->hidden1", "hidden1->hidden2", "hidden2->output"]


def test_non_finite_weights_are_refused_and_the_old_file_kept(tmp_path):
    session = _trained(*CASES["xor-unstandardized"], steps=2)
    path = tmp_path / "model.json"
    path.write_text("old", encoding="utf-8")
    session.net.weights[1][0, 2] = np.nan
    with pytest.raises(ExportError, match="NaN"):
        export_model_json(path, session)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["model.json"]


def test_the_file_is_strict_json(tmp_path):
    session = _trained(*CASES["sine-regression"], steps=3)
    with open(export_model_json(tmp_path / "m.json", session), encoding="utf-8") as handle:
        text = handle.read()
    json.loads(text, parse_constant=lambda name: pytest.fail(f"non-strict JSON {name}"))
