"""Figure export: PNG, SVG, PDF, clipboard and window snapshots.

Every function accepts any of the views of the main window without knowing its internals:
a plain ``QWidget``, a ``QGraphicsView``, a pyqtgraph ``PlotWidget`` / ``GraphicsLayoutWidget`` /
``GraphicsView``, or a pyqtgraph item that sits in a scene (``PlotItem``, ``GraphicsLayout``).
pyqtgraph targets go through pyqtgraph's own exporters (``ImageExporter``, ``SVGExporter``);
plain Qt targets are painted with ``QWidget.render`` / ``QGraphicsView.render``.

Data tables (CSV/JSON) are in ``gui/export/data.py``. Every file is written atomically: a
temporary file in the destination folder, then ``os.replace``. A failed or cancelled export leaves
no partial file and keeps an older file intact. Problems the user can cause (unwritable folder,
bad width, non-finite weights) raise :class:`ExportError` with a message meant to be shown as is.

Interactive helpers (file dialog, right-click menus) live in ``gui/export/actions.py`` and the
GIF/MP4 writer in ``gui/export/animation.py``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401  (registers pg.exporters.ImageExporter / SVGExporter)
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtSvg import QSvgGenerator

from core.app_info import software_text
from gui.common.i18n import translate
from gui.common.number_format import number
from gui.export.svg_fixes import closepath_tolerant_svg_exporter, finish_svg

MIN_WIDTH = 16
MAX_WIDTH = 16384
PDF_MIN_PT = 36.0
PDF_MAX_PT = 14400.0


class ExportError(Exception):
    """An export that could not be done; the message is written for the user."""


class ExportCancelled(ExportError):
    """The user cancelled a long export; nothing was written."""


# ----------------------------------------------------------------------------- atomic files

def _check_folder(path: str) -> str:
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise ExportError(translate(
            "Export", "Cannot write {0}: the folder {1} does not exist.").format(path, folder))
    if os.path.isdir(path):
        raise ExportError(translate("Export", "Cannot write {0}: it is a folder.").format(path))
    return folder


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[str]:
    """Yield a temporary path beside ``path``; on success move it onto ``path`` with ``os.replace``.

    The temporary name keeps the extension of ``path`` (some writers choose the format from it).
    If the body raises, the temporary file is removed and ``path`` is left untouched.
    OSError from the body or the move becomes :class:`ExportError`.
    """
    path = os.fspath(path)
    folder = _check_folder(path)
    base, ext = os.path.splitext(os.path.basename(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{base}.", suffix=f".tmp{ext}", dir=folder)
    except OSError as exc:
        raise ExportError(translate("Export", "Cannot write to the folder {0}: {1}.").format(
            folder, exc.strerror or exc)) from exc
    os.close(fd)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file ordinary permissions
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(translate("Export", "Cannot write {0}: {1}.").format(
            path, exc.strerror or exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            os.remove(tmp)


def write_text_atomic(path: str, text: str) -> str:
    """Write UTF-8 ``text`` to ``path`` atomically; returns ``path``."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return path


# ----------------------------------------------------------------------------- targets

def _check_width(width: int | None) -> None:
    if width is not None and not (MIN_WIDTH <= int(width) <= MAX_WIDTH):
        raise ExportError(translate("Export", "Width must be between {0} and {1} px, got {2}.")
                          .format(MIN_WIDTH, MAX_WIDTH, width))


def _pg_root(target):
    """The pyqtgraph item or scene to hand to pyqtgraph's exporters, or None for plain Qt targets.

    A PlotWidget or GraphicsLayoutWidget exports its central item (which fills the view); a
    pg.GraphicsView whose items were added to the scene directly exports the whole scene.
    """
    if isinstance(target, QtWidgets.QGraphicsItem):
        if target.scene() is None:
            raise ExportError(translate(
                "Export", "This plot is not shown in any view, so it cannot be exported."))
        return target
    if isinstance(target, pg.GraphicsView):
        central = target.centralWidget
        scene = target.scene()
        tops = [item for item in scene.items() if item.parentItem() is None]
        return central if central is not None and tops == [central] else scene
    return None


def _view_of(target) -> QtWidgets.QWidget:
    if isinstance(target, QtWidgets.QGraphicsItem):
        return target.scene().views()[0]
    if isinstance(target, QtWidgets.QWidget):
        return target
    raise TypeError(f"Cannot export {type(target).__name__}: expected a QWidget or a plot item.")


def native_size(target) -> tuple[float, float]:
    """Size of ``target`` on screen in logical pixels (width, height)."""
    root = _pg_root(target)
    if root is not None:
        return _root_rect(root)[1].size().toTuple()
    widget = _view_of(target)
    if isinstance(widget, QtWidgets.QGraphicsView):
        widget = widget.viewport()  # the scene area, without frame and scroll bars
    return float(widget.width()), float(widget.height())


def _root_rect(root) -> tuple[QtCore.QRectF, QtCore.QRectF]:
    """(source rect in scene coordinates, target rect in view pixels) of a pyqtgraph root."""
    helper = pg.exporters.Exporter(root)
    return QtCore.QRectF(helper.getSourceRect()), QtCore.QRectF(helper.getTargetRect())


def _output_size(target, width: int | None) -> tuple[int, int]:
    w0, h0 = native_size(target)
    if w0 < 1 or h0 < 1:
        raise ExportError(translate(
            "Export", "The view has no size yet (is it shown?), so it cannot be exported."))
    out_w = int(width) if width is not None else round(w0)
    return out_w, max(1, round(out_w * h0 / w0))


@contextlib.contextmanager
def _vector_friendly(root) -> Iterator[None]:
    """Let pyqtgraph curves draw one continuous path instead of many 2-point segments.

    PlotCurveItem splits thick, non-antialiased pens into segments for screen speed; in a vector
    file that gives thousands of tiny lines, so the mode is switched off for the export only.
    """
    scene = root if isinstance(root, QtWidgets.QGraphicsScene) else root.scene()
    curves = [item for item in scene.items() if isinstance(item, pg.PlotCurveItem)
              and item.opts.get("segmentedLineMode") == "auto"]
    for curve in curves:
        curve.opts["segmentedLineMode"] = "off"
    try:
        yield
    finally:
        for curve in curves:
            curve.opts["segmentedLineMode"] = "auto"


def _scenes_in(target) -> list[QtWidgets.QGraphicsScene]:
    if isinstance(target, QtWidgets.QGraphicsItem):
        return [target.scene()]
    if isinstance(target, QtWidgets.QGraphicsScene):
        return [target]
    views = target.findChildren(QtWidgets.QGraphicsView)
    if isinstance(target, QtWidgets.QGraphicsView):
        views.append(target)
    return [view.scene() for view in views if view.scene() is not None]


def _translation_only(transform: QtGui.QTransform) -> bool:
    return transform.type().value <= QtGui.QTransform.TransformationType.TxTranslate.value


@contextlib.contextmanager
def _scaled_overlays(target) -> Iterator[None]:
    """Let screen-fixed items (ItemIgnoresTransformations, e.g. pyqtgraph's LegendItem) scale.

    Such items keep their pixel size under the export painter's scaling, so a legend would stay
    tiny in a 1600-px PNG while the axes grow. Where neither the view nor the item's parent
    scales, the flag has no visible effect on screen, so it is cleared for the export only.
    """
    flag = QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    cleared = []
    for scene in _scenes_in(target):
        if not all(_translation_only(view.transform()) for view in scene.views()):
            continue
        for item in scene.items():
            parent = item.parentItem()
            if item.flags() & flag and (parent is None
                                        or _translation_only(parent.sceneTransform())):
                item.setFlag(flag, False)
                cleared.append(item)
    try:
        yield
    finally:
        for item in cleared:
            item.setFlag(flag, True)


@contextlib.contextmanager
def offscreen_figure(view: QtWidgets.QWidget, size: tuple[int, int]
                     ) -> Iterator[QtWidgets.QWidget]:
    """``view`` (a new widget without parent) laid out at ``size`` (width, height) px on no
    screen, for a figure file: ``WA_DontShowOnScreen`` (Qt treats it as shown, so it draws),
    shown and its layout settled; closed and deleted when the block ends. A figure drawn
    this way has the same size and layout wherever the view is on screen (a small dock
    squeezed the Compare view's export)."""
    view.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.setAttribute(QtCore.Qt.WidgetAttribute.WA_QuitOnClose, False)
    view.resize(*size)
    view.show()
    settle()
    try:
        yield view
    finally:
        view.close()
        view.deleteLater()


def settle(rounds: int = 3) -> None:
    """Let Qt run ``rounds`` passes of its pending events (show, layout, a deferred redraw)."""
    for _ in range(rounds):
        QtWidgets.QApplication.processEvents()


# ----------------------------------------------------------------------------- raster

def render_image(target, width: int | None = None) -> QtGui.QImage:
    """Paint ``target`` into a QImage exactly ``width`` px wide (default: its width on screen).

    The height keeps the aspect ratio (rounded). Everything is scaled together, so axis labels and
    titles stay where they belong. pyqtgraph targets use ``pg.exporters.ImageExporter`` with both
    width and height set; should it still deliver another size, the result is resized with Qt.
    Returns a ``Format_ARGB32`` image. Raises ExportError for a width outside [16, 16384].
    """
    _check_width(width)
    QtWidgets.QApplication.processEvents()
    out_w, out_h = _output_size(target, width)
    root = _pg_root(target)
    if root is not None:
        exporter = pg.exporters.ImageExporter(root)
        exporter.parameters()["width"] = out_w
        # pyqtgraph derives the height with int() (truncation); set the rounded one ourselves so
        # the scene is drawn straight at the final size instead of being resampled afterwards
        exporter.parameters().param("height").setValue(out_h, blockSignal=exporter.heightChanged)
        with _scaled_overlays(root):
            image = exporter.export(toBytes=True)
        if image.width() != out_w or image.height() != out_h:
            image = image.scaled(out_w, out_h, QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                                 QtCore.Qt.TransformationMode.SmoothTransformation)
        return image.convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    widget = _view_of(target)
    image = QtGui.QImage(out_w, out_h, QtGui.QImage.Format.Format_ARGB32)
    image.fill(widget.palette().color(QtGui.QPalette.ColorRole.Window))
    painter = QtGui.QPainter(image)
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        with _scaled_overlays(widget):
            _paint_widget(widget, painter, out_w, out_h)
    finally:
        painter.end()
    return image


def _paint_widget(widget: QtWidgets.QWidget, painter: QtGui.QPainter, out_w: float,
                  out_h: float) -> None:
    """Paint a plain widget (or QGraphicsView) scaled to fill (0, 0, out_w, out_h)."""
    if isinstance(widget, QtWidgets.QGraphicsView):
        widget.render(painter, QtCore.QRectF(0, 0, out_w, out_h), widget.viewport().rect(),
                      QtCore.Qt.AspectRatioMode.IgnoreAspectRatio)
        return
    painter.scale(out_w / widget.width(), out_h / widget.height())
    widget.render(painter, QtCore.QPoint(0, 0), QtGui.QRegion(),
                  QtWidgets.QWidget.RenderFlag.DrawWindowBackground
                  | QtWidgets.QWidget.RenderFlag.DrawChildren)


def _save_image(image: QtGui.QImage, path: str, default_format: str = "PNG") -> str:
    fmt = os.path.splitext(path)[1].lstrip(".").upper() or default_format
    fmt = {"JPEG": "JPG"}.get(fmt, fmt)
    if fmt.lower().encode() not in [bytes(f).lower() for f in
                                    QtGui.QImageWriter.supportedImageFormats()]:
        fmt = default_format
    if fmt == "PNG":  # a tEXt chunk naming the program (PNG's "Software" keyword)
        image.setText("Software", software_text())
    with atomic_path(path) as tmp:
        if not image.save(tmp, fmt):
            raise ExportError(translate(
                "Export", "Qt could not encode the image as {0} for {1}.").format(fmt, path))
    return path


def export_png(target, path: str | os.PathLike, width: int | None = None) -> str:
    """Write ``target`` as a PNG exactly ``width`` px wide (height keeps the aspect ratio).

    ``target``: QWidget, QGraphicsView, pyqtgraph widget or item. Returns the path written.
    Raises ExportError (bad width, unwritable path, view without size).
    """
    return _save_image(render_image(target, width), os.fspath(path), "PNG")


def copy_to_clipboard(target, width: int | None = None) -> QtGui.QImage:
    """Put ``target`` on the system clipboard as an image (same rendering as the PNG export)."""
    image = render_image(target, width)
    QtWidgets.QApplication.clipboard().setImage(image)
    return image


def window_snapshot(window: QtWidgets.QWidget, path: str | os.PathLike,
                    width: int | None = None) -> str:
    """Save the whole window as shown (``QWidget.grab``): PNG/JPG, optionally scaled to ``width``.

    An ``.svg`` or ``.pdf`` path delegates to :func:`export_svg` / :func:`export_pdf`.
    """
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].lower()
    if ext == ".svg":
        return export_svg(window, path, width)
    if ext == ".pdf":
        return export_pdf(window, path)
    _check_width(width)
    QtWidgets.QApplication.processEvents()
    image = window.grab().toImage()
    image.setDevicePixelRatio(1.0)
    if width is not None and image.width() != width:
        height = max(1, round(width * image.height() / image.width()))
        image = image.scaled(int(width), height, QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                             QtCore.Qt.TransformationMode.SmoothTransformation)
    return _save_image(image, path, "PNG")


# ----------------------------------------------------------------------------- SVG

def _qt_svg(paint, size: QtCore.QSizeF, title: str) -> str:
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size.toSize())
    generator.setViewBox(QtCore.QRectF(QtCore.QPointF(0, 0), size))
    generator.setResolution(96)
    generator.setTitle(title)
    generator.setDescription(software_text())
    painter = QtGui.QPainter(generator)
    try:
        paint(painter)
    finally:
        painter.end()
    return bytes(buffer.data()).decode("utf-8")


def _finished(text: str, out_w: int, out_h: int, view_box: QtCore.QRectF) -> str:
    try:
        return finish_svg(text, out_w, out_h, view_box)
    except ValueError as exc:
        raise ExportError(str(exc)) from exc


def svg_text(target, width: int | None = None, title: str = "Backprop Playground") -> str:
    """SVG document of ``target``: curves as <path>, heatmaps as embedded <image> with
    ``image-rendering`` set for crisp pixels, root with width/height (px) and viewBox.

    pyqtgraph targets use ``pg.exporters.SVGExporter`` (with scaling strokes, so lines and labels
    scale together when the SVG is resized); plain widgets use ``QSvgGenerator``.
    """
    _check_width(width)
    QtWidgets.QApplication.processEvents()
    out_w, out_h = _output_size(target, width)
    root = _pg_root(target)
    if root is not None:
        source, native = _root_rect(root)
        view_box = source if isinstance(root, QtWidgets.QGraphicsScene) else \
            QtCore.QRectF(QtCore.QPointF(0, 0), native.size())
        with _vector_friendly(root), closepath_tolerant_svg_exporter():
            exporter = pg.exporters.SVGExporter(root)
            exporter.parameters()["scaling stroke"] = True
            text = exporter.export(toBytes=True).decode("utf-8")
        return _finished(text, out_w, out_h, view_box)
    widget = _view_of(target)
    size = QtCore.QSizeF(*native_size(widget))
    text = _qt_svg(lambda p: _paint_widget(widget, p, size.width(), size.height()), size, title)
    return _finished(text, out_w, out_h, QtCore.QRectF(QtCore.QPointF(0, 0), size))


def export_svg(target, path: str | os.PathLike, width: int | None = None) -> str:
    """Write ``target`` as SVG (see :func:`svg_text`); ``width`` sets the width attribute in px."""
    return write_text_atomic(os.fspath(path), svg_text(target, width, os.path.basename(path)))


# ----------------------------------------------------------------------------- PDF

def export_pdf(target, path: str | os.PathLike, width_pt: float | None = None) -> str:
    """Write ``target`` as a one-page vector PDF with ``QPdfWriter``.

    The page has the view's aspect ratio and no margins; its width is ``width_pt`` points
    (default: the on-screen size at 96 px per inch, i.e. 0.75 pt per px).
    """
    path = os.fspath(path)
    QtWidgets.QApplication.processEvents()
    w0, h0 = _output_size(target, None)
    page_w = float(width_pt) if width_pt else w0 * 0.75
    if not PDF_MIN_PT <= page_w <= PDF_MAX_PT:
        raise ExportError(translate(
            "Export", "PDF width must be between 36 and 14400 pt, got {0}.").format(
            number(page_w)))
    page = QtGui.QPageSize(QtCore.QSizeF(page_w, page_w * h0 / w0), QtGui.QPageSize.Unit.Point,
                           "", QtGui.QPageSize.SizeMatchPolicy.ExactMatch)
    root = _pg_root(target)
    with atomic_path(path) as tmp:
        writer = QtGui.QPdfWriter(tmp)
        # Render at the screen's logical DPI: pyqtgraph lays out axis text with screen font
        # metrics, and a 300-dpi device would draw the glyphs 3x larger than their boxes.
        screen = QtGui.QGuiApplication.primaryScreen()
        writer.setResolution(round(screen.logicalDotsPerInchY()) if screen else 96)
        writer.setPageSize(page)
        writer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0), QtGui.QPageLayout.Unit.Point)
        writer.setTitle(os.path.basename(path))
        writer.setCreator(software_text())
        painter = QtGui.QPainter()
        if not painter.begin(writer):
            raise ExportError(translate(
                "Export", "Cannot write {0}: the PDF writer could not open the file.").format(
                path))
        try:
            out = QtCore.QRectF(0, 0, writer.width(), writer.height())
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
            with _scaled_overlays(root if root is not None else _view_of(target)):
                if root is not None:
                    _paint_pg_root(root, painter, out)
                else:
                    _paint_widget(_view_of(target), painter, out.width(), out.height())
        finally:
            painter.end()
        del writer  # flushes and closes the file before os.replace
    return path


def export_figure(target, path: str | os.PathLike, fmt: str, width: int) -> str:
    """Write ``target`` as ``fmt`` ("png", "svg" or "pdf") at ``width`` px: PNG and SVG exactly
    ``width`` px wide, a PDF page ``width`` × 0.75 pt wide (the same size at 96 px per inch),
    held within :func:`export_pdf`'s 36..14400 pt. Returns the path written; raises
    ExportError as :func:`export_png`, :func:`export_svg` and :func:`export_pdf`."""
    if fmt == "png":
        return export_png(target, path, int(width))
    if fmt == "svg":
        return export_svg(target, path, int(width))
    return export_pdf(target, path, width_pt=min(max(width * 0.75, PDF_MIN_PT), PDF_MAX_PT))


def _paint_pg_root(root, painter: QtGui.QPainter, out: QtCore.QRectF) -> None:
    helper = pg.exporters.Exporter(root)
    source = QtCore.QRectF(helper.getSourceRect())
    with _vector_friendly(root):
        helper.setExportMode(True, {"antialias": True, "painter": painter,
                                    "resolutionScale": out.width() / source.width()})
        try:
            helper.getScene().render(painter, out, source)
        finally:
            helper.setExportMode(False)
