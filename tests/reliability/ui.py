"""Helpers for driving the main window like a user: non-blocking dialogs, real mouse events at
data coordinates, playing for a while, and reading every number the window shows."""

from __future__ import annotations

import re
import time

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt

from tests.waiting import PATIENCE_MS, PATIENCE_S

MB = QtWidgets.QMessageBox


class DialogStub:
    """Replaces every blocking dialog by an immediate answer and records what it showed.

    - ``QMessageBox`` static functions and ``exec``: the text is appended to ``messages`` as
      ``(kind, title, text)``; ``question`` answers ``question_answer``.
    - ``QFileDialog`` static functions: pop the next path of ``open_paths`` / ``save_paths``
      (an empty queue means the user cancelled).
    - ``QInputDialog`` static functions: the user cancels (``getInt``/``getDouble`` accept
      their default value when ``accept_inputs`` is true).
    - ``QDialog.exec`` (every subclass): ``configure(dialog)`` runs first if set (the user's
      picks); then, if ``accept_dialogs`` is true and the dialog's OK
      button is enabled, it is clicked (the dialog's own accept code runs); otherwise the
      dialog is rejected. The dialog's visible label texts are recorded in ``dialog_texts``.
    - ``QMenu.exec`` returns None (a context menu closed without a choice).
    """

    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []
        self.dialog_texts: list[tuple[str, list[str]]] = []
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []
        #: Answer of ``QMessageBox.question``: a StandardButton, or a callable
        #: ``(title, text, buttons) -> StandardButton``. Default: Discard when offered (an
        #: "unsaved changes?" question lets the action go on), else No.
        self.question_answer = None
        self.accept_dialogs = True
        #: QInputDialog.getInt/getDouble accept their default value (else: cancelled).
        self.accept_inputs = False
        #: Called with each dialog before its OK button is considered (a user's picks).
        self.configure = None

    def answer(self, title: str, text: str, buttons) -> MB.StandardButton:
        if callable(self.question_answer):
            return self.question_answer(title, text, buttons)
        if self.question_answer is not None:
            return self.question_answer
        if buttons & MB.StandardButton.Discard:
            return MB.StandardButton.Discard
        return MB.StandardButton.No

    # ------------------------------------------------------------------ queries
    def all_texts(self) -> list[str]:
        texts = [f"{title}\n{text}" for _kind, title, text in self.messages]
        texts += ["\n".join(labels) for _name, labels in self.dialog_texts]
        return texts

    def clear(self) -> None:
        self.messages.clear()
        self.dialog_texts.clear()

    # ----------------------------------------------------------------- patching
    def install(self, monkeypatch) -> DialogStub:
        stub = self

        def message(kind):
            def show(parent=None, title="", text="", *args, **kwargs):
                stub.messages.append((kind, str(title), str(text)))
                if kind == "question":
                    buttons = args[0] if args else kwargs.get(
                        "buttons", MB.StandardButton.Yes | MB.StandardButton.No)
                    return stub.answer(str(title), str(text), buttons)
                return MB.StandardButton.Ok
            return staticmethod(show)

        for kind in ("information", "warning", "critical", "question"):
            monkeypatch.setattr(MB, kind, message(kind))
        monkeypatch.setattr(MB, "about", message("about"))
        monkeypatch.setattr(MB, "aboutQt", staticmethod(lambda *a, **k: None))

        def box_exec(box, *args):
            stub.messages.append(("exec", box.windowTitle(),
                                  f"{box.text()}\n{box.informativeText()}".strip()))
            return stub.answer(box.windowTitle(), box.text(), box.standardButtons())

        monkeypatch.setattr(MB, "exec", box_exec)

        def open_name(*args, **kwargs):
            return (stub.open_paths.pop(0) if stub.open_paths else "", "")

        def save_name(*args, **kwargs):
            return (stub.save_paths.pop(0) if stub.save_paths else "", "")

        fd = QtWidgets.QFileDialog
        monkeypatch.setattr(fd, "getOpenFileName", staticmethod(open_name))
        monkeypatch.setattr(fd, "getSaveFileName", staticmethod(save_name))
        monkeypatch.setattr(fd, "getOpenFileNames",
                            staticmethod(lambda *a, **k: ([stub.open_paths.pop(0)]
                                                          if stub.open_paths else [], "")))
        monkeypatch.setattr(fd, "getExistingDirectory",
                            staticmethod(lambda *a, **k: stub.save_paths.pop(0)
                                         if stub.save_paths else ""))
        idlg = QtWidgets.QInputDialog
        for name in ("getInt", "getDouble", "getText", "getItem", "getMultiLineText"):
            monkeypatch.setattr(idlg, name, staticmethod(_input(stub, name)))
        monkeypatch.setattr(QtWidgets.QColorDialog, "getColor",
                            staticmethod(lambda *a, **k: QtGui.QColor()))

        def dialog_exec(dialog, *args):
            labels = [label.text() for label in dialog.findChildren(QtWidgets.QLabel)
                      if label.text()]
            stub.dialog_texts.append((type(dialog).__name__, labels))
            if stub.configure is not None:
                stub.configure(dialog)
            ok = _accept_button(dialog)
            if stub.accept_dialogs and ok is not None and ok.isEnabled():
                ok.click()
            if dialog.result() != QtWidgets.QDialog.DialogCode.Accepted:
                dialog.reject()
            labels = [label.text() for label in dialog.findChildren(QtWidgets.QLabel)
                      if label.text()]
            stub.dialog_texts[-1] = (type(dialog).__name__, labels)
            return dialog.result()

        for cls in _dialog_classes():
            if cls is not MB:
                monkeypatch.setattr(cls, "exec", dialog_exec)
        monkeypatch.setattr(QtWidgets.QMenu, "exec", lambda *a, **k: None)
        return self


def _input(stub: DialogStub, name: str):
    def answer(*args, **kwargs):
        if name in ("getInt", "getDouble"):
            value = kwargs.get("value", args[3] if len(args) > 3 else 0)
            return value, stub.accept_inputs
        return "", False
    return answer


def _dialog_classes() -> list[type]:
    """QDialog and every QDialog subclass in QtWidgets that defines its own exec."""
    classes = [QtWidgets.QDialog]
    for name in dir(QtWidgets):
        cls = getattr(QtWidgets, name)
        if isinstance(cls, type) and issubclass(cls, QtWidgets.QDialog) and \
                "exec" in vars(cls):
            classes.append(cls)
    return classes


def _accept_button(dialog: QtWidgets.QDialog) -> QtWidgets.QAbstractButton | None:
    for box in dialog.findChildren(QtWidgets.QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole:
                return button
    return None


# ------------------------------------------------------------------------- mouse input
def canvas_pixel(canvas, x: float, y: float) -> QtCore.QPoint:
    """Viewport pixel of data point (x, y) (rounded to the nearest pixel)."""
    return canvas.data_to_widget(float(x), float(y)).toPoint()


def click_data(qtbot, canvas, x: float, y: float, button=Qt.MouseButton.LeftButton,
               modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real mouse click on the canvas viewport at data coordinates (x, y)."""
    qtbot.mouseClick(canvas.viewport(), button, modifiers, canvas_pixel(canvas, x, y))


def _send_mouse(widget, kind, pos: QtCore.QPoint, button, buttons) -> None:
    event = QtGui.QMouseEvent(kind, QtCore.QPointF(pos),
                              QtCore.QPointF(widget.mapToGlobal(pos)), button, buttons,
                              Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, event)


def drag_data(qtbot, canvas, path: np.ndarray) -> None:
    """Press the left button at path[0], move through path[1:], release at path[-1].

    `path` is (m, 2) data coordinates. Moves are spaced by at least 12 ms of event processing
    because pyqtgraph drops mouse moves that come faster than its rate limit (100 Hz); a slow
    machine only spaces them further apart."""
    viewport = canvas.viewport()
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    points = [canvas_pixel(canvas, x, y) for x, y in np.asarray(path, float)]
    _send_mouse(viewport, QtCore.QEvent.Type.MouseButtonPress, points[0], left, left)
    for point in points[1:]:
        run_events_for(0.012)
        _send_mouse(viewport, QtCore.QEvent.Type.MouseMove, point, none, left)
    _send_mouse(viewport, QtCore.QEvent.Type.MouseButtonRelease, points[-1], left, none)


# ---------------------------------------------------------------------------- playing
def run_events_for(seconds: float) -> None:
    """Process events (timer ticks, repaints) for at least `seconds` (a lower bound: used where
    Qt or pyqtgraph needs time to pass, never to measure anything)."""
    app = QtWidgets.QApplication.instance()
    end = time.perf_counter() + seconds
    while True:
        start = time.perf_counter()
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if start >= end:
            return


def process_events(passes: int) -> None:
    """Run `passes` passes through the event queue (each runs the timers that are due, e.g. one
    Play tick at full speed): a fixed amount of work, whatever the machine's speed."""
    app = QtWidgets.QApplication.instance()
    for _ in range(passes):
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)


def play_ticks(controller, ticks: int, timeout: float = PATIENCE_S,
               reset_on_divergence: bool = False) -> int:
    """Play until `ticks` Play ticks have run; returns the ticks that ran.

    A tick that diverges stops Play: with ``reset_on_divergence`` the network is reset and
    Play goes on (so every setting gets its ticks), otherwise counting stops there.
    ``timeout`` (s) is only a generous upper bound against a hang, never a speed limit."""
    app = QtWidgets.QApplication.instance()
    seen = [0]

    def tick_done() -> None:  # connected after the controller's tick slot: runs after it
        seen[0] += 1
        if seen[0] >= ticks:  # pause inside the tick: one processEvents may hold several
            controller.pause()

    controller.timer.timeout.connect(tick_done)
    end = time.monotonic() + timeout
    try:
        controller.play()
        while seen[0] < ticks and time.monotonic() < end:
            if not controller.playing:
                if controller.trainer.divergence is None or not reset_on_divergence:
                    break
                controller.reset()
                controller.play()
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        controller.pause()
    finally:
        controller.timer.timeout.disconnect(tick_done)
    return seen[0]


def play_until_stopped(controller, timeout: float = PATIENCE_S) -> None:
    """Press Play and run the event loop until Play stops by itself (divergence, epoch end);
    ``timeout`` (s) is only an upper bound against a hang."""
    app = QtWidgets.QApplication.instance()
    controller.play()
    end = time.monotonic() + timeout
    while controller.playing and time.monotonic() < end:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
    controller.pause()


# ------------------------------------------------------------------------ fake time
class FakeClock:
    """A clock for ``TrainingController.clock`` that moves only when told: ``now`` seconds."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def steps_take(controller, seconds: float) -> FakeClock:
    """From now on the controller measures time with a FakeClock and every training step of
    its current trainer advances that clock by `seconds`: a deliberately slow trainer whose
    slowness does not depend on the machine (the steps themselves run at full speed)."""
    clock = FakeClock()
    controller.clock = clock
    trainer = controller.trainer
    real_step = trainer.step

    def slow_step(*args, **kwargs):
        clock.now += seconds
        return real_step(*args, **kwargs)

    trainer.step = slow_step
    return clock


class EventLoopWatch:
    """Counts passes of the event loop with a 0-ms timer; each pass records ``probe()``.

    Used as a context manager around work that must give the event loop control now and then:
    ``watch.seen`` holds one probe value per pass that ran during (and after) the work."""

    def __init__(self, probe) -> None:
        self.probe = probe
        self.seen: list = []
        self.timer = QtCore.QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(lambda: self.seen.append(self.probe()))

    def __enter__(self) -> EventLoopWatch:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()


def responds(qtbot, window, timeout_ms: int = PATIENCE_MS) -> bool:
    """A queued call comes back through the event loop and the window grabs a non-empty image."""
    done = []
    QtCore.QTimer.singleShot(0, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=timeout_ms)
    image = window.grab().toImage()
    return bool(done) and not image.isNull() and image.width() > 0


# ------------------------------------------------------------------- shown numbers
NON_FINITE = re.compile(r"(?<![A-Za-z])(nan|inf|infinity)(?![A-Za-z])|∞", re.IGNORECASE)
DIVERGED_MARK = re.compile(r"diverg", re.IGNORECASE)


def _in_divergence_notice(widget) -> bool:
    """True inside a widget that is itself the divergence notice (e.g. the banner)."""
    while widget is not None:
        if DIVERGED_MARK.search(widget.objectName() or ""):
            return True
        widget = widget.parentWidget()
    return False


def shown_texts(window) -> dict[str, tuple[str, bool]]:
    """Texts of every visible label, status-bar field and rich-text view of the window:
    name → (plain text, whether the widget is part of a divergence notice)."""
    texts: dict[str, tuple[str, bool]] = {}
    widgets = window.findChildren(QtWidgets.QLabel) + \
        window.findChildren(QtWidgets.QTextEdit)
    for k, widget in enumerate(widgets):
        if not widget.isVisible():
            continue
        text = widget.toPlainText() if isinstance(widget, QtWidgets.QTextEdit) else \
            QtGui.QTextDocumentFragment.fromHtml(widget.text()).toPlainText()
        if text:
            name = f"{widget.objectName() or type(widget).__name__}#{k}"
            texts[name] = (text, _in_divergence_notice(widget))
    return texts


def unmarked_non_finite(window, diverged: bool) -> list[str]:
    """Shown texts with NaN/inf that are not marked as diverged (empty list = all good).

    A non-finite number is acceptable where the same text says "diverged", inside the
    divergence notice (banner), or anywhere while `diverged` (the window shows the banner)."""
    bad = []
    for name, (text, in_notice) in shown_texts(window).items():
        if NON_FINITE.search(text) and not (DIVERGED_MARK.search(text) or in_notice
                                            or diverged):
            bad.append(f"{name}: {text[:200]!r}")
    return bad


# ---------------------------------------------------------------------- the scene
def scene_state(controller) -> dict:
    """What must survive a failed import/open: points, weights, step (copies)."""
    session = controller.session
    return {
        "X": session.points.X.copy(), "y": session.points.y.copy(),
        "train": session.points.train.copy(), "task": session.points.task,
        "params": session.trainer.net.get_params().copy(),
        "step": session.trainer.step_count, "history": len(session.trainer.history),
    }


def assert_same_scene(before: dict, after: dict) -> None:
    assert after["task"] == before["task"]
    np.testing.assert_array_equal(after["X"], before["X"])
    np.testing.assert_array_equal(after["y"], before["y"])
    np.testing.assert_array_equal(after["train"], before["train"])
    np.testing.assert_array_equal(after["params"], before["params"])
    assert after["step"] == before["step"]
    assert after["history"] == before["history"]
