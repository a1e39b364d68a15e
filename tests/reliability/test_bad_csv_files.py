"""Bad CSV files through the GUI's import path (File ▸ Import CSV… → dialog → main window).

The dialogs are driven by the DialogStub: the import dialog's Import button is pressed when
the dialog enables it, and every message box's text is captured. A broken file must give a
specific message and leave the scene (points, weights, step) exactly as it was; a legitimate
file in an awkward dialect (BOM, semicolons with decimal commas) must import.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from core.csv_io import CHUNK_ROWS
from gui.files.import_dialog import MAX_IMPORT_ROWS
from tests.reliability import bad_files
from tests.reliability.ui import (
    EventLoopWatch,
    assert_same_scene,
    play_ticks,
    responds,
    scene_state,
)


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


def _reading_passes(window, watch) -> int:
    """Passes of the event loop `watch` saw while the old points were still shown."""
    return sum(1 for old in watch.seen if old)


def test_a_million_rows_import_without_freezing_the_window(window, dialogs, tmp_path, qtbot):
    """Imported as a sample or refused, with a message saying so; while the file is read the
    event loop runs after every chunk of rows (the window paints, timers fire, Cancel works),
    and Play works afterwards on at most MAX_IMPORT_ROWS points. How long the import takes is
    measured by benchmarks/bench_import.py, not asserted here."""
    path = bad_files.million_rows_csv(tmp_path)
    before = _trained(window)
    controller = window.controller
    old_points = controller.session.points
    with EventLoopWatch(lambda: controller.session.points is old_points) as watch:
        window.import_csv(path)
    session = controller.session
    told = " ".join(dialogs.all_texts() + [window.data_panel.source_label.text(),
                                           window.statusBar().currentMessage()]).lower()
    n = len(session.points)
    if n == before["X"].shape[0] and session.trainer.step_count:  # refused
        assert "row" in told, told
        assert_same_scene(before, scene_state(controller))
    else:  # a sample: the user is told how many of how many rows
        assert n <= MAX_IMPORT_ROWS
        assert "sample" in told and "1000000" in told.replace(",", ""), told
        assert session.n_classes == 2
    # one pass of the event loop after each chunk of the read (the last one may end it)
    assert _reading_passes(window, watch) >= 1_000_000 // CHUNK_ROWS
    assert play_ticks(controller, 3) == 3
    assert session.trainer.history.last_step == session.trainer.step_count
    assert responds(qtbot, window)


def test_import_reads_in_chunks_and_the_event_loop_runs_between_them(window, dialogs,
                                                                      tmp_path):
    n_rows = 4 * CHUNK_ROWS + 10  # five chunks
    path = bad_files.million_rows_csv(tmp_path, n_rows=n_rows, name="five_chunks.csv")
    controller = window.controller
    old_points = controller.session.points
    with EventLoopWatch(lambda: controller.session.points is old_points) as watch:
        window.import_csv(path)
    assert controller.session.points is not old_points  # imported (as a sample)
    assert _reading_passes(window, watch) >= n_rows // CHUNK_ROWS


def test_cancel_while_importing_stops_the_read_and_keeps_the_scene(window, dialogs, tmp_path):
    path = bad_files.million_rows_csv(tmp_path, n_rows=6 * CHUNK_ROWS, name="six_chunks.csv")
    before = _trained(window)
    reports = []

    def press_cancel_during_the_read(dialog):
        cancel = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        # a user's click, queued: it is handled when the read lets the event loop run
        QtCore.QTimer.singleShot(0, lambda: reports.append(dialog.reading) or cancel.click())
        original = dialog._reading_progress

        def progress(rows, fraction):
            reports.append(rows)
            return original(rows, fraction)

        dialog._reading_progress = progress

    dialogs.configure = press_cancel_during_the_read
    window.import_csv(path)
    # the click came during the pause after the first chunk, and nothing more was read
    assert reports == [CHUNK_ROWS, True]
    assert_same_scene(before, scene_state(window.controller))
    assert window.undo_stack.count() == 0
    assert not [m for m in dialogs.messages if m[0] in ("warning", "critical")]


def test_more_rows_than_the_canvas_takes_import_as_a_sample_and_say_so(window, dialogs, tmp_path):
    path = bad_files.million_rows_csv(tmp_path, n_rows=25_000, name="many.csv")
    window.import_csv(path)
    session = window.controller.session
    assert len(session.points) == 10_000
    assert session.n_classes == 2
    summary = " ".join(" ".join(labels) for _name, labels in dialogs.dialog_texts).lower()
    assert "25000 rows" in summary and "sample" in summary  # said in the dialog, before
    source = window.data_panel.source_label.text().lower()
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

    from gui.files.import_dialog import ImportDialog

    for writer in (bad_files.empty_csv, bad_files.bom_csv, bad_files.one_class_csv):
        window.import_csv(writer(tmp_path))
    QtWidgets.QApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    assert window.findChildren(ImportDialog) == []
