"""A visible banner shown when training diverges: at which step, why, and what to try.

The cause comes from ``core`` as a :class:`core.divergence.Divergence` record (a code, the
layer and the offending value); this module words it in the current language per code
(``gui.common.divergence_text.cause_text``) — nothing here reads or parses English. The advice
(:func:`divergence_advice`) is chosen from the code and the model's facts
(:class:`ModelFacts`: η, L2, clipping, hidden activations — none when there is no hidden
layer), passed in explicitly. Every text follows a language switch while shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import Qt, Signal

from core import divergence as codes
from core.divergence import Divergence
from core.optimizers import weight_decay_stability
from gui.common.display_names import display_names
from gui.common.flow_layout import FlowLayout
from gui.common.i18n import manager, translate
from gui.common.divergence_text import cause_text, phase_text
from gui.common.number_format import number
from gui.panels.decay_warning import banner_advice

#: Unbounded ReLU-like hidden activations: a bounded one (tanh) can calm an explosion.
RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu", "gelu", "swish", "softplus"})
#: Hidden activations whose units can die: output 0 with f′ = 0 for every input.
DYING = frozenset({"relu"})
#: Most of its parent's height (the area above and with the canvas) the banner takes to show
#: every advice line; beyond it, a shorter form and a "More…" button.
FULL_SHARE = 0.35
#: The banner's forms, fullest first (see DivergenceBanner).
FORMS = ("full", "key", "brief", "terse")
#: Least width (px) of the banner's texts: they wrap, so the banner never widens the canvas's
#: column (at presenter 2× a row of text and buttons pushed a lesson's views to 330 px).
MIN_TEXT_WIDTH = 120

@dataclass(frozen=True)
class ModelFacts:
    """What the advice after a divergence depends on.

    learning_rate: η (> 0). l2: L2 rate λ (≥ 0). clip_norm: max global gradient norm, 0 = off,
    None = unknown. hidden_activations: one name per hidden layer — empty for a model without
    hidden layers (perceptron, linear or logistic regression). optimizer, hyper: the
    optimizer's name and hyperparameters (μ), for its ηλ stability bound.
    """

    learning_rate: float
    l2: float = 0.0
    clip_norm: float | None = None
    hidden_activations: tuple[str, ...] = ()
    optimizer: str = "sgd"
    hyper: Mapping = field(default_factory=dict)

    @classmethod
    def of_session(cls, session) -> ModelFacts:
        """The facts of a ``core.session.Session`` (its current settings)."""
        training = session.training
        return cls(float(training.learning_rate), float(training.l2),
                   float(training.clip_norm), tuple(session.network.activations_per_layer()),
                   training.optimizer, dict(training.optimizer_hyper()))


def suggested_learning_rate(learning_rate: float, l2: float = 0.0, optimizer: str = "sgd",
                            hyper: Mapping | None = None) -> float:
    """η/10, lowered further to half the optimizer's limit, bound/(2λ), if needed so that ηλ
    stays inside the stability bound of L2 weight decay
    (``core.optimizers.weight_decay_stability``: SGD ηλ < 2, so 1/λ; momentum ηλ < 2(1 + μ);
    Nesterov ηλ < 2(1 + μ)/(1 + 2μ); RMSprop and Adam have no such bound)."""
    rate = learning_rate / 10.0
    if l2 > 0.0:
        bound = weight_decay_stability(optimizer, learning_rate, l2, hyper).bound
        if bound is not None:
            rate = min(rate, bound / (2.0 * l2))
    return rate


def lower_rate_advice(facts: ModelFacts) -> str:
    """The key advice: lower η, to :func:`suggested_learning_rate` (translated)."""
    rate = facts.learning_rate
    target = suggested_learning_rate(rate, facts.l2, facts.optimizer, facts.hyper)
    return translate("DivergenceBanner", "Lower the learning rate: try η = {0} (now {1}).").format(
        number(target), number(rate))


def divergence_advice(divergence: Divergence, facts: ModelFacts) -> list[str]:
    """What to try after ``divergence``, one translated sentence per suggestion.

    From the facts: lower η (with a concrete value); the optimizer's η·λ bound when η·λ reaches it (``core.optimizers.weight_decay_stability``); gradient
    clipping when it is off; a bounded activation only when a hidden layer uses a ReLU-family
    activation; always Rewind. From the code: after ``param_limit``, what the explosion means
    for this model — dead ReLU units (the loss can stay finite and flat) only when a hidden
    layer uses ReLU, too large steps when there is no hidden layer — never a remark about
    units the model does not have.
    """
    advice = []
    rate, l2 = facts.learning_rate, facts.l2
    activations = set(facts.hidden_activations)
    if divergence.code == codes.PARAM_LIMIT:
        if not facts.hidden_activations:
            advice.append(translate(
                "DivergenceBanner", "This model has no hidden layer: its weights grew past "
                "the limit because the steps are too large for this data."))
        elif activations & DYING:
            advice.append(translate(
                "DivergenceBanner", "With exploding weights every ReLU unit can die (output 0 "
                "for every input): the loss then stays finite and flat, hiding the blow-up."))
    advice.append(lower_rate_advice(facts))
    limit = banner_advice(weight_decay_stability(facts.optimizer, rate, l2, facts.hyper),
                          rate, l2)
    if limit:
        advice.append(limit)
    if facts.clip_norm is not None and facts.clip_norm <= 0.0:
        advice.append(translate(
            "DivergenceBanner",
            "Turn on gradient clipping (e.g. max norm 1) to cap the step size."))
    relu_like = sorted(activations & RELU_FAMILY)
    if relu_like:
        advice.append(translate(
            "DivergenceBanner", "Use a bounded activation such as tanh instead of {0}.").format(
            display_names(relu_like)))
    advice.append(translate(
        "DivergenceBanner", "Rewind a few steps (←) to go back to weights before the blow-up."))
    return advice


class DivergenceBanner(QtWidgets.QFrame):
    """Hidden until `show_divergence` is called. Buttons request actions; the banner does none.

    Layout (every text wraps, so the banner fits any width and takes the window's font, the
    presenter's included): the title (bold) with the close button, the cause and the step the
    weights were kept at, the advice, and the action buttons in a row that wraps. The banner
    sits above the canvas and takes the first of these forms that fits (:data:`FORMS`):

    - ``full``: the cause and every advice line, within :data:`FULL_SHARE` of the height of the
      area it shares with the canvas;
    - ``key``: the cause and the key advice (lower η, with a value), within the height the
      canvas leaves (its minimum height);
    - ``brief``: the step the weights were kept at and the key advice, in one paragraph;
    - ``terse``: the step the weights were kept at, the key advice being the Lower button's
      "Lower η ÷10 (→ η/10)" (or, when the advice's η differs — an L2 bound —, the key
      advice instead of the step).

    In the short forms a "More…" button beside the title shows the whole text (cause, every
    advice line) in a pop-up; its tool tip holds it too.

    Steps are the engine's numbers: the divergence happened during step ``divergence.step``;
    the weights kept are those after step − 1 updates — the step the status bar shows.

    Signals: rewindRequested(), lowerLearningRateRequested(), resetRequested().
    """

    rewindRequested = Signal()
    lowerLearningRateRequested = Signal()
    resetRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("divergenceBanner")
        self.setStyleSheet(
            "#divergenceBanner { background: #FDECEA; border: 2px solid #C0392B;"
            " border-radius: 4px; }"
            "#divergenceBanner QLabel { color: #5A1A12; }"
        )
        self.title = QtWidgets.QLabel()
        self.title.setStyleSheet("font-weight: bold;")  # the size is the window's (presenter)
        self.message = QtWidgets.QLabel()
        self.advice = QtWidgets.QLabel()
        for label in (self.title, self.message, self.advice):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMinimumWidth(MIN_TEXT_WIDTH)
        self.rewind_button = QtWidgets.QPushButton()
        self.lower_button = QtWidgets.QPushButton()
        self.reset_button = QtWidgets.QPushButton()
        self.more_button = QtWidgets.QToolButton()
        self.more_button.setAutoRaise(True)
        self.more_button.hide()
        self.close_button = QtWidgets.QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.rewind_button.clicked.connect(self.rewindRequested)
        self.lower_button.clicked.connect(self.lowerLearningRateRequested)
        self.reset_button.clicked.connect(self.resetRequested)
        self.more_button.clicked.connect(self.show_whole_text)
        self.close_button.clicked.connect(self.hide)
        self.popup: QtWidgets.QFrame | None = None  # the whole text, after More…

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons = FlowLayout(spacing=6)
        for button in (self.lower_button, self.rewind_button, self.reset_button):
            self.buttons.addWidget(button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.advice)
        layout.addLayout(self.buttons)
        self._shown: tuple | None = None  # the last show_divergence arguments
        self._texts: dict[str, str] = {}  # cause, stopped, key, advice: the texts shown
        self.form = "full"                # of FORMS: the form shown
        self._button_is_key = True        # the Lower button's η is the key advice's
        self._heights: tuple[int, int] | None = None  # of the form shown, of the shortest
        self._watched = None              # the parent whose height sets the room
        self.retranslate()
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the banner
        self.hide()

    def retranslate(self, _language: str = "") -> None:
        """Every text in the current language (the divergence shown, if any, again)."""
        self.rewind_button.setText(translate("DivergenceBanner", "Rewind"))
        self.rewind_button.setToolTip(translate("DivergenceBanner", "Go back one more step (←)"))
        self.lower_button.setText(translate("DivergenceBanner", "Lower η ÷10"))
        self.lower_button.setToolTip(
            translate("DivergenceBanner", "Divide the learning rate by 10 (keeps the weights)"))
        self.reset_button.setText(translate("DivergenceBanner", "Reset"))
        self.reset_button.setToolTip(
            translate("DivergenceBanner", "Re-initialize the network from its seed (R)"))
        self.more_button.setText(translate("DivergenceBanner", "More…"))
        self.close_button.setToolTip(translate("DivergenceBanner", "Hide this message"))
        if self._shown is not None:
            self._render(*self._shown)

    def show_divergence(self, divergence: Divergence, facts: ModelFacts) -> None:
        """Show: 'Training diverged during step N (phase)' + the cause and the step whose
        weights were kept (N − 1) + advice fitted to the code and the model (``facts``)."""
        self._shown = (divergence, facts)
        self._render(divergence, facts)  # in the form that fits (before showing: a form
        self.show()                      # too tall for the window would grow it)
        self._fit()

    def whole_text(self) -> str:
        """The cause, the step the weights were kept at and every advice line (what the full
        form shows, and the More… pop-up in the short forms)."""
        texts = self._texts
        return f"{texts['cause']}\n{texts['advice']}" if texts else ""

    def _render(self, divergence: Divergence, facts: ModelFacts) -> None:
        self.title.setText(
            translate("DivergenceBanner", "⚠  Training diverged during step {0} ({1})")
            .format(divergence.step, phase_text(divergence.phase)))
        cause = cause_text(divergence)
        kept = max(divergence.step - 1, 0)
        self._texts = {
            "cause": translate(
                "DivergenceBanner",
                "{0}. Playback stopped at step {1}, the last finite weights.").format(
                cause[:1].upper() + cause[1:], kept),
            "stopped": translate("DivergenceBanner",
                                 "Playback stopped at step {0}, the last finite weights.")
            .format(kept),
            "key": lower_rate_advice(facts),
            "advice": _bullets(divergence_advice(divergence, facts)),
        }
        self.lower_button.setText(translate("DivergenceBanner", "Lower η ÷10 (→ {0})").format(
            number(facts.learning_rate / 10)))
        self._button_is_key = number(facts.learning_rate / 10) == number(
            suggested_learning_rate(facts.learning_rate, facts.l2, facts.optimizer, facts.hyper))
        self.more_button.setToolTip(self.whole_text())
        if self.popup is not None:
            self.popup.hide()
        self._show_form(self.form)
        self._fit()

    # ------------------------------------------------------------------ fitting
    def _show_form(self, form: str) -> None:
        """Put the texts of ``form`` (of FORMS) into the labels."""
        texts = self._texts
        if form == "brief":  # one paragraph: a line less than two
            message = translate("DivergenceBanner", "{0} {1}", "two sentences in a row").format(
                texts["stopped"], texts["key"])
            advice = ""
        elif form == "terse":  # the key advice on the Lower button, when it is the same
            message, advice = texts["stopped"] if self._button_is_key else texts["key"], ""
        else:
            message = texts["cause"]
            advice = _bullets([texts["key"]]) if form == "key" else texts["advice"]
        for label, text in ((self.message, message), (self.advice, advice)):
            if label.text() != text:
                label.setText(text)
        self.advice.setHidden(not advice)
        self.more_button.setVisible(form != "full")
        self.form = form

    def form_height(self, form: str, width: int) -> int:
        """The banner's height at ``width`` showing ``form`` (leaves the form shown as is)."""
        shown = self.form
        self._show_form(form)
        height = self.heightForWidth(width)
        self._show_form(shown)
        return height

    def room(self) -> float:
        """Px the banner may take: its parent's height less the least the other shown
        widgets of the parent's layout (the canvas) need, their gaps and the margins."""
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if layout is None:
            return float("inf")
        margins = layout.contentsMargins()
        used = margins.top() + margins.bottom()
        for index in range(layout.count()):
            widget = layout.itemAt(index).widget()
            if widget is not None and widget is not self and not widget.isHidden():
                used += layout.itemAt(index).minimumSize().height() + layout.spacing()
        return parent.height() - used

    def _fit(self, *_args) -> None:
        """Show the first form of FORMS that fits (see the class docstring)."""
        if not self._texts:
            return
        parent = self.parentWidget()
        if parent is not None and parent is not self._watched:
            parent.installEventFilter(self)
            self._watched = parent
        room, width = self.room(), self.width()
        if self.isHidden() and parent is not None and parent.layout() is not None:
            width = parent.layout().contentsRect().width()  # the width it will have
        limits = {"full": min(room, parent.height() * FULL_SHARE if parent else room),
                  "key": room, "brief": room}
        form = next((form for form in FORMS[:-1]
                     if self.form_height(form, width) <= limits[form]), FORMS[-1])
        heights = (self.form_height(form, width), self.form_height(FORMS[-1], width))
        self._show_form(form)
        if heights != self._heights:
            self._heights = heights
            self.updateGeometry()

    def sizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt naming)
        """Its layout's width; the height of the form shown at the banner's width."""
        hint = super().sizeHint()
        return QtCore.QSize(hint.width(), self._heights[0]) if self._heights else hint

    def minimumSizeHint(self) -> QtCore.QSize:  # noqa: N802 (Qt naming)
        """Its layout's least width; the height of the shortest form at the banner's width
        (the window does not shrink so far that it is cut)."""
        hint = super().minimumSizeHint()
        return QtCore.QSize(hint.width(), self._heights[1]) if self._heights else hint

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        """No: the banner gives its height itself (:meth:`_fit`, for its width). Reported to the
        window's layout, the height for width of its wrapped texts made the window grow
        (25 px at 1280×720 2×) although the form shown fitted."""
        return False

    def show_whole_text(self) -> None:
        """The More… pop-up: the whole text under the title, as wide as the banner."""
        if self.popup is None:
            self.popup = QtWidgets.QFrame(self, Qt.WindowType.Popup)
            self.popup.setObjectName("divergenceAdvice")
            self.popup.setStyleSheet("#divergenceAdvice { background: #FDECEA;"
                                     " border: 2px solid #C0392B; }"
                                     "#divergenceAdvice QLabel { color: #5A1A12; }")
            self.popup.label = QtWidgets.QLabel(self.popup)
            self.popup.label.setWordWrap(True)
            self.popup.label.setTextFormat(Qt.TextFormat.PlainText)
            QtWidgets.QVBoxLayout(self.popup).addWidget(self.popup.label)
        self.popup.label.setText(self.whole_text())
        width = max(self.width(), MIN_TEXT_WIDTH)
        self.popup.setFixedWidth(width)
        self.popup.setFixedHeight(self.popup.heightForWidth(width))
        self.popup.move(self.mapToGlobal(QtCore.QPoint(0, self.title.geometry().bottom())))
        self.popup.show()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if watched is self._watched and event.type() == QtCore.QEvent.Type.Resize \
                and self.isVisible():
            self._fit()
        return False


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)
