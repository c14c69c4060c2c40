"""The demonyms compiled into places.json, and the file as the detector reads it."""

from __future__ import annotations

from reader.detectors.place_sources import PLACES_FILE, demonym_forms
from reader.detectors.resources import read_json, resources_dir


def test_a_demonym_gets_its_plural_where_english_adds_an_s() -> None:
    assert demonym_forms("Kenyan") == {"Kenyan", "Kenyans"}
    assert demonym_forms("Israeli") == {"Israeli", "Israelis"}
    assert demonym_forms("Chinese") == {"Chinese"}
    assert demonym_forms("Bosnian,Herzegovinian") == {
        "Bosnian",
        "Bosnians",
        "Herzegovinian",
        "Herzegovinians",
    }


def test_the_shipped_place_list_is_sorted_names_written_as_english_writes_them() -> None:
    names = read_json(resources_dir() / PLACES_FILE)["names"]
    assert names == sorted(set(names))
    assert "Lagos" in names and "Kenyans" in names
    assert all(name[0].isupper() and all(ord(c) < 0x180 for c in name) for name in names)
