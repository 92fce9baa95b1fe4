"""The output folder of a run: checked before any work, locked against a second run, cleared of stale temps.

``OutputError`` is a problem the user can fix (a bad ``--out``, a folder in use); its message is
one line naming the path and the reason.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import os
import shutil
import socket
import tempfile
from pathlib import Path

from kamscreen.batch.discover import printable

LOCK_NAME = ".kamscreen.lock"
# Temp files of the outputs (``report.files.temp_beside``): ``.<name>.<random>.tmp``.
TEMP_PREFIXES = (
    ".ranking.csv.",
    ".ranking.xlsx.",
    ".candidates.jsonl.",
    ".report.html.",
    ".report.cards.",
    ".manifest.json.",
)
_PROBE = ".kamscreen-probe-"


class OutputError(Exception):
    """The output folder cannot be used; ``str()`` is one line naming the path and the reason."""


def reason(exc: BaseException) -> str:
    """An OSError's reason as a person reads it (``No space left on device``)."""
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def prepare(out: Path, root: Path) -> Path:
    """Create ``out`` and prove it writable; refuse it when it is the screened folder itself."""
    out = Path(out)
    if out.resolve() == Path(root).resolve():
        raise OutputError(f"{printable(str(out))}: --out is the screened folder; choose another output folder")
    shown = printable(str(out))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{shown}: --out is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot create the output folder ({reason(exc)})") from None
    probe = out / f"{_PROBE}{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write in the output folder ({reason(exc)})") from None
    return out


class Lock:
    """``with Lock(out):`` one run per output folder; a second one fails naming who holds it.

    An OS file lock (``flock``) on ``OUT/.kamscreen.lock``: it ends with the process, so a run
    killed with ``kill -9`` leaves no stale lock. The file tells who holds it (pid, host, start).
    """

    def __init__(self, out: Path) -> None:
        self.path = Path(out) / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> Lock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = printable(os.read(fd, 200).decode("utf-8", "replace").strip()) or "another process"
            os.close(fd)
            raise OutputError(
                f"{printable(str(self.path.parent))}: in use by another kamscreen run ({holder}); "
                "wait for it to finish or choose another --out"
            ) from None
        started = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {started}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing releases the lock
            self._fd = None


def remove_stale_temps(out: Path) -> int:
    """Delete output temp files a killed run left (they hold CV text); call with the lock held."""
    removed = 0
    for path in Path(out).iterdir():
        if (
            (path.name.startswith(TEMP_PREFIXES) and path.name.endswith(".tmp")) or path.name.startswith(_PROBE)
        ) and path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def private_cache_dir(out: Path) -> Path:
    """Where a ``--blind`` run keeps its cache (CV text): the user's cache folder, one per output folder."""
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no password entry
        home = Path(tempfile.gettempdir())
    base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    key = hashlib.sha256(os.fsencode(Path(out).resolve())).hexdigest()[:16]
    return base / "kamscreen" / key


def move_out_private(out: Path, cache: Path, names: tuple[str, ...]) -> str | None:
    """For a blind run: move an earlier run's cache files (CV text) out of ``out`` to beside ``cache``.

    Returns a warning when they cannot be moved (the private cache exists already).
    """
    left = [Path(out) / name for name in names if (Path(out) / name).exists()]
    if not left:
        return None
    if Path(cache).exists():
        return (
            f"{printable(str(left[0]))} holds CV text from an earlier run that was not blind; "
            "delete it before sharing the output folder"
        )
    Path(cache).parent.mkdir(parents=True, exist_ok=True)
    for path in left:
        shutil.move(path, Path(cache).parent / path.name)
    return None
