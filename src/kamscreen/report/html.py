"""report.html: one self-contained page (inline CSS/JS, no network) with the ranking and a card per CV.

CV text is data, never code: Jinja2 autoescapes every value, highlighted text is escaped piece by
piece (``highlight``), and the JSON the script reads has ``<``, ``>`` and ``&`` as ``\\u`` escapes.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from kamscreen.report.files import write_text_atomic
from kamscreen.report.highlight import SPAN_TYPES, SpanSet, highlight
from kamscreen.report.model import DECISION_LABELS, Candidate
from kamscreen.report.rows import english_level

STATUS_SYMBOLS = {"met": "✓", "partly": "◐", "not_met": "✗", "no_data": "?"}


_MARKS = ("\x00rows\x00", "\x00cards\x00", "\x00data\x00")


@dataclass(frozen=True)
class Layout:
    """What the page needs before its first row: criteria (id → label), the count and the verdicts."""

    criteria: dict[str, str]
    count: int
    verdicts: tuple[str, ...]
    profile: str
    model: str | None = None
    blind: bool = False


class HtmlWriter:
    """Streams report.html into ``handle``: head, one table row per ``add``, the cards, the data.

    The cards follow the whole table, so they are spooled to ``spool`` (a text file opened for
    ``w+``) and copied after the last row; only the file names stay in memory (for the data JSON).
    """

    def __init__(self, handle: TextIO, spool: TextIO, layout: Layout) -> None:
        env = _environment()
        script = env.get_template("report.js").render()
        page = env.get_template("report.html.j2").render(
            script=Markup(script), script_hash=base64.b64encode(hashlib.sha256(script.encode()).digest()).decode(),
            rows=Markup(_MARKS[0]), cards_html=Markup(_MARKS[1]), data_json=Markup(_MARKS[2]),
            criteria=[{"id": cid, "label": label} for cid, label in layout.criteria.items()],
            count=layout.count, verdicts=layout.verdicts, profile=layout.profile, model=layout.model,
            blind=layout.blind, span_types=SPAN_TYPES, symbols=STATUS_SYMBOLS, decisions=list(DECISION_LABELS),
        )
        head, rest = page.split(_MARKS[0])
        self._middle, rest = rest.split(_MARKS[1])
        self._between, self._tail = rest.split(_MARKS[2])
        self._parts = env.get_template("parts.html.j2").make_module({
            "criteria": [{"id": cid, "label": label} for cid, label in layout.criteria.items()],
            "symbols": STATUS_SYMBOLS, "decisions": list(DECISION_LABELS), "span_types": SPAN_TYPES,
        })
        self.handle, self.spool, self.profile = handle, spool, layout.profile
        self.files: list[str] = []
        handle.write(head)

    def add(self, cand: Candidate) -> None:
        card = _card(len(self.files), cand)
        self.files.append(cand.file)
        self.handle.write(str(self._parts.row(card)))
        self.spool.write(str(self._parts.card_html(card)))

    def close(self) -> None:
        """Write the cards and the closing data; the caller closes the handles."""
        self.handle.write(self._middle)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, self.handle)
        report_id = hashlib.sha256("\n".join([self.profile, *sorted(self.files)]).encode()).hexdigest()[:16]
        data = {"reportId": report_id, "labels": DECISION_LABELS, "files": self.files}
        self.handle.write(self._between + str(script_json(data)) + self._tail)


def layout_of(candidates: list[Candidate], *, profile: str, model: str | None = None, blind: bool = False) -> Layout:
    """The layout of a report over ``candidates`` held in memory."""
    verdicts = {((c.assessment or {}).get("checklist") or {}).get("verdict") or c.status for c in candidates}
    return Layout(_criterion_labels(candidates), len(candidates), tuple(sorted(verdicts)), profile, model, blind)


def write_html(candidates: list[Candidate], path: Path, *, profile: str, model: str | None = None,
               blind: bool = False) -> Path:
    """Render the report for ``candidates`` (already ranked, already redacted in blind mode)."""
    return write_text_atomic(path, render_html(candidates, profile=profile, model=model, blind=blind))


def render_html(candidates: list[Candidate], *, profile: str, model: str | None = None, blind: bool = False) -> str:
    """The whole page as a string (``HtmlWriter`` streams the same bytes to a file)."""
    page, spool = io.StringIO(), io.StringIO()
    writer = HtmlWriter(page, spool, layout_of(candidates, profile=profile, model=model, blind=blind))
    for cand in candidates:
        writer.add(cand)
    writer.close()
    return page.getvalue()


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("kamscreen.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def script_json(data) -> Markup:
    """JSON safe inside ``<script>``: no ``</script>``, no ``<!--``, no HTML entity can end or bend it."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _criterion_labels(candidates: list[Candidate]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for cand in candidates:
        for crit in (cand.assessment or {}).get("checklist", {}).get("criteria", []):
            labels.setdefault(crit["id"], crit.get("label_en") or crit["id"])
    return labels


def _card(index: int, cand: Candidate) -> dict:
    a = cand.assessment or {}
    spans = SpanSet(len(cand.text))
    for job in a.get("jobs", []):
        spans.add(job.get("evidence"), "job")
    exp = a.get("experience") or {}
    spans.add(exp.get("stated_evidence"), "experience")
    spans.add((a.get("team_size") or {}).get("evidence"), "team")
    for kind, key in (("language", "languages"), ("kpi", "kpis"), ("signal", "signals")):
        for item in a.get(key, []):
            spans.add(item.get("evidence"), kind)
    checklist = a.get("checklist") or {}
    criteria = []
    for crit in checklist.get("criteria", []):
        ids = spans.add_all(crit.get("evidence"), "criterion")
        criteria.append({**crit, "ev": " ".join(ids), "value_text": _show(crit.get("value")),
                         "threshold_text": _show(crit.get("threshold"))})
    flags = []
    for flag in a.get("flags", []):
        kind = "flag-green" if flag.get("severity") == "green" else "flag-red"
        flags.append({**flag, "ev": " ".join(spans.add_all(flag.get("evidence"), kind))})
    fit = a.get("fit") or {}
    return {
        "index": index, "file": cand.file, "status": cand.status, "error": cand.error, "rank": cand.rank, "ocr": cand.ocr,
        "verdict": checklist.get("verdict") or cand.status, "score": checklist.get("score"),
        "fit": fit.get("probability"), "reasons": (fit.get("reasons") or [])[:6],
        "statuses": {c["id"]: c["status"] for c in criteria}, "criteria": criteria, "flags": flags,
        "red": sum(f.get("severity") == "red" for f in flags), "green": sum(f.get("severity") == "green" for f in flags),
        "total_years": exp.get("total_years"), "key_account_years": exp.get("key_account_years"),
        "b2b_years": exp.get("b2b_years"), "team_size": (a.get("team_size") or {}).get("value"),
        "english": english_level(a) if a else None, "industry": a.get("industry"),
        "jobs": a.get("jobs", []), "text_html": highlight(cand.text, spans.spans),
    }


def _show(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(v) for v in value) or "—"
    return str(value)
