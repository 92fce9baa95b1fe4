"""Option parsers shared by the sub-commands."""
from __future__ import annotations

import datetime as dt

import typer


NO_OCR_HELP = "Do not read scans and photos by OCR (faster): they stay 'needs_ocr'."


def parse_as_of(value: str | None) -> dt.date | None:
    """``--as-of YYYY-MM-DD`` → date (None when not given); a bad value is a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}", param_hint="--as-of") from None
