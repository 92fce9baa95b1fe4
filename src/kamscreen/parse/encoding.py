"""Decode a plain-text CV whose encoding nobody declared.

Order: a BOM (UTF-8, UTF-16 LE/BE, UTF-32) wins; then strict UTF-8; then the single-byte Cyrillic
code pages (CP1251, KOI8-R, CP866) scored by how Russian the result looks; then CP1252 for Western
text whose high bytes are isolated accents. Bytes that decode to many control characters are binary.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CYRILLIC_PAGES = ("cp1251", "koi8-r", "cp866")
# the most frequent lowercase Russian letters: a right decoding is full of them
_COMMON_RU = frozenset("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё")
_HIGH = re.compile(rb"[\x80-\xff]")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not text in any encoding we know (a binary blob)."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``NotText`` for binary data.

    >>> decode_text("Опыт работы".encode("cp1251"))
    ('Опыт работы', 'cp1251')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(name), name)
            except UnicodeDecodeError as exc:
                raise NotText(f"bytes after the {name} byte-order mark do not decode") from exc
    if b"\x00" in data[:4096]:
        return _checked(_decode_utf16_without_bom(data), "utf-16")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _high_bytes_in_runs(data):
        best = max(_CYRILLIC_PAGES, key=lambda page: _russian_score(data.decode(page, errors="replace")))
        return _checked(data.decode(best, errors="replace"), best)
    return _checked(data.decode("cp1252", errors="replace"), "cp1252")


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if text and len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise NotText(f"too many control characters for {encoding} text")
    return text, encoding


def _decode_utf16_without_bom(data: bytes) -> str:
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if max(even_nuls, odd_nuls) < len(data) // 4:
        raise NotText("NUL bytes in the data")
    name = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise NotText("NUL bytes in the data") from exc


def _high_bytes_in_runs(data: bytes) -> bool:
    """Cyrillic words are runs of high bytes; Western accents sit alone among ASCII letters."""
    sample = data[:65536]
    high = len(_HIGH.findall(sample))
    in_runs = sum(len(run) for run in _HIGH_RUN.findall(sample))
    return high > 0 and in_runs >= high * 0.5


def _russian_score(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch in _COMMON_RU for ch in letters) / len(letters)
