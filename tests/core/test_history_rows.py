"""History rows are whole measurements: every value of a row was measured at the row's step,
also after thinning (a small injected capacity makes the trainer thin after a few steps)."""

import numpy as np

from core.datasets import GENERATORS, train_test_split
from core.network import MLP
from core.training import Trainer

COLUMNS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy", "penalty")


def make_trainer(history_capacity: int) -> Trainer:
    ds = GENERATORS["spiral"].fn(160, 0.2, 3)
    train = train_test_split(160, 0.6, 3)
    net = MLP((2, 8, 1), "tanh", "sigmoid", seed=4)
    return Trainer(net, "bce", ds.X[train], ds.y[train], ds.X[~train], ds.y[~train],
                   learning_rate=0.3, batch_size=12, l2=0.003, seed=5,
                   history_capacity=history_capacity)


def test_thinned_rows_equal_a_full_replay_and_the_loss_recomputed_at_their_step():
    steps = 300
    thinned, replay = make_trainer(history_capacity=16), make_trainer(history_capacity=10_000)
    for _ in range(steps):
        thinned.step()
        replay.step()
    rows, full = thinned.history.arrays(), replay.history.arrays()
    assert thinned.history.stored_size <= 16 < steps  # thinned many times
    assert replay.history.stored_size == steps + 1 and np.array_equal(full["step"],
                                                                       np.arange(steps + 1))
    kept = rows["step"]
    for column in COLUMNS:  # the same step of a deterministic replay, bit for bit
        assert np.array_equal(rows[column], full[column][kept], equal_nan=True), column
    # and the engine's loss recomputed from the parameters of that step (snapshots)
    snapshot_steps, params = thinned.trajectory()
    assert np.array_equal(snapshot_steps, np.arange(steps + 1))
    probe = thinned.net.copy()
    for i, step in enumerate(kept):
        probe.set_params(params[step])
        probe_trainer = Trainer(probe, "bce", thinned.X_train, thinned.y_train)
        train_loss, train_accuracy = probe_trainer.evaluate(thinned.X_train, thinned.y_train)
        test_loss, test_accuracy = probe_trainer.evaluate(thinned.X_test, thinned.y_test)
        np.testing.assert_allclose(
            [rows[c][i] for c in COLUMNS],
            [train_loss, test_loss, train_accuracy, test_accuracy, probe.penalty(0.0, 0.003)],
            rtol=1e-12, err_msg=f"row of step {step}")
    left_out = rows["steps_left_out_before"]
    assert np.array_equal(left_out, np.diff(kept, prepend=-1) - 1)
    assert left_out.sum() == steps + 1 - len(kept) > 0


def test_gradient_norm_rows_are_thinned_whole_too():
    thinned, replay = make_trainer(history_capacity=16), make_trainer(history_capacity=10_000)
    for _ in range(200):
        thinned.step()
        replay.step()
    rows, full = thinned.grad_norm_history.arrays(), replay.grad_norm_history.arrays()
    assert len(rows["step"]) <= 16
    assert np.array_equal(rows["norms"], full["norms"][rows["step"]])
