"""Portfolio KPIs: revenue growth, retention, NPS, LTV, churn, P&L, margin, receivables,
portfolio growth, up-sell/cross-sell, C-level negotiation and CRM/BI tools.

Each kind is a set of lemma rules in ``lexicons/kpis.yaml`` ("рост выручки", "удержание
клиентов", "P&L", "Salesforce"; "увеличил" + "продажи" in one clause). One KPI per kind and
clause; its evidence is the clause and its value the clause's number as written ("+25 %",
"с 5 до 9", "1,2 млрд руб."), the first after the phrase or else the last before it.

>>> from kamscreen.nlp import make_doc
>>> [(k.kind, k.value) for k in find_kpis(make_doc("Увеличил продажи на 25% за год", "ru"))]
[('revenue_growth', '25%')]
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from kamscreen import lexicons
from kamscreen.extract.dates import find_periods
from kamscreen.extract.header_patterns import header_words
from kamscreen.extract.model import KPI_KINDS, Evidence, Kpi
from kamscreen.nlp import clause_of, doc_text, get_nlp
from kamscreen.nlp.rules import RuleSet

LEXICON = "kpis.yaml"

_NUM = r"[-+−±]?\d+(?:[   ]\d{3})*(?:[.,]\d+)?"
_SCALE = r"(?:\s?(?:тыс|млн|млрд|трлн|k|m|mm|bn|million|billion|thousand|mln|bln)\b\.?)"
_MONEY = r"(?:\s?(?:руб\b\.?|рублей|рубля|р\.|₽|usd|eur|долл\w*\.?|\$|€|dollars))"
_CUR = r"(?:[$€₽]\s?)?"
_PCT = r"(?:\s?(?:%|п\.\s?п\.?|процент\w*|percent\b|pp\b))"
VALUE = re.compile(
    rf"(?:(?:\bс|\bfrom)\s+{_CUR}{_NUM}{_SCALE}?{_MONEY}?{_PCT}?"  # с 5 до 9
    rf"\s+(?:до|to)\s+{_CUR}{_NUM}{_SCALE}?{_MONEY}?{_PCT}?)"
    rf"|(?:[$€₽]\s?{_NUM}{_SCALE}?)"  # $1.2M
    rf"|(?:\bв\s+{_NUM}\s+раз\w*|\b[xх]\s?{_NUM}\b|\b{_NUM}\s?[xх]\b|\b{_NUM}-fold\b)"  # в 2 раза, x2
    rf"|(?:{_NUM}{_SCALE}?{_MONEY}?{_PCT}?)",
    re.IGNORECASE,
)
_NOT_VALUE = re.compile(r"^(?:(?:19|20)\d\d|\d{1,2}[./]\d{2,4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$")


@cache
def _rules(lang: str) -> tuple[RuleSet, frozenset[str]]:
    lex = lexicons.load(LEXICON)
    unknown = set(lex) - set(KPI_KINDS) - {"without_value"}
    if unknown:
        raise ValueError(f"{LEXICON}: unknown KPI kinds {sorted(unknown)}")
    rules = RuleSet(get_nlp(lang), {kind: lex[kind] for kind in KPI_KINDS if kind in lex})
    return rules, frozenset(lex.get("without_value", ()))


def find_kpis(doc: Doc) -> tuple[Kpi, ...]:
    """Every KPI kind stated in the text, once per clause, in text order."""
    rules, without_value = _rules(doc.lang_)
    seen: set[tuple[str, int]] = set()
    kpis = []
    for kind, span in rules.find(doc):
        clause = clause_of(doc, span.start, span.end)
        if (kind, clause.start) in seen or not len(clause):
            continue
        if kind == "crm_bi_tools" and _names_employer(doc_text(doc), span.start_char, span.end_char):
            continue
        seen.add((kind, clause.start))
        value = None if kind in without_value else find_value(clause, span)
        kpis.append(Kpi(kind, value, Evidence.of(doc_text(doc), clause.start_char, clause.end_char)))
    return tuple(kpis)


def _names_employer(text: str, start: int, end: int) -> bool:
    """A CRM vendor named as the employer, not a tool used: "Account Director at Salesforce", or
    "HubSpot" alone on a line above a period, or above a title and a period (LinkedIn positions)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start].strip(), text[end:line_end].strip()
    if not after and re.search(r"(?i)(?:^|\s)(?:at|@|в компании)$", before):
        return True
    if before or after:
        return False
    below = [line for line in text[line_end:].split("\n", 4)[1:4] if line.strip()][:2]
    if below and find_periods(below[0]):
        return True  # "HubSpot" / "Jan 2021 - Present"
    return len(below) == 2 and bool(header_words().title.search(below[0])) and bool(find_periods(below[1]))


def find_value(clause: Span, anchor: Span) -> str | None:
    """The number of ``clause`` as written: the first after ``anchor``, else the last before it."""
    base = clause.start_char
    text = doc_text(clause.doc)[base : clause.end_char]
    at = anchor.start_char - base
    before = after = None
    for m in VALUE.finditer(text):
        found = m.group(0).strip()
        if _NOT_VALUE.match(found) or _inside_word(text, m.start(), m.end()):
            continue
        if m.start() >= at:
            after = after or found
        else:
            before = found
    return after or before


def _inside_word(text: str, start: int, end: int) -> bool:
    """ "Bitrix24", "B2B", "1С": digits glued to letters are names, not values."""
    return (start > 0 and text[start - 1].isalpha()) or (
        end < len(text) and text[end].isalpha() and text[end - 1].isdigit()
    )
