"""The hidden-space view (issue 15 part 2): it draws the engine's stages (core.hidden_space) of
the window's session over the canvas's extent, the slider moves and blends the stages, Play
advances it, it follows training steps (and skips them while hidden), the projection chooser
draws chosen neurons or principal components with the engine's variance numbers, a hidden layer
of width 1 is drawn on a line, and File ▸ Export and the headless figures write it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtGui

from core.hidden_space import session_hidden_space
from core.plane_grid import polylines_to_path
from core.session import Session
from core.settings import DataSettings, NetworkSettings
from gui.canvas.presenter import CanvasPresenter
from gui.hidden_space.texts import percent
from gui.hidden_space.view import SUB_STEPS
from tests.gui.shown_views import shown_hidden_space


def _engine(session, projections=None):
    (x0, x1), (y0, y1) = CanvasPresenter.needed_range(session)
    return session_hidden_space(session, (x0, x1, y0, y1), projections=projections)


def _drawn_grid(view):
    return view.grid_item.xData, view.grid_item.yData


def _drawn_points(view):
    """Drawn (x, y) of every point, in the session's order."""
    return np.column_stack(view.points_item.getData())


def _set_session(window, **network):
    session = Session(DataSettings(preset="xor", n_points=120),
                      NetworkSettings(**network))
    window.controller.set_session(session)
    return session


def test_the_view_draws_the_engine_stages_and_the_slider_moves_them(window, qtbot):
    session = _set_session(window, hidden_sizes=(2,))
    view = shown_hidden_space(window, qtbot)
    engine = _engine(session)
    kinds = [s.kind for s in engine.stages]
    assert kinds == ["plane", "input", "linear", "activation"]
    # opens at the last stage, with the output's line
    assert view.slider.maximum() == 3 * SUB_STEPS and view.slider.value() == 3 * SUB_STEPS
    assert view.stage_label.text() == "Layer 1: f = tanh"
    x, y = _drawn_grid(view)
    ex, ey = polylines_to_path(engine.stages[-1].grid_2d)
    np.testing.assert_array_equal(x, ex)
    np.testing.assert_array_equal(y, ey)
    np.testing.assert_array_equal(_drawn_points(view), engine.stages[-1].points_2d)
    assert view.line_item.isVisible()
    # the line is where the engine's line is: c0 + c1 x + c2 y = 0 at the line's position
    pos = view.line_item.pos()
    assert engine.decision_line.side(np.array([pos.x(), pos.y()])) == pytest.approx(0, abs=1e-9)
    # back to the first stage, then halfway between stages 1 and 2
    view.slider.setValue(0)
    assert view.stage_label.text() == "Input plane" and not view.line_item.isVisible()
    np.testing.assert_array_equal(_drawn_points(view), session.points.X)
    view.slider.setValue(SUB_STEPS + SUB_STEPS // 2)
    blend = 0.5 * engine.stages[1].points_2d + 0.5 * engine.stages[2].points_2d
    np.testing.assert_allclose(_drawn_points(view), blend, atol=1e-12)
    assert view.stage_label.text() == "Layer 1: Wa + b"
    assert "stage 3 of 4" in view.count_label.text()


def test_play_advances_the_slider_to_the_last_stage_and_stops(window, qtbot):
    _set_session(window, hidden_sizes=(2,))
    view = shown_hidden_space(window, qtbot)
    view.play_button.setChecked(True)  # at the end: starts again from stage 0
    assert view.slider.value() == 0 and view.timer.isActive()
    for _ in range(view.slider.maximum()):
        view.advance()  # the timer's frames, without waiting for them
    assert view.slider.value() == view.slider.maximum()
    assert not view.timer.isActive() and not view.play_button.isChecked()
    assert view.line_item.isVisible()


def test_the_view_follows_a_training_step_and_catches_up_whenshown_hidden_space(window, qtbot):
    session = _set_session(window, hidden_sizes=(2,))
    view = shown_hidden_space(window, qtbot)
    before = _drawn_points(view).copy()
    window.controller.step()
    np.testing.assert_array_equal(_drawn_points(view), _engine(session).stages[-1].points_2d)
    assert not np.array_equal(_drawn_points(view), before)
    # hidden: a step only marks it dirty; shown again, it draws the newest state
    window.docks["Hidden space"].hide()
    count = view.gate.redraw_count
    window.controller.step()
    assert view.gate.redraw_count == count and view.gate.dirty
    shown_hidden_space(window, qtbot)
    np.testing.assert_array_equal(_drawn_points(view), _engine(session).stages[-1].points_2d)


def test_a_hidden_layer_of_width_one_is_drawn_on_a_line(window, qtbot):
    session = _set_session(window, hidden_sizes=(1,))
    view = shown_hidden_space(window, qtbot)
    engine = _engine(session)
    last = engine.stages[-1]
    assert last.width == 1
    drawn = _drawn_points(view)
    np.testing.assert_array_equal(drawn[:, 0], last.points[:, 0])
    assert np.all(drawn[:, 1] == 0.0)
    assert view.caption.text() == "1 value, drawn on a line (y = 0)"
    assert not view.projection_combo.isEnabled()
    assert view.line_item.isVisible() and abs(view.line_item.angle) == pytest.approx(90.0)
    assert view.line_item.pos().x() == pytest.approx(
        -engine.decision_line.coefficients[0] / engine.decision_line.coefficients[1])


def test_the_projection_chooser_draws_neurons_or_principal_components(window, qtbot):
    session = _set_session(window, hidden_sizes=(5, 2))
    view = shown_hidden_space(window, qtbot)
    layer_1 = next(i for i, s in enumerate(_engine(session).stages)
                   if s.kind == "activation" and s.layer == 1)
    view.slider.setValue(layer_1 * SUB_STEPS)
    assert view.projection_combo.isEnabled()
    assert view.projection_combo.currentData() == "pca"
    stage = _engine(session).stages[layer_1]
    assert (f"variance explained: x {percent(stage.explained[0])}, "
            f"y {percent(stage.explained[1])}") in view.caption.text()
    np.testing.assert_allclose(_drawn_points(view), stage.points_2d)
    view.projection_combo.setCurrentIndex(view.projection_combo.findData("neurons"))
    view.projection_combo.activated.emit(view.projection_combo.currentIndex())
    view.neuron_spins[0].setValue(4)  # neuron 4 on x: index 3
    assert view.requests[1] == (3, 1)
    np.testing.assert_array_equal(_drawn_points(view), stage.points[:, [3, 1]])
    assert view.caption.text().startswith("neurons 4 (x) and 2 (y) of 5")
    # the output's direction is offered only on the layer the output reads
    output = view.projection_combo.model().item(view.projection_combo.findData("output"))
    assert not output.isEnabled()
    # a new architecture drops the requests
    window.controller.set_network_settings(hidden_sizes=(3,))
    assert view.requests == {}


def test_the_view_exports_from_the_file_menu_and_headless(window, qtbot, tmp_path):
    from gui.app_window.headless_figures import make_exporter
    from gui.app_window.view_registry import VIEWS
    from gui.common.view_spec import ViewRegistry

    assert window.export_menu.action("export_png_hidden_space") is not None
    registry = ViewRegistry((VIEWS["canvas"], VIEWS["loss_curve"], VIEWS["hidden_space"]))
    session = Session(DataSettings(preset="xor", n_points=60), NetworkSettings(hidden_sizes=(2,)))
    written = make_exporter("png", 700, registry=registry)(session, tmp_path)
    assert tmp_path / "hidden_space.png" in written
    image = QtGui.QImage(str(tmp_path / "hidden_space.png"))
    assert image.width() == 700 and image.height() > 300


def test_dead_relus_say_the_line_is_outside_and_which_class_the_points_are_on(window, qtbot):
    """Issue 15: every hidden ReLU dead puts the whole plane at a = 0; the output's line
    misses it. The view draws no line and says so, naming the class every point is on
    (the network's prediction), instead of "exact"."""
    from core.metrics import predicted_classes
    from gui.common.display_names import class_name

    session = Session(DataSettings(preset="xor", n_points=120),
                      NetworkSettings(hidden_sizes=(2,), activation="relu"))
    session.net.weights[0][...] = 0.0
    session.net.biases[0][...] = -1.0
    session.net.biases[1][...] = 0.3  # the output's line c + w·a = 0 misses a = 0
    window.controller.set_session(session)
    view = shown_hidden_space(window, qtbot)
    engine = _engine(session)
    assert engine.decision_line.status == "outside"
    predicted = int(predicted_classes(session.net.predict(session.transform(
        session.points.X)))[0])
    assert not view.line_item.isVisible()
    text = view.line_label.text()
    assert "exact" not in text and "No decision line in view" in text
    assert class_name(session, predicted) in text
