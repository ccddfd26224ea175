"""fields.yml points at real qualifications and course templates."""

from __future__ import annotations

import csv
from pathlib import Path

import yaml

from advice.fields import load_knowledge

ROOT = Path(__file__).resolve().parents[2]
K = load_knowledge()


def test_every_crebo_is_a_qualification_of_that_level() -> None:
    with (ROOT / "catalogue/data/qualifications.csv").open(encoding="utf-8") as handle:
        levels = {row["code"]: int(row["niveau"]) for row in csv.DictReader(handle)}
    for field in K.fields.values():
        for level, crebo in field.diplomas.items():
            assert levels.get(crebo) == level, (field.name, crebo)


def test_every_title_is_a_course_template() -> None:
    data = yaml.safe_load((ROOT / "catalogue/data/courses.yml").read_text(encoding="utf-8"))
    titles = {course["title"] for course in data["courses"]}
    for field in K.fields.values():
        for title in (*field.certificates, *field.first_steps, *field.courses):
            assert title in titles, (field.name, title)
        if field.dutch_course:
            assert field.dutch_course in titles
    assert K.dutch_course in titles


def test_every_topic_is_a_catalogue_topic() -> None:
    data = yaml.safe_load((ROOT / "catalogue/data/courses.yml").read_text(encoding="utf-8"))
    for field in K.fields.values():
        for topic in field.topics:
            assert topic in data["topics"], (field.name, topic)


def test_longest_job_title_wins() -> None:
    found = K.field_of(occupation="gespecialiseerd pedagogisch medewerker", sector=None, topic=None)
    assert found is not None
    assert found.name == "kinderopvang"
    assert K.occupation_level("gespecialiseerd pedagogisch medewerker") == 4
    assert K.occupation_level("pedagogisch medewerker") == 3
