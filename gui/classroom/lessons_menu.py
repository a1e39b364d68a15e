"""The Lessons menu and the lesson notes dock.

Lessons ▸ <n. title> loads a built-in lesson (``core.lessons``; variants listed under their
lesson): the scene replaces the current one through ``controller.replace_session``, the
lesson's views are opened and the loss-surface view is set to the lesson's plane (whatever
plane was chosen before, so a lesson never opens on a plane its start cannot show), and Play
runs at the lesson's ``play_speed`` (or the calm default). The notes
dock shows the teacher's text and the suggested steps in the interface language, or in English
and Chinese side by side ("Both languages"); titles and texts come from the lesson files,
which carry both languages, with the numbers of their claims filled in.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, Qt, Signal

from core.lessons import LANGUAGES, list_lessons, load_lesson_scene, surface_plane
from core.scene_validation import SceneError
from gui.common.i18n import current_language, manager
from gui.controller import DEFAULT_PLAY_SPEED
from gui.common.views import WindowView

translate = QCoreApplication.translate


#: Views that share a tab with others: a lesson listing one brings it to the front.
FRONT_VIEWS = ("loss_surface", "metrics", "attributions", "hidden_space", "linear_system")
#: The heading belongs to the lesson text, so it follows the text's language (not the interface's).
STEPS_HEADING = {"en": "Suggested steps", "zh_CN": "建议步骤"}
#: Shown instead of the lesson's text while a question of its bar is unanswered: the text
#: explains what happens (the answers), so it waits for them (in the text's language, too).
TEXT_LATER = {"en": "The explanation appears here once the questions in the lesson bar are "
                    "answered.",
              "zh_CN": "回答完课程条上的问题后，这里会显示讲解。"}


def lesson_language(code: str) -> str:
    """The lesson-file language for an interface language code ("zh_CN" → "zh_CN")."""
    return code if code in LANGUAGES else "en"


def menu_text(lesson) -> str:
    title = lesson.localized("title", lesson_language(current_language()))
    if lesson.id == lesson.group:
        return f"{lesson.number}. {title}"
    return f"      ↳ {title}"


def notes_html(lesson, languages: tuple[str, ...], explained: bool = True) -> str:
    """The notes of ``lesson`` as HTML: per language the title, the text (a blank line in it
    starts a new paragraph, e.g. lesson 1's glossary), the steps. With ``explained`` False (a
    question of the lesson bar is still open) :data:`TEXT_LATER` stands for the text, which
    gives its answers away."""
    parts = []
    for language in languages:
        steps = "".join(f"<li>{html.escape(step)}</li>"
                        for step in lesson.localized_steps(language))
        heading = STEPS_HEADING.get(language, STEPS_HEADING["en"])
        if explained:
            text = "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph
                           in lesson.localized("text", language).split("\n\n"))
        else:
            text = f"<p><i>{html.escape(TEXT_LATER.get(language, TEXT_LATER['en']))}</i></p>"
        parts.append(
            f"<h3>{lesson.number}. {html.escape(lesson.localized('title', language))}</h3>"
            + text + f"<p><b>{html.escape(heading)}</b></p><ol>{steps}</ol>")
    return "<hr>".join(parts)


class LessonNotes(QtWidgets.QWidget):
    """The text for the teacher and the suggested steps of the loaded lesson. ``explained``:
    whether the text shows (the lesson bar sets it False while one of its questions is open,
    see :func:`notes_html`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lesson = None
        self.explained = True
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setObjectName("lessonNotes")
        self.browser.setOpenExternalLinks(False)
        self.both = QtWidgets.QCheckBox()
        self.both.setObjectName("bothLanguages")
        self.both.toggled.connect(lambda _on: self.refresh())
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.both)
        self.retranslate()

    def retranslate(self) -> None:
        self.both.setText(translate("Lessons", "Both languages (English and 中文)"))
        self.refresh()

    def show_lesson(self, lesson) -> None:
        self.lesson = lesson
        self.refresh()

    def set_explained(self, explained: bool) -> None:
        """Show the lesson's text (True) or :data:`TEXT_LATER` for it (False)."""
        if explained != self.explained:
            self.explained = explained
            self.refresh()

    def languages(self) -> tuple[str, ...]:
        if self.both.isChecked():
            return tuple(LANGUAGES)
        return (lesson_language(current_language()),)

    def refresh(self) -> None:
        if self.lesson is None:
            hint = translate("Lessons", "Choose a lesson in the Lessons menu.")
            self.browser.setHtml(f"<p>{html.escape(hint)}</p>")
        else:
            self.browser.setHtml(notes_html(self.lesson, self.languages(), self.explained))


class LessonsMenu(QtCore.QObject):
    """The Lessons menu of a main window. Signals ``lessonLoaded(id)`` and ``lessonEnded()``.

    ``current`` is the lesson on (None: none). The lesson ends (:meth:`end_lesson`: notes
    hidden, ``lessonEnded`` for the bar) when its bar is closed, when other points replace its
    data (Import CSV, Regenerate, a preset) and when another scene replaces its own (File ▸
    New/Open, recovery); it stays ended: the notes dock shows only with a lesson.

    ``menu`` is filled with the lessons; the notes dock is added to ``window``. A lesson is
    loaded into ``controller`` through ``scene_files`` (``gui.files.scene_files.SceneFiles``:
    asks to save changes, then swaps the scene in untitled), which also opens the lesson's
    ``views`` and closes the other scene views; ``show_surface_plane(plane)`` sets the
    loss-surface view to the lesson's plane; ``set_play_speed(steps_per_second)`` sets Play's
    rate (the lesson's ``play_speed``, else ``DEFAULT_PLAY_SPEED``; 0 = as fast as possible).
    """

    lessonLoaded = Signal(str)
    lessonEnded = Signal()
    #: a lesson opened its views (``apply_views``): presenter mode arranges them
    viewsApplied = Signal()

    def __init__(self, window: QtWidgets.QMainWindow, menu: QtWidgets.QMenu, controller,
                 scene_files, views: Sequence[WindowView],
                 show_surface_plane: Callable[[object], None],
                 set_play_speed: Callable[[float], object] = lambda _speed: None) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.scene_files = scene_files
        self.views = {view.id: view for view in views}
        self.show_surface_plane = show_surface_plane
        self.set_play_speed = set_play_speed
        self.menu = menu
        self.menu.setObjectName("lessonsMenu")
        self.lessons = list_lessons()
        self.actions: dict[str, QtGui.QAction] = {}
        previous_group = None
        for lesson in self.lessons:
            if previous_group is not None and lesson.group != previous_group:
                self.menu.addSeparator()
            previous_group = lesson.group
            action = self.menu.addAction(menu_text(lesson))
            action.setData(lesson.id)
            action.setObjectName(f"lesson_{lesson.id}")
            action.triggered.connect(lambda _=False, lesson_id=lesson.id: self.load(lesson_id))
            self.actions[lesson.id] = action
        self.menu.addSeparator()
        self.notes = LessonNotes()
        self.dock = QtWidgets.QDockWidget(window)
        self.dock.setObjectName("dock_lesson_notes")
        self.dock.setWidget(self.notes)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.notes_action = self.dock.toggleViewAction()
        self.notes_action.setEnabled(False)  # until a lesson is on
        self.menu.addAction(self.notes_action)
        self.current = None
        self.lesson_session = None  # the scene the current lesson made (None: no lesson)
        self._loading = False
        self.dock.visibilityChanged.connect(self._dock_shown)
        controller.pointsReplaced.connect(self._points_replaced)
        controller.networkChanged.connect(self._scene_swapped)
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)

    def unedited(self) -> bool:
        """Nothing to save before a lesson replaces the scene: it is one the app makes again
        (the first scene, File ▸ New, a lesson) and only trained (stepped, played, rewound)
        since (``scene_files.only_trained()``)."""
        return self.scene_files.only_trained()

    # ------------------------------------------------------------------ the lesson's life
    def reload_scene(self, lesson_id: str):
        """Put lesson ``lesson_id``'s start in place as an untitled scene (no question, the
        lesson goes on: the bar's Back replays from it). Returns ``(session, views)``; raises
        as ``core.lessons.load_lesson_scene``."""
        session, views = load_lesson_scene(lesson_id)
        self._loading = True
        try:
            self.scene_files.replace_untitled(session)
        finally:
            self._loading = False
        self.lesson_session = self.controller.session
        return self.lesson_session, views

    def end_lesson(self) -> None:
        """The lesson is over (its bar closed, other data imported, another scene opened):
        no current lesson, the notes dock hidden and cleared; emits ``lessonEnded``."""
        if self.current is None:
            return
        self.current = self.lesson_session = None
        self.notes.explained = True
        self.notes.show_lesson(None)
        self.dock.hide()
        self.notes_action.setEnabled(False)
        self.lessonEnded.emit()

    def _points_replaced(self) -> None:
        """Other points (import, regenerate, another scene) are not the lesson's data."""
        if not self._loading:
            self.end_lesson()

    def _scene_swapped(self) -> None:
        if not self._loading and self.controller.session is not self.lesson_session:
            self.end_lesson()

    def _dock_shown(self, visible: bool) -> None:
        """The notes dock shows only with a lesson (a remembered layout restored by a
        workspace switch or the last run would bring it back empty or stale)."""
        if visible and self.current is None:
            self.dock.hide()

    def retranslate(self, _language: str = "") -> None:
        self.menu.setTitle(translate("Lessons", "&Lessons"))
        self.dock.setWindowTitle(translate("Lessons", "Lesson notes"))
        for lesson in self.lessons:
            self.actions[lesson.id].setText(menu_text(lesson))
            self.actions[lesson.id].setToolTip(
                lesson.localized("text", lesson_language(current_language())))
        self.notes.retranslate()

    def load(self, lesson_id: str) -> bool:
        """Load lesson ``lesson_id`` after asking to save unsaved changes (Save / Discard /
        Cancel, as File ▸ Open; Cancel keeps the scene and returns False). A broken lesson
        shows a message and keeps the scene."""
        self.controller.pause()
        if not self.unedited() and not self.scene_files.maybe_save():
            return False
        try:
            session, views = self.reload_scene(lesson_id)
        except (SceneError, ValueError, OSError) as error:
            QtWidgets.QMessageBox.warning(self.window, translate("Lessons", "Lesson"),
                                          translate("Lessons", "Cannot load this lesson:")
                                          + f"\n{error}")
            return False
        self.current = next(lesson for lesson in self.lessons if lesson.id == lesson_id)
        self.notes_action.setEnabled(True)
        self.apply_views(views)
        self.show_surface_plane(surface_plane(views, session.net, session.loss))
        speed = self.current.play_speed
        self.set_play_speed(DEFAULT_PLAY_SPEED if speed is None else speed)
        self.notes.show_lesson(self.current)
        self.dock.show()
        self.dock.raise_()
        QtCore.QTimer.singleShot(0, self, self.fit_notes)  # once the step's layout is in place
        # no status message: the lesson bar and the notes' title say which lesson opened (a
        # notice under the canvas took its height, and was cut at presenter 2x)
        self.lessonLoaded.emit(lesson_id)
        return True

    #: The lesson notes take at most this share of the window's height.
    NOTES_SHARE = 0.2

    def fit_notes(self) -> None:
        """Make the docked lesson notes as tall as their text, at most NOTES_SHARE of the
        window (at least 120 px): the views a lesson opens under them get the rest (the
        notes took half the column, and the linear-system, hidden-space and Compare views
        were strips under them)."""
        if not self.dock.isVisible() or self.dock.isFloating():
            return
        browser = self.notes.browser
        document = browser.document()
        document.setTextWidth(browser.viewport().width())
        chrome = self.dock.height() - browser.viewport().height()
        wanted = int(document.size().height()) + chrome + 4
        cap = int(self.NOTES_SHARE * self.window.height())
        self.window.resizeDocks([self.dock], [max(120, min(wanted, cap))],
                                Qt.Orientation.Vertical)

    def apply_views(self, views: dict) -> None:
        """Open the views a lesson lists (``views["open"]``) and close the other views' docks
        (the settings panels are not views and stay), as a scene file does; bring the
        loss-surface, metrics and attributions docks to the front when they are listed."""
        if not isinstance(views, dict) or not isinstance(views.get("open"), list | tuple):
            return
        opened = set(views["open"])
        self.scene_files.apply_views({"open": list(opened)})
        for view_id in FRONT_VIEWS:  # tabbed docks: the one the lesson lists comes to the front
            view = self.views.get(view_id)
            if view_id in opened and view is not None and view.dock is not None:
                view.dock.show()
                view.dock.raise_()
        QtCore.QTimer.singleShot(0, self, self.fit_notes)
        self.viewsApplied.emit()
