"""The Data panel words the session's DataSource from its numbers, in the current language,
and a scene file keeps it (core.data_source)."""

from __future__ import annotations

import numpy as np
from PySide6 import QtWidgets

from core.data_source import DataSource
from core.data_types import Dataset
from core.scene import scene_from_dict

SAMPLE = DataSource("iris.csv", 30, 9000, 2, ("cat", "dog"))


def _dataset():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2))
    return Dataset(X, (X[:, 0] > 0).astype(int), "classification", 2, ("a", "b"),
                   ("cat", "dog"), 2)


def _switch(window, code: str) -> None:
    window.language_menu.actions[code].trigger()
    QtWidgets.QApplication.processEvents()


def test_data_panel_text_in_english_and_chinese(window):
    label = window.data_panel.source_label
    assert label.text() == "Circle · 500 points"  # generated points: the preset and count
    window.drawing.import_dataset(_dataset(), SAMPLE)
    window.refresh_panels()
    assert window.controller.session.data_source == SAMPLE
    assert label.text() == ("iris.csv · random sample of 30 of 9000 rows · 2 dropped · "
                            "classes cat, dog")
    try:
        _switch(window, "zh_CN")
        assert label.text().startswith("iris.csv · 从 9000 行中随机抽取 30 行 · 丢弃 2 行")
        assert "cat, dog" in label.text()
    finally:
        _switch(window, "en")
    window.controller.restore_points_state(window.controller.points_state())
    whole = DataSource("small.csv", 30, None, 0, ())
    window.controller.load_dataset(_dataset(), whole)
    window.refresh_panels()
    assert label.text() == "small.csv · 30 rows · 0 dropped"


def test_the_scene_file_keeps_the_source_and_not_a_sentence(window):
    window.drawing.import_dataset(_dataset(), SAMPLE)
    scene = window.scene_files.scene_dict()
    assert "data_source" not in scene.get("extra", {})
    assert scene["data_source"]["sampled_of"] == 9000
    session, _views = scene_from_dict(scene)
    assert session.data_source == SAMPLE
    window.drawing.undo_stack.undo()
    assert window.controller.session.data_source is None
