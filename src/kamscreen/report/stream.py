"""The four outputs written side by side, one candidate at a time, in rank order.

Memory stays flat with the batch size: CSV and JSONL rows go straight to their files, the XLSX
uses openpyxl's write-only mode, and the HTML cards are spooled to a temp file until the table
is done. Every output appears atomically (temp file + ``os.replace``) when the writer closes.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from kamscreen.report.files import publish, temp_beside
from kamscreen.report.html import HtmlWriter, Layout
from kamscreen.report.model import Candidate
from kamscreen.report.redact import distinct, pseudonym, redact
from kamscreen.report.tables import CsvWriter, JsonlWriter, XlsxWriter

OUTPUT_NAMES = {"csv": "ranking.csv", "xlsx": "ranking.xlsx", "jsonl": "candidates.jsonl", "html": "report.html"}


class ReportWriter:
    """``with ReportWriter(out, layout) as w: w.add(c) ...``; ``w.paths`` are the outputs by kind.

    ``layout.blind`` masks every candidate (``redact``) and names it by a pseudonym before it is
    written. On an exception no output is replaced and the temp files are removed.
    """

    def __init__(self, out: Path, layout: Layout) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.layout = layout
        self.paths = {kind: self.out / name for kind, name in OUTPUT_NAMES.items()}
        self._stack = ExitStack()
        self._temps: dict[str, Path] = {}
        self._aliases: set[str] = set()

    def __enter__(self) -> ReportWriter:
        temps = self._temps
        for kind in (*OUTPUT_NAMES, "spool"):
            temps[kind] = temp_beside(self.paths.get(kind, self.out / "report.cards"))
        enter, criteria = self._stack.enter_context, list(self.layout.criteria)
        try:
            self._csv = CsvWriter(enter(open(temps["csv"], "w", encoding="utf-8-sig", newline="")), criteria)
            self._jsonl = JsonlWriter(enter(open(temps["jsonl"], "w", encoding="utf-8", newline="")))
            self._html = HtmlWriter(
                enter(open(temps["html"], "w", encoding="utf-8", newline="")),
                enter(open(temps["spool"], "w+", encoding="utf-8", newline="")),
                self.layout,
            )
            self._xlsx = XlsxWriter(criteria, self.layout.count)
        except BaseException:
            self._stack.close()
            for tmp in temps.values():
                tmp.unlink(missing_ok=True)
            raise
        return self

    def add(self, cand: Candidate) -> None:
        if self.layout.blind:
            alias = distinct(pseudonym(cand), self._aliases)  # equal content kept as two rows: two names
            self._aliases.add(alias)
            cand = redact(cand, alias=alias)
        for writer in (self._csv, self._jsonl, self._xlsx, self._html):
            writer.add(cand)

    def __exit__(self, exc_type, *exc) -> None:
        try:
            if exc_type is None:
                self._html.close()
            try:  # saved on failure too: the only clean way to end openpyxl's row stream (the temp goes below)
                self._xlsx.save(self._temps["xlsx"])
            except Exception:
                if exc_type is None:
                    raise
            self._stack.close()
            if exc_type is None:
                for kind in OUTPUT_NAMES:
                    publish(self._temps[kind], self.paths[kind])
        finally:
            for tmp in self._temps.values():
                tmp.unlink(missing_ok=True)
