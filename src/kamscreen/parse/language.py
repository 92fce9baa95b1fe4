"""Language of a CV by its letters: ``ru``, ``en`` or ``mixed``."""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")
# Russian CVs are full of Latin product names and tech stacks ("React, Redux, Figma": a third of
# the letters is common), while English CVs hardly ever hold Cyrillic; hence uneven thresholds.
RU_FROM = 0.5  # Cyrillic share of letters at or above which a CV is Russian
EN_UP_TO = 0.1  # Cyrillic share at or below which it is English


def detect_language(text: str) -> str:
    """``ru``, ``en`` or ``mixed`` by the share of Cyrillic among Cyrillic and Latin letters.

    >>> detect_language("Опыт работы: Key Account Manager в FMCG, переговоры с сетями")
    'ru'
    >>> detect_language("Senior developer. Опыт работы 9 лет. Developing the AI-based staffing platform")
    'mixed'
    """
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic + latin == 0:
        return "ru"
    share = cyrillic / (cyrillic + latin)
    if share >= RU_FROM:
        return "ru"
    if share <= EN_UP_TO:
        return "en"
    return "mixed"
