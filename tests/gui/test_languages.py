"""View ▸ Language: English ↔ Simplified Chinese at run time, without losing the scene."""

import xml.etree.ElementTree as ET

import numpy as np
from PySide6 import QtCore, QtWidgets

from gui.classroom.lessons_menu import TEXT_LATER
from gui.common.i18n import TRANSLATIONS_DIR, qm_path
from tests.gui import classroom_helpers
from tests.waiting import PATIENCE_MS

classroom = classroom_helpers.classroom
isolated_settings = classroom_helpers.isolated_settings
shared_window = classroom_helpers.shared_window

TS_PATH = TRANSLATIONS_DIR / "backprop_playground_zh_CN.ts"
#: Contexts of the classroom modules: every message must be translated.
OWN_CONTEXTS = ("Shortcuts", "Presenter", "PredictReveal", "Lessons", "Language", "Theme")


def menu_titles(window) -> list[str]:
    """Menu-bar titles without mnemonics ("&File" → "File", "文件(&F)" → "文件")."""
    titles = []
    for action in window.menuBar().actions():
        text = action.text()
        if "(&" in text:
            text = text[:text.index("(&")]
        titles.append(text.replace("&", "").strip())
    return titles


def scene_state(controller):
    session = controller.session
    return (session.points.X.copy(), session.points.y.copy(), session.points.train.copy(),
            [p.copy() for p in session.net.parameters()], session.trainer.step_count,
            session.trainer.phase, controller.session)


def assert_same_scene(before, after):
    X, y, train, params, step, phase, session = before
    assert after[6] is session  # the very same Session object: nothing was rebuilt
    assert np.array_equal(after[0], X) and np.array_equal(after[1], y)
    assert np.array_equal(after[2], train)
    assert all(np.array_equal(a, b) for a, b in zip(after[3], params, strict=True))
    assert (after[4], after[5]) == (step, phase)


def test_switching_to_chinese_translates_the_menus_and_back_keeps_the_scene(classroom):
    window = classroom
    controller = window.controller
    controller.add_point((1.25, -0.5), 1)
    for _ in range(3):
        controller.step()
    controller.forward()  # mid-step: the phase must survive too
    before = scene_state(controller)
    english = menu_titles(window)
    assert english[:3] == ["File", "Edit", "Draw"]

    window.language_menu.actions["zh_CN"].trigger()
    chinese = menu_titles(window)
    assert chinese[0] == "文件"
    assert "视图" in chinese and "帮助" in chinese and "课程" in chinese
    assert window.presenter_mode.action.text() == "演示模式"
    assert_same_scene(before, scene_state(controller))

    window.language_menu.actions["en"].trigger()
    assert menu_titles(window) == english
    assert window.presenter_mode.action.text() == "Presenter mode"
    assert_same_scene(before, scene_state(controller))
    controller.backward()  # and training simply continues
    controller.update()
    assert controller.trainer.step_count == 4


def test_texts_changed_while_in_chinese_are_translated_too(classroom, qtbot):
    window = classroom
    window.language_menu.actions["zh_CN"].trigger()
    play = window.step_toolbar.play_action
    window.controller.play()
    qtbot.waitUntil(lambda: play.text() == "暂停", timeout=PATIENCE_MS)  # Pause
    window.controller.pause()
    qtbot.waitUntil(lambda: play.text() == "播放", timeout=PATIENCE_MS)  # Play
    window.language_menu.actions["en"].trigger()
    assert play.text() == "Play"


def test_lesson_menu_and_notes_follow_the_language(classroom):
    window = classroom
    lessons = window.lessons_menu
    lessons.load("linear-system")  # no question: its notes show the explanation at once
    window.language_menu.actions["zh_CN"].trigger()
    lesson = lessons.current
    assert lesson.localized("title", "zh_CN") in lessons.actions["linear-system"].text()
    assert lesson.localized("text", "zh_CN") in lessons.notes.browser.toPlainText()
    window.language_menu.actions["en"].trigger()
    assert lesson.localized("text", "en") in lessons.notes.browser.toPlainText()
    lessons.load("xor-hidden")  # a question open: the note standing for the text follows too
    window.language_menu.actions["zh_CN"].trigger()
    assert TEXT_LATER["zh_CN"] in lessons.notes.browser.toPlainText()
    window.language_menu.actions["en"].trigger()
    assert TEXT_LATER["en"] in lessons.notes.browser.toPlainText()


def test_the_chosen_language_is_remembered(classroom):
    classroom.language_menu.actions["zh_CN"].trigger()
    assert QtCore.QSettings().value("ui/language") == "zh_CN"
    classroom.language_menu.actions["en"].trigger()
    assert QtCore.QSettings().value("ui/language") == "en"


def test_every_classroom_string_has_a_chinese_translation():
    root = ET.parse(TS_PATH).getroot()
    missing = []
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in OWN_CONTEXTS:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished",) or not (translation.text or "").strip():
                missing.append((name, message.findtext("source")))
    assert not missing, missing


def test_the_compiled_qm_matches_the_ts_file(qapp):
    """The .qm in the repository is compiled from the current .ts (lrelease was run)."""
    translator = QtCore.QTranslator()
    assert translator.load(str(qm_path("zh_CN")))
    root = ET.parse(TS_PATH).getroot()
    checked = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") or message.get("numerus") == "yes":
                continue  # unfinished / obsolete / vanished entries are not compiled
            assert translator.translate(name, message.findtext("source")) == translation.text
            checked += 1
    assert checked > 100


def test_standard_buttons_come_from_qts_own_chinese_catalogue(classroom):
    classroom.language_menu.actions["zh_CN"].trigger()
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
    text = box.button(QtWidgets.QDialogButtonBox.StandardButton.Close).text()
    assert "关闭" in text
