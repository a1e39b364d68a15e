"""What the canvas's marks mean: the class legend, the selected sample's label, the hover label.

- :class:`CanvasLegend`: the class names with their colours and what a filled / hollow point is,
  in the plot corner that hides the fewest points, on a translucent background; its font follows
  the presenter font scale (``gui.common.themes.view_look``). Entries are
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

#: Legend font in points at presenter scale 1 (multiplied by the presenter font scale).
LEGEND_POINT_SIZE = 9.0
#: The most of the plot's width and of its height the legend may take (it shrinks its text
#: from the presenter scale toward 1× to fit).
MAX_SHARE = 0.5
#: How the canvas draws a validation point: a square (pyqtgraph symbol) in its colour at this
#: alpha (0–255) with a ring in its colour — between a filled training disc and a hollow test
#: ring.
VALIDATION_SYMBOL = "s"
VALIDATION_ALPHA = 110


@dataclass(frozen=True)
class LegendEntry:
    """One legend row. kind: "class" (a filled disc of colour ``rgba``), "train" (filled grey
    disc), "validation" (half-filled grey square), "test" (hollow grey ring); ``text``:
    already translated."""

    kind: str
    text: str
    rgba: tuple[int, int, int, int] = (96, 96, 96, 255)


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
    """The legend of a ``DataCanvas`` (a ``pg.LegendItem`` on its view box)."""

    def __init__(self, view_box: pg.ViewBox) -> None:
        self.view_box = view_box
        self.item = pg.LegendItem(offset=None, labelTextColor="#202020",
                                  brush=pg.mkBrush(255, 255, 255, 205),
                                  pen=pg.mkPen(0, 0, 0, 60), verSpacing=0, horSpacing=8)
        self.item.setParentItem(view_box)
        self.item.setZValue(30)
        self.entries: tuple[LegendEntry, ...] = ()
        self.font_scale = 1.0
        self.shown_scale = 1.0  # font_scale, or less when the legend would not fit (place)
        self.corner = "top_right"
        self._samples: list[pg.ScatterPlotItem] = []
        self._apply_font()
        self.item.setVisible(False)

    def set_entries(self, entries) -> None:
        """Show these rows (a sequence of LegendEntry); none hides the legend."""
        entries = tuple(entries)
        if entries == self.entries:
            return
        self.entries = entries
        self.item.clear()
        self._samples = []
        for entry in entries:
            sample = pg.ScatterPlotItem(size=self._symbol_size(), **_sample_style(entry))
            self._samples.append(sample)
            self.item.addItem(sample, entry.text)
        self._apply_font()
        self.item.setVisible(bool(entries))

    def texts(self) -> list[str]:
        return [entry.text for entry in self.entries]

    def _symbol_size(self) -> float:
        return 9.0 * self.shown_scale

    def set_font_scale(self, scale: float) -> None:
        """Presenter mode: text and symbols grow with the font scale."""
        scale = float(scale)
        if scale == self.font_scale:
            return
        self.font_scale = scale
        self._show_scale(scale)

    def _show_scale(self, scale: float) -> None:
        self.shown_scale = scale
        for sample in self._samples:
            sample.setSize(self._symbol_size())
        self._apply_font()

    def _apply_font(self) -> None:
        size = f"{LEGEND_POINT_SIZE * self.shown_scale:g}pt"
        self.item.setLabelTextSize(size)
        for _sample, label in self.item.items:  # the size applies at the next setText
            label.setText(label.text, size=size)
        self.item.updateSize()
        self.item.layout.activate()  # its size now, for place()

    def label_items(self) -> list[pg.LabelItem]:
        """The legend's visible text items (one per row)."""
        return [label for _sample, label in self.item.items] if self.item.isVisible() else []

    def place(self, pixels: np.ndarray, weights: np.ndarray | None = None) -> str:
        """Move the legend to the corner of the plot that covers the least point weight
        (``pixels``: (n, 2) plot-local pixel positions); returns the corner's name."""
        rect = self.view_box.boundingRect()
        # at presenter size in a small plot the legend would cover most of it (and stick
        # out of it): its text shrinks toward 1× until it takes at most half of each side
        candidates = [self.font_scale] + [x for x in (1.75, 1.5, 1.25, 1.0)
                                          if x < self.font_scale]
        for scale in candidates:
            if scale != self.shown_scale:
                self._show_scale(scale)
            size = self.item.boundingRect()
            if size.width() <= MAX_SHARE * rect.width() \
                    and size.height() <= MAX_SHARE * rect.height():
                break
        size = self.item.boundingRect()
        self.corner = corner_for((size.width(), size.height()), (rect.width(), rect.height()),
                                 pixels, weights)
        anchor_in_corner(self.item, self.corner)
        return self.corner

    def rect_in_view_box(self) -> QtCore.QRectF:
        """The legend's rectangle in the view box's own (pixel) coordinates."""
        return self.item.mapRectToParent(self.item.boundingRect())
