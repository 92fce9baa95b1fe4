"""Language of a CV by its letters: ``ru``, ``en`` or ``mixed``."""
from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")
DOMINANT_SHARE = 0.7


def detect_language(text: str) -> str:
    """``ru`` when ≥ 70 % of the letters are Cyrillic, ``en`` when ≥ 70 % are Latin, else ``mixed``.

    >>> detect_language("Опыт работы: Key Account Manager в FMCG, переговоры с сетями")
    'ru'
    """
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    total = cyrillic + latin
    if total == 0:
        return "ru"
    if cyrillic / total >= DOMINANT_SHARE:
        return "ru"
    if latin / total >= DOMINANT_SHARE:
        return "en"
    return "mixed"
