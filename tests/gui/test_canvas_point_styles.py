"""How DataCanvas.set_points styles each point (fill, outline, symbol, drawing order), and that
redrawing the points lays out the scatter's symbols once and reuses its atlas entries (a redraw
of 10,000 points used to lay them out twice and add atlas entries on every call)."""

import numpy as np
import pyqtgraph as pg
import pytest

from core.datasets import TEST, TRAIN, VALIDATION
from gui.canvas.data_canvas import DataCanvas
from gui.canvas.marks import VALIDATION_ALPHA, VALIDATION_SYMBOL

CLASS_RGBA = np.array([[230, 159, 0, 255], [86, 180, 233, 255], [0, 158, 115, 255]], np.uint8)


@pytest.fixture
def canvas(qtbot):
    widget = DataCanvas()
    qtbot.addWidget(widget)
    widget.resize(400, 400)
    return widget


def _scene(n=60, seed=0):
    rng = np.random.default_rng(seed)
    positions = rng.uniform(-5, 5, (n, 2))
    colours = CLASS_RGBA[rng.integers(0, len(CLASS_RGBA), n)]
    split = np.array([TRAIN, VALIDATION, TEST])[rng.integers(0, 3, n)]
    return positions, colours, split


def _rgba(qt_colour):
    return qt_colour.red(), qt_colour.green(), qt_colour.blue(), qt_colour.alpha()


def _drawn(canvas):
    """Per point in set_points order: (brush rgba, pen rgba, pen width, symbol, x, y)."""
    data = canvas.points_scatter.data
    out = [None] * len(data)
    for row, index in zip(data, canvas._order, strict=True):
        out[index] = (_rgba(row["brush"].color()), _rgba(row["pen"].color()),
                      row["pen"].widthF(), str(row["symbol"]), row["x"], row["y"])
    return out


@pytest.mark.parametrize("task", ["classification", "regression"])
def test_each_point_is_styled_by_its_colour_and_split(canvas, task):
    positions, colours, split = _scene()
    canvas.task = task
    canvas.set_points(positions, colours, split)
    for (brush, pen, width, symbol, x, y), rgba, part, pos in zip(
            _drawn(canvas), colours.astype(int), split, positions, strict=True):
        assert (x, y) == tuple(pos)
        ring = tuple(rgba)
        if task == "regression":
            ring = tuple(int(0.55 * c + 0.45 * 0x40) for c in rgba[:3]) + (int(rgba[3]),)
        if part == TRAIN:
            outline = "#303030" if task == "regression" else "#FFFFFF"
            assert (brush, symbol) == (tuple(rgba), "o")
            assert pen == _rgba(pg.mkColor(outline)) and width == 1.0
        elif part == VALIDATION:
            assert (brush, symbol) == ((*rgba[:3], VALIDATION_ALPHA), VALIDATION_SYMBOL)
            assert (pen, width) == (ring, 2.2)
        else:
            assert (brush, symbol) == ((255, 255, 255, 150), "o")
            assert (pen, width) == (ring, 2.2)


def test_training_points_are_drawn_first_then_validation_then_test(canvas):
    positions, colours, split = _scene()
    canvas.set_points(positions, colours, split)
    drawn_split = split[canvas._order]
    rank = {TRAIN: 0, VALIDATION: 1, TEST: 2}
    assert list(drawn_split) == sorted(drawn_split, key=rank.get)


def test_a_bool_split_marks_training_and_test_points(canvas):
    positions, colours, _ = _scene(20)
    train = np.arange(20) % 3 != 0
    canvas.set_points(positions, colours, train)
    for (brush, _pen, width, _symbol, *_), rgba, is_train in zip(
            _drawn(canvas), colours.astype(int), train, strict=True):
        assert brush == (tuple(rgba) if is_train else (255, 255, 255, 150))
        assert width == (1.0 if is_train else 2.2)


def test_redrawing_the_same_points_adds_no_symbol_atlas_entries(canvas):
    positions, colours, split = _scene(200)
    canvas.set_points(positions, colours, split)
    entries = len(canvas.points_scatter.fragmentAtlas)
    for _ in range(3):
        canvas.set_points(positions, colours, split)
    assert len(canvas.points_scatter.fragmentAtlas) == entries


@pytest.mark.parametrize("sized_by_loss", [False, True])
def test_set_points_lays_out_the_symbols_once(canvas, monkeypatch, sized_by_loss):
    positions, colours, split = _scene(200)
    canvas.set_points(positions, colours, split)
    if sized_by_loss:
        canvas.set_size_factors(np.linspace(0.6, 2.2, len(positions)))
    layouts = []
    original = canvas.points_scatter.updateSpots
    monkeypatch.setattr(canvas.points_scatter, "updateSpots",
                        lambda *a, **k: (layouts.append(1), original(*a, **k))[1])
    expected_sizes = canvas.point_sizes()
    canvas.set_points(positions + 0.1, colours, split)
    assert len(layouts) == 1
    np.testing.assert_array_equal(canvas.point_sizes(), expected_sizes)
