"""core.point_losses: each point's prediction and own loss, recomputed here by hand from the
trainer's weights (tanh hidden layers, sigmoid or softmax output, −log p of the true class)."""

import numpy as np
import pytest

from core.point_losses import point_losses
from core.selected_sample import shown_sample
from core.session import Session
from core.settings import DataSettings
from tests.point_loss_helpers import by_hand


@pytest.mark.parametrize("preset", ["circle", "spiral3"])
def test_point_losses_match_a_hand_computed_forward_pass_after_training(preset):
    session = Session(DataSettings(preset=preset, n_points=120))
    for _ in range(7):
        session.trainer.step()
    info = point_losses(session)
    probabilities, losses = by_hand(session)
    assert info.step == 7
    np.testing.assert_allclose(info.output, probabilities, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(info.loss, losses, rtol=1e-9, atol=1e-12)
    # the training points' mean is the history's train loss at this step
    assert np.mean(info.loss[session.train_indices]) == pytest.approx(
        session.trainer.history.last_row()["train_loss"], rel=1e-12)
    expected_class = (np.argmax(probabilities, axis=1) if probabilities.shape[1] > 1
                      else (probabilities[:, 0] > 0.5).astype(int))
    np.testing.assert_array_equal(info.predicted, expected_class)


def test_regression_points_have_a_predicted_value_and_no_class():
    session = Session(DataSettings(task="regression", preset="sine", n_points=60))
    info = point_losses(session)
    assert info.predicted is None and info.probability is None
    assert info.output.shape == (60, 1) and info.loss.shape == (60,)
    assert np.all(info.loss >= 0)


def test_shown_sample_is_the_selection_else_the_first_of_the_mini_batch():
    session = Session(DataSettings(preset="circle", n_points=100))
    trainer = session.trainer
    assert shown_sample(trainer, None) == 0  # before the first forward pass
    session.set_training_settings(batch_size=10)
    session.trainer.forward()
    assert shown_sample(session.trainer, None) == int(session.trainer.batch_indices[0])
    assert shown_sample(session.trainer, 5) == 5
    assert shown_sample(session.trainer, 10**6) == int(session.trainer.batch_indices[0])
