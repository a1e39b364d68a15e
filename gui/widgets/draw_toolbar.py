"""Draw toolbar: pen / brush / eraser tools, the current class (keys 1–8), undo, redo, clear."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal

from gui import colors

TOOL_INFO = (
    ("draw", "Pen", "P", "Click adds a point of the current class; right click the next class"),
    ("brush", "Brush", "A", "Drag to spray points of the current class"),
    ("erase", "Eraser", "X", "Click removes the nearest point (or Ctrl+click with any tool)"),
)


def class_icon(label: int, size: int = 14) -> QtGui.QIcon:
    pixmap = QtGui.QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setBrush(QtGui.QColor(colors.class_hex(label)))
    painter.setPen(QtGui.QPen(QtGui.QColor("#FFFFFF"), 1))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QtGui.QIcon(pixmap)


class DrawToolbar(QtWidgets.QToolBar):
    toolChanged = Signal(str)
    classChanged = Signal(int)

    def __init__(self, undo_stack: QtGui.QUndoStack, parent=None) -> None:
        super().__init__("Drawing", parent)
        self.setObjectName("drawToolbar")
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tool_group = QtGui.QActionGroup(self)
        self.tool_actions: dict[str, QtGui.QAction] = {}
        for name, text, key, tip in TOOL_INFO:
            act = QtGui.QAction(text, self)
            act.setCheckable(True)
            act.setShortcut(QtGui.QKeySequence(key))
            act.setToolTip(f"{tip} ({key})")
            act.triggered.connect(lambda _=False, name=name: self.toolChanged.emit(name))
            self.tool_group.addAction(act)
            self.tool_actions[name] = act
            self.addAction(act)
        self.tool_actions["draw"].setChecked(True)
        self.addSeparator()

        self.class_label = QtWidgets.QLabel(" class ")
        self.class_label_action = self.addWidget(self.class_label)
        self.class_group = QtGui.QActionGroup(self)
        self.class_actions: list[QtGui.QAction] = []
        for label in range(colors.MAX_CLASSES):
            act = QtGui.QAction(class_icon(label), str(label + 1), self)
            act.setCheckable(True)
            act.setShortcut(QtGui.QKeySequence(str(label + 1)))
            act.setToolTip(f"Class {label + 1} ({label + 1})"
                           + (": a 3rd class makes the task multi-class (softmax)"
                              if label >= 2 else ""))
            act.triggered.connect(lambda _=False, label=label: self.classChanged.emit(label))
            self.class_group.addAction(act)
            self.class_actions.append(act)
            self.addAction(act)
        self.class_actions[0].setChecked(True)
        self.hint = QtWidgets.QLabel()
        self.hint.setStyleSheet("color: #555; padding-left: 6px;")
        self.hint_action = self.addWidget(self.hint)
        self.addSeparator()

        # fixed texts (the stack's own actions would grow to "Undo Import penguins.csv: …");
        # what would be undone is shown in the tooltip
        self.undo_action = QtGui.QAction("Undo", self)
        self.undo_action.setShortcut(QtGui.QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(undo_stack.undo)
        undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(f"Undo {text} (Ctrl+Z)"))
        self.redo_action = QtGui.QAction("Redo", self)
        self.redo_action.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"),
                                       QtGui.QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(undo_stack.redo)
        undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setToolTip(f"Redo {text} (Ctrl+Shift+Z)"))
        self.undo_action.setEnabled(undo_stack.canUndo())
        self.redo_action.setEnabled(undo_stack.canRedo())
        self.clear_action = QtGui.QAction("Clear", self)
        self.clear_action.setShortcut(QtGui.QKeySequence("Ctrl+Delete"))
        self.clear_action.setToolTip("Remove every point (undoable, Ctrl+Delete)")
        for act in (self.undo_action, self.redo_action, self.clear_action):
            self.addAction(act)

    def show_class(self, label: int) -> None:
        self.class_actions[label].setChecked(True)

    def show_tool(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)

    def show_task(self, task: str, dim: int) -> None:
        """Classes are shown for classification; regression shows how clicks set targets."""
        classification = task == "classification"
        self.class_label_action.setVisible(classification)
        for act in self.class_actions:
            act.setVisible(classification)
            act.setEnabled(classification)
        if classification:
            self.hint.setText("")
        elif dim == 1:
            self.hint.setText("click adds the point (x, y)")
        else:
            self.hint.setText("click adds target +1, right click −1")
        self.hint_action.setVisible(not classification)
