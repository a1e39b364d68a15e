"""Data for the playground: user point sets, input features, train/test split, standardization.

This module is the public face of the data layer; it re-exports ``Dataset``
(``core.data_types``), the generators (``core.generators``) and CSV import/export
(``core.csv_io``), so ``from core.datasets import read_csv, GENERATORS, PointSet`` works.

Conventions: raw inputs X are (n, dim) float64 with dim 1 or 2; class labels are int64 in
0..7 (K ≤ 8); regression targets are float64.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from core.csv_io import ColumnGuess, csv_columns, guess_columns, read_csv, write_csv
from core.data_types import MAX_CLASSES, TASKS, Dataset
from core.generators import GENERATORS, LINE_INTERCEPT, LINE_SLOPE, GeneratorSpec, generate

__all__ = [
    "Dataset", "GENERATORS", "GeneratorSpec", "generate", "LINE_SLOPE", "LINE_INTERCEPT",
    "MAX_CLASSES", "TASKS", "PointSet", "FEATURES", "FEATURE_LABELS", "FEATURES_NEEDING_X2",
    "FEATURE_DEFINITIONS", "FEATURE_OPERATIONS",
    "expand_features", "train_test_split", "split_codes", "check_shares", "TRAIN", "VALIDATION", "TEST",
    "SPLIT_NAMES", "Standardizer", "read_csv", "csv_columns",
    "write_csv", "guess_columns", "ColumnGuess",
]

# ---------------------------------------------------------------------------------------------
# Input features (TensorFlow Playground's feature set, Smilkov & Carter 2016)
# ---------------------------------------------------------------------------------------------
#: Every feature as (operation, raw input columns, 0-based): the one definition of the features.
#: ``FEATURES`` (the functions) and the model export (``core.model_description``) are built
#: from it, so what is computed and what is written down cannot drift apart.
FEATURE_DEFINITIONS: dict[str, tuple[str, tuple[int, ...]]] = {
    "x1": ("identity", (0,)),
    "x2": ("identity", (1,)),
    "x1^2": ("square", (0,)),
    "x2^2": ("square", (1,)),
    "x1*x2": ("product", (0, 1)),
    "sin(x1)": ("sin", (0,)),
    "sin(x2)": ("sin", (1,)),
}
#: The operations of :data:`FEATURE_DEFINITIONS` on raw input columns (n,) float64; sin is in
#: radians.
FEATURE_OPERATIONS = {
    "identity": lambda a: a,
    "square": lambda a: a ** 2,
    "product": lambda a, b: a * b,
    "sin": np.sin,
}


def _feature_function(operation: str, columns: tuple[int, ...]):
    function = FEATURE_OPERATIONS[operation]
    return lambda X: function(*(X[:, c] for c in columns))


FEATURES = {name: _feature_function(*definition)
            for name, definition in FEATURE_DEFINITIONS.items()}
FEATURE_LABELS = {
    "x1": "X₁", "x2": "X₂", "x1^2": "X₁²", "x2^2": "X₂²", "x1*x2": "X₁X₂",
    "sin(x1)": "sin(X₁)", "sin(x2)": "sin(X₂)",
}
FEATURES_NEEDING_X2 = frozenset(name for name, (_op, columns) in FEATURE_DEFINITIONS.items()
                                if 1 in columns)


def expand_features(X_raw: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """Map raw inputs (n, dim) to the chosen features (n, len(names)), float64, in order.

    ``names`` are keys of :data:`FEATURES`, non-empty and without repeats. Raises ValueError
    for an unknown or repeated name, or a name needing x2 when dim is 1.
    """
    X_raw = np.asarray(X_raw, dtype=np.float64)
    if X_raw.ndim != 2 or X_raw.shape[1] not in (1, 2):
        raise ValueError(f"raw inputs must have shape (n, 1) or (n, 2), got {X_raw.shape}")
    names = list(names)
    if not names:
        raise ValueError(f"choose at least one feature of: {', '.join(FEATURES)}")
    unknown = [name for name in names if name not in FEATURES]
    if unknown:
        raise ValueError(f"unknown feature(s) {', '.join(unknown)}; allowed: "
                         f"{', '.join(FEATURES)}")
    if len(set(names)) != len(names):
        raise ValueError(f"features must not repeat, got {names}")
    if X_raw.shape[1] == 1:
        need_x2 = [name for name in names if name in FEATURES_NEEDING_X2]
        if need_x2:
            allowed = [name for name in FEATURES if name not in FEATURES_NEEDING_X2]
            raise ValueError(f"feature(s) {', '.join(need_x2)} need two inputs; for 1-D data "
                             f"allowed: {', '.join(allowed)}")
    columns = [FEATURES[name](X_raw) for name in names]
    return np.column_stack(columns) if columns[0].size else np.empty((0, len(names)))


# ---------------------------------------------------------------------------------------------
# Train/test split and standardization
# ---------------------------------------------------------------------------------------------
#: Split code of a point (``PointSet.split``): a training, validation or test point.
TRAIN, VALIDATION, TEST = 0, 1, 2
#: Name of each split code, in code order (for exports and summaries).
SPLIT_NAMES = ("train", "validation", "test")
_SHARE_SLACK = 1e-9  # shares typed as percentages may add up to 1 + rounding


def check_shares(train_fraction: float, validation_fraction: float = 0.0) -> tuple[float, float]:
    """The shares as floats, checked: train ∈ (0, 1], validation ∈ [0, 1), together ≤ 1 (the
    test share is the rest). Raises ValueError naming the shares in percent otherwise."""
    train, validation = float(train_fraction), float(validation_fraction)
    if not 0.0 < train <= 1.0:
        raise ValueError(f"the training share must be above 0 % and at most 100 %, got "
                         f"{100 * train:g} %")
    if not 0.0 <= validation < 1.0:
        raise ValueError(f"the validation share must be at least 0 % and below 100 %, got "
                         f"{100 * validation:g} %")
    if train + validation > 1.0 + _SHARE_SLACK:
        raise ValueError(f"the training share ({100 * train:g} %) and the validation share "
                         f"({100 * validation:g} %) add up to more than 100 %")
    return train, validation


def split_codes(n: int, train_fraction: float, validation_fraction: float = 0.0,
                seed: int = 0) -> np.ndarray:
    """Random split codes (n,) int8: :data:`TRAIN`, :data:`VALIDATION` or :data:`TEST`.

    One permutation from ``np.random.default_rng(seed)``: its first round(train_fraction · n)
    entries are training points (at least one when n ≥ 1; at most n − 1 when n ≥ 2 and
    train_fraction < 1), the next round(validation_fraction · n) validation points (at least
    one when the share is above 0 and a point is left; one point is kept for the test set
    when its share is above 0 and two or more remain), the rest test points. With
    ``validation_fraction`` 0 the training points are exactly those of
    :func:`train_test_split` (older scenes and lessons keep their split). Raises ValueError
    for n < 0 or shares that :func:`check_shares` refuses.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    train_fraction, validation_fraction = check_shares(train_fraction, validation_fraction)
    codes = np.full(n, TEST, dtype=np.int8)
    if n == 0:
        return codes
    n_train = min(max(int(round(train_fraction * n)), 1), n)
    if train_fraction < 1.0 and n >= 2:
        n_train = min(n_train, n - 1)
    left = n - n_train
    n_validation = 0
    if validation_fraction > 0.0 and left:
        test_share = 1.0 - train_fraction - validation_fraction
        keep_test = 1 if test_share > _SHARE_SLACK and left >= 2 else 0
        n_validation = min(max(int(round(validation_fraction * n)), 1), left - keep_test)
    order = np.random.default_rng(seed).permutation(n)
    codes[order[:n_train]] = TRAIN
    codes[order[n_train:n_train + n_validation]] = VALIDATION
    return codes


def train_test_split(n: int, train_fraction: float, seed: int = 0) -> np.ndarray:
    """Random training mask (n,) bool with round(train_fraction · n) True entries.

    At least one training point when n ≥ 1, and at least one test point when n ≥ 2 and
    train_fraction < 1. ``train_fraction`` ∈ (0, 1]; the permutation comes from
    ``np.random.default_rng(seed)`` (the training points of :func:`split_codes` with no
    validation share). Raises ValueError for n < 0 or a fraction out of range.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    train_fraction = float(train_fraction)
    if not 0.0 < train_fraction <= 1.0:
        raise ValueError(f"train_fraction must be in (0, 1], got {train_fraction}")
    return split_codes(n, train_fraction, 0.0, seed) == TRAIN


class Standardizer:
    """Z-score standardization x′ = (x − mean) / std per column, with mean and std kept.

    ``std`` is the population standard deviation (ddof = 0, as scikit-learn's
    StandardScaler); a (near-)constant column, std ≤ 1e-12 · max(1, |mean|), gets std 1 so
    it maps to 0 instead of dividing by zero. The same instance maps the training data and
    the decision-boundary grid, so both land in the same coordinates.
    """

    def __init__(self, mean, std):
        self.mean = np.asarray(mean, dtype=np.float64).reshape(-1)
        self.std = np.asarray(std, dtype=np.float64).reshape(-1)
        if self.mean.shape != self.std.shape:
            raise ValueError(f"mean {self.mean.shape} and std {self.std.shape} differ in shape")
        if not (np.all(np.isfinite(self.mean)) and np.all(np.isfinite(self.std))
                and np.all(self.std > 0)):
            raise ValueError("mean must be finite and std finite and > 0")

    @classmethod
    def fit(cls, X: np.ndarray) -> Standardizer:
        """Fit to X (n, d), n ≥ 1, finite. Raises ValueError otherwise."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[0] == 0:
            raise ValueError(f"need X of shape (n, d) with n >= 1, got {X.shape}")
        if not np.all(np.isfinite(X)):
            raise ValueError("cannot standardize non-finite values")
        mean = X.mean(axis=0)
        std = X.std(axis=0)
        std = np.where(std <= 1e-12 * np.maximum(1.0, np.abs(mean)), 1.0, std)
        return cls(mean, std)

    @classmethod
    def identity(cls, d: int) -> Standardizer:
        """A standardizer that changes nothing (mean 0, std 1), for ``standardize=False``."""
        return cls(np.zeros(d), np.ones(d))

    def _check(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.mean.size:
            raise ValueError(f"expected shape (n, {self.mean.size}), got {X.shape}")
        return X

    def transform(self, X: np.ndarray) -> np.ndarray:
        """(X − mean) / std, X (n, d) → (n, d) float64."""
        return (self._check(X) - self.mean) / self.std

    def inverse_transform(self, Z: np.ndarray) -> np.ndarray:
        """Z · std + mean, the inverse of :meth:`transform`."""
        return self._check(Z) * self.std + self.mean

    def to_dict(self) -> dict:
        return {"mean": self.mean.tolist(), "std": self.std.tolist()}

    @classmethod
    def from_dict(cls, d: Mapping) -> Standardizer:
        try:
            return cls(d["mean"], d["std"])
        except (KeyError, TypeError) as error:
            raise ValueError(f"malformed standardizer: {error!r}") from None


# ---------------------------------------------------------------------------------------------
# Editable point set
# ---------------------------------------------------------------------------------------------
class PointSet:
    """The user's editable points: inputs, labels or targets, and the split of each point.

    Attributes: ``X`` (n, dim) float64, ``y`` (n,) int64 class labels 0..7 or float64
    targets, ``split`` (n,) int8 split codes (:data:`TRAIN`, :data:`VALIDATION`,
    :data:`TEST`; the one owner of the split), ``train`` (n,) bool (``split == TRAIN``; setting
    it makes the other points test points), ``task``, ``dim`` (1 or 2). Pass either ``train``
    (a bool mask: the rest are test points) or ``split`` (codes) to the constructor; neither:
    every point trains. Every edit validates its input and raises ValueError (labels outside
    0..7, non-finite values, wrong length, unknown split codes) leaving the set unchanged.
    """

    def __init__(self, X=None, y=None, task: str = "classification", train=None, dim: int = 2,
                 split=None):
        if task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, got {task!r}")
        if dim not in (1, 2):
            raise ValueError(f"dim must be 1 or 2, got {dim!r}")
        self.task, self.dim = task, dim
        X = np.empty((0, dim)) if X is None else np.array(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != dim:
            raise ValueError(f"X must have shape (n, {dim}), got {X.shape}")
        if not np.all(np.isfinite(X)):
            raise ValueError("X must be finite")
        n = X.shape[0]
        y = self._labels(np.empty(0) if y is None else y)
        if y.shape != (n,):
            raise ValueError(f"y must have shape ({n},), got {y.shape}")
        if split is not None:
            split = _split_array(split, n)
        else:
            train = np.ones(n, dtype=bool) if train is None else np.array(train, dtype=bool)
            if train.shape != (n,):
                raise ValueError(f"train must have shape ({n},), got {train.shape}")
            split = np.where(train, TRAIN, TEST).astype(np.int8)
        self.X, self.y, self.split = X, y, split

    @property
    def train(self) -> np.ndarray:
        """(n,) bool: the training points (``split == TRAIN``)."""
        return self.split == TRAIN

    @train.setter
    def train(self, mask) -> None:
        mask = np.array(mask, dtype=bool)
        if mask.shape != (len(self),):
            raise ValueError(f"train must have shape ({len(self)},), got {mask.shape}")
        self.split = np.where(mask, TRAIN, TEST).astype(np.int8)

    @property
    def validation(self) -> np.ndarray:
        """(n,) bool: the validation points."""
        return self.split == VALIDATION

    @property
    def test(self) -> np.ndarray:
        """(n,) bool: the test points."""
        return self.split == TEST

    def _labels(self, y) -> np.ndarray:
        """Validate labels/targets; returns (m,) int64 or float64."""
        y = np.array(y, dtype=np.float64).reshape(-1)
        if not np.all(np.isfinite(y)):
            raise ValueError("labels and targets must be finite")
        if self.task == "classification":
            if np.any(y != np.round(y)) or np.any((y < 0) | (y >= MAX_CLASSES)):
                raise ValueError(f"class labels must be integers 0..{MAX_CLASSES - 1}")
            return y.astype(np.int64)
        return y

    def _point(self, x) -> np.ndarray:
        x = np.array(x, dtype=np.float64).reshape(-1)
        if x.shape != (self.dim,) or not np.all(np.isfinite(x)):
            raise ValueError(f"a point must be {self.dim} finite number(s), got {x}")
        return x

    def __len__(self) -> int:
        return self.X.shape[0]

    @property
    def n_classes(self) -> int:
        """Classification: max(2, largest label + 1); regression: 0."""
        if self.task != "classification":
            return 0
        return max(2, int(self.y.max()) + 1) if len(self) else 2

    # -- edits -----------------------------------------------------------------------------
    def add(self, x, label, train: bool = True, split: int | None = None) -> int:
        """Append one point; returns its index. ``split`` (a split code) wins over ``train``
        (True: a training point, False: a test point)."""
        index = len(self)
        self.insert(index, x, label, train, split)
        return index

    def insert(self, index: int, x, label, train: bool = True, split: int | None = None
               ) -> None:
        """Insert a point at ``index`` (0..n); the inverse of :meth:`remove`, for undo.
        ``split`` (a split code) wins over ``train`` (True: training, False: test)."""
        if not 0 <= index <= len(self):
            raise IndexError(f"insert index {index} out of range 0..{len(self)}")
        x, label = self._point(x), self._labels([label])
        code = (TRAIN if train else TEST) if split is None else _split_array([split], 1)[0]
        self.X = np.insert(self.X, index, x, axis=0)
        self.y = np.insert(self.y, index, label)
        self.split = np.insert(self.split, index, code)

    def remove(self, index: int) -> tuple[np.ndarray, int | float, bool]:
        """Remove point ``index``; returns ``(x, label, train)`` for an undo via insert (read
        ``split[index]`` first to put a validation point back as one)."""
        self._check_index(index)
        removed = (self.X[index].copy(), self.y[index].item(), bool(self.train[index]))
        self.X = np.delete(self.X, index, axis=0)
        self.y = np.delete(self.y, index)
        self.split = np.delete(self.split, index)
        return removed

    def move(self, index: int, x, label=None) -> None:
        """Move point ``index`` to ``x``; optionally also set its label/target."""
        self._check_index(index)
        x = self._point(x)
        new_label = None if label is None else self._labels([label])[0]
        self.X[index] = x
        if new_label is not None:
            self.y[index] = new_label

    def clear(self) -> None:
        """Remove every point (task and dim are kept)."""
        self.X = np.empty((0, self.dim))
        self.y = self._labels([])
        self.split = np.empty(0, dtype=np.int8)

    def nearest(self, x, target: float | None = None, max_distance: float = math.inf):
        """Index of the point closest (Euclidean) to ``x``, or None if none lies within
        ``max_distance`` (or the set is empty).

        For 1-D regression, where the canvas plots (x, target), pass ``target`` to measure
        distance in that plane.
        """
        if len(self) == 0:
            return None
        x = self._point(x)
        offsets = self.X - x
        if target is not None and self.dim == 1 and self.task == "regression":
            offsets = np.column_stack([offsets, self.y - float(target)])
        distances = np.sqrt(np.sum(offsets * offsets, axis=1))
        index = int(np.argmin(distances))
        return index if distances[index] <= max_distance else None

    def resplit(self, train_fraction: float, seed: int = 0,
                validation_fraction: float = 0.0) -> None:
        """Redraw the split with :func:`split_codes` (ValueError for bad shares; the split is
        then unchanged)."""
        self.split = split_codes(len(self), train_fraction, validation_fraction, seed)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self):
            raise IndexError(f"point index {index} out of range 0..{len(self) - 1}")

    # -- copies and conversion -------------------------------------------------------------
    def copy(self) -> PointSet:
        return PointSet(self.X.copy(), self.y.copy(), self.task, None, self.dim,
                        split=self.split.copy())

    def to_dataset(self, feature_names: Sequence[str] | None = None) -> Dataset:
        """All points as a :class:`Dataset` (the train flag is not part of it)."""
        names = feature_names or (("x1",) if self.dim == 1 else ("x1", "x2"))
        return Dataset(self.X.copy(), self.y.copy(), self.task, self.n_classes, names)

    def to_dict(self) -> dict:
        """Plain data (lists, str, int) for scene files: ``train`` (bools, what older readers
        know) and, when there are validation points, ``split`` (the codes)."""
        d = {"task": self.task, "dim": self.dim, "X": self.X.tolist(),
             "y": self.y.tolist(), "train": self.train.tolist()}
        if np.any(self.split == VALIDATION):
            d["split"] = self.split.tolist()
        return d

    @classmethod
    def from_dict(cls, d: Mapping) -> PointSet:
        """Inverse of :meth:`to_dict` (``split`` wins over ``train``); ValueError on missing
        keys or wrong types/shapes."""
        if not isinstance(d, Mapping):
            raise ValueError(f"point set must be a mapping, got {type(d).__name__}")
        try:
            dim = d["dim"]
            X = d["X"] if len(d["X"]) else np.empty((0, dim))
            return cls(X, d["y"], d["task"], d.get("train"), dim, split=d.get("split"))
        except (KeyError, TypeError) as error:
            raise ValueError(f"malformed point set: {error!r}") from None

    @classmethod
    def from_dataset(cls, ds: Dataset, train_fraction: float = 0.7, seed: int = 0,
                     validation_fraction: float = 0.0) -> PointSet:
        """Points from a 1- or 2-input :class:`Dataset`, split by :func:`split_codes` with the
        shares and seed."""
        if ds.dim not in (1, 2):
            raise ValueError(f"the canvas shows 1 or 2 inputs; this data set has {ds.dim}")
        y = ds.y
        if ds.task == "regression":
            if y.ndim == 2 and y.shape[1] != 1:
                raise ValueError(f"the canvas shows one target; this data set has {y.shape[1]}")
            y = y.reshape(-1)
        split = split_codes(ds.n, train_fraction, validation_fraction, seed)
        return cls(ds.X, y, ds.task, None, ds.dim, split=split)

    def __repr__(self) -> str:
        return f"PointSet(n={len(self)}, task={self.task!r}, dim={self.dim})"


def _split_array(codes, n: int) -> np.ndarray:
    """Split codes as (n,) int8; ValueError for another length or a code not 0, 1 or 2."""
    try:
        array = np.array(codes, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise ValueError("split codes must be numbers 0 (train), 1 (validation), 2 (test)") \
            from None
    if array.shape != (n,):
        raise ValueError(f"split must have shape ({n},), got {array.shape}")
    if not np.all(np.isin(array, (TRAIN, VALIDATION, TEST))):
        raise ValueError("split codes must be 0 (train), 1 (validation) or 2 (test)")
    return array.astype(np.int8)
