"""What the canvas's marks mean: the class legend, the selected sample's label, the hover label.

- :class:`CanvasLegend`: the class names with their colours and what a filled / hollow point is,
  in the plot corner that hides the fewest points, on a translucent background; its text and
  samples follow the presenter scale (``gui.classroom.presenter``'s scaling pass), and a legend
  too big for a small plot takes a compact form (short texts, two columns). Entries are
  :class:`LegendEntry` records (kind "class", "train", "validation", "test"), so the caller
  decides what is listed.
- :func:`gui.common.legend_corner.corner_for`: which corner (pure geometry, for tests).

Items are created once; ``set_entries`` rebuilds the legend's rows only when they change.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from gui.common.legend_corner import anchor_in_corner, corner_for

#: Legend font in points (the presenter's scaling pass multiplies it by the presenter scale).
LEGEND_POINT_SIZE = 9.0
#: Diameter (px) of a legend row's sample point.
SYMBOL_SIZE = 9.0
#: The most of the plot's width and of its height the whole legend may take; a bigger one
#: (presenter scale, small canvas) takes its compact form.
MAX_SHARE = 0.5
#: Columns of the compact form.
COMPACT_COLUMNS = 2
#: How the canvas draws a validation point: a square (pyqtgraph symbol) in its colour at this
#: alpha (0–255) with a ring in its colour — between a filled training disc and a hollow test
#: ring.
VALIDATION_SYMBOL = "s"
VALIDATION_ALPHA = 110


@dataclass(frozen=True)
class LegendEntry:
    """One legend row. kind: "class" (a filled disc of colour ``rgba``), "train" (filled grey
    disc), "validation" (half-filled grey square), "test" (hollow grey ring); ``text``:
    already translated; ``short``: the same in fewer words for the compact form ("" : the
    text itself)."""

    kind: str
    text: str
    rgba: tuple[int, int, int, int] = (96, 96, 96, 255)
    short: str = ""


def _sample_style(entry: LegendEntry) -> dict:
    """Symbol, pen and brush of a legend row's sample (as the canvas draws such a point)."""
    if entry.kind == "validation":
        return {"symbol": VALIDATION_SYMBOL, "pen": pg.mkPen(entry.rgba, width=2.2),
                "brush": pg.mkBrush(*entry.rgba[:3], VALIDATION_ALPHA)}
    if entry.kind == "test":
        return {"symbol": "o", "pen": pg.mkPen(entry.rgba, width=2.2),
                "brush": pg.mkBrush(255, 255, 255, 150)}
    if entry.kind in ("class", "train"):
        return {"symbol": "o", "pen": pg.mkPen("#FFFFFF", width=1.0),
                "brush": pg.mkBrush(*entry.rgba)}
    raise ValueError(f"unknown legend entry kind {entry.kind!r}")


class CanvasLegend:
    """The legend of a ``DataCanvas`` (a ``pg.LegendItem`` on its view box).

    Its text and samples follow the presenter scale through the presenter's scaling pass
    (``gui.classroom.presenter``), like every plot legend. Where the whole legend would take
    more than MAX_SHARE of the plot's width or height (presenter scale, small canvas) it takes
    its compact form instead: the rows' short texts (``LegendEntry.short``), in COMPACT_COLUMNS
    columns — the same facts in fewer words, never cut with "…".
    """

    def __init__(self, view_box: pg.ViewBox) -> None:
        self.view_box = view_box
        self.item = pg.LegendItem(offset=None, labelTextColor="#202020",
                                  labelTextSize=f"{LEGEND_POINT_SIZE:g}pt",
                                  brush=pg.mkBrush(255, 255, 255, 205),
                                  pen=pg.mkPen(0, 0, 0, 60), verSpacing=0, horSpacing=8)
        self.item.setParentItem(view_box)
        self.item.setZValue(30)
        self.entries: tuple[LegendEntry, ...] = ()
        self.compact = False  # the short texts in COMPACT_COLUMNS columns (place)
        self.corner = "top_right"
        self.item.setVisible(False)

    def set_entries(self, entries) -> None:
        """Show these rows (a sequence of LegendEntry); none hides the legend."""
        entries = tuple(entries)
        if entries == self.entries:
            return
        self.entries = entries
        self.item.clear()
        self.item.setColumnCount(1)
        for entry in entries:
            sample = pg.ScatterPlotItem(size=SYMBOL_SIZE, **_sample_style(entry))
            self.item.addItem(sample, entry.text)
        self.compact = False
        self._relayout()
        self.item.setVisible(bool(entries))

    def texts(self) -> list[str]:
        """The rows' texts as shown (the short ones in the compact form)."""
        return [label.text for _sample, label in self.item.items]

    def _show_form(self, compact: bool) -> None:
        """The whole texts in one column, or the short ones in COMPACT_COLUMNS columns."""
        if compact == self.compact:
            return
        self.compact = compact
        for entry, (_sample, label) in zip(self.entries, self.item.items):
            label.setText((entry.short or entry.text) if compact else entry.text)
        self.item.setColumnCount(COMPACT_COLUMNS if compact else 1)
        self._relayout()

    def _relayout(self) -> None:
        """The box fitted to its rows now (not later, at the next layout pass): place() and
        the sample label measure it."""
        self.item.layout.invalidate()
        self.item.adjustSize()  # shrinks a box left wide by longer texts or a bigger font
        self.item.layout.activate()
        self.item.updateSize()

    def label_items(self) -> list[pg.LabelItem]:
        """The legend's visible text items (one per row)."""
        return [label for _sample, label in self.item.items] if self.item.isVisible() else []

    def place(self, pixels: np.ndarray, weights: np.ndarray | None = None) -> str:
        """Move the legend to the corner of the plot that covers the least point weight
        (``pixels``: (n, 2) plot-local pixel positions); returns the corner's name. The whole
        legend where it takes at most MAX_SHARE of the plot's width and height, else the
        compact form."""
        rect = self.view_box.boundingRect()
        self._show_form(False)
        size = self.item.boundingRect()
        if size.width() > MAX_SHARE * rect.width() or size.height() > MAX_SHARE * rect.height():
            self._show_form(True)
            size = self.item.boundingRect()
        self.corner = corner_for((size.width(), size.height()), (rect.width(), rect.height()),
                                 pixels, weights)
        anchor_in_corner(self.item, self.corner)
        return self.corner

    def rect_in_view_box(self) -> QtCore.QRectF:
        """The legend's rectangle in the view box's own (pixel) coordinates."""
        return self.item.mapRectToParent(self.item.boundingRect())
