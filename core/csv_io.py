"""CSV import and export with Python's ``csv`` module.

* Encoding UTF-8; a byte-order mark is accepted ("utf-8-sig").
* The delimiter (one of :data:`DELIMITERS`: ``,`` ``;`` tab ``|``) is detected with
  ``csv.Sniffer`` and cross-checked against the header, because the sniffer prefers ``,`` when
  a ``;`` file uses decimal commas ("1,5;2,3") (:func:`detect_delimiter`); a caller may give it
  instead. How a file was read is data (:class:`CsvDialect`), never a sentence.
* With ``;`` as delimiter a decimal comma is accepted ("3,5" → 3.5).
* Cells that are empty, "NA", "N/A", "NaN", "null" or "None" (any case) count as missing;
  rows with a missing cell in a chosen column are dropped and counted.
* Every problem raises :class:`CsvError` (a ValueError) naming the line and, where there is
  one, the column: its ``str()`` is an English sentence (command line, logs), its ``code`` and
  ``values`` let a front end word it in its own language (:data:`CSV_MESSAGES` lists them).
* :func:`guess_columns` proposes feature and label columns from the first rows (the import
  dialog shows the proposal; it never decides anything itself).

Rows are streamed in chunks of ``CHUNK_ROWS``: per chosen column only one compact
``array('d')`` is kept, never a Python object per cell, so a 1,000,000-row file imports in a
few seconds (``benchmarks/bench_import.py``). ``read_csv(..., progress=callback)`` reports after
every chunk, so a caller (the GUI) can keep its window responsive and offer to cancel.
"""

from __future__ import annotations

import csv
import math
import os
import re
from array import array
from collections.abc import Callable, Sequence
from itertools import islice
from typing import NamedTuple

import numpy as np

from core.data_types import MAX_CLASSES, MAX_FEATURE_MAGNITUDE, TASKS, Dataset

MISSING = frozenset({"", "na", "n/a", "nan", "null", "none"})
_SAMPLE_CHARS = 64 * 1024
#: Delimiter → its code (a front end words the code), in the order a front end offers them.
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SAMPLE_LINES = 50
# Distinct label strings tracked before a column is declared "not a class label".
_MAX_TRACKED_LABELS = 10_000
#: Data rows read and converted at a time; ``read_csv``'s progress callback runs after each.
CHUNK_ROWS = 8192


class ReadCancelled(Exception):
    """``read_csv`` stopped because its progress callback returned False."""


#: Code of every CSV problem → its English message; ``{name}`` fields are the error's values
#: (file: the file's base name; line: 1-based physical line; column: a column name; cell: the
#: cell's text; count, rows, dropped, fields, header_fields, limit: integers, except the limit
#: of too_large, the bound as text "1e+75"; byte: two hex digits; columns: column names joined
#: by ", "; detail: the csv module's own words).
CSV_MESSAGES = {
    "binary": "{file}: line 1: the file is binary, not UTF-8 text; expected a CSV file",
    "not_utf8": "{file}: line {line}: not UTF-8 text (byte 0x{byte}); save the file as UTF-8 CSV",
    "not_utf8_near": "{file}: near line {line}: not UTF-8 text; save the file as UTF-8 CSV",
    "empty": "{file}: the file is empty",
    "syntax": "{file}: line {line}: {detail}",
    "no_column": "{file}: line {line}: no column '{column}'; columns are: {columns}",
    "repeated_column": "{file}: line {line}: column '{column}' appears {count} times",
    "too_few_fields": "{file}: line {line}: {fields} field(s), but the header has "
                      "{header_fields}",
    "not_a_number": "{file}: line {line}, column '{column}': '{cell}' is not a number",
    "not_finite": "{file}: line {line}, column '{column}': '{cell}' is not a finite number",
    "too_large": "{file}: line {line}, column '{column}': '{cell}' is too large; features "
                 "must lie within ±{limit}",
    "text_target": "{file}: line {line}, column '{column}': '{cell}' is not a number "
                   "(regression needs numeric targets)",
    "too_many_labels": "{file}: column '{column}' has more than {limit} distinct values and is "
                       "not numeric (line {line}: '{cell}'); it cannot be a label",
    "empty_column": "{file}: column '{column}' has no values: all {rows} data rows are empty "
                    "or NA",
    "too_few_rows": "{file}: only {rows} usable data row(s) after dropping {dropped} with "
                    "empty/NA cells; need at least 2",
    "one_class": "{file}: column '{column}' has only one class ('{cell}'); classification "
                 "needs at least 2",
    "too_many_classes": "{file}: column '{column}' has {count} classes; at most {limit} are "
                        "supported",
    "no_features": "choose at least one feature column",
    "repeated_features": "feature columns must not repeat, got {columns}",
    "label_is_feature": "column '{column}' cannot be both a feature and the label",
}


class CsvError(ValueError):
    """A problem with a CSV file or with the columns chosen from it.

    code: a key of :data:`CSV_MESSAGES`; values: the numbers and names its message cites
    (a dict, see :data:`CSV_MESSAGES`). ``str(error)`` is the English message.
    """

    def __init__(self, code: str, **values) -> None:
        self.code = code
        self.values = values
        super().__init__(CSV_MESSAGES[code].format(**values))


class DelimiterGuess(NamedTuple):
    """What :func:`detect_delimiter` found. ``delimiter``: a key of :data:`DELIMITERS`;
    ``source``: "detected" (found in the text) or "assumed" (nothing was: the comma)."""

    delimiter: str
    source: str


class CsvDialect(NamedTuple):
    """How :func:`csv_columns` read a file. ``delimiter``: a key of :data:`DELIMITERS`;
    ``delimiter_source``: "detected", "assumed" (see :class:`DelimiterGuess`) or "chosen" (given
    by the caller); ``decimal_comma``: ``;``-separated with a decimal comma in the preview;
    ``bom``: the file starts with a UTF-8 byte-order mark."""

    delimiter: str
    delimiter_source: str
    decimal_comma: bool
    bom: bool


def detect_delimiter(lines: Sequence[str]) -> DelimiterGuess:
    """The delimiter of the CSV text ``lines`` (the first lines of a file, header first).

    ``csv.Sniffer`` restricted to :data:`DELIMITERS` proposes one; a delimiter that splits every
    non-blank line into the header's number (at least 2) of fields wins, the proposal first,
    then in :data:`DELIMITERS` order (the sniffer proposes ``,`` for "1,5;2,3"). Failing that,
    the proposal counts as detected (a ragged file then reports its short line), and with no
    proposal either (one column, prose) the comma is assumed. Pure: no file access.
    """
    lines = list(lines[:_SAMPLE_LINES])
    try:
        proposal = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITERS))
        sniffed: str | None = proposal.delimiter
    except csv.Error:  # "Could not determine delimiter"
        sniffed = None
    for delimiter in [d for d in (sniffed,) if d] + [d for d in DELIMITERS if d != sniffed]:
        rows = [row for row in csv.reader(lines, delimiter=delimiter) if row]
        if rows and len(rows[0]) >= 2 and all(len(r) == len(rows[0]) for r in rows):
            return DelimiterGuess(delimiter, "detected")
    return DelimiterGuess(sniffed, "detected") if sniffed else DelimiterGuess(",", "assumed")


def _sample(path) -> tuple[list[str], bool]:
    """The first lines of the file (at most ``_SAMPLE_CHARS``) and whether it has a BOM;
    CsvError for an empty or non-text file."""
    with open(path, "rb") as f:
        head = f.read(_SAMPLE_CHARS)
    has_bom = head.startswith(b"\xef\xbb\xbf")
    if b"\x00" in head:
        raise CsvError("binary", file=os.path.basename(path))
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a multi-byte character cut by the sample
            line = head[: error.start].count(b"\n") + 1
            raise CsvError("not_utf8", file=os.path.basename(path), line=line,
                           byte=f"{head[error.start]:02x}") from None
        text = head[: error.start].decode("utf-8-sig")
    if not text.strip():
        raise CsvError("empty", file=os.path.basename(path))
    lines = text.splitlines()
    if len(head) == _SAMPLE_CHARS and len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut off
    return lines[:_SAMPLE_LINES], has_bom


def _delimiter(path, delimiter: str | None) -> tuple[str, str, bool]:
    """(delimiter, its source, has_bom): ``delimiter`` itself ("chosen") or the detected one.
    ValueError for a delimiter not in :data:`DELIMITERS`; CsvError as :func:`_sample`."""
    if delimiter is not None and delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be None or one of {list(DELIMITERS)}, "
                         f"got {delimiter!r}")
    lines, has_bom = _sample(path)
    if delimiter is not None:
        return delimiter, "chosen", has_bom
    return (*detect_delimiter(lines), has_bom)


def _open_rows(path, delimiter):
    f = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the caller
    return f, csv.reader(f, delimiter=delimiter)


def _read_error(path, reader, error) -> CsvError:
    line = reader.line_num + 1
    if isinstance(error, UnicodeDecodeError):
        return CsvError("not_utf8_near", file=os.path.basename(path), line=line)
    return CsvError("syntax", file=os.path.basename(path), line=line, detail=str(error))


def _header(path, reader) -> list[str]:
    for row in reader:
        if any(cell.strip() for cell in row):
            return [cell.strip() for cell in row]
    raise CsvError("empty", file=os.path.basename(path))


def csv_columns(path, max_rows: int = 20, delimiter: str | None = None
                ) -> tuple[list[str], list[list[str]], CsvDialect]:
    """Preview a CSV: ``(header, first max_rows data rows, how it was read)``.

    ``delimiter`` None detects it (:func:`detect_delimiter`); else a key of :data:`DELIMITERS`
    to read the file with. Only the first rows are read, so this is fast for any file size.
    Raises ValueError like :func:`read_csv` (empty, binary or non-UTF-8 file) and OSError if it
    cannot be opened.
    """
    delimiter, source, has_bom = _delimiter(path, delimiter)
    f, reader = _open_rows(path, delimiter)
    with f:
        try:
            header = _header(path, reader)
            rows = []
            for row in reader:
                if len(rows) >= max_rows:
                    break
                if row:
                    rows.append([cell.strip() for cell in row])
        except (UnicodeDecodeError, csv.Error) as error:
            raise _read_error(path, reader, error) from None
    decimal_comma = delimiter == ";" and any(_is_decimal_comma(cell) for row in rows
                                             for cell in row)
    return header, rows, CsvDialect(delimiter, source, decimal_comma, has_bom)


# -- guessing the columns ----------------------------------------------------------------------
#: Words of a column name that suggest the thing to predict (whole words, any case; camelCase,
#: spaces, "_" and punctuation separate words): "Species", "class_label", "Target (y)".
TARGET_WORDS = frozenset({"species", "class", "classes", "label", "labels", "target", "targets",
                          "y"})
#: An integer column whose value goes up by exactly 1 from one row to the next in at least this
#: share of the rows is a row number (a restart per group, as in the raw penguins file, allowed).
ID_STEP_SHARE = 0.9
#: An integer column is an id when every one of at least this many values differs.
ID_UNIQUE_MIN_VALUES = 20


class ColumnGuess(NamedTuple):
    """The proposal of :func:`guess_columns`. ``why_no_label`` is a code, not a sentence:
    ``()`` when a label was guessed, ``("one column",)`` when the header has a single column
    (nothing to learn from: perhaps the delimiter is another), ``("one class", column, value)``
    when a text column holds a single value, else ``("no values",)``."""

    features: list[str]
    label: str | None
    why_no_label: tuple[str, ...]


def _is_number_text(cell: str) -> bool:
    try:
        float(cell.strip().replace(",", "."))
    except ValueError:
        return False
    return True


def _name_words(name: str) -> set[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    return set(re.findall(r"[a-z0-9]+", spaced.lower()))


def _is_id_like(values: list[str], numeric: bool) -> bool:
    """Consecutive integers (row numbers), or integers (or text) that differ in every row."""
    if numeric:
        numbers = np.array([float(v.strip().replace(",", ".")) for v in values])
        if numbers.size < 3 or not np.all(np.isfinite(numbers)) \
                or not np.all(numbers == np.round(numbers)):
            return False
        if np.mean(np.diff(numbers) == 1.0) >= ID_STEP_SHARE:
            return True
        return numbers.size >= ID_UNIQUE_MIN_VALUES and np.unique(numbers).size == numbers.size
    return len(values) > MAX_CLASSES and len(set(values)) == len(values)


def guess_columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> ColumnGuess:
    """Propose feature and label columns from the first data ``rows`` (lists of cell texts) of a
    CSV file with column names ``header``. Pure: no file access.

    Label, first rule that finds one (a text column is one with a non-number value; "named"
    means its name has a TARGET_WORDS word; among several, the last in the file):
      1. a named text column with 2..MAX_CLASSES distinct values;
      2. else the last text column with 2..MAX_CLASSES distinct values (columns that are empty
         in more than half of the rows only if there is no other);
      3. else a named text column with more distinct values (the import then says why it
         cannot be a label);
      4. else, unless a named text column exists (e.g. a "species" column with one value:
         the dialog then says so), a named numeric column with at least 2 distinct values
         (the last: in "x, y, label", the label);
      5. else, when every text column is id-like, the last numeric column with at least 2
         distinct values;
      6. else the first text column with more than MAX_CLASSES distinct values.
    Never: an empty/NA column, a single-valued one, or an id-like one. Id-like: integers that
    go up by 1 from row to row (ID_STEP_SHARE), or values that all differ (integers, at least
    ID_UNIQUE_MIN_VALUES of them; text, more than MAX_CLASSES).

    A single column is neither: no features, no label, ``why_no_label`` ``("one column",)``.

    Features: up to 2 numeric columns other than the label and not id-like, in file order, those
    with at least 2 distinct values first; else the first other column that is not id-like;
    else none. Returns a :class:`ColumnGuess` of column names.
    """
    header = [str(name) for name in header]
    n_columns = len(header)
    if n_columns < 2:
        return ColumnGuess([], None, ("one column",))
    columns = [[row[c] for row in rows if c < len(row) and row[c].strip().lower() not in MISSING]
               for c in range(n_columns)]
    distinct = [len(set(values)) for values in columns]
    numeric = [bool(values) and all(map(_is_number_text, values)) for values in columns]
    text = [c for c in range(n_columns) if columns[c] and not numeric[c]]
    id_like = [bool(columns[c]) and _is_id_like(columns[c], numeric[c]) for c in range(n_columns)]
    named = [bool(_name_words(name) & TARGET_WORDS) for name in header]
    mostly_empty = [2 * len(columns[c]) < len(rows) for c in range(n_columns)]

    classes = [c for c in text if 2 <= distinct[c] <= MAX_CLASSES]
    many = [c for c in text if distinct[c] > MAX_CLASSES and not id_like[c]]
    numbers = [c for c in range(n_columns) if numeric[c] and distinct[c] >= 2 and not id_like[c]]
    named_text = any(named[c] for c in text)
    candidates = (
        [c for c in classes if named[c]][-1:]
        or [c for c in classes if not mostly_empty[c]][-1:]
        or classes[-1:]
        or [c for c in many if named[c]][-1:]
        or ([c for c in numbers if named[c]][-1:] if not named_text else [])
        or (numbers[-1:] if all(id_like[c] for c in text) else [])
        or many[:1])
    label = candidates[0] if candidates else None
    why: tuple[str, ...] = ()
    if label is None:
        single = [c for c in text if distinct[c] == 1]
        why = ("one class", header[single[0]], columns[single[0]][0]) if single else \
            ("no values",)
    usable = [c for c in range(n_columns) if c != label and not id_like[c]]
    features = sorted((c for c in usable if numeric[c]), key=lambda c: distinct[c] < 2)[:2]
    if not features:
        features = usable[:1]
    return ColumnGuess([header[c] for c in features],
                       None if label is None else header[label], why)


def _is_decimal_comma(cell: str) -> bool:
    head, sep, tail = cell.partition(",")
    return bool(sep) and head.lstrip("+-").isdigit() and tail.isdigit()


def _column_index(file_name: str, header: list[str], header_line: int, column: str) -> int:
    matches = [i for i, name in enumerate(header) if name == column]
    if not matches:
        raise CsvError("no_column", file=file_name, line=header_line, column=column,
                       columns=", ".join(header))
    if len(matches) > 1:
        raise CsvError("repeated_column", file=file_name, line=header_line, column=column,
                       count=len(matches))
    return matches[0]


class _ColumnAccumulator:
    """Collects the chosen columns of the data rows into compact arrays, chunk by chunk.

    A chunk is first parsed column-wise with NumPy (fast path); if any cell is missing,
    malformed or non-finite, the chunk is re-read row by row (slow path), which drops NA
    rows and raises the precise error. Label strings get a first-seen code while there are
    at most ``_MAX_TRACKED_LABELS`` distinct ones; numeric labels are also kept as numbers.
    """

    def __init__(self, name, header, header_line, features, label, decimal_comma):
        self.name, self.features, self.label = name, features, label
        self.n_header, self.decimal_comma = len(header), decimal_comma
        self.feature_index = [_column_index(name, header, header_line, c) for c in features]
        self.label_index = _column_index(name, header, header_line, label)
        self.column_index = [*self.feature_index, self.label_index]
        self.needed = max(self.feature_index + [self.label_index]) + 1
        self.columns = [array("d") for _ in features]
        self.present = [0] * len(features)  # non-missing cells per feature column
        self.numbers = array("d")  # numeric value of each label, NaN if it is text
        self.label_codes = array("q")
        self.codes: dict[str, int] | None = {}
        self.first_text_label: tuple[int, str] | None = None
        self.dropped = 0

    def add_chunk(self, first_line: int, last_line: int, rows: list[list[str]]) -> None:
        """Add rows read from physical lines first_line..last_line (1-based, inclusive)."""
        if not self._add_fast(first_line, last_line, rows):
            lines = _line_numbers(first_line, last_line, rows)
            for line, row in zip(lines, rows, strict=True):
                if row:  # skip blank lines
                    self._add_row(line, row)

    def _add_fast(self, first_line, last_line, rows) -> bool:
        if min(map(len, rows)) < self.needed:
            return False  # a blank or short row: handled (or reported) row by row
        cells = [[row[i] for row in rows] for i in self.column_index]
        parsed = []
        for column in cells[:-1]:
            if self.decimal_comma:
                column = [cell.replace(",", ".") for cell in column]
            try:
                values = np.array(column, dtype=np.float64)
            except ValueError:
                return False
            if not np.all(np.abs(values) <= MAX_FEATURE_MAGNITUDE):  # also inf and NaN
                return False  # the row-by-row path names the cell
            parsed.append(values)
        try:
            numbers = np.array(cells[-1], dtype=np.float64)
        except ValueError:
            numbers = None  # text labels (or a decimal comma, or a missing cell)
        if numbers is not None:
            if not np.all(np.isfinite(numbers)):
                return False
            uniques, inverse = np.unique(numbers, return_inverse=True)
            keys = [_format_number(v) for v in uniques.tolist()] if self.codes is not None else []
        else:
            labels = np.array([cell.strip() for cell in cells[-1]])
            uniques, inverse = np.unique(labels, return_inverse=True)
            keys = uniques.tolist()
            if any(text.lower() in MISSING for text in keys):
                return False
            numbers_of_uniques = np.array([_try_number(t, self.decimal_comma) for t in keys])
            if np.any(np.isinf(numbers_of_uniques)):
                return False
            numbers = numbers_of_uniques[inverse]
            is_text = np.isnan(numbers)
            if self.first_text_label is None and np.any(is_text):
                first = int(np.argmax(is_text))
                line = _line_numbers(first_line, last_line, rows)[first]
                self.first_text_label = (line, str(labels[first]))
        for k, values in enumerate(parsed):
            self.columns[k].frombytes(values.tobytes())
            self.present[k] += values.size
        self.numbers.frombytes(numbers.tobytes())
        self._add_codes(keys, inverse.reshape(-1))
        return True

    def _add_row(self, line: int, row: list[str]) -> None:
        if len(row) < self.needed:
            raise CsvError("too_few_fields", file=self.name, line=line, fields=len(row),
                           header_fields=self.n_header)
        values, missing = [], False
        for k, i in enumerate(self.feature_index):
            cell = row[i].strip()
            if cell.lower() in MISSING:
                missing = True
                continue
            self.present[k] += 1
            values.append(_number(cell, self.decimal_comma, self.name, line, self.features[k]))
        text = row[self.label_index].strip()
        if missing or text.lower() in MISSING:
            self.dropped += 1
            return
        number = _try_number(text, self.decimal_comma)
        if math.isinf(number):
            raise CsvError("not_finite", file=self.name, line=line, column=self.label,
                           cell=text)
        for column, value in zip(self.columns, values, strict=True):
            column.append(value)
        self.numbers.append(number)
        if math.isnan(number) and self.first_text_label is None:
            self.first_text_label = (line, text)
        key = text if math.isnan(number) else _format_number(number)
        self._add_codes([key], np.zeros(1, dtype=np.int64))

    def _add_codes(self, uniques: list[str], inverse: np.ndarray) -> None:
        if self.codes is not None:
            mapped = np.array([self.codes.setdefault(t, len(self.codes)) for t in uniques],
                              dtype=np.int64)
            self.label_codes.frombytes(mapped[inverse].tobytes())
            if len(self.codes) > _MAX_TRACKED_LABELS:
                self.codes = None  # far too many to be classes; only numbers can work now
        if self.codes is None and self.first_text_label is not None:
            line, text = self.first_text_label
            raise CsvError("too_many_labels", file=self.name, column=self.label,
                           limit=_MAX_TRACKED_LABELS, line=line, cell=text)


def _line_numbers(first_line: int, last_line: int, rows: list[list[str]]) -> list[int]:
    """The physical line on which each row starts (rows may span lines in quoted fields)."""
    if last_line - first_line + 1 == len(rows):
        return list(range(first_line, last_line + 1))
    lines, line = [], first_line
    for row in rows:
        lines.append(line)
        line += 1 + sum(cell.count("\n") for cell in row)
    return lines


def read_csv(path, features: Sequence[str], label: str, task: str | None = None,
             progress: Callable[[int, float], bool | None] | None = None,
             delimiter: str | None = None) -> Dataset:
    """Import the ``features`` columns and the ``label`` column of a CSV file with a header.

    Returns a :class:`Dataset`: X (n, len(features)) float64; for classification y (n,)
    int64 with classes in sorted label order (numbers sorted numerically, strings
    alphabetically) and ``class_names`` the original labels; for regression y (n,) float64.
    ``dropped_rows`` counts rows with an empty/NA cell in a chosen column.

    ``task`` None infers: string labels, or at most 8 distinct integer labels →
    classification; otherwise regression.

    Raises :class:`CsvError` (a ValueError with ``code`` and ``values``), citing line and
    column, for: an empty or binary/non-UTF-8 file, a missing or repeated column name, a
    non-numeric or infinite feature cell, a feature cell beyond ±:data:`MAX_FEATURE_MAGNITUDE`
    (it would overflow in standardization), a row with too few fields, an all-NA column, fewer
    than 2 usable rows, only one class, more than 8 classes, or string labels with
    task="regression". OSError if the file cannot be opened.

    ``progress``, if given, is called after every chunk of :data:`CHUNK_ROWS` data rows as
    ``progress(rows_read, fraction)``: rows read so far (int) and the share of the file's
    bytes read (float in [0, 1]). Returning False stops the reading: :class:`ReadCancelled`
    is raised and nothing is returned.

    ``delimiter`` None detects it (:func:`detect_delimiter`); else a key of :data:`DELIMITERS`
    (ValueError for another).
    """
    name = os.path.basename(path)
    features = [features] if isinstance(features, str) else list(features)
    if task is not None and task not in TASKS:
        raise ValueError(f"task must be None or one of {', '.join(TASKS)}, got {task!r}")
    if not features:
        raise CsvError("no_features")
    if len(set(features)) != len(features):
        raise CsvError("repeated_features", columns=str(features))
    if label in features:
        raise CsvError("label_is_feature", column=label)

    delimiter, _source, _bom = _delimiter(path, delimiter)
    f, reader = _open_rows(path, delimiter)
    with f:
        try:
            header = _header(path, reader)
            data = _ColumnAccumulator(name, header, reader.line_num, features, label,
                                      delimiter == ";")
            size = max(os.path.getsize(path), 1)
            rows_read = 0
            while True:
                first_line = reader.line_num + 1
                rows = list(islice(reader, CHUNK_ROWS))
                if not rows:
                    break
                data.add_chunk(first_line, reader.line_num, rows)
                rows_read += len(rows)
                if progress is not None and \
                        progress(rows_read, min(f.buffer.tell() / size, 1.0)) is False:
                    raise ReadCancelled(f"{name}: reading cancelled after {rows_read} rows")
        except (UnicodeDecodeError, csv.Error) as error:
            raise _read_error(path, reader, error) from None
    return _to_dataset(data, task)


def _to_dataset(data: _ColumnAccumulator, task: str | None) -> Dataset:
    name, label, dropped = data.name, data.label, data.dropped
    n = len(data.numbers)
    for column, count in zip(data.features, data.present, strict=True):
        if count == 0 and n + dropped:
            raise CsvError("empty_column", file=name, column=column, rows=n + dropped)
    if n < 2:
        raise CsvError("too_few_rows", file=name, rows=n, dropped=dropped)
    X = np.column_stack([np.frombuffer(column, dtype=np.float64) for column in data.columns])
    numbers = np.frombuffer(data.numbers, dtype=np.float64)
    feature_names = tuple(data.features)

    if data.first_text_label is not None:  # string labels
        if task == "regression":
            line, text = data.first_text_label
            raise CsvError("text_target", file=name, line=line, column=label, cell=text)
        class_names = sorted(data.codes)
        _check_class_count(name, label, len(class_names), class_names)
        new_code = np.empty(len(class_names), dtype=np.int64)
        for code, text in enumerate(class_names):
            new_code[data.codes[text]] = code
        y = new_code[np.frombuffer(data.label_codes, dtype=np.int64)]
        return Dataset(X, y, "classification", len(class_names), feature_names,
                       tuple(class_names), dropped)

    values, y = np.unique(numbers, return_inverse=True)
    integer_valued = bool(np.all(values == np.round(values)))
    if task is None:
        task = ("classification" if integer_valued and len(values) <= MAX_CLASSES
                else "regression")
    if task == "regression":
        return Dataset(X, numbers.copy(), "regression", 0, feature_names, None, dropped)
    class_names = [_format_number(v) for v in values]
    _check_class_count(name, label, len(values), class_names)
    return Dataset(X, y.reshape(-1).astype(np.int64), "classification", len(values),
                   feature_names, tuple(class_names), dropped)


def _check_class_count(name, label, count, class_names) -> None:
    if count < 2:
        raise CsvError("one_class", file=name, column=label, cell=class_names[0])
    if count > MAX_CLASSES:
        raise CsvError("too_many_classes", file=name, column=label, count=count,
                       limit=MAX_CLASSES)


def _format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(float(value))


def _number(cell: str, decimal_comma: bool, name: str, line: int, column: str) -> float:
    value = _try_number(cell, decimal_comma)
    if math.isnan(value):
        raise CsvError("not_a_number", file=name, line=line, column=column, cell=cell)
    if math.isinf(value):
        raise CsvError("not_finite", file=name, line=line, column=column, cell=cell)
    if abs(value) > MAX_FEATURE_MAGNITUDE:
        raise CsvError("too_large", file=name, line=line, column=column, cell=cell,
                       limit=f"{MAX_FEATURE_MAGNITUDE:.0e}")
    return value


def _try_number(cell: str, decimal_comma: bool) -> float:
    """float(cell) (after a decimal comma → point when allowed), or NaN if not a number."""
    if decimal_comma and "," in cell and "." not in cell:
        cell = cell.replace(",", ".", 1)
    try:
        return float(cell)
    except ValueError:
        return math.nan


def write_csv(path, X: np.ndarray, y: np.ndarray, feature_names: Sequence[str],
              label_name: str, class_names: Sequence[str] | None = None) -> None:
    """Write X (n, d) and y (n,) to a comma-separated UTF-8 file with a header.

    Floats are written with ``repr`` (shortest round-trip form), so :func:`read_csv` gives
    back the same numbers. Integer class labels are written as ``class_names[y]`` when
    given. Raises ValueError on mismatched shapes or names.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.shape != (X.shape[0],):
        raise ValueError(f"need X (n, d) and y (n,), got {X.shape} and {y.shape}")
    if len(feature_names) != X.shape[1]:
        raise ValueError(f"{len(feature_names)} feature names for {X.shape[1]} columns")
    if class_names is not None:
        labels = [class_names[int(v)] for v in y]
    elif np.issubdtype(y.dtype, np.integer):
        labels = [str(int(v)) for v in y]
    else:
        labels = [repr(float(v)) for v in y]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([*feature_names, label_name])
        for row, text in zip(X.tolist(), labels, strict=True):
            writer.writerow([*map(repr, row), text])
