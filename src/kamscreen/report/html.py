"""report.html: one self-contained page (inline CSS/JS, no network) with the ranking and a card per CV.

CV text is data, never code: Jinja2 autoescapes every value and highlighted text is escaped piece
by piece (``highlight``); the page's only script is the project's own, allowed by its hash (CSP).
The row and card markup (``parts.html.j2``), ``summary_of`` / ``card_of`` and the table and
evidence scripts are shared with the review app (``kamscreen review``), which shows the same views.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO, cast

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from kamscreen.report.files import write_text_atomic
from kamscreen.report.highlight import SPAN_TYPES, SpanSet, highlight
from kamscreen.report.model import Candidate, group_decision, link_reason
from kamscreen.report.person import current_title, display_name
from kamscreen.report.rows import english_level
from kamscreen.report.words import (
    DATE_SOURCES,
    GROUP_WORDS,
    SOURCE_WORDS,
    STATUS_SYMBOLS,
    STATUS_WORDS,
    UNSURE_DATE_SOURCES,
    industry_words,
    job_words,
)

_MARKS = ("\x00rows\x00", "\x00cards\x00")


@dataclass(frozen=True)
class Layout:
    """What the page needs before its first row: criteria (id → label), the count and the verdicts.

    ``ranked_by`` says what ordered the list; ``decisions`` (file sha256 → ``{"decision", "note",
    "recruiter", "decided_at", "file", "sha256"}``) fill the read-only decision column from the review
    database (a candidate's is its best file's, else the newest on another of its files).
    """

    criteria: dict[str, str]
    count: int
    verdicts: tuple[str, ...]
    profile: str
    model: str | None = None
    blind: bool = False
    ranked_by: str = ""
    decisions: dict[str, dict] = field(default_factory=dict)


def template_globals(criteria: dict[str, str]) -> dict:
    """What the shared templates (``parts.html.j2``) read besides a card."""
    return {
        "criteria": [{"id": cid, "label": label} for cid, label in criteria.items()],
        "symbols": STATUS_SYMBOLS,
        "status_words": STATUS_WORDS,
        "span_types": SPAN_TYPES,
    }


class _Parts(Protocol):
    """The macros of ``parts.html.j2`` that render one candidate."""

    def row(self, card: dict) -> Markup: ...

    def card_html(self, card: dict) -> Markup: ...


class HtmlWriter:
    """Streams report.html into ``handle``: head, one table row per ``add``, then the cards.

    The cards follow the whole table, so they are spooled to ``spool`` (a text file opened for
    ``w+``) and copied after the last row; nothing per candidate stays in memory.
    """

    def __init__(self, handle: TextIO, spool: TextIO, layout: Layout) -> None:
        env = environment()
        script = env.get_template("report.js").render()
        shared = template_globals(layout.criteria)
        page = env.get_template("report.html.j2").render(
            script=Markup(script),
            script_hash=base64.b64encode(hashlib.sha256(script.encode()).digest()).decode(),
            rows=Markup(_MARKS[0]),
            cards_html=Markup(_MARKS[1]),
            count=layout.count,
            profile=layout.profile,
            ranked_by=layout.ranked_by or (f"model {layout.model}" if layout.model else "checklist score"),
            blind=layout.blind,
            with_decisions=bool(layout.decisions),
            **shared,
        )
        head, rest = page.split(_MARKS[0])
        self._middle, self._tail = rest.split(_MARKS[1])
        self._parts = cast(_Parts, env.get_template("parts.html.j2").make_module(shared))
        self.handle, self.spool, self.layout = handle, spool, layout
        self.count = 0
        handle.write(head)

    def add(self, cand: Candidate) -> None:
        decisions = self.layout.decisions
        decision = group_decision(
            cand.sha256, (o["sha256"] for o in cand.other_files), decisions, lambda d: d["decided_at"]
        )
        card = card_of(self.count, cand, blind=self.layout.blind, decision=decision, file_decisions=decisions)
        self.count += 1
        self.handle.write(str(self._parts.row(card)))
        self.spool.write(str(self._parts.card_html(card)))

    def close(self) -> None:
        """Write the cards and the end of the page; the caller closes the handles."""
        self.handle.write(self._middle)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, self.handle)
        self.handle.write(self._tail)


def layout_of(
    candidates: list[Candidate],
    *,
    profile: str,
    model: str | None = None,
    blind: bool = False,
    ranked_by: str = "",
    decisions: dict[str, dict] | None = None,
) -> Layout:
    """The layout of a report over ``candidates`` held in memory."""
    verdicts = {((c.assessment or {}).get("checklist") or {}).get("verdict") or c.status for c in candidates}
    return Layout(
        _criterion_labels(candidates),
        len(candidates),
        tuple(sorted(verdicts)),
        profile,
        model,
        blind,
        ranked_by or next((c.ranked_by for c in candidates if c.ranked_by), ""),
        decisions or {},
    )


def write_html(
    candidates: list[Candidate], path: Path, *, profile: str, model: str | None = None, blind: bool = False
) -> Path:
    """Render the report for ``candidates`` (already ranked, already redacted in blind mode)."""
    return write_text_atomic(path, render_html(candidates, profile=profile, model=model, blind=blind))


def render_html(
    candidates: list[Candidate],
    *,
    profile: str,
    model: str | None = None,
    blind: bool = False,
    ranked_by: str = "",
    decisions: dict[str, dict] | None = None,
) -> str:
    """The whole page as a string (``HtmlWriter`` streams the same bytes to a file)."""
    page, spool = io.StringIO(), io.StringIO()
    layout = layout_of(candidates, profile=profile, model=model, blind=blind, ranked_by=ranked_by, decisions=decisions)
    writer = HtmlWriter(page, spool, layout)
    for cand in candidates:
        writer.add(cand)
    writer.close()
    return page.getvalue()


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("kamscreen.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def _criterion_labels(candidates: list[Candidate]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for cand in candidates:
        for crit in (cand.assessment or {}).get("checklist", {}).get("criteria", []):
            labels.setdefault(crit["id"], crit.get("label_en") or crit["id"])
    return labels


def summary_of(
    index: int,
    cand: Candidate,
    *,
    blind: bool = False,
    decision: dict | None = None,
    href: str | None = None,
    file_decisions: Mapping[str, dict] | None = None,
) -> dict:
    """What a table row shows of one candidate (no CV text): rank, group, figures, statuses, flags, why,
    the candidate's other files.

    ``decision`` is ``{"decision", "note", "recruiter", "decided_at", "file", "sha256"}`` from the
    review database (made on another of the candidate's files when its ``sha256`` is not the
    candidate's); ``file_decisions`` (sha256 → decision) show beside the other files.
    """
    a = cand.assessment or {}
    checklist = a.get("checklist") or {}
    exp = a.get("experience") or {}
    flags = a.get("flags") or []
    unread = a.get("needs_human_read")
    group = "unread" if unread else checklist.get("verdict") or cand.status
    statuses = {c["id"]: c["status"] for c in checklist.get("criteria", [])}
    document_date = (cand.parsed or {}).get("document_date") or {}
    return {
        "index": index,
        "sha256": cand.sha256,
        "file": cand.file,
        "ocr": cand.ocr,
        "href": href or f"#card-{index}",
        "status": cand.status,
        "error": cand.error,
        "rank": cand.rank,
        "group": group,
        "group_text": GROUP_WORDS.get(group, group.replace("_", " ")),
        "score": checklist.get("score"),
        "fit": (a.get("fit") or {}).get("probability"),
        "statuses": statuses,
        "status_text": {cid: STATUS_WORDS.get(s, s) for cid, s in statuses.items()},
        "total_years": exp.get("total_years"),
        "key_account_years": exp.get("key_account_years"),
        "b2b_years": exp.get("b2b_years"),
        "team_size": (a.get("team_size") or {}).get("value"),
        "english": english_level(a) if a else None,
        "industry": industry_words(a.get("industry")),
        "red": sum(f.get("severity") == "red" for f in flags),
        "green": sum(f.get("severity") == "green" for f in flags),
        "flag_text": "; ".join(f"{f.get('severity')}: {f.get('kind', '').replace('_', ' ')}" for f in flags),
        "name": display_name(cand.text, cand.sha256, blind),
        "title": current_title(a.get("jobs") or []),
        "why": why(a, cand, unread),
        "needs_human_read": unread,
        "decision": decision,
        "as_of": a.get("as_of"),
        "as_of_source": DATE_SOURCES.get(document_date.get("source"), ""),
        "as_of_unsure": document_date.get("source") in UNSURE_DATE_SOURCES,
        "source": SOURCE_WORDS.get((cand.parsed or {}).get("format"), (cand.parsed or {}).get("format") or ""),
        "other_files": [
            {**_file_of(link, link_reason(link)), "decision": (file_decisions or {}).get(link["sha256"])}
            for link in cand.other_files
        ],
        "decided_on": next(
            (link["file"] for link in cand.other_files if decision and link["sha256"] == decision.get("sha256")), None
        ),
        "possible_duplicates": [_file_of(link, link["reason"]) for link in cand.possible_duplicates],
    }


def _file_of(link: dict, why: str) -> dict:
    """Another file as a row or card lists it: name, hash, format in words, status and why it is there."""
    return {
        "file": link["file"],
        "sha256": link["sha256"],
        "why": why,
        "status": link.get("status"),
        "source": SOURCE_WORDS.get(link.get("source"), link.get("source") or ""),
    }


def card_of(
    index: int,
    cand: Candidate,
    *,
    blind: bool = False,
    decision: dict | None = None,
    href: str | None = None,
    file_decisions: Mapping[str, dict] | None = None,
) -> dict:
    """A row's summary plus what the candidate's view shows: checklist, flags, reasons, jobs, highlighted text."""
    a = cand.assessment or {}
    spans = SpanSet(len(cand.text))
    for job in a.get("jobs", []):
        spans.add(job.get("evidence"), "job")
    spans.add((a.get("experience") or {}).get("stated_evidence"), "experience")
    spans.add((a.get("team_size") or {}).get("evidence"), "team")
    for kind, key in (("language", "languages"), ("kpi", "kpis"), ("signal", "signals")):
        for item in a.get(key, []):
            spans.add(item.get("evidence"), kind)
    criteria = []
    for crit in (a.get("checklist") or {}).get("criteria", []):
        ids = spans.add_all(crit.get("evidence"), "criterion")
        note = f" ({crit['note']})" if crit.get("note") else ""  # "C1 (inferred from the CV's language)"
        criteria.append(
            {
                **crit,
                "ev": " ".join(ids),
                "value_text": _show(crit.get("value")) + note,
                "threshold_text": _show(crit.get("threshold")),
                "status_text": STATUS_WORDS.get(crit.get("status"), crit.get("status")),
            }
        )
    flags = []
    for flag in a.get("flags", []):
        kind = "flag-green" if flag.get("severity") == "green" else "flag-red"
        flags.append({**flag, "ev": " ".join(spans.add_all(flag.get("evidence"), kind))})
    jobs = [{**job, "what": job_words(job)} for job in a.get("jobs", [])]
    warnings = [*((cand.parsed or {}).get("warnings") or []), *(a.get("warnings") or [])]
    return {
        **summary_of(index, cand, blind=blind, decision=decision, href=href, file_decisions=file_decisions),
        "criteria": criteria,
        "flags": flags,
        "reasons": ((a.get("fit") or {}).get("reasons") or [])[:6],
        "jobs": jobs,
        "warnings": warnings,
        "text_html": highlight(cand.text, spans.spans),
    }


def why(assessment: dict, cand: Candidate, unread: str | None) -> str:
    """One line on the candidate's place: the reason it needs a person, the must-haves it misses, or its strengths."""
    if cand.error:
        return f"{cand.error.get('code')}: {cand.error.get('message')}"
    if unread:
        return unread
    criteria = (assessment.get("checklist") or {}).get("criteria", [])
    misses = [_short(c) for c in criteria if c.get("must_have") and c.get("status") in ("not_met", "partly")]
    silent = [_short(c) for c in criteria if c.get("must_have") and c.get("status") == "no_data"]
    parts = []
    if misses:
        parts.append("misses " + ", ".join(misses))
    if silent:
        parts.append("silent on " + ", ".join(silent))
    if not parts and criteria:
        parts.append("meets every must-have")
    greens = [f.get("kind", "").replace("_", " ") for f in assessment.get("flags", []) if f.get("severity") == "green"]
    reds = [f.get("kind", "").replace("_", " ") for f in assessment.get("flags", []) if f.get("severity") == "red"]
    if reds:
        parts.append("red flags: " + ", ".join(reds))
    if greens and not misses:
        parts.append("strengths: " + ", ".join(greens))
    return "; ".join(parts)


def _short(criterion: dict) -> str:
    """A criterion named briefly with what was found: "Key-account B2B experience of 5+ years (2.5)"."""
    label = criterion.get("label_en") or criterion.get("id", "")
    value = criterion.get("value")
    return f"{label} ({_show(value)})" if value is not None else label


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(v) for v in value) or "—"
    return str(value)
