"""The review web app (Starlette): the ranked list, a candidate's view, decisions, audit log, retraining.

Server-rendered with the report's Jinja2 templates (``parts.html.j2``: the same table, checklist
and highlighted CV text as report.html) plus this package's pages; the scripts and styles are
served by the app itself (no external assets). Every request needs a session from the access
token (``security``); every POST a CSRF token.

>>> app = create_app(Review(Path("out"), Store.open(database_url(Path("out"), None)), "kam-director",
...                         Guard(new_token())))                             # doctest: +SKIP
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from kamscreen.report.html import card_of, environment, render_html, template_globals
from kamscreen.report.model import DECISION_LABELS
from kamscreen.review import labels as labels_csv
from kamscreen.review.ranking import Ranking, by_model, by_screen
from kamscreen.review.retrain import positive, retrain
from kamscreen.review.screening import Screening
from kamscreen.review.security import COOKIE, CSRF_FIELD, CSRF_HEADER, HEADERS, Guard, clean_name
from kamscreen.review.storage import DECISIONS, Store

STATIC = Path(__file__).resolve().parent / "static"
SHARED_ASSETS = {"table.js": "text/javascript", "evidence.js": "text/javascript", "report.css": "text/css"}
OWN_ASSETS = {"review.js": "text/javascript", "review.css": "text/css"}
KEYS = {d: str(i) for i, d in enumerate(DECISIONS, start=1)}  # reject 1 … hire 5


class Review:
    """What the app serves: one screen's outputs, the database, the vacancy, the access guard."""

    def __init__(self, out: Path, store: Store, vacancy: str | None, guard: Guard) -> None:
        self.screening = Screening(out)
        self.store = store
        self.vacancy = vacancy or self.screening.profile
        self.guard = guard
        self._lock = threading.Lock()
        self._ranking: tuple[tuple, Ranking] | None = None
        self.retraining = threading.Lock()

    def ranking(self) -> Ranking:
        """The current order: re-computed when the screen or the active model changed."""
        with self._lock:
            self.screening.refresh()
            active = self.store.active_model(self.vacancy)
            key = (self.screening.version, active.id if active else None)
            if self._ranking is None or self._ranking[0] != key:
                ranking = by_model(self.screening, active) if active else by_screen(self.screening)
                self._ranking = (key, ranking)
            return self._ranking[1]


def create_app(review: Review, hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> ASGIApp:
    """The ASGI app over ``review``; ``hosts`` are the Host names it answers to (DNS rebinding guard)."""
    env = _environment()
    shared = environment()
    assets = {name: (shared.get_template(name).render(), kind) for name, kind in SHARED_ASSETS.items()}
    assets |= {name: ((STATIC / name).read_text(encoding="utf-8"), kind) for name, kind in OWN_ASSETS.items()}

    def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        name = request.state.recruiter if hasattr(request.state, "recruiter") else None
        page = env.get_template(template).render(
            recruiter=name,
            csrf=review.guard.csrf(name) if name else "",
            vacancy=review.vacancy,
            decisions=DECISIONS,
            keys=KEYS,
            **template_globals(context.pop("criteria", {})),
            **context,
        )
        return HTMLResponse(page, status_code=status)

    def guarded(handler: Callable) -> Callable:
        """Refuse a request without a valid session (401), a POST without CSRF token or from elsewhere (403)."""

        @functools.wraps(handler)
        async def endpoint(request: Request) -> Response:
            name = review.guard.recruiter(request.cookies.get(COOKIE))
            if name is None:
                return render(
                    request,
                    "message.html.j2",
                    401,
                    title="Access token needed",
                    message="This review app needs its access link: open the address "
                    "`kamscreen review` printed when it started (…/login?token=…).",
                )
            request.state.recruiter = name
            if request.method == "POST":
                origin = request.headers.get("origin")
                if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
                    return PlainTextResponse("cross-site request refused", status_code=403)
                form = await request.form(max_files=1, max_fields=20)
                request.state.form = form
                token = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD)
                if not review.guard.csrf_ok(name, token if isinstance(token, str) else None):
                    return PlainTextResponse("missing or wrong CSRF token; reload the page", status_code=403)
            return await handler(request)

        return endpoint

    async def login(request: Request) -> Response:
        if request.method == "GET":
            token = request.query_params.get("token")
            if not review.guard.token_ok(token):
                return render(
                    request,
                    "message.html.j2",
                    401,
                    title="Access token needed",
                    message="This link has no valid access token. Use the address "
                    "`kamscreen review` printed when it started.",
                )
            return render(request, "login.html.j2", token=token)
        form = await request.form(max_files=0, max_fields=5)  # fields only: strings
        given, typed = form.get("token"), form.get("name")
        name = clean_name(typed if isinstance(typed, str) else None)
        if not review.guard.token_ok(given if isinstance(given, str) else None):
            return render(request, "message.html.j2", 401, title="Access token needed", message="Wrong access token.")
        if not name:
            return render(request, "login.html.j2", 400, token=given, error="Please type your name.")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(COOKIE, review.guard.session(name), httponly=True, samesite="strict", path="/")
        return response

    @guarded
    async def logout(request: Request) -> Response:
        response = RedirectResponse("/login-done", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    async def logged_out(request: Request) -> Response:
        return render(
            request,
            "message.html.j2",
            title="Signed out",
            message="Signed out. Open the access link again to come back.",
        )

    @guarded
    async def ranking_page(request: Request) -> Response:
        return render(request, "list.html.j2", **await run_in_threadpool(_list_context, review))

    @guarded
    async def candidate_page(request: Request) -> Response:
        sha = request.path_params["sha"]
        if sha in review.screening.aliases:  # another file of a candidate: the candidate's page
            return RedirectResponse(f"/c/{review.screening.aliases[sha]}", status_code=303)
        context = await run_in_threadpool(_candidate_context, review, sha)
        if context is None:
            return render(
                request,
                "message.html.j2",
                404,
                title="Not in this screen",
                message="No candidate with this file hash in the current screen.",
            )
        return render(request, "candidate.html.j2", **context)

    @guarded
    async def decide(request: Request) -> Response:
        sha, form = request.path_params["sha"], request.state.form
        sha = review.screening.aliases.get(sha, sha)  # a candidate's decision is kept under its best file
        decision = form.get("decision") or None
        if decision is not None and decision not in DECISIONS:
            return PlainTextResponse(f"unknown decision; one of {', '.join(DECISIONS)}", status_code=400)
        entry = review.screening.by_sha.get(sha)
        if entry is None:
            return PlainTextResponse("no such candidate in this screen", status_code=404)
        if form.get("keep_note"):  # a key press on the list decides without touching the note
            current = review.screening.decisions(review.store.decisions(review.vacancy)).get(sha)
            note = current.note if current else ""
        else:
            note = str(form.get("note") or "")[:2000]
        await run_in_threadpool(
            review.store.decide, review.vacancy, sha, entry.file, decision, note, request.state.recruiter
        )
        if "application/json" in request.headers.get("accept", ""):
            saved = review.store.decisions(review.vacancy).get(sha)
            return JSONResponse({"sha256": sha, "decision": asdict(saved) if saved else None})
        return RedirectResponse(f"/c/{sha}", status_code=303)

    @guarded
    async def models_page(request: Request) -> Response:
        return render(request, "models.html.j2", **await run_in_threadpool(_models_context, review))

    @guarded
    async def retrain_now(request: Request) -> Response:
        def run():
            with review.retraining:  # one retrain at a time
                return retrain(review.screening, review.store, review.vacancy, request.state.recruiter)

        outcome = await run_in_threadpool(run)
        context = await run_in_threadpool(_models_context, review)
        return render(request, "models.html.j2", 422 if outcome.refused else 200, outcome=outcome, **context)

    @guarded
    async def activate(request: Request) -> Response:
        raw = request.state.form.get("model_id") or ""
        model_id = int(raw) if str(raw).isdigit() else None
        if model_id is not None and model_id not in {m.id for m in review.store.models(review.vacancy)}:
            return PlainTextResponse("no such model for this vacancy", status_code=404)
        await run_in_threadpool(review.store.activate, review.vacancy, model_id)
        return RedirectResponse("/models", status_code=303)

    @guarded
    async def export_labels(request: Request) -> Response:
        text = await run_in_threadpool(labels_csv.export_csv, review.store, review.vacancy)
        return Response(
            "\ufeff" + text,
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": 'attachment; filename="labels.csv"'},
        )

    @guarded
    async def import_labels(request: Request) -> Response:
        upload = request.state.form.get("labels")
        if upload is None or isinstance(upload, str):
            return render(request, "message.html.j2", 400, title="Import", message="Choose a labels CSV file.")
        data = await upload.read(labels_csv.MAX_BYTES + 1)
        try:
            done = await run_in_threadpool(
                labels_csv.import_csv, data, review.screening, review.store, review.vacancy, request.state.recruiter
            )
        except ValueError as exc:
            return render(request, "message.html.j2", 400, title="Import refused", message=str(exc))
        return render(request, "imported.html.j2", done=done)

    @guarded
    async def report(request: Request) -> Response:
        page = await run_in_threadpool(_report, review)
        return HTMLResponse(page, headers={"content-disposition": 'attachment; filename="report.html"'})

    async def asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return PlainTextResponse("not found", status_code=404)
        return Response(found[0], media_type=found[1], headers={"cache-control": "no-cache"})

    routes = [
        Route("/", ranking_page),
        Route("/c/{sha:str}", candidate_page),
        Route("/c/{sha:str}/decision", decide, methods=["POST"]),
        Route("/models", models_page),
        Route("/retrain", retrain_now, methods=["POST"]),
        Route("/models/activate", activate, methods=["POST"]),
        Route("/labels.csv", export_labels),
        Route("/labels", import_labels, methods=["POST"]),
        Route("/report.html", report),
        Route("/assets/{name:str}", asset),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/login-done", logged_out),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))])
    return _with_headers(app)


def _with_headers(app: Starlette) -> ASGIApp:
    """Wrap the app so that every response carries the security headers (CSP, nosniff, no-referrer…)."""
    extra = [(k.encode(), v.encode()) for k, v in HEADERS.items()]

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message = {
                    **message,
                    "headers": list(message.get("headers", [])) + [h for h in extra if h[0] not in names],
                }
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    loader = ChoiceLoader(
        [PackageLoader("kamscreen.review", "templates"), PackageLoader("kamscreen.report", "templates")]
    )
    return Environment(loader=loader, autoescape=select_autoescape(default=True, default_for_string=True))


def _decision_dict(decision) -> dict | None:
    return asdict(decision) if decision is not None else None


def _list_context(review: Review) -> dict:
    ranking = review.ranking()
    decided = review.store.decisions(review.vacancy)
    screening = review.screening
    candidates = screening.decisions(decided)
    rows = []
    for index, sha in enumerate(ranking.order):
        entry = screening.by_sha[sha]
        decision = _decision_dict(candidates.get(sha))
        decided_on = next(
            (o["file"] for o in entry.summary["other_files"] if decision and o["sha256"] == decision["sha256"]), None
        )
        rows.append(
            {
                **entry.summary,
                "index": index,
                "rank": ranking.ranks.get(sha),
                "fit": ranking.probabilities.get(sha),
                "decision": decision,
                "decided_on": decided_on,
                "href": f"/c/{sha}",
            }
        )
    others = review.store.other_vacancies(review.vacancy, set(screening.by_sha) | set(screening.aliases))
    return {
        "rows": rows,
        "ranking": ranking,
        "criteria": review.screening.criteria,
        "others": others,
        "decided": len(candidates),
        "total": len(rows),
        "left": sum(not screening.known(sha) for sha in decided),
    }


def _candidate_context(review: Review, sha: str) -> dict | None:
    ranking = review.ranking()
    if sha not in review.screening.by_sha:
        return None
    cand = review.screening.candidate(sha)
    index = ranking.order.index(sha)
    if cand.assessment is not None:
        fit = cand.assessment.get("fit") or {}
        if ranking.model is not None:
            from kamscreen.batch.codec import assessment_from_dict

            reasons = ranking.model.explain(assessment_from_dict(review.screening.line(sha)))
            fit = {
                "probability": ranking.probabilities.get(sha),
                "model": ranking.model.name,
                "reasons": [r.to_dict() for r in reasons],
            }
        from dataclasses import replace

        cand = replace(cand, assessment={**cand.assessment, "fit": fit, "rank": ranking.ranks.get(sha)})
    decided = review.store.decisions(review.vacancy)
    decision = review.screening.decisions(decided).get(sha)
    card = card_of(
        index,
        cand,
        blind=review.screening.blind,
        decision=_decision_dict(decision),
        href=f"/c/{sha}",
        file_decisions={s: asdict(d) for s, d in decided.items()},
    )
    order = ranking.order
    return {
        "card": card,
        "ranking": ranking,
        "history": review.store.history(review.vacancy, sha),
        "prev": order[index - 1] if index > 0 else None,
        "next": order[index + 1] if index + 1 < len(order) else None,
        "position": index + 1,
        "total": len(order),
        "criteria": review.screening.criteria,
    }


def _models_context(review: Review) -> dict:
    from kamscreen.score.train import DEFAULT_POSITIVE_FROM, STAGES

    decided = review.store.decisions(review.vacancy)
    usable = [d for sha, d in review.screening.decisions(decided).items() if review.screening.by_sha[sha].scored]
    positives = sum(positive(d.decision, DEFAULT_POSITIVE_FROM) for d in usable)
    rule = ", ".join(d for d in DECISIONS if positive(d, DEFAULT_POSITIVE_FROM))
    return {
        "ranking": review.ranking(),
        "models": review.store.models(review.vacancy),
        "usable": len(usable),
        "positives": positives,
        "negatives": len(usable) - positives,
        "decided": len(decided),
        "rule": rule,
        "stages": " < ".join(STAGES),
        "labels": DECISION_LABELS,
    }


def _report(review: Review) -> str:
    """report.html in the app's current order, with the decisions (read-only) — for sending by e-mail."""
    from dataclasses import replace

    ranking = review.ranking()
    decided = {sha: asdict(d) for sha, d in review.store.decisions(review.vacancy).items()}
    candidates = []
    for sha in ranking.order:
        cand = review.screening.candidate(sha)
        if cand.assessment is not None:
            fit = cand.assessment.get("fit") or {}
            if ranking.model is not None:
                fit = {"probability": ranking.probabilities.get(sha), "model": ranking.model.name, "reasons": []}
            cand = replace(cand, assessment={**cand.assessment, "fit": fit, "rank": ranking.ranks.get(sha)})
        candidates.append(cand)
    return render_html(
        candidates,
        profile=review.screening.profile,
        blind=review.screening.blind,
        ranked_by=ranking.ranked_by,
        decisions=decided,
    )
