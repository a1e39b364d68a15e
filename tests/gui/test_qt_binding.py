"""Guards against a Qt-binding defect that would crash the app during Play.

PySide6-Essentials 6.12.0 drops one reference to ``True`` on every ``Signal.emit()``;
after a few hundred emits the interpreter aborts with ``bool_dealloc``. pyproject.toml
pins below 6.12 for that reason, and this test fails if a leaking build is installed.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_signal_emit_keeps_the_reference_count_of_true():
    emitter = _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.fired.emit(i)
    after = sys.getrefcount(True)
    assert len(received) == 200
    assert after >= before - 5, f"Signal.emit leaked {before - after} references to True"
