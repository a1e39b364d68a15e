"""DataSource: where the points came from, kept as numbers in the scene file."""

import json

import numpy as np
import pytest

from core.data_source import DataSource
from core.data_types import Dataset
from core.scene import load_scene, open_scene, save_scene, scene_from_dict, scene_to_dict
from core.scene_validation import SceneError
from core.session import Session
from core.settings import DataSettings


def _imported(source):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 2))
    y = (X[:, 0] > 0).astype(int)
    dataset = Dataset(X, y, "classification", 2, ("a", "b"), ("cat", "dog"), 2)
    session = Session(DataSettings(preset="circle", n_points=40))
    session.load_dataset(dataset, source)
    return session


SAMPLE = DataSource("iris.csv", 30, 9000, 2, ("cat", "dog"))


def test_scene_file_round_trip_keeps_the_data_source(tmp_path):
    session = _imported(SAMPLE)
    assert session.data_source == SAMPLE
    path = tmp_path / "s.json"
    save_scene(path, scene_to_dict(session))
    assert load_scene(path)["data_source"] == {
        "file": "iris.csv", "rows": 30, "sampled_of": 9000, "dropped": 2,
        "class_names": ["cat", "dog"]}
    loaded, _views = open_scene(path)
    assert loaded.data_source == SAMPLE


def test_generated_points_have_no_source_and_regenerating_forgets_it():
    assert Session().data_source is None
    assert scene_to_dict(Session())["data_source"] is None
    session = _imported(SAMPLE)
    session.regenerate()
    assert session.data_source is None
    session = _imported(SAMPLE)
    session.set_data_settings(noise=0.3)  # regenerates the preset's points
    assert session.data_source is None


@pytest.mark.parametrize("text, expected", [
    ("iris.csv: 150 rows, 0 dropped; classes setosa, versicolor, virginica",
     DataSource("iris.csv", 150, None, 0, ("setosa", "versicolor", "virginica"))),
    ("big: data.csv: random sample of 10000 of 25000 rows, 3 dropped",
     DataSource("big: data.csv", 10000, 25000, 3, ())),
    ("", None),
    ("something else", None),
])
def test_old_sentences_are_parsed_once(text, expected):
    assert DataSource.from_legacy_text(text) == expected


def test_an_old_scene_with_the_english_sentence_loads(tmp_path):
    d = json.loads(json.dumps(scene_to_dict(_imported(SAMPLE))))
    del d["data_source"]
    d["extra"] = {"data_source": "iris.csv: random sample of 30 of 9000 rows, 2 dropped; "
                                 "classes cat, dog", "selected_sample": None}
    session, _views = scene_from_dict(d)
    assert session.data_source == SAMPLE
    d["extra"] = {"data_source": ""}
    assert scene_from_dict(d)[0].data_source is None


def test_bad_data_source_is_refused_naming_the_field():
    d = scene_to_dict(_imported(SAMPLE))
    d["data_source"] = {**d["data_source"], "rows": -1}
    with pytest.raises(SceneError, match="data_source: rows must be an integer >= 0"):
        scene_from_dict(d)
    d["data_source"] = {"rows": 3, "colour": "red"}
    with pytest.raises(SceneError, match="data_source: unknown key"):
        scene_from_dict(d)


def test_invalid_values_raise_clear_errors():
    with pytest.raises(ValueError, match="sampled_of must be"):
        DataSource("a.csv", 10, 10)
    with pytest.raises(ValueError, match="dropped must be"):
        DataSource("a.csv", 10, None, -2)
    with pytest.raises(ValueError, match="rows: missing"):
        DataSource.from_dict({"file": "a.csv"})
    assert DataSource.from_dict(SAMPLE.to_dict()) == SAMPLE
