"""PDF parsing speed: kamscreen's fast path (pypdfium2 + layout) against pdfplumber's extract_text.

Usage: python benchmarks/parse_speed.py [FOLDER] [--limit N] [--repeat N] [--stages] [--no-plumber]

FOLDER defaults to the real livecareer PDFs (../shared/real-cvs/en-livecareer) when present, else
data/fixtures. Prints ms per file and per page for both, and the totals, as CPU time of this process
(robust when other jobs share the machine) and as wall-clock time; each figure is the best of
``--repeat`` passes over all files. ``--stages`` splits the fast path's CPU time per page into
pdfium's own work (loading the page and its text page), fetching the glyphs (``pdf._page_glyphs``
after the text page: chars and their boxes), the layout (rows, columns, reading order), and the
rest of ``parse()`` (clean-up, sections, language, dates).
"""

from __future__ import annotations

import argparse
import io
import time
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pdfplumber
import pypdfium2 as pdfium

from kamscreen.parse import parse
from kamscreen.parse import pdf as pdf_module
from kamscreen.parse.layout import layout_page, lines_to_text
from kamscreen.parse.parser import DEFAULT_MAX_PAGES
from kamscreen.parse.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real-cvs" / "en-livecareer"
T = TypeVar("T")


def _plumber(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


class _TextPageOnce:
    """A page whose first ``get_textpage()`` was already timed: hands out that text page."""

    def __init__(self, page, textpage) -> None:
        self._page, self._textpage = page, textpage

    def get_textpage(self):
        return self._textpage

    def get_height(self) -> float:
        return self._page.get_height()


def _stages(blobs: list[tuple[Path, bytes]], cpu: Counter) -> None:
    """Add the CPU seconds of each stage of the fast path over all files to ``cpu``."""
    for path, data in blobs:
        clock = time.process_time()
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            continue
        try:
            if len(doc) > DEFAULT_MAX_PAGES:
                continue  # parse() refuses it after counting the pages
            for index in range(len(doc)):
                page = doc[index]
                textpage = page.get_textpage()
                now = time.process_time()
                cpu["pdfium: page + text page"] += now - clock
                clock = now
                try:
                    glyphs, exact = pdf_module._page_glyphs(_TextPageOnce(page, textpage), path.name)
                except Exception:  # noqa: BLE001 - hostile fixtures are timed too
                    glyphs, exact = [], True
                now = time.process_time()
                cpu["glyphs: chars + boxes"] += now - clock
                clock = now
                lines_to_text(layout_page(glyphs, exact).lines)
                now = time.process_time()
                cpu["layout: rows + columns"] += now - clock
                page.close()
                clock = time.process_time()
        finally:
            doc.close()
        clock = time.process_time()
        parse(path)  # the rest of parse() is its whole time less the engine's stages
        cpu["_whole"] += time.process_time() - clock


def _timed(work: Callable[[], T], cpu: dict[str, float], wall: dict[str, float], name: str) -> T | None:
    """``work()``, its CPU and wall time added to ``cpu[name]`` and ``wall[name]``."""
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    try:
        return work()
    except Exception:  # noqa: BLE001 - hostile fixtures are timed too
        return None
    finally:
        cpu[name] += time.process_time() - start_cpu
        wall[name] += time.perf_counter() - start_wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REAL if REAL.is_dir() else ROOT / "data" / "fixtures")
    parser.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the files; the best one counts")
    parser.add_argument("--stages", action="store_true", help="split the fast path's CPU time into stages")
    parser.add_argument("--no-plumber", action="store_true", help="skip pdfplumber (slow)")
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    blobs = [(path, path.read_bytes()) for path in files]
    names = ["pdfium engine (fast path)", "parse() whole stage"]
    if not args.no_plumber:
        names.append("pdfplumber extract_text")
    best_cpu = dict.fromkeys(names, float("inf"))
    best_wall = dict.fromkeys(names, float("inf"))
    pages = 0

    for _ in range(max(args.repeat, 1)):
        cpu = dict.fromkeys(names, 0.0)
        wall = dict.fromkeys(names, 0.0)
        pages = 0
        for name in names:  # one engine at a time over all files: the caches of one do not help the other
            for path, data in blobs:
                if name == names[0]:
                    work = partial(read_pdf, data, path.name, max_pages=DEFAULT_MAX_PAGES)
                    read = _timed(work, cpu, wall, name)
                    pages += len(read.pages) if read else 0
                elif name == names[1]:
                    _timed(partial(parse, path), cpu, wall, name)
                else:
                    _timed(partial(_plumber, data), cpu, wall, name)
        for name in names:
            best_cpu[name] = min(best_cpu[name], cpu[name])
            best_wall[name] = min(best_wall[name], wall[name])
    n = max(len(blobs), 1)
    print(f"{len(blobs)} PDF files, {pages} pages, from {args.folder} (best of {max(args.repeat, 1)})")
    print(f"{'':28s} {'CPU ms/file':>12s} {'CPU ms/page':>12s} {'wall ms/file':>13s} {'total CPU s':>12s}")
    for name in names:
        print(
            f"{name:28s} {1000 * best_cpu[name] / n:12.1f} {1000 * best_cpu[name] / max(pages, 1):12.1f} "
            f"{1000 * best_wall[name] / n:13.1f} {best_cpu[name]:12.2f}"
        )
    if not args.no_plumber and best_cpu[names[0]]:
        print(f"fast path vs pdfplumber (CPU): {best_cpu[names[2]] / best_cpu[names[0]]:.1f}x faster")
    if args.stages:
        stages: Counter = Counter()
        _stages(blobs, stages)
        whole = stages.pop("_whole")
        engine = sum(stages.values())
        stages["rest of parse(): clean-up, sections, ..."] = max(whole - engine, 0.0)
        print("\nfast path by stage (one pass, CPU):")
        for name, seconds in stages.items():
            print(f"  {name:42s} {1000 * seconds / n:6.1f} ms/file {1000 * seconds / max(pages, 1):6.1f} ms/page")


if __name__ == "__main__":
    main()
