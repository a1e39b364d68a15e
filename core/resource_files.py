"""Where the run-time resources are: the ``resources`` package (lessons/*.json, data/*.csv,
translations/*.qm), found with ``importlib.resources`` rather than a path relative to this
file, so the same code works in a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """The folder of the ``resources`` package. Raises ModuleNotFoundError when the app was
    installed without it (a broken install), or when ``resources`` is not a regular package in
    a folder: a namespace package (no ``__init__.py``, e.g. a bundle that left it out, or other
    ``resources`` folders on sys.path) or a zip archive, where no lesson would be found."""
    root = files("resources")
    if not isinstance(root, Path):
        raise ModuleNotFoundError(
            f"the app's 'resources' package is not a folder with its __init__.py "
            f"(importlib.resources gives {root!r}); reinstall the app or rebuild the bundle",
            name="resources")
    return root
