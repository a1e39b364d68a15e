"""A log-scale pyqtgraph axis whose tick labels never run together.

Within one decade pyqtgraph labels every minor tick (2, 3, …, 9 × 10ᵏ) at the top level, which
it always draws: in a short plot at presenter size (2× font) the labels "2" … "9" overlapped.
:class:`LegibleLogAxis` keeps every minor tick line but labels only the mantissas of the first
of :data:`MANTISSA_SETS` whose labels fit between each other along the axis (line heights
along a vertical axis, label widths along a horizontal one), and never labels a decade twice
(pyqtgraph's minor level repeats the decade ticks).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtGui

from gui.common.legible_axes import GAP

#: Mantissas of the minor ticks to label, densest first; the first whose neighbouring labels
#: fit is used (1 is the decade itself).
MANTISSA_SETS = ((1, 2, 3, 4, 5, 6, 7, 8, 9), (1, 2, 3, 5), (1, 2, 5), (1, 3), (1,))
#: Spacing that marks the level of unlabelled minor ticks (pyqtgraph passes a level's spacing
#: to ``tickStrings``).
UNLABELLED = -1.0


def _closest_gap(mantissas: tuple[int, ...]) -> float:
    """Smallest distance (decades) between two neighbouring labelled ticks of ``mantissas``,
    the next decade's 1 included."""
    logs = [math.log10(m) for m in mantissas] + [1.0]
    return min(b - a for a, b in zip(logs, logs[1:]))


class LegibleLogAxis(pg.AxisItem):
    """``pg.AxisItem`` whose log-mode minor labels are thinned to fit (module docstring)."""

    def _tick_font(self) -> QtGui.QFont:
        font = self.style.get("tickFont")
        if font is not None:
            return font
        views = self.scene().views() if self.scene() is not None else []
        return QtGui.QFont(views[0].font()) if views else QtGui.QFont()

    def _label_room(self, values: list[float]) -> float:
        """Pixels a label of ``values`` (log10 values) needs along the axis, a gap included."""
        metrics = QtGui.QFontMetricsF(self._tick_font())
        gap = GAP * metrics.height()
        if self.orientation in ("left", "right"):
            return metrics.height() + gap
        texts = self.logTickStrings(values, 1.0, 1.0) if values else ["0"]
        return max(metrics.horizontalAdvance(text) for text in texts) + gap

    def labelled_mantissas(self, low: float, high: float, size: float) -> tuple[int, ...]:
        """The first of MANTISSA_SETS whose labels fit along ``size`` px between the log10
        values ``low`` and ``high``."""
        if size <= 0 or not high > low:
            return MANTISSA_SETS[-1]
        pixels_per_decade = size / (high - low)
        for mantissas in MANTISSA_SETS:
            values = [d + math.log10(m) for d in range(math.floor(low), math.ceil(high))
                      for m in mantissas]
            if _closest_gap(mantissas) * pixels_per_decade >= self._label_room(values):
                return mantissas
        return MANTISSA_SETS[-1]

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802 (pyqtgraph naming)
        ticks = [(spacing, values) for spacing, values in stdTicks if spacing >= 1.0]
        if len(ticks) >= 3:
            return ticks
        decades = np.concatenate([np.asarray(values, dtype=float) for _s, values in ticks]) \
            if ticks else np.empty(0)
        keep = self.labelled_mantissas(minVal, maxVal, size)
        labelled, unlabelled = [], []
        for decade in range(math.floor(minVal), math.ceil(maxVal)):
            for mantissa in range(1, 10):
                value = decade + math.log10(mantissa)
                if not minVal < value < maxVal or np.any(np.isclose(decades, value,
                                                                    atol=1e-9)):
                    continue  # out of range, or a decade tick already labelled
                (labelled if mantissa in keep else unlabelled).append(value)
        if not ticks and not labelled and unlabelled:
            labelled.append(unlabelled.pop(len(unlabelled) // 2))  # one label at least
        return ticks + [(None, labelled), (UNLABELLED, unlabelled)]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph naming)
        if spacing == UNLABELLED:
            return [""] * len(values)
        return super().logTickStrings(values, scale, spacing)
