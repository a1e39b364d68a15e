"""The Attributions view: why did the network predict this for the selected sample?

Four bar charts, one bar per network input (the expanded features after standardization,
named as the app names them), for f = the probability of the selected sample's predicted
class (ŷ for regression) — all numbers from ``core.attribution_report``:

- gradient × input, xᵢ · ∂f/∂xᵢ;
- integrated gradients from the training mean, with the completeness line
  "Σ = f(x) − f(baseline)" and its error;
- exact Shapley values (2^d coalitions, a seeded background of training rows), with the
  efficiency line "Σφ = f(x) − E[f]" and its error;
- permutation importance over the test split, mean ± std over the repeats.

The sample is the inspector's (the Shift+clicked one, else the first of the mini-batch). The
work runs in a worker thread (``gui.common.workers.JobRunner``; Shapley over 2^7 coalitions
and permutation importance over thousands of test points take up to seconds on a deep
network), on a copy of the session (``AttributionInputs``), the newest request winning; the
view redraws through its ``RefreshGate``, so only when shown and throttled during Play.
``synchronous=True`` (offscreen figures, tests) computes in the GUI thread instead.
The "Saliency on the canvas" box emits ``saliencyToggled``; the main window connects it to
the canvas overlay (``gui.explain.saliency_overlay``).

Layout by room (presenter fonts in a lesson column, a short dock): the charts sit in two
columns while two of them fit across (their names, value labels and some bar length,
``FeatureBars.least_width``), else in one; and when the four do not fit the view's height, one
method at a time is shown, chosen in a box above it (:attr:`AttributionView.method_box`), so
the text and the bars stay whole instead of scrolling. Then the saliency box takes its short
form ("Saliency on the canvas"; the formula stays in its tool tip and in the canvas's caption)
when that puts it on one line with the method box, and the shown chart's title is left out when
it says no more than the method box ("Gradient × input"). The sample's line and the bars' space
are one paragraph (two would each end in a short line).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from core.attribution_report import (
    PERMUTATION_REPEATS,
    AttributionInputs,
    explain,
    session_permutation,
)
from core.attributions import METHOD_IDS, AttributionError
from core.loss_surface import Cancelled
from gui.common.display_names import class_name
from gui.common.flow_layout import FlowLayout
from gui.common.i18n import manager, translate
from gui.common.number_format import number
from gui.common.refresh import RefreshGate, connect_redraws
from gui.common.workers import JobRunner
from gui.common.refit import RefitSoon
from gui.explain.feature_bars import FeatureBars

EQUATION_DIGITS = 6  # the sums are checked to 1e-6: show enough digits to see it
# "computing…" shows once a computation has run this long (ms): the usual ones take a few ms
# and would only flash it, and move the charts down a line where the controls have no room.
STATUS_DELAY_MS = 300
#: The methods, in the order of the charts, with their names in the method box.
METHODS = dict(zip(METHOD_IDS, (QT_TRANSLATE_NOOP("Attributions", "Gradient × input"),
                                 QT_TRANSLATE_NOOP("Attributions", "Integrated gradients"),
                                 QT_TRANSLATE_NOOP("Attributions", "Shapley values"),
                                 QT_TRANSLATE_NOOP("Attributions", "Permutation importance")),
                   strict=True))


def _attempt(compute, *args):
    """The result, or the AttributionError that says why there is none."""
    try:
        return compute(*args)
    except AttributionError as error:
        return error


def attribution_job(inputs: AttributionInputs):
    """The worker's job: yields ("sample", SampleAttributions | AttributionError), then
    ("permutation", (feature labels, PermutationImportance | AttributionError))."""

    def job(progress):
        def stages():
            yield "sample", _attempt(explain, inputs)
            if progress(0.5) is False:
                raise Cancelled("attributions cancelled")
            yield "permutation", (list(inputs.labels),
                                  _attempt(session_permutation, inputs, PERMUTATION_REPEATS))
            progress(1.0)
        return stages()

    return job


def error_text(error: AttributionError) -> str:
    """The view's sentence for an AttributionError, by its code."""
    code, details = error.code, error.details
    if code == "too_many_features":
        return translate("Attributions", "Exact Shapley values need at most {0} inputs; this "
                                         "network has {1}.").format(details["limit"],
                                                                    details["d"])
    if code == "empty_split":
        return translate("Attributions", "No test points: permutation importance needs a "
                                         "test split (training share below 100 %).")
    if code == "empty_background":
        return translate("Attributions", "No training points to explain.")
    if code == "not_finite":
        return translate("Attributions", "The network's output is not finite here.")
    return translate("Attributions", "Cannot compute: {0}").format(str(error))


class _Panel(QtWidgets.QWidget):
    """A title, a FeatureBars chart and a caption under it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        self.title = QtWidgets.QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold")
        self.bars = FeatureBars()
        self.caption = QtWidgets.QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.bars)
        layout.addWidget(self.caption)


class AttributionView(QtWidgets.QWidget):
    """The Attributions dock (see the module docstring)."""

    #: Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry
    #: (gui.app_window.view_registry) reads this.
    REDRAWS_ON = ("stepped", "weightsChanged", "dataChanged", "pointsReplaced",
                  "selectionChanged")

    saliencyToggled = Signal(bool)

    def __init__(self, controller=None, synchronous: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(220, 120)  # the content scrolls
        self.synchronous = synchronous
        self.results: dict[str, object] = {}
        self.controller = None
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        content = QtWidgets.QWidget()
        self.scroll.setWidget(content)
        layout = QtWidgets.QVBoxLayout(content)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(3)  # lines of text and a chart: a lesson column at 2x has no room
        # the sample, its prediction and what the bars measure, as one paragraph
        self.header = QtWidgets.QLabel()
        self.header.setWordWrap(True)
        self.saliency = QtWidgets.QCheckBox()
        self.saliency.toggled.connect(self.saliencyToggled)
        self.status = QtWidgets.QLabel()
        self.status.hide()  # shown while a computation takes long (_show_busy)
        self._status_timer = QtCore.QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(STATUS_DELAY_MS)
        self._status_timer.timeout.connect(self._show_status)
        # one method at a time when the four charts do not fit the height (_fit_layout)
        self.method_box = QtWidgets.QComboBox()
        for name in METHODS:
            self.method_box.addItem("", name)
        self.method_box.currentIndexChanged.connect(lambda _i: self._show_panels())
        self.method_box.setVisible(False)
        # the saliency box, the method box and the status on one line while they fit
        self.controls = QtWidgets.QWidget()
        row = FlowLayout(self.controls, spacing=8)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.saliency, self.method_box, self.status):
            row.addWidget(widget)
        layout.addWidget(self.header)
        layout.addWidget(self.controls)
        self.grid = QtWidgets.QGridLayout()
        self.grid.setSpacing(6)
        self.panels = {name: _Panel() for name in METHODS}
        self.columns = 0
        self.one_method = False
        self._arrange(2)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.content_layout = layout
        self._fit_timer = RefitSoon(self, self._fit_layout)  # after a resize or a new font
        self.runner = None if synchronous else JobRunner("attributions", self)
        if self.runner is not None:
            self.runner.resultReady.connect(self._on_result)
            self.runner.busyChanged.connect(self._show_busy)
        # the scroll area and its content cover the view; the content's margins stay visible
        self.gate = RefreshGate(content, self.redraw, min_interval=0.5)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        if controller is not None:
            self.set_controller(controller)

    def figure_part(self) -> QtWidgets.QWidget:
        """What File ▸ Export and the headless figures draw: all the content, scrolled or
        not."""
        return self.scroll.widget()

    def _arrange(self, columns: int) -> None:
        """The four charts in ``columns`` columns (1 in a narrow dock, else 2)."""
        if columns == self.columns:
            return
        self.columns = columns
        for i, panel in enumerate(self.panels.values()):
            self.grid.addWidget(panel, i // columns, i % columns)

    def _show_panels(self) -> None:
        chosen = self.method_box.currentData()
        for name, panel in self.panels.items():
            panel.setVisible(not self.one_method or name == chosen)
            # a title that says no more than the method box above it
            panel.title.setVisible(not self.one_method
                                   or panel.title.text() != self.method_box.currentText())

    def show_method(self, name: str) -> None:
        """Choose the method shown when one is shown at a time (a key of METHODS)."""
        self.method_box.setCurrentIndex(self.method_box.findData(name))

    def _room(self) -> QtCore.QSize:
        """The content's room: the scroll area's viewport less the content's margins."""
        margins = self.content_layout.contentsMargins()
        size = self.scroll.viewport().size()
        return QtCore.QSize(size.width() - margins.left() - margins.right(),
                            size.height() - margins.top() - margins.bottom())

    def _height_of(self, width: int, panels: list[_Panel], columns: int, without=()) -> int:
        """Pixels the content needs at ``width`` with ``panels`` in ``columns`` columns and
        the controls but ``without``."""
        spacing = self.content_layout.spacing()
        texts = [self.header.heightForWidth(width)] if self.header.text() else []
        parts = texts + [self.controls.layout().height_without(width, without)]
        column_width = (width - (columns - 1) * self.grid.spacing()) // columns
        heights = [panel.heightForWidth(column_width) for panel in panels]
        rows = [max(heights[i:i + columns]) for i in range(0, len(heights), columns)]
        grid = sum(rows) + (len(rows) - 1) * self.grid.spacing()
        return sum(parts) + grid + spacing * len(parts)

    def _fit_layout(self) -> None:
        """Two columns while two charts fit across, else one; one method at a time while the
        four charts do not fit the height (see the module docstring)."""
        room = self._room()
        if room.width() <= 0 or room.height() <= 0:
            return
        least = max(panel.bars.least_width() for panel in self.panels.values())
        two = 2 * least + self.grid.spacing() + 8 <= room.width()  # 8: the panels' margins
        self._arrange(2 if two else 1)
        panels = list(self.panels.values())
        one_method = self.one_method
        # the four charts as they would be shown: with their titles, without the method box
        for panel in panels:
            panel.title.setVisible(True)
        four = (self.method_box,)
        self._fit_saliency(room.width(), four)
        self.one_method = self._height_of(room.width(), panels, self.columns, four) > \
            room.height()
        if self.one_method != one_method:
            self.method_box.setVisible(self.one_method)
            self.controls.updateGeometry()
        self._fit_saliency(room.width())
        self._show_panels()

    def _fit_saliency(self, width: int, without=()) -> None:
        """The saliency box's whole text, or its short form when that takes the controls (but
        ``without``) onto fewer lines at ``width``."""
        whole, short = self._saliency_texts
        heights = {}
        for text in (short, whole):
            self.saliency.setText(text)
            heights[text] = self.controls.layout().height_without(width, without)
        if heights[short] < heights[whole]:
            self.saliency.setText(short)

    def set_controller(self, controller) -> None:
        self.controller = controller
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        self.gate.request()

    # ------------------------------------------------------------------ computing
    def redraw(self) -> None:
        """Compute the attributions of the current model (in the worker, or at once)."""
        session = self.controller.session
        self.saliency.setEnabled(session.points.dim == 2)
        inputs = AttributionInputs.from_session(session, self.controller.selected_sample)
        job = attribution_job(inputs)
        if self.runner is None:
            for name, result in job(lambda _fraction: None):
                self._on_result(0, (name, result))
        else:
            self.runner.submit(job)

    def _on_result(self, _request_id: int, item) -> None:
        name, result = item
        self.results[name] = result
        self._render()

    def _show_busy(self, busy: bool) -> None:
        """The status says "computing…" once a computation has run STATUS_DELAY_MS, until it
        ends."""
        if busy:
            self._status_timer.start()
        else:
            self._status_timer.stop()
            self.status.hide()

    def _show_status(self) -> None:
        self.status.setText(translate("Attributions", "computing…"))
        self.status.show()

    def shutdown(self) -> None:
        """Stop the worker thread (closing the window)."""
        if self.runner is not None:
            self.runner.shutdown()

    # ------------------------------------------------------------------ drawing
    def retranslate(self, _language: str = "") -> None:
        # the saliency box's text, and its short form for a narrow view (_fit_saliency)
        self._saliency_texts = (
            translate("Attributions", "Saliency ‖∂f/∂x‖ on the canvas"),
            translate("Attributions", "Saliency on the canvas"))
        self.saliency.setText(self._saliency_texts[0])
        self.saliency.setToolTip(self._saliency_texts[0] + "\n" + translate(
            "Attributions", "Colours the canvas by how fast the explained output changes when "
                            "the point moves (2-D inputs only)."))
        for i, name in enumerate(METHODS):
            self.method_box.setItemText(i, translate("Attributions", METHODS[name]))
        self.method_box.setToolTip(translate(
            "Attributions", "The attribution method shown (the view has no room for all four "
                            "charts)"))
        self._render()

    def _render(self) -> None:
        sample = self.results.get("sample")
        self._render_sample(sample)
        self._render_permutation(self.results.get("permutation"))
        self._fit_timer.start()  # texts and charts changed size

    def _render_sample(self, result) -> None:
        panels = self.panels
        panels["gradient"].title.setText(translate("Attributions", "Gradient × input"))
        if result is None:
            self.header.setText(translate("Attributions", "Why this prediction?"))
            return
        if isinstance(result, AttributionError):
            self.header.setText(error_text(result))
            for name in ("gradient", "ig", "shapley"):
                panels[name].bars.set_values([], [])
                panels[name].caption.setText("")
            return
        if result.k is None:
            what = translate("Attributions", "f = ŷ = {0}").format(number(result.f_x, 4))
        else:
            what = translate("Attributions", "predicted {0}, f = p({0}) = {1}").format(
                self._class_name(result.k), number(result.f_x, 4))
        sample = translate("Attributions", "Why this prediction? Sample #{0}: {1}").format(
            result.sample, what)
        space = translate("Attributions", "standardized features (z-scores fitted on the "
                                          "training points)") if result.standardized else \
            translate("Attributions", "features (not standardized)")
        bars = translate("Attributions", "Bars per network input: {0}. Baseline: the training "
                                         "mean.").format(space)
        self.header.setText(translate("Attributions", "{0}. {1}",
                                      "the sample's sentence, then the bars' sentence")
                            .format(sample, bars))
        names = result.features
        panels["gradient"].bars.set_values(names, result.gradient_x_input)
        panels["gradient"].caption.setText(translate(
            "Attributions", "xᵢ · ∂f/∂xᵢ: the first-order share of f(x) − f(0) of each "
                            "input."))
        ig = result.ig
        panels["ig"].title.setText(translate(
            "Attributions", "Integrated gradients ({0} steps)").format(ig.steps))
        panels["ig"].bars.set_values(names, ig.attributions)
        digits = EQUATION_DIGITS
        panels["ig"].caption.setText(translate(
            "Attributions", "Σ = f(x) − f(baseline): {0} vs {1} − {2} = {3}, error {4}").format(
            number(ig.total, digits), number(ig.f_x, digits), number(ig.f_baseline, digits),
            number(ig.f_x - ig.f_baseline, digits), number(abs(ig.completeness_error), 2)))
        shapley = result.shapley
        if shapley is None:
            panels["shapley"].title.setText(translate("Attributions", "Shapley values"))
            panels["shapley"].bars.set_values([], [])
            panels["shapley"].caption.setText(error_text(result.shapley_error))
            return
        panels["shapley"].title.setText(translate(
            "Attributions", "Shapley values (exact: {0} coalitions × {1} training rows)")
            .format(shapley.n_coalitions, shapley.n_background))
        panels["shapley"].bars.set_values(names, shapley.values)
        panels["shapley"].caption.setText(translate(
            "Attributions", "Σφ = f(x) − E[f]: {0} vs {1} − {2} = {3}, error {4}").format(
            number(shapley.values.sum(), digits), number(shapley.f_x, digits),
            number(shapley.expected, digits), number(shapley.f_x - shapley.expected, digits),
            number(abs(shapley.efficiency_error), 2)))

    def _render_permutation(self, result) -> None:
        panel = self.panels["permutation"]
        panel.title.setText(translate(
            "Attributions", "Permutation importance ({0} repeats, ± 1 std)")
            .format(PERMUTATION_REPEATS))
        if result is None:
            return
        names, result = result
        if isinstance(result, AttributionError):
            panel.bars.set_values([], [])
            panel.caption.setText(error_text(result))
            return
        panel.bars.set_values(names, result.mean, errors=result.std)
        if result.metric == "accuracy":
            text = translate("Attributions", "Drop in test accuracy ({0}) when one input is "
                                             "shuffled over the test points.").format(
                number(result.score, 4))
        else:
            text = translate("Attributions", "Rise in test MSE ({0}) when one input is "
                                             "shuffled over the test points.").format(
                number(result.score, 4))
        panel.caption.setText(text)

    def _class_name(self, k: int) -> str:
        session = self.controller.session if self.controller is not None else None
        if session is None:
            return translate("DataCanvas", "class {0}").format(k)
        return class_name(session, k)
