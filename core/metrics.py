"""Classification metrics: accuracy, confusion matrix, per-class precision, recall and F1.

Labels are integer class indices in [0, K). Conventions follow scikit-learn's
``confusion_matrix`` and ``precision_recall_fscore_support``: rows of the confusion matrix
are true classes, columns predicted classes; a ratio whose denominator is 0 (a class never
predicted, or never present) is reported as 0.0 (``zero_division=0``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _labels(y, name: str) -> np.ndarray:
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class indices, got shape {y.shape}")
    if y.size and not np.issubdtype(y.dtype, np.integer):
        if not np.all(np.isfinite(y)) or np.any(y != np.round(y)):
            raise ValueError(f"{name} must hold integer class indices")
    return y.astype(np.int64)


def _pair(y_true, y_pred) -> tuple[np.ndarray, np.ndarray]:
    y_true, y_pred = _labels(y_true, "y_true"), _labels(y_pred, "y_pred")
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true {y_true.shape} and y_pred {y_pred.shape} differ in shape")
    return y_true, y_pred


def predicted_classes(output: np.ndarray) -> np.ndarray:
    """The one rule that turns network outputs into class indices: (n,) int64 in [0, K).

    Every accuracy in the app (history, loss curve, status bar, lesson outcomes, headless
    summary) and the class regions of the canvas's discretized decision map use this function.

    * ``output`` (n, 1) or (n,): sigmoid probabilities p(class 1). Class 1 where p > 0.5,
      class 0 where p ≤ 0.5 — so **p = 0.5 exactly counts as class 0** (logit z = 0 → class 0).
    * ``output`` (n, K), K ≥ 2: softmax probabilities; the class with the largest probability,
      and on a tie **the lowest class index** (``np.argmax``).

    Both cases are one tie rule — a tie goes to the lower class index — and it is the rule of
    the canvas (``gui.common.colors.probability_image``): a sigmoid output is drawn as the pair
    (1 − p, p), whose tie at p = 0.5 is the white 50/50 line of the decision boundary and whose
    discretized region there is class 0. Also used for the class of probability *targets*
    (bce targets in [0, 1], one-hot mse targets). NaN compares False → 0 for sigmoid outputs.
    Raises ValueError for other shapes.
    """
    output = np.asarray(output, dtype=np.float64)
    if output.ndim == 1 or (output.ndim == 2 and output.shape[1] == 1):
        return (output.reshape(-1) > 0.5).astype(np.int64)
    if output.ndim == 2 and output.shape[1] >= 2:
        return np.argmax(output, axis=1).astype(np.int64)
    raise ValueError(f"output must have shape (n,), (n, 1) or (n, K), got {output.shape}")


def accuracy(y_true, y_pred) -> float:
    """Fraction of equal labels, in [0, 1]; NaN for empty input. y_true, y_pred: (n,) ints."""
    y_true, y_pred = _pair(y_true, y_pred)
    if y_true.size == 0:
        return float("nan")
    return float(np.mean(y_true == y_pred))


def confusion_matrix(y_true, y_pred, n_classes: int) -> np.ndarray:
    """(K, K) int64 counts; entry [i, j] = samples of true class i predicted as class j.

    Raises ValueError for labels outside [0, n_classes) or n_classes < 1.
    """
    y_true, y_pred = _pair(y_true, y_pred)
    if n_classes < 1:
        raise ValueError(f"n_classes must be >= 1, got {n_classes}")
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if y.size and (y.min() < 0 or y.max() >= n_classes):
            raise ValueError(f"{name} has labels outside [0, {n_classes})")
    counts = np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes).astype(np.int64)


def precision_recall_f1(y_true, y_pred, n_classes: int):
    """Per-class precision, recall and F1, each (K,) float64 in [0, 1].

    precision_k = TP/(TP+FP), recall_k = TP/(TP+FN), F1 = 2PR/(P+R) (van Rijsbergen's F₁);
    0.0 where the denominator is 0.
    """
    matrix = confusion_matrix(y_true, y_pred, n_classes).astype(np.float64)
    true_positives = np.diag(matrix)
    predicted = matrix.sum(axis=0)
    actual = matrix.sum(axis=1)
    precision = np.divide(true_positives, predicted, out=np.zeros(n_classes),
                          where=predicted > 0)
    recall = np.divide(true_positives, actual, out=np.zeros(n_classes), where=actual > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros(n_classes), where=total > 0)
    return precision, recall, f1


def classification_report(y_true, y_pred, n_classes: int,
                          class_names: Sequence[str] | None = None) -> dict:
    """All metrics as plain data (for the metrics panel and exports).

    Keys: ``n``, ``accuracy``, ``confusion`` (K×K nested list), ``per_class`` (list of dicts
    with name, precision, recall, f1, support) and ``macro`` (unweighted means of precision,
    recall and F1 over the K classes).
    """
    y_true, y_pred = _pair(y_true, y_pred)
    names = list(class_names) if class_names is not None else [str(k) for k in
                                                               range(n_classes)]
    if len(names) != n_classes:
        raise ValueError(f"{len(names)} class names for {n_classes} classes")
    matrix = confusion_matrix(y_true, y_pred, n_classes)
    precision, recall, f1 = precision_recall_f1(y_true, y_pred, n_classes)
    support = matrix.sum(axis=1)
    return {
        "n": int(y_true.size),
        "accuracy": accuracy(y_true, y_pred),
        "confusion": matrix.tolist(),
        "per_class": [
            {"name": names[k], "precision": float(precision[k]), "recall": float(recall[k]),
             "f1": float(f1[k]), "support": int(support[k])}
            for k in range(n_classes)
        ],
        "macro": {"precision": float(precision.mean()), "recall": float(recall.mean()),
                  "f1": float(f1.mean())},
    }
