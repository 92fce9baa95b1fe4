"""The CEFR level a statement about a language gives: an explicit code ("B2", Cyrillic "С1"), a
certificate's level or score band (``lexicons/languages.yaml``), or a level word.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kamscreen.extract.model import CEFR_LEVELS
from kamscreen.nlp import clause_bounds

RANK: dict[str | None, int] = {level: n for n, level in enumerate(CEFR_LEVELS, start=1)}  # A1 < … < C2 < native
_CODE = re.compile(r"^([ABCАВСabcавс])([12])(?![0-9])")
_LATIN = str.maketrans("АВСавс", "ABCABC")
_SCORE = re.compile(r"^\d{1,3}(?:[.,]\d)?$")


def stated_level(hits: list[tuple[str, Span]], anchor: Span, cert: dict | None) -> tuple[str, list[Span]] | None:
    """The level stated by ``hits`` (code > certificate score > word) and the spans that state it.

    Of several words the one right before the name wins ("Fluent in conversational Spanish"),
    else the longest, then the highest.
    """
    codes = [sp for lb, sp in hits if lb == "code"]
    words = [(lb[6:], sp) for lb, sp in hits if lb.startswith("level:")]
    if codes:
        m = _CODE.match(codes[0].text)
        assert m is not None  # a "code" hit is a level code
        level = m.group(1).translate(_LATIN).upper() + m.group(2)
        return level, [codes[0]] + [sp for _, sp in words if sp.start > codes[0].start]
    if cert is not None:
        found = _certificate_level(anchor, cert)
        if found:
            return found
    if words:
        adjacent = [w for w in words if w[1].end == anchor.start]
        level, span = adjacent[0] if adjacent else max(words, key=lambda w: (w[1].end - w[1].start, RANK[w[0]]))
        return level, [span]
    return None


def _certificate_level(anchor: Span, cert: dict) -> tuple[str, list[Span]] | None:
    """Level of a certificate: fixed, or from the score written right after its name."""
    if cert.get("level"):
        return cert["level"], []
    doc = anchor.doc
    for tok in doc[anchor.end : min(anchor.end + 4, clause_bounds(doc, anchor.start)[1])]:
        if _SCORE.match(tok.text):
            score = float(tok.text.replace(",", "."))
            for low, level in cert.get("bands", ()):
                if score >= low:
                    return level, [doc[tok.i : tok.i + 1]]
            return None
    return None
