"""Country names, so a place printed where a byline stands ('United States' under a date line) is
never read as a person's name.

The names come from the ISO 3166 table that pycountry ships.  The JSON file is read directly:
importing pycountry itself reads package metadata (0.1-0.3 s), and the table is all we need.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path


@functools.cache
def country_names() -> frozenset[str]:
    """Lower-cased short, common and official names of every ISO 3166 country."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    table = Path(next(iter(spec.submodule_search_locations))) / "databases" / "iso3166-1.json"
    rows = json.loads(table.read_text(encoding="utf-8"))["3166-1"]
    keys = ("name", "common_name", "official_name")
    return frozenset(row[k].lower() for row in rows for k in keys if k in row)


def is_country_name(text: str) -> bool:
    """'United States', 'Russian Federation', 'the United Kingdom': a country, not a person."""
    name = text.strip().rstrip(".,").lower()
    name = name[4:] if name.startswith("the ") else name
    return name in country_names()
