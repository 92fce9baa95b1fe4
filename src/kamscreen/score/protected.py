"""Protected attributes (gender, age, birth date, marital status, nationality, photo, name) kept
out of the fit model: a lexicon (``lexicons/protected.yaml``) to strip from text, and a check
that refuses any feature named after one of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from kamscreen.resources import lexicon_path

_SPLIT = re.compile(r"[^0-9a-zа-яё]+")


class ProtectedFeatureError(ValueError):
    """A feature would let a protected attribute influence the fit."""


@dataclass(frozen=True)
class ProtectedLexicon:
    attributes: frozenset[str]
    words: frozenset[str]
    line_markers: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]

    def is_protected_word(self, token: str) -> bool:
        return token.lower() in self.words

    def strip_patterns(self, text: str) -> str:
        """Drop personal-data lines, blank out dates of birth and "N лет / N years old"."""
        text = "\n".join(line for line in text.splitlines()
                         if not any(m in line.lower() for m in self.line_markers))
        for pattern in self.patterns:
            text = pattern.sub(" ", text)
        return text


@lru_cache(maxsize=1)
def lexicon() -> ProtectedLexicon:
    """The shipped protected-words lexicon."""
    data = yaml.safe_load(lexicon_path("protected.yaml").read_text(encoding="utf-8"))
    return ProtectedLexicon(
        attributes=frozenset(a.lower() for a in data["attributes"]),
        words=frozenset(w.lower() for w in data["words"]),
        line_markers=tuple(m.lower() for m in data.get("line_markers", ())),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in data.get("patterns", ())),
    )


def check_feature_names(names) -> None:
    """Raise ProtectedFeatureError if any feature name contains a protected attribute or word.

    Names are split on anything but letters and digits (``text__женат`` → ``text``, ``женат``).

    >>> check_feature_names(["key_account_years", "text__ключевой"])
    >>> check_feature_names(["age"])
    Traceback (most recent call last):
    ...
    kamscreen.score.protected.ProtectedFeatureError: protected feature(s) refused: age
    """
    lex = lexicon()
    banned = lex.attributes | lex.words
    bad = [n for n in names if set(_SPLIT.split(str(n).lower())) & banned]
    if bad:
        raise ProtectedFeatureError(f"protected feature(s) refused: {', '.join(map(str, bad[:10]))}")
