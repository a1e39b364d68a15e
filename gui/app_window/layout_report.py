"""The layout report of ``app.py --layout-report JSON``: is the window legible as it is shown?

:func:`layout_report` measures a shown main window and returns the JSON-ready dict
``{"window": [w, h], "workspace", "views": [{"id", "visible", "width", "height"}],
"elided": [...], "overlaps": [...], "scroll_needed": [...]}`` (issue 13, item 3):

- ``views``: every registry view; ``visible`` is whether the user sees it (a dock behind
  another tab is not visible); the size is the view widget's, in px.
- ``elided``: visible texts cut short or clipped: labels, buttons, check boxes, combo boxes
  and spin boxes, dock titles, tabs, table header sections and table cells, the status bar's
  temporary message (:func:`elided_widgets`), and the text items of the graphics
  views (titles elided with "…" or cut from their full text, unless shortened by design to
  one of their complete forms; texts clipped by the view's edge) — each
  ``{"where", "kind", "text"}``.
- ``overlaps``: pairs of visible text items of one graphics view (the diagram, the canvas)
  whose rectangles intersect, and pairs of tick labels of one plot axis of any view
  (:func:`axis_tick_overlaps`): ``{"view", "texts": [a, b]}``. A view may list its own texts
  with a ``text_rects()`` method ([(text, QRectF in scene coordinates)]); otherwise the
  scene's visible QGraphicsSimpleTextItem / QGraphicsTextItem / pyqtgraph TextItem are used.
- ``scroll_needed``: ids of the visible panels (views in a scroll area) whose contents do not
  fit, so that a setting needs scrolling.

:func:`prepare_window` gives a window a size, a workspace and a presenter scale, offscreen, the
way the command line and ``tests/gui/test_layout_report.py`` do. Pure measuring: nothing here
changes the session.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui.app_window.docks import ViewScrollArea
from gui.app_window.status_notice import message_cut
from gui.common.view_spec import view_widget

#: Pixels a text may exceed its room by before it counts as cut (rounding of font metrics).
SLACK = 1
#: Smallest legible view (issue 13, item 2).
MIN_VIEW = (300, 180)
#: The views whose text items must not overlap (the diagram's numbers, the canvas's labels).
OVERLAP_VIEWS = ("network", "canvas")
#: Least room for a view's content, beyond its size (issue 13, item 2): the height (px) of
#: the drawing of the views in DRAWING_VIEWS (their graphics view), and the text lines a text
#: browser in any view (the inspector) shows at once.
MIN_DRAWING_HEIGHT = 160
MIN_TEXT_LINES = 4
DRAWING_VIEWS = ("network",)


def _shown(widget: QtWidgets.QWidget | None) -> bool:
    """Seen by the user: shown and inside its window (Qt keeps the docks behind a tab "visible"
    but moves them out of the window)."""
    if widget is None or not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    top = widget.window()
    corner = widget.mapTo(top, QtCore.QPoint(0, 0))
    return top.rect().intersects(QtCore.QRect(corner, widget.size()))


def _plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):
        document = QtGui.QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _text_width(widget: QtWidgets.QWidget, text: str) -> float:
    """Width of ``text`` (plain or rich, first line only counts per line) in ``widget``'s
    font."""
    if QtGui.Qt.mightBeRichText(text):
        document = QtGui.QTextDocument()
        document.setDefaultFont(widget.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        return document.idealWidth()
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _label_cut(label: QtWidgets.QLabel) -> bool:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return False
    room = label.contentsRect().adjusted(label.margin(), label.margin(),
                                         -label.margin(), -label.margin())
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + SLACK
    lines = max(1, _plain(text).count("\n") + 1)
    too_tall = label.fontMetrics().height() * lines > room.height() + SLACK + 2
    return _text_width(label, text) > room.width() + SLACK or too_tall


def _button_cut(button: QtWidgets.QAbstractButton) -> bool:
    if not button.text():
        return False
    hint = button.minimumSizeHint()
    return hint.width() > button.width() + SLACK or \
        button.fontMetrics().height() > button.height() + SLACK


def _combo_cut(combo: QtWidgets.QComboBox) -> bool:
    text = combo.currentText()
    if not text:
        return False
    if combo.isEditable() and combo.lineEdit() is not None:
        return _line_cut(combo.lineEdit())
    option = QtWidgets.QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QtWidgets.QStyle.ComplexControl.CC_ComboBox, option,
                                         QtWidgets.QStyle.SubControl.SC_ComboBoxEditField, combo)
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() \
        else 0
    return combo.fontMetrics().horizontalAdvance(text) + icon > field.width() + SLACK


def _line_cut(edit: QtWidgets.QLineEdit) -> bool:
    text = edit.displayText()
    if not text:
        return False
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 4  # Qt's padding
    return edit.fontMetrics().horizontalAdvance(text) > room + SLACK


def _dock_title_cut(dock: QtWidgets.QDockWidget) -> bool:
    if dock.titleBarWidget() is not None:
        return False
    option = QtWidgets.QStyleOptionDockWidget()
    dock.initStyleOption(option) if hasattr(dock, "initStyleOption") else None
    buttons = 2 * (dock.style().pixelMetric(
        QtWidgets.QStyle.PixelMetric.PM_DockWidgetTitleBarButtonMargin) + 16)
    margin = dock.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_DockWidgetTitleMargin)
    room = dock.width() - buttons - 2 * margin - 8
    return dock.fontMetrics().horizontalAdvance(dock.windowTitle().replace("&", "")) > room


def _tabs_cut(bar: QtWidgets.QTabBar) -> list[str]:
    return [bar.tabText(i) for i in range(bar.count())
            if bar.isTabVisible(i) and bar.tabSizeHint(i).width() > bar.tabRect(i).width() + SLACK]


def _header_cut(header: QtWidgets.QHeaderView) -> list[str]:
    """Section titles of a shown table header wider than their section (Qt elides them)."""
    model = header.model()
    if model is None or not _shown(header):
        return []
    horizontal = header.orientation() == QtCore.Qt.Orientation.Horizontal
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_HeaderMargin,
                                            None, header)
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(),
                                QtCore.Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        room = header.sectionSize(section) if horizontal else header.width()
        if metrics.horizontalAdvance(str(text)) + margin > room + SLACK:
            cut.append(str(text))
    return cut


def _cells_cut(table: QtWidgets.QTableView) -> list[str]:
    """Texts of a shown table's cells wider than their column (Qt elides them)."""
    model = table.model()
    if model is None:
        return []
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(
        QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    cut = []
    for row in range(model.rowCount()):
        if table.isRowHidden(row):
            continue
        for column in range(model.columnCount()):
            if table.isColumnHidden(column):
                continue
            text = model.data(model.index(row, column), QtCore.Qt.ItemDataRole.DisplayRole)
            if text not in (None, "") and \
                    metrics.horizontalAdvance(str(text)) + margin > \
                    table.columnWidth(column) + SLACK:
                cut.append(str(text))
    return cut


def _where(widget: QtWidgets.QWidget, owners: dict[int, str]) -> str:
    current = widget
    while current is not None:
        name = owners.get(id(current))
        if name:
            return name
        current = current.parentWidget()
    return "window"


def elided_widgets(root: QtWidgets.QWidget, owners: dict[int, str] | None = None) -> list[dict]:
    """Visible widget texts under ``root`` that are cut short: ``{"where", "kind", "text"}``
    (``where``: the id of the view in ``owners`` — id(widget) → view id — holding it, else
    "window")."""
    owners = owners or {}
    found = []

    def add(widget, kind, text):
        found.append({"where": _where(widget, owners), "kind": kind, "text": _plain(text)})

    widgets = [root, *root.findChildren(QtWidgets.QWidget)]
    for widget in widgets:
        if not _shown(widget):
            continue
        if isinstance(widget, QtWidgets.QLabel):
            if _label_cut(widget):
                add(widget, "label", widget.text())
        elif isinstance(widget, QtWidgets.QAbstractButton):
            if _button_cut(widget):
                add(widget, "button", widget.text())
        elif isinstance(widget, QtWidgets.QComboBox):
            if _combo_cut(widget):
                add(widget, "combo", widget.currentText())
        elif isinstance(widget, QtWidgets.QLineEdit) and isinstance(
                widget.parentWidget(), QtWidgets.QAbstractSpinBox):
            if _line_cut(widget):
                add(widget, "spin box", widget.displayText())
        elif isinstance(widget, QtWidgets.QDockWidget):
            if _dock_title_cut(widget):
                add(widget, "dock title", widget.windowTitle())
        elif isinstance(widget, QtWidgets.QTabBar):
            for text in _tabs_cut(widget):
                add(widget, "tab", text)
        elif isinstance(widget, QtWidgets.QStatusBar):
            if message_cut(widget):
                add(widget, "status message", widget.currentMessage())
        elif isinstance(widget, QtWidgets.QHeaderView):
            for text in _header_cut(widget):
                add(widget, "table header", text)
        elif isinstance(widget, QtWidgets.QTableView):
            for text in _cells_cut(widget):
                add(widget, "table cell", text)
    return found


# ---------------------------------------------------------------- graphics views
def _item_text(item) -> str | None:
    if isinstance(item, pg.TextItem):
        return item.textItem.toPlainText()
    if isinstance(item, QtWidgets.QGraphicsSimpleTextItem):
        return item.text()
    if isinstance(item, QtWidgets.QGraphicsTextItem):
        if isinstance(item.parentItem(), pg.TextItem):
            return None  # measured as its TextItem
        return item.toPlainText()
    return None


def scene_texts(view: QtWidgets.QGraphicsView) -> list[tuple[str, QtCore.QRectF, object]]:
    """(text, rectangle in scene coordinates, item) of the visible, non-empty text items of
    ``view``'s scene."""
    found = []
    for item in view.scene().items():
        text = _item_text(item)
        if not text or not text.strip() or not item.isVisible() or item.opacity() <= 0:
            continue
        found.append((text, item.sceneBoundingRect(), item))
    return found


def _views_of(widget: QtWidgets.QWidget) -> list[QtWidgets.QGraphicsView]:
    views = [widget] if isinstance(widget, QtWidgets.QGraphicsView) else []
    return views + [v for v in widget.findChildren(QtWidgets.QGraphicsView) if _shown(v)]


def text_rects(widget: QtWidgets.QWidget) -> list[tuple[str, QtCore.QRectF]]:
    """The visible texts of a view (its own ``text_rects()`` if it has one)."""
    own = getattr(widget, "text_rects", None)
    if callable(own):
        return list(own())
    return [(text, rect) for view in _views_of(widget) for text, rect, _item in scene_texts(view)]


def overlapping(texts: list[tuple[str, QtCore.QRectF]]) -> list[list[str]]:
    """Pairs of texts whose rectangles intersect by more than a pixel each way."""
    pairs = []
    for i, (text_a, a) in enumerate(texts):
        for text_b, b in texts[i + 1:]:
            common = a.intersected(b)
            if common.width() > SLACK and common.height() > SLACK:
                pairs.append([text_a, text_b])
    return pairs


def _ink_rect(item) -> QtCore.QRectF:
    """The item's rectangle without a text document's empty margin (pyqtgraph's axis titles
    are QGraphicsTextItems whose 4 px margin may hang over the view's edge)."""
    rect = item.boundingRect()
    if isinstance(item, QtWidgets.QGraphicsTextItem):
        margin = item.document().documentMargin()
        rect = rect.adjusted(margin, margin, -margin, -margin)
    return rect


def _designed_short_form(item, text: str) -> bool:
    """``text`` is one of the complete forms the item's owner designed for it (``data(1)``:
    its variants, longest first, e.g. the diagram's 'a¹  layer 1 · tanh', 'a¹  tanh', 'a¹'),
    not a cut one."""
    variants = item.data(1)
    return isinstance(variants, (list, tuple)) and text in variants and not text.endswith("…")


def _axis_texts(widget: QtWidgets.QWidget):
    """(graphics view, axis, [(text, pyqtgraph's rectangle, drawn box)]) of every shown
    pyqtgraph axis of ``widget`` showing values (QRectF in the axis's coordinates), as it
    would draw them now
    (``AxisItem.generateDrawSpecs`` with its tick font, as ``AxisItem.paint``)."""
    for view in _views_of(widget):
        for item in view.scene().items():
            if not isinstance(item, pg.AxisItem) or not item.isVisible() \
                    or not item.style.get("showValues", True):
                continue
            picture = QtGui.QPicture()  # AxisItem.paint's device: its font metrics
            painter = QtGui.QPainter(picture)
            try:
                if item.style.get("tickFont"):  # as AxisItem.paint: the (presenter) tick font
                    painter.setFont(item.style["tickFont"])
                specs = item.generateDrawSpecs(painter)
                # the box the text takes when drawn in its rectangle (pyqtgraph shrinks the
                # rectangle's height to 0.8 of the text's, so descenders hang below it)
                texts = [] if specs is None else \
                    [(text, QtCore.QRectF(rect),
                      painter.boundingRect(QtCore.QRectF(rect), int(flags), text))
                     for rect, flags, text in specs[2]]
            finally:
                painter.end()
            if specs is not None:
                yield view, item, texts


def axis_tick_overlaps(widget: QtWidgets.QWidget) -> list[list[str]]:
    """Pairs of tick labels of one shown pyqtgraph axis of ``widget`` whose rectangles
    intersect ("0.20.40.60.8"), as pyqtgraph would draw them now."""
    return [pair for _view, _axis, texts in _axis_texts(widget)
            for pair in overlapping([(text, rect) for text, rect, _box in texts])]


def axis_ticks_clipped(widget: QtWidgets.QWidget) -> list[str]:
    """Tick labels of the shown pyqtgraph axes of ``widget`` whose drawn box the view's lower
    or upper edge cuts: e.g. a confusion matrix's class names under a plot whose bottom axis is
    lower than its (presenter-sized) text, or the top label of a vertical axis, which pyqtgraph
    centres on its tick at the plot's top edge (``gui.common.legible_axes.room_for_top_tick``).
    (The left and right ends of a horizontal axis, where pyqtgraph lets a label hang over, are
    not judged.)"""
    found = []
    for view, axis, texts in _axis_texts(widget):
        port = QtCore.QRectF(view.viewport().rect()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
        transform = axis.deviceTransform(view.viewportTransform())
        for text, _rect, box in texts:
            pixels = transform.mapRect(box)
            if port.intersects(pixels) and (pixels.bottom() > port.bottom()
                                            or pixels.top() < port.top()):
                found.append(text)
    return found


def elided_items(widget: QtWidgets.QWidget) -> list[tuple[str, str]]:
    """(kind, text) of the graphics texts of a view that are cut: elided ("…" at the end, or
    shown text differing from the full text the item keeps as data 0 — unless it is one of
    the complete short forms listed in data 1), or clipped by the view's edge (partly inside
    it; a text wholly outside is scrolled out of sight, not cut). Kinds: "view title" and
    "clipped text", and "clipped tick label" (:func:`axis_ticks_clipped`)."""
    found = []
    for view in _views_of(widget):
        port = QtCore.QRectF(view.viewport().rect()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
        transform = view.viewportTransform()
        for text, _rect, item in scene_texts(view):
            full = item.data(0)
            if text.endswith("…") or (isinstance(full, str) and full and full != text
                                      and not _designed_short_form(item, text)):
                found.append(("view title", full if isinstance(full, str) and full else text))
                continue
            pixels = item.deviceTransform(transform).mapRect(_ink_rect(item))
            if port.intersects(pixels) and not port.contains(pixels):
                found.append(("clipped text", text))
    found += [("clipped tick label", text) for text in axis_ticks_clipped(widget)]
    return found


# ---------------------------------------------------------------- the report
def view_parts(window) -> list[tuple[str, QtWidgets.QWidget, QtWidgets.QDockWidget | None]]:
    """(view id, widget, dock or None) of every registry view of ``window``."""
    return [(spec.id, view_widget(window.views[spec.id]), window.docks.get(spec.title))
            for spec in window.registry]


def _view_visible(widget, dock) -> bool:
    return _shown(widget) and (dock is None or _shown(dock))


def scroll_needed(widget: QtWidgets.QWidget) -> bool:
    """Whether a shown scroll area of ``widget`` (a panel's own, or one inside a view, e.g. the
    loss surface's controls) cannot show all of its contents."""
    kinds = (QtWidgets.QScrollArea, ViewScrollArea)  # a dock's own (gui.app_window.docks)
    areas = [widget] if type(widget) in kinds else []
    areas += [area for area in widget.findChildren(QtWidgets.QScrollArea)
              if type(area) in kinds]
    return any(_shown(area) and (area.verticalScrollBar().maximum() > 0
                                 or area.horizontalScrollBar().maximum() > 0)
               for area in areas)


def cramped_view(view_id: str, widget: QtWidgets.QWidget) -> list[dict]:
    """Where a shown view leaves its content too little room although the view itself may be
    large enough (a legend or header taking the height): ``{"view", "what", "value",
    "minimum"}`` with ``what`` "drawing height" (px of the graphics view of a view in
    DRAWING_VIEWS, under MIN_DRAWING_HEIGHT), "text lines" (lines a shown QTextEdit /
    QTextBrowser shows at once, under MIN_TEXT_LINES) or "table rows" (rows a shown table
    shows at once, when it cannot show them all: its value is the visible share of its
    rows, in %)."""
    found = []
    if view_id in DRAWING_VIEWS:
        for view in _views_of(widget):
            height = view.viewport().height()
            if height < MIN_DRAWING_HEIGHT:
                found.append({"view": view_id, "what": "drawing height", "value": height,
                              "minimum": MIN_DRAWING_HEIGHT})
    texts = [widget] if isinstance(widget, QtWidgets.QTextEdit) else []
    for text in texts + widget.findChildren(QtWidgets.QTextEdit):
        if not _shown(text):
            continue
        lines = text.viewport().height() / max(1, text.fontMetrics().lineSpacing())
        if lines < MIN_TEXT_LINES:
            found.append({"view": view_id, "what": "text lines", "value": round(lines, 1),
                          "minimum": MIN_TEXT_LINES})
    tables = [widget] if isinstance(widget, QtWidgets.QTableView) else []
    for table in tables + widget.findChildren(QtWidgets.QTableView):
        bar = table.verticalScrollBar()
        if _shown(table) and bar.maximum() > 0:
            shown = 100 * bar.pageStep() / (bar.pageStep() + bar.maximum())
            found.append({"view": view_id, "what": "table rows", "value": round(shown),
                          "minimum": 100})
    return found


def cramped(window) -> list[dict]:
    """:func:`cramped_view` of every visible registry view of ``window`` (tests; not part of
    the JSON report, whose keys issue 13 fixes)."""
    return [entry for view_id, widget, dock in view_parts(window)
            if _view_visible(widget, dock) for entry in cramped_view(view_id, widget)]


def layout_report(window) -> dict:
    """The layout report of a shown main window (see the module docstring)."""
    QtWidgets.QApplication.processEvents()
    parts = view_parts(window)
    owners = {}
    for view_id, widget, dock in parts:
        owners[id(widget)] = view_id
        if dock is not None:
            owners[id(dock)] = view_id
    views, elided, overlaps, scroll = [], [], [], []
    for view_id, widget, dock in parts:
        visible = _view_visible(widget, dock)
        size = widget.size()
        views.append({"id": view_id, "visible": visible, "width": size.width(),
                      "height": size.height()})
        if not visible:
            continue
        for kind, text in elided_items(widget):
            elided.append({"where": view_id, "kind": kind, "text": text})
        for pair in overlapping(text_rects(widget)) if view_id in OVERLAP_VIEWS else ():
            overlaps.append({"view": view_id, "texts": pair})
        for pair in axis_tick_overlaps(widget):
            overlaps.append({"view": view_id, "texts": pair})
        if scroll_needed(dock.widget() if dock is not None else widget):
            scroll.append(view_id)
    elided = elided_widgets(window, owners) + elided
    workspaces = getattr(window, "workspaces", None)
    return {"window": [window.width(), window.height()],
            "workspace": workspaces.current() if workspaces is not None else "",
            "views": views, "elided": elided, "overlaps": overlaps, "scroll_needed": scroll}


def smallest_view(report: dict) -> tuple[int, int] | None:
    """(width, height) of the visible view with the smallest area, None if none is shown."""
    shown = [(v["width"], v["height"]) for v in report["views"] if v["visible"]]
    return min(shown, key=lambda size: size[0] * size[1]) if shown else None


def too_small(report: dict, minimum: tuple[int, int] = MIN_VIEW) -> list[str]:
    """Ids of the visible views under ``minimum`` (width, height)."""
    return [v["id"] for v in report["views"] if v["visible"]
            and (v["width"] < minimum[0] or v["height"] < minimum[1])]


def prepare_window(window, size: tuple[int, int], workspace: str | None = None,
                   presenter: float | None = None) -> None:
    """Show ``window`` at ``size`` (w, h) with ``workspace`` (None: keep) and presenter mode
    at scale ``presenter`` (None: off), then let the layout settle and redraw everything."""
    app = QtWidgets.QApplication.instance()
    mode = window.presenter_mode
    if mode.active and presenter is None:
        mode.set_active(False)
    window.resize(*size)
    if not window.isVisible():
        window.show()
    app.processEvents()
    if workspace is not None and workspace != window.workspaces.current():
        window.workspaces.apply(workspace)
    window.workspaces.reset()  # the designed layout for this size
    if presenter is not None:
        mode.set_scale(presenter)
        mode.set_active(True)
    window.resize(*size)
    settle(window)
    if presenter is not None:
        mode._scale_items()  # the redraw's new items get presenter sizes at once
        app.processEvents()


def settle(window) -> None:
    """Let ``window``'s layout settle (its 0 ms timers: the lesson layout, views fitting their
    new sizes) and redraw everything pending."""
    app = QtWidgets.QApplication.instance()
    for _ in range(3):
        app.processEvents()
    window.flush()
    app.processEvents()
