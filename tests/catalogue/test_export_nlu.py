from __future__ import annotations

import yaml

from catalogue.export_nlu import ESCO_PATH, LOCATION_PATH, location_names, render_locations


def test_places_hold_towns_regions_and_provinces_but_not_common_words() -> None:
    names = set(location_names())
    assert {"Utrecht", "Den Haag", "Sneek", "Twente", "Noord-Brabant"} <= names
    assert not {"Een", "Best", "Echt", "Heel", "Dieren"} & names


def test_committed_places_match_the_catalogue_data() -> None:
    # Run `make nlu-export` when this fails: the NLU must see today's places.
    assert LOCATION_PATH.read_text(encoding="utf-8") == render_locations()


def test_official_and_everyday_names_share_one_canonical_value() -> None:
    values = yaml.safe_load(LOCATION_PATH.read_text(encoding="utf-8"))["values"]
    assert "'s-gravenhage" in values["den haag"]
    assert "den bosch" in values["'s-hertogenbosch"]
    assert "fryslan" in values["friesland"]
    assert "hengelo (o.)" in values["hengelo"]


def test_esco_titles_are_matched_only_after_a_cue() -> None:
    data = yaml.safe_load(ESCO_PATH.read_text(encoding="utf-8"))
    assert data["scope"] == "after_cue"
    assert {"kok", "monteur", "lasser", "timmerman"} <= set(data["titles"])
    assert len(data["titles"]) > 10_000
