"""Interactive export: file dialogs, right-click entries, the animation settings and progress.

The main window needs only these calls (each view can be a QWidget, a QGraphicsView or any
pyqtgraph widget or item):

- ``install_context_export(view, "loss_curve")`` once per view: adds "Export PNG…", "Export SVG…",
  "Export PDF…" and "Copy to clipboard" to the view's right-click menu.
- ``export_view(view, "png" | "svg" | "pdf" | "clipboard", name, parent)`` for File ▸ Export.
- ``export_window(window)`` for a whole-window snapshot.
- ``AnimationSettingsDialog`` + ``export_animation_with_dialog`` for the training animation.

Errors are shown in a message box here (the functions return None); nothing raises to the caller.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.export.animation import MP4_MISSING_MESSAGE, export_animation, mp4_available
from gui.export.figures import (
    MAX_WIDTH,
    MIN_WIDTH,
    ExportCancelled,
    ExportError,
    copy_to_clipboard,
    export_pdf,
    export_png,
    export_svg,
    window_snapshot,
)
from gui.common.i18n import translate
from gui.common.number_format import number

#: File-dialog filters (English; shown translated with context "Export").
FILE_FILTERS = {
    "png": QT_TRANSLATE_NOOP("Export", "PNG image (*.png)"),
    "svg": QT_TRANSLATE_NOOP("Export", "SVG vector image (*.svg)"),
    "pdf": QT_TRANSLATE_NOOP("Export", "PDF document (*.pdf)"),
    "gif": QT_TRANSLATE_NOOP("Export", "GIF animation (*.gif)"),
    "mp4": QT_TRANSLATE_NOOP("Export", "MP4 video (*.mp4)"),
    "csv": QT_TRANSLATE_NOOP("Export", "CSV table (*.csv)"),
    "json": QT_TRANSLATE_NOOP("Export", "JSON file (*.json)"),
}
VIEW_EXPORT_KINDS = ("png", "svg", "pdf", "clipboard")
_remembered = {"folder": None, "png_width": 1600}


def show_export_error(parent: QtWidgets.QWidget | None, error: Exception) -> None:
    """Tell the user why an export failed (modal warning box)."""
    QtWidgets.QMessageBox.warning(parent, translate("Export", "Export failed"), str(error))


def ask_export_path(parent: QtWidgets.QWidget | None, default_name: str,
                    kinds: Sequence[str] = ("png", "svg", "pdf")) -> str | None:
    """Ask for a destination with QFileDialog; returns a path ending in one of ``kinds`` or None.

    Starts in the folder used last (else the user's Pictures folder); appends the extension of the
    chosen filter when the typed name has none of ``kinds``.
    """
    folder = _remembered["folder"] or QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.PicturesLocation) or os.path.expanduser("~")
    base = os.path.splitext(default_name)[0] or "export"
    filters = ";;".join(translate("Export", FILE_FILTERS[kind]) for kind in kinds)
    path, selected = QtWidgets.QFileDialog.getSaveFileName(
        parent, translate("Export", "Export"), os.path.join(folder, f"{base}.{kinds[0]}"), filters)
    if not path:
        return None
    if os.path.splitext(path)[1].lower().lstrip(".") not in kinds:
        match = re.search(r"\*\.(\w+)", selected or "")
        path += "." + (match.group(1) if match else kinds[0])
    _remembered["folder"] = os.path.dirname(path)
    return path


def ask_png_width(parent: QtWidgets.QWidget | None, default: int | None = None) -> int | None:
    """Ask for the PNG width in pixels (remembered between exports); None if cancelled."""
    value, ok = QtWidgets.QInputDialog.getInt(
        parent, translate("Export", "PNG width"),
        translate("Export", "Width in pixels (the height keeps the aspect ratio):"),
        int(default or _remembered["png_width"]), MIN_WIDTH, MAX_WIDTH, 100)
    if not ok:
        return None
    _remembered["png_width"] = value
    return value


def _parent_widget(target, parent) -> QtWidgets.QWidget | None:
    if parent is not None:
        return parent
    if isinstance(target, QtWidgets.QWidget):
        return target
    if isinstance(target, QtWidgets.QGraphicsItem) and target.scene() is not None:
        views = target.scene().views()
        return views[0] if views else None
    return None


def export_view(target, kind: str, name: str,
                parent: QtWidgets.QWidget | None = None) -> str | None:
    """Export one view interactively: ``kind`` in png, svg, pdf (asks for a file, and the width
    for PNG) or clipboard. Returns the path written (or "clipboard"); None if cancelled or failed
    (the failure is shown in a message box)."""
    if kind not in VIEW_EXPORT_KINDS:
        raise ValueError(f"kind must be one of {VIEW_EXPORT_KINDS}, got {kind!r}")
    parent = _parent_widget(target, parent)
    try:
        if kind == "clipboard":
            copy_to_clipboard(target)
            return "clipboard"
        path = ask_export_path(parent, name, (kind,))
        if path is None:
            return None
        if kind == "png":
            width = ask_png_width(parent)
            if width is None:
                return None
            return export_png(target, path, width)
        return export_svg(target, path) if kind == "svg" else export_pdf(target, path)
    except ExportError as error:
        show_export_error(parent, error)
        return None


def export_window(window: QtWidgets.QWidget, name: str = "window") -> str | None:
    """Whole-window snapshot to PNG (as shown), SVG or PDF; errors shown in a message box."""
    path = ask_export_path(window, name, ("png", "svg", "pdf"))
    if path is None:
        return None
    try:
        return window_snapshot(window, path)
    except ExportError as error:
        show_export_error(window, error)
        return None


def _make_actions(target, name: str, owner: QtCore.QObject,
                  parent: QtWidgets.QWidget | None,
                  export: Callable[[str], object] | None = None) -> list[QtGui.QAction]:
    actions = []
    for kind in VIEW_EXPORT_KINDS:
        action = QtGui.QAction(owner)
        action.setObjectName(f"export_{kind}_{name}")
        if export is not None:
            action.triggered.connect(lambda _checked=False, k=kind: export(k))
        else:  # looked up at call time so tests (and future code) can replace it
            action.triggered.connect(
                lambda _checked=False, k=kind: globals()["export_view"](target, k, name,
                                                                         parent))
        actions.append(action)
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: Sequence[QtGui.QAction]) -> None:
    """Texts of the four view-export actions (PNG, SVG, PDF, clipboard), in that order, in the
    interface language."""
    texts = (translate("Export", "Export PNG…"), translate("Export", "Export SVG…"),
             translate("Export", "Export PDF…"), translate("Export", "Copy to clipboard"))
    for action, text in zip(actions, texts, strict=False):
        try:
            action.setText(text)
        except RuntimeError:  # deleted with its view
            pass


def _has_menu_items(scene: QtWidgets.QGraphicsScene) -> bool:
    return any(isinstance(item, pg.ViewBox) and item.menuEnabled() for item in scene.items())


def install_context_export(view, name: str, parent: QtWidgets.QWidget | None = None,
                           export: Callable[[str], object] | None = None
                           ) -> list[QtGui.QAction]:
    """Add export entries to the right-click menu of ``view``; returns the four QActions
    (PNG, SVG, PDF, clipboard), which may also be put in File ▸ Export. Each calls
    ``export(kind)`` ("png", "svg", "pdf" or "clipboard"), by default
    :func:`export_view` of ``view``.

    pyqtgraph views: the entries replace pyqtgraph's own "Export..." in the scene's context menu,
    which pyqtgraph appends to every ViewBox menu (its dialog does not honour exact widths and
    fails on SVG with recent Qt). Views without a ViewBox menu (plain QWidget/QGraphicsView, a
    pyqtgraph scene with no plot, or a plot whose ViewBox menu is disabled because right-click
    edits it, like the data canvas) get a widget context menu instead; see
    :func:`show_widget_menu` for where it appears.
    """
    scene = None
    if isinstance(view, QtWidgets.QGraphicsItem):
        scene = view.scene()
    elif isinstance(view, pg.GraphicsView):
        scene = view.scene()
    owner = scene if scene is not None else view
    actions = _make_actions(view, name, owner, parent, export)
    if scene is not None and hasattr(scene, "contextMenu") and _has_menu_items(scene):
        pg_export = QtCore.QCoreApplication.translate("GraphicsScene", "Export...")
        kept = [action for action in scene.contextMenu if action.text() != pg_export]
        scene.contextMenu = kept + actions
        return actions
    widget = view if isinstance(view, QtWidgets.QWidget) else _parent_widget(view, parent)
    if widget is None:
        raise ExportError(translate(
            "Export", "This plot is not shown in any view, so no menu can be added."))
    widget.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(
        lambda position: show_widget_menu(widget, actions, position))
    return actions


def show_widget_menu(widget: QtWidgets.QWidget, actions: Sequence[QtGui.QAction],
                     position: QtCore.QPoint) -> QtWidgets.QMenu | None:
    """Pop up ``actions`` at ``position`` (widget coordinates) and return the menu.

    In a pyqtgraph view whose ViewBox menu is disabled, right-click inside that ViewBox belongs
    to the view (e.g. the data canvas adds a point of the other class), so no menu is shown there
    (None); right-click on the axes or the title still offers the export entries.
    """
    if isinstance(widget, pg.GraphicsView):
        scene_pos = widget.mapToScene(position)
        if any(isinstance(item, pg.ViewBox) and not item.menuEnabled()
               for item in widget.scene().items(scene_pos)):
            return None
    menu = QtWidgets.QMenu(widget)
    menu.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.addActions(actions)
    menu.popup(widget.mapToGlobal(position))
    return menu


# ----------------------------------------------------------------------------- animation

class AnimationSettingsDialog(QtWidgets.QDialog):
    """Choose the views, steps per frame, frame count, frames per second and format (GIF/MP4).

    ``view_names``: labels of the views that can be recorded. After ``exec()`` returns Accepted,
    read :meth:`settings`. MP4 is disabled, with the install hint, when imageio-ffmpeg is absent.
    """

    def __init__(self, view_names: Iterable[str], parent: QtWidgets.QWidget | None = None,
                 selected: Iterable[str] = (), start_step: int = 0):
        super().__init__(parent)
        self.setWindowTitle(translate("Export", "Export animation"))
        selected = set(selected)
        form = QtWidgets.QFormLayout(self)
        self.view_boxes: dict[str, QtWidgets.QCheckBox] = {}
        views = QtWidgets.QVBoxLayout()
        for index, view_name in enumerate(view_names):
            box = QtWidgets.QCheckBox(view_name)
            box.setChecked(view_name in selected or (not selected and index == 0))
            self.view_boxes[view_name] = box
            views.addWidget(box)
        form.addRow(translate("Export", "Views"), views)
        self.steps_per_frame = self._spin(1, 10_000, 5)
        self.frame_count = self._spin(1, 5_000, 100)
        self.start_step = int(start_step)
        self.frames_note = QtWidgets.QLabel()  # which steps the frames show
        self.frames_note.setObjectName("frames_note")
        self.frames_note.setWordWrap(True)
        self.steps_per_frame.valueChanged.connect(self._show_frames)
        self.frame_count.valueChanged.connect(self._show_frames)
        self.fps = self._spin(1, 60, 10)
        form.addRow(translate("Export", "Training steps per frame"), self.steps_per_frame)
        form.addRow(translate("Export", "Frames after the start"), self.frame_count)
        form.addRow(self.frames_note)
        form.addRow(translate("Export", "Frames per second"), self.fps)
        self.format = QtWidgets.QComboBox()
        self.format.addItem("GIF", "gif")
        self.format.addItem("MP4", "mp4")
        if not mp4_available():
            self.format.model().item(1).setEnabled(False)
            self.format.setItemData(1, translate("Export", MP4_MISSING_MESSAGE),
                                    QtCore.Qt.ItemDataRole.ToolTipRole)
        form.addRow(translate("Export", "Format"), self.format)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._show_frames()

    def _show_frames(self, _value: int = 0) -> None:
        """The note under the frame count: how many frames the file gets and at which steps
        (the start, then one after every ``steps per frame`` steps, the last at the end)."""
        per, count, start = self.steps_per_frame.value(), self.frame_count.value(), self.start_step
        steps = [start + i * per for i in range(count + 1)]
        if count == 1:
            text = translate("Export", "{0} frames: steps {1} and {2}").format(
                count + 1, number(steps[0]), number(steps[1]))
        else:
            text = translate("Export", "{0} frames: steps {1}, {2}, …, {3} (the start, then one "
                                       "every {4} steps)").format(
                count + 1, number(steps[0]), number(steps[1]), number(steps[-1]), number(per))
        self.frames_note.setText(text)

    @staticmethod
    def _spin(low: int, high: int, value: int) -> QtWidgets.QSpinBox:
        spin = QtWidgets.QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def settings(self) -> dict:
        """{"views": [names], "steps_per_frame", "frame_count" (frames after the start),
        "frames" (frames in the file: the start too, frame_count + 1), "fps",
        "format": "gif"|"mp4"}."""
        return {"views": [n for n, box in self.view_boxes.items() if box.isChecked()],
                "steps_per_frame": self.steps_per_frame.value(),
                "frame_count": self.frame_count.value(),
                "frames": self.frame_count.value() + 1, "fps": self.fps.value(),
                "format": self.format.currentData()}


class AnimationProgress:
    """The progress of an animation export, shown at once (modal, with Cancel): "Preparing the
    views…" while the recording's views are built, one unit per frame while recording, then a
    last unit while the file is encoded (a GIF is encoded when it is closed, which may take
    longer than the frames). ``frames``: the frames to record."""

    def __init__(self, parent: QtWidgets.QWidget | None, frames: int) -> None:
        self.frames = int(frames)
        dialog = QtWidgets.QProgressDialog(translate("Export", "Preparing the views…"),
                                           translate("Export", "Cancel"), 0, self.frames + 1,
                                           parent)
        dialog.setObjectName("animation_progress")
        dialog.setWindowTitle(translate("Export", "Export animation"))
        dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)  # the last frame is not the end: encoding follows
        dialog.setAutoReset(False)
        dialog.setValue(0)
        dialog.show()
        self.dialog = dialog
        QtWidgets.QApplication.processEvents()  # painted now, before the slow part

    def recording(self) -> None:
        self.dialog.setLabelText(translate("Export", "Recording the animation…"))
        QtWidgets.QApplication.processEvents()

    def progress(self, done: int, _total: int | None = None) -> bool:
        """After frame ``done``: False when Cancel was pressed."""
        self.dialog.setValue(min(done, self.frames))
        QtWidgets.QApplication.processEvents()
        return not self.dialog.wasCanceled()

    def encoding(self) -> None:
        """The frames are done; the file is being encoded (no Cancel any more)."""
        self.dialog.setLabelText(translate("Export", "Encoding the file…"))
        self.dialog.setCancelButton(None)
        self.dialog.setValue(self.frames)
        QtWidgets.QApplication.processEvents()

    def close(self) -> None:
        """Hide and delete the dialog (again: nothing)."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def export_animation_with_dialog(parent: QtWidgets.QWidget | None, source: Iterable | Callable,
                                 path: str, *, fps: float, frame_count: int,
                                 caption: str | Callable[[int], str] | None = None,
                                 cancelled: Callable[[], bool] | None = None,
                                 progress: AnimationProgress | None = None) -> str | None:
    """Run :func:`export_animation` behind an :class:`AnimationProgress` (``progress``: one
    already shown, e.g. while the views were prepared; closed here), with Cancel.

    ``cancelled()``, asked after each frame, True stops the export as Cancel does (e.g. the
    window it records was closed). Returns the path, or None when cancelled (nothing written,
    no message) or failed (message box shown).
    """
    if progress is None:
        progress = AnimationProgress(parent, frame_count)
    progress.recording()

    def step(done: int, total: int | None) -> bool:
        return progress.progress(done, total) and not (cancelled is not None and cancelled())

    try:
        export_animation(source, path, fps=fps, frame_count=frame_count, caption=caption,
                         progress=step, finishing=progress.encoding)
    except ExportCancelled:
        return None
    except ExportError as error:
        show_export_error(parent, error)
        return None
    finally:
        progress.close()
    return path
