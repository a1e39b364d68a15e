"""Comparing the engine's numbers with numbers an earlier engine stored (tests/core/fixtures).

The same formulas on another NumPy / OpenBLAS build round the last bits differently (matrix
products and ``tanh`` have several kernels): with NumPy 2.4.6 the batch-norm-off fixture of
commit bd0534d differs by up to 1.6e-14 relative after five Adam steps. A changed formula moves
these numbers by far more than :data:`STORED_RTOL` (the smallest change the engine's own tests
make, a 1e-6 nudge of one weight, moves them by more than 1e-9), so the comparison still fails
on any change of what is computed, but not on the build's rounding.
"""

import numpy as np

#: Relative tolerance (of the stored array's largest magnitude, element by element).
STORED_RTOL = 1e-12


def assert_matches_stored(actual, stored, what: str = "") -> None:
    """AssertionError unless ``actual`` equals ``stored`` (same shape) to STORED_RTOL, relative
    to each element and to the stored array's largest magnitude (for elements near 0)."""
    actual = np.asarray(actual, dtype=np.float64)
    stored = np.asarray(stored, dtype=np.float64)
    assert actual.shape == stored.shape, (what, actual.shape, stored.shape)
    scale = float(np.max(np.abs(stored))) if stored.size else 0.0
    np.testing.assert_allclose(actual, stored, rtol=STORED_RTOL, atol=STORED_RTOL * scale,
                               err_msg=what)
