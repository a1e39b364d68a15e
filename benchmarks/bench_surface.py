"""Loss-surface speed against a naive loop, both measured in this process (issue 5).

Scene: the default — 2-8-8-1 tanh MLP, sigmoid output with bce, 500 circle points, a 51×51 grid.
Reference: a float64 Python loop that calls ``set_params`` and then ``forward`` (plus the loss and
penalty) once per grid point. Each timing is the best of ``--repeats`` interleaved runs.
A tick probe then measures how long a thread beside the computation can be kept waiting.

Targets: random filter-normalized directions ≥ 2.5× (float32 allowed, relative error ≤ 1e-5);
two chosen parameters in the last layer ≥ 10×.

GUI case (``gui_tick_probe``): the real loss-surface dock and its worker thread, with a 5 ms
QTimer in the GUI thread; the longest gap between ticks while a surface computes and is drawn
must stay within 50 ms. It is printed with the same probe on an idle GUI as the reference,
and with the GUI thread's own CPU time inside the longest gap (the rest is waiting for a core).

Run: ``python benchmarks/bench_surface.py [--resolution 51] [--repeats 5] [--no-gui]``
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.datasets import GENERATORS, Standardizer  # noqa: E402
from core.directions import flat_index, parameter_plane, random_plane  # noqa: E402
from core.loss_surface import FLOAT32_RTOL, coarse_then_fine, grid_axes, loss_surface  # noqa: E402
from core.losses import loss_value  # noqa: E402
from core.network import MLP  # noqa: E402


def naive_surface(net, X, y, loss, plane, alphas, betas, l1=0.0, l2=0.0) -> np.ndarray:
    """The reference: one set_params + forward per grid point, float64, (nb, na)."""
    twin = net.copy()
    values = np.empty((len(betas), len(alphas)))
    for j, beta in enumerate(betas):
        for i, alpha in enumerate(alphas):
            twin.set_params(plane.point(alpha, beta))
            forward = twin.forward(X)
            values[j, i] = loss_value(loss, forward.pre_activations[-1], forward.output, y)
            values[j, i] += twin.penalty(l1, l2)
    return values


def tick_probe(work, period: float = 0.005) -> tuple[float, float]:
    """Run ``work`` in a worker thread; the caller's thread ticks every ``period`` seconds.

    Returns (longest gap between ticks, seconds of work): how long a GUI thread running beside
    the computation could be kept waiting (the GIL is shared; NumPy releases it in its loops).
    """
    done = threading.Event()
    worker = threading.Thread(target=lambda: (work(), done.set()))
    started = last = time.perf_counter()
    worker.start()
    longest = 0.0
    while not done.is_set():
        time.sleep(period)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    return longest, time.perf_counter() - started


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolution", type=int, default=51)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-gui", action="store_true", help="skip the GUI-thread probe")
    args = parser.parse_args(argv)

    data = GENERATORS["circle"].fn(500, 0.1, 0)
    X, y = Standardizer.fit(data.X).transform(data.X), data.y.astype(np.float64)
    net = MLP((2, 8, 8, 1), activation="tanh", output_activation="sigmoid", seed=0)
    alphas, betas = grid_axes((-1.0, 1.0), (-1.0, 1.0), args.resolution)
    last = net.n_layers - 1
    cases = [
        ("random directions", random_plane(net, seed=0), 2.5),
        ("two parameters in the last layer", parameter_plane(
            net, flat_index(net.layer_sizes, last, "W", 0, 3),
            flat_index(net.layer_sizes, last, "b", 0)), 10.0),
    ]
    print(f"scene: 2-8-8-1 tanh, sigmoid/bce, n={len(X)}, grid {args.resolution}x"
          f"{args.resolution}; best of {args.repeats} interleaved runs")
    ok = True
    for name, plane, target in cases:
        contenders = {"naive float64 loop": lambda plane=plane: naive_surface(
            net, X, y, "bce", plane, alphas, betas)}
        for dtype in (np.float64, np.float32):
            contenders[f"vectorized {np.dtype(dtype).name}"] = (
                lambda plane=plane, dtype=dtype: loss_surface(
                    net, X, y, "bce", plane, alphas, betas, dtype=dtype).total_loss)
        best = dict.fromkeys(contenders, np.inf)
        values = {}
        for _ in range(args.repeats):  # interleaved, so load from other processes hits all alike
            for key, function in contenders.items():
                started = time.perf_counter()
                values[key] = function()
                best[key] = min(best[key], time.perf_counter() - started)
        reference_time, reference = best["naive float64 loop"], values["naive float64 loop"]
        print(f"\n{name}: naive float64 loop {reference_time * 1e3:8.1f} ms")
        speedups = []
        for key in list(contenders)[1:]:
            error = float(np.max(np.abs(values[key] - reference) / np.abs(reference)))
            tolerance = FLOAT32_RTOL if key.endswith("float32") else 1e-12
            speedup = reference_time / best[key]
            speedups.append(speedup if error <= tolerance else 0.0)
            print(f"  {key}: {best[key] * 1e3:8.1f} ms  speed-up {speedup:5.1f}x  "
                  f"max rel. error {error:.1e} (tolerance {tolerance:.0e})")
        met = max(speedups) >= target
        ok &= met
        print(f"  target >= {target:.1f}x: {'met' if met else 'NOT met'}")

    def preview_then_full():
        for _ in coarse_then_fine(net, X, y, "bce", cases[0][1], (-1, 1), (-1, 1),
                                  args.resolution, dtype=np.float32):
            pass

    gap, seconds = tick_probe(preview_then_full)
    print(f"\ntick probe (21x21 preview then {args.resolution}x{args.resolution}, float32, worker "
          f"thread): longest gap between 5 ms ticks {gap * 1e3:.1f} ms over {seconds * 1e3:.0f} ms"
          f" (budget 50 ms: {'met' if gap < 0.05 else 'NOT met'})")
    preview_decision(net, X, y, cases[0][1], args.resolution)
    if not args.no_gui:
        gui_tick_probe(args.resolution, args.repeats)
    return 0 if ok else 1


def preview_decision(net, X, y, plane, resolution: int) -> bool:
    """Print whether the dock shows a 21×21 preview first on this machine (the dock's own
    estimate, gui.surface.jobs.full_surface_seconds, against PREVIEW_WORTH_SECONDS)."""
    from gui.surface.jobs import PREVIEW_WORTH_SECONDS, full_surface_seconds

    coarse = next(coarse_then_fine(net, X, y, "bce", plane, (-1, 1), (-1, 1), resolution,
                                   dtype=np.float32))
    expected = full_surface_seconds(coarse, resolution)
    shown = coarse.alphas.size < resolution and expected >= PREVIEW_WORTH_SECONDS
    print(f"\npreview decision: 21x21 in {coarse.seconds * 1e3:.1f} ms, so {resolution}x"
          f"{resolution} expected in {expected * 1e3:.0f} ms; preview "
          f"{'shown' if shown else 'skipped'} (shown from {PREVIEW_WORTH_SECONDS * 1e3:.0f} ms)")
    return shown


# --- GUI case: the real dock, the real worker thread, a QTimer probe in the GUI thread ---------
def gui_tick_probe(resolution: int = 51, repeats: int = 3, period_ms: int = 5) -> dict:
    """Longest interval between ``period_ms`` QTimer ticks in the GUI thread while the loss-
    surface dock computes and draws a surface (``resolution``², after a 21×21 preview when
    the full grid takes 0.1 s or more).

    The default scene, trained 200 steps, in a 640×560 dock (offscreen unless a display is
    set). Each plane kind is recomputed ``repeats`` times (newest-wins worker, results drawn
    as they come). The reference is the same probe with nothing computing, measured in this
    process: what the machine's load alone costs. The GUI thread's CPU time inside the longest
    gap tells our own work (handling a result, painting) from waiting for a core or for the
    interpreter lock. Returns {case: [(max gap s, GUI CPU s in it), …]}.
    """
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtWidgets

    from gui.controller import TrainingController
    from gui.surface.dock import LossSurfacePresenter

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    controller = TrainingController()
    for _ in range(200):
        controller.trainer.step()
    presenter = LossSurfacePresenter(controller)
    presenter.controls.auto_spin.setValue(0)
    presenter.controls.resolution_spin.setValue(resolution)
    presenter.view.resize(640, 560)
    presenter.view.show()

    def probe(start, finished=None, seconds=0.4) -> tuple[float, float]:
        """(longest gap between ticks, GUI-thread CPU seconds used within that gap)."""
        gaps, last = [], [time.perf_counter(), time.thread_time()]

        def tick():
            now, cpu = time.perf_counter(), time.thread_time()
            gaps.append((now - last[0], cpu - last[1]))
            last[:] = [now, cpu]

        timer = QtCore.QTimer()
        timer.setTimerType(QtCore.Qt.TimerType.PreciseTimer)
        timer.timeout.connect(tick)
        loop = QtCore.QEventLoop()
        quit_soon = lambda *_: QtCore.QTimer.singleShot(60, loop.quit)  # noqa: E731
        if finished is None:
            QtCore.QTimer.singleShot(int(seconds * 1000), loop.quit)
        else:
            finished.connect(quit_soon)
        QtCore.QTimer.singleShot(10, start)
        timer.start(period_ms)
        last[:] = [time.perf_counter(), time.thread_time()]
        loop.exec()
        timer.stop()
        if finished is not None:
            finished.disconnect(quit_soon)
        return max(gaps) if gaps else (float("inf"), float("inf"))

    probe(presenter.recompute, presenter.surface_runner.finished)  # warm-up (first paint)
    gaps: dict[str, list[tuple[float, float]]] = {"idle (reference)": []}
    for _ in range(repeats):
        gaps["idle (reference)"].append(probe(lambda: None))
        for mode in ("parameters", "random", "pca"):
            presenter.controls.set_mode(mode)
            gaps.setdefault(mode, []).append(
                probe(presenter.recompute, presenter.surface_runner.finished))
    presenter.shutdown()
    app.processEvents()

    print(f"\nGUI thread probe (dock 640x560, {resolution}x{resolution} after a 21x21 preview "
          f"when that is worth it, "
          f"{period_ms} ms QTimer, {repeats} runs each; longest gap between ticks, and the GUI "
          f"thread's own CPU time within it):")
    reference = float(np.median([gap for gap, _ in gaps["idle (reference)"]]))
    for case, values in gaps.items():
        walls = [gap for gap, _ in values]
        worst = max(values)
        median = float(np.median(walls))
        verdict = "" if case.startswith("idle") else (
            f"  budget 50 ms: {'met' if worst[0] <= 0.05 else 'NOT met'}")
        print(f"  {case:17s} median {median * 1e3:5.1f} ms, worst {worst[0] * 1e3:5.1f} ms "
              f"(GUI CPU in it {worst[1] * 1e3:4.1f} ms; {median / reference:4.1f}x the idle "
              f"median){verdict}")
    return gaps

if __name__ == "__main__":
    raise SystemExit(main())
