import pytest

from breachnlp.errors import MarkupError
from breachnlp.markup import parse_markup


def test_markup_offsets_point_at_the_tagged_text():
    text, spans = parse_markup("<BREACH_ORG>Clinique Ormeau</BREACH_ORG> a perdu <RECORD_COUNT>3 200</RECORD_COUNT> dossiers")
    assert text == "Clinique Ormeau a perdu 3 200 dossiers"
    assert [(text[s["start"]:s["end"]], s["label"]) for s in spans] == [("Clinique Ormeau", "BREACH_ORG"), ("3 200", "RECORD_COUNT")]


def test_markup_attributes_are_copied():
    _, spans = parse_markup("the <PHI cat=national_id status=hedged>SSN</PHI> may be out")
    assert spans[0]["cat"] == "national_id" and spans[0]["status"] == "hedged"


@pytest.mark.parametrize("bad", ["<PHI>a <PHI>b</PHI></PHI>", "<PHI>open", "close</PHI>"])
def test_markup_rejects_malformed_tags(bad):
    with pytest.raises(MarkupError):
        parse_markup(bad)
