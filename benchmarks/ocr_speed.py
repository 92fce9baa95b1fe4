"""OCR speed: seconds per page read by Tesseract, and what a mixed folder spends on OCR.

Usage: python benchmarks/ocr_speed.py [FOLDER] [--scans N] [--photos N]

Without FOLDER it builds a mixed folder in a temporary directory (seeded): every text PDF of
data/fixtures/cvs, plus N of them as 300-dpi scans (noise, up to ±3°, JPEG 70; a PDF without a text
layer) and N as phone photos (JPEG), made as the OCR tests make them (tests/scans.py). Every file is
parsed once with OCR and once with ``ocr=False``; the figures are CPU time of this process (robust
when other jobs share the machine) and wall-clock time:

- OCR seconds per page (the OCR'd files' time over the pages Tesseract read);
- the share of the folder's files and pages that went through OCR;
- the text PDFs' time with OCR on and off (equal: they never load the OCR stack, which a fresh
  process confirms).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the scan maker the OCR tests use

from kamscreen.parse import parse  # noqa: E402
from kamscreen.parse.ocr import unavailable  # noqa: E402
from scans import photo, render, scan, scanned_pdf  # noqa: E402

FIXTURE_CVS = ROOT / "data" / "fixtures" / "cvs"


def make_folder(dest: Path, scans: int, photos: int, seed: int = 12) -> None:
    """Text PDFs of the fixtures, ``scans`` of them scanned, ``photos`` of them photographed (first page)."""
    rng = random.Random(seed)
    pdfs = sorted(FIXTURE_CVS.glob("*.pdf"))
    for pdf in pdfs:
        (dest / pdf.name).write_bytes(pdf.read_bytes())
    for pdf in rng.sample(pdfs, min(scans, len(pdfs))):
        (dest / f"scan_{pdf.name}").write_bytes(scanned_pdf([scan(page, rng) for page in render(pdf)]))
    for pdf in rng.sample(pdfs, min(photos, len(pdfs))):
        (dest / f"photo_{pdf.stem}.jpg").write_bytes(photo(render(pdf)[0], rng))


def timed(path: Path, ocr: bool):
    cpu, wall = time.process_time(), time.perf_counter()
    cv = parse(path, ocr=ocr, timeout=None)
    return cv, time.process_time() - cpu, time.perf_counter() - wall


def text_pdfs_skip_ocr(paths: list[Path]) -> bool:
    """Parse the text PDFs in a fresh process: is the OCR stack still unloaded afterwards?"""
    code = (
        "import sys; from kamscreen.parse import parse\n"
        "for p in sys.argv[1:]: parse(p)\n"
        "print('tesserocr' in sys.modules or 'kamscreen.parse.ocr' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout.strip() == "False"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="a folder of CVs (default: a mixed folder made here)")
    parser.add_argument("--scans", type=int, default=8, help="fixture PDFs to scan into the made folder")
    parser.add_argument("--photos", type=int, default=4, help="fixture PDFs to photograph into the made folder")
    args = parser.parse_args()
    if unavailable():
        sys.exit(f"no OCR here: {unavailable()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp)
        if args.folder is None:
            make_folder(folder, args.scans, args.photos)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        parse(files[0])  # load the parsers once, outside the timings
        rows = []
        for path in files:
            cv, cpu, wall = timed(path, ocr=True)
            _, cpu_off, wall_off = timed(path, ocr=False)
            rows.append((path, cv, cpu, wall, cpu_off, wall_off))
        ocr_rows = [r for r in rows if r[1].ocr]
        text_rows = [r for r in rows if not r[1].ocr]
        ocr_pages = sum(len(r[1].ocr_pages) for r in ocr_rows)
        pages = sum(max(r[1].pages, len(r[1].ocr_pages)) for r in rows)
        print(f"{len(files)} files, {pages} pages in {folder if args.folder else 'a made mixed folder'}")
        print(
            f"through OCR: {len(ocr_rows)} files ({len(ocr_rows) / len(files):.0%}), "
            f"{ocr_pages} pages ({ocr_pages / max(pages, 1):.0%})"
        )
        if ocr_pages:
            cpu = sum(r[2] - r[4] for r in ocr_rows) / ocr_pages  # the OCR'd files less what they cost unread
            wall = sum(r[3] - r[5] for r in ocr_rows) / ocr_pages
            print(
                f"OCR per page: {cpu:.2f} s CPU, {wall:.2f} s wall; on 2 cores (2 workers) "
                f"about {2 * 60 / cpu:.0f} pages a minute"
            )
            confidences = [p.confidence for r in ocr_rows for p in r[1].ocr_pages]
            print(
                f"mean word confidence per page: min {min(confidences):.0f}, "
                f"mean {sum(confidences) / len(confidences):.1f}"
            )
        if text_rows:
            on, off = sum(r[2] for r in text_rows), sum(r[4] for r in text_rows)
            print(
                f"{len(text_rows)} files without OCR: {1000 * on / len(text_rows):.1f} ms CPU each with OCR on, "
                f"{1000 * off / len(text_rows):.1f} ms with --no-ocr"
            )
            text_pdfs = [r[0] for r in text_rows if r[0].suffix.lower() == ".pdf"]
            if text_pdfs:
                print(f"OCR stack left unloaded by the text PDFs: {text_pdfs_skip_ocr(text_pdfs)}")


if __name__ == "__main__":
    main()
