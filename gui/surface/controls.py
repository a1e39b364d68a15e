"""Controls of the loss-surface dock: plane, grid, loss kind, recompute policy, optimizer race.

The widget only emits requests; the presenter (gui/surface/dock.py) acts on them. Values
pushed in from outside (parameter lists, the diagram's selection) are set with the widgets'
signals blocked, so they cause no feedback.

Signals:
- ``planeChanged()``: mode, the two parameters, resolution, extent or "fit path" changed
  (a new surface is needed);
- ``displayChanged()``: loss kind (data / total) or log colour changed (no recompute);
- ``recomputeRequested()``, ``cancelRequested()``, ``raceRequested(int steps)``,
  ``raceCleared()``; ``autoEveryChanged(int)`` (0 = off).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Signal

from gui.common.fitting_label import FittingLabel
from gui.common.flow_layout import FlowLayout
from gui.common.i18n import manager, translate
from gui.surface.jobs import MODE_LABELS, MODES, RESOLUTION_RANGE, SurfaceSettings

DEFAULT_AUTO_EVERY = 50
DEFAULT_RACE_STEPS = 100


def mode_label(mode: str) -> str:
    """The combo-box text of a plane mode (``MODE_LABELS``) in the interface language."""
    labels = {"parameters": translate("LossSurface", "Two parameters"),
              "random": translate("LossSurface", "Random (filter-normalized)"),
              "pca": translate("LossSurface", "PCA of the path"),
              "linear": translate("LossSurface", "(w, b) of a linear model")}
    return labels.get(mode, MODE_LABELS.get(mode, str(mode)))


class SurfaceControls(QtWidgets.QWidget):
    planeChanged = Signal()
    displayChanged = Signal()
    recomputeRequested = Signal()
    cancelRequested = Signal()
    raceRequested = Signal(int)
    raceCleared = Signal()
    autoEveryChanged = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mode_combo = QtWidgets.QComboBox()
        for mode in MODES:
            self.mode_combo.addItem(MODE_LABELS[mode], mode)  # text: see retranslate
        self.first_combo = QtWidgets.QComboBox()
        self.second_combo = QtWidgets.QComboBox()
        for combo in (self.first_combo, self.second_combo):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.follow_check = QtWidgets.QCheckBox()
        self.follow_check.setChecked(True)

        self.resolution_spin = QtWidgets.QSpinBox()
        self.resolution_spin.setRange(*RESOLUTION_RANGE)
        self.resolution_spin.setSingleStep(10)
        self.resolution_spin.setValue(51)
        self.resolution_spin.setSuffix("²")
        self.extent_spin = QtWidgets.QDoubleSpinBox()
        self.extent_spin.setRange(0.01, 1000.0)
        self.extent_spin.setDecimals(2)
        self.extent_spin.setValue(1.0)
        self.extent_spin.setSingleStep(0.25)
        self.extent_spin.setPrefix("± ")
        self.fit_check = QtWidgets.QCheckBox()
        self.fit_check.setChecked(True)
        self.loss_combo = QtWidgets.QComboBox()
        self.loss_combo.addItem("data loss", "data")
        self.loss_combo.addItem("total loss", "total")
        self.log_check = QtWidgets.QCheckBox()

        self.recompute_button = QtWidgets.QPushButton()
        self.auto_spin = QtWidgets.QSpinBox()
        self.auto_spin.setRange(0, 100_000)
        self.auto_spin.setSingleStep(10)
        self.auto_spin.setValue(DEFAULT_AUTO_EVERY)
        self.race_spin = QtWidgets.QSpinBox()
        self.race_spin.setRange(1, 5000)
        self.race_spin.setValue(DEFAULT_RACE_STEPS)
        self.race_button = QtWidgets.QPushButton()
        self.clear_race_button = QtWidgets.QPushButton()

        self.progress = ProgressStrip()
        self.cancel_button = QtWidgets.QPushButton()
        self._status: Callable[[], str] | str = ""
        self.status_label = StatusLabel()
        self.status_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignLeft
                                       | QtCore.Qt.AlignmentFlag.AlignTop)

        # One flow of controls in reading order (plane, grid and colour, actions): it wraps
        # onto more lines in a narrow dock or at presenter size instead of scrolling sideways.
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.mode_combo, self.first_combo, self.second_combo, self.follow_check,
                       self.resolution_spin, self.extent_spin, self.fit_check, self.loss_combo,
                       self.log_check, self.recompute_button, self.auto_spin, self.race_spin,
                       self.race_button, self.clear_race_button):
            layout.addWidget(widget)
        # The progress strip over the status line, Cancel beside both: no row of its own for
        # the button (at presenter size that row took the plot's room).
        self.bottom = QtWidgets.QWidget()
        bottom_layout = QtWidgets.QGridLayout(self.bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setHorizontalSpacing(4)
        bottom_layout.setVerticalSpacing(2)
        bottom_layout.addWidget(self.progress, 0, 0)
        bottom_layout.addWidget(self.status_label, 1, 0)
        bottom_layout.addWidget(self.cancel_button, 0, 1, 2, 1, QtCore.Qt.AlignmentFlag.AlignTop)
        bottom_layout.setColumnStretch(0, 1)

        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        for combo in (self.first_combo, self.second_combo):
            combo.currentIndexChanged.connect(lambda _i: self.planeChanged.emit())
        self.resolution_spin.editingFinished.connect(self.planeChanged.emit)
        self.extent_spin.editingFinished.connect(self.planeChanged.emit)
        self.fit_check.toggled.connect(lambda _on: self.planeChanged.emit())
        self.loss_combo.currentIndexChanged.connect(lambda _i: self.displayChanged.emit())
        self.log_check.toggled.connect(lambda _on: self.displayChanged.emit())
        self.recompute_button.clicked.connect(self.recomputeRequested.emit)
        self.cancel_button.clicked.connect(self.cancelRequested.emit)
        self.race_button.clicked.connect(lambda: self.raceRequested.emit(self.race_spin.value()))
        self.clear_race_button.clicked.connect(self.raceCleared.emit)
        self.auto_spin.valueChanged.connect(self.autoEveryChanged.emit)
        self.set_busy(False)
        self._update_visibility()
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        """Every text in the interface language; settings are read from itemData, so nothing
        here changes a setting (item texts are set with the signals blocked)."""
        with QtCore.QSignalBlocker(self.mode_combo):
            for index in range(self.mode_combo.count()):
                self.mode_combo.setItemText(index, mode_label(self.mode_combo.itemData(index)))
        self.mode_combo.setToolTip(translate(
            "LossSurface",
            "Which plane of parameter space to show: two chosen weights/biases (exact path), "
            "two random filter-normalized directions (Li et al. 2018), the first two principal "
            "components of the path, or (w, b) of a 1-input linear model"))
        self.first_combo.setToolTip(translate("LossSurface", "Parameter on the horizontal axis"))
        self.second_combo.setToolTip(translate("LossSurface", "Parameter on the vertical axis"))
        self.follow_check.setText(translate("LossSurface", "follow"))
        self.follow_check.setToolTip(translate(
            "LossSurface", "A weight clicked in the network diagram becomes the horizontal "
                           "axis; the previous one moves to the vertical"))
        self.resolution_spin.setToolTip(translate(
            "LossSurface", "Grid points per axis, 21–101 (a 21×21 preview is drawn first)"))
        self.extent_spin.setToolTip(translate(
            "LossSurface", "Half-width of the grid around the current point, in the axes' "
                           "units (parameter values, or α and β)"))
        self.fit_check.setText(translate("LossSurface", "fit path"))
        self.fit_check.setToolTip(translate(
            "LossSurface", "Widen the grid so the whole path (and the optimum) is on it"))
        with QtCore.QSignalBlocker(self.loss_combo):
            for index in range(self.loss_combo.count()):
                kind = self.loss_combo.itemData(index)
                self.loss_combo.setItemText(index, translate("LossSurface", "total loss")
                                            if kind == "total"
                                            else translate("LossSurface", "data loss"))
        self.loss_combo.setToolTip(translate(
            "LossSurface", "Colour by the data loss, or by the total loss J = data loss "
                           "+ L1/L2 penalty (the one the optimizer minimizes)"))
        self.log_check.setText(translate("LossSurface", "log"))
        self.log_check.setToolTip(translate(
            "LossSurface", "Colour by log₁₀ of the loss: shows the floor of a deep valley"))
        self.recompute_button.setText(translate("LossSurface", "Recompute"))
        steps = translate("LossSurface", " steps")
        with QtCore.QSignalBlocker(self.auto_spin):
            self.auto_spin.setSpecialValueText(translate("LossSurface", "auto: off"))
            self.auto_spin.setPrefix(translate("LossSurface", "auto: "))
            self.auto_spin.setSuffix(steps)
        self.auto_spin.setToolTip(translate(
            "LossSurface", "Recompute automatically after this many training steps while "
                           "the dock is visible (0 = only on demand)"))
        with QtCore.QSignalBlocker(self.race_spin):
            self.race_spin.setSuffix(steps)
        self.race_button.setText(translate("LossSurface", "Race"))
        self.race_button.setToolTip(translate(
            "LossSurface", "Optimizer race: from the current parameters, run SGD, momentum "
                           "and Adam for this many full-batch steps on copies of the network "
                           "(the real training is not touched) and draw their paths"))
        self.clear_race_button.setText(translate("LossSurface", "Clear"))
        self.clear_race_button.setToolTip(translate("LossSurface", "Remove the race paths"))
        self.cancel_button.setText(translate("LossSurface", "Cancel"))
        self._show_status()

    # ------------------------------------------------------------------ reading
    @property
    def mode(self) -> str:
        return self.mode_combo.currentData()

    @property
    def loss_kind(self) -> str:
        return self.loss_combo.currentData()

    @property
    def log_colour(self) -> bool:
        return self.log_check.isChecked()

    @property
    def auto_every(self) -> int:
        return self.auto_spin.value()

    def parameters(self) -> tuple[int, int] | None:
        """The two chosen flat indices, or None while the lists are empty."""
        first, second = self.first_combo.currentData(), self.second_combo.currentData()
        if first is None or second is None:
            return None
        return int(first), int(second)

    def settings(self, seed: int = 0) -> SurfaceSettings:
        return SurfaceSettings(mode=self.mode, parameters=self.parameters(),
                               resolution=self.resolution_spin.value(),
                               extent=self.extent_spin.value(),
                               fit_path=self.fit_check.isChecked(), seed=seed)

    # ------------------------------------------------------------------ pushing in
    def set_parameter_choices(self, labels: list[str], chosen: tuple[int, int]) -> None:
        """Fill both combos with every parameter (``labels[k]`` is flat index k)."""
        for combo, index in zip((self.first_combo, self.second_combo), chosen, strict=True):
            with QtCore.QSignalBlocker(combo):
                combo.clear()
                for k, label in enumerate(labels):
                    combo.addItem(label, k)
                combo.setCurrentIndex(index)

    def choose_parameters(self, first: int, second: int) -> None:
        for combo, index in ((self.first_combo, first), (self.second_combo, second)):
            with QtCore.QSignalBlocker(combo):
                combo.setCurrentIndex(index)

    def set_mode(self, mode: str) -> None:
        with QtCore.QSignalBlocker(self.mode_combo):
            self.mode_combo.setCurrentIndex(MODES.index(mode))
        self._update_visibility()

    def set_grid(self, extent: float | None) -> None:
        """A fixed grid of ±``extent`` around the current point ("fit path" off), or with
        None the grid that fits the path (at least ± the current extent); no signal."""
        with QtCore.QSignalBlocker(self.extent_spin), QtCore.QSignalBlocker(self.fit_check):
            if extent is not None:
                self.extent_spin.setValue(float(extent))
            self.fit_check.setChecked(extent is None)

    def set_linear_available(self, available: bool) -> None:
        """Enable the (w, b) item only for a 1-input linear model with mse."""
        item = self.mode_combo.model().item(MODES.index("linear"))
        item.setEnabled(available)

    def set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        if not busy:
            self.progress.set_fraction(0.0)

    def set_progress(self, fraction: float) -> None:
        self.progress.set_fraction(fraction)

    def show_status(self, text: Callable[[], str] | str) -> None:
        """Show ``text``: a string, or a function giving it in the current language (called
        again after a language switch)."""
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        text = self._status() if callable(self._status) else self._status
        self.status_label.setText(text)

    # ------------------------------------------------------------------ internal
    def _mode_changed(self) -> None:
        self._update_visibility()
        self.planeChanged.emit()

    def _update_visibility(self) -> None:
        chosen = self.mode == "parameters"
        for widget in (self.first_combo, self.second_combo, self.follow_check):
            widget.setVisible(chosen)


class StatusLabel(FittingLabel):
    """The surface's status line, wrapped, in a box of fixed height: the lines its text needs
    at its width in its current font (at least one). The box changes only when that number
    of lines does, so a new status per surface does not re-lay out the dock (which would
    resize and repaint the whole plot); a new font (presenter mode) or width fits it again.
    A box of two lines at the normal font cut one line of Chinese at presenter 2x (the CJK
    fallback font's lines are taller)."""

    def __init__(self, parent=None) -> None:
        super().__init__("", parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #555555")
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                           QtWidgets.QSizePolicy.Policy.Fixed)
        self.fit()

    def fit(self) -> None:
        height = self.fontMetrics().lineSpacing() + 4
        if self.text() and self.width() > 0:
            height = max(height, self.heightForWidth(self.width()))
        if height != self.minimumHeight() or height != self.maximumHeight():
            self.setFixedHeight(height)


class ProgressStrip(QtWidgets.QWidget):
    """A thin progress bar. ``QProgressBar.setValue`` repaints synchronously (about 12 ms in a
    full window, several times a second while a surface computes); this one only schedules
    an update, which Qt merges with the other repaints of the frame."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.setFixedHeight(10)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                           QtWidgets.QSizePolicy.Policy.Fixed)

    def set_fraction(self, fraction: float) -> None:
        fraction = min(max(float(fraction), 0.0), 1.0)
        if fraction != self.fraction:
            self.fraction = fraction
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt naming)
        painter = QtGui.QPainter(self)
        rect = self.rect().adjusted(0, 1, -1, -2)
        painter.setPen(QtGui.QColor("#B0B0B0"))
        painter.setBrush(QtGui.QColor("#F2F2F2"))
        painter.drawRect(rect)
        if self.fraction > 0:
            done = QtCore.QRect(rect.left(), rect.top(), int(rect.width() * self.fraction),
                                rect.height())
            painter.fillRect(done, QtGui.QColor("#0072B2"))
        painter.end()


def _row(*widgets, stretch: bool = True) -> QtWidgets.QHBoxLayout:
    row = QtWidgets.QHBoxLayout()
    row.setSpacing(4)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, ProgressStrip) else 0)
    if stretch:
        row.addStretch(1)
    return row
