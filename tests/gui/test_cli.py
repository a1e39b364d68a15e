"""The headless command line of app.py: train a lesson or a scene offscreen, write one figure
per view plus summary.json; exit 2 with one line on stderr for a bad argument or file."""

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import imageio.v3 as iio
import numpy as np
import pytest
from PySide6 import QtGui, QtWidgets

from core.lessons import load_lesson_scene
from core.scene import save_scene, scene_to_dict
from gui.app_window.headless_figures import VIEW_SIZES, OffscreenViews, record_gif
from tests.gui import model_json
from tests.gui.cli_helpers import cli
from tests.strict_json import read_strict
from tests.waiting import PATIENCE_S

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"


def run_app(*args: str, cwd: Path,
            timeout: float = 2 * PATIENCE_S) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", OPENBLAS_NUM_THREADS="1",
               HOME=str(cwd), XDG_CONFIG_HOME=str(cwd / "config"),
               XDG_DATA_HOME=str(cwd / "data"), BACKPROP_PLAYGROUND_DATA_DIR=str(cwd / "app"))
    return subprocess.run([sys.executable, str(APP), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_a_lesson_run_writes_one_figure_per_view_and_a_summary(tmp_path):
    result = run_app("--lesson", "xor-hidden", "--steps", "300", "--export-dir", "tmp",
                     "--width", "900", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "tmp"
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["steps"] == 300 and summary["lesson"] == "xor-hidden"
    # at step 300 the hidden layer is past its plateau near log 2 but not done (lesson 2)
    assert summary["train_loss"] < 0.6 and summary["train_accuracy"] >= 0.7
    figures = sorted(p.name for p in folder.glob("*.png"))
    assert figures == sorted(f"{view_id}.png" for view_id in VIEW_SIZES)
    assert sorted(summary["files"]) == sorted([*figures, "predictions.csv", "model.json",
                                               "summary.json"])
    model = model_json.load(folder / "model.json")
    assert model["step"] == 300 and model["layer_sizes"] == summary["layer_sizes"]
    for name in figures:
        image = QtGui.QImage(str(folder / name))
        assert image.width() == 900, name
    # the summary is the run's own measurement: a second run gives the same numbers
    assert "trained 300 steps" in result.stdout


def test_the_cli_model_json_reproduces_the_trained_session(qapp, tmp_path):
    """The headless run writes the model with the same description as File ▸ Export: its
    predictions, recomputed by an independent NumPy reader, are the trained session's."""
    from core.lesson_outcomes import train
    from gui.app_window.cli import build_parser, run_cli

    args = build_parser().parse_args(["--lesson", "penguins-standardized", "--steps", "60",
                                     "--export-dir", str(tmp_path)])
    assert run_cli(args, export_views=lambda session, folder: [], stdout=io.StringIO()) == 0
    session, _ = load_lesson_scene("penguins-standardized")
    train(session, 60)
    model = model_json.load(tmp_path / "model.json")
    assert model["standardization"]["enabled"] and model["inputs"]["dim"] == 2
    raw = np.concatenate([session.points.X, session.points.X * 1.1])
    np.testing.assert_allclose(model_json.predict(model, raw), session.predict_raw(raw),
                               rtol=0, atol=1e-12)


def test_a_scene_file_run_continues_from_the_saved_step_in_svg(tmp_path):
    session, _ = load_lesson_scene("spiral-softmax")
    for _ in range(30):
        session.trainer.step()
    save_scene(tmp_path / "my.json", scene_to_dict(session))
    result = run_app("--scene", "my.json", "--steps", "20", "--export-dir", "out",
                     "--format", "svg", "--width", "700", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["steps"] == 50 and summary["steps_run"] == 20
    for view_id in VIEW_SIZES:
        text = (tmp_path / "out" / f"{view_id}.svg").read_text()
        assert 'width="700' in text and "viewBox" in text, view_id


def test_an_unknown_lesson_exits_2_with_one_line(tmp_path):
    result = run_app("--lesson", "no-such-lesson", "--export-dir", "o", cwd=tmp_path,
                     timeout=PATIENCE_S)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no-such-lesson" in lines[0] and "xor-hidden" in lines[0]
    assert not (tmp_path / "o" / "summary.json").exists()


@pytest.mark.parametrize(("args", "word"), [
    (("--scene", "missing.json", "--export-dir", "o"), "missing.json"),
    (("--lesson", "xor-hidden", "--format", "bmp"), "format"),
    (("--lesson", "xor-hidden", "--steps", "many"), "steps"),
    (("--lesson", "xor-hidden", "--width", "3"), "width"),
    (("--lesson", "xor-hidden", "--steps", "-4"), "steps"),
    (("--export-dir", "o"), "--lesson"),
    (("--lesson", "xor-hidden", "--preset", "xor"), "--preset"),
    (("--screenshot", "no-such-folder/x.png"), "no-such-folder does not exist"),
    (("--layout-report", "."), "cannot write .: it is a folder"),
])
def test_a_bad_argument_or_file_exits_2_with_one_line(qapp, tmp_path, monkeypatch, capsys,
                                                      args, word):
    import app

    monkeypatch.chdir(tmp_path)
    try:
        status = app.main(list(args))
    except SystemExit as stop:  # argparse's errors
        status = stop.code
    assert status == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert word in lines[0]
    assert not (tmp_path / "o" / "summary.json").exists()


def test_a_malformed_scene_file_exits_2_naming_the_field(tmp_path):
    session, _ = load_lesson_scene("xor-hidden")
    scene = scene_to_dict(session)
    scene["network"]["weights"][0] = [[1.0, 2.0, 3.0]]
    (tmp_path / "bad.json").write_text(json.dumps(scene))
    result = run_app("--scene", "bad.json", cwd=tmp_path, timeout=PATIENCE_S)
    assert result.returncode == 2
    assert "network.weights" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_help_lists_the_lessons_and_options(tmp_path):
    result = run_app("--help", cwd=tmp_path, timeout=PATIENCE_S)
    assert result.returncode == 0
    for text in ("--lesson", "--scene", "--export-dir", "--format", "--width", "--gif",
                 "xor-hidden", "spiral-softmax", "penguins-standardized"):
        assert text in result.stdout, text


def test_the_gif_replays_the_run_to_the_same_final_state(qapp, tmp_path, monkeypatch):
    from gui.app_window import headless_figures as headless_export
    recorders = []

    class Recorder(headless_export.TrainingRecorder):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            recorders.append(self)

    monkeypatch.setattr(headless_export, "TrainingRecorder", Recorder)
    replayed, _ = load_lesson_scene("xor-hidden")
    direct, _ = load_lesson_scene("xor-hidden")
    for _ in range(12):
        direct.trainer.step()
    path = record_gif(replayed, 12, tmp_path / "training.gif", frames=4, width=400)
    frames = iio.imread(path, index=None)
    assert frames.shape[0] == 4  # the start, then every 4 steps
    assert replayed.trainer.step_count == 0  # a copy was trained
    (recorder,) = recorders
    assert recorder.session.trainer.step_count == 12
    np.testing.assert_array_equal(recorder.session.trainer.history.arrays()["train_loss"],
                                  direct.trainer.history.arrays()["train_loss"])
    assert not np.array_equal(frames[0], frames[-1])  # training moved the picture


def test_offscreen_views_export_pdf_pages(qapp, tmp_path):
    session, _ = load_lesson_scene("linear-regression")
    views = OffscreenViews(session, only=("canvas", "loss_curve"))
    try:
        written = views.export(tmp_path, "pdf", 800)
    finally:
        views.close()
    assert [p.name for p in written] == ["canvas.pdf", "loss_curve.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in written)
    with pytest.raises(ValueError, match="format"):
        OffscreenViews.export(views, tmp_path, "bmp", 800)


def test_an_unknown_preset_exits_2_with_one_line_listing_the_presets(tmp_path, monkeypatch,
                                                                      capsys):
    import app
    from core.datasets import GENERATORS

    monkeypatch.chdir(tmp_path)
    for argv in (["--preset", "nope"], ["--preset", "Spiral", "--screenshot", "s.png"]):
        with pytest.raises(SystemExit) as stop:  # refused while parsing: no window opens
            app.main(argv)
        assert stop.value.code == 2
        lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
        assert len(lines) == 1, lines
        assert f"unknown preset {argv[1]!r}; known presets: " in lines[0]
        assert all(name in lines[0] for name in GENERATORS), lines[0]
    assert not (tmp_path / "s.png").exists()
    assert all(name in app.build_parser().format_help() for name in GENERATORS)


def test_a_known_preset_still_opens_the_window(qapp, tmp_path, monkeypatch):
    import app

    monkeypatch.chdir(tmp_path)
    assert app.main(["--preset", "spiral3", "--screenshot", "s.png", "--no-recovery"]) == 0
    assert QtGui.QImage(str(tmp_path / "s.png")).width() > 100


def test_dialogs_are_closed_for_the_offscreen_run_only(qapp, qtbot, tmp_path, monkeypatch):
    """app.main in-process (as here) leaves the application running: a dialog shown after the
    --screenshot run stays open (a leaked answerer closed a later test's progress dialog)."""
    import app

    monkeypatch.chdir(tmp_path)
    assert app.main(["--screenshot", "s.png", "--no-recovery"]) == 0
    dialog = QtWidgets.QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(3):
        qapp.processEvents()
    assert dialog.isVisible()


# -- the parser and the one-line report (gui/app_window/cli.py; core has no argparse) --------
def test_cli_exits_0_and_writes_summary(tmp_path):
    status, out, err = cli(["--lesson", "xor-perceptron", "--steps", "5",
                             "--export-dir", str(tmp_path)])
    assert status == 0 and err == ""
    assert "trained 5 steps" in out
    assert read_strict(tmp_path / "summary.json")["steps"] == 5


def test_cli_exits_2_with_one_line_on_a_bad_lesson(tmp_path):
    status, out, err = cli(["--lesson", "nope", "--export-dir", str(tmp_path)])
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: unknown lesson 'nope'")


def test_cli_parser_rejects_unknown_options_with_status_2(capsys):
    from gui.app_window.cli import build_parser

    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["--lesson", "xor-hidden", "--format", "bmp"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid choice: 'bmp'" in err


def test_cli_help_lists_the_lessons():
    import app
    from gui.app_window.cli import build_parser

    text = build_parser().format_help()
    assert "xor-hidden" in text and "penguins-standardized" in text and "--export-dir" in text
    assert app.build_parser is build_parser  # app.py parses with the CLI module's parser


def test_the_cli_line_reports_a_divergence(tmp_path):
    from core.headless import run_headless

    divergence = run_headless(lesson="linear-regression-large-lr")["divergence"]
    status, out, err = cli(["--lesson", "linear-regression-large-lr", "--export-dir",
                             str(tmp_path)])
    assert status == 0 and err == ""
    assert f"(diverged at step {divergence['step']}: {divergence['cause']})" in out, out


def test_the_parser_and_report_live_in_the_app_not_in_core():
    """core keeps the lesson runner; the argparse parser is the app's (import-linter also
    forbids argparse in core: tests/test_import_rules.py)."""
    import core.headless as headless

    assert not hasattr(headless, "make_parser") and not hasattr(headless, "run_cli")
    source = Path(headless.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|from) argparse\b", source, re.MULTILINE)


def test_the_linear_system_figure_shows_the_lesson_s_system(qapp, tmp_path):
    """``linear_system.png`` of ``--lesson linear-system``: the Linear system view with the
    system the lesson's steps set, at the chosen width."""
    from core.headless import lesson_figures
    from core.lessons import get_lesson
    from gui.app_window.headless_figures import make_figure_exporter

    state = lesson_figures(get_lesson("linear-system"))["linear_system"]
    path = make_figure_exporter("png", 700)("linear_system", state, tmp_path)
    assert path == tmp_path / "linear_system.png"
    image = QtGui.QImage(str(path))
    assert image.width() == 700 and image.height() > 300
    assert make_figure_exporter("png", 700)("canvas", state, tmp_path) is None
