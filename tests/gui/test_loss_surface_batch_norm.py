"""The loss-surface dock with batch norm: it draws (no refusal), its current point is the
engine's parameters, its parameter lists name γ and β, and selecting γ in another view makes
it an axis."""

from __future__ import annotations

import numpy as np
import pytest

from core.loss_surface import FLOAT32_RTOL
from core.losses import loss_value
from core.parameters import ParamRef
from gui.controller import TrainingController
from gui.surface.dock import LossSurfacePresenter


@pytest.fixture
def presenter(qtbot):
    controller = TrainingController()
    controller.set_training_settings(batch_size=16)
    controller.set_network_settings(batch_norm=True)
    for _ in range(10):
        controller.trainer.step()
    made = LossSurfacePresenter(controller)
    made.controls.auto_spin.setValue(0)
    qtbot.addWidget(made.view)
    made.view.resize(640, 560)
    made.view.show()
    qtbot.waitExposed(made.view)
    yield made
    made.shutdown()


def wait_for_surface(qtbot, presenter, timeout=30_000):
    qtbot.waitUntil(lambda: presenter.update is not None and not presenter.update.preview
                    and not presenter.surface_runner.busy, timeout=timeout)


def test_the_surface_is_drawn_with_batch_norm_at_the_engines_point(qtbot, presenter):
    wait_for_surface(qtbot, presenter)
    controller = presenter.controller
    net = controller.trainer.net
    sizes = net.layer_sizes
    assert presenter.view.plot.image.isVisible()
    first, second = presenter.update.plane.indices
    assert first == ParamRef(2, "W", 0, 0).flat_index(sizes, True)  # W³[0, 0], not a shifted γ
    assert presenter.view.plot.current_position == (net.weights[2][0, 0], net.weights[2][0, 1])
    labels = [presenter.controls.first_combo.itemText(k)
              for k in range(presenter.controls.first_combo.count())]
    assert len(labels) == net.n_params and "γ¹[0]" in labels and "β²[7]" in labels
    # the grid point at the current parameters is the network's evaluation loss (running stats)
    plane = presenter.update.plane
    result = presenter.update.surface
    alphas, betas = result.alphas, result.betas
    a0, b0 = plane.project(net.get_params())
    i, j = int(np.argmin(np.abs(alphas - a0))), int(np.argmin(np.abs(betas - b0)))
    twin = net.copy()
    twin.set_params(plane.point(alphas[i], betas[j]))
    fp = twin.forward(controller.session.X_train)
    expected = loss_value(controller.session.loss, fp.pre_activations[-1], fp.output,
                          controller.session.y_train)
    assert result.dtype == "float32"  # the dock's speed setting; core tests float64 at 1e-12
    assert result.data_loss[j, i] == pytest.approx(expected, rel=FLOAT32_RTOL)


def test_selecting_gamma_makes_it_the_horizontal_axis(qtbot, presenter):
    wait_for_surface(qtbot, presenter)
    sizes = presenter.controller.trainer.net.layer_sizes
    old_first = presenter.controls.parameters()[0]
    presenter.controller.select_parameter((1, "gamma", 2, 0))
    expected = ParamRef(1, "gamma", 2).flat_index(sizes, True)
    assert presenter.controls.parameters() == (expected, old_first)
    qtbot.waitUntil(lambda: presenter.update is not None
                    and presenter.update.plane.indices == (expected, old_first)
                    and not presenter.surface_runner.busy, timeout=30_000)
    assert presenter.view.plot.getPlotItem().getAxis("bottom").labelText == "γ²[2]"
