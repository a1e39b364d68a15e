"""A regular wheel (``pip install .``) ships the run-time resources: pyproject.toml's
``[tool.setuptools]`` package selection and ``package-data`` cover every file the code loads from
``resources/`` (the lessons, the CSV files they name, the compiled translations), installed where
the code looks for them. Reads pyproject.toml only: no build tool, no network.
"""

import copy
import fnmatch
import os
import tomllib
from pathlib import Path

from core.lessons import DATA_DIR, LESSON_DIR, LESSON_GLOB, RESOURCES, list_lessons
from core.resource_files import resources_dir

ROOT = Path(__file__).resolve().parents[2]


def setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"]


def found_packages(config: dict) -> set[str]:
    """The packages ``[tool.setuptools.packages.find]`` selects, by setuptools' rules: folders
    under ``where`` matched by an ``include`` and no ``exclude`` pattern (fnmatch on the dotted
    name); without ``__init__.py`` only when ``namespaces`` is on (the default in pyproject)."""
    find = config["packages"]["find"]
    include, exclude = find.get("include", ["*"]), find.get("exclude", [])
    packages = set()
    for where in find.get("where", ["."]):
        base = ROOT / where
        for top, dirs, _files in os.walk(base):
            dirs[:] = [d for d in dirs if "." not in d]  # not a package name (.git, .venv)
            folder = Path(top)
            if folder == base:
                continue
            name = ".".join(folder.relative_to(base).parts)
            if not find.get("namespaces", True) and not (folder / "__init__.py").exists():
                continue
            if (any(fnmatch.fnmatchcase(name, p) for p in include)
                    and not any(fnmatch.fnmatchcase(name, p) for p in exclude)):
                packages.add(name)
    return packages


def shipped_data(config: dict) -> set[Path]:
    """Files ``package-data`` puts in the wheel (globs relative to each selected package)."""
    packages = found_packages(config)

    def matches(table: dict) -> set[Path]:
        files = set()
        for key, patterns in table.items():
            for package in sorted(packages) if key in ("*", "") else [key]:
                if package not in packages:
                    continue
                folder = ROOT / package.replace(".", "/")
                for pattern in patterns:
                    files |= {p for p in folder.glob(pattern) if p.is_file()}
        return files

    return matches(config.get("package-data", {})) - matches(
        config.get("exclude-package-data", {}))


def run_time_resources() -> set[Path]:
    """Every file the engine reads from resources/ (the lessons and the CSV files they name),
    found the way the code finds it. The GUI's translations are added by
    tests/gui/test_packaging_translations.py (this folder runs without Qt)."""
    lessons = set(LESSON_DIR.glob(LESSON_GLOB))
    data = {DATA_DIR / lesson.dataset["csv"] for lesson in list_lessons() if lesson.dataset}
    return {path.resolve() for path in lessons | data}


def missing_from_wheel(config: dict, resources: set[Path] | None = None) -> list[str]:
    shipped = {path.resolve() for path in shipped_data(config)}
    wanted = run_time_resources() if resources is None else resources
    return sorted(str(p.relative_to(ROOT)) for p in wanted - shipped)


def test_every_run_time_resource_is_declared_as_package_data():
    assert missing_from_wheel(setuptools_config()) == []


def test_the_resources_checked_exist_so_the_check_is_not_vacuous():
    resources = run_time_resources()
    assert len([p for p in resources if p.suffix == ".json"]) >= 8
    assert (DATA_DIR / "penguins.csv").resolve() in resources
    assert all(path.is_file() for path in resources)


def test_the_check_fails_when_a_declaration_is_missing():
    config = setuptools_config()
    no_csv = copy.deepcopy(config)
    no_csv["package-data"]["resources"] = [
        p for p in no_csv["package-data"]["resources"] if not p.endswith(".csv")]
    assert missing_from_wheel(no_csv) == ["resources/data/penguins.csv"]
    no_package = copy.deepcopy(config)
    no_package["packages"]["find"]["include"].remove("resources")
    assert len(missing_from_wheel(no_package)) == len(run_time_resources())


def test_the_wheel_installs_resources_where_the_code_looks():
    # the code finds the package "resources" through the import system (importlib.resources),
    # and the wheel installs it as a package next to "core" and "gui"
    assert RESOURCES == resources_dir() == ROOT / "resources"
    assert (RESOURCES / "__init__.py").is_file()
    assert {"core", "gui", "resources"} <= found_packages(setuptools_config())


def test_all_code_is_packaged_and_tooling_is_not_shipped():
    config = setuptools_config()
    packages = found_packages(config)
    code_folders = {".".join(p.parent.relative_to(ROOT).parts)
                    for top in ("core", "gui") for p in (ROOT / top).rglob("*.py")}
    assert code_folders <= packages
    assert not any(name.startswith("tests") for name in packages)
    assert "app" in config["py-modules"]
    shipped = shipped_data(config)
    assert not [p for p in shipped if "screenshots" in p.parts or p.suffix in (".ts", ".py")]
    assert "resources.translations" not in packages  # its .py files are developer tools


def spec_constant(name: str):
    """A literal constant of packaging/backprop-playground.spec (read with ast: the spec is
    executed by PyInstaller only)."""
    import ast

    tree = ast.parse((ROOT / "packaging" / "backprop-playground.spec").read_text(
        encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                getattr(target, "id", "") == name for target in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec has no {name}")


def test_the_bundle_spec_ships_the_same_resources_as_the_wheel():
    assert sorted(spec_constant("RESOURCE_GLOBS")) == sorted(
        setuptools_config()["package-data"]["resources"])


def test_the_bundle_holds_the_resources_package_itself():
    """resources_dir() imports "resources" by name: without the package's __init__ in the
    bundle it is a namespace package and no lesson is found (the first build did that)."""
    assert "resources" in spec_constant("HIDDEN_IMPORTS")
    assert (ROOT / "resources" / "__init__.py").is_file()


def test_the_icons_are_package_data():
    config = setuptools_config()
    icons = {path.resolve() for path in (ROOT / "resources" / "icons").iterdir()
             if path.suffix in (".png", ".svg")}
    assert len(icons) == 9
    assert missing_from_wheel(config, icons) == []


def test_a_resources_namespace_package_is_a_clear_error(monkeypatch):
    """A bundle without resources/__init__ made "resources" a namespace package: the old code
    turned its MultiplexedPath's repr into a path, found no lesson, and --help failed with
    "max() arg is an empty sequence"."""
    from importlib.readers import MultiplexedPath

    from core import resource_files

    namespace = MultiplexedPath(str(ROOT / "resources"))
    monkeypatch.setattr(resource_files, "files", lambda name: namespace)
    try:
        resources_dir()
    except ModuleNotFoundError as error:
        assert "'resources' package is not a folder with its __init__.py" in str(error)
        assert error.name == "resources"
    else:
        raise AssertionError("no error for a namespace package")
    monkeypatch.undo()
    assert resources_dir() == ROOT / "resources"
