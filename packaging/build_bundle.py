"""Build the standalone bundle: ``python packaging/build_bundle.py`` → dist/backprop-playground/.

Runs PyInstaller on ``packaging/backprop-playground.spec`` (one folder, windowed) from the
repository root, with its work files in ``build/`` (both folders are git-ignored), then prints
the bundle's size and the build time. Needs PyInstaller and the app installed in the running
Python, preferably a separate virtual environment::

    python -m venv /tmp/venv-bundle
    /tmp/venv-bundle/bin/pip install . pyinstaller
    /tmp/venv-bundle/bin/python packaging/build_bundle.py
    packaging/smoke_test.sh dist/backprop-playground

Exit status: PyInstaller's own, or 2 with one line when PyInstaller or the installed app is
missing.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "backprop-playground.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "backprop-playground"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (symbolic links not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def problem() -> str:
    if importlib.util.find_spec("PyInstaller") is None:
        return f"PyInstaller is not installed in {sys.executable}: pip install pyinstaller"
    try:
        importlib.metadata.version("backprop-playground")
    except importlib.metadata.PackageNotFoundError:
        return (f"the app is not installed in {sys.executable} (the bundle copies its package "
                "metadata for the version): pip install .")
    return ""


def main(argv: list[str] | None = None) -> int:
    missing = problem()
    if missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    started = time.monotonic()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(DIST), "--workpath", str(ROOT / "build"), str(SPEC),
               *(argv or [])]
    result = subprocess.run(command, cwd=ROOT, env=dict(os.environ, PYTHONNOUSERSITE="1"))
    if result.returncode != 0:
        return result.returncode
    seconds = time.monotonic() - started
    print(f"built {BUNDLE} in {seconds:.0f} s; {folder_size(BUNDLE) / 2**20:.0f} MiB unpacked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
