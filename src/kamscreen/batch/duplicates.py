"""The same candidate in several files (a PDF and a DOCX of one CV, a resubmission, the hh.ru JSON
and its PDF): group the files, one row per candidate, its facts from the best source.

Two files are the same candidate when they are

* the same bytes ("identical file"), when they could be read (two empty files are no one);
* the same hh.ru resume ("same hh.ru resume id"): the id an hh.ru JSON carries, an
  ``hh.ru/resume/<id>`` link in the text, or the ``hh_<id>.json``/``.pdf`` names ``hh pull`` writes;
* the same person's contacts ("same e-mail", "same phone", compared as salted hashes, see
  ``matchkeys``) — unless that contact is on more than ``MAX_SHARED_CONTACT`` files: then it is an
  agency's or a template's, not one candidate's;
* near-identical text ("text 97 % similar"): the estimated Jaccard similarity of their 5-word
  shingles (contacts left out) is at least ``TEXT_THRESHOLD``. The same CV in two layouts (PDF,
  DOCX, two columns or one) measures 0.80–1.00; different people 0.00–0.25 (0.10 at most over the
  241 real CVs of the development set). Pairs worth comparing are found by banding the MinHash
  signatures (LSH: ``BANDS`` bands of ``ROWS``), so a folder of thousands is not compared pair by pair.

Identical bytes and text never join two different hh.ru resumes (one person may have several, but
only a shared contact says so). Groups are transitive: A–B by e-mail and B–C by text make one
candidate. A pair at least ``NEAR_THRESHOLD`` similar but kept apart is listed as a possible
duplicate with the reason ("text 62 % similar, below 70 %").

The best source gives the facts: a file that was read (with a work history) before one that was
not, then hh.ru's JSON over PDF over DOCX over the other formats, then the newest document, then
the name.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Protocol

from kamscreen.batch.matchkeys import HH_ID, PERMUTATIONS, MatchKeys

TEXT_THRESHOLD = 0.70  # estimated Jaccard similarity of the shingles from which two texts are one CV
NEAR_THRESHOLD = 0.40  # from here a pair kept apart is shown as a possible duplicate
MAX_SHARED_CONTACT = 4  # files one candidate's e-mail or phone may be on
ROWS = 3  # LSH: bands of 3 of the signature's values; a pair is compared when one band is equal,
BANDS = PERMUTATIONS // ROWS  # with probability 1 - (1 - s**3)**42: 0.94 at s = 0.40, 0.99999999 at 0.70
MAX_NEAR = 3  # possible duplicates listed per candidate
MAX_PAIRED = 20  # files sharing a key that are paired each with each (a larger bucket is chained)
SOURCE_ORDER = ("hh_json", "pdf", "docx")  # the best sources first; any other format after them
_NAME_ID = re.compile(rf"(?:^|/)hh_({HH_ID})\.[A-Za-z0-9]+$", re.IGNORECASE)  # as ``hh pull`` names files
_PERSON = {"same e-mail", "same phone"}  # reasons that may join two hh.ru resumes


class Item(Protocol):
    """What grouping reads of a screened file (``batch.scoring.Entry``), read-only."""

    @property
    def file(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def document_date(self) -> str | None: ...
    @property
    def keys(self) -> MatchKeys | None: ...
    @property
    def unread(self) -> bool: ...
    @property
    def scored(self) -> bool: ...


@dataclass(frozen=True)
class Link:
    """Another file of the candidate (or a possible duplicate) and why: ``reason`` relates it to
    ``via``, a file of the candidate other than the best one, or to the best one when ``via`` is None."""

    file: str
    sha256: str
    source: str
    status: str
    reason: str
    via: str | None = None

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "source": self.source,
            "status": self.status,
            "reason": self.reason,
            "via": self.via,
        }


@dataclass(frozen=True)
class Group:
    """One candidate: ``best`` (an index of the items) gives the facts; ``others`` are its other
    files, ``near`` the possible duplicates judged different."""

    best: int
    others: tuple[tuple[int, Link], ...] = ()
    near: tuple[tuple[int, Link], ...] = ()


@dataclass
class _Pair:
    """What two files share: the reasons, and their texts' similarity when it was measured."""

    reasons: list[str] = field(default_factory=list)
    share: float | None = None

    @property
    def order(self) -> tuple:
        """Join order: pairs with a key first (identity, resume id, contacts), then the most similar texts."""
        only_text = self.share is not None and len(self.reasons) == 1
        return only_text, -(self.share or 0.0)


def group(items: Sequence[Item]) -> list[Group]:
    """The candidates among ``items``, in the order of their best files."""
    pairs, near = _pairs(items)
    ids = [set(_hh_ids(item)) for item in items]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges: dict[int, list[tuple[int, _Pair]]] = defaultdict(list)  # the pairs that joined, both ways
    for (i, j), pair in sorted(pairs.items(), key=lambda kv: kv[1].order):
        a, b = root(i), root(j)
        if a != b and ids[a] and ids[b] and not ids[a] & ids[b] and not set(pair.reasons) & _PERSON:
            near[(i, j)] = _Pair([*pair.reasons, "but another hh.ru resume"], pair.share)
            continue
        if a != b:
            parent[b] = a
            ids[a] |= ids[b]
        edges[i].append((j, pair))
        edges[j].append((i, pair))
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        members[root(i)].append(i)
    nearby: dict[int, dict[int, _Pair]] = defaultdict(dict)  # root → a file of another candidate → their pair
    for (i, j), pair in near.items():
        if root(i) != root(j):
            nearby[root(i)].setdefault(j, pair)
            nearby[root(j)].setdefault(i, pair)
    groups = []
    for top, indexes in members.items():
        best = min(indexes, key=lambda i: _preference(items[i]))
        close = sorted(nearby[top].items(), key=lambda kv: (kv[1].order[1], items[kv[0]].file))[:MAX_NEAR]
        groups.append(
            Group(best, _tree(items, best, edges), tuple((i, _link(items[i], pair.reasons)) for i, pair in close))
        )
    return sorted(groups, key=lambda g: g.best)


def _hh_ids(item: Item) -> list[str]:
    name = _NAME_ID.search(item.file)
    return [*(item.keys.hh_ids if item.keys else ()), *([name.group(1).lower()] if name else [])]


def _pairs(items: Sequence[Item]) -> tuple[dict[tuple[int, int], _Pair], dict[tuple[int, int], _Pair]]:
    """(pairs of the same candidate, pairs only similar), each pair with its reasons."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if item.sha256 and item.status != "error":  # the bytes of an unreadable file tell no one apart
            buckets[("identical file", item.sha256)].append(i)
        for hh_id in set(_hh_ids(item)):
            buckets[("same hh.ru resume id", hh_id)].append(i)
        for kind, values in (
            ("same e-mail", item.keys.emails if item.keys else ()),
            ("same phone", item.keys.phones if item.keys else ()),
        ):
            for value in values:
                buckets[(kind, value)].append(i)
    pairs: dict[tuple[int, int], _Pair] = defaultdict(_Pair)
    for (reason, _), indexes in buckets.items():
        if reason in _PERSON and len(indexes) > MAX_SHARED_CONTACT:
            continue
        for pair in _within(indexes):
            if reason not in pairs[pair].reasons:
                pairs[pair].reasons.append(reason)
    near: dict[tuple[int, int], _Pair] = {}
    for pair, share in _similar_texts(items).items():
        text = f"text {int(share * 100)} % similar"
        if share >= TEXT_THRESHOLD:
            pairs[pair].reasons.append(text)
            pairs[pair].share = share
        elif pair not in pairs:
            near[pair] = _Pair([f"{text}, below {int(TEXT_THRESHOLD * 100)} %"], share)
    return dict(pairs), near


def _within(indexes: list[int]):
    """The pairs of a bucket: every pair of a small one, a chain through a large one (connected all the same)."""
    if len(indexes) <= MAX_PAIRED:
        return ((i, j) for n, i in enumerate(indexes) for j in indexes[n + 1 :])
    return pairwise(indexes)


def _similar_texts(items: Sequence[Item]) -> dict[tuple[int, int], float]:
    """Pairs whose signatures share a band (LSH), with their similarity when it is ``NEAR_THRESHOLD`` or more."""
    import numpy as np

    signed = [(i, item.keys.signature) for i, item in enumerate(items) if item.keys is not None and item.keys.signature]
    indexes = [i for i, _ in signed]
    if len(indexes) < 2:
        return {}
    signatures = np.stack([np.frombuffer(signature, "<u4") for _, signature in signed])
    bands: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for row, signature in enumerate(signatures):
        for band in range(BANDS):
            bands[(band, signature[band * ROWS : (band + 1) * ROWS].tobytes())].append(row)
    candidates = {pair for rows in bands.values() if len(rows) > 1 for pair in _within(rows)}
    found = {}
    for a, b in sorted(candidates):
        share = float(np.count_nonzero(signatures[a] == signatures[b])) / PERMUTATIONS
        if share >= NEAR_THRESHOLD:
            found[(indexes[a], indexes[b])] = share
    return found


def _preference(item: Item) -> tuple:
    """Sort key of the best source (smallest first): read with a history, format, newest, name."""
    state = (
        0 if item.scored and not item.unread else 1 if item.status == "ok" else 2 if item.status == "needs_ocr" else 3
    )
    source = SOURCE_ORDER.index(item.source) if item.source in SOURCE_ORDER else len(SOURCE_ORDER)
    newest = -int(re.sub(r"\D", "", item.document_date or "") or 0)
    return state, source, newest, item.file


def _tree(items: Sequence[Item], best: int, edges: dict[int, list[tuple[int, _Pair]]]) -> tuple[tuple[int, Link], ...]:
    """The group's other files, each with the reason that links it to the best file or to one linked before."""
    others, seen, queue = [], {best}, deque([best])
    while queue:
        here = queue.popleft()
        for there, pair in sorted(edges[here], key=lambda e: (e[1].order, items[e[0]].file)):
            if there not in seen:
                seen.add(there)
                queue.append(there)
                others.append((there, _link(items[there], pair.reasons, None if here == best else items[here].file)))
    return tuple(others)


def _link(item: Item, reasons: list[str], via: str | None = None) -> Link:
    """``item`` linked for ``reasons`` (bytes that are identical need no other reason)."""
    identical = "identical file" in reasons and "but another hh.ru resume" not in reasons
    return Link(
        item.file, item.sha256, item.source, item.status, "identical file" if identical else ", ".join(reasons), via
    )
