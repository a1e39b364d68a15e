"""Data panel: task, preset, number of points, noise, training and validation shares, seed,
Regenerate, features.

Built from ``core.settings.DataSettings`` declarations. The panel never touches the session: it
emits ``changesRequested(dict)`` (setting name → new value), ``regenerateRequested()`` and
``importRequested()``; the controller pushes the current settings back with
``show_settings`` (signals blocked) and says what the data is with ``show_data`` (texts made
by :func:`source_text` and :func:`split_text` from the session's
``core.data_source.DataSource``, counts and share). Task and data-set names show translated
(context "Settings"); the values are read from the combo boxes' item data.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import Signal

from core.datasets import FEATURE_LABELS, FEATURES, FEATURES_NEEDING_X2, GENERATORS
from core.settings import PRESETS_BY_TASK, DataSettings, fields_of
from gui.common.i18n import manager, translate
from gui.panels.setting_controls import (
    ChoiceControl,
    FloatControl,
    add_rows,
    choice_text,
    make_control,
    setting_text,
)

# English display names of the generators (shown translated, context "Settings").
PRESET_LABELS = {name: spec.label for name, spec in GENERATORS.items()}

#: The data settings that only describe generated points (hidden for imported/drawn ones).
GENERATOR_SETTINGS = ("preset", "n_points", "noise")


def source_text(source, n_points: int, preset: str) -> str:
    """What the points are, in the current language, from codes and numbers:
    "penguins.csv · 342 rows · 2 dropped" (imported; ``source.kind`` "file"), "drawn · 30
    points" or "penguins.csv, edited · 341 points" (kind "drawn"), "Circle · 500 points"
    (``source`` None: generated from ``preset``). ``n_points``: the points there are now."""
    if source is None:
        return translate("DataPanel", "{0} · {1} points").format(
            choice_text(preset, PRESET_LABELS), n_points)
    if source.kind == "drawn":
        if source.file:
            return translate("DataPanel", "{0}, edited · {1} points").format(
                source.file, n_points)
        return translate("DataPanel", "drawn · {0} points").format(n_points)
    name = source.file or "CSV"
    if source.sampled_of is None:
        text = translate("DataPanel", "{0} · {1} rows · {2} dropped").format(
            name, source.rows, source.dropped)
    else:
        text = translate("DataPanel", "{0} · random sample of {1} of {2} rows · {3} dropped"
                         ).format(name, source.rows, source.sampled_of, source.dropped)
    if source.class_names:
        text += translate("DataPanel", " · classes {0}").format(", ".join(source.class_names))
    return text


def split_text(n_train: int, n_test: int, train_share: float, n_validation: int = 0,
               validation_share: float = 0.0) -> str:
    """Where the points go: "21 training (filled) · 9 test (hollow) · new points: 70 %
    training", or with validation "18 training (filled) · 6 validation (square) · 6 test
    (hollow) · new points: 60 % training, 20 % validation" (shares in [0, 1]; drawn points
    keep them per class)."""
    if n_validation == 0 and validation_share == 0.0:
        return translate("DataPanel", "{0} training (filled) · {1} test (hollow) · new points: "
                         "{2} % training").format(n_train, n_test, round(100 * train_share))
    return translate("DataPanel", "{0} training (filled) · {1} validation (square) · {2} test "
                     "(hollow) · new points: {3} % training, {4} % validation").format(
        n_train, n_validation, n_test, round(100 * train_share),
        round(100 * validation_share))


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
            "validation_fraction": FloatControl(infos["validation_fraction"], percent=True),
            "seed": make_control(infos["seed"]),
        }
        self.controls["n_points"].widget.setSingleStep(50)
        for name, control in self.controls.items():
            control.changed.connect(lambda value, name=name: self._request(name, value))

        self.form = form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_rows(form, self.controls)

        self.regenerate_button = QtWidgets.QPushButton()
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
        self.source_label.setObjectName("dataSource")
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("font-weight: bold;")
        self.split_label = QtWidgets.QLabel()
        self.split_label.setObjectName("dataSplit")
        self.split_label.setWordWrap(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.source_label)
        layout.addWidget(self.split_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(features_box)
        layout.addWidget(self.standardize.widget)
        layout.addStretch(1)
        self._dim = 2
        # whether the points are the generator's (set by show_data)
        self.generated = True
        self._show_generator()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the panel

    def retranslate(self, _language: str = "") -> None:
        """Texts built from the setting declarations (the controls retranslate themselves)."""
        self.features_box.setTitle(setting_text(self.features_info.label))
        self.features_box.setToolTip(setting_text(self.features_info.doc))
        self._show_generator()

    def _show_generator(self) -> None:
        """The generator's rows (data set, number of points, noise) describe generated points
        only: shown for them; for imported or drawn points they are hidden and Regenerate
        says that it replaces those points by the data set's."""
        for name in GENERATOR_SETTINGS:
            control = self.controls[name]
            if not self.generated and control.error:
                control.restore()
            self.form.setRowVisible(control.widget, self.generated)
        if self.generated:
            self.regenerate_button.setText(translate("DataPanel", "Regenerate"))
            self.regenerate_button.setToolTip(translate(
                "DataPanel", "Draw new points from the data set (undoable)"))
        else:
            preset = choice_text(self.controls["preset"].value(), PRESET_LABELS)
            self.regenerate_button.setText(translate("DataPanel", "Use {0} instead").format(
                preset))
            self.regenerate_button.setToolTip(translate(
                "DataPanel", "Replace these points by generated {0} points (undoable)"
            ).format(preset))

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
    def show_settings(self, settings: DataSettings, dim: int) -> None:
        """Show `settings` (signals blocked). `dim` (1/2) enables the x2 features."""
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

    def show_data(self, source: str, split: str, generated: bool = True) -> None:
        """Say what the points are (:func:`source_text`) and where they go
        (:func:`split_text`); ``generated`` False (imported or drawn points, the session's
        ``data_source`` is not None) hides the generator's rows (:data:`GENERATOR_SETTINGS`),
        which would describe other points."""
        self.source_label.setText(source)
        self.split_label.setText(split)
        self.generated = bool(generated)
        self._show_generator()
