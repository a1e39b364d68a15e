"""Classification metrics against a confusion matrix counted by hand."""

import json
import math

import numpy as np
import pytest

from core.metrics import (
    accuracy,
    classification_report,
    confusion_matrix,
    precision_recall_f1,
    predicted_classes,
)

# Hand example: true 0 0 1 1 2 2, predicted 0 1 1 1 2 0.
Y_TRUE = np.array([0, 0, 1, 1, 2, 2])
Y_PRED = np.array([0, 1, 1, 1, 2, 0])


def test_confusion_matrix_rows_are_true_classes_columns_predictions():
    expected = [[1, 1, 0],
                [0, 2, 0],
                [1, 0, 1]]
    matrix = confusion_matrix(Y_TRUE, Y_PRED, 3)
    assert matrix.dtype == np.int64
    np.testing.assert_array_equal(matrix, expected)
    np.testing.assert_array_equal(confusion_matrix([1], [0], 4)[1], [1, 0, 0, 0])


def test_accuracy_is_the_fraction_correct():
    assert accuracy(Y_TRUE, Y_PRED) == 4 / 6
    assert accuracy([1, 1], [1, 1]) == 1.0
    assert math.isnan(accuracy([], []))


def test_precision_recall_f1_per_class_by_hand():
    precision, recall, f1 = precision_recall_f1(Y_TRUE, Y_PRED, 3)
    # class 0: TP 1, predicted 2, actual 2; class 1: TP 2, predicted 3, actual 2;
    # class 2: TP 1, predicted 1, actual 2.
    np.testing.assert_allclose(precision, [1 / 2, 2 / 3, 1.0], rtol=1e-15)
    np.testing.assert_allclose(recall, [1 / 2, 1.0, 1 / 2], rtol=1e-15)
    np.testing.assert_allclose(f1, [1 / 2, 0.8, 2 / 3], rtol=1e-15)


def test_zero_denominators_give_zero_not_nan():
    precision, recall, f1 = precision_recall_f1([0, 0], [0, 0], 3)
    np.testing.assert_array_equal(precision, [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(recall, [1.0, 0.0, 0.0])
    np.testing.assert_array_equal(f1, [1.0, 0.0, 0.0])


def test_classification_report_is_plain_data():
    report = classification_report(Y_TRUE, Y_PRED, 3, class_names=["a", "b", "c"])
    json.dumps(report)
    assert report["n"] == 6 and report["accuracy"] == 4 / 6
    assert report["confusion"][2] == [1, 0, 1]
    assert [c["name"] for c in report["per_class"]] == ["a", "b", "c"]
    assert [c["support"] for c in report["per_class"]] == [2, 2, 2]
    assert report["macro"]["recall"] == pytest.approx((0.5 + 1 + 0.5) / 3, rel=1e-15)
    with pytest.raises(ValueError, match="class names"):
        classification_report(Y_TRUE, Y_PRED, 3, class_names=["a"])


def test_predicted_classes_threshold_sigmoid_at_one_half():
    p = np.array([[0.2], [0.5], [0.5000001], [0.99]])
    np.testing.assert_array_equal(predicted_classes(p), [0, 0, 1, 1])
    np.testing.assert_array_equal(predicted_classes(p[:, 0]), [0, 0, 1, 1])
    assert predicted_classes(p).dtype == np.int64


def test_predicted_classes_take_the_softmax_argmax():
    p = np.array([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25], [0.3, 0.3, 0.4], [0.4, 0.4, 0.2]])
    np.testing.assert_array_equal(predicted_classes(p), [1, 0, 2, 0])  # ties → first
    with pytest.raises(ValueError):
        predicted_classes(np.zeros((2, 2, 2)))


def test_invalid_labels_raise():
    with pytest.raises(ValueError, match="outside"):
        confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError, match="outside"):
        confusion_matrix([0, 1], [-1, 1], 3)
    with pytest.raises(ValueError, match="shape"):
        accuracy([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="integer"):
        accuracy([0.5, 1], [0, 1])
    with pytest.raises(ValueError, match="1-D"):
        accuracy(np.zeros((2, 1)), np.zeros((2, 1)))
