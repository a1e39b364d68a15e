import numpy as np
import pytest

from core.plane_grid import grid_lines, polylines_to_path


def test_grid_lines_cover_the_extent_and_cross_at_the_grid_points():
    grid = grid_lines((-1.0, 3.0, -2.0, 2.0), lines=5, samples=9)
    assert grid.shape == (10, 9, 2)
    vertical, horizontal = grid[:5], grid[5:]
    np.testing.assert_allclose(vertical[:, 0, 0], np.linspace(-1, 3, 5))
    assert np.all(vertical[:, :, 0] == vertical[:, :1, 0])  # constant x
    np.testing.assert_allclose(vertical[0, :, 1], np.linspace(-2, 2, 9))
    assert np.all(horizontal[:, :, 1] == horizontal[:, :1, 1])  # constant y
    np.testing.assert_allclose(horizontal[:, 0, 1], np.linspace(-2, 2, 5))
    np.testing.assert_allclose(horizontal[0, :, 0], np.linspace(-1, 3, 9))


@pytest.mark.parametrize("extent, lines, samples", [
    ((0, 1, 0, 1), 1, 5), ((0, 1, 0, 1), 5, 1), ((1, 1, 0, 1), 5, 5),
    ((0, 1, 2, 0), 5, 5), ((0, np.nan, 0, 1), 5, 5), ((0, np.inf, 0, 1), 5, 5)])
def test_bad_grids_are_refused(extent, lines, samples):
    with pytest.raises(ValueError):
        grid_lines(extent, lines, samples)


def test_polylines_become_one_path_with_a_break_after_each_line():
    lines = np.arange(12, dtype=float).reshape(2, 3, 2)
    x, y = polylines_to_path(lines)
    assert x.shape == y.shape == (8,)
    np.testing.assert_array_equal(x[:3], lines[0, :, 0])
    np.testing.assert_array_equal(y[4:7], lines[1, :, 1])
    assert np.isnan(x[3]) and np.isnan(y[7])
    with pytest.raises(ValueError):
        polylines_to_path(np.zeros((2, 3)))
