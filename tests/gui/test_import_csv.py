"""File ▸ Import CSV…: preview, column pickers and dropped-row count; errors keep the points."""

import numpy as np
import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from gui.files.import_dialog import ImportDialog
from tests.gui.penguins_import import FEATURES, import_penguins


def test_dialog_previews_penguins_and_reports_dropped_rows(qtbot, penguins_path):
    dialog = ImportDialog(path=penguins_path)
    qtbot.addWidget(dialog)
    assert "species" in dialog.header and dialog.preview.rowCount() == 20
    assert dialog.label_combo.currentText() == "species"  # the text column is guessed
    dialog.select(FEATURES, "species")
    assert "2 rows dropped" in dialog.summary.text()
    assert "3 classes" in dialog.summary.text()
    dialog.accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.dataset.n_classes == 3 and dialog.dataset.X.shape == (342, 2)


def test_imported_penguins_train_to_90_percent_test_accuracy(qtbot, window, penguins_path):
    assert import_penguins(qtbot, window, penguins_path)
    session = window.controller.session
    assert session.n_classes == 3 and session.loss == "cross_entropy"
    assert window.canvas.plot_item.getAxis("bottom").labelText == "bill_length_mm"
    assert "2 dropped" in window.data_panel.source_label.text()
    for _ in range(300):
        session.trainer.step()
    window.controller.stepped.emit(session.trainer.step_count)
    _, accuracy = session.trainer.evaluate(session.X_test, session.y_test)
    assert accuracy >= 0.9
    assert "accuracy" in window.status.values["accuracy"]


def test_a_bad_file_shows_a_message_and_keeps_the_points(qtbot, window, tmp_path, warnings):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe garbage")
    points = window.controller.session.points
    X = points.X.copy()
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.open_path(str(bad))
    assert len(warnings) == 1
    np.testing.assert_array_equal(window.controller.session.points.X, X)


def test_a_label_column_with_no_usable_rows_is_refused(qtbot, window, tmp_path, warnings):
    path = tmp_path / "na.csv"
    path.write_text("a,b,label\n1,2,NA\n3,4,NA\n5,6,NA\n")
    n = len(window.controller.session.points)
    dialog = ImportDialog(window, path=str(path))
    qtbot.addWidget(dialog)
    dialog.select(["a", "b"], "label", "classification")
    dialog.accept()
    assert dialog.dataset is None and warnings
    assert len(window.controller.session.points) == n


def test_import_is_undoable(qtbot, window, penguins_path):
    X = window.controller.session.points.X.copy()
    import_penguins(qtbot, window, penguins_path)
    window.undo_stack.undo()
    session = window.controller.session
    np.testing.assert_array_equal(session.points.X, X)
    assert session.n_classes == 2 and session.feature_names == ("x1", "x2")


# ------------------------------------------------------------------ the File field is editable
@pytest.fixture
def shown_dialog(qtbot):
    """An empty, shown dialog whose File field has the keyboard focus."""
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.setFocus()
    return dialog


def type_path(qtbot, dialog, text: str, enter: bool = True) -> None:
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, text)
    if enter:
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)


def test_typing_a_path_and_pressing_enter_loads_the_preview(qtbot, shown_dialog, penguins_path,
                                                            warnings):
    dialog = shown_dialog
    assert not dialog.path_edit.isReadOnly()
    type_path(qtbot, dialog, penguins_path, enter=False)
    assert dialog.path is None and not dialog._ok_button().isEnabled()
    assert "Press Enter" in dialog.summary.text()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.path == penguins_path and dialog.preview.rowCount() == 20
    assert dialog.label_combo.currentText() == "species"
    assert "3 classes" in dialog.summary.text() and dialog._ok_button().isEnabled()
    # Enter in the File field loads the file; it does not also press Import
    assert dialog.isVisible() and dialog.result() != QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.dataset is None and warnings == []


@pytest.mark.parametrize("paste", ['"{}"', "  {}  ", "file://{}"])
def test_a_pasted_quoted_path_or_file_url_loads(qtbot, shown_dialog, penguins_path, paste):
    dialog = shown_dialog
    dialog.path_edit.setText(paste.format(penguins_path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.path == penguins_path and "species" in dialog.header


@pytest.mark.parametrize(("typed", "says"), [
    ("{tmp}/no_such_file.csv", "There is no file {tmp}/no_such_file.csv"),
    ("{tmp}", "is a folder, not a file"),
    ("   ", "Type the path of a CSV file"),
])
def test_a_bad_typed_path_shows_a_clear_message(qtbot, shown_dialog, tmp_path, warnings, typed,
                                                says):
    dialog = shown_dialog
    type_path(qtbot, dialog, typed.format(tmp=tmp_path))
    says = says.format(tmp=tmp_path)
    assert len(warnings) == 1 and says in warnings[0]
    assert "Errno" not in warnings[0]
    assert says in dialog.summary.text() and "B00020" in dialog.summary.styleSheet()
    assert dialog.path is None and not dialog._ok_button().isEnabled()
    assert dialog.isVisible()


def test_a_bad_typed_path_replaces_the_previous_file(qtbot, shown_dialog, penguins_path,
                                                     tmp_path, warnings):
    dialog = shown_dialog
    type_path(qtbot, dialog, penguins_path)
    assert dialog._ok_button().isEnabled()
    type_path(qtbot, dialog, str(tmp_path / "typo.csv"))
    # the penguins are no longer shown nor importable under the new name
    assert dialog.path is None and dialog.preview.rowCount() == 0
    assert dialog.label_combo.count() == 0 and not dialog._ok_button().isEnabled()
    assert dialog.path_edit.text() == str(tmp_path / "typo.csv")  # kept, to be corrected


def test_import_with_a_typed_but_unloaded_path_loads_it_first(qtbot, shown_dialog,
                                                              penguins_path, tmp_path,
                                                              warnings):
    other = tmp_path / "other.csv"
    other.write_text("u,v,kind\n" + "".join(f"{k / 2},{k % 3},{'ab'[k % 2]}\n"
                                             for k in range(10)))
    dialog = shown_dialog
    type_path(qtbot, dialog, penguins_path)
    type_path(qtbot, dialog, str(other), enter=False)
    assert not dialog._ok_button().isEnabled()
    dialog.accept()  # e.g. a script: the typed file is loaded, not the old one imported
    assert dialog.result() != QtWidgets.QDialog.DialogCode.Accepted and dialog.dataset is None
    assert dialog.path == str(other) and dialog.label_combo.currentText() == "kind"
    dialog.accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.dataset.feature_names == ("u", "v") and dialog.dataset.X.shape == (10, 2)


# ------------------------------------------------------------------ messages and guesses
@pytest.mark.parametrize("text", ["a,b,label\n", "a,b,label\n\n\n", "\ufeffa;b;label\r\n"])
def test_a_header_only_csv_says_it_has_no_data_rows(qtbot, tmp_path, warnings, text):
    path = tmp_path / "header_only.csv"
    path.write_text(text, encoding="utf-8")
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    assert dialog.header == ["a", "b", "label"] and dialog.preview.columnCount() == 3
    summary = dialog.summary.text()
    assert "header_only.csv: the file has a header but no data rows" in summary, summary
    assert "cannot be both" not in summary and not dialog._ok_button().isEnabled()
    assert dialog.feature1.currentText() != dialog.label_combo.currentText()
    dialog.accept()
    assert dialog.dataset is None and len(warnings) == 1
    assert "header but no data rows" in warnings[0] and "cannot be both" not in warnings[0]


def write_rows(path, header: str, rows: list[str]) -> str:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return str(path)


def test_an_all_na_column_is_never_guessed_as_the_label(qtbot, tmp_path, warnings):
    rows = [f"{k * 0.1:.1f},{(k * 7) % 5},{k % 3},NA" for k in range(30)]
    path = write_rows(tmp_path / "na_last.csv", "x1,x2,y,comment", rows)
    dialog = ImportDialog(path=path)
    qtbot.addWidget(dialog)
    assert dialog.label_combo.currentText() == "y"  # not the empty "comment"
    assert [dialog.feature1.currentText(), dialog.feature2.currentText()] == ["x1", "x2"]
    assert dialog._ok_button().isEnabled(), dialog.summary.text()
    dialog.accept()
    assert dialog.dataset.n_classes == 3 and dialog.dataset.feature_names == ("x1", "x2")


def test_an_all_na_text_position_column_is_skipped_for_the_text_label(qtbot, tmp_path):
    rows = [f"{k * 0.1:.1f},{k % 4},,{'pq'[k % 2]}" for k in range(30)]
    path = write_rows(tmp_path / "na_first.csv", "x1,x2,notes,kind", rows)
    dialog = ImportDialog(path=path)
    qtbot.addWidget(dialog)
    assert dialog.label_combo.currentText() == "kind"
    assert dialog.feature2.currentText() == "x2"  # the empty column is not a feature either


def test_a_constant_column_is_never_guessed_as_the_label(qtbot, tmp_path, warnings):
    rows = [f"{k * 0.1:.1f},{k * 0.2:.1f},cm,{k % 2}" for k in range(30)]
    path = write_rows(tmp_path / "constant.csv", "x1,x2,unit,group", rows)
    dialog = ImportDialog(path=path)
    qtbot.addWidget(dialog)
    # a text column with a single value: no label is guessed, and the summary says why
    assert dialog.label_combo.currentIndex() == -1 and dialog.label_combo.currentText() == ""
    summary = dialog.summary.text()
    assert "Column 'unit' has only one class ('cm')" in summary
    assert "Choose the label column" in summary and not dialog._ok_button().isEnabled()
    dialog.accept()
    assert dialog.dataset is None and "Choose the label column" in warnings[0]
    dialog.select(["x1", "x2"], "group")
    assert dialog._ok_button().isEnabled() and "2 classes" in dialog.summary.text()
    numeric = write_rows(tmp_path / "numeric.csv", "x1,x2,y,const",
                         [f"{k},{k % 7},{k % 2},5" for k in range(30)])
    dialog.open_path(numeric)
    assert dialog.label_combo.currentText() == "y"  # the last column is constant


def test_a_label_constant_only_in_the_preview_rows_is_still_guessed(qtbot, tmp_path):
    # sorted files (like the penguins) show one class in the first 20 rows
    rows = [f"{k * 0.1:.1f},{k % 5},{'a' if k < 25 else 'b'}" for k in range(40)]
    path = write_rows(tmp_path / "sorted.csv", "x1,x2,kind", rows)
    dialog = ImportDialog(path=path)
    qtbot.addWidget(dialog)
    assert dialog.preview.rowCount() == 20
    assert dialog.label_combo.currentText() == "kind" and "2 classes" in dialog.summary.text()


def test_a_file_with_no_usable_label_leaves_the_choice_to_the_user(qtbot, tmp_path):
    path = write_rows(tmp_path / "flat.csv", "a,b,c", ["1,2,NA", "1,2,NA", "1,2,NA"])
    dialog = ImportDialog(path=path)
    qtbot.addWidget(dialog)
    assert dialog.label_combo.currentIndex() == -1
    assert "No column has two different values" in dialog.summary.text()
    with pytest.raises(ValueError, match="no column 'z'"):
        dialog.select(["a"], "z")


def test_the_raw_penguins_export_shows_a_meaningful_guess(qtbot, tmp_path, penguins_path):
    """The raw LTER export starts with a study name and a row number: the dialog shows the
    guess of core.csv_io (two measurements, the species), not those."""
    from pathlib import Path

    from tests.core.csv_helpers import raw_penguins_export

    path = raw_penguins_export(tmp_path / "penguins_raw.csv", Path(penguins_path))
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    assert dialog.label_combo.currentText() == "Species"
    assert [dialog.feature1.currentText(), dialog.feature2.currentText()] == [
        "Culmen Length (mm)", "Culmen Depth (mm)"]
    assert "3 classes" in dialog.summary.text() and dialog._ok_button().isEnabled()


def test_the_task_picker_reads_the_value_not_the_text(qtbot, penguins_path):
    dialog = ImportDialog(path=penguins_path)
    qtbot.addWidget(dialog)
    dialog.select(FEATURES, "bill_depth_mm", "regression")
    dialog.task_combo.setItemText(2, "something else")  # e.g. another language
    assert dialog.selection() == (FEATURES, "bill_depth_mm", "regression")
    assert "regression target" in dialog.summary.text()
    dialog.select(FEATURES[:1], "species")
    assert dialog.selection() == (FEATURES[:1], "species", None)


# ------------------------------------------------------------------ Simplified Chinese
@pytest.fixture
def chinese(qapp):
    from gui.common.i18n import manager

    manager().set_language("zh_CN")
    assert manager().translator_loaded(), "resources/translations/*.qm is missing"
    yield
    manager().set_language("en")


def dialog_texts(dialog) -> list[str]:
    """What a user reads in the dialog, apart from the file's own data and path."""
    texts = [dialog.windowTitle(), dialog.path_edit.placeholderText()]
    for kind in (QtWidgets.QLabel, QtWidgets.QAbstractButton):
        texts += [widget.text() for widget in dialog.findChildren(kind)]
    for combo in (dialog.feature2, dialog.task_combo, dialog.delimiter_combo):
        texts += [combo.itemText(i) for i in range(combo.count())]
    return [text for text in texts if text]


def leftover_english(texts: list[str], data: set[str]) -> list[str]:
    from tests.gui.test_translation_coverage import TERMS, WORD

    allowed = TERMS | {"UTF", "BOM"}  # the encoding's name
    words = []
    for text in texts:
        for name in sorted(data, key=len, reverse=True):
            text = text.replace(name, " ")
        words += [w for w in WORD.findall(text) if w not in allowed]
    return words


CHINESE_CSV = "长度;宽度;类别\n" + "".join(f"{k % 5 + 1},{(k * 3) % 7},{'红蓝'[k % 2]}\n"
                                          for k in range(12)) + "3,4,NA\n"


def test_the_dialog_is_chinese_and_switches_back_to_english(qtbot, tmp_path, chinese):
    from gui.common.i18n import manager

    path = tmp_path / "数据.csv"
    path.write_text(CHINESE_CSV.replace(";", ","), encoding="utf-8")
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    texts = dialog_texts(dialog)
    assert leftover_english(texts, {str(path)}) == [], texts
    assert dialog.windowTitle() == "导入 CSV" and "逗号" in dialog.delimiter_combo.currentText()
    assert "12 行" in dialog.summary.text() and "2 个类别" in dialog.summary.text()
    assert dialog.feature2.itemText(0) == "（无）"
    manager().set_language("en")
    assert dialog.windowTitle() == "Import CSV" and dialog._ok_button().text() == "Import"
    assert dialog.dialect_label.text() == "UTF-8"
    assert dialog.delimiter_combo.currentText() == "comma (,)"
    assert dialog.summary.text() == "12 rows · 1 rows dropped (empty/NA) · 2 classes: 红, 蓝"
    assert [dialog.task_combo.itemText(i) for i in range(3)] == [
        "auto", "classification", "regression"]
    assert dialog.feature2.itemText(0) == "(none)"
    assert dialog.selection() == (["长度", "宽度"], "类别", None)  # the choice survives


def test_chinese_messages_for_bad_paths_and_files(qtbot, tmp_path, chinese, warnings):
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    texts = dialog_texts(dialog)
    assert leftover_english(texts, set()) == [], texts
    missing = str(tmp_path / "缺少.csv")
    dialog.path_edit.setText(missing)
    dialog.load_typed_path()
    dialog.path_edit.setText(str(tmp_path))
    dialog.load_typed_path()
    header_only = tmp_path / "表头.csv"
    header_only.write_text("甲,乙,丙\n", encoding="utf-8")
    dialog.open_path(str(header_only))
    shown = [*warnings, dialog.summary.text()]
    assert leftover_english(shown, {missing, str(tmp_path), "表头.csv"}) == [], shown
    assert "不存在" in warnings[0] and "文件夹" in warnings[1]
    assert "只有表头" in dialog.summary.text()
    dialog.accept()
    assert warnings[-1].startswith("无法导入") and "只有表头" in warnings[-1]
    constant = tmp_path / "单一.csv"
    constant.write_text("甲,乙,丙\n" + "1,2,同\n3,5,同\n", encoding="utf-8")
    dialog.open_path(str(constant))
    assert "只有一个类别" in dialog.summary.text() and "请选择标签列" in dialog.summary.text()
    one_column = tmp_path / "一列.csv"
    one_column.write_text("值\n1\n2\n3\n", encoding="utf-8")
    dialog.open_path(str(one_column))
    shown = [dialog.summary.text(), dialog.dialect_label.text(), *dialog_texts(dialog)]
    assert leftover_english(shown, set()) == [], shown
    assert dialog.summary.text().endswith("只找到一列（分隔符：逗号（,））。如果文件使用其他分隔符，"
                                          "请在“分隔符”中选择。")
    assert dialog.dialect_label.text() == "未检测到分隔符，UTF-8"
