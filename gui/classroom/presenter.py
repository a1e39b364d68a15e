"""Presenter mode (View ▸ Presenter mode, F5) and full screen (F11), for a projector.

Presenter mode:
- scales the application font by 1.5× or 2× (View ▸ Presenter scale), and the fonts of the plot
  axes, the network diagram's titles and values and the inspector's page with it (the last two
  through ``gui.common.themes.view_look``);
- draws plot lines thicker and points bigger (every pyqtgraph curve and scatter in the window;
  views that set their sizes again later, e.g. the canvas after a point edit, are scaled again);
- scales the text and the samples of every pyqtgraph legend (``pg.LegendItem``: the canvas's
  class legend, the Compare, loss-surface and gradient-norms legends), rows a view adds or
  rebuilds later included;
- switches to the high-contrast theme;
- wraps the step tool bar onto two rows while it is wider than the window (the step buttons
  stay on the first, the phase text and the speed control go to the second), and caps the
  status-bar read-outs, so that every step button stays reachable in a 1280 px wide window;
- hides the panels the teacher locked (View ▸ Presenter panels; by default every dock except
  the current workspace's main views — ``kept_docks()``, from
  ``gui.app_window.workspaces.Layout.presenter_views`` — and the drawing tool bar and settings
  strip), so students see the canvas, the workspace's main views and the step buttons. The shortcuts keep working (gui/classroom/shortcuts.py adds the actions to the window).

Leaving it restores the saved dock layout (``saveState``/``restoreState``), fonts, pens, sizes
and the user's theme. Nothing here touches the controller or the session.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, Signal

from gui.common.i18n import manager
from gui.common.legend_corner import fit_legend_box
from gui.common.legible_axes import room_for_top_tick
from gui.common.number_format import number
from gui.common.themes import apply_theme

translate = QCoreApplication.translate

SCALES = (1.5, 2.0)
DEFAULT_SCALE = 1.5
SETTINGS_LOCKED = "presenter/locked"
SETTINGS_SCALE = "presenter/scale"
#: Docks students keep seeing by default when the window names none (object-name fragments).
DEFAULT_VISIBLE = ("diagram",)
#: Tool bars hidden by default (the step buttons, the workspace tabs and a lesson's bar stay;
#: the timeline's row went to the views: at 1280×720 2× a lesson's views need its 32 px).
DEFAULT_LOCKED_TOOLBARS = ("drawToolbar", "settingsStrip", "timelineToolbar")

_BASE = "presenter_base"      # the item's own value before scaling
_SCALED = "presenter_scaled"  # the value presenter mode set
#: Object name of the step tool bar's second row (presenter mode, narrow windows).
ROW_TOOLBAR = "presenterStepRow"
#: Tool bars no lock list hides: presenter mode's own second row, and the lesson bar, shown
#: exactly while a lesson is open (gui.classroom.lesson_bar.LessonBar.setVisible).
UNLOCKABLE_TOOLBARS = (ROW_TOOLBAR, "lessonBar")
#: Width (px) the status-bar read-outs may take together in presenter mode: their font and
#: fixed widths grow by the presenter scale, or less when that would not fit a 1280 px window.
STATUS_WIDTH = 1150
#: Share of the window's height the network diagram gets on entering presenter mode.
DIAGRAM_HEIGHT = 0.48


def _panels(window) -> list[QtWidgets.QWidget]:
    """Docks and tool bars that can be locked, in window order."""
    docks = window.findChildren(QtWidgets.QDockWidget)
    bars = [bar for bar in window.findChildren(QtWidgets.QToolBar)
            if bar.objectName() and bar.objectName() not in UNLOCKABLE_TOOLBARS]
    return [*docks, *bars]


def _panel_title(panel: QtWidgets.QWidget) -> str:
    return panel.windowTitle().replace("&", "") or panel.objectName()


def default_locked(window, kept: Callable[[], set[str]] | None = None) -> set[str]:
    """Object names hidden by default: every dock but those ``kept()`` names (default: the
    diagram, DEFAULT_VISIBLE), and the tool bars of DEFAULT_LOCKED_TOOLBARS."""
    locked = set()
    kept_names = kept() if kept is not None else None
    for panel in _panels(window):
        name = panel.objectName()
        if isinstance(panel, QtWidgets.QDockWidget):
            keep = name in kept_names if kept_names is not None else \
                any(part in name.lower() for part in DEFAULT_VISIBLE)
            if not keep:
                locked.add(name)
        elif name in DEFAULT_LOCKED_TOOLBARS:
            locked.add(name)
    return locked


def _scaled_pen(pen, scale: float) -> QtGui.QPen:
    pen = QtGui.QPen(pg.mkPen(pen))
    pen.setWidthF(max(pen.widthF(), 1.0) * scale)
    return pen


_TEXT_SIZE = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*([a-z]*)\s*$")
#: Side (px) of pyqtgraph's legend sample box (``pg.ItemSample``: a fixed 20×20 drawing).
SAMPLE_SIDE = 20.0
#: Share of a scaled stand-in sample's drawing above and below its row (empty there).
SAMPLE_OVERHANG = 0.1


def scaled_text_size(size: str, scale: float) -> str:
    """A CSS font size ("9pt", "7.5pt", "12px") times ``scale``; an unreadable one unchanged."""
    match = _TEXT_SIZE.match(str(size))
    if match is None:
        return size
    return f"{float(match.group(1)) * scale:g}{match.group(2) or 'pt'}"


def _scale_sample(sample, scale: float) -> None:
    """Scale a legend sample (``pg.ItemSample``: a 20×20 drawing of its item's line and
    symbol) with the presenter scale. A stand-in drawn only in the legend (its item in no
    scene) is drawn ``scale`` times bigger. A plot item's sample draws with that item's pen
    and symbol, which this pass already scales: a line is drawn ``scale`` times longer, a
    symbol is centred in a box ``scale`` times bigger."""
    item = getattr(sample, "item", None)
    side = SAMPLE_SIDE * scale
    sample.setScale(1.0)
    if item is None or item.scene() is None:
        # its row no taller than the text needs: the drawing's empty top and bottom tenth
        # (pyqtgraph draws the symbol in the middle of its 20 px) overhang the row
        width, height = side, side * (1 - 2 * SAMPLE_OVERHANG)
        transform = QtGui.QTransform.fromScale(scale, scale)
        transform *= QtGui.QTransform.fromTranslate(0, -side * SAMPLE_OVERHANG)
    elif _has_symbol(item):
        offset = (side - SAMPLE_SIDE) / 2
        width, height, transform = side, side, QtGui.QTransform.fromTranslate(offset, offset)
    else:
        width, height, transform = side, SAMPLE_SIDE, QtGui.QTransform.fromScale(scale, 1.0)
    sample.setFixedWidth(width)
    sample.setFixedHeight(height)
    sample.setTransform(transform)
    sample.__dict__["_presenter_sample"] = scale


def _has_symbol(item) -> bool:
    if isinstance(item, pg.ScatterPlotItem):
        return True
    return getattr(item, "opts", {}).get("symbol") is not None


def _unscale_sample(sample) -> None:
    if sample.__dict__.pop("_presenter_sample", None) is None:
        return
    sample.setTransform(QtGui.QTransform())
    sample.setFixedWidth(SAMPLE_SIDE)
    sample.setFixedHeight(SAMPLE_SIDE)


def _scale_legend(legend: pg.LegendItem, scale: float) -> None:
    """A legend's text size and its samples ``scale`` times their own (idempotent; rows the
    view added since, e.g. a rebuilt legend, are scaled too, and a text size the view set
    since becomes the new base)."""
    store = legend.__dict__.setdefault("_presenter", {})
    current = legend.opts["labelTextSize"]
    if "legend" not in store or current != store["legend"][1]:
        store["legend"] = (current, scaled_text_size(current, scale))
    size = store["legend"][1]
    legend.opts["labelTextSize"] = size  # rows added later get it too
    changed = False
    for sample, label in legend.items:
        if label.opts.get("size") != size:
            label.setText(label.text, size=size)
            changed = True
        if sample.__dict__.get("_presenter_sample") != scale:
            _scale_sample(sample, scale)
            changed = True
    if changed:
        fit_legend_box(legend)


def _unscale_legend(legend: pg.LegendItem, size: str) -> None:
    legend.opts["labelTextSize"] = size
    for sample, label in legend.items:
        label.setText(label.text, size=size)
        _unscale_sample(sample)
    fit_legend_box(legend)


class PresenterMode(QtCore.QObject):
    """The presenter-mode switch of one main window. Signal ``toggled(bool)``.

    ``controller``: its signals re-apply the scaling after views redrew; ``step_toolbar`` is
    wrapped onto two rows when too wide (``draw_toolbar``, if in the same area, stays under
    it); ``canvas`` gets the focus on entering; ``user_theme()`` names the theme to go back
    to on leaving; ``kept_docks()`` names the docks kept by default (the current workspace's
    main views; see :func:`default_locked`) while the teacher has not chosen the locks.
    """

    toggled = Signal(bool)

    def __init__(self, window: QtWidgets.QMainWindow, controller,
                 step_toolbar: QtWidgets.QToolBar, draw_toolbar: QtWidgets.QToolBar | None,
                 canvas: QtWidgets.QWidget | None,
                 user_theme: Callable[[], str] = lambda: "light",
                 kept_docks: Callable[[], set[str]] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.step_toolbar = step_toolbar
        self.draw_toolbar = draw_toolbar
        self.canvas = canvas
        self.user_theme = user_theme
        self.kept_docks = kept_docks
        self.active = False
        self.scale = DEFAULT_SCALE
        self.locked: set[str] | None = None  # None: default_locked(window, kept_docks)
        self._saved_state: QtCore.QByteArray | None = None
        #: the window's size when presenter mode was last entered (its bigger fonts and
        #: layouts may grow the window; gui.app_window.lesson_layout gives it back)
        self.entry_size = QtCore.QSize()
        self._saved_geometry = QtCore.QByteArray()
        self._axis_fonts: dict = {}
        self._label_fonts: dict = {}
        self._was_maximized = False

        self.action = QtGui.QAction(self)
        self.action.setCheckable(True)
        self.action.toggled.connect(self.set_active)
        self.fullscreen_action = QtGui.QAction(self)
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.toggled.connect(self.set_full_screen)
        self.scale_group = QtGui.QActionGroup(self)
        self.scale_actions: dict[float, QtGui.QAction] = {}
        for scale in SCALES:
            action = QtGui.QAction(self)
            action.setCheckable(True)
            action.setChecked(scale == self.scale)
            action.triggered.connect(lambda _=False, scale=scale: self.set_scale(scale))
            self.scale_group.addAction(action)
            self.scale_actions[scale] = action
        self.panels_menu = QtWidgets.QMenu(window)
        self.panels_menu.aboutToShow.connect(self._fill_panels_menu)
        self._rescale_timer = QtCore.QTimer(self)
        self._rescale_timer.setSingleShot(True)
        self._rescale_timer.setInterval(0)
        self._rescale_timer.timeout.connect(self._scale_items)
        self._row: QtWidgets.QToolBar | None = None  # the step tool bar's second row
        self._bar_actions: list[QtGui.QAction] = []  # the step tool bar's actions, unwrapped
        self._toolbar_width = 0  # the step tool bar's width on one row, presenter fonts
        self._fixed_widths: dict = {}
        self._toolbar_timer = QtCore.QTimer(self)
        self._toolbar_timer.setSingleShot(True)
        self._toolbar_timer.setInterval(0)
        self._toolbar_timer.timeout.connect(self._fit_toolbar)
        window.installEventFilter(self)
        self.retranslate()
        # bound methods (not lambdas): the connections end when the window and its presenter die
        for signal in (controller.dataChanged, controller.pointsReplaced,
                       controller.networkChanged, controller.settingsChanged,
                       controller.phaseCompleted, controller.playingChanged,
                       controller.weightsChanged):
            signal.connect(self.rescale_soon)
        manager().languageChanged.connect(self.retranslate)
        manager().languageChanged.connect(self.rescale_soon)  # views rebuilt their legends

    def add_to_menu(self, menu: QtWidgets.QMenu) -> None:
        """Presenter mode, its scales, the panel locks and full screen, after a separator."""
        menu.addSeparator()
        menu.addAction(self.action)
        for action in self.scale_actions.values():
            menu.addAction(action)
        menu.addMenu(self.panels_menu)
        menu.addAction(self.fullscreen_action)

    # ----------------------------------------------------------------- menus
    def retranslate(self, _language: str = "") -> None:
        self.action.setText(translate("Presenter", "Presenter mode"))
        self.fullscreen_action.setText(translate("Presenter", "Full screen"))
        for scale, action in self.scale_actions.items():
            action.setText(translate("Presenter", "Presenter scale %1×").replace(
                "%1", number(scale)))
        self.panels_menu.setTitle(translate("Presenter", "Panels hidden in presenter mode"))

    def _fill_panels_menu(self) -> None:
        self.panels_menu.clear()
        locked = self.locked_panels()
        for panel in _panels(self.window):
            name = panel.objectName()
            action = self.panels_menu.addAction(_panel_title(panel))
            action.setCheckable(True)
            action.setChecked(name in locked)
            action.toggled.connect(lambda on, name=name: self.set_locked(name, on))

    def locked_panels(self) -> set[str]:
        """Object names hidden in presenter mode: the teacher's choice (remembered), else
        the defaults of the current workspace (:func:`default_locked`)."""
        if self.locked is None:
            stored = QtCore.QSettings().value(SETTINGS_LOCKED)
            if isinstance(stored, str):
                stored = [stored] if stored else []
            if stored is None:
                return default_locked(self.window, self.kept_docks)
            self.locked = set(stored)
        return set(self.locked)

    def set_locked(self, object_name: str, locked: bool) -> None:
        """Lock (hide in presenter mode) or unlock a dock or tool bar, by object name."""
        names = self.locked_panels()
        names.add(object_name) if locked else names.discard(object_name)
        self.locked = names
        QtCore.QSettings().setValue(SETTINGS_LOCKED, sorted(names))
        if self.active:
            panel = self.window.findChild(QtWidgets.QWidget, object_name)
            if panel is not None:
                panel.setVisible(not locked)
                self._fit_toolbar()  # the second row goes and comes with the step tool bar

    # ----------------------------------------------------------------- switch
    def toggle(self) -> None:
        self.action.toggle()

    def set_scale(self, scale: float) -> None:
        """Font and line scale (1.5 or 2); re-applied at once when active."""
        self.scale = float(scale)
        self.scale_actions.get(self.scale, QtGui.QAction()).setChecked(True)
        if self.active:
            self._restore_looks()
            self._apply_looks()

    def set_active(self, on: bool) -> None:
        on = bool(on)
        if on == self.active:
            return
        self.active = on
        with QtCore.QSignalBlocker(self.action):
            self.action.setChecked(on)
        if on:
            self._enter()
        else:
            self._leave()
        self.toggled.emit(on)

    def _enter(self) -> None:
        window = self.window
        self._saved_state = window.saveState()
        self._saved_geometry = window.saveGeometry()  # bigger fonts may grow the window
        self.entry_size = window.size()
        locked = self.locked_panels()
        for panel in _panels(window):
            if panel.objectName() in locked:
                panel.hide()
        self._apply_looks()
        self._enlarge_diagram()
        if self.canvas is not None:
            self.canvas.setFocus()  # arrows and Space go to the shortcuts, not to a spin box

    def normal_state(self) -> QtCore.QByteArray | None:
        """The dock layout presenter mode will restore on leaving (None when inactive)."""
        return self._saved_state

    def relayout(self) -> None:
        """The window has a new dock layout (another workspace) while presenting: it becomes
        the layout to restore on leaving; the locked panels are hidden again."""
        if not self.active:
            return
        window = self.window
        # the step tool bar's second row is made again below: a restored layout (another
        # workspace's, or one saved without the row) put it beside the lesson bar
        self._unwrap_toolbar()
        self._saved_state = window.saveState()
        locked = self.locked_panels()
        for panel in _panels(window):
            if panel.objectName() in locked:
                panel.hide()
        self._enlarge_diagram()
        self._fit_toolbar()
        self.rescale_soon()

    def show_normal_layout(self) -> None:
        """While presenting: show the layout presenter mode restores on leaving (e.g. after a
        lesson's own layout), its locked panels hidden. The step tool bar's second row is
        taken out first and made again: a saved layout without it put it back beside the
        lesson bar, and the window grew to 1324 px."""
        if not self.active or self._saved_state is None:
            return
        self._unwrap_toolbar()
        self.window.restoreState(self._saved_state)
        self.relayout()

    def _enlarge_diagram(self) -> None:
        """Give a docked, shown network diagram DIAGRAM_HEIGHT of the window's height: its
        titles and values are bigger now, and the hidden docks left room (the saved layout
        comes back on leaving)."""
        window = self.window
        vertical = (QtCore.Qt.DockWidgetArea.BottomDockWidgetArea,
                    QtCore.Qt.DockWidgetArea.TopDockWidgetArea)
        for dock in window.findChildren(QtWidgets.QDockWidget):
            if "diagram" in dock.objectName().lower() and dock.isVisible() \
                    and not dock.isFloating() and window.dockWidgetArea(dock) in vertical:
                window.resizeDocks([dock], [round(window.height() * DIAGRAM_HEIGHT)],
                                   QtCore.Qt.Orientation.Vertical)

    def _leave(self) -> None:
        self._restore_looks()
        if self._saved_state is not None:
            self.window.restoreState(self._saved_state)
            if not self.window.isFullScreen():
                self.window.restoreGeometry(self._saved_geometry)
        self._saved_state = None

    def _apply_looks(self) -> None:
        apply_theme(self.window, "high_contrast", font_scale=self.scale)
        self._scale_items()
        self._scale_status_bar()
        self._toolbar_width = self.step_toolbar.sizeHint().width()
        self._fit_toolbar()

    def _scale_status_bar(self) -> None:
        """Status-bar read-outs have a fixed width (measured at the normal font, so a changing
        number never relayouts the window): scale width and font alike, by the presenter
        scale or less, so that together they take at most STATUS_WIDTH."""
        self._fixed_widths = {}
        for label in self.window.statusBar().findChildren(QtWidgets.QLabel):
            width = label.maximumWidth()
            if 0 < width == label.minimumWidth():
                self._fixed_widths[label] = (width, label.styleSheet())
        total = sum(width for width, _sheet in self._fixed_widths.values())
        factor = min(self.scale, max(1.0, STATUS_WIDTH / max(total, 1)))
        size = QtWidgets.QApplication.font().pointSizeF() * factor
        for label, (width, sheet) in self._fixed_widths.items():
            label.setFixedWidth(round(width * factor))
            label.setStyleSheet(f"{sheet}; font-size: {size:.1f}pt" if sheet else
                                f"font-size: {size:.1f}pt")

    def _restore_looks(self) -> None:
        self._unwrap_toolbar()
        for label, (width, sheet) in self._fixed_widths.items():
            label.setFixedWidth(width)
            label.setStyleSheet(sheet)
        self._fixed_widths = {}
        self._unscale_items()
        apply_theme(self.window, self.user_theme())

    # ------------------------------------------------------ step tool bar rows
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.window and event.type() == QtCore.QEvent.Type.Resize and self.active:
            self._toolbar_timer.start()  # not inside the resize itself
        return False

    def _fit_toolbar(self) -> None:
        """Two rows while the step tool bar (presenter fonts) is wider than the window."""
        bar = self.step_toolbar
        wrap = self.active and not bar.isHidden() and self._toolbar_width > self.window.width()
        if wrap and self._row is None:
            self._wrap_toolbar(bar)
        elif not wrap:
            self._unwrap_toolbar()

    def _wrap_toolbar(self, bar: QtWidgets.QToolBar) -> None:
        """Move the tool bar's widgets (phase text, speed caption, slider and read-out) to a
        second row under it; its buttons stay on the first row, in their order."""
        window = self.window
        self._bar_actions = bar.actions()
        row = QtWidgets.QToolBar(bar.windowTitle(), window)
        row.setObjectName(ROW_TOOLBAR)
        row.setMovable(False)
        row.setFloatable(False)
        previous = -1
        for index, action in enumerate(self._bar_actions):
            if not isinstance(action, QtWidgets.QWidgetAction):
                continue
            if previous >= 0 and index != previous + 1:
                row.addSeparator()  # the groups were apart on the first row
            bar.removeAction(action)
            row.addAction(action)
            previous = index
        area = window.toolBarArea(bar)
        below = self.draw_toolbar
        if isinstance(below, QtWidgets.QToolBar) and window.toolBarArea(below) == area:
            window.insertToolBar(below, row)  # right under the step buttons
            window.insertToolBarBreak(below)
        else:
            window.addToolBarBreak(area)
            window.addToolBar(area, row)
        row.show()
        self._row = row

    def _unwrap_toolbar(self) -> None:
        row, self._row = self._row, None
        if row is None:
            return
        bar = self.step_toolbar
        for action in row.actions():
            row.removeAction(action)
        original = self._bar_actions
        for index, action in enumerate(original):
            if isinstance(action, QtWidgets.QWidgetAction):
                anchor = next((a for a in original[index + 1:]
                               if not isinstance(a, QtWidgets.QWidgetAction)), None)
                if anchor is None:
                    bar.addAction(action)
                else:
                    bar.insertAction(anchor, action)
        self.window.removeToolBar(row)
        # out of the window at once: a layout saved while presenting names the row, and
        # restoreState on leaving found the row (deleted later) and showed it again, beside the
        # lesson bar, whose text then wrapped in a third of the window
        row.setParent(None)
        row.deleteLater()
        self._bar_actions = []

    # ---------------------------------------------------------- plot items
    def _plot_items(self):
        for view in self.window.findChildren(pg.GraphicsView):
            yield from view.scene().items()

    def _scale_items(self) -> None:
        """Scale every curve pen, scatter size and axis font by ``scale`` (idempotent: a value
        set by the view itself since the last pass becomes the new base)."""
        if not self.active:
            return
        scale = self.scale
        for item in self._plot_items():
            if isinstance(item, pg.PlotDataItem):
                self._scale_value(item, "pen", lambda i: i.opts["pen"],
                                  lambda i, v: i.setPen(v), lambda v: _scaled_pen(v, scale),
                                  lambda a, b: pg.mkPen(a) == pg.mkPen(b))
            elif isinstance(item, pg.PlotCurveItem) and not isinstance(item.parentItem(),
                                                                       pg.PlotDataItem):
                self._scale_value(item, "pen", lambda i: i.opts["pen"],
                                  lambda i, v: i.setPen(v), lambda v: _scaled_pen(v, scale),
                                  lambda a, b: pg.mkPen(a) == pg.mkPen(b))
            elif isinstance(item, pg.ScatterPlotItem):
                self._scale_value(item, "size", lambda i: i.opts["size"],
                                  lambda i, v: i.setSize(v), lambda v: v * scale)
            elif isinstance(item, pg.LegendItem):
                _scale_legend(item, scale)
            elif isinstance(item, pg.AxisItem):
                if item not in self._axis_fonts:
                    self._axis_fonts[item] = item.style.get("tickFont")
                    # the application's font: the window's is already scaled (its style sheet)
                    font = QtGui.QFont(self._axis_fonts[item] or QtWidgets.QApplication.font())
                    size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
                    font.setPointSizeF(size * scale)
                    item.setTickFont(font)
                    if item.label is not None:
                        self._label_fonts[item] = QtGui.QFont(item.label.font())
                        label_font = QtGui.QFont(self._label_fonts[item])
                        label_font.setPointSizeF(max(label_font.pointSizeF(), 9.0) * scale)
                        item.label.setFont(label_font)
                room_for_top_tick(item)

    @staticmethod
    def _scale_value(item, key, get, put, scaled, same=lambda a, b: a == b) -> None:
        store = item.__dict__.setdefault("_presenter", {})
        current = get(item)
        if key in store and same(current, store[key][1]):
            return  # already scaled by us
        new = scaled(current)
        store[key] = (current, new)
        put(item, new)

    def _unscale_items(self) -> None:
        for item in self._plot_items():
            store = item.__dict__.pop("_presenter", None)
            if store:
                if "pen" in store:
                    item.setPen(store["pen"][0])
                if "size" in store:
                    item.setSize(store["size"][0])
                if "legend" in store:
                    _unscale_legend(item, store["legend"][0])
        for axis, font in self._axis_fonts.items():
            try:
                axis.setTickFont(font)
                if axis in self._label_fonts:
                    axis.label.setFont(self._label_fonts[axis])
                axis.resizeEvent()  # re-measure the text space for the restored fonts
            except RuntimeError:  # the axis was deleted meanwhile
                pass
        for axis in self._axis_fonts:
            try:
                room_for_top_tick(axis)  # back to the room of the restored font
            except RuntimeError:
                pass
        self._axis_fonts, self._label_fonts = {}, {}

    def rescale_soon(self, *_args) -> None:
        """Re-apply the scaling after views redrew (e.g. new points keep presenter size)."""
        if self.active and not self.controller.playing:
            self._rescale_timer.start()

    # ------------------------------------------------------------ full screen
    def set_full_screen(self, on: bool) -> None:
        window = self.window
        if on and not window.isFullScreen():
            self._was_maximized = window.isMaximized()
            window.showFullScreen()
        elif not on and window.isFullScreen():
            window.showMaximized() if self._was_maximized else window.showNormal()
        with QtCore.QSignalBlocker(self.fullscreen_action):
            self.fullscreen_action.setChecked(on)
