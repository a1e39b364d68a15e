"""Where the session's points came from: numbers and names, never a sentence.

A :class:`DataSource` describes points that are not simply the preset's: ``kind`` "file"
(imported) or "drawn" (edited by hand: added, erased or cleared points, maybe on top of a file
or a preset). A Session's ``data_source`` is None for points generated from the data settings.
The GUI words it in the current language from these codes and numbers. Scene files store it as
:meth:`DataSource.to_dict`; files written before it existed kept an English sentence in
``extra.data_source``, read once by :meth:`DataSource.from_legacy_text`. Pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_LEGACY = re.compile(r"(?P<name>.*): (?:(?P<rows>\d+) rows|random sample of (?P<sample>\d+) "
                     r"of (?P<total>\d+) rows), (?P<dropped>\d+) dropped"
                     r"(?:; classes (?P<classes>.*))?", re.DOTALL)
_KEYS = ("file", "rows", "sampled_of", "dropped", "class_names", "kind")
#: The kinds of a DataSource: imported from a file, or drawn (edited) by hand.
KINDS = ("file", "drawn")


@dataclass(frozen=True)
class DataSource:
    """Imported or drawn points.

    ``kind`` "file": ``file`` (base name, None when unknown), ``rows`` (points kept, >= 0),
    ``sampled_of`` (rows in the file when a random sample of ``rows`` was drawn, else None),
    ``dropped`` (unusable rows skipped, >= 0), ``class_names`` (classification, else ()).
    ``kind`` "drawn" (:meth:`drawn`): ``rows`` is the number of points after the last edit,
    ``file`` the imported file that was edited (None: drawn on generated points or from
    scratch); ``sampled_of`` is None and ``dropped`` 0.
    Raises ValueError for an unknown kind, negative counts or a sample not smaller than the
    file."""

    file: str | None
    rows: int
    sampled_of: int | None = None
    dropped: int = 0
    class_names: tuple[str, ...] = ()
    kind: str = "file"

    @classmethod
    def drawn(cls, n_points: int, before: DataSource | None = None) -> DataSource:
        """The source of points edited by hand (now ``n_points``), keeping the file and class
        names of the source ``before`` the edit (None: generated points)."""
        if before is None:
            return cls(None, n_points, kind="drawn")
        return cls(before.file, n_points, None, 0, before.class_names, kind="drawn")

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if self.kind == "drawn" and (self.sampled_of is not None or self.dropped != 0):
            raise ValueError("drawn points have no sampled_of or dropped rows")
        if self.file is not None and not isinstance(self.file, str):
            raise ValueError(f"file must be a string or None, got {type(self.file).__name__}")
        for name in ("rows", "dropped"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be an integer >= 0, got {value!r}")
        if self.sampled_of is not None and (
                isinstance(self.sampled_of, bool) or not isinstance(self.sampled_of, int)
                or self.sampled_of <= self.rows):
            raise ValueError(f"sampled_of must be an integer > rows ({self.rows}) or None, "
                             f"got {self.sampled_of!r}")
        names = tuple(self.class_names)
        if not all(isinstance(n, str) for n in names):
            raise ValueError("class_names must be strings")
        object.__setattr__(self, "class_names", names)

    def to_dict(self) -> dict:
        """Plain JSON data (the scene file's ``data_source``)."""
        return {"file": self.file, "rows": self.rows, "sampled_of": self.sampled_of,
                "dropped": self.dropped, "class_names": list(self.class_names),
                "kind": self.kind}

    @classmethod
    def from_dict(cls, d: Mapping) -> DataSource:
        """Inverse of :meth:`to_dict` (``kind`` "file" when missing: files written before
        drawn points had a source); ValueError for unknown keys or bad values."""
        if not isinstance(d, Mapping):
            raise ValueError(f"expected a mapping, got {type(d).__name__}")
        unknown = sorted(map(str, set(d) - set(_KEYS)))
        if unknown:
            raise ValueError(f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(_KEYS)}")
        if "rows" not in d:
            raise ValueError("rows: missing required field")
        names = d.get("class_names") or ()
        if not isinstance(names, (list, tuple)):
            raise ValueError("class_names must be a list of strings")
        return cls(d.get("file"), d["rows"], d.get("sampled_of"), d.get("dropped", 0),
                   tuple(names), d.get("kind", "file"))

    @classmethod
    def from_legacy_text(cls, text: str) -> DataSource | None:
        """The DataSource of an old scene's English sentence, e.g. "iris.csv: random sample
        of 5000 of 9000 rows, 2 dropped; classes a, b"; None for "" or any other text."""
        match = _LEGACY.fullmatch(text or "")
        if match is None:
            return None
        classes = match["classes"]
        names = tuple(classes.split(", ")) if classes else ()
        if match["rows"] is not None:
            return cls(match["name"], int(match["rows"]), None, int(match["dropped"]), names)
        return cls(match["name"], int(match["sample"]), int(match["total"]),
                   int(match["dropped"]), names)
