"""File ▸ Import CSV…: the Delimiter picker, the one-column message, a whole summary, and the
dialog's size at presenter fonts."""

from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt

from core.csv_io import DELIMITERS
from gui.app_window.layout_report import elided_widgets
from gui.files.import_dialog import DELIMITER_TEXTS, VISIBLE_PREVIEW_ROWS, ImportDialog
from tests.gui.penguins_import import FEATURES
from tests.gui.presenter_fonts import presenter_style, settle


@pytest.fixture
def pipe_penguins(tmp_path, penguins_path) -> str:
    """The penguins file with '|' between its fields (as the new-user trial had it)."""
    path = tmp_path / "pipe_penguins.csv"
    path.write_text(Path(penguins_path).read_text(encoding="utf-8").replace(",", "|"),
                    encoding="utf-8")
    return str(path)


def choose_delimiter(dialog: ImportDialog, delimiter: str) -> None:
    """Pick ``delimiter`` in the Delimiter picker, as the user does (the signal fires)."""
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(delimiter))


def test_the_picker_offers_every_core_delimiter_by_its_code():
    assert set(DELIMITER_TEXTS) == set(DELIMITERS.values())


def test_a_pipe_file_is_split_by_the_detected_pipe(qtbot, pipe_penguins, warnings):
    dialog = ImportDialog(path=pipe_penguins)
    qtbot.addWidget(dialog)
    assert [dialog.delimiter_combo.itemData(i) for i in range(4)] == [",", ";", "\t", "|"]
    assert dialog.delimiter_combo.currentText() == "pipe (|)"
    assert dialog.preview.columnCount() == 8 and dialog.label_combo.currentText() == "species"
    dialog.select(FEATURES, "species")
    assert "3 classes" in dialog.summary.text() and dialog._ok_button().isEnabled()
    dialog.accept()
    assert dialog.dataset.n_classes == 3 and dialog.dataset.X.shape == (342, 2)
    assert warnings == []


def test_choosing_a_delimiter_reads_the_preview_again(qtbot, pipe_penguins, warnings):
    dialog = ImportDialog(path=pipe_penguins)
    qtbot.addWidget(dialog)
    choose_delimiter(dialog, ",")
    assert dialog.delimiter() == "," and dialog.preview.columnCount() == 1
    summary = dialog.summary.text()
    assert summary == ("Only one column was found (delimiter: comma (,)). If the file uses "
                       "another delimiter, choose it under Delimiter.")
    assert "B00020" in dialog.summary.styleSheet() and not dialog._ok_button().isEnabled()
    choose_delimiter(dialog, "|")
    assert dialog.preview.columnCount() == 8 and dialog.label_combo.currentText() == "species"
    assert dialog._ok_button().isEnabled() and "B00020" not in dialog.summary.styleSheet()
    assert warnings == []


def test_import_reads_with_the_delimiter_shown_not_a_new_guess(qtbot, tmp_path, warnings):
    # both "," and ";" split every line in two; detection takes the comma
    path = tmp_path / "both.csv"
    path.write_text("x;y,k\n" + "".join(f"{i};{i % 3},{'ab'[i % 2]}\n" for i in range(12)),
                    encoding="utf-8")
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    assert dialog.delimiter() == "," and dialog.header == ["x;y", "k"]
    choose_delimiter(dialog, ";")
    assert dialog.header == ["x", "y,k"]
    dialog.select(["x"], "y,k", "classification")
    dialog.accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert warnings == [] and dialog.dataset.feature_names == ("x",)
    assert dialog.dataset.class_names == ("0,a", "0,b", "1,a", "1,b", "2,a", "2,b")


def test_a_one_column_file_says_so_instead_of_blaming_the_label(qtbot, tmp_path, warnings):
    path = tmp_path / "one.csv"
    path.write_text("value\n" + "".join(f"{k / 4}\n" for k in range(30)), encoding="utf-8")
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    assert dialog.dialect_label.text() == "delimiter not detected, UTF-8"
    summary = dialog.summary.text()
    assert summary.startswith("Only one column was found (delimiter: comma (,))"), summary
    assert "label" not in summary
    dialog.accept()
    assert dialog.dataset is None and warnings[0].startswith("Cannot import:\nOnly one column")


# ------------------------------------------------------------------ the summary is whole
def text_height(label: QtWidgets.QLabel) -> int:
    """Height of the label's wrapped plain text at its width (as QLabel lays it out)."""
    rect = label.fontMetrics().boundingRect(QtCore.QRect(0, 0, label.width(), 100_000),
                                            int(Qt.TextFlag.TextWordWrap), label.text())
    return rect.height()


def whole(label: QtWidgets.QLabel) -> bool:
    return label.height() >= text_height(label)


def test_the_summary_has_its_room_as_soon_as_its_text_is_set(qtbot, tmp_path, warnings):
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.open_path(str(tmp_path / ("a_long_folder_name_" * 12) / "missing.csv"))
    lines = text_height(dialog.summary) / dialog.summary.fontMetrics().lineSpacing()
    assert lines > 2.5, dialog.summary.text()  # more than the room it always has
    # measured before the event loop runs (a grab at once showed the message cut at the
    # bottom of the dialog)
    assert whole(dialog.summary), (dialog.summary.height(), dialog.summary.text())
    assert dialog.summary.geometry().bottom() < dialog.buttons.geometry().top()


def test_a_dialog_made_small_at_2x_fonts_keeps_its_message_whole(qtbot, pipe_penguins):
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    presenter_style(dialog, 2.0)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.open_path(pipe_penguins, ",")
    settle()
    dialog.resize(1, 1)  # as small as it goes: the preview gives up its rows first
    settle()
    assert whole(dialog.summary), (dialog.summary.size(), dialog.summary.text())
    assert dialog.summary.geometry().bottom() < dialog.buttons.geometry().top()


# ------------------------------------------------------------------ size by the font
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_dialog_opens_with_eight_preview_rows_at_its_font(qtbot, penguins_path, scale):
    dialog = ImportDialog(path=penguins_path)
    qtbot.addWidget(dialog)
    presenter_style(dialog, scale)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    preview = dialog.preview
    rows = preview.viewport().height() / preview.rowHeight(0)
    assert rows >= VISIBLE_PREVIEW_ROWS, (rows, dialog.size())
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    assert whole(dialog.summary)
    assert elided_widgets(dialog) == []
    if scale == 2.0:  # wider too, by the font: more of the columns show
        assert dialog.width() > 720 and dialog.height() > 480


def test_the_dialog_stays_within_a_small_screen(qtbot, penguins_path, monkeypatch):
    from PySide6 import QtGui

    small = QtCore.QRect(0, 0, 800, 560)
    monkeypatch.setattr(QtGui.QScreen, "availableGeometry", lambda screen: small)
    dialog = ImportDialog(path=penguins_path)
    qtbot.addWidget(dialog)
    presenter_style(dialog, 2.0)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 800 and dialog.height() <= 560
