"""Throughput of `kamscreen screen --jobs 1` on replicated fixture PDFs, against pdfplumber alone.

    python benchmarks/throughput.py                 # 500 files
    python benchmarks/throughput.py --sizes 500,5000

For each size: a first run (CVs/s, peak RSS), an unchanged re-run (same process: the manifest says the
outputs are up to date), a re-score with another profile (facts from the cache, all four outputs
streamed again), and pdfplumber's
``extract_text`` alone on the same PDFs. Each measurement runs in a fresh process so peak RSS
(``resource.getrusage``) is its own. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"


def replicate(source: Path, count: int, dest: Path) -> Path:
    """``count`` distinct PDFs: fixture PDFs with a comment appended after %%EOF (valid, new sha256)."""
    pdfs = [p for p in sorted(source.glob("*.pdf")) if p.stat().st_size > 0]
    if not pdfs:
        sys.exit(f"no PDFs in {source}")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    blobs = [p.read_bytes() for p in pdfs]
    for i in range(count):
        (dest / f"cv_{i:05d}.pdf").write_bytes(blobs[i % len(blobs)] + f"\n% copy {i}\n".encode())
    return dest


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_screen(folder: Path, out: Path) -> dict:
    import datetime as dt

    from kamscreen.batch import screen

    started = time.perf_counter()
    summary = screen(folder, out, as_of=dt.date(2025, 9, 1), jobs=1, show_progress=False)
    first = {
        "seconds": time.perf_counter() - started,
        "processed": summary.processed,
        "cached": summary.cached,
        "failed": summary.failed,
        "rss_mb": peak_rss_mb(),
    }
    # The unchanged re-run goes in the same process: the pipeline version (a hash of the code) is
    # then certainly the same, even while the source tree is being edited. Imports are warm.
    started = time.perf_counter()
    again = screen(folder, out, as_of=dt.date(2025, 9, 1), jobs=1, show_progress=False)
    first["rerun_seconds"] = time.perf_counter() - started
    first["rerun_cached"] = again.cached
    first["rerun_up_to_date"] = again.up_to_date
    started = time.perf_counter()
    screen(folder, out, as_of=dt.date(2025, 9, 1), jobs=1, show_progress=False, profile="senior-kam")
    first["rescore_seconds"] = time.perf_counter() - started
    return first


def child_pdfplumber(folder: Path) -> dict:
    import pdfplumber

    started = time.perf_counter()
    chars = 0
    for path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            chars += sum(len(page.extract_text() or "") for page in pdf.pages)
    return {"seconds": time.perf_counter() - started, "chars": chars, "rss_mb": peak_rss_mb()}


def measure(*args: str) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500", help="comma-separated file counts, e.g. 500,5000")
    parser.add_argument("--source", type=Path, default=ROOT / "data" / "fixtures" / "cvs")
    parser.add_argument("--keep", action="store_true", help="keep benchmarks/_work afterwards")
    parser.add_argument(
        "--plumber-max", type=int, default=1000, help="time pdfplumber alone only for sizes up to this (it is slow)"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = child_screen(Path(rest[0]), Path(rest[1])) if kind == "screen" else child_pdfplumber(Path(rest[0]))
        print(json.dumps(result))
        return
    print(
        f"{'files':>6} {'first s':>8} {'CV/s':>7} {'RSS MB':>7} {'rerun s':>8} {'rescore s':>9} "
        f"{'pdfplumber s':>13} {'pdf CV/s':>9} {'RSS MB':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        folder = replicate(args.source, size, WORK / f"cvs_{size}")
        out = WORK / f"out_{size}"
        shutil.rmtree(out, ignore_errors=True)
        first = measure("screen", str(folder), str(out))
        plumber = measure("pdfplumber", str(folder)) if size <= args.plumber_max else None
        if first["rerun_cached"] != size:
            print(f"       warning: the re-run read {first['rerun_cached']} of {size} files from the cache")
        if not first["rerun_up_to_date"]:
            print("       warning: the unchanged re-run did not find its outputs up to date")
        reference = (
            f"{plumber['seconds']:>13.1f} {size / plumber['seconds']:>9.1f} {plumber['rss_mb']:>7.0f}"
            if plumber
            else f"{'-':>13} {'-':>9} {'-':>7}"
        )
        print(
            f"{size:>6} {first['seconds']:>8.1f} {size / first['seconds']:>7.1f} {first['rss_mb']:>7.0f} "
            f"{first['rerun_seconds']:>8.1f} {first['rescore_seconds']:>9.1f} {reference}",
            flush=True,
        )
        if first["failed"]:
            print(f"       failures in the first run: {first['failed']}")
    if not args.keep:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
