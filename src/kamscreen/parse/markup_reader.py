"""HTML (hh.ru and Word "Web page" exports), MHTML ``.mht`` and ODT text, without network or entities.

Block elements become lines, table cells are read row by row and left to right, scripts, styles and
comments are dropped. Parsers never load external resources and never expand entities.
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import zipfile

from lxml import etree, html

from kamscreen.parse.docx_reader import check_zip
from kamscreen.parse.encoding import NotText, decode_text
from kamscreen.parse.errors import ParseFailure

_DROP = frozenset({"script", "style", "head", "title", "noscript", "template", "object", "embed", "svg", "iframe"})
_BLOCK = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr td th table thead tbody tfoot caption section article header "
    "footer aside nav main address blockquote pre hr form fieldset figure figcaption center".split()
)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]{2,40})""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODT_BLOCKS = {f"{{{_ODT_TEXT}}}p", f"{{{_ODT_TEXT}}}h"}
_ODT_INLINE = {f"{{{_ODT_TEXT}}}tab": "\t", f"{{{_ODT_TEXT}}}line-break": "\n", f"{{{_ODT_TEXT}}}s": " "}


def read_html(data: bytes, name: str) -> str:
    """Text of an HTML page: one line per block element, ``<br>`` as a line break."""
    try:
        text, _ = _decode_html(data)
        text = _XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares its encoding
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, default_doctype=False)
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError, NotText) as exc:
        raise ParseFailure("corrupt", f"{name}: the HTML page cannot be read ({type(exc).__name__})") from exc
    return _html_text(root)


def read_mht(data: bytes, name: str) -> str:
    """The HTML (else plain text) part of an MHTML web archive."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    plain = None
    for part in message.walk():
        kind = part.get_content_type()
        if kind not in ("text/html", "text/plain"):
            continue
        payload = part.get_payload(decode=True)  # bytes, or None when the part has none
        if not isinstance(payload, bytes):
            payload = b""
        charset = part.get_content_charset()
        if charset and not _CHARSET.search(payload[:2048]):
            payload = (
                f'<meta charset="{charset}">'.encode("ascii", "ignore") + payload if kind == "text/html" else payload
            )
        if kind == "text/html":
            return read_html(payload, name)
        plain = plain or (payload, charset)
    if plain is None:
        raise ParseFailure("unsupported_format", f"{name}: a web archive (.mht) with no HTML or text part")
    try:
        return plain[0].decode(plain[1] or "utf-8", errors="replace")
    except LookupError:
        return plain[0].decode("utf-8", errors="replace")


def read_odt(data: bytes, name: str) -> str:
    """Paragraphs and headings of an OpenDocument text (``content.xml``), in document order."""
    check_zip(data, name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        safe = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_pis=True
        )
        root = etree.fromstring(content, safe)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, OSError) as exc:
        raise ParseFailure(
            "corrupt", f"{name}: the OpenDocument file cannot be read ({type(exc).__name__}); save it as .docx or PDF"
        ) from exc
    lines: list[str] = []
    for element in root.iter(*_ODT_BLOCKS):
        if any(parent.tag in _ODT_BLOCKS for parent in element.iterancestors()):
            continue  # a note inside a paragraph is part of that paragraph
        lines.append(_odt_inline(element))
    return "\n".join(lines)


def _odt_inline(paragraph) -> str:
    parts: list[str] = []
    for event, node in etree.iterwalk(paragraph, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node.tag in _ODT_INLINE:
                count = int(node.get(f"{{{_ODT_TEXT}}}c", "1") or 1) if node.tag.endswith("}s") else 1
                parts.append(_ODT_INLINE[node.tag] * min(max(count, 1), 100))
            elif node.text:
                parts.append(node.text)
        elif node is not paragraph and node.tail:
            parts.append(node.tail)
    return "".join(parts)


def _decode_html(data: bytes) -> tuple[str, str]:
    """The page as ``str``: the declared charset when it decodes, else the text decoder's guess."""
    declared = _CHARSET.search(data[:4096])
    if declared:
        charset = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def _html_text(root) -> str:
    parts: list[str] = []
    skipping = None
    for event, node in etree.iterwalk(root, events=("start", "end")):
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if skipping is not None:
            if event == "end" and node is skipping:
                skipping = None
                if node.tail:
                    parts.append(node.tail)
            continue
        if event == "start":
            if tag in _DROP:
                skipping = node
                continue
            if tag in _BLOCK or tag == "br" or tag in ("td", "th"):
                parts.append("\n")
            if node.text and tag:
                parts.append(node.text)
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if node.tail and node is not root:
                parts.append(node.tail)
    text = "".join(parts).replace("\xa0", " ")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
