"""The timeline: a slider over the trainer's snapshot ring (steps ``oldest_step`` … N).

Moving it shows the network of that step (``TrainingController.view_step``: the boundary,
diagram and every view of θ follow ``weightsChanged``; the status bar says "step k of N
(viewing the past)"); the right end is the present. Training from the past goes through the
controller, which asks :func:`ask_continue` (installed here as ``confirm_continue``) before
``Trainer.rewind_to`` discards steps k+1…N. The slider's range follows the ring as training,
Rewind, Reset and new scenes change it. It redraws through a RefreshGate: only when shown, and
at most every TIMELINE_INTERVAL s during Play (its slider is disabled then; each frame's new
read-out text would otherwise repaint the tool bar and the window behind it).
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from gui.common.i18n import manager, translate
from gui.common.refresh import RefreshGate, connect_redraws

#: Seconds between timeline updates during Play (the status bar's rate); pausing updates at once.
TIMELINE_INTERVAL = 0.25


def ask_continue(parent: QtWidgets.QWidget, step: int, newest: int) -> str:
    """Ask before training from step ``step`` discards steps step+1…``newest``: "continue",
    "return" (to step ``newest``) or "cancel"."""
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Timeline", "Viewing the past"))
    box.setText(translate("Timeline", "Continue from step {0}? Steps {1}…{2} will be "
                                      "discarded.").format(step, step + 1, newest))
    go_on = box.addButton(translate("Timeline", "Continue"),
                          QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(translate("Timeline", "Return to step {0}").format(newest),
                         QtWidgets.QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(translate("Timeline", "Cancel"),
                           QtWidgets.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return "continue" if clicked is go_on else "return" if clicked is back else "cancel"


class TimelineBar(QtWidgets.QToolBar):
    """Tool bar with the timeline slider and its "step k / N" read-out."""

    def __init__(self, controller, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__("Timeline", parent)
        self.setObjectName("timelineToolbar")
        self.setMovable(False)
        self.controller = controller
        self.title = QtWidgets.QLabel()
        self.slider = QtWidgets.QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("timelineSlider")
        self.slider.setMinimumWidth(220)
        self.slider.setPageStep(10)
        self.readout = QtWidgets.QLabel()
        self.readout.setObjectName("timelineReadout")
        self.readout.setMinimumWidth(110)
        self.addWidget(self.title)
        self.addWidget(self.slider)
        self.addWidget(self.readout)
        self.slider.valueChanged.connect(self._moved)
        self.gate = RefreshGate(self, self.refresh, min_interval=TIMELINE_INTERVAL,
                                cost_factor=0.0)
        connect_redraws(self.gate, controller, ("stepped", "weightsChanged",
                                                "viewedStepChanged", "playingChanged"))
        controller.confirm_continue = lambda step, newest: ask_continue(
            self.window(), step, newest)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the bar

    def retranslate(self, _language: str = "") -> None:
        self.title.setText(translate("Timeline", " timeline "))
        self.slider.setToolTip(translate(
            "Timeline", "Scrub back through the last steps (snapshots); the right end is the "
                        "newest step"))
        self.refresh()

    def refresh(self, *_args) -> None:
        """Range = the snapshots' steps; position = the viewed step (else the newest)."""
        c = self.controller
        oldest, newest = c.timeline_range()
        shown = newest if c.viewed_step is None else c.viewed_step
        self.slider.blockSignals(True)
        self.slider.setRange(oldest, newest)
        self.slider.setValue(shown)
        self.slider.blockSignals(False)
        self.slider.setEnabled(newest > oldest and not c.playing)
        self.readout.setText(translate("Timeline", "step {0} / {1}").format(shown, newest))

    def _moved(self, step: int) -> None:
        if not self.controller.view_step(step):
            self.refresh()  # refused (a step in progress): back to what is shown
