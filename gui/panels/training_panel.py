"""Training panel: optimizer and its hyperparameters, learning rate (presets 1e-5…10 + free
entry), batch size (1…n or full batch), L1/L2 rates, gradient clipping, batch seed.

Built from ``TrainingSettings`` declarations. Changing any of these mid-run keeps the weights
(the controller calls ``Session.set_training_settings``). Only the hyperparameters the chosen
optimizer uses are shown.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal

from core.optimizers import (
    HYPER_SETTINGS,
    DecayStability,
    hyper_settings,
    weight_decay_stability,
)
from core.settings import TrainingSettings, fields_of
from gui.common.i18n import manager, translate
from gui.panels.decay_warning import panel_warning
from gui.panels.setting_controls import (
    BoolControl,
    FloatControl,
    add_error_row,
    make_control,
    make_label,
    setting_text,
)

#: Every optimizer hyperparameter setting, in the settings' field order (which optimizer uses
#: which: core.optimizers.OPTIMIZER_HYPER).
ALL_HYPER = tuple(info.name for info in fields_of(TrainingSettings)
                  if info.name in HYPER_SETTINGS)


class TrainingPanel(QtWidgets.QWidget):
    changesRequested = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        infos = {info.name: info for info in fields_of(TrainingSettings)}
        self.controls = {}
        self._patience_doc = infos["patience"].doc
        for info in infos.values():
            if info.name in ("l1", "l2"):
                control = FloatControl(info, decimals=5, step=0.001)
            elif info.name == "clip_norm":
                control = FloatControl(info, decimals=2, step=0.5)
            elif info.name in ("momentum", "beta1", "beta2", "rmsprop_alpha"):
                control = FloatControl(info, decimals=5, step=0.01)
            else:
                control = make_control(info)
            control.changed.connect(
                lambda value, name=info.name: self.changesRequested.emit({name: value}))
            self.controls[info.name] = control
        self.form = QtWidgets.QFormLayout()
        self.form.setFieldGrowthPolicy(
            QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows: dict[str, int] = {}
        order = ("optimizer", "learning_rate", *ALL_HYPER, "batch_size", "l1", "l2",
                 "clip_norm", "seed", "patience")
        # the η·L2 warning: a full-width, wrapped row under the L2 rate (and its error row),
        # next to the numbers it is about, where it is in view when they are typed
        self.warning = QtWidgets.QLabel()
        self.warning.setObjectName("decayWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #B00020;")
        for name in order:
            control = self.controls[name]
            self._rows[name] = self.form.rowCount()
            if isinstance(control, BoolControl):
                self.form.addRow(control.widget)
            else:
                self.form.addRow(make_label(control), control.widget)
                add_error_row(self.form, control)
            if name == "l2":
                self.form.addRow(self.warning)
                self.form.setRowVisible(self.warning, False)
        self.note = QtWidgets.QLabel("Changes keep the current weights.")
        self.note.setStyleSheet("color: #555;")
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        #: (stability of weight decay, L2 rate) of the settings shown: the warning's numbers
        self._decay: tuple[DecayStability, float] | None = None
        manager().languageChanged.connect(self._show_warning)  # bound: ends with the panel

    def show_settings(self, settings: TrainingSettings, n_train: int | None = None,
                      n_validation: int | None = None) -> None:
        """Show `settings` (signals blocked); batch size is limited to the training-set size;
        with ``n_validation`` 0 the patience (early stopping) is disabled, with a note."""
        if n_validation is not None:
            patience = self.controls["patience"].widget
            patience.setEnabled(n_validation > 0)
            patience.setToolTip(setting_text(self._patience_doc) if n_validation > 0 else
                                translate("TrainingPanel", "Early stopping is off: there are "
                                          "no validation points (validation share 0 %)."))
        if n_train is not None:
            box = self.controls["batch_size"].widget
            box.blockSignals(True)
            box.setMaximum(max(1, int(n_train)))
            box.blockSignals(False)
        for name, control in self.controls.items():
            control.set_value(getattr(settings, name))
        used = hyper_settings(settings.optimizer)
        for name in ALL_HYPER:
            self.form.setRowVisible(self._rows[name], name in used)
            if name not in used and self.controls[name].error:
                self.controls[name].restore()  # no error left under a hidden row
        self._decay = (weight_decay_stability(settings.optimizer, settings.learning_rate,
                                              settings.l2, settings.optimizer_hyper()),
                       settings.l2)
        self._show_warning()

    def _show_warning(self, _language: str = "") -> None:
        """The warning that η·L2 reaches the chosen optimizer's stability bound (SGD 2,
        momentum 2(1 + μ), Nesterov 2(1 + μ)/(1 + 2μ); none for RMSprop and Adam), in the
        current language; hidden otherwise."""
        text = panel_warning(*self._decay) if self._decay is not None else ""
        if text == self.warning.text() and self.warning.isVisibleTo(self) == bool(text):
            return
        self.warning.setText(text)
        self.form.setRowVisible(self.warning, bool(text))
        if text:  # a new warning is scrolled into view whole, once the layout has its height
            scroll = self._scroll_area()
            if scroll is not None:
                QtCore.QTimer.singleShot(0, self.warning,
                                         lambda: scroll.ensureWidgetVisible(self.warning))

    def _scroll_area(self) -> QtWidgets.QScrollArea | None:
        """The scroll area the panel is shown in (its dock's), None when there is none."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QtWidgets.QScrollArea):
            parent = parent.parentWidget()
        return parent
