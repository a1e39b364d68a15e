"""The names of the window's workspaces, shared by the command line, lesson steps and scene files.

A workspace is a named arrangement of the views for one job (the GUI builds it:
``gui.app_window.workspaces``). Core owns only the names, so that a lesson file or a scene
file can be validated without Qt. The order is the order of the toolbar tabs and of the
shortcuts Ctrl+1, Ctrl+2, … ("compare": the A/B runs of ``core.comparison``, Ctrl+5).
"""

from __future__ import annotations

WORKSPACES: tuple[str, ...] = ("train", "step-through", "landscape", "evaluate", "compare")
"""Workspace names, as written on the command line (``--workspace``), in lesson steps and in
scene files."""
DEFAULT_WORKSPACE = "train"


def check_workspace(name: object) -> str:
    """``name`` if it is a workspace name; otherwise ValueError naming the known ones."""
    if name not in WORKSPACES:
        raise ValueError(f"unknown workspace {name!r}; known workspaces: {', '.join(WORKSPACES)}")
    return name  # type: ignore[return-value]
