"""The in-place field of the hands-on weights: a QLineEdit over the diagram's viewport where a
double-clicked weight or bias is typed. Enter applies (``gui.diagram.weight_edits``), Escape or
clicking elsewhere cancels; a bad entry keeps the field open with the message beside it and
changes nothing (the message, also in the status bar, is taken back once a value is applied).
The field is as wide as its text (every digit and the sign show), within the viewport."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from core.parameters import ParamRef
from gui.common.i18n import translate
from gui.diagram import weight_edits

ERROR_STYLE = "QLineEdit { border: 2px solid #CC0000; }"


class ValueEditor(QtWidgets.QLineEdit):
    """Edits one parameter of ``diagram`` (a NetworkDiagram); ``error`` is the last message
    ("" when none)."""

    def __init__(self, diagram, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.diagram = diagram
        self.ref: tuple | None = None
        self.error = ""
        #: the last message sent to the status bar (withdrawn once a value is applied)
        self._reported = ""
        self.hide()
        self.returnPressed.connect(self.commit)
        self.textEdited.connect(lambda _text: self._show_error(""))
        self.textChanged.connect(lambda _text: self._fit())

    def open(self, ref, value: float, at: QtCore.QPoint) -> None:
        """Show the field at viewport position ``at`` with ``value`` (shortest exact repr)."""
        self.ref = tuple(ref)
        self._show_error("")
        self.setText(repr(float(value)))
        self.setToolTip(translate("NetworkDiagram", "{0}: type a value, Enter applies, "
                                  "Esc cancels").format(ParamRef(*self.ref).label()))
        self._at = QtCore.QPoint(at)
        self._fit()
        self.show()
        self.raise_()
        self.setFocus(QtCore.Qt.FocusReason.MouseFocusReason)
        self.selectAll()

    def text_width(self) -> int:
        """Width (px) that shows the whole text plus room for one more digit: the text, the
        text margins and the frame (at least that of "-0.000000000000")."""
        metrics = self.fontMetrics()
        text = max(metrics.horizontalAdvance(self.text() + "0"),
                   metrics.horizontalAdvance("-0.000000000000"))
        margins = self.textMargins()
        option = QtWidgets.QStyleOptionFrame()
        self.initStyleOption(option)
        frame = self.style().sizeFromContents(
            QtWidgets.QStyle.ContentsType.CT_LineEdit, option, QtCore.QSize(0, 0), self).width()
        return text + margins.left() + margins.right() + frame + 8

    def _fit(self) -> None:
        """Size the field to its text (within the viewport) and keep it over the parameter."""
        if self.ref is None or self.parentWidget() is None:
            return
        room = self.parentWidget().rect()
        width = min(self.text_width(), room.width())
        self.resize(width, self.sizeHint().height())
        at = getattr(self, "_at", QtCore.QPoint(0, 0))
        x = min(max(at.x() - width // 2, 0), max(room.width() - width, 0))
        y = min(max(at.y() - self.height() // 2, 0), max(room.height() - self.height(), 0))
        self.move(x, y)

    def commit(self) -> bool:
        """Apply the typed value; on a bad entry show why and keep the field open. True when
        applied."""
        if self.ref is None:
            return False
        value, code = weight_edits.parse_value(self.text())
        if code is not None:
            self._show_error(weight_edits.error_text(code, self.text()))
            return False
        ref, self.ref = self.ref, None
        self.hide()
        done = self.diagram.edit_parameter(ref, value)
        if done and self._reported and self.diagram.controller is not None:
            self.diagram.controller.errorWithdrawn.emit(self._reported)
            self._reported = ""
        return done

    def cancel(self) -> None:
        self.ref = None
        self._show_error("")
        self.hide()

    def _show_error(self, text: str) -> None:
        self.error = text
        self.setStyleSheet(ERROR_STYLE if text else "")
        if text:
            QtWidgets.QToolTip.showText(self.mapToGlobal(QtCore.QPoint(0, self.height())),
                                        text, self)
            if self.diagram.controller is not None:
                self._reported = text
                self.diagram.controller.errorOccurred.emit(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.key() == QtCore.Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        if self.isVisible() and event.reason() != QtCore.Qt.FocusReason.PopupFocusReason:
            self.cancel()
