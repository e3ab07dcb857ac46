"""Record-count rules without a model: RecordRules on one-line sentences, French and English.

Each marked figure is a count candidate (``<RECORD_COUNT …>``, attributes checked); the others
are not candidates at all.
"""
import pytest

from breachnlp.components.records import CountCandidate, RecordRules, choose_count
from breachnlp.markup import parse_markup
from breachnlp.resources import language_data
from breachnlp.taxonomy import LANGS
from breachnlp.text import fold

CASES = {
    "range": {
        "fr": "Entre les <RECORD_COUNT range_start=True>10 000</RECORD_COUNT> et "
              "<RECORD_COUNT unit=people qualifier=at_most>15 000</RECORD_COUNT> patients sont concernés.",
        "en": "Between the <RECORD_COUNT range_start=True>10,000</RECORD_COUNT> and "
              "<RECORD_COUNT unit=people qualifier=at_most>15,000</RECORD_COUNT> patients were affected.",
    },
    "superseded": {
        "fr": "Le bilan est de <RECORD_COUNT initial=False>192,7 millions</RECORD_COUNT>, contre les "
              "<RECORD_COUNT initial=True>190 millions</RECORD_COUNT> annoncés.",
        "en": "The count is <RECORD_COUNT initial=False>192.7 million</RECORD_COUNT>, up from the "
              "<RECORD_COUNT initial=True>190 million</RECORD_COUNT> reported.",
    },
    "unit_after_link": {
        "fr": "Les données de <RECORD_COUNT unit=people>3 millions</RECORD_COUNT> de patients ont été volées.",
        "en": "Hackers stole <RECORD_COUNT unit=people>4,000</RECORD_COUNT> of Acme's patients' files.",
    },
    "dates_are_no_counts": {
        "fr": "Le 1er mai 2024, les données de <RECORD_COUNT unit=people>12 000</RECORD_COUNT> patients ont été volées.",
        "en": "On May 1st, 2024, the data of <RECORD_COUNT unit=people>12,000</RECORD_COUNT> patients was stolen.",
    },
    "listed_years_are_no_counts": {  # the second year of a list, though people follow it
        "fr": "Une fuite découverte en 2018 et 2019 dont des salariés ont profité a touché "
              "<RECORD_COUNT unit=people>6 400</RECORD_COUNT> abonnés.",
        "en": "A leak found in 2019 and 2020 in which employees sold access exposed "
              "<RECORD_COUNT unit=people>6,400</RECORD_COUNT> subscribers.",
    },
    "a_year_before_a_word_counts_nothing": {  # a year counts only the noun right after it
        "fr": "Le technicien a rechargé une version 2017 complète du fichier des patients ; "
              "<RECORD_COUNT unit=people>2 019</RECORD_COUNT> patients sont touchés.",
        "en": "A technician restored an old 2019 backup of the client database; "
              "<RECORD_COUNT unit=people>2019</RECORD_COUNT> clients were affected.",
    },
    "postal_codes_are_no_counts": {  # a letter's address block
        "fr": "Clinique Sorbier\n12 rue des Lilas\n69003 Lyon Cedex 03\n\nLes données de "
              "<RECORD_COUNT unit=people>2 300</RECORD_COUNT> patients ont été copiées.",
        "en": "Harlow Pet Supplies\n410 Birch Road\nAustin, TX 78701\n\nThe data of "
              "<RECORD_COUNT unit=people>2,300</RECORD_COUNT> customers was copied.",
    },
    "postal_codes_inside_a_line_are_no_counts": {  # a party's address written on one line (Poland)
        "fr": "Partie : Banque Orlik S.A., rue Lipowa, 31-457 Cracovie. Les données de "
              "<RECORD_COUNT unit=people>2 300</RECORD_COUNT> clients ont été envoyées par erreur.",
        "en": "Party: Orlik Bank S.A., Lipowa street, 31-457 Krakow. The data of "
              "<RECORD_COUNT unit=people>2,300</RECORD_COUNT> customers was sent in error.",
    },
    "foreign_currency_is_no_count": {
        "fr": "Une amende de 4,5 milliards de wons vise la société pour la fuite touchant "
              "<RECORD_COUNT unit=people>20 000</RECORD_COUNT> clients.",
        "en": "A penalty of 4.5 billion won was imposed over the leak affecting "
              "<RECORD_COUNT unit=people>20,000</RECORD_COUNT> customers.",
    },
    "money_is_no_count": {
        "fr": "Une rançon de US$ 4 000 000 a été exigée pour <RECORD_COUNT unit=records>8 000</RECORD_COUNT> dossiers.",
        "en": "A ransom of US$ 4,000,000 was demanded for <RECORD_COUNT unit=records>8,000</RECORD_COUNT> records.",
    },
    "size_of_the_organization": {  # a relative clause about the organization, not about the breach
        "fr": "Le groupe Korvane, qui gère 300 cliniques et emploie 9 000 soignants, a été piraté : "
              "<RECORD_COUNT unit=people>41 000</RECORD_COUNT> patients sont touchés.",
        "en": "Korvane Health, which runs 300 clinics and has 9,000 staff members, was hacked: "
              "<RECORD_COUNT unit=people>41,000</RECORD_COUNT> patients are affected.",
    },
    "relative_clause_about_the_breach": {  # the clause speaks of the breach: its figure counts
        "fr": "La clinique Belair, qui s'est fait voler les dossiers de <RECORD_COUNT unit=people>2 500</RECORD_COUNT> "
              "patients, a porté plainte.",
        "en": "Belair Clinic, which had the files of <RECORD_COUNT unit=people>2,500</RECORD_COUNT> patients stolen, "
              "filed a complaint.",
    },
    "digits_ending_a_name": {  # "Covid-19", "W-2": the digits belong to a name, not a count
        "fr": "La plateforme Covid-19 a exposé les formulaires A-38 de <RECORD_COUNT unit=people>2 300</RECORD_COUNT> patients.",
        "en": "The Covid-19 portal exposed the W-2 forms of <RECORD_COUNT unit=people>2,300</RECORD_COUNT> employees.",
    },
    "qualifier_before": {
        "fr": "Plus de <RECORD_COUNT unit=accounts qualifier=at_least>6 000</RECORD_COUNT> comptes ont été piratés.",
        "en": "More than <RECORD_COUNT unit=accounts qualifier=at_least>6,000</RECORD_COUNT> accounts were hacked.",
    },
}


@pytest.fixture(scope="module", params=LANGS)
def rules(request):
    return RecordRules.from_data(language_data(request.param))


@pytest.mark.parametrize("case", sorted(CASES))
def test_record_rules_candidates(rules, case):
    text, spans = parse_markup(CASES[case][rules.lang])
    found = {(c.start, c.end): c for c in rules.candidates(text)}
    assert sorted(found) == [(s["start"], s["end"]) for s in spans], [text[s:e] for s, e in found]
    for span in spans:
        candidate = found[(span["start"], span["end"])]
        for key in ("unit", "qualifier", "initial", "range_start"):
            if key in span:
                assert str(getattr(candidate, key)) == span[key], (span["text"], key)


DATES = {
    "fr": ("Le texte dit {} ici.", ["1er mai 2024", "3 au 5 mai", "mai de 2020", "12 mars"]),
    "en": ("The text says {} here.", ["May 1st, 2024", "3 to 5 May", "1st of May", "May of 2020", "March 12th"]),
}


@pytest.mark.parametrize("lang", LANGS)
def test_record_rules_date_like_spans(lang):
    rules = RecordRules(lang)
    sentence, dates = DATES[lang]
    for date in dates:
        text = sentence.format(date)
        spans = [m.group() for m in rules.date_like.finditer(fold(text))]
        assert spans == [fold(date)], (date, spans)


@pytest.mark.parametrize("lang", LANGS)
def test_record_rules_words_come_from_the_language_data(lang):
    """Each language's patterns hold its own words only: no "the" in French, no "de" in English."""
    rules = RecordRules(lang)
    other = {"fr": "the ", "en": "les "}[lang]
    assert rules.range_between.search(fold({"fr": "entre les ", "en": "between the "}[lang]))
    assert not rules.range_between.search(fold({"fr": "entre ", "en": "between "}[lang]) + other)
    assert rules.money_before.search("us$ ") and rules.money_before.search("€")


def test_choose_count_prefers_the_precise_figure_of_the_same_count():
    rounded = CountCandidate(0, 5, 1_000_000, "people", "approx", 6.0, 0, significant=1)
    precise = CountCandidate(40, 47, 914_138, "people", "exact", 5.5, 2, significant=6)
    other = CountCandidate(80, 85, 3_000, "people", "exact", 3.0, 3, significant=1)
    assert choose_count([rounded, precise, other]) == precise
    assert choose_count([other], min_score=4.0) is None


@pytest.mark.parametrize("lang,text,increment,total", [
    # an increment is no total; "bringing its count to" gives the total
    ("en", "Records of about 3,100 more patients may have been exposed, the clinic said, bringing its count of "
           "people affected to roughly 64,000.", 3100, 64000),
    ("en", "Kestrel Clinic adds 3,100 people to its tally. The total now stands at 64,000.", 3100, None),
    ("fr", "Les dossiers de 3 100 patients supplémentaires ont pu être exposés, portant le total des personnes "
           "concernées à environ 64 000.", 3100, 64000),
])
def test_an_increment_is_a_first_figure_and_the_new_total_a_revision(lang, text, increment, total):
    found = {c.value: c for c in RecordRules(lang).candidates(text)}
    assert found[increment].initial and not found[increment].revision
    if total is not None:
        assert found[total].revision and not found[total].initial


@pytest.mark.parametrize("lang,text,figure,claimed", [
    # the attackers' word before a figure marks it claimed: the count only when the text gives no other
    ("en", "The gang claims it took 2.1 million records from Kestrel Labs.", "2.1 million", True),
    ("en", "According to the hackers, 48,000 patients are in the files.", "48,000", True),
    ("en", "Kestrel Labs said 48,000 patients are affected.", "48,000", False),
    ("fr", "Le groupe revendique le vol de 2,1 millions de dossiers du laboratoire Kestrel.", "2,1 millions", True),
    ("fr", "Selon les pirates, 48 000 patients figurent dans les fichiers.", "48 000", True),
    ("fr", "Le laboratoire Kestrel indique que 48 000 patients sont touchés.", "48 000", False),
])
def test_a_figure_in_the_attackers_words_is_marked_claimed(lang, text, figure, claimed):
    rules = RecordRules.from_data(language_data(lang))
    start = text.index(figure)
    candidate = next(c for c in rules.candidates(text) if c.start == start)
    assert ("claimed" in {cue[2] for cue in candidate.cues}) is claimed


@pytest.mark.parametrize("lang,text,value,unit", [
    # a relative clause that sets the count ("which puts the number … at"), a qualifier between: the count
    ("en", "Tellwise, which puts the number of member accounts concerned at some two million, shut the portal.",
     2_000_000, "accounts"),
    ("fr", "Tellwise, qui porte le nombre de comptes en cause à quelque deux millions, a fermé le portail.",
     2_000_000, "accounts"),
    # the people a data-protection text counts ("data subjects", « personnes concernées »)
    ("en", "The leaked spreadsheet held the details of 6,412 data subjects.", 6412, "people"),
    ("fr", "Le tableur divulgué contenait les coordonnées de 6 412 personnes concernées.", 6412, "people"),
])
def test_a_figure_the_count_is_set_at_is_a_candidate(lang, text, value, unit):
    found = [c for c in RecordRules(lang).candidates(text) if c.value == value]
    assert found and found[0].unit == unit and not found[0].population


@pytest.mark.parametrize("lang,text,value", [
    # a possessive of the writer before the figure: the whole membership, not the count
    ("en", "We regret the trouble caused to our clubs and our more than 310,000 players.", 310_000),
    ("fr", "Nous regrettons la gêne causée à nos clubs et à nos plus de 310 000 joueurs.", 310_000),
])
def test_our_members_are_a_population(lang, text, value):
    found = [c for c in RecordRules(lang).candidates(text) if c.value == value]
    assert found and found[0].population


@pytest.mark.parametrize("lang,text,value", [
    # a currency code inside a word after the figure (« joueurs », "amateurs") makes no amount of money
    ("fr", "Les fiches de 48 000 joueurs du championnat ont été copiées.", 48_000),
    ("en", "The files of 48,000 amateurs were copied from the league's server.", 48_000),
])
def test_a_currency_code_inside_a_word_is_no_money(lang, text, value):
    assert any(c.value == value for c in RecordRules(lang).candidates(text))


@pytest.mark.parametrize("lang,text,money", [
    # any currency sign right before a figure makes an amount, whatever the currency ("₦", "₱", "₺")
    ("en", "Unknown actors moved more than ₦2.9 billion out of the accounts of Zentra Pay in February.", 2_900_000_000),
    ("fr", "Des pirates ont détourné ₦2,9 milliards des comptes de Zentra Pay en février.", 2_900_000_000),
    ("en", "The gang demanded ₺750,000 from the clinic before leaking the files of 3,200 patients.", 750_000),
    ("fr", "Le gang réclamait ₺750 000 à la clinique avant de publier les fichiers de 3 200 patients.", 750_000),
    # the CFA franc written as its short name or its code after the figure
    ("fr", "Des fraudeurs ont détourné 143 millions FCFA des comptes de Zentel Mobile en janvier.", 143_000_000),
    ("en", "Fraudsters moved 143 million FCFA out of accounts at Zentel Mobile in January.", 143_000_000),
    ("en", "The gang asked the Dakar clinic for 25,000,000 XOF.", 25_000_000),
])
def test_a_figure_with_any_currency_is_money(lang, text, money):
    assert not any(c.value == money for c in RecordRules(lang).candidates(text))


@pytest.mark.parametrize("lang,text,name_number,count", [
    # a capitalized word right before a figure that no unit follows: the figure ends a name
    ("en", "The crew Nightjar 4417 says it took files on 2,310 customers from the dealer.", 4417, 2310),
    ("fr", "Le groupe Nightjar 4417 affirme avoir pris les fichiers de 2 310 clients du concessionnaire.", 4417, 2310),
    # a capitalized word opening the sentence is capitalized for that
    ("en", "About 2,310 customers were told. Roughly 880 were staff.", None, 880),
    ("fr", "Environ 2 310 clients ont été prévenus. Quelque 880 étaient des salariés.", None, 880),
])
def test_a_figure_ending_a_name_is_no_count(lang, text, name_number, count):
    values = [c.value for c in RecordRules(lang).candidates(text)]
    assert count in values and (name_number is None or name_number not in values)


@pytest.mark.parametrize("lang,text,value", [
    # counts of places, homes and vehicles, and sums in less common currencies, are no counts
    ("en", "Skimmers were found at about 340 of the chain's restaurants.", 340),
    ("fr", "Un logiciel espion a touché quelque 340 hôtels de la chaîne.", 340),
    ("en", "The regulator may fine the grocer up to 9 million shillings.", 9_000_000),
    ("fr", "Le régulateur peut infliger à l'épicier jusqu'à 9 millions de shillings.", 9_000_000),
])
def test_places_and_other_currencies_are_no_counts(lang, text, value):
    assert not any(c.value == value for c in RecordRules(lang).candidates(text))
