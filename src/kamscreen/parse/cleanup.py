"""Text clean-up shared by all formats: mojibake, NFC, whitespace, line-end hyphens, dates glued to
words, running headers/footers."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffe\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# typographic ligatures of PDF fonts ("ﬁnance") back to letters; NFC keeps them
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
_BLANK_RUN = re.compile(r"\n{3,}")
# "word-\nword": a letter, a hyphen at the end of the line, a lowercase letter on the next
# (the look-behind starts the word only at its first letter: linear, not quadratic, in word length)
_LINE_HYPHEN = re.compile(r"(?<!\w)(\w*[^\W\d_])-\n([a-zа-яё]\w*)")
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
_MIN_FOOTER_TAIL = 12  # a page's last line this long that ends a running footer is that footer


def _cp1252_table() -> tuple[dict[str, int], str]:
    """Character → byte of Windows-1252 for 0x80–0xFF (its five holes as C1 controls), and the
    characters that stand for UTF-8 continuation bytes 0x80–0xBF."""
    chars = {}
    for byte in range(0x80, 0x100):
        try:
            chars[bytes([byte]).decode("cp1252")] = byte
        except UnicodeDecodeError:
            chars[chr(byte)] = byte
    continuation = "".join(ch for ch, byte in chars.items() if byte < 0xC0)
    return chars, continuation


_CP1252, _CONT = _cp1252_table()
_C = re.escape(_CONT)
# UTF-8 read as Windows-1252 ("â€“" for "–", "Â·" for "·", "Ã©" for "é", "Ð¾Ð¿Ñ‹Ñ‚" for "опыт"): lead
# bytes of punctuation / Latin-1 (C2, C3, E2, EF), or runs of Cyrillic ones (D0, D1); a real text
# has none of these sequences
# (each pattern opens with a look-ahead on its first char: one cheap test at most positions)
_MOJIBAKE = re.compile(f"(?=[ÂÃâïÐÑ])(?:[ÂÃ][{_C}]|[âï][{_C}]{{2}}|(?:[ÐÑ][{_C}]){{2,}})")
# what is left when a producer dropped the sequence's last byte: "Â" of a lost no-break space
# ("wellÂ organized", "customer. Â"), "ï¼"/"â€" of a lost full-width or typographic sign
_MOJIBAKE_REST = re.compile(f"(?=[Ââï])(?:Â(?![A-ZÀ-Þ])|[âï][{_C}](?![{_C}]))")
_LOST_SPACE = re.compile(r"Â(?=\s|$)", re.MULTILINE)
_MOJIBAKE_HINT = re.compile("[ÂÃâïÐÑ]")
_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
# a title, a period and an employer set without spaces ("Human Resource ManagerJuly 1996 to December
# 1999Ingersoll-Rand", "to CurrentDanone"): a space goes back at each date boundary
_GLUED_DATE = re.compile(
    r"(?=[A-Z])(?:"  # every boundary comes before a capital: one cheap test at most positions
    rf"(?<=[a-z])(?=(?:{_MONTHS_EN})\s+(?:19|20)\d\d\b)"
    r"|(?<=\b(?:19|20)\d\d)(?=[A-Z][a-z])"
    r"|(?<=\b(?:Current|Present))(?=[A-Z][a-z]))"
)


def repair_mojibake(text: str) -> str:
    """UTF-8 text that went through Windows-1252 on its way into the file, repaired.

    >>> repair_mojibake("Sales â€“ Key Accounts, AndrÃ©, wellÂ organized")
    'Sales – Key Accounts, André, well organized'
    """
    if not _MOJIBAKE_HINT.search(text):
        return text

    def decode(match: re.Match) -> str:
        try:
            return bytes(_CP1252[ch] for ch in match.group()).decode("utf-8")
        except (KeyError, UnicodeDecodeError):
            return match.group()

    return _MOJIBAKE_REST.sub(" ", _LOST_SPACE.sub("", _MOJIBAKE.sub(decode, text)))


def split_glued_dates(text: str) -> str:
    """Put back the spaces a PDF producer dropped around a period.

    >>> split_glued_dates("Human Resource ManagerJuly 1996 to December 1999Ingersoll-Rand")
    'Human Resource Manager July 1996 to December 1999 Ingersoll-Rand'
    """
    return _GLUED_DATE.sub(" ", text)


def clean_text(text: str) -> str:
    """NFC-normalise, drop invisible characters, collapse spaces, keep line breaks (at most one blank line).

    >>> clean_text("Опыт  работы\\r\\n\\n\\n\\nМенед-\\nжер")
    'Опыт работы\\n\\nМенеджер'
    """
    text = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = split_glued_dates(unicodedata.normalize("NFC", text))
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

    A page number is one of the first or last two non-empty lines of a page. Past the page numbers,
    a page's first line that starts two or more pages is a running header, kept on the first page
    only (it may be the name); a last line that ends two or more pages is a running footer (hh.ru's
    "Имя • Резюме обновлено ..."), kept on the last page only, so it does not cut a job that goes on
    over the page break; a page's last line that is the end of a running footer goes too. Returns
    the pages and how many lines were dropped.
    """
    split = [page.split("\n") for page in pages]
    numbers: list[set[int]] = []
    edges: list[tuple[int | None, int | None]] = []
    for lines in split:
        content = [i for i, line in enumerate(lines) if line.strip()]
        number = {i for i in content[:2] + content[-2:] if _PAGE_NUMBER.match(lines[i])}
        rest = [i for i in content if i not in number]
        numbers.append(number)
        edges.append((rest[0], rest[-1]) if rest else (None, None))
    heads: dict[str, list[int]] = {}
    feet: dict[str, list[int]] = {}
    for page, (lines, (first, last)) in enumerate(zip(split, edges, strict=True)):
        if first is not None and last is not None:
            heads.setdefault(_key(lines[first]), []).append(page)
            if last != first:
                feet.setdefault(_key(lines[last]), []).append(page)
    several = len(pages) >= 2
    keep_head = {key: where[0] for key, where in heads.items() if several and len(where) >= 2}
    keep_foot = {key: where[-1] for key, where in feet.items() if several and len(where) >= 2 and key not in keep_head}
    footers = list(keep_foot)
    for key in feet:  # the footer without its start (hh.ru's first page: no name before "Резюме ...")
        tail = key not in keep_foot and key not in keep_head and len(key) >= _MIN_FOOTER_TAIL
        if tail and any(full.endswith(key) for full in footers):
            keep_foot[key] = -1
    dropped = 0
    out: list[str] = []
    for page, (lines, (first, last)) in enumerate(zip(split, edges, strict=True)):
        kept: list[str] = []
        for index, line in enumerate(lines):
            key = _key(line)
            running = (index == first and keep_head.get(key, page) != page) or (
                index == last and keep_foot.get(key, page) != page
            )
            if index in numbers[page] or running:
                dropped += 1
                continue
            kept.append(line)
        out.append("\n".join(kept))
    return out, dropped


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())
