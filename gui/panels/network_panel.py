"""Network panel: hidden layers (0–8, each 1–16 neurons, +/− buttons), activation for all or
per layer, init, seed, dropout, batch norm, loss override. Built from ``NetworkSettings`` declarations.

Emits ``changesRequested(dict)``; ``show_settings`` pushes values back with signals blocked.
Activation combo boxes show translated names; the values are their item data.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, Signal

from core.settings import HIDDEN_ACTIVATIONS, NetworkSettings, fields_of
from gui.common.display_names import display_name
from gui.common.i18n import manager, translate
from gui.panels.setting_controls import (
    ChoiceControl,
    FloatControl,
    add_rows,
    choice_text,
    label_text,
    make_control,
    retranslate_choice_items,
    setting_text,
)

MAX_LAYERS = 8
MIN_WIDTH, MAX_WIDTH = 1, 16


def output_text(output_activation: str, loss: str) -> str:
    """"Output: linear · loss: mean squared error" in the current language: the output layer's
    activation and the loss (codes of ``core``) by the names the combo boxes show."""
    return translate("NetworkPanel", "Output: {0} · loss: {1}").format(
        display_name(output_activation), display_name(loss))


def depth_changes(settings: NetworkSettings, depth: int, activation: str) -> dict:
    """The NetworkSettings changes that give ``settings`` ``depth`` hidden layers (0 …
    MAX_LAYERS): layers are added (a copy of the last, or 4 neurons with ``activation``) or
    removed at the output end; per-layer activations follow. {} when nothing changes or
    ``depth`` is out of range. Used by the Network panel and the settings strip."""
    sizes = list(settings.hidden_sizes)
    activations = list(settings.activations_per_layer())
    if not 0 <= depth <= MAX_LAYERS or depth == len(sizes):
        return {}
    while len(sizes) < depth:
        sizes.append(sizes[-1] if sizes else 4)
        activations.append(activations[-1] if activations else activation)
    del sizes[depth:], activations[depth:]
    changes: dict = {"hidden_sizes": tuple(sizes)}
    if isinstance(settings.activation, tuple):
        changes["activation"] = tuple(activations) if sizes else activation
    return changes


def _small_button(text: str, tip: str) -> QtWidgets.QToolButton:
    button = QtWidgets.QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setFixedWidth(26)
    return button


class LayerRow(QtWidgets.QWidget):
    """One hidden layer: "Layer i  [−] width [+]  [activation]"."""

    def __init__(self, index: int, parent=None) -> None:
        super().__init__(parent)
        self.index = index
        self.neurons = 0
        self.label = QtWidgets.QLabel()
        self.minus = _small_button("−", "One neuron fewer")
        self.plus = _small_button("+", "One neuron more")
        self.width_label = QtWidgets.QLabel()
        self.width_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.width_label.setMinimumWidth(64)
        self.activation = QtWidgets.QComboBox()
        for name in HIDDEN_ACTIVATIONS:
            self.activation.addItem(choice_text(name), name)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addStretch(1)
        layout.addWidget(self.minus)
        layout.addWidget(self.width_label)
        layout.addWidget(self.plus)
        layout.addWidget(self.activation)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the row

    def retranslate(self, _language: str = "") -> None:
        number = self.index + 1
        self.label.setText(translate("NetworkPanel", "Layer {0}").format(number))
        self.activation.setToolTip(
            translate("NetworkPanel", "Activation of layer {0}").format(number))
        retranslate_choice_items(self.activation)
        self._show_width()

    def _show_width(self) -> None:
        if not self.neurons:
            return
        if self.neurons == 1:
            text = translate("NetworkPanel", "{0} neuron").format(self.neurons)
        else:
            text = translate("NetworkPanel", "{0} neurons").format(self.neurons)
        self.width_label.setText(text)

    def show_layer(self, width: int, activation: str, per_layer: bool) -> None:
        self.neurons = int(width)
        self._show_width()
        self.minus.setEnabled(width > MIN_WIDTH)
        self.plus.setEnabled(width < MAX_WIDTH)
        self.activation.blockSignals(True)
        self.activation.setCurrentIndex(max(self.activation.findData(activation), 0))
        self.activation.blockSignals(False)
        self.activation.setVisible(per_layer)


class NetworkPanel(QtWidgets.QWidget):
    changesRequested = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        infos = {info.name: info for info in fields_of(NetworkSettings)}
        self.settings = NetworkSettings()

        self.layers_label = QtWidgets.QLabel()
        self.remove_layer = _small_button("−", "Remove the last hidden layer")
        self.add_layer = _small_button("+", "Add a hidden layer")
        self.remove_layer.clicked.connect(lambda: self._change_depth(-1))
        self.add_layer.clicked.connect(lambda: self._change_depth(+1))
        depth_row = QtWidgets.QHBoxLayout()
        depth_row.addWidget(QtWidgets.QLabel("<b>Hidden layers</b>"))
        depth_row.addStretch(1)
        depth_row.addWidget(self.remove_layer)
        depth_row.addWidget(self.layers_label)
        depth_row.addWidget(self.add_layer)

        self.rows: list[LayerRow] = []
        rows_box = QtWidgets.QVBoxLayout()
        rows_box.setSpacing(2)
        for i in range(MAX_LAYERS):
            row = LayerRow(i)
            row.minus.clicked.connect(lambda _=False, i=i: self._change_width(i, -1))
            row.plus.clicked.connect(lambda _=False, i=i: self._change_width(i, +1))
            row.activation.currentIndexChanged.connect(lambda _=0, i=i: self._layer_activation(i))
            self.rows.append(row)
            rows_box.addWidget(row)

        self.activation = ChoiceControl(infos["activation"], choices=HIDDEN_ACTIVATIONS)
        self.activation.changed.connect(lambda name: self.changesRequested.emit(
            {"activation": name}))
        self.per_layer = QtWidgets.QCheckBox("per layer")
        self.per_layer.setToolTip("Choose the activation of each hidden layer separately")
        self.per_layer.toggled.connect(self._per_layer_toggled)
        activation_row = QtWidgets.QHBoxLayout()
        activation_row.addWidget(self.activation.widget, 1)
        activation_row.addWidget(self.per_layer)

        self.controls = {
            "init": make_control(infos["init"]),
            "seed": make_control(infos["seed"]),
            "dropout": FloatControl(infos["dropout"], percent=True),
            "batch_norm": make_control(infos["batch_norm"]),
            "loss_override": make_control(infos["loss_override"]),
        }
        for name, control in self.controls.items():
            control.changed.connect(
                lambda value, name=name: self.changesRequested.emit({name: value}))
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.activation_info = infos["activation"]
        self.activation_label = QtWidgets.QLabel()
        form.addRow(self.activation_label, activation_row)
        add_rows(form, self.controls)
        self.output_label = QtWidgets.QLabel()
        self.output_label.setWordWrap(True)
        self.output_label.setStyleSheet("color: #555;")

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(depth_row)
        layout.addLayout(rows_box)
        layout.addLayout(form)
        layout.addWidget(self.output_label)
        layout.addStretch(1)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the panel
        self.show_settings(self.settings)

    def retranslate(self, _language: str = "") -> None:
        """Texts built from the setting declarations (the controls retranslate themselves)."""
        self.activation_label.setText(label_text(self.activation_info.label))
        self.activation_label.setToolTip(setting_text(self.activation_info.doc))

    # ------------------------------------------------------------------ output
    def _change_depth(self, delta: int) -> None:
        changes = depth_changes(self.settings, len(self.settings.hidden_sizes) + delta,
                                self.activation.value())
        if changes:
            self.changesRequested.emit(changes)

    def _change_width(self, layer: int, delta: int) -> None:
        sizes = list(self.settings.hidden_sizes)
        if layer >= len(sizes):
            return
        width = min(max(sizes[layer] + delta, MIN_WIDTH), MAX_WIDTH)
        if width != sizes[layer]:
            sizes[layer] = width
            self.changesRequested.emit({"hidden_sizes": tuple(sizes)})

    def _layer_activation(self, layer: int) -> None:
        names = list(self.settings.activations_per_layer())
        if layer < len(names):
            names[layer] = self.rows[layer].activation.currentData()
            self.changesRequested.emit({"activation": tuple(names)})

    def _per_layer_toggled(self, on: bool) -> None:
        names = self.settings.activations_per_layer()
        if on and names:
            self.changesRequested.emit({"activation": tuple(names)})
        elif not on:
            self.changesRequested.emit({"activation": names[0] if names else
                                        self.activation.value()})

    # ------------------------------------------------------------------- input
    def show_settings(self, settings: NetworkSettings, output_text: str = "") -> None:
        """Show `settings` (signals blocked) and the output layer/loss description."""
        self.settings = settings
        sizes = settings.hidden_sizes
        per_layer = isinstance(settings.activation, tuple)
        names = settings.activations_per_layer()
        self.layers_label.setText(str(len(sizes)))
        self.remove_layer.setEnabled(len(sizes) > 0)
        self.add_layer.setEnabled(len(sizes) < MAX_LAYERS)
        for i, row in enumerate(self.rows):
            row.setVisible(i < len(sizes))
            if i < len(sizes):
                row.show_layer(sizes[i], names[i], per_layer)
        self.per_layer.blockSignals(True)
        self.per_layer.setChecked(per_layer)
        self.per_layer.setEnabled(len(sizes) > 0)
        self.per_layer.blockSignals(False)
        self.activation.widget.setEnabled(not per_layer and len(sizes) > 0)
        if not per_layer:
            self.activation.set_value(settings.activation)
        for name, control in self.controls.items():
            control.set_value(getattr(settings, name))
        self.output_label.setText(output_text)
        self.output_label.setVisible(bool(output_text))
