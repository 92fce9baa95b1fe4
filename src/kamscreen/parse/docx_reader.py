"""DOCX via python-docx: body paragraphs and tables in document order, text boxes, headers, footers.

The zip is inspected before python-docx opens it: declared sizes and compression ratios that only
a zip bomb has are refused.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass

from docx import Document
from docx.oxml.ns import qn

from kamscreen.parse.errors import ParseFailure

MAX_UNCOMPRESSED = 50 * 2**20  # all members together, as declared in the zip directory
MAX_RATIO = 200  # uncompressed / compressed for one large member
MAX_MEMBERS = 5000

_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_SDT_CONTENT, _TXBX = qn("w:sdtContent"), qn("w:txbxContent")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_PAGES = re.compile(rb"<(?:\w+:)?Pages>(\d{1,5})</(?:\w+:)?Pages>")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


@dataclass
class DocxText:
    """Text of a DOCX in reading order and its modified date."""

    text: str
    modified: dt.date | None = None
    pages: int = 1


def check_zip(data: bytes, name: str) -> None:
    """Refuse zip bombs and broken archives before anything decompresses them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as exc:  # zipfile raises many kinds on damaged archives
        raise ParseFailure("corrupt", f"{name}: the DOCX is damaged or truncated ({exc})") from exc
    if len(members) > MAX_MEMBERS:
        raise ParseFailure("too_large", f"{name}: the DOCX holds {len(members)} files; refusing a likely zip bomb")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED:
        raise ParseFailure(
            "too_large", f"{name}: the DOCX unpacks to {total / 2**20:.0f} MB; refusing a likely zip bomb"
        )
    for member in members:
        if member.file_size > 2**20 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise ParseFailure(
                "too_large",
                f"{name}: {member.filename} compresses {member.file_size // max(member.compress_size, 1)}:1; "
                "refusing a likely zip bomb",
            )
    _check_dtds(data, name)


def _check_dtds(data: bytes, name: str) -> None:
    """Office XML parts never declare a DTD: one that does is an entity trap (billion laughs, external
    entities), refused before any parser sees it."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if not member.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(member) as part:
                    head = part.read(4096).upper()
            except Exception:  # noqa: BLE001 - a damaged member is the reader's to report
                continue
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise ParseFailure(
                    "corrupt",
                    f"{name}: {member.filename} declares a DTD, which Office files never do; refusing an entity trap",
                )


def read_docx(data: bytes, name: str) -> DocxText:
    """Read a DOCX after ``check_zip``; python-docx failures become ``corrupt``."""
    check_zip(data, name)
    try:
        document = Document(io.BytesIO(_as_plain_docx(data)))
        blocks = _blocks(document.element.body)
        headers, footers = _headers_footers(document)
        modified = document.core_properties.modified or document.core_properties.created
    except ParseFailure:
        raise
    except Exception as exc:  # lxml, KeyError for missing parts, ...
        raise ParseFailure("corrupt", f"{name}: the DOCX is damaged and cannot be read ({type(exc).__name__})") from exc
    return DocxText(
        text="\n".join(headers + blocks + footers),
        modified=modified.date() if modified else None,
        pages=_declared_pages(data),
    )


_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_VARIANTS = re.compile(rb"application/vnd\.[\w.-]*?(?:ms-word|wordprocessingml)[\w.-]*?\.main\+xml")


def _as_plain_docx(data: bytes) -> bytes:
    """A .docm/.dotx/.dotm (or a misspelt variant) declares another main content type, which
    python-docx refuses: rewrite ``[Content_Types].xml`` to the DOCX one (macros are never run,
    only text is read)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            types = archive.read("[Content_Types].xml")
        except KeyError:
            return data
        if all(found.group(0) == _MAIN for found in _VARIANTS.finditer(types)):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for member in archive.infolist():
                body = archive.read(member)
                copy.writestr(
                    member, _VARIANTS.sub(lambda _: _MAIN, body) if member.filename == "[Content_Types].xml" else body
                )
    return out.getvalue()


def _declared_pages(data: bytes) -> int:
    """Page count Word stored in ``docProps/app.xml`` (1 when absent)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            app = archive.read("docProps/app.xml")[:65536]
    except Exception:  # noqa: BLE001 - the count is a nicety
        return 1
    match = _PAGES.search(app)
    return max(int(match.group(1)), 1) if match else 1


def _headers_footers(document) -> tuple[list[str], list[str]]:
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for part, out in ((section.header, headers), (section.footer, footers)):
            if part.is_linked_to_previous and (headers or footers):
                continue
            for line in _blocks(part._element):
                if line.strip() and line not in out:
                    out.append(line)
    return headers, footers


def _blocks(container) -> list[str]:
    """Lines of a body-like element: paragraphs, tables (row by row, cells left to right), content controls."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == _P:
            lines.append(_paragraph_text(child))
            lines.extend(_text_boxes(child))
        elif child.tag == _TBL:
            lines.extend(_table(child))
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                lines.extend(_blocks(content))
    return lines


def _table(table) -> list[str]:
    lines: list[str] = []
    for row in table.iterchildren(_TR):
        for cell in row.iterchildren(_TC):  # a horizontally merged cell is one w:tc: no duplicates
            cell_lines = _blocks(cell)
            if any(line.strip() for line in cell_lines):
                lines.extend(cell_lines)
    return lines


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    for node in paragraph.iter(_T, _TAB, _BR, _CR, _TXBX):
        if node.tag == _TXBX:
            continue
        if _inside_text_box(node, paragraph):
            continue
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _inside_text_box(node, paragraph) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == _TXBX:
            return True
        parent = parent.getparent()
    return False


def _text_boxes(paragraph) -> list[str]:
    """Text boxes anchored in a paragraph (sidebars of CV templates); the VML fallback copy is skipped."""
    lines: list[str] = []
    for box in paragraph.iter(_TXBX):
        parent = box.getparent()
        skip = False
        while parent is not None and parent is not paragraph:
            if parent.tag == _FALLBACK or parent.tag == _TXBX:
                skip = True
                break
            parent = parent.getparent()
        if not skip:
            lines.extend(_blocks(box))
    return lines
