"""An index on offerings.title.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08

The path planner looks up a field's courses and certificates by their exact
title (advice/offers.py: by_title), three to six times per plan; without an
index each lookup read the whole offerings table.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_offerings_title", "offerings", ["title"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_offerings_title", table_name="offerings")
