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
    "payment_cards_and_bank_particulars": {  # the same data named with other nouns than "bank details"
        "fr": "Les voleurs ont emporté les <PHI cat=financial status=affirmed>numéros de carte de paiement</PHI> et "
              "les <PHI cat=financial status=affirmed>renseignements bancaires</PHI> de la clientèle.",
        "en": "The thieves took the customers' <PHI cat=financial status=affirmed>payment card numbers</PHI> and "
              "<PHI cat=financial status=affirmed>banking details</PHI>.",
    },
    "postcode_and_birth_year": {
        "fr": "La liste publiée donnait le <PHI cat=address status=affirmed>code postal</PHI> et "
              "l'<PHI cat=date_of_birth status=affirmed>année de naissance</PHI> de chaque adhérent.",
        "en": "The published list gave each member's <PHI cat=address status=affirmed>postcode</PHI> and "
              "<PHI cat=date_of_birth status=affirmed>birth year</PHI>.",
    },
    "birth date and place": {
        "fr": "Le registre copié indique la <PHI cat=date_of_birth status=affirmed>date et le lieu de naissance"
              "</PHI> des électeurs.",
        "en": "The copied register shows the voters' <PHI cat=date_of_birth status=affirmed>date and place of "
              "birth</PHI>.",
    },
    "network_addresses_are_no_home_addresses": {
        "fr": "Les journaux dérobés contiennent des adresses IP et des "
              "<PHI cat=credentials status=affirmed>noms d'utilisateur</PHI>.",
        "en": "The stolen logs hold IP addresses and <PHI cat=credentials status=affirmed>user names</PHI>.",
    },
    "denial_in_a_relative_aside_of_three_words": {  # the aside denies its own verb, not the data after it
        "fr": "Les fichiers de deux services, que la direction n'a pas précisés, ont été copiés, et les "
              "<PHI cat=name status=affirmed>noms</PHI> des patients ont été volés.",
        "en": "Files of two wards, which staff did not list, were copied, and patients' "
              "<PHI cat=name status=affirmed>names</PHI> were stolen.",
    },
    "an_adverb_on_a_count_hedges_no_data": {  # "potentially" says how many, not whether
        "fr": "Le site a exposé le <PHI cat=name status=affirmed>nom</PHI> et l'<PHI cat=address "
              "status=affirmed>adresse</PHI> de potentiellement jusqu'à 4 200 clients.",
        "en": "The site exposed the <PHI cat=name status=affirmed>name</PHI> and <PHI cat=address "
              "status=affirmed>address</PHI> of potentially as many as 4,200 customers.",
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
