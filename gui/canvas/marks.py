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

from gui.common.legend_corner import (anchor_in_corner, corner_for, fit_legend_box,
                                      show_fitting_form)

#: Legend font in points (the presenter's scaling pass multiplies it by the presenter scale).
LEGEND_POINT_SIZE = 9.0
#: Diameter (px) of a legend row's sample point.
SYMBOL_SIZE = 9.0
#: The legend's forms, in the order tried: (short texts?, columns). The whole texts in one
#: column; the short texts (``LegendEntry.short``: the same facts in fewer words, never cut
#: with "…") in one column, then in two.
FORMS = ((False, 1), (True, 1), (True, 2))
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
    more than half (``legend_corner.MAX_SHARE``) of the plot's width or height (presenter scale, small canvas) it takes
    a compact form instead (FORMS: the rows' short texts, then also in two columns).
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
        self.form = FORMS[0]  # (short texts?, columns) shown (place chooses)
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
        self.form = FORMS[0]
        self._relayout()
        self.item.setVisible(bool(entries))

    def texts(self) -> list[str]:
        """The rows' whole texts (whichever form is shown)."""
        return [entry.text for entry in self.entries]

    def shown_texts(self) -> list[str]:
        """The rows' texts as shown (the short ones in the compact forms)."""
        return [label.text for _sample, label in self.item.items]

    def _show_form(self, form: tuple[bool, int]) -> None:
        """(short texts?, columns): one of FORMS."""
        if form == self.form:
            return
        short, columns = self.form = form
        for entry, (_sample, label) in zip(self.entries, self.item.items):
            text = (entry.short or entry.text) if short else entry.text
            if label.text != text:
                label.setText(text)
        self.item.setColumnCount(columns)
        self._relayout()

    @property
    def compact(self) -> bool:
        """Whether a compact form (short texts, maybe in columns) is shown."""
        return self.form != FORMS[0]

    def _relayout(self) -> None:
        """The box fitted to its rows now (not later, at the next layout pass): place() and
        the sample label measure it."""
        fit_legend_box(self.item)

    def label_items(self) -> list[pg.LabelItem]:
        """The legend's visible text items (one per row)."""
        return [label for _sample, label in self.item.items] if self.item.isVisible() else []

    def place(self, pixels: np.ndarray, weights: np.ndarray | None = None, labels=()) -> str:
        """Move the legend to the corner of the plot that covers the least weight of points
        (``pixels``: (n, 2) plot-local pixel positions) and leaves room for the most
        ``labels`` ([(places (k, 4), weight)], e.g. an overlay's label;
        :func:`legend_corner.corner_covers`); returns the corner's name. The legend takes the
        first of FORMS that takes at most half of the plot's width and height, else the one
        that overshoots least."""
        rect = self.view_box.boundingRect()
        show_fitting_form(self.item, rect, FORMS, self._show_form)
        size = self.item.boundingRect()
        self.corner = corner_for((size.width(), size.height()), (rect.width(), rect.height()),
                                 pixels, weights, labels, current=self.corner)
        anchor_in_corner(self.item, self.corner)
        return self.corner

    def rect_in_view_box(self) -> QtCore.QRectF:
        """The legend's rectangle in the view box's own (pixel) coordinates."""
        return self.item.mapRectToParent(self.item.boundingRect())
