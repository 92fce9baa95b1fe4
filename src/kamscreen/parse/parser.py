"""``parse(path)``: any CV file → ``ParsedCV``; a bad file becomes an error value, never an exception."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import stat as stat_module
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kamscreen.parse.cleanup import clean_text, drop_running_lines
from kamscreen.parse.docdate import document_date
from kamscreen.parse.docx_reader import read_docx
from kamscreen.parse.encoding import NotText, decode_text
from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.hh_json import read_hh_json
from kamscreen.parse.image_reader import read_image
from kamscreen.parse.language import detect_language
from kamscreen.parse.legacy_doc import convert_doc
from kamscreen.parse.markup_reader import read_html, read_mht, read_odt
from kamscreen.parse.model import DocumentDate, ParsedCV, ParseError, StructuredCV
from kamscreen.parse.pdf import read_pdf
from kamscreen.parse.rtf_reader import read_rtf, rtf_date
from kamscreen.parse.scanned import ScanReader
from kamscreen.parse.sections import cut_trailing_matter, find_sections
from kamscreen.parse.sniff import IMAGE_FORMATS, sniff_format
from kamscreen.parse.timelimit import time_limit

DEFAULT_MAX_BYTES = 20 * 2**20
DEFAULT_MAX_PAGES = 30
DEFAULT_TIMEOUT = 30.0
MAX_TEXT_CHARS = 1_000_000  # a 30-page CV holds ~150k; more is a generated trap (and spaCy's max_length)
_EARLIEST_METADATA = dt.date(1990, 1, 1)
_MARKUP = {"html": read_html, "mht": read_mht, "odt": read_odt}
_log = logging.getLogger(__name__)


@dataclass
class _Raw:
    """What a format reader produced, before clean-up."""

    format: str
    text: str
    pages: int = 1
    metadata_date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)
    structured: StructuredCV | None = None  # a structured reader's text is laid out clean already


def parse(
    path: str | Path,
    *,
    as_of: dt.date | None = None,
    allow_large: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    timeout: float | None = DEFAULT_TIMEOUT,
    pdf_engine: str = "pdfium",
    ocr: bool = True,
) -> ParsedCV:
    """Read one CV file (PDF, DOCX/DOCM/DOTX, RTF, legacy DOC, HTML, MHT, ODT, TXT in any common
    encoding, or an image of one: JPEG, PNG, TIFF, WebP, HEIC) into a ``ParsedCV``.

    The format is sniffed from the bytes. Unreadable files give ``status="error"`` (or
    ``"needs_ocr"``) with a ``ParseError`` whose code is one of ``model.ERROR_CODES``.
    ``pdf_engine`` is ``pdfium`` (fast, column-aware) or ``pdfplumber`` (its ``extract_text``).
    ``timeout`` (seconds) is enforced with SIGALRM in a process's main thread only; the batch runner
    enforces its own per-file timeout in worker processes; it covers OCR. A missing path raises
    ``FileNotFoundError``. ``ocr``: read images and the scanned pages of a PDF with Tesseract (then
    ``ocr_pages`` says which, and how confidently); without it, or without Tesseract, such a file
    is ``needs_ocr``.

    >>> cv = parse("cv.pdf", as_of=dt.date(2025, 9, 1))  # doctest: +SKIP
    >>> cv.status, cv.section("experience")[0].header  # doctest: +SKIP
    ('ok', 'Опыт работы')
    """
    path = Path(path)
    name = path.name
    stat = path.stat()
    mtime = dt.datetime.fromtimestamp(stat.st_mtime).date()
    fallback_date = document_date("", as_of=as_of, mtime=mtime)
    if not stat_module.S_ISREG(stat.st_mode):  # a pipe or device would block or never end
        return _failed(name, "", fallback_date, ParseFailure("unsupported_format", f"{name}: not a regular file"))
    if stat.st_size > max_bytes and not allow_large:
        return _failed(
            name,
            "",
            fallback_date,
            ParseFailure(
                "too_large", f"{name}: {stat.st_size / 2**20:.1f} MB, more than the {max_bytes / 2**20:.0f} MB limit"
            ),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        failure = ParseFailure("unreadable", f"{name}: cannot read the file ({exc.strerror or exc})")
        return _failed(name, "", fallback_date, failure)
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = "unknown"
    scans = ScanReader(enabled=ocr)
    try:
        with time_limit(timeout, name):
            fmt = sniff_format(data)
            raw = _read(data, fmt, name, None if allow_large else max_pages, pdf_engine, scans)
            if len(raw.text) > MAX_TEXT_CHARS and not allow_large:
                raise ParseFailure(
                    "too_large", f"{name}: {len(raw.text):,} characters of text, more than any CV ({MAX_TEXT_CHARS:,})"
                )
            text, trailing = (raw.text, None) if raw.structured else cut_trailing_matter(clean_text(raw.text))
            if trailing:
                raw.warnings.append(trailing)
            if not text:
                raise ParseFailure("empty", f"{name}: no text in the file")
            sections = find_sections(text)
    except ParseFailure as failure:
        return _failed(name, sha256, fallback_date, scans.needs_ocr(failure), fmt)
    except (Exception, RecursionError, MemoryError) as exc:  # noqa: BLE001 - a bad file must not crash a batch
        if _is_internal(exc):
            _log.error("%s: internal error while reading this %s file", name, fmt, exc_info=exc)
            problem = ParseFailure(
                "internal_error",
                f"{name}: a kamscreen bug stopped reading this {fmt} file, "
                f"not the file's fault ({type(exc).__name__}: {str(exc)[:80]})",
            )
        else:
            problem = ParseFailure("corrupt", f"{name}: unreadable {fmt} file ({type(exc).__name__}: {str(exc)[:80]})")
        return _failed(name, sha256, fallback_date, problem, fmt)
    metadata = raw.metadata_date
    if metadata is not None and not (_EARLIEST_METADATA <= metadata <= dt.date.today() + dt.timedelta(days=1)):
        raw.warnings.append(f"metadata date {metadata.isoformat()} ignored as implausible")
        metadata = None
    return ParsedCV(
        file=name,
        status="ok",
        text=text,
        sections=sections,
        language=detect_language(text),
        format=raw.format,
        pages=raw.pages,
        sha256=sha256,
        document_date=document_date(text, as_of=as_of, metadata=metadata, mtime=mtime),
        warnings=tuple(raw.warnings + scans.warnings()),
        structured=raw.structured,
        ocr_pages=tuple(scans.pages),
    )


def _is_internal(exc: BaseException) -> bool:
    """Whether an unexpected exception is kamscreen's bug rather than a damaged file.

    A library that chokes on the bytes (pdfium, zipfile, lxml, ...) means a corrupt file; an
    exception raised by kamscreen's own code, a kamscreen exception type, or a YAML error (only
    kamscreen's lexicons are YAML) means a bug. Exhausted memory or recursion is a hostile file.
    """
    if isinstance(exc, (MemoryError, RecursionError)):
        return False
    if type(exc).__module__.startswith("kamscreen.") or isinstance(exc, yaml.YAMLError):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_globals.get("__name__", "").startswith("kamscreen.")


def _failed(name: str, sha256: str, date: DocumentDate, failure: ParseFailure, fmt: str = "unknown") -> ParsedCV:
    status = "needs_ocr" if failure.code == "needs_ocr" else "error"
    return ParsedCV(
        file=name,
        status=status,
        format=fmt,
        sha256=sha256,
        document_date=date,
        error=ParseError(failure.code, failure.reason.replace("\n", " ")),
    )


def _read(data: bytes, fmt: str, name: str, max_pages: int | None, pdf_engine: str, scans: ScanReader) -> _Raw:
    if fmt == "empty":
        raise ParseFailure("empty", f"{name}: the file is empty")
    if fmt == "pdf":
        pdf = read_pdf(data, name, max_pages=max_pages, engine=pdf_engine, scans=scans)
        pages, dropped = drop_running_lines(pdf.pages)
        if dropped:
            pdf.warnings.append(f"{dropped} running header/footer line(s) dropped")
        return _Raw("pdf", "\n\n".join(pages), len(pdf.pages), pdf.metadata_date, pdf.warnings)
    if fmt in IMAGE_FORMATS:
        pages = read_image(data, fmt, name, scans, max_pages)
        return _Raw(fmt, "\n\n".join(pages), len(pages))
    if fmt == "docx":
        docx = read_docx(data, name)
        if max_pages is not None and docx.pages > max_pages:
            raise ParseFailure("too_large", f"{name}: {docx.pages} pages, more than the limit of {max_pages} for a CV")
        return _Raw("docx", docx.text, docx.pages, docx.modified)
    if fmt == "rtf":
        return _Raw("rtf", read_rtf(data, name), metadata_date=rtf_date(data))
    if fmt == "doc":
        kind, converted = convert_doc(data, name)
        raw = _read(converted, "docx" if kind == "docx" else "text", name, max_pages, pdf_engine, scans)
        raw.format = "doc"
        raw.warnings.append(f"legacy .doc converted via {'libreoffice' if kind == 'docx' else 'antiword'}")
        return raw
    if fmt == "hh_json":
        resume = read_hh_json(data, name)
        return _Raw(
            "hh_json",
            resume.text,
            metadata_date=resume.updated,
            warnings=list(resume.warnings),
            structured=resume.structured,
        )
    if fmt == "json":
        raise ParseFailure("unsupported_format", f"{name}: a JSON file that is not an hh.ru resume")
    if fmt in _MARKUP:
        return _Raw(fmt, _MARKUP[fmt](data, name))
    if fmt == "zip":
        raise ParseFailure("unsupported_format", f"{name}: a zip archive that is not a DOCX; send the CV itself")
    try:
        text, encoding = decode_text(data)
    except NotText as exc:
        raise ParseFailure("unsupported_format", f"{name}: not a CV format kamscreen reads (binary data)") from exc
    if sniff_format(text[:2048].encode("utf-8")) == "html":  # a UTF-16 web page: tags only show once decoded
        raw = _Raw("html", read_html(text.encode("utf-8"), name))
    else:
        raw = _Raw("txt", text)
    if encoding not in ("utf-8", "ascii"):
        raw.warnings.append(f"text decoded as {encoding}")
    return raw
