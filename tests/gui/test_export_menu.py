"""File ▸ Export in the main window: every view to PNG (exact width), SVG and PDF, the whole
window, the training animation and the data tables. File dialogs are replaced by fixed paths."""

import csv
import pickle

import imageio.v3 as iio
import numpy as np
import pytest
from PySide6 import QtGui, QtWidgets

from gui.export import actions as export_actions

from gui.export import menu as export_menu
from tests.gui import model_json, scene_helpers
from tests.gui.scene_helpers import export_menu_of
from tests.gui.shown_views import comparing_window

private_storage = scene_helpers.private_storage
boxes = scene_helpers.boxes


@pytest.fixture(scope="module")
def shared_window(qapp):
    """One shown window for the whole module (building one costs seconds), 20 steps trained."""
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    win = MainWindow(TrainingController())
    win.resize(1280, 820)
    win.show()
    for _ in range(20):
        win.controller.step()
    QtWidgets.QApplication.processEvents()
    yield win
    win.close()
    win.deleteLater()
    QtWidgets.QApplication.processEvents()


@pytest.fixture
def window(shared_window):
    return shared_window


@pytest.fixture
def menu(window):
    return export_menu_of(window)


@pytest.fixture
def chosen_path(monkeypatch, tmp_path):
    """File dialogs answer tmp_path/<name>.<kind>; PNG width dialog answers 1234."""
    chosen = {}

    def ask(_parent, default_name, kinds=("png", "svg", "pdf")):
        chosen["path"] = str(tmp_path / f"{default_name}.{kinds[0]}")
        return chosen["path"]

    monkeypatch.setattr(export_actions, "ask_export_path", ask)
    monkeypatch.setattr(export_menu, "ask_export_path", ask)
    monkeypatch.setattr(export_actions, "ask_png_width", lambda *_a, **_k: 1234)
    return chosen


def test_the_export_menu_lists_the_views_of_the_window(window, menu):
    ids = [view.id for view in menu.views]
    assert ids == ["canvas", "loss_curve", "loss_surface", "network", "weights",
                   "gradient_norms", "metrics", "attributions", "hidden_space",
                   "cross_validation", "compare", "linear_system"]
    for view_id in ids:
        assert menu.action(f"export_png_{view_id}") is not None
    for name in ("export_window", "copy_window", "export_animation", "export_points",
                 "export_history", "export_weights_json", "export_weights_csv"):
        assert menu.action(name) is not None, name


@pytest.mark.parametrize("kind", ["png", "svg", "pdf"])
def test_each_view_exports_from_the_file_menu(window, menu, chosen_path, boxes, kind):
    views = [view for view in menu.views if view.ready()]  # ready ones: test below
    assert len(views) >= 2 and "linear_system" in [view.id for view in views]
    for view_id in [view.id for view in views]:
        menu.rebuild()
        menu.action(f"export_{kind}_{view_id}").trigger()
        path = chosen_path["path"]
        assert path.endswith(f"{view_id}.{kind}")
        with open(path, "rb") as handle:
            data = handle.read()
        if kind == "png":
            image = QtGui.QImage(path)
            assert image.width() == 1234, view_id
            assert image.height() > 50
        elif kind == "svg":
            text = data.decode("utf-8")
            assert "viewBox" in text and ("<path" in text or "<image" in text), view_id
        else:
            assert data.startswith(b"%PDF"), view_id
    assert boxes.warnings == []


def test_the_view_export_is_of_the_plot_not_its_option_row(window, menu):
    targets = {view.id: view.target() for view in menu.views}
    assert targets["loss_curve"] is window.loss_curve.plot_widget
    assert targets["canvas"] is window.canvas


def test_whole_window_and_clipboard(window, menu, chosen_path, boxes):
    menu.action("export_window").trigger()
    image = QtGui.QImage(chosen_path["path"])
    assert (image.width(), image.height()) == (window.width(), window.height())
    QtWidgets.QApplication.clipboard().clear()
    menu.action("copy_window").trigger()
    assert not QtWidgets.QApplication.clipboard().image().isNull()
    assert boxes.warnings == []


def test_data_exports_write_points_history_and_weights(window, menu, tmp_path):
    session = window.controller.session
    points = menu.export_data("points", str(tmp_path / "points.csv"))
    with open(points, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["x1", "x2", "label", "split"]
    assert len(rows) - 1 == len(session.points.X)
    np.testing.assert_array_equal(np.array([[float(r[0]), float(r[1])] for r in rows[1:]]),
                                  session.points.X)

    history = menu.export_data("history", str(tmp_path / "history.csv"))
    with open(history, newline="") as handle:
        rows = list(csv.reader(handle))
    # one row per step 0..step_count: the last row is the current network
    assert rows[0][0] == "step" and len(rows) - 2 == session.trainer.step_count >= 20

    # the model JSON alone reproduces the window's predictions (an independent NumPy reader)
    model = model_json.load(menu.export_data("weights_json", str(tmp_path / "model.json")))
    assert [layer["shape"] for layer in model["layers"]] == \
        [list(w.shape) for w in session.net.weights]
    raw = session.points.X
    np.testing.assert_allclose(model_json.predict(model, raw), session.predict_raw(raw),
                               rtol=0, atol=1e-12)
    assert menu.export_data("weights_csv", str(tmp_path / "weights.csv"))


class _FakeDialog:
    """AnimationSettingsDialog stand-in: accepts with 4 frames of 3 steps after the start (5
    frames in the file), of the views named in ``wanted`` (default: the first two offered)."""

    wanted: tuple[str, ...] = ()

    def __init__(self, view_names, _parent=None, selected=(), start_step=0):
        self.view_names = list(view_names)

    def exec(self):
        return QtWidgets.QDialog.DialogCode.Accepted

    def settings(self):
        views = [name for name in self.view_names if name in self.wanted] or self.view_names[:2]
        return {"views": views, "steps_per_frame": 3, "frame_count": 4, "frames": 5, "fps": 5,
                "format": "gif"}


def _fingerprint(window) -> dict:
    """Everything the scene holds, bit for bit: the whole session pickled (weights, optimizer
    state, data, generators, history, snapshots), plus the facts named one by one."""
    session = window.controller.session
    trainer = session.trainer
    return {"pickle": pickle.dumps(session),
            "params": session.net.get_params().tobytes(),
            "optimizer": pickle.dumps(trainer.optimizer.state_dict()),
            "step": trainer.step_count,
            "history": pickle.dumps(trainer.history.arrays()),
            "net_rng": session.net.rng.bit_generator.state,
            "trainer_state": pickle.dumps(trainer.state_dict()),
            "modified": (window.isWindowModified(), window.scene_files.dirty),
            "undo": window.undo_stack.count()}


def test_animation_export_trains_a_copy_and_leaves_the_scene_untouched(
        window, menu, chosen_path, boxes, monkeypatch, tmp_path):
    monkeypatch.setattr(export_menu, "AnimationSettingsDialog", _FakeDialog)
    recorders = []
    record_training = menu.record_training  # the main window's (gui.app_window.recording)

    def spy(*args, **kwargs):
        recorders.append(record_training(*args, **kwargs))
        return recorders[-1]

    monkeypatch.setattr(menu, "record_training", spy)
    files = scene_helpers.scene_files_of(window, tmp_path)
    assert files.save_as(tmp_path / "scene.json")  # a saved, unmodified scene
    controller = window.controller
    emitted = []
    for name in ("stepped", "phaseCompleted", "networkChanged", "dataChanged",
                 "settingsChanged", "diverged", "selectionChanged"):
        getattr(controller, name).connect(lambda *_a, name=name: emitted.append(name))
    before = _fingerprint(window)
    changes = files.changes

    written = menu.export_animation()

    assert written == chosen_path["path"] and written.endswith(".gif")
    frames = iio.imread(written, index=None)
    assert frames.shape[0] == 5  # the start and 4 frames of 3 steps
    assert _fingerprint(window) == before  # weights, optimizer, step, history, RNG, flag
    assert files.changes == changes and not window.isWindowModified()
    assert emitted == []  # nothing was announced on the window's controller
    # the frames show training: the last frame shows the final step, 4 × 3 steps past the
    # scene's step (the trial's 20 frames × 5 steps ended at step 95)
    (recorder,) = recorders
    assert recorder.session is not controller.session
    assert recorder.session.trainer.step_count == before["step"] + 4 * 3
    assert not np.array_equal(recorder.session.net.get_params(),
                              controller.session.net.get_params())
    assert not np.array_equal(frames[0], frames[-1])
    assert boxes.warnings == []


def _font_px(font: QtGui.QFont) -> float:
    return float(QtGui.QFontInfo(font).pixelSize())


def _axis_fonts(target) -> dict[str, float]:
    """Pixel sizes of the tick and title fonts of the bottom axis of a pyqtgraph view (the tick
    font is the application's unless set)."""
    axis = target.getPlotItem().getAxis("bottom")
    tick = axis.style["tickFont"] or QtWidgets.QApplication.font()
    return {"ticks": _font_px(tick), "title": _font_px(axis.label.font())}


def test_animation_frame_panels_share_one_font_size(window, menu, chosen_path, boxes,
                                                    monkeypatch):
    """The canvas and the loss surface side by side in a frame: their axis and title text
    has one pixel size, whatever their sizes in the window (the surface's dock is much
    smaller than the canvas)."""
    from gui.export import animation as animation_export
    from gui.export.figures import native_size
    from gui.canvas.data_canvas import DataCanvas
    from gui.surface.surface_view import SurfacePlot

    surface_dock = window.docks["Loss surface"]
    surface_dock.show()
    surface_dock.raise_()
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    rendered = {}
    real_render = animation_export.render_image

    def spy(target, width=None):
        image = real_render(target, width)
        if isinstance(target, (DataCanvas, SurfacePlot)):
            scale = image.height() / native_size(target)[1]
            rendered[type(target).__name__] = {
                part: px * scale for part, px in _axis_fonts(target).items()}
        return image

    monkeypatch.setattr(animation_export, "render_image", spy)
    monkeypatch.setattr(export_menu, "AnimationSettingsDialog", _FakeDialog)
    monkeypatch.setattr(_FakeDialog, "wanted", ("Data canvas", "Loss surface"))
    try:
        written = menu.export_animation()
    finally:
        surface_dock.hide()
    assert written and boxes.warnings == []
    canvas, surface = rendered["DataCanvas"], rendered["SurfacePlot"]
    assert canvas["ticks"] == pytest.approx(surface["ticks"], abs=0.5)
    assert canvas["title"] == pytest.approx(surface["title"], abs=0.5)


def _submenu(menu, view_id):
    menu.rebuild()
    return menu.menu.findChild(QtWidgets.QMenu, f"export_{view_id}_menu")


def test_cross_validation_and_compare_are_exported_once_they_have_something_to_show(
        window, menu, chosen_path, boxes):
    """The new-user trial found no Cross-validation, Compare or Linear system entry, although
    the CLI writes cv.png and compare.png: they are there, disabled while empty."""
    from core.cross_validation import run_cross_validation

    controller = window.controller
    assert controller.comparison is None and window.views["cross_validation"].result is None
    for view_id in ("cross_validation", "compare"):
        assert not _submenu(menu, view_id).isEnabled(), view_id
        assert not menu.action(f"export_png_{view_id}").isEnabled(), view_id
    assert _submenu(menu, "linear_system").isEnabled()
    try:
        assert controller.start_comparison({"training.learning_rate": 0.3})
        window.views["cross_validation"].set_result(
            run_cross_validation(controller.session, 2, 3))
        QtWidgets.QApplication.processEvents()
        for view_id in ("cross_validation", "compare", "linear_system"):
            assert _submenu(menu, view_id).isEnabled(), view_id
            menu.action(f"export_png_{view_id}").trigger()
            assert chosen_path["path"].endswith(f"{view_id}.png")
            image = QtGui.QImage(chosen_path["path"])
            assert image.width() == 1234 and image.height() > 50, view_id
        # Compare exports the figure --compare writes (the view, not the End compare row)
        assert menu.view("compare").target() is window.views["compare"].view
    finally:
        controller.end_comparison()
        window.views["cross_validation"].set_result(None)
    assert boxes.warnings == []


def _visible_progress(window) -> str | None:
    """The label of the animation's progress dialog while it is shown, else None."""
    shown = [dialog for dialog in window.findChildren(QtWidgets.QProgressDialog,
                                                      "animation_progress")
             if dialog.isVisible()]
    return shown[0].labelText() if shown else None


def test_the_animation_progress_shows_at_once_and_while_the_file_is_encoded(
        window, menu, chosen_path, boxes, monkeypatch):
    """The trial saw no progress 1 s after saving and the file ~15 s later: the views were
    being built, and the GIF was encoded after the dialog closed at its last frame."""
    from gui.export import animation

    monkeypatch.setattr(export_menu, "AnimationSettingsDialog", _FakeDialog)
    seen = {}
    record_training = menu.record_training

    def preparing(*args, **kwargs):
        seen["preparing"] = _visible_progress(window)
        return record_training(*args, **kwargs)

    close = animation.AnimationWriter.close

    def encoding(writer):
        seen["encoding"] = _visible_progress(window)
        return close(writer)

    monkeypatch.setattr(menu, "record_training", preparing)
    monkeypatch.setattr(animation.AnimationWriter, "close", encoding)
    assert menu.export_animation() == chosen_path["path"]
    assert seen == {"preparing": "Preparing the views…", "encoding": "Encoding the file…"}
    assert _visible_progress(window) is None
    assert boxes.warnings == []


def test_the_animation_dialog_says_which_steps_the_frames_show(qapp):
    dialog = export_actions.AnimationSettingsDialog(["Loss curve"], start_step=40)
    dialog.steps_per_frame.setValue(5)
    dialog.frame_count.setValue(20)
    assert dialog.settings()["frames"] == 21
    assert dialog.frames_note.text() == (
        "21 frames: steps 40, 45, …, 140 (the start, then one every 5 steps)")
    dialog.frame_count.setValue(1)
    assert dialog.frames_note.text() == "2 frames: steps 40 and 45"
    dialog.deleteLater()


@pytest.mark.parametrize("view_id", ["compare", "cross_validation"])
def test_compare_and_cross_validation_export_at_their_figure_size_whatever_the_dock(
        qtbot, chosen_path, boxes, monkeypatch, view_id):
    """File ▸ Export and the view's right-click entry draw the figure the command line
    writes (compare.png, cv.png): a new view laid out at the figure's size, so the PNG has
    the figure's aspect in a small dock, a large one, and in presenter mode (the view on
    screen was drawn at the dock's size: squeezed in a small dock, folded into pages at
    presenter size)."""
    from core.cross_validation import run_cross_validation
    from gui.app_window import layout_report as lr
    from gui.app_window.headless_figures import CV_SIZE
    from gui.compare.compare_view import FIGURE_SIZE

    window, controller = comparing_window(qtbot, 10)
    window.views["cross_validation"].set_result(run_cross_validation(controller.session, 2, 3))
    menu = export_menu_of(window)
    workspace, size = {"compare": ("compare", FIGURE_SIZE),
                       "cross_validation": ("evaluate", CV_SIZE)}[view_id]
    drawn = []
    export_view = export_actions.export_view

    def spy(target, kind, name, parent=None):
        drawn.append((target.size().toTuple(), getattr(target, "folded", False)))
        return export_view(target, kind, name, parent)

    monkeypatch.setattr(export_actions, "export_view", spy)
    sizes = []
    try:
        for window_size, scale in (((1280, 720), None), ((1920, 1080), None),
                                   ((1280, 720), 2.0)):
            lr.prepare_window(window, window_size, workspace, scale)
            menu.rebuild()
            menu.action(f"export_png_{view_id}").trigger()
            sizes.append(QtGui.QImage(chosen_path["path"]).size().toTuple())
            menu.actions_of(menu.view(view_id))[0].trigger()  # right-click ▸ Export PNG…
            sizes.append(QtGui.QImage(chosen_path["path"]).size().toTuple())
    finally:
        controller.shutdown()
    assert sizes == [(1234, round(1234 * size[1] / size[0]))] * 6
    assert drawn == [(size, False)] * 6
    assert boxes.warnings == []
