"""The cross-validation view (Evaluate): the result of Train ▸ Cross-validate….

Shows a :class:`core.cross_validation.CrossValidationResult`: one faint validation-loss curve
per fold, the mean validation loss with a band of ± one standard deviation over the folds
(sample std, as the engine computes it), the mean training loss dashed, and a table of each
fold's final held-out numbers (size, validation loss, accuracy and macro F1; regression: MSE,
MAE and R²) with a last row "mean ± std". Every number is the engine's (``result.mean`` and
``result.std``); nothing is recomputed here.

The "Folds on the canvas" box emits ``foldsToggled``; the main window's
:class:`FoldOutlines` outlines each cross-validated point in its fold's colour while the box
is checked and the view is shown. Plot items are created once and updated with ``setData``.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Signal

from core.cross_validation import K_MAX
from gui.common.i18n import manager, translate
from gui.common.number_format import fixed, number
from gui.common.themes import view_look

#: One colour per fold (Okabe–Ito, then two greys): distinct for the ≤ 10 folds.
FOLD_COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
                "#000000", "#888888", "#8C564B")
MEAN_COLOUR = "#202020"
BAND_BRUSH = (32, 32, 32, 45)
BAND_KEY_COLOUR = "#C8C8C8"  # the band's grey on white, for the key's text
#: Least height (px) of the plot: room for a few ticks of the loss axis.
MIN_PLOT_HEIGHT = 160


def _finite_prefix(*arrays: np.ndarray) -> int:
    """Length of the leading run where every array is finite (the band's extent)."""
    finite = np.logical_and.reduce([np.isfinite(a) for a in arrays])
    bad = np.flatnonzero(~finite)
    return int(bad[0]) if bad.size else int(finite.size)


def mean_std_text(mean, std, decimals: int = 3) -> str:
    """"m ± s" with ``fixed`` decimals; "–" for an undefined value."""
    if mean is None or std is None or not (np.isfinite(mean) and np.isfinite(std)):
        return "–"
    return f"{fixed(mean, decimals)} ± {fixed(std, decimals)}"


class LeastTabs(QtWidgets.QTabWidget):
    """A tab widget whose height for a width is the least its pages need (the tab bar and the
    tallest page's least height), not their preferred height: the dock's scroll area makes a
    view as tall as its height for its width, and a page's preferred height counts the plot
    at its 480 px size hint (the view scrolled at every size)."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        least = 0
        for index in range(self.count()):
            page = self.widget(index)
            layout = page.layout()
            if layout is not None and layout.hasHeightForWidth():
                need = layout.minimumHeightForWidth(width)
            else:
                need = page.minimumSizeHint().expandedTo(page.minimumSize()).height()
            least = max(least, need)
        return self.tabBar().sizeHint().height() + least + 2


class CrossValidationView(QtWidgets.QWidget):
    """The result of a cross-validation run (module docstring); empty until
    :meth:`set_result`. Signal ``foldsToggled(bool)``: the "Folds on the canvas" box."""

    foldsToggled = Signal(bool)

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumSize(280, 170)
        self.controller = controller
        self.result = None
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.folds_box = QtWidgets.QCheckBox()
        self.folds_box.setEnabled(False)
        self.folds_box.toggled.connect(self.foldsToggled)
        options = QtWidgets.QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self.folds_box)
        options.addStretch(1)

        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setBackground("w")
        # at least a few ticks of the loss (at presenter 2x it had one); the registry puts
        # the view in a scroll area, so a small dock scrolls instead of squeezing it
        self.plot_widget.setMinimumSize(200, MIN_PLOT_HEIGHT)
        plot = self.plot_widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.getAxis("left").enableAutoSIPrefix(False)
        self.fold_curves = []
        for f in range(K_MAX):
            colour = pg.mkColor(FOLD_COLOURS[f])
            colour.setAlpha(110)
            curve = pg.PlotDataItem(pen=pg.mkPen(colour, width=1))
            curve.setVisible(False)
            plot.addItem(curve)
            self.fold_curves.append(curve)
        edge = pg.mkPen((0, 0, 0, 0))  # invisible edges (pen=None would leave no path)
        self.upper = pg.PlotDataItem(pen=edge)
        self.lower = pg.PlotDataItem(pen=edge)
        self.band = pg.FillBetweenItem(self.upper, self.lower, brush=pg.mkBrush(*BAND_BRUSH))
        self.mean_val = pg.PlotDataItem(pen=pg.mkPen(MEAN_COLOUR, width=2.5))
        self.mean_train = pg.PlotDataItem(pen=pg.mkPen(MEAN_COLOUR, width=1.5,
                                                       style=pg.QtCore.Qt.PenStyle.DashLine))
        for item in (self.band, self.upper, self.lower, self.mean_val, self.mean_train):
            plot.addItem(item)
        self.key = QtWidgets.QLabel()  # the plot's key, below it (a legend would cover it)
        self.key.setWordWrap(True)

        self.table = QtWidgets.QTableWidget(0, 4)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()  # whole numbers in every column, the rest
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.status)
        layout.addLayout(options)
        self.options = options
        self.chart_box = QtWidgets.QWidget()
        chart = QtWidgets.QVBoxLayout(self.chart_box)
        chart.setContentsMargins(0, 0, 0, 0)
        chart.addWidget(self.plot_widget, 1)
        chart.addWidget(self.key)
        # chart above the table; side by side when the view is wide (resizeEvent); at
        # presenter size folded into two tabs (set_folded)
        self.body = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.TopToBottom)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.chart_box, 3)
        self.body.addWidget(self.table, 2)
        layout.addLayout(self.body, 1)
        self.tabs = LeastTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.hide()
        self.chart_page = QtWidgets.QWidget()
        self.chart_page_layout = QtWidgets.QVBoxLayout(self.chart_page)
        self.chart_page_layout.setContentsMargins(0, 2, 0, 0)
        self.chart_page_layout.setSpacing(3)
        self.folded = False
        manager().languageChanged.connect(self.retranslate)
        self.retranslate()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        wide = event.size().width() > 2.2 * event.size().height()
        self.body.setDirection(QtWidgets.QBoxLayout.Direction.LeftToRight if wide
                               else QtWidgets.QBoxLayout.Direction.TopToBottom)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt naming)
        """The least height at ``width``: the scroll area the view sits in makes it this tall
        when its viewport is shorter (then it scrolls), never the plot's preferred 480 px;
        the wrapped texts (summary, key) count the lines they take at that width."""
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else -1

    # ------------------------------------------------------------------ presenter size
    def apply_view_look(self) -> None:
        """Presenter mode (``view_look()["font_scale"]`` > 1) folds the view (set_folded);
        leaving it unfolds it (gui.common.themes calls this)."""
        self.set_folded(view_look().get("font_scale", 1.0) > 1.0)

    def set_folded(self, folded: bool) -> None:
        """True: two tabs, the chart (with the summary above it) and the table, the "Folds on
        the canvas" box beside the tabs, and the table's last row split into a "mean" and a
        "std" row (narrower cells); False: everything one above the other (at 2x it all
        needed scrolling at 1280×720 and 1440×900). Every number stays in the table."""
        if folded == self.folded:
            return
        self.folded = folded
        layout = self.layout()
        if folded:
            layout.removeWidget(self.status)
            self.options.removeWidget(self.folds_box)
            self.body.removeWidget(self.chart_box)
            self.body.removeWidget(self.table)
            self.chart_page_layout.addWidget(self.status)
            self.chart_page_layout.addWidget(self.chart_box, 1)
            self.tabs.addTab(self.chart_page, "")
            self.tabs.addTab(self.table, "")
            self.tabs.setCornerWidget(self.folds_box)
            self.body.addWidget(self.tabs, 1)
            self.tabs.show()
        else:
            self.tabs.setCornerWidget(None)
            while self.tabs.count():
                self.tabs.removeTab(0)
            self.body.removeWidget(self.tabs)
            self.tabs.hide()
            self.chart_page_layout.removeWidget(self.status)
            self.chart_page_layout.removeWidget(self.chart_box)
            layout.insertWidget(0, self.status)
            self.options.insertWidget(0, self.folds_box)
            self.body.addWidget(self.chart_box, 3)
            self.body.addWidget(self.table, 2)
        for widget in (self.status, self.folds_box, self.chart_box, self.table):
            widget.show()
        self._retranslate_tabs()
        self._fill_table()

    def _retranslate_tabs(self) -> None:
        self.tabs.setTabText(0, translate("CrossValidation", "Chart"))
        self.tabs.setTabText(1, translate("CrossValidation", "Table"))

    # ------------------------------------------------------------------ texts
    def retranslate(self, _language: str = "") -> None:
        self._retranslate_tabs()
        self.folds_box.setText(translate("CrossValidation", "Folds on the canvas"))
        self.folds_box.setToolTip(translate(
            "CrossValidation", "Outline each cross-validated point in the colour of its fold"))
        plot = self.plot_widget.getPlotItem()
        plot.setLabel("bottom", translate("CrossValidation", "step"))
        plot.setLabel("left", translate("CrossValidation", "loss"))
        entries = (
            ("━", MEAN_COLOUR, translate("CrossValidation", "validation loss, mean over folds")),
            ("█", BAND_KEY_COLOUR, translate("CrossValidation", "mean ± std")),
            ("╌", MEAN_COLOUR, translate("CrossValidation", "training loss, mean")),
            ("─", FOLD_COLOURS[0], translate("CrossValidation", "each fold (validation)")))
        self.key.setText("&nbsp;&nbsp; ".join(
            f'<span style="color:{colour}">{mark}</span>&nbsp;'
            f'{html.escape(text).replace(" ", "&nbsp;")}'
            for mark, colour, text in entries))
        self._show_status()
        self._fill_table()

    def _columns(self) -> list[str]:
        if self.result is not None and self.result.task == "regression":
            return [translate("CrossValidation", "points"), "MSE", "MAE", "R²"]
        return [translate("CrossValidation", "points"),
                translate("CrossValidation", "val. loss"),
                translate("CrossValidation", "accuracy"),
                translate("CrossValidation", "macro F1")]

    def _show_status(self) -> None:
        r = self.result
        if r is None:
            self.status.setText(translate(
                "CrossValidation", "No cross-validation yet: Train ▸ Cross-validate…"))
            return
        text = translate("CrossValidation",
                         "{0} folds × {1} steps (fold seed {2}), each from the same initial "
                         "weights; validated on the held-out fold.").format(r.k, r.steps, r.seed)
        diverged = [f + 1 for f, step in enumerate(r.diverged) if step is not None]
        if diverged:
            text += " " + translate("CrossValidation", "Diverged: fold {0}.").format(
                ", ".join(map(str, diverged)))
        self.status.setText(text)

    # ------------------------------------------------------------------ result
    def set_result(self, result) -> None:
        """Show ``result`` (a ``CrossValidationResult``); None clears the view."""
        self.result = result
        self.folds_box.setEnabled(result is not None)
        if result is None:
            for curve in self.fold_curves:
                curve.setVisible(False)
            for item in (self.upper, self.lower, self.mean_val, self.mean_train):
                item.setData([], [])
            self.folds_box.setChecked(False)
        else:
            steps = np.arange(result.steps + 1)
            for f, curve in enumerate(self.fold_curves):
                curve.setVisible(f < result.k)
                if f < result.k:
                    curve.setData(steps, result.val_loss[f], connect="finite")
            mean, std = result.mean["val_loss"], result.std["val_loss"]
            n = _finite_prefix(mean, std)
            self.upper.setData(steps[:n], (mean + std)[:n])
            # a loss is ≥ 0: the band's lower edge stops at 0 (mean − std can dip below it)
            self.lower.setData(steps[:n], np.maximum(mean - std, 0.0)[:n])
            self.mean_val.setData(steps, mean, connect="finite")
            self.mean_train.setData(steps, result.mean["train_loss"], connect="finite")
            self._fit_range(result)
        self._show_status()
        self._fill_table()

    def _fit_range(self, result) -> None:
        """x: steps 0..N; y: the finite values of the fold curves and the band, padded."""
        values = np.concatenate([result.val_loss.ravel(), result.mean["train_loss"],
                                 self.upper.yData, self.lower.yData])
        values = values[np.isfinite(values)]
        plot = self.plot_widget.getPlotItem()
        plot.setXRange(0, max(result.steps, 1), padding=0.02)
        if values.size:
            low, high = float(values.min()), float(values.max())
            pad = 0.06 * (high - low) if high > low else 0.05 * max(abs(high), 1e-3)
            plot.setYRange(low - pad, high + pad, padding=0)

    def _fold_values(self, f: int | None) -> list:
        """The table's numbers of fold f (None: the mean and std row as (mean, std) pairs)."""
        r = self.result
        if f is None:
            m, s = r.mean["metrics"], r.std["metrics"]
            sizes = [len(fold) for fold in r.folds]
            size = (float(np.mean(sizes)), float(np.std(sizes, ddof=1)))
            loss = (r.mean["val_loss"][-1], r.std["val_loss"][-1])
            if r.task == "regression":
                return [size, (m["mse"], s["mse"]), (m["mae"], s["mae"]), (m["r2"], s["r2"])]
            return [size, loss, (m["accuracy"], s["accuracy"]), (m["macro_f1"], s["macro_f1"])]
        metrics = r.metrics[f]
        size = len(r.folds[f])
        if r.task == "regression":
            return [size, metrics["mse"], metrics["mae"], metrics["r2"]]
        return [size, r.val_loss[f][-1], metrics["accuracy"], metrics["macro_f1"]]

    def _fill_table(self) -> None:
        r = self.result
        self.table.setHorizontalHeaderLabels(self._columns())
        rows = 0 if r is None else r.k + (2 if self.folded else 1)
        if self.table.rowCount() != rows:
            self.table.setRowCount(rows)
            for i in range(rows):
                for j in range(4):
                    self.table.setItem(i, j, QtWidgets.QTableWidgetItem())
        if r is None:
            return
        labels = []
        for i in range(rows):
            last = i >= r.k
            if not last:
                labels.append(translate("CrossValidation", "fold {0}").format(i + 1))
            elif not self.folded:
                labels.append(translate("CrossValidation", "mean ± std"))
            else:  # folded: the mean, then the std, each in a row of its own
                labels.append(translate("CrossValidation", "mean") if i == r.k
                              else translate("CrossValidation", "std"))
            diverged_at = None if last else r.diverged[i]
            for j, value in enumerate(self._fold_values(None if last else i)):
                if diverged_at is not None and j > 0:  # no final numbers: say why
                    text = (translate("CrossValidation", "diverged at step {0}").format(
                        diverged_at) if j == 1 else "–")
                elif last and self.folded:
                    part = value[i - r.k]
                    text = fixed(part, 1 if j == 0 else 3) \
                        if part is not None and np.isfinite(part) else "–"
                elif last:
                    text = mean_std_text(*value, decimals=1 if j == 0 else 3)
                elif j == 0:
                    text = str(value)
                else:
                    text = fixed(value, 3) if np.isfinite(value) else number(value)
                self.table.item(i, j).setText(text)
        self.table.setVerticalHeaderLabels(labels)
        self._fit_table()

    def _fit_table(self) -> None:
        """Rows as tall as the current font needs (presenter mode enlarges it) and the table
        exactly as tall as all of them: every fold's row is always shown (it scrolled to one
        row at presenter 2x)."""
        table = self.table
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.setFixedHeight(self.table_height())
        table.resizeColumnsToContents()  # and at least as wide as all columns (no cut cell)
        table.setMinimumWidth(table.verticalHeader().sizeHint().width()
                              + table.horizontalHeader().length() + 2 * table.frameWidth() + 2)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(event)
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._fit_table()

    def table_height(self) -> int:
        """Pixels the table needs to show every row without scrolling."""
        table = self.table
        return (table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                + table.verticalHeader().defaultSectionSize() * table.rowCount() + 2)

    def fit_for_figure(self) -> None:
        """For a figure file: every table row shown, no check box."""
        self.folds_box.setVisible(False)
        self.table.setMinimumHeight(self.table_height())

    def table_texts(self) -> list[list[str]]:
        """The table as shown: one list per row, the row name first (for tests)."""
        return [[self.table.verticalHeaderItem(i).text()]
                + [self.table.item(i, j).text() for j in range(4)]
                for i in range(self.table.rowCount())]


class FoldOutlines:
    """Outlines on the canvas: each cross-validated point ringed in its fold's colour
    (:data:`FOLD_COLOURS`), shown by :meth:`show` and hidden by :meth:`hide`. The rings are
    placed at the points' positions when the run was made (``positions`` per fold)."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.rings = pg.ScatterPlotItem(size=17, brush=None, pxMode=True)
        self.rings.setZValue(12)
        self.rings.setVisible(False)
        canvas.plot_item.addItem(self.rings)

    def show(self, fold_positions: list[np.ndarray]) -> None:
        """Ring the points of each fold: ``fold_positions[f]`` (m_f, 2) canvas positions."""
        spots = []
        for f, positions in enumerate(fold_positions):
            pen = pg.mkPen(FOLD_COLOURS[f % len(FOLD_COLOURS)], width=2)
            spots.extend({"pos": (float(x), float(y)), "pen": pen} for x, y in positions)
        self.rings.setData(spots)
        self.rings.setVisible(True)

    def hide(self) -> None:
        self.rings.setVisible(False)
