"""The numbers of one neuron's batch-normalization stage, and the steps they belong to.

``batch_norm_stage(trainer, layer, unit)`` gathers, for unit ``unit`` of hidden layer ``layer``
(0-based as in ``net.bn_gamma[layer]``) of a network with ``batch_norm=True``:

* μ and σ² of the last mini-batch that went through the network in training mode
  (``ForwardPass.bn_mean`` / ``bn_var``; σ² is the biased batch variance), and the step whose
  forward pass computed them;
* γ and β (``net.bn_gamma`` / ``net.bn_beta``), as after ``trainer.step_count`` steps;
* running_mean and running_var (``net.bn_running_mean`` / ``bn_running_var``), which the forward
  pass updates: mid-step they already include that step's batch.

It only reads the engine's arrays (docs/core-api.md, "Batch normalization"). Pure NumPy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BatchNormStage:
    """One unit's batch-norm numbers (floats).

    batch_mean, batch_var: μ, σ² of the mini-batch of step ``batch_step`` (1-based, as in "step
    3"); all three None when no training-mode forward pass is kept (after a reset, rewind or
    load, before the next step's forward pass).
    params_step: γ and β are as after this many steps (``trainer.step_count``).
    running_step: running_mean and running_var include the batches of steps 1 … running_step
        (``step_count + 1`` between a step's forward pass and its update).
    """

    layer: int
    unit: int
    gamma: float
    beta: float
    running_mean: float
    running_var: float
    params_step: int
    running_step: int
    batch_mean: float | None = None
    batch_var: float | None = None
    batch_step: int | None = None


def batch_norm_stage(trainer, layer: int, unit: int) -> BatchNormStage | None:
    """The batch-norm numbers of unit ``unit`` of hidden layer ``layer`` (both 0-based), or
    None when the network has no batch norm. Raises IndexError for a layer or unit that does
    not exist (the output layer is never normalized)."""
    net = trainer.net
    if not getattr(net, "batch_norm", False):
        return None
    if not (0 <= layer < net.n_hidden and 0 <= unit < net.layer_sizes[layer + 1]):
        raise IndexError(f"hidden layer {layer}, unit {unit} is not in a network with "
                         f"layer sizes {tuple(net.layer_sizes)}")
    mid_step = trainer.phase in ("forward", "backward")
    running_step = trainer.step_count + (1 if mid_step else 0)
    batch_mean = batch_var = batch_step = None
    fp = trainer.last_forward
    if fp is not None and fp.training and layer < len(fp.bn_mean) \
            and fp.bn_mean[layer] is not None:
        batch_mean = float(fp.bn_mean[layer][unit])
        batch_var = float(fp.bn_var[layer][unit])
        batch_step = running_step
    return BatchNormStage(
        layer, unit,
        gamma=float(net.bn_gamma[layer][unit]), beta=float(net.bn_beta[layer][unit]),
        running_mean=float(net.bn_running_mean[layer][unit]),
        running_var=float(net.bn_running_var[layer][unit]),
        params_step=trainer.step_count, running_step=running_step,
        batch_mean=batch_mean, batch_var=batch_var, batch_step=batch_step)
