"""Presenter mode (F5): bigger fonts, lines and points, high contrast, locked panels hidden;
F5 again restores the layout and the looks. Full screen on F11."""

import pyqtgraph as pg
import pytest
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import Qt

from tests.gui import classroom_helpers
from tests.waiting import PATIENCE_MS

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window


def shown_docks(window) -> dict[str, bool]:
    return {dock.objectName(): dock.isVisible()
            for dock in window.findChildren(QtWidgets.QDockWidget)}


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window, key, modifier)


def test_f5_enters_presenter_mode_and_f5_restores_everything(classroom, qtbot):
    window = classroom
    presenter = window.presenter_mode
    docks_before = shown_docks(window)
    font_before = window.menuBar().font().pointSizeF()
    label = window.step_toolbar.phase_label
    label_before = label.font().pointSizeF()
    scatter = window.canvas.train_scatter
    size_before = scatter.opts["size"]

    press(qtbot, window, Qt.Key.Key_F5)
    assert presenter.active
    assert window.menuBar().font().pointSizeF() == pytest.approx(font_before * presenter.scale)
    assert label.font().pointSizeF() == pytest.approx(label_before * presenter.scale)
    assert scatter.opts["size"] == pytest.approx(size_before * presenter.scale)
    assert window.property("theme") == "high_contrast"
    locked = presenter.locked_panels()
    for name, was_shown in docks_before.items():
        dock = window.findChild(QtWidgets.QDockWidget, name)
        if name in locked:
            assert not dock.isVisible(), name
        else:
            assert dock.isVisible() == was_shown, name
    assert "dock_data" in locked and "dock_training" in locked
    assert window.step_toolbar.isVisible()  # students keep the step buttons
    assert not window.draw_toolbar.isVisible()
    assert window.canvas.isVisible()
    # the Train workspace's main view stays (gui.app_window.view_registry.WORKSPACE_LAYOUTS)
    assert "dock_loss_curve" not in locked and window.docks["Loss curve"].isVisible()

    press(qtbot, window, Qt.Key.Key_F5)
    assert not presenter.active
    assert shown_docks(window) == docks_before
    assert window.menuBar().font().pointSizeF() == pytest.approx(font_before)
    assert label.font().pointSizeF() == pytest.approx(label_before)
    assert scatter.opts["size"] == pytest.approx(size_before)
    assert window.property("theme") == "light"
    assert window.draw_toolbar.isVisible()


def test_points_added_in_presenter_mode_are_drawn_big_too(classroom, qtbot):
    window = classroom
    presenter = window.presenter_mode
    size = window.canvas.train_scatter.opts["size"]
    presenter.set_active(True)
    window.controller.add_point((0.5, 0.5), 0)  # the canvas sets its default size again
    qtbot.waitUntil(lambda: window.canvas.train_scatter.opts["size"]
                    == pytest.approx(size * presenter.scale), timeout=PATIENCE_MS)
    presenter.set_active(False)
    assert window.canvas.train_scatter.opts["size"] == pytest.approx(size)


def test_twice_the_size_and_an_unlocked_panel_stays(classroom):
    window = classroom
    presenter = window.presenter_mode
    base = window.menuBar().font().pointSizeF()
    presenter.set_locked("dock_training", False)
    presenter.scale_actions[2.0].trigger()
    presenter.set_active(True)
    assert window.menuBar().font().pointSizeF() == pytest.approx(2 * base)
    assert window.findChild(QtWidgets.QDockWidget, "dock_training").isVisible()
    assert not window.findChild(QtWidgets.QDockWidget, "dock_data").isVisible()
    presenter.set_active(False)
    assert window.menuBar().font().pointSizeF() == pytest.approx(base)


def test_presenter_mode_draws_the_canvas_to_scale_and_shows_all_the_data(classroom, qtbot):
    """The circle stays round on the wide, short canvas of presenter mode at 2x."""
    window = classroom
    canvas = window.canvas
    window.resize(1920, 1080)
    presenter = window.presenter_mode
    presenter.scale_actions[2.0].trigger()
    presenter.set_active(True)
    qtbot.wait(50)  # the new layout settles
    window.flush()
    px, py = canvas.pixel_size()
    (x0, x1), (y0, y1) = canvas.view_range()
    assert abs(1 / px - 1 / py) * max(x1 - x0, y1 - y0) < 1.0, (px, py)
    (vx0, vx1), (vy0, vy1) = canvas.visible_range()
    assert vx0 <= x0 and vx1 >= x1 and vy0 <= y0 and vy1 >= y1
    presenter.set_active(False)
    window.resize(1280, 820)


def test_user_theme_comes_back_after_presenter_mode(classroom):
    window = classroom
    window.theme_menu.actions["dark"].trigger()
    assert window.property("theme") == "dark"
    window.presenter_mode.set_active(True)
    assert window.property("theme") == "high_contrast"
    window.presenter_mode.set_active(False)
    assert window.property("theme") == "dark"


def test_dark_theme_recolours_the_plots_and_light_restores_them(classroom):
    window = classroom
    plot = window.loss_curve.findChildren(pg.GraphicsView)[0]
    light = plot.backgroundBrush().color().name()
    canvas_light = window.canvas.backgroundBrush().color().name()
    window.theme_menu.actions["dark"].trigger()
    assert QtGui.QColor(plot.backgroundBrush().color()).lightness() < 60
    assert QtWidgets.QApplication.palette().window().color().lightness() < 80
    # the data canvas stays on light paper: its data colours are made for white
    assert window.canvas.backgroundBrush().color().name() == canvas_light
    window.theme_menu.actions["light"].trigger()
    assert plot.backgroundBrush().color().name() == light
    assert QtWidgets.QApplication.palette().window().color().lightness() > 200


def test_f11_toggles_full_screen(classroom, qtbot):
    window = classroom
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.presenter_mode.fullscreen_action.isChecked()
    qtbot.waitUntil(window.isFullScreen, timeout=PATIENCE_MS)
    press(qtbot, window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=PATIENCE_MS)
