"""Repairs for SVG written by pyqtgraph's SVGExporter and Qt's QSvgGenerator.

Each fix answers one observed defect (pyqtgraph 0.14, Qt 6.12):

- pyqtgraph parses every path token as "x,y" and fails on the closepath "Z" that recent Qt emits
  (pyqtgraph issue #3495) → :func:`closepath_tolerant_svg_exporter`.
- The root <svg> has a viewBox but no width/height (pyqtgraph) or a size in mm (Qt)
  → explicit pixel width/height and a viewBox in :func:`finish_svg`.
- Heatmaps (ImageItem) are embedded at their data resolution; renderers that ignore
  ``image-rendering`` (Qt's own, office suites) blur a 16 × 12 grid into mush → the embedded PNG
  is enlarged by an integer factor with nearest-neighbour sampling, so cells stay crisp everywhere.
- The rectangle inside a <clipPath> inherits ``stroke="black"`` and renderers without clip-path
  support draw it as a frame around the plot → it gets ``stroke="none" fill="none"`` (clip
  geometry ignores paint, so conforming renderers are unaffected).
"""

from __future__ import annotations

import base64
import contextlib
import importlib
import math
import re
from collections.abc import Iterator

from PySide6 import QtCore, QtGui

from gui.common.i18n import translate

MAX_EMBEDDED_PIXELS = 4_000_000  # cap for an enlarged heatmap (≈ 2000 × 2000)

CRISP_IMAGE_STYLE = ("<style>\n    image {\n        image-rendering: crisp-edges;\n"
                     "        image-rendering: pixelated;\n    }\n</style>\n")


@contextlib.contextmanager
def closepath_tolerant_svg_exporter() -> Iterator[None]:
    """While active, pyqtgraph's SVG coordinate correction accepts "Z" in path data.

    Each "Z" gets a dummy coordinate that pyqtgraph transforms like any other point; the
    coordinate is stripped again afterwards. Restores the original function on exit.
    """
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = getattr(module, "correctCoordinates", None)
    if original is None:  # a pyqtgraph that reorganised its exporter needs no patch here
        yield
        return

    def correct_coordinates(node, defs, item, options):
        paths = node.getElementsByTagName("path")
        for path in paths:
            d = path.getAttribute("d")
            if re.search(r"[Zz]", d):
                d = " ".join(re.sub(r"([Zz])", r" \1 ", d).split())
                path.setAttribute("d", re.sub(r"(?<!\S)([Zz])(?!\S)", r"\g<1>0,0", d))
        original(node, defs, item, options)
        for path in paths:
            path.setAttribute("d", re.sub(r"([Zz])[^\s,]*,\S*", r"\1", path.getAttribute("d")))

    module.correctCoordinates = correct_coordinates
    try:
        yield
    finally:
        module.correctCoordinates = original


def _enlarged_png(data: bytes, factor: int) -> bytes | None:
    image = QtGui.QImage.fromData(data, "PNG")
    if image.isNull():
        return None
    image = image.scaled(image.width() * factor, image.height() * factor,
                         QtCore.Qt.AspectRatioMode.IgnoreAspectRatio,
                         QtCore.Qt.TransformationMode.FastTransformation)
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def _sharpen_images(text: str, output_scale: float) -> str:
    """Enlarge each embedded PNG heatmap so one data cell covers ≥ 1 output pixel per image pixel.

    ``output_scale``: output px per viewBox unit. The display size of a cell is the group's
    matrix scale × (width attribute / pixel width) × output_scale.
    """
    pattern = re.compile(r'(<g\b[^>]*?transform="matrix\(([^)]*)\)"[^>]*>\s*)(<image\b[^>]*>)')

    def enlarge(match: re.Match) -> str:
        tag = match.group(3)
        href = re.search(r'(xlink:href|href)="data:image/png;base64,([^"]+)"', tag)
        width_attr = re.search(r'\swidth="([\d.eE+-]+)"', tag)
        if href is None or width_attr is None:
            return match.group(0)
        a, b, c, d = (float(v) for v in match.group(2).split(",")[:4])
        data = base64.b64decode(href.group(2))
        image = QtGui.QImage.fromData(data, "PNG")
        if image.isNull() or image.width() == 0:
            return match.group(0)
        per_pixel = max(math.hypot(a, b), math.hypot(c, d)) * float(width_attr.group(1)) \
            / image.width() * output_scale
        limit = math.isqrt(MAX_EMBEDDED_PIXELS // max(1, image.width() * image.height()))
        factor = min(math.ceil(per_pixel), limit)
        if factor < 2:
            return match.group(0)
        png = _enlarged_png(data, factor)
        if png is None:
            return match.group(0)
        new_href = f'{href.group(1)}="data:image/png;base64,{base64.b64encode(png).decode()}"'
        return match.group(1) + tag.replace(href.group(0), new_href)

    return pattern.sub(enlarge, text)


def _clip_paths_unpainted(text: str) -> str:
    def unpaint(block: re.Match) -> str:
        return re.sub(r"<(path|rect|polygon)\b([^>]*?)(/?)>",
                      lambda m: "<{} {} stroke=\"none\" fill=\"none\"{}>".format(
                          m.group(1), re.sub(r'\s(?:stroke|fill)="[^"]*"', "", m.group(2)).strip(),
                          m.group(3)),
                      block.group(0))

    return re.sub(r"<clipPath\b.*?</clipPath>", unpaint, text, flags=re.S)


def finish_svg(text: str, out_w: float, out_h: float, view_box: QtCore.QRectF) -> str:
    """Return ``text`` with the fixes listed in the module docstring applied.

    ``out_w``/``out_h``: size in px written on the root element; ``view_box``: the user-space
    rectangle that maps onto it. Raises ValueError if there is no <svg> element.
    """
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        raise ValueError(translate("Export", "The SVG writer produced no <svg> element."))
    tag = re.sub(r'\s(?:width|height|viewBox)\s*=\s*"[^"]*"', "", match.group(0))
    box = " ".join(f"{v:g}" for v in (view_box.x(), view_box.y(), view_box.width(),
                                       view_box.height()))
    tag = f'{tag[:-1].rstrip()} width="{out_w:g}" height="{out_h:g}" viewBox="{box}">'
    if "<style" not in text:
        tag += "\n" + CRISP_IMAGE_STYLE
    text = text[:match.start()] + tag + text[match.end():]
    text = _clip_paths_unpainted(text)
    text = _sharpen_images(text, out_w / view_box.width())
    return re.sub(r"<image\b(?![^>]*image-rendering)", '<image image-rendering="optimizeSpeed"',
                  text)
