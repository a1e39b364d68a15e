"""Issue 13 (classroom): Play starts at a calm speed, "max" is one click (or M) away, lessons
set their own speed, and switching lessons asks to save only real changes."""

from core.lessons import get_lesson
from gui.app_window.step_toolbar import SPEEDS
from gui.classroom.shortcuts import SHORTCUTS
from gui.controller import TrainingController
DEFAULT_PLAY_SPEED = 10.0
from tests.gui import classroom_helpers

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window


def test_a_new_controller_plays_at_the_calm_default_not_at_full_speed():
    controller = TrainingController()
    assert controller.speed == DEFAULT_PLAY_SPEED == 10.0
    controller.shutdown()


def test_the_toolbar_starts_at_the_speed_the_controller_plays(window):
    bar = window.step_toolbar
    assert bar.speed == window.controller.speed == DEFAULT_PLAY_SPEED
    assert bar.speed_label.text() == "10 steps/s"
    assert not bar.max_speed_action.isChecked()


def test_max_is_one_click_away_and_the_next_click_goes_back_to_the_calm_speed(window):
    bar, controller = window.step_toolbar, window.controller
    bar.speed_slider.setValue(SPEEDS.index(20))  # the teacher's own calm speed
    assert controller.speed == 20
    bar.max_speed_action.trigger()
    assert controller.speed == 0 and bar.speed_label.text() == "max"
    assert bar.speed_slider.value() == len(SPEEDS) - 1
    bar.max_speed_action.trigger()
    assert controller.speed == 20 and not bar.max_speed_action.isChecked()
    bar.speed_slider.setValue(len(SPEEDS) - 1)  # the slider's end is max too
    assert bar.max_speed_action.isChecked() and controller.speed == 0


def test_m_is_the_max_speed_key_in_the_one_shortcut_table(window):
    row = next(row for row in SHORTCUTS if row.id == "max_speed")
    assert row.keys == ("M",) and row.target(window) is window.step_toolbar.max_speed_action
    assert window.step_toolbar.max_speed_action.shortcut().toString() == "M"


def test_a_lesson_sets_its_own_speed_and_one_without_gets_the_calm_default(classroom):
    window = classroom
    bar, controller = window.step_toolbar, window.controller
    bar.max_speed_action.trigger()
    assert controller.speed == 0
    assert window.lessons_menu.load("linear-regression-large-lr")
    expected = get_lesson("linear-regression-large-lr").play_speed
    assert expected is not None and expected <= 3  # slow enough to see the zig-zag
    assert controller.speed == expected == bar.speed  # the toolbar shows what runs
    assert window.lessons_menu.load("xor-perceptron")  # its first guided step sets 20
    assert controller.speed == get_lesson("xor-perceptron").steps[0].setup["play_speed"] \
        == bar.speed


# ---------------------------------------------------------------------------------------------
# switching lessons asks to save only real changes (gui.files.scene_files: steps count)
# ---------------------------------------------------------------------------------------------
def test_switching_between_unchanged_lessons_never_asks(classroom, monkeypatch, qtbot):
    window = classroom
    asked = classroom_helpers.record_questions(monkeypatch)
    qtbot.wait(1)  # the reset's scene swap is over
    for lesson_id in ("linear-regression", "linear-regression-large-lr", "penguins-raw",
                      "xor-hidden", "linear-regression"):
        window.lessons_menu.actions[lesson_id].trigger()
        qtbot.wait(50)  # whatever the lesson's views do once the event loop runs
        assert not window.scene_files.dirty, lesson_id
        assert not window.isWindowModified(), lesson_id
    assert asked == []


def test_an_edit_in_a_lesson_is_a_change_the_next_lesson_asks_about(classroom, monkeypatch,
                                                                     qtbot):
    """A step is what a lesson is for (the bar replays it from the lesson), so only an edit of
    the data, network or settings makes the next lesson ask (tests/gui/test_lesson_bar.py)."""
    window = classroom
    asked = classroom_helpers.record_questions(monkeypatch)
    window.lessons_menu.actions["xor-perceptron"].trigger()
    qtbot.wait(1)
    window.step_toolbar.step_action.trigger()
    assert window.scene_files.dirty  # File ▸ Save still offers to save the trained state
    window.lessons_menu.actions["xor-hidden"].trigger()
    assert asked == []
    window.controller.set_training_settings(learning_rate=0.5)
    window.lessons_menu.actions["xor-perceptron"].trigger()
    assert len(asked) == 1 and "Untitled" in asked[0]
    assert window.lessons_menu.current.id == "xor-perceptron"  # Discard: the lesson opened
    assert not window.scene_files.dirty


def test_changing_the_play_speed_in_a_lesson_is_not_a_change_of_the_scene(classroom,
                                                                          monkeypatch, qtbot):
    window = classroom
    asked = classroom_helpers.record_questions(monkeypatch)
    window.lessons_menu.actions["xor-perceptron"].trigger()
    qtbot.wait(1)
    window.step_toolbar.max_speed_action.trigger()
    window.lessons_menu.actions["xor-hidden"].trigger()
    assert asked == [] and not window.scene_files.dirty
