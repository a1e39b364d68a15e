"""View ▸ Size points by loss: a check box that the canvas presenter follows, remembered in
QSettings (``canvas/size_by_loss``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from gui.common.i18n import manager, translate

SETTINGS_SIZE_BY_LOSS = "canvas/size_by_loss"


def remembered_size_by_loss() -> bool:
    """The last choice of View ▸ Size points by loss (default off)."""
    value = QtCore.QSettings().value(SETTINGS_SIZE_BY_LOSS, False)
    return value in (True, "true", "1", 1)


class CanvasOptions(QtCore.QObject):
    """The canvas's View-menu options, added to ``menu``; ``presenter`` is the
    gui.canvas.presenter.CanvasPresenter, ``session()`` the session it draws."""

    def __init__(self, parent: QtWidgets.QWidget, presenter, menu: QtWidgets.QMenu,
                 session: Callable[[], object]) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.session = session
        self.size_action = QtGui.QAction(self)
        self.size_action.setObjectName("sizeByLossAction")
        self.size_action.setCheckable(True)
        self.size_action.setChecked(remembered_size_by_loss())
        presenter.size_by_loss = self.size_action.isChecked()
        self.size_action.toggled.connect(self.set_size_by_loss)
        menu.addAction(self.size_action)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    def retranslate(self, _language: str = "") -> None:
        self.size_action.setText(translate("CanvasOptions", "Size points by loss"))
        self.size_action.setToolTip(translate(
            "CanvasOptions", "Draw each point bigger the larger its own loss at the current step"))

    def set_size_by_loss(self, on: bool) -> None:
        QtCore.QSettings().setValue(SETTINGS_SIZE_BY_LOSS, bool(on))
        self.presenter.set_size_by_loss(on, self.session())
