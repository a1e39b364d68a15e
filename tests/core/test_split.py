"""The train / validation / test split: shares, determinism, 0 % validation, older scenes."""

import json
from pathlib import Path

import numpy as np
import pytest

from core.datasets import (
    TEST,
    TRAIN,
    VALIDATION,
    PointSet,
    split_codes,
    train_test_split,
)
from core.history import HISTORY_COLUMNS
from core.lessons import lesson_ids, load_lesson
from core.scene import load_scene, scene_from_dict, scene_to_dict
from core.session import Session
from core.settings import DataSettings

FIXTURE = Path(__file__).parent / "fixtures" / "scene_v1_adam.json"


def _old_train_mask(n, train_fraction, seed):
    """The training mask as the code before the validation share drew it (written out here,
    independently of core.datasets)."""
    n_train = min(max(int(round(train_fraction * n)), 1), n)
    if train_fraction < 1.0 and n >= 2:
        n_train = min(n_train, n - 1)
    mask = np.zeros(n, dtype=bool)
    mask[np.random.default_rng(seed).permutation(n)[:n_train]] = True
    return mask


@pytest.mark.parametrize("n, train, validation", [(500, 0.6, 0.2), (100, 0.5, 0.3),
                                                  (40, 0.7, 0.1), (10, 0.8, 0.2)])
def test_split_codes_give_each_split_its_share(n, train, validation):
    codes = split_codes(n, train, validation, seed=5)
    counts = np.bincount(codes, minlength=3)
    assert counts[TRAIN] == round(train * n)
    assert counts[VALIDATION] == round(validation * n)
    assert counts[TEST] == n - counts[TRAIN] - counts[VALIDATION]
    assert codes.dtype == np.int8


def test_split_is_deterministic_for_the_data_seed_and_differs_between_seeds():
    first = split_codes(300, 0.6, 0.2, seed=11)
    assert np.array_equal(first, split_codes(300, 0.6, 0.2, seed=11))
    assert not np.array_equal(first, split_codes(300, 0.6, 0.2, seed=12))
    a = Session(DataSettings(seed=4))
    b = Session(DataSettings(seed=4))
    for name in ("train_indices", "validation_indices", "test_indices"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


@pytest.mark.parametrize("n, fraction, seed", [(500, 0.7, 0), (40, 0.5, 3), (7, 0.9, 1)])
def test_zero_validation_share_keeps_the_old_train_test_split(n, fraction, seed):
    codes = split_codes(n, fraction, 0.0, seed)
    assert not np.any(codes == VALIDATION)
    assert np.array_equal(codes == TRAIN, _old_train_mask(n, fraction, seed))
    assert np.array_equal(train_test_split(n, fraction, seed), _old_train_mask(n, fraction, seed))


def test_zero_validation_session_has_no_validation_and_nan_validation_columns():
    session = Session(DataSettings(train_fraction=0.7, validation_fraction=0.0))
    assert session.validation_indices.size == 0 and session.trainer.n_validation == 0
    row = session.trainer.step()
    assert np.isnan(row.validation_loss) and np.isnan(row.validation_accuracy)
    assert session.trainer.best_validation is None


def test_validation_points_are_measured_in_their_own_history_columns():
    session = Session(DataSettings(n_points=100))
    assert "validation_loss" in HISTORY_COLUMNS and "validation_accuracy" in HISTORY_COLUMNS
    trainer = session.trainer
    for _ in range(3):
        trainer.step()
    expected_loss, expected_accuracy = trainer.evaluate(session.X_validation,
                                                        session.y_validation)
    row = trainer.history.last_row()
    assert row["validation_loss"] == expected_loss
    assert row["validation_accuracy"] == expected_accuracy
    assert trainer.last_record.validation_loss == expected_loss


@pytest.mark.parametrize("changes, words", [
    ({"train_fraction": 0.9, "validation_fraction": 0.2}, "add up to more than 100 %"),
    ({"validation_fraction": -0.1}, "Validation share must be between 0 and 0.9"),
    ({"train_fraction": -0.2}, "Training share must be between 0.1 and 1"),
])
def test_bad_shares_are_refused_with_a_clear_message_and_nothing_changes(changes, words):
    session = Session(DataSettings(n_points=50))
    before = (session.data, session.points.split.copy())
    with pytest.raises(ValueError, match=words):
        session.set_data_settings(**changes)
    assert session.data == before[0] and np.array_equal(session.points.split, before[1])
    with pytest.raises(ValueError, match="100 %"):
        split_codes(10, 0.9, 0.2)
    with pytest.raises(ValueError, match="validation share"):
        split_codes(10, 0.5, -0.1)


def test_new_shares_resplit_the_points_with_the_data_seed():
    session = Session(DataSettings(n_points=100, seed=2))
    session.set_data_settings(train_fraction=0.5, validation_fraction=0.3)
    assert np.array_equal(session.points.split, split_codes(100, 0.5, 0.3, 2))
    assert (len(session.train_indices), len(session.validation_indices),
            len(session.test_indices)) == (50, 30, 20)


def test_point_set_keeps_validation_codes_through_edits_copies_and_plain_data():
    points = PointSet(np.zeros((3, 2)), [0, 1, 0], split=[TRAIN, VALIDATION, TEST])
    points.insert(1, [1.0, 1.0], 1, split=VALIDATION)
    points.add([2.0, 2.0], 0, train=False)
    assert points.split.tolist() == [TRAIN, VALIDATION, VALIDATION, TEST, TEST]
    assert points.train.tolist() == [True, False, False, False, False]
    again = PointSet.from_dict(json.loads(json.dumps(points.to_dict())))
    assert np.array_equal(again.split, points.split)
    assert np.array_equal(points.copy().split, points.split)
    points.remove(1)
    assert points.split.tolist() == [TRAIN, VALIDATION, TEST, TEST]
    with pytest.raises(ValueError, match="0 \\(train\\), 1 \\(validation\\) or 2 \\(test\\)"):
        PointSet(np.zeros((1, 2)), [0], split=[3])


def test_scene_round_trip_keeps_the_shares_and_every_split_code():
    session = Session(DataSettings(n_points=60, train_fraction=0.5, validation_fraction=0.25))
    session.trainer.step()
    loaded, _ = scene_from_dict(json.loads(json.dumps(scene_to_dict(session))))
    assert loaded.data == session.data
    assert np.array_equal(loaded.points.split, session.points.split)
    for name in ("train_indices", "validation_indices", "test_indices"):
        assert np.array_equal(getattr(loaded, name), getattr(session, name)), name
    assert loaded.trainer.history.last_row() == session.trainer.history.last_row()


def test_old_fixture_scene_keeps_its_train_test_split_exactly():
    raw = load_scene(FIXTURE)
    assert "validation_fraction" not in raw["data"] and "split" not in raw["points"]
    train = np.asarray(raw["points"]["train"], dtype=bool)
    session, _ = scene_from_dict(raw)
    assert session.data.validation_fraction == 0.0
    assert session.data.train_fraction == raw["data"]["train_fraction"]
    assert np.array_equal(session.train_indices, np.flatnonzero(train))
    assert np.array_equal(session.test_indices, np.flatnonzero(~train))
    assert session.validation_indices.size == 0


def test_old_scene_without_points_draws_the_old_split_of_its_preset():
    raw = load_scene(FIXTURE)
    del raw["points"], raw["trainer"], raw["optimizer"], raw["network"]["weights"]
    del raw["network"]["biases"]
    session, _ = scene_from_dict(raw)
    n, fraction, seed = raw["data"]["n_points"], raw["data"]["train_fraction"], raw["data"]["seed"]
    assert np.array_equal(session.points.train, _old_train_mask(n, fraction, seed))
    assert session.validation_indices.size == 0


def _lessons_with_a_validation_share() -> set[str]:
    """Lessons whose scene asks for validation points (the early-stopping and precision-recall
    lessons); every other lesson predates the three-way split."""
    from core.lessons import list_lessons

    return {lesson.id for lesson in list_lessons()
            if "validation_fraction" in (lesson.scene.get("data") or {})}


def test_only_the_validation_lessons_ask_for_validation_points():
    assert _lessons_with_a_validation_share() == {"early-stopping", "precision-recall"}
    for lesson_id in _lessons_with_a_validation_share():
        session = load_lesson(lesson_id)
        assert session.validation_indices.size == round(
            len(session.points) * session.data.validation_fraction)


@pytest.mark.parametrize("lesson_id", sorted(set(lesson_ids()) - _lessons_with_a_validation_share()))
def test_lessons_have_no_validation_points_and_their_old_split(lesson_id):
    session = load_lesson(lesson_id)
    assert session.data.validation_fraction == 0.0
    assert session.validation_indices.size == 0
    n = len(session.points)
    assert np.array_equal(session.points.train,
                          _old_train_mask(n, session.data.train_fraction, session.data.seed))


def test_headless_summary_has_the_validation_loss_and_accuracy(tmp_path):
    from core.headless import run_headless
    from core.scene import save_scene

    session = Session(DataSettings(n_points=80))
    path = tmp_path / "scene.json"
    save_scene(path, scene_to_dict(session))
    summary = run_headless(scene_path=path, steps=5, export_dir=tmp_path / "out")
    written = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    trained, _ = scene_from_dict(load_scene(path))
    for _ in range(5):
        trained.trainer.step()
    row = trained.trainer.history.last_row()
    for summary_of in (summary, written):
        assert summary_of["validation_loss"] == row["validation_loss"]
        assert summary_of["validation_accuracy"] == row["validation_accuracy"]
        assert summary_of["best_validation_step"] == trained.trainer.best_validation.step
        assert summary_of["n_validation"] == 16
    lesson = run_headless(lesson=lesson_ids()[0], steps=2)
    assert lesson["validation_loss"] is None and lesson["validation_accuracy"] is None
    assert lesson["best_validation_step"] is None
