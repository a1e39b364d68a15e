"""Heavy jobs (loss-surface grids, optimizer races) on a worker thread; the newest request wins.

A :class:`JobRunner` owns one ``QThread`` with a worker object living in it (the pattern of
the Qt docs, "QThread: worker object"). ``submit(job)`` returns a request id and makes that
request the current one; the running job, if any, is cancelled through its progress callback
(the next call returns False, and core's evaluators then raise ``core.loss_surface.Cancelled``).

A job is a callable ``job(progress) -> value``, where ``progress(fraction)`` must be called
now and then. If the value is an iterator, each item it yields is a result of its own (e.g. a
coarse preview, then the full surface). Results travel to the GUI thread as queued signals and
are checked again there, so a result of a request that is no longer current is never
delivered, even one that finished a moment before the newer request came.

Signals (GUI thread, only for the current request): ``progressChanged(id, fraction)``,
``resultReady(id, result)``, ``finished(id)``, ``failed(id, error)``; ``busyChanged(bool)``.
``error`` is the exception the job raised (without its traceback), so the consumer can tell
known problems by type or code and put them in words; ``describe(error)`` gives the raw
"TypeName: message" for anything else.

The GUI thread goes first: after sending a result the worker pauses until the GUI thread has
handled it. With ``hold_results=True`` it waits longer, until the consumer calls
``release_worker()`` (e.g. once the plot has painted the result) or ``RESULT_PAUSE`` seconds
have passed, so drawing never competes with the computation for the interpreter lock or a
core (an even contest would double every redraw's time on screen).

``shutdown()`` cancels the current job, then ``quit()`` + ``wait()`` on the thread, so closing
the window mid-computation never leaves a running ``QThread`` behind. As a safety net the same
happens when the application is about to quit, when the runner object is destroyed (the
thread is its child, deleted after it has stopped) and at interpreter exit. The last one is an
``atexit`` hook registered after PySide's own (atexit runs hooks last-in first-out), so it
runs first: PySide's hook clears its signal manager and deletes every Python-owned QObject,
and a worker still emitting progress into that teardown crashes the process (SIGSEGV).
"""

from __future__ import annotations

import atexit
import threading
import time
import weakref
from collections.abc import Iterator

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import Signal, Slot

#: Seconds between two progress signals of one job (the bar does not need more).
PROGRESS_INTERVAL = 0.05
#: Longest pause of the worker after a result while the GUI thread draws it.
RESULT_PAUSE = 0.25


class _Cancelled(Exception):
    """Raised inside the worker when it notices that its request is no longer current."""


class _Requests:
    """Which request is current: plain Python, shared by the GUI thread and the worker, so it
    outlives the Qt objects and can stop the worker from any destructor path."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_id = 0
        self.current: int | None = None
        self.stopped = False
        self.result_drawn = threading.Event()  # set: the worker may go on after a result

    def is_current(self, request_id: int) -> bool:
        return not self.stopped and self.current == request_id

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            self.current = None
        self.result_drawn.set()


class _Worker(QtCore.QObject):
    """Lives in the worker thread; runs jobs in the order they were queued, skipping stale."""

    progress = Signal(int, float)
    result = Signal(int, object)
    done = Signal(int)
    error = Signal(int, object)

    def __init__(self, requests: _Requests) -> None:
        super().__init__()
        self._requests = requests

    @Slot(int, object)
    def run(self, request_id: int, job) -> None:
        from core.loss_surface import Cancelled  # core: no Qt, safe here

        requests = self._requests
        if not requests.is_current(request_id):
            return  # a newer request arrived while this one was queued
        last_signal = [0.0]

        def progress(fraction: float):
            if not requests.is_current(request_id):
                return False
            now = time.perf_counter()
            if now - last_signal[0] >= PROGRESS_INTERVAL or fraction >= 1.0:
                last_signal[0] = now
                self.progress.emit(request_id, float(fraction))
            return None

        try:
            value = job(progress)
            for item in value if isinstance(value, Iterator) else (value,):
                if not requests.is_current(request_id):
                    raise _Cancelled
                self._send(request_id, item)
        except (Cancelled, _Cancelled):
            return
        except Exception as error:  # noqa: BLE001 - a failed job is reported, never fatal
            # without its traceback: the frames would keep the job's arrays alive
            self.error.emit(request_id, error.with_traceback(None))
            return
        self.done.emit(request_id)

    def _send(self, request_id: int, item) -> None:
        """Emit a result, then let the GUI thread draw it before computing on."""
        drawn = self._requests.result_drawn
        drawn.clear()
        self.result.emit(request_id, item)
        drawn.wait(RESULT_PAUSE)


class JobRunner(QtCore.QObject):
    """Runs one job at a time in its own thread; see the module docstring.

    ``hold_results``: after each result the worker waits for :meth:`release_worker` (or
    ``RESULT_PAUSE`` seconds) instead of going on as soon as the result was handled.
    """

    progressChanged = Signal(int, float)
    resultReady = Signal(int, object)
    finished = Signal(int)
    failed = Signal(int, object)  # (request id, the exception the job raised)
    busyChanged = Signal(bool)
    _start = Signal(int, object)

    def __init__(self, name: str = "jobs", parent: QtCore.QObject | None = None,
                 hold_results: bool = False) -> None:
        super().__init__(parent)
        self._requests = requests = _Requests()
        self._busy = False
        self.hold_results = bool(hold_results)
        self.worker_thread = thread = QtCore.QThread(self)
        thread.setObjectName(f"JobRunner-{name}")
        self._worker = _Worker(requests)
        self._worker.moveToThread(thread)
        self._start.connect(self._worker.run, QtCore.Qt.ConnectionType.QueuedConnection)
        self._worker.progress.connect(self._on_progress)
        self._worker.result.connect(self._on_result)
        self._worker.done.connect(self._on_done)
        self._worker.error.connect(self._on_error)

        def stop_before_deletion(*_args) -> None:  # the thread (a child) is deleted next
            requests.stop()
            thread.quit()
            thread.wait()

        self.destroyed.connect(stop_before_deletion)
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        _live_runners.add(self)

    # ------------------------------------------------------------------ requests
    def submit(self, job) -> int:
        """Queue ``job`` as the current request (cancelling any other); returns its id.
        After :meth:`shutdown` nothing runs and -1 is returned."""
        requests = self._requests
        with requests.lock:
            if requests.stopped:
                return -1
            requests.next_id += 1
            requests.current = request_id = requests.next_id
        if not self.worker_thread.isRunning():
            self.worker_thread.start()  # on first use: a window that never asks starts none
        self._set_busy(True)
        self._start.emit(request_id, job)
        return request_id

    def cancel(self) -> None:
        """Cancel the current request: it stops at its next progress call, and it delivers
        nothing more."""
        with self._requests.lock:
            self._requests.current = None
        self.release_worker()
        self._set_busy(False)

    def is_current(self, request_id: int) -> bool:
        """True while ``request_id`` is the newest request and the runner runs (any thread)."""
        return self._requests.is_current(request_id)

    @property
    def busy(self) -> bool:
        """A request is queued or running and has not finished, failed or been cancelled."""
        return self._busy

    @property
    def current_request(self) -> int | None:
        return self._requests.current

    def release_worker(self) -> None:
        """Let a worker paused after a result (``hold_results``) go on computing."""
        self._requests.result_drawn.set()

    def shutdown(self, timeout_ms: int | None = 10_000) -> bool:
        """Cancel the current job and stop the thread (quit + wait up to ``timeout_ms``; None:
        until the job has noticed the cancel). Safe to call twice. Returns True when the thread
        has finished."""
        self._requests.stop()
        self._set_busy(False)
        thread = self.worker_thread
        if thread.isRunning():
            thread.quit()
            if timeout_ms is None:
                thread.wait()
            else:
                thread.wait(timeout_ms)
        return not thread.isRunning()

    # ------------------------------------------------------------ from the worker
    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def _on_progress(self, request_id: int, fraction: float) -> None:
        if self.is_current(request_id):
            self.progressChanged.emit(request_id, fraction)

    def _on_result(self, request_id: int, result) -> None:
        if self.is_current(request_id):
            self.resultReady.emit(request_id, result)
        if not (self.hold_results and self.is_current(request_id)):
            self.release_worker()

    def _on_done(self, request_id: int) -> None:
        if self.is_current(request_id):
            self._set_busy(False)
            self.finished.emit(request_id)

    def _on_error(self, request_id: int, error: Exception) -> None:
        if self.is_current(request_id):
            self._set_busy(False)
            self.failed.emit(request_id, error)


#: Runners whose thread may still run; stopped at interpreter exit before PySide's teardown.
_live_runners: weakref.WeakSet[JobRunner] = weakref.WeakSet()


def _stop_live_runners() -> None:
    for runner in list(_live_runners):
        if shiboken6.isValid(runner):  # else destroyed: its thread was stopped then
            runner.shutdown(timeout_ms=None)


atexit.register(_stop_live_runners)  # after PySide's hook (imported above), so run before it


def describe(error: BaseException) -> str:
    """'TypeName: message' of an exception, for failures nobody foresaw (a bug report)."""
    return f"{type(error).__name__}: {error}"
