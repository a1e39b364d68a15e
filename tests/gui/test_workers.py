"""gui/common/workers.py: newest request wins, stale results are never delivered, clean shutdown."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from gui.common.workers import JobRunner, describe
from tests.waiting import PATIENCE_MS, PATIENCE_S

ROOT = Path(__file__).resolve().parents[2]


def slow_job(label: str, log: dict, reports: int | None = None):
    """A job that reports progress every 2 ms, ``reports`` times (None: until cancelled)."""

    def job(progress):
        log.setdefault("started", []).append(label)
        log.setdefault("threads", []).append(threading.get_ident())
        k = 0
        while reports is None or k < reports:
            k += 1
            time.sleep(0.002)
            if progress(k / reports if reports else 0.5) is False:
                log.setdefault("cancelled", []).append(label)
                from core.loss_surface import Cancelled

                raise Cancelled(label)
        return label

    return job


@pytest.fixture
def runner(qtbot):
    runner = JobRunner("test")
    yield runner
    runner.shutdown()


def collect(runner):
    results, finished = [], []
    runner.resultReady.connect(lambda rid, value: results.append((rid, value)))
    runner.finished.connect(finished.append)
    return results, finished


def test_new_request_cancels_the_running_one_and_only_the_new_result_arrives(qtbot, runner):
    results, finished = collect(runner)
    log: dict = {}
    progress_seen = []
    runner.progressChanged.connect(lambda rid, f: progress_seen.append(rid))
    old = runner.submit(slow_job("old", log))
    qtbot.waitUntil(lambda: old in progress_seen, timeout=PATIENCE_MS)  # the old job is running
    new = runner.submit(lambda progress: "new")
    qtbot.waitUntil(lambda: new in finished, timeout=PATIENCE_MS)
    assert results == [(new, "new")]
    assert log["cancelled"] == ["old"]
    assert not runner.busy


def test_result_of_a_request_that_finished_before_a_newer_one_is_not_delivered(qtbot, runner):
    results, finished = collect(runner)
    first_done = threading.Event()

    def quick(progress):
        yield "stale"
        first_done.set()  # the worker goes on only after it has sent the result

    first = runner.submit(quick)
    assert first_done.wait(PATIENCE_S)  # computed and signalled, not yet received by the GUI
    second = runner.submit(lambda progress: "fresh")
    qtbot.waitUntil(lambda: second in finished, timeout=PATIENCE_MS)
    assert results == [(second, "fresh")]
    assert first not in finished


def test_generator_job_delivers_every_yielded_item_in_order(qtbot, runner):
    results, finished = collect(runner)

    def job(progress):
        for k in range(3):
            progress(k / 3)
            yield k

    rid = runner.submit(job)
    qtbot.waitUntil(lambda: rid in finished, timeout=PATIENCE_MS)
    assert [value for _, value in results] == [0, 1, 2]


def test_jobs_run_on_the_worker_thread_not_the_gui_thread(qtbot, runner):
    log: dict = {}
    _, finished = collect(runner)
    rid = runner.submit(slow_job("quick", log, reports=5))
    qtbot.waitUntil(lambda: rid in finished, timeout=PATIENCE_MS)
    assert log["threads"] and log["threads"][0] != threading.get_ident()


def test_a_failing_job_reports_its_error(qtbot, runner):
    failures = []
    runner.failed.connect(lambda rid, error: failures.append((rid, error)))

    class NoSuchPlane(ValueError):
        code = "no_plane"

    def broken(progress):
        raise NoSuchPlane("no such plane")

    rid = runner.submit(broken)
    qtbot.waitUntil(lambda: bool(failures), timeout=PATIENCE_MS)
    [(failed_id, error)] = failures
    assert failed_id == rid and not runner.busy
    # the exception itself arrives, so its type and code can be told apart without parsing
    assert isinstance(error, NoSuchPlane) and error.code == "no_plane"
    assert error.__traceback__ is None
    assert describe(error) == "NoSuchPlane: no such plane"


def test_cancel_stops_the_job_and_delivers_nothing(qtbot, runner):
    results, finished = collect(runner)
    log: dict = {}
    runner.submit(slow_job("cancel me", log))
    qtbot.waitUntil(lambda: "started" in log, timeout=PATIENCE_MS)
    runner.cancel()
    qtbot.waitUntil(lambda: "cancelled" in log, timeout=PATIENCE_MS)
    qtbot.wait(50)
    assert results == [] and finished == []
    assert not runner.busy


def test_shutdown_mid_computation_stops_the_thread(qtbot):
    runner = JobRunner("shutdown")
    results, _ = collect(runner)
    log: dict = {}
    runner.submit(slow_job("long", log))  # runs until cancelled
    qtbot.waitUntil(lambda: "started" in log, timeout=PATIENCE_MS)
    assert runner.shutdown()  # the thread has finished: the endless job was cancelled
    assert not runner.worker_thread.isRunning()
    assert log["cancelled"] == ["long"]
    assert runner.submit(lambda progress: "late") == -1
    qtbot.wait(20)
    assert results == []
    assert runner.shutdown()  # twice is fine


EXIT_SCRIPT = """
import os, sys, threading, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6 import QtWidgets
from gui.common.workers import JobRunner
app = QtWidgets.QApplication([])
parent = QtWidgets.QWidget()
runner = JobRunner("exit", parent)
started = threading.Event()
def job(progress):
    started.set()
    while progress(0.5) is not False:
        time.sleep(0.002)
runner.submit(job)
assert started.wait(60)  # the job is running
{ending}
print("clean exit")
"""


@pytest.mark.parametrize("ending", [
    "runner.shutdown()\ndel runner",      # the window's close path
    "import shiboken6\ndel runner\nshiboken6.delete(parent)",  # window deleted, no shutdown
    "pass",                                 # the interpreter exits mid-computation
])
def test_process_exits_cleanly_with_a_computation_running(ending):
    """No 'QThread: Destroyed while thread is still running' (a qFatal: it aborts)."""
    script = EXIT_SCRIPT.format(root=str(ROOT), ending=ending)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "clean exit" in done.stdout
    assert "Destroyed while thread" not in done.stderr


TEARDOWN_SCRIPT = """
import os, sys, threading, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
import shiboken6
from PySide6 import QtWidgets
from gui.common.workers import JobRunner
app = QtWidgets.QApplication([])
parent = QtWidgets.QWidget()
runner = JobRunner("exit", parent)
go, started, request = threading.Event(), threading.Event(), []
def job(progress):
    # a stand-in that emits no signal: it only watches its request, so it cannot crash
    # itself; it reports whether PySide had begun deleting Qt objects when it was stopped
    go.wait()
    started.set()
    while runner.is_current(request[0]):
        time.sleep(0.001)
    print("stopped before Qt teardown:", shiboken6.isValid(parent), flush=True)
request.append(runner.submit(job))
go.set()
assert started.wait(60)
print("clean exit", flush=True)
"""


def test_interpreter_exit_stops_the_worker_before_qt_objects_are_deleted():
    """At interpreter exit PySide's own atexit hook clears its signal manager and deletes every
    Python-owned QObject; a job still running then (emitting progress into that teardown) is
    the SIGSEGV seen under load. The runner must stop its thread before that teardown starts,
    not while its parent is being deleted."""
    script = TEARDOWN_SCRIPT.format(root=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=PATIENCE_S)
    assert done.returncode == 0, done.stderr
    assert "clean exit" in done.stdout
    assert "stopped before Qt teardown: True" in done.stdout, done.stdout + done.stderr
