"""Atomic output files: write beside the target, then ``os.replace`` (a reader never sees half a file)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: Path, writer: Callable[[Path], object]) -> Path:
    """Call ``writer(tmp_path)`` and move the finished file to ``path``."""
    path = Path(path)
    tmp = temp_beside(path)
    try:
        writer(tmp)
        publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def temp_beside(path: Path) -> Path:
    """A new empty hidden temp file in ``path``'s folder (same filesystem, so ``publish`` is atomic)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{Path(path).name}.", suffix=".tmp", dir=Path(path).parent)
    os.close(fd)
    return Path(tmp)


def publish(tmp: Path, path: Path) -> None:
    """Give the finished temp file normal permissions and move it over ``path``."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


def write_text_atomic(path: Path, text: str) -> Path:
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline=""))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
