"""The per-test teardown (tests/conftest.py) frees what a finished test built.

A window's views connect lambdas that capture the controller to the controller's own
signals; Qt keeps those references where Python's garbage collector cannot see them, so a
closed window and its controller were never freed, and every later teardown of the worker
(a full garbage collection, a walk over all widgets) grew slower with each window left
behind. The teardown deletes the controllers no live window uses.
"""

import gc
import weakref

from PySide6 import QtCore

from tests import conftest as test_setup


def _deferred_deletes() -> None:
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


def test_a_closed_window_and_its_controller_are_freed_by_the_teardown(qapp):
    from gui.app_window.main_window import MainWindow
    from gui.controller import TrainingController

    test_setup._track_controllers()  # done by the teardown once gui.controller is imported
    controller = TrainingController()
    window = MainWindow(controller)
    window.show()
    qapp.processEvents()
    freed = weakref.ref(window), weakref.ref(controller), weakref.ref(window.loss_surface)
    window.close()
    window.deleteLater()
    del window, controller
    _deferred_deletes()
    test_setup._release_orphan_controllers()
    gc.collect()
    assert [ref() for ref in freed] == [None, None, None]


def test_the_controller_of_a_window_still_open_is_kept(window):
    import shiboken6

    controller = window.controller
    meta = controller.metaObject()
    stepped = meta.method(meta.indexOfSignal("stepped(int)"))
    assert controller.isSignalConnected(stepped)
    test_setup._release_orphan_controllers()
    assert shiboken6.isValid(controller) and controller.isSignalConnected(stepped)
    controller.step()
    assert controller.trainer.step_count == 1
