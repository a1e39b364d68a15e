"""The dock's scroll area (gui.app_window.docks.ViewScrollArea): it scrolls only while the
viewport is smaller than the view's least size."""

from __future__ import annotations

from PySide6 import QtWidgets

from gui.app_window.docks import ViewScrollArea


def _settle():
    for _ in range(4):
        QtWidgets.QApplication.processEvents()


def test_the_scroll_bars_follow_the_view_s_least_size(qtbot):
    """A view whose least height grows past the viewport scrolls; shrunk back it fits with
    no scroll range left. (The bars' ranges were set only when the area itself was resized:
    the Compare view kept a taller layout's range at 1280×720 and "scrolled".)"""
    area = ViewScrollArea()
    qtbot.addWidget(area)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    view = QtWidgets.QWidget()
    part = QtWidgets.QWidget()  # a part of the view whose least height changes
    QtWidgets.QVBoxLayout(view).addWidget(part)
    area.setWidget(view)
    area.resize(400, 300)
    area.show()
    _settle()
    part.setMinimumHeight(360)
    _settle()
    assert area.verticalScrollBar().maximum() > 0  # taller than the viewport: it scrolls
    part.setMinimumHeight(100)
    _settle()
    assert view.size().height() == area.viewport().height()
    assert area.verticalScrollBar().maximum() == 0
    assert area.horizontalScrollBar().maximum() == 0
