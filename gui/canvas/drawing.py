"""Turns canvas requests (click, right click, Ctrl+click, brush strokes) into undo commands.

- Left click: a point of the current class exactly at the clicked data coordinates.
- Right click: a point of the next class (cycling through the classes in use).
- Ctrl+click or the eraser: removes the nearest point (within a few pixels' tolerance).
- Brush drag: sprays points of the current class around the cursor; one stroke = one undo.
- Regression: 1-D adds (x, y) as input and target; 2-D adds target +1 (left) or −1 (right).
New points join the training or test set so that each class keeps the chosen train share.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui
from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.datasets import TEST, TRAIN, VALIDATION
from gui.canvas.presenter import canvas_positions
from gui.canvas.commands import AddPointCommand, RemovePointCommand, push_snapshot
from gui.common.i18n import manager
from gui.common.undo_text import CommandText, retranslate_stack
from gui.common.number_format import fixed

#: Brush spray radius in screen pixels and points per mouse-move event.
BRUSH_RADIUS_PX = 18
BRUSH_POINTS_PER_MOVE = 1
#: Eraser (and selection) reach in screen pixels (beyond it, nothing is picked).
ERASE_REACH_PX = 40
#: Data settings that draw a new point set (see core.session); changing them is undoable.
REGENERATING = ("task", "preset", "n_points", "noise", "seed")
#: Undo texts ("Undo Add point (0.50, 1.20)"), shown translated (see gui.canvas.commands).
ADD_POINT_AT = QT_TRANSLATE_NOOP("UndoCommands", "Add point ({0}, {1})")
ERASE_POINT = QT_TRANSLATE_NOOP("UndoCommands", "Erase point")
CHANGE_DATA_SET = QT_TRANSLATE_NOOP("UndoCommands", "Change data set")
BRUSH_STROKE = QT_TRANSLATE_NOOP("UndoCommands", "Brush stroke")
CLEAR_POINTS = QT_TRANSLATE_NOOP("UndoCommands", "Clear points")
REGENERATE = QT_TRANSLATE_NOOP("UndoCommands", "Regenerate")
IMPORT_DATA = QT_TRANSLATE_NOOP("UndoCommands", "Import {0}")


class DrawingController(QtCore.QObject):
    """Holds the drawing state (current class, tool) and the QUndoStack of point edits."""

    classChanged = QtCore.Signal(int)

    def __init__(self, controller, canvas, undo_stack: QtGui.QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.canvas = canvas
        self.undo_stack = undo_stack
        self.current_class = 0
        self.rng = np.random.default_rng(12345)  # brush spray only; not part of training
        self._stroke_open = False
        self._stroke_first = False  # the next point added starts a brush macro
        canvas.addRequested.connect(self.add_at)
        canvas.eraseRequested.connect(self.erase_at)
        canvas.strokeRequested.connect(self.stroke)
        canvas.selectRequested.connect(self.select_at)
        controller.pointsReplaced.connect(self._points_replaced)
        # before the tool bar shows the texts again (it connects later)
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        """Undo texts of the commands on the stack in the current language."""
        retranslate_stack(self.undo_stack)

    def _points_replaced(self) -> None:
        """A new point set that the undo history knows nothing about: forget the history."""
        if self.controller.undo_depth == 0 and not self._stroke_open:
            self.undo_stack.clear()

    @property
    def session(self):
        return self.controller.session

    def set_class(self, label: int) -> None:
        """Choose the class for new points (0..7)."""
        self.current_class = int(np.clip(label, 0, 7))
        self.classChanged.emit(self.current_class)

    def next_class(self) -> int:
        k = max(2, self.session.points.n_classes)
        return (self.current_class + 1) % k

    def _split_code(self, label) -> int:
        """Keep the shares per class: a training point while train/total stays ≤ the training
        share (the first point of a class always trains), else a validation point while
        validation/total stays ≤ the validation share, else a test point."""
        points = self.session.points
        data = self.session.data
        if points.task == "classification":
            same = points.y == int(label)
        else:
            same = np.ones(len(points), dtype=bool)
        n_same = int(np.count_nonzero(same))
        n_train = int(np.count_nonzero(points.train & same))
        if n_train < data.train_fraction * (n_same + 1) - 1e-9 or n_train == 0:
            return TRAIN
        n_validation = int(np.count_nonzero(points.validation & same))
        if n_validation < data.validation_fraction * (n_same + 1) - 1e-9:
            return VALIDATION
        return TEST

    def _point_and_label(self, x: float, y: float, alternate: bool):
        points = self.session.points
        if points.task == "classification":
            label = self.next_class() if alternate else self.current_class
            return (np.array([x]) if points.dim == 1 else np.array([x, y])), label
        if points.dim == 1:
            return np.array([x]), float(y)
        return np.array([x, y]), (-1.0 if alternate else 1.0)

    def add_at(self, x: float, y: float, alternate: bool = False) -> None:
        point, label = self._point_and_label(x, y, alternate)
        text = CommandText(ADD_POINT_AT, (fixed(x, 2), fixed(y, 2)))
        try:
            command = AddPointCommand(self.controller, point, label, self._split_code(label),
                                      text)
            if self._stroke_first:  # the macro's text follows the language (retranslate)
                command.macro_i18n = CommandText(BRUSH_STROKE)
            self.undo_stack.push(command)
            self._stroke_first = False
        except ValueError as error:  # e.g. outside the allowed labels
            self.controller.errorOccurred.emit(str(error))

    def _nearest(self, x: float, y: float, candidates: np.ndarray) -> int | None:
        """Index (into the points) of the candidate nearest to (x, y) on screen, or None if
        none lies within ERASE_REACH_PX pixels."""
        if candidates.size == 0:
            return None
        px, py = self.canvas.pixel_size()
        # distance in screen pixels, so the reach does not depend on the axes' scales
        positions = canvas_positions(self.session.points, candidates)
        distance = np.hypot((positions[:, 0] - x) / px, (positions[:, 1] - y) / py)
        best = int(np.argmin(distance))
        return int(candidates[best]) if distance[best] <= ERASE_REACH_PX else None

    def erase_at(self, x: float, y: float) -> None:
        index = self._nearest(x, y, np.arange(len(self.session.points)))
        if index is not None:
            self.undo_stack.push(RemovePointCommand(self.controller, index,
                                                    CommandText(ERASE_POINT)))

    def select_at(self, x: float, y: float) -> None:
        """Select the training sample nearest to (x, y) (for the inspector), or clear."""
        train_indices = self.session.train_indices
        index = self._nearest(x, y, train_indices)
        self.controller.select_sample(
            None if index is None else int(np.searchsorted(train_indices, index)))

    def change_data_settings(self, changes: dict) -> None:
        """Data settings from the panel; those that draw new points are undoable."""
        if not any(key in changes for key in REGENERATING):
            self.controller.set_data_settings(**changes)
            return

        def apply() -> None:
            if not self.controller.set_data_settings(**changes):
                raise ValueError("invalid data settings")  # already reported by the controller

        try:
            push_snapshot(self.undo_stack, self.controller, CommandText(CHANGE_DATA_SET), apply)
        except ValueError:
            pass

    def stroke(self, x: float, y: float, phase: str) -> None:
        """Brush drag: spray points near (x, y); the whole stroke is one undo macro."""
        if phase == "start" and not self._stroke_open:
            self.undo_stack.beginMacro(CommandText(BRUSH_STROKE).render())
            self._stroke_open = True
            self._stroke_first = True
        if not self._stroke_open:
            return
        px, py = self.canvas.pixel_size()
        for _ in range(BRUSH_POINTS_PER_MOVE):
            angle = self.rng.uniform(0, 2 * np.pi)
            radius = BRUSH_RADIUS_PX * np.sqrt(self.rng.uniform())
            self.add_at(x + radius * np.cos(angle) * px, y + radius * np.sin(angle) * py)
        if phase == "finish":
            self.undo_stack.endMacro()
            self._stroke_open = False
            self._stroke_first = False

    def clear(self) -> None:
        if len(self.session.points):
            push_snapshot(self.undo_stack, self.controller, CommandText(CLEAR_POINTS),
                          self.controller.clear_points)

    def regenerate(self) -> None:
        push_snapshot(self.undo_stack, self.controller, CommandText(REGENERATE),
                      self.controller.regenerate)

    def import_dataset(self, dataset, source, describe=None) -> None:
        """Replace the points by an imported data set (undoable). Raises ValueError.

        ``source`` (core.data_source.DataSource) says where the data came from;
        ``describe(source)`` gives the text shown in the current language (the undo text
        follows language switches)."""
        shown = source if describe is None else (lambda: describe(source))
        push_snapshot(self.undo_stack, self.controller, CommandText(IMPORT_DATA, (shown,)),
                      lambda: self.controller.load_dataset(dataset, source))
