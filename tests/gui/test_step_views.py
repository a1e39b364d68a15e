"""The step-through views inside the main window: docks, View-menu toggles, selection wiring."""

from __future__ import annotations


import numpy as np
from PySide6 import QtCore

from gui.canvas.presenter import canvas_positions


def test_docks_are_listed_in_the_view_menu_with_shortcuts(window):
    texts = {a.text(): a for a in window.view_menu.actions()}
    for title, keys in (("Network diagram", "Ctrl+Shift+N"), ("Inspector", "Ctrl+Shift+I"),
                        ("Weights", "Ctrl+Shift+W"), ("Gradient norms", "Ctrl+Shift+G")):
        assert title in texts
        assert texts[title].shortcut().toString() == keys
    views = window.step_views
    window.workspaces.apply("step-through")  # Train, the default, hides the two
    assert views.diagram.isVisible() and views.inspector.isVisible()
    texts["Network diagram"].trigger()
    assert not window.docks["Network diagram"].isVisible()


def test_clicks_in_the_views_select_in_the_controller(window, qtbot):
    views, controller = window.step_views, window.controller
    views.diagram.parameterClicked.emit((1, "W", 3, 4))
    assert controller.selected_parameter == (1, "W", 3, 4)
    views.heatmaps.parameterClicked.emit((0, "W", 2, 1))
    assert controller.selected_parameter == (0, "W", 2, 1)
    views.diagram.neuronClicked.emit(2, 5)
    assert controller.selected_neuron == (2, 5)
    views.diagram.neuronClicked.emit(2, 5)  # clicking it again clears
    assert controller.selected_neuron is None


def test_shift_click_selects_a_sample_and_draws_its_input_gradient(window, qtbot):
    controller, canvas = window.controller, window.canvas
    session = controller.session
    point = session.train_indices[7]
    x, y = canvas_positions(session.points, [point])[0]
    before = len(session.points)
    qtbot.mouseClick(canvas.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     QtCore.Qt.KeyboardModifier.ShiftModifier,
                     canvas.data_to_widget(x, y).toPoint())
    assert len(session.points) == before  # no point was added
    assert controller.selected_sample == 7
    arrow = window.step_views.arrow
    assert arrow.shaft.isVisible()
    shaft_x, shaft_y = arrow.shaft.getData()
    np.testing.assert_allclose([shaft_x[0], shaft_y[0]], [x, y])


def test_hovering_a_neuron_previews_its_map_on_the_canvas(window):
    views = window.step_views
    views.diagram.nodeHovered.emit(1, 3)
    assert views.preview.shown == (1, 3) and views.preview.image.isVisible()
    views.diagram.nodeHovered.emit(-1, -1)
    assert not views.preview.image.isVisible()


def test_screenshot_of_the_main_window_after_backward(window, tmp_path):
    controller = window.controller
    controller.select_sample(4)
    controller.forward()
    controller.backward()
    assert window.grab().save(f"{tmp_path}/main_window_backward.png")
