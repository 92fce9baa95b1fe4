"""Role profiles: YAML checklists (``score/profiles/*.yaml``) loaded and validated with line numbers.

>>> from kamscreen.score import load_profile
>>> load_profile("kam-director").criteria[0].id
'key_account_years'
"""

from __future__ import annotations

import difflib
import math
import reprlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NoReturn

import yaml

from kamscreen.extract.model import INDUSTRIES
from kamscreen.score.readers import LEVEL_ORDER, Reader, ordinal, parse_fact

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
OPS = (">=", ">", "<=", "<")

_TOP_KEYS = {
    "name": True,
    "label_en": True,
    "label_ru": True,
    "description": False,
    "caps": False,
    "rank_first": False,
    "criteria": True,
}
_CAP_KEYS = {"must_have_not_met": False, "must_have_no_data": False}
_CRITERION_KEYS = {
    "id": True,
    "label_en": True,
    "label_ru": True,
    "fact": True,
    "op": False,
    "threshold": True,
    "partly": False,
    "weight": True,
    "must_have": False,
    "requires": False,
    "note": False,
}
_REQUIRES = ("industry",)
# Bounds checked on the YAML events before anything is built: a profile is a few KB of plain data.
MAX_PROFILE_BYTES = 256 * 1024
MAX_DEPTH = 16
MAX_VALUES = 20_000  # nodes once aliases are expanded (a "billion laughs" file has billions)
MAX_NUMBER_CHARS = 40
MAX_WEIGHT = 1000.0  # weights are relative; huge ones would overflow the weighted sum to inf/NaN
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_shown = reprlib.Repr()
_shown.maxstring, _shown.maxother, _shown.maxlist, _shown.maxdict, _shown.maxlevel = 60, 60, 4, 4, 2


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Criterion:
    """One checklist line: ``fact`` read by a named reader, compared with ``op`` to ``threshold``.

    ``partly`` is a weaker threshold that earns half credit; ``requires: industry`` makes the
    criterion apply only when an industry is asked for (``--industry``).
    """

    id: str
    label_en: str
    label_ru: str
    fact: str
    reader: Reader
    args: tuple[str, ...]
    op: str
    threshold: float | str  # a number, or a CEFR level of a language reader
    weight: float
    must_have: bool = False
    partly: float | str | None = None
    requires: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Caps:
    """Ceilings of the checklist score: a must-have not met caps it at 40, one without data at 60."""

    must_have_not_met: float = 40.0
    must_have_no_data: float = 60.0


@dataclass(frozen=True)
class Profile:
    name: str
    label_en: str
    label_ru: str
    criteria: tuple[Criterion, ...]
    caps: Caps = Caps()
    source: str = ""
    #: criteria that define the role ("key-account years"): within a verdict group, candidates who
    #: meet them rank before those who do not, whatever the other lines add up to
    rank_first: tuple[str, ...] = ()

    def applicable(self, industry: str | None) -> tuple[Criterion, ...]:
        """The criteria that apply, given whether an industry was asked for."""
        return tuple(c for c in self.criteria if c.requires is None or (c.requires == "industry" and industry))


def available_profiles() -> list[str]:
    """Names of the shipped profiles."""
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def did_you_mean(value: str, choices) -> str:
    """`` (did you mean 'fmcg'?)`` for the nearest of ``choices``, or nothing when none is close."""
    close = difflib.get_close_matches(str(value).lower(), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def required_industry(industry: str | None) -> str | None:
    """``--industry`` normalised to a name of the taxonomy (``extract.model.INDUSTRIES``); ProfileError if unknown."""
    name = industry.strip().lower() if industry else None
    if not name:
        return None
    if name not in INDUSTRIES:
        raise ProfileError(
            f"unknown industry {industry!r}{did_you_mean(name, INDUSTRIES)}; known: {', '.join(INDUSTRIES)}"
        )
    return name


def load_profile(name_or_path: str | Path | Profile) -> Profile:
    """Load a shipped profile by name (``kam-director``) or a YAML file by path; ProfileError if invalid."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = PROFILES_DIR / f"{name_or_path}.yaml"
        if not path.is_file():
            shipped = available_profiles()
            raise ProfileError(
                f"unknown profile {str(name_or_path)!r}{did_you_mean(str(name_or_path), shipped)}; "
                f"shipped: {', '.join(shipped)}"
            )
    try:
        if not path.is_file():  # a folder, a pipe or a device never ends or is no profile
            raise ProfileError(f"{path}: not a profile file" if path.exists() else f"{path}: no such file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
        if len(data) > MAX_PROFILE_BYTES:
            raise ProfileError(f"{path}: larger than {MAX_PROFILE_BYTES // 1024} KB; a profile is a short checklist")
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read the profile ({getattr(exc, 'strerror', None) or exc})") from None
    return parse_profile(text, str(path))


@lru_cache(maxsize=32)
def parse_profile(text: str, source: str = "<profile>") -> Profile:
    """Validate and build a Profile from YAML text; ``source`` names the file in errors.

    Cached on (text, source): profiles are immutable, so scoring many CVs parses the YAML once.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_PROFILE_BYTES:
        raise ProfileError(f"{source}: larger than {MAX_PROFILE_BYTES // 1024} KB; a profile is a short checklist")
    try:
        _check_events(text, source)
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _check_expansion(node, source)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise ProfileError(f"{source}: {line}invalid YAML ({getattr(exc, 'problem', None) or exc})") from None
    return _Validator(source, node).profile(data)


def _check_events(text: str, source: str) -> None:
    """Refuse deep nesting and over-long numbers from the event stream (no recursion, nothing built)."""
    resolver = yaml.SafeLoader("")
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ProfileError(f"{source}: line {line}: nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif (
            isinstance(event, yaml.ScalarEvent)
            and len(event.value) > MAX_NUMBER_CHARS
            and event.tag is None
            and resolver.resolve(yaml.ScalarNode, event.value, event.implicit) in _NUMBER_TAGS
        ):
            raise ProfileError(f"{source}: line {line}: a number of {len(event.value):,} characters")


def _check_expansion(root: yaml.Node, source: str) -> None:
    """Refuse a document whose aliases expand past ``MAX_VALUES`` nodes, that refers to itself, or that
    gives a key twice (YAML would silently keep the last)."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            if sizes[key] < 0:
                raise ProfileError(f"{source}: line {node.start_mark.line + 1}: an alias refers to itself")
            return sizes[key]
        sizes[key] = -1
        if isinstance(node, yaml.MappingNode):
            seen: set[object] = set()  # scalar keys, and the ids of the others
            for k, _ in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value in seen:
                    raise ProfileError(
                        f"{source}: line {k.start_mark.line + 1}: the key {_shown.repr(k.value)} is given twice"
                    )
                seen.add(k.value if isinstance(k, yaml.ScalarNode) else id(k))
        children = (
            node.value
            if isinstance(node, yaml.SequenceNode)
            else [n for pair in node.value for n in pair]
            if isinstance(node, yaml.MappingNode)
            else []
        )
        total = 1
        for child in children:
            total += size(child)
            if total > MAX_VALUES:
                raise ProfileError(
                    f"{source}: line {node.start_mark.line + 1}: the YAML aliases expand to more "
                    f"than {MAX_VALUES:,} values; a profile needs a few hundred"
                )
        sizes[key] = total
        return total

    size(root)


class _Validator:
    """Walks the constructed data beside its YAML nodes so each problem gets its line."""

    def __init__(self, source: str, root: yaml.Node | None):
        self.source, self.root = source, root

    def fail(self, path: tuple, problem: str, key_line: bool = False) -> NoReturn:
        line = self._line(path, key_line)
        where = f"line {line}: " if line else ""
        raise ProfileError(f"{self.source}: {where}{problem}")

    def _line(self, path: tuple, key_line: bool) -> int | None:
        node = self.root
        if node is None:
            return None
        for step in path:
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == step), None)
                if pair is None:
                    break
                node = pair[0] if (key_line and step == path[-1]) else pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                break
        return node.start_mark.line + 1

    def keys(self, data: object, allowed: dict[str, bool], path: tuple, what: str) -> dict:
        if not isinstance(data, dict):
            self.fail(path, f"{what} must be a mapping of keys, got {type(data).__name__}")
        for key in data:
            if key not in allowed:
                self.fail(
                    (*path, key), f"unknown key {_shown.repr(key)} in {what}; allowed: {', '.join(allowed)}", True
                )
        for key, required in allowed.items():
            if required and key not in data:
                self.fail(path, f"{what} lacks the required key {key!r}")
        return data

    def text(self, data: dict, key: str, path: tuple) -> str:
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.fail((*path, key), f"{key!r} must be a non-empty string, got {_shown.repr(value)}")
        return value

    def number(self, value: object, key: str, path: tuple, positive: bool = False, most: float | None = None) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail((*path, key), f"{key!r} must be a number, got {_shown.repr(value)}")
        if not math.isfinite(value):
            self.fail((*path, key), f"{key!r} must be a finite number, got {value!r}")
        if positive and value <= 0:
            self.fail((*path, key), f"{key!r} must be greater than 0, got {value!r}")
        if most is not None and not 0 <= value <= most:
            self.fail((*path, key), f"{key!r} must be between 0 and {most:g}, got {value!r}")
        return float(value)

    def profile(self, data: object) -> Profile:
        data = self.keys(data, _TOP_KEYS, (), "the profile")
        caps = Caps()
        if "caps" in data:
            raw = self.keys(data["caps"], _CAP_KEYS, ("caps",), "caps")
            caps = Caps(**{k: self.number(v, k, ("caps",), most=100) for k, v in raw.items()})
        criteria = data["criteria"]
        if not isinstance(criteria, list) or not criteria:
            self.fail(("criteria",), "'criteria' must be a non-empty list")
        built = [self.criterion(item, ("criteria", i)) for i, item in enumerate(criteria)]
        seen: set[str] = set()
        for i, crit in enumerate(built):
            if crit.id in seen:
                self.fail(("criteria", i, "id"), f"duplicate criterion id {crit.id!r}")
            seen.add(crit.id)
        first = data.get("rank_first", [])
        if not isinstance(first, list) or not all(isinstance(c, str) for c in first):
            self.fail(("rank_first",), f"'rank_first' must be a list of criterion ids, got {_shown.repr(first)}")
        for i, ident in enumerate(first):
            if ident not in seen:
                self.fail(
                    ("rank_first", i),
                    f"'rank_first' names {ident!r}, which is no criterion of this profile{did_you_mean(ident, seen)}",
                )
        return Profile(
            self.text(data, "name", ()),
            self.text(data, "label_en", ()),
            self.text(data, "label_ru", ()),
            tuple(built),
            caps,
            self.source,
            tuple(first),
        )

    def criterion(self, item: object, path: tuple) -> Criterion:
        item = self.keys(item, _CRITERION_KEYS, path, "a criterion")
        ident = self.text(item, "id", path)
        try:
            reader, args = parse_fact(self.text(item, "fact", path))
        except ValueError as exc:
            self.fail((*path, "fact"), str(exc))
        op = item.get("op", ">=")
        if op not in OPS:
            self.fail((*path, "op"), f"'op' must be one of {', '.join(OPS)}, got {_shown.repr(op)}")
        threshold = self.threshold(item, "threshold", reader, path)
        partly = self.threshold(item, "partly", reader, path) if item.get("partly") is not None else None
        if partly is not None and not _weaker(op, partly, threshold):
            self.fail((*path, "partly"), f"'partly' ({partly!r}) must be a weaker bar than 'threshold' ({threshold!r})")
        must_have = item.get("must_have", False)
        if not isinstance(must_have, bool):
            self.fail((*path, "must_have"), f"'must_have' must be true or false, got {_shown.repr(must_have)}")
        requires = item.get("requires")
        if requires is not None and requires not in _REQUIRES:
            self.fail(
                (*path, "requires"), f"'requires' must be one of {', '.join(_REQUIRES)}, got {_shown.repr(requires)}"
            )
        note = item.get("note", "")
        if not isinstance(note, str):
            self.fail((*path, "note"), f"'note' must be a string, got {_shown.repr(note)}")
        return Criterion(
            id=ident,
            label_en=self.text(item, "label_en", path),
            label_ru=self.text(item, "label_ru", path),
            fact=item["fact"],
            reader=reader,
            args=args,
            op=op,
            threshold=threshold,
            weight=self.number(item["weight"], "weight", path, positive=True, most=MAX_WEIGHT),
            must_have=must_have,
            partly=partly,
            requires=requires,
            note=note,
        )

    def threshold(self, item: dict, key: str, reader: Reader, path: tuple) -> float | str:
        value = item[key]
        if reader.kind == "level":
            if value not in LEVEL_ORDER:
                self.fail(
                    (*path, key),
                    f"{key!r} of a language level must be one of {', '.join(LEVEL_ORDER)}, got {_shown.repr(value)}",
                )
            return value
        return self.number(value, key, path)


def _weaker(op: str, partly: float | str, threshold: float | str) -> bool:
    p, t = ordinal(partly), ordinal(threshold)
    assert isinstance(p, (int, float)) and isinstance(t, (int, float))  # both were checked as bars
    return p < t if op in (">=", ">") else p > t
