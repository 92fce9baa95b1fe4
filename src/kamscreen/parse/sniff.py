"""Which kind of file the bytes are, judged from the bytes alone (never from the extension)."""

from __future__ import annotations

import io
import re
import zipfile

from kamscreen.parse.hh_json import load_json, resumes_in

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def sniff_format(data: bytes) -> str:
    """Return ``pdf``, ``docx`` (also .docm/.dotx), ``odt``, ``zip`` (another zip), ``rtf``, ``doc`` (OLE),
    ``html``, ``mht`` (MHTML web archive), ``hh_json`` (hh.ru resume JSON), ``json`` (any other JSON),
    ``text``, ``empty``, or an image format of ``IMAGE_FORMATS`` (``jpeg``, ``png``, ``tiff``,
    ``webp``, ``heic``: a scan or a photo of a CV, read by OCR).

    ``text`` only means "none of the binary formats": the text decoder decides whether it really is
    text or a binary blob.

    >>> sniff_format(b"%PDF-1.7 ...")
    'pdf'
    """
    if not data.strip():
        return "empty"
    head = data[:1024]
    if head.startswith(b"%PDF") or b"%PDF-" in head:
        return "pdf"
    if data.startswith(OLE_MAGIC):
        return "doc"
    image = _image_format(data)
    if image:
        return image
    if data.startswith(ZIP_MAGICS):
        if _is_docx(data):
            return "docx"
        return "odt" if _is_odt(data) else "zip"
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:5] == b"{\\rtf":
        return "rtf"
    if start[:1] in (b"{", b"["):
        kind = _json_kind(data)
        if kind:
            return kind
    lowered = start[:2048].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (lowered.startswith(b"<") and _HTML_TAG.search(lowered)):
        return "html"
    if _MIME_VERSION.search(head) and b"multipart/related" in data[:8192].lower():
        return "mht"
    return "text"


def _image_format(data: bytes) -> str | None:
    for magic, kind in _IMAGE_MAGICS:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "heic"
    return None


_IMAGE_MAGICS = ((b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))
_HEIF_BRANDS = frozenset((b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"))
IMAGE_FORMATS = ("jpeg", "png", "tiff", "webp", "heic")


def _json_kind(data: bytes) -> str | None:
    """``hh_json``, ``json``, or None when the bytes are not JSON (a text that starts with a bracket)."""
    try:
        value = load_json(data)
    except (ValueError, UnicodeDecodeError):
        return None
    except RecursionError:  # nested deeper than any resume: a trap, not hh.ru's
        return "json"
    return "hh_json" if resumes_in(value) else "json"


_HTML_TAG = re.compile(rb"<html[\s>]")
_MIME_VERSION = re.compile(rb"^mime-version:", re.I | re.M)
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def _is_odt(data: bytes) -> bool:
    """An OpenDocument text: the stored ``mimetype`` member comes first, so its bytes are near the start."""
    return data[30:38] == b"mimetype" and data[38 : 38 + len(ODT_MIMETYPE)] == ODT_MIMETYPE


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on damaged archives
        # a truncated DOCX keeps its local headers: judge by the first member's name
        return b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]
