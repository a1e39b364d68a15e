"""Train ▸ Compare…: the dialog that makes run B, and the actions Compare… / End compare.

The dialog shows every network and training setting of run B, starting from run A's (the
scene's), built from the declarations of ``core.settings`` (``make_control``; hidden layer
sizes as text, e.g. "8, 8"). The activation shows what A really has: with one activation per
hidden layer, A's list is the first choice ("as run A: ReLU / tanh"), and a single
activation sets every hidden layer of B (its tooltip says so), as in ``core.settings``
``NetworkSettings.activation``. The settings the teacher changed go to
``TrainingController.start_comparison`` (``core.comparison`` validates them; a refusal is
shown in the dialog, which keeps its values); then the Compare workspace is shown.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from core.settings import NetworkSettings, TrainingSettings, fields_of
from gui.common.display_names import value_text
from gui.common.i18n import manager, translate
from gui.panels.setting_controls import (
    ChoiceControl,
    add_rows,
    make_control,
    setting_text,
)

#: Settings of run B the dialog offers: (section, settings class, fields left out).
SECTIONS = (("network", NetworkSettings, ("hidden_sizes",)), ("training", TrainingSettings, ()))


class CompareDialog(QtWidgets.QDialog):
    """Run B's settings (module docstring). ``changes()`` → {qualified key: value} of the
    settings changed here; Start calls ``controller.start_comparison`` with them."""

    def __init__(self, controller, parent=None,
                 on_started: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.controller = controller
        self.on_started = on_started
        self.controls: dict[str, object] = {}
        self.touched: set[str] = set()
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        self.error = QtWidgets.QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B00020;")
        self.error.setVisible(False)
        self.sizes_edit = QtWidgets.QLineEdit()
        self.sizes_edit.setObjectName("compare_hidden_sizes")
        self.sizes_edit.textEdited.connect(lambda _text: self.touched.add("network.hidden_sizes"))
        self.sizes_label = QtWidgets.QLabel()
        columns = QtWidgets.QHBoxLayout()
        self.group_boxes = {}
        for section, cls, left_out in SECTIONS:
            box = QtWidgets.QGroupBox()
            form = QtWidgets.QFormLayout(box)
            if section == "network":
                form.addRow(self.sizes_label, self.sizes_edit)
            controls = {}
            for info in fields_of(cls):
                if info.name in left_out:
                    continue
                if info.kind == "choice_or_tuple":  # the activation(s) of the hidden layers
                    control = ActivationControl(info)
                else:
                    control = make_control(info)
                key = f"{section}.{info.name}"
                control.changed.connect(lambda _value, key=key: self.touched.add(key))
                controls[key] = control
            add_rows(form, controls)
            self.controls.update(controls)
            self.group_boxes[section] = box
            columns.addWidget(box, 1)
        inner = QtWidgets.QWidget()
        inner.setLayout(columns)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.buttons = QtWidgets.QDialogButtonBox()
        self.start_button = self.buttons.addButton(
            "", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "", QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        self.load_from_a()

    def retranslate(self, _language: str = "") -> None:
        self.setWindowTitle(translate("CompareDialog", "Compare"))
        self.intro.setText(translate(
            "CompareDialog", "Run B starts from the same points, split, initial weights and "
                             "batch order as this scene (run A). Change the settings B should "
                             "have; both runs start again from step 0 and train together."))
        self.sizes_label.setText(translate("SettingControls", "{0}:").format(
            setting_text("Hidden layer sizes")))
        self.sizes_edit.setToolTip(translate(
            "CompareDialog", "Neurons per hidden layer, e.g. 8, 8 (empty: none)"))
        self.group_boxes["network"].setTitle(translate("CompareDialog", "Network of run B"))
        self.group_boxes["training"].setTitle(translate("CompareDialog", "Training of run B"))
        self.start_button.setText(translate("CompareDialog", "Start comparing"))
        self.cancel_button.setText(translate("CompareDialog", "Cancel"))

    def load_from_a(self) -> None:
        """Show run A's settings; nothing is changed yet."""
        session = self.controller.session
        for key, control in self.controls.items():
            section, name = key.split(".", 1)
            value = getattr(getattr(session, section), name)
            if isinstance(control, ActivationControl):
                control.show_run_a(value)
            else:
                control.set_value(value)
        self.sizes_edit.setText(", ".join(map(str, session.network.hidden_sizes)))
        self.touched.clear()
        self.error.setVisible(False)

    def changes(self) -> dict:
        """{qualified key: value} of the settings changed in the dialog that differ from
        run A's (ValueError for hidden sizes that are not whole numbers)."""
        session = self.controller.session
        result = {}
        for key in sorted(self.touched):
            section, name = key.split(".", 1)
            if key == "network.hidden_sizes":
                text = self.sizes_edit.text().strip()
                parts = [part for part in re.split(r"[,\s/]+", text) if part]
                if not all(part.isdigit() for part in parts):
                    raise ValueError(translate(
                        "CompareDialog", "Hidden layer sizes must be whole numbers, e.g. 8, 8"))
                value = tuple(int(part) for part in parts)
            else:
                value = self.controls[key].value()
            if value != getattr(getattr(session, section), name):
                result[key] = value
        return result

    def start(self) -> None:
        """Start comparing with :meth:`changes`; a refusal stays in the dialog."""
        try:
            changes = self.changes()
        except ValueError as error:
            self._show_error(str(error))
            return
        messages: list[str] = []
        self.controller.errorOccurred.connect(messages.append)
        try:
            started = self.controller.start_comparison(changes)
        finally:
            self.controller.errorOccurred.disconnect(messages.append)
        if not started:
            self._show_error(" ".join(messages))
            return
        self.accept()
        if self.on_started is not None:
            self.on_started()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


class ActivationControl(ChoiceControl):
    """Run B's hidden activation: one name for every hidden layer or, when run A has one per
    layer (a tuple in ``NetworkSettings.activation``), A's list as the first item (its value
    is the tuple). The tooltip says that a single name sets every hidden layer."""

    def __init__(self, info) -> None:
        super().__init__(dataclasses.replace(info, kind="choice"))
        self.per_layer: tuple | None = None  # run A's list while it is the first item
        # the list is read whole: the column widens for it rather than cut it
        self.widget.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)

    def show_run_a(self, activation) -> None:
        """Offer and select run A's ``activation`` (a name, or a tuple of one per layer)."""
        blocked = self.widget.blockSignals(True)
        if self.per_layer is not None:
            self.widget.removeItem(0)
            self.per_layer = None
        if isinstance(activation, tuple):
            self.per_layer = activation
            self.widget.insertItem(0, self._per_layer_text(), activation)
        self.widget.blockSignals(blocked)
        self.set_value(activation)
        self.retranslate()

    def _per_layer_text(self) -> str:
        return translate("CompareDialog", "as run A: {0}").format(
            value_text("network.activation", self.per_layer))

    def retranslate(self, _language: str = "") -> None:
        super().retranslate()
        if self.per_layer is not None:
            self.widget.setItemText(0, self._per_layer_text())

    def _retranslate_tip(self) -> None:
        tip = translate("CompareDialog", "One activation sets every hidden layer of run B.")
        if self.per_layer is not None:
            tip += " " + translate("CompareDialog", "The first item keeps run A's activation of "
                                                    "each layer.")
        self.widget.setToolTip(tip)


class CompareActions(QtCore.QObject):
    """Train ▸ Compare… (opens :class:`CompareDialog` with run A's settings) and Train ▸ End
    compare (enabled while comparing). ``show_workspace()`` shows the Compare workspace."""

    def __init__(self, parent: QtWidgets.QWidget, controller,
                 show_workspace: Callable[[], None]) -> None:
        super().__init__(parent)
        self.window = parent
        self.controller = controller
        self.show_workspace = show_workspace
        self.dialog: CompareDialog | None = None
        self.action = QtGui.QAction(parent)
        self.action.setObjectName("compare_action")
        self.action.triggered.connect(self.open_dialog)
        self.end_action = QtGui.QAction(parent)
        self.end_action.setObjectName("end_compare_action")
        self.end_action.triggered.connect(controller.end_comparison)
        controller.comparisonChanged.connect(self._sync)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        self._sync()

    def retranslate(self, _language: str = "") -> None:
        self.action.setText(translate("CompareDialog", "Compare…"))
        self.action.setToolTip(translate(
            "CompareDialog", "Train a copy of this scene with other settings (run B) side by "
                             "side with it"))
        self.end_action.setText(translate("CompareDialog", "End compare"))

    def _sync(self) -> None:
        self.end_action.setEnabled(self.controller.comparison is not None)

    def open_dialog(self) -> CompareDialog:
        """Show the dialog (run A's settings); returns it."""
        self.controller.pause()
        if self.dialog is None:
            self.dialog = CompareDialog(self.controller, self.window,
                                        on_started=self.show_workspace)
        self.dialog.load_from_a()
        self.dialog.resize(760, 620)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
