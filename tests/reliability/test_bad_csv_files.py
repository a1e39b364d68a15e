"""Bad CSV files through the GUI's import path (File ▸ Import CSV… → dialog → main window).

The dialogs are driven by the DialogStub: the import dialog's Import button is pressed when
the dialog enables it, and every message box's text is captured. A broken file must give a
specific message and leave the scene (points, weights, step) exactly as it was; a legitimate
file in an awkward dialect (BOM, semicolons with decimal commas) must import.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from tests.reliability import bad_files
from tests.reliability.ui import assert_same_scene, play_ticks, responds, scene_state


def _trained(window, steps: int = 3):
    for _ in range(steps):
        window.controller.step()
    return scene_state(window.controller)


@pytest.mark.parametrize("case", [name for name, (_w, expect) in bad_files.CSV_CASES.items()
                                  if expect != "imports"])
def test_broken_csv_gives_a_specific_message_and_keeps_the_scene(window, dialogs, tmp_path,
                                                                 qtbot, case):
    writer, fragments = bad_files.CSV_CASES[case]
    path = writer(tmp_path)
    before = _trained(window)
    if case == "all-na column":  # the user picks the all-NA column as a feature
        dialogs.configure = lambda dialog: dialog.select(["x", "y"], "label")
    window.import_csv(path)
    texts = [text.lower() for text in dialogs.all_texts()]
    assert any(fragment in text for text in texts for fragment in fragments), \
        f"{case}: no message mentions any of {fragments}; shown: {texts}"
    assert_same_scene(before, scene_state(window.controller))
    assert window.undo_stack.count() == 0  # a failed import leaves nothing to undo
    assert responds(qtbot, window)


@pytest.mark.parametrize("case", ["utf-8 bom", "semicolons, decimal commas"])
def test_awkward_but_legitimate_csv_imports(window, dialogs, tmp_path, case):
    writer, _ = bad_files.CSV_CASES[case]
    path = writer(tmp_path)
    _trained(window)
    window.import_csv(path)
    errors = [m for m in dialogs.messages if m[0] in ("warning", "critical")]
    assert not errors, errors
    session = window.controller.session
    assert len(session.points) == 40
    assert session.points.task == "classification"
    assert session.n_classes == 2
    assert session.trainer.step_count == 0
    if case.startswith("semicolons"):
        # decimal commas were read as decimals: values are not integers (1,234 → 1.234)
        assert np.any(np.abs(session.points.X - np.round(session.points.X)) > 1e-6)
        assert session.feature_names == ("länge", "breite")
    else:
        assert session.feature_names == ("a", "b")  # the BOM is not part of the first name
    window.controller.step()
    assert np.isfinite(session.trainer.history.arrays()["train_loss"]).all()


def test_a_million_rows_import_without_freezing_the_window(window, dialogs, tmp_path, qtbot):
    """Imported completely, or as a sample / refused with a message saying so; either way the
    window is blocked for a few seconds at most and Play stays responsive afterwards."""
    path = bad_files.million_rows_csv(tmp_path)
    before = _trained(window)
    start = time.perf_counter()
    window.import_csv(path)
    elapsed = time.perf_counter() - start
    controller = window.controller
    session = controller.session
    told = " ".join(dialogs.all_texts() + [controller.data_source,
                                           window.statusBar().currentMessage()]).lower()
    n = len(session.points)
    if n == before["X"].shape[0] and session.trainer.step_count:  # refused
        assert "row" in told, told
        assert_same_scene(before, scene_state(controller))
    elif n != 1_000_000:  # a sample: the user is told how many of how many rows
        assert "sample" in told and "1000000" in told.replace(",", ""), told
        assert session.n_classes == 2
    print(f"1,000,000-row import: {elapsed:.1f} s, {n} points")
    assert elapsed < 12.0, f"import blocked the window for {elapsed:.1f} s"
    frames = play_ticks(controller, 3, timeout=20)
    assert frames >= 1
    slowest = max(list(controller.frame_times)[-frames:])
    assert slowest < 2.0, f"a Play frame after the import took {slowest:.1f} s"
    assert session.trainer.history.last_step == session.trainer.step_count
    assert responds(qtbot, window)


def test_more_rows_than_the_canvas_takes_import_as_a_sample_and_say_so(window, dialogs, tmp_path):
    path = bad_files.million_rows_csv(tmp_path, n_rows=25_000, name="many.csv")
    window.import_csv(path)
    session = window.controller.session
    assert len(session.points) == 10_000
    assert session.n_classes == 2
    summary = " ".join(" ".join(labels) for _name, labels in dialogs.dialog_texts).lower()
    assert "25000 rows" in summary and "sample" in summary  # said in the dialog, before
    source = window.controller.data_source.lower()
    assert "sample" in source and "25000" in source  # and shown with the data afterwards
    # the sample consists of rows of the file (with their labels), none made up
    with open(path, encoding="utf-8") as f:
        rows = {tuple(float(v) for v in line.split(",")) for line in f.readlines()[1:]}
    labels = np.asarray(session.class_names or (0, 1), dtype=float)[session.points.y]
    sampled = {(*point, label) for point, label in zip(session.points.X.tolist(),
                                                        labels.tolist(), strict=True)}
    assert sampled <= rows


def test_import_dialogs_do_not_pile_up_in_the_window(window, dialogs, tmp_path):
    from PySide6 import QtCore, QtWidgets

    from gui.widgets.import_dialog import ImportDialog

    for writer in (bad_files.empty_csv, bad_files.bom_csv, bad_files.one_class_csv):
        window.import_csv(writer(tmp_path))
    QtWidgets.QApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    assert window.findChildren(ImportDialog) == []
