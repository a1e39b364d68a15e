"""CSV import errors in Simplified Chinese are Chinese through and through (issue 13, item 9):
core raises ``CsvError`` with a code and values (English ``str()`` for the command line), and
the import dialog words it from the code — no English sentence of core inside a Chinese one."""

import re
import string

import pytest

from core.csv_io import CSV_MESSAGES, CsvError
from gui.common.i18n import manager
from gui.files.csv_errors import CSV_ERROR_TEXTS, csv_error_text
from gui.files.import_dialog import ImportDialog
from tests.gui.test_translation_coverage import english_words

CJK = re.compile(r"[\u4e00-\u9fff]")
#: Sample values: names are the user's data (never translated), numbers are numbers.
SAMPLE = {"file": "bad.csv", "line": 7, "column": "colA", "cell": "cellX", "count": 3,
          "rows": 1, "dropped": 4, "fields": 2, "header_fields": 3, "limit": 8, "byte": "ff",
          "columns": "colA, colB", "detail": "unexpected end of data"}
DATA = {"bad.csv", "colA", "colB", "cellX", "0xff"}  # a byte in hex is a number


@pytest.fixture
def chinese(qapp):
    manager().set_language("zh_CN")
    yield
    manager().set_language("en")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def assert_fully_chinese(text: str, data=frozenset()) -> None:
    """CJK characters and no English word, once the user's data (file and column names,
    cells) is taken out (longest first: a path contains its file name)."""
    assert CJK.search(text), text
    plain = text
    for name in sorted(data, key=len, reverse=True):
        plain = plain.replace(name, " ")
    assert english_words(plain, set()) == [], text


def test_every_core_code_has_a_gui_text_with_the_same_values():
    assert set(CSV_ERROR_TEXTS) == set(CSV_MESSAGES)
    for code, text in CSV_ERROR_TEXTS.items():
        assert fields(text) <= fields(CSV_MESSAGES[code]), code


def test_the_english_message_stays_for_the_command_line():
    error = CsvError("not_a_number", file="x.csv", line=3, column="a", cell="foo")
    assert isinstance(error, ValueError)
    assert str(error) == "x.csv: line 3, column 'a': 'foo' is not a number"
    assert error.code == "not_a_number" and error.values["line"] == 3


@pytest.mark.parametrize("code", sorted(CSV_MESSAGES))
def test_every_code_reads_in_chinese(chinese, code):
    values = {name: SAMPLE[name] for name in fields(CSV_MESSAGES[code])}
    text = csv_error_text(CsvError(code, **values))
    assert_fully_chinese(text, DATA)
    for name in fields(CSV_ERROR_TEXTS[code]):  # every number it cites is there
        assert str(values[name]) in text


def test_a_malformed_csv_gives_a_chinese_summary_and_message(qtbot, tmp_path, chinese,
                                                             warnings):
    path = tmp_path / "bad.csv"
    path.write_text("a,b,label\n1,2,x\nfoo,4,y\n5,6,x\n", encoding="utf-8")
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    dialog.select(["a", "b"], "label", "classification")
    summary = dialog.summary.text()
    dialog.accept()
    data = {"bad.csv", "foo", str(path)}
    assert "第 3 行" in summary and "foo" in summary
    assert_fully_chinese(summary, data)
    assert len(warnings) == 1 and "第 3 行" in warnings[0]
    assert_fully_chinese(warnings[0], data)
    for word in ("line", "column", "number"):  # the core message's English words
        assert word not in summary and word not in warnings[0]


def test_a_binary_file_is_refused_in_chinese(qtbot, tmp_path, chinese, warnings):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\x00\x01\x02\xff\xfe garbage")
    dialog = ImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.open_path(str(path))
    assert len(warnings) == 1
    assert_fully_chinese(warnings[0], {str(path), "bad.csv"})
    assert_fully_chinese(dialog.summary.text(), {"bad.csv"})


def test_a_value_too_large_to_standardize_is_named_in_chinese(qtbot, tmp_path, chinese,
                                                              warnings):
    path = tmp_path / "huge.csv"
    path.write_text("width,height,label\n1,2,x\n1e308,4,y\n5,6,x\n-1.7e308,8,y\n",
                    encoding="utf-8")
    dialog = ImportDialog(path=str(path))
    qtbot.addWidget(dialog)
    dialog.select(["width", "height"], "label", "classification")
    dialog.accept()
    assert dialog.dataset is None
    assert len(warnings) == 1 and "第 3 行" in warnings[0] and "width" in warnings[0]
    assert_fully_chinese(warnings[0], {"huge.csv", "width", "1e308", "1e+75", str(path)})
