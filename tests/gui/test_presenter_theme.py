"""Presenter mode and themes reach the network diagram, the inspector and the step tool bar:
their labels grow with the presenter scale and shrink back exactly, the step buttons stay
reachable at 2× in 1280 and 1600 px wide windows, and the dark and high-contrast themes recolour
the diagram and the inspector (and light brings them back)."""

import pytest
from PySide6 import QtGui, QtWidgets

from gui.common import themes
from tests.gui import classroom_helpers
from tests.waiting import PATIENCE_MS

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window


def luminance(colour) -> float:
    """Relative luminance (WCAG) of a QColor or '#RRGGBB', 0 = black … 1 = white."""
    c = QtGui.QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


@pytest.fixture
def drawn(classroom):
    """(window, diagram, inspector), drawn after a Forward (values under the neurons), without
    the phase animation (every neuron lit)."""
    window = classroom
    views = window.step_views
    animation_ms = views.diagram.animation_ms
    views.diagram.set_animation_ms(0)
    window.controller.forward()
    views.diagram.redraw()
    views.inspector.redraw()
    assert views.diagram.headers and views.inspector.html
    yield window, views.diagram, views.inspector
    views.diagram.set_animation_ms(animation_ms)


def label_sizes(diagram) -> tuple[float, float, float]:
    """Point sizes of a layer title, a value under a neuron and the legend."""
    return (diagram.headers[0].font().pointSizeF(), diagram.nodes[1][0].label.font().pointSizeF(),
            diagram.legend.font().pointSizeF())


def page_font_sizes(inspector) -> set[float]:
    """Point sizes of the text fragments in the inspector's document."""
    sizes = set()
    block = inspector.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            size = it.fragment().charFormat().fontPointSize()
            if size > 0:
                sizes.add(round(size, 2))
            it += 1
        block = block.next()
    return sizes


def page_text_colours(inspector) -> list[QtGui.QColor]:
    """Explicit text colours of the inspector's document."""
    colours = []
    block = inspector.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            brush = it.fragment().charFormat().foreground()
            if brush.style() != QtGui.Qt.BrushStyle.NoBrush:
                colours.append(brush.color())
            it += 1
        block = block.next()
    return colours


@pytest.mark.parametrize("scale", [1.5, 2.0])
def test_diagram_labels_grow_with_the_presenter_scale_and_come_back(drawn, scale):
    window, diagram, _ = drawn
    before = label_sizes(diagram)
    presenter = window.presenter_mode
    presenter.set_scale(scale)
    presenter.set_active(True)
    for size, base in zip(label_sizes(diagram), before, strict=True):
        assert size == pytest.approx(base * scale, rel=0.02)
    # a network of a new shape is built in presenter mode: its labels are big too
    window.controller.set_network_settings(hidden_sizes=(3,))
    diagram.redraw()
    assert len(diagram.nodes) == 3
    assert label_sizes(diagram)[:2] == pytest.approx([before[0] * scale, before[1] * scale],
                                                     rel=0.02)
    presenter.set_active(False)
    assert label_sizes(diagram) == before


def test_inspector_text_grows_at_2x_and_comes_back(drawn):
    window, _, inspector = drawn
    before = page_font_sizes(inspector)
    assert before
    presenter = window.presenter_mode
    presenter.set_scale(2.0)
    presenter.set_active(True)
    grown = page_font_sizes(inspector)
    assert grown == {round(size * 2, 2) for size in before}
    assert inspector.status.font().pointSizeF() == pytest.approx(
        2 * QtWidgets.QApplication.font().pointSizeF())
    window.controller.backward()  # a redraw in presenter mode keeps the size
    inspector.redraw()
    assert max(page_font_sizes(inspector)) == pytest.approx(2 * max(before))
    presenter.set_active(False)
    assert page_font_sizes(inspector) == before


@pytest.mark.parametrize("size", [(1600, 900), (1280, 800)])
def test_every_step_button_is_reachable_at_2x(classroom, qtbot, size):
    window = classroom
    bar = window.step_toolbar
    one_row = bar.sizeHint().width()
    presenter = window.presenter_mode
    presenter.set_scale(2.0)
    presenter.set_active(True)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=PATIENCE_MS)
    qtbot.waitUntil(lambda: bar.sizeHint().width() <= window.width(), timeout=PATIENCE_MS)
    qtbot.wait(50)  # let the tool bar lay out its buttons
    extension = bar.findChild(QtWidgets.QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()
    for action in filter(None, bar.actions_for_menu()):
        button = bar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        right = button.mapTo(window, button.rect().topRight()).x()
        assert right <= window.width(), action.text()
    for widget in (bar.speed_slider, bar.speed_label, bar.phase_label):
        assert widget.isVisible()
        assert widget.mapTo(window, widget.rect().topRight()).x() <= window.width()
    assert window.statusBar().minimumSizeHint().width() <= 1280
    presenter.set_active(False)
    assert bar.phase_label.parent() is bar and bar.speed_slider.parent() is bar
    assert not [row for row in window.findChildren(QtWidgets.QToolBar, "presenterStepRow")
                if row.isVisible()]
    assert bar.sizeHint().width() == one_row


def test_dark_theme_darkens_the_diagram_and_the_inspector_and_light_restores(drawn):
    window, diagram, inspector = drawn
    light_background = diagram.view.backgroundBrush().color().name()
    light_title = diagram.headers[0].brush().color().name()
    light_html = inspector.browser.toHtml()
    weakest = min((edge for layer in diagram.edges for edge in layer),
                  key=lambda edge: abs(edge.value))
    assert luminance(weakest.pen().color()) > 0.6  # faded towards white

    window.theme_menu.actions["dark"].trigger()
    assert luminance(diagram.view.backgroundBrush().color()) < 0.3
    for colour in (diagram.headers[0].brush().color(), diagram.nodes[1][0].label.brush().color()):
        assert luminance(colour) > 0.6
    assert luminance(diagram.nodes[1][0].pen().color()) > 0.5  # neuron frames show on dark
    assert luminance(weakest.pen().color()) < 0.3  # weak edges fade into the dark background
    assert luminance(inspector.browser.palette().color(QtGui.QPalette.ColorRole.Base)) < 0.3
    colours = page_text_colours(inspector)
    assert colours and min(luminance(c) for c in colours) > 0.25
    assert luminance(diagram.legend.palette().color(QtGui.QPalette.ColorRole.WindowText)) > 0.5

    window.theme_menu.actions["light"].trigger()
    assert diagram.view.backgroundBrush().color().name() == light_background
    assert diagram.headers[0].brush().color().name() == light_title
    assert luminance(weakest.pen().color()) > 0.6
    assert inspector.browser.toHtml() == light_html


def test_high_contrast_presenter_theme_reaches_the_diagram(drawn):
    window, diagram, inspector = drawn
    window.theme_menu.actions["dark"].trigger()
    window.presenter_mode.set_active(True)
    assert diagram.view.backgroundBrush().color().name() == "#ffffff"
    assert diagram.headers[0].brush().color().name() == "#000000"
    assert diagram.nodes[1][0].label.brush().color().name() == "#000000"
    assert luminance(inspector.browser.palette().color(QtGui.QPalette.ColorRole.Base)) > 0.9
    assert max(luminance(c) for c in page_text_colours(inspector)) < 0.2
    window.presenter_mode.set_active(False)
    assert luminance(diagram.view.backgroundBrush().color()) < 0.3  # the user's dark theme


def test_themed_html_scales_sizes_and_recolours():
    page = ('<body style="font-size:10pt"><span style="color:#8A5000; '
            'background-color:#FFE08A">1</span><pre style="font-size:9pt">x</pre></body>')
    light = {"theme": "light", "font_scale": 1.0}
    assert themes.themed_html(page, light) == page
    big = themes.themed_html(page, {"theme": "light", "font_scale": 2.0})
    assert "font-size:20pt" in big and "font-size:18pt" in big and "#8A5000" in big
    dark = themes.themed_html(page, {"theme": "dark", "font_scale": 1.0})
    text = dark.split("color:")[1][:7]
    background = dark.split("background-color:")[1][:7]
    assert luminance(text) > 0.4 and luminance(background) < 0.15
    contrast = themes.themed_html(page, {"theme": "high_contrast", "font_scale": 1.0})
    assert luminance(contrast.split("color:")[1][:7]) < luminance("#8A5000")
    assert "background-color:#FFE08A" in contrast
