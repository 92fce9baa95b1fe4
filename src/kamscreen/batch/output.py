"""Stream a ranked batch into the four outputs, each candidate read back from the cache as it is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kamscreen.batch.cache import Cache
from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.scoring import Entry, Scorer


def results_by_name(cache: Cache, tasks: dict[str, Task], unreadable: dict[str, FileResult]) -> Iterator[FileResult]:
    """Each file's result in name order, read back from the cache one at a time."""
    for name in sorted([*tasks, *unreadable]):
        if name in unreadable:
            yield unreadable[name]
            continue
        yield cache.load(tasks[name].sha256, name) or FileResult.failure(
            tasks[name], "internal_error", f"{name}: no result was stored for this file"
        )


def write_outputs(
    entries: list[Entry], out: Path, scorer: Scorer, cache: Cache, tasks: dict[str, Task], *, profile: str, blind: bool
) -> dict[str, Path]:
    """Stream the four outputs in rank order, each candidate rebuilt from the cache as it is written."""
    from kamscreen.report import Layout, ReportWriter

    labels: dict[str, str] = {}
    for entry in entries:
        for cid, label in entry.criteria:
            labels.setdefault(cid, label)
    verdicts = tuple(sorted({e.verdict or e.status for e in entries}))
    layout = Layout(
        labels,
        len(entries),
        verdicts,
        profile,
        scorer.model_name,
        blind,
        scorer.ranked_by,
        _decisions(out, scorer.profile.name),
    )
    with ReportWriter(out, layout) as writer:
        for entry in entries:
            result = None if entry.file not in tasks else cache.load(tasks[entry.file].sha256, entry.file)
            writer.add(scorer.candidate(entry, result))
    return writer.paths


def _decisions(out: Path, vacancy: str) -> dict[str, dict]:
    """The review app's decisions in OUT (sha256 → decision), shown read-only in report.html."""
    import dataclasses

    from kamscreen.review.storage import StoreError, decisions_for_report

    try:
        return {sha: dataclasses.asdict(d) for sha, d in decisions_for_report(out, vacancy).items()}
    except StoreError:  # an unreadable review database must not stop a screen; the column stays empty
        return {}
