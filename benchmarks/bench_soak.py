"""Soak test of Play: memory growth and frame-time drift over a long offscreen run.

Plays the default scene (circle, 500 points, 2-8-8-1 tanh, full batch) at full speed in a
shown MainWindow for ``--steps`` training steps and reports, each against the same run's
start (no absolute thresholds that depend on the machine):

- resident memory (``/proc/self/statm``) after the warm-up and at the end: growth in MB and
  as a ratio end / after-warm-up;
- the median frame time over the frames covering the first ``--window`` steps after the
  warm-up and over the last ``--window`` steps (each window at least 30 frames), and their
  ratio (the drift); also steps/s in both windows and their ratio;
- how much the history and the snapshot ring hold (stored points / capacity) — both bounded.

Targets (hardening issue): growth < 30 MB, frame-time drift ≤ 20 %.

Usage: ``python benchmarks/bench_soak.py [--steps 50000] [--warmup 3000] [--window 1000]``
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as app.py
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

MIN_WINDOW_FRAMES = 30


def rss_mb() -> float:
    """Resident set size of this process in MB, from /proc/self/statm (Linux)."""
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _window_frames(ticks: np.ndarray, first_step: int, last_step: int) -> np.ndarray:
    """Indices of the frames whose steps lie in [first_step, last_step), widened to at least
    MIN_WINDOW_FRAMES frames (forward from the start of the range)."""
    steps = ticks[:, 1]
    inside = np.flatnonzero((steps > first_step) & (steps <= last_step))
    if inside.size >= MIN_WINDOW_FRAMES:
        return inside
    start = inside[0] if inside.size else int(np.searchsorted(steps, first_step))
    start = min(start, len(ticks) - MIN_WINDOW_FRAMES)
    return np.arange(max(start, 1), max(start, 1) + MIN_WINDOW_FRAMES)


def soak(controller, steps: int, warmup: int = 3000, window: int = 1000,
         timeout: float = 900.0) -> dict:
    """Play until `steps` steps are done (or `timeout` s) and measure. Returns a dict with
    rss_start_mb, rss_end_mb, growth_mb, memory_ratio, frame_ms_start, frame_ms_end, drift
    (end/start), steps_per_s_start/end, speed_ratio, history_stored, history_capacity,
    grad_norms_stored, snapshots_stored, steps, frames, seconds."""
    app = QtWidgets.QApplication.instance()
    ticks: list[tuple[float, int]] = []
    trainer = controller.trainer
    # runs after the controller's own tick slot (connection order): the steps and the redraw
    # of that frame are done when it records (time, step count)
    controller.timer.timeout.connect(lambda: ticks.append((time.perf_counter(),
                                                           trainer.step_count)))
    rss_start = None
    controller.play()
    start = time.perf_counter()
    while trainer.step_count < steps and time.perf_counter() - start < timeout:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if rss_start is None and trainer.step_count >= warmup:
            rss_start = rss_mb()
        if not controller.playing:
            raise RuntimeError(f"Play stopped at step {trainer.step_count} "
                               f"(divergence: {trainer.divergence})")
    controller.pause()
    seconds = time.perf_counter() - start
    rss_end = rss_mb()
    data = np.array(ticks, dtype=np.float64)
    frame_s = np.diff(data[:, 0])
    step_at = data[1:, 1]
    timed = np.column_stack([frame_s, step_at])
    first = _window_frames(timed, warmup, warmup + window)
    last = _window_frames(timed, trainer.step_count - window, trainer.step_count + 1)
    if last[-1] >= len(timed):  # widen backwards at the end of the run
        last = np.arange(len(timed) - MIN_WINDOW_FRAMES, len(timed))

    def speed(indices) -> float:
        done = data[indices[-1] + 1, 1] - data[indices[0], 1]
        return float(done / frame_s[indices].sum())

    frame_start = float(np.median(frame_s[first])) * 1000
    frame_end = float(np.median(frame_s[last])) * 1000
    history = trainer.history
    return {
        "steps": int(trainer.step_count), "frames": int(len(frame_s)), "seconds": seconds,
        "rss_start_mb": rss_start, "rss_end_mb": rss_end,
        "growth_mb": rss_end - (rss_start if rss_start is not None else rss_end),
        "memory_ratio": rss_end / rss_start if rss_start else float("nan"),
        "frame_ms_start": frame_start, "frame_ms_end": frame_end,
        "drift": frame_end / frame_start,
        "steps_per_s_start": speed(first), "steps_per_s_end": speed(last),
        "speed_ratio": speed(last) / speed(first),
        "history_stored": int(history.stored_size), "history_capacity": int(history.capacity),
        "grad_norms_stored": int(trainer.grad_norm_history.stored_size),
        # steps the snapshot ring still holds (θ of each): rewindable span + the current step
        "snapshots_stored": int(trainer.step_count - trainer.oldest_step + 1),
    }


def report(figures: dict) -> str:
    f = figures
    lines = [
        f"steps played            {f['steps']:,} in {f['seconds']:.1f} s ({f['frames']:,} frames)",
        f"resident memory         {f['rss_start_mb']:.1f} MB after warm-up → "
        f"{f['rss_end_mb']:.1f} MB at the end",
        f"memory growth           {f['growth_mb']:+.1f} MB (ratio {f['memory_ratio']:.3f}; "
        "target < 30 MB)",
        f"median frame time       {f['frame_ms_start']:.1f} ms (first window) → "
        f"{f['frame_ms_end']:.1f} ms (last window)",
        f"frame-time drift        {100 * (f['drift'] - 1):+.1f} % (ratio {f['drift']:.3f}; "
        "target ≤ +20 %)",
        f"steps/s                 {f['steps_per_s_start']:,.0f} → {f['steps_per_s_end']:,.0f} "
        f"(ratio {f['speed_ratio']:.3f})",
        f"history stored          {f['history_stored']} of capacity {f['history_capacity']}",
        f"gradient norms stored   {f['grad_norms_stored']} of capacity {f['history_capacity']}",
        f"snapshots stored        {f['snapshots_stored']} (rewindable steps + the current one)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=50_000)
    parser.add_argument("--warmup", type=int, default=3000)
    parser.add_argument("--window", type=int, default=1000)
    args = parser.parse_args(argv)

    import pyqtgraph as pg

    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    app.setStyle("Fusion")
    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    window = MainWindow(TrainingController())
    window.resize(1440, 880)
    window.show()
    app.processEvents()
    figures = soak(window.controller, args.steps, args.warmup, args.window)
    print(report(figures))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
