"""Weight/gradient heatmaps, the gradient-norm plot, the input-gradient arrow, the neuron preview,
and the warning rules behind the diagram's badges."""

from __future__ import annotations

import numpy as np
import pytest

from gui.canvas.data_canvas import DataCanvas
from gui.canvas.overlays import InputGradientArrow, NeuronPreview, raw_input_gradient
from gui.charts.gradient_norms import GradientNorms
from gui.charts.weight_heatmaps import WeightHeatmaps
from gui.controller import TrainingController
from gui.diagram.unit_health import exploding_layers, unit_warnings
from tests.gui.shown_views import show


@pytest.fixture
def controller():
    return TrainingController()


def _show(qtbot, widget, size=(700, 280)):
    return show(qtbot, widget, size, first_redraw=getattr(widget, "gate", None) is not None)


def test_heatmaps_show_weights_then_gradients_with_symmetric_levels(qtbot, controller, tmp_path):
    view = _show(qtbot, WeightHeatmaps(controller))
    net = controller.trainer.net
    assert len(view.images) == net.n_layers
    for image, W in zip(view.images, net.weights, strict=True):
        assert image.image.shape == W.shape  # rows = neurons out, columns = in
        np.testing.assert_array_equal(image.image, W.astype(np.float32))
        low, high = image.levels
        assert low == -high == -np.abs(W).max()
    controller.forward()
    controller.backward()
    assert view.mode == "gradients"
    g = controller.trainer.last_gradients
    for image, dW in zip(view.images, g.weights, strict=True):
        np.testing.assert_array_equal(image.image, dW.astype(np.float32))
        assert image.levels[1] == pytest.approx(np.abs(dW).max(), rel=1e-6)
    view.grab().save(f"{tmp_path}/heatmaps_backward.png")
    controller.update()
    assert view.mode == "weights"


def test_all_zero_weights_are_titled_0_not_the_level_floor(qtbot, controller, tmp_path):
    """init = "zeros": each title gives the true largest |W| (0); only the image levels are
    floored (an image needs levels of non-zero width)."""
    assert controller.set_network_settings(init="zeros")
    view = _show(qtbot, WeightHeatmaps(controller))
    view.redraw()
    titles = [title.text for title in view.titles]
    assert len(titles) == controller.trainer.net.n_layers
    for title in titles:
        assert title.endswith("±0") and "e-12" not in title, title
    assert all(image.levels[1] > 0 for image in view.images)
    controller.forward()
    controller.backward()  # ∂J/∂W = 0 too: every hidden a is tanh(0) = 0
    assert view.mode == "gradients"
    assert all(t.text.startswith("∂J/∂W") and t.text.endswith("±0") for t in view.titles)
    view.grab().save(f"{tmp_path}/heatmaps_zeros.png")


def test_heatmap_cell_under_the_pointer_is_the_matrix_element(qtbot, controller):
    view = _show(qtbot, WeightHeatmaps(controller))
    box = view.boxes[1]
    for i, j in ((0, 0), (5, 2), (7, 7)):
        scene_pos = box.mapViewToScene(pg_point(j + 0.5, i + 0.5))
        assert view.cell_at(scene_pos) == (1, i, j)


def pg_point(x, y):
    from PySide6 import QtCore

    return QtCore.QPointF(x, y)


def test_constant_and_nan_matrices_do_not_raise(qtbot, controller):
    view = _show(qtbot, WeightHeatmaps(controller))
    controller.trainer.net.weights[0][...] = 0.0
    controller.trainer.net.weights[1][0, 0] = np.nan
    view.redraw()
    assert view.images[0].levels[1] > 0


def test_gradient_norm_curves_follow_the_history(qtbot, controller, tmp_path):
    view = _show(qtbot, GradientNorms(controller), (500, 300))
    for _ in range(5):
        controller.step()
    assert len(view.curves) == 3
    norms = controller.trainer.grad_norm_history.arrays()["norms"]
    for l, curve in enumerate(view.curves):
        x, y = curve.getOriginalDataset()
        np.testing.assert_array_equal(y, norms[:, l])
    assert view.plot_item.ctrl.logYCheck.isChecked()
    controller.set_network_settings(hidden_sizes=(4, 4, 4))
    assert len(view.curves) == 4
    view.grab().save(f"{tmp_path}/gradient_norms.png")


def test_input_gradient_matches_central_differences_through_features():
    from core.session import Session

    session = Session()
    session.set_data_settings(features=("x1", "x2", "x1^2", "x1*x2", "sin(x2)"))
    for _ in range(20):
        session.trainer.step()
    point = np.array([1.3, -0.7])
    gradient, k = raw_input_gradient(session, point)
    h = 1e-6
    numeric = []
    for axis in range(2):
        step = np.zeros(2)
        step[axis] = h
        up = session.predict_raw((point + step)[None])[0, k]
        down = session.predict_raw((point - step)[None])[0, k]
        numeric.append((up - down) / (2 * h))
    np.testing.assert_allclose(gradient, numeric, rtol=1e-6, atol=1e-10)


def test_arrow_points_along_the_gradient_and_preview_shows_a_neuron(qtbot, controller):
    canvas = _show(qtbot, DataCanvas(), (500, 500))
    arrow = InputGradientArrow(canvas)
    preview = NeuronPreview(canvas)
    session = controller.session
    for _ in range(30):
        controller.step()
    point = session.points.X[session.train_indices[0]]
    arrow.update(session, point)
    x, y = arrow.shaft.getData()
    direction = np.array([x[1] - x[0], y[1] - y[0]])
    cosine = direction @ arrow.gradient / (np.linalg.norm(direction)
                                           * np.linalg.norm(arrow.gradient))
    assert cosine == pytest.approx(1.0, abs=1e-9)
    assert arrow.head.isVisible()
    arrow.update(session, None)
    assert not arrow.shaft.isVisible()
    preview.show_neuron(session, 1, 2)
    assert preview.image.isVisible() and preview.shown == (1, 2)
    preview.show_neuron(session, -1, -1)
    assert not preview.image.isVisible()


def test_warning_rules_saturation_and_exploding():
    rng = np.random.default_rng(0)
    z_saturated = np.column_stack([rng.normal(0, 1, 100), 5.0 + rng.random(100)])
    z_saturated[:5, 1] = 0.0  # 95% beyond |z| = 4: still saturated
    warnings = unit_warnings([z_saturated], [None, np.tanh(z_saturated)], ["tanh"])
    assert [(w.kind, w.layer, w.unit) for w in warnings] == [("saturated", 0, 1)]
    z_saturated[:15, 1] = 0.0  # 85%: not saturated
    assert unit_warnings([z_saturated], [None, np.tanh(z_saturated)], ["tanh"]) == []
    exploding = exploding_layers([1e-3, 2.0, 1.0], [2.0, 3.0, 1.1e3])
    assert [(w.kind, w.layer) for w in exploding] == [("exploding", 0), ("exploding", 2)]
    assert exploding_layers(None, [1.0]) == []
