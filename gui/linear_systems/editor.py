"""The typed entries of Ax = b: one row of line edits per equation, a₁ x₁ + a₂ x₂ = b.

Typing updates the system live (signal ``edited(A, b)`` on every keystroke). A text that is
not a number is passed on as NaN, so the engine reports ``bad_input`` and the view says which
equation is wrong; the typed text stays as it is (nothing is lost). :meth:`show_system` writes
the numbers back (after a drag, an example or a lesson step) with the edits' signals blocked.
"""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal

from gui.common.i18n import translate
from gui.common.number_format import number, parse_number

#: Equations the editor allows: a square system (2) up to an overdetermined one of 6 lines.
MIN_ROWS, MAX_ROWS = 2, 6
COLUMNS = 3  # a₁, a₂, b


def parse_entry(text: str) -> float:
    """The number typed in an entry, NaN when it is not one (empty, letters, a misplaced
    comma); ``gui.common.number_format.parse_number``: "1,000" is 1000, "0,5" is 0.5."""
    try:
        return parse_number(text)
    except ValueError:
        return math.nan


def entry_text(value: float) -> str:
    """How an entry writes an engine number (up to 6 significant digits, no "-0")."""
    return number(value, 6)


class SystemEditor(QtWidgets.QWidget):
    """Entries of A (m × 2) and b (m,), 2 ≤ m ≤ 6. ``edited(A, b)``: lists of floats."""

    edited = Signal(object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid = QtWidgets.QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(2)
        self.entries: list[list[QtWidgets.QLineEdit]] = []
        self.signs: list[tuple[QtWidgets.QLabel, ...]] = []
        self.add_button = QtWidgets.QToolButton()
        self.remove_button = QtWidgets.QToolButton()
        self.add_button.clicked.connect(self._add_row)
        self.remove_button.clicked.connect(self._remove_row)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self.grid, 1)
        #: beside the entries: the two buttons side by side, then what the view adds (its
        #: examples), so the system takes the rows of its equations and no row of its own
        self.side = QtWidgets.QVBoxLayout()
        self.side.setSpacing(2)
        buttons = QtWidgets.QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.side.addLayout(buttons)
        self.side.addStretch(1)
        layout.addLayout(self.side)
        for _ in range(MAX_ROWS):
            self._make_row()
        self._rows = MIN_ROWS
        self._show_rows()
        self.retranslate()

    def _make_row(self) -> None:
        r = len(self.entries)
        edits = []
        for c in range(COLUMNS):
            edit = QtWidgets.QLineEdit("0")
            edit.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("−0.000") + 10)
            edit.textEdited.connect(self._typed)
            edits.append(edit)
        signs = (QtWidgets.QLabel(), QtWidgets.QLabel("x₁ +"), QtWidgets.QLabel("x₂ ="))
        self.grid.addWidget(signs[0], r, 0)
        self.grid.addWidget(edits[0], r, 1)
        self.grid.addWidget(signs[1], r, 2)
        self.grid.addWidget(edits[1], r, 3)
        self.grid.addWidget(signs[2], r, 4)
        self.grid.addWidget(edits[2], r, 5)
        self.entries.append(edits)
        self.signs.append(signs)

    def retranslate(self) -> None:
        self.add_button.setText("+")
        self.add_button.setToolTip(translate("LinearSystem", "Add an equation (a line)"))
        self.remove_button.setText("−")
        self.remove_button.setToolTip(translate("LinearSystem", "Remove the last equation"))
        for r, signs in enumerate(self.signs):
            signs[0].setText(translate("LinearSystem", "({0})").format(r + 1))

    @property
    def rows(self) -> int:
        return self._rows

    def _show_rows(self) -> None:
        for r, (edits, signs) in enumerate(zip(self.entries, self.signs)):
            for widget in (*edits, *signs):
                widget.setVisible(r < self._rows)
        self.add_button.setEnabled(self._rows < MAX_ROWS)
        self.remove_button.setEnabled(self._rows > MIN_ROWS)

    def values(self) -> tuple[list[list[float]], list[float]]:
        """(A, b) as typed: A a list of m [a₁, a₂], b a list of m numbers (NaN: not a number)."""
        rows = [[parse_entry(e.text()) for e in self.entries[r]] for r in range(self._rows)]
        return [row[:2] for row in rows], [row[2] for row in rows]

    def show_system(self, A, b) -> None:
        """Write A (m × 2) and b (m,) into the entries without emitting ``edited``."""
        self._rows = max(MIN_ROWS, min(MAX_ROWS, len(b)))
        for r in range(min(len(b), MAX_ROWS)):
            for c, value in enumerate((A[r][0], A[r][1], b[r])):
                edit = self.entries[r][c]
                blocked = edit.blockSignals(True)
                try:
                    if parse_entry(edit.text()) != value or not math.isfinite(value):
                        edit.setText(entry_text(value))
                finally:
                    edit.blockSignals(blocked)
        self._show_rows()

    def _typed(self, _text: str = "") -> None:
        self.edited.emit(*self.values())

    def _add_row(self) -> None:
        if self._rows < MAX_ROWS:
            A, b = self.values()
            # a new line through the origin, turned from the last one so it is not parallel
            last = A[-1] if all(map(math.isfinite, A[-1])) else [1.0, 0.0]
            new = [-last[1], last[0]] if any(last) else [1.0, 0.0]
            self.show_system([*A, new], [*b, 0.0])
            self._typed()

    def _remove_row(self) -> None:
        if self._rows > MIN_ROWS:
            self._rows -= 1
            self._show_rows()
            self._typed()
