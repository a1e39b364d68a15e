"""Help ▸ About: version, licence, data credits, library versions, the "Copy system info"
button (clipboard), the window icon, Simplified Chinese; and exported PNG/SVG/PDF name the
program in their metadata."""

import platform

import numpy
import pyqtgraph
import PySide6
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from core import app_info
from core.app_info import DATA_CREDITS, app_version, licence, software_text
from gui.app_window.about_dialog import DATA_NAMES, AboutDialog, library_versions
from gui.common.app_icon import ICON_SIZES, app_icon, icon_png
from gui.common.i18n import manager
from gui.export.figures import export_pdf, export_png, export_svg
from tests.gui.test_translation_coverage import english_words


@pytest.fixture
def about(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def label(dialog, key: str) -> str:
    return dialog.findChild(QtWidgets.QLabel, f"about_{key}").text()


def test_about_shows_the_version_licence_credits_and_library_versions(about):
    assert label(about, "version") == app_version().number
    assert label(about, "licence") == licence() == "MIT"
    data = label(about, "data")
    for credit in DATA_CREDITS:
        assert credit.name in data and credit.licence in data and credit.authors in data
        assert str(credit.year) in data and credit.url in data
    assert "Palmer penguins" in data and "CC0" in data
    assert set(DATA_NAMES) == {credit.name for credit in DATA_CREDITS}  # marked for lupdate
    libraries = label(about, "libraries")
    for name, number in (("Qt", QtCore.qVersion()), ("PySide6", PySide6.__version__),
                         ("pyqtgraph", pyqtgraph.__version__), ("NumPy", numpy.__version__)):
        assert f"{name} {number}" in libraries
    assert about.windowTitle() == "About Backprop Playground"


def test_a_source_tree_says_it_is_not_installed(qtbot, monkeypatch):
    monkeypatch.setattr(app_info, "_installed_metadata", lambda: None)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert label(dialog, "version") == f"{app_version().number} (source tree, not installed)"


def test_copy_system_info_puts_the_report_on_the_clipboard(about, qtbot):
    clipboard = QtGui.QGuiApplication.clipboard()
    clipboard.setText("old")
    qtbot.mouseClick(about.copy_button, QtCore.Qt.MouseButton.LeftButton)
    text = clipboard.text()
    assert text == about.system_text() != "old"
    for name, number in library_versions().items():
        assert f"{name}: {number}" in text.splitlines()
    assert f"Backprop Playground {app_version()}" in text
    assert f"Python: {platform.python_version()}" in text and f"OS: {platform.platform()}" in text
    assert about.copied_label.text() == "Copied to the clipboard."


def test_help_menu_opens_about_and_the_window_has_the_icon(window, qtbot):
    assert window.about_action in window.help_menu.actions()
    window.about_action.trigger()
    dialog = window.about_dialog
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    window.about_action.trigger()  # a second time: one dialog, a fresh one
    assert window.about_dialog is not dialog and window.about_dialog.isVisible()
    assert not window.windowIcon().isNull()
    assert sorted(s.width() for s in window.windowIcon().availableSizes()) == list(ICON_SIZES)


def test_every_icon_png_has_its_size():
    assert not app_icon().isNull()
    for size in ICON_SIZES:
        image = QtGui.QImage(str(icon_png(size)))
        assert (image.width(), image.height()) == (size, size)
    with pytest.raises(ValueError, match="no 20 px icon"):
        icon_png(20)


def test_about_is_chinese_in_zh_cn(qtbot):
    manager().set_language("zh_CN")
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        texts = [dialog.windowTitle(), dialog.copy_button.text(), dialog.copy_button.toolTip()]
        texts += [w.text() for w in dialog.findChildren(QtWidgets.QLabel)]
        dialog.copy_system_info()
        texts.append(dialog.copied_label.text())
        names = {"Qt", "PySide6", "pyqtgraph", "NumPy", "MIT", "CC0", "Palmer", "Allison",
                 "Alison", "Kristen", "Python", "penguins.csv", "https://allisonhorst.github.io/"
                 "palmerpenguins/"}
        left = [w for text in texts for w in english_words(text, names)]
        assert left == []
        assert dialog.windowTitle() != "About Backprop Playground"
    finally:
        manager().set_language("en")


def test_exported_files_name_the_program(qtbot, tmp_path):
    widget = QtWidgets.QLabel("metadata")
    qtbot.addWidget(widget)
    widget.resize(120, 40)
    widget.show()
    png = export_png(widget, tmp_path / "a.png", 120)
    assert QtGui.QImage(png).text("Software") == software_text()
    assert software_text() == f"Backprop Playground {app_version().number}"
    svg = (tmp_path / "a.svg")
    export_svg(widget, svg)
    assert f"<desc>{software_text()}</desc>" in svg.read_text(encoding="utf-8")
    pdf = export_pdf(widget, tmp_path / "a.pdf")
    creator = software_text().encode("utf-16-be")
    data = open(pdf, "rb").read()
    assert creator in data or creator.hex().upper().encode() in data or \
        software_text().encode() in data
