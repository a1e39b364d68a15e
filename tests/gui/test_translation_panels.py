"""Simplified Chinese in the texts the coverage walk cannot see: the divergence banner, undo
texts, setting tooltips and labels (also of hidden rows), input errors, controller messages;
switching language never changes a setting (combo boxes are read through their item data);
switching back restores the English texts exactly."""

import re

import numpy as np
import pytest
from PySide6 import QtWidgets

from core.data_types import Dataset
from core.divergence import DIVERGENCE_CODES, Divergence
from core.settings import DataSettings, NetworkSettings, TrainingSettings, fields_of
from gui.common.i18n import manager
from gui.app_window.divergence_banner import ModelFacts, divergence_advice
from gui.common.divergence_text import cause_text
from gui.panels.setting_controls import ChoiceControl, SettingControl
from tests.gui import classroom_helpers
from tests.gui.test_translation_coverage import english_words

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

CJK = re.compile(r"[\u4e00-\u9fff]")


def chinese(text: str, data_names: frozenset = frozenset()) -> bool:
    """True when ``text`` is Chinese: some CJK characters, no English word left (the user's
    ``data_names``, e.g. a file name, aside)."""
    return bool(CJK.search(text)) and english_words(text, set(data_names)) == []


def assert_chinese(texts, what="", data_names=frozenset()):
    bad = [text for text in texts if not chinese(text, data_names)]
    assert not bad, f"{what}: not Chinese: {bad}"


def switch(window, code: str) -> None:
    window.language_menu.actions[code].trigger()
    QtWidgets.QApplication.processEvents()


def controls_of(window) -> list[SettingControl]:
    panels = (window.data_panel, window.network_panel, window.training_panel)
    found = [control for panel in panels for control in panel.findChildren(SettingControl)]
    assert len(found) >= 20
    return found


def diverge(window) -> None:
    """Steps at η = 10 with six ReLU layers on a regression line overflow within a few steps."""
    controller = window.controller
    assert controller.set_data_settings(task="regression", preset="line")
    assert controller.set_network_settings(hidden_sizes=(8,) * 6, activation="relu")
    assert controller.set_training_settings(learning_rate=10.0)
    for _ in range(300):
        controller.step()
        if controller.divergence is not None:
            break
    assert controller.divergence is not None
    QtWidgets.QApplication.processEvents()


def banner_texts(banner) -> list[str]:
    return [banner.title.text(), banner.whole_text(), banner.lower_button.text(),
            banner.more_button.text(),
            banner.rewind_button.text(), banner.reset_button.text(),
            banner.rewind_button.toolTip(), banner.lower_button.toolTip(),
            banner.reset_button.toolTip(), banner.close_button.toolTip()]


def test_divergence_banner_is_chinese_and_follows_a_language_switch(classroom):
    window = classroom
    switch(window, "zh_CN")
    diverge(window)
    banner = window.banner
    assert banner.isVisible()
    step = window.controller.divergence.step
    assert f"第 {step} 步" in banner.title.text()
    assert_chinese(banner_texts(banner), "banner")
    # the activation by the name its combo box shows (ReLU), never the engine's code "relu"
    assert "ReLU" in banner.whole_text() and "学习率" in banner.whole_text()
    assert not re.search(r"\brelu\b", banner.whole_text())
    assert_chinese([window.step_toolbar.phase_label.text()], "phase line")
    assert_chinese([window.controller.divergence_text()], "divergence text")
    # back to English while the banner is shown: the same divergence, in English
    switch(window, "en")
    assert banner.title.text().startswith(f"⚠  Training diverged during step {step} (")
    assert f"Playback stopped at step {step - 1}, the last finite weights." in \
        banner.whole_text()
    assert "Lower the learning rate: try η = 1 (now 10)." in banner.whole_text()
    assert banner.rewind_button.text() == "Rewind"
    assert banner.lower_button.text() == "Lower η ÷10 (→ 1)"
    assert "diverged" in window.step_toolbar.phase_label.text()
    # and to Chinese again while shown
    switch(window, "zh_CN")
    assert_chinese(banner_texts(banner), "banner after switching twice")


@pytest.mark.parametrize("code", DIVERGENCE_CODES)
def test_every_divergence_code_has_a_banner_text_in_english_and_chinese(classroom, code):
    """The banner words each code of ``core.divergence`` itself: in English exactly as the
    core's own sentence (the command line's), in Chinese with no English left."""
    info = Divergence(9, "update", code, layer=2, value=1.5e10 if code == "param_limit" else
                      (float("inf") if code.endswith("_inf") else None),
                      legacy_cause="older words" if code == "unknown" else "")
    switch(classroom, "zh_CN")
    assert chinese(cause_text(info)), cause_text(info)
    advice = divergence_advice(info, ModelFacts(1.0, 10.0, 0.0, ("relu",)))
    assert_chinese(advice, f"advice after {code}")
    assert_chinese(divergence_advice(info, ModelFacts(1.0)), f"advice after {code}, no hidden")
    switch(classroom, "en")
    if code == "unknown":  # the banner does not show an old file's English in Chinese
        assert cause_text(info) == "a value stopped being finite (saved by an older version)"
    else:
        assert cause_text(info) == info.cause


def stack_texts(stack) -> list[str]:
    return [stack.command(i).text() for i in range(stack.count())]


def test_undo_texts_are_translated_and_follow_a_language_switch(classroom):
    window = classroom
    drawing, stack, toolbar = window.drawing, window.undo_stack, window.draw_toolbar
    drawing.add_at(0.5, 1.25)
    drawing.stroke(1.0, 1.0, "start")
    drawing.stroke(1.2, 1.0, "finish")
    drawing.regenerate()
    drawing.clear()
    X = np.random.default_rng(1).uniform(size=(30, 2))
    dataset = Dataset(X=X, y=(X[:, 0] > 0.5).astype(np.int64), task="classification",
                      n_classes=2, feature_names=["f1", "f2"], class_names=None)
    assert window.apply_import(dataset, "small.csv")
    english = stack_texts(stack)
    assert english == ["Add point (0.50, 1.25)", "Brush stroke", "Regenerate", "Clear points",
                       "Import small.csv · 30 rows · 0 dropped"]
    assert toolbar.undo_action.toolTip() == \
        "Undo Import small.csv · 30 rows · 0 dropped (Ctrl+Z)"

    switch(window, "zh_CN")
    chinese_texts = stack_texts(stack)
    assert chinese_texts[0] == "添加点 (0.50, 1.25)"
    assert_chinese(chinese_texts, "undo stack", {"small.csv"})
    assert toolbar.undo_action.toolTip().startswith("撤销：导入 small.csv · 30 行")
    assert_chinese([window.data_panel.source_label.text()], "imported data source",
                   {"small.csv"})
    stack.undo()
    stack.undo()
    assert toolbar.redo_action.toolTip() == "重做：清除所有点（Ctrl+Shift+Z）"
    assert toolbar.undo_action.toolTip() == "撤销：重新生成（Ctrl+Z）"
    # a command made in Chinese reads in English after switching back
    drawing.add_at(-1.0, 0.25)
    assert stack.undoText() == "添加点 (-1.00, 0.25)"
    switch(window, "en")
    assert stack_texts(stack) == english[:3] + ["Add point (-1.00, 0.25)"]
    assert toolbar.undo_action.toolTip() == "Undo Add point (-1.00, 0.25) (Ctrl+Z)"
    source = window.controller.session.data_source  # a point drawn on generated points
    assert source.kind == "drawn" and source.file is None


def settings_of(controller):
    session = controller.session
    return session, session.data, session.network, session.training


def test_switching_language_never_changes_a_setting(classroom):
    window = classroom
    controller = window.controller
    assert controller.set_data_settings(task="regression", preset="plane")
    assert controller.set_network_settings(hidden_sizes=(3, 5), activation=("relu", "tanh"),
                                           init="he", loss_override="mse")
    assert controller.set_training_settings(optimizer="adam", batch_size=10, clip_norm=0.0)
    requests = []
    for panel in (window.data_panel, window.network_panel, window.training_panel):
        panel.changesRequested.connect(requests.append)
    before = settings_of(controller)

    switch(window, "zh_CN")
    assert settings_of(controller) == before and requests == []
    training = window.training_panel.controls
    network = window.network_panel.controls
    data = window.data_panel.controls
    assert training["optimizer"].widget.currentData() == "adam"
    assert network["init"].widget.currentText() == "He（Kaiming 正态）"
    assert network["loss_override"].widget.currentText() == "均方误差"
    assert data["task"].widget.currentText() == "回归"
    assert data["preset"].widget.currentText() == "平面"
    rows = window.network_panel.rows
    assert [row.activation.currentData() for row in rows[:2]] == ["relu", "tanh"]
    assert rows[0].label.text() == "第 1 层" and rows[1].width_label.text() == "5 个神经元"
    # choosing through a translated combo sets the value of its item data
    optimizer = training["optimizer"].widget
    optimizer.setCurrentIndex(optimizer.findData("momentum"))
    assert controller.session.training.optimizer == "momentum"
    assert optimizer.currentText() == "动量法"
    controller.set_training_settings(optimizer="adam")
    requests.clear()
    before = settings_of(controller)

    switch(window, "en")
    assert settings_of(controller) == before and requests == []
    assert network["init"].widget.currentText() == "He (Kaiming normal)"
    assert data["task"].widget.currentText() == "regression"
    assert data["preset"].widget.currentText() == "Plane"
    assert training["optimizer"].widget.currentText() == "Adam"
    assert rows[0].label.text() == "Layer 1" and rows[1].width_label.text() == "5 neurons"


def test_setting_labels_tooltips_and_special_values_are_chinese(classroom):
    window = classroom
    controls = controls_of(window)
    switch(window, "zh_CN")
    for control in controls:  # hidden rows (Adam β₁ under SGD) too
        texts = [control.widget.toolTip()]
        if control.label is not None:
            texts += [control.label.text(), control.label.toolTip()]
        if isinstance(control, ChoiceControl):
            texts += [control.widget.itemText(i) for i in range(control.widget.count())]
        if isinstance(control.widget, QtWidgets.QCheckBox):
            texts.append(control.widget.text())
        for text in texts:  # names like "Adam β₁", "SGD" and formulas stay as they are
            assert english_words(text, set()) == [], (control.info.name, text)
        assert chinese(control.widget.toolTip()), (control.info.name, control.widget.toolTip())
    training = window.training_panel.controls
    assert training["batch_size"].widget.specialValueText() == "全批量"
    assert training["clip_norm"].widget.specialValueText() == "关闭"
    assert training["learning_rate"].label.text() == "学习率："
    assert window.data_panel.features_box.title() == "输入特征"
    assert_chinese([window.network_panel.activation_label.toolTip(),
                    window.step_toolbar.speed_slider.toolTip(),
                    window.network_panel.rows[0].activation.toolTip()], "tooltips")
    assert_chinese(list(window.status.values.values()), "status bar")

    switch(window, "en")
    declared = {info for cls in (DataSettings, NetworkSettings, TrainingSettings)
                for info in fields_of(cls)}
    for control in controls:
        info = control.info
        assert info in declared  # the declaration itself: its texts are the English ones
        assert control.widget.toolTip() == info.doc
        if control.label is not None:
            assert control.label.text() == f"{info.label}:"
    assert training["batch_size"].widget.specialValueText() == "full batch"
    assert window.step_toolbar.speed_slider.toolTip() == \
        "Play speed: 1 step/s … as fast as possible"
    assert window.status.values["step"] == "step 0"
    assert window.status.values["speed"] == "paused"


def test_messages_warnings_and_read_outs_are_chinese(classroom, qtbot):
    window = classroom
    controller = window.controller
    messages = []
    controller.errorOccurred.connect(messages.append)
    controller.rewind(1)  # nothing to rewind yet: said in the status bar, in English
    assert window.statusBar().currentMessage() == "Nothing to rewind"
    switch(window, "zh_CN")
    assert english_words(window.statusBar().currentMessage(), set()) == []
    messages.clear()
    controller.rewind(1)
    controller.update()  # no backward pass
    assert_chinese(messages, "controller messages")
    assert_chinese([window.statusBar().currentMessage()], "status message")
    # a typed learning rate that is not a number
    box = window.training_panel.controls["learning_rate"].widget
    box.lineEdit().setText("abc")
    box.lineEdit().editingFinished.emit()
    error = window.training_panel.controls["learning_rate"].error_label.text()
    assert "abc" in error and "1e-06" in error
    assert english_words(error.replace("abc", ""), set()) == [] and CJK.search(error)
    for _ in range(3):
        controller.step()
    text, _step = window.loss_curve.values_at(1)
    assert_chinese(text.splitlines(), "loss curve read-out")
    assert_chinese([window.step_toolbar.phase_label.text()], "phase line")
    controller.forward()
    assert_chinese([window.step_toolbar.phase_label.text()], "phase line after Forward")
    switch(window, "en")
    assert window.loss_curve.values_at(1)[0].startswith("step 1\ntrain data loss ")
    assert window.step_toolbar.phase_label.text().startswith(
        "forward done · next: <b>Backward</b> · batch: all ")
    switch(window, "zh_CN")
    # the η·L2 warning and the regression hint follow the language
    assert controller.set_training_settings(learning_rate=1.0, l2=2.0)
    warning = window.training_panel.warning
    assert_chinese([warning.text()], "η·L2 warning")
    assert controller.set_data_settings(task="regression", preset="plane")
    assert_chinese([window.draw_toolbar.hint.text()], "regression hint")
    switch(window, "en")
    assert warning.text().startswith("η·L2 = 2 ≥ 2 for SGD: weight decay alone")
    assert window.draw_toolbar.hint.text() == "click adds target +1, right click −1"
    assert manager().language == "en"


def test_qt_file_dialogs_and_the_locks_dialog_have_no_english_in_chinese(window):
    """Issue 13 item 7: "Look in:" / "Files of type:" stayed English in Qt's file dialogs (the
    bundled qtbase catalogue lacks Qt 6's "&Look in:"), and the locks dialog listed the
    strip's object name."""
    from gui.common.qt_texts import QT_OWN_TEXTS

    switch(window, "zh_CN")
    try:
        dialog = QtWidgets.QFileDialog(window, "x")
        dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
        labels = [label.text() for label in dialog.findChildren(QtWidgets.QLabel)
                  if label.text()]
        assert labels
        assert_chinese([text.replace("&", "") for text in labels], "file dialog labels")
        for context, source in QT_OWN_TEXTS:
            assert CJK.search(QtWidgets.QApplication.translate(context, source)), source
        _views, _settings, panels = window.student_mode._choices()
        assert_chinese([shown for name, shown in panels if name == "settingsStrip"],
                       "locks dialog panels")
    finally:
        switch(window, "en")
