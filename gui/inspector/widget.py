"""The inspector dock: the current step's equations with the engine's real numbers.

Forward (z = W a + b, a = f(z) per layer), output and loss, backward (δ^L, δ^l, ∂J/∂W with the
penalty term apart) and the update of the selected parameter, for the selected sample — see
``gui.inspector.content`` for the notation and ``gui.inspector.render`` for the formatting.

After each phase (not while playing) the page scrolls to that phase's section: Forward → the
forward pass, Backward → the δ section, Update → the old and new parameter.

Interaction: hover an "all N…" link under a truncated array for every value; click it to copy
them; "Copy as text" copies the whole page with every value in full precision.
The inspector redraws only when shown, and every 2 s during Play.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from gui.common.i18n import manager, translate
from gui.inspector.content import inspector_sections
from gui.inspector.render import phase_anchor, to_html, to_text
from gui.common.themes import themed_html
from gui.common.refresh import RefreshGate, connect_redraws

#: Seconds between redraws while playing: laying out the rich text takes tens of ms, and the
#: numbers of a network training at hundreds of steps per second cannot be read anyway.
#: Pausing redraws at once.
PLAY_INTERVAL = 2.0


def phase_text(phase: str) -> str:
    """What the trainer's phase (core's "ready"/"forward"/"backward") means, translated."""
    texts = {"ready": translate("Inspector", "step complete"),
             "forward": translate("Inspector", "after Forward"),
             "backward": translate("Inspector", "after Backward")}
    return texts.get(phase, "")


def next_phase_text(phase: str) -> str:
    """The name of the next phase (core's "forward"/"backward"/"update"), translated."""
    texts = {"forward": translate("Inspector", "forward"),
             "backward": translate("Inspector", "backward"),
             "update": translate("Inspector", "update")}
    return texts.get(phase, phase)


def current_phase_section(trainer) -> str:
    """The phase whose section the page scrolls to: the last completed phase ("forward",
    "backward"; "update" once a step completed), "" before the first step."""
    if trainer.phase in ("forward", "backward"):
        return trainer.phase
    return "update" if trainer.last_update is not None else ""


def inspector_actions(inspector: Inspector, parent: QtCore.QObject) -> list[QtGui.QAction]:
    """View-menu actions of the inspector: "Copy inspector as text" (Ctrl+Shift+C)."""
    copy = QtGui.QAction("Copy inspector as text", parent)
    copy.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
    copy.triggered.connect(inspector.copy_text)
    return [copy]


class Inspector(QtWidgets.QWidget):
    """Rich-text view of the trainer's last phases; reads the controller, never changes it."""

    #: Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry reads
    #: this. Every training setting: the update rule shows η, the optimizer, L1/L2 and clipping.
    REDRAWS_ON = ("stepped", "phaseCompleted", "weightsChanged", "dataChanged",
                  "selectionChanged", "playingChanged", "settingsChanged:training.")

    def __init__(self, controller=None, parent=None) -> None:
        super().__init__(parent)
        self.controller = None
        self.sections: list = []
        self.html = ""
        self.links: dict[str, str] = {}
        self.shown: dict = {}
        self._scrolled_for: tuple | None = None  # (step, phase) the page last scrolled to
        self._page = ""  # the rich text last given to the browser (themed)
        self.status = QtWidgets.QLabel("")
        self.status.setStyleSheet("color:#555555")
        # wraps: unwrapped, "Step 12 · … · playing: refreshed every 2 s" at presenter 2x asked
        # 1025 px of the dock, and Qt grew a 1280 px window to 1299 px during a lesson's Play
        self.status.setWordWrap(True)
        self.copy_button = QtWidgets.QPushButton("Copy as text")
        self.copy_button.setToolTip("Copy everything shown, every value in full precision")
        self.copy_button.clicked.connect(self.copy_text)
        self.browser = QtWidgets.QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.highlighted.connect(self._show_full_values)
        self.browser.anchorClicked.connect(self._copy_full_values)
        self.browser.setMinimumWidth(320)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.copy_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self.gate = RefreshGate(self, self.redraw, min_interval=PLAY_INTERVAL)
        manager().languageChanged.connect(self.retranslate)
        if controller is not None:
            self.set_controller(controller)

    def retranslate(self, _language: str = "") -> None:
        """Re-render the page in the new language (when shown; else when shown again)."""
        self.gate.request()

    def set_controller(self, controller) -> None:
        self.controller = controller
        connect_redraws(self.gate, controller, self.REDRAWS_ON)
        self.gate.request()

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        c = self.controller
        if c is None:
            return
        trainer = c.trainer
        self.sections = inspector_sections(trainer, c.selected_sample, c.selected_parameter,
                                           c.selected_neuron, c.hand_edit)
        page = to_html(self.sections)
        self.html, self.links, self.shown = page.html, page.links, page.shown
        playing = translate("Inspector", " · playing: refreshed every 2 s") if c.playing else ""
        self.status.setText(translate("Inspector", "Step {0} · {1} · next: {2}").format(
            trainer.step_count, phase_text(trainer.phase), next_phase_text(trainer.next_phase))
            + playing)
        self._show_html()
        self._scroll_to_phase(trainer, c.playing)

    def _scroll_to_phase(self, trainer, playing: bool) -> None:
        """Once per completed phase (not while playing, so reading is not interrupted): bring
        that phase's section to the top of the page."""
        phase = current_phase_section(trainer)
        key = (trainer.step_count, trainer.phase)
        if playing or not phase or key == self._scrolled_for:
            return
        self._scrolled_for = key
        self.browser.scrollToAnchor(phase_anchor(phase))

    def anchor_top(self, phase: str) -> float | None:
        """y (document pixels) of the top of ``phase``'s section heading, None if not shown."""
        document = self.browser.document()
        layout = document.documentLayout()
        name = phase_anchor(phase)
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                if name in it.fragment().charFormat().anchorNames():
                    return float(layout.blockBoundingRect(block).top())
                it += 1
            block = block.next()
        return None

    def visible_phase(self) -> str:
        """The phase ("forward", "backward", "update") whose section is at the top of the
        visible part of the page: the last heading at or above the top edge (+ a line)."""
        top = self.browser.verticalScrollBar().value()
        line = self.browser.fontMetrics().height()
        best, best_y = "", -1.0
        for phase in ("forward", "backward", "update"):
            y = self.anchor_top(phase)
            if y is not None and best_y < y <= top + line:
                best, best_y = phase, y
        return best

    def _show_html(self) -> None:
        """Show ``self.html`` in the current theme and presenter font size, same scroll; the
        same page as shown already is not given to the browser again (a redraw whose numbers
        did not change: Pause after the last Play redraw, a second signal for one change)."""
        page = themed_html(self.html)
        if page == self._page:
            return  # the same numbers of the same step: no new layout of the page
        self._page = page
        browser = self.browser
        bar = browser.verticalScrollBar()
        position = bar.value()
        # setHtml empties the page first: scroll bars shown "as needed" would hide and come
        # back, and the whole page be laid out twice (at two widths/heights). Shown bars stay
        # shown meanwhile; a bar the new page does not need hides once the policy is restored.
        setters = (browser.setVerticalScrollBarPolicy, browser.setHorizontalScrollBarPolicy)
        shown = (bar.isVisible(), browser.horizontalScrollBar().isVisible())
        for set_policy, visible in zip(setters, shown, strict=True):
            if visible:
                set_policy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        browser.setHtml(page)
        for set_policy, visible in zip(setters, shown, strict=True):
            if visible:
                set_policy(QtCore.Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        bar.setValue(position)

    def apply_view_look(self) -> None:
        """A new theme or presenter scale (``gui.common.themes.apply_theme``): show the page again."""
        if self.html:
            self._show_html()

    def text(self) -> str:
        """The page as plain text, every array complete and in full precision."""
        return to_text(self.sections)

    def copy_text(self) -> None:
        QtGui.QGuiApplication.clipboard().setText(self.text())

    # ------------------------------------------------------------ full values
    def _show_full_values(self, url: QtCore.QUrl) -> None:
        text = self.links.get(url.toString())
        if text:
            QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), _wrapped(text), self.browser)
        else:
            QtWidgets.QToolTip.hideText()

    def _copy_full_values(self, url: QtCore.QUrl) -> None:
        text = self.links.get(url.toString())
        if text:
            QtGui.QGuiApplication.clipboard().setText(text)


def _wrapped(text: str, width: int = 100) -> str:
    lines, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line += word + " "
    lines.append(line)
    return "\n".join(lines)
