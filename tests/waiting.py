"""How long a test waits for something that must eventually happen.

These are generous upper bounds, never speed requirements: a test waits as long as needed up
to this limit and fails only when the awaited event never comes (a hang). No test asserts on
how long something took; timing figures belong in ``benchmarks/``.
"""

#: Upper bound (ms) for ``qtbot.waitUntil`` / ``waitSignal`` on an event that must come.
PATIENCE_MS = 120_000
#: The same in seconds (subprocess timeouts, polling loops).
PATIENCE_S = PATIENCE_MS / 1000.0
