"""kamscreen: screen CVs for Key Account Manager roles, with evidence for every fact.

The stages run one way: ``parse`` (file → ParsedCV) → ``extract`` (ParsedCV → Facts)
→ ``score`` (Facts → Assessment) → report.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["parse", "extract", "score", "__version__"]


def __getattr__(name: str):
    # Lazy: importing kamscreen must stay cheap (spaCy loads only when extraction runs).
    if name == "parse":
        from kamscreen.parse import parse

        return parse
    if name == "extract":
        from kamscreen.extract import extract

        return extract
    if name == "score":
        from kamscreen.score import score

        return score
    raise AttributeError(name)
