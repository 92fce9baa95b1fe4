"""The review database: decisions keyed by (vacancy, file sha256), their audit log, retrained models.

One data layer (SQLAlchemy Core) over SQLite (``OUT/review.sqlite``, the default: nothing to
install) or PostgreSQL (``postgresql://…``, for a team, through psycopg 3). The schema comes from
the versioned steps in ``kamscreen.review.migrations``.

A decision is keyed by the file's content hash and the vacancy, not by its name or rank, so it
survives a re-screen, files added or removed, a changed profile or model.

>>> store = Store.open("sqlite:///out/review.sqlite")                 # doctest: +SKIP
>>> store.decide("kam-director", sha, "cv.pdf", "shortlist", "strong P&L", "Anna")   # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from kamscreen.report.model import DECISION_LABELS
from kamscreen.review import migrations

DB_NAME = "review.sqlite"
DECISIONS = tuple(DECISION_LABELS)  # reject, shortlist, interview, offer, hire (keys 1–5)

_meta = MetaData()
decisions = Table(
    "decisions",
    _meta,
    Column("vacancy", String(200), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("decision", String(20)),
    Column("note", Text),
    Column("file", Text),
    Column("recruiter", String(200)),
    Column("decided_at", String(32)),
)
audit = Table(
    "audit",
    _meta,
    Column("id", Integer, primary_key=True),
    Column("vacancy", String(200)),
    Column("sha256", String(64)),
    Column("file", Text),
    Column("recruiter", String(200)),
    Column("at", String(32)),
    Column("action", String(20)),
    Column("old_decision", String(20)),
    Column("new_decision", String(20)),
    Column("old_note", Text),
    Column("new_note", Text),
)
models = Table(
    "models",
    _meta,
    Column("id", Integer, primary_key=True),
    Column("vacancy", String(200)),
    Column("name", String(200)),
    Column("path", Text),
    Column("card", Text),
    Column("created_at", String(32)),
    Column("created_by", String(200)),
    Column("active", Boolean),
)


class StoreError(RuntimeError):
    """The database cannot be opened or used; the message says why (the CLI prints it)."""


@dataclass(frozen=True)
class Decision:
    sha256: str
    decision: str
    note: str
    file: str
    recruiter: str
    decided_at: str


@dataclass(frozen=True)
class Change:
    """One line of a candidate's audit log: who changed what, when (old → new)."""

    recruiter: str
    at: str
    action: str  # decide | clear | import
    old_decision: str | None
    new_decision: str | None
    old_note: str | None
    new_note: str | None
    file: str


@dataclass(frozen=True)
class ModelRecord:
    """A model retrained in the app: its folder on disk, its card, who made it; one is active per vacancy."""

    id: int
    vacancy: str
    name: str
    path: str
    card: dict
    created_at: str
    created_by: str
    active: bool


def now() -> str:
    """UTC, to the second, ISO 8601 (sorts as text)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def database_url(out: Path, db: str | None) -> str:
    """``--db`` as given, else SQLite in OUT; PostgreSQL URLs go through psycopg 3."""
    if not db:
        return f"sqlite:///{(Path(out) / DB_NAME).resolve()}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


class Store:
    """Decisions, audit log and model records of every vacancy in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and migrate; StoreError naming the database on any failure."""
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise StoreError(
                f"--db {url!r} is not a database URL (sqlite:///PATH or postgresql://USER@HOST/DB)"
            ) from None
        shown = parsed.render_as_string(hide_password=True)
        if parsed.get_backend_name() not in ("sqlite", "postgresql"):
            raise StoreError(f"{shown}: only SQLite and PostgreSQL are supported")
        try:
            engine = _engine(url)
            migrations.upgrade(engine)
        except NoSuchModuleError as exc:
            raise StoreError(f"{shown}: {exc}") from None
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"{shown}: the driver {exc.name!r} is missing; pip install 'kamscreen[postgres]'"
            ) from None
        except OperationalError as exc:
            raise StoreError(f"{shown}: cannot open the database ({str(exc.orig).strip().splitlines()[0]})") from None
        except migrations.SchemaError as exc:
            raise StoreError(f"{shown}: {exc}") from None
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- decisions -----------------------------------------------------------------------------
    def decisions(self, vacancy: str) -> dict[str, Decision]:
        """Every decision of the vacancy by file sha256."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(decisions).where(decisions.c.vacancy == vacancy)).mappings().all()
        return {r["sha256"]: _decision(r) for r in rows}

    def decide(
        self,
        vacancy: str,
        sha256: str,
        file: str,
        decision: str | None,
        note: str,
        recruiter: str,
        action: str = "decide",
    ) -> Change | None:
        """Set (or with ``decision=None`` clear) one decision and log it; None when nothing changed."""
        if decision is not None and decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}; one of {', '.join(DECISIONS)}")
        note = (note or "").strip()
        key = (decisions.c.vacancy == vacancy) & (decisions.c.sha256 == sha256)
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # serialise writers of this one decision
                conn.execute(select(_advisory_lock(vacancy, sha256)))
            old = conn.execute(select(decisions).where(key)).mappings().first()
            old_decision, old_note = (old["decision"], old["note"]) if old else (None, None)
            if (old is None and decision is None) or (old is not None and (old_decision, old_note) == (decision, note)):
                return None
            at = now()
            values = {"decision": decision, "note": note, "file": file, "recruiter": recruiter, "decided_at": at}
            if decision is None:
                conn.execute(decisions.delete().where(key))
                action = "clear"
            elif old is None:
                conn.execute(decisions.insert().values(vacancy=vacancy, sha256=sha256, **values))
            else:
                conn.execute(decisions.update().where(key).values(**values))
            change = Change(recruiter, at, action, old_decision, decision, old_note, note if decision else None, file)
            conn.execute(
                audit.insert().values(
                    vacancy=vacancy,
                    sha256=sha256,
                    file=file,
                    recruiter=recruiter,
                    at=at,
                    action=action,
                    old_decision=old_decision,
                    new_decision=decision,
                    old_note=old_note,
                    new_note=change.new_note,
                )
            )
        return change

    def history(self, vacancy: str, sha256: str) -> list[Change]:
        """The audit log of one candidate, newest first."""
        with self.engine.connect() as conn:
            rows = (
                conn.execute(
                    select(audit)
                    .where((audit.c.vacancy == vacancy) & (audit.c.sha256 == sha256))
                    .order_by(audit.c.id.desc())
                )
                .mappings()
                .all()
            )
        return [
            Change(
                r["recruiter"],
                r["at"],
                r["action"],
                r["old_decision"],
                r["new_decision"],
                r["old_note"],
                r["new_note"],
                r["file"],
            )
            for r in rows
        ]

    def other_vacancies(self, vacancy: str, hashes: set[str]) -> dict[str, int]:
        """Decisions on these files recorded under other vacancies: vacancy → count."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(decisions.c.vacancy, decisions.c.sha256).where(decisions.c.vacancy != vacancy)
            ).all()
        counts: dict[str, int] = {}
        for other, sha in rows:
            if sha in hashes:
                counts[other] = counts.get(other, 0) + 1
        return counts

    # -- models --------------------------------------------------------------------------------
    def add_model(self, vacancy: str, name: str, path: str, card: dict, recruiter: str) -> ModelRecord:
        """Record a retrained model and make it the vacancy's active one (the previous ones are kept)."""
        with self.engine.begin() as conn:
            conn.execute(update(models).where(models.c.vacancy == vacancy).values(active=False))
            inserted = conn.execute(
                models.insert().values(
                    vacancy=vacancy,
                    name=name,
                    path=path,
                    card=json.dumps(card, ensure_ascii=False),
                    created_at=now(),
                    created_by=recruiter,
                    active=True,
                )
            ).inserted_primary_key
        assert inserted is not None  # a one-row insert has its key
        new_id = inserted[0]
        return next(m for m in self.models(vacancy) if m.id == new_id)

    def models(self, vacancy: str) -> list[ModelRecord]:
        """The vacancy's models, newest first."""
        with self.engine.connect() as conn:
            rows = (
                conn.execute(select(models).where(models.c.vacancy == vacancy).order_by(models.c.id.desc()))
                .mappings()
                .all()
            )
        return [
            ModelRecord(
                r["id"],
                r["vacancy"],
                r["name"],
                r["path"],
                json.loads(r["card"]),
                r["created_at"],
                r["created_by"],
                bool(r["active"]),
            )
            for r in rows
        ]

    def active_model(self, vacancy: str) -> ModelRecord | None:
        return next((m for m in self.models(vacancy) if m.active), None)

    def activate(self, vacancy: str, model_id: int | None) -> None:
        """Rank by model ``model_id`` of the vacancy (None: by the checklist again)."""
        with self.engine.begin() as conn:
            conn.execute(update(models).where(models.c.vacancy == vacancy).values(active=False))
            if model_id is not None:
                conn.execute(
                    update(models).where((models.c.vacancy == vacancy) & (models.c.id == model_id)).values(active=True)
                )


def _decision(row) -> Decision:
    return Decision(row["sha256"], row["decision"], row["note"] or "", row["file"], row["recruiter"], row["decided_at"])


def _advisory_lock(vacancy: str, sha256: str):
    from sqlalchemy import func

    return func.pg_advisory_xact_lock(func.hashtext(vacancy + "\t" + sha256))


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN off: ours below
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock up front: no upgrade deadlock

    return engine


def decisions_for_report(out: Path, vacancy: str) -> dict[str, Decision]:
    """The decisions in OUT's own SQLite database, if there is one (for the read-only report column)."""
    path = Path(out) / DB_NAME
    if not path.is_file():
        return {}
    store = Store.open(database_url(out, None))
    try:
        return store.decisions(vacancy)
    finally:
        store.close()
