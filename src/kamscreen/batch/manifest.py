"""``OUT/manifest.json``: what the last finished run read and wrote, so an unchanged re-run can stop early.

The inputs digest covers the sorted (relative path, sha256) of every file, the pipeline version, a
hash of the score/report/batch code, ``--as-of``, the profile's content, ``--industry``, the model
files, ``--blind`` and ``--allow-large``. When it matches, the four outputs still have the sha256
recorded here and the last run left nothing to retry (``timeout``/``internal_error``), the outputs
are up to date and nothing is scored or written.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path

from kamscreen.batch.discover import sha256_file
from kamscreen.batch.work import pipeline_version
from kamscreen.report.files import write_atomic

MANIFEST_NAME = "manifest.json"
_VERSIONED = ("score", "report", "batch")  # code that shapes the outputs from cached extractions


def inputs_digest(files: list[tuple[str, str]], settings: dict) -> str:
    """sha256 over the (name, sha256) pairs in name order and the JSON of the run settings."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode())
    for name, sha in sorted(files):
        digest.update(f"\n{name}\t{sha}".encode())
    return digest.hexdigest()


def file_digest(path: Path | None) -> str | None:
    """sha256 of a model or profile given as a path: a file, or every file of a folder by name."""
    if path is None:
        return None
    path = Path(path)
    if path.is_file():
        return sha256_file(path)
    if path.is_dir():
        return hashlib.sha256(
            "".join(
                f"{p.relative_to(path)}:{sha256_file(p)}\n" for p in sorted(path.rglob("*")) if p.is_file()
            ).encode()
        ).hexdigest()
    return str(path)  # a shipped name the loader resolves; the code version covers shipped data


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """Hash of the score/report/batch sources and templates (the extraction code is the pipeline version)."""
    import kamscreen

    package = Path(kamscreen.__file__).resolve().parent
    digest = hashlib.sha256(kamscreen.__version__.encode())
    for path in sorted(
        p
        for name in _VERSIONED
        for p in (package / name).rglob("*")
        if p.is_file() and p.suffix in (".py", ".j2", ".js", ".css", ".yaml", ".yml")
    ):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def settings(
    scorer, industry: str | None, as_of: str | None, model: Path | None, blind: bool, allow_large: bool
) -> dict:
    """Everything besides the files that the outputs depend on (for the manifest's inputs digest)."""
    return {
        "pipeline": pipeline_version(),
        "code": code_version(),
        "as_of": as_of,
        "industry": industry,
        "profile": _profile_digest(scorer.profile),
        "model": file_digest(_model_file(model)),
        "model_name": scorer.model_name,
        "blind": blind,
        "allow_large": allow_large,
    }


def described(
    scorer, industry: str | None, as_of: str | None, model: Path | None, blind: bool, allow_large: bool
) -> dict:
    """The run's settings in words, for readers of the outputs (``kamscreen review``, a person)."""
    return {
        "ranked_by": scorer.ranked_by,
        "profile": scorer.profile.name,
        "industry": industry,
        "as_of": as_of,
        "model": str(model) if model is not None else None,
        "blind": blind,
        "allow_large": allow_large,
        "pipeline": pipeline_version(),
    }


def _profile_digest(profile) -> str:
    """The profile file's sha256 (plus its name); the repr, with readers' addresses dropped, if it has no file."""
    source = Path(profile.source)
    if source.is_file():
        return f"{profile.name}:{file_digest(source)}"
    return hashlib.sha256(re.sub(r" at 0x[0-9a-f]+", "", repr(profile)).encode()).hexdigest()


def _model_file(model: Path | None) -> Path | None:
    """The model path as ``load_model`` resolves it (a bare name is a shipped model)."""
    if model is None:
        return None
    path = Path(model)
    if not path.exists() and not path.is_absolute() and len(path.parts) == 1:
        from kamscreen.resources import data_dir

        path = data_dir("models") / path
    return path


def read(out: Path) -> dict | None:
    try:
        data = json.loads((Path(out) / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def up_to_date(out: Path, inputs: str) -> dict | None:
    """The previous run's manifest when its inputs equal ``inputs`` and its outputs are intact."""
    data = read(out)
    if not data or data.get("inputs") != inputs or data.get("retry"):
        return None
    outputs = data.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        return None
    for name, sha in outputs.items():
        path = Path(out) / name
        if not path.is_file() or sha256_file(path) != sha:
            return None
    return data


def forget(out: Path) -> None:
    """Drop the manifest before outputs are rewritten (a crash in between leaves no stale claim)."""
    (Path(out) / MANIFEST_NAME).unlink(missing_ok=True)


def write(out: Path, inputs: str, outputs: dict[str, Path], summary: dict) -> None:
    """Record the inputs digest, the outputs' sha256 and the summary counts."""
    data = {"inputs": inputs, "outputs": {Path(p).name: sha256_file(p) for p in outputs.values()}, **summary}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_atomic(Path(out) / MANIFEST_NAME, lambda tmp: tmp.write_text(text, encoding="utf-8"))
