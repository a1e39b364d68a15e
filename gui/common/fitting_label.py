"""A word-wrapped label that fits its own height whenever its text, font or width changes.

Qt lays a word-wrapped QLabel out by a height computed once; a longer text, the presenter's
bigger font or a narrower column then cut it or left it too tall. Subclasses say how they fit
(:meth:`FittingLabel.fit`): a fixed box of whole lines (the loss surface's status line), or a
least height of their wrapped text (the CSV import dialog's summary)."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets


class FittingLabel(QtWidgets.QLabel):
    """Calls :meth:`fit` after a new text, a new font (presenter mode) or a new width."""

    def fit(self) -> None:
        """Give the label the height its text needs now (subclasses)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.fit()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self.fit()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
