"""Figure, animation and data export (gui/export*.py, gui/export/animation.py, gui/export/data.py).

Every test builds its own standalone views, so it needs nothing from the main window.
"""

from __future__ import annotations

import csv
import os
import re
import xml.etree.ElementTree as ET

import imageio.v3 as iio
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtSvg import QSvgRenderer

from gui.export import actions as export_actions
from gui.export import animation as animation_export
from gui.export.animation import (
    MP4_MISSING_MESSAGE,
    AnimationWriter,
    export_animation,
    format_caption,
    grab_views,
    mp4_available,
    training_frame_source,
)
from gui.export.data import (
    export_history_csv,
    export_points_csv,
    export_weights_csv,
)
from gui.export.figures import (
    ExportCancelled,
    ExportError,
    copy_to_clipboard,
    export_pdf,
    export_png,
    export_svg,
    native_size,
    render_image,
    svg_text,
    window_snapshot,
)
from tests.gui.shown_views import show

HEATMAP = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 1.0, 0.0], [0.25, 0.5, 0.75, 1.0]],
                   dtype=np.float32)
CURVE_X = np.linspace(-6, 6, 100)


def _show(qtbot, widget, width=640, height=480):
    show(qtbot, widget, (width, height))
    QtWidgets.QApplication.processEvents()
    return widget


@pytest.fixture
def plot(qtbot):
    """A PlotWidget with a heatmap (row-major float32, explicit levels), a red curve and a title."""
    widget = pg.PlotWidget(background="w")
    widget.setTitle("Decision boundary", color="k")
    heatmap = pg.ImageItem(axisOrder="row-major")
    heatmap.setImage(np.ascontiguousarray(HEATMAP), levels=(0.0, 1.0))
    heatmap.setRect(QtCore.QRectF(-6, -6, 12, 12))
    widget.addItem(heatmap)
    widget.plot(CURVE_X, 5 * np.sin(CURVE_X), pen=pg.mkPen("#ff0000", width=2))
    for side, label in (("bottom", "x1"), ("left", "x2")):
        widget.setLabel(side, label, color="k")
        widget.getAxis(side).setTextPen("k")
    widget.heatmap = heatmap
    return _show(qtbot, widget)


@pytest.fixture
def plain_widget(qtbot):
    widget = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(widget)
    layout.addWidget(QtWidgets.QLabel("Inspector: z = W a + b"))
    layout.addWidget(QtWidgets.QPushButton("Step"))
    return _show(qtbot, widget, 300, 120)


def _ink_centroid(image: QtGui.QImage, top: float, bottom: float) -> tuple[float, float]:
    """Centroid (x, y as fractions of the image) of dark pixels inside a horizontal band."""
    pixels = animation_export.rgb_array(image).astype(float).mean(axis=2)
    rows = slice(int(top * image.height()), int(bottom * image.height()))
    ys, xs = np.nonzero(pixels[rows] < 100)
    assert xs.size > 0, "no text found in the band"
    return xs.mean() / image.width(), (ys.mean() + rows.start) / image.height()


# ----------------------------------------------------------------------------- PNG

@pytest.mark.parametrize("width", [1234, 400, 1601])
def test_png_export_is_exactly_the_requested_width(plot, tmp_path, width):
    path = tmp_path / "boundary.png"
    export_png(plot, path, width)
    image = QtGui.QImage(str(path))
    w0, h0 = native_size(plot)
    assert image.width() == width
    assert image.height() == round(width * h0 / w0)


@pytest.mark.parametrize("kind", ["plot_item", "layout", "plain", "graphics_view"])
def test_png_width_is_exact_for_every_kind_of_view(qtbot, plot, plain_widget, tmp_path, kind):
    if kind == "plot_item":
        target = plot.plotItem
    elif kind == "layout":
        target = _show(qtbot, pg.GraphicsLayoutWidget(), 500, 260)
        target.addPlot(title="W1").addItem(pg.ImageItem(HEATMAP, axisOrder="row-major",
                                                        levels=(0, 1)))
        target.addPlot(title="loss").plot([1, 2, 3], [3, 1, 2])
        QtWidgets.QApplication.processEvents()
    elif kind == "plain":
        target = plain_widget
    else:
        scene = QtWidgets.QGraphicsScene()
        scene.addEllipse(0, 0, 80, 40)
        target = _show(qtbot, QtWidgets.QGraphicsView(scene), 200, 150)
        target.keep_scene = scene
    export_png(target, tmp_path / "view.png", 1234)
    assert QtGui.QImage(str(tmp_path / "view.png")).width() == 1234


def test_png_width_is_restored_when_the_exporter_rounds_it(plot, tmp_path, monkeypatch):
    original = pg.exporters.ImageExporter.export

    def one_pixel_short(self, *args, **kwargs):
        image = original(self, *args, **kwargs)
        return image.copy(0, 0, image.width() - 1, image.height() - 1)

    monkeypatch.setattr(pg.exporters.ImageExporter, "export", one_pixel_short)
    export_png(plot, tmp_path / "rounded.png", 1234)
    assert QtGui.QImage(str(tmp_path / "rounded.png")).width() == 1234


def test_png_labels_keep_their_place_when_the_width_changes(plot):
    small, large = render_image(plot, 400), render_image(plot, 1600)
    for band in [(0.0, 0.06), (0.93, 1.0)]:  # the title and the x-axis label
        (xs, ys), (xl, yl) = _ink_centroid(small, *band), _ink_centroid(large, *band)
        assert abs(xs - xl) < 0.01 and abs(ys - yl) < 0.01


def test_png_legend_scales_with_the_rest_of_the_plot(qtbot):
    widget = _show(qtbot, pg.PlotWidget(background="w"), 500, 300)
    widget.plotItem.addLegend(offset=(60, 10), labelTextColor="k")
    widget.plot([0, 1, 2], [0, 0.1, 0.2], pen=pg.mkPen("#00aa00"), name="train loss")
    widget.setYRange(0, 1, padding=0)
    QtWidgets.QApplication.processEvents()
    spans = []
    for width in (400, 1600):
        gray = animation_export.rgb_array(render_image(widget, width)).mean(axis=2)
        band = gray[: gray.shape[0] // 4, gray.shape[1] // 10:]  # the legend, right of the axis
        columns = np.nonzero((band < 100).any(axis=0))[0]
        spans.append((columns.max() - columns.min()) / width)
    assert spans[1] == pytest.approx(spans[0], rel=0.15)


def test_render_rejects_an_absurd_width(plot):
    with pytest.raises(ExportError, match="Width must be between"):
        render_image(plot, 3)


# ----------------------------------------------------------------------------- SVG

def test_svg_has_curve_path_heatmap_image_and_size(plot, tmp_path):
    path = tmp_path / "boundary.svg"
    export_svg(plot, path, 1234)
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # well-formed XML
    assert root.get("width") == "1234" and float(root.get("height")) > 0
    assert root.get("viewBox") is not None and len(root.get("viewBox").split()) == 4
    assert "<path" in text
    # the 100-point curve is one path, not 99 two-point segments
    assert max(d.count("L") for d in re.findall(r'\sd="([^"]*)"', text)) >= 90
    images = re.findall(r"<image\b[^>]*>", text)
    assert len(images) == 1 and "image-rendering" in images[0]
    assert QSvgRenderer(str(path)).isValid()


def test_svg_heatmap_stays_crisp_in_a_smoothing_renderer(plot):
    plot.heatmap.setImage(np.array([[0.0, 1.0]], dtype=np.float32), levels=(0.0, 1.0))
    plot.plotItem.listDataItems()[0].hide()
    QtWidgets.QApplication.processEvents()
    renderer = QSvgRenderer(QtCore.QByteArray(svg_text(plot, 800).encode()))
    image = QtGui.QImage(renderer.defaultSize(), QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(image)
    renderer.render(painter)
    painter.end()
    gray = animation_export.rgb_array(image).astype(int)
    width = image.width()
    row = gray[image.height() // 3, width // 4: 3 * width // 4, 1]  # inside the heatmap
    assert row.min() < 40 and row.max() > 215  # both cells are on the row
    in_between = np.count_nonzero((row > 40) & (row < 215))
    assert in_between <= 4, f"{in_between} blurred pixels between the two cells"


def test_svg_of_a_plain_widget_has_size_and_view_box(plain_widget, tmp_path):
    export_svg(plain_widget, tmp_path / "panel.svg", 600)
    root = ET.fromstring((tmp_path / "panel.svg").read_text(encoding="utf-8"))
    assert root.get("width") == "600" and root.get("height") == "240"
    assert root.get("viewBox") == "0 0 300 120"


# ----------------------------------------------------------------------------- PDF

@pytest.mark.parametrize("which", ["plot", "plain_widget"])
def test_pdf_is_one_page_with_the_view_aspect(request, tmp_path, which):
    target = request.getfixturevalue(which)
    path = tmp_path / "view.pdf"
    export_pdf(target, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", data).group(1).split()]
    w0, h0 = native_size(target)
    assert box[2] == pytest.approx(w0 * 0.75, abs=1)
    assert box[2] / box[3] == pytest.approx(w0 / h0, rel=0.01)


# ----------------------------------------------------------------------------- clipboard, window

def test_copy_to_clipboard_puts_the_view_image_on_the_clipboard(plot):
    QtWidgets.QApplication.clipboard().clear()
    copy_to_clipboard(plot)
    image = QtWidgets.QApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == tuple(round(v) for v in native_size(plot))


def test_window_snapshot_writes_the_whole_window(qtbot, plot, tmp_path):
    window = QtWidgets.QMainWindow()
    window.setCentralWidget(QtWidgets.QLabel("central"))
    window.statusBar().showMessage("ready")
    _show(qtbot, window, 500, 300)
    window_snapshot(window, tmp_path / "window.png")
    image = QtGui.QImage(str(tmp_path / "window.png"))
    assert (image.width(), image.height()) == (500, 300)
    window_snapshot(window, tmp_path / "window_small.png", width=250)
    assert QtGui.QImage(str(tmp_path / "window_small.png")).width() == 250


# ----------------------------------------------------------------------------- errors

def _export_png(target, path):
    export_png(target, path, 500)


def _export_gif(target, path):
    export_animation([target] * 2, path, fps=5)


@pytest.mark.parametrize("export", [_export_png, export_svg, export_pdf, _export_gif])
@pytest.mark.parametrize("where", ["missing_folder", "parent_is_a_file"])
def test_unwritable_path_raises_export_error(plot, tmp_path, export, where):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    folder = tmp_path / "missing" if where == "missing_folder" else blocker
    ext = {"_export_png": ".png", "export_svg": ".svg", "export_pdf": ".pdf",
           "_export_gif": ".gif"}[export.__name__]
    with pytest.raises(ExportError, match="Cannot write"):
        export(plot, folder / f"out{ext}")
    assert sorted(os.listdir(tmp_path)) == ["file.txt"]


def test_failed_export_keeps_the_old_file(plot, tmp_path, monkeypatch):
    path = tmp_path / "figure.png"
    path.write_bytes(b"old")
    monkeypatch.setattr(QtGui.QImage, "save", lambda self, *args: False)
    with pytest.raises(ExportError, match="could not encode"):
        export_png(plot, path, 300)
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["figure.png"]


# ----------------------------------------------------------------------------- animation

def _moving_curve_source(plot, calls):
    curve = plot.plotItem.listDataItems()[0]
    step = {"n": 0}

    def advance(steps):
        calls.append(steps)
        step["n"] += steps
        curve.setData(CURVE_X, 5 * np.sin(CURVE_X + 0.2 * step["n"]))

    caption = lambda: format_caption(dataset="circle", architecture=(2, 8, 1),  # noqa: E731
                                     learning_rate=0.03, step=step["n"])
    return training_frame_source(advance, [plot], steps_per_frame=3, caption=caption, height=200)


def test_gif_of_ten_frames_has_ten_frames(plot, tmp_path):
    calls = []
    path = tmp_path / "training.gif"
    written = export_animation(_moving_curve_source(plot, calls), path, fps=10, frame_count=10)
    frames = iio.imread(path, index=None)
    assert written == 10 and frames.shape[0] == 10
    assert calls == [3] * 9  # frame 0 shows the starting state
    assert frames.shape[1] > 200 and frames.shape[1] % 2 == 0 and frames.shape[2] % 2 == 0


def test_cancel_stops_early_and_leaves_no_file(plot, tmp_path):
    calls = []
    path = tmp_path / "training.gif"
    with pytest.raises(ExportCancelled):
        export_animation(_moving_curve_source(plot, calls), path, fps=10, frame_count=10,
                         progress=lambda done, total: done < 3)
    assert len(calls) == 2  # frames 0, 1, 2 were grabbed, then the user cancelled
    assert os.listdir(tmp_path) == []


def test_caption_strip_holds_the_settings_text(tmp_path):
    picture = np.full((60, 200, 3), 255, dtype=np.uint8)
    path = tmp_path / "captioned.gif"
    export_animation([picture, picture], path, fps=5, caption="circle  ·  η = 0.03  ·  step 7")
    frames = iio.imread(path, index=None)
    assert frames.shape[1] > 60  # a strip was added below the 60-px picture
    strip = frames[0, 60:].mean(axis=2)
    assert np.count_nonzero(strip < 100) > 20  # dark text pixels in the strip
    assert np.all(frames[0, :55] > 200)  # the picture itself is untouched


def test_format_caption_lists_every_setting():
    text = format_caption(dataset="spiral", architecture=(2, 8, 8, 3), activation="relu",
                          learning_rate=0.01, optimizer="adam", batch_size=0, l1=0.0, l2=1e-3,
                          dropout=0.0, step=250)
    for part in ("spiral", "2-8-8-3", "relu", "η = 0.01", "adam", "full batch", "L2 0.001",
                 "step 250"):
        assert part in text
    assert "no regularization" in format_caption(l1=0.0, l2=0.0)


def test_mp4_without_imageio_ffmpeg_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setattr(animation_export, "mp4_available", lambda: False)
    with pytest.raises(ExportError) as error:
        AnimationWriter(tmp_path / "run.mp4", fps=10)
    assert str(error.value) == MP4_MISSING_MESSAGE
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not mp4_available(), reason="imageio-ffmpeg is not installed")
def test_mp4_has_the_frames_written(plot, tmp_path):
    import imageio.v2 as iio2

    path = tmp_path / "training.mp4"
    export_animation(_moving_curve_source(plot, []), path, fps=10, frame_count=6)
    with iio2.get_reader(path) as reader:
        assert reader.count_frames() == 6


def test_unknown_animation_format_is_refused(tmp_path):
    with pytest.raises(ExportError, match=".gif or .mp4"):
        AnimationWriter(tmp_path / "run.avi")


def test_grab_views_puts_views_side_by_side_at_their_own_size(plot, plain_widget):
    """Views are never rescaled (a rescaled view would rescale its text): each keeps its size
    on screen, vertically centred in a row of the requested height."""
    (w0, h0), (w1, h1) = native_size(plot), native_size(plain_widget)
    height = round(max(h0, h1)) + 40
    image = grab_views([plot, plain_widget], height=height, spacing=10)
    assert image.height() == height
    assert image.width() == round(w0) + round(w1) + 10
    own = render_image(plain_widget)
    top = (height - own.height()) // 2
    placed = image.copy(round(w0) + 10, top, own.width(), own.height())
    assert placed.convertToFormat(own.format()) == own  # pixel for pixel, not resampled
    assert grab_views([plot, plain_widget]).height() == round(max(h0, h1))


# ----------------------------------------------------------------------------- data

def test_points_csv_round_trips_exactly(tmp_path):
    rng = np.random.default_rng(3)
    X = rng.normal(size=(7, 2)) / 3.0
    y = np.array([0, 1, 2, 1, 0, 2, 1])
    train = np.array([True, False, True, True, False, True, True])
    path = tmp_path / "points.csv"
    export_points_csv(path, X, y, train, ["bill length", "x2"], "species")
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["bill length", "x2", "species", "split"]
    back = np.array([[float(v) for v in row[:2]] for row in rows[1:]])
    assert np.array_equal(back, X)
    assert [int(row[2]) for row in rows[1:]] == y.tolist()
    assert [row[3] == "train" for row in rows[1:]] == train.tolist()


def test_points_csv_rejects_mismatched_shapes(tmp_path):
    with pytest.raises(ValueError, match="Points need"):
        export_points_csv(tmp_path / "p.csv", np.zeros((3, 2)), np.zeros(4), None, None, "y")


def test_history_csv_round_trips_with_nan_accuracy(tmp_path):
    history = {"train_loss": np.array([0.7, 0.5, 0.25]), "step": np.array([0, 1, 2]),
               "train_accuracy": np.array([np.nan, np.nan, np.nan])}
    path = tmp_path / "history.csv"
    export_history_csv(path, history)
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["step", "train_loss", "train_accuracy"]
    assert [int(r["step"]) for r in rows] == [0, 1, 2]
    assert [float(r["train_loss"]) for r in rows] == [0.7, 0.5, 0.25]
    assert all(np.isnan(float(r["train_accuracy"])) for r in rows)


def _network(seed=0):
    rng = np.random.default_rng(seed)
    sizes = (2, 3, 1)
    weights = [rng.normal(size=(3, 2)), rng.normal(size=(1, 3))]
    biases = [rng.normal(size=3), rng.normal(size=1)]
    return weights, biases, sizes


def test_weights_csv_lists_every_parameter(tmp_path):
    weights, biases, sizes = _network()
    export_weights_csv(tmp_path / "weights.csv", weights, biases, sizes)
    with open(tmp_path / "weights.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6 + 3 + 3 + 1
    first = rows[0]
    assert (first["layer"], first["kind"], first["i"], first["j"]) == ("input->hidden1", "W",
                                                                       "0", "0")
    assert float(first["value"]) == weights[0][0, 0]


def test_weights_with_nan_are_refused_and_the_old_file_kept(tmp_path):
    weights, biases, sizes = _network()
    path = tmp_path / "weights.csv"
    path.write_text("old", encoding="utf-8")
    weights[1][0, 2] = np.nan
    with pytest.raises(ExportError, match="NaN"):
        export_weights_csv(path, weights, biases, sizes)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["weights.csv"]


def test_weights_with_wrong_shape_are_refused(tmp_path):
    weights, biases, sizes = _network()
    weights[0] = weights[0].T
    with pytest.raises(ValueError, match="Layer 1"):
        export_weights_csv(tmp_path / "w.csv", weights, biases, sizes)


# ----------------------------------------------------------------------------- menus, dialogs

def test_context_menu_entries_replace_pyqtgraph_export(plot, tmp_path, monkeypatch):
    actions = export_actions.install_context_export(plot, "boundary")
    scene_menu = plot.scene().contextMenu
    assert [a.text() for a in actions] == ["Export PNG…", "Export SVG…", "Export PDF…",
                                           "Copy to clipboard"]
    assert all(action in scene_menu for action in actions)
    assert "Export..." not in [action.text() for action in scene_menu]
    monkeypatch.setattr(export_actions, "ask_export_path",
                        lambda parent, name, kinds: str(tmp_path / f"{name}.{kinds[0]}"))
    monkeypatch.setattr(export_actions, "ask_png_width", lambda parent: 777)
    actions[0].trigger()
    assert QtGui.QImage(str(tmp_path / "boundary.png")).width() == 777
    actions[1].trigger()
    assert (tmp_path / "boundary.svg").read_text(encoding="utf-8").count("<svg") == 1


def test_plain_widget_gets_a_widget_context_menu(plain_widget):
    actions = export_actions.install_context_export(plain_widget, "inspector")
    assert len(actions) == 4
    policy = plain_widget.contextMenuPolicy()
    assert policy == QtCore.Qt.ContextMenuPolicy.CustomContextMenu


def test_right_click_menu_leaves_an_editable_plot_area_to_the_view(plot):
    plot.plotItem.setMenuEnabled(False)  # like the data canvas, where right-click adds a point
    actions = export_actions.install_context_export(plot, "canvas")
    assert plot.contextMenuPolicy() == QtCore.Qt.ContextMenuPolicy.CustomContextMenu
    view_box = plot.plotItem.vb
    inside = plot.mapFromScene(view_box.sceneBoundingRect().center())
    below_axis = QtCore.QPoint(plot.width() // 2, plot.height() - 3)
    assert export_actions.show_widget_menu(plot, actions, inside) is None
    menu = export_actions.show_widget_menu(plot, actions, below_axis)
    assert menu is not None and [a.text() for a in menu.actions()][0] == "Export PNG…"
    menu.close()


def test_export_view_shows_errors_instead_of_raising(plot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(export_actions, "ask_export_path",
                        lambda parent, name, kinds: str(tmp_path / "missing" / "x.svg"))
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda parent, title, text: shown.append(text))
    assert export_actions.export_view(plot, "svg", "boundary") is None
    assert len(shown) == 1 and "does not exist" in shown[0]


def test_animation_dialog_reports_the_chosen_settings(qtbot):
    dialog = export_actions.AnimationSettingsDialog(["canvas", "loss"], selected=["loss"])
    qtbot.addWidget(dialog)
    dialog.frame_count.setValue(12)
    settings = dialog.settings()
    assert settings["views"] == ["loss"] and settings["frame_count"] == 12
    assert settings["format"] == "gif"


def test_animation_with_progress_dialog_writes_or_cancels(plot, tmp_path, monkeypatch):
    path = str(tmp_path / "run.gif")
    assert export_actions.export_animation_with_dialog(
        None, _moving_curve_source(plot, []), path, fps=10, frame_count=3) == path
    assert iio.imread(path, index=None).shape[0] == 3
    monkeypatch.setattr(QtWidgets.QProgressDialog, "wasCanceled", lambda self: True)
    cancelled = str(tmp_path / "cancelled.gif")
    assert export_actions.export_animation_with_dialog(
        None, _moving_curve_source(plot, []), cancelled, fps=10, frame_count=3) is None
    assert sorted(os.listdir(tmp_path)) == ["run.gif"]
