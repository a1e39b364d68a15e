"""Built-in lessons: every lesson file is valid, loads through the scene validation, and every
claim its text makes holds in a headless run; the numbers in the texts are those claims' values
or facts of the scene checked here."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest

from core.lesson_claims import check_claims, fill, placeholders
from core.lesson_outcomes import check_expectations, lesson_metrics, measure, run_lesson, train
from core.lessons import (
    LANGUAGES,
    LESSON_DIR,
    get_lesson,
    lesson_ids,
    list_lessons,
    load_lesson,
    load_lesson_scene,
    surface_plane,
)
from core import lessons as lessons_module
from core.metrics import DEFAULT_THRESHOLD
from core.scene_validation import SceneError
from core.training import PARAMETER_LIMIT

IDS = lesson_ids()
_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_there_are_thirteen_numbered_lessons_with_the_ids_the_cli_documents():
    numbers = {lesson.number for lesson in list_lessons()}
    assert numbers == set(range(1, 14))
    for lesson_id in ("linear-regression", "linear-regression-large-lr", "xor-perceptron",
                      "xor-hidden", "vanishing-sigmoid", "vanishing-relu", "overfitting",
                      "overfitting-l2", "overfitting-dropout", "optimizers-sgd",
                      "optimizers-momentum", "optimizers-adam", "batch-one", "batch-full",
                      "spiral-softmax", "penguins-raw", "penguins-standardized",
                      "early-stopping", "precision-recall", "penguins-attributions",
                      "sigmoid-no-batch-norm", "sigmoid-batch-norm",
                      "linear-system"):
        assert lesson_id in IDS
    assert len(IDS) == len(set(IDS))
    assert len(list(LESSON_DIR.glob("*.json"))) == 13


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
def test_every_claim_of_the_lesson_text_holds_in_a_headless_run(lesson_id):
    lesson = get_lesson(lesson_id)
    metrics, unmet = run_lesson(lesson_id)
    assert unmet == [], (lesson_id, unmet)
    assert metrics["steps"] >= 1
    assert lesson.expect["claims"], "a lesson says what happens"


@pytest.mark.parametrize("lesson_id", IDS)
def test_the_text_quotes_the_same_claims_in_both_languages(lesson_id):
    """Every named claim is written into the text, in English and in Chinese alike, so a
    number the text states is a number the run is checked against."""
    lesson = get_lesson(lesson_id)
    named = {claim["name"] for claim in lesson.expect["claims"] if "name" in claim}
    quoted = {language: set(placeholders(lesson.text[language])) - {"steps"}
              for language in LANGUAGES}
    assert quoted["en"] == quoted["zh_CN"] == named, lesson_id
    for language in LANGUAGES:
        shown = lesson.localized("text", language)
        assert "{" not in shown and "}" not in shown


# Every number written into a text (not quoted from a claim) and what it must agree with: the
# scene, the engine, mathematics or a citation. A new literal number fails until listed here.
_MATH = "mathematics"
LITERAL_NUMBERS = {
    "linear-regression": {},
    "linear-system": {},
    "linear-regression-large-lr": {
        "0.12": lambda s: s.training.learning_rate == 0.12,
        "2": _MATH,  # 2/λ_max
        "10": lambda s: PARAMETER_LIMIT == 1e10,  # ±10¹⁰
    },
    "xor-perceptron": {
        "1": lambda s: set(np.unique(s.y_train)) == {0.0, 1.0},  # class 1
        "2": _MATH, "0.69": lambda s: abs(math.log(2) - 0.69) < 0.005,  # log 2 ≈ 0.69
    },
    "xor-hidden": {"8": lambda s: s.net.layer_sizes == (2, 8, 1),
                   "0.1": lambda s: s.net.init == "normal",  # std 0.1 (core.network)
                   "2": _MATH},  # log 2
    "vanishing-sigmoid": {"1": _MATH, "4": _MATH},  # σ′ ≤ 1/4
    "vanishing-relu": {"0.03": lambda s: s.training.learning_rate == 0.03,
                       "1": _MATH},  # ReLU′ = 1
    "overfitting": {},
    "overfitting-l2": {"0.05": lambda s: s.training.l2 == 0.05,
                       "2": lambda s: _penalty_is_half_l2(s), "0": _MATH},
    "overfitting-dropout": {"0.5": lambda s: s.net.dropout == (0.5, 0.5, 0.5)},
    "optimizers-sgd": {},
    "optimizers-momentum": {"0.9": lambda s: s.training.momentum == 0.9},
    "optimizers-adam": {"0.01": lambda s: s.training.learning_rate == 0.01},
    "batch-full": {},
    "batch-one": {"1": lambda s: s.trainer.batch_size == 1},
    "spiral-softmax": {"1": _MATH},  # probabilities sum to 1
    "penguins-raw": {
        "2020": "citation: Horst, Hill & Gorman 2020",
        "45": lambda s: abs(s.X_train[:, 0].mean() - 45) < 2,  # bill length, mm
        "200": lambda s: abs(s.X_train[:, 1].mean() - 200) < 5,  # flipper length, mm
        "1": _MATH, "0": lambda s: _tanh_derivative_is_zero_at_the_start(s),
    },
    "penguins-standardized": {"0": lambda s: np.abs(s.X_train.mean(axis=0)).max() < 1e-9,
                              "1": lambda s: np.allclose(s.X_train.std(axis=0), 1.0)},
    "early-stopping": {"100": lambda s: s.training.patience == 100},
    "precision-recall": {"0.5": lambda s: DEFAULT_THRESHOLD == 0.5,  # the app's class rule
                         "1": lambda s: s.n_classes == 2},  # class 1
    "penguins-attributions": {  # training sample #107, a Gentoo (the steps select it)
        "107": lambda s: s.class_names[int(s.y_train[107])] == "Gentoo"},
    "sigmoid-no-batch-norm": {"0.3": lambda s: s.training.learning_rate == 0.3,
                              "1": _MATH, "4": _MATH},  # σ′ ≤ 1/4
    "sigmoid-batch-norm": {"0.3": lambda s: s.training.learning_rate == 0.3,
                           "2015": "citation: Ioffe & Szegedy 2015"},
}
_NUMBER = re.compile(r"(?<![A-Za-z_\d.])\d+(?:\.\d+)?")


def _penalty_is_half_l2(session) -> bool:
    weights = session.net.weights
    expected = 0.5 * 0.05 * sum(float(np.vdot(w, w)) for w in weights)
    return math.isclose(session.net.penalty(l2=0.05), expected)


def _tanh_derivative_is_zero_at_the_start(session) -> bool:
    z = session.net.forward(session.X_train).pre_activations[0]
    return bool(np.all(1.0 - np.tanh(z) ** 2 == 0.0))


def literal_numbers(text: str) -> set[str]:
    """Numbers written in ``text`` outside ``{placeholders}`` ("L2" is a name, not a 2)."""
    return set(_NUMBER.findall(re.sub(r"\{[^{}]*\}", "", text)))


def test_literal_numbers_are_listed_for_every_lesson():
    assert set(LITERAL_NUMBERS) == set(IDS)


@pytest.mark.parametrize("lesson_id", IDS)
def test_every_number_written_into_a_text_agrees_with_the_scene(lesson_id):
    lesson = get_lesson(lesson_id)
    allowed = LITERAL_NUMBERS[lesson_id]
    for language in LANGUAGES:
        assert literal_numbers(lesson.text[language]) == set(allowed), (lesson_id, language)
    session = load_lesson(lesson_id)
    for number, check in allowed.items():
        assert isinstance(check, str) or check(session), (lesson_id, number)


def test_a_wrong_claim_fails_the_check():
    """The old perceptron text said the accuracy stays "about 50%": as a claim, it fails."""
    lesson = get_lesson("xor-perceptron")
    claims = [dict(claim) for claim in lesson.expect["claims"]]
    accuracy = next(c for c in claims if c["metric"] == "train_accuracy")
    accuracy["value"] = 0.5
    wrong = {"steps": lesson.expect["steps"], "claims": claims}
    assert "about 50% on the training points" in fill(
        lesson.text["en"].replace("levels off at", "levels off at about"), wrong)
    unmet = check_expectations(wrong, lesson_metrics("xor-perceptron"))
    assert len(unmet) == 1 and "train_accuracy ≈ 0.5 ± 0.02, got 0.69" in unmet[0]
    assert check_expectations(lesson.expect, lesson_metrics("xor-perceptron")) == []


def test_the_text_reads_the_measured_numbers():
    text = get_lesson("xor-perceptron").localized("text", "en")
    metrics = lesson_metrics("xor-perceptron")
    assert f"{round(100 * metrics['train_accuracy'])}% on the training points" in text
    assert f"{round(100 * metrics['test_accuracy'])}% on the test points" in text
    assert "about 50%" not in text
    text = get_lesson("linear-regression-large-lr").localized("text", "en")
    divergence = lesson_metrics("linear-regression-large-lr")["divergence"]
    assert f"At step {divergence['step']} a parameter passes ±10¹⁰" in text
    assert "few hundred" not in text


# Independent checks of what the lesson texts say (not only through the claims).
def _best_line_by_pairs(X: np.ndarray, y: np.ndarray) -> float:
    """The best accuracy of a straight line on points in general position, by brute force over
    the lines through two of the points: every split a line makes can be made by a line through
    two points, each of which may then be put on either side (a small shift or turn)."""
    n = len(y)
    best = 0
    for i in range(n):
        for j in range(i + 1, n):
            normal = np.array([X[i, 1] - X[j, 1], X[j, 0] - X[i, 0]])
            side = (X - X[i]) @ normal > 0
            others = np.ones(n, dtype=bool)
            others[[i, j]] = False
            ones_above = int(np.sum(side & others & (y == 1)))
            zeros_below = int(np.sum(~side & others & (y == 0)))
            ones_below = int(np.sum(~side & others & (y == 1)))
            zeros_above = int(np.sum(side & others & (y == 0)))
            free = 2  # the two points on the line: each on whichever side is right
            best = max(best, ones_above + zeros_below + free, ones_below + zeros_above + free)
    return best / n


def test_the_best_straight_line_is_found_by_brute_force_on_the_lessons_points():
    """"Even the best straight line gets only 76%": computed here over every line through two
    training points, and compared with the number the text states."""
    session = load_lesson("xor-perceptron")
    X, y = session.X_train, session.y_train.reshape(-1)
    best = _best_line_by_pairs(X, y)
    claim = next(c for c in get_lesson("xor-perceptron").expect["claims"]
                 if c["metric"] == "best_line_accuracy")
    assert abs(best - claim["value"]) <= claim["tolerance"]
    assert f"only {round(100 * best)}% of them" in get_lesson("xor-perceptron").localized("text")
    assert lesson_metrics("xor-perceptron")["best_line_accuracy"] == pytest.approx(best)
    assert lesson_metrics("xor-perceptron")["train_accuracy"] < best


def test_best_line_accuracy_returns_a_line_that_reaches_it():
    from core.linear_models import best_line_accuracy

    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(float)
    accuracy, normal, offset = best_line_accuracy(X, y)
    assert np.mean((X @ normal > offset) == (y == 1)) == accuracy
    assert accuracy == pytest.approx(_best_line_by_pairs(X, y))
    square = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    assert best_line_accuracy(square, np.array([0, 0, 1, 1]))[0] == 0.75  # XOR's corners
    assert best_line_accuracy(square, np.array([0, 0, 0, 1]))[0] == 1.0  # AND is separable


def test_perceptron_cannot_learn_xor_however_long_it_trains():
    """The run has reached the lowest cross-entropy any line has on these points (a convex
    problem, solved here by Newton's method), so training longer cannot change it."""
    perceptron, hidden = lesson_metrics("xor-perceptron"), lesson_metrics("xor-hidden")
    session = load_lesson("xor-perceptron")
    assert session.net.layer_sizes == (2, 1) and session.net.output_activation == "sigmoid"
    assert load_lesson("xor-hidden").net.layer_sizes == (2, 8, 1)
    X = np.column_stack([session.X_train, np.ones(len(session.X_train))])
    y = session.y_train.reshape(-1)
    theta = np.zeros(3)
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-X @ theta))
        hessian = (X * (p * (1 - p))[:, None]).T @ X / len(y)
        theta -= np.linalg.solve(hessian, X.T @ (p - y) / len(y))
    p = 1.0 / (1.0 + np.exp(-X @ theta))
    lowest = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert perceptron["train_loss"] == pytest.approx(lowest, abs=1e-4)
    assert perceptron["train_accuracy"] == pytest.approx(np.mean((p >= 0.5) == (y == 1)))
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


def _optimum_and_weights(session, steps: int):
    weights = []
    for _ in range(steps):
        session.trainer.step()
        weights.append(float(session.net.weights[0][0, 0]))
    optimum = np.linalg.lstsq(np.column_stack([session.X_train, np.ones(len(session.X_train))]),
                              session.y_train, rcond=None)[0][0]
    return optimum, np.array(weights)


def test_linear_bowl_is_steep_along_w_and_shallow_along_b():
    session = load_lesson("linear-regression")
    x = session.X_train[:, 0]
    assert not session.data.standardize and x.std() > 2
    assert 2 * np.mean(x * x) > 5 * 2  # ∂²J/∂w² = 2·mean(x²) against ∂²J/∂b² = 2


def test_too_large_learning_rate_zigzags_and_diverges_and_half_of_it_converges():
    session = load_lesson("linear-regression-large-lr")
    optimum, weights = _optimum_and_weights(session, 12)
    side = np.sign(weights - optimum)
    assert np.all(side[1:] != side[:-1]), "w jumps from one side of the optimum to the other"
    assert abs(weights[-1] - optimum) > abs(weights[1] - optimum), "and ever further"
    metrics = lesson_metrics("linear-regression-large-lr")
    assert metrics["diverged"] and metrics["divergence"]["phase"] == "update"
    assert f"±{PARAMETER_LIMIT:.0e}" in metrics["divergence"]["cause"]
    assert not lesson_metrics("linear-regression")["diverged"]
    # the suggested step: halve η (0.06, below 2/λ_max) and the path settles into the optimum
    halved = load_lesson("linear-regression-large-lr")
    halved.trainer.set_learning_rate(halved.training.learning_rate / 2)
    assert halved.trainer.learning_rate == 0.06 < metrics["stable_learning_rate"]
    assert train(halved, 1500) == 1500
    assert measure(halved)["least_squares_error"] < 1e-6


def test_sigmoid_gradients_vanish_where_relu_gradients_do_not():
    sigmoid, relu = lesson_metrics("vanishing-sigmoid"), lesson_metrics("vanishing-relu")
    assert load_lesson("vanishing-sigmoid").net.hidden_activations == ["sigmoid"] * 6
    assert load_lesson("vanishing-relu").net.hidden_activations == ["relu"] * 6
    assert sigmoid["first_layer_grad_ratio"] < 1e-3 < 0.1 < relu["first_layer_grad_ratio"]


def test_batch_norm_rescues_the_deep_sigmoid_net():
    """Lesson 12: the same six-sigmoid-layer network from the same start stalls without batch
    norm (first-layer gradient tiny, loss where it started) and trains with it."""
    off, on = load_lesson("sigmoid-no-batch-norm"), load_lesson("sigmoid-batch-norm")
    assert off.net.hidden_activations == on.net.hidden_activations == ["sigmoid"] * 6
    assert (off.net.batch_norm, on.net.batch_norm) == (False, True)
    assert off.net.layer_sizes == on.net.layer_sizes
    assert np.array_equal(off.net.get_params()[:off.net.weights[0].size],
                          on.net.get_params()[:on.net.weights[0].size])  # the same start
    assert off.training == on.training
    without, with_bn = lesson_metrics("sigmoid-no-batch-norm"), lesson_metrics("sigmoid-batch-norm")
    assert without["steps"] == with_bn["steps"] == 100
    assert without["first_layer_grad_ratio"] < 1e-4 < 1.0 < with_bn["first_layer_grad_ratio"]
    assert without["train_loss_ratio"] > 0.95 and without["predicted_classes"] == 1
    assert with_bn["train_loss_ratio"] < 0.25 and with_bn["test_accuracy"] > 0.95


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


def test_raw_penguin_inputs_put_the_first_layer_in_the_tens_or_hundreds():
    session = load_lesson("penguins-raw")
    z = np.abs(session.net.forward(session.X_train).pre_activations[0])
    assert 10 <= z.min() and z.max() < 1000


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


def test_unknown_metric_in_a_claim_is_refused(tmp_path):
    _write_lesson(tmp_path, text={"en": "XOR.", "zh_CN": "异或。"}, variants=None,
                  steps=[{"text": {"en": "XOR.", "zh_CN": "异或。"}}],
                  expect={"steps": 10, "claims": [
                      {"metric": "accuracy_at_least", "op": "at_least", "value": 0.9}]})
    with pytest.raises(SceneError, match=r"expect.claims\[0\].metric: unknown value "
                                         r"'accuracy_at_least'"):
        list_lessons(tmp_path)


def test_the_old_expect_keys_are_refused(tmp_path):
    _write_lesson(tmp_path, expect={"steps": 10, "train_accuracy_max": 0.75})
    with pytest.raises(SceneError, match=r"expect: unknown field 'train_accuracy_max'"):
        list_lessons(tmp_path)


def test_a_placeholder_that_is_not_a_claim_is_refused(tmp_path):
    _write_lesson(tmp_path, text={"en": "It reaches {accuracy}.", "zh_CN": "达到 {accuracy}。"})
    with pytest.raises(SceneError, match=r"text.en: \{accuracy\} is not a claim name"):
        list_lessons(tmp_path)


def test_a_claim_about_an_unknown_lesson_is_refused(tmp_path):
    _write_lesson(tmp_path, text={"en": "XOR.", "zh_CN": "异或。"}, variants=None,
                  steps=[{"text": {"en": "XOR.", "zh_CN": "异或。"}}],
                  expect={"steps": 10, "claims": [
        {"metric": "train_loss", "op": "better_than", "than": "no-such-lesson"}]})
    with pytest.raises(SceneError, match=r"claims\[0\].than: unknown lesson 'no-such-lesson'"):
        list_lessons(tmp_path)


@pytest.mark.parametrize("claim, message", [
    ({"metric": "train_loss", "op": "about", "value": 0.3}, r"tolerance: missing"),
    ({"metric": "train_loss", "op": "about", "value": 0.3, "tolerance": 0},
     r"tolerance: must be > 0"),
    ({"metric": "train_loss", "op": "at_most", "value": "low"}, r"value: expected a finite"),
    ({"metric": "diverged", "op": "equals", "value": True, "name": "d"}, r"no number to quote"),
    ({"metric": "n_train", "op": "better_than", "than": "xor-hidden"}, r"compares a loss"),
    ({"metric": "train_loss", "op": "near", "value": 1}, r"op: unknown value 'near'"),
])
def test_malformed_claims_are_refused_naming_the_field(tmp_path, claim, message):
    _write_lesson(tmp_path, expect={"steps": 10, "claims": [claim]})
    with pytest.raises(SceneError, match=message):
        list_lessons(tmp_path)


def test_check_claims_reports_each_claim_that_does_not_hold():
    metrics = {"train_accuracy": 0.5, "test_accuracy": math.nan, "diverged": False,
               "train_loss": 0.3}
    others = {"other": {"train_loss": 0.2}}
    claims = [{"metric": "train_accuracy", "op": "at_least", "value": 0.9},
              {"metric": "test_accuracy", "op": "at_most", "value": 0.9},  # NaN never holds
              {"metric": "diverged", "op": "equals", "value": True},
              {"metric": "train_loss", "op": "better_than", "than": "other"},
              {"metric": "train_accuracy", "op": "about", "value": 0.52, "tolerance": 0.03},
              {"metric": "train_loss", "op": "about", "value": 0.2, "tolerance": 0.01,
               "lesson": "other"}]
    unmet = check_claims(claims, metrics, others.__getitem__)
    assert len(unmet) == 4
    assert "train_accuracy ≥ 0.9, got 0.5" in unmet[0]
    assert "diverged = true, got False" in unmet[2]
    assert "better than lesson 'other'" in unmet[3] and "0.2" in unmet[3]


def test_every_metric_a_claim_can_name_is_measured():
    from core.lesson_claims import COSTLY_METRICS, METRICS

    session = load_lesson("xor-perceptron")
    train(session, 5)
    metrics = measure(session, COSTLY_METRICS)
    assert set(METRICS) <= set(metrics)
    assert math.isfinite(metrics["best_line_accuracy"])
    assert math.isnan(measure(session)["best_line_accuracy"])  # costly: only when asked


def test_claim_values_are_written_as_the_text_shows_them():
    from core.lesson_claims import format_value

    assert format_value(0.69, "percent") == "69%"
    assert format_value(0.07, "percent") == "7%"
    assert format_value(0.001, "percent") == "0.1%"
    assert format_value(0.0001, "reciprocal") == "10,000"
    assert format_value(0.11, "number") == "0.11"
    assert format_value(45, "number") == "45"


# ---------------------------------------------------------------------------------------------
# the loss-surface plane of each lesson
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lesson_id", IDS)
def test_every_lesson_states_a_surface_plane_that_fits_its_network(lesson_id):
    from core.directions import parameter_plane

    session, views = load_lesson_scene(lesson_id)
    plane = surface_plane(views, session.net, session.loss)
    assert plane.kind in ("parameters", "random", "linear")
    if plane.kind == "parameters":
        parameter_plane(session.net, *plane.parameters)  # two distinct, existing parameters
    # the (w, b) plane of the straight line ŷ = w·x + b (the linear-system lesson ends training it)
    assert (plane.kind == "linear") == lesson_id.startswith(("linear-regression",
                                                             "linear-system"))


def test_the_pca_plane_is_refused_for_a_lesson(tmp_path):
    scene = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))["scene"]
    scene["views"]["loss_surface"] = {"plane": "pca"}
    _write_lesson(tmp_path, scene=scene)
    with pytest.raises(SceneError, match=r"loss_surface.plane: a lesson starts at step 0, "
                                         r"where the PCA plane has no path"):
        list_lessons(tmp_path)


def test_a_lesson_must_state_its_surface_plane(tmp_path):
    scene = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))["scene"]
    del scene["views"]["loss_surface"]
    _write_lesson(tmp_path, scene=scene)
    with pytest.raises(SceneError, match=r"scene.views.loss_surface: missing required field"):
        list_lessons(tmp_path)


@pytest.mark.parametrize("surface, message", [
    ({"plane": "parameters", "parameters": [{"layer": 0, "kind": "W", "i": 0, "j": 0},
                                            {"layer": 3, "kind": "W", "i": 0, "j": 0}]},
     r"parameters\[1\]: layer must be in \[0, 1\)"),
    ({"plane": "parameters", "parameters": [{"layer": 0, "kind": "b", "i": 0},
                                            {"layer": 0, "kind": "b", "i": 0}]},
     r"parameters: choose two different parameters"),
    ({"plane": "linear"}, r"plane: the \(w, b\) plane needs a 1-input linear model"),
])
def test_a_surface_plane_that_does_not_fit_the_network_is_refused(tmp_path, surface, message):
    scene = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))["scene"]
    scene["views"]["loss_surface"] = surface
    _write_lesson(tmp_path, scene=scene, variants=None)
    with pytest.raises(SceneError, match=r"lesson 'xor-perceptron': views.loss_surface." + message):
        load_lesson("xor-perceptron", tmp_path)


# ---------------------------------------------------------------------------------------------
# play_speed: the rate of Play while a lesson is open in the window
# ---------------------------------------------------------------------------------------------
def test_the_too_large_rate_lesson_plays_slowly_and_its_base_leaves_the_default():
    assert get_lesson("linear-regression-large-lr").play_speed == 2.0  # watch the zig-zag
    assert get_lesson("linear-regression").play_speed is None  # the window's calm default


def test_play_speed_is_read_from_the_lesson_and_a_variant_inherits_or_overrides_it(tmp_path):
    base = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))
    variants = base["variants"]
    variants[0].pop("play_speed", None)
    _write_lesson(tmp_path, play_speed=5, variants=[variants[0]])
    by_id = {lesson.id: lesson for lesson in list_lessons(tmp_path)}
    assert by_id["xor-perceptron"].play_speed == 5.0
    assert by_id["xor-hidden"].play_speed == 5.0  # inherited
    _write_lesson(tmp_path, play_speed=0, variants=[{**variants[0], "play_speed": 20}])
    lessons_module._catalogue.cache_clear()  # the same folder, a new file
    by_id = {lesson.id: lesson for lesson in list_lessons(tmp_path)}
    assert by_id["xor-perceptron"].play_speed == 0.0  # 0 = as fast as possible
    assert by_id["xor-hidden"].play_speed == 20.0


@pytest.mark.parametrize("speed, message", [
    ("fast", r"play_speed: expected a number of steps per second .*got a string"),
    (True, r"play_speed: expected a number of steps per second .*got a (bool|boolean)"),
    (-1, r"play_speed: expected 0 \(as fast as possible\) or 0.5 to 1000 steps per second, "
         r"got -1"),
    (5000, r"play_speed: expected 0 .* got 5000"),
    (0.1, r"play_speed: expected 0 .* got 0.1"),
])
def test_an_invalid_play_speed_is_refused_naming_the_field(tmp_path, speed, message):
    _write_lesson(tmp_path, play_speed=speed)
    with pytest.raises(SceneError, match=r"lesson.json: " + message):
        list_lessons(tmp_path)


def test_an_invalid_variant_play_speed_names_the_variant(tmp_path):
    base = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))
    _write_lesson(tmp_path, variants=[{**base["variants"][0], "play_speed": float("nan")}])
    with pytest.raises(SceneError, match=r"variants\[0\].play_speed: expected a finite"):
        list_lessons(tmp_path)


def test_a_csv_lesson_says_its_points_come_from_the_file():
    """The penguins lessons' Data panel said "Three blobs · 342 points" (the scene's data
    settings), not the file the points come from."""
    from core.datasets import read_csv
    from core.lessons import DATA_DIR

    session, _views = load_lesson_scene("penguins-standardized")
    spec = get_lesson("penguins-standardized").dataset
    data = read_csv(DATA_DIR / spec["csv"], spec["features"], spec["label"])
    source = session.data_source
    assert source is not None and source.kind == "file" and source.file == spec["csv"]
    assert source.rows == len(session.points) == data.X.shape[0]
    assert source.dropped == data.dropped_rows > 0
    assert source.class_names == tuple(data.class_names)
