"""Data export: the points, the training history and the weights as CSV, the model as JSON.

Written with the ``csv`` and ``json`` modules, atomically (temporary file in the same folder, then
``os.replace``; see :func:`gui.export.figures.atomic_path`). Qt is only used to translate the messages; the
module lives in ``gui/`` because it shares the export error type and is driven by the export
menu.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Mapping, Sequence

import numpy as np

from core.model_description import NonFiniteParameters, describe_model, layer_name
from gui.export.figures import ExportError, atomic_path, write_text_atomic
from gui.common.i18n import translate


def _cell(value) -> str | int:
    """One CSV cell: ints as ints, floats in shortest round-trip form (repr), NaN as 'nan'."""
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    return repr(float(value))


def export_points_csv(path: str | os.PathLike, X, y, train_mask=None,
                      feature_names: Sequence[str] | None = None, label_name: str = "label") -> str:
    """Write the data points: one row per point, columns = features, label, split ("train"/"test").

    X: (n, d) numbers; y: (n,) int class labels or float targets; train_mask: (n,) bool or None
    (all "train"). Floats are written with repr(), so reading them back gives identical float64.
    Raises ValueError on mismatched shapes, ExportError if the file cannot be written.
    """
    X = np.asarray(X, dtype=float)
    X = X.reshape(-1, 1) if X.ndim == 1 else X
    y = np.asarray(y)
    n, d = X.shape
    names = list(feature_names) if feature_names is not None else [f"x{i + 1}" for i in range(d)]
    mask = np.ones(n, dtype=bool) if train_mask is None else np.asarray(train_mask, dtype=bool)
    if y.shape != (n,) or mask.shape != (n,) or len(names) != d:
        raise ValueError(f"Points need X (n, d), y (n,), train_mask (n,) and d feature names; got "
                         f"X {X.shape}, y {y.shape}, mask {mask.shape}, {len(names)} names.")
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*names, label_name, "split"])
        for row, label, is_train in zip(X, y, mask, strict=True):
            writer.writerow([*(_cell(v) for v in row), _cell(label),
                             "train" if is_train else "test"])
    return os.fspath(path)


def export_history_csv(path: str | os.PathLike, history_arrays: Mapping[str, Sequence]) -> str:
    """Write the training history, one line per stored history row; columns in the dict's
    order ("step" first when present). NaN (accuracy of a regression) is written as "nan".
    Raises ValueError if the columns differ in length.

    With ``Trainer.history.arrays()`` every value on a line was measured at the line's
    ``step`` (step N = the network after N updates, step 0 = the initial weights; the last
    line is the current network, as in the status bar). The columns are ``train_loss`` and
    ``test_loss`` (data losses: mean over the full set, no penalty), ``train_accuracy``,
    ``test_accuracy``, ``penalty`` (L1/L2 term of those weights), ``train_objective``
    (J = train_loss + penalty, what the optimizer minimizes) and ``steps_left_out_before``:
    how many steps right before the line have no line because a long history was thinned
    (0 = none left out; see ``core.history``), ``batch_loss`` (the mini-batch data loss of
    the update that reached the step, measured at the weights before it) and ``evaluated``
    (1 = measured on the full sets; 0 = a batch-only line of a cadence run, whose full-set
    columns are "nan").
    """
    columns = {name: np.asarray(values).ravel() for name, values in history_arrays.items()}
    if "step" in columns:
        columns = {"step": columns.pop("step"), **columns}
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"History columns differ in length: "
                         f"{ {k: len(v) for k, v in columns.items()} }.")
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(columns))
        for row in zip(*columns.values(), strict=True):
            writer.writerow([_cell(v) for v in row])
    return os.fspath(path)


def _checked_layers(weights, biases, layer_sizes) -> list[tuple[np.ndarray, np.ndarray]]:
    sizes = [int(s) for s in layer_sizes]
    if len(weights) != len(sizes) - 1 or len(biases) != len(sizes) - 1:
        raise ValueError(f"{len(sizes)} layer sizes need {len(sizes) - 1} weight matrices and "
                         f"bias vectors, got {len(weights)} and {len(biases)}.")
    layers = []
    for index, (w, b) in enumerate(zip(weights, biases, strict=True)):
        w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
        if w.shape != (sizes[index + 1], sizes[index]) or b.shape != (sizes[index + 1],):
            raise ValueError(f"Layer {index + 1}: expected W {(sizes[index + 1], sizes[index])} "
                             f"and b {(sizes[index + 1],)}, got {w.shape} and {b.shape}.")
        if not (np.all(np.isfinite(w)) and np.all(np.isfinite(b))):
            raise ExportError(translate(
                "Export", "Layer {0} ({1}) contains NaN or infinite values; rewind or reset "
                          "before exporting.").format(index + 1,
                                                      layer_name(index, len(weights))))
        layers.append((w, b))
    return layers


def export_model_json(path: str | os.PathLike, session) -> str:
    """Write the trained model of ``session`` (``core.session.Session``) as self-contained
    JSON: features, standardization mean and std, layers with activations, weights and biases,
    and the output head (``core.model_description.describe_model``; keys in the README).

    Floats are written with repr(), so reading them back gives identical float64. Raises
    ExportError when a parameter is NaN or infinite (JSON has no representation for them; the
    old file is kept) or the file cannot be written.
    """
    try:
        model = describe_model(session)
    except NonFiniteParameters as error:
        raise ExportError(translate(
            "Export", "Layer {0} ({1}) contains NaN or infinite values; rewind or reset "
                      "before exporting.").format(error.layer + 1, error.name)) from None
    text = json.dumps(model, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    return write_text_atomic(os.fspath(path), text)


def export_weights_csv(path: str | os.PathLike, weights, biases, layer_sizes) -> str:
    """Write all parameters in one long CSV: layer, kind ("W"/"b"), row i, column j, value
    (j is empty for biases; layers named as in the JSON, "input->hidden1", …).

    weights[l]: (layer_sizes[l+1], layer_sizes[l]) — W ∈ ℝ^{out×in}, z = W a + b (core-api.md);
    biases[l]: (layer_sizes[l+1],). Raises ValueError on shape mismatch and ExportError on
    NaN/inf.
    """
    layers = _checked_layers(weights, biases, layer_sizes)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["layer", "kind", "i", "j", "value"])
        for index, (w, b) in enumerate(layers):
            name = layer_name(index, len(layers))
            for (i, j), value in np.ndenumerate(w):
                writer.writerow([name, "W", i, j, _cell(value)])
            for i, value in enumerate(b):
                writer.writerow([name, "b", i, "", _cell(value)])
    return os.fspath(path)

