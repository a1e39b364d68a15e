"""Loss-surface dock: surface, path and markers, optimizer race, 3-D fallback, contours.

Each test builds a controller and a presenter with its own view (no main window needed).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest

from core.directions import PlaneProblem, PlaneUnavailable, flat_index
from core.lessons import load_lesson
from core.loss_surface import SurfaceResult
from gui.surface.contours import contour_segments, surface_layer
from gui.controller import TrainingController
from gui.common.i18n import manager
from gui.surface.dock import (
    AUTO_MIN_INTERVAL,
    LossSurfacePresenter,
    failure_text,
    plane_problem_text,
)
from gui.surface.surface_view import SurfacePlot
from gui.surface.surface_3d import INSTALL_3D, opengl_problem, surface_mesh
from gui.surface.jobs import (
    PREVIEW_WORTH_SECONDS,
    RACE_OPTIMIZERS,
    SurfaceSettings,
    SurfaceUpdate,
    capture,
    full_surface_seconds,
    make_plane,
    surface_job,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_presenter(qtbot):
    made = []

    def make(controller=None, train_steps=0, mode=None, auto_every=0):
        controller = controller or TrainingController()
        for _ in range(train_steps):
            controller.trainer.step()
        presenter = LossSurfacePresenter(controller)
        presenter.controls.auto_spin.setValue(auto_every)
        if mode is not None:
            presenter.controls.set_mode(mode)
        qtbot.addWidget(presenter.view)
        presenter.view.resize(640, 560)
        made.append(presenter)
        presenter.view.show()
        qtbot.waitExposed(presenter.view)
        return presenter

    yield make
    for presenter in made:
        presenter.shutdown()


def wait_for_surface(qtbot, presenter, timeout=20_000):
    qtbot.waitUntil(lambda: presenter.update is not None and not presenter.update.preview
                    and not presenter.surface_runner.busy, timeout=timeout)


def test_default_scene_shows_the_surface_and_the_exact_current_point(qtbot, make_presenter):
    presenter = make_presenter(train_steps=30)
    wait_for_surface(qtbot, presenter)
    plot = presenter.view.plot
    assert plot.image.isVisible()
    assert plot.surface_values.shape == (51, 51) and plot.surface_values.dtype == np.float32
    net = presenter.controller.trainer.net
    # default plane: two weights of the last layer; the current point is their exact values
    assert plot.current_position == (net.weights[2][0, 0], net.weights[2][0, 1])
    x_label = plot.getPlotItem().getAxis("bottom").labelText
    assert x_label == "W³[0, 0]"
    # the first surface of the view is coloured with the range its colour bar shows
    levels = presenter.update.layer("data", False).levels
    assert tuple(plot.image.getLevels()) == plot.colour_bar.levels() == levels


def test_path_stays_exact_while_training_goes_on(qtbot, make_presenter):
    presenter = make_presenter(train_steps=10)
    wait_for_surface(qtbot, presenter)
    controller = presenter.controller
    for _ in range(25):
        controller.trainer.step()
    controller.stepped.emit(controller.trainer.step_count)  # auto-recompute is off: the old surface stays
    qtbot.waitUntil(lambda: presenter.gate.dirty is False, timeout=5000)
    presenter.redraw_overlays()
    net = controller.trainer.net
    plot = presenter.view.plot
    assert plot.current_position == (net.weights[2][0, 0], net.weights[2][0, 1])
    _, trajectory = controller.trainer.trajectory()
    first = flat_index(net.layer_sizes, 2, "W", 0, 0)
    np.testing.assert_array_equal(plot.path.xData, trajectory[:, first])
    assert presenter.update.step == 10


@pytest.mark.parametrize("mode", ["random", "pca"])
def test_current_point_equals_the_plane_coordinates_of_the_current_params(qtbot, make_presenter,
                                                                          mode):
    presenter = make_presenter(train_steps=40, mode=mode)
    wait_for_surface(qtbot, presenter)
    plane = presenter.update.plane
    assert plane.kind == mode
    expected = plane.project(presenter.controller.trainer.net.get_params())  # engine lstsq
    np.testing.assert_allclose(presenter.view.plot.current_position, expected, atol=1e-9)


def test_linear_lesson_marks_the_least_squares_optimum(qtbot, make_presenter):
    controller = TrainingController(load_lesson("linear-regression"))
    presenter = make_presenter(controller, train_steps=5)
    assert presenter.controls.mode == "linear"
    wait_for_surface(qtbot, presenter)
    session = controller.session
    design = np.column_stack([session.X_train[:, 0], np.ones(len(session.X_train))])
    w_star, b_star = np.linalg.lstsq(design, session.y_train, rcond=None)[0]
    plot = presenter.view.plot
    assert plot.marker_position(plot.optimum) == pytest.approx((w_star, b_star), abs=1e-12)
    assert presenter.view.plot.getPlotItem().getAxis("bottom").labelText == "w (weight)"
    surface = presenter.update.surface  # the grid minimum lies within one cell of the optimum
    alpha, beta, _ = surface.minimum(total=False)
    assert abs(alpha - w_star) <= np.diff(surface.alphas)[0]
    assert abs(beta - b_star) <= np.diff(surface.betas)[0]


def test_race_draws_three_paths_from_the_current_point_without_touching_training(
        qtbot, make_presenter):
    presenter = make_presenter(train_steps=20)
    wait_for_surface(qtbot, presenter)
    trainer = presenter.controller.trainer
    before_params, before_step = trainer.net.get_params(), trainer.step_count
    presenter.start_race(15)
    qtbot.waitUntil(lambda: presenter.race is not None and not presenter.race_runner.busy,
                    timeout=20_000)
    plot = presenter.view.plot
    for name in RACE_OPTIMIZERS:
        line = plot.race[name]
        assert len(line.xData) == 16
        assert (line.xData[0], line.yData[0]) == plot.current_position
    ends = {(plot.race[name].xData[-1], plot.race[name].yData[-1]) for name in RACE_OPTIMIZERS}
    assert len(ends) == 3  # three different optimizers, three different end points
    np.testing.assert_array_equal(trainer.net.get_params(), before_params)
    assert trainer.step_count == before_step
    assert "SGD" in plot._legend_entries and "Adam" in plot._legend_entries
    presenter.clear_race()
    assert plot.race["adam"].xData is None or len(plot.race["adam"].xData) == 0


def test_total_loss_adds_the_penalty_without_recomputing(qtbot, make_presenter):
    controller = TrainingController()
    controller.set_training_settings(l2=0.5)
    presenter = make_presenter(controller, train_steps=5)
    wait_for_surface(qtbot, presenter)
    requests = presenter.surface_runner.current_request
    presenter.controls.loss_combo.setCurrentIndex(1)  # total loss
    surface = presenter.update.surface
    np.testing.assert_allclose(presenter.view.plot.surface_values,
                               surface.data_loss + surface.penalty, rtol=1e-6)
    assert np.all(surface.penalty > 0)
    presenter.controls.log_check.setChecked(True)
    np.testing.assert_allclose(presenter.view.plot.surface_values,
                               np.log10(surface.data_loss + surface.penalty), rtol=1e-5)
    assert presenter.surface_runner.current_request == requests


def test_hidden_dock_computes_nothing_until_shown(qtbot):
    controller = TrainingController()
    presenter = LossSurfacePresenter(controller)
    qtbot.addWidget(presenter.view)
    try:
        controller.step()
        presenter.recompute()
        assert presenter.surface_runner.current_request is None
        presenter.view.show()
        wait_for_surface(qtbot, presenter)
    finally:
        presenter.shutdown()


def test_selection_in_the_diagram_becomes_the_horizontal_axis(qtbot, make_presenter):
    presenter = make_presenter(train_steps=5)
    wait_for_surface(qtbot, presenter)
    sizes = presenter.controller.trainer.net.layer_sizes
    old_first = presenter.controls.parameters()[0]
    presenter.controller.select_parameter((1, "W", 2, 3))
    expected = flat_index(sizes, 1, "W", 2, 3)
    assert presenter.controls.parameters() == (expected, old_first)
    qtbot.waitUntil(lambda: presenter.update is not None
                    and presenter.update.plane.indices == (expected, old_first)
                    and not presenter.surface_runner.busy, timeout=20_000)
    assert presenter.view.plot.getPlotItem().getAxis("bottom").labelText == "W²[2, 3]"


def test_new_architecture_refreshes_the_parameter_lists(qtbot, make_presenter):
    presenter = make_presenter()
    wait_for_surface(qtbot, presenter)
    presenter.controller.set_network_settings(hidden_sizes=(3,))
    assert presenter.controls.first_combo.count() == presenter.controller.trainer.net.n_params
    wait_for_surface(qtbot, presenter)
    assert presenter.update.plane.origin.size == presenter.controller.trainer.net.n_params


def test_three_d_tab_falls_back_to_two_d_offscreen(qtbot, make_presenter):
    assert opengl_problem() is not None  # the test platform is "offscreen"
    presenter = make_presenter()
    view = presenter.view
    view.tabs.setCurrentWidget(view.view_3d)
    assert view.tabs.currentWidget() is view.plot
    assert "3-D view unavailable" in view.controls.status_label.text()
    assert not view.view_3d.available
    view.view_3d.set_surface(np.ones((3, 3)), np.arange(3), np.arange(3))  # no crash


def test_three_d_tab_without_pyopengl_names_the_command_that_installs_it(
        qtbot, make_presenter, monkeypatch):
    import gui.surface.surface_3d as surface_3d

    # a desktop platform without PyOpenGL (None in sys.modules: "import OpenGL" fails)
    monkeypatch.setattr(surface_3d, "NO_GL_PLATFORMS", ())
    monkeypatch.setitem(sys.modules, "OpenGL", None)
    monkeypatch.delitem(sys.modules, "pyqtgraph.opengl", raising=False)
    expected = ('3-D view unavailable: it needs the PyOpenGL package. Install it with '
                'pip install -e ".[3d]"')
    assert opengl_problem() == expected
    presenter = make_presenter()
    view = presenter.view
    view.tabs.setCurrentWidget(view.view_3d)
    assert view.tabs.currentWidget() is view.plot  # back on the 2-D view
    assert view.view_3d.label.text() == expected
    assert view.controls.status_label.text() == f"{expected} — showing the 2-D view."
    assert not view.view_3d.available
    manager().set_language("zh_CN")
    try:  # the command stays as it is in every language
        assert 'pip install -e ".[3d]"' in view.view_3d.label.text()
        text = view.view_3d.label.text()
        assert "PyOpenGL" in text and "Install" not in text
    finally:
        manager().set_language("en")


def test_the_3d_mesh_has_one_colour_row_per_vertex_in_the_items_order():
    values = np.array([[1.0, 2.0, 4.0, 8.0],
                       [3.0, np.nan, 5.0, 9.0],
                       [0.0, 6.0, 7.0, 10.0]])  # (nb=3, na=4)
    lut = pg.colormap.get("viridis").getLookupTable(0.0, 1.0, 256, alpha=True)
    x, y, z, colours = surface_mesh(values, lut)
    assert x.shape == (4,) and y.shape == (3,) and z.shape == (4, 3)
    assert colours.shape == (12, 4) and colours.dtype == np.float32  # (Nv, 4), as MeshData wants
    for i in range(4):
        for j in range(3):
            height = (values[j, i] - 0.0) / 10.0 if np.isfinite(values[j, i]) else 1.0
            assert z[i, j] == pytest.approx(5.0 * height)
            np.testing.assert_allclose(colours[i * 3 + j], lut[int(height * 255)] / 255.0,
                                       rtol=1e-6)


def test_the_3d_extra_installs_pyopengl():
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as file:
        extras = tomllib.load(file)["project"]["optional-dependencies"]
    assert any(requirement.startswith("PyOpenGL") for requirement in extras["3d"])
    assert INSTALL_3D == 'pip install -e ".[3d]"'


def test_worker_result_for_a_stale_plane_shape_is_ignored(qtbot, make_presenter):
    presenter = make_presenter(train_steps=3)
    wait_for_surface(qtbot, presenter)
    other = TrainingController()
    other.set_network_settings(hidden_sizes=(2,))
    update = presenter.update
    inputs = capture(other.session)
    update_other = type(update)(update.surface, make_plane(inputs, SurfaceSettings()), 0, False)
    presenter._surface_result(0, update_other)
    assert presenter.update is update


def test_the_first_surface_is_coloured_with_the_range_its_colour_bar_shows(qtbot):
    plot = SurfacePlot()
    qtbot.addWidget(plot)
    plot.resize(420, 360)
    plot.show()
    qtbot.waitExposed(plot)
    xs, ys = np.linspace(-1.0, 1.0, 21), np.linspace(-1.0, 1.0, 21)
    values = 100.0 + 10.0 * (xs[None, :] + ys[:, None])  # 80 … 120: far from the bar's 0–1
    layer = surface_layer(values, log=False)
    plot.set_surface(layer, xs, ys)  # the very first surface of this view
    low, high = layer.levels
    assert low <= values.min() and values.max() <= high and high - low > 1.0
    assert tuple(plot.image.getLevels()) == plot.colour_bar.levels() == (low, high)
    # what is painted: each cell in the colour the bar gives its value
    qtbot.wait(10)
    picture = plot.grab().toImage()
    ratio = picture.devicePixelRatio()
    vb = plot.getPlotItem().vb
    for i, j in ((0, 0), (10, 10), (20, 0), (0, 20), (15, 3)):
        pos = plot.mapFromScene(vb.mapViewToScene(pg.Point(xs[i], ys[j])))
        shown = picture.pixelColor(int(pos.x() * ratio), int(pos.y() * ratio))
        expected = plot.colour_map.map((values[j, i] - low) / (high - low), mode="qcolor")
        assert abs(shown.red() - expected.red()) <= 8, (i, j, shown.name(), expected.name())
        assert abs(shown.green() - expected.green()) <= 8, (i, j, shown.name(), expected.name())
        assert abs(shown.blue() - expected.blue()) <= 8, (i, j, shown.name(), expected.name())


def test_contour_segments_lie_on_the_level_and_match_the_crossed_cells():
    rows, cols = np.mgrid[0:40, 0:50].astype(np.float64)
    values = np.hypot(cols - 24.5, rows - 19.5)  # circles around the grid centre
    segments = contour_segments(values, 10.0)
    # pixel coordinates are (col + 0.5, row + 0.5); every end point is on the circle of radius 10
    radius = np.hypot(segments[..., 0] - 0.5 - 24.5, segments[..., 1] - 0.5 - 19.5)
    np.testing.assert_allclose(radius, 10.0, atol=0.05)
    above = values >= 10.0
    corners = [above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]]
    n_above = sum(c.astype(int) for c in corners)
    crossed = int(np.count_nonzero((n_above > 0) & (n_above < 4)))
    assert len(segments) == crossed  # no saddles on a circle: one segment per crossed cell
    assert len(contour_segments(values, 1e6)) == 0
    assert len(contour_segments(np.full((5, 5), np.nan), 0.0)) == 0


def test_saddle_cell_gives_two_segments():
    values = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert contour_segments(values, 0.5).shape == (2, 2, 2)



def test_preview_drawn_at_the_final_shape_keeps_contours_in_place():
    from gui.surface.contours import surface_layer
    from gui.surface.surface_view import _resampled

    xs, ys = np.linspace(-1.0, 1.0, 21), np.linspace(0.0, 4.0, 21)
    values = xs[None, :] + 0.5 * ys[:, None]  # planar: contour positions are exact
    layer = surface_layer(values, log=False)
    fine, fine_xs, fine_ys = _resampled(layer, xs, ys, (51, 51))
    assert fine.values.shape == (51, 51)

    def to_display(points, grid_xs, grid_ys):  # pixel centre (i + 0.5) ↔ grid point i
        return np.stack([np.interp(points[..., 0] - 0.5, np.arange(len(grid_xs)), grid_xs),
                         np.interp(points[..., 1] - 0.5, np.arange(len(grid_ys)), grid_ys)],
                        axis=-1)

    for (level, coarse), (_, resampled) in zip(layer.contours, fine.contours, strict=True):
        np.testing.assert_allclose(to_display(resampled, fine_xs, fine_ys),
                                   to_display(coarse, xs, ys), atol=1e-12)
        on_line = to_display(coarse, xs, ys)
        np.testing.assert_allclose(on_line[..., 0] + 0.5 * on_line[..., 1], level, atol=1e-9)


def test_hover_reads_out_the_loss_of_the_grid_point_under_the_cursor(qtbot, make_presenter):
    presenter = make_presenter(train_steps=5)
    wait_for_surface(qtbot, presenter)
    plot, surface = presenter.view.plot, presenter.update.surface
    xs, ys = presenter.projector.display(surface.alphas, surface.betas)
    i, j = 7, 30  # a grid point: column i (x), row j (y)
    scene_pos = plot.getPlotItem().vb.mapViewToScene(pg.Point(xs[i], ys[j]))
    plot._on_mouse_moved((scene_pos,))
    assert plot.hover_text.isVisible()
    assert f"loss {surface.data_loss[j, i]:.4g}" in plot.hover_text.toPlainText()


def test_pca_before_training_explains_itself_and_recovers_once_the_path_moves(
        qtbot, make_presenter):
    presenter = make_presenter(mode="pca")
    qtbot.waitUntil(lambda: presenter._failed, timeout=10_000)
    status = presenter.controls.status_label.text()
    assert status == plane_problem_text(PlaneProblem.PATH_TOO_SHORT)
    assert "train a few steps first" in status and "Error" not in status
    assert presenter.update is None and not presenter.view.plot.image.isVisible()
    for _ in range(5):
        presenter.controller.step()
    wait_for_surface(qtbot, presenter)
    assert presenter.update.plane.kind == "pca"


def test_a_lesson_opened_in_pca_mode_says_what_to_do_not_an_exception(qtbot, make_presenter):
    controller = TrainingController()
    presenter = make_presenter(controller, train_steps=5, mode="pca")
    wait_for_surface(qtbot, presenter)
    assert presenter.update.plane.kind == "pca"
    controller.set_session(load_lesson("vanishing-sigmoid"))  # a new, untrained path
    qtbot.waitUntil(lambda: presenter._failed, timeout=10_000)
    status = presenter.controls.status_label.text()
    assert status == plane_problem_text(PlaneProblem.PATH_TOO_SHORT)
    assert "ValueError" not in status and "Error" not in status


@pytest.mark.parametrize("problem", list(PlaneProblem))
def test_every_plane_problem_is_a_translated_sentence(qtbot, problem):
    error = PlaneUnavailable(problem, "the English message, for logs")
    english = failure_text(error)
    assert english == plane_problem_text(problem)
    assert "English message" not in english and "Error" not in english
    manager().set_language("zh_CN")
    try:
        chinese = failure_text(error)
    finally:
        manager().set_language("en")
    assert chinese != english
    assert set(re.findall(r"[A-Za-z]{2,}", chinese)) <= {"PCA", "mse"}
    texts = {plane_problem_text(p) for p in PlaneProblem}
    assert len(texts) == len(PlaneProblem)  # each problem its own sentence


def test_an_unforeseen_failure_is_shown_inside_a_sentence():
    assert failure_text(ZeroDivisionError("float division by zero")) == (
        "The computation failed: ZeroDivisionError: float division by zero")


def test_dragging_the_start_point_of_a_two_parameter_model_sets_w_and_b(qtbot, make_presenter):
    controller = TrainingController(load_lesson("linear-regression"))
    presenter = make_presenter(controller, train_steps=3)
    wait_for_surface(qtbot, presenter)
    presenter.start_race(10)
    qtbot.waitUntil(lambda: presenter.race is not None, timeout=10_000)
    plot = presenter.view.plot
    assert plot.current.movable
    plot.current.setPos(-0.5, 1.75)  # what a drag does, then it reports the end
    plot.current.sigPositionChangeFinished.emit(plot.current)
    net = controller.trainer.net
    assert (net.weights[0][0, 0], net.biases[0][0]) == (-0.5, 1.75)
    assert plot.current_position == (-0.5, 1.75)
    # the race is run again from the new start
    qtbot.waitUntil(lambda: presenter.race is not None and not presenter.race_runner.busy
                    and presenter.race.paths["sgd"][0].tolist() == [-0.5, 1.75], timeout=10_000)
    controller.step()  # training goes on from the dragged point
    assert controller.trainer.trajectory()[1][-2].tolist() == [-0.5, 1.75]


def test_start_point_is_fixed_for_larger_models(qtbot, make_presenter):
    presenter = make_presenter(train_steps=2)
    wait_for_surface(qtbot, presenter)
    assert not presenter.view.plot.current.movable


def surfaces_seen(presenter) -> list:
    """Grid sizes of the surfaces the worker delivers from now on (preview, full)."""
    seen = []
    presenter.surface_runner.resultReady.connect(
        lambda _id, result: isinstance(result, SurfaceUpdate)
        and seen.append(result.surface.alphas.size))
    return seen


@pytest.mark.parametrize(("expected_seconds", "sizes"), [
    (10 * PREVIEW_WORTH_SECONDS, [21, 41]),  # slow: the 21×21 preview, then the full grid
    (0.0, [41]),                             # fast: straight to the full grid
])
def test_a_slow_surface_shows_a_21_by_21_preview_before_the_full_grid(
        qtbot, make_presenter, expected_seconds, sizes):
    presenter = make_presenter(train_steps=5, mode="random")
    wait_for_surface(qtbot, presenter)
    # the cost estimate is injected: the decision never depends on this machine's speed
    estimates = []
    presenter.estimate_seconds = lambda coarse, resolution: (
        estimates.append((coarse.alphas.size, resolution)) or expected_seconds)
    seen = surfaces_seen(presenter)
    presenter.controls.resolution_spin.setValue(41)
    presenter.recompute()
    wait_for_surface(qtbot, presenter, timeout=30_000)
    assert estimates == [(21, 41)]
    assert seen == sizes
    assert presenter.view.plot.surface_values.shape == (41, 41)


def test_the_preview_decision_scales_the_coarse_time_by_the_grid_points(qtbot):
    inputs = capture(TrainingController().session)
    settings = SurfaceSettings(mode="random", resolution=41)
    job = surface_job(inputs, settings, estimate=lambda coarse, res: 0.0)
    assert [item.surface.alphas.size for item in job(lambda f: None)
            if isinstance(item, SurfaceUpdate)] == [41]
    job = surface_job(inputs, settings, estimate=lambda coarse, res: PREVIEW_WORTH_SECONDS)
    assert [item.preview for item in job(lambda f: None)
            if isinstance(item, SurfaceUpdate)] == [True, False]
    # the default estimate: the coarse pass's own seconds times the ratio of grid points
    coarse = SurfaceResult(np.zeros(21), np.zeros(21), np.zeros((21, 21)), np.zeros((21, 21)),
                           seconds=0.003)
    assert full_surface_seconds(coarse, 42) == pytest.approx(4 * 0.003)
    assert full_surface_seconds(coarse, 21) == 0.003


def test_automatic_refresh_waits_for_the_minimum_interval(qtbot, make_presenter):
    presenter = make_presenter(train_steps=2, auto_every=5)
    now = [1000.0]
    presenter.clock = lambda: now[0]  # a fake clock: nothing here depends on real time
    presenter.recompute()
    wait_for_surface(qtbot, presenter)
    first = presenter.surface_runner.current_request
    for _ in range(5):
        presenter.controller.step()
    now[0] += 0.1 * AUTO_MIN_INTERVAL
    presenter._submit_if_due()  # 5 steps: due by count, but too soon after the last one
    assert presenter.surface_runner.current_request == first
    assert presenter._auto_timer.isActive()  # it looks again once the interval is over
    now[0] += AUTO_MIN_INTERVAL
    presenter._submit_if_due()
    assert presenter.surface_runner.current_request != first
    wait_for_surface(qtbot, presenter)
    assert presenter.update.step == presenter.controller.trainer.step_count


def test_loading_another_scene_follows_the_new_network(qtbot, make_presenter):
    controller = TrainingController(load_lesson("linear-regression"))
    presenter = make_presenter(controller, train_steps=2)
    wait_for_surface(qtbot, presenter)
    assert presenter.update.plane.kind == "linear"
    controller.set_session(TrainingController().session)  # File ▸ Open / a lesson
    assert presenter.controls.mode == "parameters"
    qtbot.waitUntil(lambda: presenter.update is not None
                    and presenter.update.plane.kind == "parameters"
                    and not presenter.surface_runner.busy, timeout=20_000)
    assert not presenter.view.plot.optimum.isVisible()


def test_surface_with_no_training_points_says_what_to_do(qtbot, make_presenter):
    controller = TrainingController()
    controller.clear_points()
    assert controller.trainer.n_train == 0
    presenter = make_presenter(controller=controller)
    presenter.recompute()
    status = presenter.controls.status_label.text()
    assert "No training points" in status and "ValueError" not in status
    assert not presenter.surface_runner.busy
