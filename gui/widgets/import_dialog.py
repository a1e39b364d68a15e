"""File ▸ Import CSV…: preview a CSV file, pick 1–2 feature columns and a label column.

The dialog only reads the file (through ``core.datasets``); the main window decides what to do
with the resulting ``Dataset``. Errors are shown in a message box and the dialog stays open, so
the current points are never touched by a failed import.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from core import datasets
from core.settings import DataSettings, fields_of

NONE_CHOICE = "(none)"
TASK_CHOICES = (("auto", None), ("classification", "classification"),
                ("regression", "regression"))
#: Files up to this size are read completely on every pick, to show the dropped-row count live.
LIVE_SUMMARY_BYTES = 4_000_000
#: At most this many rows are imported — the most points a generated data set may have
#: (``DataSettings.n_points``), which the canvas and a Play frame handle; a larger file gives
#: a random sample of this size.
MAX_IMPORT_ROWS = int(next(info.maximum for info in fields_of(DataSettings)
                           if info.name == "n_points"))


def _looks_numeric(values: list[str]) -> bool:
    seen = 0
    for value in values:
        value = value.strip()
        if value in ("", "NA", "NaN", "nan", "N/A", "null", "None"):
            continue
        try:
            float(value.replace(",", "."))
        except ValueError:
            return False
        seen += 1
    return seen > 0


class ImportDialog(QtWidgets.QDialog):
    """Preview + column pickers. After `exec()` returns Accepted, `self.dataset` is the result."""

    def __init__(self, parent=None, path: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import CSV")
        self.resize(720, 480)
        self.dataset: datasets.Dataset | None = None
        self.path: str | None = None
        self.header: list[str] = []

        self.path_edit = QtWidgets.QLineEdit()
        self.path_edit.setReadOnly(True)
        browse = QtWidgets.QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.dialect_label = QtWidgets.QLabel()
        self.dialect_label.setStyleSheet("color: #555;")
        self.preview = QtWidgets.QTableWidget()
        self.preview.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.feature1 = QtWidgets.QComboBox()
        self.feature2 = QtWidgets.QComboBox()
        self.label_combo = QtWidgets.QComboBox()
        self.task_combo = QtWidgets.QComboBox()
        for text, _ in TASK_CHOICES:
            self.task_combo.addItem(text)
        self.summary = QtWidgets.QLabel("Choose a CSV file.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        for combo in (self.feature1, self.feature2, self.label_combo, self.task_combo):
            combo.currentIndexChanged.connect(self._update_summary)

        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(QtWidgets.QLabel("File:"))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        form = QtWidgets.QFormLayout()
        form.addRow("Feature x1:", self.feature1)
        form.addRow("Feature x2:", self.feature2)
        form.addRow("Label / target:", self.label_combo)
        form.addRow("Task:", self.task_combo)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.dialect_label)
        layout.addWidget(self.preview, 1)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._ok_button().setEnabled(False)
        if path:
            self.open_path(path)

    def _ok_button(self) -> QtWidgets.QPushButton:
        return self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)

    def _browse(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, "Import CSV", "", "CSV files (*.csv *.tsv *.txt);;All files (*)")
        if path:
            self.open_path(path)

    # --------------------------------------------------------------- reading
    def open_path(self, path: str) -> bool:
        """Load the preview of `path`; on error show a message box and return False."""
        try:
            header, rows, dialect = datasets.csv_columns(path, max_rows=20)
        except (ValueError, OSError, UnicodeDecodeError) as error:
            QtWidgets.QMessageBox.warning(self, "Import CSV", f"Cannot read {path}:\n{error}")
            return False
        self.path = path
        self.header = [str(h) for h in header]
        self.path_edit.setText(path)
        self.dialect_label.setText(str(dialect))
        self.preview.clear()
        self.preview.setColumnCount(len(self.header))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(self.header)
        for r, row in enumerate(rows):
            for c, value in enumerate(list(row)[: len(self.header)]):
                self.preview.setItem(r, c, QtWidgets.QTableWidgetItem(str(value)))
        self.preview.resizeColumnsToContents()
        columns = [[str(row[c]) if c < len(row) else "" for row in rows]
                   for c in range(len(self.header))]
        numeric = [name for name, col in zip(self.header, columns, strict=True)
                   if _looks_numeric(col)]
        text = [name for name in self.header if name not in numeric]
        for combo in (self.feature1, self.feature2, self.label_combo):
            combo.blockSignals(True)
            combo.clear()
        self.feature1.addItems(self.header)
        self.feature2.addItem(NONE_CHOICE)
        self.feature2.addItems(self.header)
        self.label_combo.addItems(self.header)
        guess_label = text[0] if text else self.header[-1]
        guess_features = [n for n in numeric if n != guess_label][:2]
        if guess_features:
            self.feature1.setCurrentText(guess_features[0])
        self.feature2.setCurrentText(guess_features[1] if len(guess_features) > 1
                                     else NONE_CHOICE)
        self.label_combo.setCurrentText(guess_label)
        for combo in (self.feature1, self.feature2, self.label_combo):
            combo.blockSignals(False)
        self._update_summary()
        return True

    def selection(self) -> tuple[list[str], str, str | None]:
        """The picked (features, label, task or None for auto)."""
        features = [self.feature1.currentText()]
        if self.feature2.currentText() not in ("", NONE_CHOICE):
            features.append(self.feature2.currentText())
        task = TASK_CHOICES[max(self.task_combo.currentIndex(), 0)][1]
        return features, self.label_combo.currentText(), task

    def select(self, features: list[str], label: str, task: str | None = None) -> None:
        """Set the pickers programmatically (used by tests and scripts)."""
        self.feature1.setCurrentText(features[0])
        self.feature2.setCurrentText(features[1] if len(features) > 1 else NONE_CHOICE)
        self.label_combo.setCurrentText(label)
        names = [t for _, t in TASK_CHOICES]
        self.task_combo.setCurrentIndex(names.index(task))
        self._update_summary()

    def read(self) -> datasets.Dataset:
        """Read the whole file with the current selection. Raises ValueError with a message."""
        if not self.path:
            raise ValueError("no file chosen")
        features, label, task = self.selection()
        if label in features:
            raise ValueError(f"column {label!r} cannot be both a feature and the label")
        if len(set(features)) != len(features):
            raise ValueError("choose two different feature columns")
        return datasets.read_csv(self.path, features, label, task=task)

    def _update_summary(self) -> None:
        if not self.path:
            return
        self.dataset = None
        if os.path.getsize(self.path) > LIVE_SUMMARY_BYTES:
            self.summary.setText("Large file: rows are counted when you press Import; at most "
                                 f"{MAX_IMPORT_ROWS:,} (a random sample) are imported.")
            self._ok_button().setEnabled(True)
            return
        try:
            dataset = self.read()
        except (ValueError, OSError, UnicodeDecodeError) as error:
            self.summary.setStyleSheet("color: #B00020;")
            self.summary.setText(str(error))
            self._ok_button().setEnabled(False)
            return
        self.summary.setStyleSheet("")
        self.summary.setText(describe(dataset))
        self._ok_button().setEnabled(True)

    def accept(self) -> None:
        try:
            self.dataset = self.read()
        except (ValueError, OSError, UnicodeDecodeError) as error:
            self.dataset = None
            QtWidgets.QMessageBox.warning(self, "Import CSV", f"Cannot import:\n{error}")
            return
        super().accept()


def describe(dataset: datasets.Dataset) -> str:
    """One-line summary: rows kept, rows dropped, classes or target range."""
    parts = [f"{dataset.X.shape[0]} rows", f"{dataset.dropped_rows} rows dropped (empty/NA)"]
    if dataset.X.shape[0] > MAX_IMPORT_ROWS:
        parts[0] += f" (a random sample of {MAX_IMPORT_ROWS:,} is imported)"
    if dataset.task == "classification":
        names = dataset.class_names or tuple(str(k) for k in range(dataset.n_classes))
        parts.append(f"{dataset.n_classes} classes: {', '.join(names)}")
    else:
        parts.append("regression target")
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
