"""Lexicon files: every one has a schema and follows it; a broken copy fails naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamscreen import lexicons
from kamscreen.lexicons import LexiconError, read
from kamscreen.lexicons.files import names, schema_of
from kamscreen.resources import lexicon_path

LEXICONS = Path(__file__).resolve().parents[1] / "lexicons"
FILES = sorted(p.name for p in LEXICONS.glob("*.yaml"))


def test_every_lexicon_file_has_a_schema():
    assert FILES and sorted(names()) == FILES


@pytest.mark.parametrize("name", FILES)
def test_every_lexicon_file_follows_its_schema(name):
    assert read(lexicon_path(name), schema_of(name))


def _broken(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of lexicon ``name`` with the first ``old`` replaced by ``new``, and that line's number."""
    text = lexicon_path(name).read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


def test_a_misspelt_key_is_an_error_naming_file_and_line(tmp_path):
    path, line = _broken(tmp_path, "kpis.yaml", "excludes:", "exlude:")
    with pytest.raises(LexiconError, match=rf"^kpis\.yaml:{line}: unknown key 'exlude'"):
        read(path, schema_of("kpis.yaml"))


def test_a_key_of_another_level_is_unknown(tmp_path):
    path, line = _broken(tmp_path, "titles.yaml", "employer_placeholders:", "placeholders:")
    with pytest.raises(LexiconError, match=rf"^titles\.yaml:{line}: unknown key 'placeholders'"):
        read(path, schema_of("titles.yaml"))


def test_a_bare_yaml_boolean_in_a_word_list_is_a_wrong_type(tmp_path):
    path, line = _broken(tmp_path, "team.yaml", '  - "on"', "  - on")
    with pytest.raises(LexiconError, match=rf"^team\.yaml:{line}: expected str, found bool 'on'"):
        read(path, schema_of("team.yaml"))


def test_a_number_where_words_are_expected_is_a_wrong_type(tmp_path):
    path, line = _broken(tmp_path, "signals.yaml", "  min: 50", "  min: [50]")
    with pytest.raises(LexiconError, match=rf"^signals\.yaml:{line}: expected int, found list"):
        read(path, schema_of("signals.yaml"))


def test_a_key_written_twice_is_an_error(tmp_path):
    text = "ru: [настоящее время]\nen: [present]\nru: [сейчас]\n"
    path = tmp_path / "present.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^present\.yaml:3: key 'ru' is written twice"):
        read(path, schema_of("present.yaml"))


def test_an_entry_listed_twice_is_an_error(tmp_path):
    path = tmp_path / "present.yaml"
    path.write_text("ru: [сейчас]\nen:\n  - present\n  - now\n  - Present\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^present\.yaml:5: 'Present' is listed twice"):
        read(path, schema_of("present.yaml"))


def test_a_missing_key_and_an_unknown_name_are_errors(tmp_path):
    path = tmp_path / "present.yaml"
    path.write_text("ru: [сейчас]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^present\.yaml:1: missing key\(s\): en"):
        read(path, schema_of("present.yaml"))
    path, line = _broken(tmp_path, "companies.yaml", "\nretail:", "\nretial:")
    with pytest.raises(LexiconError, match=rf"^companies\.yaml:{line + 1}: unknown name 'retial'"):
        read(path, schema_of("companies.yaml"))


def test_invalid_yaml_is_an_error_naming_file_and_line(tmp_path):
    path = tmp_path / "present.yaml"
    path.write_text("ru: [сейчас]\nen: [present\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"^present\.yaml:\d+: not valid YAML"):
        read(path, schema_of("present.yaml"))


def test_a_file_without_a_schema_is_refused():
    with pytest.raises(LexiconError, match="no schema"):
        schema_of("colours.yaml")


def _strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def test_month_names_are_written_in_one_lexicon():
    months = {
        "январь",
        "января",
        "сентябрь",
        "сентября",
        "декабрь",
        "декабря",
        "january",
        "september",
        "december",
        "february",
        "октябрь",
        "october",
        "ноябрь",
        "november",
    }
    for name in FILES:
        if name in ("months.yaml", "companies.yaml"):  # a company may be named so: "Красный Октябрь"
            continue
        found = {w for s in _strings(lexicons.load(name)) for w in re.findall(r"\w+", s.lower())} & months
        assert not found, f"{name} names months {sorted(found)}: take them from kamscreen.months"
