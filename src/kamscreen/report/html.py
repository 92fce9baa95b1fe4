"""report.html: one self-contained page (inline CSS/JS, no network) with the ranking and a card per CV.

CV text is data, never code: Jinja2 autoescapes every value, highlighted text is escaped piece by
piece (``highlight``), and the JSON the script reads has ``<``, ``>`` and ``&`` as ``\\u`` escapes.
"""
from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from kamscreen.report.files import write_text_atomic
from kamscreen.report.highlight import SPAN_TYPES, SpanSet, highlight
from kamscreen.report.model import DECISION_LABELS, Candidate
from kamscreen.report.rows import criterion_ids, english_level

STATUS_SYMBOLS = {"met": "✓", "partly": "◐", "not_met": "✗", "no_data": "?"}


def write_html(candidates: list[Candidate], path: Path, *, profile: str, model: str | None = None,
               blind: bool = False) -> Path:
    """Render the report for ``candidates`` (already ranked, already redacted in blind mode)."""
    return write_text_atomic(path, render_html(candidates, profile=profile, model=model, blind=blind))


def render_html(candidates: list[Candidate], *, profile: str, model: str | None = None, blind: bool = False) -> str:
    env = Environment(loader=PackageLoader("kamscreen.report", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    criteria = criterion_ids(candidates)
    labels = _criterion_labels(candidates)
    report_id = hashlib.sha256("\n".join([profile, *sorted(c.file for c in candidates)]).encode()).hexdigest()[:16]
    data = {"reportId": report_id, "labels": DECISION_LABELS, "files": [c.file for c in candidates]}
    script = env.get_template("report.js").render()
    script_hash = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return env.get_template("report.html.j2").render(
        script=Markup(script), script_hash=script_hash,
        cards=[_card(i, c) for i, c in enumerate(candidates)],
        criteria=[{"id": cid, "label": labels.get(cid, cid)} for cid in criteria],
        profile=profile, model=model, blind=blind, span_types=SPAN_TYPES, symbols=STATUS_SYMBOLS,
        decisions=list(DECISION_LABELS), data_json=script_json(data),
    )


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
        "index": index, "file": cand.file, "status": cand.status, "error": cand.error, "rank": cand.rank,
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
