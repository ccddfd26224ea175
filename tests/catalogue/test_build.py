from __future__ import annotations

import csv

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.models import Offering, Place, PlaceAlias, Provider, Qualification
from catalogue.reference import DATA_DIR


def test_every_current_qualification_is_loaded(session: Session) -> None:
    with (DATA_DIR / "qualifications.csv").open(encoding="utf-8") as handle:
        crebos = {row["code"] for row in csv.DictReader(handle)}
    loaded = set(session.scalars(select(Qualification.crebo)))
    assert loaded == crebos
    assert len(loaded) > 700


def test_qualification_fields_come_from_the_crebo_list(session: Session) -> None:
    vig = session.scalars(select(Qualification).where(Qualification.name == "verzorgende-IG")).one()
    assert vig.level == 3
    assert "BBL" in vig.learning_routes
    assert vig.sector == "zorg"
    assert vig.dossier_name == "verzorgende-IG"


def test_all_342_municipalities_have_region_and_coordinates(session: Session) -> None:
    places = session.scalars(select(Place)).all()
    assert len(places) == 342
    assert all(p.lat is not None and p.lon is not None for p in places)
    assert all(50.7 < p.lat < 53.6 and 3.3 < p.lon < 7.3 for p in places if p.lat and p.lon)
    enschede = next(p for p in places if p.name == "Enschede")
    assert enschede.region == "Twente"


def test_everyday_names_resolve_to_official_municipalities(session: Session) -> None:
    def municipality(alias: str) -> str:
        row = session.get(PlaceAlias, alias)
        assert row is not None, alias
        return row.place.name

    assert municipality("den haag") == "'s-Gravenhage"
    assert municipality("hengelo") == "Hengelo (O.)"
    assert municipality("sneek") == "Súdwest-Fryslân"
    assert municipality("utrecht") == "Utrecht"


def test_offerings_are_marked_as_sample_and_use_real_providers(session: Session) -> None:
    assert session.scalars(select(func.count()).select_from(Offering)).one() > 5000
    assert session.scalars(select(func.count()).where(Offering.is_sample.is_(False))).one() == 0
    names = set(session.scalars(select(Provider.name)))
    assert {"ROC Midden Nederland", "ROC Tilburg", "ROC van Twente", "Deltion College"} <= names
