"""Saving and loading components the SpanRuler way, on blank pipelines (no trained model).

A component saves its options and the resource files it reads, and loading restores both in
place: a non-default option survives, the saved data (not the installed one) is used, and
nothing is left behind on disk.
"""
from __future__ import annotations

import shutil
import tempfile
from importlib import resources as importlib_resources
from pathlib import Path

import pytest
import spacy
import srsly

from breachnlp.api import make_doc
from breachnlp.errors import ConfigError
from breachnlp.pipeline import COMPONENTS
from breachnlp.resources import RESOURCE_FILES
from breachnlp.taxonomy import LANGS

NON_DEFAULT = {
    "breach_org": {"use_ner": False},
    "breach_phi": {"explain": False},
    "breach_records": {"spans_key": "counts"},
    "breach_dates": {"spans_key": "when"},
    "breach_assemble": {"records_key": "counts", "dates_key": "when", "spans_key": "evidence"},
}
TEXTS = {
    "fr": "Le laboratoire Orvalis a été piraté le 3 février 2025 : les adresses de 7 250 patients ont fuité.",
    "en": "Hackers broke into Pinecrest Dental Group on March 3, 2025 and took the emails of 7,250 patients.",
}


def _pipeline(lang: str) -> spacy.Language:
    nlp = spacy.blank(lang)
    for name in COMPONENTS:
        nlp.add_pipe(name, config=NON_DEFAULT.get(name, {}))
    return nlp


def _options(nlp: spacy.Language) -> dict[str, dict[str, object]]:
    return {name: nlp.get_pipe(name)._config() for name in nlp.pipe_names}


@pytest.mark.parametrize("lang", LANGS)
def test_non_default_options_survive_to_disk_and_load(tmp_path, lang):
    nlp = _pipeline(lang)
    nlp.to_disk(tmp_path / "pipe")
    reloaded = spacy.load(tmp_path / "pipe")
    assert _options(reloaded) == _options(nlp)
    assert reloaded.get_pipe("breach_phi").explain is False
    assert reloaded.get_pipe("breach_org").use_ner is False
    doc = reloaded(make_doc(reloaded, TEXTS[lang], "2025-03-20"))
    assert doc._.breach.records.value == 7250  # read from the non-default group "counts"
    assert doc._.breach.date.occurred == "2025-02-03" if lang == "fr" else "2025-03-03"
    assert len(doc.spans["evidence"]) > 0 and "breach" not in doc.spans


@pytest.mark.parametrize("lang", LANGS)
def test_non_default_options_survive_bytes_into_a_default_component(lang):
    nlp = _pipeline(lang)
    fresh = spacy.blank(lang)
    for name in COMPONENTS:
        fresh.add_pipe(name)
        fresh.get_pipe(name).from_bytes(nlp.get_pipe(name).to_bytes())
    assert _options(fresh) == _options(nlp)


def test_each_component_saves_only_the_files_it_reads(tmp_path):
    nlp = _pipeline("fr")
    nlp.to_disk(tmp_path / "pipe")
    for name in COMPONENTS:
        saved = sorted(p.stem for p in (tmp_path / "pipe" / name / "resources" / "fr").glob("*.yml"))
        assert saved == sorted(nlp.get_pipe(name).reads), name
        assert "reads" in type(nlp.get_pipe(name)).__dict__, name  # declared, not the default of all files
    assert any(len(nlp.get_pipe(name).reads) < len(RESOURCE_FILES) for name in COMPONENTS)


def test_from_bytes_writes_no_temporary_folder(monkeypatch):
    nlp = _pipeline("en")
    data = {name: nlp.get_pipe(name).to_bytes() for name in COMPONENTS}

    def refuse(*args, **kwargs):
        raise AssertionError("from_bytes must not create a temporary folder")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    for name in COMPONENTS:
        nlp.get_pipe(name).from_bytes(data[name])


@pytest.mark.parametrize("lang", LANGS)
def test_saved_data_is_used_after_loading_not_the_installed_one(tmp_path, lang):
    """A pipeline built on edited word lists keeps them through bytes and disk."""
    custom = tmp_path / "resources"
    shutil.copytree(Path(str(importlib_resources.files("breachnlp.resources").joinpath(lang))), custom / lang)
    phi = srsly.read_yaml(custom / lang / "phi.yml")
    phi["categories"]["email"].append("zorglubmail")
    srsly.write_yaml(custom / lang / "phi.yml", phi)
    text = TEXTS[lang].replace("adresses" if lang == "fr" else "emails", "zorglubmail")

    def categories(nlp):
        doc = nlp(text)
        return [span._.phi_category for span in doc.spans["breach_phi"]]

    nlp = spacy.blank(lang)
    nlp.add_pipe("breach_phi", config={"resources": str(custom)})
    assert categories(nlp) == ["email"]

    fresh = spacy.blank(lang)
    fresh.add_pipe("breach_phi")
    assert categories(fresh) == []
    fresh.get_pipe("breach_phi").from_bytes(nlp.get_pipe("breach_phi").to_bytes())
    assert categories(fresh) == ["email"]

    nlp.to_disk(tmp_path / "pipe")
    shutil.rmtree(custom)  # the saved copy must be all it needs
    assert categories(spacy.load(tmp_path / "pipe")) == ["email"]


def test_assembler_refuses_an_evidence_key_that_is_an_input_group():
    nlp = spacy.blank("fr")
    with pytest.raises(ConfigError, match="overwrite"):
        nlp.add_pipe("breach_assemble", config={"spans_key": "breach_dates"})
