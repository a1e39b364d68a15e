"""The words of the hidden-space view: stage names and captions from core.hidden_space's codes.

One function per fact, so the view, its tests and the figure read the same text.
"""

from __future__ import annotations

import numpy as np

from core.hidden_space import Stage
from gui.common.display_names import display_name
from gui.common.i18n import translate
from gui.common.number_format import fixed


def stage_name(stage: Stage, dim: int = 2) -> str:
    """E.g. "Layer 1: Wa + b", "Layer 1: f = tanh", "Input plane". ``dim``: raw input
    dimension (1: the input is a line)."""
    if stage.kind == "plane":
        return (translate("HiddenSpace", "Input line") if dim == 1
                else translate("HiddenSpace", "Input plane"))
    if stage.kind == "input":
        return translate("HiddenSpace", "Network input x")
    if stage.kind == "linear":
        return translate("HiddenSpace", "Layer {0}: Wa + b").format(stage.layer)
    if stage.kind == "normalized":
        return translate("HiddenSpace", "Layer {0}: batch norm γ·û + β").format(
            stage.layer)
    return translate("HiddenSpace", "Layer {0}: f = {1}").format(stage.layer,
                                                          display_name(stage.activation))


def percent(fraction: float) -> str:
    """"48 %"; "–" for NaN (no variance to explain)."""
    if not np.isfinite(fraction):
        return "–"
    return fixed(100.0 * float(fraction), 0) + "\u00a0%"  # no line break before the %


def projection_text(stage: Stage) -> str:
    """How ``stage`` is drawn, with the variance each axis explains where it is a choice."""
    projection, width = stage.projection, stage.width
    explained = translate("HiddenSpace", "variance explained: x {0}, y {1}").format(
        percent(stage.explained[0]), percent(stage.explained[1]))
    if projection.mode == "identity":
        return translate("HiddenSpace", "{0} values, drawn as they are").format(width)
    if projection.mode == "line":
        return translate("HiddenSpace", "1 value, drawn on a line (y = 0)")
    if projection.mode == "neurons":
        i, j = projection.neurons
        text = translate("HiddenSpace", "neurons {0} (x) and {1} (y) of {2}").format(
            i + 1, j + 1, width)
    elif projection.mode == "pca":
        text = translate("HiddenSpace", "first two principal components of {0} values").format(
            width)
    else:
        text = translate("HiddenSpace",
                         "x along the output's weights, y across them ({0} values)").format(width)
    return translate("HiddenSpace", "{0}; {1}").format(text, explained)


def line_text(status: str, side_class: str | None = None) -> str:
    """What the drawn decision line is (a ``core.hidden_space.LINE_STATUSES`` code);
    ``side_class``: the name of the class every drawn point is on (``DecisionLine.side_class``,
    for "outside" and "degenerate")."""
    if status == "outside":
        return translate("HiddenSpace", "No decision line in view: the output's line misses "
                                        "the drawn grid and points; all of them are on the "
                                        "side of {0}").format(side_class)
    text = {
        "exact": translate("HiddenSpace", "Line: the output's decision boundary (exact)"),
        "slice": translate("HiddenSpace", "Line: the output's decision boundary cut by the "
                                          "drawn plane (an approximation)"),
        "regression": translate("HiddenSpace", "No decision line: regression"),
        "multiclass": translate("HiddenSpace",
                                "No single decision line: three or more classes"),
        "degenerate": translate("HiddenSpace", "No decision line: the output's weights are "
                                               "zero in this plane"),
    }[status]
    if status == "degenerate" and side_class is not None:
        text = translate("HiddenSpace", "{0}; the whole plane is on the side of {1}").format(
            text, side_class)
    return text


def status_text(status: str) -> str:
    """Why nothing is drawn (a ``core.hidden_space.STATUSES`` code other than "ok")."""
    if status == "non_finite_parameters":
        return translate("HiddenSpace", "The network's parameters are not finite (training "
                                        "diverged): nothing to draw.")
    return translate("HiddenSpace",
                     "The mapped values overflowed (not finite): nothing to draw.")
