"""The planner on the real sample catalogue: sensible paths for the people we serve."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from advice.fields import load_knowledge
from advice.offers import CatalogueOffers
from advice.planner import plan_paths
from advice.profile import Profile
from advice.schemas import TrainingPath
from catalogue.db import make_engine
from tests.language.readability import assert_b1

TODAY = dt.date(2026, 11, 21)
K = load_knowledge()


@pytest.fixture(scope="module")
def finder(sqlite_url: str) -> Iterator[CatalogueOffers]:
    engine = make_engine(sqlite_url)
    with Session(engine) as session:
        yield CatalogueOffers(session)
    engine.dispose()


# Someone who pays for a full-time BOL programme in care: the loan may apply.
FULL_TIME_SWITCHER: dict[str, object] = {
    "goal": "omscholen",
    "target_sector": "zorg",
    "learning_mode": "bol",
    "hours_per_week": 32,
    "education": "vmbo",
    "payer": "zelf",
}


def plan(finder: CatalogueOffers, **facts: object) -> list[TrainingPath]:
    paths = plan_paths(Profile(**facts), knowledge=K, finder=finder, today=TODAY)
    assert 1 <= len(paths) <= 3
    for path in paths:
        for step in path.steps:
            assert_b1(step.why)
    return paths


def kinds(path: TrainingPath) -> list[str]:
    return [step.kind for step in path.steps]


def funding_ids(path: TrainingPath) -> set[str]:
    return {option.id for step in path.steps for option in step.funding}


def test_pedagogisch_medewerker_grows_to_level_4_with_evc(finder: CatalogueOffers) -> None:
    main, *others = plan(
        finder,
        goal="doorgroeien",
        current_occupation="pedagogisch medewerker",
        years_experience=10,
        education="3",
        location="utrecht",
        employment="werkend",
    )
    assert kinds(main) == ["evc", "diploma"]
    diploma = main.steps[-1].course
    assert diploma is not None
    assert diploma.crebo == "25697"
    assert diploma.level == 4
    assert "10 jaar" in main.steps[0].why
    assert "werkgever" in funding_ids(main)
    # Working in childcare already: no 3F course; the other route is not a lower certificate.
    assert all(s.kind != "taal" for p in [main, *others] for s in p.steps)
    assert all((s.course.level or 0) != 3 for p in others for s in p.steps if s.course)


def test_metal_worker_moves_to_installation_work(finder: CatalogueOffers) -> None:
    main, quick, *_ = plan(
        finder,
        goal="omscholen",
        job_at_risk=True,
        current_occupation="metaalbewerker",
        current_sector="techniek",
        target_topic="warmtepomp",
        years_experience=25,
        education="vmbo",
        location="enschede",
        employment="werkend",
        age=52,
    )
    assert kinds(main) == ["praktijkverklaring", "diploma"]
    assert main.steps[-1].course is not None
    assert main.steps[-1].course.sector == "installatietechniek"
    assert "baan verdwijnt" in main.steps[-1].why
    assert any("warmtepomp" in s.title.lower() for s in quick.steps)


def test_supermarket_worker_into_care(finder: CatalogueOffers) -> None:
    main, quick, *_ = plan(
        finder,
        goal="omscholen",
        current_occupation="vakkenvuller",
        current_sector="retail",
        target_sector="zorg",
        education="vmbo",
        location="tilburg",
        employment="werkend",
        learning_mode="bbl",
    )
    assert kinds(main) == ["diploma"]  # retail experience does not count in care
    assert main.steps[0].course is not None
    assert main.steps[0].course.crebo == "25656"
    assert "certificaat" in kinds(quick)


def test_newcomer_starts_with_dutch_then_entree(finder: CatalogueOffers) -> None:
    main, *_ = plan(
        finder,
        goal="werk_vinden",
        newcomer=True,
        dutch_ok=False,
        target_sector="techniek",
        education="geen",
        location="amersfoort",
        employment="werkzoekend",
    )
    assert kinds(main) == ["taal", "entree", "diploma"]
    assert main.steps[1].course is not None
    assert main.steps[1].course.level == 1
    assert main.steps[2].course is not None
    assert main.steps[2].course.level == 2
    assert funding_ids(main) == {"uwv_gemeente"}


def test_job_seeker_without_a_field_gets_three_fields(finder: CatalogueOffers) -> None:
    paths = plan(
        finder,
        goal="werk_vinden",
        employment="werkzoekend",
        benefit="ww",
        skipped=["target"],
        education="2",
        location="rotterdam",
    )
    assert [p.title.split(" in de ")[-1] for p in paths] == ["zorg", "techniek", "logistiek"]
    assert all("uwv_gemeente" in funding_ids(p) for p in paths)


def test_care_worker_gets_the_named_certificate(finder: CatalogueOffers) -> None:
    main, *others = plan(
        finder,
        goal="certificaat",
        current_sector="zorg",
        target_topic="gastvrijheid in de zorg",
        education="2",
        location="zwolle",
        employment="werkend",
    )
    assert main.steps[0].title == "Gastvrijheid in de zorg"
    assert main.steps[0].kind == "certificaat"
    # Not offered twice.
    assert all(s.title != "Gastvrijheid in de zorg" for p in others for s in p.steps)


def test_library_worker_learns_informatiedienstverlening(finder: CatalogueOffers) -> None:
    main, *_ = plan(
        finder,
        goal="bijscholen",
        current_occupation="bibliotheekmedewerker",
        target_topic="bibliotheek",
        education="4",
        location="groningen",
        employment="werkend",
    )
    assert main.steps[0].title == "Informatiedienstverlening in de nieuwe bibliotheek"


def test_no_diploma_starts_at_entree(finder: CatalogueOffers) -> None:
    main, *_ = plan(finder, goal="werk_vinden", education="geen", target_sector="zorg")
    assert kinds(main) == ["entree", "diploma"]
    assert main.steps[0].course is not None
    assert main.steps[0].course.crebo == "25251"


def test_childcare_switcher_needs_dutch_3f(finder: CatalogueOffers) -> None:
    main, *_ = plan(
        finder,
        goal="zij-instromen",
        current_sector="retail",
        target_sector="kinderopvang",
        education="havo",
        location="utrecht",
        employment="werkend",
    )
    assert kinds(main)[0] == "taal"
    assert "3F" in main.steps[0].why


def test_little_time_turns_bol_into_bbl(finder: CatalogueOffers) -> None:
    main, *_ = plan(
        finder,
        goal="omscholen",
        target_sector="logistiek",
        learning_mode="bol",
        hours_per_week=8,
        education="2",
        employment="werkzoekend",
    )
    assert any("8 uur" in note for note in main.notes)
    assert "BBL" in main.steps[-1].why


def test_paths_near_home_and_costs_add_up(finder: CatalogueOffers) -> None:
    main, *_ = plan(
        finder,
        goal="certificaat",
        target_topic="gastvrijheid in de zorg",
        education="2",
        location="zwolle",
        payer="zelf",
        budget_eur=100,
    )
    course = main.steps[0].course
    assert course is not None
    assert course.distance_km is not None
    assert course.distance_km < 30
    assert main.cost_eur == sum(s.course.price_eur or 0 for s in main.steps if s.course)
    assert any("meer dan je zelf" in note for note in main.notes)


def test_bol_diploma_checks_the_loan(finder: CatalogueOffers) -> None:
    main, *_ = plan(finder, **FULL_TIME_SWITCHER, age=30)
    loan = [o for o in main.steps[-1].funding if o.id == "levenlanglerenkrediet"]
    assert loan
    assert loan[0].outcome in ("eligible", "unknown")


def test_loan_not_offered_past_its_age_limit(finder: CatalogueOffers) -> None:
    main, *_ = plan(finder, **FULL_TIME_SWITCHER, age=60)
    assert all(o.id != "levenlanglerenkrediet" for o in main.steps[-1].funding)


def test_texts_fit_the_person(finder: CatalogueOffers) -> None:
    main, *_ = plan(
        finder,
        goal="omscholen",
        current_sector="techniek",
        target_topic="warmtepomp",
        education="vmbo",
        employment="werkend",
    )
    assert main.steps[0].why.startswith("Je hebt al ervaring in de techniek.")
    start, *_ = plan(finder, goal="werk_vinden", education="geen", target_sector="zorg")
    assert "Na de entreeopleiding" in start.steps[-1].why
