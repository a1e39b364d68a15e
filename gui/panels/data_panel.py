"""Data panel: task, preset, number of points, noise, train share, seed, Regenerate, features.

Built from ``core.settings.DataSettings`` declarations. The panel never touches the session: it
emits ``changesRequested(dict)`` (setting name → new value), ``regenerateRequested()`` and
``importRequested()``; the controller pushes the current settings back with
``show_settings`` (signals blocked). Task and data-set names show translated (context
"Settings"); the values are read from the combo boxes' item data.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Signal

from core.datasets import FEATURE_LABELS, FEATURES, FEATURES_NEEDING_X2, GENERATORS
from core.settings import PRESETS_BY_TASK, DataSettings, fields_of
from gui.common.i18n import manager
from gui.panels.setting_controls import (
    ChoiceControl,
    FloatControl,
    add_rows,
    make_control,
    setting_text,
)

#: English display names of the generators (shown translated, context "Settings").
PRESET_LABELS = {name: spec.label for name, spec in GENERATORS.items()}


class DataPanel(QtWidgets.QWidget):
    changesRequested = Signal(dict)
    regenerateRequested = Signal()
    importRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        infos = {info.name: info for info in fields_of(DataSettings)}
        self.controls = {
            "task": ChoiceControl(infos["task"]),
            "preset": ChoiceControl(infos["preset"], choices=PRESETS_BY_TASK["classification"],
                                    labels=PRESET_LABELS),
            "n_points": make_control(infos["n_points"]),
            "noise": FloatControl(infos["noise"], percent=True),
            "train_fraction": FloatControl(infos["train_fraction"], percent=True),
            "seed": make_control(infos["seed"]),
        }
        self.controls["n_points"].widget.setSingleStep(50)
        for name, control in self.controls.items():
            control.changed.connect(lambda value, name=name: self._request(name, value))

        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_rows(form, self.controls)

        self.regenerate_button = QtWidgets.QPushButton("Regenerate")
        self.regenerate_button.setToolTip("Draw new points from the data set (undoable)")
        self.regenerate_button.clicked.connect(self.regenerateRequested)
        self.import_button = QtWidgets.QPushButton("Import CSV…")
        self.import_button.setToolTip("Load points from a CSV file (Ctrl+I)")
        self.import_button.clicked.connect(self.importRequested)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.regenerate_button)
        buttons.addWidget(self.import_button)

        self.features_info = infos["features"]
        self.features_box = features_box = QtWidgets.QGroupBox(
            setting_text(self.features_info.label))
        features_box.setToolTip(setting_text(self.features_info.doc))
        grid = QtWidgets.QGridLayout(features_box)
        grid.setContentsMargins(6, 4, 6, 4)
        self.feature_checks: dict[str, QtWidgets.QCheckBox] = {}
        for i, name in enumerate(FEATURES):
            check = QtWidgets.QCheckBox(FEATURE_LABELS.get(name, name))
            check.setObjectName(f"feature_{name}")
            check.toggled.connect(self._features_toggled)
            self.feature_checks[name] = check
            grid.addWidget(check, i // 2, i % 2)
        self.standardize = make_control(infos["standardize"])
        self.standardize.changed.connect(lambda on: self._request("standardize", on))
        self.source_label = QtWidgets.QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: #555;")

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(features_box)
        layout.addWidget(self.standardize.widget)
        layout.addWidget(self.source_label)
        layout.addStretch(1)
        self._dim = 2
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the panel

    def retranslate(self, _language: str = "") -> None:
        """Texts built from the setting declarations (the controls retranslate themselves)."""
        self.features_box.setTitle(setting_text(self.features_info.label))
        self.features_box.setToolTip(setting_text(self.features_info.doc))

    # ------------------------------------------------------------------ output
    def _request(self, name: str, value) -> None:
        changes = {name: value}
        if name == "task":
            presets = PRESETS_BY_TASK[value]
            changes["preset"] = presets[0]
        self.changesRequested.emit(changes)

    def _features_toggled(self) -> None:
        chosen = tuple(name for name, check in self.feature_checks.items() if check.isChecked())
        if not chosen:  # at least one feature: undo the un-tick
            self.sender().blockSignals(True)
            self.sender().setChecked(True)
            self.sender().blockSignals(False)
            return
        self.changesRequested.emit({"features": chosen})

    # ------------------------------------------------------------------- input
    def show_settings(self, settings: DataSettings, dim: int, source: str = "") -> None:
        """Show `settings` (signals blocked). `dim` (1/2) enables the x2 features; `source`
        describes imported data (empty for generated data)."""
        self._dim = int(dim)
        self.controls["preset"].set_choices(PRESETS_BY_TASK[settings.task], PRESET_LABELS)
        for name, control in self.controls.items():
            control.set_value(getattr(settings, name))
        for name, check in self.feature_checks.items():
            check.blockSignals(True)
            check.setChecked(name in settings.features)
            check.setEnabled(not (self._dim == 1 and name in FEATURES_NEEDING_X2))
            check.blockSignals(False)
        self.standardize.set_value(settings.standardize)
        self.source_label.setText(source)
        self.source_label.setVisible(bool(source))
