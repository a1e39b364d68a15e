"""``app.py --lesson ID | --scene FILE --cv K``: k-fold cross-validation without a window."""

from __future__ import annotations

import numpy as np

from core.cross_validation import cv_rows, run_cross_validation
from core.lessons import load_lesson_scene
from core.scene import save_scene, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from tests.gui.cli_helpers import cli
from tests.strict_json import read_strict


def test_lesson_cv_writes_cv_json_with_folds_per_fold_curves_mean_and_std(tmp_path):
    figures = []

    def figure(result, folder):
        figures.append(result.k)
        path = folder / "cv.png"
        path.write_bytes(b"fake")
        return path

    status, out, err = cli(["--lesson", "xor-hidden", "--cv", "3", "--steps", "4",
                             "--export-dir", str(tmp_path)], export_cv_figure=figure)
    assert status == 0 and err == ""
    assert out.startswith("cross-validated 3 folds × 4 steps")
    data = read_strict(tmp_path / "cv.json")
    assert figures == [3] and data["files"] == ["cv.png", "cv.json"]
    session = load_lesson_scene("xor-hidden")[0]
    expected = run_cross_validation(session, 3, 4).to_json()  # the data seed: deterministic
    assert data["folds"] == expected["folds"]
    assert sorted(sum(data["folds"], [])) == cv_rows(session).tolist()
    assert data["fold_results"] == expected["fold_results"]
    assert data["mean"] == expected["mean"] and data["std"] == expected["std"]
    fold = data["fold_results"][0]
    assert len(fold["train_loss"]) == len(fold["val_loss"]) == 5
    assert set(fold["metrics"]) >= {"accuracy", "confusion_matrix", "f1", "macro_f1", "roc_auc"}
    assert not (tmp_path / "summary.json").exists()  # cross-validation instead of one run


def test_scene_cv_in_regression_writes_null_accuracy(tmp_path):
    session = Session(DataSettings(task="regression", preset="sine", n_points=30,
                                   features=("x1",)),
                      NetworkSettings(hidden_sizes=(3,)), TrainingSettings(learning_rate=0.05))
    path = tmp_path / "s.json"
    save_scene(path, scene_to_dict(session))
    status, out, err = cli(["--scene", str(path), "--cv", "2", "--steps", "3",
                             "--export-dir", str(tmp_path / "out")])
    assert status == 0, err
    data = read_strict(tmp_path / "out" / "cv.json")
    assert data["task"] == "regression" and data["mean"]["val_accuracy"] is None
    assert np.isfinite(data["mean"]["metrics"]["mse"])


def test_cv_errors_are_one_line_with_status_2(tmp_path):
    for argv, start in ((["--cv", "11"], "error: k must be a whole number from 2 to 10"),
                        (["--cv", "3", "--gif"], "error: --gif cannot be used with --cv"),
                        (["--cv", "3", "--steps", "0"], "error: --steps must be at least 1")):
        status, out, err = cli(["--lesson", "xor-hidden", "--export-dir", str(tmp_path),
                                 *argv])
        assert status == 2 and out == "", argv
        assert err.count("\n") == 1 and err.startswith(start), err
    assert not (tmp_path / "cv.json").exists()


def test_a_refused_k_creates_no_export_folder(tmp_path):
    for k in ("1", "11"):
        folder = tmp_path / f"out-{k}"
        status, _out, err = cli(["--lesson", "xor-hidden", "--export-dir", str(folder),
                                  "--cv", k])
        assert status == 2 and err.startswith("error: k must be"), err
        assert not folder.exists()


def test_app_main_with_cv_writes_the_figure_of_the_view(qapp, tmp_path, capsys):
    """``app.py --lesson ID --cv K``: cv.png is the Cross-validation view of the run."""
    from PySide6 import QtGui

    import app

    status = app.main(["--lesson", "xor-hidden", "--cv", "2", "--steps", "3", "--width", "700",
                       "--export-dir", str(tmp_path)])
    assert status == 0, capsys.readouterr().err
    assert QtGui.QImage(str(tmp_path / "cv.png")).width() == 700
    assert read_strict(tmp_path / "cv.json")["files"] == ["cv.png", "cv.json"]
