"""A self-contained description of the trained model, as plain data (the weights JSON export).

:func:`describe_model` turns a :class:`core.session.Session` into a dict of lists, strings and
numbers from which anyone can recompute the app's predictions with NumPy alone, without this
code. The pipeline it writes down is the one of ``Session.transform`` and ``MLP.forward``
in evaluation mode (no dropout)::

    raw inputs x (n, dim)                                  ``inputs.names``, dim 1 or 2
      → features f_j = operation_j(x[:, columns_j])        ``features`` (in this order)
      → standardized s_j = (f_j − mean_j) / std_j           ``standardization``
      → a₀ = s;  z_l = a_l W_lᵀ + b_l;  a_{l+1} = act_l(z_l)  ``layers`` (W_l is (out, in))
      → output a_L                                          ``output`` (what a_L means)

With batch norm a hidden layer's entry also has ``batch_norm`` (``gamma``, ``beta``,
``running_mean``, ``running_var``, ``eps``, ``formula``): z_l = γ (u − running_mean) /
√(running_var + ε) + β with u = a_l W_lᵀ + b_l, as ``MLP.forward`` in evaluation mode.

Standardization is applied *after* feature expansion, column by column; mean and std were
fitted on the training points (population std, ddof = 0; a constant column has std 1). With
standardization off, mean is 0 and std is 1, so the same formula holds. The feature operations
and activation formulas come from ``core.datasets.FEATURE_DEFINITIONS`` and
``core.activations.FORMULAS`` (the definitions the app computes with).

Format ``backprop-playground-model``, version :data:`MODEL_VERSION`; README "Scene files and
export" documents every key.
"""

from __future__ import annotations

import numpy as np

from core.activations import FORMULAS
from core.network import BN_EPS
from core.datasets import FEATURE_DEFINITIONS, FEATURE_LABELS

__all__ = ["describe_model", "MODEL_FORMAT", "MODEL_VERSION", "FEATURE_OPERATION_FORMULAS",
           "OUTPUT_MEANINGS", "layer_name", "NonFiniteParameters"]

MODEL_FORMAT = "backprop-playground-model"
MODEL_VERSION = 1

#: The feature operations of ``core.datasets.FEATURE_OPERATIONS`` in NumPy notation, with
#: ``x[:, c]`` the raw input column c (0-based).
FEATURE_OPERATION_FORMULAS = {
    "identity": "x[:, c0]",
    "square": "x[:, c0] ** 2",
    "product": "x[:, c0] * x[:, c1]",
    "sin": "sin(x[:, c0])  (radians)",
}

#: What the output a_L holds, by output activation (codes; the README explains them).
OUTPUT_MEANINGS = {
    "sigmoid": "probability_of_class_1",
    "softmax": "class_probabilities",
    "linear": "predicted_value",
}


class NonFiniteParameters(ValueError):
    """A weight or bias is NaN or ±inf (JSON cannot hold it). ``layer`` is the 0-based index of
    the first such layer, ``name`` its name ("input->hidden1", …)."""

    def __init__(self, layer: int, name: str):
        super().__init__(f"layer {layer + 1} ({name}) contains NaN or infinite values")
        self.layer, self.name = layer, name


def layer_name(index: int, n_layers: int) -> str:
    """Name of weight layer ``index`` (0-based) of ``n_layers``: "input->hidden1", …,
    "hiddenK->output" ("input->output" without hidden layers)."""
    source = "input" if index == 0 else f"hidden{index}"
    dest = "output" if index == n_layers - 1 else f"hidden{index + 1}"
    return f"{source}->{dest}"


def _features(names) -> list[dict]:
    features = []
    for name in names:
        operation, columns = FEATURE_DEFINITIONS[name]
        formula = FEATURE_OPERATION_FORMULAS[operation]
        for k, column in enumerate(columns):
            formula = formula.replace(f"c{k}", str(column))
        features.append({"name": name, "label": FEATURE_LABELS.get(name, name),
                         "operation": operation, "columns": list(columns),
                         "formula": formula})
    return features


def _output(session) -> dict:
    net = session.net
    activation = net.output_activation
    output = {"activation": activation, "formula": FORMULAS[activation],
              "meaning": OUTPUT_MEANINGS[activation], "units": int(net.layer_sizes[-1]),
              "loss": session.loss}
    if session.points.task == "classification":
        k = max(int(session.n_classes), 2)
        output["classes"] = [session.class_label(c) for c in range(k)]
        output["decision"] = ("class 1 where output > 0.5, else class 0"
                              if activation == "sigmoid" else "argmax over the outputs")
    return output


def describe_model(session) -> dict:
    """The trained model of ``session`` (``core.session.Session``) as plain data.

    Keys: ``format`` ("backprop-playground-model"), ``version`` (1), ``task``
    ("classification" | "regression"), ``step`` (training steps so far), ``inputs``
    (``names``: the raw input names, ``dim``), ``features`` (one dict per network input, in
    order: ``name``, ``label``, ``operation`` ∈ identity/square/product/sin, ``columns``
    (0-based raw input columns), ``formula``), ``standardization`` (``enabled``, ``order``
    "after_features", ``formula``, ``mean``, ``std``: lists of len(features)),
    ``layer_sizes``, ``convention``, ``layers`` (per weight layer: ``name``, ``index``,
    ``activation``, ``formula``, ``shape`` [out, in], ``weights`` (out × in nested lists),
    ``biases`` (out)), ``output`` (``activation``, ``formula``, ``meaning`` (a code of
    :data:`OUTPUT_MEANINGS`), ``units``, ``loss``, and for classification ``classes`` and
    ``decision``), ``dropout`` (per hidden layer; a training-only operation, not applied when
    predicting), ``activation_formulas`` (every activation used) and
    ``feature_operations`` (:data:`FEATURE_OPERATION_FORMULAS`).

    Every float is a Python float equal to the float64 value (JSON writers with ``repr``
    round-trip it exactly). Raises :class:`NonFiniteParameters` (a ValueError) when a weight
    or bias is NaN or infinite, e.g. after a divergence.
    """
    net = session.net
    n_layers = len(net.weights)
    activations = [*net.hidden_activations, net.output_activation]
    layers = []
    for index, (w, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        w, b = np.asarray(w, dtype=np.float64), np.asarray(b, dtype=np.float64)
        if not (np.all(np.isfinite(w)) and np.all(np.isfinite(b))):
            raise NonFiniteParameters(index, layer_name(index, n_layers))
        layers.append({"name": layer_name(index, n_layers), "index": index,
                       "activation": activations[index], "formula": FORMULAS[activations[index]],
                       "shape": list(w.shape), "weights": w.tolist(), "biases": b.tolist()})
        if getattr(net, "batch_norm", False) and index < n_layers - 1:
            layers[-1]["batch_norm"] = {
                "gamma": net.bn_gamma[index].tolist(), "beta": net.bn_beta[index].tolist(),
                "running_mean": net.bn_running_mean[index].tolist(),
                "running_var": net.bn_running_var[index].tolist(), "eps": BN_EPS,
                "formula": "u = a @ W.T + b; z = gamma * (u - running_mean) / "
                           "np.sqrt(running_var + eps) + beta"}
    standardizer = session.standardizer
    return {
        "format": MODEL_FORMAT,
        "version": MODEL_VERSION,
        "task": session.points.task,
        "step": int(session.trainer.step_count),
        "inputs": {"names": list(session.feature_names), "dim": int(session.points.dim)},
        "features": _features(session.input_features),
        "standardization": {
            "enabled": bool(session.data.standardize),
            "order": "after_features",
            "formula": "(f - mean) / std",
            "mean": standardizer.mean.tolist(),
            "std": standardizer.std.tolist(),
        },
        "layer_sizes": [int(s) for s in net.layer_sizes],
        "convention": "z = a @ W.T + b per layer; W has shape (out, in); a_0 = standardized "
                      "features; a_(l+1) = activation_l(z)",
        "layers": layers,
        "output": _output(session),
        "dropout": [float(p) for p in net.dropout],
        "activation_formulas": {name: FORMULAS[name] for name in dict.fromkeys(activations)},
        "feature_operations": dict(FEATURE_OPERATION_FORMULAS),
    }
