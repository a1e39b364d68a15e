"""The views of a registry built, docked and listed in the View menu (used by MainWindow).

:func:`build_views` calls each factory once; :func:`dock_views` puts every view with a dock
area into a QDockWidget in registry order (tabbed or split as its spec says, hidden when not
visible by default); :func:`view_menu_entries` gives the View menu its view entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt

from gui.common.view_spec import ViewContext, ViewRegistry, ViewSpec, view_widget


class ViewScrollArea(QtWidgets.QScrollArea):
    """A scroll area that gives its view the whole viewport and scrolls only where the
    viewport is smaller than the view's minimum size.

    (``setWidgetResizable(True)`` sizes a height-for-width view, one with a word-wrapped
    label, by its preferred height, which counts every plot at its size hint: the Compare and
    Linear system views scrolled at every size, their plots cut in half.)"""

    def setWidget(self, widget: QtWidgets.QWidget) -> None:  # noqa: N802 (Qt naming)
        super().setWidget(widget)
        widget.installEventFilter(self)
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.widget() and event.type() == QtCore.QEvent.Type.LayoutRequest:
            QtCore.QTimer.singleShot(0, self, self._fit)
        # QScrollArea's own filter sets the scroll bars' ranges when the view is resized:
        # without it a bar stayed at an earlier, taller size's range
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        inner = self.width() - 2 * self.frameWidth()
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped text: its least
            least_height = max(layout.minimumHeightForWidth(max(inner, least.width())),
                               widget.minimumSize().height())  # height at this width
        else:
            least_height = least.height()
        height = max(self.viewport().height(), least_height)
        bar = self.verticalScrollBar().sizeHint().width()
        # a vertical scroll bar (shown when the view is taller) takes its width off the view
        width = inner - (bar if height > self.height() - 2 * self.frameWidth() else 0)
        size = QtCore.QSize(max(width, least.width()), height)
        if widget.size() != size:
            widget.resize(size)


def build_views(registry: ViewRegistry, controller, parent: QtCore.QObject) -> dict[str, object]:
    """View id → the view (a widget, or a presenter with a ``view``), in registry order."""
    context = ViewContext(parent=parent)
    return {spec.id: spec.factory(controller, context) for spec in registry}


def dock_views(window: QtWidgets.QMainWindow, registry: ViewRegistry,
               views: Mapping[str, object], title_changed: Callable[[str], None]
               ) -> Iterator[tuple[ViewSpec, QtWidgets.QDockWidget]]:
    """Dock each view of ``registry`` that has a ``dock_area`` into ``window``, in registry
    order, yielding (spec, dock) as each is placed (the window sizes its default layout as
    the docks come). ``title_changed`` is connected to every dock's ``windowTitleChanged``
    (the tab of a tabbed dock must follow its title). Once all are placed, the first dock of
    each tab group is brought to the front."""
    by_id: dict[str, QtWidgets.QDockWidget] = {}
    hosts: list[QtWidgets.QDockWidget] = []
    for spec in registry.docked():
        part = views[spec.id]
        widget = view_widget(part)
        dock = QtWidgets.QDockWidget(spec.title, window)
        dock.setObjectName(spec.dock_name)
        if spec.scroll:
            area_widget = ViewScrollArea()
            area_widget.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
            area_widget.setWidget(widget)
            dock.setWidget(area_widget)
        else:
            dock.setWidget(widget)
        window.addDockWidget(spec.dock_area, dock)
        dock.windowTitleChanged.connect(title_changed)
        if spec.beside is not None:
            window.splitDockWidget(by_id[spec.beside], dock, Qt.Orientation.Horizontal)
        if spec.tab_with is not None:
            host = by_id[spec.tab_with]
            window.tabifyDockWidget(host, dock)
            if host not in hosts:
                hosts.append(host)
        if not spec.visible:
            dock.hide()
            # choosing it in the View menu brings its tab to the front
            dock.toggleViewAction().triggered.connect(lambda on, d=dock: on and d.raise_())
        by_id[spec.id] = dock
        yield spec, dock
    for host in hosts:  # the first dock of each tab group is the tab in front
        host.raise_()
    for spec in registry.docked():  # once the layout is built: its own changes need no redraw
        if spec.gate is not None:
            by_id[spec.id].visibilityChanged.connect(
                spec.gate(view_widget(views[spec.id])).became_visible)


def view_menu_entries(registry: ViewRegistry, views: Mapping[str, object],
                      docks: Mapping[str, QtWidgets.QDockWidget],
                      parent: QtCore.QObject) -> list[QtGui.QAction]:
    """The View menu's view entries: the toggles of the docks shown by default (registry
    order), the views' own menu actions (property ``view_id``: their view), then the toggles of
    the docks hidden by default."""
    docked = registry.docked()
    entries = [docks[spec.title].toggleViewAction() for spec in docked if spec.visible]
    for spec in registry:
        if spec.menu_actions is not None:
            for action in spec.menu_actions(view_widget(views[spec.id]), parent):
                action.setProperty("view_id", spec.id)  # Student mode hides it with the view
                entries.append(action)
    entries += [docks[spec.title].toggleViewAction() for spec in docked if not spec.visible]
    return entries
