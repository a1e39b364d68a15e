"""Every point's prediction and its own loss at the current parameters (canvas hover, loss-sized
points). Pure NumPy on the session's arrays; nothing here changes the session or the trainer.

The loss of point i is ``core.losses.per_sample_loss`` of the network's output for it (evaluation
mode, no dropout) against its target, the same per-sample terms whose training-set mean is the
history's ``train_loss`` (``core.training.Trainer._measure``). Without regularization penalty:
L1/L2 belong to the parameters, not to a point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.losses import per_sample_loss
from core.metrics import predicted_classes


@dataclass(frozen=True)
class PointLosses:
    """Per point of ``session.points`` (n = len(points), in the points' order):

    - ``output`` (n, d_out) float64: probabilities (sigmoid: p(class 1); softmax: one column
      per class) or predicted values (regression);
    - ``loss`` (n,) float64 ≥ 0 (NaN/inf if the network diverged);
    - ``predicted`` (n,) int64 predicted class (classification) or None (regression);
    - ``probability`` (n,) float64 the predicted class's probability, or None (regression);
    - ``step``: ``trainer.step_count`` the parameters belong to.
    """

    output: np.ndarray
    loss: np.ndarray
    predicted: np.ndarray | None
    probability: np.ndarray | None
    step: int


def point_losses(session) -> PointLosses:
    """Prediction and per-sample loss of every point (training, validation and test) at the network's
    current parameters. One forward pass over all points. Empty arrays for no points."""
    points = session.points
    n = len(points)
    trainer = session.trainer
    d_out = int(session.d_out)
    if n == 0:
        empty = np.empty(0)
        classification = points.task == "classification"
        return PointLosses(np.empty((0, d_out)), empty,
                           np.empty(0, np.int64) if classification else None,
                           empty if classification else None, int(trainer.step_count))
    parts = ((session.train_indices, session.y_train),
             (session.validation_indices, session.y_validation),
             (session.test_indices, session.y_test))
    y_train = np.asarray(session.y_train)
    targets = np.empty((n, *y_train.shape[1:]),
                       dtype=np.result_type(*(np.asarray(y) for _, y in parts)))
    for indices, y in parts:
        targets[indices] = y
    with np.errstate(all="ignore"):
        fp = session.net.forward(session.transform(points.X))
        loss = per_sample_loss(session.loss, fp.pre_activations[-1], fp.output, targets)
    output = np.asarray(fp.output, dtype=np.float64).reshape(n, -1)
    if points.task != "classification":
        return PointLosses(output, np.asarray(loss, np.float64), None, None,
                           int(trainer.step_count))
    predicted = np.asarray(predicted_classes(output), dtype=np.int64)
    if output.shape[1] == 1:
        probability = np.where(predicted == 1, output[:, 0], 1.0 - output[:, 0])
    else:
        probability = output[np.arange(n), predicted]
    return PointLosses(output, np.asarray(loss, np.float64), predicted,
                       np.asarray(probability, np.float64), int(trainer.step_count))
