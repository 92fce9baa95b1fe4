"""Shared test fixtures: the generated fixture corpus, extracted once per session."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kamscreen.extract import extract
from kamscreen.parse import parse

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "fixtures"


@pytest.fixture(scope="session")
def fixture_facts():
    """(truth, ParsedCV, Facts) for every CV of data/fixtures, "present" from its truth."""
    truths = sorted((FIXTURES / "truth").glob("*.json"))
    if len(truths) < 40:
        pytest.fail(f"the fixture corpus has {len(truths)} CVs; run scripts/make_fixtures.py")
    triples = []
    for path in truths:
        truth = json.loads(path.read_text(encoding="utf-8"))
        as_of = dt.date.fromisoformat(truth["document_date"])
        parsed = parse(FIXTURES / truth["file"], as_of=as_of)
        triples.append((truth, parsed, extract(parsed, as_of=as_of)))
    return triples
