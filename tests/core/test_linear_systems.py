"""core.linear_systems: the cases of Ax = b, sensitivity, and gradient descent on ‖Ax − b‖²."""

import numpy as np
import pytest

from core.linear_systems import (
    CASES,
    ILL_CONDITIONED,
    analyse,
    gradient,
    gradient_descent,
    line_points,
    loss,
    loss_grid,
    mapped_grid,
    sensitivity,
    stable_learning_rate,
)
from core.plane_grid import grid_lines

EXAMPLE_A = [[3.0, 1.0], [1.0, 2.0]]  # 3x + y = 9, x + 2y = 8 (NumPy's np.linalg.solve example)
EXAMPLE_B = [9.0, 8.0]
THREE_LINES_A = [[1.0, 1.0], [1.0, -1.0], [1.0, 2.0]]
THREE_LINES_B = [2.0, 0.0, 4.0]


def test_the_example_is_solved_by_np_linalg_solve():
    system = analyse(EXAMPLE_A, EXAMPLE_B)
    assert system.case == "unique"
    np.testing.assert_allclose(system.solution, np.linalg.solve(EXAMPLE_A, EXAMPLE_B))
    np.testing.assert_allclose(np.array(EXAMPLE_A) @ system.solution, EXAMPLE_B)
    assert system.det == pytest.approx(np.linalg.det(EXAMPLE_A))
    assert system.cond == pytest.approx(np.linalg.cond(EXAMPLE_A))
    assert system.squared_residuals == pytest.approx(0.0, abs=1e-24)


def test_parallel_lines_have_no_solution():
    system = analyse([[1.0, 2.0], [2.0, 4.0]], [1.0, 5.0])
    assert system.case == "singular_none"
    assert system.solution is None and system.residuals is None
    assert system.det == pytest.approx(0.0, abs=1e-12)
    assert system.cond == np.inf


def test_coincident_lines_give_a_whole_line_of_solutions():
    A, b = np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([3.0, 6.0])
    system = analyse(A, b)
    assert system.case == "singular_line"
    assert np.linalg.norm(system.direction) == pytest.approx(1.0)
    np.testing.assert_allclose(A @ system.direction, 0.0, atol=1e-12)
    for t in (-3.0, 0.0, 2.5):  # every point of the line solves both equations
        np.testing.assert_allclose(A @ (system.solution + t * system.direction), b, atol=1e-12)


def test_a_nearly_singular_matrix_is_ill_conditioned_and_amplifies_a_change_in_b():
    A, b = [[1.0, 1.0], [1.0, 1.0001]], [2.0, 2.0001]
    system = analyse(A, b)
    assert system.case == "ill_conditioned"
    assert system.cond > ILL_CONDITIONED
    moved = sensitivity(A, b, [0.0, 0.0001])
    np.testing.assert_allclose(moved.x, np.linalg.solve(A, b))
    np.testing.assert_allclose(moved.x_perturbed, np.linalg.solve(A, np.add(b, [0.0, 1e-4])))
    assert moved.shift > 1000 * 1e-4  # the answer moves far more than b did
    assert moved.amplification <= system.cond * (1 + 1e-9)
    assert moved.amplification > 100


def test_a_well_conditioned_system_barely_amplifies():
    moved = sensitivity(EXAMPLE_A, EXAMPLE_B, [0.0, 0.01])
    assert moved.amplification <= np.linalg.cond(EXAMPLE_A) * (1 + 1e-9)
    assert moved.shift < 0.02


def test_three_lines_are_solved_in_the_least_squares_sense():
    system = analyse(THREE_LINES_A, THREE_LINES_B)
    assert system.case == "overdetermined"
    expected = np.linalg.lstsq(THREE_LINES_A, THREE_LINES_B, rcond=None)
    np.testing.assert_allclose(system.solution, expected[0])
    np.testing.assert_allclose(system.residuals,
                               np.array(THREE_LINES_A) @ expected[0] - THREE_LINES_B)
    assert system.squared_residuals == pytest.approx(expected[1][0])
    assert system.squared_residuals > 0
    assert np.isnan(system.det)
    # the normal equations AᵀA x̂ = Aᵀb (Strang §4.3)
    A = np.array(THREE_LINES_A)
    np.testing.assert_allclose(A.T @ A @ system.solution, A.T @ THREE_LINES_B)


@pytest.mark.parametrize("A, b, problem, row", [
    ([[np.nan, 1.0], [1.0, 2.0]], [1.0, 2.0], "non_finite", 0),
    ([[1.0, 1.0], [1.0, 2.0]], [1.0, np.inf], "non_finite", 1),
    ([[1.0, 1.0], [0.0, 0.0]], [1.0, 2.0], "zero_row", 1),
    ([[1e200, 1.0], [1.0, 2.0]], [1.0, 2.0], "out_of_range", 0),  # det and cond overflow
    ([[1e-320, 0.0], [0.0, 1e-320]], [1.0, 2.0], "out_of_range", 0),  # A is 0 in effect
    ([[1.0, 1.0], [1.0, 2.0]], [1.0, 2e6], "out_of_range", 1),
    ([[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]], [1.0, 2.0], "shape", -1),
    ([[1.0, 1.0]], [1.0], "shape", -1),
    ([[1.0, 1.0], [1.0, 2.0]], [1.0, 2.0, 3.0], "shape", -1),
    ([["a", 1.0], [1.0, 2.0]], [1.0, 2.0], "shape", -1),
])
def test_bad_input_is_a_code_not_an_exception(A, b, problem, row):
    system = analyse(A, b)
    assert system.case == "bad_input"
    assert (system.problem, system.row) == (problem, row)
    assert system.solution is None


def test_every_case_is_a_known_code():
    for A, b in ((EXAMPLE_A, EXAMPLE_B), (THREE_LINES_A, THREE_LINES_B),
                 ([[1, 2], [2, 4]], [1, 5]), ([[1, 2], [2, 4]], [1, 2])):
        assert analyse(A, b).case in CASES


def test_sensitivity_refuses_a_system_without_one_answer():
    with pytest.raises(ValueError, match="singular_none"):
        sensitivity([[1.0, 2.0], [2.0, 4.0]], [1.0, 5.0], [0.0, 0.1])
    with pytest.raises(ValueError, match="delta_b"):
        sensitivity(EXAMPLE_A, EXAMPLE_B, [0.0, np.nan])


@pytest.mark.parametrize("A, b", [(EXAMPLE_A, EXAMPLE_B), (THREE_LINES_A, THREE_LINES_B)])
def test_the_gradient_matches_central_finite_differences(A, b):
    rng = np.random.default_rng(0)
    h = 1e-5
    for _ in range(5):
        x = rng.normal(size=2) * 3
        numeric = np.array([(loss(A, b, x + h * e) - loss(A, b, x - h * e)) / (2 * h)
                            for e in np.eye(2)])
        analytic = gradient(A, b, x)
        assert np.max(np.abs(analytic - numeric)) / max(
            1e-8, np.max(np.abs(analytic) + np.abs(numeric))) < 1e-6


def test_the_loss_grid_is_the_loss_at_each_point():
    x0s, x1s = np.linspace(-1, 3, 5), np.linspace(0, 4, 4)
    grid = loss_grid(THREE_LINES_A, THREE_LINES_B, x0s, x1s)
    assert grid.shape == (4, 5)
    for j, x1 in enumerate(x1s):
        for k, x0 in enumerate(x0s):
            assert grid[j, k] == pytest.approx(loss(THREE_LINES_A, THREE_LINES_B, [x0, x1]))


@pytest.mark.parametrize("A, b", [(EXAMPLE_A, EXAMPLE_B), (THREE_LINES_A, THREE_LINES_B)])
def test_gradient_descent_walks_to_the_least_squares_point(A, b):
    eta = 0.5 * stable_learning_rate(A)
    run = gradient_descent(A, b, [0.0, 0.0], eta, 500)
    assert run.regime == "converges" and not run.stopped_early
    assert run.path.shape == (501, 2)
    np.testing.assert_allclose(run.path[-1], np.linalg.lstsq(A, b, rcond=None)[0], atol=1e-9)
    assert np.all(np.diff(run.losses) <= 1e-12)  # a stable η never climbs on a quadratic


def test_too_large_a_learning_rate_diverges_and_stops_before_overflow():
    limit = stable_learning_rate(EXAMPLE_A)
    assert limit == pytest.approx(1 / np.max(np.linalg.eigvalsh(np.array(EXAMPLE_A).T
                                                               @ EXAMPLE_A)))
    run = gradient_descent(EXAMPLE_A, EXAMPLE_B, [0.0, 0.0], 1.2 * limit, 2000)
    assert run.regime == "diverges"
    assert run.stopped_early
    assert np.all(np.isfinite(run.path)) and run.losses[-1] > run.losses[0]
    assert gradient_descent(EXAMPLE_A, EXAMPLE_B, [0, 0], limit, 3).regime == "oscillates"


def test_gradient_descent_refuses_bad_arguments():
    with pytest.raises(ValueError, match="learning rate"):
        gradient_descent(EXAMPLE_A, EXAMPLE_B, [0, 0], 0.0, 10)
    with pytest.raises(ValueError, match="non_finite"):
        gradient_descent([[np.nan, 1], [1, 2]], EXAMPLE_B, [0, 0], 0.1, 10)
    with pytest.raises(ValueError, match="x0"):
        gradient_descent(EXAMPLE_A, EXAMPLE_B, [0, np.nan], 0.1, 10)


def test_line_points_lie_on_the_line_around_the_center():
    points = line_points([3.0, 1.0], 9.0, [1.0, 1.0], 5.0)
    np.testing.assert_allclose(points @ [3.0, 1.0], 9.0)
    assert np.linalg.norm(points[1] - points[0]) == pytest.approx(10.0)
    with pytest.raises(ValueError):
        line_points([0.0, 0.0], 1.0, [0, 0], 1.0)


def test_the_mapped_grid_is_the_shared_grid_times_a_transpose():
    extent = (-2.0, 2.0, -2.0, 2.0)
    mapped = mapped_grid(EXAMPLE_A, extent, lines=5, samples=3)
    np.testing.assert_allclose(mapped, grid_lines(extent, 5, 3) @ np.array(EXAMPLE_A).T)
    with pytest.raises(ValueError):
        mapped_grid(THREE_LINES_A, extent)


def test_each_example_is_the_case_it_is_named_for():
    from core.linear_systems import EXAMPLES

    for case, (A, b) in EXAMPLES.items():
        assert analyse(A, b).case == case
    np.testing.assert_allclose(analyse(*EXAMPLES["unique"]).solution, [2.0, 3.0])


def test_the_determinant_of_a_singular_integer_matrix_is_exactly_zero():
    assert analyse([[1.0, 2.0], [2.0, 4.0]], [1.0, 5.0]).det == 0.0
