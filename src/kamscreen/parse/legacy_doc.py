"""Legacy Word ``.doc`` (OLE): converted by LibreOffice or antiword when one is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kamscreen.parse.errors import ParseFailure

CONVERT_TIMEOUT = 60.0


def convert_doc(data: bytes, name: str, timeout: float = CONVERT_TIMEOUT) -> tuple[str, bytes]:
    """Return ``("docx", bytes)`` from LibreOffice or ``("text", utf-8 bytes)`` from antiword."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    antiword = shutil.which("antiword")
    if not office and not antiword:
        raise ParseFailure(
            "unsupported_format",
            f"{name}: an old Word .doc file and no converter (libreoffice, antiword) is installed; save it as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="kamscreen-doc-") as folder:
        source = Path(folder) / "cv.doc"
        source.write_bytes(data)
        try:
            if office:
                subprocess.run(
                    [office, "--headless", "--convert-to", "docx", "--outdir", folder, str(source)],
                    capture_output=True,
                    timeout=timeout,
                    check=True,
                    env={"HOME": folder, "PATH": "/usr/bin:/bin:/usr/local/bin"},
                )
                return "docx", (Path(folder) / "cv.docx").read_bytes()
            assert antiword is not None  # one of the two converters was found above
            done = subprocess.run(
                [antiword, "-m", "UTF-8.txt", str(source)], capture_output=True, timeout=timeout, check=True
            )
            return "text", done.stdout
        except subprocess.TimeoutExpired as exc:
            raise ParseFailure("timeout", f"{name}: converting the .doc took longer than {timeout:g} s") from exc
        except (subprocess.CalledProcessError, OSError) as exc:
            raise ParseFailure("corrupt", f"{name}: the .doc file could not be converted; save it as .docx") from exc
