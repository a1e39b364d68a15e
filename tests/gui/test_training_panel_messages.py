"""The Training panel's messages read whole and right: a rejected gradient clipping names its
range as numbers ("between 0 (off) and 1000", not "between off and 1000.00"), and the η·L2
warning is wrapped under the L2 rate and scrolled into view whole at 1280×720
(gui/panels/training_panel.py, gui/panels/setting_controls.py)."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from core.settings import TrainingSettings
from gui.panels.training_panel import TrainingPanel
from tests.gui.keyboard import type_into
from tests.gui.shown_views import settle_window
from tests.gui.test_translation_panels import switch


def test_an_out_of_range_clipping_names_its_range_in_numbers(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_settings(TrainingSettings())
    control = panel.controls["clip_norm"]
    for typed in ("-3", "5000"):
        type_into(qtbot, control.widget, typed)
        assert control.error == ("Gradient clipping must be between 0 (off) and 1000. "
                                 "Still using 0 (off); Esc restores it."), typed
        control.restore()


def test_the_clipping_range_in_chinese(window, qtbot):
    switch(window, "zh_CN")
    try:
        control = window.training_panel.controls["clip_norm"]
        type_into(qtbot, control.widget, "-3")
        assert control.error.startswith("梯度裁剪必须在 0（关闭） 到 1000 之间"), control.error
        control.restore()
    finally:
        switch(window, "en")


def test_the_decay_warning_is_whole_in_the_training_dock_at_1280x720(window, qtbot, tmp_path):
    window.resize(1280, 720)
    settle_window(window)
    assert window.controller.set_training_settings(optimizer="sgd", learning_rate=100.0,
                                                   l2=5.0)
    settle_window(window)
    warning = window.training_panel.warning
    assert warning.isVisible() and warning.text().startswith("η·L2 = 500 ≥ 2 for SGD")
    scroll = window.training_panel.parentWidget()
    while not isinstance(scroll, QtWidgets.QScrollArea):
        scroll = scroll.parentWidget()
    viewport = scroll.viewport()
    shown = QtCore.QRect(warning.mapTo(viewport, QtCore.QPoint(0, 0)), warning.size())
    window.grab().save(f"{tmp_path}/decay_warning_1280x720.png")
    assert viewport.rect().contains(shown), (shown, viewport.rect())
    assert warning.height() >= warning.heightForWidth(warning.width())  # every line shown
