"""The CV's own "present" (``DocumentDate``): override > hh.ru footer > file metadata > file mtime."""

from __future__ import annotations

import datetime as dt
import re

from kamscreen.months import month_number
from kamscreen.parse.model import DocumentDate

_NUMERIC = re.compile(r"резюме\s+(?:от|обновлено)\s+(\d{1,2})\.(\d{1,2})\.(\d{4})", re.IGNORECASE)
_WORDED = re.compile(r"резюме\s+(?:от|обновлено)\s+(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})", re.IGNORECASE)


def hh_footer_date(text: str) -> dt.date | None:
    """The last "Резюме от 05.09.2025" / "Резюме обновлено 5 сентября 2025 в 14:03" in the text.

    >>> hh_footer_date("... Резюме обновлено 5 сентября 2025 в 14:03")
    datetime.date(2025, 9, 5)
    """
    found: list[tuple[int, dt.date]] = []
    for match in _NUMERIC.finditer(text):
        day, month, year = map(int, match.groups())
        found.extend(_dated(match.start(), year, month, day))
    for match in _WORDED.finditer(text):
        month = month_number(match.group(2))
        if month:
            found.extend(_dated(match.start(), int(match.group(3)), month, int(match.group(1))))
    return max(found)[1] if found else None


def _dated(position: int, year: int, month: int, day: int) -> list[tuple[int, dt.date]]:
    try:
        return [(position, dt.date(year, month, day))]
    except ValueError:
        return []


def document_date(
    text: str,
    *,
    as_of: dt.date | None = None,
    metadata: dt.date | None = None,
    mtime: dt.date | None = None,
) -> DocumentDate:
    """Pick the CV's date by precedence: ``as_of`` override, hh.ru footer, metadata, mtime.

    >>> document_date("Резюме от 01.09.2025", metadata=dt.date(2020, 1, 1)).source
    'hh_footer'
    """
    if as_of is not None:
        return DocumentDate(as_of, "override")
    footer = hh_footer_date(text)
    if footer is not None:
        return DocumentDate(footer, "hh_footer")
    if metadata is not None:
        return DocumentDate(metadata, "metadata")
    return DocumentDate(mtime, "mtime")
