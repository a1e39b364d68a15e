"""Long Play runs offscreen (slow): after a warm-up, resident memory grows by less than 30 MB
over 50,000 steps, history and snapshots stay bounded, and the frame time of the last 1,000
steps is within 20 % of the first 1,000 after the warm-up (figures from
``benchmarks/bench_soak.py``, measured against the same run's start)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_soak.py"


def _bench_soak():
    spec = importlib.util.spec_from_file_location("bench_soak", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_play_50000_steps_memory_and_frame_time_stay_flat(window):
    bench = _bench_soak()
    controller = window.controller
    figures = bench.soak(controller, steps=50_000, warmup=3000, window=1000, timeout=1200)
    print("\n" + bench.report(figures))
    trainer = controller.trainer
    assert figures["steps"] >= 50_000
    assert trainer.history.last_step == trainer.step_count
    assert figures["growth_mb"] < 30.0
    assert figures["history_stored"] <= figures["history_capacity"]
    assert figures["grad_norms_stored"] <= figures["history_capacity"]
    assert figures["snapshots_stored"] <= 2001
    assert figures["drift"] <= 1.20, f"frame time drifted by {100 * (figures['drift'] - 1):.0f} %"
