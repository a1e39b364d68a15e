"""The Compare view: runs A and B (``core.comparison.Comparison``) side by side.

* both decision boundaries (or prediction heatmaps / curves), each on a ``DataCanvas`` fed by
  its own ``CanvasPresenter`` (the canvas's one drawing rule);
* both loss curves in one plot: A solid, B dashed (training and test data loss of each run's
  evaluated history rows, as the Loss curve draws them), the legend above the plot area (it
  covers no curve);
* the settings that differ (``core.comparison.settings_that_differ``), with their labels and
  values as the setting panels show them;
* the final numbers side by side: the training and test data losses and accuracies of the
  newest evaluated history row of each run (the engine's own numbers; the step is in the
  titles).

In presenter mode (larger fonts) the four parts are pages of one tab widget, one at a time
(Runs, Data loss, Settings, Numbers): beneath the boundaries the loss plot had no room.

The same widget is the Compare workspace's view and, drawn offscreen, the ``compare.png`` of
``app.py --compare`` (``gui.app_window.headless_figures``). Plot items are made once and
updated with ``setData``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.comparison import settings_that_differ
from gui.canvas.data_canvas import DataCanvas
from gui.canvas.presenter import CanvasPresenter
from gui.charts.loss_curve import TEST_COLOUR, TRAIN_COLOUR, peak_decimate
from gui.common.display_names import setting_label, value_text
from gui.common.i18n import manager, translate
from gui.common.legible_axes import space_ticks_by_font
from gui.common.number_format import number
from gui.common.refit import RefitSoon
from gui.common.themes import view_look

#: Size (px) of the view drawn for ``compare.png`` before it is scaled to --width.
FIGURE_SIZE = (1400, 860)
#: The columns of the final-numbers table: (split, English title), the splits the loss plot
#: draws (a split no run has is left out). Its rows are A's and B's data loss, then
#: (classification) their accuracy.
SPLITS = (("train", QT_TRANSLATE_NOOP("CompareView", "train")),
          ("test", QT_TRANSLATE_NOOP("CompareView", "test")))
ROWS = (("a", "loss", QT_TRANSLATE_NOOP("CompareView", "A data loss")),
        ("b", "loss", QT_TRANSLATE_NOOP("CompareView", "B data loss")),
        ("a", "accuracy", QT_TRANSLATE_NOOP("CompareView", "A accuracy")),
        ("b", "accuracy", QT_TRANSLATE_NOOP("CompareView", "B accuracy")))
DASH = QtCore.Qt.PenStyle.DashLine
#: Least size (px) of each boundary canvas.
CANVAS_MIN = (180, 150)


def last_evaluated(arrays: dict[str, np.ndarray]) -> dict[str, float]:
    """The newest evaluated row of ``History.arrays()`` as {column: float, "step": int};
    {} without one."""
    steps = arrays.get("step", np.empty(0))
    flags = arrays.get("evaluated")
    rows = np.flatnonzero(flags == 1.0) if flags is not None and flags.size == steps.size \
        else np.arange(steps.size)
    if rows.size == 0:
        return {}
    row = int(rows[-1])
    result = {key: float(values[row]) for key, values in arrays.items()
              if key != "step" and values.size == steps.size}
    result["step"] = int(steps[row])
    return result


def fit_height(table: QtWidgets.QTableWidget) -> None:
    """Make ``table`` exactly as tall as its header and rows (it never scrolls)."""
    table.resizeRowsToContents()
    header = table.horizontalHeader()
    height = header.height() if header.isVisible() else 0
    height += sum(table.rowHeight(row) for row in range(table.rowCount()))
    table.setFixedHeight(height + 2 * table.frameWidth())


class CompareLossPlot(pg.PlotWidget):
    """Training and test/validation data loss of A (solid) and B (dashed) against step."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent, background="w")
        self.plot_item = self.getPlotItem()
        self.plot_item.hideButtons()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.showGrid(x=True, y=True, alpha=0.2)
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).enableAutoSIPrefix(False)
            # the legend row leaves a short plot at presenter sizes: ticks far enough apart
            # for their labels (they overlapped at 1280×720, 1.5× and 2×)
            space_ticks_by_font(self.plot_item.getAxis(name))
        # the legend above the data, in the plot's title row: inside the view box it covered
        # a curve (issue 15); two columns, A's lines then B's, so it fits a narrow dock
        self.legend = pg.LegendItem(colCount=2)
        self.plot_item.layout.removeItem(self.plot_item.titleLabel)
        self.plot_item.titleLabel.setVisible(False)
        self.plot_item.layout.addItem(self.legend, 0, 1)
        self.lines: dict[tuple[str, str], pg.PlotDataItem] = {}
        for run in ("a", "b"):
            for column, colour in (("train_loss", TRAIN_COLOUR), ("test_loss", TEST_COLOUR)):
                pen = pg.mkPen(colour, width=2, style=DASH if run == "b" else None)
                line = pg.PlotDataItem(pen=pen)
                self.plot_item.addItem(line)
                self.lines[(run, column)] = line
        self.setMinimumSize(220, 150)
        self.retranslate()

    def retranslate(self, _language: str = "") -> None:
        self.plot_item.setLabel("bottom", translate("CompareView", "step"))
        self.legend.clear()
        names = {("a", "train_loss"): translate("CompareView", "A train"),
                 ("a", "test_loss"): translate("CompareView", "A test"),
                 ("b", "train_loss"): translate("CompareView", "B train"),
                 ("b", "test_loss"): translate("CompareView", "B test")}
        for key, line in self.lines.items():
            self.legend.addItem(line, names[key])

    def set_histories(self, arrays_a: dict, arrays_b: dict, playing: bool = False) -> None:
        """Draw both runs' evaluated rows (``History.arrays()``); non-finite values are gaps.
        1-px lines while playing (wide antialiased strokes are slow)."""
        width = max(int(self.plot_item.vb.width()), 200)
        for run, arrays in (("a", arrays_a), ("b", arrays_b)):
            steps = np.asarray(arrays.get("step", ()), dtype=np.float64)
            flags = arrays.get("evaluated")
            keep = flags == 1.0 if flags is not None and flags.size == steps.size \
                else np.ones(steps.size, bool)
            columns = [np.asarray(arrays.get(key, np.full(steps.size, np.nan)),
                                  dtype=np.float64)[keep] for key in ("train_loss", "test_loss")]
            shown, thinned = peak_decimate(steps[keep], columns, 4 * width)
            for column, values in zip(("train_loss", "test_loss"), thinned, strict=True):
                line = self.lines[(run, column)]
                pen = line.opts["pen"]
                pen.setWidthF(1.0 if playing else 2.0)
                line.setPen(pen)
                line.setData(shown, values, connect="finite")


class CompareView(QtWidgets.QWidget):
    """Runs A and B side by side (module docstring); :meth:`set_comparison` then
    :meth:`refresh` after every change."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("compare_view")
        self.comparison = None
        self.titles = [QtWidgets.QLabel(), QtWidgets.QLabel()]
        self.canvases = [DataCanvas(), DataCanvas()]
        self.presenters = [CanvasPresenter(canvas) for canvas in self.canvases]
        for canvas in self.canvases:  # small twins of the main canvas, whose legend says it all
            canvas.setMinimumSize(*CANVAS_MIN)
            canvas.legend_entries = lambda: []
        self.loss_plot = CompareLossPlot()
        self.differences = QtWidgets.QTableWidget(0, 3)
        self.metrics = QtWidgets.QTableWidget(0, 2)
        for table in (self.differences, self.metrics):
            table.verticalHeader().setVisible(table is self.metrics)
            table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
            table.horizontalHeader().setStretchLastSection(True)
            table.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setWordWrap(False)
            table.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding,
                                QtWidgets.QSizePolicy.Policy.Fixed)
        # a new font (presenter mode, theme) changes the row heights: fit the tables again,
        # each when its own font changes (a table on a page behind another gets the
        # presenter's font only when it is shown: fitted before, it cut its last row)
        self.refits = [RefitSoon(table, self.fit_tables)
                       for table in (self.differences, self.metrics)]
        self.differences.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.metrics.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.metrics.verticalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.differences_title = QtWidgets.QLabel()
        self.metrics_title = QtWidgets.QLabel()
        for label in (*self.titles, self.differences_title, self.metrics_title):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            # one line, no word wrap: a wrapping label makes the layout height-for-width, and
            # the dock's scroll area then sizes the view by its preferred height (it scrolled
            # at every size); a title too long for its column is cut, and says so in its tip
            label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                QtWidgets.QSizePolicy.Policy.Preferred)

        # the two boundaries side by side on top (each near square at the workspace's size);
        # below them the loss curves beside the settings that differ and the final numbers
        self.runs_page = QtWidgets.QWidget()
        top = QtWidgets.QGridLayout(self.runs_page)
        top.setContentsMargins(0, 0, 0, 0)
        for column in (0, 1):
            top.addWidget(self.titles[column], 0, column)
            top.addWidget(self.canvases[column], 1, column)
            top.setColumnStretch(column, 1)
        top.setRowStretch(1, 1)
        self.loss_title = QtWidgets.QLabel()
        self.loss_title.setFont(self.titles[0].font())
        self.loss_title.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                      QtWidgets.QSizePolicy.Policy.Preferred)
        self.loss_page = QtWidgets.QWidget()
        loss = QtWidgets.QVBoxLayout(self.loss_page)
        loss.setContentsMargins(0, 0, 0, 0)
        loss.addWidget(self.loss_title)
        loss.addWidget(self.loss_plot, 1)
        self.tables_page = QtWidgets.QWidget()
        tables = QtWidgets.QVBoxLayout(self.tables_page)
        tables.setContentsMargins(0, 0, 0, 0)
        for widget in (self.differences_title, self.differences, self.metrics_title,
                       self.metrics):
            tables.addWidget(widget)
        tables.addStretch(1)
        # at presenter size every part is a page of its own, one at a time: below the
        # boundaries the loss plot kept a 26 px data area at 1280×720, 2× (its legend and
        # the tables took the rest); each table on a page with a stretch below it
        self.pages = QtWidgets.QTabWidget()
        self.pages.setObjectName("compare_pages")
        self.pages.setDocumentMode(True)
        self.pages.hide()
        self.table_pages = []
        for table in (self.differences, self.metrics):
            page = QtWidgets.QWidget()
            QtWidgets.QVBoxLayout(page).setContentsMargins(0, 2, 0, 0)
            page.layout().addStretch(1)
            self.table_pages.append(page)
        self.folded = False
        self.bottom = QtWidgets.QHBoxLayout()
        self.bottom.addWidget(self.loss_page, 1)
        self.bottom.addWidget(self.tables_page, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.runs_page, 3)
        layout.addLayout(self.bottom, 2)
        layout.addWidget(self.pages)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()

    # -- presenter size ----------------------------------------------------------------------
    def apply_view_look(self) -> None:
        """Presenter mode (``view_look()["font_scale"]`` > 1) folds the view into pages;
        leaving it shows every part at once again (gui.common.themes calls this)."""
        self.set_folded(view_look().get("font_scale", 1.0) > 1.0)

    def set_folded(self, folded: bool) -> None:
        """Show the boundaries, the loss plot, the settings that differ and the final numbers
        as four pages of one tab widget (True), or all at once, the boundaries above the loss
        plot and the tables (False). Every number stays in its table, every line in the
        plot."""
        if folded == self.folded:
            return
        self.folded = folded
        layout = self.layout()
        if folded:
            layout.removeWidget(self.runs_page)
            self.bottom.removeWidget(self.loss_page)
            for table, page in zip((self.differences, self.metrics), self.table_pages,
                                   strict=True):
                self.tables_page.layout().removeWidget(table)
                page.layout().insertWidget(0, table)
            self.pages.addTab(self.runs_page, "")
            self.pages.addTab(self.loss_page, "")
            for page in self.table_pages:
                self.pages.addTab(page, "")
            layout.setStretchFactor(self.bottom, 0)
            layout.setStretchFactor(self.pages, 1)
        else:
            while self.pages.count():
                self.pages.removeTab(0)
            for table, page in zip((self.differences, self.metrics), self.table_pages,
                                   strict=True):
                page.layout().removeWidget(table)
            tables = self.tables_page.layout()
            tables.insertWidget(1, self.differences)
            tables.insertWidget(3, self.metrics)
            layout.insertWidget(0, self.runs_page, 3)
            self.bottom.insertWidget(0, self.loss_page, 1)
            layout.setStretchFactor(self.bottom, 2)
            layout.setStretchFactor(self.pages, 0)
        self.retranslate_tabs()
        self.pages.setVisible(folded)
        self.tables_page.setVisible(not folded)
        self.loss_title.setVisible(not folded)  # the page's tab says it
        if not folded:  # a page that was behind another (the tab widget hid it)
            for widget in (self.runs_page, self.loss_page, self.differences, self.metrics,
                           self.differences_title, self.metrics_title):
                widget.show()
        self.fit_tables()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, _language: str = "") -> None:
        self.differences_title.setText(translate("CompareView", "Settings that differ"))
        self.metrics_title.setText(translate("CompareView", "Final numbers"))
        self.loss_title.setText(translate("CompareView", "Data loss"))
        self.retranslate_tabs()
        self.differences.setHorizontalHeaderLabels(
            [translate("CompareView", "Setting"), "A", "B"])
        self.loss_plot.retranslate()
        if self.comparison is not None:
            self.fill_differences()
            self.refresh()

    def retranslate_tabs(self) -> None:
        """Short page titles (all four fit the dock's width at 2x), the long ones as tips."""
        texts = ((translate("CompareView", "Runs"),
                  translate("CompareView", "The predictions of A and B on the data")),
                 (self.loss_title.text(), ""),
                 (translate("CompareView", "Settings"), self.differences_title.text()),
                 (translate("CompareView", "Numbers"), self.metrics_title.text()))
        for index, (text, tip) in enumerate(texts[:self.pages.count()]):
            self.pages.setTabText(index, text)
            self.pages.setTabToolTip(index, tip)

    def _title(self, run: str, session) -> str:
        step = session.trainer.step_count
        if run == "A":
            return translate("CompareView", "A (solid) · step {0}").format(step)
        return translate("CompareView", "B (dashed) · step {0}").format(step)

    def fit_tables(self) -> None:
        """Both tables exactly as tall as their rows (:func:`fit_height`)."""
        for table in (self.differences, self.metrics):
            fit_height(table)

    # -- content ---------------------------------------------------------------------------
    def set_comparison(self, comparison) -> None:
        """Show ``comparison`` (a ``core.comparison.Comparison``; None: nothing)."""
        self.comparison = comparison
        if comparison is None:
            return
        self.fill_differences()
        self.refresh(fresh=True)

    def fill_differences(self) -> None:
        rows = settings_that_differ(self.comparison.a, self.comparison.b)
        table = self.differences
        table.setRowCount(max(1, len(rows)))
        if not rows:
            table.setItem(0, 0, QtWidgets.QTableWidgetItem(
                translate("CompareView", "none: B is A")))
            table.setItem(0, 1, QtWidgets.QTableWidgetItem(""))
            table.setItem(0, 2, QtWidgets.QTableWidgetItem(""))
        for row, (key, value_a, value_b) in enumerate(rows):
            texts = (setting_label(key), value_text(key, value_a), value_text(key, value_b))
            for column, text in enumerate(texts):
                table.setItem(row, column, QtWidgets.QTableWidgetItem(text))
        fit_height(table)

    def refresh(self, fresh: bool = False, playing: bool = False) -> None:
        """Redraw both canvases, the loss plot and the final numbers from the runs."""
        if self.comparison is None:
            return
        runs = (self.comparison.a, self.comparison.b)
        for index, (session, presenter) in enumerate(zip(runs, self.presenters, strict=True)):
            self.titles[index].setText(self._title("AB"[index], session))
            if fresh:
                presenter.fit_range(session, fresh=True)
                presenter.draw_points(session)
                presenter.canvas.set_legend([])  # the main canvas's legend says it all
            presenter.draw_prediction(session, playing=playing)
        histories = [session.trainer.history.arrays() for session in runs]
        self.loss_plot.set_histories(*histories, playing=playing)
        self._fill_metrics(histories, runs[0].points.task == "classification")

    def _fill_metrics(self, histories, classification: bool) -> None:
        last = dict(zip("ab", (last_evaluated(arrays) for arrays in histories), strict=True))
        splits = [(split, title) for split, title in SPLITS
                  if any(math.isfinite(row.get(f"{split}_loss", math.nan))
                         for row in last.values())]
        rows = [row for row in ROWS if classification or row[1] == "loss"]
        table = self.metrics
        table.setRowCount(len(rows))
        table.setColumnCount(len(splits))
        table.setHorizontalHeaderLabels(
            [translate("CompareView", title) for _split, title in splits])
        table.setVerticalHeaderLabels(
            [translate("CompareView", title) for _run, _kind, title in rows])
        for index, (run, kind, _title) in enumerate(rows):
            for column, (split, _split_title) in enumerate(splits):
                value = last[run].get(f"{split}_{kind}", math.nan)
                text = number(value, 4) if math.isfinite(value) else "—"
                item = table.item(index, column)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight
                                          | QtCore.Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(index, column, item)
                item.setText(text)
        fit_height(table)
