"""Hands-on weights in the network diagram: double-click to type, scroll to nudge, one undoable
command each on a QUndoStack, refused during Play, mid-step and for bad entries."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from gui.controller import TrainingController
from gui.diagram import weight_edits
from tests.gui.shown_views import shown_diagram


@pytest.fixture
def diagram(qtbot):
    view, controller = shown_diagram(qtbot)
    stack = QtGui.QUndoStack()
    view.set_undo_stack(stack)
    view.redraw()
    return view, controller, stack


def _centre(view, item):
    point = item.line().center() if hasattr(item, "line") else item.centre
    return view.view.mapFromScene(point)


def _double_click(qtbot, view, pos):
    qtbot.mouseDClick(view.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)


def _wheel(view, pos, steps=1, shift=False):
    modifiers = QtCore.Qt.KeyboardModifier.ShiftModifier if shift else \
        QtCore.Qt.KeyboardModifier.NoModifier
    event = QtGui.QWheelEvent(QtCore.QPointF(pos), QtCore.QPointF(view.view.mapToGlobal(pos)),
                              QtCore.QPoint(0, 0), QtCore.QPoint(0, 120 * steps),
                              QtCore.Qt.MouseButton.NoButton, modifiers,
                              QtCore.Qt.ScrollPhase.NoScrollPhase, False)
    QtWidgets.QApplication.sendEvent(view.view.viewport(), event)


def _type(qtbot, view, text):
    editor = view.editor
    assert editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)


def test_double_click_an_edge_types_its_weight_and_undo_restores_it_exactly(diagram, qtbot):
    view, controller, stack = diagram
    edge = view.edges[2][5]
    layer, _, i, j = edge.parameter
    old = controller.trainer.net.weights[layer][i, j]
    steps, history = controller.trainer.step_count, len(controller.trainer.history)
    _double_click(qtbot, view, _centre(view, edge))
    assert view.editor.ref == edge.parameter
    with qtbot.waitSignal(controller.weightsChanged):
        _type(qtbot, view, "0.75")
    assert controller.trainer.net.weights[layer][i, j] == 0.75
    assert not view.editor.isVisible()
    assert stack.count() == 1
    # not a training step
    assert controller.trainer.step_count == steps
    assert len(controller.trainer.history) == history
    # the diagram redraws with the new number
    view.redraw()
    assert view._data["weights"][layer][i, j] == 0.75
    stack.undo()
    assert controller.trainer.net.weights[layer][i, j] == old  # bit for bit
    stack.redo()
    assert controller.trainer.net.weights[layer][i, j] == 0.75


def test_double_click_a_neuron_types_its_bias(diagram, qtbot):
    view, controller, stack = diagram
    node = view.nodes[2][3]
    _double_click(qtbot, view, _centre(view, node))
    assert view.editor.ref == (1, "b", 3, 0)
    _type(qtbot, view, "-1,5")  # a decimal comma is read too
    assert controller.trainer.net.biases[1][3] == -1.5
    # an input neuron has no bias: no editor
    view.editor.cancel()
    _double_click(qtbot, view, _centre(view, view.nodes[0][0]))
    assert not view.editor.isVisible()


@pytest.mark.parametrize("text, code", [("abc", "not_a_number"), ("", "empty"),
                                        ("inf", "not_finite"), ("nan", "not_finite"),
                                        ("2e6", "too_large")])
def test_bad_text_shows_a_message_and_changes_nothing(diagram, qtbot, text, code):
    view, controller, stack = diagram
    edge = view.edges[2][1]
    layer, _, i, j = edge.parameter
    before = [w.copy() for w in controller.trainer.net.weights]
    errors = []
    controller.errorOccurred.connect(errors.append)
    _double_click(qtbot, view, _centre(view, edge))
    view.editor.clear()
    if text:
        qtbot.keyClicks(view.editor, text)
    qtbot.keyClick(view.editor, QtCore.Qt.Key.Key_Return)
    assert weight_edits.parse_value(text) == (None, code)
    assert view.editor.isVisible()  # the field stays open to be corrected
    assert view.editor.error == weight_edits.error_text(code, text) and view.editor.error
    assert errors == [view.editor.error]
    assert stack.count() == 0
    for old, new in zip(before, controller.trainer.net.weights, strict=True):
        assert np.array_equal(old, new)


def test_scroll_nudges_and_consecutive_nudges_merge_into_one_command(diagram, qtbot):
    view, controller, stack = diagram
    edge = view.edges[2][2]
    layer, _, i, j = edge.parameter
    weights = controller.trainer.net.weights[layer]
    old = weights[i, j]
    pos = _centre(view, edge)
    _wheel(view, pos)
    assert weights[i, j] == old + weight_edits.NUDGE_STEP
    _wheel(view, pos)
    _wheel(view, pos, shift=True)
    expected = old + weight_edits.NUDGE_STEP + weight_edits.NUDGE_STEP
    expected += weight_edits.FINE_NUDGE_STEP
    assert weights[i, j] == expected
    assert stack.count() == 1
    stack.undo()
    assert weights[i, j] == old
    stack.redo()
    assert weights[i, j] == expected
    # another parameter starts a new command
    _wheel(view, _centre(view, view.biases[0][1]), steps=-1)
    assert stack.count() == 2


def test_a_typed_value_does_not_merge_with_nudges(diagram):
    view, controller, stack = diagram
    ref = (0, "W", 0, 0)
    view.nudge_parameter(ref, 1)
    view.edit_parameter(ref, 0.25)
    view.nudge_parameter(ref, 1)
    assert stack.count() == 3


def test_edits_are_refused_while_playing(diagram, qtbot):
    view, controller, stack = diagram
    edge = view.edges[2][0]
    controller.set_speed(1.0)
    controller.play()
    try:
        errors = []
        controller.errorOccurred.connect(errors.append)
        _double_click(qtbot, view, _centre(view, edge))
        assert not view.editor.isVisible()
        _wheel(view, _centre(view, edge))
        assert not view.nudge_parameter(edge.parameter, 1)
        assert controller.playing  # refused, not paused
        assert stack.count() == 0
        assert len(errors) == 3  # the double-click, the wheel, the call
        assert set(errors) == {weight_edits.can_edit(controller)}
    finally:
        controller.pause()


def test_play_closes_an_open_editor(diagram, qtbot):
    view, controller, _ = diagram
    _double_click(qtbot, view, _centre(view, view.edges[2][0]))
    assert view.editor.isVisible()
    controller.play()
    controller.pause()
    assert not view.editor.isVisible()


def test_edits_are_refused_mid_step(diagram):
    view, controller, stack = diagram
    controller.forward()
    assert not view.nudge_parameter((0, "W", 0, 0), 1)
    assert stack.count() == 0


def test_undo_does_nothing_when_the_network_changed_since(diagram):
    view, controller, stack = diagram
    view.edit_parameter((0, "W", 0, 0), 3.0)
    controller.step()  # training moved the weight on
    moved = controller.trainer.net.weights[0][0, 0]
    stack.undo()
    assert controller.trainer.net.weights[0][0, 0] == moved


def test_controller_set_parameter_refuses_absurd_values():
    controller = TrainingController()
    errors = []
    controller.errorOccurred.connect(errors.append)
    old = controller.parameter_value((0, "W", 0, 0))
    for value in (float("inf"), float("nan"), 1e7, -1e7):
        assert not controller.set_parameter((0, "W", 0, 0), value)
    assert controller.parameter_value((0, "W", 0, 0)) == old
    assert len(errors) == 4
    with pytest.raises(ValueError):
        controller.set_parameter((9, "W", 0, 0), 1.0)


def test_the_editor_shows_the_whole_value_and_grows_with_the_text(diagram, qtbot):
    view, controller, stack = diagram
    edge = view.edges[1][0]
    layer, _, i, j = edge.parameter
    controller.set_parameter(edge.parameter, -0.0016529125083412345)
    _double_click(qtbot, view, _centre(view, edge))
    editor = view.editor
    text = editor.text()
    assert text == repr(-0.0016529125083412345)
    inner = editor.style().subElementRect(
        QtWidgets.QStyle.SubElement.SE_LineEditContents, _frame_option(editor), editor)
    assert editor.fontMetrics().horizontalAdvance(text) <= inner.width()
    qtbot.keyClicks(editor, "123456789")  # typing more: the field grows, within the view
    inner = editor.style().subElementRect(
        QtWidgets.QStyle.SubElement.SE_LineEditContents, _frame_option(editor), editor)
    assert editor.fontMetrics().horizontalAdvance(editor.text()) <= inner.width() or \
        editor.width() == view.view.viewport().width()
    assert editor.geometry().right() <= view.view.viewport().width()


def _frame_option(editor):
    option = QtWidgets.QStyleOptionFrame()
    editor.initStyleOption(option)
    return option


def test_a_good_edit_withdraws_the_error_of_a_bad_one(diagram, qtbot):
    view, controller, stack = diagram
    edge = view.edges[2][1]
    errors, withdrawn = [], []
    controller.errorOccurred.connect(errors.append)
    controller.errorWithdrawn.connect(withdrawn.append)
    _double_click(qtbot, view, _centre(view, edge))
    _type(qtbot, view, "2e6")
    assert errors and view.editor.isVisible()
    _type(qtbot, view, "5")
    assert controller.parameter_value(edge.parameter) == 5.0
    assert withdrawn == errors[-1:]
