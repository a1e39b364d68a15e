"""A seeded "monkey": random user actions across every control of the main window.

Controls are discovered by walking the window (``findChildren`` of combo boxes, spin boxes,
check boxes, buttons, sliders, line edits, docks and menu actions), restricted to visible and
enabled ones, so views added to the window later are covered without changing this file.
Blocking dialogs are answered by :class:`tests.reliability.ui.DialogStub`.

Every action is logged (``Monkey.log``) so a failure can be replayed from the seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import numpy as np
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import Qt

from tests.reliability import bad_files
from tests.reliability.ui import click_data, drag_data, process_events

#: Menu entries the monkey never triggers: they end the session under test.
SKIP_ACTION = re.compile(r"quit|exit|退出|close window", re.IGNORECASE)
TRAINING_KEYS = {
    "forward": (Qt.Key.Key_F, Qt.KeyboardModifier.NoModifier),
    "backward": (Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier),
    "update": (Qt.Key.Key_U, Qt.KeyboardModifier.NoModifier),
    "step": (Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier),
    "epoch": (Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier),
    "play": (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    "rewind": (Qt.Key.Key_R, Qt.KeyboardModifier.NoModifier),
    "reset": (Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier),
}
LEARNING_RATE_TEXTS = ("100", "1e-6", "10", "1000", "-1", "abc", "0", "1e-7", "0.5")


def _usable(widget: QtWidgets.QWidget, window: QtWidgets.QWidget) -> bool:
    """Visible, enabled, and in the main window or one of its (possibly floating) docks."""
    if not (widget.isVisible() and widget.isEnabled()):
        return False
    top = widget.window()
    return top is window or isinstance(top, QtWidgets.QDockWidget)


def _pops_up_a_menu(button: QtWidgets.QAbstractButton) -> bool:
    """A click that opens a menu with Qt's own ``QMenu::exec`` (the menu bar's » button when
    the menus do not fit, a tool or push button with an instant menu): the stub of
    ``QMenu.exec`` cannot answer it, and offscreen nobody closes the menu, so the click would
    never return (a full run once hung there). Their menus' actions are the menu bar's
    (``menu_action``) or the button's own."""
    if button.objectName() == "qt_menubar_ext_button":
        return True
    menu = button.menu() if isinstance(button, (QtWidgets.QToolButton,
                                                QtWidgets.QPushButton)) else None
    if menu is None:
        return False
    return not isinstance(button, QtWidgets.QToolButton) \
        or button.popupMode() == QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup


class Monkey:
    def __init__(self, qtbot, window, dialogs, folder, seed: int = 20240607) -> None:
        self.qtbot = qtbot
        self.window = window
        self.dialogs = dialogs
        self.rng = random.Random(seed)
        self.log: list[str] = []
        self.bad_csv = [writer(folder) for writer, _ in bad_files.CSV_CASES.values()]
        self.bad_scenes: list[str] = []
        files = getattr(window, "scene_files", None)
        if files is not None:
            good = files.scene_dict()
            variants = bad_files.scene_variants(good)
            self.bad_scenes = list(bad_files.write_variants(folder, variants).values())
        self.save_folder = folder
        self.actions: list[tuple[float, Callable[[], str]]] = [
            (12, self.click_canvas), (2, self.brush_stroke), (4, self.class_key),
            (5, self.undo_redo), (8, self.combo_extreme), (8, self.spin_extreme),
            (3, self.checkbox), (8, self.button), (2, self.learning_rate_text),
            (2, self.line_edit_text), (20, self.training_action), (8, self.play_a_while),
            (3, self.architecture_mid_play), (2, self.import_bad_csv), (1, self.open_bad_scene),
            (3, self.dock), (3, self.menu_action), (2, self.slider),
        ]
        self._weights = [w for w, _ in self.actions]
        self.done: dict[str, int] = {}  # how often each kind of action ran (by method name)

    @property
    def controller(self):
        return self.window.controller

    # ------------------------------------------------------------------ driver
    def run(self, n_actions: int, check: Callable[[int], None]) -> None:
        """Do ``n_actions`` actions. The first ones are every kind of action once, in a seeded
        random order; the rest are drawn by weight. So a run of any length covers every kind
        (``self.done`` counts them), and a short run is still a full tour of the controls."""
        tour = [action for _, action in self.actions]
        self.rng.shuffle(tour)
        for index in range(n_actions):
            if index < len(tour):
                action = tour[index]
            else:
                action = self.rng.choices(self.actions, weights=self._weights)[0][1]
            self.done[action.__name__] = self.done.get(action.__name__, 0) + 1
            text = action()
            self.log.append(f"{index}: {text}")
            QtWidgets.QApplication.processEvents()
            check(index)

    def _pick(self, widgets: list):
        return self.rng.choice(widgets) if widgets else None

    def _children(self, cls) -> list:
        return [w for w in self.window.findChildren(cls) if _usable(w, self.window)]

    @staticmethod
    def _name(widget) -> str:
        text = widget.text() if hasattr(widget, "text") else ""
        return f"{type(widget).__name__}({widget.objectName() or text!s})"

    # ------------------------------------------------------------------ canvas
    def click_canvas(self) -> str:
        canvas = self.window.canvas
        if not _usable(canvas, self.window):
            return "click: canvas hidden"
        (x0, x1), (y0, y1) = canvas.view_range()
        x = self.rng.uniform(x0, x1) * 0.97 + 0.015 * (x0 + x1)
        y = self.rng.uniform(y0, y1) * 0.97 + 0.015 * (y0 + y1)
        roll = self.rng.random()
        button = Qt.MouseButton.RightButton if roll < 0.3 else Qt.MouseButton.LeftButton
        modifiers = Qt.KeyboardModifier.ControlModifier if roll > 0.85 else \
            Qt.KeyboardModifier.NoModifier
        click_data(self.qtbot, canvas, x, y, button, modifiers)
        return f"click {button.name} {modifiers.name} at ({x:.2f}, {y:.2f})"

    def brush_stroke(self) -> str:
        canvas = self.window.canvas
        if not _usable(canvas, self.window):
            return "brush: canvas hidden"
        tools = self.window.draw_toolbar.tool_actions
        tools["brush"].trigger()
        (x0, x1), (y0, y1) = canvas.view_range()
        start = np.array([self.rng.uniform(x0, x1), self.rng.uniform(y0, y1)]) * 0.8
        end = np.array([self.rng.uniform(x0, x1), self.rng.uniform(y0, y1)]) * 0.8
        steps = self.rng.randint(2, 6)
        path = start + np.linspace(0, 1, steps)[:, None] * (end - start)
        drag_data(self.qtbot, canvas, path)
        tools[self.rng.choice(["draw", "draw", "erase"])].trigger()
        return f"brush stroke {steps} moves"

    def class_key(self) -> str:
        label = self.rng.randint(1, 8)
        if self.rng.random() < 0.7:
            self.window.canvas.setFocus()
        self.qtbot.keyClick(self.window, Qt.Key(int(Qt.Key.Key_0) + label))
        return f"class key {label}"

    def undo_redo(self) -> str:
        if self.rng.random() < 0.5:
            key, mods = Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
            name = "undo"
            if self.rng.random() < 0.4:
                mods |= Qt.KeyboardModifier.ShiftModifier
                name = "redo"
            self.window.canvas.setFocus()
            self.qtbot.keyClick(self.window, key, mods)
            return f"{name} key"
        stack = self.window.undo_stack
        if self.rng.random() < 0.6:
            stack.undo()
            return "undo"
        stack.redo()
        return "redo"

    # ------------------------------------------------------------------ controls
    def combo_extreme(self) -> str:
        combo = self._pick([c for c in self._children(QtWidgets.QComboBox) if c.count()])
        if combo is None:
            return "combo: none"
        index = self.rng.choice([0, combo.count() - 1, self.rng.randrange(combo.count())])
        combo.setCurrentIndex(index)
        if combo.isEditable():  # an editable combo commits on activation, like a user's pick
            combo.activated.emit(index)
        return f"combo {self._name(combo)} → {combo.itemText(index)!r}"

    def spin_extreme(self) -> str:
        spins = self._children(QtWidgets.QSpinBox) + self._children(QtWidgets.QDoubleSpinBox)
        spin = self._pick(spins)
        if spin is None:
            return "spin: none"
        low, high = spin.minimum(), spin.maximum()
        choice = self.rng.random()
        if choice < 0.35:
            value = low
        elif choice < 0.7:
            value = high
        elif isinstance(spin, QtWidgets.QSpinBox):
            value = self.rng.randint(low, min(high, low + 50))
        else:
            value = self.rng.uniform(low, min(high, low + 10))
        spin.setValue(value)
        return f"spin {self._name(spin)} → {value}"

    def checkbox(self) -> str:
        box = self._pick(self._children(QtWidgets.QCheckBox))
        if box is None:
            return "checkbox: none"
        box.click()
        return f"checkbox {self._name(box)} → {box.isChecked()}"

    def clickable_buttons(self) -> list[QtWidgets.QAbstractButton]:
        """The buttons :meth:`button` picks from."""
        return [b for b in self._children(QtWidgets.QAbstractButton)
                if not isinstance(b, QtWidgets.QCheckBox)
                and not SKIP_ACTION.search(b.text() or "") and not _pops_up_a_menu(b)]

    def button(self) -> str:
        button = self._pick(self.clickable_buttons())
        if button is None:
            return "button: none"
        name = self._name(button)
        button.click()
        return f"button {name}"

    def learning_rate_text(self) -> str:
        combos = [c for c in self._children(QtWidgets.QComboBox) if c.isEditable()]
        combo = self._pick(combos)
        if combo is None:
            return "editable combo: none"
        text = self.rng.choice(LEARNING_RATE_TEXTS)
        edit = combo.lineEdit()
        edit.selectAll()
        edit.setText(text)
        edit.editingFinished.emit()
        return f"typed {text!r} into {self._name(combo)}"

    def line_edit_text(self) -> str:
        edits = [e for e in self._children(QtWidgets.QLineEdit)
                 if not e.isReadOnly() and not isinstance(e.parent(), QtWidgets.QComboBox)]
        edit = self._pick(edits)
        if edit is None:
            return "line edit: none"
        text = self.rng.choice(["1e-300", "0", "9e99", "abc", "", "0.5", "-3", "1e-8"])
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClicks(edit, text)
        self.qtbot.keyClick(edit, Qt.Key.Key_Return)
        return f"typed {text!r} + Enter into {self._name(edit)}"

    def slider(self) -> str:
        slider = self._pick(self._children(QtWidgets.QSlider))
        if slider is None:
            return "slider: none"
        value = self.rng.choice([slider.minimum(), slider.maximum(),
                                 self.rng.randint(slider.minimum(), slider.maximum())])
        slider.setValue(value)
        return f"slider {self._name(slider)} → {value}"

    # ------------------------------------------------------------------ training
    def training_action(self) -> str:
        name = self.rng.choice(list(TRAINING_KEYS))
        toolbar = self.window.step_toolbar
        if self.rng.random() < 0.5:
            key, mods = TRAINING_KEYS[name]
            self.window.canvas.setFocus()
            self.qtbot.keyClick(self.window, key, mods)
            return f"key {name}"
        action = getattr(toolbar, f"{name}_action")
        if action.isEnabled():
            action.trigger()
            return f"toolbar {name}"
        return f"toolbar {name} (disabled)"

    def play_a_while(self) -> str:
        passes = self.rng.randint(1, 8)
        if not self.controller.playing and self.rng.random() < 0.7:
            self.controller.play()
        process_events(passes)
        return f"events for {passes} passes (playing={self.controller.playing})"

    def architecture_mid_play(self) -> str:
        panel = self.window.network_panel
        self.controller.play()
        process_events(3)
        buttons = [b for b in [panel.add_layer, panel.remove_layer,
                               *(r.plus for r in panel.rows), *(r.minus for r in panel.rows)]
                   if b.isVisible() and b.isEnabled()]
        button = self._pick(buttons)
        if button is not None:
            button.click()
        process_events(3)
        return f"architecture change mid-play: {button.toolTip() if button else 'none'}"

    # ------------------------------------------------------------------ files & docks
    def import_bad_csv(self) -> str:
        path = self.rng.choice(self.bad_csv)
        self.dialogs.open_paths = [path]

        def browse(dialog):
            for button in dialog.findChildren(QtWidgets.QPushButton):
                if button.text().startswith("Browse"):
                    button.click()
                    return

        self.dialogs.configure = browse
        try:
            self.window.import_action.trigger()
        finally:
            self.dialogs.configure = None
            self.dialogs.open_paths = []
        return f"import {path.rsplit('/', 1)[-1]}"

    def open_bad_scene(self) -> str:
        files = getattr(self.window, "scene_files", None)
        if files is None or not self.bad_scenes:
            return "open scene: no scene files"
        path = self.rng.choice(self.bad_scenes)
        self.dialogs.open_paths = [path]
        try:
            files.open_action.trigger()
        finally:
            self.dialogs.open_paths = []
        return f"open scene {path.rsplit('/', 1)[-1]}"

    def dock(self) -> str:
        dock = self._pick(self.window.findChildren(QtWidgets.QDockWidget))
        if dock is None:
            return "dock: none"
        if self.rng.random() < 0.2 and dock.isVisible():
            dock.setFloating(not dock.isFloating())
            return f"dock {dock.windowTitle()} floating={dock.isFloating()}"
        dock.toggleViewAction().trigger()
        return f"dock {dock.windowTitle()} visible={dock.isVisible()}"

    def _menu_actions(self, menu: QtWidgets.QMenu) -> list[QtGui.QAction]:
        found = []
        for action in menu.actions():
            if action.isSeparator() or not action.isEnabled() or not action.isVisible():
                continue
            if action.menu() is not None:
                found += self._menu_actions(action.menu())
            elif not SKIP_ACTION.search(action.text()) and \
                    action.shortcut() != QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Quit):
                found.append(action)
        return found

    def menu_action(self) -> str:
        actions = []
        for top in self.window.menuBar().actions():
            if top.menu() is not None:
                actions += self._menu_actions(top.menu())
        action = self._pick(actions)
        if action is None:
            return "menu: none"
        text = action.text()
        # Save dialogs get a path in the test folder half of the time.
        self.dialogs.save_paths = [f"{self.save_folder}/out_{len(self.log)}.png"] \
            if self.rng.random() < 0.5 else []
        action.trigger()
        self.dialogs.save_paths = []
        return f"menu {text!r}"
