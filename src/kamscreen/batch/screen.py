"""``kamscreen screen``: a folder of CVs → cached extractions → scores and ranking → report files."""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kamscreen.batch.cache import Cache, renamed
from kamscreen.batch.codec import facts_from_dict
from kamscreen.batch.discover import display_name, find_cvs, sha256_file
from kamscreen.batch.pool import Work, run_tasks
from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.work import extract_file, pipeline_version
from kamscreen.report.model import Candidate

CACHE_NAME = "cache.sqlite"


@dataclass(frozen=True)
class Summary:
    """What a run did: ``processed`` files were read now, ``cached`` came from the cache."""

    total: int
    processed: int
    cached: int
    failed: dict[str, int] = field(default_factory=dict)  # error code → count
    needs_ocr: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def screen(root: Path, out: Path, *, profile: str = "kam-director", industry: str | None = None,
           as_of: dt.date | None = None, model: Path | None = None, blind: bool = False, jobs: int = 1,
           timeout: float | None = 60.0, allow_large: bool = False, scheduler: str | None = None,
           show_progress: bool | None = None, work: Work = extract_file) -> Summary:
    """Screen every CV under ``root`` and write ranking.csv/.xlsx, candidates.jsonl and report.html to ``out``.

    >>> screen(Path("data/samples"), Path("out"), jobs=1).processed   # doctest: +SKIP
    12
    """
    from kamscreen.report import write_reports

    started = time.monotonic()
    root, out = Path(root), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    scorer = _Scorer(profile, industry, model)  # fails fast on a bad profile or model
    as_of_text = as_of.isoformat() if as_of else None
    results: dict[str, FileResult] = {}
    todo: dict[str, list[Task]] = {}  # sha256 → tasks of equal content (read once)
    cached = 0
    with Cache(out / CACHE_NAME, pipeline_version(), as_of_text, allow_large) as cache:
        tasks = _tasks(root, out, as_of_text, allow_large, results)
        for task in tasks:
            hit = cache.get(task.sha256, task.file)
            if hit is not None:
                results[task.file] = hit
                cached += 1
            else:
                todo.setdefault(task.sha256, []).append(task)
        processed = sum(len(group) for group in todo.values())
        with _Progress(processed, show_progress) as advance:
            def on_result(result: FileResult) -> None:
                cache.put(result)
                for twin in todo[result.sha256]:
                    results[twin.file] = renamed(result, twin.file)
                    advance()

            first = [group[0] for group in todo.values()]
            if scheduler:
                from kamscreen.batch.distributed import run_on_cluster

                run_on_cluster(first, on_result, scheduler=scheduler, work=work)
            else:
                run_tasks(first, on_result, jobs=jobs, timeout=timeout, work=work)
    ordered = [results.pop(name) for name in sorted(results)]
    candidates = scorer.candidates(ordered)
    del ordered  # the candidates hold all the reports need; free the raw results before rendering
    outputs = write_reports(candidates, out, blind=blind, profile=profile, model=scorer.model_name)
    failed = Counter((c.error or {}).get("code", "error") for c in candidates if c.status not in ("ok", "needs_ocr"))
    return Summary(
        total=len(candidates), processed=processed, cached=cached, failed=dict(sorted(failed.items())),
        needs_ocr=sum(c.status == "needs_ocr" for c in candidates),
        outputs={k: str(v) for k, v in outputs.items()}, seconds=time.monotonic() - started,
    )


def _tasks(root: Path, out: Path, as_of: str | None, allow_large: bool,
           results: dict[str, FileResult]) -> list[Task]:
    tasks = []
    out = out.resolve()
    for path in find_cvs(root):
        if out in path.resolve().parents:  # OUT inside the screened folder: not a CV
            continue
        name = display_name(path, root)
        try:
            digest = sha256_file(path)
        except OSError as exc:  # unreadable: an error row, not a crash
            task = Task(str(path), name, "", as_of, allow_large)
            results[name] = FileResult.failure(task, "corrupt", f"{name}: cannot read the file ({exc.strerror})")
            continue
        tasks.append(Task(str(path.resolve()), name, digest, as_of, allow_large))
    return tasks


class _Scorer:
    """Checklist scores per profile, then one ranking (by the fit model when there is one)."""

    def __init__(self, profile: str, industry: str | None, model: Path | None) -> None:
        from kamscreen.score import load_model, load_profile

        self.profile = load_profile(profile)  # loaded once: score() would re-read the YAML per file
        self.industry = industry
        self.model = load_model(model) if model is not None else None
        self.model_name = (getattr(self.model, "name", None) or str(model)) if model is not None else None

    def candidates(self, results: list[FileResult]) -> list[Candidate]:
        from kamscreen.score import rank, score

        assessments, errors = [], {}
        for r in results:
            if r.status != "ok" or not r.facts:
                continue
            try:
                assessments.append(score(facts_from_dict(r.facts), profile=self.profile, industry=self.industry))
            except Exception as exc:  # noqa: BLE001 - one file's scoring bug is that file's error row
                errors[r.file] = {"code": "internal_error", "message": f"{r.file}: scoring failed: {type(exc).__name__}: {exc}"}
        ranked = {a.facts.file: a for a in rank(assessments, model=self.model)}
        candidates = []
        for r in results:
            assessment = ranked.get(r.file)
            candidates.append(Candidate(
                file=r.file, sha256=r.sha256, status="error" if r.file in errors else r.status,
                error=errors.get(r.file, r.error), text=(r.parsed or {}).get("text", ""),
                assessment=assessment.to_dict() if assessment is not None else None,
            ))
        return sorted(candidates, key=lambda c: (c.rank is None, c.rank or 0, c.file))


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
