"""The network diagram stays legible at any size and presenter font scale: no two visible texts
(titles, numbers under the neurons) overlap, none is clipped by the view or elided; numbers are
dropped first, titles get shorter; hovering still shows the numbers, with their step."""

from __future__ import annotations

import itertools

import pytest
from PySide6 import QtCore

from gui.common import themes
from gui.diagram.network_diagram import NetworkDiagram
from gui.diagram.view import hover_text
from tests.gui.shown_views import shown_diagram

SIZES = [(300, 180), (420, 240), (640, 340), (1000, 420), (1920, 600)]
SCALES = [1.0, 1.5, 2.0]
HIDDEN = [(8, 8), (4, 4, 4, 4, 4, 4), ()]


@pytest.fixture
def diagram(qtbot):
    view, controller = shown_diagram(qtbot, size=None)
    yield view, controller
    themes.apply_theme(view, "light", 1.0)  # the view look is global: back to normal


def _set_view(qtbot, view, size, scale):
    themes.apply_theme(view, "light", scale)
    view.apply_view_look()  # apply_theme restyles the window's children, not the window
    view.view.setFixedSize(*size)
    qtbot.waitUntil(lambda: view.view.size() == QtCore.QSize(*size), timeout=2000)
    view.view.diagram.relayout()
    view.redraw()


def _problems(view):
    """Overlapping pairs, texts outside the view and elided titles."""
    rects = view.text_rects()
    problems = [f"overlap {a!r} / {b!r}" for (a, ra), (b, rb) in itertools.combinations(rects, 2)
                if ra.intersects(rb)]
    viewport = QtCore.QRectF(view.view.viewport().rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    for text, rect in rects:
        pixels = view.view.viewportTransform().mapRect(rect)
        if not viewport.contains(pixels):
            problems.append(f"clipped {text!r} {pixels} in {viewport}")
        if "…" in text:
            problems.append(f"elided {text!r}")
    return problems


@pytest.mark.parametrize("hidden", HIDDEN)
def test_no_text_overlaps_or_is_clipped_at_any_size_and_scale(diagram, qtbot, hidden):
    view, controller = diagram
    controller.set_network_settings(hidden_sizes=hidden)
    controller.forward()  # the numbers under the neurons: activations
    failures = []
    for size, scale in itertools.product(SIZES, SCALES):
        _set_view(qtbot, view, size, scale)
        for phase in ("forward", "backward"):
            if phase == "backward" and controller.phase == "forward":
                controller.backward()  # δ under the neurons
                view.redraw()
            titles = [h for h in view.headers if h.isVisible()]
            problems = _problems(view)
            if problems or len(titles) < len(view.headers):
                failures.append((size, scale, phase, problems,
                                 len(view.headers) - len(titles)))
        controller.session.trainer.rewind(1) if controller.phase != "ready" else None
        controller.forward()
    assert not failures, failures[:5]


def test_numbers_show_where_there_is_room_and_are_dropped_where_not(diagram, qtbot):
    view, controller = diagram
    controller.forward()
    _set_view(qtbot, view, (1000, 600), 1.0)
    assert view.numbers_shown
    labels = [n.label for column in view.nodes for n in column]
    assert all(label.isVisible() and label.text() for label in labels)
    assert len(view.text_rects()) == len(view.headers) + len(labels)
    _set_view(qtbot, view, (300, 180), 2.0)
    assert not view.numbers_shown
    assert not any(label.isVisible() for label in labels)
    assert "hover" in view.legend.text()
    # the titles stay, shortened but whole
    assert all(h.isVisible() and "…" not in h.text() for h in view.headers)
    assert any(h.text() != h.data(0) for h in view.headers)


def test_switching_the_dropping_off_makes_texts_overlap(diagram, qtbot, monkeypatch):
    """The grid test above passes because of the dropping, not by luck of the sizes."""
    view, controller = diagram
    controller.forward()
    monkeypatch.setattr(NetworkDiagram, "_fit_numbers", lambda self: None)
    for column in view.nodes:
        for node in column:
            node.label.setVisible(True)  # as they were before any dropping
    _set_view(qtbot, view, (300, 180), 2.0)
    assert any(problem.startswith("overlap") for problem in _problems(view))


def test_hover_shows_the_numbers_with_their_step(diagram, qtbot):
    view, controller = diagram
    controller.step()
    controller.step()
    controller.forward()
    _set_view(qtbot, view, (300, 180), 2.0)
    assert not view.numbers_shown  # dropped, so hovering is the way to read them
    net = controller.trainer.net
    node = view.nodes[1][2]
    text = hover_text(view, ("node", node))
    data = view._data
    assert f"{data['values'][1][2]:.6g}" in text
    assert "forward pass of step 3" in text
    edge = view.edges[1][0]
    layer, _, i, j = edge.parameter
    text = hover_text(view, ("edge", edge))
    assert f"{net.weights[layer][i, j]:.6g}" in text and "after step 2" in text
    assert "scroll" in text.lower() and "double-click" in text.lower()

