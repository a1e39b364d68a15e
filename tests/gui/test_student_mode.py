"""Student mode: a scene's lock lists hide exactly the listed views and controls, fix the
listed settings (panel and controller), round-trip through save/load with the presenter's
hide list; an invalid list opens the scene without locks and keeps the section."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6 import QtCore, QtWidgets

from core.classroom import ClassroomLocks
from core.scene import save_scene, scene_to_dict
from core.session import Session

LOCKS = ClassroomLocks.of(hidden_views=["inspector", "loss_surface"],
                          hidden_controls=["network.init", "training.optimizer"],
                          fixed_settings=["training.learning_rate"],
                          presenter_hidden=["drawToolbar", "dock_loss_curve"])


@pytest.fixture
def no_boxes(monkeypatch):
    """Message boxes answered at once (warnings recorded; questions: Yes)."""
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Yes)
    return shown


def test_locks_round_trip_through_save_and_open(qtbot, window, tmp_path, no_boxes):
    window.student_mode.set_locks(LOCKS)
    path = tmp_path / "locked.json"
    assert window.scene_files.save_as(str(path))
    saved = json.loads(path.read_text())["classroom"]
    assert saved["fixed_settings"] == ["training.learning_rate"]
    window.student_mode.set_locks(ClassroomLocks())
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    assert window.student_mode.locks == LOCKS
    assert window.presenter_mode.locked_panels() == {"drawToolbar", "dock_loss_curve"}
    assert not no_boxes


def test_student_mode_hides_exactly_the_listed(qtbot, window, no_boxes):
    sm = window.student_mode
    window.workspaces.apply("step-through")  # the workspace that shows the inspector
    assert window.docks["Inspector"].isVisible()
    sm.set_locks(LOCKS)
    before = sm.hidden_now()
    sm.action.trigger()
    assert sm.active
    now = sm.hidden_now()
    assert sorted(set(now["views"]) - set(before["views"])) == ["inspector", "loss_surface"]
    assert sorted(set(now["controls"]) - set(before["controls"])) == [
        "network.init", "training.optimizer"]
    toggles = {a for a in window.view_menu.actions() if a.isVisible()}
    assert window.docks["Inspector"].toggleViewAction() not in toggles
    window.docks["Inspector"].toggleViewAction().trigger()  # its shortcut: disabled
    assert not window.docks["Inspector"].isVisible()
    assert not window.scene_files.open_action.isEnabled()
    sm.action.trigger()  # "Leave student mode?" → Yes
    assert not sm.active
    assert sm.hidden_now() == before
    assert window.docks["Inspector"].isVisible()


def test_a_workspace_switch_keeps_the_locked_views_hidden(qtbot, window, no_boxes):
    sm = window.student_mode
    sm.set_locks(LOCKS)
    sm.action.trigger()
    for name in ("step-through", "landscape", "train", "step-through"):
        window.workspaces.apply(name)
        assert not window.docks["Inspector"].isVisible(), name
        assert not window.docks["Loss surface"].isVisible(), name
    sm.action.trigger()  # leaving shows what Step through shows
    assert window.docks["Inspector"].isVisible()


def test_leaving_student_mode_can_be_declined(qtbot, window, monkeypatch, no_boxes):
    sm = window.student_mode
    sm.set_locks(LOCKS)
    sm.action.trigger()
    monkeypatch.setattr(QtWidgets.QMessageBox, "question",
                        lambda *a, **k: QtWidgets.QMessageBox.StandardButton.No)
    sm.action.trigger()
    assert sm.active and sm.action.isChecked()


def test_a_fixed_setting_cannot_be_changed_by_the_panel_nor_the_controller(qtbot, window,
                                                                          no_boxes):
    sm = window.student_mode
    sm.set_locks(LOCKS)
    sm.set_active(True)
    control = window.training_panel.controls["learning_rate"]
    assert not control.widget.isEnabled()
    control.changed.emit(0.5)  # even if the panel asked
    assert window.controller.session.training.learning_rate == 0.03
    assert not window.controller.set_training_settings(learning_rate=0.5)
    assert window.controller.session.training.learning_rate == 0.03
    sm.set_active(False)
    assert control.widget.isEnabled()
    assert window.controller.set_training_settings(learning_rate=0.5)


def test_an_invalid_lock_list_opens_the_scene_without_locks_and_keeps_it(qtbot, window,
                                                                          tmp_path, no_boxes):
    section = {"hidden_views": ["inspektor"], "fixed_settings": ["training.speed"]}
    path = tmp_path / "bad.json"
    save_scene(path, scene_to_dict(Session(), classroom=section))
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    assert len(no_boxes) == 1 and "'inspektor'" in no_boxes[0]
    assert window.student_mode.locks == ClassroomLocks()
    copy = tmp_path / "copy.json"
    assert window.scene_files.save_as(str(copy))
    assert json.loads(copy.read_text())["classroom"] == section  # nothing lost


def test_an_older_scene_without_locks_opens(qtbot, window, tmp_path, no_boxes):
    path = tmp_path / "old.json"
    save_scene(path, scene_to_dict(Session()))
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    assert window.student_mode.locks == ClassroomLocks() and not no_boxes


def test_a_scene_that_locked_the_lesson_bar_keeps_its_other_locks(qtbot, window, tmp_path,
                                                                   no_boxes):
    """The lesson bar was offered in the presenter's lock list before it became always shown
    with a lesson: a scene naming it opens with its locks, no warning (the name is ignored)."""
    section = {"hidden_views": ["inspector"], "presenter_hidden": ["lessonBar", "drawToolbar"]}
    path = tmp_path / "locked_bar.json"
    save_scene(path, scene_to_dict(Session(), classroom=section))
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    assert not no_boxes
    assert window.student_mode.locks.hidden_views == ("inspector",)


def test_the_locks_notice_stays_with_the_opened_message(qtbot, window, tmp_path, no_boxes):
    path = tmp_path / "locked.json"
    save_scene(path, scene_to_dict(Session(), classroom=LOCKS.to_dict()))
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    message = window.status_notice.message()
    assert "locked.json" in message  # "Opened locked.json"
    assert "Student mode" in message  # the locks notice was not overwritten


def _messages_seen(window) -> list[str]:
    """The status bar's message and the notice's text while the notice is shown."""
    notice = window.status_notice.label
    return [window.statusBar().currentMessage()] + ([notice.text()] if notice.isVisible()
                                                      else [])


def test_the_locks_notice_goes_when_student_mode_is_on(qtbot, window, tmp_path, no_boxes):
    """"View ▸ Student mode applies them" is no longer true once it did: the notice goes
    (it stayed on screen, in the status bar or its notice, for its full 10 s)."""
    path = tmp_path / "locked.json"
    save_scene(path, scene_to_dict(Session(), classroom=LOCKS.to_dict()))
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    assert any("Student mode applies them" in m for m in _messages_seen(window))
    window.student_mode.set_active(True)
    assert not any("Student mode applies them" in m for m in _messages_seen(window))
    window.student_mode.set_active(False, ask=False)


def test_the_badge_shows_while_student_mode_is_on(qtbot, window, no_boxes):
    sm = window.student_mode
    sm.set_locks(LOCKS)
    assert not sm.badge.isVisible()
    sm.set_active(True)
    assert sm.badge.isVisible() and sm.badge.text() == "Student mode"
    assert window.menuBar().cornerWidget(QtCore.Qt.Corner.TopLeftCorner) is sm.badge
    sm.set_active(False)
    assert not sm.badge.isVisible()


def test_actions_that_show_a_hidden_view_are_hidden_with_it(qtbot, window, no_boxes):
    """Train ▸ Cross-validate… opens the Cross-validation view, and View ▸ Copy inspector as
    text reads the inspector: with those views hidden, Student mode hides them too."""
    sm = window.student_mode
    sm.set_locks(ClassroomLocks.of(hidden_views=["inspector", "cross_validation"]))
    cross_validate = window.cross_validation.action
    copy = next(a for a in window.view_menu.actions() if a.property("view_id") == "inspector")
    sm.set_active(True)
    assert not cross_validate.isVisible() and not cross_validate.isEnabled()
    assert not copy.isVisible() and not copy.isEnabled()
    sm.set_active(False)
    assert cross_validate.isVisible() and cross_validate.isEnabled()
    assert copy.isVisible() and copy.isEnabled()


# ------------------------------------------------------------ app.py FILE --student
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _run(*args, home):
    """app.py in a subprocess whose settings (the scene's presenter hide list, recent files)
    go to ``home``, not the user's."""
    env = dict(os.environ, PYTHONPATH=ROOT, QT_QPA_PLATFORM="offscreen",
               BACKPROP_PLAYGROUND_NO_PROMPTS="1", XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               BACKPROP_PLAYGROUND_DATA_DIR=str(home / "app-data"))
    return subprocess.run([sys.executable, os.path.join(ROOT, "app.py"), *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=240)


def test_the_command_line_opens_a_scene_in_student_mode(tmp_path):
    path = tmp_path / "locked.json"
    save_scene(path, scene_to_dict(Session(), classroom=LOCKS.to_dict()))
    shown = {}
    for student in (False, True):
        report = tmp_path / f"r{student}.json"
        done = _run(str(path), "--workspace", "step-through", "--size", "1440x900",
                    "--layout-report", str(report), *(["--student"] if student else []),
                    home=tmp_path)
        assert done.returncode == 0, done.stderr
        data = json.loads(report.read_text(encoding="utf-8"))
        shown[student] = {v["id"] for v in data["views"] if v["visible"]}
        assert data["elided"] == [], data["elided"]
    assert "inspector" in shown[False]
    assert shown[False] - shown[True] == {"inspector"}


def test_student_without_a_scene_file_is_a_one_line_error(tmp_path):
    done = _run("--student", home=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--student" in lines[0] and "FILE" in lines[0]


def test_an_offscreen_run_does_not_wait_for_a_dialog_nobody_can_click(tmp_path):
    """Invalid locks open a warning; offscreen it is reported on stderr and closed (it hung)."""
    path = tmp_path / "bad-locks.json"
    scene = scene_to_dict(Session())
    scene["classroom"] = {"hidden_views": ["metrics", "bogus_view"]}
    save_scene(path, scene)
    report = tmp_path / "report.json"
    done = _run(str(path), "--size", "1280x720", "--layout-report", str(report), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "bogus_view" in done.stderr and "dismissed" in done.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["window"] == [1280, 720]


def test_the_settings_strip_follows_the_locks(qtbot, window, no_boxes, tmp_path):
    """A hidden + fixed η is neither shown nor editable in the Step-through strip either; a
    fixed one is greyed out there too, also after a settings change (README: fixed settings
    are greyed out, hidden ones hidden)."""
    sm = window.student_mode
    window.workspaces.apply("step-through")
    strip = window.settings_strip
    eta = strip.controls["learning_rate"]
    assert eta.widget.isVisible()
    sm.set_locks(ClassroomLocks(hidden_controls=["training.learning_rate"],
                                fixed_settings=["training.learning_rate",
                                                "network.hidden_sizes"]))
    sm.set_active(True)
    assert not eta.widget.isVisible() and not eta.label.isVisible()
    assert not eta.widget.isEnabled()
    assert not strip.layers.isEnabled()
    assert window.controller.set_training_settings(batch_size=10)  # panels shown again
    assert not eta.widget.isVisible() and not strip.layers.isEnabled()
    assert "training.learning_rate" in sm.hidden_now()["controls"]
    window.grab().save(str(tmp_path / "student_strip.png"))
    sm.set_active(False)
    assert eta.widget.isVisible() and eta.widget.isEnabled() and strip.layers.isEnabled()


def test_the_locks_dialog_names_every_panel_never_by_its_object_name(window):
    """The Classroom locks dialog listed the raw object name "settingsStrip"."""
    _views, _settings, panels = window.student_mode._choices()
    names = dict(panels)
    assert "settingsStrip" in names
    for name, shown in panels:
        assert shown != name, name
    assert names["settingsStrip"] == "Settings strip"
