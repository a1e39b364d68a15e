"""A/B runs: run B is run A's session with some settings changed, trained side by side.

**The same start.** :func:`make_run_b` builds B from A's session: a deep copy
(``Session.copy``) put back to A's step 0 (``Trainer.reset``), so B has the same points, the
same train/validation/test split, the same initial weights and dropout generator and the same
batch order (the batch seed and the sampler are A's). Then B's settings are changed:

* training settings (η, optimizer, batch size, …) through ``Session.set_training_settings``:
  the weights are kept, so B starts from A's initial weights;
* network settings through ``Session.set_network_settings``, which rebuilds the network from
  the network seed. When B's parameters have the same shapes as A's (the architecture — layer
  sizes and batch norm — is unchanged) and neither the initialization nor the network seed
  changed, B is given A's initial weights and dropout generator (``Session.start_from``), so
  a lesson's hand-set weights are shared too. When the architecture differs, B keeps its own
  initial weights, drawn from the same seed;
* the data settings that only prepare the same points (``features``, ``standardize``) through
  ``Session.set_data_settings``; the others would change the points or the split and are
  refused (``changes_points``).

With no setting changed, B's history is bit for bit A's. Stepping both (:class:`Comparison`)
steps each trainer on its own; a run that diverges stops while the other goes on.

**Setting keys** are "<section>.<field>" (``"network.activation"``,
``"training.learning_rate"``; the sections of ``core.settings``), or the bare field name when
only one section has it (``"activation"``, ``"learning_rate"``); ``seed`` is in every section
and must be qualified. Values are typed (``0.3``, ``(4, 4)``) or text as typed on the command
line (:func:`value_from_text`: ``"0.3"``, ``"4/4"``, ``"relu/tanh"``, ``"true"``,
``"none"``), validated by the settings' own declarations (``core.settings``: one owner).

Bad input raises :class:`ComparisonError` (a ValueError) with a ``code`` from
:data:`COMPARISON_MESSAGES` and the values its message cites, so the GUI words it per code;
``str()`` is the English sentence (command line). An engine refusal (``SettingRefused``, e.g.
batch size 1 with batch norm) is code ``refused`` with the engine's code as ``reason_code``.
``invalid_value`` and ``refused`` also carry ``settings`` (the qualified keys concerned, a
tuple) and, for ``invalid_value``, ``setting`` (the qualified key the declaration refused, or
None), ``reason_code`` (a ``core.settings.SETTING_VALUE_CODES`` key, or None for a reason
without a code), ``reason_values`` and ``entry`` (``core.settings.SettingValueError``): the
GUI words the refusal from these and the settings' labels, never from ``reason``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from core.settings import (
    DataSettings,
    NetworkSettings,
    SettingValueError,
    TrainingSettings,
    fields_of,
)
from core.training_types import SettingRefused

__all__ = ["ComparisonError", "COMPARISON_MESSAGES", "SECTIONS", "SAME_POINTS_DATA_KEYS",
           "Comparison", "make_run_b", "settings_that_differ", "setting_key",
           "value_from_text", "parse_changes", "changeable_keys"]

SECTIONS: tuple[tuple[str, type], ...] = (
    ("data", DataSettings), ("network", NetworkSettings), ("training", TrainingSettings))
"""The settings sections of a Session, in order: (name, settings class)."""

SAME_POINTS_DATA_KEYS = ("data.features", "data.standardize")
"""Data settings B may change: they prepare the same points differently (the others would
draw other points or another split)."""

COMPARISON_MESSAGES = {
    "unknown_setting": "unknown setting {key!r}; settings: {allowed}",
    "ambiguous_setting": "{key!r} is a setting of several sections; write one of {choices}",
    "changes_points": "{key} cannot differ between the runs: both runs use the same points "
                      "and split; settings B may change: {allowed}",
    "invalid_value": "{key}={value}: {reason}",
    "refused": "{key}: {reason}",
}


class ComparisonError(ValueError):
    """Run B cannot be made with these changes. ``code``: a key of
    :data:`COMPARISON_MESSAGES`; ``values``: what its message cites (``key``, ``value``,
    ``reason``, …; ``reason_code`` for ``refused``); ``str()``: the English sentence."""

    def __init__(self, code: str, **values) -> None:
        self.code = code
        self.values = values
        super().__init__(COMPARISON_MESSAGES[code].format(**values))


def _infos() -> dict[str, Any]:
    """{"section.field": SettingInfo} of every setting."""
    return {f"{section}.{info.name}": info
            for section, cls in SECTIONS for info in fields_of(cls)}


def changeable_keys() -> tuple[str, ...]:
    """The qualified keys B may change: every network and training setting and
    :data:`SAME_POINTS_DATA_KEYS`, in declaration order."""
    return tuple(key for key in _infos()
                 if not key.startswith("data.") or key in SAME_POINTS_DATA_KEYS)


def setting_key(key: str) -> str:
    """The qualified key "<section>.<field>" for ``key`` (qualified or a bare field name).
    Raises ComparisonError ``unknown_setting``, ``ambiguous_setting`` (a bare ``seed``) or
    ``changes_points`` (a data setting that would change the points)."""
    infos = _infos()
    allowed = ", ".join(_short(k) for k in changeable_keys())
    text = str(key).strip()
    if text in infos:
        qualified = text
    else:
        matches = [k for k in infos if k.split(".", 1)[1] == text]
        if not matches:
            raise ComparisonError("unknown_setting", key=text, allowed=allowed)
        if len(matches) > 1:
            choices = ", ".join(m for m in matches if m in changeable_keys())
            raise ComparisonError("ambiguous_setting", key=text, choices=choices)
        qualified = matches[0]
    if qualified.startswith("data.") and qualified not in SAME_POINTS_DATA_KEYS:
        raise ComparisonError("changes_points", key=qualified, allowed=allowed)
    return qualified


def _short(key: str) -> str:
    """The bare field name when unambiguous, else the qualified key (for messages)."""
    field = key.split(".", 1)[1]
    return field if sum(k.split(".", 1)[1] == field for k in _infos()) == 1 else key


_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def value_from_text(key: str, text: str) -> Any:
    """The value of setting ``key`` (qualified or bare) written as text on the command line:
    bool ``true/false`` (also yes/no, on/off, 1/0); numbers as Python writes them; a choice
    by its name, ``none`` (or ``automatic``) for None; a list with ``/`` between entries
    (``hidden_sizes=4/4``, ``activation=relu/tanh``; an empty text is the empty list).
    The value is converted only; it is validated when applied (:func:`make_run_b`).
    Raises ComparisonError (``invalid_value``) for text of the wrong form."""
    qualified = setting_key(key)
    info = _infos()[qualified]
    raw = str(text).strip()

    def bad(reason: str, reason_code: str):
        return ComparisonError("invalid_value", key=_short(qualified), value=raw, reason=reason,
                               settings=(qualified,), setting=qualified,
                               reason_code=reason_code, reason_values={"value": raw},
                               entry=None)

    if info.kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise bad(f"{info.label} must be true or false", "not_bool")
    if info.kind == "int":
        try:
            return int(raw)
        except ValueError:
            raise bad(f"{info.label} must be a whole number", "not_whole_number") from None
    if info.kind == "float":
        try:
            return float(raw)
        except ValueError:
            raise bad(f"{info.label} must be a number", "not_number") from None
    if info.kind == "choice":
        if raw.lower() in ("none", "automatic") and None in info.choices:
            return None
        return raw
    entries = [part.strip() for part in raw.split("/")] if raw else []
    if info.kind == "choice_or_tuple" and len(entries) == 1:
        return entries[0]
    if info.kind == "int_tuple":
        try:
            return tuple(int(entry) for entry in entries)
        except ValueError:
            raise bad(f"{info.label} must be whole numbers separated by /",
                      "not_whole_number") from None
    return tuple(entries)


def parse_changes(texts: Mapping[str, str]) -> dict[str, Any]:
    """{qualified key: value} from {key: text} (the command line's KEY=VALUE pairs), by
    :func:`setting_key` and :func:`value_from_text`. Raises ComparisonError."""
    result = {}
    for key, text in texts.items():
        result[setting_key(key)] = value_from_text(key, text)
    return result


def _split(changes: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    by_section: dict[str, dict[str, Any]] = {section: {} for section, _cls in SECTIONS}
    for key, value in changes.items():
        qualified = setting_key(key)
        section, field = qualified.split(".", 1)
        by_section[section][field] = value
    return by_section


def _apply(key_section: str, method, fields: dict[str, Any]) -> None:
    """Apply ``fields`` of one section through ``method``; ComparisonError on refusal."""
    if not fields:
        return
    qualified = tuple(f"{key_section}.{name}" for name in fields)
    keys = ", ".join(_short(key) for key in qualified)
    try:
        method(**fields)
    except SettingRefused as error:
        raise ComparisonError("refused", key=keys, reason=str(error), reason_code=error.code,
                              settings=qualified) from None
    except ValueError as error:
        values = ", ".join(_text(value) for value in fields.values())
        coded = error if isinstance(error, SettingValueError) else None
        raise ComparisonError(
            "invalid_value", key=keys, value=values, reason=" ".join(str(error).split()),
            settings=qualified,
            setting=None if coded is None else f"{key_section}.{coded.setting}",
            reason_code=None if coded is None else coded.code,
            reason_values={} if coded is None else dict(coded.values),
            entry=None if coded is None else coded.entry) from None


def _text(value) -> str:
    if isinstance(value, tuple):
        return "/".join(map(str, value))
    return "none" if value is None else str(value)


def make_run_b(session_a, changes: Mapping[str, Any]):
    """Run B: a new Session from ``session_a`` at its step 0 (same points, split, initial
    weights, batch order; see the module docstring) with ``changes`` ({key: value}; keys as
    :func:`setting_key`, values typed or as :func:`value_from_text` gives them) applied.
    ``session_a`` is not changed. Raises ComparisonError for an unknown, ambiguous or
    point-changing key, an invalid value or a refused combination (nothing is built then)."""
    by_section = _split(changes)
    b = session_a.copy()
    b.reset()
    _apply("data", b.set_data_settings, by_section["data"])
    network = by_section["network"]
    if network:
        _apply("network", b.set_network_settings, network)
        same_shapes = ([p.shape for p in b.net.parameters()]
                       == [p.shape for p in session_a.net.parameters()]
                       and b.network.batch_norm == session_a.network.batch_norm)
        if same_shapes and "init" not in network and "seed" not in network:
            b.start_from(*session_a.trainer.initial_network_state())
    _apply("training", b.set_training_settings, by_section["training"])
    return b


def settings_that_differ(a, b) -> list[tuple[str, Any, Any]]:
    """[(qualified key, value in a, value in b)] of every setting that differs between
    sessions (or anything with ``data``, ``network`` and ``training`` settings) ``a`` and
    ``b``, in declaration order; tuples as tuples."""
    result = []
    for section, cls in SECTIONS:
        settings_a, settings_b = getattr(a, section), getattr(b, section)
        for info in fields_of(cls):
            value_a, value_b = getattr(settings_a, info.name), getattr(settings_b, info.name)
            if value_a != value_b:
                result.append((f"{section}.{info.name}", value_a, value_b))
    return result


@dataclasses.dataclass
class Comparison:
    """Runs ``a`` and ``b`` (Sessions) trained side by side; ``changes``: the qualified keys
    and values B was made with."""

    a: Any
    b: Any
    changes: dict[str, Any] = dataclasses.field(default_factory=dict)

    @classmethod
    def start(cls, session_a, changes: Mapping[str, Any]) -> Comparison:
        """Run B from ``session_a`` (:func:`make_run_b`), then A put back to its step 0
        (``Session.reset``) so both start together. ComparisonError as make_run_b (A is
        not changed then)."""
        b = make_run_b(session_a, changes)
        session_a.reset()
        return cls(session_a, b, {setting_key(k): v for k, v in changes.items()})

    @property
    def runs(self) -> tuple:
        """(a, b)."""
        return self.a, self.b

    def differences(self) -> list[tuple[str, Any, Any]]:
        """:func:`settings_that_differ` of A and B."""
        return settings_that_differ(self.a, self.b)

    def step(self, n: int = 1) -> tuple[int, int]:
        """Up to ``n`` steps of each run; a run that diverges (or had diverged) stops while
        the other goes on. Returns the steps each took."""
        from core.lesson_outcomes import train  # the one loop that stops at divergence

        return train(self.a, int(n)), train(self.b, int(n))

    def reset(self) -> None:
        """Both runs back to step 0."""
        self.a.reset()
        self.b.reset()

    def rewind(self, n: int = 1) -> tuple[int, int]:
        """Both runs ``n`` steps back (``Trainer.rewind``); returns the steps reached."""
        return self.a.trainer.rewind(n), self.b.trainer.rewind(n)
