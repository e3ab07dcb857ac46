"""A third language needs data, not code: a Spanish pipeline from the minimal resources folder
in tests/data/resources/es (written for this test) on spaCy's blank Spanish tokenizer."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import srsly

from breachnlp.api import make_doc
from breachnlp.errors import LanguageError
from breachnlp.pipeline import COMPONENTS
from breachnlp.resources import REFERENCE_LANG, RESOURCE_FILES, read_resource

RESOURCES = Path(__file__).resolve().parent / "data" / "resources"


@pytest.fixture(scope="module")
def nlp_es():
    nlp = spacy.blank("es")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"resources": str(RESOURCES)})
    return nlp


def test_spanish_folder_has_every_file_and_key_of_the_packaged_languages():
    for name in RESOURCE_FILES:
        assert set(srsly.read_yaml(RESOURCES / "es" / f"{name}.yml")) == set(read_resource(REFERENCE_LANG, name)), name


def test_spanish_sentence_gives_a_count_a_date_and_the_victim(nlp_es):
    text = ("La clínica Santa Lucía sufrió un ciberataque el 14 de febrero de 2025: "
            "se robaron los datos de 8.300 pacientes.")
    doc = nlp_es(make_doc(nlp_es, text, "2025-03-01"))
    breach = doc._.breach
    assert (breach.records.value, breach.records.unit, breach.records.qualifier) == (8300, "people", "exact")
    assert breach.date.occurred == "2025-02-14"
    assert breach.organization is not None and "Santa Lucía" in breach.organization


def test_spanish_qualifier_and_relative_date(nlp_es):
    doc = nlp_es(make_doc(nlp_es, "Hace tres días, el hospital Virgen del Mar informó que más de 2.000 pacientes "
                                  "fueron afectados.", "2025-06-12"))
    assert doc._.breach.records.qualifier == "at_least"
    assert doc._.breach.records.value == 2000
    dates = [(span.text, span._.date_norm) for span in doc.spans["breach_dates"]]
    assert ("Hace tres días", "2025-06-09") in dates


def test_a_language_without_data_fails_clearly():
    nlp = spacy.blank("es")
    with pytest.raises(LanguageError, match="resources="):
        nlp.add_pipe("breach_dates")
