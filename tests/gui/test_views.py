"""Canvas heatmaps and curves, colours, the loss curve, visibility-aware redraw, screenshots."""

import numpy as np
import pytest
from PySide6 import QtCore, QtGui
from PySide6.QtCore import Qt

from gui.common import colors
from gui.canvas.data_canvas import DataCanvas, upsample
from gui.charts.loss_curve import LossCurve, nice_ceiling, peak_decimate
from tests.waiting import PATIENCE_MS


def distinct_colours(image: QtGui.QImage) -> int:
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width()
                         * image.height())
    return int(np.unique(data).size)


def pixel_rgb(image: QtGui.QImage, point) -> tuple[int, int, int]:
    colour = image.pixelColor(round(point.x()), round(point.y()))
    return colour.red(), colour.green(), colour.blue()


def test_probability_colours_fade_to_white_at_one_half_and_grey_for_nan():
    values = np.array([[[0.0], [0.5], [1.0], [np.nan]]])
    image = colors.probability_image(values)
    assert image.shape == (1, 4, 4) and image.dtype == np.uint8
    assert tuple(image[0, 1, :3]) == (255, 255, 255)
    assert image[0, 0, 0] > image[0, 0, 2]  # class 0 is orange: more red than blue
    assert image[0, 2, 2] > image[0, 2, 0]  # class 1 is blue
    grey = round(colors.NAN_RGB[0] * 255)
    assert tuple(image[0, 3, :3]) == (grey, grey, grey)


def test_multiclass_blend_and_discretize_use_the_class_colours():
    probs = np.array([[[0.0, 0.0, 1.0], [1 / 3, 1 / 3, 1 / 3], [0.1, 0.8, 0.1]]])
    blended = colors.probability_image(probs)
    assert tuple(blended[0, 1, :3]) == (255, 255, 255)  # no preference: white
    discrete = colors.probability_image(probs, discretize=True)
    green = colors.CLASS_RGB[2]
    expected = np.round((1 - colors.DISCRETE_STRENGTH * (1 - green)) * 255)
    np.testing.assert_array_equal(discrete[0, 0, :3], expected)


def test_constant_and_non_finite_outputs_never_raise(qtbot):
    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    xs = ys = np.linspace(-6, 6, 5)
    canvas.set_probability_grid(xs, ys, np.full((5, 5, 1), 0.7))
    canvas.set_value_grid(xs, ys, np.full((5, 5), 3.0), (3.0, 3.0))
    canvas.set_value_grid(xs, ys, np.full((5, 5), np.inf), (np.nan, np.nan))
    canvas.set_probability_grid(xs, ys, np.full((5, 5, 3), np.nan))
    canvas.set_curve(xs, np.full(5, np.nan))


def test_upsampling_keeps_edges_and_interpolates_between_cells():
    image = np.zeros((1, 2, 4), dtype=np.uint8)
    image[0, 1, :3] = 200
    big = upsample(image, 4)
    assert big.shape == (4, 8, 4)
    assert big[0, 0, 0] == 0 and big[0, -1, 0] == 200
    assert np.all(np.diff(big[0, :, 0].astype(int)) >= 0)


def test_heatmap_is_drawn_with_positive_y_up(qtbot):
    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(400, 400)
    canvas.show()
    qtbot.waitExposed(canvas)
    xs = ys = np.linspace(-5.5, 5.5, 12)
    upper_is_class_1 = np.repeat((ys > 0).astype(float)[:, None], 12, axis=1)[..., None]
    canvas.set_probability_grid(xs, ys, upper_is_class_1)
    image = canvas.grab().toImage()
    top = pixel_rgb(image, canvas.data_to_widget(0, 4))
    bottom = pixel_rgb(image, canvas.data_to_widget(0, -4))
    assert top[2] > top[0]  # blue (class 1) above
    assert bottom[0] > bottom[2]  # orange (class 0) below


def heatmap_extent(canvas) -> tuple[tuple[float, float], tuple[float, float]]:
    """The data rectangle ((x0, x1), (y0, y1)) the prediction image is drawn over."""
    rect = canvas.heatmap.mapRectToView(canvas.heatmap.boundingRect())
    return (rect.left(), rect.right()), (min(rect.top(), rect.bottom()),
                                         max(rect.top(), rect.bottom()))


def test_discretize_while_paused_keeps_the_map_over_the_whole_canvas(window):
    """Discretized images are not upsampled (a quarter of the pixels): the image must still be
    stretched over the whole grid, not drawn at a quarter of its width in a corner."""
    canvas = window.canvas
    assert not window.controller.playing
    smooth_shape = canvas.heatmap.image.shape
    extent = heatmap_extent(canvas)
    # the map covers the whole plot
    np.testing.assert_allclose(extent, canvas.visible_range(), rtol=0, atol=1e-9)
    for on in (True, False, True):
        window.discretize_action.setChecked(on)
        assert (canvas.heatmap.image.shape != smooth_shape) == on
        np.testing.assert_allclose(heatmap_extent(canvas), extent, rtol=0, atol=1e-9)


def test_a_resize_while_paused_redraws_the_map_over_the_new_visible_range(qtbot):
    from core.session import Session
    from gui.canvas.presenter import CanvasPresenter

    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    presenter = CanvasPresenter(canvas)
    session = Session()
    canvas.resize(700, 400)
    canvas.show()
    qtbot.waitExposed(canvas)
    presenter.fit_range(session, fresh=True)
    presenter.draw_prediction(session)
    np.testing.assert_allclose(heatmap_extent(canvas), canvas.visible_range(), atol=1e-9)
    wide = canvas.visible_range()
    canvas.resize(400, 700)
    qtbot.waitUntil(lambda: canvas.visible_range() != wide, timeout=3000)
    qtbot.waitUntil(lambda: np.allclose(heatmap_extent(canvas), canvas.visible_range(),
                                        rtol=0, atol=1e-9), timeout=3000)
    (x0, x1), (y0, y1) = canvas.visible_range()
    assert y1 - y0 > x1 - x0  # now taller than wide, and the map fills it


def test_grid_cells_are_square_on_screen_within_the_cell_budget():
    from gui.canvas.presenter import MIN_RESOLUTION, PIXELS_PER_CELL, grid_resolution

    assert grid_resolution((400, 400), 96) == (80, 80)
    res_x, res_y = grid_resolution((1912, 431), 96)  # presenter mode: a wide strip
    assert res_x * res_y <= 96 ** 2
    assert res_x / res_y == pytest.approx(1912 / 431, rel=0.05)
    assert grid_resolution((100, 100), 96) == (MIN_RESOLUTION, MIN_RESOLUTION)
    assert grid_resolution((PIXELS_PER_CELL * 30, PIXELS_PER_CELL * 40), 96) == (30, 40)


def test_only_two_dimensional_ranges_of_like_size_are_locked_to_scale():
    from gui.canvas.presenter import equal_aspect

    assert equal_aspect(2, (-6.25, 6.25), (-6.25, 6.25))
    assert equal_aspect(2, (30.0, 62.0), (12.5, 22.0))  # bill length and depth (mm)
    assert not equal_aspect(2, (2500.0, 6500.0), (168.0, 235.0))  # body mass (g), flipper (mm)
    assert not equal_aspect(1, (-6.25, 6.25), (-1.5, 1.5))  # x against a target or a jitter
    assert not equal_aspect(2, (0.0, 1.0), (2.0, 2.0))


def test_one_dimensional_regression_shows_points_and_the_model_curve(qtbot, window):
    controller = window.controller
    assert controller.set_data_settings(task="regression", preset="sine")
    for _ in range(5):
        controller.step()
    canvas = window.canvas
    assert canvas.curve.isVisible() and not canvas.heatmap.isVisible()
    xs, ys = canvas.curve.getData()
    np.testing.assert_allclose(ys, controller.session.curve_prediction(xs))
    assert canvas.plot_item.getAxis("left").labelText == "y"
    window.drawing.clear()
    window.drawing.add_at(1.5, 0.25)
    points = controller.session.points
    assert points.X[0, 0] == 1.5 and points.y[0] == 0.25


def test_two_dimensional_regression_shows_a_value_heatmap(window):
    assert window.controller.set_data_settings(task="regression", preset="plane")
    assert window.canvas.heatmap.isVisible() and not window.canvas.curve.isVisible()
    window.drawing.add_at(1.0, 1.0, alternate=True)
    assert window.controller.session.points.y[-1] == -1.0


def test_loss_curve_hides_accuracy_for_regression_and_reads_out_values(qtbot):
    curve = LossCurve()
    qtbot.addWidget(curve)
    arrays = {"step": np.arange(4.0), "train_loss": np.array([1.0, 0.5, 0.25, 0.125]),
              "test_loss": np.array([1.1, 0.6, 0.3, 0.2]),
              "train_accuracy": np.full(4, np.nan), "test_accuracy": np.full(4, np.nan)}
    curve.set_history(arrays, classification=False)
    assert curve.n_points == 4 and not curve.accuracy_line.isVisible()
    text, step = curve.values_at(2.2)
    assert step == 2 and "train data loss 0.25" in text and "test data loss 0.3" in text
    curve.set_log_scale(True)
    assert curve.plot_item.getAxis("left").logMode
    assert nice_ceiling(7.3) == 8.0 and nice_ceiling(101) == 120.0


def test_peak_decimation_bounds_the_points_and_keeps_extremes_and_gaps():
    rng = np.random.default_rng(0)
    steps = np.arange(50_000.0)
    loss = rng.random(50_000)
    loss[1234] = 7.0
    loss[40_000:40_100] = np.nan
    kept_steps, (kept,) = peak_decimate(steps, [loss], 1000)
    assert kept_steps.size <= 1600
    assert np.nanmax(kept) == 7.0 and np.nanmin(kept) == np.nanmin(loss)
    assert kept_steps[0] == 0 and kept_steps[-1] == 49_999
    assert np.isnan(kept[(kept_steps >= 40_000) & (kept_steps < 40_100)]).all()
    short_steps, (short,) = peak_decimate(steps[:10], [loss[:10]], 1000)
    assert short_steps.size == 10


def test_log_key_toggles_the_loss_axis(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert window.loss_curve.log_check.isChecked()


def test_hidden_loss_curve_is_not_redrawn_until_shown(qtbot, window):
    dock = window.docks["Loss curve"]
    dock.hide()
    before = window.loss_curve.n_points  # the initial network's row at most
    for _ in range(4):
        window.controller.step()
    assert window.loss_curve.n_points == before <= 1
    dock.show()
    qtbot.waitUntil(lambda: window.loss_curve.n_points == 5, timeout=PATIENCE_MS)  # steps 0..4


def test_status_bar_shows_step_losses_and_accuracy(window):
    for _ in range(3):
        window.controller.step()
    values = window.status.values
    assert values["step"] == "step 3" and values["epoch"] == "epoch 3"
    assert values["train_loss"].startswith("train loss 0.")
    assert values["accuracy"].endswith("%")


def test_window_screenshot_is_not_blank(window, tmp_path):
    for _ in range(30):
        window.controller.step()
    path = tmp_path / "main_window.png"
    image = window.grab()
    assert image.save(str(path))
    loaded = QtGui.QImage(str(path))
    assert loaded.width() == window.width()
    assert distinct_colours(loaded) >= 200


@pytest.mark.parametrize("preset", ["xor", "sine"])
def test_app_main_writes_a_screenshot(tmp_path, qapp, preset):
    import app

    path = tmp_path / f"{preset}.png"
    assert app.main(["--preset", preset, "--steps", "3", "--screenshot", str(path)]) == 0
    assert distinct_colours(QtGui.QImage(str(path))) >= 100


def test_a_minimized_window_redraws_the_canvas_only_when_restored(qtbot, window):
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=PATIENCE_MS)
    before = window.canvas.heatmap.image.copy()
    for _ in range(20):
        window.controller.step()
    np.testing.assert_array_equal(window.canvas.heatmap.image, before)
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=PATIENCE_MS)
    assert not np.array_equal(window.canvas.heatmap.image, before)


def test_hovering_the_loss_curve_shows_the_values_at_a_step(qtbot, window):
    for _ in range(10):
        window.controller.step()
    plot = window.loss_curve.plot_widget
    middle = plot.plotItem.vb.mapViewToScene(QtCore.QPointF(5, 0.5))
    qtbot.mouseMove(plot.viewport(), plot.mapFromScene(middle))
    qtbot.waitUntil(window.loss_curve.hover_text.isVisible, timeout=PATIENCE_MS)
    text = window.loss_curve.hover_text.textItem.toPlainText()
    assert text.startswith("step 5") and "train data loss" in text and "test acc" in text
