"""The views of one window as built from the view registry (``gui.common.view_spec``).

The main window makes a :class:`WindowView` for each view and hands the lists to the parts
that need them — File ▸ Export (``gui.export.menu``), scene files (``gui.files.scene_files``)
and the lessons (``gui.classroom.lessons_menu``) — so none of them looks for views by type or
name, and no feature imports another.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from PySide6 import QtWidgets

from gui.common.i18n import translate
from gui.common.view_spec import ViewSpec


@dataclass(frozen=True)
class WindowView:
    """One view in a window: its spec, its widget and its dock (None: the central canvas)."""

    spec: ViewSpec
    widget: QtWidgets.QWidget
    dock: QtWidgets.QDockWidget | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    def label(self) -> str:
        """The File ▸ Export label in the interface language."""
        return translate("ExportMenu", self.spec.export_label)

    def ready(self) -> bool:
        """Whether the view has something to export now (its spec's ``export_ready``)."""
        return self.spec.ready(self.widget)

    def target(self):
        """The part of the view that makes a clean figure, as it is now (e.g. the loss
        surface's tab on screen)."""
        return self.spec.target(self.widget)

    def figure(self):
        """A context manager yielding what to export: a copy of the view drawn offscreen at
        its figure size (its spec's ``figure``), else :meth:`target`."""
        if self.spec.figure is not None:
            return self.spec.figure(self.widget)
        return contextlib.nullcontext(self.target())


def dock_of(widget: QtWidgets.QWidget) -> QtWidgets.QDockWidget | None:
    """The dock widget that holds ``widget``, or None (e.g. the central canvas)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QtWidgets.QDockWidget):
            return parent
        parent = parent.parentWidget()
    return None
