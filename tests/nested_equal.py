"""One comparison for nested test records (dicts, lists and tuples of arrays and values):
arrays must be equal element for element (NaN equals NaN), everything else ``==``."""

from __future__ import annotations

import numpy as np


def assert_same(a, b) -> None:
    """AssertionError at the first place where ``a`` and ``b`` differ."""
    if isinstance(a, dict):
        assert a.keys() == b.keys()
        for key in a:
            assert_same(a[key], b[key])
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            assert_same(x, y)
    elif isinstance(a, np.ndarray):
        assert np.array_equal(a, b, equal_nan=True)
    else:
        assert a == b
