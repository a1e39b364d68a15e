"""One rule turns outputs into classes: ``core.metrics.predicted_classes`` (p = 0.5 → class 0,
softmax ties → the lower class index), used by the trainer's history, ``evaluate`` and the
lesson metrics alike."""

import numpy as np

from core.metrics import accuracy, predicted_classes
from core.network import MLP
from core.training import Trainer

X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [-1.0, 3.0], [0.5, 0.5], [3.0, -2.0]])


def _zero_weights(net: MLP) -> MLP:
    net.set_params(np.zeros(net.n_params))
    return net


def _history_accuracy_of_step_zero(trainer: Trainer) -> float:
    trainer.step()  # measures the untrained network (step 0) whatever the convention
    arrays = trainer.history.arrays()
    assert arrays["step"][0] == 0
    return float(arrays["train_accuracy"][0])


def test_sigmoid_output_of_exactly_one_half_counts_as_class_zero_everywhere():
    net = _zero_weights(MLP((2, 1), output_activation="sigmoid", seed=0))
    output = net.predict(X)
    assert np.all(output == 0.5)  # sigmoid(0) is exactly 1/2
    y = np.array([0, 0, 0, 0, 1, 1])
    expected = accuracy(y, predicted_classes(output))
    assert expected == 4 / 6  # the tie goes to class 0
    trainer = Trainer(net, "bce", X, y.astype(float), learning_rate=1e-9)
    assert trainer.evaluate(X, y.astype(float))[1] == expected
    assert _history_accuracy_of_step_zero(trainer) == expected


def test_softmax_ties_go_to_the_lowest_class_index_everywhere():
    net = _zero_weights(MLP((2, 3), output_activation="softmax", seed=0))
    output = net.predict(X)
    assert np.all(output == output[0, 0])  # a three-way tie
    y = np.array([0, 1, 2, 2, 1, 0])
    expected = accuracy(y, predicted_classes(output))
    assert expected == 2 / 6
    trainer = Trainer(net, "cross_entropy", X, y, learning_rate=1e-9)
    assert trainer.evaluate(X, y)[1] == expected
    assert _history_accuracy_of_step_zero(trainer) == expected


def test_probability_targets_of_one_half_are_class_zero_like_outputs():
    net = _zero_weights(MLP((2, 1), output_activation="sigmoid", seed=0))
    targets = np.array([0.5, 0.5, 1.0, 1.0, 0.0, 0.5])  # bce accepts probabilities
    trainer = Trainer(net, "bce", X, targets, learning_rate=1e-9)
    expected = accuracy(predicted_classes(targets), predicted_classes(net.predict(X)))
    assert trainer.evaluate(X, targets)[1] == expected == 4 / 6
