"""Window layout fixes: fits a 1000 px screen with every dock open, canvas range follows
imported data, readable surface legend, non-overlapping diagram titles, a steady Play button,
and the accuracy row of the loss-curve legend."""

import numpy as np
from PySide6 import QtGui, QtWidgets

from core.data_types import Dataset
from gui.diagram.items import header_widths
from tests.waiting import PATIENCE_MS


def _open_every_dock(window, qtbot) -> None:
    """Open every dock the View menu can open (Lesson notes only exists during a lesson: its
    menu entry is greyed out without one)."""
    docks = [dock for dock in window.findChildren(QtWidgets.QDockWidget)
             if dock.toggleViewAction().isEnabled()]
    assert len(docks) >= len(window.findChildren(QtWidgets.QDockWidget)) - 1
    for dock in docks:
        if not dock.isVisible():
            dock.toggleViewAction().trigger()
    qtbot.wait(20)
    assert all(dock.isVisible() for dock in docks)


def test_window_minimum_height_fits_a_small_screen_with_every_dock_open(window, qtbot):
    _open_every_dock(window, qtbot)
    assert window.minimumSizeHint().height() <= 720


def _import(window, X, y) -> None:
    dataset = Dataset(X=X, y=y, task="classification", n_classes=2,
                      feature_names=["f1", "f2"], class_names=None)
    assert window.apply_import(dataset, "small.csv")


def test_imported_small_range_data_fills_the_canvas(window):
    rng = np.random.default_rng(1)
    X = rng.uniform(0.0, 1.0, size=(60, 2))
    _import(window, X, (X[:, 0] > 0.5).astype(np.int64))
    (x0, x1), (y0, y1) = window.canvas.view_range()
    assert x0 < X[:, 0].min() and x1 > X[:, 0].max()
    assert y0 < X[:, 1].min() and y1 > X[:, 1].max()
    assert x1 - x0 < 2.0 and y1 - y0 < 2.0  # fitted with a margin, not the ±6 default


def test_generated_presets_keep_the_default_range_and_clicks_do_not_refit(window):
    rng = np.random.default_rng(2)
    X = rng.uniform(0.0, 1.0, size=(40, 2))
    _import(window, X, (X[:, 1] > 0.5).astype(np.int64))
    fitted = window.canvas.view_range()
    window.controller.add_point(np.array([0.5, 0.5]), 1)  # a drawn click inside the view
    window.flush()
    assert window.canvas.view_range() == fitted
    window.drawing.regenerate()
    window.flush()
    (x0, x1), (y0, y1) = window.canvas.view_range()
    assert (x0, x1) == (-6.25, 6.25) and (y0, y1) == (-6.25, 6.25)


def test_surface_legend_text_stays_light_when_a_theme_recolours_legends(qtbot):
    from gui.surface.surface_view import LEGEND_TEXT, SurfacePlot

    plot = SurfacePlot()
    qtbot.addWidget(plot)
    plot.legend.setLabelTextColor("#202020")  # what the light theme does to every legend
    plot.legend.addItem(plot.current_sample(), "current θ")
    _, label = plot.legend.items[0]
    colour = QtGui.QColor(label.opts["color"]) if isinstance(label.opts["color"], str) \
        else label.opts["color"]
    assert QtGui.QColor(colour).lightness() == QtGui.QColor(LEGEND_TEXT).lightness() > 200


def test_header_widths_never_let_neighbouring_titles_overlap():
    natural = [120.0, 110.0, 110.0, 100.0]
    anchors = [0.0, 60.0, 120.0, 180.0]
    widths = header_widths(natural, anchors, gap=10.0)
    extents = [(anchors[0], anchors[0] + widths[0])]
    extents += [(a - w / 2, a + w / 2) for a, w in zip(anchors[1:-1], widths[1:-1], strict=True)]
    extents.append((anchors[-1] - widths[-1], anchors[-1]))
    for (_, right), (left, _) in zip(extents, extents[1:], strict=False):
        assert right + 10.0 <= left + 1e-9
    assert header_widths([50.0, 40.0], [0.0, 500.0]) == [50.0, 40.0]  # room: untouched


def test_diagram_titles_do_not_overlap_with_16_unit_layers(window, qtbot):
    _open_every_dock(window, qtbot)
    window.controller.set_network_settings(hidden_sizes=(16, 16))
    diagram = window.step_views.diagram if hasattr(window.step_views, "diagram") else None
    if diagram is None:
        diagram = next(d.widget() for d in window.findChildren(QtWidgets.QDockWidget)
                       if d.windowTitle() == "Network diagram")
    qtbot.waitUntil(lambda: len(diagram.headers) == 4, timeout=PATIENCE_MS)
    diagram.view.resize(500, 150)
    diagram.view.fit()
    rects = [diagram.view.mapFromScene(h.pos()).x() + h.transform().dx()
             for h in diagram.headers]
    spans = sorted((x, x + h.boundingRect().width())
                   for x, h in zip(rects, diagram.headers, strict=True))
    for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
        assert right <= left
    assert any(h.text() != h.data(0) for h in diagram.headers)  # squashed: some elided


def test_play_button_keeps_its_width_when_toggling(window):
    toolbar = window.step_toolbar
    button = toolbar.widgetForAction(toolbar.play_action)
    width = button.width()
    toolbar.show_state("ready", playing=True, diverged=False, can_rewind=False)
    assert toolbar.play_action.text() == "Pause" and button.width() == width
    metrics = button.fontMetrics()
    assert width > max(metrics.horizontalAdvance("Play"), metrics.horizontalAdvance("Pause"))
    toolbar.show_state("ready", playing=False, diverged=False, can_rewind=False)
    assert button.width() == width


def test_loss_curve_legend_lists_test_accuracy_while_it_is_shown(qtbot):
    from gui.charts.loss_curve import LossCurve

    curve = LossCurve()
    qtbot.addWidget(curve)
    legend = curve.plot_item.addLegend()
    legend.addItem(curve.train_line, "train loss")
    history = {"step": np.arange(5.0), "train_loss": np.linspace(1, 0.5, 5),
               "test_loss": np.linspace(1, 0.6, 5), "test_accuracy": np.linspace(0.5, 0.9, 5)}
    curve.set_history(history, classification=True)
    assert [label.text for _, label in legend.items] == ["train loss", "test accuracy"]
    curve.accuracy_check.setChecked(False)
    assert [label.text for _, label in legend.items] == ["train loss"]
    curve.accuracy_check.setChecked(True)
    curve.set_history(history, classification=False)
    assert [label.text for _, label in legend.items] == ["train loss"]


def _central_after(window, texts) -> set:
    """Geometries of the central widget after the status-bar read-outs (and the past-step
    label) show each of ``texts`` in turn."""
    app = QtWidgets.QApplication.instance()
    status = window.status
    seen = set()
    for text in texts:
        for label in status.labels.values():
            label.setText(text)
        status.past_label.setText(text)
        status.past_label.setVisible(bool(text))
        app.processEvents()
        seen.add(window.centralWidget().geometry().getRect())
    return seen


STATUS_TEXTS = ("", "step 1", "epoch 100000", "第 12 步", "∞ (diverged)", "训练损失 0.5",
                "step 3 of 8 (viewing the past)", "")


def test_status_bar_texts_never_relayout_the_window(window):
    """Long, short, empty and Chinese read-outs (a CJK fallback font is taller) keep the
    central widget exactly where it is: the labels have a fixed height as well as a fixed
    width (the status bar grew by a pixel, moving every view, when the text changed)."""
    assert len(_central_after(window, STATUS_TEXTS)) == 1


def test_status_bar_texts_never_relayout_the_window_in_presenter_mode(window):
    """Presenter mode scales the read-outs' fixed heights with their font: still one
    geometry, and no read-out text is cut."""
    window.presenter_mode.set_scale(2.0)
    window.presenter_mode.set_active(True)
    try:
        QtWidgets.QApplication.processEvents()
        assert len(_central_after(window, STATUS_TEXTS)) == 1
        for label in window.status.labels.values():
            label.setText("训练损失 0.5")
            assert label.height() >= label.sizeHint().height()
    finally:
        window.presenter_mode.set_active(False)
