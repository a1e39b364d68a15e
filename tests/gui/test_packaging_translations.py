"""The wheel ships the compiled translations the GUI loads (the Qt half of
tests/core/test_packaging.py, which runs without Qt)."""

import copy

from gui.common.i18n import LANGUAGES, SOURCE_LANGUAGE, TRANSLATIONS_DIR, qm_path
from tests.core.test_packaging import (
    ROOT,
    missing_from_wheel,
    run_time_resources,
    setuptools_config,
)


def translations() -> set:
    return {qm_path(code).resolve() for code in LANGUAGES if code != SOURCE_LANGUAGE}


def test_every_compiled_translation_is_declared_as_package_data():
    found = translations()
    assert found and all(path.is_file() for path in found)
    assert missing_from_wheel(setuptools_config(), run_time_resources() | found) == []


def test_the_check_fails_when_the_qm_declaration_is_missing():
    config = copy.deepcopy(setuptools_config())
    config["package-data"]["resources"] = [
        p for p in config["package-data"]["resources"] if not p.endswith(".qm")]
    assert missing_from_wheel(config, run_time_resources() | translations()) == [
        "resources/translations/backprop_playground_zh_CN.qm"]


def test_translations_are_found_in_the_resources_package():
    assert TRANSLATIONS_DIR == ROOT / "resources" / "translations"
