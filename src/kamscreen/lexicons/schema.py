"""A small schema language for the lexicon files, checked on the YAML nodes (which know their line).

A schema is a tree of the types below. :func:`check` walks a composed YAML document against it
and raises :class:`LexiconError` naming the file, the line and the problem: an unknown key (a
misspelt ``exlude:``), a missing one, a value of the wrong type (YAML reads a bare ``on`` as
``true``), a key or a list entry written twice.

>>> import yaml
>>> node = yaml.compose("phrases: [a]\\nexlude: [b]\\n")
>>> check(Record({"phrases": Words(), "excludes": Words()}, optional=("excludes",)), node, "kpis.yaml")
Traceback (most recent call last):
...
kamscreen.lexicons.schema.LexiconError: kpis.yaml:2: unknown key 'exlude' (known: excludes, phrases)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

_TAG = "tag:yaml.org,2002:"


class LexiconError(ValueError):
    """A lexicon file that does not follow its schema (the message names the file and the line)."""


def _fail(where: str, node: yaml.Node, problem: str) -> LexiconError:
    return LexiconError(f"{where}:{node.start_mark.line + 1}: {problem}")


def _kind(node: yaml.Node) -> str:
    """``str``, ``int``, ``float``, ``bool``, ``null``, ``list`` or ``mapping``."""
    if isinstance(node, yaml.SequenceNode):
        return "list"
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return node.tag.removeprefix(_TAG)


def _shown(node: yaml.Node) -> str:
    return f"{_kind(node)} {node.value!r}" if isinstance(node, yaml.ScalarNode) else _kind(node)


class Schema:
    """What one YAML value must be."""

    def check(self, node: yaml.Node, where: str) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Scalar(Schema):
    """A scalar of one of ``kinds`` (``str``, ``int``, ``float``, ``bool``); ``choices``, when
    given, lists the values allowed (compared as written)."""

    kinds: tuple[str, ...] = ("str",)
    choices: frozenset[str] | None = None

    def check(self, node: yaml.Node, where: str) -> None:
        if _kind(node) not in self.kinds:
            raise _fail(where, node, f"expected {' or '.join(self.kinds)}, found {_shown(node)}")
        if self.choices is not None and str(node.value) not in self.choices:
            raise _fail(where, node, f"unknown name {node.value!r} (known: {', '.join(sorted(self.choices))})")


def Text(choices: Iterable[str] | None = None) -> Scalar:  # capitalised: reads as a type
    """A string (one of ``choices`` when given)."""
    return Scalar(("str",), None if choices is None else frozenset(choices))


INT = Scalar(("int",))
NUMBER = Scalar(("int", "float"))


@dataclass(frozen=True)
class List(Schema):
    """A list of ``item``; with ``unique`` no entry may be written twice."""

    item: Schema
    unique: bool = True

    def check(self, node: yaml.Node, where: str) -> None:
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(where, node, f"expected a list, found {_shown(node)}")
        seen: set[tuple[str, str]] = set()
        for entry in node.value:
            self.item.check(entry, where)
            if self.unique and isinstance(entry, yaml.ScalarNode):
                key = (entry.tag, str(entry.value).lower())
                if key in seen:
                    raise _fail(where, entry, f"{entry.value!r} is listed twice")
                seen.add(key)


@dataclass(frozen=True)
class Tuple(Schema):
    """A list of fixed length, one schema per place: ``[8.5, C2]``."""

    items: tuple[Schema, ...]

    def check(self, node: yaml.Node, where: str) -> None:
        if not isinstance(node, yaml.SequenceNode) or len(node.value) != len(self.items):
            raise _fail(where, node, f"expected a list of {len(self.items)} values, found {_shown(node)}")
        for schema, entry in zip(self.items, node.value, strict=True):
            schema.check(entry, where)


def Words(choices: Iterable[str] | None = None) -> List:  # capitalised: reads as a type
    """A list of distinct strings: phrases, words, names."""
    return List(Text(choices))


def _keys(node: yaml.Node, where: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """The pairs of a mapping node; an error for any other node or a key written twice."""
    if not isinstance(node, yaml.MappingNode):
        raise _fail(where, node, f"expected a mapping, found {_shown(node)}")
    seen: set[tuple[str, str]] = set()
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(where, key, "a key must be a plain value")
        if (key.tag, key.value) in seen:
            raise _fail(where, key, f"key {key.value!r} is written twice")
        seen.add((key.tag, key.value))
    return node.value


@dataclass(frozen=True)
class Record(Schema):
    """A mapping with known keys, each with its own schema; every key not ``optional`` is required."""

    fields: dict[str, Schema]
    optional: tuple[str, ...] = ()

    def check(self, node: yaml.Node, where: str) -> None:
        found = set()
        for key, value in _keys(node, where):
            schema = self.fields.get(str(key.value))
            if schema is None:
                raise _fail(where, key, f"unknown key {key.value!r} (known: {', '.join(sorted(self.fields))})")
            schema.check(value, where)
            found.add(str(key.value))
        missing = [name for name in self.fields if name not in found and name not in self.optional]
        if missing:
            raise _fail(where, node, f"missing key(s): {', '.join(missing)}")


@dataclass(frozen=True)
class Table(Schema):
    """A mapping whose keys are data (phrases, names, numbers): every key of schema ``key``,
    every value of schema ``value``."""

    key: Scalar
    value: Schema
    required: tuple[str, ...] = field(default=())

    def check(self, node: yaml.Node, where: str) -> None:
        pairs = _keys(node, where)
        for key, value in pairs:
            self.key.check(key, where)
            self.value.check(value, where)
        missing = [name for name in self.required if name not in {str(k.value) for k, _ in pairs}]
        if missing:
            raise _fail(where, node, f"missing key(s): {', '.join(missing)}")


def check(schema: Schema, node: yaml.Node | None, where: str) -> None:
    """Raise :class:`LexiconError` where the document ``node`` of file ``where`` breaks ``schema``."""
    if node is None:
        raise LexiconError(f"{where}:1: the file is empty")
    schema.check(node, where)
