"""A layout that places its items left to right and wraps them onto the next line when the
width runs out (after Qt's "Flow Layout" example), so a row of controls never needs a
horizontal scroll bar: at presenter size or in a narrow dock it just takes more lines.

Height for width: ``heightForWidth(w)`` is the height of the wrapped lines at width ``w``;
the minimum size is the widest single item (plus margins).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets


class FlowLayout(QtWidgets.QLayout):
    """Items in reading order, wrapped at the layout's width; ``spacing`` px between items
    and between lines. Hidden widgets take no room."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QtWidgets.QLayoutItem] = []
        self.setSpacing(spacing)

    # ------------------------------------------------------------------ QLayout
    def addItem(self, item: QtWidgets.QLayoutItem) -> None:  # noqa: N802 (Qt naming)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QtWidgets.QLayoutItem | None:  # noqa: N802 (Qt naming)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QtWidgets.QLayoutItem | None:  # noqa: N802 (Qt naming)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> QtCore.Qt.Orientation:  # noqa: N802 (Qt naming)
        return QtCore.Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        return self._place(QtCore.QRect(0, 0, width, 0), move=False)

    def height_without(self, width: int, widgets=()) -> int:
        """``heightForWidth(width)`` as if ``widgets`` were hidden: measures another
        arrangement without hiding a shown widget (which would lose its focus or pop-up)."""
        return self._place(QtCore.QRect(0, 0, width, 0), move=False, skip=widgets)

    def setGeometry(self, rect: QtCore.QRect) -> None:  # noqa: N802 (Qt naming)
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt naming)
        """All items on one line."""
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in shown) + \
            self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QtCore.QSize(width + margins.left() + margins.right(),
                            height + margins.top() + margins.bottom())

    def minimumSize(self) -> QtCore.QSize:  # noqa: N802 (Qt naming)
        size = QtCore.QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QtCore.QSize(margins.left() + margins.right(),
                                   margins.top() + margins.bottom())

    # ------------------------------------------------------------------ placing
    def _shown(self) -> list[QtWidgets.QLayoutItem]:
        return [item for item in self._items
                if item.widget() is None or not item.widget().isHidden()]

    def _place(self, rect: QtCore.QRect, move: bool, skip=()) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``), leaving out the
        widgets in ``skip``; the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        gap = self.spacing()
        for item in self._shown():
            if item.widget() is not None and item.widget() in skip:
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + gap, 0
            if move:
                item.setGeometry(QtCore.QRect(QtCore.QPoint(x, y),
                                              QtCore.QSize(min(hint.width(), area.width()),
                                                           hint.height())))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()
