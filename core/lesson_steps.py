"""Guided lesson steps (lesson format 3): parse them, run them headless, check their claims.

A lesson (or variant) of format 3 has ``"steps"``: a list of steps shown one at a time in the
window's lesson bar ("◀ 2/6 ▶", the step's text, Next). One step is::

    {"text": {"en": "... {loss_at_10} ...", "zh_CN": "..."},
     "setup": {"workspace": "landscape",            # core.workspace_names.WORKSPACES
               "views": ["canvas", "loss_surface"],  # view ids to open (others close)
               "play_speed": 2,                      # steps/s, 0 = as fast as possible
               "surface": {"plane": "linear", "range": 3},   # plane as in views.loss_surface;
                                                     # range: ±half-width, grid fixed (no fit)
               "sample": 0,                          # selected training sample (index)
               "parameter": {"layer": 0, "kind": "W", "i": 0, "j": 0},
               "linear_system": {"A": [[3, 1], [1, 2]], "b": [9, 8],  # 2 … 6 rows
                                 "delta": 0.001,   # change of the last b (δb), |δ| ≤ 10
                                 "plot": "lines",  # core.linear_systems.PLOTS
                                 "learning_rate": 0.05, "steps": 30, "start": [0, 0]},
               "attribution_method": "ig"},  # core.attributions.METHOD_IDS: the chart shown
                                             # when the view shows one method at a time
     "action": {"steps": 10} | {"phase": "forward"} | {"epochs": 1} | {"play_until": 40}
               | {"restore_best": true} | {"threshold": 0.2},
     "predict": {"question": {...}, "choices": [
                    {"text": {...}, "when": {"metric": "train_loss", "change": "up"}},
                    {"text": {...}, "when": {"metric": "train_loss", "change": "down"}}]},
     "claims": [{"metric": "train_loss", "op": "at_least", "value": 0.6, "name": "loss"}]}

Every key but ``text`` is optional. Next performs ``action`` (``steps`` N more steps;
``phase`` one phase of the current step; ``epochs`` N passes over the training set;
``play_until`` Play at the step's speed until the step count reaches N, or until early stopping
stops Play first (the scene's ``training.patience``; :func:`perform`); ``restore_best`` the
weights of the best validation step, as the loss curve's "Restore best"; ``threshold`` moves
the decision threshold of the Evaluate workspace's metrics view to t ∈ [0, 1]), then the claims
hold
at the cumulative state reached: claims are measured from the lesson's start through all the
actions so far (:func:`run_lesson_steps`). The answer to ``predict`` is computed from the numbers
after the action, never written in the file: a choice is right when its ``when`` holds, either
``{"metric": M, "change": "up"|"down"}`` (M after the action against M before it; M may also be
``"parameter"``, the selected parameter's value) or a claim without a name
(:func:`core.lesson_claims.parse_claim`, e.g. ``{"metric": "train_accuracy", "op": "equals",
"value": 1}``). Exactly one choice must be right; the lesson tests check that.

The precision and recall metrics are measured at the decision threshold p(class 1) > t that
the last ``threshold`` action set (:func:`core.lesson_outcomes.measure`), 0.5 (the app's
rule) before one; a question about a ``threshold`` action compares the numbers at the old and
the new threshold. ``setup.sample`` is also the sample whose attributions the attribution
metrics explain.

``setup.linear_system`` sets the Linear system view's Ax = b (each key optional; A and b come
together, and a new A resets ``delta`` to 0); later steps keep what earlier ones set
(:func:`core.linear_systems.merge_setup`). Its claims use the ``system_*`` and ``descent_*``
metrics of that system (:func:`core.linear_systems.system_metrics`).

Texts may quote ``{name}`` of the claims of the step and of the steps before it, and of the
lesson's ``expect`` claims
(:func:`core.lesson_claims.fill`), so the numbers the bar shows are the checked ones.

No Qt here: :mod:`gui.classroom.lesson_bar` performs the setup and actions in the window;
this module validates them and runs them on a Session.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.early_stopping import play_stops_early, stopped_best
from core import attributions, linear_systems
from core.lesson_claims import (
    COSTLY_METRICS,
    METRICS,
    check_placeholders,
    fill,
    parse_claim,
    parse_claims,
)
from core.metrics import DEFAULT_THRESHOLD
from core.parameters import ParamRef
from core.scene_validation import SceneError, as_dict, as_float, as_int, as_str, join, require
from core.training import TrainingDiverged
from core.workspace_names import check_workspace

ACTIONS = ("steps", "phase", "epochs", "play_until", "restore_best", "threshold")
PHASES = ("forward", "backward", "update")
CHANGES = ("up", "down")
#: The metric a ``change`` may compare besides :data:`core.lesson_claims.METRICS`.
PARAMETER_METRIC = "parameter"
VIEW_IDS = ("canvas", "loss_curve", "loss_surface", "network", "inspector", "gradient_norms",
            "weights", "metrics", "attributions", "hidden_space",
            "linear_system")
SETUP_KEYS = ("workspace", "views", "play_speed", "surface", "sample", "parameter",
              "linear_system", "attribution_method")
#: Allowed ``linear_system`` numbers: |entry| of A, b and start; |delta|; η; descent steps.
SYSTEM_ENTRY_MAX = 1000.0
SYSTEM_DELTA_MAX = 10.0
SYSTEM_LEARNING_RATE = (0.0001, 10.0)
SYSTEM_DESCENT_STEPS = (1, 1000)
SYSTEM_ROWS = (2, 6)
STEP_KEYS = ("text", "setup", "action", "predict", "claims")
MAX_STEPS_PER_LESSON = 20
MAX_ACTION_STEPS = 100_000
#: Allowed ``surface.range`` (half-width of the grid, in the plane's display units).
SURFACE_RANGE = (0.01, 1000.0)

Texts = dict[str, str]


@dataclass(frozen=True)
class Choice:
    """One answer of a predict question: its ``text`` (language → text) and ``when``."""

    text: Texts
    when: dict[str, Any]


@dataclass(frozen=True)
class LessonStep:
    """One step of a guided lesson (see the module docstring). ``setup`` is the validated dict
    (``{}`` when absent), ``action`` ``{"kind": one of ACTIONS, "value": str | int}`` or None,
    ``question`` and ``choices`` the predict question (None and ``()`` when absent), ``claims``
    parsed claims (:func:`core.lesson_claims.parse_claims`)."""

    text: Texts
    setup: dict[str, Any] = field(default_factory=dict)
    action: dict[str, Any] | None = None
    question: Texts | None = None
    choices: tuple[Choice, ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    earlier_claims: tuple[dict[str, Any], ...] = ()  # the named claims of the steps before

    def values(self, expect: dict[str, Any]) -> dict[str, Any]:
        """An ``expect``-like dict for :func:`core.lesson_claims.fill`: the lesson's claims,
        the earlier steps' and this step's (a step may quote what an earlier action did)."""
        return {"steps": expect["steps"],
                "claims": [*expect["claims"], *self.earlier_claims, *self.claims]}

    def localized(self, texts: Texts, expect: dict[str, Any], language: str = "en") -> str:
        """``texts`` (this step's text, question or a choice's text) in ``language``, English
        if missing, with the claim values filled in."""
        prefix = [k for k in texts if k.split("_")[0] == language.split("_")[0]]
        text = texts.get(language) or (texts[prefix[0]] if prefix else texts["en"])
        return fill(text, self.values(expect))


# ----------------------------------------------------------------------------- parsing
def _action(value: Any, where: str) -> dict[str, Any]:
    d = as_dict(value, where, allowed=ACTIONS)
    if len(d) != 1:
        raise SceneError(f"{where}: give exactly one of {', '.join(ACTIONS)}")
    kind, raw = next(iter(d.items()))
    at = join(where, kind)
    if kind == "phase":
        return {"kind": kind, "value": as_str(raw, at, choices=PHASES)}
    if kind == "restore_best":
        if raw is not True:
            raise SceneError(f"{at}: expected true")
        return {"kind": kind, "value": True}
    if kind == "threshold":
        threshold = as_float(raw, at)
        if not 0.0 <= threshold <= 1.0:
            raise SceneError(f"{at}: expected a decision threshold from 0 to 1, "
                             f"got {threshold:g}")
        return {"kind": kind, "value": threshold}
    minimum = 0 if kind == "play_until" else 1
    return {"kind": kind, "value": as_int(raw, at, minimum=minimum, maximum=MAX_ACTION_STEPS)}


def _parameter(value: Any, where: str) -> dict[str, Any]:
    d = as_dict(value, where, allowed=("layer", "kind", "i", "j"))
    out = {"layer": as_int(require(d, "layer", where), join(where, "layer"), minimum=0),
           "kind": as_str(require(d, "kind", where), join(where, "kind"), choices=("W", "b")),
           "i": as_int(require(d, "i", where), join(where, "i"), minimum=0)}
    out["j"] = as_int(require(d, "j", where), join(where, "j"), minimum=0) \
        if out["kind"] == "W" else 0
    return out


def _numbers(value: Any, where: str, length: int | None = None) -> list[float]:
    if not isinstance(value, list) or (length is not None and len(value) != length):
        raise SceneError(f"{where}: expected a list of {length or 'some'} numbers")
    out = [as_float(v, join(where, i)) for i, v in enumerate(value)]
    for i, v in enumerate(out):
        if not (math.isfinite(v) and abs(v) <= SYSTEM_ENTRY_MAX):
            raise SceneError(f"{join(where, i)}: expected a finite number within "
                             f"±{SYSTEM_ENTRY_MAX:g}, got {v:g}")
    return out


def _linear_system(value: Any, where: str) -> dict[str, Any]:
    """A validated ``setup.linear_system`` (see the module docstring)."""
    d = as_dict(value, where, allowed=linear_systems.SETUP_KEYS)
    out: dict[str, Any] = {}
    if ("A" in d) != ("b" in d):
        raise SceneError(f"{where}: give A and b together")
    if "A" in d:
        rows = d["A"]
        low, high = SYSTEM_ROWS
        if not isinstance(rows, list) or not low <= len(rows) <= high:
            raise SceneError(f"{join(where, 'A')}: expected {low} to {high} rows")
        out["A"] = [_numbers(row, join(join(where, "A"), i), 2) for i, row in enumerate(rows)]
        out["b"] = _numbers(d["b"], join(where, "b"), len(rows))
        system = linear_systems.analyse(out["A"], out["b"])
        if system.case == "bad_input":
            raise SceneError(f"{join(where, 'A')}: row {system.row} is not a line "
                             f"({system.problem})")
    if "delta" in d:
        out["delta"] = as_float(d["delta"], join(where, "delta"))
        if not abs(out["delta"]) <= SYSTEM_DELTA_MAX:
            raise SceneError(f"{join(where, 'delta')}: expected a change within "
                             f"±{SYSTEM_DELTA_MAX:g}")
    if "plot" in d:
        out["plot"] = as_str(d["plot"], join(where, "plot"), choices=linear_systems.PLOTS)
    if "learning_rate" in d:
        low, high = SYSTEM_LEARNING_RATE
        out["learning_rate"] = as_float(d["learning_rate"], join(where, "learning_rate"))
        if not low <= out["learning_rate"] <= high:
            raise SceneError(f"{join(where, 'learning_rate')}: expected η from {low:g} to "
                             f"{high:g}")
    if "steps" in d:
        low, high = SYSTEM_DESCENT_STEPS
        out["steps"] = as_int(d["steps"], join(where, "steps"), minimum=low, maximum=high)
    if "start" in d:
        out["start"] = _numbers(d["start"], join(where, "start"), 2)
    return out


def system_state(steps) -> dict[str, Any]:
    """The linear system once ``steps`` (in order) have performed their setup (empty when none
    set one): :func:`core.linear_systems.merge_setup` of their ``setup.linear_system``."""
    state: dict[str, Any] = {}
    for step in steps:
        if "linear_system" in step.setup:
            state = linear_systems.merge_setup(state, step.setup["linear_system"])
    return state


def _setup(value: Any, where: str, check_surface: Callable[[Any, str], Any],
           check_speed: Callable[[Any, str], float]) -> dict[str, Any]:
    d = as_dict(value, where, allowed=SETUP_KEYS)
    out: dict[str, Any] = {}
    if "workspace" in d:
        try:
            out["workspace"] = check_workspace(d["workspace"])
        except ValueError as error:
            raise SceneError(f"{join(where, 'workspace')}: {error}") from None
    if "views" in d:
        views = d["views"]
        if not isinstance(views, list) or not views:
            raise SceneError(f"{join(where, 'views')}: expected a list of view ids")
        for i, view in enumerate(views):
            as_str(view, join(join(where, "views"), i), choices=VIEW_IDS)
        out["views"] = list(views)
    if "play_speed" in d:
        out["play_speed"] = check_speed(d["play_speed"], join(where, "play_speed"))
    if "attribution_method" in d:  # the chart the Attributions view shows one at a time
        out["attribution_method"] = as_str(d["attribution_method"],
                                           join(where, "attribution_method"),
                                           choices=attributions.METHOD_IDS)
    if "surface" in d:
        surface = as_dict(d["surface"], join(where, "surface"),
                          allowed=("plane", "parameters", "range"))
        plane = {k: v for k, v in surface.items() if k != "range"}
        try:
            check_surface({"loss_surface": plane}, where)
        except SceneError as error:
            raise SceneError(str(error).replace(join(where, "loss_surface"),
                                                join(where, "surface"))) from None
        out["surface"] = dict(surface)
        if "range" in surface:
            at = join(join(where, "surface"), "range")
            low, high = SURFACE_RANGE
            half = as_float(surface["range"], at)
            if not low <= half <= high:
                raise SceneError(f"{at}: expected a half-width from {low:g} to {high:g}, "
                                 f"got {half:g}")
            out["surface"]["range"] = half
    if "sample" in d:
        out["sample"] = as_int(d["sample"], join(where, "sample"), minimum=0)
    if "parameter" in d:
        out["parameter"] = _parameter(d["parameter"], join(where, "parameter"))
    if "linear_system" in d:
        out["linear_system"] = _linear_system(d["linear_system"], join(where, "linear_system"))
    return out


def _when(value: Any, where: str) -> dict[str, Any]:
    d = as_dict(value, where)
    if "change" in d:
        d = as_dict(value, where, allowed=("metric", "change"))
        metric = as_str(require(d, "metric", where), join(where, "metric"),
                        choices=(*METRICS, PARAMETER_METRIC))
        return {"metric": metric,
                "change": as_str(d["change"], join(where, "change"), choices=CHANGES)}
    claim = parse_claim(value, where)
    for key in ("name", "lesson", "than"):
        if key in claim:
            raise SceneError(f"{join(where, key)}: a choice's condition is about this run "
                             f"and quotes nothing")
    return claim


def _predict(value: Any, where: str, texts: Callable[[Any, str], Texts]
             ) -> tuple[Texts, tuple[Choice, ...]]:
    d = as_dict(value, where, allowed=("question", "choices"))
    question = texts(require(d, "question", where), join(where, "question"))
    raw = require(d, "choices", where)
    if not isinstance(raw, list) or not 2 <= len(raw) <= 5:
        raise SceneError(f"{join(where, 'choices')}: expected a list of 2 to 5 choices")
    choices = []
    for i, item in enumerate(raw):
        at = join(join(where, "choices"), i)
        item = as_dict(item, at, allowed=("text", "when"))
        choices.append(Choice(texts(require(item, "text", at), join(at, "text")),
                              _when(require(item, "when", at), join(at, "when"))))
    return question, tuple(choices)


def parse_steps(value: Any, where: str, expect: dict[str, Any], *,
                texts: Callable[[Any, str], Texts],
                check_surface: Callable[[Any, str], Any],
                check_speed: Callable[[Any, str], float]) -> tuple[LessonStep, ...]:
    """Validate a lesson's ``steps`` list (see the module docstring).

    ``texts(value, where)`` validates a language → text dict, ``check_surface(views, where)``
    a ``{"loss_surface": …}`` plane and ``check_speed`` a play speed (``core.lessons``'s own
    validators, so a step says a plane or a speed the way a lesson does). ``expect`` is the
    lesson's, whose named claims the texts may quote too. Raises SceneError naming the field.
    """
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_STEPS_PER_LESSON:
        raise SceneError(f"{where}: expected a list of 1 to {MAX_STEPS_PER_LESSON} steps")
    names = {c["name"] for c in expect["claims"] if "name" in c}
    earlier: list[dict[str, Any]] = []
    steps = []
    for i, item in enumerate(value):
        at = join(where, i)
        d = as_dict(item, at, allowed=STEP_KEYS)
        text = texts(require(d, "text", at), join(at, "text"))
        setup = _setup(d["setup"], join(at, "setup"), check_surface, check_speed) \
            if "setup" in d else {}
        action = _action(d["action"], join(at, "action")) if "action" in d else None
        question, choices = _predict(d["predict"], join(at, "predict"), texts) \
            if "predict" in d else (None, ())
        if question is not None and action is None:
            raise SceneError(f"{join(at, 'predict')}: a question is answered by the step's "
                             f"action; give the step an action")
        claims = parse_claims(d.get("claims", []), join(at, "claims"))
        own = {c["name"] for c in claims if "name" in c}
        clash = sorted(own & names)
        if clash:
            raise SceneError(f"{join(at, 'claims')}: name(s) {', '.join(clash)} already "
                             f"used by the lesson's expect claims or an earlier step")
        names |= own
        step = LessonStep(text, setup, action, question, choices, tuple(claims),
                          tuple(earlier))
        earlier += [c for c in claims if "name" in c]
        known = step.values(expect)
        fields = [("text", text)]
        if question is not None:
            fields.append(("predict.question", question))
            fields += [(f"predict.choices[{k}].text", c.text) for k, c in enumerate(choices)]
        for name, field_texts in fields:
            for language, string in field_texts.items():
                check_placeholders(string, known, join(join(at, name), language))
        steps.append(step)
    return tuple(steps)


# ----------------------------------------------------------------------------- running
@dataclass
class StepOutcome:
    """What happened at one step of a headless run: ``steps`` (the step count after the
    action), ``phase`` (the trainer's last completed phase), ``metrics`` after the action
    (:func:`core.lesson_outcomes.measure`, plus ``parameter`` when one is selected), ``before``
    the metrics before it (only for a step with a question, else None), ``right`` the indices of
    the choices whose condition holds, ``unmet`` the sentences of the claims that do not."""

    index: int
    steps: int
    phase: str
    metrics: dict[str, Any]
    before: dict[str, Any] | None
    right: tuple[int, ...]
    unmet: list[str]


def parameter_value(session, parameter: dict[str, Any] | None) -> float:
    """The value of the selected parameter (a step's ``setup.parameter``), NaN if none.
    Raises SceneError when it is not in the network."""
    if parameter is None:
        return math.nan
    ref = ParamRef(parameter["layer"], parameter["kind"], parameter["i"], parameter["j"])
    try:
        index = ref.flat_index(session.net.layer_sizes, session.net.batch_norm)
    except ValueError as error:
        raise SceneError(f"setup.parameter: {error}") from None
    return float(session.net.get_params()[index])


def choice_holds(when: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether a choice's condition holds for the numbers ``before`` and ``after`` the action
    (a NaN never satisfies one)."""
    from core.lesson_claims import holds

    metric = when["metric"]
    if "change" in when:
        old, new = before.get(metric), after.get(metric)
        if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                   for v in (old, new)):
            return False
        return new > old if when["change"] == "up" else new < old
    return holds(when, after.get(metric))


def right_choices(step: LessonStep, before: dict[str, Any], after: dict[str, Any]
                  ) -> tuple[int, ...]:
    """Indices of ``step``'s choices whose condition holds."""
    return tuple(k for k, c in enumerate(step.choices) if choice_holds(c.when, before, after))


def perform(session, action: dict[str, Any] | None) -> None:
    """Run a step's action on ``session`` headless, as the window's lesson bar does:
    ``play_until`` trains up to that step count, or until early stopping would stop Play
    (:func:`play_stops_early`); ``restore_best`` is ``Trainer.restore_best``; nothing is
    trained once training diverged. Raises what the trainer raises besides TrainingDiverged
    (e.g. PhaseError for a phase out of order, ValueError for ``restore_best`` without a best
    validation step)."""
    if action is None:
        return
    trainer, kind, value = session.trainer, action["kind"], action["value"]
    try:
        if kind == "phase":
            getattr(trainer, value)()
            return
        if kind == "restore_best":
            trainer.restore_best()
            return
        if kind == "threshold":
            return  # a setting of the metrics view: measured at (run_lesson_steps)
        if trainer.divergence is not None:
            return
        if kind == "epochs":
            for _ in range(value):
                trainer.epoch()
            return
        count = value if kind == "steps" else max(0, value - trainer.step_count)
        stopped_at = stopped_best(trainer)
        for _ in range(count):
            trainer.step()
            if kind == "play_until" and play_stops_early(trainer, stopped_at):
                break
    except TrainingDiverged:
        pass


def costly_metrics(step: LessonStep) -> tuple[str, ...]:
    """The costly metrics (:data:`core.lesson_claims.COSTLY_METRICS`) that ``step``'s claims
    and the conditions of its choices measure."""
    wanted = {c["metric"] for c in step.claims} | {c.when["metric"] for c in step.choices}
    return tuple(sorted(wanted & set(COSTLY_METRICS)))


def threshold_after(steps, threshold: float = DEFAULT_THRESHOLD) -> float:
    """The decision threshold once ``steps`` (in order) have performed their actions:
    the last ``threshold`` action's, else ``threshold``."""
    for step in steps:
        if step.action is not None and step.action["kind"] == "threshold":
            threshold = step.action["value"]
    return threshold


def run_lesson_steps(lesson, measure, metrics_of, load) -> list[StepOutcome]:
    """Run every step of ``lesson`` once, from its start, and check each step's claims at the
    cumulative state it reaches (one run per lesson, not one per step).

    ``measure(session, include, threshold=…, sample=…)`` gives the metrics
    (core.lesson_outcomes.measure; at the threshold and sample the steps so far set),
    ``metrics_of(id)`` another lesson's run (for claims with ``lesson``/``than``), ``load(id)``
    a fresh Session of the lesson. Raises SceneError for a selected sample or parameter that
    the network or data do not have.
    """
    from core.lesson_claims import check_claims

    session = load(lesson.id)
    parameter = None
    threshold, sample = DEFAULT_THRESHOLD, None
    outcomes = []
    for index, step in enumerate(lesson.steps):
        where = f"lesson {lesson.id!r}: steps[{index}]"
        setup = step.setup
        if "sample" in setup and setup["sample"] >= session.trainer.n_train:
            raise SceneError(f"{where}.setup.sample: {setup['sample']} is not a training "
                             f"sample (there are {session.trainer.n_train})")
        if "parameter" in setup:
            parameter = setup["parameter"]
            try:
                parameter_value(session, parameter)
            except SceneError as error:
                raise SceneError(f"{where}.{error}") from None
        sample = setup.get("sample", sample)
        system = linear_systems.system_metrics(system_state(lesson.steps[:index + 1]))
        include = costly_metrics(step)
        before = None
        if step.choices:
            before = measure(session, include, threshold=threshold, sample=sample)
            before[PARAMETER_METRIC] = parameter_value(session, parameter)
            before.update(system)
        perform(session, step.action)
        threshold = threshold_after([step], threshold)
        after = measure(session, include, threshold=threshold, sample=sample)
        after[PARAMETER_METRIC] = parameter_value(session, parameter)
        after.update(system)
        right = right_choices(step, before, after) if before is not None else ()
        unmet = check_claims(step.claims, after, metrics_of)
        outcomes.append(StepOutcome(index, int(session.trainer.step_count),
                                    session.trainer.phase, after, before, right, unmet))
    return outcomes
