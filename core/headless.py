"""Headless runs: load a lesson or a scene file, train, write ``summary.json`` and
``model.json`` — no Qt.

This is the engine half of the command line::

    python app.py --lesson xor-hidden --steps 500 --export-dir out/ [--format png] [--width 1600]
    python app.py --scene my.json --steps 200 --export-dir out/
    python app.py --lesson xor-hidden --cv 5 [--steps 300] --export-dir out/   (cv.json)

The command line itself (the argparse parser, the one-line report and exit status) is the
app's, in ``gui/app_window/cli.py``: it calls :func:`run_headless` with an
``export_views(session, export_dir)`` callback from the GUI layer that writes one figure per
view (offscreen Qt). This module never imports Qt or argparse; bad arguments or files raise
ValueError with a one-line message.

**Figures of what a lesson shows besides the training run** (:func:`lesson_figures`): a lesson
that shows the Linear system view (``setup.views`` of a step, or its scene's open views) and
sets its Ax = b (``setup.linear_system``) gets ``linear_system.png``: the system once every
step has performed its setup (``core.lesson_steps.system_state``), written by an
``export_figure(view_id, state, export_dir)`` callback of the GUI layer.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from core.attribution_report import explain_sample, summary_entry
from core.attributions import AttributionError
from core.comparison import Comparison, parse_changes
from core.cross_validation import CV_NAME, make_folds, run_cross_validation
from core.evaluation import PREDICTIONS_NAME, split_metrics, write_predictions_csv
from core.lesson_outcomes import check_expectations, costly_metrics_for, measure, train
from core.lesson_steps import system_state
from core.lessons import get_lesson, list_lessons, load_lesson_scene
from core.model_description import NonFiniteParameters, describe_model
from core.scene import open_scene, save_scene

__all__ = ["run_headless", "run_cross_validation_headless", "run_compare_headless",
           "session_summary", "lessons_help", "lesson_figures", "CV_NAME", "COMPARE_NAME",
           "DEFAULT_SCENE_STEPS", "MAX_STEPS", "SUMMARY_NAME",
           "MODEL_NAME", "PREDICTIONS_NAME"]

DEFAULT_SCENE_STEPS = 200
"""Steps trained for ``--scene`` when ``--steps`` is not given (a lesson uses its own)."""
MAX_STEPS = 1_000_000
SUMMARY_NAME = "summary.json"
COMPARE_NAME = "compare"
"""Stem of the A/B figure of ``--compare`` (``compare.png``, .svg or .pdf)."""
MODEL_NAME = "model.json"
"""The trained model (``core.model_description.describe_model``), as File ▸ Export writes it."""

ExportViews = Callable[[Any, Path], Iterable[str | os.PathLike] | None]
ExportFigure = Callable[[str, Any, Path], str | os.PathLike | None]


def lesson_figures(lesson_record, views=None) -> dict[str, Any]:
    """{view id: state} of the views lesson ``lesson_record`` (``core.lessons.get_lesson``;
    None: a scene file, no figures) shows that are not drawn from the training run:
    ``"linear_system"`` with ``core.lesson_steps.system_state`` of all its steps, when a step
    or the scene (``views``: its view layout) opens that view and the steps set a system.
    {} otherwise."""
    if lesson_record is None:
        return {}
    steps = lesson_record.steps
    shown = set((views or {}).get("open", ()))
    for step in steps:
        shown.update(step.setup.get("views", ()))
    state = system_state(steps)
    return {"linear_system": state} if "linear_system" in shown and state else {}


def _json_number(value: Any) -> Any:
    """NaN → None (undefined, e.g. accuracy in regression); ±inf → "Infinity"/"-Infinity"."""
    if isinstance(value, float) and not math.isfinite(value):
        return None if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, dict):
        return {k: _json_number(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_number(v) for v in value]
    return value


def _check_steps(steps: Any) -> int:
    if isinstance(steps, bool) or not isinstance(steps, int) or not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"--steps must be a whole number from 0 to {MAX_STEPS:,}, got {steps!r}")
    return steps


def _load(lesson: str | None, scene_path: str | os.PathLike | None):
    if (lesson is None) == (scene_path is None):
        raise ValueError("give exactly one of --lesson ID or --scene FILE")
    if lesson is not None:
        get_lesson(lesson)  # ValueError listing the ids
        return load_lesson_scene(lesson)
    try:
        return open_scene(scene_path)
    except OSError as error:
        raise ValueError(f"cannot read scene file {scene_path}: "
                         f"{error.strerror or error}") from None


def _load_run(lesson: str | None, scene_path: str | os.PathLike | None, steps: Any):
    """``(session, views, lesson_record, steps)`` for a headless run: the lesson (by id) or
    scene file loaded (:func:`_load`), its lesson record (None for a scene) and the steps to
    train: ``steps``, or by default the lesson's ``expect.steps`` or
    :data:`DEFAULT_SCENE_STEPS` for a scene, checked (0..:data:`MAX_STEPS`). Raises
    ValueError with a one-line message as :func:`run_headless`."""
    session, views = _load(lesson, scene_path)
    lesson_record = get_lesson(lesson) if lesson is not None else None
    if steps is None:
        steps = lesson_record.expect["steps"] if lesson_record else DEFAULT_SCENE_STEPS
    return session, views, lesson_record, _check_steps(steps)


def _written_files(folder: Path | None, export_figure, subject, name: str) -> list[str]:
    """The names a run writes to ``folder``: the figure ``export_figure(subject, folder)``
    writes (when it returns a path), then ``name``; [] without a folder."""
    if folder is None:
        return []
    written = export_figure(subject, folder) if export_figure is not None else None
    return ([Path(written).name] if written else []) + [name]


def _export_dir(export_dir: str | os.PathLike | None) -> Path | None:
    if export_dir is None:
        return None
    path = Path(export_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ValueError(f"--export-dir {export_dir} exists and is not a folder") from None
    except OSError as error:
        raise ValueError(f"cannot create --export-dir {export_dir}: "
                         f"{error.strerror or error}") from None
    return path


def _attributions(session) -> dict[str, Any]:
    """``summary["attributions"]``: the attributions of the sample the inspector shows by
    default (``core.attribution_report.summary_entry``), or ``{"error": code}`` when they
    cannot be computed (no training points, a non-finite output)."""
    try:
        return summary_entry(explain_sample(session))
    except AttributionError as error:
        return {"error": error.code}


def run_headless(lesson: str | None = None, scene_path: str | os.PathLike | None = None,
                 steps: int | None = None, export_dir: str | os.PathLike | None = None,
                 export_views: ExportViews | None = None,
                 export_figure: ExportFigure | None = None) -> dict[str, Any]:
    """Load a lesson (by id) or a scene file, train ``steps`` more steps and summarize.

    Parameters
    ----------
    lesson, scene_path : exactly one of them.
    steps : steps to train (0..:data:`MAX_STEPS`); default the lesson's ``expect.steps``, or
        :data:`DEFAULT_SCENE_STEPS` for a scene. Training stops early if it diverges.
    export_dir : folder for ``summary.json``, ``model.json`` (the trained model,
        :func:`core.model_description.describe_model`) and ``predictions.csv``
        (:func:`core.evaluation.write_predictions_csv`: split, row, y_true, y_pred and the
        class probabilities of every point); created if needed; None writes nothing.
    export_views : ``export_views(session, export_dir)``, called after training when
        ``export_dir`` is given, to write one figure per view (GUI layer); it may return the
        paths it wrote, which are listed in the summary.
    export_figure : ``export_figure(view_id, state, export_dir)`` (GUI layer), called with
        ``export_dir`` for each entry of :func:`lesson_figures` (the Linear system view of a
        lesson that shows it); it may return the path it wrote, listed in the summary.

    Returns the summary dict written to ``summary.json``: ``train_loss``, ``test_loss``,
    ``train_accuracy``, ``test_accuracy``, ``validation_loss``, ``validation_accuracy``
    (final parameters; None where undefined, e.g. without validation points),
    ``best_validation_step`` (``Trainer.best_validation``; None without one), ``steps``
    (total step count), ``steps_run``, ``diverged``, ``settings``, ``metrics`` (per split
    ``{"train", "validation", "test"}``: :func:`core.metrics.metrics_report` of the final
    model — accuracy, confusion_matrix, precision, recall, f1, macro_f1 and for two classes
    roc_auc, average_precision; regression mse, mae, r2; null for a split the session does
    not have or that is empty), ``measurements`` (the lesson measurements of
    :func:`core.lesson_outcomes.measure`), ``attributions`` (of the sample the inspector shows
    by default: ``core.attribution_report.summary_entry``) and more (see the code).
    For a lesson trained for its stated number of steps, ``expect_met`` says whether every
    claim of its text holds (``unmet`` lists those that do not; else None).

    Raises ValueError with a one-line message for bad arguments, an unknown lesson (listing
    the ids), or an unreadable or malformed scene file (``SceneError``).
    """
    started = time.perf_counter()
    session, views, lesson_record, steps = _load_run(lesson, scene_path, steps)
    folder = _export_dir(export_dir)
    steps_run = train(session, steps)
    summary = session_summary(session, steps, steps_run, lesson_record, views,
                              scene=None if scene_path is None else str(scene_path))
    files: list[str] = []
    if folder is not None:
        if export_views is not None:
            written = export_views(session, folder)
            files.extend(str(Path(p).name) for p in (written or ()))
        if export_figure is not None:
            for view_id, state in lesson_figures(lesson_record, views).items():
                written = export_figure(view_id, state, folder)
                if written:
                    files.append(Path(written).name)
        try:
            write_predictions_csv(session, folder / PREDICTIONS_NAME)
        except OSError as error:
            raise ValueError(f"cannot write {folder / PREDICTIONS_NAME}: "
                             f"{error.strerror or error}") from None
        files.append(PREDICTIONS_NAME)
        try:
            save_scene(folder / MODEL_NAME, describe_model(session), indent=1)
            files.append(MODEL_NAME)
        except NonFiniteParameters as error:  # JSON cannot hold NaN: the summary says why
            summary["model_error"] = str(error)
        files.append(SUMMARY_NAME)
    summary["files"] = files
    summary["elapsed_seconds"] = round(time.perf_counter() - started, 3)
    summary = _json_number(summary)
    if folder is not None:
        save_scene(folder / SUMMARY_NAME, summary, indent=2)  # atomic, strict JSON
    return summary


def session_summary(session, steps: int, steps_run: int, lesson_record=None, views=None,
                    scene: str | None = None) -> dict[str, Any]:
    """The summary of one trained session, as :func:`run_headless` writes it (without
    ``files`` and ``elapsed_seconds``; not yet JSON-cleaned): see run_headless's Returns.
    ``steps``: the steps requested; ``steps_run``: those taken; ``lesson_record``: the
    lesson (``core.lessons.get_lesson``) or None; ``views``: the scene's view layout."""
    lesson = None if lesson_record is None else lesson_record.id
    metrics = measure(session, costly_metrics_for(lesson_record.expect) if lesson_record else ())
    trainer = session.trainer
    summary: dict[str, Any] = {
        "lesson": lesson,
        "scene": scene,
        "steps": metrics["steps"],
        "steps_requested": steps,
        "steps_run": steps_run,
        "epochs": metrics["epochs"],
        "train_loss": metrics["train_loss"],
        "test_loss": metrics["test_loss"],
        "train_accuracy": metrics["train_accuracy"],
        "test_accuracy": metrics["test_accuracy"],
        **_validation_summary(trainer),
        "diverged": metrics["diverged"],
        "divergence": metrics["divergence"],
        "n_train": int(session.X_train.shape[0]),
        "n_test": int(session.X_test.shape[0]),
        "n_validation": int(session.X_validation.shape[0]),
        "layer_sizes": list(session.net.layer_sizes),
        "loss": trainer.loss,
        "output_activation": session.net.output_activation,
        "settings": {"data": session.data.to_dict(), "network": session.network.to_dict(),
                     "training": session.training.to_dict()},
        "metrics": split_metrics(session),
        "measurements": {k: v for k, v in metrics.items() if k not in (
            "steps", "epochs", "divergence", "diverged")},
        "views": views,
        "expect": None, "expect_met": None, "unmet": [],
        "attributions": _attributions(session),
    }
    if lesson_record is not None:
        summary["expect"] = lesson_record.expect
        if steps == lesson_record.expect["steps"]:
            unmet = check_expectations(lesson_record.expect, metrics)
            summary["expect_met"], summary["unmet"] = not unmet, unmet
    return summary


def run_compare_headless(changes: dict[str, str], lesson: str | None = None,
                         scene_path: str | os.PathLike | None = None,
                         steps: int | None = None,
                         export_dir: str | os.PathLike | None = None,
                         export_figure: Callable[[Any, Path], Any] | None = None,
                         ) -> dict[str, Any]:
    """A/B runs (``--compare``): run A is the lesson or scene, run B the same with
    ``changes`` ({key: text}, as typed after ``--compare``: ``core.comparison.parse_changes``)
    from A's start (``core.comparison.Comparison.start``: same points, split, initial
    weights and batch order); both train ``steps`` steps (default as :func:`run_headless`;
    a run that diverges stops, the other goes on).

    ``export_dir``: folder for ``summary.json``; ``export_figure(comparison, folder)`` (GUI
    layer) may write the figure (``compare.png``) and return its path.

    Returns the summary: ``"a"`` and ``"b"`` (each as :func:`session_summary`, the entries of
    a normal ``summary.json``), ``"differences"`` (``[{"key", "a", "b"}]``:
    ``core.comparison.settings_that_differ``), ``lesson``, ``scene``, ``steps_requested``,
    ``files`` and ``elapsed_seconds``. Raises ValueError with a one-line message as
    :func:`run_headless`, and ``core.comparison.ComparisonError`` (a ValueError) for an
    unknown key or an invalid value.
    """
    started = time.perf_counter()
    parsed = parse_changes(changes)  # bad keys and values before any loading or training
    session, views, lesson_record, steps = _load_run(lesson, scene_path, steps)
    folder = _export_dir(export_dir)
    comparison = Comparison.start(session, parsed)
    steps_a, steps_b = comparison.step(steps)
    scene = None if scene_path is None else str(scene_path)
    summary: dict[str, Any] = {
        "lesson": lesson, "scene": scene, "steps_requested": steps,
        "differences": [{"key": key, "a": _plain(a), "b": _plain(b)}
                        for key, a, b in comparison.differences()],
        "a": session_summary(comparison.a, steps, steps_a, lesson_record, views, scene),
        "b": session_summary(comparison.b, steps, steps_b, lesson_record, views, scene),
    }
    summary["files"] = _written_files(folder, export_figure, comparison, SUMMARY_NAME)
    summary["elapsed_seconds"] = round(time.perf_counter() - started, 3)
    summary = _json_number(summary)
    if folder is not None:
        save_scene(folder / SUMMARY_NAME, summary, indent=2)
    return summary


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def run_cross_validation_headless(k: int, lesson: str | None = None,
                                  scene_path: str | os.PathLike | None = None,
                                  steps: int | None = None,
                                  export_dir: str | os.PathLike | None = None,
                                  export_figure: Callable[[Any, Path], Any] | None = None,
                                  ) -> dict[str, Any]:
    """k-fold cross-validation of a lesson's or scene's settings instead of one training run
    (``core.cross_validation.run_cross_validation``; the folds' seed is the data seed).

    ``k``: 2..10; ``steps``: steps per fold (≥ 1; default as :func:`run_headless`).
    ``export_dir``: where ``cv.json`` (:meth:`CrossValidationResult.to_json`, NaN → null) is
    written, created if needed; None writes nothing. ``export_figure(result, export_dir)``
    (GUI layer) may write a figure of the fold curves and return its path.

    Returns the ``cv.json`` dict plus ``files`` (names written) and ``elapsed_seconds``.
    Raises ValueError with a one-line message for bad arguments (``CrossValidationError`` for
    k out of range or a class with fewer than k training and validation points), an unknown
    lesson or an unreadable scene, as :func:`run_headless`.
    """
    started = time.perf_counter()
    session, _views, _lesson_record, steps = _load_run(lesson, scene_path, steps)
    if steps < 1:
        raise ValueError("--steps must be at least 1 for --cv")
    make_folds(session, k, session.data.seed)  # a bad k is refused before the folder is made
    folder = _export_dir(export_dir)
    result = run_cross_validation(session, k, steps)
    data: dict[str, Any] = {"lesson": lesson,
                            "scene": None if scene_path is None else str(scene_path),
                            **result.to_json()}
    files = _written_files(folder, export_figure, result, CV_NAME)
    data = _json_number({**data, "files": files})
    if folder is not None:
        try:
            save_scene(folder / CV_NAME, data, indent=1)
        except OSError as error:
            raise ValueError(f"cannot write {folder / CV_NAME}: "
                             f"{error.strerror or error}") from None
    data["elapsed_seconds"] = round(time.perf_counter() - started, 3)
    return data


def lessons_help(language: str = "en") -> str:
    """One line per built-in lesson, ``"  id  —  title"``, for ``--help``."""
    lessons = list_lessons()
    width = max(len(lesson.id) for lesson in lessons)
    return "\n".join(f"  {lesson.id:<{width}}  {lesson.localized('title', language)}"
                     for lesson in lessons)


def _validation_summary(trainer) -> dict[str, Any]:
    """``validation_loss`` and ``validation_accuracy`` of the final parameters (the history's
    newest row, evaluated first: ``Trainer.evaluate_now``, a no-op when it already is) and
    ``best_validation_step``; None where undefined (no validation points, regression
    accuracy)."""
    row = trainer.evaluate_now() if len(trainer.history) else {}
    best = trainer.best_validation

    def finite(value):
        return float(value) if value is not None and math.isfinite(value) else None

    return {"validation_loss": finite(row.get("validation_loss")),
            "validation_accuracy": finite(row.get("validation_accuracy")),
            "best_validation_step": None if best is None else best.step}
