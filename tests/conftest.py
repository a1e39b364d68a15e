"""Test-wide set-up: Qt runs offscreen, so the suite needs no display."""

import contextlib
import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# As app.py: one BLAS thread. The engine's matrices are tiny, and on a 2-core machine running
# two pytest workers, OpenBLAS's own threads fight the workers (a canvas redraw's upsampling
# took ~10x longer). Set here because this file is imported before anything imports NumPy
# (tests/test_test_setup.py checks it); a later conftest is too late.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _release_orphan_plot_menus() -> None:
    """Delete the context menus of pyqtgraph plots whose window is gone.

    A pyqtgraph PlotItem makes its "Plot Options" menu and six submenus as parentless QMenus
    that outlive the plot (49 per main window). The app makes one window, but the suite makes
    hundreds, and the leftover menus slow every later language switch and window deletion
    (PySide's bookkeeping of their Python connections grows), up to minutes over a full run.
    Menus of plots still alive (module-scoped windows) are kept.
    """
    import sys

    if "pyqtgraph" not in sys.modules:
        return
    import pyqtgraph as pg
    import shiboken6
    from PySide6 import QtCore, QtWidgets

    app = QtWidgets.QApplication.instance()
    if app is None:
        return
    def address(menu) -> int:
        return shiboken6.getCppPointer(menu)[0]

    # Objects whose deletion is already posted go first: a view half torn down must not be
    # asked for its scene (a worker once crashed in widget.scene() here).
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    alive = set()
    for widget in app.allWidgets():
        # allWidgets() holds live C++ widgets only, but a Python wrapper can be stale: a
        # widget deleted behind shiboken's back leaves its wrapper, which a new widget at the
        # same address then gets (a worker crashed calling scene() on one). The meta-object
        # is the real widget's, so ask it what the widget is before calling its methods.
        if isinstance(widget, pg.GraphicsView) and shiboken6.isValid(widget) \
                and widget.inherits("QGraphicsView"):
            scene = widget.scene()
            if scene is None or not shiboken6.isValid(scene):
                continue
            for item in scene.items():
                menu = getattr(item, "ctrlMenu", None) if isinstance(item, pg.PlotItem) else None
                if menu is not None:
                    alive.add(address(menu))
                    alive.update(address(a.menu()) for a in menu.actions() if a.menu())
    plot_menus = {"Plot Options", "Transforms", "Downsample", "Average", "Alpha", "Grid",
                  "Points"}
    for widget in app.topLevelWidgets():
        if (isinstance(widget, QtWidgets.QMenu) and widget.inherits("QMenu")
                and widget.parent() is None
                and widget.title() in plot_menus and address(widget) not in alive
                and not widget.isVisible()):
            widget.deleteLater()
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


@contextlib.contextmanager
def _no_collection_while_walking_widgets(collect_first: bool = True):
    """Collect the test's garbage first, then keep the garbage collector off while the widget
    lists are walked. Turning a list of C++ widgets into Python objects allocates; a collection
    started there can delete a widget the test left in a reference cycle (a parentless label
    owned by a Python object) whose pointer is already in the list: the next conversion then
    reads freed memory (two workers crashed in ``allWidgets()`` that way)."""
    if collect_first:
        gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@pytest.fixture(autouse=True)
def release_orphan_plot_menus():
    yield
    with _no_collection_while_walking_widgets():
        _release_orphan_plot_menus()


@pytest.fixture(autouse=True)
def restore_app_state():
    """Each test leaves the application as it found it: language, QSettings, pyqtgraph
    options, palette, theme look, and no window of its own left open (tests/app_state.py)."""
    from tests import app_state

    with _no_collection_while_walking_widgets(collect_first=False):
        before = app_state.snapshot()
    yield
    with _no_collection_while_walking_widgets():
        app_state.restore(before)
