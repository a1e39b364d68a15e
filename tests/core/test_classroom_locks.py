"""Classroom lock lists in scene files: checked against the settings' one declaration,
round-tripped through save/load, optional (older scenes load), and an invalid lock list never
stops the scene from opening."""

from __future__ import annotations

import pytest

from core.classroom import NO_LOCKS, ClassroomLocks, locks_from_dict, setting_names
from core.scene import load_scene, save_scene, scene_from_dict, scene_to_dict
from core.scene_validation import SceneError
from core.session import Session
from core.settings import DataSettings, TrainingSettings, fields_of


def _small() -> Session:
    return Session(DataSettings(n_points=40, seed=1))


def test_setting_names_are_the_declared_settings():
    names = setting_names()
    assert "training.learning_rate" in names and "network.hidden_sizes" in names
    assert {n for n in names if n.startswith("training.")} == {
        f"training.{info.name}" for info in fields_of(TrainingSettings)}
    assert {n for n in names if n.startswith("data.")} == {
        f"data.{info.name}" for info in fields_of(DataSettings)}


def test_locks_round_trip_through_a_scene_file(tmp_path):
    locks = ClassroomLocks.of(hidden_views=["inspector", "loss_surface"],
                              hidden_controls=["network.init"],
                              fixed_settings=["training.learning_rate", "training.optimizer"],
                              presenter_hidden=["dock_loss_curve", "drawToolbar"])
    path = tmp_path / "locked.json"
    save_scene(path, scene_to_dict(_small(), classroom=locks.to_dict()))
    d = load_scene(path)
    scene_from_dict(d)  # the scene loads with its section
    assert locks_from_dict(d["classroom"]) == locks


def test_a_scene_without_the_section_has_no_locks():
    d = scene_to_dict(_small())
    assert "classroom" not in d
    scene_from_dict(d)
    assert locks_from_dict(d.get("classroom")) is NO_LOCKS
    assert NO_LOCKS.empty


def test_missing_keys_are_empty_lists():
    locks = locks_from_dict({"fixed_settings": ["training.l2"]})
    assert locks == ClassroomLocks(fixed_settings=("training.l2",))


def test_unknown_setting_names_are_all_listed():
    with pytest.raises(SceneError) as info:
        locks_from_dict({"fixed_settings": ["training.learning_rate", "training.speed",
                                            "lr"]})
    message = str(info.value)
    assert message.startswith("classroom.fixed_settings: unknown names")
    assert "'training.speed'" in message and "'lr'" in message
    assert "'training.learning_rate'" not in message.split("(allowed")[0]


def test_unknown_view_ids_are_named_when_the_caller_knows_the_views():
    d = {"hidden_views": ["inspector", "diagramm"]}
    assert locks_from_dict(d).hidden_views == ("diagramm", "inspector")  # no list: accepted
    with pytest.raises(SceneError, match=r"classroom.hidden_views: unknown name 'diagramm'"):
        locks_from_dict(d, view_ids=["inspector", "network"])


@pytest.mark.parametrize("section, field", [
    ({"hidden_views": "inspector"}, "classroom.hidden_views: expected a list"),
    ({"hidden_controls": [3]}, "classroom.hidden_controls[0]: expected a string"),
    ({"locked": []}, "classroom: unknown field 'locked'"),
    (["inspector"], "classroom: expected an object"),
])
def test_malformed_sections_name_the_field(section, field):
    with pytest.raises(SceneError, match=field.replace("[", r"\[").replace("]", r"\]")):
        locks_from_dict(section)


def test_an_invalid_lock_list_does_not_stop_the_scene_from_loading():
    d = scene_to_dict(_small(), classroom={"fixed_settings": ["training.speed"]})
    session, _views = scene_from_dict(d)
    assert session.points.X.shape[0] == 40
    with pytest.raises(SceneError):
        locks_from_dict(d["classroom"])


def test_every_invalid_field_and_every_unknown_name_is_listed():
    section = {"hidden_views": ["diagramm", "inspector", "lossplot"],
               "hidden_controls": ["network.init", "network.colour"],
               "fixed_settings": ["training.speed", "lr"]}
    with pytest.raises(SceneError) as info:
        locks_from_dict(section, view_ids=["inspector", "network"])
    lines = str(info.value).split("\n")
    assert [line.split(":")[0] for line in lines] == [
        "classroom.hidden_views", "classroom.hidden_controls", "classroom.fixed_settings"]
    for name in ("'diagramm'", "'lossplot'", "'network.colour'", "'training.speed'", "'lr'"):
        assert name in str(info.value)


def test_every_entry_that_is_not_a_string_is_listed():
    with pytest.raises(SceneError) as info:
        locks_from_dict({"hidden_controls": [3, "network.init", None]})
    message = str(info.value)
    assert "classroom.hidden_controls[0]: expected a string" in message
    assert "classroom.hidden_controls[2]: expected a string" in message


def test_entries_that_are_not_strings_do_not_hide_the_unknown_names_of_the_same_list():
    """classroom_bad.json of the new-user trial: ["nosuch", 3] named only the 3."""
    with pytest.raises(SceneError) as info:
        locks_from_dict({"hidden_views": ["nosuch", 3, "inspector"],
                         "fixed_settings": [None, "training.speed"]},
                        view_ids=["inspector", "network"])
    message = str(info.value)
    assert "classroom.hidden_views[1]: expected a string, got an integer" in message
    assert "classroom.hidden_views: unknown name 'nosuch' (allowed: inspector, network)" in message
    assert "classroom.fixed_settings[0]: expected a string, got null" in message
    assert "'training.speed'" in message
    assert [line.split(":")[0].split("[")[0] for line in message.split("\n")] == [
        "classroom.hidden_views", "classroom.fixed_settings"]
