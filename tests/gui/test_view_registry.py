"""The view registry: a view declared once (one ViewSpec) appears in the View menu, its dock,
File ▸ Export, Help ▸ Shortcuts and the headless figures, with nothing else to write.

The extra view is the README's example ("For developers", "The view registry"), run from the
README itself, so the example stays runnable.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from PySide6 import QtGui, QtWidgets

from gui.app_window.view_registry import VIEWS
from gui.common.view_spec import ViewRegistry, ViewSpec

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_example() -> dict:
    """Run the README's view-registry example; returns its names (BiasBars, BIASES)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("**The view registry.**"):]
    code = re.search(r"```python\n(.*?)\n\s*```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(textwrap.dedent(code), str(README), "exec"), namespace)  # noqa: S102
    return namespace


@pytest.fixture
def extra():
    """The app's registry with the README's example view added at the end."""
    return VIEWS.with_view(readme_example()["BIASES"])


@pytest.fixture
def extra_window(qtbot, extra):
    from gui.app_window.main_window import MainWindow
    from gui.controller import TrainingController

    controller = TrainingController()
    win = MainWindow(controller, registry=extra)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    qtbot.waitExposed(win)
    yield win
    controller.shutdown()


def test_a_registered_view_is_in_the_view_menu_with_its_dock_and_key(extra_window, qtbot):
    window = extra_window
    entries = {action.text(): action for action in window.view_menu.actions()}
    assert "Biases" in entries
    assert entries["Biases"].shortcut() == QtGui.QKeySequence("Ctrl+Shift+B")
    dock = window.docks["Biases"]
    assert dock.objectName() == "dock_biases"
    assert dock in window.tabifiedDockWidgets(window.docks["Loss curve"])
    bars = window.views["biases"]
    assert dock.widget() is bars
    dock.show()
    dock.raise_()
    net = window.controller.trainer.net
    qtbot.waitUntil(lambda: len(bars.bars.opts["height"]) == sum(b.size for b in net.biases))


def test_a_registered_view_is_in_file_export(extra_window):
    menu = extra_window.export_menu
    assert [view.id for view in menu.views][-1] == "biases"
    menu.rebuild()
    for kind in ("png", "svg", "pdf", "clipboard"):
        assert menu.action(f"export_{kind}_biases") is not None
    titles = [action.text() for action in menu.menu.actions()]
    assert "Biases" in titles


def test_a_registered_view_is_in_the_shortcut_table(extra_window):
    keys = extra_window.shortcuts
    assert "biases" in [row.id for row in keys.rows]
    assert ("View", "Ctrl+Shift+B", "Show / hide the biases") in keys.table()
    toggle = extra_window.docks["Biases"].toggleViewAction()
    assert toggle.toolTip() == "Show / hide the biases (Ctrl+Shift+B)"


def test_a_registered_view_is_a_headless_figure(qtbot, extra, tmp_path):
    from core.session import Session
    from gui.app_window.headless_figures import make_exporter
    from gui.app_window.recording import view_sizes

    assert view_sizes(extra)["biases"] == (600, 400)
    written = make_exporter("png", 600, registry=extra)(Session(), tmp_path)
    assert tmp_path / "biases.png" in written
    image = QtGui.QImage(str(tmp_path / "biases.png"))
    assert image.width() == 600 and image.height() > 100


def test_the_default_registry_keeps_the_views_and_their_order():
    assert [spec.id for spec in VIEWS.docked()] == [
        "data_panel", "network_panel", "training_panel", "loss_curve", "network", "inspector",
        "weights", "gradient_norms", "loss_surface", "metrics", "attributions", "hidden_space",
        "cross_validation", "compare", "linear_system"]
    assert [spec.id for spec in VIEWS.exported()] == [
        "canvas", "loss_curve", "loss_surface", "network", "weights", "gradient_norms",
        "metrics", "attributions", "hidden_space", "cross_validation", "compare",
        "linear_system"]
    # the last three have their own headless files (cv.png, compare.png) or none
    assert [spec.id for spec in VIEWS.headless()] == [spec.id for spec in VIEWS.exported()][:-3]
    assert [spec.id for spec in VIEWS.scene_views()] == [
        "canvas", "loss_curve", "loss_surface", "network", "weights", "gradient_norms",
        "metrics", "attributions", "hidden_space", "inspector", "linear_system"]


def test_the_registry_refuses_a_view_declared_twice_or_a_dock_it_cannot_join():
    spec = VIEWS["weights"]
    with pytest.raises(ValueError, match="registered twice"):
        VIEWS.with_view(spec)
    lonely = ViewSpec("lonely", "Lonely", lambda _c, _ctx: QtWidgets.QLabel(),
                      tab_with="nowhere")
    with pytest.raises(ValueError, match="nowhere"):
        ViewRegistry((lonely,))


# Every signal a view can redraw on, with the arguments to emit it with. settingsChanged comes
# with several name sets: views listen to some settings only (the canvas to the batch size, the
# loss curve and surface to L1/L2, the inspector to every training setting).
EMITS = [("stepped", (3,)), ("weightsChanged", ()), ("networkChanged", ()),
         ("dataChanged", ()), ("pointsReplaced", ()), ("phaseCompleted", ("forward",)),
         ("playingChanged", (False,)), ("selectionChanged", ()),
         ("settingsChanged", (("training.learning_rate",),)),
         ("settingsChanged", (("training.l2",),)),
         ("settingsChanged", (("training.batch_size",),)),
         ("settingsChanged", (("data.noise",),))]


def redraw_targets(window) -> dict:
    """View id → (object, method name) whose call means "this view will redraw"."""
    from gui.common.view_spec import view_widget

    targets = {"canvas": (window.canvas_gate, "request"),
               "loss_curve": (window.curve_gate, "request"),
               "loss_surface": (window.loss_surface.gate, "request")}
    for panel in ("data_panel", "network_panel", "training_panel"):
        targets[panel] = (window, "refresh_panels")
    # redraws on no controller signal: only when a cross-validation run finishes
    targets["cross_validation"] = (window.views["cross_validation"], "set_result")
    for spec in window.registry:
        if spec.gate is not None:
            targets[spec.id] = (spec.gate(view_widget(window.views[spec.id])), "request")
    return targets


def test_each_view_redraws_on_exactly_the_signals_its_spec_names(qtbot, monkeypatch):
    """The registry's ``redraws_on`` is the truth: emit each controller signal alone and check
    which views asked for a redraw."""
    from gui.app_window.main_window import MainWindow
    from gui.common.refresh import redraw_matches

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.views["network"].set_animation_ms(0)
    targets = redraw_targets(window)
    assert set(targets) == {spec.id for spec in window.registry}
    calls: dict[str, int] = {}
    spied: dict[tuple, list[str]] = {}  # the three panels share one refresh
    for view_id, (owner, method) in targets.items():
        spied.setdefault((id(owner), method), []).append(view_id)
        ids = spied[(id(owner), method)]
        monkeypatch.setattr(owner, method, lambda *_a, _ids=ids, **_k: [
            calls.__setitem__(i, calls.get(i, 0) + 1) for i in _ids])
    mismatches = []
    for name, args in EMITS:
        calls.clear()
        getattr(window.controller, name).emit(*args)
        for spec in window.registry:
            expected = any(redraw_matches(entry, name, args) for entry in spec.redraws_on)
            if expected != (calls.get(spec.id, 0) > 0):
                mismatches.append((spec.id, name, args, expected))
    window.controller.shutdown()
    assert mismatches == [], "\n".join(map(str, mismatches))


def test_redraw_entries_name_real_signals_and_settings():
    from gui.controller import TrainingController
    from gui.common.refresh import redraw_matches

    for spec in VIEWS:
        for entry in spec.redraws_on:
            name = entry.partition(":")[0]
            assert hasattr(TrainingController, name), (spec.id, entry)
    assert redraw_matches("settingsChanged:training.", "settingsChanged", (("training.l1",),))
    assert not redraw_matches("settingsChanged:training.l2", "settingsChanged",
                              (("training.learning_rate",),))
    assert not redraw_matches("stepped", "weightsChanged")
