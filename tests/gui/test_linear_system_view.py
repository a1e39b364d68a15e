"""The Linear system view: typed and dragged entries drive the engine's answer and the picture."""

import numpy as np
import pytest

from core.linear_systems import EXAMPLES, analyse, line_points
from gui.common.number_format import number
from gui.linear_systems.view import LinearSystemView


@pytest.fixture
def view(qtbot):
    widget = LinearSystemView()
    qtbot.addWidget(widget)
    widget.resize(420, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _line_xy(view, row):
    x, y = view.lines_plot.lines[row].getData()
    return np.column_stack([x, y])


def _type(qtbot, edit, text):
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_the_example_is_drawn_with_np_linalg_solve_s_answer(view):
    A, b = EXAMPLES["unique"]
    expected = np.linalg.solve(A, b)
    x, y = view.lines_plot.answer.getData()
    np.testing.assert_allclose([x[0], y[0]], expected)
    for row in range(2):
        np.testing.assert_allclose(_line_xy(view, row) @ np.array(A[row]), b[row])
    assert view.lines_plot.lines[2].getData()[0] is None or \
        len(view.lines_plot.lines[2].getData()[0]) == 0
    system = analyse(A, b)
    assert number(system.det, 4) in view.numbers.text()
    assert number(system.cond, 4) in view.numbers.text()
    assert "(2, 3)" in view.message.text()


def test_typing_an_entry_updates_the_lines_the_answer_and_the_numbers(view, qtbot):
    _type(qtbot, view.editor.entries[1][1], "4")  # x₁ + 4x₂ = 8
    A, b = np.array([[3.0, 1.0], [1.0, 4.0]]), np.array([9.0, 8.0])
    np.testing.assert_allclose(view.A, A)
    np.testing.assert_allclose(_line_xy(view, 1) @ A[1], b[1])
    expected = np.linalg.solve(A, b)
    x, y = view.lines_plot.answer.getData()
    np.testing.assert_allclose([x[0], y[0]], expected)
    assert f"det A = {number(analyse(A, b).det, 4)}" in view.numbers.text()


def test_dragging_a_handle_moves_that_line_and_rewrites_its_equation(view):
    view.lines_plot.drag_handle(0, 1, 4.0, 0.0)  # line (1) now through its other handle and (4, 0)
    other = view.lines_plot.handles[0][0].pos()
    a, rhs = view.A[0], view.b[0]
    assert not np.allclose(a, [3.0, 1.0])
    for point in ((other.x(), other.y()), (4.0, 0.0)):  # through both handles, up to rounding
        assert abs(a @ point - rhs) < 0.05 * np.linalg.norm(a)
    texts = [e.text() for e in view.editor.entries[0]]
    assert [float(t) for t in texts] == [a[0], a[1], rhs]
    np.testing.assert_allclose(view.lines_plot.answer.getData()[0][0],
                               np.linalg.solve(view.A, view.b)[0])
    np.testing.assert_allclose(view.A[1], [1.0, 2.0])  # the other equation is untouched


@pytest.mark.parametrize("text, words", [("abc", "Equation 2"), ("nan", "finite")])
def test_a_bad_entry_says_which_equation_and_keeps_the_text(view, qtbot, text, words):
    _type(qtbot, view.editor.entries[1][0], text)
    assert view.system.case == "bad_input"
    assert words in view.message.text()
    assert view.editor.entries[1][0].text() == text
    assert view.lines_plot.answer.getData()[0].size == 0
    _type(qtbot, view.editor.entries[1][0], "1")  # fixing it brings the answer back
    assert view.system.case == "unique"


def test_a_nan_matrix_from_outside_gives_a_message_not_a_crash(view):
    view.set_system([[np.nan, 1.0], [1.0, 2.0]], [1.0, 2.0])
    assert "Equation 1" in view.message.text()
    assert view.descent_message.text() == ""


@pytest.mark.parametrize("entry", [1e200, 1e308, 1e-320])
def test_a_huge_or_tiny_entry_gives_a_message_not_an_exception(view, qtbot, entry):
    """1e200 made every redraw raise "Cannot set range [-inf, inf]"; 1e-320 made the descent
    raise "A is zero" and left an older message on screen."""
    view.set_system([[entry, 0.0], [0.0, 1.0]], [1.0, 2.0])
    qtbot.wait(10)
    assert view.message.text().startswith("Equation 1: use numbers between")
    assert view.descent_message.text() == ""
    view.set_system(*EXAMPLES["singular_none"])  # and it recovers
    assert "parallel" in view.message.text()


def test_singular_and_zero_rows_have_their_messages(view):
    view.set_system(*EXAMPLES["singular_none"])
    assert "parallel" in view.message.text() and "det A = 0" in view.numbers.text()
    view.set_system(*EXAMPLES["singular_line"])
    assert "coincide" in view.message.text()
    view.set_system([[1.0, 1.0], [0.0, 0.0]], [1.0, 1.0])
    assert "both coefficients are 0" in view.message.text()


def test_three_lines_show_the_lstsq_point_and_one_residual_segment_each(view, qtbot):
    view.editor.add_button.click()
    assert view.A.shape == (3, 2)
    view.set_system(*EXAMPLES["overdetermined"])
    system = analyse(*EXAMPLES["overdetermined"])
    x, y = view.lines_plot.answer.getData()
    np.testing.assert_allclose([x[0], y[0]], system.solution)
    rx, ry = view.lines_plot.residuals.getData()
    segments = np.column_stack([rx, ry]).reshape(3, 3, 2)[:, :2]
    for (start, foot), row, rhs in zip(segments, system.A, system.b):
        np.testing.assert_allclose(start, system.solution)
        assert row @ foot == pytest.approx(rhs)  # each residual ends on its line
    assert view.transform_plot.note.textItem.toPlainText() != ""


def test_the_descent_path_is_the_engine_s_and_ends_at_the_lstsq_point(view):
    view.set_system(*EXAMPLES["overdetermined"])
    view.set_descent(0.05, 300, [0.0, 0.0])
    x, y = view.descent_plot.path.getData()
    np.testing.assert_allclose(np.column_stack([x, y]), view.run.path)
    np.testing.assert_allclose(view.run.path[-1], analyse(*EXAMPLES["overdetermined"]).solution,
                               atol=1e-6)
    view.set_descent(1.0)
    assert view.run.regime == "diverges" and "diverges" in view.descent_message.text()


def test_the_transformation_draws_the_shared_grid_through_a(view):
    from core.plane_grid import grid_lines, polylines_to_path

    extent, lines = view.transform_plot.EXTENT, view.transform_plot.LINES
    x, y = polylines_to_path(grid_lines(extent, lines, 2) @ np.array(EXAMPLES["unique"][0]).T)
    mx, my = view.transform_plot.mapped.getData()
    np.testing.assert_allclose(mx, x)
    np.testing.assert_allclose(my, y)


def test_b_plus_delta_b_draws_the_moved_answer(view):
    view.set_system(*EXAMPLES["ill_conditioned"], delta=0.001)
    A, b = np.array(EXAMPLES["ill_conditioned"][0]), np.array(EXAMPLES["ill_conditioned"][1])
    moved = np.linalg.solve(A, b + [0.0, 0.001])
    x, y = view.lines_plot.moved_answer.getData()
    np.testing.assert_allclose([x[0], y[0]], moved)
    assert "moves" in view.message.text()


def test_line_points_used_by_the_plot_stay_on_the_line():
    points = line_points([1.0, 2.0], 8.0, [2.0, 3.0], 10.0)
    np.testing.assert_allclose(points @ [1.0, 2.0], 8.0)
