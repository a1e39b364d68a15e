"""Workspaces: named arrangements of the views, each designed for one job (Train, Step through,
Landscape, …), switched with tabs on the tool bar, View ▸ Workspace and Ctrl+1, Ctrl+2, ….

The names (and their order) are ``core.workspace_names.WORKSPACES``; each workspace's design
is data, a :class:`Layout` (``gui.app_window.view_registry.WORKSPACE_LAYOUTS``): the docks it
shows, in which area, which share of the window, stacked or tabbed, the tool bars it shows and
the views presenter mode keeps. Adding a workspace is a name in ``core`` plus a Layout entry.

:class:`Workspaces` applies them to the main window. The user may rearrange the docks: the
layout (``QMainWindow.saveState``) is remembered per workspace while the window lives, and —
once :meth:`Workspaces.start` was called (``app.py``; never in tests unless they pass their
own QSettings) — in QSettings (``workspaces/current``, ``workspaces/state/<name>``), restored
on the next start. "Reset layout" gives the current workspace its designed layout again.
Public API used by lessons: :meth:`Workspaces.apply`, :meth:`Workspaces.current`, signal
``changed(str)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, Qt, Signal

from core.workspace_names import DEFAULT_WORKSPACE, WORKSPACES, check_workspace
from gui.common.i18n import manager

translate = QCoreApplication.translate

AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea,
         "right": Qt.DockWidgetArea.RightDockWidgetArea,
         "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
         "top": Qt.DockWidgetArea.TopDockWidgetArea}
KEY_CURRENT = "workspaces/current"
KEY_STATE = "workspaces/state/"
#: Object name of the tool bar holding the workspace tabs.
TOOLBAR_NAME = "workspaceBar"


@dataclass(frozen=True)
class Cell:
    """Views sharing one place of a column, as tabs (the first in front); ``share`` is the
    cell's part of the column's length (heights in a side column, widths in a bottom row)."""

    views: tuple[str, ...]
    share: float = 1.0


@dataclass(frozen=True)
class Column:
    """The docks of one dock area: ``cells`` stacked top to bottom ("left"/"right") or left
    to right ("bottom"/"top"); ``size`` is the column's share of the window's width
    ("left"/"right") or height ("bottom"/"top")."""

    area: str
    size: float
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Layout:
    """The design of one workspace: ``name`` (``core.workspace_names``), ``title`` (English,
    translated in context "Workspaces"), the dock ``columns`` (views not in them are hidden;
    the canvas is always central), the ``toolbars`` (object names) shown only in this
    workspace, ``presenter_views``: the view ids presenter mode keeps (the canvas always
    stays; the others are hidden by default), and ``tall_sides``: the left and right columns
    run the window's full height, the bottom row fits between them (default: Qt's, the
    bottom row spans the window's width)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    toolbars: tuple[str, ...] = ()
    presenter_views: tuple[str, ...] = ()
    tall_sides: bool = False

    def view_ids(self) -> tuple[str, ...]:
        return tuple(view for column in self.columns for cell in column.cells
                     for view in cell.views)


def check_layouts(layouts: Mapping[str, Layout], view_ids) -> None:
    """ValueError unless ``layouts`` has exactly the workspaces of ``WORKSPACES`` and names
    only views of ``view_ids``, each at most once per workspace, in known areas."""
    if tuple(layouts) != WORKSPACES:
        raise ValueError(f"workspace layouts {tuple(layouts)} do not match {WORKSPACES}")
    for name, layout in layouts.items():
        ids = layout.view_ids()
        unknown = set(ids) - set(view_ids)
        if unknown or len(ids) != len(set(ids)):
            raise ValueError(f"workspace {name!r}: unknown or repeated views {sorted(unknown)}")
        if any(column.area not in AREAS for column in layout.columns):
            raise ValueError(f"workspace {name!r}: unknown dock area")


def set_corners(window: QtWidgets.QMainWindow, layout: Layout) -> None:
    """Give the bottom corners to the side columns (``layout.tall_sides``) or to the bottom
    row. ``saveState`` does not keep corners, so every switch sets them."""
    sides = layout.tall_sides
    window.setCorner(Qt.Corner.BottomLeftCorner, AREAS["left" if sides else "bottom"])
    window.setCorner(Qt.Corner.BottomRightCorner, AREAS["right" if sides else "bottom"])


def arrange(window: QtWidgets.QMainWindow, docks: Mapping[str, QtWidgets.QDockWidget],
            home: Mapping[str, tuple[Qt.DockWidgetArea, str | None, bool]], layout: Layout,
            toolbars: Mapping[str, QtWidgets.QToolBar]) -> None:
    """Give ``window`` the designed ``layout``: every dock (view id → dock) is taken out and
    put back — the layout's where it says, shown; the others in their ``home`` (view id →
    (registry dock area, id of the view it is tabbed with or None, shown by default)): as a
    tab behind that view when the layout shows it, else behind the view that one is tabbed
    with, and so on (shown if the registry says so); with no such view shown, hidden, so that the View menu brings them back there; other workspaces' tool bars hidden."""
    set_corners(window, layout)
    for dock in docks.values():
        dock.setFloating(False)
        window.removeDockWidget(dock)
    placed = set(layout.view_ids())
    later = []
    for column in layout.columns:
        area = AREAS[column.area]
        along = Qt.Orientation.Vertical if column.area in ("left", "right") \
            else Qt.Orientation.Horizontal
        previous = None
        for cell in column.cells:
            first = docks[cell.views[0]]
            if previous is None:
                window.addDockWidget(area, first, along)
            else:
                window.splitDockWidget(previous, first, along)
            first.show()
            for view_id in cell.views[1:]:
                window.tabifyDockWidget(first, docks[view_id])
                docks[view_id].show()
            first.raise_()
            previous = first
    for view_id, dock in docks.items():
        if view_id not in placed:
            area, tab_with, shown = home[view_id]
            window.addDockWidget(area, dock)
            while tab_with is not None and tab_with not in placed:  # the partner's partner
                tab_with = home[tab_with][1] if tab_with in home else None
            if tab_with in placed:  # a tab behind its partner (shown if the registry says so)
                window.tabifyDockWidget(docks[tab_with], dock)
                later.append(docks[tab_with])
                dock.setVisible(shown)
            else:
                dock.hide()
    for dock in later:
        dock.raise_()
    for name, bar in toolbars.items():
        bar.setVisible(name in layout.toolbars)
    resize(window, docks, layout)


def hide_stale_tab_bars(window: QtWidgets.QMainWindow) -> list[QtWidgets.QTabBar]:
    """Hide the dock tab bars Qt leaves shown after their tab group was taken apart (taking
    every dock out and putting it back elsewhere, or restoring another state, left the old
    group's bar painted over the central widget and the new docks: "L… W… Gradi…" under the
    canvas). A bar is live when a shown dock named on one of its tabs spans exactly its width
    at its left edge; Qt shows a bar again whenever it lays out a tab group with it. Returns
    the bars hidden."""
    window.layout().activate()  # the new geometry of the docks and bars
    docks = [dock for dock in window.findChildren(QtWidgets.QDockWidget)
             if dock.isVisible() and not dock.isFloating()]
    hidden = []
    for bar in window.findChildren(QtWidgets.QTabBar,
                                   options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not bar.isVisible():
            continue
        titles = {bar.tabText(i) for i in range(bar.count())}
        rect = bar.geometry()
        if not any(dock.windowTitle() in titles and dock.x() == rect.x()
                   and dock.width() == rect.width() for dock in docks):
            bar.hide()
            hidden.append(bar)
    return hidden


def resize(window: QtWidgets.QMainWindow, docks: Mapping[str, QtWidgets.QDockWidget],
           layout: Layout) -> None:
    """Size the docks of ``layout`` by its shares of the window's current size."""
    width, height = window.width(), window.height()
    for column in layout.columns:
        firsts = [docks[cell.views[0]] for cell in column.cells]
        side = column.area in ("left", "right")
        across = Qt.Orientation.Horizontal if side else Qt.Orientation.Vertical
        window.resizeDocks(firsts[:1], [round(column.size * (width if side else height))],
                           across)
        if len(firsts) > 1:
            along = Qt.Orientation.Vertical if side else Qt.Orientation.Horizontal
            length = height if side else width
            window.resizeDocks(firsts, [round(cell.share * length) for cell in column.cells],
                               along)


class Workspaces(QtCore.QObject):
    """The workspaces of one main window. Signal ``changed(name)`` after a switch.

    ``docks``: view id → its dock; ``home``: view id → (the registry's dock area, the view
    it is tabbed with, shown by default) for docks a workspace does not place;
    ``layouts``: workspace name → :class:`Layout`, in tab order; ``toolbars``: object name →
    a tool bar some workspace shows. ``presenter`` (optional, set later with
    :meth:`set_presenter`) is told when the layout changed while it is active.
    Attributes: ``tab_bar`` (the main window puts it in the menu bar's corner, where no tool
    bar can squeeze it), ``actions`` (checkable, one per
    workspace, in order: Ctrl+1 … via gui/classroom/shortcuts.py), ``menu`` (View ▸ Workspace),
    ``reset_action``.
    """

    changed = Signal(str)
    _holding = False  # hold_layouts

    def __init__(self, window: QtWidgets.QMainWindow,
                 docks: Mapping[str, QtWidgets.QDockWidget],
                 home: Mapping[str, tuple[Qt.DockWidgetArea, str | None, bool]],
                 layouts: Mapping[str, Layout],
                 toolbars: Mapping[str, QtWidgets.QToolBar] | None = None) -> None:
        super().__init__(window)
        check_layouts(layouts, docks)
        self.window = window
        self.docks = dict(docks)
        self.home = dict(home)
        self.layouts = dict(layouts)
        self.toolbars = dict(toolbars or {})
        self.settings: QtCore.QSettings | None = None  # set by start(): persist then
        self.presenter = None
        self._states: dict[str, QtCore.QByteArray] = {}
        self._current = ""

        self.tab_bar = QtWidgets.QTabBar()
        self.tab_bar.setObjectName("workspaceTabs")
        self.tab_bar.setDrawBase(False)
        self.tab_bar.setExpanding(False)
        self.group = QtGui.QActionGroup(self)
        self.actions: list[QtGui.QAction] = []
        for name in self.layouts:
            self.tab_bar.addTab("")
            action = QtGui.QAction(self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, name=name: self.apply(name))
            self.group.addAction(action)
            self.actions.append(action)
        self.tab_bar.currentChanged.connect(self._tab_chosen)
        self.menu = QtWidgets.QMenu(window)
        for action in self.actions:
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.reset_action = self.menu.addAction("", self.reset)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the window

    # ------------------------------------------------------------------ texts
    def retranslate(self, _language: str = "") -> None:
        self.tab_bar.setToolTip(translate("Workspaces", "Workspaces"))
        self.menu.setTitle(translate("Workspaces", "Workspace"))
        self.reset_action.setText(translate("Workspaces", "Reset layout"))
        self.reset_action.setToolTip(
            translate("Workspaces", "Give the current workspace its designed layout again"))
        for index, layout in enumerate(self.layouts.values()):
            title = translate("Workspaces", layout.title)
            self.tab_bar.setTabText(index, title)
            self.actions[index].setText(title)

    # ------------------------------------------------------------------ switching
    def current(self) -> str:
        """The current workspace's name ("" before the first :meth:`apply`)."""
        return self._current

    def layout(self, name: str | None = None) -> Layout:
        """The design of workspace ``name`` (default: the current one)."""
        return self.layouts[name or self._current or DEFAULT_WORKSPACE]

    def apply(self, name: str) -> None:
        """Switch to workspace ``name`` (ValueError naming the known ones otherwise): the
        current layout is remembered for its workspace, then ``name``'s remembered layout (or
        its design) is shown. Switching to the current workspace does nothing."""
        check_workspace(name)
        if name not in self.layouts:
            raise ValueError(f"workspace {name!r} has no layout")
        if name == self._current:
            return
        if self._current:
            self._remember(self._current)
        self._current = name
        state = self._states.get(name)
        if state is None or not self._restore(state):
            self._arrange()
        self._show_current()
        self._save_current_name()
        self.changed.emit(name)

    def reset(self) -> None:
        """Reset layout: the current workspace's design, forgetting its remembered layout."""
        name = self._current or DEFAULT_WORKSPACE
        self._states.pop(name, None)
        if self.settings is not None:
            self.settings.remove(KEY_STATE + name)
        self._current = name
        self._arrange()
        self._show_current()

    def forget(self, name: str) -> None:
        """Forget workspace ``name``'s remembered layout (its design shows next time)."""
        self._states.pop(name, None)
        if self.settings is not None:
            self.settings.remove(KEY_STATE + name)

    def fit(self) -> None:
        """Size the current workspace's docks by its design (the window has its final size:
        the main window calls this on first show unless a remembered layout was restored)."""
        if self._current and self._current not in self._states:
            resize(self.window, self.docks, self.layout())

    def _arrange(self) -> None:
        size = self.window.size()
        arrange(self.window, self.docks, self.home, self.layout(), self.toolbars)
        self._presenter_relayout()
        if self._keep_size(size):
            resize(self.window, self.docks, self.layout())
            self._presenter_relayout()
        hide_stale_tab_bars(self.window)

    def _restore(self, state: QtCore.QByteArray) -> bool:
        size = self.window.size()
        set_corners(self.window, self.layout())
        ok = self.window.restoreState(state)
        if ok:
            self._presenter_relayout()
        if self._keep_size(size) and ok:
            self._presenter_relayout()
        hide_stale_tab_bars(self.window)
        return ok

    def _presenter_relayout(self) -> None:
        if self.presenter is not None and self.presenter.active:
            self.presenter.relayout()

    def _keep_size(self, size: QtCore.QSize) -> bool:
        """Give the window back its ``size`` from before a layout change; True if it had
        changed. Qt grows a top-level window to the least size of its layout and never shrinks
        it back: while a workspace's designed docks are all shown, before presenter mode hides
        the locked ones, that least size can be taller than the window (Chinese at presenter
        2x, 1280x720: Landscape grew the window to 1280x731 for good). A maximized or full
        screen window keeps its state."""
        window = self.window
        states = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        if window.size() == size or window.windowState() & states:
            return False
        window.layout().activate()  # the least size of the docks shown now
        window.resize(size)
        return True

    def hold_layouts(self, hold: bool) -> None:
        """While held (Student mode), layouts are not remembered: entering remembers the
        current one, leaving shows the current workspace's remembered layout (or design)
        again, so what Student mode hid never becomes a workspace's layout."""
        if hold == self._holding:
            return
        if hold and self._current:
            self._remember(self._current)
        self._holding = hold
        if not hold and self._current:
            state = self._states.get(self._current)
            if state is None or not self._restore(state):
                self._arrange()

    def _remember(self, name: str) -> None:
        if self._holding:
            return
        presenting = self.presenter is not None and self.presenter.active
        state = self.presenter.normal_state() if presenting else self.window.saveState()
        if state is None:
            return
        self._states[name] = state
        if self.settings is not None:
            self.settings.setValue(KEY_STATE + name, state)

    def _show_current(self) -> None:
        index = list(self.layouts).index(self._current)
        with QtCore.QSignalBlocker(self.tab_bar):
            self.tab_bar.setCurrentIndex(index)
        self.actions[index].setChecked(True)

    def _tab_chosen(self, index: int) -> None:
        if 0 <= index < len(self.layouts):
            self.apply(list(self.layouts)[index])

    # ------------------------------------------------------------------ persistence
    def set_presenter(self, presenter) -> None:
        """Presenter mode (``relayout()``, ``normal_state()``, ``active``)."""
        self.presenter = presenter

    def start(self, settings: QtCore.QSettings | None = None) -> None:
        """Remember layouts in ``settings`` (default: the application's QSettings) from now
        on, and show the workspace and its layout remembered there by the last run."""
        self.settings = settings if settings is not None else QtCore.QSettings()
        for name in self.layouts:
            value = self.settings.value(KEY_STATE + name)
            if isinstance(value, (QtCore.QByteArray, bytes)):
                self._states[name] = QtCore.QByteArray(value)
        wanted = self.settings.value(KEY_CURRENT, self._current or DEFAULT_WORKSPACE)
        if wanted not in self.layouts:
            wanted = self._current or DEFAULT_WORKSPACE
        current, self._current = self._current, ""
        if wanted == current and wanted in self._states:
            self._restore(self._states[wanted])
            self._current = wanted
            self._show_current()
        else:
            self._current = current
            self.apply(wanted)

    def shut_down(self) -> None:
        """On quit: remember the current workspace's layout (when started)."""
        if self.settings is not None and self._current:
            self._remember(self._current)
            self._save_current_name()
            self.settings.sync()

    def _save_current_name(self) -> None:
        if self.settings is not None:
            self.settings.setValue(KEY_CURRENT, self._current)


def docks_by_id(registry, docks_by_title: Mapping[str, QtWidgets.QDockWidget]) -> tuple[
        dict[str, QtWidgets.QDockWidget], dict[str, tuple[Qt.DockWidgetArea, str | None]]]:
    """(view id → dock, view id → (its registry dock area, ``tab_with``, ``visible``)) of the
    registry's docked views."""
    docked = registry.docked()
    return ({spec.id: docks_by_title[spec.title] for spec in docked},
            {spec.id: (spec.dock_area, spec.tab_with, spec.visible) for spec in docked})
