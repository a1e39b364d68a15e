"""Built-in lessons: every lesson file is valid, loads through the scene validation, and reaches
its stated outcome in a headless run."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest

from core.lesson_outcomes import check_expectations, lesson_metrics, run_lesson
from core.lessons import (
    LANGUAGES,
    LESSON_DIR,
    get_lesson,
    lesson_ids,
    list_lessons,
    load_lesson,
    load_lesson_scene,
)
from core.scene_validation import SceneError

IDS = lesson_ids()
_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_there_are_eight_numbered_lessons_with_the_ids_the_cli_documents():
    numbers = {lesson.number for lesson in list_lessons()}
    assert numbers == set(range(1, 9))
    for lesson_id in ("linear-regression", "linear-regression-large-lr", "xor-perceptron",
                      "xor-hidden", "vanishing-sigmoid", "vanishing-relu", "overfitting",
                      "overfitting-l2", "overfitting-dropout", "optimizers-sgd",
                      "optimizers-momentum", "optimizers-adam", "batch-one", "batch-full",
                      "spiral-softmax", "penguins-raw", "penguins-standardized"):
        assert lesson_id in IDS
    assert len(IDS) == len(set(IDS))
    assert len(list(LESSON_DIR.glob("*.json"))) == 8


@pytest.mark.parametrize("lesson_id", IDS)
def test_lesson_has_title_text_and_steps_in_english_and_chinese(lesson_id):
    lesson = get_lesson(lesson_id)
    for language in LANGUAGES:
        assert lesson.title[language].strip() and lesson.text[language].strip()
    assert _CJK.search(lesson.text["zh_CN"]) and _CJK.search(lesson.title["zh_CN"])
    assert not _CJK.search(lesson.text["en"])
    assert lesson.suggested_steps, "a lesson suggests what to do"
    assert lesson.localized("title", "zh_CN") == lesson.title["zh_CN"]
    assert lesson.localized("title", "fr") == lesson.title["en"]
    assert lesson.expect["steps"] >= 1


@pytest.mark.parametrize("lesson_id", IDS)
def test_lesson_loads_as_a_fresh_session(lesson_id):
    session, views = load_lesson_scene(lesson_id)
    assert session.trainer.step_count == 0
    assert len(session.points) >= 10 and session.X_train.shape[0] > 0
    assert isinstance(views, dict) and views["open"]


@pytest.mark.parametrize("lesson_id", IDS)
def test_lesson_reaches_its_stated_outcome_headlessly(lesson_id):
    metrics, unmet = run_lesson(lesson_id)
    assert unmet == [], (lesson_id, unmet)
    assert metrics["steps"] >= 1


# Independent checks of the claims the lesson texts make (not only through the expect blocks).
def test_perceptron_cannot_learn_xor_but_one_hidden_layer_of_four_tanh_can():
    perceptron, hidden = lesson_metrics("xor-perceptron"), lesson_metrics("xor-hidden")
    assert get_lesson("xor-perceptron").scene["network"]["hidden_sizes"] == []
    assert load_lesson("xor-hidden").net.layer_sizes == (2, 4, 1)
    assert perceptron["train_accuracy"] <= 0.75 and perceptron["test_accuracy"] <= 0.75
    assert perceptron["train_loss"] > 0.6  # stuck near log 2
    assert hidden["test_accuracy"] >= 0.95 and hidden["train_accuracy"] >= 0.95


def test_linear_regression_converges_to_the_least_squares_optimum():
    session = load_lesson("linear-regression")
    assert session.net.layer_sizes == (1, 1) and session.loss == "mse"
    steps = get_lesson("linear-regression").expect["steps"]
    for _ in range(steps):
        session.trainer.step()
    design = np.column_stack([session.X_train, np.ones(len(session.X_train))])
    (w, b), *_ = np.linalg.lstsq(design, session.y_train, rcond=None)
    assert abs(session.net.weights[0][0, 0] - w) < 1e-3
    assert abs(session.net.biases[0][0] - b) < 1e-3


def test_too_large_learning_rate_zigzags_and_diverges():
    session = load_lesson("linear-regression-large-lr")
    weights = []
    for _ in range(12):
        session.trainer.step()
        weights.append(float(session.net.weights[0][0, 0]))
    optimum = np.linalg.lstsq(np.column_stack([session.X_train, np.ones(len(session.X_train))]),
                              session.y_train, rcond=None)[0][0]
    side = np.sign(np.array(weights) - optimum)
    assert np.all(side[1:] != side[:-1]), "w jumps from one side of the optimum to the other"
    assert abs(weights[-1] - optimum) > abs(weights[1] - optimum), "and ever further"
    assert lesson_metrics("linear-regression-large-lr")["diverged"]
    assert not lesson_metrics("linear-regression")["diverged"]


def test_sigmoid_gradients_vanish_where_relu_gradients_do_not():
    sigmoid, relu = lesson_metrics("vanishing-sigmoid"), lesson_metrics("vanishing-relu")
    assert load_lesson("vanishing-sigmoid").net.hidden_activations == ["sigmoid"] * 6
    assert load_lesson("vanishing-relu").net.hidden_activations == ["relu"] * 6
    assert sigmoid["first_layer_grad_ratio"] < 1e-3 < 0.1 < relu["first_layer_grad_ratio"]


def test_overfitting_shows_rising_test_loss_and_regularization_repairs_it():
    base = lesson_metrics("overfitting")
    assert base["train_loss"] < 0.01 and base["test_loss_rise"] > 3
    for repaired in ("overfitting-l2", "overfitting-dropout"):
        metrics = lesson_metrics(repaired)
        assert metrics["test_loss"] < 0.5 * base["test_loss"], repaired


def test_adam_and_momentum_beat_plain_sgd_from_the_same_start():
    starts = [load_lesson(i).net.get_params() for i in
              ("optimizers-sgd", "optimizers-momentum", "optimizers-adam")]
    assert all(np.array_equal(starts[0], s) for s in starts[1:])
    sgd = lesson_metrics("optimizers-sgd")["train_loss"]
    assert lesson_metrics("optimizers-momentum")["train_loss"] < sgd
    assert lesson_metrics("optimizers-adam")["train_loss"] < sgd


def test_batch_size_one_gives_a_noisier_loss_curve_than_full_batch():
    full, one = lesson_metrics("batch-full"), lesson_metrics("batch-one")
    assert load_lesson("batch-one").trainer.batch_size == 1
    assert full["loss_increase_fraction"] == 0.0
    assert one["loss_increase_fraction"] > 0.25


def test_spiral_lesson_uses_softmax_and_cross_entropy_on_three_classes():
    session = load_lesson("spiral-softmax")
    assert session.n_classes == 3 and session.loss == "cross_entropy"
    assert session.net.output_activation == "softmax"
    assert lesson_metrics("spiral-softmax")["train_accuracy"] >= 0.95


def test_penguins_need_standardization():
    raw, standardized = load_lesson("penguins-raw"), load_lesson("penguins-standardized")
    assert raw.class_names == ("Adelie", "Chinstrap", "Gentoo")
    assert len(raw.points) == 342  # two rows have NA measurements
    assert np.abs(raw.X_train).max() > 100  # flipper length in mm, not standardized
    assert np.abs(standardized.X_train.mean(axis=0)).max() < 1e-9
    assert lesson_metrics("penguins-standardized")["test_accuracy"] >= 0.9
    assert lesson_metrics("penguins-raw")["test_accuracy"] < 0.8


# ---------------------------------------------------------------------------------------------
# errors
# ---------------------------------------------------------------------------------------------
def test_unknown_lesson_id_lists_the_known_ids():
    with pytest.raises(ValueError) as info:
        load_lesson("xor-deep")
    message = str(info.value)
    assert "xor-deep" in message and "xor-hidden" in message and "penguins-raw" in message


def _write_lesson(folder, **changes):
    base = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            base.pop(key)
        else:
            base[key] = value
    (folder / "lesson.json").write_text(json.dumps(base), encoding="utf-8")


def test_lesson_file_without_chinese_title_is_refused_naming_the_field(tmp_path):
    _write_lesson(tmp_path, title={"en": "XOR"})
    with pytest.raises(SceneError, match=r"lesson.json: title.zh_CN: missing required field"):
        list_lessons(tmp_path)


def test_lesson_scene_goes_through_the_scene_validation(tmp_path):
    scene = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))["scene"]
    scene["network"]["hidden_sizes"] = [-1]
    _write_lesson(tmp_path, scene=scene)
    with pytest.raises(SceneError, match=r"lesson 'xor-perceptron': network: Hidden layer sizes"):
        load_lesson("xor-perceptron", tmp_path)


def test_lesson_data_file_must_be_a_plain_name_in_resources(tmp_path):
    _write_lesson(tmp_path, dataset={"csv": "../../etc/passwd.csv", "features": ["a"],
                                     "label": "b"})
    with pytest.raises(SceneError, match=r"dataset.csv: must be a file name in resources/data"):
        list_lessons(tmp_path)


def test_unknown_expectation_is_refused(tmp_path):
    _write_lesson(tmp_path, expect={"steps": 10, "accuracy_at_least": 0.9})
    with pytest.raises(SceneError, match=r"expect: unknown field 'accuracy_at_least'"):
        list_lessons(tmp_path)


def test_check_expectations_reports_each_unmet_expectation():
    metrics = {"train_accuracy": 0.5, "test_accuracy": math.nan, "diverged": False}
    unmet = check_expectations({"steps": 1, "train_accuracy_min": 0.9,
                                "test_accuracy_min": 0.9, "diverged": True}, metrics)
    assert len(unmet) == 3
    assert "train_accuracy ≥ 0.9, got 0.5" in unmet[0]
