"""The fit model's features mean what the shipped model was trained on: the same numeric columns in
the same order, and the same job text (lemmas as pymorphy3 gives them, protected words removed)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pymorphy3
import pytest

from kamscreen.score import score
from kamscreen.score.features import NUMERIC_FEATURES, frame, job_text
from kamscreen.score.protected import lexicon

CARD = Path(__file__).resolve().parents[1] / "models" / "default" / "model_card.json"


@pytest.mark.skipif(not CARD.is_file(), reason="no shipped model card")
def test_numeric_columns_are_those_of_the_shipped_model():
    card = json.loads(CARD.read_text(encoding="utf-8"))
    assert list(NUMERIC_FEATURES) == card["features"]["numeric"]


@lru_cache(maxsize=1)
def _morph():
    return pymorphy3.MorphAnalyzer()


def _reference_text(a) -> str:
    """The job text as the model was trained on it, written out here: lower-case words of two letters
    or more, Cyrillic ones to pymorphy3's first normal form (ё as е), protected words dropped."""
    lex = lexicon()
    text = lex.strip_patterns("\n".join(j.description.text for j in a.facts.jobs if j.description))
    kept = []
    for word in (w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)):
        lemma = _morph().parse(word)[0].normal_form.replace("ё", "е") if re.search("[а-яё]", word) else word
        if word not in lex.words and lemma not in lex.words:
            kept.append(lemma)
    return " ".join(kept)


def test_the_feature_matrix_of_the_fixtures_is_unchanged(fixture_facts):
    assessments = [score(facts) for _, _, facts in fixture_facts]
    df = frame(assessments, ["key_account_years"])
    assert list(df["text"]) == [_reference_text(a) for a in assessments]
    assert sum(bool(t) for t in df["text"]) > 40  # the fixtures have job texts to compare
    for a, (_, row) in zip(assessments, df.iterrows(), strict=True):
        kinds = [s.kind for s in a.facts.signals]
        assert all(row[f"signal_{k}"] == kinds.count(k) for k in set(kinds))
        assert row["kpi_with_numbers"] == sum(1 for k in a.facts.kpis if k.value)
    assert job_text(assessments[0]) == df["text"][0]
