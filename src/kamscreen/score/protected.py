"""Protected attributes (gender, age, birth date, marital status, nationality, photo, name) kept
out of the fit model: a lexicon (``lexicons/protected.yaml``) to strip from text, and a check
that refuses any feature named after one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kamscreen import lexicons
from kamscreen.months import full_month_names, units_pattern

_SPLIT = re.compile(r"[^0-9a-zа-яё]+")
_PLACEHOLDER = re.compile(r"\{(month|years_ru|years_en)\}")


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
        text = "\n".join(line for line in text.splitlines() if not any(m in line.lower() for m in self.line_markers))
        for pattern in self.patterns:
            text = pattern.sub(" ", text)
        return text


@lru_cache(maxsize=1)
def lexicon() -> ProtectedLexicon:
    """The shipped protected-words lexicon."""
    data = lexicons.load("protected.yaml")
    return ProtectedLexicon(
        attributes=frozenset(a.lower() for a in data["attributes"]),
        words=frozenset(w.lower() for w in data["words"]),
        line_markers=tuple(m.lower() for m in data["line_markers"]),
        patterns=tuple(re.compile(_filled(p), re.IGNORECASE) for p in data["patterns"]),
    )


def _filled(pattern: str) -> str:
    """``pattern`` with its placeholders in words of :mod:`kamscreen.months`: ``{month}`` a whole
    month name, ``{years_ru}`` / ``{years_en}`` a unit of years."""
    months = "(?:" + "|".join(map(re.escape, sorted(full_month_names(), key=len, reverse=True))) + ")"
    words = {"month": months, "years_ru": units_pattern("years", ("ru",)), "years_en": units_pattern("years", ("en",))}
    return _PLACEHOLDER.sub(lambda m: words[m.group(1)], pattern)


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
