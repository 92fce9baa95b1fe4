"""Batch screening: a folder of CVs → cached per-file extractions → ranking and reports.

>>> from kamscreen.batch import screen                              # doctest: +SKIP
>>> summary = screen(Path("data/samples"), Path("out"), jobs=1)    # doctest: +SKIP
>>> summary.processed, summary.cached                               # doctest: +SKIP
(12, 0)
"""

from __future__ import annotations

from kamscreen.batch.discover import SUPPORTED_SUFFIXES, find_cvs
from kamscreen.batch.record import FileResult, Task
from kamscreen.batch.screen import CACHE_NAME, Summary, screen
from kamscreen.batch.work import extract_file, pipeline_version

__all__ = [
    "CACHE_NAME",
    "SUPPORTED_SUFFIXES",
    "FileResult",
    "Summary",
    "Task",
    "extract_file",
    "find_cvs",
    "pipeline_version",
    "screen",
]
