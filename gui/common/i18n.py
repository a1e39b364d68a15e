"""Languages: English (the source language) and Simplified Chinese, switchable at run time.

Qt's translation system does the work: our strings go through ``QCoreApplication.translate``
(extracted by ``pyside6-lupdate`` into ``resources/translations/backprop_playground_zh_CN.ts``,
compiled by ``pyside6-lrelease`` to ``.qm``; see ``resources/translations/update_translations.py``).
:class:`LanguageManager` installs the ``.qm`` files (ours and Qt's own ``qtbase_zh_CN.qm`` for
the standard dialog buttons) as ``QTranslator``\\ s; Qt then sends ``LanguageChange`` to every
widget and we emit ``languageChanged``.

Widgets written with plain English strings are translated by :func:`retranslate_widgets`, which
looks each visible text up in the ``"ui"`` context (the catalogue harvested from the window,
``resources/translations/ui_strings.py``). It remembers the English source of every text it
replaced, so switching back restores English; a text the widget set itself since then becomes
the new source. Nothing here touches the session: switching language never changes the scene.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, Signal

from core.resource_files import resources_dir

translate = QCoreApplication.translate

# Next to gui/ in a checkout and in an installed wheel (pyproject package-data ships the .qm).
TRANSLATIONS_DIR = resources_dir() / "translations"
CATALOGUE = "backprop_playground"  # backprop_playground_<code>.qm
#: Language code → name shown in View ▸ Language (each in its own language).
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SOURCE_LANGUAGE = "en"
#: Translation context of texts harvested from widgets that do not call tr() themselves.
UI_CONTEXT = "ui"
SETTINGS_KEY = "ui/language"

_SOURCE = "i18n_source_"
_SHOWN = "i18n_shown_"


def qm_path(code: str) -> Path:
    """Our compiled catalogue for language ``code`` (may not exist)."""
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{code}.qm"


class LanguageManager(QtCore.QObject):
    """Installs the translators of one language in the application; one per QApplication
    (use :func:`manager`). Signal ``languageChanged(code)`` after every switch."""

    languageChanged = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._language = SOURCE_LANGUAGE
        self._translators: list[QtCore.QTranslator] = []

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, code: str, remember: bool = False) -> None:
        """Switch to ``code`` (a key of :data:`LANGUAGES`); ValueError for others.

        Missing ``.qm`` files leave the texts in English (the source language) rather than
        failing. ``remember`` stores the choice in QSettings for the next start.
        """
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; available: {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        if code != SOURCE_LANGUAGE:
            qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
            for path in (str(qm_path(code)), os.path.join(qt_dir, f"qtbase_{code}.qm")):
                translator = QtCore.QTranslator(self)
                if os.path.exists(path) and translator.load(path):
                    app.installTranslator(translator)
                    self._translators.append(translator)
        self._language = code
        if remember:
            QtCore.QSettings().setValue(SETTINGS_KEY, code)
        self.languageChanged.emit(code)

    def translator_loaded(self) -> bool:
        """True when our own catalogue is installed (False in English)."""
        return bool(self._translators)


def manager() -> LanguageManager:
    """The application's LanguageManager (created on first use, parented to the app)."""
    app = QCoreApplication.instance()
    found = app.findChild(LanguageManager, "languageManager")
    if found is None:
        found = LanguageManager(app)
        found.setObjectName("languageManager")
    return found


def current_language() -> str:
    return manager().language


def system_ui_languages() -> list[str]:
    """The system's UI languages, most preferred first (``QLocale.system().uiLanguages()``,
    BCP 47 tags such as ``"zh-Hans-CN"``). Tests replace this module attribute to simulate a
    system; nothing else reads the system locale."""
    return list(QtCore.QLocale.system().uiLanguages())


def language_for_tag(tag: str) -> str | None:
    """Our language code for one locale tag (``"zh"``, ``"zh-CN"``, ``"zh-Hans"``, ``"zh_SG"``
    → ``"zh_CN"``; ``"en"``, ``"en-GB"`` → ``"en"``), or None when we have no translation for it
    (other languages, and Traditional Chinese: ``"zh-TW"``, ``"zh-Hant"``, ``"zh-HK"``)."""
    locale = QtCore.QLocale(tag.replace("_", "-"))
    language = locale.language()
    if language == QtCore.QLocale.Language.English:
        return SOURCE_LANGUAGE
    if (language == QtCore.QLocale.Language.Chinese
            and locale.script() == QtCore.QLocale.Script.SimplifiedHanScript):
        return "zh_CN"
    return None


def system_language(ui_languages: list[str] | None = None) -> str:
    """The language of the first entry of ``ui_languages`` (default :func:`system_ui_languages`)
    we have a translation for (see :func:`language_for_tag`); English when there is none."""
    tags = system_ui_languages() if ui_languages is None else ui_languages
    for tag in tags:
        code = language_for_tag(tag)
        if code is not None:
            return code
    return SOURCE_LANGUAGE


def remembered_language() -> str:
    """The start-up language: ``BACKPROP_LANGUAGE`` if set, else the one chosen in View ▸
    Language (QSettings), else the system's (:func:`system_language`: follow the system on the
    first start, as Qt applications do)."""
    code = os.environ.get("BACKPROP_LANGUAGE") or QtCore.QSettings().value(SETTINGS_KEY, "")
    return code if code in LANGUAGES else system_language()


# ------------------------------------------------------------------------------ retranslation
def _retext(obj: QtCore.QObject, key: str, text: str, setter) -> None:
    """Show the translation of ``text``'s English source; remember the source."""
    if not text:
        return
    source = obj.property(_SOURCE + key)
    if source is None or text != obj.property(_SHOWN + key):
        source = text  # first visit, or the widget has set a new (English) text itself
    shown = translate(UI_CONTEXT, source)
    obj.setProperty(_SOURCE + key, source)
    obj.setProperty(_SHOWN + key, shown)
    if shown != text:
        setter(shown)


def retranslate_action(action: QtGui.QAction) -> None:
    _retext(action, "text", action.text(), action.setText)
    _retext(action, "tip", action.toolTip(), action.setToolTip)
    _retext(action, "status", action.statusTip(), action.setStatusTip)


def retranslate_widget(widget: QtWidgets.QWidget) -> None:
    """Texts of one widget (not its children): title, label, button, tabs, tooltip."""
    if isinstance(widget, QtWidgets.QDockWidget | QtWidgets.QToolBar):
        _retext(widget, "title", widget.windowTitle(), widget.setWindowTitle)
    elif isinstance(widget, QtWidgets.QLabel):
        _retext(widget, "text", widget.text(), widget.setText)
    elif isinstance(widget, QtWidgets.QAbstractButton) and not isinstance(
            widget, QtWidgets.QToolButton):  # tool buttons show their QAction's text
        _retext(widget, "text", widget.text(), widget.setText)
    elif isinstance(widget, QtWidgets.QGroupBox):
        _retext(widget, "title", widget.title(), widget.setTitle)
    elif isinstance(widget, QtWidgets.QTabWidget):
        for i in range(widget.count()):
            _retext(widget, f"tab{i}", widget.tabText(i),
                    lambda text, i=i: widget.setTabText(i, text))
    elif isinstance(widget, QtWidgets.QLineEdit):
        _retext(widget, "placeholder", widget.placeholderText(), widget.setPlaceholderText)
    _retext(widget, "tip", widget.toolTip(), widget.setToolTip)


def retranslate_widgets(root: QtWidgets.QWidget) -> None:
    """Translate every action and widget text under ``root`` found in the ``"ui"`` context.

    Combo-box items are left alone on purpose: panels may read settings back from
    ``currentText()``. Cost: about one dictionary look-up per text (a few ms per window).
    """
    for action in root.findChildren(QtGui.QAction):
        retranslate_action(action)
    for menu in root.findChildren(QtWidgets.QMenu):
        retranslate_action(menu.menuAction())
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        retranslate_widget(widget)
    retranslate_plot_axes(root)


def retranslate_plot_axes(root: QtWidgets.QWidget) -> None:
    """Axis titles of the pyqtgraph views under ``root`` ("loss", "step"); styles are kept."""
    import pyqtgraph as pg

    for view in root.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem) and item.labelText:
                _retext(item, "label", item.labelText, item.setLabel)


def _follow(action: QtGui.QAction) -> None:
    if current_language() == SOURCE_LANGUAGE:
        return
    try:
        retranslate_action(action)
    except RuntimeError:  # the action is being destroyed with its window
        pass


def follow_action_texts(root: QtWidgets.QWidget) -> None:
    """Keep actions translated when their widget changes the text later (Play ↔ Pause)."""
    for action in root.findChildren(QtGui.QAction):
        if action.property("i18n_followed"):
            continue
        action.setProperty("i18n_followed", True)
        action.changed.connect(lambda action=action: _follow(action))


# ------------------------------------------------------------------------------- menu
class LanguageMenu(QtCore.QObject):
    """View ▸ Language: one checkable action per language; the window is retranslated in place.

    ``retranslate()`` (the window's ``retranslateUi``) shows the texts the window builds
    itself again; every other text is handled by :func:`retranslate_widgets`. Labels the
    panels rewrite after a phase or a settings change (``controller``'s signals) are
    retranslated shortly afterwards, not during Play ticks. ``initial`` (e.g.
    :func:`remembered_language`) is applied at once. The controller, session and views are
    untouched, so the scene survives a switch.
    """

    def __init__(self, window: QtWidgets.QMainWindow, menu: QtWidgets.QMenu, controller,
                 retranslate: Callable[[], None] | None = None,
                 initial: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.retranslate_window = retranslate
        self.manager = manager()
        self.menu = menu.addMenu(translate("Language", "Language"))
        self.menu.setObjectName("languageMenu")
        self.group = QtGui.QActionGroup(self)
        self.actions: dict[str, QtGui.QAction] = {}
        for code, name in LANGUAGES.items():
            action = self.menu.addAction(name)  # each name in its own language: not translated
            action.setCheckable(True)
            action.setData(code)
            action.setProperty(_SOURCE + "text", name)
            action.triggered.connect(lambda _=False, code=code: self.switch(code))
            self.group.addAction(action)
            self.actions[code] = action
        self.actions[self.manager.language].setChecked(True)
        self.manager.languageChanged.connect(self.apply)
        self._pending = QtCore.QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(30)
        self._pending.timeout.connect(self.refresh)
        # bound methods: the connections end with the window
        for signal in (controller.settingsChanged, controller.networkChanged,
                       controller.dataChanged, controller.phaseCompleted,
                       controller.playingChanged, controller.stepped,
                       controller.weightsChanged):
            signal.connect(self.refresh_soon)
        if initial is not None and initial != self.manager.language:
            self.manager.set_language(initial)
        elif self.manager.language != SOURCE_LANGUAGE:
            self.apply(self.manager.language)

    def switch(self, code: str) -> None:
        self.manager.set_language(code, remember=True)

    def apply(self, code: str) -> None:
        """Retranslate the window for ``code`` (connected to ``languageChanged``)."""
        for language, action in self.actions.items():
            action.setChecked(language == code)
        self.menu.setTitle(translate("Language", "Language"))
        if self.retranslate_window is not None:
            self.retranslate_window()
        self.refresh()

    def refresh(self) -> None:
        follow_action_texts(self.window)
        retranslate_widgets(self.window)

    def refresh_soon(self, *_args) -> None:
        """Coalesced :meth:`refresh` after widgets rewrote their texts (not in English, not
        during Play ticks)."""
        if self.manager.language != SOURCE_LANGUAGE and not self.controller.playing:
            self._pending.start()
