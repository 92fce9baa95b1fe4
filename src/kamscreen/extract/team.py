"""Team size: the largest team the candidate led, from phrases like "руководил командой из 7
человек", "в подчинении 12 менеджеров", "team of 8 KAMs", "supervised six technicians".

The grammar, over lemmas (vocabulary and its comments: ``lexicons/team.yaml``):

* a **count** is a number (digits, a range "10-15", words "one hundred and thirty two") with a
  people noun after it ("7 человек", "6 account managers", "4 new hires"; English nouns in the
  plural), or a unit before it ("команда из семи", "staff of forty", "В подчинении: 5"), or
  "N-person" / "two man" before a unit ("10-person team");
* a count is **led** when a lead word stands before it in the clause ("руководил", "managed",
  "responsible for") and governs it (not "Calendar management for 5 faculty", "Oversaw
  scheduling of 18 drivers", "Aided with the oversight of 93 employees"), or a lead phrase
  follows it ("12 менеджеров в подчинении"), or its noun leads by itself ("подчиненных",
  "direct reports"), or a unit noun opens it and no membership word comes before ("работал в
  команде из 10 человек" is not a team led);
* counts joined by "и" / "and" / "," add up when one of them is led ("10 supervisors and 250
  agents", "5 LVN, 4 RT and 4 CNA staff"), and single people listed after them count one each
  ("6 sales associates and an assistant manager", "three associate producers, production
  assistant, researcher").

>>> from kamscreen.nlp import make_doc
>>> find_team_size(make_doc("Руководил командой из семи человек", "ru")).value
7
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kamscreen.extract.model import Evidence, TeamSize
from kamscreen.extract.team_counts import Count, read_counts
from kamscreen.extract.team_grammar import MODIFIER, TeamGrammar, glued_marks, grammar
from kamscreen.nlp import clause_bounds, doc_text, trim
from kamscreen.nlp.matcher import Marks


def find_team_size(doc: Doc) -> TeamSize:
    """The largest team the candidate led, with the phrase that states it.

    Ranges count by their lower bound ("10–15 человек" → 10); "до 20 человек" counts 20, the
    size the team reached. Returns ``TeamSize(None, reason="not stated")`` when nothing is found.
    """
    g = grammar(doc.lang_)
    strings = doc.vocab.strings
    marks = Marks([*((strings[m], s, e) for m, s, e in g.context(doc)), *glued_marks(doc, g.glued_tails)])
    stated: list[tuple[int, int, int]] = []  # (value, first token, end token)
    for chain in _chains(doc, read_counts(doc, g, marks), g):
        while chain and not chain[-1].people:  # an acronym list needs the noun that closes it
            chain = chain[:-1]
        if not any(c.led for c in chain):
            continue
        total, end = sum(c.value for c in chain), max(c.end for c in chain)
        more, more_end = _one_by_one(doc, chain[-1].join_end, marks, g)
        if more:  # "6 sales associates and an assistant manager"
            total, end = total + more, more_end
        stated.append((total, min(c.start for c in chain), end))
        stated += [(c.value, c.start, c.end) for c in chain if c.led]
    stated = [s for s in stated if g.min_size <= s[0] <= g.max_size]
    if not stated:
        return TeamSize(None, reason="not stated")
    value = max(v for v, _, _ in stated)
    same = sorted((a, b) for v, a, b in stated if v == value)
    lo, hi = same[0]
    for a, b in same[1:]:  # "team of 8" + "8 KAMs" → "team of 8 KAMs"
        if a <= hi:
            hi = max(hi, b)
    span = trim(doc[lo:hi])
    return TeamSize(value, Evidence.of(doc_text(doc), span.start_char, span.end_char))


def _chains(doc: Doc, counts: list[Count], g: TeamGrammar) -> list[list[Count]]:
    """Counts in runs joined by "и" / "and" / "," ("4 супервайзера и 18 представителей")."""
    chains: list[list[Count]] = []
    for count in counts:
        if (
            chains
            and count.num_start >= chains[-1][-1].join_end
            and _joined(doc[chains[-1][-1].join_end : count.num_start], g)
        ):
            chains[-1].append(count)
        else:
            chains.append([count])
    return chains


def _joined(between: Span, g: TeamGrammar) -> bool:
    """Only joiners between two counts, after at most two words that qualify the first one and
    before "approximately" / "около": "4 супервайзера и 18", "3 руководителя отделов и 35",
    "team of 4 direct and 10", "10 bartenders and approximately 30"."""
    tokens = [t for t in between if not t.is_space]
    while tokens and tokens[-1].lower_ in g.approx:
        tokens.pop()
    if not tokens or tokens[-1].lower_ not in g.joiners:
        return False
    joiners = [t for t in tokens if t.lower_ in g.joiners]
    words = [t for t in tokens if t.lower_ not in g.joiners]
    return len(words) <= 2 and all(t.is_alpha and t.is_lower and t.i < joiners[0].i for t in words)


def _one_by_one(doc: Doc, end: int, marks: Marks, g: TeamGrammar) -> tuple[int, int]:
    """``(people, end)`` of the single people listed right after a count, one each: "and an
    assistant manager", "и один стажёр", ", production assistant, researcher, legal coordinator"
    (English singular nouns without an article: each item ends at a joiner or a punctuation mark;
    a noun that is also a plural or invariant one, "staff", says no number)."""
    hi = clause_bounds(doc, end - 1)[1]
    people = 0
    while True:
        words = [t for t in doc[end : min(hi, end + g.max_modifiers + 4)] if not t.is_space]
        k = next((i for i, t in enumerate(words) if t.lower_ not in g.joiners), len(words))  # ", and"
        if k == 0 or k + 1 >= len(words):
            return people, end
        one = words[k].lower_ in g.articles or g.number.values.get(words[k].lemma_) == 1
        first = words[k + 1].i if one else words[k].i
        item = _person_at(doc, first, hi, marks, g, bare=not one)
        if item is None:
            return people, end
        people, end = people + 1, item


def _person_at(doc: Doc, first: int, hi: int, marks: Marks, g: TeamGrammar, bare: bool) -> int | None:
    """End of one person named from token ``first`` on (modifiers, then a singular people noun),
    or None; a ``bare`` one (no article) must end its list item."""
    ends = [
        e
        for s, e in marks.within("ONE_PERSON", first, min(hi, first + g.max_modifiers + 1))
        if all(t.is_space or (MODIFIER.match(t.text) and t.lower_ not in g.modifier_stops) for t in doc[first:s])
    ]
    if bare:
        plural = {e for _, e in marks.within("PEOPLE", first, hi)}
        ends = [e for e in ends if e not in plural and _item_ends(doc, e, hi, g)]
    return max(ends, default=None)


def _item_ends(doc: Doc, end: int, hi: int, g: TeamGrammar) -> bool:
    """Does a list item end at token ``end``: the clause's end, a joiner or a punctuation mark next?"""
    nxt = next((t for t in doc[end:hi] if not t.is_space), None)
    return nxt is None or nxt.lower_ in g.joiners or not (nxt.is_alpha or nxt.is_digit)
