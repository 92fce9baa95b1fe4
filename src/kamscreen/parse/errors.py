"""The one exception the readers raise; ``parse`` turns it into a ``ParseError`` value."""

from __future__ import annotations


class ParseFailure(Exception):
    """A file that cannot be read: ``code`` is one of ``model.ERROR_CODES``; ``reason`` is one line."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason
