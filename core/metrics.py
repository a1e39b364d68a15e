"""Evaluation metrics: the one class rule, accuracy, confusion matrix, precision/recall/F1,
ROC and precision–recall curves for two classes, and MSE/MAE/R² for regression.

Labels are integer class indices in [0, K). Conventions follow scikit-learn's
``confusion_matrix``, ``precision_recall_fscore_support``, ``roc_curve``,
``precision_recall_curve``, ``average_precision_score`` and ``r2_score``: rows of the
confusion matrix are true classes, columns predicted classes; a ratio whose denominator is 0
(a class never predicted, or never present) is reported as 0.0 (``zero_division=0``) — so
**precision with no predicted positives is 0**. :func:`metrics_report` gathers the numbers
that ``summary.json`` stores per split (``core.evaluation``).
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


DEFAULT_THRESHOLD = 0.5
"""The decision threshold of the app's class rule for a sigmoid output (p > 0.5 → class 1)."""


def threshold_classes(p1, threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """Two classes at a decision threshold: (n,) int64, class 1 where ``p1 > threshold``.

    ``p1`` (n,) or (n, 1) float: p(class 1). A score equal to the threshold is class 0 (the
    rule of :func:`predicted_classes` at 0.5); NaN is class 0. ``threshold`` is any float
    (the metrics view's draggable threshold lies in [0, 1]). ValueError for other shapes.
    """
    p1 = np.asarray(p1, dtype=np.float64)
    if p1.ndim == 2 and p1.shape[1] == 1:
        p1 = p1.reshape(-1)
    if p1.ndim != 1:
        raise ValueError(f"p1 must have shape (n,) or (n, 1), got {p1.shape}")
    return (p1 > float(threshold)).astype(np.int64)


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
        return threshold_classes(output.reshape(-1), DEFAULT_THRESHOLD)
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
    with name, precision, recall, f1, support), ``macro`` (unweighted means of precision,
    recall and F1 over the K classes), ``weighted`` (means weighted by support,
    :func:`weighted_average`) and ``unpredicted`` (classes never predicted, whose precision is
    0 by the zero-division rule; :func:`unpredicted_classes`).
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
        "weighted": {"precision": weighted_average(precision, support),
                     "recall": weighted_average(recall, support),
                     "f1": weighted_average(f1, support)},
        "unpredicted": unpredicted_classes(matrix),
    }


def row_normalized(matrix) -> np.ndarray:
    """(K, K) float64: each row of a confusion matrix divided by its sum (the share of true
    class i predicted as j, each row summing to 1). A row with no samples stays all 0.
    ValueError unless ``matrix`` is square 2-D with non-negative entries."""
    matrix = np.asarray(matrix, dtype=np.float64)
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or np.any(matrix < 0):
        raise ValueError(f"matrix must be a square count matrix, got shape {matrix.shape}")
    rows = matrix.sum(axis=1, keepdims=True)
    return np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)


def weighted_average(values, support) -> float:
    """Σ_k support_k · values_k / Σ_k support_k (scikit-learn's ``average="weighted"``);
    NaN when the support sums to 0. values, support: (K,)."""
    values = np.asarray(values, dtype=np.float64)
    support = np.asarray(support, dtype=np.float64)
    total = float(support.sum())
    return float(np.dot(values, support) / total) if total > 0 else float("nan")


def unpredicted_classes(matrix) -> list[int]:
    """Indices of the classes no sample was predicted as (all-zero columns of the confusion
    matrix): their precision is 0 by definition (no predicted positives), not measured."""
    matrix = np.asarray(matrix)
    return [int(k) for k in np.flatnonzero(matrix.sum(axis=0) == 0)]


# --------------------------------------------------------------------------- two classes
def _binary_scores(y_true, scores) -> tuple[np.ndarray, np.ndarray]:
    y_true = _labels(y_true, "y_true")
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim == 2 and scores.shape[1] == 1:
        scores = scores.reshape(-1)
    if scores.shape != y_true.shape:
        raise ValueError(f"scores {scores.shape} and y_true {y_true.shape} differ in shape")
    if y_true.size and (y_true.min() < 0 or y_true.max() > 1):
        raise ValueError("y_true must hold the labels 0 and 1 for a two-class curve")
    if not np.all(np.isfinite(scores)):
        raise ValueError("scores must be finite (the network's outputs are NaN or infinite)")
    return y_true, scores


def _cumulative_counts(y_true, scores):
    """Thresholds (the distinct scores, decreasing) and the true/false positives of the rule
    ``score >= threshold`` at each: a group of tied scores enters together."""
    order = np.argsort(-scores, kind="mergesort")
    sorted_scores, sorted_true = scores[order], y_true[order]
    last_of_group = np.r_[np.flatnonzero(np.diff(sorted_scores)), sorted_scores.size - 1]
    if sorted_scores.size == 0:
        last_of_group = np.empty(0, dtype=np.int64)
    true_positives = np.cumsum(sorted_true)[last_of_group].astype(np.float64)
    false_positives = (last_of_group + 1) - true_positives
    return sorted_scores[last_of_group], true_positives, false_positives


def roc_curve(y_true, scores) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ROC curve of two classes: (fpr, tpr, thresholds), each (m + 1,) float64.

    y_true (n,) labels 0/1; scores (n,) or (n, 1) finite floats, higher = more class 1
    (p(class 1)). **Tie rule** (scikit-learn's ``roc_curve`` without dropping points): the
    thresholds are the m distinct scores in decreasing order, preceded by +inf; at threshold t
    the points with ``score >= t`` are called positive, so tied scores move together and a
    group of ties that mixes the classes is one diagonal segment. The first point is (0, 0),
    the last (1, 1). fpr = FP / N, tpr = TP / P in [0, 1]; with no negatives (N = 0) fpr is
    NaN, with no positives tpr is NaN (undefined, as scikit-learn warns). (The decision rule
    ``p > t`` of :func:`threshold_classes` gives the same operating points: ``p > t`` for t
    between two distinct scores is ``p >= `` the next score above t.)
    ValueError for shapes that differ, labels other than 0/1, or non-finite scores.
    """
    y_true, scores = _binary_scores(y_true, scores)
    thresholds, tp, fp = _cumulative_counts(y_true, scores)
    positives, negatives = float(np.sum(y_true == 1)), float(np.sum(y_true == 0))
    tp, fp = np.r_[0.0, tp], np.r_[0.0, fp]
    tpr = tp / positives if positives > 0 else np.full(tp.shape, np.nan)
    fpr = fp / negatives if negatives > 0 else np.full(fp.shape, np.nan)
    return fpr, tpr, np.r_[np.inf, thresholds]


def roc_auc(y_true, scores) -> float:
    """Area under :func:`roc_curve` by the trapezoid rule, in [0, 1] (0.5 = chance; a tied
    group counts half, as its diagonal segment). NaN when one class is absent. Same errors
    as :func:`roc_curve`. Source: Fawcett, "An introduction to ROC analysis", 2006."""
    fpr, tpr, _ = roc_curve(y_true, scores)
    if np.isnan(fpr).any() or np.isnan(tpr).any():
        return float("nan")
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2.0))


def precision_recall_curve(y_true, scores) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, thresholds), each (m,) float64, at the m distinct scores in
    decreasing order, calling ``score >= t`` positive (tied scores move together, as in
    :func:`roc_curve`). Every threshold calls at least one point positive, so precision
    = TP / (TP + FP) is always defined; recall = TP / P is NaN when there are no positives.
    Unlike scikit-learn no extra (recall 0, precision 1) point is appended. Same errors as
    :func:`roc_curve`."""
    y_true, scores = _binary_scores(y_true, scores)
    thresholds, tp, fp = _cumulative_counts(y_true, scores)
    positives = float(np.sum(y_true == 1))
    precision = np.divide(tp, tp + fp, out=np.zeros_like(tp), where=(tp + fp) > 0)
    recall = tp / positives if positives > 0 else np.full(tp.shape, np.nan)
    return precision, recall, thresholds


def average_precision(y_true, scores) -> float:
    """AP = Σ_n (R_n − R_{n−1}) · P_n over the thresholds of :func:`precision_recall_curve`
    in decreasing order, with R_0 = 0 — scikit-learn's step-wise ``average_precision_score``
    (no interpolation). In [0, 1]; NaN when there are no positives. Same errors as
    :func:`roc_curve`."""
    precision, recall, _ = precision_recall_curve(y_true, scores)
    if recall.size == 0 or np.isnan(recall).any():
        return float("nan")
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


# --------------------------------------------------------------------------- regression
def regression_metrics(y_true, y_pred) -> dict[str, float]:
    """``{"mse", "mae", "r2"}`` of predictions (n,) against targets (n,) (or (n, 1)).

    mse = mean (y − ŷ)², mae = mean |y − ŷ|, r2 = 1 − SS_res / SS_tot with SS_tot = Σ (y − ȳ)²
    (coefficient of determination; ≤ 1, negative when worse than predicting ȳ). **Constant
    y** (SS_tot = 0): R² is 1.0 if the predictions are exact (SS_res = 0) and 0.0 otherwise
    (scikit-learn's ``r2_score(force_finite=True)``). All NaN for empty input.
    ValueError for shapes that differ.
    """
    y_true = np.asarray(y_true, dtype=np.float64).reshape(-1) if np.ndim(y_true) == 2 \
        else np.asarray(y_true, dtype=np.float64)
    y_pred = np.asarray(y_pred, dtype=np.float64).reshape(-1) if np.ndim(y_pred) == 2 \
        else np.asarray(y_pred, dtype=np.float64)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        raise ValueError(f"y_true {y_true.shape} and y_pred {y_pred.shape} must be equal (n,)")
    if y_true.size == 0:
        return {"mse": float("nan"), "mae": float("nan"), "r2": float("nan")}
    residual = y_true - y_pred
    ss_res = float(np.sum(residual ** 2))
    ss_tot = float(np.sum((y_true - y_true.mean()) ** 2))
    if ss_tot > 0:
        r2 = 1.0 - ss_res / ss_tot
    else:
        r2 = 1.0 if ss_res == 0 else 0.0
    return {"mse": ss_res / y_true.size, "mae": float(np.mean(np.abs(residual))), "r2": r2}


# --------------------------------------------------------------------------- report
def class_probabilities(probabilities, n_classes: int) -> np.ndarray:
    """(n, K) float64 class probabilities from network outputs: a sigmoid output (n,) or
    (n, 1) p becomes the columns (1 − p, p); an (n, K) softmax output is kept.
    ValueError when the shape does not fit ``n_classes``."""
    p = np.asarray(probabilities, dtype=np.float64)
    if n_classes == 2 and (p.ndim == 1 or (p.ndim == 2 and p.shape[1] == 1)):
        p1 = p.reshape(-1)
        return np.column_stack([1.0 - p1, p1])
    if p.ndim == 2 and p.shape[1] == n_classes and n_classes >= 2:
        return p
    raise ValueError(f"probabilities of shape {p.shape} do not fit {n_classes} classes")


def report_classes(probabilities, n_classes: int,
                   threshold: float = DEFAULT_THRESHOLD) -> np.ndarray:
    """(n,) int64 predicted classes: p(class 1) > ``threshold`` for two classes
    (:func:`threshold_classes`); for K ≥ 3 :func:`predicted_classes`, where only the default
    threshold is allowed (ValueError otherwise, and for a shape that does not fit)."""
    p = class_probabilities(probabilities, n_classes)
    if n_classes == 2:
        return threshold_classes(p[:, 1], threshold)
    if threshold != DEFAULT_THRESHOLD:
        raise ValueError("a decision threshold applies to two classes only")
    return predicted_classes(p)


def metrics_report(y_true, probabilities, task: str, n_classes: int = 0,
                   threshold: float = DEFAULT_THRESHOLD) -> dict:
    """The metrics of one split as plain data (the entries of ``summary.json``'s "metrics").

    Classification (``task="classification"``, ``n_classes`` K ≥ 2; y_true (n,) labels in
    [0, K); probabilities as :func:`class_probabilities` takes them; classes by
    :func:`report_classes` at ``threshold``): exactly the keys ``accuracy``,
    ``confusion_matrix`` (K×K nested lists of ints, rows true, columns predicted),
    ``precision``, ``recall``, ``f1`` (per-class lists, 0 where undefined), ``macro_f1``, and
    for K = 2 ``roc_auc`` and ``average_precision`` (of p(class 1); NaN when a class is absent
    from the split or the outputs are not finite). Regression (``task="regression"``; y_true
    (n,) targets, probabilities (n,) or (n, 1) predictions): :func:`regression_metrics`.

    ValueError for an unknown task, an empty split (n = 0), shapes that differ, labels out of
    range, or a threshold with K ≥ 3.
    """
    if task == "regression":
        if np.asarray(y_true).size == 0:
            raise ValueError("no samples: metrics need at least one point")
        return regression_metrics(y_true, probabilities)
    if task != "classification":
        raise ValueError(f"task must be classification or regression, got {task!r}")
    if n_classes < 2:
        raise ValueError(f"classification needs n_classes >= 2, got {n_classes}")
    y_true = _labels(y_true, "y_true")
    if y_true.size == 0:
        raise ValueError("no samples: metrics need at least one point")
    p = class_probabilities(probabilities, n_classes)
    if p.shape[0] != y_true.size:
        raise ValueError(f"{p.shape[0]} outputs for {y_true.size} labels")
    y_pred = report_classes(p, n_classes, threshold)
    matrix = confusion_matrix(y_true, y_pred, n_classes)
    precision, recall, f1 = precision_recall_f1(y_true, y_pred, n_classes)
    report = {"accuracy": accuracy(y_true, y_pred), "confusion_matrix": matrix.tolist(),
              "precision": precision.tolist(), "recall": recall.tolist(), "f1": f1.tolist(),
              "macro_f1": float(f1.mean())}
    if n_classes == 2:
        finite = bool(np.all(np.isfinite(p[:, 1])))
        report["roc_auc"] = roc_auc(y_true, p[:, 1]) if finite else float("nan")
        report["average_precision"] = (average_precision(y_true, p[:, 1]) if finite
                                       else float("nan"))
    return report
