"""The weight-decay warning of the Training panel and the divergence banner follow each
optimizer's own stability bound on η·λ (core.optimizers.weight_decay_stability)."""

from __future__ import annotations

import pytest

from core import divergence as codes
from core.divergence import Divergence
from core.settings import TrainingSettings
from gui.app_window.divergence_banner import (
    ModelFacts,
    divergence_advice,
    suggested_learning_rate,
)
from gui.panels.training_panel import TrainingPanel
from tests.waiting import PATIENCE_MS


@pytest.fixture
def panel(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def shown_warning(panel, **settings) -> str:
    panel.show_settings(TrainingSettings(**settings))
    return panel.warning.text() if panel.warning.isVisible() else ""


def test_nesterov_eta_015_l2_10_warns_with_its_own_bound(panel):
    text = shown_warning(panel, optimizer="nesterov", learning_rate=0.15, l2=10.0, momentum=0.9)
    # 2(1 + 0.9)/(1 + 1.8) = 3.8/2.8 = 1.357; 1.357/10 = 0.1357
    assert text.startswith("η·L2 = 1.5 ≥ 2(1 + μ)/(1 + 2μ) = 1.357 for Nesterov (μ = 0.9):")
    assert "below 0.1357" in text


def test_momentum_at_product_2_5_does_not_warn_and_warns_past_2_1_plus_mu(panel):
    assert shown_warning(panel, optimizer="momentum", learning_rate=0.25, l2=10.0) == ""
    text = shown_warning(panel, optimizer="momentum", learning_rate=0.4, l2=10.0, momentum=0.9)
    assert text.startswith("η·L2 = 4 ≥ 2(1 + μ) = 3.8 for momentum (μ = 0.9):")


@pytest.mark.parametrize("optimizer", ["adam", "rmsprop"])
def test_adam_and_rmsprop_get_no_eta_lambda_alarm(panel, optimizer):
    for eta in (0.25, 1.0, 10.0):
        assert shown_warning(panel, optimizer=optimizer, learning_rate=eta, l2=10.0) == ""


def test_sgd_keeps_the_bound_2(panel):
    assert shown_warning(panel, optimizer="sgd", learning_rate=0.19, l2=10.0) == ""
    text = shown_warning(panel, optimizer="sgd", learning_rate=0.25, l2=10.0)
    assert text.startswith("η·L2 = 2.5 ≥ 2 for SGD:") and "below 0.2" in text


def test_banner_advice_uses_the_optimizers_bound():
    diverged = Divergence(88, "update", codes.PARAM_LIMIT, layer=1, value=1e11)

    def advice(rate, optimizer, hyper):
        return divergence_advice(diverged, ModelFacts(rate, 10.0, 0.0, ("tanh",), optimizer,
                                                      hyper))

    nesterov = advice(0.15, "nesterov", {"momentum": 0.9})
    assert any("η·λ must stay below 2(1 + μ)/(1 + 2μ) = 1.357 for Nesterov (μ = 0.9) "
               "(now 0.15 × 10 = 1.5)" in line for line in nesterov)
    momentum = advice(0.25, "momentum", {"momentum": 0.9})
    assert not any("η·λ" in line for line in momentum)
    adam = advice(1.0, "adam", {})
    assert not any("η·λ" in line for line in adam)
    # the suggestion keeps ηλ at half the bound: 3.8/(2·100) = 0.019 for momentum, μ = 0.9
    assert suggested_learning_rate(1.0, 100.0, "momentum", {"momentum": 0.9}) == \
        pytest.approx(0.019)
    assert suggested_learning_rate(1.0, 100.0, "adam", {}) == pytest.approx(0.1)  # η/10
    assert suggested_learning_rate(1.0, 100.0) == pytest.approx(0.01)  # SGD: 1/λ


def test_nesterov_run_that_the_panel_warns_about_diverges(qtbot, window):
    controller = window.controller
    assert controller.set_training_settings(optimizer="nesterov", momentum=0.9,
                                            learning_rate=0.15, l2=10.0)
    warning = window.training_panel.warning
    assert warning.isVisible() and "Nesterov" in warning.text()
    controller.play()
    qtbot.waitUntil(lambda: controller.divergence is not None, timeout=PATIENCE_MS)
    assert window.banner.isVisible()
    assert "for Nesterov (μ = 0.9)" in window.banner.whole_text()


def test_the_panel_shows_exactly_the_table_settings_of_each_optimizer(panel):
    from core.optimizers import HYPER_SETTINGS, OPTIMIZER_HYPER

    for name, hypers in OPTIMIZER_HYPER.items():
        panel.show_settings(TrainingSettings(optimizer=name))
        shown = {setting for setting in HYPER_SETTINGS
                 if panel.controls[setting].widget.isVisibleTo(panel)}
        assert shown == {h.setting for h in hypers}, name
