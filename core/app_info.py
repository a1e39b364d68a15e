"""The app's identity: name, version, licence, data credits and the plain-text system report
of Help ▸ About (no Qt, no NumPy at import: ``python app.py --version`` uses it before anything
heavy is imported).

The version and the licence have one owner each:

- installed (``pip``/``pipx install .``, or a bundle that carries the package metadata): the
  package metadata, ``importlib.metadata`` of :data:`DISTRIBUTION`;
- a source checkout that was never installed: ``pyproject.toml`` next to ``core/`` (read with
  ``tomllib``), and the version says so (``"0.1.0 (source tree)"``);
- neither (a broken install): :data:`UNKNOWN_VERSION`.
"""

from __future__ import annotations

import platform
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["APP_NAME", "DISTRIBUTION", "APP_ID", "UNKNOWN_VERSION", "SOURCE_TREE", "Version",
           "app_version", "version_line", "licence", "software_text", "DATA_CREDITS",
           "DataCredit", "system_info"]

APP_NAME = "Backprop Playground"
"""The name shown to people (window title, About, exported files' metadata)."""
DISTRIBUTION = "backprop-playground"
"""The package (distribution) name in pyproject.toml; also the command's name."""
APP_ID = "backprop-playground"
"""File name of the desktop entry and of the icon (``backprop-playground.desktop``/``.png``)."""
UNKNOWN_VERSION = "unknown"
SOURCE_TREE = "source tree"
"""The origin of a version read from pyproject.toml (the package is not installed)."""

_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@dataclass(frozen=True)
class Version:
    """``number`` ("0.1.0", or :data:`UNKNOWN_VERSION`) and where it came from: "metadata"
    (installed), :data:`SOURCE_TREE` (pyproject.toml of a checkout) or "" (unknown)."""

    number: str
    origin: str

    def __str__(self) -> str:
        return f"{self.number} ({self.origin})" if self.origin == SOURCE_TREE else self.number


def _pyproject(path: Path = _PYPROJECT) -> dict:
    """The ``[project]`` table of pyproject.toml, or {} when it is missing or unreadable."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}


def _installed_metadata():
    try:
        return metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


def app_version(pyproject: Path = _PYPROJECT) -> Version:
    """The version of the running app: the package metadata when installed, else the
    ``version`` of ``pyproject`` (a source checkout), else :data:`UNKNOWN_VERSION`."""
    meta = _installed_metadata()
    if meta is not None and meta.get("Version"):
        return Version(meta["Version"], "metadata")
    number = _pyproject(pyproject).get("version")
    if isinstance(number, str) and number:
        return Version(number, SOURCE_TREE)
    return Version(UNKNOWN_VERSION, "")


def version_line() -> str:
    """What ``--version`` prints: ``"backprop-playground 0.1.0"`` (the bare number, whatever
    its origin)."""
    return f"{DISTRIBUTION} {app_version().number}"


def licence(pyproject: Path = _PYPROJECT) -> str:
    """The licence's name ("MIT"): the metadata's ``License-Expression`` or ``License``, else
    pyproject's ``license`` (a string or ``{text = …}``), else :data:`UNKNOWN_VERSION`."""
    meta = _installed_metadata()
    if meta is not None:
        for key in ("License-Expression", "License"):
            value = meta.get(key)
            if value and value.strip() and value.strip() != "UNKNOWN":
                return value.strip()
    value = _pyproject(pyproject).get("license")
    if isinstance(value, dict):
        value = value.get("text")
    return value.strip() if isinstance(value, str) and value.strip() else UNKNOWN_VERSION


def software_text() -> str:
    """``"Backprop Playground 0.1.0"``: the "Software"/creator field of exported files."""
    return f"{APP_NAME} {app_version().number}"


@dataclass(frozen=True)
class DataCredit:
    """A data set shipped with the app: its file under ``resources/data``, authors, year,
    licence, and the citation's URL."""

    name: str
    file: str
    authors: str
    year: int
    licence: str
    url: str


DATA_CREDITS: tuple[DataCredit, ...] = (
    DataCredit("Palmer penguins", "penguins.csv", "Allison Horst, Alison Hill, Kristen Gorman",
               2020, "CC0 1.0", "https://allisonhorst.github.io/palmerpenguins/"),
)
"""Every data set in resources/data (resources/data/README.md says the same)."""


def system_info(libraries: Mapping[str, str], language: str = "") -> str:
    """The plain-text report of Help ▸ About ▸ Copy system info, for bug reports: app version
    and origin, licence, ``libraries`` (name → version, e.g. the Qt, PySide6, pyqtgraph and
    NumPy versions the GUI found), Python, OS, machine, and ``language`` when given. English on
    purpose (a bug report is read by the developers)."""
    version = app_version()
    lines = [f"{APP_NAME} {version}", f"licence: {licence()}"]
    lines += [f"{name}: {number}" for name, number in libraries.items()]
    lines += [f"Python: {platform.python_version()} ({platform.python_implementation()})",
              f"OS: {platform.platform()}",
              f"machine: {platform.machine() or 'unknown'}",
              f"frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}"]
    if language:
        lines.append(f"language: {language}")
    return "\n".join(lines)
