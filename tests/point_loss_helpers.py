"""Each point's probabilities and −log p(true class), computed by hand from the trainer's weights
(tanh hidden layers, sigmoid or softmax output), for tests of core.point_losses and the hover."""

import numpy as np


def by_hand(session):
    """(probabilities (n, K'), −log p(true class) (n,)) from the raw points and the weights."""
    X = session.points.X
    a = (X - session.standardizer.mean) / session.standardizer.std
    weights, biases = session.trainer.net.weights, session.trainer.net.biases
    for W, b in zip(weights[:-1], biases[:-1]):
        a = np.tanh(a @ W.T + b)
    z = a @ weights[-1].T + biases[-1]
    y = session.points.y.astype(int)
    if z.shape[1] == 1:
        p1 = 1.0 / (1.0 + np.exp(-z[:, 0]))
        p_true = np.where(y == 1, p1, 1.0 - p1)
        return p1[:, None], -np.log(p_true)
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    return p, -np.log(p[np.arange(len(y)), y])
