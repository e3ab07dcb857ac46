"""PHI rules without a model: PhiRules and the status rules on one-line sentences, French and English.

Each ``<PHI cat=… status=…>`` is a mention of the sentence with that category and status;
no other mention is found.
"""
import pytest

from breachnlp.components.phi import PhiMention, PhiRules, document_status
from breachnlp.markup import parse_markup
from breachnlp.resources import language_data
from breachnlp.taxonomy import LANGS
from breachnlp.text import Segment, fold

CASES = {
    "clause_conjunction": {
        "fr": "Les <PHI cat=name status=affirmed>noms</PHI> ont été volés, mais aucun "
              "<PHI cat=national_id status=negated>numéro de sécurité sociale</PHI> n'a été dérobé.",
        "en": "<PHI cat=name status=affirmed>Names</PHI> were stolen, but no "
              "<PHI cat=national_id status=negated>Social Security numbers</PHI> were taken.",
    },
    "mid_negation_adverb": {
        "fr": "Les <PHI cat=financial status=negated>coordonnées bancaires</PHI> n'ont en revanche pas été "
              "touchées par la cyberattaque.",
        "en": "<PHI cat=financial status=negated>Bank details</PHI> were fortunately not affected by the breach.",
    },
    "listed_adverb_hedges_what_follows": {
        "fr": "Les <PHI cat=name status=affirmed>noms</PHI> et peut-être les "
              "<PHI cat=national_id status=hedged>numéros de sécurité sociale</PHI> ont été volés.",
        "en": "<PHI cat=name status=affirmed>Names</PHI> and possibly "
              "<PHI cat=national_id status=hedged>Social Security numbers</PHI> were stolen.",
    },
    "never_stored": {
        "fr": "Les <PHI cat=national_id status=negated>numéros de sécurité sociale</PHI> n'ont jamais été conservés "
              "sur ce serveur.",
        "en": "<PHI cat=national_id status=negated>Social Security numbers</PHI> were never stored on that server.",
    },
    "elliptic_negation": {  # "…, but not X": the negation without its verb
        "fr": "Les pirates ont eu accès aux <PHI cat=name status=affirmed>noms</PHI> des clients, mais pas aux "
              "<PHI cat=financial status=negated>coordonnées bancaires</PHI>.",
        "en": "The hackers reached customers' <PHI cat=name status=affirmed>names</PHI>, but not "
              "<PHI cat=financial status=negated>banking data</PHI>.",
    },
    "neither_nor": {
        "fr": "Les <PHI cat=financial status=negated>coordonnées bancaires</PHI> n'ont été ni consultées ni copiées.",
        "en": "<PHI cat=financial status=negated>Bank details</PHI> were neither viewed nor copied.",
    },
    "message_is_no_address": {  # the message that carried the data is no email address
        "fr": "Un courriel envoyé par erreur à quarante parents contenait les "
              "<PHI cat=name status=affirmed>noms</PHI> des élèves.",
        "en": "The emails the intruder read held the <PHI cat=name status=affirmed>names</PHI> of tenants.",
    },
    "listed_message_noun_is_an_address": {  # ...but an item of a list of data is one
        "fr": "Les pirates ont copié les <PHI cat=name status=affirmed>noms</PHI>, "
              "<PHI cat=email status=affirmed>courriels</PHI> et <PHI cat=phone status=affirmed>numéros de "
              "téléphone</PHI> des abonnés.",
        "en": "The thieves copied members' <PHI cat=name status=affirmed>names</PHI>, "
              "<PHI cat=email status=affirmed>email</PHI> and <PHI cat=phone status=affirmed>phone numbers</PHI>.",
    },
    "counted_addresses_are_data": {
        "fr": "Le fichier publié contenait 3 200 <PHI cat=email status=affirmed>adresses de courrier "
              "électronique</PHI>.",
        "en": "The published file held 3,200 <PHI cat=email status=affirmed>email addresses</PHI>.",
    },
    "counted_bare_addresses_are_recipients": {
        "fr": "La mairie a écrit à 5 000 adresses pour prévenir les habitants.",
        "en": "The town wrote to 5,000 addresses to warn residents.",
    },
    "counted_noun_is_no_category": {  # records of patients counted are the unit of a count...
        "fr": "Les pirates ont volé des milliers de dossiers de patients.",
        "en": "The hackers stole hundreds of patient records.",
    },
    "counted_health_records_are_data": {  # ...records qualified as medical ones are still those records
        "fr": "Une infirmière a consulté 1 240 <PHI cat=medical_record status=affirmed>dossiers médicaux</PHI> "
              "sans motif.",
        "en": "A ward clerk viewed 1,240 <PHI cat=medical_record status=affirmed>medical records</PHI> for no "
              "reason.",
    },
}


@pytest.fixture(scope="module", params=LANGS)
def rules(request):
    return PhiRules.from_data(language_data(request.param))


@pytest.mark.parametrize("case", sorted(CASES))
def test_phi_rules_mentions(rules, case):
    text, spans = parse_markup(CASES[case][rules.lang])
    found = [(m.start, m.end, m.category, m.status) for m in rules.mentions(text)]
    assert found == [(s["start"], s["end"], s["cat"], s["status"]) for s in spans], \
        [(text[s:e], c, st) for s, e, c, st in found]


MID_NEGATION = {"fr": ("n'ont en revanche pas ete touchees", "en revanche"),
                "en": ("were fortunately not affected", "fortunately")}


@pytest.mark.parametrize("lang", LANGS)
def test_phi_rules_mask_mid_negation_adverbs(lang):
    rules = PhiRules(lang)
    text, adverb = MID_NEGATION[lang]
    masked = rules.mask_cues(fold(text), Segment(0, len(text)))
    assert len(masked) == len(text) and adverb not in masked and "_" * len(adverb) in masked


CLAUSES = {"fr": ("les noms ont ete voles, toutefois pas les adresses", "toutefois", "adresses"),
           "en": ("names were stolen, however not the addresses", "however", "addresses")}


@pytest.mark.parametrize("lang", LANGS)
def test_phi_rules_clause_ends_at_comma_conjunction(lang):
    """A comma before a conjunction of the language ends the clause (no termination cue here)."""
    rules = PhiRules(lang)
    text, conjunction, noun = CLAUSES[lang]
    assert not rules.termination.search(text)
    start = text.index(noun)
    left, right = rules._clause(text, start, start + len(noun))
    assert text[left:].startswith(conjunction) and right == len(text)


def test_document_status_affirmed_beats_hedged_beats_negated():
    mentions = [PhiMention(0, 3, "name", "negated", "exposure", 0),
                PhiMention(9, 12, "name", "hedged", "exposure", 1),
                PhiMention(20, 25, "national_id", "negated", "exposure", 1),
                PhiMention(30, 35, "email", "affirmed", "advice", 2),
                PhiMention(40, 45, "national_id", "affirmed", "exposure", 3)]
    assert document_status(mentions) == {"name": "hedged", "national_id": "affirmed"}
