"""A figure the headless command line cannot write (gui.export.figures.ExportError, e.g. an
unwritable folder) is a bad file for the CLI: one line on stderr and exit status 2, for the
view figures, the cross-validation figure and the compare figure alike."""

import pytest

from gui.app_window import headless_figures
from gui.app_window.cli import build_parser
from gui.export.figures import ExportError

MESSAGE = "Cannot write the figure: the folder is read-only."


def _failing_maker(*_args, **_kwargs):
    def export(_subject, _folder):
        raise ExportError(MESSAGE)
    return export


@pytest.mark.parametrize(("maker", "extra"), [
    ("make_exporter", []),
    ("make_cv_exporter", ["--cv", "2"]),
    ("make_compare_exporter", ["--compare", "learning_rate=0.1"]),
])
def test_an_export_error_is_one_line_and_exit_status_2(tmp_path, monkeypatch, capsys, qapp,
                                                        maker, extra):
    monkeypatch.setattr(headless_figures, maker, _failing_maker)
    args = build_parser().parse_args(["--lesson", "xor-perceptron", "--steps", "2",
                                      "--export-dir", str(tmp_path), *extra])
    assert headless_figures.run_command_line(args) == 2
    err = capsys.readouterr().err
    assert err == f"error: {MESSAGE}\n"
