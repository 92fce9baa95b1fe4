"""Plain-text CVs in the encodings Russian users actually send."""

from __future__ import annotations

import codecs

import pytest

from kamscreen.parse import parse
from kamscreen.parse.encoding import NotText, decode_text

CV = "Иванова Анна\nОпыт работы\nМенеджер по работе с ключевыми клиентами, ООО «Ромашка»\nKey Account Manager, FMCG\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (CV.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CV.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + CV.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + CV.encode("utf-16-be"), "utf-16-be"),
        (CV.encode("cp1251"), "cp1251"),
        (CV.replace("«", '"').replace("»", '"').encode("koi8-r"), "koi8-r"),
    ],
)
def test_decode_text(raw, encoding):
    text, found = decode_text(raw)
    assert text.replace('"', "«", 1).replace('"', "»", 1) == CV
    assert found == encoding


def test_western_text_with_accents_is_cp1252():
    text, found = decode_text("Café manager, Zürich office, résumé".encode("cp1252"))
    assert found == "cp1252"
    assert "Zürich" in text


def test_binary_is_not_text():
    with pytest.raises(NotText):
        decode_text(bytes(range(0, 32)) * 50)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_parse_text_file_in_each_encoding(tmp_path, encoding):
    path = tmp_path / f"cv-{encoding}.txt"
    path.write_bytes(CV.encode(encoding))
    cv = parse(path)
    assert cv.status == "ok"
    assert cv.text == CV.strip()
    assert cv.language == "ru"
    assert cv.section("experience")[0].header == "Опыт работы"
    assert "\ufeff" not in cv.text
