"""Engine speed against a minimal fused NumPy reference measured in the same process.

Prints, for a 2-8-8-1 tanh/sigmoid network trained with bce on 500 points:
  * the median time of one full-batch training step (forward, backward, SGD update) through
    core.network.MLP, and its ratio to a hand-fused NumPy step (target ≤ 1.5);
  * the median time to evaluate the 100×100 decision-boundary grid with ``MLP.predict``, and its
    ratio to a hand-fused forward pass over the same grid (target ≤ 1.5);
  * steps/s of ``core.training.Trainer(evaluation="cadence")`` with batch size 1 on 10,000
    points and on 500 points, measured in the same run (interleaved blocks), and their ratio
    (target ≥ 0.5: the cost of a step must not grow with the data; issue 14 part 4);
  * the median time of the same training step with batch normalization on both hidden layers
    (``MLP(batch_norm=True)``, training mode), and its ratio to the step without it measured
    in the same run (target ≤ 1.5).

The reference is what a NumPy programmer would write inline: no validation, no caches kept for
display, the textbook sigmoid 1/(1 + e^{−z}) and ``np.logaddexp`` for the loss. Engine and
reference blocks are interleaved so that clock drift affects both alike.

Run: ``python benchmarks/bench_engine.py [--repeats 300]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.network import MLP  # noqa: E402
from core.training import Trainer  # noqa: E402

LEARNING_RATE = 0.03
N_POINTS = 500
GRID_RESOLUTION = 100


def make_data(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """500 points in [−6, 6]², label 1 inside a circle of radius 3 (TensorFlow Playground scale)."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-6.0, 6.0, size=(N_POINTS, 2))
    y = (np.hypot(X[:, 0], X[:, 1]) < 3.0).astype(np.float64).reshape(-1, 1)
    return X, y


def engine_step(net: MLP, X: np.ndarray, y: np.ndarray) -> float:
    gradients = net.backward(net.forward(X, training=net.batch_norm), y, "bce")
    for param, grad in zip(net.parameters(), gradients.as_list(), strict=True):
        param -= LEARNING_RATE * grad
    return gradients.loss


def reference_step(params: list[np.ndarray], X: np.ndarray, y: np.ndarray) -> float:
    W1, b1, W2, b2, W3, b3 = params
    n = X.shape[0]
    a1 = np.tanh(X @ W1.T + b1)
    a2 = np.tanh(a1 @ W2.T + b2)
    z3 = a2 @ W3.T + b3
    p = 1.0 / (1.0 + np.exp(-z3))
    loss = float(np.mean(np.logaddexp(0.0, z3) - y * z3))
    d3 = (p - y) / n
    d2 = (d3 @ W3) * (1.0 - a2 * a2)
    d1 = (d2 @ W2) * (1.0 - a1 * a1)
    grads = (d1.T @ X, d1.sum(axis=0), d2.T @ a1, d2.sum(axis=0), d3.T @ a2, d3.sum(axis=0))
    for param, grad in zip(params, grads, strict=True):
        param -= LEARNING_RATE * grad
    return loss


def reference_forward(params: list[np.ndarray], X: np.ndarray) -> np.ndarray:
    W1, b1, W2, b2, W3, b3 = params
    a1 = np.tanh(X @ W1.T + b1)
    a2 = np.tanh(a1 @ W2.T + b2)
    return 1.0 / (1.0 + np.exp(-(a2 @ W3.T + b3)))


def grid_points(resolution: int = GRID_RESOLUTION) -> np.ndarray:
    xs = np.linspace(-6.0, 6.0, resolution)
    gx, gy = np.meshgrid(xs, xs)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _block_time(fn, inner: int) -> float:
    start = time.perf_counter()
    for _ in range(inner):
        fn()
    return (time.perf_counter() - start) / inner


def interleaved_medians(engine_fn, reference_fn, repeats: int, inner: int) -> tuple[float, float]:
    """Median seconds per call of each function over ``repeats`` alternating blocks of ``inner``."""
    for _ in range(3):  # warm-up
        engine_fn()
        reference_fn()
    engine_times, reference_times = [], []
    for _ in range(repeats):
        engine_times.append(_block_time(engine_fn, inner))
        reference_times.append(_block_time(reference_fn, inner))
    return statistics.median(engine_times), statistics.median(reference_times)


def check_agreement(X: np.ndarray, y: np.ndarray) -> float:
    """Max |engine − reference| over all parameters after 50 identical steps (sanity check)."""
    net = MLP((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=1)
    params = [p.copy() for p in net.parameters()]
    for _ in range(50):
        engine_step(net, X, y)
        reference_step(params, X, y)
    return float(np.max(np.abs(net.get_params() - np.concatenate([p.ravel() for p in params]))))


CADENCE_SIZES = (10_000, 500)
CADENCE_BLOCK = 200  # steps per timed block


def cadence_trainer(n: int) -> Trainer:
    """A 2-8-8-1 tanh/sigmoid/bce trainer with batch size 1 on ``n`` circle points (70 % for
    training, the rest for testing), evaluating at epoch ends only."""
    rng = np.random.default_rng(1)
    X = rng.uniform(-6.0, 6.0, size=(n, 2))
    y = (np.hypot(X[:, 0], X[:, 1]) < 3.0).astype(np.float64)
    cut = int(0.7 * n)
    net = MLP((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0)
    return Trainer(net, "bce", X[:cut], y[:cut], X[cut:], y[cut:], batch_size=1,
                   learning_rate=0.01, evaluation="cadence", snapshot_capacity=10)


def cadence_steps_per_second(repeats: int) -> dict[int, float]:
    """Steps/s per data size: all steps over the total time of ``repeats`` interleaved blocks of
    CADENCE_BLOCK steps (a mean, so the epoch-end evaluations that fall in them count)."""
    trainers = {n: cadence_trainer(n) for n in CADENCE_SIZES}
    times: dict[int, list[float]] = {n: [] for n in CADENCE_SIZES}
    for trainer in trainers.values():
        trainer.step()  # warm-up
    for _ in range(repeats):
        for n, trainer in trainers.items():
            times[n].append(_block_time(trainer.step, CADENCE_BLOCK))
    return {n: len(block) / sum(block) for n, block in times.items()}


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300, help="timed blocks per function")
    parser.add_argument("--cadence-repeats", type=int, default=15,
                        help=f"timed blocks of {CADENCE_BLOCK} steps per data size")
    args = parser.parse_args(argv)

    X, y = make_data()
    print(f"agreement after 50 steps: max |Δθ| = {check_agreement(X, y):.2e}")

    net = MLP((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0)
    params = [p.copy() for p in net.parameters()]
    step_engine, step_reference = interleaved_medians(
        lambda: engine_step(net, X, y), lambda: reference_step(params, X, y), args.repeats, 20
    )

    grid = grid_points()
    frozen = [p.copy() for p in net.parameters()]
    grid_engine, grid_reference = interleaved_medians(
        lambda: net.predict(grid), lambda: reference_forward(frozen, grid), args.repeats // 3, 3
    )

    bn_net = MLP((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0,
                 batch_norm=True)
    plain_net = MLP((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0)
    step_bn, step_plain = interleaved_medians(
        lambda: engine_step(bn_net, X, y), lambda: engine_step(plain_net, X, y), args.repeats, 20
    )

    figures = {
        "bn_step_us": step_bn * 1e6,
        "plain_step_us": step_plain * 1e6,
        "bn_ratio": step_bn / step_plain,
        "step_engine_us": step_engine * 1e6,
        "step_reference_us": step_reference * 1e6,
        "step_ratio": step_engine / step_reference,
        "grid_engine_us": grid_engine * 1e6,
        "grid_reference_us": grid_reference * 1e6,
        "grid_ratio": grid_engine / grid_reference,
    }
    print(f"NumPy {np.__version__}, Python {sys.version.split()[0]}")
    print(
        f"training step 2-8-8-1 tanh/sigmoid/bce, n={N_POINTS}: "
        f"engine {figures['step_engine_us']:.1f} µs, "
        f"reference {figures['step_reference_us']:.1f} µs, "
        f"ratio {figures['step_ratio']:.2f} (target ≤ 1.5)"
    )
    print(
        f"decision-boundary grid {GRID_RESOLUTION}×{GRID_RESOLUTION}: "
        f"engine {figures['grid_engine_us']:.1f} µs, "
        f"reference {figures['grid_reference_us']:.1f} µs, "
        f"ratio {figures['grid_ratio']:.2f} (target ≤ 1.5)"
    )
    rates = cadence_steps_per_second(args.cadence_repeats)
    large, small = CADENCE_SIZES
    figures.update({"cadence_steps_per_s_large": rates[large],
                    "cadence_steps_per_s_small": rates[small],
                    "cadence_ratio": rates[large] / rates[small]})
    print(
        f"Trainer(evaluation='cadence'), batch size 1, 2-8-8-1: "
        f"{rates[large]:.0f} steps/s on {large:,} points, "
        f"{rates[small]:.0f} steps/s on {small:,} points, "
        f"ratio {figures['cadence_ratio']:.2f} (target ≥ 0.5)"
    )
    print(
        f"training step with batch norm (2-8-8-1, training mode), n={N_POINTS}: "
        f"{figures['bn_step_us']:.1f} µs, without {figures['plain_step_us']:.1f} µs, "
        f"ratio {figures['bn_ratio']:.2f} (target ≤ 1.5)"
    )
    return figures


if __name__ == "__main__":
    main()
