"""Synthetic data sets: ``GENERATORS[name].fn(n, noise, seed) -> Dataset``.

Inputs live roughly in [-6, 6] (TensorFlow Playground's scale); ``noise`` ∈ [0, 0.5]; the
same ``(n, noise, seed)`` gives bit-identical data (``np.random.default_rng(seed)``).
Class 1 is TensorFlow Playground's "positive" class. Points are ordered by class.

circle, xor, gaussians, spiral, plane and bumps follow TensorFlow Playground's
``dataset.ts`` (Smilkov & Carter 2016, Apache-2.0): for circle, xor, plane and bumps the
noise perturbs the point only when its label is computed, so labels flip near the boundary
while the points stay where they were drawn. moons follows scikit-learn's ``make_moons``
(scaled by 3 and centred). The regression targets of sine and line get Gaussian noise.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from core.data_types import Dataset

# The linear-regression lesson's ground truth: y = LINE_SLOPE · x + LINE_INTERCEPT + noise.
LINE_SLOPE = 0.5
LINE_INTERCEPT = 1.0
MAX_NOISE = 0.5


class GeneratorSpec(NamedTuple):
    """A data-set generator: key, UI label, task, classes (0 = regression), input dim, fn."""

    name: str
    label: str
    task: str
    n_classes: int
    dim: int
    fn: Callable[[int, float, int], Dataset]


def _check_args(n, noise, seed) -> tuple[int, float, np.random.Generator]:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    noise = float(noise)
    if not 0.0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be between 0 and {MAX_NOISE}, got {noise!r}")
    return int(n), noise, np.random.default_rng(seed)


def _split(n: int, k: int) -> list[int]:
    """Class sizes for n points over k classes, as equal as possible."""
    return [n // k + (1 if i < n % k else 0) for i in range(k)]


def _classes(X, y, n_classes=2) -> Dataset:
    return Dataset(X, np.asarray(y, dtype=np.int64), "classification", n_classes, ("x1", "x2"))


def _regression(X, y) -> Dataset:
    names = ("x1",) if X.shape[1] == 1 else ("x1", "x2")
    return Dataset(X, y, "regression", 0, names)


def circle(n: int, noise: float, seed: int = 0) -> Dataset:
    """Class 1 inside radius 2.5, class 0 on the ring 3.5..5 (TF ``classifyCircleData``)."""
    n, noise, rng = _check_args(n, noise, seed)
    radius = 5.0
    n_inner, n_outer = _split(n, 2)
    r = np.concatenate([rng.uniform(0, radius * 0.5, n_inner),
                        rng.uniform(radius * 0.7, radius, n_outer)])
    angle = rng.uniform(0, 2 * math.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    jitter = rng.uniform(-radius, radius, (n, 2)) * noise
    y = np.hypot(*(X + jitter).T) < radius * 0.5
    return _classes(X, y)


def xor(n: int, noise: float, seed: int = 0) -> Dataset:
    """Class 1 where x1·x2 ≥ 0 (TF Playground ``classifyXORData``; 0.3 padding off the axes)."""
    n, noise, rng = _check_args(n, noise, seed)
    X = rng.uniform(-5, 5, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)
    jitter = rng.uniform(-5, 5, (n, 2)) * noise
    noisy = X + jitter
    return _classes(X, noisy[:, 0] * noisy[:, 1] >= 0)


def gaussians(n: int, noise: float, seed: int = 0) -> Dataset:
    """Two Gaussian clouds at (2, 2) (class 1) and (−2, −2) (class 0).

    Variance grows linearly from 0.5 (noise 0) to 4 (noise 0.5), as in TF Playground
    ``classifyTwoGaussData``.
    """
    n, noise, rng = _check_args(n, noise, seed)
    std = math.sqrt(0.5 + 7.0 * noise)
    n1, n0 = _split(n, 2)
    X = np.concatenate([rng.normal(2.0, std, (n1, 2)), rng.normal(-2.0, std, (n0, 2))])
    return _classes(X, np.r_[np.ones(n1), np.zeros(n0)])


def _spiral_arms(n: int, noise: float, rng: np.random.Generator, k: int) -> Dataset:
    """k interleaved arms: r = 5 i/m, θ = 1.75 · 2π i/m + 2π c/k, plus uniform noise."""
    X_parts, y_parts = [], []
    for c, m in enumerate(_split(n, k)):
        i = np.arange(m, dtype=np.float64)
        r = i / max(m, 1) * 5.0
        theta = 1.75 * i / max(m, 1) * 2 * math.pi + 2 * math.pi * c / k
        points = np.column_stack([r * np.sin(theta), r * np.cos(theta)])
        X_parts.append(points + rng.uniform(-1, 1, (m, 2)) * noise)
        y_parts.append(np.full(m, c))
    return _classes(np.concatenate(X_parts), np.concatenate(y_parts), k)


def spiral(n: int, noise: float, seed: int = 0) -> Dataset:
    """Two interleaved spirals (TF Playground ``classifySpiralData``; arm 0 is class 0)."""
    n, noise, rng = _check_args(n, noise, seed)
    return _spiral_arms(n, noise, rng, 2)


#: Share of class 1 ("positive") in the ``imbalanced`` data set: about 1 point in 10.
IMBALANCED_POSITIVE_SHARE = 0.1


def imbalanced(n: int, noise: float, seed: int = 0) -> Dataset:
    """Two overlapping Gaussian clouds, about 1 point in 10 positive (class 1).

    Class 1 has round(n · :data:`IMBALANCED_POSITIVE_SHARE`) points (half rounded up, so 0
    for n < 5) around (1.5, 1.5) with standard deviation 0.8 + 2·noise; class 0 has the rest
    around (−1, −1) with standard deviation 1.2 + 2·noise. Always answering class 0 is then
    about 90 % accurate and finds no positive: the data of the precision-and-recall lesson.
    """
    n, noise, rng = _check_args(n, noise, seed)
    n1 = int(math.floor(n * IMBALANCED_POSITIVE_SHARE + 0.5))
    X = np.concatenate([rng.normal(1.5, 0.8 + 2.0 * noise, (n1, 2)),
                        rng.normal(-1.0, 1.2 + 2.0 * noise, (n - n1, 2))])
    return _classes(X, np.r_[np.ones(n1), np.zeros(n - n1)])


def spiral3(n: int, noise: float, seed: int = 0) -> Dataset:
    """Three interleaved spiral arms, 120° apart, classes 0, 1, 2."""
    n, noise, rng = _check_args(n, noise, seed)
    return _spiral_arms(n, noise, rng, 3)


def moons(n: int, noise: float, seed: int = 0) -> Dataset:
    """Two interleaving half circles (scikit-learn ``make_moons``), scaled ×3 and centred.

    Upper moon (class 0): (cos t, sin t); lower moon (class 1): (1 − cos t, ½ − sin t),
    t ~ U[0, π]; Gaussian noise of std ``noise`` before scaling. Range about x1 ∈ [−4.5, 4.5],
    x2 ∈ [−3, 3].
    """
    n, noise, rng = _check_args(n, noise, seed)
    n0, n1 = _split(n, 2)
    t0, t1 = rng.uniform(0, math.pi, n0), rng.uniform(0, math.pi, n1)
    X = np.concatenate([np.column_stack([np.cos(t0), np.sin(t0)]),
                        np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)])])
    X += rng.normal(0.0, 1.0, X.shape) * noise
    X = (X - [0.5, 0.25]) * 3.0
    return _classes(X, np.r_[np.zeros(n0), np.ones(n1)])


def linear(n: int, noise: float, seed: int = 0) -> Dataset:
    """Linearly separable classes: class 1 where x1 + x2 > 0 (the perceptron lesson).

    Points are uniform in [−5, 5]², pushed 0.3 away from the boundary along its normal so
    noise 0 leaves a margin; labels use the point plus U(−5, 5)·noise jitter.
    """
    n, noise, rng = _check_args(n, noise, seed)
    X = rng.uniform(-5, 5, (n, 2))
    normal = np.array([1.0, 1.0]) / math.sqrt(2.0)
    side = np.where(X @ normal > 0, 1.0, -1.0)
    X += 0.3 * side[:, None] * normal
    jitter = rng.uniform(-5, 5, (n, 2)) * noise
    return _classes(X, (X + jitter) @ normal > 0)


def blobs(n: int, noise: float, seed: int = 0) -> Dataset:
    """Three Gaussian blobs at radius 3.5 (angles 90°, 210°, 330°), classes 0, 1, 2.

    Variance grows from 0.5 to 4 with noise, as for ``gaussians``.
    """
    n, noise, rng = _check_args(n, noise, seed)
    std = math.sqrt(0.5 + 7.0 * noise)
    parts, labels = [], []
    for c, m in enumerate(_split(n, 3)):
        angle = math.radians(90 + 120 * c)
        centre = 3.5 * np.array([math.cos(angle), math.sin(angle)])
        parts.append(rng.normal(0.0, std, (m, 2)) + centre)
        labels.append(np.full(m, c))
    return _classes(np.concatenate(parts), np.concatenate(labels), 3)


def sine(n: int, noise: float, seed: int = 0) -> Dataset:
    """1-D regression: x ~ U(−6, 6), y = sin x + ε, ε ~ N(0, noise²)."""
    n, noise, rng = _check_args(n, noise, seed)
    x = rng.uniform(-6, 6, n)
    return _regression(x[:, None], np.sin(x) + rng.normal(0.0, 1.0, n) * noise)


def line(n: int, noise: float, seed: int = 0) -> Dataset:
    """1-D linear regression: x ~ U(−5, 5), y = w·x + b + ε, ε ~ N(0, (2·noise)²).

    w = :data:`LINE_SLOPE` (0.5), b = :data:`LINE_INTERCEPT` (1.0); with noise 0 the points
    lie exactly on the line.
    """
    n, noise, rng = _check_args(n, noise, seed)
    x = rng.uniform(-5, 5, n)
    y = LINE_SLOPE * x + LINE_INTERCEPT + rng.normal(0.0, 1.0, n) * (2.0 * noise)
    return _regression(x[:, None], y)


def plane(n: int, noise: float, seed: int = 0) -> Dataset:
    """2-D regression: y = (x1 + x2)/10 at the jittered point (TF Playground ``regressPlane``).

    Inputs uniform in [−6, 6]², jitter U(−6, 6)·noise; y ∈ about [−1.2, 1.2].
    """
    n, noise, rng = _check_args(n, noise, seed)
    X = rng.uniform(-6, 6, (n, 2))
    jitter = rng.uniform(-6, 6, (n, 2)) * noise
    return _regression(X, (X + jitter).sum(axis=1) / 10.0)


# (centre x1, centre x2, sign) of TF Playground's ``regressGaussian`` bumps.
_BUMPS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def bumps(n: int, noise: float, seed: int = 0) -> Dataset:
    """2-D regression over six signed bumps (TF Playground ``regressGaussian``).

    Each bump contributes sign · max(0, 1 − d/2) at distance d from its centre; y is the
    contribution of largest magnitude, so y ∈ [−1, 1]. Inputs uniform in [−6, 6]²; the label
    is computed at the point plus U(−6, 6)·noise jitter.
    """
    n, noise, rng = _check_args(n, noise, seed)
    X = rng.uniform(-6, 6, (n, 2))
    noisy = X + rng.uniform(-6, 6, (n, 2)) * noise
    y = np.zeros(n)
    for cx, cy, sign in _BUMPS:
        distance = np.hypot(noisy[:, 0] - cx, noisy[:, 1] - cy)
        contribution = sign * np.clip(1.0 - distance / 2.0, 0.0, 1.0)
        y = np.where(np.abs(contribution) > np.abs(y), contribution, y)
    return _regression(X, y)


GENERATORS: dict[str, GeneratorSpec] = {
    spec.name: spec
    for spec in (
        GeneratorSpec("circle", "Circle", "classification", 2, 2, circle),
        GeneratorSpec("xor", "Exclusive or", "classification", 2, 2, xor),
        GeneratorSpec("gaussians", "Two Gaussians", "classification", 2, 2, gaussians),
        GeneratorSpec("spiral", "Spiral", "classification", 2, 2, spiral),
        GeneratorSpec("moons", "Moons", "classification", 2, 2, moons),
        GeneratorSpec("linear", "Linearly separable", "classification", 2, 2, linear),
        GeneratorSpec("imbalanced", "Imbalanced (1 in 10)", "classification", 2, 2,
                      imbalanced),
        GeneratorSpec("blobs", "Three blobs", "classification", 3, 2, blobs),
        GeneratorSpec("spiral3", "Three-arm spiral", "classification", 3, 2, spiral3),
        GeneratorSpec("sine", "Sine (1-D)", "regression", 0, 1, sine),
        GeneratorSpec("line", "Line (1-D)", "regression", 0, 1, line),
        GeneratorSpec("plane", "Plane", "regression", 0, 2, plane),
        GeneratorSpec("bumps", "Gaussian bumps", "regression", 0, 2, bumps),
    )
}


def generate(name: str, n: int, noise: float, seed: int = 0) -> Dataset:
    """``GENERATORS[name].fn(n, noise, seed)``; ValueError listing the names if unknown."""
    if name not in GENERATORS:
        raise ValueError(f"Unknown data set '{name}'; allowed: {', '.join(GENERATORS)}")
    return GENERATORS[name].fn(n, noise, seed)
