"""Section headers (RU and EN) → contiguous named spans of the CV text.

The header phrases live in ``lexicons/sections.yaml``. A header is a whole short line equal to a
phrase after normalisation (case, bullets, trailing colon, spaces); the section runs from its header
to the next header. Headings listed under ``inside_experience`` ("Достижения:" under an hh.ru
job) do not end an experience section. Text before the first header becomes ``contacts`` (a short
block, or one with an e-mail / phone) or ``summary``; a text with no header at all is ``other``.
"""

from __future__ import annotations

import functools
import re

from kamscreen import lexicons
from kamscreen.months import units_pattern
from kamscreen.parse.docdate import hh_footer_date
from kamscreen.parse.model import SECTION_NAMES, Section

MAX_HEADER_WORDS = 6
_DECORATION = re.compile(
    r"^[\s•·▪■□◆◇►▶●○*#=_~|>-]+|[\s:：=_~|•—–-]+$"
)  # a trailing dash or rule: OCR reads a heading's underline so
_SPACES = re.compile(r"\s+")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})[.)]\s+", re.IGNORECASE)
_LETTER_SPACED = re.compile(r"^\w(?: {1,3}\w){3,}$")
_NOT_SECTIONS = ("inside_experience", "not_cv")  # lists of sections.yaml that name no section
_CONTACT = re.compile(r"@|\+?\d[\d\s().-]{8,}\d|https?://|linkedin\.com|t\.me/|telegram", re.IGNORECASE)


@functools.cache
def _total_tail() -> re.Pattern[str]:
    """A heading's own total after a dash or in brackets: "Опыт работы — 8 лет 3 месяца" (hh.ru
    PDF), "Experience (12 years)"."""
    units = f"(?:{units_pattern('years')}|{units_pattern('months')})"
    return re.compile(rf"(?:\s+[—–-]\s*|\s*\()\d+\+?\s+{units}[^()]*\)?$", re.IGNORECASE)


@functools.cache
def header_lexicon() -> dict[str, str]:
    """Normalised header phrase → section name, from ``sections.yaml``."""
    lexicon: dict[str, str] = {}
    for name, by_language in lexicons.load("sections.yaml").items():
        if name in _NOT_SECTIONS:
            continue
        if name not in SECTION_NAMES:
            raise ValueError(f"sections.yaml: unknown section name {name!r}")
        for phrases in by_language.values():
            for phrase in phrases:
                lexicon[normalise_header(str(phrase))] = name
    return lexicon


@functools.cache
def inside_experience() -> frozenset[str]:
    """Headings that stay inside an experience section ("Достижения:" under a job)."""
    return frozenset(
        normalise_header(str(phrase)) for phrase in lexicons.load("sections.yaml").get("inside_experience", ())
    )


@functools.cache
def _not_cv_re() -> re.Pattern[str]:
    """A line holding a ``not_cv`` heading of ``sections.yaml`` (checked again as a whole header)."""
    phrases = [normalise_header(str(phrase)) for phrase in lexicons.load("sections.yaml").get("not_cv", ())]
    words = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    return re.compile(rf"^.*(?:{words}).*$", re.IGNORECASE | re.MULTILINE)


def cut_trailing_matter(text: str) -> tuple[str, str | None]:
    """The text without trailing matter that is not part of the CV (a ``not_cv`` heading of
    ``sections.yaml`` to the end: hh.ru's "История общения с кандидатом"), keeping the hh.ru footer
    lines there (the CV's date); and a warning naming what was cut, or None.

    >>> cut_trailing_matter("Навыки\\nExcel\\nИстория общения с кандидатом\\nОтклик 24 сентября 2025")
    ('Навыки\\nExcel', 'trailing "История общения с кандидатом" (not part of the CV) left out')
    """
    phrases = {normalise_header(str(phrase)) for phrase in lexicons.load("sections.yaml").get("not_cv", ())}
    for match in _not_cv_re().finditer(text):
        if normalise_header(match.group()) in phrases:
            footers = [line for line in text[match.start() :].split("\n") if hh_footer_date(line) is not None]
            body = "\n".join([text[: match.start()].rstrip("\n"), *footers])
            return body, f'trailing "{match.group().strip()}" (not part of the CV) left out'
    return text, None


def normalise_header(line: str) -> str:
    """Lower-case, without bullets, numbering or trailing colon, single spaces, "ё" as "е"."""
    line = _NUMBERING.sub("", _DECORATION.sub("", line.strip()))
    return _SPACES.sub(" ", line).lower().replace("ё", "е")


@functools.cache
def _closed_up_lexicon() -> dict[str, str]:
    """The lexicon without spaces, for letter-spaced headings ("W O R K  E X P E R I E N C E")."""
    return {phrase.replace(" ", ""): name for phrase, name in header_lexicon().items()}


@functools.lru_cache(maxsize=8192)  # the timeline asks again about the lines the parser read
def header_name(line: str) -> str | None:
    """The section a line opens, or ``None`` if it is not a header.

    >>> header_name("ОПЫТ РАБОТЫ:")
    'experience'
    """
    stripped = _total_tail().sub("", line.strip())
    if not stripped or len(stripped) > 60:
        return None
    if len(stripped.split()) > MAX_HEADER_WORDS and not _LETTER_SPACED.match(stripped):
        return None
    first_letter = next((ch for ch in stripped if ch.isalpha()), "")
    if first_letter.islower():
        return None  # the tail of a wrapped sentence ("... and\nskills"), not a heading
    key = normalise_header(stripped)
    name = header_lexicon().get(key)
    if name is None and _LETTER_SPACED.match(key):
        name = _closed_up_lexicon().get(key.replace(" ", ""))
    return name


def heading_lines(text: str) -> list[tuple[int, str, str]]:
    """``(offset, section name, line)`` of every line of ``text`` that is a section heading.

    >>> heading_lines("Иван\nОПЫТ РАБОТЫ:\nМенеджер")
    [(5, 'experience', 'ОПЫТ РАБОТЫ:')]
    """
    found = []
    offset = 0
    for line in text.split("\n"):
        name = header_name(line)
        if name is not None:
            found.append((offset, name, line))
        offset += len(line) + 1
    return found


def find_sections(text: str) -> tuple[Section, ...]:
    """Split ``text`` into contiguous sections covering it from 0 to ``len(text)``."""
    if not text:
        return ()
    starts: list[tuple[int, str, str | None]] = []
    for offset, name, line in heading_lines(text):
        if not (starts and starts[-1][1] == "experience" and normalise_header(line) in inside_experience()):
            starts.append((offset, name, line.strip()))
    if not starts or starts[0][0] > 0:
        lead_end = starts[0][0] if starts else len(text)
        starts.insert(0, (0, _lead_name(text[:lead_end], bool(starts)), None))
    sections: list[Section] = []
    for (start, name, header), following in zip(starts, [*starts[1:], (len(text), "", None)], strict=True):
        end = following[0]
        previous = sections[-1] if sections else None
        if previous and previous.name == name and not _body(text, previous).strip():
            sections[-1] = Section(name, previous.start, end, previous.header)  # "Образование\nОбразование"
            continue
        sections.append(Section(name, start, end, header))
    return tuple(sections)


def _body(text: str, section: Section) -> str:
    body = text[section.start : section.end]
    if section.header:
        body = body.split("\n", 1)[1] if "\n" in body else ""
    return body


def _lead_name(lead: str, has_headers: bool) -> str:
    if not has_headers:
        return "other"
    lines = [line for line in lead.split("\n") if line.strip()]
    if _CONTACT.search(lead) or len(lines) <= 10:
        return "contacts"
    return "summary"
