"""Catalogue schema with the full-text index of each backend.

Revision ID: 0001
Revises:
Create Date: 2026-11-20

SQLite: an FTS5 table over offerings.search_* kept in sync by triggers.
search_filters holds filter tokens (sector, kind, level, mode, region, map
cell) so that filters are index lookups too; it carries no weight in ranking.
PostgreSQL: a generated, weighted tsvector with a GIN index, and pg_trgm on the
search vocabulary for typo candidates. The search_* columns hold Dutch stems
made by catalogue.text, so both backends index the same terms.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

_FTS_COLUMNS = "search_title, search_topics, search_body, search_filters"
SQLITE_SEARCH = (
    # Prefix indexes make stem prefixes ("warmtepomp*" for compounds) fast.
    f"""CREATE VIRTUAL TABLE offering_search USING fts5(
        {_FTS_COLUMNS}, content='offerings', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7 8')""",
    # ORDER BY rank: bm25 with title 10, topics 5, rest 1, filter tokens 0.
    "INSERT INTO offering_search(offering_search, rank) "
    "VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 0.0)')",
    f"""CREATE TRIGGER offerings_ai AFTER INSERT ON offerings BEGIN
        INSERT INTO offering_search(rowid, {_FTS_COLUMNS})
        VALUES (new.id, new.search_title, new.search_topics, new.search_body,
                new.search_filters); END""",
    f"""CREATE TRIGGER offerings_ad AFTER DELETE ON offerings BEGIN
        INSERT INTO offering_search(offering_search, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, old.search_title, old.search_topics, old.search_body,
                old.search_filters); END""",
    f"""CREATE TRIGGER offerings_au AFTER UPDATE ON offerings BEGIN
        INSERT INTO offering_search(offering_search, rowid, {_FTS_COLUMNS})
        VALUES ('delete', old.id, old.search_title, old.search_topics, old.search_body,
                old.search_filters);
        INSERT INTO offering_search(rowid, {_FTS_COLUMNS})
        VALUES (new.id, new.search_title, new.search_topics, new.search_body,
                new.search_filters); END""",
)
POSTGRES_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # 'simple': the columns already hold Dutch stems (see module docstring).
    """ALTER TABLE offerings ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_title), 'A') ||
        setweight(to_tsvector('simple', search_topics), 'B') ||
        setweight(to_tsvector('simple', search_body), 'C') ||
        setweight(to_tsvector('simple', search_filters), 'D')) STORED""",
    "CREATE INDEX ix_offerings_search_vector ON offerings USING gin (search_vector)",
    "CREATE INDEX ix_search_vocabulary_trgm ON search_vocabulary USING gin (term gin_trgm_ops)",
)


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("cbs_code", sa.String(length=10), nullable=False),
        sa.Column("province", sa.String(length=50), nullable=False),
        sa.Column("region_code", sa.String(length=10), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("cbs_code"),
        sa.UniqueConstraint("name"),
    )
    op.create_index(op.f("ix_places_region_code"), "places", ["region_code"], unique=False)
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "qualifications",
        sa.Column("crebo", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("learning_routes", sa.String(length=50), nullable=False),
        sa.Column("main_group", sa.String(length=100), nullable=False),
        sa.Column("subgroup", sa.String(length=100), nullable=False),
        sa.Column("dossier_code", sa.String(length=10), nullable=False),
        sa.Column("dossier_name", sa.String(length=200), nullable=False),
        sa.Column("sectorkamer", sa.String(length=100), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("crebo"),
    )
    op.create_index(op.f("ix_qualifications_level"), "qualifications", ["level"], unique=False)
    op.create_index(op.f("ix_qualifications_sector"), "qualifications", ["sector"], unique=False)
    op.create_table(
        "search_vocabulary",
        sa.Column("term", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("term"),
    )
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "place_aliases",
        sa.Column("alias", sa.String(length=100), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("alias"),
    )
    op.create_index(op.f("ix_place_aliases_place_id"), "place_aliases", ["place_id"], unique=False)
    op.create_table(
        "provider_locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("town", sa.String(length=100), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("provider_id", "town"),
    )
    op.create_index(
        op.f("ix_provider_locations_place_id"), "provider_locations", ["place_id"], unique=False
    )
    op.create_index(
        op.f("ix_provider_locations_provider_id"),
        "provider_locations",
        ["provider_id"],
        unique=False,
    )
    op.create_table(
        "qualification_sectors",
        sa.Column("crebo", sa.String(length=10), nullable=False),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["crebo"],
            ["qualifications.crebo"],
        ),
        sa.PrimaryKeyConstraint("crebo", "sector"),
    )
    op.create_index(
        op.f("ix_qualification_sectors_sector"), "qualification_sectors", ["sector"], unique=False
    )
    op.create_table(
        "topic_synonyms",
        sa.Column("synonym", sa.String(length=80), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
        ),
        sa.PrimaryKeyConstraint("synonym"),
    )
    op.create_index(
        op.f("ix_topic_synonyms_topic_id"), "topic_synonyms", ["topic_id"], unique=False
    )
    op.create_table(
        "offerings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("external_ref", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("crebo", sa.String(length=10), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("town", sa.String(length=100), nullable=False),
        sa.Column("region_code", sa.String(length=10), nullable=False),
        sa.Column("province", sa.String(length=50), nullable=False),
        sa.Column("lat", sa.Float(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=False),
        sa.Column("learning_modes", sa.String(length=100), nullable=False),
        sa.Column("duration_weeks", sa.Integer(), nullable=True),
        sa.Column("hours_per_week", sa.Float(), nullable=True),
        sa.Column("price_eur", sa.Float(), nullable=True),
        sa.Column("start_dates", sa.String(length=200), nullable=False),
        sa.Column("admission_level", sa.Integer(), nullable=True),
        sa.Column("in_stap_register", sa.Boolean(), nullable=False),
        sa.Column("url", sa.String(length=300), nullable=True),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.Column("search_title", sa.Text(), nullable=False),
        sa.Column("search_topics", sa.Text(), nullable=False),
        sa.Column("search_body", sa.Text(), nullable=False),
        sa.Column("search_filters", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["crebo"],
            ["qualifications.crebo"],
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["provider_locations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("provider_id", "external_ref"),
    )
    op.create_index(op.f("ix_offerings_crebo"), "offerings", ["crebo"], unique=False)
    op.create_index(op.f("ix_offerings_kind"), "offerings", ["kind"], unique=False)
    op.create_index("ix_offerings_lat_lon", "offerings", ["lat", "lon"], unique=False)
    op.create_index(op.f("ix_offerings_level"), "offerings", ["level"], unique=False)
    op.create_index(op.f("ix_offerings_location_id"), "offerings", ["location_id"], unique=False)
    op.create_index(op.f("ix_offerings_place_id"), "offerings", ["place_id"], unique=False)
    op.create_index(op.f("ix_offerings_price_eur"), "offerings", ["price_eur"], unique=False)
    op.create_index(op.f("ix_offerings_provider_id"), "offerings", ["provider_id"], unique=False)
    op.create_index(op.f("ix_offerings_province"), "offerings", ["province"], unique=False)
    op.create_index(op.f("ix_offerings_region_code"), "offerings", ["region_code"], unique=False)
    op.create_index(op.f("ix_offerings_sector"), "offerings", ["sector"], unique=False)
    op.create_table(
        "offering_topics",
        sa.Column("offering_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["offering_id"], ["offerings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
        ),
        sa.PrimaryKeyConstraint("offering_id", "topic_id"),
    )
    op.create_index(
        op.f("ix_offering_topics_topic_id"), "offering_topics", ["topic_id"], unique=False
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in POSTGRES_SEARCH:
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("offerings_ai", "offerings_ad", "offerings_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS offering_search")
    op.drop_index(op.f("ix_offering_topics_topic_id"), table_name="offering_topics")
    op.drop_table("offering_topics")
    op.drop_index(op.f("ix_offerings_sector"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_region_code"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_province"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_provider_id"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_price_eur"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_place_id"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_location_id"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_level"), table_name="offerings")
    op.drop_index("ix_offerings_lat_lon", table_name="offerings")
    op.drop_index(op.f("ix_offerings_kind"), table_name="offerings")
    op.drop_index(op.f("ix_offerings_crebo"), table_name="offerings")
    op.drop_table("offerings")
    op.drop_index(op.f("ix_topic_synonyms_topic_id"), table_name="topic_synonyms")
    op.drop_table("topic_synonyms")
    op.drop_index(op.f("ix_qualification_sectors_sector"), table_name="qualification_sectors")
    op.drop_table("qualification_sectors")
    op.drop_index(op.f("ix_provider_locations_provider_id"), table_name="provider_locations")
    op.drop_index(op.f("ix_provider_locations_place_id"), table_name="provider_locations")
    op.drop_table("provider_locations")
    op.drop_index(op.f("ix_place_aliases_place_id"), table_name="place_aliases")
    op.drop_table("place_aliases")
    op.drop_table("topics")
    op.drop_table("search_vocabulary")
    op.drop_index(op.f("ix_qualifications_sector"), table_name="qualifications")
    op.drop_index(op.f("ix_qualifications_level"), table_name="qualifications")
    op.drop_table("qualifications")
    op.drop_table("providers")
    op.drop_index(op.f("ix_places_region_code"), table_name="places")
    op.drop_table("places")
