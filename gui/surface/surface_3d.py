"""Optional 3-D view of the loss surface (a part of the loss-surface dock), pyqtgraph.opengl.

Everything that needs OpenGL is guarded: pyqtgraph.opengl needs the PyOpenGL package (the
optional extra "3d": ``INSTALL_3D``), and a ``QOpenGLWidget`` needs a working context, which the
"offscreen" platform of the tests (and some remote desktops) cannot give. :func:`opengl_problem`
checks, in this order, the platform, that PyOpenGL is installed (if not, the message names the
command that installs it), the import and the creation of a context on an offscreen surface,
without creating any widget; only then is a ``GLViewWidget`` built. Otherwise the tab shows the
reason, and the dock falls back to the 2-D view; nothing raises.

The surface is drawn in a box normalized to [−5, 5]² × [0, 5] (the axes of a loss surface have
unrelated units), coloured with the same viridis map as the 2-D view.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui.common.i18n import manager, translate

#: Platforms that never give an OpenGL context to a widget.
NO_GL_PLATFORMS = ("offscreen", "minimal", "vnc")
#: The command that installs PyOpenGL with the project (pyproject.toml, optional extra "3d").
INSTALL_3D = 'pip install -e ".[3d]"'


def opengl_problem() -> str | None:
    """None when a 3-D view can be made, else a sentence saying why not (never raises)."""
    problem = _opengl_problem()
    return problem() if problem is not None else None


def _opengl_problem():
    """None, or a function giving the reason in the interface language."""
    app = QtGui.QGuiApplication.instance()
    platform = app.platformName() if app is not None else ""
    if app is None or platform in NO_GL_PLATFORMS:
        return lambda: translate(
            "LossSurface", "3-D view unavailable: no OpenGL on the '{0}' platform").format(
            platform or "headless")
    if not pyopengl_installed():
        return lambda: translate(
            "LossSurface", "3-D view unavailable: it needs the PyOpenGL package. Install it "
                           "with {0}").format(INSTALL_3D)
    try:
        import pyqtgraph.opengl  # noqa: F401  (needs PyOpenGL)
    except Exception as error:  # noqa: BLE001 - ImportError or a broken GL library
        return lambda error=error: translate(  # bound now: ``error`` ends with the block
            "LossSurface", "3-D view unavailable: pyqtgraph.opengl cannot be loaded ({0})"
        ).format(error)
    try:
        context = QtGui.QOpenGLContext()
        if not context.create():
            return lambda: translate(
                "LossSurface", "3-D view unavailable: no OpenGL context could be created")
        surface = QtGui.QOffscreenSurface()
        surface.setFormat(context.format())
        surface.create()
        if not (surface.isValid() and context.makeCurrent(surface)):
            return lambda: translate(
                "LossSurface", "3-D view unavailable: the OpenGL context cannot be made current")
        context.doneCurrent()
    except Exception as error:  # noqa: BLE001
        return _unavailable(error)
    return None


def pyopengl_installed() -> bool:
    """True when the PyOpenGL package (import name ``OpenGL``) can be found; nothing is
    imported (a broken installation is caught by the import that follows)."""
    try:
        return importlib.util.find_spec("OpenGL") is not None
    except (ImportError, ValueError):  # e.g. a half-imported module without a spec
        return False


def _unavailable(error: Exception):
    return lambda: translate("LossSurface", "3-D view unavailable: {0}").format(error)


class Surface3DView(QtWidgets.QWidget):
    """Tab content: a ``GLViewWidget`` once :meth:`ensure_ready` succeeded, else a message."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._problem = None  # a function giving why there is no 3-D view, in the language
        self.gl_view = None
        self.surface_item = None
        self.label = QtWidgets.QLabel()
        self.label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self._layout = QtWidgets.QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.label)
        self._checked = False
        self._pending = None
        self._lut = pg.colormap.get("viridis").getLookupTable(0.0, 1.0, 256, alpha=True)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    @property
    def message(self) -> str:
        """Why the 3-D view cannot be shown ("" until that is known, or when it can)."""
        return self._problem() if self._problem is not None else ""

    def retranslate(self, _language: str = "") -> None:
        if self._problem is not None:
            self.label.setText(self.message)
        elif not self._checked:
            self.label.setText(translate("LossSurface",
                                         "The 3-D view is created when this tab is opened."))

    @property
    def available(self) -> bool:
        return self.gl_view is not None

    def ensure_ready(self) -> bool:
        """Create the GL widget on first use; False (with ``message`` set) if it cannot."""
        if self._checked:
            return self.available
        self._checked = True
        problem = _opengl_problem()
        if problem is None:
            try:
                import pyqtgraph.opengl as gl

                self.gl_view = gl.GLViewWidget()
                self.gl_view.setBackgroundColor("w")
                self.gl_view.setCameraPosition(distance=22, elevation=28, azimuth=-60)
                self.surface_item = gl.GLSurfacePlotItem(computeNormals=False, smooth=False)
                self.gl_view.addItem(self.surface_item)
                grid = gl.GLGridItem()
                grid.setSize(10, 10)
                grid.setColor((0, 0, 0, 60))
                self.gl_view.addItem(grid)
            except Exception as error:  # noqa: BLE001 - fall back, never crash
                self.gl_view = self.surface_item = None
                problem = _unavailable(error)
        if problem is not None:
            self._problem = problem
            self.label.setText(self.message)
            return False
        self.label.hide()
        self._layout.addWidget(self.gl_view)
        if self._pending is not None:
            self.set_surface(*self._pending)
        return True

    def set_surface(self, values, xs, ys) -> None:
        """Heights ``values`` (nb, na) (already log-scaled if wanted) over xs (na,), ys (nb,)."""
        if self.surface_item is None:
            self._pending = (values, xs, ys)
            return
        x, y, z, colours = surface_mesh(values, self._lut)
        self.surface_item.setData(x=x, y=y, z=z, colors=colours)


def surface_mesh(values, lut) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What ``GLSurfacePlotItem.setData`` takes for heights ``values`` (nb, na): x (na,) and
    y (nb,) spread over [−5, 5], z (na, nb) in [0, 5] (the finite range of ``values``; non-finite
    cells at the top), and the vertex colours (na·nb, 4) float32 in [0, 1], one row per vertex
    in the item's order (vertex i·nb + j is grid point (x[i], y[j])), from ``lut`` (256, 4)
    uint8 by height."""
    values = np.asarray(values, dtype=np.float64)
    nb, na = values.shape
    finite = np.isfinite(values)
    low = float(values[finite].min()) if finite.any() else 0.0
    high = float(values[finite].max()) if finite.any() else 1.0
    scaled = np.where(finite, (values - low) / max(high - low, 1e-12), 1.0).T  # (na, nb)
    colours = np.asarray(lut)[np.clip((scaled * 255).astype(int), 0, 255)] / 255.0
    return (np.linspace(-5, 5, na), np.linspace(-5, 5, nb), 5.0 * scaled,
            np.ascontiguousarray(colours.reshape(na * nb, 4), dtype=np.float32))
