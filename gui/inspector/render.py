"""The inspector's page as data, and its two renderings: rich text (shown) and plain text (copied).

A page is a list of :class:`Section`; a section holds lines, and a line is a list of parts:
plain strings, :class:`Arr` (a vector or matrix from the engine) and :class:`Num` (a scalar).
Both renderings format the *same* arrays, so what is shown and what is copied cannot disagree:

- ``to_html``: numbers with ``DISPLAY_DIGITS`` significant digits, arrays larger than
  ``MAX_SHOWN`` rows/columns truncated with "…" and a link whose hover tooltip (and click, which
  copies) gives every value in full. It also returns the displayed strings of each array.
- ``to_text``: every value in full (``repr`` precision, which round-trips float64 exactly).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np

from gui.common.number_format import number

DISPLAY_DIGITS = 4
SCALAR_DIGITS = 8
MAX_SHOWN = 8
_HIGHLIGHT = "#FFE08A"
def fmt(value: float, digits: int = DISPLAY_DIGITS) -> str:
    """A float with `digits` significant digits, zero (also −0.0) as "0" (``gui.common.number_format``;
    ASCII '-' so the text parses with float())."""
    return number(value, digits)


def full(value: float) -> str:
    """The shortest text that parses back to exactly this float64 (−0.0 as "0.0")."""
    value = float(value)
    return "0.0" if value == 0.0 else repr(value)


@dataclass
class Arr:
    """A displayed array: 1-D (shown as a column vector unless ``row``) or 2-D.

    label: caption shown above it ("z¹"); key: unique id for copying and tests (defaults to the
    label); highlight: cells (row, col) — (i, 0) for vectors — drawn highlighted.
    """

    label: str
    values: np.ndarray
    key: str = ""
    row: bool = False
    highlight: set = field(default_factory=set)

    def matrix(self) -> np.ndarray:
        v = np.asarray(self.values, dtype=np.float64)
        if v.ndim == 0:
            v = v.reshape(1, 1)
        elif v.ndim == 1:
            v = v.reshape(1, -1) if self.row else v.reshape(-1, 1)
        return v


@dataclass
class Num:
    """A labelled scalar: HTML shows ``digits`` significant digits, the copy shows all."""

    label: str
    value: float
    digits: int = SCALAR_DIGITS


@dataclass
class Section:
    """A titled part of the page. ``phase`` ("forward", "backward", "update" or ""): the
    training phase it shows; the first section of each phase gets the HTML anchor
    ``phase_anchor(phase)``, which the inspector scrolls to after that phase."""

    title: str
    lines: list = field(default_factory=list)
    note: str = ""
    phase: str = ""


def phase_anchor(phase: str) -> str:
    """Name of the HTML anchor at the first section of ``phase`` (see :class:`Section`)."""
    return f"phase-{phase}"


def assign_keys(sections: list[Section]) -> None:
    """Give every Arr a unique key (label, then label#2, label#3 … for repeats)."""
    seen: dict[str, int] = {}
    for section in sections:
        for line in section.lines:
            for part in line if isinstance(line, list) else []:
                if isinstance(part, Arr):
                    base = part.key or part.label
                    count = seen.get(base, 0) + 1
                    seen[base] = count
                    part.key = base if count == 1 else f"{base}#{count}"


# ------------------------------------------------------------------------------- rich text
# Equations are typeset as a monospace "board": each array is a bracketed block of text rows,
# blocks sit side by side aligned on their middle row. A QTextDocument lays this out an order
# of magnitude faster than nested HTML tables, which matters while training plays.
_POSITIVE, _NEGATIVE, _ZERO = "#8A5000", "#005A96", "#555555"


class _Block:
    """Rows of (text, colour or None) segments, ``mid`` the row to align on."""

    def __init__(self, rows: list[list[tuple[str, str | None]]], mid: int) -> None:
        self.rows, self.mid = rows, mid
        self.width = max((sum(len(t) for t, _ in row) for row in rows), default=0)


def _text_block(text: str, bold: bool = False) -> _Block:
    return _Block([[(text, "b" if bold else None)]], 0)


def _array_block(arr: Arr, links: dict[str, str], shown: dict[str, np.ndarray]) -> _Block:
    m = arr.matrix()
    rows, cols = m.shape
    r, c = min(rows, MAX_SHOWN), min(cols, MAX_SHOWN)
    texts = np.array([[fmt(v) for v in m[i, :c]] for i in range(r)], dtype=object).reshape(r, c)
    shown[arr.key] = texts
    widths = [max(len(t) for t in texts[:, j]) for j in range(c)]
    body = []
    for i in range(r):
        left, right = ("[", "]") if r == 1 else ("┌", "┐") if i == 0 else \
            ("└", "┘") if i == r - 1 and rows == r else ("│", "│")
        row = [(left, None)]
        for j in range(c):
            value, text = m[i, j], texts[i, j]
            colour = _POSITIVE if value > 0 else _NEGATIVE if value < 0 else _ZERO
            if (i, j) in arr.highlight or (cols == 1 and (i, 0) in arr.highlight):
                colour = "hl" + colour
            row.append((" " + " " * (widths[j] - len(text)), None))
            row.append((text, colour))
        row.append((" …" if cols > c else "", None))
        row.append((" " + right, None))
        body.append(row)
    if rows > r:
        dots = "│" + "".join(" " + " " * (w - 1) + "⋮" for w in widths)
        body.append([(dots, None)])
        body.append([("└" + " " * (len(dots) - 1) + "┘", None)])
    caption = arr.label
    if rows > r or cols > c:
        anchor = f"arr{len(links)}"
        links[anchor] = f"{arr.label} ({rows}×{cols}) = {array_text(m)}"
        caption_segment = (f"{caption} ({rows}×{cols})", "a:" + anchor)
    else:
        caption_segment = (caption, "i")
    return _Block([[caption_segment], *body], 1 + (len(body) - 1) // 2)


def _segment_html(text: str, style: str | None) -> str:
    escaped = html.escape(text)
    if style is None:
        return escaped
    if style == "b":
        return f"<b>{escaped}</b>"
    if style == "i":
        return f'<span style="color:#202020"><i>{escaped}</i></span>'
    if style.startswith("a:"):
        return f'<a href="{style[2:]}">{escaped}</a>'
    if style.startswith("hl"):
        return f'<span style="color:{style[2:]}; background-color:{_HIGHLIGHT}">{escaped}</span>'
    return f'<span style="color:{style}">{escaped}</span>'


def _line_board(line, links, shown) -> str:
    blocks = []
    for part in line:
        if isinstance(part, Arr):
            blocks.append(_array_block(part, links, shown))
        elif isinstance(part, Num):
            blocks.append(_text_block(f"{part.label} = {fmt(part.value, part.digits)}"))
        else:
            blocks.append(_text_block(_strip_tags(part)))
    above = max(b.mid for b in blocks)
    below = max(len(b.rows) - b.mid for b in blocks)
    out = []
    for y in range(above + below):
        pieces = []
        for block in blocks:
            k = y - (above - block.mid)
            row = block.rows[k] if 0 <= k < len(block.rows) else []
            used = sum(len(t) for t, _ in row)
            pieces.append("".join(_segment_html(t, s) for t, s in row)
                          + " " * (block.width - used + 1))
        out.append("".join(pieces).rstrip())
    return "\n".join(out)


@dataclass
class RenderedPage:
    """html: the page; links: {anchor: full-precision text} of truncated arrays; shown:
    {array key: (r, c) object array of the strings displayed} (for tests to parse back)."""

    html: str
    links: dict
    shown: dict


def to_html(sections: list[Section]) -> RenderedPage:
    """Render the page as rich text (see the module docstring)."""
    assign_keys(sections)
    links: dict[str, str] = {}
    shown: dict[str, np.ndarray] = {}
    out = ['<html><body style="font-size:10pt">']
    anchored: set[str] = set()
    for section in sections:
        title = section.title
        if section.phase and section.phase not in anchored:
            anchored.add(section.phase)
            title = f'<a name="{phase_anchor(section.phase)}">{title}</a>'
        out.append(f'<h3 style="margin-top:8px; margin-bottom:2px">{title}</h3>')
        if section.note:
            out.append(f'<p style="color:#555555; margin:0px">{section.note}</p>')
        board: list[str] = []
        for line in section.lines:
            if isinstance(line, str):
                if board:
                    out.append(_pre(board))
                    board = []
                out.append(f'<p style="margin-top:4px; margin-bottom:0px">{line}</p>')
            else:
                text = _line_board(line, links, shown)
                if board and ("\n" in text or "\n" in board[-1]):
                    board.append("")  # a blank line around tall equations
                board.append(text)
        if board:
            out.append(_pre(board))
    out.append("</body></html>")
    return RenderedPage("".join(out), links, shown)


def _pre(board: list[str]) -> str:
    return ('<pre style="font-family:\'DejaVu Sans Mono\',Menlo,Consolas,monospace; '
            'font-size:9pt; margin-top:2px; margin-bottom:2px">' + "\n".join(board) + "</pre>")


# ------------------------------------------------------------------------------ plain text
def array_text(m: np.ndarray) -> str:
    """A matrix or vector in full precision: '[1.5, -0.25]' or '[[1.0, 2.0], [3.0, 4.0]]'."""
    m = np.asarray(m, dtype=np.float64)
    if m.ndim == 2 and 1 in m.shape:
        m = m.reshape(-1)
    if m.ndim == 1:
        return "[" + ", ".join(full(v) for v in m) + "]"
    return "[" + ", ".join(array_text(row) for row in m) + "]"


_SCRIPT = re.compile(r"<(sub|sup)>(.*?)</\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def _script_text(match: re.Match) -> str:
    inner = _TAGS.sub("", match.group(2))
    mark = "_" if match.group(1) == "sub" else "^"
    return mark + (inner if len(inner) == 1 else "{" + inner + "}")


def _strip_tags(text: str) -> str:
    """Rich text as plain text: subscripts and superscripts keep their meaning in TeX style
    ("mean<sub>k</sub>" → "mean_k", "a<sup>k−1</sup>" → "a^{k−1}"), other tags go."""
    return html.unescape(_TAGS.sub("", _SCRIPT.sub(_script_text, text)))


def to_text(sections: list[Section]) -> str:
    """Plain text of the page, every array untruncated in full precision (Copy as text)."""
    assign_keys(sections)
    out = []
    for section in sections:
        out.append(_strip_tags(section.title))
        out.append("=" * len(out[-1]))
        if section.note:
            out.append(_strip_tags(section.note))
        for line in section.lines:
            if isinstance(line, str):
                out.append(_strip_tags(line))
                continue
            formula, values = [], []
            for part in line:
                if isinstance(part, Arr):
                    formula.append(part.label)
                    values.append(f"    {part.key} = {array_text(part.matrix())}")
                elif isinstance(part, Num):
                    formula.append(f"{part.label} = {full(part.value)}")
                else:
                    formula.append(_strip_tags(part))
            out.append(" ".join(p for p in formula if p.strip()))
            out.extend(values)
        out.append("")
    return "\n".join(out)


def parse_text_arrays(text: str) -> dict[str, np.ndarray]:
    """Inverse of the array lines of ``to_text``: {key: array} (vectors 1-D, matrices 2-D)."""
    import json
    import re

    arrays = {}
    for line in text.splitlines():
        if line.startswith("    ") and " = [" in line:
            key, _, value = line.strip().partition(" = ")
            value = re.sub(r"\bnan\b", "NaN", re.sub(r"\binf\b", "Infinity", value))
            arrays[key] = np.array(json.loads(value), dtype=np.float64)
    return arrays
