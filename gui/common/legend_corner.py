"""Which corner of a plot a legend should sit in: the one that covers the least of what the
plot shows (pure geometry; the canvas's class legend and the loss surface's legend use it),
:func:`fit_legend_box`, which fits a legend's box to its rows after they changed size, and
:func:`show_fitting_form`, which picks the form (texts, columns) of a legend that fits its plot.

Pixels are plot-local: x to the right, y down, (0, 0) at the plot's top-left corner.
"""

from __future__ import annotations

import numpy as np

#: Distance (pixels) of a legend from the plot's edges.
MARGIN = 6
#: The most of the plot's width and of its height a legend inside it may take in its first
#: form; a bigger one (presenter scale, small plot) takes a more compact form.
MAX_SHARE = 0.5
#: Overshoots this close (share of the plot's width or height) count as equal: the form
#: covering less of the plot is taken (:func:`show_fitting_form`).
TIE_SHARE = 0.05
#: Corners in the order of preference on a tie: (item anchor, parent anchor) as pyqtgraph's
#: ``GraphicsWidgetAnchor.anchor`` takes them; top right first.
CORNERS = {
    "top_right": ((1, 0), (1, 0)),
    "top_left": ((0, 0), (0, 0)),
    "bottom_right": ((1, 1), (1, 1)),
    "bottom_left": ((0, 1), (0, 1)),
}


def corner_covers(size: tuple[float, float], area: tuple[float, float],
                  pixels: np.ndarray, weights: np.ndarray | None = None,
                  labels=()) -> dict[str, float]:
    """{corner key of :data:`CORNERS`: the summed ``weights`` of the points at ``pixels``
    (n, 2) that a legend of ``size`` (w, h) px in that corner of a plot of ``area`` (w, h) px
    covers, with a MARGIN around it, plus the weight of each of ``labels`` it leaves no room}.
    ``weights`` default to 1 per point; non-finite pixels cover nothing. ``labels``: [(places
    (k, 4): the rectangles x, y, w, h a label may take, weight)]: a label counts where the box
    meets every one of its places (where it meets some, the label opens at another)."""
    w, h = size
    aw, ah = area
    pixels = np.asarray(pixels, dtype=np.float64).reshape(-1, 2)
    weights = np.ones(len(pixels)) if weights is None else np.asarray(weights, np.float64)
    labels = [(np.asarray(places, np.float64).reshape(-1, 4), float(weight))
              for places, weight in labels]
    covers = {}
    for name, (item, _parent) in CORNERS.items():
        x0 = aw - w - MARGIN if item[0] == 1 else MARGIN
        y0 = ah - h - MARGIN if item[1] == 1 else MARGIN
        left, right, top, bottom = x0 - MARGIN, x0 + w + MARGIN, y0 - MARGIN, y0 + h + MARGIN
        inside = ((pixels[:, 0] >= left) & (pixels[:, 0] <= right)
                  & (pixels[:, 1] >= top) & (pixels[:, 1] <= bottom))
        covers[name] = float(np.sum(weights[inside]))
        for places, weight in labels:
            meets = ((places[:, 0] < right) & (places[:, 0] + places[:, 2] > left)
                     & (places[:, 1] < bottom) & (places[:, 1] + places[:, 3] > top))
            if len(places) and meets.all():
                covers[name] += weight
    return covers


def corner_for(size: tuple[float, float], area: tuple[float, float],
               pixels: np.ndarray, weights: np.ndarray | None = None, labels=(),
               current: str | None = None) -> str:
    """The key of :data:`CORNERS` where a legend of ``size`` (w, h) pixels inside a plot of
    ``area`` (w, h) pixels covers the least weight of the points at ``pixels`` (n, 2) and of
    ``labels`` (:func:`corner_covers`); ties go to the ``current`` corner (a legend does not
    jump between equally good corners while Play moves the points), else to the earlier corner
    of :data:`CORNERS`."""
    covers = corner_covers(size, area, pixels, weights, labels)
    best = min(CORNERS, key=lambda name: covers[name])  # min keeps the first of equals
    if current in covers and covers[current] <= covers[best]:
        return current
    return best


def anchor_in_corner(legend, corner: str) -> None:
    """Anchor a ``pg.LegendItem`` (parented to a view box) in ``corner``, MARGIN px in."""
    item_pos, parent_pos = CORNERS[corner]
    offset = (-MARGIN if item_pos[0] else MARGIN, -MARGIN if item_pos[1] else MARGIN)
    legend.anchor(itemPos=item_pos, parentPos=parent_pos, offset=offset)


def fit_legend_box(legend) -> None:
    """Fit a ``pg.LegendItem``'s box to its rows now, after their text or samples changed
    size (presenter scale, other texts). ``LegendItem.updateSize`` sums the rows' current
    widths, which its layout stretched to the old box: the box is shrunk to the layout's
    preferred size first, so it also gets smaller. Its geometry change re-anchors it."""
    legend.layout.invalidate()
    legend.adjustSize()
    legend.layout.activate()
    legend.updateSize()


def show_fitting_form(legend, area, forms, show):
    """Lay ``legend`` (a ``pg.LegendItem``) out in the first of ``forms`` whose box takes at
    most MAX_SHARE of the width and of the height of ``area`` (a QRectF, the plot), else in
    the one that overshoots least (its larger share of the plot's width and height), and of
    those within TIE_SHARE of it, the one covering least of the plot (width share times height
    share; the earlier of equals): in a plot too short for any form, the short texts in one
    column rather than the whole texts, as tall but twice as wide. Returns that form.
    ``show(form)`` lays the legend out in a form (its texts, columns) and fits its box."""
    def shares(form) -> tuple[float, float]:
        show(form)
        box = legend.boundingRect()
        return box.width() / max(area.width(), 1.0), box.height() / max(area.height(), 1.0)

    found = {}
    for form in forms:
        wide, tall = shares(form)
        if max(wide, tall) <= MAX_SHARE:
            return form
        found[form] = (max(wide, tall), wide * tall)
    least = min(over for over, _covered in found.values())
    best = min((form for form in forms if found[form][0] <= least + TIE_SHARE),
               key=lambda form: found[form][1])
    show(best)
    return best
