"""Place names as people write them, and distances between places."""

from __future__ import annotations

import math
import re
import unicodedata

EARTH_RADIUS_KM = 6371.0

# Everyday names that are neither a municipality nor a CBS woonplaats name.
EXTRA_ALIASES: dict[str, str] = {
    "den haag": "'s-Gravenhage",
    "the hague": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "s-hertogenbosch": "'s-Hertogenbosch",
    "hengelo": "Hengelo (O.)",
    "rijswijk": "Rijswijk (ZH.)",
    "beek": "Beek (L.)",
    "laren": "Laren (NH.)",
    "middelburg": "Middelburg (Z.)",
    "sneek": "Súdwest-Fryslân",
    "hoofddorp": "Haarlemmermeer",
    "zaandam": "Zaanstad",
    "heerhugowaard": "Dijk en Waard",
}


def normalise_place_name(name: str) -> str:
    """Lower-case, no diacritics, one kind of apostrophe, single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("`", "'").lower()
    text = re.sub(r"^'s[ -]", "'s-", text)
    return re.sub(r"\s+", " ", text).strip()


def without_qualifier(name: str) -> str:
    """'Hengelo (O.)' -> 'Hengelo': CBS adds the province to duplicate names."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing a circle: a cheap SQL pre-filter."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
