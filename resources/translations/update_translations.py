"""Refresh the translation files: ``python resources/translations/update_translations.py``.

1. Harvest: build the main window offscreen, take it through its states (each phase, play,
   every lesson, presenter mode) and collect every text ``gui.common.i18n.retranslate_widgets`` looks
   up — menu, action, dock, label and button texts of widgets that do not call ``tr()``
   themselves. They are written to ``ui_strings.py`` as ``QT_TRANSLATE_NOOP("ui", …)`` so that
   lupdate sees them. Texts with no letters, counters with numbers ("step 30"), lesson texts
   (both languages are in the lesson files) and tool tips composed by gui/classroom/shortcuts.py are
   skipped.
2. Core strings: the texts of ``core/`` the GUI shows translated (setting labels, docs and
   zero texts of ``core.settings``, task names, data-set generator names) are written to
   ``core_strings.py`` as ``QT_TRANSLATE_NOOP("Settings", …)`` — core never imports Qt, and
   lupdate cannot see the dynamic ``translate("Settings", info.doc)`` calls of the GUI.
3. ``pyside6-lupdate`` over ``gui/``, ``ui_strings.py`` and ``core_strings.py`` →
   ``backprop_playground_zh_CN.ts`` (existing translations are kept; edit the .ts with Qt
   Linguist or any XML editor).
4. ``terminology.py --fix``: the Chinese translations (and lesson texts) follow the term table
   and the typographic style; every change is printed, and what needs a person is listed.
5. ``pyside6-lrelease`` → ``backprop_playground_zh_CN.qm`` (loaded at run time).

The tools ship with PySide6-Essentials (``pyside6-lupdate``/``pyside6-lrelease`` on PATH, or the
``lupdate``/``lrelease`` binaries in the PySide6 package folder, which this script falls back
to). ``--no-harvest`` skips step 1 (step 2 always runs); ``--drop-obsolete`` forgets
translations of texts that are gone (by default lupdate keeps them as "vanished", and they
come back with their text).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN",)
UI_STRINGS = HERE / "ui_strings.py"
CORE_STRINGS = HERE / "core_strings.py"
#: Translation context of the core texts (used by gui/panels/setting_controls.py).
CORE_CONTEXT = "Settings"
_LETTER = re.compile(r"[A-Za-z]{2}")
_DIGIT = re.compile(r"[0-9]")
_TAG = re.compile(r"<[^>]*>")
_ERROR = re.compile(r"^[A-Za-z]+(Error|Exception): ")


def tool(name: str) -> str:
    """Path of pyside6-<name>, or of the binary inside the PySide6 package."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    candidate = Path(PySide6.__file__).parent / name
    if candidate.exists():
        return str(candidate)
    raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships pyside6-{name})")


def _texts_of(root) -> set[str]:
    from PySide6 import QtGui, QtWidgets

    texts: set[str] = set()
    for action in root.findChildren(QtGui.QAction):
        texts.update((action.text(), action.toolTip(), action.statusTip()))
    for menu in root.findChildren(QtWidgets.QMenu):
        texts.add(menu.title())
    for widget in root.findChildren(QtWidgets.QWidget):
        texts.add(widget.toolTip())
        if isinstance(widget, QtWidgets.QDockWidget | QtWidgets.QToolBar):
            texts.add(widget.windowTitle())
        elif isinstance(widget, QtWidgets.QLabel):
            texts.add(widget.text())
        elif isinstance(widget, QtWidgets.QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QtWidgets.QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QtWidgets.QTabWidget):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QtWidgets.QLineEdit):
            texts.add(widget.placeholderText())
    import pyqtgraph as pg

    for view in root.findChildren(pg.GraphicsView):
        texts.update(item.labelText for item in view.scene().items()
                     if isinstance(item, pg.AxisItem))
    return texts


def harvest() -> list[str]:
    """Every English text the window shows in its main states (sorted)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6 import QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    from core.lessons import lesson_ids
    from gui.controller import TrainingController
    from gui.app_window.main_window import MainWindow

    # offscreen, nobody answers a question box: "save the changes?" before a lesson → Discard
    QtWidgets.QMessageBox.question = staticmethod(
        lambda *args, **kwargs: QtWidgets.QMessageBox.StandardButton.Discard)
    window = MainWindow(TrainingController())
    window.show()
    texts: set[str] = set()

    def collect() -> None:
        app.processEvents()
        texts.update(_texts_of(window))

    c = window.controller
    collect()
    for action in (c.forward, c.backward, c.update, c.step, c.play, c.pause, c.reset):
        action()
        collect()
    lessons = getattr(window, "lessons_menu", None)
    for lesson_id in lesson_ids() if lessons is not None else ():
        lessons.load(lesson_id)
        collect()
    presenter = getattr(window, "presenter_mode", None)
    if presenter is not None:
        presenter.set_active(True)
        collect()
        presenter.set_active(False)
    window.close()
    # lesson titles and texts come in both languages from the lesson files; numbers and
    # counters ("step 12") change all the time: neither belongs in the catalogue
    from core.lessons import list_lessons
    from gui.common.i18n import LANGUAGES as UI_LANGUAGES

    own = _own_sources()
    skip = set(UI_LANGUAGES.values()) | {
        lesson.localized(name, "en") for lesson in list_lessons() for name in ("title", "text")}
    for lesson in list_lessons():  # the guided steps' texts, questions and choices (lesson bar)
        for step in lesson.steps:
            shown = [step.text, *([step.question] if step.question else []),
                     *(choice.text for choice in step.choices)]
            skip |= {step.localized(t, lesson.expect, "en") for t in shown}

    def wanted(text: str) -> bool:
        # "Rewind one step (←)": a tool tip gui.classroom.shortcuts composes from its own description
        composed = text.endswith(")") and text.rsplit(" (", 1)[0] in own
        # texts with numbers are counters ("step 30"), except form labels ("L2 rate:");
        # colours in HTML ("<span style='color:#0072B2'>") are not numbers
        plain = _TAG.sub("", text)
        counter = bool(_DIGIT.search(plain)) and not plain.endswith(":")
        error = bool(_ERROR.match(text))  # "ValueError: …" shown in a status line
        return (bool(text) and bool(_LETTER.search(text)) and not counter and not error
                and text not in skip and not composed and not text.lstrip().startswith("↳"))

    return sorted(t for t in texts if wanted(t))


def _own_sources() -> set[str]:
    """Texts translated under a module's own context (not "ui"), from the current .ts."""
    import xml.etree.ElementTree as ET

    path = HERE / f"backprop_playground_{LANGUAGES[0]}.ts"
    if not path.exists():
        return set()
    sources = set()
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") == "ui":
            continue
        sources.update(m.findtext("source") or "" for m in context.iter("message"))
    return sources


def _write_noop_file(path: Path, context: str, name: str, about: str,
                     texts: list[str]) -> None:
    """Write a generated module listing ``texts`` as ``QT_TRANSLATE_NOOP(context, …)`` so that
    lupdate sees texts the code only translates at run time."""
    lines = [f'"""Generated by update_translations.py: {about}',
             f'(context "{context}"), for lupdate. Do not edit; run the script again."""',
             "# ruff: noqa: E501", "", "from PySide6.QtCore import QT_TRANSLATE_NOOP", "",
             f"{name} = ("]
    lines += [f'    QT_TRANSLATE_NOOP("{context}", {text!r}),' for text in texts]
    lines.append(")")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_ui_strings(texts: list[str]) -> None:
    _write_noop_file(UI_STRINGS, "ui", "UI_STRINGS",
                     "the texts of widgets that do not call tr(),", texts)


def core_strings() -> list[str]:
    """The English texts of ``core/`` that the GUI shows through ``translate("Settings", …)``,
    in a stable order without repeats: for every setting of the three settings classes its
    label, doc and zero text, then the task names and the generator (data set) names."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from core.datasets import GENERATORS, TASKS
    from core.settings import DataSettings, NetworkSettings, TrainingSettings, fields_of

    texts: list[str] = []
    for settings in (DataSettings, NetworkSettings, TrainingSettings):
        for info in fields_of(settings):
            texts += [info.label, info.doc, info.zero_text or ""]
    texts += list(TASKS)
    texts += [spec.label for spec in GENERATORS.values()]
    return list(dict.fromkeys(text for text in texts if text))


def write_core_strings(texts: list[str] | None = None) -> None:
    """Write ``core_strings.py`` (``QT_TRANSLATE_NOOP("Settings", …)`` per core text)."""
    _write_noop_file(CORE_STRINGS, CORE_CONTEXT, "CORE_STRINGS",
                     "texts of core/ shown translated by the GUI",
                     core_strings() if texts is None else texts)


def update_and_release(drop_obsolete: bool = False) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    sources.append(str(UI_STRINGS.relative_to(ROOT)))
    sources.append(str(CORE_STRINGS.relative_to(ROOT)))
    for code in LANGUAGES:
        ts = HERE / f"backprop_playground_{code}.ts"
        # obsolete entries are kept (lrelease skips them) so a text that comes back keeps
        # its translation
        flags = ["-no-obsolete"] if drop_obsolete else []
        subprocess.run([tool("lupdate"), *sources, *flags, "-ts", str(ts)], cwd=ROOT, check=True)
        if code == "zh_CN":
            _terminology(ts)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def _terminology(ts: Path) -> None:
    """Apply ``terminology.py``'s fixes to ``ts`` and the lessons; print what changed and what
    a person still has to word."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import terminology

    paths = [ts, *sorted(terminology.LESSONS_DIR.glob("*.json"))]
    count = terminology.fix_files(paths)
    remaining = terminology.check(paths)
    print(f"terminology: {count} text(s) changed, {len(remaining)} problem(s) left")
    for line in remaining:
        print("  " + line)


def main(argv: list[str]) -> int:
    if "--no-harvest" not in argv:
        write_ui_strings(harvest())
    write_core_strings()
    update_and_release(drop_obsolete="--drop-obsolete" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
