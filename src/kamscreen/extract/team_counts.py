"""The counts of people a CV states, read from the grammar's matches: each number with the phrase
that states it, and whether the candidate led those people."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from kamscreen.extract.team_grammar import TeamGrammar
from kamscreen.extract.team_numbers import YEAR, read_number, second_number
from kamscreen.nlp import clause_bounds
from kamscreen.nlp.matcher import Marks


@dataclass(frozen=True)
class Count:
    """One number the grammar read: its value, where it stands and how it is stated."""

    value: int
    num_start: int
    num_end: int
    start: int  # first token of the phrase that states it
    end: int  # end of the phrase (people noun, closing bracket, unit of "10-person team")
    join_end: int  # where a joined count may follow ("5 reps | and 4 merchandisers")
    led: bool
    people: bool  # a people noun or a unit says these are people (not an acronym list item)


def read_counts(doc: Doc, g: TeamGrammar, marks: Marks) -> list[Count]:
    """Every number the grammar reads in clauses that name people or a unit, one per number
    (the shapes that read the same number merge: "team of 8" + "8 KAMs")."""
    kinds = ("PEOPLE", "UNIT", "PLURAL_UNIT")
    clauses = sorted({clause_bounds(doc, s) for kind in kinds for s, _ in marks.all(kind)})
    by_number: dict[int, Count] = {}
    for lo, hi in clauses:
        for match_id, s, e in g.shapes(doc[lo:hi]):
            count = _count(doc, doc.vocab.strings[match_id], lo + s, lo + e, marks, g)
            if count is not None:
                by_number[count.num_start] = _merge(by_number.get(count.num_start), count)
    return sorted(by_number.values(), key=lambda c: c.num_start)


def _count(doc: Doc, label: str, start: int, end: int, marks: Marks, g: TeamGrammar) -> Count | None:
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
        return Count(value, num_start, num_end, start, end, end, led, False)
    join_end = num_end if label == "UNIT_OF" else end
    phrase_end = _phrase_end(doc, end, label, marks)
    grown = _grown_to(doc, num_start, end, hi, g) if label == "COUNT" else None
    if grown is not None:  # "grew from 42 counselors in 1999 to 132"
        value, phrase_end = grown
        join_end = phrase_end
    lead_start = start if first is None else min(start, first)
    return Count(value, num_start, num_end, lead_start, phrase_end, join_end, led, True)


def _grown_to(doc: Doc, num_start: int, end: int, hi: int, g: TeamGrammar) -> tuple[int, int] | None:
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


def _merge(old: Count | None, new: Count) -> Count:
    """One count per number: the widest phrase, led if any shape is led."""
    if old is None:
        return new
    if old.people != new.people:  # "team of 6 IT professionals": the acronym item adds nothing
        kept = old if old.people else new
        return replace(kept, led=old.led or new.led)
    return Count(
        max(old.value, new.value),
        old.num_start,
        max(old.num_end, new.num_end),
        min(old.start, new.start),
        max(old.end, new.end),
        max(old.join_end, new.join_end),
        old.led or new.led,
        old.people,
    )


def _phrase_end(doc: Doc, end: int, label: str, marks: Marks) -> int:
    """End of the evidence: the match, plus a closing bracket or the unit of "10-person team"."""
    hi = clause_bounds(doc, end - 1)[1]
    if end < hi and doc[end].text == ")":
        return end + 1
    if label == "N_PERSON":
        return max([e for _, e in marks.within("UNIT", end, min(end + 3, hi))] + [end])
    return end


def _led(
    doc: Doc, label: str, start: int, end: int, num_start: int, num_end: int, marks: Marks, g: TeamGrammar
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


def _not_led_by(doc: Doc, lead: int, last: int, num_start: int, within, g: TeamGrammar) -> bool:
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


def _acted_on(doc: Doc, first: int, within, g: TeamGrammar) -> bool:
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
