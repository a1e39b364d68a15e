"""Presenter mode scales the legends drawn inside plots — the canvas's class legend, the
Compare view's loss legend — with the rest of the window: their text and samples are twice
the size at presenter 2×, stay so after the view rebuilds its legend, and come back to their
own size on leaving. At 1280×720, 2×, the Train workspace's legend is not cut by its plot
(it takes its compact form) and the layout report finds nothing cut or overlapping."""

import pytest

from gui.app_window import layout_report as lr
from gui.compare.compare_view import CompareLossPlot
from gui.common.i18n import manager
from tests.gui import classroom_helpers
from tests.waiting import PATIENCE_MS

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

SMALL = (1280, 720)


def point_size(label) -> float:
    """The font size (pt) a legend row's text is drawn at (``pg.LabelItem``'s CSS size)."""
    size = label.opts["size"]
    assert size.endswith("pt"), size
    return float(size[:-2])


def text_sizes(legend) -> list[float]:
    return [point_size(label) for _sample, label in legend.items]


def sample_widths(legend) -> list[float]:
    """Drawn width (px, scene) of each row's sample."""
    return [sample.sceneBoundingRect().width() for sample, _label in legend.items]


def compare_legend(window):
    return window.findChildren(CompareLossPlot)[0].legend


def legends(window) -> dict:
    return {"canvas": window.canvas.legend.item, "compare": compare_legend(window)}


def present(window, scale=2.0) -> None:
    lr.prepare_window(window, SMALL, "train", scale)


def test_legend_text_and_samples_double_at_presenter_2x_and_come_back(classroom, qtbot):
    window = classroom
    lr.prepare_window(window, SMALL, "train", None)
    normal = {name: (text_sizes(legend), sample_widths(legend))
              for name, legend in legends(window).items()}
    assert all(texts for texts, _widths in normal.values())

    present(window)
    for name, legend in legends(window).items():
        texts, widths = normal[name]
        assert text_sizes(legend) == pytest.approx([2 * size for size in texts]), name
        assert sample_widths(legend) == pytest.approx([2 * width for width in widths]), name
    # the text is drawn bigger, not only asked for
    label = window.canvas.legend.item.items[0][1]
    assert label.item.boundingRect().height() > 1.6 * 12

    window.presenter_mode.set_active(False)
    for name, legend in legends(window).items():
        assert (text_sizes(legend), sample_widths(legend)) == normal[name], name


def test_rebuilt_legends_keep_the_presenter_size(classroom, qtbot):
    """New classes (another data set) rebuild the canvas legend's rows; a new language
    rebuilds the Compare legend's: the new rows are drawn at presenter size too, and at their
    own size after leaving."""
    window = classroom
    lr.prepare_window(window, SMALL, "train", None)
    normal_text = point_size(window.canvas.legend.item.items[0][1])
    normal_sample = sample_widths(window.canvas.legend.item)[0]
    present(window)

    canvas_legend = window.canvas.legend.item
    rows = len(canvas_legend.items) + 1
    assert window.controller.set_data_settings(preset="spiral3")  # a class row more
    qtbot.waitUntil(lambda: len(canvas_legend.items) == rows
                    and sample_widths(canvas_legend)[2] == pytest.approx(2 * normal_sample),
                    timeout=PATIENCE_MS)
    assert text_sizes(canvas_legend) == pytest.approx([2 * normal_text] * rows)

    compare = compare_legend(window)
    before = text_sizes(compare)
    first = compare.items[0][1]
    manager().set_language("zh_CN")  # the legend's rows are made anew
    qtbot.waitUntil(lambda: compare.items[0][1] is not first
                    and sample_widths(compare)[0] == pytest.approx(40.0), timeout=PATIENCE_MS)
    assert text_sizes(compare) == pytest.approx(before)

    window.presenter_mode.set_active(False)
    assert text_sizes(canvas_legend) == pytest.approx([normal_text] * rows)
    assert sample_widths(canvas_legend) == pytest.approx([normal_sample] * rows)
    assert sample_widths(compare) == pytest.approx([20.0] * 4)


def test_the_train_workspace_at_1280x720_presenter_2x_has_a_whole_2x_legend(classroom):
    """The canvas is short there: the 2× legend takes its compact form (short texts, two
    columns), inside the plot, and the layout report finds no cut text and no overlap."""
    window = classroom
    lr.prepare_window(window, SMALL, "train", None)
    normal_text = point_size(window.canvas.legend.item.items[0][1])
    present(window)
    legend = window.canvas.legend
    assert text_sizes(legend.item) == pytest.approx([2 * normal_text] * len(legend.entries))
    plot = legend.view_box.boundingRect()
    assert plot.contains(legend.rect_in_view_box())
    report = lr.layout_report(window)
    assert report["window"] == list(SMALL)
    assert report["elided"] == []
    assert report["overlaps"] == []
    assert not any(text.endswith("…") for text in legend.shown_texts())


def test_the_gradient_norms_legend_doubles_and_stays_inside_its_small_plot(classroom, qtbot):
    """Six layers' names at 2× would reach past the bottom of the small plot (its last rows
    were cut off): the legend names the layers by number, in columns, inside the plot."""
    from gui.charts.gradient_norms import GradientNorms

    window = classroom
    assert window.controller.set_network_settings(hidden_sizes=(4, 4, 4, 4, 4))
    lr.prepare_window(window, SMALL, "train", None)
    dock = window.docks["Gradient norms"]
    dock.show()
    dock.raise_()
    view = window.findChildren(GradientNorms)[0]
    legend = view.legend
    qtbot.waitUntil(lambda: len(legend.items) == 6, timeout=PATIENCE_MS)
    normal = text_sizes(legend)
    present(window)
    dock.show()
    dock.raise_()
    plot = view.plot_item.vb
    qtbot.waitUntil(lambda: view.isVisible() and plot.boundingRect().contains(
        legend.mapRectToParent(legend.boundingRect())), timeout=PATIENCE_MS)
    assert text_sizes(legend) == pytest.approx([2 * size for size in normal])
    assert all(not label.text.endswith("…") for _sample, label in legend.items)
