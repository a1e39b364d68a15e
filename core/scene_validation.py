"""Checks for untrusted plain data (scene files, lesson files) before anything is built from it.

Every check takes a ``where`` string, the dotted path of the field being checked
(``"network.weights[1]"``), and raises :class:`SceneError` with that path at the start of the
message, so a teacher sees *which* field of *which* file is wrong. Nothing here builds a model:
the checks only read the decoded JSON (dicts, lists, str, int, float, bool, None).

Size limits are module constants so tests can lower them instead of writing huge files.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

MAX_FILE_BYTES = 128 * 1024 * 1024
"""Largest scene file read from disk (bytes)."""
MAX_POINTS = 1_000_000
"""Largest number of data points in a scene."""
MAX_NUMBERS = 10_000_000
"""Largest number of numbers in any array of a scene (and in the opaque trainer state)."""
MAX_DEPTH = 32
"""Deepest nesting of lists/dicts accepted inside free-form blocks (views, trainer state)."""

_NONFINITE_NAMES = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class SceneError(ValueError):
    """A scene (or lesson) is malformed; the message starts with the offending field."""


def type_name(value: Any) -> str:
    """The JSON name of a decoded value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def as_dict(value: Any, where: str, *, allowed: Iterable[str] | None = None) -> dict:
    """Return ``value`` if it is a JSON object; with ``allowed``, reject any other key."""
    if not isinstance(value, dict):
        raise SceneError(f"{where}: expected an object, got {type_name(value)}")
    if allowed is not None:
        allowed = set(allowed)
        unknown = sorted(str(k) for k in value if k not in allowed)
        if unknown:
            raise SceneError(
                f"{where}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
            )
    return value


def require(d: dict, key: str, where: str) -> Any:
    """``d[key]``, or a SceneError naming ``where.key`` as missing."""
    if key not in d:
        raise SceneError(f"{join(where, key)}: missing required field")
    return d[key]


def join(where: str, key: str | int) -> str:
    """Dotted path of a child field: ``join("network", "weights") == "network.weights"``."""
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def as_str(value: Any, where: str, *, choices: Sequence[str] | None = None) -> str:
    """A string, optionally one of ``choices`` (listed in the message when it is not)."""
    if not isinstance(value, str):
        raise SceneError(f"{where}: expected a string, got {type_name(value)}")
    if choices is not None and value not in choices:
        raise SceneError(f"{where}: unknown value {value!r} (allowed: {', '.join(choices)})")
    return value


def as_bool(value: Any, where: str) -> bool:
    """A JSON boolean (``true``/``false``); 0 and 1 are not accepted."""
    if not isinstance(value, bool):
        raise SceneError(f"{where}: expected true or false, got {type_name(value)}")
    return value


def as_int(value: Any, where: str, *, minimum: int | None = None,
           maximum: int | None = None) -> int:
    """An integer in [minimum, maximum]; a float with an integral value (``3.0``) is accepted."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise SceneError(f"{where}: expected an integer, got {type_name(value)}")
    if minimum is not None and value < minimum:
        raise SceneError(f"{where}: must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise SceneError(f"{where}: must be at most {maximum}, got {value}")
    return value


def as_float(value: Any, where: str, *, finite: bool = True) -> float:
    """A number as a Python float; NaN/inf are rejected unless ``finite=False``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SceneError(f"{where}: expected a number, got {type_name(value)}")
    try:
        value = float(value)
    except OverflowError:
        raise SceneError(f"{where}: number too large") from None
    if finite and not math.isfinite(value):
        raise SceneError(f"{where}: expected a finite number, got {value}")
    return value


def _shape_of(value: Any, where: str, ndim: int) -> tuple[int, ...]:
    """Shape of a nested list of depth ``ndim`` (rectangular), checked before any conversion."""
    shape: list[int] = []
    level = value
    for depth in range(ndim):
        if not isinstance(level, list):
            field = where + "[0]" * depth
            what = "a list" if ndim == 1 else f"a {ndim}-D list (list of lists)"
            raise SceneError(f"{field}: expected {what if depth == 0 else 'a list'}, "
                             f"got {type_name(level)}")
        shape.append(len(level))
        if depth < ndim - 1:
            if not level:
                shape.extend([0] * (ndim - 1 - depth))
                break
            level = level[0]
    return tuple(shape)


def as_array(value: Any, where: str, *, ndim: int = 1,
             shape: Sequence[int | None] | None = None, kind: str = "float",
             finite: bool = True, max_numbers: int | None = None,
             max_abs: float | None = None, advice: str = "") -> np.ndarray:
    """Convert a nested JSON list to a NumPy array after checking it is safe and well formed.

    Parameters
    ----------
    value : nested lists of numbers (or booleans for ``kind="bool"``).
    ndim : expected number of dimensions (1 or 2).
    shape : expected shape; ``None`` entries match any length.
    kind : ``"float"`` (float64), ``"int"`` (int64, integral numbers only) or ``"bool"``.
    finite : reject NaN and ±inf (floats only).
    max_numbers : refuse more elements than this (default :data:`MAX_NUMBERS`), checked from the
        list lengths *before* converting, so a huge array costs no memory.
    max_abs : refuse a float element with |x| > max_abs (the first one is named, e.g.
        ``points.X[0][0]: 1e+308 is beyond ±1e+75``); ``advice`` ends that message (what to do).

    Raises
    ------
    SceneError
        Wrong nesting, ragged rows, wrong shape, wrong element type, non-finite, too large
        (``max_abs``) or too many numbers.
    """
    limit = MAX_NUMBERS if max_numbers is None else max_numbers
    got = _shape_of(value, where, ndim)
    if ndim == 2 and got[0] == 0 and shape is not None and shape[1] is not None:
        got = (0, shape[1])  # an empty list of rows has any row width
    count = math.prod(got)
    if count > limit:
        raise SceneError(f"{where}: too many numbers ({count:,}; the limit is {limit:,})")
    if shape is not None:
        want = tuple(g if s is None else s for s, g in zip(shape, got, strict=True))
        if want != got:
            raise SceneError(f"{where}: expected shape {_fmt_shape(shape)}, got {_fmt_shape(got)}")
    rows = value if ndim == 2 else [value]
    width = got[-1]
    for i, row in enumerate(rows):
        row_where = join(where, i) if ndim == 2 else where
        if not isinstance(row, list):
            raise SceneError(f"{row_where}: expected a list, got {type_name(row)}")
        if len(row) != width:
            raise SceneError(f"{row_where}: ragged array: expected {width} entries, got {len(row)}")
        _check_element_types(row, row_where, kind)
    dtype = {"float": np.float64, "int": np.int64, "bool": np.bool_}[kind]
    try:
        array = np.array(value, dtype=dtype).reshape(got)
    except (OverflowError, ValueError, TypeError) as exc:
        raise SceneError(f"{where}: cannot read as numbers ({exc})") from None
    if kind == "float" and finite and not np.all(np.isfinite(array)):
        index = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
        bad = array[index]
        raise SceneError(f"{where}{''.join(f'[{i}]' for i in index)}: expected a finite number, "
                         f"got {bad}")
    if kind == "float" and max_abs is not None and array.size and np.abs(array).max() > max_abs:
        index = tuple(int(i) for i in np.argwhere(np.abs(array) > max_abs)[0])
        raise SceneError(f"{where}{''.join(f'[{i}]' for i in index)}: {array[index]:g} is beyond "
                         f"±{max_abs:g}{'; ' + advice if advice else ''}")
    return array


def _check_element_types(row: list, where: str, kind: str) -> None:
    types = {type(x) for x in row}
    if kind == "bool":
        ok = types <= {bool}
    elif kind == "int":
        ok = types <= {int} or (types <= {int, float} and all(
            float(x).is_integer() for x in row if isinstance(x, float)))
    else:
        ok = types <= {int, float}
    if not ok:
        for j, x in enumerate(row):
            if type(x) not in ({bool} if kind == "bool" else {int, float}) or (
                    kind == "int" and isinstance(x, float) and not x.is_integer()):
                expected = {"bool": "true or false", "int": "an integer",
                            "float": "a number"}[kind]
                raise SceneError(f"{join(where, j)}: expected {expected}, got {type_name(x)}")


def _fmt_shape(shape: Sequence[int | None]) -> str:
    parts = ["n" if s is None else str(s) for s in shape]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def encode_float(x: float) -> float | str:
    """A float for strict JSON: finite values kept, NaN/±inf as "NaN"/"Infinity"/"-Infinity"."""
    x = float(x)
    if math.isfinite(x):
        return x
    return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")


def decode_float(value: Any, where: str) -> float:
    """Inverse of :func:`encode_float`; any other string is an error."""
    if isinstance(value, str):
        if value in _NONFINITE_NAMES:
            return _NONFINITE_NAMES[value]
        raise SceneError(f"{where}: expected a number, got the string {value[:20]!r}")
    return as_float(value, where, finite=False)


def encode_plain(value: Any) -> Any:
    """Deep copy of plain data with NumPy scalars/arrays turned into Python values and non-finite
    floats spelled as strings (see :func:`encode_float`), so ``json.dumps(allow_nan=False)`` works
    and every float round-trips exactly (``repr`` of a float64 is exact)."""
    if isinstance(value, dict):
        return {str(k): encode_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return encode_plain(value.tolist())
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return encode_float(float(value))
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in a scene")


def decode_plain(value: Any, where: str, *, budget: list[int] | None = None,
                 depth: int = 0) -> Any:
    """Check free-form plain data (nesting depth, total size) and turn "NaN"/"Infinity" strings
    written by :func:`encode_plain` back into floats. ``budget`` is a one-item list counting the
    numbers still allowed (shared across calls)."""
    if budget is None:
        budget = [MAX_NUMBERS]
    if depth > MAX_DEPTH:
        top = where.split("[")[0].split(".")[0]
        raise SceneError(f"{top}: nested too deeply (more than {MAX_DEPTH} levels)")
    if isinstance(value, dict):
        return {k: decode_plain(v, join(where, k), budget=budget, depth=depth + 1)
                for k, v in value.items()}
    if isinstance(value, list):
        budget[0] -= len(value)
        if budget[0] < 0:
            raise SceneError(f"{where}: too much data (more than {MAX_NUMBERS:,} numbers)")
        return [decode_plain(v, join(where, i), budget=budget, depth=depth + 1)
                for i, v in enumerate(value)]
    if isinstance(value, str) and value in _NONFINITE_NAMES:
        return _NONFINITE_NAMES[value]
    if isinstance(value, float) and not math.isfinite(value):
        return value
    return value


def check_plain_json(value: Any, where: str, *, max_items: int = 100_000) -> Any:
    """Check that an opaque block (e.g. the GUI's view layout) is small, finite plain JSON."""
    budget = [max_items]

    def walk(v: Any, w: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise SceneError(f"{where}: nested too deeply (more than {MAX_DEPTH} levels)")
        if isinstance(v, dict):
            items: Iterable = v.items()
        elif isinstance(v, list):
            items = enumerate(v)
        else:
            if isinstance(v, float) and not math.isfinite(v):
                raise SceneError(f"{w}: expected a finite number, got {v}")
            return
        for k, child in items:
            budget[0] -= 1
            if budget[0] < 0:
                raise SceneError(f"{where}: too large (more than {max_items:,} entries)")
            walk(child, join(w, k), depth + 1)

    walk(value, where, 0)
    return value
