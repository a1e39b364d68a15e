"""The Compare view: runs A and B (``core.comparison.Comparison``) side by side.

* both decision boundaries (or prediction heatmaps / curves), each on a ``DataCanvas`` fed by
  its own ``CanvasPresenter`` (the canvas's one drawing rule);
* both loss curves in one plot: A solid, B dashed (training and test — or validation — data
  loss of each run's evaluated history rows, as the Loss curve draws them);
* the settings that differ (``core.comparison.settings_that_differ``), with their labels and
  values as the setting panels show them;
* the final numbers side by side: step, and the data losses and accuracies of the newest
  evaluated history row of each run (the engine's own numbers).

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
from core.settings import fields_of
from gui.canvas.data_canvas import DataCanvas
from gui.canvas.presenter import CanvasPresenter
from gui.charts.loss_curve import TEST_COLOUR, TRAIN_COLOUR, VALIDATION_COLOUR, peak_decimate
from gui.common.display_names import display_name
from gui.common.i18n import manager, translate
from gui.common.number_format import number
from gui.panels.setting_controls import setting_text

#: Size (px) of the view drawn for ``compare.png`` before it is scaled to --width.
FIGURE_SIZE = (1400, 860)
#: The rows of the final-numbers table: (history column, English row title).
METRIC_ROWS = (
    ("train_loss", QT_TRANSLATE_NOOP("CompareView", "Training data loss")),
    ("validation_loss", QT_TRANSLATE_NOOP("CompareView", "Validation data loss")),
    ("test_loss", QT_TRANSLATE_NOOP("CompareView", "Test data loss")),
    ("train_accuracy", QT_TRANSLATE_NOOP("CompareView", "Training accuracy")),
    ("validation_accuracy", QT_TRANSLATE_NOOP("CompareView", "Validation accuracy")),
    ("test_accuracy", QT_TRANSLATE_NOOP("CompareView", "Test accuracy")),
)
DASH = QtCore.Qt.PenStyle.DashLine


def _tr(text: str) -> str:
    return translate("CompareView", text)


def value_text(key: str, value) -> str:
    """A setting's value as the setting panels show it: numbers with ``number``, choices by
    their display names, lists joined by " / ", booleans on/off."""
    if isinstance(value, bool):
        return _tr("on") if value else _tr("off")
    if isinstance(value, tuple):
        if not value:
            return _tr("none")
        return " / ".join(value_text(key, v) for v in value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, int):
        return str(value)
    return display_name(value)


def setting_label(key: str) -> str:
    """The translated label of qualified setting ``key`` ("training.learning_rate")."""
    from core.comparison import SECTIONS

    section, name = key.split(".", 1)
    cls = dict(SECTIONS)[section]
    info = next(info for info in fields_of(cls) if info.name == name)
    return setting_text(info.label)


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
        self.legend = self.plot_item.addLegend(offset=(-10, 10))
        self.lines: dict[tuple[str, str], pg.PlotDataItem] = {}
        for run in ("a", "b"):
            for column, colour in (("train_loss", TRAIN_COLOUR), ("held_out", TEST_COLOUR)):
                pen = pg.mkPen(colour, width=2, style=DASH if run == "b" else None)
                line = pg.PlotDataItem(pen=pen)
                self.plot_item.addItem(line)
                self.lines[(run, column)] = line
        self.setMinimumSize(280, 200)
        self._held_out_key = "test_loss"
        self.retranslate()

    def retranslate(self, _language: str = "") -> None:
        self.plot_item.setLabel("bottom", _tr("step"))
        self.plot_item.setLabel("left", _tr("data loss"))
        self.legend.clear()
        held_out = _tr("validation") if self._held_out_key == "validation_loss" else _tr("test")
        names = {("a", "train_loss"): _tr("A train"), ("a", "held_out"): f"A {held_out}",
                 ("b", "train_loss"): _tr("B train"), ("b", "held_out"): f"B {held_out}"}
        for key, line in self.lines.items():
            self.legend.addItem(line, names[key])

    def set_histories(self, arrays_a: dict, arrays_b: dict, playing: bool = False) -> None:
        """Draw both runs' evaluated rows (``History.arrays()``); non-finite values are gaps.
        1-px lines while playing (wide antialiased strokes are slow)."""
        validation = [np.asarray(arrays.get("validation_loss", ()), dtype=np.float64)
                      for arrays in (arrays_a, arrays_b)]
        held_out = "validation_loss" if any(np.any(np.isfinite(v)) for v in validation) \
            else "test_loss"
        if held_out != self._held_out_key:
            self._held_out_key = held_out
            self.retranslate()
        width = max(int(self.plot_item.vb.width()), 200)
        for run, arrays in (("a", arrays_a), ("b", arrays_b)):
            steps = np.asarray(arrays.get("step", ()), dtype=np.float64)
            flags = arrays.get("evaluated")
            keep = flags == 1.0 if flags is not None and flags.size == steps.size \
                else np.ones(steps.size, bool)
            columns = [np.asarray(arrays.get(key, np.full(steps.size, np.nan)),
                                  dtype=np.float64)[keep] for key in ("train_loss", held_out)]
            shown, thinned = peak_decimate(steps[keep], columns, 4 * width)
            for column, values in zip(("train_loss", "held_out"), thinned, strict=True):
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
        self.loss_plot = CompareLossPlot()
        self.differences = QtWidgets.QTableWidget(0, 3)
        self.metrics = QtWidgets.QTableWidget(0, 2)
        for table in (self.differences, self.metrics):
            table.verticalHeader().setVisible(table is self.metrics)
            table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
            table.horizontalHeader().setStretchLastSection(True)
            table.setMinimumHeight(90)
        self.differences.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.metrics.horizontalHeader().setSectionResizeMode(
            QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.differences_title = QtWidgets.QLabel()
        self.metrics_title = QtWidgets.QLabel()
        for label in (*self.titles, self.differences_title, self.metrics_title):
            font = label.font()
            font.setBold(True)
            label.setFont(font)

        grid = QtWidgets.QGridLayout()
        for column in (0, 1):
            grid.addWidget(self.titles[column], 0, column)
            grid.addWidget(self.canvases[column], 1, column)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(1, 1)
        side = QtWidgets.QVBoxLayout()
        side.addWidget(self.differences_title)
        side.addWidget(self.differences, 1)
        side.addWidget(self.metrics_title)
        side.addWidget(self.metrics, 2)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.loss_plot, 3)
        bottom.addLayout(side, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid, 3)
        layout.addLayout(bottom, 2)
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self, _language: str = "") -> None:
        self.differences_title.setText(_tr("Settings that differ"))
        self.metrics_title.setText(_tr("Final numbers"))
        self.differences.setHorizontalHeaderLabels([_tr("Setting"), _tr("A"), _tr("B")])
        self.metrics.setHorizontalHeaderLabels([_tr("A (solid)"), _tr("B (dashed)")])
        self.loss_plot.retranslate()
        if self.comparison is not None:
            self._fill_differences()
            self.refresh()

    def _title(self, run: str, session) -> str:
        step = session.trainer.step_count
        if run == "A":
            return _tr("Run A (solid) · step {0}").format(step)
        return _tr("Run B (dashed) · step {0}").format(step)

    # -- content ---------------------------------------------------------------------------
    def set_comparison(self, comparison) -> None:
        """Show ``comparison`` (a ``core.comparison.Comparison``; None: nothing)."""
        self.comparison = comparison
        if comparison is None:
            return
        self._fill_differences()
        self.refresh(fresh=True)

    def _fill_differences(self) -> None:
        rows = settings_that_differ(self.comparison.a, self.comparison.b)
        table = self.differences
        table.setRowCount(max(1, len(rows)))
        if not rows:
            table.setItem(0, 0, QtWidgets.QTableWidgetItem(_tr("none: B is A")))
            table.setItem(0, 1, QtWidgets.QTableWidgetItem(""))
            table.setItem(0, 2, QtWidgets.QTableWidgetItem(""))
        for row, (key, value_a, value_b) in enumerate(rows):
            texts = (setting_label(key), value_text(key, value_a), value_text(key, value_b))
            for column, text in enumerate(texts):
                table.setItem(row, column, QtWidgets.QTableWidgetItem(text))

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
            presenter.draw_prediction(session, playing=playing)
        histories = [session.trainer.history.arrays() for session in runs]
        self.loss_plot.set_histories(*histories, playing=playing)
        self._fill_metrics(histories, runs[0].points.task == "classification")

    def _fill_metrics(self, histories, classification: bool) -> None:
        rows = [last_evaluated(arrays) for arrays in histories]
        keys = [(key, title) for key, title in METRIC_ROWS
                if (classification or "accuracy" not in key)
                and any(math.isfinite(row.get(key, math.nan)) for row in rows)]
        table = self.metrics
        table.setRowCount(1 + len(keys))
        table.setVerticalHeaderLabels([_tr("Step")] + [_tr(title) for _key, title in keys])
        for column, row in enumerate(rows):
            texts = [str(row.get("step", ""))]
            for key, _title in keys:
                value = row.get(key, math.nan)
                texts.append(number(value, 4) if math.isfinite(value) else "—")
            for index, text in enumerate(texts):
                item = table.item(index, column)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight
                                          | QtCore.Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(index, column, item)
                item.setText(text)
