"""What tells the pieces of a job header apart: the vocabulary of ``lexicons/titles.yaml`` compiled
once, on first use (:func:`header_words`), and the shapes of headers, lines and sentences.

Matching is case-insensitive and starts at a word boundary; Russian title words are stems, English
ones whole words with an optional plural "s"; short all-caps legal forms (ООО, LLC) match only
in capitals.

>>> bool(header_words().title.search("Key Account Manager")), bool(header_words().title.search("Managed"))
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kamscreen import lexicons
from kamscreen.extract.dates import prefix_tree
from kamscreen.months import units_pattern
from kamscreen.parse.sections import header_name

VERB_RE = re.compile(r"[A-Z][a-z]+(?:ed|es)$")  # "Managed", "Manages" (not "Sales"): a description starts
# "Promoted to Account Manager", "Hired as Sales Rep": a story of a job, not its header.
ACTION_RE = re.compile(r"[A-Za-z]+ed\s+(?:to|as|in)\b")
SMALL_WORDS = frozenset("a an and at for in of on or the to with & / - и в с по для на к от".split())
DOMAIN_RE = re.compile(r"(?:^|[\s,])(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-zа-я]{2,}(?:/\S*)?$", re.IGNORECASE)
SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s*(?:ï¼\u200b?|â€“|[|\uff0c•·\t])\s*|\s*,\s+|\s{3,}")
YEAR_RE = re.compile(r"(?<![\w.,/-])(?:19|20)\d\d(?![\w.,/-])")
# Words of a sentence, never of a title or an employer: "A Sales Associate is responsible for".
SENTENCE_RE = re.compile(
    r"(?<!\w)(?:is|are|was|were|has|have|had|will|would|we|my|our|я|мы|был|была|были)(?!\w)", re.IGNORECASE
)
# Between the pieces of one title: "Sales Manager - Part Time", "Director, Client Services", "Leader | Partner".
TITLE_GAP_RE = re.compile(r" ?[-–—|,/&] ?| ")
COMMA_GAP_RE = re.compile(r"\s*,\s*")
BULLET_RE = re.compile(r"^\s*[-–•*●▪◦·»>]")
BRACKETS_RE = re.compile(r"\([^()]*\)")
HEADER_LINE_MAX = 130
NEIGHBOUR_WORDS_MAX = 14
SEGMENT_MAX = 80
TITLE_WORDS_MAX = 8


@dataclass(frozen=True)
class HeaderWords:
    """The header vocabulary of ``lexicons/titles.yaml``, compiled."""

    title: re.Pattern[str]  # a head word of a job title ("менеджер", "Manager")
    employer_prefix: re.Pattern[str]  # starts an employer's name ("ООО", "компания")
    employer_suffix: re.Pattern[str]  # a legal form that ends it ("LLC", "Inc.")
    employer_any: re.Pattern[str]  # makes a segment an employer ("Bank", "завод")
    placeholder: re.Pattern[str]  # an anonymised employer ("Company Name")
    placeholder_split: re.Pattern[str]  # the same, as a group to split around
    location: re.Pattern[str]  # a whole segment that is a place ("Moscow", "Austin, TX")
    location_start: re.Pattern[str]  # a place opening a segment
    location_end: re.Pattern[str]  # a place ending a segment
    education: re.Pattern[str]  # a school or a degree
    degree: re.Pattern[str]  # a degree ("Master of", "бакалавр")
    course: re.Pattern[str]  # a course ("курсы", "bootcamp")
    not_job: re.Pattern[str]  # a certificate, an award, volunteer work
    anchor: re.Pattern[str]  # employers and places that open a header line ("Company Name - City , State")
    label: re.Pattern[str]  # a field label ("Должность:", "Duration :")
    duration: re.Pattern[str]  # a job's duration beside its period ("(2 years 3 months)", "1 год")


def _alt(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


def _any_case(words: list[str]) -> str:
    """An alternation to match ignoring case: phrases first, then one-word entries as a prefix tree."""
    single = [w for w in words if re.fullmatch(r"[^\W\d_]+", w)]
    return "|".join(filter(None, [_alt([w for w in words if w not in single]), prefix_tree(single)]))


def _marker_re(words: list[str]) -> re.Pattern[str]:
    """Short all-caps legal forms (ООО, АО, LLC) match case-sensitively, the rest in any case."""
    caps = [w for w in words if w.isupper() and len(w) <= 4]
    rest = [w for w in words if w not in caps]
    parts = [f"(?:{_alt(caps)})"] if caps else []
    parts += [f"(?i:{_alt(rest)})"] if rest else []
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?![\w])")


@cache
def header_words() -> HeaderWords:
    """The compiled header vocabulary (built on first use)."""
    lex = lexicons.load("titles.yaml")
    markers = lex["employer_markers"]
    places = _any_case(lex["locations"])
    placeholder = re.compile(rf"(?<!\w)(?:{_alt(lex['employer_placeholders'])})(?!\w)", re.IGNORECASE)
    labels = _any_case(lex["field_labels"])
    years, months = units_pattern("years"), units_pattern("months")
    return HeaderWords(
        title=re.compile(
            rf"(?<!\w)(?:(?:{_any_case(lex['title_words']['ru'])})\w*"
            rf"|(?:{_any_case(lex['title_words']['en'])})s?(?!\w))",
            re.IGNORECASE,
        ),
        employer_prefix=_marker_re(markers["prefix"]),
        employer_suffix=_marker_re(markers["suffix"]),
        employer_any=_marker_re(markers["anywhere"] + markers["suffix"]),
        placeholder=placeholder,
        placeholder_split=re.compile(f"({placeholder.pattern})", re.IGNORECASE),
        location=re.compile(rf"^(?:{places})$|^[A-Z][\w .'-]*,\s*[A-Z]{{2}}$", re.IGNORECASE),
        location_start=re.compile(rf"^(?:{places})\s+", re.IGNORECASE),
        location_end=re.compile(rf"\s+(?:{places})$", re.IGNORECASE),
        education=re.compile(
            rf"(?<!\w)(?:{_any_case([w for ws in lex['education'].values() for w in ws])})", re.IGNORECASE
        ),
        degree=re.compile(rf"(?<!\w)(?:{_any_case(lex['education']['degrees'])})", re.IGNORECASE),
        course=re.compile(rf"(?<![\w-])(?:{_any_case(lex['courses'])})(?![\w-])", re.IGNORECASE),
        not_job=re.compile(rf"(?<![\w-])(?:{_any_case(lex['not_jobs'])})(?![\w-])", re.IGNORECASE),
        anchor=re.compile(rf"(?:[ \t]*(?:{placeholder.pattern}|(?i:{places})(?!\w))[ \t]*[,\-–—|:ï¼]*)+"),
        label=re.compile(rf"^(?:{labels})(?:\s*/\s*\w+)?\s*:\s*|^(?:{labels})\s*:?$", re.IGNORECASE),
        duration=re.compile(
            rf"\(?\s*(?:\d+\s+{years}(?:\s*,?\s*\d+\s+{months})?|\d+\s+{months}|less than a year)\s*\)?", re.IGNORECASE
        ),
    )


def is_heading(line: str) -> bool:
    """A section heading (``lexicons/sections.yaml``), never part of a job header."""
    return header_name(line) is not None
