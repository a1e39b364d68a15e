"""Lessons menu: every built-in lesson loads through its menu action as its JSON describes."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from core.lessons import LESSON_DIR, list_lessons
from tests.gui import classroom_helpers

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

LESSONS = list_lessons()


def dock_shown(dock: QtWidgets.QDockWidget) -> bool:
    return dock.toggleViewAction().isChecked()


def test_the_lessons_menu_lists_every_lesson_and_variant(classroom):
    window = classroom
    menu = window.lessons_menu
    assert set(menu.actions) == {lesson.id for lesson in LESSONS}
    numbers = {lesson.number for lesson in LESSONS}
    assert numbers == set(range(1, 9))  # the eight lessons of the issue
    for lesson in LESSONS:
        text = menu.actions[lesson.id].text()
        assert lesson.localized("title", "en") in text


@pytest.fixture
def questions(monkeypatch):
    """QMessageBox.question records its text and answers ``questions.answer`` (Discard)."""
    class Recorder(list):
        answer = QtWidgets.QMessageBox.StandardButton.Discard

    asked = Recorder()

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return asked.answer

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", question)
    return asked


def test_each_lesson_loads_through_the_menu_with_the_scene_of_its_json(classroom, questions):
    window = classroom
    controller = window.controller
    for lesson in LESSONS:  # one window for all lessons: they replace each other's scenes
        controller.step()  # the old scene has history; the lesson must start fresh
        window.lessons_menu.actions[lesson.id].trigger()
        check_scene(window, lesson)


def check_scene(window, lesson):
    session = window.controller.session
    scene = lesson.scene
    where = lesson.id
    assert session.trainer.step_count == 0, where
    hidden = scene["network"].get("hidden_sizes")
    assert list(session.network.hidden_sizes) == list(hidden), where
    assert session.net.layer_sizes[1:-1] == tuple(hidden), where
    activation = scene["network"].get("activation")
    if isinstance(activation, str):
        assert set(session.net.hidden_activations) <= {activation}, where
    for key in ("task", "preset", "n_points", "noise", "standardize"):
        if key in scene["data"] and lesson.dataset is None:
            assert getattr(session.data, key) == scene["data"][key], (where, key)
    training = scene.get("training", {})
    for key in ("learning_rate", "batch_size", "l2"):
        if key in training:
            assert getattr(session.training, key) == training[key], (where, key)
    if "optimizer" in training:
        assert session.trainer.optimizer.name == training["optimizer"], where
    if lesson.dataset is None:
        assert len(session.points) == scene["data"]["n_points"], where
    else:
        assert list(session.feature_names) == lesson.dataset["features"], where
        assert session.n_classes == 3, where  # penguin species
        assert session.data.standardize == scene["data"]["standardize"], where
    # the notes dock shows the lesson's own text
    notes = window.lessons_menu.notes.browser.toPlainText()
    assert lesson.localized("title", "en") in notes, where
    assert lesson.localized_steps("en")[0][:30] in notes, where
    assert dock_shown(window.lessons_menu.dock), where
    assert window.lessons_menu.current.id == lesson.id


def test_lesson_views_open_the_docks_the_lesson_lists(classroom):
    window = classroom
    lesson = next(item for item in LESSONS if item.id == "linear-regression")
    window.lessons_menu.load(lesson.id)
    docks = {dock.objectName(): dock for dock in window.findChildren(QtWidgets.QDockWidget)}
    surface = [dock for name, dock in docks.items() if "loss_surface" in name]
    if not surface:
        pytest.skip("no loss-surface dock in this build")
    assert dock_shown(surface[0])
    controls = window.loss_surface.controls
    assert controls.mode == "linear"
    window.lessons_menu.load("xor-perceptron")  # lists canvas, loss curve, network only
    assert not dock_shown(surface[0])


def test_notes_show_both_languages_on_request(classroom):
    window = classroom
    window.lessons_menu.load("spiral-softmax" if any(
        lesson.id == "spiral-softmax" for lesson in LESSONS) else LESSONS[-1].id)
    lesson = window.lessons_menu.current
    notes = window.lessons_menu.notes
    assert lesson.localized("title", "zh_CN") not in notes.browser.toPlainText()
    notes.both.setChecked(True)
    text = notes.browser.toPlainText()
    assert lesson.localized("title", "zh_CN") in text
    assert lesson.localized("title", "en") in text
    assert lesson.localized_steps("zh_CN")[-1] in text


def test_a_broken_lesson_keeps_the_scene(classroom, monkeypatch):
    window = classroom
    import gui.lessons_menu as lessons_menu

    before = window.controller.session
    weights = [w.copy() for w in before.net.weights]
    warnings = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda *args, **kwargs: warnings.append(args))
    monkeypatch.setattr(lessons_menu, "load_lesson_scene",
                        lambda _id: (_ for _ in ()).throw(ValueError("unknown lesson 'nope'")))
    assert not window.lessons_menu.load("nope")
    assert warnings and "nope" in warnings[0][2]
    assert window.controller.session is before
    assert all(np.array_equal(a, b) for a, b in zip(weights, before.net.weights, strict=True))
    assert LESSON_DIR.exists()


def test_a_lesson_asks_to_save_unsaved_work_and_cancel_keeps_the_points(classroom, questions,
                                                                         qtbot):
    window = classroom
    controller = window.controller
    qtbot.wait(1)  # the reset's scene swap is over
    controller.step()  # unsaved work
    assert window.scene_files.dirty
    session = controller.session
    X = session.points.X.copy()
    questions.answer = QtWidgets.QMessageBox.StandardButton.Cancel
    window.lessons_menu.actions["xor-hidden"].trigger()
    assert len(questions) == 1 and "Untitled" in questions[0]
    assert controller.session is session and session.trainer.step_count == 1
    np.testing.assert_array_equal(session.points.X, X)
    questions.answer = QtWidgets.QMessageBox.StandardButton.Discard
    window.lessons_menu.actions["xor-hidden"].trigger()
    assert len(questions) == 2 and controller.session is not session
    assert not window.scene_files.dirty  # a fresh lesson: loading another one does not ask
    window.lessons_menu.actions["xor-perceptron"].trigger()
    assert len(questions) == 2
