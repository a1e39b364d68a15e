"""The test processes run NumPy as the app does (``app.py``): OpenBLAS with one thread.

OpenBLAS reads ``OPENBLAS_NUM_THREADS`` once, when NumPy is first imported, so the setting
must come from ``tests/conftest.py`` (imported before any test module imports NumPy). With
its default of one thread per core, the BLAS threads of two pytest workers fight over two
cores and every canvas redraw got several times slower.
"""

import ctypes
import os

import numpy as np
import pytest

#: Names of OpenBLAS's thread-count getter in the builds NumPy ships or links.
_GETTERS = ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
            "openblas_get_num_threads64_", "openblas_get_num_threads")


def _openblas_threads() -> int | None:
    """Threads of the OpenBLAS this process loaded (None: no OpenBLAS found)."""
    np.ones((2, 2)) @ np.ones((2, 2))  # NumPy's BLAS is loaded and initialized
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:
        return None
    for path in sorted(paths):
        if not os.path.exists(path):
            continue
        library = ctypes.CDLL(path)
        for name in _GETTERS:
            getter = getattr(library, name, None)
            if getter is not None:
                getter.restype = ctypes.c_int
                return int(getter())
    return None


def test_numpy_blas_runs_one_thread_as_in_the_app():
    threads = _openblas_threads()
    if threads is None:
        pytest.skip("NumPy does not use OpenBLAS here (or /proc is missing)")
    assert threads == 1
