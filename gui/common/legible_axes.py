"""Tick spacing from font metrics: a pyqtgraph axis whose labels never overlap.

pyqtgraph picks its major tick spacing from the axis length alone, and always draws the
major labels, so at presenter size (2× font) in a short or narrow plot they run together
("0.20.40.60.8"). :func:`space_ticks_by_font` makes an axis keep only the tick levels whose
labels fit side by side (widths along a horizontal axis, line heights along a vertical one)
and, if none fits, use the next 1-2-5 spacing that does. :func:`integer_ticks` keeps a count
axis (steps) on whole numbers.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtGui, QtWidgets

#: Empty room between two neighbouring tick labels, in multiples of the font's height.
GAP = 0.6


def _font(axis: pg.AxisItem) -> QtGui.QFont:
    """The font the axis draws its tick labels with (its own, else its view's)."""
    font = axis.style.get("tickFont")
    if font is not None:
        return font
    views = axis.scene().views() if axis.scene() is not None else []
    return QtGui.QFont(views[0].font()) if views else QtGui.QFont()


def label_room(axis: pg.AxisItem, low: float, high: float, spacing: float) -> float:
    """Pixels one tick label needs along ``axis`` at ``spacing`` (value units) between
    ``low`` and ``high``: the widest label plus a gap (horizontal axis), or a line plus a
    gap (vertical)."""
    metrics = QtGui.QFontMetricsF(_font(axis))
    gap = GAP * metrics.height()
    if axis.orientation in ("left", "right"):
        return metrics.height() + gap
    first = math.ceil(low / spacing) * spacing
    values = [first + k * spacing for k in range(int((high - first) / spacing) + 1)][:50]
    texts = axis.tickStrings(values, axis.autoSIPrefixScale, spacing) if values else ["0"]
    return max((metrics.horizontalAdvance(text) for text in texts), default=0.0) + gap


def legible_spacing(axis: pg.AxisItem, levels: list[tuple[float, float]], low: float,
                    high: float, size: float) -> list[tuple[float, float]]:
    """``levels`` ([(spacing, offset)], major first, as ``AxisItem.tickSpacing`` gives them)
    without those whose labels would overlap along ``size`` px; the smallest 1-2-5 spacing
    that fits when none does."""
    if size <= 0 or not high > low or not levels:
        return levels
    per_pixel = (high - low) / size
    kept = [(step, offset) for step, offset in levels
            if step / per_pixel >= label_room(axis, low, high, step)]
    if kept:
        return kept
    step = levels[0][0]
    for _ in range(60):  # 1-2-5 steps upwards until the labels fit
        digits = 10.0 ** math.floor(math.log10(step))  # float: an int 10 ** 20 overflows C long
        mantissa = round(step / digits)
        step = (2 if mantissa < 2 else 5 if mantissa < 5 else 10) * digits
        if step / per_pixel >= label_room(axis, low, high, step):
            break
    return [(step, 0.0)]


def space_ticks_by_font(axis: pg.AxisItem) -> pg.AxisItem:
    """Make ``axis`` choose its tick spacing with :func:`legible_spacing`; returns it."""
    original = axis.tickSpacing

    def tick_spacing(min_val, max_val, size):
        levels = original(min_val, max_val, size)
        if axis._tickLevels is not None or axis._tickSpacing is not None:
            return levels  # ticks or a spacing set by hand
        return legible_spacing(axis, list(levels), min_val, max_val, size)

    axis.tickSpacing = tick_spacing
    return axis


def integer_ticks(axis: pg.AxisItem) -> pg.AxisItem:
    """Make ``axis`` (a count, such as training steps) tick whole numbers only: its tick
    levels finer than 1 are dropped, and spacing 1 is used when none is left. Apply after
    :func:`space_ticks_by_font` (wider spacings stay legible). Returns the axis."""
    original = axis.tickSpacing

    def tick_spacing(min_val, max_val, size):
        levels = [(step, offset) for step, offset in original(min_val, max_val, size)
                  if step >= 1 and float(offset).is_integer()]
        return levels or [(1.0, 0.0)]

    axis.tickSpacing = tick_spacing
    return axis


def fit_axis_titles(plot_item: pg.PlotItem, names=("left", "right", "bottom")) -> None:
    """Show each named axis's title only while it fits along its axis (the view box's height
    for a vertical axis, its width for a horizontal one): in a short plot at presenter size
    a title such as "true positive rate" would otherwise be clipped."""
    box = plot_item.vb
    for name in names:
        axis = plot_item.getAxis(name)
        if axis.label is None or not axis.labelText:
            continue
        margin = axis.label.document().documentMargin()
        length = axis.label.boundingRect().width() - 2 * margin
        room = box.height() if axis.orientation in ("left", "right") else box.width()
        fits = length <= room
        if axis.label.isVisibleTo(axis) != fits:
            axis.showLabel(fits)


def set_axis_title(axis: pg.AxisItem, text: str) -> None:
    """Give ``axis`` the title ``text`` (only when it differs: a new title re-lays out the
    plot) and centre it along the axis again: pyqtgraph places a title only when its axis is
    resized, so "b (bias)" replacing "b" on an axis of the same size stayed where "b" was
    centred and ran off the plot's edge."""
    if axis.labelText != text:
        axis.setLabel(text)
        axis.resizeEvent()


def room_for_top_tick(axis: pg.AxisItem) -> None:
    """Give a vertical axis's plot a top margin of half a tick label (at least the margin it
    had): pyqtgraph centres a vertical axis's labels on their ticks and lets them hang over the
    axis's ends, so the top label ("1.0" of the loss curve, "1.2" of the loss surface's colour
    bar) was cut by the view's edge, in half at presenter fonts. Call it again after the tick
    font changed."""
    if axis.orientation not in ("left", "right") or not axis.style.get("showValues", True):
        return
    host, item = None, axis.parentItem()
    while item is not None:  # the outermost plot or layout: the one at the view's top
        if isinstance(getattr(item, "layout", None), QtWidgets.QGraphicsGridLayout):
            host = item
        item = item.parentItem()
    if host is None:
        return
    left, top, right, bottom = host.layout.getContentsMargins()
    base = host.__dict__.setdefault("_top_margin_before_ticks", top)
    # no tick font of its own: the view's, which is the application's outside presenter mode
    # (the view's own may still be presenter-sized while presenter mode ends)
    font = axis.style.get("tickFont") or QtWidgets.QApplication.font()
    wanted = max(base, QtGui.QFontMetricsF(font).height() / 2)
    if abs(top - wanted) > 0.5:
        host.layout.setContentsMargins(left, wanted, right, bottom)


def room_for_top_ticks(views) -> None:
    """:func:`room_for_top_tick` for every axis of the pyqtgraph ``views``."""
    for view in views:
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem):
                room_for_top_tick(item)


def keep_axis_titles_fitting(plot_item: pg.PlotItem,
                             names=("left", "right", "bottom")) -> None:
    """Run :func:`fit_axis_titles` whenever the plot's view box is resized."""
    plot_item.vb.sigResized.connect(lambda *_: fit_axis_titles(plot_item, names))


class TextHighAxis(pg.AxisItem):
    """A bottom/top axis as tall as its tick labels: pyqtgraph reserves 0.8 of the text's
    height (``AxisItem._updateHeight``), so descenders and low digits were cut by the view's
    edge at presenter fonts (issue 13)."""

    def _updateHeight(self) -> None:  # noqa: N802 (pyqtgraph naming)
        super()._updateHeight()
        if self.fixedHeight is None and self.isVisible() and self.style["showValues"]:
            height = self.maximumHeight() + 0.25 * self.textHeight
            self.setMaximumHeight(height)
            self.setMinimumHeight(height)
