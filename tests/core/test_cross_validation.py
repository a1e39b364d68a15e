"""k-fold cross-validation (core.cross_validation): folds, stratification, runs, cancel."""

from __future__ import annotations

import numpy as np
import pytest

from core.cross_validation import (
    Cancelled,
    CrossValidationError,
    cv_rows,
    run_cross_validation,
    stratified_folds,
)
from core.datasets import TEST, TRAIN, VALIDATION, PointSet
from core.metrics import metrics_report
from core.network import MLP
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import Trainer


def _classification_session(**data):
    settings = dict(preset="blobs", n_points=90, train_fraction=0.6, validation_fraction=0.2,
                    seed=3)
    settings.update(data)
    return Session(DataSettings(**settings), NetworkSettings(hidden_sizes=(4,)),
                   TrainingSettings(learning_rate=0.1, batch_size=8))


def _regression_session():
    return Session(DataSettings(task="regression", preset="sine", n_points=41, features=("x1",),
                                validation_fraction=0.2),
                   NetworkSettings(hidden_sizes=(5,)), TrainingSettings(learning_rate=0.05))


@pytest.mark.parametrize("k", [2, 3, 5, 7, 10])
def test_folds_are_disjoint_cover_all_rows_and_keep_class_shares(k):
    rng = np.random.default_rng(1)
    labels = rng.permutation(np.repeat([0, 1, 2], [44, 19, 10]))
    folds = stratified_folds(labels, k, seed=4)
    assert len(folds) == k
    joined = np.concatenate(folds)
    assert sorted(joined.tolist()) == list(range(73))  # disjoint and covering
    sizes = [len(f) for f in folds]
    assert max(sizes) - min(sizes) <= 1
    for c in range(3):
        n_c = int(np.sum(labels == c))
        for fold in folds:
            assert abs(int(np.sum(labels[fold] == c)) - n_c / k) < 1  # within one sample


def test_folds_are_deterministic_for_a_seed_and_differ_between_seeds():
    labels = np.repeat([0, 1], [30, 20])
    a, b = stratified_folds(labels, 5, 7), stratified_folds(labels, 5, 7)
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    c = stratified_folds(labels, 5, 8)
    assert not all(np.array_equal(x, y) for x, y in zip(a, c, strict=True))


def test_regression_folds_are_shuffled_equal_parts():
    folds = stratified_folds(None, 4, seed=0, n=23)
    assert sorted(np.concatenate(folds).tolist()) == list(range(23))
    assert sorted(len(f) for f in folds) == [5, 6, 6, 6]
    assert not np.array_equal(folds[0], np.arange(len(folds[0])))  # shuffled, not a cut


def test_k_larger_than_a_class_names_the_class_and_its_count():
    labels = np.array([0] * 20 + [1] * 3 + [2] * 10)
    with pytest.raises(CrossValidationError) as info:
        stratified_folds(labels, 4, 0)
    assert info.value.code == "class_too_small"
    assert info.value.values == {"k": 4, "label": 1, "count": 3}
    assert "class 1 has only 3" in str(info.value)


@pytest.mark.parametrize("k", [1, 11, 0, -2, 2.5, True, "5"])
def test_k_out_of_range(k):
    with pytest.raises(CrossValidationError) as info:
        stratified_folds(np.zeros(50, dtype=int), k, 0)
    assert info.value.code == "k_out_of_range"
    assert isinstance(info.value, ValueError)


def test_too_few_regression_rows():
    with pytest.raises(CrossValidationError) as info:
        stratified_folds(None, 5, 0, n=4)
    assert info.value.code == "too_few_rows" and info.value.values["count"] == 4


def test_run_uses_training_and_validation_rows_only_and_leaves_the_session_alone():
    session = _classification_session()
    before = session.net.get_params().copy(), session.trainer.step_count
    result = run_cross_validation(session, 3, 5)
    rows = np.concatenate(result.folds)
    assert sorted(rows.tolist()) == cv_rows(session).tolist()
    assert not np.isin(rows, session.test_indices).any()
    assert np.array_equal(session.net.get_params(), before[0])
    assert session.trainer.step_count == before[1]
    assert result.train_loss.shape == result.val_loss.shape == (3, 6)
    assert np.all(np.isfinite(result.val_loss))
    np.testing.assert_allclose(result.mean["val_loss"], result.val_loss.mean(axis=0))
    np.testing.assert_allclose(result.std["val_loss"], result.val_loss.std(axis=0, ddof=1))
    accuracies = [m["accuracy"] for m in result.metrics]
    assert result.mean["metrics"]["accuracy"] == pytest.approx(np.mean(accuracies))
    assert result.std["metrics"]["accuracy"] == pytest.approx(np.std(accuracies, ddof=1))
    np.testing.assert_allclose(result.mean["metrics"]["confusion_matrix"],
                               np.mean([m["confusion_matrix"] for m in result.metrics], axis=0))


def test_run_is_deterministic_and_starts_every_fold_from_the_initial_weights():
    fresh = run_cross_validation(_classification_session(), 3, 6, seed=2)
    trained = _classification_session()
    for _ in range(9):
        trained.trainer.step()  # the current weights moved on; the initial ones did not
    again = run_cross_validation(trained, 3, 6, seed=2)
    assert fresh.to_json() == again.to_json()


def test_a_fold_recomputed_with_a_fresh_trainer():
    session = _classification_session()
    steps, k, f = 7, 3, 1
    result = run_cross_validation(session, k, steps, seed=5)
    held_out = result.folds[f]
    split = np.full(len(session.points), TEST, dtype=np.int8)
    split[session.train_indices] = TRAIN
    split[session.validation_indices] = TRAIN
    split[held_out] = VALIDATION
    points = session.points
    fold = Session(session.data, session.network, session.training,
                   PointSet(points.X, points.y, points.task, dim=points.dim, split=split))
    n = session.network
    net = MLP((len(fold.input_features), *n.hidden_sizes, fold.d_out),
              activation=list(n.activations_per_layer()), output_activation="softmax",
              init=n.init, seed=n.seed)
    trainer = Trainer(net, "cross_entropy", fold.X_train, fold.y_train,
                      X_validation=fold.X_validation, y_validation=fold.y_validation,
                      settings=session.training)
    for _ in range(steps):
        trainer.step()
    history = trainer.history.arrays()
    np.testing.assert_array_equal(result.train_loss[f], history["train_loss"])
    np.testing.assert_array_equal(result.val_loss[f], history["validation_loss"])
    assert result.val_accuracy[f] == history["validation_accuracy"][-1]
    outputs = net.forward(fold.X_validation).output
    expected = metrics_report(points.y[held_out], outputs, "classification", 3)
    assert result.metrics[f] == expected


def test_regression_run():
    session = _regression_session()
    result = run_cross_validation(session, 4, 3)
    assert result.task == "regression" and np.all(np.isnan(result.val_accuracy))
    assert set(result.metrics[0]) >= {"mse", "mae", "r2"}
    data = result.to_json()
    assert data["fold_results"][0]["val_accuracy"] is None
    assert data["mean"]["metrics"]["mse"] == pytest.approx(
        np.mean([m["mse"] for m in result.metrics]))


def test_progress_reports_every_step_and_cancel_stops_the_run():
    session = _classification_session()
    seen = []
    run_cross_validation(session, 2, 3, progress=lambda f, s: seen.append((f, s)))
    assert seen == [(0, 1), (0, 2), (0, 3), (1, 1), (1, 2), (1, 3)]
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 4  # cancel before the fifth step

    stepped = []
    with pytest.raises(Cancelled):
        run_cross_validation(session, 2, 3, progress=lambda f, s: stepped.append((f, s)),
                             cancelled=cancelled)
    assert stepped == [(0, 1), (0, 2), (0, 3), (1, 1)]


def test_run_reports_the_class_that_is_too_small():
    y = np.array([0] * 20 + [1] * 4 + [2] * 12)
    split = np.full(len(y), TRAIN, dtype=np.int8)
    split[[0, 1, 30, 31]] = TEST  # test points do not count
    split[[2, 20]] = VALIDATION  # validation points do
    points = PointSet(np.random.default_rng(0).normal(size=(len(y), 2)), y, split=split)
    session = Session(DataSettings(preset="blobs"), points=points)
    with pytest.raises(CrossValidationError) as info:
        run_cross_validation(session, 5, 2)
    assert info.value.code == "class_too_small"
    assert info.value.values == {"k": 5, "label": 1, "count": 4}
    run_cross_validation(session, 4, 1)  # k = 4 fits


def test_bad_steps():
    with pytest.raises(CrossValidationError) as info:
        run_cross_validation(_classification_session(), 3, 0)
    assert info.value.code == "bad_steps"
