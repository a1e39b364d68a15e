"""The loss curve with batch-only rows: the faint mini-batch loss line on every step, the
full-set losses joined over evaluated rows with dots, items reused (gui.charts.loss_curve)."""

import numpy as np
import pytest

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from gui.charts.loss_curve import LossCurve


def _session(evaluation, batch_size=8):
    return Session(DataSettings(preset="moons", n_points=60, noise=0.3, validation_fraction=0.2,
                                seed=0),
                   NetworkSettings(hidden_sizes=(4,)),
                   TrainingSettings(batch_size=batch_size, learning_rate=0.1),
                   evaluation=evaluation)


@pytest.fixture
def curve(qtbot):
    widget = LossCurve()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    return widget


def test_evaluated_rows_are_joined_with_dots_and_the_batch_loss_is_on_every_step(curve):
    session = _session("cadence")
    trainer = session.trainer
    for _ in range(20):
        trainer.step()
    trainer.evaluate_now()
    arrays = trainer.history.arrays()
    curve.set_history(arrays, True)
    evaluated = arrays["evaluated"] == 1.0
    assert 2 <= evaluated.sum() < evaluated.size
    x, y = curve.train_line.getData()
    assert np.array_equal(x, arrays["step"][evaluated])
    assert np.array_equal(y, arrays["train_loss"][evaluated])
    assert np.array_equal(curve.test_line.getData()[0], arrays["step"][evaluated])
    assert curve.train_line.opts["symbol"] == "o"
    bx, by = curve.batch_line.getData()
    assert np.array_equal(bx, arrays["step"] - 1)  # the parameters the batch loss was measured at
    assert np.array_equal(by, arrays["batch_loss"], equal_nan=True)
    assert "mini-batch" in curve.key_label.text().replace("\u2060", "")  # the key row's name


def test_full_batch_batch_loss_lies_on_the_training_loss_and_no_dots(curve):
    session = _session("every_step", batch_size=0)
    trainer = session.trainer
    for _ in range(6):
        trainer.step()
    arrays = trainer.history.arrays()
    curve.set_history(arrays, True)
    assert curve.train_line.opts["symbol"] is None  # every row is evaluated
    bx, by = curve.batch_line.getData()
    tx, ty = curve.train_line.getData()
    # update t's batch loss at step t − 1 is the full training loss of step t − 1
    assert np.allclose(by[1:], ty[:-1], rtol=1e-12, atol=0)
    assert np.array_equal(bx[1:], tx[:-1])


def test_plot_items_are_reused_across_updates_and_modes(curve):
    items_before = list(curve.plot_item.items)
    lines = (curve.batch_line, curve.train_line, curve.test_line, curve.validation_line)
    for evaluation in ("cadence", "every_step", "cadence"):
        session = _session(evaluation)
        for _ in range(10):
            session.trainer.step()
            curve.set_history(session.trainer.history.arrays(), True)
    assert list(curve.plot_item.items) == items_before
    assert (curve.batch_line, curve.train_line, curve.test_line,
            curve.validation_line) == lines


def test_an_old_history_without_batch_loss_has_no_batch_key(curve):
    arrays = {"step": np.arange(3), "train_loss": np.array([1.0, 0.5, 0.25]),
              "test_loss": np.array([1.0, 0.6, 0.3]), "train_accuracy": np.full(3, 0.5),
              "test_accuracy": np.full(3, 0.5)}
    curve.set_history(arrays, True)
    assert curve.batch_line.getData()[0] is None or curve.batch_line.getData()[0].size == 0
    assert "mini-batch" not in curve.key_label.text()
    assert np.array_equal(curve.train_line.getData()[0], arrays["step"])
