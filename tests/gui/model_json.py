"""An independent reader of the exported model JSON: recomputes predictions with NumPy alone.

Deliberately written from the README's description of the format, not from the app's code: no
import from ``core`` or ``gui``, and every feature operation and activation is implemented here.
If the exported file leaves anything out (a feature, the standardization, an activation), the
predictions of this reader and of the app disagree.
"""

import json

import numpy as np


def _activation(name: str, z: np.ndarray) -> np.ndarray:
    if name == "linear":
        return z
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky_relu":
        return np.where(z > 0, z, 0.01 * z)
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    raise AssertionError(f"the test reader has no activation {name!r}")


def _feature(operation: str, columns: list[np.ndarray]) -> np.ndarray:
    if operation == "identity":
        return columns[0]
    if operation == "square":
        return columns[0] * columns[0]
    if operation == "product":
        return columns[0] * columns[1]
    if operation == "sin":
        return np.sin(columns[0])
    raise AssertionError(f"the test reader has no feature operation {operation!r}")


def load(path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def predict(model: dict, raw_inputs) -> np.ndarray:
    """Outputs (n, units) for raw inputs (n, dim), from the JSON document ``model`` alone."""
    raw = np.asarray(raw_inputs, dtype=np.float64).reshape(-1, model["inputs"]["dim"])
    features = np.column_stack([
        _feature(f["operation"], [raw[:, c] for c in f["columns"]]) for f in model["features"]])
    scaling = model["standardization"]
    assert scaling["order"] == "after_features"
    a = (features - np.array(scaling["mean"])) / np.array(scaling["std"])
    for layer in model["layers"]:
        w, b = np.array(layer["weights"]), np.array(layer["biases"])
        assert list(w.shape) == layer["shape"] and a.shape[1] == w.shape[1]
        a = _activation(layer["activation"], a @ w.T + b)
    assert model["layers"][-1]["activation"] == model["output"]["activation"]
    return a


def predicted_classes(model: dict, outputs: np.ndarray) -> np.ndarray:
    """Class indices by the output's documented decision rule."""
    if model["output"]["activation"] == "sigmoid":
        return (outputs[:, 0] > 0.5).astype(np.int64)
    return np.argmax(outputs, axis=1)
