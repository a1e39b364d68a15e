"""core/ is pure NumPy: every module imports in a Python where importing Qt or pyqtgraph fails."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(p.stem for p in (ROOT / "core").glob("*.py") if p.stem != "__init__")

BLOCKED_IMPORT_PROBE = textwrap.dedent(
    """
    import importlib
    import importlib.abc
    import sys

    BLOCKED = {"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph"}

    class QtBlocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"blocked import of {name} (core must not use Qt)")
            return None

    sys.meta_path.insert(0, QtBlocker())
    for name in BLOCKED:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
        else:
            raise SystemExit(f"the blocker let {name} through")

    import core
    for module in sys.argv[1:]:
        importlib.import_module("core." + module)
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    if leaked:
        raise SystemExit(f"Qt modules were imported: {leaked}")
    print("imported", len(sys.argv) - 1, "core modules without Qt")
    """
)


def test_every_core_module_imports_when_qt_imports_raise():
    assert {"activations", "losses", "network", "gradcheck"} <= set(CORE_MODULES)
    completed = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT_PROBE, *CORE_MODULES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr + completed.stdout
    assert f"imported {len(CORE_MODULES)} core modules without Qt" in completed.stdout


def test_the_import_blocker_really_blocks_qt():
    # Guard against a vacuous pass: a module that imports Qt must fail under the same probe.
    probe = BLOCKED_IMPORT_PROBE.replace("import core\n", "import core\nimport pyqtgraph\n")
    completed = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode != 0
    assert "blocked import of pyqtgraph" in completed.stderr
