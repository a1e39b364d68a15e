"""The comparison with stored engine numbers (tests/core/stored_results.py) fails on a change
of what is computed and passes on another build's rounding."""

import numpy as np
import pytest

from tests.core.stored_results import assert_matches_stored


def test_a_last_bits_difference_passes_and_a_real_change_fails():
    stored = np.array([0.75916121, -8.3e-2, 1e-19, 0.0])
    assert_matches_stored(stored * (1 + 2e-14), stored)  # NumPy 2.4.6 rounding: 1.6e-14
    with pytest.raises(AssertionError):
        assert_matches_stored(stored * (1 + 1e-9), stored)
    nudged = stored.copy()
    nudged[3] = 1e-6
    with pytest.raises(AssertionError):
        assert_matches_stored(nudged, stored)
    with pytest.raises(AssertionError):
        assert_matches_stored(stored[:3], stored)
