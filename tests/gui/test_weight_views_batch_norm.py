"""With batch norm, the weight heatmaps show γ and β (then ∂J/∂γ, ∂J/∂β) beside each hidden
layer's W, hovered and selected like weights; the gradient-norm curves include γ and β."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore

from gui.charts.gradient_norms import GradientNorms
from gui.charts.weight_heatmaps import BN_GAP, WeightHeatmaps
from gui.controller import TrainingController
from tests.gui.shown_views import show


@pytest.fixture
def controller():
    controller = TrainingController()
    controller.set_training_settings(batch_size=16)
    controller.set_network_settings(batch_norm=True)
    return controller


def _show(qtbot, widget, size=(760, 300)):
    return show(qtbot, widget, size, first_redraw=True)


def test_heatmaps_show_gamma_and_beta_then_their_gradients(qtbot, controller, tmp_path):
    view = _show(qtbot, WeightHeatmaps(controller))
    net = controller.trainer.net
    controller.run_steps(3)  # γ and β have moved from 1 and 0
    view.redraw()
    assert len(view.bn_images) == net.n_hidden
    for l, columns in enumerate(view.bn_images):
        for kind, values in (("gamma", net.bn_gamma[l]), ("beta", net.bn_beta[l])):
            image = columns[kind]
            np.testing.assert_array_equal(image.image, values.astype(np.float32)[:, None])
            assert image.levels[1] == pytest.approx(np.abs(values).max(), rel=1e-6)
        assert "γ" in view.titles[l].text and "β" in view.titles[l].text
    assert "γ" not in view.titles[-1].text  # the output layer is never normalized
    controller.forward()
    controller.backward()
    g = controller.trainer.last_gradients
    for l, columns in enumerate(view.bn_images):
        np.testing.assert_array_equal(columns["gamma"].image,
                                      g.bn_gamma[l].astype(np.float32)[:, None])
        np.testing.assert_array_equal(columns["beta"].image,
                                      g.bn_beta[l].astype(np.float32)[:, None])
        assert "∂J/∂γ" in view.titles[l].text
    view.grab().save(f"{tmp_path}/heatmaps_bn.png")


def test_a_gamma_or_beta_cell_is_picked_and_selected(qtbot, controller):
    view = _show(qtbot, WeightHeatmaps(controller))
    box = view.boxes[1]
    n_in = controller.trainer.net.layer_sizes[1]
    for column, kind in enumerate(("gamma", "beta")):
        pos = box.mapViewToScene(QtCore.QPointF(n_in + BN_GAP + column + 0.5, 3.5))
        assert view.parameter_at(pos) == (1, kind, 3, 0)
        assert view.cell_at(pos) is None  # not a weight
    pos = box.mapViewToScene(QtCore.QPointF(2.5, 3.5))
    assert view.parameter_at(pos) == (1, "W", 3, 2) and view.cell_at(pos) == (1, 3, 2)


def test_turning_batch_norm_off_removes_the_columns(qtbot, controller):
    view = _show(qtbot, WeightHeatmaps(controller))
    assert view.bn_images
    controller.set_network_settings(batch_norm=False)
    view.redraw()
    assert view.bn_images == [] and all("γ" not in t.text for t in view.titles)


def test_gradient_norm_curves_include_gamma_and_beta(qtbot, controller):
    view = _show(qtbot, GradientNorms(controller), (500, 300))
    for _ in range(3):
        controller.step()
    g = controller.trainer.last_gradients
    for l, curve in enumerate(view.curves):
        _, y = curve.getOriginalDataset()
        expected = np.vdot(g.weights[l], g.weights[l]) + np.vdot(g.biases[l], g.biases[l])
        if l < len(g.bn_gamma):
            expected += np.vdot(g.bn_gamma[l], g.bn_gamma[l]) + np.vdot(g.bn_beta[l],
                                                                          g.bn_beta[l])
        assert y[-1] == pytest.approx(np.sqrt(expected), rel=1e-12)
    names = [curve.opts["name"] for curve in view.curves]
    assert "γ" in names[0] and "γ" in names[1] and "γ" not in names[2]  # the output layer
