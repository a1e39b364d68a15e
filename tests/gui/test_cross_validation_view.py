"""Train ▸ Cross-validate… (issue 14 part 3): the dialog runs in a worker thread to the end,
Cancel stops it, k too large is a message box from the error code, and the Cross-validation
view shows the engine's per-fold curves, mean ± std band and table."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6 import QtWidgets

from core.cross_validation import run_cross_validation
from core.datasets import TRAIN, PointSet
from tests.waiting import PATIENCE_MS


def test_the_dialog_runs_to_completion_and_the_view_shows_the_engine_numbers(window, qtbot):
    cv = window.cross_validation
    assert cv.action in window.train_menu.actions()
    cv.action.trigger()
    dialog = cv.dialog
    assert dialog.isVisible() and dialog.steps_box.value() == 200  # step 0: the default
    dialog.k_box.setValue(3)
    dialog.steps_box.setValue(4)
    before = window.controller.session.net.get_params().copy()
    with qtbot.waitSignal(dialog.resultReady, timeout=PATIENCE_MS):
        dialog.run_button.click()
    result = cv.result
    assert result.k == 3 and result.steps == 4
    expected = run_cross_validation(window.controller.session, 3, 4)
    assert result.to_json() == expected.to_json()  # deterministic: the same run again
    assert np.array_equal(window.controller.session.net.get_params(), before)
    view = window.views["cross_validation"]
    assert view.isVisible()
    assert [c.isVisible() for c in view.fold_curves[:4]] == [True, True, True, False]
    np.testing.assert_array_equal(view.fold_curves[1].yData, result.val_loss[1])
    np.testing.assert_array_equal(view.mean_val.yData, result.mean["val_loss"])
    np.testing.assert_allclose(view.upper.yData, result.mean["val_loss"] + result.std["val_loss"])
    rows = view.table_texts()
    assert [r[0] for r in rows] == ["fold 1", "fold 2", "fold 3", "mean ± std"]
    assert rows[0][1] == str(len(result.folds[0]))
    assert rows[0][3] == f"{result.metrics[0]['accuracy']:.3f}"
    assert rows[-1][3] == (f"{result.mean['metrics']['accuracy']:.3f} ± "
                           f"{result.std['metrics']['accuracy']:.3f}")
    # the folds on the canvas: one ring per cross-validated point while the box is checked
    view.folds_box.setChecked(True)
    assert cv.outlines.rings.isVisible()
    assert len(cv.outlines.rings.data) == sum(len(f) for f in result.folds)
    view.folds_box.setChecked(False)
    assert not cv.outlines.rings.isVisible()


def test_cancel_stops_the_run_and_shows_nothing(window, qtbot):
    started, release = threading.Event(), threading.Event()
    seen = []

    def blocking_job(session, k, steps):
        def job(progress):
            started.set()
            release.wait(PATIENCE_MS / 1000)
            seen.append(progress(0.5))  # False: the request was cancelled
            from core.loss_surface import Cancelled
            raise Cancelled
        return job

    cv = window.cross_validation
    cv.dialog.job_factory = blocking_job
    cv.action.trigger()
    cv.dialog.run_button.click()
    assert started.wait(PATIENCE_MS / 1000)
    assert cv.dialog.busy and cv.dialog.cancel_button.isEnabled()
    assert not cv.dialog.run_button.isEnabled()
    cv.dialog.cancel_button.click()
    assert not cv.dialog.busy and cv.dialog.run_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: seen == [False], timeout=PATIENCE_MS)
    qtbot.wait(50)  # let any (wrongly) queued result arrive
    assert cv.result is None and window.views["cross_validation"].result is None


def test_the_real_run_is_cancelled_at_its_next_step(window, qtbot):
    """The engine job notices the cancel through its progress callback."""
    from core.cross_validation import Cancelled
    from gui.evaluate.cross_validation_dialog import cross_validation_job

    answers = iter([None, None, False])
    job = cross_validation_job(window.controller.session.copy(), 2, 5)
    with pytest.raises(Cancelled):
        job(lambda _fraction: next(answers))


def test_k_larger_than_a_class_is_a_message_box_and_nothing_runs(window, qtbot, monkeypatch):
    y = np.array([0] * 20 + [1] * 4)
    points = PointSet(np.random.default_rng(0).normal(size=(len(y), 2)), y,
                      split=np.full(len(y), TRAIN, dtype=np.int8))
    window.controller.session.set_points(points)
    messages = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning",
                        lambda _parent, title, text, *a: messages.append((title, text)))
    cv = window.cross_validation
    cv.action.trigger()
    cv.dialog.k_box.setValue(5)
    cv.dialog.run_button.click()
    assert len(messages) == 1
    assert "class 1 has only 4" in messages[0][1] and "5 folds" in messages[0][1]
    assert not cv.dialog.busy and cv.dialog.k_box.value() == 5  # nothing lost
    assert cv.result is None


def test_regression_table_shows_mse_mae_r2_of_each_fold(qtbot):
    from core.session import Session
    from core.settings import DataSettings, NetworkSettings
    from gui.common.number_format import fixed
    from gui.evaluate.cross_validation_view import CrossValidationView

    session = Session(DataSettings(task="regression", preset="sine", n_points=40,
                                   features=("x1",)), NetworkSettings(hidden_sizes=(4,)))
    result = run_cross_validation(session, 2, 3)
    view = CrossValidationView()
    qtbot.addWidget(view)
    view.set_result(result)
    rows = view.table_texts()
    assert [view.table.horizontalHeaderItem(j).text() for j in range(4)] == [
        "points", "MSE", "MAE", "R²"]
    m = result.metrics[1]
    assert rows[1][2:] == [fixed(m["mse"], 3), fixed(m["mae"], 3), fixed(m["r2"], 3)]
    assert rows[2][2] == (f"{result.mean['metrics']['mse']:.3f} ± "
                          f"{result.std['metrics']['mse']:.3f}")


def test_a_diverged_fold_says_where_and_has_no_final_numbers(qtbot):
    """η too large: folds diverge. Their final metrics are undefined (not those of their last
    finite weights, ~1e20), the table says at which step, and the mean row is undefined."""
    import math

    from core.lessons import load_lesson
    from gui.evaluate.cross_validation_view import CrossValidationView

    result = run_cross_validation(load_lesson("linear-regression-large-lr"), 3, 300)
    diverged = [f for f, step in enumerate(result.diverged) if step is not None]
    assert diverged, "the lesson's η must make some fold diverge"
    for f in diverged:
        assert all(math.isnan(v) for v in (result.metrics[f]["mse"], result.metrics[f]["r2"]))
    assert math.isnan(result.mean["metrics"]["mse"])
    view = CrossValidationView()
    qtbot.addWidget(view)
    view.set_result(result)
    rows = view.table_texts()
    for f in diverged:
        assert rows[f][2] == f"diverged at step {result.diverged[f]}"
        assert rows[f][3:] == ["–", "–"]
    assert rows[-1][2:] == ["–", "–", "–"]
    assert (view.lower.yData >= 0).all()  # the band's lower edge stops at a loss of 0


def test_folded_at_presenter_size_the_table_keeps_every_number(qtbot):
    """Presenter size folds the view into a chart tab and a table tab, the "mean ± std" row
    split into a "mean" and a "std" row (narrower cells); the numbers are the engine's, the
    same as unfolded; unfolding brings the one row back."""
    from core.session import Session
    from core.settings import DataSettings, NetworkSettings
    from gui.common.number_format import fixed
    from gui.evaluate.cross_validation_view import CrossValidationView

    session = Session(DataSettings(task="regression", preset="sine", n_points=40,
                                   features=("x1",)), NetworkSettings(hidden_sizes=(4,)))
    result = run_cross_validation(session, 2, 3)
    view = CrossValidationView()
    qtbot.addWidget(view)
    view.set_result(result)
    unfolded = view.table_texts()
    view.set_folded(True)
    rows = view.table_texts()
    assert [view.tabs.widget(i) for i in range(2)] == [view.chart_page, view.table]
    assert view.tabs.cornerWidget() is view.folds_box
    assert rows[:2] == unfolded[:2]  # the folds
    mean, std = result.mean["metrics"], result.std["metrics"]
    assert rows[2][2:] == [fixed(mean[k], 3) for k in ("mse", "mae", "r2")]
    assert rows[3][2:] == [fixed(std[k], 3) for k in ("mse", "mae", "r2")]
    halves = [text.split(" ± ") for text in unfolded[2][1:]]  # "m ± s" of every column
    assert rows[2] == ["mean"] + [m for m, _s in halves]
    assert rows[3] == ["std"] + [s for _m, s in halves]
    view.set_folded(False)
    assert view.table_texts() == unfolded
    assert view.tabs.count() == 0 and view.layout().indexOf(view.status) == 0
