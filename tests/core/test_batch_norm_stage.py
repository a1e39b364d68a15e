"""core.batch_norm_stage: one neuron's μ, σ², γ, β and running statistics with the steps they
belong to, read from the engine's arrays."""

import numpy as np
import pytest

from core.batch_norm_stage import batch_norm_stage
from core.network import MLP
from core.training import Trainer
from tests.batch_norm_net import bn_trainer


def test_mid_step_the_stage_shows_this_steps_batch_and_updated_running_statistics():
    trainer = bn_trainer(4)
    trainer.step()
    trainer.step()
    before = trainer.net.bn_running_mean[1].copy()
    fp = trainer.forward()
    stage = batch_norm_stage(trainer, 1, 2)
    assert stage.batch_mean == fp.bn_mean[1][2] and stage.batch_var == fp.bn_var[1][2]
    assert stage.batch_step == 3 and stage.running_step == 3 and stage.params_step == 2
    assert stage.running_mean == trainer.net.bn_running_mean[1][2] != before[2]
    assert stage.running_var == trainer.net.bn_running_var[1][2]
    assert stage.gamma == trainer.net.bn_gamma[1][2] and stage.beta == trainer.net.bn_beta[1][2]


def test_after_a_step_the_batch_belongs_to_that_step():
    trainer = bn_trainer(4)
    trainer.step()
    fp = trainer.last_forward
    stage = batch_norm_stage(trainer, 0, 4)
    assert (stage.batch_step, stage.running_step, stage.params_step) == (1, 1, 1)
    assert stage.batch_mean == fp.bn_mean[0][4]
    assert stage.gamma == trainer.net.bn_gamma[0][4]


def test_after_a_rewind_there_is_no_batch_and_running_statistics_are_restored():
    trainer = bn_trainer(4)
    trainer.step()
    trainer.step()
    trainer.rewind(1)
    stage = batch_norm_stage(trainer, 0, 0)
    assert stage.batch_mean is None and stage.batch_var is None and stage.batch_step is None
    assert stage.running_step == 1 and stage.params_step == 1
    assert stage.running_mean == trainer.net.bn_running_mean[0][0]


def test_no_batch_norm_gives_none_and_a_wrong_address_raises():
    trainer = bn_trainer(4)
    with pytest.raises(IndexError):
        batch_norm_stage(trainer, 2, 0)  # the output layer is never normalized
    with pytest.raises(IndexError):
        batch_norm_stage(trainer, 0, 5)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(6, 2))
    plain = Trainer(MLP((2, 3, 1)), "bce", X, (X[:, :1] > 0).astype(float), X[:0], np.zeros((0, 1)))
    assert batch_norm_stage(plain, 0, 0) is None
