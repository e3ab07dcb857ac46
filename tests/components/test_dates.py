"""Dates: normalized at the expression's granularity, resolved against `published`, with a role."""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from breachnlp.components.dates import date_rules
from breachnlp.taxonomy import LANGS

PUBLISHED = "2024-06-14"  # a Friday

CASES = [
    ("fr-month-last", "fr", "En mai dernier, la clinique Ormeau a été victime d'un piratage.", "occurred", "2024-05"),
    ("en-month-year", "en", "Ormeau Clinic was hacked in May 2024.", "occurred", "2024-05"),
    ("fr-day-no-year", "fr", "La clinique Ormeau a annoncé le 3 juin avoir été piratée.", "disclosed", "2024-06-03"),
    ("en-day-no-year", "en", "Ormeau Clinic announced on June 3 that it had been hacked.", "disclosed", "2024-06-03"),
    ("fr-this-weekday", "fr", "La clinique Ormeau a révélé ce jeudi la fuite de ses données.", "disclosed", "2024-06-13"),
    ("en-last-weekday", "en", "Ormeau Clinic disclosed the breach last Thursday.", "disclosed", "2024-06-13"),
    ("fr-yesterday", "fr", "La clinique Ormeau a détecté l'intrusion hier.", "discovered", "2024-06-13"),
    ("en-yesterday", "en", "Ormeau Clinic detected the intrusion yesterday.", "discovered", "2024-06-13"),
    ("fr-range", "fr", "Des pirates ont eu accès au réseau de la clinique Ormeau entre le 16 février et le 12 mai 2024.",
     "occurred", "2024-02-16/2024-05-12"),
    ("en-range", "en", "Hackers had access to Ormeau Clinic's network between Feb. 16 and May 12, 2024.",
     "occurred", "2024-02-16/2024-05-12"),
    ("fr-last-month", "fr", "La clinique Ormeau a été piratée le mois dernier.", "occurred", "2024-05"),
    ("en-last-month", "en", "Ormeau Clinic was hacked last month.", "occurred", "2024-05"),
    ("fr-partial", "fr", "La clinique Ormeau a subi une intrusion fin 2023.", "occurred", "2023"),
    ("en-season", "en", "Ormeau Clinic suffered an intrusion in the summer of 2021.", "occurred", "2021-06/2021-08"),
    ("fr-season", "fr", "Le laboratoire Vialis a subi une intrusion cet été.", "occurred", "2024-06/2024-08"),
    # a weekday opening a full date is part of it, not a weekday of its own
    ("fr-weekday-full-date", "fr", "Le jeudi 14 mars 2024, le laboratoire Vialis a été la cible d'une cyberattaque.",
     "occurred", "2024-03-14"),
    ("en-weekday-full-date", "en", "On Thursday, March 14, 2024, hackers broke into Vialis Labs.", "occurred", "2024-03-14"),
    ("fr-night-weekdays", "fr", "L'intrusion a eu lieu dans la nuit du vendredi 8 au samedi 9 mars chez Vialis.",
     "occurred", "2024-03-08/2024-03-09"),
    ("en-night-weekdays", "en", "The intrusion at Vialis Labs took place in the night of Friday 8 to Saturday 9 March.",
     "occurred", "2024-03-08/2024-03-09"),
    # a coarse lead refined by a finer date of the same role, even in a sentence that names no one
    ("en-coarse-then-fine", "en", "Vialis Labs said hackers hit its systems in the spring. Forensic experts found "
     "that the intruder first logged in on April 3.", "occurred", "2024-04-03"),
    ("fr-coarse-then-fine", "fr", "Le laboratoire Vialis a été piraté au printemps. Selon les experts, l'intrusion a "
     "commencé le 3 avril.", "occurred", "2024-04-03"),
]


@pytest.mark.parametrize("case_id,lang,text,role,value", CASES, ids=[c[0] for c in CASES])
def test_dates_role_and_value(annotate, case_id, lang, text, role, value):
    dates = annotate(lang, text, PUBLISHED)._.breach.date
    assert getattr(dates, role) == value


@pytest.mark.parametrize("lang,text", [
    ("fr", "La clinique Ormeau a été piratée. Les patients ont jusqu'au 30 juin pour réclamer. L'audience est fixée au 3 mai."),
    ("en", "Ormeau Clinic was hacked. Patients have until June 30 to enroll. A hearing is set for May 3."),
])
def test_dates_deadlines_and_courts_are_not_breach_dates(annotate, lang, text):
    assert annotate(lang, text, PUBLISHED)._.breach.date.primary is None


@pytest.mark.parametrize("lang,text", [
    ("fr", "La clinique Ormeau a été piratée en mai dernier."),
    ("en", "Ormeau Clinic was hacked last month."),
])
def test_dates_relative_without_anchor_keep_expression_but_no_value(annotate, lang, text):
    doc = annotate(lang, text, None)
    assert doc.spans["breach_dates"][0]._.date_norm is None
    assert doc.spans["breach_dates"][0]._.date_expr
    assert doc._.breach.date.primary is None


GRANULARITY = {"fr": ["{d} {m} {y}", "{m} {y}", "en {y}", "le {d} {m}", "en {m} dernier"],
               "en": ["{M} {d}, {y}", "{M} {y}", "in {y}", "on {M} {d}", "last {M}"]}
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


@settings(max_examples=300, deadline=None)
@given(published=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
       year=st.integers(2000, 2030), month=st.integers(1, 12), day=st.integers(1, 28),
       lang=st.sampled_from(LANGS), form=st.integers(0, 4))
def test_dates_resolved_value_is_never_finer_than_its_expression_nor_after_published(published, year, month, day, lang, form):
    template = GRANULARITY[lang][form]
    expr = template.format(d=day, m=FR_MONTHS[month - 1], M=EN_MONTHS[month - 1], y=year)
    found = [c for c in date_rules(lang).find(expr, published) if c.norm]
    assert found, expr
    value = found[0].norm
    has_day = "{d}" in template
    has_month = "{m}" in template or "{M}" in template
    assert len(value) <= (10 if has_day else 7 if has_month else 4)
    if "{y}" not in template:  # year inferred: never after publication
        assert value <= published.isoformat()


def assert_roles(dates, expected):
    """Every role of ``expected`` has its value in ``dates`` (a BreachDates)."""
    for role, value in expected.items():
        assert getattr(dates, role) == value, role


# Role attribution in sentences with several verbs: the cue of the date's own clause governs it.
CLAUSE_CASES = [
    ("fr-two-verbs-et", "fr", "La clinique Ormeau a découvert l'intrusion le 3 juin et l'a signalée à la CNIL le 7 juin.",
     {"discovered": "2024-06-03", "disclosed": "2024-06-07"}),
    ("en-two-verbs-and", "en", "Ormeau Clinic discovered the intrusion on June 3 and reported it to regulators on June 7.",
     {"discovered": "2024-06-03", "disclosed": "2024-06-07"}),
    ("fr-lorsque", "fr", "Les pirates se sont introduits dans le réseau d'Ormeau en mars et n'ont été repérés qu'en mai, "
     "lorsque l'hébergeur a signalé une anomalie.", {"occurred": "2024-03", "discovered": "2024-05"}),
    ("en-but-until", "en", "Ormeau said the intrusion occurred in March but went unnoticed until May, when its host "
     "reported odd traffic.", {"occurred": "2024-03", "discovered": "2024-05"}),
    ("fr-object-of-verb", "fr", "Le 4 juin, les équipes d'Ormeau ont découvert des serveurs chiffrés.", {"discovered": "2024-06-04"}),
    ("en-object-of-verb", "en", "Ormeau's staff identified ransomware on two servers on June 4.", {"discovered": "2024-06-04"}),
    ("fr-que-clause", "fr", "Ormeau a indiqué jeudi que des pirates avaient dérobé les données en avril.",
     {"disclosed": "2024-06-13", "occurred": "2024-04"}),
    ("en-that-clause", "en", "Ormeau told regulators on Thursday that hackers stole the data in April.",
     {"disclosed": "2024-06-13", "occurred": "2024-04"}),
    # a researcher coming upon an open server dates its discovery, whatever the tense; the server's
    # state ("open", "accessible") is no intrusion
    ("fr-tombe-sur", "fr", "Le 2 mai, une chercheuse tombe sur un serveur d'Ormeau librement accessible.",
     {"discovered": "2024-05-02", "occurred": None}),
    ("en-stumbled-upon", "en", "On May 2, a researcher stumbled upon an Ormeau server left open to anyone.",
     {"discovered": "2024-05-02", "occurred": None}),
    # a message sent to those affected is a disclosure
    ("en-sent-an-email", "en", "Ormeau sent its members an email on Tuesday about the stolen files.",
     {"disclosed": "2024-06-11"}),
    ("fr-envoye-un-courriel", "fr", "Ormeau a envoyé un courriel mardi à ses adhérents au sujet des fichiers volés.",
     {"disclosed": "2024-06-11"}),
    # detection verbs: "picked up" in the passive, "déceler"
    ("en-picked-up", "en", "Ormeau said in a statement on Thursday that unusual activity had been picked up on "
     "Tuesday in its billing system.", {"discovered": "2024-06-11", "disclosed": "2024-06-13"}),
    ("fr-decele", "fr", "Ormeau a indiqué jeudi dans un communiqué avoir décelé mardi une activité inhabituelle "
     "dans son système de facturation.", {"discovered": "2024-06-11", "disclosed": "2024-06-13"}),
    # realizing, raising the alarm, being told by a third party: a discovery, not a disclosure
    ("fr-s-en-etre-rendu-compte", "fr", "Le cabinet Lhermite dit s'en être rendu compte le 4 mars, puis a "
     "annoncé la fuite le 20 mars.", {"discovered": "2024-03-04", "disclosed": "2024-03-20"}),
    ("fr-donne-l-alerte", "fr", "C'est une patiente de la maison de santé Brévent qui a donné l'alerte, le 7 avril.",
     {"discovered": "2024-04-07", "disclosed": None}),
    ("fr-averti-par-un-tiers", "fr", "La commune de Saint-Yrieix a été avertie de l'intrusion le 12 mai par la "
     "gendarmerie.", {"discovered": "2024-05-12", "disclosed": None}),
    ("en-nobody-noticed-until", "en", "Nobody at Brevent Dental noticed until April 7, when the billing screens went "
     "blank.", {"discovered": "2024-04-07", "disclosed": None}),
    ("en-caught-the-mistake", "en", "The Lhermite Practice caught the mistake on March 4 and announced it on March 20.",
     {"discovered": "2024-03-04", "disclosed": "2024-03-20"}),
    ("en-told-by-a-vendor", "en", "The town of Saint Yrieix was notified on May 12 by its payroll contractor that "
     "files had been copied.", {"discovered": "2024-05-12", "disclosed": None}),
    # "X nous a prévenus" / "X notified us": the writer learned of it, a discovery
    ("fr-nous-a-prevenus", "fr", "C'est le 18 mai que notre prestataire Kestrel nous a prévenus de la perte de la "
     "clé contenant vos données.", {"discovered": "2024-05-18", "disclosed": None}),
    ("en-notified-us", "en", "Our vendor Kestrel notified us on May 18 that the drive holding your data was lost.",
     {"discovered": "2024-05-18", "disclosed": None}),
    # a message from the intruders themselves: the day the victim learned of it
    ("fr-recu-un-message-affirmant", "fr", "Le 21 mai, la mutuelle Sarrance a reçu un message d'un groupe prétendant "
     "avoir copié ses fichiers d'adhérents.", {"discovered": "2024-05-21", "occurred": None}),
    ("en-received-an-email-claiming", "en", "On May 21, Sarrance Mutual received an email from a gang claiming it had "
     "copied the member files.", {"discovered": "2024-05-21", "occurred": None}),
    # « exploiter » a business is running it; only a flaw exploited is an intrusion
    ("fr-exploite-des-magasins", "fr", "Depuis le 2 mai, le groupe Sarrance exploite trois pharmacies de plus.",
     {"occurred": None}),
    ("fr-exploite-une-faille", "fr", "Le 2 mai, des pirates ont exploité une faille du portail de la clinique "
     "Sarrance.", {"occurred": "2024-05-02"}),
    # a notice put out (« avis diffusé ») is a disclosure
    ("fr-avis-diffuse", "fr", "Un avis diffusé le 21 mai par la clinique Sarrance fait état de la perte de "
     "dossiers.", {"disclosed": "2024-05-21", "occurred": None}),
    # the incident as a modifier of the team that handles it is no occurrence ("incident response team")
    ("en-incident-response-team", "en", "Ormeau Clinic found the leak on May 3. Since May 6, an incident response "
     "team has been at work.", {"discovered": "2024-05-03", "occurred": None}),
    ("fr-gestion-de-l-incident", "fr", "La clinique Ormeau a découvert la fuite le 3 mai. Depuis le 6 mai, une cellule "
     "de gestion de l'incident est à pied d'œuvre.", {"discovered": "2024-05-03", "occurred": None}),
    # a public apology says the incident: its disclosure, not the mistake it apologizes for
    ("fr-presente-ses-excuses", "fr", "La pharmacie Brévent a présenté samedi ses excuses après qu'un stagiaire a "
     "posté par erreur la liste de 300 clients.", {"disclosed": "2024-06-08", "occurred": None}),
    ("en-apologised", "en", "Brevent Pharmacy apologised on Saturday after an intern mistakenly posted a list of 300 "
     "customers.", {"disclosed": "2024-06-08", "occurred": None}),
    # admitting the breach ("owned up", « a dû reconnaître ») is its disclosure
    ("fr-reconnaitre", "fr", "La clinique Ormeau a dû reconnaître samedi le vol de 3 000 dossiers de patients.",
     {"disclosed": "2024-06-08", "occurred": None}),
    ("en-owned-up", "en", "Ormeau Clinic owned up on Saturday to the theft of 3,000 patient files.",
     {"disclosed": "2024-06-08", "occurred": None}),
    # letters dated: the day they were sent, in the plural or after a comma too
    ("fr-lettres-datees", "fr", "Les lettres de la clinique Brévent, datées du 9 mai, disent qu'un intrus a consulté "
     "les dossiers de 4 200 patients.", {"disclosed": "2024-05-09", "occurred": None}),
    ("en-letters-comma-dated", "en", "Brevent Clinic's letters, dated May 9, say an intruder viewed the files of "
     "4,200 patients.", {"disclosed": "2024-05-09", "occurred": None}),
    # an insider opening records is the breach; the review that found it governs only its own clause
    ("en-opened-the-charts", "en", "Ormeau's review found that a clerk opened the charts of 212 patients from March "
     "2023 to January 2024.", {"occurred": "2023-03/2024-01"}),
    ("fr-ouvert-les-dossiers", "fr", "L'enquête d'Ormeau a établi qu'une secrétaire avait ouvert les dossiers de 212 "
     "patients de mars 2023 à janvier 2024.", {"occurred": "2023-03/2024-01"}),
]


@pytest.mark.parametrize("case_id,lang,text,expected", CLAUSE_CASES, ids=[c[0] for c in CLAUSE_CASES])
def test_dates_role_from_the_dates_own_clause(annotate, case_id, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text", [
    ("fr", "La CNIL a annoncé jeudi avoir infligé une amende de 50 000 euros à la clinique Ormeau."),
    ("en", "Regulators announced on Thursday that Ormeau Clinic agreed to pay a $50,000 penalty."),
])
def test_dates_announcing_a_sanction_is_no_breach_disclosure(annotate, lang, text):
    assert annotate(lang, text, PUBLISHED)._.breach.date.disclosed is None


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "D'après leur communiqué, les fichiers d'Ormeau ont été copiés le 2 juin.", {"occurred": "2024-06-02", "disclosed": None}),
    ("en", "Hackers copied Ormeau's files on June 2, according to a notice on its website.",
     {"occurred": "2024-06-02", "disclosed": None}),
])
def test_dates_the_source_of_a_fact_gives_no_role(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,value", [
    ("fr", "Le dossier partagé d'Ormeau était accessible à tous depuis mars.", "2024-03"),
    ("en", "Ormeau's shared folder had been viewable by anyone since March.", "2024-03"),
])
def test_dates_start_of_a_lasting_exposure_is_the_occurrence(annotate, lang, text, value):
    assert annotate(lang, text, PUBLISHED)._.breach.date.occurred == value


@pytest.mark.parametrize("lang,text,published,expected", [
    # a weekday restating the date before it is no date of its own; "le lendemain" follows the date
    ("fr", "Les pirates sont entrés chez Ormeau le 2 juin, un dimanche. L'attaque a été détectée le lendemain.",
     "2024-06-14", {"occurred": "2024-06-02", "discovered": "2024-06-03"}),
    ("en", "Hackers broke into Ormeau on June 2, a Sunday. Staff detected the attack the next day.",
     "2024-06-14", {"occurred": "2024-06-02", "discovered": "2024-06-03"}),
    # "the following Monday": the first Monday after the date before it (2025-01-10 is a Friday)
    ("fr", "Le 10 janvier 2025, un cambrioleur a volé un ordinateur d'Ormeau. Le personnel a découvert le vol le lundi suivant.",
     "2025-02-14", {"occurred": "2025-01-10", "discovered": "2025-01-13"}),
    ("en", "On January 10, 2025, a burglar stole an Ormeau laptop. Ormeau staff discovered the theft the following Monday.",
     "2025-02-14", {"occurred": "2025-01-10", "discovered": "2025-01-13"}),
    # a year-less range followed by "last year" takes that year
    ("en", "An attacker accessed Ormeau's portal from Dec. 3 to Dec. 19 last year.", "2024-02-29",
     {"occurred": "2023-12-03/2023-12-19"}),
    ("fr", "Un attaquant a accédé au portail d'Ormeau du 3 au 19 décembre l'an dernier.", "2024-02-29",
     {"occurred": "2023-12-03/2023-12-19"}),
    # a range of months, the first one without its year
    ("fr", "Entre janvier et mars 2021, des pirates ont extrait les données d'Ormeau.", "2024-06-14",
     {"occurred": "2021-01/2021-03"}),
    ("en", "Between January and March 2021, hackers extracted Ormeau's data.", "2024-06-14",
     {"occurred": "2021-01/2021-03"}),
    # a year qualifying the incident noun
    ("en", "Ormeau settles probe of its 2020 ransomware attack.", "2024-06-14", {"occurred": "2020"}),
    ("fr", "Ormeau solde l'enquête sur la cyberattaque de 2020.", "2024-06-14", {"occurred": "2020"}),
    # "last fall" written in October means the fall of the year before
    ("en", "Ormeau said the intrusion occurred last fall.", "2019-10-22", {"occurred": "2018-09/2018-11"}),
    ("fr", "Ormeau a indiqué que l'intrusion avait eu lieu l'automne dernier.", "2019-10-22",
     {"occurred": "2018-09/2018-11"}),
    # "over the weekend" written on a weekday: the Saturday and Sunday before (2023-10-18 is a Wednesday)
    ("en", "Ormeau Clinic was hit by ransomware over the weekend.", "2023-10-18", {"occurred": "2023-10-14/2023-10-15"}),
    ("fr", "La clinique Ormeau a été la cible d'un rançongiciel durant le week-end.", "2023-10-18",
     {"occurred": "2023-10-14/2023-10-15"}),
    # « cette dernière » before a weekday is "the latter", not "last": the weekday of the week written in
    # (2024-06-13 is a Thursday); "last Thursday" is the week before
    ("fr", "Des pirates ont volé des fichiers de la clinique Ormeau, a fait savoir cette dernière jeudi.",
     "2024-06-13", {"disclosed": "2024-06-13"}),
    ("en", "Hackers stole files of Ormeau Clinic, the clinic said last Thursday.", "2024-06-13",
     {"disclosed": "2024-06-06"}),
])
def test_dates_resolved_from_neighbouring_dates(annotate, lang, text, published, expected):
    assert_roles(annotate(lang, text, published)._.breach.date, expected)


def test_dates_the_last_weekday_of_a_month_is_in_that_month(annotate):
    found = annotate("en", "Ormeau Clinic found the intrusion on the last Thursday of May.", "2024-06-13")._.breach.date
    assert found.discovered is not None and found.discovered.startswith("2024-05")  # not "last Thursday", June 6


@pytest.mark.parametrize("lang,text,norms,disclosed", [
    # counted from the date before in the text; "three months later" stays a month
    ("fr", "Ormeau a découvert la fuite le 2 mars. Trois mois plus tard, la clinique a prévenu ses patients.",
     ["2024-03-02", "2024-06"], "2024-06"),
    ("en", "Ormeau discovered the leak on March 2. Three months later, the clinic notified its patients.",
     ["2024-03-02", "2024-06"], "2024-06"),
    # and back: "three days earlier"
    ("fr", "Le 14 mai, la régie Tessaly a prévenu ses abonnés ; un pirate s'était introduit dans son portail "
           "trois jours plus tôt.", ["2024-05-14", "2024-05-11"], "2024-05-14"),
    ("en", "On May 14 Tessaly Water wrote to its customers; an intruder had got into its billing portal three "
           "days earlier.", ["2024-05-14", "2024-05-11"], "2024-05-14"),
])
def test_dates_offsets_count_from_the_date_before(annotate, lang, text, norms, disclosed):
    doc = annotate(lang, text, PUBLISHED)
    assert [s._.date_norm for s in doc.spans["breach_dates"]] == norms
    assert doc._.breach.date.disclosed == disclosed


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'intrusion chez Ormeau a été repérée la semaine dernière, le 5 juin."),
    ("en", "Ormeau detected the intrusion last week, on June 5."),
])
def test_dates_finer_restatement_of_the_same_role_wins(annotate, lang, text):
    assert annotate(lang, text, PUBLISHED)._.breach.date.discovered == "2024-06-05"


@pytest.mark.parametrize("lang,text,expected", [
    # a bare season is the latest one begun by publication (14 June 2024: this spring)
    ("fr", "Un pirate s'est connecté à la messagerie de la clinique Ormeau au printemps.",
     {"occurred": "2024-03/2024-05"}),
    ("en", "A hacker logged into Ormeau Clinic's mailbox in the spring.", {"occurred": "2024-03/2024-05"}),
    # "a commencé mardi à prévenir": the start of the notification, not of the attack
    ("fr", "La clinique Ormeau a commencé mardi à prévenir ses patients.", {"disclosed": "2024-06-11", "occurred": None}),
    ("en", "Ormeau Clinic began on Tuesday notifying its patients.", {"disclosed": "2024-06-11", "occurred": None}),
    # opening hours are no dates: "du lundi au samedi", "Monday through Friday"
    ("fr", "La clinique Ormeau a été piratée en mai. La cellule d'écoute est joignable du lundi au samedi.",
     {"occurred": "2024-05", "disclosed": None, "discovered": None}),
    ("en", "Ormeau Clinic was hacked in May. The call center is open Monday through Friday.",
     {"occurred": "2024-05", "disclosed": None, "discovered": None}),
])
def test_dates_seasons_notification_starts_and_opening_hours(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text", [
    # opening an investigation is the response, not the intrusion
    ("fr", "Le 3 juin, la clinique Ormeau a découvert une intrusion. Elle a ouvert une enquête le jour même."),
    ("en", "On June 3, Ormeau Clinic discovered an intrusion. It began an investigation the same day."),
    ("fr", "Le 3 juin, la clinique Ormeau a découvert une intrusion. La CNIL a ouvert une procédure de contrôle le 5 juin."),
    ("en", "On June 3, Ormeau Clinic discovered an intrusion. The regulator opened a compliance review on June 5."),
])
def test_dates_opening_an_investigation_is_no_occurrence(annotate, lang, text):
    dates = annotate(lang, text, PUBLISHED)._.breach.date
    assert (dates.discovered, dates.occurred) == ("2024-06-03", None)


@pytest.mark.parametrize("lang,text,expected", [
    # a letter's date line is its disclosure date…
    ("fr", "Lyon, le 12 juin 2024\n\nMadame, Monsieur,\n\nNous avons constaté qu'un tiers a accédé à notre "
           "messagerie. Nous vous prions de nous excuser.\n\nLa direction de Vialis", "2024-06-12"),
    ("en", "June 12, 2024\n\nDear patient,\n\nWe are writing to let you know that an outsider accessed our "
           "email system. We apologize for any concern this may cause.\n\nVialis Labs", "2024-06-12"),
    # a month is a date line too
    ("fr", "Vialis – Service clients\nNantes, juin 2024\n\nObjet : accès à notre messagerie\n\nMadame, Monsieur,\n\n"
           "Un tiers a accédé à notre messagerie. Nous vous prions de nous excuser.\n\nLa direction de Vialis",
     "2024-06"),
    ("en", "Vialis Labs – Patient Services\nJune 2024\n\nDear patient,\n\nWe are writing to let you know that an "
           "outsider accessed our email system. We apologize for any concern this may cause.\n\nVialis Labs",
     "2024-06"),
    # …unless the letter dates an earlier announcement
    ("fr", "Lyon, le 12 juin 2024\n\nMadame, Monsieur,\n\nNous avons informé la CNIL le 2 mai de l'accès de "
           "tiers à notre messagerie. Nous vous prions de nous excuser.\n\nLa direction de Vialis", "2024-05-02"),
    ("en", "June 12, 2024\n\nDear patient,\n\nWe notified regulators on May 2 that an outsider accessed our "
           "email system. We apologize for any concern this may cause.\n\nVialis Labs", "2024-05-02"),
])
def test_dates_a_letters_date_line_is_its_fallback_disclosure_date(annotate, lang, text, expected):
    assert annotate(lang, text, PUBLISHED)._.breach.date.disclosed == expected


@pytest.mark.parametrize("lang,text,published", [
    # a wire dateline with its agency in brackets dates the dispatch, not the breach
    ("fr", "NAMUR, 12 juin 2024 (Belga) – La clinique Saint-Aubain a confirmé une fuite de données.", "2024-06-12"),
    ("en", "HOBART, June 12, 2024 (AAP) - Saint Aubain Clinic confirmed a data leak.", "2024-06-12"),
])
def test_dates_a_dateline_with_its_agency_is_no_breach_date(annotate, lang, text, published):
    assert annotate(lang, text, published)._.breach.date.occurred is None


@pytest.mark.parametrize("lang,text,expected", [
    # how old the data is says nothing of when the breach happened
    ("fr", "La clinique Saint-Aubain a été piratée le 3 juin. Les patients pris en charge entre janvier 2019 et "
           "mai 2023 sont concernés.", "2024-06-03"),
    ("en", "Saint Aubain Clinic was hacked on June 3. The stolen files cover orders placed between November 2018 "
           "and October 2020.", "2024-06-03"),
])
def test_dates_the_age_of_the_data_is_no_breach_date(annotate, lang, text, expected):
    assert annotate(lang, text, PUBLISHED)._.breach.date.occurred == expected


@pytest.mark.parametrize("lang,text", [
    # the age of the data written with a verb of the data ("the files date from", "orders placed between"),
    # the breach itself undated: no occurrence date; an incident that "dates from" a month still has one
    ("en", "Kestrel Labs said an intruder copied part of its archive. The stolen files date from March 2019, "
           "and the lab found the intrusion on May 2."),
    ("en", "Kestrel Labs said an intruder copied part of its archive. The affected data relates to orders placed "
           "between March 2019 and May 2021."),
    ("fr", "Le laboratoire Kestrel a indiqué qu'un intrus avait copié une partie de ses archives. Les dossiers "
           "volés datent de mars 2019, et le laboratoire a découvert l'intrusion le 2 mai."),
    # the verb of the data several words before the range ("treated in its emergency department between")
    ("en", "Kestrel Hospital said the laptop may have held files of patients treated in its emergency department "
           "between January 1 and August 26."),
    ("fr", "L'hôpital Kestrel indique que l'ordinateur pouvait contenir les fichiers de patients pris en charge dans "
           "son service des urgences entre le 1er janvier et le 26 août."),
])
def test_dates_the_age_of_the_data_told_by_its_verb_is_no_occurrence(annotate, lang, text):
    assert annotate(lang, text, PUBLISHED)._.breach.date.occurred is None


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Kestrel Labs said the earliest unauthorised access to its network dates back to March 2019.", "2019-03"),
    ("fr", "Selon le laboratoire Kestrel, le premier accès non autorisé à son réseau remonte à mars 2019.", "2019-03"),
])
def test_dates_an_intrusion_that_dates_back_to_a_month_occurred_then(annotate, lang, text, expected):
    assert annotate(lang, text, PUBLISHED)._.breach.date.occurred == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Le rançongiciel a frappé la clinique Saint-Aubain le 3 juin, et l'attaque a été repérée dans la "
           "foulée par le service informatique.", "2024-06-03"),
    ("en", "Ransomware hit Saint Aubain Clinic on June 3, and the attack was detected within the hour by its IT "
           "staff.", "2024-06-03"),
])
def test_dates_an_intrusion_found_at_once_dates_the_discovery_too(annotate, lang, text, expected):
    dates = annotate(lang, text, PUBLISHED)._.breach.date
    assert (dates.occurred, dates.discovered) == (expected, expected)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le 3 févr. 2024, la clinique Armand a été piratée."),   # an accented abbreviation ends no sentence
    ("en", "On Feb. 3, 2024, Armand Clinic was hacked."),
])
def test_dates_an_abbreviated_month_keeps_its_sentence_and_role(annotate, lang, text):
    assert annotate(lang, text, "2024-03-01")._.breach.date.occurred == "2024-02-03"


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Saint Aubain Clinic paid the hackers to unlock systems encrypted in an attack that began on June 5, "
           "its director said on Wednesday.", "2024-06-05"),
    ("fr", "La clinique Saint-Aubain a payé les pirates pour débloquer des systèmes chiffrés lors d'une attaque qui "
           "a commencé le 5 juin, a indiqué mercredi son directeur.", "2024-06-05"),
])
def test_dates_the_verb_of_a_relative_clause_governs_its_date(annotate, lang, text, expected):
    assert annotate(lang, text, PUBLISHED)._.breach.date.occurred == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "La clinique Saint-Aubain a confirmé une fuite de données touchant 900 patients.\n\n"
           "Lire aussi : La mairie de Varenne piratée en mars, 12 000 habitants concernés"),
    ("en", "Saint Aubain Clinic confirmed a data leak affecting 900 patients.\n\n"
           "Read more: Varenne council hacked in March, 12,000 residents affected"),
])
def test_dates_and_counts_of_a_read_more_line_are_another_story(annotate, lang, text):
    record = annotate(lang, text, PUBLISHED)._.breach
    assert record.date.occurred is None
    assert record.records.value == 900


@pytest.mark.parametrize("lang,text,expected", [
    # an attachment opened by an employee is the way in, not an opening ceremony
    ("en", "Hackers got into Ormeau Clinic after an employee opened a booby-trapped attachment in late April.",
     {"occurred": "2024-04"}),
    # letters sent to patients date the notification
    ("en", "Ormeau Clinic was hacked in April. In letters sent to patients this month, it said names were taken.",
     {"occurred": "2024-04", "disclosed": "2024-06"}),
    ("fr", "La clinique Ormeau a été piratée en avril. Dans des courriers envoyés aux patients ce mois-ci, elle "
           "indique que des noms ont été volés.", {"occurred": "2024-04", "disclosed": "2024-06"}),
])
def test_dates_an_opened_attachment_and_letters_sent_to_patients(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # coming to light is the discovery
    ("en", "The breach at Ormeau Clinic came to light on Tuesday, when a researcher flagged a forum post.",
     {"discovered": "2024-06-11", "occurred": None}),
    ("fr", "La fuite de la clinique Ormeau a été mise au jour mardi par un chercheur.",
     {"discovered": "2024-06-11", "occurred": None}),
    # the day the gang put the clinic on its leak blog is not the day of the intrusion
    ("en", "The gang added Ormeau Clinic to its leak blog on Tuesday.", {"occurred": None}),
])
def test_dates_coming_to_light_and_the_leak_blog(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # "the same day" refers to the last day an event was dated, not to the day of writing
    ("fr", "La clinique Ormeau a subi une cyberattaque le mardi 4 juin. Nous faisons aujourd'hui le point : "
           "l'intrusion a été repérée le jour même par notre prestataire.", "2024-06-04"),
    ("en", "Ormeau Clinic was hit by a cyberattack on Tuesday, June 4. We are giving an update today: the intrusion "
           "was spotted the same day by our provider.", "2024-06-04"),
])
def test_dates_the_same_day_is_the_event_day_not_the_day_of_writing(lang, text, expected):
    same_day = [c for c in date_rules(lang).find(text, date.fromisoformat(PUBLISHED)) if c.kind == "same_day"]
    assert [c.norm for c in same_day] == [expected]


@pytest.mark.parametrize("lang,text", [
    # learning of it through someone else is discovering it
    ("fr", "La fuite de données de la clinique Ormeau a été portée à notre connaissance le 3 juin."),
    ("en", "The data leak at Ormeau Clinic came to our attention on June 3."),
])
def test_dates_being_told_of_a_breach_is_its_discovery(annotate, lang, text):
    assert annotate(lang, text, PUBLISHED)._.breach.date.discovered == "2024-06-03"


@pytest.mark.parametrize("lang,text,expected", [
    # a press release's dateline is the organization's own statement: a disclosure date, even with the
    # wire service in slashes; a news wire's dateline stays the paper's
    ("fr", "COMMUNIQUÉ\n\nLYON, le 12 juin 2024 /CNW Telbec/ – Un accès non autorisé au serveur de la clinique "
           "Ormeau a eu lieu le 3 juin 2024.", "disclosed"),
    ("en", "PRESS RELEASE\n\nLYON, June 12, 2024 /PRNewswire/ – An unauthorized party accessed a server of Ormeau "
           "Clinic on June 3, 2024.", "disclosed"),
    ("fr", "LYON, 12 juin 2024 (AFP) – La clinique Ormeau a été victime d'un accès non autorisé le 3 juin 2024.", None),
    ("en", "LYON, June 12, 2024 (AFP) – Ormeau Clinic was hit by unauthorized access on June 3, 2024.", None),
])
def test_dates_a_press_release_dateline_is_its_disclosure(lang, text, expected):
    found = date_rules(lang).find(text, date.fromisoformat(PUBLISHED))
    dateline = next(c for c in found if c.norm == "2024-06-12")
    assert dateline.role == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a device lost or taken, a break-in, an intruder helping himself: the day it happened, even with a
    # notification verb nearer to it
    ("fr", "Le centre Ormeau a averti ses patients par courrier mardi : un ordinateur portable a été subtilisé "
           "le 2 mai dans ses bureaux.", {"occurred": "2024-05-02"}),
    ("en", "Ormeau Clinic told patients by letter on Tuesday that a laptop was swiped from its offices on May 2.",
     {"occurred": "2024-05-02"}),
    ("fr", "Une employée du laboratoire Ormeau a égaré une clé USB le 14 mai et l'a signalé le lendemain.",
     {"occurred": "2024-05-14"}),
    ("en", "A nurse at Ormeau Clinic misplaced a USB stick on May 14 and reported it the next day.",
     {"occurred": "2024-05-14"}),
    ("fr", "Dans la nuit du 20 mai, des inconnus sont entrés par effraction au cabinet Ormeau.", {"occurred": "2024-05-20"}),
    ("en", "On the night of May 20, burglars got into the Ormeau practice and took two computers.",
     {"occurred": "2024-05-20"}),
    ("fr", "Un intrus a pu se servir dans les serveurs de la mutuelle Ormeau entre le 3 et le 9 mars.",
     {"occurred": "2024-03-03/2024-03-09"}),
    # the last time a lost disk was seen dates the loss, not a repeat of the incident
    ("fr", "Le personnel du centre Ormeau a vu le disque pour la dernière fois fin avril.", {"occurred": "2024-04"}),
    ("en", "Staff at Ormeau Clinic last saw the backup drive in late April; it was last seen in the server room.",
     {"occurred": "2024-04"}),
])
def test_dates_a_lost_or_stolen_device_dates_the_occurrence(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # the day the letters went out is the disclosure, whatever the intrusion verb later in the sentence
    ("fr", "Les lettres aux patients de la clinique Ormeau sont parties le 3 juin, plus d'un an après l'intrusion.",
     {"disclosed": "2024-06-03"}),
    ("en", "Letters to Ormeau Clinic's patients went into the mail on June 3, more than a year after the intrusion.",
     {"disclosed": "2024-06-03"}),
    ("en", "Notices to the affected members of Ormeau Credit Union went out on June 3 after the attack.",
     {"disclosed": "2024-06-03"}),
])
def test_dates_letters_going_out_date_the_disclosure(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text", [
    # the day data were put on a forum or up for sale is no day of the intrusion
    ("fr", "Le message du vendeur date du 12 mai, mais la fuite de la mutuelle Ormeau n'a fait du bruit que plus tard."),
    ("fr", "Les fichiers de la mutuelle Ormeau ont été balancés sur un forum le 12 mai."),
    ("en", "The seller's listing is dated May 12, but the Ormeau Credit Union leak only drew attention later."),
    ("en", "Someone dumped the Ormeau Credit Union files on a hacking forum on May 12."),
])
def test_dates_the_day_data_were_posted_is_no_occurrence(annotate, lang, text):
    assert annotate(lang, text, PUBLISHED)._.breach.date.occurred is None


@pytest.mark.parametrize("lang,text,expected", [
    # a notice the organization posted on its own site is its disclosure
    ("fr", "Dans un avis publié sur son site le 5 juin, la mutuelle Ormeau reconnaît le vol de fichiers.", "2024-06-05"),
    ("en", "In a notice posted on its website on June 5, Ormeau Credit Union admitted that files were stolen.",
     "2024-06-05"),
])
def test_dates_a_notice_on_the_organizations_own_site_is_its_disclosure(annotate, lang, text, expected):
    assert annotate(lang, text, PUBLISHED)._.breach.date.disclosed == expected


@pytest.mark.parametrize("lang,text,published,expected", [
    # a holiday on a fixed day is that day, in the year that puts it before publication unless written
    ("en", "Ormeau Clinic was hit by ransomware last Christmas Day and told patients on January 20.", "2024-02-01",
     {"occurred": "2023-12-25", "disclosed": "2024-01-20"}),
    ("fr", "La mutuelle Ormeau a été piratée la nuit de Noël et a prévenu ses adhérents le 20 janvier.", "2024-02-01",
     {"occurred": "2023-12-24", "disclosed": "2024-01-20"}),
    ("en", "Intruders got into Ormeau Clinic's network on New Year's Eve 2021.", "2024-02-01", {"occurred": "2021-12-31"}),
    ("fr", "Des pirates se sont introduits dans le réseau de la clinique Ormeau à la Saint-Sylvestre 2021.", "2024-02-01",
     {"occurred": "2021-12-31"}),
    # malicious software spreading is the intrusion
    ("en", "In March 2022, malware spread through Ormeau Clinic's network.", "2024-02-01", {"occurred": "2022-03"}),
    ("fr", "En mars 2022, un logiciel malveillant s'est propagé dans le réseau de la clinique Ormeau.", "2024-02-01",
     {"occurred": "2022-03"}),
])
def test_dates_holidays_and_malware(annotate, lang, text, published, expected):
    assert_roles(annotate(lang, text, published)._.breach.date, expected)


def test_dates_noel_alone_is_a_first_name_not_christmas():
    found = date_rules("fr").find("Noël Dupont dirige la clinique Ormeau depuis dix ans.", date.fromisoformat(PUBLISHED))
    assert [c.kind for c in found if c.kind == "holiday"] == []


@pytest.mark.parametrize("lang,text,published,expected", [
    # "au tout début du mois d'août" is August; "sept semaines" is seven weeks, no September
    ("fr", "Près de sept semaines plus tard, la mutuelle Ormeau rappelle que l'attaque a frappé au tout début du "
           "mois d'août.", "2024-09-20", {"occurred": "2024-08"}),
    # British spelling, and learning of it in a reported clause
    ("en", "Ormeau Surgery did not realise anything was wrong until March 2024, when patients complained.",
     "2024-06-14", {"discovered": "2024-03"}),
    ("fr", "La mutuelle Ormeau dit l'avoir appris le 13 mai.", "2024-06-14", {"discovered": "2024-05-13"}),
])
def test_dates_elided_months_number_words_and_spellings(annotate, lang, text, published, expected):
    assert_roles(annotate(lang, text, published)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a ransom deadline, a police complaint, the day files went offline, a newspaper's article: no occurrence
    ("fr", "Les pirates de la mutuelle Ormeau avaient fixé une deadline au mardi 11 juin.", {"occurred": None}),
    ("en", "The gang gave Ormeau Credit Union an ultimatum that ran out on Tuesday, June 11.", {"occurred": None}),
    ("fr", "La clinique Ormeau, dont les dossiers ont été aspirés, a déposé plainte le 8 juin.", {"occurred": None}),
    ("en", "Ormeau Clinic, whose files were stolen, filed a complaint with the police on June 8.", {"occurred": None}),
    ("fr", "Le 5 juin, les fichiers de la clinique Ormeau n'étaient plus accessibles.", {"occurred": None}),
    ("en", "By the evening of June 5 the Ormeau Clinic files were no longer exposed.", {"occurred": None}),
    ("fr", "Dans un article mis en ligne mercredi par un quotidien, un pirate dit avoir visé la clinique Ormeau.",
     {"occurred": None}),
    # learning of it, however the verb is inflected, is the discovery; "a-t-elle fait savoir" a disclosure
    ("fr", "La clinique Ormeau dit avoir pris connaissance de l'incident le 31 mai.", {"discovered": "2024-05-31"}),
    ("fr", "Des données d'étudiants ont été volées, a-t-elle fait savoir vendredi.", {"disclosed": "2024-06-14"}),
])
def test_dates_deadlines_complaints_and_articles_are_no_occurrence(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # an update recalling the newspaper's own earlier story: that story's date is no breach date
    ("en", "Update: this story follows our March 4 report on the ransomware attack at Ormeau Dental, which had not "
           "said how many patients were affected.", {"occurred": None}),
    ("en", "As we reported on Monday, a ransomware attack hit Ormeau Dental.", {"occurred": None, "disclosed": None}),
    ("fr", "Mise à jour – Dans notre édition du 4 mars, nous évoquions un piratage du cabinet Ormeau. Le cabinet "
           "indique désormais que l'intrusion a commencé le 20 février.", {"occurred": "2024-02-20"}),
    ("fr", "Comme nous le rapportions lundi, les patients du cabinet Ormeau sont privés de leurs dossiers depuis "
           "une cyberattaque.", {"occurred": None}),
    # but in a letter "nous" is the organization: its own announcement is the disclosure
    ("fr", "Madame, Monsieur,\n\nComme nous l'avons annoncé publiquement le mardi 4 juin, notre mutuelle a été la "
           "cible d'une cyberattaque.", {"disclosed": "2024-06-04"}),
])
def test_dates_the_papers_own_earlier_story_is_no_breach_date(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # customers told by email or letter: the disclosure, not a misdirected email
    ("en", "Customers Ormeau Pharmacy thinks were affected were emailed directly on Tuesday.",
     {"disclosed": "2024-06-11", "occurred": None}),
    ("en", "In an email sent to customers on Tuesday, Ormeau Pharmacy said a server was stolen in May.",
     {"disclosed": "2024-06-11"}),
    ("en", "My husband got the breach letter from Ormeau ENT on Tuesday.", {"disclosed": "2024-06-11"}),
    ("fr", "Les clients de la pharmacie Ormeau ont été prévenus par courriel mardi.", {"disclosed": "2024-06-11"}),
    ("fr", "Ma femme a reçu le courrier de la clinique Ormeau mardi.", {"disclosed": "2024-06-11"}),
    # being approached by the extortionist is how the company found out
    ("en", "Ormeau Pharmacy said it was contacted on Monday evening by an individual demanding a ransom.",
     {"discovered": "2024-06-10"}),
])
def test_dates_people_told_by_email_or_letter_date_the_disclosure(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,published,expr,norm", [
    # a weekday written with a day that has no year says which year: a deadline five days ahead
    ("fr", "Les pirates menacent de tout publier le samedi 25 janvier si la clinique Ormeau ne paie pas.",
     "2025-01-20", "samedi 25 janvier", "2025-01-25"),
    ("en", "The gang gave Ormeau Clinic until Saturday, January 25 to pay.", "2025-01-20",
     "Saturday, January 25", "2025-01-25"),
    # a day just past keeps the year its weekday agrees with
    ("en", "Ormeau Clinic found the intrusion on Thursday, January 16.", "2025-01-20", "Thursday, January 16",
     "2025-01-16"),
    ("fr", "La clinique Ormeau a découvert l'intrusion le jeudi 25 janvier.", "2024-02-02", "jeudi 25 janvier",
     "2024-01-25"),
    # a story told years later: the weekday agrees with a year the text wrote before it, not with
    # one around publication
    ("en", "Looking back at the Ormeau Clinic attack.\n\nA clerk saw the locked files on Tuesday, March 7, 2017. "
           "The town hall closed for a week.\n\nThe intruders had struck overnight into Sunday, March 5, encrypting "
           "the shared drive.", "2021-09-12", "Sunday, March 5", "2017-03-05"),
    ("fr", "Retour sur l'attaque de la clinique Ormeau.\n\nUne employée a vu les fichiers bloqués le mardi 7 mars "
           "2017. La mairie a fermé une semaine.\n\nLes pirates avaient frappé le dimanche 5 mars, en chiffrant le "
           "disque partagé.", "2021-09-12", "dimanche 5 mars", "2017-03-05"),
])
def test_dates_a_written_weekday_settles_the_year(annotate, lang, text, published, expr, norm):
    doc = annotate(lang, text, published)
    assert [s._.date_norm for s in doc.spans["breach_dates"] if s.text == expr] == [norm]


@pytest.mark.parametrize("lang,text", [
    # a passage opened by "not the first time" tells an earlier incident until the paragraph ends
    ("en", "Ormeau Clinic said hackers copied patient files, it told patients on Tuesday.\n\nIt is not the first "
           "time the clinic's systems were breached. In 2019, an intruder took billing records from a server."),
    ("fr", "La clinique Ormeau a indiqué mardi que des pirates avaient copié des dossiers de patients.\n\nCe n'est pas "
           "la première fois. En 2019, un intrus avait emporté des fichiers de facturation d'un serveur."),
    # "the alert is not the first": the same opener with the incident as its subject
    ("en", "Ormeau Clinic said hackers copied patient files, it told patients on Tuesday.\n\nThe scare is not the "
           "first. In 2019, an outsider had access to the clinic's booking platform for weeks."),
    ("fr", "La clinique Ormeau a indiqué mardi que des pirates avaient copié des dossiers de patients.\n\nL'alerte "
           "n'est pas la première. En 2019, un inconnu avait accès à la plateforme de rendez-vous de la clinique."),
])
def test_dates_a_passage_about_an_earlier_incident_dates_no_occurrence(annotate, lang, text):
    dates = annotate(lang, text, PUBLISHED)._.breach.date
    assert dates.occurred is None
    assert dates.disclosed == "2024-06-11"


@pytest.mark.parametrize("lang,text,expected", [
    # beginning to mail letters dates the disclosure, not the start of the intrusion
    ("en", "Arvel Health began on May 22 mailing letters to some patients after an intrusion into an employee mailbox.",
     {"disclosed": "2024-05-22", "occurred": None}),
    ("fr", "La clinique Arvel a commencé le 22 mai à poster des lettres à certains patients après une intrusion dans "
           "une messagerie.", {"disclosed": "2024-05-22", "occurred": None}),
    # an attack that began on a day still dates the intrusion
    ("en", "The attack on Arvel Health began on May 3, affecting its mail servers.", {"occurred": "2024-05-03"}),
    ("fr", "L'attaque contre la clinique Arvel a commencé le 3 mai, touchant ses serveurs de messagerie.",
     {"occurred": "2024-05-03"}),
])
def test_dates_beginning_to_mail_letters_is_the_disclosure(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # what an internal review established dates neither a disclosure nor a discovery; the first detection does
    ("en", "On May 3, Arvel Clinic noticed suspicious activity on its network. On June 2, its review confirmed that "
           "the files held patients' names.", {"discovered": "2024-05-03", "disclosed": None}),
    ("fr", "Le 3 mai, la clinique Arvel a remarqué une activité suspecte sur son réseau. L'examen des fichiers, "
           "terminé le 2 juin, a confirmé que les noms des patients y figuraient.",
     {"discovered": "2024-05-03", "disclosed": None}),
])
def test_dates_an_internal_review_is_no_disclosure(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a phishing email received is how the intrusion began, not a breach letter received
    ("en", "On December 13, one of Arvel Health's employees received a malicious email. We discovered the compromise "
           "on December 15.", {"occurred": "2023-12-13", "discovered": "2023-12-15", "disclosed": None}),
    ("fr", "Le 13 décembre, un employé de la clinique Arvel a reçu un courriel piégé. Nous avons découvert la "
           "compromission le 15 décembre.", {"occurred": "2023-12-13", "discovered": "2023-12-15", "disclosed": None}),
])
def test_dates_a_phishing_email_received_is_the_intrusion(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a window whose end is written "remained … until" is one window; a detection clause after its
    # end makes that end the discovery day
    ("en", "Investigators at Thornbury Dental say an intruder entered its network on March 2 and remained there until "
           "April 19, when the IT contractor spotted the rogue account. Patients were told on May 30.",
     {"occurred": "2024-03-02/2024-04-19", "discovered": "2024-04-19", "disclosed": "2024-05-30"}),
    ("fr", "Selon l'enquête, les pirates se sont introduits chez Optique Marlin le 2 mars et ont conservé l'accès "
           "jusqu'au 19 avril, jour où le prestataire a repéré le compte suspect. Les clients ont été avertis le 30 mai.",
     {"occurred": "2024-03-02/2024-04-19", "discovered": "2024-04-19", "disclosed": "2024-05-30"}),
    ("en", "Someone was inside the Kelby Eye Care network from February 11 to March 8, which is the day staff "
           "detected the intrusion.", {"occurred": "2024-02-11/2024-03-08", "discovered": "2024-03-08"}),
    ("fr", "Un intrus a circulé dans le réseau du cabinet Vernier du 11 février au 8 mars, date à laquelle "
           "l'équipe a détecté l'intrusion.", {"occurred": "2024-02-11/2024-03-08", "discovered": "2024-03-08"}),
    # a bare "until" stays a deadline, and a window without a detection clause gives no discovery day
    ("en", "Hackers were in Kelby Eye Care's systems between February 11 and March 8. Patients have until July 31 "
           "to sign up for monitoring.", {"occurred": "2024-02-11/2024-03-08", "discovered": None}),
    # data left exposed "from <a month> last year until …": one window, not "April last" and a deadline
    ("en", "The Kelby Eye Care backup server sat exposed to the internet from April last year until March 14, when "
           "a researcher reported it.", {"occurred": "2023-04/2024-03-14"}),
    ("fr", "Les fichiers du cabinet Vernier sont restés accessibles en ligne d'avril l'an dernier jusqu'au 14 mars.",
     {"occurred": "2023-04/2024-03-14"}),
    # an intrusion told with a verb and its particle, a message forwarded: the day it happened
    ("en", "An outsider managed to get into a Kelby Eye Care mailbox on February 11.", {"occurred": "2024-02-11"}),
    ("en", "On February 11 a Kelby Eye Care clerk forwarded a patient list to a personal address.",
     {"occurred": "2024-02-11"}),
    ("fr", "Le 11 février, une secrétaire du cabinet Vernier a fait suivre la liste des patients vers sa messagerie "
           "personnelle.", {"occurred": "2024-02-11"}),
    # a detection the text denies ("someone it has not identified") dates no discovery: the break-in it tells does
    ("en", "Kelby Eye Care said someone it has not identified broke into a staff mailbox in February.",
     {"occurred": "2024-02", "discovered": None}),
    ("fr", "Le cabinet Vernier indique qu'un pirate qu'il n'a pas identifié s'est introduit dans une messagerie en "
           "février.", {"occurred": "2024-02", "discovered": None}),
])
def test_dates_an_intrusion_window_and_the_day_it_was_found(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a night written as two days, with an hour after midnight: the second day; without one: the night
    ("fr", "Le centre de radiologie Ambre a été frappé par un rançongiciel dans la nuit du 6 au 7 avril, vers 4 h 20.",
     {"occurred": "2024-04-07"}),
    ("en", "Harlow Imaging was hit by ransomware overnight from April 6 to April 7, at around 3:40 a.m.",
     {"occurred": "2024-04-07"}),
    ("fr", "Le centre de radiologie Ambre a été frappé par un rançongiciel dans la nuit du 6 au 7 avril.",
     {"occurred": "2024-04-06/2024-04-07"}),
    # "au petit matin" dates when the attack was found, not an hour of the night it came
    ("fr", "L'attaque a eu lieu dans la nuit du samedi 6 au dimanche 7 avril et a été repérée au petit matin du "
           "dimanche.", {"occurred": "2024-04-06/2024-04-07"}),
    # the same night, detected: that day is the discovery day too
    ("fr", "Le centre Ambre a été visé par une intrusion dans la nuit du 6 au 7 avril. Repérée la nuit même, "
           "l'attaque a été contenue.", {"discovered": "2024-04-07"}),
])
def test_dates_a_night_and_the_hour_after_midnight(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # two coordinated verbs before the incident noun: the first verb governs the date
    ("en", "Brennan Pharmacy's security team detected and contained the intrusion on May 9.",
     {"occurred": None, "discovered": "2024-05-09"}),
    ("fr", "L'équipe de la pharmacie Brennan a détecté puis bloqué l'intrusion le 9 mai.",
     {"occurred": None, "discovered": "2024-05-09"}),
])
def test_dates_a_verb_coordinated_before_its_object_keeps_the_role(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a disclosure cue written around the date ("began on June 21 to write to members") governs it
    ("en", "Pellor Dental Plans began on June 3 to write to its members: an intruder had been in its servers "
           "since 2019.", {"disclosed": "2024-06-03"}),
    ("fr", "La mutuelle Pellor a commencé le 3 juin à écrire à ses adhérents : un intrus avait accès à ses "
           "serveurs depuis le 14 mars 2019.", {"disclosed": "2024-06-03"}),
])
def test_dates_a_cue_written_around_the_date_governs_it(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a day without its year told after a full date goes on in order: past that date, into the next year;
    # a past perfect tells an earlier event and keeps the year written; a review that ended dates nothing
    ("en", "Tarrow Counseling became aware of the intrusion on October 6, 2023. Its review, completed on April 15, "
           "found that files were copied. Letters went out on May 2.",
     {"discovered": "2023-10-06", "disclosed": "2024-05-02"}),
    ("fr", "Le centre Tarrow a détecté l'intrusion le 6 octobre 2023. L'enquête, terminée le 15 avril, a établi "
           "que des fichiers avaient été copiés. Les lettres sont parties le 2 mai.",
     {"discovered": "2023-10-06", "disclosed": "2024-05-02"}),
    ("en", "Tarrow Counseling became aware of the breach on October 6, 2023. The intrusion had begun on April 15.",
     {"occurred": "2023-04-15", "discovered": "2023-10-06"}),
])
def test_dates_a_day_without_its_year_follows_the_story_in_order(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # someone warning the management is how the organization found out; the first post going out is the disclosure
    ("fr", "Le 6 juin, un ancien salarié a prévenu la direction du centre Tarrow que la liste circulait en ligne.",
     {"discovered": "2024-06-06", "disclosed": None}),
    ("en", "Tarrow Games said intruders got in on May 3. Its first tweet about the breach went out on June 6.",
     {"occurred": "2024-05-03", "disclosed": "2024-06-06"}),
])
def test_dates_a_warning_to_the_management_and_a_first_post(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a verb of notifying whose object is the organization itself (its management, "the company") is
    # the organization learning of it, whoever the victim is named as
    ("en", "On March 12, a former contractor warned the management of Kelso Dental Group that its patient "
           "list was on sale.", {"discovered": "2024-03-12", "disclosed": None}),
    ("fr", "Le 12 mars, un ancien prestataire a averti la direction du cabinet Kelso que sa liste de patients "
           "était en vente.", {"discovered": "2024-03-12", "disclosed": None}),
])
def test_dates_notifying_the_organization_is_its_discovery(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)


@pytest.mark.parametrize("lang,text,expected", [
    # a timeline's items: the colon after the day ends the label, and the next line is the next item,
    # not the end of a range
    ("en", "Timeline of the Orvane Clinic hack:\n- may 2: staff discover the intrusion\n- the next day\n"
           "- may 9: Orvane Clinic announces the breach",
     {"discovered": "2024-05-02", "disclosed": "2024-05-09"}),
    ("fr", "Chronologie du piratage de la clinique Orvane :\n- 2 mai : le personnel découvre l'intrusion\n"
           "- le lendemain\n- 9 mai : la clinique Orvane annonce la fuite",
     {"discovered": "2024-05-02", "disclosed": "2024-05-09"}),
])
def test_dates_a_timeline_gives_each_item_its_date(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, PUBLISHED)._.breach.date, expected)



@pytest.mark.parametrize("lang,text,first", [
    # a first or earlier announcement told in the date's sentence: a feature of the fitted choice
    ("fr", "La mutuelle Ormeau avait annoncé l'intrusion dès le 21 mai sur son site.", True),
    ("fr", "Un premier communiqué du laboratoire Kestrel, le 2 mai, évoquait seulement une panne.", True),
    ("fr", "La mutuelle Ormeau a précisé lundi 10 juin que 8 200 adhérents étaient touchés.", False),
    ("fr", "Les pirates avaient pénétré le réseau de la mutuelle Ormeau le 21 mai.", False),
    ("en", "Ormeau Credit Union had first disclosed the intrusion on May 21 on its website.", True),
    ("en", "Kestrel Labs' initial statement, on May 2, spoke only of an outage.", True),
    ("en", "Ormeau Credit Union said on June 10 that 8,200 members were affected.", False),
    ("en", "The attackers had entered the Ormeau Credit Union network on May 21.", False),
])
def test_dates_a_first_announcement_is_marked_for_the_choice(annotate, lang, text, first):
    doc = annotate(lang, text, PUBLISHED)
    dated = [s for s in doc.spans["breach_dates"] if s._.date_norm]
    assert dated and all(s._.breach_features["first_report"] is first for s in dated)


@pytest.mark.parametrize("lang", LANGS)
def test_dates_the_fitted_choice_prefers_a_first_announcement_as_the_disclosure(lang):
    from breachnlp.resources import read_resource
    weights = read_resource(lang, "weights")["date_choice"]
    assert weights["disclosed"]["weights"]["first_report"] > 0 > weights["occurred"]["weights"]["first_report"]


@pytest.mark.parametrize("lang,text,expected", [
    # a letter dated under its signature ("Sion, le 19 avril 2024" as its last line): its disclosure date
    ("en", "Dear patient,\n\nWe are writing to let you know that on March 2, 2024 we found that an intruder had "
           "copied files from our billing server. We have since reset every password.\n\nSincerely,\n\n"
           "Harbor Lane Dental\nColumbus, Ohio\n\nApril 19, 2024\n", "2024-04-19"),
    ("fr", "Madame, Monsieur,\n\nNous vous informons que le 2 mars 2024 nous avons constaté qu'un intrus avait "
           "copié des fichiers de notre serveur de facturation. Nous avons depuis changé tous les mots de passe.\n\n"
           "Veuillez agréer nos salutations distinguées.\n\nLa direction\nCabinet dentaire Rochat\n\n"
           "Sion, le 19 avril 2024\n", "2024-04-19"),
])
def test_dates_a_letter_dated_under_its_signature_is_its_disclosure(annotate, lang, text, expected):
    assert annotate(lang, text, "2024-04-22")._.breach.date.disclosed == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a clause that telling someone reports dates what was told, as one a verb of saying reports
    ("en", "Korvane Foods told the regulator on 6 December that it had been hit on 24 November.",
     {"occurred": "2023-11-24", "discovered": None, "disclosed": "2023-12-06"}),
    ("fr", "Korvane Foods a indiqué au régulateur le 6 décembre qu'elle avait été piratée le 24 novembre.",
     {"occurred": "2023-11-24", "discovered": None, "disclosed": "2023-12-06"}),
])
def test_dates_a_clause_told_to_someone_dates_its_own_event(annotate, lang, text, expected):
    assert_roles(annotate(lang, text, "2023-12-20")._.breach.date, expected)


@pytest.mark.parametrize("lang,text", [
    # the intrusion has lasted since a date: that date is its occurrence, even where an announcement follows
    ("fr", "Onze cliniques du groupe Norlenia sont paralysées par un rançongiciel depuis le samedi 12 avril, a "
           "confirmé mercredi l'entreprise."),
    ("en", "Eleven clinics of Norlenia Health have been crippled by ransomware since Saturday, April 12, the "
           "company confirmed on Wednesday."),
])
def test_dates_a_date_the_intrusion_lasts_since_is_its_occurrence(lang, text):
    from breachnlp import extract

    result = extract(text, lang=lang, published="2025-04-16")
    assert result.date.occurred == "2025-04-12" and result.date.disclosed == "2025-04-16"


@pytest.mark.parametrize("lang,text", [
    # a statute's date (« loi n° 78-17 du 6 janvier 1978 », "Act of 12 March 1998") dates no breach
    ("fr", "Vu la loi n° 78-17 du 6 janvier 1978 modifiée ; vu le règlement (UE) 2016/679 du 27 avril 2016. "
           "La société Norvane a subi une intrusion dans ses serveurs, au cours de laquelle les noms de 3 000 clients "
           "ont été copiés."),
    ("en", "Under the Data Protection Act of 12 March 1998 and Regulation (EU) 2016/679 of 27 April 2016, Norvane "
           "Ltd suffered an intrusion into its servers, in which the names of 3,000 customers were copied."),
])
def test_dates_a_statutes_date_is_no_breach_date(lang, text):
    from breachnlp import extract

    result = extract(text, lang=lang, published="2025-04-16")
    assert result.date.occurred is None and result.date.discovered is None


@pytest.mark.parametrize("lang,text", [
    # the discovery's date is also the intrusion's where a predicate of occurrence governs it
    ("fr", "Lettre de la clinique Norvane.\n\nLe 3 mai 2024, nous avons constaté une activité inhabituelle sur le poste "
           "d'un employé, activité qui s'était produite le jour même. Les noms de 900 patients ont pu être consultés."),
    ("en", "Letter from Norvane Clinic.\n\nOn May 3, 2024, we became aware of unusual activity on an employee's "
           "workstation, activity that had taken place that same day. The names of 900 patients may have been "
           "viewed."),
])
def test_dates_a_discovery_date_governed_by_an_occurrence_is_both(lang, text):
    from breachnlp import extract

    result = extract(text, lang=lang, published="2024-06-14")
    assert result.date.discovered == "2024-05-03" and result.date.occurred == "2024-05-03"


@pytest.mark.parametrize("lang,text", [
    # a date under a disclosure word whose verb says the writer learned of it ("we were notified")
    # leaves the letter's own date as the disclosure
    ("en", "Kestrel Valley Pediatrics\n\nApril 22, 2024\n\nDear Parent or Guardian,\n\nOn March 3, 2024, we were "
           "notified by our billing vendor that an unauthorized person had accessed a server holding your child's "
           "name and date of birth. We are writing to tell you what happened and what we are doing about it."),
    ("fr", "Cabinet pédiatrique du Val Kestrel\n\nLe 22 avril 2024\n\nMadame, Monsieur,\n\nLe 3 mars 2024, nous "
           "avons été avertis par notre prestataire de facturation qu'une personne non autorisée avait accédé à un "
           "serveur contenant le nom et la date de naissance de votre enfant. Nous vous écrivons pour vous dire ce "
           "qui s'est passé et ce que nous faisons."),
])
def test_dates_a_notice_the_writer_received_leaves_the_letter_date_the_disclosure(annotate, lang, text):
    dates = annotate(lang, text, "2024-04-25")._.breach.date
    assert dates.disclosed == "2024-04-22"


@pytest.mark.parametrize("lang,text,expected", [
    # a message gone to the wrong people is the incident: its sending or receipt dates the occurrence…
    ("en", "The Harbury Trust apologised on March 12. A staff member sent a newsletter to 900 patients on March 3 "
           "with every address in the CC field instead of BCC.", ("2024-03-03", "2024-03-12")),
    ("fr", "La mutuelle Orvalis a présenté ses excuses. Les 1 200 adhérents ont reçu, le lundi 4 mars, un courriel "
           "où toutes les adresses figuraient en copie visible.", ("2024-03-04", None)),
    # …not the message that tells of it
    ("en", "A clerk at Dunmore Council emailed a spreadsheet of tenants' incomes to the wrong distribution list on "
           "May 6. The council sent an email to those affected on May 20 to apologise.", ("2024-05-06", "2024-05-20")),
    ("fr", "Le 6 mai, une secrétaire de la mairie de Vaubrun a transmis par erreur un fichier de locataires à une "
           "liste de diffusion. La mairie a envoyé un courriel aux personnes concernées le 20 mai pour s'excuser.",
     ("2024-05-06", "2024-05-20")),
])
def test_dates_a_message_sent_astray_is_the_incident(annotate, lang, text, expected):
    date = annotate(lang, text, "2024-06-14")._.breach.date
    assert (date.occurred, date.disclosed) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a not-breach word in another clause (a relative on the speaker) does not rule out the date the
    # verb of saying governs
    ("fr", "Des pirates ont pris en otage les fichiers du laboratoire Biodelta, ont dénoncé jeudi ses dirigeants, qui "
           "ont porté plainte. Les résultats d'examens de 3 000 patients sont concernés.", ("2023-10-12", None)),
    ("en", "Hackers broke into the servers of Harwick Dental Group, its owner stated on Thursday, adding that a "
           "police complaint has been filed. The records of 3,000 patients were copied.", ("2023-10-12", None)),
    # a relative opened by its subject or object ("which", « qui ») takes up a thing: hung on the date
    # by the parse, it does not date its own verb
    ("fr", "Une intrusion a visé les serveurs du laboratoire d'analyses Biodelta, a affirmé jeudi sa directrice, qui "
           "a déposé plainte auprès de la gendarmerie. Les résultats d'examens de 3 000 patients ont été copiés.",
     ("2023-10-12", None)),
    # the verb the date hangs on tells its role, not the nearest cue, another clause's verb
    ("fr", "Le réseau du conseil départemental de l'Avrenne reste coupé après une attaque informatique survenue "
           "vendredi, que le président a qualifiée lundi de « la plus grave de son histoire ». Les dossiers d'aide "
           "sociale sont inaccessibles.", ("2023-10-09", "2023-10-13")),
    ("en", "Pellham Borough Council is still offline after a cyberattack that hit its network on Friday, which the "
           "council's chief executive described on Monday as the worst in its history. Tenants' benefit files cannot "
           "be reached.", ("2023-10-09", "2023-10-13")),
    ("en", "The insurer Corvel Mutual is still offline after an outage that started on Monday, which the company's "
           "spokesman stated on Wednesday was a ransomware attack. Members' claim files cannot be reached.",
     ("2023-10-11", "2023-10-09")),
])
def test_dates_the_predicate_of_the_date_outweighs_a_cue_of_another_clause(lang, text, expected):
    from breachnlp import extract

    dates = extract(text, lang=lang, published="2023-10-14").date
    assert (dates.disclosed, dates.occurred) == expected


@pytest.mark.parametrize("lang,text", [
    # a regulator notified (passive) is the organization's filing, a disclosure, not its discovery
    ("en", "On 4 March 2023, the Commission was notified by the Brightwater Clinic that a laptop holding the names "
           "and diagnoses of 640 patients had been stolen from a nurse's car."),
    ("fr", "Le 4 mars 2023, l'autorité de contrôle a été informée par la clinique Brightwater du vol d'un ordinateur "
           "portable contenant les noms et les diagnostics de 640 patients dans la voiture d'une infirmière."),
])
def test_dates_a_regulator_being_notified_is_a_disclosure(lang, text):
    from breachnlp import extract

    dates = extract(text, lang=lang, published="2023-06-01").date
    assert dates.disclosed == "2023-03-04" and dates.discovered is None


@pytest.mark.parametrize("lang,text", [
    # the verb the date hangs on, nearer than the cue of another clause ("touchés"), tells a discovery;
    # English discovery verbs are cue words themselves, so there the nearest cue already is the verb
    ("fr", "Selon un blog spécialisé, jusqu'à 12 000 clients de la plateforme Fitvela ont été touchés, et c'est un "
           "chercheur indépendant qui a trouvé la base le 3 mars."),
])
def test_dates_the_verb_a_date_hangs_on_tells_a_discovery_over_a_cue_of_another_clause(lang, text):
    from breachnlp import extract

    dates = extract(text, lang=lang, published="2024-03-20").date
    assert (dates.discovered, dates.occurred) == ("2024-03-03", None)
