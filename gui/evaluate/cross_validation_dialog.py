"""Train ▸ Cross-validate…: the dialog that runs k-fold cross-validation in a worker thread.

The dialog asks for k (2–10, default 5) and the steps per fold (default the current step
count, or 200 at step 0). Run takes a copy of the session (the window may go on changing
its own) and hands ``core.cross_validation.run_cross_validation`` to a
:class:`gui.common.workers.JobRunner`; the progress bar follows (fold, step), Cancel stops the
run at its next step (the engine raises ``Cancelled``, nothing partial is shown) and the
window stays responsive. The folds are checked before the run starts, so "k greater than the
points of a class" is a message box at once (worded per error code), and the dialog keeps its
values. A finished run emits ``resultReady(result)``: :class:`CrossValidation` then shows it
in the Cross-validation view and brings that view to the front.

``job_factory(session, k, steps)`` → ``job(progress)`` is injectable (tests use a stand-in
that blocks on an Event, never a timing).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from core.cross_validation import (
    K_DEFAULT,
    K_MAX,
    K_MIN,
    CrossValidationError,
    make_folds,
    run_cross_validation,
)
from core.headless import MAX_STEPS
from gui.common.display_names import class_name
from gui.common.i18n import manager, translate
from gui.common.workers import JobRunner, describe

DEFAULT_STEPS = 200
#: Words per ``core.cross_validation`` error code ({names} from the error's ``values``).
ERROR_TEXTS = {
    "k_out_of_range": QT_TRANSLATE_NOOP("CrossValidation",
                                        "k must be from {k_min} to {k_max}; it is {k}."),
    "class_too_small": QT_TRANSLATE_NOOP(
        "CrossValidation", "{k} folds need at least {k} points of every class among the "
        "training and validation points, but {name} has only {count}. Choose a smaller k or "
        "add points of that class."),
    "too_few_rows": QT_TRANSLATE_NOOP(
        "CrossValidation", "{k} folds need at least {k} training and validation points; "
        "there are {count}."),
    "bad_steps": QT_TRANSLATE_NOOP("CrossValidation",
                                   "The steps per fold must be at least 1."),
}


def error_text(error: CrossValidationError, session) -> str:
    """The translated message of a cross-validation error code (class named by its label)."""
    values = dict(error.values)
    if "label" in values:
        values["name"] = class_name(session, int(values["label"]))
    return translate("CrossValidation", ERROR_TEXTS[error.code]).format(**values)


def cross_validation_job(session, k: int, steps: int):
    """The worker's job: ``run_cross_validation`` with progress as a fraction of all steps;
    a progress call that returns False (the request was cancelled) stops the run."""
    def job(progress):
        stop = [False]
        total = k * steps

        def on_step(fold: int, step: int) -> None:
            if progress((fold * steps + step) / total) is False:
                stop[0] = True

        return run_cross_validation(session, k, steps, progress=on_step,
                                    cancelled=lambda: stop[0])
    return job


class CrossValidationDialog(QtWidgets.QDialog):
    """k, steps, Run / Cancel / Close and a progress bar (module docstring). Closing the
    dialog does not cancel a run: its result still arrives. Signal ``resultReady(object)``: a
    finished ``CrossValidationResult``."""

    resultReady = Signal(object)

    def __init__(self, controller, parent=None,
                 job_factory: Callable = cross_validation_job) -> None:
        super().__init__(parent)
        self.setObjectName("crossValidationDialog")
        self.controller = controller
        self.job_factory = job_factory
        self.session = None  # the copy being cross-validated
        self.k_box = QtWidgets.QSpinBox()
        self.k_box.setRange(K_MIN, K_MAX)
        self.k_box.setValue(K_DEFAULT)
        self.steps_box = QtWidgets.QSpinBox()
        self.steps_box.setRange(1, MAX_STEPS)
        self.steps_box.setSingleStep(50)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.buttons = QtWidgets.QDialogButtonBox()
        self.run_button = self.buttons.addButton(
            "", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(
            "", QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self.k_label, self.steps_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.form = QtWidgets.QFormLayout()
        self.form.addRow(self.k_label, self.k_box)
        self.form.addRow(self.steps_label, self.steps_box)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self.runner = JobRunner("cross-validation", self)
        self.runner.progressChanged.connect(
            lambda _id, fraction: self.progress.setValue(round(1000 * fraction)))
        self.runner.resultReady.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.runner.busyChanged.connect(self._sync_buttons)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        self._sync_buttons(False)

    def retranslate(self, _language: str = "") -> None:
        self.setWindowTitle(translate("CrossValidation", "Cross-validate"))
        self.note.setText(translate(
            "CrossValidation", "Trains the current settings k times from the same initial "
            "weights, each time holding out one fold of the training and validation points "
            "(stratified by class). The test points are not used."))
        self.k_label.setText(translate("CrossValidation", "Folds k:"))
        self.steps_label.setText(translate("CrossValidation", "Steps per fold:"))
        self.run_button.setText(translate("CrossValidation", "Run"))
        self.cancel_button.setText(translate("CrossValidation", "Cancel"))
        self.close_button.setText(translate("CrossValidation", "Close"))

    def prepare(self) -> None:
        """Before showing: the steps default to the current step count (or 200)."""
        if not self.runner.busy:
            step = self.controller.session.trainer.step_count
            self.steps_box.setValue(step if step > 0 else DEFAULT_STEPS)
            self.progress.setValue(0)

    def _sync_buttons(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.k_box.setEnabled(not busy)
        self.steps_box.setEnabled(not busy)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def run(self) -> None:
        """Check the folds, then start the run in the worker (a message box on an error)."""
        if self.runner.busy:
            return
        k, steps = self.k_box.value(), self.steps_box.value()
        session = self.controller.session
        try:
            make_folds(session, k, session.data.seed)
        except CrossValidationError as error:
            self.show_error(error_text(error, session))
            return
        self.session = session.copy()
        self.progress.setValue(0)
        self.runner.submit(self.job_factory(self.session, k, steps))

    def cancel(self) -> None:
        self.runner.cancel()
        self.progress.setValue(0)

    def _on_result(self, _id, result) -> None:
        self.progress.setValue(1000)
        self.resultReady.emit(result)

    def _on_failed(self, _id, error) -> None:
        if isinstance(error, CrossValidationError):
            self.show_error(error_text(error, self.session or self.controller.session))
        else:
            self.show_error(translate("CrossValidation",
                                      "Cross-validation failed: {0}").format(describe(error)))

    def show_error(self, text: str) -> None:
        QtWidgets.QMessageBox.warning(self, translate("CrossValidation", "Cross-validate"),
                                      text)

    def shutdown(self) -> None:
        self.runner.shutdown()


class CrossValidation(QtCore.QObject):
    """Train ▸ Cross-validate… (``action``), its dialog, the result in ``view`` (a
    ``CrossValidationView``) and the fold outlines on the canvas (``outlines``, a
    ``FoldOutlines``). ``show_view()`` brings the view's dock to the front;
    ``positions(points, indices)`` → (m, 2) canvas positions of those points (the canvas's
    rule, ``gui.canvas.presenter.canvas_positions``, injected by the main window)."""

    def __init__(self, window, controller, view, outlines, show_view: Callable[[], None],
                 positions: Callable, job_factory: Callable = cross_validation_job) -> None:
        super().__init__(window)
        self.window, self.controller = window, controller
        self.view, self.outlines, self.show_view = view, outlines, show_view
        self.positions = positions
        self.dialog = CrossValidationDialog(controller, window, job_factory)
        self.dialog.resultReady.connect(self.show_result)
        self.action = QtGui.QAction(self)
        self.action.setObjectName("crossValidateAction")
        self.action.triggered.connect(self.open_dialog)
        self.result = None
        self._points = None  # the canvas positions of each fold's points when it ran
        view.foldsToggled.connect(lambda _on: self.sync_outlines())
        for signal in (controller.dataChanged, controller.pointsReplaced):
            signal.connect(self._data_changed)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _language: str = "") -> None:
        self.action.setText(translate("CrossValidation", "Cross-validate…"))
        self.action.setToolTip(translate(
            "CrossValidation", "k-fold cross-validation of the current settings"))

    def open_dialog(self) -> None:
        self.dialog.prepare()
        self.dialog.show()
        self.dialog.raise_()

    def show_result(self, result) -> None:
        points = self.dialog.session.points
        self._points = [self.positions(points, fold) for fold in result.folds]
        self.result = result
        self.view.set_result(result)
        self.show_view()
        self.sync_outlines()

    def _data_changed(self, *_args) -> None:
        """The points changed: the folds no longer name them; drop the outlines."""
        self._points = None
        self.view.folds_box.setChecked(False)
        self.view.folds_box.setEnabled(False)
        self.outlines.hide()

    def sync_outlines(self) -> None:
        if self._points is not None and self.view.folds_box.isChecked() \
                and self.view.isVisible():
            self.outlines.show(self._points)
        else:
            self.outlines.hide()

    def shutdown(self) -> None:
        self.dialog.shutdown()
