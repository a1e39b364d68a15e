"""Code names shown as values are translated (issue 13, item 9): a sentence that shows an
activation, loss or optimizer uses the name its combo box shows (gui.common.display_names),
never the engine's code ("输出：linear" → "输出：线性")."""

import re

import pytest
from PySide6 import QtWidgets

from core.divergence import PARAM_LIMIT, Divergence
from gui.app_window.divergence_banner import ModelFacts, divergence_advice
from gui.app_window.recording import caption_for
from gui.common.display_names import display_name
from gui.common.i18n import manager
from gui.surface.surface_view import race_name

#: Engine codes that have a different display name (tanh, sigmoid, softmax have none).
CODES = re.compile(r"\b(linear|mse|bce|cross_entropy|leaky_relu|relu|sgd|momentum|adam)\b")


@pytest.fixture
def chinese():
    manager().set_language("zh_CN")
    yield
    manager().set_language("en")


def switch(window, code: str) -> None:
    window.language_menu.actions[code].trigger()
    QtWidgets.QApplication.processEvents()


def test_network_panel_names_output_and_loss_as_the_combo_boxes_do(window):
    controller = window.controller
    label = window.network_panel.output_label
    switch(window, "zh_CN")
    try:
        shown = {}
        for name, settings in (("line", dict(task="regression", preset="line")),
                               ("circle", dict(task="classification", preset="circle")),
                               ("blobs", dict(task="classification", preset="blobs"))):
            assert controller.set_data_settings(**settings)
            QtWidgets.QApplication.processEvents()
            shown[name] = label.text()
    finally:
        switch(window, "en")
    assert shown["line"] == "输出：线性 · 损失：均方误差"
    assert "二元交叉熵" in shown["circle"] and "sigmoid" in shown["circle"]
    assert "交叉熵" in shown["blobs"] and "softmax" in shown["blobs"]
    for text in shown.values():
        assert not CODES.search(text), text
    assert label.text() == "Output: softmax · loss: cross-entropy"  # English again


def test_the_loss_combo_and_the_output_text_agree(window):
    """One owner: the loss box's item for "mse" and the output text use the same name."""
    switch(window, "zh_CN")
    try:
        assert window.controller.set_data_settings(task="regression", preset="line")
        QtWidgets.QApplication.processEvents()
        combo = window.network_panel.controls["loss_override"].widget
        item = combo.itemText(combo.findData("mse"))
        text = window.network_panel.output_label.text()
    finally:
        switch(window, "en")
    assert item == "均方误差" and item in text


def test_values_inside_sentences_use_display_names(qapp, chinese):
    assert display_name("linear") == "线性"
    assert display_name("bce") == "二元交叉熵"
    assert display_name("tanh") == "tanh"
    assert race_name("momentum") == display_name("momentum") == "动量法"
    facts = ModelFacts(learning_rate=1.0, l2=0.0, optimizer="sgd", hyper={}, clip_norm=0.0,
                       hidden_activations=("leaky_relu", "relu"))
    advice = divergence_advice(Divergence(3, "update", PARAM_LIMIT, layer=1, value=2e10), facts)
    bounded = [line for line in advice if "tanh" in line]
    assert bounded and "leaky ReLU, ReLU" in bounded[0] and not CODES.search(bounded[0])


def test_the_animation_caption_names_the_settings(window, chinese):
    controller = window.controller
    assert controller.set_network_settings(activation="relu")
    assert controller.set_training_settings(optimizer="momentum")
    caption = caption_for(controller)
    assert "圆形" in caption and "ReLU" in caption and "动量法" in caption
    assert not re.search(r"\b(circle|relu|momentum)\b", caption), caption


def test_generated_classes_are_named_in_the_current_language_everywhere(window, chinese):
    """One rule (gui.common.display_names.class_name): the metrics view said "class 0" where
    the canvas legend said 类别 0."""
    from gui.common.display_names import class_name

    session = window.controller.session
    assert session.class_names is None  # generated data: no imported names
    assert class_name(session, 0) == "类别 0"
    window.workspaces.apply("evaluate")
    view = window.views["metrics"]
    window.controller.run_steps(1)  # a redraw of the shown view
    QtWidgets.QApplication.processEvents()
    assert view.names[:2] == ["类别 0", "类别 1"]
