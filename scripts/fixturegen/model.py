"""Facts of one synthetic CV (what the generator decided) and the laid-out document (what it writes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Month = tuple[int, int]  # (year, month)


@dataclass
class JobSpec:
    """One position as the generator decided it; ``end`` None means current."""

    start: Month
    end: Month | None
    title: str
    employer: str
    role: str
    management: bool
    b2b: bool
    industry: str
    city: str = ""
    lines: list[str] = field(default_factory=list)  # description, one bullet a line
    period_text: str = ""
    duration_text: str = ""
    industry_line: str = ""  # hh.ru "отрасль" line


@dataclass
class LanguageSpec:
    iso: str
    level: str  # A1..C2 or native
    text: str  # as written in the CV


@dataclass
class CVSpec:
    """Everything one CV states; truth is computed from these fields only."""

    id: str
    lang: str
    layout: str
    fmt: str
    persona: str
    document_date: dt.date
    date_source: str
    name: str
    gender: str  # m / f (personal data: only rendered, never a truth feature)
    birth: dt.date
    city: str
    desired_title: str
    summary: list[str] = field(default_factory=list)
    stated_text: str | None = None
    stated_years: float | None = None
    jobs: list[JobSpec] = field(default_factory=list)
    education: list[tuple[str, str, str]] = field(default_factory=list)  # (years, institution, detail)
    languages: list[LanguageSpec] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    team_size: int | None = None
    kpis: set[str] = field(default_factory=set)
    footer: str | None = None
    encoding: str = "utf-8"
    sidebar_side: str = "left"
    personal: list[str] = field(default_factory=list)  # marital status, citizenship ... (counterfactuals)
    photo: bool = False


@dataclass
class P:
    """A paragraph of the laid-out document.

    ``key`` marks a candidate key phrase, ``exp`` a phrase of the experience block.
    """

    text: str
    style: str = "body"  # name, title, h, job, bold, body, bullet, small
    section: str = ""
    key: bool = False
    exp: bool = False


@dataclass
class Row:
    """A two-cell table row (DOCX table layout): dates left, job right."""

    left: list[P]
    right: list[P]


@dataclass
class Doc:
    main: list[P | Row]
    sidebar: list[P] = field(default_factory=list)
    sidebar_side: str = "left"

    def main_paras(self) -> list[P]:
        """Main-column paragraphs in reading order (table rows read left cell, then right)."""
        out: list[P] = []
        for item in self.main:
            out.extend(item.left + item.right if isinstance(item, Row) else [item])
        return out
