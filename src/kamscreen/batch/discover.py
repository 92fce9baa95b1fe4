"""Which files of a folder are CVs, which are skipped and why, in a deterministic order; content hashes.

Every entry of the folder ends up either as a CV to read (a row in the outputs, even when the
parser then refuses it) or in the ``skipped`` list with a reason: hidden and temporary files,
images, archives and other formats that are never CVs, links out of the folder, special files.
Symbolic links are not followed out of the screened folder unless asked; link loops are safe.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

# The formats the parser reads (it sniffs the bytes; these suffixes only document the usual names).
SUPPORTED_SUFFIXES = (
    ".pdf",
    ".docx",
    ".docm",
    ".dotx",
    ".doc",
    ".rtf",
    ".txt",
    ".text",
    ".html",
    ".htm",
    ".xhtml",
    ".mht",
    ".mhtml",
    ".odt",
    ".json",
    ".jpg",
    ".jpeg",
    ".png",
    ".tif",
    ".tiff",
    ".webp",
    ".heic",
    ".heif",
)  # images: read by OCR
# Suffixes that are never a CV: listed as skipped with their kind. Any other file is read (the
# parser sniffs its bytes), so an unknown or missing suffix still gets a row.
NOT_CV = {
    **dict.fromkeys(
        (".gif", ".bmp", ".svg", ".ico"),
        "an image in a format the OCR does not read (JPEG, PNG, TIFF, WebP and HEIC are read)",
    ),
    **dict.fromkeys(
        (".zip", ".7z", ".rar", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".zst"),
        "an archive (extract it into the folder to screen its CVs)",
    ),
    **dict.fromkeys((".mp3", ".wav", ".ogg", ".m4a", ".mp4", ".mov", ".avi", ".mkv", ".webm"), "audio or video"),
    **dict.fromkeys((".xls", ".xlsx", ".ods", ".csv", ".tsv", ".sqlite", ".db"), "a spreadsheet or data file"),
    **dict.fromkeys((".ppt", ".pptx", ".odp", ".key"), "a presentation"),
    **dict.fromkeys((".exe", ".dll", ".so", ".dylib", ".bin", ".lnk", ".ini"), "a program or system file"),
}


@dataclass(frozen=True)
class Found:
    """A file to screen: ``path`` to read and the ``name`` reports show (relative, ``/``, printable)."""

    path: Path
    name: str


@dataclass(frozen=True)
class Skipped:
    """An entry of the folder that is not screened, and why."""

    name: str
    reason: str


def printable(name: str) -> str:
    """``name`` as text any output can hold: undecodable bytes and control characters as ``\\xNN``.

    File names are bytes on Linux; Python keeps undecodable ones as lone surrogates, which no
    UTF-8 file, database or terminal accepts.
    """
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(
        c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text
    )


def scan(root: Path, *, exclude: Path | None = None, follow_links: bool = False) -> tuple[list[Found], list[Skipped]]:
    """The CVs under ``root`` (recursive, sorted by name) and the skipped entries with their reasons.

    ``root`` may be one file. ``exclude`` (the output folder) is skipped. A symbolic link is read
    when its target is inside ``root`` (a link to a folder inside is skipped: its files are
    screened where they are); a link out of ``root`` is skipped unless ``follow_links``.
    """
    root = Path(root)
    if not root.is_dir():
        if not root.exists():
            raise FileNotFoundError(f"{printable(str(root))}: no such file or folder")
        if not root.is_file():
            return [], [Skipped(printable(root.name), "not a regular file (a pipe, socket or device)")]
        return [Found(root.absolute(), printable(root.name))], []
    walk = _Walk(root.resolve(), exclude.resolve() if exclude is not None else None, follow_links)
    walk.folder(root, "")
    names: dict[str, int] = {}
    found = []
    for item in sorted(walk.found, key=lambda f: f.name):
        count = names[item.name] = names.get(item.name, 0) + 1
        found.append(item if count == 1 else Found(item.path, f"{item.name} ({count})"))
    return found, sorted(walk.skipped, key=lambda s: s.name)


def find_cvs(root: Path) -> list[Path]:
    """The paths ``scan`` would screen under ``root``, in name order."""
    return [item.path for item in scan(root)[0]]


class _Walk:
    """A folder walk on an explicit stack that remembers each real folder it entered, so link loops end."""

    def __init__(self, real_root: Path, exclude: Path | None, follow_links: bool) -> None:
        self.real_root, self.exclude, self.follow = real_root, exclude, follow_links
        self.found: list[Found] = []
        self.skipped: list[Skipped] = []
        self.seen: set[tuple[int, int]] = set()

    def folder(self, path: Path, prefix: str) -> None:
        pending = [(path, prefix)]
        while pending:
            folder, prefix = pending.pop()
            try:
                info = folder.stat()
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                if not prefix:  # the screened folder itself: nothing to screen is an error, not a skip
                    raise
                self.skip(prefix.rstrip("/"), f"cannot read the folder ({exc.strerror or exc})")
                continue
            if (info.st_dev, info.st_ino) in self.seen:
                self.skip(prefix.rstrip("/"), "a folder already screened (a link loop)")
                continue
            self.seen.add((info.st_dev, info.st_ino))
            for entry in entries:
                sub = self.entry(entry, prefix + entry.name)
                if sub is not None:
                    pending.append(sub)

    def entry(self, entry: os.DirEntry, rel: str) -> tuple[Path, str] | None:
        """Classify one entry; a folder to enter is returned as (path, prefix)."""
        path = Path(entry.path)
        if entry.name.startswith((".", "~$")):
            self.skip(rel, "a hidden or temporary file" if not entry.is_dir() else "a hidden folder")
            return None
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            self.skip(rel, "a broken symbolic link or a link loop")
            return None
        if self.exclude is not None and real == self.exclude:
            self.skip(rel, "the output folder (--out)")
            return None
        if entry.is_symlink():
            inside = real == self.real_root or self.real_root in real.parents
            if not inside and not self.follow:
                self.skip(rel, "a symbolic link out of the screened folder (--follow-links screens it)")
                return None
            if inside and real.is_dir():
                self.skip(rel, "a link to a folder inside the screened folder (its files are screened there)")
                return None
        if real.is_dir():
            return path, rel + "/"
        if not real.is_file():
            self.skip(rel, "not a regular file (a pipe, socket or device)")
            return None
        kind = NOT_CV.get(path.suffix.lower())
        if kind is not None:
            self.skip(rel, kind)
            return None
        self.found.append(Found(path.absolute(), printable(rel)))
        return None

    def skip(self, rel: str, reason: str) -> None:
        self.skipped.append(Skipped(printable(rel), reason))


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    """Hex sha256 of a file's bytes, read in chunks (large files never sit in memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()
