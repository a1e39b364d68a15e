"""First start follows the system (issue 13 item 8): language from ``QLocale.system()
.uiLanguages()``, theme from ``QStyleHints.colorScheme()``, and a one-line notice naming the
font package when the UI is Chinese but no installed font can draw it. A choice made in the
View menu is remembered and wins over the system. The system is simulated through the hooks
pinned by ``tests/gui/conftest.py::neutral_system``; the machine's own locale never matters."""

import pytest
from PySide6 import QtCore
from PySide6.QtCore import Qt

from gui.app_window import font_notice
from gui.common import i18n, themes
from gui.common.i18n import manager
from gui.common.themes import apply_theme, current_theme

KEYS = (i18n.SETTINGS_KEY, themes.ThemeMenu.SETTINGS_KEY)


@pytest.fixture
def first_start(monkeypatch, qapp):
    """No remembered language or theme (the keys are restored afterwards), no
    BACKPROP_LANGUAGE; the app back in English afterwards."""
    settings = QtCore.QSettings()
    saved = {key: settings.value(key) for key in KEYS if settings.contains(key)}
    for key in KEYS:
        settings.remove(key)
    monkeypatch.delenv("BACKPROP_LANGUAGE", raising=False)
    yield settings
    for key in KEYS:
        settings.remove(key)
    for key, value in saved.items():
        settings.setValue(key, value)
    manager().set_language("en")


@pytest.fixture
def start_window(qtbot, first_start):
    """Builds MainWindows as at start-up; each is closed (and the light theme restored)."""
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    built = []

    def build():
        controller = TrainingController()
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.resize(1440, 900)
        window.show()
        qtbot.waitExposed(window)
        built.append((window, controller))
        return window

    yield build
    for window, controller in built:
        apply_theme(window, "light")
        controller.shutdown()


def simulate(monkeypatch, languages=None, scheme=None, fonts=None):
    if languages is not None:
        monkeypatch.setattr(i18n, "system_ui_languages", lambda: list(languages))
    if scheme is not None:
        monkeypatch.setattr(themes, "system_color_scheme", lambda: scheme)
    if fonts is not None:
        monkeypatch.setattr(font_notice, "cjk_font_families", lambda: list(fonts))


def file_menu_title(window) -> str:
    return window.menuBar().actions()[0].text()


# ------------------------------------------------------------------ the rules, without a window
@pytest.mark.parametrize("languages, expected", [
    (["zh"], "zh_CN"), (["zh-CN"], "zh_CN"), (["zh-Hans"], "zh_CN"), (["zh_CN"], "zh_CN"),
    (["zh-Hans-CN", "en-US"], "zh_CN"), (["zh-SG"], "zh_CN"),
    (["de-DE", "zh-CN"], "zh_CN"),  # the first language we have a translation for
    (["en-GB", "zh-CN"], "en"), (["fr-FR"], "en"), ([], "en"), (["C"], "en"),
    (["zh-TW"], "en"), (["zh-Hant-HK", "en"], "en"),  # Traditional Chinese: no catalogue
])
def test_the_system_language_is_the_first_one_we_have(languages, expected):
    assert i18n.system_language(languages) == expected


@pytest.mark.parametrize("scheme, expected", [
    (Qt.ColorScheme.Dark, "dark"), (Qt.ColorScheme.Light, "light"),
    (Qt.ColorScheme.Unknown, "light")])
def test_the_system_colour_scheme_picks_the_theme(scheme, expected):
    assert themes.system_theme(scheme) == expected


def test_remembered_choices_win_over_the_system(monkeypatch, first_start):
    simulate(monkeypatch, languages=["zh-CN"], scheme=Qt.ColorScheme.Dark)
    assert (i18n.remembered_language(), themes.remembered_theme()) == ("zh_CN", "dark")
    first_start.setValue(i18n.SETTINGS_KEY, "en")
    first_start.setValue(themes.ThemeMenu.SETTINGS_KEY, "light")
    assert (i18n.remembered_language(), themes.remembered_theme()) == ("en", "light")


def test_the_font_notice_names_the_packages_only_when_needed(qapp):
    assert font_notice.notice_text("en", families=[]) == ""
    assert font_notice.notice_text("zh_CN", families=["Noto Sans CJK SC"]) == ""
    text = font_notice.notice_text("zh_CN", families=[])
    assert "fonts-noto-cjk" in text and "google-noto-sans-cjk-fonts" in text
    assert "\n" not in text


# ------------------------------------------------------------------ the window at start-up
def test_first_start_on_a_chinese_system_shows_chinese(monkeypatch, start_window, first_start):
    simulate(monkeypatch, languages=["zh-Hans-CN", "en-US"])
    window = start_window()
    assert manager().language == "zh_CN"
    assert file_menu_title(window).startswith("文件")
    assert window.language_menu.actions["zh_CN"].isChecked()
    # following the system is not a choice: nothing is remembered
    assert not first_start.contains(i18n.SETTINGS_KEY)


def test_a_remembered_english_choice_wins_over_a_chinese_system(monkeypatch, start_window,
                                                                first_start):
    simulate(monkeypatch, languages=["zh-CN"])
    window = start_window()
    window.language_menu.actions["en"].trigger()  # View ▸ Language ▸ English: remembered
    assert first_start.value(i18n.SETTINGS_KEY) == "en"
    again = start_window()
    assert manager().language == "en"
    assert file_menu_title(again) == "&File"


def test_first_start_on_a_dark_system_uses_the_dark_theme(monkeypatch, start_window):
    simulate(monkeypatch, scheme=Qt.ColorScheme.Dark)
    window = start_window()
    assert current_theme(window) == "dark"
    assert window.theme_menu.actions["dark"].isChecked()


def test_a_remembered_light_theme_wins_over_a_dark_system(monkeypatch, start_window,
                                                          first_start):
    simulate(monkeypatch, scheme=Qt.ColorScheme.Dark)
    first_start.setValue(themes.ThemeMenu.SETTINGS_KEY, "light")
    window = start_window()
    assert current_theme(window) == "light"
    assert window.theme_menu.actions["light"].isChecked()


def test_chinese_without_a_cjk_font_shows_one_line_naming_the_package(monkeypatch,
                                                                      start_window):
    simulate(monkeypatch, languages=["zh-CN"], fonts=[])
    window = start_window()
    notice = window.font_notice
    assert notice.isVisible()
    text = notice.label.text()
    assert text == font_notice.notice_text("zh_CN", families=[])
    assert text.startswith("No Chinese font: install fonts-noto-cjk (Debian/Ubuntu) or "
                           "google-noto-sans-cjk-fonts (Fedora)")
    assert "未安装中文字体" in text  # and in Chinese, for when the check is wrong
    window.language_menu.actions["en"].trigger()
    assert not notice.isVisible()  # English needs no CJK font
    window.language_menu.actions["zh_CN"].trigger()
    assert notice.isVisible()


def test_chinese_with_a_cjk_font_shows_no_notice(monkeypatch, start_window):
    simulate(monkeypatch, languages=["zh-CN"], fonts=["Noto Sans CJK SC"])
    window = start_window()
    assert manager().language == "zh_CN"
    assert not window.font_notice.isVisible()
