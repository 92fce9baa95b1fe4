"""Team size: the largest team the candidate led, from phrases like "руководил командой из 7
человек", "в подчинении 12 менеджеров", "team of 8 KAMs", "managed 5 direct reports".

A number counts when it is attached to people ("7 человек", "5 KAM", "6 account managers") or
to a unit ("команда из семи", "team of twelve", "10-person team"), and the clause says the
candidate led them: a lead word nearby ("руководил", "в подчинении", "managed"), a self-leading
noun ("подчиненных", "direct reports") or a unit noun right before the number that is not a
membership phrase ("работал в команде из 10 человек" is not a team led). Vocabulary:
``lexicons/team.yaml``.

>>> from kamscreen.nlp import make_doc
>>> find_team_size(make_doc("Руководил командой из семи человек", "ru")).value
7
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kamscreen.extract.model import Evidence, TeamSize
from kamscreen.nlp import clause_bounds, doc_text, get_nlp, trim
from kamscreen.nlp.patterns import LexiconMatcher, Marks, load_lexicon, load_matcher, phrase_patterns

LEXICON = "team.yaml"
_DIGITS = re.compile(r"^[~≈+]?(\d{1,4})(?:[–—-]\d{1,4})?\+?(?:-(?:х|ти|ми|ех|ух|и))?$")  # "3-х", "5-ти"
_JOINERS = frozenset({"и", "and", ",", "+", "&", "плюс"})  # "4 супервайзера и 18 представителей"
_N_PERSON = re.compile(r"(?i)^(\d{1,4})-(?:person|member|strong|people)$")
_N_PERSON_TEXT = r"\b\d{1,4}\s?-\s?(?:person|member|strong|people)\b"
_DIGIT_TOKEN = {"TEXT": {"REGEX": _DIGITS.pattern}}
_DASH = {"TEXT": {"IN": ["-", "–", "—"]}, "OP": "?"}
_FILLER = {"IS_ALPHA": True, "OP": "?"}


@dataclass(frozen=True)
class _Grammar:
    """Compiled team-size grammar of one pipeline."""

    candidates: Matcher  # COUNT / UNIT_OF / N_PERSON shapes, run on clauses with PEOPLE or UNIT
    context: LexiconMatcher  # LEAD / UNIT / SIZE / MEMBER / SELF / NOT_PEOPLE / PEOPLE words
    numbers: dict[str, int]
    lead_before: int
    lead_after: int
    unit_window: int
    min_size: int
    max_size: int


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    nlp = get_nlp(lang)
    lex = load_lexicon(LEXICON)
    numbers = {str(k).lower(): int(v) for k, v in lex["numbers"].items()}
    word_num = {"LEMMA": {"IN": sorted(numbers)}, "OP": "+"}
    approx_words = sorted({w for phrase in lex["approx"] for w in phrase.lower().split()})
    approx = {"LOWER": {"IN": approx_words}, "OP": "*"}
    prep = {"LOWER": {"IN": ["из", "в", "of", "(", "с", "to", "до", ":", "—", "–", "-"]}, "OP": "?"}
    people = phrase_patterns(nlp, lex["people"])
    units = phrase_patterns(nlp, lex["unit"] + lex["size_keys"])
    candidates = Matcher(nlp.vocab)
    for num in (_DIGIT_TOKEN, word_num):
        count = [num, _DASH, dict(_DIGIT_TOKEN, OP="?"), _FILLER, _DASH, _FILLER]
        candidates.add("COUNT", [count + p for p in people])
        candidates.add("UNIT_OF", [[*u, prep, approx, num] for u in units])
    candidates.add("N_PERSON", [
        [{"TEXT": {"REGEX": _N_PERSON.pattern}}],
        [_DIGIT_TOKEN, {"TEXT": "-"}, {"LOWER": {"IN": ["person", "member", "strong", "people"]}}],
    ])
    context = load_matcher(nlp, {
        "LEAD": lex["lead"], "UNIT": lex["unit"] + lex["size_keys"], "SIZE": lex["size_keys"],
        "MEMBER": lex["member"], "SELF": lex["self_lead"], "NOT_PEOPLE": lex["not_people"],
        "PEOPLE": lex["people"],
    })
    context.add_regex("PEOPLE", _N_PERSON_TEXT, re.IGNORECASE)
    return _Grammar(
        candidates, context, numbers, int(lex["lead_window_before"]), int(lex["lead_window_after"]),
        int(lex["unit_window"]), int(lex["min_size"]), int(lex["max_size"]),
    )


def find_team_size(doc: Doc) -> TeamSize:
    """The largest team the candidate led, with the phrase that states it.

    Ranges count by their lower bound ("10–15 человек" → 10); "до 20 человек" counts 20, the
    size the team reached. Returns ``TeamSize(None, reason="not stated")`` when nothing is found.
    """
    g = _grammar(doc.lang_)
    marks = Marks.of(g.context, doc)
    accepted: list[tuple[int, int, int, int, int]] = []  # (value, first, end, number start, match end)
    clauses = sorted({clause_bounds(doc, s) for kind in ("PEOPLE", "UNIT") for s, _ in marks.all(kind)})
    matches = [(m, lo + s, lo + e) for lo, hi in clauses for m, s, e in g.candidates(doc[lo:hi])]
    for match_id, start, end in matches:
        label = doc.vocab.strings[match_id]
        found = _read(doc[start:end], label, g)
        if found is None:
            continue
        value, num_start, num_end = found
        if _upper_bound(doc, num_start):
            continue
        if not g.min_size <= value <= g.max_size:
            continue
        first = _led(doc, label, start, end, num_start, num_end, marks, g)
        if first is not None:
            accepted.append((value, first, _phrase_end(doc, end, label, marks), num_start, end))
    if not accepted:
        return TeamSize(None, reason="not stated")
    totals = _join_counts(doc, accepted)
    value = max(v for v, _, _ in totals)
    same = sorted((a, b) for v, a, b in totals if v == value)
    lo, hi = same[0]
    for a, b in same[1:]:  # "team of 8" + "8 KAMs" → "team of 8 KAMs"
        if a <= hi:
            hi = max(hi, b)
    span = trim(doc[lo:hi])
    return TeamSize(value, Evidence.of(doc_text(doc), span.start_char, span.end_char))


def _join_counts(doc: Doc, accepted: list[tuple[int, int, int, int, int]]) -> list[tuple[int, int, int]]:
    """``(value, first, end)`` per statement; counts joined by "и"/"and"/"," add up: "в подчинении
    4 супервайзера и 18 торговых представителей" is a team of 22."""
    out: list[tuple[int, int, int]] = []
    run: tuple[int, int, int, int] | None = None  # (value, first, end, match end)
    for value, first, end, num_start, match_end in sorted(set(accepted), key=lambda a: (a[3], -a[4])):
        out.append((value, first, end))
        if run is not None and num_start < run[3]:
            continue  # the same number matched by a second shape
        if run is not None and num_start > run[3] and _joined(doc[run[3]:num_start]):
            run = (run[0] + value, min(run[1], first), max(run[2], end), match_end)
            out.append(run[:3])
        else:
            run = (value, first, end, match_end)
    return out


def _joined(between: Span) -> bool:
    """Only joiners between two counts, after at most two words that qualify the first one:
    "4 супервайзера и 18", "3 руководителя отделов и 35", "team of 4 direct and 10"."""
    words = [t for t in between if t.lower_ not in _JOINERS]
    joiners = [t for t in between if t.lower_ in _JOINERS]
    if not joiners or between[-1].lower_ not in _JOINERS:
        return False
    return len(words) <= 2 and all(t.is_alpha and t.is_lower and t.i < joiners[0].i for t in words)


def _phrase_end(doc: Doc, end: int, label: str, marks: Marks) -> int:
    """End of the evidence: the match, plus a closing bracket or the unit of "10-person team"."""
    hi = clause_bounds(doc, end - 1)[1]
    if end < hi and doc[end].text == ")":
        return end + 1
    if label == "N_PERSON":
        return max([e for _, e in marks.within("UNIT", end, min(end + 3, hi))] + [end])
    return end


def _upper_bound(doc: Doc, i: int) -> bool:
    """Is token ``i`` the second number of a split range ("10 - 15")? The first one counts."""
    return i >= 2 and doc[i - 1].text in "-–—" and _DIGITS.match(doc[i - 2].text) is not None


def _read(span: Span, label: str, g: _Grammar) -> tuple[int, int, int] | None:
    """``(value, first, end)`` of the number inside a candidate span (token indices)."""
    tokens = list(span)
    if label == "UNIT_OF":  # the number ends the span
        tokens = tokens[::-1]
    for k, tok in enumerate(tokens):
        m = _DIGITS.match(tok.text) or _N_PERSON.match(tok.text)
        if m:
            return int(m.group(1)), tok.i, tok.i + 1
        if tok.lemma_ in g.numbers:
            run = [tok]
            for nxt in tokens[k + 1 :]:
                if nxt.lemma_ not in g.numbers:
                    break
                run.append(nxt)
            run.sort(key=lambda t: t.i)
            return sum(g.numbers[t.lemma_] for t in run), run[0].i, run[-1].i + 1
    return None


def _led(doc: Doc, label: str, start: int, end: int, num_start: int, num_end: int,
         marks: Marks, g: _Grammar) -> int | None:
    """Where the statement that the candidate led these people starts (token index), or None."""
    lo, hi = clause_bounds(doc, num_start)

    def within(kind: str, a: int, b: int) -> list[tuple[int, int]]:
        return marks.within(kind, max(a, lo), min(b, hi))

    if label == "UNIT_OF" and _followed_by_thing(doc, num_end, hi, marks):
        return None
    before = within("LEAD", num_start - g.lead_before, num_start)
    if before:
        last = max(e for _, e in before)
        first = min(min(s for s, e in before if e == last), start)
        units = within("UNIT", num_start - g.unit_window, num_start)
        if units and any(doc[i].text == "," for i in range(last, num_start)):
            first = min(units[-1][0], start)  # "Head of KAM, a team of 9": the phrase after the comma
        return first
    if within("LEAD", num_end, end + g.lead_after) or within("SELF", num_end, end):
        return start
    if label == "N_PERSON":  # "10-person team": the unit follows the number
        units = within("UNIT", end, end + 2)
    else:
        units = within("UNIT", num_start - g.unit_window, num_start)
    if not units:
        return None
    unit_start = units[-1][0]
    colon = any(doc[i].text == ":" for i in range(unit_start, num_start))
    if label != "N_PERSON" and colon and not within("SIZE", unit_start, num_start):
        return None  # "Команда: 4 frontend-разработчика, 2 QA" lists a team, not one led
    first = num_start if label == "N_PERSON" else unit_start
    if within("MEMBER", first - 3, first):
        return None
    return min(first, start)


def _followed_by_thing(doc: Doc, num_end: int, hi: int, marks: Marks) -> bool:
    """"команда из 5 регионов", "team of 3 countries": a unit count of things, not people."""
    return any(s < num_end + 2 for s, _ in marks.within("NOT_PEOPLE", num_end, min(num_end + 3, hi)))
