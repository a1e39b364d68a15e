"""Words for the weight-decay stability limit of ``core.optimizers.weight_decay_stability``.

The bound itself (and its derivation) lives in core; this module only shows it: the Training
panel's warning before Play and the divergence banner's advice after a blow-up. Each limit is
shown with the formula it comes from, so the numbers on screen multiply out:
SGD ηλ < 2, momentum ηλ < 2(1 + μ), Nesterov ηλ < 2(1 + μ)/(1 + 2μ); RMSprop and Adam have
no such limit and get no warning.
"""

from __future__ import annotations

from core.optimizers import DecayStability
from gui.common.i18n import translate
from gui.common.number_format import number
from gui.panels.setting_controls import choice_text

#: The formula of each optimizer's bound on ηλ (symbols only: the same in every language).
BOUND_FORMULAS = {"sgd": "2", "momentum": "2(1 + μ)", "nesterov": "2(1 + μ)/(1 + 2μ)"}


def optimizer_text(check: DecayStability) -> str:
    """The optimizer's display name, with the μ its bound used: "momentum (μ = 0.9)"."""
    name = choice_text(check.optimizer)
    return name if check.momentum is None else f"{name} (μ = {number(check.momentum)})"


def bound_text(check: DecayStability) -> str:
    """The bound with its formula: "2", "2(1 + μ) = 3.8", "2(1 + μ)/(1 + 2μ) = 1.357"."""
    formula = BOUND_FORMULAS.get(check.optimizer, "")
    value = number(check.bound, 4)
    return value if formula == value else f"{formula} = {value}"


def panel_warning(check: DecayStability, l2: float) -> str:
    """The Training panel's warning in the current language, or "" when ηλ is below the
    optimizer's bound (or the optimizer has none)."""
    if not check.unstable:
        return ""
    return translate(
        "TrainingPanel",
        "η·L2 = {0} ≥ {1} for {2}: weight decay alone makes the weights grow without bound "
        "(training will diverge). Lower the learning rate below {3} or reduce the L2 rate."
    ).format(number(check.product), bound_text(check), optimizer_text(check),
             number(check.bound / l2, 4))


def banner_advice(check: DecayStability, learning_rate: float, l2: float) -> str:
    """The divergence banner's sentence about the limit, or "" when it is not exceeded."""
    if not check.unstable:
        return ""
    return translate(
        "DivergenceBanner",
        "With L2 weight decay, η·λ must stay below {0} for {1} (now {2} × {3} = {4}): lower η "
        "below {5} or reduce the L2 rate."
    ).format(bound_text(check), optimizer_text(check), number(learning_rate), number(l2),
             number(check.product), number(check.bound / l2, 4))
