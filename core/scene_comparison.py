"""The A/B runs of a scene file: the optional ``comparison`` section (``core.comparison``).

A scene file holds run A as always (every other section); while comparing it also holds

``comparison``  ``{"changes": {setting key: value}, "b": <run B's own scene>}``:
                the settings B was made with (qualified keys, ``core.comparison.setting_key``;
                plain JSON values, lists for tuples) and run B as a whole scene of its own
                (``core.scene.scene_to_dict`` of B, without views, extra or classroom), so B
                continues bit for bit after save → load, like A.

Files without the section (every file before A/B runs) open as before: no comparison.
:func:`comparison_from_scene` validates the section completely — B's scene through
``core.scene.scene_from_dict``, its keys through ``core.comparison.setting_key``, and that B
has A's points and split — before it returns anything; every problem is a ``SceneError``
naming the field (``comparison.b.network.weights[0]: …``).

One owner decides whether a file opens: :func:`scene_and_comparison` (through
``core.scene.open_scene`` for the command line's ``--scene``, directly for the window's
File ▸ Open). A malformed ``comparison`` section refuses the whole file, in the window and on
the command line alike (exit status 2), with the same message: opening run A alone would drop
run B and its settings from the file at the next save, and a refused file loses nothing.
"""

from __future__ import annotations

import numpy as np

from core.comparison import Comparison, ComparisonError, setting_key
from core.scene_validation import SceneError, as_dict, require

__all__ = ["COMPARISON_KEY", "comparison_section", "comparison_from_scene",
           "scene_and_comparison"]

COMPARISON_KEY = "comparison"


def comparison_section(comparison: Comparison) -> dict:
    """The ``comparison`` section of a scene for ``comparison`` (plain JSON-ready data)."""
    from core.scene import scene_to_dict

    changes = {key: list(value) if isinstance(value, tuple) else value
               for key, value in comparison.changes.items()}
    return {"changes": changes, "b": scene_to_dict(comparison.b)}


def comparison_from_scene(d: dict, session_a) -> Comparison | None:
    """The Comparison of scene ``d`` (decoded JSON) with ``session_a`` (built from ``d`` by
    ``scene_from_dict``) as run A, or None when ``d`` has no ``comparison`` section. Raises
    SceneError (nothing is built) for a malformed section, a run B that is no valid scene, or
    a B on other points or another split than A."""
    from core.scene import scene_from_dict

    if d.get(COMPARISON_KEY) is None:
        return None
    section = as_dict(d[COMPARISON_KEY], COMPARISON_KEY, allowed=("changes", "b"))
    changes_d = as_dict(require(section, "changes", COMPARISON_KEY), "comparison.changes")
    changes = {}
    for key, value in changes_d.items():
        try:
            qualified = setting_key(key)
        except ComparisonError as error:
            raise SceneError(f"comparison.changes.{str(key)[:40]}: {error}") from None
        changes[qualified] = tuple(value) if isinstance(value, list) else value
    b_d = as_dict(require(section, "b", COMPARISON_KEY), "comparison.b")
    if COMPARISON_KEY in b_d:
        raise SceneError("comparison.b.comparison: run B cannot hold a comparison of its own")
    try:
        session_b, _views = scene_from_dict(b_d)
    except SceneError as error:
        raise SceneError(f"comparison.b.{error}") from None
    a, b = session_a.points, session_b.points
    if not (a.task == b.task and np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
            and np.array_equal(a.split, b.split)):
        raise SceneError("comparison.b.points: run B must have run A's points and split")
    for key, value in changes.items():  # the changes must be what run B really has
        section, name = key.split(".", 1)
        actual = getattr(getattr(session_b, section), name)
        if actual != value:
            raise SceneError(f"comparison.changes.{key}: {value!r} is not run B's setting "
                             f"(run B has {actual!r})")
    return Comparison(session_a, session_b, changes)


def scene_and_comparison(d: dict):
    """``(session, views, comparison)`` of decoded scene ``d``: ``core.scene.scene_from_dict``
    then :func:`comparison_from_scene` (None without the section). Raises SceneError naming the
    field, for any section, the comparison included (nothing is built then)."""
    from core.scene import scene_from_dict

    session, views = scene_from_dict(d)
    return session, views, comparison_from_scene(d, session)
