"""The views of the window by id: which widget class each is, its menu label, and how to find
it and its dock in a window. Read by File ▸ Export (gui.export.menu) and by scene files
(gui.files.scene_files) — the one list of exportable views, kept in common so that neither
feature imports the other.
"""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.common.i18n import translate

#: Scene/lesson view id → (class name of the view widget, menu label). Class names, not
#: imports, so a view module that is missing or not yet written costs nothing here. Labels are
#: English; they are shown translated with context "ExportMenu".
VIEW_KINDS: dict[str, tuple[tuple[str, ...], str]] = {
    "canvas": (("DataCanvas",), QT_TRANSLATE_NOOP("ExportMenu", "Data canvas")),
    "loss_curve": (("LossCurve",), QT_TRANSLATE_NOOP("ExportMenu", "Loss curve")),
    "loss_surface": (("LossSurfaceView", "LossSurfaceDock", "LossSurface", "LossSurfacePanel"),
                     QT_TRANSLATE_NOOP("ExportMenu", "Loss surface")),
    "network": (("NetworkDiagram",), QT_TRANSLATE_NOOP("ExportMenu", "Network diagram")),
    "weights": (("WeightHeatmaps",), QT_TRANSLATE_NOOP("ExportMenu", "Weight heatmaps")),
    "gradient_norms": (("GradientNorms",), QT_TRANSLATE_NOOP("ExportMenu", "Gradient norms")),
}


def window_views(window: QtWidgets.QWidget, kinds: dict | None = None
                 ) -> list[tuple[str, str, QtWidgets.QWidget]]:
    """``[(view id, label, widget)]`` for each view of ``kinds`` (default VIEW_KINDS) inside
    ``window``, in that order; the first (outermost) widget of each kind wins."""
    kinds = VIEW_KINDS if kinds is None else kinds
    found: dict[str, QtWidgets.QWidget] = {}
    for widget in window.findChildren(QtWidgets.QWidget):
        name = type(widget).__name__
        for view_id, (class_names, _label) in kinds.items():
            if name in class_names and view_id not in found:
                found[view_id] = widget
    return [(view_id, translate("ExportMenu", kinds[view_id][1]), found[view_id])
            for view_id in kinds if view_id in found]


def dock_of(widget: QtWidgets.QWidget) -> QtWidgets.QDockWidget | None:
    """The dock widget that holds ``widget``, or None (e.g. the central canvas)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QDockWidget):
            return parent
        parent = parent.parentWidget()
    return None


def find_menu(window: QtWidgets.QMainWindow, name: str) -> QtWidgets.QMenu:
    """The menu-bar menu whose title, without '&', is ``name`` (case-insensitive); created at
    the front when there is none."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "").lower() == name.lower():
            return menu
    menu = QtWidgets.QMenu(f"&{name.capitalize()}", window)
    first = window.menuBar().actions()[0] if window.menuBar().actions() else None
    window.menuBar().insertMenu(first, menu) if first else window.menuBar().addMenu(menu)
    return menu


def export_target(view: QtWidgets.QWidget):
    """The widget or item to export for ``view``: ``view.export_target()`` when the view defines
    it; the plot tab on screen of a tabbed view; the plot of a composite view (a QGraphicsView
    ``plot_widget``, ``plot`` or ``view``); else the view itself."""
    custom = getattr(view, "export_target", None)
    if callable(custom):
        return custom()
    tabs = getattr(view, "tabs", None)  # a view with tabs (loss surface): the plot on screen
    if isinstance(tabs, QtWidgets.QTabWidget) and isinstance(tabs.currentWidget(),
                                                             QtWidgets.QGraphicsView):
        return tabs.currentWidget()
    for name in ("plot_widget", "plot", "view"):
        part = getattr(view, name, None)
        if isinstance(part, QtWidgets.QGraphicsView):
            return part
    return view
