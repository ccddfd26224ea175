"""Handoffs to a counsellor and where each conversation's user can be reached.

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Labour-market regions an organisation serves, comma-separated (routing by place).
    op.add_column("organisations", sa.Column("regions", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ticket", sa.String(20), nullable=False, unique=True),
        sa.Column("sender_id", sa.String(128), nullable=False),
        sa.Column("organisation_id", sa.Integer, sa.ForeignKey("organisations.id"), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        # Asked for outside office hours; kept only with the person's consent.
        sa.Column("contact_requested", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("contact", sa.String(254)),
        sa.CheckConstraint("status IN ('queued', 'assigned', 'closed')", name="ck_handoffs_status"),
    )
    op.create_index("ix_handoffs_sender_id", "handoffs", ["sender_id"])
    op.create_index("ix_handoffs_organisation_status", "handoffs", ["organisation_id", "status"])
    # What the person and the counsellor said while the bot was silent.
    op.create_table(
        "console_messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(128), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="SET NULL")),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('user', 'counsellor')", name="ck_console_messages_role"),
    )
    op.create_index("ix_console_messages_sender_id", "console_messages", ["sender_id"])


def downgrade() -> None:
    op.drop_table("console_messages")
    op.drop_table("handoffs")
    op.drop_column("organisations", "regions")
