"""Writers for the malformed (and the awkward-but-legitimate) CSV files of the hardening issue.

Each writer takes a folder, writes one file and returns its path. ``CSV_CASES`` maps a case
name to ``(writer, expectation)`` where the expectation is either ``"imports"`` or a tuple of
lower-case fragments, one of which the user-visible message must contain.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np


def _write(folder, name: str, data: bytes | str) -> str:
    path = Path(folder) / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


def empty_csv(folder) -> str:
    return _write(folder, "empty.csv", b"")


def binary_garbage_csv(folder) -> str:
    rng = np.random.default_rng(7)
    return _write(folder, "garbage.csv", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes())


def bom_csv(folder) -> str:
    """Comma-separated, UTF-8 with a byte-order mark: a legitimate file that must import."""
    rng = np.random.default_rng(1)
    rows = ["a,b,label"]
    for k in range(40):
        x = rng.normal(size=2) + (2.0 if k % 2 else -2.0)
        rows.append(f"{x[0]:.4f},{x[1]:.4f},{'red' if k % 2 else 'blue'}")
    return _write(folder, "bom.csv", b"\xef\xbb\xbf" + "\n".join(rows).encode("utf-8"))


def semicolon_decimal_comma_csv(folder) -> str:
    """Semicolon-separated with decimal commas (European Excel): must import."""
    rng = np.random.default_rng(2)
    rows = ["länge;breite;klasse"]
    for k in range(40):
        x = rng.normal(size=2) + (2.0 if k % 2 else -2.0)
        rows.append(f"{x[0]:.3f};{x[1]:.3f};{k % 2}".replace(".", ","))
    return _write(folder, "semicolon.csv", "\n".join(rows) + "\n")


#: Rows of million_rows_csv that are all different (a longer file repeats them).
DISTINCT_ROWS = 100_000


def million_rows_csv(folder, n_rows: int = 1_000_000, name: str = "million.csv") -> str:
    """1,000,000 (or `n_rows`) rows of two features and a 0/1 label (about 25 MB).

    Up to ``DISTINCT_ROWS`` rows are all different; a longer file repeats that block (with
    its last part cut to length): formatting a million rows in Python took longer than
    reading them, and the import treats every row alike."""
    distinct = min(n_rows, DISTINCT_ROWS)
    rng = np.random.default_rng(3)
    X = np.round(rng.normal(size=(distinct, 2)), 3)
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    rows = [f"{a},{b},{c}\n" for (a, b), c in zip(X.tolist(), y.tolist(), strict=True)]
    block = "".join(rows)
    path = Path(folder) / name
    with open(path, "w", encoding="utf-8") as f:
        f.write("x,y,label\n")
        for _ in range(n_rows // distinct):
            f.write(block)
        f.write("".join(rows[:n_rows % distinct]))
    return str(path)


def one_class_csv(folder) -> str:
    rows = ["x,y,species"] + [f"{k * 0.1:.2f},{k * 0.2:.2f},Adelie" for k in range(30)]
    return _write(folder, "one_class.csv", "\n".join(rows) + "\n")


def all_na_column_csv(folder) -> str:
    rows = ["x,y,label"] + [f"{k * 0.1:.2f},NA,{k % 2}" for k in range(30)]
    return _write(folder, "all_na.csv", "\n".join(rows) + "\n")


def fifty_labels_csv(folder) -> str:
    rows = ["x,y,label"] + [f"{k * 0.1:.2f},{(k * 7) % 13:.1f},name{k % 50}" for k in range(200)]
    return _write(folder, "fifty_labels.csv", "\n".join(rows) + "\n")


CSV_CASES = {
    "empty": (empty_csv, ("empty",)),
    "binary garbage": (binary_garbage_csv, ("binary", "not utf-8")),
    "utf-8 bom": (bom_csv, "imports"),
    "semicolons, decimal commas": (semicolon_decimal_comma_csv, "imports"),
    "one class": (one_class_csv, ("only one class",)),
    "all-na column": (all_na_column_csv, ("no values", "empty or na")),
    "50 distinct labels": (fifty_labels_csv, ("50 classes",)),
}


# ----------------------------------------------------------------------------- scene files
def scene_variants(good: dict) -> dict[str, tuple[bytes, tuple[str, ...]]]:
    """Malformed versions of a valid scene dictionary `good`: name → (file bytes, fragments
    one of which the error message must contain). Fragments are lower case."""
    import copy
    import json

    text = json.dumps(good)
    variants: dict[str, tuple[bytes, tuple[str, ...]]] = {
        "empty": (b"", ("empty", "json")),
        "truncated json": (text[: len(text) // 2].encode(), ("json", "truncated")),
        "binary garbage": (bytes(range(256)) * 8, ("json", "utf-8", "not a scene")),
    }

    def mutated(edit) -> bytes:
        scene = copy.deepcopy(good)
        edit(scene)
        return json.dumps(scene).encode()

    def find_key(d, key):
        """The innermost dict holding `key` (depth-first), or None."""
        if isinstance(d, dict):
            if key in d:
                return d
            for value in d.values():
                hit = find_key(value, key)
                if hit is not None:
                    return hit
        elif isinstance(d, list):
            for value in d:
                hit = find_key(value, key)
                if hit is not None:
                    return hit
        return None

    def wrong_types(scene):
        holder = find_key(scene, "learning_rate")
        holder["learning_rate"] = "fast"

    def negative_layers(scene):
        holder = find_key(scene, "hidden_sizes")
        holder["hidden_sizes"] = [8, -3]

    if find_key(good, "learning_rate") is not None:
        variants["wrong types"] = (mutated(wrong_types), ("learning_rate", "learning rate"))
    if find_key(good, "hidden_sizes") is not None:
        variants["negative layer sizes"] = (mutated(negative_layers),
                                            ("hidden_sizes", "hidden", "layer"))
    variants["not an object"] = (b"[1, 2, 3]", ("mapping", "object", "dict", "scene"))
    return variants


def write_variants(folder, variants) -> dict[str, str]:
    """Write each variant as <name>.json in `folder`; returns name → path."""
    paths = {}
    for name, (data, _fragments) in variants.items():
        path = os.path.join(folder, name.replace(" ", "_") + ".json")
        with open(path, "wb") as f:
            f.write(data)
        paths[name] = path
    return paths
