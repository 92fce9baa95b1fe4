"""Images of a CV (a scan or a phone photo: JPEG, PNG, TIFF with one page or many, WebP, HEIC) →
text by OCR, page by page."""

from __future__ import annotations

import io
import warnings

from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.scanned import ScanReader

_STATED_DPI = (100, 1200)  # a resolution outside this is a default (a phone's 72), not a scanner's
MAX_IMAGE_PIXELS = 80_000_000  # per page: a 48 MP phone photo fits; more is a decompression bomb


def read_image(data: bytes, fmt: str, name: str, scans: ScanReader, max_pages: int | None) -> list[str]:
    """The text of each page (frame) of an image file, read by ``scans``."""
    reason = scans.missing
    if reason:
        raise ParseFailure("needs_ocr", f"{name}: an image ({fmt.upper()}) of a CV; it needs OCR; {reason}")
    from PIL import Image, ImageOps

    if fmt == "heic":
        from pillow_heif import register_heif_opener

        register_heif_opener()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            count = getattr(image, "n_frames", 1)
            if max_pages is not None and count > max_pages:
                raise ParseFailure("too_large", f"{name}: {count} pages, more than the limit of {max_pages} for a CV")
            pages = []
            for index in range(count):
                image.seek(index)
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise ParseFailure(
                        "too_large", f"{name}: a page of {image.width}×{image.height} pixels, not a CV page"
                    )
                page = ImageOps.exif_transpose(image)  # a phone's "rotate on display" tag
                pages.append(scans.image(page, index + 1, _stated_dpi(image)))
            return pages
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise ParseFailure("too_large", f"{name}: the image is too large to be a CV page") from exc
    except (OSError, SyntaxError, ValueError) as exc:  # Pillow's "cannot identify", truncated data
        raise ParseFailure("corrupt", f"{name}: the {fmt.upper()} image is damaged ({exc})") from exc


def _stated_dpi(image) -> float | None:
    dpi = image.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None
    return value if value and _STATED_DPI[0] <= value <= _STATED_DPI[1] else None
