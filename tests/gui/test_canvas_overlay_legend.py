"""The canvas's class legend keeps clear of the input-gradient arrow and its ∂p/∂x label
(gui.canvas.data_canvas.DataCanvas.add_overlay): in the spiral lesson at 1280×720, presenter
2×, the legend sat in the corner with the fewest points, over the label. The label takes the
presenter's font like the canvas's other labels and opens off the shaft, inside the plot."""

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from gui.app_window.layout_report import overlapping
from gui.canvas.data_canvas import DataCanvas
from gui.canvas.marks import LegendEntry
from gui.canvas.overlays import InputGradientArrow
from gui.common.legend_corner import corner_covers
from gui.common.themes import DEFAULT_THEME, apply_theme
from gui.controller import TrainingController

_CLASSES = ((230, 159, 0, 255), (0, 114, 178, 255), (0, 158, 115, 255))


def _canvas(qtbot, size) -> DataCanvas:
    canvas = DataCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(*size)
    canvas.show()
    qtbot.waitExposed(canvas)
    # points everywhere but in the bottom-right corner: the legend's first choice
    rng = np.random.default_rng(1)
    positions = rng.uniform(-6, 6, size=(600, 2))
    positions = positions[~((positions[:, 0] > 1) & (positions[:, 1] < -1))]
    colours = np.array(_CLASSES, dtype=np.uint8)[np.arange(len(positions)) % 3]
    canvas.set_points(positions, colours, np.arange(len(positions)) % 10 < 7)
    canvas.set_legend([LegendEntry("class", f"class {k}", rgba) for k, rgba in
                       enumerate(_CLASSES)]
                      + [LegendEntry("train", "filled: training point", short="training"),
                         LegendEntry("test", "hollow: test point (30% of points)",
                                     short="test (30%)")])
    return canvas


# the selected sample (the arrow's start) in and around the bottom-right corner, where the
# arrow (about 3 units long, downwards) ends inside the plot
STARTS = [(x, y) for x in (-1.0, 0.5, 2.0, 3.5) for y in (-1.5, -0.5, 0.5)]


def test_the_legend_and_the_arrow_label_never_overlap_and_the_label_stays_in_the_plot(qtbot):
    """A small canvas (the proportions of 549×501 at presenter 2×): for every start of the
    arrow the legend, the sample's label and the arrow's label are apart (the layout report's
    overlap check) and the arrow's label lies inside the plot."""
    canvas = _canvas(qtbot, (275, 250))
    session = TrainingController().session
    raw = session.points.X[session.train_indices[0]]
    arrow = InputGradientArrow(canvas)
    plot = canvas.view_box.boundingRect()
    collisions, outside, corners = [], [], set()
    for start in STARTS:
        canvas.set_selected(np.array(start), "#0")
        arrow.update(session, raw, start)
        assert arrow.label.isVisible()
        corners.add(canvas.legend.corner)
        pairs = [pair for pair in overlapping(canvas.text_rects()) if
                 any(text.startswith("∂") for text in pair)]
        if pairs:
            collisions.append((start, pairs))
        label = arrow.label.mapRectToItem(canvas.view_box, arrow.label.boundingRect())
        if not plot.adjusted(-1, -1, 1, 1).contains(label):
            outside.append((start, label))
    assert collisions == []
    assert outside == []
    assert len(corners) > 1  # it did move for the arrow
    canvas.set_selected(None)
    arrow.update(session, None)
    assert canvas.legend.corner == "bottom_right"  # back where the fewest points are


def test_the_arrow_label_opens_beyond_the_tip_in_the_arrows_direction(qtbot):
    canvas = _canvas(qtbot, (700, 640))
    session = TrainingController().session
    arrow = InputGradientArrow(canvas)
    raw = session.points.X[session.train_indices[0]]
    arrow.update(session, raw, (-2.0, 2.0))  # top-left: the legend stays bottom-right
    (x0, x1), (y0, y1) = arrow.shaft.getData()
    label = arrow.label.mapRectToScene(arrow.label.boundingRect())
    tip = arrow.head.mapToScene(QtCore.QPointF(0, 0))
    # scene y grows downwards, data y upwards
    assert (label.center().x() > tip.x()) == (x1 > x0)
    assert (label.center().y() < tip.y()) == (y1 > y0)
    assert "\n" not in arrow.label.toPlainText()  # room for the one-line form


def test_the_arrow_label_takes_the_presenters_font(qtbot):
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    canvas = DataCanvas(box)
    arrow = InputGradientArrow(canvas)
    try:
        apply_theme(box, DEFAULT_THEME, 2.0)
        assert arrow.label.textItem.font().pointSizeF() == pytest.approx(18.0)
        assert arrow.label.textItem.font() == canvas.selected_label.textItem.font()
    finally:
        apply_theme(box, DEFAULT_THEME, 1.0)
    assert arrow.label.textItem.font().pointSizeF() == pytest.approx(9.0)


def test_a_label_counts_only_where_the_legend_leaves_it_no_place():
    size, area = (100, 80), (400, 300)
    in_top_right = [300, 10, 60, 20]
    in_bottom_left = [10, 250, 60, 20]
    covers = corner_covers(size, area, np.empty((0, 2)), labels=[([in_top_right], 7.0)])
    assert covers == {"top_right": 7.0, "top_left": 0.0, "bottom_right": 0.0,
                      "bottom_left": 0.0}
    covers = corner_covers(size, area, np.empty((0, 2)),
                           labels=[([in_top_right, in_bottom_left], 7.0)])
    assert set(covers.values()) == {0.0}  # it may open elsewhere in any corner


def test_a_neuron_previews_caption_takes_the_presenters_font_and_the_free_top_corner(qtbot):
    """Hovering a neuron shows its map on the canvas with a caption "a¹[2]"; it stayed 9 pt
    at presenter 2x and sat in the top-left corner, under a legend placed there."""
    from gui.canvas.overlays import NeuronPreview
    from gui.common.legend_corner import anchor_in_corner

    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    layout = QtWidgets.QVBoxLayout(box)
    canvas = DataCanvas(box)
    layout.addWidget(canvas)
    box.resize(500, 460)
    box.show()
    qtbot.waitExposed(box)
    canvas.set_legend([LegendEntry("class", f"class {k}", rgba) for k, rgba in
                       enumerate(_CLASSES)])
    preview = NeuronPreview(canvas)
    controller = TrainingController()
    try:
        apply_theme(box, DEFAULT_THEME, 2.0)
        assert preview.caption.textItem.font().pointSizeF() == pytest.approx(18.0)
        for corner in ("top_left", "top_right"):
            canvas.legend.corner = corner
            anchor_in_corner(canvas.legend.item, corner)
            preview.show_neuron(controller.session, 1, 2)
            QtWidgets.QApplication.processEvents()
            texts = dict(canvas.text_rects())
            caption = next(rect for text, rect in texts.items() if text.startswith("a¹[2]"))
            legend = next(rect for text, rect in texts.items() if text == "class 0")
            assert not caption.intersects(legend), (corner, caption, legend)
    finally:
        apply_theme(box, DEFAULT_THEME, 1.0)
        controller.shutdown()
