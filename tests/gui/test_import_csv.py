"""File ▸ Import CSV…: preview, column pickers and dropped-row count; errors keep the points."""

import numpy as np
import pytest
from PySide6 import QtWidgets

from gui.widgets.import_dialog import ImportDialog

FEATURES = ["bill_length_mm", "flipper_length_mm"]


@pytest.fixture
def warnings(monkeypatch):
    """Record message boxes instead of blocking on them."""
    shown = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def test_dialog_previews_penguins_and_reports_dropped_rows(qtbot, penguins_path):
    dialog = ImportDialog(path=penguins_path)
    qtbot.addWidget(dialog)
    assert "species" in dialog.header and dialog.preview.rowCount() == 20
    assert dialog.label_combo.currentText() == "species"  # the text column is guessed
    dialog.select(FEATURES, "species")
    assert "2 rows dropped" in dialog.summary.text()
    assert "3 classes" in dialog.summary.text()
    dialog.accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert dialog.dataset.n_classes == 3 and dialog.dataset.X.shape == (342, 2)


def test_imported_penguins_train_to_90_percent_test_accuracy(qtbot, window, penguins_path):
    dialog = ImportDialog(window, path=penguins_path)
    qtbot.addWidget(dialog)
    dialog.select(FEATURES, "species")
    dialog.accept()
    assert window.apply_import(dialog.dataset, dialog.path)
    session = window.controller.session
    assert session.n_classes == 3 and session.loss == "cross_entropy"
    assert window.canvas.plot_item.getAxis("bottom").labelText == "bill_length_mm"
    assert "2 dropped" in window.data_panel.source_label.text()
    for _ in range(300):
        session.trainer.step()
    window.controller.stepped.emit()
    _, accuracy = session.trainer.evaluate(session.X_test, session.y_test)
    assert accuracy >= 0.9
    assert "accuracy" in window.status.values["accuracy"]


def test_a_bad_file_shows_a_message_and_keeps_the_points(qtbot, window, tmp_path, warnings):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe garbage")
    points = window.controller.session.points
    X = points.X.copy()
    dialog = ImportDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.open_path(str(bad))
    assert len(warnings) == 1
    np.testing.assert_array_equal(window.controller.session.points.X, X)


def test_a_label_column_with_no_usable_rows_is_refused(qtbot, window, tmp_path, warnings):
    path = tmp_path / "na.csv"
    path.write_text("a,b,label\n1,2,NA\n3,4,NA\n5,6,NA\n")
    n = len(window.controller.session.points)
    dialog = ImportDialog(window, path=str(path))
    qtbot.addWidget(dialog)
    dialog.select(["a", "b"], "label", "classification")
    dialog.accept()
    assert dialog.dataset is None and warnings
    assert len(window.controller.session.points) == n


def test_import_is_undoable(qtbot, window, penguins_path):
    X = window.controller.session.points.X.copy()
    dialog = ImportDialog(window, path=penguins_path)
    qtbot.addWidget(dialog)
    dialog.select(FEATURES, "species")
    dialog.accept()
    window.apply_import(dialog.dataset, dialog.path)
    window.undo_stack.undo()
    session = window.controller.session
    np.testing.assert_array_equal(session.points.X, X)
    assert session.n_classes == 2 and session.feature_names == ("x1", "x2")
