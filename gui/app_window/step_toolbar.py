"""Step toolbar: Forward / Backward / Update (only in the valid order), the current phase,
Step, Epoch, Play/Pause with a speed slider (1 step/s … as fast as possible; it starts at the
calm ``gui.controller.DEFAULT_PLAY_SPEED``) and a "max" button that switches between full speed
and the last calm speed, Rewind, Reset.

The toolbar holds QActions (with shortcuts) that the main window also puts in the Train menu;
it emits requests and shows the state given to ``show_state``.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal

from gui.common.i18n import manager, translate
from gui.common.number_format import number
from gui.controller import DEFAULT_PLAY_SPEED

#: Texts the Play button switches between; its width fits the longest (translated) one.
PLAY_TEXTS = (QT_TRANSLATE_NOOP("StepToolbar", "Play"),
              QT_TRANSLATE_NOOP("StepToolbar", "Pause"))
#: Speed slider positions in steps/s; 0 means as fast as possible.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0)
MAX_POSITION = len(SPEEDS) - 1

#: The phase line (English; shown translated in context "StepToolbar").
PHASE_TEXT = {
    "ready": QT_TRANSLATE_NOOP("StepToolbar", "next: <b>Forward</b>"),
    "forward": QT_TRANSLATE_NOOP("StepToolbar", "forward done · next: <b>Backward</b>"),
    "backward": QT_TRANSLATE_NOOP("StepToolbar", "backward done · next: <b>Update</b>"),
}


def speed_text(steps_per_second: float) -> str:
    if steps_per_second <= 0:
        return translate("StepToolbar", "max")
    return translate("StepToolbar", "{0} steps/s").format(number(steps_per_second))


def nearest_position(steps_per_second: float) -> int:
    """The slider position whose preset is nearest ``steps_per_second`` (≤ 0: max)."""
    target = float(steps_per_second)
    if target <= 0:
        return MAX_POSITION
    return min(range(MAX_POSITION), key=lambda i: abs(SPEEDS[i] - target))


class StepToolbar(QtWidgets.QToolBar):
    speedChanged = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__("Training steps", parent)
        self.setObjectName("stepToolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMovable(False)

        def action(text: str, shortcut: str, tip: str, *more: str) -> QtGui.QAction:
            # keys as in gui/classroom/shortcuts.py's table, which may re-assign them
            act = QtGui.QAction(text, self)
            act.setShortcuts([QtGui.QKeySequence(key) for key in (shortcut, *more)])
            act.setToolTip(f"{tip} ({' / '.join((shortcut, *more))})")
            act.setStatusTip(tip)
            return act

        self.forward_action = action("Forward", "F", "Forward pass on the next mini-batch")
        self.backward_action = action("Backward", "B", "Backpropagate: δ and ∂J/∂W, ∂J/∂b")
        self.update_action = action("Update", "U", "Apply the optimizer to the weights")
        self.step_action = action("Step", "S", "One mini-batch through all three phases",
                                  "Shift+Right")
        self.epoch_action = action("Epoch", "E", "Steps until every training point was used")
        self.play_action = action("Play", "Space", "Train continuously / pause")
        self.play_action.setCheckable(True)
        self.rewind_action = action("Rewind", "Left", "Go back one step (snapshots)")
        self.reset_action = action("Reset", "R", "Re-initialize the weights from the seed")

        for act in (self.forward_action, self.backward_action, self.update_action):
            self.addAction(act)
        self.phase_label = QtWidgets.QLabel()
        self.phase_label.setObjectName("phaseLabel")
        self.phase_label.setMinimumWidth(390)
        self.phase_label.setStyleSheet("padding: 0 8px; color: #333;")
        self.addWidget(self.phase_label)
        self.addSeparator()
        for act in (self.step_action, self.epoch_action, self.play_action):
            self.addAction(act)
        self.play_button = self.widgetForAction(self.play_action)
        self._play_padding: int | None = None
        self.play_action.changed.connect(self._fit_play_button)

        self.speed_slider = QtWidgets.QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(0, MAX_POSITION)
        self.speed_slider.setValue(nearest_position(DEFAULT_PLAY_SPEED))
        self.speed_slider.setFixedWidth(130)
        self.speed_slider.valueChanged.connect(self._speed_moved)
        self.speed_label = QtWidgets.QLabel(speed_text(SPEEDS[self.speed_slider.value()]))
        self.speed_label.setMinimumWidth(90)
        #: the last speed below max, which the "max" action goes back to
        self._calm_position = self.speed_slider.value()
        self.max_speed_action = QtGui.QAction("max", self)
        self.max_speed_action.setObjectName("maxSpeed")
        self.max_speed_action.setCheckable(True)
        self.max_speed_action.setShortcut(QtGui.QKeySequence("M"))
        self.max_speed_action.toggled.connect(self._max_toggled)
        self.addWidget(QtWidgets.QLabel("  speed "))
        self.addWidget(self.speed_slider)
        self.addWidget(self.speed_label)
        self.addAction(self.max_speed_action)
        self.addSeparator()
        self.addAction(self.rewind_action)
        self.addAction(self.reset_action)
        self._state: tuple = ()
        self.show_state("ready", playing=False, diverged=False, can_rewind=False)
        self._fit_play_button()
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the toolbar

    def retranslate(self, _language: str = "") -> None:
        """Texts this toolbar builds itself (the actions are translated by the window)."""
        self.speed_slider.setToolTip(
            translate("StepToolbar", "Play speed: 1 step/s … as fast as possible"))
        self.max_speed_action.setText(translate("StepToolbar", "max"))
        self.max_speed_action.setToolTip(translate(
            "StepToolbar", "Play as fast as possible / back to the calm speed (M)"))
        self.speed_label.setText(speed_text(SPEEDS[self.speed_slider.value()]))
        if self._state:
            self.show_state(*self._state)

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        """A new font or style (presenter mode, themes) changes the text widths: refit."""
        super().changeEvent(event)
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._fit_play_button(refit=True)

    def _fit_play_button(self, refit: bool = False) -> None:
        """Fix the Play button's width to its longest text (Play / Pause, English and the
        current translation), so toggling never shifts the toolbar. Never shrinks."""
        button = getattr(self, "play_button", None)  # None while still being built
        if button is None:
            return
        metrics = button.fontMetrics()
        texts = {self.play_action.text(), *PLAY_TEXTS,
                 *(QCoreApplication.translate("StepToolbar", text) for text in PLAY_TEXTS)}
        if refit or self._play_padding is None:  # the button's frame and margins, once
            button.setMinimumWidth(0)
            button.setMaximumWidth(16777215)
            self._play_padding = max(
                button.sizeHint().width() - metrics.horizontalAdvance(button.text()), 8)
        width = max(metrics.horizontalAdvance(text) for text in texts) + self._play_padding
        if not refit:
            width = max(width, button.minimumWidth())
        button.setFixedWidth(width)

    def actions_for_menu(self) -> list[QtGui.QAction | None]:
        """The actions in menu order (None = separator)."""
        return [self.forward_action, self.backward_action, self.update_action, None,
                self.step_action, self.epoch_action, self.play_action, None,
                self.rewind_action, self.reset_action]

    def _speed_moved(self, position: int) -> None:
        speed = SPEEDS[position]
        self._show_position(position)
        self.speedChanged.emit(float(speed))

    def _show_position(self, position: int) -> None:
        """Label and "max" check for a slider position; remembers a calm one."""
        self.speed_label.setText(speed_text(SPEEDS[position]))
        if position != MAX_POSITION:
            self._calm_position = position
        self.max_speed_action.blockSignals(True)
        self.max_speed_action.setChecked(position == MAX_POSITION)
        self.max_speed_action.blockSignals(False)

    def _max_toggled(self, on: bool) -> None:
        """The "max" action: full speed, or back to the last calm speed (one click)."""
        self.speed_slider.setValue(MAX_POSITION if on else self._calm_position)

    @property
    def speed(self) -> float:
        """The chosen speed in steps/s (0 = as fast as possible)."""
        return float(SPEEDS[self.speed_slider.value()])

    def set_speed(self, steps_per_second: float, emit: bool = False) -> float:
        """Move the slider to the preset nearest ``steps_per_second`` (0 = max) and return
        that preset; ``speedChanged`` is emitted only with ``emit`` (a lesson's speed, which
        the controller must follow), else the signals stay blocked."""
        position = nearest_position(steps_per_second)
        self.speed_slider.blockSignals(True)
        self.speed_slider.setValue(position)
        self.speed_slider.blockSignals(False)
        self._show_position(position)
        if emit:
            self.speedChanged.emit(float(SPEEDS[position]))
        return float(SPEEDS[position])

    def show_state(self, phase: str, playing: bool, diverged: bool, can_rewind: bool,
                   batch_text: str = "") -> None:
        """Enable only the valid next phase; show the phase (and `batch_text`, e.g. "batch 10
        of 350", during a step); Play ↔ Pause."""
        self._state = (phase, playing, diverged, can_rewind, batch_text)
        idle = not playing and not diverged
        self.forward_action.setEnabled(idle and phase == "ready")
        self.backward_action.setEnabled(idle and phase == "forward")
        self.update_action.setEnabled(idle and phase == "backward")
        self.step_action.setEnabled(idle)
        self.epoch_action.setEnabled(idle)
        self.play_action.setEnabled(not diverged)
        self.play_action.blockSignals(True)
        self.play_action.setChecked(playing)
        self.play_action.blockSignals(False)
        self.play_action.setText(translate("StepToolbar", PLAY_TEXTS[1] if playing
                                           else PLAY_TEXTS[0]))
        self.rewind_action.setEnabled(can_rewind or phase != "ready" or diverged)
        if diverged:
            diverged_text = translate("StepToolbar", "diverged")
            self.phase_label.setText(f"<span style='color:#B00020'><b>{diverged_text}</b></span>")
        elif playing:
            self.phase_label.setText(translate("StepToolbar", "playing…"))
        else:
            text = translate("StepToolbar", PHASE_TEXT[phase]) if phase in PHASE_TEXT \
                else phase
            if phase != "ready" and batch_text:
                text += f" · {batch_text}"
            self.phase_label.setText(text)
