"""Draw toolbar: pen / brush / eraser tools, the current class (keys 1–8), undo, redo, clear."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal

from gui.common import colors
from gui.common.i18n import manager, translate

TOOL_INFO = (
    ("draw", "Pen", "P", QT_TRANSLATE_NOOP(
        "DrawToolbar", "Click adds a point of the current class; right click the next class")),
    ("brush", "Brush", "A",
     QT_TRANSLATE_NOOP("DrawToolbar", "Drag to spray points of the current class")),
    ("erase", "Eraser", "X", QT_TRANSLATE_NOOP(
        "DrawToolbar", "Click removes the nearest point (or Ctrl+click with any tool)")),
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


def class_tip(label: int) -> str:
    """Tooltip of the class-``label`` action (0-based), in the current language."""
    if label >= 2:
        return translate("DrawToolbar",
                         "Class {0} ({0}): a 3rd class makes the task multi-class (softmax)"
                         ).format(label + 1)
    return translate("DrawToolbar", "Class {0} ({0})").format(label + 1)


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
            act.setToolTip(f"{translate('DrawToolbar', tip)} ({key})")
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
            act.setToolTip(class_tip(label))
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
        self.undo_stack = undo_stack
        undo_stack.undoTextChanged.connect(self.show_undo_text)
        self.redo_action = QtGui.QAction("Redo", self)
        self.redo_action.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"),
                                       QtGui.QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(undo_stack.redo)
        undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        undo_stack.redoTextChanged.connect(self.show_redo_text)
        self.undo_action.setEnabled(undo_stack.canUndo())
        self.redo_action.setEnabled(undo_stack.canRedo())
        self.clear_action = QtGui.QAction("Clear", self)
        self.clear_action.setShortcut(QtGui.QKeySequence("Ctrl+Delete"))
        self.clear_action.setToolTip("Remove every point (undoable, Ctrl+Delete)")
        for act in (self.undo_action, self.redo_action, self.clear_action):
            self.addAction(act)
        self._hint = ""
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the toolbar

    def retranslate(self, _language: str = "") -> None:
        """Texts built here: class tips, the regression hint, what Undo/Redo would do.
        (A window's shortcut table may set the tool and class tips again afterwards.)"""
        for label, act in enumerate(self.class_actions):
            act.setToolTip(class_tip(label))
        self._show_hint()
        self.show_undo_texts()

    def show_undo_text(self, text: str) -> None:
        """Undo's tooltip names what it would undo (the stack's command text)."""
        self.undo_action.setToolTip(translate("DrawToolbar", "Undo {0} (Ctrl+Z)").format(text))

    def show_redo_text(self, text: str) -> None:
        self.redo_action.setToolTip(
            translate("DrawToolbar", "Redo {0} (Ctrl+Shift+Z)").format(text))

    def show_undo_texts(self) -> None:
        """Undo/Redo tooltips from the stack's current texts (after a language switch)."""
        if self.undo_stack.canUndo():
            self.show_undo_text(self.undo_stack.undoText())
        if self.undo_stack.canRedo():
            self.show_redo_text(self.undo_stack.redoText())

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
        self._hint = "" if classification else "1d" if dim == 1 else "2d"
        self._show_hint()
        self.hint_action.setVisible(not classification)

    def _show_hint(self) -> None:
        if self._hint == "1d":
            self.hint.setText(translate("DrawToolbar", "click adds the point (x, y)"))
        elif self._hint == "2d":
            self.hint.setText(translate("DrawToolbar", "click adds target +1, right click −1"))
        else:
            self.hint.setText("")
