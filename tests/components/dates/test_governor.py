"""The predicate that governs a date in the parse: which role it tells, and a role given a date
that no surface cue of the date rules reaches."""
import pytest
import spacy

import breachnlp
from breachnlp.api import make_doc
from breachnlp.syntax import SYNTAX_PIPES, OnDemandParser

# (lang, text, {date as written: role its governing predicate tells})
GOVERNED = [
    ("fr", "Des pirates ont chiffré les serveurs du laboratoire Oréade le 4 mars, a précisé jeudi la direction.",
     {"4 mars": "occurred", "jeudi": "disclosed"}),
    ("en", "Intruders copied patient files from Larkspur Dental on March 4, the practice said on Thursday.",
     {"March 4": "occurred", "Thursday": "disclosed"}),
    ("fr", "Le service informatique de la mutuelle Genêt a repéré le 9 avril des connexions inhabituelles.",
     {"9 avril": "discovered"}),
    ("en", "The IT staff of Genet Mutual spotted unusual logins on April 9.", {"April 9": "discovered"}),
    # a verb of notifying: the recipient learns (passive), the sender discloses (active)
    ("fr", "La commune de Sarrance a été prévenue le 3 avril par son hébergeur ; elle a informé ses habitants le "
           "5 avril.", {"3 avril": "discovered", "5 avril": "disclosed"}),
    ("en", "Sarrance Township was alerted by its web host on April 3. It notified residents on April 5.",
     {"April 3": "discovered", "April 5": "disclosed"}),
    # ... unless the passive's subject is the public it reaches
    ("fr", "Les abonnés de la régie Sarrance ont été prévenus le 5 avril.", {"5 avril": "disclosed"}),
    ("en", "Customers of Sarrance Water were warned on April 5.", {"April 5": "disclosed"}),
    # ... and so does an organization that is told ("warned us"), told by the morphology
    ("fr", "Notre hébergeur Talvance nous a avertis le 2 avril d'un accès suspect.", {"2 avril": "discovered"}),
    ("en", "Our host Talvance warned us on April 2 about a suspicious login.", {"April 2": "discovered"}),
    # an aspect verb's complement says what began: notifying, not an incident "beginning"
    ("fr", "Le 24 janvier, la clinique Corvale a commencé à prévenir 27 500 patients.", {"24 janvier": "disclosed"}),
    ("en", "On Jan. 24 Corvale Health began notifying 27,500 residents.", {"Jan. 24": "disclosed"}),
    # predicates of several words, whichever word the parser makes the head
    ("fr", "La mairie de Quintal a fait savoir vendredi que des pirates avaient chiffré ses serveurs.",
     {"vendredi": "disclosed"}),
    ("fr", "Le vol des ordinateurs de la caserne Quintal a eu lieu le 3 avril.", {"3 avril": "occurred"}),
    ("en", "Twelve laptops went missing from a storeroom of the Quintal trust on April 3.", {"April 3": "occurred"}),
    ("en", "The Quintal trust became aware of the problem on April 8.", {"April 8": "discovered"}),
    # any verb whose object or passive subject is a notice dates the telling
    ("en", "Members of Harbor Credit Union got an email from it on June 6 about the incident.", {"June 6": "disclosed"}),
    ("fr", "Les membres de la coopérative Harbor ont reçu un courriel de la coopérative le 6 juin au sujet de "
           "l'incident.", {"6 juin": "disclosed"}),
    ("fr", "Trois notifications de violation ont été déposées le 8 juin auprès de l'autorité par la mutuelle Varenne.",
     {"8 juin": "disclosed"}),
    # any verb whose subject is the incident itself dates the incident
    ("fr", "À la mutuelle Varenne, l'intrusion a été menée le 6 mai depuis l'étranger.", {"6 mai": "occurred"}),
    # finding and establishing, in both languages and spellings
    ("fr", "Le 3 mars, des agents de la mairie de Varenne ont trouvé des fichiers chiffrés sur leurs postes.",
     {"3 mars": "discovered"}),
    ("fr", "La mutuelle Varenne indique avoir établi le 25 février qu'un employé consultait des dossiers sans motif.",
     {"25 février": "discovered"}),
    ("en", "Varenne Trust staff realised on March 3 that a backup tape had never arrived.", {"March 3": "discovered"}),
    ("en", "Varenne Trust found out on March 3 that a backup tape had never arrived.", {"March 3": "discovered"}),
    # ... unless the verb is one of telling: the incident is what is told
    ("fr", "La fuite des fichiers de la mutuelle Varenne a été dénoncée le 4 août par un chercheur.",
     {"4 août": "disclosed"}),
    ("en", "At Varenne Mutual the intrusion stayed quiet on May 6 while files left the network.",
     {"May 6": "occurred"}),
    # a copula heading a reported clause: its noun, adjective or the verb the adjective governs, not the
    # verb of saying above it; a date written before the clause stays the saying's
    ("en", "Brennick Water said on Monday it had been the target of a phishing attack last Thursday.",
     {"Monday": "disclosed", "last Thursday": "occurred"}),
    ("fr", "La mairie de Colmont a indiqué lundi qu'elle avait été la cible d'une cyberattaque jeudi dernier.",
     {"lundi": "disclosed", "jeudi dernier": "occurred"}),
    ("fr", "La clinique Ravel a annoncé le 9 juin qu'elle avait été victime d'un rançongiciel le 2 juin.",
     {"9 juin": "disclosed", "2 juin": "occurred"}),
    ("en", "Osterley Dental announced on June 9 that an intruder was able to copy patient files on June 2.",
     {"June 9": "disclosed", "June 2": "occurred"}),
    # a verb of aspect whose subject is a notice: what began is the telling
    ("en", "Notification of the 300 residents concerned started on Thursday.", {"Thursday": "disclosed"}),
    ("fr", "La notification des 300 habitants concernés a commencé jeudi.", {"jeudi": "disclosed"}),
]


@pytest.mark.parametrize("lang,text,expected", GOVERNED)
def test_governor_tells_the_role_of_the_predicate_that_governs_each_date(nlps, lang, text, expected):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2024-04-19"))
    found = {s.text: s._.breach_features.get("governor") for s in doc.spans["breach_dates"]}
    assert found == expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_parse_runs_only_on_sentences_with_a_date(nlps, lang):
    nlp = nlps[lang]
    assert set(SYNTAX_PIPES) & set(nlp.component_names) <= set(nlp.disabled)
    assert "parser" in nlp.disabled
    text = ("La clinique Sorbier a été piratée le 2 mai. Personne ne sait encore par qui."
            if lang == "fr" else "Sorbier Clinic was hacked on May 2. Nobody knows yet by whom.")
    doc = nlp(make_doc(nlp, text, "2024-05-10"))
    assert not doc.has_annotation("DEP")  # the whole text is never parsed
    assert [s._.breach_features.get("governor") for s in doc.spans["breach_dates"]] == ["occurred"]


def test_without_a_parser_dates_have_no_governor(blank_fr):
    assert not OnDemandParser(blank_fr).available
    doc = blank_fr(make_doc(blank_fr, "Des pirates ont chiffré les serveurs le 4 mars.", "2024-04-19"))
    assert [s._.breach_features.get("governor") for s in doc.spans["breach_dates"]] == [None]


# A date no role cue reaches, in a sentence about the breach, governed by a predicate of the
# occurrence: the breach has an occurrence date.
UNCUED = [
    ("fr", "Le 12 février, une secrétaire de la clinique Verdier a faxé les dossiers de "
           "300 patients à un numéro inconnu. La clinique a prévenu les patients par courrier.", "2024-02-12"),
    ("en", "On February 12, a receptionist at Verdier Clinic faxed the files of 300 patients to an unknown "
           "number. The clinic has written to the patients.", "2024-02-12"),
]


@pytest.mark.parametrize("lang,text,occurred", UNCUED)
def test_a_date_governed_by_an_occurrence_predicate_is_the_occurrence(nlps, lang, text, occurred):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2024-03-01"))
    (span,) = doc.spans["breach_dates"]
    assert span._.date_role is None  # no surface cue reaches it ...
    assert doc._.breach.date.occurred == occurred  # ... the parse gives it its role


def test_the_fast_profile_keeps_the_surface_rules():
    nlp = breachnlp.load("en", profile="fast")
    doc = nlp(make_doc(nlp, UNCUED[1][1], "2024-03-01"))
    assert doc._.breach.date.occurred is None


# A date inside a clause reported by a verb of saying: the nearest surface cue is the saying
# ("statement", « communiqué »), the parse puts the date under the reported event.
REPORTED = [
    ("fr", "Dans un communiqué diffusé mardi, la direction du cabinet Pellworth a précisé que ses serveurs "
           "avaient été paralysés le 2 mars.", {"mardi": "disclosed", "2 mars": "occurred"}),
    ("en", "In a statement on Tuesday, the chief executive of Pellworth Dental said the practice was hit on "
           "March 2 and shut its systems at once.", {"Tuesday": "disclosed", "March 2": "occurred"}),
]


@pytest.mark.parametrize("lang,text,expected", REPORTED)
def test_a_date_in_a_reported_clause_takes_the_role_of_its_own_predicate(nlps, lang, text, expected):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2025-03-14"))
    assert {s.text: s._.date_role for s in doc.spans["breach_dates"]} == expected
    assert doc._.breach.date.occurred == "2025-03-02"
    fast = breachnlp.load(lang, profile="fast")
    fast_doc = fast(make_doc(fast, text, "2025-03-14"))  # the surface rule alone gives the saying's role
    assert {s.text: s._.date_role for s in fast_doc.spans["breach_dates"]} == {date: "disclosed" for date in expected}


# A date written before the complementizer belongs to the verb of saying, wherever the parser hung it.
SAID_BEFORE_THAT = [
    ("fr", "Le groupe Vantelle a confirmé le 20 janvier que son réseau avait été frappé par un rançongiciel."),
    ("en", "Vantelle Group confirmed on Jan. 20 that its network had been hit by ransomware."),
]


@pytest.mark.parametrize("lang,text", SAID_BEFORE_THAT)
def test_a_date_before_the_reported_clause_stays_the_disclosure(nlps, lang, text):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2025-01-24"))
    assert [(s._.date_role, s._.breach_features["reported"]) for s in doc.spans["breach_dates"]] == [
        ("disclosed", False)]


def test_an_aspect_verb_hanging_on_another_verb_tells_when_that_one_began(nlps):
    nlp = nlps["en"]
    doc = nlp(make_doc(nlp, "As a precaution we are mailing this letter, beginning today, to every member whose "
                            "file was on the stolen laptop.", "2025-01-24"))
    assert [s._.breach_features["governor"] for s in doc.spans["breach_dates"]] == ["disclosed"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_batch_parses_the_sentences_of_all_its_texts_as_one_text_at_a_time_does(nlps, lang):
    nlp = nlps[lang]
    texts = [text for text_lang, text, _ in GOVERNED + UNCUED if text_lang == lang]
    docs = [make_doc(nlp, text, "2024-04-19") for text in texts]
    def governors(doc):
        return [s._.breach_features.get("governor") for s in doc.spans["breach_dates"]]

    one_by_one = [governors(nlp(make_doc(nlp, text, "2024-04-19"))) for text in texts]
    batched = [governors(doc) for doc in list(nlp.pipe(docs))]
    assert batched == one_by_one and all(one_by_one)


# (lang, text, date as written): a date a not-breach word rules out ("launched" a product, « au plus
# tard » a deadline) is the incident's when the incident is the subject of its predicate
INCIDENT_SUBJECT = [
    ("fr", "La clinique Olmeda a confirmé une cyberattaque. L'attaque a été lancée le 12 février, a précisé sa "
           "directrice.", "12 février"),
    ("fr", "Selon les experts de la mutuelle Corsal, l'intrusion remontait au 3 mars au plus tard.", "3 mars"),
    ("en", "Olmeda Clinic confirmed a cyberattack on Friday. The attack was launched on February 12, its director "
           "said.", "February 12"),
]


@pytest.mark.parametrize("lang,text,written", INCIDENT_SUBJECT)
def test_the_incident_as_subject_dates_the_incident_whatever_the_verb(nlps, lang, text, written):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2024-04-19"))
    roles = {s.text: s._.date_role for s in doc.spans["breach_dates"]}
    assert roles[written] == "occurred"


@pytest.mark.parametrize("lang,text,written", [
    ("fr", "La clinique Olmeda a lancé le 12 février une nouvelle application de rendez-vous.", "12 février"),
    ("en", "Olmeda Clinic launched a new booking app on February 12.", "February 12"),
])
def test_a_launch_whose_subject_is_no_incident_stays_ruled_out(nlps, lang, text, written):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2024-04-19"))
    assert {s.text: s._.date_role for s in doc.spans["breach_dates"]}[written] is None


# (lang, text, occurrence): whatever an attacker did ("the hackers", « les intrus », anyone "unauthorized")
# dates the incident, whatever the verb: an uncued date, one a not-breach word ruled out ("launched"),
# one a cue of another clause gave the disclosure (« selon le courrier envoyé … »)
ATTACKER_ACTS = [
    ("en", "Brisford Pharmacy notified customers on September 2. An unauthorized user had rummaged through its "
           "order system on August 14.", "2024-08-14"),
    ("fr", "La pharmacie Brisford a prévenu ses clients le 2 septembre. Un utilisateur non autorisé avait fouillé "
           "son système de commandes le 14 août.", "2024-08-14"),
    ("en", "Brisford Pharmacy confirmed a breach on Monday. The hackers launched their campaign on August 14, it "
           "said.", "2024-08-14"),
    ("fr", "La pharmacie Brisford a confirmé lundi une fuite de données. Les pirates ont lancé leur offensive le "
           "14 août, a-t-elle précisé.", "2024-08-14"),
    ("fr", "Selon le courrier envoyé par la pharmacie Brisford, une personne non autorisée a pu parcourir deux "
           "boîtes de messagerie entre le 12 et le 15 août.", "2024-08-12/2024-08-15"),
]


@pytest.mark.parametrize("lang,text,occurred", ATTACKER_ACTS)
def test_what_the_attacker_did_dates_the_incident(nlps, lang, text, occurred):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2024-09-20"))
    assert doc._.breach.date.occurred == occurred


# a passive (what was done to the attackers), an extortion deed: no occurrence
@pytest.mark.parametrize("lang,text", [
    ("en", "Brisford Pharmacy confirmed on Monday that customer data had been stolen. Two of the hackers were "
           "sentenced on August 14."),
    ("fr", "La pharmacie Brisford a confirmé lundi le vol de données de clients. Deux des pirates ont été "
           "condamnés le 14 août."),
    # the extortion after the intrusion
    ("en", "Brisford Pharmacy confirmed a breach on Monday. The hackers gave the pharmacy until August 14 to pay."),
    ("fr", "La pharmacie Brisford a confirmé lundi une fuite de données. Le 14 août, le gang a envoyé une capture "
           "d'écran de dossiers de patients à la direction."),
])
def test_what_was_done_to_the_attackers_or_after_the_intrusion_does_not_date_it(nlps, lang, text):
    nlp = nlps[lang]
    doc = nlp(make_doc(nlp, text, "2024-09-20"))
    assert doc._.breach.date.occurred is None
