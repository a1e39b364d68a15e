"""core.model_description: the trained model as plain data (the model JSON export)."""

import json

import numpy as np
import pytest

from core.activations import ACTIVATIONS, FORMULAS, OUTPUT_ACTIVATIONS
from core.datasets import FEATURE_DEFINITIONS, FEATURE_OPERATIONS, FEATURES, expand_features
from core.model_description import (
    FEATURE_OPERATION_FORMULAS,
    OUTPUT_MEANINGS,
    NonFiniteParameters,
    describe_model,
)
from core.session import Session
from core.settings import DataSettings, NetworkSettings


def test_every_activation_and_feature_operation_has_a_formula():
    assert set(FORMULAS) == set(ACTIVATIONS) | set(OUTPUT_ACTIVATIONS)
    assert set(FEATURE_OPERATION_FORMULAS) == set(FEATURE_OPERATIONS)
    assert set(OUTPUT_MEANINGS) == set(OUTPUT_ACTIVATIONS)
    assert list(FEATURES) == list(FEATURE_DEFINITIONS)


def test_features_are_computed_from_their_definitions():
    X = np.array([[0.5, -2.0], [3.0, 0.25]])
    np.testing.assert_array_equal(
        expand_features(X, list(FEATURES)),
        np.column_stack([X[:, 0], X[:, 1], X[:, 0] ** 2, X[:, 1] ** 2, X[:, 0] * X[:, 1],
                         np.sin(X[:, 0]), np.sin(X[:, 1])]))


def test_the_description_is_plain_json_of_the_session():
    session = Session(DataSettings(features=("x1", "x2", "sin(x1)")),
                      NetworkSettings(hidden_sizes=(3,), activation="gelu"))
    model = describe_model(session)
    assert json.loads(json.dumps(model, allow_nan=False)) == model
    assert [f["formula"] for f in model["features"]] == ["x[:, 0]", "x[:, 1]",
                                                         "sin(x[:, 0])  (radians)"]
    assert model["standardization"]["order"] == "after_features"
    assert model["activation_formulas"] == {"gelu": FORMULAS["gelu"],
                                            "sigmoid": FORMULAS["sigmoid"]}
    assert model["output"]["meaning"] == "probability_of_class_1"
    assert model["dropout"] == [0.0]


def test_non_finite_parameters_name_the_layer():
    session = Session(network=NetworkSettings(hidden_sizes=(3, 2)))
    session.net.biases[1][0] = np.inf
    with pytest.raises(NonFiniteParameters, match="layer 2 \\(hidden1->hidden2\\)"):
        describe_model(session)
