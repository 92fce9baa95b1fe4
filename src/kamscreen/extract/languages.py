"""Languages: every language the CV names as a skill, with its CEFR level (or ``native``).

A statement is a language name ("Английский", "английским", "English", "Cantonese") or a
certificate ("IELTS 7.5") with the level written next to it: an explicit code ("B2", "С1"), a
certificate score, or a level word ("свободный", "upper-intermediate", "родной"). The level is
looked for after the name up to the next name in the clause ("English (C1), German (B1)"), then
before it ("свободный английский", "Fluent in both verbal and written Spanish"; a word right
before the name wins: "Fluent in conversational Spanish" is B1), never across a comma; a level
before a list covers the list ("Bilingual (English, Spanish)"), one after names joined by "and"
covers them ("Russian and Ukrainian native speaker"); in the languages section a line of level
words heads the names below it ("Fluent in:" / "English" / "Mandarin").

A name without a level counts when the CV says it is spoken ("speaker of French", "говорю на
английском", "Trilingual: English, French, Arabic"), inside the languages section or a clause
about languages ("Languages: English, German"), or as a whole item of a skills list ("Linux,
Docker, Английский") unless the CV uses that word elsewhere as an adjective of something else
("Italian cuisine", "Polish parts"). A name used as an adjective ("English literature", "French
fries", "Spanish-speaking customers"), negated ("non-English") or glossing the name before it
("Farsi (Dari)") is not a skill; nor is a nationality. A capitalised name glued to a word in the
PDF's text ("Fluent inAlbanian", "FunctionalSpanish") is still found. Vocabulary:
``lexicons/languages.yaml``.

A CV written in English is evidence of working English: without a stated English level it gets
English ``C1`` marked ``inferred``, its evidence the CV's first line of English prose (see
:func:`inferred_english`). A stated level always wins; a named English without a level stays
beside the inferred entry.

>>> from kamscreen.parse.model import ParsedCV
>>> text = "Английский — B2 — Средне-продвинутый"
>>> from kamscreen.nlp import make_doc
>>> [(s.language, s.level) for s in find_languages(ParsedCV("cv.txt", "ok", text), make_doc(text, "ru"))]
[('en', 'B2')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from kamscreen import lexicons
from kamscreen.extract.language_levels import RANK, stated_level
from kamscreen.extract.model import Evidence, LanguageSkill
from kamscreen.nlp import clause_bounds, doc_text, get_nlp, trim
from kamscreen.nlp.matcher import LexiconMatcher, find, load_matcher
from kamscreen.parse.model import ParsedCV

LEXICON = "languages.yaml"
INFERRED_LEVEL = "C1"  # English of a CV written in English: working, not native
_PROSE = re.compile(r"[A-Za-z]{2,}")
_STOPS = frozenset({",", ";", "|", "/", "(", ")"})  # a level word before a name stops here
_LIST_STOPS = frozenset({",", ";", "|"})  # a level word after a name stops here
_CONJUNCTIONS = frozenset({",", "and", "&", "и", "both", "or", "или", "/"})
_AND = _CONJUNCTIONS - {","}
_ITEM_EDGES = frozenset({",", ";", "|", "•", "·", "▪", "●", "*"})  # around an item of a skills list
_HYPHENS = frozenset({"-", "‐", "–"})
_GLUABLE = re.compile(r"[a-z]{4,}")  # names found inside a glued word: one Latin word, not "asl"
_CAPITALISED = re.compile(r"[A-Z][a-z]{3,}(?![a-z])")  # a glued name's candidates ("inAlbanian")
FORWARD = 8  # tokens after a name searched for its level
LEVEL_LINE = 5  # tokens of a line that holds only a level, below its language
BACKWARD = 7  # tokens before a name ("Upper-Intermediate English", "Fluent in both verbal and written Spanish")
PROSE_WORDS = 5  # words of a line that shows the CV is written in English (evidence of inferred English)


@dataclass(frozen=True)
class _Grammar:
    matcher: LexiconMatcher
    certificates: dict[str, dict]
    follows: frozenset[str]  # lemmas that may follow a name in a statement about it
    negations: frozenset[str]
    codes: dict[str, str]  # capitalised name → language code, for names glued to a word


@cache
def _grammar(lang: str) -> _Grammar:
    lex = lexicons.load(LEXICON)
    entries: dict[str, list[str]] = {f"lang:{code}": names for code, names in lex["languages"].items()}
    entries |= {f"level:{level}": words for level, words in lex["levels"].items()}
    entries |= {f"cert:{key}": c["phrases"] for key, c in lex["certificates"].items()}
    entries["header"] = lex["headers"]
    entries["exclude"] = lex["excludes"]
    entries["speaks"] = lex["speaks"]
    entries |= {f"compound:{code}": phrases for code, phrases in lex["compounds"].items()}
    nlp = get_nlp(lang)
    matcher = load_matcher(nlp, entries)
    matcher.add_regex("code", r"(?<!\w)[ABCАВС][12](?![0-9])", re.IGNORECASE)
    follows = frozenset(t.lemma_ for word in lex["follows"] for t in nlp(word))
    codes = {
        name.capitalize(): code
        for code, names in lex["languages"].items()
        for name in names
        if _GLUABLE.fullmatch(name)
    }
    return _Grammar(matcher, lex["certificates"], follows, frozenset(lex["negations"]), codes)


@dataclass(frozen=True)
class _Mention:
    language: str
    level: str | None
    start: int  # token span of the whole statement
    end: int
    spoken: bool = False  # a level or a word of speaking stands with the name


@dataclass(frozen=True)
class _Context:
    """Where a clause stands: the languages section, a skills section, a clause about languages."""

    languages: list[tuple[int, int]]  # char spans of the languages sections
    skills: list[tuple[int, int]]

    def section_of(self, char: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.languages if a <= char < b), None)

    def in_skills(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.skills)


def find_languages(parsed: ParsedCV, doc: Doc) -> tuple[LanguageSkill, ...]:
    """One entry per language, the highest level stated, in order of first mention; then the
    inferred English of an English CV (see module doc).

    ``parsed`` gives the sections (names there count without a level) and the CV's language;
    ``doc`` is ``make_doc(parsed.text, parsed.language)``.
    """
    g = _grammar(doc.lang_)
    ctx = _Context(
        [(s.start, s.end) for s in parsed.section("languages")], [(s.start, s.end) for s in parsed.section("skills")]
    )
    hits, adjectives = _clean(doc, _glued(doc, find(g.matcher, doc), g), g, ctx)
    by_clause: dict[int, list[tuple[str, Span]]] = {}
    for label, span in hits:
        by_clause.setdefault(clause_bounds(doc, span.start)[0], []).append((label, span))

    best: dict[str, _Mention] = {}
    order: list[str] = []
    about_ends: set[int] = set()  # ends of clauses that are about languages
    below: set[int] = set()  # starts of level lines read as the level of the name above them
    heading: tuple[str, tuple[int, int]] | None = None  # a level line and the section it heads
    for start in sorted(by_clause):
        clause_hits = by_clause[start]
        excluded = any(label == "exclude" for label, _ in clause_hits)
        about = not excluded and (any(label == "header" for label, _ in clause_hits) or _listed(doc, start, about_ends))
        if about:
            about_ends.add(clause_bounds(doc, start)[1])
        section = ctx.section_of(doc[start].idx)
        if start not in below and section and _level_line(doc, start, clause_hits):
            found = stated_level(clause_hits, doc[start : start + 1], None)
            heading = (found[0], section) if found else heading
            continue
        for mention in _mentions(clause_hits, g, context=about or section is not None):
            if mention.level is None:
                mention = _level_below(doc, mention, by_clause, below)
            if heading and heading[1] == section and RANK[heading[0]] > RANK.get(mention.level, 0):
                mention = _Mention(mention.language, heading[0], mention.start, mention.end, True)
            if not (mention.spoken or about or section or _skill_item(doc, mention, ctx, adjectives)):
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
    if parsed.language == "en" and not (best.get("en") and best["en"].level):
        inferred = inferred_english(text)
        skills += [inferred] if inferred else []
    return tuple(skills)


def inferred_english(text: str) -> LanguageSkill | None:
    """English ``C1``, ``inferred``, for a CV written in English that states no English level.

    The evidence is the CV's first line of prose (at least ``PROSE_WORDS`` English words; else its
    first non-blank line): the CV's own English, not a statement about it.
    """
    first = None
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            span = (start, start + len(stripped))
            first = first or span
            if len(_PROSE.findall(stripped)) >= PROSE_WORDS:
                first = span
                break
        pos += len(line)
    if first is None:
        return None
    return LanguageSkill("en", INFERRED_LEVEL, Evidence.of(text, *first), inferred=True)


def _glued(doc: Doc, hits: list[tuple[str, Span]], g: _Grammar) -> list[tuple[str, Span]]:
    """The hits, and names glued to another word in the PDF's text layer ("Fluent inAlbanian",
    "FunctionalSpanish", "Arabic- Read"), as the token that holds them."""
    text = doc_text(doc)
    covered = {i for _, span in hits for i in range(span.start, span.end)}
    extra = []
    for m in _CAPITALISED.finditer(text):
        if m.group() not in g.codes or not (
            text[m.start() - 1 : m.start()].islower() or text[m.end() : m.end() + 1] == "-"
        ):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) != 1 or span.start in covered:
            continue  # a token of its own (the matcher has it) or part of another hit
        if (span.start_char, span.end_char) != (m.start(), m.end()):
            extra.append((f"lang:{g.codes[m.group()]}", span))
            covered.add(span.start)
    return sorted(hits + extra, key=lambda h: (h[1].start, -h[1].end)) if extra else hits


def _clean(
    doc: Doc, hits: list[tuple[str, Span]], g: _Grammar, ctx: _Context
) -> tuple[list[tuple[str, Span]], set[str]]:
    """Hits without the names that are not skills (adjectives, compounds, negated, glosses); and
    the languages whose name the CV uses as an adjective or in a compound ("Latin America")."""
    covered = {i for label, span in hits if label != "header" for i in range(span.start, span.end)}
    kept: list[tuple[str, Span]] = []
    adjectives: set[str] = set()
    previous: Span | None = None  # the last name kept
    for label, span in hits:
        if label.startswith("compound:"):
            adjectives.add(label[9:])
            continue
        if not label.startswith("lang:"):
            kept.append((label, span))
            continue
        if _negated(doc, span, g) or _gloss(doc, span, previous):
            continue
        if _adjective(doc, span, covered, g, ctx):
            adjectives.add(label[5:])
            continue
        kept.append((label, span))
        previous = span
    return kept, adjectives


def _negated(doc: Doc, span: Span, g: _Grammar) -> bool:
    """ "non-English speaking": a negation prefix right before the name."""
    i = span.start - 1
    if i >= 1 and doc[i].text in _HYPHENS and not doc[i - 1].whitespace_:
        i -= 1
    return i >= 0 and doc[i].lower_.rstrip("-") in g.negations


def _gloss(doc: Doc, span: Span, previous: Span | None) -> bool:
    """ "Farsi (Dari)", "Chinese (Mandarin)": a name alone in parentheses right after a name."""
    return (
        previous is not None
        and span.start >= 1
        and doc[span.start - 1].text == "("
        and previous.end == span.start - 1
        and span.end < len(doc)
        and doc[span.end].text == ")"
    )


def _adjective(doc: Doc, span: Span, covered: set[int], g: _Grammar, ctx: _Context) -> bool:
    """ "English literature", "French fries", "Spanish-speaking customers", "испанской компании":
    the name, through a hyphen and words such as "speaking" or "язык", is followed by a
    lower-case word that says what it describes, or by a capitalised one that starts a name
    ("English Literature", "Spanish Honor Society", "Latin America") rather than a sentence
    run on after a lost full stop ("English and Spanish Used good communication skills")."""
    i = span.end
    if i + 1 < len(doc) and doc[i].text in _HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        i += 1
    while i < len(doc) and doc[i].lemma_ in g.follows:
        i += 1
    if i >= len(doc) or i in covered:
        return False
    tok = doc[i]
    if not tok.is_alpha or tok.is_stop:
        return False
    if tok.is_lower:
        return True
    if not tok.is_title or ctx.section_of(tok.idx):
        return False  # in the languages section "English Good" is a level
    nxt = doc[i + 1] if i + 1 < len(doc) else None  # "English Literature", "Spanish Honor Society";
    return nxt is None or not (nxt.is_alpha and nxt.is_lower and not nxt.is_stop)  # not "Spanish Used good"


def _skill_item(doc: Doc, mention: _Mention, ctx: _Context, adjectives: set[str]) -> bool:
    """A name as a whole item of a skills list ("Linux, Docker, Английский, Pitching"), and the CV
    does not use that word as an adjective elsewhere (a keyword list made from "Italian cuisine")."""
    if mention.language in adjectives or not ctx.in_skills(doc[mention.start].idx):
        return False
    before = doc[mention.start - 1] if mention.start else None
    after = doc[mention.end] if mention.end < len(doc) else None
    return all(t is None or t.text in _ITEM_EDGES or "\n" in t.text for t in (before, after))


def _level_line(doc: Doc, start: int, clause_hits: list[tuple[str, Span]]) -> bool:
    """A line of level words only ("Fluent in:", "Bilingual"): it heads the names below it."""
    if any(not label.startswith(("level:", "code")) for label, _ in clause_hits):
        return False
    inside = {i for _, span in clause_hits for i in range(span.start, span.end)}
    end = clause_bounds(doc, start)[1]
    return all(i in inside or t.is_stop or t.is_punct or t.is_space for i, t in enumerate(doc[start:end], start))


def _level_below(
    doc: Doc, mention: _Mention, by_clause: dict[int, list[tuple[str, Span]]], below: set[int]
) -> _Mention:
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
    found = stated_level(hits, doc[mention.start : mention.end], None)
    if found is None:
        return mention
    below.add(end)
    level, used = found
    return _Mention(mention.language, level, mention.start, max([mention.end] + [sp.end for sp in used]), True)


def _listed(doc: Doc, start: int, about_ends: set[int]) -> bool:
    """Does the clause follow a languages heading or list ("Languages" / "English" / "German")?"""
    end = start
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    return end in about_ends or start in about_ends


def _mentions(clause_hits: list[tuple[str, Span]], g: _Grammar, context: bool) -> list[_Mention]:
    """Language statements of one clause: each name or certificate with the level next to it.

    ``context``: the clause is about languages, where "English Native" is a name and its level;
    elsewhere a capitalised level word right after a name inside a sentence is a proper name
    ("students at French Elementary").
    """
    anchors = [(n, label, span) for n, (label, span) in enumerate(clause_hits) if label.startswith(("lang:", "cert:"))]
    out: list[_Mention] = []
    after: list[bool] = []  # the mention's level is written after its name
    doc = clause_hits[0][1].doc
    for k, (n, label, span) in enumerate(anchors):
        lo, hi = clause_bounds(doc, span.start)
        nxt = anchors[k + 1][2].start if k + 1 < len(anchors) else hi
        prev = anchors[k - 1][2].end if k else lo
        near = [
            (lb, sp)
            for lb, sp in clause_hits[n + 1 :]
            if span.end <= sp.start
            and sp.end <= min(nxt, span.end + FORWARD)
            and not _stopped(doc, span.end, sp.start, _LIST_STOPS)
            and (context or not _proper_name(doc, span, sp, lo))
        ]
        before = [
            (lb, sp)
            for lb, sp in clause_hits[:n]
            if max(prev, span.start - BACKWARD) <= sp.start
            and sp.end <= span.start
            and not _stopped(doc, sp.end + (doc[sp.end].text == "("), span.start, _STOPS)
        ]
        if label.startswith("cert:"):
            cert = g.certificates[label[5:]]
            language = cert["language"]
        else:
            cert, language = None, label[5:]
        spoken = any(lb == "speaks" for lb, _ in near + before)
        level, used = stated_level(near, span, cert) or (None, [])
        after.append(level is not None)
        if level is None:
            level, used = stated_level(before, span, None) or (None, [])
        if level is None and not spoken and out and out[-1].spoken and _joined(doc, anchors[k - 1][2].end, span.start):
            last = out[-1]  # a level or "speak" before a list covers it: "fluent in English and Spanish"
            out.append(_Mention(language, last.level, last.start, span.end, True))
            continue
        if level is None:  # "speaker of French": the words of speaking are the evidence
            used = [sp for lb, sp in near + before if lb == "speaks"]
        start = min([span.start] + [sp.start for sp in used])
        end = max([span.end] + [sp.end for sp in used])
        out.append(_Mention(language, level, start, end, spoken or level is not None))
    for k in range(len(out) - 2, -1, -1):  # a level after names joined by "and" covers them
        following = out[k + 1]  # ("Russian and Ukrainian native speaker"; not across a comma)
        if out[k].level is None and after[k + 1] and _joined(doc, anchors[k][2].end, anchors[k + 1][2].start, _AND):
            out[k] = _Mention(out[k].language, following.level, out[k].start, following.end, True)
            after[k] = True
    return out


def _proper_name(doc: Doc, name: Span, word: Span, clause_start: int) -> bool:
    """A capitalised word right after a name that does not start its line: "at French Elementary"."""
    if word.start != name.end or not doc[word.start].is_title:
        return False
    return any(not (doc[i].is_space or doc[i].is_punct) for i in range(clause_start, name.start))


def _joined(doc: Doc, start: int, end: int, words: frozenset[str] = _CONJUNCTIONS) -> bool:
    """Only conjunctions between two names ("English and Spanish", "English, Spanish, and")?"""
    return all(t.lower_ in words or t.is_space for t in doc[start:end])


def _stopped(doc: Doc, start: int, end: int, stops: frozenset[str]) -> bool:
    return any(t.text in stops for t in doc[start:end])
