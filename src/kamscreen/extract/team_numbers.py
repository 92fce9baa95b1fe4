"""Numbers as a CV writes the size of a team: digits ("12", "~10", "20+", "1,200", "3-х"), a range
("10–15", "10 to 15": the lower bound; "from 5 to 20": the size reached) or words ("семью",
"двадцатью пятью", "one hundred and thirty two", "forty-two", "dozen"). The number words are
those of ``lexicons/team.yaml`` (:class:`NumberWords`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

DIGITS = re.compile(  # "12", "~10", "20+", "10–15", "1,200", "3-х" (lemma "3-й")
    r"^[~≈+]?(\d{1,3}(?:,\d{3})+|\d{1,4})(?:[–—-](\d{1,4}))?\+?(?:-(?:х|ти|ми|мя|ю|ью|ех|ух|и|й))?$"
)
YEAR = re.compile(r"^(?:19[5-9]\d|20[0-3]\d)(?![\d,])")  # "2015", "2015–2019"


@dataclass(frozen=True)
class NumberWords:
    """The words of numbers: values ("семь" 7), multipliers ("hundred"), links inside a number
    ("and", "-"), range words ("to", "до"), words before a size reached ("from", "с") and the
    "10-person" token."""

    values: dict[str, int]
    multipliers: dict[str, int]
    links: frozenset[str]
    range_words: frozenset[str]
    growth_from: frozenset[str]
    n_person: re.Pattern[str]


def second_number(doc: Doc, i: int, words: NumberWords) -> bool:
    """Is token ``i`` the second number of a range ("10 - 15", "10 to 15") or a number restated
    in brackets ("twelve (12)")? The first one counts."""
    return (
        i >= 2
        and (doc[i - 1].lower_ in words.range_words or doc[i - 1].text == "(")
        and (DIGITS.match(doc[i - 2].text) is not None or word(doc[i - 2]) in words.values)
    )


def word(tok) -> str:
    """A token's lemma, without the hyphen a line break leaves on "forty- two"."""
    return tok.lemma_[:-1] if len(tok.lemma_) > 1 and tok.lemma_.endswith("-") else tok.lemma_


def read_number(span: Span, words: NumberWords) -> tuple[int, int, int] | None:
    """``(value, first, end)`` of the first number in a shape match (token indices)."""
    tokens = [t for t in span if t.text != "+"]
    for k, tok in enumerate(tokens):
        m = DIGITS.match(tok.text) or words.n_person.match(tok.text)
        if m:
            return _digits_value(tokens[k:], m, words)
        if word(tok) in words.values or word(tok) in words.multipliers:
            return _words_value(tokens[k:], words)
    return None


def _digits_value(tokens: list, m: re.Match, words: NumberWords) -> tuple[int, int, int]:
    """A number in digits; of a range the lower bound, or the upper one after "from" / "с"
    ("grew the team from 5 to 20 people")."""
    first = tokens[0]
    growth = first.i > 0 and first.doc[first.i - 1].lower_ in words.growth_from
    if m.lastindex and m.lastindex >= 2 and m.group(2):
        return _int(m.group(2 if growth else 1)), first.i, first.i + 1
    if growth and len(tokens) > 2 and tokens[1].lower_ in words.range_words:
        upper = DIGITS.match(tokens[2].text)
        if upper:
            return _int(upper.group(1)), first.i, tokens[2].i + 1
    return _int(m.group(1)), first.i, first.i + 1


def _int(digits: str) -> int:
    return int(digits.replace(",", ""))


def _words_value(tokens: list, words: NumberWords) -> tuple[int, int, int]:
    """A number in words: "семь" 7, "двадцатью пятью" 25, "one hundred and thirty two" 132,
    "forty-two" 42, "dozen" 12. A link ("and", "-") must be followed by a number word, and
    "and" comes only after a multiplier ("hundred and thirty")."""
    total = current = 0
    end = tokens[0].i
    previous = ""
    for k, tok in enumerate(tokens):
        lemma = word(tok)
        if lemma in words.values:
            current += words.values[lemma]
        elif lemma in words.multipliers:
            current = max(current, 1) * words.multipliers[lemma]
            if words.multipliers[lemma] >= 1000:
                total, current = total + current, 0
        elif (
            tok.lower_ in words.links
            and previous
            and k + 1 < len(tokens)
            and (word(tokens[k + 1]) in words.values or word(tokens[k + 1]) in words.multipliers)
            and (tok.lower_ != "and" or previous in words.multipliers)
        ):
            continue
        else:
            break
        previous = lemma
        end = tok.i + 1
    return total + current, tokens[0].i, end
