"""Role profiles: the shipped YAML loads; a broken one is refused with its file, line and problem."""

from __future__ import annotations

import re

import pytest

from kamscreen.score import ProfileError, available_profiles, load_profile

GOOD = """\
name: custom
label_en: Custom
label_ru: Свой профиль
criteria:
  - id: key_account_years
    label_en: KA years
    label_ru: Опыт KA
    fact: experience.key_account_years
    threshold: 4
    partly: 2
    weight: 2
    must_have: true
  - id: english
    label_en: English
    label_ru: Английский
    fact: languages.en
    threshold: B2
    weight: 1
"""


def write(tmp_path, text: str):
    path = tmp_path / "custom.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_profiles_load():
    assert {"kam-director", "senior-kam", "kam", "junior-kam"} <= set(available_profiles())
    for name in available_profiles():
        profile = load_profile(name)
        assert profile.name == name and profile.criteria
        assert all(c.weight > 0 and c.label_ru and c.label_en for c in profile.criteria)
    director = load_profile("kam-director")
    must = {c.id for c in director.criteria if c.must_have and c.requires is None}
    assert must == {"key_account_years", "team_size", "english_level", "portfolio_kpis"}


def test_a_custom_profile_by_path(tmp_path):
    profile = load_profile(write(tmp_path, GOOD))
    assert [c.id for c in profile.criteria] == ["key_account_years", "english"]
    assert profile.criteria[0].partly == 2 and profile.criteria[1].threshold == "B2"


@pytest.mark.parametrize(
    "old, new, line, problem",
    [
        ("    weight: 2\n", "    weight: 2\n    wieght: 3\n", 12, "unknown key 'wieght'"),
        ("    weight: 2\n", "    weight: -1\n", 11, "'weight' must be greater than 0"),
        ("    weight: 1\n", "    weight: 0\n", 18, "'weight' must be greater than 0"),
        ("    threshold: 4\n", "    threshold: four\n", 9, "'threshold' must be a number"),
        ("fact: experience.key_account_years", "fact: experience.shoe_size", 8, "unknown fact reader"),
        ("fact: languages.en", "fact: kpis.any[nps,happiness]", 16, "unknown kpis.any kind(s) happiness"),
        ("    threshold: B2\n", "    threshold: B3\n", 17, "language level must be one of"),
        ("    must_have: true\n", "    must_have: yes please\n", 12, "'must_have' must be true or false"),
        ("    partly: 2\n", "    partly: 6\n", 10, "must be a weaker bar"),
        ("  - id: english\n", "  - id: key_account_years\n", 13, "duplicate criterion id"),
        ("label_ru: Свой профиль\n", "label_ru: Свой профиль\ncolour: red\n", 4, "unknown key 'colour'"),
    ],
)
def test_errors_name_the_file_line_and_problem(tmp_path, old, new, line, problem):
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert f"line {line}:" in message, message
    assert problem in message, message


def test_invalid_yaml_and_unknown_names(tmp_path):
    with pytest.raises(ProfileError, match=r"custom\.yaml: line 3: invalid YAML"):
        load_profile(write(tmp_path, "name: x\ncriteria: [a, b\n  - id: {\n"))
    with pytest.raises(ProfileError, match=r"unknown profile 'kam-wizard'.*kam-director"):
        load_profile("kam-wizard")
    with pytest.raises(ProfileError, match=re.escape("lacks the required key 'criteria'")):
        load_profile(write(tmp_path, "name: x\nlabel_en: X\nlabel_ru: X\n"))


# --- hostile profiles: bounded before anything is built (issue 10, item 9) ---


def _refused(tmp_path, text: str, problem: str, line: int | None = None) -> str:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message, message
    assert len(message) < 400, message
    if line is not None:
        assert f"line {line}:" in message, message
    return message


def test_an_alias_bomb_in_a_validated_field_is_refused_without_expanding_it(tmp_path):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{n}: &{n} [{','.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    text = GOOD.replace("    weight: 1\n", "    weight: *i\n").replace("criteria:\n", bomb + "criteria:\n")
    assert len(text.encode()) < 2048
    _refused(tmp_path, text, "aliases expand to more than")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN"])
def test_non_finite_numbers_are_refused(tmp_path, value):
    _refused(tmp_path, GOOD.replace("    weight: 1\n", f"    weight: {value}\n"), "must be a finite number", 18)
    _refused(tmp_path, GOOD.replace("    threshold: 4\n", f"    threshold: {value}\n"), "finite", 9)
    _refused(tmp_path, GOOD.replace("criteria:\n", f"caps:\n  must_have_not_met: {value}\ncriteria:\n"), "finite")


def test_weights_and_caps_that_would_overflow_the_score_are_refused(tmp_path):
    _refused(tmp_path, GOOD.replace("    weight: 1\n", "    weight: 1.0e+308\n"), "between 0 and 1000", 18)
    _refused(tmp_path, GOOD.replace("criteria:\n", "caps:\n  must_have_no_data: 250\ncriteria:\n"), "between 0 and 100")


def test_a_huge_integer_deep_nesting_and_big_files_are_one_line_errors(tmp_path):
    _refused(tmp_path, GOOD.replace("    weight: 1\n", "    weight: " + "9" * 5001 + "\n"), "a number of 5,001", 18)
    _refused(tmp_path, GOOD + "note_x: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than")
    _refused(tmp_path, GOOD + "description: " + "x" * 300_000 + "\n", "larger than")


def test_a_key_given_twice_and_self_reference_are_refused(tmp_path):
    _refused(tmp_path, GOOD.replace("    weight: 1\n", "    weight: 1\n    weight: 5\n"), "given twice", 19)


def test_a_pipe_or_folder_as_profile_is_refused_without_reading(tmp_path):
    import os

    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError, match="not a profile file"):
        load_profile(fifo)
    (tmp_path / "d.yaml").mkdir()
    with pytest.raises(ProfileError, match="not a profile file"):
        load_profile(tmp_path / "d.yaml")


def test_unknown_names_suggest_the_nearest():
    from kamscreen.extract.model import INDUSTRIES
    from kamscreen.score.profiles import required_industry

    with pytest.raises(ProfileError, match="did you mean 'kam-director'"):
        load_profile("kam-directr")
    with pytest.raises(ProfileError, match=r"unknown industry 'fcmg' \(did you mean 'fmcg'\?\)"):
        required_industry("fcmg")
    assert required_industry(" FMCG ") == "fmcg" and required_industry(None) is None
    assert all(required_industry(name) == name for name in INDUSTRIES)  # whatever the taxonomy holds
