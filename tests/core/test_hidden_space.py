"""core.hidden_space: the stages of the input plane through the network, their 2-D projections,
the output's decision line and the blend between stages."""

import numpy as np
import pytest

from core.datasets import Standardizer
from core.hidden_space import hidden_space, plane_grid, session_hidden_space
from core.metrics import predicted_classes
from core.network import BN_EPS, MLP
from core.plane_grid import grid_lines
from core.session import Session
from core.settings import DataSettings, NetworkSettings

RNG = np.random.default_rng(3)


def tiny_net(hidden=(2,), activation="tanh", output="sigmoid", d_out=1, batch_norm=False):
    net = MLP((2, *hidden, d_out), activation=activation, output_activation=output, seed=1,
              batch_norm=batch_norm)
    for W in net.weights:
        W[...] = RNG.normal(0.0, 1.0, W.shape)
    for b in net.biases:
        b[...] = RNG.normal(0.0, 0.5, b.shape)
    return net


def inputs(n=30):
    return grid_lines((-2.0, 2.0, -1.0, 1.0), lines=5, samples=7), RNG.normal(0.0, 1.0, (n, 2))


def test_the_stages_are_wa_plus_b_and_f_by_hand():
    net = tiny_net()
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    assert space.status == "ok"
    assert [(s.kind, s.layer, s.activation) for s in space.stages] == [
        ("input", 0, None), ("linear", 1, None), ("activation", 1, "tanh")]
    W, b = net.weights[0], net.biases[0]
    for values, x in ((space.stages[1].points, points), (space.stages[1].grid, grid)):
        by_hand = np.einsum("ij,...j->...i", W, x) + b  # u = W a + b, sample by sample
        np.testing.assert_allclose(values, by_hand, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(space.stages[2].points, np.tanh(space.stages[1].points))
    np.testing.assert_array_equal(space.stages[2].grid, np.tanh(space.stages[1].grid))
    # width 2 is drawn as it is
    for stage in space.stages:
        assert stage.projection.mode == "identity"
        np.testing.assert_array_equal(stage.points_2d, stage.points)
        np.testing.assert_array_equal(stage.grid_2d, stage.grid)


def test_batch_norm_stages_use_the_running_statistics():
    net = tiny_net(hidden=(3,), activation="relu", batch_norm=True)
    net.bn_running_mean[0][...] = [0.5, -1.0, 2.0]
    net.bn_running_var[0][...] = [4.0, 0.25, 1.0]
    net.bn_gamma[0][...] = [1.5, 0.5, -1.0]
    net.bn_beta[0][...] = [0.1, 0.2, 0.3]
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    kinds = [s.kind for s in space.stages]
    assert kinds == ["input", "linear", "normalized", "activation"]
    u = points @ net.weights[0].T + net.biases[0]
    np.testing.assert_allclose(space.stages[1].points, u, rtol=1e-12)
    z = (net.bn_gamma[0] * (u - net.bn_running_mean[0])
         / np.sqrt(net.bn_running_var[0] + BN_EPS) + net.bn_beta[0])
    np.testing.assert_allclose(space.stages[2].points, z, rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(space.stages[3].points, np.maximum(space.stages[2].points, 0))


def test_pca_explains_the_variance_of_its_stage_and_the_fractions_sum_with_the_rest():
    net = tiny_net(hidden=(4, 2))  # layer 1: width 4, drawn by PCA (not the last layer)
    grid, points = inputs(200)
    space = hidden_space(net, grid, points)
    activation = next(s for s in space.stages if s.kind == "activation" and s.layer == 1)
    assert activation.projection.mode == "pca"
    centered = activation.points - activation.points.mean(axis=0)
    singular = np.linalg.svd(centered, compute_uv=False)
    ratios = singular ** 2 / np.sum(singular ** 2)
    np.testing.assert_allclose(activation.explained, ratios[:2], rtol=1e-9)
    assert activation.explained.sum() + ratios[2:].sum() == pytest.approx(1.0, abs=1e-12)
    # the drawn coordinates are the principal-component scores: uncorrelated, variance λ
    scores = activation.points_2d
    covariance = np.cov(scores.T, bias=True)
    assert abs(covariance[0, 1]) < 1e-9 * covariance[0, 0]
    np.testing.assert_allclose(np.diag(covariance), singular[:2] ** 2 / len(points), rtol=1e-9)
    # the linear stage of the layer shares the basis; its own fractions are below 1 in all
    linear = next(s for s in space.stages if s.kind == "linear" and s.layer == 1)
    np.testing.assert_array_equal(linear.projection.basis, activation.projection.basis)
    assert 0.0 < linear.explained.sum() <= 1.0 + 1e-12


def test_a_layer_of_width_one_is_drawn_on_a_line_with_its_threshold():
    net = tiny_net(hidden=(1,))
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    last = space.stages[-1]
    assert last.width == 1 and last.projection.mode == "line"
    np.testing.assert_array_equal(last.points_2d[:, 0], last.points[:, 0])
    assert np.all(last.points_2d[:, 1] == 0.0) and np.all(last.grid_2d[..., 1] == 0.0)
    line = space.decision_line
    assert line.status == "exact" and line.coefficients[2] == 0.0  # a vertical line
    threshold = -line.coefficients[0] / line.coefficients[1]
    logit = net.weights[1][0, 0] * threshold + net.biases[1][0]
    assert logit == pytest.approx(0.0, abs=1e-12)
    predicted = predicted_classes(net.predict(points))
    assert np.array_equal(line.side(last.points_2d) > 0, predicted == 1)


def test_chosen_neurons_are_the_drawn_axes():
    net = tiny_net(hidden=(5,))
    grid, points = inputs()
    space = hidden_space(net, grid, points, projections={1: (3, 1)})
    last = space.stages[-1]
    assert last.projection.mode == "neurons" and last.projection.neurons == (3, 1)
    np.testing.assert_array_equal(last.points_2d, last.points[:, [3, 1]])
    np.testing.assert_array_equal(last.grid_2d, last.grid[..., [3, 1]])
    assert space.decision_line.status == "slice"
    # the slice: the other neurons held at their mean over the points
    held = last.points.mean(axis=0)
    t = last.points_2d[0]
    a = held.copy()
    a[[3, 1]] = t
    logit = net.weights[1][0] @ a + net.biases[1][0]
    assert space.decision_line.side(t) == pytest.approx(logit, rel=1e-12)


def test_the_last_wide_layer_is_drawn_along_the_output_so_its_line_is_exact():
    net = tiny_net(hidden=(6,))
    grid, points = inputs(100)
    space = hidden_space(net, grid, points)
    last = space.stages[-1]
    assert last.projection.mode == "output" and space.decision_line.status == "exact"
    np.testing.assert_allclose(last.projection.basis.T @ last.projection.basis, np.eye(2),
                               atol=1e-12)
    logits = net.forward(points).pre_activations[-1][:, 0]
    np.testing.assert_allclose(space.decision_line.side(last.points_2d), logits, atol=1e-12)
    pca = hidden_space(net, grid, points, projections={1: "pca"})
    assert pca.stages[-1].projection.mode == "pca" and pca.decision_line.status == "slice"


def test_the_decision_line_of_a_width_two_layer_classifies_the_grid_as_the_network():
    net = tiny_net(output="softmax", d_out=2)
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    line = space.decision_line
    assert line.status == "exact"
    predicted = predicted_classes(net.predict(grid.reshape(-1, 2)))
    side = line.side(space.stages[-1].grid_2d.reshape(-1, 2))
    assert np.array_equal(side > 0, predicted == 1)


def test_no_decision_line_for_regression_or_three_classes():
    assert hidden_space(tiny_net(output="linear"), *inputs()).decision_line.status == \
        "regression"
    three = hidden_space(tiny_net(output="softmax", d_out=3), *inputs())
    assert three.decision_line.status == "multiclass" and three.decision_line.coefficients is None
    with pytest.raises(ValueError, match="no decision line"):
        three.decision_line.side(np.zeros((1, 2)))


def test_interpolation_inside_a_layer_projects_the_blend_of_the_full_vectors():
    net = tiny_net(hidden=(4, 3))
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    k = next(i for i, s in enumerate(space.stages) if s.kind == "linear" and s.layer == 1)
    here, there = space.stages[k], space.stages[k + 1]
    grid_2d, points_2d = space.interpolate(k + 0.25)
    blend = 0.75 * here.points + 0.25 * there.points
    expected = (blend - here.projection.center) @ here.projection.basis
    np.testing.assert_allclose(points_2d, expected, atol=1e-12)
    assert grid_2d.shape == here.grid_2d.shape
    np.testing.assert_array_equal(space.interpolate(len(space.stages) - 1)[1],
                                  space.stages[-1].points_2d)
    for bad in (-0.1, len(space.stages) - 0.9, np.nan):
        with pytest.raises(ValueError, match="t must lie"):
            space.interpolate(bad)


@pytest.mark.parametrize("request_, message", [
    ((0, 0), "two different"), ((0, 5), "two different"), ((-1, 2), "two different"),
    ("tsne", "'pca', 'output'"), ((1,), "two neuron indices")])
def test_bad_neuron_indices_are_refused(request_, message):
    net = tiny_net(hidden=(5,))
    with pytest.raises(ValueError, match=message):
        hidden_space(net, *inputs(), projections={1: request_})


def test_bad_layers_and_shapes_are_refused():
    net = tiny_net(hidden=(5, 4))
    grid, points = inputs()
    with pytest.raises(ValueError, match="projection layers"):
        hidden_space(net, grid, points, projections={3: "pca"})
    with pytest.raises(ValueError, match="output direction"):
        hidden_space(net, grid, points, projections={1: "output"})
    with pytest.raises(ValueError, match="on a line"):
        hidden_space(tiny_net(hidden=(1,)), grid, points, projections={1: (0, 1)})
    with pytest.raises(ValueError, match="grid must have shape"):
        hidden_space(net, grid[..., :1], points)
    with pytest.raises(ValueError, match="points must have shape"):
        hidden_space(net, grid, points[:, :1])
    with pytest.raises(ValueError, match="come together"):
        hidden_space(net, grid, points, plane_grid=grid)


@pytest.mark.parametrize("where", ["weights", "biases"])
def test_non_finite_parameters_give_a_code(where):
    net = tiny_net()
    getattr(net, where)[0][0, ...] = np.nan
    space = hidden_space(net, *inputs())
    assert space.status == "non_finite_parameters" and space.stages == ()
    with pytest.raises(ValueError, match="nothing to interpolate"):
        space.interpolate(0)


def test_values_that_overflow_give_a_code():
    net = tiny_net(activation="linear")
    net.weights[0][...] = 1e308
    space = hidden_space(net, *inputs())
    assert space.status == "non_finite_values" and space.stages == ()


def test_without_points_a_wide_layer_is_fitted_to_the_grid():
    net = tiny_net(hidden=(4, 3))
    grid, _ = inputs()
    space = hidden_space(net, grid, np.empty((0, 2)))
    wide = next(s for s in space.stages if s.layer == 1)
    assert wide.projection.mode == "pca" and wide.projection.source == "grid"
    assert np.all(np.isnan(wide.explained))


def test_a_session_gets_a_plane_stage_only_when_the_network_input_differs():
    standardized = Session(DataSettings(preset="xor", n_points=40),
                           NetworkSettings(hidden_sizes=(2,)))
    extent = (-6.0, 6.0, -6.0, 6.0)
    space = session_hidden_space(standardized, extent, lines=5, samples=9)
    assert [s.kind for s in space.stages][:2] == ["plane", "input"]
    plane, net_input = space.stages[:2]
    np.testing.assert_array_equal(plane.grid, grid_lines(extent, 5, 9))
    np.testing.assert_array_equal(plane.points, standardized.points.X)
    np.testing.assert_allclose(net_input.points, standardized.transform(standardized.points.X))
    raw = Session(DataSettings(preset="xor", n_points=40, standardize=False),
                  NetworkSettings(hidden_sizes=(2,)))
    assert isinstance(raw.standardizer, Standardizer)
    assert [s.kind for s in session_hidden_space(raw, extent).stages][0] == "input"


def test_one_dimensional_inputs_are_a_line():
    grid = plane_grid((-3.0, 3.0, -1.0, 1.0), dim=1, lines=5, samples=9)
    assert grid.shape == (1, 17, 1)
    np.testing.assert_allclose(grid[0, [0, -1], 0], [-3.0, 3.0])
    with pytest.raises(ValueError, match="1- or 2-dimensional"):
        plane_grid((-3.0, 3.0, -1.0, 1.0), dim=3)


def test_after_the_xor_lesson_one_line_separates_the_classes_in_the_last_stage():
    """The xor-hidden lesson's claim (Goodfellow et al. 2016, §6.1), checked on what the view
    draws: the output layer's own line in the last stage's drawn coordinates puts every
    training point on its class's side."""
    from core.lesson_outcomes import train
    from core.lessons import get_lesson, load_lesson

    session = load_lesson("xor-hidden")
    train(session, get_lesson("xor-hidden").expect["steps"])
    space = session_hidden_space(session, (-6.25, 6.25, -6.25, 6.25))
    last = space.stages[-1]
    assert (last.kind, last.activation, last.width) == ("activation", "tanh", 8)
    assert space.decision_line.status == "exact"
    side = space.decision_line.side(last.points_2d)
    train_points = session.points.train
    labels = session.points.y[train_points]
    assert np.all((side[train_points] > 0) == (labels == 1))
    # the input plane is not: the best straight line there gets fewer of them right
    from core.linear_models import best_line_accuracy
    assert best_line_accuracy(session.points.X[train_points], labels)[0] < 0.9


def test_points_alone_without_grid_lines():
    net = tiny_net(hidden=(4,))
    _, points = inputs()
    space = hidden_space(net, np.empty((0, 2, 2)), points)
    assert space.status == "ok" and space.stages[-1].grid.shape == (0, 2, 4)
    assert space.stages[-1].points.shape == (len(points), 4)


def test_a_stage_is_projected_on_first_use_only(monkeypatch):
    """A redraw draws one or two stages: building the space projects only the last one (its
    decision line is placed against the drawn grid and points), reading a stage's drawn
    coordinates projects that stage once, and the numbers are (values − center) @ basis."""
    import core.hidden_space as module

    calls = []
    project = module._project
    monkeypatch.setattr(module, "_project",
                        lambda values, projection: calls.append(values) or project(values,
                                                                                   projection))
    net = tiny_net(hidden=(4, 3))
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    last = space.stages[-1]
    assert len(calls) == 2 and calls[0] is last.grid and calls[1] is last.points
    assert last.grid_2d is last.grid_2d and last.points_2d is last.points_2d  # kept
    assert len(calls) == 2
    calls.clear()
    stage = space.stages[2]
    for _ in range(2):
        np.testing.assert_allclose(
            stage.grid_2d, (stage.grid - stage.projection.center) @ stage.projection.basis)
        np.testing.assert_allclose(
            stage.points_2d, (stage.points - stage.projection.center) @ stage.projection.basis)
    assert len(calls) == 2 and calls[0] is stage.grid and calls[1] is stage.points


def test_dead_relus_put_every_point_on_one_side_and_the_line_says_it_is_outside():
    """Issue 15: all hidden ReLUs dead (negative biases) map the whole plane to a = 0, so the
    output's line c + w·a = 0 misses every drawn point: "outside", with the class they are on
    (the network's own prediction), not "exact"."""
    net = tiny_net(hidden=(2,), activation="relu")
    net.weights[0][...] = 0.0
    net.biases[0][...] = -1.0  # every pre-activation −1: ReLU 0
    grid, points = inputs()
    space = hidden_space(net, grid, points)
    last = space.stages[-1]
    assert np.all(last.points == 0.0) and np.all(last.grid == 0.0)
    line = space.decision_line
    assert line.status == "outside"
    predicted = predicted_classes(net.predict(points))
    assert np.all(predicted == line.side_class)
    assert np.all((line.side(last.points_2d) > 0) == (line.side_class == 1))


def test_output_weights_only_on_undrawn_neurons_give_no_line_in_the_plane():
    """Weights of the output only on a neuron the drawn plane does not show: the line has no
    direction there ("degenerate", not a line 1e16 away), and side_class says which class the
    whole plane is on."""
    net = tiny_net(hidden=(3,))
    net.weights[1][...] = [[0.0, 0.0, 2.0]]  # only neuron 3 counts
    grid, points = inputs()
    space = hidden_space(net, grid, points, projections={1: (0, 1)})
    line = space.decision_line
    assert line.status == "degenerate" and line.side_class in (0, 1)
    assert np.all(line.side(space.stages[-1].points_2d) == line.coefficients[0])
