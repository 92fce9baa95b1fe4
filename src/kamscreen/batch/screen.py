"""``kamscreen screen``: a folder of CVs → cached extractions → scores and ranking → report files."""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kamscreen.batch import manifest
from kamscreen.batch.cache import Cache
from kamscreen.batch.discover import display_name, find_cvs, sha256_file
from kamscreen.batch.output import results_by_name, write_outputs
from kamscreen.batch.pool import Work, run_tasks
from kamscreen.batch.record import RETRY_CODES, FileResult, Task
from kamscreen.batch.scoring import Scorer
from kamscreen.batch.work import extract_file, pipeline_version

CACHE_NAME = "cache.sqlite"


@dataclass(frozen=True)
class Summary:
    """What a run did: ``processed`` files were read now, ``cached`` came from the cache.

    ``up_to_date``: nothing changed since the last finished run (files, options, code), so the
    outputs were kept as they are and nothing was scored or written.
    """

    total: int
    processed: int
    cached: int
    failed: dict[str, int] = field(default_factory=dict)  # error code → count
    needs_ocr: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    up_to_date: bool = False


def screen(root: Path, out: Path, *, profile: str = "kam-director", industry: str | None = None,
           as_of: dt.date | None = None, model: Path | None = None, blind: bool = False, jobs: int = 1,
           timeout: float | None = 60.0, allow_large: bool = False, scheduler: str | None = None,
           show_progress: bool | None = None, work: Work = extract_file, ocr: bool = True) -> Summary:
    """Screen every CV under ``root`` and write ranking.csv/.xlsx, candidates.jsonl and report.html to ``out``.

    Memory stays flat with the folder size: only a small ranking entry per file is held; the
    outputs are streamed in rank order, each file's record read back from the cache.

    >>> screen(Path("data/samples"), Path("out"), jobs=1).processed   # doctest: +SKIP
    12
    """
    from kamscreen.report import OUTPUT_NAMES

    started = time.monotonic()
    root, out = Path(root), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    scorer = Scorer(profile, industry, model)  # fails fast on a bad profile or model
    as_of_text = as_of.isoformat() if as_of else None
    unreadable: dict[str, FileResult] = {}
    pipeline = pipeline_version() + ("" if ocr else "+no-ocr")  # results without OCR are cached apart
    with Cache(out / CACHE_NAME, pipeline, as_of_text, allow_large) as cache:
        tasks = _tasks(root, out, as_of_text, allow_large, unreadable, cache, ocr)
        inputs = manifest.inputs_digest(
            [(t.file, t.sha256) for t in tasks] + [(name, "unreadable") for name in unreadable],
            {**manifest.settings(scorer, industry, as_of_text, model, blind, allow_large), "ocr": ocr})
        previous = manifest.up_to_date(out, inputs)
        if previous is not None:
            return Summary(
                total=previous.get("total", len(tasks)), processed=0, cached=len(tasks),
                failed=previous.get("failed", {}), needs_ocr=previous.get("needs_ocr", 0), up_to_date=True, seconds=time.monotonic() - started,
                outputs={kind: str(out / name) for kind, name in OUTPUT_NAMES.items()})
        manifest.forget(out)
        todo: dict[str, list[Task]] = {}  # sha256 → tasks of equal content (read once)
        for task in tasks:
            if not cache.has(task.sha256):
                todo.setdefault(task.sha256, []).append(task)
        processed = sum(len(group) for group in todo.values())
        with _Progress(processed, show_progress) as advance:
            def on_result(result: FileResult) -> None:
                cache.put(result)
                for _ in todo[result.sha256]:
                    advance()

            first = [group[0] for group in todo.values()]
            if scheduler:
                from kamscreen.batch.distributed import run_on_cluster

                run_on_cluster(first, on_result, scheduler=scheduler, work=work)
            else:
                run_tasks(first, on_result, jobs=jobs, timeout=timeout, work=work)
        by_name = {t.file: t for t in tasks}
        entries = scorer.entries(results_by_name(cache, by_name, unreadable))
        outputs = write_outputs(entries, out, scorer, cache, by_name, profile=profile, blind=blind)
    failed = Counter((e.error or {}).get("code", "error") for e in entries if e.status not in ("ok", "needs_ocr"))
    summary = Summary(
        total=len(entries), processed=processed, cached=len(tasks) - processed, failed=dict(sorted(failed.items())),
        needs_ocr=sum(e.status == "needs_ocr" for e in entries),
        outputs={k: str(v) for k, v in outputs.items()}, seconds=time.monotonic() - started,
    )
    retry = sum(e.status == "error" and (e.error or {}).get("code") in RETRY_CODES for e in entries)
    manifest.write(out, inputs, outputs, {"total": summary.total, "failed": summary.failed,
                                          "needs_ocr": summary.needs_ocr, "retry": retry})
    return summary


def _tasks(root: Path, out: Path, as_of: str | None, allow_large: bool,
           unreadable: dict[str, FileResult], cache: Cache, ocr: bool = True) -> list[Task]:
    """One task per readable CV (content hashed, or taken from the cache's hash memo); unreadable → error rows."""
    tasks = []
    out = out.resolve()
    for path in find_cvs(root):
        if out in path.resolve().parents:  # OUT inside the screened folder: not a CV
            continue
        name = display_name(path, root)
        try:
            digest = cache.file_sha256(path, sha256_file)
        except OSError as exc:  # unreadable: an error row, not a crash
            task = Task(str(path), name, "", as_of, allow_large)
            unreadable[name] = FileResult.failure(task, "corrupt", f"{name}: cannot read the file ({exc.strerror})")
            continue
        tasks.append(Task(str(path.resolve()), name, digest, as_of, allow_large, ocr))
    cache.commit()
    return tasks


class _Progress:
    """A rich progress bar (count, rate, ETA) on a terminal; silent otherwise. Yields ``advance()``."""

    def __init__(self, total: int, show: bool | None) -> None:
        self.total = total
        self.show = sys.stdout.isatty() if show is None else show
        self.bar = None

    def __enter__(self):
        if not self.show or not self.total:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("screening"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
        self.bar.start()
        task = self.bar.add_task("screen", total=self.total, rate="")
        started = time.monotonic()

        def advance() -> None:
            done = self.bar.tasks[0].completed + 1
            rate = done / max(time.monotonic() - started, 1e-9)
            self.bar.update(task, advance=1, rate=f"{rate:.1f} CV/s")

        return advance

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
