"""Undoable point edits (QUndoCommand), executed through the TrainingController.

- AddPointCommand / RemovePointCommand: one point; redo/undo re-insert at the same index, so
  an undo/redo sequence restores the point set exactly (coordinates, label, train flag).
- SnapshotCommand: anything that replaces the whole point set (Clear, Regenerate, CSV import):
  the whole session before is captured (points, settings and the training: weights, history,
  step), the action runs on the first redo; each undo/redo first captures the session it
  leaves, so going back and forth loses nothing (not even training done in between).
A brush stroke is a macro (QUndoStack.beginMacro) of AddPointCommands, so it undoes in one go.
Every change runs with ``controller.undo_depth`` raised, so the DrawingController can tell it
from a change made elsewhere (a lesson, a scene file), after which it clears the history; and
each command checks that the points still fit it before acting (never an exception in undo).

Command texts (shown as "Undo <text>") are given as :class:`gui.common.undo_text.CommandText`
(an English source in context "UndoCommands" + arguments): they show in the current language,
and ``gui.common.undo_text.retranslate_stack`` renders them again after a language switch.
A plain str is shown as given.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.datasets import TRAIN
from gui.common.undo_text import CommandText, init_text

ADD_POINT = QT_TRANSLATE_NOOP("UndoCommands", "Add point")
REMOVE_POINT = QT_TRANSLATE_NOOP("UndoCommands", "Remove point")


@contextmanager
def _undoing(controller):
    """Mark point changes as made by the undo machinery (see TrainingController.undo_depth)."""
    controller.undo_depth += 1
    try:
        yield
    finally:
        controller.undo_depth -= 1


def _matches(controller, index: int, x: np.ndarray, label) -> bool:
    """True if point `index` still is (x, label): the history fits the current points."""
    points = controller.session.points
    return (0 <= index < len(points) and points.X.shape[1] == x.size
            and np.array_equal(points.X[index], x) and points.y[index] == label)


class AddPointCommand(QUndoCommand):
    """Add one point (raw coordinates `x` (dim,), `label` int class or float target, `split`
    its split code, ``core.datasets.TRAIN`` / ``VALIDATION`` / ``TEST``)."""

    def __init__(self, controller, x, label, split: int = TRAIN,
                 text: str | CommandText | None = None) -> None:
        super().__init__()
        self.setText(init_text(self, text or CommandText(ADD_POINT)))
        self.controller = controller
        self.x = np.array(x, dtype=np.float64).reshape(-1)
        self.label = label
        self.split = int(split)
        self.index: int | None = None

    def redo(self) -> None:
        with _undoing(self.controller):
            if self.index is None:
                self.index = self.controller.add_point(self.x, self.label, split=self.split)
            elif 0 <= self.index <= len(self.controller.session.points) and \
                    self.controller.session.points.dim == self.x.size:
                self.controller.insert_point(self.index, self.x, self.label, split=self.split)

    def undo(self) -> None:
        if self.index is not None and _matches(self.controller, self.index, self.x,
                                                self.label):
            with _undoing(self.controller):
                self.controller.remove_point(self.index)


class RemovePointCommand(QUndoCommand):
    """Remove the point at `index`; undo puts it back at the same index."""

    def __init__(self, controller, index: int, text: str | CommandText | None = None) -> None:
        super().__init__()
        self.setText(init_text(self, text or CommandText(REMOVE_POINT)))
        self.controller = controller
        self.index = int(index)
        self.saved: tuple | None = None

    def redo(self) -> None:
        points = self.controller.session.points
        if self.saved is not None and not _matches(self.controller, self.index,
                                                   self.saved[0], self.saved[1]):
            return  # the points changed under the history: do nothing rather than harm
        if 0 <= self.index < len(points):
            with _undoing(self.controller):
                self.saved = self.controller.remove_point(self.index)

    def undo(self) -> None:
        points = self.controller.session.points
        if self.saved is not None and 0 <= self.index <= len(points) and \
                points.dim == np.size(self.saved[0]):
            x, label, split = self.saved
            with _undoing(self.controller):
                self.controller.insert_point(self.index, x, label, split=split)


class SnapshotCommand(QUndoCommand):
    """Replace the point set (and data settings) by running `action`; undo restores the old one.

    `action` runs once, on the first redo. If it raises, the state is restored and the error
    propagates (the caller should then not keep the command on the stack; see `push_snapshot`).
    """

    def __init__(self, controller, text: str | CommandText,
                 action: Callable[[], None]) -> None:
        super().__init__()
        self.setText(init_text(self, text))
        self.controller = controller
        self.action = action
        self.before = controller.points_state()
        self.after: dict | None = None  # captured by each undo

    def redo(self) -> None:
        with _undoing(self.controller):
            if self.after is None:  # the first redo runs the action
                try:
                    self.action()
                except Exception:
                    self.controller.restore_points_state(self.before)
                    raise
            else:
                self.before = self.controller.points_state()
                self.controller.restore_points_state(self.after)

    def undo(self) -> None:
        with _undoing(self.controller):
            self.after = self.controller.points_state()
            self.controller.restore_points_state(self.before)


def push_snapshot(stack, controller, text: str | CommandText,
                  action: Callable[[], None]) -> None:
    """Run `action` as an undoable whole-point-set change. Errors propagate; nothing is pushed.

    The action runs before pushing, so a failure (e.g. a bad CSV) leaves neither a command on
    the stack nor a changed point set; the command is then pushed with its first redo skipped.
    """
    command = SnapshotCommand(controller, text, action)
    command.redo()  # may raise: nothing pushed, state restored
    stack.push(_AlreadyDone(command))


class _AlreadyDone(QUndoCommand):
    """Wrap a command whose first redo already ran, so QUndoStack.push does not run it twice."""

    def __init__(self, inner: QUndoCommand) -> None:
        super().__init__(inner.text())
        self.inner = inner
        if getattr(inner, "i18n", None) is not None:
            self.i18n = inner.i18n
        self._skip = True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.inner.redo()

    def undo(self) -> None:
        self.inner.undo()
