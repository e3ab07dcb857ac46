"""Language resources: ``resources/<lang>/<name>.yml``, same files and same top-level keys per language.

``read_resource(lang, name)`` loads one file with ``importlib.resources``, checks its keys
against :data:`RESOURCE_KEYS` (naming what is missing or unexpected), freezes the lists into
tuples and caches the result. A directory path instead of ``"default"`` loads user data laid
out the same way.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import srsly

from ..errors import LanguageError, ResourceError
from ..taxonomy import LANGS, PHI_CATEGORIES

# The resource files; each language has all of them, with the keys of the reference language's
# (a test proves French and English agree; a new language is checked against the same keys).
RESOURCE_FILES = ("cues", "dates", "numbers", "orgs", "phi", "places", "records", "syntax", "text", "weights")
REFERENCE_LANG = "fr"


def _resource_text(lang: str, name: str, source: str) -> tuple[str, str]:
    """The YAML text of ``<source>/<lang>/<name>.yml`` and where it was read, for messages."""
    if source == "default":
        if lang not in LANGS:
            raise LanguageError(f"No resources for language {lang!r}; supported: {', '.join(LANGS)}.")
        path = importlib_resources.files(__package__).joinpath(lang, f"{name}.yml")
        return path.read_text(encoding="utf-8"), f"breachnlp/resources/{lang}/{name}.yml"
    file = Path(source, lang, f"{name}.yml")
    if not file.is_file():
        raise ResourceError(f"Resource file {file} not found.")
    return file.read_text(encoding="utf-8"), str(file)


@lru_cache(maxsize=64)
def _packaged_yaml(lang: str, name: str) -> Any:
    """A packaged file parsed once: the reference keys and :func:`read_resource` share it."""
    return srsly.yaml_loads(_resource_text(lang, name, "default")[0])


def _reference_keys() -> dict[str, frozenset[str]]:
    return {name: frozenset(_packaged_yaml(REFERENCE_LANG, name)) for name in RESOURCE_FILES}


RESOURCE_KEYS: dict[str, frozenset[str]] = _reference_keys()
# Word-order and spelling settings (syntax.yml ``settings``): the values each may take.
SETTINGS: dict[str, frozenset[Any]] = {
    "date_order": frozenset({"DMY", "MDY"}),          # "03/04/2024": day first or month first
    "ago_position": frozenset({"before", "after"}),   # "il y a 3 jours" / "3 days ago"
    "incident_year": frozenset({"before_noun", "after_noun"}),  # "the 2020 attack" / "l'attaque de 2020"
    "months_capitalized": frozenset({True, False}),   # English "May" (a month) vs "may" (a verb)
    "names_title_cased": frozenset({True, False}),    # "Allendale Long-Term Care Home" vs "Caisse nationale d'..."
    "possessive_s": frozenset({True, False}),         # "X's" after a name: English possessive vs « Habib's »
}
# Second-level keys that must also be the same in every language.
NESTED_KEYS: dict[tuple[str, str], frozenset[str]] = {
    ("phi", "categories"): frozenset(PHI_CATEGORIES),
    ("records", "qualifiers"): frozenset({"approx", "at_least", "at_most"}),
    ("records", "qualifiers_after"): frozenset({"approx", "at_least", "at_most"}),
    ("records", "units"): frozenset({"people", "records", "appointments", "accounts", "files"}),
    ("dates", "roles"): frozenset({"occurred", "discovered", "disclosed"}),
    ("orgs", "gazetteer"): frozenset({"regulator", "authority", "media", "attacker", "vendor", "law_firm"}),
    ("orgs", "victim_cues"): frozenset({"before", "after"}),
    ("orgs", "parent_cues"): frozenset({"before", "after"}),
    ("syntax", "settings"): frozenset(SETTINGS),
}


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _freeze(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


MEMORY_PREFIX = "memory:"
# Resource data restored from bytes (a component's ``from_bytes``), by content hash: kept in
# memory rather than written to a temporary folder that nobody would remove.
_MEMORY: dict[str, dict[str, dict[str, Any]]] = {}


def register_resources(lang: str, files: Mapping[str, Any]) -> str:
    """Keep ``files`` (``{name: content}`` of ``lang``) in memory and return a ``source`` that
    :func:`read_resource` reads them from (the same content always gives the same source)."""
    import hashlib

    payload = srsly.json_dumps({"lang": lang, "files": files}, sort_keys=True)
    source = MEMORY_PREFIX + hashlib.sha1(payload.encode("utf-8")).hexdigest()
    _MEMORY.setdefault(source, {})[lang] = srsly.json_loads(payload)["files"]
    return source


@lru_cache(maxsize=64)
def read_resource(lang: str, name: str, source: str = "default") -> Mapping[str, Any]:
    """The validated content of ``<source>/<lang>/<name>.yml`` (``source="default"``: packaged data)."""
    if name not in RESOURCE_KEYS:
        raise ResourceError(f"Unknown resource {name!r}; expected one of {sorted(RESOURCE_KEYS)}.")
    if source.startswith(MEMORY_PREFIX):
        files = _MEMORY.get(source, {}).get(lang, {})
        if name not in files:
            raise ResourceError(f"Resource {name!r} of {lang!r} is not among the data this component was loaded with.")
        data, where = files[name], f"{source} {lang}/{name}"  # already parsed: no YAML round trip
    elif source == "default":
        data, where = _packaged_yaml(lang, name), f"breachnlp/resources/{lang}/{name}.yml"
    else:
        text, where = _resource_text(lang, name, source)
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
    settings: Mapping[str, Any] = data["settings"] if name == "syntax" else {}
    for setting, allowed in SETTINGS.items() if settings else ():
        if settings[setting] not in allowed:
            raise ResourceError(f"{where}: settings.{setting} must be one of {sorted(map(str, allowed))}, "
                                f"not {settings[setting]!r}.")
    return _freeze(data)


def alternation(words: Iterable[str]) -> str:
    """``(?:w1|w2|…)`` over ``words`` as written (escaped), longest first; no words match nothing (an
    empty alternation would match everywhere)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(word) for word in ordered) + ")" if ordered else "(?!)"


class LanguageData:
    """All the resources of one language, loaded once and read-only: ``data["dates"]["months"]``.

    Components receive words ready for matching: :meth:`words` folds them the way the text is
    folded, :meth:`alternation` makes a regular-expression group of them (escaped, longest
    first), :meth:`setting` reads a word-order setting of ``syntax.yml``.
    """

    def __init__(self, lang: str, source: str = "default") -> None:
        self.lang = lang
        self.source = str(source)
        self._files: dict[str, Mapping[str, Any]] = {}

    def __getitem__(self, name: str) -> Mapping[str, Any]:
        if name not in self._files:
            self._files[name] = read_resource(self.lang, name, self.source)
        return self._files[name]

    def words(self, name: str, key: str) -> tuple[str, ...]:
        """The entries of ``<name>.yml`` ``key`` (a list, or the keys of a mapping), folded; a
        language without such words writes ``[]``."""
        from ..text import fold

        return tuple(fold(str(word)) for word in self[name][key] or ())

    def alternation(self, name: str, key: str) -> str:
        """``(?:w1|w2|…)`` over the folded entries of ``<name>.yml`` ``key``, longest first."""
        return alternation(self.words(name, key))

    def whole_words(self, name: str, key: str) -> re.Pattern[str]:
        """:meth:`alternation` compiled to match only whole words on folded text: no letter, digit or
        apostrophe on either side ("we" is no part of "we'll")."""
        return re.compile(rf"(?<![\w']){self.alternation(name, key)}(?![\w'])")

    @property
    def abbreviations(self) -> frozenset[str]:
        """The folded abbreviations after which a period ends no sentence (``text.yml``): the one
        source for every sentence split, folded like the text it is compared with."""
        return frozenset(self.words("text", "abbreviations"))

    def setting(self, key: str) -> Any:
        """A word-order or spelling setting of ``syntax.yml`` (see :data:`SETTINGS`)."""
        return self["syntax"]["settings"][key]

    def __repr__(self) -> str:
        return f"LanguageData({self.lang!r}, {self.source!r})"


@lru_cache(maxsize=32)
def language_data(lang: str, source: str = "default") -> LanguageData:
    """The :class:`LanguageData` of ``lang`` from ``source`` (``"default"``: packaged), shared."""
    if source == "default" and lang not in LANGS:
        raise LanguageError(f"No resources for language {lang!r}; supported: {', '.join(LANGS)}.")
    return LanguageData(lang, source)
