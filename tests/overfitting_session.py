"""The session the early-stopping tests share: few noisy moons and a big network, so the
validation loss falls, then rises."""

from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings


def overfitting_session(patience=0, snapshot_capacity=2000):
    """A ``Session`` of 40 noisy moons (noise 0.4; half training, a quarter validation, a
    quarter test; seed 0) and a (16, 16) network trained by Adam at learning rate 0.3, with
    early stopping after ``patience`` steps (0: off) and ``snapshot_capacity`` snapshots."""
    return Session(DataSettings(preset="moons", n_points=40, noise=0.4, train_fraction=0.5,
                                validation_fraction=0.25, seed=0),
                   NetworkSettings(hidden_sizes=(16, 16), seed=0),
                   TrainingSettings(learning_rate=0.3, optimizer="adam", patience=patience),
                   snapshot_capacity=snapshot_capacity)
