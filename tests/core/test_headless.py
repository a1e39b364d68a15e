"""Headless runs: train a lesson or scene without a window and write summary.json."""

from __future__ import annotations

import json

import pytest

from core.headless import MODEL_NAME, PREDICTIONS_NAME, SUMMARY_NAME, run_headless
from core.scene import save_scene, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from tests.strict_json import read_strict


def test_lesson_run_writes_summary_json_with_final_metrics(tmp_path):
    calls = []

    def export_views(session, export_dir):
        calls.append((session.trainer.step_count, export_dir))
        path = export_dir / "canvas.png"
        path.write_bytes(b"fake")
        return [path]

    summary = run_headless(lesson="xor-hidden", steps=1500, export_dir=tmp_path / "out",
                           export_views=export_views)
    written = read_strict(tmp_path / "out" / SUMMARY_NAME)
    assert written == summary
    assert calls == [(1500, tmp_path / "out")]
    assert summary["files"] == ["canvas.png", PREDICTIONS_NAME, MODEL_NAME, SUMMARY_NAME]
    assert summary["steps"] == summary["steps_run"] == 1500  # the lesson's expect.steps
    assert summary["test_accuracy"] >= 0.95
    for key in ("train_loss", "test_loss", "train_accuracy"):
        assert isinstance(summary[key], float)
    assert summary["settings"]["network"]["hidden_sizes"] == [8]
    assert summary["layer_sizes"] == [2, 8, 1]
    assert summary["expect_met"] is True and summary["unmet"] == []


def test_scene_run_continues_from_the_saved_step(tmp_path):
    session = Session(DataSettings(task="regression", preset="sine", n_points=40,
                                   features=("x1",)),
                      NetworkSettings(hidden_sizes=(5,)), TrainingSettings(learning_rate=0.05))
    for _ in range(7):
        session.trainer.step()
    path = tmp_path / "my.json"
    save_scene(path, scene_to_dict(session))
    summary = run_headless(scene_path=path, steps=20, export_dir=tmp_path / "out")
    assert summary["steps"] == 27 and summary["steps_run"] == 20
    assert summary["train_accuracy"] is None  # regression: undefined, written as null
    assert summary["expect"] is None and summary["expect_met"] is None
    for _ in range(20):
        session.trainer.step()
    assert summary["train_loss"] == session.trainer.evaluate(session.X_train,
                                                            session.y_train)[0]


def test_diverging_lesson_is_reported_not_raised(tmp_path):
    summary = run_headless(lesson="linear-regression-large-lr", export_dir=tmp_path)
    assert summary["diverged"] is True
    assert summary["divergence"]["phase"] in ("forward", "backward", "update")
    assert summary["steps_run"] < summary["steps_requested"]
    assert summary["expect_met"] is True
    read_strict(tmp_path / SUMMARY_NAME)  # strict JSON even with an infinite loss


def test_no_export_dir_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    summary = run_headless(lesson="xor-perceptron", steps=3)
    assert summary["files"] == [] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kwargs, words", [
    ({"lesson": "no-such-lesson"}, "unknown lesson 'no-such-lesson'; known lessons: "),
    ({}, "give exactly one of --lesson ID or --scene FILE"),
    ({"lesson": "xor-hidden", "scene_path": "x.json"}, "give exactly one"),
    ({"lesson": "xor-hidden", "steps": -1}, "--steps must be a whole number"),
    ({"lesson": "xor-hidden", "steps": 2.5}, "--steps must be a whole number"),
    ({"scene_path": "/nonexistent/scene.json"}, "cannot read scene file"),
])
def test_bad_arguments_raise_a_one_line_value_error(tmp_path, kwargs, words):
    with pytest.raises(ValueError) as info:
        run_headless(export_dir=tmp_path / "out", **kwargs)
    assert words in str(info.value)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "out" / SUMMARY_NAME).exists()


def test_malformed_scene_file_raises_naming_the_field(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"schema_version": 1, "data": {}, "training": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"network: missing required field"):
        run_headless(scene_path=path, export_dir=tmp_path)


def test_export_dir_that_is_a_file_is_an_argument_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    with pytest.raises(ValueError, match="exists and is not a folder"):
        run_headless(lesson="xor-hidden", steps=1, export_dir=blocker)


def test_summary_holds_the_attributions_of_the_default_sample(tmp_path):
    from core.attribution_report import explain_sample
    from core.lesson_outcomes import train
    from core.lessons import load_lesson_scene

    summary = run_headless(lesson="penguins-standardized", steps=60, export_dir=tmp_path)
    written = json.loads((tmp_path / SUMMARY_NAME).read_text(encoding="utf-8"))
    entry = written["attributions"]
    session, _views = load_lesson_scene("penguins-standardized")
    train(session, 60)
    again = explain_sample(session)  # the same run, recomputed: the numbers of the summary
    assert entry == summary["attributions"]
    assert entry["sample"] == again.sample and entry["class"] == again.k
    assert entry["features"] == ["bill_length_mm", "flipper_length_mm"]
    assert entry["space"] == "standardized_features" and entry["baseline"] == "training mean"
    assert entry["gradient_x_input"] == again.gradient_x_input.tolist()
    assert entry["integrated_gradients"] == again.ig.attributions.tolist()
    assert entry["shapley"] == again.shapley.values.tolist()
    assert entry["ig_completeness_error"] < 1e-6
    assert sum(entry["integrated_gradients"]) == pytest.approx(
        entry["output"] - entry["baseline_output"], abs=1e-6)
    assert sum(entry["shapley"]) == pytest.approx(
        entry["output"] - entry["shapley_expected"], abs=1e-12)


def test_a_lesson_that_shows_the_linear_system_gets_its_figure(tmp_path):
    """Issue 13: ``--lesson linear-system`` wrote no figure of the view the lesson is about.
    The figure callback gets the system every step has set up; a lesson without the view
    gets none."""
    from core.headless import lesson_figures
    from core.lesson_steps import system_state
    from core.lessons import get_lesson

    calls = []

    def export_figure(view_id, state, folder):
        calls.append((view_id, state))
        path = folder / f"{view_id}.png"
        path.write_bytes(b"fake")
        return path

    summary = run_headless(lesson="linear-system", steps=1, export_dir=tmp_path / "out",
                           export_figure=export_figure)
    lesson = get_lesson("linear-system")
    assert calls == [("linear_system", system_state(lesson.steps))]
    assert "linear_system.png" in summary["files"]
    assert lesson_figures(get_lesson("xor-hidden")) == {}
    assert lesson_figures(None) == {}  # a scene file
    calls.clear()
    run_headless(lesson="xor-hidden", steps=1, export_dir=tmp_path / "xor",
                 export_figure=export_figure)
    assert calls == []
