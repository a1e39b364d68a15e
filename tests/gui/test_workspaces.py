"""Workspaces (issue 13, item 1): switching with the tabs, Ctrl+1…3 and View ▸ Workspace;
Reset layout gives back the design after the user moved or closed docks; each workspace's
layout and the current workspace are remembered across a restart (QSettings in the tests'
folder); the Step-through settings strip edits the same TrainingSettings as the Training
panel, and refuses bad input like the panel."""

import pytest
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt

from core.workspace_names import WORKSPACES
from tests.gui.keyboard import type_into

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea


def shown_views(window) -> set[str]:
    """Ids of the docked views that are shown and in front (not behind another tab)."""
    docks = window.workspaces.docks
    return {view_id for view_id, dock in docks.items()
            if dock.isVisible() and not dock.visibleRegion().isEmpty()}


def designed(window, name) -> set[str]:
    """The views a workspace's design puts in front (the first tab of each cell)."""
    return {cell.views[0] for column in window.workspaces.layout(name).columns
            for cell in column.cells}


@pytest.fixture
def settings(tmp_path):
    return QtCore.QSettings(str(tmp_path / "workspaces.ini"), QtCore.QSettings.Format.IniFormat)


def new_window(qtbot):
    from gui.app_window.main_window import MainWindow
    from gui.controller import TrainingController

    window = MainWindow(TrainingController())
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    return window


# ------------------------------------------------------------------ switching
def test_the_tabs_switch_workspaces(window):
    spaces = window.workspaces
    for index, name in reversed(list(enumerate(WORKSPACES))):
        spaces.tab_bar.setCurrentIndex(index)
        QtWidgets.QApplication.processEvents()
        assert spaces.current() == name
        assert spaces.actions[index].isChecked()
        assert designed(window, name) <= shown_views(window), name


def test_ctrl_1_to_3_switch_workspaces(qtbot, window):
    spaces = window.workspaces
    seen = []
    spaces.changed.connect(seen.append)
    for number, name in reversed(list(enumerate(WORKSPACES, start=1))):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        assert spaces.current() == name
        assert spaces.tab_bar.currentIndex() == number - 1
    assert seen == list(reversed(WORKSPACES))[1:] or seen == list(reversed(WORKSPACES))


def test_the_view_menu_switches_workspaces(window):
    spaces = window.workspaces
    menu_actions = [a for a in spaces.menu.actions() if a in spaces.actions]
    assert spaces.menu.menuAction() in window.view_menu.actions()
    assert len(menu_actions) == len(WORKSPACES)
    for index in (2, 1, 0):
        menu_actions[index].trigger()
        assert spaces.current() == WORKSPACES[index]
        assert spaces.tab_bar.currentIndex() == index
        assert designed(window, WORKSPACES[index]) <= shown_views(window)


# ------------------------------------------------------------------ reset layout
def test_reset_layout_restores_the_design_after_moving_and_closing_docks(window):
    spaces = window.workspaces
    spaces.apply("step-through")
    network, inspector = spaces.docks["network"], spaces.docks["inspector"]
    window.addDockWidget(LEFT, network)
    inspector.close()
    QtWidgets.QApplication.processEvents()
    assert window.dockWidgetArea(network) == LEFT and not inspector.isVisible()
    spaces.reset_action.trigger()
    QtWidgets.QApplication.processEvents()
    assert spaces.current() == "step-through"
    assert window.dockWidgetArea(network) == RIGHT == window.dockWidgetArea(inspector)
    assert {"network", "inspector"} <= shown_views(window)
    assert not network.isFloating() and not inspector.isFloating()
    assert window.strip_bar.isVisible()  # the workspace's tool bar comes back too


# ------------------------------------------------------------------ persistence
def test_each_workspace_remembers_its_layout_across_a_restart(qtbot, window, settings):
    spaces = window.workspaces
    spaces.start(settings)
    spaces.apply("landscape")
    curve = spaces.docks["loss_curve"]
    window.addDockWidget(LEFT, curve)  # the user moves the loss curve
    spaces.apply("train")  # another workspace keeps its own design
    assert window.dockWidgetArea(spaces.docks["loss_curve"]) == RIGHT
    spaces.apply("landscape")  # … and landscape its remembered layout
    assert window.dockWidgetArea(curve) == LEFT
    window.close()  # quitting remembers the current layout and workspace

    again = new_window(qtbot)
    try:
        again.workspaces.start(settings)
        assert again.workspaces.current() == "landscape"
        assert again.dockWidgetArea(again.workspaces.docks["loss_curve"]) == LEFT
        again.workspaces.apply("train")
        assert again.dockWidgetArea(again.workspaces.docks["loss_curve"]) == RIGHT
    finally:
        again.controller.shutdown()


def test_the_current_workspace_is_remembered(qtbot, window, settings):
    window.workspaces.start(settings)
    window.workspaces.apply("step-through")
    assert settings.value("workspaces/current") == "step-through"
    window.close()
    again = new_window(qtbot)
    try:
        again.workspaces.start(settings)
        assert again.workspaces.current() == "step-through"
        assert again.workspaces.tab_bar.currentIndex() == WORKSPACES.index("step-through")
    finally:
        again.controller.shutdown()


def test_an_unknown_remembered_workspace_falls_back_to_the_default(qtbot, window, settings):
    settings.setValue("workspaces/current", "nowhere")
    window.workspaces.start(settings)
    assert window.workspaces.current() == WORKSPACES[0]


# ------------------------------------------------------------------ settings strip
def test_the_strip_and_the_training_panel_edit_the_same_settings(qtbot, window):
    window.workspaces.apply("step-through")
    strip, panel = window.settings_strip, window.training_panel
    training = lambda: window.controller.session.training  # noqa: E731
    type_into(qtbot, strip.controls["learning_rate"].widget, "0.3")
    assert training().learning_rate == 0.3
    assert panel.controls["learning_rate"].value() == 0.3
    panel.controls["batch_size"].widget.setValue(16)
    panel.controls["batch_size"].widget.editingFinished.emit()
    QtWidgets.QApplication.processEvents()
    assert training().batch_size == 16
    assert strip.controls["batch_size"].value() == 16
    optimizer = strip.controls["optimizer"].widget
    optimizer.setCurrentIndex(optimizer.findData("adam"))
    optimizer.activated.emit(optimizer.currentIndex())
    assert training().optimizer == "adam"
    assert panel.controls["optimizer"].value() == "adam"


def test_the_strip_refuses_a_bad_learning_rate_like_the_panel(qtbot, window):
    window.workspaces.apply("step-through")
    box = window.settings_strip.controls["learning_rate"].widget
    before = window.controller.session.training.learning_rate
    type_into(qtbot, box, "1e9")
    assert window.controller.session.training.learning_rate == before
    assert window.controller.session.trainer.learning_rate == before
    assert box.currentText() == "1e9"  # kept for correction, with the reason beside it
    assert "C0392B" in box.styleSheet()
    assert "between 1e-06 and 100" in box.toolTip()
    error = window.settings_strip.controls["learning_rate"].error_label
    assert error.isVisible() and "between 1e-06 and 100" in error.text()
    type_into(qtbot, box, "0.1")
    assert window.controller.session.training.learning_rate == 0.1
    assert box.styleSheet() == ""


def test_a_view_whose_partner_is_not_in_the_layout_joins_the_partner_s_partner(window):
    """The Linear system view is tabbed with the loss surface, itself tabbed with the loss
    curve: in Train (no loss surface) it becomes a tab behind the loss curve, not a dock of
    its own that adds its height to the column; in Landscape a tab behind the loss surface."""
    spaces = window.workspaces
    linear = spaces.docks["linear_system"]
    spaces.apply("train")
    linear.toggleViewAction().trigger()
    QtWidgets.QApplication.processEvents()
    assert spaces.docks["loss_curve"] in window.tabifiedDockWidgets(linear)
    spaces.apply("landscape")
    spaces.reset()
    linear.show()
    QtWidgets.QApplication.processEvents()
    assert spaces.docks["loss_surface"] in window.tabifiedDockWidgets(linear)


def test_switching_workspaces_leaves_no_stale_tab_bar(window):
    """Every dock tab bar on screen belongs to a shown tab group (after Evaluate, Train kept
    Evaluate's "Loss curve | Weights | Gradient norms" bar painted over the canvas and its
    own docks)."""
    app = QtWidgets.QApplication.instance()
    for name in ("evaluate", "train", "landscape", "step-through", "evaluate", "train"):
        window.workspaces.apply(name)
        app.processEvents()
        docks = [d for d in window.findChildren(QtWidgets.QDockWidget) if d.isVisible()]
        for bar in window.findChildren(QtWidgets.QTabBar,
                                       options=QtCore.Qt.FindChildOption.FindDirectChildrenOnly):
            rect = bar.geometry()
            if not bar.isVisible() or rect.right() < 0 or rect.bottom() < 0:
                continue  # hidden, or parked off screen by Qt
            titles = [bar.tabText(i) for i in range(bar.count())]
            assert any(d.windowTitle() in titles and d.x() == rect.x()
                       and d.width() == rect.width() for d in docks), (name, titles, rect)
