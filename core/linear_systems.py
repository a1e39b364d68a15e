"""Solving Ax = b in the plane: the cases, the answer, its sensitivity, and gradient descent.

A is (m, 2) and b is (m,): each row i is the line ``A[i, 0]·x₀ + A[i, 1]·x₁ = b[i]``. m = 2 is a
square system, m ≥ 3 an overdetermined one. :func:`analyse` classifies the system with a code
(:data:`CASES`, never an English sentence; the GUI chooses the text):

===================  ========================================================================
``unique``           square, rank 2, cond(A) ≤ :data:`ILL_CONDITIONED`: one intersection,
                     ``np.linalg.solve(A, b)`` (the tutorial's §3.1 example)
``ill_conditioned``  square, rank 2, cond(A) > :data:`ILL_CONDITIONED`: the lines are nearly
                     parallel, a small change in b moves the answer far (:func:`sensitivity`)
``singular_none``    rank(A) = 1 < rank([A | b]): parallel lines, no solution
``singular_line``    rank(A) = rank([A | b]) = 1: the lines coincide, a whole line of
                     solutions x = point + t·direction
``overdetermined``   m ≥ 3, rank 2: in general no exact solution; ``np.linalg.lstsq`` gives the
                     point minimizing Σᵢ ((Ax − b)ᵢ)², drawn with its residuals
``bad_input``        a NaN or infinite entry, a wrong shape, or a row with both coefficients 0
                     (not a line); :attr:`LinearSystem.problem` says which (:data:`PROBLEMS`)
===================  ========================================================================

Ranks are ``np.linalg.matrix_rank`` (SVD, tolerance σ_max · max(m, 2) · machine ε), so a
determinant that is 0 up to rounding counts as singular.

Sources: G. Strang, *Introduction to Linear Algebra* (5th ed., 2016): §2.1–2.2 (the row
picture, singular cases), §4.3 (least squares, AᵀA x̂ = Aᵀb), §9.2 (condition number,
‖δx‖/‖x‖ ≤ cond(A)·‖δb‖/‖b‖); I. Goodfellow, Y. Bengio, A. Courville, *Deep Learning* (2016)
§4.5 "Example: linear least squares" (gradient descent on ‖Ax − b‖², gradient 2Aᵀ(Ax − b),
in the book's ½‖Ax − b‖² with gradient Aᵀ(Ax − b)).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.plane_grid import grid_lines

__all__ = ["CASES", "EXAMPLES", "PROBLEMS", "GD_REGIMES", "ILL_CONDITIONED", "LinearSystem", "Sensitivity",
           "DescentPath", "analyse", "sensitivity", "loss", "gradient", "loss_grid",
           "stable_learning_rate", "gradient_descent", "line_points", "mapped_grid", "PLOTS",
           "DESCENT_DEFAULTS", "SETUP_KEYS", "merge_setup", "system_metrics"]

CASES = ("unique", "ill_conditioned", "singular_none", "singular_line", "overdetermined",
         "bad_input")
#: Ready-made systems (code → (A, b)) for the view's Examples menu and the lesson:
#: NumPy's ``np.linalg.solve`` example 3x₁ + x₂ = 9, x₁ + 2x₂ = 8 (answer (2, 3)), and one of
#: each case.
EXAMPLES: dict[str, tuple[tuple[tuple[float, float], ...], tuple[float, ...]]] = {
    "unique": (((3.0, 1.0), (1.0, 2.0)), (9.0, 8.0)),
    "singular_none": (((1.0, 2.0), (2.0, 4.0)), (4.0, 4.0)),
    "singular_line": (((1.0, 2.0), (2.0, 4.0)), (4.0, 8.0)),
    "ill_conditioned": (((1.0, 1.0), (1.0, 1.001)), (2.0, 2.001)),
    "overdetermined": (((1.0, 0.0), (0.0, 1.0), (1.0, 1.0)), (0.0, 0.0, 3.0)),
}
#: Why an input is ``bad_input``: ``shape`` (A not (m, 2) with m ≥ 2, or b not (m,)),
#: ``non_finite`` (a NaN or ±inf entry), ``out_of_range`` (an entry larger than ENTRY_MAX or a
#: non-zero one smaller than ENTRY_MIN in size: det, cond and the descent over- or underflow
#: there, e.g. 1e200 or 1e-320), ``zero_row`` (a row 0·x₀ + 0·x₁ = bᵢ is not a line).
PROBLEMS = ("shape", "non_finite", "out_of_range", "zero_row")
ENTRY_MAX = 1e6
ENTRY_MIN = 1e-6
#: Above this 2-norm condition number a square system is ``ill_conditioned``. Why 10³: the
#: relative error of x can be cond(A) times the relative error of b (Strang §9.2). Entries
#: typed or dragged on screen carry about three significant digits (relative error ~10⁻³),
#: so at cond(A) > 10³ that bound passes 100 %: the answer may have no correct digit.
ILL_CONDITIONED = 1e3
#: What gradient descent does at a learning rate η (:func:`gradient_descent`):
#: ``converges`` (0 < η < 1/λ_max(AᵀA)), ``oscillates`` (η = 1/λ_max: the error along the
#: steepest direction flips sign forever, never shrinking), ``diverges`` (η > 1/λ_max: it grows
#: by |1 − 2ηλ_max| > 1 per step).
GD_REGIMES = ("converges", "oscillates", "diverges")
#: A path stops early once |x| passes this (a diverging run would overflow to inf, then NaN).
_PATH_LIMIT = 1e100


@dataclass(frozen=True)
class LinearSystem:
    """What :func:`analyse` found (arrays are float64 copies; NaN/None where not defined).

    Fields:
        case: one of :data:`CASES`.
        problem: one of :data:`PROBLEMS` for ``bad_input`` (else None); ``row`` the first row at
            fault for ``non_finite`` / ``zero_row`` (-1: b, or not row-specific).
        A: (m, 2); b: (m,) (as given when the shape is bad: whatever ``np.asarray`` made).
        det: det A = a₁₁a₂₂ − a₁₂a₂₁ for a square A, NaN otherwise.
        cond: ``np.linalg.cond(A)`` (2-norm, σ_max/σ_min; inf when singular), NaN for bad input.
        solution: (2,) the answer: ``np.linalg.solve`` (unique, ill_conditioned),
            ``np.linalg.lstsq`` (overdetermined), the point of the solution line nearest the
            origin (singular_line); None for singular_none and bad_input.
        direction: (2,) unit direction of the solution line (singular_line), else None.
        residuals: (m,) A·solution − b (signed; zero up to rounding for an exact solution),
            None when there is no solution.
        squared_residuals: Σ residuals², NaN when there is no solution.
    """

    case: str
    A: np.ndarray
    b: np.ndarray
    det: float = float("nan")
    cond: float = float("nan")
    solution: np.ndarray | None = None
    direction: np.ndarray | None = None
    residuals: np.ndarray | None = None
    squared_residuals: float = float("nan")
    problem: str | None = None
    row: int = -1

    @property
    def square(self) -> bool:
        return self.case != "bad_input" and self.A.shape[0] == 2

    @property
    def has_point(self) -> bool:
        """Whether there is one answer point (unique, ill-conditioned or least squares)."""
        return self.case in ("unique", "ill_conditioned", "overdetermined")


def _bad(A, b, problem: str, row: int = -1) -> LinearSystem:
    return LinearSystem("bad_input", A, b, problem=problem, row=row)


def analyse(A, b) -> LinearSystem:
    """Classify and solve Ax = b (see the module docstring). Never raises for bad numbers or
    shapes: those give ``case == "bad_input"`` with the ``problem`` code, so the GUI can say
    what is wrong and keep the entries."""
    A = np.array(A, dtype=float, copy=True) if _numeric(A) else np.asarray(A, dtype=object)
    b = np.array(b, dtype=float, copy=True) if _numeric(b) else np.asarray(b, dtype=object)
    if A.dtype == object or b.dtype == object or A.ndim != 2 or A.shape[1] != 2 \
            or A.shape[0] < 2 or b.shape != (A.shape[0],):
        return _bad(A, b, "shape")
    finite = np.isfinite(A).all(axis=1) & np.isfinite(b)
    if not finite.all():
        return _bad(A, b, "non_finite", int(np.argmin(finite)))
    size = np.abs(np.column_stack([A, b]))
    out = ((size > ENTRY_MAX) | ((size > 0) & (size < ENTRY_MIN))).any(axis=1)
    if out.any():
        return _bad(A, b, "out_of_range", int(np.argmax(out)))
    zero = ~A.any(axis=1)
    if zero.any():
        return _bad(A, b, "zero_row", int(np.argmax(zero)))
    m = A.shape[0]
    # ad − bc (Strang §5.1): exact for entries like 1, 2, 2, 4, where LU gives ±4e-16
    det = float(A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]) if m == 2 else float("nan")
    with np.errstate(divide="ignore"):
        cond = float(np.linalg.cond(A))
    rank = int(np.linalg.matrix_rank(A))
    if rank < 2:
        cond = float("inf")
        consistent = np.linalg.matrix_rank(np.column_stack([A, b])) == rank
        if not consistent:
            return LinearSystem("singular_none", A, b, det, cond)
        point = np.linalg.pinv(A) @ b  # the minimum-norm solution
        direction = np.linalg.svd(A)[2][-1]  # spans the null space of A
        direction = direction if direction[np.argmax(np.abs(direction))] > 0 else -direction
        residuals = A @ point - b
        return LinearSystem("singular_line", A, b, det, cond, point, direction, residuals,
                            float(residuals @ residuals))
    if m == 2:
        x = np.linalg.solve(A, b)
        case = "ill_conditioned" if cond > ILL_CONDITIONED else "unique"
    else:
        x = np.linalg.lstsq(A, b, rcond=None)[0]
        case = "overdetermined"
    residuals = A @ x - b
    return LinearSystem(case, A, b, det, cond, x, None, residuals, float(residuals @ residuals))


def _numeric(value) -> bool:
    try:
        np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return False
    return True


@dataclass(frozen=True)
class Sensitivity:
    """The answer for b and for b + δb (:func:`sensitivity`).

    ``x``, ``x_perturbed``: (2,); ``shift`` = ‖x_perturbed − x‖₂; ``relative_b`` =
    ‖δb‖/‖b‖ and ``relative_x`` = ‖δx‖/‖x‖ (NaN when ‖b‖ or ‖x‖ is 0); ``amplification`` =
    relative_x / relative_b, at most cond(A) (Strang §9.2)."""

    x: np.ndarray
    x_perturbed: np.ndarray
    shift: float
    relative_b: float
    relative_x: float
    amplification: float


def sensitivity(A, b, delta_b) -> Sensitivity:
    """Solve for b and for b + δb (the same solver as :func:`analyse`) and compare.

    ``delta_b`` has b's shape (m,). Raises ValueError when the system has no single answer
    point (bad input, singular) or ``delta_b`` has the wrong shape or is not finite."""
    system = analyse(A, b)
    if not system.has_point:
        raise ValueError(f"sensitivity needs a system with one answer point, "
                         f"this one is {system.case}")
    delta_b = np.asarray(delta_b, dtype=float)
    if delta_b.shape != system.b.shape or not np.isfinite(delta_b).all():
        raise ValueError(f"delta_b must be {system.b.shape} and finite, got {delta_b!r}")
    moved = analyse(system.A, system.b + delta_b)
    x, x2 = system.solution, moved.solution
    shift = float(np.linalg.norm(x2 - x))
    norm_b, norm_x = float(np.linalg.norm(system.b)), float(np.linalg.norm(x))
    relative_b = float(np.linalg.norm(delta_b)) / norm_b if norm_b > 0 else float("nan")
    relative_x = shift / norm_x if norm_x > 0 else float("nan")
    amplification = relative_x / relative_b if relative_b > 0 else float("nan")
    return Sensitivity(x, x2, shift, relative_b, relative_x, amplification)


# ----------------------------------------------------------------------------- least squares
def loss(A, b, x) -> float:
    """f(x) = ‖Ax − b‖² (the sum of squared residuals; Goodfellow et al. §4.5)."""
    r = np.asarray(A, dtype=float) @ np.asarray(x, dtype=float) - np.asarray(b, dtype=float)
    return float(r @ r)


def gradient(A, b, x) -> np.ndarray:
    """∇f(x) = 2Aᵀ(Ax − b), shape (2,)."""
    A = np.asarray(A, dtype=float)
    return 2.0 * A.T @ (A @ np.asarray(x, dtype=float) - np.asarray(b, dtype=float))


def loss_grid(A, b, x0s, x1s) -> np.ndarray:
    """f on the grid of ``x0s`` (k,) × ``x1s`` (j,): shape (j, k), row-major (row = x₁),
    float64, vectorized (ready for ``ImageItem(axisOrder="row-major")``)."""
    A, b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)
    x0s, x1s = np.asarray(x0s, dtype=float), np.asarray(x1s, dtype=float)
    r = (A[:, 0, None, None] * x0s[None, None, :] + A[:, 1, None, None] * x1s[None, :, None]
         - b[:, None, None])
    return np.einsum("mjk,mjk->jk", r, r)


def stable_learning_rate(A) -> float:
    """1/λ_max(AᵀA): gradient descent on ‖Ax − b‖² converges for 0 < η below it.

    Why: x_{k+1} − x̂ = (I − 2ηAᵀA)(x_k − x̂), which shrinks in every direction iff
    |1 − 2ηλ| < 1 for every eigenvalue λ of AᵀA, i.e. η < 1/λ_max. ValueError for A = 0."""
    A = np.asarray(A, dtype=float)
    largest = float(np.linalg.eigvalsh(A.T @ A)[-1])
    if largest <= 0:
        raise ValueError("A is zero: ‖Ax − b‖² does not depend on x")
    return 1.0 / largest


@dataclass(frozen=True)
class DescentPath:
    """A gradient-descent run on ‖Ax − b‖² (:func:`gradient_descent`).

    ``path``: (k + 1, 2) iterates x₀ … x_k (k = steps, fewer when it stopped early);
    ``losses``: (k + 1,) f at each; ``regime``: one of :data:`GD_REGIMES` (from η against
    :func:`stable_learning_rate`, not from the path); ``stopped_early``: it stopped once |x|
    passed 1e100 (a diverging run), before overflowing."""

    path: np.ndarray
    losses: np.ndarray
    regime: str
    learning_rate: float
    stable_below: float
    stopped_early: bool


def gradient_descent(A, b, x0, learning_rate: float, steps: int) -> DescentPath:
    """x ← x − η·2Aᵀ(Ax − b), ``steps`` times from ``x0`` (2,).

    For 0 < η < 1/λ_max(AᵀA) and rank A = 2 it converges to the least-squares point
    (``np.linalg.lstsq``, = ``np.linalg.solve`` for a square nonsingular A).
    Raises ValueError for η ≤ 0 or not finite, steps < 0, a bad A/b/x0 (``analyse`` says
    ``bad_input``) or a non-finite x0."""
    system = analyse(A, b)
    if system.case == "bad_input":
        raise ValueError(f"gradient descent needs a valid system ({system.problem})")
    if not np.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(f"learning rate must be > 0 and finite, got {learning_rate!r}")
    if steps < 0:
        raise ValueError(f"steps must be ≥ 0, got {steps}")
    x = np.asarray(x0, dtype=float).copy()
    if x.shape != (2,) or not np.isfinite(x).all():
        raise ValueError(f"x0 must be 2 finite numbers, got {x0!r}")
    A, b = system.A, system.b
    limit = stable_learning_rate(A)
    regime = ("converges" if learning_rate < limit else
              "oscillates" if np.isclose(learning_rate, limit, rtol=1e-12, atol=0) else
              "diverges")
    path = [x.copy()]
    stopped = False
    for _ in range(int(steps)):
        x = x - learning_rate * gradient(A, b, x)
        if not np.all(np.abs(x) < _PATH_LIMIT):
            stopped = True
            break
        path.append(x.copy())
    path = np.array(path)
    residuals = path @ A.T - b
    losses = np.einsum("km,km->k", residuals, residuals)
    return DescentPath(path, losses, regime, float(learning_rate), limit, stopped)


# ----------------------------------------------------------------------------- pictures
def line_points(row, rhs: float, center, radius: float) -> np.ndarray:
    """Two points (2, 2) of the line ``row[0]·x₀ + row[1]·x₁ = rhs``, each ``radius`` from the
    foot of the perpendicular from ``center``: a segment that crosses a view of half-width
    ≤ radius around ``center``. ValueError for a zero row or a non-finite number."""
    a = np.asarray(row, dtype=float)
    center = np.asarray(center, dtype=float)
    if a.shape != (2,) or not np.isfinite(a).all() or not np.any(a) \
            or not np.isfinite(rhs) or not np.isfinite(center).all():
        raise ValueError(f"not a line: {row!r} · x = {rhs!r}")
    norm2 = float(a @ a)
    foot = center - (a @ center - rhs) / norm2 * a
    direction = np.array([-a[1], a[0]]) / np.sqrt(norm2)
    return np.array([foot - radius * direction, foot + radius * direction])


def mapped_grid(A, extent, lines: int = 11, samples: int = 2) -> np.ndarray:
    """The grid of :func:`core.plane_grid.grid_lines` over ``extent`` carried through the
    square matrix A (x ↦ Ax): shape (2·lines, samples, 2). A straight line stays straight, so
    2 samples per line suffice. ValueError for A not (2, 2) or not finite."""
    A = np.asarray(A, dtype=float)
    if A.shape != (2, 2) or not np.isfinite(A).all():
        raise ValueError(f"A must be a finite 2×2 matrix, got shape {A.shape}")
    return grid_lines(extent, lines, samples) @ A.T


# ----------------------------------------------------------------------------- lessons
#: The view's pictures a lesson step may bring to the front (``setup.linear_system.plot``).
PLOTS = ("lines", "transformation", "descent")
#: The gradient-descent run a view or lesson step shows unless it says otherwise.
DESCENT_DEFAULTS = {"learning_rate": 0.05, "steps": 30, "start": (0.0, 0.0)}
#: ``setup.linear_system`` keys: the system (A and b together), the change δ of the last
#: right-hand side, the picture in front and the descent run.
SETUP_KEYS = ("A", "b", "delta", "plot", "learning_rate", "steps", "start")


def merge_setup(state: dict, setup: dict) -> dict:
    """The linear system after a step's ``setup.linear_system``: ``setup`` over ``state``; a
    new A and b reset δ to 0 unless the step gives one (the lesson steps accumulate, like the
    window's view)."""
    merged = dict(state)
    if "A" in setup:
        merged.pop("delta", None)
    merged.update(setup)
    return merged


def system_metrics(state: dict | None) -> dict:
    """The lesson metrics of a linear system (``core.lesson_claims.METRICS``, ``system_*`` and
    ``descent_*``) for a merged ``setup.linear_system`` state; NaN (None for true/false ones)
    when there is no system."""
    nan = float("nan")
    out = {"system_det": nan, "system_cond": nan, "system_x1": nan, "system_x2": nan,
           "system_singular": None, "system_has_solution": None,
           "system_squared_residuals": nan, "system_shift": nan, "system_amplification": nan,
           "descent_distance": nan, "descent_diverges": None}
    if not state or "A" not in state:
        return out
    system = analyse(state["A"], state["b"])
    if system.case == "bad_input":
        return out
    out["system_det"], out["system_cond"] = system.det, system.cond
    out["system_singular"] = system.case in ("singular_none", "singular_line")
    out["system_has_solution"] = system.case in ("unique", "ill_conditioned", "singular_line") \
        or (system.case == "overdetermined" and system.squared_residuals <= 1e-20)
    out["system_squared_residuals"] = system.squared_residuals
    if system.solution is not None:
        out["system_x1"], out["system_x2"] = (float(v) for v in system.solution)
    delta = float(state.get("delta", 0.0))
    if delta != 0.0 and system.has_point:
        moved = sensitivity(system.A, system.b, np.eye(len(system.b))[-1] * delta)
        out["system_shift"], out["system_amplification"] = moved.shift, moved.amplification
    run = gradient_descent(system.A, system.b,
                           state.get("start", DESCENT_DEFAULTS["start"]),
                           state.get("learning_rate", DESCENT_DEFAULTS["learning_rate"]),
                           state.get("steps", DESCENT_DEFAULTS["steps"]))
    out["descent_diverges"] = run.regime == "diverges"
    if system.has_point:
        out["descent_distance"] = float(np.linalg.norm(run.path[-1] - system.solution))
    return out
