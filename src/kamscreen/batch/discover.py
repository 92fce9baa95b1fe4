"""Which files of a folder are CVs, in a deterministic order, and their content hashes."""
from __future__ import annotations

import hashlib
from pathlib import Path

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".doc", ".rtf", ".txt", ".json",
                      ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif")  # images: read by OCR


def find_cvs(root: Path) -> list[Path]:
    """Supported files under ``root`` (recursive; also files without an extension), sorted by path.

    Hidden files and folders (``.git``, ``~$lock.docx``-style temp files) are skipped; ``root`` may
    also be a single file.
    """
    root = Path(root)
    if root.is_file():
        return [root]
    found = []
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if any(p.startswith((".", "~$")) for p in parts) or not path.is_file():
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES or path.suffix == "":
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def display_name(path: Path, root: Path) -> str:
    """The name a report shows for ``path``: relative to the screened folder, with ``/``."""
    root = Path(root)
    if root.is_file():
        return path.name
    return path.relative_to(root).as_posix()


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file's bytes, read in chunks (large files never sit in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()
