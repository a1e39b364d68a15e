"""The divergence banner at projector sizes (gui.app_window.divergence_banner): its texts wrap
and take the presenter's font, it never widens the canvas's column, it takes a shorter
designed form (the whole text one click away) when the canvas leaves it little height, and it
names steps as the status bar does."""

import pytest
from PySide6 import QtWidgets

from core.divergence import Divergence
from gui.app_window import layout_report as lr
from gui.app_window.divergence_banner import (
    DivergenceBanner,
    ModelFacts,
    divergence_advice,
    lower_rate_advice,
)

#: The "η too large" lesson's divergence: linear regression (no hidden layer), η = 0.12.
DIVERGENCE = Divergence(157, "update", "param_limit", 1, 1.16e10)
FACTS = ModelFacts(0.12, clip_norm=0.0)


def _area(qtbot, width: int, height: int, scale: float):
    """The banner above a stand-in canvas (least height 240, as the data canvas's) in a box
    of ``width`` × ``height`` whose font is the presenter's at ``scale`` (as
    gui.common.themes.apply_theme sets it: a style sheet on the window)."""
    box = QtWidgets.QWidget()
    qtbot.addWidget(box)
    layout = QtWidgets.QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    banner = DivergenceBanner()
    canvas = QtWidgets.QWidget()
    canvas.setMinimumSize(260, 240)
    layout.addWidget(banner)
    layout.addWidget(canvas, 1)
    size = QtWidgets.QApplication.font().pointSizeF() * scale
    box.setStyleSheet(f"QWidget {{ font-size: {size:.1f}pt; }}")
    box.resize(width, height)
    box.show()
    banner.show_divergence(DIVERGENCE, FACTS)
    for _ in range(3):
        QtWidgets.QApplication.processEvents()
    return box, banner, canvas, size


def _seen(banner) -> str:
    return " ".join(label.text() for label in (banner.title, banner.message, banner.advice)
                    if label.isVisible())


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_in_the_lesson_column_at_presenter_size_nothing_is_cut(qtbot, scale):
    """The canvas's column of a lesson at 1280×720 (549 × 480 px): at 2× the banner cut its
    own text ("…the last finite weights were kept. • This model has no hidden") and its
    title stayed 11 pt; now every text is whole, the title has the presenter's font, the
    canvas keeps its least height and the buttons and the key advice stay visible."""
    box, banner, canvas, size = _area(qtbot, 557, 488, scale)
    assert lr.elided_widgets(box) == []
    assert banner.title.font().pointSizeF() == pytest.approx(size, abs=0.1)
    assert banner.title.font().bold()
    assert canvas.height() >= 240
    for button in (banner.lower_button, banner.rewind_button, banner.reset_button):
        assert button.isVisible() and banner.rect().contains(button.geometry())
    assert lower_rate_advice(FACTS) in _seen(banner)


def test_the_banner_does_not_widen_the_canvas_column_at_2x(qtbot):
    """Its text and a row of buttons beside it made the banner ~940 px wide at least at 2×,
    which squeezed a lesson's views to 330 px; now its texts and buttons wrap."""
    _box, banner, _canvas, _size = _area(qtbot, 557, 488, 2.0)
    assert banner.minimumSizeHint().width() <= 557 - 8


def test_with_room_every_advice_line_shows_without_a_more_button(qtbot):
    _box, banner, _canvas, _size = _area(qtbot, 1400, 950, 2.0)
    assert banner.form == "full"
    assert not banner.more_button.isVisible()
    for line in divergence_advice(DIVERGENCE, FACTS):
        assert line in banner.advice.text()


def test_in_little_room_the_whole_text_is_one_click_away(qtbot):
    box, banner, _canvas, _size = _area(qtbot, 557, 488, 2.0)
    assert banner.form != "full"
    assert banner.height() <= banner.room()
    assert banner.more_button.isVisible()
    banner.more_button.click()
    qtbot.waitUntil(lambda: banner.popup is not None and banner.popup.isVisible())
    whole = banner.popup.label.text()
    for line in divergence_advice(DIVERGENCE, FACTS):
        assert line in whole
    assert "reached 1.16e+10" in whole
    assert lr.elided_widgets(banner.popup) == []
    assert banner.more_button.toolTip() == whole
    banner.popup.hide()
    # a wider and taller area (the canvas's column outside a lesson at 1920×1080): the whole
    # text inline again
    box.resize(1400, 950)
    qtbot.waitUntil(lambda: banner.form == "full")
    assert not banner.more_button.isVisible()


def test_the_banner_names_the_failed_step_and_the_step_kept(qtbot):
    """The banner said "diverged at step 5" while the status bar said "step 4": the engine's
    step 5 failed and the weights of step 4 (after 4 updates) were kept, which the status
    bar shows. Now the banner says both."""
    _box, banner, _canvas, _size = _area(qtbot, 1400, 950, 1.0)
    assert "during step 157 (update)" in banner.title.text()
    assert "stopped at step 156" in banner.message.text()
