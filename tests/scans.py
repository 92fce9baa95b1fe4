"""Scans and phone photos made from the fixture PDFs (seeded), for the OCR tests and benchmark.

``scan``: rendered at 300 dpi, mild noise, rotated up to ±3°, JPEG quality 70, as a flatbed
scanner or a copier gives. ``photo``: the page seen by a phone: perspective, uneven light, a
desk around it, blur, 12 MP. ``scanned_pdf`` wraps page images in a PDF with no text layer.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

SCAN_DPI = 300


def render(pdf: Path, dpi: int = SCAN_DPI) -> list[Image.Image]:
    """Each page of a PDF as a grey image."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def scan(
    page: Image.Image, rng: random.Random, *, max_angle: float = 3.0, noise: float = 8.0, quality: int = 70
) -> bytes:
    """A scanner's JPEG of the page: a small rotation, grain, JPEG artefacts."""
    image = page.rotate(rng.uniform(-max_angle, max_angle), resample=Image.Resampling.BICUBIC, fillcolor=255)
    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + np.random.default_rng(rng.randrange(2**32)).normal(0.0, noise, pixels.shape)
    return _jpeg(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)), quality, SCAN_DPI)


def photo(page: Image.Image, rng: random.Random, *, quality: int = 85) -> bytes:
    """A phone photo of the page (4000×3000 px, portrait): the sheet on a darker desk, seen at an
    angle (perspective), lit from one side (uneven light), slightly out of focus, with sensor noise."""
    width, height = 3000, 4000
    sheet_h = int(height * rng.uniform(0.82, 0.9))
    sheet_w = int(sheet_h * page.width / page.height)
    sheet = page.convert("RGB").resize((sheet_w, sheet_h), Image.Resampling.LANCZOS)
    frame = Image.new("RGB", (width, height), (92, 80, 66))
    left, top = (width - sheet_w) // 2, (height - sheet_h) // 2
    frame.paste(sheet, (left, top))
    # perspective: the top edge further away (narrower) than the bottom, and a little twist
    shrink, twist = rng.uniform(0.04, 0.08) * width, rng.uniform(-0.02, 0.02) * height
    corners = [
        (left + shrink, top + twist),
        (left + sheet_w - shrink, top - twist),
        (left + sheet_w, top + sheet_h),
        (left, top + sheet_h),
    ]
    target = [(left, top), (left + sheet_w, top), (left + sheet_w, top + sheet_h), (left, top + sheet_h)]
    frame = frame.transform(
        frame.size,
        Image.Transform.PERSPECTIVE,
        _perspective(corners, target),
        Image.Resampling.BICUBIC,
        fillcolor=(92, 80, 66),
    )
    # light falling from one corner: 100 % there, down to about 55 % at the far corner
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = rng.choice([(0, 0), (width, 0), (0, height), (width, height)])
    distance = np.hypot(xs - cx, ys - cy) / np.hypot(width, height)
    light = 1.0 - rng.uniform(0.35, 0.45) * distance
    pixels = np.asarray(frame.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.4))), dtype=np.float32)
    pixels = pixels * light[..., None]
    pixels = pixels + np.random.default_rng(rng.randrange(2**32)).normal(0.0, 5.0, pixels.shape)
    return _jpeg(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)), quality, 72)


def scanned_pdf(pages: list[bytes], dpi: int = SCAN_DPI) -> bytes:
    """A PDF of JPEG page images and nothing else (no text layer), as scanners write them."""
    pdf = pdfium.PdfDocument.new()
    for data in pages:
        with Image.open(io.BytesIO(data)) as image:
            size = (image.width * 72 / dpi, image.height * 72 / dpi)
        page = pdf.new_page(*size)
        picture = pdfium.PdfImage.new(pdf)
        picture.load_jpeg(io.BytesIO(data), inline=True)
        picture.set_matrix(pdfium.PdfMatrix().scale(*size))
        page.insert_obj(picture)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _jpeg(image: Image.Image, quality: int, dpi: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, dpi=(dpi, dpi))
    return out.getvalue()


def _perspective(source: list[tuple[float, float]], target: list[tuple[float, float]]) -> list[float]:
    """The 8 coefficients PIL's PERSPECTIVE transform takes to map ``target`` points to ``source``."""
    rows, values = [], []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return np.linalg.solve(np.array(rows, dtype=float), np.array(values, dtype=float)).tolist()
