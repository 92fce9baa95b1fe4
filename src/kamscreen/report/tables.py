"""ranking.csv, ranking.xlsx and candidates.jsonl: one candidate at a time, each file written atomically.

Each writer takes the column header up front (criterion ids are known before the first row) and
then one ``add(candidate)`` per row in rank order, so a batch never needs all candidates in memory.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import TextIO

from kamscreen.report.files import write_atomic
from kamscreen.report.model import Candidate
from kamscreen.report.rows import (
    CRITERION_PREFIX,
    KEY_COLUMNS,
    TAIL_COLUMNS,
    criterion_column,
    criterion_ids,
    neutralise,
    row,
)

STATUS_FILLS = {"met": "C6EFCE", "partly": "FFEB9C", "not_met": "FFC7CE", "no_data": "E7E6E6"}
_WIDTHS = {
    "rank": 6,
    "file": 36,
    "other_files": 36,
    "status": 10,
    "verdict": 10,
    "red_flags": 50,
    "green_flags": 50,
    "possible_duplicates": 36,
    "error": 50,
}


def header_of(criteria: list[str]) -> list[str]:
    """The spreadsheet columns for these criterion ids."""
    return [*KEY_COLUMNS, *(criterion_column(c) for c in criteria), *TAIL_COLUMNS]


class CsvWriter:
    """Rows of ranking.csv into ``handle`` (opened with ``encoding="utf-8-sig", newline=""``)."""

    def __init__(self, handle: TextIO, criteria: list[str]) -> None:
        self.criteria, self.header = criteria, header_of(criteria)
        self._csv = csv.writer(handle)
        self._csv.writerow(self.header)

    def add(self, cand: Candidate) -> None:
        values = row(cand, self.criteria)
        self._csv.writerow(["" if values[c] is None else neutralise(values[c]) for c in self.header])


class JsonlWriter:
    """One JSON object per line: the full assessment, or file/status/error for a failure."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle

    def add(self, cand: Candidate) -> None:
        self.handle.write(json.dumps(json_safe(cand.to_dict()), ensure_ascii=False, allow_nan=False) + "\n")


def json_safe(data):
    """``data`` with every non-finite float (NaN, ±inf) as None: JSON has no such numbers."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: json_safe(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [json_safe(value) for value in data]
    return data


class XlsxWriter:
    """ranking.xlsx in openpyxl's write-only mode (rows go straight to a temp file, not kept in memory).

    Frozen header, auto-filter over ``count`` rows, bold header, criterion cells filled by status.
    """

    def __init__(self, criteria: list[str], count: int) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        self.criteria, self.header = criteria, header_of(criteria)
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("ranking")
        self.sheet.freeze_panes = "A2"
        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.header))}{count + 1}"
        for index, name in enumerate(self.header, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(
                name, max(12, min(len(name) + 2, 28))
            )
        self._fills = {s: PatternFill("solid", start_color=c, end_color=c) for s, c in STATUS_FILLS.items()}
        bold = Font(bold=True)
        self.sheet.append([self._cell(name, font=bold) for name in self.header])

    def _cell(self, value, **style):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet, value=value)
        for key, val in style.items():
            setattr(cell, key, val)
        return cell

    def add(self, cand: Candidate) -> None:
        values = row(cand, self.criteria)
        cells = []
        for name in self.header:
            value = neutralise(values[name])
            if name.startswith(CRITERION_PREFIX) and value in self._fills:
                cells.append(self._cell(value, fill=self._fills[value]))
            else:
                cells.append(value)
        self.sheet.append(cells)

    def save(self, path: Path) -> None:
        self.workbook.save(path)


def write_csv(candidates: list[Candidate], path: Path) -> Path:
    """One row per candidate, formula-like text neutralised; UTF-8 with BOM so Excel reads Cyrillic."""

    def _write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = CsvWriter(handle, criterion_ids(candidates))
            for cand in candidates:
                writer.add(cand)

    return write_atomic(path, _write)


def write_xlsx(candidates: list[Candidate], path: Path) -> Path:
    """The same table as the CSV, with a frozen header, an auto-filter and criterion cells coloured by status."""

    def _write(tmp: Path) -> None:
        writer = XlsxWriter(criterion_ids(candidates), len(candidates))
        for cand in candidates:
            writer.add(cand)
        writer.save(tmp)

    return write_atomic(path, _write)


def write_jsonl(candidates: list[Candidate], path: Path) -> Path:
    """One JSON object per line: the full assessment, or file/status/error for a failure."""

    def _write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            writer = JsonlWriter(handle)
            for cand in candidates:
                writer.add(cand)

    return write_atomic(path, _write)
