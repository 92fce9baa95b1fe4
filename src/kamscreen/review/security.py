"""Who may use the review app, and how its pages defend themselves.

- Access: a secret token (printed at start, or ``--token``). Opening ``/login?token=…`` asks for
  the recruiter's name and sets a session cookie signed with the token (HMAC-SHA256; HttpOnly,
  SameSite=Strict). Every other request without a valid cookie is refused (401).
- CSRF: every form and script request carries a token derived from the session (HMAC), checked on
  each POST, and a POST whose ``Origin`` is another site is refused.
- Headers: a strict Content-Security-Policy (scripts and styles only from the app itself, no
  inline script, no framing), ``nosniff``, ``same-origin`` referrers (the login URL holds the token;
  ``no-referrer`` would make browsers send ``Origin: null`` on the app's own forms).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

COOKIE = "kamscreen_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
MAX_NAME = 60
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Guard:
    """Signs and checks sessions and CSRF tokens with the app's access token."""

    def __init__(self, token: str) -> None:
        if len(token) < 16:
            raise ValueError("the access token must be at least 16 characters")
        self.token = token
        self._key = hashlib.sha256(b"kamscreen-review\0" + token.encode()).digest()

    def token_ok(self, candidate: str | None) -> bool:
        if not candidate:
            return False
        return hmac.compare_digest(candidate.encode(), self.token.encode())

    def _sign(self, purpose: str, value: str) -> str:
        return hmac.new(self._key, f"{purpose}\0{value}".encode(), hashlib.sha256).hexdigest()

    def session(self, name: str) -> str:
        """The cookie value for recruiter ``name``."""
        encoded = base64.urlsafe_b64encode(name.encode()).decode().rstrip("=")
        return f"{encoded}.{self._sign('session', name)}"

    def recruiter(self, cookie: str | None) -> str | None:
        """The recruiter a cookie belongs to, or None when it is missing or forged."""
        if not cookie or "." not in cookie:
            return None
        encoded, signature = cookie.rsplit(".", 1)
        try:
            name = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        return name if hmac.compare_digest(signature, self._sign("session", name)) else None

    def csrf(self, name: str) -> str:
        return self._sign("csrf", name)[:32]

    def csrf_ok(self, name: str, candidate: str | None) -> bool:
        if not candidate:
            return False
        return hmac.compare_digest(candidate, self.csrf(name))


def clean_name(name: str | None) -> str:
    """A recruiter's name as typed: one line, trimmed, at most MAX_NAME characters ('' if unusable)."""
    return " ".join((name or "").split())[:MAX_NAME]
