from __future__ import annotations

from catalogue.export_nlu import LOOKUP_PATH, location_names, render_lookup


def test_lookup_holds_towns_regions_and_provinces_but_not_common_words() -> None:
    names = set(location_names())
    assert {"Utrecht", "Den Haag", "Sneek", "Twente", "Noord-Brabant"} <= names
    assert not {"Een", "Best", "Echt", "Heel", "Dieren"} & names


def test_committed_lookup_matches_the_catalogue_data() -> None:
    # Run `make nlu-export` when this fails: the NLU must see today's places.
    assert LOOKUP_PATH.read_text(encoding="utf-8") == render_lookup(location_names())
