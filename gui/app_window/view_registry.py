"""The views of the app, each declared once (:class:`gui.common.view_spec.ViewSpec`).

Registry order is the order of the docks and of their View-menu entries. The main window
builds its views and docks from :data:`VIEWS`, hands the exported views to File ▸ Export, the
scene views to scene files and lessons and the keys to the shortcut table; the headless
figures (``gui.app_window.headless_figures``) draw the views that have a ``headless_size``.
A new view is a feature folder with its widget plus one entry here (README, "Adding a view").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from gui.app_window.view_figures import compare_figure, cross_validation_figure
from gui.app_window.workspaces import Cell, Column, Layout
from gui.canvas.data_canvas import DataCanvas
from gui.canvas.presenter import CanvasPresenter
from gui.charts.gradient_norms import GradientNorms
from gui.charts.loss_curve import LossCurve
from gui.charts.weight_heatmaps import WeightHeatmaps
from gui.common.view_spec import ViewContext, ViewRegistry, ViewSpec
from gui.compare.compare_panel import ComparePanel
from gui.diagram.network_diagram import NetworkDiagram
from gui.evaluate.cross_validation_view import CrossValidationView
from gui.evaluate.metrics_view import MetricsView
from gui.explain.attribution_view import AttributionView
from gui.hidden_space.view import HiddenSpaceView
from gui.inspector.widget import Inspector, inspector_actions
from gui.linear_systems.view import LinearSystemView
from gui.panels.data_panel import DataPanel
from gui.panels.network_panel import NetworkPanel
from gui.panels.training_panel import TrainingPanel
from gui.surface.dock import LossSurfacePresenter
from gui.surface.surface_view import LossSurfaceView

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
#: Object name of the tool bar holding the compact settings strip (gui.panels.settings_strip).
SETTINGS_STRIP = "settingsStrip"
#: The settings panels (docked, not views of the run): a lesson's layout keeps a workspace's
#: panels beside its views (gui.app_window.lesson_layout).
SETTINGS_PANELS = ("data_panel", "network_panel", "training_panel")
# What the views redraw on (entries as in gui.common.refresh.redraw_matches). The gated views
# declare their own (REDRAWS_ON, which they connect); the canvas, loss curve and panels are
# redrawn by the main window's gates (MainWindow._connect_redraws), the loss surface by its
# presenter (gui.surface.dock; following a selected parameter is a new plane, not a redraw).
# tests/gui/test_view_registry.py emits every signal and checks that exactly these redraw.
CANVAS_REDRAWS_ON = ("stepped", "weightsChanged", "dataChanged", "pointsReplaced",
                     "phaseCompleted", "playingChanged", "selectionChanged",
                     "settingsChanged:training.batch_size")
CURVE_REDRAWS_ON = ("stepped", "weightsChanged", "dataChanged", "playingChanged",
                    "settingsChanged:training.l1", "settingsChanged:training.l2")
SURFACE_REDRAWS_ON = ("stepped", "phaseCompleted", "weightsChanged", "networkChanged",
                      "dataChanged", "settingsChanged:training.l1",
                      "settingsChanged:training.l2")


def _loss_curve(_controller, context: ViewContext) -> LossCurve:
    curve = LossCurve()
    if context.offscreen:  # the option row (a key made of QLabels) is not in the figure
        curve.add_export_legend(offset=(-10, 10), labelTextColor="#202020")
    return curve


def _diagram(controller, context: ViewContext) -> NetworkDiagram:
    diagram = NetworkDiagram(controller)
    if context.offscreen:
        diagram.set_animation_ms(0)
    return diagram


def _hidden_space(controller, context: ViewContext) -> HiddenSpaceView:
    # the grid covers the canvas's extent (one owner: the canvas presenter's range rule)
    return HiddenSpaceView(controller, CanvasPresenter.needed_range, offscreen=context.offscreen)


def _view_gate(view):
    return view.gate


VIEWS = ViewRegistry((
    ViewSpec("canvas", QT_TRANSLATE_NOOP("ui", "Data canvas"),
             lambda _c, _ctx: DataCanvas(), dock_area=None,
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Data canvas"), export_rank=0,
             headless_size=(640, 600),
             redraws_on=CANVAS_REDRAWS_ON),
    ViewSpec("data_panel", QT_TRANSLATE_NOOP("ui", "Data"), lambda _c, _ctx: DataPanel(),
             dock_area=LEFT, scroll=True, scene_view=False, redraws_on=("settingsChanged",)),
    ViewSpec("network_panel", QT_TRANSLATE_NOOP("ui", "Network"),
             lambda _c, _ctx: NetworkPanel(), dock_area=LEFT, scroll=True, scene_view=False,
             redraws_on=("settingsChanged",)),
    ViewSpec("training_panel", QT_TRANSLATE_NOOP("ui", "Training"),
             lambda _c, _ctx: TrainingPanel(), dock_area=RIGHT, scroll=True, scene_view=False,
             redraws_on=("settingsChanged",)),
    ViewSpec("loss_curve", QT_TRANSLATE_NOOP("ui", "Loss curve"), _loss_curve, dock_area=RIGHT,
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Loss curve"), export_rank=1,
             export_target=lambda curve: curve.plot_widget, headless_size=(800, 450),
             redraws_on=CURVE_REDRAWS_ON),
    ViewSpec("network", QT_TRANSLATE_NOOP("ui", "Network diagram"), _diagram, dock_area=BOTTOM,
             shortcut="Ctrl+Shift+N",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the network diagram"),
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Network diagram"), export_rank=3,
             export_target=lambda diagram: diagram.view, headless_size=(900, 540),
             redraws_on=NetworkDiagram.REDRAWS_ON, gate=_view_gate),
    ViewSpec("inspector", QT_TRANSLATE_NOOP("ui", "Inspector"),
             lambda c, _ctx: Inspector(c), dock_area=BOTTOM, beside="network",
             shortcut="Ctrl+Shift+I",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the inspector"),
             redraws_on=Inspector.REDRAWS_ON, menu_actions=inspector_actions,
             gate=_view_gate),
    ViewSpec("weights", QT_TRANSLATE_NOOP("ui", "Weights"),
             lambda c, _ctx: WeightHeatmaps(c), dock_area=RIGHT, tab_with="loss_curve",
             shortcut="Ctrl+Shift+W",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts",
                                             "Show / hide the weight and gradient heatmaps"),
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Weight heatmaps"), export_rank=4,
             headless_size=(900, 360), redraws_on=WeightHeatmaps.REDRAWS_ON,
             gate=_view_gate),
    ViewSpec("gradient_norms", QT_TRANSLATE_NOOP("ui", "Gradient norms"),
             lambda c, _ctx: GradientNorms(c), dock_area=RIGHT, tab_with="loss_curve",
             shortcut="Ctrl+Shift+G",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the gradient norms"),
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Gradient norms"), export_rank=5,
             headless_size=(800, 450), redraws_on=GradientNorms.REDRAWS_ON,
             gate=_view_gate),
    ViewSpec("loss_surface", QT_TRANSLATE_NOOP("ui", "Loss surface"),
             lambda c, ctx: LossSurfacePresenter(c, parent=ctx.parent), dock_area=RIGHT,
             tab_with="loss_curve", visible=False,
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Loss surface"), export_rank=2,
             export_target=LossSurfaceView.figure_part, headless_size=(700, 640),
             redraws_on=SURFACE_REDRAWS_ON),
    ViewSpec("metrics", QT_TRANSLATE_NOOP("ui", "Metrics"),
             lambda c, _ctx: MetricsView(c), dock_area=RIGHT, tab_with="loss_curve",
             visible=False, shortcut="Ctrl+Shift+M",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the metrics"),
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Metrics"), export_rank=6,
             headless_size=(900, 620), redraws_on=MetricsView.REDRAWS_ON, gate=_view_gate),
    ViewSpec("attributions", QT_TRANSLATE_NOOP("ui", "Attributions"),
             lambda c, ctx: AttributionView(c, synchronous=ctx.offscreen), dock_area=RIGHT,
             tab_with="loss_curve", visible=False, shortcut="Ctrl+Shift+A",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the attributions"),
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Attributions"), export_rank=7,
             export_target=AttributionView.figure_part, headless_size=(900, 820),
             redraws_on=AttributionView.REDRAWS_ON, gate=_view_gate),
    ViewSpec("hidden_space", QT_TRANSLATE_NOOP("ui", "Hidden space"), _hidden_space,
             dock_area=RIGHT, tab_with="loss_curve", visible=False, shortcut="Ctrl+Shift+H",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the hidden space"),
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Hidden space"), export_rank=8,
             export_target=lambda view: view.figure, headless_size=(700, 640),
             redraws_on=HiddenSpaceView.REDRAWS_ON, gate=_view_gate),
    # filled by Train ▸ Cross-validate…, which shows it in the Evaluate workspace, a tab
    # beside the metrics (MainWindow._show_cross_validation; beside the loss curve it had a
    # sixth of the window at presenter 2x); in a scroll area: a dock too small for all of it
    # scrolls rather than squeezes it
    ViewSpec("cross_validation", QT_TRANSLATE_NOOP("ui", "Cross-validation"),
             lambda c, _ctx: CrossValidationView(c), dock_area=RIGHT, tab_with="loss_curve",
             visible=False, scene_view=False, scroll=True,
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Cross-validation"),
             export_ready=lambda view: view.result is not None,
             figure=lambda view: cross_validation_figure(view.result)),
    ViewSpec("compare", QT_TRANSLATE_NOOP("ui", "Compare"),
             lambda c, _ctx: ComparePanel(c), dock_area=RIGHT, tab_with="loss_curve",
             visible=False, scene_view=False, scroll=True, redraws_on=ComparePanel.REDRAWS_ON,
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Compare"),
             export_target=lambda panel: panel.view,
             export_ready=lambda panel: panel.controller.comparison is not None,
             # drawn as --compare's compare.png, whatever the dock's size
             figure=lambda panel: compare_figure(panel.controller.comparison),
             gate=_view_gate),  # run B comes from Train ▸ Compare…
    ViewSpec("linear_system", QT_TRANSLATE_NOOP("ui", "Linear system"),
             lambda _c, _ctx: LinearSystemView(), dock_area=RIGHT, tab_with="loss_surface",
             visible=False, scroll=True, shortcut="Ctrl+Shift+L",
             shortcut_text=QT_TRANSLATE_NOOP("Shortcuts", "Show / hide the linear system"),
             redraws_on=LinearSystemView.REDRAWS_ON,
             export_label=QT_TRANSLATE_NOOP("ExportMenu", "Linear system"),
             gate=_view_gate),  # its own Ax = b, not the training run: no headless figure
))

# The workspaces' designs (gui.app_window.workspaces), in the order of
# core.workspace_names.WORKSPACES: which docks each shows, where and how big. Each must stay
# legible at 1280×720 … 1920×1080 and in presenter mode at 1.5× and 2×
# (tests/gui/test_layout_report.py measures every combination).
WORKSPACE_LAYOUTS = {
    "train": Layout(
        "train", QT_TRANSLATE_NOOP("Workspaces", "Train"),
        (Column("left", 0.24, (Cell(("data_panel", "network_panel")),)),
         Column("right", 0.27, (Cell(("training_panel",), 0.55), Cell(("loss_curve",), 0.45)))),
        presenter_views=("loss_curve",)),
    "step-through": Layout(
        "step-through", QT_TRANSLATE_NOOP("Workspaces", "Step through"),
        (Column("right", 0.56, (Cell(("network",), 0.55), Cell(("inspector",), 0.45))),),
        toolbars=(SETTINGS_STRIP,), presenter_views=("network", "inspector")),
    "landscape": Layout(
        "landscape", QT_TRANSLATE_NOOP("Workspaces", "Landscape"),
        (Column("right", 0.52, (Cell(("loss_surface",)),)),
         Column("bottom", 0.36, (Cell(("loss_curve",)),))),
        presenter_views=("loss_surface", "loss_curve"), tall_sides=True),
    "evaluate": Layout(
        "evaluate", QT_TRANSLATE_NOOP("Workspaces", "Evaluate"),
        (Column("right", 0.56, (Cell(("metrics", "attributions")),)),
         Column("bottom", 0.34, (Cell(("loss_curve",)),))),
        presenter_views=("metrics",), tall_sides=True),
    "compare": Layout(
        "compare", QT_TRANSLATE_NOOP("Workspaces", "Compare"),
        (Column("right", 0.58, (Cell(("compare",)),)),),
        presenter_views=("compare",), tall_sides=True),
}
