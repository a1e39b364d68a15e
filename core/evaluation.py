"""The model evaluated on each split of a session: per-split metrics and ``predictions.csv``.

A split is named in :data:`SPLITS` and found on the session as ``<name>_indices`` — indices
into ``session.points`` (``Session.train_indices``, ``Session.test_indices``; a session with
a validation split provides ``validation_indices``). A split the session does not have, or an
empty one, has no metrics (None → ``null`` in ``summary.json``). The outputs are one forward
pass of ``session.net`` over the split's prepared inputs (``Session.transform``: the features
and standardization of training), and the numbers come from :func:`core.metrics.metrics_report`.
Pure NumPy and the csv module; no Qt.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.metrics import DEFAULT_THRESHOLD, class_probabilities, metrics_report, report_classes

__all__ = ["SPLITS", "PREDICTIONS_NAME", "SplitOutputs", "split_outputs", "split_metrics",
           "prediction_rows", "write_predictions_csv"]

SPLITS: tuple[str, ...] = ("train", "validation", "test")
"""The splits, in the order of ``summary.json``'s "metrics" and of ``predictions.csv``."""
PREDICTIONS_NAME = "predictions.csv"


@dataclass(frozen=True)
class SplitOutputs:
    """One split evaluated: ``indices`` (n,) int64 into ``session.points``, ``y_true`` (n,)
    (int64 class labels, or float64 regression targets) and ``outputs`` (n, d_out) float64
    network outputs (p(class 1) for a sigmoid, softmax probabilities, or predictions)."""

    name: str
    indices: np.ndarray
    y_true: np.ndarray
    outputs: np.ndarray


def task_of(session) -> tuple[str, int]:
    """(task, number of classes; 0 for regression) of the session's points."""
    task = session.points.task
    return task, (0 if task == "regression" else int(session.n_classes))


def split_outputs(session, name: str) -> SplitOutputs | None:
    """The split ``name`` of ``session`` evaluated, or None when the session has no such split
    (or it is empty). ValueError for a name not in :data:`SPLITS`."""
    if name not in SPLITS:
        raise ValueError(f"unknown split {name!r}; splits: {', '.join(SPLITS)}")
    indices = getattr(session, f"{name}_indices", None)
    if indices is None or len(indices) == 0:
        return None
    indices = np.asarray(indices, dtype=np.int64)
    points = session.points
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        outputs = session.net.forward(session.transform(points.X[indices])).output
    task, _ = task_of(session)
    y = points.y[indices]
    y_true = y.astype(np.float64) if task == "regression" else y.astype(np.int64)
    return SplitOutputs(name, indices, y_true, np.asarray(outputs, dtype=np.float64))


def split_metrics(session, threshold: float = DEFAULT_THRESHOLD,
                  splits: tuple[str, ...] = SPLITS) -> dict[str, dict | None]:
    """``{split: metrics_report(...) or None}`` for every name in ``splits`` (in order)."""
    task, n_classes = task_of(session)
    result: dict[str, dict | None] = {}
    for name in splits:
        split = split_outputs(session, name)
        result[name] = None if split is None else metrics_report(
            split.y_true, split.outputs, task, n_classes, threshold)
    return result


def prediction_rows(session, splits: tuple[str, ...] = SPLITS) -> tuple[list[str], list[list]]:
    """(header, rows) of ``predictions.csv``: one row per point of each split, splits in
    order and points by index. Classification: ``split,row,y_true,y_pred,p_0,…,p_{K-1}``
    (``row`` the point's index in ``session.points``, ``y_pred`` by the app's class rule,
    ``p_k`` the class probabilities — for two classes 1 − p and p); regression:
    ``split,row,y_true,y_pred``. Floats are written with ``repr`` (they read back exactly)."""
    task, n_classes = task_of(session)
    header = ["split", "row", "y_true", "y_pred"]
    if task != "regression":
        header += [f"p_{k}" for k in range(n_classes)]
    rows: list[list] = []
    for name in splits:
        split = split_outputs(session, name)
        if split is None:
            continue
        if task == "regression":
            for i, y, value in zip(split.indices, split.y_true, split.outputs[:, 0],
                                   strict=True):
                rows.append([name, int(i), repr(float(y)), repr(float(value))])
            continue
        probabilities = class_probabilities(split.outputs, n_classes)
        predicted = report_classes(probabilities, n_classes)
        for i, y, k, p in zip(split.indices, split.y_true, predicted, probabilities,
                              strict=True):
            rows.append([name, int(i), int(y), int(k), *(repr(float(v)) for v in p)])
    return header, rows


def write_predictions_csv(session, path: str | os.PathLike,
                          splits: tuple[str, ...] = SPLITS) -> Path:
    """Write :func:`prediction_rows` to ``path`` (UTF-8, the csv module); returns the path.
    OSError when the file cannot be written."""
    header, rows = prediction_rows(session, splits)
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path
