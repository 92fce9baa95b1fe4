"""A small client of hh.ru's employer API (``https://api.hh.ru``, documented in the public repository
hhru/api): authorised GETs, the documented errors as exceptions, rate limits waited out.

Only the API host is contacted, and the site host its download links point to (``api.hh.ru`` →
``hh.ru``); any other address is refused before a connection is made, redirects included. The
token travels in the ``Authorization`` header only, never in a URL, a message or a redirect.

* ``429`` for the rate (``Retry-After`` honoured, else 1, 2, 4 … s) and ``5xx`` / network errors are
  retried ``retries`` times, then :class:`HhError`.
* ``429 view_limit_exceeded`` (the employer's daily resume views) and ``403 quota_exceeded`` /
  ``no_available_service`` raise :class:`LimitReached`: stop and run again later.
* ``403 oauth`` raises :class:`AuthError`; ``404`` and any other ``403`` (a resume deleted, hidden
  or not open to this employer) raise :class:`Unavailable`.

>>> Client("https://api.hh.ru", "secret").allowed("https://hh.ru/api_resume_converter/1/cv.pdf")
True
>>> Client("https://api.hh.ru", "secret").allowed("https://example.com/cv.pdf")
False
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from kamscreen import __version__

DEFAULT_API_URL = "https://api.hh.ru"
USER_AGENT = f"kamscreen/{__version__}"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_WAIT = 600.0  # a Retry-After longer than this is reported, not waited out
_LIMITS = frozenset({"view_limit_exceeded", "quota_exceeded", "no_available_service"})


class HhError(Exception):
    """hh.ru could not be read; the message says why (never with the token)."""


class LimitReached(HhError):
    """A daily view limit or quota: nothing more can be fetched until it resets."""


class AuthError(HhError):
    """The token was refused (missing, wrong, expired or revoked)."""


class Unavailable(HhError):
    """The resource is gone or not open to this employer (a deleted or hidden resume)."""


class _NoForeignRedirect(urllib.request.HTTPRedirectHandler):
    def __init__(self, client: Client) -> None:
        self.client = client

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not self.client.allowed(newurl):
            raise Unavailable(f"hh.ru redirected to {_host(newurl)}, which is not hh.ru's API host: not followed")
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:  # the token goes on to hh.ru's own hosts only
            new.add_unredirected_header("Authorization", req.unredirected_hdrs.get("Authorization", ""))
        return new


@dataclass
class Client:
    """GETs against ``api_url`` with ``token``; ``sleep`` and ``notify`` are for the waits."""

    api_url: str
    token: str = field(repr=False)
    user_agent: str = USER_AGENT
    retries: int = 5
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    notify: Callable[[str], None] = lambda message: None

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.api_url)
        if parts.scheme != "https" and not (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS):
            raise ValueError(f"--api-url must be https (plain http only to this machine), got {self.api_url!r}")
        self.api_url = self.api_url.rstrip("/")
        site = parts.netloc[4:] if parts.netloc.startswith("api.") else parts.netloc
        self._hosts = frozenset({parts.netloc, site})
        self._opener = urllib.request.build_opener(_NoForeignRedirect(self))

    def allowed(self, url: str) -> bool:
        """Whether ``url`` is on the API host (or the site host of its download links)."""
        parts = urllib.parse.urlsplit(url)
        return parts.scheme in ("https", "http") and parts.netloc in self._hosts

    def url(self, path: str, **params: object) -> str:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        return f"{self.api_url}/{path.lstrip('/')}" + (f"?{query}" if query else "")

    def get_json(self, url: str) -> dict:
        body = self.get(url)
        try:
            return json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise HhError(f"hh.ru answered {_short(url)} with something that is not JSON") from exc

    def get(self, url: str) -> bytes:
        """The body of a GET of ``url``, retried through rate limits and passing failures."""
        if not self.allowed(url):
            raise Unavailable(f"{_host(url)} is not hh.ru's API host: not contacted")
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        request.add_unredirected_header("Authorization", f"Bearer {self.token}")
        for attempt in range(self.retries + 1):
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                wait = self._failure(exc, url, attempt)
            except (urllib.error.URLError, OSError) as exc:  # refused, reset, timed out
                if attempt == self.retries:
                    raise HhError(f"could not reach hh.ru ({_reason(exc)}) after {attempt + 1} tries") from exc
                wait = 2.0**attempt
                self.notify(f"hh.ru unreachable ({_reason(exc)}): trying again in {wait:g} s")
            self.sleep(wait)
        raise AssertionError("unreachable")

    def _failure(self, exc: urllib.error.HTTPError, url: str, attempt: int) -> float:
        """Raise for a final answer; return the seconds to wait before trying again."""
        kinds = _error_kinds(exc)
        if exc.code == 429 and "view_limit_exceeded" in kinds:
            raise LimitReached("hh.ru's daily limit of resume views for this employer is reached")
        if exc.code == 403 and kinds & _LIMITS:
            raise LimitReached(f"hh.ru refuses more resume views ({', '.join(sorted(kinds & _LIMITS))})")
        if exc.code == 403 and ("oauth" in kinds or "bad_authorization" in kinds):
            raise AuthError(f"hh.ru refused the token ({', '.join(sorted(kinds)) or 'oauth'}): get a new one")
        if exc.code == 403 and "api_access_payment" in kinds:
            raise AuthError("hh.ru: responses and resumes need the employer's paid API access (api_access_payment)")
        if exc.code == 401:
            raise AuthError("hh.ru asks for authorisation (401): check the token")
        if exc.code in (403, 404):
            raise Unavailable(f"{_short(url)} is not available ({exc.code} {', '.join(sorted(kinds))})".rstrip())
        if exc.code != 429 and exc.code < 500:
            raise HhError(f"hh.ru answered {_short(url)} with {exc.code} {', '.join(sorted(kinds))}".rstrip())
        if attempt == self.retries:
            raise HhError(f"hh.ru answered {exc.code} {attempt + 1} times in a row for {_short(url)}: try later")
        wait = _retry_after(exc) if exc.code == 429 else None
        wait = 2.0**attempt if wait is None else wait
        if wait > MAX_WAIT:
            raise HhError(f"hh.ru asks to wait {wait:g} s before the next request: run again later")
        what = "rate limit (429)" if exc.code == 429 else f"error {exc.code}"
        self.notify(f"hh.ru {what}: waiting {wait:g} s")
        return wait


def _error_kinds(exc: urllib.error.HTTPError) -> set[str]:
    """The ``type`` and ``value`` of each entry of hh.ru's ``{"errors": [...]}`` body."""
    try:
        body = json.loads(exc.read().decode("utf-8"))
    except (ValueError, UnicodeDecodeError, OSError):
        return set()
    errors = body.get("errors") if isinstance(body, dict) else None
    return {str(e[k]) for e in errors or () if isinstance(e, dict) for k in ("type", "value") if e.get(k)}


def _retry_after(exc: urllib.error.HTTPError) -> float | None:
    try:
        return max(0.0, float(exc.headers.get("Retry-After", "")))
    except (TypeError, ValueError):
        return None


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _short(url: str) -> str:
    """The path of ``url`` without its query (which may carry ids worth keeping out of logs)."""
    return urllib.parse.urlsplit(url).path or url


def _reason(exc: Exception) -> str:
    return str(getattr(exc, "reason", exc))
