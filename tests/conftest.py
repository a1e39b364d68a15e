"""Test-wide set-up: Qt runs offscreen, so the suite needs no display."""

import contextlib
import gc
import os
import pathlib
import sys
import weakref

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


#: Every TrainingController made in this process (weak: a released one drops out).
_controllers: weakref.WeakSet = weakref.WeakSet()


def _track_controllers() -> None:
    """Record each TrainingController made from now on (once gui.controller is imported:
    the core tests never import Qt)."""
    module = sys.modules.get("gui.controller")
    if module is None or getattr(module.TrainingController, "_tracked_by_tests", False):
        return
    cls = module.TrainingController
    original = cls.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        _controllers.add(self)

    cls.__init__ = init
    cls._tracked_by_tests = True


def _release_orphan_controllers() -> None:
    """Delete the controllers no live top-level widget uses any more.

    A window's views connect lambdas that capture the controller (and themselves) to the
    controller's signals. Those references live in Qt's connection list, where Python's
    garbage collector cannot see them, so the cycle controller -> lambda -> controller is
    never collected: each test window, with its ~11,000 Python objects and its parentless
    widgets, stayed in memory for the rest of the worker's run, and every later teardown's
    gc.collect() and widget walk grew with them (a teardown took ~6 s near the end of a run,
    ~0.2 s at its start). Disconnecting the controller's signals breaks the cycle. The app is unaffected (one controller per window, for the life of the process).
    Controllers of windows still alive (module-scoped fixtures) are kept."""
    if not _controllers:
        return
    import shiboken6
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance()
    if app is None:
        return
    in_use = set()
    for widget in app.topLevelWidgets():
        if shiboken6.isValid(widget):
            controller = getattr(widget, "__dict__", {}).get("controller")
            if controller is not None:
                in_use.add(id(controller))
    for controller in list(_controllers):
        if id(controller) in in_use or not shiboken6.isValid(controller):
            continue
        controller.shutdown()
        _disconnect_all(controller)


def _disconnect_all(sender) -> None:
    """Disconnect every slot from every signal of ``sender`` (its C++ object stays: a widget
    still holding it gets a RuntimeError-free object, only no more notifications)."""
    from PySide6 import QtCore

    meta = sender.metaObject()
    for index in range(meta.methodCount()):
        method = meta.method(index)
        if (method.methodType() != QtCore.QMetaMethod.MethodType.Signal
                or not sender.isSignalConnected(method)):
            continue
        signal = getattr(sender, bytes(method.name()).decode(), None)
        if isinstance(signal, QtCore.SignalInstance):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect()


def _without_qt(request) -> bool:
    """Tests under tests/core cannot import Qt (import contract "core-tests", checked by
    tests/test_import_rules.py), so they cannot leave a window, a menu, a language or a
    setting behind: their teardown skips the garbage collection and the walks over Qt's
    widget lists (~0.1-0.2 s each; tests/core is ~1,800 of the ~2,800 tests)."""
    return _CORE_TESTS in request.node.path.parents


_CORE_TESTS = pathlib.Path(__file__).resolve().parent / "core"


@pytest.fixture(autouse=True)
def release_orphan_plot_menus(request):
    if _without_qt(request):
        yield
        return
    _track_controllers()
    yield
    _track_controllers()
    # restore_app_state (which requests this fixture, so it is torn down just before) has
    # collected the test's garbage: one full collection per test is enough (each took ~0.1 s)
    with _no_collection_while_walking_widgets(collect_first=False):
        _release_orphan_plot_menus()
        _release_orphan_controllers()


@pytest.fixture(autouse=True)
def restore_app_state(release_orphan_plot_menus, request):
    """Each test leaves the application as it found it: language, QSettings, pyqtgraph
    options, palette, theme look, and no window of its own left open (tests/app_state.py)."""
    from tests import app_state

    if _without_qt(request):
        yield
        return
    with _no_collection_while_walking_widgets(collect_first=False):
        before = app_state.snapshot()
    yield
    with _no_collection_while_walking_widgets():
        app_state.restore(before)
