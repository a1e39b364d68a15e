"""Where the run-time resources are: the ``resources`` package (lessons/*.json, data/*.csv,
translations/*.qm), found with ``importlib.resources`` rather than a path relative to this
file, so the same code works in a source checkout, an installed wheel and a frozen bundle.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """The folder of the ``resources`` package. Raises ModuleNotFoundError when the app was
    installed without it (a broken install)."""
    return Path(str(files("resources")))
