"""Rebuild the stage dataclasses from their ``to_dict`` JSON (the cache stores JSON, scoring needs Facts).

Generic over the type hints, so an optional field added to a dataclass later round-trips too.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing

from kamscreen.extract.model import Facts


def facts_from_dict(data: dict) -> Facts:
    """``Facts.to_dict()`` → an equal ``Facts``."""
    return _build(Facts, data)


def assessment_from_dict(data: dict):
    """``Assessment.to_dict()`` (a line of candidates.jsonl) → an equal ``Assessment``."""
    from kamscreen.score.model import Assessment, Checklist, Fit, Flag

    return Assessment(
        facts=facts_from_dict(data),
        checklist=_build(Checklist, data["checklist"]),
        flags=tuple(_build(Flag, f) for f in data.get("flags") or ()),
        fit=_build(Fit, data["fit"]) if data.get("fit") else Fit(),
        rank=data.get("rank"),
    )


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, object], ...]:
    """(name, type hint) of each ``__init__`` field of a dataclass."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.init)


def _build(cls: type, data: dict):
    return cls(**{name: _convert(hint, data[name]) for name, hint in _fields(cls) if name in data})


def _convert(hint, value):
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        for option in options:
            if isinstance(option, type) and dataclasses.is_dataclass(option) and isinstance(value, dict):
                return _build(option, value)
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0] if args else typing.Any
        return tuple(_convert(item, v) for v in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)
    return value
