"""Per-split metrics and predictions.csv (issue 14 part 2), recomputed from the model here:
the test runs the network on the session's prepared arrays (X_train, X_test) itself."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from core.evaluation import SPLITS, prediction_rows, split_metrics, split_outputs
from core.headless import PREDICTIONS_NAME, SUMMARY_NAME, run_headless
from core.scene import save_scene, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings


def _session(task="classification", preset="xor", steps=30):
    features = ("x1",) if task == "regression" else ("x1", "x2")
    session = Session(DataSettings(task=task, preset=preset, n_points=60, features=features),
                      NetworkSettings(hidden_sizes=(4,)), TrainingSettings(learning_rate=0.1))
    for _ in range(steps):
        session.trainer.step()
    return session


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_split_metrics_recomputed_from_the_model():
    session = _session()
    result = split_metrics(session)
    assert list(result) == list(SPLITS) and len(session.validation_indices) > 0
    for name, X, indices in (("train", session.X_train, session.train_indices),
                             ("validation", session.X_validation, session.validation_indices),
                             ("test", session.X_test, session.test_indices)):
        p1 = session.net.forward(X).output[:, 0]
        y = session.points.y[indices]
        predicted = (p1 > 0.5).astype(int)
        report = result[name]
        assert report["accuracy"] == np.mean(predicted == y)
        targets = {"train": session.y_train, "validation": session.y_validation,
                   "test": session.y_test}[name]
        assert report["accuracy"] == session.trainer.evaluate(X, targets)[1]
        for i in range(2):
            for j in range(2):
                assert report["confusion_matrix"][i][j] == np.sum((y == i) & (predicted == j))
        tp = np.sum((y == 1) & (predicted == 1))
        assert report["precision"][1] == pytest.approx(tp / max(1, np.sum(predicted == 1)))
        # AUC as the share of (positive, negative) pairs ranked right, ties half (Mann–Whitney)
        pos, neg = p1[y == 1], p1[y == 0]
        pairs = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
        assert report["roc_auc"] == pytest.approx(pairs.mean(), rel=1e-12)


def test_a_split_list_drives_the_metrics_and_a_validation_split_is_used_when_present():
    session = _session()
    session.validation_indices = session.test_indices[:5]   # as a three-way split provides
    result = split_metrics(session)
    assert result["validation"]["confusion_matrix"] is not None
    assert sum(map(sum, result["validation"]["confusion_matrix"])) == 5
    assert list(split_metrics(session, splits=("test",))) == ["test"]
    session.test_indices = np.empty(0, dtype=np.int64)       # an empty split has no metrics
    assert split_metrics(session)["test"] is None
    with pytest.raises(ValueError, match="unknown split"):
        split_outputs(session, "holdout")


def test_predictions_rows_three_classes_and_regression():
    session = _session(preset="blobs")
    assert session.n_classes >= 3
    header, rows = prediction_rows(session)
    k = session.n_classes
    assert header == ["split", "row", "y_true", "y_pred", *(f"p_{i}" for i in range(k))]
    test_rows = [r for r in rows if r[0] == "test"]
    assert [r[1] for r in test_rows] == session.test_indices.tolist()
    probabilities = session.net.forward(session.X_test).output
    for row, p, y in zip(test_rows, probabilities, session.y_test, strict=True):
        assert row[2] == y and row[3] == int(np.argmax(p))
        assert [float(v) for v in row[4:]] == p.tolist()
    regression = _session("regression", "sine")
    header, rows = prediction_rows(regression)
    assert header == ["split", "row", "y_true", "y_pred"]
    train = [r for r in rows if r[0] == "train"]
    predicted = regression.net.forward(regression.X_train).output[:, 0]
    assert [float(r[3]) for r in train] == predicted.tolist()
    report = split_metrics(regression)["train"]
    assert report["mse"] == pytest.approx(np.mean((predicted - regression.y_train) ** 2))
    assert report["mse"] == pytest.approx(regression.trainer.evaluate(
        regression.X_train, regression.y_train)[0], rel=1e-12)


def test_headless_writes_metrics_per_split_and_predictions_csv(tmp_path):
    session = _session(steps=5)
    path = tmp_path / "scene.json"
    save_scene(path, scene_to_dict(session))
    summary = run_headless(scene_path=path, steps=20, export_dir=tmp_path / "out")
    for _ in range(20):
        session.trainer.step()
    written = json.loads((tmp_path / "out" / SUMMARY_NAME).read_text(encoding="utf-8"))
    assert written["metrics"] == summary["metrics"]
    assert list(summary["metrics"]) == ["train", "validation", "test"]
    assert summary["metrics"]["validation"]["accuracy"] == summary["validation_accuracy"]
    assert summary["metrics"]["test"]["accuracy"] == summary["test_accuracy"]
    assert summary["metrics"]["train"]["accuracy"] == summary["train_accuracy"]
    assert "train_loss" in summary["measurements"]
    rows = _read_csv(tmp_path / "out" / PREDICTIONS_NAME)
    assert rows[0] == ["split", "row", "y_true", "y_pred", "p_0", "p_1"]
    p1 = session.net.forward(session.X_train).output[:, 0]
    train = [r for r in rows[1:] if r[0] == "train"]
    assert len(train) == len(p1) and len(rows) - 1 == len(session.points.y)
    for row, p, point in zip(train, p1, session.train_indices, strict=True):
        assert int(row[1]) == point and int(row[2]) == session.points.y[point]
        assert int(row[3]) == int(p > 0.5)
        assert float(row[5]) == p and float(row[4]) == 1.0 - p


def test_every_trainer_accuracy_comes_from_core_metrics(monkeypatch):
    """The one rule: the history (status bar, loss curve) and Trainer.evaluate (lessons,
    summary) count accuracy with core.metrics.accuracy."""
    import core.training

    session = _session(steps=0)
    calls = []
    original = core.training.accuracy

    def spy(y_true, y_pred):
        calls.append(len(y_true))
        return original(y_true, y_pred)

    monkeypatch.setattr(core.training, "accuracy", spy)
    session.trainer.step()
    assert sorted(calls) == sorted([len(session.X_train), len(session.X_validation),
                                    len(session.X_test)])
    calls.clear()
    session.trainer.evaluate(session.X_test, session.y_test)
    assert calls == [len(session.X_test)]
