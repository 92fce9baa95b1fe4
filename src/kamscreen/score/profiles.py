"""Role profiles: YAML checklists (``score/profiles/*.yaml``) loaded and validated with line numbers.

>>> from kamscreen.score import load_profile
>>> load_profile("kam-director").criteria[0].id
'key_account_years'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kamscreen.extract.model import INDUSTRIES
from kamscreen.score.readers import LEVEL_ORDER, Reader, parse_fact

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
OPS = (">=", ">", "<=", "<")

_TOP_KEYS = {"name": True, "label_en": True, "label_ru": True, "description": False, "caps": False,
             "criteria": True}
_CAP_KEYS = {"must_have_not_met": False, "must_have_no_data": False}
_CRITERION_KEYS = {"id": True, "label_en": True, "label_ru": True, "fact": True, "op": False,
                   "threshold": True, "partly": False, "weight": True, "must_have": False,
                   "requires": False, "note": False}
_REQUIRES = ("industry",)


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file, the line and the problem."""


def required_industry(industry: str | None) -> str | None:
    """The industry asked for (``--industry``), folded to lower case; ProfileError if it is not one
    of the taxonomy's (``kamscreen.extract.model.INDUSTRIES``)."""
    name = industry.strip().lower() if industry else None
    if name and name not in INDUSTRIES:
        raise ProfileError(f"--industry: unknown industry {industry!r}; one of {', '.join(INDUSTRIES)}")
    return name or None


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
    threshold: object
    weight: float
    must_have: bool = False
    partly: object = None
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

    def applicable(self, industry: str | None) -> tuple[Criterion, ...]:
        """The criteria that apply, given whether an industry was asked for."""
        return tuple(c for c in self.criteria if c.requires is None or (c.requires == "industry" and industry))


def available_profiles() -> list[str]:
    """Names of the shipped profiles."""
    return sorted(p.stem for p in PROFILES_DIR.glob("*.yaml"))


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a shipped profile by name (``kam-director``) or a YAML file by path; ProfileError if invalid."""
    if isinstance(name_or_path, Profile):
        return name_or_path
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = PROFILES_DIR / f"{name_or_path}.yaml"
        if not path.is_file():
            raise ProfileError(f"unknown profile {str(name_or_path)!r}; shipped: {', '.join(available_profiles())}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read the profile ({getattr(exc, 'strerror', None) or exc})") from None
    return parse_profile(text, str(path))


@lru_cache(maxsize=32)
def parse_profile(text: str, source: str = "<profile>") -> Profile:
    """Validate and build a Profile from YAML text; ``source`` names the file in errors.

    Cached on (text, source): profiles are immutable, so scoring many CVs parses the YAML once.
    """
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise ProfileError(f"{source}: {line}invalid YAML ({getattr(exc, 'problem', None) or exc})") from None
    return _Validator(source, node).profile(data)


class _Validator:
    """Walks the constructed data beside its YAML nodes so each problem gets its line."""

    def __init__(self, source: str, root: yaml.Node | None):
        self.source, self.root = source, root

    def fail(self, path: tuple, problem: str, key_line: bool = False) -> None:
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
                self.fail(path + (key,), f"unknown key {key!r} in {what}; allowed: {', '.join(allowed)}", True)
        for key, required in allowed.items():
            if required and key not in data:
                self.fail(path, f"{what} lacks the required key {key!r}")
        return data

    def text(self, data: dict, key: str, path: tuple) -> str:
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(path + (key,), f"{key!r} must be a non-empty string, got {value!r}")
        return value

    def number(self, value: object, key: str, path: tuple, positive: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(path + (key,), f"{key!r} must be a number, got {value!r}")
        if positive and value <= 0:
            self.fail(path + (key,), f"{key!r} must be greater than 0, got {value!r}")
        return float(value)

    def profile(self, data: object) -> Profile:
        data = self.keys(data, _TOP_KEYS, (), "the profile")
        caps = Caps()
        if "caps" in data:
            raw = self.keys(data["caps"], _CAP_KEYS, ("caps",), "caps")
            caps = Caps(**{k: self.number(v, k, ("caps",)) for k, v in raw.items()})
        criteria = data["criteria"]
        if not isinstance(criteria, list) or not criteria:
            self.fail(("criteria",), "'criteria' must be a non-empty list")
        built = [self.criterion(item, ("criteria", i)) for i, item in enumerate(criteria)]
        seen: set[str] = set()
        for i, crit in enumerate(built):
            if crit.id in seen:
                self.fail(("criteria", i, "id"), f"duplicate criterion id {crit.id!r}")
            seen.add(crit.id)
        return Profile(self.text(data, "name", ()), self.text(data, "label_en", ()),
                       self.text(data, "label_ru", ()), tuple(built), caps, self.source)

    def criterion(self, item: object, path: tuple) -> Criterion:
        item = self.keys(item, _CRITERION_KEYS, path, "a criterion")
        ident = self.text(item, "id", path)
        try:
            reader, args = parse_fact(self.text(item, "fact", path))
        except ValueError as exc:
            self.fail(path + ("fact",), str(exc))
        op = item.get("op", ">=")
        if op not in OPS:
            self.fail(path + ("op",), f"'op' must be one of {', '.join(OPS)}, got {op!r}")
        threshold = self.threshold(item, "threshold", reader, path)
        partly = self.threshold(item, "partly", reader, path) if item.get("partly") is not None else None
        if partly is not None and not _weaker(op, partly, threshold):
            self.fail(path + ("partly",), f"'partly' ({partly!r}) must be a weaker bar than 'threshold' ({threshold!r})")
        must_have = item.get("must_have", False)
        if not isinstance(must_have, bool):
            self.fail(path + ("must_have",), f"'must_have' must be true or false, got {must_have!r}")
        requires = item.get("requires")
        if requires is not None and requires not in _REQUIRES:
            self.fail(path + ("requires",), f"'requires' must be one of {', '.join(_REQUIRES)}, got {requires!r}")
        note = item.get("note", "")
        if not isinstance(note, str):
            self.fail(path + ("note",), f"'note' must be a string, got {note!r}")
        return Criterion(
            id=ident, label_en=self.text(item, "label_en", path), label_ru=self.text(item, "label_ru", path),
            fact=item["fact"], reader=reader, args=args, op=op, threshold=threshold,
            weight=self.number(item["weight"], "weight", path, positive=True), must_have=must_have,
            partly=partly, requires=requires, note=note,
        )

    def threshold(self, item: dict, key: str, reader: Reader, path: tuple) -> object:
        value = item[key]
        if reader.kind == "level":
            if value not in LEVEL_ORDER:
                self.fail(path + (key,), f"{key!r} of a language level must be one of {', '.join(LEVEL_ORDER)}, got {value!r}")
            return value
        return self.number(value, key, path)


def _weaker(op: str, partly: object, threshold: object) -> bool:
    p, t = LEVEL_ORDER.get(partly, partly), LEVEL_ORDER.get(threshold, threshold)
    return p < t if op in (">=", ">") else p > t
