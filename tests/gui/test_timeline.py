"""The timeline slider in the window: scrubbing shows the snapshot, the status bar says so,
Step from the past asks (the real dialog, answered by clicking), the range follows the ring."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt

from gui.app_window import timeline


def _train(window, steps):
    for _ in range(steps):
        window.controller.step()


def test_scrubbing_shows_the_snapshot_and_says_so_in_the_status_bar(qtbot, window):
    c = window.controller
    _train(window, 8)
    window.timeline.slider.setValue(3)
    assert c.viewed_step == 3
    assert c.trainer.net.get_params().tobytes() == c.trainer.snapshot_params(3).tobytes()
    qtbot.waitUntil(lambda: window.status.past_label.isVisible())
    assert window.status.past_label.text() == "step 3 of 8 (viewing the past)"
    assert window.status.values["step"] == "step 3"
    assert window.timeline.readout.text() == "step 3 / 8"
    window.timeline.slider.setValue(8)
    assert c.viewed_step is None
    qtbot.waitUntil(lambda: not window.status.past_label.isVisible())


def test_the_status_bar_shows_the_epoch_of_the_viewed_step(qtbot, window):
    c = window.controller
    assert c.set_training_settings(batch_size=16)  # a few steps per epoch
    epochs = [c.trainer.epoch_count]
    for _ in range(3 * c.trainer.steps_per_epoch + 1):
        c.step()
        epochs.append(c.trainer.epoch_count)  # the epoch count after each step
    viewed = c.trainer.steps_per_epoch + 1
    assert epochs[viewed] != epochs[-1]
    window.timeline.slider.setValue(viewed)
    assert c.viewed_step == viewed
    qtbot.waitUntil(lambda: window.status.values["step"] == f"step {viewed}")
    assert window.status.values["epoch"] == f"epoch {epochs[viewed]}"
    window.timeline.slider.setValue(len(epochs) - 1)  # the present: the trainer's count
    qtbot.waitUntil(lambda: window.status.values["epoch"] == f"epoch {epochs[-1]}")


def _answer_with(qtbot, text):
    """Click the button whose text starts with ``text`` in the next message box."""
    def click():
        box = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(box, QtWidgets.QMessageBox):
            QtCore.QTimer.singleShot(10, click)
            return
        button = next(b for b in box.buttons() if b.text().startswith(text))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    QtCore.QTimer.singleShot(0, click)


def test_step_in_the_past_asks_and_cancel_changes_nothing(qtbot, window):
    c = window.controller
    _train(window, 6)
    window.timeline.slider.setValue(2)
    params, history = c.trainer.net.get_params().tobytes(), len(c.trainer.history)
    _answer_with(qtbot, "Cancel")
    window.step_toolbar.step_action.trigger()
    assert c.trainer.step_count == 6 and len(c.trainer.history) == history
    assert c.trainer.net.get_params().tobytes() == params and c.viewed_step == 2


def test_step_in_the_past_with_continue_discards_the_future(qtbot, window):
    c = window.controller
    _train(window, 6)
    window.timeline.slider.setValue(2)
    _answer_with(qtbot, "Continue")
    window.step_toolbar.step_action.trigger()
    assert c.viewed_step is None and c.trainer.step_count == 3
    assert window.timeline.slider.maximum() == 3 and window.timeline.slider.value() == 3


def test_the_dialog_offers_to_return_to_the_newest_step(qtbot, window):
    _answer_with(qtbot, "Return to step 9")
    assert timeline.ask_continue(window, 4, 9) == "return"


def test_slider_range_follows_the_ring(qtbot, window):
    slider = window.timeline.slider
    assert (slider.minimum(), slider.maximum()) == (0, 0) and not slider.isEnabled()
    _train(window, 5)
    assert (slider.minimum(), slider.maximum(), slider.value()) == (0, 5, 5)
    window.controller.rewind(2)
    assert (slider.maximum(), slider.value()) == (3, 3)
    window.controller.reset()
    assert (slider.minimum(), slider.maximum()) == (0, 0)
