"""Text clean-up shared by all formats: NFC, whitespace, line-end hyphens, running headers/footers."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# typographic ligatures of PDF fonts ("ﬁnance") back to letters; NFC keeps them
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_BLANK_RUN = re.compile(r"\n{3,}")
# "word-\nword": a letter, a hyphen at the end of the line, a lowercase letter on the next
_LINE_HYPHEN = re.compile(r"(\w*[^\W\d_])-\n([a-zа-яё]\w*)")
# Russian compounds keep their hyphen ("бизнес-процессы", "какой-то"); other Russian words were
# hyphenated by the layout. English CV tools do not hyphenate: an English hyphen is a compound's.
_RU_COMPOUND_HEADS = frozenset("бизнес интернет веб вице онлайн офлайн пресс экс топ арт шоу фитнес кол колл".split())
_RU_PARTICLES = frozenset("то либо нибудь ка таки".split())
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|стр\.?|страница)\s*)?\d{1,3}\s*(?:(?:of|из|/)\s*\d{1,3})?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def clean_text(text: str) -> str:
    """NFC-normalise, drop invisible characters, collapse spaces, keep line breaks (at most one blank line).

    >>> clean_text("Опыт  работы\\r\\n\\n\\n\\nМенед-\\nжер")
    'Опыт работы\\n\\nМенеджер'
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    text = _INVISIBLE.sub("", text).translate(_LIGATURES)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _LINE_HYPHEN.sub(_join_hyphenated, text)
    return _BLANK_RUN.sub("\n\n", text).strip()


def _join_hyphenated(match: re.Match) -> str:
    head, tail = match.group(1), match.group(2)
    if not _CYRILLIC.search(head) or head.lower() in _RU_COMPOUND_HEADS or tail.lower() in _RU_PARTICLES:
        return f"{head}-{tail}"
    return head + tail


def drop_running_lines(pages: list[str]) -> tuple[list[str], int]:
    """Remove page numbers ("Page 1 of 2", "3") and running headers/footers.

    Only the first and last two non-empty lines of a page are candidates. A page number goes; a
    line that is the first or last line of two or more pages is kept once (it may be the name).
    Returns the pages and how many lines were dropped.
    """
    split = [page.split("\n") for page in pages]
    edge_count: Counter[str] = Counter()
    for lines in split:
        content = [i for i, line in enumerate(lines) if line.strip()]
        for key in {_key(lines[i]) for i in content[:1] + content[-1:]}:
            edge_count[key] += 1
    repeated = {key for key, count in edge_count.items() if count >= 2} if len(pages) >= 2 else set()
    seen: set[str] = set()
    dropped = 0
    out: list[str] = []
    for lines in split:
        content = [i for i, line in enumerate(lines) if line.strip()]
        numbers = set(content[:2] + content[-2:])
        running = set(content[:1] + content[-1:])
        kept: list[str] = []
        for index, line in enumerate(lines):
            key = _key(line)
            if index in numbers and _PAGE_NUMBER.match(line):
                dropped += 1
                continue
            if index in running and key in repeated:
                if key in seen:
                    dropped += 1
                    continue
                seen.add(key)
            kept.append(line)
        out.append("\n".join(kept))
    return out, dropped


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())
