"""Guided lesson steps (lesson format 3): every step of every lesson is run headless, once per
lesson, and its claims hold at the step count it reaches; every question has exactly one right
answer, computed from the numbers; malformed steps are refused naming the field."""

from __future__ import annotations

import copy
import json

import pytest

from core.lesson_claims import check_claims
from core.lesson_outcomes import lesson_metrics, lesson_step_outcomes
from core.lesson_steps import choice_holds
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
    assert counts == sorted(counts), "the step count is cumulative"


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
        assert outcomes[-1].steps >= lesson.expect["steps"] or \
            lesson_metrics(lesson.id)["diverged"], lesson.id


def test_a_false_claim_fails_the_step_check():
    """Mutate a checked value: the same run's numbers no longer satisfy it."""
    lesson = get_lesson("xor-hidden")
    outcome = lesson_step_outcomes("xor-hidden")[1]
    claim = dict(lesson.steps[1].claims[0])
    assert check_claims([claim], outcome.metrics, lesson_metrics) == []
    claim["value"] += 0.05
    assert check_claims([claim], outcome.metrics, lesson_metrics) != []


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
    (lambda d: d.pop("steps"), "steps: missing required field"),
    (lambda d: d.update(lesson_format=2), "steps: guided steps need lesson_format 3"),
])
def test_malformed_steps_are_refused_naming_the_field(tmp_path, mutate, message):
    folder = _write(tmp_path, mutate)
    with pytest.raises(SceneError) as error:
        list_lessons(folder)
    assert message in str(error.value)


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
