"""hh.ru's employer API: the one part of kamscreen that goes online, and only from ``kamscreen hh pull``.

>>> from kamscreen.hh import Client, pull                                        # doctest: +SKIP
>>> pull(Client("https://api.hh.ru", token), "123456", Path("cvs"))               # doctest: +SKIP
"""

from __future__ import annotations

from kamscreen.hh.client import DEFAULT_API_URL, AuthError, Client, HhError, LimitReached, Unavailable
from kamscreen.hh.pull import PullSummary, pull

__all__ = ["DEFAULT_API_URL", "AuthError", "Client", "HhError", "LimitReached", "PullSummary", "Unavailable", "pull"]
