"""Where the shipped data lives: lexicons and models, in a wheel or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Folder of shipped data ``name`` (``lexicons`` or ``models``).

    A wheel carries them under ``kamscreen/_data``; an editable install reads the repository's.
    """
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / name


def lexicon_path(filename: str) -> Path:
    """Path of one lexicon file, e.g. ``lexicon_path("months.yaml")``."""
    return data_dir("lexicons") / filename
