"""The lesson bar: a guided lesson's steps, one at a time, under the tool bars.

"◀ 2/6 ▶", the step's text (wrapped, in the interface language; both languages come from the
lesson file) and Next. Showing a step performs its ``setup`` (workspace, views, Play speed,
loss-surface plane and range, selected sample and parameter); Next performs its ``action``
(``core.lesson_steps``: steps, a phase, epochs, Play until a step count or until early stopping
stops it, Restore best, or a decision threshold for the metrics view) and then shows the next
step. A step with a question shows its choices; Next then runs the action and reveals
the answer, computed from the numbers before and after it (``core.lesson_steps.right_choices``),
and the following Next goes on. ▶ is Next; ◀ goes back to the start of the previous step by
reloading the lesson and replaying the earlier steps' actions (training is deterministic, so
this is the same state). The bar belongs to the Lessons menu's lesson: it closes when that
lesson ends (✕, other data imported, another scene opened: ``LessonsMenu.end_lesson``) and
never shows without a lesson (a layout restored by a workspace switch or at start would).

The workspace is applied with ``window.workspaces.apply(name)`` when the window has
``workspaces``; otherwise that part of the setup is skipped.
"""

from __future__ import annotations

import html

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, Qt, Signal

from core.lesson_outcomes import measure
from core.lesson_steps import (
    PARAMETER_METRIC,
    costly_metrics,
    parameter_value,
    play_stops_early,
    right_choices,
    stopped_best,
    system_state,
)
from core.linear_systems import system_metrics
from core.metrics import DEFAULT_THRESHOLD
from core.lessons import surface_plane
from core.scene_validation import SceneError
from gui.classroom.lessons_menu import lesson_language
from gui.common.i18n import current_language, manager
from gui.common.number_format import number, percent

#: A lesson's session measures every step (``Trainer(evaluation="every_step")``): its choices
#: and claims (``core.lesson_outcomes.measure``, e.g. ``loss_increase_fraction``) are per-step
#: metrics, checked headless the same way, and lesson data sets are small.
LESSON_EVALUATION = "every_step"

translate = QCoreApplication.translate


class WrappedText(QtWidgets.QLabel):
    """A word-wrapped label exactly as tall as its text at its current width (a plain QLabel
    in a tool bar asks for the height of a 160 px wide column: a tall, mostly empty bar)."""

    def _height(self) -> int:
        width = self.width() if self.width() > 0 else 600
        return max(self.heightForWidth(width), self.fontMetrics().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return False  # the layout takes sizeHint, which already fits the current width

    def sizeHint(self):  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        hint.setHeight(self._height())
        return hint

    def minimumSizeHint(self):  # noqa: N802 (Qt naming)
        hint = super().minimumSizeHint()
        hint.setHeight(self._height())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self.sizeHint().height() != event.size().height():
            self.updateGeometry()
            bar = self.parentWidget()
            while bar is not None and not isinstance(bar, QtWidgets.QToolBar):
                bar = bar.parentWidget()
            if bar is not None:  # a tool bar keeps its size hint until its layout is redone
                bar.layout().invalidate()
                bar.updateGeometry()


class LessonBar(QtWidgets.QToolBar):
    """The guided-lesson bar of a main window, fed by ``lessons_menu`` (its ``lessonLoaded``).

    Signal ``stepShown(int)``: the index of the step now shown. ``index`` is that index,
    ``lesson`` the lesson (None while closed), ``revealed`` whether the current step's action
    ran and its answer shows.
    """

    stepShown = Signal(int)

    def __init__(self, window: QtWidgets.QMainWindow, lessons_menu) -> None:
        super().__init__(window)
        self.setObjectName("lessonBar")
        self.setMovable(False)
        self.main_window = window
        self.menu = lessons_menu
        self.controller = lessons_menu.controller
        self.lesson = None
        self.session = None
        self.index = 0
        self.revealed = False
        self.reveal = ""
        self._busy = False  # a play_until action runs
        self._stopped_at = None  # stopped_best when a play_until action started
        #: the decision threshold the lesson's steps set so far (its numbers are measured at it)
        self.threshold = DEFAULT_THRESHOLD

        self.back_button = QtWidgets.QToolButton()
        self.back_button.setObjectName("lessonBack")
        self.back_button.setText("◀")
        self.position = QtWidgets.QLabel()
        self.position.setObjectName("lessonPosition")
        self.forward_button = QtWidgets.QToolButton()
        self.forward_button.setObjectName("lessonForward")
        self.forward_button.setText("▶")
        self.text = WrappedText()
        self.text.setObjectName("lessonStepText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                                QtWidgets.QSizePolicy.Policy.Preferred)
        self.choices = QtWidgets.QWidget()
        self.choice_layout = QtWidgets.QHBoxLayout(self.choices)
        self.choice_layout.setContentsMargins(0, 0, 0, 0)
        self.choice_group = QtWidgets.QButtonGroup(self)
        self.next_button = QtWidgets.QPushButton()
        self.next_button.setObjectName("lessonNext")
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setObjectName("lessonClose")
        self.close_button.setText("✕")

        body = QtWidgets.QWidget()
        # the whole row: a tool bar gives a Preferred widget only its size hint (the text then
        # wrapped in a third of the window after the bar was hidden and shown again)
        body.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                           QtWidgets.QSizePolicy.Policy.Preferred)
        column = QtWidgets.QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.text)
        column.addWidget(self.choices)
        row = QtWidgets.QHBoxLayout(body)
        row.setContentsMargins(4, 2, 4, 2)
        for widget in (self.back_button, self.position, self.forward_button):
            row.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(body)

        self.back_button.clicked.connect(self.back)
        self.forward_button.clicked.connect(self.next)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(lessons_menu.end_lesson)
        lessons_menu.lessonLoaded.connect(self.start)
        lessons_menu.lessonEnded.connect(self.close_lesson)
        self.controller.playingChanged.connect(self._playing_changed)
        manager().languageChanged.connect(self.retranslate)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.hide()
        self.retranslate()

    # ------------------------------------------------------------------ state
    @property
    def steps(self):
        return self.lesson.guided_steps() if self.lesson is not None else ()

    @property
    def step(self):
        return self.steps[self.index]

    def start(self, lesson_id: str = "") -> None:
        """Show the first step of the lesson just loaded by the Lessons menu."""
        self.lesson = self.menu.current
        self.session = self.controller.session
        self.session.set_evaluation(LESSON_EVALUATION)
        self.threshold = DEFAULT_THRESHOLD
        self.show()
        self.enter(0)

    def close_lesson(self) -> None:
        """Close the bar (the lesson ended: ``LessonsMenu.lessonEnded``)."""
        self._stop_playing()
        self.lesson = self.session = None
        self.revealed, self.reveal = False, ""
        self.hide()

    def setVisible(self, _visible: bool) -> None:  # noqa: N802 (Qt naming)
        """Shown exactly while a lesson is open, whatever is asked: ``restoreState`` of a
        layout remembered while a lesson was on would show an empty bar (◀ ▶, a blank button)
        for no lesson, and of one remembered without a lesson hid the bar of an open lesson
        (a step choosing the Train workspace, remembered from before, left the class without
        ◀ ▶ and Next)."""
        super().setVisible(self.lesson is not None)

    def enter(self, index: int) -> None:
        """Show step ``index`` and perform its setup."""
        self.index = index
        self.revealed = False
        self.reveal = ""
        self._before = None
        self.apply_setup(self.step.setup)
        self.show_linear_system()
        self._build_choices()
        self.refresh()
        self.stepShown.emit(index)

    def apply_setup(self, setup: dict) -> None:
        workspaces = getattr(self.main_window, "workspaces", None)
        if "workspace" in setup and workspaces is not None:
            workspaces.apply(setup["workspace"])
        if "views" in setup:
            self.menu.apply_views({"open": setup["views"]})
        if "play_speed" in setup:
            self.menu.set_play_speed(setup["play_speed"])
        if "surface" in setup:
            surface = setup["surface"]
            session = self.controller.session
            try:
                plane = surface_plane({"loss_surface": {k: v for k, v in surface.items()
                                                        if k != "range"}},
                                      session.net, session.loss)
            except SceneError:
                plane = None  # validated with the lesson; a changed network keeps its plane
            presenter = getattr(self.main_window, "loss_surface", None)
            if plane is not None and presenter is not None:
                presenter.controls.set_grid(surface.get("range"))
                self.menu.show_surface_plane(plane)
        if "sample" in setup:
            self.controller.select_sample(setup["sample"])
        if "attribution_method" in setup:  # the chart the step's text is about
            view = getattr(self.main_window, "views", {}).get("attributions")
            if view is not None:
                view.show_method(setup["attribution_method"])
        if "parameter" in setup:
            p = setup["parameter"]
            self.controller.select_parameter((p["layer"], p["kind"], p["i"], p["j"]))

    def show_linear_system(self) -> None:
        """Give the Linear system view the system the steps so far set (also when Back replays
        to a step that sets none itself)."""
        view = getattr(self.main_window, "views", {}).get("linear_system")
        state = system_state(self.steps[:self.index + 1])
        if view is not None and state:
            view.apply_setup(state)

    def step_views(self) -> list[str]:
        """The view ids the steps so far listed (the latest ``setup.views``), in the lesson's
        order; [] without a lesson or when no step listed any."""
        if self.lesson is None:
            return []
        for step in reversed(self.steps[:self.index + 1]):
            if "views" in step.setup:
                return list(step.setup["views"])
        return []

    def step_workspace(self) -> str:
        """The workspace the steps so far chose (the latest ``setup.workspace``), "" if none."""
        for step in reversed(self.steps[:self.index + 1]):
            if "workspace" in step.setup:
                return step.setup["workspace"]
        return ""

    def show_step_views(self) -> None:
        """Open the views the steps so far listed (the latest ``setup.views``) again and bring
        them to the front, e.g. after Reset layout put each tab group's first view in front."""
        views = self.step_views()
        if views:
            self.menu.apply_views({"open": views})

    def _selected_parameter(self) -> dict | None:
        """The parameter the steps so far selected (for a ``parameter`` question), or None."""
        chosen = None
        for step in self.steps[:self.index + 1]:
            chosen = step.setup.get("parameter", chosen)
        return chosen

    def _numbers(self) -> dict:
        session = self.controller.session
        metrics = measure(session, costly_metrics(self.step), threshold=self.threshold,
                          sample=self.controller.selected_sample)
        try:
            metrics[PARAMETER_METRIC] = parameter_value(session, self._selected_parameter())
        except SceneError:
            metrics[PARAMETER_METRIC] = float("nan")
        metrics.update(system_metrics(system_state(self.steps[:self.index + 1])))
        return metrics

    # ------------------------------------------------------------------ actions
    def next(self) -> None:
        """Perform the step's action (and reveal the answer of its question), or go on to the
        next step when that is done."""
        if self.lesson is None or self._busy:
            return
        step = self.step
        if step.action is None or self.revealed:
            if self.index + 1 < len(self.steps):
                self.enter(self.index + 1)
            return
        if step.choices and self._before is None:
            self._before = self._numbers()
        self.perform(step.action)

    def perform(self, action: dict) -> None:
        kind, value = action["kind"], action["value"]
        controller = self.controller
        if kind == "phase":
            getattr(controller, value)()
        elif kind == "steps":
            controller.run_steps(value)
        elif kind == "epochs":
            controller.run_epochs(value)
        elif kind in ("restore_best", "threshold"):
            self.perform_now(action)
        elif kind == "play_until":
            if controller.trainer.step_count < value and controller.divergence is None:
                self._stopped_at = stopped_best(controller.trainer)
                self._busy = True
                self._until = value
                self.refresh()
                controller.play_until(value)
                if controller.playing:
                    return
                self._busy = False
        self._action_done()

    def _playing_changed(self, playing: bool) -> None:
        if self._busy and not playing:  # reached, diverged or paused by the user
            self._busy = False
            trainer = self.controller.trainer
            if trainer.step_count >= self._until or self.controller.divergence is not None \
                    or play_stops_early(trainer, self._stopped_at):
                self._action_done()
            else:
                self.refresh()  # Next plays on

    def _stop_playing(self) -> None:
        if self._busy:
            self.controller.pause()

    def _action_done(self) -> None:
        step = self.step
        if step.choices:
            after = self._numbers()
            right = right_choices(step, self._before or after, after)
            self.reveal = self._reveal_text(right, self._before or after, after)
            self.revealed = True
            self.refresh()
            return
        self.revealed = True
        if self.index + 1 < len(self.steps):
            self.enter(self.index + 1)
        else:
            self.refresh()

    def back(self) -> None:
        """Go back to the start of the previous step (or of this one, once its action ran):
        reload the lesson and replay the earlier steps' actions at once."""
        if self.lesson is None or self._busy:
            return
        target = self.index if self.revealed and self.step.action is not None \
            else max(0, self.index - 1)
        self.replay_to(target)

    def replay_to(self, target: int) -> None:
        """The state at the start of step ``target``: the lesson's start, then the actions of
        steps 0 … target − 1 (``play_until`` as one run of steps), then step ``target``'s
        setup."""
        self.session, _views = self.menu.reload_scene(self.lesson.id)
        self.threshold = DEFAULT_THRESHOLD
        self.session.set_evaluation(LESSON_EVALUATION)
        controller = self.controller
        for step in self.steps[:target]:
            self.apply_setup({k: v for k, v in step.setup.items()
                              if k in ("sample", "parameter")})
            action = step.action
            if action is None:
                continue
            if action["kind"] == "play_until":
                controller.run_steps(max(0, action["value"] - controller.trainer.step_count),
                                     early_stopping=True)
            else:
                self.perform_now(action)
        self.enter(target)

    def perform_now(self, action: dict) -> None:
        """``action`` at once (no Play), for replays."""
        kind, value = action["kind"], action["value"]
        if kind == "phase":
            getattr(self.controller, value)()
        elif kind == "steps":
            self.controller.run_steps(value)
        elif kind == "epochs":
            self.controller.run_epochs(value)
        elif kind == "restore_best":
            self.controller.restore_best()
        elif kind == "threshold":
            self.threshold = value
            metrics = getattr(self.main_window, "views", {}).get("metrics")
            if metrics is not None:
                metrics.curves.set_threshold(value)

    # ------------------------------------------------------------------ text
    def language(self) -> str:
        return lesson_language(current_language())

    def localized(self, texts) -> str:
        return self.step.localized(texts, self.lesson.expect, self.language())

    def _build_choices(self) -> None:
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
            self.choice_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        while self.choice_layout.count():  # the stretch after the last choice
            self.choice_layout.takeAt(0)
        for k, _choice in enumerate(self.step.choices if self.lesson else ()):
            button = QtWidgets.QRadioButton()
            button.setObjectName(f"lessonChoice{k}")
            self.choice_group.addButton(button, k)
            self.choice_layout.addWidget(button)
        self.choice_layout.addStretch(1)
        self.choices.setVisible(bool(self.lesson and self.step.choices))

    def _reveal_text(self, right, before, after) -> str:
        """The answer, in the interface language (kept as parts, re-joined on retranslate)."""
        self._reveal_parts = (tuple(right), before, after, self.choice_group.checkedId())
        return self._reveal_html()

    def _reveal_html(self) -> str:
        right, before, after, picked = self._reveal_parts
        step = self.step
        names = [self.localized(step.choices[k].text) for k in right]
        answer = " / ".join(names) if names else "—"
        if picked < 0:
            verdict = translate("LessonBar", "Answer: {0}").format(answer)
        elif picked in right:
            verdict = translate("LessonBar", "✓ Right: {0}").format(answer)
        else:
            verdict = translate("LessonBar", "✗ Not this time. Answer: {0}").format(answer)
        shown = {c.when["metric"] for c in step.choices}
        numbers = []
        for metric in sorted(shown - set(INDEX_METRICS)):  # an index: the answer names it
            old, new = before.get(metric), after.get(metric)
            if isinstance(new, bool) or new is None:
                continue
            label = metric_label(metric)
            if "change" in step.choices[0].when:
                numbers.append(f"{label}: {metric_value(metric, old)} → "
                               f"{metric_value(metric, new)}")
            else:
                numbers.append(f"{label}: {metric_value(metric, new)}")
        return html.escape(verdict) + (" &nbsp; (" + html.escape("; ".join(numbers)) + ")"
                                       if numbers else "")

    def retranslate(self, _language: str = "") -> None:
        self.setWindowTitle(translate("LessonBar", "Lesson steps"))
        self.back_button.setToolTip(translate("LessonBar", "Back to the start of the step "
                                                           "before"))
        self.forward_button.setToolTip(translate("LessonBar", "Next step"))
        self.close_button.setToolTip(translate("LessonBar", "Close the lesson bar"))
        if self.lesson is not None and self.revealed and self.reveal:
            self.reveal = self._reveal_html()
        self.refresh()

    def question_open(self) -> bool:
        """A question of the lesson is still unanswered: the current step's (not revealed yet)
        or a later step's. The lesson notes keep their text (the answers) back meanwhile."""
        if self.lesson is None:
            return False
        return (bool(self.step.choices) and not self.revealed) \
            or any(step.choices for step in self.steps[self.index + 1:])

    def refresh(self) -> None:
        if self.lesson is None:
            return
        self.menu.notes.set_explained(not self.question_open())
        step, count = self.step, len(self.steps)
        self.position.setText(f"{self.index + 1}/{count}")
        body = html.escape(self.localized(step.text))
        if step.question is not None:
            body += "<br><b>" + html.escape(self.localized(step.question)) + "</b>"
        if self.revealed and self.reveal:
            body += "<br>" + self.reveal
        self.text.setText(body)
        for k, button in enumerate(self.choice_group.buttons()):
            button.setText(self.localized(step.choices[k].text))
            button.setEnabled(not self.revealed and not self._busy)
        last = self.index + 1 >= count
        done = self.revealed or step.action is None
        if self._busy:
            self.next_button.setText(translate("LessonBar", "Playing…"))
        elif last and done:
            self.next_button.setText(translate("LessonBar", "Done"))
        else:
            self.next_button.setText(translate("LessonBar", "Next"))
        self.next_button.setEnabled(not self._busy and not (last and done))
        self.forward_button.setEnabled(self.next_button.isEnabled())
        self.back_button.setEnabled(not self._busy and (self.index > 0 or self.revealed))


#: Metrics whose value is a feature or class index: the revealed answer names it already.
INDEX_METRICS = ("gradient_x_input_top", "integrated_gradients_top", "shapley_top",
                 "attribution_class", "sample_class")


def metric_value(metric: str, value) -> str:
    """A metric's value as the bar shows it next to a revealed answer: an accuracy as a
    percentage, as the status bar writes it ("69.3 %"), any other number as is."""
    if metric.endswith("_accuracy"):
        return percent(value)
    return number(value)


def metric_label(metric: str) -> str:
    """A metric's name as the bar shows it next to a revealed answer."""
    labels = {
        "train_loss": translate("LessonBar", "training loss"),
        "test_loss": translate("LessonBar", "test loss"),
        "train_accuracy": translate("LessonBar", "training accuracy"),
        "test_accuracy": translate("LessonBar", "test accuracy"),
        "parameter": translate("LessonBar", "selected parameter"),
        "loss_increase_fraction": translate("LessonBar", "share of steps where the loss rose"),
        "first_layer_grad_ratio": translate("LessonBar", "first ÷ last layer gradient"),
        "first_layer_weight_change": translate("LessonBar", "first layer's weight change"),
        "test_loss_rise": translate("LessonBar", "final ÷ lowest test loss"),
        "validation_loss": translate("LessonBar", "validation loss"),
        "validation_accuracy": translate("LessonBar", "validation accuracy"),
        "test_precision": translate("LessonBar", "precision (test, class 1)"),
        "test_recall": translate("LessonBar", "recall (test, class 1)"),
    }
    return labels.get(metric, metric)

