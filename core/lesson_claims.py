"""What a lesson text says happens, as checkable claims, and the text's numbers made from them.

A lesson's ``expect`` block (see :mod:`core.lessons`) is::

    {"steps": 400,
     "claims": [{"metric": "train_accuracy", "op": "about", "value": 0.69, "tolerance": 0.02,
                 "name": "train_accuracy", "format": "percent"},
                {"metric": "train_loss", "op": "better_than", "than": "optimizers-sgd"}, ...]}

Each claim compares one metric of the lesson's headless run (``steps`` steps from its start;
:func:`core.lesson_outcomes.measure`, names in :data:`METRICS`) with a value:

==============  ==========================================================================
op              holds when
==============  ==========================================================================
``at_least``    metric ≥ value
``at_most``     metric ≤ value
``about``       |metric − value| ≤ tolerance (tolerance > 0, in the metric's units)
``equals``      metric == value (true/false, whole numbers, and exact 0 or 1)
``better_than`` the metric is better than in lesson ``than``'s own run (higher accuracy,
                lower loss); no value
==============  ==========================================================================

``"lesson": "<id>"`` measures another lesson's run instead (a text may say "against about
0.27 for plain SGD"). A claim with a ``name`` may be quoted in the lesson's texts (title
excluded) as ``{name}``; :func:`fill` writes its value there in its ``format``:
``"number"`` (``0.07``, ``45``), ``"percent"`` (0.69 → ``69%``) or ``"reciprocal"``
(0.0002 → ``5000``, for "more than 5000 times smaller"). ``{steps}`` is ``expect.steps``.
So the numbers a text states about the run are the numbers the test checks (numbers that
describe the scene, like "4 tanh units", are checked against the scene by
tests/core/test_lessons.py).

:mod:`core.lessons` validates claims with this module while parsing;
:mod:`core.lesson_outcomes` measures the run and calls :func:`check_claims`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import Any

from core.scene_validation import SceneError, as_dict, as_str, join, require

#: Metric name → what it measures (computed by ``core.lesson_outcomes.measure``). NaN where
#: undefined (accuracy in regression, least-squares error of a network with a hidden layer).
METRICS: dict[str, str] = {
    "steps": "steps taken",
    "epochs": "epochs completed",
    "train_loss": "data loss of the final parameters on the training set",
    "test_loss": "data loss of the final parameters on the test set",
    "train_accuracy": "accuracy of the final parameters on the training set (0–1)",
    "test_accuracy": "accuracy of the final parameters on the test set (0–1)",
    "diverged": "training stopped on a non-finite value or an exploding parameter",
    "divergence_step": "the step at which training diverged",
    "n_train": "number of training points",
    "n_parameters": "number of weights and biases",
    "majority_fraction": "share of the most common class among the training points",
    "predicted_classes": "how many different classes the final network predicts on the "
                         "training points",
    "first_layer_grad_ratio": "‖∂J/∂θ₁‖ / ‖∂J/∂θ_L‖ at the first step",
    "first_layer_weight_change": "‖W₁ − W₁(step 0)‖ / ‖W₁(step 0)‖ at the end",
    "loss_increase_fraction": "share of steps whose training loss rose",
    "train_loss_ratio": "final training loss ÷ training loss at step 0",
    "test_loss_rise": "final test loss ÷ lowest test loss seen",
    "lowest_test_loss_step": "the step with the lowest test loss",
    "least_squares_error": "largest |(w, b) − least-squares optimum| of a linear model",
    "hessian_condition": "λ_max / λ_min of the mse's Hessian in (w, b), linear model",
    "stable_learning_rate": "2 / λ_max: the largest η for which gradient descent on the "
                            "linear model's mse converges",
    "best_line_accuracy": "training accuracy of the best straight line (binary, 2 inputs)",
    "hidden_space_separated": "share of the training points on their class's side of the "
                              "output's decision line in the hidden-space view's last stage "
                              "(two classes)",
    "n_validation": "number of validation points",
    "validation_loss": "data loss of the final parameters on the validation set",
    "validation_accuracy": "accuracy of the final parameters on the validation set (0–1)",
    "best_validation_step": "the step with the lowest validation loss (early stopping's best)",
    "validation_loss_rise": "final validation loss ÷ the best validation loss",
    "stopped_early": "early stopping's patience has run out (Play stops there)",
    "test_positive_fraction": "share of class 1 among the test points (two classes)",
    "test_precision": "precision of class 1 on the test set at the decision threshold",
    "test_recall": "recall of class 1 on the test set at the decision threshold",
    "attribution_class": "the class the attributions explain (the selected sample's "
                         "prediction)",
    "sample_class": "the true class of the selected sample",
    "gradient_x_input_top": "feature index with the largest |gradient × input|",
    "integrated_gradients_top": "feature index with the largest |integrated gradient|",
    "shapley_top": "feature index with the largest |Shapley value|",
    "shapley_top_share": "|largest Shapley value| ÷ Σ |Shapley values|",
    "integrated_gradients_completeness": "|Σ integrated gradients − (f(x) − f(baseline))|",
    # the linear system of the steps' setup.linear_system (core.linear_systems.system_metrics)
    "system_det": "det A of the lesson's linear system (NaN unless A is 2×2)",
    "system_cond": "cond(A), 2-norm, of the lesson's linear system (inf when singular)",
    "system_x1": "first coordinate of the answer (solve, lstsq or a point of the line)",
    "system_x2": "second coordinate of the answer",
    "system_singular": "rank A < 2: the lines are parallel or coincide",
    "system_has_solution": "Ax = b has an exact solution",
    "system_squared_residuals": "‖Ax − b‖² at the answer (least squares: the minimum)",
    "system_shift": "how far the answer moves when the last b changes by the step's delta",
    "system_amplification": "(‖δx‖/‖x‖) ÷ (‖δb‖/‖b‖) for that change, at most cond(A)",
    "descent_distance": "‖last gradient-descent iterate − the least-squares point‖",
    "descent_diverges": "the descent's η is above 1/λ_max(AᵀA)",
}
#: Metrics that cost noticeably more than a forward pass; measured only when a claim asks.
COSTLY_METRICS = ("best_line_accuracy", "attribution_class", "gradient_x_input_top",
                  "integrated_gradients_top", "shapley_top", "shapley_top_share",
                  "integrated_gradients_completeness")
HIGHER_IS_BETTER = ("train_accuracy", "test_accuracy", "validation_accuracy")
OPS = ("at_least", "at_most", "about", "equals", "better_than")
FORMATS = ("number", "percent", "reciprocal")
CLAIM_KEYS = ("metric", "op", "value", "tolerance", "than", "lesson", "name", "format")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
STEPS_PLACEHOLDER = "steps"


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) \
            or not math.isfinite(value):
        raise SceneError(f"{where}: expected a finite number")
    return float(value)


def parse_claim(value: Any, where: str) -> dict[str, Any]:
    """One validated claim (a new dict; numbers as float, ``equals`` true/false kept bool).

    Raises SceneError naming the field: unknown metric/op/format, a missing value or
    tolerance, a value where ``better_than`` takes none, a ``name`` on a claim with no value.
    """
    d = as_dict(value, where, allowed=CLAIM_KEYS)
    metric = as_str(require(d, "metric", where), join(where, "metric"), choices=tuple(METRICS))
    op = as_str(require(d, "op", where), join(where, "op"), choices=OPS)
    claim: dict[str, Any] = {"metric": metric, "op": op}
    if "lesson" in d:
        claim["lesson"] = as_str(d["lesson"], join(where, "lesson"))
    if op == "better_than":
        if metric not in HIGHER_IS_BETTER and not metric.endswith("_loss"):
            raise SceneError(f"{join(where, 'metric')}: better_than compares a loss or an "
                             f"accuracy, got {metric!r}")
        for key in ("value", "tolerance", "name", "format"):
            if key in d:
                raise SceneError(f"{join(where, key)}: better_than has no {key}")
        claim["than"] = as_str(require(d, "than", where), join(where, "than"))
        return claim
    if "than" in d:
        raise SceneError(f"{join(where, 'than')}: only for better_than")
    raw = require(d, "value", where)
    if op == "equals" and isinstance(raw, bool):
        claim["value"] = raw
    else:
        claim["value"] = _number(raw, join(where, "value"))
    if op == "about":
        tolerance = _number(require(d, "tolerance", where), join(where, "tolerance"))
        if tolerance <= 0:
            raise SceneError(f"{join(where, 'tolerance')}: must be > 0, got {tolerance:g}")
        claim["tolerance"] = tolerance
    elif "tolerance" in d:
        raise SceneError(f"{join(where, 'tolerance')}: only for about")
    if "name" in d:
        name = as_str(d["name"], join(where, "name"))
        if not _NAME.match(name) or name == STEPS_PLACEHOLDER:
            raise SceneError(f"{join(where, 'name')}: a lower-case word (not 'steps'), "
                             f"got {name!r}")
        if isinstance(claim["value"], bool):
            raise SceneError(f"{join(where, 'name')}: a true/false claim has no number to quote")
        claim["name"] = name
        claim["format"] = as_str(d.get("format", "number"), join(where, "format"),
                                 choices=FORMATS)
    elif "format" in d:
        raise SceneError(f"{join(where, 'format')}: only for a claim with a name")
    return claim


def parse_claims(value: Any, where: str) -> list[dict[str, Any]]:
    """A list of :func:`parse_claim`; SceneError on a non-list or a repeated name."""
    if not isinstance(value, list):
        raise SceneError(f"{where}: expected a list of claims")
    claims = [parse_claim(item, join(where, i)) for i, item in enumerate(value)]
    names = [c["name"] for c in claims if "name" in c]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise SceneError(f"{where}: repeated claim name(s) {', '.join(repeated)}")
    return claims


def format_value(value: float, fmt: str) -> str:
    """A claim's value as the text writes it: ``number`` → ``f"{value:,g}"`` (0.07, 10,000);
    ``percent`` → 100·value and ``%`` (0.69 → ``69%``); ``reciprocal`` → 1/value (0.0001 →
    ``10,000``; ValueError for 0). Rounded to 10 significant digits first, so float noise
    (100 × 0.07 = 7.000000000000001) does not show."""
    if fmt == "percent":
        return f"{_rounded(100.0 * value):,g}%"
    if fmt == "reciprocal":
        if value == 0:
            raise ValueError("the reciprocal of 0 cannot be written")
        return f"{_rounded(1.0 / value):,g}"
    if fmt == "number":
        return f"{_rounded(value):,g}"
    raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")


def _rounded(value: float) -> float:
    return float(f"{value:.10g}")


def quoted_values(expect: Mapping[str, Any]) -> dict[str, str]:
    """Placeholder name → text for an ``expect`` block: ``steps`` and every named claim."""
    values = {STEPS_PLACEHOLDER: str(expect["steps"])}
    for claim in expect.get("claims", ()):
        if "name" in claim:
            values[claim["name"]] = format_value(claim["value"], claim["format"])
    return values


def placeholders(text: str) -> list[str]:
    """The ``{name}`` placeholders of ``text``, in order."""
    return _PLACEHOLDER.findall(text)


def check_placeholders(text: str, expect: Mapping[str, Any], where: str) -> None:
    """SceneError unless every ``{…}`` in ``text`` names ``steps`` or a named claim, and no
    brace is left unpaired."""
    known = quoted_values(expect)
    for name in placeholders(text):
        if name not in known:
            raise SceneError(f"{where}: {{{name}}} is not a claim name "
                             f"(known: {', '.join(sorted(known))})")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise SceneError(f"{where}: unpaired brace")


def fill(text: str, expect: Mapping[str, Any]) -> str:
    """``text`` with each ``{name}`` replaced by the claim's formatted value."""
    values = quoted_values(expect)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def claim_sentence(claim: Mapping[str, Any]) -> str:
    """The claim in words, for failure reports: ``"train_accuracy ≈ 0.69 ± 0.02"``."""
    where = f" of lesson {claim['lesson']!r}" if "lesson" in claim else ""
    metric, op = claim["metric"] + where, claim["op"]
    if op == "better_than":
        return f"{metric} better than lesson {claim['than']!r}"
    value = claim["value"]
    shown = str(value).lower() if isinstance(value, bool) else f"{value:g}"
    if op == "about":
        return f"{metric} ≈ {shown} ± {claim['tolerance']:g}"
    return f"{metric} {({'at_least': '≥', 'at_most': '≤', 'equals': '='})[op]} {shown}"


def holds(claim: Mapping[str, Any], measured: Any, other: Any = None) -> bool:
    """Whether ``claim`` holds for the measured value (``other``: the value of lesson
    ``than`` for ``better_than``). A NaN or missing measurement never satisfies a claim."""
    op = claim["op"]
    if isinstance(measured, bool) or isinstance(claim.get("value"), bool):
        return op == "equals" and measured is claim["value"]
    if measured is None or not math.isfinite(measured):
        return False
    if op == "better_than":
        if other is None or not math.isfinite(other):
            return False
        return measured > other if claim["metric"] in HIGHER_IS_BETTER else measured < other
    value = claim["value"]
    if op == "at_least":
        return measured >= value
    if op == "at_most":
        return measured <= value
    if op == "about":
        return abs(measured - value) <= claim["tolerance"]
    return measured == value


def check_claims(claims, metrics: Mapping[str, Any],
                 metrics_of: Callable[[str], Mapping[str, Any]]) -> list[str]:
    """One sentence per claim that does not hold (empty when all do). ``metrics`` are the
    lesson's own; ``metrics_of(lesson_id)`` gives another lesson's (``lesson``, ``than``)."""
    failures = []
    for claim in claims:
        source = metrics_of(claim["lesson"]) if "lesson" in claim else metrics
        measured = source.get(claim["metric"])
        other = (metrics_of(claim["than"]).get(claim["metric"])
                 if claim["op"] == "better_than" else None)
        if not holds(claim, measured, other):
            got = measured if isinstance(measured, bool) or measured is None \
                else f"{measured:.6g}"
            extra = "" if other is None else f" (lesson {claim['than']!r}: {other:.6g})"
            failures.append(f"expected {claim_sentence(claim)}, got {got}{extra}")
    return failures
