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

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kamscreen import lexicons
from kamscreen.extract.model import Evidence, TeamSize
from kamscreen.extract.team_numbers import DIGITS, YEAR, NumberWords, read_number, second_number
from kamscreen.nlp import clause_bounds, doc_text, get_nlp, trim
from kamscreen.nlp.matcher import LexiconMatcher, Marks, load_matcher
from kamscreen.nlp.phrase_syntax import expand_phrase

LEXICON = "team.yaml"
_DIGIT_TOKEN = {"TEXT": {"REGEX": DIGITS.pattern}}
_SPACE = {"IS_SPACE": True, "OP": "?"}  # a line wrap
_DASH = {"TEXT": {"IN": ["-", "–", "—"]}, "OP": "?"}
_PAREN: list[dict[str, Any]] = [
    {"TEXT": "(", "OP": "?"},
    dict(_DIGIT_TOKEN, OP="?"),
    {"TEXT": ")", "OP": "?"},
]  # "twelve (12)"
_ACRONYM = {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2, "<=": 5}}  # "5 LVN, 4 RT and 4 CNA staff"
_LONG_WORD = re.compile(r"(?<![\w-])[^\W\d_]{9,}\b")  # a glued word: three letters and a plural of five
_GLUED = {"IS_ALPHA": True, "LENGTH": {">=": 9}}  # its token in a shape; its PEOPLE mark decides
_MODIFIER = re.compile(r"^(?:[^\W\d_]+|[-/])$")  # words, hyphens, slashes: "new full-time", "sales/service"


@dataclass(frozen=True)
class _Grammar:
    """Compiled team-size grammar of one pipeline: token shapes whose nouns are checked against
    the lexicon marks (a shape ends on the last word of a people phrase, which a PEOPLE mark must
    end on: "85 team members")."""

    shapes: Matcher  # COUNT / UNIT_OF / N_PERSON / ITEM
    context: LexiconMatcher  # LEAD / UNIT / PLURAL_UNIT / SIZE / MEMBER / SELF / PEOPLE / ONE_PERSON / ...
    number: NumberWords
    articles: frozenset[str]
    joiners: frozenset[str]
    approx: frozenset[str]
    modifier_stops: frozenset[str]
    max_modifiers: int
    lead_before: int
    role_window: int
    assist_window: int
    lead_after: int  # tokens after the people noun where a LEAD_AFTER phrase may stand
    unit_window: int
    min_size: int
    max_size: int
    glued_tails: tuple[str, ...]  # plural people nouns a glued word may end on


@dataclass(frozen=True)
class _Count:
    """One number the grammar read: its value, where it stands and how it is stated."""

    value: int
    num_start: int
    num_end: int
    start: int  # first token of the phrase that states it
    end: int  # end of the phrase (people noun, closing bracket, unit of "10-person team")
    join_end: int  # where a joined count may follow ("5 reps | and 4 merchandisers")
    led: bool
    people: bool  # a people noun or a unit says these are people (not an acronym list item)


def _expand(phrases: list, plurals: bool = False) -> list[str]:
    """Lexicon phrases with their ``(s)`` / ``(a|b)`` spellings, English nouns in the plural
    when ``plurals``."""
    out: list[str] = []
    for phrase in phrases:
        for spelling in expand_phrase(str(phrase)):
            *head, last = spelling.split(" ")
            if plurals and last.isascii() and last.isalpha():
                out.append(" ".join([*head, _plural(last)]))
            else:
                out.append(spelling)
    return list(dict.fromkeys(out))


def _plural(word: str) -> str:
    """English plural of a noun: "technician" → "technicians", "foreman" → "foremen"."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    return word + "s"


def _glued_tails(people: list) -> tuple[str, ...]:
    """English plural people nouns of five letters or more, longest first: the heads a glued word
    may end on (:func:`_glued`)."""
    nouns = {_plural(str(w)) for w in people if str(w).isascii() and str(w).isalpha() and len(str(w)) >= 5}
    return tuple(sorted(nouns, key=len, reverse=True))


def _glued(doc: Doc, tails: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """PEOPLE marks of words glued to a plural people noun (``tails``), as a PDF's text layer
    writes "3 additionaltechnicians" (no glyph gap). English compounds end on their head noun, so
    such a token names people whatever the three or more letters before ("subcontractors",
    "steelworkers"); it reads like "additional technicians"."""
    marks = []
    for m in _LONG_WORD.finditer(doc_text(doc)):
        word = m.group().lower()
        if word.endswith(tails) and len(word) - len(next(t for t in tails if word.endswith(t))) >= 3:
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                marks.append(("PEOPLE", span.start, span.end))
    return marks


def _last_lemmas(nlp, phrases: list[str]) -> list[str]:
    """The lemma of the last word of each phrase: what a shape ends on."""
    return sorted({[t.lemma_ for t in doc if not t.is_space][-1] for doc in nlp.pipe(phrases) if len(doc)})


def _words(lex: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lex[key])


@cache
def _grammar(lang: str) -> _Grammar:
    nlp = get_nlp(lang)
    lex = lexicons.load(LEXICON)
    numbers = {str(k).lower(): int(v) for k, v in lex["numbers"].items()}
    multipliers = {str(k).lower(): int(v) for k, v in lex["multipliers"].items()}
    links, approx, range_words = _words(lex, "number_links"), _words(lex, "approx"), _words(lex, "range_words")
    number_words = sorted(set(numbers) | set(multipliers))
    number: list[dict[str, Any]] = [  # "12", "20+", "10–15", "семью", "one hundred and thirty two", "forty-two (42)"
        {
            "LEMMA": {
                "REGEX": r"^(?:[~≈+]?\d[\d,–—+-]*(?:-[а-я]+)?|(?:{})-?)$".format("|".join(map(re.escape, number_words)))
            }
        },
        {"LEMMA": {"IN": number_words + sorted(links)}, "OP": "*"},
        *_PAREN,
        {"TEXT": "+", "OP": "?"},
    ]
    many = _expand(lex["people"], plurals=True) + _expand(lex["invariant"])
    units = _expand(lex["unit"] + lex["size_keys"])
    plural_units = _expand(lex["plural_unit"], plurals=True)
    modifier_stops = _words(lex, "not_modifiers")
    modifiers = {
        "TEXT": {"REGEX": _MODIFIER.pattern},
        "LOWER": {"NOT_IN": sorted(modifier_stops)},
        "OP": f"{{0,{int(lex['max_modifiers'])}}}",
    }  # words and hyphens: "new full-time"
    per_person = [str(w) for w in lex["per_person"]]
    n_person = re.compile(
        r"(?i)^(\d{{1,4}})-(?:{})$".format("|".join(per_person))
    )  # the ru tokenizer keeps "10-person"
    list_item = {"LEMMA": {"IN": sorted(_words(lex, "list_items"))}}
    shapes = Matcher(nlp.vocab)
    count = [
        *number,
        {"LOWER": {"IN": sorted(range_words)}, "OP": "?"},
        dict(_DIGIT_TOKEN, OP="?"),
        {"TEXT": "+", "OP": "?"},
        _DASH,
        _SPACE,
        modifiers,
        _SPACE,
    ]
    shapes.add("COUNT", [[*count, {"LEMMA": {"IN": _last_lemmas(nlp, many)}}], [*count, _GLUED]])
    shapes.add(
        "UNIT_OF",
        [
            [
                {"LEMMA": {"IN": _last_lemmas(nlp, units + plural_units)}},
                _SPACE,
                {"LOWER": {"IN": sorted(_words(lex, "unit_links"))}, "OP": "{0,2}"},
                _SPACE,
                {"LOWER": {"IN": sorted(approx)}, "OP": "*"},
                *number,
            ]
        ],
    )
    shapes.add("N_PERSON", [[*number, _DASH, {"LOWER": {"IN": per_person}}], [{"TEXT": {"REGEX": n_person.pattern}}]])
    shapes.add(
        "ITEM",
        [
            [_DIGIT_TOKEN, _ACRONYM, dict(_ACRONYM, OP="?")],
            [_DIGIT_TOKEN, list_item],
            [_DIGIT_TOKEN, list_item, {"TEXT": "-"}, {"IS_ALPHA": True}],
        ],
    )  # "5 part-time"
    context = load_matcher(
        nlp,
        {
            "LEAD": _expand(lex["lead"]),
            "LEAD_AFTER": _expand(lex["lead_after"]),
            "SELF": _expand(lex["self_lead"]),
            "LEAD_ROLE": _expand(lex["lead_roles"]),
            "UNIT": units,
            "PLURAL_UNIT": plural_units,
            "SIZE": _expand(lex["size_keys"]),
            "MEMBER": _expand(lex["member"]),
            "PEOPLE": many,
            "ONE_PERSON": _expand(lex["people"] + lex["invariant"]),
            "NOT_PEOPLE": _expand(lex["not_people"]) + _expand(lex["not_people"], plurals=True),
            "BENEFICIARY": _expand(lex["beneficiary"]),
            "ACTIVITY": _expand(lex["activities"]),
            "ASSIST": _expand(lex["assisting"]),
        },
    )
    context.add_regex("PEOPLE", r"\b\d{{1,4}}\s?-\s?(?:{})\b".format("|".join(per_person)), re.IGNORECASE)
    return _Grammar(
        shapes,
        context,
        NumberWords(numbers, multipliers, links, range_words, _words(lex, "growth_from"), n_person),
        _words(lex, "articles"),
        _words(lex, "joiners"),
        approx,
        modifier_stops,
        int(lex["max_modifiers"]),
        int(lex["lead_window_before"]),
        int(lex["role_window"]),
        int(lex["assist_window"]),
        int(lex["lead_window_after"]),
        int(lex["unit_window"]),
        int(lex["min_size"]),
        int(lex["max_size"]),
        _glued_tails(lex["people"]),
    )


def find_team_size(doc: Doc) -> TeamSize:
    """The largest team the candidate led, with the phrase that states it.

    Ranges count by their lower bound ("10–15 человек" → 10); "до 20 человек" counts 20, the
    size the team reached. Returns ``TeamSize(None, reason="not stated")`` when nothing is found.
    """
    g = _grammar(doc.lang_)
    strings = doc.vocab.strings
    marks = Marks([*((strings[m], s, e) for m, s, e in g.context(doc)), *_glued(doc, g.glued_tails)])
    stated: list[tuple[int, int, int]] = []  # (value, first token, end token)
    for chain in _chains(doc, _counts(doc, g, marks), g):
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


def _counts(doc: Doc, g: _Grammar, marks: Marks) -> list[_Count]:
    """Every number the grammar reads in clauses that name people or a unit, one per number
    (the shapes that read the same number merge: "team of 8" + "8 KAMs")."""
    kinds = ("PEOPLE", "UNIT", "PLURAL_UNIT")
    clauses = sorted({clause_bounds(doc, s) for kind in kinds for s, _ in marks.all(kind)})
    by_number: dict[int, _Count] = {}
    for lo, hi in clauses:
        for match_id, s, e in g.shapes(doc[lo:hi]):
            count = _count(doc, doc.vocab.strings[match_id], lo + s, lo + e, marks, g)
            if count is not None:
                by_number[count.num_start] = _merge(by_number.get(count.num_start), count)
    return sorted(by_number.values(), key=lambda c: c.num_start)


def _count(doc: Doc, label: str, start: int, end: int, marks: Marks, g: _Grammar) -> _Count | None:
    """The count a shape match states, or None when its nouns are not the lexicon's."""
    if label == "COUNT" and not any(e == end for _, e in marks.within("PEOPLE", start + 1, end)):
        return None  # the last word ends no people phrase ("85 team members" needs "team members")
    if label == "UNIT_OF":
        units = [
            s for kind in ("UNIT", "PLURAL_UNIT") for s, e in marks.within(kind, start - 3, start + 1) if e == start + 1
        ]
        if not units:
            return None
        start = min(units)
    found = read_number(doc[start:end], g.number)
    if found is None or second_number(doc, found[1], g.number) or YEAR.match(doc[found[1]].text):
        return None
    if found[1] > 0 and doc[found[1] - 1].is_currency:  # "$5M budget"
        return None
    value, num_start, num_end = found
    hi = clause_bounds(doc, num_start)[1]
    if label == "UNIT_OF" and _followed_by_thing(doc, num_end, hi, marks):
        return None
    first = _led(doc, label, start, end, num_start, num_end, marks, g)
    led = first is not None
    if label == "ITEM":
        return _Count(value, num_start, num_end, start, end, end, led, False)
    join_end = num_end if label == "UNIT_OF" else end
    phrase_end = _phrase_end(doc, end, label, marks)
    grown = _grown_to(doc, num_start, end, hi, g) if label == "COUNT" else None
    if grown is not None:  # "grew from 42 counselors in 1999 to 132"
        value, phrase_end = grown
        join_end = phrase_end
    lead_start = start if first is None else min(start, first)
    return _Count(value, num_start, num_end, lead_start, phrase_end, join_end, led, True)


def _grown_to(doc: Doc, num_start: int, end: int, hi: int, g: _Grammar) -> tuple[int, int] | None:
    """``(value, end)`` of the size reached in "from 5 people to 20", "с 3 человек до 10"."""
    if num_start == 0 or doc[num_start - 1].lower_ not in g.number.growth_from:
        return None
    words = [t for t in doc[end : min(hi, end + 6)] if not t.is_space][:4]
    to = next((t.i for t in words if t.lower_ in g.number.range_words), None)
    if to is None:
        return None
    found = read_number(doc[to + 1 : min(hi, to + 10)], g.number)
    if found is None or found[1] != next(t.i for t in doc[to + 1 : hi] if not t.is_space):
        return None
    value, _, number_end = found
    if number_end + 2 < hi and doc[number_end].text == "(" and doc[number_end + 2].text == ")":
        number_end += 3  # "one hundred and thirty two (132)"
    return value, number_end


def _merge(old: _Count | None, new: _Count) -> _Count:
    """One count per number: the widest phrase, led if any shape is led."""
    if old is None:
        return new
    if old.people != new.people:  # "team of 6 IT professionals": the acronym item adds nothing
        kept = old if old.people else new
        return replace(kept, led=old.led or new.led)
    return _Count(
        max(old.value, new.value),
        old.num_start,
        max(old.num_end, new.num_end),
        min(old.start, new.start),
        max(old.end, new.end),
        max(old.join_end, new.join_end),
        old.led or new.led,
        old.people,
    )


def _chains(doc: Doc, counts: list[_Count], g: _Grammar) -> list[list[_Count]]:
    """Counts in runs joined by "и" / "and" / "," ("4 супервайзера и 18 представителей")."""
    chains: list[list[_Count]] = []
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


def _joined(between: Span, g: _Grammar) -> bool:
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


def _one_by_one(doc: Doc, end: int, marks: Marks, g: _Grammar) -> tuple[int, int]:
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


def _person_at(doc: Doc, first: int, hi: int, marks: Marks, g: _Grammar, bare: bool) -> int | None:
    """End of one person named from token ``first`` on (modifiers, then a singular people noun),
    or None; a ``bare`` one (no article) must end its list item."""
    ends = [
        e
        for s, e in marks.within("ONE_PERSON", first, min(hi, first + g.max_modifiers + 1))
        if all(t.is_space or (_MODIFIER.match(t.text) and t.lower_ not in g.modifier_stops) for t in doc[first:s])
    ]
    if bare:
        plural = {e for _, e in marks.within("PEOPLE", first, hi)}
        ends = [e for e in ends if e not in plural and _item_ends(doc, e, hi, g)]
    return max(ends, default=None)


def _item_ends(doc: Doc, end: int, hi: int, g: _Grammar) -> bool:
    """Does a list item end at token ``end``: the clause's end, a joiner or a punctuation mark next?"""
    nxt = next((t for t in doc[end:hi] if not t.is_space), None)
    return nxt is None or nxt.lower_ in g.joiners or not (nxt.is_alpha or nxt.is_digit)


def _phrase_end(doc: Doc, end: int, label: str, marks: Marks) -> int:
    """End of the evidence: the match, plus a closing bracket or the unit of "10-person team"."""
    hi = clause_bounds(doc, end - 1)[1]
    if end < hi and doc[end].text == ")":
        return end + 1
    if label == "N_PERSON":
        return max([e for _, e in marks.within("UNIT", end, min(end + 3, hi))] + [end])
    return end


def _led(
    doc: Doc, label: str, start: int, end: int, num_start: int, num_end: int, marks: Marks, g: _Grammar
) -> int | None:
    """Where the statement that the candidate led these people starts (token index), or None."""
    lo, hi = clause_bounds(doc, num_start)

    def within(kind: str, a: int, b: int) -> list[tuple[int, int]]:
        return marks.within(kind, max(a, lo), min(b, hi))

    before = within("LEAD", num_start - g.lead_before, num_start) + [
        (s, e)
        for s, e in within("LEAD_ROLE", num_start - g.role_window - 3, num_start)
        if num_start - e <= g.role_window and not any(t.lower_ in g.joiners for t in doc[e:num_start])
    ]
    if before:
        last = max(e for _, e in before)
        lead = min(s for s, e in before if e == last)
        if _not_led_by(doc, lead, last, num_start, within, g):
            return None
        first = min(lead, start)
        units = within("UNIT", num_start - g.unit_window, num_start)
        if units and any(doc[i].text == "," for i in range(last, num_start)):
            first = min(units[-1][0], start)  # "Head of KAM, a team of 9": the phrase after the comma
        return first
    if within("LEAD_AFTER", end, end + g.lead_after) or within("SELF", num_end, end):
        return start
    if label == "N_PERSON":  # "10-person team": the unit follows the number
        units = within("UNIT", end, end + 2)
    else:
        units = within("UNIT", num_start - g.unit_window, num_start)
    if not units:
        return None
    unit_start = units[0][0]
    colon = any(doc[i].text == ":" for i in range(unit_start, num_start))
    if label != "N_PERSON" and colon and not within("SIZE", unit_start, num_start):
        return None  # "Команда: 4 frontend-разработчика, 2 QA" lists a team, not one led
    first = num_start if label == "N_PERSON" else unit_start
    if within("MEMBER", first - 3, first) or _acted_on(doc, first, within, g):
        return None
    return min(first, start)


def _not_led_by(doc: Doc, lead: int, last: int, num_start: int, within, g: _Grammar) -> bool:
    """Does the lead word at ``lead``..``last`` govern something else than the people counted?
    "Calendar management for 5 faculty members" (whom the work was for), "Oversaw scheduling of
    18 drivers", "Руководил обучением 30 сотрудников" (an activity done for people, unless
    coordinated with the lead: "Managed and trained a team of 6"), "Aided with the oversight
    of 93 employees" (the candidate assisted someone who led)."""
    if within("BENEFICIARY", last, num_start):
        return True
    if any(doc[e].lower_ not in g.joiners for _, e in within("ASSIST", lead - g.assist_window, lead)):
        return True  # "Aided with the oversight of", not "Supported and managed"
    activities = {s: e for s, e in within("ACTIVITY", last, num_start) if not _names_unit(doc, s, e, within)}
    i = last
    while i + 1 < num_start and doc[i].lower_ in g.joiners and i + 1 in activities:
        i = activities[i + 1]  # "managed and trained", "managed, trained and coached"
    return any(s >= i for s in activities)


def _acted_on(doc: Doc, first: int, within, g: _Grammar) -> bool:
    """Is the unit at ``first`` the object of an activity ("Recruited a team of 8", "Reduced staff
    from 110 to 46", "Trained the sales team of 12"): work done to the people, not leading them."""
    for s, e in within("ACTIVITY", first - 3, first):
        between = doc[e:first]
        if all(t.is_alpha and t.is_lower for t in between) and not _names_unit(doc, s, e, within):
            return True
    return False


def _names_unit(doc: Doc, start: int, end: int, within) -> bool:
    """Is the activity word at ``start``..``end`` part of a unit's name, an English noun adjunct
    right before the unit ("the support team of 12", "the payroll staff of 5", "network support
    call center"), not a verb? A past or -ing form acts ("trained staff", "staffing call center");
    Russian puts such words after the unit ("обучение команды" is the activity)."""
    last = doc[end - 1].lower_
    return (
        last.isascii()
        and last.isalpha()
        and not last.endswith(("ed", "ing"))
        and any(s == end for s, _ in within("UNIT", end, end + 3))
    )


def _followed_by_thing(doc: Doc, num_end: int, hi: int, marks: Marks) -> bool:
    """ "команда из 5 регионов", "team of 3 countries": a unit count of things, not people."""
    return any(s < num_end + 2 for s, _ in marks.within("NOT_PEOPLE", num_end, min(num_end + 3, hi)))
