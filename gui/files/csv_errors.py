"""A CSV problem in words: ``core.csv_io.CsvError`` worded per code in the current language.

Core raises :class:`~core.csv_io.CsvError` with a ``code`` and the ``values`` its message cites
(file, line, column, cell, counts); its ``str()`` is English, for the command line. The import
dialog shows :func:`csv_error_text` instead, so a Chinese sentence never carries an English one.
The texts below use the same named fields as ``core.csv_io.CSV_MESSAGES`` (a test checks that
every code has one).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.csv_io import CsvError
from gui.common.i18n import translate

CONTEXT = "CsvError"

#: Code → English text with the error's named values (see ``core.csv_io.CSV_MESSAGES``).
CSV_ERROR_TEXTS = {
    "binary": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line 1: the file is binary, not UTF-8 text; expected a CSV file"),
    "not_utf8": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}: not UTF-8 text (byte 0x{byte}); save the file as "
                    "UTF-8 CSV"),
    "not_utf8_near": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: near line {line}: not UTF-8 text; save the file as UTF-8 CSV"),
    "empty": QT_TRANSLATE_NOOP("CsvError", "{file}: the file is empty"),
    "syntax": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line} is not valid CSV (a quote or a field is malformed)"),
    "no_column": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}: there is no column '{column}'; the columns are: "
                    "{columns}"),
    "repeated_column": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}: column '{column}' appears {count} times"),
    "too_few_fields": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line} has {fields} field(s), but the header has "
                    "{header_fields}"),
    "not_a_number": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}, column '{column}': '{cell}' is not a number"),
    "not_finite": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}, column '{column}': '{cell}' is not a finite number"),
    "too_large": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}, column '{column}': '{cell}' is too large; features "
                    "must lie within ±{limit}"),
    "text_target": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: line {line}, column '{column}': '{cell}' is not a number "
                    "(regression needs numeric targets)"),
    "too_many_labels": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: column '{column}' has more than {limit} different values and is "
                    "not numeric (line {line}: '{cell}'), so it cannot be the label"),
    "empty_column": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: column '{column}' has no values: all {rows} data rows are empty "
                    "or NA"),
    "too_few_rows": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: only {rows} usable data row(s) after dropping {dropped} with "
                    "empty/NA cells; at least 2 are needed"),
    "one_class": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: column '{column}' has only one class ('{cell}'); classification "
                    "needs at least 2"),
    "too_many_classes": QT_TRANSLATE_NOOP(
        "CsvError", "{file}: column '{column}' has {count} classes; at most {limit} are "
                    "supported"),
    "no_features": QT_TRANSLATE_NOOP("CsvError", "Choose at least one feature column."),
    "repeated_features": QT_TRANSLATE_NOOP("CsvError", "Choose two different feature columns."),
    "label_is_feature": QT_TRANSLATE_NOOP(
        "CsvError", "Column '{column}' cannot be both a feature and the label."),
}


def csv_error_text(error: BaseException) -> str:
    """``error`` in the current language: a :class:`CsvError` worded from its code and
    values; any other exception (an OSError, say) as ``str(error)``."""
    if isinstance(error, CsvError) and error.code in CSV_ERROR_TEXTS:
        return translate(CONTEXT, CSV_ERROR_TEXTS[error.code]).format(**error.values)
    return str(error)
