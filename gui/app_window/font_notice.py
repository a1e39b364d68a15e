"""A one-line notice when the UI is Chinese but no installed font can draw Chinese.

Without a CJK font Qt draws every Chinese character as an empty box, so the notice is written in
English and in Chinese (the English half stays readable either way) and names the package to
install, on one line. Windows and macOS ship a Chinese font, so in practice it appears on a bare Linux
system. Whether a font exists is asked of ``QFontDatabase`` through :func:`cjk_font_families`,
a module attribute tests replace to simulate a system without one.
"""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from gui.common.i18n import current_language, manager, translate

# Languages whose texts need a CJK font.
CJK_LANGUAGES = ("zh_CN",)
# (system, package) pairs named by the notice and the README.
CJK_FONT_PACKAGES = (("Debian/Ubuntu", "fonts-noto-cjk"),
                     ("Fedora", "google-noto-sans-cjk-fonts"))
# The English half of the notice, deliberately not translated: with no CJK font it is the half
# a reader can see. {0}, {1}: the Debian/Ubuntu and the Fedora package.
NOTICE = "No Chinese font: install {0} (Debian/Ubuntu) or {1} (Fedora)"
#: Shown after the English line naming the font packages, for when Chinese is legible after all.
HEADLINE = QT_TRANSLATE_NOOP("FontNotice", "No Chinese font installed")


def cjk_font_families() -> list[str]:
    """Installed font families that can draw Simplified Chinese (may be empty)."""
    return list(QtGui.QFontDatabase.families(QtGui.QFontDatabase.WritingSystem.SimplifiedChinese))


def notice_text(language: str, families: list[str] | None = None) -> str:
    """The notice for UI language ``language`` given the CJK-capable font ``families`` (default
    :func:`cjk_font_families`): "" when none is needed (a non-CJK language, or a font exists),
    else the English line naming the packages (:data:`NOTICE`), followed by the translated
    :data:`HEADLINE` when the catalogue has it."""
    if language not in CJK_LANGUAGES:
        return ""
    if (cjk_font_families() if families is None else families):
        return ""
    english = NOTICE.format(*(package for _system, package in CJK_FONT_PACKAGES))
    translated = translate("FontNotice", HEADLINE)
    return english if translated == HEADLINE else f"{english}  ·  {translated}"


class FontNotice(QtWidgets.QFrame):
    """A one-line banner above the canvas, shown while :func:`notice_text` is not empty; it
    follows a language switch. The close button hides it until the next switch."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("fontNotice")
        self.setStyleSheet("#fontNotice { background: #FFF4CE; border: 1px solid #C8A000;"
                           " border-radius: 3px; }"
                           " #fontNotice QLabel, #fontNotice QToolButton { color: #3A2E00; }")
        self.label = QtWidgets.QLabel()
        self.label.setObjectName("fontNoticeText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # wraps rather than widening the central area between the docks
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                 QtWidgets.QSizePolicy.Policy.Preferred)
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.refresh()
        manager().languageChanged.connect(self.refresh)  # bound: ends with the notice

    def refresh(self, _language: str = "") -> None:
        """Show the notice for the current language, or hide it."""
        text = notice_text(current_language())
        self.label.setText(text)
        self.label.setToolTip(text)
        self.close_button.setToolTip(translate("FontNotice", "Hide this notice"))
        self.setVisible(bool(text))
