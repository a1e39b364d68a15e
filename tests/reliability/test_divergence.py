"""Divergence in the window: Play stops at the first non-finite step, the banner says at which
step and why, Rewind restores the last finite weights, and exports still work afterwards.
Also: the η·λ ≥ 2 warning of L2 weight decay is shown before the user plays."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6 import QtGui

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import TrainingDiverged
from gui.export.data import export_history_csv
from gui.export.figures import export_png
from tests.reliability.ui import play_until_stopped, responds, shown_texts, unmarked_non_finite
from tests.waiting import PATIENCE_MS

#: (data, network, training) settings that reach a non-finite loss or parameter.
DIVERGING = {
    # with bce the relu units die instead; regression (mse) overflows
    "eta 10, relu, regression": ({"task": "regression", "preset": "sine"},
                                 {"hidden_sizes": (8, 8), "activation": "relu"},
                                 {"learning_rate": 10.0}),
    "L2 10 with eta 1": ({}, {}, {"learning_rate": 1.0, "l2": 10.0}),
}


def _replay(data: dict, network: dict, training: dict) -> list[np.ndarray]:
    """An independent headless run of the same settings: the parameters after each step
    (index = step) until the first non-finite step."""
    session = Session(DataSettings(**data), NetworkSettings(**network),
                      TrainingSettings(**training))
    params = [session.trainer.net.get_params().copy()]
    for _ in range(100_000):
        try:
            session.trainer.step()
        except TrainingDiverged:
            return params
        params.append(session.trainer.net.get_params().copy())
    raise AssertionError("the replay did not diverge")


@pytest.mark.parametrize("case", list(DIVERGING))
def test_divergence_stops_play_shows_step_and_cause_and_rewind_restores(
        qtbot, window, dialogs, tmp_path, case):
    data, network, training = DIVERGING[case]
    controller = window.controller
    if data:
        assert controller.set_data_settings(**data)
    if network:
        assert controller.set_network_settings(**network)
    assert controller.set_training_settings(**training)
    play_until_stopped(controller)
    trainer = controller.trainer
    info = trainer.divergence
    assert info is not None, "Play did not stop on divergence"
    assert not controller.playing

    # stopped at the first non-finite step: every recorded step is finite, and the step is the
    # one an independent run of the same settings diverges at
    params = _replay(data, network, training)
    assert trainer.step_count == len(params) - 1
    assert info.step == trainer.step_count + 1
    history = trainer.history.arrays()
    assert trainer.history.last_step == trainer.step_count
    assert np.isfinite(history["train_loss"]).all()
    # the last finite weights are kept (bit for bit those of the independent run)
    np.testing.assert_array_equal(trainer.net.get_params(), params[-1])

    # the banner says where and why, visibly; the toolbar shows the state
    assert window.banner.isVisible()
    shown = window.banner.title.text() + " " + window.banner.whole_text()
    assert f"during step {info.step}" in shown
    assert info.cause.lower() in shown.lower()
    # the step kept is the one the status bar shows (the engine's step_count)
    assert f"stopped at step {trainer.step_count}," in window.banner.message.text()
    assert window.status.labels["step"].text() == f"step {trainer.step_count}"
    assert "diverged" in window.step_toolbar.phase_label.text()
    assert not unmarked_non_finite(window, diverged=False), "NaN/inf shown without a mark"

    # exports work while diverged
    _assert_exports(window, tmp_path / "diverged", trainer.step_count)

    # Rewind (the banner's button) restores finite weights of the step before, clears it
    qtbot.mouseClick(window.banner.rewind_button, QtGui.Qt.MouseButton.LeftButton)
    assert trainer.divergence is None
    assert trainer.step_count == len(params) - 2
    np.testing.assert_array_equal(trainer.net.get_params(), params[-2])
    assert np.isfinite(trainer.net.get_params()).all()
    assert not window.banner.isVisible()
    assert trainer.history.last_step == trainer.step_count
    _assert_exports(window, tmp_path / "rewound", trainer.step_count)
    assert responds(qtbot, window)


def _assert_exports(window, folder, steps: int) -> None:
    folder.mkdir()
    png = export_png(window.canvas, str(folder / "canvas.png"), width=640)
    image = QtGui.QImage(png)
    assert image.width() == 640
    colours = {image.pixel(x, y) for x in range(0, 640, 16) for y in range(0, image.height(), 16)}
    assert len(colours) > 5, "the exported canvas is blank"
    path = export_history_csv(str(folder / "history.csv"),
                              window.controller.trainer.history.arrays())
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) == steps + 2  # header + one row per step 0..steps
    assert [int(row[0]) for row in rows[1:]] == list(range(steps + 1))


@pytest.mark.parametrize(("learning_rate", "l2", "warned"),
                         [(1.0, 10.0, True), (0.2, 10.0, True), (0.1, 10.0, False),
                          (1.0, 1.0, False), (10.0, 0.5, True)])
def test_weight_decay_warning_is_shown_before_play(window, learning_rate, l2, warned):
    """With SGD (the default), η·λ ≥ 2 makes w ← w(1 − ηλ) grow without bound even without
    data: warned at once (other optimizers: tests/gui/test_decay_warning.py)."""
    panel = window.training_panel
    window.docks["Training"].show()
    # as a user: type the rates into the panel's controls
    rate = panel.controls["learning_rate"].widget
    rate.lineEdit().setText(f"{learning_rate:g}")
    rate.lineEdit().editingFinished.emit()
    panel.controls["l2"].widget.setValue(l2)
    assert window.controller.session.training.learning_rate == learning_rate
    assert window.controller.session.training.l2 == l2
    assert window.controller.trainer.step_count == 0  # nothing played yet
    assert panel.warning.isVisible() == warned
    if warned:
        assert "2" in panel.warning.text() and "L2" in panel.warning.text()


def test_an_optimizer_race_that_diverges_says_so_instead_of_showing_nan(qtbot, window):
    """The loss surface's optimizer race at η = 10 on regression data: SGD and momentum blow
    up; their final losses must read as diverged, not as bare NaN/inf."""
    controller, presenter = window.controller, window.loss_surface
    dock = window.docks["Loss surface"]
    dock.show()
    dock.raise_()
    assert controller.set_data_settings(task="regression", preset="sine")
    assert controller.set_training_settings(learning_rate=10.0)
    presenter.start_race(999)
    qtbot.waitUntil(lambda: presenter.race is not None, timeout=PATIENCE_MS)

    def race_texts() -> list[str]:
        return [text for text, _notice in shown_texts(window).values() if "race" in text]

    qtbot.waitUntil(lambda: bool(race_texts()), timeout=PATIENCE_MS)  # the result is shown
    losses = presenter.race.final_loss
    assert not all(np.isfinite(list(losses.values()))), "no racer diverged: nothing tested"
    shown = race_texts()
    assert not unmarked_non_finite(window, diverged=False), shown


def test_banner_advice_fits_a_model_without_hidden_layers(qtbot, window, dialogs, tmp_path):
    """The "η too large" linear-regression lesson (no hidden layer) explodes: the banner says
    which layer's parameter passed the limit and that the steps are too large — nothing about
    dead units, which this model does not have."""
    assert window.lessons_menu.load("linear-regression-large-lr")
    controller = window.controller
    assert controller.session.network.hidden_sizes == ()
    for _ in range(5_000):
        if controller.divergence is not None:
            break
        controller.step()
    info = controller.divergence
    assert info is not None and info.code in ("param_limit", "param_inf") and info.layer == 1
    assert window.banner.isVisible()
    shown = window.banner.title.text() + " " + window.banner.whole_text()
    assert "dead" not in shown.lower() and "unit" not in shown.lower(), shown
    assert info.cause.lower() in shown.lower()
    if info.code == "param_limit":
        assert "no hidden layer" in shown
    window.banner.grab().save(f"{tmp_path}/divergence_banner_no_hidden_layer.png")
