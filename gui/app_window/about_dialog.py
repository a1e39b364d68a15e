"""Help ▸ About: the icon, the version (``core.app_info``: package metadata, else pyproject.toml),
the licence, the data credits, the versions of Qt/PySide6, pyqtgraph and NumPy, and a
"Copy system info" button that puts ``core.app_info.system_info`` on the clipboard for bug
reports. Texts are translated in context "About"; the copied report stays in English (it is
read by the developers).
"""

from __future__ import annotations

import numpy
import pyqtgraph
import PySide6
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.app_info import APP_NAME, DATA_CREDITS, SOURCE_TREE, app_version, licence, system_info
from gui.common.app_icon import app_icon
from gui.common.i18n import manager

translate = QCoreApplication.translate

__all__ = ["AboutDialog", "library_versions"]

#: The names of core.app_info.DATA_CREDITS, for lupdate (translated dynamically below).
DATA_NAMES = (QT_TRANSLATE_NOOP("About", "Palmer penguins"),)


def library_versions() -> dict[str, str]:
    """Name → version of the libraries the app runs on: Qt (the run-time library), PySide6,
    pyqtgraph and NumPy."""
    return {"Qt": QtCore.qVersion(), "PySide6": PySide6.__version__,
            "pyqtgraph": pyqtgraph.__version__, "NumPy": numpy.__version__}


def _version_text() -> str:
    version = app_version()
    if version.origin == SOURCE_TREE:
        return translate("About", "{version} (source tree, not installed)").format(
            version=version.number)
    if not version.origin:
        return translate("About", "unknown (the package metadata and pyproject.toml are "
                                  "missing)")
    return version.number


def _credits_text() -> str:
    lines = []
    for credit in DATA_CREDITS:
        lines.append(translate("About", "{name} ({file}): {authors}, {year}; licence {licence}.")
                     .format(name=translate("About", credit.name), file=credit.file,
                             authors=credit.authors, year=credit.year, licence=credit.licence)
                     + f' <a href="{credit.url}">{credit.url}</a>')
    return "<br>".join(lines)


class AboutDialog(QtWidgets.QDialog):
    """The About dialog. ``copy_button`` copies :meth:`system_text` to the clipboard and says
    so in ``copied_label``. ``values`` holds the shown values by row key ("version",
    "licence", "data", "libraries") for tests."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("About", "About {app}").format(app=APP_NAME))
        icon = QtWidgets.QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QtWidgets.QLabel(f"<b>{APP_NAME}</b>", self)
        font = QtGui.QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        blurb = QtWidgets.QLabel(translate(
            "About", "Watch a neural network learn: the forward pass, backpropagation and the "
                     "update, with the engine's real numbers."), self)
        blurb.setWordWrap(True)
        head = QtWidgets.QHBoxLayout()
        head.addWidget(icon, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        text = QtWidgets.QVBoxLayout()
        text.addWidget(title)
        text.addWidget(blurb)
        head.addLayout(text, 1)

        libraries = library_versions()
        self.values = {
            "version": _version_text(),
            "licence": licence(),
            "data": _credits_text(),
            "libraries": ", ".join(f"{name} {number}" for name, number in libraries.items()),
        }
        form = QtWidgets.QFormLayout()
        labels = {"version": translate("About", "Version"),
                  "licence": translate("About", "Licence"),
                  "data": translate("About", "Data"),
                  "libraries": translate("About", "Libraries")}
        for key, label in labels.items():
            value = QtWidgets.QLabel(self.values[key], self)
            value.setObjectName(f"about_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextBrowserInteraction)
            value.setOpenExternalLinks(True)
            form.addRow(label, value)

        self.copy_button = QtWidgets.QPushButton(translate("About", "Copy system info"), self)
        self.copy_button.setToolTip(translate(
            "About", "Copy the versions, Python and the operating system, for a bug report"))
        self.copy_button.clicked.connect(self.copy_system_info)
        self.copied_label = QtWidgets.QLabel("", self)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close,
                                             self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.copy_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(head)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def system_text(self) -> str:
        """The report the copy button puts on the clipboard (``core.app_info.system_info``
        with the library versions and the UI language)."""
        return system_info(library_versions(), manager().language)

    def copy_system_info(self) -> str:
        text = self.system_text()
        QtGui.QGuiApplication.clipboard().setText(text)
        self.copied_label.setText(translate("About", "Copied to the clipboard."))
        return text
