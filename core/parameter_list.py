"""``ParameterList``: the container behind ``MLP.weights`` and ``MLP.biases``.

It is a real ``list`` (indexing, iteration and ``len`` work as usual) whose length and element
shapes are fixed by the layer sizes, and whose elements are always float64 arrays.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

import numpy as np


class ParameterList(list):
    """A fixed-length list of float64 arrays with fixed shapes (``net.weights`` / ``net.biases``).

    Assigning an element casts it to a new float64 array and checks its shape (ValueError on a
    mismatch), so ``net.weights[0] = np.array([[0, 0], [0, 0]])`` stores floats. Editing an element
    in place (``net.weights[0][1, 0] = 0.5``, ``net.weights[0] += update``) changes the network.
    Operations that would change the number of layers raise TypeError.
    """

    __slots__ = ("_shapes", "_kind")

    def __init__(self, arrays, shapes: Sequence[tuple[int, ...]], kind: str):
        self._shapes = tuple(tuple(s) for s in shapes)
        self._kind = kind
        arrays = list(arrays)
        if len(arrays) != len(self._shapes):
            raise ValueError(f"Expected {len(self._shapes)} {kind} arrays, got {len(arrays)}")
        super().__init__(self._coerce(i, a) for i, a in enumerate(arrays))

    def _coerce(self, index: int, value) -> np.ndarray:
        if index < len(self) and value is list.__getitem__(self, index):
            return value  # ``weights[l] += …`` re-assigns the same, already valid array
        array = np.array(value, dtype=np.float64)
        if array.shape != self._shapes[index]:
            raise ValueError(
                f"{self._kind}[{index}] must have shape {self._shapes[index]}, got {array.shape}"
            )
        return array

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            positions = range(*index.indices(len(self)))
            values = list(value)
            if len(values) != len(positions):
                raise ValueError(f"Cannot change the number of {self._kind} arrays")
            for position, item in zip(positions, values, strict=True):
                self[position] = item
            return
        position = operator.index(index)
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(f"{self._kind} index {index} out of range")
        list.__setitem__(self, position, self._coerce(position, value))

    def __reduce__(self):
        return (ParameterList, (list(self), self._shapes, self._kind))

    def _fixed_length(self, *args, **kwargs):
        raise TypeError(f"The number of {self._kind} arrays is fixed by the layer sizes")

    append = extend = insert = pop = remove = clear = sort = reverse = _fixed_length
    __delitem__ = __iadd__ = __imul__ = _fixed_length
