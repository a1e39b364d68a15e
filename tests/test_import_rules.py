"""The import rules of design.md, as import-linter contracts in pyproject.toml: core is pure
NumPy (and has no argparse: the command line is gui/app_window/cli.py), tests/core run without
Qt, the gui feature folders are independent (they meet only in
app_window and common), and common and the controller import no feature folder. A violation
anywhere fails this test, so CI fails on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.waiting import PATIENCE_S

ROOT = Path(__file__).resolve().parents[1]
LINT = ("import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """``lint-imports`` on the tree at ``root`` (its pyproject.toml and packages)."""
    pytest.importorskip("importlinter")
    # wide lines: a contract name never wraps before its verdict
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-c", LINT, "--no-cache", "--no-logo"], cwd=root,
                          env=env, capture_output=True, text=True, timeout=PATIENCE_S)


def copy_tree(destination: Path) -> Path:
    """The project's packages (Python files only) and pyproject.toml, copied to destination."""
    for package in ("core", "gui", "tests"):
        shutil.copytree(ROOT / package, destination / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", destination)
    return destination


def test_every_import_contract_is_kept():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    ("core/metrics.py", "import PySide6", "core is pure NumPy"),
    ("core/headless.py", "import argparse", "core is pure NumPy"),
    ("tests/core/test_metrics.py", "import gui.common.colors", "tests/core run with Qt"),
    ("gui/diagram/items.py", "from gui.canvas import data_canvas",
     "gui feature folders are independent"),
    ("gui/common/colors.py", "import gui.export.figures", "gui.common and the controller"),
])
def test_a_deliberate_violation_fails_the_check(tmp_path, module, line, broken):
    tree = copy_tree(tmp_path)
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # deliberate\n",
                    encoding="utf-8")
    done = lint_imports(tree)
    assert done.returncode != 0
    verdicts = [line for line in done.stdout.splitlines() if line.startswith(broken)]
    assert verdicts and verdicts[0].endswith("BROKEN"), done.stdout
