"""The window during a guided lesson: the step's views in one column beside the canvas.

A lesson step names the views it is about (``setup.views``: e.g. the loss surface, the loss
curve and the inspector). Put into a workspace's own design, they were strips: Train's
network diagram at the bottom was 123 px tall even at 1920×1080, three views and the lesson
notes shared one column, and at presenter 2× Qt grew the window past the screen. So while a
lesson is open, :class:`LessonLayout` arranges the window itself:

- the step's views (after the current workspace's own: its design's views, in presenter mode
  its presenter views, when the user chose another workspace than the step's) in one column
  on the right, :data:`COLUMN_SHARE` of the window's width, as
  tall as the canvas beside it; as many of them stacked as each gets at least
  :data:`MIN_PLACE` px of height under its dock title, the others tabs behind the last one
  (the view the step names first in front);
- outside presenter mode, the lesson notes at the top of that column (the last tab when
  there is no room for a place of their own), and the workspace's settings panels
  (``SETTINGS_PANELS``: Train's Data, Network and Training) as tabs in a left column, each
  whole;
- in presenter mode, only the step's views (less the ones the teacher locked);
- every other dock hidden.

The step's views keep the order the lesson lists them in, the canvas (central) left out. The
window keeps its size (a step's views shown in their home places first grow it). The step's
layout is made when a lesson is loaded, a step shows other views than the last layout's (or
one of them was closed, or one fails the layout report's checks, e.g. under a taller lesson
bar), the workspace changes, Workspace ▸ Reset layout is chosen, presenter
mode goes on or off, or the window is resized; docks the user moves or resizes stay until then, also through
steps about the same views. When the lesson ends the workspace's layout returns (presenter
mode's saved layout while presenting).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt

from gui.app_window.layout_report import (
    MIN_VIEW,
    cramped_view,
    elided_items,
    elided_widgets,
    scroll_needed,
)
from gui.app_window.workspaces import Cell, Column, Layout, arrange, hide_stale_tab_bars

#: The lesson column's share of the window's width (the canvas, aspect-locked, gets the rest).
COLUMN_SHARE = 0.56
#: The same beside a left column of settings panels (the canvas kept about 330 px at 1280).
PANELS_COLUMN_SHARE = 0.42
#: Least height (px) of a view's place in the column, below its dock title: the layout
#: report's least view height plus room for a view's own legend or tool row.
MIN_PLACE = MIN_VIEW[1] + 30
#: Px between two stacked docks (the splitter handle and margins).
SEPARATOR = 8
#: Id of the lesson notes dock in the layouts made here.
NOTES = "lesson_notes"
#: The lesson notes' share of the column when they have a place of their own (their text
#: scrolls; the lesson bar shows the step).
NOTES_SHARE = 0.2


def rows_that_fit(count: int, height: int, title: int, tab_bar: int) -> int:
    """How many of ``count`` views can be stacked in a column ``height`` px tall when each needs
    a dock title of ``title`` px and MIN_PLACE px below it, and the last place, when it holds
    more than one view, a tab bar of ``tab_bar`` px: at least 1 (then all are tabs)."""
    for rows in range(count, 1, -1):
        tabs = tab_bar if rows < count else 0
        if rows * (title + MIN_PLACE) + (rows - 1) * SEPARATOR + tabs <= height:
            return rows
    return 1


def lesson_column(views: Sequence[str], rows: int, panels: Sequence[str] = (),
                  panel_share: float = 0.24) -> Layout:
    """The lesson layout: ``views`` in one right column of ``rows`` places, the last place
    holding the remaining views as tabs; ``panels`` (if any) as tabs in a left column of
    ``panel_share`` of the width."""
    rows = max(1, min(rows, len(views)))
    if rows == len(views) and views[-1] == NOTES:  # the notes have a place: at the top
        views = [NOTES, *views[:-1]]
    cells = [Cell((view,)) for view in views[:rows - 1]]
    cells.append(Cell(tuple(views[rows - 1:])))
    notes = 1 if len(cells) > 1 and cells[0].views == (NOTES,) else 0
    share = (1.0 - NOTES_SHARE * notes) / (len(cells) - notes)
    cells = [Cell(cell.views, NOTES_SHARE if (index == 0 and notes) else share)
             for index, cell in enumerate(cells)]
    columns = [Column("right", PANELS_COLUMN_SHARE if panels else COLUMN_SHARE, tuple(cells))]
    if panels:
        columns.insert(0, Column("left", panel_share, (Cell(tuple(panels)),)))
    return Layout("lesson", "", tuple(columns), tall_sides=True)


class LessonLayout(QtCore.QObject):
    """Arranges the open lesson's step views (see the module docstring).

    ``window``: the main window; ``docks``: view id → dock; ``home``: as
    :class:`gui.app_window.workspaces.Workspaces` has it; ``notes``: the lesson notes dock;
    ``presenter``: PresenterMode (``active``, ``entry_size``, ``locked_panels()``,
    ``normal_state()``, ``show_normal_layout()``); ``step_views()``: the view ids of the open lesson's
    current step, in the lesson's order ([] without a lesson or when its steps list none);
    ``step_workspace()``: the workspace the steps so far chose ("" if none);
    ``workspaces``: the window's Workspaces (``layout()``, ``reset()``); ``panels``: ids of
    the settings panels. Call :meth:`fit_soon` whenever the step's views may have changed.
    """

    def __init__(self, window: QtWidgets.QMainWindow,
                 docks: Mapping[str, QtWidgets.QDockWidget], home: Mapping,
                 notes: QtWidgets.QDockWidget, presenter,
                 step_views: Callable[[], list[str]], step_workspace: Callable[[], str],
                 workspaces, panels: Sequence[str]) -> None:
        super().__init__(window)
        self.window = window
        self.docks = {**docks, NOTES: notes}
        self.home = {**home, NOTES: (Qt.DockWidgetArea.RightDockWidgetArea, None, False)}
        self.presenter = presenter
        self.step_views = step_views
        self.step_workspace = step_workspace
        self.workspaces = workspaces
        self.panels = tuple(panels)
        self.arranged: tuple = ()  # (views, panels, rows) of the layout last made; () if none
        self._asked: tuple = ()  # (views, panels, size) that layout was made for
        #: the window's size to keep: the last one the user (or a script) gave it; Qt's own
        #: growth to a layout's least size (a lesson's views shown in their workspace places,
        #: presenter fonts) is not one (see eventFilter); invalid: the window's size
        self._size = QtCore.QSize()
        self._workspaces_used: set[str] = set()  # workspaces that had a lesson layout
        self._fitting = False  # inside fit() or end(): the resizes are this object's
        #: sizes Qt grew the window to since the last layout was made (see eventFilter)
        self._growth: set[tuple[int, int]] = set()
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)

    def views(self) -> list[str]:
        """The docks to show in the lesson column: the lesson notes (outside presenter mode)
        and the step's docked views, in order, less the ones the teacher locked for presenter
        mode; [] without a lesson."""
        step = self.step_views()
        if not step:
            return []
        layout = self.workspaces.layout()
        own = layout.presenter_views if self.presenter.active else layout.view_ids()
        if self.workspaces.current() != self.step_workspace():
            step = [*own, *step]  # the user chose another workspace: its views first
        wanted = [view for view in dict.fromkeys(step)
                  if view in self.docks and view not in self.panels]
        if self.presenter.active:
            locked = self.presenter.locked_panels()
            return [view for view in wanted if self.docks[view].objectName() not in locked]
        return [*wanted, NOTES]

    def settings_panels(self) -> list[str]:
        """The current workspace's settings panels (none in presenter mode)."""
        if self.presenter.active:
            return []
        return [view for view in self.workspaces.layout().view_ids() if view in self.panels]

    def fit_soon(self, *_args) -> None:
        """:meth:`fit` once the events being handled are done (several changes, one layout),
        at the size the user gave the window."""
        self._timer.start()

    def workspace_changed(self, _name: str = "") -> None:
        """Another workspace's layout was shown, Reset layout gave the workspace its design or
        a lesson was loaded (its scene's views shown in their places): the lesson's layout is
        made again."""
        self.arranged = ()
        self.fit_soon()

    def presenter_toggled(self, on: bool) -> None:
        """Presenter mode went on (the size to keep is the window's from before its bigger
        fonts: ``PresenterMode.entry_size``) or off (its saved layout came back: the lesson's
        is made again for the normal fonts)."""
        self.arranged = ()
        self.fit_soon()
        if on:
            self._size = QtCore.QSize(self.presenter.entry_size)

    def fit(self) -> None:
        """Make the lesson layout for the window's size (nothing without a lesson whose steps
        list views)."""
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False
            self._growth.clear()

    def _fit(self) -> None:
        size = self._size if self._size.isValid() else self.window.size()
        if not self.window.isVisible():
            return  # closing (or not shown yet): made when shown
        views, panels = self.views(), self.settings_panels()
        if not views:
            self.arranged = ()
            return
        asked = (tuple(views), tuple(panels), (size.width(), size.height()))
        if self.arranged and asked == self._asked and self._still_open() \
                and not self._squeezed(list(self.arranged[0][:self.arranged[2]])):
            return  # the same views, still legible: docks the user moved stay where they are
        self._asked = asked
        self._workspaces_used.add(self.workspaces.current())
        self._arrange(views, panels, 1)
        self._keep(size)
        if panels and not self._panels_fit(panels):  # tabs behind the views, each whole
            views, panels = [*views, *panels], []
            self._arrange(views, panels, 1)
            self._keep(size)
        rows = self._rows_that_fit(views)
        while rows > 1:
            self._arrange(views, panels, rows)
            self._keep(size)
            if not self._squeezed(views[:rows]):
                break
            rows -= 1  # a view's own content needs more than MIN_PLACE (the diagram's caption)
        if rows == 1 and len(views) > 1:
            self._arrange(views, panels, 1)
            self._keep(size)
        self.arranged = (tuple(views), tuple(panels), rows)

    def end(self) -> None:
        """The lesson ended: the workspace's layout again (presenter mode's saved normal
        layout with the locked panels hidden, else the workspace's design)."""
        self._fitting = True
        try:
            self._end()
        finally:
            self._fitting = False

    def _end(self) -> None:
        self._timer.stop()
        for name in self._workspaces_used:  # a workspace's remembered layout is its own
            self.workspaces.forget(name)
        self._workspaces_used = set()
        if not self.arranged:
            return
        self.arranged = ()
        size = self._size if self._size.isValid() else self.window.size()
        if self.presenter.active and self.presenter.normal_state() is not None:
            self.presenter.show_normal_layout()
        else:
            self.workspaces.reset()
        self._keep(size)
        hide_stale_tab_bars(self.window)

    def _arrange(self, views: list[str], panels: list[str], rows: int) -> None:
        arrange(self.window, self.docks, self.home, lesson_column(views, rows, panels), {})
        shown = {*views, *panels}
        for view_id, dock in self.docks.items():
            if view_id not in shown:
                dock.hide()
        tabs = views[rows - 1:]
        if len(tabs) > 1:  # the first of the tabs in front
            self.docks[tabs[0]].raise_()
        hide_stale_tab_bars(self.window)

    def _still_open(self) -> bool:
        """Whether every dock of the layout last made is still open (shown, or a tab behind
        another): not closed by the user or hidden by another part of the window."""
        views, panels, _rows = self.arranged
        return all(self.docks[view].toggleViewAction().isChecked() for view in (*views, *panels))

    def _rows_that_fit(self, views: list[str]) -> int:
        if len(views) < 2:
            return 1
        self.window.layout().activate()
        central = self.window.centralWidget()
        front = next((self.docks[view] for view in views if self.docks[view].isVisible()), None)
        if front is None or central is None:
            return 1
        title = max(0, front.height() - front.widget().height())
        bars = [bar for bar in self.window.findChildren(QtWidgets.QTabBar)
                if bar.isVisible() and bar.parent() is self.window]
        tab_bar = max((bar.height() for bar in bars), default=title + 8)
        return rows_that_fit(len(views), central.height(), title, tab_bar)

    def _squeezed(self, placed: list[str]) -> bool:
        """Whether a stacked view (the front one of each place) fails the layout report: under
        its least size, its content squeezed (``cramped_view``), its own controls scrolling or
        a text of it cut."""
        self.window.layout().activate()
        QtWidgets.QApplication.sendPostedEvents()  # the docks' new sizes reach their contents
        for view_id in placed:
            dock = self.docks[view_id]
            if view_id == NOTES or not dock.isVisible():
                continue
            widget = dock.widget()
            if scroll_needed(widget):
                return True
            if isinstance(widget, QtWidgets.QScrollArea) and widget.widget() is not None:
                widget = widget.widget()
            if widget.width() < MIN_VIEW[0] or widget.height() < MIN_VIEW[1] \
                    or cramped_view(view_id, widget) or elided_items(widget) \
                    or elided_widgets(widget):
                return True
        return False

    def _panels_fit(self, panels: list[str]) -> bool:
        """Whether the settings panels, tabs of the left column, show all of their settings
        without scrolling (their scroll areas' contents fit the front panel's viewport)."""
        self.window.layout().activate()
        front = next((self.docks[p] for p in panels if self.docks[p].isVisible()), None)
        if front is None or not isinstance(front.widget(), QtWidgets.QScrollArea):
            return True
        room = front.widget().viewport().height()
        for panel in panels:
            area = self.docks[panel].widget()
            if isinstance(area, QtWidgets.QScrollArea) and area.widget() is not None \
                    and area.widget().sizeHint().height() > room:
                return False
        return True

    def _grown(self, old: QtCore.QSize, new: QtCore.QSize) -> bool:
        """Whether a resize from ``old`` to ``new`` leaves the window at its layout's least
        size in a direction: Qt growing it to fit a layout (or code giving it back a size on
        the way), not the user's choice (the window cannot be smaller than that anyway)."""
        least = self.window.minimumSizeHint().expandedTo(self.window.minimumSize())
        return old.isValid() and new != old and (
            new.height() <= least.height() or new.width() <= least.width())

    def _keep(self, size: QtCore.QSize) -> None:
        """Qt grows a window to its layout's least size and never shrinks it back: give it the
        size it had (not when maximized or full screen, which keep theirs)."""
        window = self.window
        states = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        if window.size() != size and not window.windowState() & states:
            window.layout().activate()
            window.resize(size)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.window and event.type() == QtCore.QEvent.Type.Show \
                and not self.arranged and self.step_views():
            self.fit_soon()  # a lesson opened before the window was shown
        elif watched is self.window and event.type() == QtCore.QEvent.Type.Resize \
                and not self._fitting:
            if self._grown(event.oldSize(), event.size()):
                self._growth.add((event.size().width(), event.size().height()))
            elif (event.size().width(), event.size().height()) not in self._growth:
                self._size = event.size()  # the user's (or a script's) size
                if self.arranged:
                    self._timer.start()  # the new size may stack more (or fewer) views
            # else: code giving the window back a size Qt had grown it to (a workspace's
            # layout keeps "the size before", which was that growth): not the user's
        return False
