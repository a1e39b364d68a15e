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
    "expand_features", "train_test_split", "Standardizer", "read_csv", "csv_columns",
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
def train_test_split(n: int, train_fraction: float, seed: int = 0) -> np.ndarray:
    """Random training mask (n,) bool with round(train_fraction · n) True entries.

    At least one training point when n ≥ 1, and at least one test point when n ≥ 2 and
    train_fraction < 1. ``train_fraction`` ∈ (0, 1]; the permutation comes from
    ``np.random.default_rng(seed)``. Raises ValueError for n < 0 or a fraction out of range.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    train_fraction = float(train_fraction)
    if not 0.0 < train_fraction <= 1.0:
        raise ValueError(f"train_fraction must be in (0, 1], got {train_fraction}")
    mask = np.zeros(n, dtype=bool)
    if n == 0:
        return mask
    n_train = min(max(int(round(train_fraction * n)), 1), n)
    if train_fraction < 1.0 and n >= 2:
        n_train = min(n_train, n - 1)
    mask[np.random.default_rng(seed).permutation(n)[:n_train]] = True
    return mask


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
    """The user's editable points: inputs, labels or targets, and the train/test flag.

    Attributes: ``X`` (n, dim) float64, ``y`` (n,) int64 class labels 0..7 or float64
    targets, ``train`` (n,) bool, ``task``, ``dim`` (1 or 2). Every edit validates its input
    and raises ValueError (labels outside 0..7, non-finite values, wrong length) leaving
    the set unchanged.
    """

    def __init__(self, X=None, y=None, task: str = "classification", train=None, dim: int = 2):
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
        train = np.ones(n, dtype=bool) if train is None else np.array(train, dtype=bool)
        if train.shape != (n,):
            raise ValueError(f"train must have shape ({n},), got {train.shape}")
        self.X, self.y, self.train = X, y, train

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
    def add(self, x, label, train: bool = True) -> int:
        """Append one point; returns its index."""
        index = len(self)
        self.insert(index, x, label, train)
        return index

    def insert(self, index: int, x, label, train: bool = True) -> None:
        """Insert a point at ``index`` (0..n); the inverse of :meth:`remove`, for undo."""
        if not 0 <= index <= len(self):
            raise IndexError(f"insert index {index} out of range 0..{len(self)}")
        x, label = self._point(x), self._labels([label])
        self.X = np.insert(self.X, index, x, axis=0)
        self.y = np.insert(self.y, index, label)
        self.train = np.insert(self.train, index, bool(train))

    def remove(self, index: int) -> tuple[np.ndarray, int | float, bool]:
        """Remove point ``index``; returns ``(x, label, train)`` for an undo via insert."""
        self._check_index(index)
        removed = (self.X[index].copy(), self.y[index].item(), bool(self.train[index]))
        self.X = np.delete(self.X, index, axis=0)
        self.y = np.delete(self.y, index)
        self.train = np.delete(self.train, index)
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
        self.train = np.empty(0, dtype=bool)

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

    def resplit(self, train_fraction: float, seed: int = 0) -> None:
        """Redraw the train/test flags with :func:`train_test_split`."""
        self.train = train_test_split(len(self), train_fraction, seed)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self):
            raise IndexError(f"point index {index} out of range 0..{len(self) - 1}")

    # -- copies and conversion -------------------------------------------------------------
    def copy(self) -> PointSet:
        return PointSet(self.X.copy(), self.y.copy(), self.task, self.train.copy(), self.dim)

    def to_dataset(self, feature_names: Sequence[str] | None = None) -> Dataset:
        """All points as a :class:`Dataset` (the train flag is not part of it)."""
        names = feature_names or (("x1",) if self.dim == 1 else ("x1", "x2"))
        return Dataset(self.X.copy(), self.y.copy(), self.task, self.n_classes, names)

    def to_dict(self) -> dict:
        """Plain data (lists, str, int) for scene files."""
        return {"task": self.task, "dim": self.dim, "X": self.X.tolist(),
                "y": self.y.tolist(), "train": self.train.tolist()}

    @classmethod
    def from_dict(cls, d: Mapping) -> PointSet:
        """Inverse of :meth:`to_dict`; ValueError on missing keys or wrong types/shapes."""
        if not isinstance(d, Mapping):
            raise ValueError(f"point set must be a mapping, got {type(d).__name__}")
        try:
            dim = d["dim"]
            X = d["X"] if len(d["X"]) else np.empty((0, dim))
            return cls(X, d["y"], d["task"], d.get("train"), dim)
        except (KeyError, TypeError) as error:
            raise ValueError(f"malformed point set: {error!r}") from None

    @classmethod
    def from_dataset(cls, ds: Dataset, train_fraction: float = 0.7, seed: int = 0) -> PointSet:
        """Points from a 1- or 2-input :class:`Dataset`, split by ``train_fraction`` and seed."""
        if ds.dim not in (1, 2):
            raise ValueError(f"the canvas shows 1 or 2 inputs; this data set has {ds.dim}")
        y = ds.y
        if ds.task == "regression":
            if y.ndim == 2 and y.shape[1] != 1:
                raise ValueError(f"the canvas shows one target; this data set has {y.shape[1]}")
            y = y.reshape(-1)
        train = train_test_split(ds.n, train_fraction, seed)
        return cls(ds.X, y, ds.task, train, ds.dim)

    def __repr__(self) -> str:
        return f"PointSet(n={len(self)}, task={self.task!r}, dim={self.dim})"
