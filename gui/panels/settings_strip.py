"""The compact settings strip of the Step-through workspace: the most used settings in one row
— learning rate η, optimizer, batch size, hidden activation and the number of hidden layers.

It owns no setting: like the Training and Network panels it emits the changes the user asks
for (``trainingChanges(dict)`` → ``TrainingController.set_training_settings``,
``networkChanges(dict)`` → ``set_network_settings``; the main window connects them exactly as
it connects the panels) and shows what ``show_settings`` pushes back (signals blocked). The
controls are the panels' own kinds, built from the same ``core.settings`` declarations; adding
or removing hidden layers uses the Network panel's rule (``depth_changes``).
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from core.settings import HIDDEN_ACTIVATIONS, NetworkSettings, TrainingSettings, fields_of
from gui.common.i18n import manager, translate
from gui.panels.network_panel import MAX_LAYERS, depth_changes
from gui.panels.setting_controls import ChoiceControl, label_text, make_control, make_label

#: The strip's training settings, in order (names of ``TrainingSettings`` fields).
TRAINING_FIELDS = ("learning_rate", "optimizer", "batch_size")

#: The label of the number of hidden layers (context "Settings", as the panels' labels).
HIDDEN_LAYERS = QT_TRANSLATE_NOOP("Settings", "Hidden layers")


class SettingsStrip(QtWidgets.QWidget):
    """η, optimizer, batch size, activation and hidden layers, each with its label, in a row.

    Signals: ``trainingChanges(dict)``, ``networkChanges(dict)`` (user edits only)."""

    trainingChanges = Signal(dict)
    networkChanges = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsStripWidget")
        training = {info.name: info for info in fields_of(TrainingSettings)}
        network = {info.name: info for info in fields_of(NetworkSettings)}
        self.network_settings = NetworkSettings()
        self.controls = {name: make_control(training[name]) for name in TRAINING_FIELDS}
        for name, control in self.controls.items():
            control.changed.connect(
                lambda value, name=name: self.trainingChanges.emit({name: value}))
        self.activation = ChoiceControl(network["activation"], choices=HIDDEN_ACTIVATIONS)
        self.activation.changed.connect(
            lambda name: self.networkChanges.emit({"activation": name}))
        self.layers = QtWidgets.QSpinBox()
        self.layers.setObjectName("settingsStripLayers")
        self.layers.setRange(0, MAX_LAYERS)
        self.layers.setKeyboardTracking(False)
        self.layers.valueChanged.connect(self._depth_changed)
        self.layers_label = QtWidgets.QLabel()

        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for control in (*self.controls.values(), self.activation):
            layout.addWidget(make_label(control))
            layout.addWidget(control.widget)
            if control.text_field() is not None:  # why typed text was rejected, if it was
                layout.addWidget(control.error_label)
            layout.addSpacing(8)
        layout.addWidget(self.layers_label)
        layout.addWidget(self.layers)
        layout.addStretch(1)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the strip

    def retranslate(self, _language: str = "") -> None:
        """The texts the strip sets itself (the controls translate their own labels)."""
        self.controls["learning_rate"].label.setText(translate("SettingsStrip", "η:"))
        self.layers_label.setText(label_text(HIDDEN_LAYERS))
        tip = translate("SettingsStrip", "Number of hidden layers (0–{0}); the Network panel "
                                         "sets their sizes").format(MAX_LAYERS)
        self.layers_label.setToolTip(tip)
        self.layers.setToolTip(tip)

    def _depth_changed(self, depth: int) -> None:
        changes = depth_changes(self.network_settings, depth, self.activation.value())
        if changes:
            self.networkChanges.emit(changes)

    def show_settings(self, training: TrainingSettings, network: NetworkSettings,
                      n_train: int | None = None) -> None:
        """Show the session's settings (signals blocked); the batch size is limited to the
        training-set size ``n_train`` as in the Training panel."""
        if n_train is not None:
            box = self.controls["batch_size"].widget
            blocked = box.blockSignals(True)
            box.setMaximum(max(1, int(n_train)))
            box.blockSignals(blocked)
        for name, control in self.controls.items():
            control.set_value(getattr(training, name))
        self.network_settings = network
        depth = len(network.hidden_sizes)
        blocked = self.layers.blockSignals(True)
        self.layers.setValue(depth)
        self.layers.blockSignals(blocked)
        per_layer = isinstance(network.activation, tuple)
        self.activation.widget.setEnabled(not per_layer and depth > 0)
        if not per_layer:
            self.activation.set_value(network.activation)
