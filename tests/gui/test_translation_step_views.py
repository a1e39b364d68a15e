"""The step-through views in Simplified Chinese: the inspector in every phase, the network
diagram's legend, layer titles, speed box and hover texts, the health warnings, the heatmap
tooltip, the gradient-norm legend and the neuron preview's caption.

Each text is compared with its English rendering: in Chinese it holds no English word (except
the technical terms of ``TERMS``) and exactly the same numbers; switching back to English gives
the English text again, byte for byte.
"""

from __future__ import annotations

import re
import types

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtWidgets

from gui.canvas.overlays import NeuronPreview
from gui.controller import TrainingController
from gui.diagram.view import hover_text
from gui.common.i18n import manager
from gui.charts.gradient_norms import GradientNorms
from gui.diagram.network_diagram import NetworkDiagram
from gui.charts.weight_heatmaps import WeightHeatmaps
from gui.diagram.unit_health import exploding_layers, unit_warnings
from gui.inspector.widget import Inspector
from tests.gui.test_translation_coverage import english_words

#: A number, not the digit of a name such as "beta1" (shown as β₁ in Chinese).
NUMBER = re.compile(r"(?<![A-Za-z_\d.])[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
#: The edge tooltip names the engine's array, e.g. "(net.weights[1][1, 2])": code, not prose.
CODE = re.compile(r"\(net\.(weights|biases)\[[^)]*\)")


def numbers(text: str) -> list[str]:
    """The numbers of a text, sorted (a translation may reorder them)."""
    return sorted(NUMBER.findall(text))


def assert_chinese(zh: str, en: str) -> None:
    """``zh`` is the translation of ``en``: no English word left, the same numbers."""
    assert english_words(zh, set()) == [], zh
    assert re.search(r"[\u4e00-\u9fff]", zh), zh
    assert numbers(zh) == numbers(en), (zh, en)


@pytest.fixture
def language():
    """Switch the application's language; English again afterwards."""
    yield manager().set_language
    manager().set_language("en")


def _shown(qtbot, widget, size):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def diagram_view(qtbot):
    """The network diagram alone, drawn without animation."""
    controller = TrainingController()
    diagram = NetworkDiagram(controller)
    diagram.set_animation_ms(0)
    _shown(qtbot, diagram, (820, 560))
    yield controller, diagram
    controller.shutdown()


@pytest.fixture
def inspector_view(qtbot):
    """The inspector alone (a diagram beside it would redraw and paint at every step and
    language switch, and these tests never look at it)."""
    controller = TrainingController()
    inspector = _shown(qtbot, Inspector(controller), (900, 1000))
    yield controller, inspector
    controller.shutdown()


def inspector_page(inspector) -> tuple[str, str, str, list]:
    QtWidgets.QApplication.processEvents()
    shown = [values.tolist() for values in inspector.shown.values()]
    return inspector.status.text(), inspector.html, inspector.browser.toPlainText(), shown


SETTINGS = [
    ({}, {}, {}),
    ({"optimizer": "adam", "l2": 0.5, "clip_norm": 0.01}, {}, {}),
    ({"optimizer": "momentum", "batch_size": 4}, {}, {}),
    ({}, {"task": "regression", "preset": "sine"}, {"dropout": 0.3}),
    ({"optimizer": "rmsprop"}, {"task": "classification", "preset": "spiral3"}, {}),
    ({}, {"task": "classification", "preset": "spiral3"}, {"loss_override": "mse"}),
    ({}, {}, {"loss_override": "mse", "dropout": 0.3}),
]


@pytest.mark.parametrize("training, data, network", SETTINGS)
def test_inspector_is_chinese_in_every_phase_with_the_same_numbers(inspector_view, language,
                                                                    training, data, network):
    controller, inspector = inspector_view
    controller.set_data_settings(**data)
    controller.set_network_settings(**network)
    controller.set_training_settings(**training)
    phases = [("start", None), ("forward", controller.forward),
              ("backward", controller.backward), ("update", controller.update),
              ("step", controller.step)]
    for phase, action in phases:
        if action is not None:
            action()
        if phase == "forward" and training.get("batch_size"):  # a sample outside the batch
            batch = set(controller.trainer.batch_indices.tolist())
            controller.select_sample(next(i for i in range(controller.trainer.n_train)
                                          if i not in batch))
        en = inspector_page(inspector)
        language("zh_CN")
        zh = inspector_page(inspector)
        assert_chinese(zh[0], en[0])  # "Step 0 · after Forward · next: backward"
        assert_chinese(zh[2], en[2])
        assert zh[3] == en[3], phase  # every array shows the same strings
        assert "前向传播" in zh[2] or phase == "start"
        if phase in ("backward", "update", "step"):
            assert "反向传播" in zh[2]
        language("en")
        assert inspector_page(inspector) == en  # byte-identical English again
    assert english_words(en[2], set())  # the check above can fail: English has such words


def test_inspector_status_and_start_page(inspector_view, language):
    controller, inspector = inspector_view
    language("zh_CN")
    status, _, text, _ = inspector_page(inspector)
    assert status == "第 0 步 · 本步完成 · 下一步：前向传播"
    assert text.startswith("尚未计算")
    assert "（F）" in text and "（B）" in text and "（U）" in text and "（S）" in text
    controller.forward()
    assert inspector_page(inspector)[0] == "第 0 步 · 前向传播之后 · 下一步：反向传播"
    language("en")
    assert inspector_page(inspector)[0] == "Step 0 · after Forward · next: backward"


def diagram_texts(diagram) -> tuple:
    QtWidgets.QApplication.processEvents()
    return (diagram.legend.text(), [h.data(0) for h in diagram.headers], diagram.speed.suffix(),
            diagram.speed.specialValueText(), diagram.speed.toolTip())


def test_diagram_legend_titles_and_speed_box(diagram_view, language):
    controller, diagram = diagram_view
    for action in (None, controller.forward, controller.backward, controller.update):
        if action is not None:
            action()
        en = diagram_texts(diagram)
        language("zh_CN")
        zh = diagram_texts(diagram)
        assert_chinese(zh[0], en[0])
        assert zh[0].endswith("橙色 > 0，蓝色 < 0，线宽 ∝ |值|")
        for title_zh, title_en in zip(zh[1], en[1], strict=True):
            assert_chinese(title_zh, title_en)
        assert zh[1][0] == "a⁰  输入 X₁, X₂" and zh[1][1] == "a¹  第 1 层 · tanh"
        assert zh[2:4] == (" 毫秒/层", "即时")
        assert english_words(zh[4], set()) == [] and "即时" in zh[4]
        language("en")
        assert diagram_texts(diagram) == en
    assert en[1][1] == "a¹  layer 1 · tanh" and en[3] == "instant"
    assert "under neurons" not in en[0]  # after Update: weights, no sample values


def test_gradient_legend_and_sample_legend(diagram_view, language):
    controller, diagram = diagram_view
    controller.forward()
    language("zh_CN")
    assert "神经元下方：样本 #0 的 a" in diagram_texts(diagram)[0]
    controller.backward()
    legend = diagram_texts(diagram)[0]
    assert legend.startswith("连线：∂J/∂W（±") and "神经元下方：δ" in legend


def test_hover_texts_of_neurons_edges_and_biases(diagram_view, language):
    controller, diagram = diagram_view
    for action in (None, controller.forward, controller.backward, controller.update):
        if action is not None:
            action()
        targets = [("node", diagram.nodes[0][1]), ("node", diagram.nodes[1][2]),
                   ("node", diagram.nodes[-1][0]), ("edge", diagram.edges[1][10]),
                   ("bias", diagram.biases[0][3])]
        en = [hover_text(diagram, target) for target in targets]
        language("zh_CN")
        zh = [hover_text(diagram, target) for target in targets]
        for text_zh, text_en in zip(zh, en, strict=True):
            assert_chinese(CODE.sub("", text_zh), CODE.sub("", text_en))
        assert "net.weights[1][1, 2]" in zh[3]  # the engine's array name stays as code
        assert "（输出）" in zh[2] and "输入特征" in zh[0]
        language("en")
        assert [hover_text(diagram, target) for target in targets] == en
    assert "before the last update" in en[3]


def test_unit_health_warnings_in_chinese(language):
    z = np.array([[-5.0, 6.0, 0.1], [-7.0, 8.0, 0.2], [-9.0, 5.0, -0.3]])
    cases = [lambda: unit_warnings([z], [None, np.tanh(z)], ["tanh"]),
             lambda: unit_warnings([z], [None, 1 / (1 + np.exp(-z))], ["sigmoid"]),
             lambda: unit_warnings([z], [None, np.maximum(z, 0.0)], ["relu"]),
             lambda: exploding_layers([1e-3, 1.0], [5.0, 2.0])]
    for case in cases:
        en = [w.text for w in case()]
        assert en
        language("zh_CN")
        zh = [w.text for w in case()]
        language("en")
        for text_zh, text_en in zip(zh, en, strict=True):
            assert_chinese(text_zh, text_en)
        assert [w.text for w in case()] == en
    assert "梯度爆炸" in zh[0]


def test_dead_relu_badge_and_node_tooltip_follow_the_language(diagram_view, language):
    controller, diagram = diagram_view
    controller.set_network_settings(activation="relu")
    controller.trainer.net.biases[0][3] = -100.0
    diagram.redraw()
    badge = diagram.badges[("dead_relu", 0, 3)]
    en_badge, en_node = badge.toolTip(), hover_text(diagram, ("node", diagram.nodes[1][3]))
    assert "Dead ReLU" in en_badge
    language("zh_CN")
    QtWidgets.QApplication.processEvents()
    assert badge.toolTip().startswith("死亡 ReLU：")
    assert_chinese(badge.toolTip(), en_badge)
    assert_chinese(hover_text(diagram, ("node", diagram.nodes[1][3])), en_node)
    language("en")
    QtWidgets.QApplication.processEvents()
    assert badge.toolTip() == en_badge


def test_heatmap_tooltip_and_gradient_norm_legend(qtbot, language, monkeypatch):
    controller = TrainingController()
    heatmaps, norms = WeightHeatmaps(controller), GradientNorms(controller)
    for widget in (heatmaps, norms):
        qtbot.addWidget(widget)
        widget.resize(600, 300)
        widget.show()
        qtbot.waitExposed(widget)
    controller.step()
    norms.redraw()
    heatmaps.redraw()
    shown = []
    monkeypatch.setattr(QtWidgets.QToolTip, "showText",
                        staticmethod(lambda _pos, text, *_args: shown.append(text)))
    cell = heatmaps.boxes[1].mapViewToScene(QtCore.QPointF(2.5, 1.5))

    def texts():
        heatmaps._on_move(cell)
        labels = [label.text for _, label in norms.legend.items]
        return shown[-1], labels

    en = texts()
    language("zh_CN")
    zh = texts()
    assert_chinese(zh[0], en[0])
    assert "单击选中" in zh[0]
    assert zh[1] == ["第 1 层", "第 2 层", "第 3 层"] and en[1] == ["layer 1", "layer 2", "layer 3"]
    language("en")
    assert texts() == en
    controller.shutdown()


def test_neuron_preview_caption(language):
    class Canvas:
        """A stand-in: a plot, its range, the legend's corner, and no overlay bookkeeping."""
        plot_item = pg.PlotItem()
        legend = types.SimpleNamespace(corner="top_right")

        @staticmethod
        def view_range():
            return (-6.0, 6.0), (-6.0, 6.0)

        @staticmethod
        def add_overlay(_overlay):
            pass

    controller = TrainingController()
    preview = NeuronPreview(Canvas())
    preview.show_neuron(controller.session, 0, 1)
    en = preview.caption.toPlainText()
    language("zh_CN")
    preview.show_neuron(controller.session, 0, 1)
    assert preview.caption.toPlainText() == "a⁰[1]（输入特征）" and en == "a⁰[1] (input feature)"
    controller.shutdown()
