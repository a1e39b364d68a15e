"""The validation split in the window: drawn points keep the validation share, validation
points are squares with a legend row, Play stops by patience, Restore best, the status bar."""

import numpy as np
from PySide6 import QtWidgets

from core.datasets import TEST, TRAIN, VALIDATION
from gui.canvas.marks import VALIDATION_SYMBOL
from tests.overfitting_session import overfitting_session
from tests.waiting import PATIENCE_MS


def test_drawn_points_keep_the_training_and_validation_shares_per_class(window):
    c = window.controller
    c.set_data_settings(train_fraction=0.6, validation_fraction=0.2)
    window.drawing.clear()
    for x in np.linspace(-3, 3, 10):
        window.drawing.add_at(x, 1.0)
    split = c.session.points.split
    # per class: train while train/total ≤ 60 % (the first always), then validation while
    # validation/total ≤ 20 %, else test; all ten points are of class 0
    expected, counts = [], {TRAIN: 0, VALIDATION: 0, TEST: 0}
    for n in range(10):
        if counts[TRAIN] < 0.6 * (n + 1) - 1e-9 or counts[TRAIN] == 0:
            code = TRAIN
        elif counts[VALIDATION] < 0.2 * (n + 1) - 1e-9:
            code = VALIDATION
        else:
            code = TEST
        counts[code] += 1
        expected.append(code)
    assert split.tolist() == expected and counts == {TRAIN: 6, VALIDATION: 2, TEST: 2}
    window.undo_stack.undo()  # the last point goes, and comes back with its split
    window.undo_stack.redo()
    assert c.session.points.split.tolist() == expected


def test_erasing_a_validation_point_and_undoing_keeps_it_a_validation_point(window):
    c = window.controller
    index = int(np.flatnonzero(c.session.points.validation)[0])
    before = c.session.points.split.copy()
    window.drawing.erase_at(*c.session.points.X[index])
    assert len(c.session.points) == len(before) - 1
    window.undo_stack.undo()
    assert np.array_equal(c.session.points.split, before)


def test_validation_points_are_squares_and_have_a_legend_row(window):
    window.flush()
    symbols = window.canvas.points_scatter.data["symbol"]
    assert np.count_nonzero(symbols == VALIDATION_SYMBOL) == len(
        window.controller.session.validation_indices)
    assert "square: validation point (20% of points)" in window.canvas.legend.texts()
    assert [e.kind for e in window.canvas.legend.entries][-3:] == ["train", "validation", "test"]


def test_play_stops_when_patience_runs_out_and_says_so(window, qtbot):
    c = window.controller
    c.set_session(overfitting_session(patience=20))
    c.set_speed(0)
    c.play()
    qtbot.waitUntil(lambda: not c.playing, timeout=60_000)
    trainer = c.trainer
    losses = trainer.history.arrays()["validation_loss"]
    best = int(np.argmin(losses))  # the earliest lowest validation loss
    assert trainer.best_validation.step == best
    assert trainer.step_count == best + 20
    assert "Early stopping" in window.status_notice.message()  # status bar, or its notice
    assert f"step {best}" in window.status_notice.message()
    window.flush()
    curve = window.loss_curve
    assert curve.best_line.isVisible() and curve.best_line.value() == best
    assert curve.best_line.label.format == f"best validation: step {best}"
    assert curve.restore_best_action.isEnabled()
    assert window.status.labels["validation_loss"].isVisibleTo(window.statusBar())


def test_restore_best_button_brings_back_the_best_weights(window, qtbot):
    c = window.controller
    c.set_session(overfitting_session())
    params = [c.trainer.net.get_params().copy()]
    for _ in range(120):
        c.trainer.step()
        params.append(c.trainer.net.get_params().copy())
    window.flush()
    best = c.trainer.best_validation.step
    window.loss_curve.restore_button.click()
    assert c.trainer.step_count == best
    assert np.array_equal(c.trainer.net.get_params(), params[best])
    assert "Restored the weights of step" in window.status_notice.message()


def test_restore_best_replaces_the_early_stop_notice(window):
    """After Restore best the early-stop message ("Restore best brings its weights back") is
    gone: the newer, shorter message fits the status bar and the notice holding the old one
    is hidden (it stayed beside the new one for 15 s)."""
    c = window.controller
    c.set_session(overfitting_session())
    for _ in range(120):
        c.trainer.step()
    window.flush()
    best = c.trainer.best_validation.step
    window.show_early_stop(best, c.trainer.steps_since_best)  # the earlyStopped slot
    notice = window.status_notice.label
    assert "Early stopping" in window.status_notice.message()
    window.loss_curve.restore_button.click()
    seen = [window.statusBar().currentMessage()] + ([notice.text()] if notice.isVisible()
                                                      else [])
    assert not any("Early stopping" in text for text in seen)
    assert "Restored the weights of step" in window.status_notice.message()


def test_without_validation_points_early_stopping_is_off_with_a_note(window):
    c = window.controller
    c.set_data_settings(validation_fraction=0.0)
    window.flush()
    patience = window.training_panel.controls["patience"].widget
    assert not patience.isEnabled() and "validation share 0 %" in patience.toolTip()
    assert not window.loss_curve.restore_best_action.isEnabled()
    assert "validation share 0 %" in window.loss_curve.restore_best_action.toolTip()
    assert not c.set_training_settings(patience=5)
    assert "validation share above 0 %" in window.status_notice.message()
    assert not window.status.labels["validation_loss"].isVisibleTo(window.statusBar())


def test_the_best_validation_label_is_never_cut_by_the_plot_edge(qtbot, window):
    """At step 0 there is no marker; when the best step is the last one its label opens to
    the left of the line (it was cut off by the plot's right edge)."""
    from gui.app_window.layout_report import layout_report

    curve = window.loss_curve
    assert not curve.best_line.isVisible()
    for _ in range(40):
        window.controller.step()
    qtbot.waitUntil(lambda: curve.best_step == 40 and curve.n_points == 41, timeout=PATIENCE_MS)
    assert curve.best_line.isVisible()
    QtWidgets.QApplication.processEvents()
    clipped = [item for item in layout_report(window)["elided"] if item["where"] == "loss_curve"]
    assert clipped == []


def test_the_status_bar_shows_the_validation_loss(qtbot, window):
    """It was laid out 0 px wide at every window size (an Ignored size policy)."""
    window.resize(1920, 1000)
    label = window.status.labels["validation_loss"]
    qtbot.waitUntil(lambda: label.isVisible() and "0." in label.text(), timeout=PATIENCE_MS)
    QtWidgets.QApplication.processEvents()
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
