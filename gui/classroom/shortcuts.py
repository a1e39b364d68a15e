"""Keyboard shortcuts: ONE table (:data:`SHORTCUTS`) sets the keys of the window's QActions and
fills Help ▸ Shortcuts, so the two cannot disagree.

Each row's ``target(window)`` gives its action (or list of actions) of the main window. The
View-menu entries of the views come from the view registry (:func:`view_rows`, added to the
View group by :func:`table_rows`). :class:`ShortcutKeys` gives each action its keys, takes
those keys away from any other action of the window (no ambiguous shortcuts), and adds every
action to the window itself so its keys work while the tool bar or dock holding it is hidden
(presenter mode).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.workspace_names import WORKSPACES
from gui.common.i18n import manager
from gui.common.views import WindowView

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Shortcut:
    """One row: ``keys`` are portable QKeySequence strings (the first is the main one; for a list
    of actions, one key per action); ``description`` is English, translated in context
    "Shortcuts"; ``group`` is a heading of the Help dialog; ``target(window)`` is the row's
    QAction (or list of QActions) in the main window."""

    id: str
    keys: tuple[str, ...]
    group: str
    description: str
    target: Callable[[object], QtGui.QAction | Sequence[QtGui.QAction]]


_T = "Shortcuts"  # context of the table texts (marked with QT_TRANSLATE_NOOP below)
TRAINING = QT_TRANSLATE_NOOP("Shortcuts", "Training")
DRAWING = QT_TRANSLATE_NOOP("Shortcuts", "Drawing")
VIEW = QT_TRANSLATE_NOOP("Shortcuts", "View")
FILE = QT_TRANSLATE_NOOP("Shortcuts", "File")
GROUPS = (TRAINING, DRAWING, VIEW, FILE)

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("play", ("Space",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Play / pause"), lambda w: w.step_toolbar.play_action),
    Shortcut("max_speed", ("M",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Play as fast as possible / at the calm speed"),
             lambda w: w.step_toolbar.max_speed_action),
    Shortcut("next_phase", ("Right",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Next phase: forward → backward → update"),
             lambda w: w.next_phase_action),
    Shortcut("step", ("Shift+Right", "S"), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Full step (all three phases)"),
             lambda w: w.step_toolbar.step_action),
    Shortcut("epoch", ("E",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "One epoch"),
             lambda w: w.step_toolbar.epoch_action),
    Shortcut("rewind", ("Left",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Rewind one step"),
             lambda w: w.step_toolbar.rewind_action),
    Shortcut("reset", ("R",), TRAINING,
             QT_TRANSLATE_NOOP("Shortcuts", "Reset the weights (re-initialize from the seed)"),
             lambda w: w.step_toolbar.reset_action),
    Shortcut("forward", ("F",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Forward phase"),
             lambda w: w.step_toolbar.forward_action),
    Shortcut("backward", ("B",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Backward phase"),
             lambda w: w.step_toolbar.backward_action),
    Shortcut("update", ("U",), TRAINING, QT_TRANSLATE_NOOP("Shortcuts", "Update phase"),
             lambda w: w.step_toolbar.update_action),
    Shortcut("class", tuple(str(k) for k in range(1, 9)), DRAWING,
             QT_TRANSLATE_NOOP("Shortcuts", "Class of new points (1–8)"),
             lambda w: w.draw_toolbar.class_actions),
    Shortcut("pen", ("P",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Pen: click adds a point"),
             lambda w: w.draw_toolbar.tool_actions["draw"]),
    Shortcut("brush", ("A",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Brush: drag sprays points"),
             lambda w: w.draw_toolbar.tool_actions["brush"]),
    Shortcut("eraser", ("X",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Eraser"),
             lambda w: w.draw_toolbar.tool_actions["erase"]),
    Shortcut("undo", ("Ctrl+Z",), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Undo"),
             lambda w: w.draw_toolbar.undo_action),
    Shortcut("redo", ("Ctrl+Shift+Z", "Ctrl+Y"), DRAWING, QT_TRANSLATE_NOOP("Shortcuts", "Redo"),
             lambda w: w.draw_toolbar.redo_action),
    Shortcut("clear", ("Ctrl+Delete",), DRAWING,
             QT_TRANSLATE_NOOP("Shortcuts", "Clear all points"), lambda w: w.draw_toolbar.clear_action),
    Shortcut("workspace", tuple(f"Ctrl+{n}" for n in range(1, len(WORKSPACES) + 1)), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Workspace 1, 2, 3 … (the tabs, in order)"),
             lambda w: w.workspaces.actions),
    Shortcut("presenter", ("F5",), VIEW, QT_TRANSLATE_NOOP("Shortcuts", "Presenter mode on / off"),
             lambda w: w.presenter_mode.action),
    Shortcut("fullscreen", ("F11",), VIEW, QT_TRANSLATE_NOOP("Shortcuts", "Full screen on / off"),
             lambda w: w.presenter_mode.fullscreen_action),
    Shortcut("discretize", ("D",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "Discretize the decision boundary"),
             lambda w: w.discretize_action),
    Shortcut("log_loss", ("L",), VIEW, QT_TRANSLATE_NOOP("Shortcuts", "Log-scale loss curve"),
             lambda w: w.log_action),
    Shortcut("help_shortcuts", ("F1",), VIEW,
             QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"),
             lambda w: w.shortcuts_action),
    Shortcut("new_scene", ("Ctrl+N",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "New scene"),
             lambda w: w.scene_files.new_action),
    Shortcut("open_scene", ("Ctrl+O",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Open a scene…"),
             lambda w: w.scene_files.open_action),
    Shortcut("save_scene", ("Ctrl+S",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Save the scene"),
             lambda w: w.scene_files.save_action),
    Shortcut("save_scene_as", ("Ctrl+Shift+S",), FILE,
             QT_TRANSLATE_NOOP("Shortcuts", "Save the scene as…"),
             lambda w: w.scene_files.save_as_action),
    Shortcut("import_csv", ("Ctrl+I",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Import CSV…"),
             lambda w: w.import_action),
    Shortcut("quit", ("Ctrl+Q",), FILE, QT_TRANSLATE_NOOP("Shortcuts", "Quit"),
             lambda w: w.quit_action),
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


def view_rows(views: Sequence[WindowView]) -> tuple[Shortcut, ...]:
    """One View-group row per docked view with a shortcut: its dock's View-menu toggle."""
    return tuple(Shortcut(view.id, (view.spec.shortcut,), VIEW, view.spec.shortcut_text,
                          lambda _window, dock=view.dock: dock.toggleViewAction())
                 for view in views if view.spec.shortcut and view.dock is not None)


def table_rows(views: Sequence[Shortcut] = ()) -> tuple[Shortcut, ...]:
    """:data:`SHORTCUTS` with the views' rows at the end of the View group."""
    last_view = max(i for i, row in enumerate(SHORTCUTS) if row.group == VIEW)
    return (*SHORTCUTS[:last_view + 1], *views, *SHORTCUTS[last_view + 1:])


def _row_actions(window, row: Shortcut) -> list[tuple[QtGui.QAction, list[str]]]:
    target = row.target(window)
    if isinstance(target, list | tuple):
        return [(action, [key]) for action, key in zip(target, row.keys, strict=False)]
    return [(target, list(row.keys))]


def _all_actions(window) -> list[QtGui.QAction]:
    return window.findChildren(QtGui.QAction)


class ShortcutKeys(QtCore.QObject):
    """The keys of ``rows`` (default :data:`SHORTCUTS`) on the actions of ``window`` (the main
    window, whose attributes the rows' targets read), Help ▸ Shortcuts and the texts this
    module owns: ``next_phase_action`` and ``shortcuts_action`` (which opens the dialog), and
    the tool tips 'description (key)'. ``rows``: the rows applied; ``dialog``: the open
    Help ▸ Shortcuts dialog, or None."""

    def __init__(self, window: QtWidgets.QMainWindow, next_phase_action: QtGui.QAction,
                 shortcuts_action: QtGui.QAction,
                 rows: Sequence[Shortcut] = SHORTCUTS) -> None:
        super().__init__(window)
        self.window = window
        self.next_phase_action = next_phase_action
        self.shortcuts_action = shortcuts_action
        self.rows = tuple(rows)
        self.dialog: ShortcutsDialog | None = None
        owned: dict[QtGui.QAction, list[str]] = {}
        for row in self.rows:
            for action, keys in _row_actions(window, row):
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
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the window

    def retranslate(self, _language: str = "") -> None:
        self.next_phase_action.setText(translate("Shortcuts", "Next phase"))
        self.shortcuts_action.setText(translate("Shortcuts", "Shortcuts…"))
        for row in self.rows:  # tool tips 'description (key)'
            for action, keys in _row_actions(self.window, row):
                action.setToolTip(f"{translate(_T, row.description)} ({key_text(keys[0])})")

    def table(self) -> list[tuple[str, str, str]]:
        """The rows of Help ▸ Shortcuts (see :func:`shortcut_table`)."""
        return shortcut_table(self.window, self.rows)

    def show_dialog(self) -> ShortcutsDialog:
        """Open Help ▸ Shortcuts (modeless, so it can stay open next to the window)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ShortcutsDialog(self.window, self.rows)
        self.dialog.show()
        return self.dialog


def shortcut_table(window=None, rows: Sequence[Shortcut] = SHORTCUTS
                   ) -> list[tuple[str, str, str]]:
    """(group, keys, description) rows for the Help dialog, translated. With a window, the
    ``rows`` followed by any other action of the window that has keys."""
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

    def __init__(self, window=None, rows: Sequence[Shortcut] = SHORTCUTS, parent=None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.rows = shortcut_table(window, rows)
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
