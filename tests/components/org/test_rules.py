"""The organization rules without a model: one-line sentences of each language through the pure
modules of ``breachnlp.components.org`` (words from ``resources/<lang>/``, no NER)."""
from __future__ import annotations

import pytest

from breachnlp.components.org import OrgRules, org_rules
from breachnlp.resources import language_data
from breachnlp.taxonomy import LANGS


def _run(lang: str, text: str):
    rules = org_rules(lang)
    mentions = rules.mentions(text)
    clusters = rules.clusters(text, mentions)
    victim = rules.assign_roles(text, clusters)
    return mentions, clusters, victim


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
