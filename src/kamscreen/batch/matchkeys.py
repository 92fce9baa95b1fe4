"""What tells that two files are the same candidate, computed per file while the batch reads it.

* ``hh_ids``: hh.ru resume ids — the id of an hh.ru resume JSON, and ``hh.ru/resume/<id>`` links
  in the text (the file name ``hh_<id>.*`` that ``hh pull`` writes is added at grouping time,
  since the cache is keyed by content, not by name).
* ``emails`` and ``phones``: the contacts of the CV's header (its first ``HEAD_CHARS``) and of
  its contacts sections, so a referee's e-mail at the end is not taken for the candidate's.
  E-mails are compared lower-cased, phones by their last 10 digits (``+7 916 …`` = ``8 916 …``).
  Only salted hashes (HMAC-SHA256 with the cache's own salt) are kept: never the contacts
  themselves, and never as features of any model.
* ``signature``: a MinHash of the text's 5-word shingles (words lower-cased, ``ё`` = ``е``,
  contacts and links left out, so a changed phone does not change it). Two signatures agree on a
  share of positions that estimates the Jaccard similarity of the two texts' shingle sets;
  ``duplicates`` finds the pairs worth comparing by banding (LSH), never comparing every pair.

>>> keys = match_keys(parsed, salt="0" * 32)                      # doctest: +SKIP
>>> similarity(keys.signature, other.signature)                   # doctest: +SKIP
0.97
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import re
import zlib
from dataclasses import dataclass

from kamscreen.report.redact import EMAIL, PHONE, URL, is_phone

HEAD_CHARS = 800  # the header where a CV states its own contacts
SHINGLE = 5  # words per shingle
PERMUTATIONS = 128  # MinHash size: the similarity estimate's error is about 0.03 near 0.9
MIN_SHINGLES = 20  # a shorter text is not compared by its words (too little to tell people apart)
PHONE_DIGITS = 10  # phones compare by their national number: the last 10 digits
HH_ID = r"[0-9a-f]{20,64}"  # an hh.ru resume id (38 hex digits as hh.ru makes them)
_HH_LINK = re.compile(rf"hh\.ru/resume/({HH_ID})", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class MatchKeys:
    """One file's match keys (see the module docstring); ``signature`` is None for a short text."""

    hh_ids: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    signature: bytes | None = None

    def to_dict(self) -> dict:
        return {
            "hh_ids": list(self.hh_ids),
            "emails": list(self.emails),
            "phones": list(self.phones),
            "signature": base64.b64encode(self.signature).decode("ascii") if self.signature else None,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> MatchKeys:
        data = data or {}
        signature = data.get("signature")
        return cls(
            tuple(data.get("hh_ids") or ()),
            tuple(data.get("emails") or ()),
            tuple(data.get("phones") or ()),
            base64.b64decode(signature) if signature else None,
        )


def match_keys(parsed, salt: str) -> MatchKeys:
    """The keys of a ``ParsedCV``; contacts hashed with ``salt``."""
    text = parsed.text or ""
    ids = {m.group(1).lower() for m in _HH_LINK.finditer(text)}
    if parsed.structured is not None and parsed.structured.source == "hh_json" and parsed.structured.cv_id:
        ids.add(parsed.structured.cv_id.lower())
    head = [text[:HEAD_CHARS], *(text[s.start : s.end] for s in parsed.section("contacts"))]
    emails = {m.group().lower() for part in head for m in EMAIL.finditer(part)}
    phones = {
        digits[-PHONE_DIGITS:]
        for part in head
        for m in PHONE.finditer(part)
        if is_phone(m.group()) and len(digits := re.sub(r"\D", "", m.group())) >= PHONE_DIGITS
    }
    return MatchKeys(
        tuple(sorted(ids)), _sealed("email", emails, salt), _sealed("phone", phones, salt), signature(text)
    )


def _sealed(kind: str, values: set[str], salt: str) -> tuple[str, ...]:
    """Salted hashes of contact values (HMAC-SHA256, 16 bytes in hex)."""
    return tuple(
        sorted(hmac.new(salt.encode(), f"{kind}:{v}".encode(), hashlib.sha256).hexdigest()[:32] for v in values)
    )


def words(text: str) -> list[str]:
    """The text's words as compared: contacts and links blanked, lower-cased, ``ё`` read as ``е``."""
    for pattern in (EMAIL, URL, PHONE):
        text = pattern.sub(" ", text)
    return _WORD.findall(text.lower().replace("ё", "е"))


def signature(text: str) -> bytes | None:
    """The MinHash signature (``PERMUTATIONS`` × uint32, little-endian) of the text's shingles."""
    import numpy as np

    tokens = words(text)
    if len(tokens) < SHINGLE + MIN_SHINGLES - 1:
        return None
    hashes = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    shingles = np.zeros(len(tokens) - SHINGLE + 1, dtype=np.uint64)
    for k in range(SHINGLE):  # a polynomial of the words' hashes, wrapping at 2**64
        shingles = shingles * np.uint64(1_000_003) + hashes[k : len(hashes) - SHINGLE + 1 + k]
    shingles = np.unique(shingles)
    a, b = _permutations()
    mins = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), 2048):  # bounded memory for a long text
        chunk = shingles[start : start + 2048, None]
        mins = np.minimum(mins, ((chunk * a + b) >> np.uint64(32)).min(axis=0))
    return mins.astype("<u4").tobytes()


@functools.cache
def _permutations():
    """The fixed multiply-shift hash family (same in every process and run: signatures are cached)."""
    import numpy as np

    rng = np.random.default_rng(20250930)
    a = rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    b = rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def similarity(one: bytes, other: bytes) -> float:
    """The estimated Jaccard similarity of two signatures' texts (share of equal positions)."""
    import numpy as np

    return float(np.mean(np.frombuffer(one, "<u4") == np.frombuffer(other, "<u4")))
