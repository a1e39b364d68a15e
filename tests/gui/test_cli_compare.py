"""``app.py --lesson ID | --scene FILE --compare KEY=VALUE[,…]``: A/B runs without a window,
compare.png and summary.json with "a" and "b"; exit 2 with one line for a bad key or value."""

from __future__ import annotations

import pytest
from PySide6 import QtGui

from core.comparison import Comparison
from core.headless import run_headless
from core.lessons import load_lesson_scene
from core.scene import save_scene, scene_to_dict
from tests.gui.cli_helpers import cli
from tests.gui.test_cli import run_app
from tests.strict_json import read_strict


def test_compare_writes_a_and_b_summaries_each_like_the_normal_summary(tmp_path):
    seen = []

    def figure(comparison, folder):
        seen.append((comparison.a.trainer.step_count, comparison.b.trainer.step_count))
        path = folder / "compare.png"
        path.write_bytes(b"fake")
        return path

    status, out, err = cli(["--lesson", "xor-hidden", "--steps", "20", "--compare",
                             "activation=relu,learning_rate=0.1", "--export-dir",
                             str(tmp_path)], export_compare_figure=figure)
    assert status == 0 and err == ""
    assert out.startswith("compared A 20 steps") and "B 20 steps" in out
    data = read_strict(tmp_path / "summary.json")
    assert seen == [(20, 20)] and data["files"] == ["compare.png", "summary.json"]
    normal = run_headless(lesson="xor-hidden", steps=20)
    assert set(data["a"]) == set(data["b"]) == set(normal) - {"files", "elapsed_seconds"}
    assert data["a"]["train_loss"] == normal["train_loss"]  # A is the lesson's own run
    assert data["a"]["settings"] == normal["settings"]
    assert data["b"]["settings"]["network"]["activation"] == "relu"
    assert data["b"]["settings"]["training"]["learning_rate"] == 0.1
    assert data["differences"] == [
        {"key": "network.activation", "a": "tanh", "b": "relu"},
        {"key": "training.learning_rate", "a": normal["settings"]["training"]["learning_rate"],
         "b": 0.1}]
    session = load_lesson_scene("xor-hidden")[0]
    expected = Comparison.start(session, {"activation": "relu", "learning_rate": 0.1})
    expected.step(20)
    assert data["b"]["train_loss"] == expected.b.trainer.evaluate(expected.b.X_train,
                                                                  expected.b.y_train)[0]


def test_a_scene_with_an_architecture_change_and_lists_written_with_slashes(tmp_path):
    session = load_lesson_scene("xor-hidden")[0]
    scene = tmp_path / "scene.json"
    save_scene(scene, scene_to_dict(session))
    status, _out, err = cli(["--scene", str(scene), "--steps", "3", "--compare",
                              "hidden_sizes=3/3,training.seed=4", "--export-dir",
                              str(tmp_path / "out")])
    assert status == 0, err
    data = read_strict(tmp_path / "out" / "summary.json")
    assert data["b"]["layer_sizes"] == [2, 3, 3, 1]
    assert data["a"]["layer_sizes"] == list(session.net.layer_sizes)
    assert [d["key"] for d in data["differences"]] == ["network.hidden_sizes", "training.seed"]


@pytest.mark.parametrize(("compare", "words"), [
    ("no_such=1", "unknown setting 'no_such'"),
    ("learning_rate=fast", "Learning rate must be a number"),
    ("learning_rate=1000", "Learning rate must be between"),
    ("seed=3", "network.seed, training.seed"),
    ("noise=0.3", "cannot differ between the runs"),
    ("batch_norm=true,batch_size=1", "Batch size 1 is not possible"),
])
def test_a_bad_key_or_value_is_one_line_and_exit_2(tmp_path, compare, words):
    status, out, err = cli(["--lesson", "xor-hidden", "--steps", "2", "--compare", compare,
                             "--export-dir", str(tmp_path)])
    assert status == 2 and out == ""
    assert err.startswith("error: ") and words in err and err.count("\n") == 1
    assert not (tmp_path / "summary.json").exists()


@pytest.mark.parametrize("compare", ["activation", "=relu", "activation=relu,activation=tanh"])
def test_a_malformed_compare_argument_is_refused_by_the_parser(compare, capsys):
    from gui.app_window.cli import build_parser

    with pytest.raises(SystemExit) as caught:
        build_parser().parse_args(["--lesson", "xor-hidden", "--compare", compare])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: argument --compare") and err.count("\n") == 1


def test_the_real_command_writes_compare_png_at_the_width(tmp_path):
    result = run_app("--lesson", "xor-hidden", "--steps", "10", "--compare", "activation=relu",
                     "--width", "900", "--export-dir", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QtGui.QImage(str(tmp_path / "out" / "compare.png"))
    assert image.width() == 900 and image.height() > 300
    data = read_strict(tmp_path / "out" / "summary.json")
    assert data["a"]["steps"] == data["b"]["steps"] == 10
    bad = run_app("--compare", "activation=relu", "--export-dir", "out2", cwd=tmp_path)
    assert bad.returncode == 2 and "--lesson" in bad.stderr
