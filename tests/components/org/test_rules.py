"""The organization rules without a model: one-line sentences of each language through the pure
modules of ``breachnlp.components.org`` (words from ``resources/<lang>/``, no NER)."""
from __future__ import annotations

import pytest

from breachnlp.components.org import OrgRules, org_rules
from breachnlp.resources import language_data, read_resource
from breachnlp.taxonomy import LANGS
from breachnlp.text import fold


def _entities(text: str, *marked: tuple[str, str]) -> list[tuple[int, int, str]]:
    """The NER entities a test hands the rules: each ``(surface, label)`` where the text first writes
    it, a surface given again where it is written next."""
    entities, after = [], {}
    for surface, label in marked:
        start = text.index(surface, after.get(surface, 0))
        entities.append((start, start + len(surface), label))
        after[surface] = start + len(surface)
    return entities


def _run(lang: str, text: str, *marked: tuple[str, str]):
    """The rules' mentions, clusters and victim of ``text``, given the NER entities ``marked``."""
    rules = org_rules(lang)
    mentions = rules.mentions(text, _entities(text, *marked))
    clusters = rules.clusters(text, mentions)
    victim = rules.assign_roles(text, clusters)
    return mentions, clusters, victim


def _names(lang: str, text: str, *marked: tuple[str, str]) -> list[str]:
    """The surfaces of the rules' mentions of ``text``."""
    return [m.text for m in _run(lang, text, *marked)[0]]


def _roles(clusters) -> dict[str, str]:
    return {c.name: c.role for c in clusters}


@pytest.mark.parametrize("lang", LANGS)
def test_rules_are_built_from_the_language_data(lang):
    data = language_data(lang)
    rules = OrgRules(lang)
    assert rules.connectors >= set(data.words("syntax", "key_connectors"))
    assert all(w in rules.edge_connectors for w in data.words("syntax", "name_coordinators"))


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Le centre hospitalier de Valmont a été piraté.", "centre hospitalier de Valmont"),
    ("en", "Hackers breached the Bank of Ruritania on Monday.", "Bank of Ruritania"),
    ("fr", "Le CISSS de l'Outaouais-Nord a avisé ses usagers.", "CISSS de l'Outaouais-Nord"),  # no English elision
])
def test_connectors_join_one_name(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert name in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,victim,parent", [
    ("fr", "ConnectOnCall, une filiale de Phreesia, a été victime d'un piratage.", "ConnectOnCall", "Phreesia"),
    ("en", "Brightfield Labs, a subsidiary of Norvane Holdings, disclosed a data breach on Monday.",
     "Brightfield Labs", "Norvane Holdings"),
])
def test_victim_and_parent(lang, text, victim, parent):
    _, clusters, found = _run(lang, text)
    assert found is not None and found.name == victim
    assert _roles(clusters)[parent] == "parent"
    assert found.features["apposition_cue"] == 1.0  # the verb after the apposition is the victim's


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Le cabinet de radiologie Imagéa Sud, à Perpignan, a annoncé mardi une fuite.",
     "cabinet de radiologie Imagéa Sud"),
    ("en", "Meridian Health, a clinic in Ohio, lost patient files.", "Meridian Health"),
])
def test_cue_after_an_apposition(lang, text, name):
    _, clusters, victim = _run(lang, text)
    assert victim is not None and victim.name == name and victim.features["victim_cue"] == 1.0


def test_legal_suffix_is_part_of_the_name_not_of_its_key():
    mentions, _, _ = _run("en", "Brightfield Labs, Inc. lost data. Brightfield Labs apologized.")
    assert [m.text for m in mentions][0] == "Brightfield Labs, Inc"
    assert {m.key for m in mentions} == {"brightfield labs"}


@pytest.mark.parametrize("lang,text,endings", [
    ("fr", "Hexalia SAS a perdu des données. Hexalia a prévenu ses clients.", "hexalia"),
    ("en", "Norvane Holdings lost data. Norvane notified its customers.", "norvane"),
])
def test_name_endings_leave_the_key(lang, text, endings):
    _, clusters, _ = _run(lang, text)
    assert len(clusters) == 1 and {m.key for m in clusters[0].mentions} == {endings}


def test_acronym_skips_connectors():
    _, clusters, _ = _run("fr", "Le Centre d'imagerie médicale du Val-d'Arly a subi une attaque. Le CIMVA a porté plainte.")
    assert len(clusters) == 1 and clusters[0].aliases == ["CIMVA"]


def test_coordinated_names_make_one_name():
    mentions, _, _ = _run("en", "Cascade Eye and Skin Centers said patient files were stolen.")
    assert [m.text for m in mentions] == ["Cascade Eye and Skin Centers"]


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Les pirates ont volé 700Go chez Orange, le 1er mars.", "Orange"),
    ("en", "Hackers stole 700GB on the 3rd day from Meridian Health.", "Meridian Health"),
])
def test_quantities_are_no_names(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert [m.text for m in mentions] == [name]


def test_based_compound_is_no_part_of_the_name():
    mentions, _, _ = _run("en", "Ohio-based Meridian Health said hackers stole files from St. Jude Clinic.")
    assert [m.text for m in mentions] == ["Meridian Health", "St. Jude Clinic"]


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "L'Hôpital Américain de Neuilly a été piraté.", "Hôpital Américain de Neuilly"),
    ("en", "The Cleveland Clinic was hacked.", "Cleveland Clinic"),
])
def test_leading_article_leaves_the_surface(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert name in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,noun,victim", [
    ("fr", "GENÈVE – Trois semaines après le piratage de la clinique Montbrillant, les soins reprennent. "
           "Les trois serveurs touchés ont été remplacés.", "Trois", "clinique Montbrillant"),
    ("en", "LEEDS, March 4 – Discharge letters of forty patients of Aireview Hospital were found in a skip. "
           "The discharge papers listed names.", "Discharge", "Aireview Hospital"),
    # ... where the dateline's place carries its region in parentheses
    ("fr", "SION (VS) — Factures, contrats et dossiers de résidents : la clinique Montorge a vu ses factures "
           "publiées par des pirates.", "Factures", "clinique Montorge"),
    ("en", "SALEM (Oregon) — Invoices of the Willamette Valley Clinic were posted by hackers; the invoices "
           "listed names.", "Invoices", "Willamette Valley Clinic"),
])
def test_first_word_after_a_dateline_is_capitalized_by_position(lang, text, noun, victim):
    mentions, _, found = _run(lang, text)
    assert noun not in [m.text for m in mentions]
    assert found is not None and found.name == victim


@pytest.mark.parametrize("lang,text,noun", [
    ("fr", "Décision SAN-2022-014 : sanction contre la Mutuelle du Vercors\n\nLa décision relève que la "
           "Mutuelle du Vercors conservait les données sans chiffrement.", "SAN-2022-014"),
    ("en", "Order DP-2020-117 fines Kestrel Pharmacy\n\nThe order says Kestrel Pharmacy kept the data "
           "unencrypted for years.", "DP-2020-117"),
])
def test_a_decision_reference_in_a_heading_is_no_organization(lang, text, noun):
    mentions, _, found = _run(lang, text)
    assert all(noun not in m.text for m in mentions)
    assert found is not None and found.name in ("Mutuelle du Vercors", "Kestrel Pharmacy")


@pytest.mark.parametrize("lang,text,writer,victim", [
    ("fr", "Fuite de données à la clinique Saint-Rémi\nPar notre Envoyée Spéciale\n\nLa clinique Saint-Rémi, à "
           "Reims, a été piratée.", "Envoyée Spéciale", "clinique Saint-Rémi"),
    ("en", "Surgery records leaked\nBy our Medical Editor\n\nBrookfield Surgical Centre said hackers copied "
           "the files of its patients.", "Medical Editor", "Brookfield Surgical Centre"),
])
def test_names_on_a_byline_are_the_writers(lang, text, writer, victim):
    mentions, _, found = _run(lang, text)
    assert writer not in [m.text for m in mentions]
    assert found is not None and found.name == victim


@pytest.mark.parametrize("lang,text", [
    ("fr", "les pirates disent avoir copié TOUTE la base. toute la base fait 40 Go. La Clinique du Parc ne répond pas."),
    ("en", "the hackers say they took the WHOLE database. the whole thing is 40gb. Pinecrest Dental has not replied."),
])
def test_a_shouted_common_word_is_no_acronym(lang, text):
    mentions, _, _ = _run(lang, text)
    assert all(m.text not in ("TOUTE", "WHOLE") for m in mentions)


@pytest.mark.parametrize("lang,text,name", [
    # capital words set in a sentence of lower case are a name, not a shouted heading
    ("fr", "Le régulateur a sanctionné la société VORTA NET après une fuite des fichiers de ses abonnés.", "VORTA NET"),
    ("en", "The regulator fined the company VORTA NET after its subscriber files were left open.", "VORTA NET"),
])
def test_capital_words_in_a_lower_case_sentence_are_a_name(lang, text, name):
    mentions, _, found = _run(lang, text)
    assert name in [m.text for m in mentions]
    assert found is not None and found.name == name


@pytest.mark.parametrize("lang,text,words", [
    # a heading line in capitals, and common words a forum post shouts, are no name
    ("fr", "FUITE DE DONNÉES MASSIVE\nLa Clinique du Parc a été piratée.", "DONNÉES MASSIVE"),
    ("en", "anyone else get the letter?\nyep. got mine monday.\nsame here. no idea what to do.\nmy mum got one too. "
           "people keep getting FAKE INVOICES by mail now.\nPinecrest Dental has not replied.", "FAKE INVOICES"),
    ("fr", "quelqu'un d'autre a reçu la lettre ?\noui. reçue lundi.\npareil ici. je sais pas quoi faire.\nma mère "
           "aussi. des gens reçoivent des FAUSSES FACTURES par courrier.\nLa Clinique du Parc ne répond pas.",
     "FAUSSES FACTURES"),
])
def test_shouted_capital_words_are_no_name(lang, text, words):
    mentions, _, _ = _run(lang, text)
    assert not any(words in m.text or m.text in words for m in mentions)


@pytest.mark.parametrize("lang,text,entity,name", [
    # "neither … nor" opening a sentence is no part of the name the NER ran over it
    ("en", "Thieves drained accounts at Kestrel Savings.\n\nNeither Kestrel Savings, a unit of Orvel Holdings, nor "
           "the central bank would comment.", "Neither Kestrel Savings", "Kestrel Savings"),
    ("fr", "Des voleurs ont vidé des comptes de la Caisse Verdal.\n\nNi Caisse Verdal, filiale d'Orvel Holding, ni la "
           "banque centrale n'ont commenté.", "Ni Caisse Verdal", "Caisse Verdal"),
])
def test_a_correlative_conjunction_opens_no_name(lang, text, entity, name):
    mentions, _, _ = _run(lang, text, (entity, "ORG"))
    assert name in [m.text for m in mentions] and entity not in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,name", [
    # a forum writes names in lower case too: a name's first word written so elsewhere stays in the name
    ("en", "ok so. someone says they're selling zentel's customer list. no idea if legit. prices are low. mods pls "
           "check.\n\nZentel Mobile Nigeria (ZMN) has now put out a statement denying any breach.",
     "Zentel Mobile Nigeria"),
    ("fr", "bon. quelqu'un dit vendre la liste clients de zentel. aucune idée si c'est vrai. les prix sont bas. les "
           "modos vous regardez ?\n\nZentel Mobile Sénégal (ZMS) a publié un communiqué qui dément toute fuite.",
     "Zentel Mobile Sénégal"),
])
def test_a_forum_name_written_in_lower_case_elsewhere_keeps_its_first_word(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert name in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,name", [
    # a municipality's name: the government word, the connector and the place, its article included
    ("fr", "La Municipalité de La Pêche a été victime d'une cyberattaque mardi.", "Municipalité de La Pêche"),
    ("en", "Lower Arvon Township said on Tuesday that its email server had been breached.", "Lower Arvon Township"),
])
def test_a_municipality_is_named_with_its_place(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert name in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,entity,name", [
    # a weekday in lower case the NER ran the name over, and what follows it, are no part of the name
    ("fr", "vous aussi vous avez eu le mail de la Fédération nationale de voile mardi soir ? intrusion dans le "
           "fichier des licences.", "Fédération nationale de voile mardi soir", "Fédération nationale de voile"),
    ("en", "anyone else get the email from the Harbor Sailing Club monday night? looks like the member list leaked.",
     "Harbor Sailing Club monday night", "Harbor Sailing Club"),
])
def test_a_lower_case_weekday_ends_the_name_the_ner_ran_over(lang, text, entity, name):
    mentions, _, _ = _run(lang, text, (entity, "ORG"))
    assert name in [m.text for m in mentions] and entity not in [m.text for m in mentions]


def test_an_acronym_inside_a_name_stays_in_it():
    mentions, _, _ = _run("en", "Northgate General Hospitals NHS Foundation Trust apologised after a data breach.")
    assert "Northgate General Hospitals NHS Foundation Trust" in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,desk,victim", [
    ("fr", "RIMOUSKI, 3 mai (La Presse Régionale) – La clinique Bellevue dit que 900 dossiers ont été volés.",
     "Régionale", "clinique Bellevue"),
    ("en", "DENVER, May 3 (Staff) – Ridgeview Orthopedics says the data of 9,000 patients was stolen.",
     "Staff", "Ridgeview Orthopedics"),
])
def test_the_desk_of_a_dateline_is_no_organization(lang, text, desk, victim):
    mentions, _, found = _run(lang, text)
    assert all(desk not in m.text for m in mentions)
    assert found is not None and found.name == victim


@pytest.mark.parametrize("lang,text,figure", [
    ("fr", "la direction promet 2Md d'investissements. Le groupe Ardanne dit que 300 000 clients sont touchés.", "2Md"),
    ("en", "the ceo promised 100bn won for security. Hanwa Telecom says 300,000 customers were hit.", "100bn"),
])
def test_a_figure_with_a_multiplier_is_no_name(lang, text, figure):
    mentions, _, _ = _run(lang, text)
    assert figure not in [m.text for m in mentions]


def test_a_capitalized_preposition_opening_a_sentence_is_no_part_of_a_name():
    mentions, _, _ = _run("fr", "Les communes visées.\n\nÀ Wervik, la mairie a été piratée ; à Wervik, 300 habitants sont touchés.")
    assert all(not m.text.startswith("À ") for m in mentions)


@pytest.mark.parametrize("lang,text,ner_org,not_a_name", [
    # a unit glued to its figure, even when the NER calls it an organization
    ("en", "The seller says 4.2TB of files came from Kestrel Dental.", "TB", "TB"),
    ("fr", "Le vendeur affirme détenir 2,3To de fichiers de la clinique Varenne.", "To", "To"),
    # the city of a dateline before a colon, and the state after the city
    ("en", "PUNE: A private clinic, Sahyadri Eye Care, said hackers stole patient files.", None, "PUNE"),
    ("en", "SPOKANE, WASH., March 3 — Kestrel Dental said hackers stole patient files.", None, "WASH"),
    ("fr", "RABAT : La clinique Al Amal a confirmé le vol de dossiers de patients.", None, "RABAT"),
    # the NER cuts a dateline city of several words after its first: the rest of the city follows
    ("en", "CEDAR FALLS, Iowa, May 3 (AP) — Kestrel Dental said hackers stole patient files.", "CEDAR", "CEDAR"),
    ("fr", "TROIS RIVIÈRES, 3 mai (PC) – La clinique Varenne a confirmé le vol de dossiers.", "TROIS", "TROIS"),
    # ... and a city whose first word is an abbreviation with its full stop
    ("fr", "ST. CLOUD (Minnesota) – La clinique Varenne a confirmé le vol de dossiers.", "ST", "ST"),
    ("en", "MT. VERNON, Wash. — Kestrel Dental said hackers stole patient files.", "MT", "MT"),
])
def test_units_and_dateline_places_are_no_names(lang, text, ner_org, not_a_name):
    ents = _entities(text, (ner_org, "ORG")) if ner_org else []
    names = [m.text for m in org_rules(lang).mentions(text, ents)]
    assert names and not any(not_a_name in n for n in names)


@pytest.mark.parametrize("lang,text,ner_span,name", [
    # the NER glues the dateline's city to the name after the dash
    ("en", "OSAKA - Kitahama Eye Clinic said hackers copied the files of its patients.",
     "OSAKA - Kitahama Eye Clinic", "Kitahama Eye Clinic"),
    ("en", "BOISE, Idaho - Canyon Ridge Urology said hackers copied the files of its patients.",
     "Idaho - Canyon Ridge Urology", "Canyon Ridge Urology"),
    ("fr", "RENNES – Clinique des Lices : des pirates ont copié les dossiers de ses patients.",
     "RENNES – Clinique des Lices", "Clinique des Lices"),
])
def test_a_dateline_glued_to_a_name_is_cut_off(lang, text, ner_span, name):
    names = [m.text for m in org_rules(lang).mentions(text, _entities(text, (ner_span, "ORG")))]
    assert name in names and ner_span not in names


def test_a_common_word_left_after_a_dateline_is_no_name():
    text = "LIMA - Nearly a month after the attack, Clínica Andina said the files of its patients were copied. It was nearly done."
    names = [m.text for m in org_rules("en").mentions(text, _entities(text, ("LIMA - Nearly", "ORG")))]
    assert not any("Nearly" in n for n in names)


@pytest.mark.parametrize("lang,text,word,shouted", [
    # capitals that are no acronym: written otherwise elsewhere, or a line in capitals
    ("en", "Hackers say the FULL files of Kestrel Dental are for sale; the full archive is 40 GB.", "FULL", True),
    ("en", "⚠️ URGENT – PLEASE READ AND SHARE\nKestrel Dental said hackers stole patient files.", "URGENT", True),
    ("fr", "⚠️ URGENT – MERCI DE LIRE ET PARTAGER\nLa clinique Varenne a été piratée.", "URGENT", True),
    # an acronym is none of these
    ("en", "The OCPD said hackers stole files from Kestrel Dental; the OCPD is investigating.", "OCPD", False),
])
def test_the_shouted_feature_tells_capitals_from_acronyms(lang, text, word, shouted):
    _, clusters, _ = _run(lang, text)
    cluster = next((c for c in clusters if any(m.text == word for m in c.mentions)), None)
    if cluster is None:
        # one word of a heading line in capitals is no mention at all: shouting, never an acronym
        assert shouted
    else:
        assert cluster.features["shouted"] == float(shouted)


@pytest.mark.parametrize("lang,text,organization,person", [
    # a title inside a capitalized run starts a person's name: the organization ends before it
    ("en", "Before: Upper Tribunal Judge Ann Kestrel. The appeal of Harlow Dental Group is dismissed.",
     "Upper Tribunal", "Ann Kestrel"),
    ("fr", "Audience présidée par Juge Paul Varenne : le recours de la clinique Vauban est rejeté.",
     "clinique Vauban", "Paul Varenne"),
])
def test_a_title_inside_a_run_cuts_the_person_off_the_organization(lang, text, organization, person):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert organization in names
    assert not any(person in n for n in names)


@pytest.mark.parametrize("lang,text,name", [
    # a short number between two words of one name, in running text
    ("fr", "Des fichiers volés à l'Ulss 9 Scaligera ont été publiés ; l'Ulss 9 a porté plainte.", "Ulss 9 Scaligera"),
    ("en", "Files stolen from Asl 2 Lanciano were posted online, and Asl 2 has told the police.", "Asl 2 Lanciano"),
    # a partitive number word before the name is no part of it
    ("en", "Photo: One of Harlow Dental Group's clinics.", "Harlow Dental Group"),
    ("fr", "Photo : Deux des Cliniques Varenne Santé ont été touchées.", "Cliniques Varenne Santé"),
])
def test_numbers_inside_and_before_a_name(lang, text, name):
    assert name in [m.text for m in org_rules(lang).mentions(text)]


@pytest.mark.parametrize("lang,text,ents,name", [
    # the place that owns a name in the possessive ("Ohio's") is no part of it
    ("en", "Hackers hit Ohio's Kestrel Valley Hospital on Monday.", [("Ohio", "GPE")], "Kestrel Valley Hospital"),
    # a person's or a saint's name in the possessive is ("St. Brigid's Children's Hospital")
    ("en", "Hackers hit St. Brigid's Children's Hospital on Monday.", [], "St. Brigid's Children's Hospital"),
    # ... even where the NER calls the saint's name a place
    ("en", "Files of 8,100 patients at St. Agnes's Rehabilitation Hospital were copied.", [("St. Agnes's", "GPE")],
     "St. Agnes's Rehabilitation Hospital"),
    ("fr", "Le Saint Columba's Community Hospital d'Édimbourg a signalé une fuite.", [("Saint Columba's", "LOC"), ("Édimbourg", "LOC")],
     "Saint Columba's Community Hospital"),
    # ... and the name runs on through "and" to its organization word
    ("en", "Intruders reached St. Anne's Eye and Skin Center in May.", [("St. Anne's", "GPE")],
     "St. Anne's Eye and Skin Center"),
])
def test_a_place_in_the_possessive_is_no_part_of_the_name(lang, text, ents, name):
    assert name in [m.text for m in org_rules(lang).mentions(text, _entities(text, *ents))]


@pytest.mark.parametrize("text,entity,names,not_names", [
    # an entity the NER ran on past the possessive: the owner, named alone elsewhere, is the name
    ("Kestrel Labs said an intruder entered Kestrel's Outlook mailbox in May. Kestrel notified staff.",
     "Kestrel's Outlook", ["Kestrel"], ["Kestrel's Outlook"]),
    # ... and a name with a possessive inside stays whole where its first word never stands alone
    ("Patients of Children's Mercy were told of the breach.", "Children's Mercy", ["Children's Mercy"], ["Children"]),
])
def test_an_entity_ends_at_the_possessive_of_a_name_written_alone(text, entity, names, not_names):
    found = [m.text for m in org_rules("en").mentions(text, _entities(text, (entity, "ORG")))]
    assert all(n in found for n in names) and not any(n in found for n in not_names)


def test_a_saints_name_ends_at_its_possessive_before_a_word_of_no_organization():
    text = "Staff at St. Kilda's said the clinic's page was defaced. St. Kilda's Facebook page stayed down."
    names = [m.text for m in org_rules("en").mentions(text, [])]
    assert "St. Kilda's Facebook" not in names and "St. Kilda" in names


@pytest.mark.parametrize("lang,text,entity,name", [
    # English names are title-cased: the lower-case words an entity ran on with are no part of it
    ("en", "Health card numbers of Brantwood care home residents were exposed.", "Brantwood care home residents",
     "Brantwood"),
    # French names hold lower-case words: the entity stays whole
    ("fr", "La Caisse primaire d'assurance maladie a été piratée.", "Caisse primaire d'assurance maladie",
     "Caisse primaire d'assurance maladie"),
])
def test_an_entity_keeps_the_lower_case_words_its_language_writes_in_names(lang, text, entity, name):
    mentions = org_rules(lang).mentions(text, _entities(text, (entity, "ORG")))
    assert name in [m.text for m in mentions]
    assert entity == name or entity not in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,apart", [
    # a place in both names does not make one organization of two with different heads
    ("en", "The University of Westmarch said a hacker got in. The Westmarch Bureau of Investigation is looking "
           "into it.", ("University of Westmarch", "Westmarch Bureau of Investigation")),
    ("fr", "Le Centre hospitalier de Valmont a été piraté. Valmont Assurances n'est pas touchée.",
     ("Centre hospitalier de Valmont", "Valmont Assurances")),
])
def test_names_with_different_heads_are_two_organizations(lang, text, apart):
    _, clusters, _ = _run(lang, text)
    together = [c for c in clusters if {m.text for m in c.mentions} >= set(apart)]
    assert together == []


@pytest.mark.parametrize("lang,text,name", [
    # a capitalized adverb inside a sentence, before an organization word, is the name's own first word
    ("en", "The practice, trading as Only Smiles Dental, says its systems were attacked.", "Only Smiles Dental"),
    ("en", "Files across Just Teeth Clinic's network were scrambled.", "Just Teeth Clinic"),
])
def test_a_capital_inside_a_sentence_belongs_to_the_name(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert name in [m.text for m in mentions]


def test_a_name_inside_a_longer_one_must_be_a_run_of_its_words():
    # "Kids Dental" is in "Kids Care Dental Group" word for word but not in a row: another organization
    text = ("Tiny Kids Dental was hit by ransomware. Kids Dental told parents on Friday. Separately, Kids Care "
            "Dental Group reported an attack.")
    _, clusters, _ = _run("en", text)
    names = {c.name: {m.text for m in c.mentions} for c in clusters}
    assert "Kids Care Dental Group" in names and "Kids Dental" not in names["Kids Care Dental Group"]


@pytest.mark.parametrize("lang,text,entity,name", [
    # a name ending with a common noun goes on over the place it serves
    ("fr", "L'Office public du logement social de la Haute-Marne a été piraté.", "Office public du logement social",
     "Office public du logement social de la Haute-Marne"),
    ("fr", "La Fédération des médecins spécialistes du Val-de-Loire a subi une fuite.",
     "Fédération des médecins spécialistes", "Fédération des médecins spécialistes du Val-de-Loire"),
    # without an organization word it stays as the entity ends
    ("fr", "Les Amis du vieux port de Valmont ont été piratés.", "Amis du vieux port", "Amis du vieux port"),
])
def test_a_name_ending_with_a_common_noun_takes_its_place(lang, text, entity, name):
    mentions = org_rules(lang).mentions(text, _entities(text, (entity, "ORG")))
    assert name in [m.text for m in mentions]


def test_a_name_whose_words_recur_in_other_names_is_still_a_name():
    # "Hartley" alone and "Ashford United" elsewhere do not make "Hartley United" a common phrase
    text = ("Fans who bought from Hartley United's online shop were told their cards were skimmed. Hartley said "
            "sorry. A year earlier Ashford United had leaked supporters' addresses.")
    mentions, _, _ = _run("en", text)
    assert "Hartley United" in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,name,other", [
    # an incident word heading a title is no part of the name after it
    ("fr", "Hack du Stade Ormeau : le club confirme une fuite", "Stade Ormeau", "Hack du Stade Ormeau"),
    ("en", "Hack at Ormeau Rovers: the club confirms a leak", "Ormeau Rovers", "Hack at Ormeau Rovers"),
    # the end of a dateline city of several words is the place, and a line of short items between
    # middle dots is page furniture
    ("en", "PORT ST. ALBANS, Ont. — Ormeau School Board says student files were stolen.", "Ormeau School Board",
     "ALBANS"),
    ("fr", "Blogue santé · Nouvelles de la clinique\n\nLa Clinique Ormeau a subi une attaque.", "Clinique Ormeau",
     "Nouvelles"),
])
def test_incident_words_dateline_cities_and_page_furniture_are_no_names(lang, text, name, other):
    mentions, _, _ = _run(lang, text)
    texts = [m.text for m in mentions]
    assert name in texts and other not in texts


@pytest.mark.parametrize("lang,text,heading,name", [
    # a letter's heading the NER takes for a name: genre and incident words only
    ("en", "Notice of Security Incident\n\nDear Customer,\nHarlow Pet Supplies Inc. writes to tell you about an "
           "incident.", "Notice of Security Incident", "Harlow Pet Supplies Inc"),
    ("fr", "Avis d'Incident\n\nMadame, Monsieur,\nla Mutuelle Sorbier vous informe d'un incident.", "Avis d'Incident",
     "Mutuelle Sorbier"),
    # a report's title glued to the name: "Incident of" is no part of it
    ("en", "Investigation Report: Data Breach Incident of Harlow Pet Supplies Limited\n\n1. Harlow Pet Supplies "
           "Limited reported a leak.", "Incident of Harlow Pet Supplies Limited", "Harlow Pet Supplies Limited"),
])
def test_a_heading_of_genre_and_incident_words_is_no_name(lang, text, heading, name):
    names = _names(lang, text, (heading, "ORG"))
    assert name in names and heading not in names and "Incident" not in names


@pytest.mark.parametrize("lang,text,marked,victim,recipient", [
    # the recipient of the report is an authority the victim told, whatever its name
    ("en", "Harlow Books said it reported the attack to the Northern Internet Safety Agency (NISA) on Monday. "
           "Harlow Books has 2 million members; the NISA offered help.",
     [("Harlow Books", "ORG"), ("Northern Internet Safety Agency", "ORG"), ("NISA", "ORG"), ("Harlow Books", "ORG"),
      ("NISA", "ORG")], "Harlow Books", "Northern Internet Safety Agency"),
    ("fr", "La librairie Harlow a déposé plainte auprès de la Brigade Numérique Sorbier lundi. Harlow compte "
           "2 millions de membres.", [], "Harlow", "Brigade Numérique Sorbier"),
])
def test_the_recipient_of_a_report_is_an_authority(lang, text, marked, victim, recipient):
    _, clusters, found = _run(lang, text, *marked)
    assert found is not None and found.name == victim
    assert _roles(clusters)[recipient] == "authority"


@pytest.mark.parametrize("lang,text", [
    # a firm named after its founder, which the NER calls a person: the only candidate, it is the victim
    ("fr", "ROUBAIX (Nord) – Vantelli a annoncé lundi avoir reçu une demande de rançon après une intrusion."),
    ("en", "MILAN – Vantelli said on Monday it had received a ransom demand after an intrusion."),
])
def test_a_one_word_person_of_the_ner_that_tells_the_breach_is_a_candidate(lang, text):
    mentions, _, found = _run(lang, text, ("Vantelli", "PER"))
    assert [m.source for m in mentions if m.text == "Vantelli"] == ["person"]
    assert found is not None and found.name == "Vantelli"
    # a person named in full is no firm, nor is a greeting's title
    mentions, _, _ = _run(lang, "Marco Vantelli, " + text.split("– ")[1], ("Marco Vantelli", "PER"), ("Vantelli", "PER"))
    assert "Vantelli" not in [m.text for m in mentions if m.source != "person"]


@pytest.mark.parametrize("lang,text,entity,name", [
    # a sum the NER glued to the name it follows is no part of it
    ("en", "ABUJA – The regulator has fined Harlow Bank Plc 312.4 million naira over cookies. Harlow Bank said it "
           "would appeal.", "Harlow Bank Plc 312.4", "Harlow Bank Plc"),
    ("fr", "LAGOS – Le régulateur a infligé à Harlow Bank Plc 312,4 millions de nairas une amende. Harlow Bank fera "
           "appel.", "Harlow Bank Plc 312,4", "Harlow Bank Plc"),
])
def test_a_figure_after_a_name_is_no_part_of_it(lang, text, entity, name):
    names = _names(lang, text, (entity, "ORG"))
    assert name in names and entity not in names


@pytest.mark.parametrize("lang,text", [
    # the text spells the acronym out as a bank's name: the public body of the gazetteer with the same
    # letters (BSI, a German federal office) gives the bank no role
    ("en", "Jakarta – Bank Sejahtera Indah (BSI) said on Monday its services were down after an attack. BSI said "
           "customer data was safe."),
    ("fr", "Jakarta – La Bank Sejahtera Indah (BSI) a indiqué lundi que ses services étaient coupés après une "
           "attaque. BSI assure que les données des clients sont protégées."),
])
def test_an_acronym_spelled_out_as_a_company_takes_no_gazetteer_role(lang, text):
    _, clusters, found = _run(lang, text)
    assert _roles(clusters)["Bank Sejahtera Indah"] == "victim" and found.name == "Bank Sejahtera Indah"


@pytest.mark.parametrize("lang,text,regulator", [
    # a communications regulator that fines a company, heading its own press release
    ("en", "KESTREL COMMUNICATIONS COMMISSION\nPress release\n\nThe Kestrel Communications Commission imposed a "
           "penalty on Harlow Mart after a hacker stole the data of 2 million Harlow Mart members.",
     "Kestrel Communications Commission"),
    ("fr", "La Commission des communications de Kestrel a infligé une amende à Harlow Mart après le vol des données "
           "de 2 millions de membres de Harlow Mart.", "Commission des communications de Kestrel"),
])
def test_a_communications_commission_is_a_regulator(lang, text, regulator):
    _, clusters, found = _run(lang, text, *[(regulator, "ORG")] * (lang == "fr"))
    assert _roles(clusters)[regulator] == "regulator"
    assert found is not None and found.name == "Harlow Mart"


@pytest.mark.parametrize("lang,text,heading", [
    # a rubric in capitals alone on its line, which the NER reads as an organization
    ("en", "ANALYSIS\n\nBy Dana Roe\n\nSTOCKHOLM — Kestrel Logistics said on Tuesday that its servers were breached.",
     "ANALYSIS"),
    ("fr", "DÉCRYPTAGE\n\nPar Dana Roe\n\nLa société Kestrel Logistics a indiqué mardi que ses serveurs avaient été piratés.",
     "DÉCRYPTAGE"),
    # a heading in capitals the text also writes as a common word
    ("en", "BACKGROUND\n\nKestrel Logistics said on Tuesday that its servers were breached; the background is unclear.",
     "BACKGROUND"),
])
def test_a_heading_in_capitals_alone_on_its_line_is_no_name(lang, text, heading):
    names = _names(lang, text, (heading, "ORG"))
    assert heading not in names and "Kestrel Logistics" in names


@pytest.mark.parametrize("lang,text,name", [
    # a possessive determiner a letter capitalizes before the name is no word of it
    ("en", "Please stay alert.\n\nYour Kestrel Aquarium has told the regulator about this matter.", "Kestrel Aquarium"),
    ("fr", "Restez vigilants.\n\nVotre Clinique Sorbier a informé la CNIL de cet incident.", "Clinique Sorbier"),
    # the team word of a letter's sign-off
    ("en", "We apologize for the inconvenience.\n\nTeam Kestrel Aquarium", "Kestrel Aquarium"),
    # a legal form in lower case after the name (Canadian French) is a word of it
    ("fr", "MONTRÉAL – Les Compagnies Harlow limitée ont confirmé une intrusion.", "Compagnies Harlow limitée"),
])
def test_a_possessive_before_a_name_and_a_legal_form_after_it(lang, text, name):
    # the NER's entity holds the determiner ("Your Toronto Zoo"), as the base models' do
    possessive = [(w + " " + name, "ORG") for w in ("Your", "Votre", "Team") if w + " " + name in text]
    names = _names(lang, text, *possessive)
    assert name in names and not any(p in names for p, _ in possessive)


@pytest.mark.parametrize("lang,text,heading,name", [
    # a genre word opening a heading, alone, is no name; the firm "Avis" mid-sentence would stay
    ("en", "STATEMENT\n\nHarlow Pet Supplies said on Monday that an intruder copied its customer list.",
     "STATEMENT", "Harlow Pet Supplies"),
    ("fr", "COMMUNIQUÉ\n\nLa Mutuelle Sorbier a constaté lundi la copie de son fichier d'adhérents.",
     "COMMUNIQUÉ", "Mutuelle Sorbier"),
    # … after a dash, and a name with capitals beyond Latin-1 ("Şirketi")
    ("fr", "Communiqué au public – Notification de violation de données\nResponsable du traitement : Kestrel Hava "
           "Taşımacılığı Anonim Şirketi", "Notification", "Kestrel Hava Taşımacılığı Anonim Şirketi"),
])
def test_a_genre_word_opening_a_heading_is_no_name(lang, text, heading, name):
    names = _names(lang, text, (heading, "ORG"))
    assert heading not in names and name in names


@pytest.mark.parametrize("lang,text,name", [
    # an abbreviated legal form inside a foreign company's name does not end it at its period
    ("fr", "1. Vantora Pte. Ltd. exploite le site Hoplio et a subi une fuite.", "Vantora Pte. Ltd"),
    ("en", "Kestrel Pty. Ltd. said it had suffered a breach.", "Kestrel Pty. Ltd"),
    ("en", "Records held by Marlow Sdn. Bhd. were copied.", "Marlow Sdn. Bhd"),
])
def test_an_abbreviated_legal_form_is_a_word_of_the_name(lang, text, name):
    assert name in _names(lang, text)


@pytest.mark.parametrize("lang,text,other", [
    # a line of page furniture names another story
    ("en", "Ormeau Water says customer data was stolen.\n\nSign up for our newsletter | Most read: Fire at Kestrel "
           "Mills depot\n\nOrmeau Water will write to customers.", "Kestrel Mills"),
    ("fr", "La Régie Ormeau confirme le vol de données.\n\nÀ lire aussi : la Clinique Sorbier rouvre ses portes\n\n"
           "La Régie Ormeau écrira à ses abonnés.", "Clinique Sorbier"),
])
def test_a_furniture_line_names_no_candidate(lang, text, other):
    mentions, _, _ = _run(lang, text)
    assert other not in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,victim,other", [
    # "X, the state-backed unit": a unit whose owner the text never names; guessing the victim as
    # its owner must not hand the breach to it
    ("en", "Harwick Medical Center said attackers stole the records of 12,000 patients. Investigators linked the "
           "intrusion to Ferrow Spider, the state-backed unit blamed for earlier thefts. Harwick Medical Center has "
           "notified its patients.", "Harwick Medical Center", "Ferrow Spider"),
    ("fr", "La clinique Saint-Aubin a annoncé le vol des dossiers de 3 000 patients. Les enquêteurs évoquent Ostrava, "
           "une branche très active de la mafia locale. La clinique Saint-Aubin a prévenu ses patients.",
     "clinique Saint-Aubin", "Ostrava"),
])
def test_a_unit_with_a_guessed_owner_does_not_take_the_breach(lang, text, victim, other):
    _, clusters, found = _run(lang, text)
    assert found is not None and found.name == victim
    assert _roles(clusters)[other] != "victim"


@pytest.mark.parametrize("lang,text,attacker", [
    ("fr", "Les pirates de Kravex ont publié les fichiers de la clinique des Tilleuls, a indiqué la clinique des Tilleuls.",
     "Kravex"),
    ("en", "Hackers from Vorlag Team posted files taken from Pinecrest Family Clinic, Pinecrest Family Clinic said.",
     "Vorlag Team"),
])
def test_the_hackers_of_a_group_name_the_attacker(lang, text, attacker):
    _, clusters, _ = _run(lang, text)
    assert _roles(clusters)[attacker] == "attacker"


@pytest.mark.parametrize("lang,text,person,org", [
    # a forum writes names in lower case and the NER tags them as anything: a name after a title
    # ("dr", "mme") is a person, never an organization candidate
    ("en", "so dr chen opened 70 files at rowan health for no reason. he got caught. dr chen is suspended now. "
           "rowan health says sorry. lol. what a mess.", "dr chen", "rowan health"),
    ("fr", "bref le dr martin a ouvert 40 dossiers chez rivage santé sans raison. il s'est fait prendre. le dr "
           "martin est suspendu. rivage santé s'excuse. mdr. quelle histoire.", "dr martin", "rivage santé"),
])
def test_a_lower_case_name_after_a_title_is_a_person(lang, text, person, org):
    names = [m.text for m in org_rules(lang).mentions(text, _entities(text, (person, "PER"), (org, "ORG")))]
    assert person not in names and org in names


def test_a_court_caption_is_no_part_of_the_name():
    text = "In the Matter of Kestrel Labs, Inc., the commission found that Kestrel Labs left files open."
    names = [m.text for m in org_rules("en").mentions(text)]
    assert not any(n.startswith("Matter") for n in names) and "Kestrel Labs" in " ".join(names)


@pytest.mark.parametrize("lang,text,entity,label,repeat", [
    # a forum's subject line capitalizes a one-word name its posts write in lower case: the NER's
    # entity there is a name, and so is each lower-case repeat
    ("fr", "Valmora : la mutuelle envoie une facture à un mort\n\nposté par jurassien · forum\n\nvous avez vu ça ? "
           "une lettre de la valmora adressée à son beau-père. ce que répond la valmora : une erreur. la valmora "
           "s'excuse. bref. mdr.", "Valmora", "LOC", "valmora"),
    ("en", "Brindlecare sent a dead man a bill\n\nposted by someone · forum\n\nso a letter from brindlecare went to "
           "his father-in-law. brindlecare says it was an error. brindlecare apologized. lol. wow.",
     "Brindlecare", "GPE", "brindlecare"),
])
def test_a_one_word_name_of_a_forum_subject_line_and_its_lower_case_repeats(lang, text, entity, label, repeat):
    mentions = org_rules(lang).mentions(text, [(0, len(entity), label)])
    names = [m.text for m in mentions]
    assert entity in names and names.count(repeat) >= 2


@pytest.mark.parametrize("lang,text", [
    ("en", "The regulator fined Orvane Clinic NOK 410,000 for the breach."),
    ("fr", "Le régulateur a infligé à la clinique Orvane une amende de PLN 85 000."),
])
def test_a_currency_code_and_its_amount_are_no_name(lang, text):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert not any(n.startswith(("NOK", "PLN")) for n in names)


@pytest.mark.parametrize("lang,text,apart", [
    # a shorter form joins one longer name; another longer name it also begins stays apart
    ("en", "Harbor Dental Group Tacoma was hacked in May. Harbor Dental Group said 3,000 patients were affected. "
           "Last year Harbor Dental Group of Eastern Oregon reported a similar attack.",
     ("Harbor Dental Group Tacoma", "Harbor Dental Group of Eastern Oregon")),
    ("fr", "La Mutuelle Horizon Bretagne a été piratée en mai. La Mutuelle Horizon a prévenu 3 000 adhérents. "
           "L'an dernier, la Mutuelle Horizon du Grand Est avait subi une attaque semblable.",
     ("Mutuelle Horizon Bretagne", "Mutuelle Horizon du Grand Est")),
])
def test_clusters_do_not_chain_two_names_through_a_shorter_one(lang, text, apart):
    _, clusters, _ = _run(lang, text)
    holding = [c for c in clusters if any(m.text in apart for m in c.mentions)]
    assert len(holding) == 2, [[m.text for m in c.mentions] for c in clusters]


@pytest.mark.parametrize("lang,text,address,name", [
    # a web address quoted once names its owner, which a forum post then writes in lower case
    ("fr", "posté par lac_secu\n\nun vendeur a ouvert un sujet « Valoria.fr, 40 Go » sur un forum de leaks. valoria "
           "dit que rien ne prouve une intrusion. valoria a quand même prévenu la police.", "Valoria.fr", "valoria"),
    ("en", "posted by harbor_sec\n\na seller opened a thread called 'Kestrelcare.com, 40 GB' on a leak forum. "
           "kestrelcare says there is no sign of an intrusion. kestrelcare still told the police.",
     "Kestrelcare.com", "kestrelcare"),
])
def test_a_forum_post_names_the_owner_of_a_web_address_in_lower_case(lang, text, address, name):
    _, clusters, _ = _run(lang, text)
    owner = [c for c in clusters if any(m.text == address for m in c.mentions)]
    assert len(owner) == 1 and sum(m.text == name for m in owner[0].mentions) == 2


@pytest.mark.parametrize("lang,text,long_form,acronym", [
    # a forum post defines a lower-case acronym by the words right before it, one per letter: the
    # long form is a name, and the acronym's repeats are mentions of it; a data term is no name
    ("en", "posted by kona_dad\n\nanyone heard from maple creek imaging (mci)? my scan got cancelled. mci says "
           "an incident hit its systems, and my social security number (ssn) may be out there. mci won't say more.",
     "maple creek imaging", "mci"),
    ("fr", "posté par kona_expat\n\nquelqu'un a des nouvelles de centre imagerie lavande (cil) ? mon irm a sauté. "
           "le cil parle d'un incident de sécurité, et mon numéro de sécurité sociale (nss) traîne peut-être. "
           "le cil ne dit rien de plus.", "centre imagerie lavande", "cil"),
])
def test_a_forum_post_defines_a_lower_case_acronym(lang, text, long_form, acronym):
    mentions, clusters, _ = _run(lang, text)
    owner = [c for c in clusters if any(m.text == long_form for m in c.mentions)]
    assert len(owner) == 1 and sum(m.text == acronym for m in owner[0].mentions) == 3
    assert not any("social security number" in m.text or "sécurité sociale" in m.text for m in mentions)


@pytest.mark.parametrize("lang,text,name", [
    # a forum post writes names in lower case: the run before a word that ends names, as far as the
    # post writes it twice ("got hit at ..." is no part of it)
    ("en", "posted by tern_watch\n\nheard the ransomware crew got hit at brackenford valley hospital last night. "
           "my sister works nights there. brackenford valley hospital says all systems are down. lol. great.",
     "brackenford valley hospital"),
    # written once, the whole run up to a function word, when its outer word is also written alone
    ("en", "posted by tern_watch\n\nso the quillmoor dental associates got hacked. a friend had a cleaning there "
           "last week. no word from quillmoor yet. typical. whatever.", "quillmoor dental associates"),
    # a word that opens names, a connector, and the name after it
    ("fr", "posté par sterne_44\n\nparaît que la clinique privée des tilleuls s'est fait chiffrer cette nuit. ma "
           "mère y a été opérée. la clinique privée des tilleuls dit que tout est en panne. bref. mdr.",
     "clinique privée des tilleuls"),
    ("fr", "posté par sterne_44\n\nbon, le centre hospitalier de vallombre a été piraté hier. ma voisine y bosse. "
           "à vallombre personne ne sait rien. bref. on verra.", "centre hospitalier de vallombre"),
])
def test_a_forum_post_names_an_organization_in_lower_case(lang, text, name):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert name in names, names


@pytest.mark.parametrize("lang,text,agent,label", [
    # the NER tags a forum's lower-case "seller" as a person or an organization: who did it, no name
    ("en", "posted by tern_watch\n\nthe seller wants 40k for the dump. the seller says it has 2M rows from "
           "brackenford telecom. lol. no way.", "seller", "PERSON"),
    ("fr", "posté par sterne_44\n\nle vendeur veut 40k pour la base. le vendeur dit avoir 2M de lignes de "
           "valdorne télécom. mdr. bref.", "vendeur", "ORG"),
])
def test_a_forum_posts_lower_case_agent_noun_is_no_name(lang, text, agent, label):
    names = [m.text for m in org_rules(lang).mentions(text, _entities(text, (agent, label), (agent, label)))]
    assert agent not in names, names


@pytest.mark.parametrize("lang,text,entity,name", [
    # the NER runs a forum's lower-case name into a bracket it never closes: the name stops before it
    ("en", "posted by tern_watch\n\nsome clerk at valdorne health (full name is valdorne health and aging, lol) looked "
           "up 200 people. valdorne health says sorry. whatever. ok.", "valdorne health (full name", "valdorne health"),
    ("fr", "posté par sterne_44\n\nun agent de valdorne santé (nom complet : valdorne santé et solidarités, mdr) a "
           "consulté 200 dossiers. valdorne santé s'excuse. bref. ok.", "valdorne santé (nom complet", "valdorne santé"),
])
def test_a_forum_name_stops_before_a_bracket_it_never_closes(lang, text, entity, name):
    names = [m.text for m in org_rules(lang).mentions(text, _entities(text, (entity, "ORG")))]
    assert name in names and entity not in names, names


@pytest.mark.parametrize("lang,text,phrase", [
    # generic words before or after such a word, written once and never on their own, are no name
    ("en", "posted by tern_watch\n\nmy local dental clinic got hacked. nobody knows anything. the staff say "
           "sorry. lol. whatever.", "dental clinic"),
    ("fr", "posté par sterne_44\n\nmon cabinet de kiné s'est fait pirater. personne ne sait rien. ils "
           "s'excusent. bref. mdr.", "cabinet de"),
])
def test_a_generic_lower_case_phrase_of_a_forum_post_is_no_name(lang, text, phrase):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert not any(phrase in n for n in names), names


@pytest.mark.parametrize("lang,text,victim", [
    # the words after a name that may finish it stop at a verb: "alerted the Data Protection Commission"
    # is no tail of the name (a connector is a word of its own: not the "a" of "alerted", of « au »)
    ("en", "Orvane Clinic alerted the Data Protection Commission on May 4 after an intruder copied patient files. "
           "Orvane Clinic said 2,000 patients were affected.", "Orvane Clinic"),
    ("fr", "Le 4 mai, la Mutuelle Orvane a notifié au Datatilsynet une violation de données. La Mutuelle Orvane "
           "compte 2 000 adhérents touchés.", "Mutuelle Orvane"),
])
def test_a_victim_that_tells_the_regulator_is_no_regulator(lang, text, victim):
    _, _, chosen = _run(lang, text)
    assert chosen is not None and chosen.name == victim


def test_a_point_of_the_compass_after_a_connector_is_part_of_the_name():
    # the NER tags « Nord » as a place; after « du » it names a part of the region, not where it is
    text = "La Région de Valdorne du Nord a été piratée en mai."
    names = [m.text for m in org_rules("fr").mentions(text, _entities(text, ("Région de Valdorne", "LOC"), ("Nord", "LOC")))]
    assert "Région de Valdorne du Nord" in names, names


@pytest.mark.parametrize("lang,text,entity", [
    # a caption's label in brackets is no part of the name the NER runs it into
    ("en", "Staff were told.\n\n[Photo] Harbour Ambulance Service chief Jo Smith. Picture: Supplied\n\nHarbour "
           "Ambulance Service said files were copied.", "Photo] Harbour Ambulance Service"),
    ("fr", "Le personnel a été prévenu.\n\n[Photo] Ambulances Valdorne : le directeur Jean Rioux. Photo : DR\n\nLes "
           "Ambulances Valdorne ont déposé plainte.", "Photo] Ambulances Valdorne"),
])
def test_a_captions_bracketed_label_is_no_part_of_a_name(lang, text, entity):
    names = [m.text for m in org_rules(lang).mentions(text, _entities(text, (entity, "ORG")))]
    assert entity.split("] ")[1] in names and entity not in names, names


@pytest.mark.parametrize("lang,text,cut", [
    # the NER cuts a regulator's name at "and"/"et": the capitalized words after it finish the name,
    # whose role is the regulator's, not a candidate victim's
    ("en", "Kestrel Physio Clinic was hit by ransomware. The owners asked the Office of the Manitoba Information and "
           "Privacy Commissioner how to handle it.", "Office of the Manitoba Information"),
    ("fr", "La clinique Valdorne a été piratée. Elle a saisi le Commissariat à l'Information et à la Protection de la "
           "Vie Privée, qui enquête.", "Commissariat à l'Information"),
])
def test_a_regulators_name_cut_before_a_coordinator_keeps_its_role(lang, text, cut):
    rules = org_rules(lang)
    clusters = rules.clusters(text, rules.mentions(text, _entities(text, (cut, "ORG"))))
    rules.assign_roles(text, clusters)
    assert [c.role for c in clusters if cut in c.name] == ["regulator"], _roles(clusters)


@pytest.mark.parametrize("lang,text,street,victim", [
    # a street alone on an address line is where the writer is, no organization; in a sentence a street
    # may name a firm, and stays a name
    ("en", "KESTREL HEART CLINIC\nMarlow Boulevard\nHilo, Hawaii\n\nMay 2, 2023\n\nDear Patient,\n\nOn April 20 our "
           "office was broken into and a laptop holding your name was stolen. We apologize.\n\nKestrel Heart Clinic",
     "Marlow Boulevard", "Kestrel Heart Clinic"),
    ("fr", "CLINIQUE VALDORNE\nBoulevard Marceau\n35000 Rennes\n\nLe 2 mai 2023\n\nMadame, Monsieur,\n\nLe 20 avril, "
           "nos locaux ont été cambriolés et un ordinateur contenant votre nom a été volé. Nous vous présentons nos "
           "excuses.\n\nClinique Valdorne", "Boulevard Marceau", "Clinique Valdorne"),
])
def test_a_street_on_an_address_line_is_no_organization(lang, text, street, victim):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert street not in names and victim in names, names


def test_a_street_in_a_sentence_may_name_a_firm():
    text = "Card data of shoppers at Harlow Fifth Avenue stores was stolen, Harlow Fifth Avenue said."
    assert "Harlow Fifth Avenue" in [m.text for m in org_rules("en").mentions(text)]


@pytest.mark.parametrize("lang,text,regulator,victim", [
    # a name holding "regulator" / « régulateur » is a regulator's, whatever it regulates
    ("en", "Harlow Homes said an intruder encrypted its files. The police and the Regulator of Care Homes have been "
           "told. Harlow Homes said 300 tenants were affected.", "Regulator of Care Homes", "Harlow Homes"),
    ("fr", "Le groupe Valdorne Habitat a été piraté. La police et le Régulateur des Services Sociaux ont été "
           "prévenus. Valdorne Habitat compte 300 locataires touchés.", "Régulateur des Services Sociaux",
     "Valdorne Habitat"),
    # a national cyber security agency advises and reports: never the breached one
    ("en", "Harlow Homes said an intruder encrypted its files. The Canadian Centre for Cyber Security and the "
           "National Cyber Security Centre were told. Harlow Homes said 300 tenants were affected.",
     "National Cyber Security Centre", "Harlow Homes"),
    ("fr", "La pharmacie Valdorne a été piratée. Le Centre canadien pour la cybersécurité a été prévenu. La "
           "pharmacie Valdorne compte 300 clients touchés.", "Centre canadien pour la cybersécurité", "Valdorne"),
    # the US health department's Office for Civil Rights, named in French
    ("fr", "La pharmacie Valdorne paiera 125 000 dollars. Le Bureau des droits civiques a conclu un accord avec "
           "la pharmacie Valdorne, qui avait jeté des ordonnances de 1 600 patients.", "Bureau des droits civiques",
     "Valdorne"),
    # a regulator a French text names in English, as an English text names one in French
    ("fr", "MALTE, 4 mars – La Malta Regulatory Authority a ouvert une enquête après qu'une employée de la Clinique "
           "Valdorne aurait consulté les dossiers de 120 patients, a-t-on appris mardi.", "Malta Regulatory Authority",
     "Valdorne"),
])
def test_a_regulator_named_as_such_is_a_regulator(lang, text, regulator, victim):
    rules = org_rules(lang)
    clusters = rules.clusters(text, rules.mentions(text, _entities(text, (regulator, "ORG"))))
    chosen = rules.assign_roles(text, clusters)
    assert _roles(clusters).get(regulator) == "regulator", _roles(clusters)
    assert chosen is not None and victim in chosen.name


@pytest.mark.parametrize("lang,text,name", [
    # initials inside a name do not end it ("F.H. Wigmore Regional Hospital")
    ("en", "A clerk at R.J. Harlow Memorial Hospital opened the records of 98 patients.", "R.J. Harlow Memorial Hospital"),
    ("fr", "Un employé de l'Hôpital A.B. Valdorne a consulté les dossiers de 98 patients.", "Hôpital A.B. Valdorne"),
])
def test_initials_inside_a_name_do_not_end_it(lang, text, name):
    assert name in [m.text for m in org_rules(lang).mentions(text)]


@pytest.mark.parametrize("lang,text,name", [
    # a single middle initial between two words of a name ("John E. Gonzalez DDS") does not end it...
    ("en", "Thieves took a backup drive from the office of Dana K. Whitmore Orthodontics on Tuesday.",
     "Dana K. Whitmore Orthodontics"),
    ("fr", "Le cabinet Hélène R. Vasseur Kinésithérapie a prévenu 640 patients d'une intrusion.",
     "Hélène R. Vasseur Kinésithérapie"),
    # nor do words of organizations after "and": they name no organization of their own
    ("en", "The names of two patients treated at Varden Medical College and Hospital were shared online, "
           "one patient said.", "Varden Medical College and Hospital"),
    ("en", "Provider: Lakeview Hospital and Health Center\nSurvey completed: May 2, 2023",
     "Lakeview Hospital and Health Center"),
    ("fr", "Les noms de deux patients soignés au Varden Medical College and Hospital ont circulé, a dit l'un d'eux.",
     "Varden Medical College and Hospital"),
])
def test_a_name_goes_on_over_an_initial_or_generic_words(lang, text, name):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert name in names, names


@pytest.mark.parametrize("lang,text,kept_apart", [
    # ... but a capital letter ending a sentence joins no article or opening word of the next one
    ("en", "Most of them were treated for Hepatitis B. The Orvane Clinic said 300 files were copied.", "The Orvane"),
    ("fr", "La plupart suivaient un traitement contre l'Hépatite B. La Clinique Orvane a prévenu 300 patients.",
     "B. La"),
])
def test_a_letter_ending_a_sentence_is_no_middle_initial(lang, text, kept_apart):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert not any(kept_apart in n for n in names), names


@pytest.mark.parametrize("lang,text,name", [
    # a descriptor before a name that already ends with its kind (or the other language's word for it)
    # only repeats it: « la pharmacie Orvane Pharmacy » is Orvane Pharmacy
    ("fr", "Selon la pharmacie Orvane Pharmacy, les pirates sont entrés le 27 septembre.", "Orvane Pharmacy"),
    ("fr", "D'après la clinique Harlow Clinique, 300 patients sont touchés.", "Harlow Clinique"),
    ("en", "According to the clinic Harlow Family Clinic, 300 patients were affected.", "Harlow Family Clinic"),
])
def test_a_descriptor_repeating_the_names_kind_is_no_part_of_it(lang, text, name):
    names = [m.text for m in org_rules(lang).mentions(text)]
    assert name in names, names


@pytest.mark.parametrize("lang,text,paper", [
    # the second line of a byline names the paper the writer works for, not a party to the story
    ("en", "By Jo Harlow\nSpecial to The Valdorne Courier\n\nA laptop holding the files of 5,000 patients was stolen "
           "from Kestrel Medical School, the school said.", "Valdorne Courier"),
    ("fr", "Par Jeanne Rioux\nEnvoyée spéciale du Courrier de Valdorne\n\nUn ordinateur contenant les dossiers de "
           "5 000 patients a été volé à l'École de médecine Kestrel, a indiqué l'école.", "Courrier de Valdorne"),
])
def test_a_bylines_paper_is_no_candidate(lang, text, paper):
    assert not any(paper in m.text for m in org_rules(lang).mentions(text))


@pytest.mark.parametrize("lang,text,writer", [
    # a first line that is a name and nothing else is the letterhead of the organization writing: it is
    # named first, before the firm the body names first (here, the one that misused the data)
    ("fr", "Mutuelle Orvane\n\nLyon, le 3 mars 2023\n\nMadame, Monsieur,\n\nLa société Calyptis Conseil a utilisé "
           "des fichiers copiés dans notre système. Nous avons découvert que vos nom et adresse en faisaient partie. "
           "Nous avons prévenu la CNIL et nous vous présentons nos excuses.\n\nLe service adhérents",
     "Mutuelle Orvane"),
    ("en", "Orvane Health Plan\n\nMarch 3, 2023\n\nDear Member,\n\nA company called Calyptis Partners used files "
           "copied from our system. We found that your name and address were among them. We have told the regulator "
           "and we apologize.\n\nMember Services", "Orvane Health Plan"),
])
def test_a_letterhead_names_the_writer_first(lang, text, writer):
    _, _, victim = _run(lang, text)
    assert victim is not None and victim.name == writer


@pytest.mark.parametrize("lang,text,unit,signatory", [
    ("fr", "Le 4 mars 2024\n\nMadame, Monsieur,\n\nNous vous informons qu'un tiers a consulté des fichiers de nos "
           "clients, dont vos nom et adresse. Nous avons prévenu la CNIL.\n\nCordialement,\n\n"
           "Le service Relations Adhérents\nMutuelle Arvalis", "Relations Adhérents", "Mutuelle Arvalis"),
    ("en", "March 4, 2024\n\nDear Member,\n\nWe are writing to tell you that an intruder viewed files holding your "
           "name and address. We have told the regulator.\n\nSincerely,\n\n"
           "The Member Care Team\nHollis Valley Health Plan", "Member Care", "Hollis Valley Health Plan"),
])
def test_a_department_above_the_signatory_is_its_unit(lang, text, unit, signatory):
    mentions, _, victim = _run(lang, text)
    assert not any(unit in m.text for m in mentions)
    assert victim is not None and victim.name == signatory


@pytest.mark.parametrize("lang,text,addressee", [
    ("fr", "Le 2 mai 2023\n\nChère Adhérente, cher Adhérent,\n\nUn pirate a copié des fichiers de la Mutuelle "
           "Tessane contenant vos nom et adresse.", "Adhérent"),
    ("en", "May 2, 2023\n\nDear Valued Patient,\n\nAn intruder copied files of Pellworth Eye Clinic that held "
           "your name and address.", "Valued Patient"),
])
def test_the_addressee_of_a_salutation_is_no_organization(lang, text, addressee):
    mentions, _, victim = _run(lang, text)
    assert not any(addressee in m.text for m in mentions)
    assert victim is not None and victim.name in ("Mutuelle Tessane", "Pellworth Eye Clinic")


@pytest.mark.parametrize("lang,text,acronym,org", [
    ("fr", "La clinique Vernay a constaté que son dossier médical informatisé (DMI) envoyait des alertes. Le DMI "
           "a transmis les données de 300 patients.", "DMI", "clinique Vernay"),
    ("en", "Harlow Family Clinic found that its electronic medical record (EMR) sent alerts to other users. The EMR "
           "exposed the data of 300 patients.", "EMR", "Harlow Family Clinic"),
])
def test_an_acronym_defined_by_a_common_noun_phrase_is_no_organization(lang, text, acronym, org):
    mentions, _, victim = _run(lang, text)
    assert acronym not in [m.text for m in mentions]
    assert victim is not None and victim.name == org


@pytest.mark.parametrize("lang,text,name", [
    # a possessive inside the name, a lower-case descriptor (and its qualifier) before it
    ("fr", "L'hôpital pédiatrique Men's Wellness Clinic of Denver a prévenu ses patients d'un vol de données.",
     "Men's Wellness Clinic of Denver"),
    ("en", "The children's hospital St. Agatha's Children's Clinic warned its patients of a data theft.",
     "St. Agatha's Children's Clinic"),
])
def test_a_name_with_a_possessive_after_a_descriptor_stays_whole(lang, text, name):
    mentions, _, victim = _run(lang, text)
    assert name in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,name", [
    # a document's genre word joined to the name by a connector is no part of it
    ("fr", "Communiqué de la Clinique des Tilleuls\n\nLa Clinique des Tilleuls a été victime d'une cyberattaque.",
     "Clinique des Tilleuls"),
    ("en", "Statement of the Harbour Eye Clinic\n\nHarbour Eye Clinic was hit by a cyberattack.",
     "Harbour Eye Clinic"),
])
def test_a_documents_genre_word_is_no_part_of_a_name(lang, text, name):
    mentions, _, victim = _run(lang, text)
    assert all(m.text == name for m in mentions)
    assert victim is not None and victim.name == name


@pytest.mark.parametrize("lang,text,name", [
    # an English practice name in a French letter is a name with its organization word, not a place
    ("fr", "L'équipe de Cedar Hill Dental vous prie de l'excuser.", "Cedar Hill Dental"),
    ("fr", "Le cabinet Birchwood Dermatology s'excuse.", "Birchwood Dermatology"),
    ("en", "The staff of Birchwood Dermatology apologize.", "Birchwood Dermatology"),
])
def test_a_practice_name_the_ner_calls_a_place_is_an_organization(lang, text, name):
    mentions = org_rules(lang).mentions(text, _entities(text, (name, "LOC")))
    assert [(m.text, m.source) for m in mentions] == [(name, "pattern")]


@pytest.mark.parametrize("lang,text,person,name", [
    # the NER calls the tail of a firm's name a person: a "person" ending in an organization word
    # is part of the name, which runs on through it
    ("en", "Marlow Creek Dental (MCD), a family practice, said outsiders reached its records.",
     "Creek Dental", "Marlow Creek Dental"),
    ("fr", "Le cabinet Vallon Roux Radiologie (VRR) a reconnu qu'un intrus avait copié ses dossiers.",
     "Roux Radiologie", "Vallon Roux Radiologie"),
])
def test_a_person_ending_in_an_organization_word_does_not_cut_the_name(lang, text, person, name):
    names = [m.text for m in org_rules(lang).mentions(text, _entities(text, (person, "PERSON")))]
    assert name in names


@pytest.mark.parametrize("lang,text,persons,name", [
    # a given name then a "Mc" surname, or a compound given name then a surname in capitals (a decision's
    # signature, "Le Président\nJean-Paul DURAND"), is a person's name the NER read right: no organization
    ("en", "Social Security numbers were not part of the data, said Joyce McShan, the clinic's compliance manager.",
     ["Joyce McShan"], "Joyce McShan"),
    ("fr", "La formation restreinte, sous la présidence de M. Jean-Paul DURAND, a prononcé une amende.\n\n"
           "Le Président\nJean-Paul DURAND", ["Jean-Paul DURAND", "Président\nJean-Paul DURAND"], "Jean-Paul DURAND"),
])
def test_a_persons_name_with_a_mc_or_capitalized_surname_is_no_organization(lang, text, persons, name):
    ents = _entities(text, *((person, "PERSON" if lang == "en" else "PER") for person in persons))
    assert name not in [m.text for m in org_rules(lang).mentions(text, ents)]


@pytest.mark.parametrize("lang,text,place,name", [
    # a place the NER calls an organization: a city, a state as French writes it (with or without
    # « l'État de »); the other names are no places
    ("en", "Gold Coast physio clinic hit. Harbourline Physio said hackers copied patient files.",
     "Gold Coast", "Harbourline Physio"),
    ("fr", "L'État de Virginie compte de nombreux cabinets. La clinique Beaulieu a été piratée.",
     "État de Virginie", "clinique Beaulieu"),
    ("fr", "Floride : la clinique Beaulieu a été piratée et Palmera Santé a porté plainte.", "Floride",
     "clinique Beaulieu"),
])
def test_a_known_place_is_marked_as_one(lang, text, place, name):
    _, clusters, _ = _run(lang, text, (place, "ORG"))
    features = {c.name: c.features for c in clusters}
    assert features[place]["place_name"] == 1.0
    assert features[name]["place_name"] == 0.0
    assert all(f["place_name"] == 0.0 for n, f in features.items() if n not in (place, name))


@pytest.mark.parametrize("lang", LANGS)
def test_place_list_is_folded_sorted_and_holds_no_acronym_or_organization_word(lang):
    lines = [n.strip() for n in read_resource(lang, "places")["names"].splitlines() if n.strip()]
    assert lines == sorted(set(lines)) and all(n == fold(n) for n in lines)
    assert {"toronto", "senegal", "texas", "gold coast"} <= set(lines)
    # neighbourhoods and councils named with an organization word, and short capitals, are left out
    assert not {"university park", "hopital saint-louis", "city of port phillip", "sfr", "css"} & set(lines)


@pytest.mark.parametrize("lang,text,entity,name", [
    # a decision's field label the NER took into the name
    ("en", "Summary of decision\nOrganisation: Halvard Dental Care Ltd\nDate: 3 May 2021\n\nHalvard Dental Care lost "
           "a laptop.", "Organisation: Halvard Dental Care Ltd", "Halvard Dental Care Ltd"),
    ("fr", "Résumé de la décision\nResponsable du traitement : Clinique Ambroise Paré de Vérac\n\nLa Clinique "
           "Ambroise Paré de Vérac a perdu un ordinateur.", "Responsable du traitement : Clinique Ambroise Paré de Vérac",
     "Clinique Ambroise Paré de Vérac"),
])
def test_a_field_label_before_a_colon_is_not_part_of_the_name(lang, text, entity, name):
    mentions, _, _ = _run(lang, text, (entity, "ORG"))
    assert name in [m.text for m in mentions]
    assert not any(":" in m.text for m in mentions)


@pytest.mark.parametrize("lang,text,name", [
    # a verb that opens the sentence before an article is no part of the name (no NER entity given:
    # the capitalized run alone); a name whose first word is an organization word keeps its article
    ("en", "Laptop thefts are rarely news. Take the Brackwater Health Trust. In May 2019 a laptop of the "
           "trust was stolen.", "Brackwater Health Trust"),
    ("fr", "Les vols d'ordinateurs font rarement la une. Prenez la Mutuelle Corvale : en mai 2019, un "
           "ordinateur de la mutuelle a été volé.", "Mutuelle Corvale"),
    ("fr", "La Clinique la Providence a été victime d'un piratage en mai 2019.", "Clinique la Providence"),
])
def test_a_sentence_opening_verb_before_an_article_is_no_part_of_a_name(lang, text, name):
    mentions, _, _ = _run(lang, text)
    assert name in [m.text for m in mentions]
    assert not any(m.text.startswith(("Take", "Prenez")) for m in mentions)



@pytest.mark.parametrize("lang,text,victim,term", [
    # a term a legal text defines in parentheses, used later as a name of its own ("the Organisation's
    # server"): its uses are mentions of the defined name, which names the cluster
    ("en", 'DECISION\n\nVantrell Logistics Pte. Ltd. (the "Organisation")\n\n1. An intruder reached the '
           "Organisation's customer database in 2021. The Organisation had left the database open. The "
           "Organisation notified 40,000 customers.", "Vantrell Logistics Pte. Ltd", "Organisation"),
    ("fr", "DÉLIBÉRATION\n\nLa société Orvanne Santé SAS (ci-après « la société ») exploite un site de "
           "rendez-vous. La société a subi une fuite de données en 2020. La société a notifié la CNIL.",
     "Orvanne Santé SAS", "société"),
    # the definition of a name followed by its place: the name before the place
    ("fr", "Partie visée : Brenlow County, Oregon (« le comté »). Le comté a perdu un ordinateur "
           "portable. Le comté a averti 900 habitants.", "Brenlow County", "comté"),
])
def test_a_defined_term_is_a_mention_of_the_name_it_defines(lang, text, victim, term):
    places = [(p, "LOC") for p in ("Oregon",) if p in text]  # the NER's place
    mentions, clusters, chosen = _run(lang, text, *places)
    defined = [m for m in mentions if m.source == "defined"]
    assert len(defined) >= 3 and all(fold(m.text) == fold(term) for m in defined)
    assert fold(chosen.name) == fold(victim)
    assert all(any(d is m for m in chosen.mentions) for d in defined)


@pytest.mark.parametrize("lang,text", [
    # a term in lower case counts only after an article; "we", "us" are no terms; where the name
    # begins is unclear after a list of surnames: no definition
    ("en", 'Halbrook Dental Group ("Halbrook," "we," "us") wrote to patients. We regret it; a society of '
           "dentists said so."),
    ("en", 'A breach at Carrow, Deming, Lutz & Pell, LLP ("Respondent") exposed files. Respondent paid.'),
])
def test_what_is_no_defined_term(lang, text):
    mentions, _, _ = _run(lang, text)
    defined = [m.text for m in mentions if m.source == "defined"]
    assert not any(fold(t) in ("we", "us", "respondent") for t in defined)


def test_a_defined_term_in_a_long_parenthesis_costs_no_backtracking():
    # a parenthesis of many words and no quoted term must fail fast (the pattern is possessive)
    rules = org_rules("en")
    text = "Marlow Clinic (" + " ".join(["abcdefghijklmnopq"] * 400) + " and more"
    assert rules.definition.search(fold(text)) is None


@pytest.mark.parametrize("lang,text,name", [
    # an acronym's long form may hold a comma between names: "Wrightington, Wigan and Leigh ... (WWL)"
    ("en", "Staff at Ashcombe, Prestow and Kelby NHS Foundation Trust (APK) sent the file to the wrong "
           "address.", "Ashcombe, Prestow and Kelby NHS Foundation Trust"),
    ("fr", "Le personnel d'Ashcombe, Prestow and Kelby NHS Foundation Trust (APK) a envoyé le fichier à la "
           "mauvaise adresse.", "Ashcombe, Prestow and Kelby NHS Foundation Trust"),
])
def test_an_acronym_long_form_may_hold_a_list_of_names(lang, text, name):
    assert name in _names(lang, text)


def test_an_english_name_with_and_in_french_text_is_one_name():
    # French news writes English names whole: "and" joins them as "et" does
    mentions, _, _ = _run("fr", "Le régulateur a obtenu un engagement de Tollbridge and Wem District Council "
                                "(Shropshire), après des fuites.")
    assert "Tollbridge and Wem District Council" in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text,state,victim", [
    # the state in brackets after a wire's city is no organization, and no first-named candidate
    ("fr", "TULSA (Oklahoma), 3 juin (AFP) – Redmond Hand Center, un cabinet de chirurgiens, a annoncé "
           "avoir été piraté.", "Oklahoma", "Redmond Hand Center"),
    ("en", "BOISE (Idaho), June 3 (Reuters) - Garnet Vale Clinic said it had been hacked.", "Idaho",
     "Garnet Vale Clinic"),
])
def test_the_state_after_a_dateline_city_is_no_organization(lang, text, state, victim):
    mentions, _, chosen = _run(lang, text, (state, "LOC"))
    assert state not in [m.text for m in mentions]
    assert chosen is not None and chosen.name == victim


@pytest.mark.parametrize("lang,text,name", [
    # a word that names no organization alone opens the name of a health board: "NHS" + a place
    ("en", "NHS Carrowmore wrote to 300 patients after a letter went astray.", "NHS Carrowmore"),
    ("fr", "Le conseil de santé NHS Carrowmore a écrit à 300 patients.", "NHS Carrowmore"),
])
def test_a_name_opening_word_keeps_the_place_after_it(lang, text, name):
    assert name in _names(lang, text)


def test_an_english_head_ends_a_name_in_french_text():
    # French news writes English names whole: "Center" ends an organization's name as "Centre" does,
    # so a name the NER tags as a place stays an organization
    text = "Brockley Spine Center, un cabinet établi à Lakeview, a annoncé une cyberattaque."
    mentions, _, chosen = _run("fr", text, ("Brockley Spine Center", "LOC"))
    assert chosen is not None and chosen.name == "Brockley Spine Center"


@pytest.mark.parametrize("lang,text,person,name", [
    # a doctor's name with the degree after a comma is the name of the practice, though the NER reads a person
    ("en", "The practice of Alma Reyes, M.D. said on Friday that a server was encrypted.", "Alma Reyes",
     "Alma Reyes, M.D"),
    ("fr", "Le cabinet d'Alma Reyes, M.D. a annoncé vendredi le chiffrement d'un serveur.", "Alma Reyes",
     "Alma Reyes, M.D"),
])
def test_a_doctors_degree_makes_the_name_a_practice(lang, text, person, name):
    assert name in _names(lang, text, (person, "PER" if lang == "fr" else "PERSON"))


@pytest.mark.parametrize("lang,text,victim,office", [
    # an organization's own office signing its letter is that organization, not a privacy regulator
    ("en", "At Corvel Therapy we take your privacy seriously. On May 2 we found that Corvel Therapy mailboxes were "
           "opened by an intruder.\n\nSincerely,\n\nThe Corvel Therapy Privacy Office", "Corvel Therapy",
     "Corvel Therapy Privacy Office"),
    ("fr", "Chez Corvel Therapy, la confidentialité compte. Le 2 mai, nous avons constaté que des boîtes de "
           "Corvel Therapy avaient été ouvertes.\n\nCordialement,\n\nCorvel Therapy Privacy Office", "Corvel Therapy",
     "Corvel Therapy Privacy Office"),
])
def test_an_office_of_a_named_organization_is_a_mention_of_it(lang, text, victim, office):
    mentions, clusters, chosen = _run(lang, text, (office, "ORG"))
    assert office not in [m.text for m in mentions]
    assert chosen is not None and chosen.name == victim and chosen.role == "victim"


def test_a_unit_with_an_organization_word_keeps_its_name():
    # "Health Department" names an organization of its own, not an office of the county
    mentions, _, _ = _run("en", "Kerrow County said its Kerrow County Health Department lost a laptop.",
                          ("Kerrow County Health Department", "ORG"))
    assert "Kerrow County Health Department" in [m.text for m in mentions]


@pytest.mark.parametrize("lang,text", [
    # the legal form is no initial of the acronym
    ("fr", "Selon l'accord, Verrand Community Dental Services, Inc. (« VCDS ») a perdu un disque. VCDS a averti "
           "ses patients."),
    ("en", 'Under the agreement, Verrand Community Dental Services, Inc. ("VCDS") lost a disk. VCDS told '
           "its patients."),
    # ... and a name ending that is no legal form is one ("Group")
    ("en", "Verrand Community Dental Services Group mailed letters this week. VCDS says nothing was misused."),
])
def test_an_acronym_clusters_with_its_name_and_legal_form(lang, text):
    _, clusters, _ = _run(lang, text)
    cluster = next(c for c in clusters if any(m.text == "VCDS" for m in c.mentions))
    assert cluster.name.startswith("Verrand Community Dental Services")


@pytest.mark.parametrize("lang,text,county,victim", [
    # an Irish county ("Co Carlow") is a place, not a company ending in "Co"
    ("en", "Parents at Ardmore Grammar School in Co Kerry were told that the school's server was hacked. "
           "Ardmore Grammar School said pupils' records were copied.", "Co Kerry", "Ardmore Grammar School"),
    ("fr", "Les parents du collège Ardmore Grammar School, dans le Co Kerry, ont appris le piratage du serveur. "
           "Ardmore Grammar School a confirmé la copie des dossiers.", "Co Kerry", "Ardmore Grammar School"),
])
def test_an_irish_county_is_a_place(lang, text, county, victim):
    _, clusters, chosen = _run(lang, text)
    assert any(c.name == county and c.features["place_name"] for c in clusters)
    assert chosen is not None and chosen.name == victim


@pytest.mark.parametrize("text,name", [
    # a name of three capitalized words holding its own organization word is whole without the
    # French descriptor before it; two words stay the descriptor's ("laboratoire Lumora Santé")
    ("Le centre de santé Marlow Family Health a été victime d'un rançongiciel.", "Marlow Family Health"),
    ("L'hôpital Brenton Health Riverside a averti ses patients.", "Brenton Health Riverside"),
    ("Le laboratoire Lumora Santé a été piraté.", "laboratoire Lumora Santé"),
])
def test_a_whole_english_name_leaves_the_french_descriptor(text, name):
    assert name in _names("fr", text)


@pytest.mark.parametrize("lang,text,ministry", [
    # a ministry with an adjective before its complement is a public authority
    ("fr", "Selon le Ministère fédéral de la Santé, la clinique Varenne a perdu des dossiers. La clinique Varenne "
           "a averti ses patients.", "Ministère fédéral de la Santé"),
    ("en", "According to the Federal Ministry of Health, the Varenne Clinic lost records. The Varenne Clinic "
           "told its patients.", "Federal Ministry of Health"),
])
def test_a_ministry_with_an_adjective_is_an_authority(lang, text, ministry):
    _, clusters, _ = _run(lang, text)
    assert [c.features["authority"] for c in clusters if fold(c.name) == fold(ministry)] == [1.0]


@pytest.mark.parametrize("lang,text,entity,name", [
    # a city that names nothing alone stays in a name when one NER entity spans it and the word before
    ("fr", "Les partenaires de la métropole du Grand Lyon ont reçu un faux courriel.", "Grand Lyon", "métropole du Grand Lyon"),
    ("fr", "Les clients d'Orange France ont reçu un faux courriel.", "Orange France", "Orange France"),
])
def test_a_place_inside_an_entity_is_no_cut(lang, text, entity, name):
    assert name in _names(lang, text, (entity, "LOC" if "Lyon" in entity else "ORG"))


@pytest.mark.parametrize("lang,text,name,label", [
    # a kind of organization right before a name makes it that organization's, whatever the NER reads
    ("en", "Chilean retailer Vargas Llosa said an intrusion on Monday left its checkout systems down.",
     "Vargas Llosa", "PERSON"),
    ("en", "Uruguayan lender Punta Carretas said hackers reached its loan files.", "Punta Carretas", "GPE"),
    ("fr", "L'assureur Vila Franca a reconnu lundi qu'un intrus avait consulté ses dossiers.", "Vila Franca", "LOC"),
    ("fr", "La fintech Rosa Tavares a admis qu'un tiers avait copié ses fichiers.", "Rosa Tavares", "PER"),
])
def test_a_kind_right_before_a_name_makes_it_an_organization(lang, text, name, label):
    mentions, _, victim = _run(lang, text, (name, label))
    assert [(m.text, m.source) for m in mentions] == [(name, "pattern")]
    assert victim is not None and victim.name == name


@pytest.mark.parametrize("lang,text,victim", [
    # the name the NER takes for a place in the lede is the one its headline gives as an organization:
    # it is named first, before the agency the lede reports to
    ("fr", "Pérou : la fintech Kallpa reconnaît un vol de données\n\nLIMA – Après dix jours de silence, Kallpa "
           "a admis mardi qu'un tiers avait dérobé des fichiers de clients, et va saisir l'autorité de contrôle, "
           "la ANPD.", "Kallpa"),
    ("en", "Peru: lender Kallpa admits customer data theft\n\nLIMA – After ten days of silence, Kallpa admitted "
           "on Tuesday that an outsider took customer files, and will report it to the national regulator, the "
           "ANPD.", "Kallpa"),
])
def test_a_name_the_ner_places_counts_as_named_first_where_it_is_written_as_an_organization(lang, text, victim):
    start = text.index(victim, text.index("\n\n"))
    rules = org_rules(lang)
    mentions = rules.mentions(text, [(start, start + len(victim), "LOC")])
    clusters = rules.clusters(text, mentions)
    found = rules.assign_roles(text, clusters)
    assert [c.features["first_named"] for c in clusters if c.name == victim] == [1.0]
    assert found is not None and found.name == victim


@pytest.mark.parametrize("lang,text,handle", [
    # a forum post's header names a user, not an organization
    ("fr", "la clinique Belmont a été piratée, nos dossiers sont dans la nature.\n\nréponse de JulieB77 — "
           "04/02/2025 10:12\nmoi aussi j'ai reçu le courrier.", "JulieB77"),
    ("en", "so the Belmont Clinic got hacked and our files are out there.\n\nreply from JulieB77 · 10:12\n"
           "same here, got the letter too.", "JulieB77"),
])
def test_a_forum_post_header_names_a_user(lang, text, handle):
    mentions, _, victim = _run(lang, text)
    assert handle not in [m.text for m in mentions]
    assert victim is not None and "Belmont" in victim.name


@pytest.mark.parametrize("lang,text,acronym,name", [
    # an acronym a common noun phrase of data spells out beside it names data; a name keeps its acronym
    ("fr", "Le pirate a vu le nom et le numéro d'usager fiscal (NUF) de chaque client de la mutuelle Varenne.",
     "NUF", None),
    ("fr", "Aucun NUF (le numéro d'usager fiscal) n'était stocké, précise la mutuelle Varenne.", "NUF", None),
    ("en", "The intruder saw each member's name and tax user number (TUN), Varenne Mutual said.", "TUN", None),
    ("en", "No TUN (the tax user number) was stored, Varenne Mutual said.", "TUN", None),
    ("en", "The Tax User Authority (TUA) said Varenne Mutual had been hacked.", "TUA", "Tax User Authority"),
])
def test_an_acronym_spelled_out_as_data_is_no_organization(lang, text, acronym, name):
    names = _names(lang, text)
    assert (acronym in names) == (name is not None)
    assert name is None or name in names


@pytest.mark.parametrize("lang,text", [
    # the parts of a law are no organizations
    ("fr", "La Commission relève un manquement à l'article 32. Article 33 : la société Varenne n'a pas notifié la "
           "violation."),
    ("en", "The Commission found a breach of Article 32. Section 4 of the order requires Varenne Ltd to notify."),
])
def test_the_parts_of_a_law_are_no_names(lang, text):
    assert not {"Article", "Section"} & set(_names(lang, text))


@pytest.mark.parametrize("lang,text", [
    # a forum post writing a one-word name in lower case, and once with its capital inside a sentence
    ("en", "kanbix leak - what we know\n\nok so here is the summary. someone is selling a dump of kanbix "
           "profiles. kanbix had an open endpoint. the parent firm (they bought Kanbix last year) said the data was "
           "scraped. kanbix says it fixed it. check your address."),
    ("fr", "fuite chez kanbix - ce qu'on sait\n\nbon, voilà le résumé. quelqu'un vend un fichier de profils "
           "kanbix. kanbix avait une interface ouverte. la maison mère (elle a racheté Kanbix l'an dernier) parle de "
           "données aspirées. kanbix dit avoir corrigé. vérifiez votre adresse."),
])
def test_a_forum_name_capitalized_once_inside_a_sentence_is_the_lower_case_one(lang, text):
    mentions, _, victim = _run(lang, text)
    assert sum(m.text.lower() == "kanbix" for m in mentions) == 5
    assert victim is not None and victim.name.lower() == "kanbix"


@pytest.mark.parametrize("lang,text,unit,group", [
    # "the credit subsidiary of X": X owns the subsidiary, it is not the subsidiary's own unit
    ("fr", "Piratage chez Varenne Crédit : la fuite s'aggrave\n\nSÉOUL, 4 mars 2012 – La filiale de crédit du Varenne "
           "Motor Group a reconnu dimanche que le piratage était plus étendu.\n\nVendredi, Varenne Crédit, premier "
           "prêteur du pays, avait indiqué que les noms de 40 000 clients avaient été obtenus par un tiers.",
     "Varenne Crédit", "Varenne Motor Group"),
])
def test_the_subsidiary_of_a_group_does_not_own_the_group(lang, text, unit, group):
    _, clusters, _ = _run(lang, text)
    roles = _roles(clusters)
    assert roles[unit] != "parent" and group in roles


@pytest.mark.parametrize("lang,text,victim", [
    # the name written alone at least as often as with an offering's word after it (a loyalty programme,
    # a store) is the organization; "Kestrel Air Rewards" is its programme
    ("en", "Kestrel Air said hackers reached the accounts of members of its Kestrel Air Rewards programme. "
           "Kestrel Air has reset their passwords.", "Kestrel Air"),
    ("fr", "Kestrel Air a indiqué que des pirates ont accédé aux comptes des membres du Kestrel Air Club. "
           "Kestrel Air a réinitialisé leurs mots de passe.", "Kestrel Air"),
    # ... a unit named by a place is not an offering
    ("en", "Kestrel Telecom Germany said hackers stole customer names. Kestrel Telecom Germany has told the "
           "regulator.", "Kestrel Telecom Germany"),
])
def test_an_offering_after_the_name_is_no_part_of_it(lang, text, victim):
    _, _, found = _run(lang, text)
    assert found is not None and found.name == victim


@pytest.mark.parametrize("lang,text,name,label", [
    # a kind of organization in apposition after a name makes it an organization whatever the NER reads
    ("en", "Files of 9,000 people were copied from the database of Varoq Helix, a genetic testing laboratory in "
           "Tartu, prosecutors said.", "Varoq Helix", "PERSON"),
    ("fr", "Les fichiers de 9 000 personnes ont été copiés dans la base de Varoq Helix, un laboratoire "
           "d'analyses de Tartu, selon le parquet.", "Varoq Helix", "PER"),
])
def test_a_kind_in_apposition_after_a_name_makes_it_an_organization(lang, text, name, label):
    mentions, _, victim = _run(lang, text, (name, label))
    assert name in [m.text for m in mentions]
    assert victim is not None and victim.name == name


@pytest.mark.parametrize("text,regulator", [
    ("Varoq Clinic said it had reported the breach to the Data Protection Inspectorate on Monday.",
     "Data Protection Inspectorate"),
])
def test_a_data_protection_inspectorate_is_a_regulator(text, regulator):
    _, clusters, victim = _run("en", text)
    assert [c.role for c in clusters if c.name.endswith("Inspectorate")] == ["regulator"]
    assert victim is not None and victim.name == "Varoq Clinic"


@pytest.mark.parametrize("lang,text,victim", [
    # a regulator's heading ("Sanctions on X", « Sanction à l'encontre de X ») names whom it sanctions
    ("en", "DATA PROTECTION COMMISSION\nPress release\n\nSanctions on Varenne Foods Ltd for violations of the Act\n\n"
           "The Commission fined Varenne Foods Ltd after hackers stole customer names.", "Varenne Foods Ltd"),
    ("fr", "COMMISSION DE PROTECTION DES DONNÉES\nCommuniqué\n\nSanction à l'encontre de Varenne Aliments SA\n\n"
           "La Commission a sanctionné Varenne Aliments SA après le vol des noms de ses clients.", "Varenne Aliments SA"),
])
def test_a_sanction_heading_names_whom_it_sanctions(lang, text, victim):
    mentions, _, found = _run(lang, text)
    assert not any(fold(m.text).startswith("sanction") for m in mentions)
    assert found is not None and found.name == victim


@pytest.mark.parametrize("lang,text,entity,name", [
    # a run of capitals stops at a lower-case word the NER's organization takes in with what follows
    ("fr", "Le centre hospitalier de l'Université médicale de Kanazawa a été piraté en mars.",
     ("Université médicale de Kanazawa", "ORG"), "centre hospitalier de l'Université médicale de Kanazawa"),
    ("en", "Hackers locked the servers of the Ospedale civile Santo Spirito on Tuesday.",
     ("Ospedale civile Santo Spirito", "ORG"), "Ospedale civile Santo Spirito"),
    # the NER reads the whole name as a place: the same
    ("fr", "La Clinique de la Baie ensoleillée a perdu des dossiers de patients.",
     ("Clinique de la Baie ensoleillée", "LOC"), "Clinique de la Baie ensoleillée"),
])
def test_a_name_goes_on_through_the_ners_organization(lang, text, entity, name):
    assert name in _names(lang, text, entity)


@pytest.mark.parametrize("lang,text,name", [
    ("en", "Riverside Hospital at Dunmore is writing to 4,200 patients after a phishing attack.",
     "Riverside Hospital at Dunmore"),
    ("en", "The Sunridge Cancer Institute at Marlow Regional Medical Center lost a laptop.",
     "Sunridge Cancer Institute at Marlow Regional Medical Center"),
    # an English name quoted in a French text
    ("fr", "Le Riverside Hospital at Dunmore écrit à 4 200 patients après un hameçonnage.",
     "Riverside Hospital at Dunmore"),
])
def test_a_site_after_at_is_part_of_an_organizations_name(lang, text, name):
    assert name in _names(lang, text)


@pytest.mark.parametrize("lang,text,name", [
    # a name without a word heading organizations takes in no site ("Dr Alan Pike at Riverside Hospital")
    ("en", "Alan Pike at Riverside Hospital said the laptop was stolen.", "Riverside Hospital"),
])
def test_at_after_a_name_without_an_organization_head_joins_nothing(lang, text, name):
    names = _names(lang, text)
    assert name in names and not any(n.endswith("at " + name) for n in names)


@pytest.mark.parametrize("lang,text,name", [
    # a name in another language, quoted as it is written, keeps its own connectors
    ("en", "Ransomware hit Wojewódzki Szpital Zespolony w Elblągu on Sunday, the hospital said.",
     "Wojewódzki Szpital Zespolony w Elblągu"),
    ("en", "Staff at Landstinget i Gävleborgs län looked up patient files without reason.",
     "Landstinget i Gävleborgs län"),
    ("en", "The Evangelische Stiftung der Stadt Wetzlar said hackers stole files.", "Evangelische Stiftung der Stadt Wetzlar"),
    ("fr", "Le Presidio Ospedaliero della Valle Brembana a été visé par une attaque.",
     "Presidio Ospedaliero della Valle Brembana"),
    ("fr", "Des pirates ont attaqué le Szpital Miejski we Wrocławiu dimanche.", "Szpital Miejski we Wrocławiu"),
])
def test_a_name_in_another_language_keeps_its_connectors(lang, text, name):
    assert name in _names(lang, text)


@pytest.mark.parametrize("lang,text,name", [
    # a capitalized article of another language opens a name; it is no connector to cut at its edge
    ("fr", "Contactée jeudi, Das Reisebüro AG a confirmé l'attaque.", "Das Reisebüro AG"),
    ("en", "Die Gesundheitskasse GmbH confirmed the attack on Thursday.", "Die Gesundheitskasse GmbH"),
])
def test_a_foreign_article_opening_a_name_stays_in_it(lang, text, name):
    assert name in _names(lang, text)


@pytest.mark.parametrize("lang,text,forms", [
    # the same organization named with its head in its own language and in the text's: one cluster
    ("fr", "Des pirates ont chiffré les serveurs de la commune de Vernasca. Le Comune di Vernasca a prévenu "
           "les habitants ; la commune de Vernasca n'a pas payé.", {"commune de Vernasca", "Comune di Vernasca"}),
    ("en", "Hackers hit Brekke Kommune in May. Brekke Municipality said the data of 400 residents was copied, "
           "and Brekke Municipality wrote to them.", {"Brekke Kommune", "Brekke Municipality"}),
])
def test_a_head_in_another_language_names_the_same_organization(lang, text, forms):
    _, _, victim = _run(lang, text)
    assert victim is not None and forms <= {m.text for m in victim.mentions}


@pytest.mark.parametrize("lang,text,names", [
    # ... a name of its own after "and" stays apart
    ("en", "Bayside Clinic and Harbor Hospital both said patient files were stolen.", ["Bayside Clinic", "Harbor Hospital"]),
    ("fr", "La Clinique Orvane et l'Hôpital Valdorne ont tous deux perdu des dossiers.", ["Clinique Orvane", "Hôpital Valdorne"]),
])
def test_a_second_name_after_and_stays_apart(lang, text, names):
    found = [m.text for m in org_rules(lang).mentions(text)]
    assert all(n in found for n in names), found


@pytest.mark.parametrize("lang,text,name", [
    # a word numbered with "#" labels a person or a thing of a report ("Patient #1"): no organization
    ("en", "Two clerks opened the files of Patient #1 and Patient #2 without reason, the Harlow Clinic said.",
     "Harlow Clinic"),
    ("fr", "Le rapport désigne les victimes comme Patient #1 et Patient #2 ; la Clinique Orvane a été avertie.",
     "Clinique Orvane"),
])
def test_a_numbered_label_is_no_organization(lang, text, name):
    assert [m.text for m in org_rules(lang).mentions(text)] == [name]


@pytest.mark.parametrize("lang,text,names", [
    # keys that meet on a place do not make a court or a regulator of the organization it judges
    ("fr", "Le CHU de Rennes a été condamné. Le Tribunal administratif de Rennes a jugé l'affaire.",
     ("CHU de Rennes", "Tribunal administratif de Rennes")),
    ("en", "The Hospital of Kent was fined. The Tribunal of Kent heard the case.",
     ("Hospital of Kent", "Tribunal of Kent")),
])
def test_a_court_and_an_organization_named_after_one_place_are_two(lang, text, names):
    _, clusters, _ = _run(lang, text, *((name, "ORG") for name in names))
    assert sorted(c.name for c in clusters) == sorted(names)


@pytest.mark.parametrize("lang,text,marked,name", [
    # a country's code the text always writes before the same name is part of it, whatever the NER
    ("en", "UK Genebank said records were stolen. UK Genebank holds samples.",
     (("UK", "GPE"), ("Genebank", "ORG"), ("UK", "GPE"), ("Genebank", "ORG")), "UK Genebank"),
    ("fr", "UE Cohorte a signalé un vol de données. UE Cohorte conserve des échantillons.",
     (("UE", "LOC"), ("Cohorte", "ORG"), ("UE", "LOC"), ("Cohorte", "ORG")), "UE Cohorte"),
])
def test_a_country_code_always_before_the_name_is_part_of_it(lang, text, marked, name):
    assert set(_names(lang, text, *marked)) == {name}
