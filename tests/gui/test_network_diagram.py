"""The network diagram: one item per parameter, styling by sign and |value|, phases, warnings,
picking and thumbnails — checked against the engine's arrays."""

from __future__ import annotations

import os
import re

import numpy as np
import pytest
from PySide6 import QtCore

from gui.diagram import items
from gui.diagram.view import hover_text
from tests.gui.shown_views import shown_diagram
from tests.waiting import PATIENCE_MS


@pytest.fixture
def diagram(qtbot):
    return shown_diagram(qtbot)


def _scene_items(view, cls):
    return [item for item in view.scene.items() if isinstance(item, cls)]


def _expected_style(value, scale):
    """Independent statement of the rule: orange for w > 0, blue for w < 0, grey for 0 (the
    colour's dominant channel); width linear in |value|/scale."""
    t = min(abs(value) / scale, 1.0)
    hue = "orange" if value > 0 else "blue" if value < 0 else "grey"
    return hue, items.MIN_WIDTH + (items.MAX_WIDTH - items.MIN_WIDTH) * t


def _hue(colour) -> str:
    r, b = colour.red(), colour.blue()
    return "orange" if r > b + 40 else "blue" if b > r + 40 else "grey"


@pytest.mark.parametrize("hidden", [(8, 8), (3,), ()])
def test_diagram_has_one_edge_per_weight_and_one_marker_per_bias(diagram, hidden):
    view, controller = diagram
    controller.set_network_settings(hidden_sizes=hidden)
    net = controller.trainer.net
    edges = _scene_items(view, items.EdgeItem)
    markers = _scene_items(view, items.BiasItem)
    assert len(edges) == sum(w.size for w in net.weights)
    assert len(markers) == sum(b.size for b in net.biases)  # the output bias included
    assert {e.parameter for e in edges} == {
        (l, "W", i, j) for l, w in enumerate(net.weights) for i in range(w.shape[0])
        for j in range(w.shape[1])}
    assert {m.parameter for m in markers} == {
        (l, "b", i, 0) for l, b in enumerate(net.biases) for i in range(b.size)}
    # Rebuilding for another architecture did not leave stale items behind.
    controller.set_network_settings(hidden_sizes=(2,))
    assert len(_scene_items(view, items.EdgeItem)) == 2 * 2 + 2 * 1


def test_edge_colour_and_width_follow_weights_after_update(diagram):
    view, controller = diagram
    controller.set_training_settings(learning_rate=3.0)  # big steps: widths visibly change
    before = [e.pen().widthF() for layer in view.edges for e in layer]
    controller.forward()
    controller.backward()
    controller.update()
    net = controller.trainer.net
    scale = max(np.abs(w).max() for w in net.weights)  # edges: one symmetric scale
    bias_scale = max(np.abs(b).max() for b in net.biases)  # markers: their own
    for l, layer in enumerate(view.edges):
        for edge in layer:
            _, _, i, j = edge.parameter
            hue, width = _expected_style(net.weights[l][i, j], scale)
            assert _hue(edge.pen().color()) == hue
            assert edge.pen().widthF() == pytest.approx(width, abs=0.0625)
    after = [e.pen().widthF() for layer in view.edges for e in layer]
    assert not np.allclose(before, after)
    for l, markers in enumerate(view.biases):
        for marker in markers:
            value = net.biases[l][marker.parameter[2]]
            assert _hue(marker.brush().color()) == _expected_style(value, bias_scale)[0]
            radius = marker.rect().width() / 2
            t = abs(value) / bias_scale
            assert radius == pytest.approx(
                items.BIAS_MIN_RADIUS + (items.BIAS_MAX_RADIUS - items.BIAS_MIN_RADIUS) * t)


def test_backward_colours_edges_by_gradient_and_writes_deltas(diagram):
    view, controller = diagram
    controller.forward()
    assert view.mode == "weights"
    assert view.nodes[1][0].label.text() == \
        f"{controller.trainer.last_forward.activations[1][0, 0]:.3g}"
    controller.backward()
    g = controller.trainer.last_gradients
    assert view.mode == "gradients"
    scale = max(np.abs(a).max() for a in g.weights)
    edge = view.edges[2][3]
    hue, width = _expected_style(g.weights[2][0, 3], scale)
    assert (_hue(edge.pen().color()), edge.pen().widthF()) == (hue, pytest.approx(width,
                                                                                  abs=0.0625))
    assert view.nodes[3][0].label.text() == f"δ {g.deltas[2][0, 0]:.3g}"


def test_phase_animation_lights_layers_in_order_and_runs_backward_from_output(diagram, qtbot):
    view, controller = diagram
    view.set_animation_ms(40)
    controller.forward()
    assert view._kind == "forward"
    view._apply(0.0)
    assert [view.nodes[k][0].lit for k in range(4)] == [True, False, False, False]
    view._apply(2.0)
    assert [view.nodes[k][0].lit for k in range(4)] == [True, True, True, False]
    qtbot.waitUntil(lambda: view._kind is None, timeout=PATIENCE_MS)
    assert all(node.lit for column in view.nodes for node in column)
    controller.backward()
    assert view._kind == "backward"
    view._apply(0.0)  # only the output has its δ yet
    assert view.nodes[3][0].label.text().startswith("δ")
    assert not view.nodes[1][0].label.text().startswith("δ")
    qtbot.waitUntil(lambda: view._kind is None, timeout=PATIENCE_MS)
    assert view.nodes[1][0].label.text().startswith("δ")


def test_update_animation_starts_from_the_old_weights(diagram, qtbot):
    view, controller = diagram
    controller.set_training_settings(learning_rate=3.0)
    controller.forward()
    controller.backward()
    view.set_animation_ms(60)
    controller.update()
    record = controller.trainer.last_update
    old = record.old_params[0::2]
    view._apply(0.0)
    edge = view.edges[0][0]
    assert edge.value == old[0][0, 0]
    qtbot.waitUntil(lambda: view._kind is None, timeout=PATIENCE_MS)
    assert edge.value == controller.trainer.net.weights[0][0, 0]


def test_dead_relu_warning_appears_for_unit_with_bias_minus_100(diagram):
    view, controller = diagram
    controller.set_network_settings(activation="relu")
    assert [w for w in view.visible_warnings() if w.kind == "dead_relu"] == []
    controller.trainer.net.biases[0][3] = -100.0
    view.redraw()
    dead = [w for w in view.visible_warnings() if w.kind == "dead_relu"]
    assert [(w.layer, w.unit) for w in dead] == [(0, 3)]
    badge = view.badges[("dead_relu", 0, 3)]
    assert badge.isVisible() and "Dead ReLU" in badge.text
    assert "Dead ReLU" in hover_text(view, ("node", view.nodes[1][3]))
    controller.trainer.net.biases[0][3] = 0.0
    view.redraw()
    assert not badge.isVisible()


def test_hover_text_shows_the_live_weight(diagram):
    view, controller = diagram
    edge = view.edges[1][10]
    _, _, i, j = edge.parameter
    assert f"{controller.trainer.net.weights[1][i, j]:.6g}" in hover_text(view, ("edge", edge))
    controller.set_training_settings(learning_rate=1.0)
    controller.step()
    text = hover_text(view, ("edge", edge))
    assert f"{controller.trainer.net.weights[1][i, j]:.6g}" in text
    assert "W²[1, 2]" in text and "net.weights[1][1, 2]" in text


def test_clicking_an_edge_or_bias_selects_that_parameter(diagram, qtbot):
    view, _ = diagram
    edge = view.edges[2][5]
    middle = view.view.mapFromScene(edge.line().center())
    with qtbot.waitSignal(view.parameterClicked) as blocker:
        qtbot.mouseClick(view.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=middle)
    assert blocker.args == [(2, "W", 0, 5)]
    marker = view.biases[0][4]
    with qtbot.waitSignal(view.parameterClicked) as blocker:
        qtbot.mouseClick(view.view.viewport(), QtCore.Qt.MouseButton.LeftButton,
                         pos=view.view.mapFromScene(marker.centre))
    assert blocker.args == [(0, "b", 4, 0)]
    node = view.nodes[2][6]
    with qtbot.waitSignal(view.neuronClicked) as blocker:
        qtbot.mouseClick(view.view.viewport(), QtCore.Qt.MouseButton.LeftButton,
                         pos=view.view.mapFromScene(node.centre))
    assert blocker.args == [2, 6]


def test_thumbnails_have_positive_y_up(diagram):
    view, _ = diagram
    image = view.nodes[0][1].thumbnail.pixmap().toImage()  # input x2: grows with y
    top, bottom = image.pixelColor(image.width() // 2, 1), \
        image.pixelColor(image.width() // 2, image.height() - 2)
    assert top.red() > top.blue()          # orange: positive x2 at the top
    assert bottom.blue() > bottom.red()    # blue: negative x2 at the bottom


def test_screenshots_of_each_phase(diagram, tmp_path):
    view, controller = diagram
    controller.select_parameter((1, "W", 2, 3))
    for phase, action in (("forward", controller.forward), ("backward", controller.backward),
                          ("update", controller.update)):
        action()
        path = f"{tmp_path}/diagram_{phase}.png"
        assert view.grab().save(path)
        assert os.path.getsize(path) > 10_000


def test_hovering_a_node_reports_it_and_leaving_clears_it(diagram, qtbot):
    view, _ = diagram
    node = view.nodes[1][2]
    with qtbot.waitSignal(view.nodeHovered) as blocker:
        qtbot.mouseMove(view.view.viewport(), view.view.mapFromScene(node.centre))
    assert blocker.args == [1, 2]
    assert view.view.hovered == ("node", node)
    with qtbot.waitSignal(view.nodeHovered) as blocker:
        qtbot.mouseMove(view.view.viewport(), QtCore.QPoint(2, 2))
    assert blocker.args == [-1, -1]


def test_all_zero_weights_show_a_scale_of_0_not_the_drawing_floor(diagram):
    """init = "zeros": the legend gives the true largest |W|, 0 — not the 1e-12 the drawing
    scale was once floored at; and the edges are still drawn (thin, grey)."""
    view, controller = diagram
    assert controller.set_network_settings(init="zeros")
    view.redraw()
    text = view.legend.text()
    assert "W (±0), dots: b (±0)" in text, text
    assert "e-12" not in text
    widths = {edge.pen().widthF() for layer in view.edges for edge in layer}
    assert widths == {items.MIN_WIDTH}
    controller.forward()
    controller.backward()  # ∂J/∂W = δ aᵀ = 0 (a hidden a is tanh(0) = 0), ∂J/∂b³ ≠ 0
    g = controller.trainer.last_gradients
    assert all(not w.any() for w in g.weights) and g.biases[-1].any()
    text = view.legend.text()
    assert "∂J/∂W (±0)" in text and "e-12" not in text, text


def test_a_dead_relu_shows_delta_0_not_minus_0(diagram):
    """δ of a dead ReLU is (W)ᵀδ × 0: −0.0 when the upstream is negative. It reads "δ 0"."""
    view, controller = diagram
    assert controller.set_network_settings(activation="relu")
    assert controller.set_training_settings(batch_size=32)
    controller.trainer.net.biases[0][3] = -100.0  # unit 3 of layer 1 is dead for every input
    controller.trainer.params_changed()
    controller.forward()
    controller.backward()
    trainer = controller.trainer
    deltas = trainer.last_gradients.deltas[0][:, 3]
    rows = np.flatnonzero((deltas == 0) & np.signbit(deltas))
    assert rows.size, "no negative zero in this batch: nothing tested"
    controller.select_sample(int(trainer.batch_indices[rows[0]]))
    assert view.nodes[1][3].label.text() == "δ 0"
    labels = [node.label.text() for column in view.nodes for node in column]
    assert not [t for t in labels if re.search(r"(^|\s)-0(\.0*)?$", t)], labels


def test_the_selected_weight_or_bias_is_highlighted_and_clearing_clears_it(diagram):
    view, controller = diagram
    line, ring = view.view.selection_line, view.view.selection_ring
    assert not line.isVisible() and not ring.isVisible()
    edge = view.edges[1][10]
    controller.select_parameter(edge.parameter)  # e.g. from the inspector or a heatmap
    view.redraw()
    assert line.isVisible() and not ring.isVisible()
    assert line.line() == edge.line()
    assert line.pen().color().name().upper() == items.HIGHLIGHT_HEX
    assert line.pen().widthF() == edge.pen().widthF() + 2 * items.HIGHLIGHT_PIXELS
    assert line.zValue() < edge.zValue()  # an outline under the edge
    bias = view.biases[0][4]
    controller.select_parameter(bias.parameter)
    view.redraw()
    assert ring.isVisible() and not line.isVisible()
    assert ring.rect().center() == bias.centre
    assert ring.rect().width() > bias.rect().width()
    controller.select_parameter(None)
    view.redraw()
    assert not line.isVisible() and not ring.isVisible()
