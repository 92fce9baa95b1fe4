"""Version 1: decisions per (vacancy, file sha256), their audit log, and the models retrained on them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Connection, Index, Integer, MetaData, String, Table, Text


def upgrade(conn: Connection) -> None:
    meta = MetaData()
    Table(
        "decisions",
        meta,
        Column("vacancy", String(200), primary_key=True),
        Column("sha256", String(64), primary_key=True),
        Column("decision", String(20), nullable=False),
        Column("note", Text, nullable=False),
        Column("file", Text, nullable=False),
        Column("recruiter", String(200), nullable=False),
        Column("decided_at", String(32), nullable=False),
    )
    audit = Table(
        "audit",
        meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("vacancy", String(200), nullable=False),
        Column("sha256", String(64), nullable=False),
        Column("file", Text, nullable=False),
        Column("recruiter", String(200), nullable=False),
        Column("at", String(32), nullable=False),
        Column("action", String(20), nullable=False),
        Column("old_decision", String(20)),
        Column("new_decision", String(20)),
        Column("old_note", Text),
        Column("new_note", Text),
    )
    Index("audit_by_candidate", audit.c.vacancy, audit.c.sha256)
    Table(
        "models",
        meta,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("vacancy", String(200), nullable=False),
        Column("name", String(200), nullable=False),
        Column("path", Text, nullable=False),
        Column("card", Text, nullable=False),
        Column("created_at", String(32), nullable=False),
        Column("created_by", String(200), nullable=False),
        Column("active", Boolean, nullable=False),
    )
    meta.create_all(conn)
