"""The history as the student sees it: status bar, loss curve and history CSV agree with the
engine (one step convention, one accuracy rule, data loss and J labelled)."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from core.metrics import accuracy, predicted_classes
from core.network import MLP
from core.training import Trainer
from gui import colors
from gui.widgets.status_bar import TrainingStatus

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
    expected = accuracy(y, predicted_classes(np.full((6, 1), 0.5)))  # 4/6: ties → class 0
    status.show_trainer(trainer, True, None)
    assert status.values["accuracy"] == f"accuracy {expected * 100:.3g} %"
    # the canvas's discretized decision map paints p = 0.5 in the colour of class 0
    image = colors.probability_image(np.full((1, 1, 1), 0.5), discretize=True)
    class_zero = colors.probability_image(np.zeros((1, 1, 1)), discretize=True)
    assert np.array_equal(image, class_zero)
