"""Presenter-mode fonts for a view tested on its own, in the size a lesson column gives it: the
style sheet ``gui.common.themes`` sets on the window, and the plot axes' fonts presenter mode
sets (``gui.classroom.presenter._scale_items``), at ``scale`` times the application's."""

from PySide6 import QtGui, QtWidgets


def settle(rounds: int = 4) -> None:
    """Handle the posted events ``rounds`` times (layouts, deferred fits, redraws)."""
    for _ in range(rounds):
        QtWidgets.QApplication.processEvents()


def presenter_style(widget: QtWidgets.QWidget, scale: float) -> None:
    """Give ``widget`` and its children the presenter's font size (a style sheet)."""
    points = QtWidgets.QApplication.font().pointSizeF() * scale
    widget.setStyleSheet(f"QWidget {{ font-size: {points:.1f}pt; }}")


def presenter_axis_fonts(axes, scale: float, titles: bool = True) -> None:
    """Tick fonts of the pyqtgraph ``axes`` ``scale`` times the application's and, with
    ``titles``, their title fonts ``scale`` times theirs (at least 9 pt before scaling)."""
    for axis in axes:
        font = QtGui.QFont(QtWidgets.QApplication.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        axis.setTickFont(font)
        if titles:
            label = QtGui.QFont(axis.label.font())
            label.setPointSizeF(max(label.pointSizeF(), 9.0) * scale)
            axis.label.setFont(label)
