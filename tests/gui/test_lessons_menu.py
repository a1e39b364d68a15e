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
    # eight lessons of issue 13, three of issue 14, batch norm and the linear system of issue 15
    assert numbers == set(range(1, 14))
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
    import gui.classroom.lessons_menu as lessons_menu

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
    controller.step()
    controller.set_training_settings(learning_rate=0.5)  # unsaved work (training alone is not)
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


# ---------------------------------------------------------------------------------------------
# every lesson sets the loss-surface plane it needs, whatever plane was chosen before
# ---------------------------------------------------------------------------------------------
SURFACE_MODES = ("parameters", "random", "pca", "linear")


def choose_surface_mode(window, mode: str) -> None:
    """Put the loss-surface dock in ``mode`` as a user would, on a scene where it can be
    chosen: (w, b) on the linear lesson, PCA after a few steps (it needs a path), the others
    on the scene that is open."""
    if mode == "linear":
        window.lessons_menu.load("linear-regression")
    if mode == "pca":
        for _ in range(3):
            window.controller.step()
    controls = window.loss_surface.controls
    controls.mode_combo.setCurrentIndex(controls.mode_combo.findData(mode))
    assert controls.mode == mode


def lesson_plane(lesson, session) -> tuple[str, tuple[int, int] | None]:
    """The plane the lesson's JSON asks for: kind and, for two parameters, their indices
    (read from the file, not from the code under test)."""
    from core.directions import flat_index

    spec = lesson.scene["views"]["loss_surface"]
    chosen = spec.get("parameters")
    if spec["plane"] != "parameters":
        return spec["plane"], None
    sizes = session.net.layer_sizes
    return "parameters", tuple(flat_index(sizes, p["layer"], p["kind"], p["i"], p.get("j", 0))
                               for p in chosen)


def surface_shown(window, qtbot):
    """Show the loss-surface dock and wait for its surface, or its failure (after the
    lesson's own layout, made once the events of the lesson's loading are handled, as a user
    would open it; it hides the docks the lesson does not show)."""
    QtWidgets.QApplication.processEvents()
    dock = window.docks["Loss surface"]
    dock.show()
    dock.raise_()
    QtWidgets.QApplication.processEvents()  # the shown dock asks for its surface
    presenter = window.loss_surface
    qtbot.waitUntil(lambda: presenter._failed or (
        presenter.update is not None and not presenter.update.preview
        and not presenter.surface_runner.busy), timeout=30_000)
    return presenter


def test_every_lesson_sets_its_surface_plane_whatever_the_plane_was(classroom, questions):
    window = classroom
    controls = window.loss_surface.controls
    resolution = controls.resolution_spin
    previous = resolution.value()
    # the plane is the point, not the surface the dock computes meanwhile in its worker
    resolution.setValue(resolution.minimum())
    try:
        check_lessons_set_their_plane(window, controls)
    finally:
        resolution.setValue(previous)


def check_lessons_set_their_plane(window, controls) -> None:
    from gui.surface.jobs import capture, make_plane

    for mode in SURFACE_MODES:
        for lesson in LESSONS:
            choose_surface_mode(window, mode)
            window.lessons_menu.actions[lesson.id].trigger()
            session = window.controller.session
            kind, parameters = lesson_plane(lesson, session)
            where = (mode, lesson.id)
            assert window.lessons_menu.current.id == lesson.id, where
            assert controls.mode == kind, where
            if parameters is not None:
                assert controls.parameters() == parameters, where
            # the very plane the dock's worker builds from these settings at step 0
            plane = make_plane(capture(session), controls.settings())
            assert plane.kind == kind, where


def test_a_lesson_opened_after_the_pca_plane_shows_its_surface_not_an_error(classroom,
                                                                             questions, qtbot):
    window = classroom
    resolution = window.loss_surface.controls.resolution_spin
    previous = resolution.value()
    resolution.setValue(resolution.minimum())  # the plane is the point, not the detail
    try:
        check_lessons_after_pca(window, qtbot)
    finally:
        resolution.setValue(previous)


def check_lessons_after_pca(window, qtbot) -> None:
    for lesson in LESSONS:
        choose_surface_mode(window, "pca")
        window.lessons_menu.actions[lesson.id].trigger()
        presenter = surface_shown(window, qtbot)
        status = presenter.status_text()
        kind, parameters = lesson_plane(lesson, window.controller.session)
        assert not presenter._failed, (lesson.id, status)
        assert "Error" not in status and "step 0" in status, (lesson.id, status)
        assert presenter.update.plane.kind == kind, lesson.id
        if parameters is not None:
            assert tuple(presenter.update.plane.indices) == parameters, lesson.id
