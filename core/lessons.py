"""Built-in lessons: ``resources/lessons/*.json`` → validated :class:`Lesson` records → Sessions.

A lesson file holds one numbered lesson and, optionally, ``variants`` that change a few settings
of the same scene (e.g. "xor-perceptron" and its variant "xor-hidden"). Every lesson and every
variant has its own id, so ``load_lesson("xor-hidden")`` and ``app.py --lesson xor-hidden`` work.

File format (``"lesson_format": 3``; format 2 is the same without ``steps`` and still loads,
its text shown as one step: :meth:`Lesson.guided_steps`)::

    {"lesson_format": 3, "id": "xor-perceptron", "number": 2,
     "title": {"en": "...", "zh_CN": "..."},
     "text": {"en": "... levels off at {train_accuracy} ...", "zh_CN": "... {train_accuracy} ..."},
     "suggested_steps": [{"en": ..., "zh_CN": ...}, ...],
     "steps": [{"text": ..., "setup": ..., "action": ..., "predict": ..., "claims": ...}],
     "scene": {"schema_version": 1, "data": {...}, "network": {...}, "training": {...},
               "views": {"open": [...], "loss_surface": {"plane": "parameters", ...}}},
     "dataset": {"csv": "penguins.csv", "features": [...], "label": "species"},  # optional
     "play_speed": 2,  # optional: Play's steps per second in the window (0 = max)
     "expect": {"steps": 400, "claims": [{"metric": "train_accuracy", "op": "about",
                "value": 0.69, "tolerance": 0.02, "name": "train_accuracy",
                "format": "percent"}, ...]},
     "variants": [{"id": "xor-hidden", "title": ..., "text": ..., "suggested_steps": [...],
                   "changes": {"network": {"hidden_sizes": [4]}}, "expect": {...},
                   "play_speed": 5}]}  # optional; a variant without one keeps its lesson's

``steps`` (required in format 3, for the lesson and for each variant) is the guided sequence of
the window's lesson bar, validated by :func:`core.lesson_steps.parse_steps` (see there).

``expect`` is what the lesson's text says happens when the lesson is trained for
``expect.steps`` steps from its start: the claims (:mod:`core.lesson_claims`) are checked by
:mod:`core.lesson_outcomes` after a headless run, and the text quotes their values as
``{name}`` (:meth:`Lesson.localized` fills them in), so the text's numbers are the checked ones.

``scene.views`` tells the GUI what to show: ``"open"`` lists view ids (``canvas``,
``loss_curve``, ``loss_surface``, ``network``, ``inspector``, ``gradient_norms``, ``weights``)
and ``"loss_surface"`` (required) the plane of the loss-surface view, set whenever the lesson
opens: ``{"plane": "linear"}`` ((w, b) of the 1-input linear model), ``{"plane": "random"}``
(filter-normalized random directions) or ``{"plane": "parameters", "parameters":
[{"layer": 1, "kind": "W", "i": 0, "j": 0}, {"layer": 1, "kind": "b", "i": 0}]}`` (two
parameters addressed as :class:`core.parameters.ParamRef`: layer counts from 0 as in
``net.weights``, the GUI writes it W¹ for layer 0). ``"pca"`` is refused: a lesson starts at
step 0, where there is no path to take components of. :func:`surface_plane` resolves it.

``play_speed`` (steps per second, :data:`PLAY_SPEED_RANGE`, or 0 for as fast as possible) is
the rate of Play while the lesson is open in the window, e.g. slow enough to watch a zig-zag;
without it the window uses its calm default. Headless runs ignore it (they train ``expect.steps``).

The scene goes through :func:`core.scene.scene_from_dict`, the same validation as a scene file
from disk. ``dataset.csv`` names a file in ``resources/data/`` only (no paths).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from core.data_source import DataSource
from core.datasets import PointSet, read_csv
from core.directions import PLANE_KINDS, is_linear_lesson, random_plane
from core.lesson_claims import check_placeholders, fill, parse_claims
from core.lesson_steps import LessonStep, parse_steps
from core.parameters import ParamRef
from core.resource_files import resources_dir
from core.scene import legacy_shares, scene_from_dict
from core.scene_validation import (
    SceneError,
    as_dict,
    as_float,
    as_int,
    as_str,
    join,
    require,
    type_name,
)
from core.settings import DataSettings

# The "resources" package, found with importlib.resources (core.resource_files).
RESOURCES = resources_dir()
LESSON_DIR = RESOURCES / "lessons"
LESSON_GLOB = "*.json"  # the lesson files of a directory (shipped by pyproject's package-data)
DATA_DIR = RESOURCES / "data"
LANGUAGES = ("en", "zh_CN")
LESSON_FORMAT = 3
#: Formats this app reads: 3 (with guided ``steps``) and 2 (the same without them).
LESSON_FORMATS = (2, 3)
SCENE_SECTIONS = ("data", "network", "training", "views")
_ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MAX_LESSON_BYTES = 1_000_000
#: Allowed ``play_speed`` in steps per second (0 also allowed: as fast as possible).
PLAY_SPEED_RANGE = (0.5, 1000.0)

#: Planes a lesson may ask for (core.directions.PLANE_KINDS without "pca", which needs a path).
LESSON_PLANES = tuple(kind for kind in PLANE_KINDS if kind != "pca")


class SurfacePlane(NamedTuple):
    """The loss-surface plane a lesson sets: ``kind`` (one of :data:`LESSON_PLANES`) and, for
    "parameters", the two flat indices into ``net.get_params()`` (else None)."""

    kind: str
    parameters: tuple[int, int] | None = None


@dataclass(frozen=True)
class Lesson:
    """One lesson or variant, ready to load.

    ``title``, ``text`` and each entry of ``suggested_steps`` map a language code
    (:data:`LANGUAGES`) to text; use :meth:`localized`. ``play_speed`` is Play's rate in
    steps/s while the lesson is open (0 = as fast as possible), None when the lesson leaves
    it to the window's default. ``scene`` is the scene template with the
    variant's changes applied (plain dict, never shared with the caller). ``group`` is the id of
    the numbered lesson this belongs to (itself for the base lesson) and ``number`` its number,
    for menus.
    """

    id: str
    number: int
    group: str
    title: dict[str, str]
    text: dict[str, str]
    suggested_steps: tuple[dict[str, str], ...]
    scene: dict[str, Any]
    expect: dict[str, Any]
    dataset: dict[str, Any] | None = None
    path: Path | None = field(default=None, compare=False)
    play_speed: float | None = None
    steps: tuple[LessonStep, ...] = ()

    def guided_steps(self) -> tuple[LessonStep, ...]:
        """The steps of the lesson bar: ``steps`` (format 3), or for a format-2 lesson one
        step showing its ``text``, with no setup or action."""
        return self.steps or (LessonStep(dict(self.text)),)

    def localized(self, name: str, language: str = "en") -> str:
        """``title`` or ``text`` in ``language`` (``"zh_CN"``, ``"zh"`` …), English if missing,
        with each ``{claim}`` replaced by the claim's value (:func:`core.lesson_claims.fill`)."""
        texts = getattr(self, name)
        if language in texts:
            return fill(texts[language], self.expect)
        prefix = [k for k in texts if k.split("_")[0] == language.split("_")[0]]
        return fill(texts[prefix[0]] if prefix else texts["en"], self.expect)

    def localized_steps(self, language: str = "en") -> list[str]:
        """The suggested steps in ``language`` (English where missing), claims filled in."""
        return [fill(step.get(language) or step["en"], self.expect)
                for step in self.suggested_steps]


def _texts(value: Any, where: str) -> dict[str, str]:
    d = as_dict(value, where, allowed=LANGUAGES)
    for language in LANGUAGES:
        text = as_str(require(d, language, where), join(where, language))
        if not text.strip():
            raise SceneError(f"{join(where, language)}: empty text")
    return dict(d)


def _steps(value: Any, where: str) -> tuple[dict[str, str], ...]:
    if not isinstance(value, list):
        raise SceneError(f"{where}: expected a list of texts")
    return tuple(_texts(item, join(where, i)) for i, item in enumerate(value))


def _expect(value: Any, where: str) -> dict[str, Any]:
    d = as_dict(value, where, allowed=("steps", "claims"))
    return {"steps": as_int(require(d, "steps", where), join(where, "steps"), minimum=1,
                            maximum=100_000),
            "claims": parse_claims(d.get("claims", []), join(where, "claims"))}


def _check_texts(lesson: Lesson, where: str) -> None:
    """Every ``{…}`` in the lesson's title, text and steps names one of its claims."""
    fields = [("title", lesson.title), ("text", lesson.text)]
    fields += [(f"suggested_steps[{i}]", step) for i, step in enumerate(lesson.suggested_steps)]
    for name, texts in fields:
        for language, text in texts.items():
            check_placeholders(text, lesson.expect, join(join(where, name), language))


def _surface(views: Any, where: str) -> dict[str, Any]:
    """The ``views.loss_surface`` block of a lesson scene, checked for form (see the module
    docstring); whether it fits the network is checked by :func:`surface_plane`."""
    views = as_dict(views, where)
    spec = as_dict(require(views, "loss_surface", where), join(where, "loss_surface"),
                   allowed=("plane", "parameters"))
    where = join(where, "loss_surface")
    plane = require(spec, "plane", where)
    if plane == "pca":
        raise SceneError(f"{join(where, 'plane')}: a lesson starts at step 0, where the PCA "
                         f"plane has no path; choose one of {', '.join(LESSON_PLANES)}")
    plane = as_str(plane, join(where, "plane"), choices=LESSON_PLANES)
    if (plane == "parameters") != ("parameters" in spec):
        raise SceneError(f"{join(where, 'parameters')}: needed for the 'parameters' plane "
                         f"and only there")
    if plane == "parameters":
        chosen = spec["parameters"]
        if not isinstance(chosen, list) or len(chosen) != 2:
            raise SceneError(f"{join(where, 'parameters')}: expected a list of two parameters")
        for k, address in enumerate(chosen):
            at = join(join(where, "parameters"), k)
            address = as_dict(address, at, allowed=("layer", "kind", "i", "j"))
            as_int(require(address, "layer", at), join(at, "layer"), minimum=0)
            as_str(require(address, "kind", at), join(at, "kind"), choices=("W", "b"))
            as_int(require(address, "i", at), join(at, "i"), minimum=0)
            if address["kind"] == "W":
                as_int(require(address, "j", at), join(at, "j"), minimum=0)
    return spec


def surface_plane(views: dict, net, loss: str) -> SurfacePlane:
    """The loss-surface plane a lesson's ``views`` ask for, resolved for ``net``
    (core.network.MLP) trained with ``loss``: flat indices for "parameters".

    Raises SceneError when the plane does not fit: "linear" on a model that is not the
    1-input linear model with mse, a parameter outside the network, the same parameter twice,
    "random" when every weight is 0 (filter normalization has nothing to scale to).
    """
    where = "views.loss_surface"
    spec = _surface(views, "views")
    kind = spec["plane"]
    if kind == "linear" and not is_linear_lesson(net, loss):
        raise SceneError(f"{where}.plane: the (w, b) plane needs a 1-input linear model "
                         f"trained with mse")
    if kind == "random":
        try:
            random_plane(net)
        except ValueError as error:
            raise SceneError(f"{where}.plane: {error}") from None
    if kind != "parameters":
        return SurfacePlane(kind)
    indices = []
    for k, a in enumerate(spec["parameters"]):
        try:
            ref = ParamRef(a["layer"], a["kind"], a["i"], a.get("j", 0))
            indices.append(ref.flat_index(net.layer_sizes, getattr(net, "batch_norm", False)))
        except ValueError as error:
            raise SceneError(f"{where}.parameters[{k}]: {error}") from None
    if indices[0] == indices[1]:
        raise SceneError(f"{where}.parameters: choose two different parameters")
    return SurfacePlane(kind, (indices[0], indices[1]))


def _play_speed(value: Any, where: str) -> float:
    """A lesson's ``play_speed``: 0 (as fast as possible) or steps/s in
    :data:`PLAY_SPEED_RANGE`; SceneError naming the field otherwise."""
    low, high = PLAY_SPEED_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SceneError(f"{where}: expected a number of steps per second (0 = as fast as "
                         f"possible, else {low:g} to {high:g}), got {type_name(value)}")
    speed = as_float(value, where)
    if speed != 0 and not low <= speed <= high:
        raise SceneError(f"{where}: expected 0 (as fast as possible) or {low:g} to {high:g} "
                         f"steps per second, got {speed:g}")
    return speed


def _dataset(value: Any, where: str) -> dict[str, Any]:
    d = as_dict(value, where, allowed=("csv", "features", "label"))
    name = as_str(require(d, "csv", where), join(where, "csv"))
    if Path(name).name != name or not name.endswith(".csv"):
        raise SceneError(f"{join(where, 'csv')}: must be a file name in resources/data, "
                         f"got {name!r}")
    features = require(d, "features", where)
    if not isinstance(features, list) or not 1 <= len(features) <= 2:
        raise SceneError(f"{join(where, 'features')}: expected a list of 1 or 2 column names")
    for i, feature in enumerate(features):
        as_str(feature, join(where, f"features[{i}]"))
    label = as_str(require(d, "label", where), join(where, "label"))
    return {"csv": name, "features": list(features), "label": label}


def _apply_changes(scene: dict, changes: Any, where: str) -> dict:
    """Deep copy of ``scene`` with each section's keys overridden by ``changes[section]``."""
    changes = as_dict(changes, where, allowed=SCENE_SECTIONS)
    merged = copy.deepcopy(scene)
    for section, overrides in changes.items():
        overrides = as_dict(overrides, join(where, section))
        base = as_dict(merged.get(section, {}), f"scene.{section}")
        merged[section] = {**base, **copy.deepcopy(overrides)}
    return merged


def _guided(d: dict, where: str, expect: dict[str, Any], version: int
            ) -> tuple[LessonStep, ...]:
    """The guided ``steps`` of a lesson or variant: required in format 3, absent in 2."""
    if version == 2:
        if "steps" in d:
            raise SceneError(f"{join(where, 'steps')}: guided steps need lesson_format 3")
        return ()
    return parse_steps(require(d, "steps", where), join(where, "steps"), expect,
                       texts=_texts, check_surface=_surface, check_speed=_play_speed)


def _check_id(value: Any, where: str) -> str:
    lesson_id = as_str(value, where)
    if not _ID_PATTERN.match(lesson_id):
        raise SceneError(f"{where}: ids are lower-case words joined by '-', got {lesson_id!r}")
    return lesson_id


def parse_lesson_file(d: Any, path: Path | None = None) -> list[Lesson]:
    """Validate one decoded lesson file; return the base lesson followed by its variants.

    Raises SceneError naming the field (e.g. ``"variants[0].title.zh_CN: missing required
    field"``). The scene itself is validated later, by :func:`load_lesson_scene`.
    """
    allowed = ("lesson_format", "id", "number", "title", "text", "suggested_steps", "scene",
               "dataset", "expect", "variants", "play_speed", "steps")
    d = as_dict(d, "lesson", allowed=allowed)
    version = as_int(require(d, "lesson_format", ""), "lesson_format")
    if version not in LESSON_FORMATS:
        raise SceneError(f"lesson_format: this app reads formats "
                         f"{' and '.join(map(str, LESSON_FORMATS))}, got {version}")
    if version == 2 and "steps" in d:
        raise SceneError("steps: guided steps need lesson_format 3")
    base_id = _check_id(require(d, "id", ""), "id")
    number = as_int(require(d, "number", ""), "number", minimum=1, maximum=999)
    scene = as_dict(require(d, "scene", ""), "scene")
    dataset = _dataset(d["dataset"], "dataset") if "dataset" in d else None
    steps = _steps(d.get("suggested_steps", []), "suggested_steps")
    _surface(scene.get("views"), "scene.views")
    speed = _play_speed(d["play_speed"], "play_speed") if "play_speed" in d else None
    expect = _expect(require(d, "expect", ""), "expect")
    guided = _guided(d, "", expect, version)
    lessons = [Lesson(base_id, number, base_id, _texts(require(d, "title", ""), "title"),
                      _texts(require(d, "text", ""), "text"), steps, copy.deepcopy(scene),
                      expect, dataset, path, speed, guided)]
    _check_texts(lessons[0], "")
    variants = d.get("variants", [])
    if not isinstance(variants, list):
        raise SceneError("variants: expected a list")
    for i, variant in enumerate(variants):
        where = f"variants[{i}]"
        variant = as_dict(variant, where, allowed=("id", "title", "text", "suggested_steps",
                                                   "changes", "expect", "play_speed", "steps"))
        variant_expect = _expect(require(variant, "expect", where), join(where, "expect"))
        lessons.append(Lesson(
            _check_id(require(variant, "id", where), join(where, "id")), number, base_id,
            _texts(require(variant, "title", where), join(where, "title")),
            _texts(require(variant, "text", where), join(where, "text")),
            _steps(variant["suggested_steps"], join(where, "suggested_steps"))
            if "suggested_steps" in variant else steps,
            _apply_changes(scene, variant.get("changes", {}), join(where, "changes")),
            variant_expect, dataset, path,
            _play_speed(variant["play_speed"], join(where, "play_speed"))
            if "play_speed" in variant else speed,
            _guided(variant, where, variant_expect, version)))
        _surface(lessons[-1].scene.get("views"), join(where, "changes.views"))
        _check_texts(lessons[-1], where)
    return lessons


@functools.lru_cache(maxsize=4)
def _catalogue(directory: Path) -> tuple[Lesson, ...]:
    lessons: list[Lesson] = []
    for path in sorted(directory.glob(LESSON_GLOB)):
        raw = path.read_bytes()
        if len(raw) > _MAX_LESSON_BYTES:
            raise SceneError(f"{path.name}: lesson file too large")
        try:
            decoded = json.loads(raw.decode("utf-8-sig"))
            lessons.extend(parse_lesson_file(decoded, path))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise SceneError(f"{path.name}: not a valid JSON lesson file ({error})") from None
        except SceneError as error:
            raise SceneError(f"{path.name}: {error}") from None
    ids = [lesson.id for lesson in lessons]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SceneError(f"duplicate lesson id(s): {', '.join(duplicates)}")
    for lesson in lessons:
        for i, claim in enumerate(lesson.expect["claims"]):
            for key in ("lesson", "than"):
                if key in claim and claim[key] not in ids:
                    raise SceneError(f"lesson {lesson.id!r}: expect.claims[{i}].{key}: "
                                     f"unknown lesson {claim[key]!r}")
    return tuple(sorted(lessons, key=lambda lesson: lesson.number))  # stable: file order kept


def list_lessons(directory: Path | None = None) -> list[Lesson]:
    """Every built-in lesson and variant, ordered by lesson number (base lesson first).

    Raises SceneError if a lesson file is malformed (a packaging bug, caught by the tests).
    """
    return list(_catalogue(Path(directory) if directory else LESSON_DIR))


def lesson_ids(directory: Path | None = None) -> list[str]:
    """The ids of :func:`list_lessons`, in order."""
    return [lesson.id for lesson in list_lessons(directory)]


def get_lesson(lesson_id: str, directory: Path | None = None) -> Lesson:
    """The :class:`Lesson` with this id; ValueError listing the known ids otherwise."""
    for lesson in list_lessons(directory):
        if lesson.id == lesson_id:
            return lesson
    known = ", ".join(lesson_ids(directory))
    raise ValueError(f"unknown lesson {lesson_id!r}; known lessons: {known}")


def lesson_scene_dict(lesson: Lesson) -> dict[str, Any]:
    """The lesson's scene as a plain scene dict, with a CSV data set read into ``points``."""
    scene = copy.deepcopy(lesson.scene)
    if lesson.dataset is not None:
        spec = lesson.dataset
        data = scene.get("data", {})
        task = data.get("task") if isinstance(data, dict) else None
        ds = read_csv(DATA_DIR / spec["csv"], spec["features"], spec["label"], task=task)
        shares = {**DataSettings().to_dict(), **legacy_shares(data if isinstance(data, dict)
                                                              else {})}
        scene["points"] = PointSet.from_dataset(
            ds, train_fraction=shares["train_fraction"], seed=shares["seed"],
            validation_fraction=shares["validation_fraction"]).to_dict()
        scene["class_names"] = None if ds.class_names is None else list(ds.class_names)
        scene["feature_names"] = list(ds.feature_names)
        # the Data panel says what the points are ("penguins.csv · 342 rows · 2 dropped"),
        # not the generator the scene's data settings name
        scene["data_source"] = DataSource(
            spec["csv"], int(ds.X.shape[0]), None, int(ds.dropped_rows),
            tuple(ds.class_names or ()) if ds.task == "classification" else ()).to_dict()
    return scene


def load_lesson_scene(lesson_id: str, directory: Path | None = None):
    """``(Session, views)`` for a lesson, validated by :func:`core.scene.scene_from_dict`; the
    loss-surface plane of ``views`` fits the network (:func:`surface_plane`).

    Raises ValueError (unknown id, listing the ids) or SceneError (malformed lesson scene).
    """
    lesson = get_lesson(lesson_id, directory)
    try:
        session, views = scene_from_dict(lesson_scene_dict(lesson))
        surface_plane(views, session.net, session.loss)
    except SceneError as error:
        raise SceneError(f"lesson {lesson_id!r}: {error}") from None
    return session, views


def load_lesson(lesson_id: str, directory: Path | None = None):
    """A fresh :class:`core.session.Session` set up as the lesson describes (step 0)."""
    return load_lesson_scene(lesson_id, directory)[0]
