"""DataSource: where the points came from, kept as numbers in the scene file."""

import json
import re

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
        "class_names": ["cat", "dog"], "kind": "file"}
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


# ---------------------------------------------------------------------------------------------
# kind: imported ("file") or drawn by hand ("drawn"); None on a Session = generated
# ---------------------------------------------------------------------------------------------
def test_a_drawn_source_round_trips_and_keeps_the_edited_file():
    from core.data_source import DataSource

    imported = DataSource("penguins.csv", 342, None, 2, ("Adelie", "Chinstrap", "Gentoo"))
    edited = DataSource.drawn(341, imported)
    assert (edited.kind, edited.file, edited.rows, edited.dropped) == ("drawn", "penguins.csv",
                                                                        341, 0)
    assert edited.class_names == imported.class_names
    assert DataSource.from_dict(edited.to_dict()) == edited
    assert DataSource.drawn(30) == DataSource(None, 30, kind="drawn")


def test_a_source_saved_before_kinds_existed_reads_as_a_file():
    from core.data_source import DataSource

    old = {"file": "iris.csv", "rows": 30, "sampled_of": None, "dropped": 0, "class_names": []}
    assert DataSource.from_dict(old).kind == "file"


@pytest.mark.parametrize("d, message", [
    ({"rows": 3, "kind": "painted"}, "kind must be one of file, drawn, got 'painted'"),
    ({"rows": 3, "kind": "drawn", "dropped": 2}, "drawn points have no sampled_of or dropped"),
])
def test_a_bad_kind_is_refused_with_a_clear_message(d, message):
    from core.data_source import DataSource

    with pytest.raises(ValueError, match=re.escape(message)):
        DataSource.from_dict(d)


def test_hand_edits_make_the_session_source_drawn_and_regenerate_makes_it_generated():
    from core.session import Session

    session = Session()
    assert session.data_source is None  # generated from the preset
    session.points.add([0.5, 0.5], 1, True)
    session.points_edited()
    assert session.data_source.kind == "drawn" and session.data_source.rows == 501
    session.clear()
    assert session.data_source.kind == "drawn" and session.data_source.rows == 0
    session.regenerate()
    assert session.data_source is None


def test_the_training_share_can_be_all_training_with_no_test_points():
    from core.session import Session

    session = Session()
    session.set_data_settings(train_fraction=1.0, validation_fraction=0.0)
    assert session.points.train.all() and session.X_test.shape[0] == 0
    session.trainer.step()  # training works without a test set
    assert session.trainer.step_count == 1
