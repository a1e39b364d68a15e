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
        "weights", "gradient_norms", "loss_surface"]
    assert [spec.id for spec in VIEWS.exported()] == [
        "canvas", "loss_curve", "loss_surface", "network", "weights", "gradient_norms"]
    assert [spec.id for spec in VIEWS.headless()] == [spec.id for spec in VIEWS.exported()]
    assert [spec.id for spec in VIEWS.scene_views()] == [
        "canvas", "loss_curve", "loss_surface", "network", "weights", "gradient_norms",
        "inspector"]


def test_the_registry_refuses_a_view_declared_twice_or_a_dock_it_cannot_join():
    spec = VIEWS["weights"]
    with pytest.raises(ValueError, match="registered twice"):
        VIEWS.with_view(spec)
    lonely = ViewSpec("lonely", "Lonely", lambda _c, _ctx: QtWidgets.QLabel(),
                      tab_with="nowhere")
    with pytest.raises(ValueError, match="nowhere"):
        ViewRegistry((lonely,))
