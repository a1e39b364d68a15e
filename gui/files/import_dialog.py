"""File ▸ Import CSV…: preview a CSV file, pick 1–2 feature columns and a label column.

The file is chosen with Browse… or by typing (or pasting) its path into the File field and
pressing Enter. Its delimiter is detected by ``core.csv_io`` and shown in the Delimiter picker;
choosing another there reads the preview again with it (a file that splits into one column
says so and points to the picker), and Import reads the file with the delimiter shown. The
dialog only reads the file (through ``core.datasets``); the main window decides what to do
with the resulting ``Dataset``. Errors are shown in a message box and the
dialog stays open, so the current points are never touched by a failed import.

Import reads the whole file in chunks (``core.csv_io.CHUNK_ROWS`` rows); after each chunk the
dialog shows how far it got and lets the event loop run (:func:`yield_to_event_loop`), so the
window keeps painting and Cancel stops a long read. The pickers are disabled meanwhile.

Columns are guessed from the first rows (the whole file when it is small) by
``core.csv_io.guess_columns`` (a target-named class column such as "Species" for the label,
two measurements for the features, never a row id); the dialog only shows the guess. Without a
usable label the picker stays empty and the summary says why.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import numpy as np
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from core import datasets
from core.csv_io import DELIMITERS, CsvDialect, ReadCancelled
from core.settings import DataSettings, fields_of
from gui.common.fitting_label import FittingLabel
from gui.common.i18n import manager, translate
from gui.files.csv_errors import csv_error_text

#: (item text, task value) of the Task picker; the code reads the value (item data).
TASK_CHOICES = ((QT_TRANSLATE_NOOP("ImportDialog", "auto"), None),
                (QT_TRANSLATE_NOOP("ImportDialog", "classification"), "classification"),
                (QT_TRANSLATE_NOOP("ImportDialog", "regression"), "regression"))
NONE_CHOICE = QT_TRANSLATE_NOOP("ImportDialog", "(none)")
#: Code of each delimiter of ``core.csv_io.DELIMITERS`` → the Delimiter picker's text.
DELIMITER_TEXTS = {"comma": QT_TRANSLATE_NOOP("ImportDialog", "comma (,)"),
                   "semicolon": QT_TRANSLATE_NOOP("ImportDialog", "semicolon (;)"),
                   "tab": QT_TRANSLATE_NOOP("ImportDialog", "tab"),
                   "pipe": QT_TRANSLATE_NOOP("ImportDialog", "pipe (|)")}
PREVIEW_ROWS = 20
#: Preview rows the dialog opens tall enough to show (with every control), at any font size.
VISIBLE_PREVIEW_ROWS = 8
#: The dialog opens this many average character widths wide (720 px at 9 pt) ...
DIALOG_WIDTH_CHARS = 120
#: ... and at most this share of the screen's available width and height (room for the frame).
SCREEN_SHARE = 0.95
#: Lines the summary always has room for, so a message of two lines moves nothing.
SUMMARY_LINES = 2
#: Cells read to guess the feature and label columns: small files are read completely.
GUESS_CELLS = 200_000
#: Files up to this size are read completely on every pick, to show the dropped-row count live.
LIVE_SUMMARY_BYTES = 4_000_000
#: At most this many rows are imported — the most points a generated data set may have
#: (``DataSettings.n_points``), which the canvas and a Play frame handle; a larger file gives
#: a random sample of this size.
MAX_IMPORT_ROWS = int(next(info.maximum for info in fields_of(DataSettings)
                           if info.name == "n_points"))


class PathEdit(QtWidgets.QLineEdit):
    """The File field. Enter loads the typed path (``returnPressed``) and stops there: it does
    not also press the dialog's default button (Import)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def clean_path(text: str) -> str:
    """A typed or pasted path: surrounding spaces and quotes removed, ``file://`` URLs and
    ``~`` expanded."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1].strip()
    if text.lower().startswith("file:"):
        text = QtCore.QUrl(text).toLocalFile() or text
    return os.path.expanduser(text)


def yield_to_event_loop() -> None:
    """Let Qt handle pending events (painting, timers, the Cancel button) between two chunks
    of a long read."""
    QtWidgets.QApplication.processEvents()


class PreviewTable(QtWidgets.QTableWidget):
    """The preview: it asks for the height of ``VISIBLE_PREVIEW_ROWS`` rows in its font."""

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt naming)
        header = max(self.horizontalHeader().sizeHint().height(), self.fontMetrics().height())
        rows = VISIBLE_PREVIEW_ROWS * self.verticalHeader().defaultSectionSize()
        height = (header + rows + self.horizontalScrollBar().sizeHint().height()
                  + 2 * self.frameWidth())
        return QtCore.QSize(super().sizeHint().width(), height)


class SummaryLabel(FittingLabel):
    """The summary under the pickers, word-wrapped and never cut: its minimum height is the
    height of its text at its width (at least ``SUMMARY_LINES`` lines), so the dialog cannot
    be made smaller than that and the preview gives up the room first. (A plain wrapped
    QLabel got less than its text needs at 2x fonts in a dialog resized small.)"""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        """The wrapped text's height at ``width``, at least ``SUMMARY_LINES`` lines. (QLabel's
        own never returns less than the minimum height, which this label sets from it: after a
        long message it could only grow.)"""
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right() - 2 * self.margin()
        text = self.fontMetrics().boundingRect(
            QtCore.QRect(0, 0, max(1, inner), 1 << 20),
            int(self.alignment()) | int(Qt.TextFlag.TextWordWrap), self.text()).height()
        lines = SUMMARY_LINES * self.fontMetrics().lineSpacing()
        return max(text, lines) + margins.top() + margins.bottom() + 2 * self.margin()

    def fit(self) -> None:
        if self.width() > 0:
            height = self.heightForWidth(self.width())
            if height != self.minimumHeight():
                self.setMinimumHeight(height)


class ImportDialog(QtWidgets.QDialog):
    """Preview + column pickers. After `exec()` returns Accepted, `self.dataset` is the result.

    It opens sized by its font (:meth:`fit_to_font`), so presenter mode's larger fonts still
    show ``VISIBLE_PREVIEW_ROWS`` preview rows, within the screen."""

    def __init__(self, parent=None, path: str | None = None) -> None:
        super().__init__(parent)
        self._fitted = False  # sized by the font at the first show
        self.dataset: datasets.Dataset | None = None
        self.path: str | None = None
        self.header: list[str] = []
        self.data_rows = 0  # data rows seen in the preview sample
        self._why_no_label: tuple[str, ...] = ()
        self._dialect: CsvDialect | None = None
        self._summary_text: Callable[[], str] = lambda: ""
        self.reading = False  # Import is reading the file (chunk by chunk)
        self._cancel_requested = False

        self.path_edit = PathEdit()
        self.path_edit.returnPressed.connect(self.load_typed_path)
        self.path_edit.textEdited.connect(self._path_edited)
        self.browse_button = QtWidgets.QPushButton()
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self._browse)
        self.file_label = QtWidgets.QLabel()
        self.file_label.setBuddy(self.path_edit)
        self.delimiter_label = QtWidgets.QLabel()
        self.delimiter_combo = QtWidgets.QComboBox()
        for delimiter, code in DELIMITERS.items():
            self.delimiter_combo.addItem(DELIMITER_TEXTS[code], delimiter)
        self.delimiter_combo.setEnabled(False)  # until a file is loaded
        self.delimiter_combo.currentIndexChanged.connect(self._delimiter_chosen)
        self.delimiter_label.setBuddy(self.delimiter_combo)
        self.dialect_label = QtWidgets.QLabel()
        self.dialect_label.setStyleSheet("color: #555;")
        self.preview = PreviewTable()
        self.preview.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.feature1 = QtWidgets.QComboBox()
        self.feature2 = QtWidgets.QComboBox()
        self.label_combo = QtWidgets.QComboBox()
        self.task_combo = QtWidgets.QComboBox()
        for text, task in TASK_CHOICES:
            self.task_combo.addItem(text, task)
        self.summary = SummaryLabel()
        for combo in (self.feature1, self.feature2, self.label_combo, self.task_combo):
            combo.currentIndexChanged.connect(self._update_summary)

        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        dialect_row = QtWidgets.QHBoxLayout()
        dialect_row.addWidget(self.delimiter_label)
        dialect_row.addWidget(self.delimiter_combo)
        dialect_row.addWidget(self.dialect_label, 1)
        self.form = QtWidgets.QFormLayout()
        self.form_labels = [QtWidgets.QLabel() for _ in range(4)]
        for label, field in zip(self.form_labels, (self.feature1, self.feature2,
                                                   self.label_combo, self.task_combo),
                                strict=True):
            self.form.addRow(label, field)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(dialect_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._ok_button().setEnabled(False)
        self._show_summary(self._choose_file_text)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)
        if path:
            self.open_path(path)

    def retranslate(self, _language: str = "") -> None:
        """Set every text of the dialog in the current language (also on languageChanged)."""
        self.setWindowTitle(translate("ImportDialog", "Import CSV"))
        self.file_label.setText(translate("ImportDialog", "File:"))
        self.path_edit.setPlaceholderText(
            translate("ImportDialog", "Type or paste the path of a CSV file, then press Enter"))
        self.browse_button.setText(translate("ImportDialog", "Browse…"))
        self.delimiter_label.setText(translate("ImportDialog", "Delimiter:"))
        for index, code in enumerate(DELIMITERS.values()):
            self.delimiter_combo.setItemText(index, translate("ImportDialog",
                                                              DELIMITER_TEXTS[code]))
        texts = (translate("ImportDialog", "Feature x1:"), translate("ImportDialog", "Feature x2:"),
                 translate("ImportDialog", "Label / target:"), translate("ImportDialog", "Task:"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self._ok_button().setText(translate("ImportDialog", "Import"))
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setText(
            translate("ImportDialog", "Cancel"))
        for index, (text, _task) in enumerate(TASK_CHOICES):
            self.task_combo.setItemText(index, translate("ImportDialog", text))
        if self.feature2.count():
            self.feature2.setItemText(0, translate("ImportDialog", NONE_CHOICE))
        self.dialect_label.setText(self._dialect_text())
        if self.path and self.path_edit.text() == self.path:
            self._update_summary()
        else:
            self._show_summary(self._summary_text, self._summary_error)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt naming)
        if visible and not self._fitted:
            self._fitted = True
            self.fit_to_font()  # before showing, so the dialog is placed with its real size
        super().setVisible(visible)

    def fit_to_font(self) -> None:
        """Resize to ``DIALOG_WIDTH_CHARS`` average characters wide (or what the controls
        need) and the height of the controls with ``VISIBLE_PREVIEW_ROWS`` preview rows, in
        the dialog's current fonts (a presenter style sheet's included), but at most
        ``SCREEN_SHARE`` of the screen's available area."""
        self.ensurePolished()  # the style sheet's fonts, for the dialog and its children
        self.preview.resizeColumnsToContents()  # filled before: in the fonts of then
        self.summary.setMinimumHeight(0)  # set at its width before the layout: fitted again
        layout = self.layout()
        for nested in layout.findChildren(QtWidgets.QLayout):  # they keep the old fonts' sizes
            nested.invalidate()
        layout.invalidate()
        width = max(layout.sizeHint().width(),
                    DIALOG_WIDTH_CHARS * self.fontMetrics().averageCharWidth())
        height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        screen = (self.parentWidget() or self).screen() or QtWidgets.QApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry().size()
            width = min(width, int(SCREEN_SHARE * room.width()))
            height = min(height, int(SCREEN_SHARE * room.height()))
        self.resize(width, height)

    def _ok_button(self) -> QtWidgets.QPushButton:
        return self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)

    def _browse(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, translate("ImportDialog", "Import CSV"), "",
            translate("ImportDialog", "CSV files (*.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.open_path(path)

    def _show_summary(self, text: Callable[[], str], error: bool = False) -> None:
        """Show ``text()`` under the pickers (red for a problem); kept for retranslation."""
        self._summary_text, self._summary_error = text, error
        self.summary.setStyleSheet("color: #B00020;" if error else "")
        self.summary.setText(text())
        self.layout().activate()  # its room now, not at the next event (a grab, a paint)

    @staticmethod
    def _choose_file_text() -> str:
        return translate("ImportDialog",
                         "Choose a CSV file with Browse…, or type its path and press Enter.")

    @staticmethod
    def _type_a_path_text() -> str:
        return translate("ImportDialog",
                         "Type the path of a CSV file, or choose one with Browse….")

    def _dialect_text(self) -> str:
        """How the file was read, beside the Delimiter picker: "UTF-8", "delimiter not
        detected, UTF-8 with BOM", "decimal comma, UTF-8" …"""
        dialect = self._dialect
        if dialect is None:
            return ""
        parts = []
        if dialect.delimiter_source == "assumed":
            parts.append(translate("ImportDialog", "delimiter not detected"))
        if dialect.decimal_comma:
            parts.append(translate("ImportDialog", "decimal comma"))
        parts.append(translate("ImportDialog", "UTF-8 with BOM") if dialect.bom else "UTF-8")
        return translate("ImportDialog", ", ", "separator of the file's properties").join(parts)

    def delimiter(self) -> str | None:
        """The delimiter the preview was read with (a key of ``core.csv_io.DELIMITERS``)."""
        return None if self._dialect is None else self._dialect.delimiter

    # --------------------------------------------------------------- reading
    def _path_edited(self, text: str) -> None:
        """Typing in the File field: Import waits until Enter has loaded the typed file."""
        if self.path is not None and text == self.path:
            self._update_summary()
            return
        self._ok_button().setEnabled(False)
        if text.strip():
            self._show_summary(lambda: translate(
                "ImportDialog", "Press Enter to load the preview of this file."))
        else:
            self._show_summary(self._choose_file_text)

    def load_typed_path(self) -> bool:
        """Enter in the File field: load the typed (or pasted) path; False if it failed."""
        path = clean_path(self.path_edit.text())
        if not path:
            self._show_summary(self._type_a_path_text, error=True)
            QtWidgets.QMessageBox.warning(self, translate("ImportDialog", "Import CSV"),
                                          self._type_a_path_text())
            return False
        return self.open_path(path)

    def _path_problem(self, path: str) -> str:
        """Why ``path`` cannot be opened as a file (translated), or ""."""
        if os.path.isdir(path):
            return translate("ImportDialog", "{0} is a folder, not a file. Choose a CSV file "
                             "inside it with Browse….").format(path)
        if not os.path.exists(path):
            return translate("ImportDialog", "There is no file {0}. Check the folder and the "
                             "file name, or choose the file with Browse….").format(path)
        return ""

    def open_path(self, path: str, delimiter: str | None = None) -> bool:
        """Load the preview of `path`, read with ``delimiter`` (a key of
        ``core.csv_io.DELIMITERS``; None detects it); on error show a message box and return
        False (the dialog then shows no file, and Import stays disabled until a file loads)."""
        self.path_edit.setText(path)
        problem = self._path_problem(path)
        try:
            if problem:
                raise ValueError(problem)
            header, rows, dialect = datasets.csv_columns(path, max_rows=PREVIEW_ROWS,
                                                         delimiter=delimiter)
            if len(rows) == PREVIEW_ROWS:  # read more rows (all of a small file) to guess
                rows = datasets.csv_columns(
                    path, max_rows=max(PREVIEW_ROWS, GUESS_CELLS // max(1, len(header))),
                    delimiter=dialect.delimiter)[1]
        except (ValueError, OSError, UnicodeDecodeError) as error:
            self._clear()
            self._show_summary(lambda error=error: self._path_problem(path)
                               or csv_error_text(error), error=True)
            message = problem or translate("ImportDialog", "Cannot read {0}:\n{1}").format(
                path, csv_error_text(error))
            QtWidgets.QMessageBox.warning(self, translate("ImportDialog", "Import CSV"), message)
            return False
        self.path = path
        self.header = [str(h) for h in header]
        self.data_rows = len(rows)
        self._dialect = dialect
        self.dialect_label.setText(self._dialect_text())
        self.delimiter_combo.blockSignals(True)
        self.delimiter_combo.setCurrentIndex(self.delimiter_combo.findData(dialect.delimiter))
        self.delimiter_combo.blockSignals(False)
        self.delimiter_combo.setEnabled(True)
        preview = rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(self.header))
        self.preview.setRowCount(len(preview))
        self.preview.setHorizontalHeaderLabels(self.header)
        for r, row in enumerate(preview):
            for c, value in enumerate(list(row)[: len(self.header)]):
                self.preview.setItem(r, c, QtWidgets.QTableWidgetItem(str(value)))
        self.preview.resizeColumnsToContents()
        features, label, self._why_no_label = datasets.guess_columns(
            self.header, [[str(cell) for cell in row] for row in rows])
        for combo in (self.feature1, self.feature2, self.label_combo):
            combo.blockSignals(True)
            combo.clear()
        self.feature2.addItem(translate("ImportDialog", NONE_CHOICE), None)
        for name in self.header:  # column names are the user's data: never translated
            for combo in (self.feature1, self.feature2, self.label_combo):
                combo.addItem(name, name)
        self.feature1.setCurrentIndex(self.feature1.findData(features[0]) if features else -1)
        self.feature2.setCurrentIndex(self.feature2.findData(features[1])
                                      if len(features) > 1 else 0)
        self.label_combo.setCurrentIndex(-1 if label is None else self.label_combo.findData(label))
        for combo in (self.feature1, self.feature2, self.label_combo):
            combo.blockSignals(False)
        self._update_summary()
        return True

    def _delimiter_chosen(self, _index: int) -> None:
        """A delimiter picked by the user: read the preview of the loaded file again with it
        (the column choices are guessed again: the columns change)."""
        delimiter = self.delimiter_combo.currentData()
        if self.path and not self.reading and delimiter != self.delimiter():
            self.open_path(self.path, delimiter)

    def _clear(self) -> None:
        """No file loaded: empty preview and pickers, Import disabled."""
        self.path, self.header, self.data_rows, self._dialect = None, [], 0, None
        self.dataset = None
        self.dialect_label.setText("")
        self.delimiter_combo.setEnabled(False)
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        for combo in (self.feature1, self.feature2, self.label_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self._ok_button().setEnabled(False)

    def selection(self) -> tuple[list[str], str, str | None]:
        """The picked (features, label, task or None for auto); "" for an empty picker."""
        features = [self.feature1.currentData() or ""]
        if self.feature2.currentData():
            features.append(self.feature2.currentData())
        return features, self.label_combo.currentData() or "", self.task_combo.currentData()

    def select(self, features: list[str], label: str, task: str | None = None) -> None:
        """Set the pickers programmatically (used by tests and scripts). ValueError for a
        column the file does not have."""
        for name in [*features, label]:
            if name not in self.header:
                raise ValueError(f"no column {name!r}; columns are: {', '.join(self.header)}")
        combos = (self.feature1, self.feature2, self.label_combo, self.task_combo)
        for combo in combos:
            combo.blockSignals(True)
        self.feature1.setCurrentIndex(self.feature1.findData(features[0]))
        self.feature2.setCurrentIndex(self.feature2.findData(features[1])
                                      if len(features) > 1 else 0)
        self.label_combo.setCurrentIndex(self.label_combo.findData(label))
        self.task_combo.setCurrentIndex([t for _, t in TASK_CHOICES].index(task))
        for combo in combos:
            combo.blockSignals(False)
        self._update_summary()

    def check_selection(self) -> None:
        """Problems found without reading the file: ValueError with a translated message."""
        if not self.path:
            raise ValueError(translate("ImportDialog", "no file chosen"))
        if self.data_rows == 0:
            raise ValueError(translate("ImportDialog", "{0}: the file has a header but no data "
                                       "rows").format(os.path.basename(self.path)))
        if self._why_no_label[:1] == ("one column",):
            raise ValueError(translate(
                "ImportDialog", "Only one column was found (delimiter: {0}). If the file uses "
                "another delimiter, choose it under Delimiter.").format(
                    self.delimiter_combo.currentText()))
        features, label, _task = self.selection()
        if not label:
            if self._why_no_label[:1] == ("one class",):
                _kind, column, value = self._why_no_label
                raise ValueError(translate(
                    "ImportDialog", "Column '{0}' has only one class ('{1}'), so no label "
                    "column was guessed. Choose the label column.").format(column, value))
            if self._why_no_label:
                raise ValueError(translate(
                    "ImportDialog", "No column has two different values to learn from in the "
                    "first rows, so no label column was guessed. Choose the label column."))
            raise ValueError(translate("ImportDialog", "Choose the label column."))
        if not features[0]:
            raise ValueError(translate("ImportDialog", "Choose the feature column x1."))
        if label in features:
            raise ValueError(translate("ImportDialog", "column '{0}' cannot be both a feature "
                                       "and the label").format(label))
        if len(set(features)) != len(features):
            raise ValueError(translate("ImportDialog", "choose two different feature columns"))

    def read(self, progress=None) -> datasets.Dataset:
        """Read the whole file with the current selection. Raises ValueError with a message;
        ``progress`` as for ``core.csv_io.read_csv`` (ReadCancelled when it returns False)."""
        self.check_selection()
        features, label, task = self.selection()
        return datasets.read_csv(self.path, features, label, task=task, progress=progress,
                                 delimiter=self.delimiter())

    def _reading_progress(self, rows: int, fraction: float) -> bool:
        """After each chunk of Import's read: show the progress, let the event loop run;
        False (stop) once Cancel was pressed."""
        self._show_summary(lambda: translate(
            "ImportDialog", "Reading the file: {0} rows so far ({1} %). Cancel stops it."
        ).format(rows, int(100 * fraction)))
        yield_to_event_loop()
        return not self._cancel_requested

    def _set_reading(self, reading: bool) -> None:
        self.reading = reading
        self._cancel_requested = False
        for widget in (self.path_edit, self.browse_button, self.delimiter_combo, self.preview,
                       self.feature1, self.feature2, self.label_combo, self.task_combo,
                       self._ok_button()):
            widget.setEnabled(not reading)

    def reject(self) -> None:
        """Cancel (or Escape, or closing the dialog): while Import reads, stop the reading
        first; the dialog closes when the read has stopped."""
        if self.reading:
            self._cancel_requested = True
            return
        super().reject()

    def _update_summary(self) -> None:
        if not self.path or self.reading:
            return
        self.dataset = None
        try:
            self.check_selection()
            if os.path.getsize(self.path) > LIVE_SUMMARY_BYTES:
                self._show_summary(lambda: translate(
                    "ImportDialog", "Large file: rows are counted when you press Import; at "
                    "most {0} (a random sample) are imported.").format(f"{MAX_IMPORT_ROWS:,}"))
                self._ok_button().setEnabled(True)
                return
            dataset = self.read()
        except (ValueError, OSError, UnicodeDecodeError) as error:
            self._show_summary(lambda error=error: translate(
                "ImportDialog", "{0}", "summary: why the chosen columns cannot be imported"
            ).format(csv_error_text(error)), error=True)
            self._ok_button().setEnabled(False)
            return
        self._show_summary(lambda: describe(dataset))
        self._ok_button().setEnabled(True)

    def accept(self) -> None:
        if self.path_edit.text() != (self.path or ""):  # a typed path that was not loaded yet
            self.load_typed_path()
            return
        if self.reading:
            return
        summary = (self._summary_text, self._summary_error)
        self._set_reading(True)
        try:
            self.dataset = self.read(progress=self._reading_progress)
        except ReadCancelled:
            self.dataset = None
            self._set_reading(False)
            self._show_summary(*summary)
            super().reject()
            return
        except (ValueError, OSError, UnicodeDecodeError) as error:
            self.dataset = None
            self._set_reading(False)
            self._show_summary(*summary)
            QtWidgets.QMessageBox.warning(self, translate("ImportDialog", "Import CSV"),
                                          translate("ImportDialog", "Cannot import:\n{0}")
                                          .format(csv_error_text(error)))
            return
        self._set_reading(False)
        self._show_summary(*summary)
        super().accept()


def describe(dataset: datasets.Dataset) -> str:
    """One-line summary: rows kept, rows dropped, classes or target range."""
    rows = dataset.X.shape[0]
    parts = [translate("ImportDialog", "{0} rows").format(rows),
             translate("ImportDialog", "{0} rows dropped (empty/NA)").format(dataset.dropped_rows)]
    if rows > MAX_IMPORT_ROWS:
        parts[0] = translate("ImportDialog", "{0} rows (a random sample of {1} is imported)"
                             ).format(rows, f"{MAX_IMPORT_ROWS:,}")
    if dataset.task == "classification":
        names = dataset.class_names or tuple(str(k) for k in range(dataset.n_classes))
        parts.append(translate("ImportDialog", "{0} classes: {1}").format(
            dataset.n_classes, ", ".join(names)))
    else:
        parts.append(translate("ImportDialog", "regression target"))
    return " · ".join(parts)


def limit_rows(dataset: datasets.Dataset, max_rows: int = MAX_IMPORT_ROWS,
               seed: int = 0) -> datasets.Dataset:
    """``dataset`` itself if it has at most ``max_rows`` rows, else a seeded random sample of
    ``max_rows`` rows in file order; for classification the first row of any class the sample
    missed is added, so every class stays. ``dropped_rows`` is kept."""
    n = dataset.X.shape[0]
    if n <= max_rows:
        return dataset
    keep = np.sort(np.random.default_rng(seed).choice(n, size=max_rows, replace=False))
    if dataset.task == "classification":
        missing = np.setdiff1d(np.unique(dataset.y), dataset.y[keep])
        firsts = [int(np.argmax(dataset.y == label)) for label in missing]
        keep = np.union1d(keep, np.array(firsts, dtype=np.int64))
    return datasets.Dataset(dataset.X[keep], dataset.y[keep], dataset.task, dataset.n_classes,
                            dataset.feature_names, dataset.class_names, dataset.dropped_rows)
