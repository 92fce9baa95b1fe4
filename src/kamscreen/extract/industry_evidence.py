"""What a job's block and the CV say of an industry: the scores of a job's title and words, the
organisation a line describes ("a $15 million construction company"), the industries the CV
states of its career ("two years in the Retail industry")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from kamscreen.extract.industry_lexicon import NEUTRAL, lexicon_data, normalize_name, phrase_hits, tokens_at
from kamscreen.extract.model import Job
from kamscreen.nlp import clause_bounds, doc_text, make_doc
from kamscreen.nlp.phrases import PhraseHit

_PLURAL = re.compile(r"(?<=\w\w\w)e?s\b")  # English keeps its forms: "students" counts as "student"


# --- the job's title and words -----------------------------------------------------------------


def job_block(job: Job, doc: Doc) -> tuple[int, int]:
    """Character range of the job's block in ``doc`` (empty without one)."""
    if job.description is None:
        return 0, 0
    return max(0, job.description.start), min(len(doc_text(doc)), job.description.end)


def _title_hits(job: Job, doc: Doc) -> list[PhraseHit]:
    """Title and function phrases in the job's title: where its block writes it, else in the title alone."""
    title = (job.title or "").strip()
    if not title:
        return []
    start, end = job_block(job, doc)
    at = doc_text(doc).find(title, start, end)
    if at < 0:
        return list(_title_alone(title, doc.lang_))
    return [
        h
        for h in phrase_hits(doc)
        if h.group in ("title", "function") and at <= h.start_char and h.end_char <= at + len(title)
    ]


@lru_cache(maxsize=4096)
def _title_alone(title: str, lang: str) -> tuple[PhraseHit, ...]:
    """Title and function phrases of a title read on its own (titles repeat: remembered)."""
    return tuple(h for h in phrase_hits(make_doc(title, lang)) if h.group in ("title", "function"))


def content_scores(job: Job, doc: Doc) -> dict[str, float]:
    """Per industry: the strongest title phrase plus the distinct words and places of the job's
    block (an English plural counts as its singular). A phrase inside a longer one counts only as
    that one ("bank" in the neutral "bank reconciliation"). Places in B2B selling (its clients)
    count ``client_weight`` of theirs, words of the job's own function (read in its title)
    ``function_weight``."""
    data = lexicon_data()
    in_title = _title_hits(job, doc)
    functions = {h.label for h in in_title if h.group == "function"}
    scores: dict[str, float] = {}
    for hit in in_title:
        if hit.group == "title":
            scores[hit.label] = max(scores.get(hit.label, 0.0), hit.weight)
    end = job_block(job, doc)[1]
    best: dict[tuple[str, str], float] = {}
    for hit in _block_hits(job, doc):
        key = (hit.label, _PLURAL.sub("", hit.key))
        organisation = _organisation_after(doc, hit.end, end) is not None
        weight = max(hit.weight, data.organisation_weight) if organisation else hit.weight
        factor = (
            data.client_weight
            if (hit.group == "place" or organisation) and job.b2b
            else data.function_weight
            if hit.label in functions
            else 1.0
        )
        best[key] = max(best.get(key, 0.0), weight * factor)
    for (label, _), weight in best.items():
        scores[label] = scores.get(label, 0.0) + weight
    return scores


def _block_hits(job: Job, doc: Doc) -> list[PhraseHit]:
    """The words and places of a job's block, but the neutral ones and those inside a longer one
    ("bank" in the neutral "bank reconciliation")."""
    start, end = job_block(job, doc)
    words = [
        h for h in phrase_hits(doc) if h.group in ("words", "place") and start <= h.start_char and h.end_char <= end
    ]
    return [
        h
        for h in words
        if h.label != NEUTRAL
        and not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in words)
    ]


def described_industry(job: Job, doc: Doc) -> str | None:
    """The industry of the organisation a line of a job's block opens by describing ("Health care
    mechanical contracting firm", "A firm providing comprehensive technology consulting, IT
    support", "Major Entertainment Company providing Internet, VoIP and HDTV"): the anonymised
    employer, when such lines name one industry, outside B2B selling. Only determiners may come
    before the description in its clause: "for a leading pharma company" names a client."""
    if job.description is None or job.b2b:
        return None
    data = lexicon_data()
    start, end = job_block(job, doc)
    hits = _block_hits(job, doc)
    nearest: dict[int, PhraseHit] = {}  # organisation noun → the phrase right before it
    for h in hits:
        noun = _organisation_after(doc, h.end, end)
        if noun is not None and (noun not in nearest or h.end > nearest[noun].end):
            nearest[noun] = h
    found = {h.label for h in nearest.values() if _opens_clause(doc, h.start)}
    for tok in tokens_at(data.organisation_re, doc, start, end):
        verb = next((t for t in doc[tok.i + 1 : tok.i + 3] if not t.is_space), None)
        if verb is None or verb.lower_ not in data.organisation_verbs or not _opens_clause(doc, tok.i):
            continue
        hi = clause_bounds(doc, tok.i)[1]
        found |= {next((h.label for h in hits if verb.i < h.start < hi), "")} - {""}
    return found.pop() if len(found) == 1 else None


def _opens_clause(doc: Doc, i: int) -> bool:
    """Do only words that are no stop words (but ``determiners``) stand before token ``i`` in its
    clause ("A full service ...", "Major Entertainment Company"; not "functions for a")?"""
    determiners = lexicon_data().determiners
    lo = clause_bounds(doc, i)[0]
    return all(t.is_space or not (t.is_stop or t.is_punct) or t.lower_ in determiners for t in doc[lo:i])


def _organisation_after(doc: Doc, after: int, end_char: int) -> int | None:
    """The organisation noun (``organisations``: "company", "firm"), singular and in lower case,
    that heads the phrase ending at token ``after``, at most two lower-case words later ("a $15
    million construction company.", "a software development company that", "this LED products
    manufacturing company operating in"), or None. Not across a stop word ("merchandising and organization", "travel to
    the company"), nor when a noun follows the organisation noun, which then only qualifies it
    ("company wide", "company website"), nor the anonymised "Company Name"."""
    data = lexicon_data()
    words = [tok for tok in doc[after : after + 8] if not tok.is_space][:3]  # a line may break the phrase
    for tok in words:
        if tok.idx >= end_char or not tok.is_alpha or not tok.is_lower or tok.is_stop:
            return None
        if tok.text in data.organisations:
            return tok.i if heads_phrase(doc, tok.i) else None
    return None


def heads_phrase(doc: Doc, i: int) -> bool:
    """Does the noun at ``i`` end its phrase: no noun after it that it only qualifies ("company
    wide", "Firm knowledge")? A participle may follow ("a company operating in", "a firm based in")."""
    nxt = next((t for t in doc[i + 1 : i + 4] if not t.is_space), None)
    return nxt is None or not nxt.is_alpha or not nxt.is_lower or nxt.is_stop or nxt.text.endswith(("ing", "ed"))


def leader(scores: dict[str, float], floor: float) -> str | None:
    """The industry with the highest score when it reaches ``floor`` and is at least ``margin``
    times the runner-up's (a near tie decides nothing)."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < floor:
        return None
    if len(ranked) > 1 and ranked[0][1] < lexicon_data().margin * ranked[1][1]:
        return None
    return ranked[0][0]


# --- what the CV says of itself ------------------------------------------------------------------

_JOINERS = frozenset({"and", "or", "&", ",", "/", "\\", "и", "или"})


def stated_industries(jobs: Sequence[Job], doc: Doc) -> tuple[str, ...]:
    """Industries the CV states of its career outside its jobs' blocks (summary, profile): industry
    phrases before a ``statement_heads`` or an organisation noun, joined by "and" / "," ("two years
    in the Retail industry", "experience in Human Resources in Oil & Gas Company", "the Oil and Gas
    and Transportation Industry"), in a clause that speaks of experience (``statement_cues``:
    "years", "experience"), not of a wish ("seeking a position in the hospitality field")."""
    data = lexicon_data()
    blocks = [job_block(job, doc) for job in jobs]
    ends: dict[int, list[PhraseHit]] = {}
    for hit in phrase_hits(doc):
        if hit.group in ("words", "place") and hit.label != NEUTRAL:
            ends.setdefault(hit.end, []).append(hit)
    found: list[str] = []
    for tok in tokens_at(data.statement_re, doc, 0, len(doc_text(doc))):
        if any(a <= tok.idx < b for a, b in blocks) or normalize_name(doc[tok.i : tok.i + 2].text) in data.placeholders:
            continue
        if tok.lower_ in data.organisations and not heads_phrase(doc, tok.i):
            continue
        labels = _phrases_before(doc, tok.i, ends)
        lo, hi = clause_bounds(doc, tok.i)
        words = {t.lower_ for t in doc[lo:hi]}
        if labels and words & data.statement_cues and not words & data.statement_wishes:
            found = list(dict.fromkeys([*found, *labels]))
    return tuple(found)


def _phrases_before(doc: Doc, i: int, ends: dict[int, list[PhraseHit]]) -> list[str]:
    """Industries of the phrases right before token ``i``, joined by "and" / "," / "&" ("oil and gas
    and transportation industry"), after at most two lower-case words ("toy manufacturing")."""
    labels: list[str] = []
    j, loose = i, 0
    while j > 0:
        prev = doc[j - 1]
        if prev.is_space:
            j -= 1
        elif ends.get(j):
            hit = max(ends[j], key=lambda h: h.end - h.start)
            labels += [hit.label]
            j = hit.start
        elif labels and prev.lower_ in _JOINERS:
            j -= 1
        elif not labels and loose < 2 and prev.is_alpha and prev.is_lower and not prev.is_stop:
            j, loose = j - 1, loose + 1
        else:
            break
    return labels
