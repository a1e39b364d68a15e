"""The `Dataset` record shared by the generators, CSV import and the point editor.

Kept in its own module so that ``core.generators`` and ``core.csv_io`` can build datasets
without importing ``core.datasets`` (which re-exports all of them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TASKS = ("classification", "regression")
MAX_CLASSES = 8
#: Largest feature (and regression target) magnitude accepted from a CSV file or a scene file.
#: Standardization squares deviations and the features x1², x1·x2 square the values again, so
#: |x| ≤ 1e75 keeps every step finite in float64 (max ≈ 1.8e308): (x²)² ≤ 1e300, times even a
#: million rows. Beyond it the numbers overflow to inf during standardization.
MAX_FEATURE_MAGNITUDE = 1e75


@dataclass
class Dataset:
    """A labelled data set.

    Fields:
        X: (n, d_in) float64 inputs.
        y: (n,) int64 class labels in [0, n_classes) for classification; (n,) or (n, d_out)
            float64 targets for regression.
        task: "classification" or "regression".
        n_classes: number of classes K (2..8) for classification, 0 for regression.
        feature_names: one name per input column.
        class_names: one name per class (e.g. from a CSV's string labels), or None.
        dropped_rows: rows dropped on import because a chosen cell was empty or NA.

    Raises ValueError if the fields are inconsistent (shapes, dtypes, labels out of range).
    """

    X: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...] | None = None
    dropped_rows: int = 0

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, got {self.task!r}")
        self.X = np.asarray(self.X, dtype=np.float64)
        if self.X.ndim != 2:
            raise ValueError(f"X must have shape (n, d_in), got {self.X.shape}")
        n, d_in = self.X.shape
        self.feature_names = tuple(str(name) for name in self.feature_names)
        if len(self.feature_names) != d_in:
            raise ValueError(
                f"{len(self.feature_names)} feature names for {d_in} input columns"
            )
        if self.task == "classification":
            y = np.asarray(self.y)
            if y.shape != (n,):
                raise ValueError(f"class labels must have shape ({n},), got {y.shape}")
            if y.size and not np.all(np.equal(np.mod(y, 1), 0)):
                raise ValueError("class labels must be integers")
            self.y = y.astype(np.int64)
            if not 2 <= self.n_classes <= MAX_CLASSES:
                raise ValueError(
                    f"n_classes must be between 2 and {MAX_CLASSES}, got {self.n_classes}"
                )
            if self.y.size and (self.y.min() < 0 or self.y.max() >= self.n_classes):
                raise ValueError(f"class labels must lie in [0, {self.n_classes})")
            if self.class_names is not None:
                self.class_names = tuple(str(c) for c in self.class_names)
                if len(self.class_names) != self.n_classes:
                    raise ValueError(
                        f"{len(self.class_names)} class names for {self.n_classes} classes"
                    )
        else:
            self.y = np.asarray(self.y, dtype=np.float64)
            if self.y.ndim not in (1, 2) or self.y.shape[0] != n:
                raise ValueError(f"targets must have shape ({n},) or ({n}, d_out), got "
                                 f"{self.y.shape}")
            if self.n_classes != 0:
                raise ValueError("n_classes must be 0 for regression")
        self.n_classes = int(self.n_classes)
        self.dropped_rows = int(self.dropped_rows)

    @property
    def n(self) -> int:
        """Number of samples."""
        return self.X.shape[0]

    @property
    def dim(self) -> int:
        """Number of input columns d_in."""
        return self.X.shape[1]
