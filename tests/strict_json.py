"""Reading the JSON files the app writes as strict JSON, for the tests."""

import json


def read_strict(path):
    """The JSON value in the file ``path`` (a ``pathlib.Path``), read as UTF-8; a non-standard
    token (NaN, Infinity, -Infinity) fails the test with an AssertionError naming it."""
    def refuse(token):
        raise AssertionError(f"non-standard JSON token {token}")
    return json.loads(path.read_text(encoding="utf-8"), parse_constant=refuse)
