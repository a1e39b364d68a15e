"""Every user setting of the playground, declared once.

Each setting is a field of one of three frozen dataclasses — :class:`DataSettings`,
:class:`NetworkSettings`, :class:`TrainingSettings` — declared with :func:`setting`, which keeps
the default, the label shown in the GUI, a one-line doc (tooltip), the allowed range or choices
and a few display hints in the field's metadata. The GUI builds its controls from
:func:`fields_of`; the session, the headless CLI and scene files validate through the same
declarations, so a limit is written in exactly one place (the idea of glue's
``viewers/histogram/state.py``: a setting is declared once, with its default and its doc).

Instances are immutable and always valid: the constructor (and so :func:`dataclasses.replace`,
:meth:`~_Settings.updated` and :meth:`~_Settings.from_dict`) runs :meth:`~_Settings.validate`,
which raises ``ValueError`` naming the setting, the allowed values and the value given, e.g.
``"Learning rate must be between 1e-06 and 100, got 1000"``. The error is a
:class:`SettingValueError`: its ``code`` (:data:`SETTING_VALUE_CODES`), ``setting`` (the field
name) and ``values`` (what the message cites) let the GUI word it in its own language.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.activations import ACTIVATIONS
from core.datasets import FEATURES, FEATURES_NEEDING_X2, GENERATORS, TASKS
from core.network import INITS
from core.optimizers import OPTIMIZER_HYPER, OPTIMIZERS, hyper_default

__all__ = [
    "SettingInfo", "setting", "fields_of", "DataSettings", "NetworkSettings",
    "TrainingSettings", "HIDDEN_ACTIVATIONS", "PRESETS_BY_TASK", "MAX_SEED",
    "features_for_dim", "SettingValueError", "SETTING_VALUE_CODES",
]

MAX_SEED = 2**32 - 1
"""Largest seed accepted (NumPy accepts more; 32 bits keep scene files and spin boxes simple)."""

HIDDEN_ACTIVATIONS: tuple[str, ...] = tuple(name for name in ACTIVATIONS if name != "softmax")
"""Activations allowed in hidden layers (softmax is an output activation only)."""

PRESETS_BY_TASK: dict[str, tuple[str, ...]] = {
    task: tuple(name for name, spec in GENERATORS.items() if spec.task == task) for task in TASKS
}
"""Generator names per task, in the order of ``core.datasets.GENERATORS``."""

_KINDS = ("bool", "int", "float", "choice", "int_tuple", "choice_tuple", "choice_or_tuple")


@dataclass(frozen=True)
class SettingInfo:
    """Declaration of one setting, as returned by :func:`fields_of`.

    Attributes:
        name: the field name (``"learning_rate"``).
        label: text for the GUI control (``"Learning rate"``); also used in error messages.
        doc: one sentence for tooltips and documentation.
        default: the default value.
        kind: ``"bool"``, ``"int"``, ``"float"``, ``"choice"`` (one of ``choices``; may include
            None), ``"int_tuple"`` (a tuple of ints, each within minimum..maximum),
            ``"choice_tuple"`` (a tuple of distinct choices) or ``"choice_or_tuple"`` (one
            choice, or a tuple of choices — used for per-layer activations).
        minimum, maximum: inclusive range of the value (of each entry for tuples), or None.
        choices: allowed values for the choice kinds, else None.
        length: (shortest, longest) number of entries for the tuple kinds, else None.
        log_scale: the GUI should use a logarithmic control (learning rate, eps).
        zero_text: what a value of 0 means, for a spin box's special-value text
            (``"full batch"``, ``"off"``), or None.
    """

    name: str
    label: str
    doc: str
    default: Any
    kind: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple | None = None
    length: tuple[int, int] | None = None
    log_scale: bool = False
    zero_text: str | None = None


def setting(default, *, label: str, doc: str, minimum=None, maximum=None, choices=None,
            kind: str | None = None, length: tuple[int, int] | None = None,
            log_scale: bool = False, zero_text: str | None = None):
    """Declare a settings field: ``dataclasses.field`` with a :class:`SettingInfo` as metadata.

    ``kind`` is inferred from the default when omitted (bool, int, float; a str or None with
    ``choices`` → "choice"; a tuple of ints → "int_tuple"; a tuple of str → "choice_tuple").
    Defaults must be immutable (tuples, not lists). Raises ValueError for an unknown kind or
    a default outside its own declaration (checked when the class is first validated).
    """
    if kind is None:
        kind = _infer_kind(default, choices)
    if kind not in _KINDS:
        raise ValueError(f"unknown setting kind {kind!r}; allowed: {', '.join(_KINDS)}")
    info = SettingInfo(
        name="", label=label, doc=doc, default=default, kind=kind, minimum=minimum,
        maximum=maximum, choices=None if choices is None else tuple(choices),
        length=length, log_scale=log_scale, zero_text=zero_text,
    )
    return dataclasses.field(default=default, metadata={"setting": info})


def _infer_kind(default, choices) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, tuple):
        all_ints = bool(default) and all(isinstance(v, int) for v in default)
        return "int_tuple" if all_ints else "choice_tuple"
    if choices is not None:
        return "choice"
    raise ValueError(f"cannot infer the kind of a setting with default {default!r}")


def fields_of(settings_class_or_instance) -> tuple[SettingInfo, ...]:
    """The :class:`SettingInfo` of every setting of a settings class (or instance), in
    declaration order, with ``name`` filled in — what a GUI panel needs to build its controls.

    Raises TypeError for something that is not a settings dataclass.
    """
    cls = settings_class_or_instance
    if not isinstance(cls, type):
        cls = type(cls)
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls.__name__} is not a settings dataclass")
    return tuple(dataclasses.replace(f.metadata["setting"], name=f.name)
                 for f in dataclasses.fields(cls) if "setting" in f.metadata)


# -- value checks ----------------------------------------------------------------------------
SETTING_VALUE_CODES = {
    "not_bool": "the value is not True or False (values: value)",
    "not_whole_number": "the value is not a whole number (values: value)",
    "not_number": "the value is not a number, or NaN (values: value)",
    "out_of_range": "outside the declared range (values: value, minimum, maximum; minimum or "
                    "maximum None when the range is open on that side)",
    "not_a_choice": "not one of the choices (values: value, choices)",
    "not_a_list": "a list was expected (values: value)",
    "wrong_length": "too few or too many entries (values: length, shortest, longest)",
    "repeated_entry": "an entry appears twice (values: value)",
    "shares_over_100": "training and validation shares add up to more than 100 % (values: "
                       "train_fraction, validation_fraction)",
    "preset_task": "the data set is of another task (values: preset, preset_task, task)",
    "activation_count": "the activation list and the hidden layers differ in number (values: "
                        "names, layers)",
}
"""Codes of :class:`SettingValueError` → what they mean and the ``values`` they carry."""


class SettingValueError(ValueError):
    """A value refused by a setting's declaration, or a cross-setting rule. ``code``: a key
    of :data:`SETTING_VALUE_CODES`; ``setting``: the field name (``"learning_rate"``; for a
    cross-setting rule the field named first); ``entry``: the 1-based position in a list
    setting, else None; ``values``: what the message cites (raw values, not text);
    ``str()``: the English sentence."""

    def __init__(self, code: str, setting: str, message: str, entry: int | None = None,
                 **values) -> None:
        super().__init__(message)
        self.code = code
        self.setting = setting
        self.entry = entry
        self.values = values


def _fmt(value) -> str:
    """A value as it appears in messages: numbers with %g (1e-06, 100), the rest as repr."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return f"{value:g}"
    return repr(value)


def _choices_text(choices) -> str:
    return ", ".join("None" if c is None else str(c) for c in choices)


def _check_range(label: str, value, info: SettingInfo, ranges: bool = True,
                 entry: int | None = None) -> None:
    if not ranges:  # only NaN is refused: the engine checks its own limits
        if math.isnan(value):
            raise SettingValueError("not_number", info.name,
                                    f"{label} must be a number, got nan", entry, value=value)
        return
    low, high = info.minimum, info.maximum
    too_low = low is not None and value < low
    too_high = high is not None and value > high
    if math.isnan(value) or too_low or too_high:  # NaN: outside every range
        if low is not None and high is not None:
            message = (f"{label} must be between {_fmt(low)} and {_fmt(high)}, "
                       f"got {_fmt(value)}")
        elif low is not None:
            message = f"{label} must be at least {_fmt(low)}, got {_fmt(value)}"
        else:
            message = f"{label} must be at most {_fmt(high)}, got {_fmt(value)}"
        raise SettingValueError("out_of_range", info.name, message, entry, value=value,
                                minimum=low, maximum=high)


def _normalize(info: SettingInfo, value):
    """Canonical Python type for a value: NumPy scalars → int/float, lists → tuples, and
    ints → float for float settings. Leaves anything it cannot convert for validation."""
    if info.kind == "float" and isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    if info.kind == "int" and isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if info.kind == "bool" and type(value).__name__ == "bool_":  # numpy.bool_
        return bool(value)
    if info.kind in ("int_tuple", "choice_tuple", "choice_or_tuple") and isinstance(value, list):
        value = tuple(value)
    if info.kind == "int_tuple" and isinstance(value, tuple):
        return tuple(int(v) if isinstance(v, numbers.Integral) and not isinstance(v, bool)
                     else v for v in value)
    return value


def _check_value(info: SettingInfo, value, ranges: bool = True,
                 entry: int | None = None) -> None:
    """Raise SettingValueError unless ``value`` fits the declaration ``info`` (its kind and
    choices; its minimum and maximum only when ``ranges``); ``entry``: the 1-based position
    when ``value`` is an entry of a list setting."""
    label, kind = info.label, info.kind

    def refuse(code: str, message: str, **values):
        return SettingValueError(code, info.name, message, entry, **values)

    if kind == "bool":
        if not isinstance(value, bool):
            raise refuse("not_bool", f"{label} must be True or False, got {_fmt(value)}",
                         value=value)
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise refuse("not_whole_number", f"{label} must be a whole number, got "
                                             f"{_fmt(value)}", value=value)
        _check_range(label, value, info, ranges, entry)
    elif kind == "float":
        if not isinstance(value, float):
            raise refuse("not_number", f"{label} must be a number, got {_fmt(value)}",
                         value=value)
        _check_range(label, value, info, ranges, entry)
    elif kind == "choice":
        if value not in info.choices or isinstance(value, bool):
            raise refuse("not_a_choice", f"{label} must be one of "
                                         f"{_choices_text(info.choices)}, got {_fmt(value)}",
                         value=value, choices=info.choices)
    elif kind == "choice_or_tuple" and not isinstance(value, tuple):
        if not isinstance(value, str) or value not in info.choices:
            raise refuse("not_a_choice", f"{label} must be one of "
                                         f"{_choices_text(info.choices)} (or one per hidden "
                                         f"layer), got {_fmt(value)}",
                         value=value, choices=info.choices)
    else:  # the tuple kinds
        if not isinstance(value, tuple):
            raise refuse("not_a_list", f"{label} must be a list, got {_fmt(value)}",
                         value=value)
        if info.length is not None:
            shortest, longest = info.length
            if not shortest <= len(value) <= longest:
                raise refuse("wrong_length", f"{label} must have between {shortest} and "
                                             f"{longest} entries, got {len(value)}",
                             length=len(value), shortest=shortest, longest=longest)
        for position, entry_value in enumerate(value, start=1):
            entry_info = dataclasses.replace(
                info, label=f"{label} entry {position}",
                kind="int" if kind == "int_tuple" else "choice")
            _check_value(entry_info, entry_value, ranges, position)
        if kind == "choice_tuple" and len(set(value)) != len(value):
            raise refuse("repeated_entry", f"{label} must not repeat an entry, got "
                                           f"{_fmt(value)}", value=value)


# -- the base class --------------------------------------------------------------------------
class _Settings:
    """Shared behaviour of the three settings dataclasses (validation and plain data)."""

    def __post_init__(self) -> None:
        for info in fields_of(self):
            object.__setattr__(self, info.name, _normalize(info, getattr(self, info.name)))
        self.validate()

    def validate(self, ranges: bool = True) -> None:
        """Check every setting against its declaration, then the cross-setting rules.

        Raises ValueError with a message naming the setting, the allowed values and the
        value given. Called by the constructor, so an existing instance is always valid.
        ``ranges=False`` skips the declared minimum and maximum (see :meth:`updated`).
        """
        for info in fields_of(self):
            _check_value(info, getattr(self, info.name), ranges)
        self._validate_together()

    def _validate_together(self) -> None:
        """Rules that involve more than one setting; subclasses override."""

    def updated(self, *, check_ranges: bool = True, **changes) -> _Settings:
        """A validated copy with ``changes`` applied (``dataclasses.replace``).

        Raises ValueError for an unknown setting name or an invalid value. With
        ``check_ranges=False`` the declared minimum and maximum (the limits the GUI, the CLI
        and scene files accept) are not enforced, only kinds and choices: the engine's own
        objects use it to record values their setters accept beyond those limits (e.g.
        ``Trainer.set_learning_rate(1e308)``, which checks η > 0 itself).
        """
        self._reject_unknown(changes)
        if check_ranges:
            return dataclasses.replace(self, **changes)
        result = copy.copy(self)  # no __post_init__: validated below without the ranges
        infos = {info.name: info for info in fields_of(self)}
        for name, value in changes.items():
            object.__setattr__(result, name, _normalize(infos[name], value))
        result.validate(ranges=False)
        return result

    def to_dict(self) -> dict[str, Any]:
        """Plain data (str, int, float, bool, None, lists) for scene files and the CLI."""
        result = {}
        for info in fields_of(self):
            value = getattr(self, info.name)
            result[info.name] = list(value) if isinstance(value, tuple) else value
        return result

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]):
        """Build from :meth:`to_dict` output. Missing keys take their defaults; unknown keys
        and invalid values raise ValueError (the message names the setting)."""
        if not isinstance(d, Mapping):
            raise ValueError(f"{cls.__name__} must be a mapping, got {type(d).__name__}")
        cls._reject_unknown(d)
        return cls(**dict(d))

    @classmethod
    def _reject_unknown(cls, keys) -> None:
        allowed = [info.name for info in fields_of(cls)]
        unknown = sorted(str(key) for key in keys if key not in allowed)
        if unknown:
            raise ValueError(f"Unknown setting(s) {', '.join(unknown)} for {cls.__name__}; "
                             f"allowed: {', '.join(allowed)}")


def features_for_dim(features, dim: int) -> tuple[str, ...]:
    """The features usable for ``dim``-dimensional raw inputs: for dim 1 those needing x2 are
    dropped (and ``("x1",)`` is used if none remain); for dim 2 ``features`` unchanged."""
    if dim == 2:
        return tuple(features)
    usable = tuple(name for name in features if name not in FEATURES_NEEDING_X2)
    return usable or ("x1",)


@dataclass(frozen=True)
class DataSettings(_Settings):
    """Where the points come from and how they are fed to the network."""

    task: str = setting("classification", label="Task", choices=TASKS,
                        doc="Classification (class labels) or regression (real targets).")
    preset: str = setting("circle", label="Data set", choices=tuple(GENERATORS),
                          doc="The generator used by Regenerate; must belong to the task.")
    n_points: int = setting(500, label="Number of points", minimum=10, maximum=10_000,
                            doc="How many points the generator draws.")
    noise: float = setting(0.1, label="Noise", minimum=0.0, maximum=0.5,
                           doc="Noise level of the generator, 0 to 0.5 (shown as 0–50%).")
    train_fraction: float = setting(0.6, label="Training share", minimum=0.1, maximum=1.0,
                                    doc="Share of the points used for training (filled); the "
                                        "rest are validation and test points.")
    validation_fraction: float = setting(
        0.2, label="Validation share", minimum=0.0, maximum=0.9,
        doc="Share of the points held out for validation (half-filled): watched for early "
            "stopping, never trained on. 0 %: no validation points. The rest are test points "
            "(hollow).")
    seed: int = setting(0, label="Data seed", minimum=0, maximum=MAX_SEED,
                        doc="Seed of the generator and of the train/validation/test split.")
    features: tuple[str, ...] = setting(
        ("x1", "x2"), label="Input features", choices=tuple(FEATURES), length=(1, len(FEATURES)),
        doc="Features fed to the network, computed from the raw inputs x1, x2.")
    standardize: bool = setting(True, label="Standardize",
                                doc="Z-score the features with the training points' mean and "
                                    "standard deviation.")

    def _validate_together(self) -> None:
        if self.train_fraction + self.validation_fraction > 1.0 + 1e-9:
            raise SettingValueError(
                "shares_over_100", "train_fraction",
                f"Training share ({100 * self.train_fraction:g} %) and validation share "
                f"({100 * self.validation_fraction:g} %) add up to more than 100 %; lower one "
                f"of them", train_fraction=self.train_fraction,
                validation_fraction=self.validation_fraction)
        preset_task = GENERATORS[self.preset].task
        if preset_task != self.task:
            raise SettingValueError(
                "preset_task", "preset",
                f"Data set '{self.preset}' is a {preset_task} data set but the task is "
                f"{self.task}; {self.task} data sets: {', '.join(PRESETS_BY_TASK[self.task])}",
                preset=self.preset, preset_task=preset_task, task=self.task)


@dataclass(frozen=True)
class NetworkSettings(_Settings):
    """The architecture; changing any of these rebuilds the network from its seed."""

    hidden_sizes: tuple[int, ...] = setting(
        (8, 8), label="Hidden layer sizes", minimum=1, maximum=16, length=(0, 8),
        doc="Neurons per hidden layer, input side first; no hidden layer = a linear model.")
    activation: str | tuple[str, ...] = setting(
        "tanh", label="Activation", choices=HIDDEN_ACTIVATIONS, kind="choice_or_tuple",
        doc="Activation of every hidden layer, or one name per hidden layer.")
    init: str = setting("xavier", label="Initialization", choices=INITS,
                        doc="Weight initialization scheme; biases start at 0.")
    seed: int = setting(0, label="Network seed", minimum=0, maximum=MAX_SEED,
                        doc="Seed of the initial weights and the dropout masks.")
    dropout: float = setting(0.0, label="Dropout", minimum=0.0, maximum=0.9,
                             doc="Probability of dropping a hidden unit while training "
                                 "(inverted dropout); 0 = off.")
    batch_norm: bool = setting(False, label="Batch norm",
                               doc="Batch normalization between each hidden layer's linear map "
                                   "and its activation (needs mini-batches of at least 2).")
    loss_override: str | None = setting(
        None, label="Loss", choices=(None, "mse"), zero_text="automatic",
        doc="None: the loss follows the task; 'mse': mean squared error on 0/1 or one-hot "
            "targets with the sigmoid/softmax output.")

    def _validate_together(self) -> None:
        if isinstance(self.activation, tuple) and len(self.activation) != len(self.hidden_sizes):
            raise SettingValueError(
                "activation_count", "activation",
                f"Activation lists {len(self.activation)} name(s) but there are "
                f"{len(self.hidden_sizes)} hidden layer(s); give one per hidden layer or a "
                f"single name", names=len(self.activation), layers=len(self.hidden_sizes))

    def activations_per_layer(self) -> tuple[str, ...]:
        """One activation name per hidden layer (the single name repeated if not a tuple)."""
        if isinstance(self.activation, tuple):
            return self.activation
        return (self.activation,) * len(self.hidden_sizes)


@dataclass(frozen=True)
class TrainingSettings(_Settings):
    """The optimization; changing these mid-run keeps the weights."""

    learning_rate: float = setting(0.03, label="Learning rate", minimum=1e-6, maximum=100.0,
                                   log_scale=True, doc="Step size η of the optimizer.")
    optimizer: str = setting("sgd", label="Optimizer", choices=OPTIMIZERS,
                             doc="Update rule (PyTorch conventions).")
    momentum: float = setting(
        hyper_default("momentum"), label="Momentum", minimum=0.0, maximum=0.999,
        doc="μ of momentum and Nesterov: v ← μ v + g.")
    beta1: float = setting(
        hyper_default("beta1"), label="Adam β₁", minimum=0.0, maximum=0.999,
        doc="Decay rate of Adam's first-moment average m.")
    beta2: float = setting(
        hyper_default("beta2"), label="Adam β₂", minimum=0.0, maximum=0.99999,
        doc="Decay rate of Adam's second-moment average v.")
    rmsprop_alpha: float = setting(
        hyper_default("rmsprop_alpha"), label="RMSprop α", minimum=0.0, maximum=0.9999,
        doc="Decay rate of RMSprop's average of g².")
    eps: float = setting(
        hyper_default("eps"), label="ε", minimum=1e-12, maximum=1.0, log_scale=True,
        doc="Added to the denominator of RMSprop and Adam.")
    batch_size: int = setting(0, label="Batch size", minimum=0, maximum=10_000,
                              zero_text="full batch",
                              doc="Samples per mini-batch; 0 or ≥ the training set = full batch.")
    l1: float = setting(0.0, label="L1 rate", minimum=0.0, maximum=100.0,
                        doc="L1 penalty l1·Σ|W| on the weights (not the biases).")
    l2: float = setting(0.0, label="L2 rate", minimum=0.0, maximum=100.0,
                        doc="L2 penalty (l2/2)·Σ‖W‖² on the weights: weight decay.")
    clip_norm: float = setting(0.0, label="Gradient clipping", minimum=0.0, maximum=1000.0,
                               zero_text="off",
                               doc="Largest global gradient norm before the update; 0 = off.")
    seed: int = setting(0, label="Batch seed", minimum=0, maximum=MAX_SEED,
                        doc="Seed of the mini-batch shuffling.")
    patience: int = setting(0, label="Patience", minimum=0, maximum=100_000, zero_text="off",
                            doc="Early stopping: Play stops when the validation loss has not "
                                "improved for this many steps; 0 = off. Needs "
                                "validation points.")

    def optimizer_hyper(self) -> dict[str, float]:
        """The hyperparameters the chosen optimizer takes, keyed as ``make_optimizer`` wants
        (e.g. ``{"alpha": 0.99, "eps": 1e-8}`` for rmsprop, ``{}`` for sgd)."""
        return {h.keyword: getattr(self, h.setting) for h in OPTIMIZER_HYPER[self.optimizer]}
