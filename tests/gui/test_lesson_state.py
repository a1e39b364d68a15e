"""The lesson on screen follows the data on screen (issue 13 items 4 and 6): importing data,
opening a scene or closing the bar ends the lesson (bar and notes), and it stays ended; a
default scene that was only trained is not a change a lesson asks to save."""

import numpy as np
import pytest

from core.data_types import Dataset
from tests.gui import classroom_helpers

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window


@pytest.fixture
def questions(monkeypatch):
    """Every QMessageBox.question is recorded and answered Discard."""
    return classroom_helpers.record_questions(monkeypatch)


def open_lesson(window, lesson_id):
    window.lessons_menu.actions[lesson_id].trigger()
    assert window.lesson_bar.isVisible() and window.lessons_menu.dock.isVisible()
    return window.lesson_bar


def lesson_gone(window) -> bool:
    menu, bar = window.lessons_menu, window.lesson_bar
    return (menu.current is None and bar.lesson is None and not bar.isVisible()
            and not menu.dock.isVisible()
            and "XOR" not in menu.notes.browser.toPlainText())


def small_dataset() -> Dataset:
    rng = np.random.default_rng(3)
    X = rng.normal(size=(30, 2))
    return Dataset(X=X, y=(X[:, 0] > 0).astype(int), task="classification", n_classes=2,
                   feature_names=["f1", "f2"], class_names=None)


def test_importing_data_ends_the_lesson_and_next_does_nothing(classroom, questions):
    window = classroom
    bar = open_lesson(window, "xor-hidden")
    assert window.apply_import(small_dataset(), "small.csv")
    assert lesson_gone(window)
    steps = window.controller.trainer.step_count
    bar.next()  # a stale click: no lesson step runs on the imported data
    assert window.controller.trainer.step_count == steps


def test_a_closed_bar_ends_the_lesson_and_a_restored_layout_does_not_bring_it_back(
        classroom, questions, qtbot):
    window = classroom
    bar = open_lesson(window, "xor-hidden")
    with_lesson = window.saveState()  # e.g. a workspace's remembered layout
    bar.close_button.click()
    assert lesson_gone(window)
    window.restoreState(with_lesson)  # a workspace switch, Cross-validate…, the next start
    qtbot.wait(1)
    assert lesson_gone(window)
    assert not window.lessons_menu.notes_action.isEnabled()
    window.lessons_menu.notes_action.trigger()  # no empty notes either
    assert not window.lessons_menu.dock.isVisible()


def test_opening_a_scene_ends_the_lesson(classroom, questions):
    window = classroom
    open_lesson(window, "xor-hidden")
    window.scene_files.new_scene()
    assert lesson_gone(window)


def test_back_replays_within_the_lesson_without_ending_it(classroom, questions):
    window = classroom
    bar = open_lesson(window, "xor-hidden")
    bar.next()
    bar.next()
    bar.back()  # reloads the lesson's scene: the same lesson goes on
    assert bar.lesson is not None and window.lessons_menu.current is not None
    assert bar.isVisible() and window.lessons_menu.dock.isVisible()


def test_a_lesson_after_only_training_the_first_scene_asks_nothing(classroom, questions):
    window = classroom
    window.controller.run_steps(5)  # Play on the default scene: not an edit
    window.lessons_menu.actions["xor-hidden"].trigger()
    assert questions == [] and window.lessons_menu.current.id == "xor-hidden"
    window.scene_files.new_scene()  # File ▸ New: a scene the app makes again, too
    window.controller.run_steps(5)
    window.lessons_menu.actions["xor-perceptron"].trigger()
    assert questions == []


def test_a_lesson_asks_after_an_edit_of_the_first_scene(classroom, questions):
    window = classroom
    window.controller.set_training_settings(learning_rate=0.5)
    window.lessons_menu.actions["xor-hidden"].trigger()
    assert len(questions) == 1 and "Untitled" in questions[0]


def test_the_notes_keep_the_explanation_back_while_a_question_is_open(classroom, questions,
                                                                       qtbot):
    window = classroom
    bar = open_lesson(window, "xor-perceptron")  # step 2 asks about the plateau
    lesson = window.lessons_menu.current
    notes = window.lessons_menu.notes
    explanation = lesson.localized("text", "en")[:60]

    def shown() -> str:
        return notes.browser.toPlainText()

    assert explanation not in shown() and lesson.localized("title", "en") in shown()
    assert bar.question_open()
    notes.both.setChecked(True)  # not in Chinese either
    assert lesson.localized("text", "zh_CN")[:30] not in shown()
    notes.both.setChecked(False)
    bar.next()  # on to the question
    assert bar.step.choices and explanation not in shown()
    window.controller.set_speed(0)  # as fast as possible: the behaviour, not the time
    bar.next()  # play, then reveal the answer: no question left
    qtbot.waitUntil(lambda: bar.revealed, timeout=20000)
    assert not bar.question_open() and explanation in shown()
    bar.back()  # the question is open again
    assert explanation not in shown()
