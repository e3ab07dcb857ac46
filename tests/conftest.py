"""Shared fixtures: full pipelines (base model + breachnlp) and model-free ones."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy

import breachnlp
from breachnlp.api import make_doc

# Test modules are imported by path (--import-mode=importlib: tests/components/<name>/test_rules.py
# may share a file name); a few import a sibling module (test_fuzz's strategies), found here.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def nlp_fr():
    return breachnlp.load("fr")


@pytest.fixture(scope="session")
def nlp_en():
    return breachnlp.load("en")


@pytest.fixture(scope="session")
def nlps(nlp_fr, nlp_en):
    return {"fr": nlp_fr, "en": nlp_en}


@pytest.fixture(scope="session")
def blank_fr():
    nlp = spacy.blank("fr")
    for name in ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble"):
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="session")
def annotate(nlps):
    """annotate(lang, text, published=None) -> Doc through the full pipeline."""
    def run(lang: str, text: str, published: str | None = None):
        nlp = nlps[lang]
        return nlp(make_doc(nlp, text, published))
    return run
