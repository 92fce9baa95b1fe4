"""OCR of page images with Tesseract (through tesserocr), Russian and English models together.

A page image (a photo: the sheet cut out of it and squared up) is turned upright (Tesseract's
orientation detection, OSD) and straightened (the skew Tesseract's layout analysis measures), then
read into words with boxes and confidences; the project's own layout (``layout.layout_page``:
rows, column blocks, tables) puts the words in reading order, as it does a PDF's glyphs (on the
fixture scans it reads far better than Tesseract's own order). Nothing here is imported by
``parse`` until a page needs OCR.

>>> page = read_page(Image.open("scan.jpg"), dpi=300)  # doctest: +SKIP
>>> page.confidence, page.rotation  # doctest: +SKIP
(91.4, 0)
"""

from __future__ import annotations

import functools
import math
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from kamscreen.parse.layout import Glyph, layout_page, lines_to_text

LANGUAGES = "rus+eng"
# pages are read at this resolution (PDF pages rendered, images rescaled to it). On the fixture scans
# 200, 250 and 300 dpi all give the right experience and team sizes; 250 gets every language level
# right, 200 misses one, 300 two (and costs 20 % more than 250); measured before the ink preparation
# and the re-reading of doubtful words, which made the hh.ru export scans right at 250
OCR_DPI = 250
MAX_PIXELS = 40_000_000  # a page is read at no more pixels than this (A3 at 300 dpi is 17 million)
_SHEET_SCALE = 8  # a photographed sheet is found on the image shrunk this much
MIN_SKEW = 0.1  # degrees: a page skewed less is read as it is
DOUBTFUL = 50  # a word Tesseract is less sure of than this (0-100) is read again on its own
REREAD_MARGIN = 4  # pixels around a doubtful run's box when it is read again
PAPER_WINDOW = 0.5  # inches: the paper's white is the brightest level this near (wider than a letter)
INK_GAMMA = 2.0  # brightness relative to the paper is raised to this power: grey ink darkens, paper stays white
RULE_LENGTH, RULE_WIDTH = 1.0, 0.03  # inches: a straight dark line at least this long and at most this thick is a rule
RULE_INK = 0.9  # a pixel darker than this share of the paper's white is ink, when finding rules (light grey ones too)
A4_LONG_SIDE_INCHES = 11.69  # an image without a stated resolution is taken as a page filling the frame
INSTALL_HINT = (
    "install Tesseract's Russian and English models: apt-get install tesseract-ocr tesseract-ocr-rus "
    "tesseract-ocr-eng (macOS: brew install tesseract tesseract-lang), or set TESSDATA_PREFIX to their folder"
)
# a CEFR level as OCR misreads it: Cyrillic look-alike letters ("В2"), "l" or "|" for "1" ("Al")
_CEFR_MISREAD = re.compile(r"\(?[ABCАВС][12l|]\)?[,.;:]?")
_LATIN = str.maketrans("АВСl|", "ABC11")
_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)


@dataclass(frozen=True)
class OcrText:
    """One page as read by OCR: its text in reading order, the mean word confidence (0–100), how far
    the page was turned (degrees clockwise; it was turned back to be read) and the number of words."""

    text: str
    confidence: float
    rotation: int
    words: int


def tessdata_dir() -> Path | None:
    """The folder holding ``rus`` and ``eng`` traineddata: ``TESSDATA_PREFIX`` first, then the
    usual install places; None when Tesseract's models are not installed."""
    candidates = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else []
    for folder in map(Path, candidates + list(_TESSDATA_DIRS)):
        for path in (folder, folder / "tessdata"):
            if all((path / f"{lang}.traineddata").is_file() for lang in LANGUAGES.split("+")):
                return path
    return None


@functools.lru_cache(maxsize=1)
def unavailable() -> str | None:
    """Why OCR cannot run here (with how to fix it), or None when it can."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return "the tesserocr package is missing (pip install tesserocr)"
    if tessdata_dir() is None:
        return INSTALL_HINT
    return None


def read_page(image: Image.Image, dpi: float | None = None) -> OcrText:
    """OCR one page image. ``dpi``: its resolution if known (else taken from a page filling it);
    the image is rescaled to ``OCR_DPI``, turned upright and deskewed before it is read."""
    image = _prepared(image, dpi)
    sheet = _photographed_sheet(image)  # a phone photo: the sheet squared up, then scaled by its own size
    if sheet is not None:
        image = _prepared(sheet, None)
    engines = _engines()
    rotation = _orientation(engines.osd, image)
    if rotation:
        image = image.rotate(rotation, expand=True)
    skew = _skew(engines.ocr, image)
    if abs(skew) >= MIN_SKEW:  # Tesseract drops text beside skewed rules: straighten the page first
        image = image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    image = _inked(image)
    api = engines.ocr
    _set_image(api, image, OCR_DPI)
    api.Recognize()
    glyphs, confidences = _words(api)
    text = lines_to_text(layout_page(glyphs, True).lines)
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrText(text, round(confidence, 1), rotation, len(confidences))


def _prepared(image: Image.Image, dpi: float | None) -> Image.Image:
    """Grey, rescaled to ``OCR_DPI`` (an image's own resolution, else a page filling the frame)."""
    image = image.convert("L") if image.mode != "L" else image
    source = dpi or max(image.size) / A4_LONG_SIDE_INCHES
    scale = min(OCR_DPI / source, (MAX_PIXELS / (image.width * image.height)) ** 0.5)
    if abs(scale - 1) > 0.1:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS if scale < 1 else Image.Resampling.BICUBIC)
    return image


def _photographed_sheet(image: Image.Image) -> Image.Image | None:
    """The sheet of a phone photo squared up (perspective undone, the desk around it cut away), or
    None when the page fills the image (a scan).

    At 1/8 scale, the dark regions touching the image's edges are the background; it must cover
    most of all four edges (a desk around the sheet, not a dark sidebar of the CV). The sheet's
    corners are its extreme points along the diagonals.
    """
    import numpy as np
    from scipy import ndimage

    small = np.asarray(image.reduce(_SHEET_SCALE), dtype=np.uint8)
    if min(small.shape) < 16:
        return None
    labels, _ = ndimage.label(small <= _otsu(small))
    edges = (labels[0], labels[-1], labels[:, 0], labels[:, -1])
    touching = np.unique(np.concatenate(edges))
    outside = np.isin(labels, touching[touching > 0])
    if min(np.isin(edge, touching[touching > 0]).mean() for edge in edges) < 0.5:
        return None
    parts, count = ndimage.label(~outside)
    if not count:
        return None
    sheet = parts == np.argmax(np.bincount(parts.ravel())[1:]) + 1
    if not 0.3 < sheet.mean() < 0.95:
        return None
    ys, xs = np.nonzero(sheet)
    total, diff = xs + ys, xs - ys
    corners = [(xs[i] + 0.5, ys[i] + 0.5) for i in (total.argmin(), diff.argmax(), total.argmax(), diff.argmin())]
    corners = [(x * _SHEET_SCALE, y * _SHEET_SCALE) for x, y in corners]
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    width = round((math.dist((x0, y0), (x1, y1)) + math.dist((x3, y3), (x2, y2))) / 2)
    height = round((math.dist((x0, y0), (x3, y3)) + math.dist((x1, y1), (x2, y2))) / 2)
    target = [(0, 0), (width, 0), (width, height), (0, height)]
    rows, values = [], []
    for (x, y), (u, v) in zip(target, corners, strict=True):
        rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        values += [u, v]
    coefficients = np.linalg.solve(np.array(rows, dtype=float), np.array(values, dtype=float))
    return image.transform(
        (width, height), Image.Transform.PERSPECTIVE, coefficients.tolist(), Image.Resampling.BICUBIC, fillcolor=255
    )


def _otsu(pixels) -> int:
    """The grey level that splits the pixels best (Otsu's method): those up to it are the dark ones."""
    import numpy as np

    counts = np.bincount(pixels.ravel(), minlength=256).astype(float)
    weight, mass = np.cumsum(counts), np.cumsum(counts * np.arange(256))
    between = (mass[-1] * weight - mass * weight[-1]) ** 2 / np.maximum(weight * (weight[-1] - weight), 1.0)
    return int(np.argmax(between))


@dataclass
class _Engines:
    ocr: Any  # tesserocr.PyTessBaseAPI (tesserocr has no type stubs)
    osd: Any | None


_local = threading.local()


def _engines() -> _Engines:
    """This thread's Tesseract instances (loading the models takes a while: once per thread)."""
    engines = getattr(_local, "engines", None)
    if engines is None:
        import tesserocr

        path = str(tessdata_dir()) + os.sep
        ocr = tesserocr.PyTessBaseAPI(path=path, lang=LANGUAGES, psm=tesserocr.PSM.AUTO)
        osd = None
        if (Path(path) / "osd.traineddata").is_file():
            osd = tesserocr.PyTessBaseAPI(path=path, lang="osd", psm=tesserocr.PSM.OSD_ONLY)
        engines = _local.engines = _Engines(ocr, osd)
    return engines


def _orientation(osd, image: Image.Image) -> int:
    """Degrees (counter-clockwise, as ``Image.rotate`` takes them) that make the page upright."""
    if osd is None:
        return 0
    osd.SetImage(image)
    found = osd.DetectOrientationScript()
    return int(found["orient_deg"]) if found else 0


def _inked(image: Image.Image) -> Image.Image:
    """The page as Tesseract reads it best: brightness relative to the paper's white, long thin rules
    erased, and light grey ink darkened (that ratio squared).

    Tesseract loses grey headings that sit on a rule (hh.ru's section titles) and reads a rule as "_"
    or "—" glyphs that bridge a column gutter; a rule is a straight dark run at least ``RULE_LENGTH``
    inches long and at most ``RULE_WIDTH`` thick (text has gaps between its letters, a filled box is
    thicker). Black text and the white paper stay as they were.
    """
    import numpy as np
    from scipy.ndimage import maximum_filter1d, minimum_filter1d

    pixels = np.asarray(image, dtype=np.uint8)
    paper = _paper(image)
    ratio = np.minimum(pixels.astype(np.uint16) * 255 // paper, 255).astype(np.uint8)  # 255: the paper
    height, width = (n - n % 2 for n in pixels.shape)
    dark = ratio[:height, :width] < RULE_INK * 255
    dark = dark[0::2, 0::2] | dark[1::2, 0::2] | dark[0::2, 1::2] | dark[1::2, 1::2]  # half size, no ink lost
    length, thin = round(RULE_LENGTH * OCR_DPI / 2), max(round(RULE_WIDTH * OCR_DPI / 2), 1)
    rules = np.zeros_like(dark)
    for along, across in ((1, 0), (0, 1)):  # horizontal, then vertical rules
        long = maximum_filter1d(minimum_filter1d(dark, length, axis=along), length, axis=along)
        thick = maximum_filter1d(minimum_filter1d(long, thin + 1, axis=across), thin + 1, axis=across)
        rules |= maximum_filter1d(long & ~thick, 3, axis=across)  # with its anti-aliased edges
    levels = (np.arange(256) / 255) ** INK_GAMMA * 255  # a lookup table per level
    inked = np.rint(levels).astype(np.uint8)[ratio]
    inked[:height, :width][rules.repeat(2, axis=0).repeat(2, axis=1)] = 255
    return Image.fromarray(inked)


def _paper(image: Image.Image):
    """The paper's white around each pixel (a phone photo's light falls off across the sheet): the
    brightest of the ``PAPER_WINDOW``-inch neighbourhood, found on the page shrunk 8 times, smoothed."""
    import numpy as np
    from scipy.ndimage import maximum_filter, uniform_filter

    small = np.asarray(image.reduce(_SHEET_SCALE), dtype=np.uint8)
    window = max(round(PAPER_WINDOW * OCR_DPI / _SHEET_SCALE), 1)
    local = np.maximum(uniform_filter(maximum_filter(small, size=window), size=window), 1)
    return np.asarray(Image.fromarray(local).resize(image.size, Image.Resampling.BILINEAR), dtype=np.uint16)


def _set_image(api, image: Image.Image, dpi: float) -> None:
    """Hand Tesseract a page with its resolution. tesserocr passes the image as a BMP that says 96 dpi,
    and Tesseract's layout thresholds are lengths on paper: at 96 dpi it takes a table's columns for
    one text line and reads the narrow one (hh.ru's periods) as garbage."""
    api.SetImage(image)
    api.SetSourceResolution(round(dpi))


def _skew(api, image: Image.Image) -> float:
    """Degrees (counter-clockwise) that straighten the text lines, from Tesseract's layout analysis
    of the page at half resolution (as accurate as at full, a third of the time)."""
    _set_image(api, image.reduce(2), OCR_DPI / 2)
    layout = api.AnalyseLayout()
    return math.degrees(layout.Orientation()[3]) if layout is not None else 0.0


@dataclass(slots=True)
class _Word:
    """A recognized word: its text, box (pixels), confidence and its line's band (points)."""

    text: str
    box: tuple[int, int, int, int]
    confidence: float
    top: float
    bottom: float


def _words(api) -> tuple[list[Glyph], list[float]]:
    """The recognized words as layout glyphs (in points) and their confidences; runs of doubtful
    words read again on their own (``_reread``)."""
    words = [word for line in _lines(api) for word in _reread(api, line)]
    scale = 72 / OCR_DPI
    glyphs: list[Glyph] = []
    for word in words:
        left, right = word.box[0] * scale, word.box[2] * scale
        glyphs.append((_corrected(word.text), left, right, word.top, word.bottom, True, left, right))
    return glyphs, [word.confidence for word in words]


def _lines(api) -> list[list[_Word]]:
    """The words Tesseract recognized, line by line.

    Each word takes its text line's band, from the line's baseline up by the row height (capitals,
    ascenders) and down by the descenders: the font's height, as a PDF's loose glyph boxes give it,
    so the layout's gap thresholds mean the same for a scan.
    """
    import tesserocr

    word_level, line_level = tesserocr.RIL.WORD, tesserocr.RIL.TEXTLINE
    iterator = api.GetIterator()
    if iterator is None or iterator.Empty(word_level):
        return []
    scale = 72 / OCR_DPI
    lines: list[list[_Word]] = []
    top = bottom = 0.0
    for word in tesserocr.iterate_level(iterator, word_level):
        if word.IsAtBeginningOf(line_level) or not lines:
            (_, y0), (_, y1) = word.Baseline(line_level) or ((0, 0), (0, 0))
            row = word.RowAttributes()
            baseline = (y0 + y1) / 2
            top, bottom = (baseline - row["row_height"]) * scale, (baseline - row["descenders"]) * scale
            lines.append([])
        text = (word.GetUTF8Text(word_level) or "").strip()
        box = word.BoundingBox(word_level)
        if text and box is not None:
            lines[-1].append(_Word(text, box, word.Confidence(word_level), top, bottom))
    return lines


def _reread(api, line: list[_Word]) -> list[_Word]:
    """A line's words with each run of doubtful ones (confidence under ``DOUBTFUL``) read again alone
    (its box as a block of text) and replaced when that reading is surer.

    Tesseract fits one baseline to words side by side; where a narrow column's line sits a little
    higher or lower than its neighbour's (hh.ru's period beside the employer), it reads the narrow
    part as garbage ("Drona В МЕНЕЕ" for "2 года 8 месяцев"), even two of its lines as one. Alone,
    the same pixels read right.
    """
    out: list[_Word] = []
    run: list[_Word] = []
    for word in [*line, None]:
        if word is not None and word.confidence < DOUBTFUL:
            run.append(word)
            continue
        if run:
            out.extend(_read_alone(api, run) or run)
            run = []
        if word is not None:
            out.append(word)
    return out


def _read_alone(api, run: list[_Word]) -> list[_Word] | None:
    """The run's box read as a block: its words (each line with its own band), or None when they are
    no surer."""
    import tesserocr

    x0, y0 = (max(min(w.box[i] for w in run) - REREAD_MARGIN, 0) for i in (0, 1))
    x1, y1 = (max(w.box[i] for w in run) + REREAD_MARGIN for i in (2, 3))
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    api.SetRectangle(x0, y0, x1 - x0, y1 - y0)
    api.Recognize()
    words = [word for line in _lines(api) for word in line]
    api.SetPageSegMode(tesserocr.PSM.AUTO)  # the engine is reused for the next page
    before, after = (sum(w.confidence for w in ws) / len(ws) if ws else 0.0 for ws in (run, words))
    return words if after >= DOUBTFUL and after > before else None


def _corrected(word: str) -> str:
    """A word with the OCR confusions undone that the facts depend on (CEFR levels: "Al" → "A1")."""
    return word.translate(_LATIN) if _CEFR_MISREAD.fullmatch(word) else word
