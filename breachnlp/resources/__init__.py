"""Language resources: ``resources/<lang>/<name>.yml``, same files and same top-level keys per language.

``read_resource(lang, name)`` loads one file with ``importlib.resources``, checks its keys
against :data:`RESOURCE_KEYS` (naming what is missing or unexpected), freezes the lists into
tuples and caches the result. A directory path instead of ``"default"`` loads user data laid
out the same way.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Mapping

import srsly

from ..errors import LanguageError, ResourceError
from ..taxonomy import LANGS, PHI_CATEGORIES

RESOURCE_KEYS: dict[str, frozenset[str]] = {
    "numbers": frozenset({"units", "tens", "hundred", "scales", "connectors", "half_after", "half_before", "suffixes",
                          "decimal_separator", "vague"}),
    "records": frozenset({"qualifiers", "range_between", "range_and", "units", "non_record_nouns", "population_cues",
                          "breach_context", "revision_cues", "initial_cues", "preceding_blockers",
                          "qualifiers_after", "compound_head", "money_markers", "unit_fillers",
                          "superseded_cues", "subset_after", "unknown_count"}),
    "dates": frozenset({"months", "weekdays", "seasons", "ordinal_first", "month_introducers", "year_introducers", "parts",
                        "last_markers", "this_markers", "relative", "ago", "ago_units", "range_start", "range_join", "roles",
                        "not_breach", "since_markers", "later_markers", "weak_disclosed", "clause_breaks",
                        "sanction_cues", "announcement_cues", "persistence_cues", "following_markers", "incident_nouns", "source_cues"}),
    "phi": frozenset({"categories", "exclusions", "identifier_words"}),
    "cues": frozenset({"preceding_negation", "following_negation", "pseudo_negation", "hedge", "hedge_forward", "termination",
                       "exposure", "advice", "other_incident"}),
    "orgs": frozenset({"gazetteer", "descriptors", "suffixes", "victim_cues", "parent_cues", "media_cues", "attacker_cues",
                       "vendor_cues", "law_cues", "not_names", "name_descriptors", "alias_cues",
                       "child_cues", "anaphors", "subsidiary_words", "owner_verbs", "title_words",
                       "regulator_patterns"}),
    "text": frozenset({"abbreviations", "markers", "not_headline", "headline_site_separators",
                       "first_person", "conjunctions", "furniture_lines",
                       "head_position"}),
    "weights": frozenset({"victim", "confidence", "hand_set", "fitted"}),
}
# Second-level keys that must also be the same in every language.
NESTED_KEYS: dict[tuple[str, str], frozenset[str]] = {
    ("phi", "categories"): frozenset(PHI_CATEGORIES),
    ("records", "qualifiers"): frozenset({"approx", "at_least", "at_most"}),
    ("records", "qualifiers_after"): frozenset({"approx", "at_least", "at_most"}),
    ("records", "units"): frozenset({"people", "records", "appointments", "accounts", "files"}),
    ("dates", "roles"): frozenset({"occurred", "discovered", "disclosed"}),
    ("orgs", "gazetteer"): frozenset({"regulator", "media", "attacker", "vendor", "law_firm"}),
    ("orgs", "victim_cues"): frozenset({"before", "after"}),
    ("orgs", "parent_cues"): frozenset({"before", "after"}),
}


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _freeze(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


@lru_cache(maxsize=64)
def read_resource(lang: str, name: str, source: str = "default") -> Mapping[str, Any]:
    """The validated content of ``<source>/<lang>/<name>.yml`` (``source="default"``: packaged data)."""
    if name not in RESOURCE_KEYS:
        raise ResourceError(f"Unknown resource {name!r}; expected one of {sorted(RESOURCE_KEYS)}.")
    if source == "default":
        if lang not in LANGS:
            raise LanguageError(f"No resources for language {lang!r}; supported: {', '.join(LANGS)}.")
        path = importlib_resources.files(__package__).joinpath(lang, f"{name}.yml")
        text = path.read_text(encoding="utf-8")
        where = f"breachnlp/resources/{lang}/{name}.yml"
    else:
        file = Path(source, lang, f"{name}.yml")
        if not file.is_file():
            raise ResourceError(f"Resource file {file} not found.")
        text = file.read_text(encoding="utf-8")
        where = str(file)
    try:
        data = srsly.yaml_loads(text)
    except Exception as e:  # the YAML parser raises several exception types
        raise ResourceError(f"{where} is not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise ResourceError(f"{where} must hold a mapping of keys.")
    expected = RESOURCE_KEYS[name]
    missing, unexpected = expected - data.keys(), data.keys() - expected
    if missing or unexpected:
        raise ResourceError(f"{where}: missing keys {sorted(missing)}, unexpected keys {sorted(unexpected)}.")
    for (file_name, key), sub_keys in NESTED_KEYS.items():
        if file_name == name:
            got = set(data[key])
            if got != sub_keys:
                raise ResourceError(f"{where}: {key} must have keys {sorted(sub_keys)}; "
                                    f"missing {sorted(sub_keys - got)}, unexpected {sorted(got - sub_keys)}.")
    return _freeze(data)
