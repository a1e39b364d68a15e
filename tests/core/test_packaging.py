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

import core.lessons
from core.lessons import DATA_DIR, LESSON_DIR, LESSON_GLOB, RESOURCES, list_lessons

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
    """Every file the code reads from resources/, found the way the code finds it."""
    from gui.common.i18n import LANGUAGES, SOURCE_LANGUAGE, qm_path

    lessons = set(LESSON_DIR.glob(LESSON_GLOB))
    data = {DATA_DIR / lesson.dataset["csv"] for lesson in list_lessons() if lesson.dataset}
    translations = {qm_path(code) for code in LANGUAGES if code != SOURCE_LANGUAGE}
    return {path.resolve() for path in lessons | data | translations}


def missing_from_wheel(config: dict) -> list[str]:
    shipped = {path.resolve() for path in shipped_data(config)}
    return sorted(str(p.relative_to(ROOT)) for p in run_time_resources() - shipped)


def test_every_run_time_resource_is_declared_as_package_data():
    assert missing_from_wheel(setuptools_config()) == []


def test_the_resources_checked_exist_so_the_check_is_not_vacuous():
    from gui.common.i18n import qm_path

    resources = run_time_resources()
    assert len([p for p in resources if p.suffix == ".json"]) >= 8
    assert (DATA_DIR / "penguins.csv").resolve() in resources
    assert qm_path("zh_CN").resolve() in resources
    assert all(path.is_file() for path in resources)


def test_the_check_fails_when_a_declaration_is_missing():
    config = setuptools_config()
    no_qm = copy.deepcopy(config)
    no_qm["package-data"]["resources"] = [
        p for p in no_qm["package-data"]["resources"] if not p.endswith(".qm")]
    assert missing_from_wheel(no_qm) == ["resources/translations/backprop_playground_zh_CN.qm"]
    no_package = copy.deepcopy(config)
    no_package["packages"]["find"]["include"].remove("resources")
    assert len(missing_from_wheel(no_package)) == len(run_time_resources())
    no_namespaces = copy.deepcopy(config)  # resources/ has no __init__.py
    no_namespaces["packages"]["find"]["namespaces"] = False
    assert len(missing_from_wheel(no_namespaces)) == len(run_time_resources())


def test_the_wheel_installs_resources_where_the_code_looks():
    # the package "resources" lands next to the packages "core" and "gui", so the code's
    # <parent of core/>/resources is the same folder in a checkout and in site-packages
    from gui.common import i18n
    assert RESOURCES == ROOT / "resources"
    assert Path(core.lessons.__file__).resolve().parent.parent == ROOT
    assert i18n.TRANSLATIONS_DIR == Path(i18n.__file__).resolve().parent.parent / "resources" / (
        "translations")
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
