"""RTF via striprtf: ``\\uN`` escapes and ``\\'xx`` bytes in the document's code page (``\\ansicpg``)."""

from __future__ import annotations

import datetime as dt
import re

from striprtf.striprtf import rtf_to_text

from kamscreen.parse.errors import ParseFailure

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_MOJIBAKE = re.compile(r"[À-ÿ]")  # CP1251 bytes read as CP1252
_INFO_TIME = re.compile(rb"\\(revtim|creatim)\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})")


def rtf_date(data: bytes) -> dt.date | None:
    """The revision time of the ``{\\info}`` group, else its creation time."""
    found: dict[bytes, dt.date] = {}
    for match in _INFO_TIME.finditer(data[:65536]):
        try:
            found.setdefault(match.group(1), dt.date(*(int(g) for g in match.groups()[1:])))
        except ValueError:
            continue
    return found.get(b"revtim") or found.get(b"creatim")


def read_rtf(data: bytes, name: str) -> str:
    """Plain text of an RTF file; a CP1251 document without ``\\ansicpg`` is recognised by its mojibake."""
    match = _CODEPAGE.search(data[:4096])
    encoding = f"cp{match.group(1).decode()}" if match else "cp1252"
    source = data.decode("latin-1")
    try:
        text = _convert(source, encoding)
        if not _CYRILLIC.search(text) and len(_MOJIBAKE.findall(text)) > 20:
            text = _convert(source, "cp1251")
    except (LookupError, ValueError, IndexError, RecursionError) as exc:
        raise ParseFailure("corrupt", f"{name}: the RTF cannot be read ({type(exc).__name__})") from exc
    return text


def _convert(source: str, encoding: str) -> str:
    try:
        return rtf_to_text(source, encoding=encoding, errors="replace")
    except LookupError:
        return rtf_to_text(source, encoding="cp1252", errors="replace")
