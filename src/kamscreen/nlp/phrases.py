"""Weighted lexicon phrases in groups (``roles.yaml``, ``industries.yaml``): one matcher per
lexicon and language, every hit with its group, label and weight, cached on the doc.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kamscreen.nlp import get_nlp
from kamscreen.nlp.matcher import LexiconMatcher, load_matcher
from kamscreen.nlp.phrase_syntax import expand_phrase


@dataclass(frozen=True)
class PhraseHit:
    """One lexicon phrase found in the doc: its group (e.g. ``title``), label and weight."""

    group: str
    label: str
    weight: float
    start: int  # token offsets in the doc
    end: int
    start_char: int
    end_char: int
    key: str  # the matched lemmas (a ``~`` gap's words left out): found twice counts once


class PhraseLexicon:
    """Weighted phrases (module syntax plus :func:`expand_phrase` groups), matched on lemmas by
    one :class:`LexiconMatcher` compiled once per language.

    ``groups`` maps a group name to ``{label: {phrase: weight}}``. ``find(doc)`` returns every hit,
    cached on the doc, so the jobs of one CV share one matching pass.
    """

    def __init__(self, name: str, groups: dict[str, dict[str, dict[str, float]]]):
        self.name = name
        self.groups = groups

    @lru_cache(maxsize=16)  # noqa: B019 - (lexicon, language) pairs; lexicons live as long as the process
    def _matcher(self, lang: str) -> tuple[LexiconMatcher, dict[int, tuple[str, str, float, str | None]]]:
        nlp = get_nlp(lang)
        entries: dict[str, list[str]] = {}
        meta: dict[int, tuple[str, str, float, str | None]] = {}
        for group, labels in self.groups.items():
            for label, phrases in labels.items():
                for phrase, weight in (phrases or {}).items():
                    # a phrase with a gap is one phrase whatever words fill the gap
                    gap = str(phrase) if "~" in str(phrase).split() else None
                    key = f"{self.name}|{group}|{label}|{float(weight)}" + (f"|{gap}" if gap else "")
                    entries.setdefault(key, []).extend(expand_phrase(str(phrase)))
                    meta[nlp.vocab.strings.add(key)] = (group, label, float(weight), gap)
        return load_matcher(nlp, entries), meta

    def find(self, doc: Doc) -> tuple[PhraseHit, ...]:
        cache_key = f"kamscreen.{self.name}"
        cached = doc.user_data.get(cache_key)
        if cached is None:
            matcher, meta = self._matcher(doc.lang_)
            hits = []
            for match_id, start, end in matcher(doc):
                group, label, weight, gap = meta[match_id]
                span = doc[start:end]
                key = " ".join(t.lemma_ for t in span)
                if gap and len(span) > 2:  # the words in a gap do not make a phrase distinct
                    key = f"{span[0].lemma_} ~ {span[-1].lemma_}"
                hits.append(PhraseHit(group, label, weight, start, end, span.start_char, span.end_char, key))
            cached = doc.user_data[cache_key] = tuple(hits)
        return cached
