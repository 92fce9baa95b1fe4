"""Blind mode: mask names, contacts, age, gender, birth date, family, citizenship and photo references.

Masks keep the length of what they hide (``█`` per character, line breaks kept), so every
evidence span of the facts still points at the same place in the masked text.
"""

from __future__ import annotations

import dataclasses
import re

from kamscreen.report.model import Candidate

MASK = "█"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|t\.me|vk\.com|github\.com|facebook\.com|hh\.ru/resume)/\S*",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s\-().]{0,2}\d){9,13}(?!\w)")
HANDLE = re.compile(
    r"(?:telegram|telegramm|skype|whatsapp|viber|телеграм)\s*:?\s*@?[\w.-]+|(?<![\w@])@[A-Za-z_]\w{3,}", re.IGNORECASE
)
IMAGE = re.compile(r"\S+\.(?:jpe?g|png|gif|heic|webp|bmp)\b", re.IGNORECASE)
PERSONAL_LINE = re.compile(
    r"^[ \t•\-*]*(?:Мужчина|Женщина|Пол\b|Возраст|Дата рождения|Родил(?:ся|ась)|Семейное положение|Гражданство|"
    r"Национальность|Фото(?:графия)?\b|Male\b|Female\b|Gender|Sex\b|Age\b|Date of birth|Birth ?date|D\.?O\.?B\b|Born\b|"
    r"Marital status|Citizenship|Nationality|Photo(?:graph)?\b)[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
PERSONAL_ANYWHERE = re.compile(r"[^\n]*\b(?:родил(?:ся|ась)|date of birth)\b[^\n]*", re.IGNORECASE)
# Personal data written anywhere in free text; the whole clause around a match is masked (so
# "Liechtenstein citizen" loses the country too). RU and EN side by side.
PERSONAL_WORDS = re.compile(
    r"\b(?:"
    r"born|birth\s*(?:date|day|place)|date\s+of\s+birth|d\.?o\.?b\b|place\s+of\s+birth"  # birth
    r"|рождени\w*|родил(?:ся|ась)|д\.\s?р\.|г\.\s?р\."
    r"|\d{1,2}[\s-]*(?:years?|yrs?)[\s-]*old|aged\s+\d{1,2}|age\s*[:\-]?\s*\d{1,2}"  # age
    r"|возраст\w*|\d{1,2}\s+(?:год|года|лет)\s+от\s+роду"
    r"|married|unmarried|divorced|widow\w*|spouse|husband|wife|marital|engaged\s+to"  # marital status, family
    r"|(?:no|one|two|three|four|\d)\s+(?:children|kids|child)|children|kids"
    r"|женат\w*|неженат\w*|замужем|замужн\w*|холост\w*|развед[её]н\w*|вдов(?:а|ец|ствую)\w*|супруг\w*"
    r"|семейн\w+\s+положени\w*|дет(?:и|ей)|реб[её]н(?:ок|ка)|сын(?:а|ом)?|доч(?:ь|ери|ерью)"
    r"|citizen\w*|nationality|national\s+of|ethnicity|religio\w*"  # citizenship, nationality
    r"|гражданств\w*|граждан(?:ин|ка)|национальност\w*|вероисповедани\w*"
    r"|male|female|gender|sex|мужчина|женщина|мужской|женский|пол\s*:"  # gender
    r")(?!\w)",
    re.IGNORECASE,
)
# Where a clause ends: a line break, ; • |, a full stop before a space, or a comma before a word
# (a comma before a digit stays inside: "born March 12, 1983").
_CLAUSE_END = re.compile(r"[\n;•|]|\.(?=\s|$)|,(?=\s*[^\W\d_])")
NAME_LABEL = re.compile(
    r"^[ \t]*(?:ФИО|Ф\.И\.О\.|Имя|Full name|Name)\s*[:\-–—]\s*(?P<name>[^\n]+)", re.IGNORECASE | re.MULTILINE
)
_NAME_WORD = re.compile(r"^(?:[A-ZА-ЯЁ][a-zа-яё'’\-]+|[A-ZА-ЯЁ]{2,}|[A-ZА-ЯЁ]\.)$")
_NOT_NAMES = re.compile(
    r"manager|менеджер|director|директор|account|sales|продаж|resume|резюме|cv\b|curriculum|summary|"
    r"head|руководител|specialist|специалист|engineer|инженер|consultant|консультант|profile|профиль|"
    r"experience|опыт|contact|контакт|key|ключев|professional|officer|executive|lead|assistant|analyst|аналитик",
    re.IGNORECASE,
)


class Redactor:
    """The masks of one CV: ``masked`` is the text with them applied; ``scrub`` masks any other string."""

    def __init__(self, text: str, header_end: int | None = None) -> None:
        self.text = text
        self.names = _header_names(text, header_end)
        spans = _personal_spans(text) + [m.span("name") for m in NAME_LABEL.finditer(text)]
        if self.names:
            spans += [m.span() for m in self._names_re().finditer(text)]
        self.spans = sorted(spans)
        self.masked = _masked(text, self.spans)

    def _names_re(self) -> re.Pattern:
        words = sorted(self.names, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)

    def scrub(self, value: str) -> str:
        """``value`` with the same kinds of personal data masked (job titles, flag messages, descriptions)."""
        spans = _personal_spans(value) + ([m.span() for m in self._names_re().finditer(value)] if self.names else [])
        return _masked(value, spans) if spans else value


def _personal_spans(text: str) -> list[tuple[int, int]]:
    """Spans of contacts, photo references and personal-data lines and clauses in ``text``."""
    spans = [m.span() for p in (EMAIL, URL, HANDLE, IMAGE, PERSONAL_LINE, PERSONAL_ANYWHERE) for m in p.finditer(text)]
    spans += [m.span() for m in PHONE.finditer(text) if is_phone(m.group())]
    spans += [_clause(text, *m.span()) for m in PERSONAL_WORDS.finditer(text)]
    return spans


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text`` around ``start:end`` (see ``_CLAUSE_END``)."""
    line_start = text.rfind("\n", 0, start) + 1
    left = line_start
    for match in _CLAUSE_END.finditer(text, line_start, start):
        left = match.end()
    right = _CLAUSE_END.search(text, end)
    return left, right.start() if right else len(text)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = MASK
    return "".join(chars)


def is_phone(candidate: str) -> bool:
    """A phone, not an amount ("1 200 000 000"): a leading +, brackets or dashes, or 8/7 + 10 digits."""
    digits = re.sub(r"\D", "", candidate)
    return (
        candidate.startswith(("+", "("))
        or bool(re.search(r"\d[()\-]|[()\-]\d", candidate))
        or (len(digits) == 11 and digits[0] in "78")
    )


def _header_names(text: str, header_end: int | None) -> set[str]:
    """Words of the person's name: a labelled ``ФИО:``/``Name:`` line, or the first name-like header line."""
    names: set[str] = set()
    for match in NAME_LABEL.finditer(text):
        names.update(w for w in re.findall(r"[^\W\d_][\w'’\-]*", match["name"]) if len(w) > 1)
    header = text[: header_end if header_end else 600]
    lines = [line.strip() for line in header.splitlines() if line.strip()][:4]
    for line in lines:
        words = line.replace(",", " ").split()
        if 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and not _NOT_NAMES.search(line):
            names.update(w.rstrip(".") for w in words if len(w.rstrip(".")) > 1)
            break
    return names


def redact(candidate: Candidate, header_end: int | None = None, alias: str | None = None) -> Candidate:
    """The candidate as a blind report shows it: text, evidence, titles and messages masked.

    The file name is replaced by ``alias`` (default ``pseudonym(candidate)``) everywhere: a file
    name is free text a person chose ("Zebulon_Quixfeld_CV.pdf") and cannot be masked reliably.
    """
    alias = alias or pseudonym(candidate)
    names = sorted({candidate.file, candidate.file.rsplit("/", 1)[-1]} - {""}, key=len, reverse=True)
    redactor = Redactor(candidate.text, header_end)

    def scrub(node):
        if isinstance(node, dict):
            if _is_evidence(node, redactor.text):
                return {**node, "text": redactor.masked[node["start"] : node["end"]]}
            return {key: scrub(value) for key, value in node.items()}
        if isinstance(node, list):
            return [scrub(item) for item in node]
        if isinstance(node, str):
            for name in names:
                node = node.replace(name, alias)
            return redactor.scrub(node)
        return node

    assessment = scrub(candidate.assessment) if candidate.assessment is not None else None
    error = scrub(candidate.error) if candidate.error is not None else None
    if assessment is not None:
        assessment["file"] = alias
    aliases: dict[str, str] = {}  # the candidate's other files → pseudonyms, distinct from the alias and each other
    for link in candidate.other_files:
        aliases[link["file"]] = distinct(pseudonym_of(link["sha256"], link["file"]), {alias, *aliases.values()})

    def blind(link: dict, named: bool) -> dict:
        via = link.get("via")
        return {
            **link,
            "file": aliases[link["file"]] if named else pseudonym_of(link["sha256"], link["file"]),
            "via": aliases.get(via) if via else None,
        }

    return dataclasses.replace(
        candidate,
        file=alias,
        text=redactor.masked,
        assessment=assessment,
        error=error,
        other_files=tuple(blind(link, True) for link in candidate.other_files),
        possible_duplicates=tuple(blind(link, False) for link in candidate.possible_duplicates),
    )


def pseudonym(candidate: Candidate) -> str:
    """``cv-<first 12 hex digits of the content sha256>`` plus the file's suffix: stable, and no name in it."""
    return pseudonym_of(candidate.sha256, candidate.file)


def distinct(name: str, taken: set[str]) -> str:
    """``name``, or ``stem-2.suffix``, ``stem-3.suffix``… when it is taken (equal content under two names)."""
    stem, dot, suffix = name.partition(".")
    count = 1
    while name in taken:
        count += 1
        name = f"{stem}-{count}{dot}{suffix}"
    return name


def pseudonym_of(sha256: str, file: str) -> str:
    """The pseudonym of a file by its content hash and name (see ``pseudonym``)."""
    suffix = re.search(r"\.[A-Za-z0-9]{1,5}$", file)
    return f"cv-{(sha256 or '0' * 12)[:12]}{suffix.group().lower() if suffix else ''}"


def _is_evidence(node: dict, text: str) -> bool:
    start, end = node.get("start"), node.get("end")
    return "text" in node and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
