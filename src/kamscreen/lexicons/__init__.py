"""Lexicons: the YAML data files of ``lexicons/``, each read once and checked against its schema.

Every stage reads its vocabulary through :func:`load`. A file that breaks its schema
(:mod:`kamscreen.lexicons.files`) is an error naming the file and the line — a misspelt key is
never silently ignored.

>>> load("present.yaml")["en"][:2]
['present', 'present time']
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

from kamscreen.lexicons.schema import LexiconError, Schema, check
from kamscreen.resources import lexicon_path

__all__ = ["LexiconError", "load", "read"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load(filename: str) -> Any:
    """The parsed lexicon ``lexicons/<filename>``, checked (read once per process)."""
    from kamscreen.lexicons.files import schema_of

    return read(lexicon_path(filename), schema_of(filename))


def read(path: Path, schema: Schema) -> Any:
    """The YAML file ``path``, checked against ``schema``; :class:`LexiconError` naming the file
    and the line where it is not."""
    loader = _Loader(path.read_text(encoding="utf-8"))
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise LexiconError(f"{path.name}:{mark.line + 1 if mark else 1}: not valid YAML ({exc.problem})") from None
        check(schema, node, path.name)
        return loader.construct_document(node)
    finally:
        loader.dispose()
