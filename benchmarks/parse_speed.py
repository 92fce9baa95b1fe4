"""PDF parsing speed: kamscreen's fast path (pypdfium2 + layout) against pdfplumber's extract_text.

Usage: python benchmarks/parse_speed.py [FOLDER] [--limit N]

FOLDER defaults to the real livecareer PDFs (../shared/real-cvs/en-livecareer) when present, else
data/fixtures. Prints ms per file and per page for both, and the totals, as CPU time of this process
(robust when other jobs share the machine) and as wall-clock time.
"""
from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

import pdfplumber

from kamscreen.parse import parse
from kamscreen.parse.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real-cvs" / "en-livecareer"


def _plumber(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REAL if REAL.is_dir() else ROOT / "data" / "fixtures")
    parser.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.pdf"))
    if args.limit:
        files = files[: args.limit]
    blobs = [(path, path.read_bytes()) for path in files]
    names = ("pdfium engine (fast path)", "parse() whole stage", "pdfplumber extract_text")
    cpu = dict.fromkeys(names, 0.0)
    wall = dict.fromkeys(names, 0.0)
    pages = 0

    def timed(name: str, work) -> object:
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        try:
            return work()
        except Exception:  # noqa: BLE001 - hostile fixtures are timed too
            return None
        finally:
            cpu[name] += time.process_time() - start_cpu
            wall[name] += time.perf_counter() - start_wall

    for path, data in blobs:
        read = timed(names[0], lambda: read_pdf(data, path.name))
        timed(names[1], lambda: parse(path))
        timed(names[2], lambda: _plumber(data))
        pages += len(read.pages) if read else 0
    n = max(len(blobs), 1)
    print(f"{len(blobs)} PDF files, {pages} pages, from {args.folder}")
    print(f"{'':28s} {'CPU ms/file':>12s} {'CPU ms/page':>12s} {'wall ms/file':>13s} {'total CPU s':>12s}")
    for name in names:
        print(f"{name:28s} {1000 * cpu[name] / n:12.1f} {1000 * cpu[name] / max(pages, 1):12.1f} "
              f"{1000 * wall[name] / n:13.1f} {cpu[name]:12.2f}")
    if cpu[names[0]]:
        print(f"fast path vs pdfplumber (CPU): {cpu[names[2]] / cpu[names[0]]:.1f}x faster")


if __name__ == "__main__":
    main()
