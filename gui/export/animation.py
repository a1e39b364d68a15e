"""Animations of training: GIF (imageio, Pillow plugin) and MP4 (imageio with imageio-ffmpeg).

Each frame is a picture of the chosen views with a caption strip painted by Qt (QPainter) that
carries the settings text given by the caller (data set, architecture, activation, η, optimizer,
batch, regularization, step — see :func:`format_caption`). Files are written atomically: a
cancelled or failed export leaves no partial file.

Typical use (``gui.app_window.recording.TrainingRecorder`` builds such a source on a copy of the
session, so the scene is never trained by an export)::

    frames = training_frame_source(copy_controller.run_steps, [canvas, loss_plot],
                                   steps_per_frame=5, caption=lambda: format_caption(...))
    export_animation(frames, "run.gif", fps=10, frame_count=120, progress=callback)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.export.figures import ExportCancelled, ExportError, atomic_path, render_image
from gui.common.i18n import translate
from gui.common.number_format import number

#: English; shown translated with context "Export".
MP4_MISSING_MESSAGE = QT_TRANSLATE_NOOP(
    "Export", "MP4 needs the optional package imageio-ffmpeg: pip install imageio-ffmpeg")
ANIMATION_EXTENSIONS = (".gif", ".mp4")
CAPTION_BACKGROUND = QtGui.QColor("#f2f2f2")
CAPTION_TEXT = QtGui.QColor("#1a1a1a")


def mp4_available() -> bool:
    """True when imageio-ffmpeg is installed and can locate an ffmpeg executable
    (its packaged binary, ``IMAGEIO_FFMPEG_EXE`` or a system ffmpeg)."""
    try:
        import imageio_ffmpeg

        exe = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError, OSError):
        return False
    return bool(exe) and os.path.exists(exe)


def format_caption(*, dataset: str | None = None, architecture: Sequence[int] | str | None = None,
                   activation: str | Sequence[str] | None = None,
                   learning_rate: float | None = None, optimizer: str | None = None,
                   batch_size: int | None = None, l1: float | None = None,
                   l2: float | None = None, dropout: float | None = None,
                   step: int | None = None, epoch: int | None = None) -> str:
    """One line of settings for a caption, e.g.
    ``"circle · 2-8-8-1 · tanh · η = 0.03 · sgd · batch 32 · L2 0.001 · step 120"``.

    Omitted (None) items are left out; ``batch_size`` 0 reads "full batch"; when any of
    l1/l2/dropout is given and all are 0 the text says "no regularization".
    """
    parts: list[str] = []
    if dataset:
        parts.append(str(dataset))
    if architecture is not None:
        parts.append(architecture if isinstance(architecture, str)
                     else "-".join(str(int(size)) for size in architecture))
    if activation:
        parts.append(activation if isinstance(activation, str) else "/".join(activation))
    if learning_rate is not None:
        parts.append(f"η = {number(learning_rate)}")
    if optimizer:
        parts.append(str(optimizer))
    if batch_size is not None:
        parts.append(translate("Export", "full batch") if not batch_size
                     else translate("Export", "batch {0}").format(int(batch_size)))
    if any(v is not None for v in (l1, l2, dropout)):
        terms = [f"{name} {number(value)}" for name, value in (("L1", l1), ("L2", l2),
                                                          ("dropout", dropout)) if value]
        parts.append(", ".join(terms) if terms else translate("Export", "no regularization"))
    if epoch is not None:
        parts.append(translate("Export", "epoch {0}").format(int(epoch)))
    if step is not None:
        parts.append(translate("Export", "step {0}").format(int(step)))
    return "  ·  ".join(parts)


# ----------------------------------------------------------------------------- frames

def as_qimage(frame) -> QtGui.QImage:
    """QImage of a frame given as QImage, QPixmap, (h, w, 3|4) uint8 array, widget or plot item."""
    if isinstance(frame, QtGui.QImage):
        return frame
    if isinstance(frame, QtGui.QPixmap):
        return frame.toImage()
    if isinstance(frame, np.ndarray):
        if frame.dtype != np.uint8 or frame.ndim != 3 or frame.shape[2] not in (3, 4):
            raise ValueError(f"Frame arrays must be (h, w, 3|4) uint8, got {frame.shape} "
                             f"{frame.dtype}.")
        data = np.ascontiguousarray(frame)
        fmt = QtGui.QImage.Format.Format_RGB888 if data.shape[2] == 3 else \
            QtGui.QImage.Format.Format_RGBA8888
        return QtGui.QImage(data.data, data.shape[1], data.shape[0], data.strides[0], fmt).copy()
    if isinstance(frame, (QtWidgets.QWidget, QtWidgets.QGraphicsItem)):
        return render_image(frame)
    raise TypeError(f"Cannot use {type(frame).__name__} as an animation frame.")


def rgb_array(image: QtGui.QImage) -> np.ndarray:
    """(h, w, 3) uint8 copy of ``image`` (alpha composited on nothing: dropped)."""
    rgb = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
    h, w = rgb.height(), rgb.width()
    buffer = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.sizeInBytes())
    return buffer.reshape(h, rgb.bytesPerLine())[:, : w * 3].reshape(h, w, 3).copy()


def grab_views(views: Sequence, height: int | None = None, spacing: int = 6,
               background: QtGui.QColor | str = "white") -> QtGui.QImage:
    """Render ``views`` (widgets or plot items) side by side into one image, each at its own
    size on screen and vertically centred in a row ``height`` px high (at least the tallest
    view). Views are never rescaled: a rescaled picture would rescale its text, and the
    panels of one frame would show different font sizes. To line views up, give them one
    height before grabbing (:func:`frame_sizes`).
    """
    if not views:
        raise ValueError("grab_views needs at least one view.")
    images = [render_image(view) for view in views]
    height = max(int(height or 0), *(image.height() for image in images))
    width = sum(image.width() for image in images) + spacing * (len(images) - 1)
    canvas = QtGui.QImage(width, height, QtGui.QImage.Format.Format_ARGB32)
    canvas.fill(QtGui.QColor(background))
    painter = QtGui.QPainter(canvas)
    x = 0
    for image in images:
        painter.drawImage(x, (height - image.height()) // 2, image)
        x += image.width() + spacing
    painter.end()
    return canvas


#: Caption text relative to the application font, the font of the views' axes and titles
#: (views are grabbed at scale 1, so the caption sits with them, whatever the frame's width).
CAPTION_FONT_SCALE = 1.25


def _caption_font(_width: int = 0) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setPixelSize(max(11, round(CAPTION_FONT_SCALE * QtGui.QFontInfo(font).pixelSize())))
    return font


def caption_height(width: int, text: str) -> int:
    """Height in px of the caption strip that holds ``text`` word-wrapped at ``width``."""
    font = _caption_font(width)
    pad = max(4, font.pixelSize() // 2)
    metrics = QtGui.QFontMetrics(font)
    box = metrics.boundingRect(QtCore.QRect(0, 0, max(1, width - 2 * pad), 100_000),
                               int(QtCore.Qt.TextFlag.TextWordWrap), text)
    return box.height() + 2 * pad


def draw_caption(painter: QtGui.QPainter, rect: QtCore.QRect, text: str) -> None:
    """Paint the caption strip: light background, a rule on top, word-wrapped dark text."""
    font = _caption_font(rect.width())
    pad = max(4, font.pixelSize() // 2)
    painter.fillRect(rect, CAPTION_BACKGROUND)
    painter.setPen(QtGui.QPen(QtGui.QColor("#c8c8c8"), 1))
    painter.drawLine(rect.topLeft(), rect.topRight())
    painter.setFont(font)
    painter.setPen(CAPTION_TEXT)
    painter.drawText(rect.adjusted(pad, pad, -pad, -pad),
                     int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignVCenter
                         | QtCore.Qt.TextFlag.TextWordWrap), text)


# ----------------------------------------------------------------------------- writer

class AnimationWriter:
    """Write frames to a GIF or MP4 file chosen by the extension of ``path``.

    The first frame fixes the frame size (rounded up to even numbers, as H.264 needs); later
    frames of another size are scaled to fit and centred. A caption strip (height fixed by the
    first caption) is added below each frame when captions are given. GIF frames are kept in
    memory by Pillow until :meth:`close` (w·h·3 bytes each), and Pillow merges identical
    consecutive GIF frames into one longer frame; MP4 frames are streamed to ffmpeg.
    Use as a context manager: leaving it by an exception discards the temporary file.

    Raises ExportError for an unknown extension, fps outside (0, 60], a missing imageio-ffmpeg
    (``MP4_MISSING_MESSAGE``) or an unwritable folder.
    """

    def __init__(self, path: str | os.PathLike, fps: float = 10.0, *, quality: int = 8):
        self.path = os.fspath(path)
        self.kind = os.path.splitext(self.path)[1].lower()
        if self.kind not in ANIMATION_EXTENSIONS:
            if self.kind:
                message = translate("Export", "Animations are saved as .gif or .mp4, not {0} "
                                              "extension ({1}).").format(self.kind, self.path)
            else:
                message = translate("Export", "Animations are saved as .gif or .mp4, not no "
                                              "extension ({0}).").format(self.path)
            raise ExportError(message)
        if not 0 < fps <= 60:
            raise ExportError(translate("Export", "Frames per second must be in (0, 60], got {0}.")
                              .format(number(fps)))
        if self.kind == ".mp4" and not mp4_available():
            raise ExportError(translate("Export", MP4_MISSING_MESSAGE))
        self.fps = float(fps)
        self.frame_count = 0
        self.frame_size: QtCore.QSize | None = None
        self._picture_size: QtCore.QSize | None = None
        self._caption_height = 0
        self._stack = contextlib.ExitStack()
        tmp = self._stack.enter_context(atomic_path(self.path))
        try:
            if self.kind == ".gif":
                import imageio.v3 as iio

                self._writer = iio.imopen(tmp, "w", plugin="pillow", extension=".gif")
            else:
                import imageio.v2 as iio2

                self._writer = iio2.get_writer(
                    tmp, format="FFMPEG", mode="I", fps=self.fps, codec="libx264",
                    quality=quality, pixelformat="yuv420p", macro_block_size=1,
                    ffmpeg_log_level="error")
        except Exception as exc:
            self._stack.__exit__(type(exc), exc, exc.__traceback__)
            raise ExportError(translate("Export", "Cannot start writing {0}: {1}").format(
                self.path, exc)) from exc

    def add_frame(self, frame, caption: str | None = None) -> None:
        """Append one frame (QImage, QPixmap, uint8 array, widget or plot item)."""
        image = as_qimage(frame)
        if self.frame_size is None:
            self._picture_size = image.size()
            if caption is not None:
                self._caption_height = caption_height(image.width(), caption)
            width, height = image.width(), image.height() + self._caption_height
            self.frame_size = QtCore.QSize(width + width % 2, height + height % 2)
        picture = self._picture_size
        composed = QtGui.QImage(self.frame_size, QtGui.QImage.Format.Format_RGB32)
        composed.fill(QtGui.QColor("white"))
        painter = QtGui.QPainter(composed)
        try:
            if image.size() != picture:
                image = image.scaled(picture, QtCore.Qt.AspectRatioMode.KeepAspectRatio,
                                     QtCore.Qt.TransformationMode.SmoothTransformation)
            painter.drawImage((picture.width() - image.width()) // 2,
                              (picture.height() - image.height()) // 2, image)
            if self._caption_height and caption:
                draw_caption(painter, QtCore.QRect(0, picture.height(), self.frame_size.width(),
                                                   self.frame_size.height() - picture.height()),
                             caption)
        finally:
            painter.end()
        pixels = rgb_array(composed)
        try:
            if self.kind == ".gif":
                self._writer.write(pixels, duration=1000.0 / self.fps, loop=0)
            else:
                self._writer.append_data(pixels)
        except Exception as exc:
            raise ExportError(translate("Export", "Writing frame {0} of {1} failed: {2}").format(
                self.frame_count + 1, self.path, exc)) from exc
        self.frame_count += 1

    def close(self) -> str:
        """Finish the file and move it into place; returns the path. No frames → ExportError."""
        if self.frame_count == 0:
            self.abort()
            raise ExportError(translate(
                "Export", "No frames were recorded, so {0} was not written.").format(self.path))
        try:
            self._writer.close()
        except Exception as exc:
            self.abort()
            raise ExportError(translate("Export", "Finishing {0} failed: {1}").format(
                self.path, exc)) from exc
        self._stack.close()
        return self.path

    def abort(self) -> None:
        """Discard everything written so far; the destination is left untouched."""
        with contextlib.suppress(Exception):
            self._writer.close()
        error = ExportCancelled("aborted")
        self._stack.__exit__(ExportCancelled, error, None)

    def __enter__(self) -> AnimationWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def export_animation(source: Iterable | Callable, path: str | os.PathLike, *, fps: float = 10.0,
                     frame_count: int | None = None,
                     caption: str | Callable[[int], str] | None = None,
                     progress: Callable[[int, int | None], bool | None] | None = None,
                     finishing: Callable[[], None] | None = None) -> int:
    """Write an animation and return the number of frames written.

    source: an iterable of frames, or a callback ``source(index)`` (then ``frame_count`` is
        required). A frame is anything :class:`AnimationWriter` accepts, or a ``(frame, caption)``
        tuple; ``None`` ends the animation early (e.g. training diverged).
    caption: text for every frame, or ``caption(index) -> str``; a tuple's caption wins.
    progress: ``progress(frames_done, total_or_None)`` after each frame; returning ``False``
        cancels: ExportCancelled is raised and no file (not even a partial one) is left.
    finishing: called once after the last frame, before the file is finished: a GIF is encoded
        only then, which can take longer than recording the frames (a progress display says so).
    Raises ExportError (see AnimationWriter) and ValueError for a callback without frame_count.
    """
    if callable(source) and not isinstance(source, Iterable):
        if frame_count is None:
            raise ValueError("A frame callback needs frame_count.")
        frames: Iterable = (source(index) for index in range(frame_count))
        total = frame_count
    else:
        frames = source
        total = frame_count if frame_count is not None else (
            len(source) if hasattr(source, "__len__") else None)
    with AnimationWriter(path, fps) as writer:
        for index, item in enumerate(frames):
            if item is None or (frame_count is not None and index >= frame_count):
                break
            frame, text = item if isinstance(item, tuple) else (item, None)
            if text is None and caption is not None:
                text = caption(index) if callable(caption) else caption
            writer.add_frame(frame, text)
            if progress is not None and progress(index + 1, total) is False:
                raise ExportCancelled(translate(
                    "Export", "Animation export cancelled; no file was written."))
        if finishing is not None and writer.frame_count:
            finishing()
    return writer.frame_count


def training_frame_source(advance: Callable[[int], bool | None], views: Sequence, *,
                          steps_per_frame: int = 1, caption: Callable[[], str] | None = None,
                          height: int | None = None) -> Callable[[int], tuple | None]:
    """Frame callback for :func:`export_animation` that drives training.

    Frame 0 shows the current state; before each later frame ``advance(steps_per_frame)`` runs
    the training steps (returning ``False`` ends the animation, e.g. on divergence). Then pending
    redraws are processed and ``views`` are grabbed side by side (:func:`grab_views`), with
    ``caption()`` evaluated after the steps so it shows the current step.
    """
    def frame(index: int):
        if index > 0 and advance(steps_per_frame) is False:
            return None
        QtWidgets.QApplication.processEvents()
        return grab_views(views, height), (caption() if caption is not None else None)

    return frame


#: Frame layout of an animation of several views side by side.
MAX_FRAME_WIDTH = 2400
MIN_FRAME_HEIGHT = 240
FRAME_SPACING = 6


def frame_sizes(sizes: Mapping[str, tuple[float, float]], *, height: float | None = None,
                max_width: int = MAX_FRAME_WIDTH, min_height: int = MIN_FRAME_HEIGHT,
                spacing: int = FRAME_SPACING) -> dict[str, tuple[int, int]]:
    """Sizes (w, h) in px for views shown side by side in one frame: each keeps the aspect
    ratio of ``sizes[id]`` and all get one height — ``height``, or by default the tallest —
    reduced so the row fits ``max_width`` (spacing included), but not below ``min_height``.
    Raises ValueError for no views or a size that is not positive."""
    if not sizes or any(w <= 0 or h <= 0 for w, h in sizes.values()):
        raise ValueError(f"frame_sizes needs positive view sizes, got {dict(sizes)}")
    aspects = {view_id: w / h for view_id, (w, h) in sizes.items()}
    common = float(height) if height else max(h for _w, h in sizes.values())
    room = max_width - spacing * (len(sizes) - 1)
    common = max(min(common, room / sum(aspects.values())), min_height)
    return {view_id: (max(16, round(common * aspect)), round(common))
            for view_id, aspect in aspects.items()}
