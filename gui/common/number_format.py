"""The one way the GUI writes a number for people to read.

Python's own formatting writes IEEE negative zero as "-0" (``f"{-0.0:g}"``), and a tiny negative
value rounded to fixed decimals as "-0.00". Both are noise on screen — a dead ReLU's δ is
(upstream) × 0, which is −0 when the upstream is negative — so every displayed number goes through
these functions, and a value that shows as zero is written without a sign.

Non-finite values are written "nan", "inf" and "-inf" (Python's spelling; callers that want a
word such as "diverged" check ``math.isfinite`` first).
"""

from __future__ import annotations

import math

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


def fixed(value, decimals: int) -> str:
    """``value`` with ``decimals`` digits after the point (``f"{value:.{decimals}f}"``), without
    a minus sign when every shown digit is 0 ("-0.00" → "0.00", "-0" → "0")."""
    value = float(value)
    text = f"{value:.{int(decimals)}f}"
    if text.startswith("-") and math.isfinite(value) and float(text) == 0.0:
        text = text[1:]
    return text
