"""Languages: every language the CV names as a skill, with its CEFR level (or ``native``).

A statement is a language name ("Английский", "английским", "English") or a certificate
("IELTS 7.5") with the level written next to it: an explicit code ("B2", "С1"), a certificate
score, or a level word ("свободный", "upper-intermediate", "родной"). The level is looked for
after the name up to the next name in the clause ("English (C1), German (B1)"), then just before
it ("свободный английский", "Fluent English"), never across a comma. A name without a level counts only inside the
languages section or a clause about languages ("Languages: English, German"), so "English
Premier League" is not a skill. Vocabulary: ``lexicons/languages.yaml``.

>>> from kamscreen.parse.model import ParsedCV
>>> text = "Английский — B2 — Средне-продвинутый"
>>> from kamscreen.nlp import make_doc
>>> [(s.language, s.level) for s in find_languages(ParsedCV("cv.txt", "ok", text), make_doc(text, "ru"))]
[('en', 'B2')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kamscreen.extract.model import CEFR_LEVELS, Evidence, LanguageSkill
from kamscreen.nlp import clause_bounds, doc_text, get_nlp, trim
from kamscreen.nlp.patterns import LexiconMatcher, find, load_lexicon, load_matcher
from kamscreen.parse.model import ParsedCV

LEXICON = "languages.yaml"
RANK = {level: n for n, level in enumerate(CEFR_LEVELS, start=1)}  # A1 < … < C2 < native
_CODE = re.compile(r"^([ABCАВСabcавс])([12])(?![0-9])")
_LATIN = str.maketrans("АВСавс", "ABCABC")
_SCORE = re.compile(r"^\d{1,3}(?:[.,]\d)?$")
_STOPS = frozenset({",", ";", "|", "/", "(", ")"})  # a level word before a name stops here
_LIST_STOPS = frozenset({",", ";", "|"})  # a level word after a name stops here
_CONJUNCTIONS = frozenset({",", "and", "&", "и", "both", "or", "или", "/"})
FORWARD = 8  # tokens after a name searched for its level
LEVEL_LINE = 5  # tokens of a line that holds only a level, below its language
BACKWARD = 4  # tokens before a name ("Upper-Intermediate English", "Родной язык: русский")


@dataclass(frozen=True)
class _Grammar:
    matcher: LexiconMatcher
    certificates: dict[str, dict]


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    lex = load_lexicon(LEXICON)
    entries: dict[str, list[str]] = {f"lang:{code}": names for code, names in lex["languages"].items()}
    entries |= {f"level:{level}": words for level, words in lex["levels"].items()}
    entries |= {f"cert:{key}": c["phrases"] for key, c in lex["certificates"].items()}
    entries["header"] = lex["headers"]
    entries["exclude"] = lex["excludes"]
    matcher = load_matcher(get_nlp(lang), entries)
    matcher.add_regex("code", r"(?<!\w)[ABCАВС][12](?![0-9])", re.IGNORECASE)
    return _Grammar(matcher, lex["certificates"])


@dataclass(frozen=True)
class _Mention:
    language: str
    level: str | None
    start: int  # token span of the whole statement
    end: int


def find_languages(parsed: ParsedCV, doc: Doc) -> tuple[LanguageSkill, ...]:
    """One entry per language, the highest level stated, in order of first mention.

    ``parsed`` gives the languages section (names there count without a level); ``doc`` is
    ``make_doc(parsed.text, parsed.language)``.
    """
    g = _grammar(doc.lang_)
    hits = find(g.matcher, doc)
    section = [(s.start, s.end) for s in parsed.section("languages")]
    by_clause: dict[int, list[tuple[str, Span]]] = {}
    for label, span in hits:
        by_clause.setdefault(clause_bounds(doc, span.start)[0], []).append((label, span))

    best: dict[str, _Mention] = {}
    order: list[str] = []
    about_ends: set[int] = set()  # ends of clauses that are about languages
    for start in sorted(by_clause):
        clause_hits = by_clause[start]
        excluded = any(label == "exclude" for label, _ in clause_hits)
        about = not excluded and (any(label == "header" for label, _ in clause_hits) or _listed(doc, start, about_ends))
        if about:
            about_ends.add(clause_bounds(doc, start)[1])
        for mention in _mentions(clause_hits, g):
            if mention.level is None:
                mention = _level_below(doc, mention, by_clause)
            in_section = any(a <= doc[mention.start].idx < b for a, b in section)
            if mention.level is None and not (about or in_section):
                continue
            old = best.get(mention.language)
            if old is None:
                order.append(mention.language)
            if old is None or RANK.get(mention.level, 0) > RANK.get(old.level, 0):
                best[mention.language] = mention
    skills = []
    text = doc_text(doc)
    for code in order:
        m = best[code]
        span = trim(doc[m.start : m.end])
        skills.append(LanguageSkill(code, m.level, Evidence.of(text, span.start_char, span.end_char)))
    return tuple(skills)


def _level_below(doc: Doc, mention: _Mention, by_clause: dict[int, list[tuple[str, Span]]]) -> _Mention:
    """A level alone on the next line ("English" / "Native or bilingual proficiency", LinkedIn)."""
    end = clause_bounds(doc, mention.start)[1]
    if any(not t.is_space for t in doc[mention.end : end]):
        return mention  # the name's own line goes on: the level is not below it
    while end < len(doc) and doc[end].is_space:
        end += 1
    hits = by_clause.get(end, [])
    lo, hi = clause_bounds(doc, end) if end < len(doc) else (end, end)
    if not hits or hi - lo > LEVEL_LINE or any(not lb.startswith(("level:", "code")) for lb, _ in hits):
        return mention
    found = _level(hits, doc[mention.start : mention.end], None)
    if found is None:
        return mention
    level, used = found
    return _Mention(mention.language, level, mention.start, max([mention.end] + [sp.end for sp in used]))


def _listed(doc: Doc, start: int, about_ends: set[int]) -> bool:
    """Does the clause follow a languages heading or list ("Languages" / "English" / "German")?"""
    end = start
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    return end in about_ends or start in about_ends


def _mentions(clause_hits: list[tuple[str, Span]], g: _Grammar) -> list[_Mention]:
    """Language statements of one clause: each name or certificate with the level next to it."""
    anchors = [(n, label, span) for n, (label, span) in enumerate(clause_hits)
               if label.startswith(("lang:", "cert:"))]
    out: list[tuple[_Mention, bool]] = []
    for k, (n, label, span) in enumerate(anchors):
        clause = span.doc[slice(*clause_bounds(span.doc, span.start))]
        nxt = anchors[k + 1][2].start if k + 1 < len(anchors) else clause.end
        prev = anchors[k - 1][2].end if k else clause.start
        near = [(lb, sp) for lb, sp in clause_hits[n + 1 :]
                if span.end <= sp.start and sp.end <= min(nxt, span.end + FORWARD)
                and not _stopped(span.doc, span.end, sp.start, _LIST_STOPS)]
        before = [(lb, sp) for lb, sp in clause_hits[:n]
                  if max(prev, span.start - BACKWARD) <= sp.start and sp.end <= span.start
                  and not _stopped(span.doc, sp.end, span.start, _STOPS)]
        if label.startswith("cert:"):
            cert = g.certificates[label[5:]]
            language = cert["language"]
        else:
            cert, language = None, label[5:]
        level, used = _level(near, span, cert) or (None, [])
        shared = False  # a level before a list of names: "fluent in English and Spanish"
        if level is None:
            level, used = _level(before, span, None) or (None, [])
            shared = level is not None
        if level is None and k and out[-1][1] and _joined(span.doc, anchors[k - 1][2].end, span.start):
            level, first = out[-1][0].level, out[-1][0].start
            out.append((_Mention(language, level, first, span.end), True))
            continue
        start = min([span.start] + [sp.start for sp in used])
        end = max([span.end] + [sp.end for sp in used])
        out.append((_Mention(language, level, start, end), shared))
    return [mention for mention, _ in out]


def _joined(doc: Doc, start: int, end: int) -> bool:
    """Only conjunctions between two names ("English and Spanish", "English, Spanish, and")?"""
    return all(t.lower_ in _CONJUNCTIONS or t.is_space for t in doc[start:end])


def _stopped(doc: Doc, start: int, end: int, stops: frozenset[str]) -> bool:
    return any(t.text in stops for t in doc[start:end])


def _level(hits: list[tuple[str, Span]], anchor: Span, cert: dict | None) -> tuple[str, list[Span]] | None:
    """The level stated by ``hits`` (code > certificate score > word) and the spans that state it."""
    codes = [sp for lb, sp in hits if lb == "code"]
    words = [(lb[6:], sp) for lb, sp in hits if lb.startswith("level:")]
    if codes:
        m = _CODE.match(codes[0].text)
        level = (m.group(1).translate(_LATIN).upper() + m.group(2))
        return level, [codes[0]] + [sp for _, sp in words if sp.start > codes[0].start]
    if cert is not None:
        found = _certificate_level(anchor, cert)
        if found:
            return found
    if words:
        level, span = max(words, key=lambda w: (w[1].end - w[1].start, RANK[w[0]]))
        return level, [span]
    return None


def _certificate_level(anchor: Span, cert: dict) -> tuple[str, list[Span]] | None:
    """Level of a certificate: fixed, or from the score written right after its name."""
    if cert.get("level"):
        return cert["level"], []
    doc = anchor.doc
    for tok in doc[anchor.end : min(anchor.end + 4, clause_bounds(doc, anchor.start)[1])]:
        if _SCORE.match(tok.text):
            score = float(tok.text.replace(",", "."))
            for low, level in cert.get("bands", ()):
                if score >= low:
                    return level, [doc[tok.i : tok.i + 1]]
            return None
    return None
