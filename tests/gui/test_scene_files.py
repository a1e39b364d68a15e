"""File ▸ New/Open/Save/Save As, recent files, autosave and crash recovery, through the window.

QSettings and the autosave folder live in tmp_path (tests/gui/scene_helpers.py); message boxes
are replaced by recorders, so nothing blocks and nothing reaches the user's folders.
"""

import json

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from core.lessons import load_lesson_scene
from core.scene import open_scene, save_scene, scene_to_dict
from core.session import Session
from gui.files.autosave import AUTOSAVE_MS, KEY_CLEAN_EXIT, NO_RECOVERY_ENV
from gui.files.scene_files import NO_PROMPTS_ENV
from tests.gui import scene_helpers
from tests.gui.scene_helpers import scene_files_of, settings_file

private_storage = scene_helpers.private_storage
boxes = scene_helpers.boxes


def train(window, steps: int) -> None:
    """``steps`` training steps, then one redraw (as one Play frame does: the newest row is
    evaluated before ``stepped``, gui.controller)."""
    controller = window.controller
    for _ in range(steps):
        controller.trainer.step()
    controller.trainer.evaluate_now()
    controller.stepped.emit(controller.trainer.step_count)


def state_of(controller) -> dict:
    """Everything a failed Open must leave alone: points, weights, step, history."""
    session = controller.session
    return {"session": session, "X": session.points.X.copy(), "y": session.points.y.copy(),
            "train": session.points.train.copy(), "params": session.net.get_params().copy(),
            "step": session.trainer.step_count,
            "losses": session.trainer.history.arrays()["train_loss"].copy()}


def assert_unchanged(controller, before: dict) -> None:
    session = controller.session
    assert session is before["session"]
    np.testing.assert_array_equal(session.points.X, before["X"])
    np.testing.assert_array_equal(session.points.y, before["y"])
    np.testing.assert_array_equal(session.points.train, before["train"])
    np.testing.assert_array_equal(session.net.get_params(), before["params"])
    assert session.trainer.step_count == before["step"]
    np.testing.assert_array_equal(session.trainer.history.arrays()["train_loss"],
                                  before["losses"])


@pytest.fixture
def files(window, tmp_path, monkeypatch):
    monkeypatch.setenv(NO_PROMPTS_ENV, "0")  # ask on quit even on the offscreen platform
    # mini-batches + Adam: the sampler state and the optimizer moments must survive the file
    window.controller.set_training_settings(batch_size=16, optimizer="adam",
                                            learning_rate=0.01)
    files = scene_files_of(window, tmp_path)
    yield files
    files.autosaver.started = False  # closing the window at teardown must not ask anything
    files.autosaver.timer.stop()


def test_save_then_open_then_continue_gives_the_losses_of_never_saving(window, files, boxes,
                                                                         tmp_path):
    train(window, 40)
    path = tmp_path / "run.json"
    assert files.save_as(path)
    assert not files.dirty and files.path == str(path)
    train(window, 25)
    never_saved = window.controller.trainer.history.arrays()["train_loss"].copy()
    params_never_saved = window.controller.session.net.get_params().copy()

    assert files.open_file(path)  # the unsaved steps are discarded (recorded question)
    assert boxes.questions and not boxes.warnings
    assert window.controller.trainer.step_count == 40
    train(window, 25)
    reopened = window.controller.trainer.history.arrays()["train_loss"]
    np.testing.assert_array_equal(reopened, never_saved)  # bit for bit
    np.testing.assert_array_equal(window.controller.session.net.get_params(),
                                  params_never_saved)


def _valid_scene(tmp_path) -> dict:
    session = Session()
    for _ in range(5):
        session.trainer.step()
    return scene_to_dict(session)


def _write(path, content) -> None:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def _malformed(kind: str, scene: dict):
    """(file content, a word the message must contain)."""
    if kind == "empty":
        return "", "empty"
    if kind == "not json":
        return "{this is not json", "JSON"
    if kind == "truncated":
        return json.dumps(scene)[:300], "JSON"
    if kind == "binary":
        return b"\x89PNG\r\n\x1a\n\x00\xff\xfe", "UTF-8"
    if kind == "list at top":
        return "[1, 2, 3]", "object"
    if kind == "wrong version":
        scene["schema_version"] = 99
        return json.dumps(scene), "schema_version"
    if kind == "missing network":
        del scene["network"]
        return json.dumps(scene), "network"
    if kind == "wrong weight shape":
        scene["network"]["weights"][1] = [[0.0] * 3] * 8
        return json.dumps(scene), "weights"
    if kind == "nan weight":
        scene["network"]["weights"][0][0][0] = 12345.678
        return json.dumps(scene).replace("12345.678", "NaN"), "weights"
    if kind == "unknown activation":
        scene["network"]["activation"] = "sinc"
        return json.dumps(scene), "activation"
    if kind == "label out of range":
        scene["points"]["y"][0] = 42
        return json.dumps(scene), "points"
    raise AssertionError(kind)


MALFORMED = ("empty", "not json", "truncated", "binary", "list at top", "wrong version",
             "missing network", "wrong weight shape", "nan weight", "unknown activation",
             "label out of range")


@pytest.fixture(scope="module")
def shared_window(qapp, tmp_path_factory):
    """One window for the malformed-file cases (building a window costs a second or more)."""
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    win = MainWindow(TrainingController())
    win.show()
    train(win, 12)
    folder = tmp_path_factory.mktemp("malformed")
    files = scene_files_of(win, folder)
    assert files.save_as(folder / "good.json")
    yield win
    win.close()
    win.deleteLater()
    QtWidgets.QApplication.processEvents()


@pytest.mark.parametrize("kind", MALFORMED)
def test_a_malformed_scene_file_shows_the_problem_and_keeps_the_scene(shared_window, boxes,
                                                                        tmp_path, kind):
    window = shared_window
    files = window.scene_files
    good = files.path
    before = state_of(window.controller)
    content, word = _malformed(kind, _valid_scene(tmp_path))
    bad = tmp_path / "bad.json"
    _write(bad, content)

    assert files.open_file(bad) is False
    assert len(boxes.warnings) == 1
    assert "bad.json" in boxes.warnings[0]
    assert word.lower() in boxes.warnings[0].lower()
    assert_unchanged(window.controller, before)
    assert files.path == good and not files.dirty
    assert str(bad) not in files.recent_files()


def test_a_missing_file_is_reported_and_the_scene_stays(window, files, boxes, tmp_path):
    before = state_of(window.controller)
    assert files.open_file(tmp_path / "nowhere.json") is False
    assert len(boxes.warnings) == 1 and "nowhere.json" in boxes.warnings[0]
    assert_unchanged(window.controller, before)


def test_a_failed_save_is_reported_and_keeps_the_old_file(window, files, boxes, tmp_path,
                                                          monkeypatch):
    path = tmp_path / "kept.json"
    assert files.save_as(path)
    old = path.read_bytes()
    train(window, 3)

    def broken_dumps(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.scene.json.dumps", broken_dumps)
    assert files.save() is False
    assert len(boxes.warnings) == 1 and "No space left" in boxes.warnings[0]
    assert path.read_bytes() == old
    assert files.dirty
    assert not files.save_as(tmp_path / "no-such-folder" / "x.json")


def test_new_scene_asks_about_changes_and_cancel_keeps_everything(window, files, boxes):
    train(window, 4)
    before = state_of(window.controller)
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Cancel
    assert files.new_scene() is False
    assert_unchanged(window.controller, before)
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Discard
    assert files.new_scene()
    assert window.controller.trainer.step_count == 0
    assert window.controller.session is not before["session"]
    assert files.path is None and not files.dirty
    assert window.windowTitle().startswith("Untitled")


def test_recent_files_list_the_newest_first_and_open_from_the_menu(window, files, boxes,
                                                                   tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    files.save_as(first)
    train(window, 2)
    files.save_as(second)
    assert files.recent_files() == [str(second), str(first)]
    files.rebuild_recent_menu()
    entries = [a for a in files.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(second), str(first)]

    entries[1].trigger()  # open "first" from File ▸ Open Recent
    assert files.path == str(first)
    assert window.controller.trainer.step_count == 0
    assert files.recent_files() == [str(first), str(second)]
    # the list is in the QSettings file, so a new run sees it
    assert settings_file(tmp_path).value("files/recent") == [str(first), str(second)]
    files.clear_recent()
    assert files.recent_files() == []


def test_autosave_writes_a_scene_that_loads_with_the_same_state(window, files, boxes, tmp_path):
    files.start(offer_recovery=False)
    timer = files.autosaver.timer
    assert timer.isActive() and timer.interval() == AUTOSAVE_MS == 30_000
    assert files.autosaver.autosave() is None  # nothing changed since the start
    train(window, 9)
    path = files.autosaver.autosave()
    files.autosaver.wait()
    assert path == tmp_path / "data" / "autosave.json"
    session, _views = open_scene(path)
    assert session.trainer.step_count == 9
    np.testing.assert_array_equal(session.net.get_params(),
                                  window.controller.session.net.get_params())
    assert files.autosaver.autosave() is None  # unchanged again


def test_quit_autosaves_stops_the_timer_and_marks_a_clean_exit(window, files, boxes, tmp_path):
    files.start(offer_recovery=False)
    settings = files.settings
    assert str(settings.value(KEY_CLEAN_EXIT)).lower() == "false"  # running
    files.save_as(tmp_path / "named.json")
    train(window, 5)
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible()  # cancelled: still open, still autosaving
    assert files.autosaver.timer.isActive()
    assert len(boxes.questions) == 1
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()
    assert not files.autosaver.timer.isActive()
    settings.sync()
    assert str(settings.value(KEY_CLEAN_EXIT)).lower() == "true"
    session, _ = open_scene(tmp_path / "data" / "autosave.json")
    assert session.trainer.step_count == 5


def _second_window(qtbot):
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    win = MainWindow(TrainingController())
    qtbot.addWidget(win)
    win.show()
    return win


def _crashed_run(tmp_path, steps: int) -> None:
    """What a killed app leaves behind: an autosave and clean_exit still false."""
    session = Session()
    for _ in range(steps):
        session.trainer.step()
    (tmp_path / "data").mkdir(exist_ok=True)
    save_scene(tmp_path / "data" / "autosave.json", scene_to_dict(session))
    settings = settings_file(tmp_path)
    settings.setValue(KEY_CLEAN_EXIT, False)
    settings.sync()


def test_recovery_is_offered_when_the_last_run_did_not_exit_cleanly(qtbot, boxes, tmp_path):
    _crashed_run(tmp_path, 7)
    win = _second_window(qtbot)
    files = scene_files_of(win, tmp_path)
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Yes
    assert files.start() is True
    assert len(boxes.questions) == 1 and "did not close properly" in boxes.questions[0]
    assert win.controller.trainer.step_count == 7
    assert files.dirty and files.path is None
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Discard
    win.close()


def test_no_recovery_question_after_a_clean_exit_or_when_bypassed(qtbot, boxes, tmp_path,
                                                                  monkeypatch):
    _crashed_run(tmp_path, 3)
    monkeypatch.setenv(NO_RECOVERY_ENV, "1")
    win = _second_window(qtbot)
    files = scene_files_of(win, tmp_path)
    assert files.start() is False
    assert boxes.questions == [] and win.controller.trainer.step_count == 0
    win.close()  # clean exit (nothing changed, so no question either)
    assert boxes.questions == []
    monkeypatch.delenv(NO_RECOVERY_ENV)
    win2 = _second_window(qtbot)
    files2 = scene_files_of(win2, tmp_path)
    assert files2.start() is False
    assert boxes.questions == []


def test_window_geometry_and_dock_layout_come_back(qtbot, boxes, tmp_path):
    win = _second_window(qtbot)
    files = scene_files_of(win, tmp_path)
    files.start(offer_recovery=False)
    win.resize(760, 560)  # inside the offscreen platform's 800×600 screen
    qtbot.wait(10)
    saved_size = win.size()
    assert saved_size != QtCore.QSize(1440, 880)  # differs from the default
    dock = next(iter(win.docks.values()))
    dock.hide()
    win.close()

    win2 = _second_window(qtbot)
    files2 = scene_files_of(win2, tmp_path)
    files2.start(offer_recovery=False)
    qtbot.wait(10)
    assert win2.size() == saved_size
    assert not win2.docks[dock.windowTitle()].toggleViewAction().isChecked()


def test_quitting_a_changed_untitled_scene_asks_and_cancel_keeps_the_window(window, files,
                                                                          boxes, tmp_path):
    files.start(offer_recovery=False)
    train(window, 4)
    assert files.dirty and files.path is None
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible() and len(boxes.questions) == 1
    assert "Untitled" in boxes.questions[0]
    assert window.controller.trainer.step_count == 4 and files.dirty
    boxes.answer = QtWidgets.QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible() and len(boxes.questions) == 2
    session, _ = open_scene(tmp_path / "data" / "autosave.json")
    assert session.trainer.step_count == 4


def test_closing_during_play_pauses_before_asking_and_cancel_leaves_it_paused(
        window, files, boxes, monkeypatch):
    files.start(offer_recovery=False)
    controller = window.controller
    train(window, 1)
    seen = []

    def answer(*_args, **_kwargs):
        seen.append((controller.playing, controller.timer.isActive()))
        return QtWidgets.QMessageBox.StandardButton.Cancel

    controller.play()
    assert controller.playing
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer)
    window.close()
    assert seen == [(False, False)]  # paused when the question appeared
    assert window.isVisible() and not controller.playing


def test_quitting_does_not_ask_when_prompts_are_turned_off(window, files, boxes, monkeypatch):
    monkeypatch.setenv(NO_PROMPTS_ENV, "1")
    files.start(offer_recovery=False)
    train(window, 3)
    window.close()
    assert not window.isVisible() and boxes.questions == []


def test_a_scene_swapped_in_elsewhere_no_longer_saves_over_the_open_file(window, files, boxes,
                                                                         tmp_path):
    path = tmp_path / "mine.json"
    files.save_as(path)
    saved = path.read_bytes()
    lesson, _views = load_lesson_scene("xor-hidden")
    window.controller.replace_session(lesson)  # what Lessons ▸ … does
    assert files.path is None and not files.dirty  # a fresh scene, nothing to save yet
    assert window.windowTitle().startswith("Untitled")
    assert path.read_bytes() == saved


def test_the_open_views_are_saved_and_restored(window, files, boxes, tmp_path):
    def dock_open(view_id):
        view = next(v for v in window.scene_files.views if v.id == view_id)
        return view.dock.toggleViewAction().isChecked()

    def set_open(view_id, shown):
        view = next(v for v in window.scene_files.views if v.id == view_id)
        view.dock.setVisible(shown)

    set_open("loss_curve", False)
    set_open("inspector", True)
    files.save_as(tmp_path / "views.json")
    assert "inspector" in files.scene_dict()["views"]["open"]
    set_open("loss_curve", True)
    set_open("inspector", False)
    assert files.open_file(tmp_path / "views.json")
    assert not dock_open("loss_curve") and dock_open("inspector")


def test_unknown_view_ids_are_reported_and_kept_and_the_scene_opens(shared_window, boxes,
                                                                     tmp_path):
    files = shared_window.scene_files
    scene = scene_to_dict(Session(), views={"open": ["loss_curve", "lossplot", "heatmap3d"]})
    path = tmp_path / "newer.json"
    save_scene(path, scene)
    assert files.open_file(path, ask_to_save=False) is True
    assert not boxes.warnings
    message = shared_window.status_notice.message()  # the status bar's, or the notice's
    assert "newer.json" in message and "lossplot" in message and "heatmap3d" in message
    assert "loss_curve" in files.open_views()
    copy = tmp_path / "copy.json"
    assert files.save_as(copy)
    opened = json.loads(copy.read_text())["views"]["open"]
    assert "loss_curve" in opened and opened[-2:] == ["lossplot", "heatmap3d"]  # nothing lost
