"""Where each parameter lives: the one address of a weight or bias, used everywhere.

A parameter is named by a :class:`ParamRef` ``(layer, kind, row, col)``: ``layer`` counts
weight layers from 0 as in ``net.weights[layer]`` (shown as W^{layer+1}, the maths convention
of the inspector and diagram), ``kind`` is "W" (``weights[layer][row, col]``) or "b"
(``biases[layer][row]``, col 0). Its place in ``MLP.get_params()`` (order W₀, b₀, W₁, b₁, …,
each flattened row-major; core-api.md) is :meth:`ParamRef.flat_index`; its label, e.g. "W²[3, 1]",
is :meth:`ParamRef.label`. Pure Python/NumPy.

A batch-normalized network (``MLP(batch_norm=True)``) also has kinds "gamma" (``bn_gamma[layer][row]``)
and "beta" (``bn_beta[layer][row]``) for each hidden layer, in the order W₀, b₀, γ₀, β₀, W₁, b₁, γ₁,
β₁, …, W_{L−1}, b_{L−1}; every function here then takes ``batch_norm=True``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def sup(k: int) -> str:
    """k as superscript digits: sup(12) == '¹²', sup(-1) == '⁻¹'."""
    return str(k).translate(_SUPERSCRIPTS)


KINDS = ("W", "b", "gamma", "beta")
_SYMBOLS = {"W": "W", "b": "b", "gamma": "γ", "beta": "β"}


class ParameterBlock(NamedTuple):
    """Where one weight matrix or bias vector (or γ, β vector) lives in the flat parameter
    vector."""

    layer: int
    kind: str  # "W", "b", "gamma" or "beta"
    start: int
    shape: tuple[int, ...]

    @property
    def size(self) -> int:
        return int(np.prod(self.shape))


def parameter_blocks(layer_sizes: Sequence[int], batch_norm: bool = False) -> list[ParameterBlock]:
    """Blocks W₀, b₀, W₁, b₁, … of ``get_params()`` (with ``batch_norm``: W₀, b₀, γ₀, β₀, W₁, …);
    W_l is (layer_sizes[l+1], layer_sizes[l]), b_l, γ_l, β_l are (layer_sizes[l+1],)."""
    sizes = [int(s) for s in layer_sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"layer_sizes needs at least two sizes, each >= 1; got {tuple(sizes)}")
    blocks, start = [], 0
    n_layers = len(sizes) - 1
    for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        blocks.append(ParameterBlock(layer, "W", start, (fan_out, fan_in)))
        start += fan_out * fan_in
        kinds = ("b", "gamma", "beta") if batch_norm and layer < n_layers - 1 else ("b",)
        for kind in kinds:
            blocks.append(ParameterBlock(layer, kind, start, (fan_out,)))
            start += fan_out
    return blocks


def n_parameters(layer_sizes: Sequence[int], batch_norm: bool = False) -> int:
    """P, the length of the flat parameter vector."""
    last = parameter_blocks(layer_sizes, batch_norm)[-1]
    return last.start + last.size


def _check_kind(kind: str, batch_norm: bool) -> None:
    kinds = KINDS if batch_norm else KINDS[:2]
    if kind not in kinds:
        allowed = "'W' or 'b'" if not batch_norm else ", ".join(map(repr, KINDS))
        raise ValueError(f"kind must be {allowed}, got {kind!r}")


def array_position(layer: int, kind: str, batch_norm: bool = False) -> int:
    """Index of W_layer ("W") or b_layer ("b") — or γ_layer, β_layer ("gamma", "beta") with
    ``batch_norm`` — in ``net.parameters()`` = [W₀, b₀, W₁, b₁, …] (with batch norm [W₀, b₀, γ₀,
    β₀, W₁, …]); also the lists of ``UpdateRecord`` and ``optimizer.terms(position, index)``.

    Raises ValueError for an unknown kind, γ/β without ``batch_norm``, or a negative layer.
    """
    _check_kind(kind, batch_norm)
    if int(layer) < 0:
        raise ValueError(f"layer must be >= 0, got {layer}")
    if not batch_norm:
        return 2 * int(layer) + (kind == "b")
    return 4 * int(layer) + KINDS.index(kind)


def flat_index(layer_sizes: Sequence[int], layer: int, kind: str, i: int, j: int = 0,
               batch_norm: bool = False) -> int:
    """Flat index of ``weights[layer][i, j]`` (kind "W"), ``biases[layer][i]`` (kind "b") or,
    with ``batch_norm``, ``bn_gamma[layer][i]`` / ``bn_beta[layer][i]`` ("gamma" / "beta").

    Raises ValueError for an unknown kind or an index out of range.
    """
    _check_kind(kind, batch_norm)
    n_layers = len(layer_sizes) - 1
    if not 0 <= layer < n_layers:
        raise ValueError(f"layer must be in [0, {n_layers}), got {layer}")
    if kind in ("gamma", "beta") and layer >= n_layers - 1:
        raise ValueError(f"{kind} exists only on hidden layers (the output layer is never "
                         f"normalized)")
    block = parameter_blocks(layer_sizes, batch_norm)[array_position(layer, kind, batch_norm)]
    rows = block.shape[0]
    cols = block.shape[1] if kind == "W" else 1
    if kind != "W":
        j = 0
    if not (0 <= i < rows and 0 <= j < cols):
        raise ValueError(f"{kind}{layer}[{i},{j}] is out of range for shape {block.shape}")
    return block.start + i * cols + j


def parameter_address(layer_sizes: Sequence[int], index: int,
                      batch_norm: bool = False) -> tuple[int, str, int, int]:
    """Inverse of :func:`flat_index`: (layer, kind, i, j) of flat ``index`` (j = 0 for all but
    weights)."""
    for block in parameter_blocks(layer_sizes, batch_norm):
        if block.start <= index < block.start + block.size:
            offset = int(index) - block.start
            if block.kind != "W":
                return block.layer, block.kind, offset, 0
            i, j = divmod(offset, block.shape[1])
            return block.layer, "W", i, j
    raise ValueError(f"parameter index must be in [0, {n_parameters(layer_sizes, batch_norm)}), "
                     f"got {index}")


class ParamRef(NamedTuple):
    """One weight or bias: ``weights[layer][row, col]`` (kind "W") or ``biases[layer][row]``
    (kind "b", col 0). A tuple, so it also unpacks as ``layer, kind, row, col``."""

    layer: int
    kind: str
    row: int
    col: int = 0

    @property
    def position(self) -> tuple[int, str, int, int]:
        """``(layer, kind, row, col)`` as plain values (a scene file's and a signal's form)."""
        return int(self.layer), str(self.kind), int(self.row), int(self.col)

    def flat_index(self, layer_sizes: Sequence[int], batch_norm: bool = False) -> int:
        """Index in ``get_params()`` for a network of ``layer_sizes`` (and ``batch_norm``);
        ValueError when out of range (see :func:`flat_index`)."""
        return flat_index(layer_sizes, self.layer, self.kind, self.row, self.col, batch_norm)

    def array_position(self, batch_norm: bool = False) -> int:
        """Index of this parameter's array in ``net.parameters()`` (see :func:`array_position`)."""
        return array_position(self.layer, self.kind, batch_norm)

    def array_index(self, layer_sizes: Sequence[int], batch_norm: bool = False) -> int:
        """Index within that array flattened row-major: ``row * fan_in + col`` for a weight,
        ``row`` otherwise. ValueError when out of range for ``layer_sizes``."""
        return self.flat_index(layer_sizes, batch_norm) - parameter_blocks(
            layer_sizes, batch_norm)[self.array_position(batch_norm)].start

    def label(self) -> str:
        """'W²[3, 1]', 'b²[3]', 'γ²[3]' or 'β²[3]' (the layer as a 1-based superscript, indices
        0-based)."""
        if self.kind == "W":
            return f"W{sup(self.layer + 1)}[{self.row}, {self.col}]"
        return f"{_SYMBOLS.get(self.kind, self.kind)}{sup(self.layer + 1)}[{self.row}]"

    def is_valid(self, layer_sizes: Sequence[int], batch_norm: bool = False) -> bool:
        """True when this names an element of a network with ``layer_sizes`` (and
        ``batch_norm``)."""
        try:
            self.flat_index(layer_sizes, batch_norm)
        except (TypeError, ValueError):
            return False
        return self.kind == "W" or self.col == 0

    @classmethod
    def at(cls, layer_sizes: Sequence[int], index: int, batch_norm: bool = False) -> ParamRef:
        """The parameter at flat ``index`` (inverse of :meth:`flat_index`)."""
        return cls(*parameter_address(layer_sizes, index, batch_norm))
