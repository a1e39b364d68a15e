"""Generators, the editable point set, input features, the split and standardization."""

import json
import math

import numpy as np
import pytest

from core.datasets import (
    FEATURE_LABELS,
    FEATURES,
    GENERATORS,
    LINE_INTERCEPT,
    LINE_SLOPE,
    Dataset,
    PointSet,
    Standardizer,
    expand_features,
    generate,
    train_test_split,
)

EXPECTED_SPECS = {  # name: (task, n_classes, dim)
    "circle": ("classification", 2, 2), "xor": ("classification", 2, 2),
    "gaussians": ("classification", 2, 2), "spiral": ("classification", 2, 2),
    "moons": ("classification", 2, 2), "linear": ("classification", 2, 2),
    "blobs": ("classification", 3, 2), "spiral3": ("classification", 3, 2),
    "imbalanced": ("classification", 2, 2),
    "sine": ("regression", 0, 1), "line": ("regression", 0, 1),
    "plane": ("regression", 0, 2), "bumps": ("regression", 0, 2),
}


# -- generators ---------------------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 4, 5, 14, 15, 200, 501])
def test_imbalanced_has_about_one_positive_in_ten(n):
    from core.generators import IMBALANCED_POSITIVE_SHARE

    ds = generate("imbalanced", n, 0.1, 3)
    positives = int(ds.y.sum())
    assert abs(positives - n * IMBALANCED_POSITIVE_SHARE) <= 0.5
    assert ds.X.shape == (n, 2) and set(np.unique(ds.y)) <= {0, 1}
    assert np.all(ds.y[:positives] == 1), "points are ordered by class, class 1 first"
    again = generate("imbalanced", n, 0.1, 3)
    assert np.array_equal(ds.X, again.X) and np.array_equal(ds.y, again.y)
    assert not np.array_equal(ds.X, generate("imbalanced", n, 0.1, 4).X)


def test_imbalanced_majority_answer_is_about_90_percent_accurate():
    ds = generate("imbalanced", 1000, 0.2, 0)
    assert np.mean(ds.y == 0) == pytest.approx(0.9)  # the all-negative answer's accuracy


def test_generator_keys_and_specs_are_the_contracts():
    assert set(GENERATORS) == set(EXPECTED_SPECS)
    for name, spec in GENERATORS.items():
        assert spec.name == name and spec.label
        assert (spec.task, spec.n_classes, spec.dim) == EXPECTED_SPECS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_SPECS))
@pytest.mark.parametrize("n", [1, 2, 301])
def test_generator_shapes_dtypes_and_classes(name, n):
    task, n_classes, dim = EXPECTED_SPECS[name]
    ds = GENERATORS[name].fn(n, 0.2, 3)
    assert isinstance(ds, Dataset)
    assert ds.X.shape == (n, dim) and ds.X.dtype == np.float64
    assert ds.y.shape == (n,)
    assert ds.task == task and ds.n_classes == n_classes
    assert ds.feature_names == (("x1",) if dim == 1 else ("x1", "x2"))
    assert np.all(np.isfinite(ds.X)) and np.all(np.isfinite(ds.y))
    if task == "classification":
        assert ds.y.dtype == np.int64
        assert ds.y.min() >= 0 and ds.y.max() < n_classes
        if n >= 300:
            assert set(np.unique(ds.y)) == set(range(n_classes))
    else:
        assert ds.y.dtype == np.float64


@pytest.mark.parametrize("name", sorted(EXPECTED_SPECS))
def test_generator_is_deterministic_by_seed(name):
    a, b = generate(name, 200, 0.3, 7), generate(name, 200, 0.3, 7)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    c = generate(name, 200, 0.3, 8)
    assert not (np.array_equal(a.X, c.X) and np.array_equal(a.y, c.y))


@pytest.mark.parametrize("name", sorted(EXPECTED_SPECS))
def test_generator_inputs_stay_on_the_playground_scale_over_the_noise_range(name):
    for noise in (0.0, 0.25, 0.5):
        X = generate(name, 500, noise, 0).X
        assert np.max(np.abs(X)) <= (6.5 if noise == 0 else 12.0), noise
    assert np.max(np.abs(generate(name, 500, 0.5, 0).X)) > 1.0


@pytest.mark.parametrize("name", sorted(EXPECTED_SPECS))
@pytest.mark.parametrize(("n", "noise"), [(0, 0.1), (10, -0.01), (10, 0.51), (2.5, 0.1),
                                          (True, 0.1)])
def test_generator_rejects_invalid_arguments(name, n, noise):
    with pytest.raises(ValueError):
        generate(name, n, noise, 0)


def test_unknown_generator_lists_names():
    with pytest.raises(ValueError, match="circle"):
        generate("donut", 10, 0.1)


def test_noise_free_labels_follow_the_defining_rules():
    circle = generate("circle", 400, 0.0, 1)
    radius = np.hypot(circle.X[:, 0], circle.X[:, 1])
    np.testing.assert_array_equal(circle.y, (radius < 2.5).astype(int))
    assert np.all((radius <= 2.5) | ((radius >= 3.5) & (radius <= 5.0)))

    xor = generate("xor", 400, 0.0, 1)
    np.testing.assert_array_equal(xor.y, (xor.X[:, 0] * xor.X[:, 1] >= 0).astype(int))
    assert np.min(np.abs(xor.X)) >= 0.3

    linear = generate("linear", 400, 0.0, 1)
    side = linear.X.sum(axis=1)
    np.testing.assert_array_equal(linear.y, (side > 0).astype(int))
    assert np.min(np.abs(side)) / math.sqrt(2) >= 0.3 - 1e-12  # the margin


def test_noise_flips_labels_near_the_boundary():
    for name, rule in (("circle", lambda X: np.hypot(*X.T) < 2.5),
                       ("xor", lambda X: X[:, 0] * X[:, 1] >= 0),
                       ("linear", lambda X: X.sum(axis=1) > 0)):
        ds = generate(name, 1000, 0.5, 2)
        disagreement = np.mean(ds.y != rule(ds.X))
        assert 0.01 < disagreement < 0.4, name


def test_noise_free_regression_targets_follow_their_formulas():
    line = generate("line", 100, 0.0, 4)
    np.testing.assert_allclose(line.y, LINE_SLOPE * line.X[:, 0] + LINE_INTERCEPT, rtol=1e-15)
    assert (LINE_SLOPE, LINE_INTERCEPT) == (0.5, 1.0)
    sine = generate("sine", 100, 0.0, 4)
    np.testing.assert_array_equal(sine.y, np.sin(sine.X[:, 0]))
    plane = generate("plane", 100, 0.0, 4)
    np.testing.assert_allclose(plane.y, (plane.X[:, 0] + plane.X[:, 1]) / 10, rtol=1e-15)


def test_noise_free_bumps_match_a_longhand_evaluation():
    bumps = generate("bumps", 50, 0.0, 5)
    centres = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1),
               (4, -2.5, -1)]
    for (x1, x2), y in zip(bumps.X.tolist(), bumps.y.tolist(), strict=True):
        best = 0.0
        for cx, cy, sign in centres:
            value = sign * min(1.0, max(0.0, 1 - math.dist((x1, x2), (cx, cy)) / 2))
            if abs(value) > abs(best):
                best = value
        assert y == pytest.approx(best, abs=1e-15)
    assert np.all(np.abs(bumps.y) <= 1.0)


def test_regression_noise_scales_the_residuals():
    clean, noisy = generate("line", 2000, 0.0, 9), generate("line", 2000, 0.5, 9)
    residual = noisy.y - (LINE_SLOPE * noisy.X[:, 0] + LINE_INTERCEPT)
    assert np.std(clean.y - (LINE_SLOPE * clean.X[:, 0] + LINE_INTERCEPT)) < 1e-15
    assert 0.9 < np.std(residual) < 1.1  # ε ~ N(0, (2 · 0.5)²)


def test_gaussian_spread_grows_with_noise():
    narrow, wide = generate("gaussians", 2000, 0.0, 0), generate("gaussians", 2000, 0.5, 0)
    assert np.std(narrow.X[narrow.y == 1, 0]) == pytest.approx(math.sqrt(0.5), rel=0.1)
    assert np.std(wide.X[wide.y == 1, 0]) == pytest.approx(2.0, rel=0.1)


# -- Dataset validation -------------------------------------------------------------------
def test_dataset_rejects_inconsistent_fields():
    X = np.zeros((3, 2))
    with pytest.raises(ValueError, match="labels must lie"):
        Dataset(X, [0, 1, 2], "classification", 2, ("a", "b"))
    with pytest.raises(ValueError, match="shape"):
        Dataset(X, [0, 1], "classification", 2, ("a", "b"))
    with pytest.raises(ValueError, match="feature names"):
        Dataset(X, [0, 1, 1], "classification", 2, ("a",))
    with pytest.raises(ValueError, match="task"):
        Dataset(X, [0, 1, 1], "clustering", 2, ("a", "b"))
    with pytest.raises(ValueError, match="integers"):
        Dataset(X, [0, 0.5, 1], "classification", 2, ("a", "b"))


# -- PointSet -----------------------------------------------------------------------------
def make_points():
    return PointSet(np.array([[0.0, 0.0], [1.0, 1.0], [-2.0, 3.0]]), [0, 1, 2],
                    train=[True, False, True])


def test_pointset_add_appends_and_returns_the_index():
    points = PointSet()
    assert len(points) == 0 and points.X.shape == (0, 2) and points.n_classes == 2
    assert points.add([1.5, -2.0], 3) == 0
    assert points.add((0.0, 0.0), 0, train=False) == 1
    assert points.X.dtype == np.float64 and points.y.dtype == np.int64
    assert points.train.dtype == bool
    np.testing.assert_array_equal(points.X, [[1.5, -2.0], [0.0, 0.0]])
    np.testing.assert_array_equal(points.y, [3, 0])
    np.testing.assert_array_equal(points.train, [True, False])
    assert points.n_classes == 4


def test_pointset_remove_then_insert_restores_the_set_exactly():
    points = make_points()
    before = points.copy()
    for index in (0, 1, 2):
        x, label, train = points.remove(index)
        assert len(points) == 2
        points.insert(index, x, label, train)
        np.testing.assert_array_equal(points.X, before.X)
        np.testing.assert_array_equal(points.y, before.y)
        np.testing.assert_array_equal(points.train, before.train)


def test_pointset_add_then_remove_is_an_undo():
    points = make_points()
    before = points.to_dict()
    index = points.add([4.0, 4.0], 7)
    assert points.remove(index) == (pytest.approx([4.0, 4.0]), 7, True)
    assert points.to_dict() == before


@pytest.mark.parametrize("label", [-1, 8, 2.5, float("nan")])
def test_pointset_rejects_labels_outside_0_to_7_and_stays_unchanged(label):
    points = make_points()
    before = points.to_dict()
    with pytest.raises(ValueError, match=r"0\.\.7|finite"):
        points.add([0.0, 0.0], label)
    with pytest.raises(ValueError):
        points.move(0, [1.0, 1.0], label=label)
    assert points.to_dict() == before
    with pytest.raises(ValueError):
        PointSet(np.zeros((1, 2)), [label])


def test_pointset_rejects_bad_points_and_indices():
    points = make_points()
    with pytest.raises(ValueError):
        points.add([1.0], 0)
    with pytest.raises(ValueError):
        points.add([np.inf, 0.0], 0)
    with pytest.raises(IndexError):
        points.remove(3)
    with pytest.raises(IndexError):
        points.insert(5, [0.0, 0.0], 0)
    with pytest.raises(IndexError):
        points.move(-1, [0.0, 0.0])


def test_pointset_nearest_move_and_clear():
    points = make_points()
    assert points.nearest([0.9, 0.8]) == 1
    assert points.nearest([-1.9, 2.5]) == 2
    assert points.nearest([10.0, 10.0], max_distance=1.0) is None
    points.move(1, [5.0, 5.0])
    np.testing.assert_array_equal(points.X[1], [5.0, 5.0])
    assert points.y[1] == 1
    points.move(1, [5.0, 5.0], label=4)
    assert points.y[1] == 4
    points.clear()
    assert len(points) == 0 and points.nearest([0.0, 0.0]) is None and points.dim == 2


def test_pointset_regression_1d_uses_targets_for_nearest():
    points = PointSet(np.array([[0.0], [0.1]]), [5.0, -5.0], task="regression", dim=1)
    assert points.y.dtype == np.float64 and points.n_classes == 0
    assert points.nearest([0.0], target=-5.0) == 1
    assert points.nearest([0.0]) == 0
    points.add([2.0], 0.25)
    points.move(2, [3.0], label=-1.5)
    assert points.y[2] == -1.5


def test_pointset_copy_is_independent():
    points = make_points()
    clone = points.copy()
    clone.move(0, [9.0, 9.0])
    clone.add([1.0, 2.0], 1)
    assert points.X[0, 0] == 0.0 and len(points) == 3


def test_pointset_dict_round_trip_through_json():
    for points in (make_points(), PointSet(np.array([[0.5]]), [1.25], "regression", dim=1),
                   PointSet()):
        restored = PointSet.from_dict(json.loads(json.dumps(points.to_dict())))
        assert (restored.task, restored.dim) == (points.task, points.dim)
        np.testing.assert_array_equal(restored.X, points.X)
        np.testing.assert_array_equal(restored.y, points.y)
        assert restored.y.dtype == points.y.dtype
        np.testing.assert_array_equal(restored.train, points.train)


@pytest.mark.parametrize("bad", [
    None, [], {"task": "classification"}, {"task": "classification", "dim": 2, "X": 5, "y": []},
    {"task": "classification", "dim": 2, "X": [[1, 2]], "y": [9]},
    {"task": "classification", "dim": 3, "X": [], "y": []},
    {"task": "regression", "dim": 2, "X": [[1, 2], [3]], "y": [1, 2]},
])
def test_pointset_from_dict_rejects_malformed_data(bad):
    with pytest.raises(ValueError):
        PointSet.from_dict(bad)


def test_pointset_from_dataset_and_resplit():
    ds = generate("blobs", 100, 0.1, 0)
    points = PointSet.from_dataset(ds, train_fraction=0.7, seed=3)
    np.testing.assert_array_equal(points.X, ds.X)
    np.testing.assert_array_equal(points.y, ds.y)
    assert points.train.sum() == 70 and points.n_classes == 3
    np.testing.assert_array_equal(points.train, train_test_split(100, 0.7, 3))
    points.resplit(0.5, seed=4)
    assert points.train.sum() == 50
    regression = PointSet.from_dataset(generate("sine", 20, 0.1, 0))
    assert (regression.task, regression.dim) == ("regression", 1)
    wide = Dataset(np.zeros((4, 3)), [0, 1, 0, 1], "classification", 2, ("a", "b", "c"))
    with pytest.raises(ValueError, match="1 or 2 inputs"):
        PointSet.from_dataset(wide)


# -- features -----------------------------------------------------------------------------
def test_feature_names_and_labels_are_tensorflow_playgrounds():
    assert list(FEATURES) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
    assert set(FEATURE_LABELS) == set(FEATURES)


def test_expand_features_computes_each_feature_in_the_given_order():
    X = np.array([[1.0, 2.0], [-3.0, 0.5]])
    out = expand_features(X, ["x1*x2", "x1", "x2^2", "sin(x1)", "x1^2", "x2", "sin(x2)"])
    expected = [[2.0, 1.0, 4.0, math.sin(1.0), 1.0, 2.0, math.sin(2.0)],
                [-1.5, -3.0, 0.25, math.sin(-3.0), 9.0, 0.5, math.sin(0.5)]]
    np.testing.assert_allclose(out, expected, rtol=1e-15)
    assert out.dtype == np.float64 and out.shape == (2, 7)


def test_expand_features_validates_names_and_dimension():
    X1 = np.array([[1.0], [2.0]])
    np.testing.assert_array_equal(expand_features(X1, ["x1", "x1^2"]), [[1, 1], [2, 4]])
    with pytest.raises(ValueError, match="need two inputs"):
        expand_features(X1, ["x1", "x1*x2"])
    with pytest.raises(ValueError, match="allowed"):
        expand_features(np.zeros((2, 2)), ["x3"])
    with pytest.raises(ValueError, match="repeat"):
        expand_features(np.zeros((2, 2)), ["x1", "x1"])
    with pytest.raises(ValueError, match="at least one"):
        expand_features(np.zeros((2, 2)), [])
    assert expand_features(np.zeros((0, 2)), ["x1", "x2"]).shape == (0, 2)


# -- split --------------------------------------------------------------------------------
def test_train_test_split_sizes_and_determinism():
    mask = train_test_split(100, 0.7, 1)
    assert mask.dtype == bool and mask.shape == (100,) and mask.sum() == 70
    np.testing.assert_array_equal(mask, train_test_split(100, 0.7, 1))
    assert not np.array_equal(mask, train_test_split(100, 0.7, 2))
    assert train_test_split(1, 0.1, 0).tolist() == [True]
    assert train_test_split(2, 0.9, 0).sum() == 1  # keeps one test point
    assert train_test_split(3, 0.1, 0).sum() == 1  # at least one training point
    assert train_test_split(5, 1.0, 0).all()
    assert train_test_split(0, 0.5, 0).shape == (0,)


@pytest.mark.parametrize("fraction", [0.0, -0.5, 1.5, float("nan")])
def test_train_test_split_rejects_fractions_outside_0_1(fraction):
    with pytest.raises(ValueError):
        train_test_split(10, fraction, 0)


# -- standardization ----------------------------------------------------------------------
def test_standardizer_hand_values_and_inverse():
    X = np.array([[1.0, 10.0], [3.0, 10.0]])
    scaler = Standardizer.fit(X)
    np.testing.assert_array_equal(scaler.mean, [2.0, 10.0])
    np.testing.assert_array_equal(scaler.std, [1.0, 1.0])  # constant column: std 0 → 1
    np.testing.assert_array_equal(scaler.transform(X), [[-1.0, 0.0], [1.0, 0.0]])
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(X)), X)


def test_standardizer_gives_zero_mean_unit_std_on_penguin_like_scales():
    rng = np.random.default_rng(0)
    X = np.column_stack([rng.normal(45, 5, 300), rng.normal(4200, 800, 300)])
    Z = Standardizer.fit(X).transform(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0, rtol=1e-12)


def test_standardizer_dict_round_trip_and_errors():
    scaler = Standardizer.fit(np.array([[1.0, 2.0], [2.0, 5.0], [4.0, 0.0]]))
    restored = Standardizer.from_dict(json.loads(json.dumps(scaler.to_dict())))
    np.testing.assert_array_equal(restored.mean, scaler.mean)
    np.testing.assert_array_equal(restored.std, scaler.std)
    with pytest.raises(ValueError, match="shape"):
        scaler.transform(np.zeros((3, 3)))
    with pytest.raises(ValueError):
        Standardizer.fit(np.zeros((0, 2)))
    with pytest.raises(ValueError):
        Standardizer.fit(np.array([[np.nan]]))
    with pytest.raises(ValueError):
        Standardizer.from_dict({"mean": [0.0], "std": [0.0]})
    with pytest.raises(ValueError):
        Standardizer.from_dict({"mean": [0.0]})
    np.testing.assert_array_equal(Standardizer.identity(2).transform([[3.0, 4.0]]),
                                  [[3.0, 4.0]])
