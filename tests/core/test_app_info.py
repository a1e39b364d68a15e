"""core.app_info: the version (package metadata, else pyproject.toml, else "unknown"), the
licence, the --version line (printed without importing Qt) and the system report."""

import os
import platform
import subprocess
import sys
import tomllib
from pathlib import Path

from core import app_info
from core.app_info import (
    DATA_CREDITS,
    DISTRIBUTION,
    SOURCE_TREE,
    UNKNOWN_VERSION,
    app_version,
    licence,
    system_info,
    version_line,
)
from core.resource_files import resources_dir

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_version_comes_from_the_package_metadata_when_installed(monkeypatch):
    monkeypatch.setattr(app_info, "_installed_metadata", lambda: {"Version": "9.8.7"})
    assert app_version() == app_info.Version("9.8.7", "metadata")
    assert str(app_version()) == "9.8.7"
    assert version_line() == f"{DISTRIBUTION} 9.8.7"


def test_a_source_tree_that_was_never_installed_reads_pyproject(monkeypatch, tmp_path):
    monkeypatch.setattr(app_info, "_installed_metadata", lambda: None)
    assert app_version() == app_info.Version(PROJECT["version"], SOURCE_TREE)
    assert str(app_version()) == f"{PROJECT['version']} ({SOURCE_TREE})"
    assert version_line() == f"{DISTRIBUTION} {PROJECT['version']}"  # the bare number
    assert licence() == PROJECT["license"]["text"]
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nversion = "2.0.1"\nlicense = "Apache-2.0"\n', encoding="utf-8")
    assert app_version(other).number == "2.0.1"
    assert licence(other) == "Apache-2.0"


def test_no_metadata_and_no_pyproject_is_unknown_not_an_error(monkeypatch, tmp_path):
    monkeypatch.setattr(app_info, "_installed_metadata", lambda: None)
    missing = tmp_path / "none.toml"
    assert app_version(missing) == app_info.Version(UNKNOWN_VERSION, "")
    assert licence(missing) == UNKNOWN_VERSION
    broken = tmp_path / "broken.toml"
    broken.write_text("[project\nversion = ", encoding="utf-8")
    assert app_version(broken).number == UNKNOWN_VERSION


def test_the_licence_prefers_the_metadata(monkeypatch):
    monkeypatch.setattr(app_info, "_installed_metadata",
                        lambda: {"Version": "1", "License-Expression": "MIT", "License": "x"})
    assert licence() == "MIT"
    monkeypatch.setattr(app_info, "_installed_metadata",
                        lambda: {"Version": "1", "License": "BSD-3-Clause"})
    assert licence() == "BSD-3-Clause"


def test_every_credited_data_set_is_shipped():
    for credit in DATA_CREDITS:
        assert (resources_dir() / "data" / credit.file).is_file()
        readme = (resources_dir() / "data" / "README.md").read_text(encoding="utf-8")
        assert credit.file in readme and "CC0" in readme and credit.licence.startswith("CC0")


def test_the_system_report_names_versions_python_and_the_os():
    text = system_info({"Qt": "6.1.2", "NumPy": "3.4.5"}, "zh_CN")
    lines = text.splitlines()
    assert lines[0] == f"Backprop Playground {app_version()}"
    assert f"licence: {licence()}" in lines
    assert "Qt: 6.1.2" in lines and "NumPy: 3.4.5" in lines
    assert f"Python: {platform.python_version()} ({platform.python_implementation()})" in lines
    assert f"OS: {platform.platform()}" in lines
    assert "language: zh_CN" in lines


def test_version_prints_the_name_and_version_and_imports_no_qt(tmp_path):
    code = ("import sys, app\n"
            "try:\n    app.main(['--version'])\n"
            "except SystemExit as exit:\n    print('exit', exit.code)\n"
            "print('qt', any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.stderr == ""
    assert result.stdout.splitlines() == [version_line(), "exit 0", "qt False"]
    assert version_line().startswith("backprop-playground ")


def test_version_on_the_command_line_exits_0(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "app.py"), "--version"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == version_line()
