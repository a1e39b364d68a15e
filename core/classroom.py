"""Classroom locks: what a scene hides from, and fixes for, students (the scene's ``classroom``).

A teacher's scene may carry one optional section::

    "classroom": {
        "hidden_views":     ["loss_surface", "inspector"],
        "hidden_controls":  ["network.init", "training.optimizer"],
        "fixed_settings":   ["training.learning_rate"],
        "presenter_hidden": ["dock_loss_curve", "drawToolbar"]
    }

- ``hidden_views``: view ids of the window's view registry (``gui/app_window/view_registry.py``):
  hidden, and not re-openable from the View menu, in Student mode;
- ``hidden_controls``: settings ("<section>.<field>", the names of :data:`SETTING_SECTIONS`)
  whose controls the panels hide in Student mode;
- ``fixed_settings``: settings whose controls are disabled in Student mode and that no setter
  changes (the GUI's ``TrainingController`` refuses them: panels, shortcuts and lessons alike);
- ``presenter_hidden``: object names of the docks and tool bars presenter mode hides.

Every key is optional; a scene without the section has no locks (:data:`NO_LOCKS`). Setting
names are checked here against the settings' one declaration (:mod:`core.settings`); view and
panel names belong to the GUI, which passes the ones it knows to :func:`locks_from_dict`.
An invalid section raises :class:`core.scene_validation.SceneError` naming *every* unknown
name of every field (one line per field); the scene itself still loads (``core.scene.scene_from_dict`` only checks that the section
is plain JSON), so the GUI can open it without locks and keep the section for the teacher.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core.scene_validation import SceneError, as_dict, type_name
from core.settings import DataSettings, NetworkSettings, TrainingSettings, fields_of

__all__ = ["ClassroomLocks", "NO_LOCKS", "LOCK_KEYS", "SETTING_SECTIONS", "setting_names",
           "locks_from_dict"]

#: Settings sections by the name used in "<section>.<field>" setting names (the names of the
#: GUI controller's ``settingsChanged``).
SETTING_SECTIONS = {"data": DataSettings, "network": NetworkSettings,
                    "training": TrainingSettings}
#: The keys of the ``classroom`` section, in file order.
LOCK_KEYS = ("hidden_views", "hidden_controls", "fixed_settings", "presenter_hidden")
_MAX_NAMES = 500
_MAX_LISTED = 20  # entries that are not strings, listed one by one


def setting_names() -> tuple[str, ...]:
    """Every setting as "<section>.<field>" (e.g. "training.learning_rate"), in declaration
    order: the names ``hidden_controls`` and ``fixed_settings`` may hold."""
    return tuple(f"{section}.{info.name}" for section, cls in SETTING_SECTIONS.items()
                 for info in fields_of(cls))


@dataclass(frozen=True)
class ClassroomLocks:
    """The four lock lists (tuples of str, sorted, no duplicates); see the module docstring."""

    hidden_views: tuple[str, ...] = ()
    hidden_controls: tuple[str, ...] = ()
    fixed_settings: tuple[str, ...] = ()
    presenter_hidden: tuple[str, ...] = ()

    @classmethod
    def of(cls, **lists: Iterable[str]) -> ClassroomLocks:
        """Locks from any iterables of names (sorted, duplicates dropped)."""
        return cls(**{key: tuple(sorted(set(map(str, names)))) for key, names in lists.items()})

    @property
    def empty(self) -> bool:
        """True when nothing is hidden or fixed (presenter_hidden aside: it does not lock)."""
        return not (self.hidden_views or self.hidden_controls or self.fixed_settings)

    def to_dict(self) -> dict[str, list[str]]:
        """The ``classroom`` section as plain JSON data (every key, lists)."""
        return {key: list(getattr(self, key)) for key in LOCK_KEYS}


NO_LOCKS = ClassroomLocks()


def _names(value: Any, where: str, known: Iterable[str] | None) -> tuple[str, ...]:
    """The sorted distinct names of one lock list. Raises SceneError listing every problem of
    the list at once: each entry that is not a string (``where[1]: expected a string, got an
    integer``, at most :data:`_MAX_LISTED`) and, in the same message, every unknown name."""
    if not isinstance(value, list):
        raise SceneError(f"{where}: expected a list of names, got {type_name(value)}")
    if len(value) > _MAX_NAMES:
        raise SceneError(f"{where}: too many names ({len(value)}; the limit is {_MAX_NAMES})")
    problems = []
    bad = [i for i, name in enumerate(value) if not isinstance(name, str)]
    if bad:
        problems += [f"{where}[{i}]: expected a string, got {type_name(value[i])}"
                     for i in bad[:_MAX_LISTED]]
        if len(bad) > _MAX_LISTED:
            problems.append(f"and {len(bad) - _MAX_LISTED} more")
    names = [name for name in value if isinstance(name, str)]
    if known is not None:
        known = set(known)
        unknown = [name for name in dict.fromkeys(names) if name not in known]
        if unknown:
            listed = ", ".join(repr(name[:60]) for name in unknown)
            problems.append(f"{where}: unknown name{'s' if len(unknown) > 1 else ''} {listed} "
                            f"(allowed: {', '.join(sorted(known))})")
    if problems:
        raise SceneError("; ".join(problems))
    return tuple(sorted(set(names)))


def locks_from_dict(d: Any, view_ids: Iterable[str] | None = None,
                    panel_names: Iterable[str] | None = None) -> ClassroomLocks:
    """Check a decoded ``classroom`` section and return its :class:`ClassroomLocks`
    (None or a missing section: :data:`NO_LOCKS`).

    ``view_ids``/``panel_names``: the view ids and presenter panel names the caller knows
    (None: any string is accepted). Setting names are always checked (:func:`setting_names`).
    Raises SceneError whose message starts with the field ("classroom.fixed_settings: unknown
    names 'training.speed', 'x' (allowed: …)") and lists every unknown name of that field;
    when several fields are invalid, every one of them gets a line of its own (in
    :data:`LOCK_KEYS` order).
    """
    if d is None:
        return NO_LOCKS
    d = as_dict(d, "classroom", allowed=LOCK_KEYS)
    settings = setting_names()
    known = {"hidden_views": view_ids, "hidden_controls": settings, "fixed_settings": settings,
             "presenter_hidden": panel_names}
    lists, problems = {}, []
    for key in LOCK_KEYS:
        try:
            lists[key] = _names(d.get(key, []), f"classroom.{key}", known[key])
        except SceneError as error:
            problems.append(str(error))
    if problems:
        raise SceneError("\n".join(problems))
    return ClassroomLocks(**lists)
