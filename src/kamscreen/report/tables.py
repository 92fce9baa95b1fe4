"""ranking.csv, ranking.xlsx and candidates.jsonl, all written atomically."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from kamscreen.report.files import write_atomic, write_text_atomic
from kamscreen.report.model import Candidate
from kamscreen.report.rows import CRITERION_PREFIX, columns, criterion_ids, neutralise, row

STATUS_FILLS = {"met": "C6EFCE", "partly": "FFEB9C", "not_met": "FFC7CE", "no_data": "E7E6E6"}
_WIDTHS = {"rank": 6, "file": 36, "status": 10, "verdict": 10, "red_flags": 50, "green_flags": 50, "error": 50}


def write_csv(candidates: list[Candidate], path: Path) -> Path:
    """One row per candidate, formula-like text neutralised; UTF-8 with BOM so Excel reads Cyrillic."""
    header = columns(candidates)
    criteria = criterion_ids(candidates)

    def _write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for cand in candidates:
                values = row(cand, criteria)
                writer.writerow(["" if values[c] is None else neutralise(values[c]) for c in header])

    return write_atomic(path, _write)


def write_xlsx(candidates: list[Candidate], path: Path) -> Path:
    """The same table as the CSV, with a frozen header, an auto-filter and criterion cells coloured by status."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    header = columns(candidates)
    criteria = criterion_ids(candidates)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "ranking"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fills = {status: PatternFill("solid", start_color=color, end_color=color) for status, color in STATUS_FILLS.items()}
    for line, cand in enumerate(candidates, start=2):
        values = row(cand, criteria)
        sheet.append([neutralise(values[c]) for c in header])
        for index, name in enumerate(header, start=1):
            if name.startswith(CRITERION_PREFIX) and values[name] in fills:
                sheet.cell(row=line, column=index).fill = fills[values[name]]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(candidates) + 1}"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(name, max(12, min(len(name) + 2, 28)))
    return write_atomic(path, lambda tmp: workbook.save(tmp))


def write_jsonl(candidates: list[Candidate], path: Path) -> Path:
    """One JSON object per line: the full assessment, or file/status/error for a failure."""
    lines = [json.dumps(cand.to_dict(), ensure_ascii=False, sort_keys=False) for cand in candidates]
    return write_text_atomic(path, "".join(line + "\n" for line in lines))
