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

from PySide6 import QtCore, QtWidgets
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


class SettingControl(QtCore.QObject):
    """A widget for one setting. ``changed(value)`` fires on user edits only.

    Free-text controls also emit ``inputRejected(message)`` when typed text is not a number in
    the declared range (the widget then shows the real current value again), and
    ``inputRejected("")`` once the error is cleared (the user edits again or a value is taken).
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
        self.focus_return = FocusReturn(widget, self._keeps_focus) \
            if has_text_field(widget) else None

    def _keeps_focus(self) -> bool:
        """True while a rejected entry is shown (it stays in the field to be corrected)."""
        return bool(getattr(self, "error", ""))

    def retranslate(self, _language: str = "") -> None:
        """Label, tooltip and special texts in the current language (value unchanged)."""
        self._retranslate_tip()
        if self.label is not None:
            self.label.setText(label_text(self.info.label))
            self.label.setToolTip(setting_text(self.info.doc))

    def _retranslate_tip(self) -> None:
        self.widget.setToolTip(setting_text(self.info.doc))

    def value(self):
        raise NotImplementedError

    def _set(self, value) -> None:
        raise NotImplementedError

    def set_value(self, value) -> None:
        """Show `value` without emitting anything (signals blocked)."""
        blocked = self.widget.blockSignals(True)
        try:
            self._set(value)
        finally:
            self.widget.blockSignals(blocked)


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


class IntControl(SettingControl):
    def __init__(self, info: SettingInfo) -> None:
        box = QtWidgets.QSpinBox()
        box.setRange(int(info.minimum or 0), int(min(info.maximum or 2**31 - 1, 2**31 - 1)))
        box.setKeyboardTracking(False)
        if info.zero_text:
            box.setSpecialValueText(setting_text(info.zero_text))
        super().__init__(info, box)
        box.valueChanged.connect(lambda v: self.changed.emit(int(v)))

    def retranslate(self, _language: str = "") -> None:
        super().retranslate()
        if self.info.zero_text:
            self.widget.setSpecialValueText(setting_text(self.info.zero_text))

    def value(self) -> int:
        return int(self.widget.value())

    def _set(self, value) -> None:
        self.widget.setValue(int(value))


class FloatControl(SettingControl):
    """A spin box; `percent=True` shows 0..1 as 0..100 %."""

    def __init__(self, info: SettingInfo, percent: bool = False, decimals: int = 4,
                 step: float = 0.01) -> None:
        box = QtWidgets.QDoubleSpinBox()
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
    allowed = translate("SettingControls", "{0} must be between {1} and {2}").format(
        setting_text(info.label), format_number(low), format_number(high))
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
    """Shared behaviour of the free-text numeric controls: literal parsing, range check,
    visible rejection (red box + tooltip + ``inputRejected``) and revert to the real value."""

    def _setup_text_entry(self, edit: QtWidgets.QLineEdit) -> None:
        self._edit = edit
        self.error = ""
        edit.textEdited.connect(lambda _text: self.clear_error())

    def _show_error(self, message: str) -> None:
        self.error = message
        self.widget.setStyleSheet(ERROR_STYLE)
        self.widget.setToolTip(f"{message}\n\n{setting_text(self.info.doc)}")
        self.inputRejected.emit(message)

    def _retranslate_tip(self) -> None:
        if not self.error:  # a shown rejection keeps its message until the next edit
            super()._retranslate_tip()

    def clear_error(self) -> None:
        """Remove the red error state (no-op when there is none)."""
        if not self.error:
            return
        self.error = ""
        self.widget.setStyleSheet("")
        self.widget.setToolTip(setting_text(self.info.doc))
        self.inputRejected.emit("")

    def _commit_text(self, text: str) -> None:
        if not text.strip():  # emptied box: just show the current value again
            self.set_value(self._value)
            return
        value, reason = parse_in_range(text, self.info)
        if value is None:
            self.set_value(self._value)
            self._show_error(translate("SettingControls", "{0} — kept {1}.").format(
                reason, format_number(self._value)))
            return
        changed = value != self._value
        self.set_value(value)  # literal text → canonical text ("1.0" → "1"), preset selected
        if changed:
            self.clear_error()
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
        return IntControl(info)
    if info.kind == "float":
        if info.log_scale:
            return LearningRateControl(info) if info.name == "learning_rate" else \
                ScientificControl(info)
        return FloatControl(info, **options)
    if info.kind == "choice":
        return ChoiceControl(info, **options)
    raise ValueError(f"no default control for a setting of kind {info.kind!r} ({info.name})")


def add_rows(form: QtWidgets.QFormLayout, controls: dict[str, SettingControl]) -> None:
    """Add each control to a form with its declared label (check boxes span the row)."""
    for control in controls.values():
        if isinstance(control, BoolControl):
            form.addRow(control.widget)
        else:
            form.addRow(make_label(control), control.widget)


def make_label(control: SettingControl) -> QtWidgets.QLabel:
    """The form label of ``control`` ("Learning rate:", tooltip = doc); the control keeps it
    translated."""
    label = QtWidgets.QLabel(label_text(control.info.label))
    label.setToolTip(setting_text(control.info.doc))
    control.label = label
    return label
