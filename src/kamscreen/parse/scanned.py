"""Pages that need OCR (a scanned PDF page, an image of a CV): read them, remember how well.

``ScanReader`` is what ``parse`` hands the PDF reader and the image reader. It imports the OCR
stack (Pillow, Tesseract) only when a page really needs it, so text files pay nothing.
"""

from __future__ import annotations

from kamscreen.parse.errors import ParseFailure
from kamscreen.parse.model import OcrPage

LOW_CONFIDENCE = 75.0  # a page whose mean word confidence is below this gets a warning


class ScanReader:
    """Reads scanned pages with OCR and keeps, per page, the confidence and rotation (``pages``).

    ``enabled=False`` (``--no-ocr``) reads nothing: the pages stay unread, the file ``needs_ocr``.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.pages: list[OcrPage] = []

    @property
    def missing(self) -> str | None:
        """Why OCR cannot run (switched off, or Tesseract not installed), None when it can."""
        if not self.enabled:
            return "OCR is switched off"
        from kamscreen.parse.ocr import unavailable

        return unavailable()

    def pdf_page(self, page, number: int) -> str | None:
        """The text of a scanned ``pypdfium2`` page, or None when OCR cannot run."""
        if self.missing:
            return None
        from kamscreen.parse.ocr import MAX_PIXELS, OCR_DPI

        width, height = page.get_size()
        dpi = min(OCR_DPI, 72 * (MAX_PIXELS / max(width * height, 1.0)) ** 0.5)  # a poster-sized page: fewer dpi
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        return self.image(image, number, dpi)

    def image(self, image, number: int, dpi: float | None = None) -> str:
        """The text of one page image (``PIL.Image``); ``dpi`` its resolution when known."""
        from kamscreen.parse.ocr import read_page

        result = read_page(image, dpi)
        self.pages.append(OcrPage(number, result.confidence, result.rotation))
        return result.text

    def warnings(self) -> list[str]:
        """One line per page read with low confidence."""
        return [
            f"page {p.page} read by OCR with low confidence ({p.confidence:.0f} of 100): check the facts"
            for p in self.pages
            if p.confidence < LOW_CONFIDENCE
        ]

    def needs_ocr(self, failure: ParseFailure) -> ParseFailure:
        """A ``needs_ocr`` failure with why OCR did not run and how to make it run."""
        reason = self.missing
        if failure.code != "needs_ocr" or not reason:
            return failure
        return ParseFailure("needs_ocr", f"{failure.reason}; {reason}")
