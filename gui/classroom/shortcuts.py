"""Keyboard shortcuts: ONE table (:data:`SHORTCUTS`) sets the keys of the window's QActions and
fills Help ▸ Shortcuts, so the two cannot disagree.

Each row names its action by a path from the main window (``"step_toolbar.play_action"``,
``"draw_toolbar.class_actions"`` for a list, ``"draw_toolbar.tool_actions.brush"`` for a dict
entry). :func:`install_shortcuts` gives each action its keys, takes those keys away from any
other action of the window (no ambiguous shortcuts), and adds every action to the window itself
so its keys work while the tool bar or dock holding it is hidden (presenter mode).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Shortcut:
    """One row: ``keys`` are portable QKeySequence strings (the first is the main one; for a list
    of actions, one key per action); ``description`` is English, translated in context
    "Shortcuts"; ``group`` is a heading of the Help dialog."""

    id: str
    keys: tuple[str, ...]
    group: str
    description: str
    target: str


_T = "Shortcuts"  # context of the table texts (marked with QT_TRANSLATE_NOOP below)
TRAINING = QT_TRANSLATE_NOOP("Shortcuts", "Training")
DRAWING = QT_TRANSLATE_NOOP("Shortcuts", "Drawing")
VIEW = QT_TRANSLATE_NOOP("Shortcuts", "View")
FILE = QT_TRANSLATE_NOOP("Shortcuts", "File")
GROUPS = (TRAINING, DRAWING, VIEW, FILE)

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("play", ("Space",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Play / pause"), "step_toolbar.play_action"),
    Shortcut("next_phase", ("Right",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Next phase: forward → backward → update"),
             "next_phase_action"),
    Shortcut("step", ("Shift+Right", "S"), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Full step (all three phases)"),
             "step_toolbar.step_action"),
    Shortcut("epoch", ("E",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "One epoch"),
             "step_toolbar.epoch_action"),
    Shortcut("rewind", ("Left",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Rewind one step"),
             "step_toolbar.rewind_action"),
    Shortcut("reset", ("R",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Reset the weights (re-initialize from the seed)"),
             "step_toolbar.reset_action"),
    Shortcut("forward", ("F",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Forward phase"),
             "step_toolbar.forward_action"),
    Shortcut("backward", ("B",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Backward phase"),
             "step_toolbar.backward_action"),
    Shortcut("update", ("U",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Update phase"),
             "step_toolbar.update_action"),
    Shortcut("class", tuple(str(k) for k in range(1, 9)), DRAWING,
             QT_TRANSLATE_NOOP("Shortcuts", "Class of new points (1–8)"),
             "draw_toolbar.class_actions"),
    Shortcut("pen", ("P",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Pen: click adds a point"),
             "draw_toolbar.tool_actions.draw"),
    Shortcut("brush", ("A",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Brush: drag sprays points"),
             "draw_toolbar.tool_actions.brush"),
    Shortcut("eraser", ("X",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Eraser"),
             "draw_toolbar.tool_actions.erase"),
    Shortcut("undo", ("Ctrl+Z",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Undo"),
             "draw_toolbar.undo_action"),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Redo"),
             "draw_toolbar.redo_action"),
    Shortcut("clear", ("Ctrl+Delete",), DRAWING,
             QT_TRANSLATE_NOOP("Shortcuts", "Clear all points"), "draw_toolbar.clear_action"),
    Shortcut("presenter", ("F5",), VIEW, QT_TRANSLATE_NOOP("Shortcuts", "Presenter mode on / off"),
             "presenter_mode.action"),
    Shortcut("fullscreen", ("F11",), VIEW, QT_TRANSLATE_NOOP("Shortcuts", "Full screen on / off"),
             "presenter_mode.fullscreen_action"),
    Shortcut("discretize", ("D",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Discretize the decision boundary"),
             "discretize_action"),
    Shortcut("log_loss", ("L",), VIEW, QT_TRANSLATE_NOOP("Shortcuts", "Log-scale loss curve"),
             "log_action"),
    Shortcut("help_shortcuts", ("F1",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"), "shortcuts_action"),
    Shortcut("diagram", ("Ctrl+Shift+N",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the network diagram"),
             "docks.Network diagram.toggleViewAction"),
    Shortcut("inspector", ("Ctrl+Shift+I",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the inspector"),
             "docks.Inspector.toggleViewAction"),
    Shortcut("weights", ("Ctrl+Shift+W",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the weight and gradient heatmaps"),
             "docks.Weights.toggleViewAction"),
    Shortcut("gradient_norms", ("Ctrl+Shift+G",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the gradient norms"),
             "docks.Gradient norms.toggleViewAction"),
    Shortcut("new_scene", ("Ctrl+N",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "New scene"),
             "scene_files.new_action"),
    Shortcut("open_scene", ("Ctrl+O",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Open a scene…"),
             "scene_files.open_action"),
    Shortcut("save_scene", ("Ctrl+S",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Save the scene"),
             "scene_files.save_action"),
    Shortcut("save_scene_as", ("Ctrl+Shift+S",), FILE,
             QT_TRANSLATE_NOOP("Shortcuts", "Save the scene as…"), "scene_files.save_as_action"),
    Shortcut("import_csv", ("Ctrl+I",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Import CSV…"),
             "import_action"),
    Shortcut("quit", ("Ctrl+Q",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Quit"), "quit_action"),
)

MOUSE = QT_TRANSLATE_NOOP("Shortcuts", "Mouse")
#: Mouse gestures, listed in the Help dialog after the keys: (gesture, description).
MOUSE_HINTS = (
    (QT_TRANSLATE_NOOP("Shortcuts", "Left click"),
     QT_TRANSLATE_NOOP("Shortcuts", "Add a point of the current class")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Right click"),
     QT_TRANSLATE_NOOP("Shortcuts", "Add a point of the next class")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+click"),
     QT_TRANSLATE_NOOP("Shortcuts", "Remove the nearest point")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Shift+click a point"),
     QT_TRANSLATE_NOOP("Shortcuts", "Select the sample (inspector, input-gradient arrow)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Click an edge, bias or heatmap cell"),
     QT_TRANSLATE_NOOP("Shortcuts", "Select that parameter (inspector, predict-then-reveal)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Hover a neuron"),
     QT_TRANSLATE_NOOP("Shortcuts", "Show its activation map on the canvas")),
)

#: How keys are shown in the Help dialog and tool tips.
_KEY_SYMBOLS = {"Right": "→", "Left": "←", "Up": "↑", "Down": "↓"}


def key_text(key: str) -> str:
    """'Shift+Right' → 'Shift+→'; other keys as QKeySequence's portable text."""
    parts = QtGui.QKeySequence(key).toString().split("+")
    return "+".join(_KEY_SYMBOLS.get(part, part) for part in parts) if parts != [""] else key


def keys_text(row: Shortcut) -> str:
    """The keys of a row for display: '1 … 8' for a class row, else 'Shift+→ / S'."""
    if len(row.keys) > 2:  # one key per action of a list (classes 1 … 8)
        return f"{key_text(row.keys[0])} … {key_text(row.keys[-1])}"
    return " / ".join(key_text(key) for key in row.keys)


def resolve(window, path: str):
    """The QAction (or list of QActions) at ``path`` from ``window``; None if missing.

    Parts are attributes or dict keys; a method at the end is called
    (``"docks.Inspector.toggleViewAction"``)."""
    obj = window
    for part in path.split("."):
        if isinstance(obj, dict):
            obj = obj.get(part)
        else:
            obj = getattr(obj, part, None)
        if obj is None:
            return None
    if callable(obj) and not isinstance(obj, QtGui.QAction):
        obj = obj()
    return obj


def _row_actions(window, row: Shortcut) -> list[tuple[QtGui.QAction, list[str]]]:
    target = resolve(window, row.target)
    if target is None:
        return []
    if isinstance(target, list | tuple):
        return [(action, [key]) for action, key in zip(target, row.keys, strict=False)]
    return [(target, list(row.keys))]


def _all_actions(window) -> list[QtGui.QAction]:
    return window.findChildren(QtGui.QAction)


def make_next_phase_action(window) -> QtGui.QAction:
    """'Next phase' (→): triggers whichever of Forward / Backward / Update is enabled, so it
    follows the trainer's phase and goes through the predict-then-reveal pause."""
    action = QtGui.QAction(translate("Shortcuts", "Next phase"), window)
    action.setObjectName("nextPhaseAction")
    toolbar = window.step_toolbar

    def next_phase() -> None:
        for candidate in (toolbar.forward_action, toolbar.backward_action,
                          toolbar.update_action):
            if candidate.isEnabled():
                candidate.trigger()
                return

    action.triggered.connect(next_phase)
    return action


def install_shortcuts(window) -> list[Shortcut]:
    """Give the window's actions the keys of :data:`SHORTCUTS`; returns the rows applied.

    Creates ``window.next_phase_action`` and ``window.shortcuts_action`` (Help ▸ Shortcuts)
    when missing; the caller puts them in menus.
    """
    if getattr(window, "next_phase_action", None) is None:
        window.next_phase_action = make_next_phase_action(window)
    if getattr(window, "shortcuts_action", None) is None:
        window.shortcuts_action = QtGui.QAction(translate("Shortcuts", "Shortcuts…"),
                                                window)
        window.shortcuts_action.triggered.connect(lambda: show_shortcuts_dialog(window))
    applied: list[Shortcut] = []
    owned: dict[QtGui.QAction, list[str]] = {}
    for row in SHORTCUTS:
        pairs = _row_actions(window, row)
        if pairs:
            applied.append(row)
        for action, keys in pairs:
            owned[action] = keys
    taken = {QtGui.QKeySequence(key) for keys in owned.values() for key in keys}
    for action in _all_actions(window):  # no other action may keep a key of the table
        if action in owned:
            continue
        kept = [seq for seq in action.shortcuts() if seq not in taken]
        if len(kept) != len(action.shortcuts()):
            action.setShortcuts(kept)
    for action, keys in owned.items():
        action.setShortcuts([QtGui.QKeySequence(key) for key in keys])
        action.setShortcutContext(QtCore.Qt.ShortcutContext.WindowShortcut)
        if action not in window.actions():
            window.addAction(action)  # keys work while its tool bar or dock is hidden
    window.shortcut_rows = applied
    texts = ShortcutTexts(window)
    texts.retranslate()
    from gui.common.i18n import manager

    manager().languageChanged.connect(texts.retranslate)  # bound: ends with the window
    return applied


class ShortcutTexts(QtCore.QObject):
    """Keeps the texts this module owns (Next phase, Shortcuts…, tool tips) translated."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def retranslate(self, _language: str = "") -> None:
        self.window.next_phase_action.setText(translate("Shortcuts", "Next phase"))
        self.window.shortcuts_action.setText(translate("Shortcuts", "Shortcuts…"))
        retranslate_tooltips(self.window)


def retranslate_tooltips(window) -> None:
    """Tool tips 'description (key)' from the table, in the current language."""
    for row in getattr(window, "shortcut_rows", SHORTCUTS):
        for action, keys in _row_actions(window, row):
            action.setToolTip(f"{translate(_T, row.description)} ({key_text(keys[0])})")


def shortcut_table(window=None) -> list[tuple[str, str, str]]:
    """(group, keys, description) rows for the Help dialog, translated. With a window, only
    rows whose action exists, followed by any other action of the window that has keys."""
    rows = SHORTCUTS if window is None else getattr(window, "shortcut_rows", SHORTCUTS)
    table = [(translate(_T, row.group), keys_text(row), translate(_T, row.description))
             for row in rows]
    if window is not None:
        listed = {action for row in rows for action, _ in _row_actions(window, row)}
        for action in _all_actions(window):
            if action not in listed and action.shortcuts() and action.text():
                keys = " / ".join(key_text(seq.toString()) for seq in action.shortcuts())
                table.append((translate("Shortcuts", "More"), keys, action.text().replace("&", "")))
    table += [(translate("Shortcuts", MOUSE), translate("Shortcuts", gesture),
               translate("Shortcuts", description)) for gesture, description in MOUSE_HINTS]
    return table


class ShortcutsDialog(QtWidgets.QDialog):
    """Help ▸ Shortcuts: a read-only table of :func:`shortcut_table`, one heading per group."""

    def __init__(self, window=None, parent=None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.rows = shortcut_table(window)
        groups = list(dict.fromkeys(group for group, _, _ in self.rows))
        self.table = QtWidgets.QTableWidget(len(self.rows) + len(groups), 2, self)
        self.table.setHorizontalHeaderLabels([translate("Shortcuts", "Keys"),
                                               translate("Shortcuts", "Action")])
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        bold = QtGui.QFont(self.font())
        bold.setBold(True)
        shade = self.palette().color(QtGui.QPalette.ColorRole.AlternateBase)
        r = 0
        for group in groups:
            heading = QtWidgets.QTableWidgetItem(group)
            heading.setFont(bold)
            heading.setBackground(shade)
            self.table.setItem(r, 0, heading)
            self.table.setSpan(r, 0, 1, 2)
            r += 1
            for row_group, keys, description in self.rows:
                if row_group != group:
                    continue
                key_item = QtWidgets.QTableWidgetItem(keys)
                key_item.setFont(bold)
                self.table.setItem(r, 0, key_item)
                self.table.setItem(r, 1, QtWidgets.QTableWidgetItem(description))
                r += 1
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        width = sum(self.table.columnWidth(c) for c in range(2)) + 60
        height = sum(self.table.rowHeight(i) for i in range(self.table.rowCount())) + 110
        self.resize(max(480, min(width, 900)), min(height, 760))


def show_shortcuts_dialog(window) -> ShortcutsDialog:
    """Open Help ▸ Shortcuts (modeless, so it can stay open next to the window)."""
    dialog = getattr(window, "_shortcuts_dialog", None)
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
    dialog = ShortcutsDialog(window)
    window._shortcuts_dialog = dialog
    dialog.show()
    return dialog
