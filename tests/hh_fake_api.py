"""A local fake of hh.ru's employer API for tests, on 127.0.0.1: the documented endpoints
``GET /negotiations/response?vacancy_id=&page=&per_page=`` (docs/employer_negotiations.md),
``GET /resumes/{id}`` (docs/employer_resumes.md), the resume's PDF download link, and the
documented errors (``403 oauth``, ``429`` for the rate and ``429 view_limit_exceeded``, ``503``).
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import hh_resumes as H

TOKEN = "test-token-0123456789"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MAX_PER_PAGE = 50


def make_resumes(count: int) -> list[dict]:
    """``count`` resumes to the documented schema; ids are 38 hex digits as hh.ru's are."""
    resumes = []
    for n in range(count):
        start_year = 2010 + n % 10
        resumes.append(
            H.resume(
                f"{n:038x}",
                "Key Account Manager",
                [
                    H.job(
                        f"{start_year}-03-01",
                        None,
                        f"ООО «Клиент {n}»",
                        "Key Account Manager",
                        "Развитие ключевых клиентов.",
                        [("27.442", "Кондитерские изделия")],
                    )
                ],
                (2025 - start_year) * 12 + 7,  # March of start_year – September 2025
            )
        )
    return resumes


class FakeHh:
    """The fake server; its knobs script the failures and its counters tell what was asked."""

    def __init__(self, responses: int = 120, vacancy: str = "42") -> None:
        self.vacancy = vacancy
        self.resumes = {r["id"]: r for r in make_resumes(responses)}
        self.created = {
            rid: (dt.date(2025, 9, 1) + dt.timedelta(days=n // 10)).isoformat() for n, rid in enumerate(self.resumes)
        }
        self.pages_asked: list[tuple[int, int]] = []  # (page, per_page)
        self.views: collections.Counter[str] = collections.Counter()  # resume JSON served
        self.pdfs: collections.Counter[str] = collections.Counter()
        self.user_agents: set[str] = set()
        self.rate_limited = 0  # the next N resume requests get 429 (rate)
        self.retry_after = "1"
        self.view_limit: int | None = None  # after N views: 429 view_limit_exceeded
        self.down_after: int | None = None  # after N views: 503 for everything
        self.pdf_url: str | None = None  # where resumes say their PDF is (default: here)
        self.gone: set[str] = set()  # resumes deleted since they responded: 404
        self.deleted_in_list: set[str] = set()  # responses whose resume is null in the list
        self.pdf_forbidden: set[str] = set()  # 403 on the PDF download
        self.pdf_redirect: str | None = None  # 302 from the PDF link to here + this path (or a full URL)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeHh:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:  # http.server's name
                fake.user_agents.add(self.headers.get("User-Agent", ""))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    return self._error(403, "oauth", "bad_authorization")
                if fake.down_after is not None and sum(fake.views.values()) >= fake.down_after:
                    return self._error(503, "service_unavailable", None)
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                parts = url.path.strip("/").split("/")
                if parts == ["negotiations", "response"]:
                    return self._page(query)
                if len(parts) == 2 and parts[0] == "resumes" and parts[1] in set(fake.resumes) - fake.gone:
                    return self._resume(parts[1])
                if len(parts) == 3 and parts[0] == "api_resume_converter" and parts[1] in fake.pdf_forbidden:
                    return self._error(403, "resumes", "no_access")
                if parts[0] == "api_resume_converter" and fake.pdf_redirect and "moved" not in query:
                    target = fake.pdf_redirect if "://" in fake.pdf_redirect else fake.url + fake.pdf_redirect
                    return self._send(302, b"", headers={"Location": target})
                if len(parts) == 3 and parts[0] == "api_resume_converter" and parts[1] in fake.resumes:
                    fake.pdfs[parts[1]] += 1
                    return self._send(200, PDF, "application/pdf")
                return self._error(404, "not_found", None)

            def _page(self, query: dict) -> None:
                if query.get("vacancy_id") != fake.vacancy:
                    return self._error(404, "not_found", None)
                page, per_page = int(query.get("page", 0)), min(int(query.get("per_page", 20)), MAX_PER_PAGE)
                fake.pages_asked.append((page, per_page))
                ids = list(fake.resumes)
                chunk = ids[page * per_page : (page + 1) * per_page]
                items = [
                    {
                        "id": str(900000 + ids.index(rid)),
                        "created_at": f"{fake.created[rid]}T10:00:00+0300",
                        "state": {"id": "response", "name": "Отклик"},
                        "resume": None
                        if rid in fake.deleted_in_list
                        else H.short(fake.resumes[rid])
                        | {"url": f"{fake.url}/resumes/{rid}?topic_id={ids.index(rid)}"},
                    }
                    for rid in chunk
                ]
                body = {
                    "found": len(ids),
                    "pages": -(-len(ids) // per_page),
                    "page": page,
                    "per_page": per_page,
                    "items": items,
                }
                self._send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"))

            def _resume(self, rid: str) -> None:
                if fake.rate_limited:
                    fake.rate_limited -= 1
                    return self._error(429, "too_many_requests", None, {"Retry-After": fake.retry_after})
                if fake.view_limit is not None and sum(fake.views.values()) >= fake.view_limit:
                    return self._error(429, "resumes", "view_limit_exceeded")
                fake.views[rid] += 1
                data = dict(fake.resumes[rid])
                pdf = fake.pdf_url or f"{fake.url}/api_resume_converter/{rid}/cv.pdf?type=pdf"
                data["actions"] = {"download": {"pdf": {"url": pdf}}}
                self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"))

            def _error(self, code: int, kind: str, value: str | None, headers: dict | None = None) -> None:
                error = {"type": kind} | ({"value": value} if value else {})
                self._send(code, json.dumps({"errors": [error]}).encode("utf-8"), headers=headers)

            def _send(self, code: int, body: bytes, kind: str = "application/json", headers: dict | None = None):
                self.send_response(code)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler
