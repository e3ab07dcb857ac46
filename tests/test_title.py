"""The headline as input: given apart (``title``), as the first line of the text, or absent."""
import json

import pytest

import breachnlp
from breachnlp.api import make_doc
from breachnlp.taxonomy import LANGS

CASES = {
    "fr": ("Cyberattaque : les données de 6 200 patients de la clinique Vernaison dérobées",
           "La direction a confirmé mardi que des pirates avaient copié les noms et les adresses des patients. "
           "Une plainte a été déposée et la CNIL a été prévenue."),
    "en": ("Hackers steal data on 6,200 patients of Ashcombe Valley Hospital",
           "Officials confirmed on Tuesday that intruders copied the names and addresses of patients. The police "
           "and the state health department have been told."),
}
VICTIM = {"fr": "clinique Vernaison", "en": "Ashcombe Valley Hospital"}


@pytest.mark.parametrize("lang", LANGS)
def test_title_a_victim_named_only_in_the_headline_is_found(lang):
    title, body = CASES[lang]
    assert breachnlp.extract(body, lang=lang, published="2024-05-16").organization is None
    record = breachnlp.extract(body, title=title, lang=lang, published="2024-05-16")
    assert record.organization == VICTIM[lang]
    assert record.records.value == 6200


@pytest.mark.parametrize("lang", LANGS)
def test_title_evidence_points_into_the_title_and_the_rest_into_the_text(lang):
    title, body = CASES[lang]
    record = breachnlp.extract(body, title=title, lang=lang, published="2024-05-16")
    for span in record.spans:
        source = title if span.attrs.get("source") == "title" else body
        assert source[span.start:span.end] == span.text
    assert any(span.attrs.get("source") == "title" for span in record.spans)
    json.dumps(record.to_record())


@pytest.mark.parametrize("lang", LANGS)
def test_title_repeated_as_the_first_line_is_read_once(lang):
    title, body = CASES[lang]
    apart = breachnlp.extract(body, title=title, lang=lang, published="2024-05-16")
    inline = breachnlp.extract(f"{title}\n\n{body}", title=title, lang=lang, published="2024-05-16")
    assert inline.to_dict() == apart.to_dict()
    assert not any(span.attrs.get("source") == "title" for span in inline.spans)


def test_title_the_doc_reads_the_headline_first_and_says_where_the_text_starts():
    nlp = breachnlp.load("en", profile="fast")
    title, body = CASES["en"]
    doc = nlp(make_doc(nlp, body, "2024-05-16", title=title))
    assert doc.text == f"{title}\n\n{body}"
    assert doc._.body_start == len(title) + 2 and doc._.title == title


@pytest.mark.parametrize("bad", [3, b"\xff"])
def test_title_that_is_no_text_is_refused(bad):
    with pytest.raises(breachnlp.errors.BreachNLPError, match="title"):
        breachnlp.extract("Some text.", title=bad, lang="en")
