"""Guided lesson steps (lesson format 3): every step of every lesson is run headless, once per
lesson, and its claims hold at the step count it reaches; every question has exactly one right
answer, computed from the numbers; malformed steps are refused naming the field."""

from __future__ import annotations

import copy
import json

import pytest

from core.lesson_claims import check_claims
from core.lesson_outcomes import lesson_metrics, lesson_step_outcomes
from core.lesson_steps import choice_holds, perform
from core.lessons import LANGUAGES, LESSON_DIR, get_lesson, lesson_ids, list_lessons
from core.scene_validation import SceneError

IDS = lesson_ids()


@pytest.mark.parametrize("lesson_id", IDS)
def test_every_step_of_the_lesson_runs_and_its_claims_hold(lesson_id):
    lesson = get_lesson(lesson_id)
    assert 2 <= len(lesson.steps) <= 7
    outcomes = lesson_step_outcomes(lesson_id)  # one run for all the steps
    assert len(outcomes) == len(lesson.steps)
    for step, outcome in zip(lesson.steps, outcomes, strict=True):
        assert outcome.unmet == [], (lesson_id, outcome.index, outcome.unmet)
        if step.choices:
            assert len(outcome.right) == 1, (lesson_id, outcome.index, outcome.right)
    counts = [o.steps for o in outcomes]
    rewinds = [k for k, step in enumerate(lesson.steps)
               if step.action is not None and step.action["kind"] == "restore_best"]
    for start, end in zip([0, *rewinds], [*rewinds, len(counts)], strict=True):
        part = counts[start:end]  # Restore best rewinds to the best validation step
        assert part == sorted(part), "the step count is cumulative"


@pytest.mark.parametrize("lesson_id", IDS)
def test_steps_read_in_both_languages_with_the_checked_numbers(lesson_id):
    lesson = get_lesson(lesson_id)
    for step in lesson.steps:
        for texts in (step.text, step.question, *(c.text for c in step.choices)):
            if texts is None:
                continue
            for language in LANGUAGES:
                shown = step.localized(texts, lesson.expect, language)
                assert "{" not in shown and "}" not in shown
            assert set(texts) == set(LANGUAGES)


def test_the_lessons_are_guided_step_sequences_that_end_where_their_text_says():
    for lesson in list_lessons():
        outcomes = lesson_step_outcomes(lesson.id)
        assert max(o.steps for o in outcomes) >= lesson.expect["steps"] or \
            lesson_metrics(lesson.id)["diverged"], lesson.id


def test_a_false_claim_fails_the_step_check():
    """Mutate a checked value: the same run's numbers no longer satisfy it."""
    lesson = get_lesson("xor-hidden")
    outcome = lesson_step_outcomes("xor-hidden")[1]
    claim = dict(lesson.steps[1].claims[0])
    assert check_claims([claim], outcome.metrics, lesson_metrics) == []
    claim["value"] += 0.05
    assert check_claims([claim], outcome.metrics, lesson_metrics) != []


def test_the_xor_hidden_slow_start_says_what_the_run_does():
    """After 100 steps the loss is 0.632: "still near log 2 ≈ 0.69" (the old answer) fails as
    a claim; the text quotes the share of the starting loss, recomputed here from a run, and
    the starting loss is log 2 (small weights: every output ≈ ½)."""
    import math

    from core.lessons import load_lesson

    outcome = lesson_step_outcomes("xor-hidden")[1]
    near_log_2 = {"metric": "train_loss", "op": "about", "value": 0.69, "tolerance": 0.02}
    assert check_claims([near_log_2], outcome.metrics, lesson_metrics) != []
    session = load_lesson("xor-hidden")
    start, _ = session.trainer.evaluate(session.X_train, session.y_train)
    for _ in range(100):
        session.trainer.step()
    now, _ = session.trainer.evaluate(session.X_train, session.y_train)
    assert abs(start - math.log(2)) < 0.005
    lesson = get_lesson("xor-hidden")
    step = lesson.steps[2]
    for language in LANGUAGES:
        text = step.localized(step.text, lesson.expect, language)
        assert f"{now:.3f}" in text and f"{round(100 * now / start)}%" in text, language
    for choice in lesson.steps[1].choices:
        assert "still near" not in choice.text["en"] and "仍在" not in choice.text["zh_CN"]


@pytest.mark.parametrize("lesson_id, index, name", [
    ("early-stopping", 0, "best_step_now"),
    ("early-stopping", 1, "test_best"),
    ("precision-recall", 1, "recall_low"),
    ("precision-recall", 1, "precision_low"),
    ("penguins-attributions", 0, "share_now"),
])
def test_a_false_claim_of_the_evaluation_lessons_fails(lesson_id, index, name):
    """The early-stopping, precision-recall and attribution lessons: a named claim holds for
    the run, and the same claim moved off the measured value fails."""
    lesson = get_lesson(lesson_id)
    outcome = lesson_step_outcomes(lesson_id)[index]
    (claim,) = [dict(c) for c in lesson.steps[index].claims if c.get("name") == name]
    assert check_claims([claim], outcome.metrics, lesson_metrics) == []
    claim["value"] += 0.1 if claim["op"] == "about" else 1
    assert check_claims([claim], outcome.metrics, lesson_metrics) != []


def test_the_evaluation_lessons_quote_the_engine_numbers():
    """Each quoted number is recomputed here from the engine (core.metrics, the trainer's
    best validation step, core.attribution_report), not from the lesson's metrics."""
    from core.attribution_report import explain_sample
    from core.evaluation import split_outputs
    from core.lessons import load_lesson
    from core.metrics import precision_recall_f1, threshold_classes

    early = lesson_step_outcomes("early-stopping")
    session = load_lesson("early-stopping")
    perform(session, get_lesson("early-stopping").steps[0].action)
    assert session.trainer.patience_exhausted
    assert session.trainer.step_count == early[0].steps < 800  # Play stopped early
    best = session.trainer.best_validation
    assert best.step == early[0].metrics["best_validation_step"]
    assert session.trainer.step_count - best.step == session.trainer.settings.patience
    assert early[1].steps == best.step  # Restore best rewound there
    assert early[1].metrics["test_accuracy"] > early[0].metrics["test_accuracy"]

    recall = lesson_step_outcomes("precision-recall")
    session = load_lesson("precision-recall")
    perform(session, get_lesson("precision-recall").steps[0].action)
    test = split_outputs(session, "test")
    for outcome, threshold in ((recall[0], 0.5), (recall[1], 0.2)):
        p, r, _f1 = precision_recall_f1(test.y_true,
                                        threshold_classes(test.outputs, threshold), 2)
        assert (outcome.metrics["test_precision"], outcome.metrics["test_recall"]) == \
            (p[1], r[1])
    assert recall[1].metrics["test_recall"] > recall[0].metrics["test_recall"]
    assert recall[1].metrics["test_precision"] < recall[0].metrics["test_precision"]
    assert recall[0].metrics["test_accuracy"] >= 0.9 > recall[0].metrics["test_recall"]

    gentoo = lesson_step_outcomes("penguins-attributions")
    session = load_lesson("penguins-attributions")
    perform(session, get_lesson("penguins-attributions").steps[0].action)
    sample = get_lesson("penguins-attributions").steps[0].setup["sample"]
    result = explain_sample(session, sample)
    assert session.class_names[result.k] == "Gentoo"
    assert session.class_names[int(session.y_train[sample])] == "Gentoo"
    phi = abs(result.shapley.values)
    assert gentoo[0].metrics["shapley_top_share"] == phi.max() / phi.sum()
    flipper = result.features.index("flipper_length_mm")
    for values in (result.gradient_x_input, result.ig.attributions, result.shapley.values):
        assert int(abs(values).argmax()) == flipper
    assert abs(result.ig.completeness_error) <= 1e-6


def test_play_until_stops_where_early_stopping_stops_play():
    """Headless ``play_until`` stops when patience runs out, as the window's Play does; a
    second ``play_until`` trains on from there (Play pressed again) up to its step count."""
    from core.lessons import load_lesson

    session = load_lesson("early-stopping")
    trainer = session.trainer
    perform(session, {"kind": "play_until", "value": 800})
    first = trainer.step_count
    assert trainer.patience_exhausted
    assert first - trainer.best_validation.step == trainer.settings.patience
    perform(session, {"kind": "play_until", "value": first + 5})
    assert trainer.step_count == first + 5, "the same best does not stop Play twice"
    perform(session, {"kind": "steps", "value": 3})  # plain steps ignore patience
    assert trainer.step_count == first + 8


def test_a_threshold_question_compares_the_old_and_the_new_threshold():
    lesson = get_lesson("precision-recall")
    step = lesson.steps[1]
    assert step.action == {"kind": "threshold", "value": 0.2}
    outcome = lesson_step_outcomes("precision-recall")[1]
    assert outcome.before["test_recall"] < outcome.metrics["test_recall"]
    assert outcome.steps == lesson_step_outcomes("precision-recall")[0].steps  # no training


def test_the_answer_is_computed_from_the_numbers_not_written_in_the_file():
    up = {"metric": "train_loss", "change": "up"}
    assert choice_holds(up, {"train_loss": 1.0}, {"train_loss": 2.0})
    assert not choice_holds(up, {"train_loss": 2.0}, {"train_loss": 1.0})
    assert not choice_holds(up, {"train_loss": 1.0}, {"train_loss": float("nan")})
    at_most = {"metric": "train_accuracy", "op": "at_most", "value": 0.9}
    assert choice_holds(at_most, {}, {"train_accuracy": 0.5})


def test_the_promised_pictures_appear():
    """η too large: θ stays on the ±3 grid for the first steps (at 2 steps/s) while it jumps
    across the valley; XOR: a plateau near log 2 at step 100, then solved."""
    large = get_lesson("linear-regression-large-lr")
    assert large.steps[0].setup["surface"]["range"] == 3
    assert large.steps[0].setup["play_speed"] == 2
    from core.lessons import load_lesson

    session = load_lesson(large.id)
    ws = []
    for _ in range(large.steps[0].action["value"] + 1):  # play until 8, then one more step
        session.trainer.step()
        w, b = float(session.net.weights[0][0, 0]), float(session.net.biases[0][0])
        assert abs(w) < 3 and abs(b) < 3, "the path stays on the grid"
        ws.append(w)
    signs = [w > 0.5 for w in ws]  # the optimum w ≈ 0.5: a zig-zag crosses it every step
    assert all(a != b for a, b in zip(signs, signs[1:], strict=False))
    xor = lesson_step_outcomes("xor-hidden")
    assert xor[1].steps == 100 and xor[1].metrics["train_loss"] > 0.6
    assert xor[2].metrics["train_accuracy"] == 1 and xor[2].metrics["test_accuracy"] == 1


def _write(tmp_path, mutate):
    d = json.loads((LESSON_DIR / "02-xor.json").read_text(encoding="utf-8"))
    d = copy.deepcopy(d)
    mutate(d)
    (tmp_path / "lesson.json").write_text(json.dumps(d), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["steps"][0]["setup"].update(workspace="nowhere"),
     "steps[0].setup.workspace: unknown workspace 'nowhere'"),
    (lambda d: d["steps"][1].update(action={"steps": 1, "phase": "forward"}),
     "steps[1].action: give exactly one of"),
    (lambda d: d["steps"][1].update(action={"phase": "sideways"}), "steps[1].action.phase"),
    (lambda d: d["steps"][0].update(predict=d["steps"][1]["predict"]),
     "steps[0].predict: a question is answered by the step's action"),
    (lambda d: d["steps"][1]["predict"].update(choices=d["steps"][1]["predict"]["choices"][:1]),
     "steps[1].predict.choices: expected a list of 2 to 5 choices"),
    (lambda d: d["steps"][2]["text"].update(en="loss {nothing}"), "{nothing} is not a claim"),
    (lambda d: d["steps"][0]["setup"].update(surface={"plane": "linear", "range": 0}),
     "steps[0].setup.surface.range"),
    (lambda d: d["steps"][0]["setup"].update(surface={"plane": "pca"}),
     "steps[0].setup.surface.plane"),
    (lambda d: d["steps"][1].update(action={"threshold": 1.5}),
     "steps[1].action.threshold: expected a decision threshold from 0 to 1"),
    (lambda d: d["steps"][1].update(action={"restore_best": 1}),
     "steps[1].action.restore_best: expected true"),
    (lambda d: d["steps"][0]["setup"].update(views=["canvas", "explainer"]),
     "steps[0].setup.views[1]"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"A": [[1, 2], [3, 4]]}),
     "steps[0].setup.linear_system: give A and b together"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"A": [[1, 2], [0, 0]],
                                                            "b": [1, 2]}),
     "steps[0].setup.linear_system.A: row 1 is not a line (zero_row)"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"A": [[1, 2], [1, "x"]],
                                                            "b": [1, 2]}),
     "steps[0].setup.linear_system.A[1][1]"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"A": [[1, 2]], "b": [1]}),
     "steps[0].setup.linear_system.A: expected 2 to 6 rows"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"A": [[1, 2], [3, 4]],
                                                            "b": [1, 2, 3]}),
     "steps[0].setup.linear_system.b: expected a list of 2 numbers"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"plot": "pie"}),
     "steps[0].setup.linear_system.plot"),
    (lambda d: d["steps"][0]["setup"].update(linear_system={"learning_rate": 0}),
     "steps[0].setup.linear_system.learning_rate: expected η from"),
    (lambda d: d["steps"][0]["setup"].update(attribution_method="lime"),
     "steps[0].setup.attribution_method: unknown value 'lime'"),
    (lambda d: d.pop("steps"), "steps: missing required field"),
    (lambda d: d.update(lesson_format=2), "steps: guided steps need lesson_format 3"),
])
def test_malformed_steps_are_refused_naming_the_field(tmp_path, mutate, message):
    folder = _write(tmp_path, mutate)
    with pytest.raises(SceneError) as error:
        list_lessons(folder)
    assert message in str(error.value)


def test_the_linear_system_lesson_checks_the_engine_s_answers():
    """Its claims are core.linear_systems' numbers for the steps' merged systems: np.linalg.solve
    for the example, lstsq for three lines, and a wrong value fails."""
    import numpy as np

    from core.lesson_steps import system_state
    from core.linear_systems import system_metrics

    lesson = get_lesson("linear-system")
    outcomes = lesson_step_outcomes("linear-system")
    assert outcomes[0].metrics["system_x1"] == np.linalg.solve([[3, 1], [1, 2]], [9, 8])[0]
    lstsq = np.linalg.lstsq([[1, 0], [0, 1], [1, 1]], [0, 0, 3], rcond=None)[0]
    assert outcomes[5].metrics["system_x2"] == pytest.approx(lstsq[1])
    assert outcomes[2].metrics["system_has_solution"] is False
    assert outcomes[3].metrics["system_has_solution"] is True
    # step 1 sets only the plot: it keeps step 0's system
    assert system_state(lesson.steps[:2])["A"] == [[3.0, 1.0], [1.0, 2.0]]
    assert "delta" not in system_state(lesson.steps[:6])  # a new A resets δb
    wrong = [dict(c, value=c["value"] + 1) for c in lesson.steps[5].claims
             if c["op"] == "about"]
    assert len(check_claims(wrong, outcomes[5].metrics, lesson_metrics)) == len(wrong)
    expected = system_metrics(system_state(lesson.steps[:6]))
    for name, value in expected.items():
        measured = outcomes[5].metrics[name]
        assert measured == value or (np.isnan(measured) and np.isnan(value)), name


def test_format_2_still_loads_and_shows_its_text_as_one_step(tmp_path):
    def old(d):
        d["lesson_format"] = 2
        d.pop("steps")
        for variant in d["variants"]:
            variant.pop("steps")
    lessons = list_lessons(_write(tmp_path, old))
    assert lessons[0].steps == ()
    (only,) = lessons[0].guided_steps()
    assert only.text == lessons[0].text and only.action is None


def test_a_step_names_the_attribution_chart_it_is_about():
    """Lesson 11's last step is about the integrated gradients' completeness line: it asks the
    Attributions view for that chart (shown one at a time in a short column)."""
    from core.attributions import METHOD_IDS

    steps = get_lesson("penguins-attributions").guided_steps()
    assert [step.setup.get("attribution_method") for step in steps] == \
        ["gradient", "gradient", "ig"]
    assert set(METHOD_IDS) == {"gradient", "ig", "shapley", "permutation"}


#: Step texts that send the class to a view, and that view's id.
_POINTED_AT = {"In the inspector": "inspector", "The hidden-space view": "hidden_space",
               "In the loss-surface dock": "loss_surface",
               "the network diagram": "network"}


@pytest.mark.parametrize("lesson_id", lesson_ids())
def test_a_step_that_points_at_a_view_puts_it_first(lesson_id):
    """At 1280×720 in presenter mode a lesson column has room for one view, the others are tabs
    behind it: the view a step's text sends the class to is the first its views list (the
    inspector of penguins-raw step 2 was a tab behind the loss curve)."""
    steps = get_lesson(lesson_id).guided_steps()
    views: list = []
    for index, step in enumerate(steps):
        views = step.setup.get("views", views)
        docked = [view for view in views if view != "canvas"]
        for phrase, view in _POINTED_AT.items():
            if step.text["en"].startswith(phrase) or (
                    phrase[0].islower() and f"Look at the units' pictures in {phrase}"
                    in step.text["en"]):
                assert docked and docked[0] == view, (lesson_id, index + 1, phrase, views)
