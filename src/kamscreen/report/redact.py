"""Blind mode: mask names, contacts, age, gender, birth date, citizenship and photo references.

Masks keep the length of what they hide (``█`` per character, line breaks kept), so every
evidence span of the facts still points at the same place in the masked text.
"""
from __future__ import annotations

import dataclasses
import re

from kamscreen.report.model import Candidate

MASK = "█"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin\.com|t\.me|vk\.com|github\.com|facebook\.com|hh\.ru/resume)/\S*",
                 re.IGNORECASE)
PHONE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\s\-().]{0,2}\d){9,13}(?!\w)")
HANDLE = re.compile(r"(?:telegram|telegramm|skype|whatsapp|viber|телеграм)\s*:?\s*@?[\w.-]+|(?<![\w@])@[A-Za-z_]\w{3,}",
                    re.IGNORECASE)
IMAGE = re.compile(r"\S+\.(?:jpe?g|png|gif|heic|webp|bmp)\b", re.IGNORECASE)
PERSONAL_LINE = re.compile(
    r"^[ \t•\-*]*(?:Мужчина|Женщина|Пол\b|Возраст|Дата рождения|Родил(?:ся|ась)|Семейное положение|Гражданство|"
    r"Национальность|Фото(?:графия)?\b|Male\b|Female\b|Gender|Sex\b|Age\b|Date of birth|Birth ?date|D\.?O\.?B\b|Born\b|"
    r"Marital status|Citizenship|Nationality|Photo(?:graph)?\b)[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
PERSONAL_ANYWHERE = re.compile(r"[^\n]*\b(?:родил(?:ся|ась)|date of birth)\b[^\n]*", re.IGNORECASE)
NAME_LABEL = re.compile(r"^[ \t]*(?:ФИО|Ф\.И\.О\.|Имя|Full name|Name)\s*[:\-–—]\s*(?P<name>[^\n]+)",
                        re.IGNORECASE | re.MULTILINE)
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
        spans = [m.span() for p in (EMAIL, URL, HANDLE, IMAGE, PERSONAL_LINE, PERSONAL_ANYWHERE)
                 for m in p.finditer(text)]
        spans += [m.span() for m in PHONE.finditer(text) if _is_phone(m.group())]
        spans += [m.span("name") for m in NAME_LABEL.finditer(text)]
        if self.names:
            spans += [m.span() for m in self._names_re().finditer(text)]
        self.spans = sorted(spans)
        chars = list(text)
        for start, end in self.spans:
            for i in range(start, end):
                if chars[i] not in "\r\n":
                    chars[i] = MASK
        self.masked = "".join(chars)

    def _names_re(self) -> re.Pattern:
        words = sorted(self.names, key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)

    def scrub(self, value: str) -> str:
        """``value`` with the same kinds of personal data masked (job titles, flag messages, file names)."""
        patterns = [EMAIL, URL, HANDLE, PERSONAL_ANYWHERE] + ([self._names_re()] if self.names else [])
        for pattern in patterns:
            value = pattern.sub(lambda m: MASK * len(m.group()), value)
        return PHONE.sub(lambda m: MASK * len(m.group()) if _is_phone(m.group()) else m.group(), value)


def _is_phone(candidate: str) -> bool:
    """A phone, not an amount ("1 200 000 000"): a leading +, brackets or dashes, or 8/7 + 10 digits."""
    digits = re.sub(r"\D", "", candidate)
    return (candidate.startswith(("+", "(")) or bool(re.search(r"\d[()\-]|[()\-]\d", candidate))
            or (len(digits) == 11 and digits[0] in "78"))


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


def redact(candidate: Candidate, header_end: int | None = None) -> Candidate:
    """The candidate as a blind report shows it: text, evidence, titles, messages and file name masked."""
    redactor = Redactor(candidate.text, header_end)
    assessment = _scrub_tree(candidate.assessment, redactor) if candidate.assessment is not None else None
    error = _scrub_tree(candidate.error, redactor) if candidate.error is not None else None
    file = redactor.scrub(candidate.file)
    if assessment is not None:
        assessment["file"] = file
    return dataclasses.replace(candidate, file=file, text=redactor.masked, assessment=assessment, error=error)


def _scrub_tree(node, redactor: Redactor):
    if isinstance(node, dict):
        if _is_evidence(node, redactor.text):
            return {**node, "text": redactor.masked[node["start"]: node["end"]]}
        return {key: _scrub_tree(value, redactor) for key, value in node.items()}
    if isinstance(node, list):
        return [_scrub_tree(item, redactor) for item in node]
    if isinstance(node, str):
        return redactor.scrub(node)
    return node


def _is_evidence(node: dict, text: str) -> bool:
    start, end = node.get("start"), node.get("end")
    return ("text" in node and isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text))
