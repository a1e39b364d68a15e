"""The "Linear system" view: Ax = b typed or dragged, solved by ``core.linear_systems``.

Its state (A, b, the change δb of the last right-hand side, the descent's η, step count and
start) is its own: the system is not part of the training scene. Every change goes through
:meth:`LinearSystemView.set_system`, which asks the engine (:func:`core.linear_systems.analyse`,
:func:`~core.linear_systems.gradient_descent`) and redraws through a ``RefreshGate`` (only when
shown). The texts are chosen here from the engine's codes; the numbers are the engine's.
A lesson step's ``setup.linear_system`` arrives through :meth:`apply_setup`.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6 import QtCore, QtWidgets

from core.linear_systems import (
    DESCENT_DEFAULTS,
    ENTRY_MAX,
    ENTRY_MIN,
    EXAMPLES,
    ILL_CONDITIONED,
    PLOTS,
    analyse,
    gradient_descent,
)
from gui.common.i18n import manager, translate
from gui.common.number_format import number
from gui.common.refresh import RefreshGate
from gui.common.refit import RefitSoon
from gui.linear_systems.editor import SystemEditor
from gui.linear_systems.plots import DescentPlot, LinesPlot, TransformPlot

DIGITS = 4
#: Least height of the plot, in lines of the view's font, for the system (equations, numbers,
#: message) to stay above the tabs: in a shorter view (a lesson's column at presenter 2x)
#: it becomes the first tab, "Ax = b".
PLOT_LINES = 7


def case_message(system, moved=None) -> str:
    """The sentence for ``system``'s case code, with the engine's numbers (and, for ``moved``,
    b + δb, how far the answer moved)."""
    n = lambda v: number(v, DIGITS)  # noqa: E731
    case = system.case
    if case == "bad_input":
        if system.problem == "non_finite":
            return translate("LinearSystem", "Equation {0}: every entry must be a finite "
                             "number.").format(system.row + 1)
        if system.problem == "out_of_range":
            return translate("LinearSystem", "Equation {0}: use numbers between {1} and {2} in "
                             "size (or 0).").format(system.row + 1, number(ENTRY_MIN),
                                                    number(ENTRY_MAX))
        if system.problem == "zero_row":
            return translate("LinearSystem", "Equation {0}: both coefficients are 0, so it is "
                             "not a line.").format(system.row + 1)
        return translate("LinearSystem", "Give 2 to 6 equations, each with two coefficients "
                         "and a right-hand side.")
    x = system.solution
    if case == "unique":
        text = translate("LinearSystem", "One solution: the lines cross at x = ({0}, {1}), "
                         "np.linalg.solve(A, b).").format(n(x[0]), n(x[1]))
    elif case == "ill_conditioned":
        text = translate("LinearSystem", "Ill-conditioned: cond(A) = {0} > {1}. The lines are "
                         "nearly parallel, so a small change in b moves the answer far. "
                         "np.linalg.solve gives x = ({2}, {3}).").format(
            n(system.cond), n(ILL_CONDITIONED), n(x[0]), n(x[1]))
    elif case == "singular_none":
        text = translate("LinearSystem", "Singular: det A = 0 and the lines are parallel. No "
                         "solution.")
    elif case == "singular_line":
        d = system.direction
        text = translate("LinearSystem", "Singular: det A = 0 and the lines coincide. Every "
                         "point ({0}, {1}) + t·({2}, {3}) is a solution.").format(
            n(x[0]), n(x[1]), n(d[0]), n(d[1]))
    else:
        text = translate("LinearSystem", "{0} equations, 2 unknowns: no exact solution in "
                         "general. np.linalg.lstsq gives x* = ({1}, {2}), the point with the "
                         "least sum of squared residuals ‖Ax* − b‖² = {3} (purple: the "
                         "residuals).").format(system.A.shape[0], n(x[0]), n(x[1]),
                                               n(system.squared_residuals))
    if moved is not None and moved.has_point and system.has_point:
        shift = float(np.linalg.norm(moved.solution - x))
        # one sentence with the case's ({0}), so a language joins them its own way
        text = translate("LinearSystem", "{0} With b + δb (dashed) the answer moves to "
                         "({1}, {2}): {3} away.").format(
            text, n(moved.solution[0]), n(moved.solution[1]), n(shift))
    return text


def numbers_text(system) -> str:
    """det A (square A) and cond(A), as the engine computed them."""
    if system.case == "bad_input":
        return ""
    cond = "∞" if math.isinf(system.cond) else number(system.cond, DIGITS)
    if system.A.shape[0] == 2:
        return translate("LinearSystem", "det A = {0}    cond(A) = {1}").format(
            number(system.det, DIGITS), cond)
    return translate("LinearSystem", "cond(A) = {0}").format(cond)


def descent_message(run) -> str:
    """What gradient descent did at η, from its regime code."""
    if run is None:
        return ""
    eta, limit = number(run.learning_rate, DIGITS), number(run.stable_below, DIGITS)
    if run.regime == "converges":
        return translate("LinearSystem", "η = {0} < 1/λ_max(AᵀA) = {1}: gradient descent on "
                         "‖Ax − b‖² walks downhill to the least-squares point.").format(eta, limit)
    if run.regime == "oscillates":
        return translate("LinearSystem", "η = {0} = 1/λ_max(AᵀA): each step overshoots by "
                         "exactly as much as it corrects; the path swings forever.").format(eta)
    return translate("LinearSystem", "η = {0} > 1/λ_max(AᵀA) = {1}: each step overshoots "
                     "further; gradient descent diverges.").format(eta, limit)


class _SystemBox(QtWidgets.QWidget):
    """A tab page (the system's widgets, or the descent's) with no height for width while it
    is in the tabs: a tab widget would take the page's preferred height (its plot's) as its
    least height, and the dock scrolled (the descent tab at 1920×1080 took 714 px)."""

    in_tabs = True

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return False if self.in_tabs else super().hasHeightForWidth()


class LinearSystemView(QtWidgets.QWidget):
    """Entries, numbers, the case message and three tabs (:data:`PLOTS`), with the key of
    the plot in front under them.

    When the system above the tabs would leave the plot under :data:`PLOT_LINES` lines of the
    font (at presenter 2x in a lesson's column the view is about 640 × 380 px, and equations,
    message and key alone are taller), the system becomes the first tab, "Ax = b", before the
    plots (:attr:`compact`); it comes back above them when the view is tall enough again."""

    REDRAWS_ON = ()  # its own state: no controller signal changes it

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.A = np.array(EXAMPLES["unique"][0])
        self.b = np.array(EXAMPLES["unique"][1])
        self.delta = 0.0  # change of the last right-hand side (δb = (0, …, 0, δ))
        self.learning_rate = DESCENT_DEFAULTS["learning_rate"]
        self.steps = DESCENT_DEFAULTS["steps"]
        self.start = np.array(DESCENT_DEFAULTS["start"], dtype=float)
        self.system = analyse(self.A, self.b)
        self.moved = None
        self.run = None

        self.examples = QtWidgets.QComboBox()
        # as wide as "Examples…", not as its longest entry (the list opens wider)
        self.examples.setSizeAdjustPolicy(
            QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.examples.setMinimumContentsLength(10)
        self.examples.activated.connect(self._example_chosen)
        self.editor = SystemEditor()
        self.editor.edited.connect(self._typed)
        self.delta_box = QtWidgets.QDoubleSpinBox(decimals=4, minimum=-10.0, maximum=10.0,
                                                  singleStep=0.001)
        self.delta_box.valueChanged.connect(self._delta_changed)
        self.delta_label = QtWidgets.QLabel()
        self.numbers = QtWidgets.QLabel()
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

        self.lines_plot = LinesPlot()
        self.lines_plot.rowDragged.connect(self._row_dragged)
        self.transform_plot = TransformPlot()
        self.descent_plot = DescentPlot()
        self.eta_box = QtWidgets.QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=10.0,
                                                singleStep=0.01, value=self.learning_rate)
        self.eta_box.valueChanged.connect(self._descent_changed)
        self.steps_box = QtWidgets.QSpinBox(minimum=1, maximum=1000, value=self.steps)
        self.steps_box.valueChanged.connect(self._descent_changed)
        self.eta_label, self.steps_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.descent_message = QtWidgets.QLabel()
        self.descent_message.setWordWrap(True)
        descent = _SystemBox()
        controls = QtWidgets.QHBoxLayout()
        for widget in (self.eta_label, self.eta_box, self.steps_label, self.steps_box):
            controls.addWidget(widget)
        controls.addStretch(1)
        descent_layout = QtWidgets.QVBoxLayout(descent)
        descent_layout.setContentsMargins(0, 0, 0, 0)
        descent_layout.addLayout(controls)
        descent_layout.addWidget(self.descent_message)
        descent_layout.addWidget(self.descent_plot, 1)
        self.tabs = QtWidgets.QTabWidget()
        #: the plots' pages, in the order of PLOTS
        self.pages = (self.lines_plot, self.transform_plot, descent)
        self._plot_page = self.lines_plot  # the plot tab shown last
        for widget in self.pages:
            self.tabs.addTab(widget, "")
        self.caption = QtWidgets.QLabel()  # the key of the plot in front
        self.caption.setWordWrap(True)
        self.tabs.currentChanged.connect(self._show_caption)

        # the examples under the editor's +/− buttons; δb on the line of the numbers
        self.editor.side.insertWidget(1, self.examples)
        options = QtWidgets.QHBoxLayout()
        options.addWidget(self.numbers, 1)
        options.addWidget(self.delta_label)
        options.addWidget(self.delta_box)
        #: the system: entries, examples and δb, numbers, message (above the tabs, or the
        #: first tab when compact)
        self.system_box = _SystemBox()
        self.system_box.in_tabs = False
        system = QtWidgets.QVBoxLayout(self.system_box)
        system.setContentsMargins(0, 0, 0, 0)
        system.setSpacing(3)
        system.addWidget(self.editor)
        system.addLayout(options)
        system.addWidget(self.message)
        system.addStretch(1)
        self.compact = False
        self.main_layout = layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.system_box)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.caption)
        self._fit_timer = RefitSoon(self, self.fit_system)  # after a resize or a new font
        self.gate = RefreshGate(self, self.redraw)
        self.editor.show_system(self.A, self.b)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        self._solve()

    # ------------------------------------------------------------------ texts
    def retranslate(self, _language: str = "") -> None:
        names = {"unique": translate("LinearSystem", "Example: 3x₁ + x₂ = 9, x₁ + 2x₂ = 8"),
                 "singular_none": translate("LinearSystem", "Parallel lines"),
                 "singular_line": translate("LinearSystem", "Coincident lines"),
                 "ill_conditioned": translate("LinearSystem", "Nearly parallel lines"),
                 "overdetermined": translate("LinearSystem", "Three lines")}
        self.examples.blockSignals(True)
        self.examples.clear()
        self.examples.addItem(translate("LinearSystem", "Examples…"), None)
        for code in EXAMPLES:
            self.examples.addItem(names[code], code)
        self.examples.blockSignals(False)
        self.delta_label.setText(translate("LinearSystem", "δb:"))
        self.delta_box.setToolTip(translate(
            "LinearSystem", "δb: change the last right-hand side b by this much; the dashed lines "
            "and the ring show the new answer"))
        for page, title in zip(self.pages, (translate("LinearSystem", "Lines"),
                                            translate("LinearSystem", "A as a map"),
                                            translate("LinearSystem", "Gradient descent")),
                               strict=True):
            self.tabs.setTabText(self.tabs.indexOf(page), title)
        if self.compact:
            self.tabs.setTabText(0, translate("LinearSystem", "Ax = b"))
        self.eta_label.setText(translate("LinearSystem", "η"))
        self.steps_label.setText(translate("LinearSystem", "steps"))
        self.editor.retranslate()
        self.lines_plot.retranslate()
        self._show_caption()
        self._show_texts()

    def _show_texts(self) -> None:
        self.numbers.setText(numbers_text(self.system))
        self.message.setText(case_message(self.system, self.moved))
        self.descent_message.setText(descent_message(self.run))

    @staticmethod
    def _captions() -> tuple[str, str, str]:
        """The keys of the three plots, in the order of PLOTS."""
        return (
            translate("LinearSystem", "Each line is one equation; drag its two squares to move "
                      "it. ●: the answer; ○: the answer for b + δb."),
            translate("LinearSystem", "Grey: the grid of the plane; blue: its image x ↦ Ax; "
                      "thick: Ae₁ and Ae₂, the columns of A. A multiplies every area by |det A|."),
            translate("LinearSystem", "Colour: log(1 + ‖Ax − b‖²); □: the start; ✕: the "
                      "least-squares point; white: the path of gradient descent."))

    def _show_caption(self, _index: int = 0) -> None:
        current = self.tabs.currentWidget()
        shown = current in self.pages
        if shown and current is not self._plot_page:
            self._plot_page = current
            self._fit_timer.start()  # another plot: its own room above and below it
        self.caption.setText(self._captions()[self.pages.index(current)] if shown else "")
        self.caption.setVisible(shown)

    # ------------------------------------------------------------------ the system's place
    def wants_compact(self) -> bool:
        """Whether the system above the tabs would leave the plot (of the plot tab shown last)
        under PLOT_LINES lines of the font, or under its least height. Measured the same
        whichever tab is in front, so the choice does not flip when the tab changes."""
        width = self.width() - 8
        system = self.system_box.layout()
        chrome = (system.totalHeightForWidth(width) if system.hasHeightForWidth()
                  else system.totalSizeHint().height())
        page = self._plot_page
        plot = self.descent_plot if page is self.pages[2] else page
        if page is not plot:  # the descent's η, steps and message above its plot
            layout = page.layout()
            chrome += layout.totalHeightForWidth(width) - plot.sizeHint().height()
        metrics = self.caption.fontMetrics()
        caption = metrics.boundingRect(QtCore.QRect(0, 0, width, 0),
                                       int(QtCore.Qt.TextFlag.TextWordWrap),
                                       self._captions()[self.pages.index(page)]).height()
        chrome += self.tabs.tabBar().sizeHint().height() + caption + 3 * 3 + 8
        least = max(PLOT_LINES * self.fontMetrics().lineSpacing(), plot.minimumHeight())
        return self.room() - chrome < least

    def room(self) -> int:
        """The height the view is shown in: its scroll area's (a dock's ViewScrollArea makes
        the view at least as tall as its least height and scrolls it), else its own."""
        parent = self.parentWidget()
        if parent is not None and isinstance(parent.parentWidget(), QtWidgets.QAbstractScrollArea):
            return parent.height()
        return self.height()

    def fit_system(self) -> None:
        if self.room() > 0 and self.width() > 0:
            self.set_compact(self.wants_compact())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self.parentWidget() and event.type() == QtCore.QEvent.Type.Resize:
            self._fit_timer.start()  # the scroll area's viewport: the room changed
        return False

    def event(self, event) -> bool:
        if event.type() == QtCore.QEvent.Type.ParentChange and self.parentWidget() is not None:
            self.parentWidget().installEventFilter(self)
        return super().event(event)

    def set_compact(self, compact: bool) -> None:
        """The system as the first tab (True) or above the tabs (False)."""
        if compact == self.compact:
            return
        self.compact = self.system_box.in_tabs = compact
        current = self.tabs.currentWidget()
        if current not in self.pages:
            current = self._plot_page
        with QtCore.QSignalBlocker(self.tabs):
            if compact:
                self.main_layout.removeWidget(self.system_box)
                self.tabs.insertTab(0, self.system_box, translate("LinearSystem", "Ax = b"))
            else:
                self.tabs.removeTab(0)
                self.main_layout.insertWidget(0, self.system_box)
                self.system_box.show()
            self.tabs.setCurrentWidget(current)
        self._show_caption()

    # ------------------------------------------------------------------ state
    def set_system(self, A, b, *, delta: float | None = None, _typed: bool = False,
                   _dragged: int | None = None) -> None:
        """Show Ax = b (A: m × 2, b: m; anything, bad input is reported, never raised).
        ``delta``: the change of the last right-hand side (None keeps it)."""
        self.A, self.b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)
        if delta is not None:
            self.delta = float(delta)
            blocked = self.delta_box.blockSignals(True)
            self.delta_box.setValue(self.delta)
            self.delta_box.blockSignals(blocked)
        if not _typed:
            self.editor.show_system(self.A, self.b)
        self._dragged = _dragged
        self._solve()

    def set_descent(self, learning_rate: float | None = None, steps: int | None = None,
                    start=None) -> None:
        """The gradient-descent run's η, step count and start x₀ (None keeps each)."""
        if learning_rate is not None:  # as the η box shows it (4 decimals)
            self.learning_rate = round(float(learning_rate), 4)
        if steps is not None:
            self.steps = int(steps)
        if start is not None:
            self.start = np.asarray(start, dtype=float)
        for box, value in ((self.eta_box, self.learning_rate), (self.steps_box, self.steps)):
            blocked = box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(blocked)
        self._solve()

    def show_plot(self, plot: str) -> None:
        """Bring tab ``plot`` (one of ``core.linear_systems.PLOTS``, the tabs' order) to the
        front."""
        self.tabs.setCurrentWidget(self.pages[PLOTS.index(plot)])

    def apply_setup(self, setup: dict) -> None:
        """The linear system of a lesson's steps so far (``core.lesson_steps.system_state``:
        validated and merged); what it leaves out takes the engine's defaults, as the lesson
        check (``core.linear_systems.system_metrics``) does."""
        if "A" in setup:
            self.set_system(setup["A"], setup["b"], delta=setup.get("delta", 0.0))
        self.set_descent(*(setup.get(key, DESCENT_DEFAULTS[key])
                           for key in ("learning_rate", "steps", "start")))
        if "plot" in setup:
            self.show_plot(setup["plot"])

    def _solve(self) -> None:
        self.system = analyse(self.A, self.b)
        self.moved = None
        if self.delta != 0.0 and self.system.case != "bad_input":
            self.moved = analyse(self.A, self.b + np.eye(len(self.b))[-1] * self.delta)
        self.run = None
        if self.system.case != "bad_input":
            self.run = gradient_descent(self.A, self.b, self.start, self.learning_rate,
                                        self.steps)
        self._show_texts()
        self.gate.request()

    def redraw(self) -> None:
        dragged, self._dragged = getattr(self, "_dragged", None), None
        self.lines_plot.show_system(self.system, self.moved, keep_handles=dragged)
        self.transform_plot.show_system(self.system)
        self.descent_plot.show_descent(self.system, self.run)

    # ------------------------------------------------------------------ user input
    def _typed(self, A, b) -> None:
        self.set_system(A, b, _typed=True)

    def _row_dragged(self, row: int, a, rhs: float) -> None:
        A, b = self.A.copy(), self.b.copy()
        A[row], b[row] = a, rhs
        self.set_system(A, b, _dragged=row)

    def _example_chosen(self, index: int) -> None:
        code = self.examples.itemData(index)
        if code is not None:
            A, b = EXAMPLES[code]
            self.set_system(A, b, delta=0.0)
        self.examples.setCurrentIndex(0)

    def _delta_changed(self, value: float) -> None:
        self.delta = float(value)
        self._solve()

    def _descent_changed(self, _value=None) -> None:
        self.learning_rate = self.eta_box.value()
        self.steps = self.steps_box.value()
        self._solve()
