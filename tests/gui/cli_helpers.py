"""Running the command line in the test process, for the tests of ``gui.app_window.cli``."""

import io


def cli(argv, **callbacks):
    """``(status, stdout, stderr)`` of ``gui.app_window.cli.run_cli`` on ``argv`` (a list of
    strings, parsed by its ``build_parser``), the output captured. ``callbacks``: run_cli's
    figure callbacks (``export_views``, ``export_cv_figure``, ``export_compare_figure``)."""
    from gui.app_window.cli import build_parser, run_cli

    out, err = io.StringIO(), io.StringIO()
    status = run_cli(build_parser().parse_args(argv), stdout=out, stderr=err, **callbacks)
    return status, out.getvalue(), err.getvalue()
