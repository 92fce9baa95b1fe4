"""The CV text as HTML with every evidence span marked by fact type; overlapping spans are flattened.

Each piece of text is escaped on its own (never marked safe raw): the text is cut at every span
boundary and each segment becomes ``<mark class="hl t-kpi t-criterion" data-ev="e3 e7">…</mark>``
listing every span that covers it, so overlaps need no nested tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

SPAN_TYPES = ("job", "experience", "team", "language", "kpi", "signal", "criterion", "flag-red", "flag-green")


@dataclass(frozen=True)
class Span:
    id: str
    type: str
    start: int
    end: int


class SpanSet:
    """Evidence spans of one CV with stable ids; the same (start, end, type) is one span."""

    def __init__(self, text_length: int) -> None:
        self.length = text_length
        self.spans: list[Span] = []
        self._ids: dict[tuple[int, int, str], str] = {}

    def add(self, evidence: dict | None, kind: str) -> str | None:
        """Register one ``Evidence.to_dict()``; returns its id (None when the span is not in the text)."""
        if not evidence:
            return None
        start, end = evidence.get("start"), evidence.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= self.length):
            return None
        key = (start, end, kind)
        if key not in self._ids:
            self._ids[key] = f"e{len(self.spans)}"
            self.spans.append(Span(self._ids[key], kind, start, end))
        return self._ids[key]

    def add_all(self, evidences, kind: str) -> list[str]:
        return [i for e in evidences or () if (i := self.add(e, kind)) is not None]


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with a ``<mark>`` per segment covered by one or more spans."""
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
    active: list[Span] = []
    parts: list[str] = []
    for left, right in pairwise(bounds):
        active = [s for s in active if s.end > left] + starts.get(left, [])
        piece = str(escape(text[left:right]))
        if not active:
            parts.append(piece)
            continue
        kinds = str(escape(" ".join(f"t-{k}" for k in sorted({s.type for s in active}))))
        ids = str(escape(" ".join(s.id for s in active)))
        parts.append(f'<mark class="hl {kinds}" data-ev="{ids}">{piece}</mark>')
    return Markup("".join(parts))  # every piece above was escaped
