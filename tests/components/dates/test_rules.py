"""Date rules without a model: ``DateRules`` built from ``language_data(lang)`` on one-line sentences.

Each case is written in markup: ``<BREACH_DATE norm=… role=…>`` marks every date the rules must
find with a value, as its span (the date itself, introducers and frames left out), its ISO value
and its role (``role=none``: a date, not the breach's). Published on Friday 14 June 2024.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from breachnlp.components.dates import DateRules, date_skip_pattern, parse_published
from breachnlp.components.dates.resolve import _parse_numeric
from breachnlp.markup import parse_markup
from breachnlp.resources import language_data
from breachnlp.taxonomy import LANGS

PUBLISHED = date(2024, 6, 14)  # a Friday

CASES = {
    "fr": [
        "En <BREACH_DATE norm=2024-05 role=occurred>mai dernier</BREACH_DATE>, la clinique a été piratée.",
        "La clinique a annoncé le <BREACH_DATE norm=2024-06-03 role=disclosed>3 juin</BREACH_DATE> une fuite.",
        "Les pirates ont eu accès au réseau entre le <BREACH_DATE norm=2024-02-16/2024-05-12 role=occurred>16 février "
        "et le 12 mai 2024</BREACH_DATE>.",
        "L'intrusion a eu lieu du <BREACH_DATE norm=2024-03-08/2024-03-09 role=occurred>8 au 9 mars</BREACH_DATE>.",
        "La clinique a été piratée <BREACH_DATE norm=2024-06-11 role=occurred>il y a trois jours</BREACH_DATE>.",
        "La cyberattaque de <BREACH_DATE norm=2020 role=occurred>2020</BREACH_DATE> a touché la clinique.",
        "Le laboratoire a subi une intrusion <BREACH_DATE norm=2021-06/2021-08 role=occurred>l'été 2021</BREACH_DATE>.",
        "L'attaque a été détectée le <BREACH_DATE norm=2023-07-23 role=discovered>23/07/2023</BREACH_DATE>.",
        "Les patients ont jusqu'au <BREACH_DATE norm=2024-06-10 role=none>10 juin</BREACH_DATE> pour réclamer.",
        # a reflexive verb in any person and tense: « se sont aperçus », « s'étaient introduits »
        "Le <BREACH_DATE norm=2024-05-02 role=discovered>2 mai</BREACH_DATE>, les techniciens de la mutuelle se sont "
        "aperçus que des fichiers manquaient.",
        "Des pirates s'étaient introduits dans le réseau le <BREACH_DATE norm=2024-04-20 role=occurred>20 avril"
        "</BREACH_DATE>.",
        # a reply to a phishing message is the intrusion; an apology is an announcement
        "Une secrétaire a répondu à un courriel frauduleux le <BREACH_DATE norm=2024-03-12 role=occurred>12 mars"
        "</BREACH_DATE>.",
        "La mutuelle a présenté ses excuses aux adhérents le <BREACH_DATE norm=2024-06-08 role=disclosed>8 juin"
        "</BREACH_DATE>.",
    ],
    "en": [
        "Ormeau Clinic was hacked <BREACH_DATE norm=2024-05 role=occurred>last May</BREACH_DATE>.",
        "Ormeau Clinic announced on <BREACH_DATE norm=2024-06-03 role=disclosed>June 3</BREACH_DATE> that it was hacked.",
        "Hackers had access to the network between <BREACH_DATE norm=2024-02-16/2024-05-12 role=occurred>Feb. 16 "
        "and May 12, 2024</BREACH_DATE>.",
        "The intrusion took place from <BREACH_DATE norm=2024-03-08/2024-03-09 role=occurred>March 8 to 9</BREACH_DATE>.",
        "The clinic was hacked <BREACH_DATE norm=2024-06-11 role=occurred>three days ago</BREACH_DATE>.",
        "The <BREACH_DATE norm=2020 role=occurred>2020</BREACH_DATE> ransomware attack hit the clinic.",
        "The lab suffered an intrusion in the <BREACH_DATE norm=2021-06/2021-08 role=occurred>summer of 2021"
        "</BREACH_DATE>.",
        "The attack was detected on <BREACH_DATE norm=2023-07-23 role=discovered>07/23/2023</BREACH_DATE>.",
        "Patients have until <BREACH_DATE norm=2024-06-10 role=none>June 10</BREACH_DATE> to enroll.",
        # (the French cases: a reflexive verb in any person and tense)
        "On <BREACH_DATE norm=2024-05-02 role=discovered>May 2</BREACH_DATE>, the insurer's technicians realized "
        "that files were missing.",
        "Hackers had got into the network on <BREACH_DATE norm=2024-04-20 role=occurred>April 20</BREACH_DATE>.",
        "A secretary replied to a fraudulent email on <BREACH_DATE norm=2024-03-12 role=occurred>March 12"
        "</BREACH_DATE>.",
        "The insurer issued an apology to its members on <BREACH_DATE norm=2024-06-08 role=disclosed>June 8"
        "</BREACH_DATE>.",
    ],
}


@pytest.fixture(scope="module", params=LANGS)
def rules(request):
    return DateRules(language_data(request.param))


def _found(rules, text, published=PUBLISHED):
    return [(text[c.start:c.end], c.norm, c.role or "none") for c in rules.find(text, published) if c.norm]


@pytest.mark.parametrize("index", range(len(CASES["fr"])))
def test_dates_rules_value_and_role(rules, index):
    text, spans = parse_markup(CASES[rules.lang][index])
    expected = [(s["text"], s["norm"], s["role"]) for s in spans]
    assert _found(rules, text) == expected


@pytest.mark.parametrize("lang,sentence,norm", [
    ("fr", "Le 3 avril, un dimanche, la clinique a été piratée.", ["2024-04-03"]),
    ("en", "On April 3, a Sunday, the clinic was hacked.", ["2024-04-03"]),
])
def test_dates_rules_weekday_after_a_date_restates_it(lang, sentence, norm):
    found = DateRules(language_data(lang)).find(sentence, PUBLISHED)
    assert [c.norm for c in found] == norm


@pytest.mark.parametrize("lang,opening_hours", [
    ("fr", "La clinique est ouverte du lundi au samedi."),
    ("en", "The clinic is open from Monday to Saturday."),
])
def test_dates_rules_opening_hours_are_no_dates(lang, opening_hours):
    assert DateRules(language_data(lang)).find(opening_hours, PUBLISHED) == []


def test_dates_rules_lower_case_may_is_a_verb_in_english_only():
    en = DateRules(language_data("en"))
    assert _found(en, "The hackers may 2024 data.") == []
    assert language_data("fr").setting("months_capitalized") is False


def test_dates_rules_lower_case_month_with_a_day_or_a_part_is_a_month():
    """Forum posts write "march": with a day or "late"/"early" it can only be the month."""
    en = DateRules(language_data("en"))
    assert [n for _, n, _ in _found(en, "they emailed us in late march, then again on april 2.")] == ["2024-03", "2024-04-02"]
    assert _found(en, "We may notify you.") == []


def test_dates_rules_lower_case_month_before_last_year_is_a_month():
    """"in august last year", "between march and may this year": the year phrase makes it a month."""
    en = DateRules(language_data("en"))
    assert [n for _, n, _ in _found(en, "they found it in august last year and told us.")] == ["2023-08"]
    assert [n for _, n, _ in _found(en, "files leaked between january and march this year.")][-1:] == ["2024-01/2024-03"]


def test_dates_rules_a_day_range_does_not_take_the_figure_after_it():
    """"on March 3 and 2,000 patients": "2" opens a figure, not the end of a day range."""
    en = DateRules(language_data("en"))
    assert [n for _, n, _ in _found(en, "The clinic was hacked on March 3 and 2,000 patients were hit.")] == ["2024-03-03"]


@pytest.mark.parametrize("lang,expected", [("fr", (2024, 4, 3)), ("en", (2024, 3, 4))])
def test_dates_rules_numeric_dates_follow_the_language_order(lang, expected):
    assert _parse_numeric("03/04/2024", lang, language_data(lang).setting("date_order")) == expected
    # a first number above 12 cannot be a month in either order
    assert _parse_numeric("23/07/2020", lang, language_data(lang).setting("date_order")) == (2020, 7, 23)


def test_dates_rules_ne_que_keeps_the_clause():
    """French "n'a été repérée que le 3 juin": the detection verb before "que" still governs the date."""
    fr = DateRules(language_data("fr"))
    assert _found(fr, "La fuite n'a été repérée que le 3 juin.") == [("3 juin", "2024-06-03", "discovered")]


@pytest.mark.parametrize("lang,text,dates", [
    ("fr", "Le 3 mai 2024, 12 000 patients ; du 3 au 5 mai ; mai 2024 ; 03/05/2024 à 10h30.",
     ["3 mai 2024", "3 au 5 mai", "mai 2024", "03/05/2024", "10h30"]),
    ("en", "On May 3, 2024, 12,000 patients; 3 to 5 May; May 2024; 3rd of May; 2024-05; May 3 and 5, 2024.",
     ["May 3, 2024", "3 to 5 May", "May 2024", "3rd of May", "2024-05", "May 3 and 5, 2024"]),
])
def test_dates_rules_skip_pattern_finds_written_dates(lang, text, dates):
    from breachnlp.text import fold

    pattern = re.compile(date_skip_pattern(language_data(lang)))
    assert [text[m.start():m.end()] for m in pattern.finditer(fold(text))] == dates


def test_parse_published_lives_in_schema():
    from breachnlp.schema import parse_published as in_schema

    assert in_schema is parse_published
    assert in_schema("2024-06-14T08:00:00") == PUBLISHED


def test_dates_rules_skip_pattern_stops_at_a_line_break():
    """"Oct 18" then a bullet "- 31k patients": the bullet's figure is no end of a day range."""
    from breachnlp.text import fold

    text = "- they found out on Oct 18\n- 31k patients affected"
    pattern = re.compile(date_skip_pattern(language_data("en")))
    assert [text[m.start():m.end()] for m in pattern.finditer(fold(text))] == ["Oct 18"]


@pytest.mark.parametrize("lang,text", [
    ("fr", "Un pirate est entré dans le réseau le 19 mars 2022. L'intrusion n'a été repérée que le 26 mars."),
    ("en", "An intruder got into the network on March 19, 2022. The break-in was only spotted on March 26."),
])
def test_dates_rules_a_day_without_its_year_goes_on_in_the_year_just_written(lang, text):
    """The story is told in 2022: "26 mars" is 2022-03-26, not the 26 March before publication (2024)."""
    found = [n for _, n, _ in _found(DateRules(language_data(lang)), text)]
    assert found == ["2022-03-19", "2022-03-26"]


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Les pirates sont entrés dans le réseau du laboratoire en octobre 2021. L'équipe informatique a repéré "
           "l'intrusion le 14 octobre.", ["2021-10", "2021-10-14"]),
    ("en", "Criminals got into the insurer's mail server in October 2021; staff noticed the break-in around "
           "October 14.", ["2021-10", "2021-10-14"]),
    # another month keeps the year of publication: the month written with its year dates only its own days
    ("en", "Criminals got into the insurer's mail server in October 2021. It was fined on March 26.",
     ["2021-10", "2024-03-26"]),
])
def test_dates_rules_a_day_of_the_month_just_written_with_its_year_is_in_that_year(lang, text, expected):
    assert [n for _, n, _ in _found(DateRules(language_data(lang)), text)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # "the previous Saturday" counts back from the date the sentence tells, not from publication
    ("en", "In a notice dated May 22, Orvel Bank said it had found the intrusion the previous Saturday.",
     ["2024-05-22", "2024-05-18"]),
    ("fr", "Dans un avis du 22 mai, la banque Orvel dit avoir repéré l'intrusion le samedi précédent.",
     ["2024-05-22", "2024-05-18"]),
    # with no date before it, it is the last such weekday before publication
    ("en", "Orvel Bank said it had found the intrusion the previous Saturday.", ["2024-06-08"]),
])
def test_dates_rules_a_preceding_weekday_counts_back_from_the_date_before_it(lang, text, expected):
    assert [n for _, n, _ in _found(DateRules(language_data(lang)), text)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # "Monday of last week" is that weekday of the calendar week before publication's (Friday 14 June),
    # not the latest Monday
    ("en", "The Velmar depot said the break-in began on Monday of last week.", ["2024-06-03"]),
    ("fr", "Le dépôt Velmar a indiqué que l'intrusion avait commencé le lundi de la semaine dernière.", ["2024-06-03"]),
    ("en", "Keswin Foods confirmed on Thursday of the previous week that cards were skimmed.", ["2024-06-06"]),
    ("fr", "Keswin Foods a confirmé jeudi de la semaine passée que des cartes avaient été copiées.", ["2024-06-06"]),
])
def test_dates_rules_a_weekday_of_last_week_is_in_the_week_before_publication(lang, text, expected):
    assert [n for _, n, _ in _found(DateRules(language_data(lang)), text)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a weekday with a day's number and no month is the latest such day by publication (Friday 14 June)
    ("fr", "Les pirates sont entrés dans le réseau de la mutuelle Dorvan entre samedi 8 et lundi 10.",
     ["2024-06-08/2024-06-10"]),
    ("en", "The intruders got into the Dorvan network on Saturday the 8th, and staff noticed on Monday the 10th.",
     ["2024-06-08", "2024-06-10"]),
    ("fr", "La mutuelle Dorvan a été piratée le mardi 28, un mois après sa migration.", ["2024-05-28"]),
    # an hour after the weekday is no day of the month
    ("fr", "La mutuelle Dorvan a annoncé lundi 20 h que des données avaient été copiées.", ["2024-06-10"]),
])
def test_dates_rules_a_weekday_with_a_day_number_finds_its_month(lang, text, expected):
    assert [n for _, n, _ in _found(DateRules(language_data(lang)), text)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # "that same Tuesday", « ce mardi-là »: the weekday of the date just told, not the latest before publication
    ("en", "Intruders entered the Dalby Trust network on Tuesday, May 21. That same Tuesday the trust warned its staff.",
     ["2024-05-21", "2024-05-21"]),
    ("fr", "Des intrus sont entrés dans le réseau de la fondation Dalby le mardi 21 mai. Ce mardi-là, la fondation "
           "a prévenu son personnel.", ["2024-05-21", "2024-05-21"]),
    # a date told before another weekday: the first such weekday after it
    ("en", "Staff noticed the outage on Saturday, May 25, and on that Monday the insurer went public.",
     ["2024-05-25", "2024-05-27"]),
])
def test_dates_rules_that_same_weekday_is_the_weekday_of_the_date_just_told(lang, text, expected):
    assert [n for _, n, _ in _found(DateRules(language_data(lang)), text)] == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "En 2019, la clinique avait déjà été visée. Elle a été piratée le 26 mars."),
    ("en", "In 2019, the clinic had been targeted already. It was hacked on March 26."),
])
def test_dates_rules_a_background_year_does_not_date_a_later_day(lang, text):
    found = [n for _, n, _ in _found(DateRules(language_data(lang)), text)]
    assert found[-1] == "2024-03-26"


@pytest.mark.parametrize("lang,text", [
    ("fr", "La clinique Vauban devra verser 50 000 euros pour clore l'enquête, a annoncé l'autorité le 11 juin."),
    ("en", "Vauban Clinic will pay $50,000 to close the investigation, the regulator announced on June 11."),
])
def test_dates_rules_the_announcement_of_a_settlement_is_no_disclosure(lang, text):
    found = _found(DateRules(language_data(lang)), text)
    assert [(n, r) for _, n, r in found] == [("2024-06-11", "none")]


@pytest.mark.parametrize("lang,text,expr,norm", [
    # "le début du mois de mars" is March, not the start of the month of publication
    ("fr", "Les pirates étaient dans le réseau de la mutuelle Ormeau depuis le début du mois de mars.",
     "début du mois de mars", "2024-03"),
    ("fr", "La clinique Ormeau a été piratée à la fin du mois de mars.", "la fin du mois de mars", "2024-03"),
    ("fr", "Au début du mois de mars, un chercheur a prévenu la clinique Ormeau.", "début du mois de mars", "2024-03"),
    ("en", "Ormeau Clinic was breached at the end of March.", "end of March", "2024-03"),
    ("en", "An intrusion at Ormeau Clinic in late last year may have exposed files.", "late last year", "2023"),
])
def test_dates_rules_a_part_of_a_named_month_is_that_month(lang, text, expr, norm):
    """(English "may" in lower case is the verb: "late last year may have" stays last year.)"""
    found = DateRules(language_data(lang)).find(text, PUBLISHED)
    assert [(c.expr, c.norm) for c in found] == [(expr, norm)]


@pytest.mark.parametrize("lang,text,expected", [
    # a day without its year goes on in the year of the full date of its paragraph, a few sentences on
    ("fr", "Le 4 mars 2022, les serveurs de la clinique Ormeau ont été chiffrés. Les urgences ont fermé. Les "
           "patients ont été redirigés. Le 11 mars, les pirates ont publié des fichiers.\n\nLe 2 mai, la "
           "clinique a rouvert.", ["2022-03-04", "2022-03-11", "2024-05-02"]),
    ("en", "On March 4, 2022, Ormeau Clinic's servers were encrypted. The emergency room closed. Patients were "
           "sent elsewhere. On March 11, the gang posted files.\n\nOn May 2, the clinic reopened.",
     ["2022-03-04", "2022-03-11", "2024-05-02"]),
])
def test_dates_rules_a_day_without_its_year_keeps_its_paragraphs_year(lang, text, expected):
    assert [c.norm for c in DateRules(language_data(lang)).find(text, PUBLISHED)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a day without its year joined to the next day that has one is in that year, the year before when
    # it would follow it; a day apart from it keeps the year of publication
    ("fr", "Un intérimaire a ouvert les dossiers de la clinique Ormeau le 3 février et le 19 avril 2019.",
     ["2019-02-03", "2019-04-19"]),
    ("fr", "Les pirates sont revenus le 27 novembre et le 4 janvier 2020 sur les serveurs de la mutuelle Ormeau.",
     ["2019-11-27", "2020-01-04"]),
    ("en", "A temp opened Ormeau Clinic's files on February 3 and April 19, 2019.", ["2019-02-03", "2019-04-19"]),
    ("en", "The gang came back on November 27 and January 4, 2020.", ["2019-11-27", "2020-01-04"]),
    ("en", "Ormeau Clinic said on May 2 that files seen on April 19, 2019 were exposed.", ["2024-05-02", "2019-04-19"]),
])
def test_dates_rules_a_day_joined_to_a_dated_day_takes_its_year(lang, text, expected):
    assert [c.norm for c in DateRules(language_data(lang)).find(text, PUBLISHED)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # two weekdays joined by "and" are a span of days; with a verb between them they stay two dates
    ("fr", "Le centre hospitalier Ormeau a subi lundi et mardi une cyberattaque.", ["2024-06-10/2024-06-11"]),
    ("en", "Ormeau Clinic's network was hit on Wednesday and Thursday.", ["2024-06-12/2024-06-13"]),
    ("en", "Ormeau Clinic was hit on Monday and said so on Thursday.", ["2024-06-10", "2024-06-13"]),
])
def test_dates_rules_two_weekdays_joined_are_a_span(lang, text, expected):
    assert [c.norm for c in DateRules(language_data(lang)).find(text, PUBLISHED)] == expected


@pytest.mark.parametrize("lang,text", [
    # a story told in the historical present: "accède" dates the access as "a accédé" does
    ("fr", "Le 12 mars 2023, un ancien agent du laboratoire accède encore aux fichiers des patients."),
    ("fr", "Le 12 mars 2023, un ancien agent du laboratoire a accédé aux fichiers des patients."),
    ("en", "On March 12, 2023, a former lab employee accessed the patients' files."),
])
def test_dates_rules_an_access_in_any_tense_dates_the_occurrence(lang, text):
    assert [(n, role) for _, n, role in _found(DateRules(language_data(lang)), text)] == [("2023-03-12", "occurred")]
