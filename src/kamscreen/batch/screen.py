"""``kamscreen screen``: a folder of CVs → cached extractions → scores and ranking → report files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kamscreen.batch import manifest, outdir
from kamscreen.batch.cache import Cache, CacheDamaged, open_cache, set_aside
from kamscreen.batch.discover import Found, Skipped, printable, scan, sha256_file
from kamscreen.batch.output import results_by_name, write_outputs
from kamscreen.batch.pool import Work, run_tasks
from kamscreen.batch.record import RETRY_CODES, FileResult, Task
from kamscreen.batch.scoring import Scorer, ranked
from kamscreen.batch.work import extract_file, pipeline_version

if TYPE_CHECKING:
    from rich.progress import Progress

CACHE_NAME = "cache.sqlite"
LOG_NAME = "errors.log"  # tracebacks of internal errors (kamscreen bugs), beside the cache


@dataclass(frozen=True)
class Summary:
    """What a run did: ``processed`` files were read now, ``cached`` came from the cache; ``total``
    files make ``candidates`` rows (a candidate's duplicates share one row).

    ``up_to_date``: nothing changed since the last finished run (files, options, code), so the
    outputs were kept as they are and nothing was scored or written. ``skipped``: entries of the
    folder that are not CVs, with the reason; ``warnings``: what the run repaired on its way.
    """

    total: int
    processed: int
    cached: int
    candidates: int = 0
    failed: dict[str, int] = field(default_factory=dict)  # error code → count
    needs_ocr: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    up_to_date: bool = False
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    cache: str = ""
    log: str = ""  # where the tracebacks of this run's internal errors are, if it had any
    ranked_by: str = ""  # what ordered the list: "checklist score" or the model and its training


def screen(
    root: Path,
    out: Path,
    *,
    profile: str = "kam-director",
    industry: str | None = None,
    as_of: dt.date | None = None,
    model: Path | None = None,
    blind: bool = False,
    jobs: int = 1,
    timeout: float | None = 60.0,
    allow_large: bool = False,
    scheduler: str | None = None,
    show_progress: bool | None = None,
    work: Work = extract_file,
    cache: Path | None = None,
    follow_links: bool = False,
    ocr: bool = True,
) -> Summary:
    """Screen every CV under ``root`` and write ranking.csv/.xlsx, candidates.jsonl and report.html to ``out``.

    Memory stays flat with the folder size: only a small ranking entry per file is held; the
    outputs are streamed in rank order, each file's record read back from the cache.

    The cache (CV text and facts) is ``out/cache.sqlite``, or ``cache`` when given; a ``blind`` run
    keeps it out of ``out`` (``outdir.private_cache_dir``), so blind outputs hold no personal data.
    One run at a time per ``out`` (``outdir.OutputError`` names the holder).

    >>> screen(Path("data/samples"), Path("out"), jobs=1).processed   # doctest: +SKIP
    12
    """
    started = time.monotonic()
    root, out = Path(root), Path(out)
    scorer = Scorer(profile, industry, model)  # fails fast on a bad profile, industry or model
    outdir.prepare(out, root)
    cache_path = Path(cache) if cache is not None else (outdir.private_cache_dir(out) if blind else out) / CACHE_NAME
    parents = cache_path.resolve().parents
    if root.is_dir() and root.resolve() in parents and out.resolve() not in parents:
        raise outdir.OutputError(
            f"{printable(str(cache_path))}: --cache is inside the screened folder; "
            "keep it outside (it would be read as a CV, or a CV moved aside as a damaged cache)"
        )
    with outdir.Lock(out):
        outdir.remove_stale_temps(out)
        warnings: list[str] = []
        if blind and cache is None:  # an earlier open run's cache must not stay among blind outputs
            moved = outdir.move_out_private(
                out, cache_path, (CACHE_NAME, f"{CACHE_NAME}-wal", f"{CACHE_NAME}-shm", LOG_NAME)
            )
            warnings += [moved] if moved else []
        found, skipped = scan(root, exclude=out, follow_links=follow_links)
        run = _Run(
            found,
            out,
            scorer,
            as_of.isoformat() if as_of else None,
            allow_large,
            blind,
            profile,
            cache_path.with_name(LOG_NAME),
            ocr,
        )
        for attempt in (1, 2):
            pipeline = pipeline_version() + ("" if ocr else "+no-ocr")  # results without OCR are cached apart
            store, warning = open_cache(cache_path, pipeline, run.as_of, allow_large)
            warnings += [warning] if warning else []
            try:
                with store:
                    summary = run(
                        store, jobs=jobs, timeout=timeout, scheduler=scheduler, work=work, show_progress=show_progress
                    )
                break
            except CacheDamaged as exc:
                if attempt == 2:
                    raise
                warnings.append(set_aside(cache_path, exc))
    return dataclasses.replace(
        summary,
        skipped=tuple(skipped),
        warnings=tuple(warnings),
        cache=str(cache_path),
        log=str(run.log) if summary.failed.get("internal_error") else "",
        seconds=time.monotonic() - started,
    )


@dataclass
class _Run:
    """One pass over the found files with an open cache (repeated once if the cache proves damaged)."""

    found: list[Found]
    out: Path
    scorer: Scorer
    as_of: str | None
    allow_large: bool
    blind: bool
    profile: str
    log: Path
    ocr: bool = True

    def __call__(
        self,
        cache: Cache,
        *,
        jobs: int,
        timeout: float | None,
        scheduler: str | None,
        work: Work,
        show_progress: bool | None,
    ) -> Summary:
        from kamscreen.report import OUTPUT_NAMES

        out = self.out
        unreadable: dict[str, FileResult] = {}
        tasks = self.tasks(cache, unreadable)
        inputs = manifest.inputs_digest(
            [(t.file, t.sha256) for t in tasks] + [(name, "unreadable") for name in unreadable],
            {
                **manifest.settings(
                    self.scorer, self.scorer.industry, self.as_of, self.scorer.model_path, self.blind, self.allow_large
                ),
                "ocr": self.ocr,
            },
        )
        previous = manifest.up_to_date(out, inputs)
        if previous is not None:
            return Summary(
                total=previous.get("total", len(tasks)),
                processed=0,
                cached=len(tasks),
                candidates=previous.get("candidates", previous.get("total", len(tasks))),
                failed=previous.get("failed", {}),
                needs_ocr=previous.get("needs_ocr", 0),
                up_to_date=True,
                ranked_by=previous.get("ranked_by", self.scorer.ranked_by),
                outputs={kind: str(out / name) for kind, name in OUTPUT_NAMES.items()},
            )
        manifest.forget(out)
        todo: dict[str, list[Task]] = {}  # sha256 → tasks of equal content (read once)
        for task in tasks:
            if not cache.has(task.sha256):
                todo.setdefault(task.sha256, []).append(task)
        processed = sum(len(group) for group in todo.values())
        with _Progress(processed, show_progress) as advance:

            def on_result(result: FileResult) -> None:
                result = self.logged(result)
                cache.put(result)
                for _ in todo[result.sha256]:
                    advance()

            first = [group[0] for group in todo.values()]
            if scheduler:
                from kamscreen.batch.distributed import run_on_cluster

                run_on_cluster(first, on_result, scheduler=scheduler, timeout=timeout, work=work)
            else:
                run_tasks(first, on_result, jobs=jobs, timeout=timeout, work=work)
        by_name = {t.file: t for t in tasks}
        files = self.scorer.entries(results_by_name(cache, by_name, unreadable))
        entries = ranked(files)
        outputs = write_outputs(entries, out, self.scorer, cache, by_name, profile=self.profile, blind=self.blind)
        failed = Counter((e.error or {}).get("code", "error") for e in files if e.status not in ("ok", "needs_ocr"))
        summary = Summary(
            total=len(files),
            processed=processed,
            cached=len(tasks) - processed,
            failed=dict(sorted(failed.items())),
            needs_ocr=sum(e.status == "needs_ocr" for e in files),
            outputs={k: str(v) for k, v in outputs.items()},
            ranked_by=self.scorer.ranked_by,
            candidates=len(entries),
        )
        retry = sum(e.status == "error" and (e.error or {}).get("code") in RETRY_CODES for e in files)
        manifest.write(
            out,
            inputs,
            outputs,
            {
                "total": summary.total,
                "candidates": summary.candidates,
                "failed": summary.failed,
                "needs_ocr": summary.needs_ocr,
                "retry": retry,
                **manifest.described(
                    self.scorer, self.scorer.industry, self.as_of, self.scorer.model_path, self.blind, self.allow_large
                ),
            },
        )
        return summary

    def logged(self, result: FileResult) -> FileResult:
        """Move an internal error's traceback from the result to the log beside the cache."""
        error = result.error
        if not error or "traceback" not in error:
            return result
        with open(self.log, "a", encoding="utf-8", errors="replace") as handle:
            handle.write(
                f"{dt.datetime.now().astimezone().replace(microsecond=0).isoformat()} {result.file}: "
                f"{error.get('message')}\n{error['traceback'].rstrip()}\n\n"
            )
        error = {k: v for k, v in error.items() if k != "traceback"}
        parsed, facts = ({**part, "error": error} if part else part for part in (result.parsed, result.facts))
        return dataclasses.replace(result, error=error, parsed=parsed, facts=facts)

    def tasks(self, cache: Cache, unreadable: dict[str, FileResult]) -> list[Task]:
        """One task per readable CV (content hashed, or taken from the cache's hash memo); unreadable → error rows."""
        tasks = []
        for item in self.found:
            try:
                digest = cache.file_sha256(item.path, sha256_file)
            except OSError as exc:  # unreadable (permissions, removed meanwhile): an error row, not a crash
                task = Task(str(item.path), item.name, "", self.as_of, self.allow_large)
                unreadable[item.name] = FileResult.failure(
                    task, "unreadable", f"{item.name}: cannot read the file ({outdir.reason(exc)})"
                )
                continue
            tasks.append(Task(str(item.path), item.name, digest, self.as_of, self.allow_large, cache.salt, self.ocr))
        cache.commit()
        return tasks


class _Progress:
    """A rich progress bar (count, rate, ETA) on a terminal; silent otherwise. Yields ``advance()``."""

    def __init__(self, total: int, show: bool | None) -> None:
        self.total = total
        self.show = sys.stdout.isatty() if show is None else show
        self.bar: Progress | None = None

    def __enter__(self):
        if not self.show or not self.total:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = self.bar = Progress(
            TextColumn("screening"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
        )
        bar.start()
        task = bar.add_task("screen", total=self.total, rate="")
        started = time.monotonic()

        def advance() -> None:
            done = bar.tasks[0].completed + 1
            rate = done / max(time.monotonic() - started, 1e-9)
            bar.update(task, advance=1, rate=f"{rate:.1f} CV/s")

        return advance

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
