"""Numbers on screen: negative zero (a dead ReLU's δ = upstream × 0) and values that round to
zero are written "0", never "-0"; and every number the GUI writes goes through
``gui.common.number_format`` (a source scan keeps it so)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest

from gui.inspector.render import fmt, full
from gui.common.number_format import fixed, number, percent

GUI = Path(__file__).resolve().parents[2] / "gui"
#: An f-string replacement field with a float format spec: {x:g}, {x:.3g}, {x:+.4g}, {x:.2f} …
_FLOAT_FIELD = re.compile(r"\{[^{}]*:[+ ,]?\.?\d*[gef]\}")
#: Sites that format numbers for machines, not for reading (CSS, SVG) or that cannot be
#: negative: (file, text on the line).
_NOT_DISPLAY = {
    ("themes.py", "font-size"), ("presenter.py", "font-size"), ("svg_fixes.py", "viewBox"),
    ("svg_fixes.py", "view_box"), ("status_bar.py", "steps_per_second:,.0f"),
    ("cli.py", "test accuracy {accuracy:.3f}"),  # the command line's report, not the window
    ("marks.py", "pt\""),  # the legend's font size (CSS)
    ("presenter.py", "match.group(2) or 'pt'"),  # a legend's presenter font size (CSS)
    ("threshold_curves.py", "pt\""),  # a curve title's font size (pyqtgraph's CSS size)
}


@pytest.mark.parametrize("value", [-0.0, 0.0, np.float64(-0.0), np.float32(-0.0)])
def test_zero_of_either_sign_is_written_0(value):
    assert number(value) == "0"
    assert number(value, 3) == "0"
    assert number(value, 4, sign=True) == "0"
    assert fmt(value) == "0"
    assert full(value) == "0.0"
    assert fixed(value, 2) == "0.00"


def test_values_rounding_to_zero_lose_their_sign_and_others_keep_it():
    assert fixed(-0.001, 2) == "0.00"
    assert fixed(-0.4, 0) == "0"
    assert fixed(-0.006, 2) == "-0.01"
    assert number(-1.5e-7, 3) == "-1.5e-07"
    assert number(0.000123456, 3) == "0.000123"
    assert number(2.5, sign=True) == "+2.5" and number(-2.5, sign=True) == "-2.5"
    assert number(1e-12) == "1e-12"
    assert number(math.inf) == "inf" and number(-math.inf) == "-inf"
    assert number(math.nan) == "nan" and fixed(math.nan, 1) == "nan"


def test_a_share_is_written_as_a_percentage_with_three_significant_digits():
    assert percent(0.692857) == "69.3 %" and percent(1) == "100 %" and percent(0.0) == "0 %"
    assert percent(0.7777777) == "77.8 %" and percent(np.float32(0.5)) == "50 %"


def test_gui_formats_numbers_only_through_the_shared_formatter():
    """Python's own float formatting writes −0.0 as "-0": a format spec in an f-string of the
    GUI is a place where "δ -0" can come back."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "number_format.py":
            continue
        for number_, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _FLOAT_FIELD.search(line) and not any(
                    path.name == name and text in line for name, text in _NOT_DISPLAY):
                found.append(f"{path.relative_to(GUI)}:{number_}: {line.strip()}")
    assert not found, "format these with gui.common.number_format:\n" + "\n".join(found)


# ------------------------------------------------------------ typed numbers (issue 13)
@pytest.mark.parametrize("text, value", [
    ("1,000", 1000.0), ("-1,000", -1000.0), ("−1,000", -1000.0), ("12,345,678", 12345678.0),
    ("1,000.5", 1000.5), ("0,5", 0.5), ("-0,75", -0.75), ("0,500", 0.5), ("1e3", 1000.0),
    (" 2.5 ", 2.5),
])
def test_a_typed_number_reads_a_group_separator_as_thousands(text, value):
    from gui.common.number_format import parse_number

    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "1.000,5", "1,00.5", "1000,000", "1,000,00", "abc"])
def test_a_typed_number_with_a_misplaced_comma_is_refused(text):
    from gui.common.number_format import parse_number

    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("language, locale", [("en", "en_US"), ("zh_CN", "zh_CN")])
def test_1_000_typed_into_the_number_fields_is_one_thousand(qtbot, language, locale):
    """The weight editor, the linear system's entries, η's text box and the spin boxes (the
    number of points) read "1,000" as 1000 in both interface languages, or refuse it."""
    from PySide6 import QtCore

    from core.settings import DataSettings, TrainingSettings, fields_of
    from gui.common.i18n import manager
    from gui.diagram.weight_edits import parse_value
    from gui.linear_systems.editor import SystemEditor
    from gui.panels.setting_controls import IntControl, parse_in_range

    before = QtCore.QLocale()
    manager().set_language(language)
    QtCore.QLocale.setDefault(QtCore.QLocale(locale))
    try:
        assert parse_value("1,000") == (1000.0, None)
        editor = SystemEditor()
        qtbot.addWidget(editor)
        edit = editor.entries[0][0]
        edit.clear()
        qtbot.keyClicks(edit, "1,000")
        assert editor.values()[0][0][0] == 1000.0
        info = next(i for i in fields_of(TrainingSettings) if i.name == "learning_rate")
        value, reason = parse_in_range("1,000", info)  # beyond η's maximum: refused, saying so
        assert value is None and reason
        points = IntControl(next(i for i in fields_of(DataSettings) if i.name == "n_points"))
        qtbot.addWidget(points.widget)
        points.widget.lineEdit().selectAll()
        qtbot.keyClicks(points.widget, "1,000")
        points.widget.interpretText()
        assert points.value() == 1000
    finally:
        QtCore.QLocale.setDefault(before)
        manager().set_language("en")
