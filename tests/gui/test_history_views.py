"""The history as the student sees it: status bar, loss curve and history CSV agree with the
engine (one step convention, one accuracy rule, data loss and J labelled)."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from core.metrics import accuracy, predicted_classes
from core.network import MLP
from core.training import Trainer
from gui.common import colors
from gui.app_window.status_bar import TrainingStatus

X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [-1.0, 3.0], [0.5, 0.5], [3.0, -2.0]])


@pytest.fixture
def status(qtbot):
    bar = QtWidgets.QStatusBar()
    qtbot.addWidget(bar)
    return TrainingStatus(bar)


def test_status_bar_and_canvas_count_a_probability_of_one_half_as_class_zero(status):
    net = MLP((2, 1), output_activation="sigmoid", seed=0)
    net.set_params(np.zeros(net.n_params))
    y = np.array([0, 0, 0, 0, 1, 1])
    trainer = Trainer(net, "bce", X, y.astype(float), learning_rate=1e-9)
    trainer.step()
    net.set_params(np.zeros(net.n_params))  # every output exactly 0.5 again
    trainer.params_changed()
    expected = accuracy(y, predicted_classes(np.full((6, 1), 0.5)))  # 4/6: ties → class 0
    status.show_trainer(trainer, True, None)
    assert status.values["accuracy"] == f"train accuracy {expected * 100:.3g} %"  # no test set
    # the canvas's discretized decision map paints p = 0.5 in the colour of class 0
    image = colors.probability_image(np.full((1, 1, 1), 0.5), discretize=True)
    class_zero = colors.probability_image(np.zeros((1, 1, 1)), discretize=True)
    assert np.array_equal(image, class_zero)


def test_status_bar_names_the_set_of_its_accuracy(status):
    """The loss curve draws the validation accuracy; the status bar's accuracy is the test
    accuracy (the training accuracy without a test set) and says so, within its fixed width."""
    y = np.array([0, 0, 0, 1, 1, 1], dtype=float)
    net = MLP((2, 1), output_activation="sigmoid", seed=0)
    trainer = Trainer(net, "bce", X[:4], y[:4], X[4:5], y[4:5], X_validation=X[5:],
                      y_validation=y[5:], learning_rate=0.1)
    trainer.step()
    row = trainer.history.last_evaluated_row()
    status.show_trainer(trainer, True, None)
    text = status.values["accuracy"]
    assert text == f"test accuracy {row['test_accuracy'] * 100:.3g} %"
    label = status.labels["accuracy"]
    assert label.fontMetrics().horizontalAdvance(text) <= label.width()
    no_test = Trainer(MLP((2, 1), output_activation="sigmoid", seed=0), "bce", X, y,
                      learning_rate=0.1)
    no_test.step()
    status.show_trainer(no_test, True, None)
    expected = no_test.history.last_evaluated_row()["train_accuracy"]
    assert status.values["accuracy"] == f"train accuracy {expected * 100:.3g} %"
    assert label.fontMetrics().horizontalAdvance(status.values["accuracy"]) <= label.width()


def _spiral_trainer(l2: float, history_capacity: int = 20_000) -> Trainer:
    from core.datasets import GENERATORS, train_test_split

    ds = GENERATORS["spiral"].fn(120, 0.2, 1)
    train = train_test_split(120, 0.7, 1)
    net = MLP((2, 6, 1), "tanh", "sigmoid", seed=2)
    return Trainer(net, "bce", ds.X[train], ds.y[train], ds.X[~train], ds.y[~train],
                   learning_rate=0.5, batch_size=8, l2=l2, seed=3,
                   history_capacity=history_capacity)


def _csv_rows(path) -> dict[int, dict[str, str]]:
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        return {int(row["step"]): row for row in csv.DictReader(handle)}


def test_status_bar_curve_and_csv_show_the_loss_of_the_weights_after_n_updates(
        status, qtbot, tmp_path):
    from gui.export.data import export_history_csv
    from gui.charts.loss_curve import LossCurve

    trainer = _spiral_trainer(l2=0.0)
    for _ in range(5):
        trainer.step()
    # the engine's numbers for the weights after 5 updates (= the current weights)
    steps, params = trainer.trajectory()
    assert steps[-1] == 5 and np.array_equal(params[-1], trainer.net.get_params())
    train_loss, _ = trainer.evaluate(trainer.X_train, trainer.y_train)
    test_loss, test_accuracy = trainer.evaluate(trainer.X_test, trainer.y_test)

    status.show_trainer(trainer, True, None)
    shown_step, _epoch, shown_train, shown_test, _cls, shown_accuracy, _speed, _val, _set = \
        status._shown
    assert status.values["step"] == "step 5" and shown_step == 5
    assert shown_train == pytest.approx(train_loss, rel=1e-12)
    assert shown_test == pytest.approx(test_loss, rel=1e-12)
    assert shown_accuracy == pytest.approx(test_accuracy, rel=1e-12)
    assert status.values["train_loss"] == f"train loss {train_loss:.4g}"

    curve = LossCurve()
    qtbot.addWidget(curve)
    arrays = trainer.history.arrays()
    curve.set_history(arrays, classification=True)
    text, step = curve.values_at(5)
    assert step == 5 and f"train data loss {train_loss:.4g}" in text
    x, y = curve.train_line.getData()
    assert x[-1] == 5 and y[-1] == shown_train

    path = export_history_csv(tmp_path / "history.csv", arrays)
    row = _csv_rows(path)[5]
    assert float(row["train_loss"]) == shown_train and float(row["test_loss"]) == shown_test
    assert "step" in status.labels["step"].toolTip().lower()
    assert "after N updates" in status.labels["step"].toolTip()


def test_history_csv_says_which_steps_were_left_out_by_thinning(tmp_path):
    from gui.export.data import export_history_csv

    trainer = _spiral_trainer(l2=0.01, history_capacity=16)
    for _ in range(100):
        trainer.step()
    rows = _csv_rows(export_history_csv(tmp_path / "history.csv", trainer.history.arrays()))
    steps = sorted(rows)
    assert steps[-1] == 100 and len(steps) <= 16
    left_out = [int(rows[s]["steps_left_out_before"]) for s in steps]
    assert left_out == list(np.diff(steps, prepend=-1) - 1) and sum(left_out) > 0
    assert sum(left_out) + len(steps) == 101  # every step is a row or counted as left out


def test_loss_curve_shows_j_beside_the_data_loss_when_a_penalty_is_on(qtbot):
    from gui.charts.loss_curve import LossCurve

    l2 = 0.05
    trainer = _spiral_trainer(l2=l2)
    for _ in range(6):
        trainer.step()
    curve = LossCurve()
    qtbot.addWidget(curve)
    curve.resize(500, 300)
    curve.show()
    line = curve.objective_line
    assert curve.plot_item.getAxis("left").labelText == "data loss"
    curve.set_history(trainer.history.arrays(), classification=True)
    assert curve.objective_shown and line.isVisible() and curve.objective_check.isVisible()
    assert "J = train data loss + penalty" in curve.objective_check.text()
    # J from the engine at every step's weights: data loss + penalty
    steps, params = trainer.trajectory()
    probe = trainer.net.copy()
    expected = []
    for theta in params:
        probe.set_params(theta)
        data_loss = Trainer(probe, "bce", trainer.X_train, trainer.y_train).evaluate(
            trainer.X_train, trainer.y_train)[0]
        expected.append(data_loss + probe.penalty(0.0, l2))
    x, y = line.getData()
    assert np.array_equal(x, steps)
    np.testing.assert_allclose(y, expected, rtol=1e-12)
    assert np.all(y > curve.train_line.getData()[1])  # J lies above the data loss
    text, _step = curve.values_at(3)
    assert f"J {expected[3]:.4g}" in text
    # switched off and on: the same item, updated in place; the choice is remembered
    curve.objective_check.setChecked(False)
    assert not line.isVisible() and "J " not in curve.values_at(3)[0]
    trainer.set_regularization(0.0, 0.0)
    plain = _spiral_trainer(l2=0.0)
    curve.set_history(plain.history.arrays(), classification=True)
    assert not curve.objective_check.isVisible() and not line.isVisible()
    curve.set_history(trainer.history.arrays(), classification=True)
    assert not curve.objective_check.isChecked() and not line.isVisible()
    remembered = LossCurve()
    qtbot.addWidget(remembered)
    assert not remembered.objective_check.isChecked()
    curve.objective_check.setChecked(True)
    assert curve.objective_line is line and line in curve.plot_item.listDataItems()
    assert line.isVisible() and curve.objective_check.isVisible()
