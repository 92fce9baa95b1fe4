"""Copy a representative mix of fixture CVs into data/samples (the README's main command reads it).

    python scripts/make_samples.py

Picks, by the persona recorded in data/fixtures/truth, KAM Directors, senior/middle/junior KAMs,
sales and account managers and one unrelated CV, in both languages and in as many layouts as
possible, plus one scanned PDF (needs OCR). Re-runnable: the folder is rebuilt each time.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "data" / "fixtures"
SAMPLES = ROOT / "data" / "samples"
WANTED = (  # (persona, language)
    ("kam_director", "ru"),
    ("kam_director", "en"),
    ("kam_director", "ru"),
    ("senior_kam", "ru"),
    ("senior_kam", "en"),
    ("kam", "ru"),
    ("kam", "en"),
    ("junior_kam", "en"),
    ("sales", "ru"),
    ("sales", "en"),
    ("account_manager", "ru"),
    ("other", "en"),
)
HOSTILE = ("scanned.pdf",)


def pick() -> list[Path]:
    truths = [
        json.loads(p.read_text(encoding="utf-8")) | {"_stem": p.stem}
        for p in sorted((FIXTURES / "truth").glob("*.json"))
    ]
    chosen: list[Path] = []
    layouts: set[str] = set()
    for persona, language in WANTED:
        matches = [t for t in truths if t.get("persona") == persona and t.get("language") == language]
        matches = [t for t in matches if not any(p.stem == t["_stem"] for p in chosen)]
        matches.sort(key=lambda t: (t.get("layout") in layouts, t["_stem"]))
        for truth in matches:
            found = sorted((FIXTURES / "cvs").glob(truth["_stem"] + ".*"))
            if found:
                chosen.append(found[0])
                layouts.add(truth.get("layout"))
                break
    return chosen + [FIXTURES / "hostile" / name for name in HOSTILE if (FIXTURES / "hostile" / name).is_file()]


def main() -> None:
    files = pick()
    if not files:
        sys.exit("no fixtures found: generate data/fixtures first")
    if SAMPLES.exists():
        shutil.rmtree(SAMPLES)
    SAMPLES.mkdir(parents=True)
    for path in files:
        shutil.copy2(path, SAMPLES / path.name)
    print(f"{len(files)} files → {SAMPLES.relative_to(ROOT)}: " + ", ".join(p.name for p in files))


if __name__ == "__main__":
    main()
