"""Bad scene files through File ▸ Open… in the window: each gives a message naming the problem
(and the field), and the current scene — points, weights, step, history — is untouched."""

from __future__ import annotations

import pytest

from tests.reliability import bad_files
from tests.reliability.ui import assert_same_scene, responds, scene_state


def _variants(window) -> dict:
    return bad_files.scene_variants(window.scene_files.scene_dict())


def test_the_malformed_scenes_cover_the_issue_cases(window):
    names = set(_variants(window))
    assert {"empty", "truncated json", "binary garbage", "wrong types",
            "negative layer sizes"} <= names


@pytest.mark.parametrize("case", ["empty", "truncated json", "binary garbage", "wrong types",
                                  "negative layer sizes", "not an object"])
def test_bad_scene_file_gives_a_specific_message_and_keeps_the_scene(window, dialogs, tmp_path,
                                                                     qtbot, case):
    controller = window.controller
    controller.add_point([1.0, 2.0], 1)  # a scene worth keeping: edited points, trained
    for _ in range(4):
        controller.step()
    data, fragments = _variants(window)[case]
    path = tmp_path / f"{case.replace(' ', '_')}.json"
    path.write_bytes(data)
    before = scene_state(controller)
    title = window.windowTitle()
    dialogs.open_paths = [str(path)]
    window.scene_files.open_action.trigger()  # File ▸ Open… (unsaved changes: "Discard")
    warnings = [text for kind, _title, text in dialogs.messages if kind == "warning"]
    assert len(warnings) == 1, dialogs.messages
    message = warnings[0].lower()
    assert path.name.lower() in message  # names the file…
    assert any(fragment in message for fragment in fragments), \
        f"{case}: the message names none of {fragments}: {warnings[0]!r}"  # …and the problem
    assert_same_scene(before, scene_state(controller))
    assert window.windowTitle() == title  # still the same (unsaved) scene
    controller.step()  # and it still trains
    assert controller.trainer.step_count == before["step"] + 1
    assert responds(qtbot, window)
