"""The sample a training step is shown for (inspector, diagram): which row of the mini-batch
holds it, and its forward pass with the parameters that step used. Pure NumPy on the trainer's
own arrays; nothing here changes the trainer.
"""

from __future__ import annotations

import numpy as np

from core.parameters import parameter_blocks


def sample_row(trainer, selected_sample):
    """(training index, row in the mini-batch or None) of the sample to show.

    Default (``selected_sample`` None or out of range): the first sample of the mini-batch."""
    batch = trainer.batch_indices
    if selected_sample is None or not 0 <= int(selected_sample) < trainer.n_train:
        return int(batch[0]), 0
    rows = np.flatnonzero(np.asarray(batch) == int(selected_sample))
    return int(selected_sample), (int(rows[0]) if rows.size else None)


def forward_arrays(trainer) -> dict[str, list[np.ndarray]]:
    """The parameters the last forward pass used (the old ones once updated), by kind: "W",
    "b" and, with batch norm, "gamma", "beta" (one array per layer, resp. per hidden layer)."""
    net = trainer.net
    if trainer.phase == "ready" and trainer.last_update is not None:
        arrays = list(trainer.last_update.old_params)
    else:
        arrays = net.parameters()
    by_kind: dict[str, list[np.ndarray]] = {"W": [], "b": [], "gamma": [], "beta": []}
    batch_norm = getattr(net, "batch_norm", False)
    for block, array in zip(parameter_blocks(net.layer_sizes, batch_norm), arrays, strict=True):
        by_kind[block.kind].append(array)
    return by_kind


def forward_parameters(trainer):
    """(weights, biases) the last forward pass used: the old parameters once updated."""
    arrays = forward_arrays(trainer)
    return arrays["W"], arrays["b"]


def sample_forward(trainer, sample: int, row):
    """(forward pass, row) holding ``sample``: the batch's own pass, or — for a sample outside the
    mini-batch — a forward pass of that sample alone with the parameters the batch used (with
    batch norm: normalized with the batch's μ and σ², as the batch's samples were)."""
    if row is not None:
        return trainer.last_forward, row
    arrays = forward_arrays(trainer)
    twin = trainer.net.copy()
    twin.weights, twin.biases = arrays["W"], arrays["b"]
    if getattr(twin, "batch_norm", False):
        fp = trainer.last_forward
        twin.bn_gamma, twin.bn_beta = arrays["gamma"], arrays["beta"]
        twin.bn_running_mean = fp.bn_mean[:twin.n_hidden]
        twin.bn_running_var = fp.bn_var[:twin.n_hidden]
    return twin.forward(trainer.X_train[sample:sample + 1]), 0


def shown_sample(trainer, selected_sample) -> int | None:
    """Training-set index of the sample every view shows (canvas ring, inspector, diagram).

    The selected sample while it is a valid training index; else the first sample of the
    current (or last) mini-batch (:func:`sample_row`'s default); before the first forward pass
    the first training point (index 0, where the first full batch starts); None without
    training points. ``selected_sample`` is the controller's choice (None = default)."""
    n_train = int(trainer.n_train)
    if n_train == 0:
        return None
    if selected_sample is not None and 0 <= int(selected_sample) < n_train:
        return int(selected_sample)
    batch = trainer.batch_indices
    if batch is None or len(batch) == 0:
        return 0
    return int(batch[0])
