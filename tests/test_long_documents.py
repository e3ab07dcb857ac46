"""Texts longer than spaCy's ``max_length``: annotated in chunks, offsets mapped back.

A text longer than ``min(nlp.max_length, chunking.CHUNK_CHARS)`` is cut at paragraph (else
line, sentence, space) boundaries, each chunk annotated alone, and every span, cue offset
and sentence index moved back onto the whole text (:mod:`breachnlp.chunking`).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy

import breachnlp
from breachnlp import chunking
from breachnlp.text import segment_at, split_sentences
from test_fuzz import check_record, dump_doc

FILLER_FR = ("Le conseil municipal a voté le budget des écoles après un long débat sur les cantines. "
             "Les habitants du quartier attendent toujours la rénovation de la piscine.\n\n")
FILLER_EN = ("The city council approved the school budget after a long debate about lunches. "
             "Residents are still waiting for the swimming pool to reopen.\n\n")
HEAD_FR = ("La clinique des Lilas a été victime d'une cyberattaque.\n\n"
           "La clinique des Lilas a révélé le 12 mars 2024 que des pirates avaient dérobé des données.\n\n")
FACTS_FR = ("Selon la clinique des Lilas, les noms et les numéros de sécurité sociale de 914 138 patients ont été "
            "volés, mais aucune information médicale n'a été dérobée.\n\n")


def _long_text(head: str, filler: str, facts: str, size: int) -> str:
    """``head``, filler up to about half of ``size``, ``facts``, filler up to ``size``."""
    middle = filler * ((size // 2) // len(filler))
    return head + middle + facts + filler * ((size - len(head) - len(middle) - len(facts)) // len(filler) + 1)


@pytest.fixture
def small_max_length(nlp_fr):
    """The full French pipeline with ``max_length`` lowered, so a 60 kB text takes the chunked path."""
    saved = nlp_fr.max_length
    nlp_fr.max_length = 20_000
    yield nlp_fr
    nlp_fr.max_length = saved


def test_long_document_split_chunks_cover_the_text_on_paragraph_breaks():
    text = (FILLER_FR * 400)[:-1] + "x"
    chunks = chunking.split_chunks(text, 10_000)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(chunks, chunks[1:]))
    assert all(c.end - c.start <= 10_000 for c in chunks)
    assert all(text[c.end - 2:c.end] == "\n\n" for c in chunks[:-1])


@pytest.mark.parametrize("text,expected", [
    ("Une phrase. Une autre phrase. " * 800, ". "),       # no line break: at a sentence end
    ("mot " * 6000, " "),                                   # no sentence end: at a space
    ("x" * 25_000, "x"),                                    # nothing at all: a hard cut
])
def test_long_document_split_chunks_fall_back_to_sentences_spaces_and_hard_cuts(text, expected):
    chunks = chunking.split_chunks(text, 10_000)
    assert "".join(text[c.start:c.end] for c in chunks) == text
    assert all(text[c.end - len(expected):c.end] == expected for c in chunks[:-1])


def test_long_document_offsets_point_into_the_original_text(small_max_length):
    nlp = small_max_length
    text = _long_text(HEAD_FR, FILLER_FR, FACTS_FR, 60_000)
    assert len(text) > nlp.max_length
    doc = chunking.annotate(nlp, text, "2024-03-20")
    assert doc.text == text
    dump_doc(doc)
    result = doc._.breach
    check_record(result, text, "fr", "2024-03-20")
    assert result.organization == "clinique des Lilas"
    assert result.records is not None and result.records.value == 914138
    assert result.date.disclosed == "2024-03-12"
    assert result.phi == {"name": "affirmed", "national_id": "affirmed", "health_info": "negated"}
    count = [s for s in result.spans if s.label == "RECORD_COUNT"]
    assert count and all(s.start > 25_000 and text[s.start:s.end] == s.text == "914 138" for s in count)


def test_long_document_cue_offsets_and_sentence_indexes_refer_to_the_whole_text(small_max_length):
    text = _long_text(HEAD_FR, FILLER_FR, FACTS_FR, 60_000)
    doc = chunking.annotate(small_max_length, text, "2024-03-20")
    sentences = split_sentences(text)
    phi = [s for s in doc.spans["breach_phi"] if s._.phi_status == "negated"]
    assert phi and all(s.start_char > 25_000 for s in phi)
    for span in phi:
        cues = [text[start:end] for start, end, _ in span._.phi_cues]
        assert cues and all("aucun" in cue for cue in cues)
    for key in ("breach_org", "breach_records", "breach_dates", "breach_phi"):
        for span in doc.spans[key]:
            assert span._.breach_features["sentence"] == segment_at(sentences, span.start_char)


def test_long_document_chunks_choose_one_victim(small_max_length):
    """Each chunk names a victim of its own; the whole text keeps the best-scored one."""
    text = _long_text(HEAD_FR, FILLER_FR, "La mairie de Quimperlé a publié les horaires d'été.\n\n", 60_000)
    doc = chunking.annotate(small_max_length, text, "2024-03-20")
    victims = {s._.org_name for s in doc.spans["breach_org"] if s._.org_role == "victim"}
    assert victims == {"clinique des Lilas"}
    assert doc._.breach.organization == "clinique des Lilas"


def test_long_document_pipe_keeps_order_around_a_long_text():
    short_a = "Acme Health was hacked last week; the names of 1,200 patients were stolen."
    short_b = "Le cabinet Dentalia a perdu les dossiers de 300 patients."
    long_text = _long_text(HEAD_FR, FILLER_FR, FACTS_FR, chunking.CHUNK_CHARS + 50_000)
    results = list(breachnlp.pipe([{"text": short_a, "lang": "en"}, {"text": long_text, "lang": "fr"},
                                   {"text": short_b, "lang": "fr"}], profile="fast"))
    assert [r.organization for r in results][:2] == ["Acme Health", "clinique des Lilas"]
    assert "Dentalia" in (results[2].organization or "")
    assert results[1].records is not None and results[1].records.value == 914138
    for result, text, lang in zip(results, (short_a, long_text, short_b), ("en", "fr", "fr")):
        check_record(result, text, lang, None)


def test_long_document_no_doc_longer_than_a_chunk_reaches_the_pipeline(monkeypatch):
    nlp = spacy.blank("en")
    for name in ("breach_org", "breach_records", "breach_dates", "breach_phi", "breach_assemble"):
        nlp.add_pipe(name)
    seen = []
    original = type(nlp).__call__

    def spy(self, doc, **kwargs):
        seen.append(len(doc.text))
        return original(self, doc, **kwargs)

    monkeypatch.setattr(type(nlp), "__call__", spy)
    text = FILLER_EN * (350_000 // len(FILLER_EN))
    doc = chunking.annotate(nlp, text)
    assert doc.text == text
    assert len(seen) >= 4 and max(seen) <= chunking.CHUNK_CHARS


# A 5 MB text through extract() in a fresh process: no error, every evidence span inside the
# text, and the peak memory of the whole process stays bounded: one chunk (100 000 characters)
# goes through the pipeline at a time. Processing the text as one Doc is not even possible
# (spaCy refuses texts over nlp.max_length); the full models' NER needs about 3.5 GB for one
# 1 MB Doc. bench/bench_linear_time.py reports the measured figures.
FIVE_MB = textwrap.dedent("""
    import json, resource, sys
    import breachnlp
    sys.path.insert(0, sys.argv[1])
    from synth import long_text
    text = long_text(5_000_000)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = breachnlp.extract(text, lang="fr", published="2024-09-02", profile="fast")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    bad = [s.start for s in result.spans if not (0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text)]
    print(json.dumps({"length": len(text), "organization": result.organization, "spans": len(result.spans),
                      "bad": bad, "base_mb": base // 1024, "peak_mb": peak // 1024}))
""")


@pytest.mark.slow
def test_long_document_of_5_mb_annotates_with_bounded_memory():
    bench = str(Path(__file__).resolve().parent.parent / "bench")
    run = subprocess.run([sys.executable, "-c", FIVE_MB, bench], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["length"] >= 5_000_000
    assert report["organization"] == "clinique des Lilas"
    assert report["spans"] > 0 and report["bad"] == []
    assert report["peak_mb"] < 3000, report  # measured about 600 MB above the start
