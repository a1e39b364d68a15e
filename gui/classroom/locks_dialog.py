"""File ▸ Classroom locks…: the teacher ticks what Student mode hides and fixes.

Four check lists side by side — views hidden, controls hidden, settings fixed, panels hidden
in presenter mode — filled from what the window passes in ((name, shown text) pairs: the view
registry's ids, the settings' "<section>.<field>" names, the presenter's panel object names),
so this dialog knows no view, panel or setting itself. :meth:`LocksDialog.locks` is the
result as ``core.classroom.ClassroomLocks``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from core.classroom import ClassroomLocks
from gui.common.i18n import translate

Choices = Sequence[tuple[str, str]]


def _check_list(choices: Choices, checked: Sequence[str]) -> QtWidgets.QListWidget:
    box = QtWidgets.QListWidget()
    for name, text in choices:
        item = QtWidgets.QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setToolTip(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    box.setMinimumWidth(box.sizeHintForColumn(0) + 40)
    return box


def _checked(box: QtWidgets.QListWidget) -> list[str]:
    return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


class LocksDialog(QtWidgets.QDialog):
    """The lock lists of a scene, edited with check boxes (OK / Cancel)."""

    def __init__(self, parent: QtWidgets.QWidget | None, locks: ClassroomLocks, *,
                 views: Choices, settings: Choices, panels: Choices) -> None:
        super().__init__(parent)
        self.setObjectName("classroomLocksDialog")
        self.setWindowTitle(translate("ClassroomLocks", "Classroom locks"))
        intro = QtWidgets.QLabel(translate(
            "ClassroomLocks", "Student mode (View ▸ Student mode) hides the ticked views and "
                              "controls and fixes the ticked settings. The locks are saved "
                              "in the scene file."))
        intro.setWordWrap(True)
        self.lists = {
            "hidden_views": _check_list(views, locks.hidden_views),
            "hidden_controls": _check_list(settings, locks.hidden_controls),
            "fixed_settings": _check_list(settings, locks.fixed_settings),
            "presenter_hidden": _check_list(panels, locks.presenter_hidden),
        }
        titles = {
            "hidden_views": translate("ClassroomLocks", "Hidden views"),
            "hidden_controls": translate("ClassroomLocks", "Hidden controls"),
            "fixed_settings": translate("ClassroomLocks", "Fixed settings"),
            "presenter_hidden": translate("ClassroomLocks", "Hidden in presenter mode"),
        }
        columns = QtWidgets.QHBoxLayout()
        for key, box in self.lists.items():
            group = QtWidgets.QGroupBox(titles[key])
            group.setObjectName(f"locks_{key}")
            QtWidgets.QVBoxLayout(group).addWidget(box)
            columns.addWidget(group)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        self.resize(max(self.sizeHint().width(), 900), 520)

    def set_checked(self, key: str, names: Sequence[str]) -> None:
        """Tick exactly ``names`` in list ``key`` (tests, scripts)."""
        box = self.lists[key]
        for i in range(box.count()):
            item = box.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                               in names else Qt.CheckState.Unchecked)

    def locks(self) -> ClassroomLocks:
        """The ticked names of each list."""
        return ClassroomLocks.of(**{key: _checked(box) for key, box in self.lists.items()})
