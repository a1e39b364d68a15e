"""What a view is, declared once: :class:`ViewSpec`, and the ordered :class:`ViewRegistry`.

The concrete entries live in ``gui.app_window.view_registry`` (they import the factories from
the feature folders). The main window builds its views and docks from the registry, and gives
the lists that File ▸ Export, scene files, lessons and the shortcut table need to those parts
(injected: features never import ``app_window``); the headless figures read it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt


@dataclass(frozen=True)
class ViewContext:
    """What a view factory gets besides the controller.

    ``parent``: the QObject that owns parts which are not widgets (a presenter), normally the
    main window; None offscreen. ``offscreen``: built for figure files (headless CLI,
    animation export), never shown on a screen: no animation, a legend inside the plot.
    """

    parent: QtCore.QObject | None = None
    offscreen: bool = False


#: A view's factory: (controller, context) → the view: a QWidget, or a presenter object whose
#: ``view`` attribute is the widget (see :func:`view_widget`).
Factory = Callable[[Any, ViewContext], Any]


@dataclass(frozen=True)
class ViewSpec:
    """One view of the window, declared once.

    Texts are English literals marked for translation with ``QT_TRANSLATE_NOOP``: ``title``
    in context ``"ui"`` (dock title and View-menu entry; translated like every dock title by
    ``gui.common.i18n.retranslate_widgets``), ``shortcut_text`` in ``"Shortcuts"`` (the row of
    Help ▸ Shortcuts), ``export_label`` in ``"ExportMenu"``.

    Fields:
        id: the view's id in scene files, lessons and figure file names (``network.png``).
        title: dock title; also the key of ``MainWindow.docks`` and, as
            ``dock_<title with _ for spaces, lower case>``, the dock's object name (saved
            layouts and presenter locks refer to it).
        factory: ``factory(controller, ViewContext)`` → the view (see :data:`Factory`).
        dock_area: where its dock goes; None: the window places it itself (the central canvas).
        shortcut: key (a portable QKeySequence string) of the View-menu entry; "" for none.
        shortcut_text: its description in Help ▸ Shortcuts.
        export_label: File ▸ Export entry; "" when the view is not exported.
        export_rank: order in File ▸ Export, the headless figures and a scene's list of open
            views (ties keep registry order).
        export_target: the part of the view that makes a clean figure (e.g. the plot without
            an option row); None: the view itself.
        export_ready: ``export_ready(view)`` → whether the view has something to show now (a
            cross-validation result, a comparison); File ▸ Export disables its entry otherwise.
            None: always.
        headless_size: on-screen (width, height) px of the view in headless figures and
            animations; None: not a headless figure.
        figure: ``figure(view)`` → a context manager yielding a new copy of the view that
            shows what ``view`` shows, laid out offscreen at its figure size: File ▸ Export
            (and the view's right-click export) draws it instead of the view on screen, so
            the figure does not take the dock's size. For views that are not drawn from the
            session (a comparison, a cross-validation result). None: the view on screen
            (``export_target``) is exported.
        redraws_on: the controller signals the view redraws on (entries as in
            ``gui.common.refresh.redraw_matches``, e.g. ``"settingsChanged:training.l2"``).
        scroll: put the view in a scroll area inside its dock (panels).
        tab_with: id of the view whose dock this one joins as a tab.
        beside: id of the view whose dock this one is split next to (to its right).
        visible: shown in the default layout. A hidden view's View-menu entry comes after
            the other entries and the views' menu actions, and choosing it brings its tab to
            the front.
        scene_view: scene files and lessons open and close its dock (False for settings
            panels, which always stay).
        menu_actions: ``menu_actions(view, parent)`` → QActions the View menu lists after the
            views' entries (e.g. the inspector's "Copy as text").
        gate: ``gate(view)`` → the view's ``RefreshGate``; the dock's visibility changes let
            it catch up (a dock brought to the front of a tab group gets no Show event).
    """

    id: str
    title: str
    factory: Factory
    dock_area: Qt.DockWidgetArea | None = None
    shortcut: str = ""
    shortcut_text: str = ""
    export_label: str = ""
    export_rank: int = 100
    export_target: Callable[[QtWidgets.QWidget], Any] | None = None
    export_ready: Callable[[QtWidgets.QWidget], bool] | None = None
    headless_size: tuple[int, int] | None = None
    figure: Callable[[QtWidgets.QWidget], AbstractContextManager[Any]] | None = None
    redraws_on: tuple[str, ...] = ()
    scroll: bool = False
    tab_with: str | None = None
    beside: str | None = None
    visible: bool = True
    scene_view: bool = True
    menu_actions: Callable[[QtWidgets.QWidget, QtCore.QObject], Sequence[Any]] | None = None
    gate: Callable[[QtWidgets.QWidget], Any] | None = None

    @property
    def dock_name(self) -> str:
        """Object name of the view's dock."""
        return f"dock_{self.title.replace(' ', '_').lower()}"

    def ready(self, widget: QtWidgets.QWidget) -> bool:
        """Whether ``widget`` (this view's widget) has something to export now."""
        return self.export_ready is None or bool(self.export_ready(widget))

    def target(self, widget: QtWidgets.QWidget):
        """The widget or graphics item to export for ``widget`` (this view's widget)."""
        return widget if self.export_target is None else self.export_target(widget)


def view_widget(part) -> QtWidgets.QWidget:
    """The widget of a view built by a factory: the part itself, or a presenter's ``view``."""
    return part if isinstance(part, QtWidgets.QWidget) else part.view


@dataclass(frozen=True)
class ViewRegistry:
    """The views in registry order (the order of docks and View-menu entries).

    Immutable: :meth:`with_view` returns a new registry (e.g. a test's extra view).
    ValueError for a repeated id or title, or a ``tab_with``/``beside`` naming no earlier view.
    """

    specs: tuple[ViewSpec, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        ids, titles = set(), set()
        for spec in self.specs:
            if spec.id in ids or spec.title in titles:
                raise ValueError(f"view {spec.id!r} ({spec.title!r}) is registered twice")
            for other in (spec.tab_with, spec.beside):
                if other is not None and other not in ids:
                    raise ValueError(f"view {spec.id!r} refers to {other!r}, which is not "
                                     f"registered before it")
            ids.add(spec.id)
            titles.add(spec.title)

    def __iter__(self) -> Iterator[ViewSpec]:
        return iter(self.specs)

    def __len__(self) -> int:
        return len(self.specs)

    def __contains__(self, view_id: object) -> bool:
        return any(spec.id == view_id for spec in self.specs)

    def __getitem__(self, view_id: str) -> ViewSpec:
        for spec in self.specs:
            if spec.id == view_id:
                return spec
        raise KeyError(view_id)

    def with_view(self, spec: ViewSpec) -> ViewRegistry:
        """A registry with ``spec`` added at the end."""
        return ViewRegistry((*self.specs, spec))

    def docked(self) -> list[ViewSpec]:
        """Views that get a dock, in registry order."""
        return [spec for spec in self.specs if spec.dock_area is not None]

    def _ranked(self, specs) -> list[ViewSpec]:
        return sorted(specs, key=lambda spec: spec.export_rank)  # stable: ties keep order

    def exported(self) -> list[ViewSpec]:
        """Views listed in File ▸ Export, in export order."""
        return self._ranked(spec for spec in self.specs if spec.export_label)

    def headless(self) -> list[ViewSpec]:
        """Views drawn as headless figures, in export order."""
        return self._ranked(spec for spec in self.specs if spec.headless_size is not None)

    def scene_views(self) -> list[ViewSpec]:
        """Views a scene file lists as open or closed, in export order."""
        return self._ranked(spec for spec in self.specs if spec.scene_view)

    def with_shortcuts(self) -> list[ViewSpec]:
        """Docked views whose View-menu entry has a key, in registry order."""
        return [spec for spec in self.docked() if spec.shortcut]
