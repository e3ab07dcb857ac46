"""Property-based fuzzing of extract() and of each component used alone.

Whatever the text — arbitrary Unicode, control, zero-width and bidi characters, emoji, long
digit runs with every separator, nested brackets and quotes, French and English mixed,
date-like garbage, empty or blank — four invariants hold:

1. no exception;
2. every span lies inside the text and its text is the text at its offsets;
3. the output is JSON-serializable and valid (``corpus.validate_record`` and ``docs/schema.json``);
4. the same input gives the same output.

Each invariant is checked on every example. The default profile (``make test``) runs at
least 2 000 examples per test on the blank pipelines (``profile="fast"``, each component
alone) and a tenth of that through the full models; ``make fuzz`` selects a profile ten
times larger with the ``BREACHNLP_FUZZ_PROFILE`` environment variable. The default profile
is derandomized (the same examples every run, so the suite stays reproducible); ``fuzz``
draws new ones each run and keeps failures in hypothesis' example database.
"""
from __future__ import annotations

import functools
import json
import os
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings, strategies as st

import breachnlp
from breachnlp.api import make_doc
from breachnlp.corpus import is_partial_date, validate_record
from breachnlp.extensions import SPAN_EXTENSIONS
from breachnlp.taxonomy import LANGS, PHI_CATEGORIES, PHI_STATUSES

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("breachnlp-ci", max_examples=2000, deadline=None, derandomize=True,
                          suppress_health_check=_HEALTH, print_blob=True)
settings.register_profile("breachnlp-fuzz", max_examples=20000, deadline=None, suppress_health_check=_HEALTH,
                          print_blob=True)
PROFILE = settings.get_profile("breachnlp-" + os.environ.get("BREACHNLP_FUZZ_PROFILE", "ci"))
BULK = settings(PROFILE)
MODELS = settings(PROFILE, max_examples=max(50, PROFILE.max_examples // 10))

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

COMPONENTS = ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble")
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "schema.json"

# --------------------------------------------------------------------------- strategies
# Our own words and phrases, French and English, shuffled into texts.
PHRASES = [
    "La clinique des Lilas", "le centre hospitalier de Vannes", "Acme Health", "Northwind Dental Group", "CHU",
    "a été victime d'une cyberattaque", "was hit by a ransomware attack", "a révélé", "disclosed", "a découvert",
    "discovered", "filiale de", "a subsidiary of", "selon la CNIL", "the HHS Office for Civil Rights",
    "les données de", "the records of", "patients", "dossiers", "people", "comptes", "rendez-vous", "individus",
    "près d'un million de", "plus de", "more than", "about", "at least", "entre", "et", "between", "and", "environ",
    "aucune information médicale n'a été volée", "no Social Security numbers were involved", "ni", "nor",
    "pourraient avoir été consultés", "may have included", "n'ont pas été", "were not", "aucun", "aucune", "not",
    "sans", "without", "non seulement", "not only", "noms", "names", "adresses", "addresses",
    "numéros de sécurité sociale", "Social Security numbers", "NIR", "SSN", "dates de naissance", "dates of birth",
    "diagnostics", "diagnoses", "ordonnances", "prescriptions", "identifiants", "passwords", "IBAN",
    "en mai dernier", "last Thursday", "hier", "yesterday", "il y a trois semaines", "two weeks ago",
    "le 12 mars 2024", "on March 12, 2024", "entre le 16 février et le 12 mai 2024", "from Feb. 16 to May 12",
    "l'été dernier", "early this year", "mardi", "Monday", "2023", "mai", "May", "may", "janvier", "December",
    "un million et demi", "quatre-vingt-dix mille", "half a million", "two thousand", "1,2 million", "4.2m",
    "300k", "914 138", "914\u00a0138", "914\u202f138", "6,000", "1.250.000", "1'250'000", "€22 millions", "$4 million",
    "10 %", "01 23 45 67 89", "(555) 123-4567", "Inc.", "S.A.", "U.S.", "M.", "Dr.", "etc.",
]
DATE_GARBAGE = [
    "32/13/2024", "31 février", "31 février 2024", "30 février", "29 février 2023", "00/00/0000", "0 mars 2024",
    "le 0 mars", "99 janvier 2024", "February 30, 2024", "2024-02-30", "2024-13-45", "2024-00-10", "31/04/2024",
    "le 32 décembre", "May 0, 2024", "0th of May", "il y a 99999 ans", "99999999999 days ago", "il y a 0 jours",
    "du 31 au 1er mars", "from May 40 to May 50", "1er au 0 mars", "9999", "1899", "2101", "12:99", "25h61",
    "lundi 45 mars", "Feb. 30", "le 31/02/2023", "semaine dernière dernière", "last last week",
]
SPECIALS = [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
    "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\x00", "\x07", "\x1b", "\x1c", "\x1f", "\x7f",
    "\x85", "\u2028", "\u2029", "\r\n", "\r", "\t", "\u00a0", "\u202f", "\u2009", "\u3000", "\u0301", "\u0327",
    "😀", "👩\u200d💻", "🇫🇷", "👍🏽", "🏥", "\U0001f9ec", "ﬁ", "Ⅻ", "²", "٣", "𝟗", "İ", "ß", "ǅ", "Ω", "Å",
]
SEPARATORS = [" ", "\u00a0", "\u202f", ".", ",", "'", "\u2019"]
BRACKETS = [("(", ")"), ("[", "]"), ("{", "}"), ("«\u00a0", "\u00a0»"), ("\u201c", "\u201d"), ('"', '"'),
            ("'", "'"), ("\u2039", "\u203a"), ("<", ">")]


JOINERS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "; ", " - ", "", ": ", "\u00a0", "!", "\u2026"]


def _unicode_char(rnd: random.Random) -> str:
    """Any code point but a lone surrogate, more often from the first planes."""
    limit = rnd.choice((0x80, 0x800, 0x3000, 0x10000, 0x110000))
    code = rnd.randrange(limit)
    return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"


def _digit_run(rnd: random.Random) -> str:
    sep = rnd.choice(SEPARATORS + ["", "-", "/", " "])
    kind = rnd.randrange(4)
    if kind == 0:
        return f"{rnd.randrange(10 ** rnd.randint(1, 19)):,}".replace(",", sep)
    if kind == 1:
        return sep.join("9" * rnd.randint(1, 8) for _ in range(rnd.randint(1, 60)))
    if kind == 2:
        return "1" * rnd.randint(1, 400)
    return f"{rnd.randrange(10 ** 6)}{rnd.choice(',.')}{rnd.randrange(10 ** 6)}"


def _fragment(rnd: random.Random, depth: int = 0) -> str:
    kind = rnd.randrange(8 if depth < 4 else 6)
    if kind <= 1:
        return rnd.choice(PHRASES)
    if kind == 2:
        return rnd.choice(DATE_GARBAGE)
    if kind == 3:
        return "".join(rnd.choice(SPECIALS) for _ in range(rnd.randint(1, 4)))
    if kind == 4:
        return _digit_run(rnd)
    if kind == 5:
        return "".join(_unicode_char(rnd) for _ in range(rnd.randint(1, 8)))
    if kind == 6:  # brackets and quotes, nested
        opening, closing = rnd.choice(BRACKETS)
        return opening + _fragment(rnd, depth + 1) + closing * rnd.randint(0, 2)
    return " ".join(_fragment(rnd, depth + 1) for _ in range(rnd.randint(1, 4)))


def build_text(rnd: random.Random) -> str:
    """French and English phrases, date garbage, special characters, digit runs, random code
    points and nested brackets, joined by spaces, punctuation and line breaks."""
    return "".join(_fragment(rnd) + rnd.choice(JOINERS) for _ in range(rnd.randint(0, 25)))


texts = st.one_of(
    # one drawn seed per text: cheap to generate, reproducible; the failing text is printed whole
    st.integers(min_value=0, max_value=2 ** 64).map(lambda seed: build_text(random.Random(seed))),
    st.integers(min_value=0, max_value=2 ** 64).map(lambda seed: build_text(random.Random(seed))),
    st.text(max_size=300),  # any code point but lone surrogates: controls, emoji, combining marks...
    st.lists(st.sampled_from(SPECIALS + SEPARATORS + ["(", ")", "«", "»", '"']), max_size=80).map("".join),
    st.text(alphabet=" \t\n\r\u00a0\u202f\u2028\u3000\x0b\x0c", max_size=40),  # empty and blank
)
langs = st.sampled_from(LANGS)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)).map(str))


# --------------------------------------------------------------------------- checks
@functools.lru_cache(maxsize=1)
def _schema_validator() -> Any:
    try:
        import jsonschema
    except ImportError:
        return None
    if not SCHEMA_PATH.exists():
        return None
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def as_json(result: breachnlp.BreachRecord, text: str, lang: str, anchor: str | None) -> str:
    record = result.to_record(id="fuzz", lang=lang, published=anchor, title=None, text=text)
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def check_record(result: breachnlp.BreachRecord, text: str, lang: str, anchor: str | None) -> str:
    """Invariants 2 and 3 for an extracted record; returns its JSON (for invariant 4)."""
    line = as_json(result, text, lang, anchor)
    assert validate_record(json.loads(line)) == []
    validator = _schema_validator()
    if validator is not None:
        errors = [e.message for e in validator.iter_errors(json.loads(line))]
        assert errors == []
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.text == text[span.start:span.end]
    return line


def dump_doc(doc: Any) -> str:
    """Invariants 2 and 3 for a Doc: every span of every group, with its extension values, as JSON."""
    text = doc.text
    out = []
    for key in sorted(doc.spans):
        for span in doc.spans[key]:
            assert 0 <= span.start_char < span.end_char <= len(text)
            assert span.text == text[span.start_char:span.end_char]
            values = {name: getattr(span._, name) for name in SPAN_EXTENSIONS}
            _check_values(values, len(text))
            out.append([key, span.start_char, span.end_char, span.label_, values])
    return json.dumps(out, ensure_ascii=False, allow_nan=False, sort_keys=True)


def _check_values(values: dict[str, Any], length: int) -> None:
    for name in ("breach_cues", "phi_cues"):
        for cue in values[name] or ():
            assert 0 <= cue[0] <= cue[1] <= length, (name, cue)
    if values["records_value"] is not None:
        assert isinstance(values["records_value"], int) and not isinstance(values["records_value"], bool)
        assert values["records_value"] >= 0
    if values["date_norm"] is not None:
        assert is_partial_date(values["date_norm"]), values["date_norm"]
    if values["phi_category"] is not None:
        assert values["phi_category"] in PHI_CATEGORIES and values["phi_status"] in PHI_STATUSES


@functools.lru_cache(maxsize=None)
def component_pipeline(lang: str, name: str) -> Any:
    nlp = spacy.blank(lang)
    nlp.add_pipe(name)
    return nlp


# --------------------------------------------------------------------------- tests
@BULK
@given(text=texts, lang=langs, anchor=published)
def test_fuzz_extract_fast_profile_invariants(text, lang, anchor):
    first = check_record(breachnlp.extract(text, lang=lang, published=anchor, profile="fast"), text, lang, anchor)
    assert as_json(breachnlp.extract(text, lang=lang, published=anchor, profile="fast"), text, lang, anchor) == first


@MODELS
@given(text=texts, lang=langs, anchor=published)
def test_fuzz_extract_full_models_invariants(text, lang, anchor):
    first = check_record(breachnlp.extract(text, lang=lang, published=anchor), text, lang, anchor)
    assert as_json(breachnlp.extract(text, lang=lang, published=anchor), text, lang, anchor) == first


@BULK
@given(text=texts, lang=langs, anchor=published)
def test_fuzz_each_component_alone_invariants(text, lang, anchor):
    for name in COMPONENTS:
        nlp = component_pipeline(lang, name)
        first = nlp(make_doc(nlp, text, anchor))
        dumped = dump_doc(first)
        again = dump_doc(nlp(make_doc(nlp, text, anchor)))
        assert dumped == again, name
        if name == "breach_assemble":
            check_record(first._.breach, text, lang, anchor)


@settings(PROFILE, max_examples=max(50, PROFILE.max_examples // 5))
@given(text=texts)
def test_fuzz_detected_language_and_pipe_match_extract(text):
    lang = breachnlp.detect_language(text)
    assert lang in LANGS
    assert lang == breachnlp.detect_language(text)
    piped = list(breachnlp.pipe([{"text": text, "published": "2024-06-01"}], profile="fast"))
    assert len(piped) == 1
    assert piped[0] == breachnlp.extract(text, published="2024-06-01", profile="fast")


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u00a0\u202f", "\u200b\u200f\ufeff", "\x00", "😀", "((((", "«»"])
@pytest.mark.parametrize("lang", LANGS)
def test_fuzz_empty_and_blank_texts_give_an_empty_record(text, lang):
    result = breachnlp.extract(text, lang=lang, published="2024-06-01")
    assert result.organization is None and result.records is None and not result.phi
    assert result.spans == ()
