"""The app icon (resources/icons, rendered from its SVG by packaging/render_icons.py), found with
``importlib.resources`` through ``core.resource_files`` like every other run-time resource."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtGui

from core.app_info import APP_ID
from core.resource_files import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""Pixel sizes of the committed PNGs (``resources/icons/backprop-playground-<N>.png``)."""


def icons_dir() -> Path:
    return resources_dir() / "icons"


def icon_png(size: int) -> Path:
    """The PNG of ``size`` pixels (one of :data:`ICON_SIZES`; ValueError for others)."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; sizes: {', '.join(map(str, ICON_SIZES))}")
    return icons_dir() / f"{APP_ID}-{size}.png"


def icon_svg() -> Path:
    return icons_dir() / f"{APP_ID}.svg"


def app_icon() -> QtGui.QIcon:
    """A QIcon holding every PNG size that exists (an empty QIcon when none is found, e.g. a
    broken install: the window then has the platform's default icon rather than failing)."""
    icon = QtGui.QIcon()
    for size in ICON_SIZES:
        path = icon_png(size)
        if path.is_file():
            icon.addFile(str(path), QtCore.QSize(size, size))
    return icon

