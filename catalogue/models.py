"""SQLAlchemy 2 models of the catalogue."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String
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
    region_code: Mapped[str] = mapped_column(String(10))
    region: Mapped[str] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class PlaceAlias(Base):
    """A name people use for a place: the municipality itself, its towns, "Den Haag"."""

    __tablename__ = "place_aliases"

    alias: Mapped[str] = mapped_column(String(100), primary_key=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)

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
    # Primary canonical sector (contracts.md section 1) and all that apply.
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
    kind: Mapped[str] = mapped_column(String(20))  # roc | aoc | private
    website: Mapped[str | None] = mapped_column(String(300))


class Offering(Base):
    """What a provider offers where: the thing a user can enrol in."""

    __tablename__ = "offerings"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    # diploma | certificaat | keuzedeel | cursus | evc | praktijkverklaring
    kind: Mapped[str] = mapped_column(String(20), index=True)
    crebo: Mapped[str | None] = mapped_column(ForeignKey("qualifications.crebo"), index=True)
    level: Mapped[int | None] = mapped_column(Integer, index=True)
    sector: Mapped[str] = mapped_column(String(40), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id"), index=True)
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), index=True)
    # The town as the provider names it ("Sneek"), inside the municipality place_id.
    town: Mapped[str] = mapped_column(String(100))
    # Comma-separated canonical modes: "bbl,bol,deeltijd".
    learning_modes: Mapped[str] = mapped_column(String(100))
    duration_weeks: Mapped[int | None] = mapped_column(Integer)
    price_eur: Mapped[float | None] = mapped_column(Float)
    # Comma-separated ISO dates.
    start_dates: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str | None] = mapped_column(String(300))
    is_sample: Mapped[bool] = mapped_column(Boolean, default=True)

    qualification: Mapped[Qualification | None] = relationship()
    provider: Mapped[Provider] = relationship()
    place: Mapped[Place] = relationship()
