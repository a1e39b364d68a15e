"""Typed learning rates are taken literally, bad ones are rejected visibly, and the divergence
banner's advice follows the settings in use (pytest-qt, offscreen)."""

import pytest
from PySide6.QtCore import Qt

from core import divergence as codes
from core.divergence import DIVERGENCE_CODES, Divergence
from core.settings import TrainingSettings, fields_of
from gui.app_window.divergence_banner import DivergenceBanner, ModelFacts, divergence_advice
from gui.panels.setting_controls import ScientificControl
from tests.waiting import PATIENCE_MS
from tests.gui.keyboard import type_into


@pytest.fixture
def lr_box(window):
    window.training_panel.show()
    return window.training_panel.controls["learning_rate"].widget


def engine_rate(window):
    return window.controller.session.trainer.learning_rate


def test_typed_learning_rate_is_taken_literally(qtbot, window, lr_box):
    # one window for all cases: building one costs ~1 s
    for text, expected in [("1", 1.0), ("3", 3.0), ("0.5", 0.5), ("2e-3", 0.002), ("1", 1.0)]:
        type_into(qtbot, lr_box, text)
        assert window.controller.session.training.learning_rate == expected, text
        assert engine_rate(window) == expected, text
        assert lr_box.currentText() == f"{expected:g}"
        assert not window.training_panel.controls["learning_rate"].error_label.isVisible()


def test_bad_learning_rate_is_rejected_visibly_and_the_text_stays(qtbot, window, lr_box,
                                                                 tmp_path):
    """η = 1e9 is refused with the command line's reason, right under the field; the typed
    text stays (red) until it is corrected or Esc, and the session keeps its η."""
    label = window.training_panel.controls["learning_rate"].error_label
    for text in ["1e9", "1e-7", "0", "-1", "abc"]:
        before = window.controller.session.training.learning_rate
        type_into(qtbot, lr_box, text)
        assert window.controller.session.training.learning_rate == before, text
        assert engine_rate(window) == before, text
        assert lr_box.currentText() == text
        assert label.isVisible(), text
        assert "Learning rate must be between 1e-06 and 100" in label.text()
        assert f"Still using {before:g}" in label.text()
        assert "C0392B" in lr_box.styleSheet()
        assert "between 1e-06 and 100" in lr_box.toolTip()
        # the label sits right under the field, inside the panel's visible width
        field = lr_box.geometry()
        assert label.geometry().top() >= field.bottom()
        assert label.geometry().top() - field.bottom() < 3 * field.height()
        if text == "1e9":
            window.grab().save(f"{tmp_path}/fix_lr_error_window.png")
            window.training_panel.grab().save(f"{tmp_path}/fix_lr_error_panel.png")
            # a settings push (another change) keeps the typed text
            window.controller.set_training_settings(l2=0.001)
            assert lr_box.currentText() == "1e9" and label.isVisible()
            # Esc drops it and shows η again
            lr_box.lineEdit().setFocus()
            qtbot.keyClick(lr_box.lineEdit(), Qt.Key.Key_Escape)
            assert lr_box.currentText() == f"{before:g}" and not label.isVisible()
            assert lr_box.styleSheet() == ""
            continue
        # typing a good value afterwards clears the error and is applied
        type_into(qtbot, lr_box, "1" if before != 1.0 else "0.1")
        assert engine_rate(window) != before
        assert not label.isVisible() and lr_box.styleSheet() == ""


def test_a_huge_batch_size_becomes_the_full_batch_never_a_cut_number(qtbot, window):
    control = window.training_panel.controls["batch_size"]
    box = control.widget
    assert box.maximum() < 9999  # the training-set size
    window.controller.set_training_settings(batch_size=10)
    type_into(qtbot, box, "99999")
    assert window.controller.session.training.batch_size == 0
    assert box.text() == box.specialValueText() != ""
    assert not control.error
    type_into(qtbot, box, "25")
    assert window.controller.session.training.batch_size == 25


def test_out_of_range_numbers_in_the_data_panel_are_rejected_not_cut(qtbot, window):
    panel = window.data_panel
    panel.show()
    n_points = panel.controls["n_points"]
    before = window.controller.session.data.n_points
    type_into(qtbot, n_points.widget, "99999")
    assert window.controller.session.data.n_points == before
    assert n_points.widget.text() == "99999" and n_points.error_label.isVisible()
    assert "must be between" in n_points.error_label.text()
    noise = panel.controls["noise"]
    type_into(qtbot, noise.widget, "150")
    assert noise.widget.text().startswith("150") and "%" in noise.error_label.text()
    qtbot.keyClick(noise.widget.lineEdit(), Qt.Key.Key_Escape)
    assert not noise.error and noise.widget.text().endswith("%")
    type_into(qtbot, n_points.widget, "300")
    assert window.controller.session.data.n_points == 300
    assert not n_points.error_label.isVisible()


def test_choosing_a_preset_from_the_list_still_works(window, lr_box):
    index = lr_box.findData(0.3)
    lr_box.setCurrentIndex(index)
    lr_box.activated.emit(index)
    assert engine_rate(window) == 0.3


def test_out_of_range_epsilon_is_rejected_visibly(qtbot):
    info = next(i for i in fields_of(TrainingSettings) if i.name == "eps")
    control = ScientificControl(info)
    qtbot.addWidget(control.widget)
    values, errors = [], []
    control.changed.connect(values.append)
    control.inputRejected.connect(errors.append)
    control.widget.setText("")
    qtbot.keyClicks(control.widget, "5")
    qtbot.keyClick(control.widget, Qt.Key.Key_Return)
    assert values == [] and control.value() == 1e-8
    assert control.widget.text() == "5"  # kept for correction
    assert "between 1e-12 and 1" in errors[-1] and "Still using 1e-08" in errors[-1]
    control.widget.setText("")
    qtbot.keyClicks(control.widget, "1e-6")
    qtbot.keyClick(control.widget, Qt.Key.Key_Return)
    assert values == [1e-6] and errors[-1] == ""


EXPLODED = Divergence(12, "update", codes.PARAM_LIMIT, layer=1, value=1.4e10)


def test_banner_mentions_l2_and_not_tanh_when_tanh_and_l2_are_in_use(qtbot):
    banner = DivergenceBanner()
    qtbot.addWidget(banner)
    banner.show_divergence(Divergence(12, "backward", codes.BATCH_LOSS_INF, value=float("inf")),
                           ModelFacts(1.0, l2=10.0, clip_norm=0.0,
                                      hidden_activations=("tanh", "tanh")))
    text = banner.whole_text()
    assert text.startswith("The loss J on the batch is inf. Playback stopped")
    assert "L2" in text and "η·λ must stay below 2" in text
    assert "tanh instead" not in text and "smoother activation" not in text
    assert "η = 0.1" in text  # 1/λ = 0.1 keeps η·λ = 1 < 2; also η/10
    assert "clipping" in text and "Rewind" in text


def test_advice_follows_the_settings():
    relu = divergence_advice(EXPLODED, ModelFacts(10.0, 0.0, 0.0, ("relu",)))
    assert any("tanh instead of ReLU" in line for line in relu)
    assert not any("L2" in line for line in relu)
    assert any("η = 1 " in line for line in relu)
    clipped = divergence_advice(EXPLODED, ModelFacts(0.3, 0.0, 5.0, ("tanh",)))
    assert not any("clipping" in line for line in clipped)
    assert any("Rewind" in line for line in clipped)
    heavy_l2 = divergence_advice(EXPLODED, ModelFacts(1.0, 100.0, 0.0, ("tanh",)))
    assert any("η = 0.01" in line for line in heavy_l2)  # η/10 = 0.1 would still give η·λ = 10


@pytest.mark.parametrize("code", DIVERGENCE_CODES)
def test_a_model_without_hidden_layers_never_hears_of_dead_units(qtbot, code):
    """A perceptron / linear model has no units to die: neither the cause nor the advice may
    say so, whatever the code; a ReLU network after an explosion is told."""
    banner = DivergenceBanner()
    qtbot.addWidget(banner)
    info = Divergence(45, "update", code, layer=1, value=1.44e10,
                      legacy_cause="old" if code == codes.UNKNOWN else "")
    banner.show_divergence(info, ModelFacts(0.5, clip_norm=0.0, hidden_activations=()))
    text = (banner.title.text() + " " + banner.whole_text()).lower()
    assert "dead" not in text and "unit" not in text and "relu" not in text, text
    assert "step 45" in text and "rewind" in text
    if code == codes.PARAM_LIMIT:
        assert "no hidden layer" in text
    relu = divergence_advice(info, ModelFacts(0.5, clip_norm=0.0, hidden_activations=("relu",)))
    assert any("can die" in line for line in relu) == (code == codes.PARAM_LIMIT)


def test_diverged_window_banner_uses_the_session_settings(qtbot, window, tmp_path):
    controller = window.controller
    assert controller.set_network_settings(activation="tanh")
    assert controller.set_training_settings(learning_rate=1.0, l2=10.0)
    controller.play()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=PATIENCE_MS)
    text = window.banner.whole_text()
    assert "L2" in text and "tanh instead" not in text and "Rewind" in text
    window.grab().save(f"{tmp_path}/fix_lr_banner_window.png")


def test_more_decimals_than_a_box_keeps_are_refused_not_rounded(qtbot, window):
    """L1 = 0.000001 in a 5-decimal box was silently taken as 0 (issue 13 item 7)."""
    window.training_panel.show()
    control = window.training_panel.controls["l1"]
    type_into(qtbot, control.widget, "0.000001")
    assert window.controller.session.training.l1 == 0.0
    assert control.widget.text() == "0.000001" and control.error_label.isVisible()
    assert "at most 5 decimals" in control.error
    type_into(qtbot, control.widget, "0.00002")
    assert window.controller.session.training.l1 == 0.00002 and not control.error
