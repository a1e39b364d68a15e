"""Render the app icon's PNGs from its SVG: ``python packaging/render_icons.py``.

Reads ``resources/icons/backprop-playground.svg`` and writes
``resources/icons/backprop-playground-<N>.png`` for every N in
``gui.common.app_icon.ICON_SIZES`` (the sizes the app loads) with Qt's SVG
renderer (``PySide6.QtSvg``, part of PySide6-Essentials), on a transparent background. The PNGs
are committed (the app and the bundle load them; rendering needs no display: Qt's offscreen
platform is used).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "backprop-playground.svg"


def render(svg: Path = SVG, folder: Path = ICONS, sizes=None) -> list[Path]:
    """Write one PNG per size (default: every size of ``ICON_SIZES``) into ``folder``; returns
    their paths. RuntimeError when the SVG cannot be read or a PNG cannot be written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import QtCore, QtGui
    from PySide6.QtSvg import QSvgRenderer

    if sizes is None:
        sys.path.insert(0, str(ROOT))
        from gui.common.app_icon import ICON_SIZES as sizes

    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read the SVG {svg}")
    written = []
    for size in sizes:
        image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(image)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QtCore.QRectF(0, 0, size, size))
        painter.end()
        path = folder / f"backprop-playground-{size}.png"
        if not image.save(str(path), "PNG"):
            raise RuntimeError(f"cannot write {path}")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
    sys.exit(0)
