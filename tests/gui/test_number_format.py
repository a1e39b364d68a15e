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
from gui.common.number_format import fixed, number

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
