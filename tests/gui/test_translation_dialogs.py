"""In Simplified Chinese, the texts the coverage test cannot see are Chinese too: scene-file
messages, the export and animation dialogs (and the animation's progress dialog), the loss-surface
dock after computing each kind of plane, the crash-recovery and save-changes prompts. Switching
back to English restores the English texts.

Message boxes and file/input dialogs are replaced by recorders (nothing blocks); QSettings and
the autosave folder are temporary (tests/gui/classroom_helpers.py, scene_helpers.py).
"""

import re
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from gui.export import actions as export_actions
from gui.export.figures import ExportError, export_png
from gui.export.actions import AnimationSettingsDialog, export_animation_with_dialog
from gui.common.i18n import manager
from tests.gui import classroom_helpers
from tests.gui.scene_helpers import settings_file
from tests.gui.test_translation_coverage import english_words, visible_texts
from tests.waiting import PATIENCE_MS

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

HAN = re.compile(r"[\u4e00-\u9fff]")


def chinese(text: str, allowed: set[str] = frozenset(), names: set[str] = frozenset()) -> bool:
    """``text`` holds Chinese and no English word except the technical terms (TERMS of the
    coverage test), ``allowed`` words (a Qt platform, a package) and ``names`` (file names)."""
    words = [w for w in english_words(text, set(names)) if w not in allowed]
    return bool(HAN.search(text)) and not words


def assert_no_english(texts, allowed: set[str] = frozenset()) -> None:
    """No English word outside the technical terms in any of ``texts`` (texts without words,
    like a suffix "²" or "SGD", pass), and Chinese in some of them."""
    texts = [t for t in texts if t]
    wrong = [t for t in texts if [w for w in english_words(t, set()) if w not in allowed]]
    assert not wrong, f"English left: {wrong}"
    assert any(HAN.search(t) for t in texts)


def assert_chinese(texts, allowed: set[str] = frozenset(), names: set[str] = frozenset()) -> None:
    texts = [t for t in texts if t]
    assert texts
    wrong = [t for t in texts if not chinese(t, allowed, names)]
    assert not wrong, f"not (only) Chinese: {wrong}"


@pytest.fixture
def recorder(monkeypatch):
    """Records QMessageBox.warning/question as (title, text); question() returns ``answer``."""
    rec = SimpleNamespace(warnings=[], questions=[],
                          answer=QtWidgets.QMessageBox.StandardButton.Cancel)
    box = QtWidgets.QMessageBox

    def warning(_parent, title, text, *_a, **_k):
        rec.warnings.append((title, text))
        return box.StandardButton.Ok

    def question(_parent, title, text, *_a, **_k):
        rec.questions.append((title, text))
        return rec.answer

    monkeypatch.setattr(box, "warning", staticmethod(warning))
    monkeypatch.setattr(box, "question", staticmethod(question))
    return rec


@pytest.fixture
def files(classroom, tmp_path):
    """The window's SceneFiles on temporary QSettings and autosave folder."""
    files = classroom.scene_files
    old = files.settings, files.autosaver.data_dir
    files.redirect(settings_file(tmp_path), tmp_path / "data")
    yield files
    files.redirect(*old)


def chinese_ui():
    manager().set_language("zh_CN")
    QtWidgets.QApplication.processEvents()


def english_ui():
    manager().set_language("en")
    QtWidgets.QApplication.processEvents()


def test_the_checker_rejects_english():
    assert not chinese("Open scene")
    assert not chinese("打开 scene")
    assert chinese("打开场景 PNG")


# ------------------------------------------------------------------ (1) scene-file messages
def test_a_malformed_scene_file_is_explained_in_chinese_and_the_scene_is_kept(
        classroom, files, recorder, tmp_path):
    controller = classroom.controller
    for _ in range(3):
        controller.step()
    session = controller.session
    params, step, path = session.net.get_params().copy(), session.trainer.step_count, files.path
    broken = tmp_path / "broken.json"
    broken.write_text("{ this is not JSON", encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "backprop-playground-scene", "version": 1, "network": 5}',
                     encoding="utf-8")
    chinese_ui()
    for bad in (broken, wrong):
        assert files.open_file(str(bad), ask_to_save=False) is False
        title, text = recorder.warnings[-1]
        assert title == "打开场景"
        sentence = text.split("\n")[0]  # the core's detail on the next line may be English
        assert sentence == f"{bad.name} 不是可用的场景文件："
        assert_chinese([title, sentence], names={bad.name})
    assert files.restore(str(broken)) is False
    assert recorder.warnings[-1][0] == "恢复上次的会话"
    assert files.save_as(str(tmp_path / "missing" / "scene.json")) is False
    title, text = recorder.warnings[-1]
    assert title == "保存场景" and text.startswith("无法保存 ")
    # nothing changed
    assert controller.session is session and files.path == path
    np.testing.assert_array_equal(session.net.get_params(), params)
    assert session.trainer.step_count == step
    english_ui()
    assert files.open_file(str(broken), ask_to_save=False) is False
    assert recorder.warnings[-1][0] == "Open scene"
    assert recorder.warnings[-1][1].startswith("broken.json is not a usable scene file:\n")


# ------------------------------------------------------------------ (2) export dialogs
def test_export_dialogs_and_messages_are_chinese(classroom, recorder, monkeypatch, tmp_path):
    asked = {}

    def save_name(_parent, caption, _start, filters, *_a, **_k):
        asked["file"] = (caption, filters)
        return "", ""

    def get_int(_parent, title, label, *_a, **_k):
        asked["width"] = (title, label)
        return 800, False

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(save_name))
    monkeypatch.setattr(QtWidgets.QInputDialog, "getInt", staticmethod(get_int))
    chinese_ui()
    assert export_actions.ask_export_path(classroom, "plot", ("png", "svg", "pdf")) is None
    assert export_actions.ask_png_width(classroom) is None
    caption, filters = asked["file"]
    assert caption == "导出"
    patterns = [re.sub(r"\(\*\.\w+\)", "", f) for f in filters.split(";;")]  # "(*.png)"
    assert_chinese([caption, *patterns, *asked["width"]])
    # a failed export: the message box's title and text
    with pytest.raises(ExportError) as error:
        export_png(classroom.loss_curve, str(tmp_path / "no" / "such" / "folder.png"))
    export_actions.show_export_error(classroom, error.value)
    title, text = recorder.warnings[-1]
    assert title == "导出失败" and text.startswith("无法写入 ")
    # File ▸ Export and the views' right-click entries
    menu = classroom.export_menu
    menu.rebuild()
    texts = [menu.menu.title()]
    for action in menu.menu.actions():
        texts.append(action.text())
        if action.menu() is not None:
            texts += [inner.text() for inner in action.menu().actions()]
    for actions in menu.view_actions.values():
        texts += [a.text() for a in actions]
    assert "训练过程动画（GIF/MP4）…" in texts
    assert_chinese(texts)
    english_ui()
    assert "Animation of training (GIF/MP4)…" in [a.text() for a in menu.menu.actions()]


def dialog_texts(dialog: QtWidgets.QWidget) -> list[str]:
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QtWidgets.QWidget):
        if isinstance(widget, QtWidgets.QLabel | QtWidgets.QAbstractButton):
            texts.append(widget.text())
        texts.append(widget.toolTip())
    return [t for t in texts if t]


def test_the_animation_dialog_and_its_progress_are_chinese(classroom, tmp_path):
    chinese_ui()
    labels = [view.label() for view in classroom.export_menu.views]
    dialog = AnimationSettingsDialog(labels, classroom)
    try:
        texts = dialog_texts(dialog)
        assert dialog.windowTitle() == "导出动画"
        assert {"每帧训练步数", "起始之后的帧数", "每秒帧数", "格式"} <= set(texts)
        tip = dialog.format.itemData(1, QtCore.Qt.ItemDataRole.ToolTipRole)
        assert_chinese(texts + ([tip] if tip else []), allowed={"imageio", "ffmpeg", "pip",
                                                                "install"})
        assert dialog.settings()["format"] == "gif"  # read from itemData
    finally:
        dialog.deleteLater()

    seen = []

    def frame(index: int):
        progress = [w for w in QtWidgets.QApplication.topLevelWidgets()
                    if isinstance(w, QtWidgets.QProgressDialog) and w.isVisible()]
        if progress:
            seen.append(dialog_texts(progress[0]))
        image = QtGui.QImage(32, 24, QtGui.QImage.Format.Format_RGB32)
        image.fill(QtGui.QColor("white"))
        return image

    path = str(tmp_path / "run.gif")
    assert export_animation_with_dialog(classroom, frame, path, fps=5, frame_count=3) == path
    assert seen
    assert "正在录制动画…" in seen[-1] and "取消" in seen[-1]
    assert_chinese(seen[-1])
    english_ui()
    dialog = AnimationSettingsDialog(labels, classroom)
    assert dialog.windowTitle() == "Export animation"
    dialog.deleteLater()


# ------------------------------------------------------------------ (3) the loss-surface dock
def wait_for_surface(qtbot, presenter, timeout=PATIENCE_MS):
    qtbot.waitUntil(lambda: presenter.update is not None and not presenter.update.preview
                    and not presenter.surface_runner.busy and not presenter._stale,
                    timeout=timeout)


def classroom_dock(presenter) -> QtWidgets.QDockWidget:
    """The dock that holds the loss-surface view."""
    return presenter.view.parentWidget()


def surface_texts(presenter) -> list[str]:
    QtWidgets.QApplication.processEvents()
    dock = classroom_dock(presenter)
    texts = visible_texts(dock)
    view = presenter.view
    for plot in (view.plot.getPlotItem(), view.slices.along_plot, view.slices.interpolation_plot):
        texts += [plot.getAxis(name).labelText for name in ("left", "bottom")]
    texts += [view.slices.interpolation_plot.titleLabel.text,
              view.tabs.tabText(1), dock.windowTitle(), view.controls.status_label.text()]
    return [t for t in texts if t]


def test_the_loss_surface_dock_is_chinese_for_every_plane(classroom, qtbot, monkeypatch):
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", staticmethod(
        lambda *a, **k: QtWidgets.QMessageBox.StandardButton.Discard))
    presenter = classroom.loss_surface
    chinese_ui()
    assert classroom.lessons_menu.load("linear-regression")
    wait_for_surface(qtbot, presenter)
    assert presenter.update.plane.kind == "linear"
    presenter.start_race(10)
    qtbot.waitUntil(lambda: presenter.race is not None and not presenter.race_runner.busy,
                    timeout=PATIENCE_MS)
    status = presenter.controls.status_label.text()
    assert "曲面 51×51" in status and "赛跑，10 步" in status
    texts = surface_texts(presenter)
    assert {"最小二乘最优解", "当前 θ", "线性模型的 (w, b)", "w（权重）"} <= set(texts)
    assert_no_english(texts)

    classroom.lessons_menu.load("xor-hidden")
    QtWidgets.QApplication.processEvents()  # the lesson's layout first, as a user would see it
    classroom.docks["Loss surface"].show()
    classroom.docks["Loss surface"].raise_()
    for _ in range(5):
        classroom.controller.step()
    for mode in ("parameters", "random", "pca"):
        presenter.controls.set_mode(mode)
        presenter.recompute()
        wait_for_surface(qtbot, presenter)
        assert presenter.update.plane.kind == mode
        presenter._draw_slices()
        assert_no_english(surface_texts(presenter))
    # a failure the presenter explains: PCA before the path moved
    classroom.controller.reset()
    presenter.recompute()
    qtbot.waitUntil(lambda: "PCA 平面需要一条路径" in presenter.controls.status_label.text(),
                    timeout=PATIENCE_MS)
    assert_chinese([presenter.controls.status_label.text()])
    # the 3-D tab falls back to 2-D offscreen, saying why (a platform name stays as it is)
    view = presenter.view
    view.tabs.setCurrentWidget(view.view_3d)
    assert view.tabs.currentWidget() is view.plot
    assert "三维视图不可用" in view.controls.status_label.text()
    assert_chinese([view.controls.status_label.text()], allowed={"OpenGL", "offscreen"})

    english_ui()  # the same texts back in English, without recomputing
    status = view.controls.status_label.text()
    assert "3-D view unavailable" in status
    assert view.tabs.tabText(1) == "1-D slices"
    assert presenter.controls.mode_combo.itemText(0) == "Two parameters"
    assert classroom.docks["Loss surface"].windowTitle() == "Loss surface"
    assert presenter.controls.mode == "pca"  # the setting did not follow the text


def test_the_surface_status_follows_a_language_switch(classroom, qtbot):
    presenter = classroom.loss_surface
    presenter.controls.set_mode("parameters")
    classroom.docks["Loss surface"].show()
    classroom.docks["Loss surface"].raise_()
    presenter.recompute()
    wait_for_surface(qtbot, presenter)
    assert presenter.controls.status_label.text().startswith("surface 51×51 at step ")
    chinese_ui()
    assert presenter.controls.status_label.text().startswith("曲面 51×51，第 ")
    assert presenter.controls.loss_combo.itemText(0) == "数据损失"
    assert presenter.controls.loss_kind == "data"
    english_ui()
    assert presenter.controls.status_label.text().startswith("surface 51×51 at step ")


# ------------------------------------------------------------------ (4) prompts
def test_recovery_and_save_changes_prompts_are_chinese(classroom, files, recorder):
    classroom.controller.step()
    assert files.dirty
    chinese_ui()
    assert "未命名" in classroom.windowTitle()
    assert files.maybe_save() is False  # Cancel
    title, text = recorder.questions[-1]
    assert text == "要保存对 未命名 的更改吗？"
    assert_chinese([text])
    files.autosaver.autosave(force=True, wait=True)
    assert files.autosaver.path.is_file()
    recorder.answer = QtWidgets.QMessageBox.StandardButton.No
    assert files.autosaver.offer_recovery() is False
    title, text = recorder.questions[-1]
    assert title == "恢复上次的会话？"
    assert_chinese([title, text])
    english_ui()
    assert "Untitled" in classroom.windowTitle()
    recorder.answer = QtWidgets.QMessageBox.StandardButton.Cancel
    files.maybe_save()
    assert recorder.questions[-1][1] == "Save the changes to Untitled?"
    recorder.answer = QtWidgets.QMessageBox.StandardButton.No
    files.autosaver.offer_recovery()
    assert recorder.questions[-1][0] == "Restore the last session?"
    assert recorder.questions[-1][1].startswith("Backprop Playground did not close properly")
