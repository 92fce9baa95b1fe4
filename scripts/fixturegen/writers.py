"""Write a Doc as DOCX (python-docx, reproducible zip), plain text (any encoding) or hand-made RTF."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.shared import Cm, Pt

from .model import Doc, P, Row

ZIP_DATE = (2025, 1, 1, 0, 0, 0)


def _docx_para(container, p: P, first=None):
    para = (
        first
        if first is not None
        else (container.add_paragraph(style="List Bullet") if p.style == "bullet" else container.add_paragraph())
    )
    if p.style == "h" and first is None and hasattr(container, "add_heading"):
        para._element.getparent().remove(para._element)
        return container.add_heading(p.text, level=2)
    if p.style == "bullet" and first is not None:
        para.style = "List Bullet"
    run = para.add_run(p.text)
    run.bold = p.style in ("name", "title", "job", "bold", "h")
    size = {"name": 18, "title": 13, "h": 12, "job": 11, "small": 9}.get(p.style)
    if size:
        run.font.size = Pt(size)
    return para


def write_docx(doc: Doc, path: Path, date: dt.datetime, title: str) -> None:
    """Paragraphs and, for consecutive Rows, one borderless 2-column table; fixed core dates."""
    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = props.last_printed = date
    props.author, props.last_modified_by, props.title, props.revision = "", "", title, 1
    table = None
    for item in doc.main:
        if isinstance(item, Row):
            if table is None:
                table = d.add_table(rows=0, cols=2)
            cells = table.add_row().cells
            cells[0].width, cells[1].width = Cm(4), Cm(12.5)
            for cell, paras in zip(cells, (item.left, item.right), strict=True):
                for i, p in enumerate(paras):
                    _docx_para(cell, p, cell.paragraphs[0] if i == 0 else None)
        else:
            table = None
            _docx_para(d, item)
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(rezip(buf.getvalue()))


def rezip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that re-runs give identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def text_lines(doc: Doc, bullets: str = "- ") -> list[str]:
    """The Doc as plain lines: a blank line before headings, bullets prefixed."""
    lines: list[str] = []
    for p in doc.main_paras():
        if p.style == "h" and lines:
            lines.append("")
        lines.append(bullets + p.text if p.style == "bullet" else p.text)
    return lines


def write_txt(doc: Doc, path: Path, encoding: str, hh_style: bool) -> None:
    lines = text_lines(doc, "" if hh_style else "- ")
    newline = "\r\n" if encoding == "cp1251" else "\n"
    path.write_bytes((newline.join(lines) + newline).encode(encoding))


def rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        else:
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def write_rtf(doc: Doc, path: Path, date: dt.datetime, title: str) -> None:
    """RTF 1.x by hand: \\uN? escapes for non-ASCII, creation time in \\info."""
    stamp = f"\\yr{date.year}\\mo{date.month}\\dy{date.day}\\hr{date.hour}\\min{date.minute}"
    out = [
        "{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset204 Arial;}}",
        f"{{\\info{{\\title {rtf_escape(title)}}}{{\\creatim{stamp}}}{{\\revtim{stamp}}}}}",
        "\\viewkind4\\uc1\\pard\\f0\\fs22",
    ]
    for p in doc.main_paras():
        text = rtf_escape(p.text)
        if p.style == "bullet":
            out.append(f"\\bullet\\tab {text}\\par")
        elif p.style in ("name", "title", "h", "job", "bold"):
            size = {"name": 36, "title": 28, "h": 26}.get(p.style, 22)
            out.append(("\\par" if p.style == "h" else "") + f"{{\\b\\fs{size} {text}}}\\par")
        else:
            out.append(f"{text}\\par")
    out.append("}")
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("ascii"))
