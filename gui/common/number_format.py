"""The one way the GUI writes a number for people to read.

Python's own formatting writes IEEE negative zero as "-0" (``f"{-0.0:g}"``), and a tiny negative
value rounded to fixed decimals as "-0.00". Both are noise on screen — a dead ReLU's δ is
(upstream) × 0, which is −0 when the upstream is negative — so every displayed number goes through
these functions, and a value that shows as zero is written without a sign.

Non-finite values are written "nan", "inf" and "-inf" (Python's spelling; callers that want a
word such as "diverged" check ``math.isfinite`` first).

:func:`parse_number` is the one way the GUI reads a number typed into a text field.
"""

from __future__ import annotations

import math
import re

#: "1,000", "-12,345.5": a comma as the group separator of thousands (English and Chinese
#: write one thousand so); the first group has no leading zero ("0,500" is a decimal comma).
_GROUPED = re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?")

#: Significant digits of ``number()`` by default: the same as Python's ``:g``.
DEFAULT_DIGITS = 6


def number(value, digits: int = DEFAULT_DIGITS, sign: bool = False) -> str:
    """``value`` with ``digits`` significant digits (``f"{value:.{digits}g}"``), zero as "0".

    value: anything ``float()`` accepts (Python or NumPy scalar). sign: write "+" before
    positive values (zero stays "0"). Raises TypeError/ValueError as ``float()`` does.
    """
    value = float(value)
    if value == 0.0:  # also −0.0
        return "0"
    return f"{value:{'+' if sign else ''}.{int(digits)}g}"


def percent(fraction, digits: int = 3) -> str:
    """A share (0–1, e.g. an accuracy) as a percentage with ``digits`` significant digits and a
    space before the sign, as the status bar writes it: 0.692857 → "69.3 %", 1 → "100 %",
    0 → "0 %". Non-finite values as :func:`number` writes them ("nan %")."""
    return f"{number(100.0 * float(fraction), digits)} %"


def fixed(value, decimals: int) -> str:
    """``value`` with ``decimals`` digits after the point (``f"{value:.{decimals}f}"``), without
    a minus sign when every shown digit is 0 ("-0.00" → "0.00", "-0" → "0")."""
    value = float(value)
    text = f"{value:.{int(decimals)}f}"
    if text.startswith("-") and math.isfinite(value) and float(text) == 0.0:
        text = text[1:]
    return text


def parse_number(text: str) -> float:
    """The number a person typed: Python float syntax ("-0.5", "1e-3", "inf"), the minus sign
    "−", a comma as the group separator of thousands ("1,000" → 1000, "12,345.5" → 12345.5:
    the convention of the app's languages, English and Chinese, and of Qt's spin boxes in
    them) and otherwise a single comma as the decimal separator ("0,5" → 0.5).

    Raises ValueError for anything else — never a silently different number: "1,2,3",
    "1.000,5", "1,00.5" and "1000,000" (a misplaced group separator) are refused.
    """
    cleaned = str(text).strip().replace("−", "-")
    if _GROUPED.fullmatch(cleaned):
        return float(cleaned.replace(",", ""))
    if cleaned.count(",") == 1 and "." not in cleaned:
        whole, fraction = cleaned.split(",")
        if len(fraction) == 3 and whole.lstrip("+-") not in ("", "0"):
            raise ValueError(f"misplaced group separator in {text!r}")  # "1000,000"
        cleaned = cleaned.replace(",", ".")
    if "," in cleaned:
        raise ValueError(f"not a number: {text!r}")
    return float(cleaned)
