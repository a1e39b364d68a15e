"""Data canvas: the cost of redrawing the points (``DataCanvas.set_points``).

Scene: 10,000 points (the largest generated data set) in three classes, 70 % training, 15 %
validation, 15 % test, as after a click adds a point; and the same number in a regression
scene (a colour per point). Timed (best and median of ``--repeats`` runs, one offscreen canvas):
``set_points`` alone, and ``set_points`` followed by a synchronous repaint. CPU time
(``time.process_time``) is printed too: on a loaded machine compare it, not the wall time.

Reference figures (2-core machine, load average 8, best CPU time per call, 10,000 points):
before styling by distinct colour with one symbol layout per call, set_points took 260 ms
(3 classes) and 502 ms (regression, random colours); after, 131 ms and 412 ms. With a repaint:
288 → 138 ms and 543 → 415 ms.

Run: ``python benchmarks/bench_canvas_points.py [--repeats 10] [--points 10000]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.datasets import TEST, TRAIN, VALIDATION  # noqa: E402


def timed(work, repeats: int) -> tuple[float, float, float]:
    """(best, median, best CPU) seconds of ``repeats`` calls of ``work`` after one warm-up."""
    work()
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return min(times), statistics.median(times), min(cpu)


def scene(n: int, regression: bool, seed: int = 0):
    """positions (n, 2), colours (n, 4) uint8, split (n,) codes."""
    rng = np.random.default_rng(seed)
    positions = rng.uniform(-5, 5, (n, 2))
    if regression:
        colours = np.column_stack([rng.integers(0, 256, (n, 3)), np.full(n, 255)])
    else:
        palette = np.array([[230, 159, 0, 255], [86, 180, 233, 255], [0, 158, 115, 255]])
        colours = palette[rng.integers(0, 3, n)]
    split = np.array([TRAIN, VALIDATION, TEST])[rng.choice(3, n, p=[0.7, 0.15, 0.15])]
    return positions, colours.astype(np.uint8), split


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--points", type=int, default=10_000)
    args = parser.parse_args(argv)

    from gui.app_window.headless_figures import ensure_application
    from gui.canvas.data_canvas import DataCanvas

    app = ensure_application()
    canvas = DataCanvas()
    canvas.resize(700, 640)
    canvas.show()
    for _ in range(3):
        app.processEvents()
    print(f"{args.points} points; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs")
    for task in ("classification", "regression"):
        canvas.task = task
        positions, colours, split = scene(args.points, task == "regression")

        def draw(positions=positions, colours=colours, split=split):
            canvas.set_points(positions, colours, split)

        def draw_and_paint(draw=draw):
            draw()
            canvas.viewport().repaint()

        for name, work in (("set_points", draw), ("set_points + repaint", draw_and_paint)):
            best, median, cpu = timed(work, args.repeats)
            print(f"  {task:14s} {name:22s} best {best * 1e3:7.1f} ms  "
                  f"median {median * 1e3:7.1f} ms  CPU {cpu * 1e3:7.1f} ms")
    canvas.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
