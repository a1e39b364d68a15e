"""Figures of the views that are not drawn from the session: the Compare and the
Cross-validation views, each built anew offscreen at its figure size
(:func:`gui.export.figures.offscreen_figure`) and fed what the window's view shows.

File ▸ Export draws them through their ``ViewSpec.figure`` (``gui.app_window.view_registry``),
the command line's ``compare.png`` and ``cv.png`` through the same functions
(``gui.app_window.headless_figures``): one layout, whatever the size of the dock (an export
of the view on screen took the dock's size and aspect, squeezed in a small dock).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from gui.compare.compare_view import FIGURE_SIZE, CompareView
from gui.evaluate.cross_validation_view import CrossValidationView
from gui.export.figures import offscreen_figure, settle

CV_SIZE = (900, 620)
"""Size (px) of the Cross-validation view drawn for a figure (``cv.png``, File ▸ Export)."""


@contextlib.contextmanager
def compare_figure(comparison) -> Iterator[CompareView]:
    """A new Compare view of ``comparison`` (``core.comparison.Comparison``) at
    ``FIGURE_SIZE``: both boundaries, the loss curves, the settings that differ and the
    final numbers, all at once."""
    with offscreen_figure(CompareView(), FIGURE_SIZE) as view:
        view.set_comparison(comparison)
        settle()  # layouts, then the canvases' redraw at their final size
        view.refresh()
        yield view


@contextlib.contextmanager
def cross_validation_figure(result) -> Iterator[CrossValidationView]:
    """A new Cross-validation view of ``result`` (``CrossValidationResult``) at
    :data:`CV_SIZE`, every table row shown and no check box."""
    view = CrossValidationView()
    view.resize(*CV_SIZE)
    view.set_result(result)
    view.fit_for_figure()
    with offscreen_figure(view, CV_SIZE) as shown:
        yield shown
