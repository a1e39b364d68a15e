"""Colours of the app: class palette, decision-boundary blending, value maps.

Everything here is plain NumPy + Qt colour names, so views share one palette.

- Classes use the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design"),
  reordered so that classes 0 and 1 are orange and blue — the two-class colours of TensorFlow
  Playground — and a third class added later does not recolour the first two.
- Weights and gradients use a diverging blue–white–orange map with symmetric levels around 0.
- The loss surface uses viridis (perceptually uniform).
"""

from __future__ import annotations

import numpy as np

from core.metrics import predicted_classes

#: Okabe–Ito colours, class 0 first: orange, blue, bluish green, vermillion, reddish purple,
#: sky blue, yellow, black. Eight entries, one per allowed class label 0..7.
CLASS_HEX: tuple[str, ...] = (
    "#E69F00",
    "#0072B2",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
MAX_CLASSES = len(CLASS_HEX)

#: Grey used for cells whose prediction is NaN (a diverged network).
NAN_RGB = (0.62, 0.62, 0.62)
#: How strongly a fully confident prediction tints the background (0 = white, 1 = full colour).
BOUNDARY_STRENGTH = 0.55
#: Tint used by the "discretize" view (the predicted class only).
DISCRETE_STRENGTH = 0.42

DIVERGING_HEX = ("#0072B2", "#FFFFFF", "#E69F00")  # negative → 0 → positive

THEMES = {
    "light": {"background": "#FFFFFF", "foreground": "#202020", "grid": 0.15},
    "dark": {"background": "#1E1E1E", "foreground": "#E0E0E0", "grid": 0.25},
}


def hex_to_rgb(code: str) -> tuple[float, float, float]:
    """'#RRGGBB' → (r, g, b) floats in [0, 1]."""
    code = code.lstrip("#")
    return tuple(int(code[i : i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]


CLASS_RGB = np.array([hex_to_rgb(c) for c in CLASS_HEX], dtype=np.float64)  # (8, 3)


def class_hex(label: int) -> str:
    """Colour of class `label` (0..7) as '#RRGGBB'. Raises IndexError outside 0..7."""
    if not 0 <= int(label) < MAX_CLASSES:
        raise IndexError(f"class label must be 0..{MAX_CLASSES - 1}, got {label}")
    return CLASS_HEX[int(label)]


def class_rgba_u8(labels: np.ndarray, alpha: int = 255) -> np.ndarray:
    """Per-point colours for integer labels (n,) → (n, 4) uint8 (labels clipped to 0..7)."""
    idx = np.clip(np.asarray(labels, dtype=np.int64), 0, MAX_CLASSES - 1)
    rgba = np.empty((idx.size, 4), dtype=np.uint8)
    rgba[:, :3] = np.round(CLASS_RGB[idx] * 255).astype(np.uint8)
    rgba[:, 3] = alpha
    return rgba


def _to_u8(rgb: np.ndarray) -> np.ndarray:
    """(h, w, 3) floats in [0, 1] → (h, w, 4) opaque uint8, C-contiguous."""
    h, w = rgb.shape[:2]
    out = np.empty((h, w, 4), dtype=np.uint8)
    out[..., :3] = np.round(np.clip(rgb, 0.0, 1.0) * 255.0)
    out[..., 3] = 255
    return out


def probability_image(values: np.ndarray, discretize: bool = False) -> np.ndarray:
    """Colour a grid of class probabilities.

    values: (h, w, K) float. K == 1 means binary, holding p(class 1); K ≥ 2 holds softmax
    probabilities (rows summing to 1). Returns (h, w, 4) uint8 RGBA, row 0 = first y value.

    The tint is the probability-weighted mean of the class colours, faded towards white by the
    confidence c = (max p − 1/K) / (1 − 1/K): a 50/50 cell is white, a certain cell is the class
    colour at BOUNDARY_STRENGTH. With `discretize`, every cell gets the colour of its predicted
    class (``core.metrics.predicted_classes``, the accuracy rule: p = 0.5 → class 0, softmax
    ties → the lower class index) at a fixed strength. Cells with any NaN/inf are NAN_RGB grey.
    Never raises for constant input.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim == 2:
        v = v[..., None]
    sigmoid = v.shape[-1] == 1
    if sigmoid:
        p1 = v[..., 0]
        v = np.stack([1.0 - p1, p1], axis=-1)
    h, w, k = v.shape
    bad = ~np.all(np.isfinite(v), axis=-1)
    probs = np.where(bad[..., None], 1.0 / k, np.clip(v, 0.0, 1.0))
    colours = CLASS_RGB[: min(k, MAX_CLASSES)]
    if k > MAX_CLASSES:  # more outputs than colours: should not happen, stay safe
        colours = np.resize(CLASS_RGB, (k, 3))
    if discretize:  # the class core.metrics counts for accuracy (tie → lower class index)
        winner = predicted_classes(probs[..., 1].reshape(-1) if sigmoid else probs.reshape(-1, k))
        winner = winner.reshape(h, w)
        tint = colours[winner]
        strength = np.full((h, w, 1), DISCRETE_STRENGTH)
    else:
        total = probs.sum(axis=-1, keepdims=True)
        total[total <= 0] = 1.0
        weights = probs / total
        tint = weights @ colours
        confidence = (weights.max(axis=-1, keepdims=True) - 1.0 / k) / (1.0 - 1.0 / k)
        strength = BOUNDARY_STRENGTH * np.clip(confidence, 0.0, 1.0)
    rgb = 1.0 - strength * (1.0 - tint)
    rgb[bad] = NAN_RGB
    return _to_u8(rgb)


def _ramp(stops: tuple[str, ...], t: np.ndarray) -> np.ndarray:
    """Piecewise-linear colour ramp through `stops` for t in [0, 1] → (..., 3)."""
    rgb = np.array([hex_to_rgb(s) for s in stops])
    pos = np.linspace(0.0, 1.0, len(stops))
    return np.stack([np.interp(t, pos, rgb[:, c]) for c in range(3)], axis=-1)


def value_image(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """Colour a (h, w) grid of regression predictions on the diverging map between `levels`.

    Values at levels[0] are blue, the midpoint white, levels[1] orange (faded like the class
    tints so points stay readable). NaN/inf cells are grey. A constant grid or equal levels
    never raise: the span is widened to 1. Returns (h, w, 4) uint8.
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim == 3:
        v = v[..., 0]
    lo, hi = float(levels[0]), float(levels[1])
    if not np.isfinite(lo) or not np.isfinite(hi) or hi - lo <= 1e-12:
        mid = lo if np.isfinite(lo) else 0.0
        lo, hi = mid - 0.5, mid + 0.5
    bad = ~np.isfinite(v)
    t = np.clip((np.where(bad, lo, v) - lo) / (hi - lo), 0.0, 1.0)
    tint = _ramp(DIVERGING_HEX, t)
    rgb = 1.0 - BOUNDARY_STRENGTH * 1.25 * (1.0 - tint)
    rgb[bad] = NAN_RGB
    return _to_u8(rgb)


def value_rgba_u8(values: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
    """Full-strength diverging colours for regression targets (n,) → (n, 4) uint8."""
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    lo, hi = float(levels[0]), float(levels[1])
    if not np.isfinite(lo) or not np.isfinite(hi) or hi - lo <= 1e-12:
        lo, hi = -1.0, 1.0
    t = np.clip((np.nan_to_num(v, nan=lo) - lo) / (hi - lo), 0.0, 1.0)
    rgba = np.empty((v.size, 4), dtype=np.uint8)
    rgba[:, :3] = np.round(_ramp(DIVERGING_HEX, t) * 255)
    rgba[:, 3] = 255
    return rgba


def diverging_lut(n: int = 256) -> np.ndarray:
    """(n, 4) uint8 lookup table blue → white → orange, for weights and gradients."""
    rgba = np.empty((n, 4), dtype=np.uint8)
    rgba[:, :3] = np.round(_ramp(DIVERGING_HEX, np.linspace(0, 1, n)) * 255)
    rgba[:, 3] = 255
    return rgba


def max_abs_finite(*arrays) -> float:
    """The largest finite |value| over any number of arrays (float; 0.0 when all are zero,
    empty or non-finite). This is the true extent ±m of a symmetric scale, the number a
    legend or title shows; drawing may floor it (``symmetric_levels``)."""
    m = 0.0
    for values in arrays:
        v = np.asarray(values, dtype=np.float64)
        finite = v[np.isfinite(v)]
        if finite.size:
            m = max(m, float(np.max(np.abs(finite))))
    return m


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """Levels (−m, m) for the diverging map, m = :func:`max_abs_finite` floored at 1e-12 (an
    image needs levels of non-zero width) — 1 when no value is finite."""
    v = np.asarray(values, dtype=np.float64)
    m = max_abs_finite(v) if np.isfinite(v).any() else 1.0
    m = max(m, 1e-12)
    return -m, m
