"""A/B runs in the window: Train ▸ Compare… makes run B, the Compare workspace shows both,
Step / Epoch / Play / Rewind / Reset act on both, End compare goes back to A, and a scene
file keeps both runs."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import Qt

from core.comparison import make_run_b
from gui.common.number_format import number
from tests.gui.shown_views import comparing_window
from tests.nested_equal import assert_same


def _dialog(window):
    return window.compare_actions.open_dialog()


def _choose(control, value) -> None:
    """Pick ``value`` in a choice control's combo box as a user would (emits ``changed``)."""
    combo = control.widget
    combo.setCurrentIndex(combo.findData(value))


def _start(window, qtbot, activation="relu", sizes=None):
    dialog = _dialog(window)
    _choose(dialog.controls["network.activation"], activation)
    if sizes is not None:
        qtbot.keyClicks(dialog.sizes_edit, "")  # focus
        dialog.sizes_edit.clear()
        qtbot.keyClicks(dialog.sizes_edit, sizes)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return dialog


def _history(session) -> dict:
    arrays = session.trainer.history.arrays()
    return {key: arrays[key] for key in ("step", "train_loss", "test_loss", "evaluated")}


def test_the_dialog_makes_run_b_and_the_compare_workspace_shows_both(window, qtbot):
    controller = window.controller
    controller.step()
    dialog = _start(window, qtbot)
    assert not dialog.isVisible()
    comparison = controller.comparison
    assert comparison is not None and comparison.a is controller.session
    assert comparison.b.network.activation == "relu"
    assert controller.trainer.step_count == 0  # both start again from step 0
    assert window.workspaces.current() == "compare"
    panel = window.views["compare"]
    table = panel.view.differences
    qtbot.waitUntil(lambda: panel.view.comparison is comparison and table.item(0, 0) is not None)
    assert [table.item(0, c).text() for c in range(3)] == ["Activation", "tanh", "ReLU"]
    assert panel.end_button.isEnabled()
    assert window.compare_actions.end_action.isEnabled()


def test_step_epoch_play_rewind_and_reset_act_on_both_runs(window, qtbot):
    controller = window.controller
    _start(window, qtbot)
    comparison = controller.comparison
    bar = window.step_toolbar
    bar.step_action.trigger()
    bar.step_action.trigger()
    bar.epoch_action.trigger()
    assert controller.trainer.step_count == comparison.b.trainer.step_count == 3
    controller.set_speed(0)
    bar.play_action.trigger()
    qtbot.waitUntil(lambda: controller.trainer.step_count >= 8)
    bar.play_action.trigger()
    assert not controller.playing
    steps = controller.trainer.step_count
    assert comparison.b.trainer.step_count == steps
    expected = make_run_b(comparison.a, {"activation": "relu"})  # B from A's start, stepped alone
    for _ in range(steps):
        expected.trainer.step()
    assert np.array_equal(comparison.b.net.get_params(), expected.net.get_params())
    bar.rewind_action.trigger()
    assert controller.trainer.step_count == comparison.b.trainer.step_count == steps - 1
    bar.reset_action.trigger()
    assert controller.trainer.step_count == comparison.b.trainer.step_count == 0
    assert np.array_equal(comparison.b.net.get_params(),
                          comparison.b.trainer.initial_network_state()[0])


def test_the_view_shows_the_engine_s_numbers_after_a_step(window, qtbot):
    controller = window.controller
    _start(window, qtbot)
    controller.step()
    panel = window.views["compare"]
    qtbot.waitUntil(lambda: not panel.gate.dirty)
    table = panel.view.metrics
    for row, session in enumerate(controller.comparison.runs):
        last = session.trainer.history.last_row()
        assert table.item(row, 0).text() == number(last["train_loss"], 4)
        assert table.item(row, 1).text() == number(last["test_loss"], 4)
    assert panel.view.titles[1].text().endswith("step 1")


def test_an_architecture_change_gives_b_its_own_weights_and_end_compare_keeps_a(window, qtbot):
    controller = window.controller
    _start(window, qtbot, sizes="3")
    comparison = controller.comparison
    assert comparison.b.net.layer_sizes == (2, 3, 1)
    controller.step()
    a_params = controller.session.net.get_params()
    window.views["compare"].end_button.click()
    assert controller.comparison is None
    assert not window.compare_actions.end_action.isEnabled()
    assert np.array_equal(controller.session.net.get_params(), a_params)
    assert controller.trainer.step_count == 1


def test_a_refused_run_b_stays_in_the_dialog_and_changes_nothing(window, qtbot):
    controller = window.controller
    controller.step()
    dialog = _dialog(window)
    dialog.controls["network.batch_norm"].widget.setChecked(True)
    spin = dialog.controls["training.batch_size"].widget
    spin.setValue(1)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Batch size 1" in dialog.error.text()
    assert controller.comparison is None and controller.trainer.step_count == 1
    dialog.close()


def test_changing_a_s_network_ends_the_comparison(window, qtbot):
    controller = window.controller
    _start(window, qtbot)
    controller.set_network_settings(hidden_sizes=(4,))
    assert controller.comparison is None
    assert not window.views["compare"].end_button.isEnabled() or \
        window.views["compare"].gate.dirty


def test_a_scene_file_keeps_both_runs(window, qtbot, tmp_path):
    controller = window.controller
    _start(window, qtbot, activation="relu")
    for _ in range(4):
        controller.step()
    comparison = controller.comparison
    path = tmp_path / "both.json"
    assert window.scene_files.save_as(str(path))
    b_before = (comparison.b.net.get_params(), _history(comparison.b))
    window.compare_actions.end_action.trigger()
    assert controller.comparison is None
    assert window.scene_files.open_file(str(path), ask_to_save=False)
    loaded = controller.comparison
    assert loaded is not None and loaded.a is controller.session
    assert loaded.b.trainer.step_count == 4
    assert_same((loaded.b.net.get_params(), _history(loaded.b)), b_before)
    controller.step()  # both go on together
    assert loaded.b.trainer.step_count == controller.trainer.step_count == 5


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_compare_workspace_with_both_runs_is_legible_at_1280x720(qtbot, scale):
    """Nothing cut, overlapping or too small, and no scrolling: at presenter size the two
    tables fold into tabs (at 2× both stacked made the view scroll)."""
    from gui.app_window import layout_report as lr

    window, controller = comparing_window(qtbot, 20)
    lr.prepare_window(window, (1280, 720), "compare", scale)
    report = lr.layout_report(window)
    assert report["scroll_needed"] == []
    assert report["overlaps"] == []
    assert [e for e in report["elided"] if e["where"] == "compare"] == []
    assert lr.too_small(report) == []
    controller.shutdown()


def test_presenter_mode_folds_the_compare_view_into_pages_keeping_every_number(qtbot):
    """Presenter mode shows the boundaries, the loss plot, the settings that differ and the
    final numbers as four pages with short titles (the long ones in their tips), the same
    tables and items; leaving it shows them all at once again. In Chinese at 2x, 1280×720,
    every page fits its dock."""
    from gui.app_window import layout_report as lr

    window, controller = comparing_window(qtbot, 20)
    view = window.findChild(QtWidgets.QWidget, "compare_view")
    lr.prepare_window(window, (1280, 720), "compare")
    before = [[view.metrics.item(r, c).text() for c in range(view.metrics.columnCount())]
              for r in range(view.metrics.rowCount())]
    assert not view.folded and view.metrics_title.isVisible()
    try:
        window.language_menu.actions["zh_CN"].trigger()
        lr.prepare_window(window, (1280, 720), "compare", 2.0)
        assert view.folded and view.pages.isVisible()
        pages = [view.pages.widget(i) for i in range(view.pages.count())]
        assert pages[:2] == [view.runs_page, view.loss_page]
        assert [page.findChild(QtWidgets.QTableWidget) for page in pages[2:]] == [
            view.differences, view.metrics]
        assert view.pages.tabToolTip(3) == view.metrics_title.text()
        assert view.pages.tabText(1) == view.loss_title.text()
        assert [[view.metrics.item(r, c).text() for c in range(view.metrics.columnCount())]
                for r in range(view.metrics.rowCount())] == before
        for page in pages:
            view.pages.setCurrentWidget(page)
            report = lr.layout_report(window)
            assert report["window"] == [1280, 720]
            assert report["scroll_needed"] == [] and report["elided"] == [] \
                and report["overlaps"] == [] and lr.too_small(report) == []
            assert lr.cramped(window) == []  # e.g. a table showing all its rows
    finally:
        window.language_menu.actions["en"].trigger()
    lr.prepare_window(window, (1280, 720), "compare")
    assert not view.folded and not view.pages.isVisible()
    assert view.metrics_title.isVisible() and view.metrics.isVisible()
    assert view.loss_plot.isVisible() and all(canvas.isVisible() for canvas in view.canvases)
    controller.shutdown()


def _bring_to_front(widget: QtWidgets.QWidget) -> None:
    """Make the page of a tab widget that holds ``widget`` the current one (if any)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_the_compare_loss_plot_is_legible_at_1280x720_in_presenter_mode(qtbot, scale):
    """The loss plot's data area, once it is in front, is at least 180 px and eight lines of
    the presenter's font tall (at 2× its legend and the tables left it 26 px beneath the
    boundaries, at 1.5× 56 px)."""
    from gui.app_window import layout_report as lr

    window, controller = comparing_window(qtbot, 20)
    view = window.findChild(QtWidgets.QWidget, "compare_view")
    lr.prepare_window(window, (1280, 720), "compare", scale)
    _bring_to_front(view.loss_plot)
    QtWidgets.QApplication.processEvents()
    plot = view.loss_plot.plot_item
    assert view.loss_plot.isVisible()
    lines = QtGui.QFontMetrics(view.loss_plot.font()).lineSpacing()
    assert plot.vb.height() >= max(180, 8 * lines, lr.MIN_DRAWING_HEIGHT)
    assert not view.loss_plot.legend.sceneBoundingRect().intersects(plot.vb.sceneBoundingRect())
    assert lr.layout_report(window)["scroll_needed"] == []
    controller.shutdown()


def test_continuing_from_the_timeline_s_past_takes_run_b_back_too(qtbot):
    from gui.controller import TrainingController

    controller = TrainingController()
    assert controller.start_comparison({"learning_rate": 0.1})
    controller.run_steps(6)
    assert controller.view_step(3)
    controller.continue_from_past()
    assert controller.trainer.step_count == controller.comparison.b.trainer.step_count == 3
    controller.shutdown()


# ------------------------------------------------------------------ refusals in Chinese
@pytest.fixture
def chinese(qapp):
    from gui.common.i18n import manager

    manager().set_language("zh_CN")
    assert manager().translator_loaded(), "resources/translations/*.qm is missing"
    yield
    manager().set_language("en")


def _latin_words(text: str) -> list[str]:
    """Words of two or more Latin letters ("B" of "run B" is a name, not English), apart from
    the activations' display names (tanh, ReLU: written so in Chinese too)."""
    import re

    from core.settings import HIDDEN_ACTIVATIONS
    from gui.common.display_names import display_name

    for name in sorted(map(display_name, HIDDEN_ACTIVATIONS), key=len, reverse=True):
        text = text.replace(name, "")
    return re.findall(r"[A-Za-z_]{2,}", text)


def test_a_refused_hidden_size_is_worded_from_its_code_and_label(window, qtbot):
    dialog = _dialog(window)
    dialog.sizes_edit.clear()
    qtbot.keyClicks(dialog.sizes_edit, "4, 99")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ("Run B: Hidden layer sizes, entry 2: it must be between 1 "
                                   "and 16")
    dialog.close()


@pytest.mark.parametrize("changes", [
    {"noise": 0.3}, {"learning_rate": 1000.0}, {"activation": "swish-ish"},
    {"hidden_sizes": (4, 99)}, {"hidden_sizes": (4,) * 9}, {"batch_norm": True, "batch_size": 1},
    {"activation": ("relu", "tanh", "relu")}, {"momentum": float("nan")},
])
def test_run_b_refusals_in_chinese_show_no_english(chinese, changes):
    from core.comparison import Comparison, ComparisonError
    from core.session import Session
    from gui.controller import comparison_error_text

    with pytest.raises(ComparisonError) as caught:
        Comparison.start(Session(), changes)
    text = comparison_error_text(caught.value)
    assert text and _latin_words(text) == [], text


def test_a_refused_run_b_in_chinese_names_the_setting_by_its_label(window, qtbot, chinese):
    from gui.common.i18n import translate

    dialog = _dialog(window)
    dialog.sizes_edit.clear()
    qtbot.keyClicks(dialog.sizes_edit, "20")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    text = dialog.error.text()
    assert dialog.error.isVisible() and _latin_words(text) == [], text
    assert translate("Settings", "Hidden layer sizes") in text
    assert "16" in text
    dialog.close()


def test_the_dialog_shows_a_s_activation_per_layer_and_a_single_one_sets_every_layer(
        window, qtbot):
    from gui.common.display_names import display_name

    controller = window.controller
    assert controller.set_network_settings(hidden_sizes=(4, 4), activation=("relu", "tanh"))
    dialog = _dialog(window)
    combo = dialog.controls["network.activation"].widget
    assert combo.currentData() == ("relu", "tanh")
    assert display_name("relu") in combo.currentText()
    assert display_name("tanh") in combo.currentText()
    assert "every hidden layer" in combo.toolTip()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)  # nothing changed
    assert controller.comparison.b.network.activation == ("relu", "tanh")
    controller.end_comparison()
    dialog = _start(window, qtbot, activation="sigmoid")
    b = controller.comparison.b
    assert b.network.activations_per_layer() == ("sigmoid", "sigmoid")
    assert controller.comparison.changes == {"network.activation": "sigmoid"}
    controller.end_comparison()
    assert controller.set_network_settings(activation="tanh")  # one for all: no list item
    dialog = _dialog(window)
    assert ("relu", "tanh") not in [combo.itemData(i) for i in range(combo.count())]
    assert combo.currentData() == "tanh"
    dialog.close()


def test_the_loss_legend_sits_outside_the_plot_area(qtbot):
    """Issue 15: the legend inside the plot covered a curve; above the view box it covers
    none, and it names all four lines."""
    from gui.compare.compare_view import CompareLossPlot

    plot = CompareLossPlot()
    qtbot.addWidget(plot)
    plot.resize(420, 260)
    plot.show()
    qtbot.waitExposed(plot)
    data_area = plot.plot_item.vb.sceneBoundingRect()
    legend = plot.legend.sceneBoundingRect()
    assert legend.height() > 0 and not legend.intersects(data_area)
    assert plot.sceneRect().contains(legend)  # drawn whole
    assert [label.text for _, label in plot.legend.items] == [
        "A train", "A test", "B train", "B test"]
