"""What every neuron computes over the input plane: the diagram's thumbnails and the canvas preview.

One forward pass (evaluation mode, the engine's ``MLP.forward``) over a grid of raw input
coordinates gives the activation of every unit at every grid point — TensorFlow Playground's
neuron thumbnails (Smilkov & Carter 2016). Images follow the canvas convention: row 0 is the
lowest y (``ImageItem(axisOrder="row-major")`` placed from y0 upward); the diagram flips them
when it paints into a QImage, so +y is up everywhere.
"""

from __future__ import annotations

import numpy as np

from gui.common import colors
_LUT = colors.diverging_lut(256)
_NAN_U8 = np.round(np.array(colors.NAN_RGB) * 255).astype(np.uint8)


def grid_activations(session, x_range, y_range, resolution: int) -> list[np.ndarray]:
    """Activations of every layer on a resolution × resolution grid of raw coordinates.

    Returns L+1 arrays; entry k has shape (res_y, res_x, layer_sizes[k]) float64: k = 0 the
    network inputs (expanded, standardized features), k ≥ 1 the activations a^k. For 1-D data
    res_y is 1 (the value depends on x only). Non-finite values (a diverged network) pass
    through; no NumPy warnings are emitted.
    """
    res = max(int(resolution), 2)
    xs = np.linspace(float(x_range[0]), float(x_range[1]), res)
    if session.points.dim == 1:
        raw = xs[:, None]
        shape = (1, res)
    else:
        ys = np.linspace(float(y_range[0]), float(y_range[1]), res)
        gx, gy = np.meshgrid(xs, ys)
        raw = np.column_stack([gx.ravel(), gy.ravel()])
        shape = (res, res)
    with np.errstate(all="ignore"):
        fp = session.net.forward(session.transform(raw))
    return [a.reshape(*shape, a.shape[1]) for a in fp.activations]


def symmetric_scale(values: np.ndarray) -> float:
    """max |finite value| (≥ 1e-12), the half-width of symmetric levels."""
    return -colors.symmetric_levels(values)[0]


def diverging_rgba(values: np.ndarray, scale: float) -> np.ndarray:
    """values (...) on the blue–white–orange map with levels (−scale, scale) → (..., 4) uint8.

    NaN/inf cells are the neutral grey of ``colors.NAN_RGB``.
    """
    v = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(v)
    with np.errstate(all="ignore"):
        t = np.where(finite, v, 0.0) / max(float(scale), 1e-12)
    index = np.clip(np.round((t * 0.5 + 0.5) * 255.0), 0, 255).astype(np.intp)
    rgba = _LUT[index]
    rgba[~finite, :3] = _NAN_U8
    return rgba


def layer_images(values: np.ndarray, role: str, value_levels=(-1.0, 1.0)) -> np.ndarray:
    """Colour one layer's grid (h, w, width) → (width, h, w, 4) uint8, one image per unit.

    role: "hidden" or "input" (diverging map, levels symmetric over the whole layer so units
    compare); "sigmoid" (the binary output p(class 1), decision-boundary colours); "softmax"
    (unit k tinted towards class k's colour by p_k); "linear" (regression output on the
    value map between ``value_levels``). Row 0 of each image is the lowest y.
    """
    values = np.asarray(values, dtype=np.float64)
    h, w, width = values.shape
    if role == "sigmoid":
        images = [colors.probability_image(values[..., k:k + 1]) for k in range(width)]
        return np.stack(images)
    if role == "softmax":
        out = np.empty((width, h, w, 4), dtype=np.uint8)
        for k in range(width):
            p = np.clip(np.nan_to_num(values[..., k], nan=0.0), 0.0, 1.0)[..., None]
            tint = colors.CLASS_RGB[k % colors.MAX_CLASSES]
            rgb = 1.0 - 0.85 * p * (1.0 - tint)
            out[k, ..., :3] = np.round(rgb * 255.0)
            out[k, ..., 3] = 255
            out[k][~np.isfinite(values[..., k])] = (*_NAN_U8, 255)
        return out
    if role == "linear":
        return np.stack([colors.value_image(values[..., k], value_levels) for k in range(width)])
    scale = symmetric_scale(values)
    return np.ascontiguousarray(np.moveaxis(diverging_rgba(values, scale), 2, 0))


def output_role(output_activation: str) -> str:
    """The ``layer_images`` role of the output layer for an output activation name."""
    return output_activation if output_activation in ("sigmoid", "softmax") else "linear"
