"""Versioned migrations of the review database (SQLite or PostgreSQL, the same steps for both).

Each step is a module ``vNNN_<what>.py`` with ``upgrade(conn)``; ``STEPS`` lists them in order.
``upgrade(engine)`` applies the ones a database lacks, each in its own transaction, and records
the version in ``schema_version``. A database written by a newer kamscreen is refused, not
touched. A new step is a new module appended to ``STEPS``; a released step never changes.
"""

from __future__ import annotations

import importlib

from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, inspect, select

STEPS = ("v001_decisions",)

_meta = MetaData()
schema_version = Table(
    "schema_version", _meta, Column("version", Integer, primary_key=True), Column("step", String(100), nullable=False)
)


class SchemaError(RuntimeError):
    """The database cannot be used by this kamscreen (written by a newer version)."""


def current(engine: Engine) -> int:
    """The version a database is at (0 for a new one)."""
    if not inspect(engine).has_table("schema_version"):
        return 0
    with engine.connect() as conn:
        return conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).scalar() or 0


def upgrade(engine: Engine) -> int:
    """Apply the missing steps; returns the version reached. Safe when two processes start at once."""
    for version, step in enumerate(STEPS, start=1):
        with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE (see storage), one writer at a time
            if conn.dialect.name == "postgresql":  # one migrator at a time (the lock ends with the transaction)
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(90091)")
            _meta.create_all(conn, checkfirst=True)
            done = (
                conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc())).scalar() or 0
            )
            if done > len(STEPS):
                raise SchemaError(
                    f"the review database is at version {done}, newer than this kamscreen knows "
                    f"({len(STEPS)}); upgrade kamscreen"
                )
            if done >= version:
                continue
            importlib.import_module(f"{__name__}.{step}").upgrade(conn)
            conn.execute(schema_version.insert().values(version=version, step=step))
    return len(STEPS)
