"""The Compare dock: the controller's A/B runs in a :class:`CompareView`, with End compare.

Without a comparison it says how to start one (Train ▸ Compare…). It redraws through its
gate on :attr:`ComparePanel.REDRAWS_ON` (throttled during Play): the runs are stepped by the
controller (``TrainingController._follow``), never here.
"""

from __future__ import annotations

from PySide6 import QtWidgets

from gui.common.i18n import manager, translate
from gui.common.refresh import RefreshGate, connect_redraws
from gui.compare.compare_view import CompareView


class ComparePanel(QtWidgets.QWidget):
    """Runs A and B of ``controller.comparison`` side by side, or a hint when there is none."""

    #: Controller signals it redraws on (gui.common.refresh.connect_redraws)
    REDRAWS_ON = ("stepped", "weightsChanged", "comparisonChanged", "playingChanged",
                  "settingsChanged:training.")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_panel")
        self.controller = controller
        self.hint = QtWidgets.QLabel()
        self.hint.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                QtWidgets.QSizePolicy.Policy.Preferred)
        self.end_button = QtWidgets.QPushButton()
        self.end_button.setObjectName("end_compare")
        self.end_button.clicked.connect(controller.end_comparison)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.end_button)
        self.view = CompareView()
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # keeps the hint at the top while there is no view
        self._shown = None  # the comparison the view shows
        self.gate = RefreshGate(self, self.redraw, min_interval=0.1)
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        self.gate.request()

    def retranslate(self, _language: str = "") -> None:
        self.end_button.setText(translate("ComparePanel", "End compare"))
        self.end_button.setToolTip(translate(
            "ComparePanel", "Drop run B and go on with run A alone"))
        self._set_hint()

    def _set_hint(self) -> None:
        """One short line (a word-wrapping label beside the view would make the layout
        height-for-width, and the dock's scroll area would then size the view by its preferred
        height and scroll at every size); the tooltip says more."""
        if self.controller.comparison is None:
            self.hint.setText(translate("ComparePanel", "No comparison: Train ▸ Compare…"))
            self.hint.setToolTip(translate(
                "ComparePanel", "No comparison: Train ▸ Compare… makes run B from this scene, "
                                "with the settings you change, and trains both together."))
        else:
            self.hint.setText(translate("ComparePanel", "Both runs train together."))
            self.hint.setToolTip(translate(
                "ComparePanel", "Step, Epoch, Play, Rewind and Reset act on both runs."))

    def redraw(self) -> None:
        comparison = self.controller.comparison
        self.end_button.setEnabled(comparison is not None)
        self.view.setVisible(comparison is not None)
        if comparison is not self._shown:
            self._shown = comparison
            self._set_hint()
            self.view.set_comparison(comparison)
            return
        if comparison is not None:
            self.view.fill_differences()
            self.view.refresh(playing=self.controller.playing)
