"""Keyboard shortcuts from the one table: each key triggers its action; Help lists them all."""

import pytest
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import Qt

from gui.classroom.shortcuts import SHORTCUTS, ShortcutsDialog, keys_text, shortcut_table
from tests.gui import classroom_helpers
from tests.waiting import PATIENCE_MS

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, window, key, modifier=NONE):
    qtbot.keyClick(window, key, modifier)


def test_space_starts_and_stops_play(classroom, qtbot):
    controller = classroom.controller
    press(qtbot, classroom, Qt.Key.Key_Space)
    assert controller.playing
    qtbot.waitUntil(lambda: controller.trainer.step_count > 0, timeout=PATIENCE_MS)
    press(qtbot, classroom, Qt.Key.Key_Space)
    assert not controller.playing


def test_right_arrow_runs_the_next_phase(classroom, qtbot):
    trainer = classroom.controller.trainer
    assert trainer.phase == "ready"
    press(qtbot, classroom, Qt.Key.Key_Right)
    assert trainer.phase == "forward"
    press(qtbot, classroom, Qt.Key.Key_Right)
    assert trainer.phase == "backward"
    assert trainer.step_count == 0
    press(qtbot, classroom, Qt.Key.Key_Right)
    assert trainer.phase == "ready"
    assert trainer.step_count == 1


def test_shift_right_runs_a_full_step_and_e_an_epoch(classroom, qtbot):
    trainer = classroom.controller.trainer
    press(qtbot, classroom, Qt.Key.Key_Right, SHIFT)
    assert trainer.step_count == 1 and trainer.phase == "ready"
    classroom.controller.set_training_settings(batch_size=50)
    epochs = trainer.epoch_count
    press(qtbot, classroom, Qt.Key.Key_E)
    assert trainer.epoch_count == epochs + 1
    assert trainer.step_count == 1 + trainer.steps_per_epoch > 2


def test_left_rewinds_one_step(classroom, qtbot):
    controller = classroom.controller
    for _ in range(3):
        controller.step()
    params = [p.copy() for p in controller.trainer.net.parameters()]
    controller.step()
    press(qtbot, classroom, Qt.Key.Key_Left)
    assert controller.trainer.step_count == 3
    for old, new in zip(params, controller.trainer.net.parameters(), strict=True):
        assert (old == new).all()


def test_r_resets_the_weights(classroom, qtbot):
    controller = classroom.controller
    initial = [p.copy() for p in controller.trainer.net.parameters()]
    for _ in range(5):
        controller.step()
    press(qtbot, classroom, Qt.Key.Key_R)
    assert controller.trainer.step_count == 0
    for old, new in zip(initial, controller.trainer.net.parameters(), strict=True):
        assert (old == new).all()


def test_number_keys_choose_the_class(classroom, qtbot):
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5,
            Qt.Key.Key_6, Qt.Key.Key_7, Qt.Key.Key_8]
    for label in (4, 7, 0, 2, 1, 5, 6, 3):
        press(qtbot, classroom, keys[label])
        assert classroom.drawing.current_class == label
        assert classroom.draw_toolbar.class_actions[label].isChecked()


def test_shortcuts_work_in_presenter_mode_with_the_tool_bars_hidden(classroom, qtbot):
    classroom.presenter_mode.set_active(True)
    assert not classroom.draw_toolbar.isVisible()
    press(qtbot, classroom, Qt.Key.Key_3)
    assert classroom.drawing.current_class == 2
    press(qtbot, classroom, Qt.Key.Key_Right)
    assert classroom.controller.trainer.phase == "forward"


def key_at_focus(qtbot, window, key) -> None:
    """Press `key` where a real keyboard sends it: to the widget with the keyboard focus."""
    qtbot.keyClick(QtWidgets.QApplication.focusWidget() or window, key)


def pick_from_list(qtbot, combo, value, by: str) -> None:
    """Open the combo box's list and choose the item whose data is `value`, like a user: a
    click on it, or arrow keys and Enter."""
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    index = view.model().index(combo.findData(value), 0)
    if by == "click":
        view.scrollTo(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.visualRect(index).center())
    else:
        key = Qt.Key.Key_Down if index.row() > view.currentIndex().row() else Qt.Key.Key_Up
        while view.currentIndex().row() != index.row():
            qtbot.keyClick(view, key)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not view.isVisible()


@pytest.mark.parametrize("by", ["click", "keys"])
def test_after_picking_a_learning_rate_b_runs_backward_instead_of_typing(classroom, qtbot, by):
    controller = classroom.controller
    combo = classroom.training_panel.controls["learning_rate"].widget
    controller.forward()
    assert controller.trainer.phase == "forward"
    pick_from_list(qtbot, combo, 0.01, by)
    assert controller.session.training.learning_rate == 0.01
    key_at_focus(qtbot, classroom, Qt.Key.Key_B)
    assert controller.trainer.phase == "backward"
    assert combo.currentText() == "0.01"


@pytest.mark.parametrize("name, text", [("learning_rate", "0.3"), ("batch_size", "50"),
                                        ("l2", "0.001"), ("eps", "1e-07")])
def test_after_typing_a_value_and_enter_the_step_keys_work(classroom, qtbot, name, text):
    """Every editable setting (editable combo, line edit, spin box) gives the keyboard back to
    the window after Enter, so the one-letter step keys run steps instead of typing."""
    controller = classroom.controller
    if name == "eps":
        controller.set_training_settings(optimizer="adam")  # ε belongs to Adam
    control = classroom.training_panel.controls[name]
    control.widget.setFocus()
    edit = QtWidgets.QApplication.focusWidget()
    assert edit is control.widget or control.widget.isAncestorOf(edit)
    QtWidgets.QApplication.sendEvent(edit, QtGui.QKeyEvent(
        QtGui.QKeyEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier))
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert control.value() == pytest.approx(float(text))
    shown = control.widget.currentText() if name == "learning_rate" else control.widget.text()
    controller.forward()
    key_at_focus(qtbot, classroom, Qt.Key.Key_B)
    assert controller.trainer.phase == "backward"
    shown_after = control.widget.currentText() if name == "learning_rate" \
        else control.widget.text()
    assert shown_after == shown


def test_a_rejected_value_keeps_the_focus_for_a_correction(classroom, qtbot):
    combo = classroom.training_panel.controls["learning_rate"].widget
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo.lineEdit(), "1e9")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert classroom.training_panel.controls["learning_rate"].error_label.isVisible()
    focus = QtWidgets.QApplication.focusWidget()
    assert focus is combo or combo.isAncestorOf(focus)


def test_arrow_keys_in_the_learning_rate_box_keep_the_focus(classroom, qtbot):
    """Stepping through the presets with ↓ is not a finished choice: the focus stays."""
    combo = classroom.training_panel.controls["learning_rate"].widget
    combo.setFocus()
    before = classroom.controller.session.training.learning_rate
    key_at_focus(qtbot, classroom, Qt.Key.Key_Down)
    key_at_focus(qtbot, classroom, Qt.Key.Key_Down)
    assert classroom.controller.session.training.learning_rate > before
    focus = QtWidgets.QApplication.focusWidget()
    assert focus is combo or combo.isAncestorOf(focus)


def test_no_two_actions_share_a_key(classroom):
    owners: dict[str, list[str]] = {}
    for action in classroom.findChildren(QtGui.QAction):
        for sequence in action.shortcuts():
            owners.setdefault(sequence.toString(), []).append(action.text())
    clashes = {key: texts for key, texts in owners.items() if len(texts) > 1}
    assert not clashes


def test_every_table_row_is_bound_to_an_action_of_the_window(classroom):
    bound = {row.id for row in classroom.shortcuts.rows}
    missing = {row.id for row in SHORTCUTS} - bound
    assert not missing
    play = classroom.step_toolbar.play_action
    assert play.shortcut() == QtGui.QKeySequence("Space")


def test_help_shortcuts_lists_every_shortcut(classroom, qtbot):
    dialog = ShortcutsDialog(classroom, classroom.shortcuts.rows)
    qtbot.addWidget(dialog)
    cells = {dialog.table.item(r, c).text() for r in range(dialog.table.rowCount())
             for c in range(2) if dialog.table.item(r, c) is not None}
    for row in classroom.shortcuts.rows:
        assert keys_text(row) in cells, row.id
        assert row.description in cells, row.id
    for key in ("Space", "→", "Shift+→ / S", "E", "←", "R", "1 … 8", "F5", "F11"):
        assert key in cells
    rows = classroom.shortcuts.rows
    assert len(shortcut_table(classroom, rows)) >= len(rows)


def test_f1_opens_the_shortcuts_dialog(classroom, qtbot):
    classroom.shortcuts_action.trigger()
    dialog = classroom.shortcuts.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=PATIENCE_MS)
    dialog.close()
