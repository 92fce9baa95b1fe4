"""What kind of work one job was: key_account, sales, account_management or other.

The decision weighs the title against the description (``lexicons/roles.yaml``): a "Менеджер по
продажам" who ran federal chains with account plans and P&L is a KAM; a "Key Account Manager"
doing 40 cold calls a day with 120 clients is a salesperson; a salesperson who only uses account
plans and C-level meetings, with no key accounts named (``kamscreen.extract.key_accounts``), is no
KAM. Phrases match on lemmas, so Russian inflections hit. Also decides whether the job led people
(``management``: a team title, or people led, ``kamscreen.extract.leading``) and sold to
businesses (``b2b``).

>>> text = "Менеджер по продажам\\nВедение 4 федеральных сетей, account plan, P&L"
>>> job = Job("2020-01", None, True, "Менеджер по продажам", None,
...           description=Evidence.of(text, 0, len(text)))
>>> verdict = classify(job, make_doc(text, "ru"))
>>> verdict.role, verdict.b2b, [e.text for e in verdict.reasons][:2]
('key_account', True, ['федеральных сетей', 'account plan'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import LIKE_NUM
from spacy.tokens import Doc
from spacy.util import filter_spans

from kamscreen import lexicons
from kamscreen.extract import key_accounts
from kamscreen.extract.leading import people_led
from kamscreen.extract.model import ROLES, Evidence, Job
from kamscreen.nlp import clause_bounds, doc_text, make_doc
from kamscreen.nlp.phrases import PhraseHit, PhraseLexicon

_COMMERCIAL = ("key_account", "sales", "account_management")
_PRIORITY = {"key_account": 3, "account_management": 2, "sales": 1}  # ties between equal scores
_HEADER_LINES = 8  # a job's title stands among the first lines of its block
_TITLE_CHARS = 80  # and is a short line
_PLURAL = re.compile(r"(?<=\w\w\w)s\b")  # English keeps its forms: "customer services" repeats "customer service"


@dataclass(frozen=True)
class RoleVerdict:
    """The role of one job, whether it led people and sold to businesses, and why."""

    role: str
    management: bool
    b2b: bool
    reasons: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")


@dataclass(frozen=True)
class _Lexicon:
    phrases: PhraseLexicon
    counts: dict
    min_score: float
    min_description_score: float
    other_margin: float
    store_work_min: float
    lead_words: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = lexicons.load("roles.yaml")
    m = data["management"]
    groups = {
        "title": data["titles"],
        "desc": data["description"],
        "anchor": data["key_accounts"],
        "mgmt": {"team_title": m["team_titles"], "strong": m["people_strong"], "weak": m["people_weak"]},
        "lead": {"lead": m["lead"], "teach": m["teach"]},
        "people": {"people": m["people"]},
        "market": {"b2b": data["b2b"], "b2c": data["b2c"]},
        "accounts": {"account_management": data["account_evidence"]},
        "store": {"store": data["store_work"]},
    }
    counts = {
        k: (frozenset(str(x).lower() for x in v) if isinstance(v, list) else v) for k, v in data["counts"].items()
    }
    return _Lexicon(
        PhraseLexicon("roles", groups),
        counts,
        float(data["min_score"]),
        float(data["min_description_score"]),
        float(data["other_margin"]),
        float(data["store_work_min"]),
        frozenset(str(w).lower() for w in m["lead_words"]),
    )


def _title_range(job: Job, doc: Doc, block: tuple[int, int]) -> tuple[int, int] | None:
    """Character range of the job title inside its block, if it is written there."""
    title = (job.title or "").strip()
    if not title:
        return None
    lo, hi = block
    text = doc_text(doc)
    at = text.find(title, lo, hi)
    if at < 0:
        at = text[lo:hi].lower().find(title.lower())
        at = at + lo if at >= 0 else -1
    return (at, at + len(title)) if at >= 0 else None


def _title_line(text: str, block: tuple[int, int], title_hits: list[PhraseHit]) -> tuple[int, int] | None:
    """The first short line among the block's first few that holds a title phrase."""
    for h in sorted(title_hits, key=lambda h: h.start_char):
        start = text.rfind("\n", block[0], h.start_char) + 1 or block[0]
        end = text.find("\n", h.end_char, block[1])
        end = block[1] if end < 0 else end
        if text.count("\n", block[0], start) < _HEADER_LINES and end - start <= _TITLE_CHARS:
            return (start, end)
    return None


def _number(tokens) -> int | None:
    digits = "".join(re.sub(r"\D", "", t.text) for t in tokens)
    return int(digits) if digits and len(digits) <= 6 else None


def _count_hits(doc: Doc, lex: _Lexicon) -> tuple[tuple[str, float, Evidence, str], ...]:
    """Numbers before nouns, for the whole doc (cached): "40 звонков в день", "20 сделок в месяц",
    "120 клиентов" (sales), "5 ключевых клиентов" (key_account), "команда из 7 человек" (people,
    ``people_led`` after a verb of leading)."""
    cached = doc.user_data.get("kamscreen.roles.counts")
    if cached is not None:
        return cached
    c = lex.counts
    text = doc_text(doc)
    out = []
    n = len(doc)
    like_num = doc.to_array(LIKE_NUM)
    for i in numpy.flatnonzero(like_num).tolist():
        if i + 1 < n and like_num[i + 1]:
            continue
        j = i - 1
        while j >= 0 and doc[j].like_num and doc[j].whitespace_:
            j -= 1
        value = _number(doc[j + 1 : i + 1])
        if value is None or (j >= 0 and doc[j].lower_ in c["not_after"]):
            continue
        for k in range(i + 1, min(i + 4, n)):
            lemma = doc[k].lemma_.lower()
            ev = Evidence.of(text, doc[j + 1].idx, doc[k].idx + len(doc[k]))
            if lemma in c["calls"]:
                out.append(("sales", float(c["calls_weight"]), ev, "calls"))
            elif lemma in c["deals"]:
                out.append(("sales", float(c["deals_weight"]), ev, "deals"))
            elif lemma in c["clients"]:
                near = {t.lemma_.lower() for t in doc[max(0, j - 2) : k + 1]}
                if value >= c["many_clients"]:
                    out.append(("sales", float(c["many_weight"]), ev, "many_clients"))
                elif 0 < value <= c["few_clients"] and near & c["key_words"]:
                    out.append(("key_account", float(c["few_weight"]), ev, "few_key_clients"))
            elif lemma in c["people"]:
                before = {t.lemma_.lower() for t in doc[max(0, j - 3) : j + 1]}
                out.append(("people", 1.0, ev, "people_led" if before & c["lead_verbs"] else "people"))
            elif doc[k].is_alpha or doc[k].text in ("+", "%+"):
                continue  # an adjective between ("5 ключевых клиентов") or "50+ клиентов"
            break
    cached = doc.user_data["kamscreen.roles.counts"] = tuple(out)
    return cached


def _clause(doc: Doc, start: int, end: int) -> int:
    """First token of the clause holding the characters ``start``..``end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None  # "expand" always finds the tokens of an in-text range
    return clause_bounds(doc, span.start)[0]


def _distinct(hits: Iterable[PhraseHit]) -> list[PhraseHit]:
    """One hit per distinct phrase and label (the heaviest), so repeating a phrase adds nothing."""
    best: dict[tuple[str, str], PhraseHit] = {}
    for h in hits:
        k = (h.label, _PLURAL.sub("", h.key))
        if k not in best or h.weight > best[k].weight:
            best[k] = h
    return list(best.values())


@dataclass(frozen=True)
class _JobHits:
    """The lexicon hits of one job: in its title, in the rest of its block, and the counts."""

    doc: Doc
    title_doc: Doc  # ``doc``, or a doc of the title alone when the block does not hold it
    title_range: tuple[int, int] | None
    title: tuple[PhraseHit, ...]
    body: tuple[PhraseHit, ...]
    counts: tuple[tuple[str, float, Evidence, str], ...]
    named: tuple[tuple[int, int, bool], ...]  # clients named beside owned accounts; one account named?
    large: tuple[tuple[int, int], ...]  # character ranges of large clients named

    def evidence(self, hit: PhraseHit) -> Evidence | None:
        if self.title_doc is not self.doc and hit in self.title:
            return None  # a title read on its own has no place in the CV text
        return Evidence.of(doc_text(self.doc), hit.start_char, hit.end_char)


def _hits(job: Job, doc: Doc, lex: _Lexicon) -> _JobHits:
    text = doc_text(doc)
    block = None
    if job.description is not None:
        block = (max(0, job.description.start), min(len(text), job.description.end))

    def inside(start: int, end: int, rng: tuple[int, int] | None) -> bool:
        return rng is not None and rng[0] <= start and end <= rng[1]

    in_block = [h for h in lex.phrases.find(doc) if inside(h.start_char, h.end_char, block)]
    title_doc, title_rng = doc, _title_range(job, doc, block) if block else None
    if title_rng is None and job.title and job.title.strip():  # not in the block: read it on its own
        title_doc = make_doc(job.title, doc.lang_)
        title_rng = (0, len(job.title))
    elif title_rng is None and block:  # no title given: a short header line naming a role
        title_rng = _title_line(text, block, [h for h in in_block if h.group == "title"])
    if title_doc is doc:
        title = [h for h in in_block if inside(h.start_char, h.end_char, title_rng)]
        body = [h for h in in_block if not inside(h.start_char, h.end_char, title_rng)]
    else:
        title = [h for h in lex.phrases.find(title_doc) if inside(h.start_char, h.end_char, title_rng)]
        body = in_block
    counts = [c for c in _count_hits(doc, lex) if inside(c[2].start, c[2].end, block)]
    named = [(a, b, single) for a, b, single in key_accounts.named_accounts(doc) if inside(a, b, block)]
    employer = (job.employer or "").casefold()
    large = [
        (a, b)
        for a, b in key_accounts.large_clients(doc)  # not where the job's employer is named
        if inside(a, b, block) and text[a:b].casefold() not in employer
    ]
    return _JobHits(doc, title_doc, title_rng, tuple(title), tuple(body), tuple(counts), tuple(named), tuple(large))


def _longest(doc: Doc, hits) -> list[PhraseHit]:
    """The hits not inside a longer overlapping one ("assistant store manager" over "store manager")."""
    kept = {(s.start, s.end) for s in filter_spans([doc[h.start : h.end] for h in hits])}
    return [h for h in hits if (h.start, h.end) in kept]


def _key_account_evidence(hits: _JobHits, scores: dict, support: dict) -> set[int]:
    """Add the key-account phrases, named and large clients to ``scores`` (and the phrases about
    winning key accounts to sales); return the clauses that name key accounts."""
    doc, text, kw = hits.doc, doc_text(hits.doc), key_accounts.words()
    clauses: set[int] = set()
    acquired = owned = None
    counted = set()
    for h in _longest(doc, [h for h in hits.body if h.group == "anchor"]):  # "major customer's accounts" once
        if key_accounts.preceded_by(doc, h.end - 1, kw.acquisition, kw.acquisition_window + h.end - 1 - h.start):
            acquired = acquired or h  # "identified key clients", "major new accounts": new business
            continue
        counted.add(h.key)
        clauses.add(clause_bounds(doc, h.start)[0])
        if owned is None and key_accounts.preceded_by(doc, h.start, kw.ownership, kw.ownership_window):
            owned = h  # "handled all major accounts"
    for h in _distinct([h for h in hits.body if h.group == "anchor" and h.key in counted]):
        scores[h.label] += h.weight
        support[h.label].append(hits.evidence(h))
    if owned is not None:
        scores["key_account"] += kw.ownership_weight
    if acquired is not None:
        scores["sales"] += kw.acquisition_weight
        support["sales"].append(hits.evidence(acquired))
    single = kw.single_weight if any(one for _, _, one in hits.named) else 0.0
    named = [(start, end) for start, end, _ in hits.named]
    for spans, weight in ((named, kw.named_weight + single), (hits.large, kw.large_weight)):
        if spans:  # once per job, however many clients are named
            scores["key_account"] += weight
            support["key_account"].append(Evidence.of(text, *spans[0]))
            clauses.update(_clause(doc, start, end) for start, end in spans)
    return clauses


def _role(hits: _JobHits, lex: _Lexicon) -> tuple[str, list[Evidence]]:
    """The longest title phrases, plus the description's distinct phrases and counts, per role.

    key_account needs a key-account title or evidence that the accounts were key (see
    :func:`_key_account_evidence`, or "5 ключевых клиентов"); from the description alone, under a
    title that is not commercial, in two clauses at least (one sentence is thin against the title).
    account_management needs a client served and no store work. A title of other work is
    outweighed only by a clear margin.
    """
    titles = _longest(hits.title_doc, [h for h in hits.title if h.group == "title"])
    scores = {r: 0.0 for r in ROLES}
    support: dict[str, list[Evidence | None]] = {r: [] for r in ROLES}
    for role in ROLES:
        best = max((h for h in titles if h.label == role), key=lambda h: h.weight, default=None)
        if best is not None:
            scores[role] += best.weight
            support[role].append(hits.evidence(best))
    key_clauses = _key_account_evidence(hits, scores, support)
    for h in _distinct([h for h in hits.body if h.group == "desc"]):
        scores[h.label] += h.weight
        support[h.label].append(hits.evidence(h))
    seen = set()
    for label, weight, evidence, kind in hits.counts:
        if label in scores and kind not in seen:
            seen.add(kind)
            scores[label] += weight
            support[label].append(evidence)
            if kind == "few_key_clients":
                key_clauses.add(_clause(hits.doc, evidence.start, evidence.end))
    commercial_title = any(h.label != "other" for h in titles)
    candidates = set(_COMMERCIAL)
    if not any(h.label == "key_account" for h in titles) and len(key_clauses) < (1 if commercial_title else 2):
        candidates.discard("key_account")
    store = sum(h.weight for h in _distinct(h for h in hits.body if h.group == "store"))
    if store >= lex.store_work_min or not any(h.group == "accounts" for h in hits.title + hits.body):
        candidates.discard("account_management")  # serving shoppers in a store, or no client named
    role = max(candidates, key=lambda r: (scores[r], _PRIORITY[r]))
    needed = lex.min_score if any(h.label == role for h in titles) else lex.min_description_score
    margin = 0.0 if commercial_title or not scores["other"] else lex.other_margin
    if scores[role] < needed or scores["other"] + margin >= scores[role]:
        role = "other"
    return role, [e for e in support[role] if e is not None]


def _management(hits: _JobHits, lex: _Lexicon) -> tuple[bool, list[Evidence]]:
    """A title that implies a team, or people led (teaching verbs and weak evidence need a lead word
    in the title)."""
    mgmt = [h for h in hits.title + hits.body if h.group == "mgmt"]
    titles = _longest(hits.title_doc, [h for h in mgmt if h.label == "team_title" and h in hits.title])
    team_title = [h for h in titles if h.weight > 0]
    strong = [h for h in mgmt if h.label == "strong" and h not in hits.title]
    weak = [h for h in mgmt if h.label == "weak"]
    pairs = people_led(hits.doc, hits.body)
    led_pairs = [e for e, leads in pairs if leads]
    taught = [e for e, leads in pairs if not leads]
    people = [e for label, _, e, kind in hits.counts if label == "people"]
    led = [e for label, _, e, kind in hits.counts if kind == "people_led"]
    if team_title or strong or led or led_pairs:
        found = [e for h in (team_title + strong)[:3] if (e := hits.evidence(h)) is not None]
        return True, found + led_pairs[:2] + led[:1]
    span = hits.title_doc.char_span(*hits.title_range, alignment_mode="expand") if hits.title_range else None
    lead_title = any(t.lemma_.lower() in lex.lead_words or t.lower_ in lex.lead_words for t in span or ())
    if lead_title and (weak or people or taught):
        return True, [e for h in weak[:2] if (e := hits.evidence(h)) is not None] + taught[:1] + people[:1]
    return False, []


def _b2b(hits: _JobHits, role: str) -> tuple[bool, list[Evidence]]:
    """Key accounts are businesses; other commercial work is B2B unless consumer markers outweigh."""
    market = _distinct([h for h in hits.title + hits.body if h.group == "market"])
    b2b_score = sum(h.weight for h in market if h.label == "b2b")
    b2c_score = sum(h.weight for h in market if h.label == "b2c")
    b2b = role == "key_account" or (role != "other" and b2b_score >= b2c_score)
    label = "b2b" if b2b else "b2c"
    return b2b, [e for h in market if h.label == label and (e := hits.evidence(h)) is not None]


def classify(job: Job, doc: Doc) -> RoleVerdict:
    """Decide the role of ``job`` from its title and the block of ``doc`` it spans.

    ``doc`` is the whole CV (``kamscreen.nlp.make_doc``); lexicon matching runs once per doc and
    is cached on it, so classifying each further job costs well under a millisecond.
    """
    lex = _lexicon()
    hits = _hits(job, doc, lex)
    role, role_ev = _role(hits, lex)
    management, mgmt_ev = _management(hits, lex)
    b2b, b2b_ev = _b2b(hits, role)
    return RoleVerdict(role, management, b2b, tuple(dict.fromkeys(role_ev[:6] + mgmt_ev + b2b_ev[:3])))
