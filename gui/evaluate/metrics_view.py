"""The metrics view (Evaluate workspace): how good is the model on each split?

For the chosen split (Train / Validation / Test — the splits the session has,
``core.evaluation.SPLITS``):

* classification: the confusion matrix (counts or row-normalized; class names from the data
  source), per-class precision, recall and F1 with support, macro and weighted averages and
  accuracy (``core.metrics.classification_report``); a note names the classes no point was
  predicted as, whose precision is 0 by definition;
* two classes: the scores with a draggable decision threshold, the ROC and precision–recall
  curves with AUC and AP (``gui.evaluate.threshold_curves``). The threshold is this view's
  own: it changes the matrix and the table here, while the canvas, status bar and history
  keep the app's 0.5 rule (``core.metrics.predicted_classes``);
* regression: MSE, MAE and R² (``core.metrics.regression_metrics``) and predicted against
  true values.

Layout by room: the table always shows all its rows; when the matrix, the table and the three
curves do not fit the view's height together (presenter fonts in a lesson column), a page box
beside the split box shows either the matrix and the table or the curves
(:attr:`MetricsView.page_box`), so nothing is squeezed into a scrolling table or plots a few
pixels high.

Hovering a matrix cell names the points it holds and emits ``pointsHovered`` with their
indices into ``session.points`` (the main window lights them up on the canvas). The view
redraws through its gate on :attr:`MetricsView.REDRAWS_ON` (throttled during Play).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from core.evaluation import SPLITS, SplitOutputs, split_outputs, task_of
from core.metrics import (
    DEFAULT_THRESHOLD,
    class_probabilities,
    classification_report,
    regression_metrics,
    report_classes,
)
from gui.common.display_names import class_name
from gui.common.flow_layout import FlowLayout
from gui.common.i18n import manager, translate
from gui.common.number_format import fixed, number
from gui.common.refresh import RefreshGate, connect_redraws
from gui.common.refit import RefitSoon
from gui.evaluate.confusion_plot import ConfusionPlot
from gui.evaluate.threshold_curves import ThresholdCurves

SPLIT_TITLES = {"train": QT_TRANSLATE_NOOP("MetricsView", "Train"),
                "validation": QT_TRANSLATE_NOOP("MetricsView", "Validation"),
                "test": QT_TRANSLATE_NOOP("MetricsView", "Test")}
#: Points listed by number in the hover line before "…".
HOVER_LIST = 8
#: The pages of a two-class split when its parts do not fit together (the page box).
#: Short names: the box shares the row of the split box at presenter size.
PAGES = {"matrix": QT_TRANSLATE_NOOP("MetricsView", "Matrix"),
         "curves": QT_TRANSLATE_NOOP("MetricsView", "Curves")}
#: Least height of the threshold curves, in lines of the view's font (title, plot, ticks,
#: axis title) and in px.
CURVES_LINES, CURVES_PX = 6, 110


def split_title(name: str) -> str:
    return translate("MetricsView", SPLIT_TITLES[name])


class MetricsView(QtWidgets.QWidget):
    """Metrics of the current model on one split. Signal ``pointsHovered(object)``: (m,)
    int64 indices into ``session.points`` of the hovered matrix cell (empty: none)."""

    #: Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry
    #: (gui.app_window.view_registry) reads this.
    REDRAWS_ON = ("stepped", "weightsChanged", "dataChanged")
    pointsHovered = Signal(object)

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(280, 170)
        self.controller = None
        self.split: SplitOutputs | None = None
        self.task, self.n_classes, self.names = "classification", 0, []
        self.report: dict | None = None
        self.regression: dict | None = None
        self.y_pred: np.ndarray | None = None

        self.split_box = QtWidgets.QComboBox()
        self.split_box.currentIndexChanged.connect(lambda _i: self.gate.request())
        self.normalized = QtWidgets.QCheckBox()
        self.normalized.toggled.connect(lambda _on: self._show_classification())
        self.page_box = QtWidgets.QComboBox()
        for name in PAGES:
            self.page_box.addItem("", name)
        self.page_box.currentIndexChanged.connect(lambda _i: self._show_page())
        self.page_box.setVisible(False)
        self.paged = False  # the page box chooses what is shown
        self.top = QtWidgets.QWidget()
        top = FlowLayout(self.top, spacing=6)
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (self.split_box, self.normalized, self.page_box):
            top.addWidget(widget)

        self.matrix = ConfusionPlot()
        self.matrix.cellHovered.connect(self._on_cell_hovered)
        self.table = QtWidgets.QTableWidget(0, 4)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        # every column as wide as its texts, the table as wide as its columns (nothing elided
        # at presenter scale); the matrix takes the rest of the row
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(
            QtWidgets.QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred,
                                 QtWidgets.QSizePolicy.Policy.Expanding)
        self.table.setMinimumSize(120, 80)
        self.curves = ThresholdCurves()
        self.curves.thresholdChanged.connect(lambda _t: self._show_classification())
        self.upper = QtWidgets.QWidget()
        upper = QtWidgets.QHBoxLayout(self.upper)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.matrix, 1)
        upper.addWidget(self.table, 0)
        self.classification_page = QtWidgets.QWidget()
        page = QtWidgets.QVBoxLayout(self.classification_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.upper, 3)
        page.addWidget(self.curves, 2)
        self._fit_timer = RefitSoon(self, self._fit_layout)  # after a resize or a new font
        self.table.verticalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())

        self.regression_label = QtWidgets.QLabel()
        self.regression_label.setWordWrap(True)
        self.scatter_plot = pg.PlotWidget()
        self.scatter_plot.setBackground("w")
        self.scatter_plot.setMinimumSize(150, 100)
        plot = self.scatter_plot.getPlotItem()
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.15)
        self.diagonal = pg.PlotDataItem(pen=pg.mkPen("#A0A0A0", width=1))
        self.scatter = pg.ScatterPlotItem(size=6, pen=None, brush=pg.mkBrush("#0072B2"))
        plot.addItem(self.diagonal)
        plot.addItem(self.scatter)
        self.regression_page = QtWidgets.QWidget()
        page = QtWidgets.QVBoxLayout(self.regression_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.regression_label)
        page.addWidget(self.scatter_plot, 1)

        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.classification_page)
        self.pages.addWidget(self.regression_page)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8A4B00;")
        self.hover_line = QtWidgets.QLabel()
        self.hover_line.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.hover_line)
        self.note.setVisible(False)
        self.hover_line.setVisible(False)

        self.gate = RefreshGate(self, self.redraw, min_interval=0.1)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()
        if controller is not None:
            self.set_controller(controller)

    # ------------------------------------------------------------------ wiring
    def set_controller(self, controller) -> None:
        self.controller = controller
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        self.gate.request()

    def retranslate(self, _language: str = "") -> None:
        self.normalized.setText(translate("MetricsView", "Row-normalized"))
        self.normalized.setToolTip(translate(
            "MetricsView", "Show each row as shares of its true class instead of counts"))
        self.split_box.setToolTip(translate("MetricsView", "Which points to evaluate"))
        for i in range(self.split_box.count()):
            self.split_box.setItemText(i, split_title(self.split_box.itemData(i)))
        for i, name in enumerate(PAGES):
            self.page_box.setItemText(i, translate("MetricsView", PAGES[name]))
        self.page_box.setToolTip(translate(
            "MetricsView", "Show the confusion matrix and the table, or the threshold, ROC "
                           "and precision–recall curves (the view has no room for all of them "
                           "together)"))
        # short column titles (legible at presenter scale), the full names in their tooltips
        titles = [
            (translate("MetricsView", "prec."), translate(
                "MetricsView", "Precision: of the points predicted as this class, the share "
                               "that truly belong to it")),
            (translate("MetricsView", "recall"), translate(
                "MetricsView", "Recall: of the points of this class, the share predicted as "
                               "it")),
            (translate("MetricsView", "F1"), translate(
                "MetricsView", "F1: the harmonic mean of precision and recall")),
            (translate("MetricsView", "n"), translate(
                "MetricsView", "Support: the number of points of this class in the split")),
        ]
        for column, (title, tip) in enumerate(titles):
            item = QtWidgets.QTableWidgetItem(title)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        plot = self.scatter_plot.getPlotItem()
        plot.setLabel("bottom", translate("MetricsView", "true value"))
        plot.setLabel("left", translate("MetricsView", "predicted value"))
        self.curves.retranslate()
        if self.controller is not None:
            self.gate.request()

    # ------------------------------------------------------------------ layout
    def table_height(self) -> int:
        """Pixels the table needs to show all its rows and its header, from its contents and
        font (its sections follow them only later, when Qt lays the table out again)."""
        table, header = self.table, self.table.verticalHeader()
        rows = sum(max(table.sizeHintForRow(r), header.sectionSizeHint(r))
                   for r in range(table.rowCount()) if not table.isRowHidden(r))
        return table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth()

    def _curves_height(self) -> int:
        return max(CURVES_PX, int(CURVES_LINES * self.fontMetrics().lineSpacing()))

    def _fit_layout(self) -> None:
        """Matrix, table and curves together while they fit the height, the table showing all
        its rows; else one page of them at a time (see the module docstring)."""
        layout = self.layout()
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        height = self.height() - margins.top() - margins.bottom()
        if width <= 0 or height <= 0:
            return
        two_parts = self.pages.currentWidget() is self.classification_page and \
            self.curves.isVisibleTo(self.classification_page) or self.paged
        two_parts = two_parts and self.n_classes == 2 and self.task != "regression"
        extras = sum(label.heightForWidth(width) + layout.spacing()
                     for label in (self.note, self.hover_line) if not label.isHidden())
        self.page_box.setVisible(False)
        top = self.top.heightForWidth(width) + layout.spacing()
        spacing = self.classification_page.layout().spacing()
        together = top + extras + self.table_height() + spacing + self._curves_height()
        paged = two_parts and together > height
        if paged != self.paged:
            self.paged = paged
        self.page_box.setVisible(paged)
        self.top.updateGeometry()
        if not paged:  # the curves take what the table leaves
            top = self.top.heightForWidth(width) + layout.spacing()
            left = height - top - extras - self.table_height() - spacing
            self.curves.setMaximumHeight(max(left, 0) if two_parts else 16777215)
        else:
            self.curves.setMaximumHeight(16777215)
        self._show_page()

    def _show_page(self) -> None:
        """Both parts, or the page chosen in the page box."""
        binary = self.n_classes == 2 and self.task != "regression"
        page = self.page_box.currentData() if self.paged else None
        self.upper.setVisible(page != "curves")
        self.curves.setVisible(binary and page != "matrix")

    def show_page(self, name: str) -> None:
        """Choose the page shown while the view is paged (a key of PAGES)."""
        self.page_box.setCurrentIndex(self.page_box.findData(name))

    @property
    def threshold(self) -> float:
        """The view's decision threshold (two classes; the app's rule is 0.5)."""
        return self.curves.threshold if self.n_classes == 2 else DEFAULT_THRESHOLD

    def current_split(self) -> str:
        return self.split_box.currentData() or "test"

    def select_split(self, name: str) -> None:
        index = self.split_box.findData(name)
        if index >= 0:
            self.split_box.setCurrentIndex(index)

    # ------------------------------------------------------------------ redraw
    def _sync_splits(self, session) -> None:
        present = [name for name in SPLITS if name == "test"
                   or len(getattr(session, f"{name}_indices", None) if getattr(
                       session, f"{name}_indices", None) is not None else ()) > 0]
        if [self.split_box.itemData(i) for i in range(self.split_box.count())] == present:
            return
        keep = self.split_box.currentData() or "test"
        self.split_box.blockSignals(True)
        self.split_box.clear()
        for name in present:
            self.split_box.addItem(split_title(name), name)
        index = self.split_box.findData(keep)
        self.split_box.setCurrentIndex(index if index >= 0 else self.split_box.count() - 1)
        self.split_box.blockSignals(False)

    def redraw(self) -> None:
        c = self.controller
        if c is None:
            return
        session = c.session
        self._sync_splits(session)
        self.task, self.n_classes = task_of(session)
        self.names = [class_name(session, k) for k in range(self.n_classes)]
        self.split = split_outputs(session, self.current_split())
        self.report = self.regression = None
        if self.split is None:
            self._set_note(translate("MetricsView", "This split has no points."))
            self.pages.setVisible(False)
            return
        self.pages.setVisible(True)
        if self.task == "regression":
            self.pages.setCurrentWidget(self.regression_page)
            self._show_regression()
            return
        self.pages.setCurrentWidget(self.classification_page)
        binary = self.n_classes == 2
        self._show_page()
        if binary:
            p = class_probabilities(self.split.outputs, 2)
            self.curves.set_scores(self.split.y_true, p[:, 1])
        self._show_classification()

    def _show_regression(self) -> None:
        split = self.split
        predicted = split.outputs[:, 0]
        self.regression = m = regression_metrics(split.y_true, predicted)
        self.regression_label.setText(translate(
            "MetricsView", "MSE {0}    MAE {1}    R² {2}").format(
            number(m["mse"], 4), number(m["mae"], 4), fixed(m["r2"], 3)))
        self.scatter.setData(split.y_true, np.where(np.isfinite(predicted), predicted, np.nan))
        finite = np.concatenate([split.y_true, predicted[np.isfinite(predicted)]])
        low, high = float(finite.min()), float(finite.max())
        self.diagonal.setData([low, high], [low, high])
        self._set_note("")

    def _show_classification(self) -> None:
        split = self.split
        if split is None or self.task == "regression":
            return
        k = self.n_classes
        self.y_pred = report_classes(class_probabilities(split.outputs, k), k, self.threshold)
        self.report = report = classification_report(split.y_true, self.y_pred, k, self.names)
        self.matrix.set_matrix(np.asarray(report["confusion"]), self.names,
                               self.normalized.isChecked())
        self._fill_table(report)
        notes = []
        if report["unpredicted"]:
            notes.append(translate(
                "MetricsView", "Never predicted: {0}. Precision is 0 there by definition "
                "(no predicted positives).").format(
                ", ".join(self.names[i] for i in report["unpredicted"])))
        if k == 2 and np.isnan(self.curves.auc):
            notes.append(translate("MetricsView", "ROC and AP need both classes in the split "
                                   "and finite outputs."))
        self._set_note(" ".join(notes))
        if self.matrix.hovered != (-1, -1):
            self._on_cell_hovered(*self.matrix.hovered)
        self._fit_timer.start()  # the table's rows, the note

    def _fill_table(self, report: dict) -> None:
        rows = [(c["name"], c["precision"], c["recall"], c["f1"], str(c["support"]))
                for c in report["per_class"]]
        rows.append((translate("MetricsView", "macro"), report["macro"]["precision"],
                     report["macro"]["recall"], report["macro"]["f1"], str(report["n"])))
        rows.append((translate("MetricsView", "weighted"), report["weighted"]["precision"],
                     report["weighted"]["recall"], report["weighted"]["f1"], str(report["n"])))
        rows.append((translate("MetricsView", "accuracy"), None, None, report["accuracy"],
                     str(report["n"])))
        if self.table.rowCount() != len(rows):
            self.table.setRowCount(len(rows))
            for r in range(len(rows)):
                for col in range(4):
                    self.table.setItem(r, col, QtWidgets.QTableWidgetItem())
        labels = []
        for r, (name, *values) in enumerate(rows):
            labels.append(name)
            for col, value in enumerate(values):
                text = value if isinstance(value, str) else (
                    "" if value is None else fixed(value, 3))
                self.table.item(r, col).setText(text)
        self.table.setVerticalHeaderLabels(labels)
        tips = {len(rows) - 3: translate("MetricsView", "Macro average: the plain mean over "
                                                        "the classes"),
                len(rows) - 2: translate("MetricsView", "Weighted average: the mean over the "
                                                        "classes weighted by their support")}
        for row, tip in tips.items():
            self.table.verticalHeaderItem(row).setToolTip(tip)

    def table_texts(self) -> list[list[str]]:
        """The table as shown: one list per row, the row name first (for tests)."""
        return [[self.table.verticalHeaderItem(r).text()]
                + [self.table.item(r, c).text() for c in range(4)]
                for r in range(self.table.rowCount())]

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # ------------------------------------------------------------------ hover
    def cell_points(self, i: int, j: int) -> np.ndarray:
        """Indices into ``session.points`` of the points of true class i predicted as j at the
        view's threshold; empty outside the matrix."""
        if self.split is None or self.y_pred is None or min(i, j) < 0:
            return np.empty(0, dtype=np.int64)
        mask = (self.split.y_true == i) & (self.y_pred == j)
        return self.split.indices[mask]

    def _on_cell_hovered(self, i: int, j: int) -> None:
        points = self.cell_points(i, j)
        if min(i, j) < 0 or i >= len(self.names) or j >= len(self.names):
            self.hover_line.setVisible(False)
            self.pointsHovered.emit(np.empty(0, dtype=np.int64))
            return
        listed = ", ".join(f"#{int(p)}" for p in points[:HOVER_LIST])
        if len(points) > HOVER_LIST:
            listed += ", …"
        self.hover_line.setText(translate(
            "MetricsView", "True {0}, predicted {1}: n = {2} {3}").format(
            self.names[i], self.names[j], len(points), listed).rstrip())
        self.hover_line.setVisible(True)
        self.pointsHovered.emit(points)
