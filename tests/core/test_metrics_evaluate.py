"""Evaluation metrics of issue 14 part 2 against hand-computed cases: weighted averages,
row-normalized confusion matrices, ROC and precision–recall curves with ties, average
precision (scikit-learn's step-wise sum), regression MSE/MAE/R² and the per-split report."""

import json
import math

import numpy as np
import pytest

from core.metrics import (
    average_precision,
    class_probabilities,
    classification_report,
    metrics_report,
    precision_recall_curve,
    precision_recall_f1,
    predicted_classes,
    regression_metrics,
    roc_auc,
    roc_curve,
    row_normalized,
    threshold_classes,
    unpredicted_classes,
    weighted_average,
)

# scikit-learn's documentation example: AUC 0.75, AP 0.8333…
Y = np.array([0, 0, 1, 1])
S = np.array([0.1, 0.4, 0.35, 0.8])


def test_threshold_rule_is_the_class_rule_at_one_half():
    p = np.array([0.2, 0.5, 0.5000001, 0.7, np.nan])
    np.testing.assert_array_equal(threshold_classes(p), predicted_classes(p))
    np.testing.assert_array_equal(threshold_classes(p, 0.7), [0, 0, 0, 0, 0])
    np.testing.assert_array_equal(threshold_classes(p[:, None], 0.1), [1, 1, 1, 1, 0])
    with pytest.raises(ValueError, match="shape"):
        threshold_classes(np.zeros((2, 2)))


def test_row_normalized_rows_sum_to_one_and_an_empty_row_stays_zero():
    matrix = np.array([[1, 3, 0], [0, 0, 0], [2, 2, 4]])
    normalized = row_normalized(matrix)
    np.testing.assert_array_equal(normalized, [[0.25, 0.75, 0], [0, 0, 0], [0.25, 0.25, 0.5]])
    with pytest.raises(ValueError, match="square"):
        row_normalized(np.ones((2, 3)))


def test_weighted_average_weights_by_support():
    assert weighted_average([1.0, 0.0, 0.5], [2, 6, 2]) == pytest.approx(0.3, rel=1e-15)
    assert math.isnan(weighted_average([1.0], [0]))


def test_a_class_never_predicted_has_precision_zero_and_is_named():
    y_true, y_pred = [0, 1, 2, 2], [0, 1, 1, 1]   # class 2 is never predicted
    precision, recall, f1 = precision_recall_f1(y_true, y_pred, 3)
    assert precision[2] == 0.0 and recall[2] == 0.0 and f1[2] == 0.0
    report = classification_report(y_true, y_pred, 3)
    assert report["unpredicted"] == [2]
    # weighted by support 1, 1, 2: precision (1, 1/3, 0)
    assert report["weighted"]["precision"] == pytest.approx((1 + 1 / 3) / 4, rel=1e-15)
    assert unpredicted_classes([[1, 0], [1, 0]]) == [1]


def test_roc_curve_by_hand():
    fpr, tpr, thresholds = roc_curve(Y, S)
    # descending scores 0.8(1) 0.4(0) 0.35(1) 0.1(0)
    np.testing.assert_array_equal(fpr, [0, 0, 0.5, 0.5, 1])
    np.testing.assert_array_equal(tpr, [0, 0.5, 0.5, 1, 1])
    np.testing.assert_array_equal(thresholds, [np.inf, 0.8, 0.4, 0.35, 0.1])
    assert roc_auc(Y, S) == 0.75


def test_tied_scores_move_together_as_one_diagonal_step():
    y = np.array([1, 0, 1, 0])
    scores = np.array([0.9, 0.5, 0.5, 0.1])   # a positive and a negative tie at 0.5
    fpr, tpr, thresholds = roc_curve(y, scores)
    np.testing.assert_array_equal(thresholds, [np.inf, 0.9, 0.5, 0.1])
    np.testing.assert_array_equal(fpr, [0, 0, 0.5, 1])
    np.testing.assert_array_equal(tpr, [0, 0.5, 1, 1])
    # trapezoids: 0 + (0.5 · (0.5 + 1)/2) + 0.5 · 1 = 0.875 (the tie counts half)
    assert roc_auc(y, scores) == 0.875
    precision, recall, _ = precision_recall_curve(y, scores)
    np.testing.assert_array_equal(precision, [1, 2 / 3, 0.5])
    np.testing.assert_array_equal(recall, [0.5, 1, 1])
    # AP = (0.5 − 0)·1 + (1 − 0.5)·2/3 + 0·0.5
    assert average_precision(y, scores) == pytest.approx(0.5 + 1 / 3, rel=1e-15)
    # all scores equal: one step from (0, 0) to (1, 1), AUC 1/2, AP = the positive share
    assert roc_auc(y, np.full(4, 0.3)) == 0.5
    assert average_precision(y, np.full(4, 0.3)) == 0.5


def test_average_precision_is_the_step_wise_sum():
    precision, recall, thresholds = precision_recall_curve(Y, S)
    np.testing.assert_array_equal(thresholds, [0.8, 0.4, 0.35, 0.1])
    np.testing.assert_allclose(precision, [1, 0.5, 2 / 3, 0.5], rtol=1e-15)
    np.testing.assert_array_equal(recall, [0.5, 0.5, 1, 1])
    assert average_precision(Y, S) == pytest.approx(0.5 * 1 + 0.5 * 2 / 3, rel=1e-15)


def test_curves_are_undefined_without_one_class_and_refuse_bad_input():
    fpr, tpr, _ = roc_curve([1, 1], [0.2, 0.6])
    assert np.isnan(fpr).all() and not np.isnan(tpr).any()
    assert math.isnan(roc_auc([1, 1], [0.2, 0.6]))
    assert math.isnan(roc_auc([0, 0], [0.2, 0.6]))
    assert math.isnan(average_precision([0, 0], [0.2, 0.6]))
    assert average_precision([1, 1], [0.2, 0.6]) == 1.0
    with pytest.raises(ValueError, match="finite"):
        roc_curve([0, 1], [0.2, np.nan])
    with pytest.raises(ValueError, match="0 and 1"):
        roc_curve([0, 2], [0.2, 0.3])
    with pytest.raises(ValueError, match="differ in shape"):
        average_precision([0, 1], [0.2])


def test_regression_metrics_by_hand_and_constant_targets():
    m = regression_metrics([1.0, 2.0, 3.0], [1.0, 2.5, 2.0])
    # residuals 0, −0.5, 1: SS_res 1.25, SS_tot 2
    assert m["mse"] == pytest.approx(1.25 / 3, rel=1e-15)
    assert m["mae"] == pytest.approx(0.5, rel=1e-15)
    assert m["r2"] == pytest.approx(1 - 1.25 / 2, rel=1e-15)
    assert regression_metrics([2.0, 2.0], [2.0, 2.0])["r2"] == 1.0   # constant y, exact
    assert regression_metrics([2.0, 2.0], [2.0, 3.0])["r2"] == 0.0   # constant y, not exact
    assert all(math.isnan(v) for v in regression_metrics([], []).values())
    with pytest.raises(ValueError, match="must be equal"):
        regression_metrics([1.0, 2.0], [1.0])


def test_metrics_report_has_exactly_the_summary_keys():
    p1 = np.array([[0.1], [0.6], [0.35], [0.8]])
    report = metrics_report(Y, p1, "classification", 2)
    json.dumps(report)
    assert list(report) == ["accuracy", "confusion_matrix", "precision", "recall", "f1",
                            "macro_f1", "roc_auc", "average_precision"]
    # predictions at 0.5: 0 1 0 1 against 0 0 1 1
    assert report["confusion_matrix"] == [[1, 1], [1, 1]]
    assert report["accuracy"] == 0.5 and report["precision"] == [0.5, 0.5]
    assert report["roc_auc"] == 0.75
    moved = metrics_report(Y, p1, "classification", 2, threshold=0.7)  # only 0.8 is class 1
    assert moved["confusion_matrix"] == [[2, 0], [1, 1]]
    assert moved["roc_auc"] == report["roc_auc"]      # curves do not depend on the threshold
    softmax = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]])
    three = metrics_report([0, 1, 1], softmax, "classification", 3)
    assert list(three) == ["accuracy", "confusion_matrix", "precision", "recall", "f1",
                           "macro_f1"]
    assert three["confusion_matrix"] == [[1, 0, 0], [0, 1, 1], [0, 0, 0]]
    assert three["precision"] == [1.0, 1.0, 0.0]       # class 2: predicted once, wrongly
    assert three["macro_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3, rel=1e-15)
    assert metrics_report([1.0, 3.0], np.array([[1.0], [2.0]]), "regression") == {
        "mse": 0.5, "mae": 0.5, "r2": 0.5}


def test_metrics_report_refuses_bad_input():
    with pytest.raises(ValueError, match="no samples"):
        metrics_report([], np.empty((0, 1)), "classification", 2)
    with pytest.raises(ValueError, match="two classes only"):
        metrics_report([0], np.array([[0.5, 0.3, 0.2]]), "classification", 3, threshold=0.3)
    with pytest.raises(ValueError, match="do not fit 3 classes"):
        metrics_report([0], np.array([[0.5]]), "classification", 3)
    with pytest.raises(ValueError, match="task"):
        metrics_report([0], np.array([[0.5]]), "clustering", 2)
    with pytest.raises(ValueError, match="outputs for"):
        metrics_report([0, 1], np.array([[0.5]]), "classification", 2)
    # non-finite outputs (a diverged network): the curves are undefined, not an error
    report = metrics_report([0, 1], np.array([[np.nan], [0.7]]), "classification", 2)
    assert math.isnan(report["roc_auc"]) and math.isnan(report["average_precision"])
    np.testing.assert_array_equal(class_probabilities([0.25], 2), [[0.75, 0.25]])


def test_agrees_with_scikit_learn_when_installed():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(3)
    y = rng.integers(0, 2, 60)
    scores = np.round(rng.random(60), 1)          # many ties
    assert roc_auc(y, scores) == pytest.approx(metrics.roc_auc_score(y, scores), rel=1e-12)
    assert average_precision(y, scores) == pytest.approx(
        metrics.average_precision_score(y, scores), rel=1e-12)
    targets, predictions = rng.normal(size=30), rng.normal(size=30)
    assert regression_metrics(targets, predictions)["r2"] == pytest.approx(
        metrics.r2_score(targets, predictions), rel=1e-12)
