"""The decisions as a labels CSV (the one ``kamscreen train`` reads), and back.

Export: ``file,label,decision,note,recruiter,decided_at,sha256``, one row per decision of the
vacancy, ``label`` being the stage (``rejected``, ``shortlisted``, ``interviewed``, ``offer``,
``hired``); text a spreadsheet would run as a formula gets a leading quote.

Import: a ``file`` (or ``sha256``) column and a ``label`` (or ``stage`` / ``decision``) column;
stages and decisions map to decisions, ``1``/``yes``/``true`` to shortlist and ``0``/``no``/
``false`` to reject; an optional ``note`` column. A row is matched by sha256, else by file name in
this screen; rows that match nothing or carry another label are counted and reported, not guessed.
A row naming another file of a grouped candidate decides for the candidate (under its best file).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from kamscreen.report.model import DECISION_LABELS
from kamscreen.report.rows import neutralise
from kamscreen.review.screening import Screening
from kamscreen.review.storage import Store

COLUMNS = ("file", "label", "decision", "note", "recruiter", "decided_at", "sha256")
MAX_BYTES = 5 * 2**20
_SHA256 = re.compile(r"[0-9a-f]{64}")
_BY_LABEL = {
    **{stage: d for d, stage in DECISION_LABELS.items()},
    **{d: d for d in DECISION_LABELS},
    **{w: "shortlist" for w in ("1", "yes", "y", "true", "да")},
    **{w: "reject" for w in ("0", "no", "n", "false", "нет")},
}


@dataclass
class Imported:
    """What an import did: decisions recorded, unchanged, and rows left out (with why)."""

    recorded: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)


def export_csv(store: Store, vacancy: str) -> str:
    """Every decision of the vacancy as CSV text (UTF-8 with BOM when written to a file)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for d in sorted(store.decisions(vacancy).values(), key=lambda d: d.file):
        writer.writerow(
            [
                neutralise(v)
                for v in (d.file, DECISION_LABELS[d.decision], d.decision, d.note, d.recruiter, d.decided_at, d.sha256)
            ]
        )
    return buffer.getvalue()


def import_csv(data: bytes, screening: Screening, store: Store, vacancy: str, recruiter: str) -> Imported:
    """Record the decisions of a labels CSV; ValueError when the file itself cannot be used."""
    if len(data) > MAX_BYTES:
        raise ValueError(f"the file is over {MAX_BYTES // 2**20} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("the file is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower(): h for h in reader.fieldnames or ()}
    file_col = next((header[c] for c in ("file", "filename", "path", "cv") if c in header), None)
    sha_col = header.get("sha256")
    label_col = next((header[c] for c in ("label", "stage", "decision", "outcome") if c in header), None)
    if label_col is None or (file_col is None and sha_col is None):
        raise ValueError(f"expected a 'file' (or 'sha256') and a 'label' column, got {list(header)}")
    by_file: dict[str, list[str]] = {}
    for known in screening.entries:  # a candidate by the name of any of its files
        for name in (known.file, *(o["file"] for o in known.summary.get("other_files", ()))):
            by_file.setdefault(name, []).append(known.sha256)
    note_col = header.get("note")
    done = Imported()
    try:
        for line, row in enumerate(reader, start=2):
            file = _plain(row.get(file_col) if file_col else "")
            sha = _plain(row.get(sha_col) if sha_col else "").lower()
            decision = _BY_LABEL.get(_plain(row.get(label_col)).lower())
            if decision is None:
                done.skipped.append(f"line {line}: label {_plain(row.get(label_col))!r} is not a decision")
                continue
            if sha and not _SHA256.fullmatch(sha):
                done.skipped.append(f"line {line}: sha256 {sha[:70]!r} is not a file hash")
                continue
            if not sha:
                matches = by_file.get(file, [])
                if len(matches) != 1:
                    done.skipped.append(
                        f"line {line}: {file!r} is not a file of this screen"
                        if not matches
                        else f"line {line}: {file!r} names {len(matches)} files; give the sha256"
                    )
                    continue
                sha = matches[0]
            sha = screening.aliases.get(sha, sha)  # another file of a candidate: the candidate's decision
            entry = screening.by_sha.get(sha)
            change = store.decide(
                vacancy,
                sha,
                entry.file if entry else file or sha,
                decision,
                _plain(row.get(note_col)) if note_col else "",
                recruiter,
                action="import",
            )
            done.recorded += change is not None
            done.unchanged += change is None
    except csv.Error as exc:
        raise ValueError(f"not a readable CSV ({exc})") from None
    return done


def _plain(value: str | None) -> str:
    """A cell as written before export neutralised it (a leading quote before a formula character)."""
    value = (value or "").strip()
    return value[1:] if value.startswith("'") and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value
