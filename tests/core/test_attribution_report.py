"""Attributions of a Session (core.attribution_report): which sample, which names, which
space, the saliency map against finite differences in raw coordinates, bad input."""

import numpy as np
import pytest

from core.attribution_report import (
    explain_sample,
    feature_labels,
    saliency_grid,
    session_permutation,
    summary_entry,
)
from core.attributions import AttributionError, OutputFunction
from core.datasets import PointSet
from core.lesson_outcomes import train
from core.selected_sample import shown_sample
from core.session import Session
from core.settings import DataSettings, NetworkSettings


def circle_session(features=("x1", "x2"), standardize=True):
    session = Session(DataSettings(preset="circle", n_points=80, features=features,
                                   standardize=standardize),
                      NetworkSettings(hidden_sizes=(5,), activation="tanh"))
    train(session, 30)
    return session


def test_feature_labels_follow_the_app():
    assert feature_labels(["x1", "x2", "x1^2", "x1*x2", "sin(x2)"], ("x1", "x2")) == \
        ["X₁", "X₂", "X₁²", "X₁X₂", "sin(X₂)"]
    assert feature_labels(["x1", "x2", "x2^2", "x1*x2"], ("bill", "flipper")) == \
        ["bill", "flipper", "flipper²", "bill·flipper"]
    assert feature_labels(["x1", "sin(x1)"], ("t",)) == ["t", "sin(t)"]


def test_explain_sample_follows_the_inspectors_sample():
    session = circle_session()
    default = explain_sample(session)
    assert default.sample == shown_sample(session.trainer, None)
    chosen = explain_sample(session, selected_sample=7)
    assert chosen.sample == 7 and chosen.point == session.train_indices[7]
    np.testing.assert_array_equal(chosen.x, session.X_train[7])
    f = OutputFunction(session.net, chosen.k)
    assert chosen.f_x == pytest.approx(f.value(session.X_train[7:8])[0], abs=1e-15)
    assert chosen.f_x > 0.5 or chosen.f_x == 0.5  # the predicted class's probability
    np.testing.assert_allclose(chosen.baseline, session.X_train.mean(axis=0))
    np.testing.assert_allclose(chosen.gradient_x_input, chosen.x * chosen.gradient)
    assert abs(chosen.ig.completeness_error) < 1e-6
    assert chosen.shapley.efficiency_error == pytest.approx(0.0, abs=1e-12)
    entry = summary_entry(chosen)
    assert entry["features"] == ["X₁", "X₂"] and entry["sample"] == 7


def test_regression_explains_the_predicted_value():
    session = Session(DataSettings(task="regression", preset="sine", n_points=40))
    result = explain_sample(session)
    assert result.k is None
    assert result.f_x == pytest.approx(session.net.predict(result.x[None])[0, 0], abs=1e-15)
    assert summary_entry(result)["class"] is None


def test_without_training_points_the_report_says_so():
    points = PointSet(np.zeros((0, 2)), np.zeros(0, dtype=np.int64))
    session = Session(DataSettings(), points=points)
    with pytest.raises(AttributionError) as error:
        explain_sample(session)
    assert error.value.code == "empty_background"


@pytest.mark.parametrize("features", [("x1", "x2"), ("x1", "x2", "x1^2", "x1*x2", "sin(x2)")])
def test_saliency_is_the_norm_of_the_raw_coordinate_gradient(features):
    session = circle_session(features)
    xs, ys, norms = saliency_grid(session, (-1.0, 1.2), (-0.8, 1.0), (5, 4), k=1)
    assert xs.shape == (5,) and ys.shape == (4,) and norms.shape == (4, 5)
    h = 1e-6
    for i, j in [(0, 0), (2, 3), (3, 1)]:
        point = np.array([xs[j], ys[i]])
        numeric = [(session.predict_raw([point + step])[0, 0]
                    - session.predict_raw([point - step])[0, 0]) / (2 * h)
                   for step in (np.array([h, 0.0]), np.array([0.0, h]))]
        assert norms[i, j] == pytest.approx(np.hypot(*numeric), rel=1e-6, abs=1e-9)


def test_saliency_needs_2d_inputs_and_a_grid():
    session = Session(DataSettings(task="regression", preset="sine", n_points=40))
    with pytest.raises(AttributionError, match="2-D"):
        saliency_grid(session, (0, 1), (0, 1), 10, None)
    with pytest.raises(AttributionError, match="resolution"):
        saliency_grid(circle_session(), (0, 1), (0, 1), 1, 1)


def test_session_permutation_uses_the_test_split_and_its_labels():
    session = circle_session(standardize=False)
    result = session_permutation(session, repeats=3, seed=2)
    assert result.metric == "accuracy" and result.importances.shape == (3, 2)
    assert result.score == pytest.approx(np.mean(
        (session.net.predict(session.X_test)[:, 0] > 0.5)
        == session.points.y[session.test_indices]))
    session.set_data_settings(train_fraction=1.0, validation_fraction=0.0)
    with pytest.raises(AttributionError) as error:
        session_permutation(session)
    assert error.value.code == "empty_split"


def test_attribution_inputs_are_a_copy_that_training_does_not_change():
    from core.attribution_report import AttributionInputs, explain

    session = circle_session()
    inputs = AttributionInputs.from_session(session, 3)
    before = explain(inputs)
    train(session, 20)
    after = explain(inputs)
    np.testing.assert_array_equal(before.ig.attributions, after.ig.attributions)
    assert explain_sample(session, 3).f_x != before.f_x
