"""Refused settings in the current language, worded from the engine's codes.

``core.settings`` refuses a value with a :class:`~core.settings.SettingValueError` (a code from
``SETTING_VALUE_CODES``, the field and the values it cites), and ``core.comparison`` a run B
with a :class:`~core.comparison.ComparisonError` (a code from ``COMPARISON_MESSAGES`` and the
qualified setting keys). The sentences here are built from those codes and from the settings'
own labels (the declarations of ``core.settings``, translated in context "Settings"); the
engine's English text (``str(error)``, ``reason``) is never shown.
"""

from __future__ import annotations

from core.comparison import ComparisonError
from core.settings import SettingValueError
from gui.common.display_names import display_names, setting_label, value_text
from gui.common.i18n import translate


def value_reason(code: str | None, values: dict) -> str:
    """Why a value was refused (``SettingValueError.code`` and ``values``), as a clause in the
    current language; a general clause for None or an unknown code."""
    if code == "not_bool":
        return translate("SettingErrors", "it must be on or off")
    if code == "not_whole_number":
        return translate("SettingErrors", "it must be a whole number")
    if code == "not_number":
        return translate("SettingErrors", "it must be a number")
    if code == "out_of_range":
        low, high = values.get("minimum"), values.get("maximum")
        if low is not None and high is not None:
            return translate("SettingErrors", "it must be between {0} and {1}").format(
                value_text("", low), value_text("", high))
        if low is not None:
            return translate("SettingErrors", "it must be at least {0}").format(
                value_text("", low))
        return translate("SettingErrors", "it must be at most {0}").format(
            value_text("", high))
    if code == "not_a_choice":
        return translate("SettingErrors", "it must be one of: {0}").format(
            display_names(values.get("choices", ())))
    if code == "not_a_list":
        return translate("SettingErrors", "it must be a list")
    if code == "wrong_length":
        return translate("SettingErrors", "it must have {0} to {1} entries").format(
            values.get("shortest"), values.get("longest"))
    if code == "repeated_entry":
        return translate("SettingErrors", "an entry must not appear twice")
    if code == "shares_over_100":
        return translate("SettingErrors", "the training and validation shares add up to more "
                                          "than 100 %")
    if code == "activation_count":
        return translate("SettingErrors", "it lists {0} activations for {1} hidden "
                                          "layers").format(values.get("names"),
                                                           values.get("layers"))
    if code == "preset_task":
        return translate("SettingErrors", "the data set does not fit the task")
    return translate("SettingErrors", "it does not fit the other settings")


def setting_value_text(error: SettingValueError, section: str | None = None) -> str:
    """The sentence for a refused setting value, e.g. "Learning rate: it must be between
    1e-06 and 100"; with ``entry``: "Hidden layer sizes, layer 2: …"."""
    key = error.setting if section is None else f"{section}.{error.setting}"
    return _sentence(setting_label(key), error.entry, error.code, error.values)


def _sentence(label: str, entry, code, values) -> str:
    if entry is not None:
        label = translate("SettingErrors", "{0}, entry {1}").format(label, entry)
    return translate("SettingErrors", "{0}: {1}").format(label, value_reason(code, values))


def _labels(keys) -> str:
    return translate("SettingErrors", ", ").join(setting_label(key) for key in keys)


def comparison_error_text(error: ComparisonError, refusal=None) -> str:
    """The message for a refused run B, in the current language, from ``error.code`` and the
    setting keys it names. ``refusal``: the function wording an engine refusal code
    (``core.training_types.SettingRefused``), or None for a general sentence."""
    values = error.values
    if error.code == "refused":
        text = refusal(values.get("reason_code")) if refusal is not None else None
        return text or translate("SettingErrors", "Run B: {0} cannot be used with the other "
                                                  "settings").format(
            _labels(values.get("settings", ())))
    if error.code == "changes_points":
        return translate("SettingErrors", "Run B: {0} cannot differ between the runs: both use "
                                          "the same points and split").format(
            setting_label(values["key"]))
    if error.code == "invalid_value":
        setting = values.get("setting")
        label = setting_label(setting) if setting else _labels(values.get("settings", ()))
        return translate("SettingErrors", "Run B: {0}").format(_sentence(
            label, values.get("entry"), values.get("reason_code"),
            values.get("reason_values", {})))
    if error.code == "ambiguous_setting":
        return translate("SettingErrors", "Run B: {0} is a setting of several sections; write "
                                          "one of {1}").format(values["key"], values["choices"])
    return translate("SettingErrors", "Run B: unknown setting {0}").format(values["key"])
