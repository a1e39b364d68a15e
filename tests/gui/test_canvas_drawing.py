"""Drawing on the data canvas with real mouse clicks, keys and undo/redo (pytest-qt, offscreen)."""

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt

from tests.waiting import PATIENCE_MS

TARGETS = [(1.3, -2.2), (-4.71, 3.05), (0.0, 0.0), (5.2, 5.1), (-3.333, -4.9)]


def viewport_pos(canvas, x, y) -> QtCore.QPoint:
    """Integer viewport pixel nearest to data point (x, y)."""
    point = canvas.data_to_widget(x, y)
    return QtCore.QPoint(round(point.x()), round(point.y()))


def click(qtbot, canvas, x, y, button=Qt.MouseButton.LeftButton,
          modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(canvas.viewport(), button, modifiers, viewport_pos(canvas, x, y))


def pixels_per_unit(canvas) -> tuple[float, float]:
    """Screen pixels per data unit along x and along y, measured over the requested range."""
    (x0, x1), (y0, y1) = canvas.view_range()
    low, high = canvas.data_to_widget(x0, y0), canvas.data_to_widget(x1, y1)
    return (high.x() - low.x()) / (x1 - x0), (low.y() - high.y()) / (y1 - y0)


def assert_to_scale(canvas) -> None:
    """One data unit is as long in x as in y: over the whole range, to within a pixel."""
    per_x, per_y = pixels_per_unit(canvas)
    (x0, x1), (y0, y1) = canvas.view_range()
    assert abs(per_x - per_y) * max(x1 - x0, y1 - y0) < 1.0, (per_x, per_y)


def assert_in_plot(canvas, positions) -> None:
    """Every position maps to a pixel inside the plotting area (the data fits in view)."""
    area = canvas.mapFromScene(canvas.view_box.sceneBoundingRect()).boundingRect()
    for x, y in positions:
        pixel = canvas.data_to_widget(x, y)
        assert area.left() - 0.5 <= pixel.x() <= area.right() + 0.5, (x, y)
        assert area.top() - 0.5 <= pixel.y() <= area.bottom() + 0.5, (x, y)


@pytest.mark.parametrize("size", [(1000, 380), (380, 900)], ids=["wide", "tall"])
def test_two_dimensional_data_is_drawn_to_scale_fits_and_takes_clicks_exactly(qtbot, size):
    from core.session import Session
    from gui.canvas.presenter import CanvasPresenter, canvas_positions
    from gui.canvas.data_canvas import DataCanvas

    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    presenter = CanvasPresenter(canvas)
    session = Session()  # the circle: it must look round
    canvas.resize(*size)
    canvas.show()
    qtbot.waitExposed(canvas)
    presenter.fit_range(session, fresh=True)
    presenter.draw_points(session)
    presenter.draw_prediction(session)
    assert_to_scale(canvas)
    assert canvas.equal_aspect
    assert_in_plot(canvas, canvas_positions(session.points))
    (x0, x1), (y0, y1) = canvas.view_range()
    (vx0, vx1), (vy0, vy1) = canvas.visible_range()
    assert vx0 <= x0 and vx1 >= x1 and vy0 <= y0 and vy1 >= y1
    wide = size[0] > size[1]
    assert (vx1 - vx0 > vy1 - vy0) == wide  # the long side shows more, never less
    clicked = []
    canvas.addRequested.connect(lambda x, y, _alternate: clicked.append((x, y)))
    px, py = canvas.pixel_size()
    assert px == pytest.approx(py, rel=1e-9)
    for x, y in TARGETS:
        click(qtbot, canvas, x, y)
    errors = np.abs(np.array(clicked) - np.array(TARGETS))
    assert errors.shape == (len(TARGETS), 2) and np.all(errors <= 0.5 * px + 1e-9), errors / px


def test_one_dimensional_regression_is_not_locked_to_scale(window):
    assert window.controller.set_data_settings(task="regression", preset="sine")
    canvas = window.canvas
    assert not canvas.equal_aspect
    assert canvas.visible_range() == canvas.view_range()  # x and y fill the plot
    assert window.controller.set_data_settings(task="classification", preset="circle")
    assert canvas.equal_aspect
    assert_to_scale(canvas)


def test_a_click_in_the_margin_of_a_to_scale_canvas_keeps_the_view(qtbot, window):
    """The wide canvas shows more x than the data needs; a point drawn there is kept in view
    without moving anything, and stays in view when the window changes shape."""
    canvas = window.canvas
    window.resize(1900, 700)  # the Train workspace's canvas is nearly square at 1280 px
    qtbot.waitUntil(lambda: canvas.width() > 1.5 * canvas.height(), timeout=PATIENCE_MS)
    QtWidgets.QApplication.processEvents()
    (x0, x1), _ = canvas.view_range()
    visible = canvas.visible_range()
    assert visible[0][1] > x1 + 1.0  # a margin to the right of the data range
    target = ((x1 + visible[0][1]) / 2, 0.5)
    click(qtbot, canvas, *target)
    point = window.controller.session.points.X[-1]
    np.testing.assert_allclose(canvas.visible_range(), visible, rtol=0, atol=1e-6)
    (x0, x1), (y0, y1) = canvas.view_range()
    assert x0 <= point[0] <= x1 and y0 <= point[1] <= y1
    window.resize(900, 900)
    qtbot.waitUntil(lambda: canvas.visible_range() != visible, timeout=3000)
    (vx0, vx1), (vy0, vy1) = canvas.visible_range()
    assert vx0 <= point[0] <= vx1 and vy0 <= point[1] <= vy1
    assert_to_scale(canvas)


@pytest.fixture
def empty_window(window):
    window.drawing.clear()
    assert len(window.controller.session.points) == 0
    return window


def test_left_clicks_add_points_at_the_clicked_data_coordinates(qtbot, empty_window):
    canvas = empty_window.canvas
    px, py = canvas.pixel_size()
    assert px == pytest.approx(py, rel=1e-9)  # the window's (wide) canvas is to scale
    for x, y in TARGETS:
        click(qtbot, canvas, x, y)
    points = empty_window.controller.session.points
    assert len(points) == len(TARGETS)
    assert np.all(points.y == 0)  # the current class
    errors = np.abs(points.X - np.array(TARGETS))
    # a click lands on an integer pixel: within half a pixel of the requested point
    assert np.all(errors[:, 0] <= 0.5 * px + 1e-9), errors[:, 0] / px
    assert np.all(errors[:, 1] <= 0.5 * py + 1e-9), errors[:, 1] / py


def test_a_click_lands_where_the_canvas_maps_the_pixel(qtbot, empty_window):
    canvas = empty_window.canvas
    pos = viewport_pos(canvas, 2.0, 3.0)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    expected = canvas.view_box.mapSceneToView(canvas.mapToScene(pos))
    x, y = empty_window.controller.session.points.X[0]
    assert x == pytest.approx(expected.x(), abs=1e-9)
    assert y == pytest.approx(expected.y(), abs=1e-9)


def test_right_click_adds_the_next_class(qtbot, empty_window):
    canvas = empty_window.canvas
    click(qtbot, canvas, -2, 2)
    click(qtbot, canvas, 2, -2, Qt.MouseButton.RightButton)
    assert empty_window.controller.session.points.y.tolist() == [0, 1]


def test_ctrl_click_and_eraser_remove_the_nearest_point(qtbot, empty_window):
    canvas = empty_window.canvas
    for x, y in [(-3, -3), (3, 3), (0, 4)]:
        click(qtbot, canvas, x, y)
    click(qtbot, canvas, 2.8, 3.1, modifiers=Qt.KeyboardModifier.ControlModifier)
    points = empty_window.controller.session.points
    assert len(points) == 2
    assert not np.any(np.all(np.isclose(points.X, [3, 3], atol=0.1), axis=1))
    empty_window.draw_toolbar.tool_actions["erase"].trigger()
    click(qtbot, canvas, -2.9, -3.0)
    assert len(points := empty_window.controller.session.points) == 1
    assert points.X[0] == pytest.approx([0, 4], abs=0.1)


def test_number_keys_choose_the_class_and_a_third_class_switches_to_softmax(qtbot,
                                                                             empty_window):
    canvas = empty_window.canvas
    session = empty_window.controller.session
    qtbot.keyClick(empty_window, Qt.Key.Key_2)
    assert empty_window.drawing.current_class == 1
    click(qtbot, canvas, 1, 1)
    qtbot.keyClick(empty_window, Qt.Key.Key_1)
    click(qtbot, canvas, -1, -1)
    assert session.loss == "bce"
    qtbot.keyClick(empty_window, Qt.Key.Key_3)
    click(qtbot, canvas, 3, -3)
    assert session.points.y.tolist() == [1, 0, 2]
    assert session.loss == "cross_entropy"
    assert session.output_activation == "softmax"
    assert session.net.layer_sizes[-1] == 3


def test_undo_and_redo_restore_points_exactly(qtbot, empty_window):
    canvas = empty_window.canvas
    for x, y in TARGETS[:3]:
        click(qtbot, canvas, x, y)
    points = empty_window.controller.session.points
    before = (points.X.copy(), points.y.copy(), points.train.copy())
    qtbot.keyClick(empty_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(empty_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(empty_window.controller.session.points) == 1
    qtbot.keyClick(empty_window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    empty_window.undo_stack.redo()
    after = empty_window.controller.session.points
    np.testing.assert_array_equal(after.X, before[0])
    np.testing.assert_array_equal(after.y, before[1])
    np.testing.assert_array_equal(after.train, before[2])


def test_clear_is_undoable(window):
    points = window.controller.session.points
    n, X = len(points), points.X.copy()
    window.draw_toolbar.clear_action.trigger()
    assert len(window.controller.session.points) == 0
    window.undo_stack.undo()
    assert len(window.controller.session.points) == n
    np.testing.assert_array_equal(window.controller.session.points.X, X)


def test_undoing_clear_brings_the_training_back(qtbot, window, penguins_path):
    """Penguins (3 classes) trained a few steps, Clear (the network is rebuilt for no
    classes), then Ctrl+Z: the session is as it was — step, history, weights — not a fresh
    network at step 0 (issue 13 item 7, "nothing lost")."""
    from tests.gui.penguins_import import import_penguins

    controller = window.controller
    assert import_penguins(qtbot, window, penguins_path)
    for _ in range(7):
        controller.step()
    trainer = controller.trainer
    step, history = trainer.step_count, len(trainer.history)
    params = trainer.net.get_params().copy()
    losses = trainer.history.arrays()["train_loss"]
    window.draw_toolbar.clear_action.trigger()
    assert len(controller.session.points) == 0
    window.undo_stack.undo()
    trainer = controller.trainer
    assert trainer.step_count == step and len(trainer.history) == history
    np.testing.assert_array_equal(trainer.net.get_params(), params)
    np.testing.assert_array_equal(trainer.history.arrays()["train_loss"], losses)
    # training on after the undo, then redo and undo again: that training is kept too
    controller.step()
    params = trainer.net.get_params().copy()
    window.undo_stack.redo()
    assert len(controller.session.points) == 0
    window.undo_stack.undo()
    assert controller.trainer.step_count == step + 1
    np.testing.assert_array_equal(controller.trainer.net.get_params(), params)


@pytest.fixture
def every_mouse_move():
    """pyqtgraph drops mouse moves less than 1/100 s apart (its ``mouseRateLimit``): a fast
    machine sent the test's twelve moves within 30 ms and only 3 points were sprayed. Off for
    the test, so every move arrives whatever the machine's speed."""
    import pyqtgraph as pg

    limit = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", 0)
    yield
    pg.setConfigOption("mouseRateLimit", limit)


def test_brush_drag_sprays_points_and_undoes_as_one_stroke(qtbot, empty_window,
                                                           every_mouse_move):
    canvas = empty_window.canvas
    empty_window.draw_toolbar.tool_actions["brush"].trigger()
    viewport = canvas.viewport()
    start = viewport_pos(canvas, -3, 0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 13):
        qtbot.mouseMove(viewport, viewport_pos(canvas, -3 + i * 0.5, 0.2 * i))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                       pos=viewport_pos(canvas, 3, 2.4))
    sprayed = len(empty_window.controller.session.points)
    assert sprayed >= 5
    X = empty_window.controller.session.points.X
    assert X[:, 0].min() > -4.5 and X[:, 0].max() < 4.5  # near the stroke
    empty_window.undo_stack.undo()
    assert len(empty_window.controller.session.points) == 0


def test_regenerate_is_undoable(window):
    session = window.controller.session
    window.drawing.clear()
    window.drawing.add_at(1.0, 1.0)
    window.data_panel.regenerate_button.click()
    assert len(session.points) == session.data.n_points
    window.undo_stack.undo()
    assert len(window.controller.session.points) == 1


def test_shift_click_selects_the_nearest_training_sample(qtbot, window):
    session = window.controller.session
    index = 5
    x, y = session.points.X[session.train_indices[index]]
    click(qtbot, window.canvas, x + 0.05, y - 0.05, modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert window.controller.selected_sample == index
    assert len(window.canvas.selected_scatter.data) == 1
    assert len(session.points) == session.data.n_points  # nothing added


def test_changing_the_noise_redraws_the_points_and_is_undoable(window):
    session = window.controller.session
    X, y = session.points.X.copy(), session.points.y.copy()
    window.data_panel.controls["noise"].widget.setValue(40)
    assert session.data.noise == 0.4
    assert not (np.array_equal(session.points.X, X) and np.array_equal(session.points.y, y))
    window.undo_stack.undo()
    session = window.controller.session
    assert session.data.noise == 0.1
    np.testing.assert_array_equal(session.points.X, X)
    np.testing.assert_array_equal(session.points.y, y)
    assert window.data_panel.controls["noise"].value() == 0.1
