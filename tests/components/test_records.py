"""Record counts: the figure of the breach, its unit and qualifier; distractors never."""
import pytest

import breachnlp

CASES = [
    # (id, lang, text, value, unit, qualifier)
    ("fr-exact-nnbsp", "fr", "La mutuelle Alvéa a annoncé que les données de 48\u202f312 adhérents ont été dérobées.", 48312, "people", "exact"),
    ("en-exact-comma", "en", "Hackers stole the records of 48,312 members of Alvea Credit Union.", 48312, "people", "exact"),
    ("fr-approx-words", "fr", "Les informations de près d'un million de patients ont fuité.", 1000000, "people", "approx"),
    ("en-approx-words", "en", "The data of nearly a million patients leaked online.", 1000000, "people", "approx"),
    ("fr-at-least", "fr", "Plus de 6 000 comptes clients ont été piratés.", 6000, "accounts", "at_least"),
    ("en-at-least", "en", "More than 6,000 customer accounts were compromised.", 6000, "accounts", "at_least"),
    ("fr-at-most", "fr", "Jusqu'à 12 000 rendez-vous auraient été exposés.", 12000, "appointments", "at_most"),
    ("en-at-most", "en", "As many as 12,000 appointments may have been exposed.", 12000, "appointments", "at_most"),
    ("fr-range", "fr", "Entre 10 000 et 15 000 patients sont concernés par la fuite.", 15000, "people", "at_most"),
    ("en-range", "en", "Between 10,000 and 15,000 patients were affected by the breach.", 15000, "people", "at_most"),
    ("fr-multiplier", "fr", "Un pirate affirme détenir 1,5M de fiches clients volées.", 1500000, "records", "exact"),
    ("en-multiplier", "en", "A hacker is selling 2.3M stolen customer records.", 2300000, "records", "exact"),
    ("fr-files", "fr", "Les pirates ont dérobé 3 400 documents internes.", 3400, "files", "exact"),
    ("en-files", "en", "The attackers stole 3,400 internal documents.", 3400, "files", "exact"),
]


@pytest.mark.parametrize("case_id,lang,text,value,unit,qualifier", CASES, ids=[c[0] for c in CASES])
def test_records_value_unit_qualifier(annotate, case_id, lang, text, value, unit, qualifier):
    records = annotate(lang, text)._.breach.records
    assert records is not None
    assert (records.value, records.unit, records.qualifier) == (value, unit, qualifier)


DISTRACTORS = [
    ("fr-money", "fr", "La clinique Sorel a payé une rançon de 2 millions d'euros après le piratage."),
    ("en-money", "en", "Sorel Clinic paid a $22 million ransom after the hack."),
    # a year before a record noun: « depuis 2009 les enregistrements », "since 2009 the recordings"
    ("fr-year-before-noun", "fr", "La clinique Sorel envoyait depuis 2009 les enregistrements audio à un prestataire."),
    ("en-year-before-noun", "en", "Sorel Clinic had sent since 2009 recordings of consultations to a contractor."),
    ("fr-money-rupees", "fr", "Les pirates de la clinique Sorel réclament 200 crores de roupies."),
    ("en-money-rupees", "en", "The hackers demanded ₹200 crore from Sorel Clinic after the hack."),
    ("fr-size", "fr", "Les pirates de la clinique Sorel ont exfiltré 300 Go de données."),
    ("en-size", "en", "Hackers exfiltrated 900 GB of data from Sorel Clinic."),
    ("fr-percent", "fr", "Le piratage a touché 40 % des serveurs de la clinique Sorel."),
    ("en-percent", "en", "The breach hit 40 percent of Sorel Clinic's servers."),
    ("fr-phone", "fr", "Après la fuite de données, la clinique a ouvert le numéro 0 805 921 100."),
    ("en-phone", "en", "After the data breach, the clinic opened a hotline at 1-800-555-0199."),
    ("fr-year-rank", "fr", "C'est la 14e fuite de données de santé depuis 2023."),
    ("en-year-rank", "en", "It is the 14th health data breach since 2023."),
    ("fr-other-things", "fr", "La cyberattaque a paralysé 2 400 postes informatiques et 150 pharmacies."),
    ("en-other-things", "en", "The cyberattack crippled 2,400 workstations and 150 pharmacies."),
    ("fr-vague", "fr", "Des milliers de patients ont vu leurs données volées."),
    ("en-vague", "en", "Thousands of patients had their data stolen."),
]


@pytest.mark.parametrize("case_id,lang,text", DISTRACTORS, ids=[c[0] for c in DISTRACTORS])
def test_records_distractors_are_never_the_count(annotate, case_id, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "Près de 900 000 patients touchés. Au total, les dossiers de 914 138 patients ont été volés.", 914138),
    ("en", "Nearly 900,000 patients hit. In all, the records of 914,138 patients were stolen.", 914138),
])
def test_records_exact_body_figure_beats_rounded_headline(annotate, lang, text, value):
    assert annotate(lang, text)._.breach.records.value == value


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "La fuite concerne 2 millions de clients sur ses 9 millions d'abonnés.", 2000000),
    ("en", "The leak affected 2 million customers out of its 9 million subscribers.", 2000000),
])
def test_records_whole_customer_base_is_not_the_count(annotate, lang, text, value):
    assert annotate(lang, text)._.breach.records.value == value


@pytest.mark.parametrize("lang,text", [
    # the population of the place that was hit is no count of the people whose data was reached
    ("fr", "AGEN – Le petit village de 2 300 habitants n'avait rien vu venir : la mairie a été piratée jeudi et "
           "ses fichiers ont été chiffrés."),
    ("en", "The village of 2,300 residents never saw it coming: hackers hit the town hall on Thursday and "
           "encrypted its files."),
])
def test_records_the_population_of_a_place_is_not_the_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


def test_records_choose_count_never_fails_on_a_zero_figure():
    from breachnlp.components.records import CountCandidate, choose_count

    zero = CountCandidate(0, 1, 0, "people", "exact", 6.0, 0, 1)
    real = CountCandidate(10, 15, 48000, "people", "exact", 5.0, 1, 2)
    assert choose_count([zero]) is None
    assert choose_count([zero, real]).value == 48000


@pytest.mark.parametrize("lang,text,value,qualifier", [
    # a hedge written after the figure
    ("fr", "Les données de 4 000 patients environ ont été volées.", 4000, "approx"),
    ("en", "The records of 4,000 patients or so were stolen.", 4000, "approx"),
    # the unit after "de"/"of": counted, not a distractor
    ("fr", "Le pirate a dérobé les dossiers de 12 000 des patients de la clinique.", 12000, "exact"),
    ("en", "The hacker stole the files of 12,000 of its patients.", 12000, "exact"),
])
def test_records_words_after_the_figure(annotate, lang, text, value, qualifier):
    records = annotate(lang, text, "2024-06-14")._.breach.records
    assert (records.value, records.qualifier) == (value, qualifier)


@pytest.mark.parametrize("lang,text", [
    ("fr", "La clinique a découvert le problème le 7 mars 2022, quand un patient a appelé."),
    ("en", "The clinic discovered the problem on 7 March 2022, when a patient called."),
])
def test_records_year_of_a_date_is_never_a_count(annotate, lang, text):
    assert annotate(lang, text, "2024-06-14")._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # the counted noun is a place of care, not people: "physician" only qualifies it
    ("en", "Corvane processes claims for about 140 physician practices across the state."),
    ("fr", "Corvane traite les factures d'environ 140 cabinets de médecins de la région."),
])
def test_records_places_of_care_are_not_people(annotate, lang, text):
    assert annotate(lang, text, "2024-06-14")._.breach.records is None


@pytest.mark.parametrize("lang,text,value", [
    # a different, later figure in the headline is no rounding of the earlier one
    ("en", "Ormeau breach now 3M customers (was 2.3M)\n\nOrmeau first said 2.3M customers were hit. "
           "Its update now says 3M.", 3000000),
    ("fr", "Fuite chez Ormeau : 3 millions de clients (contre 2,3 millions)\n\nOrmeau avait d'abord évoqué "
           "2,3 millions de clients touchés. Sa mise à jour fait désormais état de 3 millions.", 3000000),
    # a rounded headline and the exact body figure are one count: the exact one is kept
    ("en", "Ormeau: nearly a million patients affected\n\nOrmeau said 914,138 patients were affected.", 914138),
    ("fr", "Ormeau : plus de 6 millions de patients\n\nOrmeau indique que 6 412 000 patients sont touchés.", 6412000),
])
def test_records_rounded_and_exact_figures_are_one_count_other_figures_are_not(annotate, lang, text, value):
    assert annotate(lang, text, "2024-06-14")._.breach.records.value == value


@pytest.mark.parametrize("lang,text,value", [
    # the figure right after "up from" / "contre" is the one the text supersedes
    ("en", "Brenwick Health said 84,300 patients were affected, up from the 61,000 it reported in March.", 84300),
    ("en", "The insurer now counts 2.1 million members, rather than 900,000 as first thought.", 2100000),
    ("fr", "La clinique Brenwick recense désormais 84 300 patients touchés, contre 61 000 annoncés en mars.", 84300),
    ("fr", "L'assureur dénombre 2,1 millions d'adhérents concernés au lieu de 900 000 comme annoncé.", 2100000),
])
def test_records_a_superseded_figure_is_not_the_count(annotate, lang, text, value):
    assert annotate(lang, text)._.breach.records.value == value


@pytest.mark.parametrize("lang,text,value", [
    ("en", "Hackers stole data on 84,300 patients of Brenwick Health. About 9,000 of the people notified live abroad.",
     84300),
    ("fr", "Des pirates ont volé les données de 84 300 patients de la clinique Brenwick. Environ 9 000 d'entre eux "
           "vivent à l'étranger.", 84300),
])
def test_records_a_part_of_the_count_is_not_the_count(annotate, lang, text, value):
    assert annotate(lang, text)._.breach.records.value == value


@pytest.mark.parametrize("lang,title,text,qualifier", [
    ("fr", "Fuite de données : 52 000 patients de la clinique Brenwick touchés",
     "Les données d'environ 52 000 patients de la clinique Brenwick ont été copiées.", "approx"),
    ("en", "Brenwick Health breach hits 52,000 patients",
     "Data on roughly 52,000 patients of Brenwick Health was copied.", "approx"),
])
def test_records_qualifier_of_a_restatement_is_kept(lang, title, text, qualifier):
    import breachnlp

    records = breachnlp.extract(text, title=title, lang=lang)
    assert (records.records.value, records.records.qualifier) == (52000, qualifier)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le laboratoire Arvel, qui traite 300 000 analyses par an, a confirmé une intrusion mais ignore encore "
           "combien de patients sont concernés."),
    ("fr", "L'hôpital Arvel emploie 2 400 agents. Il a subi une cyberattaque, sans préciser combien de dossiers ont "
           "été consultés."),
    ("en", "Arvel Labs, which runs 300,000 tests a year, confirmed an intrusion but has not said how many patients "
           "were affected."),
    ("en", "Some 2,400 staff work at Arvel Hospital. The hospital was hacked, and it is unclear how many records "
           "were viewed."),
])
def test_records_a_size_figure_is_no_count_when_the_text_says_none_is_known(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # the organization's size told in the past tense is still its size, not the count
    ("fr", "Des pirates ont volé des données de clients de la chaîne Hôtels Arvel. Son programme de fidélité comptait "
           "40 millions de membres à la fin de l'année."),
    ("en", "Hackers stole guest data from the Arvel Hotels chain. Its loyalty scheme served 40 million members at "
           "the end of the year."),
])
def test_records_a_size_told_in_the_past_is_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text,expected", [
    # every figure of a list a size verb opens is a size, however far down the list
    ("fr", "Des pirates ont volé des données chez Santéval. Le groupe revendique 14 cliniques, 220 cabinets et plus "
           "de 5 millions de patients.", None),
    ("en", "Hackers stole data from Healvale. The group operates 14 hospitals, 220 clinics and more than 5 million "
           "patients.", None),
    ("fr", "Le groupe Santéval revendique 14 cliniques et 220 cabinets. Les pirates ont copié les dossiers de 38 000 "
           "patients.", 38000),
])
def test_records_the_figures_of_a_size_list_are_sizes(annotate, lang, text, expected):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records else None) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a plus sign after a figure: at least that many, and the noun after it is what is counted
    ("en", "Harlow Clinic notified 45k+ patients of the breach on Wednesday.", (45000, "people", "at_least")),
    ("fr", "La clinique Ormeau a prévenu 12 000+ patients de la fuite de leurs données.", (12000, "people", "at_least")),
])
def test_records_a_plus_sign_after_a_figure_is_at_least(lang, text, expected):
    records = breachnlp.extract(text, lang=lang, published="2025-05-06").records
    assert (records.value, records.unit, records.qualifier) == expected


@pytest.mark.parametrize("lang,text", [
    # a number of schools, labs or offices is the organization's size; a school year is no figure
    ("fr", "La cyberattaque contre le réseau scolaire Ormeau a exposé des données : les élèves de l'une de nos "
           "58 écoles sont probablement touchés."),
    ("en", "The attack on Ormeau School District exposed data of students at any of its 43 schools."),
    ("en", "Files stolen from Ormeau University include a list of students enrolled in the 2022/23 winter semester."),
    ("fr", "Les fichiers volés à l'université Ormeau contiennent la liste des étudiants inscrits en 2022-2023."),
])
def test_records_schools_and_school_years_are_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # a rate or a share per item after the unit tells the organization's size
    ("fr", "La clinique Ormeau a été piratée. Ses praticiens soignent à peu près 450 000 patients par an."),
    ("en", "Ormeau Dental was hit by ransomware. Its dentists see about 450,000 patients a year."),
    ("fr", "La résidence Ormeau a subi une fuite. Elle compte six unités de 30 résidents chacune."),
    ("en", "Ormeau Care Home was breached. It has six wings of 30 residents each."),
])
def test_records_a_rate_or_a_share_per_item_is_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text,value", [
    # "put the number of X at N": the figure is that count, and the exact one beats the rounded
    ("en", "More than 212,000 Ormeau Clinic patients were exposed. In a filing, Ormeau Clinic put the number of "
           "affected people at 212,418.", 212418),
    ("fr", "Plus de 212 000 patients de la clinique Ormeau ont été exposés. La clinique a fixé le nombre de "
           "personnes touchées à 212 418.", 212418),
])
def test_records_a_count_set_at_a_figure(annotate, lang, text, value):
    assert annotate(lang, text)._.breach.records.value == value


@pytest.mark.parametrize("lang,text,expected", [
    # a place after the figure and a preposition is where they are, not what the figure counts
    ("en", "Tamsin Outdoor said the card details of shoppers had been taken. The firm put the number of affected "
           "shoppers at 18,250 in the United States and Mexico.", (18250, "people")),
    ("fr", "Tamsin Outdoor a indiqué que les données bancaires de ses acheteurs avaient été volées. La société a "
           "fixé le nombre d'acheteurs touchés à 18 250 dans les villes de la côte.", (18250, "people")),
    # a preposition ends the search for the noun: "with accounts" is not what 640 counts, nor a measure
    ("en", "Some users saw 640+ cM shared with accounts they did not know. The intruders opened the profiles of "
           "about 21,000 members.", (21000, "people")),
    ("fr", "Certains voyaient 640 cM partagés avec des comptes inconnus. Les intrus ont ouvert les profils "
           "d'environ 21 000 membres.", (21000, "people")),
])
def test_records_a_place_after_the_figure_is_not_its_noun(annotate, lang, text, expected):
    records = annotate(lang, text, "2023-06-01")._.breach.records
    assert (records.value, records.unit) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a range after a size cue is the size too; a range of the people whose files were taken is the count
    ("en", "Hackers hit the health department of Arvel Island. The island is home to between 11,000 and 12,000 "
           "people.", None),
    ("fr", "Des pirates ont frappé le service de santé de l'île d'Arvel. L'île compte entre 11 000 et 12 000 "
           "habitants.", None),
    ("en", "Hackers stole the files of between 11,000 and 12,000 Arvel Clinic patients.", (12000, "at_most")),
    ("fr", "Des pirates ont volé les dossiers d'entre 11 000 et 12 000 patients de la clinique Arvel.", (12000, "at_most")),
])
def test_records_a_range_of_the_size_is_no_count(annotate, lang, text, expected):
    records = annotate(lang, text, "2024-06-14")._.breach.records
    assert (records and (records.value, records.qualifier)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the minutes of a time of day are no count, and the count beside them is still found
    ("fr", "La pharmacie Tervel a été piratée samedi vers 2 h 45.", None),
    ("en", "Tervel Pharmacy was hacked on Saturday at 2:45 a.m.", None),
    ("fr", "La pharmacie Tervel a été piratée à 14h30 : les fiches de 8 300 clients ont été copiées.", 8300),
    ("en", "Tervel Pharmacy was hacked at 11:30 p.m. and the files of 8,300 customers were copied.", 8300),
])
def test_records_a_time_of_day_is_no_count(annotate, lang, text, expected):
    records = annotate(lang, text, "2024-06-14")._.breach.records
    assert (records and records.value) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the parts of a thread, a file number and a fraction written with a slash are no counts
    ("fr", "Un fil sur la clinique Varenne (2/6) : personne ne sait combien de patients sont touchés (3/6)", None),
    ("en", "Decision summary. Case no.: 21/04417. Controller: Harwick Hospital. The folders were left unprotected.", None),
    ("en", "A thread on the Harwick Hospital breach (1/4): the hackers copied files on 4,500 patients (2/4)", 4500),
])
def test_records_numbers_joined_by_a_slash_are_no_count(annotate, lang, text, expected):
    records = annotate(lang, text, "2024-06-14")._.breach.records
    assert (records and records.value) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the people of a country after a figure are people: the total beats a single region's share
    ("fr", "Le piratage de l'assureur Tervel avait exposé les données de 12,4 millions de Canadiens. Au Manitoba, "
           "48 211 personnes sont concernées.", (12400000, "people")),
    ("en", "The Tervel Insurance hack exposed the records of 12.4 million Canadians. In Manitoba, 48,211 people "
           "were affected.", (12400000, "people")),
    # a title-case word that only looks like one is no people
    ("en", "Tervel Health Hit: Data on 6,200 Patients Stolen From 3 Plans", (6200, "people")),
])
def test_records_the_people_of_a_country_are_people(annotate, lang, text, expected):
    records = annotate(lang, text, "2024-06-14")._.breach.records
    assert (records.value, records.unit) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # whose data it is: the noun after the figure names people, even one no unit list holds
    ("fr", "Une clé USB retrouvée par la police contenait les renseignements personnels de 8 315 orthophonistes, "
           "a indiqué l'Ordre de Tervel.", (8315, "people")),
    ("en", "A laptop stolen from a car held the personal details of 8,315 lifeguards, the Tervel Council said.",
     (8315, "people")),
    # not a year, not a quantity
    ("en", "The records of 2019 were copied from Tervel Clinic.", None),
])
def test_records_the_owners_of_the_data_are_people(annotate, lang, text, expected):
    records = annotate(lang, text, "2024-06-14")._.breach.records
    assert (records and (records.value, records.unit)) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a reporting rule's threshold is no count; the same words about the breach itself are
    ("en", "Federal rules require breaches affecting 500 or more people to be reported. Tervel Clinic said 7,300 "
           "patients were affected.", 7300),
    ("fr", "Les violations touchant 500 personnes ou plus doivent être déclarées. La clinique Tervel indique que "
           "7 300 patients sont concernés.", 7300),
    ("en", "Hackers stole the files of 500 or more Tervel Clinic patients.", 500),
])
def test_records_a_reporting_threshold_is_no_count(annotate, lang, text, expected):
    assert annotate(lang, text, "2024-06-14")._.breach.records.value == expected


@pytest.mark.parametrize("lang,text,expected", [
    # the number of a street address is no count, whether the street word or its name comes first
    ("fr", "Clinique Orvane\n210, chemin Delorme\nLes formulaires de 58 patients ont été perdus.", 58),
    ("fr", "La clinique, située au 14, rue des Tilleuls, a perdu des dossiers.", None),
    ("en", "Orvane Clinic\n3300 Delmar Avenue\nThe forms of 58 patients were lost.", 58),
    ("en", "Orvane Clinic, 3300 Delmar Avenue, lost patient files.", None),
])
def test_records_a_street_number_is_no_count(annotate, lang, text, expected):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records else None) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # an amount after a currency's ISO code is money, not a count
    ("en", "Fine: NOK 410,000 (about EUR 36,000). The clinic exposed the files of 2,300 patients.", 2300),
    ("en", "Penalty: SEK 1,200,000. The insurer did not say how many clients were affected.", None),
    ("fr", "Amende : PLN 85 000. La clinique a exposé les dossiers de 2 300 patients.", 2300),
    # ... and so is an amount before the currency's name
    ("en", "Varenne data leak: delivery service fined 45,000 roubles", None),
    ("fr", "Fuite de données de Varenne : le service de livraison condamné à 45 000 roubles d'amende", None),
])
def test_records_an_amount_after_a_currency_code_is_money(annotate, lang, text, expected):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records else None) == expected


@pytest.mark.parametrize("lang,text", [
    # a bare figure that writes out a rounded count digit for digit is that count, exact
    ("en", "Ormeau Credit Union said hackers reached the files of more than 4,200 members. Its final tally is 4,236."),
    ("fr", "La mutuelle Ormeau indique que des pirates ont consulté les dossiers de plus de 4 200 adhérents. "
           "Le décompte final s'établit à 4 236."),
])
def test_records_a_bare_figure_makes_a_rounded_count_exact(annotate, lang, text):
    records = annotate(lang, text)._.breach.records
    assert (records.value, records.unit, records.qualifier) == (4236, "people", "exact")


@pytest.mark.parametrize("lang,text,expected", [
    # a size verb whose subject is the stolen data counts what the data holds, not the organization's size
    ("en", "Ormeau Telecom confirmed the intrusion. The leaked archive covers 61,207 subscribers.", 61207),
    ("en", "Ormeau Telecom, which covers 900,000 subscribers, said hackers had broken in.", None),
    ("fr", "Ormeau Télécom a confirmé l'intrusion. Le fichier dérobé compte 61 207 abonnés.", 61207),
    ("fr", "Ormeau Télécom, qui compte 900 000 abonnés, a confirmé l'intrusion.", None),
    # ... and a currency code is a word of its own, not the end of one ("covers" is no "rs")
    ("en", "The stolen data covers 61,207 subscribers, Ormeau Telecom said.", 61207),
    ("en", "Someone is selling a dataset on BreachForums with 61,207 lines of Ormeau Telecom customers.", 61207),
    ("fr", "Quelqu'un vend sur un forum un jeu de données avec 61 207 lignes de clients d'Ormeau Télécom.", 61207),
])
def test_records_what_the_stolen_data_holds_is_the_count(annotate, lang, text, expected):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records else None) == expected


@pytest.mark.parametrize("lang,text", [
    # "part of our members, not all of the 6.2 million": the whole the part is not
    ("en", "The leak affects part of our membership, not all of the more than 410,000 people registered with Varenne."),
    ("fr", "La fuite touche une partie de nos membres, pas l'ensemble des plus de 410 000 personnes inscrites chez "
           "Varenne."),
])
def test_records_not_all_of_a_whole_is_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text,expected", [
    # the figure a share is taken from is the whole, not the count
    ("en", "The stolen server held some 52,000 member files, about 8% of the 650,000 files Ormeau Mutual keeps.",
     52000),
    ("fr", "Le serveur volé contenait quelque 52 000 dossiers d'adhérents, soit environ 8 % des 650 000 dossiers "
           "que détient la mutuelle Ormeau.", 52000),
])
def test_records_the_whole_a_share_is_taken_from_is_no_count(annotate, lang, text, expected):
    from breachnlp.components.records.rules import record_rules

    wholes = [c.value for c in record_rules(lang).candidates(text) if c.population]
    assert wholes == [650000]
    records = annotate(lang, text)._.breach.records
    assert (records.value if records else None) == expected


@pytest.mark.parametrize("lang,text", [
    # the figures after a colon that follows a larger count are its parts
    ("en", "Varenne Electric counts 6,214 people who may be affected: 1,402 job applicants, 3,900 current staff "
           "and 912 retirees of its affiliates."),
    ("fr", "Varenne Électrique dénombre au total 6 214 personnes susceptibles d'être concernées : 1 402 candidats, "
           "3 900 salariés et 912 retraités de ses filiales."),
])
def test_records_the_parts_after_a_colon_are_no_count(annotate, lang, text):
    from breachnlp.components.records.rules import record_rules

    parts = [c.value for c in record_rules(lang).candidates(text) if any(cue[2] == "subset" for cue in c.cues)]
    assert parts == [1402, 3900, 912]
    records = annotate(lang, text)._.breach.records
    assert (records.value, records.unit) == (6214, "people")


@pytest.mark.parametrize("lang,text,expected", [
    # the object of a verb of having or serving, however far from the verb and in any tense: a size
    ("en", "Quillon Payroll says it paid roughly 3.4 million workers last year. "
           "Intruders copied the pay slips of 27,800 employees of its clients.", 27800),
    ("fr", "Le prestataire de paie Quillon affirme qu'il paie chaque mois quelque 3,4 millions de salariés. "
           "Des intrus ont copié les fiches de paie de 27 800 employés de ses clients.", 27800),
    # the subject of a verb of holding or using: a clientele, not the people hit
    ("en", "Some 2.6 million shoppers hold a Merlette loyalty card. The thieves took the details of 91,000 "
           "cardholders.", 91000),
    ("fr", "Quelque 2,6 millions de clients détiennent la carte de fidélité Merlette. Les voleurs ont pris les "
           "coordonnées de 91 000 clients.", 91000),
    # people who lost access, customers a firm lost: what the outage or the market took, not the data
    ("en", "About 2,600 pupils lost access to their coursework at Fennick Academy. The attackers copied the "
           "files of 418 staff members.", 418),
    ("fr", "Le câblo-opérateur Fennick a perdu quelque 2,6 millions d'abonnés en trois ans. Les pirates ont "
           "copié les données de 418 000 clients.", 418000),
])
def test_records_a_size_told_by_the_parse_is_no_count(annotate, lang, text, expected):
    doc = annotate(lang, text)
    sizes = [s.text for s in doc.spans["breach_records"] if s._.breach_features.get("population")]
    assert sizes and sizes[0].startswith(("3,4", "3.4", "2.6", "2,6"))
    assert doc._.breach.records.value == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a data noun as the verb's subject holds the count; an existential verb states it
    ("en", "The leaked spreadsheet had 14,200 customers in it.", 14200),
    ("fr", "Il y avait 14 200 clients dans le tableau divulgué.", 14200),
])
def test_records_a_count_held_by_data_is_no_size(annotate, lang, text, expected):
    assert annotate(lang, text)._.breach.records.value == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a part and the organization's whole: the part is the count, in the whole's unit
    ("en", "Roughly 7,400 of its nearly 96,000 policyholders may have had their files copied, Tallis Mutual said.",
     (7400, "people")),
    ("fr", "Quelque 7 400 de ses près de 96 000 assurés ont pu voir leurs dossiers copiés, indique la mutuelle "
           "Tallis.", (7400, "people")),
    # a bare "out of" / « sur » between two figures: the part and the whole
    ("en", "The leak hit 41,300 out of roughly 260,000 policyholders, the insurer said.", (41300, "people")),
    ("fr", "La fuite a touché 41 300 sur quelque 260 000 assurés, selon l'assureur.", (41300, "people")),
    # after a demonstrative, the whole is the count said before and the first figure a part of it
    ("en", "Intruders logged into 618 accounts at Pelorus Books. For 45 of these 618 accounts, card digits were "
           "shown.", (618, "accounts")),
    ("fr", "Des intrus se sont connectés à 618 comptes de la librairie Pelorus. Pour 45 de ces 618 comptes, des "
           "chiffres de carte étaient visibles.", (618, "accounts")),
])
def test_records_a_part_of_a_whole(annotate, lang, text, expected):
    records = annotate(lang, text)._.breach.records
    assert (records.value, records.unit) == expected


@pytest.mark.parametrize("lang,text", [
    # a street number under a letter's sender is an address, no count
    ("en", "Marlow Outfitters\n61-75 Wexcombe\nBristol BS1 5TR\n\n2 May 2024\n\nDear Customer,\n\nWe are writing to "
           "tell you that an intruder reached our customer database on 28 April 2024 and saw your name and email address."),
    ("fr", "Marlow Équipement\n61-75 Wexcombe\nCH-1201 Genève\n\nLe 2 mai 2024\n\nMadame, Monsieur,\n\nNous vous "
           "informons qu'un intrus a accédé le 28 avril 2024 à notre base clients et a vu vos nom et adresse électronique."),
    # machines reached are no records
    ("en", "Hackers stole data from Crestline Power after reaching 9,000 systems."),
    ("fr", "Des pirates ont volé des données de Crestline Énergie après avoir atteint 9 000 systèmes."),
])
def test_records_an_address_or_a_count_of_machines_is_no_count(annotate, lang, text):
    assert annotate(lang, text, "2024-05-06")._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # a leading zero writes a case or file number, never a count
    ("en", "Court of Sao Paulo, case no 0031877-45.2023.8.26.0100\n\nThe retailer Varnholt admitted that hackers had "
           "stolen customer data."),
    ("fr", "Tribunal de Sao Paulo, procès nº 0031877-45.2023.8.26.0100\n\nLe détaillant Varnholt a reconnu que des "
           "pirates avaient volé des données de clients."),
])
def test_records_a_number_with_a_leading_zero_is_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # "says it has N records": what the attackers claim to hold, not the organization's size
    ("en", "Keswick Hotels was hit over Easter. The gang has put Keswick on its leak site and says it has 2.8M guest "
           "records going back to 2016."),
    ("fr", "Les hôtels Keswick ont été touchés à Pâques. Le gang a mis Keswick sur son site de fuite et affirme "
           "détenir 2,8 millions de fiches de clients remontant à 2016."),
])
def test_records_what_the_attackers_say_they_have_is_no_size(annotate, lang, text):
    assert annotate(lang, text, "2024-04-10")._.breach.records.value == 2800000


@pytest.mark.parametrize("lang,text", [
    # a postal code in a letterhead's address, its country in brackets after the town, is no count
    ("fr", "Corvane S.p.A.\nVia Roma 12, 40121 Bologne (Italie)\n\nBologne, le 3 mars 2025\n\nMadame, Monsieur,\n\n"
           "Nous vous informons qu'un tiers a eu accès à une partie de nos systèmes."),
    ("en", "Corvane S.p.A.\nVia Roma 12, 40121 Bologna (Italy)\n\nBologna, 3 March 2025\n\nDear customer,\n\n"
           "We are writing to tell you that a third party gained access to part of our systems."),
])
def test_records_a_postal_code_before_a_bracketed_country_is_no_count(lang, text):
    import breachnlp

    assert breachnlp.extract(text, lang=lang, published="2025-03-05").records is None


@pytest.mark.parametrize("lang,text", [
    # a letter's file reference after its label and a colon is no count
    ("fr", "Montréal, le 4 mai 2016\n\nMadame la responsable de l'accès\nCISSS de Val-Brume\n12, rue du Port\n"
           "Rimouski (Québec) G5L 1A1\n\nObjet : Plainte à l'endroit du CISSS de Val-Brume\nN/Réf. : 204417\n\n"
           "Madame,\n\nLa Commission d'accès à l'information est saisie d'une plainte à l'endroit du Centre intégré "
           "de santé et de services sociaux de Val-Brume (l'organisme).\n\nLa plaignante reproche à l'organisme de ne "
           "pas avoir protégé les renseignements personnels de sa fille. Des documents contenant son numéro "
           "d'assurance maladie, son adresse et un rapport médical ont été perdus."),
    ("en", "Victoria, May 4, 2016\n\nPrivacy Officer\nValbrook Health Authority\n\nRe: Complaint against Valbrook "
           "Health Authority\nOur ref.: 204417\n\nDear Sir,\n\nThe Commissioner received a complaint against the "
           "authority. The complainant says it sent his medical record and his social insurance number to another "
           "person."),
])
def test_records_a_file_reference_is_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # a law's number and its year are no counts, whatever noun follows them
    ("fr", "Le régulateur a confirmé la sanction contre la clinique Ormeau pour violation grave de la loi 1581 de "
           "2012 sur les données personnelles. Un employé avait transmis des dossiers de patients à un tiers."),
    ("fr", "Le régulateur a confirmé l'amende contre la clinique Ormeau au titre du Data Protection Act 2018 sur "
           "les données personnelles. Un employé avait transmis un dossier."),
    ("en", "The regulator upheld the fine against Ormeau Clinic under Law No. 1581 of 2012 on the records of "
           "patients. An employee had passed patients' files to a third party."),
])
def test_records_a_laws_number_and_year_are_no_count(annotate, lang, text):
    assert annotate(lang, text)._.breach.records is None


@pytest.mark.parametrize("lang,text", [
    # the data of one person, named as one: the count is that person when no figure is given
    ("en", "A receptionist at Brookfield Dental emailed the treatment file of a single patient to the wrong "
           "address on 3 May."),
    ("en", "Regulators fined Larchmont Pharmacy after a clerk read one customer's prescription history aloud."),
    ("fr", "Une secrétaire du cabinet Lemaire a envoyé le dossier médical d'une patiente à un mauvais destinataire."),
    ("fr", "L'autorité a sanctionné la mutuelle Arvalis : un agent avait transmis les informations d'un assuré à "
           "son employeur."),
])
def test_records_the_data_of_a_single_person_counts_one(annotate, lang, text):
    records = annotate(lang, text)._.breach.records
    assert records is not None and (records.value, records.unit, records.qualifier) == (1, "people", "exact")


@pytest.mark.parametrize("lang,text,value", [
    # a figure wins over the one person; an employee's mailbox is the way in, not whose data it was
    ("en", "An intruder got into one employee's mailbox at Brookfield Dental and stole the records of 2,310 "
           "patients.", 2310),
    ("en", "Hackers entered one employee's email account at Brookfield Dental in May, the practice said.", None),
    ("fr", "Un pirate a pris le contrôle de la messagerie d'un employé du cabinet Lemaire, qui a prévenu "
           "2 310 patients.", 2310),
])
def test_records_one_person_yields_to_a_figure_and_never_counts_an_employees_mailbox(annotate, lang, text, value):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records is not None else None) == value



@pytest.mark.parametrize("lang,text", [
    # a document's number after its name is no count
    ("en", "Privacy Commissioner case note 248601: a doctor lost a USB stick holding patient files."),
    ("fr", "Délibération 2022118 : la clinique Varenne a perdu une clé USB contenant des dossiers de patients."),
])
def test_records_a_documents_number_is_no_count(lang, text):
    assert breachnlp.extract(text, lang=lang, published="2024-01-01").records is None


@pytest.mark.parametrize("lang,text,value", [
    # a year after a period word, whatever noun follows it, is no count…
    ("fr", "À la fin de l'année 2019 trois salariés de la clinique Marvel ont emporté des fichiers.", None),
    ("en", "Between 2008 and 2012 records at Marvel Clinic were kept on an open server.", None),
    ("en", "Anyone treated at Marvel Clinic as far back as 2003 patients or staff may be affected.", None),
    ("fr", "Les fiches remises au titre de l'exercice 2021 salariés compris ont été copiées.", None),
    # …nor a year that ends a name ("the Tenant Survey 2012 email")
    ("en", "Every tenant of Ashford Homes got the Tenant Survey 2012 email with all addresses visible.", None),
    ("fr", "Tous les bénévoles de l'association Orvalis ont reçu par erreur le fichier Plan Canicule 2019 personnes "
           "vulnérables.", None),
    # …and a figure followed by another number counts nothing: the second one is the count
    ("fr", "Fin 2022, 2 600 patients de la clinique Marvel ont été prévenus d'une fuite.", 2600),
])
def test_records_a_year_before_a_noun_is_no_count(annotate, lang, text, value):
    records = annotate(lang, text)._.breach.records
    assert (records and records.value) == value


@pytest.mark.parametrize("lang,text,value", [
    # a number word under twenty counts the people its noun names when no figure is given…
    ("en", "Hollins Eye Care mailed a letter to the wrong house; it listed the diagnoses of seven patients.", 7),
    ("fr", "Le courrier de la clinique Verlaine, parti à une mauvaise adresse, détaillait les diagnostics de six "
           "patients.", 6),
    # …not the organization's own staff, whose mailboxes are the way in…
    ("en", "A phishing email gave an outsider access to the mailboxes of three employees at Corbin Dental.", None),
    ("fr", "Un courriel piégé a ouvert à un pirate les messageries de deux salariés du cabinet Verlaine.", None),
    # …nor things that are not people or records…
    ("en", "The intruder at Corbin Dental copied two spreadsheets and three folders in March.", None),
    # …and a figure of people or records wins over it
    ("en", "Two patients complained after Harlow Clinic's server exposed the files of 12,400 patients.", 12400),
    ("fr", "Deux patientes ont porté plainte après que le serveur de la clinique Varenne a exposé les dossiers de "
           "8 300 patients.", 8300),
])
def test_records_a_small_number_word_counts_the_people_it_names(annotate, lang, text, value):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records is not None else None) == value


def test_records_an_article_between_a_figure_and_its_noun_does_not_stop_the_search(annotate):
    # "a"/"an" is the number one only alone, not before a possessive: the noun after it is the unit
    records = annotate("en", "Thieves took the files of 12,000 of a lender's customers in May.")._.breach.records
    assert records is not None and (records.value, records.unit) == (12000, "people")


@pytest.mark.parametrize("lang,text,value", [
    # a first count and the latest estimate, each named as such: the latest is the count
    ("en", "A first count put the figure at some 4,000 patients of Harlow Clinic; the latest estimates say more "
           "than 6,500 patients were affected.", 6500),
    ("fr", "Un premier décompte évoquait quelque 4 000 patients de la clinique Harlow ; selon les dernières "
           "estimations, plus de 6 500 patients sont touchés.", 6500),
    # what a leaked attachment holds is the count, not the size of an organization
    ("en", "Harlow Council emailed a spreadsheet to the wrong person by mistake. Its two attachments covered "
           "3,118 residents.", 3118),
    ("fr", "Le conseil de Harlow a envoyé par erreur un tableur au mauvais destinataire. Les pièces jointes "
           "comptaient 3 118 habitants.", 3118),
])
def test_records_a_named_first_count_and_a_leaked_attachments_holding(annotate, lang, text, value):
    records = annotate(lang, text)._.breach.records
    assert (records.value if records is not None else None) == value
