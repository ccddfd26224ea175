"""Assisted sessions (a counsellor with a client) and counsellors' notes.

Revision ID: c0003
Revises: c0002
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assisted_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(128), nullable=False, unique=True),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL")),
        # Opens the conversation on the client's phone; short-lived and used once.
        sa.Column("code", sa.String(12), unique=True),
        sa.Column("code_expires_at", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(128), nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL")),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_notes_sender_id", "notes", ["sender_id"])


def downgrade() -> None:
    op.drop_table("notes")
    op.drop_table("assisted_sessions")
