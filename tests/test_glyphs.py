"""Word spaces from glyph positions: the class thresholds, checked against the page's own setting."""

from __future__ import annotations

from kamscreen.parse.glyphs import rows_of

HEIGHT = 10.0
WIDTH = 5.0


def row(items: list[tuple[str, float]], top: float = 0.0) -> list[tuple]:
    """Glyphs of one line: each char with its tight gap to the glyph before (share of the height)."""
    glyphs, x = [], 0.0
    for char, gap in items:
        x += gap * HEIGHT
        glyphs.append((char, x, x + WIDTH, top, top + HEIGHT, False, x, x + WIDTH))
        x += WIDTH
    return glyphs


def word(text: str, gap: float = 0.0, first: float = 0.3) -> list[tuple[str, float]]:
    """``text`` set with ``gap`` between its letters, ``first`` before it (a word space)."""
    return [(c, first if i == 0 else gap) for i, c in enumerate(text)]


def page_text(*lines: list[tuple[str, float]], exact: bool = False) -> list[str]:
    glyphs = [g for n, items in enumerate(lines) for g in row(items, top=20.0 * n)]
    return [" | ".join(s.text for s in segments) for segments in rows_of(glyphs, exact)]


def test_a_pair_set_wider_than_inside_words_holds_a_space():
    # "ff" overlaps inside words (-0.18); "of families" sets it 0.077 apart: under the class
    # threshold (0.10), but a space's width wider than the pair's own setting
    staff = [("s", 0.0), ("t", 0.0), ("a", 0.0), ("f", 0.0), ("f", -0.18)]
    glued = [("o", 0.0), ("f", 0.0), ("f", 0.077), ("a", 0.0), ("m", 0.0)]
    assert page_text(staff, glued) == ["staff", "of fam"]
    assert page_text(glued) == ["offam"]  # no evidence on the page: the class threshold decides


def test_a_pair_set_about_as_tight_as_inside_words_holds_none():
    # "S" and "o" stand 0.06 apart in every word; "Software" at 0.105 is past the class
    # threshold (0.10) but the same setting, not a space
    sold = [("S", 0.0), ("o", 0.06), ("l", 0.0), ("d", 0.0)]
    soft = [("S", 0.0), ("o", 0.105), ("f", 0.0), ("t", 0.0)]
    assert page_text(sold, soft) == ["Sold", "Soft"]
    assert page_text(soft) == ["S oft"]
    # a real space past the threshold stays
    assert page_text(sold, [("S", 0.0), ("o", 0.3), ("n", 0.0)]) == ["Sold", "S on"]


def test_word_spaces_and_segments_are_unchanged():
    line = word("Key", 0.0, 0.0) + word("accounts", 0.01) + word("2019", 0.0, 1.5)
    assert page_text(line) == ["Key accounts | 2019"]


def test_exact_advance_widths_ignore_the_tight_boxes():
    staff = [("s", 0.0), ("t", 0.0), ("a", 0.0), ("f", 0.0), ("f", -0.18)]
    glued = [("o", 0.0), ("f", 0.0), ("f", 0.077), ("a", 0.0), ("m", 0.0)]
    assert page_text(staff, glued, exact=True) == ["staff", "offam"]  # the loose boxes alone decide
