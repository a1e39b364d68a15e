"""The network diagram's batch-norm stages: one "BN" marker per hidden neuron when batch norm
is on, none when off; hovering one gives the engine's μ, σ², γ, β and running statistics with
the steps they were measured at."""

from __future__ import annotations

import pytest

from PySide6 import QtCore

from gui.diagram import items
from gui.diagram.view import hover_text
from tests.gui.shown_views import shown_diagram


@pytest.fixture
def diagram(qtbot):
    view, controller = shown_diagram(qtbot)
    controller.set_training_settings(batch_size=16)
    controller.set_network_settings(batch_norm=True)
    view.redraw()
    return view, controller


def _stages(view):
    return [item for item in view.scene.items() if isinstance(item, items.BatchNormItem)]


def _g(value) -> str:
    return f"{value:.6g}"


def test_one_stage_per_hidden_neuron_and_none_without_batch_norm(diagram):
    view, controller = diagram
    net = controller.trainer.net
    assert {(s.layer, s.unit) for s in _stages(view)} == {
        (l, i) for l in range(net.n_hidden) for i in range(net.layer_sizes[l + 1])}
    stage = view.bn_stages[1][3]
    node = view.nodes[2][3]
    assert stage.mapRectToScene(stage.rect()).right() < node.rect().left()  # left of it
    controller.set_network_settings(batch_norm=False)
    view.redraw()
    assert _stages(view) == [] and view.bn_stages == []


def test_hovering_a_stage_picks_it_and_shows_the_engines_numbers(diagram):
    view, controller = diagram
    stage = view.bn_stages[0][2]
    point = view.view.mapFromScene(stage.sceneBoundingRect().center())
    assert view.view.target_at(point) == ("bn", stage)
    controller.run_steps(2)
    controller.forward()  # mid-step 3: μ, σ² of step 3's batch, running stats updated by it
    trainer = controller.trainer
    net, fp = trainer.net, trainer.last_forward
    text = hover_text(view, ("bn", stage))
    assert f"mini-batch of step 3: μ = {_g(fp.bn_mean[0][2])}, σ² = {_g(fp.bn_var[0][2])}" \
        in text
    assert f"γ = {_g(net.bn_gamma[0][2])}, β = {_g(net.bn_beta[0][2])} (after step 2)" in text
    assert (f"running_mean = {_g(net.bn_running_mean[0][2])}, "
            f"running_var = {_g(net.bn_running_var[0][2])} (after the batch of step 3") in text
    controller.backward()
    controller.update()
    text = hover_text(view, ("bn", stage))
    assert f"γ = {_g(net.bn_gamma[0][2])}, β = {_g(net.bn_beta[0][2])} (after step 3)" in text


def test_before_any_step_the_stage_says_there_is_no_batch(diagram):
    view, _ = diagram
    text = hover_text(view, ("bn", view.bn_stages[1][0]))
    assert "no mini-batch" in text and "initial values" in text
    assert "running_mean = 0, running_var = 1" in text


def test_clicking_a_stage_selects_its_gamma(diagram, qtbot):
    view, _ = diagram
    stage = view.bn_stages[1][5]
    point = view.view.mapFromScene(stage.sceneBoundingRect().center())
    with qtbot.waitSignal(view.parameterClicked) as blocker:
        qtbot.mouseClick(view.view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [(1, "gamma", 5, 0)]


def test_the_bn_marker_grows_with_the_presenter_font_scale(diagram):
    """Presenter mode scales the diagram's values by its font scale; the "BN" marker and its
    box follow (its 7 px text was unreadable at 2x), the text inside its box, the box left of
    its neuron; leaving presenter size brings the normal marker back."""
    from gui.common.themes import DEFAULT_THEME, apply_theme

    view, _controller = diagram
    stage = _stages(view)[0]
    normal = stage.mark.boundingRect().height(), stage.rect().width()
    try:
        apply_theme(view, DEFAULT_THEME, font_scale=2.0)
        view.apply_view_look()
        assert stage.mark.boundingRect().height() >= 1.8 * normal[0]
        assert stage.rect().width() == pytest.approx(2 * normal[1])
        box = stage.sceneBoundingRect()
        assert box.contains(stage.mark.sceneBoundingRect().adjusted(1, 1, -1, -1))
        node = view.nodes[stage.layer + 1][stage.unit]
        assert box.right() <= node.centre.x() - items.NODE_SIZE / 2
    finally:
        apply_theme(view, DEFAULT_THEME)
        view.apply_view_look()
    assert (stage.mark.boundingRect().height(), stage.rect().width()) == normal
