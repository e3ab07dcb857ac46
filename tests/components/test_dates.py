"""Dates: normalized at the expression's granularity, resolved against `published`, with a role."""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from breachnlp.components.dates import date_rules

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
    ("en-season", "en", "Ormeau Clinic suffered an intrusion in the summer of 2021.", "occurred", "2021"),
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
       lang=st.sampled_from(["fr", "en"]), form=st.integers(0, 4))
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
