"""The tiny batch-normalized network the batch-norm tests share: a (2, 5, 4, 1) MLP with batch
normalization (seed 2) learning the sign of x₁·x₂ from normal points (generator seed 3)."""

import numpy as np

from core.network import MLP
from core.settings import TrainingSettings
from core.training import Trainer


def bn_trainer(batch_size, n=20, **settings):
    """A BCE ``Trainer`` of the batch-normalized (2, 5, 4, 1) MLP on ``n`` points (n ≥ 15).

    The first 14 points train, the rest validate; learning rate 0.1, mini-batches of
    ``batch_size`` (0: the whole training set) and any other ``TrainingSettings`` field in
    ``settings``. The same arguments give the same trainer, bit for bit.
    """
    rng = np.random.default_rng(3)
    X = rng.normal(size=(n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.float64)[:, None]
    net = MLP((2, 5, 4, 1), batch_norm=True, seed=2)
    training = TrainingSettings(batch_size=batch_size, learning_rate=0.1, **settings)
    return Trainer(net, "bce", X[:14], y[:14], X[14:], y[14:], settings=training)
