"""The industry of each job and of the whole career.

A job's industry is read from its employer first: a known company (``lexicons/companies.yaml``,
~1000 companies of Russia and multinationals), the industry lines hh.ru prints under it
("Продукты питания" → fmcg; a bullet sub-line such as "• Кадровые агентства" is more precise),
a word of its name that says what kind of organisation it is ("First National Bank",
"Гостиница «Космос»", "Zonatelecom"), or a line of the job's block that opens by describing
it ("Health care mechanical contracting firm", "A firm providing IT support"). Failing that, from
what the job is about: its title ("Teacher", "Executive Chef", "Frontend-разработчик") and the words of its block
(``lexicons/industries.yaml``), each distinct phrase counted once, when their sum reaches
``min_score`` and clearly beats the runner-up; a job's own function ("Accountant", "IT
Specialist") says what the person does, not where, so its words count less; an organisation the
block describes by its industry ("a $15 million construction company") decides the job alone.
Otherwise the job's industry is unknown and written ``other`` — unless the CV is known in the
industry its words lean to: another of its jobs is, or the CV says so of itself outside its jobs
("two years in the Retail industry"), which also decides when no job's industry is known.

The career's industry is the one with the most months among the jobs whose industry is known.

>>> employer_industry("ООО «Нестле Россия»"), employer_industry("ПАО «МТС Банк»")
('fmcg', 'finance')
>>> hh_line_industry("Информационные технологии, системная интеграция, интернет... Показать еще")
'it'
>>> name_industry("First National Bank of Omaha"), name_industry("Zonatelecom")
('finance', 'telecom')
>>> jobs = [Job("2017-12", None, True, None, None, industry="fmcg"),
...         Job("2012-01", "2017-11", False, None, None, industry="it")]
>>> by_years(jobs, dt.date(2025, 9, 1)), overall(jobs, dt.date(2025, 9, 1))
((IndustryYears(industry='fmcg', years=7.83), IndustryYears(industry='it', years=5.92)), 'fmcg')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kamscreen import lexicons
from kamscreen.extract.experience import months_union
from kamscreen.extract.model import INDUSTRIES, IndustryYears, Job
from kamscreen.months import is_month
from kamscreen.nlp import clause_bounds, doc_text, make_doc
from kamscreen.nlp.phrase_syntax import expand_phrase
from kamscreen.nlp.phrases import PhraseHit, PhraseLexicon

_NON_WORD = re.compile(r"[^\w&+]+")
_CUT = re.compile(r"(\.\.\.|…)?\s*(показать\s+ещ[её])?\s*$", re.IGNORECASE)
_MIN_CUT = 12  # a cut-off hh.ru line must keep this many characters; shorter phrases match whole
_HEADER_LINES = 8  # where an hh.ru industry line may stand when the title is not found
_HEADER_CHARS = 120  # header lines are short (hh.ru industry lines reach ~100)
_BULLETS = "•·▪●◦‣∙○■□➢►✓✔*-–—"
_NAME_WORDS = 8  # an employer name longer than this is a misread sentence: its words say nothing
_PLURAL = re.compile(r"(?<=\w\w\w)e?s\b")  # English keeps its forms: "students" counts as "student"
NEUTRAL = "neutral"  # keywords of no industry: they only keep the words inside them from counting
EMPLOYER, CONTENT, UNKNOWN = "employer", "content", "unknown"  # where a job's industry came from
_MEMO_KEY = "kamscreen.industry.jobs"  # doc.user_data: job → JobIndustry


def normalize_name(name: str) -> str:
    """Case, ё, accents, quotes and punctuation folded: ``"«Нестле» (Nestlé)"`` → ``"нестле nestle"``."""
    text = unicodedata.normalize("NFKD", name.lower().replace("ё", "е"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("&", " & ")
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class JobIndustry:
    """A job's industry and where it came from: ``employer``, ``content`` (its title and words)
    or ``unknown`` (then the industry is ``other``)."""

    industry: str
    source: str


@dataclass(frozen=True)
class _Data:
    company_industry: dict[str, str]
    company_also: dict[str, tuple[str, ...]]  # alias → other industries it is listed under
    longest: int  # words in the longest alias
    hh_lines: tuple[tuple[str, str], ...]
    name_words: tuple[tuple[str, re.Pattern], ...]  # industry → its employer_words, one regex
    phrases: PhraseLexicon  # groups "title", "function" (read in a job's title), "place", "words" (its block)
    min_score: float
    margin: float
    lean_score: float
    function_weight: float
    client_weight: float
    organisations: frozenset[str]  # nouns an industry phrase may describe ("construction company")
    organisation_weight: float
    statement_cues: frozenset[str]  # "years", "experience": ... of its career
    statement_wishes: frozenset[str]  # "seeking": an objective, not a career
    workplace_words: frozenset[str]  # "throughout": before the company one works in
    statement_re: re.Pattern  # "industry", "sector" and organisation nouns: a CV stating its industry
    workplace_re: re.Pattern  # workplace words and "clients", "customers" (the company's people)
    placeholders: frozenset[str]  # "company name": the anonymised employer
    capitals: frozenset[str]  # acronyms that count only in capitals ("IT", not the pronoun "it")
    organisation_verbs: frozenset[str]  # "a firm providing ...": what it does follows
    determiners: frozenset[str]  # "a", "this": the only stop words before an employer's description
    organisation_re: re.Pattern  # organisation nouns in any case ("Major Entertainment Company")


def _checked(industry: str, where: str) -> str:
    if industry not in INDUSTRIES:
        raise ValueError(f"{where}: unknown industry {industry!r}")
    return industry


@lru_cache(maxsize=1)
def _data() -> _Data:
    aliases: dict[str, str] = {}
    also: dict[str, tuple[str, ...]] = {}
    further: list[tuple[str, str]] = []  # "+Name" lines: further listings of a company
    for industry, entries in lexicons.load("companies.yaml").items():
        _checked(industry, "companies.yaml")
        for entry in entries or ():
            entry = str(entry).strip()
            for alias in entry.lstrip("+").split("|"):
                key = normalize_name(alias)
                if key and entry.startswith("+"):
                    further.append((key, industry))
                elif key:
                    aliases.setdefault(key, industry)
    for key, industry in further:
        if aliases.setdefault(key, industry) != industry and industry not in also.get(key, ()):
            also[key] = (*also.get(key, ()), industry)
    longest = max((len(a.split()) for a in aliases), default=1)
    lex = lexicons.load("industries.yaml")
    hh = tuple(
        (normalize_name(line), _checked(ind, "industries.yaml hh_lines")) for line, ind in lex["hh_lines"].items()
    )
    names = tuple(
        (_checked(ind, "industries.yaml employer_words"), _name_regex(phrases))
        for ind, phrases in lex["employer_words"].items()
    )
    for group in ("titles", "functions", "places", "keywords"):
        for ind in lex[group]:
            if ind != NEUTRAL:
                _checked(ind, f"industries.yaml {group}")
    functions = {ind: {phrase: 1.0 for phrase in phrases} for ind, phrases in lex["functions"].items()}
    phrases = PhraseLexicon(
        "industries", {"title": lex["titles"], "function": functions, "place": lex["places"], "words": lex["keywords"]}
    )
    return _Data(
        aliases,
        also,
        longest,
        hh,
        names,
        phrases,
        float(lex["min_score"]),
        float(lex["margin"]),
        float(lex["lean_score"]),
        float(lex["function_weight"]),
        float(lex["client_weight"]),
        frozenset(str(w).lower() for w in lex["organisations"]),
        float(lex["organisation_weight"]),
        frozenset(str(w).lower() for w in lex["statement_cues"]),
        frozenset(str(w).lower() for w in lex["statement_wishes"]),
        frozenset(str(w).lower() for w in lex["workplace_words"]),
        _words_regex([*lex["statement_heads"], *lex["organisations"]]),
        _words_regex([*lex["workplace_words"], *lex["workplace_people"]]),
        frozenset(normalize_name(p) for p in lexicons.load("titles.yaml")["employer_placeholders"]),
        frozenset(str(w).lower() for w in lex["capitals"]),
        frozenset(str(w).lower() for w in lex["organisation_verbs"]),
        frozenset(str(w).lower() for w in lex["determiners"]),
        _words_regex(lex["organisations"]),
    )


def _hits(doc: Doc) -> list[PhraseHit]:
    """The lexicon's phrases in ``doc``, but for an acronym of ``capitals`` not in capitals ("it"
    is a pronoun, "IT" an industry)."""
    data = _data()
    return [
        h
        for h in data.phrases.find(doc)
        if not (h.end - h.start == 1 and doc[h.start].lower_ in data.capitals and not doc[h.start].is_upper)
    ]


def _words_regex(words: Iterable[str]) -> re.Pattern:
    """One regex finding any of ``words`` as a whole word, in any case."""
    alternatives = sorted({re.escape(str(w)) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:{})(?!\w)".format("|".join(alternatives)), re.IGNORECASE)


def _tokens_at(regex: re.Pattern, doc: Doc, start: int, end: int) -> Iterable:
    """The first token of each match of ``regex`` in characters ``start``..``end`` of ``doc``."""
    for m in regex.finditer(doc_text(doc), start, end):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            yield span[0]


# --- the employer ------------------------------------------------------------------------------


def employer_industry(employer: str | None) -> str | None:
    """Industry of a known employer (the longest alias found in the name, as whole words), else None."""
    found = employer_industries(employer)
    return found[0] if found else None


def employer_industries(employer: str | None) -> tuple[str, ...]:
    """Every industry a known employer is listed under, its main one first (else ``()``)."""
    return _company(employer)[1]


@lru_cache(maxsize=4096)
def _company(name: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of ``name`` outside its longest known alias (whole words), and the alias's
    industries (``()`` when no company is known)."""
    words = normalize_name(name or "").split()
    data = _data()
    best = (0, 0)
    for i in range(len(words)):
        for j in range(min(len(words), i + data.longest), i, -1):
            if " ".join(words[i:j]) in data.company_industry:
                if j - i > best[1] - best[0]:
                    best = (i, j)
                break
    if best == (0, 0):
        return tuple(words), ()
    alias = " ".join(words[best[0] : best[1]])
    return tuple(words[: best[0]] + words[best[1] :]), (data.company_industry[alias], *data.company_also.get(alias, ()))


def name_industry(employer: str | None) -> str | None:
    """Industry a word of the employer's name gives (``employer_words``), else None. In a phrase,
    ``word*`` matches a word starting so and ``*word`` one ending so; a name of more than a few
    words (a misread sentence) says nothing."""
    return _words_industry(tuple(normalize_name(employer or "").split()))


def _words_industry(words: tuple[str, ...]) -> str | None:
    if not words or len(words) > _NAME_WORDS:
        return None
    name = " ".join(words)
    return next((industry for industry, regex in _data().name_words if regex.search(name)), None)


def _name_regex(phrases: Iterable[str]) -> re.Pattern:
    """One regex for an industry's ``employer_words``, matched on a normalised name."""

    def word(w: str) -> str:
        core = re.escape(normalize_name(w.strip("*")).replace(" ", ""))
        return (r"\S*" if w.startswith("*") else "") + core + (r"\S*" if w.endswith("*") else "")

    spellings = {s for phrase in phrases for s in expand_phrase(str(phrase))}
    alternatives = sorted((" ".join(map(word, s.split())) for s in spellings), key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(alternatives) + r")(?!\S)")


def hh_line_industry(line: str) -> str | None:
    """Industry of an hh.ru industry line (possibly cut with "... Показать еще"), else None."""
    text = normalize_name(_CUT.sub("", line.strip()))
    if not text:
        return None
    for phrase, industry in _data().hh_lines:
        if text == phrase or (len(phrase) >= _MIN_CUT and text.startswith(phrase + " ")):
            return industry
        if len(text) >= _MIN_CUT and phrase.startswith(text):
            return industry
    return None


def _header_lines(job: Job, block: str) -> tuple[list[str], list[str]]:
    """The short lines of a job's header: those before the title (where hh.ru prints the
    employer's industry, in its PDF export with bullet sub-lines, which come first), and those up
    to two lines past the title (employers may follow it); without a title, the first few lines.
    A bullet line that is not an hh.ru industry line ends the header."""
    lines = block.splitlines()
    title = (job.title or "").strip()
    at = next((i for i, line in enumerate(lines[: _HEADER_LINES * 2]) if title and title in line), None)
    header: list[tuple[int, str]] = []
    subs: list[str] = []
    for i, line in enumerate(lines[: _HEADER_LINES if at is None else at + 3]):
        stripped = line.strip()
        if stripped[:1] and stripped[:1] in _BULLETS:
            sub = stripped.lstrip(_BULLETS).strip()
            if (at is not None and i >= at) or hh_line_industry(sub) is None:
                break
            subs.append(sub)
        elif stripped and len(stripped) <= _HEADER_CHARS:
            header.append((i, stripped))
    before = [line for i, line in header if at is None or i < at]
    return subs + before, [line for _, line in header]


def _from_employer(job: Job, doc: Doc) -> JobIndustry | None:
    """The employer's industry: its known name ("GE Money Bank": a word of the name beside the
    alias "GE" is more precise), an hh.ru industry line, a known company on a header line (most
    of that line), a word of its name, a known company the block names as the workplace. An hh.ru
    line of an industry outside the list ("Услуги для населения") leaves the decision to the
    job's words, and says ``other`` if they are silent."""
    rest, found = _company(job.employer)
    if found:
        return JobIndustry(_words_industry(rest) or _pick(found, job, doc), EMPLOYER)
    if job.description is not None:
        text = doc_text(doc)
        lines, header = _header_lines(job, text[job.description.start : job.description.end])
        said = [ind for ind in map(hh_line_industry, lines) if ind]
        if any(ind != "other" for ind in said):
            return JobIndustry(next(ind for ind in said if ind != "other"), EMPLOYER)
        for line in header:
            rest, found = _company(line)
            if found and line != (job.title or "").strip() and len(rest) <= len(normalize_name(line).split()) // 2:
                return JobIndustry(_pick(found, job, doc), EMPLOYER)
        if said:
            return _from_content(job, doc) or JobIndustry("other", EMPLOYER)
    if industry := name_industry(job.employer):
        return JobIndustry(industry, EMPLOYER)
    return _workplace_named(job, doc)


def _workplace_named(job: Job, doc: Doc) -> JobIndustry | None:
    """A known company that the block of a job outside B2B selling names as the workplace: right
    after a ``workplace_words`` word, ending its phrase ("employees throughout Kraft Foods", "within
    Wells Fargo"; not "at Walmart stores"), or right before its ``workplace_people`` ("Provide Honda
    clients a resource"): where the anonymised employer is. In B2B selling such a company is a
    client ("listings at Kroger", "trained Home Depot associates")."""
    if job.description is None or job.b2b:
        return None
    data = _data()
    start, end = _block(job, doc)
    for tok in _tokens_at(data.workplace_re, doc, start, end):
        after = tok.lower_ in data.workplace_words
        near = tok.i + 1 if after else tok.i - 1
        if not 0 <= near < len(doc) or (not doc[near].text[:1].isupper() and not doc[near].text[:1].isdigit()):
            continue  # the name beside it is written as names are ("Kraft Foods", "3M")
        if after:
            spans = [doc[tok.i + 1 : tok.i + 1 + k] for k in range(min(data.longest, len(doc) - tok.i - 1), 0, -1)]
            spans = [s for s in spans if s.end_char <= end and _heads_phrase(doc, s.end - 1)]
        else:
            spans = [doc[tok.i - k : tok.i] for k in range(min(data.longest, tok.i), 0, -1)]
            spans = [s for s in spans if s.start_char >= start]
        alias = next((a for span in spans if (a := normalize_name(span.text)) in data.company_industry), None)
        if alias is not None:
            return JobIndustry(
                _pick((data.company_industry[alias], *data.company_also.get(alias, ())), job, doc), EMPLOYER
            )
    return None


def _pick(candidates: tuple[str, ...], job: Job, doc: Doc) -> str:
    """A company listed under several industries: the one its job's words speak for most
    (Henkel selling detergents to X5 is fmcg, Henkel Adhesives is manufacturing); else the first."""
    if len(candidates) == 1 or job.description is None:
        return candidates[0]
    scores = content_scores(job, doc)
    best = max(candidates, key=lambda ind: (scores.get(ind, 0.0), -candidates.index(ind)))
    return best if scores.get(best, 0.0) > 0 else candidates[0]


# --- the job's title and words -----------------------------------------------------------------


def _block(job: Job, doc: Doc) -> tuple[int, int]:
    """Character range of the job's block in ``doc`` (empty without one)."""
    if job.description is None:
        return 0, 0
    return max(0, job.description.start), min(len(doc_text(doc)), job.description.end)


def _title_hits(job: Job, doc: Doc) -> list[PhraseHit]:
    """Title and function phrases in the job's title: where its block writes it, else in the title alone."""
    title = (job.title or "").strip()
    if not title:
        return []
    start, end = _block(job, doc)
    at = doc_text(doc).find(title, start, end)
    if at < 0:
        return list(_title_alone(title, doc.lang_))
    return [
        h
        for h in _hits(doc)
        if h.group in ("title", "function") and at <= h.start_char and h.end_char <= at + len(title)
    ]


@lru_cache(maxsize=4096)
def _title_alone(title: str, lang: str) -> tuple[PhraseHit, ...]:
    """Title and function phrases of a title read on its own (titles repeat: remembered)."""
    return tuple(h for h in _hits(make_doc(title, lang)) if h.group in ("title", "function"))


def content_scores(job: Job, doc: Doc) -> dict[str, float]:
    """Per industry: the strongest title phrase plus the distinct words and places of the job's
    block (an English plural counts as its singular). A phrase inside a longer one counts only as
    that one ("bank" in the neutral "bank reconciliation"). Places in B2B selling (its clients)
    count ``client_weight`` of theirs, words of the job's own function (read in its title)
    ``function_weight``."""
    data = _data()
    in_title = _title_hits(job, doc)
    functions = {h.label for h in in_title if h.group == "function"}
    scores: dict[str, float] = {}
    for hit in in_title:
        if hit.group == "title":
            scores[hit.label] = max(scores.get(hit.label, 0.0), hit.weight)
    end = _block(job, doc)[1]
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
    start, end = _block(job, doc)
    words = [h for h in _hits(doc) if h.group in ("words", "place") and start <= h.start_char and h.end_char <= end]
    return [
        h
        for h in words
        if h.label != NEUTRAL
        and not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in words)
    ]


def _described(job: Job, doc: Doc) -> JobIndustry | None:
    """The industry of the organisation a line of a job's block opens by describing ("Health care
    mechanical contracting firm", "A firm providing comprehensive technology consulting, IT
    support", "Major Entertainment Company providing Internet, VoIP and HDTV"): the anonymised
    employer, when such lines name one industry, outside B2B selling. Only determiners may come
    before the description in its clause: "for a leading pharma company" names a client."""
    if job.description is None or job.b2b:
        return None
    data = _data()
    start, end = _block(job, doc)
    hits = _block_hits(job, doc)
    nearest: dict[int, PhraseHit] = {}  # organisation noun → the phrase right before it
    for h in hits:
        noun = _organisation_after(doc, h.end, end)
        if noun is not None and (noun not in nearest or h.end > nearest[noun].end):
            nearest[noun] = h
    found = {h.label for h in nearest.values() if _opens_clause(doc, h.start)}
    for tok in _tokens_at(data.organisation_re, doc, start, end):
        verb = next((t for t in doc[tok.i + 1 : tok.i + 3] if not t.is_space), None)
        if verb is None or verb.lower_ not in data.organisation_verbs or not _opens_clause(doc, tok.i):
            continue
        hi = clause_bounds(doc, tok.i)[1]
        found |= {next((h.label for h in hits if verb.i < h.start < hi), "")} - {""}
    return JobIndustry(found.pop(), EMPLOYER) if len(found) == 1 else None


def _opens_clause(doc: Doc, i: int) -> bool:
    """Do only words that are no stop words (but ``determiners``) stand before token ``i`` in its
    clause ("A full service ...", "Major Entertainment Company"; not "functions for a")?"""
    determiners = _data().determiners
    lo = clause_bounds(doc, i)[0]
    return all(t.is_space or not (t.is_stop or t.is_punct) or t.lower_ in determiners for t in doc[lo:i])


def _organisation_after(doc: Doc, after: int, end_char: int) -> int | None:
    """The organisation noun (``organisations``: "company", "firm"), singular and in lower case,
    that heads the phrase ending at token ``after``, at most two lower-case words later ("a $15
    million construction company.", "a software development company that", "this LED products
    manufacturing company operating in"), or None. Not across a stop word ("merchandising and organization", "travel to
    the company"), nor when a noun follows the organisation noun, which then only qualifies it
    ("company wide", "company website"), nor the anonymised "Company Name"."""
    data = _data()
    words = [tok for tok in doc[after : after + 8] if not tok.is_space][:3]  # a line may break the phrase
    for tok in words:
        if tok.idx >= end_char or not tok.is_alpha or not tok.is_lower or tok.is_stop:
            return None
        if tok.text in data.organisations:
            return tok.i if _heads_phrase(doc, tok.i) else None
    return None


def _heads_phrase(doc: Doc, i: int) -> bool:
    """Does the noun at ``i`` end its phrase: no noun after it that it only qualifies ("company
    wide", "Firm knowledge")? A participle may follow ("a company operating in", "a firm based in")."""
    nxt = next((t for t in doc[i + 1 : i + 4] if not t.is_space), None)
    return nxt is None or not nxt.is_alpha or not nxt.is_lower or nxt.is_stop or nxt.text.endswith(("ing", "ed"))


def _leader(scores: dict[str, float], floor: float) -> str | None:
    """The industry with the highest score when it reaches ``floor`` and is at least ``margin``
    times the runner-up's (a near tie decides nothing)."""
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < floor:
        return None
    if len(ranked) > 1 and ranked[0][1] < _data().margin * ranked[1][1]:
        return None
    return ranked[0][0]


def _from_content(job: Job, doc: Doc) -> JobIndustry | None:
    """The industry the title and words speak for, from ``min_score`` on (alone, only a strong
    phrase reaches it: one weak word of a long description does not decide)."""
    industry = _leader(content_scores(job, doc), _data().min_score)
    return JobIndustry(industry, CONTENT) if industry else None


# --- what the CV says of itself ------------------------------------------------------------------

_JOINERS = frozenset({"and", "or", "&", ",", "/", "\\", "и", "или"})


def stated_industries(jobs: Sequence[Job], doc: Doc) -> tuple[str, ...]:
    """Industries the CV states of its career outside its jobs' blocks (summary, profile): industry
    phrases before a ``statement_heads`` or an organisation noun, joined by "and" / "," ("two years
    in the Retail industry", "experience in Human Resources in Oil & Gas Company", "the Oil and Gas
    and Transportation Industry"), in a clause that speaks of experience (``statement_cues``:
    "years", "experience"), not of a wish ("seeking a position in the hospitality field")."""
    data = _data()
    blocks = [_block(job, doc) for job in jobs]
    ends: dict[int, list[PhraseHit]] = {}
    for hit in _hits(doc):
        if hit.group in ("words", "place") and hit.label != NEUTRAL:
            ends.setdefault(hit.end, []).append(hit)
    found: list[str] = []
    for tok in _tokens_at(data.statement_re, doc, 0, len(doc_text(doc))):
        if any(a <= tok.idx < b for a, b in blocks) or normalize_name(doc[tok.i : tok.i + 2].text) in data.placeholders:
            continue
        if tok.lower_ in data.organisations and not _heads_phrase(doc, tok.i):
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


# --- jobs and career ---------------------------------------------------------------------------


def job_industry(job: Job, doc: Doc) -> JobIndustry:
    """Industry of one job and its source: the employer, else the job's title and words, else
    unknown. ``job.description`` is the job's block in ``doc``; without it only the employer tells.
    Remembered on the doc (the career's industry asks again)."""
    memo = doc.user_data.setdefault(_MEMO_KEY, {})
    key = (job.start, job.end, job.title, job.employer, job.description, job.b2b)
    if key not in memo:
        memo[key] = (
            _from_employer(job, doc) or _described(job, doc) or _from_content(job, doc) or JobIndustry("other", UNKNOWN)
        )
    return memo[key]


def classify_jobs(jobs: Sequence[Job], doc: Doc) -> tuple[str, ...]:
    """The industry of each job of one CV (:func:`job_industry`); a job of unknown industry whose
    words lean (from ``lean_score``) to an industry the CV is known in takes it: careers stay in an
    industry, a "District Manager" of "stores" among store jobs is retail. The CV is known in the
    industries of its other jobs and in those it states of itself (:func:`stated_industries`);
    when no job's industry is known and the CV states one industry, every job is in it."""
    found = [job_industry(job, doc) for job in jobs]
    stated = stated_industries(jobs, doc)
    known = {f.industry for f in found if f.source != UNKNOWN} - {"other"}
    if not known and len(stated) == 1:
        return tuple(stated[0] if f.source == UNKNOWN else f.industry for f in found)
    known |= set(stated)
    lean = _data().lean_score
    industries = []
    for job, f in zip(jobs, found, strict=True):
        leaning = _leader(content_scores(job, doc), lean) if f.source == UNKNOWN and known else None
        industries.append(leaning if leaning in known else f.industry)
    return tuple(industries)


def _valid(job: Job) -> bool:
    """Are the job's months readable (``YYYY-MM``)?"""
    return job.start is not None and is_month(job.start) and (job.end is None or is_month(job.end))


def by_years(jobs: Iterable[Job], present: dt.date) -> tuple[IndustryYears, ...]:
    """Years per industry (union of inclusive months; a current job ends at ``present``), most first."""
    groups: dict[str, list[Job]] = {}
    for job in filter(_valid, jobs):
        groups.setdefault(job.industry, []).append(job)
    months = {ind: months_union(js, present) for ind, js in groups.items()}
    ranked = sorted(months.items(), key=lambda kv: (-len(kv[1]), -max(kv[1], default=0), kv[0]))
    return tuple(IndustryYears(ind, round(len(m) / 12, 2)) for ind, m in ranked if m)


def overall(jobs: Iterable[Job], present: dt.date, doc: Doc | None = None) -> str | None:
    """The industry with the most months (concurrent jobs count for each); ties go to the most
    recent. A job of industry ``other`` counts when ``doc`` shows it known to be other (a
    hospital, a gym, "Услуги для населения"), not when its industry is unknown; without ``doc``
    it never does. ``other`` when no job's industry is known; None without jobs."""
    jobs = tuple(jobs)
    if not jobs:
        return None
    months: dict[str, set[int]] = {}
    for job in filter(_valid, jobs):
        if job.industry != "other" or (doc is not None and job_industry(job, doc).source != UNKNOWN):
            months.setdefault(job.industry, set()).update(months_union([job], present))
    if not months:
        return "other"
    return max(months, key=lambda ind: (len(months[ind]), max(months[ind], default=0)))
