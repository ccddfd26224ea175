"""SQLAlchemy 2 models of the catalogue. The schema itself lives in Alembic (migrations/)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Place(Base):
    """A municipality (CBS 2026) with its labour-market region."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    cbs_code: Mapped[str] = mapped_column(String(10), unique=True)
    province: Mapped[str] = mapped_column(String(50))
    region_code: Mapped[str] = mapped_column(String(10), index=True)
    region: Mapped[str] = mapped_column(String(100))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)


class PlaceAlias(Base):
    """A name people use for a place: the municipality itself, its towns, "Den Haag"."""

    __tablename__ = "place_aliases"

    alias: Mapped[str] = mapped_column(String(100), primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)

    place: Mapped[Place] = relationship()


class Qualification(Base):
    """An mbo qualification from the kwalificatiestructuur, keyed by crebo."""

    __tablename__ = "qualifications"

    crebo: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer, index=True)
    # Comma-separated as published: "BBL,BOL".
    learning_routes: Mapped[str] = mapped_column(String(50))
    main_group: Mapped[str] = mapped_column(String(100))
    subgroup: Mapped[str] = mapped_column(String(100))
    dossier_code: Mapped[str] = mapped_column(String(10))
    dossier_name: Mapped[str] = mapped_column(String(200))
    sectorkamer: Mapped[str] = mapped_column(String(100))
    # Primary canonical sector (contracts.md section 1); all that apply below.
    sector: Mapped[str] = mapped_column(String(40), index=True)
    sectors: Mapped[list[QualificationSector]] = relationship(cascade="all, delete-orphan")


class QualificationSector(Base):
    __tablename__ = "qualification_sectors"

    crebo: Mapped[str] = mapped_column(ForeignKey("qualifications.crebo"), primary_key=True)
    sector: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Provider(Base):
    __tablename__ = "providers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # roc | aoc | vakinstelling | private | bedrijfsschool
    kind: Mapped[str] = mapped_column(String(20))
    website: Mapped[str | None] = mapped_column(String(300))

    locations: Mapped[list[ProviderLocation]] = relationship(back_populates="provider")


class ProviderLocation(Base):
    """A provider's building in a town."""

    __tablename__ = "provider_locations"
    __table_args__ = (UniqueConstraint("provider_id", "town"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    town: Mapped[str] = mapped_column(String(100))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)

    provider: Mapped[Provider] = relationship(back_populates="locations")
    place: Mapped[Place] = relationship()


class Topic(Base):
    """A subject people search for ("warmtepomp"), with the words they use for it."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    sector: Mapped[str | None] = mapped_column(String(40))

    synonyms: Mapped[list[TopicSynonym]] = relationship(cascade="all, delete-orphan")


class TopicSynonym(Base):
    __tablename__ = "topic_synonyms"

    synonym: Mapped[str] = mapped_column(String(80), primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), index=True)


class OfferingTopic(Base):
    __tablename__ = "offering_topics"

    offering_id: Mapped[int] = mapped_column(
        ForeignKey("offerings.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), primary_key=True, index=True)


class Offering(Base):
    """What a provider offers where: the thing a user can enrol in."""

    __tablename__ = "offerings"
    __table_args__ = (
        UniqueConstraint("provider_id", "external_ref"),
        Index("ix_offerings_lat_lon", "lat", "lon"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("provider_locations.id"), index=True)
    # The provider's own key, so that a re-import updates instead of duplicating.
    external_ref: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(300), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    # diploma | certificaat | keuzedeel | cursus | evc | praktijkverklaring
    kind: Mapped[str] = mapped_column(String(20), index=True)
    crebo: Mapped[str | None] = mapped_column(ForeignKey("qualifications.crebo"), index=True)
    level: Mapped[int | None] = mapped_column(Integer, index=True)
    sector: Mapped[str] = mapped_column(String(40), index=True)
    # Denormalised from the location so that filters need no joins.
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    town: Mapped[str] = mapped_column(String(100))
    region_code: Mapped[str] = mapped_column(String(10), index=True)
    province: Mapped[str] = mapped_column(String(50), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    # Comma-separated canonical modes: "bbl,deeltijd".
    learning_modes: Mapped[str] = mapped_column(String(100))
    duration_weeks: Mapped[int | None] = mapped_column(Integer)
    hours_per_week: Mapped[float | None] = mapped_column(Float)
    price_eur: Mapped[float | None] = mapped_column(Float, index=True)
    # Comma-separated ISO dates.
    start_dates: Mapped[str] = mapped_column(String(200), default="")
    # Lowest education level to start: 1 (entree) .. 4; null = no requirement.
    admission_level: Mapped[int | None] = mapped_column(Integer)
    # Was in the STAP scholingsregister (STAP ended on 1 January 2024).
    in_stap_register: Mapped[bool] = mapped_column(Boolean, default=False)
    url: Mapped[str | None] = mapped_column(String(300))
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    # Search text, normalised and stemmed by catalogue.text (FTS5 / tsvector source).
    search_title: Mapped[str] = mapped_column(Text, default="")
    search_topics: Mapped[str] = mapped_column(Text, default="")
    search_body: Mapped[str] = mapped_column(Text, default="")
    # Filter tokens (catalogue.indexing.filter_fields): filters as index lookups.
    search_filters: Mapped[str] = mapped_column(Text, default="")

    qualification: Mapped[Qualification | None] = relationship()
    provider: Mapped[Provider] = relationship()
    location: Mapped[ProviderLocation] = relationship()
    place: Mapped[Place] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary="offering_topics")


class SearchVocabulary(Base):
    """Every stem in the search index, for typo correction of query words."""

    __tablename__ = "search_vocabulary"

    term: Mapped[str] = mapped_column(String(80), primary_key=True)
