"""A screen's outputs as the review app reads them: candidates.jsonl indexed, one candidate read at a time.

Only a small ``Entry`` per candidate stays in memory (its summary row and the byte offset of its
line); a candidate's full assessment is read back from ``candidates.jsonl`` and its text from the
run's ``cache.sqlite`` when it is opened. A re-screen into OUT is picked up on the next request
(``refresh``). Blind runs stay blind: the text is masked as the report masks it.

A candidate whose files were grouped (``batch.duplicates``) is one entry, keyed by its best file's
sha256; ``aliases`` maps each of its other files' sha256 to that key.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from kamscreen.batch import manifest
from kamscreen.batch.cache import Cache
from kamscreen.batch.codec import assessment_from_dict
from kamscreen.batch.scoring import parse_notes
from kamscreen.batch.work import pipeline_version
from kamscreen.report.html import summary_of
from kamscreen.report.model import Candidate, group_decision
from kamscreen.report.redact import redact

JSONL = "candidates.jsonl"
CACHE = "cache.sqlite"


class _Decided(Protocol):
    """A decision as grouping reads it (``storage.Decision``)."""

    @property
    def decided_at(self) -> str: ...


D = TypeVar("D", bound=_Decided)


class ScreeningError(RuntimeError):
    """OUT holds no screen the app can read; the message says what to run."""


@dataclass(frozen=True)
class Entry:
    """One candidate: where its line is, what ranking needs, its table row (``summary_of``) and the
    sha256 of its other files."""

    sha256: str
    file: str
    offset: int
    length: int
    status: str
    verdict: str | None
    score: float | None
    raw_score: float | None
    probability: float | None
    unread: bool
    rank: int | None
    summary: dict
    others: tuple[str, ...] = ()
    core: float | None = None

    @property
    def scored(self) -> bool:
        return self.verdict is not None


class Screening:
    """The candidates of ``OUT`` in the screen's rank order; ``refresh()`` re-reads a re-screened OUT."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        self._stamp: tuple | None = None
        self.entries: list[Entry] = []
        self.by_sha: dict[str, Entry] = {}
        self.aliases: dict[str, str] = {}  # another file's sha256 → its candidate's
        self.settings: dict = {}
        self.criteria: dict[str, str] = {}  # criterion id → label, in profile order
        self.refresh()

    @property
    def profile(self) -> str:
        stated = self.settings.get("profile") or next(
            (e.summary["profile"] for e in self.entries if e.summary.get("profile")), None
        )
        return stated or "kam-director"

    @property
    def version(self) -> tuple | None:
        """Changes whenever ``refresh`` read a new screen."""
        return self._stamp

    @property
    def blind(self) -> bool:
        return bool(self.settings.get("blind"))

    @property
    def ranked_by(self) -> str:
        return self.settings.get("ranked_by") or "checklist score"

    def refresh(self) -> bool:
        """Re-index when the screen's outputs changed since the last look; True if they did."""
        path = self.out / JSONL
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise ScreeningError(
                f"{self.out}: no {JSONL}; run `kamscreen screen FOLDER --out {self.out}` first"
            ) from None
        settings = manifest.read(self.out)
        if settings is None and self._stamp is not None:  # a screen is writing OUT: keep what was read
            return False
        stamp = (stat.st_mtime_ns, stat.st_size, (settings or {}).get("inputs"))
        if stamp == self._stamp:
            return False
        self.settings = settings or {}
        criteria: dict[str, str] = {}
        # kept open: a re-screen replaces the file, this one stays readable
        handle = open(path, "rb")  # noqa: SIM115
        entries = list(self._index(handle, criteria))
        self.entries, self.by_sha, self.criteria = entries, {e.sha256: e for e in entries}, criteria
        self.aliases = {other: e.sha256 for e in entries for other in e.others}
        self._lines = (handle, self.by_sha)  # swapped as one: an entry is only read from its own file
        self._stamp = stamp
        return True

    def _index(self, handle, criteria: dict[str, str]) -> Iterator[Entry]:
        with self._cache() as cache:
            offset = 0
            for raw in handle:
                line = json.loads(raw)
                cand = self._candidate(line, cache)
                checklist = line.get("checklist") or {}
                for crit in checklist.get("criteria", []):
                    criteria.setdefault(crit["id"], crit.get("label_en") or crit["id"])
                summary = summary_of(0, cand, blind=self.blind)
                summary["profile"] = checklist.get("profile")
                yield Entry(
                    line["sha256"],
                    line["file"],
                    offset,
                    len(raw),
                    line["status"],
                    checklist.get("verdict"),
                    checklist.get("score"),
                    checklist.get("raw_score"),
                    (line.get("fit") or {}).get("probability"),
                    bool(line.get("needs_human_read")),
                    line.get("rank"),
                    summary,
                    tuple(link["sha256"] for link in line.get("other_files") or ()),
                    checklist.get("core"),
                )
                offset += len(raw)

    def line(self, sha256: str) -> dict:
        """The candidate's line of candidates.jsonl (its full assessment)."""
        handle, by_sha = self._lines
        entry = by_sha[sha256]
        return json.loads(os.pread(handle.fileno(), entry.length, entry.offset))

    def candidate(self, sha256: str) -> Candidate:
        """The candidate with its CV text (masked in a blind run), as the report renders it."""
        with self._cache() as cache:
            return self._candidate(self.line(sha256), cache)

    def known(self, sha256: str) -> bool:
        """Whether the file is one of this screen's (a candidate's best file or another of its files)."""
        return sha256 in self.by_sha or sha256 in self.aliases

    def decisions(self, decided: Mapping[str, D]) -> dict[str, D]:
        """Each candidate's decision (``report.model.group_decision``) among ``decided`` (sha256 → Decision)."""
        found = {}
        for entry in self.entries:
            decision = group_decision(entry.sha256, entry.others, decided, lambda d: d.decided_at)
            if decision is not None:
                found[entry.sha256] = decision
        return found

    def assessments(self, hashes: Iterable[str]):
        """Assessments of these files, rebuilt from their lines (for the fit model)."""
        return [assessment_from_dict(self.line(sha)) for sha in hashes]

    def _candidate(self, line: dict, cache: Cache) -> Candidate:
        assessment = {
            k: v
            for k, v in line.items()
            if k not in ("status", "error", "ranked_by", "other_files", "possible_duplicates")
        }
        result = cache.load(line["sha256"], line["file"]) if line.get("sha256") else None
        cand = Candidate(
            file=line["file"],
            sha256=line["sha256"],
            status=line["status"],
            error=line.get("error"),
            text=((result.parsed if result else None) or {}).get("text", ""),
            assessment=assessment if line.get("checklist") else None,
            parsed=parse_notes(result),
            ranked_by=line.get("ranked_by", ""),
            other_files=tuple(line.get("other_files") or ()),
            possible_duplicates=tuple(line.get("possible_duplicates") or ()),
        )
        if self.blind and cand.text:  # the outputs were masked; the cache holds the plain text
            cand = dataclasses.replace(cand, text=redact(dataclasses.replace(cand, assessment=None, error=None)).text)
        return cand

    def _cache(self) -> Cache:
        return Cache(
            self.out / CACHE,
            self.settings.get("pipeline") or pipeline_version(),
            self.settings.get("as_of"),
            bool(self.settings.get("allow_large")),
        )
