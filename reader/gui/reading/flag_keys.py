"""The keys that flag the selected passage: 1, 2 and 3, one per kind."""

from __future__ import annotations

from reader.core.models import Kind

FLAG_KEYS: dict[str, Kind] = {
    "1": Kind.UNSOURCED_CLAIM,
    "2": Kind.OPINION,
    "3": Kind.CONTEXT_NOTE,
}
