"""Lines of a CV text: the line index (offset → line, line → span) and where a period stands on
its lines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kamscreen.extract.dates import Period

NEIGHBOUR_LINE_MAX = 100  # a header line is at most this long; a longer one is a paragraph's


@dataclass(frozen=True)
class Lines:
    """Line index of a text: line number of an offset and the span of a line."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Lines:
        return cls(text, (0, *(m.end() for m in re.finditer("\n", text))))

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def span(self, i: int) -> tuple[int, int]:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def line(self, i: int) -> str:
        a, b = self.span(i)
        return self.text[a:b]

    def __len__(self) -> int:
        return len(self.starts)


def period_lines(p: Period, lines: Lines) -> tuple[int, int, int, int]:
    """First and last line of a period (it may be broken over lines) and their outer offsets."""
    i, j = lines.index(p.span[0]), lines.index(max(p.span[0], p.span[1] - 1))
    return i, j, lines.span(i)[0], lines.span(j)[1]


def next_filled(lines: Lines, i: int, count: int) -> list[str]:
    """Up to ``count`` non-empty lines after line ``i``, stripped."""
    found = []
    for k in range(i + 1, len(lines)):
        line = lines.line(k).strip()
        if line:
            found.append(line)
            if len(found) == count:
                break
    return found


def runs_on(p: Period, lines: Lines) -> bool:
    """Whether the period's line is a long line of a paragraph, going on in lower case below."""
    _, j, a, b = period_lines(p, lines)
    return b - a > NEIGHBOUR_LINE_MAX and j + 1 < len(lines) and lines.line(j + 1)[:1].islower()


def line_shape(p: Period, lines: Lines) -> tuple[bool, str] | None:
    """Where a one-line period or date stands on its line (first or not) and the rest of the
    line when it comes first: a layout to compare header lines by."""
    i, j, a, b = period_lines(p, lines)
    if i != j:
        return None
    first = not lines.text[a : p.span[0]].strip()
    return first, " ".join(lines.text[p.span[1] : b].split()) if first else ""
