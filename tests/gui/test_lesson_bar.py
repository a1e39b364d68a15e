"""The lesson bar: a guided lesson's steps in the main window (gui/classroom/lesson_bar.py)."""

import pytest
from PySide6 import QtWidgets

from core.lesson_outcomes import lesson_step_outcomes
from core.lessons import get_lesson
from gui.common.number_format import percent
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
    return window.lesson_bar


def test_the_bar_shows_the_first_step_of_n(classroom, questions):
    bar = open_lesson(classroom, "linear-regression")
    steps = get_lesson("linear-regression").steps
    assert bar.isVisible() and bar.index == 0
    assert bar.position.text() == f"1/{len(steps)}"
    assert steps[0].text["en"].split(":")[0] in bar.text.text()
    assert not bar.back_button.isEnabled()


def test_next_runs_each_action_as_declared_and_back_returns(classroom, questions):
    window = classroom
    bar = open_lesson(window, "linear-regression")
    trainer = lambda: window.controller.trainer  # noqa: E731 (the session is replaced)
    outcomes = lesson_step_outcomes("linear-regression")
    bar.next()  # step 1: the forward phase
    assert (trainer().phase, trainer().step_count) == ("forward", 0) == \
        (outcomes[0].phase, outcomes[0].steps)
    assert bar.index == 1
    bar.next()  # step 2: the backward phase
    assert trainer().phase == "backward" and bar.index == 2
    bar.choice_group.button(0).setChecked(True)  # "Larger"
    bar.next()  # step 3: the update, then the answer is revealed on the same step
    assert trainer().step_count == 1 == outcomes[2].steps
    assert bar.index == 2 and bar.revealed
    assert "Right" in bar.text.text() and outcomes[2].right == (0,)
    bar.back()  # back to the start of this step: forward and backward done, no update
    assert bar.index == 2 and not bar.revealed
    assert (trainer().phase, trainer().step_count) == ("backward", 0)
    bar.back()
    assert bar.index == 1 and (trainer().phase, trainer().step_count) == ("forward", 0)
    assert bar.isVisible()


def test_a_steps_action_moves_the_step_count_by_its_number(classroom, questions):
    window = classroom
    bar = open_lesson(window, "linear-regression-large-lr")
    bar.replay_to(1)  # the state after "play until 8"
    assert window.controller.trainer.step_count == 8
    bar.next()  # "steps": 1
    assert window.controller.trainer.step_count == 9 and bar.revealed
    assert bar.position.text() == "2/4"


def test_play_until_plays_and_stops_at_the_step_count(classroom, qtbot, questions):
    window = classroom
    bar = open_lesson(window, "linear-regression")
    bar.replay_to(3)
    window.controller.set_speed(0)  # as fast as possible: the behaviour, not the time
    bar.next()
    qtbot.waitUntil(lambda: bar.revealed, timeout=20000)
    assert window.controller.trainer.step_count == 100
    assert not window.controller.playing


def test_switching_lessons_never_asks_to_save_an_unmodified_lesson_scene(classroom, questions):
    window = classroom
    bar = open_lesson(window, "linear-regression")
    bar.next()
    window.controller.run_steps(3)  # training is what a lesson is for
    open_lesson(window, "xor-perceptron")
    open_lesson(window, "xor-hidden")
    assert questions == []
    window.controller.set_training_settings(learning_rate=0.5)  # an edit: now it asks
    open_lesson(window, "batch-full")
    assert len(questions) == 1


def test_the_bar_closes_when_another_scene_opens(classroom, questions):
    window = classroom
    bar = open_lesson(window, "xor-perceptron")
    assert bar.isVisible()
    window.scene_files.new_scene()
    assert not bar.isVisible() and bar.lesson is None


def test_the_bar_retranslates_to_chinese(classroom, questions):
    from gui.common.i18n import manager

    bar = open_lesson(classroom, "xor-perceptron")
    manager().set_language("zh_CN")
    step = get_lesson("xor-perceptron").steps[0]
    assert step.text["zh_CN"] in bar.text.text()
    assert bar.next_button.text() != "Next"
    manager().set_language("en")
    assert bar.next_button.text() == "Next"


def test_a_step_setup_sets_the_surface_range_and_the_play_speed(classroom, questions):
    window = classroom
    open_lesson(window, "linear-regression-large-lr")
    controls = window.loss_surface.controls
    assert controls.extent_spin.value() == 3 and not controls.fit_check.isChecked()
    assert controls.mode == "linear"
    assert window.controller.speed == 2


def test_the_bar_is_as_tall_as_its_text_at_the_window_width(classroom, questions):
    """A one-line step takes one line (a plain wrapped QLabel asked for a 160 px column: a
    bar four lines tall, mostly empty); a long text gets every line it needs."""
    bar = open_lesson(classroom, "linear-regression")
    classroom.resize(1280, 720)
    line = bar.text.fontMetrics().height()
    bar.text.setText("A step text that fits on one line of a window this wide. " * 2)
    assert bar.text.fontMetrics().horizontalAdvance(bar.text.text()) < bar.text.width()
    QtWidgets.QApplication.processEvents()
    QtWidgets.QApplication.processEvents()
    assert bar.text.height() < 2 * line
    assert bar.height() < 2 * line + bar.next_button.sizeHint().height()
    bar.text.setText("A long step text. " * 30)
    for _ in range(3):
        QtWidgets.QApplication.processEvents()
    assert bar.text.height() >= bar.text.heightForWidth(bar.text.width()) >= 3 * line


def test_play_until_stops_where_early_stopping_stops_and_restore_best_rewinds(
        classroom, qtbot, questions):
    """The early-stopping lesson in the window: Next plays until patience runs out (the same
    step as the headless run), the answer is revealed; the next question's action is Restore
    best, back to the best validation step; ◀ replays to the same early stop."""
    window = classroom
    bar = open_lesson(window, "early-stopping")
    outcomes = lesson_step_outcomes("early-stopping")
    window.controller.set_speed(0)  # as fast as possible: the behaviour, not the time
    bar.next()
    qtbot.waitUntil(lambda: bar.revealed, timeout=60000)
    trainer = window.controller.trainer
    assert trainer.step_count == outcomes[0].steps < 800 and not window.controller.playing
    assert "Right" in bar.text.text() or "Answer" in bar.text.text()
    bar.next()  # step 2: Restore best, then the answer
    bar.next()
    assert bar.index == 1 and bar.revealed
    # the accuracies before and after, as percentages like the status bar's
    before, after = (outcomes[k].metrics["test_accuracy"] for k in (0, 1))
    assert f"test accuracy: {percent(before)} → {percent(after)}" in bar.text.text()
    assert window.controller.trainer.step_count == outcomes[1].steps == \
        window.controller.trainer.best_validation.step
    bar.back()  # the start of step 2: replayed up to the early stop
    assert window.controller.trainer.step_count == outcomes[0].steps


def test_a_revealed_accuracy_is_a_percentage_as_in_the_status_bar(classroom, qtbot, questions):
    """The XOR perceptron's question: after the answer the bar shows the training accuracy
    the headless run measures, written as the status bar writes accuracies ("69.3 %")."""
    window = classroom
    bar = open_lesson(window, "xor-perceptron")
    bar.next()  # to the question
    bar.choice_group.button(1).setChecked(True)  # "No"
    window.controller.set_speed(0)  # as fast as possible: the behaviour, not the time
    bar.next()
    qtbot.waitUntil(lambda: bar.revealed, timeout=20000)
    metrics = lesson_step_outcomes("xor-perceptron")[1].metrics
    assert 0 < metrics["train_accuracy"] < 1
    assert f"training accuracy: {percent(metrics['train_accuracy'])}" in bar.text.text()
    window.flush()  # the status bar: the same run's test accuracy, the same way
    assert window.status.values["accuracy"] == f"test accuracy {percent(metrics['test_accuracy'])}"


def test_a_threshold_action_moves_the_metrics_views_threshold(classroom, questions):
    window = classroom
    bar = open_lesson(window, "precision-recall")
    metrics = window.views["metrics"]
    outcomes = lesson_step_outcomes("precision-recall")
    bar.replay_to(1)
    assert metrics.threshold == 0.5 and bar.threshold == 0.5
    bar.choice_group.button(0).setChecked(True)  # "Rise"
    bar.next()
    assert metrics.threshold == pytest.approx(0.2) and bar.threshold == 0.2
    assert "Right" in bar.text.text() and outcomes[1].right == (0,)
    assert "recall (test, class 1)" in bar.text.text()  # before → after, the engine's numbers


def test_the_attribution_lesson_shows_the_explain_view_for_the_gentoo_sample(
        classroom, questions):
    window = classroom
    bar = open_lesson(window, "penguins-attributions")
    bar.replay_to(1)
    QtWidgets.QApplication.processEvents()
    assert window.controller.selected_sample == 107
    view = window.views["attributions"]
    assert view.isVisible() and not window.views["metrics"].isVisible()


def test_the_linear_system_lesson_sets_the_view_step_by_step_and_back(classroom, questions):
    import numpy as np

    window = classroom
    bar = open_lesson(window, "linear-system")
    QtWidgets.QApplication.processEvents()
    view = window.views["linear_system"]
    assert view.isVisible()
    np.testing.assert_allclose(view.A, [[3, 1], [1, 2]])
    assert "(2, 3)" in view.message.text()  # np.linalg.solve's answer, as the step says
    assert "(2, 3)" in bar.text.text()
    bar.next()  # step 2: the same system, A as a map
    assert view.tabs.currentIndex() == 1 and view.A[0, 0] == 3
    bar.next()
    bar.next()
    bar.next()  # step 5: nearly parallel lines and b + δb
    assert view.system.case == "ill_conditioned" and view.delta == 0.001
    assert view.lines_plot.moved_answer.getData()[0].size == 1
    bar.back()  # replays to step 4: coincident lines, no δb
    QtWidgets.QApplication.processEvents()
    assert bar.index == 3
    assert view.system.case == "singular_line" and view.delta == 0.0
    assert "coincide" in view.message.text()
