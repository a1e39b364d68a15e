"""Controls built from the setting declarations of ``core.settings`` (label, doc, range, choices).

``make_control(info)`` returns a :class:`SettingControl`: a widget plus ``value()``,
``set_value(v)`` (with the widget's signals blocked, so a push from the controller causes no
feedback) and a ``changed(object)`` signal carrying the new value. The panels only arrange
controls and forward ``changed`` to the controller.

An entry that is done gives the keyboard back to the window (:class:`FocusReturn`, installed by
every control with a text field): the window's one-letter keys (F, B, U, S …) then run steps
again instead of being typed into the field.

Texts from ``core.settings`` (labels, docs, zero texts, choice names) are English data; they
are shown translated in context "Settings" (listed for lupdate in
``resources/translations/core_strings.py``) and follow a language switch at once. A choice
box shows translated item texts but its value is always its ``itemData``.
"""

from __future__ import annotations

import math

from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal

from core.settings import SettingInfo
from gui.common.display_names import display_name
from gui.common.i18n import manager, translate
from gui.common.number_format import number, parse_number

#: Learning-rate presets offered in the combo box (free entry is allowed too).
LEARNING_RATE_PRESETS = (1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)

#: Context of every text that comes from core metadata (see the module docstring).
SETTINGS_CONTEXT = "Settings"


def setting_text(text: str | None) -> str:
    """A text of ``core.settings`` / ``core.datasets`` (label, doc, zero text, choice or data
    set name) in the current language (context "Settings"); "" for None."""
    return translate("Settings", text) if text else ""


def label_text(label: str) -> str:
    """A form label "Learning rate:" in the current language."""
    return translate("SettingControls", "{0}:").format(setting_text(label))


def choice_text(choice, labels: dict | None = None) -> str:
    """The translated display name of a choice value (``labels`` first, then the shared
    table ``gui.common.display_names.CHOICE_LABELS``, else the value itself)."""
    return display_name(choice, labels)


def retranslate_choice_items(combo: QtWidgets.QComboBox, labels: dict | None = None) -> None:
    """Show the item texts of a combo whose itemData are choice values in the current language
    (no signal is emitted: the current index and the data stay)."""
    blocked = combo.blockSignals(True)
    for i in range(combo.count()):
        text = choice_text(combo.itemData(i), labels)
        if combo.itemText(i) != text:
            combo.setItemText(i, text)
    combo.blockSignals(blocked)


def format_number(value: float) -> str:
    """Compact text for a float: 0.03, 1e-05, 10."""
    return number(value)


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def has_text_field(widget: QtWidgets.QWidget) -> bool:
    """True for widgets that take typed text: line edits, spin boxes, editable combo boxes."""
    return isinstance(widget, (QtWidgets.QLineEdit, QtWidgets.QAbstractSpinBox)) or (
        isinstance(widget, QtWidgets.QComboBox) and widget.isEditable())


class FocusReturn(QtCore.QObject):
    """Gives the keyboard focus back to the widget's window once an entry is done: after Enter
    in the text field, or after a choice from a combo box's list (a click or Enter in the open
    list). Arrow keys, typing and Tab are untouched.

    The finishing event is first handled by the widget as usual (so the value is committed),
    then the focus moves — unless ``keep_focus()`` says otherwise (a rejected value stays in
    the field to be corrected). Installed as an event filter on the widget and its inner line
    edit (and on the list of a combo box); owned by the widget.
    """

    def __init__(self, widget: QtWidgets.QWidget,
                 keep_focus: Callable[[], bool] = lambda: False) -> None:
        super().__init__(widget)
        self.widget = widget
        self.keep_focus = keep_focus
        self._handling = False
        self._chosen = False
        for field in (widget, *widget.findChildren(QtWidgets.QLineEdit)):
            field.installEventFilter(self)
        self._list = self._list_viewport = None
        if isinstance(widget, QtWidgets.QComboBox):
            self._list = widget.view()
            self._list_viewport = self._list.viewport()
            self._list.installEventFilter(self)
            self._list_viewport.installEventFilter(self)
            widget.activated.connect(self._on_activated)

    def _on_activated(self, _index: int) -> None:
        self._chosen = True

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        kind = event.type()
        if self._handling:
            return False
        if kind == QtCore.QEvent.Type.KeyPress:
            if event.key() not in ENTER_KEYS:
                return False
            in_list = watched is self._list
        elif kind == QtCore.QEvent.Type.MouseButtonRelease:
            if watched is not self._list_viewport or self._list_viewport is None:
                return False
            in_list = True
        else:
            return False
        self._handling, self._chosen = True, False
        try:  # the widget (or its list) handles the event first: the value is taken
            QtWidgets.QApplication.sendEvent(watched, event)
        finally:
            self._handling = False
        if (self._chosen or not in_list) and not self.keep_focus():
            self.hand_back()
        return True

    def hand_back(self) -> None:
        """Move the focus from the widget (if it has it) to its window."""
        focus = QtWidgets.QApplication.focusWidget()
        if focus is not None and (focus is self.widget or self.widget.isAncestorOf(focus)):
            self.widget.window().setFocus(Qt.FocusReason.OtherFocusReason)


class _EscapeRestores(QtCore.QObject):
    """Esc in a field showing a rejected entry drops the typed text (the control's
    ``restore``); otherwise Esc is left alone."""

    def __init__(self, control: SettingControl) -> None:
        super().__init__(control)
        self.control = control
        for field in (control.widget, *control.widget.findChildren(QtWidgets.QLineEdit)):
            field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if (event.type() == QtCore.QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and self.control.error):
            self.control.restore()
            return True
        return False


def spin_number(box: QtWidgets.QAbstractSpinBox, text: str) -> float | None:
    """The number typed in a spin box (prefix, suffix and spaces removed); None when the text
    is not a finite number."""
    text = text.strip()
    for affix, cut in ((box.prefix().strip(), str.removeprefix),
                       (box.suffix().strip(), str.removesuffix)):
        if affix:
            text = cut(text, affix).strip()
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _lenient_validate(box, base_validate, text: str, pos: int):
    """A spin box's validation, except that a number outside the range is "Intermediate", not
    "Invalid": Qt would otherwise refuse the key that leaves the range (typing 99999 with a
    maximum of 239 would silently give 99). The control then says why it is rejected."""
    state, text, pos = base_validate(text, pos)
    if state == QtGui.QValidator.State.Invalid and spin_number(box, text) is not None:
        state = QtGui.QValidator.State.Intermediate
    return state, text, pos


class LenientSpinBox(QtWidgets.QSpinBox):
    """QSpinBox that lets any number be typed (see :func:`_lenient_validate`)."""

    def validate(self, text: str, pos: int):
        return _lenient_validate(self, super().validate, text, pos)


class LenientDoubleSpinBox(QtWidgets.QDoubleSpinBox):
    """QDoubleSpinBox that lets any number be typed (see :func:`_lenient_validate`)."""

    def validate(self, text: str, pos: int):
        return _lenient_validate(self, super().validate, text, pos)


class SettingControl(QtCore.QObject):
    """A widget for one setting. ``changed(value)`` fires on user edits only.

    Controls with a text field also emit ``inputRejected(message)`` when typed text is not a
    number in the allowed range, and ``inputRejected("")`` once the error is cleared (the user
    edits again, a value is taken, or Esc). While rejected, the typed text stays in the field
    (red box) and ``error_label`` — placed by :func:`add_rows` / the panels right under the
    field — says why; the setting keeps its value, and Esc shows that value again.
    """

    changed = Signal(object)
    inputRejected = Signal(str)

    def __init__(self, info: SettingInfo, widget: QtWidgets.QWidget) -> None:
        super().__init__(widget)
        self.info = info
        self.widget = widget
        #: the form label made by :func:`add_rows` (None for check boxes / other layouts)
        self.label: QtWidgets.QLabel | None = None
        widget.setToolTip(setting_text(info.doc))
        widget.setObjectName(f"setting_{info.name}")
        manager().languageChanged.connect(self.retranslate)  # bound: ends with the widget
        #: why the typed text was rejected ("" when it was not)
        self.error = ""
        #: shows ``error`` under the field (hidden when there is none); placed by the layout
        self.error_label = QtWidgets.QLabel()
        self.error_label.setObjectName(f"error_{info.name}")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020; font-weight: bold;")
        self.error_label.hide()
        #: the form holding ``error_label`` as a row (None: the label is shown/hidden itself)
        self.error_form: QtWidgets.QFormLayout | None = None
        self.focus_return = FocusReturn(widget, self._keeps_focus) \
            if has_text_field(widget) else None
        if has_text_field(widget):
            self._escape = _EscapeRestores(self)

    def _keeps_focus(self) -> bool:
        """True while a rejected entry is shown (it stays in the field to be corrected)."""
        return bool(getattr(self, "error", ""))

    def retranslate(self, _language: str = "") -> None:
        """Label, tooltip and special texts in the current language (value unchanged)."""
        self._retranslate_tip()
        if self.label is not None:
            self.label.setText(label_text(self.info.label))
            self.label.setToolTip(setting_text(self.info.doc))

    def value(self):
        raise NotImplementedError

    def _set(self, value) -> None:
        raise NotImplementedError

    def set_value(self, value) -> None:
        """Show `value` without emitting anything (signals blocked). While a rejected entry is
        shown, the typed text stays in the field (the value is still taken)."""
        typed = self.typed_text() if self.error else None
        blocked = self.widget.blockSignals(True)
        try:
            self._set(value)
            if typed is not None:
                self.put_text(typed)
        finally:
            self.widget.blockSignals(blocked)

    def text_field(self) -> QtWidgets.QLineEdit | None:
        """The line edit the user types into (None for check boxes and fixed choices)."""
        if isinstance(self.widget, QtWidgets.QLineEdit):
            return self.widget
        if has_text_field(self.widget):
            return self.widget.lineEdit()
        return None

    def typed_text(self) -> str:
        field = self.text_field()
        return field.text() if field is not None else ""

    def put_text(self, text: str) -> None:
        field = self.text_field()
        if field is not None:
            field.setText(text)

    def _show_error(self, message: str) -> None:
        """Reject the typed text visibly: red box, the reason under the field and in the
        tooltip, ``inputRejected(message)``. The text stays for correction."""
        self.error = message
        self.widget.setStyleSheet(ERROR_STYLE)
        self.widget.setToolTip(f"{message}\n\n{setting_text(self.info.doc)}")
        self.error_label.setText(message)
        self._show_error_label(True)
        self.inputRejected.emit(message)

    def _show_error_label(self, visible: bool) -> None:
        if self.error_form is not None and self.error_form.indexOf(self.error_label) >= 0:
            self.error_form.setRowVisible(self.error_label, visible)
        else:
            self.error_label.setVisible(visible)
        if visible:
            scroll = self._scroll_area()
            if scroll is not None:
                QtCore.QTimer.singleShot(0, self.error_label, lambda: scroll.ensureWidgetVisible(
                    self.error_label))

    def _scroll_area(self) -> QtWidgets.QScrollArea | None:
        parent = self.widget.parentWidget()
        while parent is not None and not isinstance(parent, QtWidgets.QScrollArea):
            parent = parent.parentWidget()
        return parent

    def clear_error(self) -> None:
        """Remove the red error state (no-op when there is none)."""
        if not self.error:
            return
        self.error = ""
        self.widget.setStyleSheet("")
        self.widget.setToolTip(setting_text(self.info.doc))
        self.error_label.clear()
        self._show_error_label(False)
        self.inputRejected.emit("")

    def restore(self) -> None:
        """Esc: drop the rejected text and show the setting's value again."""
        self.clear_error()
        self.set_value(self.value())

    def _retranslate_tip(self) -> None:
        if not self.error:  # a shown rejection keeps its message until the next edit
            self.widget.setToolTip(setting_text(self.info.doc))


class BoolControl(SettingControl):
    def __init__(self, info: SettingInfo) -> None:
        super().__init__(info, QtWidgets.QCheckBox(setting_text(info.label)))
        self.widget.toggled.connect(lambda on: self.changed.emit(bool(on)))

    def retranslate(self, _language: str = "") -> None:
        super().retranslate()
        self.widget.setText(setting_text(self.info.label))

    def value(self) -> bool:
        return self.widget.isChecked()

    def _set(self, value) -> None:
        self.widget.setChecked(bool(value))


def rejection_text(reason: str, current: str) -> str:
    """The message for a rejected entry: the reason (e.g. "Learning rate must be between 1e-06
    and 100", as the command line says it) and the value still in use."""
    return translate("SettingControls", "{0}. Still using {1}; Esc restores it.").format(
        reason, current)


def range_reason(label: str, low: str, high: str, whole: bool = False) -> str:
    """"Learning rate must be between 1e-06 and 100" in the current language (`label`: the
    English declaration label; `low`/`high`: shown numbers)."""
    if whole:
        return translate("SettingControls", "{0} must be a whole number between {1} and {2}"
                         ).format(setting_text(label), low, high)
    return translate("SettingControls", "{0} must be between {1} and {2}").format(
        setting_text(label), low, high)


class _SpinControl(SettingControl):
    """Shared by the spin-box controls. A typed number outside the box's range is never
    changed silently: it is rejected visibly (the text stays, the value too), or — with
    ``above_maximum`` set — a number above the maximum means that value (batch size: above the
    training-set size means 0, "full batch", as in ``core.training``)."""

    # the value a typed number above the maximum stands for; None: such a number is rejected
    above_maximum = None

    def _setup_entry(self) -> None:
        self._typed: str | None = None
        self.widget.lineEdit().textEdited.connect(self._edited)
        self.widget.editingFinished.connect(self._finished)

    def _edited(self, text: str) -> None:
        self._typed = text
        self.clear_error()

    def _shown(self, value: float) -> str:
        """``value`` (in the box's units) in a message: the number as one types it ("1000",
        not the box's "1000.00"), with the box's unit, and the box's word for its minimum
        after it where it has one ("0 (off)": a range "between off and 1000" reads wrong)."""
        box = self.widget
        text = f"{format_number(value)}{box.suffix()}"
        if box.specialValueText() and value == box.minimum():
            return translate("SettingControls", "{0} ({1})").format(text,
                                                                    box.specialValueText())
        return text

    def _finished(self) -> None:
        """After the spin box read the typed text (Enter or focus out): check it ourselves."""
        typed, self._typed = self._typed, None
        if typed is None:
            return
        box = self.widget
        value = spin_number(box, typed)
        if value is None:  # empty or the special text: the spin box shows its value
            return
        whole = isinstance(box, QtWidgets.QSpinBox)
        low, high = box.minimum(), box.maximum()
        if low <= value <= high and not whole and round(value, box.decimals()) != value:
            self._typed = typed  # more decimals than the box keeps: never rounded silently
            self.put_text(typed)
            self._show_error(rejection_text(
                translate("SettingControls", "{0} takes at most {1} decimals").format(
                    setting_text(self.info.label), box.decimals()),
                self._shown(box.value())))
            return
        if low <= value <= high and (not whole or value.is_integer()):
            if box.textFromValue(value) != box.textFromValue(box.value()):
                box.setValue(value)  # e.g. "5e1": a number Qt's own parser does not read
            self.clear_error()
            return
        if value > high and self.above_maximum is not None:
            self.clear_error()
            self.set_value(self.above_maximum)
            self.changed.emit(self.above_maximum)
            return
        self._typed = typed  # the next focus out checks it again
        self.put_text(typed)
        self._show_error(rejection_text(
            range_reason(self.info.label, self._shown(low), self._shown(high),
                         whole and not value.is_integer()),
            self._shown(box.value())))


class IntControl(_SpinControl):
    def __init__(self, info: SettingInfo) -> None:
        box = LenientSpinBox()
        box.setRange(int(info.minimum or 0), int(min(info.maximum or 2**31 - 1, 2**31 - 1)))
        box.setKeyboardTracking(False)
        if info.zero_text:
            box.setSpecialValueText(setting_text(info.zero_text))
        super().__init__(info, box)
        self._setup_entry()
        box.valueChanged.connect(lambda v: self.changed.emit(int(v)))

    def retranslate(self, _language: str = "") -> None:
        super().retranslate()
        if self.info.zero_text:
            self.widget.setSpecialValueText(setting_text(self.info.zero_text))

    def value(self) -> int:
        return int(self.widget.value())

    def _set(self, value) -> None:
        self.widget.setValue(int(value))


class FloatControl(_SpinControl):
    """A spin box; `percent=True` shows 0..1 as 0..100 %."""

    def __init__(self, info: SettingInfo, percent: bool = False, decimals: int = 4,
                 step: float = 0.01) -> None:
        box = LenientDoubleSpinBox()
        self.scale = 100.0 if percent else 1.0
        box.setDecimals(0 if percent else decimals)
        box.setRange((info.minimum or 0.0) * self.scale, (info.maximum or 1e9) * self.scale)
        box.setSingleStep(5.0 if percent else step)
        box.setKeyboardTracking(False)
        if percent:
            box.setSuffix(" %")
        if info.zero_text:
            box.setSpecialValueText(setting_text(info.zero_text))
        super().__init__(info, box)
        self._setup_entry()
        box.valueChanged.connect(lambda v: self.changed.emit(float(v) / self.scale))

    def retranslate(self, _language: str = "") -> None:
        super().retranslate()
        if self.info.zero_text:
            self.widget.setSpecialValueText(setting_text(self.info.zero_text))

    def value(self) -> float:
        return float(self.widget.value()) / self.scale

    def _set(self, value) -> None:
        self.widget.setValue(float(value) * self.scale)


class ChoiceControl(SettingControl):
    def __init__(self, info: SettingInfo, choices=None, labels: dict | None = None) -> None:
        combo = QtWidgets.QComboBox()
        super().__init__(info, combo)
        self.labels = labels
        self.set_choices(choices if choices is not None else info.choices, labels)
        combo.currentIndexChanged.connect(self._emit)

    def set_choices(self, choices, labels: dict | None = None) -> None:
        """Replace the offered choices (signals blocked); keeps the current one if allowed.
        Item texts are translated display names; the values are the items' data."""
        self.labels = labels
        current = self.value() if self.widget.count() else None
        blocked = self.widget.blockSignals(True)
        self.widget.clear()
        for choice in choices:
            self.widget.addItem(choice_text(choice, labels), choice)
        if current in choices:
            self._set(current)
        self.widget.blockSignals(blocked)

    def retranslate(self, _language: str = "") -> None:
        super().retranslate()
        retranslate_choice_items(self.widget, self.labels)

    def choices(self) -> list:
        return [self.widget.itemData(i) for i in range(self.widget.count())]

    def _emit(self, index: int) -> None:
        if index >= 0:
            self.changed.emit(self.widget.itemData(index))

    def value(self):
        return self.widget.currentData()

    def _set(self, value) -> None:
        index = self.choices().index(value) if value in self.choices() else -1
        self.widget.setCurrentIndex(index)


def parse_in_range(text: str, info: SettingInfo) -> tuple[float | None, str]:
    """Parse typed text literally as a float within ``[info.minimum, info.maximum]``.

    Returns ``(value, "")`` on success, else ``(None, reason)`` where `reason` says what is
    allowed (e.g. "Learning rate must be between 1e-06 and 100"). No completion, no clamping.
    """
    low = info.minimum if info.minimum is not None else -math.inf
    high = info.maximum if info.maximum is not None else math.inf
    allowed = range_reason(info.label, format_number(low), format_number(high))
    try:
        value = parse_number(text)  # "1,000" is 1000
    except ValueError:
        return None, translate("SettingControls", "“{0}” is not a number. {1}").format(
            text.strip(), allowed)
    if not (math.isfinite(value) and low <= value <= high):
        return None, allowed
    return value, ""


ERROR_STYLE = "background: #FDECEA; border: 2px solid #C0392B; color: #5A1A12;"


class _TextEntryControl(SettingControl):
    """Shared behaviour of the free-text numeric controls: literal parsing, range check and
    visible rejection (red box, reason under the field, ``inputRejected``); the typed text
    stays until it is corrected or Esc."""

    def _setup_text_entry(self, edit: QtWidgets.QLineEdit) -> None:
        self._edit = edit
        edit.textEdited.connect(lambda _text: self.clear_error())

    def _commit_text(self, text: str) -> None:
        if not text.strip():  # emptied box: just show the current value again
            self.clear_error()
            self.set_value(self._value)
            return
        value, reason = parse_in_range(text, self.info)
        if value is None:
            self._show_error(rejection_text(reason, format_number(self._value)))
            return
        changed = value != self._value
        self.clear_error()
        self.set_value(value)  # literal text → canonical text ("1.0" → "1"), preset selected
        if changed:
            self.changed.emit(value)

    def value(self) -> float:
        return self._value


class LearningRateControl(_TextEntryControl):
    """Editable combo box: presets 1e-5 … 10 plus free entry (validated on Enter/focus out).

    Typed text is taken literally: the completer is removed, so "1" means η = 1, never the
    first preset starting with "1" (1e-05). Out-of-range or non-numeric text is rejected
    visibly and the box reverts to the real current η.
    """

    def __init__(self, info: SettingInfo) -> None:
        combo = QtWidgets.QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        combo.setCompleter(None)  # no inline autocompletion of typed numbers
        for rate in LEARNING_RATE_PRESETS:
            combo.addItem(format_number(rate), rate)
        super().__init__(info, combo)
        self._value = float(info.default)
        self._setup_text_entry(combo.lineEdit())
        combo.activated.connect(lambda _i: self._commit())
        combo.lineEdit().editingFinished.connect(self._commit)

    def _commit(self) -> None:
        self._commit_text(self.widget.currentText())

    def _set(self, value) -> None:
        self._value = float(value)
        presets = [self.widget.itemData(i) for i in range(self.widget.count())]
        if self._value in presets:
            self.widget.setCurrentIndex(presets.index(self._value))
        self.widget.setEditText(format_number(self._value))

    def put_text(self, text: str) -> None:
        self.widget.setEditText(text)


class ScientificControl(_TextEntryControl):
    """A line edit for tiny positive floats (ε): free entry in scientific notation, validated
    like the learning rate (visible rejection, revert to the real value)."""

    def __init__(self, info: SettingInfo) -> None:
        edit = QtWidgets.QLineEdit()
        super().__init__(info, edit)
        self._value = float(info.default)
        self._setup_text_entry(edit)
        edit.editingFinished.connect(self._commit)

    def _commit(self) -> None:
        self._commit_text(self.widget.text())

    def _set(self, value) -> None:
        self._value = float(value)
        self.widget.setText(format_number(self._value))


def make_control(info: SettingInfo, **options) -> SettingControl:
    """The default control for a declaration: bool → check box, int/float → spin box,
    log-scale float → learning-rate combo / scientific entry, choice → combo box."""
    if info.kind == "bool":
        return BoolControl(info)
    if info.kind == "int":
        control = IntControl(info)
        if info.name == "batch_size":  # ≥ n is the full batch (core.training)
            control.above_maximum = 0
        return control
    if info.kind == "float":
        if info.log_scale:
            return LearningRateControl(info) if info.name == "learning_rate" else \
                ScientificControl(info)
        return FloatControl(info, **options)
    if info.kind == "choice":
        return ChoiceControl(info, **options)
    raise ValueError(f"no default control for a setting of kind {info.kind!r} ({info.name})")


def add_rows(form: QtWidgets.QFormLayout, controls: dict[str, SettingControl]) -> None:
    """Add each control to a form with its declared label (check boxes span the row), and
    under a text field the (hidden) row that says why typed text was rejected."""
    for control in controls.values():
        if isinstance(control, BoolControl):
            form.addRow(control.widget)
        else:
            form.addRow(make_label(control), control.widget)
            add_error_row(form, control)


def add_error_row(form: QtWidgets.QFormLayout, control: SettingControl) -> None:
    """Put ``control.error_label`` in `form` as a hidden full-width row (after the rows there
    are: call it right after adding the control's row)."""
    if control.text_field() is None:
        return
    form.addRow(control.error_label)
    form.setRowVisible(control.error_label, False)
    control.error_form = form


def make_label(control: SettingControl) -> QtWidgets.QLabel:
    """The form label of ``control`` ("Learning rate:", tooltip = doc); the control keeps it
    translated."""
    label = QtWidgets.QLabel(label_text(control.info.label))
    label.setToolTip(setting_text(control.info.doc))
    control.label = label
    return label
