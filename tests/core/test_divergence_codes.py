"""The Trainer reports a divergence as a structured record — code, step, phase, layer, value —
not as a sentence; the record round-trips through state dicts and scene files, scenes of the
older sentence-only form still load, and the headless summary says what happened (the
command line's sentence: tests/gui/test_cli.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from core import divergence as codes
from core.divergence import DIVERGENCE_CODES, PARAMETER_LIMIT, Divergence
from core.headless import run_headless
from core.network import MLP
from core.scene import open_scene, save_scene, scene_to_dict
from core.session import Session
from core.settings import DataSettings, NetworkSettings, TrainingSettings
from core.training import Trainer, TrainingDiverged


def _diverge(trainer, steps=1000) -> Divergence:
    with pytest.raises(TrainingDiverged) as error:
        for _ in range(steps):
            trainer.step()
    assert error.value.divergence is trainer.divergence
    return trainer.divergence


def test_output_overflow_on_the_full_batch_is_coded_output_nonfinite():
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", np.array([[1e10], [2e10]]), [0.0, 1.0])
    net.weights[0][:] = 1e300
    trainer.params_changed()
    info = _diverge(trainer)
    assert (info.code, info.phase, info.step, info.layer, info.value) == (
        codes.OUTPUT_NONFINITE, "forward", 1, None, None)


def test_training_loss_overflow_on_a_mini_batch_is_coded_loss_inf_with_its_value():
    net = MLP((1, 1), output_activation="linear", seed=0)
    X = np.array([[1e10], [2e10], [3e10], [4e10]])
    trainer = Trainer(net, "mse", X, [0.0, 1.0, 0.0, 1.0], batch_size=2)
    net.weights[0][:] = 1e150  # z ≈ 1e160: finite, but z² overflows
    trainer.params_changed()
    info = _diverge(trainer)
    assert (info.code, info.phase, info.value) == (codes.LOSS_INF, "forward", math.inf)
    assert info.cause == "the training loss is inf"


def test_exploding_parameters_name_their_layer_and_value():
    session = Session(DataSettings(task="regression", preset="line", n_points=30,
                                   features=("x1",), standardize=False),
                      NetworkSettings(hidden_sizes=(), init="zeros"),
                      TrainingSettings(learning_rate=1.0))
    info = _diverge(session.trainer, 2000)
    assert info.phase == "update" and info.layer == 1
    assert info.code in (codes.PARAM_LIMIT, codes.PARAM_INF)
    if info.code == codes.PARAM_LIMIT:
        assert abs(info.value) > PARAMETER_LIMIT and math.isfinite(info.value)
    assert "dead" not in info.cause  # core states what happened, not a theory about it


def test_parameter_overflow_to_inf_is_coded_param_inf():
    net = MLP((1, 1), output_activation="linear", seed=0)
    trainer = Trainer(net, "mse", np.array([[1e3], [-2e3]]), [0.0, 1.0], learning_rate=1e-3)
    trainer.step()
    trainer.set_learning_rate(1e308)
    info = _diverge(trainer)
    assert (info.code, info.layer, info.phase) == (codes.PARAM_INF, 1, "update")
    assert math.isinf(info.value)


def test_record_validates_its_fields():
    with pytest.raises(ValueError, match="unknown divergence code"):
        Divergence(3, "update", "the weights exploded")
    with pytest.raises(ValueError, match="layer"):
        Divergence(3, "update", codes.PARAM_LIMIT, layer=0)
    with pytest.raises(ValueError, match="phase"):
        Divergence(3, "sideways", codes.PARAM_LIMIT)


@pytest.mark.parametrize("code", DIVERGENCE_CODES)
def test_every_code_has_an_english_cause_and_round_trips(code):
    info = Divergence(7, "update", code, layer=2, value=-math.inf if "inf" in code else 3e10,
                      legacy_cause="old words" if code == codes.UNKNOWN else "")
    assert info.cause and "{" not in info.cause
    assert f"step 7 (update): {info.cause}" in info.message()
    assert Divergence.from_dict(info.to_dict()) == info


def test_a_scene_saved_before_codes_still_loads(tmp_path):
    """Older scenes stored {"step", "phase", "cause"} only: they load as code "unknown" with
    their sentence, and save again in the new form."""
    session = Session(DataSettings(task="regression", preset="line", n_points=30,
                                   features=("x1",), standardize=False),
                      NetworkSettings(hidden_sizes=(), init="zeros"),
                      TrainingSettings(learning_rate=1.0))
    _diverge(session.trainer, 2000)
    scene = scene_to_dict(session)
    old_cause = ("a parameter exceeded ±1e+10: the weights exploded (the loss can stay finite "
                 "once every unit is dead)")
    scene["trainer"]["divergence"] = {"step": session.trainer.divergence.step,
                                      "phase": "update", "cause": old_cause}
    path = tmp_path / "old.json"
    save_scene(path, scene)
    loaded, _ = open_scene(path)
    info = loaded.trainer.divergence
    assert (info.code, info.cause, info.step) == (codes.UNKNOWN, old_cause,
                                                 session.trainer.divergence.step)
    save_scene(tmp_path / "again.json", scene_to_dict(loaded))
    assert open_scene(tmp_path / "again.json")[0].trainer.divergence == info


def test_new_scene_round_trips_code_layer_and_an_infinite_value(tmp_path):
    session = Session()
    trainer = session.trainer
    trainer.divergence = Divergence(trainer.step_count + 1, "backward", codes.BATCH_LOSS_INF,
                                    value=math.inf)
    save_scene(tmp_path / "s.json", scene_to_dict(session))  # strict JSON: inf as a string
    assert open_scene(tmp_path / "s.json")[0].trainer.divergence == trainer.divergence


def test_headless_summary_reports_the_divergence():
    summary = run_headless(lesson="linear-regression-large-lr", export_dir=None)
    divergence = summary["divergence"]
    assert summary["diverged"] and divergence["code"] in (codes.PARAM_LIMIT, codes.PARAM_INF)
    assert divergence["layer"] == 1 and divergence["step"] == summary["steps"] + 1
    assert "dead" not in divergence["cause"]  # no hidden layer: no units to die
